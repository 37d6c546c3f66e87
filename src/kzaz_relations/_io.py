"""Reading JSON safely: size and depth limits, strict UTF-8, no NaN, no duplicate keys."""

from __future__ import annotations

import json
import re
from typing import Any

from .errors import DataFormatError, Problem

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "check_depth", "parse_json"]

MAX_FILE_BYTES = 32 * 1024 * 1024
"The largest data file accepted (32 MiB); larger files are refused before parsing."
MAX_DEPTH = 32
"The deepest nesting of arrays and objects accepted."


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):  # rare: find the repeated key for the message
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r:.60}")
            seen.add(key)
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _lone_surrogate(value: Any, path: str) -> str | None:
    """The path of the first string (or key) holding a lone surrogate, which is not Unicode text."""
    if isinstance(value, str):
        return path if _SURROGATE.search(value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            if _SURROGATE.search(key):
                return path
            found = _lone_surrogate(item, f"{path}.{key}")
            if found:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _lone_surrogate(item, f"{path}[{i}]")
            if found:
                return found
    return None


def _has_u_escape(data: bytes) -> bool:
    """Whether UTF-8 JSON bytes may hold a ``\\u`` escape (a ``u`` after an odd run of
    backslashes). It goes from backslash to backslash (each found by a C ``memchr``, skipping
    the character it escapes): far quicker than searching for the two-byte sequence when, as
    in the packaged data, backslashes are few. Past 256 escapes it searches the rest for the
    two bytes, which can also answer yes for an escaped backslash before a ``u``: never no for
    text that has one. A byte 0x5C is never part of a multi-byte UTF-8 character."""
    i = data.find(b"\\")
    seen = 0
    while i != -1:
        if data[i + 1 : i + 2] == b"u":
            return True
        seen += 1
        if seen > 256:  # many escapes: one C search of the rest, which may also find "\\\\u"
            return data.find(b"\\u", i) != -1
        i = data.find(b"\\", i + 2)
    return False


def _too_deep(value: Any) -> bool:
    """Whether arrays and objects nest deeper than :data:`MAX_DEPTH` (level by level, no recursion)."""
    level = [value]
    depth = 1
    while level:
        if depth > MAX_DEPTH:
            return True
        deeper = []
        for item in level:
            for child in item.values() if type(item) is dict else item:
                if type(child) is dict or type(child) is list:
                    deeper.append(child)
        level = deeper
        depth += 1
    return False


def parse_json(data: bytes | str, file: str | None = None, *, depth: bool = True) -> Any:
    """Parse JSON text, raising :class:`DataFormatError` with the location of any fault.

    Bytes must be UTF-8 (a BOM is refused); ``NaN``/``Infinity`` and repeated keys in
    one object are refused; so is text larger than :data:`MAX_FILE_BYTES` or nested deeper
    than :data:`MAX_DEPTH`. With ``depth=False`` the depth is left to the caller, who
    must call :func:`check_depth` on any value it does not structure into the model's own
    (shallow) shapes: the loader skips the walk for tables whose records all structure.

    Example:
        >>> parse_json('{"a": [1, 2]}')
        {'a': [1, 2]}
        >>> parse_json('{"a": 1,}', "x.json")
        Traceback (most recent call last):
        ...
        kzaz_relations.errors.DataFormatError: x.json: not valid JSON:
          x.json $: line 1 column 9: ...property name...
    """
    label = file or "<data>"

    def fail(message: str) -> DataFormatError:
        return DataFormatError([Problem(file, "$", message)], f"{label}: not valid JSON")

    if len(data) > MAX_FILE_BYTES:
        raise fail(f"larger than the limit of {MAX_FILE_BYTES} bytes")
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise fail(f"not UTF-8 at byte {exc.start}") from None
    else:
        text = data
    # A \u escape can bring in a lone surrogate; so can a str (strict UTF-8 decoding never does).
    if isinstance(data, bytes):
        may_hold_surrogates = _has_u_escape(data) and _SURROGATE_ESCAPE.search(text) is not None
    else:
        may_hold_surrogates = ("\\u" in text and _SURROGATE_ESCAPE.search(text) is not None) or (
            _SURROGATE.search(text) is not None
        )
    if text.startswith("\ufeff"):
        raise fail("starts with a byte-order mark; save it as UTF-8 without BOM")
    try:
        # The C parser bounds its own recursion (RecursionError), so a hostile nesting
        # cannot exhaust memory; the tighter MAX_DEPTH is checked on the parsed tree.
        result = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_pairs)
    except json.JSONDecodeError as exc:
        raise fail(f"line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise fail(f"nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as exc:
        raise fail(str(exc)) from None
    if depth:
        check_depth(result, file)
    # A \ud800-style escape decodes to a lone surrogate, which cannot be written back as UTF-8.
    if may_hold_surrogates:
        where = _lone_surrogate(result, "$")
        if where is not None:
            raise DataFormatError(
                [Problem(file, where, "a lone surrogate (\\ud800-\\udfff), which is not Unicode text")],
                f"{label}: not valid JSON",
            )
    return result


def check_depth(value: Any, file: str | None = None) -> None:
    """Raise :class:`DataFormatError` if arrays and objects in ``value`` nest deeper than
    :data:`MAX_DEPTH` (what :func:`parse_json` checks unless told not to).

    Example:
        >>> check_depth([[1]], "x.json")
        >>> deep: list = []
        >>> for _ in range(40):
        ...     deep = [deep]
        >>> check_depth(deep, "x.json")
        Traceback (most recent call last):
        ...
        kzaz_relations.errors.DataFormatError: x.json: not valid JSON:
          x.json $: nested deeper than 32 levels
    """
    if isinstance(value, dict | list) and _too_deep(value):
        raise DataFormatError(
            [Problem(file, "$", f"nested deeper than {MAX_DEPTH} levels")], f"{file or '<data>'}: not valid JSON"
        )
