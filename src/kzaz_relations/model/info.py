"""The dataset metadata."""

from typing import Any

import attrs
from attrs import validators as v

from ._base import (
    _text,
    _tuple_of,
    _url,
)
from .dates import PartialDate, Period
from .tables import DATA_FORMAT


def _format(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
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
