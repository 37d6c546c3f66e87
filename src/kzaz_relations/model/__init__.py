"""The vocabulary of the dataset: records, enums and partial dates. No I/O happens here.

Each record class lives in a module of its own (``agreement``, ``council``, ``people``…) and
is imported on first use, so code that needs one table's records pays only for defining
those classes. The partial dates, countries and sectors are imported with the package;
every other vocabulary with the first use of its name.

The record modules do not postpone their annotations (no ``from __future__ import
annotations``): each field's declared type is an object when its class is defined, so the
packaged data's fast path and the converter read it without compiling annotation text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes
from .dates import PartialDate, Period, Precision
from .vocab import _LAZY as _VOCABULARIES
from .vocab import Country, Sector

if TYPE_CHECKING:
    from ._base import Citation, MonolingualText
    from ._references import TABLES, Reference, citations_of, references, table_of
    from .agreement import Agreement
    from .council import CoChair, Council, CouncilMeeting
    from .event import Event
    from .info import DatasetInfo
    from .observation import Observation
    from .people import Office, Organization, Person
    from .project import Milestone, Project
    from .records import Record
    from .source import Source
    from .statement import Claim, Statement
    from .tables import DATA_FORMAT, TABLE_NAMES, table_class
    from .visit import Visit
    from .vocab import (
        AgreementKind,
        AgreementStatus,
        Comparison,
        CouncilKind,
        Direction,
        EventKind,
        Indicator,
        Level,
        ObservationStatus,
        OrganizationKind,
        ProjectStatus,
        Qualifier,
        Rank,
        ReporterKind,
        SourceKind,
        Unit,
        VisitKind,
    )

_LAZY: dict[str, str] = {
    "Citation": "._base",
    "MonolingualText": "._base",
    "Agreement": ".agreement",
    "CoChair": ".council",
    "Council": ".council",
    "CouncilMeeting": ".council",
    "Event": ".event",
    "DATA_FORMAT": ".tables",
    "DatasetInfo": ".info",
    "Observation": ".observation",
    "Office": ".people",
    "Organization": ".people",
    "Person": ".people",
    "Milestone": ".project",
    "Project": ".project",
    "Record": ".records",
    "TABLES": "._references",
    "Reference": "._references",
    "citations_of": "._references",
    "references": "._references",
    "table_of": "._references",
    "Source": ".source",
    "Claim": ".statement",
    "Statement": ".statement",
    "TABLE_NAMES": ".tables",
    "table_class": ".tables",
    "Visit": ".visit",
    # every vocabulary but the countries and sectors, built on first use
    **dict.fromkeys(_VOCABULARIES, ".vocab"),
}

__all__ = [
    "DATA_FORMAT",
    "TABLES",
    "TABLE_NAMES",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Citation",
    "Claim",
    "CoChair",
    "Comparison",
    "Council",
    "CouncilKind",
    "CouncilMeeting",
    "Country",
    "DatasetInfo",
    "Direction",
    "Event",
    "EventKind",
    "Indicator",
    "Level",
    "Milestone",
    "MonolingualText",
    "Observation",
    "ObservationStatus",
    "Office",
    "Organization",
    "OrganizationKind",
    "PartialDate",
    "Period",
    "Person",
    "Precision",
    "Project",
    "ProjectStatus",
    "Qualifier",
    "Rank",
    "Record",
    "Reference",
    "ReporterKind",
    "Sector",
    "Source",
    "SourceKind",
    "Statement",
    "Unit",
    "Visit",
    "VisitKind",
    "citations_of",
    "references",
    "table_class",
    "table_of",
]


__getattr__, __dir__ = lazy_attributes(__name__, _LAZY, globals())
