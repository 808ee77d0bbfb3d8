"""Server capacity and memory of the map page, beside the bare st_folium page, at two corpus sizes.

``../shared/tools/stload.py`` drives each running server over Streamlit's own websocket
protocol, with no browser: N sessions load the page, then rerun it with ``?j=ID`` in turn (as a
click on the map does), for a fixed time. The map page and the bare page (``bench/bare_app.py``)
run side by side from the same app copy, measured one after the other in the same sitting.
Rows per corpus (the seeds; 10,000 synthetic articles, ``bench/corpus.py``):

* **per-click rerun, 1 session**: median latency (send -> script finished);
* **20 sessions**: median latency of a rerun while 20 sessions rerun at once, and throughput;
* **memory**: the map server's RSS after a second batch of 20-session reruns against after the
  first (flat: the second batch holds nothing more), with the RSS before any click.

    python -m bench.server [--seconds 20] [--sessions 20]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.common import REPO, Row, log, table

BARE_APP = Path(__file__).resolve().parent / "bare_app.py"
RATIO_TARGET = 1.3
MEMORY_TARGET = 1.05
SEEDS_IDS = ("48453", "4805000", "0644000", "1714000")
LINE = re.compile(
    r"sessions (?P<n>\d+): reruns (?P<reruns>\d+) in (?P<wall>[\d.]+) s \((?P<rate>[\d.]+)/s\), "
    r"errors (?P<errors>\d+), exceptions (?P<exc>\d+), rerun median (?P<median>[\d.]+) ms "
    r"p95 (?P<p95>[\d.]+) ms max (?P<max>[\d.]+) ms, first load median (?P<first>[\d.]+) ms, "
    r"(?P<kb>[\d.]+) KB/rerun")


def stload_path() -> Path:
    """The team's load tool: ``../shared/tools/stload.py`` beside the repository."""
    for base in (REPO, *REPO.parents):
        path = base.parent / "shared" / "tools" / "stload.py"
        if path.is_file():
            return path
    raise RuntimeError("../shared/tools/stload.py not found beside the repository")


@dataclass(frozen=True)
class Load:
    sessions: int
    reruns: int
    rate: float
    errors: int
    exceptions: int
    median_ms: float
    p95_ms: float
    kb_per_rerun: float
    text: str


def stload(url: str, sessions: int, seconds: float, ids: tuple[str, ...]) -> Load:
    """Run stload.py against the server at ``url``; its one line, parsed."""
    port = url.rsplit(":", 1)[1]
    out = subprocess.run([sys.executable, str(stload_path()), port, str(sessions), str(seconds),
                          ",".join(ids)], capture_output=True, text=True, timeout=seconds + 600)
    found = LINE.search(out.stdout)
    if not found:
        raise RuntimeError(f"stload.py said: {out.stdout}\n{out.stderr}")
    g = found.groupdict()
    return Load(int(g["n"]), int(g["reruns"]), float(g["rate"]), int(g["errors"]),
                int(g["exc"]), float(g["median"]), float(g["p95"]), float(g["kb"]),
                out.stdout.strip())


def _top_ids(app_dir: Path, n: int = 4) -> tuple[str, ...]:
    """The most reported jurisdictions of the copy's store, of mixed kinds."""
    from news.store import Filters, Store

    rows = sorted(Store(app_dir / "data" / "build" / "sanctuary.sqlite")
                  .jurisdiction_summaries(Filters()), key=lambda s: -s.n_excerpts)
    picked: list[str] = []
    for kind in ("county", "place", "state", "county", "place"):
        picked += [s.id for s in rows if s.kind == kind and s.id not in picked][:1]
    return tuple(picked[:n])


def measure(corpus: str, sessions: int, seconds: float) -> list[Row]:
    from ui.testing import app_copy, streamlit_server

    with app_copy([BARE_APP]) as app_dir:
        what = "seeds"
        ids = SEEDS_IDS
        if corpus == "synthetic":
            from bench import corpus as synthetic

            held = synthetic.install(app_dir)
            what = f"{held['articles']:,} art."
            ids = _top_ids(app_dir)
        else:
            from news.store import ensure_store

            ensure_store(app_dir / "data" / "articles",
                         app_dir / "data" / "build" / "sanctuary.sqlite")
        with streamlit_server(app_dir, "app.py") as app, \
                streamlit_server(app_dir, "bare_app.py") as bare:
            log(f"server: {corpus}: warm-up, then 1 and {sessions} sessions, {seconds:.0f} s each")
            from bench.wsclient import load_page

            for srv in (app, bare):
                # imports, the store, the caches, the shapes files (the first run of the large
                # corpus can outlast stload.py's 120 s wait for a message)
                load_page(srv.url)
                stload(srv.url, 2, 3, ids)
            rss_before = app.rss_mb()
            one, one_bare = stload(app.url, 1, seconds, ids), stload(bare.url, 1, seconds, ids)
            many = stload(app.url, sessions, seconds, ids)
            many_bare = stload(bare.url, sessions, seconds, ids)
            rss_first = app.rss_mb()
            again = stload(app.url, sessions, seconds, ids)
            rss_second = app.rss_mb()
    problems = sum(x.errors + x.exceptions for x in (one, one_bare, many, many_bare, again))
    ok = problems == 0
    return [
        Row("server", f"{what}: per-click rerun, 1 session", one.median_ms, "ms",
            one_bare.median_ms, "bare page, 1 session", f"<= {RATIO_TARGET}x bare",
            ok and one.median_ms <= RATIO_TARGET * one_bare.median_ms, one.reruns,
            note=f"app: {one.text}; bare: {one_bare.text}; ids {','.join(ids)}"),
        Row("server", f"{what}: rerun latency, {sessions} sessions", many.median_ms, "ms",
            many_bare.median_ms, f"bare page, {sessions} sessions", f"<= {RATIO_TARGET}x bare",
            ok and many.median_ms <= RATIO_TARGET * many_bare.median_ms, many.reruns,
            note=f"throughput {many.rate:.1f} vs {many_bare.rate:.1f} reruns/s; p95 "
                 f"{many.p95_ms:.0f} vs {many_bare.p95_ms:.0f} ms; {many.kb_per_rerun:.0f} vs "
                 f"{many_bare.kb_per_rerun:.0f} KB per rerun; errors + exceptions: {problems}"),
        Row("server", f"{what}: server RSS, 2nd batch of reruns", rss_second, "MB", rss_first,
            "RSS after the 1st batch", f"<= {MEMORY_TARGET}x", rss_second <= MEMORY_TARGET *
            rss_first, 1,
            note=f"RSS before any rerun {rss_before:.0f} MB; after 1 + {sessions} sessions "
                 f"({one.reruns + many.reruns} reruns) {rss_first:.0f} MB; after {again.reruns} "
                 f"more {rss_second:.0f} MB"),
    ]


def run(sessions: int = 20, seconds: float = 20,
        corpora: tuple[str, ...] = ("seeds", "synthetic")) -> list[Row]:
    rows: list[Row] = []
    for corpus in corpora:
        rows += measure(corpus, sessions, seconds)
        log(table(rows))  # partial results as they come
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--corpus", nargs="+", choices=("seeds", "synthetic"),
                        default=["seeds", "synthetic"])
    args = parser.parse_args(argv)
    print(table(run(args.sessions, args.seconds, tuple(args.corpus))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
