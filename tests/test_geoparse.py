"""geo.geoparse on the five seed articles: every trap they contain, by id and by span."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo import load_gazetteer
from geo.geoparse import Mention, geoparse

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def _body(stem: str) -> str:
    """The article body as the pipeline stores it: everything after the YAML front matter."""
    raw = (ARTICLES / f"{stem}.md").read_text(encoding="utf-8")
    match = re.match(r"---\n.*?\n---\n", raw, flags=re.S)
    assert match, f"{stem} has no front matter"
    return raw[match.end():]


SEEDS = {
    "ibt": "2017-03-24-ibt-ice-raids-sanctuary-cities",
    "infowars": "2017-03-24-infowars-ice-raids-retaliation",
    "madison365": "2017-03-24-madison365-ice-targeting-sanctuary-cities",
    "vocativ": "2017-03-24-vocativ-ramped-up-ice-raids",
    "blasting": "2017-09-blastingnews-sanctuary-cities-targeted",
}


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.fixture(scope="module")
def parsed(gaz) -> dict[str, tuple[str, list[Mention]]]:
    out = {}
    for name, stem in SEEDS.items():
        text = _body(stem)
        out[name] = (text, geoparse(text, gaz))
    return out


def _by_text(mentions: list[Mention], text: str) -> list[Mention]:
    return [m for m in mentions if m.text == text]


def _ids(mentions: list[Mention], text: str) -> set[str]:
    return {m.jurisdiction_id for m in _by_text(mentions, text)}


def _covering(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if m.start < end and start < m.end]


def _no_mention_in(text: str, mentions: list[Mention], phrase: str) -> None:
    found = False
    for match in re.finditer(re.escape(phrase), text):
        found = True
        hits = _covering(mentions, match.start(), match.end())
        assert not hits, f"{phrase!r} at {match.start()} gave {hits}"
    assert found, f"{phrase!r} is not in the text; the test reads the wrong article"


# -- invariants --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SEEDS)
def test_offsets_sorted_and_disjoint(parsed, gaz, name):
    text, mentions = parsed[name]
    assert mentions
    last_end = -1
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        assert 0 < m.confidence <= 1
        assert m.method
        assert gaz.find(m.jurisdiction_id) is not None


# -- people named like places -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ibt", "infowars", "vocativ", "madison365"])
def test_judge_andrew_austin_is_a_person(parsed, name):
    text, mentions = parsed[name]
    _no_mention_in(text, mentions, "Judge Andrew Austin")
    for match in re.finditer(r"Judge Austin|Austin (?:said|says)", text):
        assert not _covering(mentions, match.start(), match.end())


@pytest.mark.parametrize("name", ["ibt", "infowars", "vocativ", "madison365"])
def test_the_city_of_austin_is_still_found(parsed, name):
    _, mentions = parsed[name]
    cities = _by_text(mentions, "Austin")
    assert cities, "the city of Austin is named in every Austin article"
    assert {m.jurisdiction_id for m in cities} == {"4805000"}


def test_whether_austin_is_targeted_is_the_city(parsed):
    text, mentions = parsed["ibt"]
    start = text.index("whether Austin is") + len("whether ")
    assert [m.jurisdiction_id for m in _covering(mentions, start, start + 6)] == ["4805000"]


def test_sheriff_sally_hernandez_is_a_person(parsed):
    for name in ("ibt", "vocativ"):
        text, mentions = parsed[name]
        _no_mention_in(text, mentions, "Sally Hernandez")


def test_photo_credit_bryan_cox_is_a_person(parsed):
    text, mentions = parsed["madison365"]
    _no_mention_in(text, mentions, "Bryan Cox")


# -- counties, states, qualifiers -----------------------------------------------------------------


def test_travis_county_texas(parsed):
    text, mentions = parsed["ibt"]
    assert _ids(mentions, "Travis County") == {"48453"}
    start = text.index("Travis County, Texas")
    hits = _covering(mentions, start, start + len("Travis County, Texas"))
    assert [(m.text, m.jurisdiction_id) for m in hits] == [("Travis County", "48453"),
                                                          ("Texas", "48")]
    assert hits[0].method == "county, state"


def test_austin_texas_pattern(parsed):
    text, mentions = parsed["vocativ"]
    start = text.index("Austin, Texas")
    hits = _covering(mentions, start, start + len("Austin, Texas"))
    assert [(m.text, m.jurisdiction_id, m.method) for m in hits] == [
        ("Austin", "4805000", "city, state"), ("Texas", "48", "state after a place")]


def test_los_angeles_california_and_san_francisco(parsed):
    _, mentions = parsed["ibt"]
    assert _ids(mentions, "Los Angeles") == {"0644000"}
    assert _ids(mentions, "San Francisco") == {"0667000"}
    assert _ids(mentions, "California") == {"06"}
    for state, fips in [("Connecticut", "09"), ("New Mexico", "35"), ("Colorado", "08"),
                        ("Rhode Island", "44"), ("North Dakota", "38"), ("Oregon", "41")]:
        assert _ids(mentions, state) == {fips}


def test_madison_and_dane_county(parsed):
    _, mentions = parsed["madison365"]
    assert _ids(mentions, "Madison") == {"5548000"}
    assert len(_by_text(mentions, "Madison")) >= 3  # "Madison Mayor", "City of Madison", ...
    assert _ids(mentions, "Dane County") == {"55025"}
    assert _ids(mentions, "Atlanta") == {"1304000"}
    assert _ids(mentions, "Georgia") == {"13"}


# -- New York, Washington -------------------------------------------------------------------------


def test_new_york_in_a_list_of_cities_is_the_city(parsed):
    for name in ("infowars", "madison365", "blasting"):
        _, mentions = parsed[name]
        assert _ids(mentions, "New York") == {"3651000"}, name
    _, mentions = parsed["infowars"]
    assert _ids(mentions, "New York City") == {"3651000"}


def test_sanctuary_city_list(parsed):
    _, mentions = parsed["infowars"]
    expected = {"Los Angeles": "0644000", "Houston": "4835000", "Chicago": "1714000",
                "Denver": "0820000", "Philadelphia": "4260000", "Boston": "2507000",
                "San Francisco": "0667000"}
    for name, fips in expected.items():
        assert _ids(mentions, name) == {fips}, name


def test_washington_dc_is_the_place(parsed):
    _, mentions = parsed["blasting"]
    assert _ids(mentions, "Washington D.C.") == {"1150000"}
    for name, fips in [("Denver", "0820000"), ("Philadelphia", "4260000"),
                       ("Baltimore", "2404000"), ("Los Angeles", "0644000"),
                       ("Oregon", "41"), ("Illinois", "17"), ("Chicago", "1714000")]:
        assert _ids(mentions, name) == {fips}, name


# -- misspellings, regions, Portland ------------------------------------------------------------


def test_misspelled_massachusetts(parsed):
    _, mentions = parsed["blasting"]
    [m] = _by_text(mentions, "Massachusets")
    assert m.jurisdiction_id == "25"
    assert m.method.startswith("fuzzy")
    assert m.confidence < 0.8


def test_californias_bay_area(parsed):
    _, mentions = parsed["blasting"]
    assert _ids(mentions, "Bay Area") == {"region:san-francisco-bay-area"}
    assert _ids(mentions, "California") == {"06"}


def test_portland_with_oregon_named_elsewhere(parsed):
    _, mentions = parsed["blasting"]
    [m] = _by_text(mentions, "Portland")
    assert m.jurisdiction_id == "4159000"
    assert m.method == "state named in article"


# -- storms, countries, organisations, common words -----------------------------------------


def test_hurricanes_are_not_places(parsed):
    text, mentions = parsed["blasting"]
    _no_mention_in(text, mentions, "Hurricanes Irma and Harvey")


def test_countries_of_origin_are_not_places(parsed):
    text, mentions = parsed["blasting"]
    for country in ("India", "Mexico", "El Salvador", "Dominican Republic", "Guatemala"):
        _no_mention_in(text, mentions, country)


def test_agencies_and_outlets_are_not_places(parsed):
    text, mentions = parsed["blasting"]
    for phrase in ("Fox News", "Justice Department", "Homeland Security", "Jeff Sessions"):
        _no_mention_in(text, mentions, phrase)
    text, mentions = parsed["vocativ"]
    _no_mention_in(text, mentions, "Department of Homeland Security")
    _no_mention_in(text, mentions, "White House")
    text, mentions = parsed["ibt"]
    _no_mention_in(text, mentions, "Department of Justice")
    _no_mention_in(text, mentions, "CNN")


def test_lower_case_the_county_is_not_a_mention(parsed):
    text, mentions = parsed["ibt"]
    _no_mention_in(text, mentions, "the county")
    _no_mention_in(text, mentions, "the sheriff's county")


@pytest.mark.parametrize("text", [
    "Hundreds marched on Saturday in St. Paul.",
    "The bus left from Ft. Dix. It reached the border two days later.",
])
def test_a_saint_or_fort_name_closing_a_sentence_is_still_the_place(gaz, text):
    # "St. Paul." was read as one spaced abbreviation ("N. Y."), so the city was lost
    got = [m.text for m in geoparse(text, gaz)]
    assert any(t.startswith(("St.", "Ft.")) for t in got)


def test_a_title_before_a_short_surname_is_not_an_abbreviation():
    from geo.tokens import _tokenize
    assert _tokenize("The meeting was with Dr. Lee.").texts[-3:] == ["Dr.", "Lee", "."]
