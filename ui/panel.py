"""The panel beside the map: the selected jurisdiction and what was reported about it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import streamlit as st

from ui import cache
from ui.data import (
    CATEGORIES,
    CATEGORY_LABELS,
    CATEGORY_NOUNS,
    KIND_LABELS,
    parent_line,
    related_jurisdictions,
)
from ui.sidebar import FilterState, select_jurisdiction
from ui.text import counted, md_escape
from ui.timeline import jurisdiction_timeline
from ui.views import excerpt_card, small_text

# Excerpt cards per category on a page of the panel: a click sends (and the browser lays out)
# only these; a pager under the category's heading turns to the next ones, in order, so every
# excerpt stays readable (18,000 for a big city at 10,000 articles: never all at once).
FIRST_EXCERPTS = 3
# The most related jurisdictions offered (one widget: a pill each).
MAX_RELATED = 12
# The session key of the panel's timeline expander (open or not).
TIMELINE_KEY = "panel-timeline"

if TYPE_CHECKING:
    from geo import Gazetteer, Jurisdiction
    from news.store import ExcerptRecord, JurisdictionSummary


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
            st.button(f"{s.display_name} — {counted(s.n_excerpts, 'excerpt')}", key=f"top-{s.id}",
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
        # One Markdown element for the counts (four st.metric in columns were nine elements).
        by = dict(summary.by_category or {})
        st.markdown(
            f"**{counted(summary.n_excerpts, 'excerpt')}** · "
            + " · ".join(counted(by.get(c, 0), *CATEGORY_NOUNS[c]) for c in CATEGORIES) + "  \n"
            + small_text(f"{counted(summary.n_mentions, 'mention')} in "
                         f"{counted(len(summary.articles), 'article')} "
                         f"from {', '.join(summary.outlets)}"))
        # Lazy: drawn (and computed) only while open, so a click that does not look at it
        # costs nothing for it; open, it stays open from one selection to the next.
        box = st.expander("Excerpts per month", key=TIMELINE_KEY, on_change="rerun",
                          icon=":material/bar_chart:")
        if box.open:
            with box:
                jurisdiction_timeline(key, filters, selected)

    shown_categories = filters.categories or CATEGORIES
    # The first page of each category is read on a click; another page only when turned to.
    heads = cache.excerpt_heads(key, filters.key(), selected, FIRST_EXCERPTS)
    for c in (c for c in CATEGORIES if c in shown_categories):
        excerpt_page(key, filters, selected, c, heads[c])

    related = related_jurisdictions(base, view, lookup)[:MAX_RELATED]
    if related:
        labels = {r.id: md_escape(f"{r.label} ({r.relation})") for r in related}
        pills_key = f"related-{selected}"
        st.pills("Related jurisdictions", list(labels), format_func=labels.__getitem__,
                 key=pills_key, on_change=_on_related, args=(pills_key,))
    st.button("Clear the selection", key="clear-selection", on_click=select_jurisdiction,
              args=(None,))


def _on_related(pills_key: str) -> None:
    select_jurisdiction(st.session_state.get(pills_key))


def page_key(selected: str, category: str) -> str:
    """The session key of a category's pager in the panel of ``selected``."""
    return f"page-{selected}-{category}"


def excerpt_page(key: cache.StoreKey, filters: FilterState, selected: str, category: str,
                 head: tuple[int, list[ExcerptRecord]]) -> None:
    """A category's heading, its pager when it has more than one page, and the cards of the
    page turned to (``head``: the count and the first page, read on every click)."""
    n, shown = head
    pages = max(1, -(-n // FIRST_EXCERPTS))
    pkey = page_key(selected, category)
    if st.session_state.get(pkey, 1) > pages:  # the filters left fewer pages: back to the first
        del st.session_state[pkey]
    page = st.session_state.get(pkey, 1)
    heading = f"#### {CATEGORY_LABELS[category]} ({n})"
    if not n:
        heading += "\n\n" + small_text("None reported in this view.")
    elif pages > 1:
        first = (page - 1) * FIRST_EXCERPTS + 1
        heading += "\n\n" + small_text(
            f"{first} to {min(n, first + FIRST_EXCERPTS - 1)} of {n}, {FIRST_EXCERPTS} a page, "
            "in order; all of them in the CSV under the map")
    st.markdown(heading)
    if pages > 1:
        page = st.pagination(pages, key=pkey)
        if page > 1:
            shown = cache.excerpt_page(key, filters.key(), selected, category, page,
                                       FIRST_EXCERPTS)
    for e in shown:
        excerpt_card(e, show_speaker=(category == "quote"), jurisdiction=selected)
