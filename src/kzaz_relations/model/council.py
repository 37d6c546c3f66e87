"""Standing bilateral bodies and their meetings."""

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
    ref,
    refs,
)
from .dates import PartialDate
from .vocab import (
    CouncilKind,
    Country,
)


@attrs.frozen(kw_only=True)
class CoChair:
    """One side's chair of a council over a span of time."""

    person: str = ref("people", required=True)
    "The id of the :class:`Person`."
    country: Country = attrs.field(validator=v.instance_of(Country))
    "The side the person chairs for."
    role: str | None = attrs.field(default=None, validator=_opt(_text))
    "The office that made the person co-chair."
    since: PartialDate | None = attrs.field(default=None, validator=_opt(v.instance_of(PartialDate)))
    "First attested as co-chair."
    until: PartialDate | None = attrs.field(default=None, validator=_opt(v.instance_of(PartialDate)))
    "Last attested or replaced."


@attrs.frozen(kw_only=True)
class Council:
    """A standing bilateral body: Supreme Interstate Council, commission, business council…"""

    id: str = attrs.field(validator=_id)
    "Unique id in the councils table."
    name: str = attrs.field(validator=_text)
    "The name in English."
    kind: CouncilKind = attrs.field(validator=v.instance_of(CouncilKind))
    "What kind of body it is."
    citations: tuple[Citation, ...] = _citations()
    "The sources that support the record."
    established: PartialDate | None = attrs.field(default=None, validator=_opt(v.instance_of(PartialDate)))
    "When it was set up, where known."
    established_by: str | None = ref("agreements")
    "The id of the :class:`Agreement` that set it up."
    co_chairs: tuple[CoChair, ...] = attrs.field(default=(), validator=_tuple_of(v.instance_of(CoChair)))
    "Its co-chairs over time."
    summary: str | None = attrs.field(default=None, validator=_opt(_text))
    "What it does, in the dataset's own words."


@attrs.frozen(kw_only=True)
class CouncilMeeting:
    """One meeting or session of a :class:`Council`."""

    id: str = attrs.field(validator=_id)
    "Unique id in the meetings table."
    council: str = ref("councils", required=True)
    "The id of the :class:`Council`."
    date: PartialDate = attrs.field(validator=v.instance_of(PartialDate))
    "When it met (the first day)."
    citations: tuple[Citation, ...] = _citations()
    "The sources that support the record."
    ordinal: int | None = attrs.field(default=None, validator=_count)
    "Its number in the council's series (1 for the first), where known."
    end: PartialDate | None = attrs.field(default=None, validator=_opt(v.instance_of(PartialDate)))
    "The last day, for a meeting over several days."
    place: str | None = attrs.field(default=None, validator=_opt(_text))
    "The city where it met."
    co_chairs: tuple[str, ...] = refs("people")
    "The ids of the :class:`Person` records who chaired it."
    documents_reported: int | None = attrs.field(default=None, validator=_count)
    "How many documents a source says were signed there (may exceed those identified)."
    summary: str | None = attrs.field(default=None, validator=_opt(_text))
    "What happened, in the dataset's own words."
