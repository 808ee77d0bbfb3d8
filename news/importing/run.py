"""The import: sources to items, items to drafts (fetching, extracting), drafts to articles.

Reading runs on a few threads (fetching is polite: see :mod:`news.importing.fetch`); writing is
serial, in batches through :func:`news.store.add_articles`: each article is one whole file, and
each batch one store transaction (the store's fixed costs, its scan, commit and fsync, are paid
once a batch rather than once an article). A killed import leaves whole files and a consistent
store; a re-run imports the rest.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from news.articles import ARTICLES_DIR, render_article
from news.importing.extract import (
    Draft,
    ExtractError,
    decode,
    from_docx,
    from_html,
    from_pdf,
    from_text,
    host_outlet,
    partial_date,
)
from news.importing.fetch import MAX_FETCH_BYTES, Fetcher, FetchError, Response
from news.store import (
    Added,
    Database,
    NewArticle,
    StoredKeys,
    StoreUnavailable,
    add_articles,
    parse_database,
    stored_keys,
    text_hash,
)

PAGE_SUFFIXES = frozenset({".html", ".htm"})
TEXT_SUFFIXES = frozenset({".txt", ".md"})
DOC_SUFFIXES = frozenset({".pdf", ".docx"})
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl"})
FILE_SUFFIXES = PAGE_SUFFIXES | TEXT_SUFFIXES | DOC_SUFFIXES
UNKNOWN_OUTLET = "Unknown outlet"
WORKERS = 8  # threads reading items; each host still gets at most Fetcher.per_host of them
# Items per store transaction (at most): a batch's lines are printed when it is stored.
BATCH = 32

# Column names of the exports, lower case: ours first, then Media Cloud's, then GDELT's.
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "url": ("url", "documentidentifier", "sourceurl"),
    "title": ("title",),
    "outlet": ("outlet", "media_name", "sourcecommonname"),
    "published": ("published", "publish_date", "date", "sqldate"),
    "author": ("author",),
    "text": ("text",),
}
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/xml", "text/xml", "application/feed+json"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class UsageError(ValueError):
    """A source that cannot be used at all (missing file, unsupported kind): exit status 2."""


@dataclass(frozen=True)
class Item:
    """One thing to import.

    Attributes
    ----------
    origin : str
        Where it comes from, as shown to the user: a URL, a path, ``file.csv row 3``.
    url : str
        The page to fetch (``""``: nothing to fetch).
    path : Path or None
        A file to read.
    data : bytes or None
        Content given directly (an upload in the app).
    hints : mapping
        Metadata from an export row or a feed item (``title, outlet, published, url,
        author, text``).
    may_be_feed : bool
        A URL given as a source: a feed is expanded into its items.
    problem : str
        Why the item cannot be read at all (a bad export row).
    """

    origin: str
    url: str = ""
    path: Path | None = None
    data: bytes | None = None
    hints: Mapping[str, str] = field(default_factory=dict)
    may_be_feed: bool = False
    problem: str = ""


@dataclass(frozen=True)
class Outcome:
    """What became of one item: ``imported``, ``duplicate`` or ``failed``.

    Attributes
    ----------
    origin : str
        The item's origin.
    status : str
        ``imported``, ``duplicate`` or ``failed``.
    path : str
        The article file written (imported) or the one it duplicates.
    reason : str
        Why it failed or what it duplicates.
    draft : Draft or None
        What was read (for previews).
    article : str
        The stored article's id (imported).

    A preview (:meth:`Importer.preview`) also has ``ready``: read, and new.
    """

    origin: str
    status: str
    path: str = ""
    reason: str = ""
    draft: Draft | None = None
    article: str = ""

    @property
    def line(self) -> str:
        """The one-line report of the command and the app."""
        if self.status == "imported":
            return f"imported {self.path or self.article}"
        if self.status == "duplicate":
            return f"duplicate of {self.path}: {self.origin}"
        if self.status == "ready":
            return f"ready: {self.origin}"
        return f"failed: {self.origin}: {self.reason}"


def summary(statuses: Iterable[str]) -> str:
    """Return the command's last line: ``2 imported, 1 duplicates, 0 failed``.

    Parameters
    ----------
    statuses : iterable of str
        The outcomes' statuses.

    Returns
    -------
    str
    """
    counts = Counter(statuses)
    return (f"{counts['imported']} imported, {counts['duplicate']} duplicates,"
            f" {counts['failed']} failed")


def url_key(url: str) -> str:
    """Normalise a URL for duplicate detection.

    courlan drops tracking parameters and the fragment and lower-cases the host; the scheme,
    ``www.`` and a trailing slash are set aside too.

    Parameters
    ----------
    url : str

    Returns
    -------
    str
    """
    from courlan import normalize_url

    url = url.strip()
    try:
        url = normalize_url(url, strict=True)
    except ValueError:
        pass
    url = re.sub(r"^https?://(www\.)?", "", url, flags=re.I)
    return url.rstrip("/").lower()


# --------------------------------------------------------------------------- sources


def _is_url(source: str) -> bool:
    return re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source) is not None


def _column(row: Mapping[str, object], names: Sequence[str]) -> str:
    lower = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    for name in names:
        value = lower.get(name)
        if value not in (None, ""):
            return str(value).strip()
    return ""


def _row_item(table: Path, n: int, row: Mapping[str, object]) -> Item:
    hints = {key: _column(row, names) for key, names in COLUMNS.items()}
    hints["published"] = partial_date(hints["published"])
    origin = f"{table} row {n}"
    url = hints["url"]
    if url and not re.match(r"^https?://", url, re.I):
        return Item(origin=origin, problem=f"not an http(s) URL: {url!r}")
    if not url and not hints["text"]:
        return Item(origin=origin, problem="no url and no text in this row")
    if hints["text"]:
        return Item(origin=url or origin, hints=hints)
    return Item(origin=url, url=url, hints=hints)


def table_items(path: Path) -> list[Item]:
    """Read the rows of a CSV, TSV or JSONL export as items (a header row names the columns).

    Parameters
    ----------
    path : Path

    Returns
    -------
    list of Item

    Raises
    ------
    UsageError
        The file cannot be read, or has no column of URLs or texts.
    """
    try:
        raw = path.read_bytes()
        text = decode(raw)
    except (OSError, ExtractError) as exc:
        raise UsageError(f"{path}: {exc}") from None
    rows: list[Mapping[str, object]] = []
    if path.suffix.lower() == ".jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as exc:
                raise UsageError(f"{path} line {n}: not JSON ({exc})") from None
            if not isinstance(obj, dict):
                raise UsageError(f"{path} line {n}: not a JSON object")
            rows.append(obj)
    else:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))
    if rows:
        names = {str(k).strip().lower() for r in rows[:1] for k in r if k is not None}
        if not names & {*COLUMNS["url"], *COLUMNS["text"]}:
            raise UsageError(
                f"{path}: no url column (url, DocumentIdentifier or SOURCEURL) and no text column"
            )
    return [_row_item(path, n, row) for n, row in enumerate(rows, 1)]


def expand(sources: Iterable[str | Path]) -> list[Item]:
    """Turn the command line's sources into items; folders are read recursively.

    Parameters
    ----------
    sources : iterable of str or Path
        URLs, files and folders.

    Returns
    -------
    list of Item

    Raises
    ------
    UsageError
        A source that is neither an http(s) URL nor an existing file or folder of a known kind.
    """
    items: list[Item] = []
    for source in sources:
        s = str(source)
        if _is_url(s):
            if not re.match(r"^https?://", s, re.I):
                raise UsageError(f"{s}: only http:// and https:// URLs can be imported")
            items.append(Item(origin=s, url=s, may_be_feed=True))
            continue
        path = Path(s)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                rel = p.relative_to(path).parts
                if p.is_file() and not any(part.startswith(".") for part in rel):
                    suffix = p.suffix.lower()
                    if suffix in TABLE_SUFFIXES:
                        items.extend(table_items(p))
                    elif suffix in FILE_SUFFIXES:
                        items.append(Item(origin=str(p), path=p))
            continue
        if not path.exists():
            raise UsageError(f"{s}: no such file or folder, and not an http(s) URL")
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES:
            items.extend(table_items(path))
        elif suffix in FILE_SUFFIXES:
            items.append(Item(origin=str(path), path=path))
        else:
            raise UsageError(f"{s}: {_unknown_kind(suffix, FILE_SUFFIXES | TABLE_SUFFIXES)}")
    return items


def upload_items(files: Iterable[tuple[str, bytes]]) -> list[Item]:
    """Items for uploaded files (the Add page), each read by its name's suffix.

    Parameters
    ----------
    files : iterable of (name, content)

    Returns
    -------
    list of Item
        A file of a kind that cannot be imported is an item that fails with the reason.
    """
    items = []
    for name, data in files:
        suffix = Path(name).suffix.lower()
        if suffix in FILE_SUFFIXES:
            items.append(Item(origin=name, data=data))
        else:
            items.append(Item(origin=name, problem=_unknown_kind(suffix, FILE_SUFFIXES)))
    return items


def url_items(text: str) -> list[Item]:
    """Items for URLs typed one per line (the Add page): article pages or feeds.

    Blank lines are skipped; a line that is not an http(s) URL is an item that fails with the
    reason.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of Item
    """
    items = []
    for line in text.splitlines():
        url = line.strip()
        if not url:
            continue
        if re.match(r"^https?://[^\s/?#]+", url, re.I) and not re.search(r"\s", url):
            items.append(Item(origin=url, url=url, may_be_feed=True))
        else:
            items.append(Item(origin=url, problem="not an http(s) URL"))
    return items


def _unknown_kind(suffix: str, known: Iterable[str]) -> str:
    return f"cannot import {suffix or 'this kind of'} files (known: {', '.join(sorted(known))})"


# --------------------------------------------------------------------------- reading


def _is_feed(resp: Response) -> bool:
    if resp.content_type in HTML_TYPES:
        return False
    if resp.content_type in FEED_TYPES or not resp.content_type:
        head = resp.body[:1024].lstrip().lower()
        return head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf"))
    return False


def feed_items(resp: Response) -> list[Item]:
    """Return a feed's items with their metadata (feedparser); their pages are fetched later."""
    import feedparser  # type: ignore[import-untyped]

    parsed = feedparser.parse(resp.body, response_headers={"content-location": resp.final_url})
    if not parsed.get("version") and not parsed.entries:
        raise ExtractError("not a feed and not an article page")
    outlet = " ".join(str(parsed.feed.get("title", "")).split())
    items = []
    for n, entry in enumerate(parsed.entries, 1):
        link = str(entry.get("link", "")).strip()
        origin = link or f"{resp.url} item {n}"
        if not re.match(r"^https?://", link, re.I):
            items.append(Item(origin=origin, problem="feed item without an http(s) link"))
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else ""
        hints = {"title": " ".join(str(entry.get("title", "")).split()), "outlet": outlet,
                 "published": published, "author": str(entry.get("author", "")).strip()}
        items.append(Item(origin=link, url=link, hints=hints))
    return items


def read_document(data: bytes, name: str, *, url: str = "", content_type: str = "",
                  charset: str = "") -> Draft:
    """Read one document by its kind (file suffix or media type).

    Parameters
    ----------
    data : bytes
    name : str
        A file name (its suffix decides) or the URL.
    url, content_type, charset : str
        For fetched documents.

    Returns
    -------
    Draft

    Raises
    ------
    ExtractError
    """
    suffix = Path(name.split("?", 1)[0]).suffix.lower()
    if content_type in HTML_TYPES or (not content_type and suffix in PAGE_SUFFIXES):
        return from_html(data, url, charset)
    if content_type == "application/pdf" or (not content_type and suffix == ".pdf"):
        return from_pdf(data, Path(name).stem)
    if (content_type.endswith("wordprocessingml.document")
            or (not content_type and suffix == ".docx")):
        return from_docx(data, Path(name).stem)
    if content_type in ("text/plain", "text/markdown") or (not content_type and suffix in
                                                             TEXT_SUFFIXES):
        return from_text(data, Path(name).stem, charset)
    if content_type:
        raise ExtractError(f"not an article page (content type {content_type})")
    raise ExtractError(f"cannot read {suffix or 'this kind of'} files")


@dataclass
class Importer:
    """Import items into an articles folder and its store.

    Parameters
    ----------
    directory : Path
        The articles folder (created if missing).
    database : Database, optional
        The store; default: the SQLite store ``build/sanctuary.sqlite`` next to the folder
        (``data/build/`` for ``data/articles/``).
    fetcher : Fetcher, optional
        Default: a :class:`Fetcher` that allows private addresses (the command line).
    workers : int
        Threads reading items.
    max_bytes : int
        The size cap of a local file.
    keep_files : bool
        PostgreSQL: also write each article's file into the folder (the command line). The
        app keeps the article in the shared store only, as its paste path does.
    """

    directory: Path = ARTICLES_DIR
    database: Database | None = None
    fetcher: Fetcher = field(default_factory=Fetcher)
    workers: int = WORKERS
    max_bytes: int = MAX_FETCH_BYTES
    keep_files: bool = True
    _urls: dict[str, str] = field(default_factory=dict, repr=False)
    _texts: dict[str, str] = field(default_factory=dict, repr=False)
    _indexed: bool = field(default=False, repr=False)
    _stored: StoredKeys = field(default_factory=lambda: StoredKeys({}, {}), repr=False)

    def __post_init__(self) -> None:
        self.directory = Path(self.directory)
        if self.database is None:
            build = self.directory.resolve().parent / "build"
            self.database = parse_database(build / "sanctuary.sqlite")

    # ------------------------------------------------------------------ the folder's index

    def _index(self) -> None:
        """Index the folder's articles by URL (and origin URL) and by text."""
        if self._indexed:
            return
        self._indexed = True
        assert self.database is not None
        if self.database.postgres:
            # A shared store holds articles other servers added: not fetched again either.
            # (A SQLite store is derived from the folder, which is indexed below: an article
            # whose file was removed there is imported again.)
            try:
                self._stored = stored_keys(self.database)
            except StoreUnavailable:
                pass  # the save says so, item by item
        if not self.directory.is_dir():
            return
        for p in sorted(self.directory.glob("*.md")):
            try:
                content = p.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                continue
            m = _FRONT.match(content)
            if not m:
                continue
            try:
                # BaseLoader: every value stays text; only keys are needed here
                meta = yaml.load(m.group(1) or "", Loader=yaml.BaseLoader) or {}
            except yaml.YAMLError:
                continue
            if not isinstance(meta, dict):
                continue
            self._remember(str(p), content[m.end():].strip(), meta)

    def _remember(self, path: str, text: str, meta: Mapping[str, object]) -> None:
        self._texts.setdefault(text_hash(text), path)
        source = meta.get("source")
        for url in (meta.get("url"), source.get("origin") if isinstance(source, dict) else ""):
            if isinstance(url, str) and re.match(r"^https?://", url, re.I):
                self._urls.setdefault(url_key(url), path)

    def _shown(self, article_id: str) -> str:
        """How an outcome names a stored article: its file, else (shared store) its id."""
        path = self.directory / f"{article_id}.md"
        assert self.database is not None
        return str(path) if not self.database.postgres or path.is_file() else article_id

    def _known_url(self, url: str) -> str:
        if not url:
            return ""
        found = self._urls.get(url_key(url), "")
        if not found and (stored := self._stored.of(url=url)):
            found = self._shown(stored)
        return found

    def known(self, draft: Draft) -> str:
        """Return the article file ``draft`` duplicates (same normalised URL or text), or ``""``.

        Parameters
        ----------
        draft : Draft

        Returns
        -------
        str
        """
        self._index()
        found = self._known_url(draft.url) or self._texts.get(text_hash(draft.text), "")
        if not found and (stored := self._stored.of(text=draft.text.strip())):
            found = self._shown(stored)
        return found

    # ------------------------------------------------------------------ reading

    def _fetch_sources(self, items: list[Item]) -> list[tuple[Item, Response | Outcome | None]]:
        """Fetch the URLs given as sources; a feed becomes its items."""
        out: list[tuple[Item, Response | Outcome | None]] = []

        def get(item: Item) -> Response | Outcome | None:
            if not item.may_be_feed:
                return None
            known = self._known_url(item.url)
            if known:
                return Outcome(item.origin, "duplicate", known)
            try:
                return self.fetcher.fetch(item.url)
            except FetchError as exc:
                return Outcome(item.origin, "failed", reason=str(exc))

        with ThreadPoolExecutor(self.workers) as pool:
            for item, got in zip(items, pool.map(get, items), strict=True):
                if isinstance(got, Response) and _is_feed(got):
                    try:
                        out.extend((sub, None) for sub in feed_items(got))
                    except ExtractError as exc:
                        out.append((item, Outcome(item.origin, "failed", reason=str(exc))))
                    continue
                out.append((item, got))
        return out

    def _read(self, item: Item, prefetched: Response | Outcome | None) -> Draft | Outcome:
        if isinstance(prefetched, Outcome):
            return prefetched
        if item.problem:
            return Outcome(item.origin, "failed", reason=item.problem)
        try:
            if item.hints.get("text"):
                h = item.hints
                return Draft(text=h["text"], title=h.get("title", ""),
                             outlet=h.get("outlet", ""), published=h.get("published", ""),
                             url=h.get("url", ""), author=h.get("author", ""),
                             extractor="export row")
            if item.url:
                known = self._known_url(item.url)
                if known:
                    return Outcome(item.origin, "duplicate", known)
                resp = prefetched or self.fetcher.fetch(item.url)
                draft = read_document(resp.body, resp.final_url, url=resp.final_url,
                                      content_type=resp.content_type or "text/html",
                                      charset=resp.charset)
                draft = replace(draft, hints={"origin": item.url, "fetched_at": resp.fetched_at})
                if not draft.url:
                    draft = replace(draft, url=resp.final_url)
                return draft.with_hints(dict(item.hints))
            if item.data is not None:
                data = item.data
            elif item.path is not None:
                size = item.path.stat().st_size
                if size > self.max_bytes:
                    return Outcome(item.origin, "failed",
                                   reason=f"larger than the limit ({self.max_bytes // 2**20} MB)")
                data = item.path.read_bytes()
            else:
                return Outcome(item.origin, "failed", reason="nothing to read")
            if len(data) > self.max_bytes:
                return Outcome(item.origin, "failed",
                               reason=f"larger than the limit ({self.max_bytes // 2**20} MB)")
            return read_document(data, item.origin).with_hints(dict(item.hints))
        except (FetchError, ExtractError) as exc:
            return Outcome(item.origin, "failed", reason=str(exc))
        except OSError as exc:
            return Outcome(item.origin, "failed", reason=f"cannot read: {exc.strerror or exc}")

    def read(self, items: Sequence[Item],
             progress: Callable[[int, int], None] | None = None,
             ) -> Iterator[tuple[Item, Draft | Outcome]]:
        """Fetch and extract every item (feeds expanded), in order; nothing is written.

        Parameters
        ----------
        items : sequence of Item
        progress : callable, optional
            Called with ``(done, total)`` as items are read.

        Yields
        ------
        (Item, Draft or Outcome)
            A draft, or the outcome already known (failed, or a duplicate by URL).
        """
        self._index()
        expanded = self._fetch_sources(list(items))
        total = len(expanded)
        with ThreadPoolExecutor(self.workers) as pool:
            results = pool.map(lambda pair: self._read(*pair), expanded)
            for n, ((item, _), result) in enumerate(zip(expanded, results, strict=True), 1):
                if progress is not None:
                    progress(n, total)
                yield item, result

    # ------------------------------------------------------------------ writing

    def preview(self, results: Iterable[tuple[Item, Draft | Outcome]]) -> list[Outcome]:
        """Say what saving read results would do, without writing anything.

        Parameters
        ----------
        results : iterable of (Item, Draft or Outcome)
            From :meth:`read`.

        Returns
        -------
        list of Outcome
            ``ready`` (with its draft) for a new article; ``duplicate`` of an article of the
            folder or of an earlier item of the same batch; failures as read.
        """
        seen: dict[str, str] = {}
        out = []
        for item, result in results:
            if isinstance(result, Outcome):
                out.append(result)
                continue
            keys = [text_hash(result.text)] + ([url_key(result.url)] if result.url else [])
            earlier = self.known(result) or next((seen[k] for k in keys if k in seen), "")
            if earlier:
                out.append(Outcome(item.origin, "duplicate", earlier, draft=result))
                continue
            seen.update(dict.fromkeys(keys, item.origin))
            out.append(Outcome(item.origin, "ready", draft=result))
        return out

    def save(self, item: Item, draft: Draft) -> Outcome:
        """Write one draft as an article file and add it to the store (or say why not)."""
        return self.save_many([(item, draft)])[0]

    def save_many(self, drafts: Sequence[tuple[Item, Draft]]) -> list[Outcome]:
        """Write drafts as article files and add them to the store in one update.

        Parameters
        ----------
        drafts : sequence of (Item, Draft)

        Returns
        -------
        list of Outcome
            One per draft, in order: imported, a duplicate (of the folder, the store or an
            earlier draft), or failed with the reason.
        """
        db = self.database
        assert db is not None
        out: list[Outcome | None] = [None] * len(drafts)
        todo: list[tuple[int, NewArticle, dict[str, object]]] = []
        for n, (item, draft) in enumerate(drafts):
            known = self.known(draft)
            if known:
                out[n] = Outcome(item.origin, "duplicate", known, draft=draft)
                continue
            origin = draft.hints.get("origin") or (str(item.path.resolve()) if item.path
                                                   else item.origin)
            source = {"origin": origin, "fetched_at": draft.hints.get("fetched_at") or _now(),
                      "extractor": draft.extractor or "unknown"}
            meta: dict[str, object] = {
                "title": draft.title or item.origin,
                "outlet": draft.outlet or host_outlet(draft.url) or UNKNOWN_OUTLET,
                "published": partial_date(draft.published), "url": draft.url,
                "author": draft.author, "source": source}
            todo.append((n, NewArticle(
                draft.text, title=str(meta["title"]), outlet=str(meta["outlet"]),
                published=str(meta["published"]), url=draft.url, author=draft.author,
                source=source), meta))
        if todo:
            self.directory.mkdir(parents=True, exist_ok=True)
            try:
                added = add_articles(
                    [new for _, new, _ in todo], directory=self.directory, database=db,
                    cache_path=None if db.postgres or db.path is None
                    else db.path.with_name("extract_cache.sqlite"),
                )
            except StoreUnavailable as exc:
                for n, _, _ in todo:
                    item, draft = drafts[n]
                    out[n] = Outcome(item.origin, "failed", reason=str(exc), draft=draft)
                added = []
            for (n, new, meta), done in zip(todo, added, strict=False):
                out[n] = self._outcome(*drafts[n], new, meta, done)
        return [o for o in out if o is not None]

    def _outcome(self, item: Item, draft: Draft, new: NewArticle, meta: Mapping[str, object],
                 done: Added) -> Outcome:
        """Return the outcome of one saved draft; remember an imported one."""
        db = self.database
        assert db is not None
        if done.error is not None:
            if done.duplicate_of:
                return Outcome(item.origin, "duplicate", self._shown(done.duplicate_of),
                               draft=draft)
            return Outcome(item.origin, "failed", reason=done.error.reason, draft=draft)
        path = self.directory / f"{done.id}.md"
        shown = str(path)
        if db.postgres:
            if self.keep_files:
                # The shared store holds the article; the folder gets its file too.
                _write_atomic(path, render_article(dict(meta), new.text).encode("utf-8"))
            else:
                shown = ""
        self._remember(shown or done.id, draft.text.strip(), meta)
        if item.url:
            self._urls.setdefault(url_key(item.url), shown or done.id)
        return Outcome(item.origin, "imported", shown, draft=draft, article=done.id)

    def _batches(self, results: Iterable[tuple[Item, Draft | Outcome]]) -> Iterator[Outcome]:
        """Save read results in batches of :data:`BATCH`, yielding outcomes in order."""
        pending: list[tuple[Item, Draft | Outcome]] = []

        def flush() -> list[Outcome]:
            drafts = [(i, r) for i, r in pending if isinstance(r, Draft)]
            saved = iter(self.save_many(drafts))
            outcomes = [r if isinstance(r, Outcome) else next(saved) for _, r in pending]
            pending.clear()
            return outcomes

        for pair in results:
            pending.append(pair)
            if len(pending) >= BATCH:
                yield from flush()
        yield from flush()

    def write(self, results: Sequence[tuple[Item, Draft | Outcome]],
              progress: Callable[[int, int], None] | None = None) -> Iterator[Outcome]:
        """Save read results (from :meth:`read`), yielding one outcome per item.

        Parameters
        ----------
        results : sequence of (Item, Draft or Outcome)
        progress : callable, optional
            Called with ``(done, total)``.

        Yields
        ------
        Outcome
        """
        for n, outcome in enumerate(self._batches(results), 1):
            yield outcome
            if progress is not None:
                progress(n, len(results))

    def run(self, items: Sequence[Item],
            progress: Callable[[int, int], None] | None = None) -> Iterator[Outcome]:
        """Read and save every item, yielding one outcome per item (feeds expanded).

        Articles are stored in batches of :data:`BATCH`; a batch's outcomes come when it is
        stored, while ``progress`` counts the items as they are read.

        Parameters
        ----------
        items : sequence of Item
        progress : callable, optional
            Called with ``(done, total)``.

        Yields
        ------
        Outcome
        """
        yield from self._batches(self.read(items, progress))


def _now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _write_atomic(path: Path, content: bytes) -> None:
    """Write a whole file or nothing: a temporary file in the same folder, then a rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".import-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
