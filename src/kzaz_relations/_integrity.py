"""Cross-record checks: ids, references, dates, citations, units.

:func:`check` takes the tables in file order (so a problem can name ``$[3]`` in its file)
and returns every problem found; it never stops at the first.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import chain
from operator import attrgetter
from typing import Any, get_args, get_origin

import attrs

from .errors import Problem
from .model import (
    TABLES,
    Citation,
    DatasetInfo,
    Indicator,
    Observation,
    PartialDate,
    Period,
    Unit,
    citations_of,
    references,
)
from .model._base import unwrap_optional
from .model._references import _NESTED_CITED
from .model.dates import _month_days

__all__ = ["check"]

_MONEY = {Unit.USD, Unit.USD_THOUSAND, Unit.USD_MILLION, Unit.USD_BILLION}
_MONEY_INDICATORS = {
    Indicator.TRADE_TURNOVER,
    Indicator.TRADE_EXPORTS,
    Indicator.TRADE_SERVICES,
    Indicator.INVESTMENT_FLOW,
    Indicator.INVESTMENT_STOCK,
}
_TONNES = {Unit.TONNES, Unit.THOUSAND_TONNES, Unit.MILLION_TONNES}
_UNITS_OF: dict[Indicator, set[Unit]] = {
    **dict.fromkeys(_MONEY_INDICATORS, _MONEY),
    Indicator.TRANSIT_CARGO: _TONNES,
    Indicator.OIL_TRANSIT: _TONNES | {Unit.BARRELS_PER_DAY},
    Indicator.GRAIN_EXPORTS: _TONNES | _MONEY,
    Indicator.TRANSIT_CONTAINERS: {Unit.TEU, Unit.COUNT},
    Indicator.COMPANIES: {Unit.COUNT},
    Indicator.DOCUMENTS: {Unit.COUNT},
}

_PLANS: dict[type[Any], tuple[tuple[str, str], ...]] = {}


def _date_plan(cls: type[Any]) -> tuple[tuple[str, str], ...]:
    """Which fields of a class hold dates, lists of periods, or nested records (worked out once)."""
    cached = _PLANS.get(cls)
    if cached is not None:
        return cached
    plan = []
    for a in attrs.fields(attrs.resolve_types(cls)):
        if a.name == "claim":
            continue  # a claim's periods name the figures it is about; a pledge's lie in the future
        base = unwrap_optional(a.type)[0]
        item = get_args(base)[0] if get_origin(base) is tuple else None
        if base in (PartialDate, Period):
            plan.append((a.name, "date"))
        elif item in (PartialDate, Period):
            plan.append((a.name, "dates"))
        elif isinstance(item, type) and attrs.has(item) and item is not Citation:
            plan.append((a.name, "records"))
        elif isinstance(base, type) and attrs.has(base) and base is not Citation:
            plan.append((a.name, "record"))
    _PLANS[cls] = tuple(plan)
    return _PLANS[cls]


def _dates_in(obj: Any, path: str) -> Iterator[tuple[str, PartialDate | Period]]:
    """(path, value) for every date and period of a record, nested ones included."""
    for name, kind in _date_plan(type(obj)):
        value = getattr(obj, name)
        if value is None:
            continue
        if kind == "date":
            yield f"{path}.{name}", value
        elif kind == "dates":
            for n, item in enumerate(value):
                yield f"{path}.{name}[{n}]", item
        elif kind == "records":
            for n, item in enumerate(value):
                yield from _dates_in(item, f"{path}.{name}[{n}]")
        else:
            yield from _dates_in(value, f"{path}.{name}")


_SINGULAR = {"people": "person", "sources": "source"}


def _singular(table: str) -> str:
    return _SINGULAR.get(table, table[:-1])


def check(
    tables: Mapping[str, Sequence[Any]], info: DatasetInfo | None, extra_ids: Mapping[str, set[str]] | None = None
) -> list[Problem]:
    """Every cross-record problem in the tables (keyed by table name, records in file order).

    A table may hold ``None`` where a record failed to structure: it is skipped, and its id, if
    known, comes in ``extra_ids`` so references to it are not reported as dangling.
    """
    problems: list[Problem] = []

    def add(table: str, path: str, message: str) -> None:
        problems.append(Problem(f"{table}.json", path, message))

    ids: dict[str, set[str]] = {}
    for table, records in tables.items():
        held = [r.id for r in records if r is not None]
        distinct = set(held)
        if len(distinct) != len(held):  # rare: name each repeat and where it first appeared
            seen: dict[str, int] = {}
            for i, r in enumerate(records):
                if r is None:
                    continue
                if r.id in seen:
                    add(table, f"$[{i}].id", f"duplicate id {r.id!r} (first at $[{seen[r.id]}])")
                else:
                    seen[r.id] = i
        ids[table] = distinct | set((extra_ids or {}).get(table, ()))

    source_ids = ids.get("sources", set())
    cited: set[str] = set()
    end = info.coverage.latest if info is not None else None
    end_text = str(info.coverage.end) if info is not None else ""
    end_day = (end.year, end.month, end.day) if end is not None else None  # compares with _bounds
    bounds: _Bounds = {}
    unions: dict[tuple[str, ...], frozenset[str]] = {}
    for table, records in tables.items():
        refs = references(TABLES[table]) if table in TABLES else ()
        # Each reference's allowed ids, in one set: most tables are clean, and a clean table
        # is recognised without building a single JSONPath (see _table_clean).
        allowed = [(ref, _allowed(ref.targets, ids, unions)) for ref in refs]
        present = [r for r in records if r is not None]
        sources = _table_sources(present)
        cited.update(sources)
        if _table_clean(present, sources, source_ids, end_day, allowed, bounds):
            continue
        for i, r in enumerate(records):
            if r is None:
                continue
            if _table_clean([r], _table_sources([r]), source_ids, end_day, allowed, bounds):
                continue
            # Something is wrong with this record: find each problem with its path.
            for suffix, citation in citations_of(r):
                if citation.source not in source_ids:
                    add(table, f"$[{i}]{suffix}.source", f"cites unknown source {citation.source!r}")
            if end is not None:
                for path, value in _dates_in(r, f"$[{i}]"):
                    if value.earliest > end:
                        add(table, path, f"date {value} is after the dataset's coverage end {end_text}")
            for ref in refs:
                for suffix, target_id in ref.ids(r):
                    if not any(target_id in ids.get(t, ()) for t in ref.targets):
                        kinds = " or ".join(_singular(t) for t in ref.targets)
                        add(table, f"$[{i}]{suffix}", f"unknown {kinds} id {target_id!r}")
            problems.extend(_dates(table, i, r))
    if "sources" in tables and all(r is not None for rs in tables.values() for r in rs):
        for i, s in enumerate(tables["sources"]):
            if s.id not in cited:
                add("sources", f"$[{i}].id", f"source {s.id!r} is never cited")
    problems.extend(_cross_dates(tables))
    return problems


_Bounds = dict[int, tuple[Any, Any, Any]]
"``id(date) -> (earliest, latest, date)``: the date itself is held so that its id stays its own."


def _bounds(value: PartialDate | Period, cache: _Bounds) -> tuple[Any, Any, Any]:
    """``(earliest, latest, value)`` of a date or period as ``(year, month, day)`` tuples, which
    compare as the days do, worked out once per object during one check (the converter hands
    out one object per distinct date text). No ``datetime.date`` is made for a clean record."""
    found = cache.get(id(value))
    if found is None:
        start, end = (value.start, value.end) if isinstance(value, Period) else (value, value)
        month = end.month or 12
        latest = (end.year, month, end.day or _month_days(end.year, month))
        found = cache[id(value)] = ((start.year, start.month or 1, start.day or 1), latest, value)
    return found


def _by_class(objs: list[Any]) -> Iterator[tuple[type[Any], list[Any]]]:
    """The records grouped by class, each class once (one group, the list itself, when all share
    one class, as a table's records do)."""
    classes = {type(o) for o in objs}
    for cls in classes:
        yield cls, objs if len(classes) == 1 else [o for o in objs if type(o) is cls]


def _in_order(objs: list[Any], cache: _Bounds) -> bool:
    """Whether every :data:`DATE_ORDER` pair of the records (nested ones included) is in order:
    each pair compared field by field across the records, most of which leave the later date
    out."""
    for cls, group in _by_class(objs):
        pairs, nested = _order_plan(cls)
        for first, later, _ in pairs:
            for a, b in zip(map(attrgetter(first), group), map(attrgetter(later), group), strict=True):
                if a is not None and b is not None and _bounds(b, cache)[1] < _bounds(a, cache)[0]:
                    return False
        for name in nested:
            inner = list(chain.from_iterable(map(attrgetter(name), group)))
            if inner and not _in_order(inner, cache):
                return False
    return True


def _allowed(
    targets: tuple[str, ...], ids: dict[str, set[str]], unions: dict[tuple[str, ...], frozenset[str]]
) -> set[str] | frozenset[str]:
    """The ids a reference may name: its one table's own set, or the union of its tables' sets
    (made once per combination of tables, not once per reference)."""
    if len(targets) == 1:
        return ids.get(targets[0], set())
    found = unions.get(targets)
    if found is None:
        found = unions[targets] = frozenset().union(*(ids.get(t, ()) for t in targets))
    return found


_SOURCE = attrgetter("source")
_CITATIONS = attrgetter("citations")


def _table_sources(records: list[Any]) -> list[str]:
    """The source ids the records cite, nested records included (as :func:`citations_of`, without
    paths)."""
    found: list[str] = []
    for cls, group in _by_class(records):
        if hasattr(group[0], "citations"):
            found.extend(map(_SOURCE, chain.from_iterable(map(_CITATIONS, group))))
        for name in _NESTED_CITED.get(cls, ()):
            nested = chain.from_iterable(map(attrgetter(name), group))
            found.extend(map(_SOURCE, chain.from_iterable(map(_CITATIONS, nested))))
    return found


def _table_clean(
    records: list[Any],
    sources: list[str],
    source_ids: set[str],
    end: Any,
    allowed: list[tuple[Any, set[str] | frozenset[str]]],
    cache: _Bounds,
) -> bool:
    """Whether the records pass every per-record check of :func:`check`, field by field across
    them with set algebra (the common case: every record is clean). When a table does not,
    each of its records is tested on its own, and the located checks run on those that fail;
    each test here is the exact negation of one there."""
    if not source_ids.issuperset(sources):
        return False
    if end is not None:
        values: list[Any] = []
        _table_dates(records, values)
        distinct = {id(v): v for v in values if v is not None}
        if any(_bounds(v, cache)[0] > end for v in distinct.values()):
            return False
    for ref, ok in allowed:
        if not ok.issuperset(_table_ids(records, ref.path, ref.many)):
            return False
    if not _in_order(records, cache):
        return False
    observations = [r for r in records if isinstance(r, Observation)]
    for indicator, unit in {(r.indicator, r.unit) for r in observations}:
        units = _UNITS_OF.get(indicator)
        if units is not None and unit not in units:
            return False
    for r in observations:
        if r.published is not None and _bounds(r.published, cache)[1] < _bounds(r.period, cache)[0]:
            return False
    return True


def _table_dates(objs: list[Any], out: list[Any]) -> None:
    """Every date and period of the records (nested ones included), ``None`` among them."""
    for cls, group in _by_class(objs):
        for name, kind in _date_plan(cls):
            values = list(map(attrgetter(name), group))
            if kind == "date":
                out.extend(values)
            elif kind == "dates":
                out.extend(chain.from_iterable(values))
            else:
                inner = list(chain.from_iterable(values)) if kind == "records" else [v for v in values if v is not None]
                if inner:
                    _table_dates(inner, out)


def _table_ids(objs: list[Any], path: tuple[str, ...], many: bool) -> list[str]:
    """Every id a reference holds in the records (as :meth:`Reference.ids`, without paths)."""
    values = list(map(attrgetter(path[0]), objs))
    if len(path) > 1:
        return _table_ids(list(chain.from_iterable(values)), path[1:], many)
    if many:
        return list(chain.from_iterable(values))
    return [v for v in values if v is not None]


DATE_ORDER: tuple[tuple[str, str, str], ...] = (
    ("start", "end", "ends ({later}) before it starts ({first})"),
    ("date", "end", "ends ({later}) before it starts ({first})"),
    ("signed", "ratified", "ratified ({later}) before it was signed ({first})"),
    ("signed", "in_force", "in force ({later}) before it was signed ({first})"),
    ("since", "until", "until ({later}) before since ({first})"),
)
"""``(earlier field, later field, message)``: pairs of dates of one record (or nested record) in
that order, checked on every record that has both (a visit, a meeting, an agreement, an office,
a co-chair); the strategies draw them in order from the same list."""

_ORDER_PLANS: dict[type[Any], tuple[tuple[tuple[str, str, str], ...], tuple[str, ...]]] = {}


def _order_plan(cls: type[Any]) -> tuple[tuple[tuple[str, str, str], ...], tuple[str, ...]]:
    """The :data:`DATE_ORDER` pairs a class has, and its fields holding tuples of nested records
    (citations aside), worked out once."""
    found = _ORDER_PLANS.get(cls)
    if found is None:
        fields = attrs.fields(attrs.resolve_types(cls))
        names = {a.name for a in fields}
        pairs = tuple(p for p in DATE_ORDER if p[0] in names and p[1] in names)
        nested = tuple(
            a.name
            for a in fields
            if get_origin(a.type) is tuple
            and attrs.has(item := get_args(a.type)[0])
            and item not in (Citation, PartialDate, Period)
        )
        found = _ORDER_PLANS[cls] = (pairs, nested)
    return found


def _out_of_order(obj: Any, path: str) -> Iterator[tuple[str, str]]:
    pairs, nested = _order_plan(type(obj))
    for first, later, message in pairs:
        a, b = getattr(obj, first), getattr(obj, later)
        if a is not None and b is not None and b.latest < a.earliest:
            yield f"{path}.{later}", message.format(first=a, later=b)
    for name in nested:
        for n, item in enumerate(getattr(obj, name)):
            yield from _out_of_order(item, f"{path}.{name}[{n}]")


def _dates(table: str, i: int, r: Any) -> Iterator[Problem]:
    file = f"{table}.json"
    for path, message in _out_of_order(r, f"$[{i}]"):
        yield Problem(file, path, message)
    if isinstance(r, Observation):
        allowed = _UNITS_OF.get(r.indicator)
        if allowed is not None and r.unit not in allowed:
            units = ", ".join(sorted(u.value for u in allowed))
            yield Problem(file, f"$[{i}].unit", f"unit {r.unit.value} does not fit {r.indicator.value} ({units})")
        if r.published is not None and r.published.latest < r.period.earliest:
            yield Problem(file, f"$[{i}].published", f"published ({r.published}) before the period ({r.period})")


def _cross_dates(tables: Mapping[str, Sequence[Any]]) -> Iterator[Problem]:
    """An agreement signed during a visit or at a meeting must fall within its dates."""
    spans: dict[str, dict[str, tuple[PartialDate, PartialDate]]] = {
        "visits": {v.id: (v.start, v.end or v.start) for v in tables.get("visits", ()) if v is not None},
        "meetings": {m.id: (m.date, m.end or m.date) for m in tables.get("meetings", ()) if m is not None},
    }
    for i, a in enumerate(tables.get("agreements", ())):
        if a is None:
            continue
        for field, table in (("visit", "visits"), ("meeting", "meetings")):
            ref = getattr(a, field)
            span = spans[table].get(ref) if ref is not None else None
            if span is not None and not a.signed.possibly_within(span[0], span[1]):
                yield Problem(
                    "agreements.json",
                    f"$[{i}].signed",
                    f"signed {a.signed}, outside the dates of {field} {ref!r} ({span[0]}–{span[1]})",
                )
