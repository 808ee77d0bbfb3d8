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

import copy
import html
import json
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import branca.colormap
import folium
import geopandas as gpd
import numpy as np
import shapely
from folium.elements import MacroElement
from folium.template import Template

# Where Streamlit serves static/ (server.enableStaticServing): http://host/app/static/...
VENDOR_URL = "/app/static/vendor"

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


def _summary_line(row: Mapping[str, Any]) -> str:
    n = int(row.get("n_excerpts", 0) or 0)
    parts = []
    for key, word in (("n_enforcement", "enforcement"), ("n_policy", "policy"),
                      ("n_quote", "quotes")):
        v = int(row.get(key, 0) or 0)
        if v:
            parts.append(f"{v} {word}")
    detail = f" ({', '.join(parts)})" if parts else ""
    arts = int(row.get("n_articles", 0) or 0)
    mentions = int(row.get("n_mentions", 0) or 0)
    return (
        f"{n} excerpt{'s' if n != 1 else ''}{detail}; "
        f"{mentions} mention{'s' if mentions != 1 else ''} in "
        f"{arts} article{'s' if arts != 1 else ''}"
    )


def feature_collection(frame: gpd.GeoDataFrame, *, points: bool = False) -> dict[str, Any]:
    """GeoJSON for the map, properties HTML-escaped.

    folium's GeoJsonTooltip puts property values into ``innerHTML``, so every string that can
    reach a tooltip is escaped here; the id goes in ``feature.id`` and ``properties.id`` so a
    click (streamlit-folium's ``last_active_drawing``) tells the app which jurisdiction it was.
    With ``points=True`` each row becomes a Point at its ``lat``/``lon`` (city markers).
    """
    features = []
    for row in frame.to_dict("records"):
        if points:
            lat, lon = row.get("lat"), row.get("lon")
            if lat is None or lon is None or not np.isfinite([lat, lon]).all():
                continue
            geometry = {"type": "Point",
                        "coordinates": [round(float(lon), COORD_DECIMALS),
                                        round(float(lat), COORD_DECIMALS)]}
        else:
            geom = row.get("geometry")
            if geom is None or geom.is_empty:
                continue
            geometry = shapely.geometry.mapping(geom)
        jid = str(row["id"])
        kind = str(row.get("kind", ""))
        features.append({
            "type": "Feature",
            "id": jid,
            "geometry": geometry,
            "properties": {
                "id": html.escape(jid),
                "kind": html.escape(kind),
                "label": html.escape(
                    f"{row.get('display_name') or row.get('name') or jid}"
                    f" ({KIND_LABELS.get(kind, kind)})"
                ),
                "summary": html.escape(_summary_line(row)),
                "n_excerpts": int(row.get("n_excerpts", 0) or 0),
            },
        })
    return {"type": "FeatureCollection", "features": features}


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
        .sanctuary-legend { background: rgba(255,255,255,.92); padding: 6px 8px;
            font: 12px/1.4 sans-serif; border-radius: 4px; box-shadow: 0 0 4px rgba(0,0,0,.3); }
        .sanctuary-legend i { display: inline-block; width: 14px; height: 14px;
            margin-right: 6px; vertical-align: -2px; border: 1px solid #888; }
        </style>
        {% endmacro %}
        """
    )


class _SelectionOutline(MacroElement):
    """Outline the jurisdiction selected in the page URL (``?j=<id>``), drawn in the browser.

    The selection changes on every click, so drawing it from Python would change the
    component's arguments and resend the whole map (hundreds of kB) each time. Instead this
    script, part of the unchanging map, reads ``j`` from the parent page's URL (the component
    iframe is same-origin) and outlines the matching layer; it follows clicks, the panel's
    buttons and shared links alike, without a byte sent for it.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            var current, outline = null;
            function selectedId() {
                try {
                    return new URLSearchParams(window.parent.location.search).get("j");
                } catch (e) { return null; }
            }
            function find(id) {
                var shape = null, point = null;
                map.eachLayer(function(l) {
                    if (!l.feature || l.options.interactive === false) return;
                    if (String(l.feature.id) !== id) return;
                    if (l.getBounds && !shape) shape = l;
                    if (l.getLatLng && !point) point = l;
                });
                return shape || point;
            }
            function update() {
                var id = selectedId();
                if (id === current) return;
                var layer = id ? find(id) : null;
                current = id;
                if (outline) { map.removeLayer(outline); outline = null; }
                window.sanctuarySelection = null;
                if (!layer) return;
                var style = {color: {{ this.color|tojson }}, weight: 4, opacity: 1,
                             fill: false, interactive: false};
                outline = layer.getBounds
                    ? L.geoJSON(layer.toGeoJSON(), {style: style, interactive: false})
                    : L.circleMarker(layer.getLatLng(), Object.assign({radius: 10}, style));
                outline.addTo(map);
                window.sanctuarySelection = id;
            }
            update();
            setInterval(update, 250);
        })();
        {% endmacro %}
        """
    )

    def __init__(self, color: str = SELECTION_COLOR):
        super().__init__()
        self._name = "SelectionOutline"
        self.color = color


def _tooltip() -> folium.GeoJsonTooltip:
    return folium.GeoJsonTooltip(fields=["label", "summary"], labels=False, sticky=True)


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
    )
    m.fit_bounds(US_BOUNDS)
    # Instance attributes: the class-level lists are shared by every folium Map in the process.
    m.default_js = list(VENDOR_JS)
    m.default_css = list(VENDOR_CSS)
    _PageStyle().add_to(m)
    return m


@dataclass(frozen=True)
class MapLayers:
    """What the map draws, as GeoJSON dicts: the slow part of building it, and cacheable.

    ``bounds`` is ``((south, west), (north, east))`` of everything drawn, or None.
    """

    basemap: dict[str, Any] | None
    polygons: tuple[tuple[str, dict[str, Any]], ...]
    points: dict[str, Any]
    bounds: tuple[tuple[float, float], tuple[float, float]] | None


POLYGON_LAYERS = (
    ("state", "States", {"weight": 1, "fillOpacity": 0.35, "color": "#8a8a8a"}),
    ("region", "Regions", {"weight": 2, "fillOpacity": 0.35, "color": "#555",
                           "dashArray": "5 4"}),
    ("county", "Counties", {"weight": 1.2, "fillOpacity": 0.75, "color": "#444"}),
    ("place", "Cities", {"weight": 1.2, "fillOpacity": 0.85, "color": "#333"}),
)


def _bounds(geoms: Iterable[Any]) -> tuple[tuple[float, float], tuple[float, float]] | None:
    arr = np.array([g for g in geoms if g is not None and not g.is_empty], dtype=object)
    if not len(arr):
        return None
    b = shapely.bounds(arr)
    return ((float(np.min(b[:, 1])), float(np.min(b[:, 0]))),
            (float(np.max(b[:, 3])), float(np.max(b[:, 2]))))


def map_layers(jurisdictions: gpd.GeoDataFrame,
               basemap: gpd.GeoDataFrame | None = None) -> MapLayers:
    """Convert the jurisdictions (see :func:`build_map`) and the basemap to GeoJSON layers."""
    frame = jurisdictions
    base = None
    if basemap is not None and len(basemap):
        base = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": shapely.geometry.mapping(g), "properties": {}}
            for g in basemap.geometry if g is not None and not g.is_empty]}
    polygons = []
    for kind, _name, _style in POLYGON_LAYERS:
        part = frame[frame["kind"] == kind] if len(frame) else frame
        fc = feature_collection(part)
        if fc["features"]:
            polygons.append((kind, fc))
    places = frame[frame["kind"] == "place"] if len(frame) else frame
    geoms = list(frame.geometry) if len(frame) else []
    if basemap is not None and len(basemap):
        geoms += list(basemap.geometry)
    return MapLayers(base, tuple(polygons), feature_collection(places, points=True),
                     _bounds(geoms))


class _GeoJson(folium.GeoJson):
    """A GeoJson layer with known bounds: folium finds them by walking every coordinate in
    Python, and st_folium asks for them on every rerun (about half of a rerun's map time)."""

    def __init__(self, data: Any, *, bounds: Any = None, **kwargs: Any):
        super().__init__(data, **kwargs)
        self._known_bounds = bounds

    def get_bounds(self) -> Any:
        if self._known_bounds is None:
            return [[None, None], [None, None]]
        (s, w), (n, e) = self._known_bounds
        return [[s, w], [n, e]]


def build_map(
    jurisdictions: gpd.GeoDataFrame,
    basemap: gpd.GeoDataFrame | None = None,
    *,
    online_tiles: bool = False,
) -> folium.Map:
    """Build the folium map of the jurisdictions in view.

    Parameters
    ----------
    jurisdictions
        One row per jurisdiction: ``id``, ``display_name``, ``kind`` (state, county, place,
        region), ``n_excerpts``, ``n_enforcement``, ``n_policy``, ``n_quote``, ``n_mentions``,
        ``n_articles``, ``lat``, ``lon`` and ``geometry`` (EPSG:4326, already simplified; a
        missing geometry leaves only the marker of a place).
    basemap
        Nation polygons and state border lines drawn underneath, not clickable: the light
        basemap that replaces tiles (``geo.load_basemap``).
    online_tiles
        Draw OpenStreetMap tiles under everything (needs internet).

    Returns
    -------
    folium.Map
        States faint at the bottom, then regions, counties and cities, then a circle marker per
        city so that small ones stay visible at national zoom; a legend of excerpt counts.
    """
    return map_from_layers(map_layers(jurisdictions, basemap), online_tiles=online_tiles)


def map_from_layers(layers: MapLayers, *, online_tiles: bool = False) -> folium.Map:
    """The folium map of :func:`build_map` from already converted layers (cheap)."""
    m = base_map(online_tiles=online_tiles)
    bounds = layers.bounds

    if layers.basemap is not None:
        # Opaque land without tiles; with tiles only the borders, so the tiles show through.
        land_opacity = 0.0 if online_tiles else 1.0
        _GeoJson(
            layers.basemap,
            bounds=bounds,
            name="Basemap",
            style_function=lambda _f: {"color": "#b8c2cc", "weight": 0.8,
                                       "fillColor": "#fbfbf8", "fillOpacity": land_opacity},
            interactive=False,
            control=False,
        ).add_to(m)

    styles = {kind: (name, style) for kind, name, style in POLYGON_LAYERS}
    for kind, fc in layers.polygons:
        name, style = styles[kind]
        _GeoJson(
            fc,
            bounds=bounds,
            name=name,
            style_function=lambda f, style=style: {
                **style, "fillColor": color_for(f["properties"]["n_excerpts"])},
            highlight_function=lambda _f: {"weight": 3, "color": "#000"},
            tooltip=_tooltip(),
        ).add_to(m)

    if layers.points["features"]:
        _GeoJson(
            layers.points,
            bounds=bounds,
            name="City markers",
            marker=folium.CircleMarker(radius=5, weight=1.5, color="#222", fill=True,
                                       fill_opacity=0.95),
            style_function=lambda f: {"fillColor": color_for(f["properties"]["n_excerpts"])},
            tooltip=_tooltip(),
        ).add_to(m)

    _Legend("Excerpts reported", legend_classes()).add_to(m)
    _SelectionOutline().add_to(m)
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


# st_folium renders the map to text and hands it to its component in one call; the text is
# recorded instead of sent (see folium_component_args). The swap of streamlit_folium's
# module-level component function is serialized so that two sessions never interleave it.
_COMPONENT_LOCK = threading.Lock()


def folium_component_args(m: folium.Map, **kwargs: Any) -> dict[str, Any]:
    """What ``st_folium(m, **kwargs)`` would send to its component, without sending it.

    Rendering a folium map to text costs ~80-100 ms and its element ids are random, so a map
    rebuilt on every rerun is different text every time (the browser redraws it). Recorded
    once per view (``ui.cache.map_component``) and replayed by :func:`show_map`, a rerun that
    does not change the view sends the very same arguments and the map is left alone.
    """
    import streamlit_folium as sf

    sent: dict[str, Any] = {}

    def record(**kw: Any) -> Any:
        sent.update(kw)
        return kw.get("default")

    with _COMPONENT_LOCK:
        real = sf._component_func
        sf._component_func = record
        try:
            sf.st_folium(m, **kwargs)
        finally:
            sf._component_func = real
    sent.pop("on_change", None)  # st_folium's own callback; show_map supplies its equivalent
    return sent


def show_map(args: Mapping[str, Any], *, key: str,
             on_change: Callable[[], None] | None = None) -> Any:
    """Send recorded ``st_folium`` arguments (:func:`folium_component_args`) to its component.

    Does what ``st_folium`` does with them: the component's value is kept under its content
    hash and copied to ``st.session_state[key]`` before ``on_change`` runs.
    """
    import streamlit as st
    import streamlit_folium as sf

    hash_key = args["key"]

    def _on_change() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})
        if on_change is not None:
            on_change()

    sent = dict(args)
    sent["default"] = copy.deepcopy(args.get("default"))  # the cached arguments stay as built
    return sf._component_func(**sent, on_change=_on_change)


def clicked_id(value: Mapping[str, Any] | None) -> str | None:
    """The jurisdiction id from ``st_folium``'s return value, or None before any click."""
    if not value:
        return None
    drawing = value.get("last_active_drawing")
    if not isinstance(drawing, Mapping):
        return None
    props = drawing.get("properties") or {}
    jid = props.get("id") if isinstance(props, Mapping) else None
    if jid is None:
        jid = drawing.get("id")
    return html.unescape(str(jid)) if jid is not None else None


def geojson_download(frame: gpd.GeoDataFrame) -> str:
    """The jurisdictions as a GeoJSON document (unescaped text: it is a file, not HTML)."""
    cols = [c for c in frame.columns if c != "geometry"]
    out = frame[[*cols, "geometry"]].copy()
    for c in cols:
        out[c] = [json.dumps(v) if isinstance(v, list | tuple | dict) else v for v in out[c]]
    return out.to_json(drop_id=True)
