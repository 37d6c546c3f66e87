"""Tables: immutable, id-indexed collections of records with ``get`` and ``where``."""

from __future__ import annotations

import difflib
import enum
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping
from types import MappingProxyType
from typing import Any, Generic, Protocol, TypeVar, overload

from .model import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Council,
    CouncilKind,
    CouncilMeeting,
    Country,
    Direction,
    Event,
    EventKind,
    Indicator,
    Level,
    Observation,
    ObservationStatus,
    PartialDate,
    Period,
    Project,
    ProjectStatus,
    Rank,
    ReporterKind,
    Sector,
    Source,
    SourceKind,
    Statement,
    Unit,
    Visit,
    VisitKind,
)

__all__ = ["Record", "Table", "fold", "record_date"]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_HasId)
Record = Source | Agreement | Council | CouncilMeeting | Visit | Project | Observation | Statement | Event
"Any record of the dataset."

DateBound = PartialDate | str | int | None


def record_date(record: object) -> PartialDate | None:
    """The date a record is placed at in time (``None`` if it has none).

    Agreements: ``signed``; visits: ``start``; meetings, events, statements: ``date``;
    councils: ``established``; projects: the first milestone; observations: the start of
    the period (its end is where the period stops); sources: ``published``.

    Example:
        >>> import kzaz_relations as kz
        >>> str(record_date(kz.load().meetings["supreme-interstate-council-1st-meeting-2024-03-11"]))
        '2024-03-11'
    """
    if isinstance(record, Agreement):
        return record.signed
    if isinstance(record, Visit):
        return record.start
    if isinstance(record, CouncilMeeting | Event | Statement):
        return record.date
    if isinstance(record, Council):
        return record.established
    if isinstance(record, Project):
        return record.milestones[0].date if record.milestones else None
    if isinstance(record, Observation):
        return record.period.start
    if isinstance(record, Source):
        return record.published
    return None


def _record_end(record: object) -> PartialDate | None:
    """The last date of a record's span (visits and meetings may last several days)."""
    if isinstance(record, Visit | CouncilMeeting) and record.end is not None:
        return record.end
    if isinstance(record, Observation):
        return record.period.end
    return record_date(record)


def _bound(value: DateBound) -> PartialDate | None:
    return None if value is None else PartialDate.of(value)


def _range(value: Any) -> tuple[PartialDate | None, PartialDate | None]:
    if not isinstance(value, tuple) or len(value) != 2:
        raise TypeError(f"a date range is a (start, end) tuple, got {value!r}")
    return _bound(value[0]), _bound(value[1])


# A filter is prepared once per ``where`` call: it parses its argument and returns the test
# applied to each record, so no argument is re-parsed per record.
Test = Callable[[Any], bool]
Filter = Callable[[Any], Test]


def _between(certain: bool) -> Filter:
    """A date-range filter: ``certain`` keeps records wholly inside, else overlapping ones."""

    def prepare(value: Any) -> Test:
        start, end = _range(value)
        lo = start.earliest if start is not None else None
        hi = end.latest if end is not None else None

        def test(record: Any) -> bool:
            first, last = record_date(record), _record_end(record)
            if first is None or last is None:
                return False
            if certain:
                return (lo is None or first.earliest >= lo) and (hi is None or last.latest <= hi)
            return (hi is None or first.earliest <= hi) and (lo is None or last.latest >= lo)

        return test

    return prepare


_certainly_between = _between(certain=True)
_possibly_between = _between(certain=False)


def _as_set(value: Any) -> frozenset[Any]:
    if isinstance(value, str | enum.Enum) or not isinstance(value, Collection):
        return frozenset({value})
    return frozenset(value)


def _members(value: Any, kind: type[enum.Enum] | None) -> frozenset[Any]:
    """The filter values, checked against ``kind`` so a typo raises instead of matching nothing."""
    values = _as_set(value)
    if kind is None:
        return values
    try:
        return frozenset(kind(v) for v in values)
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        raise ValueError(f"unknown {kind.__name__} in {sorted(map(str, values))}; expected one of: {allowed}") from None


def _enum_eq(name: str, kind: type[enum.Enum] | None = None) -> Filter:
    def prepare(value: Any) -> Test:
        wanted = _members(value, kind)
        return lambda record: getattr(record, name) in wanted

    return prepare


def _member(name: str, kind: type[enum.Enum]) -> Filter:
    def prepare(value: Any) -> Test:
        wanted = _members(value, kind)
        return lambda record: not wanted.isdisjoint(getattr(record, name))

    return prepare


def fold(text: str) -> str:
    """Text folded for matching: case-folded, accents and Azerbaijani letters reduced to ASCII.

    Example:
        >>> fold("Şuşa"), fold("Gəncə"), fold("  Baku ")
        ('susa', 'ganca', 'baku')
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().strip())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("ı", "i").replace("ə", "a")


_fold = fold


def _place(value: Any) -> Test:
    wanted = frozenset(_fold(v) for v in _as_set(value))

    def test(record: Any) -> bool:
        places = (record.place,) if hasattr(record, "place") else record.places
        return any(p is not None and _fold(p) in wanted for p in places)

    return test


def _period(value: Any) -> Test:
    wanted = frozenset(Period.of(v) for v in _as_set(value))
    return lambda record: record.period in wanted


def _party(value: Any) -> Test:
    wanted = [_fold(v) for v in _as_set(value)]
    return lambda record: any(w in _fold(p) for p in record.parties for w in wanted)


def _country_any(*names: str) -> Filter:
    def prepare(value: Any) -> Test:
        wanted = _members(value, Country)
        return lambda record: any(getattr(record, n) in wanted for n in names)

    return prepare


def _checkable(value: Any) -> Test:
    flag = bool(value)
    return lambda record: (record.claim is not None) == flag


_COMMON: dict[str, Filter] = {"between": _certainly_between, "possibly_between": _possibly_between}

_FILTERS: dict[type[Any], dict[str, Filter]] = {
    Agreement: {
        "kind": _enum_eq("kind", AgreementKind),
        "status": _enum_eq("status", AgreementStatus),
        "sector": _member("sectors", Sector),
        "country": _member("countries", Country),
        "party": _party,
        "place": _place,
        "visit": _enum_eq("visit"),
        "meeting": _enum_eq("meeting"),
        "signed_between": _certainly_between,
        "signed_possibly_between": _possibly_between,
    },
    Council: {"kind": _enum_eq("kind", CouncilKind), "established_between": _certainly_between},
    CouncilMeeting: {"council": _enum_eq("council"), "place": _place, "ordinal": _enum_eq("ordinal")},
    Visit: {
        "kind": _enum_eq("kind", VisitKind),
        "level": _enum_eq("level", Level),
        "from_country": _enum_eq("from_country", Country),
        "to_country": _enum_eq("to_country", Country),
        "country": _country_any("from_country", "to_country"),
        "place": _place,
    },
    Project: {
        "status": _enum_eq("status", ProjectStatus),
        "sector": _member("sectors", Sector),
        "country": _member("countries", Country),
    },
    Observation: {
        "indicator": _enum_eq("indicator", Indicator),
        "direction": _enum_eq("direction", Direction),
        "reporter": _enum_eq("reporter", Country),
        "reporter_kind": _enum_eq("reporter_kind", ReporterKind),
        "unit": _enum_eq("unit", Unit),
        "rank": _enum_eq("rank", Rank),
        "status": _enum_eq("status", ObservationStatus),
        "project": _enum_eq("project"),
        "period": _period,
    },
    Statement: {
        "speaker": _enum_eq("speaker"),
        "speaker_country": _enum_eq("speaker_country", Country),
        "sector": _member("sectors", Sector),
        "checkable": _checkable,
    },
    Event: {"kind": _enum_eq("kind", EventKind), "country": _member("countries", Country), "place": _place},
    Source: {
        "kind": _enum_eq("kind", SourceKind),
        "language": _enum_eq("language"),
        "publisher": _enum_eq("publisher"),
    },
}


class Table(Generic[R]):
    """An immutable table of records, ordered by id, indexed by id.

    A table is sized and iterable (in id order); ``table[id]`` returns a record or raises
    :class:`KeyError` naming the closest ids; :meth:`get` returns ``None`` instead;
    :meth:`where` filters by keywords or a predicate and returns a new table.

    Example:
        >>> import kzaz_relations as kz
        >>> ds = kz.load()
        >>> baku = ds.agreements.where(place="Baku", signed_between=("2024-03-11", "2024-03-11"))
        >>> len(baku) > 0 and all(a.place == "Baku" for a in baku)
        True
        >>> ds.agreements.get("no-such-id") is None
        True
    """

    __slots__ = ("_by_id", "_cls", "_records")

    def __init__(self, records: tuple[R, ...] | list[R] = (), cls: type[Any] | None = None) -> None:
        ordered = tuple(sorted(records, key=lambda r: r.id))
        by_id = {r.id: r for r in ordered}
        if len(by_id) != len(ordered):
            raise ValueError("a table's ids must be unique")
        self._records = ordered
        self._by_id: Mapping[str, R] = MappingProxyType(by_id)
        self._cls = cls if cls is not None else (type(ordered[0]) if ordered else None)

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R]:
        return iter(self._records)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return getattr(item, "id", None) in self._by_id and self._by_id[item.id] == item  # type: ignore[attr-defined]

    def __getitem__(self, id: str) -> R:
        try:
            return self._by_id[id]
        except KeyError:
            close = difflib.get_close_matches(str(id), list(self._by_id), n=3, cutoff=0.5)
            hint = f"; closest: {', '.join(close)}" if close else ""
            raise KeyError(f"no record with id {id!r}{hint}") from None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Table):
            return NotImplemented
        return self._records == other._records

    def __hash__(self) -> int:
        return hash(self._records)

    def __repr__(self) -> str:
        name = self._cls.__name__ if self._cls else "record"
        return f"<Table of {len(self)} {name} records>"

    def get(self, id: str, default: R | None = None) -> R | None:
        """The record with this id, or ``default`` (``None``) — a dictionary lookup."""
        return self._by_id.get(id, default)

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids, in table order."""
        return tuple(self._by_id)

    @property
    def records(self) -> tuple[R, ...]:
        """The records as a tuple, in table order."""
        return self._records

    @property
    def filters(self) -> tuple[str, ...]:
        """The keyword filters :meth:`where` accepts for this table."""
        own = _FILTERS.get(self._cls, {}) if self._cls else {}
        return tuple(sorted({*own, *_COMMON}))

    @overload
    def where(self, predicate: Callable[[R], bool], /, **filters: Any) -> Table[R]: ...
    @overload
    def where(self, predicate: None = None, /, **filters: Any) -> Table[R]: ...

    def where(self, predicate: Callable[[R], bool] | None = None, /, **filters: Any) -> Table[R]:
        """The records matching a predicate and every keyword filter.

        Keyword values may be one value or a collection of values (any of them matches).
        Enum filters accept members or their text. Date ranges take ``(start, end)`` with
        partial dates, ISO text or years, ``None`` for an open end:

        * ``between`` / ``signed_between`` keep a record only if its whole date interval
          lies **certainly** inside the range (a record dated ``2022-08`` is not certainly
          inside ``("2022-08-15", None)``);
        * ``possibly_between`` / ``signed_possibly_between`` keep it if the intervals
          overlap at all.

        Raises:
            TypeError: for a keyword this table does not know; the message lists the valid ones.

        Example:
            >>> import kzaz_relations as kz
            >>> t = kz.load().agreements
            >>> energy = t.where(sector=kz.Sector.ENERGY)
            >>> all(kz.Sector.ENERGY in a.sectors for a in energy)
            True
            >>> t.where(colour="red")
            Traceback (most recent call last):
            ...
            TypeError: unknown filter 'colour' for Agreement; valid filters: between, country, kind, ...
        """
        own = _FILTERS.get(self._cls, {}) if self._cls else {}
        tests: list[Test] = []
        for key, value in filters.items():
            prepare = own.get(key) or _COMMON.get(key)
            if prepare is None:
                name = self._cls.__name__ if self._cls else "this table"
                raise TypeError(f"unknown filter {key!r} for {name}; valid filters: {', '.join(self.filters)}")
            tests.append(prepare(value))
        if predicate is not None:
            tests.insert(0, predicate)
        kept = [r for r in self._records if all(t(r) for t in tests)]
        return Table._from_sorted(tuple(kept), self._cls)

    @classmethod
    def _from_sorted(cls, records: tuple[R, ...], kind: type[Any] | None) -> Table[R]:
        table: Table[R] = cls.__new__(cls)
        table._records = records
        table._by_id = MappingProxyType({r.id: r for r in records})
        table._cls = kind
        return table

    def first(self) -> R | None:
        """The first record in table order, or ``None`` for an empty table."""
        return self._records[0] if self._records else None

    def to_dicts(self) -> tuple[dict[str, Any], ...]:
        """The records as plain JSON-ready dictionaries (the data-file form)."""
        from ._convert import unstructure

        return tuple(unstructure(r) for r in self._records)

    def to_pandas(self) -> Any:
        """The table as a :class:`pandas.DataFrame`, one row per record (needs the ``pandas`` extra).

        Nested fields are flattened as in the CSV export. Raises :class:`ImportError`
        naming the extra when pandas is missing.
        """
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_pandas() needs pandas: pip install 'kzaz_relations[pandas]'") from exc
        from .export import flat_rows

        return pd.DataFrame(list(flat_rows(self._records, self._cls)))
