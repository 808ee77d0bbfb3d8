"""geo.geoparse on the news traps of issue 11, one general cause per test.

Every sentence is made up, in the shape of the trap, never copied from an article.
"""

from __future__ import annotations

import pytest

from geo import load_gazetteer
from geo.geoparse import GeoContext, geoparse, reported


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def found(text: str, gaz, context: GeoContext | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.jurisdiction_id) for m in reported(geoparse(text, gaz, context=context))]


def ids(text: str, gaz, context: GeoContext | None = None) -> set[str]:
    return {i for _, i in found(text, gaz, context)}


# -- state nicknames: the state, never a town -----------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Farmworkers have long sustained the Golden State's economy.", [("Golden State", "06")]),
    ("Lawmakers in the Lone Star State passed the bill.", [("Lone Star State", "48")]),
    ("The Keystone State has no such law, the governor said.", [("Keystone State", "42")]),
])
def test_state_nickname_is_the_state(gaz, text, expected):
    assert found(text, gaz) == expected


def test_nickname_inside_a_longer_name_is_no_place(gaz):
    assert found("The Golden State Warriors won on Friday.", gaz) == []
    assert found("Tourists lined up at the Empire State Building.", gaz) == []


# -- datelines: the strongest context --------------------------------------------------------

def test_dateline_state_decides_an_ambiguous_town(gaz):
    text = ("DOVER, Del. (Metro Wire) \u2014 Police said the Smyrna office would close. "
            "Residents of Smyrna were told on Monday.")
    assert ("Smyrna", "1067310") in found(text, gaz)
    assert "1371492" not in ids(text, gaz)  # not Smyrna, Ga.


def test_dateline_state_decides_a_metro_area_phrase(gaz):
    text = ("URBANA, Ohio (Valley Radio) \u2014 Families across the Springfield area "
            "waited for news.")
    assert ("Springfield", "3974118") in found(text, gaz)


def test_mixed_case_dateline(gaz):
    text = "Smyrna, Del. \u2014 Officials in Dover said the plan was dead."
    assert ("Dover", "1021200") in found(text, gaz)


def test_a_dateline_does_not_pull_a_big_citys_name_to_a_far_hamlet_of_its_state(gaz):
    # The dateline's state decides names near its town; across the state it counts as a named
    # state does, so a hamlet far from it does not outweigh a city hundreds of times its size.
    text = ("PITTSBURGH, Pa. (Metro Wire) \u2014 Officials said cities such as Denver, Chicago "
            "and New York had refused the requests.")
    assert ("Denver", "0820000") in found(text, gaz)
    text = "ERIE, Pa. \u2014 Officials in Boston said the city would keep its ordinance."
    assert ("Boston", "2507000") in found(text, gaz)
    assert "4207688" not in ids(text, gaz)  # not Boston, Pa.


def test_a_dateline_still_decides_a_bare_name_near_its_town(gaz):
    text = "LANCASTER, Pa. \u2014 Denver police arrested two men on Main Street, the borough said."
    assert ("Denver", "4218888") in found(text, gaz)


@pytest.mark.parametrize(("text", "expected"), [
    # beside counties written in full, a small town's name alone is the county of that name
    ("In Virginia, Russell County and Scott County renewed their agreements, and so did Wise, "
     "which is weighing a lawsuit.", ("Wise", "51195")),
    # unless the words around it name a town
    ("In Virginia, Russell County and Scott County renewed their agreements, and Wise police "
     "said so too.", ("Wise", "5187072")),
    # or the town is big enough to stand for itself
    ("Harris County renewed its agreement last month. Houston, which also signed one, is "
     "weighing a lawsuit.", ("Houston", "4835000")),
])
def test_a_small_towns_name_among_counties_is_its_county(gaz, text, expected):
    assert expected in found(text, gaz)


def test_a_list_of_big_cities_keeps_its_members_big_near_a_local_papers_home(gaz):
    # A list names places of one scale: beside big cities of several states, "Houston" is
    # the city in Texas, not the village near the outlet's home.
    text = ("The agency will track cases in Atlanta, Denver, Houston, Miami and Seattle, "
            "officials said.")
    context = GeoContext(state="WI", place="La Crosse")
    assert ("Houston", "4835000") in found(text, gaz, context)
    # a list of the home area's own towns keeps them
    text = "Deputies patrol Houston, Caledonia and Spring Grove, the sheriff said."
    assert ("Houston", "2730230") in found(text, gaz, context)


# -- party-and-district tags ------------------------------------------------------------------

def test_a_minnesota_democrats_tag_names_a_home_town(gaz):
    # Minnesota's Democrats tag themselves "DFL-" (Democratic-Farmer-Labor), as "D-" elsewhere
    text = "Rep. Ann Doe (DFL-Duluth) wrote the bill; Rep. Tom Roe, DFL-Minneapolis, backed it."
    got = found(text, gaz, GeoContext(state="MN"))
    assert ("Duluth", "2717000") in got and ("Minneapolis", "2743000") in got


def test_party_tag_names_counties_of_the_articles_state(gaz):
    text = ("GARY, Ind. (Region Wire) \u2014 State Sen. Ann Doe (D-Lake, Porter) filed the bill "
            "on Tuesday.")
    got = found(text, gaz)
    assert ("Lake", "18089") in got and ("Porter", "18127") in got
    assert not ids(text, gaz) & {"2838600", "5355540"}  # Lake, Miss.; Porter, Wash.


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("California's law was written by Sen. Ann Doe (D-Los Angeles).", "0644000", "06037"),
    ("California Assemblyman Tom Roe (R-Orange) voted no.", "0653980", "06059"),
])
def test_party_tag_with_one_name_is_the_home_town(gaz, text, expected, not_expected):
    got = ids(text, gaz)
    assert expected in got and not_expected not in got


def test_party_tag_outside_the_articles_state_is_no_place(gaz):
    text = "Indiana lawmakers met. Rep. Tom Roe (R-Porter) objected."
    assert "5355540" not in ids(text, gaz)


# -- surnames of people already named ---------------------------------------------------------

def test_surname_of_a_named_person_is_not_a_place(gaz):
    text = ("Texas officials met on Monday. Mayor Jane Garland said the city would comply. "
            "According to Garland, the order is unlawful.")
    assert "4829000" not in ids(text, gaz)


def test_a_locative_before_a_named_persons_possessive_is_the_nouns(gaz):
    # "in Garland's view": "in" governs "view", so it is no support for a town Garland
    text = ("Mayor Jane Garland of Lakeview said on Monday that the city will not help agents. "
            "In Garland's view, the raids hurt local business.")
    assert "4829000" not in ids(text, gaz)


def test_surname_does_not_hide_the_place_with_its_state(gaz):
    text = "Mayor Jane Garland spoke. Later, police in Garland, Texas, made arrests."
    assert ("Garland", "4829000") in found(text, gaz)


# -- Washington, the state or the capital ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Both of Washington's senators voted no. Washington passed a state law on detainers.",
    "Washington lawmakers debated the bill. Under Washington law, jails may not hold anyone.",
    "OLYMPIA, Wash. (Sound Wire) \u2014 Washington will not share data with agents.",
    # the state's name inside the name of a law: the state's law, and the state elsewhere
    "Gov. Ann Ruiz said Washington will defend the Keep Washington Safe Act in court.",
])
def test_washington_the_state_from_context(gaz, text):
    got = ids(text, gaz)
    assert "53" in got and "1150000" not in got


def test_washington_the_capital_by_default(gaz):
    assert ids("Officials in Washington said the grants would be cut.", gaz) == {"1150000"}


@pytest.mark.parametrize(("text", "expected"), [
    # the office of the one who speaks decides a name that is a state's and a big city's
    ("Mayor Ann Ruiz said New York had taken in 90,000 people since the spring.", {"3651000"}),
    ("Gov. Ann Ruiz said New York had taken in 90,000 people since the spring.", {"36"}),
    ("Councilwoman Ann Ruiz said on Tuesday that Washington would need federal money.",
     {"1150000"}),
    ("Gov. Tom Berg said on Tuesday that Washington would not share its data.", {"53"}),
])
def test_the_speakers_office_decides_a_state_or_city_name(gaz, text, expected):
    assert ids(text, gaz) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Texas has sent buses of migrants to New York since the spring.", {"48", "3651000"}),
    ("Florida flew two planes of asylum seekers to New York and Chicago.",
     {"12", "3651000", "1714000"}),
    ("Buses carrying migrants were sent to Washington from Arizona.", {"1150000", "04"}),
])
def test_destination_of_moving_people_is_the_city(gaz, text, expected):
    assert ids(text, gaz) == expected


def test_the_state_of_the_same_name_is_still_the_state(gaz):
    assert ids("Lawmakers in New York State sent a letter to Texas.", gaz) == {"36", "48"}


# -- a place name inside the name of a thing -------------------------------------------------

@pytest.mark.parametrize("text", [
    "The state Supreme Court ruled on Friday.",
    "She studied at the Golden University School of Law.",
    "Hikers were rescued in the Harrison National Forest.",
    "They camped in the Granite National Park and the Pine National Forest.",
    "Students at Marion State University marched.",
    "The Smyrna Sentinel first reported the arrests.",
    "Fans of the Bend Warriors cheered.",
    "The Kansas Reflector and the Denton Record-Chronicle first reported the vote.",
    "This story first appeared in the Florida Phoenix.",
    "Reporters at Houston Public Media and the Arizona Republic asked the sheriff.",
])
def test_place_inside_a_things_name_is_no_mention(gaz, text):
    assert found(text, gaz) == []


def test_university_of_a_state_is_not_the_state(gaz):
    assert found("Researchers at the University of Kansas studied the data.", gaz) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The Ohio State Highway Patrol stopped the van.", "39"),
    ("He was held at the Dane County Jail.", "55025"),
    ("The Ocala Police Department made the arrest.", "1250750"),
])
def test_agency_of_a_jurisdiction_is_a_mention(gaz, text, expected):
    assert expected in ids(text, gaz)


# -- local papers: the outlet's home, lists of counties --------------------------------------

def test_outlet_state_decides_a_bare_town(gaz):
    text = "Dover's new parking rules start Monday."
    assert ids(text, gaz, GeoContext(state="DE")) == {"1021200"}
    assert ids(text, gaz, GeoContext(state="NH")) == {"3318820"}


def test_outlet_place_makes_near_places_win(gaz):
    text = "Clay County commissioners met on Tuesday."
    assert ids(text, gaz, GeoContext(place="Birmingham", state="AL")) == {"01027"}


def test_context_from_a_place_string(gaz):
    context = GeoContext.from_place("Smyrna, DE")
    assert context == GeoContext(state="DE", place="Smyrna")
    with pytest.raises(ValueError, match="state"):
        GeoContext.from_place("Smyrna, Atlantis")


def test_context_with_unknown_state_is_refused(gaz):
    with pytest.raises(ValueError, match="Atlantis"):
        geoparse("Dover", gaz, context=GeoContext(state="Atlantis"))


@pytest.mark.parametrize(("text", "expected"), [
    ("Lake, Porter and La Porte counties sued. Indiana officials said nothing.",
     {"18089", "18127", "18091", "18"}),
    ("Fond du Lac and Dodge county families waited in Wisconsin.",
     {"55039", "55027", "55"}),
])
def test_lists_of_counties_resolve_as_counties(gaz, text, expected):
    assert ids(text, gaz) == expected


def test_geoparse_stays_backwards_compatible(gaz):
    assert found("Austin, Texas", gaz) == found("Austin, Texas", gaz, None)
    assert [m.text for m in geoparse("Austin, Texas", gaz)] == ["Austin", "Texas"]


def test_list_after_counties_and_a_dash_are_counties(gaz):
    text = "Three Indiana counties -- Lake, Porter and Jasper -- signed up."
    assert {"18089", "18127", "18073"} <= ids(text, gaz)


def test_a_state_name_inside_a_county_list_is_the_county(gaz):
    text = "Sheriffs in Dodge, Washington and Wood counties signed agreements."
    assert {"55027", "55131", "55141"} <= ids(text, gaz)
    assert "1150000" not in ids(text, gaz)


def test_big_city_ending_an_organization_name_needs_more_than_its_state(gaz):
    text = "Texas passed the law. A teacher of Education Austin spoke at the rally."
    assert "4805000" not in ids(text, gaz)


def test_small_unsupported_place_far_from_the_outlets_home_is_left_out(gaz):
    text = "The mayor answered critics. Johnston addressed the council on Wednesday."
    assert "1939765" not in ids(text, gaz, GeoContext(place="Denver", state="CO"))


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("Middlesex County, N.J., refused detainers. Middlesex officials adopted the policy.",
     "34023", "3445900"),
    ("El Paso County sued. The county of El Paso filed the suit in Texas.", "48141", None),
])
def test_a_county_named_in_full_then_by_its_name_alone(gaz, text, expected, not_expected):
    got = [i for t, i in found(text, gaz) if "County" not in t]
    assert expected in got and not_expected not in got


def test_a_country_name_is_a_town_only_with_support_and_no_other_foreign_place(gaz):
    assert ("Palestine", "4854708") in found(
        "Deputies in Anderson County, Texas, arrested a man from Palestine on Friday.", gaz)
    assert found("Talks between Israel and Palestine stalled in Texas.", gaz) == [("Texas", "48")]
    assert found("Aid reached Palestine on Friday.", gaz) == []


def test_a_place_inside_a_things_name_is_marked_not_lost(gaz):
    mentions = geoparse("Researchers at Ohio State University met.", gaz)
    assert [(m.text, m.part_of) for m in mentions] == [("Ohio", "school")]
    assert reported(mentions) == []
    mentions = geoparse("Hikers crossed the Bend River in Oregon.", gaz)
    assert [(m.text, m.part_of) for m in mentions] == [("Bend", "natural area"), ("Oregon", "")]


@pytest.mark.parametrize(("text", "context", "expected"), [
    ("Independence police arrested a man Tuesday.", ("Kansas City", "MO"), {"2935000"}),
    ("Residents of Lebanon and Mason filled the hall.", ("Dayton", "OH"),
     {"3942364", "3948188"}),
])
def test_a_common_word_near_the_articles_places_with_a_cue_or_in_a_list(
        gaz, text, context, expected):
    assert ids(text, gaz, GeoContext(place=context[0], state=context[1])) == expected


def test_a_common_word_alone_is_still_no_place(gaz):
    assert ids("Liberty police arrested a man Tuesday.", gaz) == set()
    assert ids("The stone mason and the miller testified.", gaz) == set()


def test_a_small_town_with_a_cue_far_from_the_outlets_home_is_left_out(gaz):
    # no Vernon of Connecticut is a Census place: not Vernon, Ala., for a Hartford paper
    text = "Vernon police arrested a man on Route 30."
    assert ids(text, gaz, GeoContext(place="Hartford", state="CT")) == set()


def test_a_big_citys_name_before_a_speech_verb_is_the_city_if_named_elsewhere(gaz):
    text = "Denver will close four shelters. Denver said it would stop renting hotel rooms."
    assert [i for _, i in found(text, gaz)] == ["0820000", "0820000"]
    assert ids("Officials met at noon. Irving said the proposal was unfair.", gaz) == set()
    text = "Mayor Ann Irving spoke in Irving, Texas. Irving said the plan was unfair."
    assert [t for t, _ in found(text, gaz)] == ["Irving", "Texas"]


def test_counties_named_x_are_counties(gaz):
    text = "Two counties named Franklin, in Iowa and Ohio, got the wrong requests."
    got = ids(text, gaz)
    assert got & {"19069", "39049"} and not {i for i in got if len(i) == 7}


@pytest.mark.parametrize("text", [
    "Florida flew migrants to Martha's Vineyard in September.",
    "Visitors crowded Martha's Vineyard and Nantucket's beaches.",
])
def test_a_place_name_in_a_possessive_name_is_no_town(gaz, text):
    got = ids(text, gaz)
    assert not {i for i in got if len(i) == 7}  # not Martha, Okla., nor Vineyard, Calif.


def test_a_state_or_big_city_owning_a_place_still_names_both(gaz):
    text = "Texas' Harris County and Austin's Travis County agreed."
    assert {"48", "48201", "4805000", "48453"} <= ids(text, gaz)


@pytest.mark.parametrize("text", [
    "Texas leaders met. The Alamo City agreed to fund the shelter.",
    "In Ohio, the Queen City followed, and the Emerald City did not.",
    "The Queen City's council voted. The Windy City's mayor spoke.",
])
def test_a_city_nickname_is_no_small_town(gaz, text):
    assert not {i for i in ids(text, gaz) if len(i) == 7}


def test_the_town_named_x_city_before_its_office_is_still_the_town(gaz):
    assert "0524430" in ids("In Arkansas, the Forrest City police made an arrest.", gaz)


def test_a_town_named_like_a_natural_area_is_the_town(gaz):
    text = "Fall River and Walnut Creek police agreed. Moreno Valley officials did too."
    assert ids(text, gaz) == {"2523000", "0683346", "0649270"}


def test_a_valley_named_after_a_town_is_no_mention_of_it(gaz):
    text = "A reporter in the Mohawk Valley of New York tweeted a video."  # not Mohawk, N.Y.
    assert ids(text, gaz) == {"36"}


def test_a_lake_and_a_mount_town_in_a_list_are_both_towns(gaz):
    text = "Officials in Louisiana's Lake Charles and Ohio's Mount Vernon met."
    assert {"2241155", "3953102"} <= ids(text, gaz)


@pytest.mark.parametrize(("text", "expected"), [
    ("Sheriffs of Dodge, Washington and Wood County signed agreements in Wisconsin.",
     {"55027", "55131", "55141", "55"}),
    ("The sheriffs of Harris and Fort Bend County agreed.", {"48201", "48157"}),
    ("The counties of Lake and Porter signed on. Indiana officials agreed.",
     {"18089", "18127", "18"}),
    # "counties", a few words, then a verb that opens the list
    ("Counties hosting the families so far include Ulster, Rockland and Albany, an aide said.",
     {"36111", "36087", "36001"}),
    ("The counties that signed agreements were Lake, Porter and Jasper.",
     {"18089", "18127", "18073"}),
])
def test_more_shapes_of_county_lists(gaz, text, expected):
    assert ids(text, gaz) == expected


def test_a_city_before_a_list_ending_in_county_stays_the_city(gaz):
    assert ids("Austin and Travis County officials sued Texas.", gaz) == {
        "4805000", "48453", "48"}


@pytest.mark.parametrize(("text", "expected"), [
    ("A Georgia sheriff agreed to take Gwinnett out of the program.", {"13", "13135"}),
    ("Agents in Hawaii detained teachers on Maui last week.", {"15", "15009"}),
    ("DuPage Sheriff Ann Roe spoke.", {"17043"}),
])
def test_a_county_name_that_names_nothing_else_is_the_county(gaz, text, expected):
    assert ids(text, gaz) == expected


def test_a_countys_bare_name_needs_support(gaz):
    assert ids("Agents detained teachers on Maui last week.", gaz) == set()
    assert ids("Officials of the Reagan administration visited Texas.", gaz) == {"48"}


def test_a_county_name_after_the_or_a_first_name_is_no_county(gaz):
    assert ids("He spent four hours on the Hill with other mayors.", gaz) == set()
    assert ids("Travis was close to finishing the match.", gaz) == set()


def test_a_place_after_us_is_part_of_a_federal_name(gaz):
    assert ids("The jail is paid per U.S. Marshall inmate in Minnesota.", gaz) == {"27"}


def test_a_state_inside_a_school_name_qualifies_nothing(gaz):
    text = "Students met at the University of Minnesota's Northrop Auditorium."
    assert "2747212" not in ids(text, gaz)


@pytest.mark.parametrize(("text", "expected"), [
    ("The mayor of Providence spoke on Monday.", {"4459000"}),
    ("Providence police made the arrest.", {"4459000"}),
])
def test_a_big_city_named_like_a_common_word_with_a_cue(gaz, text, expected):
    assert ids(text, gaz) == expected


def test_a_broadcasters_brand_is_no_mention(gaz):
    text = "AURORA, Colo. (Metro7) \u2014 Officials at WXYZ10 Denver and Denver7 agreed."
    assert "0820000" not in ids(text, gaz)


# -- consolidated cities and Census legal names: the name news uses ------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Police in Boise said the rule was unpopular.", ("Boise", "1608830")),
    ("The Athens-Clarke County commission passed the measure.",
     ("Athens-Clarke County", "1303440")),
    ("Officials in Macon said the jail was full.", ("Macon", "1349008")),
])
def test_a_consolidated_city_is_found_by_its_short_name(gaz, text, expected):
    assert expected in found(text, gaz)


# -- a list of towns the gazetteer lacks in the article's state ------------------------------

def test_votes_of_ambiguous_names_do_not_carry_a_town_out_of_the_articles_state(gaz):
    # Ossipee, N.H. is a town (county subdivision), not a Census place; Ossipee, N.C. is one,
    # and Hillsborough and Rockingham, read as North Carolina's, vote for it. The paper is in
    # New Hampshire.
    text = ("Sheriffs in Hillsborough and Rockingham counties signed agreements with ICE. The "
            "Hillsborough sheriff said more would follow. The towns of Gorham, Ossipee and Troy "
            "also signed on.")
    found_ids = ids(text, gaz, GeoContext(state="NH", place="Concord"))
    assert "3330180" in found_ids  # Gorham, N.H.
    assert all(gaz.get(i).state == "33" for i in found_ids)


# -- a county's name alone, after the county was named -----------------------------------

def test_a_county_name_alone_is_the_county_when_its_state_has_no_town_of_that_name(gaz):
    # Colorado's El Paso County, then "El Paso" alone: Colorado has no town called El Paso,
    # and the Texas county's reading, dropped once the name is resolved, no longer holds the
    # Texas city.
    text = ("Two Colorado sheriffs face lawsuits. The Teller County sheriff and the El Paso "
            "County sheriff kept inmates for ICE. An El Paso District Court judge ordered their "
            "release.")
    assert ids(text, gaz) == {"08", "08119", "08041"}


def test_a_county_name_alone_is_the_city_when_the_city_lies_in_it(gaz):
    text = ("The El Paso County commissioners met on Monday. Police in El Paso said the order "
            "was clear.")
    assert found(text, gaz) == [("El Paso County", "48141"), ("El Paso", "4824000")]


# -- a state name that starts a longer place name is no qualifier ------------------------

def test_a_state_starting_a_longer_name_does_not_qualify_the_name_before_it(gaz):
    # Not "Adams, New York" (Adams, N.Y.): the mayor's surname, then New York City.
    text = ("Mayor Eric Adams spoke on Monday. According to Adams, New York City has received "
            "17,000 people.")
    assert found(text, gaz) == [("New York City", "3651000")]


def test_a_state_after_a_comma_still_qualifies(gaz):
    assert ("Portland", "2360545") in found("Police in Portland, Maine, agreed.", gaz)


# -- "X State" alone: a university's short name, unless it tells the state from its city ---

def test_state_name_and_state_alone_is_the_university(gaz):
    text = "The rally was not affiliated with Texas State. Students at Ohio State marched."
    assert found(text, gaz) == []


@pytest.mark.parametrize("text", [
    "Students at Texas A&M and Florida A&M marched.",
    "Penn State and Boise State students joined. Kent State closed.",
])
def test_a_town_with_state_and_a_state_with_a_and_m_are_universities(gaz, text):
    assert found(text, gaz) == []


def test_nicknames_with_state_stay_states(gaz):
    text = "The Empire State follows, then the Garden State."
    assert ids(text, gaz) == {"36", "34"}


def test_state_that_tells_the_state_from_its_city_is_the_state(gaz):
    text = "Officials in New York State and Washington State disagreed."
    assert ids(text, gaz) == {"36", "53"}


def test_state_agencies_and_offices_are_the_state(gaz):
    text = "The Ohio State Highway Patrol and Texas State Rep. Ann Doe spoke."
    assert ids(text, gaz) == {"39", "48"}


# -- a heading is no person's title for the next line --------------------------------------

def test_a_county_on_the_line_after_a_heading_is_found(gaz):
    text = ("The bill passed the Senate.\n\nSheriff Opposition\n\nLos Angeles County Sheriff "
            "Jim McDonnell said the bill would hurt public safety.")
    assert found(text, gaz) == [("Los Angeles County", "06037")]


# -- a state before "counties" or "sheriffs" is the state, never a county named after it ---

@pytest.mark.parametrize(("text", "expected"), [
    ("Harris County and other Texas counties signed agreements.", {"48201", "48"}),
    ("Like other Texas counties, Bexar County will comply.", {"48", "48029"}),
    ("Several Georgia sheriffs and Florida county jails signed agreements.", {"13", "12"}),
    ("Officials from Texas, Georgia and Florida counties met.", {"48", "13", "12"}),
    # the names listed before "and other Texas counties" are that state's counties
    ("Sheriffs in Travis, Dallas and other Texas counties declined.", {"48453", "48113", "48"}),
])
def test_a_state_before_counties_is_the_state(gaz, text, expected):
    assert ids(text, gaz) == expected


def test_texas_county_with_its_state_is_the_county(gaz):
    assert "29215" in ids("In Missouri, Texas County Sheriff Ann Doe said the jail was full.", gaz)


# -- a misspelt county in a list of counties ---------------------------------------------

def test_a_misspelt_member_of_a_county_list_is_the_county_one_edit_away(gaz):
    text = ("Counties housing them so far include Orange, Duchess, Westchester, Albany and "
            "Onondaga, an aide said.")
    assert ("Duchess", "36027") in found(text, gaz)
    mention = next(m for m in geoparse(text, gaz) if m.text == "Duchess")
    assert mention.method.startswith("fuzzy") and mention.confidence < 0.8


def test_a_list_member_far_from_every_county_stays_out(gaz):
    assert ids("Sheriffs in three counties: Harris, Dallas and Taxes.", gaz) == {"48201", "48113"}


# -- a state's name ending a list of counties is a county ----------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Allegany, Carroll, Garrett, St. Mary's and Washington counties signed agreements, "
     "Maryland officials said.", {"24001", "24013", "24023", "24037", "24043", "24"}),
    ("Commissioners in Frederick and Washington counties voted. Maryland Gov. Larry Hogan "
     "agreed.", {"24021", "24043", "24"}),
])
def test_a_state_name_ending_a_county_list_is_a_county(gaz, text, expected):
    assert ids(text, gaz) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The counties of Orange and Washington in New York declined.", {"36071", "36115", "36"}),
    ("Delaware and Franklin counties in Ohio agreed.", {"39041", "39049", "39"}),
])
def test_the_state_written_after_a_county_list_is_its_state(gaz, text, expected):
    assert ids(text, gaz) == expected


# -- a hamlet of another state after "in" needs more than the locative --------------------

def test_a_small_town_far_from_the_articles_places_is_its_states_county(gaz):
    # No Cobb, Ga. is a Census place; Cobb, Calif. (a small CDP) is no reading for a Georgia
    # story, "in" or not: the bare name is Georgia's Cobb County.
    text = ("Gwinnett County ended its agreement. Officials in Cobb and Hall said they would "
            "keep theirs.")
    assert ids(text, gaz) == {"13135", "13067", "13139"}  # Gwinnett, Cobb, Hall counties
    mention = next(m for m in geoparse(text, gaz) if m.text == "Cobb")
    assert mention.method == "county of the article's state, its name alone"


def test_a_far_town_is_no_county_when_the_name_is_a_persons(gaz):
    text = "Gwinnett County ended its agreement. Officials led by Sam Cobb said no. Cobb agreed."
    assert ids(text, gaz) == {"13135"}


# -- a street named after a state, a bill's number: no place ----------------------------------

@pytest.mark.parametrize("text", [
    "Marchers walked down Oregon Street on Saturday.",
    "The consulate on Georgia Avenue closed early.",
])
def test_a_street_named_after_a_state_is_no_mention(gaz, text):
    assert found(text, gaz) == []


def test_a_states_own_road_still_names_the_state(gaz):
    assert "39" in ids("Troopers closed Ohio Route 7 for the night.", gaz)


def test_a_bill_number_is_no_abbreviated_city(gaz):
    assert ids("The subcommittee sent HF 12 and SF 90 to the floor in Des Moines, Iowa.", gaz) \
        == {"1921000", "19"}
    assert "0667000" in ids("Tech workers keep leaving SF for cheaper cities.", gaz)


def test_a_states_association_of_county_officers_is_no_county(gaz):
    # "the Ohio County Commissioners Association" is Ohio's, not Ohio County's; nor does it make
    # a later bare "Ohio" the county
    text = ("Few towns in Ohio have such rules. The Ohio County Commissioners Association "
            "opposed the bill in Columbus.")
    got = found(text, gaz)
    assert ("Ohio", "39") in got
    assert not any(j in ("18115", "21183", "54069") for _, j in got)
    assert "55025" in ids("The Dane County Deputies Association endorsed the sheriff.", gaz)


# -- lists opened by a plural noun of places: "counties like X and Y", "cities such as X" ----

@pytest.mark.parametrize(("text", "counties", "wrong"), [
    ("Jails in other Central Florida counties like Lake and Sumter are full.",
     {"12069", "12119"}, "4570405"),  # not Sumter, SC
    ("Deputies in nearby counties like Polk and Marion already work with ICE, the Ocala paper said.",
     {"12105", "12083"}, "1949485"),  # not Marion, IA
])
def test_names_listed_after_counties_like_are_counties(gaz, text, counties, wrong):
    found_ids = ids(text, gaz)
    assert counties <= found_ids
    assert wrong not in found_ids


def test_names_listed_after_cities_like_are_towns_not_countries(gaz):
    text = ("SCOTT COUNTY, Minn. — The sheriff, who once trained in London, objected.\n\n"
            "The county is home to cities like Jordan and Savage.")
    assert {"2732174", "2758738"} <= ids(text, gaz)  # Jordan and Savage, Minn.


# -- "X in City": a park or neighborhood of a big city, or the town of the city's state -------

def test_a_name_in_a_big_city_of_another_state_is_no_town(gaz):
    found_ids = ids("Protesters gathered in Forest Park in St. Louis before marching on.", gaz)
    assert "2965000" in found_ids  # St. Louis
    assert "1330536" not in found_ids  # not Forest Park, GA


def test_a_name_in_a_big_city_is_the_town_of_the_citys_state(gaz):
    assert "2638180" in ids("Families in Highland Park in Detroit hid indoors.", gaz)  # MI
    # a town of the city's state stays, and a state after "in" still qualifies
    assert "4826664" in ids("Migrants were held at Fort Bliss in El Paso for weeks.", gaz)
    assert "0804000" in ids("Agents arrested a man in Aurora in Colorado on Monday.", gaz)


# -- "the Central Valley": a region named by its landform, not the small town of that name -----

def test_the_landform_region_is_no_small_town(gaz):
    text = "Farm crews in the Central Valley, the state's farm belt, hid from agents in California."
    assert ids(text, gaz) == {"06"}  # not Central Valley, Utah


def test_a_town_ending_in_a_landform_word_used_with_its_office_stays(gaz):
    text = "Officers of the Apple Valley police met ICE agents in Minnesota."
    assert "2701900" in ids(text, gaz)  # Apple Valley, Minn.


# -- a legislator's tag or "of X" naming a state that is also a big city: never D.C. ---------

def test_a_district_tag_named_washington_in_a_maryland_story_is_the_county(gaz):
    text = ("Del. Ann Ruiz (D-Frederick) said the Maryland bill protects families. "
            "Del. Tom Wu (R-Washington) disagreed.")
    found_ids = ids(text, gaz)
    assert "24043" in found_ids  # Washington County, Md.
    assert "1150000" not in found_ids


def test_senators_of_a_state_named_like_the_capital_name_the_state(gaz):
    text = "Sens. Ann Ruiz and Lee Wu of Washington wrote to the agency on Monday."
    assert ids(text, gaz) == {"53"}
    # ... and the article's later "Washington" is their state, not D.C.
    text += " Washington has barred its jails from holding people for ICE since 2019."
    assert ids(text, gaz) == {"53"}
    # a state senator's "of" names a home town, and D.C. stays D.C. after another state's senator
    assert "1150000" in ids("Sen. Ann Ruiz of Texas said Washington must pay for the buses.", gaz)


# -- a county inside a newspaper's name is the paper, not a mention; a county office is --------

def test_a_county_in_a_newspapers_name_is_no_mention(gaz):
    text = "The Bucks County Courier Times reported that Pennsylvania sheriffs would comply."
    assert ids(text, gaz) == {"42"}


def test_a_county_office_with_a_newspaper_word_is_the_county(gaz):
    assert "18097" in ids("The Marion County Register of Deeds in Indiana said the files were public.",
                          gaz)


def test_a_state_nickname_with_state_in_lower_case_is_the_state(gaz):
    assert ids("Sheriffs across the Buckeye state said they would help.", gaz) == {"39"}
    assert "0830835" not in ids("The Golden state's new law took effect Monday.", gaz)


# -- a camp or a base named after a place is the camp ------------------------------------------

def test_a_camp_named_after_a_state_is_no_mention_of_it(gaz):
    text = "Officials at Camp West Oregon near Fresno said it holds 5,000 detainees."
    found_ids = ids(text, gaz)
    assert "41" not in found_ids  # not Oregon
    assert "0627000" in found_ids  # Fresno


@pytest.mark.parametrize("name", ["Ann Garcia-Lopez", "Nadia Ben-David"])
def test_legislators_homes_after_a_hyphenated_name_stay_the_legislators(gaz, name):
    # "Reps. A of X, B of Y": each home is the legislator's, whatever the shape of the name;
    # a hyphenated surname once cut the list, and the later towns were read in other states.
    text = ("The House voted to kill the bill in Concord, New Hampshire. Only eight House "
            f"Republicans backed the move: Reps. {name} of New Durham, Emmett Gerhard of "
            "Northfield, J.R. Hoell of Dunbarton and Dan Wolf of Newbury.")
    got = ids(text, gaz)
    assert "2547800" not in got and "5048100" not in got  # Northfield, Mass.; Newbury, Vt.


# -- a world city whose name starts with a US place's: no mention of the US place -------------

@pytest.mark.parametrize("text", [
    "Deportation flights to Guatemala City resumed on Monday.",
    "Consular officials in Mexico City said they would hire more lawyers.",
])
def test_the_start_of_a_world_citys_name_is_no_us_town(gaz, text):
    assert found(text, gaz) == []


def test_a_us_city_of_the_whole_name_stays(gaz):
    assert ("Panama City", "1254700") in found("Panama City police said ICE arrested two men.", gaz)


# -- a school's grade after a name: the name is the school's ---------------------------------

@pytest.mark.parametrize("text", [
    "Parents kept children home from Jefferson Elementary after the arrests.",
    "Teachers at Lincoln Middle School said attendance fell by half.",
])
def test_a_place_name_in_a_k12_schools_name_is_no_mention(gaz, text):
    assert found(text, gaz, GeoContext(state="IA", place="Des Moines")) == []


def test_a_school_district_of_a_city_still_names_the_city(gaz):
    assert ("Des Moines", "1921000") in found(
        "Des Moines Public Schools told staff not to let ICE agents in.", gaz)


def test_a_region_called_by_its_landform_alone_is_no_town(gaz):
    # "the Panhandle" is the region (a town of that name is read only with its state)
    assert found("Sheriffs from the Panhandle met in Amarillo on Monday.", gaz) == [
        ("Amarillo", "4803000")]
    assert ("Panhandle", "4854960") in found("Officials in Panhandle, Texas, declined.", gaz)


# -- a county's state written after "in": the state, and no list of counties -----------------

@pytest.mark.parametrize(("text", "expected"), [
    # a state that is also a big city's name, after a county: the state
    ("The route runs from Erie County in New York to Coos County in New Hampshire.",
     {"36029", "36", "33007", "33"}),
    # a state that is also a county's name, before "and ... County": no county list
    ("Officials in Clark County in Washington and Multnomah County in Oregon agreed.",
     {"53011", "53", "41051", "41"}),
])
def test_a_state_after_county_in_is_the_countys_state(gaz, text, expected):
    assert ids(text, gaz) == expected


# -- a local paper names its own town bare, even when the name is a common word --------------

def test_the_outlets_home_named_bare_as_an_adjective_is_the_town(gaz):
    text = "The pastors of two Buffalo churches said Friday they would shelter immigrants."
    assert ids(text, gaz, GeoContext(state="NY", place="Buffalo")) == {"3611000"}
    assert ids(text, gaz) == set()  # with no home, the common word stays a word


def test_county_states_attorney_is_the_county_not_a_school(gaz):
    # "X County State's Attorney's Office" is the county's office ("Ohio State" stays a school)
    assert ("Kane County", "17089") in found(
        "Both the Kane County State's Attorney's Office and the ACLU agreed.", gaz)
    assert "39" not in ids("Fans of Ohio State cheered the coach.", gaz)


def test_a_roadstead_named_after_a_town_is_not_the_town(gaz):
    # "X Roads" is a body of water and the region around it; with the state's dateline the town
    # X of that state was read out of it
    got = found("SUFFOLK, Va. \u2014 Towns across Hampton Roads have signed on with ICE.", gaz)
    assert ("SUFFOLK", "5176432") in got
    assert "5135000" not in {i for _, i in got}


# -- a title written like a state's abbreviation -----------------------------------------------

def test_the_title_delegate_after_a_city_is_not_delaware(gaz):
    # "Del." before a first name and a surname is a member of a House of Delegates: the city
    # before it is not qualified by Delaware (which has no such city), nor is Delaware named
    text = ("In Annapolis, Del. Tom Roe, R-Frederick, said on Monday that the county's sheriff "
            "would keep the program.")
    got = ids(text, gaz)
    assert "2401600" in got and "10" not in got
    # the state after a city, before a title, is still the state
    assert "10" in ids("Officials in Wilmington, Del. Mayor Tom Roe said on Monday that the "
                       "city would not help.", gaz)


# -- a county's name alone, after the county is named in full -----------------------------------

def test_a_county_name_alone_is_the_county_not_a_town_of_another_county(gaz):
    # after "Nassau County", "the Nassau Police Commissioner" is the county's: the village of
    # Nassau lies in another county of the state; a town in the county keeps its name
    text = ("Officials in Nassau County said on Monday that officers will not raid churches. "
            "The Nassau Police Commissioner, Tom Roe, said his officers will help agents.")
    assert ids(text, gaz) == {"36059"}
    assert "4824000" in ids("El Paso County deputies met on Monday. El Paso police declined "
                            "to join them.", gaz)


# -- the outlet's credit in a dateline --------------------------------------------------------

def test_a_place_in_the_outlets_credit_after_a_dateline_is_no_mention(gaz):
    # "(CBS SF)", "(NBC LA)": the station's brand between the dateline and its dash
    text = "SAN JOSE (NBC LA) \u2014 County supervisors voted on Tuesday to end the jail contract."
    got = ids(text, gaz)
    assert "0668000" in got and "0644000" not in got


# -- two towns of one name in one state, their sizes unknown ------------------------------

def test_between_two_towns_of_one_name_in_a_state_the_one_near_the_articles_places(gaz):
    # New Mexico has two San Ysidros (Sandoval County, near Albuquerque; Dona Ana County, near
    # Las Cruces), the gazetteer holding neither's population: beside Gallup, the northern one
    text = ("Mayors of Gallup and San Ysidro, New Mexico, said their jails would not hold "
            "anyone for ICE.")
    assert ("San Ysidro", "3571020") in found(text, gaz)
