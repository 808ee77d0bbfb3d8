"""Untrusted article text in a real browser: added via the Add page, shown everywhere, never run.

Runs after test_map.py (file order) because the article it adds stays in the served copy.
"""

from __future__ import annotations

import re

import pytest
from helpers import click_jurisdiction, map_frame, wait_for_app
from playwright.sync_api import Error as PlaywrightError

pytestmark = pytest.mark.browser

TITLE = '<script>window.__pwned="title"</script>Raid <img src=x onerror="window.__pwned=1">'
OUTLET = '<img src=x onerror="window.__pwned=2">Evil Outlet'
BODY = (
    'Sheriff <img src=x onerror="window.__pwned=3"> of Travis County, Texas, said ICE agents '
    "arrested 12 people in raids in Travis County last week. "
    '<script>window.__pwned="body"</script> '
    "[click me](javascript:window.__pwned=4) "
    '<a href="javascript:window.__pwned=5">link</a>\n\n'
    '"We will not honor detainers <b>ever</b>," the sheriff said of the Travis County policy.\n'
)

FLAG = "() => window.__pwned === undefined"


def _assert_nothing_ran(page, dialogs):
    assert page.evaluate(FLAG), page.evaluate("() => window.__pwned")
    for frame in page.frames:
        try:
            ok = frame.evaluate(FLAG)
        except PlaywrightError as error:  # a frame torn down by a rerun cannot be evaluated
            if "detached" in str(error).lower() or "destroyed" in str(error).lower():
                continue
            raise
        assert ok, (frame.url, frame.evaluate("() => window.__pwned"))
    assert not dialogs, dialogs
    assert not page.locator("img[src='x']").count()


def test_untrusted_article_shows_literally_and_runs_nothing(page, app_url, requests_log):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    page.goto(f"{app_url}/Add_article")
    wait_for_app(page)
    form = page.get_by_test_id("stForm")
    form.get_by_role("textbox", name="Title").fill(TITLE)
    form.get_by_role("textbox", name="Outlet").fill(OUTLET)
    form.get_by_role("textbox", name="URL").fill("javascript:window.__pwned=6")
    form.get_by_role("textbox", name="Article text").fill(BODY)
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The URL must start with http").wait_for()
    wait_for_app(page)
    _assert_nothing_ran(page, dialogs)

    form.get_by_role("textbox", name="URL").fill("")
    page.get_by_role("button", name="Save").click()
    saved_msg = page.get_by_text(re.compile(r"^Saved as \S+ at"))
    saved_msg.wait_for(timeout=120_000)
    wait_for_app(page)
    _assert_nothing_ran(page, dialogs)
    saved = saved_msg.inner_text()
    article_id = re.search(r"Saved as (\S+) at", saved).group(1)

    # saving the same text again is refused
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Not saved").wait_for(timeout=60_000)
    wait_for_app(page)

    # the reader: title, outlet and body appear as text
    page.goto(f"{app_url}/Articles?read={article_id}")
    page.get_by_text("window.__pwned=3", exact=False).first.wait_for()
    wait_for_app(page)
    main = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    assert TITLE in main
    assert OUTLET in main
    assert '<script>window.__pwned="body"</script>' in main
    assert "[click me](javascript:window.__pwned=4)" in main
    assert not page.locator("a[href^='javascript']").count()
    _assert_nothing_ran(page, dialogs)

    # the map: the article's excerpts in Travis County's panel, the outlet in the sidebar; the
    # panel shows a page of each category, so the article alone is in the filter (its
    # excerpts then fill the first pages), through the same escaping
    page.goto(f"{app_url}/?j=48453&article={article_id}")
    map_frame(page)
    wait_for_app(page)
    _assert_nothing_ran(page, dialogs)
    main = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    assert OUTLET in main
    assert 'onerror="window.__pwned=3"' in main
    click_jurisdiction(page, "48453")  # the tooltip and the panel, with the article in it
    page.wait_for_timeout(800)
    wait_for_app(page)
    map_frame(page)
    _assert_nothing_ran(page, dialogs)  # every frame, the map's included

    for path in ("Quotes", "Outlets"):
        page.goto(f"{app_url}/{path}")
        wait_for_app(page)
        _assert_nothing_ran(page, dialogs)
    requests_log.assert_offline()
