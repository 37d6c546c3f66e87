"""The closed vocabularies of sources, councils, visits, events, organisations and projects.

They are re-exported by :mod:`kzaz_relations.model.vocab` and defined in a module of their
own so that code that never touches these tables does not pay for building their enums.
"""

from __future__ import annotations

import enum

__all__ = [
    "CouncilKind",
    "EventKind",
    "Level",
    "OrganizationKind",
    "ProjectStatus",
    "SourceKind",
    "VisitKind",
]


class SourceKind(enum.StrEnum):
    """What kind of publisher a source is."""

    OFFICIAL = "official"
    "A government body: presidency, ministry, embassy, parliament."
    NEWS_AGENCY = "news_agency"
    "A news agency or newspaper."
    INTERVIEW = "interview"
    "A published interview."
    STATISTICS = "statistics"
    "A statistics office or customs service."
    LEGAL_DATABASE = "legal_database"
    "A database of legal acts."
    COMPANY = "company"
    "A company's own publication."
    INTERNATIONAL_ORGANISATION = "international_organisation"
    "An international organisation."
    REFERENCE = "reference"
    "An encyclopedia, reference work or analytical publication."


class CouncilKind(enum.StrEnum):
    """The kind of a standing bilateral body."""

    SUPREME_INTERSTATE_COUNCIL = "supreme_interstate_council"
    INTERGOVERNMENTAL_COMMISSION = "intergovernmental_commission"
    BUSINESS_COUNCIL = "business_council"
    EXPERT_COUNCIL = "expert_council"
    PARLIAMENTARY_GROUP = "parliamentary_group"
    WORKING_GROUP = "working_group"
    OTHER = "other"


class VisitKind(enum.StrEnum):
    """The protocol level of a visit."""

    STATE = "state"
    OFFICIAL = "official"
    WORKING = "working"
    MULTILATERAL = "multilateral"
    "Attendance at a multilateral event, with bilateral talks."
    UNSPECIFIED = "unspecified"
    "A visit whose level no source states."


class Level(enum.StrEnum):
    """Who led a visit."""

    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    MINISTER = "minister"
    PARLIAMENT = "parliament"
    OTHER = "other"


class EventKind(enum.StrEnum):
    """The kind of a dated event that is not a visit, meeting or signing."""

    DIPLOMATIC_RELATIONS = "diplomatic_relations"
    RECOGNITION = "recognition"
    EMBASSY_OPENED = "embassy_opened"
    CONSULATE_OPENED = "consulate_opened"
    AMBASSADOR = "ambassador"
    "An ambassador appointed, accredited or presenting credentials."
    RATIFICATION = "ratification"
    LAUNCH = "launch"
    "A project, route or facility launched."
    CULTURAL = "cultural"
    "Cultural days, festivals, exhibitions, cultural centres."
    TRADE_MISSION_OPENED = "trade_mission_opened"
    "A trade house or trade representation opened."
    FLIGHT_ROUTE = "flight_route"
    "A direct air route opened or resumed."
    SHIPPING_LINE = "shipping_line"
    "A ferry or container line launched."
    SUMMIT = "summit"
    "A multilateral summit at which both sides met (when it is not recorded as a visit)."
    ACCIDENT = "accident"
    "An accident and its investigation."
    MONUMENT = "monument"
    "A monument, bust, street or park named or unveiled."
    AWARD = "award"
    "A state order or honour conferred on a figure of the other side."
    BUSINESS_FORUM = "business_forum"
    "A business forum."
    HUMANITARIAN = "humanitarian"
    "Aid, donations, reconstruction."
    EDUCATION = "education"
    "A school, university branch or scholarship programme."
    SPORT = "sport"
    OTHER = "other"


class OrganizationKind(enum.StrEnum):
    """The kind of an :class:`~kzaz_relations.Organization`.

    Example:
        >>> import kzaz_relations as kz
        >>> kz.load().organizations["kazmunaygas"].kind
        <OrganizationKind.STATE_COMPANY: 'state_company'>
    """

    STATE = "state"
    "A state as a party (the Republic of Kazakhstan)."
    GOVERNMENT = "government"
    "A national government (the Cabinet of Ministers)."
    PRESIDENCY = "presidency"
    "A president's office or administration."
    MINISTRY = "ministry"
    AGENCY = "agency"
    "A state agency, committee, service or fund."
    PARLIAMENT = "parliament"
    "A parliament or one of its chambers."
    STATE_COMPANY = "state_company"
    "A company the state owns or controls."
    COMPANY = "company"
    BANK = "bank"
    "A bank, central or commercial, or a development bank."
    INTERNATIONAL_ORGANISATION = "international_organisation"
    MEDIA = "media"
    "A news agency, newspaper or broadcaster."
    CITY = "city"
    "A city or region as a party (twin cities)."
    UNIVERSITY = "university"
    RESEARCH_INSTITUTE = "research_institute"
    "A research institute, think tank or library."
    ASSOCIATION = "association"
    "A business association, chamber or public association."
    OTHER = "other"


class ProjectStatus(enum.StrEnum):
    """Where a project stands."""

    PROPOSED = "proposed"
    PLANNED = "planned"
    UNDER_CONSTRUCTION = "under_construction"
    OPERATING = "operating"
    COMPLETED = "completed"
    SUSPENDED = "suspended"
