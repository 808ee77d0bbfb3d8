"""Article files: Markdown with YAML front matter under ``data/articles/``.

A file that cannot be read as an article becomes an :class:`ArticleError` value with its path and
the reason; every other article still loads. Nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from geo import _lexicon as lex
from geo.text import alternation

REPO = Path(__file__).resolve().parent.parent
ARTICLES_DIR = REPO / "data" / "articles"
MAX_BYTES = 5 * 1024 * 1024
REQUIRED = ("title", "outlet")
KNOWN_KEYS = frozenset(
    {"title", "outlet", "published", "url", "author", "notes", "captions", "stripped", "place"}
)



# LibYAML's parser when PyYAML was built with it (the pure-Python one took about a twentieth of
# a store build); both are safe loaders and resolve tags with the same Python resolver.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[valid-type,misc]
    """Safe YAML loader that leaves dates as text, so "2017-02-30" is our error, not YAML's."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# A line that is nothing but a photo credit: capitalised words joined by spaces, slashes, bars
# and "via" ("Ann Ruiz/AFP via Getty Images", "Ann Ruiz | AP"); a caption has other words.
_BARE_CREDIT = re.compile(
    r"^(?:[A-Z][\w'\u2019.\-]*|via|/|\|)(?:[ \t]*(?:[A-Z][\w'\u2019.\-]*|via|/|\|))*$"
)
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
# Photo captions: credit lines of wire photos. A paragraph that ends in an agency credit, or
# carries "via <AGENCY>" / "(AP Photo/...)", or a line opened by a credit marker and a colon
# ("Photo:", "Credit:").
_CAPTION = re.compile(
    rf"(?:\b(?:{alternation(lex.PHOTO_AGENCIES)})\W*$"
    rf"|\bvia (?:{alternation(lex.PHOTO_AGENCIES | {'AP'})})\b"
    rf"|^\s*(?:{alternation(lex.CREDIT_MARKERS)})[ \t]*:)",
    re.MULTILINE,
)


@dataclass(frozen=True)
class ArticleError:
    """A file under the articles folder that is not a usable article.

    Attributes
    ----------
    path : str
        The file's path as given.
    reason : str
        What is wrong, in words a user can act on.
    """

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class ArticleRejected(ValueError):
    """An article refused on the add-article path; carries the :class:`ArticleError`.

    ``duplicate_of``: the id of the stored article with the same text or URL, when that is
    why (``""`` otherwise, or when the store did not say which).
    """

    def __init__(self, error: ArticleError, duplicate_of: str = "") -> None:
        self.error = error
        self.duplicate_of = duplicate_of
        super().__init__(str(error))


@dataclass(frozen=True)
class Article:
    r"""One article as stored; every offset in the project indexes into ``text``.

    Attributes
    ----------
    id : str
        The file stem, a stable slug.
    title, outlet : str
        From the front matter (required).
    published : str
        ISO date as precise as known: ``2017-03-24``, ``2017-09`` or ``2017``; ``""`` if unknown.
    date_precision : str
        ``day``, ``month``, ``year`` or ``""`` when no date is given.
    url, author, notes : str
        Optional front matter fields, ``""`` when absent.
    text : str
        The body after the front matter (line endings normalised to ``\n``).
    path : str
        The file path.
    captions : tuple of (int, int)
        Spans of ``text`` that are photo captions.
    stripped : tuple of str
        Lines the import removed as site chrome (from the front matter).
    sha256 : str
        Hash of the file's bytes; keys the extraction cache.
    place : str
        The outlet's home as written in the front matter ("Smyrna, DE"), ``""`` when unknown;
        the geoparser reads bare local names near it (:class:`geo.geoparse.GeoContext`).
    """

    id: str
    title: str
    outlet: str
    published: str
    date_precision: str
    url: str
    author: str
    notes: str
    text: str
    path: str
    captions: tuple[tuple[int, int], ...] = ()
    stripped: tuple[str, ...] = ()
    sha256: str = ""
    place: str = ""


def parse_published(value: object) -> tuple[str, str]:
    """Parse a ``published`` value, keeping its precision.

    Parameters
    ----------
    value : object
        What YAML gave: a ``date``, a string such as ``"2017-09"``, an int year, or ``None``.

    Returns
    -------
    tuple of str
        ``(iso, precision)``: ``("2017-09", "month")``; ``("", "")`` when no date is given.

    Raises
    ------
    ValueError
        If the value is not a real date in one of the accepted forms.
    """
    if value is None or value == "":
        return "", ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), "day"
    if isinstance(value, dt.date):
        return value.isoformat(), "day"
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m:
        raise ValueError(f"published {text!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = m.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"published {text!r} is not a real date ({exc})") from None
    if not 1600 <= int(year) <= 2200:
        raise ValueError(f"published {text!r}: year out of range")
    return text, "day" if day else "month" if month else "year"


def find_captions(text: str, declared: Iterable[str] = ()) -> tuple[tuple[int, int], ...]:
    """Spans of photo captions in a body.

    Parameters
    ----------
    text : str
        Article body.
    declared : iterable of str
        Caption texts listed in the front matter; each must occur in ``text``.

    Returns
    -------
    tuple of (int, int)
        Sorted, de-duplicated line spans: declared captions plus lines with a photo credit.

    Raises
    ------
    ValueError
        If a declared caption does not occur in the body.
    """
    spans: set[tuple[int, int]] = set()
    for cap in declared:
        cap = str(cap).strip()
        i = text.find(cap) if cap else -1
        if i < 0:
            raise ValueError(f"caption not found in the body: {cap[:60]!r}")
        spans.add((i, i + len(cap)))
    return tuple(sorted(spans.union(_credit_lines(text))))


# (a body's captions are read when its file is parsed and again when it is analysed)
@functools.lru_cache(maxsize=8)
def _credit_lines(text: str) -> tuple[tuple[int, int], ...]:
    if _CAPTION.search(text) is None:
        # Any line the loop below would take matches in the whole body too (the pattern is
        # multiline), and most bodies have no credit line: one search instead of one per line.
        return ()
    spans = []
    pos = 0
    above: tuple[int, int] | None = None  # the line just above, when not blank
    for line in text.split("\n"):
        stripped = line.strip()
        here = None
        if stripped:
            s = pos + line.index(stripped)
            here = (s, s + len(stripped))
            if _CAPTION.search(stripped):
                spans.append(here)
                if above is not None and _BARE_CREDIT.match(stripped):
                    # A credit alone on its line ("Ann Ruiz/AFP via Getty Images") credits the
                    # caption on the line above it.
                    spans.append(above)
        above = here
        pos += len(line) + 1
    return tuple(spans)


def _too_big(size: int) -> str:
    return f"file is {size / 1e6:.1f} MB, more than the {MAX_BYTES // 2**20} MB limit"


def _text(meta: dict, key: str) -> str:
    value = meta.get(key)
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        raise ValueError(f"{key!r} must be text, not a {type(value).__name__}")
    return str(value).strip()


def parse_article(raw: bytes, path: str | Path, article_id: str) -> Article:
    """Parse one article file's bytes.

    Parameters
    ----------
    raw : bytes
        The file content.
    path : str or Path
        Where it came from (reported in errors).
    article_id : str
        The slug (file stem).

    Returns
    -------
    Article

    Raises
    ------
    ArticleRejected
        With the reason, for any problem a user can fix.
    """

    def reject(reason: str) -> ArticleRejected:
        return ArticleRejected(ArticleError(str(path), reason))

    if len(raw) > MAX_BYTES:
        raise reject(_too_big(len(raw)))
    if not raw.strip():
        raise reject("empty file")
    if b"\x00" in raw[:8192]:
        raise reject("binary file (contains NUL bytes), not a Markdown article")
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise reject(f"not UTF-8 text (byte {exc.start}: {exc.reason})") from None
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    m = _FRONT.match(content)
    if not m:
        raise reject("no YAML front matter (the file must start with a '---' line)")
    try:
        meta = yaml.load(m.group(1) or "", Loader=_Loader) or {}  # _Loader is a SafeLoader
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise reject(f"front matter is not valid YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(meta, dict):
        raise reject("front matter must be a mapping of keys to values")
    try:
        fields = {k: _text(meta, k)
                  for k in ("title", "outlet", "url", "author", "notes", "place")}
    except ValueError as exc:
        raise reject(str(exc)) from None
    if fields["place"]:
        from geo.geoparse import GeoContext

        try:
            GeoContext.from_place(fields["place"])
        except ValueError as exc:
            raise reject(f"'place' must be 'Town, ST' or a state: {exc}") from None
    for key in REQUIRED:
        if not fields[key]:
            raise reject(f"missing {key!r} in the front matter")
    try:
        published, precision = parse_published(meta.get("published"))
    except ValueError as exc:
        raise reject(str(exc)) from None
    body = content[m.end() :].strip("\n").rstrip()
    if not body.strip():
        raise reject("empty body: nothing after the front matter")
    captions_meta = meta.get("captions") or []
    stripped_meta = meta.get("stripped") or []
    if not isinstance(captions_meta, list) or not isinstance(stripped_meta, list):
        raise reject("'captions' and 'stripped' must be lists")
    try:
        captions = find_captions(body, captions_meta)
    except ValueError as exc:
        raise reject(str(exc)) from None
    return Article(
        id=article_id,
        published=published,
        date_precision=precision,
        text=body,
        path=str(path),
        captions=captions,
        stripped=tuple(str(s) for s in stripped_meta),
        sha256=hashlib.sha256(raw).hexdigest(),
        **fields,
    )


def load_article(path: Path, root: Path | None = None) -> Article | ArticleError:
    """Load one article file; problems come back as an :class:`ArticleError`.

    Parameters
    ----------
    path : Path
        The ``.md`` file.
    root : Path, optional
        The articles folder; a symlink resolving outside it is refused.

    Returns
    -------
    Article or ArticleError
    """
    root = (root or path.parent).resolve()
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        return ArticleError(str(path), f"cannot be opened: {exc}")
    if not real.is_relative_to(root):
        return ArticleError(str(path), f"link points outside the articles folder ({real})")
    if not real.is_file():
        return ArticleError(str(path), "not a regular file")
    try:
        size = real.stat().st_size
        if size > MAX_BYTES:
            return ArticleError(str(path), _too_big(size))
        raw = real.read_bytes()
    except OSError as exc:
        return ArticleError(str(path), f"cannot be read: {exc.strerror or exc}")
    try:
        return parse_article(raw, path, path.stem)
    except ArticleRejected as exc:
        return exc.error


def article_paths(directory: Path) -> list[Path]:
    """Every entry of the articles folder that is considered (hidden files excepted), sorted."""
    if not directory.is_dir():
        return []
    return sorted((p for p in directory.iterdir() if not p.name.startswith(".")), key=str)


def iter_articles(directory: Path | None = None) -> Iterator[Article | ArticleError]:
    """Yield every article of a folder, or the error of each file that is not one, in name order.

    A file whose body repeats an earlier file's (case and whitespace ignored) is an error: the
    copy would count every excerpt twice.

    Parameters
    ----------
    directory : Path, optional
        Defaults to ``data/articles/`` of this repository.

    Yields
    ------
    Article or ArticleError
    """
    directory = directory or ARTICLES_DIR
    # Body key -> (id, path) of the first article with that body: not the Article, whose text
    # would keep every body of the folder in memory until the last one is read.
    seen: dict[bytes, tuple[str, str]] = {}
    for path in article_paths(directory):
        shown = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        if shown != str(path):
            # The id (file stem) must be text the store and the app can hold.
            yield ArticleError(shown, "file name is not valid UTF-8; rename the file")
            continue
        if path.suffix.lower() != ".md":
            yield ArticleError(str(path), "not a .md file; articles are Markdown files")
            continue
        result = load_article(path, directory)
        if isinstance(result, ArticleError):
            yield result
            continue
        key = bytes.fromhex(text_hash(result.text))
        if key in seen:
            first_id, first_path = seen[key]
            yield ArticleError(
                result.path,
                f"same text as article {first_id!r} ({first_path}); the copy is not loaded",
            )
            continue
        seen[key] = (result.id, result.path)
        yield result


def load_articles(directory: Path | None = None) -> tuple[list[Article], list[ArticleError]]:
    """Load every article of a folder.

    Parameters
    ----------
    directory : Path, optional
        Defaults to ``data/articles/`` of this repository.

    Returns
    -------
    tuple
        ``(articles, errors)``: articles sorted by id; one error per file that is not an article
        (including files that are not ``.md`` and copies of another article).
    """
    articles: list[Article] = []
    errors: list[ArticleError] = []
    for result in iter_articles(directory):
        if isinstance(result, ArticleError):
            errors.append(result)
        else:
            articles.append(result)
    return articles, errors


# (an article's body is hashed when the folder is read and again when it is stored)
@functools.lru_cache(maxsize=8)
def text_hash(text: str) -> str:
    """Return the hash of a body for duplicate detection: case and whitespace ignored.

    Parameters
    ----------
    text : str
        An article body.

    Returns
    -------
    str
        SHA-256, hex, of the NFKC, case-folded body with whitespace runs as one space.
    """
    norm = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(norm.encode()).hexdigest()


def render_article(meta: dict, body: str) -> str:
    """Render front matter and body as an article file's text.

    Parameters
    ----------
    meta : dict
        Front matter fields; empty values other than ``url`` are left out.
    body : str
        Article body.

    Returns
    -------
    str
    """
    keep = {k: v for k, v in meta.items() if v not in (None, "", [], ()) or k == "url"}
    front = yaml.safe_dump(keep, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{front}---\n\n{body.strip()}\n"
