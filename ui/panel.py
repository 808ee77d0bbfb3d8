"""The panel beside the map: the selected jurisdiction and what was reported about it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import streamlit as st

from ui import cache
from ui.data import (
    CATEGORIES,
    CATEGORY_LABELS,
    KIND_LABELS,
    group_excerpts,
    parent_line,
    related_jurisdictions,
)
from ui.sidebar import FilterState, select_jurisdiction
from ui.text import md_escape
from ui.timeline import jurisdiction_timeline
from ui.views import excerpt_card

# Excerpt cards shown per category before "Show all": a county with dozens of excerpts would
# otherwise send (and lay out) every card on each click.
FIRST_EXCERPTS = 5
# The session key of the panel's timeline expander (open or not).
TIMELINE_KEY = "panel-timeline"

if TYPE_CHECKING:
    from geo import Gazetteer, Jurisdiction
    from news.store import JurisdictionSummary


def _lookup(gaz: Gazetteer, ids: set[str]) -> dict[str, Jurisdiction]:
    out = {}
    for i in ids:
        j = gaz.find(i)
        if j is not None:
            out[i] = j
    return out


def overview(ranked: Sequence[JurisdictionSummary]) -> None:
    """Before a click: the most reported jurisdictions (``ranked``), each one click away."""
    st.info("Click a jurisdiction on the map to read what was reported about it.")
    top = ranked[:8]
    if top:
        st.markdown("**Most reported in this view**")
        for s in top:
            st.button(f"{s.display_name} — {s.n_excerpts} excerpts", key=f"top-{s.id}",
                      on_click=select_jurisdiction, args=(s.id,))


def jurisdiction_panel(key: cache.StoreKey, filters: FilterState, selected: str | None) -> None:
    view = cache.view_summaries(key, filters.key())
    if not selected:
        overview(view.ranked)
        return
    gaz = cache.gazetteer()
    summary = view.by_id.get(selected)
    j = gaz.find(selected)
    base: Jurisdiction | JurisdictionSummary
    if j is not None:
        base = j
    elif summary is not None:
        base = summary
    else:
        st.warning(md_escape(f"Unknown jurisdiction id {selected!r} in the link."))
        st.button("Clear the selection", on_click=select_jurisdiction, args=(None,))
        return
    lookup = _lookup(gaz, {*base.parents, *getattr(base, "members", ()),
                           *([base.state] if base.state else [])})

    st.subheader(md_escape(base.display_name))
    state_name = ""
    if base.kind != "state" and base.state and base.state in lookup:
        state_name = lookup[base.state].name
    st.caption(md_escape(" · ".join(x for x in (KIND_LABELS.get(base.kind, base.kind), state_name)
                                    if x)))
    line = parent_line(base, lookup)
    if line != base.display_name:
        st.markdown(md_escape(line))

    if summary is None:
        st.warning("Nothing in the current filters mentions this jurisdiction.")
    else:
        by = dict(summary.by_category or {})
        cols = st.columns(4)
        cols[0].metric("Excerpts", summary.n_excerpts)
        short = {"enforcement": "Enforcement", "policy": "Policies", "quote": "Quotes"}
        for col, c in zip(cols[1:], CATEGORIES, strict=True):
            col.metric(short[c], by.get(c, 0))
        st.caption(md_escape(
            f"{summary.n_mentions} mentions in {len(summary.articles)} articles from "
            f"{', '.join(summary.outlets)}"))
        # Lazy: drawn (and computed) only while open, so a click that does not look at it
        # costs nothing for it; open, it stays open from one selection to the next.
        box = st.expander("Excerpts per month", key=TIMELINE_KEY, on_change="rerun",
                          icon=":material/bar_chart:")
        if box.open:
            with box:
                jurisdiction_timeline(key, filters, selected)

    shown_categories = filters.categories or CATEGORIES
    # The first few per category are read on a click; all of a category only when asked for.
    heads = cache.excerpt_heads(key, filters.key(), selected, FIRST_EXCERPTS)
    for c in (c for c in CATEGORIES if c in shown_categories):
        n, shown = heads[c]
        st.markdown(f"#### {CATEGORY_LABELS[c]} ({n})")
        if not n:
            st.caption("None reported in this view.")
        if n > FIRST_EXCERPTS and st.toggle(
                f"Show all {n}", key=f"all-{selected}-{c}",
                help=f"Only the first {FIRST_EXCERPTS} are shown, so that a click is quick."):
            shown = group_excerpts(cache.excerpts(key, filters.key(), selected), [c])[c]
        for e in shown:
            excerpt_card(e, show_speaker=(c == "quote"), jurisdiction=selected)
        if len(shown) < n:
            st.caption(f"{n - len(shown)} more: “Show all {n}” above, "
                       "or download them all (CSV) under the map.")

    related = related_jurisdictions(base, view, lookup)
    if related:
        st.markdown("#### Related jurisdictions")
        for r in related[:12]:
            st.button(f"{r.label} ({r.relation})", key=f"rel-{r.id}",
                      on_click=select_jurisdiction, args=(r.id,))
    st.button("Clear the selection", key="clear-selection", on_click=select_jurisdiction,
              args=(None,))
