"""Numbers: series of observations, mirror statistics, and the checking of claims and pledges."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from ._sentinels import UNSET
from .model import (
    Claim,
    Comparison,
    Country,
    Direction,
    Indicator,
    Observation,
    PartialDate,
    Qualifier,
    ReporterKind,
    Statement,
    Unit,
)
from .series import (
    _CONTEXT,
    OFFICIAL_KINDS,
    Mirror,
    MissingValueError,
    Series,
    SeriesPoint,
    Verdict,
    VerdictStatus,
    accepts,
    computed_figure,
    convert_value,
)

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["check", "mirror", "observations_for", "series"]


def _reporter_text(reporter: Country | None) -> str:
    return reporter.value if reporter is not None else "none (companies and media)"


def known(o: Observation, day: PartialDate | None) -> bool:
    """Whether an observation had certainly been published by the end of ``day`` (undated ones never are)."""
    return day is None or (o.published is not None and o.published.latest <= day.latest)


def observations_for(
    ds: Dataset,
    indicator: Indicator | str,
    *,
    reporter: Country | str | object | None = UNSET,
    direction: Direction | str = Direction.BOTH,
    reporter_kinds: Iterable[ReporterKind | str] | None = None,
    full_year: bool = True,
    project: str | None = None,
    known_by: PartialDate | None = None,
) -> list[Observation]:
    """The observations a series draws on. ``reporter`` left unset means any reporter."""
    ind = Indicator(indicator)
    dirn = Direction(direction)
    any_reporter = reporter is UNSET
    rep = None if any_reporter or reporter is None else Country(str(reporter).upper())
    kinds = None if reporter_kinds is None else frozenset(ReporterKind(k) for k in reporter_kinds)
    return [
        o
        for o in ds.observations
        if o.indicator is ind
        and o.direction is dirn
        and (any_reporter or o.reporter is rep)
        and (kinds is None or o.reporter_kind in kinds)
        and o.period.is_full_year is full_year
        and (project is None or o.project == project)
        and known(o, known_by)
    ]


def series(
    ds: Dataset,
    indicator: Indicator | str,
    *,
    reporter: Country | str | object | None,
    direction: Direction | str,
    reporter_kinds: Iterable[ReporterKind | str] | None,
    full_year: bool,
    project: str | None,
    unit: Unit | str | None,
    known_by: PartialDate | str | int | None,
) -> Series:
    """See :meth:`Dataset.series <kzaz_relations.Dataset.series>`."""
    day = None if known_by is None else PartialDate.of(known_by)
    found = observations_for(
        ds,
        indicator,
        reporter=reporter,
        direction=direction,
        reporter_kinds=reporter_kinds,
        full_year=full_year,
        project=project,
        known_by=day,
    )
    chosen: Country | None
    if reporter is UNSET:
        present = sorted({o.reporter for o in found}, key=lambda r: "" if r is None else r.value)
        if len(present) > 1:
            names = ", ".join(_reporter_text(r) for r in present)
            raise ValueError(
                f"{Indicator(indicator).value} is reported by several sides ({names}); pass reporter= one of them "
                "(reporter=None for figures with no reporting country), or use Dataset.mirror() to compare KZ and AZ"
            )
        chosen = present[0] if present else None
    else:
        chosen = None if reporter is None else Country(str(reporter).upper())
    return Series(
        Indicator(indicator),
        found,
        direction=Direction(direction),
        reporter=chosen,
        unit=None if unit is None else Unit(unit),
    )


def mirror(
    ds: Dataset,
    indicator: Indicator | str,
    *,
    direction: Direction | str,
    reporter_kinds: Iterable[ReporterKind | str] | None,
    full_year: bool,
    unit: Unit | str | None,
    known_by: PartialDate | str | int | None,
) -> Mirror:
    """See :meth:`Dataset.mirror <kzaz_relations.Dataset.mirror>`."""

    def side(country: Country, in_unit: Unit | str | None) -> Series:
        return series(
            ds,
            indicator,
            reporter=country,
            direction=direction,
            reporter_kinds=reporter_kinds,
            full_year=full_year,
            project=None,
            unit=in_unit,
            known_by=known_by,
        )

    kz = side(Country.KZ, unit)
    # Both sides in one unit: the one asked for, else the one Kazakhstan's figures use.
    az = side(Country.AZ, unit if unit is not None else kz.unit)
    return Mirror(kz, az)


# --- claims ---------------------------------------------------------------------


def _reporter_order(claim: Claim, speaker_country: Country | None) -> list[Country | None]:
    """Which reporters' figures to try: the claim's own, else the other side's first, then the speaker's own
    side's (official statistics are independent of a politician), then figures with no reporting country."""
    if claim.reporter is not None:
        return [claim.reporter]
    other = [c for c in (Country.AZ, Country.KZ) if c is not speaker_country]
    own = [c for c in (Country.KZ, Country.AZ) if c is speaker_country]
    return [*other, *own, None]


def check(ds: Dataset, st: Statement, known_by: PartialDate | None) -> Verdict:
    """See :meth:`Dataset.check <kzaz_relations.Dataset.check>`: one verdict, limited to ``known_by`` if given."""
    claim = st.claim
    if claim is None:
        return Verdict(st, VerdictStatus.NOT_CHECKABLE, None, "the statement has no machine-checkable claim")
    own_sources = {c.source for c in st.citations}
    speakers = {st.speaker, *st.co_speakers}

    def independent(o: Observation) -> bool:
        return o.reported_by not in speakers and not {c.source for c in o.citations} <= own_sources

    full_year = all(p.is_full_year for p in claim.periods)
    official: list[tuple[str, list[Observation], Country | None]] = []
    other: list[tuple[str, list[Observation], Country | None]] = []
    every: list[Observation] = []
    for reporter in _reporter_order(claim, st.speaker_country):
        candidates = observations_for(
            ds, claim.indicator, reporter=reporter, direction=claim.direction, full_year=full_year, known_by=known_by
        )
        every.extend(candidates)
        free = [o for o in candidates if independent(o)]
        side = f"{reporter.value} " if reporter is not None else ""
        official.append((f"official {side}figures", [o for o in free if o.reporter_kind in OFFICIAL_KINDS], reporter))
        other.append((f"other independent {side}figures", free, reporter))
    # Official figures of any side come before unofficial ones of any side.
    attempts = official + other
    if claim.comparison is Comparison.TARGET:
        return _check_target(ds, st, claim, attempts, known_by)
    for label, observations, reporter in attempts:
        s = Series(claim.indicator, observations, direction=claim.direction, reporter=reporter)
        try:
            computed, used = computed_figure(claim, s)
        except (MissingValueError, ZeroDivisionError):
            continue
        status = VerdictStatus.CONSISTENT if accepts(claim, computed) else VerdictStatus.INCONSISTENT
        reason = (
            f"{claim.comparison.value} from {label}: {computed.quantize(Decimal('0.001'))} vs stated "
            f"{claim.qualifier.value} {claim.stated} (tolerance {claim.tolerance})"
        )
        return Verdict(st, status, computed, reason, used, known_by)
    have = {o.period for o in every if independent(o)}
    missing = [p for p in claim.periods if p not in have]
    published = f" published by {known_by}" if known_by is not None else ""
    if missing:
        reason = f"no independent {claim.indicator.value} figure{published} for {', '.join(map(str, missing))}"
    else:
        periods = " and ".join(map(str, claim.periods))
        reason = f"no one reporter's independent {claim.indicator.value} figures{published} cover {periods}"
    own_figure = _own_figure(claim, [o for o in every if not independent(o)])
    if own_figure is not None:
        reason += f"; the speaker's own figures give {own_figure.quantize(Decimal('0.001'))}"
    return Verdict(st, VerdictStatus.NOT_CHECKABLE, None, reason, (), known_by)


def _own_figure(claim: Claim, observations: list[Observation]) -> Decimal | None:
    for reporter in sorted({o.reporter for o in observations}, key=lambda r: "" if r is None else r.value):
        s = Series(claim.indicator, [o for o in observations if o.reporter is reporter])
        try:
            return computed_figure(claim, s)[0]
        except (MissingValueError, ZeroDivisionError):
            continue
    return None


def _check_target(
    ds: Dataset,
    st: Statement,
    claim: Claim,
    attempts: list[tuple[str, list[Observation], Country | None]],
    known_by: PartialDate | None,
) -> Verdict:
    """A pledge: met, missed or pending, from the first kind of independent figures that has any for the window.

    The window is every period that ends after the statement was made and no later than
    the target period. The evaluation day is ``known_by`` or, by default, the dataset's
    release date: the target period is over when it ended before that day.
    """
    target = claim.periods[0]
    today = known_by or ds.info.released
    over = target.latest < today.earliest
    threshold = claim.stated if claim.qualifier is Qualifier.OVER else claim.stated * (1 - claim.tolerance)
    for label, observations, reporter in attempts:
        s = Series(claim.indicator, observations, direction=claim.direction, reporter=reporter)
        if s.unit is None or not s:
            continue
        unit = claim.unit or s.unit

        def value(p: SeriesPoint, unit: Unit = unit, series_unit: Unit = s.unit) -> Decimal:
            return convert_value(p.value, series_unit, unit)

        window = [p for p in s if p.period.latest >= st.date.earliest and p.period.latest <= target.latest]
        reached = [p for p in window if value(p) >= threshold]
        if reached:
            p = reached[0]
            reason = (
                f"target {claim.stated} {unit.value} by {target} met in {p.period} ({value(p)}) from {label}"
                f" (tolerance {claim.tolerance})"
            )
            return Verdict(st, VerdictStatus.MET, value(p), reason, (p.observation,), known_by)
        if over:
            final = next((p for p in window if p.period == target), None)
            if final is None:
                continue
            best = max(window, key=value)
            reason = (
                f"target {claim.stated} {unit.value} by {target} missed: {target} was {value(final)} from {label},"
                f" the best since the statement {value(best)} ({best.period})"
            )
            return Verdict(st, VerdictStatus.MISSED, value(best), reason, (final.observation,), known_by)
        if window:
            latest = window[-1]
            share = _CONTEXT.multiply(_CONTEXT.divide(value(latest), claim.stated), Decimal(100))
            reason = (
                f"target {claim.stated} {unit.value} by {target} pending: the latest figure, {latest.period} from"
                f" {label}, is {value(latest)} ({share.quantize(Decimal('0.1'))}% of the target)"
            )
            return Verdict(st, VerdictStatus.PENDING, value(latest), reason, (latest.observation,), known_by)
    if not over:
        reason = f"target {claim.stated} by {target} pending: no independent figure since the statement yet"
        return Verdict(st, VerdictStatus.PENDING, None, reason, (), known_by)
    reason = f"target period {target} is over but no independent {claim.indicator.value} figure decides it"
    return Verdict(st, VerdictStatus.NOT_CHECKABLE, None, reason, (), known_by)
