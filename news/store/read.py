"""The read queries of the app: typed records (frozen dataclasses) out of a built store."""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict

from news.articles import ArticleError
from news.dates import DateRange
from news.matching import differences
from news.store.backend import CATEGORIES, Connection, Database, parse_database, read_connection


class FigureDict(TypedDict):
    """A number an excerpt reports (``news.classify.Figure`` as stored)."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str


@dataclass(frozen=True)
class Filters:
    """What to show; an empty tuple (or an open date range) is no restriction.

    ``dates`` keeps the articles whose date's period overlaps the range
    (:func:`news.dates.overlaps`, written in SQL here): a month- or year-precision date counts
    when its month or year shares a day with the range; an undated article is in no range.
    """

    outlets: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    dates: DateRange = field(default_factory=DateRange)


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
    figures: tuple[FigureDict, ...]
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


@dataclass(frozen=True)
class MonthCountsRecord:
    """Excerpts per month of their article's date and per category (:meth:`Store.month_counts`).

    ``counts`` holds ``(month, category, excerpts)`` for the months that have any, sorted; an
    excerpt of several categories counts once in each. Excerpts whose article is dated only to
    the year, or undated, are counted apart (once each).
    """

    counts: tuple[tuple[str, str, int], ...]
    year_only: int
    undated: int


_EXCERPT_COLUMNS = (
    "SELECT e.id, e.article, e.start, e.\"end\", e.text, e.categories, e.speaker, e.figures,"
    " a.outlet, a.title, a.published"
)


def _in(column: str, values: Sequence[str]) -> tuple[str, list[str]]:
    if not values:
        return "1=1", []
    return f"{column} IN ({','.join('?' * len(values))})", list(values)


def _date_filter(dates: DateRange, column: str) -> tuple[str, list[str]]:
    """Write the overlap rule of :func:`news.dates.overlaps` in SQL, on ISO text.

    ``published`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``. Its period starts on or before the
    range's end exactly when the text compares ``<=`` the end's ISO day (a prefix sorts first),
    and it ends on or after the range's start exactly when it compares ``>=`` the start cut to
    the same length ("2017-09" >= "2017-09" for a start of 2017-09-30).
    """
    start, end = dates.iso()
    clauses, params = [], []
    if start:
        clauses.append(f"{column} >= substr(CAST(? AS TEXT), 1, length({column}))")
        params.append(start)
    if end:
        clauses.append(f"{column} <= CAST(? AS TEXT)")
        params.append(end)
    if not clauses:
        return "1=1", []
    return f"({column} <> '' AND " + " AND ".join(clauses) + ")", params


# What a user types into the search box: "a phrase", -excluded, OR between alternatives; every
# other character separates words. Words are what both engines' tokenizers index (letters and
# digits), so a quoted word can never be read as the engine's own syntax.
_SEARCH_TOKEN = re.compile(r'(-?)"([^"]*)"?(\*?)|(\S+)')
_SEARCH_WORD = re.compile(r"[^\W_]+")
# A term ending in * right after a word ("immigr*", "judicial warr*") ends with a prefix of at
# least this many letters; a shorter one stays a whole word (a prefix "a" matches most words).
MIN_PREFIX = 2


@dataclass(frozen=True)
class SearchTerm:
    """A word or phrase of a search (its words in order).

    ``negated``: must not appear; ``prefix``: the last word is the start of a word
    ("immigr*" finds "immigrants").
    """

    words: tuple[str, ...]
    negated: bool = False
    prefix: bool = False


@dataclass(frozen=True)
class SearchQuery:
    """A user's search as alternatives (OR) of terms that must all hold (AND).

    Built by :func:`parse_search`; written out for each engine by :meth:`fts5` and
    :meth:`tsquery`, so the user's text never reaches either engine's parser as typed.
    ``dropped`` says that an alternative had only excluded terms (neither engine can search
    for "everything but"), so it was left out.
    """

    groups: tuple[tuple[SearchTerm, ...], ...]
    dropped: bool = False

    @property
    def empty(self) -> bool:
        """Whether nothing is left to search for."""
        return not self.groups

    @property
    def prefixed(self) -> bool:
        """Whether a term ends with a prefix (then every word matches as written, unstemmed)."""
        return any(t.prefix for group in self.groups for t in group)

    def fts5(self) -> str:
        """Write the query in SQLite FTS5 syntax: every term a quoted string."""
        out = []
        for group in self.groups:
            expr = " AND ".join(_quoted(t) for t in group if not t.negated)
            # All exclusions in one flat OR: nesting one NOT per exclusion overflows FTS5's
            # parser stack at a few hundred of them ("fts5: parser stack overflow").
            excluded = " OR ".join(dict.fromkeys(_quoted(t) for t in group if t.negated))
            out.append(f"(({expr}) NOT ({excluded}))" if excluded else f"({expr})")
        return " OR ".join(out)

    def tsquery(self) -> str:
        """Write the query for PostgreSQL's ``to_tsquery`` (same meaning as :meth:`fts5`).

        ``to_tsquery`` rather than ``websearch_to_tsquery``: only it has prefixes (``:*``).
        Words are letters and digits only, none of its operators.
        """
        out = []
        for group in self.groups:
            expr = " & ".join(f"({_lexemes(t)})" for t in group if not t.negated)
            excluded = " | ".join(dict.fromkeys(f"({_lexemes(t)})" for t in group if t.negated))
            out.append(f"(({expr}) & !({excluded}))" if excluded else f"({expr})")
        return " | ".join(out)


def _quoted(term: SearchTerm) -> str:
    # words are letters and digits only, so they need no escaping inside the quotes; a * after
    # the string makes its last word a prefix
    return '"' + " ".join(term.words) + '"' + ("*" if term.prefix else "")


def _lexemes(term: SearchTerm) -> str:
    return " <-> ".join(term.words) + (":*" if term.prefix else "")


def _prefix(raw: str, words: list[str]) -> bool:
    """Whether ``raw`` ends with * right after its last word, of at least MIN_PREFIX letters."""
    stripped = raw.rstrip()
    return (bool(words) and stripped.endswith("*") and len(words[-1]) >= MIN_PREFIX
            and stripped.rstrip("*").endswith(words[-1]))


def parse_search(text: str) -> SearchQuery:
    """Read a search as people type it into a :class:`SearchQuery`; never raises.

    Parameters
    ----------
    text : str
        Words (all must appear), ``"quoted phrases"`` (words in that order), ``-word`` or
        ``-"phrase"`` (must not appear), ``OR`` between alternatives, ``word*`` or
        ``"a phr"*`` (the last word a prefix, of at least ``MIN_PREFIX`` letters). Any other
        character, an unclosed quote included, only separates words.

    Returns
    -------
    SearchQuery
        Empty when ``text`` has no word to search for.
    """
    groups: list[tuple[SearchTerm, ...]] = []
    current: list[SearchTerm] = []
    dropped = False

    def close() -> None:
        nonlocal dropped
        if any(not t.negated for t in current):
            groups.append(tuple(current))
        elif current:
            dropped = True
        current.clear()

    for m in _SEARCH_TOKEN.finditer(text):
        if m.group(4) == "OR":
            close()
            continue
        if m.group(4) is not None:
            raw = m.group(4)
            negated = raw.startswith("-") and len(raw) > 1
            words = _SEARCH_WORD.findall(raw)
            # an inner word break ("don't", "e-mail") keeps its words together, as a phrase
            prefix = _prefix(raw, words)
        else:
            negated = m.group(1) == "-"
            words = _SEARCH_WORD.findall(m.group(2))
            prefix = _prefix(m.group(2) + m.group(3), words)
        if words:
            current.append(SearchTerm(tuple(w.lower() for w in words), negated, prefix))
    close()
    return SearchQuery(tuple(groups), dropped)


class Store:
    """Read-only access to a built store, SQLite or PostgreSQL (thread-safe).

    Every call opens its own SQLite connection, or takes a pooled PostgreSQL connection for
    one read-only transaction (so a call sees one consistent state of a shared store).

    Parameters
    ----------
    database : str, path or Database, optional
        ``sqlite:///path``, ``postgresql://...`` or a SQLite file; default the app's SQLite
        store.

    Raises
    ------
    FileNotFoundError
        No SQLite store at that path.
    StoreUnavailable
        (from any query) PostgreSQL cannot be reached.
    """

    def __init__(self, database: str | os.PathLike[str] | Database | None = None) -> None:
        self.database = parse_database(database)
        self.path = self.database.path  # None for PostgreSQL
        if self.path is not None and not self.path.is_file():
            raise FileNotFoundError(f"no store at {self.path}; run: python -m news build")

    def _conn(self) -> contextlib.AbstractContextManager[Connection]:
        return read_connection(self.database)

    def _article_filter(self, f: Filters, alias: str = "a") -> tuple[str, list[str]]:
        w1, p1 = _in(f"{alias}.outlet", f.outlets)
        w2, p2 = _in(f"{alias}.id", f.articles)
        w3, p3 = _date_filter(f.dates, f"{alias}.published")
        return f"{w1} AND {w2} AND {w3}", p1 + p2 + p3

    def articles(self) -> list[ArticleRecord]:
        """All articles, newest first then by id."""
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT id, title, outlet, published, date_precision, url, author, notes, text,"
                " captions, stripped FROM articles ORDER BY published DESC, id"
            ).fetchall()
        return [self._article(r) for r in rows]

    @staticmethod
    def _article(r: Sequence[Any]) -> ArticleRecord:
        return ArticleRecord(
            id=r[0], title=r[1], outlet=r[2], published=r[3], date_precision=r[4], url=r[5],
            author=r[6], notes=r[7], text=r[8],
            captions=tuple((int(c[0]), int(c[1])) for c in json.loads(r[9])),
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
            cw = " OR ".join("e.categories LIKE ?" for _ in wanted) or "1=1"
            cp = [f'%"{c}"%' for c in wanted]
            joined = (
                " FROM excerpt_jurisdictions ej JOIN excerpts e ON e.id = ej.excerpt"
                f" JOIN articles a ON a.id = e.article WHERE {aw} AND ({cw})"
            )
            counts = conn.execute(
                "SELECT ej.jurisdiction, COUNT(*), "
                + ", ".join(f"SUM(CASE WHEN e.categories LIKE '%\"{c}\"%' THEN 1 ELSE 0 END)"
                            for c in CATEGORIES)
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

    def month_counts(
        self, filters: Filters | None = None, jurisdiction: str | None = None
    ) -> MonthCountsRecord:
        """Count the excerpts :meth:`excerpts` returns per month of their article and category.

        Counted in SQL, so the answer is a few rows however many excerpts there are.

        Parameters
        ----------
        filters : Filters, optional
            As for :meth:`excerpts` (outlets, articles, categories, kinds, dates).
        jurisdiction : str, optional
            Only the excerpts linked to this jurisdiction.

        Returns
        -------
        MonthCountsRecord
        """
        f = filters or Filters()
        aw, ap = self._article_filter(f)
        where, params = [aw], list(ap)
        if f.categories:
            where.append("(" + " OR ".join("e.categories LIKE ?" for _ in f.categories) + ")")
            params += [f'%"{c}"%' for c in f.categories]
        if f.kinds:
            kw, kp = _in("j.kind", f.kinds)
            where.append("EXISTS (SELECT 1 FROM excerpt_jurisdictions ej JOIN jurisdictions j"
                         f" ON j.id = ej.jurisdiction WHERE ej.excerpt = e.id AND {kw})")
            params += kp
        if jurisdiction is not None:
            where.append(
                "e.id IN (SELECT excerpt FROM excerpt_jurisdictions WHERE jurisdiction = ?)")
            params.append(jurisdiction)
        # published is YYYY-MM-DD, YYYY-MM, YYYY or '': its first 7 characters are the month,
        # or the whole of a year or of nothing.
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT substr(a.published, 1, 7) AS period, COUNT(*), "
                + ", ".join(f"SUM(CASE WHEN e.categories LIKE '%\"{c}\"%' THEN 1 ELSE 0 END)"
                            for c in CATEGORIES)
                + " FROM excerpts e JOIN articles a ON a.id = e.article"
                f" WHERE {' AND '.join(where)} GROUP BY substr(a.published, 1, 7)",
                params,
            ).fetchall()
        counts, year_only, undated = [], 0, 0
        for period, n, *per_cat in rows:
            if not period:
                undated += n
            elif len(period) < 7:
                year_only += n
            else:
                counts += [(period, c, int(k)) for c, k in zip(CATEGORIES, per_cat, strict=True)
                           if k]
        return MonthCountsRecord(tuple(sorted(counts)), int(year_only), int(undated))

    @staticmethod
    def _links(
        conn: Connection, selected_sql: str, params: Sequence[object]
    ) -> dict[str, list[tuple[str, str, str]]]:
        """Jurisdiction links (id, how, kind) of the excerpts a query selects."""
        links: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for eid, jid, how, kind in conn.execute(
            f"WITH sel AS ({selected_sql}) SELECT ej.excerpt, ej.jurisdiction, ej.how, j.kind"
            " FROM sel JOIN excerpt_jurisdictions ej ON ej.excerpt = sel.id"
            " JOIN jurisdictions j ON j.id = ej.jurisdiction ORDER BY ej.excerpt, ej.rank",
            list(params),
        ):
            links[eid].append((jid, how, kind))
        return links

    def search(self, query: str | SearchQuery,
               filters: Filters | None = None) -> list[ExcerptRecord]:
        """Full-text search over excerpts, best match first.

        Parameters
        ----------
        query : str or SearchQuery
            What a user typed (read by :func:`parse_search`, never handed to the engine as
            typed): words match their stems ("raids" finds "raid"), a ``"quoted phrase"`` its
            words in order, ``-word`` excludes, ``OR`` separates alternatives; the same on
            ``word*`` is a prefix; the same on both backends (SQLite FTS5, PostgreSQL
            ``to_tsquery``).
        filters : Filters, optional

        Returns
        -------
        list of ExcerptRecord
            Empty for a query with no word in it.
        """
        q = query if isinstance(query, SearchQuery) else parse_search(query)
        if q.empty:
            return []
        f = filters or Filters()
        aw, ap = self._article_filter(f)
        # A search with a prefix reads the words as written (excerpts_words, the 'simple'
        # configuration): a prefix cannot be matched against stems. The others read stems.
        if self.database.postgres:
            config, vector = (("simple", "to_tsvector('simple', e.text)") if q.prefixed
                              else ("english", "e.tsv"))
            source = (
                " FROM excerpts e JOIN articles a ON a.id = e.article"
                f" WHERE {vector} @@ to_tsquery('{config}', ?) AND {aw}"
            )
            order = f" ORDER BY ts_rank({vector}, to_tsquery('{config}', ?)) DESC, e.id"
            params = [q.tsquery(), *ap]
            order_params = [*params, q.tsquery()]
        else:
            fts = "excerpts_words" if q.prefixed else "excerpts_fts"
            source = (
                f" FROM {fts} JOIN excerpts e ON e.id = {fts}.excerpt"
                f" JOIN articles a ON a.id = e.article WHERE {fts} MATCH ? AND {aw}"
            )
            order = " ORDER BY rank, e.id"
            params = order_params = [q.fts5(), *ap]
        with self._conn() as conn:
            rows = conn.execute(_EXCERPT_COLUMNS + source + order, order_params).fetchall()
            links = self._links(conn, "SELECT e.id" + source, params)
        return self._excerpt_records(rows, links, f)

    @staticmethod
    def _excerpt_records(
        rows: Sequence[Sequence[Any]], links: dict[str, list[tuple[str, str, str]]], f: Filters
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

    def export(self) -> dict[str, list[dict[str, Any]]]:
        """Return the stored corpus as the export document (``python -m news export``).

        Keys ``articles``, ``jurisdictions``, ``mentions``, ``excerpts`` (issue 3's format),
        every list in a fixed order (article id, then position in the text), so that the same
        articles give the same document on either backend.
        """
        with self._conn() as conn:
            articles = [
                {"id": r[0], "outlet": r[1], "title": r[2], "published": r[3], "url": r[4],
                 "text": r[5]}
                for r in conn.execute(
                    "SELECT id, outlet, title, published, url, text FROM articles ORDER BY id")
            ]
            mentions = [
                {"article": r[0], "jurisdiction": r[1], "start": r[2], "end": r[3],
                 "confidence": r[4]}
                for r in conn.execute(
                    "SELECT article, jurisdiction, start, \"end\", confidence FROM mentions"
                    " ORDER BY article, start, \"end\"")
            ]
            links: dict[str, list[str]] = defaultdict(list)
            for eid, jid in conn.execute(
                    "SELECT excerpt, jurisdiction FROM excerpt_jurisdictions"
                    " ORDER BY excerpt, rank"):
                links[eid].append(jid)
            excerpts = [
                {"article": r[1], "start": r[2], "end": r[3], "text": r[4],
                 "categories": json.loads(r[5]), "jurisdictions": links.get(r[0], []),
                 "speaker": r[6]}
                for r in conn.execute(
                    "SELECT id, article, start, \"end\", text, categories, speaker FROM excerpts"
                    " ORDER BY article, start, \"end\"")
            ]
            jurisdictions = [
                {"id": r[0], "name": r[1], "kind": r[2], "state": r[3]}
                for r in conn.execute(
                    "SELECT id, name, kind, state FROM jurisdictions ORDER BY id")
            ]
        return {"articles": articles, "jurisdictions": jurisdictions, "mentions": mentions,
                "excerpts": excerpts}

    def version(self) -> str:
        """Return a token that changes whenever the content does (keys the app's caches).

        SQLite: the file's size and modification time (a build replaces the file, an add
        rewrites it). PostgreSQL: the store's change counter.
        """
        if self.path is not None:
            st = self.path.stat()
            return f"{st.st_size}:{st.st_mtime_ns}"
        with self._conn() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return str(row[0]) if row else "0"

    def meta(self) -> dict[str, str]:
        """Return the meta table (corpus_hash, schema_version, built_at, code_fingerprint)."""
        with self._conn() as conn:
            return dict(conn.execute("SELECT key, value FROM meta").fetchall())


