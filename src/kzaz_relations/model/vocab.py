"""Closed vocabularies used by the records.

Every enum is a :class:`enum.StrEnum` whose value is the text stored in the data files,
so ``Sector("energy") is Sector.ENERGY`` and members compare equal to their text.
"""

from __future__ import annotations

import enum

__all__ = [
    "AgreementKind",
    "AgreementStatus",
    "Comparison",
    "CouncilKind",
    "Country",
    "Direction",
    "EventKind",
    "Indicator",
    "Level",
    "ObservationStatus",
    "OrganizationKind",
    "ProjectStatus",
    "Qualifier",
    "Rank",
    "ReporterKind",
    "Sector",
    "SourceKind",
    "Unit",
    "VisitKind",
]


class Country(enum.StrEnum):
    """A state, by its ISO 3166-1 alpha-2 code."""

    KZ = "KZ"
    "Kazakhstan."
    AZ = "AZ"
    "Azerbaijan."
    AE = "AE"
    "United Arab Emirates."
    AM = "AM"
    "Armenia."
    BY = "BY"
    "Belarus."
    CN = "CN"
    "China."
    GB = "GB"
    "United Kingdom."
    GE = "GE"
    "Georgia."
    HU = "HU"
    "Hungary."
    IR = "IR"
    "Iran."
    IT = "IT"
    "Italy."
    KG = "KG"
    "Kyrgyzstan."
    RO = "RO"
    "Romania."
    RU = "RU"
    "Russia."
    TJ = "TJ"
    "Tajikistan."
    TM = "TM"
    "Turkmenistan."
    TR = "TR"
    "Türkiye."
    UA = "UA"
    "Ukraine."
    US = "US"
    "United States."
    UZ = "UZ"
    "Uzbekistan."

    @property
    def label(self) -> str:
        """The English short name of the state."""
        return _COUNTRY_NAMES[self]

    @property
    def alpha2(self) -> str:
        """The ISO 3166-1 alpha-2 code (the member's value).

        Example:
            >>> Country.KZ.alpha2, Country.KZ.alpha3, Country.AZ.numeric
            ('KZ', 'KAZ', '031')
        """
        return self.value

    @property
    def alpha3(self) -> str:
        """The ISO 3166-1 alpha-3 code."""
        return _COUNTRY_CODES[self][0]

    @property
    def numeric(self) -> str:
        """The ISO 3166-1 numeric code, as three digits."""
        return _COUNTRY_CODES[self][1]


_COUNTRY_NAMES = {
    Country.KZ: "Kazakhstan",
    Country.AZ: "Azerbaijan",
    Country.AE: "United Arab Emirates",
    Country.AM: "Armenia",
    Country.BY: "Belarus",
    Country.CN: "China",
    Country.GB: "United Kingdom",
    Country.GE: "Georgia",
    Country.HU: "Hungary",
    Country.IR: "Iran",
    Country.IT: "Italy",
    Country.KG: "Kyrgyzstan",
    Country.RO: "Romania",
    Country.RU: "Russia",
    Country.TJ: "Tajikistan",
    Country.TM: "Turkmenistan",
    Country.TR: "Türkiye",
    Country.UA: "Ukraine",
    Country.US: "United States",
    Country.UZ: "Uzbekistan",
}


_COUNTRY_CODES = {
    Country.KZ: ("KAZ", "398"),
    Country.AZ: ("AZE", "031"),
    Country.AE: ("ARE", "784"),
    Country.AM: ("ARM", "051"),
    Country.BY: ("BLR", "112"),
    Country.CN: ("CHN", "156"),
    Country.GB: ("GBR", "826"),
    Country.GE: ("GEO", "268"),
    Country.HU: ("HUN", "348"),
    Country.IR: ("IRN", "364"),
    Country.IT: ("ITA", "380"),
    Country.KG: ("KGZ", "417"),
    Country.RO: ("ROU", "642"),
    Country.RU: ("RUS", "643"),
    Country.TJ: ("TJK", "762"),
    Country.TM: ("TKM", "795"),
    Country.TR: ("TUR", "792"),
    Country.UA: ("UKR", "804"),
    Country.US: ("USA", "840"),
    Country.UZ: ("UZB", "860"),
}


class Sector(enum.StrEnum):
    """A field of cooperation."""

    POLITICS = "politics"
    "Political dialogue, foreign policy, state-level relations."
    DIPLOMACY = "diplomacy"
    "Diplomatic and consular matters: missions, visas, consular services."
    ECONOMY = "economy"
    "General economic cooperation."
    TRADE = "trade"
    "Trade in goods and services."
    INVESTMENT = "investment"
    "Investment, investment protection, joint funds."
    FINANCE = "finance"
    "Banking, finance, taxation."
    TRANSPORT = "transport"
    "Transport, transit, logistics, ports, railways, roads, aviation."
    ENERGY = "energy"
    "Electricity and energy in general, including renewables."
    OIL_GAS = "oil_gas"
    "Oil, gas and petrochemicals."
    MINING = "mining"
    "Mining and minerals, including uranium."
    DIGITAL = "digital"
    "Telecommunications, information technology, digitalisation."
    AGRICULTURE = "agriculture"
    "Agriculture and food, including grain."
    INDUSTRY = "industry"
    "Manufacturing and industrial cooperation."
    CASPIAN = "caspian"
    "The legal status of the Caspian Sea and maritime delimitation."
    SECURITY = "security"
    "Security, law enforcement, fighting crime."
    DEFENCE = "defence"
    "Defence and military cooperation."
    LEGAL = "legal"
    "Legal assistance, justice, extradition."
    MIGRATION = "migration"
    "Migration and labour mobility."
    CUSTOMS = "customs"
    "Customs cooperation."
    STANDARDS = "standards"
    "Standardisation, metrology, certification."
    ENVIRONMENT = "environment"
    "Environment, ecology, water and climate."
    EDUCATION = "education"
    "Education and science."
    CULTURE = "culture"
    "Culture, humanitarian ties, media, sport, youth."
    TOURISM = "tourism"
    "Tourism."
    HEALTH = "health"
    "Health care."
    EMERGENCIES = "emergencies"
    "Emergency situations and civil protection."


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


class AgreementKind(enum.StrEnum):
    """The kind of a signed document."""

    TREATY = "treaty"
    AGREEMENT = "agreement"
    DECLARATION = "declaration"
    JOINT_STATEMENT = "joint_statement"
    PROTOCOL = "protocol"
    MEMORANDUM = "memorandum"
    PROGRAMME = "programme"
    ACTION_PLAN = "action_plan"
    ROADMAP = "roadmap"
    CONTRACT = "contract"
    OTHER = "other"


class AgreementStatus(enum.StrEnum):
    """Where a document stands, as far as a source says."""

    SIGNED = "signed"
    "Signed; nothing further is known."
    RATIFIED = "ratified"
    "Ratified or approved by at least one party."
    IN_FORCE = "in_force"
    "Entered into force."
    EXPIRED = "expired"
    "Expired or terminated."


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


class Indicator(enum.StrEnum):
    """What an :class:`~kzaz_relations.Observation` measures.

    Trade flows use :class:`Direction` for who ships to whom: ``trade.exports`` with
    direction ``kz_to_az`` is Kazakhstan's exports to Azerbaijan, which Azerbaijan's
    statistics record as imports from Kazakhstan.
    """

    TRADE_TURNOVER = "trade.turnover"
    "Total bilateral trade in goods (exports plus imports)."
    TRADE_EXPORTS = "trade.exports"
    "Goods shipped in the observation's direction."
    TRADE_SERVICES = "trade.services"
    "Trade in services."
    INVESTMENT_FLOW = "investment.flow"
    "Direct investment flow in the period, in the observation's direction."
    INVESTMENT_STOCK = "investment.stock"
    "Accumulated direct investment, in the observation's direction."
    INVESTMENT_TOTAL = "investment.total"
    "Direct investment of either side into the other, as a total."
    TRANSIT_CARGO = "transit.cargo"
    "Cargo carried on a route (tonnes)."
    TRANSIT_CONTAINERS = "transit.containers"
    "Containers carried on a route (TEU)."
    OIL_TRANSIT = "oil.transit"
    "Kazakh oil shipped through Azerbaijan."
    GRAIN_EXPORTS = "grain.exports"
    "Grain and flour exports."
    COMPANIES = "companies"
    "Companies with the other side's capital."
    DOCUMENTS = "documents"
    "Bilateral documents signed."
    TOURISTS = "tourists"
    "Visitors and tourist trips."
    FLIGHTS = "flights"
    "Scheduled flights per week."
    CAPACITY = "capacity"
    "A capacity or size of an installation."
    OTHER = "other"
    "A figure described in the observation's note."


class Direction(enum.StrEnum):
    """Which way a flow runs."""

    KZ_TO_AZ = "kz_to_az"
    AZ_TO_KZ = "az_to_kz"
    BOTH = "both"
    "Both ways together, or no direction (a turnover, a total)."


class Unit(enum.StrEnum):
    """The unit of a value."""

    USD = "usd"
    USD_THOUSAND = "usd_thousand"
    USD_MILLION = "usd_million"
    USD_BILLION = "usd_billion"
    TONNES = "tonnes"
    THOUSAND_TONNES = "thousand_tonnes"
    MILLION_TONNES = "million_tonnes"
    TEU = "teu"
    COUNT = "count"
    PERCENT = "percent"
    MW = "mw"
    GW = "gw"
    KWH_BILLION = "kwh_billion"
    GBPS = "gbps"
    TBPS = "tbps"
    KM = "km"
    DAYS = "days"
    BARRELS_PER_DAY = "barrels_per_day"


class ReporterKind(enum.StrEnum):
    """Who produced a figure."""

    STATISTICS = "statistics"
    "A national statistics office."
    CUSTOMS = "customs"
    "A customs service."
    CENTRAL_BANK = "central_bank"
    "A central bank (balance-of-payments and investment statistics)."
    MINISTRY = "ministry"
    "A ministry or government agency."
    HEAD_OF_STATE = "head_of_state"
    "A president's statement."
    OFFICIAL = "official"
    "Another official's statement (minister, ambassador, deputy prime minister)."
    COMPANY = "company"
    "A company."
    MEDIA = "media"
    "A news report without an attributed official source."
    OTHER = "other"


class Rank(enum.StrEnum):
    """How a value ranks against others for the same period (as in Wikidata)."""

    PREFERRED = "preferred"
    "The value a source justifies as best (for example the final official figure)."
    NORMAL = "normal"
    DEPRECATED = "deprecated"
    "Known to be superseded or wrong, kept for the record."


class ObservationStatus(enum.StrEnum):
    """How final a value is."""

    FINAL = "final"
    PRELIMINARY = "preliminary"
    ESTIMATE = "estimate"
    "Rounded, approximate or stated in passing."


class Qualifier(enum.StrEnum):
    """How a stated number was qualified."""

    EXACT = "exact"
    ABOUT = "about"
    ALMOST = "almost"
    "Just under the number."
    OVER = "over"
    "More than the number."
    UNDER = "under"
    "Less than the number."
    UP_TO = "up_to"
    "At most the number (a capacity or a target)."


class Comparison(enum.StrEnum):
    """How a :class:`~kzaz_relations.Claim` compares its number with the observations."""

    VALUE = "value"
    "The value for one period."
    RATIO = "ratio"
    'The value of the second period divided by that of the first ("grew 5 times").'
    CHANGE_PERCENT = "change_percent"
    "The percentage change from the first period to the second."
    TARGET = "target"
    'A pledge: the stated value is to be reached by the period ("$1 billion of trade by 2025").'


class Level(enum.StrEnum):
    """Who led a visit."""

    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    MINISTER = "minister"
    PARLIAMENT = "parliament"
    OTHER = "other"
