"""geo.geoparse: ambiguous names resolved from the article's own context (issue 11).

Every sentence is made up, in the shape of the trap, never copied from an article.
"""

from __future__ import annotations

import pytest

from geo import load_gazetteer
from geo.geoparse import geoparse, reported


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def found(text: str, gaz) -> dict[str, str]:
    return {m.text: m.jurisdiction_id for m in reported(geoparse(text, gaz))}


# -- "X in (western) STATE" binds the name to that state, as "X, STATE" does ------------------

@pytest.mark.parametrize("text", [
    "The council of Springfield in western Oregon ended its jail contract. In Fairfax, "
    "Virginia, the board met later.",
    "Springfield in Oregon is the second town to do so; Alexandria, Virginia, followed.",
])
def test_state_after_in_binds_the_place(gaz, text):
    assert found(text, gaz)["Springfield"] == "4169600"  # Springfield, Oregon


def test_a_list_of_states_after_in_binds_nothing(gaz):
    text = "Errors hit three counties named Franklin in Iowa, Ohio and Vermont."
    assert found(text, gaz).get("Franklin") != "1928740"  # not the Iowa town


# -- a publication bearing a place's bare name ------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("The ruling was foreseen weeks ago by a reporter in a piece for New York.", "New York"),
    ("She made the same case in an essay for Boston magazine last year.", "Boston"),
    ("The mayor said as much in an interview with Philadelphia, adding nothing.", "Philadelphia"),
])
def test_publication_named_like_a_place_is_no_place(gaz, text, name):
    assert name not in found(text, gaz)


@pytest.mark.parametrize(("text", "name", "jid"), [
    ("The governor told Texas lawmakers to pass the bill.", "Texas", "48"),
    ("The agency told Denver, Austin and Dallas to hand over records.", "Denver", "0820000"),
])
def test_place_after_a_verb_of_telling_stays_a_place(gaz, text, name, jid):
    assert found(text, gaz).get(name) == jid


# -- items of a bulleted list stand alone ------------------------------------------------------

ROUNDUP = ("Mayors answered at once:\n\n"
           "\u2022 \u201cWe will not be moved.\u201d\u2014Newark Mayor Ann Ruiz\n"
           "\u2022 \u201cOur city stays welcoming.\u201d\u2014Newton Mayor Tom Berg\n"
           "\u2022 \u201cWe stand firm.\u201d\u2014Seattle Mayor Jo Lee\n")


def test_a_town_in_another_list_item_is_no_evidence(gaz):
    assert found(ROUNDUP, gaz)["Newton"] == "2545560"  # Newton, Mass., not Newton, N.J.


def test_a_town_in_the_same_list_item_still_is(gaz):
    text = ROUNDUP.replace("Our city stays welcoming.", "Newark and Newton share a jail.")
    assert found(text, gaz)["Newton"] == "3451930"
