"""Dated events."""

import attrs
from attrs import validators as v

from ._base import (
    Citation,
    _citations,
    _id,
    _opt,
    _set_of,
    _text,
    refs,
)
from .dates import PartialDate
from .vocab import (
    Country,
    EventKind,
)


@attrs.frozen(kw_only=True)
class Event:
    """A dated event that is not a visit, a meeting or a signing: diplomatic relations, an embassy opening…"""

    id: str = attrs.field(validator=_id)
    "Unique id in the events table."
    kind: EventKind = attrs.field(validator=v.instance_of(EventKind))
    "What kind of event it is."
    date: PartialDate = attrs.field(validator=v.instance_of(PartialDate))
    "When it happened, to the precision known."
    title: str = attrs.field(validator=_text)
    "A one-line title."
    citations: tuple[Citation, ...] = _citations()
    "The sources that support the record."
    place: str | None = attrs.field(default=None, validator=_opt(_text))
    "Where it happened."
    countries: frozenset[Country] = attrs.field(default=frozenset(), validator=_set_of(v.instance_of(Country)))
    "The states involved."
    participants: tuple[str, ...] = refs("people", "organizations")
    "The ids of the people and organisations it involved (an ambassador, an airline…)."
    summary: str | None = attrs.field(default=None, validator=_opt(_text))
    "What happened, in the dataset's own words."
