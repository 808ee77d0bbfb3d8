"""Server CPU of one map-page rerun (a click, ``?j=ID``) and the timelines' share of it.

One throwaway PostgreSQL (as ``bench.team_capacity``) holds two stores: the seeds alone (the
baseline) and the seeds plus ``--synthetic N`` articles made from them (``bench/pipeline.py``'s
generator). For each store, in a fresh process (alternating between the stores, ``--runs``
times), the app runs under Streamlit's AppTest with its caches warm, then reruns the page
``--reruns`` times with ``?j=ID`` cycling through the four jurisdictions the store reports most
about, as the capacity bench's sessions do. Per rerun: the process's CPU time, and the CPU the
two timelines take (``ui.timeline.view_timeline`` and ``jurisdiction_timeline``, timed on the
script thread). Printed: medians with their spread, each beside the seeds' figure of the same
run; a rerun whose cost does not grow with the store has a ratio near 1.

    python -m bench.rerun [--synthetic 600] [--reruns 12] [--runs 3]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import REPO, Row, log, median, table

CLICK_IDS = 4


def _timed(fn: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[-1] += time.thread_time() - t0
    return wrapper


def child(url: str, ids: list[str], reruns: int) -> dict[str, list[float]]:
    """In this process: warm the app on the store at ``url``, then time ``reruns`` reruns."""
    os.environ["SANCTUARY_DATABASE_URL"] = url
    from streamlit.testing.v1 import AppTest

    import ui.panel
    import ui.timeline

    spent: list[float] = [0.0]
    # app.py imports view_timeline from the module on every run; ui.panel holds its own name.
    ui.timeline.view_timeline = _timed(ui.timeline.view_timeline, spent)
    ui.panel.jurisdiction_timeline = _timed(ui.panel.jurisdiction_timeline, spent)
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=300)
    for jid in ["", *ids]:  # warm: the store, the caches, each selection once
        if jid:
            at.query_params["j"] = jid
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    cpu, timeline = [], []
    for i in range(reruns):
        at.query_params["j"] = ids[i % len(ids)]
        spent.append(0.0)
        t0 = time.process_time()
        at.run()
        cpu.append(time.process_time() - t0)
        timeline.append(spent[-1])
        assert not at.exception, [e.value for e in at.exception]
    return {"cpu": cpu, "timeline": timeline}


def run_child(url: str, ids: list[str], reruns: int) -> dict[str, list[float]]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.rerun", "--child", url, "--ids", ",".join(ids),
         "--reruns", str(reruns)],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, check=True,
        capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def fill(url: str, folder: Path) -> int:
    """Build the articles of ``folder`` into the store at ``url``; how many articles."""
    from news.store import build_store, parse_database
    from news.store.backend import close_pools

    build_store(folder, database=parse_database(url))  # the extraction cache makes reruns quick
    close_pools()
    return len(list(folder.glob("*.md")))


def _spread(values: list[float]) -> str:
    return f"median of {len(values)} reruns; spread {min(values) * 1e3:,.0f}-" \
           f"{max(values) * 1e3:,.0f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.rerun",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=600,
                        help="synthetic articles added to the seeds (600)")
    parser.add_argument("--reruns", type=int, default=12, help="timed reruns per process (12)")
    parser.add_argument("--runs", type=int, default=3, help="processes per store (3)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--ids", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.ids.split(","), args.reruns)))
        return 0

    from bench.pipeline import make_corpus
    from bench.team_capacity import ranked_ids
    from ui.testing import postgres_cluster

    results: dict[str, dict[str, list[float]]] = {}
    sizes: dict[str, int] = {}
    with postgres_cluster() as cluster, tempfile.TemporaryDirectory(prefix="rerun-") as tmp:
        stores = {}
        for name, n in (("seeds", 0), ("synthetic", args.synthetic)):
            folder = Path(tmp) / name
            shutil.copytree(REPO / "data" / "articles", folder)
            if n:
                make_corpus(folder, n)
            url = cluster.create_database()
            log(f"rerun: building the {name} store ({n} synthetic articles besides the seeds)")
            sizes[name] = fill(url, folder)
            stores[name] = (url, ranked_ids(url, CLICK_IDS))
            results[name] = {"cpu": [], "timeline": []}
        for run in range(args.runs):
            for name, (url, ids) in stores.items():
                log(f"rerun: run {run + 1}/{args.runs}, {name}")
                got = run_child(url, ids, args.reruns)
                for k, v in got.items():
                    results[name][k] += v
    base, big = results["seeds"], results["synthetic"]
    what = f"{sizes['synthetic']} articles"
    baseline = f"seeds ({sizes['seeds']} articles), same run"
    share = [t / c for t, c in zip(big["timeline"], big["cpu"], strict=True)]
    share0 = [t / c for t, c in zip(base["timeline"], base["cpu"], strict=True)]
    rows = [
        Row("rerun", f"{what}: server CPU per click rerun", median(big["cpu"]) * 1e3, "ms",
            median(base["cpu"]) * 1e3, baseline, runs=len(big["cpu"]),
            note=f"{_spread(big['cpu'])} (seeds: {_spread(base['cpu'])}); ?j= cycling through "
                 f"the {CLICK_IDS} most reported jurisdictions, AppTest, caches warm"),
        Row("rerun", f"{what}: of which the two timelines", median(big["timeline"]) * 1e3, "ms",
            median(base["timeline"]) * 1e3, baseline, runs=len(big["timeline"]),
            note=f"{_spread(big['timeline'])} (seeds: {_spread(base['timeline'])}); share of "
                 f"the rerun: median {median(share):.0%} (spread {min(share):.0%}-"
                 f"{max(share):.0%}; seeds {median(share0):.0%})"),
    ]
    print(f"rerun: store of {what} vs the seeds, PostgreSQL; {args.runs} processes per store x "
          f"{args.reruns} reruns; load average {os.getloadavg()[0]:.1f}")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
