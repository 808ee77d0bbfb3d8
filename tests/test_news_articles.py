"""Article files: loading, malformed files as errors, the seed import."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from news.articles import (
    MAX_BYTES,
    ArticleError,
    ArticleRejected,
    find_captions,
    load_articles,
    parse_article,
    parse_published,
)

GOOD = "---\ntitle: A title\noutlet: An Outlet\npublished: 2017-03-24\nurl: ''\n---\n\nBody text.\n"


def write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-03-24", ("2017-03-24", "day")),
        ("2017-09", ("2017-09", "month")),
        (2017, ("2017", "year")),
        (None, ("", "")),
    ],
)
def test_published_keeps_its_precision(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2017-13", "2017-02-30", "March 2017", "17-03-24"])
def test_bad_dates_are_refused(value):
    with pytest.raises(ValueError):
        parse_published(value)


def test_every_malformed_file_is_an_error_and_the_rest_load(tmp_path):
    write(tmp_path, "good.md", GOOD)
    write(tmp_path, "nofront.md", "Just a body.\n")
    write(tmp_path, "notitle.md", "---\noutlet: X\n---\nBody.\n")
    write(tmp_path, "nooutlet.md", "---\ntitle: X\n---\nBody.\n")
    write(tmp_path, "baddate.md", "---\ntitle: X\noutlet: Y\npublished: 2017-02-30\n---\nBody.\n")
    write(tmp_path, "latin1.md", "---\ntitle: Caf\xe9\noutlet: Y\n---\nBody.\n".encode("latin-1"))
    write(tmp_path, "binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    write(tmp_path, "empty.md", "---\ntitle: X\noutlet: Y\n---\n\n   \n")
    write(tmp_path, "badyaml.md", "---\ntitle: [unclosed\noutlet: Y\n---\nBody.\n")
    write(tmp_path, "notes.txt", "not markdown")
    big = tmp_path / "big.md"
    with big.open("wb") as fh:  # sparse: 20 MB without writing 20 MB
        fh.write(GOOD.encode())
        fh.seek(20 * 1024 * 1024)
        fh.write(b"x")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.md"
    outside.write_text(GOOD, encoding="utf-8")
    os.symlink(outside, tmp_path / "link.md")

    articles, errors = load_articles(tmp_path)

    assert [a.id for a in articles] == ["good"]
    reasons = {Path(e.path).name: e.reason for e in errors}
    assert set(reasons) == {
        "nofront.md", "notitle.md", "nooutlet.md", "baddate.md", "latin1.md", "binary.md",
        "empty.md", "badyaml.md", "notes.txt", "big.md", "link.md",
    }
    assert "front matter" in reasons["nofront.md"]
    assert "'title'" in reasons["notitle.md"]
    assert "'outlet'" in reasons["nooutlet.md"]
    assert "not a real date" in reasons["baddate.md"]
    assert "UTF-8" in reasons["latin1.md"]
    assert "binary" in reasons["binary.md"]
    assert "empty body" in reasons["empty.md"]
    assert "YAML" in reasons["badyaml.md"]
    assert "MB" in reasons["big.md"]
    assert "outside" in reasons["link.md"]
    assert all(isinstance(e, ArticleError) for e in errors)


def test_parse_article_raises_rejected_carrying_the_error():
    with pytest.raises(ArticleRejected) as info:
        parse_article(b"x" * (MAX_BYTES + 1), "huge.md", "huge")
    assert info.value.error.path == "huge.md"
    assert "limit" in info.value.error.reason


def test_body_offsets_are_into_the_stored_text():
    a = parse_article(GOOD.replace("\n", "\r\n").encode(), "a.md", "a")
    assert a.text == "Body text."
    assert a.date_precision == "day"
    assert a.sha256


def test_a_bare_credit_line_credits_the_caption_above_it():
    body = (
        "The law takes effect on Saturday.\n\n"
        "Marchers walk along Main Street in Lakeview on June 2.\n"
        "Ann Ruiz/AFP via Getty Images\n\n"
        "Lawmakers approved the bill in May.\n"
    )
    got = [body[s:e] for s, e in find_captions(body)]
    assert got == ["Marchers walk along Main Street in Lakeview on June 2.",
                   "Ann Ruiz/AFP via Getty Images"]
    # a credit at the end of a caption's own line takes nothing more
    body = "Lawmakers approved the bill.\nMarchers on Main Street (Tom Berg/Getty Images)\n"
    assert [body[s:e] for s, e in find_captions(body)] == [
        "Marchers on Main Street (Tom Berg/Getty Images)"]


def test_declared_caption_must_be_in_the_body():
    raw = "---\ntitle: T\noutlet: O\ncaptions:\n- Not there\n---\nBody.\n"
    with pytest.raises(ArticleRejected, match="caption not found"):
        parse_article(raw.encode(), "a.md", "a")


def test_the_five_seeds_load_with_their_metadata(repo_root):
    articles, errors = load_articles(repo_root / "data" / "articles")
    assert errors == []
    by_outlet = {a.outlet: a for a in articles}
    assert set(by_outlet) == {
        "International Business Times", "Infowars", "Vocativ", "Madison365", "Blasting News",
    }
    assert by_outlet["Blasting News"].published == "2017-09"
    assert by_outlet["Blasting News"].date_precision == "month"
    assert "probable" in by_outlet["International Business Times"].notes
    assert by_outlet["International Business Times"].url == ""
    ibt = by_outlet["International Business Times"]
    (cs, ce), = ibt.captions
    assert ibt.text[cs:ce].endswith("REUTERS")
    assert "Read: Sanctuary Cities" not in ibt.text
    assert any("Read: Sanctuary Cities" in s for s in ibt.stripped)
    m365 = by_outlet["Madison365"]
    assert m365.text.startswith("U.S. Immigration and Customs Enforcement (ICE) officers")
    assert "via REUTERS" in m365.text[m365.captions[0][0] : m365.captions[0][1]]
    assert not any(line.strip() == "0" for line in m365.text.splitlines())
    info = by_outlet["Infowars"]
    assert "Related Articles" not in info.text and "DNA Force" not in info.text
    voc = by_outlet["Vocativ"]
    assert "More Trump" not in voc.text and "2:58 PM" not in voc.text
    # the article body itself is untouched: a sentence from the seed is there verbatim
    assert "netted nearly 700 people nationwide in February" in voc.text


def test_seed_import_is_reproducible(repo_root, tmp_path):
    import subprocess
    import sys

    seeds = repo_root.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("the shared seeds are not next to this checkout")
    subprocess.run(
        [sys.executable, str(repo_root / "scripts" / "import_seeds.py"), "--out", str(tmp_path)],
        check=True, capture_output=True,
    )
    for path in sorted(tmp_path.glob("*.md")):
        committed = repo_root / "data" / "articles" / path.name
        assert path.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")
