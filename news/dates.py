"""Dates of articles as periods, and date ranges to filter them by.

An article's ``published`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (its ``date_precision``:
day, month or year) or empty when unknown. A date known only to the month or the year stands for
that whole period, so it counts in a date range when the period *overlaps* the range: an article
of "2017-09" is in a range from 2017-09-20 to 2017-10-31, and one of "2017" in any range that
touches 2017. An undated article is in no range.

The same rule is written once here in Python (:func:`overlaps`) and once in SQL by the store
(ISO text compares like the dates it spells, and a shorter prefix compares like its period), and
the tests hold the two against each other.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# Bounds of a date the app accepts, as news.articles.parse_published does for ``published``.
FIRST_YEAR = 1600
LAST_YEAR = 2200

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")


class DateRangeError(ValueError):
    """A date or range a user gave that cannot be used; the message says why, in plain words."""


@dataclass(frozen=True)
class DateRange:
    """Days from ``start`` to ``end``, both included; ``None`` leaves that side open."""

    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def active(self) -> bool:
        """Whether the range restricts anything."""
        return self.start is not None or self.end is not None

    def iso(self) -> tuple[str, str]:
        """``(start, end)`` as ``YYYY-MM-DD`` strings, ``""`` for an open side."""
        return (self.start.isoformat() if self.start else "",
                self.end.isoformat() if self.end else "")

    def describe(self) -> str:
        """Return the range in words: "from 1 Mar 2017 to 31 Mar 2017", "until 31 Dec 2016"."""
        if self.start and self.end:
            return f"from {_day_text(self.start)} to {_day_text(self.end)}"
        if self.start:
            return f"from {_day_text(self.start)} on"
        if self.end:
            return f"until {_day_text(self.end)}"
        return "any date"


def _day_text(day: dt.date) -> str:
    return f"{day.day} {calendar.month_abbr[day.month]} {day.year}"


def parse_day(value: str, name: str = "date") -> dt.date:
    """Read one ``YYYY-MM-DD`` day.

    Parameters
    ----------
    value : str
        The text, e.g. from a URL query parameter.
    name : str
        What the value is, for the message ("from", "to").

    Returns
    -------
    datetime.date

    Raises
    ------
    DateRangeError
        If ``value`` is not a real day in that form, or is outside the accepted years.
    """
    text = value.strip()
    if not _ISO_DAY.fullmatch(text):
        raise DateRangeError(f"The {name} date {text!r} is not a date written as YYYY-MM-DD.")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise DateRangeError(f"The {name} date {text!r} does not exist.") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise DateRangeError(
            f"The {name} date {text!r} is outside the years {FIRST_YEAR}-{LAST_YEAR}.")
    return day


def parse_range(start: str | None, end: str | None) -> tuple[DateRange, tuple[str, ...]]:
    """Read a range from two optional ``YYYY-MM-DD`` texts (the URL's ``from`` and ``to``).

    Parameters
    ----------
    start, end : str or None
        The first and the last day; empty or None leaves that side open.

    Returns
    -------
    tuple
        ``(range, problems)``: a side that cannot be read is left open and its problem is
        described; a start after the end gives an open range and a problem.
    """
    problems: list[str] = []
    days: list[dt.date | None] = []
    for value, name in ((start, "from"), (end, "to")):
        if value is None or not value.strip():
            days.append(None)
            continue
        try:
            days.append(parse_day(value, name))
        except DateRangeError as error:
            problems.append(str(error))
            days.append(None)
    first, last = days
    if first and last and first > last:
        problems.append(f"The range starts ({first.isoformat()}) after it ends "
                        f"({last.isoformat()}); no date range is applied.")
        return DateRange(), tuple(problems)
    return DateRange(first, last), tuple(problems)


def precision(published: str) -> str:
    """``"day"``, ``"month"``, ``"year"`` for a ``published`` value, ``""`` when undated.

    Raises
    ------
    ValueError
        If ``published`` is not one of the stored forms.
    """
    if not published:
        return ""
    m = _PUBLISHED.fullmatch(published)
    if not m:
        raise ValueError(f"published {published!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    return "day" if m.group(3) else "month" if m.group(2) else "year"


def period(published: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of the period a ``published`` value stands for; None when undated.

    Raises
    ------
    ValueError
        If ``published`` is not one of the stored forms.
    """
    kind = precision(published)
    if not kind:
        return None
    year = int(published[:4])
    if kind == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(published[5:7])
    if kind == "month":
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    day = dt.date.fromisoformat(published)
    return day, day


def overlaps(published: str, date_range: DateRange) -> bool:
    """Whether an article dated ``published`` counts in ``date_range``.

    Parameters
    ----------
    published : str
        ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``""``.
    date_range : DateRange

    Returns
    -------
    bool
        True when the period of ``published`` shares a day with the range; an undated article
        counts only when the range is open on both sides.
    """
    if not date_range.active:
        return True
    span = period(published)
    if span is None:
        return False
    first, last = span
    if date_range.start and last < date_range.start:
        return False
    return not (date_range.end and first > date_range.end)


def month_range(month: str) -> DateRange:
    """Return the range of the days of ``month`` (``YYYY-MM``).

    Raises
    ------
    DateRangeError
        If ``month`` is not a real month in that form.
    """
    m = _MONTH.fullmatch(month)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise DateRangeError(f"{month!r} is not a month written as YYYY-MM.")
    start, end = period(month) or (None, None)
    return DateRange(start, end)


def months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (both ``YYYY-MM``), in order."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out = []
    while (year, month) <= end:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def display_date(published: str) -> str:
    """Return a date as people read it, saying how precise it is.

    ``"24 Mar 2017"``, ``"Sep 2017 (month only)"``, ``"2017 (year only)"``, ``"undated"``.
    """
    try:
        kind = precision(published)
    except ValueError:
        return published
    if not kind:
        return "undated"
    if kind == "year":
        return f"{published} (year only)"
    month = calendar.month_abbr[int(published[5:7])]
    if kind == "month":
        return f"{month} {published[:4]} (month only)"
    return f"{int(published[8:10])} {month} {published[:4]}"


__all__ = [
    "DateRange",
    "DateRangeError",
    "display_date",
    "month_range",
    "months_between",
    "overlaps",
    "parse_day",
    "parse_range",
    "period",
    "precision",
]
