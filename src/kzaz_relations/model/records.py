"""The records of the dataset: frozen, slotted, keyword-only attrs classes.

Every record has an ``id`` (lowercase kebab-case, unique in its table) and a non-empty
``citations`` tuple naming the sources that support it. References between records are
ids: ``Agreement.visit`` names a :class:`Visit`, ``CouncilMeeting.council`` a
:class:`Council`, and so on; :class:`kzaz_relations.Dataset` resolves them.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import attrs
from attrs import validators as v

from .dates import PartialDate, Period
from .vocab import (
    AgreementKind,
    AgreementStatus,
    Comparison,
    CouncilKind,
    Country,
    Direction,
    EventKind,
    Indicator,
    Level,
    ObservationStatus,
    OrganizationKind,
    ProjectStatus,
    Qualifier,
    Rank,
    ReporterKind,
    Sector,
    SourceKind,
    Unit,
    VisitKind,
)

__all__ = [
    "DATA_FORMAT",
    "Agreement",
    "Citation",
    "Claim",
    "CoChair",
    "Council",
    "CouncilMeeting",
    "DatasetInfo",
    "Event",
    "Milestone",
    "MonolingualText",
    "Observation",
    "Office",
    "Organization",
    "Person",
    "Project",
    "Source",
    "Statement",
    "Visit",
    "ref",
    "refs",
]

ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_ID_RE = re.compile(ID_PATTERN)
_LANG_RE = re.compile(r"[a-z]{2}")
_URL_RE = re.compile(r"https?://[^\s/$.?#][^\s]*")


def _id(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not str or _ID_RE.fullmatch(value) is None:
        raise ValueError(f"{attribute.name} must be lowercase kebab-case (a-z, 0-9, '-'), got {value!r}")


def _text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not str:
        raise TypeError(f"{attribute.name} must be a str, got {type(value).__name__}")
    if not value.strip() or value != value.strip():
        raise ValueError(f"{attribute.name} must be non-empty text without surrounding spaces, got {value!r}")


def _opt(validator: Any) -> Any:
    return v.optional(validator)


def _tuple_of(member: Any) -> Any:
    return v.deep_iterable(member_validator=member, iterable_validator=v.instance_of(tuple))


def _set_of(member: Any) -> Any:
    return v.deep_iterable(member_validator=member, iterable_validator=v.instance_of(frozenset))


def _non_empty(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if len(value) == 0:
        raise ValueError(f"{attribute.name} must not be empty")


def _unique(instance: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    if len(set(value)) != len(value):
        raise ValueError(f"{attribute.name} has repeated items")


def _finite(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not Decimal or not value.is_finite():
        raise ValueError(f"{attribute.name} must be a finite Decimal, got {value!r}")


def _non_negative(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and value < 0:
        raise ValueError(f"{attribute.name} must not be negative, got {value}")


def _count(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if type(value) is not int or value < 0:
        raise ValueError(f"{attribute.name} must be a non-negative int, got {value!r}")


def _url(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if type(value) is not str or _URL_RE.fullmatch(value) is None:
        raise ValueError(f"{attribute.name} must be an http(s) URL, got {value!r}")


REF_KEY = "kzaz_ref"
"The attrs field metadata key that declares a reference: its value is the tuple of tables the id may name."


def ref(*tables: str, required: bool = False) -> Any:
    """A field holding the id of a record in one of ``tables`` (``None`` allowed unless ``required``).

    This is the one place a reference is declared: the integrity check, :meth:`Dataset.related
    <kzaz_relations.Dataset.related>`, :meth:`~kzaz_relations.Dataset.as_of`, the Data Package foreign
    keys, the JSON Schema and the graph export all read it from the field's metadata.
    """
    metadata = {REF_KEY: tables}
    if required:
        return attrs.field(validator=_id, metadata=metadata)
    return attrs.field(default=None, validator=_opt(_id), metadata=metadata)


def refs(*tables: str) -> Any:
    """A field holding a tuple of distinct ids of records in one of ``tables`` (see :func:`ref`)."""
    return attrs.field(default=(), validator=[_tuple_of(_id), _unique], metadata={REF_KEY: tables})


_LANGUAGE_RE = re.compile(r"[a-z]{2}")


@attrs.frozen(kw_only=True)
class MonolingualText:
    """A piece of text in one language: a title or a name as a source publishes it.

    ``language`` is an ISO 639-1 code (``en``, ``ru``, ``kk``, ``az``…). The same small record
    serves agreement titles and the names of people and organisations.

    Example:
        >>> MonolingualText(text="Шуша", language="ru")
        MonolingualText(text='Шуша', language='ru')
    """

    text: str = attrs.field(validator=_text)
    "The text, exactly as published."
    language: str = attrs.field(validator=v.matches_re(_LANGUAGE_RE))
    "The ISO 639-1 code of its language."


def _texts() -> Any:
    return attrs.field(default=(), validator=[_tuple_of(v.instance_of(MonolingualText)), _unique])


@attrs.frozen(kw_only=True)
class Citation:
    """A pointer from a record to the :class:`Source` that supports it.

    Example:
        >>> Citation(source="report-az-tokayev-interview-2024", supports="trade 2020 and 2023")
        Citation(source='report-az-tokayev-interview-2024', supports='trade 2020 and 2023')
    """

    source: str = attrs.field(validator=_id)
    "The id of the cited :class:`Source`."
    supports: str | None = attrs.field(default=None, validator=_opt(_text))
    "What the source supports in the record (field names or a short note); ``None`` for all of it."


def _citations() -> Any:
    return attrs.field(validator=[_tuple_of(v.instance_of(Citation)), _non_empty])


def _check_source(instance: Source, attribute: attrs.Attribute[Any], value: Any) -> None:
    if instance.url is None and value is None:
        raise ValueError("a source needs a url or a bibliographic reference")


@attrs.frozen(kw_only=True)
class Source:
    """A publication that supports records: a web page, an article, a legal act.

    Example:
        >>> s = Source(id="akorda-example", publisher="Akorda", title="Talks in Baku",
        ...            url="https://www.akorda.kz/en/example", kind=SourceKind.OFFICIAL)
        >>> s.language, s.published
        ('en', None)
    """

    id: str = attrs.field(validator=_id)
    "Unique id in the sources table."
    publisher: str = attrs.field(validator=_text)
    "Who published it (agency, ministry, newspaper)."
    title: str = attrs.field(validator=_text)
    "The title as published (English, or a translation in brackets)."
    kind: SourceKind = attrs.field(validator=v.instance_of(SourceKind))
    "What kind of publisher it is."
    url: str | None = attrs.field(default=None, validator=_url)
    "Where to read it."
    published: PartialDate | None = attrs.field(default=None, validator=_opt(v.instance_of(PartialDate)))
    "When it was published, to the precision known."
    language: str = attrs.field(default="en", validator=v.matches_re(_LANG_RE))
    "ISO 639-1 code of the language it is written in."
    reference: str | None = attrs.field(default=None, validator=[_opt(_text), _check_source])
    "A full bibliographic reference, for a source without a URL."
    original_publisher: str | None = attrs.field(default=None, validator=_opt(_text))
    """For a copy (a republication, an aggregator's page, a report citing another outlet's): the
    outlet whose report it reproduces. The dataset cites a copy only when the original page is
    not available to it."""


@attrs.frozen(kw_only=True)
class Agreement:
    """A signed document: treaty, agreement, declaration, memorandum, programme…

    Example:
        >>> import kzaz_relations as kz
        >>> a = kz.load().agreements["declaration-strategic-relations-allied-interaction-2022"]
        >>> a.kind, str(a.signed), a.place
        (<AgreementKind.DECLARATION: 'declaration'>, '2022-08-24', 'Baku')
    """

    id: str = attrs.field(validator=_id)
    "Unique id in the agreements table."
    title: str = attrs.field(validator=_text)
    "The official title in English, as published."
    kind: AgreementKind = attrs.field(validator=v.instance_of(AgreementKind))
    "What kind of document it is."
    signed: PartialDate = attrs.field(validator=v.instance_of(PartialDate))
    "When it was signed, to the precision known."
    countries: frozenset[Country] = attrs.field(validator=[_set_of(v.instance_of(Country)), _non_empty])
    "The states whose governments, bodies or companies are parties."
    sectors: frozenset[Sector] = attrs.field(validator=_set_of(v.instance_of(Sector)))
    "The fields it covers."
    citations: tuple[Citation, ...] = _citations()
    "The sources that support the record."
    place: str | None = attrs.field(default=None, validator=_opt(_text))
    "The city where it was signed."
    titles: tuple[MonolingualText, ...] = _texts()
    "Its official titles, each in the language a source publishes it in (``ru``, ``kk``, ``az``, ``en``…)."
    parties: tuple[str, ...] = refs("organizations")
    "The ids of the parties (:class:`Organization` records: states, governments, ministries, companies)."
    signatories: tuple[str, ...] = refs("people")
    "The ids of the :class:`Person` records who signed it."
    visit: str | None = ref("visits")
    "The id of the :class:`Visit` during which it was signed."
    meeting: str | None = ref("meetings")
    "The id of the :class:`CouncilMeeting` at which it was signed."
    status: AgreementStatus = attrs.field(default=AgreementStatus.SIGNED, validator=v.instance_of(AgreementStatus))
    "The furthest stage a source reports."
    ratified: PartialDate | None = attrs.field(default=None, validator=_opt(v.instance_of(PartialDate)))
    "When a party first ratified or approved it, where a legal source gives the date."
    in_force: PartialDate | None = attrs.field(default=None, validator=_opt(v.instance_of(PartialDate)))
    "When it entered into force, where known."
    summary: str | None = attrs.field(default=None, validator=_opt(_text))
    "What it does, in the dataset's own words."

    def title_in(self, language: str) -> str | None:
        """The official title in a language (ISO 639-1), or ``None`` if no source gives one.

        ``"en"`` falls back to :attr:`title` when no English official title is recorded.

        Example:
            >>> import kzaz_relations as kz
            >>> a = kz.load().agreements["treaty-strategic-partnership-allied-relations-2005"]
            >>> a.title_in("ru")[:53]
            'Договор о стратегическом партнерстве и союзнических о'
        """
        for t in self.titles:
            if t.language == language:
                return t.text
        return self.title if language == "en" else None


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


@attrs.frozen(kw_only=True)
class Visit:
    """A visit by a leader or delegation of one side to the other."""

    id: str = attrs.field(validator=_id)
    "Unique id in the visits table."
    visitor: str = ref("people", required=True)
    "The id of the :class:`Person` who visited (who led the delegation)."
    visitor_role: str = attrs.field(validator=_text)
    "The visitor's office at the time."
    level: Level = attrs.field(validator=v.instance_of(Level))
    "The level of the visit's leader."
    from_country: Country = attrs.field(validator=v.instance_of(Country))
    "The visitor's side."
    to_country: Country = attrs.field(validator=v.instance_of(Country))
    "The host country."
    kind: VisitKind = attrs.field(validator=v.instance_of(VisitKind))
    "The protocol level, as sources state it."
    start: PartialDate = attrs.field(validator=v.instance_of(PartialDate))
    "The first day."
    citations: tuple[Citation, ...] = _citations()
    "The sources that support the record."
    end: PartialDate | None = attrs.field(default=None, validator=_opt(v.instance_of(PartialDate)))
    "The last day, for a visit over several days."
    places: tuple[str, ...] = attrs.field(default=(), validator=[_tuple_of(_text), _unique])
    "The cities visited."
    occasion: str | None = attrs.field(default=None, validator=_opt(_text))
    "The multilateral event attended, for a visit of kind ``multilateral``."
    documents_reported: int | None = attrs.field(default=None, validator=_count)
    "How many documents a source says were signed (may exceed those identified)."
    summary: str | None = attrs.field(default=None, validator=_opt(_text))
    "What happened, in the dataset's own words."


@attrs.frozen(kw_only=True)
class Milestone:
    """A dated step of a :class:`Project`."""

    date: PartialDate = attrs.field(validator=v.instance_of(PartialDate))
    "When it happened, to the precision known."
    description: str = attrs.field(validator=_text)
    "What happened, in the dataset's own words."
    citations: tuple[Citation, ...] = _citations()
    "The sources that support it."


def _milestones_in_order(instance: Any, attribute: attrs.Attribute[Any], value: tuple[Milestone, ...]) -> None:
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
    status: ObservationStatus = attrs.field(default=ObservationStatus.FINAL, validator=v.instance_of(ObservationStatus))
    "How final the number is."
    published: PartialDate | None = attrs.field(default=None, validator=_opt(v.instance_of(PartialDate)))
    "When the number was published (used to pick the most recent figure)."
    project: str | None = ref("projects")
    "The id of the :class:`Project` the number is about."
    note: str | None = attrs.field(default=None, validator=_opt(_text))
    "What the number covers, and any disagreement with other figures."


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


@attrs.frozen(kw_only=True)
class Event:
    """A dated event that is not a visit, a meeting or a signing: diplomatic relations, an embassy opening…"""

    id: str = attrs.field(validator=_id)
    "Unique id in the events table."
    kind: EventKind = attrs.field(validator=v.instance_of(EventKind))
    "What kind of event it is."
    date: PartialDate = attrs.field(validator=v.instance_of(PartialDate))
    "When it happened, to the precision known."
    title: str = attrs.field(validator=_text)
    "A one-line title."
    citations: tuple[Citation, ...] = _citations()
    "The sources that support the record."
    place: str | None = attrs.field(default=None, validator=_opt(_text))
    "Where it happened."
    countries: frozenset[Country] = attrs.field(default=frozenset(), validator=_set_of(v.instance_of(Country)))
    "The states involved."
    participants: tuple[str, ...] = refs("people", "organizations")
    "The ids of the people and organisations it involved (an ambassador, an airline…)."
    summary: str | None = attrs.field(default=None, validator=_opt(_text))
    "What happened, in the dataset's own words."


def _in_language(texts: tuple[MonolingualText, ...], language: str) -> str | None:
    for t in texts:
        if t.language == language:
            return t.text
    return None


@attrs.frozen(kw_only=True)
class Office:
    """A post a :class:`Person` held, dated to the precision known (an *occupancy* in FollowTheMoney's terms).

    Example:
        >>> o = Office(title="President of Azerbaijan", country=Country.AZ, since=PartialDate.parse("2003-10-31"),
        ...            citations=(Citation(source="president-az-x"),))
        >>> o.held_on("2024-03-11"), o.held_on("2003")
        (True, None)
    """

    title: str = attrs.field(validator=_text)
    "The post, in English (``President of the Republic of Kazakhstan``)."
    citations: tuple[Citation, ...] = _citations()
    "The sources that support it."
    organization: str | None = ref("organizations")
    "The id of the :class:`Organization` the post belongs to, where the dataset has it."
    country: Country | None = attrs.field(default=None, validator=_opt(v.instance_of(Country)))
    "The state the post serves."
    since: PartialDate | None = attrs.field(default=None, validator=_opt(v.instance_of(PartialDate)))
    "When the person took it up, where known."
    until: PartialDate | None = attrs.field(default=None, validator=_opt(v.instance_of(PartialDate)))
    "When the person left it, where known (``None`` for a post still held or an unknown end)."
    attested: PartialDate | None = attrs.field(default=None, validator=_opt(v.instance_of(PartialDate)))
    "A date on which a source shows the person in the post, when its start is not known."

    def held_on(self, day: PartialDate | str | int) -> bool | None:
        """Whether the post was certainly held on ``day`` (``True``), certainly not (``False``), or unknown (``None``).

        :attr:`until` counts as the last day in the post. A post with a ``since`` and no ``until``
        is taken as still held. Without a ``since``, only the :attr:`attested` date itself is known.
        """
        d = PartialDate.of(day)
        if (self.since is not None and d.latest < self.since.earliest) or (
            self.until is not None and d.earliest > self.until.latest
        ):
            return False
        if self.since is not None:
            started = self.since.latest <= d.earliest
            not_ended = self.until is None or d.latest <= self.until.earliest
            return True if started and not_ended else None
        if self.attested is not None and self.attested.earliest <= d.earliest and d.latest <= self.attested.latest:
            return True
        return None


@attrs.frozen(kw_only=True)
class Person:
    """A person of the relationship: a head of state, a minister, an ambassador…

    Visits, statements, signatures, council co-chairs and reported figures refer to people by id.

    Example:
        >>> import kzaz_relations as kz
        >>> p = kz.load().people["kassym-jomart-tokayev"]
        >>> p.name, p.country
        ('Kassym-Jomart Tokayev', <Country.KZ: 'KZ'>)
    """

    id: str = attrs.field(validator=_id)
    "Unique id in the people table (the English name in kebab-case)."
    name: str = attrs.field(validator=_text)
    "The usual English form of the name."
    citations: tuple[Citation, ...] = _citations()
    "The sources that support the record."
    names: tuple[MonolingualText, ...] = _texts()
    "The name in each language a source gives it in (``en``, ``ru``, ``kk``, ``az``…)."
    country: Country | None = attrs.field(default=None, validator=_opt(v.instance_of(Country)))
    "The state the person serves or belongs to."
    offices: tuple[Office, ...] = attrs.field(default=(), validator=_tuple_of(v.instance_of(Office)))
    "The posts the person held, as far as the dataset needs them."
    summary: str | None = attrs.field(default=None, validator=_opt(_text))
    "Who the person is, in the dataset's own words."

    def name_in(self, language: str) -> str | None:
        """The name in a language (ISO 639-1), or ``None``; ``"en"`` falls back to :attr:`name`."""
        found = _in_language(self.names, language)
        return found if found is not None or language != "en" else self.name

    def offices_on(self, day: PartialDate | str | int) -> tuple[Office, ...]:
        """The posts certainly held on ``day``."""
        return tuple(o for o in self.offices if o.held_on(day))


@attrs.frozen(kw_only=True)
class Organization:
    """A body of the relationship: a state, a government, a ministry, a company, a city, an outlet…

    Agreement parties, project participants and the bodies that report figures refer to
    organisations by id.

    Example:
        >>> import kzaz_relations as kz
        >>> o = kz.load().organizations["socar"]
        >>> o.kind, o.country
        (<OrganizationKind.STATE_COMPANY: 'state_company'>, <Country.AZ: 'AZ'>)
    """

    id: str = attrs.field(validator=_id)
    "Unique id in the organizations table."
    name: str = attrs.field(validator=_text)
    "The usual English name."
    kind: OrganizationKind = attrs.field(validator=v.instance_of(OrganizationKind))
    "What kind of body it is."
    citations: tuple[Citation, ...] = _citations()
    "The sources that support the record."
    names: tuple[MonolingualText, ...] = _texts()
    "The name in each language a source gives it in."
    country: Country | None = attrs.field(default=None, validator=_opt(v.instance_of(Country)))
    "The state it belongs to (``None`` for an international body)."
    parent: str | None = ref("organizations")
    "The id of the organisation it is part of (a ministry's government, a company's holding)."
    summary: str | None = attrs.field(default=None, validator=_opt(_text))
    "What it is, in the dataset's own words."

    def name_in(self, language: str) -> str | None:
        """The name in a language (ISO 639-1), or ``None``; ``"en"`` falls back to :attr:`name`."""
        found = _in_language(self.names, language)
        return found if found is not None or language != "en" else self.name


DATA_FORMAT = 2
"""The data format this version reads and writes. Format 1 (0.1.x) named people and bodies as
text; format 2 refers to :class:`Person` and :class:`Organization` records by id, and tags titles
by language."""


def _format(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or value != DATA_FORMAT:
        raise ValueError(f"data format {value!r} is not supported; this version reads format {DATA_FORMAT}")


@attrs.frozen(kw_only=True)
class DatasetInfo:
    """The dataset's metadata: version, coverage, licence and how to cite it."""

    title: str = attrs.field(validator=_text)
    "The dataset's title."
    version: str = attrs.field(validator=_text)
    "The dataset's version."
    released: PartialDate = attrs.field(validator=v.instance_of(PartialDate))
    "When this version was released."
    coverage: Period = attrs.field(validator=v.instance_of(Period))
    "The span of time the records cover; nothing may be dated after its end."
    licence: str = attrs.field(validator=_text)
    "The data licence (an SPDX id)."
    licence_url: str = attrs.field(validator=_url)
    "Where the licence text is."
    citation: str = attrs.field(validator=_text)
    "How to cite the dataset."
    description: str = attrs.field(validator=_text)
    "What the dataset holds."
    format: int = attrs.field(validator=_format)
    "The data format version of the folder (see :data:`~kzaz_relations.DATA_FORMAT`)."
    gaps: tuple[str, ...] = attrs.field(default=(), validator=_tuple_of(_text))
    "What is known to be missing."
