"""geo.geoparse on short synthetic sentences: the traps the seeds do not contain."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo import load_gazetteer
from geo.geoparse import Mention, geoparse, reported


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def found(text: str, gaz) -> list[tuple[str, str]]:
    return [(m.text, m.jurisdiction_id) for m in reported(geoparse(text, gaz))]


@pytest.mark.parametrize(("text", "expected"), [
    # Portland: the state named elsewhere in the article decides; else the bigger Portland.
    ("The raid in Portland drew protests. Maine officials objected.",
     [("Portland", "2360545"), ("Maine", "23")]),
    ("The raid in Portland drew protests. Oregon officials objected.",
     [("Portland", "4159000"), ("Oregon", "41")]),
    ("Agents were seen in Portland, Maine, on Tuesday.",
     [("Portland", "2360545"), ("Maine", "23")]),
    ("The mayor of Portland spoke on Tuesday.", [("Portland", "4159000")]),
    # Georgia, the country and the state.
    ("Russian tanks rolled into Georgia, and Tbilisi braced for an assault.", []),
    ("He was born in the Republic of Georgia.", []),
    ("ICE officers arrested 20 people in Atlanta, Georgia.",
     [("Atlanta", "1304000"), ("Georgia", "13")]),
    ("Georgia lawmakers passed the bill.", [("Georgia", "13")]),
    # New York, the state and the city.
    ("New York State will sue the administration.", [("New York", "36")]),
    ("Farmers in upstate New York rely on migrant labor.", [("New York", "36")]),
    ("Raids took place in New York and New Jersey.", [("New York", "36"), ("New Jersey", "34")]),
    ("Raids took place in New York, Chicago and Los Angeles.",
     [("New York", "3651000"), ("Chicago", "1714000"), ("Los Angeles", "0644000")]),
    ("The New York Times reported the raid.", []),
    # Washington: the state, the capital.
    ("Washington state sued over the travel ban.", [("Washington", "53")]),
    ("Officials in Washington, D.C., disagreed.", [("Washington, D.C.", "1150000")]),
    ("The D.C. council voted.", [("D.C.", "1150000")]),
    ("The judge in Seattle blocked the order. Washington will appeal.",
     [("Seattle", "5363000"), ("Washington", "53")]),
    ("Officials in Washington said the grants would be cut.", [("Washington", "1150000")]),
    ("Letters went to New Orleans and Cook County.",
     [("New Orleans", "2255000"), ("Cook County", "17031")]),
    ("Seattle, Washington, is a sanctuary city.",
     [("Seattle", "5363000"), ("Washington", "53")]),
    # Counties.
    ("Alameda and Santa Clara counties refused detainers.",
     [("Alameda", "06001"), ("Santa Clara", "06085")]),
    ("Deputies in Travis County, Texas, said nothing.",
     [("Travis County", "48453"), ("Texas", "48")]),
    ("Dane County Sheriff Dave Mahoney spoke.", [("Dane County", "55025")]),
    # Qualifiers.
    ("Agents raided a plant in Austin, TX, on Monday.", [("Austin", "4805000"), ("TX", "48")]),
    ("A farm near Austin, Minn., was searched.", [("Austin", "2702908"), ("Minn.", "27")]),
    # People named like places.
    ("Judge Austin said the raids in Austin were retaliation.", [("Austin", "4805000")]),
    ("Sheriff Sally Hernandez of Travis County spoke.", [("Travis County", "48453")]),
    ("Attorney General Jeff Sessions visited Chicago.", [("Chicago", "1714000")]),
    # Storms.
    ("Hurricane Harvey flooded Houston.", [("Houston", "4835000")]),
    ("After Hurricanes Irma and Harvey, Harvey relief was slow.", []),
    # Common words and countries.
    ("Mobile phones were seized. The Justice Department and Homeland Security agreed.", []),
    ("He was deported to Mexico, then returned to Mobile, Ala.",
     [("Mobile", "0150000"), ("Ala.", "01")]),
    ("Most came from India, Guatemala and El Salvador.", []),
    # Regions.
    ("Raids spread across the Bay Area.", [("Bay Area", "region:san-francisco-bay-area")]),
    # Datelines, party designations, AP abbreviations standing alone, hyphenated counties.
    ("NEW YORK (Reuters) - Agents arrested 225 people.", [("NEW YORK", "3651000")]),
    ("Sen. Kamala Harris, D-Calif., criticized the raids.", [("Calif.", "06")]),
    ("Miami-Dade Mayor Carlos Gimenez ordered jails to honor detainers.",
     [("Miami-Dade", "12086")]),
    ("Officials in King County, Wash., and Multnomah County, Ore., refused.",
     [("King County", "53033"), ("Wash.", "53"), ("Multnomah County", "41051"), ("Ore.", "41")]),
    ("She called her mother in Washington, D.C. The mother called police.",
     [("Washington, D.C.", "1150000")]),
    ("A scandal-plagued Ga. pastor was buried Saturday.", [("Ga.", "13")]),
    # A town the gazetteer lacks is not the namesake in another state.
    ("FAIRFIELD, Conn. -- Police say a woman handcuffed herself.", [("Conn.", "09")]),
    ("Boone County is near the middle of Indiana counties.",
     [("Boone County", "18011"), ("Indiana", "18")]),
    # Names inside other names: people, streets, schools named after people, outlets.
    ("She studied at George Washington High School.", []),
    ("The crash closed Clark Drive on Tuesday.", []),
    ("Agents followed him to the Texas Tribune offices and the Houston Chronicle.", []),
    ("In the District 1 race, the incumbent won.", []),
    ("Denver Public Schools and Aurora police responded.",
     [("Denver", "0820000"), ("Aurora", "0804000")]),
])
def test_rules(gaz, text, expected):
    assert found(text, gaz) == expected


def test_the_county_and_the_city_are_left_to_coreference(gaz):
    text = "Travis County refused. The county and the city said so."
    assert found(text, gaz) == [("Travis County", "48453")]


def test_misspelled_state_has_lower_confidence(gaz):
    [m] = geoparse("Raids also hit Pennsylvnia last week.", gaz)
    assert (m.text, m.jurisdiction_id) == ("Pennsylvnia", "42")
    assert m.confidence < 0.7 and m.method.startswith("fuzzy")


def test_a_person_named_like_a_misspelled_state_is_not_fuzzy_matched(gaz):
    assert found("Agent Tom Grisham said Grisham met them.", gaz) == []


def test_method_records_the_rule(gaz):
    by_text = {m.text: m for m in geoparse("Agents raided Austin, Texas. Chicago too.", gaz)}
    assert by_text["Austin"].method == "city, state"
    assert by_text["Texas"].method.startswith("state")
    assert by_text["Chicago"].method in {"unique name", "population prior"}


def test_aliases_and_regions_say_so(gaz):
    methods = {m.text: (m.jurisdiction_id, m.method)
               for m in geoparse("Raids in NYC, Philly and the Bay Area.", gaz)}
    assert methods == {"NYC": ("3651000", "alias"), "Philly": ("4260000", "alias"),
                       "Bay Area": ("region:san-francisco-bay-area", "region")}


def test_empty_and_placeless_text(gaz):
    assert geoparse("", gaz) == []
    assert geoparse("no capitals here at all.", gaz) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "Austin", "Texas", ",", " ", ".", "New", "York", "Judge", "Washington", "D.C.", "County",
    "Travis", "and", "counties", "'s", "Hurricane", "Harvey", "Portland", "Maine", "\n", "-",
    "TX", "Ore.", "Massachusets", "the", "Bay", "Area", "said", "Mexico", "Georgia", "é",
]), max_size=40))
def test_spans_are_exact_sorted_and_disjoint_on_any_text(gaz, pieces):
    text = "".join(p if p in {" ", "\n"} else f"{p} " for p in pieces)
    mentions = geoparse(text, gaz)
    last = -1
    for m in mentions:
        assert isinstance(m, Mention)
        assert text[m.start:m.end] == m.text
        assert m.start >= last
        last = m.end
