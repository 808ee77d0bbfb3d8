"""Hostile saves through ``news.store.add_article`` (what the add-article page calls).

Titles that are paths or device names, huge and binary uploads, saves at the same moment, and a
process killed in the middle of a save: nothing is written outside the articles folder, nothing
is overwritten, and the store is never half-updated. Everything runs in ``tmp_path`` copies.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from news.articles import MAX_BYTES, ArticleRejected, load_articles
from news.store import Store, add_article, build_store, ensure_store
from ui.add import decode_upload

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "data" / "articles"
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                    *(f"lpt{i}" for i in range(10))}


def body(n: int) -> str:
    return (f"Federal agents arrested {n + 3} people in Peoria, Illinois, on Tuesday, the "
            f"county sheriff said. Report number {n}.\n\n\"We will not hold anyone without a "
            f"warrant,\" Sheriff Jane Doe said.")


@pytest.fixture()
def site(tmp_path: Path) -> dict[str, Path]:
    """A copy of the seeds and a built store, inside a folder whose every file is tracked."""
    root = tmp_path / "site"
    articles = root / "data" / "articles"
    shutil.copytree(SEEDS, articles)
    db = root / "data" / "build" / "store.sqlite"
    cache = root / "data" / "build" / "cache.sqlite"
    build_store(articles, db, cache_path=cache)
    return {"root": root, "articles": articles, "db": db, "cache": cache, "tmp": tmp_path}


def snapshot(root: Path) -> dict[str, str]:
    """Path -> sha256 of every file under ``root`` (the whole tmp dir, to catch escapes)."""
    out = {}
    for p in sorted(root.rglob("*")):
        # the empty lock file next to the store (news.store serializes saves with it)
        if p.is_file() and not p.is_symlink() and p.suffix != ".lock":
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def outside_articles(snap: dict[str, str], site: dict[str, Path]) -> dict[str, str]:
    rel_articles = str(site["articles"].relative_to(site["tmp"]))
    rel_build = str(site["db"].parent.relative_to(site["tmp"]))
    return {k: v for k, v in snap.items()
            if not k.startswith(rel_articles + "/") and not k.startswith(rel_build + "/")}


def save(site: dict[str, Path], text: str, **kw: str) -> str:
    kw.setdefault("outlet", "Hostile Daily")
    kw.setdefault("title", "A title")
    return add_article(text, directory=site["articles"], db_path=site["db"],
                       cache_path=site["cache"], **kw)


def store_ids(site: dict[str, Path]) -> set[str]:
    return {a.id for a in Store(site["db"]).articles()}


def assert_consistent(db: Path) -> None:
    """Every row points at an article the store has; the database passes its integrity check."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        for table in ("mentions", "excerpts", "quotes", "article_jurisdictions"):
            orphans = conn.execute(
                f"SELECT COUNT(*) FROM {table} WHERE article NOT IN (SELECT id FROM articles)"
            ).fetchone()[0]
            assert orphans == 0, f"{orphans} rows of {table} without their article"
        n_fts = conn.execute("SELECT COUNT(*) FROM excerpts_fts").fetchone()[0]
        assert n_fts == conn.execute("SELECT COUNT(*) FROM excerpts").fetchone()[0]


@pytest.mark.parametrize("title", [
    "../../etc/passwd", "CON", "nul", "COM1", "..", "/", "\\..\\..\\windows\\system32",
    "/etc/passwd\x00.md", ".hidden", "~root", "a/b/c", "\u202eevil\u202c.exe",
    "\u6771\u4eac", "x" * 5000,
])
def test_hostile_titles_stay_in_the_folder(site, title):
    before = snapshot(site["tmp"])
    earlier = store_ids(site)
    try:
        article_id = save(site, body(1), title=title, outlet="CON", published="")
    except ArticleRejected as rejected:
        assert rejected.error.reason
        assert snapshot(site["tmp"]) == before
        return
    after = snapshot(site["tmp"])
    assert outside_articles(after, site) == outside_articles(before, site)
    new_files = set(after) - set(before)
    new_articles = {k for k in new_files if k.startswith("site/data/articles/")}
    assert len(new_articles) == 1, new_files
    path = site["tmp"] / new_articles.pop()
    assert path.parent == site["articles"] and path.stem == article_id
    assert not path.name.startswith(".") and path.stem.lower() not in WINDOWS_RESERVED
    assert len(path.name.encode()) <= 255
    assert all(after[k] == v for k, v in before.items() if k.startswith("site/data/articles/"))
    assert store_ids(site) == earlier | {article_id}


def test_fifty_megabyte_upload_is_refused_before_anything_is_written(site):
    before = snapshot(site["tmp"])
    big = ("Raids in Austin, Texas. " * (50 * 2**20 // 24 + 1))[: 50 * 2**20]
    text, problem = decode_upload(big.encode(), "big.txt", "")
    assert text is None and "MB" in problem and "big.txt" in problem
    with pytest.raises(ArticleRejected) as info:
        save(site, big)
    assert "MB" in info.value.error.reason
    # just over the limit is refused too; the limit itself is what the page and the loader share
    with pytest.raises(ArticleRejected):
        save(site, "a" * (MAX_BYTES + 1))
    assert snapshot(site["tmp"]) == before


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n" + bytes(200),
    "caf\xe9 au lait in Austin".encode("latin-1"),
    b"\xff\xfe" + "Raids in Austin".encode("utf-16-le"),
    b"\x7fELF\x02\x01\x01\x00" + bytes(64) + b"Raids in Austin, Texas",  # valid UTF-8
    bytes(4096),
])
def test_non_text_upload_is_refused(site, data):
    before = snapshot(site["tmp"])
    text, problem = decode_upload(data, "photo.png", "")
    if text is None:
        assert "photo.png" in problem
    else:  # valid UTF-8 that is still not text (NUL bytes): the store must refuse it
        with pytest.raises(ArticleRejected) as info:
            save(site, text)
        assert "binary" in info.value.error.reason
    assert snapshot(site["tmp"]) == before


def test_control_characters_and_front_matter_in_the_body_are_kept_as_text(site):
    text = "---\ntitle: injected\noutlet: evil\n---\n" + body(2) + "\n\x1b[31m\x07"
    article_id = save(site, text, title="title: x\n---\nmore", outlet="o: [")
    stored = Store(site["db"]).article(article_id)
    assert stored.title == "title: x\n---\nmore" and stored.outlet == "o: ["
    assert "title: injected" in stored.text
    articles, errors = load_articles(site["articles"])
    assert not errors and article_id in {a.id for a in articles}


def _save_in_child(site: dict[str, Path], text: str, title: str, barrier, results) -> None:
    barrier.wait()
    try:
        results.put(("ok", save(site, text, title=title)))
    except ArticleRejected as rejected:
        results.put(("rejected", rejected.error.reason))
    except Exception as error:  # reported to the parent, which fails the test
        results.put(("error", repr(error)))


def _run_at_once(site: dict[str, Path], jobs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(len(jobs))
    results = ctx.Queue()
    procs = [ctx.Process(target=_save_in_child, args=(site, text, title, barrier, results))
             for text, title in jobs]
    for p in procs:
        p.start()
    out = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return out


def test_saves_at_the_same_moment_with_the_same_title(site):
    earlier = store_ids(site)
    outcomes = _run_at_once(site, [(body(n), "Same title") for n in range(4)])
    assert [o[0] for o in outcomes] == ["ok"] * 4, outcomes
    ids = {o[1] for o in outcomes}
    assert len(ids) == 4, "two saves wrote the same file"
    assert store_ids(site) == earlier | ids
    texts = {Store(site["db"]).article(i).text for i in ids}
    assert texts == {body(n) for n in range(4)}, "a save overwrote another"
    assert_consistent(site["db"])
    assert ensure_store(site["articles"], site["db"], cache_path=site["cache"]) == site["db"]
    assert store_ids(site) == earlier | ids


def test_the_same_article_saved_twice_at_the_same_moment_is_stored_once(site):
    earlier = store_ids(site)
    outcomes = _run_at_once(site, [(body(7), "Twice"), (body(7), "Twice")])
    kinds = sorted(o[0] for o in outcomes)
    assert kinds == ["ok", "rejected"], outcomes
    assert "same text" in next(o[1] for o in outcomes if o[0] == "rejected")
    assert len(store_ids(site)) == len(earlier) + 1
    articles, errors = load_articles(site["articles"])
    assert not errors, errors  # the refused save left no file behind
    assert {a.id for a in articles} == store_ids(site)
    assert_consistent(site["db"])


CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    import news.store.write as s

    articles, db, cache, point = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    if point == "before-link":      # the new file is fully written under its temporary name
        real_link = os.link
        def link(src, dst):
            die()
        os.link = link
    elif point == "in-transaction":  # rows of the new article inserted, not committed
        real_rows = s._article_rows
        def rows(conn, a, r, groups):
            ids = real_rows(conn, a, r, groups)
            conn.execute("UPDATE articles SET title = 'HALF-UPDATED'")
            conn.execute("DELETE FROM excerpts")
            die()
        s._article_rows = rows
    elif point == "in-rebuild":      # the store was stale: killed while writing the new one
        real_meta = s._set_meta
        def meta(conn, chash):
            real_meta(conn, chash)
            die()
        s._set_meta = meta
        (articles / "zz-edited.md").write_text(
            "---\\ntitle: Edited\\noutlet: X\\n---\\n\\nRaids in Dane County, Wisconsin.\\n")
    s.add_article(
        "Federal agents arrested 12 people in Peoria, Illinois, on Tuesday, the sheriff said.",
        title="Killed mid-save", outlet="Test", directory=articles, db_path=db, cache_path=cache)
    print("NOT KILLED")
""")


@pytest.mark.slow
@pytest.mark.parametrize("point", ["before-link", "in-transaction", "in-rebuild"])
def test_a_save_killed_midway_leaves_a_store_that_opens_with_every_earlier_article(site, point):
    earlier = store_ids(site)
    earlier_titles = {a.id: a.title for a in Store(site["db"]).articles()}
    script = site["tmp"] / "child.py"
    script.write_text(CHILD)
    proc = subprocess.run(
        [sys.executable, str(script), str(site["articles"]), str(site["db"]),
         str(site["cache"]), point],
        env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True,
        timeout=300,
    )
    assert proc.returncode == -9, proc.stdout + proc.stderr  # SIGKILL, not a clean exit

    # The store opens as it was: every earlier article, nothing half-written.
    store = Store(site["db"])
    assert {a.title for a in store.articles() if a.id in earlier} == set(earlier_titles.values())
    assert store_ids(site) == earlier
    assert_consistent(site["db"])
    # Every visible file in the folder is a whole article (temporary files are hidden).
    articles, errors = load_articles(site["articles"])
    assert not errors, errors
    visible = {a.id for a in articles}
    assert earlier <= visible
    # The next open brings the store up to date with the folder, and nothing is lost.
    ensure_store(site["articles"], site["db"], cache_path=site["cache"])
    assert store_ids(site) == visible
    assert_consistent(site["db"])
    assert {a.title for a in Store(site["db"]).articles() if a.id in earlier} == set(
        earlier_titles.values())
