"""Timelines: excerpts per month by category, for the map's view and for one jurisdiction.

The counts are the store's (:meth:`news.store.Store.month_counts`: a few rows, whatever the
size of the collection). The chart draws the view over all dates, the months of the sidebar's
range in full colour and the others faded, so that any other month stays one click away.
Clicking a month's bar (a Vega-Lite point selection, ``st.vega_lite_chart(on_select=...)``)
narrows the range to that month; the "Narrow to a month" box beside it does the same from the
keyboard.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import altair as alt
import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]  # no stubs; pandas ships with it
import streamlit as st

from news.dates import DateRange, DateRangeError, month_range, months_between, overlaps
from ui import cache
from ui.data import CATEGORIES, CATEGORY_LABELS
from ui.sidebar import FilterState, set_date_range

if TYPE_CHECKING:
    from news.store import MonthCountsRecord

# Bar colours per category: stronger versions of the reader's highlight colours (ui.text), so a
# category looks alike in the chart and in the text.
BAR_COLORS = {"enforcement": "#d6604d", "policy": "#4393c3", "quote": "#5aae61"}
# The name of the chart's selection parameter (what the selection state is keyed by).
SELECTION = "month"
# Set when a timeline inside a fragment narrowed the range: its rerun becomes the whole page's.
RERUN_APP = "timeline-rerun-app"
# The session key of the view timeline's expander (open or not).
VIEW_TIMELINE_KEY = "view-timeline"


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


def month_counts(record: MonthCountsRecord) -> MonthCounts:
    """The timeline's counts from the store's (:meth:`news.store.Store.month_counts`).

    Parameters
    ----------
    record : MonthCountsRecord

    Returns
    -------
    MonthCounts
        ``months`` runs from the first month to the last without gaps; excerpts dated only to
        the year, or undated, are counted in ``year_only`` and ``undated``.
    """
    counts = {(m, c): n for m, c, n in record.counts if c in CATEGORIES}
    seen = sorted({m for m, _ in counts})
    months = tuple(months_between(seen[0], seen[-1])) if seen else ()
    return MonthCounts(counts, months, record.year_only, record.undated)


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


def spec(counts: MonthCounts, dates: DateRange) -> dict[str, Any]:
    """The Vega-Lite spec of the stacked bars of ``counts``: months outside ``dates`` faded,
    months clickable (a point selection named :data:`SELECTION`).

    Written as a plain dict rather than built with Altair: Altair validates a chart against
    the Vega-Lite schema each time it is drawn, most of a timeline's cost on every rerun.
    tests/test_timeline_counts.py validates it once.
    """
    labels = [CATEGORY_LABELS[c] for c in CATEGORIES]
    rows = counts.frame(dates).to_dict("records")
    return {
        "$schema": alt.SCHEMA_URL,
        "data": {"name": "timeline"},
        "datasets": {"timeline": rows},
        "mark": {"type": "bar"},
        "encoding": {
            # Level labels, thinned where they would overlap: turned labels and a legend
            # below took most of the chart's height, leaving the bars a few pixels.
            "x": {"field": "month", "type": "ordinal", "title": None,
                  "sort": list(counts.months),
                  "axis": {"labelAngle": 0, "labelOverlap": "greedy"}},
            "y": {"field": "excerpts", "type": "quantitative", "title": "excerpts",
                  "stack": "zero"},
            "color": {"field": "category", "type": "nominal", "title": None,
                      "scale": {"domain": labels, "range": [BAR_COLORS[c] for c in CATEGORIES]},
                      "legend": {"orient": "top"}},
            "opacity": {"condition": {"test": "datum.in_range", "value": 1.0}, "value": 0.3},
            "tooltip": [{"field": "month", "type": "ordinal"},
                        {"field": "category", "type": "nominal"},
                        {"field": "excerpts", "type": "quantitative"}],
        },
        "params": [{"name": SELECTION,
                    "select": {"type": "point", "fields": ["month"], "on": "click"}}],
        "height": 220,
    }


@dataclass(frozen=True)
class Chart:
    """What a timeline draws, ready for ``st.vega_lite_chart``: the spec without its rows and
    the rows as an Arrow table (built once per view and range, ``ui.cache.timeline_chart``)."""

    spec: dict[str, Any]
    data: pa.Table
    months: tuple[str, ...]
    caption: str


def chart(counts: MonthCounts, dates: DateRange) -> Chart:
    """The chart of ``counts`` with ``dates`` highlighted, and its caption (see :func:`spec`).

    The rows travel as ``st.vega_lite_chart``'s ``data`` (an Arrow table, sent as is) rather
    than inside the spec, which Streamlit would convert through pandas on every rerun.
    """
    full = spec(counts, dates)
    rows = full.pop("datasets")[full.pop("data")["name"]]
    data = pa.Table.from_pylist(rows, schema=pa.schema([
        ("month", pa.string()), ("category", pa.string()), ("excerpts", pa.int64()),
        ("in_range", pa.bool_())]))
    notes = [f"Excerpts per month of their article's date, by category ({dates.describe()} in "
             "full colour). Click a month to narrow the date range to it."]
    apart = []
    if counts.year_only:
        apart.append(f"{counts.year_only} dated only to the year")
    if counts.undated:
        apart.append(f"{counts.undated} undated")
    if apart:
        notes.append("Not in the chart: " + " and ".join(apart) + " (excerpts, per category).")
    return Chart(full, data, counts.months, " ".join(notes))


def timeline(drawn: Chart, dates: DateRange, *, key: str, in_fragment: bool = False) -> None:
    """Draw the timeline ``drawn`` (all dates, ``dates`` highlighted); clicks narrow the range.

    ``in_fragment``: drawn inside an ``st.fragment``, whose widgets rerun only the fragment;
    a narrowed range then reruns the whole page, so the sidebar and the map follow it.
    """
    if in_fragment and st.session_state.pop(RERUN_APP, False):
        st.rerun()
    if not drawn.months:
        st.caption("No excerpt here has a date known to the month, so there is no timeline.")
        return
    # A new range is a new chart, with no month selected: the chart keeps the month last
    # clicked, so clicking it again after the range moved elsewhere would change nothing.
    chart_key = f"timeline-{key}-{'-'.join(dates.iso())}"
    st.vega_lite_chart(drawn.data, drawn.spec, key=chart_key,
                       on_select=_on_chart_select(chart_key, in_fragment),
                       selection_mode=SELECTION, width="stretch")
    st.caption(drawn.caption)
    box_key = f"timeline-month-{key}"
    st.selectbox("Narrow to a month", list(reversed(drawn.months)), key=box_key,
                 index=None, placeholder="Choose a month", on_change=_on_month_box,
                 args=(box_key, in_fragment), label_visibility="collapsed")


def view_timeline(key: cache.StoreKey, filters: FilterState) -> None:
    """The timeline of the map's view (the sidebar's filters over all dates), in an expander
    drawn (and computed) only while open: closed, as on a session's first load, the page does
    not load Vega-Lite, whose work in the browser held back the first map by about 1.5 s on
    this machine. Open, it stays open from one run to the next."""
    box = st.expander("Excerpts per month in view", key=VIEW_TIMELINE_KEY, on_change="rerun",
                      icon=":material/bar_chart:")
    if box.open:
        with box:
            drawn = cache.timeline_chart(key, filters.without_dates().key(), None, filters.dates)
            timeline(drawn, filters.dates, key="view")


def jurisdiction_timeline(key: cache.StoreKey, filters: FilterState, jurisdiction: str) -> None:
    """The timeline of one jurisdiction's excerpts (the panel's, inside the map's fragment)."""
    drawn = cache.timeline_chart(key, filters.without_dates().key(), jurisdiction, filters.dates)
    timeline(drawn, filters.dates, key=f"j-{jurisdiction}", in_fragment=True)
