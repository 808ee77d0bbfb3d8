"""ui/map.py without a browser: render the folium map to text and assert on fragments of it."""

from __future__ import annotations

import json
import os
import re
import urllib.parse
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


def _asset(directory: Path, frame: gpd.GeoDataFrame | None = None) -> umap.ShapeAsset:
    """The shapes file of ``frame``'s shapes (what ui.cache.shapes writes for the country)."""
    frame = _frame() if frame is None else frame
    return umap.write_shapes(directory, frame, _basemap(), "/app/static/build")


@pytest.fixture
def asset(tmp_path) -> umap.ShapeAsset:
    return _asset(tmp_path)


@pytest.fixture
def rendered(asset) -> str:
    return umap.build_map(_frame(), asset).get_root().render()


def test_every_asset_is_served_by_the_app_and_exists(rendered, asset):
    m = umap.build_map(_frame(), asset)
    links = umap.map_links(m)
    assert links, "the map must load Leaflet from somewhere"
    for url in links:
        if url.startswith("data:text/javascript"):  # the loader, inline (test below)
            continue
        assert url.startswith("/app/static/vendor/"), url
        assert (REPO / "static" / url.removeprefix("/app/static/")).is_file(), url
    # nothing in the rendered page points at a CDN or a tile server
    assert not re.search(r"""(src|href)=["']https?://""", rendered)
    assert "cdn.jsdelivr" not in rendered and "tile.openstreetmap" not in rendered
    # every vendored package carries its licence
    for pkg in ("leaflet", "jquery"):
        assert list((REPO / "static" / "vendor" / pkg).glob("LICENSE*")), pkg


def test_map_links_sees_what_streamlit_folium_would_fetch(asset):
    import branca.colormap

    m = umap.build_map(_frame(), asset)
    branca.colormap.LinearColormap(["white", "black"]).add_to(m)
    assert any("d3js.org" in u for u in umap.map_links(m))


def test_assets_are_not_shared_with_other_folium_maps(asset):
    import folium

    umap.build_map(_frame(), asset)
    assert any("cdn" in u for _, u in folium.Map.default_js), "class defaults must be untouched"


def test_shading_follows_excerpt_count():
    assert umap.color_for(0) == umap.NO_EXCERPTS_COLOR
    assert umap.color_for(1) == umap.CLASS_COLORS[0]
    assert umap.color_for(9) == umap.CLASS_COLORS[3]
    assert umap.color_for(100) == umap.CLASS_COLORS[-1]
    labels = [c.label for c in umap.legend_classes()]
    assert labels[1:] == ["1 excerpt", "2 to 3 excerpts", "4 to 7 excerpts", "8 to 15 excerpts",
                          "16+ excerpts"]


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


def test_geojson_download():
    doc = json.loads(umap.geojson_download(_frame().drop(columns=["lat", "lon"])))
    assert {f["properties"]["id"] for f in doc["features"]} >= {"48453", "4805000"}


def test_online_tiles_are_opt_in(asset):
    offline = umap.build_map(_frame(), asset).get_root().render()
    online = umap.build_map(_frame(), asset, online_tiles=True).get_root().render()
    assert "tile_layer" not in offline
    assert "tile.openstreetmap.org" in online
    # with tiles the basemap's land is transparent, or it would hide them
    table = umap.view_table(_frame(), asset)
    url = umap.write_view(table, asset)
    assert umap._ViewLayer(url).land_opacity == 1.0
    assert umap._ViewLayer(url, online_tiles=True).land_opacity == 0.0


def test_shapes_files_hold_every_shape_once_and_the_basemap(tmp_path, asset):
    files = sorted(tmp_path.glob("shapes-*.json"))
    # states, regions and the basemap in the one base file; counties go in the views' files
    assert [f.name.split("-")[1] for f in files] == ["base"]
    assert set(asset.urls.values()) == {f"/app/static/build/{f.name}" for f in files}
    base = json.loads((tmp_path / asset.urls["base"].rsplit("/", 1)[1]).read_text())
    # in drawing order, names without HTML; cities are not in it
    assert [(s[0], s[1], s[2]) for s in base["shapes"]] == [
        ("48", "state", "Texas"), ("region:san-francisco-bay-area", "region",
                                   "San Francisco Bay Area")]
    counties = asset.view_shapes(["48453", "48", "4805000"])
    assert [(s[0], s[1], s[2]) for s in counties["shapes"]] == [
        ("48453", "county", "Travis County, TX")]
    assert base["basemap"] and len(base["basemap"]["land"]) == 2
    assert set(asset.geometries) == {"48", "region:san-francisco-bay-area", "48453"}
    assert "48453" in asset and "4805000" not in asset
    # a view fetches the base file besides its own file, whatever it shows
    assert asset.urls_for(["48"]) == [asset.urls["base"]]
    assert asset.urls_for(["48453", "48"]) == [asset.urls["base"]]
    # the name is the content's hash: the same shapes, the same file; other shapes, another
    assert _asset(tmp_path).urls == asset.urls
    assert _asset(tmp_path, _frame().iloc[:1]).urls["base"] != asset.urls["base"]


def test_view_table_sends_counts_for_shapes_and_cities_as_points(asset):
    table = umap.view_table(_frame(), asset)
    assert table.counts == (("48", 1), ("48453", 9), ("region:san-francisco-bay-area", 2))
    assert table.points == (("4805000", 0, "Austin, TX (city)", 30.27, -97.74),)
    assert table.files == (asset.urls["base"],)
    # without shapes files every jurisdiction is a point, none is lost
    assert umap.view_table(_frame()).counts == ()
    assert len(umap.view_table(_frame()).points) == 4
    url = umap.write_view(table, asset)
    rendered = umap.view_map(url).get_root().render()
    assert "Excerpts reported" in rendered and "mentioned, no excerpt" in rendered
    assert "fitBounds" in rendered and "-124.8" in rendered and "zoomSnap\": 0.25" in rendered
    assert f'"{url}"' in rendered and 'cache: "force-cache"' in rendered
    # the view's table is a file beside the shapes files, named by its content, with the
    # shapes of the counties in view: the page carries its name only, no geometry, no label,
    # no count
    assert url.startswith("/app/static/build/view-")
    written = json.loads((asset.directory / url.rsplit("/", 1)[1]).read_text())
    assert written == json.loads(json.dumps(
        {**table.to_json(), "shapes": asset.view_shapes(["48453"])}))
    assert written["files"] == [asset.urls["base"]]
    assert [s[0] for s in written["shapes"]["shapes"]] == ["48453"]
    assert "Travis County" not in rendered and "Austin" not in rendered
    assert umap.write_view(table, asset) == url  # the same view, the same file
    other = umap.view_table(_frame().iloc[:2], asset)
    assert umap.write_view(other, asset) != url
    # so the map's script is the same size whatever the view
    assert len(umap.view_map(umap.write_view(other, asset)).get_root().render()) == len(rendered)


def test_the_loader_asks_for_a_views_files_before_leaflet_loads(asset):
    table = umap.view_table(_frame(), asset)
    url = umap.write_view(table, asset)
    links = umap.map_links(umap.view_map(url, files=table.files, prefetch=True))
    # streamlit-folium loads its scripts one after the other: the loader comes first, inline
    # (no request of its own), and asks for the view's table and every shapes file it names,
    # all at once
    first = links[0]
    assert first == umap.loader_script([url, *table.files]) and links[1].endswith("/leaflet.js")
    assert first.startswith("data:text/javascript;charset=utf-8,")
    code = urllib.parse.unquote(first.split(",", 1)[1])
    assert "window.sanctuaryFiles" in code and json.dumps([url, *table.files]) in code
    assert not list(asset.directory.glob("loader-*"))  # nothing else to serve
    # the map's script takes the loader's answers, or fetches the files itself without one
    rendered = umap.view_map(url).get_root().render()
    assert "window.sanctuaryFiles" in rendered
    assert umap.map_links(umap.view_map(url))[0].endswith("/leaflet.js")
    # the same view, the same loader (the component's arguments do not change on a rerun)
    assert umap.map_links(umap.view_map(url, files=table.files, prefetch=True))[0] == first


def test_payload_grows_with_jurisdictions_not_with_articles(asset):
    few = _frame()
    many = _frame()
    many["n_articles"] = [10_000, 9_000, 8_000, 7_000]
    many["n_mentions"] = [50_000, 40_000, 30_000, 20_000]
    size = [len(json.dumps(umap.view_table(f, asset).to_json())) for f in (few, many)]
    assert size[0] == size[1]


def test_encoded_shapes_decode_to_what_is_drawn():
    travis = box(-98.2, 30.0, -97.4, 30.6).difference(box(-97.9, 30.2, -97.8, 30.3))
    polygons = umap.encode_geometry(travis)
    assert len(polygons) == 1 and len(polygons[0]) == 2  # exterior and the hole
    back = umap.decode_geometry(polygons)
    assert back.symmetric_difference(travis).area < 1e-9
    # small integers (deltas on a 0.01 degree grid), not coordinates
    assert max(abs(v) for r in polygons[0] for v in r[2:]) <= 80
    # a speck smaller than the grid is dropped rather than drawn as a degenerate ring
    assert umap.encode_geometry(Point(0, 0).buffer(0.001)) == []


def test_labels_reach_the_page_as_text_never_html(tmp_path):
    frame = _frame()
    frame.loc[1, "display_name"] = '<img src=x onerror="window.__pwned=1">'
    frame.loc[2, "display_name"] = '<img src=y onerror="window.__pwned=2">'
    asset = _asset(tmp_path, frame)
    rendered = umap.build_map(frame, asset).get_root().render()
    assert "<img" not in rendered  # labels are in the view's file, fetched as JSON data
    view = next(tmp_path.glob("view-*.json")).read_text()
    assert "<img src=y" in view and json.loads(view)["points"][0][2].startswith("<img src=y")
    # tooltips are text nodes; nothing from the table or the shapes file goes to innerHTML
    assert "d.textContent = layer.sanctuaryLabel" in rendered
    script = rendered[rendered.index("var viewUrl ="):]
    assert "innerHTML" not in script[:script.index("})();")]


def test_selection_travels_as_a_feature_group(asset):
    """The selection is st_folium's feature_group_to_add: swapped on the drawn map."""
    import folium

    rendered = umap.build_map(_frame(), asset).get_root().render()
    assert f'color: "{umap.SELECTION_COLOR}"' in rendered
    assert "map.fitBounds(layer.getBounds()" in rendered and "map.setView(" in rendered
    assert "location" not in rendered[rendered.index("var viewUrl ="):]  # no URL polling
    group = umap.selection_group("48453")
    assert isinstance(group, folium.FeatureGroup)
    text = umap.build_map(_frame(), asset).add_child(group).get_root().render()
    assert 'id = "48453"' in text and "view.select(id, group)" in text
    none = umap.build_map(_frame(), asset).add_child(umap.selection_group(None))
    assert "id = null" in none.get_root().render()


def test_read_click_tells_a_city_point_from_a_position():
    before = {"last_clicked": {"lat": 30.0, "lng": -98.0}, "last_active_drawing": None}
    # a click on a shape or the bare map: a new position
    moved = {**before, "last_clicked": {"lat": 30.2, "lng": -97.9}}
    assert umap.read_click(moved, before) == umap.Click(lat=30.2, lon=-97.9)
    # a click on a city point: the position is unchanged, the drawing is the city's feature
    city = {**before, "last_active_drawing": {"type": "Feature", "id": "4805000",
                                              "properties": {"id": "4805000"},
                                              "geometry": {"type": "Point",
                                                           "coordinates": [-97.74, 30.27]}}}
    assert umap.read_click(city, before) == umap.Click(jurisdiction="4805000")
    assert umap.clicked_id(city) == "4805000"
    assert umap.read_click(None) is None
    assert umap.read_click({"last_clicked": None, "last_active_drawing": None}) is None


def test_a_click_position_resolves_to_the_smallest_shape_drawn_there(asset):
    from geo.pick import JurisdictionIndex

    ids = [jid for jid, _ in umap.view_table(_frame(), asset).counts]
    index = JurisdictionIndex.build(ids, [asset.geometries[i] for i in ids])
    assert index.at(-97.5, 30.5) == "48453"  # in Travis County, so in Texas too
    assert index.at(-105.0, 27.0) == "48"
    assert index.at(-122.5, 37.5) == "region:san-francisco-bay-area"
    assert index.at(-80.0, 40.0) is None
    assert JurisdictionIndex.build([], []).at(0, 0) is None


def test_view_table_is_cacheable(asset):
    import pickle

    table = umap.view_table(_frame(), asset)
    assert pickle.loads(pickle.dumps(table)) == table  # st.cache_data stores it pickled


# The map page under AppTest: the find box and the URL (st_folium returns its default there).

def _app(**params: str):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_find_box_selects_a_jurisdiction():
    at = _app()
    find = at.selectbox(key="find")
    assert find.value is None
    assert "48453" in find.options or any("Travis County" in o for o in find.options)
    find.set_value("48453").run(timeout=60)
    assert not at.exception
    assert at.query_params["j"] in ("48453", ["48453"])
    assert "Travis County, TX" in [s.value for s in at.subheader]


def test_find_box_shows_the_selection_from_the_url():
    at = _app(j="48453")
    assert at.selectbox(key="find").value == "48453"
    # the most reported jurisdictions come first in the box
    at2 = _app()
    first = at2.selectbox(key="find").options[0]
    assert first.endswith(tuple(f"— {n}" for n in range(1, 1000)))


def test_clearing_the_selection_empties_the_find_box():
    at = _app(j="48453")
    at.button(key="clear-selection").click().run(timeout=60)
    assert not at.exception
    assert "j" not in at.query_params
    assert at.selectbox(key="find").value is None


def test_a_long_find_box_sends_only_the_matches_of_a_search(monkeypatch):
    """Beyond ui.sidebar.MAX_OPTIONS the box lists the first matches of a search box, searched
    on the server, and always the selection."""
    import ui.sidebar

    monkeypatch.setattr(ui.sidebar, "MAX_OPTIONS", 3)
    at = _app()
    assert len(at.selectbox(key="find").options) == 3  # the three most reported
    at.text_input(key="find_search").set_value("travis").run(timeout=60)
    assert not at.exception
    options = at.selectbox(key="find").options
    assert options and all("Travis" in o for o in options)
    at.selectbox(key="find").set_value("48453").run(timeout=60)
    assert at.query_params["j"] in ("48453", ["48453"])
    assert "Travis County, TX" in [s.value for s in at.subheader]
    # a search that matches nothing keeps the selection listed and selected
    at.text_input(key="find_search").set_value("no such place").run(timeout=60)
    assert [o.startswith("Travis County, TX") for o in at.selectbox(key="find").options] == [True]
    assert at.selectbox(key="find").value == "48453"


def test_old_view_files_are_pruned_and_views_in_use_kept(asset):
    frame = _frame()
    urls = [umap.write_view(umap.view_table(frame.iloc[: i + 1], asset), asset)
            for i in range(len(frame))]
    directory = asset.directory
    for age, url in enumerate(reversed(urls)):  # the first view written is the oldest
        path = directory / url.rsplit("/", 1)[1]
        os.utime(path, (path.stat().st_atime, path.stat().st_mtime - 100 * (age + 1)))
    # the oldest view is shown again: writing it refreshes it, so it is kept
    assert umap.write_view(umap.view_table(frame.iloc[:1], asset), asset) == urls[0]
    removed = umap.prune_views(directory, keep=2)
    kept = sorted(p.name for p in directory.glob("view-*.json"))
    assert len(kept) == 2 and len(removed) == len(urls) - 2
    assert urls[0].rsplit("/", 1)[1] in kept and urls[-1].rsplit("/", 1)[1] in kept
    # the shapes files are never pruned
    assert all((directory / u.rsplit("/", 1)[1]).is_file() for u in asset.urls.values())
