"""The store on both backends: builds, rebuild on change, add_article, read API, export.

Tests taking ``corpus`` run on SQLite and on PostgreSQL (the ``database`` fixture of
conftest.py); tests taking ``sqlite_corpus`` check the SQLite store's own mechanics (atomic
file replacement, the extraction cache file, remembered file hashes).

Most tests use a small dictionary geoparser (a test double with real Census ids) so that they
check the store's mechanics, not the geoparser; the CLI tests use the real one.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

import news.store.corpus as corpus_mod
import news.store.write as write_mod
from geo.geoparse import Mention
from news.__main__ import main
from news.articles import ArticleRejected
from news.store import (
    Database,
    Filters,
    Store,
    add_article,
    build_store,
    ensure_database,
    ensure_store,
    parse_database,
)
from news.store.backend import read_connection

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "data" / "articles"
NAMES = {
    "Springfield": "1772000",
    "Sangamon County": "17167",
    "Illinois": "17",
    "Peoria": "1759000",
}


class DictGeoparser:
    """Finds the names of NAMES; counts calls so tests can see what was re-extracted."""

    def __init__(self) -> None:
        self.calls = 0
        self.pattern = re.compile("|".join(sorted(map(re.escape, NAMES), key=len, reverse=True)))

    def __call__(self, text: str) -> list[Mention]:
        self.calls += 1
        return [
            Mention(m.start(), m.end(), m.group(), NAMES[m.group()], 0.9, "test dictionary")
            for m in self.pattern.finditer(text)
        ]


@pytest.fixture()
def sqlite_corpus(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(FIXTURES, articles)
    return articles, tmp_path / "build" / "store.sqlite", tmp_path / "build" / "cache.sqlite"


@pytest.fixture()
def corpus(tmp_path, database: Database):
    """(articles folder, store, extraction cache): the store a SQLite file or a PostgreSQL db."""
    articles = tmp_path / "articles"
    shutil.copytree(FIXTURES, articles)
    return articles, database, tmp_path / "build" / "cache.sqlite"


def build(corpus, geoparser=None):
    articles, db, cache = corpus
    return build_store(articles, cache_path=cache, geoparser=geoparser or DictGeoparser(),
                       database=db)


def query(db, sql, params=()):
    """Rows of a query on either backend (``?`` placeholders)."""
    with read_connection(parse_database(db)) as conn:
        return [tuple(r) for r in conn.execute(sql, params).fetchall()]


def test_build_writes_every_table_with_exact_offsets(corpus):
    articles, db, _ = corpus
    (articles / "broken.md").write_bytes(b"\xff\xfe not utf-8")
    report = build(corpus)
    assert report.articles == 2
    assert [Path(e.path).name for e in report.errors] == ["broken.md"]
    assert [Path(e.path).name for e in Store(db).load_errors()] == ["broken.md"]
    texts = dict(query(db, "SELECT id, text FROM articles"))
    for table in ("mentions", "excerpts", "quotes"):
        rows = query(db, f'SELECT article, start, "end", text FROM {table}')
        assert rows
        for article, start, end, text in rows:
            assert texts[article][start:end] == text
    for table in ("meta", "jurisdictions", "article_jurisdictions", "excerpt_jurisdictions",
                  "load_errors", "url_keys", "quote_shingles"):
        query(db, f"SELECT * FROM {table}")  # exists on both backends
    if db.path is not None:
        tables = {r[0] for r in query(db, "SELECT name FROM sqlite_master WHERE type='table'")}
        assert "excerpts_fts" in tables
        assert Store(db).meta()["corpus_hash"] == corpus_mod.corpus_hash(articles)
        assert not list(db.path.parent.glob(".build-*"))
    else:  # the shared store holds each article's extraction
        assert len(query(db, "SELECT article FROM extractions")) == 2


def test_store_read_api(corpus):
    build(corpus)
    store = Store(corpus[1])
    assert store.outlets() == ["Daily A", "Daily B"]
    a = store.article("2020-01-10-daily-a-raids")
    assert a.published == "2020-01-10" and a.date_precision == "day"
    with pytest.raises(KeyError):
        store.article("nope")

    summaries = {s.id: s for s in store.jurisdiction_summaries(Filters())}
    county = summaries["17167"]
    assert county.kind == "county" and county.display_name == "Sangamon County, IL"
    assert county.outlets == ("Daily A", "Daily B")
    assert county.by_category["policy"] >= 2

    # "Her department said it would not hold inmates for 48 hours." names no place: context
    her = next(e for e in store.excerpts(Filters(), jurisdiction="17167")
               if e.text.startswith("Her department"))
    assert ("17167", "coreference") in her.links  # "Her" = the sheriff named before
    assert "policy" in her.categories
    assert her.figures[0]["text"] == "48 hours"

    only_b = store.excerpts(Filters(outlets=("Daily B",)))
    assert only_b and {e.outlet for e in only_b} == {"Daily B"}
    enforcement = store.excerpts(Filters(categories=("enforcement",)))
    assert all("enforcement" in e.categories for e in enforcement)
    assert any(f["text"] == "23 people" for e in enforcement for f in e.figures)
    counties = store.jurisdiction_summaries(Filters(kinds=("county",)))
    assert [s.id for s in counties] == ["17167"]

    roles = dict(store.article_jurisdictions("2020-01-10-daily-a-raids"))
    assert roles["17167"] == "focus"
    assert {m.text for m in store.mentions("2020-01-10-daily-a-raids")} >= {
        "Springfield", "Illinois", "Sangamon County",
    }
    assert store.search("detainers")[0].article == "2020-01-10-daily-a-raids"


def test_quote_matched_across_outlets_with_differences(corpus):
    build(corpus)
    groups = Store(corpus[1]).quote_groups(Filters())
    top = groups[0]
    assert top.outlets == ("Daily A", "Daily B")
    speakers = {q.outlet: q.speaker for q in top.quotes}
    assert speakers == {"Daily A": "Sheriff Jane Doe", "Daily B": "Sheriff Jane Doe"}
    b = next(q for q in top.quotes if q.outlet == "Daily B")
    assert b.id != top.reference
    assert [d for d in top.differences[b.id] if d[0] != "equal"] == [("delete", "judicial")]


def test_ensure_store_rebuilds_only_when_articles_change(sqlite_corpus):
    articles, db, cache = sqlite_corpus
    geo = DictGeoparser()
    ensure_store(articles, db, cache_path=cache, geoparser=geo)
    assert geo.calls == 2
    stamp = db.stat().st_mtime_ns
    ensure_store(articles, db, cache_path=cache, geoparser=geo)
    assert db.stat().st_mtime_ns == stamp and geo.calls == 2

    path = articles / "2020-01-11-daily-b-sheriff.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nPeoria did the same.\n", "utf-8")
    ensure_store(articles, db, cache_path=cache, geoparser=geo)
    assert geo.calls == 3  # only the edited article was extracted again
    assert "1759000" in {s.id for s in Store(db).jurisdiction_summaries()}


class FailsOn(DictGeoparser):
    """The dictionary geoparser, except that it raises on a text containing ``marker``."""

    def __init__(self, marker: str, error: BaseException) -> None:
        super().__init__()
        self.marker = marker
        self.error = error

    def __call__(self, text: str) -> list[Mention]:
        if self.marker in text:
            self.calls += 1
            raise self.error
        return super().__call__(text)


def test_a_failed_build_leaves_the_old_store(corpus):
    articles, db, _ = corpus
    build(corpus)
    before = Store(db).meta()
    ids = {a.id for a in Store(db).articles()}
    (articles / "new.md").write_text("---\ntitle: T\noutlet: O\n---\nBoom in Peoria.\n", "utf-8")

    # Ctrl-C in the middle of the build (an exception of one article's text is reported and
    # the build goes on: the next test).
    with pytest.raises(KeyboardInterrupt):
        build_store(articles, cache_path=None, geoparser=FailsOn("Boom", KeyboardInterrupt()),
                    database=db)
    assert Store(db).meta() == before
    assert {a.id for a in Store(db).articles()} == ids  # nothing imported either
    if db.path is not None:
        assert not list(db.path.parent.glob(".build-*"))


def test_an_article_whose_extraction_raises_is_reported_and_the_others_are_built(corpus):
    articles, db, _ = corpus
    (articles / "new.md").write_text(
        "---\ntitle: T\noutlet: O\n---\nBoom in Peoria, Illinois.\n", "utf-8")
    failing = FailsOn("Boom", IndexError("list index out of range"))
    report = build(corpus, failing)
    assert report.articles == 2  # built (the shared store keeps the failed one's row too)
    (error,) = report.errors
    assert Path(error.path).name == "new.md"
    assert error.reason.startswith("extraction failed (IndexError: list index out of range)")
    assert [e.reason for e in Store(db).load_errors()] == [error.reason]
    # The other articles have their results; the failed one has none.
    mentioned = {r[0] for r in query(db, "SELECT DISTINCT article FROM mentions")}
    stored = {a.id: a for a in Store(db).articles()}
    assert len(mentioned) == 2
    assert all(stored[a].title != "T" for a in mentioned)
    # Nothing of it is kept as if it were extracted: the next build tries it again, and once
    # the code is fixed the article is built and its error goes.
    calls = failing.calls
    build(corpus, failing)
    assert failing.calls == calls + 1
    build(corpus, DictGeoparser())
    assert Store(db).load_errors() == []
    assert len({r[0] for r in query(db, "SELECT DISTINCT article FROM mentions")}) == 3


def test_a_new_article_whose_extraction_raises_is_refused_and_nothing_is_written(corpus):
    articles, db, _ = corpus
    build(corpus)
    files = sorted(p.name for p in articles.iterdir())
    version = Store(db).version()
    with pytest.raises(ArticleRejected, match=r"extraction failed \(ValueError: bad text\)"):
        add(corpus, FailsOn("Agents", ValueError("bad text")))
    assert sorted(p.name for p in articles.iterdir()) == files
    assert Store(db).version() == version
    assert len(Store(db).articles()) == 2


def add(corpus, geo, **kw):
    articles, db, cache = corpus
    fields = {"title": "Peoria raids", "outlet": "Daily C", "published": "2020-02-01",
              "text": "Agents arrested 9 people in Peoria on Monday."}
    fields.update(kw)
    if isinstance(db, Path):
        return add_article(directory=articles, db_path=db, cache_path=cache, geoparser=geo,
                           **fields)
    return add_article(directory=articles, cache_path=cache, geoparser=geo, database=db, **fields)


def test_add_article_extracts_only_the_new_one_and_updates_the_store(corpus):
    articles, db, _ = corpus
    geo = DictGeoparser()
    build(corpus, geo)
    calls = geo.calls
    version = Store(db).version()
    article_id = add(corpus, geo)
    assert geo.calls == calls + 1
    assert article_id == "2020-02-01-daily-c-peoria-raids"
    store = Store(db)
    assert store.version() != version  # what app servers key their caches on
    assert store.article(article_id).outlet == "Daily C"
    assert "1759000" in {s.id for s in store.jurisdiction_summaries()}
    if db.path is not None:  # SQLite: the article is a file of the folder
        assert (articles / f"{article_id}.md").is_file()
        assert store.meta()["corpus_hash"] == corpus_mod.corpus_hash(articles)
    else:  # the shared store holds the article itself
        assert not (articles / f"{article_id}.md").exists()
    # the store is current: ensuring it does not rebuild
    version = store.version()
    ensure_database(db, articles, cache_path=corpus[2], geoparser=geo)
    assert Store(db).version() == version and geo.calls == calls + 1


def test_add_article_joins_an_existing_quote_group(corpus):
    geo = DictGeoparser()
    build(corpus, geo)
    add(corpus, geo, text='"We will not hold anyone without a warrant, and we told ICE so," '
        "Sheriff Jane Doe said in Springfield.")
    top = Store(corpus[1]).quote_groups()[0]
    assert top.outlets == ("Daily A", "Daily B", "Daily C")


@pytest.mark.parametrize(
    ("kw", "reason"),
    [
        ({"title": ""}, "'title'"),
        ({"outlet": "  "}, "'outlet'"),
        ({"published": "2020-02-31"}, "not a real date"),
        ({"text": "   "}, "empty body"),
        ({"url": "https://daily-a.example/raids/"}, "same URL"),
        ({"url": "http://daily-b.example/sheriff"}, "same URL"),
        ({"text": "Federal agents arrested 23 people in Springfield, Illinois, on Tuesday.\n\n"
                  "Sangamon County Sheriff Jane Doe announced last month that the county would "
                  "no longer honor ICE detainers. Her department said it would not hold inmates "
                  "for 48 hours.\n\n\"We will not hold anyone without a judicial warrant, and we "
                  "told ICE so in writing,\" Sheriff Jane Doe said on Wednesday.\n\nThe raids "
                  "came days after the new policy took effect."}, "same text"),
    ],
)
def test_add_article_refuses_with_a_reason_and_writes_nothing(corpus, kw, reason):
    articles, db, _ = corpus
    build(corpus)
    before = sorted(p.name for p in articles.iterdir())
    with pytest.raises(ArticleRejected) as info:
        add(corpus, DictGeoparser(), **kw)
    assert reason in info.value.error.reason
    assert sorted(p.name for p in articles.iterdir()) == before
    assert len(Store(db).articles()) == 2


def test_add_article_never_overwrites_and_never_leaves_the_folder(corpus):
    articles, _, _ = corpus
    geo = DictGeoparser()
    build(corpus, geo)
    first = add(corpus, geo, title="../../etc/passwd")
    assert first == "2020-02-01-daily-c-etc-passwd"
    second = add(corpus, geo, title="../../etc/passwd", text="Other text about Peoria raids.")
    assert second == first + "-2"
    assert all(p.parent == articles for p in articles.iterdir())


def test_add_article_is_all_or_nothing(corpus, monkeypatch):
    articles, db, _ = corpus
    geo = DictGeoparser()
    build(corpus, geo)
    tables = ("articles", "mentions", "excerpts", "quotes", "url_keys", "quote_shingles",
              "jurisdictions", "meta")
    before = {t: query(db, f"SELECT * FROM {t}") for t in tables}

    def fail(*args, **kwargs):  # after the article's rows were inserted, before the commit
        raise RuntimeError("disk full")

    monkeypatch.setattr(write_mod, "_insert_jurisdictions", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        add(corpus, geo)
    assert sorted(p.name for p in articles.iterdir()) == sorted(p.name for p in FIXTURES.iterdir())
    assert {t: query(db, f"SELECT * FROM {t}") for t in tables} == before


def run_cli(*argv, stdin=""):
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), io.StringIO(stdin), out, err)
    return status, out.getvalue(), err.getvalue()


def test_export_shape_and_errors_on_stderr(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(FIXTURES, articles)
    (articles / "nofront.md").write_text("no front matter\n", "utf-8")
    status, out, err = run_cli("export", "--articles", str(articles))
    assert status == 0
    assert "nofront.md" in err and "front matter" in err
    doc = json.loads(out)
    assert set(doc) == {"articles", "jurisdictions", "mentions", "excerpts"}
    assert {tuple(sorted(a)) for a in doc["articles"]} == {
        ("id", "outlet", "published", "text", "title", "url")
    }
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    assert len(texts) == 2
    for j in doc["jurisdictions"]:
        assert set(j) == {"id", "name", "kind", "state"}
        assert j["kind"] in {"state", "county", "place", "region"}
    for m in doc["mentions"]:
        assert set(m) == {"article", "jurisdiction", "start", "end", "confidence"}
    for e in doc["excerpts"]:
        assert set(e) == {"article", "start", "end", "text", "categories", "jurisdictions",
                          "speaker"}
        assert texts[e["article"]][e["start"] : e["end"]] == e["text"]
    ids = {j["id"] for j in doc["jurisdictions"]}
    assert {"1772000", "17167"} <= ids


def test_geoparse_cli_plain_and_jsonl():
    status, out, _ = run_cli("geoparse", stdin="Raids in Austin, Texas and Travis County.")
    assert status == 0
    mentions = json.loads(out)
    assert [(m["text"], m["id"], m["kind"]) for m in mentions][:2] == [
        ("Austin", "4805000", "place"), ("Texas", "48", "state"),
    ]
    assert set(mentions[0]) == {"start", "end", "text", "id", "name", "kind", "state", "lat",
                                "lon", "confidence"}
    lines = '{"id": "a", "text": "Portland, Oregon"}\n{"id": 2, "text": "nothing here"}\nnot json\n'
    status, out, err = run_cli("geoparse", "--jsonl", stdin=lines)
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["a", 2]
    assert rows[0]["mentions"][0]["id"] == "4159000" and rows[1]["mentions"] == []
    assert status == 2 and "line 3" in err


def test_cache_keeps_only_current_articles(sqlite_corpus):
    articles, _, cache = sqlite_corpus
    build(sqlite_corpus)
    (articles / "2020-01-11-daily-b-sheriff.md").unlink()
    build(sqlite_corpus)
    rows = sqlite3.connect(cache).execute("SELECT COUNT(*) FROM cache").fetchone()[0]
    assert rows == 1


def test_add_article_trusts_remembered_file_hashes_but_sees_edits(sqlite_corpus, monkeypatch):
    articles, db, cache = sqlite_corpus
    monkeypatch.setattr(corpus_mod, "_RACY_NS", 0)  # remember even files written just now
    geo = DictGeoparser()
    build(sqlite_corpus, geo)
    remembered = dict(sqlite3.connect(db).execute("SELECT name, sha256 FROM file_hashes"))
    assert sorted(remembered) == sorted(p.name for p in articles.iterdir())

    # An unchanged file is not read again: a wrong remembered hash would be trusted.
    reads = []
    real_open = open

    def counting_open(file, *args, **kwargs):
        reads.append(Path(file).name)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", counting_open)
    article_id = add(sqlite_corpus, geo)
    monkeypatch.setattr("builtins.open", real_open)
    assert not set(reads) & set(remembered)
    assert Store(db).meta()["corpus_hash"] == corpus_mod.corpus_hash(articles)
    assert geo.calls == 3

    # An edit of the same size is still seen (its mtime/ctime changed): the store goes stale.
    path = articles / "2020-01-11-daily-b-sheriff.md"
    raw = path.read_bytes()
    st = path.stat()
    path.write_bytes(raw.replace(b"Sheriff", b"SHERIFF", 1))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert write_mod._stored_hash(db) != corpus_mod.scan_corpus(
        articles, write_mod._stored_state(db)[1]
    ).hash
    ensure_store(articles, db, cache_path=cache, geoparser=geo)
    assert Store(db).meta()["corpus_hash"] == corpus_mod.corpus_hash(articles)
    assert article_id in {a.id for a in Store(db).articles()}


def test_a_store_without_the_lookup_tables_is_rebuilt(sqlite_corpus):
    articles, db, cache = sqlite_corpus
    geo = DictGeoparser()
    build(sqlite_corpus, geo)
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE url_keys")
    ensure_store(articles, db, cache_path=cache, geoparser=geo)
    assert geo.calls == 2  # rebuilt from the extraction cache
    with pytest.raises(ArticleRejected, match="same URL"):
        add(sqlite_corpus, geo, url="https://www.daily-a.example/raids")


def test_adding_quotes_groups_them_as_a_full_build_does(corpus):
    articles, db, cache = corpus
    geo = DictGeoparser()
    build(corpus, geo)
    add(corpus, geo, text='"We will not hold anyone without a warrant, and we told ICE so," '
        'Sheriff Jane Doe said in Springfield. "Peoria is next on the list of places," '
        "a deputy said.")
    add(corpus, geo, title="Peoria again", text='"Peoria is next on the list of places they '
        'will raid," a deputy said. "Nothing like this was ever said before," she added.')

    def groups():
        return dict(query(db, "SELECT id, group_id FROM quotes"))

    added = groups()
    assert len(set(added.values())) < len(added)  # some quotes did join a group
    build_store(articles, cache_path=cache, geoparser=geo, database=db)
    assert groups() == added


def test_the_same_article_saved_twice_at_the_same_moment_is_stored_once(corpus):
    _, db, _ = corpus
    geo = DictGeoparser()
    build(corpus, geo)
    barrier = threading.Barrier(2)
    outcomes = []

    def save(title):
        barrier.wait()
        try:
            outcomes.append(("ok", add(corpus, geo, title=title)))
        except ArticleRejected as rejected:
            outcomes.append(("rejected", rejected.error.reason))

    threads = [threading.Thread(target=save, args=(t,)) for t in ("Same raids", "Same raids!")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(o[0] for o in outcomes) == ["ok", "rejected"], outcomes
    assert "same text" in next(o[1] for o in outcomes if o[0] == "rejected")
    assert len(Store(db).articles()) == 3
    saved = next(o[1] for o in outcomes if o[0] == "ok")
    assert query(db, "SELECT DISTINCT article FROM excerpts WHERE article LIKE ?",
                 ("2020-02-01-daily-c-%",)) == [(saved,)]


def test_search_finds_stems_and_phrases_on_both_backends(corpus):
    build(corpus)
    store = Store(corpus[1])
    assert store.search("detainers")[0].article == "2020-01-10-daily-a-raids"
    assert store.search("detainer")  # a stem
    assert store.search('"judicial warrant"')
    assert not store.search('"warrant judicial"')
    assert {e.outlet for e in store.search("warrant", Filters(outlets=("Daily B",)))} == {"Daily B"}


def test_shared_store_recomputes_results_from_stored_articles_when_the_code_changes(
        tmp_path, postgres, monkeypatch):
    db = parse_database(postgres.create_database())
    articles = tmp_path / "articles"
    shutil.copytree(FIXTURES, articles)
    geo = DictGeoparser()
    build_store(articles, geoparser=geo, database=db)
    assert geo.calls == 2
    shutil.rmtree(articles)  # the shared store holds the articles: no file is read again
    ensure_database(db, tmp_path / "gone", geoparser=geo)
    assert geo.calls == 2  # current: nothing recomputed
    monkeypatch.setattr(corpus_mod, "code_fingerprint", lambda: "new-code")
    monkeypatch.setattr(write_mod, "code_fingerprint", lambda: "new-code")
    import news.store.shared as shared_mod

    monkeypatch.setattr(shared_mod, "code_fingerprint", lambda: "new-code")
    version = Store(db).version()
    ensure_database(db, tmp_path / "gone", geoparser=geo)
    assert geo.calls == 4  # both stored articles extracted again
    store = Store(db)
    assert store.version() != version
    assert store.meta()["code_fingerprint"] == "new-code"
    assert len(store.articles()) == 2 and store.excerpts()


def test_export_is_the_same_json_from_either_backend(tmp_path, postgres):
    url = postgres.create_database()
    sqlite_url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    assert run_cli("build", "--database", url)[0] == 0
    status, from_postgres, _ = run_cli("export", "--database", url)
    assert status == 0
    assert run_cli("build", "--database", sqlite_url)[0] == 0
    status, from_sqlite, _ = run_cli("export", "--database", sqlite_url)
    assert status == 0
    assert from_postgres == from_sqlite
    assert len(json.loads(from_sqlite)["articles"]) == len(list((REPO / "data" / "articles").glob("*.md")))


def test_bad_database_urls_are_usage_errors(capsys):
    with pytest.raises(SystemExit) as info:
        main(["build", "--database", "mysql://localhost/x"])
    assert info.value.code == 2
    assert "sqlite:/// or postgresql://" in capsys.readouterr().err


def test_an_unreachable_shared_store_is_a_clear_error(tmp_path):
    from ui.testing import free_port

    url = f"postgresql://postgres@127.0.0.1:{free_port()}/nothing"
    status, _, err = run_cli("export", "--database", url)
    assert status == 1
    assert "not reachable" in err and "127.0.0.1" in err


KILLED_SAVE = textwrap.dedent("""
    import os, signal, sys
    import news.store.write as w
    from news.store import add_article

    def die(*args, **kwargs):  # the article's rows are inserted, the transaction not committed
        os.kill(os.getpid(), signal.SIGKILL)

    w._insert_jurisdictions = die
    add_article("Federal agents arrested 12 people in Peoria, Illinois, on Tuesday.",
                title="Killed mid-save", outlet="Test", database=sys.argv[1])
    print("NOT KILLED")
""")


def test_a_save_killed_midway_leaves_nothing_in_the_shared_store(tmp_path, postgres):
    db = parse_database(postgres.create_database())
    articles = tmp_path / "articles"
    shutil.copytree(FIXTURES, articles)
    build_store(articles, geoparser=DictGeoparser(), database=db)
    tables = ("articles", "extractions", "mentions", "excerpts", "quotes", "url_keys", "meta")
    before = {t: query(db, f"SELECT * FROM {t}") for t in tables}
    proc = subprocess.run([sys.executable, "-c", KILLED_SAVE, db.url], capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == -9, proc.stdout + proc.stderr
    assert {t: query(db, f"SELECT * FROM {t}") for t in tables} == before
    # and the store takes the next save (the dead transaction's lock is gone with it)
    assert add((articles, db, None), DictGeoparser()) == "2020-02-01-daily-c-peoria-raids"
