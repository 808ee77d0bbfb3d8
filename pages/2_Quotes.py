"""Quotes: who said what, about where, and which outlets carried it (with wording differences)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from news.dates import display_date
from ui import cache
from ui.data import diff_text
from ui.sidebar import sidebar
from ui.text import counted, md_escape
from ui.views import READER_PAGE, require_store

st.set_page_config(page_title="Quotes · Sanctuary Map", page_icon=":speech_balloon:",
                   layout="wide")

key = require_store()
filters, _ = sidebar(cache.article_choices(key), cache.outlets(key))
st.title("Quotes")

quotes = cache.quotes(key, filters.key())
groups = cache.quote_groups(key, filters.key())
gaz = cache.gazetteer()


def _names(ids: tuple[str, ...] | list[str]) -> str:
    out = []
    for i in ids:
        j = gaz.find(i)
        out.append(j.display_name if j is not None else i)
    return ", ".join(out)


if not quotes:
    st.info("No quote in the current filters.")
    st.stop()

speakers = sorted({q.speaker or "unattributed" for q in quotes})
speaker = st.selectbox("Speaker", ["All speakers", *speakers], key="speaker")
if speaker != "All speakers":
    quotes = [q for q in quotes if (q.speaker or "unattributed") == speaker]
    keep = {q.id for q in quotes}
    groups = [g for g in groups if any(q.id in keep for q in g.quotes)]

st.caption(f"{counted(len(quotes), 'quote')} from "
           f"{counted(len({q.outlet for q in quotes}), 'outlet')}, "
           f"{counted(len({q.speaker for q in quotes if q.speaker}), 'named speaker')}.")

multi = [g for g in groups if len(set(g.outlets)) > 1]
st.subheader(f"The same quote in several outlets ({len(multi)})")
if not multi:
    st.caption("No quote in this view was carried by more than one outlet.")
for g in multi:
    ref = next((q for q in g.quotes if q.id == g.reference), g.quotes[0])
    with st.container(border=True):
        st.markdown(md_escape(f"{ref.speaker or 'Unattributed'} — carried by "
                              f"{', '.join(dict.fromkeys(g.outlets))}"))
        diffs = dict(getattr(g, "differences", {}) or {})
        for q in sorted(g.quotes, key=lambda q: q.id != ref.id):
            label = "reference version" if q.id == ref.id else "wording vs the reference"
            st.markdown(md_escape(f"{q.outlet}, {display_date(q.published)}: “{q.text}”"))
            ops = diffs.get(q.id) or ()
            if q.id != ref.id and any(op != "equal" for op, _ in ops):
                st.caption(f"{label}: " + md_escape(diff_text(ops)))
            elif q.id != ref.id:
                st.caption("Same words as the reference version.")
            st.page_link(READER_PAGE, label="Read it in the article",
                         icon=":material/article:",
                         query_params={"read": q.article, "at": str(q.start)})

st.subheader("Every quote")
table = pd.DataFrame([{
    "speaker": q.speaker or "",
    "quote": q.text,
    "outlet": q.outlet,
    "published": display_date(q.published),
    "article": q.title,
    "jurisdictions": _names(q.jurisdictions),
    "group": q.group_id,
} for q in quotes])
st.dataframe(table, hide_index=True, width="stretch")

st.subheader("Speakers")
st.dataframe(table.groupby("speaker", as_index=False).agg(
    quotes=("quote", "size"), outlets=("outlet", lambda s: ", ".join(sorted(set(s))))),
    hide_index=True, width="stretch")
