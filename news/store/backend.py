"""The store's schema and its backend: where it lives and how it is opened.

``data/build/sanctuary.sqlite`` holds the tables of ``docs/CONTRACTS.md``. Everything that
depends on the database engine lives here; :mod:`news.store.write` builds and adds,
:mod:`news.store.read` answers the app.
"""

from __future__ import annotations

from news.articles import REPO

BUILD_DIR = REPO / "data" / "build"
DB_PATH = BUILD_DIR / "sanctuary.sqlite"
CACHE_PATH = BUILD_DIR / "extract_cache.sqlite"
SCHEMA_VERSION = "1"
# Objects of SCHEMA a store must have to be updated in place; a store without them (written by
# an older version of this module) counts as stale and is rebuilt once, from the extraction cache.
REQUIRED_OBJECTS = ("articles_text_hash", "url_keys", "file_hashes", "quote_shingles")
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


