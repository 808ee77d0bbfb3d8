"""The SQLite store of the corpus: build, incremental add, and the read API of the app.

``data/build/sanctuary.sqlite`` holds the tables of ``docs/CONTRACTS.md``. It is rebuilt when
the hash of ``data/articles/*`` changes, written to a temporary file and renamed into place, so
a failed build never leaves a half store. Per-article extraction results are kept in
``data/build/extract_cache.sqlite`` keyed by the article file's hash and a fingerprint of the
extraction code and geo data: a rebuild re-extracts only articles that changed, and
:func:`add_article` extracts only the new article.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import stat
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, wraps
from pathlib import Path
from typing import Any

from news.articles import (
    ARTICLES_DIR,
    REPO,
    Article,
    ArticleError,
    ArticleRejected,
    iter_articles,
    parse_article,
    render_article,
)
from news.matching import QuoteIndex, _shingles, differences, keys
from news.pipeline import ArticleAnalysis, Geoparser, analyze_text, kind_of

try:
    import fcntl
except ImportError:  # not POSIX: saves are not serialized across processes there
    fcntl = None  # type: ignore[assignment]

BUILD_DIR = REPO / "data" / "build"
DB_PATH = BUILD_DIR / "sanctuary.sqlite"
CACHE_PATH = BUILD_DIR / "extract_cache.sqlite"
SCHEMA_VERSION = "1"
# Objects of SCHEMA a store must have to be updated in place; a store without them (written by
# an older version of this module) counts as stale and is rebuilt once, from the extraction cache.
_REQUIRED = ("articles_text_hash", "url_keys", "file_hashes", "quote_shingles")
CATEGORIES = ("enforcement", "policy", "quote")

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
    excerpt TEXT NOT NULL, jurisdiction TEXT NOT NULL, how TEXT NOT NULL,
    PRIMARY KEY (excerpt, jurisdiction)
);
CREATE TABLE quotes (
    id TEXT PRIMARY KEY, article TEXT NOT NULL, excerpt TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, text TEXT NOT NULL, speaker TEXT, speaker_start INTEGER,
    speaker_end INTEGER, group_id TEXT NOT NULL
);
CREATE TABLE load_errors (path TEXT NOT NULL, reason TEXT NOT NULL);
CREATE VIRTUAL TABLE excerpts_fts USING fts5(text, excerpt UNINDEXED, tokenize='porter unicode61');
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


# --------------------------------------------------------------------------- fingerprints


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
    return _scan_corpus(directory or ARTICLES_DIR).hash


# A file whose mtime or ctime is this close to the scan is hashed again next time rather than
# trusted from its stat: it may still be written to within the timestamp granularity.
_RACY_NS = 2_000_000_000

# (size, mtime_ns, ctime_ns, inode) of a file -> its sha256, as kept in ``file_hashes``.
_Known = dict[str, tuple[int, int, int, int, str]]


@dataclass
class _Scan:
    """The corpus hash of a folder, per entry, with the file hashes worth remembering."""

    parts: list[tuple[str, bytes]]  # (name, that entry's contribution to the hash), sorted
    fresh: list[tuple[str, int, int, int, int, str]]  # file_hashes rows hashed by this scan
    gone: list[str]  # file_hashes names that no longer hold
    kept: list[tuple[str, int, int, int, int, str]] = field(default_factory=list)  # still hold

    @property
    def hash(self) -> str:
        return hashlib.sha256(b"".join(part for _, part in self.parts)).hexdigest()

    def with_file(self, name: str, digest: bytes) -> _Scan:
        """Return the scan as it would be with one more regular file (just written by us)."""
        part = name.encode("utf-8", "surrogateescape") + b"\0" + digest + b"\n"
        parts = sorted([*(p for p in self.parts if p[0] != name), (name, part)])
        return _Scan(parts, self.fresh, self.gone, self.kept)


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


def _scan_corpus(directory: Path, known: _Known | None = None) -> _Scan:
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
        return _Scan([], [], list(known), [])
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
    return _Scan(parts, fresh, sorted(known.keys() - names), kept)


@cache
def code_fingerprint() -> str:
    """Hash of the extraction code and of the geo data it reads (keys the extraction cache)."""
    h = hashlib.sha256(SCHEMA_VERSION.encode())
    news_dir = Path(__file__).resolve().parent
    geo_dir = REPO / "geo"
    for path in sorted([*news_dir.glob("*.py"), *geo_dir.glob("*.py")]):
        if path.name not in ("store.py", "__main__.py", "importer.py"):
            h.update(path.name.encode() + path.read_bytes())
    data_geo = REPO / "data" / "geo"
    if data_geo.is_dir():
        for path in sorted(p for p in data_geo.rglob("*") if p.is_file()):
            st = path.stat()
            h.update(f"{path.relative_to(data_geo)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def text_hash(text: str) -> str:
    """Hash of an article body for duplicate detection (case and whitespace ignored)."""
    norm = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(norm.encode()).hexdigest()


def _norm_url(url: str) -> str:
    url = url.strip().lower()
    url = re.sub(r"^https?://(www\.)?", "", url)
    return url.rstrip("/")


# --------------------------------------------------------------------------- extraction


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


def _cache_key(article: Article) -> str:
    return f"{article.sha256}:{code_fingerprint()}"


class _Extraction:
    """Articles of a folder with their extraction, one at a time, from the cache when possible."""

    def __init__(
        self, directory: Path, cache_path: Path | None, geoparser: Geoparser | None
    ) -> None:
        self.directory = directory
        self.cache_path = cache_path
        self.geoparser = geoparser
        self.errors: list[ArticleError] = []
        self.extracted = 0
        self.cached = 0
        self.keys: set[str] = set()

    def __iter__(self) -> Iterator[tuple[Article, ArticleAnalysis]]:
        cache_db = ExtractionCache(self.cache_path)
        new: list[tuple[str, dict]] = []
        try:
            for item in iter_articles(self.directory):
                if isinstance(item, ArticleError):
                    self.errors.append(item)
                    continue
                key = _cache_key(item)
                self.keys.add(key)
                data = cache_db.get(key)
                if data is not None:
                    self.cached += 1
                    yield item, ArticleAnalysis.from_json(data, item.text)
                    continue
                result = analyze_text(item.text, geoparser=self.geoparser)
                self.extracted += 1
                new.append((key, result.to_json()))
                if len(new) >= 500:
                    cache_db.put_many(new)
                    new = []
                yield item, result
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
    run = _Extraction(directory or ARTICLES_DIR, cache_path, geoparser)
    articles: list[Article] = []
    analyses: dict[str, ArticleAnalysis] = {}
    index = QuoteIndex()
    for a, r in run:
        articles.append(a)
        analyses[a.id] = r
        for n, hit in enumerate(r.quotes):
            index.add(_quote_id(a.id, n), hit.quote.text)
    return Corpus(articles, analyses, run.errors, index.groups(), run.extracted, run.cached)


def _quote_id(article: str, n: int) -> str:
    return f"{article}:q{n}"


def _excerpt_id(article: str, n: int) -> str:
    return f"{article}:e{n}"


def _mention_id(article: str, n: int) -> str:
    return f"{article}:m{n}"


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


def _article_rows(
    conn: sqlite3.Connection, a: Article, r: ArticleAnalysis, groups: dict[str, str]
) -> set[str]:
    """Insert one article and its extraction; returns the jurisdiction ids it refers to."""
    conn.execute(
        "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            a.id, a.title, a.outlet, a.published, a.date_precision, a.url, a.author, a.notes,
            a.text, a.path, json.dumps([list(c) for c in a.captions]),
            json.dumps(list(a.stripped), ensure_ascii=False), a.sha256, text_hash(a.text),
        ),
    )
    conn.executemany(
        "INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?)",
        (
            (_mention_id(a.id, n), a.id, m.jurisdiction, m.start, m.end, m.text, m.method,
             m.confidence)
            for n, m in enumerate(r.mentions)
        ),
    )
    conn.executemany(
        "INSERT INTO article_jurisdictions VALUES (?,?,?,?)",
        ((a.id, j, role, n) for j, role, n in r.roles),
    )
    ids = {m.jurisdiction for m in r.mentions}
    for n, e in enumerate(r.excerpts):
        eid = _excerpt_id(a.id, n)
        conn.execute(
            "INSERT INTO excerpts VALUES (?,?,?,?,?,?,?,?)",
            (
                eid, a.id, e.start, e.end, e.text, json.dumps(list(e.categories)), e.speaker,
                json.dumps([f.as_dict() for f in e.figures]),
            ),
        )
        conn.execute("INSERT INTO excerpts_fts (text, excerpt) VALUES (?, ?)", (e.text, eid))
        conn.executemany(
            "INSERT INTO excerpt_jurisdictions VALUES (?,?,?)",
            ((eid, j, how) for j, how in e.jurisdictions),
        )
        ids.update(j for j, _ in e.jurisdictions)
    conn.executemany(
        "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            (
                _quote_id(a.id, n), a.id, _excerpt_id(a.id, q.excerpt), q.quote.start,
                q.quote.end, q.quote.text, q.quote.speaker, q.quote.speaker_start,
                q.quote.speaker_end, groups.get(_quote_id(a.id, n), _quote_id(a.id, n)),
            )
            for n, q in enumerate(r.quotes)
        ),
    )
    if a.url:
        conn.execute("INSERT INTO url_keys VALUES (?, ?)", (_norm_url(a.url), a.id))
    conn.executemany(
        "INSERT OR IGNORE INTO quote_shingles VALUES (?, ?)",
        (
            (h, _quote_id(a.id, n))
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


def _insert_jurisdictions(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
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


def _remember_hashes(conn: sqlite3.Connection, scan: _Scan) -> None:
    """Keep the file hashes of a scan in the store, for the next scan."""
    conn.executemany("DELETE FROM file_hashes WHERE name = ?", ((n,) for n in scan.gone))
    conn.executemany("INSERT OR REPLACE INTO file_hashes VALUES (?,?,?,?,?,?)", scan.fresh)


def _set_meta(conn: sqlite3.Connection, chash: str) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [
            ("corpus_hash", chash),
            ("schema_version", SCHEMA_VERSION),
            ("built_at", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
            ("code_fingerprint", code_fingerprint()),
        ],
    )


@dataclass(frozen=True)
class BuildReport:
    """What a build did."""

    path: Path
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
) -> BuildReport:
    """Build the store from an articles folder, atomically.

    Parameters
    ----------
    directory : Path, optional
        Defaults to ``data/articles/``.
    db_path : Path, optional
        Defaults to ``data/build/sanctuary.sqlite``.
    cache_path : Path or None
        Extraction cache (None: extract everything).
    geoparser : callable, optional
        Defaults to :func:`geo.geoparse.geoparse`.

    Returns
    -------
    BuildReport
    """
    t0 = time.perf_counter()
    directory = directory or ARTICLES_DIR
    db_path = db_path or DB_PATH
    scan = _scan_corpus(directory, _stored_state(db_path)[1])
    chash = scan.hash
    run = _Extraction(directory, cache_path, geoparser)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=db_path.parent, prefix=".build-", suffix=".sqlite")
    os.close(fd)
    tmp = Path(tmp_name)
    n_articles = 0
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.executescript(SCHEMA)
            ids: set[str] = set()
            index = QuoteIndex()
            with conn:
                # Rows are written as articles are extracted, so memory stays flat; quote groups
                # need every quote and are set at the end.
                for a, r in run:
                    n_articles += 1
                    ids |= _article_rows(conn, a, r, {})
                    for n, hit in enumerate(r.quotes):
                        index.add(_quote_id(a.id, n), hit.quote.text)
                conn.executemany(
                    "UPDATE quotes SET group_id = ? WHERE id = ?",
                    ((g, q) for q, g in index.groups().items() if g != q),
                )
                _insert_jurisdictions(conn, ids)
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
            conn.close()
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


def _stored_state(db_path: Path, *, hashes: bool = True) -> tuple[str | None, _Known]:
    """Return the corpus hash a store was built for (None: missing, old) and its file hashes."""
    if not db_path.is_file():
        return None, {}
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as conn:
            rows = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            have = {
                r[0]
                for r in conn.execute(
                    f"SELECT name FROM sqlite_master WHERE name IN ({','.join('?' * len(_REQUIRED))})",
                    _REQUIRED,
                )
            }
            known: _Known = {}
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
    if len(have) != len(_REQUIRED):
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
    """Build the store if it is missing or stale; return its path.

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
    if stored != _scan_corpus(directory, known).hash:
        build_store(directory, db_path, cache_path=cache_path, geoparser=geoparser)
    return db_path


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


def _write_new(directory: Path, stem: str, content: bytes) -> Path:
    """Write ``content`` as a new file ``<stem>[-n].md`` atomically, never overwriting."""
    directory = directory.resolve()
    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=".add-", suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
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
    finally:
        tmp.unlink(missing_ok=True)


def _one_save_at_a_time(fn: Callable[..., str]) -> Callable[..., str]:
    """Run a save under an exclusive lock file next to the store, across processes.

    Without it two saves of one text at the same moment both pass the duplicate check, and a
    save that rebuilds a stale store races the others' incremental updates.
    """

    @wraps(fn)
    def locked(*args: Any, **kwargs: Any) -> str:
        db_path = Path(kwargs.get("db_path") or DB_PATH)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        with open(db_path.with_name(db_path.name + ".lock"), "a+b") as lock:
            if fcntl is not None:
                fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
            return fn(*args, **kwargs)

    return locked


@_one_save_at_a_time
def add_article(
    text: str,
    *,
    title: str,
    outlet: str,
    published: str = "",
    url: str = "",
    author: str = "",
    notes: str = "",
    directory: Path | None = None,
    db_path: Path | None = None,
    cache_path: Path | None = CACHE_PATH,
    geoparser: Geoparser | None = None,
) -> str:
    """Validate and add one article: write its file, extract it, update the store in one go.

    Only the new article is extracted. The store is updated in a single transaction; if that
    fails the new file is removed again. A store that was already stale is rebuilt (reusing
    the extraction cache) after the file is written.

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
    directory, db_path, cache_path, geoparser
        As for :func:`build_store`.

    Returns
    -------
    str
        The new article's id (its file stem).

    Raises
    ------
    ArticleRejected
        Invalid fields, an empty or too big text, or a duplicate (same text or same URL as a
        stored article); the carried :class:`ArticleError` says which.
    """
    directory = (directory or ARTICLES_DIR).resolve()
    db_path = db_path or DB_PATH
    meta = {
        "title": title.strip(), "outlet": outlet.strip(), "published": published.strip(),
        "url": url.strip(), "author": author.strip(), "notes": notes.strip(),
    }
    stem = slugify(f"{meta['published']} {meta['outlet']} {meta['title']}", 80)
    content = render_article(meta, text).encode("utf-8")
    candidate = parse_article(content, directory / f"{stem}.md", stem)  # raises ArticleRejected
    # One pass over the folder: a stat per file, files read only when their stat changed.
    stored, known = _stored_state(db_path)
    scan = _scan_corpus(directory, known)
    hash_before = scan.hash
    if stored != hash_before:
        build_store(directory, db_path, cache_path=cache_path, geoparser=geoparser)
    with contextlib.closing(sqlite3.connect(db_path, timeout=30)) as conn:
        _refuse_duplicates(conn, candidate, "")
    analysis = analyze_text(candidate.text, geoparser=geoparser)
    # Someone else may have changed the folder meanwhile: then rebuild rather than patch.
    stale_before = _stored_hash(db_path) != hash_before
    path = _write_new(directory, stem, content)
    article = parse_article(content, path, path.stem)
    try:
        cache_db = ExtractionCache(cache_path)
        cache_db.put_many([(_cache_key(article), analysis.to_json())])
        cache_db.close()
        if stale_before:
            report = build_store(directory, db_path, cache_path=cache_path, geoparser=geoparser)
            # e.g. the same text saved at the same moment by another session: refused there
            mine = [e for e in report.errors if Path(e.path) == path]
            if mine:
                raise ArticleRejected(mine[0])
        else:
            # The folder as scanned plus our file: a file changed by hand meanwhile is not
            # counted as stored, so the next ensure_store sees it and rebuilds.
            after = scan.with_file(path.name, bytes.fromhex(article.sha256))
            _add_to_store(db_path, article, analysis, after.hash, after)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return article.id


def _refuse_duplicates(conn: sqlite3.Connection, a: Article, own_id: str) -> bool:
    """Raise ArticleRejected if a stored article has ``a``'s text or URL (both indexed).

    Returns True when the stored article with that text is ``own_id`` itself.
    """
    dup = conn.execute(
        "SELECT id FROM articles WHERE text_hash = ? ORDER BY rowid LIMIT 1", (text_hash(a.text),)
    ).fetchone()
    if dup and dup[0] == own_id:
        return True
    if dup:
        raise ArticleRejected(ArticleError(a.path, f"same text as article {dup[0]!r}"))
    if a.url:
        other = conn.execute(
            "SELECT a.id, a.url FROM url_keys k JOIN articles a ON a.id = k.article"
            " WHERE k.key = ? ORDER BY a.rowid LIMIT 1",
            (_norm_url(a.url),),
        ).fetchone()
        if other:
            raise ArticleRejected(
                ArticleError(a.path, f"same URL as article {other[0]!r}: {other[1]}")
            )
    return False


def _add_to_store(
    db_path: Path, a: Article, r: ArticleAnalysis, chash: str, scan: _Scan | None = None
) -> None:
    conn = sqlite3.connect(db_path, timeout=30, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Checked again under the write lock: two saves of one text at the same moment
            # both pass add_article's early check. A concurrent save that rebuilt the store
            # may already hold this very file: then there is nothing left to add.
            if _refuse_duplicates(conn, a, a.id):
                conn.execute("ROLLBACK")
                return
            groups: dict[str, str] = {}
            renumber: dict[str, str] = {}
            if r.quotes:  # only quotes need the corpus's other quotes
                # The stored quotes sharing a 4-gram with a new one, in store order, are all a
                # QuoteIndex of every stored quote would compare the new ones with: the same
                # groups come out. (A hash collision only adds a quote that matches nothing.)
                index = QuoteIndex()
                old_groups: set[str] = set()
                hashes = sorted(set().union(*(_shingle_hashes(h.quote.text) for h in r.quotes)))
                candidates: dict[str, tuple[int, str, str]] = {}
                for i in range(0, len(hashes), 500):
                    chunk = hashes[i : i + 500]
                    for rowid, qid, qtext, gid in conn.execute(
                        "SELECT q.rowid, q.id, q.text, q.group_id FROM quote_shingles s"
                        " JOIN quotes q ON q.id = s.quote"
                        f" WHERE s.shingle IN ({','.join('?' * len(chunk))})",
                        chunk,
                    ):
                        candidates[qid] = (rowid, qtext, gid)
                for qid, (_, qtext, gid) in sorted(candidates.items(), key=lambda kv: kv[1][0]):
                    index.add(qid, qtext, gid)
                    old_groups.add(gid)
                for n, hit in enumerate(r.quotes):
                    index.add(_quote_id(a.id, n), hit.quote.text)
                groups = {
                    _quote_id(a.id, n): index.group_of(_quote_id(a.id, n))
                    for n in range(len(r.quotes))
                }
                # A new quote can join two groups into one: every quote of a merged group
                # takes the merged group's id.
                renumber = {g: index.group_of(g) for g in old_groups if index.group_of(g) != g}
            ids = _article_rows(conn, a, r, groups)
            conn.executemany(
                "UPDATE quotes SET group_id = ? WHERE group_id = ?",
                ((new, old) for old, new in renumber.items()),
            )
            _insert_jurisdictions(conn, ids)
            if scan is not None:
                _remember_hashes(conn, scan)
            _set_meta(conn, chash)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Filters:
    """What to show; an empty tuple is no restriction."""

    outlets: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleRecord:
    """An article as stored (``captions``: spans of ``text``; ``stripped``: removed chrome)."""

    id: str
    title: str
    outlet: str
    published: str
    date_precision: str
    url: str
    author: str
    notes: str
    text: str
    captions: tuple[tuple[int, int], ...] = ()
    stripped: tuple[str, ...] = ()


@dataclass(frozen=True)
class JurisdictionSummary:
    """A jurisdiction with what the filtered articles report about it."""

    id: str
    name: str
    display_name: str
    kind: str
    state: str | None
    state_abbr: str | None
    parents: tuple[str, ...]
    lat: float | None
    lon: float | None
    n_excerpts: int
    by_category: dict[str, int]
    n_mentions: int
    articles: tuple[str, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class ExcerptRecord:
    """An excerpt with its article's outlet, title and date (``links``: (id, how) pairs)."""

    id: str
    article: str
    start: int
    end: int
    text: str
    categories: tuple[str, ...]
    jurisdictions: tuple[str, ...]
    speaker: str | None
    figures: tuple[dict, ...]
    outlet: str
    title: str
    published: str
    links: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class MentionRecord:
    """A jurisdiction named in an article."""

    article: str
    jurisdiction: str
    start: int
    end: int
    text: str
    method: str
    confidence: float
    role: str


@dataclass(frozen=True)
class QuoteRecord:
    """A direct quote with its article and the jurisdictions of its excerpt."""

    id: str
    article: str
    start: int
    end: int
    text: str
    speaker: str | None
    group_id: str
    outlet: str
    title: str
    jurisdictions: tuple[str, ...]
    excerpt: str = ""
    speaker_start: int | None = None
    speaker_end: int | None = None
    published: str = ""


@dataclass(frozen=True)
class QuoteGroup:
    """Versions of one quote; ``differences`` maps quote id -> [(op, words)] vs ``reference``."""

    group_id: str
    quotes: tuple[QuoteRecord, ...]
    outlets: tuple[str, ...]
    differences: dict[str, tuple[tuple[str, str], ...]]
    reference: str = ""


_EXCERPT_COLUMNS = (
    "SELECT e.id, e.article, e.start, e.\"end\", e.text, e.categories, e.speaker, e.figures,"
    " a.outlet, a.title, a.published"
)


def _in(column: str, values: Sequence[str]) -> tuple[str, list[str]]:
    if not values:
        return "1", []
    return f"{column} IN ({','.join('?' * len(values))})", list(values)


class Store:
    """Read-only access to a built store. Every call opens its own connection (thread-safe)."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else DB_PATH
        if not self.path.is_file():
            raise FileNotFoundError(f"no store at {self.path}; run: python -m news build")

    @contextlib.contextmanager
    def _conn(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        try:
            yield conn
        finally:
            conn.close()

    def _article_filter(self, f: Filters, alias: str = "a") -> tuple[str, list[str]]:
        w1, p1 = _in(f"{alias}.outlet", f.outlets)
        w2, p2 = _in(f"{alias}.id", f.articles)
        return f"{w1} AND {w2}", p1 + p2

    def articles(self) -> list[ArticleRecord]:
        """All articles, newest first then by id."""
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT id, title, outlet, published, date_precision, url, author, notes, text,"
                " captions, stripped FROM articles ORDER BY published DESC, id"
            ).fetchall()
        return [self._article(r) for r in rows]

    @staticmethod
    def _article(r: tuple) -> ArticleRecord:
        return ArticleRecord(
            *r[:9],
            captions=tuple(tuple(c) for c in json.loads(r[9])),
            stripped=tuple(json.loads(r[10])),
        )

    def article(self, article_id: str) -> ArticleRecord:
        """One article; KeyError if unknown."""
        with self._conn() as conn:
            r = conn.execute(
                "SELECT id, title, outlet, published, date_precision, url, author, notes, text,"
                " captions, stripped FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
        if r is None:
            raise KeyError(f"no article {article_id!r}")
        return self._article(r)

    def outlets(self) -> list[str]:
        """Distinct outlets, sorted."""
        with self._conn() as conn:
            return [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles ORDER BY 1")]

    def jurisdiction_summaries(self, filters: Filters | None = None) -> list[JurisdictionSummary]:
        """Every jurisdiction the filtered articles mention or refer to, with counts.

        With a category filter, only jurisdictions with a matching excerpt are listed.
        """
        f = filters or Filters()
        aw, ap = self._article_filter(f)
        kw, kp = _in("j.kind", f.kinds)
        with self._conn() as conn:
            js = {
                r[0]: r
                for r in conn.execute(
                    "SELECT id, name, display_name, kind, state, state_abbr, parents, lat, lon"
                    f" FROM jurisdictions j WHERE {kw}",
                    kp,
                )
            }
            mentions = conn.execute(
                "SELECT aj.jurisdiction, aj.article, aj.mentions, a.outlet FROM"
                f" article_jurisdictions aj JOIN articles a ON a.id = aj.article WHERE {aw}",
                ap,
            ).fetchall()
            # Counted in SQL: a big corpus has hundreds of thousands of links.
            wanted = [c for c in f.categories if c in CATEGORIES]
            cw = " OR ".join("e.categories LIKE ?" for _ in wanted) or "1"
            cp = [f'%"{c}"%' for c in wanted]
            joined = (
                " FROM excerpt_jurisdictions ej JOIN excerpts e ON e.id = ej.excerpt"
                f" JOIN articles a ON a.id = e.article WHERE {aw} AND ({cw})"
            )
            counts = conn.execute(
                "SELECT ej.jurisdiction, COUNT(*), "
                + ", ".join(f"SUM(e.categories LIKE '%\"{c}\"%')" for c in CATEGORIES)
                + joined + " GROUP BY ej.jurisdiction",
                ap + cp,
            ).fetchall()
            linked = conn.execute(
                "SELECT DISTINCT ej.jurisdiction, a.id, a.outlet" + joined, ap + cp
            ).fetchall()
        n_mentions: Counter[str] = Counter()
        arts: dict[str, set[str]] = defaultdict(set)
        outs: dict[str, set[str]] = defaultdict(set)
        n_ex: Counter[str] = Counter()
        by_cat: dict[str, dict[str, int]] = {}
        for jid, aid, n, outlet in mentions:
            n_mentions[jid] += n
            arts[jid].add(aid)
            outs[jid].add(outlet)
        for jid, n, *per_cat in counts:
            n_ex[jid] = n
            by_cat[jid] = dict(zip(CATEGORIES, per_cat, strict=True))
        for jid, aid, outlet in linked:
            arts[jid].add(aid)
            outs[jid].add(outlet)
        out = []
        for jid in sorted(arts):
            if jid not in js or (wanted and not n_ex[jid]):
                continue
            r = js[jid]
            out.append(
                JurisdictionSummary(
                    id=r[0], name=r[1], display_name=r[2], kind=r[3], state=r[4],
                    state_abbr=r[5], parents=tuple(json.loads(r[6])), lat=r[7], lon=r[8],
                    n_excerpts=n_ex[jid],
                    by_category=by_cat.get(jid, dict.fromkeys(CATEGORIES, 0)),
                    n_mentions=n_mentions[jid], articles=tuple(sorted(arts[jid])),
                    outlets=tuple(sorted(outs[jid])),
                )
            )
        return out

    def excerpts(
        self, filters: Filters | None = None, jurisdiction: str | None = None
    ) -> list[ExcerptRecord]:
        """Excerpts of the filtered articles (optionally those linked to one jurisdiction).

        A kind filter keeps excerpts linked to at least one jurisdiction of those kinds.
        """
        f = filters or Filters()
        aw, ap = self._article_filter(f)
        source = f" FROM excerpts e JOIN articles a ON a.id = e.article WHERE {aw}"
        params = list(ap)
        if jurisdiction is not None:
            source += (
                " AND e.id IN (SELECT excerpt FROM excerpt_jurisdictions WHERE jurisdiction = ?)"
            )
            params.append(jurisdiction)
        with self._conn() as conn:
            rows = conn.execute(
                _EXCERPT_COLUMNS + source + " ORDER BY a.published DESC, e.article, e.start",
                params,
            ).fetchall()
            links = self._links(conn, "SELECT e.id" + source, params)
        return self._excerpt_records(rows, links, f)

    @staticmethod
    def _links(
        conn: sqlite3.Connection, selected_sql: str, params: Sequence[object]
    ) -> dict[str, list[tuple[str, str, str]]]:
        """Jurisdiction links (id, how, kind) of the excerpts a query selects."""
        links: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for eid, jid, how, kind in conn.execute(
            f"WITH sel AS ({selected_sql}) SELECT ej.excerpt, ej.jurisdiction, ej.how, j.kind"
            " FROM sel JOIN excerpt_jurisdictions ej ON ej.excerpt = sel.id"
            " JOIN jurisdictions j ON j.id = ej.jurisdiction",
            list(params),
        ):
            links[eid].append((jid, how, kind))
        return links

    def search(self, query: str, filters: Filters | None = None) -> list[ExcerptRecord]:
        """Full-text search over excerpts (SQLite FTS5 syntax), best match first."""
        f = filters or Filters()
        aw, ap = self._article_filter(f)
        source = (
            " FROM excerpts_fts JOIN excerpts e ON e.id = excerpts_fts.excerpt"
            f" JOIN articles a ON a.id = e.article WHERE excerpts_fts MATCH ? AND {aw}"
        )
        params = [query, *ap]
        with self._conn() as conn:
            rows = conn.execute(_EXCERPT_COLUMNS + source + " ORDER BY rank", params).fetchall()
            links = self._links(conn, "SELECT e.id" + source, params)
        return self._excerpt_records(rows, links, f)

    @staticmethod
    def _excerpt_records(
        rows: list[tuple], links: dict[str, list[tuple[str, str, str]]], f: Filters
    ) -> list[ExcerptRecord]:
        wanted = set(f.categories)
        kinds = set(f.kinds)
        out = []
        for r in rows:
            cats = tuple(json.loads(r[5]))
            if wanted and not wanted & set(cats):
                continue
            lk = links.get(r[0], [])
            if kinds and not any(k in kinds for _, _, k in lk):
                continue
            out.append(
                ExcerptRecord(
                    id=r[0], article=r[1], start=r[2], end=r[3], text=r[4], categories=cats,
                    jurisdictions=tuple(j for j, _, _ in lk), speaker=r[6],
                    figures=tuple(json.loads(r[7])), outlet=r[8], title=r[9], published=r[10],
                    links=tuple((j, how) for j, how, _ in lk),
                )
            )
        return out

    def mentions(self, article_id: str) -> list[MentionRecord]:
        """Mentions of one article in text order, with the jurisdiction's role in it."""
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT m.article, m.jurisdiction, m.start, m.\"end\", m.text, m.method,"
                " m.confidence, COALESCE(aj.role, 'passing') FROM mentions m"
                " LEFT JOIN article_jurisdictions aj"
                " ON aj.article = m.article AND aj.jurisdiction = m.jurisdiction"
                " WHERE m.article = ? ORDER BY m.start",
                (article_id,),
            ).fetchall()
        return [MentionRecord(*r) for r in rows]

    def article_jurisdictions(self, article_id: str) -> list[tuple[str, str]]:
        """``(jurisdiction id, role)`` of one article, focus first."""
        with self._conn() as conn:
            return [
                (j, role)
                for j, role in conn.execute(
                    "SELECT jurisdiction, role FROM article_jurisdictions WHERE article = ?"
                    " ORDER BY role = 'passing', mentions DESC, jurisdiction",
                    (article_id,),
                )
            ]

    def quotes(self, filters: Filters | None = None) -> list[QuoteRecord]:
        """Quotes of the filtered articles (a kind filter keeps quotes linked to such kinds)."""
        f = filters or Filters()
        aw, ap = self._article_filter(f)
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT q.id, q.article, q.start, q.\"end\", q.text, q.speaker, q.group_id,"
                " a.outlet, a.title, q.excerpt, q.speaker_start, q.speaker_end, a.published"
                f" FROM quotes q JOIN articles a ON a.id = q.article WHERE {aw}"
                " ORDER BY q.group_id, a.published, q.id",
                ap,
            ).fetchall()
            links = self._links(
                conn,
                "SELECT DISTINCT q.excerpt AS id FROM quotes q JOIN articles a ON a.id = q.article"
                f" WHERE {aw}",
                ap,
            )
        kinds = set(f.kinds)
        out = []
        for r in rows:
            lk = links.get(r[9], [])
            if kinds and not any(k in kinds for _, _, k in lk):
                continue
            out.append(
                QuoteRecord(
                    id=r[0], article=r[1], start=r[2], end=r[3], text=r[4], speaker=r[5],
                    group_id=r[6], outlet=r[7], title=r[8],
                    jurisdictions=tuple(j for j, _, _ in lk), excerpt=r[9], speaker_start=r[10],
                    speaker_end=r[11], published=r[12],
                )
            )
        return out

    def quote_groups(self, filters: Filters | None = None) -> list[QuoteGroup]:
        """Quotes grouped across articles, largest groups first, with wording differences."""
        by_group: dict[str, list[QuoteRecord]] = defaultdict(list)
        for q in self.quotes(filters):
            by_group[q.group_id].append(q)
        out = []
        for gid, qs in by_group.items():
            ref, diffs = differences({q.id: q.text for q in qs})
            out.append(
                QuoteGroup(
                    group_id=gid,
                    quotes=tuple(qs),
                    outlets=tuple(sorted({q.outlet for q in qs})),
                    differences={k: tuple(v) for k, v in diffs.items()},
                    reference=ref,
                )
            )
        out.sort(key=lambda g: (-len(g.outlets), -len(g.quotes), g.group_id))
        return out

    def load_errors(self) -> list[ArticleError]:
        """Files that could not be loaded as articles, with the reason."""
        with self._conn() as conn:
            return [
                ArticleError(p, r)
                for p, r in conn.execute("SELECT path, reason FROM load_errors ORDER BY path")
            ]

    def meta(self) -> dict[str, str]:
        """Return the meta table (corpus_hash, schema_version, built_at, code_fingerprint)."""
        with self._conn() as conn:
            return dict(conn.execute("SELECT key, value FROM meta").fetchall())


__all__ = [
    "ArticleRecord",
    "BuildReport",
    "ExcerptRecord",
    "Filters",
    "JurisdictionSummary",
    "MentionRecord",
    "QuoteGroup",
    "QuoteRecord",
    "Store",
    "add_article",
    "build_store",
    "ensure_store",
    "extract_corpus",
]

