"""Time: the timeline of every dated record, and the dataset as it stood on a day."""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs

from .model import TABLES, Council, CouncilMeeting, PartialDate, Person, Project, Visit, citations_of, references
from .table import Record, _record_end, record_date

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["KINDS", "TimelineEntry", "as_of", "build_timeline", "timeline"]


@attrs.frozen
class TimelineEntry:
    """One dated entry of :meth:`Dataset.timeline <kzaz_relations.Dataset.timeline>`."""

    date: PartialDate
    "When it happened."
    kind: str
    """The table it comes from, in the singular (``agreement``, ``visit``, ``meeting``,
    ``event``, ``statement``, ``council``), or ``milestone``."""
    record: Record
    "The record (for a milestone: its :class:`~kzaz_relations.Project`)."
    text: str
    "A one-line description."


KINDS: Final = {"event": 0, "council": 1, "visit": 2, "meeting": 3, "agreement": 4, "statement": 5, "milestone": 6}
"The kinds of timeline entry, in the order entries of the same date are listed."


def build_timeline(ds: Dataset) -> tuple[tuple[TimelineEntry, ...], list[datetime.date]]:
    """Every dated entry, sorted, and the earliest day of each (for bisecting)."""
    from ._links import label

    entries: list[TimelineEntry] = []
    for a in ds.agreements:
        entries.append(TimelineEntry(a.signed, "agreement", a, f"Signed: {a.title}"))
    for v in ds.visits:
        entries.append(TimelineEntry(v.start, "visit", v, f"{v.kind.value.capitalize()} visit: {label(ds, v)}"))
    for m in ds.meetings:
        council = ds.councils.get(m.council)
        name = council.name if council else m.council
        entries.append(
            TimelineEntry(m.date, "meeting", m, f"Meeting of the {name}" + (f" in {m.place}" if m.place else ""))
        )
    for e in ds.events:
        entries.append(TimelineEntry(e.date, "event", e, e.title))
    for s in ds.statements:
        entries.append(TimelineEntry(s.date, "statement", s, label(ds, s)))
    for c in ds.councils:
        if c.established is not None:
            entries.append(TimelineEntry(c.established, "council", c, f"Established: {c.name}"))
    for p in ds.projects:
        for ms in p.milestones:
            entries.append(TimelineEntry(ms.date, "milestone", p, f"{p.name}: {ms.description}"))
    entries.sort(key=lambda e: (e.date._key(), KINDS[e.kind], e.record.id, e.text))
    return tuple(entries), [e.date.earliest for e in entries]


def timeline(
    ds: Dataset,
    start: PartialDate | str | int | None,
    end: PartialDate | str | int | None,
    kinds: Iterable[str] | None,
    certain: bool,
) -> tuple[TimelineEntry, ...]:
    """See :meth:`Dataset.timeline <kzaz_relations.Dataset.timeline>`."""
    entries, earliest = ds._cached("timeline", lambda: build_timeline(ds))
    lo = None if start is None else PartialDate.of(start)
    hi = None if end is None else PartialDate.of(end)
    wanted = None if kinds is None else frozenset(kinds)
    if wanted is not None and not wanted <= set(KINDS):
        raise ValueError(f"unknown kind(s) {sorted(wanted - set(KINDS))}; kinds: {', '.join(KINDS)}")
    # Entries are sorted so that their earliest days never decrease: bisect the window
    # of candidates, then apply the exact test to those only.
    first = 0
    if lo is not None:
        first = bisect.bisect_left(earliest, lo.earliest) if certain else 0
    last = len(entries) if hi is None else bisect.bisect_right(earliest, hi.latest)
    test = PartialDate.certainly_within if certain else PartialDate.possibly_within
    return tuple(e for e in entries[first:last] if (wanted is None or e.kind in wanted) and test(e.date, lo, hi))


def as_of(ds: Dataset, day: PartialDate | str | int) -> Dataset:
    """See :meth:`Dataset.as_of <kzaz_relations.Dataset.as_of>`."""
    limit = PartialDate.of(day).latest
    first_meeting: dict[str, PartialDate] = {}
    for m in ds.meetings:
        if m.council not in first_meeting or m.date < first_meeting[m.council]:
            first_meeting[m.council] = m.date

    def when(record: Any) -> PartialDate | None:
        if isinstance(record, Visit | CouncilMeeting):
            return record_date(record)
        if isinstance(record, Council) and record.established is None:
            return first_meeting.get(record.id)
        return _record_end(record)

    kept: dict[str, list[Any]] = {}
    for name, table in ds.tables():
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
            elif isinstance(r, Person):
                offices = tuple(o for o in r.offices if _began(o.since or o.attested, limit))
                if len(offices) != len(r.offices):
                    r = attrs.evolve(r, offices=offices)
            else:
                date = when(r)
                if date is not None and date.latest > limit:
                    continue
            rows.append(r)
        kept[name] = rows
    # A council that had met by then existed by then, whatever its recorded founding date.
    met = {m.council for m in kept["meetings"]}
    existed = {c.id for c in kept["councils"]}
    kept["councils"] = [c for c in ds.councils if c.id in met or c.id in existed]
    # Clear every declared reference to a record that did not exist yet (a project's later
    # agreements, say). Required references point to tables kept whole (people) or kept above.
    ids = {name: {r.id for r in rows} for name, rows in kept.items()}
    for name, rows in kept.items():
        for ref in references(TABLES[name]):
            if ref.required:
                continue

            def alive(target_id: str, targets: tuple[str, ...] = ref.targets) -> bool:
                return any(target_id in ids[t] for t in targets)

            for n, r in enumerate(rows):
                rows[n] = ref.prune(r, alive)
    cited = {c.source for rows in kept.values() for r in rows for _, c in citations_of(r)}
    kept["sources"] = [s for s in ds.sources if s.id in cited]
    return type(ds)(ds.info, **kept)


def _began(start: PartialDate | None, limit: datetime.date) -> bool:
    """Whether something with this (possibly unknown) start had certainly begun by ``limit``."""
    return start is None or start.latest <= limit
