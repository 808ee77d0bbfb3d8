"""The store's date range and full-text search, on SQLite and on PostgreSQL.

The date range is written twice, in Python (``news.dates.overlaps``) and in SQL (the store's
filter); these tests hold the two against each other on articles of every precision. Search
queries are read by ``news.store.parse_search`` and never reach FTS5 or tsquery as typed, so
hostile strings are plain words or nothing, never an engine error.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from geo.geoparse import Mention
from news.dates import DateRange, overlaps
from news.store import Database, Filters, SearchTerm, Store, build_store, parse_search

FIXTURES = Path(__file__).resolve().parent / "data" / "articles"
NAMES = {"Springfield": "1772000", "Sangamon County": "17167", "Illinois": "17"}

# (file stem, published): one article per precision, at the edges of the ranges below.
DATED = [
    ("day-2019-12-31", "2019-12-31"),
    ("month-2019-11", "2019-11"),
    ("year-2018", "2018"),
    ("undated", ""),
]


class DictGeoparser:
    """Finds the names of NAMES (a test double with real Census ids)."""

    def __init__(self) -> None:
        self.pattern = re.compile("|".join(sorted(map(re.escape, NAMES), key=len, reverse=True)))

    def __call__(self, text: str) -> list[Mention]:
        return [Mention(m.start(), m.end(), m.group(), NAMES[m.group()], 0.9, "test dictionary")
                for m in self.pattern.finditer(text)]


@pytest.fixture()
def store(tmp_path: Path, database: Database) -> Store:
    articles = tmp_path / "articles"
    shutil.copytree(FIXTURES, articles)
    for n, (stem, published) in enumerate(DATED):
        date_line = f"published: '{published}'\n" if published else ""
        (articles / f"{stem}.md").write_text(
            f"---\ntitle: Raid {stem}\noutlet: Daily C\n{date_line}---\n\n"
            f"Federal agents arrested {n + 3} people in Springfield, Illinois, in a raid.\n",
            encoding="utf-8")
    build_store(articles, cache_path=tmp_path / "cache.sqlite", geoparser=DictGeoparser(),
                database=database)
    return Store(database)


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


RANGES = [
    (None, None),
    ("2020-01-10", "2020-01-10"),  # the day article, and the January 2020 month article
    ("2020-01-11", None),          # after the day article: only the month one
    ("2020-01-31", "2020-01-31"),  # the month's last day
    ("2019-12-01", "2019-12-31"),
    ("2020-01-01", None),
    ("2019-11-30", "2019-11-30"),
    ("2019-12-01", "2019-12-30"),  # between the month article and the day article: nothing
    (None, "2018-01-01"),          # the year article's first day
    ("2018-12-31", "2019-01-05"),
    ("2019-01-01", None),          # after the year
    (None, "2017-12-31"),
]


@pytest.mark.parametrize(("start", "end"), RANGES)
def test_the_stores_date_range_is_the_python_overlap_rule(store, start, end):
    rng = DateRange(_day(start), _day(end))
    published = {a.id: a.published for a in store.articles()}
    assert "" in published.values() and len(published) == 6
    expected = {a for a, p in published.items() if overlaps(p, rng)}
    with_excerpts = {e.article for e in store.excerpts()}
    assert with_excerpts == set(published)  # every article has an excerpt to count
    got = {e.article for e in store.excerpts(Filters(dates=rng))}
    assert got == expected
    summaries = store.jurisdiction_summaries(Filters(dates=rng))
    assert {a for s in summaries for a in s.articles} == expected
    assert {e.article for e in store.search("arrested OR detainers OR warrant",
                                            Filters(dates=rng))} == expected


def test_the_date_range_limits_quotes(store):
    quoted = {q.article for q in store.quotes()}
    assert quoted
    assert not store.quotes(Filters(dates=DateRange(dt.date(2021, 1, 1), None)))
    month = store.quotes(Filters(dates=DateRange(dt.date(2020, 1, 31), dt.date(2020, 1, 31))))
    assert {q.article for q in month} == {"2020-01-11-daily-b-sheriff"} & quoted


def test_search_phrases_alternatives_and_exclusions(store):
    assert store.search("detainers")[0].article == "2020-01-10-daily-a-raids"
    assert store.search('"judicial warrant"') or store.search('"a warrant"')
    assert store.search('"without a warrant"')
    assert not store.search('"warrant without"')
    both = {e.article for e in store.search("detainers OR warrant")}
    assert both == {"2020-01-10-daily-a-raids", "2020-01-11-daily-b-sheriff"}
    raids = {e.id for e in store.search("raid")}
    assert raids and raids == {e.id for e in store.search("raid -detainers")} | {
        e.id for e in store.search("raid detainers")}
    assert not {e.id for e in store.search("raid -springfield")} & {
        e.id for e in store.search("raid springfield")}
    # several exclusions: none of them may appear
    assert {e.id for e in store.search("raid -detainers -springfield")} == {
        e.id for e in store.search("raid -springfield")} - {
        e.id for e in store.search("raid detainers")}
    assert {e.id for e in store.search("raid " + "-nowhere " * 500)} == raids


HOSTILE = [
    '"', '""', '"unclosed phrase', "detainers\"", "AND", "NOT detainers", "detainers NOT",
    "OR", "OR OR", "(detainers", "detainers)", "NEAR(detainers warrant)", "text:detainers",
    "excerpt:1", "^detainers", "detainers*", "*", "-", "--", "-detainers", "'; DROP TABLE "
    "excerpts; --", "\\", "%", "_", "?", "\x00", "de\u0301tainers", "💥", "a" * 2000,
    "detainers & warrant | !ice", "<script>alert(1)</script>", "{detainers}", ":*",
    # many exclusions and alternatives: deeper than FTS5's parser stack, were they nested
    "detainers " + "-x " * 1200, "detainers " + " ".join(f"-x{i}" for i in range(3000)),
    " OR ".join(f"w{i} -v{i}" for i in range(1500)),
    # prefixes: the * and to_tsquery's own signs never reach an engine as syntax
    "detai*", "a*", "**", "-*", "detainers:*", "detai:*", "&*", "!*", "|*", "detai*ners",
    '"*"', "*detainers", "detainers**", '"judicial warr"*', '-"judicial warr"*', "x<->y*",
    "detainers:A*", "287*", "'detai'*",
]


@pytest.mark.parametrize("query", HOSTILE, ids=lambda q: repr(q[:40]))
def test_hostile_queries_are_words_or_nothing_never_an_error(store, query):
    results = store.search(query)
    assert isinstance(results, list)
    # and the store still answers afterwards
    assert store.search("detainers")


def test_hostile_words_still_find_what_they_name(store):
    assert store.search("(detainers")
    assert store.search("detainers)")
    assert store.search("detainers:")  # a word, not the start of a column filter
    assert not store.search("-detainers")  # nothing to search for but an exclusion


def test_parse_search_reads_what_people_type():
    q = parse_search('raid "ICE detainers" -sheriff OR warrant')
    assert q.groups == (
        (SearchTerm(("raid",)), SearchTerm(("ice", "detainers")),
         SearchTerm(("sheriff",), negated=True)),
        (SearchTerm(("warrant",)),),
    )
    assert q.fts5() == '(("raid" AND "ice detainers") NOT ("sheriff")) OR ("warrant")'
    assert parse_search("raid -a -b -a").fts5() == '(("raid") NOT ("a" OR "b"))'
    assert q.tsquery() == "(((raid) & (ice <-> detainers)) & !((sheriff))) | ((warrant))"
    assert parse_search("don't").groups == ((SearchTerm(("don", "t")),),)
    for nothing in ("", "   ", '"', "OR", "-", "*", "(:)"):
        assert parse_search(nothing).empty
    only_excluded = parse_search("-sheriff")
    assert only_excluded.empty and only_excluded.dropped


def _starting(store: Store, prefix: str) -> set[str]:
    """Excerpts with a word starting with ``prefix`` (what ``prefix*`` must find)."""
    return {e.id for e in store.excerpts() if re.search(rf"\b{prefix}", e.text, re.IGNORECASE)}


@pytest.mark.parametrize("prefix", [
    "detaine",  # longer than the stem ("detain") of the word it starts ("detainers")
    "detain", "arrest", "warr", "spring", "sang", "rai", "judicial", "sher", "48",
])
def test_a_prefix_finds_every_excerpt_with_a_word_starting_with_it(store, prefix):
    expected = _starting(store, prefix)
    assert expected
    assert {e.id for e in store.search(prefix + "*")} == expected
    assert {e.id for e in store.search(prefix.upper() + "*")} == expected


def test_prefixes_in_phrases_exclusions_and_alternatives(store):
    assert {e.id for e in store.search('"without a warr"*')} == {
        e.id for e in store.search('"without a warrant"')} != set()
    assert {e.id for e in store.search('"without a warr*"')} == {
        e.id for e in store.search('"without a warrant"')}
    raids = _starting(store, "raid")
    assert {e.id for e in store.search("raid* -detaine*")} == raids - _starting(store, "detaine")
    assert {e.id for e in store.search("detaine* OR warr*")} == (
        _starting(store, "detaine") | _starting(store, "warr"))
    # with a prefix, every word matches as written: "raid" is not "raids" there
    assert {e.id for e in store.search("spring* raids")} == (
        _starting(store, "spring") & {e.id for e in store.excerpts()
                                      if re.search(r"\braids\b", e.text, re.IGNORECASE)})
    # a prefix shorter than MIN_PREFIX is the whole word
    assert store.search("a*") == store.search("a")


def test_a_store_made_before_the_words_index_is_rebuilt_with_it(tmp_path):
    import sqlite3

    from news.store import ensure_store

    db = tmp_path / "store.sqlite"
    ensure_store(FIXTURES, db, cache_path=tmp_path / "cache.sqlite",
                 geoparser=DictGeoparser())
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE excerpts_words")
    ensure_store(FIXTURES, db, cache_path=tmp_path / "cache.sqlite",
                 geoparser=DictGeoparser())
    store = Store(db)
    assert {e.id for e in store.search("detaine*")} == _starting(store, "detaine") != set()


def test_parse_search_reads_prefixes():
    from news.store import SearchTerm as T

    assert parse_search("immigra*").groups == ((T(("immigra",), prefix=True),),)
    assert parse_search('"judicial warr"* -"sheriff doe*"').groups == ((
        T(("judicial", "warr"), prefix=True), T(("sheriff", "doe"), negated=True, prefix=True)),)
    q = parse_search("raid* -detai* OR ice")
    assert q.prefixed
    assert q.fts5() == '(("raid"*) NOT ("detai"*)) OR ("ice")'
    assert q.tsquery() == "(((raid:*)) & !((detai:*))) | ((ice))"
    for not_prefix in ("a*", "detai*ners", "*detainers", "detainers:*", "detainers*."):
        assert not parse_search(not_prefix).prefixed, not_prefix
    assert not parse_search("raid").prefixed
