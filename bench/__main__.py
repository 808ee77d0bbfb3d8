"""Run every benchmark and print one table: ``python -m bench``.

Each figure sits beside a baseline measured in the same run, as a ratio, and is a median of
several runs. Progress goes to stderr; the table alone goes to stdout.

    python -m bench                        # everything (about 15 minutes on 2 cores)
    python -m bench --quick                # shorter runs, smaller sizes (a few minutes)
    python -m bench --only payload browser # a subset: payload, browser, server, pipeline,
                                           # concurrent

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
import traceback
import warnings

from bench.common import Row, log, table

BENCHES = ("payload", "browser", "server", "pipeline", "concurrent")


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

    def payload_rows() -> list[Row]:
        from bench import payload

        return payload.run(min(runs, 3))  # bytes: the same on every run

    def browser_rows() -> list[Row]:
        from bench import browser

        return browser.run(browser_runs)

    def server_rows() -> list[Row]:
        from bench import server

        return server.run(sessions, 8 if quick else 20)

    def pipeline_rows() -> list[Row]:
        from bench import pipeline_table

        return pipeline_table.run(sizes, 1 if quick else 3)

    def concurrent_rows() -> list[Row]:
        from bench import sessions as browser_sessions

        return browser_sessions.run(sessions, seconds, baseline_seconds=10 if quick else 20)

    benches = {"payload": payload_rows, "browser": browser_rows, "server": server_rows,
               "pipeline": pipeline_rows, "concurrent": concurrent_rows}
    rows: list[Row] = []
    failed: list[str] = []
    t0 = time.perf_counter()
    for name in BENCHES:
        if name not in args.only:
            continue
        try:
            got = benches[name]()
        except Exception:  # one broken benchmark must not lose the others' results
            failed.append(f"{name}: {traceback.format_exc()}")
            log(f"{name} FAILED:\n{failed[-1]}")
            continue
        rows += got
        log(table(got))  # partial results as they come, on stderr
    elapsed = time.perf_counter() - t0
    print(f"Sanctuary Map benchmarks: {' '.join(args.only)}"
          f"{' (--quick)' if quick else ''}; python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs; {elapsed / 60:.1f} min")
    print()
    print(table(rows))
    for f in failed:
        print(f"\nFAILED {f.splitlines()[0]} {f.strip().splitlines()[-1]}")
    missed = [r for r in rows if r.ok is False]
    log(f"{len(missed)} target(s) missed" if missed else "every target met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
