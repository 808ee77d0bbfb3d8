"""The one sidebar every page shows: filters by outlet, article, category, kind and date range.

Each filter is kept in a URL query parameter, so the URL carries
``?outlet=Vocativ&category=policy&from=2017-01-01&to=2017-03-31&j=48453`` and a shared link
restores the view. The sync is done
here rather than with ``bind="query-params"``: a bound widget writes its *formatted labels* into
the URL (an article's title instead of its id), which makes links long and fragile. Widget
values persist across pages (``persist_state="session"``) and are written back to the URL on
every run. The selected jurisdiction is not a widget; it lives in ``st.query_params["j"]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import streamlit as st

from news.dates import FIRST_YEAR, LAST_YEAR, DateRange, overlaps, parse_range
from ui.data import CATEGORIES, CATEGORY_LABELS, KIND_PLURALS, KINDS, Choices
from ui.text import md_escape

if TYPE_CHECKING:
    from news.store import ArticleRecord

FILTER_PARAMS = ("outlet", "article", "category", "kind")
# The date range's URL parameters (YYYY-MM-DD) and the session keys of its two widgets.
FROM_PARAM, TO_PARAM = "from", "to"
FROM_KEY, TO_KEY = "filter_from", "filter_to"

# What the range does with dates known only to the month or the year (news.dates.overlaps).
DATE_RULE = ("Articles dated only to a month or a year count when that month or year overlaps "
             "the range; undated articles are left out.")

SELECTED_PARAM = "j"

# The most options a long list (ui.data.Choices) sends: beyond it, a search box above the list
# picks which (the first matches); what is selected is always among them.
MAX_OPTIONS = 50


@dataclass(frozen=True)
class FilterState:
    """What the sidebar selected; empty tuples mean no restriction (as ``news.store.Filters``)."""

    outlets: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    dates: DateRange = field(default_factory=DateRange)

    def key(self) -> tuple[tuple[str, ...], ...]:
        """A hashable, order-independent cache key (the date range last, as ISO days)."""
        return (tuple(sorted(self.outlets)), tuple(sorted(self.articles)),
                tuple(sorted(self.categories)), tuple(sorted(self.kinds)), self.dates.iso())

    @property
    def active(self) -> bool:
        return any(self.key()[:4]) or self.dates.active

    def without_dates(self) -> FilterState:
        """The same filters over all dates (what a timeline draws, its range highlighted)."""
        return FilterState(self.outlets, self.articles, self.categories, self.kinds)

    def keeps(self, article: ArticleRecord) -> bool:
        """Whether the outlet, article and date filters keep ``article``."""
        return ((not self.outlets or article.outlet in self.outlets)
                and (not self.articles or article.id in self.articles)
                and overlaps(article.published, self.dates))

    def params(self) -> dict[str, str | list[str]]:
        """The filters as URL query parameters (for a link that keeps the view)."""
        out: dict[str, str | list[str]] = {}
        for param, values in zip(FILTER_PARAMS, self.key()[:4], strict=True):
            if values:
                out[param] = list(values)
        start, end = self.dates.iso()
        if start:
            out[FROM_PARAM] = start
        if end:
            out[TO_PARAM] = end
        return out


def _synced_value(param: str, valid: Sequence[str] | Choices) -> list[str]:
    """The kept value of the ``?param=...`` multiselect, from the URL on a session's first run.

    Kept in the session whether or not the widget is drawn (the filters' expander may be
    closed); written back to the URL here, so a closed box keeps the link's filters."""
    key = f"filter_{param}"
    if key not in st.session_state:
        st.session_state[key] = [v for v in st.query_params.get_all(param) if v in valid]
    else:  # an option can disappear (filters narrowed, article removed)
        st.session_state[key] = [v for v in st.session_state[key] if v in valid]
    value = list(st.session_state[key])
    _write_values(param, value)
    return value


def _write_values(param: str, value: Sequence[str]) -> None:
    if value:
        st.query_params[param] = list(value)
    elif param in st.query_params:
        del st.query_params[param]


def searched_options(choices: Choices, key: str, selected: Sequence[str], *, label: str,
                     noun: str) -> list[str]:
    """The options a widget over ``choices`` sends: all of them when they are few; else the
    ``selected`` ones and the first matches of a search box drawn here (``key``)."""
    if len(choices) <= MAX_OPTIONS:
        return list(choices.ids)
    query = st.text_input(label, key=key, placeholder=f"Type to search {len(choices):,} {noun}",
                          help=f"Words of the name; the first {MAX_OPTIONS} matches are listed "
                               "below.")
    found = choices.search(query, MAX_OPTIONS)
    if query.strip():
        n = choices.count(query)
        st.caption(f"{n:,} match{'es' if n != 1 else ''}"
                   + (f", the first {MAX_OPTIONS} listed" if n > MAX_OPTIONS else ""))
    return [*(v for v in selected if v not in found), *found]


def synced_multiselect(label: str, options: Sequence[str] | Choices, param: str,
                       **kwargs: Any) -> list[str]:
    """A multiselect whose value starts from, and is written back to, ``?param=...``.

    ``options`` as :class:`ui.data.Choices` are searched on the server (:func:`searched_options`)
    and labelled by it.
    """
    key = f"filter_{param}"
    selected = _synced_value(param, options)
    if isinstance(options, Choices):
        shown = searched_options(options, f"{key}_search", selected, label=f"Search {label.lower()}s",
                                 noun=f"{label.lower()}s")
        kwargs.setdefault("format_func", options.label)
    else:
        shown = list(options)
    value = st.multiselect(label, shown, key=key, persist_state="session", **kwargs)
    _write_values(param, value)
    return value


def _write_param(param: str, day: dt.date | None) -> None:
    if day is not None:
        st.query_params[param] = day.isoformat()
    elif param in st.query_params:
        del st.query_params[param]


def _kept_dates() -> tuple[dt.date | None, dt.date | None]:
    """The kept From and To days, from the URL on a session's first run (what cannot be read
    is reported in plain words and left out; the page runs on without it). Kept in the session
    whether or not the two widgets are drawn, and written back to the URL here."""
    if FROM_KEY not in st.session_state or TO_KEY not in st.session_state:
        rng, problems = parse_range(st.query_params.get(FROM_PARAM),
                                    st.query_params.get(TO_PARAM))
        st.session_state.setdefault(FROM_KEY, rng.start)
        st.session_state.setdefault(TO_KEY, rng.end)
        for problem in problems:
            st.warning(md_escape(f"The date range in the link was not applied: {problem}"),
                       icon=":material/event_busy:")
    else:
        # Set the kept values again, as _synced_value does: on the first run of another
        # page the widgets would otherwise return None once, dropping the range from the page
        # and from the URL.
        st.session_state[FROM_KEY] = st.session_state[FROM_KEY]
        st.session_state[TO_KEY] = st.session_state[TO_KEY]
    start, end = st.session_state[FROM_KEY], st.session_state[TO_KEY]
    _write_param(FROM_PARAM, start)
    _write_param(TO_PARAM, end)
    return start, end


def _applied_range(start: dt.date | None, end: dt.date | None) -> DateRange:
    """The range the pages apply: none when it starts after it ends."""
    return DateRange() if start and end and start > end else DateRange(start, end)


def date_range_inputs() -> DateRange:
    """The sidebar's From and To days, synced with ``?from=YYYY-MM-DD&to=YYYY-MM-DD``
    (:func:`_kept_dates` must have run before, in the same run)."""
    first, last = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)
    left, right = st.columns(2)
    start = left.date_input("From", None, first, last, key=FROM_KEY, format="YYYY-MM-DD",
                            help="The first day, included.", persist_state="session")
    end = right.date_input("To", None, first, last, key=TO_KEY, format="YYYY-MM-DD",
                           help="The last day, included.", persist_state="session")
    _write_param(FROM_PARAM, start)
    _write_param(TO_PARAM, end)
    if start and end and start > end:
        st.warning("The range starts after it ends; no date range is applied.")
    rng = _applied_range(start, end)
    if rng.active:
        st.caption(DATE_RULE)
    return rng


def set_date_range(rng: DateRange) -> None:
    """Set the sidebar's range (usable as an ``on_click``: it must run before the sidebar)."""
    st.session_state[FROM_KEY] = rng.start
    st.session_state[TO_KEY] = rng.end
    _write_param(FROM_PARAM, rng.start)
    _write_param(TO_PARAM, rng.end)


PAGES = (
    ("app.py", "Map", ":material/map:"),
    ("pages/1_Articles.py", "Articles", ":material/article:"),
    ("pages/2_Quotes.py", "Quotes", ":material/format_quote:"),
    ("pages/3_Outlets.py", "Outlets", ":material/bar_chart:"),
    ("pages/5_Search.py", "Search", ":material/search:"),
    ("pages/4_Add_article.py", "Add an article", ":material/add:"),
)


def navigation() -> None:
    """The page links (Streamlit's own list would call the map page "app", after its file;
    it is hidden by ``client.showSidebarNavigation = false``)."""
    for path, label, icon in PAGES:
        st.page_link(path, label=label, icon=icon)
    st.divider()


# The session key of the filters' expander (open or not), and of whether any filter was active
# in the session's previous run (the box opens when one becomes active).
FILTERS_KEY = "filters-box"
WERE_ACTIVE = "filters-were-active"
FILTER_NAMES = (*FILTER_PARAMS, "dates")
# The map page's options: their expander's session key and the online tiles toggle's.
MAP_OPTIONS_KEY, TILES_KEY = "map-options", "tiles"


def _active_names(state: FilterState) -> list[str]:
    """The names of the active filters, in the sidebar's order."""
    on = [bool(v) for v in state.key()[:4]] + [state.dates.active]
    return [name for name, active in zip(FILTER_NAMES, on, strict=True) if active]


def filters_label(state: FilterState) -> str:
    """The filters' expander label: which filters are active, if any."""
    names = _active_names(state)
    return f"Filters: {len(names)} active ({', '.join(names)})" if names else "Filters"


def sidebar(articles: Choices, outlets: Sequence[str], *,
            show_tiles_toggle: bool = False) -> tuple[FilterState, bool]:
    """Draw the shared sidebar; return the filters and whether online tiles are wanted.

    ``articles``: the article filter's choices (``ui.data.article_choices``, outlet as group),
    searched on the server when they are many.

    The filters sit in an expander whose widgets are drawn only while it is open: closed, as on
    a first load without filters, the page does not load the scripts of the multiselects, their
    search helpers and the date inputs, which Streamlit fetches on an element's first use
    (six at a time) ahead of the map's. The values are kept in the session (and the URL)
    whether the box is open or not; it opens whenever a filter becomes active (a link that
    carries one, a month picked on a timeline) and its label names the active ones.
    """
    with st.sidebar:
        navigation()
        # A session's first run opens the box when the link names a filter, though what it
        # gives cannot be read (the warning says so; the box shows what was applied).
        linked = WERE_ACTIVE not in st.session_state and any(
            p in st.query_params for p in (*FILTER_PARAMS, FROM_PARAM, TO_PARAM))
        kept = FilterState(
            tuple(_synced_value("outlet", outlets)), tuple(_synced_value("article", articles)),
            tuple(_synced_value("category", CATEGORIES)), tuple(_synced_value("kind", KINDS)),
            _applied_range(*_kept_dates()))
        # Set every run: the label, part of the expander's identity, changes with the filters,
        # and the box must stay as it was (or open, once a filter becomes active).
        st.session_state[FILTERS_KEY] = (st.session_state.get(FILTERS_KEY, False) or linked
                                         or (kept.active and not st.session_state.get(WERE_ACTIVE)))
        box = st.expander(filters_label(kept), key=FILTERS_KEY, on_change="rerun",
                          icon=":material/filter_list:")
        state = _filter_widgets(box, articles, outlets) if box.open else kept
        st.session_state[WERE_ACTIVE] = state.active
        groups = articles.group or {}
        if state.outlets and state.articles and not any(groups.get(a) in state.outlets
                                                        for a in state.articles):
            st.warning("None of the chosen articles is from the chosen outlets.")
        tiles = map_options() if show_tiles_toggle else False
    return state, tiles


def map_options() -> bool:
    """The map page's "Map" expander, its toggle drawn only while open (for the same reason as
    the filters': no toggle script before the map's); whether online tiles are wanted."""
    st.session_state[TILES_KEY] = bool(st.session_state.get(TILES_KEY, False))
    box = st.expander("Map", key=MAP_OPTIONS_KEY, on_change="rerun", icon=":material/layers:")
    if not box.open:
        return bool(st.session_state[TILES_KEY])
    with box:
        return st.toggle("Online map tiles", key=TILES_KEY, persist_state="session",
                         help="Draw OpenStreetMap tiles under the boundaries. Needs "
                              "internet; off, the map uses only the app's own files.")


def _filter_widgets(box: Any, articles: Choices, outlets: Sequence[str]) -> FilterState:
    """The filters' widgets, drawn in ``box``; their values."""
    with box:
        sel_outlets = synced_multiselect(
            "Outlet", list(outlets), "outlet", placeholder="All outlets",
            help="Only what these outlets reported.")
        sel_articles = synced_multiselect(
            "Article", articles, "article", placeholder="All articles",
            help="Only these articles.")
        sel_categories = synced_multiselect(
            "Category", list(CATEGORIES), "category",
            format_func=CATEGORY_LABELS.__getitem__, placeholder="All categories",
            help="Only excerpts of these kinds; jurisdictions without one are hidden.")
        sel_kinds = synced_multiselect(
            "Kind of jurisdiction", list(KINDS), "kind",
            format_func=KIND_PLURALS.__getitem__, placeholder="All kinds")
        st.markdown("**Date range**")
        dates = date_range_inputs()
    return FilterState(tuple(sel_outlets), tuple(sel_articles), tuple(sel_categories),
                       tuple(sel_kinds), dates)


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
