"""The outlet's home as context: front matter ``place:`` and ``geoparse --jsonl`` ``context``."""

from __future__ import annotations

import io
import json

import pytest

from news.__main__ import main
from news.articles import ArticleRejected, parse_article

ARTICLE = "---\ntitle: Parking\noutlet: The Smyrna Paper\n{place}---\n\nDover's new parking rules.\n"


def test_front_matter_place_is_kept():
    article = parse_article(ARTICLE.format(place="place: Smyrna, DE\n").encode(), "a.md", "a")
    assert article.place == "Smyrna, DE"
    assert parse_article(ARTICLE.format(place="").encode(), "b.md", "b").place == ""


@pytest.mark.parametrize("place", ["Smyrna, Atlantis", "Smyrna", "[1, 2]"])
def test_front_matter_place_that_names_no_state_is_refused(place):
    with pytest.raises(ArticleRejected, match="place"):
        parse_article(ARTICLE.format(place=f"place: {place}\n").encode(), "c.md", "c")


def run_jsonl(lines: list[object]) -> tuple[int, list[dict], str]:
    out, err = io.StringIO(), io.StringIO()
    stdin = io.StringIO("".join(json.dumps(x) + "\n" for x in lines))
    status = main(["geoparse", "--jsonl"], inp=stdin, out=out, err=err)
    return status, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_jsonl_context_decides_bare_local_names():
    text = "Dover's new parking rules start Monday."
    status, rows, err = run_jsonl([
        {"id": "de", "text": text, "context": {"state": "DE", "place": "Smyrna"}},
        {"id": "nh", "text": text, "context": {"state": "NH"}},
        {"id": "none", "text": text},
    ])
    assert status == 0 and err == ""
    got = {r["id"]: [m["id"] for m in r["mentions"]] for r in rows}
    assert got["de"] == ["1021200"] and got["nh"] == ["3318820"]


def test_jsonl_bad_context_is_reported_and_the_rest_still_runs():
    status, rows, err = run_jsonl([
        {"id": 1, "text": "Dover", "context": {"state": "Atlantis"}},
        {"id": 2, "text": "Dover", "context": "DE"},
        {"id": 3, "text": "Austin, Texas"},
    ])
    assert status == 2
    assert "line 1" in err and "Atlantis" in err and "line 2" in err
    assert [r["id"] for r in rows] == [3]
