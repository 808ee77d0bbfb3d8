"""Hostile article files: each bad file is an error naming it, and the rest of the corpus builds.

Everything runs on a copy of the seed articles under ``tmp_path``; the real ``data/articles/`` is
only read.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from news.articles import MAX_BYTES
from news.store import Store, build_store

SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"
GOOD_FRONT = "---\ntitle: A title\noutlet: An Outlet\npublished: 2017-03-24\n---\n\n"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    assert len(list(articles.glob("*.md"))) >= 5
    return articles


def _seed_ids() -> set[str]:
    return {p.stem for p in SEEDS.glob("*.md")}


def _build(articles: Path, tmp_path: Path):
    db = tmp_path / "build" / "store.sqlite"
    report = build_store(articles, db, cache_path=tmp_path / "build" / "cache.sqlite")
    return report, Store(db)


# name -> bytes written; every one must come back as an error naming that file
BAD_FILES: dict[str, bytes] = {
    "empty.md": b"",
    "whitespace.md": b" \n\t\r\n",
    "binary.md": bytes(range(256)) * 8,
    "png.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "latin1.md": (GOOD_FRONT + "Caf\xe9 in Austin, Texas.\n").encode("latin-1"),
    "utf16.md": (GOOD_FRONT + "Raids in Austin, Texas.\n").encode("utf-16"),
    "no-front.md": b"Raids in Austin, Texas.\n",
    "unclosed-front.md": b"---\ntitle: X\noutlet: Y\n\nRaids in Austin, Texas.\n",
    "bad-yaml.md": b"---\ntitle: [unclosed\noutlet: Y\n---\nRaids in Austin.\n",
    "tab-yaml.md": b"---\ntitle: X\n\toutlet: Y\n---\nRaids in Austin.\n",
    "list-front.md": b"---\n- a\n- b\n---\nRaids in Austin.\n",
    "dict-title.md": b"---\ntitle: {a: 1}\noutlet: Y\n---\nRaids in Austin.\n",
    "yaml-bomb.md": (b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a]\n"
                     b"c: &c [*b, *b, *b, *b, *b, *b, *b]\ntitle: *c\noutlet: Y\n---\nBody.\n"),
    "python-tag.md": b"---\ntitle: !!python/object/apply:os.system ['echo hi']\noutlet: Y\n---\nB\n",
    "no-body.md": GOOD_FRONT.encode(),
    "bad-date.md": b"---\ntitle: X\noutlet: Y\npublished: 2017-02-30\n---\nRaids in Austin.\n",
    "not-markdown.txt": (GOOD_FRONT + "Raids in Austin, Texas.\n").encode(),
}


def test_every_bad_file_is_an_error_naming_it_and_the_seeds_build(corpus, tmp_path):
    for name, data in BAD_FILES.items():
        (corpus / name).write_bytes(data)
    report, store = _build(corpus, tmp_path)

    assert {a.id for a in store.articles()} == _seed_ids()
    errors = {Path(e.path).name: e.reason for e in store.load_errors()}
    assert set(errors) == set(BAD_FILES), set(BAD_FILES) ^ set(errors)
    assert all(reason.strip() for reason in errors.values())
    assert {Path(e.path).name for e in report.errors} == set(BAD_FILES)
    assert errors["empty.md"] == "empty file"
    assert "binary" in errors["binary.md"] and "binary" in errors["png.md"]
    assert "UTF-8" in errors["latin1.md"]
    assert "front matter" in errors["no-front.md"] and "front matter" in errors["unclosed-front.md"]
    assert "YAML" in errors["bad-yaml.md"]
    assert "empty body" in errors["no-body.md"]
    assert ".md" in errors["not-markdown.txt"]


def test_a_duplicated_article_is_an_error_naming_the_copy(corpus, tmp_path):
    original = sorted(corpus.glob("*.md"))[0]
    copy = corpus / "zz-copy-of-an-article.md"
    shutil.copyfile(original, copy)
    # same body, other front matter and whitespace: still the same article
    text = original.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    (corpus / "zz-retitled.md").write_text(
        "---\ntitle: Another title\noutlet: Another outlet\n---\n\n" + body.replace(" ", "  "),
        encoding="utf-8")
    _, store = _build(corpus, tmp_path)

    assert {a.id for a in store.articles()} == _seed_ids()
    errors = {Path(e.path).name: e.reason for e in store.load_errors()}
    assert set(errors) == {copy.name, "zz-retitled.md"}
    assert original.stem in errors[copy.name] and original.stem in errors["zz-retitled.md"]


def test_symlinks_out_of_the_folder_are_refused(corpus, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.md"
    secret.write_text(GOOD_FRONT + "A valid article about raids in Peoria, Illinois.\n",
                      encoding="utf-8")
    os.symlink(secret, corpus / "link-to-outside.md")
    os.symlink(outside, corpus / "dir-link.md")
    os.symlink("/etc/passwd", corpus / "passwd.md")
    os.symlink(corpus / "missing.md", corpus / "dangling.md")
    os.symlink(corpus / "loop-b.md", corpus / "loop-a.md")
    os.symlink(corpus / "loop-a.md", corpus / "loop-b.md")
    (corpus / "a-folder.md").mkdir()
    os.mkfifo(corpus / "fifo.md")  # reading it would block forever: must not be opened
    _, store = _build(corpus, tmp_path)

    assert {a.id for a in store.articles()} == _seed_ids()
    errors = {Path(e.path).name: e.reason for e in store.load_errors()}
    for name in ("link-to-outside.md", "passwd.md"):
        assert "outside" in errors[name], errors[name]
    assert set(errors) == {"link-to-outside.md", "dir-link.md", "passwd.md", "dangling.md",
                           "loop-a.md", "loop-b.md", "a-folder.md", "fifo.md"}
    assert all("secret" not in a.text for a in store.articles())


def test_a_symlink_inside_the_folder_is_an_article_once(corpus, tmp_path):
    target = sorted(corpus.glob("*.md"))[0]
    os.symlink(target, corpus / "zz-alias.md")
    _, store = _build(corpus, tmp_path)
    assert {a.id for a in store.articles()} == _seed_ids()
    assert [Path(e.path).name for e in store.load_errors()] == ["zz-alias.md"]


def test_huge_and_badly_named_files(corpus, tmp_path):
    with (corpus / "huge.md").open("wb") as fh:  # sparse: costs no disk
        fh.truncate(MAX_BYTES * 4)
    bad_name = os.fsencode(corpus) + b"/bad-\xff\xfe-name.md"
    with open(bad_name, "wb") as fh:
        fh.write((GOOD_FRONT + "Raids in Peoria, Illinois.\n").encode())
    (corpus / "line\nbreak.md").write_text(GOOD_FRONT + "Raids in Springfield.\n",
                                           encoding="utf-8")
    report, store = _build(corpus, tmp_path)

    ids = {a.id for a in store.articles()}
    assert _seed_ids() <= ids and len(ids) <= len(_seed_ids()) + 1
    errors = {Path(e.path).name: e.reason for e in store.load_errors()}
    assert "MB" in errors["huge.md"]
    bad = [n for n in errors if n.startswith("bad-")]
    assert len(bad) == 1 and "UTF-8" in errors[bad[0]]
    # every id and path the store holds is valid text
    for a in store.articles():
        a.id.encode("utf-8")
    assert report.articles == len(ids)


def test_errors_do_not_stop_a_rebuild_after_the_bad_files_are_fixed(corpus, tmp_path):
    (corpus / "bad-yaml.md").write_bytes(BAD_FILES["bad-yaml.md"])
    _, store = _build(corpus, tmp_path)
    assert len(store.load_errors()) == 1
    (corpus / "bad-yaml.md").write_text(GOOD_FRONT + "Raids in Peoria, Illinois.\n",
                                        encoding="utf-8")
    _, store = _build(corpus, tmp_path)
    assert store.load_errors() == []
    assert {a.id for a in store.articles()} == _seed_ids() | {"bad-yaml"}
