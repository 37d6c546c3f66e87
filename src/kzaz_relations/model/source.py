"""A publication that supports records."""

import attrs
from attrs import validators as v

from ._base import (
    _LANGUAGE_RE,
    _check_source,
    _id,
    _opt,
    _text,
    _url,
)
from .dates import PartialDate
from .vocab import (
    SourceKind,
)


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
    language: str = attrs.field(default="en", validator=v.matches_re(_LANGUAGE_RE))
    "ISO 639-1 code of the language it is written in."
    reference: str | None = attrs.field(default=None, validator=[_opt(_text), _check_source])
    "A full bibliographic reference, for a source without a URL."
    original_publisher: str | None = attrs.field(default=None, validator=_opt(_text))
    """For a copy (a republication, an aggregator's page, a report citing another outlet's): the
    outlet whose report it reproduces. The dataset cites a copy only when the original page is
    not available to it."""
