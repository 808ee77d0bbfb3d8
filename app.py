"""Sanctuary Map: the jurisdictions the articles mention, on a map; click one to read them.

The map page: sidebar filters in, the map and the selected jurisdiction's panel out. Run with
``streamlit run app.py``; the other pages are in pages/.
"""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from ui import cache
from ui import map as umap
from ui.data import excerpts_csv
from ui.panel import jurisdiction_panel
from ui.sidebar import (
    MAX_OPTIONS,
    FilterState,
    searched_options,
    select_jurisdiction,
    selected_jurisdiction,
    sidebar,
)
from ui.text import counted
from ui.timeline import view_timeline
from ui.views import require_store

st.set_page_config(page_title="Sanctuary Map", page_icon=":world_map:", layout="wide")

MAP_KEY = "map"
# st_folium's value before the latest click: what changed in it tells a click on a city's point
# from a click elsewhere (ui.map.read_click).
MAP_PREVIOUS = "map_previous"
FIND_KEY = "find"
# Set once a run of the session has sent the map (st_folium's own key is in the session state
# only after the map's first report, a click).
MAP_SENT = "map_sent"
FIND_SEARCH_KEY = "find_search"


def _on_map_click(key: cache.StoreKey, fkey: tuple[tuple[str, ...], ...]) -> None:
    value = st.session_state.get(MAP_KEY)
    click = umap.read_click(value, st.session_state.get(MAP_PREVIOUS))
    st.session_state[MAP_PREVIOUS] = value
    if click is None:
        return
    jurisdiction = click.jurisdiction
    if jurisdiction is None and click.lat is not None and click.lon is not None:
        jurisdiction = cache.pick_index(key, fkey).at(click.lon, click.lat)
    if jurisdiction:
        select_jurisdiction(jurisdiction)


def _on_find() -> None:
    select_jurisdiction(st.session_state.get(FIND_KEY))


def _draw_map(key: cache.StoreKey, filters: FilterState, online_tiles: bool,
              selected: str | None) -> None:
    if not cache.in_view(key, filters.key())[0]:
        st.info("No jurisdiction matches the current filters.")
    # The map's script is the same few KB on every rerun of a view (streamlit-folium then
    # leaves the drawn map alone; the view's table is a static file it fetches, with the
    # shapes files it names, as the map's iframe starts); the selection travels as the
    # feature group it swaps in place.
    fkey = filters.key()
    st_folium(
        umap.view_map(cache.view_url(key, fkey), files=cache.view_files(key, fkey),
                      prefetch=True, online_tiles=online_tiles),
        key=MAP_KEY, height=600, use_container_width=True,
        returned_objects=["last_clicked", "last_active_drawing"],
        feature_group_to_add=umap.selection_group(selected),
        on_change=lambda: _on_map_click(key, filters.key()),
    )
    # Built only when clicked (a callable): at 10,000 articles these files are megabytes,
    # otherwise built and stored by the server on every rerun.
    dl1, dl2 = st.columns(2)
    dl1.download_button(
        "Excerpts on screen (CSV)",
        lambda: excerpts_csv(cache.excerpts(key, fkey, selected) if selected
                             else cache.excerpts(key, fkey)),
        file_name=f"excerpts-{selected or 'all'}.csv", mime="text/csv",
        help="The selected jurisdiction's excerpts, or all excerpts in the filter.",
        on_click="ignore")
    dl2.download_button(
        "Jurisdictions on the map (GeoJSON)", lambda: cache.map_geojson(key, fkey),
        file_name="jurisdictions.geojson", mime="application/geo+json", on_click="ignore")


def _draw_panel(key: cache.StoreKey, filters: FilterState, selected: str | None) -> None:
    choices = cache.view_summaries(key, filters.key()).choices
    # The box shows the selection however it was made (a click, a button, the URL).
    shown = [selected] if selected in choices else []
    many = len(choices) > MAX_OPTIONS
    options = searched_options(choices, FIND_SEARCH_KEY, shown, label="Find a jurisdiction",
                               noun="jurisdictions in view")
    st.session_state[FIND_KEY] = shown[0] if shown else None
    st.selectbox("Matches" if many else "Find a jurisdiction", options, key=FIND_KEY,
                 format_func=choices.label, on_change=_on_find,
                 label_visibility="collapsed" if many else "visible",
                 placeholder=(f"Pick one of {len(options)}" if many
                              else f"Type a name ({len(choices)} in view)"),
                 help="Any jurisdiction in the current filters, most reported first.")
    jurisdiction_panel(key, filters, selected)


@st.fragment
def map_and_panel(key: cache.StoreKey, filters: FilterState, online_tiles: bool) -> None:
    """The map and the selected jurisdiction's panel: a click reruns only this part."""
    selected = selected_jurisdiction()
    map_col, panel_col = st.columns([3, 2], gap="medium")

    def draw_map() -> None:
        with map_col:
            _draw_map(key, filters, online_tiles, selected)

    def draw_panel() -> None:
        # The panel scrolls on its own, so the map stays in view beside a long list of excerpts.
        with panel_col, st.container(height=680, border=False):
            _draw_panel(key, filters, selected)

    # A later run of a session (a click) writes the panel first: the new panel
    # is sent before the map's new selection, whose outline and zoom keep the browser busy
    # redrawing the map's shapes (at 10,000 articles, ~100 ms before the panel could show).
    # A session's first run writes the map first, so that the browser asks for the map
    # component's script before the panel widgets' scripts.
    for draw in (draw_panel, draw_map) if st.session_state.get(MAP_SENT) else (draw_map, draw_panel):
        draw()
    st.session_state[MAP_SENT] = True


key = require_store()
if not st.get_option("server.enableStaticServing"):
    # .streamlit/config.toml is read from the folder streamlit was started in; without it the
    # map's own Leaflet files are not served and the map stays blank.
    st.error("The map needs the app's static files: start it from the repository folder "
             "(`cd` there, then `streamlit run app.py`) or add "
             "`--server.enableStaticServing true`.")
filters, online_tiles = sidebar(cache.article_choices(key), cache.outlets(key),
                                show_tiles_toggle=True)

st.title("Sanctuary Map")
st.caption(
    "Where the articles report on immigration enforcement in US jurisdictions. "
    "Click a jurisdiction to read what each outlet reported about it."
)

n_places, n_excerpts, n_articles = cache.in_view(key, filters.key())
st.caption(f"In view: {counted(n_places, 'jurisdiction')} · {counted(n_excerpts, 'excerpt')} · "
           f"{counted(n_articles, 'article')}" + (" (filtered)" if filters.active else ""))

map_and_panel(key, filters, online_tiles)
# Outside the fragment: a month picked on the timeline narrows the whole page's range.
view_timeline(key, filters)

# Load the gazetteer now, after the page has been sent, rather than on the first click.
cache.gazetteer()
