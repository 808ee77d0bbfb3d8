"""Gazetteer and boundary load times: ``python bench/gazetteer.py [--runs N]``.

Each figure is the median of N fresh processes (imports included), so nothing is cached
between runs but the operating system's file cache.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PROBE = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from geo import load_gazetteer
gaz = load_gazetteer()
t1 = time.perf_counter()
assert "geopandas" not in sys.modules
for _ in range(1000):
    gaz.lookup("Portland", state="ME")
t2 = time.perf_counter()
ids = [j.id for j in gaz if j.kind == "place" and (j.population or 0) > 300_000][:40]
t3 = time.perf_counter()
from geo import load_geometries
t4 = time.perf_counter()
frame = load_geometries(ids)
t5 = time.perf_counter()
print(json.dumps({
    "import_and_load_s": t1 - t0, "lookup_us": (t2 - t1) * 1e3, "geopandas_import_s": t4 - t3,
    "geometries_40_s": t5 - t4,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "n": len(gaz),
    "rows": len(frame),
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    results = [json.loads(subprocess.run([sys.executable, "-c", PROBE], check=True,
                                         capture_output=True, text=True).stdout)
               for _ in range(args.runs)]
    size_mb = sum(p.stat().st_size for p in (REPO / "data" / "geo").iterdir()) / 1e6

    def median(key: str) -> float:
        return statistics.median(r[key] for r in results)

    print(f"gazetteer: {results[0]['n']:,} jurisdictions, data/geo/ {size_mb:.1f} MB, "
          f"median of {args.runs} fresh processes")
    print(f"{'what':46} {'median':>10}")
    print(f"{'import geo + load_gazetteer()':46} {median('import_and_load_s') * 1e3:8.0f} ms")
    lookup_label = 'lookup("Portland", state="ME")'
    print(f"{lookup_label:46} {median('lookup_us'):8.1f} us")
    print(f"{'import geopandas (first geometry call only)':46} {median('geopandas_import_s') * 1e3:8.0f} ms")
    print(f"{'load_geometries(40 big-city ids)':46} {median('geometries_40_s') * 1e3:8.1f} ms")
    print(f"{'peak RSS of the whole probe':46} {median('rss_mb'):8.0f} MB")


if __name__ == "__main__":
    main()
