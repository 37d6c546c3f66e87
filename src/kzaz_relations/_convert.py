"""The boundary: the one cattrs converter through which all data enters and leaves.

:func:`make_converter` builds it; :func:`structure`, :func:`unstructure`,
:func:`loads` and :func:`dumps` are the public helpers built on it.
"""

from __future__ import annotations

import enum
import json
import re
import threading
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import cache
from itertools import chain
from operator import attrgetter, itemgetter
from types import SimpleNamespace
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_unstructure_fn

from .errors import Problem, ValidationError
from .model import PartialDate, Period
from .model._base import (
    _ID_RE,
    _URL_RE,
    _count,
    _finite,
    _id,
    _non_empty,
    _non_negative,
    _one_per_source,
    _text,
    _unique,
    _url,
    slot_setter,
    unwrap_optional,
)

__all__ = ["dumps", "loads", "make_converter", "structure", "unstructure"]

T = TypeVar("T")

_DECIMAL_RE = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")


def _strict(kind: type[Any]) -> Callable[[Any, type[Any]], Any]:
    def hook(value: Any, _: type[Any]) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__} {value!r:.60}")
        return value

    return hook


def _structure_decimal(value: Any, _: type[Any]) -> Decimal:
    if type(value) is not str:
        raise TypeError(f"expected a decimal number as a string, got {type(value).__name__} {value!r:.60}")
    if len(value) > 64 or _DECIMAL_RE.fullmatch(value) is None:
        raise ValueError(f"invalid decimal {value!r:.60}: expected digits such as '461.9'")
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise ValueError(f"invalid decimal {value!r:.60}") from None


def _unstructure_decimal(value: Decimal) -> str:
    if not value.is_finite():
        raise ValueError(f"cannot write a non-finite decimal {value}")
    return format(value, "f")


def _cached_text_hook(parse: Callable[[str], T], what: str) -> Callable[[Any, type[Any]], T]:
    """A hook reading ``what`` from its ISO text; values repeat a lot and are immutable, so each
    distinct text is parsed once."""
    cache: dict[str, T] = {}

    def hook(value: Any, _: type[Any]) -> T:
        if type(value) is not str:
            raise TypeError(f"expected {what} as text, got {type(value).__name__} {value!r:.60}")
        found = cache.get(value)
        if found is None:
            found = parse(value)
            if len(cache) < 100_000:
                cache[value] = found
        return found

    return hook


_structure_date = _cached_text_hook(PartialDate.parse, "a date")
_structure_period = _cached_text_hook(Period.parse, "a period")


@cache
def _members(cls: type[enum.Enum]) -> dict[Any, enum.Enum]:
    return {m.value: m for m in cls}


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    if type(value) is cls:
        return value
    if type(value) is not str:
        raise TypeError(f"expected {cls.__name__} text, got {type(value).__name__} {value!r:.60}")
    try:
        return _members(cls)[value]
    except KeyError:
        allowed = ", ".join(sorted(_members(cls)))
        raise ValueError(f"unknown {cls.__name__} {value!r:.60}; expected one of: {allowed}") from None


def _is_tuple(t: Any) -> bool:
    return get_origin(t) is tuple


def _is_frozenset(t: Any) -> bool:
    return get_origin(t) is frozenset


def _sort_key(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _value_checks(validator: Any) -> Any:
    """An attrs validator without its type checks (``instance_of``), which the converter's
    hooks already guarantee; ``None`` if nothing else is left. Unknown validators are kept."""
    if validator is None:
        return None
    if isinstance(validator, list | tuple):
        parts = [p for p in (_value_checks(v) for v in validator) if p is not None]
        return None if not parts else parts[0] if len(parts) == 1 else attrs.validators.and_(*parts)
    kind = type(validator).__name__
    if kind == "_InstanceOfValidator":
        return None
    if kind == "_AndValidator" and hasattr(validator, "_validators"):
        return _value_checks(list(validator._validators))
    if kind == "_OptionalValidator" and hasattr(validator, "validator"):
        inner = _value_checks(validator.validator)
        return None if inner is None else attrs.validators.optional(inner)
    if kind == "_DeepIterable" and hasattr(validator, "member_validator"):
        member = _value_checks(validator.member_validator)
        outer = _value_checks(validator.iterable_validator)
        if member is None and outer is None:
            return None
        checks = []
        if outer is not None:
            checks.append(outer)
        if member is not None:
            checks.append(attrs.validators.deep_iterable(member_validator=member))
        return checks[0] if len(checks) == 1 else attrs.validators.and_(*checks)
    return validator


def _quick_kind(a: Any) -> str | None:
    """:func:`_quick_kind_of` the field's validator; a bare ``_id`` or ``_text`` on a field that
    may hold ``None`` is not inlined (the inline checks let ``None`` through)."""
    kind = _quick_kind_of(a.validator)
    bare = type(a.validator).__name__ != "_OptionalValidator" and a.validator is not _url
    if kind in ("id", "text") and bare and unwrap_optional(a.type)[1]:
        return None
    return kind


def _quick_kind_of(validator: Any) -> str | None:
    """The kind of the commonest validators, which the fast path checks inline (``"id"``, ``"text"``,
    ``"url"``, ``"ids"``, ``"citations"``); ``None`` for any other, which is called as it is.

    ``"id"`` and ``"text"`` include their optional forms; ``"ids"`` is a tuple of distinct ids
    (a :func:`~kzaz_relations.model.records.refs` field), ``"citations"`` a non-empty tuple of
    citations naming each source once.
    """
    kind = type(validator).__name__
    if kind == "_OptionalValidator":
        validator = getattr(validator, "validator", None)
    if validator is _id:
        return "id"
    if validator is _text:
        return "text"
    if validator is _url:
        return "url"
    if kind == "_AndValidator":
        validator = list(getattr(validator, "_validators", ()))
    if isinstance(validator, list | tuple) and validator:
        head, rest = validator[0], list(validator[1:])
        member = getattr(head, "member_validator", None)
        if type(head).__name__ != "_DeepIterable":
            return None
        if member is _id and rest == [_unique]:
            return "ids"
        if type(member).__name__ == "_InstanceOfValidator" and rest == [_non_empty, _one_per_source]:
            return "citations"
    return None


_VALUE_ONLY = (_id, _text, _url, _count, _finite, _non_negative, _non_empty, _unique, _one_per_source)
_VALUE_ONLY_KINDS = ("_InstanceOfValidator", "_MatchesReValidator")


def _value_only(validator: Any) -> bool:
    """Whether a validator looks at the value alone (never at the rest of the record), so that
    checking each distinct value once is the same as checking every record."""
    kind = type(validator).__name__
    if isinstance(validator, list | tuple):
        return all(_value_only(v) for v in validator)
    if kind == "_AndValidator":
        return _value_only(list(getattr(validator, "_validators", [None])))
    if kind == "_OptionalValidator":
        return _value_only(getattr(validator, "validator", None))
    if kind == "_DeepIterable":
        outer = getattr(validator, "iterable_validator", None)
        return _value_only(getattr(validator, "member_validator", None)) and (outer is None or _value_only(outer))
    return kind in _VALUE_ONLY_KINDS or any(validator is v for v in _VALUE_ONLY)


_VALID_IDS: set[str] = set()
"""Ids that passed the id validator: an id recurs in many records (sources, people, places), and
a set lookup is cheaper than the pattern. Bounded; strings are immutable, so it cannot go stale."""
_MAX_VALID_IDS = 500_000


def _remember_ids(values: Any) -> None:
    if len(_VALID_IDS) > _MAX_VALID_IDS:
        _VALID_IDS.clear()
    _VALID_IDS.update(values)


_new = object.__new__
_ABSENT = object()
_FACTORY: type[Any] = type(attrs.Factory(list))
"The class of ``attrs.Factory(...)`` defaults (``attrs.Factory`` itself is typed as a function)."


def _hook_of(converter: cattrs.Converter, t: Any) -> tuple[Any, Any, bool]:
    """``(hook, type, optional)`` for a field: ``X | None`` is unwrapped (``None`` is handled by
    the caller) and a plain ``str`` gets no hook (the caller checks the type inline)."""
    t, optional = unwrap_optional(t)
    if t is str:
        return None, t, optional
    return converter.get_structure_hook(t), t, optional


class _Structurer:
    """Structures attrs classes, reporting every bad field at once with its name.

    Valid data takes the fast path: each field goes through the converter's hook for its
    type (which rejects a wrong type), the instance is built directly, and only the
    validators that check more than the type run (ids, non-empty text, order, uniqueness…).
    When anything fails, the slow path structures each field on its own and runs each attrs
    validator on its own, so the error tree names every failing field (and not only the
    first one ``__init__`` hit).

    The fast path is taken only for classes it builds exactly as ``__init__`` would: plain
    defaults, no converters, every field an ``__init__`` argument under its own name (all the
    dataset's classes). Any other attrs class always goes through ``__init__``.
    """

    def __init__(self, converter: cattrs.Converter, cls: type[Any]) -> None:
        self.converter = converter
        self.cls = cls
        every = attrs.fields(attrs.resolve_types(cls))
        self.fields = [a for a in every if a.init]
        self.alias = {a.name: a.alias or a.name for a in self.fields}
        self.direct = all(
            a.init and a.converter is None and not isinstance(a.default, _FACTORY) and self.alias[a.name] == a.name
            for a in every
        )
        self.names = frozenset(a.name for a in self.fields)
        self.plan = [(a.name, slot_setter(cls, a.name), *_hook_of(converter, a.type), a.default) for a in self.fields]
        checks = [(a, check) for a in self.fields if (check := _value_checks(a.validator)) is not None]
        quick = {a.name: _quick_kind(a) for a, _ in checks}
        # The commonest value checks are done inline (a set lookup, a strip); only a value that
        # fails them goes through its validator, which raises (or, for an id not seen yet, passes).
        self.id_checks = [(a.name, check, a) for a, check in checks if quick[a.name] == "id"]
        self.text_checks = [(a.name, check, a) for a, check in checks if quick[a.name] == "text"]
        self.ids_checks = [(a.name, check, a) for a, check in checks if quick[a.name] == "ids"]
        self.citation_checks = [(a.name, check, a) for a, check in checks if quick[a.name] == "citations"]
        self.checks = [(a.name, check, a) for a, check in checks if quick[a.name] in (None, "url")]
        # The column-wise path (_Columns) checks URLs inline too.
        self.url_checks = [(a.name, check, a) for a, check in checks if quick[a.name] == "url"]
        self.other_checks = [(a.name, check, a) for a, check in checks if quick[a.name] is None]
        self.value_only = {a.name for a, _ in checks if _value_only(a.validator)}
        self.post_init = getattr(cls, "__attrs_post_init__", None)

    def __call__(self, value: Any, _: type[Any]) -> Any:
        if type(value) is not dict:
            raise TypeError(f"expected an object for {self.cls.__name__}, got {type(value).__name__}")
        if not self.direct:
            return self.slow(value)
        try:
            return self.fast(value)
        except Exception:  # noqa: BLE001 - the slow path reports it precisely
            return self.slow(value)

    def fast(self, value: dict[str, Any]) -> Any:
        if not value.keys() <= self.names:
            raise ValueError("unknown keys")
        obj = _new(self.cls)
        for name, put, hook, t, optional, default in self.plan:
            raw = value.get(name, _ABSENT)
            if raw is _ABSENT:
                if default is attrs.NOTHING:
                    raise KeyError(name)
                put(obj, default)
            elif raw is None and optional:
                put(obj, None)
            elif hook is None:  # a str field: the strict str hook, inlined
                if type(raw) is not str:
                    raise TypeError(name)
                put(obj, raw)
            else:
                put(obj, hook(raw, t))
        valid = _VALID_IDS
        for name, check, a in self.id_checks:
            x = getattr(obj, name)
            if x is not None and x not in valid:
                check(obj, a, x)
                _remember_ids((x,))
        for name, check, a in self.text_checks:
            x = getattr(obj, name)
            if x is not None and (not x or x.strip() != x):
                check(obj, a, x)
        for name, check, a in self.ids_checks:
            x = getattr(obj, name)
            if not valid.issuperset(x) or len(set(x)) != len(x):
                check(obj, a, x)
                _remember_ids(x)
        for name, check, a in self.citation_checks:
            x = getattr(obj, name)
            if not x or len({c.source for c in x}) != len(x):
                check(obj, a, x)
        for name, check, a in self.checks:
            check(obj, a, getattr(obj, name))
        if self.post_init is not None:
            self.post_init(obj)
        return obj

    def slow(self, value: dict[str, Any]) -> Any:
        errors: list[Exception] = []
        kwargs: dict[str, Any] = {}
        extra = set(value) - self.names
        if extra:
            errors.append(ForbiddenExtraKeysError("", self.cls, extra))
        for a in self.fields:
            if a.name not in value:
                if a.default is attrs.NOTHING:
                    exc: Exception = KeyError(f"required field {a.name!r} missing")
                    exc.__notes__ = [
                        AttributeValidationNote(
                            f"Structuring class {self.cls.__name__} @ attribute {a.name}", a.name, a.type
                        )
                    ]
                    errors.append(exc)
                continue
            try:
                kwargs[a.name] = self.converter.structure(value[a.name], a.type)
            except Exception as exc:  # noqa: BLE001
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    AttributeValidationNote(
                        f"Structuring class {self.cls.__name__} @ attribute {a.name}", a.name, a.type
                    ),
                ]
                errors.append(exc)
        complete = not errors
        # Fields that failed to structure are left out, so a validator that reads them
        # (a day checked against its month) fails with AttributeError and is skipped.
        known = {
            a.name: a.default.factory() if isinstance(a.default, _FACTORY) and not a.default.takes_self else a.default
            for a in self.fields
            if a.name not in value and a.default is not attrs.NOTHING
        }
        shadow = SimpleNamespace(**known, **kwargs)
        for a in self.fields:
            if a.validator is None or a.name not in kwargs:
                continue
            try:
                a.validator(shadow, a, kwargs[a.name])
            except Exception as exc:  # noqa: BLE001
                if complete or not isinstance(exc, AttributeError):
                    exc.__notes__ = [
                        AttributeValidationNote(
                            f"Validating class {self.cls.__name__} @ attribute {a.name}", a.name, a.type
                        )
                    ]
                    errors.append(exc)
        if not errors:
            try:
                return self.cls(**{self.alias[name]: v for name, v in kwargs.items()})
            except Exception as exc:  # noqa: BLE001 - a whole-record rule such as __attrs_post_init__
                errors.append(exc)
        raise ClassValidationError(f"While structuring {self.cls.__name__}", errors, self.cls)


_ColumnCheck = Callable[[list[Any]], bool]


def _column_check(converter: cattrs.Converter, t: Any) -> _ColumnCheck | None:
    """A test of a whole column of JSON values (one field across many records; never empty) for
    type ``t``: ``True`` only if the converter's hook would accept every value (it may also
    raise, which the caller takes as ``False``). ``None`` for a type this does not cover;
    records holding one are always structured one by one."""
    base, optional = unwrap_optional(t)
    if optional:
        inner = _column_check(converter, base)
        if inner is None:
            return None

        def present(values: list[Any]) -> bool:
            given = [v for v in values if v is not None]
            return not given or inner(given)

        return present
    if t in (str, int, bool, float):
        return lambda values: set(map(type, values)) <= {t}
    if t is Decimal:
        return lambda values: (
            set(map(type, values)) <= {str}
            and max(map(len, values)) <= 64
            and None not in map(_DECIMAL_RE.fullmatch, values)
        )
    if t in (PartialDate, Period):
        hook = converter.get_structure_hook(t)

        def dates(values: list[Any]) -> bool:
            if not set(map(type, values)) <= {str}:
                return False
            for v in set(values):
                hook(v, t)  # raises on a bad text (the caller turns that into False)
            return True

        return dates
    if isinstance(t, type) and issubclass(t, enum.Enum):
        members = _members(t).keys()
        return lambda values: set(map(type, values)) <= {str} and members >= set(values)
    origin, args = get_origin(t), get_args(t)
    if origin in (tuple, frozenset) and len(args) == (2 if origin is tuple else 1):
        if origin is tuple and args[1] is not Ellipsis:
            return None
        item = _column_check(converter, args[0])
        if item is None:
            return None
        distinct = origin is frozenset

        def items(values: list[Any]) -> bool:
            if not set(map(type, values)) <= {list}:
                return False
            if distinct and list(map(len, map(set, values))) != list(map(len, values)):
                return False
            inner = list(chain.from_iterable(values))
            return not inner or item(inner)

        return items
    if isinstance(t, type) and attrs.has(t):
        columns = _columns(converter, t)
        return None if columns is None else columns.accepts
    return None


class _Columns:
    """Structures a whole table at once when every record of it is valid.

    Each field is tested across all the records in one pass (types, vocabularies, dates,
    unknown and missing keys), the records are then built without further checks, and the
    value checks run field by field over the built records. Any failure returns ``None``,
    and the caller structures each record on its own, which names every problem; so this
    never changes what is accepted or what is reported, only how fast a valid table loads.
    """

    def __init__(self, converter: cattrs.Converter, cls: type[Any]) -> None:
        from ._fast import many_builder

        self.cls = cls
        self.structurer = _Structurer(converter, cls)
        fields = self.structurer.fields
        self.names = self.structurer.names
        self.columns: list[tuple[str, bool, _ColumnCheck]] = []
        self.nested: list[tuple[str, bool, _Columns]] = []
        self.build_many = many_builder(cls)
        self.usable = self.structurer.direct
        for a in fields:
            check = _column_check(converter, a.type)
            if check is None:
                self.usable = False
                continue
            self.columns.append((a.name, a.default is attrs.NOTHING, check))
            base = unwrap_optional(a.type)[0]
            item = get_args(base)[0] if get_origin(base) is tuple else base
            if isinstance(item, type) and attrs.has(item) and item not in (PartialDate, Period):
                nested = _columns(converter, item)
                if nested is None:
                    self.usable = False
                else:
                    self.nested.append((a.name, item is not base, nested))

    def accepts(self, rows: list[Any]) -> bool:
        """Whether every row is an object the converter would accept, judged by type.

        Written with C-level idioms (``map``, set algebra) rather than generator expressions:
        this runs once per field of every table, over every record.
        """
        if not set(map(type, rows)) <= {dict}:
            return False
        if not self.names.issuperset(chain.from_iterable(rows)):  # iterating a dict gives its keys
            return False
        for name, required, check in self.columns:
            # A required key missing from a row raises KeyError: the caller returns None.
            values = list(map(itemgetter(name), rows)) if required else [r[name] for r in rows if name in r]
            if values and not check(values):
                return False
        return True

    def values_ok(self, objs: list[Any]) -> bool:
        """Whether the built records pass every value check (the same checks as one by one)."""
        s = self.structurer
        valid = _VALID_IDS
        id_match = _ID_RE.compiled().fullmatch  # what _id tests, once the type is known to be str
        for name, _, _ in s.id_checks:
            values = set(map(attrgetter(name), objs))
            values.discard(None)
            fresh = values - valid
            if fresh:
                if None in map(id_match, fresh):
                    return False
                _remember_ids(fresh)
        for name, _, _ in s.text_checks:
            texts = [x for x in map(attrgetter(name), objs) if x is not None]
            if "" in texts or list(map(str.strip, texts)) != texts:
                return False
        for name, _, _ in s.ids_checks:
            held = list(map(attrgetter(name), objs))
            if list(map(len, map(set, held))) != list(map(len, held)):
                return False
            fresh = set(chain.from_iterable(held)) - valid
            if fresh:
                if None in map(id_match, fresh):
                    return False
                _remember_ids(fresh)
        source = attrgetter("source")
        for name, _, _ in s.citation_checks:
            held = list(map(attrgetter(name), objs))
            sizes = list(map(len, held))
            if 0 in sizes or [len(set(map(source, x))) for x in held] != sizes:
                return False
        for name, _, _ in s.url_checks:
            urls = [x for x in map(attrgetter(name), objs) if x is not None]
            if None in map(_URL_RE.compiled().fullmatch, urls):
                return False
        for name, check, a in s.other_checks:
            if name in s.value_only:  # each distinct value once (a check that needs the record runs on each)
                for x in set(map(attrgetter(name), objs)):
                    check(None, a, x)
            else:
                for o in objs:
                    check(o, a, getattr(o, name))
        if s.post_init is not None:
            for o in objs:
                s.post_init(o)
        for name, many, nested in self.nested:
            held = list(map(attrgetter(name), objs))
            inner = list(chain.from_iterable(held)) if many else [x for x in held if x is not None]
            if inner and not nested.values_ok(inner):
                return False
        return True


_COLUMNS: dict[type[Any], _Columns | None] = {}
"The column-wise plan of each class, for the module's one converter (``None``: not usable)."


_COLUMNS_LOCK = threading.RLock()


def _columns(converter: cattrs.Converter, cls: type[Any]) -> _Columns | None:
    if cls in _COLUMNS:
        return _COLUMNS.get(cls)  # (another thread's placeholder reads as None: that call goes one by one)
    with _COLUMNS_LOCK:  # plans, nested ones included, are made by one thread at a time
        if cls not in _COLUMNS:
            _COLUMNS[cls] = None  # a class nested in itself is never taken column-wise
            columns = _Columns(converter, cls)
            _COLUMNS[cls] = columns if columns.usable else None
        return _COLUMNS[cls]


def structure_rows(rows: Any, cls: type[T]) -> list[T] | None:
    """Every row of a table as a ``cls`` record if all of them are valid, else ``None``.

    The fast way to structure a valid table (see :class:`_Columns`); on ``None`` the caller
    structures each row with :func:`structure`, which reports every problem with its path.
    """
    if type(rows) is not list:
        return None
    columns = _columns(_converter(), cls)
    if columns is None:
        return None
    built: list[T] = []
    try:
        # A chunk at a time: each field's pass over a chunk stays in the processor's caches,
        # which whole tables of many thousand records would not (no check spans records).
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start : start + _CHUNK]
            if not columns.accepts(chunk):
                return None
            objs = columns.build_many(chunk)
            if not columns.values_ok(objs):
                return None
            built.extend(objs)
    except Exception:  # noqa: BLE001 - any doubt: structure one by one, which says what is wrong
        return None
    return built


_CHUNK = 1024
"Records per column-wise pass (see :func:`structure_rows`)."


def make_converter() -> cattrs.Converter:
    """Build the strict converter used for every read and write of data.

    Hooks, in the order they matter:

    * ``str``, ``int``, ``bool``: accepted only when the value already has that exact
      type (no ``7`` → ``"7"``, no ``1992.9`` → ``1992``, no ``True`` → ``1``).
    * :class:`~decimal.Decimal`: from a string of plain decimal digits only (never a
      float, never ``NaN``/``Infinity`` or exponents); written back as such a string.
    * :class:`PartialDate` and :class:`Period`: from and to their ISO text.
    * enums: from their exact text value, listing the allowed values on error.
    * ``tuple[X, ...]`` and ``frozenset[X]``: from a JSON array only (a string is not a
      sequence here); a frozenset rejects repeated items and is written sorted.
    * attrs classes: from an object with no unknown keys; every bad field is reported,
      not only the first. Fields equal to their default are omitted when writing.

    Example:
        >>> from kzaz_relations import Citation
        >>> c = make_converter()
        >>> c.structure({"source": "akorda-x"}, Citation)
        Citation(source='akorda-x', supports=None)
        >>> c.unstructure(Citation(source="akorda-x"))
        {'source': 'akorda-x'}
    """
    c = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for kind in (str, int, bool, float):
        c.register_structure_hook(kind, _strict(kind))
    c.register_structure_hook(Decimal, _structure_decimal)
    c.register_unstructure_hook(Decimal, _unstructure_decimal)
    c.register_structure_hook(PartialDate, _structure_date)
    c.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    c.register_structure_hook(Period, _structure_period)
    c.register_unstructure_hook(Period, Period.isoformat)
    # Registered by class, so they win over the str/int hooks for StrEnum/IntEnum.
    for base in (enum.Enum, enum.StrEnum, enum.IntEnum):
        c.register_structure_hook(base, _structure_enum)
    for base in (enum.Enum, enum.StrEnum, enum.IntEnum):
        c.register_unstructure_hook(base, lambda e: e.value)

    def tuple_factory(t: Any) -> Callable[[Any, type[Any]], Any]:
        args = get_args(t)
        item = args[0] if args else Any

        def hook(value: Any, _: type[Any]) -> tuple[Any, ...]:
            if type(value) not in (list, tuple):
                raise TypeError(f"expected an array, got {type(value).__name__}")
            return _structure_items(c, value, item, t)

        return hook

    def frozenset_factory(t: Any) -> Callable[[Any, type[Any]], Any]:
        (item,) = get_args(t)

        def hook(value: Any, _: type[Any]) -> frozenset[Any]:
            if type(value) not in (list, tuple, set, frozenset):
                raise TypeError(f"expected an array, got {type(value).__name__}")
            items = _structure_items(c, list(value), item, t)
            result = frozenset(items)
            if len(result) != len(items):
                raise ValueError("repeated items in a set")
            return result

        return hook

    c.register_structure_hook_factory(_is_tuple, tuple_factory)
    c.register_structure_hook_factory(_is_frozenset, frozenset_factory)
    c.register_unstructure_hook_factory(_is_tuple, lambda _: lambda v: [c.unstructure(x) for x in v])
    c.register_unstructure_hook_factory(
        _is_frozenset, lambda _: lambda v: [c.unstructure(x) for x in sorted(v, key=_sort_key)]
    )
    c.register_structure_hook_factory(attrs.has, lambda cls: _Structurer(c, cls))
    c.register_unstructure_hook_factory(
        attrs.has, lambda cls: make_dict_unstructure_fn(cls, c, _cattrs_omit_if_default=True)
    )
    return c


def _structure_items(c: cattrs.Converter, value: Any, item: Any, t: Any) -> tuple[Any, ...]:
    hook = c.get_structure_hook(item)
    try:
        return tuple([hook(x, item) for x in value])
    except Exception:  # noqa: BLE001 - structure each item on its own to name every bad one
        pass
    out: list[Any] = []
    errors: list[Exception] = []
    for i, x in enumerate(value):
        try:
            out.append(c.structure(x, item))
        except Exception as exc:  # noqa: BLE001
            exc.__notes__ = [
                *getattr(exc, "__notes__", []),
                IterableValidationNote(f"Structuring {t} @ index {i}", i, item),
            ]
            errors.append(exc)
    if errors:
        raise IterableValidationError(f"While structuring {t}", errors, t)
    return tuple(out)


@cache
def _converter() -> cattrs.Converter:
    return make_converter()


def _format(exc: BaseException, type_: type[Any] | None) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown key(s): {', '.join(sorted(exc.extra_fields))}"
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    if len(exc.args) >= 2 and isinstance(exc.args[1], attrs.Attribute):
        return str(exc.args[0])  # an attrs validator (instance_of, matches_re…): the message only
    text = str(exc)
    return text or type(exc).__name__


def problems_from(exc: BaseException, file: str | None = None, root: str = "$") -> list[Problem]:
    """Turn a cattrs error tree into :class:`Problem` lines, one per leaf."""
    problems = []
    for line in cattrs.transform_error(exc, path=root, format_exception=_format):
        message, _, path = line.rpartition(" @ ")
        problems.append(Problem(file, path, message))
    return problems


def structure(data: Any, cls: type[T], *, file: str | None = None, root: str = "$") -> T:
    """Turn Python data (as parsed from JSON) into model objects.

    ``cls`` may be a record class or a type such as ``tuple[Agreement, ...]``; ``root`` is
    the path problems are located under (``$[3]`` for the fourth record of a file).

    Raises:
        ValidationError: listing every problem with its path.

    Example:
        >>> from kzaz_relations import PartialDate
        >>> structure("2024-03-11", PartialDate)
        PartialDate.parse('2024-03-11')
        >>> structure("2024-13-01", PartialDate)
        Traceback (most recent call last):
        ...
        kzaz_relations.errors.ValidationError: 1 problem(s) in the data:
          $: invalid date '2024-13-01': month must be an int from 1 to 12, got 13
    """
    try:
        return _converter().structure(data, cls)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a ValidationError
        raise ValidationError(problems_from(exc, file, root)) from None


def unstructure(obj: Any) -> Any:
    """Turn model objects into plain Python data ready for :func:`json.dumps`.

    Example:
        >>> from kzaz_relations import Period
        >>> unstructure((Period.parse("2023-01/2023-09"),))
        ['2023-01/2023-09']
    """
    return _converter().unstructure(obj)


def dumps(obj: Any) -> str:
    """Write model objects as canonical JSON text (2-space indent, UTF-8, trailing newline).

    Example:
        >>> from kzaz_relations import Citation
        >>> print(dumps([Citation(source="akorda-x")]), end="")
        [
          {
            "source": "akorda-x"
          }
        ]
    """
    return json.dumps(unstructure(obj), indent=2, ensure_ascii=False) + "\n"


def loads(text: str | bytes, cls: type[T], *, file: str | None = None) -> T:
    """Parse JSON text and structure it as ``cls``.

    Raises:
        DataFormatError: if the text is not valid JSON.
        ValidationError: if the data does not fit ``cls``.
    """
    from ._io import parse_json

    return structure(parse_json(text, file), cls, file=file)
