"""The shared store (PostgreSQL): it holds the articles, and their results derive from them.

Several app servers share one collection. An article lives in the ``articles`` table (text and
metadata, with where it came from in ``path``) and its extraction in ``extractions`` (the
analysis JSON and the code fingerprint that made it); the tables the app reads are derived
from those. Article files are an import format: :func:`build_shared` imports a folder.

Every write is one transaction holding the store's writers' lock
(:func:`news.store.backend.pg_write`): a save or a build that fails, or whose process dies,
leaves nothing behind, and two servers saving the same article at the same moment store it
once (the second is refused as a duplicate; ``articles.text_hash`` and ``url_keys.key`` are
unique besides).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from news.articles import (
    Article,
    ArticleError,
    ArticleRejected,
    iter_articles,
    parse_article,
    render_article,
    text_hash,
)
from news.pipeline import ArticleAnalysis, Geoparser
from news.store.backend import (
    PG_DERIVED,
    SCHEMA_VERSION,
    Connection,
    Database,
    connect_postgres,
    pg_write,
)
from news.store.corpus import (
    EXTRACTION_FAILED,
    Analyzer,
    analyze_here,
    code_fingerprint,
    extract_or_error,
)
from news.store.write import (
    ARTICLE_INSERT,
    Added,
    BuildReport,
    _add_rows,
    _article_row,
    _find_duplicate,
    _set_meta,
    article_stem,
    write_analyses,
)

# Articles read from the store per query while results are derived again (memory stays flat).
BATCH = 500
_ARTICLE_COLUMNS = (
    "id, title, outlet, published, date_precision, url, author, notes, text, path, captions,"
    " stripped, sha256"
)


def _article(row: tuple[object, ...]) -> Article:
    """Rebuild an Article from its stored row (the columns of ``_ARTICLE_COLUMNS``)."""
    (aid, title, outlet, published, precision, url, author, notes, text, path, captions,
     stripped, sha256) = row
    return Article(
        id=str(aid), title=str(title), outlet=str(outlet), published=str(published),
        date_precision=str(precision), url=str(url), author=str(author), notes=str(notes),
        text=str(text), path=str(path),
        captions=tuple((int(s), int(e)) for s, e in json.loads(str(captions))),
        stripped=tuple(json.loads(str(stripped))), sha256=str(sha256),
    )


def _import_article(conn: Connection, a: Article) -> ArticleError | None:
    """Store (or replace, if its file changed) one article of a folder; None when done.

    An article whose text another stored article already has is refused (returned as an
    error), as the SQLite build refuses a copy.
    """
    same = conn.execute(
        "SELECT id FROM articles WHERE text_hash = ? AND id <> ?", (text_hash(a.text), a.id)
    ).fetchone()
    if same:
        return ArticleError(a.path, f"same text as article {same[0]!r}; the copy is not loaded")
    stored = conn.execute("SELECT sha256 FROM articles WHERE id = ?", (a.id,)).fetchone()
    if stored is None:
        conn.execute(ARTICLE_INSERT, _article_row(a))
    elif stored[0] != a.sha256:  # the file was edited: the new version replaces the old
        conn.execute("DELETE FROM articles WHERE id = ?", (a.id,))  # its extraction too
        conn.execute(ARTICLE_INSERT, _article_row(a))
    return None


def _stored_analyses(
    conn: Connection, geoparser: Geoparser | None, counts: dict[str, int], *, reuse: bool,
    analyze: Analyzer | None = None, failed: list[ArticleError],
) -> Iterator[tuple[Article, ArticleAnalysis]]:
    """Every stored article with its analysis, by id: stored when current, else extracted.

    Extractions made with another code fingerprint (or none yet) are made again (by
    ``analyze``, default :func:`analyze_here`) and stored. An article whose extraction failed
    keeps its row, gets no results and no stored extraction (so the next derive tries it
    again); its error goes to ``failed``.
    """
    fingerprint = code_fingerprint()
    fresh: deque[bool] = deque()  # per article handed to the analyzer: extracted, not stored

    def jobs() -> Iterator[tuple[Article, ArticleAnalysis | None]]:
        last = ""
        while True:
            rows = conn.execute(
                f"SELECT {', '.join('a.' + c.strip() for c in _ARTICLE_COLUMNS.split(','))},"
                " x.fingerprint, x.data FROM articles a LEFT JOIN extractions x ON x.article = a.id"
                " WHERE a.id > ? ORDER BY a.id LIMIT ?",
                (last, BATCH),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                a = _article(tuple(row[:13]))
                if reuse and row[13] == fingerprint:
                    counts["cached"] += 1
                    fresh.append(False)
                    yield a, ArticleAnalysis.from_json(json.loads(row[14]), a.text)
                else:
                    fresh.append(True)
                    yield a, None
            last = str(rows[-1][0])

    for a, r in (analyze or (lambda items: analyze_here(items, geoparser)))(jobs()):
        extracted_now = fresh.popleft()
        if isinstance(r, ArticleError):
            failed.append(r)
            # An extraction made by older code is no longer current: drop it, try again next time.
            conn.execute("DELETE FROM extractions WHERE article = ?", (a.id,))
            continue
        if extracted_now:
            counts["extracted"] += 1
            conn.execute(
                "INSERT INTO extractions VALUES (?, ?, ?) ON CONFLICT (article) DO UPDATE"
                " SET fingerprint = excluded.fingerprint, data = excluded.data",
                (a.id, fingerprint, json.dumps(r.to_json(), separators=(",", ":"))),
            )
        yield a, r


class _BulkConnection(Connection):
    r"""A connection for filling emptied tables: plain ``INSERT``\ s are sent with ``COPY``.

    Rows of ``INSERT INTO t VALUES (?, ...)`` are buffered per table and copied in bulk (one
    statement per row costs most of a rebuild in psycopg); with ``ON CONFLICT DO NOTHING``
    they are copied into a temporary table and inserted from there, conflicts skipped. Any
    other statement first sends the buffered rows, so it sees them.
    """

    FLUSH_ROWS = 50_000
    _PLAIN_INSERT = re.compile(
        r"INSERT INTO (\w+) VALUES \(\?(?:, ?\?)*\)(?P<skip> ON CONFLICT DO NOTHING)?")

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn.raw, postgres=True)
        self._rows: dict[tuple[str, bool], list[Sequence[Any]]] = defaultdict(list)
        self._n = 0

    def _buffer(self, sql: str, rows: Iterable[Sequence[Any]]) -> bool:
        plain = self._PLAIN_INSERT.fullmatch(sql)
        if plain is None:
            self.flush()
            return False
        buffered = self._rows[(plain.group(1), plain.group("skip") is not None)]
        before = len(buffered)
        buffered.extend(rows)
        self._n += len(buffered) - before
        if self._n >= self.FLUSH_ROWS:
            self.flush()
        return True

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Buffer a plain insert (returns None); run anything else after a flush."""
        if self._buffer(sql, [params]):
            return None
        return super().execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Buffer plain inserts; run anything else after a flush."""
        if not self._buffer(sql, rows):
            super().executemany(sql, rows)

    def flush(self) -> None:
        """Send the buffered rows (``COPY``; generated columns are computed by the server)."""
        for (table, skip_conflicts), rows in self._rows.items():
            target = f"staged_{table}" if skip_conflicts else table
            if skip_conflicts:
                self.raw.execute(f"CREATE TEMP TABLE IF NOT EXISTS {target}"
                                 f" (LIKE {table}) ON COMMIT DROP")
            with self.raw.cursor() as cur, cur.copy(f"COPY {target} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            if skip_conflicts:
                self.raw.execute(f"INSERT INTO {table} SELECT * FROM {target}"
                                 " ON CONFLICT DO NOTHING")
                self.raw.execute(f"TRUNCATE {target}")
        self._rows.clear()
        self._n = 0


def _derive(
    conn: Connection, geoparser: Geoparser | None, *, reuse: bool = True,
    analyze: Analyzer | None = None, failed: list[ArticleError] | None = None,
) -> dict[str, int]:
    """Rewrite every derived table from the stored articles (inside the caller's transaction).

    Articles whose extraction failed are recorded in ``load_errors`` (replacing the failures of
    the previous derive) and appended to ``failed``.
    """
    for table in PG_DERIVED:
        conn.execute(f"DELETE FROM {table}")
    counts = {"extracted": 0, "cached": 0}
    failures: list[ArticleError] = []
    bulk = _BulkConnection(conn)
    n = write_analyses(
        bulk,
        _stored_analyses(conn, geoparser, counts, reuse=reuse, analyze=analyze, failed=failures),
        insert_articles=False,
    )
    bulk.flush()
    conn.execute("DELETE FROM load_errors WHERE reason LIKE ?", (EXTRACTION_FAILED + "%",))
    conn.executemany("INSERT INTO load_errors VALUES (?, ?)",
                     ((e.path, e.reason) for e in failures))
    if failed is not None:
        failed.extend(failures)
    digest = hashlib.sha256()
    for aid, sha in conn.execute("SELECT id, sha256 FROM articles ORDER BY id"):
        digest.update(f"{aid}\0{sha}\n".encode())
    _set_meta(conn, digest.hexdigest())
    _bump_generation(conn)
    counts["articles"] = n
    return counts


def _bump_generation(conn: Connection) -> None:
    """Count one more change of the store (app servers key their caches on it)."""
    conn.execute(
        "INSERT INTO meta VALUES ('generation', '1') ON CONFLICT (key) DO UPDATE"
        " SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS TEXT)"
    )


def build_shared(
    db: Database, directory: Path | None, *, geoparser: Geoparser | None = None,
    use_cache: bool = True, analyze: Analyzer | None = None,
) -> BuildReport:
    """Import a folder of articles into a shared store and derive every result again.

    Parameters
    ----------
    db : Database
        A PostgreSQL store (created if empty).
    directory : Path or None
        The folder to import; None derives from the stored articles only.
    geoparser : callable, optional
        Defaults to :func:`geo.geoparse.geoparse`.
    use_cache : bool
        Reuse the stored extractions made by the current code (False: extract every article).
    analyze : callable, optional
        Extracts the others, keeping their order (see :data:`news.store.corpus.Analyzer`).

    Returns
    -------
    BuildReport
    """
    t0 = time.perf_counter()
    errors: list[ArticleError] = []
    with pg_write(db) as conn:
        if directory is not None:
            for item in iter_articles(directory):
                error = item if isinstance(item, ArticleError) else _import_article(conn, item)
                if error is not None:
                    errors.append(error)
            conn.execute("DELETE FROM load_errors")
            conn.executemany("INSERT INTO load_errors VALUES (?, ?)",
                             ((e.path, e.reason) for e in errors))
        counts = _derive(conn, geoparser, reuse=use_cache, analyze=analyze, failed=errors)
    return BuildReport(db.shown, counts["articles"], tuple(errors), counts["extracted"],
                       counts["cached"], time.perf_counter() - t0)


def _is_current(meta: dict[str, str]) -> bool:
    return (meta.get("schema_version") == SCHEMA_VERSION
            and meta.get("code_fingerprint") == code_fingerprint())


def ensure_shared(db: Database, directory: Path, *, geoparser: Geoparser | None = None) -> None:
    """Create a shared store's schema if needed; derive its results if made by other code.

    A store with no article yet imports ``directory`` (the seeds, on first use).
    """
    import psycopg

    raw = connect_postgres(db)
    try:
        try:
            meta = dict(raw.execute("SELECT key, value FROM meta").fetchall())
        except psycopg.errors.UndefinedTable:
            meta = {}
    finally:
        raw.close()
    if _is_current(meta):
        return
    with pg_write(db) as conn:
        # Another server may have brought it up to date while this one waited for the lock.
        if _is_current(dict(conn.execute("SELECT key, value FROM meta").fetchall())):
            return
        if conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0:
            errors = []
            for item in iter_articles(directory):
                error = item if isinstance(item, ArticleError) else _import_article(conn, item)
                if error is not None:
                    errors.append(error)
            conn.executemany("INSERT INTO load_errors VALUES (?, ?)",
                             ((e.path, e.reason) for e in errors))
        _derive(conn, geoparser)


def add_shared(
    db: Database, meta: dict[str, str], text: str, *, geoparser: Geoparser | None = None
) -> str:
    """Validate, extract and store one article in a shared store, in one transaction.

    Parameters
    ----------
    db : Database
    meta : dict
        ``title, outlet, published, url, author, notes`` (stripped).
    text : str
        The body.
    geoparser : callable, optional

    Returns
    -------
    str
        The new article's id (``<published>-<outlet>-<title>`` slug, ``-2`` etc. if taken).

    Raises
    ------
    ArticleRejected
        Invalid fields or text, or a duplicate of a stored article (text or URL).
    StoreUnavailable
        PostgreSQL cannot be reached; nothing was stored.
    """
    (done,) = add_shared_many(db, [(meta, text)], geoparser=geoparser)
    if done.error is not None:
        raise ArticleRejected(done.error, done.duplicate_of)
    return done.id


def add_shared_many(
    db: Database, new: Sequence[tuple[dict[str, str], str]], *,
    geoparser: Geoparser | None = None,
) -> list[Added]:
    """Validate, extract and store several articles in a shared store, in one transaction.

    Each article is refused on its own (invalid, or the same text or URL as a stored article
    or an earlier one of the batch); the others are stored together, all or nothing.

    Parameters
    ----------
    db : Database
    new : sequence of (meta, text)
        As for :func:`add_shared`.
    geoparser : callable, optional

    Returns
    -------
    list of Added
        One per article, in order.

    Raises
    ------
    StoreUnavailable
        PostgreSQL cannot be reached; nothing was stored.
    """
    done: list[Added] = [Added()] * len(new)
    candidates: list[tuple[int, Article, ArticleAnalysis]] = []
    for i, (meta, text) in enumerate(new):
        stem = article_stem(meta)
        content = render_article(meta, text).encode("utf-8")
        try:
            # "path" records where an article came from: the nominal file it exports to.
            candidate = parse_article(content, f"{stem}.md", stem)
        except ArticleRejected as rejected:
            done[i] = Added(error=rejected.error)
            continue
        # the slow part, outside the transaction
        analysis = extract_or_error(candidate, geoparser)
        if isinstance(analysis, ArticleError):
            done[i] = Added(error=analysis)
            continue
        candidates.append((i, candidate, analysis))
    if not candidates:
        return done
    fingerprint = code_fingerprint()
    with pg_write(db) as conn:
        for i, candidate, analysis in candidates:
            # Earlier articles of the batch are in the store by now (same transaction).
            found = _find_duplicate(conn, candidate)
            if found is not None:
                done[i] = Added(error=ArticleError(candidate.path, found[1]),
                                duplicate_of=found[0])
                continue
            stem = candidate.id
            taken = {r[0] for r in conn.execute(
                "SELECT id FROM articles WHERE id = ? OR id LIKE ?", (stem, f"{stem}-%"))}
            article_id = next(x for x in (stem, *(f"{stem}-{n}" for n in range(2, len(taken) + 3)))
                              if x not in taken)
            article = replace(candidate, id=article_id, path=f"{article_id}.md")
            # Unique text hash: a concurrent save of the same text that got here first wins.
            claimed = conn.execute(
                ARTICLE_INSERT + " ON CONFLICT DO NOTHING RETURNING id", _article_row(article)
            ).fetchone()
            if claimed is None:
                done[i] = Added(error=ArticleError(article.path, "same text as a stored article"))
                continue
            _add_rows(conn, article, analysis, article_inserted=True)
            conn.execute(
                "INSERT INTO extractions VALUES (?, ?, ?)",
                (article_id, fingerprint, json.dumps(analysis.to_json(), separators=(",", ":"))),
            )
            done[i] = Added(id=article_id)
        if any(d.id for d in done):
            _bump_generation(conn)
    return done
