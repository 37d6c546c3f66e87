"""Field validators, reference declarations and the small records every table uses."""

import re
import types
from collections.abc import Callable
from typing import Any, Union, get_args, get_origin

import attrs
from attrs import validators as v


class LazyPattern:
    """A regular expression compiled when first matched: the packaged data's fast path never
    validates, so a first query need not compile the validators' patterns."""

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled().fullmatch(text)

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled on first use)."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern)
        return compiled


ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_ID_RE = LazyPattern(ID_PATTERN)
_URL_RE = LazyPattern(r"https?://[^\s/$.?#][^\s]*")


def _id(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if type(value) is not str or _ID_RE.fullmatch(value) is None:
        raise ValueError(f"{attribute.name} must be lowercase kebab-case (a-z, 0-9, '-'), got {value!r}")


def _text(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if type(value) is not str:
        raise TypeError(f"{attribute.name} must be a str, got {type(value).__name__}")
    if not value.strip() or value != value.strip():
        raise ValueError(f"{attribute.name} must be non-empty text without surrounding spaces, got {value!r}")


def _opt(validator: Any) -> Any:
    return v.optional(validator)


def _tuple_of(member: Any) -> Any:
    return v.deep_iterable(member_validator=member, iterable_validator=v.instance_of(tuple))


def _set_of(member: Any) -> Any:
    return v.deep_iterable(member_validator=member, iterable_validator=v.instance_of(frozenset))


def _non_empty(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if len(value) == 0:
        raise ValueError(f"{attribute.name} must not be empty")


def _unique(instance: Any, attribute: "attrs.Attribute[Any]", value: tuple[Any, ...]) -> None:
    if len(set(value)) != len(value):
        raise ValueError(f"{attribute.name} has repeated items")


def _finite(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    from decimal import Decimal  # imported by the tables with numbers, not by the others

    if type(value) is not Decimal or not value.is_finite():
        raise ValueError(f"{attribute.name} must be a finite Decimal, got {value!r}")


def _non_negative(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if value is not None and value < 0:
        raise ValueError(f"{attribute.name} must not be negative, got {value}")


def _count(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if value is None:
        return
    if type(value) is not int or value < 0:
        raise ValueError(f"{attribute.name} must be a non-negative int, got {value!r}")


def _url(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if value is None:
        return
    if type(value) is not str or _URL_RE.fullmatch(value) is None:
        raise ValueError(f"{attribute.name} must be an http(s) URL, got {value!r}")


REF_KEY = "kzaz_ref"
"The attrs field metadata key that declares a reference: its value is the tuple of tables the id may name."


def ref(*tables: str, required: bool = False) -> Any:
    """A field holding the id of a record in one of ``tables`` (``None`` allowed unless ``required``).

    This is the one place a reference is declared: the integrity check, :meth:`Dataset.related
    <kzaz_relations.Dataset.related>`, :meth:`~kzaz_relations.Dataset.as_of`, the Data Package foreign
    keys, the JSON Schema and the graph export all read it from the field's metadata.
    """
    metadata = {REF_KEY: tables}
    if required:
        return attrs.field(validator=_id, metadata=metadata)
    return attrs.field(default=None, validator=_opt(_id), metadata=metadata)


def refs(*tables: str) -> Any:
    """A field holding a tuple of distinct ids of records in one of ``tables`` (see :func:`ref`)."""
    return attrs.field(default=(), validator=[_tuple_of(_id), _unique], metadata={REF_KEY: tables})


_LANGUAGE_RE = re.compile(r"[a-z]{2}")


@attrs.frozen(kw_only=True)
class MonolingualText:
    """A piece of text in one language: a title or a name as a source publishes it.

    ``language`` is an ISO 639-1 code (``en``, ``ru``, ``kk``, ``az``…). The same small record
    serves agreement titles and the names of people and organisations.

    Example:
        >>> MonolingualText(text="Шуша", language="ru")
        MonolingualText(text='Шуша', language='ru')
    """

    text: str = attrs.field(validator=_text)
    "The text, exactly as published."
    language: str = attrs.field(validator=v.matches_re(_LANGUAGE_RE))
    "The ISO 639-1 code of its language."


def _texts() -> Any:
    return attrs.field(default=(), validator=[_tuple_of(v.instance_of(MonolingualText)), _unique])


@attrs.frozen(kw_only=True)
class Citation:
    """A pointer from a record to the :class:`Source` that supports it.

    Example:
        >>> Citation(source="report-az-tokayev-interview-2024", supports="trade 2020 and 2023")
        Citation(source='report-az-tokayev-interview-2024', supports='trade 2020 and 2023')
    """

    source: str = attrs.field(validator=_id)
    "The id of the cited :class:`Source`."
    supports: str | None = attrs.field(default=None, validator=_opt(_text))
    "What the source supports in the record (field names or a short note); ``None`` for all of it."


def _one_per_source(instance: Any, attribute: "attrs.Attribute[Any]", value: tuple[Citation, ...]) -> None:
    # What one page supports goes in its one note, so a list names each source once
    # (the keyed form of _unique: the set test first, the repeat looked for only on failure).
    sources = [c.source for c in value]
    if len(set(sources)) != len(sources):
        repeated = next(s for i, s in enumerate(sources) if s in sources[:i])
        raise ValueError(f"{attribute.name} names source {repeated!r} more than once")


def _citations() -> Any:
    return attrs.field(validator=[_tuple_of(v.instance_of(Citation)), _non_empty, _one_per_source])


def _check_source(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if instance.url is None and value is None:
        raise ValueError("a source needs a url or a bibliographic reference")


def _in_language(texts: tuple[MonolingualText, ...], language: str) -> str | None:
    for t in texts:
        if t.language == language:
            return t.text
    return None


def unwrap_optional(t: Any) -> tuple[Any, bool]:
    """``(X, True)`` for a field type ``X | None`` (or ``Optional[X]``), else ``(t, False)``.

    Example:
        >>> unwrap_optional(int | None), unwrap_optional(tuple[str, ...])
        ((<class 'int'>, True), (tuple[str, ...], False))
    """
    if get_origin(t) in (Union, types.UnionType):
        args = get_args(t)
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1 and len(args) == 2:
            return rest[0], True
    return t, False


def slot_setter(cls: type[Any], name: str) -> Callable[[Any, Any], None]:
    """How to set field ``name`` on a fresh instance: its slot's own setter where the class has
    slots (about a quarter cheaper than ``object.__setattr__``, which looks the slot up on the
    class each time), else ``object.__setattr__``."""
    slot = getattr(cls, name, None)
    if isinstance(slot, types.MemberDescriptorType):
        put: Callable[[Any, Any], None] = slot.__set__
        return put
    return lambda obj, value: object.__setattr__(obj, name, value)
