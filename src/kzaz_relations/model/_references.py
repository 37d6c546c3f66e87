"""The references between records, read from the one place they are declared.

A reference is a field declared with :func:`~kzaz_relations.model.records.ref` or
:func:`~kzaz_relations.model.records.refs`: its attrs metadata names the tables the id may
point to. :func:`references` lists them for a record class, nested records included
(``Council.co_chairs[].person``, ``Person.offices[].organization``), and everything that
follows references — the integrity check, ``Dataset.related()``, ``Dataset.as_of()``, the Data
Package foreign keys, the JSON Schema and the graph — derives from that list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final, get_args, get_origin

import attrs

from ._base import REF_KEY, Citation, unwrap_optional
from .people import Person
from .project import Project
from .tables import TABLE_NAMES, table_class

__all__ = ["TABLES", "Reference", "citations_of", "references", "table_of"]

TABLES: Final[dict[str, type[Any]]] = {name: table_class(name) for name in TABLE_NAMES}
"The tables of a dataset, by name, with their record class; each is stored as ``<name>.json``."

_TABLE_OF: Final = {cls: name for name, cls in TABLES.items()}


def table_of(cls: type[Any]) -> str:
    """The name of the table that holds records of ``cls``.

    Example:
        >>> import kzaz_relations as kz
        >>> table_of(kz.Person)
        'people'
    """
    return _TABLE_OF[cls]


@attrs.frozen
class Reference:
    """One declared reference: a field (possibly inside nested records) holding ids of other records.

    Example:
        >>> import kzaz_relations as kz
        >>> [r.label for r in references(kz.Council)]
        ['established_by', 'co_chairs.person']
    """

    owner: type[Any]
    "The record class whose records hold it (a table's class)."
    path: tuple[str, ...]
    "Attribute names from the record to the field; all but the last are tuples of nested records."
    targets: tuple[str, ...]
    "The tables an id may name (``people`` and ``organizations`` for ``Observation.reported_by``)."
    many: bool
    "Whether the field holds a tuple of ids (else one id or ``None``)."
    required: bool
    "Whether the field must hold an id (it cannot be cleared)."

    @property
    def label(self) -> str:
        """The dotted field path, as used for graph edges and messages (``co_chairs.person``)."""
        return ".".join(self.path)

    @property
    def table(self) -> str:
        """The table of the owner class."""
        return table_of(self.owner)

    def ids(self, record: Any) -> Iterator[tuple[str, str]]:
        """``(JSONPath suffix, id)`` for every id this reference holds in ``record``.

        Example:
            >>> import kzaz_relations as kz
            >>> c = kz.load().councils["supreme-interstate-council"]
            >>> ref = references(kz.Council)[1]
            >>> sorted(i for _, i in ref.ids(c))
            ['ilham-aliyev', 'kassym-jomart-tokayev']
        """
        yield from _walk(record, self.path, "", self.many)

    def prune(self, record: Any, keep: Callable[[str], bool]) -> Any:
        """``record`` with the ids ``keep`` rejects removed (a single optional id becomes ``None``).

        A required reference is never cleared; the record is returned unchanged for it.

        Example:
            >>> import kzaz_relations as kz
            >>> a = kz.load().agreements["declaration-strategic-relations-allied-interaction-2022"]
            >>> [r] = [r for r in references(kz.Agreement) if r.label == "signatories"]
            >>> r.table, r.prune(a, lambda id: id != "ilham-aliyev").signatories
            ('agreements', ('kassym-jomart-tokayev',))
        """
        return _prune(record, self.path, keep, self.many, self.required)


def _walk(obj: Any, path: tuple[str, ...], prefix: str, many: bool) -> Iterator[tuple[str, str]]:
    name, rest = path[0], path[1:]
    value = getattr(obj, name)
    if rest:
        for i, item in enumerate(value):
            yield from _walk(item, rest, f"{prefix}.{name}[{i}]", many)
    elif many:
        for i, item in enumerate(value):
            yield f"{prefix}.{name}[{i}]", item
    elif value is not None:
        yield f"{prefix}.{name}", value


def _prune(obj: Any, path: tuple[str, ...], keep: Callable[[str], bool], many: bool, required: bool) -> Any:
    name, rest = path[0], path[1:]
    value = getattr(obj, name)
    if rest:
        new = tuple(_prune(item, rest, keep, many, required) for item in value)
        changed = any(a is not b for a, b in zip(new, value, strict=True))
        return attrs.evolve(obj, **{name: new}) if changed else obj
    if many:
        kept = tuple(v for v in value if keep(v))
        return attrs.evolve(obj, **{name: kept}) if len(kept) != len(value) else obj
    if value is None or required or keep(value):
        return obj
    return attrs.evolve(obj, **{name: None})


def _nested_class(t: Any) -> type[Any] | None:
    """The attrs class held by a ``tuple[X, ...]`` field, if any."""
    if get_origin(t) is tuple:
        item = get_args(t)[0]
        if isinstance(item, type) and attrs.has(item):
            return item
    return None


_CACHE: dict[type[Any], tuple[Reference, ...]] = {}


def references(cls: type[Any]) -> tuple[Reference, ...]:
    """Every reference declared on ``cls`` and the records nested in it, in field order.

    Example:
        >>> import kzaz_relations as kz
        >>> [(r.label, r.targets) for r in references(kz.Observation)]
        [('reported_by', ('people', 'organizations')), ('project', ('projects',))]
    """
    found = _CACHE.get(cls)
    if found is None:
        found = _CACHE[cls] = tuple(_collect(cls, cls, ()))
    return found


def _collect(owner: type[Any], cls: type[Any], prefix: tuple[str, ...]) -> Iterator[Reference]:
    for a in attrs.fields(attrs.resolve_types(cls)):
        targets = a.metadata.get(REF_KEY)
        if targets is not None:
            many = get_origin(unwrap_optional(a.type)[0]) is tuple
            required = a.default is attrs.NOTHING
            yield Reference(owner, (*prefix, a.name), tuple(targets), many, required)
            continue
        nested = _nested_class(a.type)
        if nested is not None:
            yield from _collect(owner, nested, (*prefix, a.name))


_NESTED_CITED: Final[dict[type[Any], tuple[str, ...]]] = {Project: ("milestones",), Person: ("offices",)}


def citations_of(record: Any) -> Iterator[tuple[str, Citation]]:
    """``(JSONPath suffix, citation)`` for a record's citations, then those of its nested records.

    Nested records that carry citations: a project's milestones and a person's offices.

    Example:
        >>> import kzaz_relations as kz
        >>> p = kz.load().projects["proj-kazakh-oil-via-btc"]
        >>> next(citations_of(p))[0]
        '.citations[0]'
    """
    for n, c in enumerate(getattr(record, "citations", ())):
        yield f".citations[{n}]", c
    for name in _NESTED_CITED.get(type(record), ()):
        for m, item in enumerate(getattr(record, name)):
            for n, c in enumerate(item.citations):
                yield f".{name}[{m}].citations[{n}]", c
