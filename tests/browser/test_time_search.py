"""Time and search in a real browser (issue 10, parts 3-4): a date range from the URL, a month
clicked on a timeline, a search whose results lead to the map and to the reader.

The timeline is a Vega-Lite chart drawn as SVG; each bar is a ``path`` whose ``aria-label``
starts with ``month: YYYY-MM;``, so the test finds a month's bar by its label and clicks the
middle of it with the mouse, as a user would (no Vega API, no synthetic event).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from helpers import FILTERS_BOX, feature_ids, map_frame, wait_for_app
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from news.dates import DateRange

pytestmark = pytest.mark.browser

TRAVIS = "48453"
MID_SEPTEMBER = DateRange(dt.date(2017, 9, 10), dt.date(2017, 9, 20))
SEPTEMBER = DateRange(dt.date(2017, 9, 1), dt.date(2017, 9, 30))
MARCH = DateRange(dt.date(2017, 3, 1), dt.date(2017, 3, 31))
CHART = '[data-testid="stVegaLiteChart"]'
MAIN = '[data-testid="stMainBlockContainer"]'


def _store(app_store: Path):
    from news.store import Store

    return Store(app_store)


def _expected(app_store: Path, rng: DateRange) -> tuple[set[str], tuple[int, int, int]]:
    """The ids drawn (those with a boundary) and the "In view" figures for ``rng``."""
    from geo import load_geometries
    from news.store import Filters

    store = _store(app_store)
    f = Filters(dates=rng)
    summaries = store.jurisdiction_summaries(f)
    excerpts = store.excerpts(f)
    arts = {e.article for e in excerpts} | {a for s in summaries for a in s.articles}
    drawn = set(load_geometries([s.id for s in summaries], strict=False)["id"])
    return drawn, (len(summaries), len(excerpts), len(arts))


def _in_view(page) -> tuple[int, int, int]:
    text = page.locator(MAIN).inner_text()
    m = re.search(r"In view: (\d+) jurisdictions? · (\d+) excerpts? · (\d+) articles?", text)
    assert m, text[:500]
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def _open_panel_timeline(page) -> None:
    """Open the panel's "Excerpts per month" expander (its timeline is drawn only while open)."""
    page.locator(".st-key-panel-timeline summary").click()
    page.locator(f".st-key-panel-timeline {CHART}").wait_for()
    wait_for_app(page)


def _open_view_timeline(page) -> None:
    """Open the "Excerpts per month in view" expander (its timeline is drawn only while open)."""
    page.locator(".st-key-view-timeline summary").click()
    page.locator(f".st-key-view-timeline {CHART}").wait_for()
    wait_for_app(page)


def _sidebar_days(page) -> tuple[str, str]:
    return (page.locator(".st-key-filter_from input").input_value(),
            page.locator(".st-key-filter_to input").input_value())


def _wait_for_range(page, rng: DateRange) -> None:
    start, end = rng.iso()
    page.wait_for_function(
        "([s, e]) => location.search.includes('from=' + s) && location.search.includes('to=' + e)",
        arg=[start, end])
    wait_for_app(page)


def _features_when_redrawn(page, expected: set[str]) -> set[str]:
    """The ids drawn on the map once it shows ``expected`` (a new view redraws the map, in
    its own time); what it shows after 15 s otherwise."""
    drawn: set[str] = set()
    for _ in range(30):
        drawn = feature_ids(map_frame(page))
        if drawn == expected:
            break
        page.wait_for_timeout(500)
    return drawn


# True once the pointer at (x, y) has had the bar of month m under it, with that month's
# tooltip shown, for five animation frames running (the poll runs once a frame).
_POINTED_AT_BAR = """([x, y, m]) => {
    const el = document.elementFromPoint(x, y);
    const tip = document.querySelector('#vg-tooltip-element.visible');
    const ok = !!el && (el.getAttribute('aria-label') || '').startsWith('month: ' + m + ';')
        && !!tip && tip.textContent.includes(m);
    window.__frames_on_bar = ok ? (window.__frames_on_bar || 0) + 1 : 0;
    return window.__frames_on_bar >= 5;
}"""


def _click_month(page, chart, month: str) -> None:
    """Click the middle of the tallest segment of ``month``'s bar in ``chart``."""
    chart.scroll_into_view_if_needed()
    bars = chart.locator(f'g.mark-rect path[aria-label^="month: {month};"]')
    assert bars.count(), f"no bar for {month}"
    boxes = [b for b in (bars.nth(i).bounding_box() for i in range(bars.count())) if b]
    box = max(boxes, key=lambda b: b["height"])
    assert box["height"] >= 4, f"the {month} bar is too thin to click: {box}"
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    # Point at the bar, as a user does, until the bar itself is under the pointer with its
    # tooltip shown, and stays so. Half a second after the panel's chart is drawn, a pointer
    # at its bar has now and then hit the panel's next element (the pager's caption), laid over
    # the chart for a moment, and a click then selected no month. The chart only answers a
    # pointer that moves, so point again until the bar is there.
    page.evaluate("window.__frames_on_bar = 0")
    for _ in range(20):
        page.mouse.move(x - 3, y)
        page.mouse.move(x, y)
        try:
            page.wait_for_function(_POINTED_AT_BAR, arg=[x, y, month], polling="raf",
                                   timeout=3_000)
            break
        except PlaywrightTimeout:
            continue
    else:
        raise AssertionError(f"the {month} bar never stayed under the pointer with its tooltip")
    page.mouse.click(x, y)


def test_a_date_range_from_the_url_limits_the_map_and_the_list(page, app_url, app_store,
                                                             requests_log):
    start, end = MID_SEPTEMBER.iso()
    page.goto(f"{app_url}/?from={start}&to={end}")
    frame = map_frame(page)
    wait_for_app(page)
    # the sidebar's filters open on a link that carries one, and name it
    assert "1 active (dates)" in page.locator(f"{FILTERS_BOX} summary").inner_text()
    assert _sidebar_days(page) == (start, end)
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "dated only to a month or a year count when that month or year overlaps" in sidebar
    drawn, figures = _expected(app_store, MID_SEPTEMBER)
    everything, _ = _expected(app_store, DateRange())
    assert figures[2] == 1 and drawn < everything  # only the month-precision article
    assert _in_view(page) == figures
    page.wait_for_timeout(300)
    assert feature_ids(frame) == drawn
    # the Articles page, reached from the sidebar, keeps the range and lists that one article
    page.get_by_test_id("stSidebar").get_by_role("link", name="Articles").click()
    page.get_by_role("heading", name="Articles", level=1).wait_for()
    wait_for_app(page)
    page.wait_for_function("(s) => location.search.includes('from=' + s)", arg=start)
    assert _sidebar_days(page) == (start, end)
    page.locator(".st-key-read").click()
    options = page.get_by_role("option")
    options.first.wait_for()
    assert [o.inner_text() for o in options.all()] == [
        next(f"{a.title} — {a.outlet}, Sep 2017 (month only)" for a in
             _store(app_store).articles() if a.published == "2017-09")]
    page.keyboard.press("Escape")
    requests_log.assert_offline()


def test_clicking_a_month_on_the_timeline_narrows_the_range(page, app_url, app_store,
                                                           requests_log):
    page.goto(app_url)
    map_frame(page)
    wait_for_app(page)
    # no filter: the sidebar's filters are closed (their widgets not drawn) ...
    assert page.locator(f"{FILTERS_BOX} summary").inner_text().strip().endswith("Filters")
    assert not page.locator(".st-key-filter_from").count()
    assert page.locator(CHART).count() == 0  # drawn once its expander is open
    _open_view_timeline(page)
    charts = page.locator(CHART)
    assert charts.count() == 1  # no selection: the view's timeline only
    # the busiest month's bar has room to be read and clicked (turned month labels and a
    # legend below once left the plot 11 px high)
    march = charts.first.locator('g.mark-rect path[aria-label^="month: 2017-03;"]')
    charts.first.scroll_into_view_if_needed()
    assert sum(b["height"] for b in (march.nth(i).bounding_box() for i in range(march.count()))
               if b) >= 60
    _click_month(page, charts.first, "2017-09")
    _wait_for_range(page, SEPTEMBER)
    # ... and open, naming the range, once a month made it active
    assert "1 active (dates)" in page.locator(f"{FILTERS_BOX} summary").inner_text()
    assert _sidebar_days(page) == SEPTEMBER.iso()
    drawn, figures = _expected(app_store, SEPTEMBER)
    assert _in_view(page) == figures
    assert _features_when_redrawn(page, drawn) == drawn
    # the other months stay on the chart, faded, one click away
    _click_month(page, page.locator(CHART).first, "2017-03")
    _wait_for_range(page, MARCH)
    assert _sidebar_days(page) == MARCH.iso()
    assert _in_view(page) == _expected(app_store, MARCH)[1]
    requests_log.assert_offline()


def test_clicking_a_month_on_the_panels_timeline_narrows_the_whole_page(page, app_url,
                                                                       app_store, requests_log):
    page.goto(f"{app_url}/?j={TRAVIS}")
    map_frame(page)
    wait_for_app(page)
    assert page.locator(CHART).count() == 0  # each is drawn once its expander is open
    _open_view_timeline(page)
    _open_panel_timeline(page)
    charts = page.locator(CHART)
    assert charts.count() == 2  # the panel's (first in the page) and the view's
    panel_chart = charts.first
    assert panel_chart.locator("xpath=ancestor::*[contains(@class, 'stColumn')]").count()
    _click_month(page, panel_chart, "2017-03")
    _wait_for_range(page, MARCH)
    assert _sidebar_days(page) == MARCH.iso()
    _, figures = _expected(app_store, MARCH)
    assert _in_view(page) == figures  # the page outside the panel follows the range too
    assert f"j={TRAVIS}" in page.url
    requests_log.assert_offline()


def test_a_search_leads_to_the_place_on_the_map_and_to_the_passage(page, app_url, app_store,
                                                                  requests_log):
    from geo import load_gazetteer

    results = _store(app_store).search("detainers")
    assert results
    first = results[0]
    jid = first.jurisdictions[0]
    name = load_gazetteer().find(jid).display_name

    page.goto(f"{app_url}/Search")
    page.get_by_role("heading", name="Search", level=1).wait_for()
    wait_for_app(page)
    box = page.locator(".st-key-search_q input")
    box.fill("detainers")
    box.press("Enter")
    page.wait_for_function("() => location.search.includes('q=detainers')")
    wait_for_app(page)
    n = len(results)
    assert f"{n} excerpt{'' if n == 1 else 's'} match{'es' if n == 1 else ''}" \
        in page.locator(MAIN).inner_text()

    # the first result's first place: the map, that jurisdiction selected and outlined
    page.locator(MAIN).get_by_role("link", name=name).first.click()
    page.wait_for_function(f"() => location.search.includes('j={jid}')")
    frame = map_frame(page)
    wait_for_app(page)
    page.wait_for_function(
        f"() => [...document.querySelectorAll('{MAIN} h3')]"
        f".some(h => h.innerText.trim() === {name!r})")
    frame.wait_for_function(f"() => window.sanctuarySelection === '{jid}'")

    # back to the results (the query is in the URL), then the reader at the passage
    page.go_back()
    page.get_by_role("heading", name="Search", level=1).wait_for()
    wait_for_app(page)
    assert page.locator(".st-key-search_q input").input_value() == "detainers"
    page.locator(MAIN).get_by_role("link", name="Read it in the article").first.click()
    page.wait_for_url("**/Articles?**")
    page.get_by_text("The passage you followed").wait_for()
    wait_for_app(page)
    assert f"read={first.article}" in page.url and f"at={first.start}" in page.url
    target = page.locator(".reader #passage.target")
    assert target.count() == 1
    assert " ".join(first.text.split()) in " ".join(target.inner_text().split())
    requests_log.assert_offline()


def test_a_query_the_engine_would_reject_is_a_plain_message(page, app_url, requests_log):
    page.goto(f'{app_url}/Search?q=%22judicial%20warrant%20NEAR(%20text:')
    page.get_by_role("heading", name="Search", level=1).wait_for()
    wait_for_app(page)
    main = page.locator(MAIN).inner_text()
    assert re.search(r"\d+ excerpts match", main)
    assert not page.get_by_test_id("stException").count()
    assert "fts5" not in main.lower() and "syntax error" not in main.lower()
    requests_log.assert_offline()


def test_the_panels_month_box_narrows_the_whole_page(page, app_url, app_store, requests_log):
    page.goto(f"{app_url}/?j={TRAVIS}")
    map_frame(page)
    wait_for_app(page)
    _open_panel_timeline(page)
    page.locator(f".st-key-timeline-month-j-{TRAVIS}").click()
    page.keyboard.type("2017-03")
    page.keyboard.press("Enter")
    _wait_for_range(page, MARCH)
    assert _sidebar_days(page) == MARCH.iso()
    assert _in_view(page) == _expected(app_store, MARCH)[1]
    assert f"j={TRAVIS}" in page.url
    requests_log.assert_offline()


def test_the_same_month_clicked_again_after_the_range_moved(page, app_url, app_store,
                                                            requests_log):
    page.goto(app_url)
    map_frame(page)
    wait_for_app(page)
    _open_view_timeline(page)
    _click_month(page, page.locator(CHART).first, "2017-09")
    _wait_for_range(page, SEPTEMBER)
    page.locator(".st-key-timeline-month-view").click()  # elsewhere, by the keyboard
    page.keyboard.type("2017-03")
    page.keyboard.press("Enter")
    _wait_for_range(page, MARCH)
    _click_month(page, page.locator(CHART).first, "2017-09")  # the month the chart last had
    _wait_for_range(page, SEPTEMBER)
    assert _sidebar_days(page) == SEPTEMBER.iso()
    requests_log.assert_offline()
