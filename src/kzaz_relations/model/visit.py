"""Visits."""

import attrs
from attrs import validators as v

from ._base import (
    Citation,
    _citations,
    _count,
    _id,
    _opt,
    _text,
    _tuple_of,
    _unique,
    ref,
)
from .dates import PartialDate
from .vocab import (
    Country,
    Level,
    VisitKind,
)


@attrs.frozen(kw_only=True)
class Visit:
    """A visit by a leader or delegation of one side to the other."""

    id: str = attrs.field(validator=_id)
    "Unique id in the visits table."
    visitor: str = ref("people", required=True)
    "The id of the :class:`Person` who visited (who led the delegation)."
    visitor_role: str = attrs.field(validator=_text)
    "The visitor's office at the time."
    level: Level = attrs.field(validator=v.instance_of(Level))
    "The level of the visit's leader."
    from_country: Country = attrs.field(validator=v.instance_of(Country))
    "The visitor's side."
    to_country: Country = attrs.field(validator=v.instance_of(Country))
    "The host country."
    kind: VisitKind = attrs.field(validator=v.instance_of(VisitKind))
    "The protocol level, as sources state it."
    start: PartialDate = attrs.field(validator=v.instance_of(PartialDate))
    "The first day."
    citations: tuple[Citation, ...] = _citations()
    "The sources that support the record."
    end: PartialDate | None = attrs.field(default=None, validator=_opt(v.instance_of(PartialDate)))
    "The last day, for a visit over several days."
    places: tuple[str, ...] = attrs.field(default=(), validator=[_tuple_of(_text), _unique])
    "The cities visited."
    occasion: str | None = attrs.field(default=None, validator=_opt(_text))
    "The multilateral event attended, for a visit of kind ``multilateral``."
    documents_reported: int | None = attrs.field(default=None, validator=_count)
    "How many documents a source says were signed (may exceed those identified)."
    summary: str | None = attrs.field(default=None, validator=_opt(_text))
    "What happened, in the dataset's own words."
