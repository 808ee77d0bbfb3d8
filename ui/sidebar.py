"""The one sidebar every page shows: filters by outlet, article, category and kind.

Each filter is kept in a URL query parameter, so the URL carries
``?outlet=Vocativ&category=policy&j=48453`` and a shared link restores the view. The sync is done
here rather than with ``bind="query-params"``: a bound widget writes its *formatted labels* into
the URL (an article's title instead of its id), which makes links long and fragile. Widget
values persist across pages (``persist_state="session"``) and are written back to the URL on
every run. The selected jurisdiction is not a widget; it lives in ``st.query_params["j"]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import streamlit as st

from ui.data import CATEGORIES, CATEGORY_LABELS, KIND_PLURALS, KINDS

if TYPE_CHECKING:
    from news.store import ArticleRecord

FILTER_PARAMS = ("outlet", "article", "category", "kind")

SELECTED_PARAM = "j"


@dataclass(frozen=True)
class FilterState:
    """What the sidebar selected; empty tuples mean no restriction (as ``news.store.Filters``)."""

    outlets: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def key(self) -> tuple[tuple[str, ...], ...]:
        """A hashable, order-independent cache key."""
        return (tuple(sorted(self.outlets)), tuple(sorted(self.articles)),
                tuple(sorted(self.categories)), tuple(sorted(self.kinds)))

    @property
    def active(self) -> bool:
        return any(self.key())


def synced_multiselect(label: str, options: Sequence[str], param: str,
                       **kwargs: Any) -> list[str]:
    """A multiselect whose value starts from, and is written back to, ``?param=...``."""
    key = f"filter_{param}"
    if key not in st.session_state:
        st.session_state[key] = [v for v in st.query_params.get_all(param) if v in options]
    else:  # an option can disappear (filters narrowed, article removed)
        st.session_state[key] = [v for v in st.session_state[key] if v in options]
    value = st.multiselect(label, list(options), key=key, persist_state="session", **kwargs)
    if value:
        st.query_params[param] = value
    elif param in st.query_params:
        del st.query_params[param]
    return value


PAGES = (
    ("app.py", "Map", ":material/map:"),
    ("pages/1_Articles.py", "Articles", ":material/article:"),
    ("pages/2_Quotes.py", "Quotes", ":material/format_quote:"),
    ("pages/3_Outlets.py", "Outlets", ":material/bar_chart:"),
    ("pages/4_Add_article.py", "Add an article", ":material/add:"),
)


def navigation() -> None:
    """The page links (Streamlit's own list would call the map page "app", after its file;
    it is hidden by ``client.showSidebarNavigation = false``)."""
    for path, label, icon in PAGES:
        st.page_link(path, label=label, icon=icon)
    st.divider()


def sidebar(articles: Sequence[ArticleRecord], outlets: Sequence[str], *,
            show_tiles_toggle: bool = False) -> tuple[FilterState, bool]:
    """Draw the shared sidebar; return the filters and whether online tiles are wanted."""
    titles = {a.id: f"{a.title} ({a.outlet})" for a in articles}
    with st.sidebar:
        navigation()
        st.header("Filters")
        sel_outlets = synced_multiselect(
            "Outlet", list(outlets), "outlet", placeholder="All outlets",
            help="Only what these outlets reported.")
        article_ids = [a.id for a in articles if not sel_outlets or a.outlet in sel_outlets]
        sel_articles = synced_multiselect(
            "Article", [a.id for a in articles], "article",
            format_func=lambda i: titles.get(i, i), placeholder="All articles",
            help="Only these articles.")
        sel_categories = synced_multiselect(
            "Category", list(CATEGORIES), "category",
            format_func=CATEGORY_LABELS.__getitem__, placeholder="All categories",
            help="Only excerpts of these kinds; jurisdictions without one are hidden.")
        sel_kinds = synced_multiselect(
            "Kind of jurisdiction", list(KINDS), "kind",
            format_func=KIND_PLURALS.__getitem__, placeholder="All kinds")
        tiles = False
        if show_tiles_toggle:
            tiles = st.toggle("Online map tiles", key="tiles", value=False,
                              help="Draw OpenStreetMap tiles under the boundaries. Needs "
                                   "internet; off, the map uses only the app's own files.")
        if sel_outlets and sel_articles and not set(sel_articles) & set(article_ids):
            st.warning("None of the chosen articles is from the chosen outlets.")
    state = FilterState(tuple(sel_outlets), tuple(sel_articles), tuple(sel_categories),
                        tuple(sel_kinds))
    return state, tiles


def selected_jurisdiction() -> str | None:
    """The jurisdiction id in the URL, if any."""
    value = st.query_params.get(SELECTED_PARAM)
    return value or None


def select_jurisdiction(jurisdiction_id: str | None) -> None:
    """Put (or remove) the selected jurisdiction in the URL; usable as an ``on_click``."""
    if jurisdiction_id:
        st.query_params[SELECTED_PARAM] = jurisdiction_id
    elif SELECTED_PARAM in st.query_params:
        del st.query_params[SELECTED_PARAM]
