"""geo.geoparse on made-up sentences: places inside other names, one sense per article, districts."""

from __future__ import annotations

import pytest

from geo import load_gazetteer
from geo.geoparse import GeoContext, geoparse, reported


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def found(text: str, gaz) -> list[tuple[str, str]]:
    return [(m.text, m.jurisdiction_id) for m in reported(geoparse(text, gaz))]


def test_a_firm_named_after_a_place_is_not_the_place(gaz):
    text = "Workers at Salem Foods Inc. in Keizer, Oregon, were detained."
    assert found(text, gaz) == [("Keizer", "4138500"), ("Oregon", "41")]
    text = "Workers at Salem Poultry Farms LLC in Salem, Oregon, were detained."
    assert [m.part_of for m in geoparse(text, gaz)] == ["company", "", ""]


def test_a_countys_agency_is_no_firm(gaz):
    assert ("Dane County", "55025") in found("He was held at the Dane County Hospital.", gaz)


def test_an_outlet_names_its_town_but_is_not_reported_on(gaz):
    text = "She wrote for the Augusta Herald in Augusta, Georgia."
    mentions = geoparse(text, gaz)
    assert [(m.text, m.part_of) for m in mentions if m.part_of] == [("Augusta", "outlet or team")]
    assert found(text, gaz) == [("Augusta", "1304204"), ("Georgia", "13")]


def test_a_possessive_name_is_not_its_last_word(gaz):
    text = ("Migrants were flown to Martha's Vineyard, Massachusetts, from San Antonio. More "
            "flights to Martha's Vineyard left Sacramento, California.")
    assert "0682852" not in {i for _, i in found(text, gaz)}  # Vineyard, Calif.


def test_a_name_its_written_state_lacks_is_lacking_everywhere(gaz):
    # Fairfield, Conn. is a town the gazetteer lacks: the later "Fairfield" is not California's.
    text = "Protesters gathered in Fairfield, Conn., on Friday. The Fairfield home was searched."
    assert [t for t, _ in found(text, gaz)] == ["Conn."]


def test_the_city_named_nearby_decides_a_state_or_city_name(gaz):
    text = ("New York City Mayor Eric Adams asked El Paso, Texas, to stop the buses. New York "
            "cannot take more, he said.")
    assert found(text, gaz)[-1] == ("New York", "3651000")
    assert found("New York City is big.\n\nNew York passed a law.", gaz)[-1] == ("New York", "36")


def test_a_district_lies_in_the_state_the_article_names_most(gaz):
    text = ("Indiana lawmakers passed the bill. Sen. Ann Ruiz (D-Lake, Porter) said Gary police "
            "and Indiana sheriffs would comply. A similar bill failed in Illinois, where Chicago "
            "objected.")
    assert ("Lake", "18089") in found(text, gaz)  # Lake County, Indiana, not Illinois


def test_a_districts_names_share_a_state_on_a_tie(gaz):
    text = ("Lawmakers debated the bill. Sen. Ann Ruiz (D-Lake, Porter) said Indiana would comply."
            " A similar bill failed in Illinois.")
    assert found(text, gaz)[:2] == [("Lake", "18089"), ("Porter", "18127")]


def test_a_state_court_named_after_a_town_is_not_the_town(gaz):
    text = "Lakewood District Court Judge Ann Ruiz ruled in the case."
    assert found(text, gaz) == []
    assert [m.part_of for m in geoparse(text, gaz)] in ([], ["court"])
    # a county's court names the county; a town's own court is the town's
    assert ("El Paso County", "48141") in found("The El Paso County District Court ruled.", gaz)
    assert found("The Boston Municipal Court ruled in Boston.", gaz)[0] == ("Boston", "2507000")


def test_a_tag_of_several_names_lists_counties_not_states(gaz):
    text = ("California lawmakers voted. Assemblywoman Ann Ruiz (D-Humboldt, Nevada) backed the "
            "bill in Sacramento.")
    got = found(text, gaz)
    assert ("Nevada", "06057") in got and ("Nevada", "32") not in got  # Nevada County, Calif.
    assert ("Humboldt", "06023") in got


def test_a_county_list_lies_in_one_state(gaz):
    text = ("Geneva, New York, officials met. Sheriffs in Allegany, Essex and Hamilton counties "
            "signed the letter.")
    got = dict(found(text, gaz))
    assert got["Essex"] == "36031"  # Essex County, N.Y., not Essex County, N.J.


def test_a_person_with_a_towns_surname(gaz):
    text = ("Milwaukee County supervisors voted. Tobias Muskego, a pastor who attended, disagreed."
            " Later, Greenfield, a city of 37,000, agreed.")
    assert [t for t, _ in found(text, gaz)] == ["Milwaukee County", "Greenfield"]
    text = "Milwaukee County supervisors voted.\n\nTobias Muskego disagreed. \u201cNo,\u201d Muskego said."
    assert [t for t, _ in found(text, gaz)] == ["Milwaukee County"]


def test_a_bare_ap_dateline_names_the_big_citys_state(gaz):
    text = "SEATTLE (AP) \u2014 Immigrant advocates in Washington said the policy hurts families."
    assert found(text, gaz)[-1] == ("Washington", "53")
    # a local paper's own town, not the biggest of the name
    text = "COLUMBUS \u2014 The school board met. Officials in Norfolk agreed."
    got = [(m.text, m.jurisdiction_id)
           for m in reported(geoparse(text, gaz, context=GeoContext(state="NE")))]
    assert got == [("COLUMBUS", "3110110"), ("Norfolk", "3134615")]


@pytest.mark.parametrize("text", [
    "Buses carrying 40 migrants arrived in the nation's capital on Friday.",
    "The nation\u2019s capital has taken in 9,000 people since April.",
])
def test_an_alias_written_in_lower_case_after_the_names_its_place(gaz, text):
    # "the nation's capital" is an alias of Washington, D.C.: a name with no capital letter,
    # read only after "the", and needing no "Washington" elsewhere (unlike "the District")
    assert [j for _, j in found(text, gaz)] == ["1150000"]


def test_lower_case_words_that_are_no_alias_name_nothing(gaz):
    assert found("It is the nation's largest county jail and a capital project.", gaz) == []
