"""The app's pages, listed once (app.py runs them; pages link to the map through here)."""

from __future__ import annotations

import streamlit as st

from ui.map_page import render as render_map


def map_page() -> st.Page:
    """The map, as a page: linkable with ``st.page_link(map_page(), query_params=...)``."""
    return st.Page(render_map, title="Map", icon=":material/map:", default=True,
                   url_path="map")


def pages() -> list[st.Page]:
    """Every page, in the order of the navigation; the page files keep their own URLs."""
    return [
        map_page(),
        st.Page("pages/1_Articles.py", title="Articles", icon=":material/article:",
                url_path="Articles"),
        st.Page("pages/2_Quotes.py", title="Quotes", icon=":material/format_quote:",
                url_path="Quotes"),
        st.Page("pages/3_Outlets.py", title="Outlets", icon=":material/bar_chart:",
                url_path="Outlets"),
        st.Page("pages/4_Add_article.py", title="Add an article", icon=":material/add:",
                url_path="Add_article"),
    ]
