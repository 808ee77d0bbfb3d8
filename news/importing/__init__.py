"""Import articles from pages, feeds, exports and files: ``python -m news import`` and the Add page.

- :mod:`news.importing.fetch`: polite, bounded HTTP (timeouts, size cap, redirects checked one
  hop at a time, per-host limit, retries on 429/503, the app's refusal of non-public addresses).
- :mod:`news.importing.extract`: documents to drafts (trafilatura, htmldate, pypdf, python-docx).
- :mod:`news.importing.run`: sources to items, duplicates, writing through the store.
"""

from __future__ import annotations

from news.importing.extract import Draft, ExtractError, partial_date
from news.importing.fetch import Fetcher, FetchError, Response, check_address
from news.importing.run import (
    Importer,
    Item,
    Outcome,
    UsageError,
    expand,
    read_document,
    summary,
    upload_items,
    url_items,
    url_key,
)

__all__ = [
    "Draft",
    "ExtractError",
    "FetchError",
    "Fetcher",
    "Importer",
    "Item",
    "Outcome",
    "Response",
    "UsageError",
    "check_address",
    "expand",
    "partial_date",
    "read_document",
    "summary",
    "upload_items",
    "url_items",
    "url_key",
]
