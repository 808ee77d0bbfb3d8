"""The timeline's counts, made by the store in SQL, on SQLite and on PostgreSQL.

``Store.month_counts`` counts in a GROUP BY what the timeline used to count in Python over the
view's excerpts; these tests hold it against that count over ``Store.excerpts`` with the same
filters (outlets, articles, categories, kinds, date ranges with the month/year overlap rule, one
jurisdiction), on articles of every date precision. The chart's spec, written as a plain dict
so that no rerun pays for schema validation, is validated here against the Vega-Lite schema.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import altair as alt
import pytest

from news.dates import DateRange, precision
from news.store import Database, Filters, Store, build_store
from tests.test_store_search import FIXTURES, DictGeoparser

# (file stem, published, outlet): several months, and one article per coarser precision.
DATED = [
    ("day-2019-12-31", "2019-12-31", "Daily C"),
    ("day-2019-12-02", "2019-12-02", "Daily D"),
    ("day-2020-03-15", "2020-03-15", "Daily C"),
    ("month-2019-11", "2019-11", "Daily D"),
    ("month-2020-01", "2020-01", "Daily C"),
    ("year-2018", "2018", "Daily C"),
    ("year-2020", "2020", "Daily D"),
    ("undated", "", "Daily C"),
]
TEXTS = [
    "Federal agents arrested {n} people in Springfield, Illinois, in a raid.",
    "The Sangamon County sheriff said the jail will not honor ICE detainers without a judicial "
    "warrant. \"We follow the law,\" the sheriff said.",
    "Springfield's council voted to limit cooperation with immigration agents; officers "
    "arrested {n} people in Sangamon County last week.",
]


@pytest.fixture()
def store(tmp_path: Path, database: Database) -> Store:
    articles = tmp_path / "articles"
    shutil.copytree(FIXTURES, articles)
    for n, (stem, published, outlet) in enumerate(DATED):
        date_line = f"published: '{published}'\n" if published else ""
        body = "\n\n".join(t.format(n=n + 3) for t in TEXTS[: 1 + n % 3])
        (articles / f"{stem}.md").write_text(
            f"---\ntitle: Raid {stem}\noutlet: {outlet}\n{date_line}---\n\n{body}\n",
            encoding="utf-8")
    build_store(articles, cache_path=tmp_path / "cache.sqlite", geoparser=DictGeoparser(),
                database=database)
    return Store(database)


def _expected(excerpts) -> tuple[Counter, int, int]:
    """What the timeline counted over the excerpts themselves (before the store did)."""
    counts: Counter = Counter()
    year_only = undated = 0
    for e in excerpts:
        kind = precision(e.published)
        if not kind:
            undated += 1
        elif kind == "year":
            year_only += 1
        else:
            for c in e.categories:
                counts[(e.published[:7], c)] += 1
    return counts, year_only, undated


def _got(record) -> tuple[Counter, int, int]:
    assert all(n > 0 for _, _, n in record.counts)
    assert list(record.counts) == sorted(record.counts)
    return Counter({(m, c): n for m, c, n in record.counts}), record.year_only, record.undated


D = dt.date
FILTERS = [
    Filters(),
    Filters(dates=DateRange(D(2019, 12, 1), D(2019, 12, 31))),
    Filters(dates=DateRange(D(2020, 1, 20), D(2020, 1, 25))),  # inside the month article's month
    Filters(dates=DateRange(D(2020, 1, 1), None)),  # 2020: the day, month and year articles
    Filters(dates=DateRange(None, D(2018, 6, 30))),  # the 2018 year article only
    Filters(dates=DateRange(D(2019, 11, 30), D(2019, 12, 1))),
    Filters(outlets=("Daily D",)),
    Filters(categories=("policy",)),
    Filters(categories=("quote", "enforcement"), dates=DateRange(D(2019, 1, 1), None)),
    Filters(kinds=("county",)),
    Filters(kinds=("state", "place")),
]


@pytest.mark.parametrize("f", FILTERS)
def test_the_stores_month_counts_are_the_excerpts_counted(store, f):
    everything = store.excerpts()
    assert {precision(e.published) for e in everything} == {"day", "month", "year", ""}
    assert any(len(e.categories) > 1 for e in everything)  # counted once per category
    expected = _expected(store.excerpts(f))
    assert _got(store.month_counts(f)) == expected
    for jid in ("17167", "1772000", "17"):
        assert _got(store.month_counts(f, jurisdiction=jid)) == \
            _expected(store.excerpts(f, jurisdiction=jid))


def test_month_counts_of_one_article_and_of_nothing(store):
    month = next(a for a in store.articles() if a.published == "2020-01")
    f = Filters(articles=(month.id,))
    counts, year_only, undated = _got(store.month_counts(f))
    assert {m for m, _ in counts} == {"2020-01"} and (year_only, undated) == (0, 0)
    assert _got(store.month_counts(f)) == _expected(store.excerpts(f))
    nothing = Filters(dates=DateRange(D(2030, 1, 1), None))
    assert store.month_counts(nothing).counts == ()
    assert store.month_counts(Filters(), jurisdiction="no-such-id").counts == ()


def test_the_timeline_spec_is_valid_vega_lite_with_the_counts_as_rows(store):
    from ui.timeline import SELECTION, month_counts, spec

    counts = month_counts(store.month_counts())
    assert counts.months[0] == "2019-11" and counts.months[-1] == "2020-03"  # no gap between
    dates = DateRange(D(2019, 12, 1), D(2019, 12, 31))
    chart = spec(counts, dates)
    alt.Chart.from_dict(chart, validate=True)  # raises on a spec the schema rejects
    rows = chart["datasets"][chart["data"]["name"]]
    assert len(rows) == 3 * len(counts.months)
    assert {r["month"] for r in rows if r["in_range"]} == {"2019-12"}
    assert sum(r["excerpts"] for r in rows) == sum(counts.counts.values())
    assert chart["params"][0]["name"] == SELECTION
