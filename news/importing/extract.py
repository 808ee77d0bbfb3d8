"""Documents to article drafts: web pages (trafilatura), PDF (pypdf), Word (python-docx), text.

Each reader returns a :class:`Draft` (body and metadata) or raises :class:`ExtractError` with
the reason in words. No reader knows any particular site.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.metadata import version
from urllib.parse import urlsplit

from news.articles import ArticleRejected, parse_article, parse_published

# Fewer words of main text than this and a page is taken for a section front, a gallery or an
# error page rather than an article (the shortest news briefs run about 60 words).
MIN_ARTICLE_WORDS = 40
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_PARTIAL_DATE = re.compile(r"^\s*(\d{4})(?:[-/.]?(\d{2})(?:[-/.]?(\d{2})(?:\d{4,6})?)?)?(?:$|[\sT_])")
_SENTENCE_END = ".!?:\"'\u201d\u2019)"


class ExtractError(Exception):
    """A document that is not usable as an article; ``str(error)`` is the reason."""


@dataclass(frozen=True)
class Draft:
    """An article read from a document, before it is written.

    Attributes
    ----------
    text : str
        The body, paragraphs separated by blank lines.
    title, outlet, published, url, author : str
        Metadata, ``""`` when unknown; ``published`` as precise as known.
    extractor : str
        The library (and version) that read it, e.g. ``trafilatura 2.3.1``.
    """

    text: str
    title: str = ""
    outlet: str = ""
    published: str = ""
    url: str = ""
    author: str = ""
    extractor: str = ""
    hints: dict[str, str] = field(default_factory=dict)

    def with_hints(self, hints: dict[str, str]) -> Draft:
        """Fill the empty fields from ``hints`` (an export row or a feed item)."""
        fields = ("title", "outlet", "published", "url", "author")
        fill = {k: hints[k] for k in fields if hints.get(k) and not getattr(self, k)}
        return replace(self, **fill)  # type: ignore[arg-type]


@cache
def _lib(name: str, dist: str | None = None) -> str:
    # importlib.metadata reads the package's METADATA file on every call: 3.5 ms, a fifth of
    # reading a saved page (bench/import_pages.py), for a value that cannot change.
    return f"{name} {version(dist or name)}"


def partial_date(value: object) -> str:
    """Read a date keeping its precision: ``2017-03-24 10:00`` -> ``2017-03-24``, ``2017-09``.

    Parameters
    ----------
    value : object
        ISO-like text (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYYMMDD[hhmmss]``, with any time
        after it) or None.

    Returns
    -------
    str
        ``""`` when the value is empty or not such a date.
    """
    m = _PARTIAL_DATE.match(str(value or ""))
    if not m:
        return ""
    date = "-".join(p for p in m.groups() if p)
    try:
        return parse_published(date)[0]
    except ValueError:
        return ""


def host_outlet(url: str) -> str:
    """Return the host of a URL without ``www.``, as an outlet name of last resort."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def decode(data: bytes, declared: str = "", *, html: bool = False) -> str:
    """Decode text: a BOM, the declared charset, a ``<meta charset>`` (HTML), else UTF-8.

    Raises
    ------
    ExtractError
        Not UTF-8 and no declared charset, or an unknown charset.
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    charset = declared
    if not charset and html:
        m = _META_CHARSET.search(data[:4096])
        charset = m.group(1).decode("ascii") if m else ""
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            raise ExtractError(f"unknown charset {charset!r}") from None
        return data.decode(charset, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ExtractError("not UTF-8 and no declared charset") from None


def from_html(data: bytes, url: str = "", charset: str = "") -> Draft:
    """Read a web page: main text and metadata with trafilatura, a date with htmldate.

    Parameters
    ----------
    data : bytes
        The page.
    url : str
        Where it was fetched from (helps trafilatura and htmldate; ``""`` for a saved page).
    charset : str
        The charset declared by the server, if any.

    Returns
    -------
    Draft
    """
    import htmldate
    import trafilatura

    html = decode(data, charset, html=True)
    doc = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False,
        include_tables=False, include_images=False, include_links=False,
    )
    text = getattr(doc, "text", None) or ""
    n_words = len(text.split())
    if n_words < MIN_ARTICLE_WORDS:
        raise ExtractError(
            "not an article page (no main text found)" if not n_words
            else f"not an article page (only {n_words} words of main text)"
        )
    published = partial_date(getattr(doc, "date", None))
    if not published:
        published = partial_date(htmldate.find_date(html, url=url or None, original_date=True))
    title = " ".join((getattr(doc, "title", None) or "").split())
    paragraphs = [" ".join(line.split()) for line in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    # The headline is the title, not the first paragraph of the body.
    if paragraphs and title and paragraphs[0].casefold() == title.casefold():
        paragraphs.pop(0)
    canonical = getattr(doc, "url", None) or url
    if canonical and urlsplit(canonical).scheme not in ("http", "https"):
        canonical = url
    return Draft(
        text="\n\n".join(paragraphs),
        title=title,
        outlet=" ".join((getattr(doc, "sitename", None) or "").split()),
        published=published,
        url=canonical,
        author=" ".join((getattr(doc, "author", None) or "").split()),
        extractor=_lib("trafilatura"),
    )


def _reflow(text: str) -> str:
    """Join hard-wrapped lines: a paragraph ends at a blank line or a line ending a sentence."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.replace("\r", "\n").split("\n"):
        s = " ".join(line.split())
        if not s:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(s)
        if s[-1] in _SENTENCE_END:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def _title_and_body(text: str) -> tuple[str, str]:
    """Split off a first line that reads as a headline (short, not a sentence's end), reflow."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if len(lines) > 1:
        first = " ".join(lines[0].split()).lstrip("#").strip()
        rest = _reflow("\n".join(lines[1:]))
        ends_paragraph = not lines[1].strip()
        if first and rest and len(first) <= 200 and (ends_paragraph
                                                      or first[-1] not in _SENTENCE_END):
            return first, rest
    return "", _reflow("\n".join(lines))


def from_pdf(data: bytes, name: str = "") -> Draft:
    """Read a PDF's text layer with pypdf.

    Raises
    ------
    ExtractError
        Not a PDF, encrypted, or no text layer (a scan).
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractError("this PDF is encrypted")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
        info = reader.metadata
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ExtractError(f"not a readable PDF ({exc})") from None
    if not text.strip():
        raise ExtractError("no text layer in this PDF (a scan? run OCR first)")
    title = str(info.title or "").strip() if info else ""
    author = str(info.author or "").strip() if info else ""
    first, body = _title_and_body(text)
    if title and first and first.casefold() != title.casefold():
        body = f"{first}\n\n{body}"
    title = title or first
    return Draft(text=body, title=title or name, author=author, extractor=_lib("pypdf"))


def from_docx(data: bytes, name: str = "") -> Draft:
    """Read a Word (.docx) file's paragraphs with python-docx."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, ValueError, KeyError) as exc:
        raise ExtractError(f"not a readable .docx file ({exc})") from None
    except Exception as exc:  # a broken zip comes out as zipfile.BadZipFile and friends
        raise ExtractError(f"not a readable .docx file ({type(exc).__name__})") from None
    paragraphs = [" ".join(p.text.split()) for p in document.paragraphs]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise ExtractError("no text in this Word file")
    props = document.core_properties
    title = (props.title or "").strip()
    if not title and len(paragraphs) > 1 and len(paragraphs[0]) <= 200:
        title = paragraphs.pop(0)
    # core_properties.created is when the file was made, not when the story ran: not used.
    return Draft(text="\n\n".join(paragraphs), title=title or name,
                 author=(props.author or "").strip(), extractor=_lib("python-docx"))


def from_text(data: bytes, name: str = "", charset: str = "") -> Draft:
    """Read a text or Markdown file: an article file with front matter, or plain text.

    Plain text: the first line is the title when it is short and more text follows.
    """
    text = decode(data, charset)
    if text.lstrip("\ufeff").startswith("---"):
        try:
            a = parse_article(text.encode("utf-8"), name, "import")
        except ArticleRejected as rejected:
            raise ExtractError(rejected.error.reason) from None
        return Draft(text=a.text, title=a.title, outlet=a.outlet, published=a.published,
                     url=a.url, author=a.author, extractor="front matter")
    if not text.strip():
        raise ExtractError("empty file")
    title, body = _title_and_body(text)
    return Draft(text=body, title=title or name, extractor="plain text")
