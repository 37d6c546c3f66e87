"""Joint projects and their milestones."""

from typing import Any

import attrs
from attrs import validators as v

from ._base import (
    Citation,
    _citations,
    _id,
    _non_empty,
    _opt,
    _set_of,
    _text,
    _tuple_of,
    refs,
)
from .dates import PartialDate
from .vocab import (
    Country,
    ProjectStatus,
    Sector,
)


@attrs.frozen(kw_only=True)
class Milestone:
    """A dated step of a :class:`Project`."""

    date: PartialDate = attrs.field(validator=v.instance_of(PartialDate))
    "When it happened, to the precision known."
    description: str = attrs.field(validator=_text)
    "What happened, in the dataset's own words."
    citations: tuple[Citation, ...] = _citations()
    "The sources that support it."


def _milestones_in_order(instance: Any, attribute: "attrs.Attribute[Any]", value: tuple[Milestone, ...]) -> None:
    dates = [m.date for m in value]
    if dates != sorted(dates):
        raise ValueError("milestones must be in date order")


@attrs.frozen(kw_only=True)
class Project:
    """A joint project: a route, a cable, an export flow, a fund.

    Its key figures are the :class:`Observation` records whose ``project`` is its id.
    """

    id: str = attrs.field(validator=_id)
    "Unique id in the projects table."
    name: str = attrs.field(validator=_text)
    "The name in English."
    sectors: frozenset[Sector] = attrs.field(validator=[_set_of(v.instance_of(Sector)), _non_empty])
    "The fields it belongs to."
    status: ProjectStatus = attrs.field(validator=v.instance_of(ProjectStatus))
    "Where it stands, as of the latest source."
    citations: tuple[Citation, ...] = _citations()
    "The sources that support the record."
    countries: frozenset[Country] = attrs.field(default=frozenset(), validator=_set_of(v.instance_of(Country)))
    "The states taking part."
    participants: tuple[str, ...] = refs("organizations")
    "The ids of the :class:`Organization` records taking part (companies and bodies)."
    agreements: tuple[str, ...] = refs("agreements")
    "The ids of related :class:`Agreement` records."
    milestones: tuple[Milestone, ...] = attrs.field(
        default=(), validator=[_tuple_of(v.instance_of(Milestone)), _milestones_in_order]
    )
    "Its dated steps, in order."
    summary: str | None = attrs.field(default=None, validator=_opt(_text))
    "What it is, in the dataset's own words."
