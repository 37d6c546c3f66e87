"""Records as columns: the text cells of the CSV export and the typed columns of pandas frames.

Both :mod:`kzaz_relations.table` and :mod:`kzaz_relations.export` build on this module; it
imports neither.

Typed frames (:func:`frame`) map each field type to a pandas dtype:

=========================================  =================================================================
field type                                 column(s)
=========================================  =================================================================
``str``                                    ``string`` (missing: ``<NA>``)
``int``                                    ``Int64`` (nullable integer)
``Decimal``                                ``Float64`` (nullable float), plus ``<name>_text`` (``string``)
                                           holding the exact decimal as published
:class:`PartialDate`                       ``datetime64[ns]`` of the earliest day, plus ``<name>_precision``
                                           (categorical: ``year``, ``month``, ``day``)
:class:`Period`                            ``<name>`` (``string``, ISO text) plus ``<name>_start`` and
                                           ``<name>_end`` (``datetime64[ns]``: first and last day)
enum                                       ``category`` with every member's value as a category
tuple / frozenset of ids, enums or text    ``object`` holding Python lists (sets sorted)
nested records (citations, claim…)         ``object`` holding lists of dicts / a dict (the data-file form)
=========================================  =================================================================
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, get_origin

import attrs

from ._lazy import require
from .model import PartialDate, Period
from .model._base import unwrap_optional

__all__ = ["columns", "flat_rows", "frame", "is_json_cell"]


def is_json_cell(t: Any) -> bool:
    """Whether a field of type ``t`` is written as JSON in a CSV cell (lists, sets, nested records)."""
    base = unwrap_optional(t)[0]
    return get_origin(base) in (tuple, frozenset) or (
        isinstance(base, type) and attrs.has(base) and base not in (PartialDate, Period)
    )


def columns(cls: type[Any]) -> list[attrs.Attribute[Any]]:
    """The fields of a record class, in order, with their types resolved."""
    return list(attrs.fields(attrs.resolve_types(cls)))


def flat_rows(records: Iterable[Any], cls: type[Any] | None) -> Iterator[dict[str, str]]:
    """Rows of text cells for records of one class, as written to CSV (see :mod:`kzaz_relations.export`)."""
    from ._convert import unstructure

    if cls is None:
        return
    fields = columns(cls)
    for record in records:
        data = unstructure(record)
        row = {}
        for a in fields:
            value = data.get(a.name)
            if value is None:
                row[a.name] = ""
            elif is_json_cell(a.type):
                row[a.name] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            else:
                row[a.name] = str(value)
        yield row


def frame(records: Iterable[Any], cls: type[Any] | None) -> Any:
    """A :class:`pandas.DataFrame` with typed columns, one row per record (see the module docs).

    Raises:
        ImportError: naming the ``pandas`` extra when pandas is not installed.
    """
    pd = require("pandas", "to_pandas()", "pandas")
    from ._convert import unstructure

    rows = list(records)
    data: dict[str, Any] = {}
    if cls is None:
        return pd.DataFrame()
    for a in columns(cls):
        base = unwrap_optional(a.type)[0]
        values = [getattr(r, a.name) for r in rows]
        name = a.name
        if base is PartialDate:
            data[name] = pd.Series([v.earliest if v is not None else None for v in values], dtype="datetime64[ns]")
            data[f"{name}_precision"] = pd.Categorical(
                [v.precision.name.lower() if v is not None else None for v in values],
                categories=["year", "month", "day"],
            )
        elif base is Period:
            data[name] = pd.array([str(v) if v is not None else None for v in values], dtype="string")
            data[f"{name}_start"] = pd.Series(
                [v.earliest if v is not None else None for v in values], dtype="datetime64[ns]"
            )
            data[f"{name}_end"] = pd.Series(
                [v.latest if v is not None else None for v in values], dtype="datetime64[ns]"
            )
        elif base is Decimal:
            data[name] = pd.array([float(v) if v is not None else None for v in values], dtype="Float64")
            data[f"{name}_text"] = pd.array([format(v, "f") if v is not None else None for v in values], dtype="string")
        elif isinstance(base, type) and issubclass(base, enum.Enum):
            data[name] = pd.Categorical(
                [v.value if v is not None else None for v in values], categories=[m.value for m in base]
            )
        elif base is int:
            data[name] = pd.array(values, dtype="Int64")
        elif base is str:
            data[name] = pd.array(values, dtype="string")
        elif get_origin(base) is frozenset:
            data[name] = pd.Series([sorted(unstructure(v)) for v in values], dtype=object)
        elif get_origin(base) is tuple or (isinstance(base, type) and attrs.has(base)):
            data[name] = pd.Series([unstructure(v) if v is not None else None for v in values], dtype=object)
        else:  # pragma: no cover - every field type of the model is handled above
            data[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data, index=pd.RangeIndex(len(rows)))
