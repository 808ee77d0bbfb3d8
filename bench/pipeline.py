"""Throughput of the news pipeline: build the store from 100 / 1,000 / 10,000 articles.

The articles are the five seeds repeated with their places swapped for other real US places
(so that no two texts are the same and the geoparser cannot reuse work). Each size runs in a
fresh process, with the extraction cache off, so that the time is the full extraction and the
peak memory (ru_maxrss) is that build's own. Beside it, a baseline: the same texts only
tokenized by ``spacy.blank("en")``. Last, one article is added to the largest store.

    python bench/pipeline.py [--sizes 100 1000 10000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# (city, county, state) swapped in for the seeds' own places.
PLACES = [
    ("Denver", "Denver County", "Colorado"), ("Seattle", "King County", "Washington"),
    ("Phoenix", "Maricopa County", "Arizona"), ("Chicago", "Cook County", "Illinois"),
    ("Oakland", "Alameda County", "California"), ("Newark", "Essex County", "New Jersey"),
    ("Miami", "Miami-Dade County", "Florida"), ("Atlanta", "Fulton County", "Georgia"),
    ("Boston", "Suffolk County", "Massachusetts"), ("Portland", "Multnomah County", "Oregon"),
    ("Santa Fe", "Santa Fe County", "New Mexico"), ("Tucson", "Pima County", "Arizona"),
    ("Dallas", "Dallas County", "Texas"), ("Houston", "Harris County", "Texas"),
    ("Minneapolis", "Hennepin County", "Minnesota"), ("Baltimore", "Baltimore County", "Maryland"),
    ("Nashville", "Davidson County", "Tennessee"), ("Salt Lake City", "Salt Lake County", "Utah"),
    ("Milwaukee", "Milwaukee County", "Wisconsin"), ("Raleigh", "Wake County", "North Carolina"),
    ("Columbus", "Franklin County", "Ohio"), ("Detroit", "Wayne County", "Michigan"),
    ("Albuquerque", "Bernalillo County", "New Mexico"), ("Sacramento", "Sacramento County", "California"),
]
SOURCE = [("Austin", "Travis County", "Texas"), ("Madison", "Dane County", "Wisconsin")]


def vary_places(text: str, i: int, period: int) -> str:
    """The i-th variant of a source text: its places swapped for others, and a numbered tail
    so no two variants share a body (``period``: how many source texts are cycled through)."""
    for k, (city, county, state) in enumerate(SOURCE):
        c2, co2, s2 = PLACES[(i * 7 + k * 5 + i // period) % len(PLACES)]
        text = text.replace(county, co2).replace(city, c2).replace(state, s2)
    return text + f"\n\nThis is report {i} in the series."


def make_corpus(directory: Path, n: int) -> list[str]:
    """Write n articles to directory; return their bodies."""
    from news.articles import load_articles, render_article

    seeds, _ = load_articles(REPO / "data" / "articles")
    bodies = []
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = vary_places(seed.text, i, len(seeds))
        meta = {"title": f"{seed.title} ({i})", "outlet": seed.outlet, "published": seed.published,
                "url": ""}
        (directory / f"a{i:05d}.md").write_text(render_article(meta, text), encoding="utf-8")
        bodies.append(text)
    return bodies


def peak_mb() -> float:
    # VmHWM is this process's own peak; ru_maxrss starts at the RSS of the parent that forked
    # it (Linux keeps it across exec), so a child of a big process reports the parent's size.
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(mode: str, n: int, workdir: Path) -> dict:
    """One measurement in this (fresh) process."""
    articles = workdir / "articles"
    if mode == "spacy":
        import spacy

        from news.articles import load_articles

        texts = [a.text for a in load_articles(articles)[0]]
        nlp = spacy.blank("en")
        base = peak_mb()
        t0 = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
        dt = time.perf_counter() - t0
        return {"seconds": dt, "peak_mb": peak_mb(), "base_mb": base, "tokens": tokens}
    from geo.geoparse import geoparse
    from news.store import add_article, build_store

    geoparse("Austin, Texas")  # load the gazetteer before the clock starts
    base = peak_mb()
    if mode == "build":
        t0 = time.perf_counter()
        report = build_store(articles, workdir / "store.sqlite", cache_path=None)
        dt = time.perf_counter() - t0
        assert report.articles == n, report
        return {"seconds": dt, "peak_mb": peak_mb(), "base_mb": base}
    # mode == "add": the store exists and is current (built with a cache), add one article
    cache = workdir / "cache.sqlite"
    build_store(articles, workdir / "store.sqlite", cache_path=cache)
    t0 = time.perf_counter()
    add_article(
        "Federal agents arrested 12 people in Boise, Idaho, on Monday. Ada County Sheriff "
        "Stephen Bartlett said the county would not honor detainers.",
        title="Boise raids", outlet="Bench Daily", published="2020-01-01",
        directory=articles, db_path=workdir / "store.sqlite", cache_path=cache,
    )
    return {"seconds": time.perf_counter() - t0, "peak_mb": peak_mb(), "base_mb": base}


def run_child(mode: str, n: int, workdir: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(n), str(workdir)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, n, workdir = args.child
        print(json.dumps(child(mode, int(n), Path(workdir))))
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            workdir = Path(tmp) / str(n)
            (workdir / "articles").mkdir(parents=True)
            bodies = make_corpus(workdir / "articles", n)
            mb = sum(len(b.encode()) for b in bodies) / 1e6
            build = run_child("build", n, workdir)
            spacy_ = run_child("spacy", n, workdir)
            rows.append((n, mb, build, spacy_))
        add = run_child("add", args.sizes[-1], Path(tmp) / str(args.sizes[-1]))
    print(f"news pipeline throughput (store build, extraction cache off); python {sys.version.split()[0]}")
    print()
    header = (
        f"{'articles':>9} {'MB text':>8} {'build s':>8} {'art/s':>8} {'peak MB':>8} "
        f"{'spacy s':>8} {'spacy art/s':>11} {'spacy peak MB':>13} {'spacy/news':>10}"
    )
    print(header)
    print("-" * len(header))
    for n, mb, b, s in rows:
        print(
            f"{n:>9,} {mb:>8.1f} {b['seconds']:>8.2f} {n / b['seconds']:>8.0f} "
            f"{b['peak_mb']:>8.0f} {s['seconds']:>8.2f} {n / s['seconds']:>11.0f} "
            f"{s['peak_mb']:>13.0f} {b['seconds'] / s['seconds']:>9.1f}x"
        )
    print()
    print(
        f"add one article to the {args.sizes[-1]:,}-article store: {add['seconds']:.2f} s "
        f"(peak {add['peak_mb']:.0f} MB)"
    )
    print(
        "peak MB = the process's max RSS (ru_maxrss), gazetteer and interpreter included "
        f"(~{rows[0][2]['base_mb']:.0f} MB before the build starts); 'spacy/news' = how many "
        "times longer the pipeline takes than tokenizing alone."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
