"""Figures."""

from decimal import Decimal
from typing import Any

import attrs
from attrs import validators as v

from ._base import (
    Citation,
    _citations,
    _finite,
    _id,
    _non_negative,
    _opt,
    _text,
    ref,
)
from .dates import PartialDate, Period
from .vocab import (
    Country,
    Direction,
    Indicator,
    ObservationStatus,
    Qualifier,
    Rank,
    ReporterKind,
    Unit,
)


def _not_final_if_approximate(instance: Any, attribute: "attrs.Attribute[Any]", value: ObservationStatus) -> None:
    # An estimate is "rounded, approximate or stated in passing"; a preliminary figure may stay so.
    if value is ObservationStatus.FINAL and instance.qualifier.approximate:
        raise ValueError(
            f"a figure qualified {instance.qualifier.value!r} is not final; use status 'estimate' or 'preliminary'"
        )


@attrs.frozen(kw_only=True)
class Observation:
    """One number about one period: a trade figure, a cargo volume, an investment stock.

    Figures that sources disagree on are separate observations, each with its own
    reporter and citations; :attr:`rank` says which one a source justifies as best.

    Example:
        >>> import kzaz_relations as kz
        >>> o = kz.load().observations.where(indicator="trade.turnover", period="2020")
        >>> sorted({str(x.value) for x in o if x.reporter is kz.Country.KZ})[:1]
        ['109']
    """

    id: str = attrs.field(validator=_id)
    "Unique id in the observations table."
    indicator: Indicator = attrs.field(validator=v.instance_of(Indicator))
    "What is measured."
    period: Period = attrs.field(validator=v.instance_of(Period))
    "The span of time the number covers."
    value: Decimal = attrs.field(validator=[_finite, _non_negative])
    "The number, exactly as reported."
    unit: Unit = attrs.field(validator=v.instance_of(Unit))
    "The unit of :attr:`value`."
    reporter_kind: ReporterKind = attrs.field(validator=v.instance_of(ReporterKind))
    "What kind of body or person gave the number."
    citations: tuple[Citation, ...] = _citations()
    "The sources that support the record."
    direction: Direction = attrs.field(default=Direction.BOTH, validator=v.instance_of(Direction))
    "Which way the flow runs (``both`` for turnovers and totals)."
    reporter: Country | None = attrs.field(default=None, validator=_opt(v.instance_of(Country)))
    "Whose authorities or officials gave the number (``None`` for companies and media)."
    reported_by: str | None = ref("people", "organizations")
    "The id of the :class:`Person` or :class:`Organization` who gave the number."
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, validator=v.instance_of(Qualifier))
    "How the number was qualified (``about``, ``over``…)."
    rank: Rank = attrs.field(default=Rank.NORMAL, validator=v.instance_of(Rank))
    "How it ranks against other observations of the same period."
    status: ObservationStatus = attrs.field(
        default=ObservationStatus.FINAL, validator=[v.instance_of(ObservationStatus), _not_final_if_approximate]
    )
    "How final the number is; never ``final`` for a number qualified ``about``, ``almost``, ``over`` or ``under``."
    published: PartialDate | None = attrs.field(default=None, validator=_opt(v.instance_of(PartialDate)))
    "When the number was published (used to pick the most recent figure)."
    project: str | None = ref("projects")
    "The id of the :class:`Project` the number is about."
    note: str | None = attrs.field(default=None, validator=_opt(_text))
    "What the number covers, and any disagreement with other figures."
