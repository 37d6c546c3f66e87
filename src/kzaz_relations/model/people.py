"""People, their offices, and organisations."""

import attrs
from attrs import validators as v

from ._base import (
    Citation,
    MonolingualText,
    _citations,
    _id,
    _in_language,
    _opt,
    _text,
    _texts,
    _tuple_of,
    ref,
)
from .dates import PartialDate
from .vocab import (
    Country,
    OrganizationKind,
)


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


class _Named:
    """``name_in`` for records with a ``name`` and language-tagged ``names``."""

    __slots__ = ()
    name: str
    names: tuple[MonolingualText, ...]

    def name_in(self, language: str) -> str | None:
        """The name in a language (ISO 639-1), or ``None``; ``"en"`` falls back to :attr:`name`."""
        found = _in_language(self.names, language)
        return found if found is not None or language != "en" else self.name

    @property
    def all_names(self) -> tuple[str, ...]:
        """Every distinct recorded form of the name, :attr:`name` first and then :attr:`names` in order.

        Example:
            >>> import kzaz_relations as kz
            >>> names = kz.load().people["ilham-aliyev"].all_names
            >>> names[0], "Ильхам Алиев" in names, len(names) == len(set(names))
            ('Ilham Aliyev', True, True)
        """
        return tuple(dict.fromkeys((self.name, *(n.text for n in self.names))))


@attrs.frozen(kw_only=True)
class Person(_Named):
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

    def offices_on(self, day: PartialDate | str | int) -> tuple[Office, ...]:
        """The posts certainly held on ``day``.

        Example:
            >>> import kzaz_relations as kz
            >>> nurtleu = kz.load().people["murat-nurtleu"]
            >>> [o.title for o in nurtleu.offices_on("2022-06-01")]
            ['Head of the Administration of the President of Kazakhstan']
            >>> [o.title for o in nurtleu.offices_on("2024-06-01")]
            ['Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan']
        """
        return tuple(o for o in self.offices if o.held_on(day))


@attrs.frozen(kw_only=True)
class Organization(_Named):
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
