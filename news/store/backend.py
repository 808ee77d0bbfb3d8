"""The store's schema and its backends: where a store lives, opening it, engine differences.

Two backends behind one interface, chosen by a URL (:func:`parse_database`):

- ``sqlite:///path`` (the default, ``data/build/sanctuary.sqlite``): the embedded store, built
  from the article files beside the app and rebuilt atomically when they change.
- ``postgresql://user@host:port/db``: a team's shared store. It holds the articles themselves
  (text and metadata) and each article's extraction, so several app servers share one
  collection; article files are only an import and export format there.

Everything that depends on the engine lives here: the schemas, connecting (:class:`Connection`
takes ``?`` placeholders on both), the PostgreSQL connection pools of the app.
:mod:`news.store.write` builds and adds, :mod:`news.store.read` answers the app.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from news.articles import REPO

if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import ConnectionPool

BUILD_DIR = REPO / "data" / "build"
DB_PATH = BUILD_DIR / "sanctuary.sqlite"
CACHE_PATH = BUILD_DIR / "extract_cache.sqlite"
SCHEMA_VERSION = "2"
# Objects of SCHEMA a store must have to be updated in place; a store without them (written by
# an older version of this module) counts as stale and is rebuilt once, from the extraction cache.
REQUIRED_OBJECTS = ("articles_text_hash", "url_keys", "file_hashes", "quote_shingles",
                    "excerpts_words")
CATEGORIES = ("enforcement", "policy", "quote")

# The environment variable the app reads its store URL from (see ui.cache.database).
DATABASE_ENV = "SANCTUARY_DATABASE_URL"
# Seconds to wait for a PostgreSQL connection before telling the user the store is unavailable.
CONNECT_TIMEOUT_S = 5

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, outlet TEXT NOT NULL, published TEXT NOT NULL,
    date_precision TEXT NOT NULL, url TEXT NOT NULL, author TEXT NOT NULL, notes TEXT NOT NULL,
    text TEXT NOT NULL, path TEXT NOT NULL, captions TEXT NOT NULL, stripped TEXT NOT NULL,
    sha256 TEXT NOT NULL, text_hash TEXT NOT NULL
);
CREATE TABLE jurisdictions (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, display_name TEXT NOT NULL, kind TEXT NOT NULL,
    state TEXT, state_abbr TEXT, parents TEXT NOT NULL, lat REAL, lon REAL
);
CREATE TABLE article_jurisdictions (
    article TEXT NOT NULL, jurisdiction TEXT NOT NULL, role TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article, jurisdiction)
);
CREATE TABLE mentions (
    id TEXT PRIMARY KEY, article TEXT NOT NULL, jurisdiction TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, method TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE TABLE excerpts (
    id TEXT PRIMARY KEY, article TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, categories TEXT NOT NULL, speaker TEXT, figures TEXT NOT NULL
);
CREATE TABLE excerpt_jurisdictions (
    excerpt TEXT NOT NULL, jurisdiction TEXT NOT NULL, how TEXT NOT NULL, rank INTEGER NOT NULL,
    PRIMARY KEY (excerpt, jurisdiction)
);
CREATE TABLE quotes (
    id TEXT PRIMARY KEY, article TEXT NOT NULL, excerpt TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, text TEXT NOT NULL, speaker TEXT, speaker_start INTEGER,
    speaker_end INTEGER, group_id TEXT NOT NULL
);
CREATE TABLE load_errors (path TEXT NOT NULL, reason TEXT NOT NULL);
CREATE VIRTUAL TABLE excerpts_fts USING fts5(text, excerpt UNINDEXED, tokenize='porter unicode61');
-- The same text's words as written (no stemming), for prefix searches ("immigra*"): a prefix
-- longer than a word's stem ("immigr") finds nothing in excerpts_fts.
CREATE VIRTUAL TABLE excerpts_words USING fts5(text, excerpt UNINDEXED, tokenize='unicode61');
CREATE INDEX mentions_article ON mentions (article);
CREATE INDEX mentions_jurisdiction ON mentions (jurisdiction);
CREATE INDEX excerpts_article ON excerpts (article);
CREATE INDEX ej_jurisdiction ON excerpt_jurisdictions (jurisdiction);
CREATE INDEX quotes_article ON quotes (article);
CREATE INDEX quotes_group ON quotes (group_id);
CREATE INDEX aj_jurisdiction ON article_jurisdictions (jurisdiction);
CREATE INDEX articles_text_hash ON articles (text_hash);
-- Lookup tables internal to this module (not part of the contract), so that adding one
-- article costs about one article rather than a pass over the whole store:
-- url_keys: the normalised URL of each article (duplicate refusal by URL without a scan);
-- quote_shingles: which quotes hold each word 4-gram of news.matching (a 64-bit hash of it), so
-- a new quote is matched against the quotes it shares a 4-gram with, not against every quote;
-- file_hashes: the sha256 of each article file keyed by its stat (the corpus hash without
-- re-reading unchanged files).
CREATE TABLE url_keys (key TEXT NOT NULL, article TEXT NOT NULL);
CREATE INDEX url_keys_key ON url_keys (key);
CREATE TABLE quote_shingles (
    shingle INTEGER NOT NULL, quote TEXT NOT NULL, PRIMARY KEY (shingle, quote)
) WITHOUT ROWID;
CREATE TABLE file_hashes (
    name TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL, ino INTEGER NOT NULL, sha256 TEXT NOT NULL
);
"""

# The shared store: the same tables and columns as SCHEMA, plus the articles' extractions
# (``extractions``: the analysis JSON of each article and the code fingerprint it was made
# with), Postgres full-text search on excerpts instead of FTS5, and unique constraints on what
# makes an article the same article (its normalised text hash and URL), so that two servers
# saving it at the same moment store it once.
PG_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, outlet TEXT NOT NULL, published TEXT NOT NULL,
    date_precision TEXT NOT NULL, url TEXT NOT NULL, author TEXT NOT NULL, notes TEXT NOT NULL,
    text TEXT NOT NULL, path TEXT NOT NULL, captions TEXT NOT NULL, stripped TEXT NOT NULL,
    sha256 TEXT NOT NULL, text_hash TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS extractions (
    article TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jurisdictions (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, display_name TEXT NOT NULL, kind TEXT NOT NULL,
    state TEXT, state_abbr TEXT, parents TEXT NOT NULL, lat DOUBLE PRECISION,
    lon DOUBLE PRECISION
);
CREATE TABLE IF NOT EXISTS article_jurisdictions (
    article TEXT NOT NULL, jurisdiction TEXT NOT NULL, role TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article, jurisdiction)
);
CREATE TABLE IF NOT EXISTS mentions (
    id TEXT PRIMARY KEY, article TEXT NOT NULL, jurisdiction TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, method TEXT NOT NULL,
    confidence DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS excerpts (
    id TEXT PRIMARY KEY, article TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, categories TEXT NOT NULL, speaker TEXT, figures TEXT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
CREATE TABLE IF NOT EXISTS excerpt_jurisdictions (
    excerpt TEXT NOT NULL, jurisdiction TEXT NOT NULL, how TEXT NOT NULL, rank INTEGER NOT NULL,
    PRIMARY KEY (excerpt, jurisdiction)
);
CREATE TABLE IF NOT EXISTS quotes (
    id TEXT PRIMARY KEY, article TEXT NOT NULL, excerpt TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, text TEXT NOT NULL, speaker TEXT, speaker_start INTEGER,
    speaker_end INTEGER, group_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS load_errors (path TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS url_keys (key TEXT PRIMARY KEY, article TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS quote_shingles (
    shingle BIGINT NOT NULL, quote TEXT NOT NULL, PRIMARY KEY (shingle, quote)
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article);
CREATE INDEX IF NOT EXISTS mentions_jurisdiction ON mentions (jurisdiction);
CREATE INDEX IF NOT EXISTS excerpts_article ON excerpts (article);
CREATE INDEX IF NOT EXISTS excerpts_tsv ON excerpts USING GIN (tsv);
-- The words as written, for prefix searches (as excerpts_words on SQLite): an index on an
-- expression, so a store made before it needs no new column.
CREATE INDEX IF NOT EXISTS excerpts_words ON excerpts USING GIN (to_tsvector('simple', text));
CREATE INDEX IF NOT EXISTS ej_jurisdiction ON excerpt_jurisdictions (jurisdiction);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article);
CREATE INDEX IF NOT EXISTS quotes_group ON quotes (group_id);
CREATE INDEX IF NOT EXISTS aj_jurisdiction ON article_jurisdictions (jurisdiction);
CREATE INDEX IF NOT EXISTS quote_shingles_quote ON quote_shingles (quote);
"""
# The derived tables of the shared store: what a rebuild from the stored articles rewrites
# (load_errors belong to the last import of files, not to the stored articles).
PG_DERIVED = (
    "jurisdictions", "article_jurisdictions", "mentions", "excerpts", "excerpt_jurisdictions",
    "quotes", "url_keys", "quote_shingles",
)
# pg_advisory_xact_lock key that serialises writers of one shared store (schema creation,
# builds, saves): an arbitrary constant, "sanctuary" in ASCII.
PG_WRITE_LOCK = 0x73616E6374756172


class StoreUnavailable(RuntimeError):
    """The store cannot be reached (e.g. PostgreSQL is down); the message says which and why."""


@dataclass(frozen=True)
class Database:
    """Where a store lives: a SQLite file (``path``) or a PostgreSQL database (``url``).

    Parameters
    ----------
    url : str
        ``sqlite:///<path>`` or ``postgresql://user@host:port/db``.
    path : Path or None
        The SQLite file; None for PostgreSQL.
    """

    url: str
    path: Path | None = None

    @property
    def postgres(self) -> bool:
        """True for a PostgreSQL store."""
        return self.path is None

    @property
    def shown(self) -> str:
        """The URL without its password, for messages."""
        parts = urlsplit(self.url)
        if parts.password is None:
            return self.url
        host = parts.hostname or ""
        netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))

    def __str__(self) -> str:
        return self.shown


def parse_database(value: str | os.PathLike[str] | Database | None = None) -> Database:
    """Parse a store URL: ``sqlite:///path``, ``postgresql://...`` or a plain file path.

    ``sqlite:///data/x.sqlite`` is relative to the working folder, ``sqlite:////tmp/x.sqlite``
    absolute (SQLAlchemy's convention). None means the default SQLite store.

    Parameters
    ----------
    value : str, path, Database or None

    Returns
    -------
    Database

    Raises
    ------
    ValueError
        A URL of another scheme, or without a path.
    """
    if isinstance(value, Database):
        return value
    if value is None:
        return Database(f"sqlite:///{DB_PATH}", DB_PATH)
    text = os.fspath(value).strip()
    scheme = text.split(":", 1)[0].lower() if "://" in text else ""
    if scheme in ("postgresql", "postgres"):
        if not urlsplit(text).path.strip("/"):
            raise ValueError(f"{text!r}: name the database, e.g. postgresql://user@host:5432/db")
        return Database(text)
    if scheme == "sqlite":
        rest = text[len("sqlite://"):]
        if not rest.startswith("/") or rest == "/":
            raise ValueError(f"{text!r}: write sqlite:///relative/path or sqlite:////absolute/path")
        path = Path(rest[1:])
        return Database(f"sqlite:///{path}", path)
    if scheme:
        raise ValueError(f"{text!r}: the store URL must start with sqlite:/// or postgresql://")
    return Database(f"sqlite:///{text}", Path(text))


def add_database_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--database URL`` to a command line (``args.database``: a Database or None).

    The default is ``$SANCTUARY_DATABASE_URL`` when set, else None: the SQLite store
    ``data/build/sanctuary.sqlite`` (``parse_database(None)``). A URL of another scheme is a
    usage error.
    """

    def database_arg(value: str) -> Database:
        try:
            return parse_database(value)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    parser.add_argument(
        "--database", type=database_arg, metavar="URL",
        default=os.environ.get(DATABASE_ENV) or None,
        help="the store: sqlite:///path (default data/build/sanctuary.sqlite) or"
        f" postgresql://user@host:port/db; default ${DATABASE_ENV} when set",
    )


def _pg_sql(sql: str) -> str:
    """Our ``?`` placeholders as psycopg's ``%s`` (a literal ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class Connection:
    """A database connection taking ``?`` placeholders on both engines (a thin DB-API shim).

    ``raw`` is the ``sqlite3.Connection`` or ``psycopg.Connection``; ``postgres`` says which.
    """

    def __init__(self, raw: Any, postgres: bool) -> None:
        self.raw = raw
        self.postgres = postgres

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; return the cursor (iterable, ``fetchone``, ``fetchall``)."""
        if self.postgres:
            return self.raw.execute(_pg_sql(sql), list(params))
        return self.raw.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement per row."""
        if self.postgres:
            with self.raw.cursor() as cur:
                cur.executemany(_pg_sql(sql), [list(r) for r in rows])
        else:
            self.raw.executemany(sql, rows)


def unavailable(db: Database, error: BaseException) -> StoreUnavailable:
    """Return the error to raise when ``db`` cannot be reached."""
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return StoreUnavailable(f"The store at {db.shown} is not reachable: {reason}")


def connect_postgres(db: Database) -> psycopg.Connection[Any]:
    """Open a connection to a shared store (not in autocommit: use it as a transaction).

    Raises
    ------
    StoreUnavailable
        PostgreSQL cannot be reached or refuses the connection.
    """
    import psycopg

    try:
        return psycopg.connect(db.url, connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.OperationalError as error:
        raise unavailable(db, error) from error


@contextmanager
def pg_write(db: Database) -> Iterator[Connection]:
    """One write transaction on a shared store, holding its writers' lock, schema created.

    Committed when the block ends, rolled back (nothing written) if it raises or the process
    dies. Writers of one store run one at a time; readers are never blocked.
    """
    raw = connect_postgres(db)
    try:
        with raw.transaction():
            conn = Connection(raw, postgres=True)
            conn.execute("SELECT pg_advisory_xact_lock(?)", (PG_WRITE_LOCK,))
            raw.execute(PG_SCHEMA)
            yield conn
    finally:
        raw.close()


_pools: dict[str, ConnectionPool[Any]] = {}
_pools_lock = threading.Lock()


def pg_pool(db: Database) -> ConnectionPool[Any]:
    """Return the process's connection pool for a shared store (created on first use)."""
    from psycopg_pool import ConnectionPool

    with _pools_lock:
        pool = _pools.get(db.url)
        if pool is None:
            pool = ConnectionPool(
                db.url, min_size=1, max_size=8, timeout=CONNECT_TIMEOUT_S, open=True,
                check=ConnectionPool.check_connection, name="sanctuary-store",
                kwargs={"connect_timeout": CONNECT_TIMEOUT_S},
            )
            _pools[db.url] = pool
        return pool


def close_pools() -> None:
    """Close every connection pool of this process (tests, before dropping a database)."""
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.close()


@contextmanager
def read_connection(db: Database) -> Iterator[Connection]:
    """Open a read-only connection: a pooled PostgreSQL transaction or a SQLite file.

    Raises
    ------
    StoreUnavailable
        PostgreSQL cannot be reached.
    FileNotFoundError
        No SQLite store at the path.
    """
    if db.path is not None:
        if not db.path.is_file():
            raise FileNotFoundError(f"no store at {db.path}; run: python -m news build")
        raw = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True, check_same_thread=False)
        try:
            yield Connection(raw, postgres=False)
        finally:
            raw.close()
        return
    import psycopg
    from psycopg_pool import PoolTimeout

    try:
        with pg_pool(db).connection() as raw:
            raw.read_only = True
            yield Connection(raw, postgres=True)
    except (psycopg.OperationalError, PoolTimeout) as error:
        raise unavailable(db, error) from error
