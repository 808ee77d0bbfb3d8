"""Measure what the map page sends to the browser: ``python -m ui.measure [--outlet NAME]``.

Prints the size of the Leaflet script, header and HTML that ``st_folium`` hands to its
component (the map payload) for the unfiltered view, per layer and in total, plus the time to
build it. Runs without a Streamlit server; reads the same store and boundaries as the app.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import time
import warnings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--outlet", action="append", default=[], help="filter by outlet")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)  # st.cache_* outside a running app warns on every call

    import streamlit_folium as sf

    from news.store import Filters, Store, ensure_store
    from ui import cache
    from ui import map as umap
    from ui.data import jurisdiction_frame

    t0 = time.perf_counter()
    store = Store(ensure_store())
    summaries = store.jurisdiction_summaries(Filters(outlets=tuple(args.outlet)))
    geoms = cache.geometries(tuple(s.id for s in summaries))  # as the app draws them
    frame = jurisdiction_frame(summaries, geoms)
    basemap = cache.basemap()
    m = umap.build_map(frame, basemap)
    m.get_root().render()
    html = sf._get_html(m)
    header = sf._get_header(m)
    script = sf._get_map_string(m)
    built = time.perf_counter() - t0

    print(f"jurisdictions in view: {len(summaries)} ({len(geoms)} with a boundary)")
    for kind in ("state", "region", "county", "place"):
        part = frame[frame["kind"] == kind]
        if len(part):
            size = len(json.dumps(umap.feature_collection(part)))
            print(f"  {kind:7s} {len(part):3d} features  {size:9,d} bytes of GeoJSON")
    bm = len(json.dumps([umap.round_geometry(g).__geo_interface__ for g in basemap.geometry]))
    print(f"  basemap {len(basemap):3d} features  {bm:9,d} bytes of GeoJSON")
    total = len(script.encode()) + len(header.encode()) + len(html.encode())
    print(f"map payload (st_folium script + header + html): {total:,} bytes "
          f"({len(gzip.compress((script + header + html).encode())):,} gzipped)")
    print(f"assets loaded by the component: {umap.map_links(m)}")
    print(f"built in {built:.2f} s (cold: store check, boundary reads, render)")


if __name__ == "__main__":
    main()
