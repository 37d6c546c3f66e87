"""Tables: immutable, id-indexed collections of records with ``get`` and ``where``."""

from __future__ import annotations

import enum
import functools
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, get_args, get_origin, overload

import attrs

from ._lazy import lazy_attributes
from .model import PartialDate, Period

if TYPE_CHECKING:
    from .model import Record

__all__ = ["Record", "Table", "fold", "record_date"]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_HasId)


# ``Record`` (the union of every record class) is built on first use, with the classes.
__getattr__, __dir__ = lazy_attributes(__name__, {"Record": ".model"}, globals())


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
    kind = type(record).__name__
    field = _DATE_FIELD.get(kind)
    if field is not None:
        value: PartialDate | None = getattr(record, field)
        return value
    if kind == "Project":
        milestones = record.milestones  # type: ignore[attr-defined]
        return milestones[0].date if milestones else None
    if kind == "Observation":
        return record.period.start  # type: ignore[attr-defined,no-any-return]
    return None


# The field that places a record in time, by record class (the classes are imported lazily,
# so they are named rather than imported here).
_DATE_FIELD = {
    "Agreement": "signed",
    "Visit": "start",
    "CouncilMeeting": "date",
    "Event": "date",
    "Statement": "date",
    "Council": "established",
    "Source": "published",
}


def _record_end(record: object) -> PartialDate | None:
    """The last date of a record's span (visits and meetings may last several days)."""
    kind = type(record).__name__
    if kind in ("Visit", "CouncilMeeting") and record.end is not None:  # type: ignore[attr-defined]
        return record.end  # type: ignore[attr-defined,no-any-return]
    if kind == "Observation":
        return record.period.end  # type: ignore[attr-defined,no-any-return]
    return record_date(record)


def _bound(value: DateBound) -> PartialDate | None:
    return None if value is None else PartialDate.of(value)


def _range(value: Any) -> tuple[PartialDate | None, PartialDate | None]:
    if not isinstance(value, tuple) or len(value) != 2:
        raise TypeError(f"a date range is a (start, end) tuple, got {value!r}")
    return _bound(value[0]), _bound(value[1])


# A filter is prepared once per ``where`` call: it parses its argument and returns the test
# applied to each record, so no argument is re-parsed per record. The second argument is the
# table's name resolver (``id -> names``), which reference filters use to match by name.
Test = Callable[[Any], bool]
Names = Callable[[str], tuple[str, ...]]
Filter = Callable[[Any, Names | None], Test]


def _between(certain: bool) -> Filter:
    """A date-range filter: ``certain`` keeps records wholly inside, else overlapping ones."""

    def prepare(value: Any, names: Names | None = None) -> Test:
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
    """The filter values, checked against ``kind`` so a typo raises instead of matching nothing.

    Text matches a member's value case-insensitively (``"kz"`` is ``Country.KZ``).
    """
    values = _as_set(value)
    if kind is None:
        return values
    by_text = {str(m.value).casefold(): m for m in kind}
    out = set()
    for v in values:
        member = v if isinstance(v, kind) else by_text.get(str(v).casefold())
        if member is None:
            allowed = ", ".join(str(m.value) for m in kind)
            raise ValueError(f"unknown {_label(kind)} {v!r}; expected one of: {allowed}")
        out.add(member)
    return frozenset(out)


def _label(kind: type[enum.Enum]) -> str:
    """An enum's name in words: ``AgreementKind`` -> ``agreement kind``."""
    words = "".join(" " + c.lower() if c.isupper() else c for c in kind.__name__).strip()
    return words


@functools.cache
def _declared_enum(owner: str, field: str) -> type[enum.Enum] | None:
    """The enum a record class declares for ``field`` (or for its items), else ``None``.

    Read from the field's type on first use, so a filter checks its values against the very
    vocabulary the model declares, and a query builds only the enums it touches.
    """
    from . import model
    from .model._base import unwrap_optional

    cls = attrs.resolve_types(getattr(model, owner))
    base = unwrap_optional(attrs.fields_dict(cls)[field].type)[0]
    if get_origin(base) in (tuple, frozenset):
        base = get_args(base)[0]
    return base if isinstance(base, type) and issubclass(base, enum.Enum) else None


class _Equals:
    """A filter on one or more fields (any of them matches), or on the items of one collection
    field (``items=True``). Values are checked against the field's declared enum, if any; the
    record class is named when the filter table is built (:meth:`of`)."""

    def __init__(self, *fields: str, items: bool = False, owner: str = "") -> None:
        self.fields, self.items, self.owner = fields, items, owner

    def of(self, owner: str) -> _Equals:
        return _Equals(*self.fields, items=self.items, owner=owner)

    def __call__(self, value: Any, names: Names | None = None) -> Test:
        wanted = _members(value, _declared_enum(self.owner, self.fields[0]))
        if self.items:
            field = self.fields[0]
            return lambda record: not wanted.isdisjoint(getattr(record, field))
        return lambda record: any(getattr(record, f) in wanted for f in self.fields)


def _enum_eq(*fields: str) -> Filter:
    return _Equals(*fields)


def _member(field: str) -> Filter:
    return _Equals(field, items=True)


_LETTERS = {
    # Azerbaijani and Kazakh Latin letters with an English spelling of their own
    "ş": "sh",
    "ç": "ch",
    "ə": "a",
    "ı": "i",
    "ğ": "g",
    # Cyrillic (Russian and Kazakh), transliterated the way English texts spell these names
    "а": "a",
    "ә": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "қ": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "n",
    "о": "o",
    "ө": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ұ": "u",
    "ү": "u",
    "ф": "f",
    "х": "kh",
    "һ": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "і": "i",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}
_TRANSLATE = str.maketrans(_LETTERS)


def fold(text: str) -> str:
    """Text folded for matching: case-folded, accents dropped, Azerbaijani and Kazakh letters and
    Cyrillic spelled in Latin letters the way English texts spell them.

    So ``Şuşa`` and ``Шуша`` both match ``Shusha``, and ``Алматы`` matches ``Almaty``.

    Example:
        >>> fold("Şuşa"), fold("Шуша"), fold("Gəncə"), fold("  Baku "), fold("Алматы")
        ('shusha', 'shusha', 'ganca', 'baku', 'almaty')
    """
    lowered = text.casefold().strip().translate(_TRANSLATE)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# The filters fold the same few texts (places, names) for every record of every query: keep them.
_fold = functools.lru_cache(maxsize=1 << 16)(fold)


def _place(value: Any, names: Names | None = None) -> Test:
    wanted = frozenset(_fold(v) for v in _as_set(value))

    def test(record: Any) -> bool:
        places = (record.place,) if hasattr(record, "place") else record.places
        return any(p is not None and _fold(p) in wanted for p in places)

    return test


def _period(value: Any, names: Names | None = None) -> Test:
    wanted = frozenset(Period.of(v) for v in _as_set(value))
    return lambda record: record.period in wanted


def _refers(label: str) -> Filter:
    """A filter on the declared reference ``label`` (``signatories``, ``co_chairs.person``): an id,
    or a name (any language, accent- and case-insensitive, matched as a part of the name:
    ``"tokayev"`` finds ``Kassym-Jomart Tokayev``)."""

    def prepare(value: Any, names: Names | None = None) -> Test:
        from .model import references

        wanted = _as_set(value)
        texts = [_fold(str(w)) for w in wanted]
        declared: dict[type[Any], Any] = {}

        def ids_of(record: Any) -> Iterator[str]:
            cls = type(record)
            ref = declared.get(cls)
            if ref is None:
                ref = declared[cls] = next(r for r in references(cls) if r.label == label)
            return (target for _, target in ref.ids(record))

        def matches(target: str) -> bool:
            if target in wanted:
                return True
            if names is None:
                return False
            folded = [_fold(n) for n in names(target)]
            return any(t and t in n for t in texts for n in folded)

        return lambda record: any(matches(t) for t in ids_of(record))

    return prepare


def _checkable(value: Any, names: Names | None = None) -> Test:
    flag = bool(value)
    return lambda record: (record.claim is not None) == flag


def _name(value: Any, names: Names | None = None) -> Test:
    texts = [_fold(str(v)) for v in _as_set(value)]

    def test(record: Any) -> bool:
        return any(t and t in _fold(f) for t in texts for f in record.all_names)

    return test


_COMMON: dict[str, Filter] = {"between": _certainly_between, "possibly_between": _possibly_between}


def _owned(filters: dict[str, dict[str, Filter]]) -> dict[str, dict[str, Filter]]:
    """The filter table with each :class:`_Equals` told its record class, so that it can read
    the field's declared vocabulary."""
    return {
        owner: {key: f.of(owner) if isinstance(f, _Equals) else f for key, f in spec.items()}
        for owner, spec in filters.items()
    }


# Keyword filters by record class name (the classes themselves are imported lazily).
_FILTERS: dict[str, dict[str, Filter]] = _owned(
    {
        "Agreement": {
            "kind": _enum_eq("kind"),
            "status": _enum_eq("status"),
            "sector": _member("sectors"),
            "country": _member("countries"),
            "party": _refers("parties"),
            "signatory": _refers("signatories"),
            "place": _place,
            "visit": _enum_eq("visit"),
            "meeting": _enum_eq("meeting"),
            "signed_between": _certainly_between,
            "signed_possibly_between": _possibly_between,
        },
        "Council": {
            "kind": _enum_eq("kind"),
            "established_between": _certainly_between,
            "co_chair": _refers("co_chairs.person"),
        },
        "CouncilMeeting": {
            "council": _enum_eq("council"),
            "place": _place,
            "ordinal": _enum_eq("ordinal"),
            "co_chair": _refers("co_chairs"),
        },
        "Visit": {
            "visitor": _refers("visitor"),
            "kind": _enum_eq("kind"),
            "level": _enum_eq("level"),
            "from_country": _enum_eq("from_country"),
            "to_country": _enum_eq("to_country"),
            "country": _enum_eq("from_country", "to_country"),
            "place": _place,
        },
        "Project": {
            "status": _enum_eq("status"),
            "sector": _member("sectors"),
            "country": _member("countries"),
            "participant": _refers("participants"),
        },
        "Observation": {
            "reported_by": _refers("reported_by"),
            "indicator": _enum_eq("indicator"),
            "direction": _enum_eq("direction"),
            "reporter": _enum_eq("reporter"),
            "reporter_kind": _enum_eq("reporter_kind"),
            "unit": _enum_eq("unit"),
            "rank": _enum_eq("rank"),
            "status": _enum_eq("status"),
            "project": _enum_eq("project"),
            "period": _period,
        },
        "Statement": {
            "speaker": _refers("speaker"),
            "co_speaker": _refers("co_speakers"),
            "speaker_country": _enum_eq("speaker_country"),
            "sector": _member("sectors"),
            "checkable": _checkable,
        },
        "Event": {
            "kind": _enum_eq("kind"),
            "country": _member("countries"),
            "place": _place,
            "participant": _refers("participants"),
        },
        "Person": {"country": _enum_eq("country"), "name": _name},
        "Organization": {
            "kind": _enum_eq("kind"),
            "country": _enum_eq("country"),
            "parent": _refers("parent"),
            "name": _name,
        },
        "Source": {
            "kind": _enum_eq("kind"),
            "language": _enum_eq("language"),
            "publisher": _enum_eq("publisher"),
        },
    }
)


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

    __slots__ = ("_by_id", "_cls", "_names", "_records")

    def __init__(
        self, records: tuple[R, ...] | list[R] = (), cls: type[Any] | None = None, names: Names | None = None
    ) -> None:
        ordered = tuple(sorted(records, key=lambda r: r.id))
        by_id = {r.id: r for r in ordered}
        if len(by_id) != len(ordered):
            raise ValueError("a table's ids must be unique")
        self._records = ordered
        self._by_id: Mapping[str, R] = MappingProxyType(by_id)
        self._cls = cls if cls is not None else (type(ordered[0]) if ordered else None)
        self._names = names

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
            import difflib

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
        own = _FILTERS.get(self._cls.__name__, {}) if self._cls else {}
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
        own = _FILTERS.get(self._cls.__name__, {}) if self._cls else {}
        tests: list[Test] = []
        for key, value in filters.items():
            prepare = own.get(key) or _COMMON.get(key)
            if prepare is None:
                name = self._cls.__name__ if self._cls else "this table"
                raise TypeError(f"unknown filter {key!r} for {name}; valid filters: {', '.join(self.filters)}")
            tests.append(prepare(value, self._names))
        if predicate is not None:
            tests.insert(0, predicate)
        kept = self._records
        for test in tests:  # each test sees only the records every earlier test kept
            kept = tuple(filter(test, kept))
        return Table._from_sorted(kept, self._cls, self._names)

    @classmethod
    def _from_sorted(cls, records: tuple[R, ...], kind: type[Any] | None, names: Names | None = None) -> Table[R]:
        table: Table[R] = cls.__new__(cls)
        table._records = records
        table._by_id = MappingProxyType({r.id: r for r in records})
        table._cls = kind
        table._names = names
        return table

    def first(self) -> R | None:
        """The first record in table order, or ``None`` for an empty table."""
        return self._records[0] if self._records else None

    def to_dicts(self) -> tuple[dict[str, Any], ...]:
        """The records as plain JSON-ready dictionaries (the data-file form)."""
        from ._convert import unstructure

        return tuple(unstructure(r) for r in self._records)

    def to_pandas(self) -> Any:
        """The table as a :class:`pandas.DataFrame` with typed columns, one row per record (needs ``pandas``).

        Numbers are floats (the exact decimal is kept in a ``<field>_text`` column), dates are
        ``datetime64`` of their earliest day with a ``<field>_precision`` column, enums are
        categoricals, lists are lists and missing values are ``NA``; the full mapping is in
        :doc:`/exports`. Raises :class:`ImportError` naming the extra when pandas is missing.

        Example:
            >>> import kzaz_relations as kz
            >>> df = kz.load().observations.to_pandas()
            >>> str(df["value"].dtype), str(df["period_start"].dtype), str(df["unit"].dtype)
            ('Float64', 'datetime64[ns]', 'category')
        """
        from ._tabular import frame

        return frame(self._records, self._cls)
