"""The :class:`Dataset` and the loader.

``load()`` reads the packaged data once (thread-safe) and returns the same immutable
:class:`Dataset` on every later call; ``load(path)`` reads a folder in the same layout
with exactly the same checks.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from os import PathLike
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from ._lazy import lazy_attributes
from ._sentinels import UNSET
from .model import PartialDate
from .model.tables import TABLE_NAMES, table_class
from .table import Table

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

    from ._links import Completeness
    from ._search import SearchHit, SearchResults
    from ._time import TimelineEntry
    from .errors import DataError, Problem
    from .model import (
        TABLES,
        Agreement,
        Council,
        CouncilMeeting,
        Country,
        DatasetInfo,
        Direction,
        Event,
        Indicator,
        Observation,
        Organization,
        Person,
        Project,
        Record,
        ReporterKind,
        Source,
        Statement,
        Unit,
        Visit,
    )
    from .series import Mirror, Series, Verdict

__all__ = [
    "TABLES",
    "Dataset",
    "SearchHit",
    "SearchResults",
    "TimelineEntry",
    "load",
    "read_folder",
    "write_folder",
]

METADATA_FILE: Final = "metadata.json"

R = TypeVar("R")


_NAMED: Final = ("people", "organizations")
"The tables whose records have names in several languages."


# Names re-exported from the query modules, imported on first use.
__getattr__, __dir__ = lazy_attributes(
    __name__,
    {"TABLES": ".model", "SearchHit": "._search", "SearchResults": "._search", "TimelineEntry": "._time"},
    globals(),
)


class Dataset:
    """The whole dataset: typed, immutable tables plus metadata and the queries over them.

    Get one with :func:`kzaz_relations.load`. Tables are attributes (``ds.agreements``,
    ``ds.people``…); indexes for references and search are built on first use and kept.
    The queries live in internal modules named for their concern — ``_links.py``
    (references, citations, the graph), ``_time.py`` (timeline, ``as_of``), ``_numbers.py``
    (series, mirror statistics, claim checks) and ``_search.py`` — and ``Dataset``
    delegates to them.

    Example:
        >>> import kzaz_relations as kz
        >>> ds = kz.load()
        >>> ds.meetings["supreme-interstate-council-1st-meeting-2024-03-11"].place
        'Baku'
    """

    __slots__ = ("_cache", "_info", "_loader", "_lock", "_tables")

    _cache: dict[str, Any]
    _info: DatasetInfo | Callable[[], DatasetInfo]
    _loader: Callable[[str], tuple[Any, ...]] | None
    _lock: threading.RLock
    _tables: dict[str, Table[Any]]
    sources: Table[Source]
    people: Table[Person]
    organizations: Table[Organization]
    agreements: Table[Agreement]
    councils: Table[Council]
    meetings: Table[CouncilMeeting]
    visits: Table[Visit]
    projects: Table[Project]
    observations: Table[Observation]
    statements: Table[Statement]
    events: Table[Event]

    def __init__(self, info: DatasetInfo, **tables: Iterable[Any]) -> None:
        unknown = set(tables) - set(TABLE_NAMES)
        if unknown:
            raise TypeError(f"unknown table(s): {', '.join(sorted(unknown))}")
        object.__setattr__(self, "_info", info)
        object.__setattr__(self, "_cache", {})
        object.__setattr__(self, "_lock", threading.RLock())
        object.__setattr__(self, "_loader", None)
        object.__setattr__(
            self,
            "_tables",
            {n: Table(tuple(tables.get(n, ())), table_class(n), self._names_of) for n in TABLE_NAMES},
        )

    @classmethod
    def _lazy(cls, info: Callable[[], DatasetInfo], loader: Callable[[str], tuple[Any, ...]]) -> Dataset:
        """A dataset whose metadata is built by ``info()`` and whose tables are read by
        ``loader(name)`` when first touched (the packaged data)."""
        self = cls.__new__(cls)
        object.__setattr__(self, "_info", info)
        object.__setattr__(self, "_cache", {})
        object.__setattr__(self, "_lock", threading.RLock())
        object.__setattr__(self, "_loader", loader)
        object.__setattr__(self, "_tables", {})
        return self

    @property
    def info(self) -> DatasetInfo:
        """The dataset's metadata (version, coverage, licence, how to cite it and its known gaps).

        For the packaged data it is built when first read, so a query that never asks for it
        does not pay for it.

        Example:
            >>> import kzaz_relations as kz
            >>> info = kz.load().info
            >>> info.format == kz.DATA_FORMAT, info.licence
            (True, 'CC-BY-4.0')
        """
        info = self._info
        if callable(info):
            with self._lock:
                info = self._info
                if callable(info):
                    info = info()
                    object.__setattr__(self, "_info", info)
        return info

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return self.info == other.info and all(self.table(n) == other.table(n) for n in TABLE_NAMES)

    def __hash__(self) -> int:
        return hash((self.info, *(self.table(n) for n in TABLE_NAMES)))

    def __repr__(self) -> str:
        counts = ", ".join(f"{n}={len(self.table(n))}" for n in TABLE_NAMES)
        return f"<Dataset {self.info.version}: {counts}>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.info, {n: self.table(n).records for n in TABLE_NAMES}))

    def table(self, name: str) -> Table[Any]:
        """A table by name (one of :data:`TABLES`)."""
        table = self._tables.get(name)
        if table is not None:
            return table
        if name not in TABLE_NAMES:
            raise KeyError(f"no table {name!r}; tables: {', '.join(TABLE_NAMES)}")
        with self._lock:
            table = self._tables.get(name)
            if table is None:
                assert self._loader is not None
                table = Table._from_sorted(self._loader(name), table_class(name), self._names_of)
                self._tables[name] = table
        return table

    def tables(self) -> Iterator[tuple[str, Table[Any]]]:
        """``(name, table)`` for every table, in :data:`TABLES` order."""
        for name in TABLE_NAMES:
            yield name, self.table(name)

    def __len__(self) -> int:
        """The number of records in all tables."""
        return sum(len(t) for _, t in self.tables())

    def _cached(self, key: str, build: Callable[[], R]) -> R:
        cache: dict[str, Any] = self._cache
        if key not in cache:
            with self._lock:
                if key not in cache:
                    cache[key] = build()
        value: R = cache[key]
        return value

    # --- lookups (links: _links.py) -------------------------------------------

    def find(self, id: str, tables: Iterable[str] | None = None) -> Record | None:
        """The record with this id in the first of ``tables`` (default: every table) that holds it, or ``None``.

        Ids are unique within a table but may repeat across tables; the first table wins.

        Example:
            >>> import kzaz_relations as kz
            >>> ds = kz.load()
            >>> type(ds.find("kazmunaygas")).__name__, ds.find("kazmunaygas", ["people"])
            ('Organization', None)
        """
        for name in TABLE_NAMES if tables is None else tables:
            record = self.table(name).get(id)
            if record is not None:
                return record  # type: ignore[no-any-return]
        return None

    def _resolve(self, record: Any) -> Any:
        if isinstance(record, str):
            found = self.find(record)
            if found is None:
                raise KeyError(f"no record with id {record!r}")
            return found
        return record

    def _names_of(self, id: str) -> tuple[str, ...]:
        """Every recorded name of a person or organisation (used by the ``where`` filters)."""
        r = self.find(id, _NAMED)
        return () if r is None else r.all_names  # type: ignore[union-attr]

    def name_of(self, id: str, language: str = "en") -> str:
        """The name of the person or organisation with this id, in a language if recorded (else English);
        the id itself if neither table holds it.

        Example:
            >>> import kzaz_relations as kz
            >>> ds = kz.load()
            >>> ds.name_of("ilham-aliyev"), ds.name_of("ilham-aliyev", "ru")
            ('Ilham Aliyev', 'Ильхам Алиев')
        """
        r = self.find(id, _NAMED)
        return id if r is None else r.name_in(language) or r.name  # type: ignore[union-attr]

    def sources_of(self, record: Any) -> tuple[Source, ...]:
        """The sources a record (or the record with this id) cites, nested records' included, in citation order.

        Example:
            >>> import kzaz_relations as kz
            >>> ds = kz.load()
            >>> d = ds.agreements["declaration-strategic-relations-allied-interaction-2022"]
            >>> "report-az-tokayev-interview-2024" in [s.id for s in ds.sources_of(d)]
            True
        """
        from ._links import sources_of

        return sources_of(self, self._resolve(record))

    def related(self, record: Any) -> tuple[Record, ...]:
        """The records linked to a record (or the record with this id) either way, through any reference.

        Every reference the model declares counts, both ways: a visit and the agreements
        signed during it, a person and the visits, statements, signatures and co-chairs
        that name them, a council and its meetings, a project and its agreements,
        participants and observations. So ``related()`` is symmetric.

        Example:
            >>> import kzaz_relations as kz
            >>> ds = kz.load()
            >>> m = ds.meetings["supreme-interstate-council-1st-meeting-2024-03-11"]
            >>> ds.councils["supreme-interstate-council"] in ds.related(m)
            True
        """
        from ._links import build_links
        from .model import table_of

        links = self._cached("links", lambda: build_links(self))
        record = self._resolve(record)
        return tuple(links.get((table_of(type(record)), record.id), ()))

    def cited_by(self, source: Source | str) -> tuple[Record, ...]:
        """The records that cite a source (nested citations count for their record).

        Example:
            >>> import kzaz_relations as kz
            >>> ds = kz.load()
            >>> [r.id for r in ds.cited_by("report-az-tokayev-interview-2024")][:2]
            [...]
        """
        from ._links import build_cited_by

        index = self._cached("cited_by", lambda: build_cited_by(self))
        sid = source if isinstance(source, str) else source.id
        return tuple(index.get(sid, ()))

    def completeness(self) -> Completeness:
        """How many of the documents reported signed at visits and meetings the dataset identifies.

        Where a source gives a count ("15 documents were signed"), the visit or meeting keeps
        it in ``documents_reported``; the identified documents are the agreements tied to it.

        Example:
            >>> import kzaz_relations as kz
            >>> c = kz.load().completeness()
            >>> row = next(r for r in c.counts if r.record.id == "visit-nazarbayev-baku-2005-05")
            >>> row.reported, row.identified, row.missing
            (6, 6, 0)
        """
        from ._links import completeness

        return completeness(self)

    def to_networkx(self) -> Any:
        """The dataset as a :class:`networkx.MultiDiGraph`: a node per record, an edge per reference
        (needs the ``graph`` extra).

        Nodes are keyed ``"table:id"`` and carry ``table``, ``id``, ``label`` and ``date``;
        each declared reference is an edge labelled by its field, and each citation a
        ``cites`` edge to the source. See :doc:`/graph`.

        Example:
            >>> import kzaz_relations as kz
            >>> g = kz.load().to_networkx()
            >>> g.nodes["people:ilham-aliyev"]["label"]
            'Ilham Aliyev'
        """
        from ._links import to_networkx

        return to_networkx(self)

    # --- time (_time.py) ------------------------------------------------------

    def timeline(
        self,
        start: PartialDate | str | int | None = None,
        end: PartialDate | str | int | None = None,
        *,
        kinds: Iterable[str] | str | None = None,
        certain: bool = True,
    ) -> tuple[TimelineEntry, ...]:
        """Dated entries from every table, in chronological order.

        Entries are sorted by date (a coarser date first: ``2022`` before ``2022-01``),
        then kind, then id. With ``certain=True`` (the default) an entry is kept only if
        its date interval lies wholly within ``start``…``end`` (inclusive); with
        ``certain=False`` it is kept if the intervals overlap.

        Example:
            >>> import kzaz_relations as kz
            >>> t = kz.load().timeline(start="2024-03-11", end="2024-03-12")
            >>> {"agreement", "meeting", "visit"} <= {e.kind for e in t}
            True
        """
        from ._time import timeline

        return timeline(self, start, end, None if kinds is None else _items(kinds), certain)

    def as_of(self, day: PartialDate | str | int) -> Dataset:
        """The dataset as it stood on a day: only what had certainly happened by its end.

        A record is kept when its date certainly falls on or before the end of ``day``:
        a visit or meeting once it has begun, an observation once its period is over,
        anything else by :func:`~kzaz_relations.table.record_date`. Project milestones and
        people's offices are trimmed the same way (people and organisations themselves are
        kept), and a project with no milestone left is dropped. A council with no known
        founding date counts from its first recorded meeting; a council with neither is
        kept. Every declared reference to a record that did not exist yet is cleared (a
        project's later agreements, say), and sources are kept when a kept record cites
        them, so the result passes the same integrity check as a loaded dataset.

        Example:
            >>> import kzaz_relations as kz
            >>> ds = kz.load()
            >>> old = ds.as_of("2023-12-31")
            >>> "supreme-interstate-council-1st-meeting-2024-03-11" in old.meetings
            False
            >>> len(old.agreements) < len(ds.agreements)
            True
        """
        from ._time import as_of

        return as_of(self, day)

    # --- numbers (_numbers.py) ------------------------------------------------

    def series(
        self,
        indicator: Indicator | str,
        *,
        reporter: Country | str | None = UNSET,
        direction: Direction | str = "both",
        reporter_kinds: Iterable[ReporterKind | str] | None = None,
        full_year: bool = True,
        project: str | None = None,
        unit: Unit | str | None = None,
        known_by: PartialDate | str | int | None = None,
    ) -> Series:
        """One value per period for an indicator, as reported by one side.

        Args:
            indicator: what to follow, e.g. ``"trade.turnover"``.
            reporter: whose figures (``KZ`` or ``AZ``, any case; ``None`` for figures with no
                reporting country, such as companies'). Left out, it is taken from the data
                when every matching figure has the same reporter; otherwise a
                :class:`ValueError` names the reporters present, because mixing one side's
                statistics with the other's is never meant (use :meth:`mirror` to compare them).
            direction: ``both`` for turnovers; ``kz_to_az`` / ``az_to_kz`` for flows.
            reporter_kinds: restrict to figures from these kinds of reporter
                (e.g. ``{"statistics", "customs"}``).
            full_year: ``True`` for calendar-year periods only, ``False`` for part-year
                periods only; the two are never mixed.
            project: restrict to the observations of one project.
            unit: the unit of the values (default: the most common unit); figures in
                units that cannot be converted to it are left out, never mixed.
            known_by: keep only figures published on or before this day (a vintage: what
                was known then). Figures with no recorded ``published`` date are left out
                whenever ``known_by`` is given.

        Raises:
            ValueError: if ``reporter`` is left out and the figures come from several reporters.

        Example:
            >>> import kzaz_relations as kz
            >>> ds = kz.load()
            >>> s = ds.series("trade.turnover", reporter="KZ")
            >>> str(s.value(2023)), s.reporter
            ('529.4', <Country.KZ: 'KZ'>)
            >>> ds.series("trade.turnover")
            Traceback (most recent call last):
            ...
            ValueError: trade.turnover is reported by several sides (...); pass reporter= one of them ...
        """
        from ._numbers import series

        return series(
            self,
            indicator,
            reporter=reporter,
            direction=direction,
            reporter_kinds=None if reporter_kinds is None else _items(reporter_kinds),
            full_year=full_year,
            project=project,
            unit=unit,
            known_by=known_by,
        )

    def mirror(
        self,
        indicator: Indicator | str = "trade.turnover",
        *,
        direction: Direction | str = "both",
        reporter_kinds: Iterable[ReporterKind | str] | None = None,
        full_year: bool = True,
        unit: Unit | str | None = None,
        known_by: PartialDate | str | int | None = None,
    ) -> Mirror:
        """Mirror statistics: Kazakhstan's and Azerbaijan's figures for a flow side by side, per period.

        Each side's series is built as by :meth:`series` with that reporter; both are put in
        one unit. Each :class:`~kzaz_relations.MirrorRow` has both points (value and the
        observations behind it) and the gap between them.

        Example:
            >>> import kzaz_relations as kz
            >>> m = kz.load().mirror("trade.turnover")
            >>> r = m.row(2024)
            >>> r.kz.value - r.az.value == r.gap
            True
        """
        from ._numbers import mirror

        return mirror(
            self,
            indicator,
            direction=direction,
            reporter_kinds=None if reporter_kinds is None else _items(reporter_kinds),
            full_year=full_year,
            unit=unit,
            known_by=known_by,
        )

    def check(self, statement: Statement | str, *, known_by: PartialDate | str | int | None = None) -> Verdict:
        """Check a statement's quantitative claim against independent observations.

        A speaker's own figures never confirm the speaker's claim: observations reported by
        the speaker (or a co-speaker), or resting only on the statement's own sources, are
        left out. Official data (statistics, customs, central-bank and ministry figures) is
        tried first, then the other independent figures; the claim's reporter if it names one,
        else the other side's, then the speaker's side's, then figures with no reporting country.
        The reason says which figures decided it. A pledge (``target``) is ``met``,
        ``missed`` or ``pending`` (see :doc:`/checking`).

        With ``known_by``, only figures published by that day count. Without it, the
        verdict uses every figure, and its :attr:`~kzaz_relations.Verdict.when_said` holds
        the verdict against what had been published by the day the statement was made.

        Example:
            >>> import kzaz_relations as kz
            >>> ds = kz.load()
            >>> v = ds.check("press-statements-astana-2025-10-21")
            >>> v.status.value, round(v.computed)
            ('consistent', 62)
        """
        from ._numbers import check

        st = self.statements[statement] if isinstance(statement, str) else statement
        if known_by is not None:
            return check(self, st, PartialDate.of(known_by))
        latest = check(self, st, None)
        return attrs.evolve(latest, when_said=check(self, st, st.date))

    def check_statements(self, *, known_by: PartialDate | str | int | None = None) -> tuple[Verdict, ...]:
        """:meth:`check` for every statement with a claim, in id order."""
        return tuple(self.check(s, known_by=known_by) for s in self.statements if s.claim is not None)

    # --- search (_search.py) --------------------------------------------------

    def search(self, text: str, *, limit: int | None = 20, tables: Iterable[str] | str | None = None) -> SearchResults:
        """Records matching words of ``text``, best first; case- and accent-insensitive, in every language.

        Each query word adds to a record's score: 3 when it is a word of the record's title,
        name (in any recorded language) or id, 1 when it is a word of its summary or notes,
        and half that when it only begins such a word (``"fib"`` finds ``"fibre"``); the
        best match of each word counts. Letters are folded (``Şuşa`` and ``Шуша`` find
        *Shusha*) and spelling variants such as *fiber*/*fibre* merged. Sources score a
        third of a record's, so the records come first. Records that match no word are left
        out; ties are broken by table and id. The result is a tuple of hits with a
        :attr:`~kzaz_relations.SearchResults.total` of all matches before ``limit``.

        Example:
            >>> import kzaz_relations as kz
            >>> hits = kz.load().search("fiber optic")
            >>> hits[0].score >= hits[-1].score and any("fib" in h.record.id for h in hits[:5])
            True
        """
        from ._search import search

        return search(self, text, limit, None if tables is None else frozenset(_items(tables)), 1 / 3)


for _name in TABLE_NAMES:

    def _table_property(self: Dataset, _n: str = _name) -> Table[Any]:
        return self.table(_n)

    setattr(Dataset, _name, property(_table_property, doc=f"The ``{_name}`` table."))
del _name


def _items(value: Iterable[Any] | str) -> tuple[Any, ...]:
    """A collection argument as a tuple; a single string is one item, not its letters."""
    return (value,) if isinstance(value, str) else tuple(value)


def _rebuild(info: DatasetInfo, tables: dict[str, tuple[Any, ...]]) -> Dataset:
    return Dataset(info, **tables)


# --- reading and writing ------------------------------------------------------


def _read(folder: str | Traversable, *, check_links: bool) -> Dataset:
    # Loading allocates many small objects that all survive: the cyclic garbage collector
    # would walk them again and again for nothing, so it pauses for the load.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read_all(folder, check_links=check_links)
    finally:
        if collecting:
            gc.enable()


def _parse_file(name: str, data: bytes, prebuilt: dict[str, list[Any] | None]) -> Any:
    """The parsed JSON of a data file, with every check of :func:`~._io.parse_json`. A table
    whose records all pass the column-wise checks is structured at once, into ``prebuilt``
    (its depth needs no walk: the model's shapes are shallow); for any other table
    ``prebuilt`` holds ``None``, and its records are structured one by one later, which
    names every problem."""
    from ._convert import structure_rows
    from ._io import check_depth, parse_json
    from .errors import DataFormatError

    if name == METADATA_FILE:
        return parse_json(data, name)
    try:
        value = parse_json(data, name, depth=False)
    except DataFormatError:  # report as the full parse does (too deep before a lone surrogate)
        return parse_json(data, name)
    rows = prebuilt[name] = structure_rows(value, table_class(name.removesuffix(".json")))
    if rows is None:  # records that structure have the model's shapes, far shallower than MAX_DEPTH
        check_depth(value, name)
    return value


def _read_all(folder: str | Traversable, *, check_links: bool) -> Dataset:
    from pathlib import Path

    from ._io import MAX_FILE_BYTES
    from .errors import DataFormatError, Problem

    if isinstance(folder, str):
        folder = Path(folder)
    problems: list[Problem] = []
    parsed: dict[str, Any] = {}
    prebuilt: dict[str, list[Any] | None] = {}
    names = [METADATA_FILE, *(f"{n}.json" for n in TABLE_NAMES)]
    if isinstance(folder, Path):
        if not folder.is_dir():
            raise DataFormatError([Problem(None, "$", f"{folder} is not a folder")], "cannot load")
        root = folder.resolve()
        known = set(names)
        for extra in sorted(folder.iterdir()):
            if extra.suffix == ".json" and extra.name not in known:
                problems.append(Problem(extra.name, "$", f"unknown data file; expected only {', '.join(names)}"))
    for name in names:
        entry: Traversable = folder / name
        if isinstance(entry, Path) and check_links and entry.is_symlink():
            try:
                inside = entry.resolve(strict=True).is_relative_to(root)
            except (OSError, RuntimeError):  # a dangling link or a loop (RuntimeError before Python 3.13)
                problems.append(Problem(name, "$", "a symbolic link that cannot be followed (no target, or a loop)"))
                continue
            if not inside:
                problems.append(Problem(name, "$", "a symbolic link that leaves the data folder"))
                continue
        if not entry.is_file():
            what = "a folder, not a file" if entry.is_dir() else "missing"
            problems.append(Problem(name, "$", f"file is {what}"))
            continue
        try:
            if isinstance(entry, Path) and entry.stat().st_size > MAX_FILE_BYTES:
                problems.append(Problem(name, "$", f"larger than the limit of {MAX_FILE_BYTES} bytes"))
                continue
            parsed[name] = _parse_file(name, entry.read_bytes(), prebuilt)
        except DataFormatError as exc:
            problems.extend(exc.problems)
        except OSError as exc:
            problems.append(Problem(name, "$", f"cannot read: {exc.strerror or exc}"))
    meta = parsed.get(METADATA_FILE)
    DATA_FORMAT = _data_format()
    if isinstance(meta, dict) and meta.get("format", 1) != DATA_FORMAT:
        found_format = meta.get("format", 1)
        problems.append(
            Problem(
                METADATA_FILE,
                "$.format",
                f"data format {found_format!r}{' (kzaz_relations 0.1)' if found_format == 1 else ''} is not "
                "supported: "
                f"this version reads format {DATA_FORMAT}, where people and organisations are records referred to "
                "by id and agreement titles are tagged by language (see the CHANGELOG)",
            )
        )
        raise DataFormatError(problems, f"{len(problems)} problem(s) in the data")
    return _finish(parsed, problems, prebuilt)


def _finish(parsed: dict[str, Any], problems: list[Problem], prebuilt: dict[str, list[Any] | None]) -> Dataset:
    from ._integrity import check
    from .errors import DataFormatError, IntegrityError, ValidationError

    info, records, raw_ids, structural = _structure_all(parsed, prebuilt)
    if problems or any(p.path == "$" for p in structural):
        # A file that cannot be read, or whose whole content is the wrong shape (a table that
        # is not an array), leaves references into it unresolvable: report what the other
        # files' records say about themselves, and leave the integrity check out.
        problems.extend(structural)
        raise DataFormatError(problems, f"{len(problems)} problem(s) in the data")
    found = structural + check(records, info, raw_ids)
    if structural:
        raise ValidationError(found, f"{len(found)} problem(s) in the data")
    if found:
        raise IntegrityError(found, f"{len(found)} integrity problem(s) in the data")
    assert info is not None
    return Dataset(info, **records)


def _structure_all(
    parsed: dict[str, Any],
    prebuilt: dict[str, list[Any] | None] | None = None,
) -> tuple[DatasetInfo | None, dict[str, list[Any]], dict[str, set[str]], list[Problem]]:
    """Structure every record on its own, so one bad record neither hides the others' problems nor
    the integrity problems of the records that did structure (which are checked in the same pass).

    ``prebuilt`` holds, by file, what the column-wise path gave when the file was read (the
    records, or ``None`` if they did not all pass); without it, that path is tried here.
    """
    from ._convert import structure, structure_rows
    from .errors import Problem, ValidationError
    from .model import DatasetInfo

    problems: list[Problem] = []
    info: DatasetInfo | None = None
    if METADATA_FILE in parsed:
        try:
            info = structure(parsed[METADATA_FILE], DatasetInfo, file=METADATA_FILE)
        except ValidationError as exc:
            problems.extend(exc.problems)
    records: dict[str, list[Any]] = {}
    raw_ids: dict[str, set[str]] = {}
    for name in TABLE_NAMES:
        cls = table_class(name)
        file = f"{name}.json"
        rows: list[Any] = []
        records[name] = rows
        if file not in parsed:
            continue
        data = parsed[file]
        fast = prebuilt[file] if prebuilt is not None and file in prebuilt else structure_rows(data, cls)
        if fast is not None:
            rows.extend(fast)
            continue
        if type(data) is not list:
            problems.append(Problem(file, "$", f"expected an array of records, got {type(data).__name__}"))
            continue
        for i, item in enumerate(data):
            try:
                rows.append(structure(item, cls, file=file, root=f"$[{i}]"))
            except ValidationError as exc:
                problems.extend(exc.problems)
                rows.append(None)
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    raw_ids.setdefault(name, set()).add(item["id"])
    return info, records, raw_ids, problems


_LOCK = threading.Lock()
_PACKAGED: Dataset | None = None


def _packaged_folder() -> str | Traversable:
    """The packaged data folder: a plain path when the package is on disk (the common case,
    and the cheapest: neither pathlib nor importlib.resources is imported), else through
    :mod:`importlib.resources` (a zip, a frozen app)."""
    folder = os.path.join(os.path.dirname(__file__), "data")
    if os.path.isdir(folder):
        return folder
    from importlib import resources

    return resources.files(__package__) / "data"


def _read_packaged(folder: str | Traversable) -> Dataset:
    """The packaged data, each table built on first use when its bytes match the checked digests.

    If ``SHA256SUMS`` is missing or any file's digest differs from it, the whole folder is
    read with every check instead (see :mod:`kzaz_relations._fast`).
    """
    from ._fast import SUMS_FILE, builder, many_builder, read_bytes, read_checked, read_sums

    try:
        sums = read_sums(read_bytes(folder, SUMS_FILE).decode("utf-8"))
    except (OSError, UnicodeDecodeError):
        sums = {}
    meta = read_checked(folder, METADATA_FILE, sums) if sums else None
    if meta is None or meta.get("format") != _data_format():
        return _read(folder, check_links=False)

    def info() -> DatasetInfo:
        from .model import DatasetInfo

        built: DatasetInfo = builder(DatasetInfo)(meta)
        return built

    checked: list[Dataset] = []
    failed: list[DataError] = []

    def loader(name: str) -> tuple[Any, ...]:
        if failed:
            raise failed[0]
        if not checked:
            rows = read_checked(folder, f"{name}.json", sums)
            if rows is not None:
                return tuple(many_builder(table_class(name))(rows))
            # A file changed since it was checked: check everything once, and use (or
            # raise) that from now on.
            from .errors import DataError

            try:
                checked.append(_read(folder, check_links=False))
            except DataError as exc:
                failed.append(exc)
                raise
        return checked[0].table(name).records

    return Dataset._lazy(info, loader)


def _data_format() -> int:
    from .model.tables import DATA_FORMAT

    return DATA_FORMAT


def load(path: str | PathLike[str] | None = None) -> Dataset:
    """Load the dataset.

    With no argument, the packaged data is read the first time and cached: every later call
    returns the same object at the cost of a global read. Its tables are built when first
    touched, from files whose bytes match the digests recorded when they passed every check
    (``SHA256SUMS``, written by ``kzaz format``); should a file differ, the whole folder is
    checked as for a path when that table is first touched, and a problem found then is
    raised there (and on every later touch: the check runs once). With a path, the folder is
    read in the same layout (``metadata.json`` plus one ``<table>.json`` per table) with every
    check, every time; it is not cached.

    Raises:
        DataError: (a :class:`DataFormatError`, :class:`ValidationError` or
            :class:`IntegrityError`) listing every problem found, each with its file and
            path. Nothing is cached after a failure of ``load(path)``, or of ``load()``
            before its tables are built.

    Example:
        >>> import kzaz_relations as kz
        >>> kz.load() is kz.load()
        True
    """
    global _PACKAGED
    if path is not None:
        return _read(os.fspath(path), check_links=True)
    dataset = _PACKAGED
    if dataset is None:
        with _LOCK:
            dataset = _PACKAGED
            if dataset is None:
                dataset = _read_packaged(_packaged_folder())
                _PACKAGED = dataset
    return dataset


def read_folder(path: str | PathLike[str]) -> Dataset:
    """Same as ``load(path)``."""
    return load(path)


def write_folder(dataset: Dataset, path: str | PathLike[str]) -> list[Path]:
    """Write a dataset as a data folder in canonical form; returns the files written.

    Canonical form: one JSON array per table, records sorted by id, 2-space indent,
    UTF-8 (non-ASCII kept as is), fields equal to their default omitted, trailing
    newline. Writing the same dataset twice gives the same bytes.
    """
    from pathlib import Path

    from ._convert import dumps

    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    target = folder / METADATA_FILE
    target.write_text(dumps(dataset.info), encoding="utf-8")
    written.append(target)
    for name, table in dataset.tables():
        target = folder / f"{name}.json"
        target.write_text(dumps(table.records), encoding="utf-8")
        written.append(target)
    return written


def canonical_problems(path: str | PathLike[str] | None = None) -> list[str]:
    """The files of a data folder (default: the packaged data) that are not in canonical form.

    The folder is loaded with every check first (so bad data raises :class:`DataError`). The
    list also names ``SHA256SUMS`` when the recorded digests are not those of the canonical
    files: :func:`write_canonical` rewrites both.
    """
    from pathlib import Path

    from ._fast import SUMS_FILE

    folder: Any = _packaged_folder() if path is None else Path(path)
    if isinstance(folder, str):
        folder = Path(folder)
    expected = _canonical_files(_read(folder, check_links=path is not None))
    bad = []
    for name, text in expected.items():
        entry = folder / name
        # A folder needs its SHA256SUMS only if it has one, or if it is the packaged data.
        if name == SUMS_FILE and path is not None and not entry.is_file():
            continue
        if not entry.is_file() or entry.read_text(encoding="utf-8") != text:
            bad.append(name)
    return sorted(bad, key=lambda n: (n == SUMS_FILE, n))


def _canonical_files(ds: Dataset) -> dict[str, str]:
    from ._convert import dumps
    from ._fast import SUMS_FILE, sums_text

    files = {METADATA_FILE: dumps(ds.info), **{f"{n}.json": dumps(t.records) for n, t in ds.tables()}}
    files[SUMS_FILE] = sums_text({name: text.encode("utf-8") for name, text in files.items()})
    return files


def write_canonical(path: str | PathLike[str]) -> list[str]:
    """Check a data folder with every check, then rewrite it in canonical form with its ``SHA256SUMS``.

    Returns the names of the files that changed.

    Raises:
        DataError: if the folder does not pass the checks (nothing is written).
    """
    from pathlib import Path

    folder = Path(path)
    changed = []
    for name, text in _canonical_files(_read(folder, check_links=True)).items():
        target = folder / name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed
