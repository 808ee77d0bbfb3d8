"""Command line: ``python -m news build | export | import | geoparse``.

``import [--articles DIR] [--database URL] SOURCE...`` reads article URLs, feeds, Media Cloud or
GDELT exports, saved pages, text, PDF and Word files, and folders of them, into DIR.

``--database`` picks the store: ``sqlite:///path`` (default ``data/build/sanctuary.sqlite``) or
``postgresql://user@host:port/db`` (a team's shared store); ``$SANCTUARY_DATABASE_URL`` sets
the default. Articles that cannot be loaded are reported on stderr with their path and the
reason; every other article is still built or exported.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from geo.geoparse import GeoContext
from news.articles import ARTICLES_DIR, ArticleError, article_paths
from news.progress import Progress
from news.store import CACHE_PATH, Store, build_store, ensure_database
from news.store.backend import Database, StoreUnavailable, add_database_option, parse_database
from news.store.corpus import analyze_here


def _report_errors(errors: Sequence[ArticleError], err: TextIO) -> None:
    for e in errors:
        print(f"error: {e.path}: {e.reason}", file=err)


def _jurisdiction(jid: str) -> dict:
    from geo import JurisdictionNotFound, load_gazetteer
    from news.pipeline import kind_of

    try:
        j = load_gazetteer().get(jid)
    except JurisdictionNotFound:
        return {"id": jid, "name": jid, "kind": kind_of(jid), "state": None, "lat": None,
                "lon": None}
    return {"id": j.id, "name": j.name, "kind": j.kind, "state": j.state, "lat": j.lat,
            "lon": j.lon}


def export_json(
    directory: Path = ARTICLES_DIR, database: Database | None = None,
    cache_path: Path | None = CACHE_PATH,
) -> tuple[dict, list[ArticleError]]:
    """Bring a store up to date with a folder of articles and return its export document.

    Parameters
    ----------
    directory : Path
        The articles folder.
    database : Database, optional
        The store (default: the SQLite store of ``data/build/``). A folder other than
        ``data/articles/`` without a database is built into a temporary SQLite store, so the
        app's store is left alone. A shared store exports what it holds (the folder is only
        imported into an empty one).
    cache_path : Path or None
        Extraction cache (SQLite).

    Returns
    -------
    tuple
        ``(document, errors)``; the document has the keys ``articles``, ``jurisdictions``,
        ``mentions`` and ``excerpts`` of the issue's export format.
    """
    if database is None and directory.resolve() != ARTICLES_DIR.resolve():
        with tempfile.TemporaryDirectory(prefix="sanctuary-export-") as tmp:
            return export_json(directory, parse_database(Path(tmp) / "store.sqlite"), cache_path)
    db = ensure_database(database, directory, cache_path=cache_path)
    store = Store(db)
    return store.export(), store.load_errors()


def geoparse_json(text: str, context: GeoContext | None = None) -> list[dict]:
    """Find the jurisdiction mentions of a text, in the CLI's output form.

    Parameters
    ----------
    text : str
    context : GeoContext, optional
        The outlet's home (state, place), passed to :func:`geo.geoparse.geoparse`.

    Returns
    -------
    list of dict
        ``start, end, text, id, name, kind, state, lat, lon, confidence`` per mention.
    """
    from geo.geoparse import geoparse, reported

    out = []
    for m in reported(geoparse(text, context=context)):
        j = _jurisdiction(m.jurisdiction_id)
        out.append(
            {"start": m.start, "end": m.end, "text": m.text, "id": j["id"], "name": j["name"],
             "kind": j["kind"], "state": j["state"], "lat": j["lat"], "lon": j["lon"],
             "confidence": m.confidence}
        )
    return out


def _context(value: object) -> GeoContext | None:
    """Read a JSONL line's optional ``"context": {"state": "DE", "place": "Smyrna"}``."""
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) - {"state", "place"} or not all(
            v is None or isinstance(v, str) for v in value.values()):
        raise TypeError('context must be an object with optional "state" and "place" strings')
    return GeoContext(state=value.get("state") or None, place=value.get("place") or None)


class _Bar:
    """A progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.on = err.isatty()

    def __call__(self, done: int, total: int) -> None:
        if self.on and total:
            filled = 30 * done // total
            self.err.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
            self.err.flush()

    def clear(self) -> None:
        if self.on:
            self.err.write("\r" + " " * 50 + "\r")
            self.err.flush()


def _import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from news.importing import Importer, UsageError, expand, summary

    try:
        items = expand(args.sources)
    except UsageError as exc:
        print(f"error: {exc}", file=err)
        return 2
    if args.articles.exists() and not args.articles.is_dir():
        print(f"error: {args.articles}: not a folder", file=err)
        return 2
    importer = Importer(args.articles, args.database)
    bar = _Bar(err)
    statuses = []
    try:
        for outcome in importer.run(items, bar):
            bar.clear()
            statuses.append(outcome.status)
            print(outcome.line, file=out, flush=True)
    except KeyboardInterrupt:
        bar.clear()
        print("interrupted: the articles imported so far are kept", file=err)
        return 1
    bar.clear()
    print(summary(statuses), file=out)
    return 1 if "failed" in statuses else 0


def main(
    argv: Sequence[str] | None = None,
    inp: TextIO | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run the command line.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments (default ``sys.argv[1:]``).
    inp, out, err : text streams, optional
        Default ``sys.stdin`` / ``sys.stdout`` / ``sys.stderr``.

    Returns
    -------
    int
        Exit status: 0, or 2 for unusable input; ``import``: 1 when an item failed.
    """
    inp = inp or sys.stdin
    out = out or sys.stdout
    err = err or sys.stderr
    parser = argparse.ArgumentParser(prog="python -m news", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build data/build/sanctuary.sqlite from the articles")
    b.add_argument("--articles", type=Path, default=ARTICLES_DIR)
    add_database_option(b)
    b.add_argument("--db", type=Path, help="a SQLite store file (same as --database sqlite:///PATH)")
    b.add_argument("--no-cache", action="store_true", help="re-extract every article")
    cluster = b.add_mutually_exclusive_group()
    cluster.add_argument(
        "--workers", type=int, metavar="N",
        help="extract on a local Dask cluster of N worker processes",
    )
    cluster.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="extract on the Dask cluster of this scheduler, e.g. tcp://host:8786",
    )
    b.add_argument(
        "--dashboard", metavar="HOST:PORT",
        help="with --workers: serve the local cluster's Dask dashboard there, e.g. "
        "127.0.0.1:8787 (default: none)",
    )
    e = sub.add_parser("export", help="print the extracted corpus as one JSON object")
    e.add_argument("--articles", type=Path, default=ARTICLES_DIR)
    add_database_option(e)
    i = sub.add_parser("import", help="import articles from URLs, feeds, exports and files")
    i.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="an article or feed URL, a CSV/TSV/JSONL export, a .html/.htm/.txt/.md/"
                   ".pdf/.docx file, or a folder of them")
    i.add_argument("--articles", type=Path, default=ARTICLES_DIR,
                   help="the articles folder (default data/articles/)")
    add_database_option(i)
    g = sub.add_parser("geoparse", help="print the US jurisdictions named in stdin as JSON")
    g.add_argument("--jsonl", action="store_true",
                   help='stdin: one {"id", "text", "context"?: {"state", "place"}} per line')
    args = parser.parse_args(argv)

    if args.command == "import":
        return _import(args, out, err)
    if args.command in ("build", "export") and not args.articles.is_dir():
        print(f"error: {args.articles}: not a folder of articles", file=err)
        return 2
    try:
        if args.command == "build":
            cache = None if args.no_cache else CACHE_PATH
            database = parse_database(args.db) if args.db else args.database
            if args.workers is not None and args.workers < 1:
                print(f"error: --workers must be at least 1, not {args.workers}", file=err)
                return 2
            if args.workers is None and args.scheduler is None:
                # A shared store derives every stored article, not only the folder's.
                shared = parse_database(database).postgres if database else False
                progress = Progress(None if shared else len(article_paths(args.articles)), err)
                report = build_store(
                    args.articles, cache_path=cache, database=database,
                    analyze=functools.partial(analyze_here, progress=progress),
                )
                progress.finish()
            else:
                from news.dask_build import build_store_on_dask

                try:
                    report = build_store_on_dask(
                        args.articles, workers=args.workers, scheduler=args.scheduler,
                        cache_path=cache, database=database, progress=err,
                        dashboard=args.dashboard,
                    )
                except (OSError, ValueError) as exc:
                    if args.scheduler is None:
                        raise
                    # distributed's error for an address it cannot reach or parse
                    print(f"error: Dask scheduler {args.scheduler}: {exc}", file=err)
                    return 2
            _report_errors(report.errors, err)
            print(
                f"built {report.path}: {report.articles} articles ({report.extracted} extracted,"
                f" {report.cached} from cache), {len(report.errors)} errors,"
                f" {report.seconds:.1f} s",
                file=out,
            )
            return 0
        if args.command == "export":
            doc, errors = export_json(args.articles, args.database)
            _report_errors(errors, err)
            json.dump(doc, out, ensure_ascii=False)
            out.write("\n")
            return 0
    except StoreUnavailable as error:
        print(f"error: {error}", file=err)
        return 1
    if args.jsonl:
        status = 0
        for n, line in enumerate(inp, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text = item["text"]
                if not isinstance(text, str):
                    raise TypeError("text is not a string")
                context = _context(item.get("context"))
            except (ValueError, KeyError, TypeError) as exc:
                print(f"error: line {n}: not a JSON object with a text string ({exc})", file=err)
                status = 2
                continue
            try:
                mentions = geoparse_json(text, context)
            except ValueError as exc:  # a context naming no US state
                print(f"error: line {n}: {exc}", file=err)
                status = 2
                continue
            json.dump({"id": item.get("id"), "mentions": mentions}, out, ensure_ascii=False)
            out.write("\n")
        return status
    json.dump(geoparse_json(inp.read()), out, ensure_ascii=False)
    out.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
