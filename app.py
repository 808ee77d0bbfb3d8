"""Sanctuary Map: the jurisdictions the articles mention, on a map; click one to read them.

The map page: sidebar filters in, the map and the selected jurisdiction's panel out. Run with
``streamlit run app.py``; the other pages are in pages/.
"""

from __future__ import annotations

import streamlit as st

from ui import cache
from ui import map as umap
from ui.data import excerpts_csv
from ui.panel import jurisdiction_panel
from ui.sidebar import select_jurisdiction, selected_jurisdiction, sidebar
from ui.views import require_store

st.set_page_config(page_title="Sanctuary Map", page_icon=":world_map:", layout="wide")

MAP_KEY = "map"


def _on_map_click() -> None:
    clicked = umap.clicked_id(st.session_state.get(MAP_KEY))
    if clicked:
        select_jurisdiction(clicked)


key = require_store()
if not st.get_option("server.enableStaticServing"):
    # .streamlit/config.toml is read from the folder streamlit was started in; without it the
    # map's own Leaflet files are not served and the map stays blank.
    st.error("The map needs the app's static files: start it from the repository folder "
             "(`cd` there, then `streamlit run app.py`) or add "
             "`--server.enableStaticServing true`.")
filters, online_tiles = sidebar(cache.articles(key), cache.outlets(key), show_tiles_toggle=True)
frame = cache.map_frame(key, filters.key())
selected = selected_jurisdiction()

st.title("Sanctuary Map")
st.caption(
    "Where the articles report on immigration enforcement in US jurisdictions. "
    "Click a jurisdiction to read what each outlet reported about it."
)

in_view = cache.excerpts(key, filters.key())
arts = {e.article for e in in_view} | {a for ids in frame.get("articles", []) for a in ids}
n_articles = len(arts)
st.caption(f"In view: {len(frame)} jurisdictions · {len(in_view)} excerpts · "
           f"{n_articles} articles" + (" (filtered)" if filters.active else ""))

map_col, panel_col = st.columns([3, 2], gap="medium")
with map_col:
    if not len(frame):
        st.info("No jurisdiction matches the current filters.")
    # Only a click reruns the app: the clicked feature (with its id) and the click position
    # (so that clicking the same jurisdiction again after choosing another one re-selects
    # it). The click is handled in on_change, which runs before the rerun, so the panel of
    # that very run shows the clicked jurisdiction. The selection outline is drawn by the
    # map itself from the URL (ui.map._SelectionOutline): nothing here depends on the
    # selection, so the map is rendered once per view (filters, tiles) and a click's rerun
    # sends the very same arguments, which the browser does not redraw.
    umap.show_map(
        cache.map_component(key, filters.key(), online_tiles, MAP_KEY, 600,
                            ("last_active_drawing", "last_object_clicked")),
        key=MAP_KEY,
        on_change=_on_map_click,
    )

    shown = cache.excerpts(key, filters.key(), selected) if selected else in_view
    dl1, dl2 = st.columns(2)
    dl1.download_button(
        "Excerpts on screen (CSV)", excerpts_csv(shown),
        file_name=f"excerpts-{selected or 'all'}.csv", mime="text/csv",
        help="The selected jurisdiction's excerpts, or all excerpts in the filter.",
        on_click="ignore")
    dl2.download_button(
        "Jurisdictions on the map (GeoJSON)", cache.map_geojson(key, filters.key()),
        file_name="jurisdictions.geojson", mime="application/geo+json", on_click="ignore")

# The panel scrolls on its own, so the map stays in view beside a long list of excerpts.
with panel_col, st.container(height=680, border=False):
    jurisdiction_panel(key, filters, frame, selected)

# Load the gazetteer now, after the page has been sent, rather than on the first click.
cache.gazetteer()
