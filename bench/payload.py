"""Map payload: the bytes a user's browser receives until the map is drawn, at two corpus sizes.

For each corpus (the five seeds; 10,000 synthetic articles naming >= 3,000 jurisdictions,
``bench/corpus.py``) a copy of the app is served by ``streamlit run`` and loaded over
Streamlit's own websocket protocol (``bench/wsclient.py``, no browser): the bytes of every
message of the page's run, and the shapes file the map fetches (``ui.cache.shapes``) as a
gzip-capable browser receives it, and the view's table the map's script fetches
(``ui.cache.view_url``). Bytes are counted on the socket (a relay between client and
server), so the server's per-message deflate (``server.enableWebsocketCompression``) counts as
it would for a browser. Two figures per corpus:

* **first visit**: the page's websocket messages plus the view's table and the shapes files
  (an empty browser cache);
* **every later view**: the websocket messages alone (the files are kept by the browser, their
  names change with their content).

Baseline, same run: the naive map, every county at full resolution as folium GeoJSON with
folium's defaults (its rendered page, what ``st_folium`` would hand its component).

    python -m bench.payload [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import re
import warnings
import zlib
from dataclasses import dataclass

from bench.common import Row, log, median, table

TARGETS = {"seeds": 150_000, "synthetic": 300_000}
MAP_COMPONENT = "streamlit_folium.st_folium"


@dataclass(frozen=True)
class Load:
    page_bytes: int  # websocket messages of one page run, on the wire (per-message deflate)
    page_raw: int  # the same messages uncompressed
    map_args: int  # of which: the map component's arguments (JSON, uncompressed)
    table_wire: int  # the view's table over HTTP (gzip), first visit of a view only
    table_bytes: int  # its size on disk
    map_deflated: int  # the map component's arguments deflated alone (its share of the wire)
    shapes_wire: int  # the shapes files over HTTP (gzip), first visit only
    shapes_file: int  # their size on disk


def _view_url(args_json: str) -> str | None:
    """The URL of the view's table in the map's script (``var viewUrl = "...";``)."""
    script = json.loads(args_json or "{}").get("script", "")
    found = re.search(r'var viewUrl = ("[^"]*");', script)
    return json.loads(found.group(1)) if found else None


def load_app(url: str) -> Load:
    """One page load of the app at ``url`` (a new session): what it sends and fetches."""
    import urllib.request

    from bench.wsclient import load_page, static_bytes

    run = load_page(url)
    args = run.component_args.get(MAP_COMPONENT, "")
    view = _view_url(args)
    table = static_bytes(url + view) if view else (0, 0)
    files: list[str] = []
    if view:
        with urllib.request.urlopen(url + view, timeout=60) as r:
            files = json.loads(r.read()).get("files", [])
    fetched = [static_bytes(url + f) for f in files]
    return Load(run.wire, run.bytes, len(args.encode()), table[0], table[1],
                len(zlib.compress(args.encode(), 6)),
                sum(w for w, _ in fetched), sum(s for _, s in fetched))


def naive_bytes() -> tuple[int, int]:
    """The naive map's rendered page (every county, full resolution, folium defaults)."""
    import sqlite3

    import folium

    from geo import load_geometries
    from geo.gazetteer import DEFAULT_PATH

    with sqlite3.connect(f"file:{DEFAULT_PATH}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT g.id, j.display_name FROM geometries g JOIN jurisdictions j "
                            "USING (id) WHERE g.kind = 'county' ORDER BY g.id").fetchall()
    gdf = load_geometries([r[0] for r in rows])  # as stored: us-atlas 1:10m
    gdf["name"] = [dict(rows)[i] for i in gdf["id"]]
    m = folium.Map(location=(39.5, -96.5), zoom_start=4)
    folium.GeoJson(gdf.to_json(), name="Counties",
                   tooltip=folium.GeoJsonTooltip(fields=["name"])).add_to(m)
    return len(m.get_root().render().encode()), len(gdf)


def measure(corpus: str, runs: int) -> tuple[list[Load], dict[str, int]]:
    """``runs`` page loads of the app serving ``corpus`` (seeds or synthetic)."""
    from ui.testing import app_copy, streamlit_server

    with app_copy() as app_dir:
        held = {}
        if corpus == "synthetic":
            from bench import corpus as synthetic

            held = synthetic.install(app_dir)
        with streamlit_server(app_dir, "app.py") as srv:
            load_app(srv.url)  # untimed: the store, the caches and the shapes file
            loads = [load_app(srv.url) for _ in range(runs)]
    return loads, held


def run(runs: int = 3) -> list[Row]:
    warnings.filterwarnings("ignore")
    naive, counties = naive_bytes()
    naive_name = f"naive: all {counties:,} counties, full res"
    rows = []
    for corpus in ("seeds", "synthetic"):
        log(f"payload: {corpus}, {runs} page loads")
        loads, held = measure(corpus, runs)
        page = median([x.page_bytes for x in loads])
        spread = f"{min(x.page_bytes for x in loads):,}-{max(x.page_bytes for x in loads):,} B"
        first = page + loads[0].table_wire + loads[0].shapes_wire
        what = ("seeds (5 articles)" if corpus == "seeds" else
                f"{held.get('articles', 0):,} articles, {held.get('jurisdictions', 0):,} "
                "jurisdictions")
        x = loads[0]
        map_first = x.map_deflated + x.table_wire + x.shapes_wire
        rows += [
            Row("payload", f"{what}: first visit", first, "B", naive, naive_name,
                f"<= {TARGETS[corpus] / 1e3:.0f} KB", first <= TARGETS[corpus], runs,
                note=f"page websocket messages {page / 1e3:.1f} KB on the wire (spread "
                     f"{spread}; {x.page_raw / 1e3:.0f} KB uncompressed, of which the map "
                     f"component's arguments {x.map_args / 1e3:.1f} KB) + the view's table "
                     f"it fetches {x.table_wire / 1e3:.1f} KB gzip on the wire "
                     f"({x.table_bytes / 1e3:.0f} KB) + the shapes files it fetches "
                     f"{x.shapes_wire / 1e3:.1f} KB gzip on the wire "
                     f"({x.shapes_file / 1e3:.0f} KB on disk; states, regions, basemap, and "
                     "the counties of the states it shows counties in). The map alone "
                     f"(its arguments deflated, {x.map_deflated / 1e3:.1f} KB, + the files it "
                     f"fetches): {map_first / 1e3:.1f} KB"
                     + (f"; held: {held}" if held else "")),
            Row("payload", f"{what}: every later view", page, "B", naive, naive_name, runs=runs,
                note="the view's table and the shapes files are in the browser's cache; the "
                     "page's websocket messages alone (map, panel, sidebar, timeline)"),
        ]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(table(run(args.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
