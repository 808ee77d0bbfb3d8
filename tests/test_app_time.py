"""The date range and the timelines under AppTest, on the store built from the seed articles.

The seeds are four articles of 24 Mar 2017 and one dated only to the month (Sep 2017), so a
range inside September keeps exactly the month-precision article. Expectations are computed
from the store with the same range (``news.store.Filters.dates``), so the tests check that each
page shows what the store holds for the range the URL or the sidebar gives.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from news.dates import DateRange, display_date
from ui.testing import open_filters, plain, run_app

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "app.py"
ARTICLES = REPO / "pages" / "1_Articles.py"
OUTLETS = REPO / "pages" / "3_Outlets.py"
QUOTES = REPO / "pages" / "2_Quotes.py"
TRAVIS = "48453"
MARCH = DateRange(dt.date(2017, 3, 1), dt.date(2017, 3, 31))
# Inside September 2017, not on its first or last day: only a month-precision date overlaps.
MID_SEPTEMBER = DateRange(dt.date(2017, 9, 10), dt.date(2017, 9, 20))
RULE = "Articles dated only to a month or a year count when that month or year overlaps"


@pytest.fixture(scope="module")
def store():
    from news.store import Store, ensure_store

    return Store(ensure_store())


@pytest.fixture(scope="module")
def month_only(store):
    """The seed article dated only to its month."""
    from news.dates import precision

    found = [a for a in store.articles() if precision(a.published) == "month"]
    assert found, "the seeds have an article dated only to the month"
    return found[0]


def _run(path: Path, **params: str | list[str]) -> AppTest:
    return run_app(None if path == APP else str(path.relative_to(REPO)), **params)


def _run_timeline_open(*, panel: bool = True, **params: str) -> AppTest:
    """The map page with the view's timeline expander open, and the panel's unless ``panel``
    is false (each is drawn only while open)."""
    from ui.panel import TIMELINE_KEY
    from ui.timeline import VIEW_TIMELINE_KEY

    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state[VIEW_TIMELINE_KEY] = True
    if panel:
        at.session_state[TIMELINE_KEY] = True
    for k, v in params.items():
        at.query_params[k] = v
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def _range_params(rng: DateRange) -> dict[str, str]:
    start, end = rng.iso()
    return {k: v for k, v in (("from", start), ("to", end)) if v}


def _in_view(at: AppTest) -> tuple[int, int, int]:
    caption = next(c.value for c in at.caption if c.value.startswith("In view:"))
    m = re.match(r"In view: (\d+) jurisdictions? · (\d+) excerpts? · (\d+) articles?", caption)
    assert m, caption
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def _expected_view(store, rng: DateRange) -> tuple[int, int, int]:
    from news.store import Filters

    f = Filters(dates=rng)
    summaries = store.jurisdiction_summaries(f)
    excerpts = store.excerpts(f)
    arts = {e.article for e in excerpts} | {a for s in summaries for a in s.articles}
    return len(summaries), len(excerpts), len(arts)


def _sidebar_range(at: AppTest) -> tuple[dt.date | None, dt.date | None]:
    return at.sidebar.date_input(key="filter_from").value, at.sidebar.date_input(
        key="filter_to").value


_plain = plain


def _all_text(at: AppTest) -> str:
    parts = [*(m.value for m in at.markdown), *(c.value for c in at.caption),
             *(w.value for w in at.warning), *(i.value for i in at.info),
             *(e.value for e in at.error), *(h.value for h in at.subheader)]
    return _plain("\n".join(parts))


def _charts(at: AppTest) -> list:
    return list(at.get("vega_lite_chart"))


def _chart_rows(chart) -> list[dict]:
    """The rows a timeline chart draws (its data, an Arrow table)."""
    assert not chart.proto.datasets
    table = pa.ipc.open_stream(io.BytesIO(chart.proto.data.data)).read_all()
    return table.to_pylist()


def _expected_months(excerpts) -> Counter:
    from news.dates import precision
    from ui.data import CATEGORIES, CATEGORY_LABELS

    out: Counter = Counter()
    for e in excerpts:
        if precision(e.published) in ("day", "month"):
            for c in e.categories:
                if c in CATEGORIES:
                    out[(e.published[:7], CATEGORY_LABELS[c])] += 1
    return out


def test_a_range_in_the_url_fills_the_sidebar_and_narrows_the_map(store):
    everything = _expected_view(store, DateRange())
    at = _run(APP, **_range_params(MARCH))
    assert _sidebar_range(at) == (MARCH.start, MARCH.end)
    expected = _expected_view(store, MARCH)
    assert _in_view(at) == expected
    assert expected != everything and expected[0] > 0
    # the range stays in the URL, so a link keeps it
    assert at.query_params["from"] in ("2017-03-01", ["2017-03-01"])
    assert at.query_params["to"] in ("2017-03-31", ["2017-03-31"])
    assert "(filtered)" in next(c.value for c in at.caption if c.value.startswith("In view:"))


def test_an_open_ended_range_from_the_url(store):
    rng = DateRange(dt.date(2017, 4, 1), None)
    at = _run(APP, **{"from": "2017-04-01"})
    assert _sidebar_range(at) == (rng.start, None)
    assert _in_view(at) == _expected_view(store, rng)
    assert "to" not in at.query_params


def test_a_month_precision_date_counts_when_its_month_overlaps_and_the_ui_says_so(
        store, month_only):
    at = _run(APP, **_range_params(MID_SEPTEMBER))
    n, n_ex, n_art = _in_view(at)
    assert n_art == 1 and (n, n_ex, n_art) == _expected_view(store, MID_SEPTEMBER)
    from news.store import Filters

    assert n_ex == len(store.excerpts(Filters(articles=(month_only.id,))))
    assert any(c.value.startswith(RULE) for c in at.sidebar.caption)
    # the article's excerpts, in a panel, say how precise the date is
    jid = store.jurisdiction_summaries(Filters(dates=MID_SEPTEMBER))[0].id
    at.query_params["j"] = jid
    at.run(timeout=60)
    assert not at.exception
    assert f"{month_only.title} · {display_date(month_only.published)}" in _all_text(at)
    assert "Sep 2017 (month only)" in _all_text(at)


def test_no_caption_on_precision_without_a_range():
    at = _run(APP)
    assert not any(c.value.startswith(RULE) for c in at.sidebar.caption)


def test_a_range_that_keeps_nothing_is_a_message(store):
    rng = DateRange(dt.date(2017, 10, 1), dt.date(2017, 12, 31))
    assert _expected_view(store, rng) == (0, 0, 0)
    at = _run(APP, **_range_params(rng))
    assert _in_view(at) == (0, 0, 0)
    assert any("No jurisdiction matches" in i.value for i in at.info)


def test_setting_the_range_in_the_sidebar_writes_the_url_and_narrows(store):
    at = open_filters(_run(APP))
    at.sidebar.date_input(key="filter_from").set_value(MID_SEPTEMBER.start)
    at.sidebar.date_input(key="filter_to").set_value(MID_SEPTEMBER.end).run(timeout=60)
    assert not at.exception
    assert _in_view(at) == _expected_view(store, MID_SEPTEMBER)
    assert at.query_params["from"] in ("2017-09-10", ["2017-09-10"])
    assert at.query_params["to"] in ("2017-09-20", ["2017-09-20"])


def test_a_range_that_starts_after_it_ends_is_not_applied(store):
    at = open_filters(_run(APP))
    at.sidebar.date_input(key="filter_from").set_value(dt.date(2017, 9, 30))
    at.sidebar.date_input(key="filter_to").set_value(dt.date(2017, 3, 1)).run(timeout=60)
    assert not at.exception
    assert any("starts after it ends" in w.value for w in at.sidebar.warning)
    assert _in_view(at) == _expected_view(store, DateRange())


D = dt.date


@pytest.mark.parametrize(("params", "applied"), [
    ({"from": "2017-13-01"}, DateRange()),
    ({"from": "2017-02-30", "to": "2017-03-31"}, DateRange(None, D(2017, 3, 31))),
    ({"from": "2017-03-01", "to": "yesterday"}, DateRange(D(2017, 3, 1), None)),
    ({"from": "24/03/2017"}, DateRange()),
    ({"from": "<script>alert(1)</script>"}, DateRange()),
    ({"from": "**bold** [link](javascript:alert(1))"}, DateRange()),
    ({"from": "0001-01-01"}, DateRange()),
    ({"from": "2017-09-30", "to": "2017-03-01"}, DateRange()),
])
def test_a_bad_date_in_the_url_is_a_plain_warning(store, params, applied):
    at = _run(APP, **params)  # no exception
    warnings = [w.value for w in at.sidebar.warning]
    assert any(w.startswith("The date range in the link was not applied") for w in warnings), \
        warnings
    # the warning quotes what was given, escaped: shown literally, never as markup
    for w in warnings:
        assert "<script>" not in w and "](" not in w and "**bold**" not in w
    if "<script>" in params["from"]:
        assert any("<script>alert(1)</script>" in _plain(w) for w in warnings)
    # what could not be read is left out; what could is applied
    assert _sidebar_range(at) == (applied.start, applied.end)
    assert _in_view(at) == _expected_view(store, applied)
    assert not at.error


def test_the_articles_page_lists_the_articles_of_the_range(store, month_only):
    from news.dates import overlaps

    at = _run(ARTICLES, **_range_params(MARCH))
    options = at.selectbox(key="read").options
    in_march = [a for a in store.articles() if overlaps(a.published, MARCH)]
    assert len(options) == len(in_march) == len(store.articles()) - 1
    assert all(o.endswith(", 24 Mar 2017") for o in options)
    at = _run(ARTICLES, **_range_params(MID_SEPTEMBER))
    assert at.selectbox(key="read").options == [
        f"{month_only.title} — {month_only.outlet}, Sep 2017 (month only)"]


def test_a_link_to_an_article_outside_the_range_still_opens_it(store, month_only):
    at = _run(ARTICLES, read=month_only.id, **_range_params(MARCH))
    assert _plain(at.header[0].value) == month_only.title


def test_the_outlets_page_counts_the_articles_of_the_range(store, month_only):
    at = _run(OUTLETS, **_range_params(MID_SEPTEMBER))
    assert list(at.dataframe[0].value["outlet"]) == [month_only.outlet]
    at = _run(OUTLETS, **_range_params(MARCH))
    assert month_only.outlet not in set(at.dataframe[0].value["outlet"])
    at = _run(OUTLETS, **_range_params(DateRange(dt.date(2018, 1, 1), None)))
    assert any("No article matches" in i.value for i in at.info)


def test_the_quotes_page_honours_the_range(store):
    from news.store import Filters

    n_all = len(store.quotes(Filters()))
    n_march = len(store.quotes(Filters(dates=MARCH)))
    assert 0 < n_march < n_all
    at = _run(QUOTES, **_range_params(MARCH))
    assert any(c.value.startswith(f"{n_march} quotes") for c in at.caption)


def test_the_view_timeline_counts_excerpts_per_month_and_category(store):
    from news.store import Filters

    at = _run(APP, **_range_params(MARCH))
    # drawn only once its expander is open (the first map comes sooner without Vega-Lite)
    assert not _charts(at)
    assert [e.label for e in at.main.expander] == ["Excerpts per month in view"]
    at = _run_timeline_open(panel=False, **_range_params(MARCH))
    (chart,) = _charts(at)  # no selection: the view's timeline only
    rows = _chart_rows(chart)
    got = Counter({(r["month"], r["category"]): r["excerpts"] for r in rows if r["excerpts"]})
    # the chart draws every date (the range highlighted), so other months stay one click away
    assert got == _expected_months(store.excerpts(Filters()))
    months = {r["month"] for r in rows}
    assert {"2017-03", "2017-09"} <= months and "2017-06" in months  # no gap in between
    assert {r["month"] for r in rows if r["in_range"]} == {"2017-03"}
    assert any(c.value.startswith("Excerpts per month") and "from 1 Mar 2017 to 31 Mar 2017"
               in c.value for c in at.caption)


def test_the_selected_jurisdiction_has_its_own_timeline(store):
    from news.store import Filters

    at = _run(APP, j=TRAVIS)
    assert not _charts(at)  # each timeline is drawn only when opened
    assert sorted(e.label for e in at.main.expander) == ["Excerpts per month",
                                                          "Excerpts per month in view"]
    assert len(_charts(_run_timeline_open(panel=False, j=TRAVIS))) == 1  # the view's
    at = _run_timeline_open(j=TRAVIS)
    charts = _charts(at)
    assert len(charts) == 2  # the panel's and the view's
    per_place = [Counter({(r["month"], r["category"]): r["excerpts"]
                          for r in _chart_rows(c) if r["excerpts"]}) for c in charts]
    travis = _expected_months(store.excerpts(Filters(), jurisdiction=TRAVIS))
    view = _expected_months(store.excerpts(Filters()))
    assert travis != view
    assert sorted(per_place, key=len) == sorted([travis, view], key=len)


@pytest.mark.parametrize("box", ["timeline-month-view", f"timeline-month-j-{TRAVIS}"])
def test_the_month_box_narrows_the_range_to_that_month(store, box):
    at = _run_timeline_open(j=TRAVIS)
    assert not at.sidebar.date_input  # no filter: the sidebar's filters are closed
    select = at.selectbox(key=box)
    assert "2017-03" in select.options
    assert list(select.options) == sorted(select.options, reverse=True)  # newest first
    select.set_value("2017-03").run(timeout=60)
    assert not at.exception
    assert _sidebar_range(at) == (MARCH.start, MARCH.end)
    assert at.query_params["from"] in ("2017-03-01", ["2017-03-01"])
    assert at.query_params["to"] in ("2017-03-31", ["2017-03-31"])
    assert _in_view(at) == _expected_view(store, MARCH)
    assert at.selectbox(key=box).value is None  # the box is empty again, the range holds it
    assert at.query_params["j"] in (TRAVIS, [TRAVIS])  # the selection is kept


def test_the_range_carries_over_to_the_other_pages(store):
    at = _run(APP, **_range_params(MID_SEPTEMBER))
    at.switch_page("pages/3_Outlets.py").run(timeout=60)
    assert not at.exception
    assert _sidebar_range(at) == (MID_SEPTEMBER.start, MID_SEPTEMBER.end)
    assert len(at.dataframe[0].value) == 1
