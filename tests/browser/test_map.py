"""The map page in a real browser: draw, click, filter, restore from the URL, stay offline."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from helpers import click_jurisdiction, feature_ids, map_frame, open_filters, wait_for_app

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
TRAVIS = "48453"


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Where screenshots go: docs/screenshots/ (committed, shown in the README) when
    UPDATE_SCREENSHOTS=1, else a temporary folder, so a test run leaves the tree unchanged."""
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        path = REPO / "docs" / "screenshots"
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("screenshots")


def _expected_ids(app_store: Path, outlets: tuple[str, ...] = ()) -> set[str]:
    """Ids the store says are in view (with a boundary), read from the app copy's store."""
    from geo import load_geometries
    from news.store import Filters, Store

    ids = [s.id for s in Store(app_store).jurisdiction_summaries(Filters(outlets=outlets))]
    drawn = load_geometries(ids, strict=False)
    return set(drawn["id"])


def _outlets(app_store: Path) -> list[str]:
    from news.store import Store

    return list(Store(app_store).outlets())


def _panel_text(page) -> str:
    return page.locator('[data-testid="stMainBlockContainer"]').inner_text()


def test_map_renders_seed_jurisdictions_offline(page, app_url, app_store, requests_log, shots):
    start = time.perf_counter()
    page.goto(app_url)
    frame = map_frame(page)  # returns once Leaflet holds the drawn layers
    first_load = time.perf_counter() - start
    wait_for_app(page)
    drawn = feature_ids(frame)
    expected = _expected_ids(app_store)
    assert TRAVIS in drawn
    assert expected and expected <= drawn, f"missing on the map: {expected - drawn}"
    # the legend and a tooltip name are there; no tile server was asked for anything
    assert frame.locator(".sanctuary-legend").inner_text().startswith("Excerpts reported")
    requests_log.assert_offline()
    print(f"\nFIRST PAGE LOAD (goto -> Leaflet map with its layers): {first_load:.2f} s; "
          f"websocket bytes received: {requests_log.ws_received_bytes:,}")
    page.screenshot(path=str(shots / "map.png"))


def test_click_travis_county_shows_its_excerpts(page, app_url, requests_log, shots):
    page.goto(app_url)
    map_frame(page)
    wait_for_app(page)
    before = requests_log.ws_received_bytes
    start = click_jurisdiction(page, TRAVIS)
    page.wait_for_function(f"() => location.search.includes('j={TRAVIS}')")
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stMainBlockContainer\"]')"
        ".innerText.includes('Clear the selection')")
    elapsed = time.perf_counter() - start
    wait_for_app(page)
    text = _panel_text(page)
    assert "Policies" in text and "Enforcement actions" in text
    # the 48-hour detainer policy is one of Travis County's excerpts, on the enforcement pager's
    # second page (the panel shows a page of each category)
    _turn_page(page, f"page-{TRAVIS}-enforcement", 2)
    assert "48 hours" in _panel_text(page)
    assert f"j={TRAVIS}" in page.url
    requests_log.assert_offline()
    print(f"\nCLICK -> PANEL (mouse click -> the panel's last element shown, incl. the 250 ms "
          f"debounce): "
          f"{elapsed:.2f} s; websocket bytes for the click: "
          f"{requests_log.ws_received_bytes - before:,}")
    # the clicked county is outlined on the live map, which was neither reloaded nor resent
    frame = map_frame(page)
    frame.wait_for_function(f"() => window.sanctuarySelection === '{TRAVIS}'")
    assert requests_log.ws_received_bytes - before < 200_000, "a click must not resend the map"
    # a second click, caches warm: California, the panel's heading changes
    start = click_jurisdiction(page, "06")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stMainBlockContainer\"] h3')]"
        ".some(h => h.innerText.trim() === 'California')")
    print(f"CLICK -> PANEL, second click (caches warm): {time.perf_counter() - start:.2f} s")
    wait_for_app(page)
    frame.wait_for_function("() => window.sanctuarySelection === '06'")
    # back to Travis County for the screenshots
    click_jurisdiction(page, TRAVIS)
    page.wait_for_function(f"() => location.search.includes('j={TRAVIS}')")
    wait_for_app(page)
    frame.wait_for_function(f"() => window.sanctuarySelection === '{TRAVIS}'")
    page.mouse.move(5, 5)
    page.wait_for_timeout(300)
    page.screenshot(path=str(shots / "panel-travis-county.png"))
    _turn_page(page, f"page-{TRAVIS}-enforcement", 2)
    page.get_by_text("48 hours").first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(shots / "panel-travis-county-excerpts.png"))


def _turn_page(page, key: str, number: int) -> None:
    """Click page ``number`` of the panel's pager ``key`` (st.pagination) and wait for it."""
    pager = page.locator(f".st-key-{key}")
    pager.get_by_role("button", name=re.compile(rf"^(Page )?{number}$")).click()
    page.wait_for_timeout(300)
    wait_for_app(page)


def test_outlet_filter_removes_jurisdictions_only_others_mention(page, app_url, app_store,
                                                                 requests_log):
    outlets = _outlets(app_store)
    everything = _expected_ids(app_store)
    # the outlet whose filter removes the most jurisdictions makes the strongest check
    outlet = max(outlets, key=lambda o: len(everything - _expected_ids(app_store, (o,))))
    kept = _expected_ids(app_store, (outlet,))
    only_others = everything - kept
    assert only_others, "the seeds should have jurisdictions only some outlets mention"

    page.goto(app_url)
    map_frame(page)
    wait_for_app(page)
    open_filters(page)  # closed while no filter is active
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    box.click()
    page.keyboard.type(outlet)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("(o) => decodeURIComponent(location.search.replace(/\\+/g, ' '))"
                           ".includes('outlet=' + o)", arg=outlet)
    wait_for_app(page)
    frame = map_frame(page)
    page.wait_for_timeout(500)
    drawn = feature_ids(frame)
    assert kept <= drawn
    assert not (only_others & drawn), f"still drawn: {only_others & drawn}"
    requests_log.assert_offline()


def test_url_restores_filters_and_selection(page, app_url, app_store, requests_log):
    outlet = "Vocativ" if "Vocativ" in _outlets(app_store) else _outlets(app_store)[0]
    page.goto(f"{app_url}/?outlet={outlet}&j={TRAVIS}")
    frame = map_frame(page)
    wait_for_app(page)
    text = _panel_text(page)
    assert "Travis County, TX" in text
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert outlet in sidebar
    assert feature_ids(frame) == _expected_ids(app_store, (outlet,))
    # the selection is outlined on the live map
    frame.wait_for_function(f"() => window.sanctuarySelection === '{TRAVIS}'")
    requests_log.assert_offline()


def test_excerpt_link_opens_the_reader_at_the_passage(page, app_url, requests_log, shots):
    page.goto(f"{app_url}/?j={TRAVIS}")
    map_frame(page)
    wait_for_app(page)
    page.get_by_role("link", name="Read it in the article").first.click()
    page.wait_for_url("**/Articles?**")
    page.get_by_text("The passage you followed").wait_for()
    wait_for_app(page)
    assert "read=" in page.url and "at=" in page.url
    # the passage is marked in the highlighted text, mentions and excerpts are highlighted
    assert page.locator(".reader #passage.target").count() == 1
    assert page.locator(".reader .mention").count() > 0
    assert page.locator(".reader .excerpt").count() > 0
    page.locator(".reader #passage").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "reader.png"))
    requests_log.assert_offline()


@pytest.mark.parametrize(("path", "title"), [
    ("Articles", "Articles"), ("Quotes", "Quotes"), ("Outlets", "Outlets"),
    ("Add_article", "Add an article"),
])
def test_every_page_opens_from_a_link(page, app_url, requests_log, path, title):
    page.goto(f"{app_url}/{path}")
    page.get_by_role("heading", name=title, level=1).wait_for()
    wait_for_app(page)
    assert not page.get_by_test_id("stException").count()
    nav = page.get_by_test_id("stSidebar")
    nav.get_by_role("link", name="Map").wait_for()
    requests_log.assert_offline()


def test_county_under_a_city_point_is_clickable_after_zooming_to_the_city(page, app_url,
                                                                          requests_log):
    austin = "4805000"
    page.goto(f"{app_url}/?j={austin}")
    frame = map_frame(page)
    wait_for_app(page)
    # the selection from the URL is outlined and zoomed to
    frame.wait_for_function(f"() => window.sanctuarySelection === '{austin}'")
    assert frame.evaluate("() => window.map.getZoom()") >= 10
    # at that zoom, a pixel of Travis County off Austin's point selects the county
    click_jurisdiction(page, TRAVIS, fit=False)
    page.wait_for_function(f"() => location.search.includes('j={TRAVIS}')")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stMainBlockContainer\"] h3')]"
        ".some(h => h.innerText.trim() === 'Travis County, TX')")
    frame.wait_for_function(f"() => window.sanctuarySelection === '{TRAVIS}'")
    requests_log.assert_offline()


def test_find_box_selects_and_back_restores(page, app_url, requests_log):
    page.goto(app_url)
    frame = map_frame(page)
    wait_for_app(page)
    box = page.locator(".st-key-find")
    box.click()
    page.keyboard.type("Travis County")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => location.search.includes('j={TRAVIS}')")
    frame.wait_for_function(f"() => window.sanctuarySelection === '{TRAVIS}'")
    wait_for_app(page)
    assert "Travis County, TX" in _panel_text(page)
    # Back: the selection made with the find box is undone, on the map and in the panel
    page.go_back()
    page.wait_for_function(f"() => !location.search.includes('j={TRAVIS}')")
    wait_for_app(page)
    frame = map_frame(page)
    frame.wait_for_function("() => window.sanctuarySelection === null")
    assert page.locator(".st-key-clear-selection").count() == 0
    requests_log.assert_offline()


def _heading(page, text: str) -> None:
    page.wait_for_function(
        "(t) => [...document.querySelectorAll('[data-testid=\"stMainBlockContainer\"] h3')]"
        ".some(h => h.innerText.trim() === t)", arg=text)


def test_back_forward_and_reload_restore_the_selection(page, app_url, requests_log):
    page.goto(app_url)
    frame = map_frame(page)
    wait_for_app(page)
    # streamlit-folium keeps the drawn map across reruns (its script is the same) and swaps
    # only the selection's feature group: the map's window lives through every step below
    frame.evaluate("() => { window.sameMap = true; }")
    for jid in (TRAVIS, "06"):
        click_jurisdiction(page, jid)
        page.wait_for_function(f"() => location.search.includes('j={jid}')")
        frame.wait_for_function(f"() => window.sanctuarySelection === '{jid}'")
        wait_for_app(page)
    # Back: the first click's jurisdiction is selected again, outlined and in the panel
    page.go_back()
    page.wait_for_function(f"() => location.search.includes('j={TRAVIS}')")
    frame = map_frame(page)
    frame.wait_for_function(f"() => window.sanctuarySelection === '{TRAVIS}'")
    _heading(page, "Travis County, TX")
    wait_for_app(page)
    # Forward: the second one
    page.go_forward()
    page.wait_for_function("() => location.search.includes('j=06')")
    frame = map_frame(page)
    frame.wait_for_function("() => window.sanctuarySelection === '06'")
    _heading(page, "California")
    wait_for_app(page)
    assert frame.evaluate("() => window.sameMap === true"), "the map was redrawn"
    # A reload keeps it
    page.reload()
    frame = map_frame(page)
    frame.wait_for_function("() => window.sanctuarySelection === '06'")
    _heading(page, "California")
    requests_log.assert_offline()


def test_map_uses_the_width_the_page_gives_it(page, app_url, requests_log):
    page.goto(app_url)
    map_frame(page)
    wait_for_app(page)
    for width in (1440, 1100):
        page.set_viewport_size({"width": width, "height": 1000})
        page.wait_for_timeout(500)
        sizes = page.evaluate(
            "() => { const f = document.querySelector('iframe[title=\"streamlit_folium.st_folium\"]');"
            " const col = f.closest('[data-testid=\"stColumn\"]');"
            " return [f.getBoundingClientRect().width, col.getBoundingClientRect().width,"
            " f.contentWindow.map.getSize().x]; }")
        frame_w, column_w, map_w = sizes
        assert frame_w >= column_w - 2, sizes  # the iframe fills its column
        assert abs(map_w - frame_w) <= 2, sizes  # and Leaflet's map fills the iframe
    requests_log.assert_offline()


def test_downloads_are_built_when_clicked(page, app_url, requests_log):
    import json as _json

    page.goto(f"{app_url}/?j={TRAVIS}")
    map_frame(page)
    wait_for_app(page)
    with page.expect_download() as got:
        page.get_by_role("button", name="Excerpts on screen (CSV)").click()
    text = Path(got.value.path()).read_text(encoding="utf-8")
    assert got.value.suggested_filename == f"excerpts-{TRAVIS}.csv"
    assert "48 hours" in text and len(text.splitlines()) > 2
    with page.expect_download() as got:
        page.get_by_role("button", name="Jurisdictions on the map (GeoJSON)").click()
    doc = _json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    assert TRAVIS in {f["properties"]["id"] for f in doc["features"]}
    requests_log.assert_offline()


TOOLTIP_SHOWS = """
(name) => { const t = document.querySelector('.leaflet-tooltip.sanctuary-tip');
            return !!t && t.textContent.startsWith(name) && t.textContent.includes('excerpt'); }
"""


def _hover(page, frame, jurisdiction: str, name: str) -> None:
    """Rest the pointer on ``jurisdiction`` until its tooltip shows."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    from ui.testing import CLICK_POINT

    box = page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    for _ in range(5):
        point = frame.evaluate(CLICK_POINT, jurisdiction)
        assert point, f"{jurisdiction} is not drawn on the map"
        page.mouse.move(box["x"] + 2, box["y"] + 2)
        x, y = box["x"] + point["x"], box["y"] + point["y"]
        page.mouse.move(x, y, steps=4)
        # Leaflet's canvas drops pointer moves within 32 ms of the one it handled last: the
        # pointer comes to rest on the point with a later move
        page.wait_for_timeout(60)
        page.mouse.move(x, y + 1)
        page.wait_for_timeout(60)
        page.mouse.move(x, y)
        try:
            frame.wait_for_function(TOOLTIP_SHOWS, arg=name, timeout=5_000)
            return
        except PlaywrightTimeout:
            continue
    seen = frame.evaluate("() => [...document.querySelectorAll('.leaflet-tooltip')]"
                          ".map(t => t.textContent)")
    raise AssertionError(f"no tooltip for {name} under the pointer (shown: {seen})")


def test_hovering_a_shape_or_a_city_shows_its_label_inside_the_map(page, app_url, requests_log):
    page.goto(app_url)
    frame = map_frame(page)
    wait_for_app(page)
    box = page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    for jid, name in ((TRAVIS, "Travis County"), ("4805000", "Austin")):
        _hover(page, frame, jid, name)
        # the label is a text node, and the tooltip opens on the side that keeps it in the map
        assert frame.evaluate("() => document.querySelector('.leaflet-tooltip div')"
                              ".children.length") == 0
        inner = frame.locator(".leaflet-tooltip.sanctuary-tip").bounding_box()
        outer = frame.locator(".leaflet-container").bounding_box()
        assert outer["x"] <= inner["x"] and inner["x"] + inner["width"] <= outer["x"] + \
            outer["width"]
        if jid == TRAVIS:  # the shape under the pointer is outlined while hovered
            assert frame.evaluate(f"() => window.sanctuaryLayers['{jid}'].options.weight") == 2.5
            page.mouse.move(box["x"] + 2, box["y"] + 2)
            frame.wait_for_function(
                f"() => window.sanctuaryLayers['{jid}'].options.weight < 2.5")
    requests_log.assert_offline()
