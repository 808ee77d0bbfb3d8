"""Articles to analyses: the corpus fingerprint, the extraction cache and the extraction.

The seam between extracting and writing: :func:`extract_article` is the pure function
``article -> analysis`` (what a distributed build runs on its workers);
:class:`ExtractionRun` yields ``(article, analysis)`` pairs of a folder, from the cache when it
can, and :mod:`news.store.write` writes them to the store. Per-article results are kept in
``data/build/extract_cache.sqlite`` keyed by the article file's hash and a fingerprint of the
extraction code and geo data, so a rebuild re-extracts only articles that changed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sqlite3
import stat
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from news.articles import (
    ARTICLES_DIR,
    REPO,
    Article,
    ArticleError,
    iter_articles,
)
from news.matching import QuoteIndex
from news.pipeline import ArticleAnalysis, Geoparser, analyze_text
from news.progress import Progress
from news.store.backend import CACHE_PATH, SCHEMA_VERSION

_log = logging.getLogger(__name__)


def corpus_hash(directory: Path | None = None) -> str:
    """Hash of every entry of the articles folder (names and bytes).

    Parameters
    ----------
    directory : Path, optional
        Defaults to ``data/articles/``.

    Returns
    -------
    str
        Hex sha256; changes whenever a file is added, removed or edited.
    """
    return scan_corpus(directory or ARTICLES_DIR).hash


# A file whose mtime or ctime is this close to the scan is hashed again next time rather than
# trusted from its stat: it may still be written to within the timestamp granularity.
_RACY_NS = 2_000_000_000

# (size, mtime_ns, ctime_ns, inode) of a file -> its sha256, as kept in ``file_hashes``.
KnownHashes = dict[str, tuple[int, int, int, int, str]]


@dataclass
class Scan:
    """The corpus hash of a folder, per entry, with the file hashes worth remembering."""

    parts: list[tuple[str, bytes]]  # (name, that entry's contribution to the hash), sorted
    fresh: list[tuple[str, int, int, int, int, str]]  # file_hashes rows hashed by this scan
    gone: list[str]  # file_hashes names that no longer hold
    kept: list[tuple[str, int, int, int, int, str]] = field(default_factory=list)  # still hold

    @property
    def hash(self) -> str:
        """The corpus hash (hex sha256)."""
        return hashlib.sha256(b"".join(part for _, part in self.parts)).hexdigest()

    def with_file(self, name: str, digest: bytes) -> Scan:
        """Return the scan as it would be with one more regular file (just written by us)."""
        return self.with_files([(name, digest)])

    def with_files(self, files: Iterable[tuple[str, bytes]]) -> Scan:
        """Return the scan as it would be with more regular files (``(name, sha256)``)."""
        added = {name: name.encode("utf-8", "surrogateescape") + b"\0" + digest + b"\n"
                 for name, digest in files}
        parts = sorted([*(p for p in self.parts if p[0] not in added), *added.items()])
        return Scan(parts, self.fresh, self.gone, self.kept)


def _entry_part(path: Path) -> bytes:
    """One folder entry's contribution to the corpus hash, read from disk."""
    part = path.name.encode("utf-8", "surrogateescape") + b"\0"
    try:
        if path.is_symlink():
            part += b"->" + os.readlink(path).encode("utf-8", "surrogateescape")
        if path.is_file():
            part += hashlib.sha256(path.read_bytes()).digest()
    except OSError as exc:
        part += f"unreadable {exc.errno}".encode()
    return part + b"\n"


def scan_corpus(directory: Path, known: KnownHashes | None = None) -> Scan:
    """Hash the folder as :func:`corpus_hash` does, trusting ``known`` for unchanged files.

    A regular file whose (size, mtime_ns, ctime_ns, inode) equals the remembered one is not read
    again. Accepted edge: a file rewritten with the same size within one timestamp tick of the
    filesystem, without a change of ctime or inode, and remembered before that rewrite, keeps
    its old hash. Files touched within ``_RACY_NS`` of a scan are never remembered, which
    leaves that edge to filesystems whose timestamps are coarser than two seconds.
    """
    known = known or {}
    parts: list[tuple[str, bytes]] = []
    fresh: list[tuple[str, int, int, int, int, str]] = []
    kept: list[tuple[str, int, int, int, int, str]] = []
    names: set[str] = set()
    racy_after = time.time_ns() - _RACY_NS
    # The entries of article_paths (hidden ones excepted), in its order: sorting the paths of
    # one folder sorts their names. os.scandir and plain strings: pathlib costs more than the
    # stat itself here.
    if not directory.is_dir():
        return Scan([], [], list(known), [])
    with os.scandir(directory) as it:
        entries = sorted((e.name, e.path) for e in it if not e.name.startswith("."))
    for name, fspath in entries:
        try:
            st = os.lstat(fspath)
        except OSError:
            st = None
        if st is None or not stat.S_ISREG(st.st_mode):
            parts.append((name, _entry_part(Path(fspath))))
            continue
        names.add(name)
        key = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        remembered = known.get(name)
        part = name.encode("utf-8", "surrogateescape") + b"\0"
        if remembered is not None and remembered[:4] == key:
            part += bytes.fromhex(remembered[4])
            kept.append((name, *remembered))
        else:
            try:
                with open(fspath, "rb") as fh:
                    digest = hashlib.sha256(fh.read()).digest()
            except OSError as exc:
                part += f"unreadable {exc.errno}".encode()
                names.discard(name)
            else:
                part += digest
                if max(st.st_mtime_ns, st.st_ctime_ns) < racy_after:
                    fresh.append((name, *key, digest.hex()))
                elif remembered is not None:
                    names.discard(name)  # its remembered hash is out of date: forget it
        parts.append((name, part + b"\n"))
    return Scan(parts, fresh, sorted(known.keys() - names), kept)


@cache
def code_fingerprint() -> str:
    """Hash of the extraction code and of the geo data it reads (keys the extraction cache)."""
    h = hashlib.sha256(SCHEMA_VERSION.encode())
    news_dir = Path(__file__).resolve().parent.parent
    geo_dir = REPO / "geo"
    for path in sorted([*news_dir.glob("*.py"), *geo_dir.glob("*.py")]):
        # news/store/ (how results are kept) is not extraction code, nor are the CLI and import.
        if path.name not in ("__main__.py", "importer.py"):
            h.update(path.name.encode() + path.read_bytes())
    data_geo = REPO / "data" / "geo"
    if data_geo.is_dir():
        for path in sorted(p for p in data_geo.rglob("*") if p.is_file()):
            st = path.stat()
            h.update(f"{path.relative_to(data_geo)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def norm_url(url: str) -> str:
    """Normalise a URL for duplicate refusal (scheme, www and trailing slash ignored)."""
    url = url.strip().lower()
    url = re.sub(r"^https?://(www\.)?", "", url)
    return url.rstrip("/")


class ExtractionCache:
    """Per-article extraction results keyed by file hash and code fingerprint."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=30)
            self._db.execute("CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, data TEXT)")

    def get(self, key: str) -> dict | None:
        """Return the cached result, or None."""
        if self._db is None:
            return None
        row = self._db.execute("SELECT data FROM cache WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put_many(self, items: Iterable[tuple[str, dict]]) -> None:
        """Store results."""
        if self._db is None:
            return
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO cache VALUES (?, ?)",
                ((k, json.dumps(v, separators=(",", ":"))) for k, v in items),
            )

    def prune(self, keep: set[str]) -> None:
        """Drop every result whose key is not in ``keep`` (articles edited or removed)."""
        if self._db is None:
            return
        with self._db:
            self._db.execute("CREATE TEMP TABLE keep (key TEXT PRIMARY KEY)")
            self._db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((k,) for k in keep))
            self._db.execute("DELETE FROM cache WHERE key NOT IN (SELECT key FROM keep)")
            self._db.execute("DROP TABLE keep")

    def close(self) -> None:
        """Close the cache file."""
        if self._db is not None:
            self._db.close()
            self._db = None


@dataclass
class Corpus:
    """Articles with their extraction, quote groups and load errors (in memory)."""

    articles: list[Article]
    analyses: dict[str, ArticleAnalysis]
    errors: list[ArticleError]
    groups: dict[str, str] = field(default_factory=dict)
    extracted: int = 0
    cached: int = 0


def extract_article(article: Article, geoparser: Geoparser | None = None) -> ArticleAnalysis:
    """Extract one article: the pure function ``article -> analysis`` a build runs per article.

    It reads nothing but the article and the (read-only) gazetteer and writes nothing, so it
    can run anywhere (another process, a cluster worker); its result depends only on the
    article's text and on :func:`code_fingerprint`.

    Parameters
    ----------
    article : Article
    geoparser : callable, optional
        Defaults to :func:`geo.geoparse.geoparse`.

    Returns
    -------
    ArticleAnalysis
    """
    return analyze_text(article.text, {"place": article.place}, geoparser=geoparser)


def extract_or_error(article: Article, geoparser: Geoparser | None = None) -> ArticleAnalysis | ArticleError:
    """Extract one article, or say why it could not be: what every build runs per article.

    A collection of thousands of unseen articles may hold one that the extraction code fails
    on; that article is then reported (and left out of the store's results, its file or row
    kept) while the build goes on with the others. The traceback is logged for a bug report.

    Parameters
    ----------
    article : Article
    geoparser : callable, optional
        Defaults to :func:`geo.geoparse.geoparse`.

    Returns
    -------
    ArticleAnalysis or ArticleError
        The error's reason begins with :data:`EXTRACTION_FAILED`.
    """
    try:
        return extract_article(article, geoparser)
    except Exception as exc:  # any bug on one text; Ctrl-C (not an Exception) still stops a build
        _log.exception("extraction failed on %s", article.path)
        return extraction_error(article, exc)


#: How the reason of an article whose extraction raised begins.
EXTRACTION_FAILED = "extraction failed"


def failure_detail(exc: BaseException) -> str:
    """Return an exception as one short line: its type and message, at most 200 characters."""
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())
    return detail if len(detail) <= 200 else detail[:199] + "…"


def extraction_error(article: Article, exc: BaseException) -> ArticleError:
    """Return the :class:`ArticleError` recorded for an article whose extraction raised ``exc``."""
    return ArticleError(
        str(article.path),
        f"{EXTRACTION_FAILED} ({failure_detail(exc)}); the article is kept but shows nothing"
        " until a build with fixed code extracts it (please report it with the file)",
    )


def cache_key(article: Article) -> str:
    """Key of an article's extraction in the cache: file hash and code fingerprint."""
    return f"{article.sha256}:{code_fingerprint()}"


#: Yields each article with its analysis, in input order, extracting those that come without
#: one (a cached result comes with its article): :func:`analyze_here`, or on a cluster
#: :class:`news.dask_build.DaskAnalyzer`. An article whose extraction raised comes with its
#: :class:`ArticleError` instead (:func:`extract_or_error`).
Analyzer = Callable[
    [Iterable[tuple[Article, ArticleAnalysis | None]]],
    Iterator[tuple[Article, ArticleAnalysis | ArticleError]],
]


def analyze_here(
    items: Iterable[tuple[Article, ArticleAnalysis | None]], geoparser: Geoparser | None = None,
    progress: Progress | None = None,
) -> Iterator[tuple[Article, ArticleAnalysis | ArticleError]]:
    """Extract in this process, one article at a time (the serial :data:`Analyzer`).

    Parameters
    ----------
    items : iterable of (Article, ArticleAnalysis or None)
    geoparser : callable, optional
        Defaults to :func:`geo.geoparse.geoparse`.
    progress : Progress, optional
        Told about every article handed back (cached or extracted).

    Yields
    ------
    (Article, ArticleAnalysis or ArticleError)
    """
    for a, r in items:
        result = r if r is not None else extract_or_error(a, geoparser)
        if progress is not None:
            progress.update(1)
        yield a, result


class ExtractionRun:
    """Articles of a folder with their extraction, in order, from the cache when possible.

    ``analyze`` extracts the others (default :func:`analyze_here`; a distributed executor keeps
    the order, so its results are matched to their cache keys in step). An article whose
    extraction failed is not yielded: its error joins ``errors`` and nothing is cached for it,
    so the next build tries it again.
    """

    def __init__(
        self, directory: Path, cache_path: Path | None, geoparser: Geoparser | None,
        analyze: Analyzer | None = None,
    ) -> None:
        self.directory = directory
        self.cache_path = cache_path
        self.geoparser = geoparser
        self.analyze: Analyzer = analyze or (lambda items: analyze_here(items, geoparser))
        self.errors: list[ArticleError] = []
        self.extracted = 0
        self.cached = 0
        self.keys: set[str] = set()

    def __iter__(self) -> Iterator[tuple[Article, ArticleAnalysis]]:
        cache_db = ExtractionCache(self.cache_path)
        # The cache key of each article handed to the analyzer, None when it came cached.
        pending: deque[str | None] = deque()

        def jobs() -> Iterator[tuple[Article, ArticleAnalysis | None]]:
            for item in iter_articles(self.directory):
                if isinstance(item, ArticleError):
                    self.errors.append(item)
                    continue
                key = cache_key(item)
                self.keys.add(key)
                data = cache_db.get(key)
                if data is not None:
                    self.cached += 1
                    pending.append(None)
                    yield item, ArticleAnalysis.from_json(data, item.text)
                else:
                    pending.append(key)
                    yield item, None

        new: list[tuple[str, dict]] = []
        try:
            for a, r in self.analyze(jobs()):
                key = pending.popleft()
                if isinstance(r, ArticleError):
                    self.errors.append(r)
                    continue
                if key is not None:
                    self.extracted += 1
                    new.append((key, r.to_json()))
                    if len(new) >= 500:
                        cache_db.put_many(new)
                        new = []
                yield a, r
            cache_db.put_many(new)
        finally:
            cache_db.close()


def extract_corpus(
    directory: Path | None = None,
    *,
    cache_path: Path | None = CACHE_PATH,
    geoparser: Geoparser | None = None,
) -> Corpus:
    """Load and extract every article of a folder into memory, reusing cached results.

    Parameters
    ----------
    directory : Path, optional
        The articles folder; defaults to ``data/articles/``.
    cache_path : Path or None
        The extraction cache; None disables it.
    geoparser : callable, optional
        Defaults to :func:`geo.geoparse.geoparse`.

    Returns
    -------
    Corpus
    """
    run = ExtractionRun(directory or ARTICLES_DIR, cache_path, geoparser)
    articles: list[Article] = []
    analyses: dict[str, ArticleAnalysis] = {}
    index = QuoteIndex()
    for a, r in run:
        articles.append(a)
        analyses[a.id] = r
        for n, hit in enumerate(r.quotes):
            index.add(quote_id(a.id, n), hit.quote.text)
    return Corpus(articles, analyses, run.errors, index.groups(), run.extracted, run.cached)


def quote_id(article: str, n: int) -> str:
    """Id of an article's n-th quote."""
    return f"{article}:q{n}"


def excerpt_id(article: str, n: int) -> str:
    """Id of an article's n-th excerpt."""
    return f"{article}:e{n}"


def mention_id(article: str, n: int) -> str:
    """Id of an article's n-th mention."""
    return f"{article}:m{n}"

