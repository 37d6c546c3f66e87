"""Closed vocabularies used by the records.

Every enum is a :class:`enum.StrEnum` whose value is the text stored in the data files,
so ``Sector("energy") is Sector.ENERGY`` and members compare equal to their text.

The countries and sectors are defined here; each table's own vocabularies live in a private
module beside it and are imported the first time they are named, so a query on one table
does not build every enum (an enum member costs tens of microseconds to create).
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from .._lazy import lazy_attributes

if TYPE_CHECKING:
    from ._vocab_agreements import AgreementKind, AgreementStatus
    from ._vocab_figures import Comparison, Direction, Indicator, ObservationStatus, Qualifier, Rank, ReporterKind, Unit
    from ._vocab_records import CouncilKind, EventKind, Level, OrganizationKind, ProjectStatus, SourceKind, VisitKind

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
    SA = "SA"
    "Saudi Arabia."
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
    Country.SA: "Saudi Arabia",
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
    Country.SA: ("SAU", "682"),
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


_LAZY: dict[str, str] = {
    "AgreementKind": "._vocab_agreements",
    "AgreementStatus": "._vocab_agreements",
    "Indicator": "._vocab_figures",
    "Direction": "._vocab_figures",
    "Unit": "._vocab_figures",
    "ReporterKind": "._vocab_figures",
    "Rank": "._vocab_figures",
    "ObservationStatus": "._vocab_figures",
    "Qualifier": "._vocab_figures",
    "Comparison": "._vocab_figures",
    "SourceKind": "._vocab_records",
    "CouncilKind": "._vocab_records",
    "VisitKind": "._vocab_records",
    "Level": "._vocab_records",
    "EventKind": "._vocab_records",
    "OrganizationKind": "._vocab_records",
    "ProjectStatus": "._vocab_records",
}

__getattr__, __dir__ = lazy_attributes(__name__, _LAZY, globals())
