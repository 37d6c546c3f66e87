"""The layout of a data folder: its format, the table names and, imported only when asked for,
their record classes."""

from __future__ import annotations

import importlib
from typing import Any, Final

__all__ = ["DATA_FORMAT", "TABLE_NAMES", "table_class"]

DATA_FORMAT: Final = 2
"""The data format this version reads and writes. Format 1 (0.1.x) named people and bodies as
text; format 2 refers to :class:`Person` and :class:`Organization` records by id, and tags titles
by language."""

_CLASSES: Final = {
    "sources": ("source", "Source"),
    "people": ("people", "Person"),
    "organizations": ("people", "Organization"),
    "agreements": ("agreement", "Agreement"),
    "councils": ("council", "Council"),
    "meetings": ("council", "CouncilMeeting"),
    "visits": ("visit", "Visit"),
    "projects": ("project", "Project"),
    "observations": ("observation", "Observation"),
    "statements": ("statement", "Statement"),
    "events": ("event", "Event"),
}

TABLE_NAMES: Final[tuple[str, ...]] = tuple(_CLASSES)
"The table names in their canonical order; each table is stored as ``<name>.json``."


def table_class(name: str) -> type[Any]:
    """The record class of a table, importing only the module that defines it.

    Example:
        >>> table_class("people").__name__
        'Person'
    """
    try:
        module, cls = _CLASSES[name]
    except KeyError:
        raise KeyError(f"no table {name!r}; tables: {', '.join(TABLE_NAMES)}") from None
    found: type[Any] = getattr(importlib.import_module(f".{module}", __package__), cls)
    return found
