"""Hostile text: the geoparser and the pipeline on arbitrary input never crash, and every span
they return is exactly the text it claims to be (``text[start:end] == mention``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geo.geoparse import geoparse
from news.pipeline import analyze_text

SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"

# Pieces the generators splice between arbitrary unicode: the traps of the seed articles, the
# characters that break naive offset arithmetic, and the quote marks the quote finder pairs.
FRAGMENTS = [
    "Austin, Texas", "Travis County, Texas", "Sheriff Sally Hernandez", "Judge Andrew Austin",
    "Washington D.C.", "New York", "Massachusets", "California's Bay Area", "Portland", "Oregon",
    "Hurricane Harvey", "Mexico", "Alameda and Santa Clara counties", "the county", "her department",
    "51 people were arrested", "ICE", "said", "Tom Homan said", "Operation Safe City", "Dane County",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",  # zero-width space/joiners, word joiner, BOM
    "\u200f", "\u202e", "\u2067", "\u061c",  # RTL mark, RTL override, RTL isolate, Arabic mark
    "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627",  # Hebrew, Arabic words
    "\r\n", "\r", "\n", "\n\n", "\u2028", "\u2029", "\x85", "\t", "\x0b", "\x0c",
    '"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "`",
    '"He said "she said \u201cit\u201d" ok', "\u201c\u201c\u201c", "\u201d\u201d", '""', "''",
    "\U0001f600", "\U0001d400", "\U00020000", "\U000e0001", "\U0010fffd",  # planes 1, 2, 14, 16
    "e\u0301", "\ufb01", "\u0130", "\u1e9e", "\u00df",  # combining mark, ligature, dotted I, sharp s
    ".", "?!", "...", "\u2026", "U.S.", "Mr.", "No.", "St.",
]

_any_unicode = st.text(st.characters(codec="utf-8"), max_size=40)  # every plane, no surrogates
hostile_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), _any_unicode, st.just(" ")), max_size=60
).map("".join)

PROPERTY = settings(max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check_geoparse(text: str) -> None:
    mentions = geoparse(text)
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start:m.end] == m.text, m
        assert m.start >= last_end, "mentions overlap or are not sorted"
        assert 0.0 <= m.confidence <= 1.0
        last_end = m.end


def check_analysis(text: str) -> None:
    r = analyze_text(text)
    for m in r.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text, m
    for e in r.excerpts:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start:e.end] == e.text, e
        for f in e.figures:
            assert text[f.start:f.end] == f.text, f
    for hit in r.quotes:
        q = hit.quote
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text, q
        assert 0 <= hit.excerpt < len(r.excerpts)
        if q.speaker_start is not None and q.speaker_end is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker, q
    mentioned = {m.jurisdiction for m in r.mentions}
    assert {j for j, _, _ in r.roles} >= mentioned


@PROPERTY
@given(hostile_text)
@example("")
@example("\r\n" * 50)
@example('"' * 7 + "Austin, Texas" + "\u201c" * 3)
@example("\u202eAustin, Texas\u202c said \u201cICE\u201d \u200b\u200bTravis County")
def test_geoparse_spans_are_exact(text: str) -> None:
    check_geoparse(text)


@PROPERTY
@given(hostile_text)
@example("")
@example(" \n \r\n\t")
@example('Sheriff Sally Hernandez said "the county will not "comply" with ICE.\r\n"She said')
@example("\u201cWe will,\u201d \u201cwe won\u2019t\u201d \u2018nested \u201cquotes\u201d\u2019 said Travis")
def test_pipeline_spans_are_exact(text: str) -> None:
    check_analysis(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_pipeline_on_raw_unicode(text: str) -> None:
    check_analysis(text)


def _seed_text() -> str:
    from news.articles import load_articles

    articles, _ = load_articles(SEEDS)
    assert articles, "the seed articles are missing"
    return "\n\n".join(a.text for a in articles)


def test_seed_corpus_with_crlf_and_invisible_characters() -> None:
    """The seeds with CRLF line ends and zero-width/RTL characters between words."""
    body = _seed_text().replace("\n", "\r\n")
    mangled = body.replace(" ", " \u200b").replace(", ", ",\u200f ")
    for text in (body, mangled):
        check_geoparse(text)
        check_analysis(text)
    # the CRLF version still finds what the plain text finds
    assert {m.jurisdiction for m in analyze_text(body).mentions} == {
        m.jurisdiction for m in analyze_text(_seed_text()).mentions}


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["words", "quotes", "one-token"])
def test_one_megabyte_single_line(kind: str) -> None:
    """A 1 MB line with no line break: no crash, exact spans.

    The filler keeps places sparse (one seed paragraph per ~100 KB): a line dense with place
    names is quadratic in the geoparser's distance scoring (see bench/README.md).
    """
    paragraph = _seed_text().split("\n\n")[0].replace("\n", " ")
    size = 1_000_000
    if kind == "words":
        filler = "the quick brown fox jumps over the lazy dog and then some more words "
    elif kind == "quotes":
        filler = 'he said "it was \u201cnot\u201d fine, \'really\' " \u00ab non \u00bb \u201c '
    else:
        filler = "x" * 997 + "\u200b"
    block = paragraph + " " + filler * (100_000 // len(filler))
    text = (block * (size // len(block) + 1))[:size]
    assert "\n" not in text and len(text) == size
    check_geoparse(text)
    check_analysis(text)
