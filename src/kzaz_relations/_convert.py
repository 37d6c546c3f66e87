"""The boundary: the one cattrs converter through which all data enters and leaves.

:func:`make_converter` builds it; :func:`structure`, :func:`unstructure`,
:func:`loads` and :func:`dumps` are the public helpers built on it.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import cache
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
from .model._base import slot_setter, unwrap_optional

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
        self.checks = [(a.name, check, a) for a in self.fields if (check := _value_checks(a.validator)) is not None]
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
