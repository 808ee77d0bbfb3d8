"""The shared PostgreSQL store beside the embedded SQLite store (the baseline), same articles.

For each corpus (the seeds, and N synthetic articles made from them as ``bench/pipeline.py``
does, 600 by default: about the size of the LGL corpus), both backends are timed in the same
run, interleaved, median of ``--runs``:

* **full build**: every article extracted (SQLite: no extraction cache; PostgreSQL: no stored
  extraction reused), rows written;
* **rebuild**: the results written again from extractions made by the current code (SQLite:
  from the extraction cache file; PostgreSQL: from the stored extractions), the write side;
* **add one article** to the built store (SQLite: file, then one transaction; PostgreSQL: one
  transaction);
* **export**: ``python -m news export`` of the whole store (the two outputs are checked equal).

PostgreSQL is Debian's, started for the run in a temporary folder on loopback (as the
``postgres`` user when run as root), with fsync off like the tests' cluster.

    python -m bench.store_backends [--sizes 600] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import REPO, Row, log, median, table
from bench.pipeline import make_corpus
from ui.testing import postgres_cluster


def _timed(fn: Callable[..., object], *args: Any, **kwargs: Any) -> float:
    t0 = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - t0


def bench_corpus(name: str, articles: Path, work: Path, cluster_url: Callable[[], str],
                 runs: int) -> list[Row]:
    from news.__main__ import export_json
    from news.store import add_article, build_store, parse_database
    from news.store.backend import close_pools

    n = len(list(articles.glob("*.md")))
    times: dict[tuple[str, str], list[float]] = {}
    exports: dict[str, dict] = {}
    for run in range(runs):
        sqlite_db = parse_database(work / f"s{run}.sqlite")
        cache = work / f"cache{run}.sqlite"
        pg_db = parse_database(cluster_url())
        for backend, db in (("sqlite", sqlite_db), ("postgresql", pg_db)):
            folder = work / f"articles-{backend}-{run}"
            shutil.copytree(articles, folder)
            log(f"  {name}: run {run + 1}/{runs}, {backend}")
            times.setdefault((backend, "full build"), []).append(_timed(
                build_store, folder, cache_path=None, database=db))
            # the cache is filled by a build that uses it (the PostgreSQL store keeps its own)
            build_store(folder, cache_path=cache, database=db)
            times.setdefault((backend, "rebuild"), []).append(_timed(
                build_store, folder, cache_path=cache, database=db))
            times.setdefault((backend, "add one article"), []).append(_timed(
                add_article,
                "Federal agents arrested 12 people in Boise, Idaho, on Monday. Ada County "
                "Sheriff Stephen Bartlett said the county would not honor detainers.",
                title=f"Boise raids {run}", outlet="Bench Daily", published="2020-01-01",
                directory=folder, cache_path=cache, database=db))
            t0 = time.perf_counter()
            doc = export_json(folder, db, cache)[0]
            times.setdefault((backend, "export"), []).append(time.perf_counter() - t0)
            exports[backend] = doc
        close_pools()
    same = exports["sqlite"] == exports["postgresql"]
    rows = []
    for measure in ("full build", "rebuild", "add one article", "export"):
        pg, base = times[("postgresql", measure)], times[("sqlite", measure)]
        per = measure in ("full build", "rebuild")
        ours = n / median(pg) if per else median(pg)
        baseline = n / median(base) if per else median(base)
        spread = f"spread {min(pg):.2f}-{max(pg):.2f} s vs {min(base):.2f}-{max(base):.2f} s"
        rows.append(Row(
            bench="store", measure=f"{measure}, {name} ({n} art.)", ours=ours,
            unit="art/s" if per else "s", baseline=baseline, baseline_name="SQLite, same run",
            runs=runs, note=spread + ("" if measure != "export" else
                                      f"; exports identical: {'yes' if same else 'NO'}"),
        ))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.store_backends",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[600])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    rows: list[Row] = []
    t0 = time.perf_counter()
    with postgres_cluster() as cluster, tempfile.TemporaryDirectory(prefix="store-bench-") as tmp:
        work = Path(tmp)
        corpora = [("seeds", REPO / "data" / "articles")]
        for size in args.sizes:
            folder = work / f"synthetic-{size}"
            folder.mkdir()
            make_corpus(folder, size)
            corpora.append(("synthetic", folder))
        for name, folder in corpora:
            sub = work / f"run-{name}-{len(list(folder.glob('*.md')))}"
            sub.mkdir()
            rows += bench_corpus(name, folder, sub, cluster.create_database, args.runs)
    print(f"store backends: PostgreSQL vs SQLite; python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs; {time.perf_counter() - t0:.0f} s")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
