"""The :class:`Dataset` and the loader.

``load()`` reads the packaged data once (thread-safe) and returns the same immutable
:class:`Dataset` on every later call; ``load(path)`` reads a folder in the same layout
with exactly the same checks.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import threading
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from importlib import resources
from importlib.resources.abc import Traversable
from os import PathLike
from pathlib import Path
from types import GenericAlias
from typing import Any, Final, TypeVar

import attrs

from .errors import DataFormatError, IntegrityError, Problem, ValidationError
from .model import (
    Agreement,
    Citation,
    Council,
    CouncilMeeting,
    Country,
    DatasetInfo,
    Direction,
    Event,
    Indicator,
    Observation,
    PartialDate,
    Project,
    ReporterKind,
    Source,
    Statement,
    Unit,
    Visit,
)
from .series import MissingValueError, Series, Verdict, VerdictStatus, accepts, computed_figure
from .table import Record, Table, _record_end, fold, record_date

__all__ = ["TABLES", "Dataset", "SearchHit", "TimelineEntry", "load", "read_folder", "write_folder"]

TABLES: Final[dict[str, type[Any]]] = {
    "sources": Source,
    "agreements": Agreement,
    "councils": Council,
    "meetings": CouncilMeeting,
    "visits": Visit,
    "projects": Project,
    "observations": Observation,
    "statements": Statement,
    "events": Event,
}
"The tables of a dataset, by name; each is stored as ``<name>.json``."

METADATA_FILE: Final = "metadata.json"

R = TypeVar("R")


@attrs.frozen
class TimelineEntry:
    """One dated entry of :meth:`Dataset.timeline`."""

    date: PartialDate
    "When it happened."
    kind: str
    """The table it comes from, in the singular (``agreement``, ``visit``, ``meeting``,
    ``event``, ``statement``, ``council``), or ``milestone``."""
    record: Record
    "The record (for a milestone: its :class:`Project`)."
    text: str
    "A one-line description."


@attrs.frozen
class SearchHit:
    """One result of :meth:`Dataset.search`."""

    score: float
    "Higher is better."
    table: str
    "The table of the record."
    record: Record
    "The record found."


_OFFICIAL = frozenset({ReporterKind.STATISTICS, ReporterKind.CUSTOMS, ReporterKind.MINISTRY})

_KIND_ORDER = {"event": 0, "council": 1, "visit": 2, "meeting": 3, "agreement": 4, "statement": 5, "milestone": 6}


_SYNONYMS = {"fiber": "fibre", "optical": "optic", "focl": "fibre", "titr": "trans-caspian"}


def _tokens(text: str) -> list[str]:
    words = "".join(ch if ch.isalnum() else " " for ch in fold(text)).split()
    return [_SYNONYMS.get(w, w) for w in words]


def _title(record: Any) -> str:
    for name in ("title", "name"):
        if hasattr(record, name):
            return str(getattr(record, name))
    if isinstance(record, Visit):
        return f"{record.visitor} visits {record.to_country.label}"
    if isinstance(record, Statement):
        return f"{record.speaker}: {record.summary}"
    if isinstance(record, Observation):
        return f"{record.indicator.value} {record.period}: {record.value} {record.unit.value}"
    return str(record.id)


class Dataset:
    """The whole dataset: typed, immutable tables plus metadata and the queries over them.

    Get one with :func:`kzaz_relations.load`. Tables are attributes (``ds.agreements``,
    ``ds.visits``…); indexes for references and search are built on first use and kept.

    Example:
        >>> import kzaz_relations as kz
        >>> ds = kz.load()
        >>> ds.meetings["supreme-interstate-council-1st-meeting-2024-03-11"].place
        'Baku'
    """

    __slots__ = (
        "_cache",
        "_lock",
        "agreements",
        "councils",
        "events",
        "info",
        "meetings",
        "observations",
        "projects",
        "sources",
        "statements",
        "visits",
    )

    _cache: dict[str, Any]
    _lock: threading.Lock
    info: DatasetInfo
    sources: Table[Source]
    agreements: Table[Agreement]
    councils: Table[Council]
    meetings: Table[CouncilMeeting]
    visits: Table[Visit]
    projects: Table[Project]
    observations: Table[Observation]
    statements: Table[Statement]
    events: Table[Event]

    def __init__(self, info: DatasetInfo, **tables: Iterable[Any]) -> None:
        unknown = set(tables) - set(TABLES)
        if unknown:
            raise TypeError(f"unknown table(s): {', '.join(sorted(unknown))}")
        object.__setattr__(self, "info", info)
        for name, cls in TABLES.items():
            object.__setattr__(self, name, Table(tuple(tables.get(name, ())), cls))
        object.__setattr__(self, "_cache", {})
        object.__setattr__(self, "_lock", threading.Lock())

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return self.info == other.info and all(self.table(n) == other.table(n) for n in TABLES)

    def __hash__(self) -> int:
        return hash((self.info, *(self.table(n) for n in TABLES)))

    def __repr__(self) -> str:
        counts = ", ".join(f"{n}={len(self.table(n))}" for n in TABLES)
        return f"<Dataset {self.info.version}: {counts}>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.info, {n: self.table(n).records for n in TABLES}))

    def table(self, name: str) -> Table[Any]:
        """A table by name (one of :data:`TABLES`)."""
        if name not in TABLES:
            raise KeyError(f"no table {name!r}; tables: {', '.join(TABLES)}")
        table: Table[Any] = getattr(self, name)
        return table

    def tables(self) -> Iterator[tuple[str, Table[Any]]]:
        """``(name, table)`` for every table, in :data:`TABLES` order."""
        for name in TABLES:
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

    # --- lookups --------------------------------------------------------------

    def find(self, id: str) -> Record | None:
        """The record with this id in any table, or ``None`` (ids may repeat across tables; the first wins)."""
        for _, t in self.tables():
            record = t.get(id)
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

    def sources_of(self, record: Any) -> tuple[Source, ...]:
        """The sources a record (or the record with this id) cites, milestones' included, in citation order.

        Example:
            >>> import kzaz_relations as kz
            >>> ds = kz.load()
            >>> d = ds.agreements["declaration-strategic-relations-allied-interaction-2022"]
            >>> "report-az-tokayev-interview-2024" in [s.id for s in ds.sources_of(d)]
            True
        """
        out: dict[str, Source] = {}
        for c in _citations(self._resolve(record)):
            s = self.sources.get(c.source)
            if s is not None:
                out.setdefault(s.id, s)
        return tuple(out.values())

    def related(self, record: Any) -> tuple[Record, ...]:
        """The records linked to a record (or the record with this id) either way.

        Links run both ways: visit ↔ agreements signed during it, council ↔ its meetings
        and founding agreement, meeting ↔ agreements and statements, project ↔ agreements
        and observations.

        Example:
            >>> import kzaz_relations as kz
            >>> ds = kz.load()
            >>> m = ds.meetings["supreme-interstate-council-1st-meeting-2024-03-11"]
            >>> ds.councils["supreme-interstate-council"] in ds.related(m)
            True
        """
        links = self._cached("links", self._build_links)
        record = self._resolve(record)
        key = (type(record).__name__, record.id)
        return tuple(links.get(key, ()))

    def _build_links(self) -> dict[tuple[str, str], list[Record]]:
        links: dict[tuple[str, str], list[Record]] = {}

        def link(a: Any, b: Any) -> None:
            if a is None or b is None:
                return
            for x, y in ((a, b), (b, a)):
                bucket = links.setdefault((type(x).__name__, x.id), [])
                if y not in bucket:
                    bucket.append(y)

        for a in self.agreements:
            link(a, self.visits.get(a.visit) if a.visit else None)
            link(a, self.meetings.get(a.meeting) if a.meeting else None)
        for c in self.councils:
            link(c, self.agreements.get(c.established_by) if c.established_by else None)
        for m in self.meetings:
            link(m, self.councils.get(m.council))
        for p in self.projects:
            for aid in p.agreements:
                link(p, self.agreements.get(aid))
        for o in self.observations:
            link(o, self.projects.get(o.project) if o.project else None)
        for s in self.statements:
            link(s, self.visits.get(s.visit) if s.visit else None)
            link(s, self.meetings.get(s.meeting) if s.meeting else None)
        return links

    def cited_by(self, source: Source | str) -> tuple[Record, ...]:
        """The records that cite a source."""
        index = self._cached("cited_by", self._build_cited_by)
        sid = source if isinstance(source, str) else source.id
        return tuple(index.get(sid, ()))

    def _build_cited_by(self) -> dict[str, list[Record]]:
        index: dict[str, list[Record]] = {}
        for name, table in self.tables():
            if name == "sources":
                continue
            for r in table:
                for sid in dict.fromkeys(c.source for c in _citations(r)):
                    index.setdefault(sid, []).append(r)
        return index

    # --- time -----------------------------------------------------------------

    def _timeline(self) -> tuple[TimelineEntry, ...]:
        entries: list[TimelineEntry] = []
        for a in self.agreements:
            entries.append(TimelineEntry(a.signed, "agreement", a, f"Signed: {a.title}"))
        for v in self.visits:
            entries.append(TimelineEntry(v.start, "visit", v, f"{v.kind.value.capitalize()} visit: {_title(v)}"))
        for m in self.meetings:
            council = self.councils.get(m.council)
            name = council.name if council else m.council
            entries.append(
                TimelineEntry(m.date, "meeting", m, f"Meeting of the {name}" + (f" in {m.place}" if m.place else ""))
            )
        for e in self.events:
            entries.append(TimelineEntry(e.date, "event", e, e.title))
        for s in self.statements:
            entries.append(TimelineEntry(s.date, "statement", s, f"{s.speaker}: {s.summary}"))
        for c in self.councils:
            if c.established is not None:
                entries.append(TimelineEntry(c.established, "council", c, f"Established: {c.name}"))
        for p in self.projects:
            for ms in p.milestones:
                entries.append(TimelineEntry(ms.date, "milestone", p, f"{p.name}: {ms.description}"))
        entries.sort(key=lambda e: (e.date._key(), _KIND_ORDER[e.kind], e.record.id, e.text))
        return tuple(entries)

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
        entries, earliest = self._cached("timeline", self._timeline_index)
        lo = None if start is None else PartialDate.of(start)
        hi = None if end is None else PartialDate.of(end)
        wanted = None if kinds is None else frozenset(_items(kinds))
        if wanted is not None and not wanted <= set(_KIND_ORDER):
            raise ValueError(f"unknown kind(s) {sorted(wanted - set(_KIND_ORDER))}; kinds: {', '.join(_KIND_ORDER)}")
        # Entries are sorted so that their earliest days never decrease: bisect the window
        # of candidates, then apply the exact test to those only.
        first = 0
        if lo is not None:
            first = bisect.bisect_left(earliest, lo.earliest) if certain else 0
        last = len(entries) if hi is None else bisect.bisect_right(earliest, hi.latest)
        test = PartialDate.certainly_within if certain else PartialDate.possibly_within
        return tuple(e for e in entries[first:last] if (wanted is None or e.kind in wanted) and test(e.date, lo, hi))

    def _timeline_index(self) -> tuple[tuple[TimelineEntry, ...], list[datetime.date]]:
        entries = self._timeline()
        return entries, [e.date.earliest for e in entries]

    def as_of(self, day: PartialDate | str | int) -> Dataset:
        """The dataset as it stood on a day: only what had certainly happened by its end.

        A record is kept when its date certainly falls on or before the end of ``day``:
        a visit or meeting once it has begun, an observation once its period is over,
        anything else by :func:`~kzaz_relations.table.record_date`. Project milestones are
        trimmed the same way, and a project with no milestone left is dropped. A council
        with no known founding date counts from its first recorded meeting; a council with
        neither is kept. References to records that did not exist yet are cleared (a
        project's later agreements, say), and sources are kept when a kept record cites
        them, so the result passes the same integrity check as a loaded dataset.

        Example:
            >>> import kzaz_relations as kz
            >>> ds = kz.load()
            >>> old = ds.as_of("2023-12-31")
            >>> "supreme-interstate-council-1st-meeting-2024-03-11" in old.meetings
            False
            >>> len(old) < len(ds)
            True
        """
        from ._integrity import _REFERENCES

        limit = PartialDate.of(day).latest
        first_meeting: dict[str, PartialDate] = {}
        for m in self.meetings:
            if m.council not in first_meeting or m.date < first_meeting[m.council]:
                first_meeting[m.council] = m.date

        def when(record: Any) -> PartialDate | None:
            if isinstance(record, Visit | CouncilMeeting):
                return record_date(record)
            if isinstance(record, Council) and record.established is None:
                return first_meeting.get(record.id)
            return _record_end(record)

        kept: dict[str, list[Any]] = {}
        for name, table in self.tables():
            if name == "sources":
                continue
            rows = []
            for r in table:
                if isinstance(r, Project):
                    ms = tuple(m for m in r.milestones if m.date.latest <= limit)
                    if r.milestones and not ms:
                        continue
                    if len(ms) != len(r.milestones):
                        r = attrs.evolve(r, milestones=ms)
                else:
                    date = when(r)
                    if date is not None and date.latest > limit:
                        continue
                rows.append(r)
            kept[name] = rows
        # A council that had met by then existed by then, whatever its recorded founding date.
        met = {m.council for m in kept["meetings"]}
        kept["councils"] = [c for c in self.councils if c.id in met or c in kept["councils"]]
        ids = {name: {r.id for r in rows} for name, rows in kept.items()}
        for (table_name, field), target in _REFERENCES.items():
            rows = kept[table_name]
            for n, r in enumerate(rows):
                value = getattr(r, field)
                if isinstance(value, tuple):
                    present = tuple(v for v in value if v in ids[target])
                    if len(present) != len(value):
                        rows[n] = attrs.evolve(r, **{field: present})
                elif value is not None and value not in ids[target]:
                    rows[n] = attrs.evolve(r, **{field: None})
        cited = {c.source for rows in kept.values() for r in rows for c in _citations(r)}
        kept["sources"] = [s for s in self.sources if s.id in cited]
        return Dataset(self.info, **kept)

    # --- numbers --------------------------------------------------------------

    def series(
        self,
        indicator: Indicator | str,
        *,
        reporter: Country | str | None = None,
        direction: Direction | str = Direction.BOTH,
        reporter_kinds: Iterable[ReporterKind | str] | None = None,
        full_year: bool = True,
        project: str | None = None,
        unit: Unit | str | None = None,
    ) -> Series:
        """One value per period for an indicator, as reported by one side.

        Args:
            indicator: what to follow, e.g. ``"trade.turnover"``.
            reporter: whose figures (``KZ`` or ``AZ``); ``None`` takes every reporter,
                which mixes mirror statistics — pass a reporter for trade.
            direction: ``both`` for turnovers; ``kz_to_az`` / ``az_to_kz`` for flows.
            reporter_kinds: restrict to figures from these kinds of reporter
                (e.g. ``{"statistics", "customs"}``).
            full_year: ``True`` for calendar-year periods only, ``False`` for part-year
                periods only; the two are never mixed.
            project: restrict to the observations of one project.
            unit: the unit of the values (default: the most common unit); figures in
                units that cannot be converted to it are left out, never mixed.

        Example:
            >>> import kzaz_relations as kz
            >>> s = kz.load().series("trade.turnover", reporter="KZ")
            >>> all(p.period.is_full_year for p in s)
            True
        """
        return Series(
            Indicator(indicator),
            self._observations_for(indicator, reporter, direction, reporter_kinds, full_year, project),
            direction=Direction(direction),
            reporter=None if reporter is None else Country(reporter),
            unit=None if unit is None else Unit(unit),
        )

    def _observations_for(
        self,
        indicator: Indicator | str,
        reporter: Country | str | None,
        direction: Direction | str,
        reporter_kinds: Iterable[ReporterKind | str] | None,
        full_year: bool,
        project: str | None = None,
    ) -> list[Observation]:
        ind = Indicator(indicator)
        rep = None if reporter is None else Country(reporter)
        dirn = Direction(direction)
        kinds = None if reporter_kinds is None else frozenset(ReporterKind(k) for k in _items(reporter_kinds))
        return [
            o
            for o in self.observations
            if o.indicator is ind
            and o.direction is dirn
            and (rep is None or o.reporter is rep)
            and (kinds is None or o.reporter_kind in kinds)
            and o.period.is_full_year is full_year
            and (project is None or o.project == project)
        ]

    def check(self, statement: Statement | str) -> Verdict:
        """Check a statement's quantitative claim against independent observations.

        The claim is compared with a series of the claim's indicator, direction and
        reporter. A speaker's own figures never confirm the speaker's claim: observations
        reported by the speaker, or resting only on the statement's own sources, are left out.
        Official data (statistics, customs and ministry figures) is tried first, then the
        other independent figures; the reason says which were used. With no independent
        figure for a period the verdict is ``not_checkable``, and the reason gives what the
        speaker's own figures would compute.

        Example:
            >>> import kzaz_relations as kz
            >>> ds = kz.load()
            >>> v = ds.check("press-statements-astana-2025-10-21")
            >>> v.status.value, round(v.computed)
            ('consistent', 62)
        """
        st = self.statements[statement] if isinstance(statement, str) else statement
        claim = st.claim
        if claim is None:
            return Verdict(st, VerdictStatus.NOT_CHECKABLE, None, "the statement has no machine-checkable claim")
        own_sources = {c.source for c in st.citations}

        def own(o: Observation) -> bool:
            return o.reported_by == st.speaker or {c.source for c in o.citations} <= own_sources

        full_year = all(p.is_full_year for p in claim.periods)
        candidates = self._observations_for(claim.indicator, claim.reporter, claim.direction, None, full_year)
        independent = [o for o in candidates if not own(o)]
        official = [o for o in independent if o.reporter_kind in _OFFICIAL]
        attempts = (("official figures", official), ("other independent figures", independent))
        for label, observations in attempts:
            series = Series(claim.indicator, observations, direction=claim.direction, reporter=claim.reporter)
            try:
                computed, used = computed_figure(claim, series)
            except (MissingValueError, ZeroDivisionError):
                continue
            status = VerdictStatus.CONSISTENT if accepts(claim, computed) else VerdictStatus.INCONSISTENT
            reason = (
                f"{claim.comparison.value} from {label}: {computed.quantize(Decimal('0.001'))} vs stated "
                f"{claim.qualifier.value} {claim.stated} (tolerance {claim.tolerance})"
            )
            return Verdict(st, status, computed, reason, used)
        series = Series(claim.indicator, independent)
        missing = ", ".join(str(p) for p in claim.periods if series.get(p) is None)
        reason = f"no independent {claim.indicator.value} figure for {missing}"
        try:
            own_figure, _ = computed_figure(claim, Series(claim.indicator, candidates))
            reason += f"; the speaker's own figures give {own_figure.quantize(Decimal('0.001'))}"
        except (MissingValueError, ZeroDivisionError):
            pass
        return Verdict(st, VerdictStatus.NOT_CHECKABLE, None, reason)

    def check_statements(self) -> tuple[Verdict, ...]:
        """:meth:`check` for every statement with a claim, in id order."""
        return tuple(self.check(s) for s in self.statements if s.claim is not None)

    # --- search ---------------------------------------------------------------

    def _search_index(self) -> _SearchIndex:
        rows: list[tuple[str, Record]] = []
        postings: dict[str, dict[int, float]] = {}
        for name, table in self.tables():
            for r in table:
                row = len(rows)
                rows.append((name, r))
                strong = _tokens(" ".join([_title(r), r.id.replace("-", " "), *getattr(r, "other_titles", ())]))
                weak_text = " ".join(
                    str(getattr(r, f, "") or "") for f in ("summary", "note", "publisher", "place", "description")
                )
                if isinstance(r, Project):
                    weak_text += " " + " ".join(m.description for m in r.milestones) + " " + " ".join(r.participants)
                for token in _tokens(weak_text):
                    postings.setdefault(token, {}).setdefault(row, 1.0)
                for token in strong:
                    postings.setdefault(token, {})[row] = 3.0
        return _SearchIndex(tuple(rows), postings, sorted(postings))

    def search(
        self, text: str, *, limit: int | None = 20, tables: Iterable[str] | str | None = None
    ) -> tuple[SearchHit, ...]:
        """Records matching words of ``text``, best first; case- and accent-insensitive.

        Each query word adds to a record's score: 3 when it is a word of the record's title
        or id, 1 when it is a word of its summary or notes, and half that when it only
        begins such a word (``"fib"`` finds ``"fibre"``); the best match of each word
        counts. Spelling variants such as *fiber*/*fibre* are folded. Records that match no
        word are left out; ties are broken by table and id. An inverted index is built on
        the first search and kept.

        Example:
            >>> import kzaz_relations as kz
            >>> hits = kz.load().search("fiber optic")
            >>> hits[0].score >= hits[-1].score and any("fib" in h.record.id for h in hits[:5])
            True
        """
        if limit is not None and limit < 0:
            raise ValueError(f"limit must not be negative, got {limit}")
        wanted = None if tables is None else frozenset(_items(tables))
        if wanted is not None and not wanted <= set(TABLES):
            raise ValueError(f"unknown table(s) {sorted(wanted - set(TABLES))}; tables: {', '.join(TABLES)}")
        words = _tokens(text)
        if not words:
            return ()
        index = self._cached("search", self._search_index)
        scores: dict[int, float] = {}
        for w in dict.fromkeys(words):
            best: dict[int, float] = dict(index.postings.get(w, {}))
            start = bisect.bisect_left(index.tokens, w)
            for token in itertools.islice(index.tokens, start, None):
                if not token.startswith(w):
                    break
                if token == w:
                    continue
                for row, weight in index.postings[token].items():
                    if weight / 2 > best.get(row, 0.0):
                        best[row] = weight / 2
            for row, weight in best.items():
                scores[row] = scores.get(row, 0.0) + weight * words.count(w)
        hits = [
            SearchHit(score, *index.rows[row])
            for row, score in scores.items()
            if wanted is None or index.rows[row][0] in wanted
        ]
        hits.sort(key=lambda h: (-h.score, h.table, h.record.id))
        return tuple(hits[:limit] if limit is not None else hits)


@attrs.frozen
class _SearchIndex:
    rows: tuple[tuple[str, Record], ...]
    postings: dict[str, dict[int, float]]
    tokens: list[str]


def _items(value: Iterable[Any] | str) -> tuple[Any, ...]:
    """A collection argument as a tuple; a single string is one item, not its letters."""
    return (value,) if isinstance(value, str) else tuple(value)


def _rebuild(info: DatasetInfo, tables: dict[str, tuple[Any, ...]]) -> Dataset:
    return Dataset(info, **tables)


def _citations(record: Any) -> Iterator[Citation]:
    """Every citation of a record: its own, then its milestones' (the only nested ones)."""
    if isinstance(record, Citation):
        yield record
        return
    yield from getattr(record, "citations", ())
    if isinstance(record, Project):
        for milestone in record.milestones:
            yield from milestone.citations


# --- reading and writing ------------------------------------------------------


def _read(folder: Traversable, *, check_links: bool) -> Dataset:
    from ._convert import structure
    from ._integrity import check
    from ._io import MAX_FILE_BYTES, parse_json

    problems: list[Problem] = []
    format_error = False
    parsed: dict[str, Any] = {}
    names = [METADATA_FILE, *(f"{n}.json" for n in TABLES)]
    if isinstance(folder, Path):
        if not folder.is_dir():
            raise DataFormatError([Problem(None, "$", f"{folder} is not a folder")], "cannot load")
        root = folder.resolve()
        known = set(names)
        for extra in sorted(folder.iterdir()):
            if extra.suffix == ".json" and extra.name not in known:
                problems.append(Problem(extra.name, "$", f"unknown data file; expected only {', '.join(names)}"))
                format_error = True
    for name in names:
        entry: Traversable = folder / name
        if isinstance(entry, Path) and check_links and entry.is_symlink():
            try:
                inside = entry.resolve(strict=True).is_relative_to(root)
            except (OSError, RuntimeError):  # a dangling link or a loop (RuntimeError before Python 3.13)
                problems.append(Problem(name, "$", "a symbolic link that cannot be followed (no target, or a loop)"))
                format_error = True
                continue
            if not inside:
                problems.append(Problem(name, "$", "a symbolic link that leaves the data folder"))
                format_error = True
                continue
        if not entry.is_file():
            what = "a folder, not a file" if entry.is_dir() else "missing"
            problems.append(Problem(name, "$", f"file is {what}"))
            format_error = True
            continue
        try:
            if isinstance(entry, Path) and entry.stat().st_size > MAX_FILE_BYTES:
                problems.append(Problem(name, "$", f"larger than the limit of {MAX_FILE_BYTES} bytes"))
                format_error = True
                continue
            parsed[name] = parse_json(entry.read_bytes(), name)
        except DataFormatError as exc:
            problems.extend(exc.problems)
            format_error = True
        except OSError as exc:
            problems.append(Problem(name, "$", f"cannot read: {exc.strerror or exc}"))
            format_error = True
    structured: dict[str, Any] = {}
    for name, data in parsed.items():
        cls: Any = DatasetInfo if name == METADATA_FILE else GenericAlias(tuple, (TABLES[name[:-5]], ...))
        try:
            structured[name] = structure(data, cls, file=name)
        except ValidationError as exc:
            problems.extend(exc.problems)
    if problems:
        error = DataFormatError if format_error else ValidationError
        raise error(problems, f"{len(problems)} problem(s) in the data")
    info: DatasetInfo = structured[METADATA_FILE]
    tables = {n: structured[f"{n}.json"] for n in TABLES}
    found = check(tables, info)
    if found:
        raise IntegrityError(found, f"{len(found)} integrity problem(s) in the data")
    return Dataset(info, **tables)


_LOCK = threading.Lock()
_PACKAGED: Dataset | None = None


def load(path: str | PathLike[str] | None = None) -> Dataset:
    """Load the dataset.

    With no argument, the packaged data is read (through :mod:`importlib.resources`,
    so it works from a wheel or a zip) the first time, checked, and cached: every later
    call returns the same object at the cost of a global read. With a path, the folder
    is read in the same layout (``metadata.json`` plus one ``<table>.json`` per table)
    with exactly the same checks; it is not cached.

    Raises:
        DataError: (a :class:`DataFormatError`, :class:`ValidationError` or
            :class:`IntegrityError`) listing every problem found, each with its file and
            path. Nothing is cached after a failure.

    Example:
        >>> import kzaz_relations as kz
        >>> kz.load() is kz.load()
        True
    """
    global _PACKAGED
    if path is not None:
        return _read(Path(path), check_links=True)
    dataset = _PACKAGED
    if dataset is None:
        with _LOCK:
            dataset = _PACKAGED
            if dataset is None:
                dataset = _read(resources.files(__package__) / "data", check_links=False)
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
    """The files of a data folder (default: the packaged data) that are not in canonical form."""
    from ._convert import dumps

    ds = load(path)
    folder: Traversable = resources.files(__package__) / "data" if path is None else Path(path)
    bad = []
    expected = {METADATA_FILE: dumps(ds.info), **{f"{n}.json": dumps(t.records) for n, t in ds.tables()}}
    for name, text in expected.items():
        if (folder / name).read_text(encoding="utf-8") != text:
            bad.append(name)
    return bad
