"""The packaged data's fast path: records built straight from checked JSON, one table at a time.

The packaged data folder ships a ``SHA256SUMS`` file, written by ``kzaz format`` after the
folder passed every check of ``load(path)`` (the converter, the validators and the integrity
check); CI runs those checks on the very bytes that ship. When a file's digest matches its
recorded sum, its records are built here without importing cattrs and without running the
validators again: each field is converted by its declared type and set on a fresh instance.
When a digest does not match (or the sums are missing), the caller falls back to the full
checks, so the packaged data is never served unchecked after its files changed.

User folders (``load(path)``) never skip their checks: the builders here also build the
records of a user folder's table once every check of the column-wise path has passed
(``_convert.structure_rows``). A table is built field by field (:func:`many_builder`); one
object at a time where only one is at hand (:func:`builder`).
"""

from __future__ import annotations

import enum
import sys
from collections import deque
from collections.abc import Callable
from itertools import chain, compress, islice, repeat
from operator import is_not, not_
from typing import TYPE_CHECKING, Any, get_args, get_origin

import attrs

from .model import PartialDate, Period
from .model._base import slot_setter, unwrap_optional

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

__all__ = ["SUMS_FILE", "builder", "digest", "many_builder", "read_sums", "sums_text"]

SUMS_FILE = "SHA256SUMS"
"The file, next to the data files, that records the digest of each checked file."

Convert = Callable[[Any], Any]
_MISSING = object()
_new = object.__new__
_set = object.__setattr__


def digest(data: bytes) -> str:
    """The SHA-256 hex digest of a file's bytes."""
    text: str = _sha256(data).hexdigest()
    return text


def _load_sha256() -> Callable[[bytes], Any]:
    # The built-in module imports in a fraction of the time hashlib (OpenSSL) takes.
    try:
        from _sha2 import sha256 as builtin  # type: ignore[import-not-found]  # Python 3.12+
    except ImportError:
        try:
            from _sha256 import sha256 as builtin  # type: ignore[import-not-found]  # Python 3.11
        except ImportError:  # pragma: no cover - a build without the built-in module
            from hashlib import sha256 as builtin
    found: Callable[[bytes], Any] = builtin
    return found


_sha256 = _load_sha256()


def sums_text(files: dict[str, bytes]) -> str:
    """The ``SHA256SUMS`` text for files (``sha256sum`` format: ``<digest>  <name>``, sorted by name)."""
    return "".join(f"{digest(data)}  {name}\n" for name, data in sorted(files.items()))


def read_sums(text: str) -> dict[str, str]:
    """``{file name: digest}`` from ``SHA256SUMS`` text; malformed lines are ignored (they match nothing)."""
    sums = {}
    for line in text.splitlines():
        value, _, name = line.partition("  ")
        if len(value) == 64 and name:
            sums[name] = value
    return sums


def _partial_date(text: str) -> PartialDate:
    parts = text.split("-")
    d = _new(PartialDate)
    _set(d, "year", int(parts[0]))
    _set(d, "month", int(parts[1]) if len(parts) > 1 else None)
    _set(d, "day", int(parts[2]) if len(parts) > 2 else None)
    return d


def _cached(convert: Convert) -> Convert:
    cache: dict[Any, Any] = {}

    def get(text: Any) -> Any:
        found = cache.get(text)
        if found is None:
            found = convert(text)
            if len(cache) < 100_000:  # bounded: user folders are built here too
                cache[text] = found
        return found

    return get


_date = _cached(_partial_date)


def _period_of(text: str) -> Period:
    start_text, sep, end_text = text.partition("/")
    p = _new(Period)
    start = _date(start_text)
    _set(p, "start", start)
    _set(p, "end", _date(end_text) if sep else start)
    return p


_period = _cached(_period_of)
_BUILDERS: dict[type[Any], Callable[[dict[str, Any]], Any]] = {}


def _identity(value: Any) -> Any:
    return value


def _converter(t: Any) -> Convert:
    """How to turn the JSON form of a field of type ``t`` into its value."""
    base, optional = unwrap_optional(t)
    if optional:
        inner = _converter(base)
        return inner if inner is _identity else lambda v: None if v is None else inner(v)
    origin, args = get_origin(t), get_args(t)
    if origin is tuple:
        item = _converter(args[0])
        return tuple if item is _identity else lambda v: tuple(map(item, v))
    if origin is frozenset:
        item = _converter(args[0])
        return lambda v: frozenset(map(item, v))
    if t is PartialDate:
        return _date
    if t is Period:
        return _period
    decimal = sys.modules.get("decimal")  # a Decimal field means its module imported decimal
    if decimal is not None and t is decimal.Decimal:
        return decimal.Decimal  # type: ignore[no-any-return]
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return t._value2member_map_.__getitem__
    if isinstance(t, type) and attrs.has(t):
        return builder(t)
    return _identity


def _plan(cls: type[Any]) -> tuple[list[tuple[str, Any, Any]], list[tuple[str, Any, Convert, Any, Any]]]:
    """The fields of ``cls`` as (name, setter, default) for those stored as read (text, numbers,
    ids), and (name, setter, converter, default, type) for the others."""
    plain = []
    converted = []
    for a in attrs.fields(attrs.resolve_types(cls)):
        convert = _converter(a.type)
        put = slot_setter(cls, a.name)
        if convert is _identity:
            plain.append((a.name, put, a.default))
        else:
            converted.append((a.name, put, convert, a.default, a.type))
    return plain, converted


def builder(cls: type[Any]) -> Callable[[dict[str, Any]], Any]:
    """A function that builds an instance of attrs class ``cls`` from its checked JSON object.

    Fields left out of the object get their declared default. Nothing is validated: the
    caller has checked the bytes against a digest of data that passed every check, or (for
    a user folder) has checked the object column-wise first.
    """
    found = _BUILDERS.get(cls)
    if found is not None:
        return found
    # Fields stored as read take one step each: the JSON value, or the default when the key
    # is left out. Only the others are converted.
    plain, converted = _plan(cls)

    def build(data: dict[str, Any]) -> Any:
        obj = _new(cls)
        get = data.get
        for name, put, default in plain:
            put(obj, get(name, default))
        for name, put, convert, default, _ in converted:
            value = get(name, _MISSING)
            put(obj, default if value is _MISSING else convert(value))
        return obj

    _BUILDERS[cls] = build
    return build


Many = Callable[[list[Any]], list[Any]]
_MANY: dict[type[Any], Many] = {}


def _column_converter(t: Any) -> Many | None:
    """How to convert a whole column of JSON values of type ``t`` in one pass, for the types
    where that beats value by value (records, and tuples of records); ``None`` for the others."""
    base, optional = unwrap_optional(t)
    args = get_args(base)
    item = args[0] if get_origin(base) is tuple else base
    if not (isinstance(item, type) and attrs.has(item)) or item in (PartialDate, Period):
        return None
    build = many_builder(item)
    if item is base:
        inner = build
    else:

        def inner(values: list[Any]) -> list[Any]:
            # Every record's items built in one pass, then dealt back, a tuple per record.
            built = iter(build(list(chain.from_iterable(values))))
            return [tuple(islice(built, k)) for k in map(len, values)]

    if not optional:
        return inner

    def maybe(values: list[Any]) -> list[Any]:
        present = [v for v in values if v is not None]
        if len(present) == len(values):
            return inner(values)
        built = iter(inner(present))
        return [None if v is None else next(built) for v in values]

    return maybe


def many_builder(cls: type[Any]) -> Many:
    """A function that builds the instances of attrs class ``cls`` from a list of checked JSON
    objects, field by field: what :func:`builder` does for one object, done for a whole table
    with C-level idioms (``map`` over the objects and the fresh instances), and records nested
    in a field (citations, titles) built together, for all the objects at once."""
    found = _MANY.get(cls)
    if found is not None:
        return found
    plain, converted = _plan(cls)
    columns = [(name, put, convert, default, _column_converter(t)) for name, put, convert, default, t in converted]
    get = dict.get

    def build_many(rows: list[Any]) -> list[Any]:
        n = len(rows)
        objs = list(map(_new, repeat(cls, n)))
        for name, put, default in plain:
            deque(map(put, objs, map(get, rows, repeat(name, n), repeat(default, n))), 0)
        for name, put, convert, default, column in columns:
            values = list(map(get, rows, repeat(name, n), repeat(_MISSING, n)))
            here = objs
            if _MISSING in values:  # a field some objects leave out: their default, the rest converted
                given = list(map(is_not, values, repeat(_MISSING, n)))
                deque(map(put, compress(objs, map(not_, given)), repeat(default)), 0)
                here = list(compress(objs, given))
                values = list(compress(values, given))
            deque(map(put, here, column(values) if column is not None else map(convert, values)), 0)
        return objs

    _MANY[cls] = build_many
    return build_many


def read_bytes(folder: str | Path | Traversable, name: str) -> bytes:
    """The bytes of ``name`` in a folder given as a path string (no pathlib needed) or a Traversable."""
    if isinstance(folder, str):
        with open(f"{folder}/{name}", "rb") as f:
            return f.read()
    return (folder / name).read_bytes()


def _load_parser() -> Callable[[bytes], Any]:
    """A parser of checked JSON bytes.

    The bytes passed every check when their digest was recorded, so nothing about them needs
    checking again: CPython's C scanner (``_json``, the engine of :func:`json.loads`) is called
    directly with ``json.loads``' defaults, which spares importing the pure-Python half of
    :mod:`json` on the first query. Elsewhere, :func:`json.loads` itself is used.
    """
    try:
        from _json import make_scanner
    except ImportError:  # pragma: no cover - an interpreter without the C scanner
        import json

        loads: Callable[[bytes], Any] = json.loads
        return loads

    class _Defaults:  # what json.JSONDecoder() passes to the scanner
        strict = True
        object_hook = None
        object_pairs_hook = None
        parse_float = float
        parse_int = int
        parse_constant = float  # NaN and Infinity never pass the checks; float reads them anyway

    scan = make_scanner(_Defaults())  # type: ignore[arg-type]  # typeshed names the class, not the protocol

    def parse(data: bytes) -> Any:
        value, _ = scan(data.decode("utf-8"), 0)
        return value

    return parse


_parse = _load_parser()


def read_checked(folder: str | Path | Traversable, name: str, sums: dict[str, str]) -> Any | None:
    """The parsed JSON of ``folder/name`` if its bytes match the recorded digest, else ``None``."""
    data = read_bytes(folder, name)
    if sums.get(name) != digest(data):
        return None
    return _parse(data)
