"""Timelines: excerpts per month by category, for the map's view and for one jurisdiction.

The counts (:func:`month_counts`) are plain data, tested without Streamlit. The chart draws the
view over all dates, the months of the sidebar's range in full colour and the others faded, so
that any other month stays one click away. Clicking a month's bar (an Altair point selection,
``st.altair_chart(on_select=...)``) narrows the range to that month; the "Narrow to a month"
box beside it does the same from the keyboard.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import altair as alt
import pandas as pd
import streamlit as st

from news.dates import DateRange, DateRangeError, month_range, months_between, overlaps, precision
from ui import cache
from ui.data import CATEGORIES, CATEGORY_LABELS
from ui.sidebar import FilterState, set_date_range

if TYPE_CHECKING:
    from news.store import ExcerptRecord

# Bar colours per category: stronger versions of the reader's highlight colours (ui.text), so a
# category looks alike in the chart and in the text.
BAR_COLORS = {"enforcement": "#d6604d", "policy": "#4393c3", "quote": "#5aae61"}
# The name of the chart's selection parameter (what the selection state is keyed by).
SELECTION = "month"
# Set when a timeline inside a fragment narrowed the range: its rerun becomes the whole page's.
RERUN_APP = "timeline-rerun-app"


@dataclass(frozen=True)
class MonthCounts:
    """Excerpts per (month, category); those whose article has no month are counted apart.

    An excerpt of several categories counts once in each, as in the panel's groups.
    """

    counts: dict[tuple[str, str], int]
    months: tuple[str, ...]
    year_only: int
    undated: int

    def frame(self, dates: DateRange | None = None) -> pd.DataFrame:
        """One row per month and category (zeros included), with ``in_range`` for ``dates``."""
        dates = dates or DateRange()
        rows = [{"month": m, "category": CATEGORY_LABELS[c],
                 "excerpts": self.counts.get((m, c), 0),
                 "in_range": overlaps(m, dates)}
                for m in self.months for c in CATEGORIES]
        return pd.DataFrame(rows, columns=["month", "category", "excerpts", "in_range"])


def month_counts(excerpts: Iterable[ExcerptRecord]) -> MonthCounts:
    """Count excerpts per month of their article's date and per category.

    Parameters
    ----------
    excerpts : iterable of ExcerptRecord

    Returns
    -------
    MonthCounts
        ``months`` runs from the first month to the last without gaps; excerpts dated only to
        the year, or undated, are counted in ``year_only`` and ``undated``.
    """
    counts: Counter[tuple[str, str]] = Counter()
    year_only = undated = 0
    for e in excerpts:
        kind = precision(e.published)
        if not kind:
            undated += 1
            continue
        if kind == "year":
            year_only += 1
            continue
        for c in e.categories:
            if c in CATEGORIES:
                counts[(e.published[:7], c)] += 1
    seen = sorted({m for m, _ in counts})
    months = tuple(months_between(seen[0], seen[-1])) if seen else ()
    return MonthCounts(dict(counts), months, year_only, undated)


def selected_month(state: Any) -> str | None:
    """The month a click selected, from the chart's selection state; None when none."""
    try:
        points = state["selection"][SELECTION]
    except (KeyError, TypeError):
        return None
    for point in points or ():
        month = point.get("month") if isinstance(point, dict) else None
        if isinstance(month, str):
            return month
    return None


def narrow_to_month(month: str | None) -> None:
    """Set the sidebar's range to ``month`` (``YYYY-MM``); an unreadable month changes nothing."""
    if not month:
        return
    try:
        set_date_range(month_range(month))
    except DateRangeError:
        return


def _narrowed_in_fragment(in_fragment: bool) -> None:
    if in_fragment:
        st.session_state[RERUN_APP] = True


def _on_chart_select(chart_key: str, in_fragment: bool) -> Callable[[], None]:
    def callback() -> None:
        month = selected_month(st.session_state.get(chart_key))
        if month:
            narrow_to_month(month)
            _narrowed_in_fragment(in_fragment)
    return callback


def _on_month_box(box_key: str, in_fragment: bool) -> None:
    narrow_to_month(st.session_state.get(box_key))
    st.session_state[box_key] = None  # the pick is now the range; the box is empty again
    _narrowed_in_fragment(in_fragment)


def chart(counts: MonthCounts, dates: DateRange) -> alt.Chart:
    """The stacked bars of ``counts``, months outside ``dates`` faded, months clickable."""
    labels = [CATEGORY_LABELS[c] for c in CATEGORIES]
    pick = alt.selection_point(name=SELECTION, fields=["month"], on="click")
    return (
        alt.Chart(counts.frame(dates))
        .mark_bar()
        .encode(
            # Level labels, thinned where they would overlap: turned labels and a legend
            # below took most of the chart's height, leaving the bars a few pixels.
            x=alt.X("month:O", title=None, sort=list(counts.months),
                    axis=alt.Axis(labelAngle=0, labelOverlap="greedy")),
            y=alt.Y("excerpts:Q", title="excerpts", stack="zero"),
            color=alt.Color("category:N", title=None,
                            scale=alt.Scale(domain=labels,
                                            range=[BAR_COLORS[c] for c in CATEGORIES]),
                            legend=alt.Legend(orient="top")),
            opacity=alt.condition(alt.datum.in_range, alt.value(1.0), alt.value(0.3)),
            tooltip=["month:O", "category:N", "excerpts:Q"],
        )
        .add_params(pick)
        .properties(height=220)
    )


def timeline(excerpts: list[ExcerptRecord], dates: DateRange, *, key: str,
             in_fragment: bool = False) -> None:
    """Draw a timeline of ``excerpts`` (all dates), ``dates`` highlighted; clicks narrow it.

    ``in_fragment``: drawn inside an ``st.fragment``, whose widgets rerun only the fragment;
    a narrowed range then reruns the whole page, so the sidebar and the map follow it.
    """
    if in_fragment and st.session_state.pop(RERUN_APP, False):
        st.rerun()
    counts = month_counts(excerpts)
    if not counts.months:
        st.caption("No excerpt here has a date known to the month, so there is no timeline.")
        return
    # A new range is a new chart, with no month selected: the chart keeps the month last
    # clicked, so clicking it again after the range moved elsewhere would change nothing.
    chart_key = f"timeline-{key}-{'-'.join(dates.iso())}"
    st.altair_chart(chart(counts, dates), key=chart_key,
                    on_select=_on_chart_select(chart_key, in_fragment),
                    selection_mode=SELECTION, width="stretch")
    notes = [f"Excerpts per month of their article's date, by category ({dates.describe()} in "
             "full colour). Click a month to narrow the date range to it."]
    apart = []
    if counts.year_only:
        apart.append(f"{counts.year_only} dated only to the year")
    if counts.undated:
        apart.append(f"{counts.undated} undated")
    if apart:
        notes.append("Not in the chart: " + " and ".join(apart) + " (excerpts, per category).")
    st.caption(" ".join(notes))
    box_key = f"timeline-month-{key}"
    st.selectbox("Narrow to a month", list(reversed(counts.months)), key=box_key,
                 index=None, placeholder="Choose a month", on_change=_on_month_box,
                 args=(box_key, in_fragment), label_visibility="collapsed")


def view_timeline(key: cache.StoreKey, filters: FilterState) -> None:
    """The timeline of the map's view (the sidebar's filters over all dates)."""
    timeline(cache.excerpts(key, filters.without_dates().key()), filters.dates, key="view")


def jurisdiction_timeline(key: cache.StoreKey, filters: FilterState, jurisdiction: str) -> None:
    """The timeline of one jurisdiction's excerpts (the panel's, inside the map's fragment)."""
    timeline(cache.excerpts(key, filters.without_dates().key(), jurisdiction), filters.dates,
             key=f"j-{jurisdiction}", in_fragment=True)
