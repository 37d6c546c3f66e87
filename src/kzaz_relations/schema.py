"""JSON Schema (draft 2020-12) of the data-folder format, derived from the model.

:func:`json_schema` describes a whole data folder as one JSON object whose keys are the
file names (``metadata.json``, ``agreements.json``…); each record class is a ``$defs``
entry, so a single file can be validated against ``#/$defs/<Class>`` too. The committed
copy is ``schema/kzaz_relations.schema.json`` in the repository (also printed by
``kzaz schema``); a test keeps it current and validates the packaged data against it.
"""

from __future__ import annotations

import enum
import json
import types
from decimal import Decimal
from typing import Any, Union, get_args, get_origin

import attrs

from .dataset import METADATA_FILE, TABLES
from .model import DatasetInfo, PartialDate, Period
from .model.records import ID_PATTERN

__all__ = ["json_schema", "json_schema_text"]

_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_PERIOD = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?$"
_DECIMAL = r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$"


def _type_schema(t: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(t)
    if origin in (Union, types.UnionType):
        # An optional field may also be written as null (the canonical form omits it).
        options = [a for a in get_args(t) if a is not type(None)]
        return {"anyOf": [*(_type_schema(o, defs) for o in options), {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(get_args(t)[0], defs)}
    if origin is frozenset:
        return {"type": "array", "items": _type_schema(get_args(t)[0], defs), "uniqueItems": True}
    if t is str:
        return {"type": "string", "minLength": 1, "pattern": r"^\S([\s\S]*\S)?$"}
    if t is int:
        return {"type": "integer", "minimum": 0}
    if t is bool:
        return {"type": "boolean"}
    if t is Decimal:
        return {"type": "string", "pattern": _DECIMAL}
    if t is PartialDate:
        return {"type": "string", "pattern": _DATE}
    if t is Period:
        return {"type": "string", "pattern": _PERIOD}
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return {"type": "string", "enum": [m.value for m in t]}
    if isinstance(t, type) and attrs.has(t):
        _class_schema(t, defs)
        return {"$ref": f"#/$defs/{t.__name__}"}
    raise TypeError(f"no JSON Schema for {t!r}")  # pragma: no cover - every model type is handled


def _class_schema(cls: type[Any], defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    properties: dict[str, Any] = {}
    required = []
    for a in attrs.fields(attrs.resolve_types(cls)):
        prop = _type_schema(a.type, defs)
        if a.name in {"id", "source", "council"}:
            prop = {"type": "string", "pattern": f"^{ID_PATTERN}$"}
        elif a.name in {"visit", "meeting", "established_by", "project"}:
            prop = {"anyOf": [{"type": "string", "pattern": f"^{ID_PATTERN}$"}, {"type": "null"}]}
        if a.name == "agreements":
            prop = {"type": "array", "items": {"type": "string", "pattern": f"^{ID_PATTERN}$"}}
        if a.__doc__:
            prop = (
                {**prop, "description": a.__doc__}
                if "$ref" not in prop
                else {"allOf": [prop], "description": a.__doc__}
            )
        if a.name == "citations":
            prop["minItems"] = 1
        properties[a.name] = prop
        if a.default is attrs.NOTHING:
            required.append(a.name)
    defs[cls.__name__] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().split("\n\n")[0],
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a data folder, as a dictionary.

    Example:
        >>> s = json_schema()
        >>> s["$schema"], sorted(s["properties"])[:2]
        ('https://json-schema.org/draft/2020-12/schema', ['agreements.json', 'councils.json'])
    """
    defs: dict[str, Any] = {}
    properties: dict[str, Any] = {METADATA_FILE: _type_schema(DatasetInfo, defs)}
    for name, cls in TABLES.items():
        properties[f"{name}.json"] = {"type": "array", "items": _type_schema(cls, defs)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://kzaz-relations.readthedocs.io/schema/kzaz_relations.schema.json",
        "title": "kzaz_relations data folder",
        "description": "The files of a kzaz_relations data folder, keyed by file name; each record class is in $defs.",
        "type": "object",
        "properties": properties,
        "required": sorted(properties),
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def json_schema_text() -> str:
    """The schema as canonical JSON text (2-space indent, trailing newline)."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
