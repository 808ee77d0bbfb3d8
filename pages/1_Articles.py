"""Article reader: the text with every jurisdiction mention and excerpt highlighted."""

from __future__ import annotations

import streamlit as st

from news.dates import display_date
from ui import cache
from ui.data import CATEGORIES, CATEGORY_LABELS, KIND_LABELS
from ui.sidebar import sidebar
from ui.text import READER_CSS, Span, highlight_html, legend_html, md_escape, safe_http_url
from ui.views import require_store

st.set_page_config(page_title="Articles · Sanctuary Map", page_icon=":newspaper:", layout="wide")

key = require_store()
articles = cache.articles(key)
filters, _ = sidebar(cache.article_choices(key), cache.outlets(key))
st.title("Articles")

by_id = {a.id: a for a in articles}
candidates = [a.id for a in articles if filters.keeps(a)]
requested = st.query_params.get("read")
if requested in by_id and requested not in candidates:
    candidates.insert(0, requested)  # a link to one article wins over the sidebar filters
if not candidates:
    st.info("No article matches the current filters.")
    st.stop()

if "read" not in st.session_state or requested in candidates:
    st.session_state["read"] = requested if requested in candidates else candidates[0]
elif st.session_state["read"] not in candidates:
    st.session_state["read"] = candidates[0]
article_id = st.selectbox(
    "Article", candidates, key="read",
    format_func=lambda i: f"{by_id[i].title} — {by_id[i].outlet}, "
                          f"{display_date(by_id[i].published)}")
a = by_id[article_id]
if requested != article_id:  # keep the URL on the article shown (and drop a stale passage)
    st.query_params["read"] = article_id
    if "at" in st.query_params:
        del st.query_params["at"]

try:
    at = int(st.query_params.get("at", ""))
except ValueError:
    at = None

st.header(md_escape(a.title))
meta = [a.outlet, f"published {display_date(a.published)}" if a.published else "undated"]
if a.author:
    meta.append(f"by {a.author}")
st.caption(md_escape(" · ".join(meta)))
url = safe_http_url(a.url)
if url:
    st.link_button("Original article", url, icon=":material/open_in_new:")
elif a.url:
    st.caption("Link (not a web address, not clickable): " + md_escape(a.url))
if a.notes:
    with st.expander("Notes on this article's source"):
        st.markdown(md_escape(a.notes))

fkey = ((), (a.id,), tuple(sorted(filters.categories)), ())
excerpts = cache.excerpts(key, fkey)
mentions = cache.mentions(key, a.id)
gaz = cache.gazetteer()


def _name(jid: str) -> str:
    j = gaz.find(jid)
    return j.display_name if j is not None else jid


text_col, side_col = st.columns([3, 1], gap="large")
with side_col:
    roles = cache.article_jurisdictions(key, a.id)
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.jurisdiction] = counts.get(m.jurisdiction, 0) + 1
    for role, heading in (("focus", "About"), ("passing", "Named in passing")):
        ids = [jid for jid, r in roles if r == role]
        st.markdown(f"**{heading}** ({len(ids)})")
        if not ids:
            st.caption("None.")
        for jid in ids:
            j = gaz.find(jid)
            kind = KIND_LABELS.get(j.kind, j.kind) if j is not None else ""
            st.page_link("app.py", label=f"{_name(jid)} ({counts.get(jid, 0)})",
                         help=f"{kind}, named {counts.get(jid, 0)} times: show it on the map",
                         query_params={"j": jid})
    st.markdown(f"**Excerpts** ({len(excerpts)})")
    for c in CATEGORIES:
        n = sum(1 for e in excerpts if c in e.categories)
        st.caption(f"{CATEGORY_LABELS[c]}: {n}")

with text_col:
    if at is not None:
        target = next((e for e in excerpts if e.start <= at < e.end), None)
        if target is not None:
            st.info(md_escape(f"The passage you followed: “{target.text}”"), icon="🔎")
    ex_spans = [Span(e.start, e.end, " ".join(c for c in e.categories if c in CATEGORIES),
                     ", ".join(CATEGORY_LABELS.get(c, c) for c in e.categories)
                     + (f" — {e.speaker}" if e.speaker else ""))
                for e in excerpts]
    m_spans = [Span(m.start, m.end, "mention",
                    f"{_name(m.jurisdiction)} ({m.method}, {m.confidence:.2f})")
               for m in mentions]
    legend = legend_html([("mention", "jurisdiction named"),
                          *((c, CATEGORY_LABELS[c]) for c in CATEGORIES)])
    st.html(READER_CSS + legend + highlight_html(a.text, ex_spans, m_spans, target=at))
