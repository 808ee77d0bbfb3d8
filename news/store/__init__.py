"""The store of the corpus: its schema and backend, building and adding, the app's read API.

- :mod:`news.store.backend`: the schema, where the store lives, opening it.
- :mod:`news.store.corpus`: articles to analyses (fingerprints, extraction cache, extraction).
- :mod:`news.store.write`: building the store from a folder and adding one article.
- :mod:`news.store.read`: the read queries of the app, returning typed records.

The names below are the public API (``docs/CONTRACTS.md``).
"""

from __future__ import annotations

from news.store.backend import BUILD_DIR, CACHE_PATH, CATEGORIES, DB_PATH, SCHEMA_VERSION
from news.store.corpus import (
    Corpus,
    code_fingerprint,
    corpus_hash,
    extract_article,
    extract_corpus,
    text_hash,
)
from news.store.read import (
    ArticleRecord,
    ExcerptRecord,
    FigureDict,
    Filters,
    JurisdictionSummary,
    MentionRecord,
    QuoteGroup,
    QuoteRecord,
    Store,
)
from news.store.write import BuildReport, add_article, build_store, ensure_store, slugify

__all__ = [
    "BUILD_DIR",
    "CACHE_PATH",
    "CATEGORIES",
    "DB_PATH",
    "SCHEMA_VERSION",
    "ArticleRecord",
    "BuildReport",
    "Corpus",
    "ExcerptRecord",
    "FigureDict",
    "Filters",
    "JurisdictionSummary",
    "MentionRecord",
    "QuoteGroup",
    "QuoteRecord",
    "Store",
    "add_article",
    "build_store",
    "code_fingerprint",
    "corpus_hash",
    "ensure_store",
    "extract_article",
    "extract_corpus",
    "slugify",
    "text_hash",
]
