"""The add-article page's logic: decode and check input, preview, save (no Streamlit here).

Pasting one article goes through :func:`save`; importing files and URLs through
:mod:`news.importing` (:func:`importer`, :func:`describe`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

# The news layer refuses bigger articles too; checking here means a huge upload is refused
# before it is decoded or analysed.
from news.articles import MAX_BYTES, parse_published

if TYPE_CHECKING:
    from news.importing import Draft as ReadDraft
    from news.importing import Importer, Item, Outcome
    from news.pipeline import ArticleAnalysis
    from news.store import Database

_log = logging.getLogger(__name__)

# Items one import on the page may hold: each is read in the server's request, so a big
# collection belongs to the command line (python -m news import), which has no such limit.
MAX_ITEMS = 100
# What a preview shows of a body.
PREVIEW_CHARS = 400
# The kinds the page's uploader takes (news.importing reads them by suffix).
UPLOAD_TYPES = ("html", "htm", "txt", "md", "pdf", "docx")


@dataclass(frozen=True)
class Draft:
    title: str
    outlet: str
    published: str
    url: str
    text: str


def decode_upload(data: bytes | None, name: str, pasted: str) -> tuple[str | None, str | None]:
    """The article text from an upload (preferred) or the pasted text; (text, problem)."""
    if data is not None:
        if len(data) > MAX_BYTES:
            return None, (f"The file {name} is {len(data) / 1024 / 1024:.1f} MB; articles are "
                          f"limited to {MAX_BYTES // 1024 // 1024} MB.")
        try:
            return data.decode("utf-8-sig"), None
        except UnicodeDecodeError:
            return None, f"The file {name} is not UTF-8 text."
    if len(pasted.encode("utf-8")) > MAX_BYTES:
        return None, f"The pasted text is over {MAX_BYTES // 1024 // 1024} MB."
    return pasted, None


def check_draft(d: Draft) -> list[str]:
    """Problems a user can fix, in words; empty when the draft can be analysed and saved."""
    problems = []
    if not d.text.strip():
        problems.append("The article text is empty: paste it or upload a .txt/.md file.")
    if not d.title.strip():
        problems.append("The article needs a title.")
    if not d.outlet.strip():
        problems.append("The article needs an outlet (the publication it appeared in).")
    try:
        parse_published(d.published.strip())
    except ValueError as error:
        # The same check the save applies, so a draft that previews never fails on its date.
        problems.append(f"Published must look like 2017-03-24, 2017-03 or 2017 (or be empty): {error}.")
    url = d.url.strip()
    if url and not re.match(r"^https?://[^\s/]+", url, re.IGNORECASE):
        problems.append("The URL must start with http:// or https:// (or be empty).")
    return problems


def analyze(text: str) -> tuple[ArticleAnalysis | None, str | None]:
    """Preview what the pipeline finds; writes nothing. (analysis, None) or (None, message).

    A text the extraction code fails on is a message, as its save would be refused.
    """
    from news.pipeline import analyze_text
    from news.store.corpus import failure_detail

    try:
        return analyze_text(text), None
    except Exception as exc:  # a bug on this text: say so on the page, not as a traceback
        _log.exception("preview failed")
        return None, (f"No preview: the extraction failed on this text ({failure_detail(exc)})."
                      " Saving it would be refused too; please report it with the text.")


def save(d: Draft, database: Database | None = None) -> tuple[str | None, str | None]:
    """Add the article through ``news.store.add_article``; (id, None) or (None, message).

    ``database``: the store to add it to (default the embedded SQLite store).
    """
    from news.articles import ArticleRejected
    from news.store import StoreUnavailable, add_article

    try:
        article_id = add_article(text=d.text, title=d.title.strip(), outlet=d.outlet.strip(),
                                 published=d.published.strip(), url=d.url.strip(),
                                 database=database)
    except ArticleRejected as rejected:
        return None, f"Not saved: {rejected.error.reason}"
    except StoreUnavailable as error:
        return None, f"Not saved: {error}. Nothing was stored; try again in a moment."
    return str(article_id), None


def importer(directory: Path, database: Database, *, allow_private: bool) -> Importer:
    """The importer of the Add page: the app's articles folder and store, the app's fetcher.

    ``allow_private``: the operator's setting (:func:`ui.settings.allow_private_urls`); off, a
    URL whose host is loopback, private or link-local is refused, after DNS and on every
    redirect. On PostgreSQL nothing is written into the folder, as for a pasted article.
    """
    from news.importing import Fetcher, Importer

    return Importer(directory, database, fetcher=Fetcher(allow_private=allow_private),
                    keep_files=False)


def keepable(
    results: list[tuple[Item, ReadDraft | Outcome]],
) -> list[tuple[Item, ReadDraft | Outcome]]:
    """Read results to keep in the session until Import: the uploads' bytes are dropped.

    Saving needs what was read, not the file (up to 20 MB each) it was read from.
    """
    from dataclasses import replace

    return [(replace(item, data=None) if item.data is not None else item, result)
            for item, result in results]


def result_lines(outcomes: list[Outcome], root: Path) -> list[str]:
    """The command's lines for the page, article files named from ``root`` (the app's folder).

    A user of the app sees ``data/articles/x.md``, not where the server keeps its files.
    """
    from dataclasses import replace

    lines = []
    for o in outcomes:
        path = Path(o.path)
        if o.path and path.is_absolute() and path.is_relative_to(root):
            o = replace(o, path=str(path.relative_to(root)))
        lines.append(o.line)
    return lines


@dataclass(frozen=True)
class DraftView:
    """What the preview shows of one read article, as plain text."""

    title: str
    details: str
    beginning: str
    words: int


def describe(draft: ReadDraft, limit: int = PREVIEW_CHARS) -> DraftView:
    """Title, outlet · date · author · URL, and the body's first lines of a read article."""
    from news.importing.extract import host_outlet

    outlet = draft.outlet or host_outlet(draft.url) or "outlet unknown"
    details = [outlet, draft.published or "date unknown"]
    if draft.author:
        details.append(f"by {draft.author}")
    if draft.url:
        details.append(draft.url)
    text = draft.text.strip()
    beginning = text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
    return DraftView(title=draft.title or "(no title)", details=" · ".join(details),
                     beginning=beginning, words=len(text.split()))
