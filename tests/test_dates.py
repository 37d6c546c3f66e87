from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzaz_relations import PartialDate, Period, Precision
from kzaz_relations.strategies import partial_dates, periods


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2022", Precision.YEAR, "2022-01-01", "2022-12-31"),
        ("2022-08", Precision.MONTH, "2022-08-01", "2022-08-31"),
        ("2024-02", Precision.MONTH, "2024-02-01", "2024-02-29"),
        ("2023-02", Precision.MONTH, "2023-02-01", "2023-02-28"),
        ("2024-02-29", Precision.DAY, "2024-02-29", "2024-02-29"),
    ],
)
def test_parse_bounds(text: str, precision: Precision, earliest: str, latest: str) -> None:
    d = PartialDate.parse(text)
    assert d.precision is precision
    assert d.earliest == dt.date.fromisoformat(earliest)
    assert d.latest == dt.date.fromisoformat(latest)
    assert d.isoformat() == text


@pytest.mark.parametrize(
    "text",
    ["2023-02-29", "2024-13", "2024-00", "2024-01-32", "20240501", "24", "2024-1", "2024/01", " 2024", "", "２０２４"],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="invalid date"):
        PartialDate.parse(text)


def test_day_needs_month() -> None:
    with pytest.raises(ValueError, match="needs a month"):
        PartialDate(year=2020, day=3)


def test_total_order_puts_coarse_first() -> None:
    dates = [PartialDate.parse(t) for t in ["2022-01-01", "2022", "2021-12-31", "2022-01", "2023"]]
    assert [str(d) for d in sorted(dates)] == ["2021-12-31", "2022", "2022-01", "2022-01-01", "2023"]


def test_interval_comparisons() -> None:
    month = PartialDate.parse("2022-08")
    assert month.certainly_before(PartialDate.parse("2022-09"))
    assert not month.certainly_before(PartialDate.parse("2022-08-31"))
    assert month.possibly_before(PartialDate.parse("2022-08-31"))
    assert not month.possibly_before(PartialDate.parse("2022-08-01"))
    assert month.possibly_within(PartialDate.parse("2022-08-31"), None)
    assert not month.certainly_within(PartialDate.parse("2022-08-31"), None)
    assert month.certainly_within(PartialDate.parse("2022"), PartialDate.parse("2022"))


def test_of_coerces() -> None:
    assert PartialDate.of(dt.date(2024, 3, 11)) == PartialDate.parse("2024-03-11")
    assert PartialDate.of(1992) == PartialDate(year=1992)
    with pytest.raises(TypeError):
        PartialDate.of(True)  # type: ignore[arg-type]


def test_period_parse() -> None:
    p = Period.parse("2023-01/2023-09")
    assert (p.months, p.is_full_year) == (9, False)
    assert Period.parse("2022").is_full_year
    assert Period.parse("2022-01/2022-12").is_full_year
    assert str(Period.parse("2022-01/2022-12")) == "2022-01/2022-12"
    for bad in ["2023-09/2023-01", "2022/2022", "2022/", "/2022"]:
        with pytest.raises(ValueError):  # noqa: PT011
            Period.parse(bad)


@given(partial_dates())
def test_partial_date_text_round_trip(d: PartialDate) -> None:
    assert PartialDate.parse(d.isoformat()) == d
    assert d.earliest <= d.latest
    assert d.certainly_within(d, d)


@given(partial_dates(), partial_dates())
def test_order_is_total_and_consistent(a: PartialDate, b: PartialDate) -> None:
    assert (a < b) + (a == b) + (a > b) == 1
    if a.certainly_before(b):
        assert a < b
        assert a.possibly_before(b)
    if a < b:
        assert a.earliest <= b.earliest


@given(periods())
def test_period_round_trip(p: Period) -> None:
    assert Period.parse(p.isoformat()) == p
    assert p.earliest <= p.latest
    assert p.months >= 1


@given(st.dates(min_value=dt.date(1, 1, 1)))
def test_day_dates_match_datetime(day: dt.date) -> None:
    d = PartialDate.of(day)
    assert d.earliest == d.latest == day


def test_calendar_days_without_datetime_imported_first() -> None:
    # datetime is imported on first use; a fresh process sees the same days as this one
    import subprocess
    import sys

    code = (
        "import sys; from kzaz_relations.model.dates import PartialDate; "
        "assert 'datetime' not in sys.modules; d = PartialDate.parse('2024-02'); "
        "print(d.earliest.isoformat(), d.latest.isoformat(), 'datetime' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["2024-02-01", "2024-02-29", "True"]
