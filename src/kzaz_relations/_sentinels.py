"""Sentinel values shared by the facade and the query modules (kept below both)."""

from __future__ import annotations

from typing import Any

__all__ = ["UNSET"]

UNSET: Any = object()
"The default of ``reporter`` in :meth:`Dataset.series <kzaz_relations.Dataset.series>`: not given."
