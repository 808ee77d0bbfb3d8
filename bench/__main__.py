"""Run every benchmark and print one table: ``python -m bench``.

Each figure sits beside a baseline measured in the same run, as a ratio, and is a median of
several runs. Progress goes to stderr; the table alone goes to stdout.

    python -m bench                        # everything (about 15 minutes on 2 cores)
    python -m bench --quick                # shorter runs, smaller sizes (a few minutes)
    python -m bench --only payload browser # a subset: payload, browser, pipeline, concurrent

Nothing leaves loopback: the servers listen on 127.0.0.1 and the browser aborts any other
request (and the benchmarks count them).
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import sys
import time
import warnings

from bench.common import Row, log, table

BENCHES = ("payload", "browser", "pipeline", "concurrent")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=BENCHES, default=list(BENCHES),
                        help="run only these benchmarks")
    parser.add_argument("--quick", action="store_true",
                        help="fewer runs and smaller sizes, to try the command out")
    parser.add_argument("--runs", type=int, help="runs per median (default 5, quick 3)")
    parser.add_argument("--browser-runs", type=int,
                        help="page loads and clicks per median (default 10; never fewer)")
    parser.add_argument("--sizes", type=int, nargs="+",
                        help="pipeline corpus sizes (default 100 1000 10000, quick 100 1000)")
    parser.add_argument("--sessions", type=int, help="concurrent sessions (default 20, quick 5)")
    parser.add_argument("--seconds", type=float,
                        help="concurrent run length in seconds (default 60, quick 15)")
    args = parser.parse_args(argv)
    quick = args.quick
    runs = args.runs or (3 if quick else 5)
    browser_runs = max(10, args.browser_runs or 10)
    sizes = tuple(args.sizes or ((100, 1000) if quick else (100, 1000, 10000)))
    sessions = args.sessions or (5 if quick else 20)
    seconds = args.seconds or (15 if quick else 60)

    warnings.filterwarnings("ignore")
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    os.environ.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")

    rows: list[Row] = []
    t0 = time.perf_counter()
    if "payload" in args.only:
        from bench import payload

        rows += payload.run(runs)
    if "browser" in args.only:
        from bench import browser

        rows += browser.run(browser_runs)
    if "pipeline" in args.only:
        from bench import pipeline_table

        rows += pipeline_table.run(sizes, 1 if quick else 3)
    if "concurrent" in args.only:
        from bench import concurrent

        rows += concurrent.run(sessions, seconds, baseline_seconds=10 if quick else 20)
    elapsed = time.perf_counter() - t0
    print(f"Sanctuary Map benchmarks: {' '.join(args.only)}"
          f"{' (--quick)' if quick else ''}; python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs; {elapsed / 60:.1f} min")
    print()
    print(table(rows))
    missed = [r for r in rows if r.ok is False]
    log(f"{len(missed)} target(s) missed" if missed else "every target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
