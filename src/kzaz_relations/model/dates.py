"""Partial dates and periods.

A :class:`PartialDate` is a calendar date known to the year, the month or the day.
A :class:`Period` is a closed range of partial dates, used for statistics that cover a
year, a quarter or a run of months.
"""

from __future__ import annotations

import enum
import functools
import sys
from typing import TYPE_CHECKING, Any

import attrs

from ._base import LazyPattern

if TYPE_CHECKING:
    import datetime

__all__ = ["PartialDate", "Period", "Precision"]

_DATE_RE = LazyPattern(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_calendar_day: type[datetime.date] | None = None
"""``datetime.date`` once something needed it: a first query that never turns a partial date
into days does not import :mod:`datetime`."""


def _load_calendar_day() -> type[datetime.date]:
    global _calendar_day
    import datetime

    _calendar_day = datetime.date
    return _calendar_day


def _month_days(year: int, month: int) -> int:
    """The number of days in a month of the proleptic Gregorian calendar."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS[month - 1]


class Precision(enum.IntEnum):
    """How much of a :class:`PartialDate` is known."""

    YEAR = 1
    MONTH = 2
    DAY = 3


def _check_year(instance: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or not 1 <= value <= 9999:
        raise ValueError(f"year must be an int from 1 to 9999, got {value!r}")


def _check_month(instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is None:
        return
    if type(value) is not int or not 1 <= value <= 12:
        raise ValueError(f"month must be an int from 1 to 12, got {value!r}")


def _check_day(instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is None:
        return
    if instance.month is None:
        raise ValueError("a day needs a month")
    if type(value) is not int or not 1 <= value <= _month_days(instance.year, instance.month):
        raise ValueError(f"day {value!r} does not exist in {instance.year:04d}-{instance.month:02d}")


@functools.total_ordering
@attrs.frozen(kw_only=True, order=False, repr=False)
class PartialDate:
    """A date known to the year, the month or the day.

    A month- or year-precision date stands for an interval of days; :attr:`earliest`
    and :attr:`latest` give its bounds. Sorting uses a total order in which a coarser
    date comes before the finer dates it contains (``2022 < 2022-01 < 2022-01-01``);
    for questions about time use the interval comparisons :meth:`certainly_before`,
    :meth:`possibly_before`, :meth:`certainly_within` and :meth:`possibly_within`.

    Example:
        >>> d = PartialDate.parse("2022-08")
        >>> d.precision.name, str(d), d.earliest.isoformat(), d.latest.isoformat()
        ('MONTH', '2022-08', '2022-08-01', '2022-08-31')
        >>> d.certainly_before(PartialDate.parse("2022-09-01"))
        True
    """

    year: int = attrs.field(validator=_check_year)
    "The year (1–9999)."
    month: int | None = attrs.field(default=None, validator=_check_month)
    "The month (1–12), or ``None`` when only the year is known."
    day: int | None = attrs.field(default=None, validator=_check_day)
    "The day of the month, or ``None`` when only the year or month is known."

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ISO text: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            ValueError: if ``text`` is not in one of those shapes or names a day
                that does not exist (``2023-02-29``).
        """
        if not isinstance(text, str):
            raise TypeError(f"expected ISO date text, got {type(text).__name__}")
        m = _DATE_RE.fullmatch(text)
        if m is None:
            raise ValueError(f"invalid date {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = m.groups()
        try:
            return cls(
                year=int(year),
                month=None if month is None else int(month),
                day=None if day is None else int(day),
            )
        except ValueError as exc:
            raise ValueError(f"invalid date {text!r}: {exc}") from None

    @classmethod
    def of(cls, value: PartialDate | datetime.date | str | int) -> PartialDate:
        """Coerce a :class:`PartialDate`, :class:`datetime.date`, ISO text or year.

        Example:
            >>> PartialDate.of(2024) == PartialDate.parse("2024")
            True
        """
        if isinstance(value, PartialDate):
            return value
        dt = sys.modules.get("datetime")  # a date instance means its module was imported
        if dt is not None and isinstance(value, dt.date):
            return cls(year=value.year, month=value.month, day=value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(year=value)
        if isinstance(value, str):
            return cls.parse(value)
        raise TypeError(f"cannot make a PartialDate from {type(value).__name__}")

    @property
    def precision(self) -> Precision:
        """How much of the date is known."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def earliest(self) -> datetime.date:
        """The first day the date could be."""
        return (_calendar_day or _load_calendar_day())(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> datetime.date:
        """The last day the date could be."""
        month = self.month or 12
        day = self.day or _month_days(self.year, month)
        return (_calendar_day or _load_calendar_day())(self.year, month, day)

    def isoformat(self) -> str:
        """The ISO text of the date, at its own precision."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"PartialDate.parse({self.isoformat()!r})"

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def certainly_before(self, other: PartialDate) -> bool:
        """True if every day this date could be falls before every day ``other`` could be."""
        return self.latest < other.earliest

    def possibly_before(self, other: PartialDate) -> bool:
        """True if some day this date could be falls before some day ``other`` could be."""
        return self.earliest < other.latest

    def certainly_within(self, start: PartialDate | None, end: PartialDate | None) -> bool:
        """True if the whole interval lies between ``start`` and ``end`` (inclusive, open if ``None``).

        Example:
            >>> d = PartialDate.parse("2022-08")
            >>> d.certainly_within(PartialDate.parse("2022"), None)
            True
            >>> d.certainly_within(PartialDate.parse("2022-08-15"), None)
            False
        """
        if start is not None and self.earliest < start.earliest:
            return False
        return not (end is not None and self.latest > end.latest)

    def possibly_within(self, start: PartialDate | None, end: PartialDate | None) -> bool:
        """True if the interval overlaps ``start``…``end`` (inclusive, open if ``None``).

        Example:
            >>> PartialDate.parse("2022-08").possibly_within(PartialDate.parse("2022-08-15"), None)
            True
        """
        if start is not None and self.latest < start.earliest:
            return False
        return not (end is not None and self.earliest > end.latest)


def _check_period(instance: Period, attribute: attrs.Attribute[Any], value: PartialDate) -> None:
    if instance.end < instance.start or instance.end.latest < instance.start.earliest:
        raise ValueError(f"period ends ({instance.end}) before it starts ({instance.start})")


@functools.total_ordering
@attrs.frozen(kw_only=True, order=False, repr=False)
class Period:
    """A closed range of partial dates: what a statistic covers.

    Text form: ``2022`` (a year), ``2024-03`` (a month) or ``START/END`` such as
    ``2023-01/2023-09`` (the first nine months of 2023).

    Example:
        >>> p = Period.parse("2023-01/2023-09")
        >>> str(p), p.is_full_year, p.months
        ('2023-01/2023-09', False, 9)
        >>> Period.parse("2022").is_full_year
        True
    """

    start: PartialDate = attrs.field(validator=attrs.validators.instance_of(PartialDate))
    "The first day, month or year covered."
    end: PartialDate = attrs.field(validator=[attrs.validators.instance_of(PartialDate), _check_period])
    "The last day, month or year covered (equal to ``start`` for a single year or month)."

    @classmethod
    def parse(cls, text: str) -> Period:
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END``.

        Raises:
            ValueError: for any other shape, or an end before the start.
        """
        if not isinstance(text, str):
            raise TypeError(f"expected period text, got {type(text).__name__}")
        start_text, sep, end_text = text.partition("/")
        start = PartialDate.parse(start_text)
        end = PartialDate.parse(end_text) if sep else start
        if sep and start == end:
            raise ValueError(f"invalid period {text!r}: write a single date without '/'")
        try:
            return cls(start=start, end=end)
        except ValueError as exc:
            raise ValueError(f"invalid period {text!r}: {exc}") from None

    @classmethod
    def of(cls, value: Period | PartialDate | str | int) -> Period:
        """Coerce a :class:`Period`, a :class:`PartialDate`, text or a year."""
        if isinstance(value, Period):
            return value
        if isinstance(value, PartialDate):
            return cls(start=value, end=value)
        if isinstance(value, int) and not isinstance(value, bool):
            d = PartialDate(year=value)
            return cls(start=d, end=d)
        if isinstance(value, str):
            return cls.parse(value)
        raise TypeError(f"cannot make a Period from {type(value).__name__}")

    @property
    def earliest(self) -> datetime.date:
        """The first day covered."""
        return self.start.earliest

    @property
    def latest(self) -> datetime.date:
        """The last day covered."""
        return self.end.latest

    @property
    def is_full_year(self) -> bool:
        """True if the period is exactly one calendar year."""
        return (
            self.earliest.year == self.latest.year
            and (self.earliest.month, self.earliest.day) == (1, 1)
            and (self.latest.month, self.latest.day) == (12, 31)
        )

    @property
    def months(self) -> int:
        """The number of calendar months touched by the period."""
        return (self.latest.year - self.earliest.year) * 12 + self.latest.month - self.earliest.month + 1

    def isoformat(self) -> str:
        """The text form of the period."""
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"Period.parse({self.isoformat()!r})"

    def _key(self) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        return (self.start._key(), self.end._key())

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() < other._key()
