"""Sanctuary Map: the jurisdictions the articles mention, on a map; click one to read them.

Run with ``streamlit run app.py``. The map page itself is ui/map_page.py; the pages are listed in
ui/navigation.py so that the navigation says "Map" rather than the file name.
"""

from __future__ import annotations

import streamlit as st

from ui.navigation import pages

st.set_page_config(page_title="Sanctuary Map", page_icon=":world_map:", layout="wide")
st.navigation(pages()).run()
