"""kzaz_relations: a curated, cited dataset of Kazakhstan–Azerbaijan relations.

Load the packaged dataset with :func:`load` and ask it questions::

    >>> import kzaz_relations as kz
    >>> ds = kz.load()
    >>> ds.agreements["declaration-strategic-relations-allied-interaction-2022"].signed
    PartialDate.parse('2022-08-24')

Names are imported on first use, so ``import kzaz_relations`` stays cheap: it loads
neither cattrs nor the data until they are needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_attributes

if TYPE_CHECKING:
    from ._convert import dumps, loads, make_converter, structure, unstructure
    from ._links import Completeness, DocumentCount
    from .dataset import TABLES, Dataset, SearchHit, SearchResults, TimelineEntry, load, write_folder
    from .errors import DataError, DataFormatError, IntegrityError, Problem, ValidationError
    from .model import (
        DATA_FORMAT,
        Agreement,
        AgreementKind,
        AgreementStatus,
        Citation,
        Claim,
        CoChair,
        Comparison,
        Council,
        CouncilKind,
        CouncilMeeting,
        Country,
        DatasetInfo,
        Direction,
        Event,
        EventKind,
        Indicator,
        Level,
        Milestone,
        MonolingualText,
        Observation,
        ObservationStatus,
        Office,
        Organization,
        OrganizationKind,
        PartialDate,
        Period,
        Person,
        Precision,
        Project,
        ProjectStatus,
        Qualifier,
        Rank,
        Reference,
        ReporterKind,
        Sector,
        Source,
        SourceKind,
        Statement,
        Unit,
        Visit,
        VisitKind,
        citations_of,
        references,
        table_of,
    )
    from .series import Mirror, MirrorRow, MissingValueError, Series, SeriesPoint, Verdict, VerdictStatus
    from .table import Record, Table

    __version__: str

_MODEL = [
    "DATA_FORMAT",
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
    "table_of",
]

_LAZY: dict[str, str] = {
    **dict.fromkeys(_MODEL, ".model"),
    **dict.fromkeys(["dumps", "loads", "make_converter", "structure", "unstructure"], "._convert"),
    **dict.fromkeys(["TABLES", "Dataset", "load", "write_folder"], ".dataset"),
    **dict.fromkeys(["SearchHit", "SearchResults"], "._search"),
    "TimelineEntry": "._time",
    **dict.fromkeys(["Completeness", "DocumentCount"], "._links"),
    **dict.fromkeys(["DataError", "DataFormatError", "IntegrityError", "Problem", "ValidationError"], ".errors"),
    **dict.fromkeys(
        ["Mirror", "MirrorRow", "MissingValueError", "Series", "SeriesPoint", "Verdict", "VerdictStatus"], ".series"
    ),
    **dict.fromkeys(["Record", "Table"], ".table"),
    "__version__": "._version",
}

__all__ = [
    "DATA_FORMAT",
    "TABLES",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Citation",
    "Claim",
    "CoChair",
    "Comparison",
    "Completeness",
    "Council",
    "CouncilKind",
    "CouncilMeeting",
    "Country",
    "DataError",
    "DataFormatError",
    "Dataset",
    "DatasetInfo",
    "Direction",
    "DocumentCount",
    "Event",
    "EventKind",
    "Indicator",
    "IntegrityError",
    "Level",
    "Milestone",
    "Mirror",
    "MirrorRow",
    "MissingValueError",
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
    "Problem",
    "Project",
    "ProjectStatus",
    "Qualifier",
    "Rank",
    "Record",
    "Reference",
    "ReporterKind",
    "SearchHit",
    "SearchResults",
    "Sector",
    "Series",
    "SeriesPoint",
    "Source",
    "SourceKind",
    "Statement",
    "Table",
    "TimelineEntry",
    "Unit",
    "ValidationError",
    "Verdict",
    "VerdictStatus",
    "Visit",
    "VisitKind",
    "citations_of",
    "dumps",
    "load",
    "loads",
    "make_converter",
    "references",
    "structure",
    "table_of",
    "unstructure",
    "write_folder",
]


__getattr__, __dir__ = lazy_attributes(__name__, _LAZY, globals())
