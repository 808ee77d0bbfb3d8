"""A large synthetic corpus for the map benchmarks: 10,000 articles naming >= 3,000 jurisdictions.

The five seeds, each repeated with its places swapped for other real US places (a city, its
county and its state, taken from the gazetteer: for each county with a town, its largest town),
so that the articles read like the seeds and the real pipeline (geoparser, linking, store)
decides which jurisdictions they name. Built once and kept under ``data/build/bench/`` (the
build takes minutes: it is the full extraction); :func:`install` puts it into a copy of the app.

    python -m bench.corpus [--articles 10000]     # build (or reuse) it; print what it names
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
from pathlib import Path

from bench.common import log

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "data" / "build" / "bench"
# Bump when the generator changes, so that an old build is not reused.
VERSION = 1
ARTICLES = 10_000
# The places of the seeds that are swapped, as (city, county, state).
SOURCE = (("Austin", "Travis County", "Texas"), ("Madison", "Dane County", "Wisconsin"))


def _places() -> list[tuple[str, str, str]]:
    """(town, county, state): for every county with a town, its most populous town."""
    from geo.gazetteer import DEFAULT_PATH

    with sqlite3.connect(f"file:{DEFAULT_PATH}?mode=ro", uri=True) as conn:
        names = dict(conn.execute(
            "SELECT id, name FROM jurisdictions WHERE kind IN ('county', 'state')"))
        best: dict[str, tuple[int, str]] = {}
        for name, parents, population in conn.execute(
                "SELECT name, parents, population FROM jurisdictions "
                "WHERE kind = 'place'"):
            counties = [p for p in parents.split("|") if len(p) == 5]
            population = population or 0
            if not counties or counties[0] not in names:
                continue
            if population >= best.get(counties[0], (-1, ""))[0]:
                best[counties[0]] = (population, name)
    out = [(town, names[county], names.get(county[:2], "")) for county, (_, town)
           in sorted(best.items())]
    return [p for p in out if p[2]]


def make_articles(directory: Path, n: int = ARTICLES) -> None:
    """Write ``n`` synthetic articles into ``directory`` (see the module docstring)."""
    from news.articles import load_articles, render_article

    directory.mkdir(parents=True, exist_ok=True)
    seeds, _ = load_articles(REPO / "data" / "articles")
    places = _places()
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = seed.text
        for k, (city, county, state) in enumerate(SOURCE):
            # Two places per article, walking the list in two strides, so that every place is
            # named by a few articles and each pair is different.
            c2, co2, s2 = places[(i * (2 * k + 1) + k * 977) % len(places)]
            text = text.replace(county, co2).replace(city, c2).replace(state, s2)
        text += f"\n\nThis is report {i} in the series."
        meta = {"title": f"{seed.title} ({i})", "outlet": seed.outlet,
                "published": seed.published, "url": ""}
        (directory / f"a{i:05d}.md").write_text(render_article(meta, text), encoding="utf-8")


def build(n: int = ARTICLES) -> Path:
    """The synthetic corpus of ``n`` articles with its store, built once; its folder.

    The folder holds ``articles/`` and ``sanctuary.sqlite`` (current for those articles).
    """
    from news.store import build_store

    folder = CACHE / f"synthetic-v{VERSION}-{n}"
    done = folder / "done.json"
    if done.is_file():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    log(f"corpus: writing {n:,} synthetic articles and building their store (minutes)")
    make_articles(folder / "articles", n)
    build_store(folder / "articles", folder / "sanctuary.sqlite",
                cache_path=folder / "extract_cache.sqlite")
    done.write_text(json.dumps(describe(folder)))
    return folder


def describe(folder: Path) -> dict[str, int]:
    """How many articles and distinct jurisdictions (by kind) the built store holds."""
    from news.store import Filters, Store

    store = Store(folder / "sanctuary.sqlite")
    summaries = list(store.jurisdiction_summaries(Filters()))
    out = {"articles": len(list(store.articles())), "jurisdictions": len(summaries)}
    for s in summaries:
        out[s.kind] = out.get(s.kind, 0) + 1
    return out


def install(app_dir: Path, n: int = ARTICLES) -> dict[str, int]:
    """Make the app copy ``app_dir`` serve the synthetic corpus; return what it holds."""
    folder = build(n)
    articles = app_dir / "data" / "articles"
    shutil.rmtree(articles)
    shutil.copytree(folder / "articles", articles)
    store = app_dir / "data" / "build" / "sanctuary.sqlite"
    store.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(folder / "sanctuary.sqlite", store)
    return describe(folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=ARTICLES)
    args = parser.parse_args(argv)
    print(json.dumps(describe(build(args.articles))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
