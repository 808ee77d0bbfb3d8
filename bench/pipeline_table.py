"""Pipeline rows for ``python -m bench``: medians of ``bench/pipeline.py``'s own measurements.

``bench/pipeline.py`` (the news pipeline's throughput script) makes the corpus and measures one
build, one ``spacy.blank("en")`` pass and one add, each in a fresh process. This module calls
those same functions several times, interleaved, and turns the medians into table rows:

* build throughput and peak memory at each size, beside the spaCy tokenizing pass over the
  same texts (the ratio is what extraction costs on top of tokenizing);
* linearity: throughput at each size against the smallest;
* adding one article to the largest store, beside what one article costs inside a full build
  (build time / articles) and beside the full rebuild itself.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bench import pipeline
from bench.common import Row, log, median


def run(sizes: tuple[int, ...] = (100, 1000, 10000), runs: int = 3,
        runs_over_5000: int = 1) -> list[Row]:
    """Rows for every size; ``runs`` builds per size (``runs_over_5000`` for the big ones:
    a 10,000-article build takes minutes on 2 cores)."""
    rows: list[Row] = []
    builds: dict[int, list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="sanctuary-pipeline-") as tmp:
        for n in sizes:
            workdir = Path(tmp) / str(n)
            (workdir / "articles").mkdir(parents=True)
            pipeline.make_corpus(workdir / "articles", n)
            runs_n = runs if n <= 5000 else runs_over_5000
            log(f"pipeline: {n:,} articles, {runs_n} builds and {runs_n} spaCy passes, "
                "interleaved")
            b_runs, s_runs = [], []
            for _ in range(runs_n):
                b_runs.append(pipeline.run_child("build", n, workdir))
                s_runs.append(pipeline.run_child("spacy", n, workdir))
            builds[n] = b_runs
            b_s = median([r["seconds"] for r in b_runs])
            s_s = median([r["seconds"] for r in s_runs])
            b_mb = median([r["peak_mb"] for r in b_runs])
            s_mb = median([r["peak_mb"] for r in s_runs])
            base_mb = median([r["base_mb"] for r in b_runs])
            rows.append(Row("pipeline", f"build {n:,} articles: throughput", n / b_s, "art/s",
                            n / s_s, 'spacy.blank("en") tokenize', runs=runs_n,
                            note=f"build {b_s:.2f} s vs tokenize {s_s:.2f} s; extraction "
                                 f"cache off; each run a fresh process"
                            if n == sizes[-1] else ""))
            rows.append(Row("pipeline", f"build {n:,} articles: peak RSS", b_mb, "MB", s_mb,
                            'spacy.blank("en") tokenize', runs=runs_n,
                            note=f"peak RSS (VmHWM) of the build process; {base_mb:.0f} MB of it is the "
                                 "interpreter and the gazetteer before the build starts"
                            if n == sizes[0] else ""))
        small, large = sizes[0], sizes[-1]
        tp = {n: n / median([r["seconds"] for r in builds[n]]) for n in sizes}
        rows.append(Row("pipeline", f"linearity: art/s at {large:,} vs {small:,}", tp[large],
                        "art/s", tp[small], f"art/s at {small:,}", target=">= 0.8x",
                        ok=tp[large] >= 0.8 * tp[small], runs=len(builds[large]),
                        note="a ratio near 1 is linear growth; below 1, per-article cost "
                             "grows with the corpus"))
        # add one article to the largest store; each run on a fresh copy of the corpus (the
        # child builds the store from the extraction cache first, untimed, then adds)
        src = Path(tmp) / str(large)
        add_runs = max(runs, 3)  # only the first pays for building the store's cache
        log(f"pipeline: adding one article to the {large:,}-article store, {add_runs} times")
        adds = []
        cache: Path | None = None
        for r in range(add_runs):
            workdir = Path(tmp) / f"add-{r}"
            shutil.copytree(src / "articles", workdir / "articles")
            if cache is not None:
                shutil.copyfile(cache, workdir / "cache.sqlite")
            adds.append(pipeline.run_child("add", large, workdir))
            cache = workdir / "cache.sqlite"
        add_s = median([a["seconds"] for a in adds])
        build_s = median([r["seconds"] for r in builds[large]])
        per_article = build_s / large
        rows.append(Row("pipeline", f"add 1 article to {large:,}", add_s * 1e3, "ms",
                        per_article * 1e3, "1 article's share of a full build",
                        target="<= 2x one article", ok=add_s <= 2 * per_article, runs=add_runs,
                        note=f"a full rebuild takes {build_s:.1f} s, {add_s / build_s:.4f}x of "
                             "it; the add re-hashes the folder and re-reads every quote to "
                             "group the new ones, so it grows with the store"))
    return rows
