"""Building the store from a folder of articles, and adding one article to it.

On SQLite a build is written to a temporary file and renamed into place, so a failed build
never leaves a half store; :func:`add_article` writes the article's file, extracts only the new
article and updates the store in one transaction. The shared PostgreSQL store is written by
:mod:`news.store.shared` with the same row writers (:func:`_article_rows`, :func:`_add_rows`);
the public functions here take ``database=`` and dispatch.

The seam between extraction and writing: :class:`ExtractionRun` (or any other source of
``(article, analysis)`` pairs, e.g. a distributed executor) yields analyses in article order;
:func:`write_analyses` writes such pairs into an open store, in batches, with the quote groups
of the whole corpus.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

from news.articles import (
    ARTICLES_DIR,
    Article,
    ArticleError,
    ArticleRejected,
    parse_article,
    render_article,
    text_hash,
)
from news.matching import QuoteIndex, _shingles, keys
from news.pipeline import ArticleAnalysis, Geoparser, kind_of
from news.store.backend import (
    CACHE_PATH,
    DB_PATH,
    REQUIRED_OBJECTS,
    SCHEMA,
    SCHEMA_VERSION,
    Connection,
    Database,
    parse_database,
)
from news.store.corpus import (
    Analyzer,
    ExtractionCache,
    ExtractionRun,
    KnownHashes,
    Scan,
    cache_key,
    code_fingerprint,
    excerpt_id,
    extract_or_error,
    mention_id,
    norm_url,
    quote_id,
    scan_corpus,
)

_T = TypeVar("_T")

try:
    import fcntl
except ImportError:  # not POSIX: saves are not serialized across processes there
    fcntl = None  # type: ignore[assignment]


def _jurisdiction_row(jid: str) -> tuple:
    """Return the jurisdictions-table row of an id, from the gazetteer."""
    from geo import JurisdictionNotFound, load_gazetteer

    try:
        j = load_gazetteer().get(jid)
    except JurisdictionNotFound:
        # The geoparser returned an id the gazetteer does not know: keep it visible.
        return (jid, jid, jid, kind_of(jid), None, None, "[]", None, None)
    return (
        j.id, j.name, j.display_name, j.kind, j.state, j.state_abbr,
        json.dumps(list(j.parents)), j.lat, j.lon,
    )


def _article_row(a: Article) -> tuple[object, ...]:
    """Return the articles-table row of an article."""
    return (
        a.id, a.title, a.outlet, a.published, a.date_precision, a.url, a.author, a.notes,
        a.text, a.path, json.dumps([list(c) for c in a.captions]),
        json.dumps(list(a.stripped), ensure_ascii=False), a.sha256, text_hash(a.text),
    )


ARTICLE_INSERT = "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"


def _article_rows(
    conn: Connection, a: Article, r: ArticleAnalysis, groups: dict[str, str]
) -> set[str]:
    """Insert one article and its extraction; returns the jurisdiction ids it refers to."""
    conn.execute(ARTICLE_INSERT, _article_row(a))
    return _derived_rows(conn, a, r, groups)


def _derived_rows(
    conn: Connection, a: Article, r: ArticleAnalysis, groups: dict[str, str]
) -> set[str]:
    """Insert what was extracted from a stored article; return the jurisdictions it refers to.

    ``groups`` maps quote ids to their group (a quote missing from it is its own group).
    """
    conn.executemany(
        "INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?)",
        (
            (mention_id(a.id, n), a.id, m.jurisdiction, m.start, m.end, m.text, m.method,
             m.confidence)
            for n, m in enumerate(r.mentions)
        ),
    )
    conn.executemany(
        "INSERT INTO article_jurisdictions VALUES (?,?,?,?)",
        ((a.id, j, role, n) for j, role, n in r.roles),
    )
    ids = {m.jurisdiction for m in r.mentions}
    # One statement per table, not per excerpt: each call costs more than its row.
    eids = [excerpt_id(a.id, n) for n in range(len(r.excerpts))]
    conn.executemany(
        "INSERT INTO excerpts VALUES (?,?,?,?,?,?,?,?)",
        (
            (eid, a.id, e.start, e.end, e.text, json.dumps(list(e.categories)), e.speaker,
             json.dumps([f.as_dict() for f in e.figures]))
            for eid, e in zip(eids, r.excerpts, strict=True)
        ),
    )
    if not conn.postgres:  # PostgreSQL indexes excerpts.text itself (a generated tsvector)
        for table in ("excerpts_fts", "excerpts_words"):
            conn.executemany(
                f"INSERT INTO {table} (text, excerpt) VALUES (?, ?)",
                ((e.text, eid) for eid, e in zip(eids, r.excerpts, strict=True)),
            )
    conn.executemany(
        "INSERT INTO excerpt_jurisdictions VALUES (?,?,?,?)",
        (
            (eid, j, how, rank)
            for eid, e in zip(eids, r.excerpts, strict=True)
            for rank, (j, how) in enumerate(e.jurisdictions)
        ),
    )
    for e in r.excerpts:
        ids.update(j for j, _ in e.jurisdictions)
    conn.executemany(
        "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            (
                quote_id(a.id, n), a.id, excerpt_id(a.id, q.excerpt), q.quote.start,
                q.quote.end, q.quote.text, q.quote.speaker, q.quote.speaker_start,
                q.quote.speaker_end, groups.get(quote_id(a.id, n), quote_id(a.id, n)),
            )
            for n, q in enumerate(r.quotes)
        ),
    )
    if a.url:
        # Unique on PostgreSQL: of two stored articles with one URL (a build does not refuse
        # them, a save does), the first keeps the key.
        conn.execute(
            "INSERT INTO url_keys VALUES (?, ?) ON CONFLICT DO NOTHING", (norm_url(a.url), a.id)
        )
    conn.executemany(
        "INSERT INTO quote_shingles VALUES (?, ?) ON CONFLICT DO NOTHING",
        (
            (h, quote_id(a.id, n))
            for n, q in enumerate(r.quotes)
            for h in _shingle_hashes(q.quote.text)
        ),
    )
    return ids


def _shingle_hashes(text: str) -> set[int]:
    """Signed 64-bit hashes of a quote's word 4-grams (as :class:`QuoteIndex` indexes them)."""
    return {
        int.from_bytes(
            hashlib.blake2b("\0".join(sh).encode("utf-8", "surrogatepass"), digest_size=8).digest(),
            "big",
            signed=True,
        )
        for sh in _shingles(keys(text))
    }


def _insert_jurisdictions(conn: Connection, ids: Iterable[str]) -> None:
    wanted = sorted(set(ids))
    have: set[str] = set()
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        have.update(
            row[0]
            for row in conn.execute(
                f"SELECT id FROM jurisdictions WHERE id IN ({','.join('?' * len(chunk))})", chunk
            )
        )
    rows = [_jurisdiction_row(j) for j in wanted if j not in have]
    conn.executemany("INSERT INTO jurisdictions VALUES (?,?,?,?,?,?,?,?,?)", rows)


def _remember_hashes(conn: Connection, scan: Scan) -> None:
    """Keep the file hashes of a scan in the store, for the next scan."""
    conn.executemany("DELETE FROM file_hashes WHERE name = ?", ((n,) for n in scan.gone))
    conn.executemany("INSERT OR REPLACE INTO file_hashes VALUES (?,?,?,?,?,?)", scan.fresh)


def _set_meta(conn: Connection, chash: str) -> None:
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [
            ("corpus_hash", chash),
            ("schema_version", SCHEMA_VERSION),
            ("built_at", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
            ("code_fingerprint", code_fingerprint()),
        ],
    )


@dataclass(frozen=True)
class BuildReport:
    """What a build did (``path``: the SQLite file, or the shared store's URL as a Path)."""

    path: Path | str
    articles: int
    errors: tuple[ArticleError, ...]
    extracted: int
    cached: int
    seconds: float


def build_store(
    directory: Path | None = None,
    db_path: Path | None = None,
    *,
    cache_path: Path | None = CACHE_PATH,
    geoparser: Geoparser | None = None,
    database: str | Database | None = None,
    analyze: Analyzer | None = None,
) -> BuildReport:
    """Build the store from an articles folder, atomically.

    SQLite: the store becomes exactly the folder's articles. PostgreSQL (the store holds the
    articles): the folder's articles are imported (new ones added, edited ones replaced,
    stored ones kept) and every result is derived again from the stored articles, in one
    transaction; results made by the current code are reused from the store.

    An article the extraction code fails on does not stop the build: it is reported in the
    report's ``errors`` and the store's load errors, and has no results (its file, or its row
    in a shared store, is kept, and the next build tries it again). A failure of the build
    itself (Ctrl-C, a full disk, a cluster that loses a task) leaves the previous store.

    Parameters
    ----------
    directory : Path, optional
        Defaults to ``data/articles/``.
    db_path : Path, optional
        The SQLite file; defaults to ``data/build/sanctuary.sqlite``.
    cache_path : Path or None
        Extraction cache (None: extract everything; SQLite only, a shared store keeps its
        extractions itself).
    geoparser : callable, optional
        Defaults to :func:`geo.geoparse.geoparse`.
    database : str or Database, optional
        ``sqlite:///path`` or ``postgresql://...``; overrides ``db_path``.
    analyze : callable, optional
        Extracts the articles without a current result, keeping their order (an
        :data:`~news.store.corpus.Analyzer`, e.g. :class:`news.dask_build.DaskAnalyzer`);
        default: one by one in this process.

    Returns
    -------
    BuildReport
    """
    t0 = time.perf_counter()
    directory = directory or ARTICLES_DIR
    if database is not None:
        db = parse_database(database)
        if db.postgres:
            from news.store.shared import build_shared

            return build_shared(db, directory, geoparser=geoparser, use_cache=cache_path is not None,
                                analyze=analyze)
        db_path = db.path
    db_path = db_path or DB_PATH
    scan = scan_corpus(directory, _stored_state(db_path)[1])
    chash = scan.hash
    run = ExtractionRun(directory, cache_path, geoparser, analyze)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=db_path.parent, prefix=".build-", suffix=".sqlite")
    os.close(fd)
    tmp = Path(tmp_name)
    n_articles = 0
    try:
        raw = sqlite3.connect(tmp)
        try:
            raw.execute("PRAGMA journal_mode = OFF")
            raw.execute("PRAGMA synchronous = OFF")
            raw.executescript(SCHEMA)
            conn = Connection(raw, postgres=False)
            with raw:
                n_articles = write_analyses(conn, run, insert_articles=True)
                conn.executemany(
                    "INSERT INTO load_errors VALUES (?, ?)",
                    ((e.path, e.reason) for e in run.errors),
                )
                conn.executemany(
                    "INSERT INTO file_hashes VALUES (?,?,?,?,?,?)",
                    scan.kept + scan.fresh,
                )
                _set_meta(conn, chash)
        finally:
            raw.close()
        os.replace(tmp, db_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    cache_db = ExtractionCache(cache_path)
    try:
        cache_db.prune(run.keys)  # the cache holds this folder's current articles only
    finally:
        cache_db.close()
    return BuildReport(
        db_path, n_articles, tuple(run.errors), run.extracted, run.cached,
        time.perf_counter() - t0,
    )


def write_analyses(
    conn: Connection,
    analyses: Iterable[tuple[Article, ArticleAnalysis]],
    *,
    insert_articles: bool,
) -> int:
    """Write articles' analyses into an empty store (derived tables), with their quote groups.

    The writing half of a build: ``analyses`` may come from :class:`ExtractionRun` (serial,
    cached) or from any executor that yields ``(article, analysis)`` pairs in article order.
    Rows are written as pairs arrive, so memory stays flat; quote groups need every quote and
    are set at the end, then the jurisdictions table.

    Parameters
    ----------
    conn : Connection
        An open transaction on a store whose derived tables are empty.
    analyses : iterable of (Article, ArticleAnalysis)
    insert_articles : bool
        Also insert the articles' rows (SQLite); False when the store holds them already
        (PostgreSQL).

    Returns
    -------
    int
        The number of articles written.
    """
    ids: set[str] = set()
    index = QuoteIndex()
    n_articles = 0
    for a, r in analyses:
        n_articles += 1
        if insert_articles:
            ids |= _article_rows(conn, a, r, {})
        else:
            ids |= _derived_rows(conn, a, r, {})
        for n, hit in enumerate(r.quotes):
            index.add(quote_id(a.id, n), hit.quote.text)
    conn.executemany(
        "UPDATE quotes SET group_id = ? WHERE id = ?",
        ((g, q) for q, g in index.groups().items() if g != q),
    )
    _insert_jurisdictions(conn, ids)
    return n_articles


def _stored_state(db_path: Path, *, hashes: bool = True) -> tuple[str | None, KnownHashes]:
    """Return the corpus hash a store was built for (None: missing, old) and its file hashes."""
    if not db_path.is_file():
        return None, {}
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as conn:
            rows = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            have = {
                r[0]
                for r in conn.execute(
                    f"SELECT name FROM sqlite_master WHERE name IN ({','.join('?' * len(REQUIRED_OBJECTS))})",
                    REQUIRED_OBJECTS,
                )
            }
            known: KnownHashes = {}
            if hashes and "file_hashes" in have:
                known = {
                    r[0]: r[1:]
                    for r in conn.execute(
                        "SELECT name, size, mtime_ns, ctime_ns, ino, sha256 FROM file_hashes"
                    )
                }
    except sqlite3.Error:
        return None, {}
    if rows.get("schema_version") != SCHEMA_VERSION:
        return None, known
    if rows.get("code_fingerprint") != code_fingerprint():
        return None, known
    if len(have) != len(REQUIRED_OBJECTS):
        return None, known
    return rows.get("corpus_hash"), known


def _stored_hash(db_path: Path) -> str | None:
    return _stored_state(db_path, hashes=False)[0]


def ensure_store(
    directory: Path | None = None,
    db_path: Path | None = None,
    *,
    cache_path: Path | None = CACHE_PATH,
    geoparser: Geoparser | None = None,
) -> Path:
    """Build the SQLite store if it is missing or stale; return its path.

    Parameters
    ----------
    directory, db_path, cache_path, geoparser
        As for :func:`build_store`.

    Returns
    -------
    Path
    """
    directory = directory or ARTICLES_DIR
    db_path = db_path or DB_PATH
    stored, known = _stored_state(db_path)
    if stored != scan_corpus(directory, known).hash:
        build_store(directory, db_path, cache_path=cache_path, geoparser=geoparser)
    return db_path


def ensure_database(
    database: str | Database | None = None,
    directory: Path | None = None,
    *,
    cache_path: Path | None = CACHE_PATH,
    geoparser: Geoparser | None = None,
) -> Database:
    """Bring a store of either backend up to date; return where it is.

    SQLite: as :func:`ensure_store` (rebuilt when the folder changed). PostgreSQL: the schema
    is created if missing, the folder's articles are imported into a store that holds none yet
    (so the seeds load on first use), and results made by other code are recomputed from the
    stored articles.

    Parameters
    ----------
    database : str or Database, optional
        Default: the SQLite store ``data/build/sanctuary.sqlite``.
    directory, cache_path, geoparser
        As for :func:`build_store`.

    Returns
    -------
    Database
    """
    db = parse_database(database)
    if db.postgres:
        from news.store.shared import ensure_shared

        ensure_shared(db, directory or ARTICLES_DIR, geoparser=geoparser)
        return db
    assert db.path is not None
    ensure_store(directory, db.path, cache_path=cache_path, geoparser=geoparser)
    return db


# --------------------------------------------------------------------------- adding


def slugify(text: str, limit: int = 60) -> str:
    """Make an ASCII, lower-case, hyphenated slug: "Ramped-Up ICE" -> "ramped-up-ice"."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    slug = slug[:limit].rstrip("-") or "article"
    # "con.md", "nul.md", "com1.md" cannot be checked out on Windows.
    if re.fullmatch(r"con|prn|aux|nul|com\d|lpt\d", slug):
        slug += "-article"
    return slug


def _write_temp(directory: Path, content: bytes) -> Path:
    """Write ``content`` to a hidden temporary file of ``directory``, synced to disk."""
    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=".add-", suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _write_new_files(directory: Path, files: Sequence[tuple[str, bytes]]) -> list[Path]:
    """Write each ``(stem, content)`` as a new file ``<stem>[-n].md``, whole, never overwriting.

    The contents are synced from a few threads at once: the filesystem commits concurrent
    fsyncs together (64 files: 8 ms each one after the other, under 1 ms each this way).
    Returns the files' paths in order; on an error, the files written so far are removed.
    """
    directory = directory.resolve()
    temps: list[Path] = []
    written: list[Path] = []
    try:
        with ThreadPoolExecutor(min(8, max(1, len(files)))) as pool:
            futures = [pool.submit(_write_temp, directory, content) for _, content in files]
        # every one done: keep them all, so that none is left behind if one failed
        temps = [f.result() for f in futures if f.exception() is None]
        for future in futures:
            future.result()  # raises the first error
        for (stem, _), tmp in zip(files, temps, strict=True):
            written.append(_link_new(directory, stem, tmp))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
    return written


def _link_new(directory: Path, stem: str, tmp: Path) -> Path:
    """Give a written temporary file the name ``<stem>[-n].md``, the first one free."""
    for n in range(1, 1000):
        target = directory / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
        if target.resolve().parent != directory:
            raise ValueError(f"refusing to write outside {directory}: {target}")
        try:
            os.link(tmp, target)  # fails if the target exists: never overwrite
        except FileExistsError:
            continue
        return target
    raise FileExistsError(f"no free file name for {stem!r} in {directory}")


def _one_save_at_a_time(fn: Callable[..., _T]) -> Callable[..., _T]:
    """Run a save under an exclusive lock file next to the store, across processes.

    Without it two saves of one text at the same moment both pass the duplicate check, and a
    save that rebuilds a stale store races the others' incremental updates.
    """

    @wraps(fn)
    def locked(*args: Any, **kwargs: Any) -> _T:
        db_path = Path(kwargs.get("db_path") or DB_PATH)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        with open(db_path.with_name(db_path.name + ".lock"), "a+b") as lock:
            if fcntl is not None:
                fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
            return fn(*args, **kwargs)

    return locked


@dataclass(frozen=True)
class NewArticle:
    """One article to add: the fields of :func:`add_article`."""

    text: str
    title: str
    outlet: str
    published: str = ""
    url: str = ""
    author: str = ""
    notes: str = ""
    source: dict[str, str] | None = None

    def meta(self) -> dict[str, str]:
        """Return the front matter (fields stripped; the ``source:`` block when given)."""
        meta = {
            "title": self.title.strip(), "outlet": self.outlet.strip(),
            "published": self.published.strip(), "url": self.url.strip(),
            "author": self.author.strip(), "notes": self.notes.strip(),
        }
        if self.source:
            meta["source"] = dict(self.source)  # type: ignore[assignment]
        return meta


@dataclass(frozen=True)
class Added:
    """What became of one article of :func:`add_articles`.

    Attributes
    ----------
    id : str
        The stored article's id (its file stem on SQLite); ``""`` when refused.
    error : ArticleError or None
        Why it was refused.
    duplicate_of : str
        The stored article (or the earlier one of the same batch) with its text or URL, when
        that is why it was refused.
    """

    id: str = ""
    error: ArticleError | None = None
    duplicate_of: str = ""


def add_article(
    text: str,
    *,
    title: str,
    outlet: str,
    published: str = "",
    url: str = "",
    author: str = "",
    notes: str = "",
    source: dict[str, str] | None = None,
    directory: Path | None = None,
    db_path: Path | None = None,
    cache_path: Path | None = CACHE_PATH,
    geoparser: Geoparser | None = None,
    database: str | Database | None = None,
) -> str:
    """Validate and add one article: store it, extract it, update the store in one go.

    :func:`add_articles` with one article. Only the new article is extracted. SQLite: its file
    is written into the articles folder and the store updated in a single transaction; if that
    fails the new file is removed again, and a store that was already stale is rebuilt
    (reusing the extraction cache) after the file is written. PostgreSQL: the article, its
    extraction and its results are stored in one transaction (all or nothing); no file is
    written.

    Parameters
    ----------
    text : str
        The article body.
    title, outlet : str
        Required.
    published : str
        ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or empty.
    url, author, notes : str
        Optional.
    source : dict, optional
        Where the article came from (``origin``, ``fetched_at``, ``extractor``), kept as the
        front matter's ``source:`` block.
    directory, db_path, cache_path, geoparser, database
        As for :func:`build_store`.

    Returns
    -------
    str
        The new article's id (its file stem on SQLite).

    Raises
    ------
    ArticleRejected
        Invalid fields, an empty or too big text, a duplicate (same text or same URL as a
        stored article), or a text the extraction code fails on; the carried
        :class:`ArticleError` says which.
    StoreUnavailable
        The shared store cannot be reached (nothing was stored).
    """
    (done,) = add_articles(
        [NewArticle(text, title, outlet, published, url, author, notes, source)],
        directory=directory, db_path=db_path, cache_path=cache_path, geoparser=geoparser,
        database=database,
    )
    if done.error is not None:
        raise ArticleRejected(done.error, done.duplicate_of)
    return done.id


def add_articles(
    articles: Sequence[NewArticle],
    *,
    directory: Path | None = None,
    db_path: Path | None = None,
    cache_path: Path | None = CACHE_PATH,
    geoparser: Geoparser | None = None,
    database: str | Database | None = None,
) -> list[Added]:
    """Validate and add several articles, updating the store once for all of them.

    What a bulk import pays once per batch rather than once per article: the folder's scan,
    the extraction cache's commit and one store transaction (with its fsync). Each article is
    still refused on its own (invalid, the same text or URL as a stored article or as an
    earlier one of the batch, or one the extraction code fails on). SQLite: the accepted
    articles' files are written (each whole, never overwriting), then the store is updated
    in one transaction; if that fails, the batch's files are removed again. A killed process
    leaves whole files and the store as it was: it is stale then, and the next save or
    ``ensure_store`` rebuilds it with them.
    PostgreSQL: the batch is stored in one transaction (all or nothing); no file is written.

    Parameters
    ----------
    articles : sequence of NewArticle
    directory, db_path, cache_path, geoparser, database
        As for :func:`build_store`.

    Returns
    -------
    list of Added
        One per article, in order.

    Raises
    ------
    StoreUnavailable
        The shared store cannot be reached (nothing was stored).
    """
    new = [(a.meta(), a.text) for a in articles]
    if database is not None:
        db = parse_database(database)
        if db.postgres:
            from news.store.shared import add_shared_many

            return add_shared_many(db, new, geoparser=geoparser)
        db_path = db.path
    if not new:
        return []
    return _add_article_files(new, directory=directory, db_path=db_path,
                              cache_path=cache_path, geoparser=geoparser)


def article_stem(meta: dict[str, str]) -> str:
    """Return the id (file stem) a new article gets, before any ``-2`` suffix."""
    return slugify(f"{meta['published']} {meta['outlet']} {meta['title']}", 80)


def _dedupe_keys(a: Article) -> list[str]:
    """Return the keys two articles of one batch are duplicates by (text; URL when given)."""
    return [text_hash(a.text)] + ([f"url:{norm_url(a.url)}"] if a.url else [])


@_one_save_at_a_time
def _add_article_files(
    new: Sequence[tuple[dict[str, str], str]],
    *,
    directory: Path | None,
    db_path: Path | None,
    cache_path: Path | None,
    geoparser: Geoparser | None,
) -> list[Added]:
    directory = (directory or ARTICLES_DIR).resolve()
    db_path = db_path or DB_PATH
    done: list[Added] = [Added()] * len(new)
    candidates: list[tuple[int, bytes, Article]] = []
    for i, (meta, text) in enumerate(new):
        stem = article_stem(meta)
        content = render_article(meta, text).encode("utf-8")
        try:
            candidates.append((i, content, parse_article(content, directory / f"{stem}.md", stem)))
        except ArticleRejected as rejected:
            done[i] = Added(error=rejected.error)
    if not candidates:
        return done
    # One pass over the folder for the batch: a stat per file, files read only when their
    # stat changed.
    stored, known = _stored_state(db_path)
    scan = scan_corpus(directory, known)
    hash_before = scan.hash
    if stored != hash_before:
        build_store(directory, db_path, cache_path=cache_path, geoparser=geoparser)
    accepted: list[tuple[int, bytes, Article]] = []
    earlier: dict[int, tuple[int, str]] = {}  # a batch duplicate -> its first, its path
    seen: dict[str, int] = {}
    with contextlib.closing(sqlite3.connect(db_path, timeout=30)) as raw:
        conn = Connection(raw, postgres=False)
        for i, content, candidate in candidates:
            keys = _dedupe_keys(candidate)
            first = next((seen[k] for k in keys if k in seen), None)
            if first is not None:
                earlier[i] = (first, candidate.path)
                continue
            try:
                _refuse_duplicates(conn, candidate, "")
            except ArticleRejected as rejected:
                done[i] = Added(error=rejected.error, duplicate_of=rejected.duplicate_of)
                continue
            seen.update(dict.fromkeys(keys, i))
            accepted.append((i, content, candidate))
    analyses: list[ArticleAnalysis] = []
    extracted: list[tuple[int, bytes, Article]] = []
    for i, content, candidate in accepted:
        analysis = extract_or_error(candidate, geoparser)
        if isinstance(analysis, ArticleError):
            done[i] = Added(error=analysis)  # refused: nothing of it is written
            continue
        extracted.append((i, content, candidate))
        analyses.append(analysis)
    accepted = extracted
    # Someone else may have changed the folder meanwhile: then rebuild rather than patch.
    stale_before = _stored_hash(db_path) != hash_before
    written: list[tuple[int, Path, Article]] = []
    try:
        paths = _write_new_files(directory, [(c.id, content) for _, content, c in accepted])
        for (i, content, _), path in zip(accepted, paths, strict=True):
            written.append((i, path, parse_article(content, path, path.stem)))
        cache_db = ExtractionCache(cache_path)
        try:
            cache_db.put_many((cache_key(article), analysis.to_json())
                              for (_, _, article), analysis in zip(written, analyses, strict=True))
        finally:
            cache_db.close()
        if stale_before:
            report = build_store(directory, db_path, cache_path=cache_path, geoparser=geoparser)
            # e.g. the same text saved at the same moment by another process: refused there
            refused = {Path(e.path): e for e in report.errors}
            for i, path, _ in written:
                if path in refused:
                    path.unlink(missing_ok=True)
                    done[i] = Added(error=refused[path])
        else:
            # The folder as scanned plus our files: a file changed by hand meanwhile is not
            # counted as stored, so the next ensure_store sees it and rebuilds.
            after = scan.with_files(
                [(path.name, bytes.fromhex(article.sha256)) for _, path, article in written])
            _add_to_store(db_path, [(article, analysis) for (_, _, article), analysis
                                    in zip(written, analyses, strict=True)], after.hash, after)
    except BaseException:
        for _, path, _ in written:
            path.unlink(missing_ok=True)
        raise
    for i, _, article in written:
        if done[i].error is None:
            done[i] = Added(id=article.id)
    for i, (first, where) in earlier.items():
        of = done[first].id or done[first].duplicate_of
        if not of:  # the first was refused itself (its extraction failed)
            done[i] = Added(error=ArticleError(
                where, "same text or URL as an earlier article of this batch, which was refused"))
            continue
        done[i] = Added(error=ArticleError(where, f"same text or URL as article {of!r}"),
                        duplicate_of=of)
    return done


@dataclass(frozen=True)
class StoredKeys:
    """What a store refuses as duplicates: its articles by URL key and by text hash."""

    urls: dict[str, str]  # norm_url(url) -> article id
    texts: dict[str, str]  # text_hash(text) -> article id

    def of(self, *, url: str = "", text: str | None = None) -> str:
        """Return the stored article with this URL or text (``""``: none)."""
        found = self.urls.get(norm_url(url), "") if url else ""
        if not found and text is not None:
            found = self.texts.get(text_hash(text), "")
        return found


def stored_keys(database: str | Database | None = None) -> StoredKeys:
    """Read a store's URL keys and text hashes, to skip what it would refuse before fetching.

    On a shared store other servers add articles too, so a folder's files do not tell what it
    holds. A store that does not exist yet knows nothing.

    Parameters
    ----------
    database : str or Database, optional
        Default: the SQLite store ``data/build/sanctuary.sqlite``.

    Returns
    -------
    StoredKeys

    Raises
    ------
    StoreUnavailable
        The shared store cannot be reached.
    """
    from news.store.backend import read_connection

    db = parse_database(database)
    missing: tuple[type[BaseException], ...] = (FileNotFoundError, sqlite3.Error)
    if db.postgres:
        import psycopg

        missing += (psycopg.errors.UndefinedTable,)
    try:
        with read_connection(db) as conn:
            urls = {str(k): str(a) for k, a in conn.execute("SELECT key, article FROM url_keys")}
            first = "" if conn.postgres else " ORDER BY rowid DESC"  # the first stored wins
            texts = {str(h): str(a) for h, a in
                     conn.execute(f"SELECT text_hash, id FROM articles{first}")}
    except missing:
        return StoredKeys({}, {})
    return StoredKeys(urls, texts)


def _find_duplicate(conn: Connection, a: Article) -> tuple[str, str] | None:
    """Return the stored article with ``a``'s text or URL (both indexed), with the reason."""
    # Unique on PostgreSQL; on SQLite the first stored wins.
    first = "" if conn.postgres else " ORDER BY rowid"
    dup = conn.execute(
        f"SELECT id FROM articles WHERE text_hash = ?{first} LIMIT 1", (text_hash(a.text),)
    ).fetchone()
    if dup:
        return str(dup[0]), f"same text as article {dup[0]!r}"
    if a.url:
        other = conn.execute(
            "SELECT a.id, a.url FROM url_keys k JOIN articles a ON a.id = k.article"
            f" WHERE k.key = ?{first.replace('rowid', 'a.rowid')} LIMIT 1",
            (norm_url(a.url),),
        ).fetchone()
        if other:
            return str(other[0]), f"same URL as article {other[0]!r}: {other[1]}"
    return None


def _refuse_duplicates(conn: Connection, a: Article, own_id: str) -> bool:
    """Raise ArticleRejected if a stored article has ``a``'s text or URL (both indexed).

    Returns True when the stored article with that text is ``own_id`` itself.
    """
    found = _find_duplicate(conn, a)
    if found is None:
        return False
    dup_id, reason = found
    if dup_id == own_id and reason.startswith("same text"):
        return True
    raise ArticleRejected(ArticleError(a.path, reason), dup_id)


def _add_to_store(
    db_path: Path, added: Sequence[tuple[Article, ArticleAnalysis]], chash: str,
    scan: Scan | None = None,
) -> None:
    raw = sqlite3.connect(db_path, timeout=30, isolation_level=None)
    conn = Connection(raw, postgres=False)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for a, r in added:
                # Checked again under the write lock: two saves of one text at the same moment
                # both pass add_article's early check. A concurrent save that rebuilt the store
                # may already hold this very file: then there is nothing left to add for it.
                if not _refuse_duplicates(conn, a, a.id):
                    _add_rows(conn, a, r)
            if scan is not None:
                _remember_hashes(conn, scan)
            _set_meta(conn, chash)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        raw.close()


def _add_rows(
    conn: Connection, a: Article, r: ArticleAnalysis, *, article_inserted: bool = False
) -> None:
    """Insert one new article and its results into a built store, joining its quote groups.

    Runs inside the caller's write transaction, after the duplicate checks
    (``article_inserted``: the article's own row is there already).
    """
    groups: dict[str, str] = {}
    renumber: dict[str, str] = {}
    if r.quotes:  # only quotes need the corpus's other quotes
        # The stored quotes sharing a 4-gram with a new one, in store order, are all a
        # QuoteIndex of every stored quote would compare the new ones with: the same
        # groups come out. (A hash collision only adds a quote that matches nothing.)
        # Store order: insertion order on SQLite; article then position on PostgreSQL, the
        # order a build writes them in.
        order = "0" if conn.postgres else "q.rowid"
        index = QuoteIndex()
        old_groups: set[str] = set()
        hashes = sorted(set().union(*(_shingle_hashes(h.quote.text) for h in r.quotes)))
        candidates: dict[str, tuple[int, str, int, str, str]] = {}
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            for rowid, qid, article, start, qtext, gid in conn.execute(
                f"SELECT {order}, q.id, q.article, q.start, q.text, q.group_id"
                " FROM quote_shingles s JOIN quotes q ON q.id = s.quote"
                f" WHERE s.shingle IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                candidates[qid] = (rowid, article, start, qtext, gid)
        for qid, (*_, qtext, gid) in sorted(candidates.items(), key=lambda kv: kv[1][:3]):
            index.add(qid, qtext, gid)
            old_groups.add(gid)
        for n, hit in enumerate(r.quotes):
            index.add(quote_id(a.id, n), hit.quote.text)
        groups = {
            quote_id(a.id, n): index.group_of(quote_id(a.id, n))
            for n in range(len(r.quotes))
        }
        # A new quote can join two groups into one: every quote of a merged group
        # takes the merged group's id.
        renumber = {g: index.group_of(g) for g in old_groups if index.group_of(g) != g}
    if article_inserted:
        ids = _derived_rows(conn, a, r, groups)
    else:
        ids = _article_rows(conn, a, r, groups)
    conn.executemany(
        "UPDATE quotes SET group_id = ? WHERE group_id = ?",
        ((new, old) for old, new in renumber.items()),
    )
    _insert_jurisdictions(conn, ids)


