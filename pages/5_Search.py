"""Search: excerpts whose words match, with the sidebar's filters; each opens its place or article."""

from __future__ import annotations

import streamlit as st

from news.dates import display_date
from news.store import parse_search
from ui import cache
from ui.data import CATEGORIES, CATEGORY_LABELS
from ui.sidebar import sidebar
from ui.text import counted, md_escape
from ui.views import READER_PAGE, require_store

st.set_page_config(page_title="Search · Sanctuary Map", page_icon=":mag:", layout="wide")

QUERY_PARAM = "q"
QUERY_KEY = "search_q"
SHOWN_KEY = "search_shown"
# Results sent per step ("Show more" adds as many): a common word matches thousands.
PAGE_SIZE = 20
# Jurisdiction links per result (an excerpt about a state names many places).
MAX_PLACES = 6


def _more() -> None:
    st.session_state[SHOWN_KEY] = st.session_state.get(SHOWN_KEY, PAGE_SIZE) + PAGE_SIZE


def _new_query() -> None:
    st.session_state[SHOWN_KEY] = PAGE_SIZE


key = require_store()
filters, _ = sidebar(cache.article_choices(key), cache.outlets(key))
st.title("Search")

if QUERY_KEY not in st.session_state:
    st.session_state[QUERY_KEY] = st.query_params.get(QUERY_PARAM, "")
text = st.text_input(
    "Search the excerpts", key=QUERY_KEY, on_change=_new_query,
    placeholder='detainers · "judicial warrant" · raid -sheriff · jail OR prison · immigra*',
    help='Words match their forms ("raids" finds "raid"). "Quoted words" must appear in that '
         "order, -word must not appear, OR separates alternatives, and a * ends the start of a "
         'word ("immigra*" finds "immigrants" and "immigration"; with a *, every word matches '
         "as written). Other signs are ignored.")
if text.strip():
    st.query_params[QUERY_PARAM] = text
elif QUERY_PARAM in st.query_params:
    del st.query_params[QUERY_PARAM]

query = parse_search(text)
if not text.strip():
    st.info("Type one or more words to find the excerpts that contain them.")
    st.stop()
if query.dropped:
    st.warning("A part with only excluded words (-word) was left out: a search needs at least "
               "one word to look for.")
if query.empty:
    st.warning("There is no word to search for in that text: type letters or digits.")
    st.stop()

results = cache.search(key, filters.key(), text)
where = " in the current filters" if filters.active else ""
st.caption(f"{counted(len(results), 'excerpt')} match{'es' if len(results) == 1 else ''}{where}, "
           "best match first.")
if not results:
    st.info("Nothing matches. Try fewer or other words, or widen the sidebar's filters.")
    st.stop()

gaz = cache.gazetteer()
link_params = filters.params()
shown = st.session_state.get(SHOWN_KEY, PAGE_SIZE)
for e in results[:shown]:
    with st.container(border=True):
        st.markdown(md_escape(e.text))
        cats = ", ".join(CATEGORY_LABELS[c] for c in CATEGORIES if c in e.categories)
        st.caption(md_escape(" · ".join(x for x in (e.outlet, e.title, display_date(e.published),
                                                    cats) if x)))
        cols = st.columns(min(len(e.jurisdictions[:MAX_PLACES]), MAX_PLACES) + 1)
        cols[0].page_link(READER_PAGE, label="Read it in the article", icon=":material/article:",
                          query_params={"read": e.article, "at": str(e.start)})
        for col, jid in zip(cols[1:], e.jurisdictions[:MAX_PLACES], strict=False):
            j = gaz.find(jid)
            col.page_link("app.py", label=j.display_name if j is not None else jid,
                          icon=":material/location_on:", help="Show it on the map",
                          query_params={**link_params, "j": jid})
        if len(e.jurisdictions) > MAX_PLACES:
            st.caption(f"and {len(e.jurisdictions) - MAX_PLACES} more places")
if shown < len(results):
    st.button(f"Show {min(PAGE_SIZE, len(results) - shown)} more", on_click=_more)
