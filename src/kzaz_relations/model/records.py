"""The records of the dataset: frozen, slotted, keyword-only attrs classes.

Every record has an ``id`` (lowercase kebab-case, unique in its table) and a non-empty
``citations`` tuple naming the sources that support it. References between records are
ids: ``Agreement.visit`` names a :class:`Visit`, ``CouncilMeeting.council`` a
:class:`Council`, and so on; :class:`kzaz_relations.Dataset` resolves them.
"""

from __future__ import annotations

from ._base import ID_PATTERN, REF_KEY, Citation, MonolingualText, ref, refs
from .agreement import Agreement
from .council import CoChair, Council, CouncilMeeting
from .event import Event
from .info import DatasetInfo
from .observation import Observation
from .people import Office, Organization, Person
from .project import Milestone, Project
from .source import Source
from .statement import Claim, Statement
from .tables import DATA_FORMAT
from .visit import Visit

__all__ = [
    "DATA_FORMAT",
    "ID_PATTERN",
    "REF_KEY",
    "Agreement",
    "Citation",
    "Claim",
    "CoChair",
    "Council",
    "CouncilMeeting",
    "DatasetInfo",
    "Event",
    "Milestone",
    "MonolingualText",
    "Observation",
    "Office",
    "Organization",
    "Person",
    "Project",
    "Record",
    "Source",
    "Statement",
    "Visit",
    "ref",
    "refs",
]

Record = (
    Source
    | Person
    | Organization
    | Agreement
    | Council
    | CouncilMeeting
    | Visit
    | Project
    | Observation
    | Statement
    | Event
)
"Any record of the dataset."
