"""Query helpers: properties on generated datasets, real questions on the packaged data."""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import kzaz_relations as kz
from kzaz_relations._integrity import check
from kzaz_relations.series import Series
from kzaz_relations.strategies import datasets, decimals, partial_dates
from kzaz_relations.table import record_date


@pytest.fixture(scope="module")
def ds() -> kz.Dataset:
    return kz.load()


# --- properties on generated datasets ----------------------------------------------

TABLE_NAMES = list(kz.TABLES)


@given(datasets(), st.sampled_from(TABLE_NAMES), st.integers(0, 2**16))
def test_where_partitions(d: kz.Dataset, name: str, salt: int) -> None:
    table = d.table(name)

    def p(r: Any) -> bool:
        return hash((r.id, salt)) % 2 == 0

    yes, no = table.where(p), table.where(lambda r: not p(r))
    assert len(yes) + len(no) == len(table)
    assert set(yes.ids) | set(no.ids) == set(table.ids)
    assert not set(yes.ids) & set(no.ids)


@given(datasets(), partial_dates(), partial_dates(), st.sampled_from(list(kz.Sector)))
def test_chained_where_is_conjunction(d: kz.Dataset, a: kz.PartialDate, b: kz.PartialDate, sector: kz.Sector) -> None:
    lo, hi = min(a, b), max(a, b)
    chained = d.agreements.where(sector=sector).where(signed_between=(lo, hi))
    both = d.agreements.where(sector=sector, signed_between=(lo, hi))
    by_hand = [x for x in d.agreements if sector in x.sectors and x.signed.certainly_within(lo, hi)]
    assert list(chained) == list(both) == by_hand
    possibly = d.agreements.where(signed_possibly_between=(lo, hi))
    assert set(both.ids) <= set(possibly.ids)


@given(datasets())
def test_ids_round_trip_through_getitem(d: kz.Dataset) -> None:
    for _, table in d.tables():
        assert list(table) == sorted(table, key=lambda r: r.id)
        for r in table:
            assert table[r.id] is r
            assert table.get(r.id) is r
        assert table.get("no-such-id-here") is None


@given(datasets(), st.none() | partial_dates(), st.none() | partial_dates(), st.booleans())
def test_timeline_sorted_complete_bounded(
    d: kz.Dataset, start: kz.PartialDate | None, end: kz.PartialDate | None, certain: bool
) -> None:
    everything = d.timeline()
    keys = [(e.date, e.kind, e.record.id) for e in everything]
    assert [e.date for e in everything] == sorted(e.date for e in everything)
    dated = {(type(r).__name__, r.id) for _, t in d.tables() for r in t if record_date(r) is not None}
    dated -= {("Source", s.id) for s in d.sources} | {("Observation", o.id) for o in d.observations}
    dated -= {("Project", p.id) for p in d.projects}
    assert dated <= {(type(e.record).__name__, e.record.id) for e in everything}
    milestones = sum(len(p.milestones) for p in d.projects)
    assert sum(1 for e in everything if e.kind == "milestone") == milestones
    assert len(set(keys)) <= len(keys)
    window = d.timeline(start, end, certain=certain)
    for e in window:
        if certain:
            assert e.date.certainly_within(start, end)
        else:
            assert e.date.possibly_within(start, end)
    inside = [e for e in everything if (e.date.certainly_within if certain else e.date.possibly_within)(start, end)]
    assert list(window) == inside


def _ids(d: kz.Dataset) -> set[tuple[str, str]]:
    return {(name, r.id) for name, t in d.tables() for r in t}


@given(datasets(), partial_dates(), partial_dates())
def test_as_of_is_monotonic(d: kz.Dataset, a: kz.PartialDate, b: kz.PartialDate) -> None:
    d1, d2 = min(a, b), max(a, b)
    assume(d1.latest <= d2.latest)
    early, late = d.as_of(d1), d.as_of(d2)
    assert _ids(early) <= _ids(late)
    assert check({name: list(t) for name, t in early.tables()}, early.info) == []
    for p in early.projects:
        assert len(p.milestones) <= len(late.projects[p.id].milestones)
    assert d.as_of("2100") == d


@st.composite
def series_values(draw: st.DrawFn) -> tuple[Series, list[int]]:
    years = sorted(draw(st.lists(st.integers(1995, 2025), min_size=3, max_size=6, unique=True)))
    observations = [
        kz.Observation(
            id=f"o-{y}",
            indicator=kz.Indicator.TRADE_TURNOVER,
            period=kz.Period.of(y),
            value=draw(decimals().filter(lambda v: v > 0)),
            unit=kz.Unit.USD_MILLION,
            reporter_kind=kz.ReporterKind.STATISTICS,
            reporter=kz.Country.KZ,
            citations=(kz.Citation(source="s"),),
        )
        for y in years
    ]
    return Series(kz.Indicator.TRADE_TURNOVER, observations), years


@given(series_values())
def test_change_composes_and_cagr_agrees(sv: tuple[Series, list[int]]) -> None:
    s, years = sv
    a, b, c = years[0], years[1], years[-1]
    with localcontext() as ctx:
        ctx.prec = 50
        product = s.change(a, b) * s.change(b, c)
        assert abs(product - s.change(a, c)) <= abs(s.change(a, c)) * Decimal("1e-40")
        growth = s.cagr(a, c)
        assert abs((1 + growth) ** (c - a) - s.change(a, c)) <= abs(s.change(a, c)) * Decimal("1e-30")
        for period, g in s.yoy():
            expected = s.value(period) / s.value(period.start.year - 1) - 1
            assert abs(g - expected) <= Decimal("1e-40") * max(1, abs(expected))


def test_series_never_interpolates() -> None:
    s = Series(kz.Indicator.TRADE_TURNOVER, [])
    with pytest.raises(kz.MissingValueError):
        s.value(2020)
    assert s.get(2020) is None


def test_unknown_filter_lists_valid_ones(ds: kz.Dataset) -> None:
    with pytest.raises(TypeError, match="valid filters: between, ") as info:
        ds.visits.where(colour="red")
    assert "to_country" in str(info.value)


def test_missing_id_names_closest(ds: kz.Dataset) -> None:
    with pytest.raises(KeyError, match="closest: supreme-interstate-council"):
        ds.councils["supreme-interstate-councl"]


# --- real questions on the packaged data ---------------------------------------------


def test_documents_signed_in_baku_on_11_march_2024(ds: kz.Dataset) -> None:
    docs = ds.agreements.where(signed_between=("2024-03-11", "2024-03-11"))
    assert len(docs) >= 8
    assert {a.visit for a in docs} == {"tokayev-state-visit-azerbaijan-2024-03"}
    visit = ds.visits["tokayev-state-visit-azerbaijan-2024-03"]
    assert set(docs.ids) <= {r.id for r in ds.related(visit)}
    assert visit.documents_reported is not None and visit.documents_reported >= len(docs)


def test_councils_active_at_end_of_2023(ds: kz.Dataset) -> None:
    then = ds.as_of("2023-12-31")
    kinds = {c.kind for c in then.councils if c.established is not None}
    assert kz.CouncilKind.INTERGOVERNMENTAL_COMMISSION in kinds
    sic = then.councils.get("supreme-interstate-council")
    assert sic is not None and str(sic.established) <= "2023-12-31"
    assert not then.meetings.where(council="supreme-interstate-council")


def test_kazakh_turnover_2020_to_2023(ds: kz.Dataset) -> None:
    s = ds.series("trade.turnover", reporter=kz.Country.KZ)
    assert s.value(2023) == Decimal("529.4")
    assert s.point(2023).observation.reporter_kind is kz.ReporterKind.STATISTICS
    assert s.value(2020) == Decimal("109")
    assert round(s.change(2020, 2023), 2) == Decimal("4.86")
    assert Decimal("0.69") < s.cagr(2020, 2023) < Decimal("0.70")


def test_interview_claim_verdict(ds: kz.Dataset) -> None:
    v = ds.check("tokayev-interview-2024-trade-growth")
    # The only 2020 figure is the president's own: it may not confirm his own claim.
    assert v.status is kz.VerdictStatus.NOT_CHECKABLE
    assert v.computed is None
    assert "no independent trade.turnover figure for 2020" in v.reason
    assert "own figures give 4.853" in v.reason


def test_claim_checked_against_independent_figures(ds: kz.Dataset) -> None:
    v = ds.check("press-statements-astana-2025-10-21")
    assert v.status is kz.VerdictStatus.CONSISTENT
    assert v.computed is not None and Decimal(61) < v.computed < Decimal(63)
    speaker = v.statement.speaker
    assert all(o.reported_by != speaker for o in v.observations)
    assert all(x.status is not None for x in ds.check_statements())


def test_search_is_case_and_accent_insensitive(ds: kz.Dataset) -> None:
    plain = [h.record.id for h in ds.search("fibre optic")]
    assert plain == [h.record.id for h in ds.search("FIBER OPTIC")]
    assert any(h.record.id == "proj-trans-caspian-focl" for h in ds.search("fibre optic", limit=10))
    assert [h.record.id for h in ds.search("Şuşa")] == [h.record.id for h in ds.search("Shusha")]
    assert [h.record.id for h in ds.search("Шуша")] == [h.record.id for h in ds.search("shusha")]
    assert ds.search("") == ()


def test_sources_of_and_related(ds: kz.Dataset) -> None:
    decl = ds.agreements["declaration-strategic-relations-allied-interaction-2022"]
    assert {c.source for c in decl.citations} == {s.id for s in ds.sources_of(decl)}
    assert ds.visits["visit-tokayev-baku-2022-08-24"] in ds.related(decl)
    assert decl in ds.related(ds.visits["visit-tokayev-baku-2022-08-24"])
