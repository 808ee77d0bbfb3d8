"""A bare Streamlit page with an empty folium map: the floor the map page is measured against.

The same offline Leaflet (``ui.map.base_map``: vendored scripts, no tiles), the same
``st_folium`` call shape, nothing else: no store, no geometry, no sidebar. A click on the map
reruns the page and prints where it landed, which is the smallest click -> rerun -> text round
trip the stack allows (streamlit-folium's 250 ms debounce included).
"""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from ui.map import base_map

st.set_page_config(page_title="Bare map", layout="wide")
value = st_folium(base_map(), key="map", height=600, use_container_width=True,
                  returned_objects=["last_clicked"])
clicked = (value or {}).get("last_clicked")
if clicked:
    st.subheader(f"Clicked at {clicked['lat']:.5f}, {clicked['lng']:.5f}")
