"""ui/map.py without a browser: render the folium map to text and assert on fragments of it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import Point, box

from ui import map as umap

REPO = Path(__file__).resolve().parent.parent


def _frame() -> gpd.GeoDataFrame:
    rows = [
        {"id": "48", "display_name": "Texas", "kind": "state", "geometry": box(-106, 26, -94, 36),
         "lat": 31.0, "lon": -99.0, "n_excerpts": 1, "n_enforcement": 1, "n_policy": 0,
         "n_quote": 0, "n_mentions": 3, "n_articles": 2},
        {"id": "48453", "display_name": "Travis County, TX", "kind": "county",
         "geometry": box(-98.2, 30.0, -97.4, 30.6), "lat": 30.3, "lon": -97.8,
         "n_excerpts": 9, "n_enforcement": 4, "n_policy": 3, "n_quote": 2, "n_mentions": 7,
         "n_articles": 3},
        {"id": "4805000", "display_name": "Austin, TX", "kind": "place",
         "geometry": Point(-97.74, 30.27).buffer(0.1), "lat": 30.27, "lon": -97.74,
         "n_excerpts": 0, "n_enforcement": 0, "n_policy": 0, "n_quote": 0, "n_mentions": 1,
         "n_articles": 1},
        {"id": "region:san-francisco-bay-area", "display_name": "San Francisco Bay Area",
         "kind": "region", "geometry": box(-123, 37, -121.5, 38.5), "lat": 37.7, "lon": -122.2,
         "n_excerpts": 2, "n_enforcement": 2, "n_policy": 0, "n_quote": 0, "n_mentions": 1,
         "n_articles": 1},
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def _basemap() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        [{"id": "48", "display_name": "Texas", "geometry": box(-106, 26, -94, 36)},
         {"id": "06", "display_name": "California", "geometry": box(-124, 32, -114, 42)}],
        geometry="geometry", crs="EPSG:4326")


@pytest.fixture
def rendered() -> str:
    return umap.build_map(_frame(), _basemap()).get_root().render()


def test_every_asset_is_served_by_the_app_and_exists(rendered):
    m = umap.build_map(_frame(), _basemap())
    links = umap.map_links(m)
    assert links, "the map must load Leaflet from somewhere"
    for url in links:
        assert url.startswith("/app/static/vendor/"), url
        assert (REPO / "static" / url.removeprefix("/app/static/")).is_file(), url
    # nothing in the rendered page points at a CDN or a tile server
    assert not re.search(r"""(src|href)=["']https?://""", rendered)
    assert "cdn.jsdelivr" not in rendered and "tile.openstreetmap" not in rendered
    # every vendored package carries its licence
    for pkg in ("leaflet", "jquery"):
        assert list((REPO / "static" / "vendor" / pkg).glob("LICENSE*")), pkg


def test_map_links_sees_what_streamlit_folium_would_fetch():
    import branca.colormap

    m = umap.build_map(_frame())
    branca.colormap.LinearColormap(["white", "black"]).add_to(m)
    assert any("d3js.org" in u for u in umap.map_links(m))


def test_assets_are_not_shared_with_other_folium_maps():
    import folium

    umap.build_map(_frame())
    assert any("cdn" in u for _, u in folium.Map.default_js), "class defaults must be untouched"


def test_online_tiles_are_opt_in():
    offline = umap.build_map(_frame()).get_root().render()
    online = umap.build_map(_frame(), online_tiles=True).get_root().render()
    assert "tile_layer" not in offline
    # with tiles the basemap's land is transparent, or it would hide them
    assert '"fillOpacity": 1.0' in umap.build_map(_frame(), _basemap()).get_root().render()
    with_tiles = umap.build_map(_frame(), _basemap(), online_tiles=True).get_root().render()
    assert '"fillOpacity": 1.0' not in with_tiles
    assert "tile.openstreetmap.org" in online


def test_layers_ids_tooltips_and_legend(rendered):
    for jid in ("48", "48453", "4805000", "region:san-francisco-bay-area"):
        assert f'"id": "{jid}"' in rendered
    assert "Travis County, TX (county)" in rendered
    assert "9 excerpts (4 enforcement, 3 policy, 2 quotes)" in rendered
    assert "Excerpts reported" in rendered
    assert "mentioned, no excerpt" in rendered
    # the basemap is drawn but cannot be clicked
    assert '"interactive": false' in rendered
    # states are drawn before (under) counties, counties before cities
    assert rendered.index('"id": "48",') < rendered.index('"id": "48453"') \
        < rendered.index('"id": "4805000"')
    # a marker keeps a small city visible at national zoom
    assert "L.CircleMarker" in rendered
    # opens on the contiguous US whatever the width of the map
    assert "fitBounds" in rendered and "-124.8" in rendered and "zoomSnap\": 0.25" in rendered


def test_shading_follows_excerpt_count():
    assert umap.color_for(0) == umap.NO_EXCERPTS_COLOR
    assert umap.color_for(1) == umap.CLASS_COLORS[0]
    assert umap.color_for(9) == umap.CLASS_COLORS[3]
    assert umap.color_for(100) == umap.CLASS_COLORS[-1]
    labels = [c.label for c in umap.legend_classes()]
    assert labels[1:] == ["1 excerpt", "2 to 3 excerpts", "4 to 7 excerpts", "8 to 15 excerpts",
                          "16+ excerpts"]


def test_tooltip_text_is_escaped():
    frame = _frame()
    frame.loc[1, "display_name"] = '<img src=x onerror="window.__pwned=1">'
    rendered = umap.build_map(frame).get_root().render()
    assert "<img src=x" not in rendered
    # escaped for innerHTML, then JSON-escaped by folium's tojson: shows as literal text
    assert "\\u0026lt;img src=x onerror=" in rendered


def test_feature_collection_points_and_click_roundtrip():
    fc = umap.feature_collection(_frame(), points=True)
    assert [f["geometry"]["type"] for f in fc["features"]] == ["Point"] * 4
    feature = umap.feature_collection(_frame())["features"][1]
    # what streamlit-folium sends back for a click on that polygon
    value = {"last_active_drawing": json.loads(json.dumps(feature))}
    assert umap.clicked_id(value) == "48453"
    assert umap.clicked_id(None) is None
    assert umap.clicked_id({"last_active_drawing": None}) is None


def test_geometry_is_rounded_and_simplified():
    circle = gpd.GeoDataFrame({"id": ["x"]}, geometry=[Point(-97.123456789, 30.1).buffer(1)],
                              crs="EPSG:4326")
    out = umap.prepare_geometries(circle, 0.05)
    coords = list(out.geometry.iloc[0].exterior.coords)
    assert len(coords) < len(circle.geometry.iloc[0].exterior.coords)
    assert all(round(x, 4) == x for x, _ in coords)


def test_bigger_jurisdictions_are_simplified_more():
    small = Point(0, 0).buffer(0.05, quad_segs=64)
    big = Point(5, 5).buffer(1.0, quad_segs=64)
    gdf = gpd.GeoDataFrame({"id": ["s", "b"]}, geometry=[small, big], crs="EPSG:4326")
    same = umap.prepare_geometries(gdf, 0.001)
    scaled = umap.prepare_geometries(gdf, 0.001, relative=0.01)
    n = shapely.get_num_coordinates
    assert n(scaled.geometry.iloc[0]) == n(same.geometry.iloc[0])  # floor tolerance wins
    assert n(scaled.geometry.iloc[1]) < n(same.geometry.iloc[1])  # 0.02 deg for the big one


def test_basemap_merges_lines_and_drops_specks():
    from shapely.geometry import LineString, MultiLineString, MultiPolygon

    lines = MultiLineString([LineString([(0, 0), (1, 0.001)]), LineString([(1, 0.001), (2, 0)])])
    land = MultiPolygon([box(0, 0, 5, 5), box(10, 10, 10.01, 10.01)])
    out = umap.prepare_basemap(gpd.GeoDataFrame(geometry=[land, lines], crs="EPSG:4326"), 0.01)
    assert shapely.get_num_geometries(out.geometry.iloc[0]) == 1  # the speck of an island is gone
    assert out.geometry.iloc[1].geom_type == "LineString"  # two runs merged, then simplified
    assert len(out.geometry.iloc[1].coords) == 2


def test_selection_outline_follows_the_page_url(rendered):
    assert 'URLSearchParams(window.parent.location.search).get("j")' in rendered
    assert f'color: "{umap.SELECTION_COLOR}"' in rendered


def test_geojson_download():
    doc = json.loads(umap.geojson_download(_frame().drop(columns=["lat", "lon"])))
    assert {f["properties"]["id"] for f in doc["features"]} >= {"48453", "4805000"}


def test_layers_are_cacheable_and_bounds_known():
    import pickle

    layers = umap.map_layers(_frame(), _basemap())
    again = pickle.loads(pickle.dumps(layers))  # st.cache_data stores it pickled
    assert [k for k, _ in again.polygons] == ["state", "region", "county", "place"]
    m = umap.map_from_layers(again)
    # st_folium asks for the bounds on every rerun; they come from the layers, not a walk
    assert m.get_bounds() == [[26.0, -124.0], [42.0, -94.0]]
    assert m.get_root().render().count("L.geoJson(") == 6  # basemap, 4 kinds, markers
