"""Statements and their checkable claims."""

from decimal import Decimal

import attrs
from attrs import validators as v

from ._base import (
    Citation,
    _citations,
    _finite,
    _id,
    _non_negative,
    _opt,
    _set_of,
    _text,
    _tuple_of,
    ref,
    refs,
)
from .dates import PartialDate, Period
from .vocab import (
    Comparison,
    Country,
    Direction,
    Indicator,
    Qualifier,
    Sector,
    Unit,
)


@attrs.frozen(kw_only=True)
class Claim:
    """The machine-checkable form of a quantitative :class:`Statement`.

    ``"trade grew almost 5 times, from 2020 to 2023"`` is
    ``Claim(indicator=TRADE_TURNOVER, comparison=RATIO, periods=(2020, 2023), stated=5,
    qualifier=ALMOST)``; the pledge ``"trade will reach $1 billion by 2025"`` is
    ``Claim(indicator=TRADE_TURNOVER, comparison=TARGET, periods=(2025,), stated=1000,
    unit=USD_MILLION)``.
    """

    indicator: Indicator = attrs.field(validator=v.instance_of(Indicator))
    "The indicator the claim is about."
    comparison: Comparison = attrs.field(validator=v.instance_of(Comparison))
    "How the stated number relates to the observations."
    periods: tuple[Period, ...] = attrs.field(validator=_tuple_of(v.instance_of(Period)))
    "One period for a value or a target (the period to reach it by), two (from, to) for a ratio or change."
    stated: Decimal = attrs.field(validator=_finite)
    "The number as stated."
    unit: Unit | None = attrs.field(default=None, validator=_opt(v.instance_of(Unit)))
    "The unit of :attr:`stated`, for a value or a target."
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, validator=v.instance_of(Qualifier))
    "How the number was qualified."
    tolerance: Decimal = attrs.field(default=Decimal("0.05"), validator=[_finite, _non_negative])
    "Relative tolerance allowed when comparing (0.05 = 5 %)."
    direction: Direction = attrs.field(default=Direction.BOTH, validator=v.instance_of(Direction))
    "The flow the claim is about."
    reporter: Country | None = attrs.field(default=None, validator=_opt(v.instance_of(Country)))
    "Whose figures to check against (``None``: any reporter)."

    def __attrs_post_init__(self) -> None:
        wanted = 1 if self.comparison in (Comparison.VALUE, Comparison.TARGET) else 2
        if len(self.periods) != wanted:
            raise ValueError(f"a {self.comparison.value} claim needs {wanted} period(s), got {len(self.periods)}")

    def describe(self) -> str:
        """The claim in one line of its own terms, as the command line and the docs show it.

        Example:
            >>> import kzaz_relations as kz
            >>> kz.load().statements["tokayev-interview-2024-trade-growth"].claim.describe()
            'ratio of trade.turnover (both), 2020 → 2023: almost 5, KZ figures'
        """
        periods = " → ".join(str(p) for p in self.periods)
        unit = f" {self.unit.value}" if self.unit else ""
        reporter = f", {self.reporter.value} figures" if self.reporter else ""
        return (
            f"{self.comparison.value} of {self.indicator.value} ({self.direction.value}), {periods}: "
            f"{self.qualifier.value} {self.stated}{unit}{reporter}"
        )


@attrs.frozen(kw_only=True)
class Statement:
    """A dated, attributed claim, paraphrased; with a :class:`Claim` when it has a checkable number."""

    id: str = attrs.field(validator=_id)
    "Unique id in the statements table."
    speaker: str = ref("people", required=True)
    "The id of the :class:`Person` who said it."
    date: PartialDate = attrs.field(validator=v.instance_of(PartialDate))
    "When it was said or published."
    summary: str = attrs.field(validator=_text)
    "What was said, in the dataset's own words."
    citations: tuple[Citation, ...] = _citations()
    "The sources that support the record."
    speaker_country: Country | None = attrs.field(default=None, validator=_opt(v.instance_of(Country)))
    "The speaker's side."
    sectors: frozenset[Sector] = attrs.field(default=frozenset(), validator=_set_of(v.instance_of(Sector)))
    "The fields it is about."
    claim: Claim | None = attrs.field(default=None, validator=_opt(v.instance_of(Claim)))
    "The checkable form of its number, if it has one."
    co_speakers: tuple[str, ...] = refs("people")
    "The ids of others who made it jointly with :attr:`speaker` (a joint press statement)."
    visit: str | None = ref("visits")
    "The id of the :class:`Visit` it was made during."
    meeting: str | None = ref("meetings")
    "The id of the :class:`CouncilMeeting` it was made at."
