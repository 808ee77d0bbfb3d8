"""Turn plain jurisdiction data into a folium map that works with no internet.

Nothing here talks to Streamlit: the functions take GeoDataFrames and return folium objects, so
they are tested by rendering the map to text and asserting on fragments of it.

Offline by construction: folium's ``Map`` lists Leaflet, jQuery, Bootstrap, Font Awesome and
awesome-markers on public CDNs (``folium.folium._default_js``); streamlit-folium's component
loads exactly that list (``default_js``/``default_css`` of every element) into its iframe. We
replace the list on the instance with the copies vendored under ``static/vendor/`` (see
``scripts/vendor_assets.sh``) and draw the basemap from our own state boundaries, so no request
leaves the app unless the user turns online tiles on. branca colormaps are avoided on purpose:
streamlit-folium injects d3 from two CDNs whenever it finds one, so the legend is plain HTML.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import threading
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import branca.colormap
import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from folium.elements import MacroElement
from folium.template import Template

# Where Streamlit serves static/ (server.enableStaticServing): http://host/app/static/...
STATIC_URL = "/app/static"
VENDOR_URL = f"{STATIC_URL}/vendor"

VENDOR_JS = (
    ("leaflet", f"{VENDOR_URL}/leaflet/leaflet.js"),
    ("jquery", f"{VENDOR_URL}/jquery/jquery.min.js"),
)
VENDOR_CSS = (("leaflet_css", f"{VENDOR_URL}/leaflet/leaflet.css"),)

# Contiguous US at national zoom; Alaska, Hawaii and Puerto Rico are a pan away.
US_CENTER = (39.5, -96.5)
US_ZOOM = 4
US_BOUNDS = ((24.4, -124.8), (49.4, -66.9))
SELECTION_COLOR = "#0066ff"

# Excerpt-count classes: lower bounds and colours (ColorBrewer YlOrRd, 5 classes). A
# jurisdiction that is mentioned but has no excerpt gets NO_EXCERPTS_COLOR.
CLASS_BOUNDS = (1, 2, 4, 8, 16)
CLASS_COLORS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
NO_EXCERPTS_COLOR = "#d9d9d9"

# Decimal places kept in drawn coordinates: 3 is about 100 m, what the simplification keeps anyway
# (a pixel at city zoom); every digit dropped is a tenth of the GeoJSON text.
COORD_DECIMALS = 3

KIND_LABELS = {"state": "state", "county": "county", "place": "city", "region": "region"}


@dataclass(frozen=True)
class LegendClass:
    label: str
    color: str


def color_for(n_excerpts: int) -> str:
    """Fill colour for a jurisdiction with ``n_excerpts`` excerpts."""
    color = NO_EXCERPTS_COLOR
    for bound, c in zip(CLASS_BOUNDS, CLASS_COLORS, strict=True):
        if n_excerpts >= bound:
            color = c
    return color


def legend_classes() -> list[LegendClass]:
    """The legend rows, in the order they are drawn."""
    rows = [LegendClass("mentioned, no excerpt", NO_EXCERPTS_COLOR)]
    for i, (low, color) in enumerate(zip(CLASS_BOUNDS, CLASS_COLORS, strict=True)):
        if i + 1 < len(CLASS_BOUNDS):
            high = CLASS_BOUNDS[i + 1] - 1
            label = str(low) if high == low else f"{low} to {high}"
        else:
            label = f"{low}+"
        rows.append(LegendClass(f"{label} excerpt{'s' if label != '1' else ''}", color))
    return rows


def round_geometry(geom: Any, decimals: int = COORD_DECIMALS) -> Any:
    """Round every coordinate of ``geom`` (None and empty geometries pass through)."""
    if geom is None or geom.is_empty:
        return geom
    return shapely.transform(geom, lambda xy: np.round(xy, decimals))


def prepare_geometries(gdf: gpd.GeoDataFrame, tolerance: float,
                       relative: float = 0.0) -> gpd.GeoDataFrame:
    """Simplify (degrees) and round the geometries that will be drawn; returns a copy.

    With ``relative`` the tolerance of each geometry grows with its size (``relative`` times
    the larger side of its bounding box, never below ``tolerance``): a big city is seen whole
    at a lower zoom than a small one, so it can lose more detail for the same error in pixels.
    """
    out = gdf.copy()
    if tolerance > 0 or relative > 0:
        geoms = list(out.geometry)
        bounds = shapely.bounds(np.array(geoms, dtype=object))
        extent = np.nan_to_num(np.maximum(bounds[:, 2] - bounds[:, 0],
                                          bounds[:, 3] - bounds[:, 1]))
        tols = np.maximum(tolerance, relative * extent)
        out["geometry"] = [g if g is None else g.simplify(float(t), preserve_topology=True)
                           for g, t in zip(geoms, tols, strict=True)]
    out["geometry"] = [round_geometry(g) for g in out.geometry]
    return out


def prepare_basemap(gdf: gpd.GeoDataFrame, tolerance: float,
                    min_area: float = 0.005) -> gpd.GeoDataFrame:
    """The basemap as drawn: border lines merged into long runs (so simplification can act on
    them), islands under ``min_area`` square degrees dropped, simplified, rounded."""
    geoms = []
    for g in gdf.geometry:
        if g is None or g.is_empty:
            continue
        if g.geom_type in ("MultiLineString", "LineString"):
            g = shapely.line_merge(g)
        elif g.geom_type == "MultiPolygon":
            g = shapely.MultiPolygon([p for p in g.geoms if p.area >= min_area] or list(g.geoms))
        geoms.append(round_geometry(g.simplify(tolerance, preserve_topology=True), 3))
    return gpd.GeoDataFrame(geometry=geoms, crs=gdf.crs)


class _Legend(MacroElement):
    """A Leaflet control with the colour classes (no branca colormap: see module docstring)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "sanctuary-legend");
                div.innerHTML = {{ this.inner_html|tojson }};
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, title: str, rows: Iterable[LegendClass]):
        super().__init__()
        self._name = "Legend"
        cells = "".join(
            f'<div><i style="background:{html.escape(r.color)}"></i>{html.escape(r.label)}</div>'
            for r in rows
        )
        self.inner_html = f"<b>{html.escape(title)}</b>{cells}"


class _PageStyle(MacroElement):
    """CSS for the tile-less background and the legend, placed in the map's header."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
        .leaflet-container { background: #eef3f7; }
        /* Chrome draws a focus rectangle around a clicked SVG path; the selection outline
           (_SelectionOutline) already shows what was clicked. */
        .leaflet-interactive:focus { outline: none; }
        /* A long name wraps instead of running past the map's edge. */
        .sanctuary-tip { white-space: normal; max-width: 260px; }
        .sanctuary-legend { background: rgba(255,255,255,.92); padding: 6px 8px;
            font: 12px/1.4 sans-serif; border-radius: 4px; box-shadow: 0 0 4px rgba(0,0,0,.3); }
        .sanctuary-legend i { display: inline-block; width: 14px; height: 14px;
            margin-right: 6px; vertical-align: -2px; border: 1px solid #888; }
        </style>
        {% endmacro %}
        """
    )


# What a view draws (see view_table): shapes (states, regions, counties) as quantised polygons,
# cities as points. QUANTUM is the grid, in degrees, that shapes are snapped to (about 1 km,
# under a pixel up to zoom 7); TOLERANCE the extra simplification per kind, in degrees.
QUANTUM = 0.01
SHAPE_KINDS = ("state", "region", "county")  # drawing order: bottom to top
TOLERANCE = {"state": 0.02, "region": 0.01, "county": 0.01}
# Zoom reached when a city (a point) is selected; a shape is fitted to the map instead.
POINT_ZOOM = 10
SHAPE_STYLE = {
    "state": {"weight": 1, "fillOpacity": 0.35, "color": "#8a8a8a"},
    "region": {"weight": 2, "fillOpacity": 0.35, "color": "#555", "dashArray": "5 4"},
    "county": {"weight": 0.8, "fillOpacity": 0.75, "color": "#444"},
}


def encode_geometry(geom: Any, quantum: float = QUANTUM) -> list[list[list[int]]]:
    """A (multi)polygon as polygons of rings of delta-encoded integers.

    Each ring is ``[x0, y0, dx1, dy1, ...]`` in units of ``quantum`` degrees (x is longitude):
    small integers, about a third of the text of rounded GeoJSON coordinates. Rings that
    collapse to fewer than three distinct points on the grid are dropped.
    """
    if geom is None or geom.is_empty:
        return []
    polygons = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
    out = []
    for poly in polygons:
        if poly.geom_type != "Polygon":
            continue
        rings = []
        for ring in (poly.exterior, *poly.interiors):
            q = np.round(np.asarray(ring.coords)[:, :2] / quantum).astype(np.int64)
            keep = np.ones(len(q), dtype=bool)
            keep[1:] = np.any(q[1:] != q[:-1], axis=1)  # repeated points on the grid
            q = q[keep]
            if len(q) < 4:
                continue
            delta = np.vstack([q[:1], np.diff(q, axis=0)])
            rings.append([int(v) for v in delta.ravel()])
        if rings:
            out.append(rings)
    return out


def decode_geometry(polygons: list[list[list[int]]], quantum: float = QUANTUM) -> Any:
    """The inverse of :func:`encode_geometry` (what the browser draws), as a shapely geometry."""
    parts = []
    for rings in polygons:
        coords = [np.cumsum(np.asarray(r, dtype=np.int64).reshape(-1, 2), axis=0) * quantum
                  for r in rings]
        holes = [shapely.linearrings(c) for c in coords[1:]]
        parts.append(shapely.polygons(coords[0], holes=holes or None))
    # shapely.multipolygons, not shapely.MultiPolygon: the class re-validates every part
    # (~1 ms a county, seconds for the whole country).
    return shapely.multipolygons(parts) if parts else shapely.Polygon()


def _label(row: Mapping[str, Any]) -> str:
    kind = str(row.get("kind", ""))
    name = row.get("display_name") or row.get("name") or row["id"]
    return f"{name} ({KIND_LABELS.get(kind, kind)})"


def _encode_lines(geom: Any, quantum: float = QUANTUM) -> list[list[int]]:
    lines = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
    out = []
    for line in lines:
        if line.geom_type != "LineString" or line.is_empty:
            continue
        q = np.round(np.asarray(line.coords)[:, :2] / quantum).astype(np.int64)
        delta = np.vstack([q[:1], np.diff(q, axis=0)])
        out.append([int(v) for v in delta.ravel()])
    return out


# The shapes: states, regions and the basemap are the "base" file, written once under static/
# and fetched by the browser once (a file's name is its content's hash, so the browser may keep
# it for good). Counties travel in the view's own file, with the counts: only those in view, in
# one request. (One file per state, cached across views, made a 10,000-article view 57 requests
# to the one-threaded server, queued ahead of Leaflet's own scripts on the browser's six
# connections: about 0.9 s before the map's script could run.)
SHAPES_DIR = "build"
# Views kept under SHAPES_DIR (a 10,000-article view is about 280 KB: about 70 MB at most).
KEPT_VIEW_FILES = 256
BASE_GROUP = "base"
VIEW_GROUP = "view"


def shape_group(jurisdiction: str, kind: str) -> str:
    """Where a jurisdiction's shape is sent: a county in the view's file, the rest in the base."""
    return VIEW_GROUP if kind == "county" else BASE_GROUP


# The first of the map's scripts (streamlit-folium loads them one after the other, then runs
# the map's own): it asks at once for the view's files (``%s``: their URLs, a JSON list), so
# that they come in while Leaflet loads; the map's script takes the answers from
# ``window.sanctuaryFiles``. It travels inline, as a ``data:`` URL (:func:`loader_script`): a
# file of its own was one more request and answer before Leaflet's could start.
LOADER_JS = """(function() {
  var files = window.sanctuaryFiles = window.sanctuaryFiles || {};
  %s.forEach(function(url) {
    if (files[url]) return;
    files[url] = fetch(url, {cache: "force-cache"}).then(function(r) {
      if (!r.ok) throw new Error("map file " + url + ": HTTP " + r.status);
      return r.json();
    });
    files[url].catch(function() {});  // reported by the map's script, which uses it
  });
})();
"""


def loader_script(urls: Sequence[str]) -> str:
    """The loader (:data:`LOADER_JS`) asking for ``urls``, as a ``data:`` URL for a script tag."""
    return "data:text/javascript;charset=utf-8," + urllib.parse.quote(
        LOADER_JS % json.dumps(list(urls)))


@dataclass(frozen=True)
class ShapeAsset:
    """The shapes as served and as drawn, by id (for ``geo.pick``).

    ``urls``: the URL of the base file (:data:`BASE_GROUP`); ``files``: the group of each
    jurisdiction (:func:`shape_group`); ``entries``: the encoded shapes a view's file carries
    (counties), by id. ``directory`` and ``url_prefix``: where the files are written and
    served (the views' files go beside them, :func:`write_view`).
    """

    urls: Mapping[str, str]
    files: Mapping[str, str]
    geometries: Mapping[str, Any]
    directory: Path | None = None
    url_prefix: str = ""
    entries: Mapping[str, list[Any]] = field(default_factory=dict)

    def __contains__(self, jurisdiction: object) -> bool:
        return jurisdiction in self.files

    def urls_for(self, jurisdictions: Iterable[str]) -> list[str]:
        """The shapes files to fetch besides a view's own file: the base file (the counties
        of ``jurisdictions`` come in the view's file, :func:`write_view`)."""
        return [self.urls[BASE_GROUP]]

    def view_shapes(self, jurisdictions: Iterable[str]) -> dict[str, Any]:
        """The shapes a view's file carries for ``jurisdictions``, in drawing order (by id)."""
        ids = sorted({j for j in jurisdictions if j in self.entries})
        return {"q": QUANTUM, "shapes": [self.entries[j] for j in ids]}


def shapes_documents(shapes: gpd.GeoDataFrame,
                     basemap: gpd.GeoDataFrame | None) -> dict[str, dict[str, Any]]:
    """The shapes files' contents by group: ``shapes`` as ``[id, kind, name, polygons]``.

    ``shapes`` has ``id``, ``kind`` (state, region, county), ``display_name`` and ``geometry``
    (EPSG:4326, full resolution); each is simplified per kind (``TOLERANCE``) and snapped to
    ``QUANTUM`` (:func:`encode_geometry`), in drawing order (states, regions, counties). The base
    file also holds ``basemap``: nation land and state border lines. Names are plain text (the
    browser draws them with ``textContent``).
    """
    order = {k: i for i, k in enumerate(SHAPE_KINDS)}
    rows = sorted((r for r in shapes.to_dict("records") if str(r.get("kind")) in order),
                  key=lambda r: (order[str(r["kind"])], str(r["id"])))
    docs: dict[str, dict[str, Any]] = {BASE_GROUP: {"q": QUANTUM, "shapes": []}}
    for row in rows:
        geom = row.get("geometry")
        if geom is None or geom.is_empty:
            continue
        jid, kind = str(row["id"]), str(row["kind"])
        polygons = encode_geometry(geom.simplify(TOLERANCE[kind], preserve_topology=True))
        if polygons:
            name = row.get("display_name") or row.get("name") or jid
            docs.setdefault(shape_group(jid, kind), {"q": QUANTUM, "shapes": []})[
                "shapes"].append([jid, kind, str(name), polygons])
    if basemap is not None and len(basemap):
        land: list[Any] = []
        borders: list[Any] = []
        for g in basemap.geometry:
            if g is None or g.is_empty:
                continue
            if g.geom_type in ("Polygon", "MultiPolygon"):
                land += encode_geometry(g)
            else:
                borders += _encode_lines(g)
        docs[BASE_GROUP]["basemap"] = {"land": land, "borders": borders}
    return docs


def write_shapes(directory: Path, shapes: gpd.GeoDataFrame,
                 basemap: gpd.GeoDataFrame | None, url_prefix: str) -> ShapeAsset:
    """Write the base shapes file (:func:`shapes_documents`) into ``directory``; return the
    shapes, with the counties' encoded shapes kept for the views' files (:func:`write_view`).

    Each file is named after its group and its content's hash and written atomically, so that
    several servers sharing the folder, or a browser holding an old copy, never see a
    half-written or stale file. ``url_prefix`` is where ``directory`` is served.
    """
    urls: dict[str, str] = {}
    files: dict[str, str] = {}
    geometries: dict[str, Any] = {}
    entries: dict[str, list[Any]] = {}
    for group, doc in shapes_documents(shapes, basemap).items():
        if group == BASE_GROUP:
            urls[group] = _write_hashed(directory, f"shapes-{group}", doc, url_prefix)
        for s in doc["shapes"]:
            files[s[0]] = group
            geometries[s[0]] = decode_geometry(s[3], doc["q"])
            if group != BASE_GROUP:
                entries[s[0]] = s
    return ShapeAsset(urls, files, geometries, directory, url_prefix, entries)


def _write_hashed(directory: Path, prefix: str, doc: Any, url_prefix: str,
                  suffix: str = ".json") -> str:
    """Write ``doc`` as JSON (bytes as they are) to ``directory/prefix-HASH.json`` (atomically,
    once); its URL."""
    data = doc if isinstance(doc, bytes) else json.dumps(doc, separators=(",", ":")).encode()
    name = f"{prefix}-{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
    path = directory / name
    if path.is_file():
        path.touch()  # still in use: kept by prune_views
    else:
        directory.mkdir(parents=True, exist_ok=True)
        tmp = directory / f".{name}.{os.getpid()}.{threading.get_ident()}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, path)
    return f"{url_prefix}/{name}"


@dataclass(frozen=True)
class ViewTable:
    """What one view adds to the shapes file: the only per-view part of the map.

    ``counts``: ``(id, n_excerpts)`` of the jurisdictions in view drawn from the shapes files.
    ``points``: ``(id, n_excerpts, label, lat, lon)`` for cities and for any jurisdiction the
    shapes files do not hold. ``files``: the URLs of the shapes files to fetch. Its size grows
    with the jurisdictions in view (a dozen bytes per shape, a few dozen per point), never with
    the number of articles.
    """

    counts: tuple[tuple[str, int], ...]
    points: tuple[tuple[Any, ...], ...]
    files: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"counts": dict(self.counts), "points": [list(p) for p in self.points],
                "files": list(self.files)}


def view_table(jurisdictions: pd.DataFrame, shapes: ShapeAsset | None = None) -> ViewTable:
    """The per-view table (:class:`ViewTable`) of the jurisdictions in view.

    ``jurisdictions`` has ``id``, ``display_name``, ``kind``, ``n_excerpts``, ``lat``, ``lon``
    and optionally ``geometry`` (a representative point stands in for a missing lat/lon).
    ``shapes``: the shapes files (None: every jurisdiction is drawn as a point).
    """
    counts: list[tuple[str, int]] = []
    points: list[tuple[Any, ...]] = []
    rows = jurisdictions.to_dict("records") if len(jurisdictions) else []
    for row in rows:
        jid, kind = str(row["id"]), str(row.get("kind", ""))
        n = int(row.get("n_excerpts", 0) or 0)
        if kind in SHAPE_KINDS and shapes is not None and jid in shapes:
            counts.append((jid, n))
            continue
        lat, lon = row.get("lat"), row.get("lon")
        geom = row.get("geometry")
        if (lat is None or lon is None or not np.isfinite([lat, lon]).all()) \
                and geom is not None and not geom.is_empty:
            p = geom.representative_point()
            lat, lon = p.y, p.x
        if lat is None or lon is None or not np.isfinite([lat, lon]).all():
            continue
        points.append((jid, n, _label(row), round(float(lat), 3), round(float(lon), 3)))
    files = tuple(shapes.urls_for(j for j, _ in counts)) if shapes is not None else ()
    return ViewTable(tuple(counts), tuple(points), files)


def write_view(table: ViewTable, shapes: ShapeAsset) -> str:
    """Write a view's table, with the shapes of its counties, beside the base shapes file
    (``view-HASH.json``); return its URL.

    The map's script then carries only this URL: it is the same on every rerun of a view, and
    the browser fetches the file once per view (its name changes with its content, so a kept
    copy is never stale). The file grows with the counties in view, never with the articles.
    """
    if shapes.directory is None:
        raise ValueError("the shapes files were not written to a folder (write_shapes)")
    doc = table.to_json()
    doc["shapes"] = shapes.view_shapes(j for j, _ in table.counts)
    url = _write_hashed(shapes.directory, "view", doc, shapes.url_prefix)
    prune_views(shapes.directory, keep=KEPT_VIEW_FILES)
    return url


def prune_views(directory: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` most recently used view files in ``directory``; return them.

    Every filter combination writes a view file, so a long-running server would otherwise fill
    its disk with views nobody looks at again. A view in use stays: writing it again refreshes
    its time (:func:`_write_hashed`), and ``ui.cache.view_url`` rewrites a view whose file went.
    """
    views = []
    for path in directory.glob("view-*.json"):
        try:
            views.append((path.stat().st_mtime, path))
        except FileNotFoundError:  # pruned by another server sharing the folder
            continue
    views.sort(reverse=True)
    removed = [path for _, path in views[keep:]]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


class _ViewLayer(MacroElement):
    """Draws a view's table (:func:`write_view`) over the shapes files, in the browser.

    The table, then the shapes files it names, are fetched (once each: the browser keeps them,
    their names change with their content) and the shapes in view are shaded from their
    excerpt count. Tooltips are plain text nodes
    (a label never reaches ``innerHTML``) and open on the side of the pointer that keeps them
    inside the map. City points are drawn in a feature group that is on the map when the script
    ends (streamlit-folium binds its click handler to the layers present then, and a group
    passes on its members' clicks), so that a click on one is reported as
    ``last_active_drawing`` (with the city's id); clicks elsewhere
    reach the map as ``last_clicked`` and are resolved on the server (``geo.pick``).

    ``window.sanctuaryView`` is a promise of ``{select(id, group)}``: the selection's feature
    group (:func:`selection_group`, sent with ``st_folium``'s ``feature_group_to_add``) calls it
    to outline and zoom to the selected jurisdiction.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            // Marks in the iframe's performance timeline (script, view, draw, drawn): where a
            // first map's time goes, read by a browser's tools or a benchmark.
            performance.mark("sanctuary:script");
            var map = {{ this._parent.get_name() }};
            var viewUrl = {{ this.view_url|tojson }};
            var colors = {{ this.colors|tojson }}, bounds = {{ this.bounds|tojson }};
            var none = {{ this.none_color|tojson }}, styles = {{ this.styles|tojson }};
            var kinds = {{ this.kinds|tojson }}, byId = {};
            window.sanctuaryLayers = byId;
            function color(n) {
                var c = none;
                for (var i = 0; i < bounds.length; i++) { if (n >= bounds[i]) c = colors[i]; }
                return c;
            }
            // One tooltip and one pair of hover handlers per group, not per shape: the label is
            // made when the pointer first rests on a shape, as a text node (never HTML).
            function tip(layer) {
                var d = document.createElement("div");
                d.textContent = layer.sanctuaryLabel;
                return d;
            }
            function label(name, n) {
                return name + " \\u2014 " + n + " excerpt" + (n === 1 ? "" : "s");
            }
            var tipOptions = {sticky: true, direction: "auto", className: "sanctuary-tip"};
            // The group now: streamlit-folium binds its click handler to the layers present
            // when this script ends; the group passes on its points' clicks.
            var cities = L.featureGroup().addTo(map).bindTooltip(tip, tipOptions);
            // Drawn after the shapes, so that they are painted over them with no reordering.
            function drawPoints(view) {
                view.points.forEach(function(p) {
                    var layer = L.circleMarker([p[3], p[4]], {
                        radius: 4, weight: 1.2, color: "#222", fillColor: color(p[1]),
                        fillOpacity: 0.95, bubblingMouseEvents: false});
                    layer.feature = {type: "Feature", id: p[0], properties: {id: p[0]}};
                    layer.sanctuaryLabel = label(p[2], p[1]);
                    layer.addTo(cities);
                    byId[p[0]] = layer;
                });
            }
            // The shapes' group is made once a shapes file is in, after this script ends, so
            // streamlit-folium's first binding of its click handler leaves it out: a click on a
            // shape reaches the map as a position, resolved on the server (geo.pick).
            var shapeGroup = null;
            function shapesGroup() {
                if (shapeGroup) return shapeGroup;
                shapeGroup = L.featureGroup().addTo(map).bindTooltip(tip, tipOptions);
                shapeGroup.on("mouseover", function(e) { e.layer.setStyle({weight: 2.5}); });
                shapeGroup.on("mouseout", function(e) {
                    e.layer.setStyle({weight: styles[e.layer.sanctuaryKind].weight});
                });
                return shapeGroup;
            }
            // One shapes document: the base file (basemap, states, regions) or the view's counties.
            function draw(view, file) {
                var q = file.q;
                function ring(r) {
                    var out = new Array(r.length / 2), x = 0, y = 0;
                    for (var i = 0; i < r.length; i += 2) {
                        x += r[i]; y += r[i + 1];
                        out[i / 2] = new L.LatLng(y * q, x * q);  // taken as is by L.polygon
                    }
                    return out;
                }
                function polygons(ps) { return ps.map(function(p) { return p.map(ring); }); }
                var base = file.basemap;
                if (base) {
                    var land = {{ this.land_opacity|tojson }};
                    L.polygon(polygons(base.land),
                              {interactive: false, color: "#b8c2cc", weight: 0.8,
                               fillColor: "#fbfbf8", fillOpacity: land}).addTo(map);
                    L.polyline(base.borders.map(ring),
                               {interactive: false, color: "#b8c2cc", weight: 0.8}).addTo(map);
                }
                var group = file.shapes.length ? shapesGroup() : null;
                file.shapes.forEach(function(s) {
                    var n = view.counts[s[0]];
                    if (n === undefined) return;
                    // noClip: the canvas skips shapes out of view; clipping each ring to the
                    // view costs more than drawing the few that straddle its edge.
                    var style = Object.assign({fillColor: color(n), noClip: true}, styles[s[1]]);
                    var layer = L.polygon(polygons(s[3]), style);
                    layer.feature = {type: "Feature", id: s[0], properties: {id: s[0]}};
                    layer.sanctuaryLabel = label(s[2] + " (" + kinds[s[1]] + ")", n);
                    layer.sanctuaryKind = s[1];
                    layer.addTo(group);
                    byId[s[0]] = layer;
                });
            }
            // What the user did to the view last (a counter): a selection's view is set again
            // shortly after, unless the user moved the map meanwhile. A view set while the
            // component starts up is sometimes lost (seen in the browser tests with a warm
            // server; streamlit-folium's own first view is the suspect), never a later one.
            var touched = 0, current = null;
            ["pointerdown", "wheel", "keydown"].forEach(function(e) {
                map.getContainer().addEventListener(e, function() { touched++; }, true);
            });
            function show(layer) {
                if (layer.getBounds) {
                    map.fitBounds(layer.getBounds(), {maxZoom: {{ this.point_zoom }},
                                                      animate: false});
                } else {
                    map.setView(layer.getLatLng(),
                                Math.max(map.getZoom(), {{ this.point_zoom }}),
                                {animate: false});
                }
            }
            function select(id, group) {
                window.sanctuarySelection = null;
                current = null;
                var layer = id ? byId[id] : null;
                if (!layer) return;
                var style = {color: {{ this.color|tojson }}, weight: 4, opacity: 1,
                             fill: false, interactive: false};
                if (layer.getBounds) {
                    L.polygon(layer.getLatLngs(), style).addTo(group);
                } else {
                    L.circleMarker(layer.getLatLng(), Object.assign({radius: 10}, style))
                        .addTo(group);
                }
                show(layer);
                var at = touched;
                current = id;
                setTimeout(function() {
                    if (current !== id) return;
                    if (touched === at) show(layer);
                    window.sanctuarySelection = id;  // outlined and zoomed to (tests wait on it)
                }, 400);
            }
            // A file's name changes with its content, so a kept copy is never stale.
            function getJSON(url) {
                return fetch(url, {cache: "force-cache"}).then(function(r) {
                    if (!r.ok) throw new Error("map file " + url + ": HTTP " + r.status);
                    return r.json();
                });
            }
            // The view's files, asked for by the loader (LOADER_JS) while Leaflet loaded.
            var early = window.sanctuaryFiles || {};
            function get(url) { return early[url] || getJSON(url); }
            window.sanctuaryView = get(viewUrl).then(function(view) {
                performance.mark("sanctuary:view");
                // Every file at once; each is drawn when it and the ones before it are in (the
                // base file first: the drawing order), not once the last of them arrives.
                var drawn = Promise.resolve();
                view.files.forEach(function(url) {
                    var file = get(url);
                    drawn = Promise.all([file, drawn]).then(function(got) {
                        draw(view, got[0]);
                    });
                });
                // the view's own shapes (its counties) over the base file's
                drawn = drawn.then(function() { if (view.shapes) draw(view, view.shapes); });
                return drawn.then(function() {
                    drawPoints(view);  // last: over the shapes
                    performance.mark("sanctuary:draw");
                    // The canvas paints in the next frame: then the map is drawn.
                    L.Util.requestAnimFrame(function() {
                        performance.mark("sanctuary:drawn");
                        window.sanctuaryDrawn = true;
                    });
                    return {select: select};
                });
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, view_url: str, *, online_tiles: bool = False,
                 color: str = SELECTION_COLOR):
        super().__init__()
        self._name = "ViewLayer"
        self.view_url = view_url
        self.colors = list(CLASS_COLORS)
        self.bounds = list(CLASS_BOUNDS)
        self.none_color = NO_EXCERPTS_COLOR
        self.styles = SHAPE_STYLE
        self.kinds = KIND_LABELS
        self.land_opacity = 0.0 if online_tiles else 1.0
        self.color = color
        self.point_zoom = POINT_ZOOM


class _Selection(MacroElement):
    """Outlines and zooms to ``jurisdiction`` (None: no selection) once the view is drawn."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var group = {{ this._parent.get_name() }}, id = {{ this.jurisdiction|tojson }};
            window.sanctuarySelection = null;
            (window.sanctuaryView || Promise.resolve(null)).then(function(view) {
                if (view) view.select(id, group);
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, jurisdiction: str | None):
        super().__init__()
        self._name = "Selection"
        self.jurisdiction = jurisdiction


def selection_group(jurisdiction: str | None) -> folium.FeatureGroup:
    """The selection, for ``st_folium(..., feature_group_to_add=...)``.

    streamlit-folium swaps this group on a map already drawn, without redrawing the map: a
    click, Back/Forward or the find box moves the outline and the view, and nothing else.
    """
    group = folium.FeatureGroup(name="selection", control=False)
    _Selection(jurisdiction).add_to(group)
    return group


def base_map(*, online_tiles: bool = False) -> folium.Map:
    """An empty map whose scripts and stylesheets all come from the app's own static files."""
    m = folium.Map(
        location=US_CENTER,
        zoom_start=US_ZOOM,
        min_zoom=2,
        tiles="OpenStreetMap" if online_tiles else None,
        control_scale=True,
        # Fractional zoom, so that fitting the contiguous US does not fall back a whole
        # level (half the size) when the map column is a little narrower than zoom 4 needs.
        zoom_snap=0.25,
        # Canvas draws thousands of shapes faster than one SVG element each.
        prefer_canvas=True,
    )
    m.fit_bounds(US_BOUNDS)
    # Instance attributes: the class-level lists are shared by every folium Map in the process.
    m.default_js = list(VENDOR_JS)
    m.default_css = list(VENDOR_CSS)
    _PageStyle().add_to(m)
    return m


def build_map(
    jurisdictions: pd.DataFrame,
    shapes: ShapeAsset,
    *,
    online_tiles: bool = False,
) -> folium.Map:
    """Build the folium map of the jurisdictions in view.

    Parameters
    ----------
    jurisdictions
        One row per jurisdiction: ``id``, ``display_name``, ``kind`` (state, county, place,
        region), ``n_excerpts``, ``lat``, ``lon`` and ``geometry`` (EPSG:4326; None where
        unknown).
    shapes
        The shapes file (:func:`write_shapes`): what states, regions and counties look like,
        and the light basemap (nation land, state borders) that replaces tiles.
    online_tiles
        Draw OpenStreetMap tiles under everything (needs internet).

    Returns
    -------
    folium.Map
        States faint at the bottom, then regions and counties, then a point per city; a
        legend of excerpt counts. The view's table is written beside the shapes files
        (:func:`write_view`), so the map itself is the same few KB whatever the view.
    """
    table = view_table(jurisdictions, shapes)
    return view_map(write_view(table, shapes), files=table.files, prefetch=True,
                    online_tiles=online_tiles)


def view_map(view_url: str, *, files: Sequence[str] = (), prefetch: bool = False,
             online_tiles: bool = False) -> folium.Map:
    """The folium map of the view whose table is at ``view_url`` (:func:`write_view`).

    With ``prefetch`` the table and ``files`` (the shapes files the view draws,
    :attr:`ViewTable.files`) are asked for as soon as the map's iframe loads, all at once and
    while Leaflet loads (:func:`loader_script`), instead of once the map's script has run and
    read the table. Without it the script fetches them itself.
    """
    m = base_map(online_tiles=online_tiles)
    if prefetch:
        m.default_js = [("sanctuary_loader", loader_script([view_url, *files])),
                        *m.default_js]
    _ViewLayer(view_url, online_tiles=online_tiles).add_to(m)
    _Legend("Excerpts reported", legend_classes()).add_to(m)
    return m


def map_links(m: folium.Map) -> list[str]:
    """Every script and stylesheet URL the map asks the browser to load.

    The same walk as ``st_folium`` does to build its ``js_links``/``css_links``, including the
    d3 CDN links it adds for any branca colormap.
    """
    urls: list[str] = []

    def walk(el: Any) -> None:
        if isinstance(el, branca.colormap.ColorMap):
            urls.extend(["https://d3js.org/d3.v4.min.js",
                         "https://cdnjs.cloudflare.com/ajax/libs/d3/3.5.5/d3.min.js"])
        urls.extend(u for _, u in getattr(el, "default_js", []))
        urls.extend(u for _, u in getattr(el, "default_css", []))
        for child in getattr(el, "_children", {}).values():
            walk(child)

    walk(m)
    return list(dict.fromkeys(urls))


@dataclass(frozen=True)
class Click:
    """A click on the map: a city's point (``jurisdiction``) or a position to resolve."""

    jurisdiction: str | None = None
    lat: float | None = None
    lon: float | None = None


def read_click(value: Mapping[str, Any] | None,
               previous: Mapping[str, Any] | None = None) -> Click | None:
    """What the latest click on the map was, from ``st_folium``'s value and the one before.

    A click on a shape or on the bare map changes ``last_clicked`` (its position, resolved on
    the server by :func:`geo.pick.JurisdictionIndex.at`); a click on a city's point does not
    reach the map (``bubblingMouseEvents: false``) and changes ``last_active_drawing`` to that
    city's feature, whose id is taken as is.
    """
    if not value:
        return None
    previous = previous or {}
    at = value.get("last_clicked")
    if isinstance(at, Mapping) and at != previous.get("last_clicked"):
        try:
            return Click(lat=float(at["lat"]), lon=float(at["lng"]))
        except (KeyError, TypeError, ValueError):
            return None
    drawing = value.get("last_active_drawing")
    if not isinstance(drawing, Mapping):
        return None
    props = drawing.get("properties") or {}
    jid = props.get("id") if isinstance(props, Mapping) else None
    if jid is None:
        jid = drawing.get("id")
    return Click(jurisdiction=str(jid)) if jid is not None else None


def clicked_id(value: Mapping[str, Any] | None) -> str | None:
    """The jurisdiction id of a clicked feature in ``st_folium``'s value, or None."""
    click = read_click({"last_active_drawing": (value or {}).get("last_active_drawing")})
    return click.jurisdiction if click else None


def geojson_download(frame: gpd.GeoDataFrame) -> str:
    """The jurisdictions as a GeoJSON document (unescaped text: it is a file, not HTML)."""
    cols = [c for c in frame.columns if c != "geometry"]
    out = frame[[*cols, "geometry"]].copy()
    for c in cols:
        out[c] = [json.dumps(v) if isinstance(v, list | tuple | dict) else v for v in out[c]]
    return out.to_json(drop_id=True)
