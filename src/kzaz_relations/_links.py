"""Links between records: references both ways, citations, and the graph.

Every link comes from a reference declared in the model (:mod:`kzaz_relations.model._references`);
nothing here lists fields by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ._lazy import require
from .model import TABLES, Citation, Source, citations_of, references

if TYPE_CHECKING:
    from .dataset import Dataset
    from .table import Record

__all__ = [
    "Completeness",
    "DocumentCount",
    "Edge",
    "build_cited_by",
    "build_links",
    "completeness",
    "edges",
    "label",
    "to_networkx",
]

Edge = tuple[str, str, str, str, str]
"An edge: ``(table, id, field, target table, target id)``."


def edges(ds: Dataset) -> Iterator[Edge]:
    """Every reference of the dataset as ``(table, id, field, target table, target id)``, in table order.

    A reference to an id that resolves in none of its tables (impossible in a checked
    dataset) is left out.
    """
    for name, table in ds.tables():
        refs = references(TABLES[name])
        if not refs:
            continue
        for record in table:
            for ref in refs:
                for _, target_id in ref.ids(record):
                    target = next((t for t in ref.targets if target_id in ds.table(t)), None)
                    if target is not None:
                        yield name, record.id, ref.label, target, target_id


def build_links(ds: Dataset) -> dict[tuple[str, str], list[Record]]:
    """``(table, id) -> linked records``, both directions, each linked record once, in edge order."""
    links: dict[tuple[str, str], dict[tuple[str, str], Record]] = {}
    for table, rid, _, target, tid in edges(ds):
        a, b = ds.table(table)[rid], ds.table(target)[tid]
        links.setdefault((table, rid), {}).setdefault((target, tid), b)
        links.setdefault((target, tid), {}).setdefault((table, rid), a)
    return {key: list(found.values()) for key, found in links.items()}


def build_cited_by(ds: Dataset) -> dict[str, list[Record]]:
    """``source id -> records citing it`` (nested citations count for their record)."""
    index: dict[str, list[Record]] = {}
    for name, table in ds.tables():
        if name == "sources":
            continue
        for r in table:
            for sid in dict.fromkeys(c.source for _, c in citations_of(r)):
                index.setdefault(sid, []).append(r)
    return index


def sources_of(ds: Dataset, record: Any) -> tuple[Source, ...]:
    """The sources a record cites, nested records' included, in citation order, each once."""
    out: dict[str, Source] = {}
    cites = [(None, record)] if isinstance(record, Citation) else citations_of(record)
    for _, c in cites:
        s = ds.sources.get(c.source)
        if s is not None:
            out.setdefault(s.id, s)
    return tuple(out.values())


def label(ds: Dataset, record: Any) -> str:
    """A one-line human label for any record (a title, a name, or a description built from its fields)."""
    from .model import Observation, Statement, Visit

    if isinstance(record, Visit):
        return f"{ds.name_of(record.visitor)} visits {record.to_country.label}"
    if isinstance(record, Statement):
        return f"{ds.name_of(record.speaker)}: {record.summary}"
    if isinstance(record, Observation):
        return f"{record.indicator.value} {record.period}: {record.value} {record.unit.value}"
    for field in ("title", "name"):
        value = getattr(record, field, None)
        if isinstance(value, str):
            return value
    return str(record.id)


def to_networkx(ds: Dataset) -> Any:
    """The dataset as a :class:`networkx.MultiDiGraph`: a node per record, an edge per reference.

    Nodes are keyed ``"table:id"`` (ids are unique only within a table) and carry ``table``,
    ``id``, ``label`` and, where the record has one, ``date`` (ISO text) attributes. Edges run
    from the record holding the reference to the record it names, keyed and labelled by
    the field (``field``, e.g. ``signatories`` or ``co_chairs.person``). Sources are nodes too,
    with a ``cites`` edge from each citing record.
    """
    nx = require("networkx", "to_networkx()", "graph")
    from .table import record_date

    graph = nx.MultiDiGraph(name=ds.info.title, version=ds.info.version)
    for name, table in ds.tables():
        for r in table:
            attrs_: dict[str, str] = {"table": name, "id": r.id, "label": label(ds, r)}
            when = record_date(r)
            if when is not None:
                attrs_["date"] = str(when)
            graph.add_node(f"{name}:{r.id}", **attrs_)
    for source_table, rid, field, target, tid in edges(ds):
        graph.add_edge(f"{source_table}:{rid}", f"{target}:{tid}", key=field, field=field)
    for name, table in ds.tables():
        if name == "sources":
            continue
        for r in table:
            for sid in dict.fromkeys(c.source for _, c in citations_of(r)):
                graph.add_edge(f"{name}:{r.id}", f"sources:{sid}", key="cites", field="cites")
    return graph


@attrs.frozen
class DocumentCount:
    """How many documents a source says were signed at a visit or meeting, and how many the dataset ties to it.

    Example:
        >>> import kzaz_relations as kz
        >>> counts = {c.record.id: c for c in kz.load().completeness().counts}
        >>> c = counts["tokayev-state-visit-azerbaijan-2024-03"]
        >>> c.reported, c.missing == c.reported - c.identified
        (14, True)
    """

    record: Any
    "The :class:`~kzaz_relations.Visit` or :class:`~kzaz_relations.CouncilMeeting`."
    reported: int
    "The count a source gives (``documents_reported``)."
    identified: int
    "The agreements the dataset ties to it (``Agreement.visit`` / ``Agreement.meeting``)."

    @property
    def missing(self) -> int:
        """How many of the reported documents the dataset does not identify."""
        return max(0, self.reported - self.identified)


@attrs.frozen
class Completeness:
    """What the dataset knows of the documents signed at visits and meetings that report a count.

    Example:
        >>> import kzaz_relations as kz
        >>> c = kz.load().completeness()
        >>> 0 < c.identified <= c.reported
        True
    """

    counts: tuple[DocumentCount, ...]
    "One entry per visit or meeting with a reported count, in date order."

    @property
    def reported(self) -> int:
        """All documents reported."""
        return sum(c.reported for c in self.counts)

    @property
    def identified(self) -> int:
        """The reported documents the dataset identifies (at most the count reported, for each)."""
        return sum(min(c.identified, c.reported) for c in self.counts)

    @property
    def share(self) -> float:
        """``identified / reported`` (1.0 when nothing is reported).

        Example:
            >>> Completeness(()).share
            1.0
        """
        return self.identified / self.reported if self.reported else 1.0


def completeness(ds: Dataset) -> Completeness:
    """See :meth:`Dataset.completeness <kzaz_relations.Dataset.completeness>`."""
    from .table import record_date

    tied: dict[str, int] = {}
    for a in ds.agreements:
        for host in (a.visit, a.meeting):
            if host is not None:
                tied[host] = tied.get(host, 0) + 1
    hosts = [r for r in (*ds.visits, *ds.meetings) if r.documents_reported is not None]
    hosts.sort(key=lambda r: (record_date(r), r.id))
    return Completeness(tuple(DocumentCount(r, r.documents_reported, tied.get(r.id, 0)) for r in hosts))
