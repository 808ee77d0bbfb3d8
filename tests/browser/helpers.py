"""Small Playwright helpers for a Streamlit page with a streamlit-folium map."""

from __future__ import annotations

import time

from ui.testing import APP_IDLE, CLICK_POINT, FEATURE_IDS, MAP_DRAWN

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


def wait_for_app(page) -> None:
    """Until Streamlit has finished running the script, and has not started again 300 ms on
    (a callback's ``st.rerun``, a fragment's rerun of the whole page)."""
    page.wait_for_function(APP_IDLE)
    page.wait_for_timeout(300)
    page.wait_for_function(APP_IDLE)


FILTERS_BOX = ".st-key-filters-box"


def open_filters(page) -> None:
    """Open the sidebar's filters expander (its widgets are drawn only while it is open)."""
    if page.locator(f"{FILTERS_BOX} [data-testid='stMultiSelect']").count():
        return
    page.locator(f"{FILTERS_BOX} summary").click()
    page.locator(f"{FILTERS_BOX} [data-testid='stMultiSelect']").first.wait_for()
    wait_for_app(page)


def map_frame(page):
    """The streamlit-folium iframe's Frame, once Leaflet has drawn the map."""
    handle = page.wait_for_selector(MAP_IFRAME)
    frame = handle.content_frame()
    frame.wait_for_function(MAP_DRAWN)
    return frame


def feature_ids(frame) -> set[str]:
    return set(frame.evaluate(FEATURE_IDS))


def click_jurisdiction(page, jurisdiction_id: str, *, fit: bool = True) -> float:
    """Really click ``jurisdiction_id`` on the map (its shape where nothing smaller covers it,
    or its city point); return when the click was made (``time.perf_counter``).

    With ``fit`` the map first fits the jurisdiction; without, it clicks at the current zoom.
    """
    frame = map_frame(page)
    point = frame.evaluate(CLICK_POINT, [jurisdiction_id, fit])
    assert point, f"{jurisdiction_id} is not drawn (or fully covered) on the map"
    box = page.wait_for_selector(MAP_IFRAME).bounding_box()
    start = time.perf_counter()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    return start
