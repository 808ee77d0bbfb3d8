"""Outlets compared: articles, jurisdictions covered, and the words each uses."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import cache
from ui.data import KIND_PLURALS, outlet_table, word_choice_counts
from ui.sidebar import sidebar
from ui.views import require_store

st.set_page_config(page_title="Outlets · Sanctuary Map", page_icon=":bar_chart:", layout="wide")

key = require_store()
all_articles = cache.articles(key)
filters, _ = sidebar(cache.article_choices(key), cache.outlets(key))
st.title("Outlets")

articles = [a for a in all_articles if filters.keeps(a)]
if not articles:
    st.info("No article matches the current filters.")
    st.stop()

summaries = cache.summaries(key, filters.key())
st.subheader("Articles and jurisdictions per outlet")
st.dataframe(pd.DataFrame(outlet_table(articles, summaries)), hide_index=True,
             width="stretch")

rows = [{"outlet": o, "kind": KIND_PLURALS.get(s.kind, s.kind), "jurisdiction": s.display_name}
        for s in summaries for o in s.outlets if o in {a.outlet for a in articles}]
if rows:
    cover = pd.DataFrame(rows)
    st.markdown("**Jurisdictions mentioned, by kind**")
    st.bar_chart(cover.groupby(["outlet", "kind"]).size().rename("jurisdictions").reset_index(),
                 x="outlet", y="jurisdictions", color="kind", horizontal=True)
    st.markdown("**Which outlet names which jurisdiction**")
    matrix = pd.crosstab(cover["jurisdiction"], cover["outlet"]).astype(bool)
    matrix = matrix.loc[matrix.sum(axis=1).sort_values(ascending=False).index]
    st.dataframe(matrix.replace({True: "✓", False: ""}), width="stretch")

st.subheader("Word choices")
st.caption("The same people, acts and places named differently: whole-word, case-insensitive "
           "counts over each outlet's article text.")
words = pd.DataFrame(word_choice_counts(articles))
sizes = pd.DataFrame([{"outlet": a.outlet, "words": len(a.text.split())} for a in articles])
st.caption("Words of text per outlet: " + ", ".join(
    f"{o}: {n:,}" for o, n in sizes.groupby("outlet")["words"].sum().items()))
for group, label in (("people", "People"), ("acts", "Acts"), ("places", "Places")):
    part = words[words["group"] == group].pivot(index="term", columns="outlet", values="count")
    part = part[part.sum(axis=1) > 0]
    st.markdown(f"**{label}**")
    if part.empty:
        st.caption("None of these words appear.")
    else:
        st.dataframe(part, width="stretch")
