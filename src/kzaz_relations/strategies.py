"""Hypothesis strategies for every model class, and for whole datasets.

Needs the ``hypothesis`` extra (``pip install 'kzaz_relations[hypothesis]'``); the rest
of the package never imports this module. Use it to test your own tools on valid,
varied records::

    from hypothesis import given
    from kzaz_relations import strategies as kzst

    @given(kzst.agreements())
    def test_my_exporter(agreement): ...

The generated values include month- and year-precision dates, 29 February,
non-ASCII text in Kazakh and Azerbaijani (Latin and Cyrillic), and very large and tiny
decimals. :func:`datasets` builds small datasets whose references all resolve, which
pass the integrity check of :func:`kzaz_relations.load`.

With the hypothesis plug-in registered by the package's entry point,
``st.from_type(kzaz_relations.Agreement)`` uses these strategies too.
"""

from __future__ import annotations

import calendar
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from .dataset import TABLES, Dataset
from .model import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Citation,
    Claim,
    CoChair,
    Comparison,
    Council,
    CouncilKind,
    CouncilMeeting,
    Country,
    DatasetInfo,
    Direction,
    Event,
    EventKind,
    Indicator,
    Level,
    Milestone,
    Observation,
    ObservationStatus,
    PartialDate,
    Period,
    Project,
    ProjectStatus,
    Qualifier,
    Rank,
    ReporterKind,
    Sector,
    Source,
    SourceKind,
    Statement,
    Unit,
    Visit,
    VisitKind,
)

__all__ = [
    "STRATEGIES",
    "agreements",
    "citations",
    "claims",
    "co_chairs",
    "council_meetings",
    "councils",
    "dataset_infos",
    "datasets",
    "decimals",
    "events",
    "ids",
    "milestones",
    "observations",
    "partial_dates",
    "periods",
    "projects",
    "sources",
    "statements",
    "texts",
    "visits",
]

_LETTERS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "ƏəĞğIıİiÖöŞşÜüÇç"  # Azerbaijani Latin
    "АаӘәБбВвГгҒғДдЕеЁёЖжЗзИиЙйКкҚқЛлМмНнҢңОоӨөПпРрСсТтУуҰұҮүФфХхҺһЦцЧчШшЩщЪъЫыІіЬьЭэЮюЯя"  # Kazakh Cyrillic
    "ÁáŃńÓóÚúÝý"  # Kazakh Latin (2021)
    "–—«»“”'’.,;:()/&-"
)


def texts(max_size: int = 60) -> st.SearchStrategy[str]:
    """Non-empty text without surrounding spaces, in English, Kazakh and Azerbaijani scripts."""
    words = st.text(alphabet=_LETTERS, min_size=1, max_size=12)
    # The alphabet has no whitespace, so the first word keeps the text non-empty after strip().
    return st.lists(words, min_size=1, max_size=max(1, max_size // 8)).map(lambda ws: " ".join(ws)[:max_size].strip())


def ids() -> st.SearchStrategy[str]:
    """Lowercase kebab-case ids."""
    part = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
    return st.lists(part, min_size=1, max_size=4).map("-".join)


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1991, max_year: int = 2026) -> PartialDate:
    """Dates at year, month or day precision, 29 February of leap years included."""
    year = draw(st.integers(min_year, max_year))
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return PartialDate(year=year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDate(year=year, month=month)
    last = calendar.monthrange(year, month)[1]
    day = draw(st.one_of(st.just(last), st.integers(1, last)))
    return PartialDate(year=year, month=month, day=day)


@st.composite
def periods(draw: st.DrawFn, min_year: int = 1991, max_year: int = 2026) -> Period:
    """Single years, months or days, and ranges between two partial dates."""
    start = draw(partial_dates(min_year, max_year))
    if draw(st.booleans()):
        return Period(start=start, end=start)
    end = draw(partial_dates(start.year, max_year))
    if end.earliest < start.earliest or end == start or end < start:
        return Period(start=start, end=start)
    return Period(start=start, end=end)


def decimals(min_value: Decimal | int | None = 0) -> st.SearchStrategy[Decimal]:
    """Finite decimals, from tiny fractions to very large numbers."""
    return st.one_of(
        st.decimals(min_value=min_value, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
        st.decimals(min_value=min_value, max_value=10**18, places=0, allow_nan=False, allow_infinity=False),
        st.decimals(min_value=min_value, max_value=1, places=20, allow_nan=False, allow_infinity=False),
    )


def _opt(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def citations(source_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Citation]:
    """Citations of the given source ids (default: any id)."""
    return st.builds(Citation, source=source_ids if source_ids is not None else ids(), supports=_opt(texts(40)))


def _cites(source_ids: st.SearchStrategy[str] | None) -> st.SearchStrategy[tuple[Citation, ...]]:
    return st.lists(citations(source_ids), min_size=1, max_size=3).map(tuple)


def _tuple_of(strategy: st.SearchStrategy[Any], max_size: int = 3) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=max_size, unique=True).map(tuple)


def _set_of(strategy: st.SearchStrategy[Any], min_size: int = 0) -> st.SearchStrategy[frozenset[Any]]:
    return st.frozensets(strategy, min_size=min_size, max_size=4)


_urls = st.builds(lambda host, path: f"https://{host}.example/{path}", ids(), ids())


def sources(id: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Source]:
    """Sources with a URL, a bibliographic reference, or both."""
    return st.one_of(
        st.builds(
            Source,
            id=id if id is not None else ids(),
            publisher=texts(30),
            title=texts(),
            kind=st.sampled_from(SourceKind),
            url=_urls,
            published=_opt(partial_dates()),
            language=st.sampled_from(("en", "ru", "kk", "az")),
            reference=_opt(texts()),
        ),
        st.builds(
            Source,
            id=id if id is not None else ids(),
            publisher=texts(30),
            title=texts(),
            kind=st.sampled_from(SourceKind),
            published=_opt(partial_dates()),
            reference=texts(),
        ),
    )


def agreements(
    source_ids: st.SearchStrategy[str] | None = None,
    visit_ids: st.SearchStrategy[str | None] | None = None,
    meeting_ids: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Agreement]:
    """Agreements citing ``source_ids`` and pointing at ``visit_ids`` / ``meeting_ids``."""
    return st.builds(
        Agreement,
        id=ids(),
        title=texts(),
        kind=st.sampled_from(AgreementKind),
        signed=partial_dates(),
        countries=_set_of(st.sampled_from(Country), min_size=1),
        sectors=_set_of(st.sampled_from(Sector)),
        citations=_cites(source_ids),
        place=_opt(texts(20)),
        parties=_tuple_of(texts(30)),
        signatories=_tuple_of(texts(30)),
        visit=visit_ids if visit_ids is not None else _opt(ids()),
        meeting=meeting_ids if meeting_ids is not None else _opt(ids()),
        status=st.sampled_from(AgreementStatus),
        other_titles=_tuple_of(texts()),
        summary=_opt(texts()),
    )


@st.composite
def co_chairs(draw: st.DrawFn) -> CoChair:
    """Co-chairs, with ``until`` never before ``since``."""
    since = draw(_opt(partial_dates()))
    until = draw(_opt(partial_dates(since.year if since else 1991)))
    if since is not None and until is not None and until.latest < since.earliest:
        until = None
    return CoChair(
        name=draw(texts(30)),
        country=draw(st.sampled_from(Country)),
        role=draw(_opt(texts(30))),
        since=since,
        until=until,
    )


def councils(
    source_ids: st.SearchStrategy[str] | None = None, agreement_ids: st.SearchStrategy[str | None] | None = None
) -> st.SearchStrategy[Council]:
    """Councils."""
    return st.builds(
        Council,
        id=ids(),
        name=texts(),
        kind=st.sampled_from(CouncilKind),
        citations=_cites(source_ids),
        established=_opt(partial_dates()),
        established_by=agreement_ids if agreement_ids is not None else _opt(ids()),
        co_chairs=st.lists(co_chairs(), max_size=3).map(tuple),
        summary=_opt(texts()),
    )


@st.composite
def _span(draw: st.DrawFn) -> tuple[PartialDate, PartialDate | None]:
    start = draw(partial_dates())
    end = draw(_opt(partial_dates(start.year)))
    if end is not None and end.latest < start.earliest:
        end = None
    return start, end


def council_meetings(
    source_ids: st.SearchStrategy[str] | None = None, council_ids: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[CouncilMeeting]:
    """Council meetings."""
    return st.builds(
        lambda span, **kw: CouncilMeeting(date=span[0], end=span[1], **kw),
        _span(),
        id=ids(),
        council=council_ids if council_ids is not None else ids(),
        citations=_cites(source_ids),
        ordinal=_opt(st.integers(1, 40)),
        place=_opt(texts(20)),
        co_chairs=_tuple_of(texts(30)),
        documents_reported=_opt(st.integers(0, 60)),
        summary=_opt(texts()),
    )


def visits(source_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Visit]:
    """Visits."""
    return st.builds(
        lambda span, **kw: Visit(start=span[0], end=span[1], **kw),
        _span(),
        id=ids(),
        visitor=texts(30),
        visitor_role=texts(30),
        level=st.sampled_from(Level),
        from_country=st.sampled_from(Country),
        to_country=st.sampled_from(Country),
        kind=st.sampled_from(VisitKind),
        citations=_cites(source_ids),
        places=_tuple_of(texts(20)),
        occasion=_opt(texts()),
        documents_reported=_opt(st.integers(0, 60)),
        summary=_opt(texts()),
    )


def milestones(source_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Milestone]:
    """Project milestones."""
    return st.builds(Milestone, date=partial_dates(), description=texts(), citations=_cites(source_ids))


def projects(
    source_ids: st.SearchStrategy[str] | None = None, agreement_ids: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Project]:
    """Projects, milestones in date order."""
    return st.builds(
        Project,
        id=ids(),
        name=texts(),
        sectors=_set_of(st.sampled_from(Sector), min_size=1),
        status=st.sampled_from(ProjectStatus),
        citations=_cites(source_ids),
        countries=_set_of(st.sampled_from(Country)),
        participants=_tuple_of(texts(30)),
        agreements=_tuple_of(agreement_ids if agreement_ids is not None else ids()),
        milestones=st.lists(milestones(source_ids), max_size=4).map(lambda ms: tuple(sorted(ms, key=lambda m: m.date))),
        summary=_opt(texts()),
    )


_UNIT_FOR = {
    Indicator.TRADE_TURNOVER: (Unit.USD_MILLION, Unit.USD_THOUSAND, Unit.USD_BILLION),
    Indicator.TRADE_EXPORTS: (Unit.USD_MILLION, Unit.USD),
    Indicator.TRANSIT_CARGO: (Unit.TONNES, Unit.MILLION_TONNES),
    Indicator.TRANSIT_CONTAINERS: (Unit.TEU,),
    Indicator.OTHER: (Unit.PERCENT, Unit.KM, Unit.COUNT),
}


@st.composite
def observations(
    draw: st.DrawFn,
    source_ids: st.SearchStrategy[str] | None = None,
    project_ids: st.SearchStrategy[str | None] | None = None,
) -> Observation:
    """Observations whose unit fits their indicator, published no earlier than their period starts."""
    indicator = draw(st.sampled_from(sorted(_UNIT_FOR)))
    period = draw(periods())
    published = draw(_opt(partial_dates(period.end.year, 2026)))
    if published is not None and published.latest < period.earliest:
        published = None
    return Observation(
        id=draw(ids()),
        indicator=indicator,
        period=period,
        value=draw(decimals()),
        unit=draw(st.sampled_from(_UNIT_FOR[indicator])),
        reporter_kind=draw(st.sampled_from(ReporterKind)),
        citations=draw(_cites(source_ids)),
        direction=draw(st.sampled_from(Direction)),
        reporter=draw(_opt(st.sampled_from(Country))),
        reported_by=draw(_opt(texts(30))),
        qualifier=draw(st.sampled_from(Qualifier)),
        rank=draw(st.sampled_from(Rank)),
        status=draw(st.sampled_from(ObservationStatus)),
        published=published,
        project=draw(project_ids if project_ids is not None else _opt(ids())),
        note=draw(_opt(texts())),
    )


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    """Claims with the right number of periods for their comparison."""
    comparison = draw(st.sampled_from(Comparison))
    n = 1 if comparison is Comparison.VALUE else 2
    return Claim(
        indicator=draw(st.sampled_from(Indicator)),
        comparison=comparison,
        periods=tuple(draw(st.lists(periods(), min_size=n, max_size=n))),
        stated=draw(decimals(min_value=None)),
        unit=draw(_opt(st.sampled_from(Unit))),
        qualifier=draw(st.sampled_from(Qualifier)),
        tolerance=draw(st.decimals(min_value=0, max_value=1, places=3)),
        direction=draw(st.sampled_from(Direction)),
        reporter=draw(_opt(st.sampled_from(Country))),
    )


def statements(
    source_ids: st.SearchStrategy[str] | None = None,
    visit_ids: st.SearchStrategy[str | None] | None = None,
    meeting_ids: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Statement]:
    """Statements, some with a claim."""
    return st.builds(
        Statement,
        id=ids(),
        speaker=texts(30),
        date=partial_dates(),
        summary=texts(),
        citations=_cites(source_ids),
        speaker_country=_opt(st.sampled_from(Country)),
        sectors=_set_of(st.sampled_from(Sector)),
        claim=_opt(claims()),
        visit=visit_ids if visit_ids is not None else _opt(ids()),
        meeting=meeting_ids if meeting_ids is not None else _opt(ids()),
    )


def events(source_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Event]:
    """Events."""
    return st.builds(
        Event,
        id=ids(),
        kind=st.sampled_from(EventKind),
        date=partial_dates(),
        title=texts(),
        citations=_cites(source_ids),
        place=_opt(texts(20)),
        countries=_set_of(st.sampled_from(Country)),
        summary=_opt(texts()),
    )


def dataset_infos() -> st.SearchStrategy[DatasetInfo]:
    """Dataset metadata covering 1991 to the end of 2026."""
    return st.builds(
        DatasetInfo,
        title=texts(),
        version=st.from_regex(r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,2}", fullmatch=True),
        released=partial_dates(2026, 2026),
        coverage=st.just(Period.parse("1991/2026")),
        licence=st.just("CC-BY-4.0"),
        licence_url=st.just("https://creativecommons.org/licenses/by/4.0/"),
        citation=texts(),
        description=texts(),
        gaps=_tuple_of(texts()),
    )


def _unique(items: list[Any]) -> list[Any]:
    seen: dict[str, Any] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return list(seen.values())


@st.composite
def datasets(draw: st.DrawFn, max_records: int = 6) -> Dataset:
    """Small datasets whose ids are unique, references resolve and every source is cited.

    They pass the integrity check that :func:`kzaz_relations.load` runs.
    """
    srcs = _unique(draw(st.lists(sources(), min_size=1, max_size=max_records)))
    sid = st.sampled_from([s.id for s in srcs])
    visit_list = _unique(draw(st.lists(visits(sid), max_size=max_records)))
    council_list = _unique(draw(st.lists(councils(sid, agreement_ids=st.none()), max_size=3)))
    council_id = st.sampled_from([c.id for c in council_list]) if council_list else None
    meeting_list = (
        _unique(draw(st.lists(council_meetings(sid, council_id), max_size=max_records)))
        if council_id is not None
        else []
    )

    def ref(items: list[Any]) -> st.SearchStrategy[str | None]:
        return (st.none() | st.sampled_from([x.id for x in items])) if items else st.none()

    agreement_list = _unique(draw(st.lists(agreements(sid, st.none(), st.none()), max_size=max_records)))
    # An agreement tied to a visit or meeting must be signed within its dates: tie some on purpose.
    tied = []
    for a in agreement_list:
        host = draw(st.sampled_from([None, *visit_list, *meeting_list]))
        if isinstance(host, Visit):
            a = _evolve(a, signed=host.start, visit=host.id)
        elif isinstance(host, CouncilMeeting):
            a = _evolve(a, signed=host.date, meeting=host.id)
        tied.append(a)
    agreement_id = st.sampled_from([a.id for a in tied]) if tied else None
    project_list = _unique(
        draw(
            st.lists(
                projects(sid, agreement_id)
                if agreement_id is not None
                else projects(sid).map(lambda p: _evolve(p, agreements=())),
                max_size=3,
            )
        )
    )
    observation_list = _unique(draw(st.lists(observations(sid, ref(project_list)), max_size=max_records)))
    statement_list = _unique(draw(st.lists(statements(sid, ref(visit_list), ref(meeting_list)), max_size=max_records)))
    event_list = _unique(draw(st.lists(events(sid), max_size=max_records)))
    tables: dict[str, list[Any]] = {
        "agreements": tied,
        "councils": council_list,
        "meetings": meeting_list,
        "visits": visit_list,
        "projects": project_list,
        "observations": observation_list,
        "statements": statement_list,
        "events": event_list,
    }
    cited = {c.source for rows in tables.values() for r in rows for c in _all_citations(r)}
    tables["sources"] = [s for s in srcs if s.id in cited]
    assert set(tables) == set(TABLES)
    return Dataset(draw(dataset_infos()), **tables)


def _evolve(record: Any, **changes: Any) -> Any:
    import attrs

    return attrs.evolve(record, **changes)


def _all_citations(record: Any) -> list[Citation]:
    from .dataset import _citations

    return list(_citations(record))


STRATEGIES: dict[type[Any], st.SearchStrategy[Any]] = {
    PartialDate: partial_dates(),
    Period: periods(),
    Citation: citations(),
    Source: sources(),
    Agreement: agreements(),
    CoChair: co_chairs(),
    Council: councils(),
    CouncilMeeting: council_meetings(),
    Visit: visits(),
    Milestone: milestones(),
    Project: projects(),
    Observation: observations(),
    Claim: claims(),
    Statement: statements(),
    Event: events(),
    DatasetInfo: dataset_infos(),
    Dataset: datasets(),
}
"The strategy for each class, as registered with :func:`hypothesis.strategies.register_type_strategy`."
