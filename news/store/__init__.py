"""The store of the corpus: its schema and backend, building and adding, the app's read API.

- :mod:`news.store.backend`: the schemas and the two backends (SQLite, PostgreSQL), chosen by
  a URL; opening a store.
- :mod:`news.store.corpus`: articles to analyses (fingerprints, extraction cache, extraction).
- :mod:`news.store.write`: building the store from a folder and adding one article.
- :mod:`news.store.shared`: the same on the shared PostgreSQL store, which holds the articles.
- :mod:`news.store.read`: the read queries of the app, returning typed records.

The names below are the public API (``docs/CONTRACTS.md``).
"""

from __future__ import annotations

from news.articles import text_hash
from news.store.backend import (
    BUILD_DIR,
    CACHE_PATH,
    CATEGORIES,
    DATABASE_ENV,
    DB_PATH,
    SCHEMA_VERSION,
    Database,
    StoreUnavailable,
    add_database_option,
    parse_database,
)
from news.store.corpus import (
    Corpus,
    code_fingerprint,
    corpus_hash,
    extract_article,
    extract_corpus,
)
from news.store.read import (
    ArticleRecord,
    ExcerptRecord,
    FigureDict,
    Filters,
    JurisdictionSummary,
    MentionRecord,
    MonthCountsRecord,
    QuoteGroup,
    QuoteRecord,
    SearchQuery,
    SearchTerm,
    Store,
    parse_search,
)
from news.store.write import (
    Added,
    BuildReport,
    NewArticle,
    StoredKeys,
    add_article,
    add_articles,
    build_store,
    ensure_database,
    ensure_store,
    slugify,
    stored_keys,
    write_analyses,
)

__all__ = [
    "BUILD_DIR",
    "CACHE_PATH",
    "CATEGORIES",
    "DATABASE_ENV",
    "DB_PATH",
    "SCHEMA_VERSION",
    "Added",
    "ArticleRecord",
    "BuildReport",
    "Corpus",
    "Database",
    "ExcerptRecord",
    "FigureDict",
    "Filters",
    "JurisdictionSummary",
    "MentionRecord",
    "MonthCountsRecord",
    "NewArticle",
    "QuoteGroup",
    "QuoteRecord",
    "SearchQuery",
    "SearchTerm",
    "Store",
    "StoreUnavailable",
    "StoredKeys",
    "add_article",
    "add_articles",
    "add_database_option",
    "build_store",
    "code_fingerprint",
    "corpus_hash",
    "ensure_database",
    "ensure_store",
    "extract_article",
    "extract_corpus",
    "parse_database",
    "parse_search",
    "slugify",
    "stored_keys",
    "text_hash",
    "write_analyses",
]
