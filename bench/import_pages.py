"""Import 1,000 saved news pages: pages/s and peak RSS, beside trafilatura alone on the same pages.

The pages are the import tests' news page (tests/data/import/article.html: cookie banner,
navigation, breadcrumbs, share buttons, photo caption, related stories, comments, newsletter
box, footer, JSON-LD and Open Graph) around real article bodies: the five seeds and the 37
articles of the extraction set's dev split, repeated with the seeds' places swapped for other
real US places and a report number, so no two bodies are the same and nothing is collapsed as
a duplicate. Titles, outlets, authors, dates and URLs vary too.

Three measurements, each in a fresh process (so that peak RSS is its own), interleaved run by
run so that the machine's drift hits all three alike:

- ``trafilatura``: ``trafilatura.bare_extraction`` with the import's options on every page,
  one after the other (the baseline);
- ``read``: the import's reading of the folder (``Importer.read``: decode, trafilatura, date,
  paragraphs, duplicate index), nothing written;
- ``import``: the whole ``python -m news import FOLDER`` (``Importer.run``): reading, then the
  articles written as files and added to a new SQLite store in batches
  (``news.store.add_articles``), which extracts them (jurisdictions, excerpts, quotes).

    python -m bench.import_pages [--pages 1000] [--runs 3] [--import-runs 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import REPO, Row, log, median, table
from bench.pipeline import peak_mb

# The bodies: the seed articles and the extraction set's dev split (real articles about
# enforcement and sanctuary policies), each repeated with its seed places swapped for other real
# US places (bench.pipeline's table) and a report number, so no two pages have the same text.
SOURCES = (REPO / "data" / "articles", REPO / "tests" / "data" / "extraction" / "dev")
AUTHORS = ("Jane Roe", "Maria Soto", "Sam Lee", "Lee Park", "Ana Lopez", "Tom Reyes")
# The import's options for trafilatura (news.importing.extract.from_html).
TRAFILATURA_OPTIONS = {"with_metadata": True, "include_comments": False,
                       "include_tables": False, "include_images": False, "include_links": False}


def make_pages(directory: Path, n: int) -> int:
    """Write ``n`` saved pages into ``directory``; return their total size in bytes."""
    from bench.pipeline import vary_places
    from news.articles import load_articles
    from ui.testing import article_page

    sources = []
    for folder in SOURCES:
        loaded, errors = load_articles(folder)
        assert not errors, errors
        sources += sorted(loaded, key=lambda a: a.id)
    directory.mkdir(parents=True, exist_ok=True)
    first = dt.date(2016, 1, 1)
    size = 0
    for i in range(n):
        a = sources[i % len(sources)]
        text = vary_places(a.text, i, len(sources))
        host = "".join(c for c in a.outlet.lower() if c.isalnum()) or "news"
        page = article_page(
            title=html.escape(f"{a.title} ({i})"), site=html.escape(a.outlet),
            date=(first + dt.timedelta(days=i % 3000)).isoformat(),
            author=AUTHORS[i % len(AUTHORS)], canonical=f"https://www.{host}.example/news/{i:05d}/",
            paragraphs=[html.escape(p) for p in text.split("\n\n") if p.strip()],
        )
        (directory / f"page{i:05d}.html").write_bytes(page)
        size += len(page)
    return size


def child(mode: str, pages: Path, work: Path) -> dict[str, object]:
    """One measurement in this (fresh) process."""
    files = sorted(pages.glob("*.html"))
    if mode == "trafilatura":
        import trafilatura

        trafilatura.bare_extraction("<html><body><p>warm up</p></body></html>")
        t0 = time.perf_counter()
        words = 0
        for p in files:
            doc = trafilatura.bare_extraction(p.read_bytes().decode("utf-8"), **TRAFILATURA_OPTIONS)
            words += len((getattr(doc, "text", None) or "").split())
        return {"seconds": time.perf_counter() - t0, "peak_mb": peak_mb(), "words": words}

    from news.importing import Draft, Importer, Outcome, expand

    importer = Importer(work / "articles")
    if mode == "import":
        from news.pipeline import analyze_text

        # The gazetteer and the geoparser's indexes load once per process, before the clock.
        analyze_text("Federal agents arrested 12 people in Boise, Idaho, on Monday. Ada County "
                     'Sheriff Stephen Bartlett said, "We will not honor detainers."')
    t0 = time.perf_counter()
    if mode == "read":
        results = [r for _, r in importer.read(expand([pages]))]
        statuses = [r.status if isinstance(r, Outcome) else "read" for r in results]
        words = sum(len(r.text.split()) for r in results if isinstance(r, Draft))
    else:
        outcomes = list(importer.run(expand([pages])))
        statuses = [o.status for o in outcomes]
        words = sum(len(o.draft.text.split()) for o in outcomes if o.draft is not None)
    seconds = time.perf_counter() - t0
    counts = {s: statuses.count(s) for s in sorted(set(statuses))}
    return {"seconds": seconds, "peak_mb": peak_mb(), "words": words, "counts": counts}


def run_child(mode: str, pages: Path, work: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "bench.import_pages", "--child", mode, str(pages), str(work)],
        check=True, capture_output=True, text=True, cwd=REPO,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def spread(values: list[float], unit: str) -> str:
    return f"{min(values):.1f}-{max(values):.1f} {unit}"


def run(pages: int = 1000, runs: int = 3, import_runs: int = 1) -> list[Row]:
    """Measure; return the table's rows."""
    results: dict[str, list[dict]] = {"trafilatura": [], "read": [], "import": []}
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp) / "pages"
        size = make_pages(folder, pages)
        log(f"import: {pages} pages, {size / 1e6:.1f} MB; {runs} runs ({import_runs} of the "
            "whole import)")
        for r in range(max(runs, import_runs)):
            for mode in results:
                if r >= (import_runs if mode == "import" else runs):
                    continue
                work = Path(tmp) / f"{mode}-{r}"
                work.mkdir()
                results[mode].append(run_child(mode, folder, work))
                log(f"  run {r + 1} {mode}: {results[mode][-1]['seconds']:.1f} s")
    base = results["trafilatura"]
    base_rate = [pages / b["seconds"] for b in base]
    base_mb = [b["peak_mb"] for b in base]
    rows = []
    for mode, measure in (("read", "read (text, metadata, dedupe)"),
                          ("import", "whole import (+ files, extraction, store)")):
        rate = [pages / m["seconds"] for m in results[mode]]
        mb = [m["peak_mb"] for m in results[mode]]
        counts = results[mode][0]["counts"]
        note_words = (f"words kept {results[mode][0]['words']:,} vs trafilatura's "
                      f"{base[0]['words']:,}; outcomes {counts}")
        rows.append(Row(
            "import", f"{pages:,} pages: {measure}", median(rate), "pages/s", median(base_rate),
            "trafilatura.bare_extraction alone", runs=len(rate),
            note=f"spread {spread(rate, 'pages/s')} vs {spread(base_rate, 'pages/s')}; "
                 + note_words,
        ))
        rows.append(Row(
            "import", f"{pages:,} pages: {measure}, peak RSS", median(mb), "MB", median(base_mb),
            "trafilatura.bare_extraction alone", runs=len(mb),
            note=f"spread {spread(mb, 'MB')} vs {spread(base_mb, 'MB')} (VmHWM of each process)",
        ))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.import_pages",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3,
                        help="runs of trafilatura and of the import's reading (default 3)")
    parser.add_argument("--import-runs", type=int, default=1,
                        help="runs of the whole import (default 1: it takes minutes)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, pages, work = args.child
        print(json.dumps(child(mode, Path(pages), Path(work))))
        return 0
    t0 = time.perf_counter()
    rows = run(args.pages, args.runs, args.import_runs)
    print(f"import of saved pages; python {sys.version.split()[0]}; "
          f"{(time.perf_counter() - t0) / 60:.1f} min")
    print()
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
