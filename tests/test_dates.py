"""Date ranges and article periods (news.dates): month and year precision at the range edges."""

from __future__ import annotations

import datetime as dt

import pytest

from news.dates import (
    DateRange,
    DateRangeError,
    display_date,
    month_range,
    months_between,
    overlaps,
    parse_day,
    parse_range,
    period,
)

D = dt.date


def R(start: str | None = None, end: str | None = None) -> DateRange:
    return DateRange(D.fromisoformat(start) if start else None,
                     D.fromisoformat(end) if end else None)


@pytest.mark.parametrize(("published", "first", "last"), [
    ("2017-03-24", "2017-03-24", "2017-03-24"),
    ("2017-09", "2017-09-01", "2017-09-30"),
    ("2016-02", "2016-02-01", "2016-02-29"),  # leap year
    ("2017-02", "2017-02-01", "2017-02-28"),
    ("2017", "2017-01-01", "2017-12-31"),
])
def test_period_of_each_precision(published, first, last):
    assert period(published) == (D.fromisoformat(first), D.fromisoformat(last))


def test_undated_has_no_period():
    assert period("") is None


@pytest.mark.parametrize("bad", ["2017-9", "17-09-01", "2017/09/01", "September 2017"])
def test_period_refuses_other_forms(bad):
    with pytest.raises(ValueError, match="YYYY-MM-DD, YYYY-MM or YYYY"):
        period(bad)


@pytest.mark.parametrize(("published", "rng", "expected"), [
    # a day is in the range when it lies between the edges, edges included
    ("2017-03-24", R("2017-03-24", "2017-03-24"), True),
    ("2017-03-24", R("2017-03-25", None), False),
    ("2017-03-24", R(None, "2017-03-23"), False),
    # a month counts when any of its days is in the range
    ("2017-09", R("2017-09-30", "2017-10-15"), True),   # range starts on its last day
    ("2017-09", R("2017-10-01", "2017-10-15"), False),  # range starts the day after
    ("2017-09", R("2017-08-01", "2017-09-01"), True),   # range ends on its first day
    ("2017-09", R("2017-08-01", "2017-08-31"), False),  # range ends the day before
    ("2017-09", R("2017-09-10", "2017-09-12"), True),   # range inside the month
    ("2016-02", R("2016-02-29", None), True),           # leap day is its last day
    ("2017-02", R("2017-02-28", None), True),
    ("2017-02", R("2017-03-01", None), False),
    # a year counts when any of its days is in the range
    ("2017", R("2017-12-31", None), True),
    ("2017", R("2018-01-01", None), False),
    ("2017", R(None, "2017-01-01"), True),
    ("2017", R(None, "2016-12-31"), False),
    ("2017", R("2017-06-01", "2017-06-30"), True),
    # undated: only when no range is set
    ("", R("2017-01-01", "2017-12-31"), False),
    ("", R(None, "2017-12-31"), False),
    ("", R(), True),
    ("2017-03", R(), True),
])
def test_overlap_at_the_range_edges(published, rng, expected):
    assert overlaps(published, rng) is expected


def test_parse_range_reads_both_sides():
    rng, problems = parse_range("2017-03-01", "2017-03-31")
    assert rng == R("2017-03-01", "2017-03-31")
    assert problems == ()
    assert rng.iso() == ("2017-03-01", "2017-03-31")
    assert rng.describe() == "from 1 Mar 2017 to 31 Mar 2017"


def test_parse_range_open_sides():
    assert parse_range("", None) == (DateRange(), ())
    assert parse_range("2017-03-01", "")[0] == R("2017-03-01", None)
    assert not DateRange().active


@pytest.mark.parametrize(("start", "end", "message"), [
    ("2017-02-30", "", "does not exist"),
    ("yesterday", "", "not a date written as YYYY-MM-DD"),
    ("", "2017-3-1", "not a date written as YYYY-MM-DD"),
    ("<script>", "", "not a date written as YYYY-MM-DD"),
    ("0001-01-01", "", "outside the years"),
])
def test_parse_range_bad_values_leave_that_side_open_with_a_message(start, end, message):
    rng, problems = parse_range(start, end)
    assert rng == DateRange()
    assert len(problems) == 1 and message in problems[0]


def test_parse_range_keeps_the_good_side():
    rng, problems = parse_range("2017-01-01", "2017-13-01")
    assert rng == R("2017-01-01", None)
    assert "to date" in problems[0]


def test_parse_range_start_after_end_is_refused():
    rng, problems = parse_range("2017-05-01", "2017-04-01")
    assert rng == DateRange()
    assert "after it ends" in problems[0]


def test_parse_day_error_is_a_value_error():
    with pytest.raises(ValueError, match="from date"):
        parse_day("2017-04-31", "from")
    assert issubclass(DateRangeError, ValueError)


def test_month_range():
    assert month_range("2017-02") == R("2017-02-01", "2017-02-28")
    assert month_range("2016-12") == R("2016-12-01", "2016-12-31")
    for bad in ("2017-13", "2017", "March"):
        with pytest.raises(DateRangeError):
            month_range(bad)


def test_months_between_crosses_years():
    assert months_between("2016-11", "2017-02") == ["2016-11", "2016-12", "2017-01", "2017-02"]
    assert months_between("2017-03", "2017-03") == ["2017-03"]
    assert months_between("2017-04", "2017-03") == []


@pytest.mark.parametrize(("published", "text"), [
    ("2017-03-24", "24 Mar 2017"),
    ("2017-03-04", "4 Mar 2017"),
    ("2017-09", "Sep 2017 (month only)"),
    ("2017", "2017 (year only)"),
    ("", "undated"),
])
def test_display_date_says_the_precision(published, text):
    assert display_date(published) == text
