"""Series of observations and the checking of quantitative claims."""

from __future__ import annotations

import decimal
import enum
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from ._lazy import require
from .model import (
    Claim,
    Comparison,
    Indicator,
    Observation,
    PartialDate,
    Period,
    Qualifier,
    Rank,
    ReporterKind,
    Statement,
    Unit,
)

__all__ = [
    "Mirror",
    "MirrorRow",
    "MissingValueError",
    "Series",
    "SeriesPoint",
    "Verdict",
    "VerdictStatus",
    "convert_value",
]

_CONTEXT = decimal.Context(prec=50)

_SCALES: dict[Unit, tuple[str, Decimal]] = {
    Unit.USD: ("usd", Decimal(1)),
    Unit.USD_THOUSAND: ("usd", Decimal(10) ** 3),
    Unit.USD_MILLION: ("usd", Decimal(10) ** 6),
    Unit.USD_BILLION: ("usd", Decimal(10) ** 9),
    Unit.TONNES: ("t", Decimal(1)),
    Unit.THOUSAND_TONNES: ("t", Decimal(10) ** 3),
    Unit.MILLION_TONNES: ("t", Decimal(10) ** 6),
    Unit.MW: ("w", Decimal(1)),
    Unit.GW: ("w", Decimal(10) ** 3),
    Unit.GBPS: ("bps", Decimal(1)),
    Unit.TBPS: ("bps", Decimal(10) ** 3),
}

# Official data first: when a period has no preferred value, the most recent figure from
# the highest of these kinds is taken.
_KIND_PRIORITY = {
    ReporterKind.STATISTICS: 0,
    ReporterKind.CUSTOMS: 1,
    ReporterKind.CENTRAL_BANK: 1,
    ReporterKind.MINISTRY: 2,
    ReporterKind.HEAD_OF_STATE: 3,
    ReporterKind.OFFICIAL: 3,
    ReporterKind.COMPANY: 4,
    ReporterKind.MEDIA: 5,
    ReporterKind.OTHER: 6,
}

OFFICIAL_KINDS = frozenset(k for k, rank in _KIND_PRIORITY.items() if rank <= _KIND_PRIORITY[ReporterKind.MINISTRY])
"Reporter kinds whose figures are official data: statistics, customs, central bank and ministries."


def convert_value(value: Decimal, unit: Unit, to: Unit) -> Decimal:
    """Convert a value between units of the same family (USD, tonnes, watts, bits/s).

    Raises:
        ValueError: if the units measure different things.

    Example:
        >>> convert_value(Decimal("1.2"), Unit.USD_BILLION, Unit.USD_MILLION)
        Decimal('1200.0')
    """
    if unit is to:
        return value
    if not _convertible(unit, to):
        raise ValueError(f"cannot convert {unit.value} to {to.value}")
    a, b = _SCALES[unit], _SCALES[to]
    return _CONTEXT.divide(_CONTEXT.multiply(value, a[1]), b[1])


def _convertible(unit: Unit, to: Unit) -> bool:
    if unit is to:
        return True
    a, b = _SCALES.get(unit), _SCALES.get(to)
    return a is not None and b is not None and a[0] == b[0]


class MissingValueError(LookupError):
    """A series has no value for the period asked for. Series never interpolate."""


@attrs.frozen
class SeriesPoint:
    """One period of a :class:`Series`: the value chosen and the observation it comes from."""

    period: Period
    "The period."
    value: Decimal
    "The value, in the series' unit."
    observation: Observation
    "The observation chosen for the period."
    alternatives: tuple[Observation, ...] = ()
    "The other observations of the period that were not chosen."


def _pick(candidates: list[Observation]) -> tuple[Observation, tuple[Observation, ...]]:
    preferred = [o for o in candidates if o.rank is Rank.PREFERRED]
    pool = preferred or [o for o in candidates if o.rank is not Rank.DEPRECATED] or candidates

    def key(o: Observation) -> tuple[int, tuple[int, int, int], str]:
        published = o.published._key() if o.published is not None else (0, 0, 0)
        return (-_KIND_PRIORITY[o.reporter_kind], published, o.id)

    chosen = max(pool, key=key)
    return chosen, tuple(o for o in sorted(candidates, key=lambda o: o.id) if o is not chosen)


class Series:
    """One value per period for one indicator, direction and reporter.

    Built by :meth:`kzaz_relations.Dataset.series`. For each period it takes the
    ``preferred`` observation; failing that, the figure from the most authoritative kind
    of reporter (statistics, customs, ministry, then statements), most recently
    published. Full-year and part-year periods are never mixed: a series holds one or
    the other. Values are converted to one unit; arithmetic is :class:`~decimal.Decimal`
    at 50 significant digits. A missing period raises :class:`MissingValueError`
    (:meth:`get` returns ``None``); nothing is interpolated.

    Example:
        >>> import kzaz_relations as kz
        >>> s = kz.load().series("trade.turnover", reporter=kz.Country.KZ)
        >>> s.value(2020) < s.value(2023)
        True
    """

    __slots__ = ("_points", "direction", "indicator", "reporter", "unit")

    def __init__(
        self,
        indicator: Indicator,
        observations: Iterable[Observation],
        *,
        direction: enum.Enum | None = None,
        reporter: enum.Enum | None = None,
        unit: Unit | None = None,
    ) -> None:
        self.indicator = indicator
        "The indicator."
        self.direction = direction
        "The direction the series was asked for."
        self.reporter = reporter
        "The reporter the series was asked for (``None``: any)."
        observations = list(observations)
        if unit is None and observations:
            units = [o.unit for o in observations]
            unit = max(set(units), key=lambda u: (units.count(u), u.value))
        self.unit = unit
        "The unit of every value; figures in units that cannot be converted to it are left out."
        by_period: dict[Period, list[Observation]] = {}
        for o in observations:
            if unit is not None and _convertible(o.unit, unit):
                by_period.setdefault(o.period, []).append(o)
        points = []
        for period in sorted(by_period):
            obs, rest = _pick(by_period[period])
            assert unit is not None
            points.append(SeriesPoint(period, convert_value(obs.value, obs.unit, unit), obs, rest))
        self._points = tuple(points)

    def __iter__(self) -> Iterator[SeriesPoint]:
        return iter(self._points)

    def __len__(self) -> int:
        return len(self._points)

    def __repr__(self) -> str:
        body = ", ".join(f"{p.period}: {p.value}" for p in self._points)
        return f"<Series {self.indicator.value} ({self.unit.value if self.unit else '-'}) {{{body}}}>"

    @property
    def periods(self) -> tuple[Period, ...]:
        """The periods that have a value, in order."""
        return tuple(p.period for p in self._points)

    @property
    def points(self) -> tuple[SeriesPoint, ...]:
        """Every point, in period order."""
        return self._points

    def point(self, period: Period | PartialDate | str | int) -> SeriesPoint:
        """The point for a period. Raises :class:`MissingValueError` if there is none."""
        wanted = Period.of(period)
        for p in self._points:
            if p.period == wanted:
                return p
        raise MissingValueError(f"no {self.indicator.value} value for {wanted} in this series")

    def value(self, period: Period | PartialDate | str | int) -> Decimal:
        """The value for a period. Raises :class:`MissingValueError` if there is none."""
        return self.point(period).value

    def get(self, period: Period | PartialDate | str | int) -> Decimal | None:
        """The value for a period, or ``None`` if there is none."""
        try:
            return self.value(period)
        except MissingValueError:
            return None

    def change(self, start: Period | PartialDate | str | int, end: Period | PartialDate | str | int) -> Decimal:
        """The ratio ``value(end) / value(start)`` (2 means the value doubled).

        Raises:
            MissingValueError: if either period has no value.
            ZeroDivisionError: if the start value is zero.
        """
        a, b = self.value(start), self.value(end)
        if a == 0:
            raise ZeroDivisionError(f"the value for {Period.of(start)} is zero")
        return _CONTEXT.divide(b, a)

    def cagr(self, start: Period | PartialDate | str | int, end: Period | PartialDate | str | int) -> Decimal:
        """The compound annual growth rate from ``start`` to ``end`` (0.1 means +10 % a year).

        Satisfies ``(1 + cagr) ** years == change`` up to rounding, where ``years`` is the
        difference of the periods' start years.

        Raises:
            MissingValueError: if either period has no value.
            ValueError: if the periods are not in different years, in order.
        """
        years = Period.of(end).start.year - Period.of(start).start.year
        if years <= 0:
            raise ValueError("cagr needs an end period in a later year than the start")
        ratio = self.change(start, end)
        return _CONTEXT.subtract(_CONTEXT.power(ratio, _CONTEXT.divide(Decimal(1), Decimal(years))), Decimal(1))

    def yoy(self) -> tuple[tuple[Period, Decimal], ...]:
        """Year-on-year growth (0.4 means +40 %) for each full-year period whose previous year has a value."""
        by_year = {p.period.start.year: p for p in self._points if p.period.is_full_year}
        out = []
        for year in sorted(by_year):
            prev = by_year.get(year - 1)
            if prev is not None and prev.value != 0:
                out.append(
                    (
                        by_year[year].period,
                        _CONTEXT.subtract(_CONTEXT.divide(by_year[year].value, prev.value), Decimal(1)),
                    )
                )
        return tuple(out)

    def as_dict(self) -> dict[Period, Decimal]:
        """``{period: value}`` in period order (a new dict each call).

        Keys are :class:`~kzaz_relations.Period` objects, which compare equal to and hash
        like nothing else; look a year up with ``Period.of(2023)``, or use :meth:`value`,
        which takes ``2023`` or ``"2023"`` directly.

        Example:
            >>> import kzaz_relations as kz
            >>> d = kz.load().series("trade.turnover", reporter="KZ").as_dict()
            >>> d[kz.Period.of(2023)]
            Decimal('529.4')
        """
        return {p.period: p.value for p in self._points}

    def to_pandas(self) -> Any:
        """The series as a :class:`pandas.DataFrame` indexed by period (needs the ``pandas`` extra).

        Columns: ``value`` (``Float64``), ``value_text`` (the exact decimal), ``unit``,
        ``observation`` (the id of the observation chosen), ``reporter`` and ``published``
        (``datetime64``, its earliest day). The index holds the periods as ISO text.

        Example:
            >>> import kzaz_relations as kz
            >>> df = kz.load().series("trade.turnover", reporter="KZ").to_pandas()
            >>> float(df.loc["2023", "value"])
            529.4
        """
        pd = require("pandas", "Series.to_pandas()", "pandas")
        points = self._points
        index = pd.Index([str(p.period) for p in points], name="period", dtype="string")
        return pd.DataFrame(
            {
                "value": pd.array([float(p.value) for p in points], dtype="Float64"),
                "value_text": pd.array([format(p.value, "f") for p in points], dtype="string"),
                "unit": pd.array([self.unit.value if self.unit else None for _ in points], dtype="string"),
                "observation": pd.array([p.observation.id for p in points], dtype="string"),
                "reporter": pd.array(
                    [p.observation.reporter.value if p.observation.reporter else None for p in points], dtype="string"
                ),
                "published": pd.Series(
                    [p.observation.published.earliest if p.observation.published else None for p in points],
                    dtype="datetime64[ns]",
                ).values,
            },
            index=index,
        )


@attrs.frozen
class MirrorRow:
    """One period of a :class:`Mirror`: each reporter's value side by side.

    Example:
        >>> import kzaz_relations as kz
        >>> row = kz.load().mirror("trade.turnover").row(2018)
        >>> row.gap, round(row.gap_percent, 1)
        (Decimal('37.26'), Decimal('16.9'))
    """

    period: Period
    "The period."
    kz: SeriesPoint | None
    "Kazakhstan's figure (its value, observation and alternatives), if any."
    az: SeriesPoint | None
    "Azerbaijan's figure, if any."

    @property
    def gap(self) -> Decimal | None:
        """Kazakhstan's value minus Azerbaijan's, when both exist."""
        if self.kz is None or self.az is None:
            return None
        return _CONTEXT.subtract(self.kz.value, self.az.value)

    @property
    def gap_percent(self) -> Decimal | None:
        """The gap as a percentage of Azerbaijan's value, when both exist and it is not zero."""
        gap = self.gap
        if gap is None or self.az is None or self.az.value == 0:
            return None
        return _CONTEXT.multiply(_CONTEXT.divide(gap, self.az.value), Decimal(100))


class Mirror:
    """Mirror statistics: Kazakhstan's and Azerbaijan's figures for one flow, period by period.

    Built by :meth:`kzaz_relations.Dataset.mirror`. Each side's value is chosen as in a
    :class:`Series` (one reporter each, so nothing is mixed); both are in one unit.

    Example:
        >>> import kzaz_relations as kz
        >>> m = kz.load().mirror("trade.turnover")
        >>> row = m.row(2018)
        >>> row.kz.value, row.az.value
        (Decimal('258.26'), Decimal('221'))
    """

    __slots__ = ("_rows", "direction", "indicator", "unit")

    def __init__(self, kz: Series, az: Series) -> None:
        self.indicator = kz.indicator
        "The indicator."
        self.direction = kz.direction
        "The direction."
        self.unit = kz.unit or az.unit
        "The unit of both sides' values."
        by_kz = {p.period: p for p in kz}
        by_az = {p.period: p for p in az}
        self._rows = tuple(
            MirrorRow(period, by_kz.get(period), by_az.get(period)) for period in sorted({*by_kz, *by_az})
        )

    def __iter__(self) -> Iterator[MirrorRow]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __repr__(self) -> str:
        return f"<Mirror {self.indicator.value}: {len(self._rows)} periods>"

    @property
    def rows(self) -> tuple[MirrorRow, ...]:
        """Every period that either side has a value for, in order."""
        return self._rows

    def row(self, period: Period | PartialDate | str | int) -> MirrorRow:
        """The row for a period. Raises :class:`MissingValueError` if neither side has a value."""
        wanted = Period.of(period)
        for r in self._rows:
            if r.period == wanted:
                return r
        raise MissingValueError(f"no {self.indicator.value} value for {wanted} from either reporter")

    def to_pandas(self) -> Any:
        """A :class:`pandas.DataFrame` indexed by period with columns ``KZ``, ``AZ``, ``gap``,
        ``gap_percent`` (``Float64``) and ``KZ_observation``, ``AZ_observation`` (ids).

        Example:
            >>> import kzaz_relations as kz
            >>> df = kz.load().mirror("trade.turnover").to_pandas()
            >>> list(df.columns[:4])
            ['KZ', 'AZ', 'gap', 'gap_percent']
        """
        pd = require("pandas", "Mirror.to_pandas()", "pandas")

        def num(values: Iterable[Decimal | None]) -> Any:
            return pd.array([float(v) if v is not None else None for v in values], dtype="Float64")

        rows = self._rows
        return pd.DataFrame(
            {
                "KZ": num(r.kz.value if r.kz else None for r in rows),
                "AZ": num(r.az.value if r.az else None for r in rows),
                "gap": num(r.gap for r in rows),
                "gap_percent": num(r.gap_percent for r in rows),
                "KZ_observation": pd.array([r.kz.observation.id if r.kz else None for r in rows], dtype="string"),
                "AZ_observation": pd.array([r.az.observation.id if r.az else None for r in rows], dtype="string"),
            },
            index=pd.Index([str(r.period) for r in rows], name="period", dtype="string"),
        )


class VerdictStatus(enum.StrEnum):
    """The outcome of checking a claim against the observations.

    Claims about the past (``value``, ``ratio``, ``change_percent``) are ``consistent`` or
    ``inconsistent``; pledges (``target``) are ``met``, ``missed`` or ``pending``; either is
    ``not_checkable`` when no independent figure decides it.
    """

    CONSISTENT = "consistent"
    "The independent figures agree with the stated number, within the tolerance."
    INCONSISTENT = "inconsistent"
    "The independent figures disagree with the stated number."
    MET = "met"
    "A pledge: an independent figure for a period up to the target period reached the target."
    MISSED = "missed"
    "A pledge: the target period is over, has an independent figure, and no period up to it reached the target."
    PENDING = "pending"
    "A pledge: the target period is not over yet and the target has not been reached so far."
    NOT_CHECKABLE = "not_checkable"
    "No independent figure (or no machine-checkable claim) decides it."

    @property
    def decided(self) -> bool:
        """Whether the verdict settles the claim (everything but ``not_checkable`` and ``pending``)."""
        return self not in (VerdictStatus.NOT_CHECKABLE, VerdictStatus.PENDING)


@attrs.frozen
class Verdict:
    """The result of :meth:`kzaz_relations.Dataset.check`."""

    statement: Statement
    "The statement checked."
    status: VerdictStatus
    "The outcome."
    computed: Decimal | None
    "The figure computed from the observations (ratio, percentage or value; for a pledge, the best value reached)."
    reason: str
    "Why, in one sentence."
    observations: tuple[Observation, ...] = ()
    "The observations the figure was computed from."
    known_by: PartialDate | None = None
    "The day the check was limited to figures published by (``None``: every figure, the latest)."
    when_said: Verdict | None = None
    """The same check against only the figures published by the day the statement was made:
    what the speaker could have known. Set on the default verdict of :meth:`Dataset.check
    <kzaz_relations.Dataset.check>`; ``None`` on a verdict that is itself limited by ``known_by``."""

    @property
    def reporters(self) -> tuple[str, ...]:
        """The reporting sides (``KZ``, ``AZ``), or for figures with no country the bodies, behind the verdict.

        Example:
            >>> import kzaz_relations as kz
            >>> kz.load().check("press-statements-astana-2025-10-21").reporters
            ('KZ',)
        """
        out: dict[str, None] = {}
        for o in self.observations:
            out.setdefault(o.reporter.value if o.reporter else (o.reported_by or o.reporter_kind.value), None)
        return tuple(out)


def accepts(claim: Claim, computed: Decimal) -> bool:
    """Whether a computed figure agrees with a claim's stated number, qualifier and tolerance.

    ``exact`` and ``about``: within ``tolerance`` of the number either way; ``almost``:
    at most the number and within the tolerance below it; ``over``: at least the number;
    ``under`` and ``up_to``: at most the number.

    Example:
        >>> from kzaz_relations import Claim, Comparison, Indicator, Period, Qualifier
        >>> c = Claim(indicator=Indicator.TRADE_TURNOVER, comparison=Comparison.RATIO,
        ...           periods=(Period.of(2020), Period.of(2023)), stated=Decimal(5), qualifier=Qualifier.ALMOST)
        >>> accepts(c, Decimal("4.85")), accepts(c, Decimal("5.2")), accepts(c, Decimal("4"))
        (True, False, False)
    """
    stated, tol = claim.stated, claim.tolerance
    low = stated - abs(stated) * tol
    high = stated + abs(stated) * tol
    q = claim.qualifier
    if q in (Qualifier.EXACT, Qualifier.ABOUT):
        return low <= computed <= high
    if q is Qualifier.ALMOST:
        return low <= computed <= stated
    if q is Qualifier.OVER:
        return computed >= stated
    return computed <= stated


def computed_figure(claim: Claim, series: Series) -> tuple[Decimal, tuple[Observation, ...]]:
    """The figure a claim's comparison computes from a series.

    Raises:
        MissingValueError: if a period has no value.
    """
    if claim.comparison is Comparison.VALUE:
        point = series.point(claim.periods[0])
        value = point.value
        if claim.unit is not None and series.unit is not None:
            value = convert_value(value, series.unit, claim.unit)
        return value, (point.observation,)
    first, last = series.point(claim.periods[0]), series.point(claim.periods[1])
    ratio = series.change(claim.periods[0], claim.periods[1])
    if claim.comparison is Comparison.CHANGE_PERCENT:
        ratio = _CONTEXT.multiply(_CONTEXT.subtract(ratio, Decimal(1)), Decimal(100))
    return ratio, (first.observation, last.observation)
