"""Map payload: the bytes the map page hands the browser for its map, and the server time to
build them, beside the naive map (every county at full resolution, folium defaults).

Ours is built by the app's own code, the way ``ui/map_page.py`` builds it: the store's
jurisdiction summaries, ``ui.cache.geometries`` and ``ui.cache.basemap`` (called unwrapped, so
each run is cold), ``ui.data.jurisdiction_frame``, ``ui.map.build_map`` and the real
``streamlit_folium.st_folium`` with the page's arguments. ``st_folium``'s component call is
recorded instead of sent: the payload is the JSON of its arguments, which is what the
Streamlit server serializes into the page's websocket message for the map.

    python -m bench.payload [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from dataclasses import dataclass
from typing import Any

from bench.common import Row, interleaved, log, median, table
from ui.map import folium_component_args

TARGET_BYTES = 300_000


@dataclass(frozen=True)
class Payload:
    bytes: int
    seconds: float  # cold: from the store (or the geometry file) to st_folium's arguments
    features: int
    rerun_seconds: float = 0.0  # what every rerun pays: build the folium map and render it


def _size(args: dict[str, Any]) -> int:
    return len(json.dumps(args, default=str).encode())


# The arguments app.py passes (the map page's own call).
PAGE_ARGS = {"key": "map", "height": 600, "use_container_width": True,
             "returned_objects": ["last_active_drawing", "last_object_clicked"]}


def ours() -> Payload:
    """The app's map for the unfiltered seed corpus, from the store to the component args."""
    from news.store import Filters, Store, ensure_store
    from ui import cache
    from ui import map as umap
    from ui.data import jurisdiction_frame

    t0 = time.perf_counter()
    summaries = Store(ensure_store()).jurisdiction_summaries(Filters())
    # ui.cache.geometries, unwrapped so that every run pays the cold cost
    geometries = cache.geometries.__wrapped__(tuple(s.id for s in summaries))
    frame = jurisdiction_frame(summaries, geometries)
    basemap = cache.basemap.__wrapped__()
    t1 = time.perf_counter()
    m = umap.build_map(frame, basemap)
    args = folium_component_args(m, **PAGE_ARGS)
    t2 = time.perf_counter()
    return Payload(_size(args), t2 - t0, len(frame), t2 - t1)


def _county_ids() -> list[str]:
    import sqlite3

    from geo.gazetteer import DEFAULT_PATH

    with sqlite3.connect(f"file:{DEFAULT_PATH}?mode=ro", uri=True) as conn:
        return [r[0] for r in conn.execute(
            "SELECT id FROM geometries WHERE kind = 'county' ORDER BY id")]


def naive() -> Payload:
    """Every county at full resolution with folium's defaults (CDN scripts, OSM tiles)."""
    import folium

    from geo import load_gazetteer, load_geometries

    t0 = time.perf_counter()
    gaz = load_gazetteer()
    gdf = load_geometries(_county_ids())  # as stored: us-atlas 1:10m, no extra simplification
    gdf["name"] = [gaz.get(i).display_name for i in gdf["id"]]
    t1 = time.perf_counter()
    m = folium.Map(location=(39.5, -96.5), zoom_start=4)
    folium.GeoJson(gdf.to_json(), name="Counties",
                   tooltip=folium.GeoJsonTooltip(fields=["name"])).add_to(m)
    args = folium_component_args(m, **PAGE_ARGS)
    t2 = time.perf_counter()
    return Payload(_size(args), t2 - t0, len(gdf), t2 - t1)


def breakdown() -> str:
    """GeoJSON bytes per layer of our map (what the payload is made of)."""
    from news.store import Filters, Store, ensure_store
    from ui import cache
    from ui import map as umap
    from ui.data import jurisdiction_frame

    summaries = Store(ensure_store()).jurisdiction_summaries(Filters())
    frame = jurisdiction_frame(summaries, cache.geometries.__wrapped__(
        tuple(s.id for s in summaries)))
    parts = []
    for kind in ("state", "region", "county", "place"):
        part = frame[frame["kind"] == kind]
        if len(part):
            size = len(json.dumps(umap.feature_collection(part)))
            parts.append(f"{kind} {len(part)}: {size / 1e3:.0f} KB")
    basemap = cache.basemap.__wrapped__()
    size = len(json.dumps([umap.round_geometry(g).__geo_interface__ for g in basemap.geometry]))
    parts.append(f"basemap: {size / 1e3:.0f} KB")
    return ", ".join(parts)


def run(runs: int = 5) -> list[Row]:
    """Interleave ours and the naive map ``runs`` times; rows of medians."""
    warnings.filterwarnings("ignore")
    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    ours(), naive()  # warm imports, the gazetteer and the store check out of the timing
    log(f"payload: {runs} runs of ours and the naive map, interleaved")
    results: dict[str, list[Payload]] = {"ours": [], "naive": []}

    def one(which: str) -> float:
        p = ours() if which == "ours" else naive()
        results[which].append(p)
        return p.seconds

    interleaved(runs, lambda: one("ours"), lambda: one("naive"))
    o, n = results["ours"], results["naive"]
    o_bytes, n_bytes = median([p.bytes for p in o]), median([p.bytes for p in n])
    naive_name = f"all {n[0].features:,} counties, full res"
    return [
        Row("payload", "map payload (st_folium args)", o_bytes, "B", n_bytes, naive_name,
            "< 300 KB", o_bytes < TARGET_BYTES, runs,
            note=f"ours draws {o[0].features} jurisdictions plus the nation/state basemap "
                 f"({breakdown()}); "
                 "bytes are the JSON of st_folium's component arguments (script, header, html, "
                 "links), as serialized into the websocket message"),
        Row("payload", "server time to build the map", median([p.seconds for p in o]) * 1e3,
            "ms", median([p.seconds for p in n]) * 1e3, naive_name, runs=runs,
            note="cold: store query, boundary reads and simplification, folium render"),
        Row("payload", "server time per rerun (map part)",
            median([p.rerun_seconds for p in o]) * 1e3, "ms",
            median([p.rerun_seconds for p in n]) * 1e3, naive_name, runs=runs,
            note="what every rerun (a click, a filter) pays even with the app's caches warm: "
                 "build the folium map and let st_folium render it to text"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    print(table(run(args.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
