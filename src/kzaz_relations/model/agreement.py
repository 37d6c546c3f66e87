"""Signed documents."""

from typing import Any

import attrs
from attrs import validators as v

from ._base import (
    Citation,
    MonolingualText,
    _citations,
    _id,
    _in_language,
    _non_empty,
    _opt,
    _set_of,
    _text,
    _tuple_of,
    _unique,
    ref,
    refs,
)
from .dates import PartialDate
from .vocab import (
    AgreementKind,
    AgreementStatus,
    Country,
    Sector,
)


def _not_english(instance: Any, attribute: "attrs.Attribute[Any]", value: tuple[MonolingualText, ...]) -> None:
    if any(t.language == "en" for t in value):
        raise ValueError("titles holds the titles in the parties' languages; the English title is the title field")


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
    "The title in English: the official English title where one is published, else a faithful translation."
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
    titles: tuple[MonolingualText, ...] = attrs.field(
        default=(), validator=[_tuple_of(v.instance_of(MonolingualText)), _unique, _not_english]
    )
    "Its official titles in the parties' languages (``ru``, ``kk``, ``az``…), each as a source publishes it."
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

        ``"en"`` gives :attr:`title` (English titles are not repeated in :attr:`titles`).

        Example:
            >>> import kzaz_relations as kz
            >>> a = kz.load().agreements["treaty-strategic-partnership-allied-relations-2005"]
            >>> a.title_in("ru")[:53]
            'Договор о стратегическом партнерстве и союзнических о'
        """
        found = _in_language(self.titles, language)
        return found if found is not None or language != "en" else self.title
