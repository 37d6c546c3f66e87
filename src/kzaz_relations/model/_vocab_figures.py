"""The closed vocabularies of observations and the claims of statements.

They are re-exported by :mod:`kzaz_relations.model.vocab` and defined in a module of their
own so that code that never touches these tables does not pay for building their enums.
"""

from __future__ import annotations

import enum

__all__ = [
    "Comparison",
    "Direction",
    "Indicator",
    "ObservationStatus",
    "Qualifier",
    "Rank",
    "ReporterKind",
    "Unit",
]


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

    @property
    def approximate(self) -> bool:
        """Whether the number is not exact (``about``, ``almost``, ``over``, ``under``): an
        :class:`~kzaz_relations.Observation` so qualified is never ``final``. ``up_to`` is a
        bound, not an approximation.

        Example:
            >>> Qualifier.ABOUT.approximate, Qualifier.UP_TO.approximate, Qualifier.EXACT.approximate
            (True, False, False)
        """
        return self in (Qualifier.ABOUT, Qualifier.ALMOST, Qualifier.OVER, Qualifier.UNDER)


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
