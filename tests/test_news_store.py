"""The SQLite store: atomic builds, rebuild on change, extraction cache, add_article, read API.

Most tests use a small dictionary geoparser (a test double with real Census ids) so that they
check the store's mechanics, not the geoparser; the CLI tests at the end use the real one.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

import news.store.corpus as corpus_mod
import news.store.write as write_mod
from geo.geoparse import Mention
from news.__main__ import main
from news.articles import ArticleRejected
from news.store import Filters, Store, add_article, build_store, ensure_store

FIXTURES = Path(__file__).resolve().parent / "data" / "articles"
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
def corpus(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(FIXTURES, articles)
    return articles, tmp_path / "build" / "store.sqlite", tmp_path / "build" / "cache.sqlite"


def build(corpus, geoparser=None):
    articles, db, cache = corpus
    return build_store(articles, db, cache_path=cache, geoparser=geoparser or DictGeoparser())


def test_build_writes_every_table_with_exact_offsets(corpus):
    articles, db, _ = corpus
    (articles / "broken.md").write_bytes(b"\xff\xfe not utf-8")
    report = build(corpus)
    assert report.articles == 2
    assert [Path(e.path).name for e in report.errors] == ["broken.md"]
    conn = sqlite3.connect(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"meta", "articles", "jurisdictions", "article_jurisdictions", "mentions", "excerpts",
            "excerpt_jurisdictions", "quotes", "load_errors", "excerpts_fts"} <= tables
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert meta["corpus_hash"] == corpus_mod.corpus_hash(articles)
    texts = dict(conn.execute("SELECT id, text FROM articles"))
    for table in ("mentions", "excerpts", "quotes"):
        rows = conn.execute(f'SELECT article, start, "end", text FROM {table}').fetchall()
        assert rows
        for article, start, end, text in rows:
            assert texts[article][start:end] == text
    assert not list(db.parent.glob(".build-*"))


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


def test_ensure_store_rebuilds_only_when_articles_change(corpus):
    articles, db, cache = corpus
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


def test_a_failed_build_leaves_the_old_store(corpus):
    articles, db, _ = corpus
    build(corpus)
    before = Store(db).meta()["corpus_hash"]
    (articles / "new.md").write_text("---\ntitle: T\noutlet: O\n---\nBoom in Peoria.\n", "utf-8")

    def exploding(text):
        raise RuntimeError("geoparser bug")

    with pytest.raises(RuntimeError):
        build_store(articles, db, cache_path=None, geoparser=exploding)
    assert Store(db).meta()["corpus_hash"] == before
    assert not list(db.parent.glob(".build-*"))


def add(corpus, geo, **kw):
    articles, db, cache = corpus
    fields = {"title": "Peoria raids", "outlet": "Daily C", "published": "2020-02-01",
              "text": "Agents arrested 9 people in Peoria on Monday."}
    fields.update(kw)
    return add_article(directory=articles, db_path=db, cache_path=cache, geoparser=geo, **fields)


def test_add_article_extracts_only_the_new_one_and_updates_the_store(corpus):
    articles, db, _ = corpus
    geo = DictGeoparser()
    build(corpus, geo)
    calls = geo.calls
    article_id = add(corpus, geo)
    assert geo.calls == calls + 1
    assert article_id == "2020-02-01-daily-c-peoria-raids"
    assert (articles / f"{article_id}.md").is_file()
    store = Store(db)
    assert store.article(article_id).outlet == "Daily C"
    assert "1759000" in {s.id for s in store.jurisdiction_summaries()}
    assert store.meta()["corpus_hash"] == corpus_mod.corpus_hash(articles)
    # the store is current: ensuring it does not rebuild
    stamp = db.stat().st_mtime_ns
    ensure_store(articles, db, cache_path=corpus[2], geoparser=geo)
    assert db.stat().st_mtime_ns == stamp


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

    def fail(*args, **kwargs):
        raise sqlite3.OperationalError("disk full")

    monkeypatch.setattr(write_mod, "_add_to_store", fail)
    with pytest.raises(sqlite3.OperationalError):
        add(corpus, geo)
    assert sorted(p.name for p in articles.iterdir()) == sorted(p.name for p in FIXTURES.iterdir())
    assert len(Store(db).articles()) == 2


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


def test_cache_keeps_only_current_articles(corpus):
    articles, _, cache = corpus
    build(corpus)
    (articles / "2020-01-11-daily-b-sheriff.md").unlink()
    build(corpus)
    rows = sqlite3.connect(cache).execute("SELECT COUNT(*) FROM cache").fetchone()[0]
    assert rows == 1


def test_add_article_trusts_remembered_file_hashes_but_sees_edits(corpus, monkeypatch):
    articles, db, cache = corpus
    monkeypatch.setattr(corpus_mod, "_RACY_NS", 0)  # remember even files written just now
    geo = DictGeoparser()
    build(corpus, geo)
    remembered = dict(sqlite3.connect(db).execute("SELECT name, sha256 FROM file_hashes"))
    assert sorted(remembered) == sorted(p.name for p in articles.iterdir())

    # An unchanged file is not read again: a wrong remembered hash would be trusted.
    reads = []
    real_open = open

    def counting_open(file, *args, **kwargs):
        reads.append(Path(file).name)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", counting_open)
    article_id = add(corpus, geo)
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


def test_a_store_without_the_lookup_tables_is_rebuilt(corpus):
    articles, db, cache = corpus
    geo = DictGeoparser()
    build(corpus, geo)
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE url_keys")
    ensure_store(articles, db, cache_path=cache, geoparser=geo)
    assert geo.calls == 2  # rebuilt from the extraction cache
    with pytest.raises(ArticleRejected, match="same URL"):
        add(corpus, geo, url="https://www.daily-a.example/raids")


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
        return dict(sqlite3.connect(db).execute("SELECT id, group_id FROM quotes"))

    added = groups()
    assert len(set(added.values())) < len(added)  # some quotes did join a group
    build_store(articles, db, cache_path=cache, geoparser=geo)
    assert groups() == added
