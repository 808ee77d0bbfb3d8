"""The app's one caching module: every read of the store and of the boundary files goes here.

- Which store: :func:`database`, through ``st.connection("sanctuary", type=StoreConnection)``:
  ``$SANCTUARY_DATABASE_URL``, else ``url`` under ``[connections.sanctuary]`` in
  ``.streamlit/secrets.toml`` (Streamlit's convention for connection secrets), else the
  embedded SQLite store ``data/build/sanctuary.sqlite``.
- ``st.cache_resource`` for the read-only gazetteer (one per process) and for bringing the store
  up to date (SQLite: keyed by the article files' names, sizes and mtimes, so an added article
  rebuilds it; PostgreSQL: once per process, schema and results made by the current code).
- ``st.cache_data`` for query results, keyed by :class:`StoreKey` (the store's URL and a version
  that changes with its content: the SQLite file's size and mtime, the shared store's change
  counter, read on every rerun so an article another server added shows up): a changed store
  is a new key, so no stale answer survives a change.
- A ``Store`` is opened inside each cached function rather than shared between sessions (it is
  cheap: a read-only SQLite connection per query, a pooled PostgreSQL connection per call), so
  no connection crosses Streamlit's threads.
"""

from __future__ import annotations

import gc
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit.connections import BaseConnection

from ui import data
from ui import map as umap
from ui.data import Choices, jurisdiction_frame

if TYPE_CHECKING:
    from geo import Gazetteer
    from geo.pick import JurisdictionIndex
    from news.articles import ArticleError
    from news.dates import DateRange
    from news.store import (
        ArticleRecord,
        ExcerptRecord,
        Filters,
        JurisdictionSummary,
        MentionRecord,
        MonthCountsRecord,
        QuoteGroup,
        QuoteRecord,
        Store,
    )
    from news.store.backend import Database
    from ui import timeline as ui_timeline

REPO = Path(__file__).resolve().parent.parent
ARTICLES_DIR = REPO / "data" / "articles"

# Extra simplification (degrees) of what is drawn, on top of the stored geometry.
# Places keep ~100 m (a pixel at city zoom); states ~2 km; the basemap ~6 km (under a pixel at
# national zoom; it is only context, the states that articles mention are drawn finer).
TOLERANCE = {"state": 0.02, "region": 0.005, "county": 0.002, "place": 0.001}
# ...and at least this share of a jurisdiction's extent (see ui.map.prepare_geometries).
RELATIVE_TOLERANCE = 0.005
BASEMAP_TOLERANCE = 0.06
# The shapes file (see shapes()): written under static/, served by Streamlit's static serving.
SHAPES_DIR = REPO / "static" / umap.SHAPES_DIR
SHAPES_URL = f"{umap.STATIC_URL}/{umap.SHAPES_DIR}"


class DataUnavailable(RuntimeError):
    """A layer the app needs is missing or broken; the message says what and how to fix it."""


class StoreOffline(DataUnavailable):
    """The shared store cannot be reached right now (the next rerun tries again)."""


@dataclass(frozen=True)
class StoreKey:
    """The store a page reads and its version (a new version is a new key for every cache)."""

    url: str
    version: str


_T = TypeVar("_T")


def _kept(value: _T) -> _T:
    """``value``, built to be kept by the process, and everything alive with it, moved out of
    the garbage collector's way (``gc.freeze``).

    Streamlit runs a full collection after every script run (``runner.postScriptGC``), whose
    cost grows with every object the process holds: the gazetteer's 33,000 jurisdictions, the
    shapes, the modules, the shared resources (~190,000 objects with the seeds, 60-100 ms on
    every click, the largest part of a rerun's server time). Called where a shared resource is
    built (rare), after a full collection that first frees what became garbage since the last
    call (``gc.unfreeze``), so nothing frozen earlier is kept for good.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    return value


# The connection's name: its secrets live under [connections.sanctuary] in secrets.toml.
CONNECTION_NAME = "sanctuary"


class StoreConnection(BaseConnection["Database"]):
    """``st.connection("sanctuary", type=StoreConnection)``: which store the app reads.

    The URL is ``$SANCTUARY_DATABASE_URL`` when set, else ``url`` in ``[connections.sanctuary]``
    of ``.streamlit/secrets.toml``, else the embedded SQLite store. The connection holds the
    parsed :class:`news.store.Database`; queries open their own connections (see the module
    docstring).
    """

    def _connect(self, **kwargs: Any) -> Database:
        from news.store import DATABASE_ENV, parse_database

        url = kwargs.get("url") or os.environ.get(DATABASE_ENV) or self._secrets.get("url")
        return parse_database(url)

    @property
    def database(self) -> Database:
        return self._instance


def database() -> Database:
    """The store this app reads and writes (see :class:`StoreConnection`)."""
    try:
        return st.connection(CONNECTION_NAME, type=StoreConnection).database
    except ValueError as error:  # a URL of another scheme
        raise DataUnavailable(f"The store URL is not usable: {error}") from None


# How long the article folder's signature is trusted (seconds): a file added or edited by hand
# shows up after at most this; one added through the app clears it at once.
SIGNATURE_TTL = 2


@st.cache_data(show_spinner=False, ttl=SIGNATURE_TTL, max_entries=1)
def _articles_signature() -> str:
    """A digest of the article files' names, sizes and mtimes.

    A digest rather than the tuple itself: Streamlit hashes a cached function's arguments
    element by element, which took ~1 s a rerun for 10,000 files. Read at most every
    ``SIGNATURE_TTL`` seconds, not on every rerun: 10,000 stats are ~25 ms.
    """
    if not ARTICLES_DIR.is_dir():
        return ""
    with os.scandir(ARTICLES_DIR) as entries:
        rows = sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in entries
                      if e.is_file())
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@st.cache_resource(show_spinner="Reading the articles into the store…", max_entries=4)
def _ensure_store(signature: str, url: str) -> str:
    try:
        from news.store import ensure_store, parse_database
    except ImportError as error:
        raise DataUnavailable(
            f"The article store (news.store) is not available: {error}.") from None
    return str(ensure_store(ARTICLES_DIR, parse_database(url).path))


@st.cache_resource(show_spinner="Preparing the shared store…", max_entries=4)
def _ensure_shared(url: str) -> str:
    from news.store import ensure_database

    return ensure_database(url, ARTICLES_DIR).url


def store_key() -> StoreKey:
    """Bring the store up to date; return the key of its current content.

    Raises
    ------
    DataUnavailable
        The store URL is unusable, or the shared store cannot be reached (the message says
        which); the next rerun tries again.
    """
    from news.store import Store, StoreUnavailable

    db = database()
    if db.postgres:
        try:
            _ensure_shared(db.url)
            return StoreKey(db.url, Store(db).version())
        except StoreUnavailable as error:
            raise StoreOffline(str(error)) from None
    path = Path(_ensure_store(_articles_signature(), db.url))
    if not path.is_file():  # removed while the app runs (e.g. data/build/ cleaned): rebuild
        _ensure_store.clear()
        path = Path(_ensure_store(_articles_signature(), db.url))
    return StoreKey(db.url, Store(path).version())


def clear_store_cache() -> None:
    """Forget every store answer (after an article was added)."""
    _ensure_store.clear()
    _articles_signature.clear()
    for fn in (article_choices, view_summaries, excerpt_heads, excerpt_page, articles, outlets,
               summaries, excerpts, in_view, month_counts, timeline_chart, search, mentions,
               article_jurisdictions, quotes, quote_groups, load_errors, map_frame, view_table,
               _view_file, pick_index, map_geojson):
        fn.clear()


def _open(key: StoreKey) -> Store:
    from news.store import Store

    return Store(key.url)


def _filters(fkey: tuple[tuple[str, ...], ...]) -> Filters:
    from news.dates import parse_range
    from news.store import Filters

    outlets_, articles_, categories_, kinds_, *dates = fkey  # dates: (from, to), ISO days
    rng = parse_range(*dates[0])[0] if dates else None
    return Filters(outlets=outlets_, articles=articles_, categories=categories_, kinds=kinds_,
                   **({"dates": rng} if rng else {}))


@st.cache_data(show_spinner=False, max_entries=64)
def articles(key: StoreKey) -> list[ArticleRecord]:
    return list(_open(key).articles())


@st.cache_resource(show_spinner=False, max_entries=4)
def article_choices(key: StoreKey) -> Choices:
    """The sidebar's article filter, searched on the server (shared, read-only: a resource, so
    that a rerun does not unpickle 10,000 titles)."""
    return _kept(data.article_choices(articles(key)))


@st.cache_resource(show_spinner=False, max_entries=16)
def view_summaries(key: StoreKey, fkey: tuple[tuple[str, ...], ...]) -> data.ViewSummaries:
    """A view's jurisdictions ranked, by id, and as the find box's choices (shared, read-only:
    a resource, so that a click does not unpickle thousands of summaries)."""
    return _kept(data.view_summaries(summaries(key, fkey)))


@st.cache_data(show_spinner=False, max_entries=64)
def outlets(key: StoreKey) -> list[str]:
    return list(_open(key).outlets())


@st.cache_data(show_spinner=False, max_entries=256)
def summaries(key: StoreKey, fkey: tuple[tuple[str, ...], ...]) -> list[JurisdictionSummary]:
    return list(_open(key).jurisdiction_summaries(_filters(fkey)))


@st.cache_data(show_spinner=False, max_entries=256)
def excerpts(key: StoreKey, fkey: tuple[tuple[str, ...], ...],
             jurisdiction: str | None = None) -> list[ExcerptRecord]:
    return list(_open(key).excerpts(_filters(fkey), jurisdiction=jurisdiction))


@st.cache_data(show_spinner=False, max_entries=256)
def excerpt_heads(key: StoreKey, fkey: tuple[tuple[str, ...], ...], jurisdiction: str,
                  first: int) -> dict[str, tuple[int, list[ExcerptRecord]]]:
    """Per category, a jurisdiction's excerpt count and first ``first`` excerpts: what the panel
    shows on a click, without reading back all of them (18,000 for a big city at 10,000
    articles, ~0.3 s to unpickle)."""
    return data.excerpt_heads(excerpts(key, fkey, jurisdiction), first)


@st.cache_data(show_spinner=False, max_entries=256)
def excerpt_page(key: StoreKey, fkey: tuple[tuple[str, ...], ...], jurisdiction: str,
                 category: str, page: int, size: int) -> list[ExcerptRecord]:
    """Page ``page`` (from 1) of a jurisdiction's excerpts of ``category``, ``size`` a page, in
    the panel's order: what its pager shows beyond the first page (:func:`excerpt_heads`)."""
    items = data.group_excerpts(excerpts(key, fkey, jurisdiction), [category])[category]
    return items[(page - 1) * size:page * size]


@st.cache_data(show_spinner=False, max_entries=256)
def in_view(key: StoreKey, fkey: tuple[tuple[str, ...], ...]) -> tuple[int, int, int]:
    """Jurisdictions, excerpts and articles in a view (the map page's "In view" line).

    Three numbers, so that a rerun does not read back the view's whole excerpt list (a cached
    answer is unpickled on every read).
    """
    rows = summaries(key, fkey)
    shown = excerpts(key, fkey)
    arts = {e.article for e in shown} | {a for s in rows for a in s.articles}
    return len(rows), len(shown), len(arts)


@st.cache_data(show_spinner=False, max_entries=256)
def month_counts(key: StoreKey, fkey: tuple[tuple[str, ...], ...],
                 jurisdiction: str | None = None) -> MonthCountsRecord:
    """Excerpts per month and category (a timeline's few rows, cheap to read back each rerun)."""
    return _open(key).month_counts(_filters(fkey), jurisdiction=jurisdiction)


@st.cache_data(show_spinner=False, max_entries=256)
def timeline_chart(key: StoreKey, fkey: tuple[tuple[str, ...], ...], jurisdiction: str | None,
                   dates: DateRange) -> ui_timeline.Chart:
    """A timeline's chart (:func:`ui.timeline.chart`): the counts of the view ``fkey`` (over
    all dates; of ``jurisdiction`` when given), ``dates`` highlighted. Built once per view and
    range: a rerun only reads it back (a small spec and an Arrow table)."""
    from ui import timeline

    return timeline.chart(timeline.month_counts(month_counts(key, fkey, jurisdiction)), dates)


@st.cache_data(show_spinner=False, max_entries=64)
def search(key: StoreKey, fkey: tuple[tuple[str, ...], ...], query: str) -> list[ExcerptRecord]:
    """Excerpts matching what a user typed (read safely by ``news.store.parse_search``)."""
    return list(_open(key).search(query, _filters(fkey)))


@st.cache_data(show_spinner=False, max_entries=256)
def mentions(key: StoreKey, article_id: str) -> list[MentionRecord]:
    return list(_open(key).mentions(article_id))


@st.cache_data(show_spinner=False, max_entries=256)
def article_jurisdictions(key: StoreKey, article_id: str) -> list[tuple[str, str]]:
    return list(_open(key).article_jurisdictions(article_id))


@st.cache_data(show_spinner=False, max_entries=64)
def quotes(key: StoreKey, fkey: tuple[tuple[str, ...], ...]) -> list[QuoteRecord]:
    return list(_open(key).quotes(_filters(fkey)))


@st.cache_data(show_spinner=False, max_entries=64)
def quote_groups(key: StoreKey, fkey: tuple[tuple[str, ...], ...]) -> list[QuoteGroup]:
    return list(_open(key).quote_groups(_filters(fkey)))


@st.cache_data(show_spinner=False, max_entries=16)
def load_errors(key: StoreKey) -> list[ArticleError]:
    return list(_open(key).load_errors())


@st.cache_resource(show_spinner=False)
def gazetteer() -> Gazetteer:
    """The read-only gazetteer, shared by every session."""
    from geo import load_gazetteer

    return _kept(load_gazetteer())


@st.cache_data(show_spinner=False, max_entries=8)
def basemap() -> gpd.GeoDataFrame:
    """Nation and state outlines for the tile-less basemap, simplified for drawing."""
    from geo import load_basemap

    return umap.prepare_basemap(load_basemap(), BASEMAP_TOLERANCE)


@st.cache_data(show_spinner=False, max_entries=256)
def geometries(ids: tuple[str, ...]) -> gpd.GeoDataFrame:
    """Drawable boundaries of ``ids`` (unknown ids left out), simplified per kind."""
    from geo import load_geometries

    gdf = load_geometries(list(ids), strict=False)
    if not len(gdf):
        return gdf
    parts = [umap.prepare_geometries(gdf[gdf["kind"] == k], TOLERANCE.get(k, 0.001),
                                     RELATIVE_TOLERANCE)
             for k in gdf["kind"].unique()]
    return gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry",
                            crs="EPSG:4326")


@st.cache_resource(show_spinner="Preparing the map's shapes…")
def shapes() -> umap.ShapeAsset:
    """Every state, region and county the map can draw, as one file under ``static/``.

    Written once per process (the same content gives the same file name, so restarts and
    other servers reuse it); the browser fetches it once and keeps it. Views send only which
    shapes to draw (:func:`view_table`).
    """
    import sqlite3

    from geo import load_geometries
    from geo.gazetteer import DEFAULT_PATH

    with sqlite3.connect(f"file:{DEFAULT_PATH}?mode=ro", uri=True) as conn:
        names = dict(conn.execute(
            "SELECT g.id, j.display_name FROM geometries g JOIN jurisdictions j USING (id) "
            "WHERE g.kind IN ({})".format(",".join("?" * len(umap.SHAPE_KINDS))),
            umap.SHAPE_KINDS).fetchall())
    gdf = load_geometries(list(names), strict=False)
    gdf["display_name"] = [names[i] for i in gdf["id"]]
    return _kept(umap.write_shapes(SHAPES_DIR, gdf, basemap(), SHAPES_URL))


@st.cache_data(show_spinner=False, max_entries=64)
def view_table(key: StoreKey, fkey: tuple[tuple[str, ...], ...]) -> umap.ViewTable:
    """What the map sends for a view: counts for the shapes in view, cities as points."""
    from ui.data import summary_row

    rows = pd.DataFrame([summary_row(s) for s in summaries(key, fkey)])
    return umap.view_table(rows, shapes())


@st.cache_data(show_spinner=False, max_entries=64)
def _view_file(key: StoreKey, fkey: tuple[tuple[str, ...], ...]) -> str:
    return umap.write_view(view_table(key, fkey), shapes())


def view_url(key: StoreKey, fkey: tuple[tuple[str, ...], ...]) -> str:
    """The URL of a view's table, written under ``static/`` (what the map's script fetches).

    The map then carries this name only, the same on every rerun of the view.
    """
    url = _view_file(key, fkey)
    if not (SHAPES_DIR / url.rsplit("/", 1)[-1]).is_file():  # static/build/ cleaned meanwhile
        shapes.clear()
        _view_file.clear()
        url = _view_file(key, fkey)
    return url


@st.cache_data(show_spinner=False, max_entries=64)
def view_files(key: StoreKey, fkey: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """The shapes files a view draws (the map's loader asks for them with the view's table)."""
    return view_table(key, fkey).files


@st.cache_resource(show_spinner=False, max_entries=32)
def pick_index(key: StoreKey, fkey: tuple[tuple[str, ...], ...]) -> JurisdictionIndex:
    """The shapes of a view as drawn, for resolving a click's position (shared, read-only)."""
    from geo.pick import JurisdictionIndex

    drawn = shapes().geometries
    ids = [jid for jid, _ in view_table(key, fkey).counts]
    return _kept(JurisdictionIndex.build(ids, [drawn[i] for i in ids]))


@st.cache_data(show_spinner=False, max_entries=256)
def map_frame(key: StoreKey, fkey: tuple[tuple[str, ...], ...]) -> gpd.GeoDataFrame:
    """The jurisdictions in view with their counts and drawable boundaries."""
    rows = summaries(key, fkey)
    return jurisdiction_frame(rows, geometries(tuple(s.id for s in rows)))


@st.cache_data(show_spinner=False, max_entries=64)
def map_geojson(key: StoreKey, fkey: tuple[tuple[str, ...], ...]) -> str:
    """The jurisdictions in view as GeoJSON text (the download button's data, ~13 ms to build)."""
    return umap.geojson_download(map_frame(key, fkey))
