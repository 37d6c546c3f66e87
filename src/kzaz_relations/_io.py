"""Reading JSON safely: size and depth limits, strict UTF-8, no NaN, no duplicate keys."""

from __future__ import annotations

import json
from typing import Any

from .errors import DataFormatError, Problem

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "parse_json"]

MAX_FILE_BYTES = 32 * 1024 * 1024
"The largest data file accepted (32 MiB); larger files are refused before parsing."
MAX_DEPTH = 32
"The deepest nesting of arrays and objects accepted."


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r:.60}")
        out[key] = value
    return out


def _depth_ok(data: bytes | str) -> bool:
    """Check nesting depth on the raw text, ignoring brackets inside strings."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return True
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def parse_json(data: bytes | str, file: str | None = None) -> Any:
    """Parse JSON text, raising :class:`DataFormatError` with the location of any fault.

    Bytes must be UTF-8 (a BOM is refused); ``NaN``/``Infinity`` and repeated keys in
    one object are refused; so is text larger than :data:`MAX_FILE_BYTES` or nested deeper
    than :data:`MAX_DEPTH`.

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
    if text.startswith("\ufeff"):
        raise fail("starts with a byte-order mark; save it as UTF-8 without BOM")
    if not _depth_ok(text):
        raise fail(f"nested deeper than {MAX_DEPTH} levels")
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_pairs)
    except json.JSONDecodeError as exc:
        raise fail(f"line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:
        raise fail(str(exc)) from None
