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
import enum
import functools
import random
from decimal import Decimal
from typing import Any, get_args, get_origin

import attrs
from hypothesis import strategies as st

from ._integrity import _UNITS_OF, DATE_ORDER
from .dataset import TABLES, Dataset
from .model import (
    DATA_FORMAT,
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
    MonolingualText,
    Observation,
    ObservationStatus,
    Office,
    Organization,
    OrganizationKind,
    PartialDate,
    Period,
    Person,
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
    citations_of,
    references,
)
from .model._base import REF_KEY, unwrap_optional

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
    "monolingual_texts",
    "observations",
    "offices",
    "organizations",
    "partial_dates",
    "people",
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


@functools.cache
def texts(max_size: int = 60) -> st.SearchStrategy[str]:
    """Non-empty text without surrounding spaces, in English, Kazakh and Azerbaijani scripts."""
    words = st.text(alphabet=_LETTERS, min_size=1, max_size=12)
    # The alphabet has no whitespace, so the first word keeps the text non-empty after strip().
    return st.lists(words, min_size=1, max_size=max(1, max_size // 8)).map(lambda ws: " ".join(ws)[:max_size].strip())


@functools.cache
def ids() -> st.SearchStrategy[str]:
    """Lowercase kebab-case ids."""
    part = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
    return st.lists(part, min_size=1, max_size=4).map("-".join)


@functools.cache
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


@functools.cache
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


@functools.cache
def decimals(min_value: Decimal | int | None = 0) -> st.SearchStrategy[Decimal]:
    """Finite decimals, from tiny fractions to very large numbers."""
    return st.one_of(
        st.decimals(min_value=min_value, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
        st.decimals(min_value=min_value, max_value=10**18, places=0, allow_nan=False, allow_infinity=False),
        st.decimals(min_value=min_value, max_value=1, places=20, allow_nan=False, allow_infinity=False),
    )


@functools.cache
def _opt(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@functools.cache
def citations(source_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Citation]:
    """Citations of the given source ids (default: any id)."""
    return st.builds(Citation, source=source_ids if source_ids is not None else ids(), supports=_opt(texts(40)))


@functools.cache
def _cites(source_ids: st.SearchStrategy[str] | None) -> st.SearchStrategy[tuple[Citation, ...]]:
    return st.lists(citations(source_ids), min_size=1, max_size=3, unique_by=lambda c: c.source).map(tuple)


@functools.cache
def _tuple_of(strategy: st.SearchStrategy[Any], max_size: int = 3) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=max_size, unique=True).map(tuple)


@functools.cache
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
        titles=_tuple_of(monolingual_texts().filter(lambda t: t.language != "en")),
        parties=_tuple_of(ids()),
        signatories=_tuple_of(ids()),
        visit=visit_ids if visit_ids is not None else _opt(ids()),
        meeting=meeting_ids if meeting_ids is not None else _opt(ids()),
        status=st.sampled_from(AgreementStatus),
        summary=_opt(texts()),
    ).flatmap(_later_stages)


def _later_stages(a: Agreement) -> st.SearchStrategy[Agreement]:
    """Ratification and entry into force, never before the signing."""

    def after(d: PartialDate | None) -> PartialDate | None:
        return d if d is not None and d.latest >= a.signed.earliest else None

    later = _opt(partial_dates(a.signed.year, 2026))
    return st.tuples(later, later).map(lambda ds: _evolve(a, ratified=after(ds[0]), in_force=after(ds[1])))


@st.composite
def co_chairs(draw: st.DrawFn) -> CoChair:
    """Co-chairs, with ``until`` never before ``since``."""
    since = draw(_opt(partial_dates()))
    until = draw(_opt(partial_dates(since.year if since else 1991)))
    if since is not None and until is not None and until.latest < since.earliest:
        until = None
    return CoChair(
        person=draw(ids()),
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
        co_chairs=_tuple_of(ids()),
        documents_reported=_opt(st.integers(0, 60)),
        summary=_opt(texts()),
    )


def visits(source_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Visit]:
    """Visits."""
    return st.builds(
        lambda span, **kw: Visit(start=span[0], end=span[1], **kw),
        _span(),
        id=ids(),
        visitor=ids(),
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
        participants=_tuple_of(ids()),
        agreements=_tuple_of(agreement_ids if agreement_ids is not None else ids()),
        milestones=st.lists(milestones(source_ids), max_size=4).map(lambda ms: tuple(sorted(ms, key=lambda m: m.date))),
        summary=_opt(texts()),
    )


_UNIT_FOR: dict[Indicator, tuple[Unit, ...]] = {
    indicator: tuple(sorted(_UNITS_OF.get(indicator, set(Unit)), key=lambda u: u.value)) for indicator in Indicator
}
"Every indicator with the units the integrity check accepts for it (any unit where it names none)."
_INDICATORS = st.sampled_from(sorted(_UNIT_FOR))


@st.composite
def observations(
    draw: st.DrawFn,
    source_ids: st.SearchStrategy[str] | None = None,
    project_ids: st.SearchStrategy[str | None] | None = None,
) -> Observation:
    """Observations whose unit fits their indicator, published no earlier than their period starts."""
    indicator = draw(_INDICATORS)
    period = draw(periods())
    published = draw(_opt(partial_dates(period.end.year, 2026)))
    if published is not None and published.latest < period.earliest:
        published = None
    qualifier = draw(st.sampled_from(Qualifier))
    statuses = [s for s in ObservationStatus if s is not ObservationStatus.FINAL or not qualifier.approximate]
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
        reported_by=draw(_opt(ids())),
        qualifier=qualifier,
        rank=draw(st.sampled_from(Rank)),
        status=draw(st.sampled_from(statuses)),
        published=published,
        project=draw(project_ids if project_ids is not None else _opt(ids())),
        note=draw(_opt(texts())),
    )


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    """Claims with the right number of periods for their comparison."""
    comparison = draw(st.sampled_from(Comparison))
    n = 1 if comparison in (Comparison.VALUE, Comparison.TARGET) else 2
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
        speaker=ids(),
        date=partial_dates(),
        summary=texts(),
        citations=_cites(source_ids),
        speaker_country=_opt(st.sampled_from(Country)),
        sectors=_set_of(st.sampled_from(Sector)),
        claim=_opt(claims()),
        co_speakers=_tuple_of(ids(), max_size=2),
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
        participants=_tuple_of(ids(), max_size=2),
        summary=_opt(texts()),
    )


@functools.cache
def monolingual_texts() -> st.SearchStrategy[MonolingualText]:
    """Titles and names tagged with a language code.

    Example:
        >>> from hypothesis import find
        >>> find(monolingual_texts(), lambda t: t.language == "kk").language
        'kk'
    """
    return st.builds(MonolingualText, text=texts(), language=st.sampled_from(("en", "ru", "kk", "az", "tr")))


@st.composite
def offices(draw: st.DrawFn, source_ids: st.SearchStrategy[str] | None = None) -> Office:
    """Offices, with ``until`` never before ``since``.

    Example:
        >>> from hypothesis import find
        >>> o = find(offices(), lambda o: o.since is not None and o.until is not None)
        >>> o.until.latest >= o.since.earliest
        True
    """
    since = draw(_opt(partial_dates()))
    until = draw(_opt(partial_dates(since.year if since else 1991)))
    if since is not None and until is not None and until.latest < since.earliest:
        until = None
    return Office(
        title=draw(texts(40)),
        citations=draw(_cites(source_ids)),
        organization=draw(_opt(ids())),
        country=draw(_opt(st.sampled_from(Country))),
        since=since,
        until=until,
        attested=draw(_opt(partial_dates())),
    )


def people(source_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Person]:
    """People with names in several languages and dated offices.

    Example:
        >>> from hypothesis import find, strategies as st
        >>> p = find(people(st.just("src-a")), lambda p: len(p.offices) == 2)
        >>> len(p.offices), {c.source for c in p.citations}
        (2, {'src-a'})
    """
    return st.builds(
        Person,
        id=ids(),
        name=texts(30),
        citations=_cites(source_ids),
        names=_tuple_of(monolingual_texts()),
        country=_opt(st.sampled_from(Country)),
        offices=st.lists(offices(source_ids), max_size=2).map(tuple),
        summary=_opt(texts()),
    )


def organizations(source_ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Organization]:
    """Organisations of every kind.

    Example:
        >>> from hypothesis import find
        >>> find(organizations(), lambda o: o.kind is OrganizationKind.MINISTRY).kind.value
        'ministry'
    """
    return st.builds(
        Organization,
        id=ids(),
        name=texts(30),
        kind=st.sampled_from(OrganizationKind),
        citations=_cites(source_ids),
        names=_tuple_of(monolingual_texts()),
        country=_opt(st.sampled_from(Country)),
        parent=_opt(ids()),
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
        format=st.just(DATA_FORMAT),
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

    They pass the integrity check that :func:`kzaz_relations.load` runs. Hypothesis draws
    the shape (how many records each table has) and a seed; the records are then built from
    the model's field types by a seeded generator, which is many times faster than drawing
    every field (the per-class strategies above give the field-level variety). Every
    reference the model declares is pointed at a record that exists, so a new reference in
    the model needs no change here.
    """
    sizes = {name: draw(st.integers(0, max_records), label=f"{name} count") for name in TABLES}
    sizes["sources"] = max(1, sizes["sources"])
    sizes["people"] = max(1, sizes["people"] // 2)
    rnd = random.Random(draw(st.integers(0, 2**32 - 1), label="seed"))
    return _random_dataset(rnd, sizes)


def _random_dataset(rnd: random.Random, sizes: dict[str, int]) -> Dataset:
    gen = _Generator(rnd)
    tables: dict[str, list[Any]] = {}
    for name, cls in TABLES.items():
        if name == "meetings" and not tables["councils"]:
            tables[name] = []
            continue
        rows = [gen.record(cls) for _ in range(sizes[name])]
        tables[name] = _unique(rows)
    source_ids = [s.id for s in tables["sources"]]
    ids_of = {name: [r.id for r in rows] for name, rows in tables.items()}
    for name, rows in tables.items():
        for ref in references(TABLES[name]):
            # One entry per id: a person and an organisation may share one.
            pool = list(dict.fromkeys(i for t in ref.targets for i in ids_of.get(t, ())))
            for n, r in enumerate(rows):
                rows[n] = _point(r, ref.path, pool, ref.many, ref.required, rnd)
        for n, r in enumerate(rows):
            if name != "sources":
                rows[n] = _recite(r, source_ids, rnd)
    # An agreement tied to a visit or meeting must be signed within its dates.
    # (Ids are unique within a table only: a visit and a meeting may share one.)
    visit_start = {v.id: v.start for v in tables["visits"]}
    meeting_date = {m.id: m.date for m in tables["meetings"]}
    for n, a in enumerate(tables["agreements"]):
        if a.visit and a.meeting:
            a = _evolve(a, meeting=None)
        day = visit_start[a.visit] if a.visit else meeting_date[a.meeting] if a.meeting else None
        if day is not None:
            a = _later_stages_fixed(_evolve(a, signed=day))
        tables["agreements"][n] = a
    cited = {c.source for rows in tables.values() for r in rows for _, c in citations_of(r)}
    tables["sources"] = [s for s in tables["sources"] if s.id in cited]
    return Dataset(gen.record(DatasetInfo), **tables)


def _recite(record: Any, source_ids: list[str], rnd: random.Random) -> Any:
    """Point every citation of a record (nested ones too) at existing sources."""
    changes: dict[str, Any] = {}
    for a in attrs.fields(type(record)):
        value = getattr(record, a.name)
        if a.name == "citations":
            # Distinct sources: a citation list names each source once.
            picked = rnd.sample(source_ids, min(len(value), len(source_ids)))
            changes[a.name] = tuple(
                attrs.evolve(c, source=s) for c, s in zip(value[: len(picked)], picked, strict=True)
            )
        elif isinstance(value, tuple) and value and attrs.has(type(value[0])) and hasattr(value[0], "citations"):
            changes[a.name] = tuple(_recite(item, source_ids, rnd) for item in value)
    return _evolve(record, **changes)


class _Generator:
    """Builds valid records of any model class from its field types with a seeded :class:`random.Random`.

    A few fields follow rules the types do not say (a URL, a language code, a unit that fits
    the indicator, dates in order); a record a validator still rejects is drawn again.
    """

    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd

    def text(self, size: int = 40) -> str:
        r = self.rnd
        words = ["".join(r.choice(_LETTERS) for _ in range(r.randint(1, 10))) for _ in range(r.randint(1, 4))]
        return " ".join(words)[:size].strip() or "x"

    def id(self) -> str:
        r = self.rnd
        return "-".join(
            "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(r.randint(1, 6)))
            for _ in range(r.randint(1, 3))
        )

    def date(self, min_year: int = 1991) -> PartialDate:
        r = self.rnd
        year = r.randint(min_year, 2026)
        p = r.random()
        if p < 0.2:
            return PartialDate(year=year)
        month = r.randint(1, 12)
        if p < 0.4:
            return PartialDate(year=year, month=month)
        last = calendar.monthrange(year, month)[1]
        return PartialDate(year=year, month=month, day=last if r.random() < 0.2 else r.randint(1, last))

    def period(self) -> Period:
        start = self.date()
        end = self.date(start.year) if self.rnd.random() < 0.5 else start
        return Period(start=start, end=end if end.earliest >= start.earliest and not end < start else start)

    def decimal(self) -> Decimal:
        r = self.rnd
        choice = r.random()
        if choice < 0.6:
            return Decimal(r.randint(0, 10**8)) / 100
        if choice < 0.8:
            return Decimal(r.randint(0, 10**18))
        return Decimal(r.randint(0, 10**20)).scaleb(-20)

    def value(self, name: str, t: Any, ref: bool = False) -> Any:
        """A value of type ``t`` for field ``name``; ``ref``: the field holds ids of other records."""
        r = self.rnd
        inner, optional = unwrap_optional(t)
        if optional:
            return None if r.random() < 0.35 else self.value(name, inner, ref)
        origin, args = get_origin(t), get_args(t)
        if origin is tuple:
            n = r.randint(1, 3) if name == "citations" else r.randint(0, 3)
            items = [self.value(name, args[0], ref) for _ in range(n)]
            return tuple(dict.fromkeys(items))
        if origin is frozenset:
            count = r.randint(1 if name == "countries" else 0, 3)
            return frozenset(self.value(name, args[0], ref) for _ in range(count))
        if t is str:
            if ref or name in ("id", "source"):  # a declared reference, a record's own id, a citation's source
                return self.id()
            if name in ("url", "licence_url"):
                return f"https://{self.id()}.example/{self.id()}"
            if name == "language":
                return r.choice(("en", "ru", "kk", "az", "tr"))
            if name == "version":
                return f"{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}"
            return self.text()
        if t is int:
            return DATA_FORMAT if name == "format" else r.randint(0, 40)
        if t is Decimal:
            return Decimal(r.randint(0, 200)) / 1000 if name == "tolerance" else self.decimal()
        if t is PartialDate:
            return self.date()
        if t is Period:
            return Period.parse("1991/2026") if name == "coverage" else self.period()
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return r.choice(list(t))
        if isinstance(t, type) and attrs.has(t):
            return self.record(t)
        raise TypeError(f"no generator for {t!r}")  # pragma: no cover - every model type is handled

    def record(self, cls: Any) -> Any:
        fields = attrs.fields(attrs.resolve_types(cls))
        for _ in range(50):
            kwargs = {a.name: self.value(a.name, a.type, REF_KEY in a.metadata) for a in fields}
            _fit(cls, kwargs, self)
            try:
                return cls(**kwargs)
            except (ValueError, TypeError):
                continue
        raise RuntimeError(f"could not build a valid {cls.__name__}")  # pragma: no cover


def _fit(cls: type[Any], kw: dict[str, Any], gen: _Generator) -> None:
    """Bring drawn values in line with the rules that span fields or records."""
    for first, later, _ in DATE_ORDER:
        a, b = kw.get(first), kw.get(later)
        if isinstance(a, PartialDate) and isinstance(b, PartialDate) and b.latest < a.earliest:
            kw[later] = None
    if cls is Observation:
        kw["indicator"] = gen.rnd.choice(sorted(_UNIT_FOR))
        kw["unit"] = gen.rnd.choice(_UNIT_FOR[kw["indicator"]])
        if kw["published"] is not None and kw["published"].latest < kw["period"].earliest:
            kw["published"] = None
    if cls is Project:
        kw["milestones"] = tuple(sorted(kw["milestones"], key=lambda m: m.date))
    if cls is Claim:
        n = 1 if kw["comparison"] in (Comparison.VALUE, Comparison.TARGET) else 2
        kw["periods"] = tuple(gen.period() for _ in range(n))
    if cls is Source and kw["url"] is None and kw["reference"] is None:
        kw["reference"] = gen.text()


def _later_stages_fixed(a: Agreement) -> Agreement:
    """Drop ratification and entry-into-force dates that a new signing date puts before the signing."""
    changes = {
        n: None for n in ("ratified", "in_force") if (d := getattr(a, n)) is not None and d.latest < a.signed.earliest
    }
    return _evolve(a, **changes) if changes else a


def _point(record: Any, path: tuple[str, ...], pool: list[str], many: bool, required: bool, rnd: Any) -> Any:
    """``record`` with the reference at ``path`` pointed at ids of ``pool`` (cleared when it may be)."""
    name, rest = path[0], path[1:]
    value = getattr(record, name)
    if rest:
        items = tuple(_point(item, rest, pool, many, required, rnd) for item in value)
        if required and not pool:
            items = ()
        return _evolve(record, **{name: items})
    if many:
        return _evolve(record, **{name: tuple(rnd.sample(pool, min(len(value), len(pool))))})
    if required:
        return _evolve(record, **{name: rnd.choice(pool)})
    if value is None or not pool or rnd.random() < 0.3:
        return _evolve(record, **{name: None}) if value is not None else record
    return _evolve(record, **{name: rnd.choice(pool)})


def _evolve(record: Any, **changes: Any) -> Any:
    import attrs

    return attrs.evolve(record, **changes)


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
    MonolingualText: monolingual_texts(),
    Office: offices(),
    Person: people(),
    Organization: organizations(),
    DatasetInfo: dataset_infos(),
    Dataset: datasets(),
}
"The strategy for each class, as registered with :func:`hypothesis.strategies.register_type_strategy`."
