"""Linking mechanisms, one made-up article shape each, through the real geoparser.

The sentences are written for these tests (no article of the evaluation set or the seeds):
each has the shape of a pattern that real articles use.
"""

from __future__ import annotations

import pytest

from geo.text import text_layer
from news.linking import CONTEXT_METHODS, LINK_CONFIDENCE, link_confidence
from news.pipeline import analyze_text

DANE, MADISON, WISCONSIN = "55025", "5548000", "55"
TRAVIS, AUSTIN = "48453", "4805000"
OAKLAND, ALAMEDA = "0653000", "06001"


def links_of(r, starts: str) -> dict[str, str]:
    (e,) = [e for e in r.excerpts if e.text.startswith(starts)]
    return dict(e.jurisdictions)


def speaker_of(r, starts: str) -> str | None:
    (e,) = [e for e in r.excerpts if e.text.startswith(starts)]
    return e.speaker


COUNTY_STORY = """Dane County Sheriff Ann Ruiz said Tuesday that deputies would stop holding \
inmates for immigration agents.

"We are not immigration agents," Ruiz said. "We will not detain anyone for ICE."

She added that the policy would take effect in March.

The county board approved the ordinance 25-10 on Monday. It also set aside money for \
legal aid to people facing deportation.

A lawyer for the statewide sheriffs' association said jails cannot hold people without a \
warrant.
"""


def test_affiliation_carried_through_surname_and_pronoun():
    r = analyze_text(COUNTY_STORY)
    assert links_of(r, "Dane County Sheriff")[DANE] == "named"
    assert links_of(r, '"We are not immigration agents,"')[DANE] == "affiliation"
    assert speaker_of(r, '"We are not immigration agents,"') == "Ruiz"
    assert links_of(r, "She added")[DANE] in ("affiliation", "coreference")


def test_institution_and_continuation():
    r = analyze_text(COUNTY_STORY)
    assert links_of(r, "The county board approved") == {DANE: "institution"}
    assert links_of(r, "It also set aside")[DANE] == "coreference"


def test_statewide_group_in_a_county_story_is_about_the_county():
    r = analyze_text(COUNTY_STORY)
    assert DANE in links_of(r, "A lawyer for the statewide")


def test_quote_paragraph_then_attribution_sentence():
    text = (
        "Madison Mayor Carla Diaz spoke after the vote on the sanctuary ordinance.\n\n"
        "\u201cThis city will not help deport its neighbors. We mean it.\u201d Diaz said in an "
        "interview.\n"
    )
    r = analyze_text(text)
    (hit,) = r.quotes
    assert hit.quote.speaker == "Diaz"
    assert links_of(r, "\u201cThis city")[MADISON] == "affiliation"


def test_institution_prefers_the_jurisdiction_just_named():
    text = (
        "Madison has limited its police department's work with immigration agents since 2017. "
        "The city council renewed the policy this year.\n\n"
        "In Austin, Texas, agents arrested 40 people in February. The sheriff said the raids "
        "were retaliation for her detainer policy.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "The city council renewed")[MADISON] == "institution"
    # "The sheriff" is both the speaker (an office of a county) and an institution.
    assert links_of(r, "The sheriff said")[TRAVIS] in ("affiliation", "institution")


def test_focus_fallback_and_national_sentences():
    text = (
        "Madison officials voted to end the police department's agreement with ICE. Madison "
        "police will no longer hold people on detainers.\n\n"
        "Officers will not hold anyone for immigration agents.\n\n"
        "Deportations rose nationwide last year, according to federal data.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "Officers will not hold") == {MADISON: "focus"}
    assert links_of(r, "Deportations rose nationwide") == {}


def test_dateline_is_the_focus_of_sentences_naming_no_place():
    text = (
        "OAKLAND, Calif. \u2014 Immigration agents arrested 30 people in a week of raids, "
        "officials said.\n\n"
        "Officers detained several people outside a grocery store on Friday.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "OAKLAND, Calif.")[OAKLAND] == "named"
    assert links_of(r, "Officers detained") == {OAKLAND: "dateline"}


def test_every_context_method_has_a_lower_confidence_than_named():
    assert link_confidence("named") == 1.0
    assert all(LINK_CONFIDENCE[m] < 1.0 for m in CONTEXT_METHODS)
    with pytest.raises(KeyError):
        link_confidence("guessed")


def test_text_layer_dateline_and_people():
    text = "AUSTIN, Texas (KXAN) \u2014 Judge Andrew Austin ruled on Monday.\n\nAustin said so."
    layer = text_layer(text)
    assert layer.dateline is not None and text[slice(*layer.dateline)] == "AUSTIN, Texas"
    people = {text[s:e] for s, e in layer.persons}
    assert people == {"Andrew Austin", "Austin"}
    assert layer.in_person(text.index("Andrew"), text.index("Andrew") + len("Andrew Austin"))
    assert layer.sentence_at(text.index("Austin said")) == len(layer.sentences) - 1
    assert text_layer("No dateline here \u2014 just a dash in a sentence.").dateline is None


def test_a_legislators_district_tag_is_a_state_affiliation():
    text = (
        "Wisconsin lawmakers debated a bill on detainers this week.\n\n"
        "\u201cOur sheriffs need clear rules on this,\u201d Rep. Ann Ruiz, D-Madison, the bill's "
        "sponsor, said during the hearing.\n"
    )
    r = analyze_text(text)
    assert speaker_of(r, "\u201cOur sheriffs") == "Rep. Ann Ruiz"
    assert links_of(r, "\u201cOur sheriffs")[WISCONSIN] == "affiliation"


def test_a_resident_of_a_place_speaks_about_it():
    text = (
        "Agents made arrests across the region last month.\n\n"
        "Madison resident Carla Diaz said she now keeps her passport with her.\n\n"
        "\u201cWe are afraid to drive to work every single day,\u201d Diaz said.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "\u201cWe are afraid")[MADISON] == "affiliation"


def test_state_law_in_a_city_story_and_a_prominent_state():
    text = (
        "MADISON, Wis. \u2014 Wisconsin will bar its police from holding people on detainers, "
        "under a bill signed Monday. Wisconsin lawmakers passed it in May.\n\n"
        "Officers cannot arrest anyone only for their immigration status.\n\n"
        "The measure prohibits state and local police from asking about status.\n"
    )
    r = analyze_text(text)
    # a sentence naming no place: the dateline's city, and the state the story is about
    assert links_of(r, "Officers cannot") == {MADISON: "dateline", WISCONSIN: "focus"}
    assert links_of(r, "The measure prohibits")[WISCONSIN] == "institution"


def test_speaker_after_an_opening_phrase_and_a_pronoun_for_a_subject():
    text = (
        "In Madison, Mayor Carla Diaz called the order \u201ca direct attack on our "
        "neighbors.\u201d\n\n"
        "On the morning of the raid, Tom Berg was driving to work in Madison.\n\n"
        "\u201cThere were agents at the gates of the plant,\u201d he recalls.\n\n"
        "But Lena Ortiz, who runs a shelter, calls the raid \u201ca cruel show for "
        "the cameras.\u201d\n"
    )
    r = analyze_text(text)
    assert [h.quote.speaker for h in r.quotes] == ["Mayor Carla Diaz", "Tom Berg", "Lena Ortiz"]


WILLIAMSON, TEXAS, ILLINOIS = "48491", "48", "17"


def test_an_office_without_a_place_is_of_the_place_its_own_sentence_names():
    text = (
        "The new sheriff of a fast-growing county north of Austin ended the jail's work with "
        "immigration agents.\n\n"
        "Shortly after taking office, Sheriff Ann Ruiz announced that Williamson County had "
        "left the program.\n\n"
        "Ruiz had promised during her campaign to end the agreement.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "Ruiz had promised") == {WILLIAMSON: "affiliation"}


def test_the_state_of_an_article_is_the_one_most_of_its_places_are_in():
    text = (
        "Gov. Ann Ruiz will sign the detainer bill on Monday, her office said.\n\n"
        "The bill passed the Illinois Senate in May. A senator from Peoria, Illinois, called "
        "it overdue; a lawmaker who lives near St. Louis voted against it.\n\n"
        "\u201cIt is a reasonable bill,\u201d Ruiz said.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "Gov. Ann Ruiz will sign") == {ILLINOIS: "affiliation"}
    assert links_of(r, "\u201cIt is a reasonable")[ILLINOIS] == "affiliation"


def test_the_outlets_home_decides_between_states_named_as_often():
    text = (
        "Gov. Ann Ruiz will sign the detainer bill on Monday, her office said. Lawmakers in "
        "Illinois and Missouri have argued over such bills for years.\n"
    )
    first = "Gov. Ann Ruiz will sign"
    assert links_of(analyze_text(text), first) == {}
    home = analyze_text(text, {"place": "Chicago, IL"})
    assert links_of(home, first) == {ILLINOIS: "affiliation"}


def test_a_national_word_in_a_circumstance_does_not_make_a_sentence_national():
    text = (
        "Dane County is one of a few counties that screen inmates for immigration status.\n\n"
        "Jail staff trained by the federal government check whether an inmate is in the "
        "country illegally and may hold them for deportation.\n\n"
        "Congress has not passed an immigration bill in years, and deportations rose "
        "nationwide.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "Jail staff trained") == {DANE: "focus"}
    assert links_of(r, "Congress has not passed") == {}


def test_members_of_an_institution_stand_for_it_without_an_article():
    text = (
        "Dane County ended its detainer policy on Monday, officials said.\n\n"
        "Deputies released four inmates on Tuesday who had been held for immigration agents.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "Deputies released") == {DANE: "institution"}


def test_local_police_under_a_state_law_are_no_one_city():
    text = (
        "Wisconsin voters kept the state's sanctuary law on Tuesday. Wisconsin has had the law "
        "since 1987, and Wisconsin lawmakers have tried to repeal it twice.\n\n"
        "Supporters gathered at a hall in Madison to watch the count.\n\n"
        "Most voters chose to keep the existing statute, which bars local police from "
        "enforcing immigration law.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "Most voters chose") == {WISCONSIN: "coreference"}


def test_a_short_quote_after_a_quote_is_speech_of_the_same_speaker():
    text = (
        "Dane County Sheriff Ann Ruiz said the jail would stop holding people for ICE.\n\n"
        "\u201cWe will not be an arm of immigration enforcement,\u201d Ruiz said. \u201cOur "
        "deputies have other jobs.\u201d\n\n"
        "\u201cNot here.\u201d\n"
    )
    r = analyze_text(text)
    assert speaker_of(r, "\u201cOur deputies") is not None
    assert "Ruiz" in speaker_of(r, "\u201cOur deputies")
    assert links_of(r, "\u201cOur deputies")[DANE] == "affiliation"
    assert "Ruiz" in speaker_of(r, "\u201cNot here")


def test_a_sentence_introducing_a_list_names_its_items_and_counts_pair_with_places():
    text = (
        "Wisconsin counties are among the least cooperative with ICE, a federal report says.\n\n"
        "These counties have said they will not hold people on detainers:\n\n"
        "\u2022 Dane County\n\n"
        "\u2022 Milwaukee County (unless a judge signs a warrant)\n\n"
        "Buses took migrants from Texas to these cities last year:\n\n"
        "- Madison: 1,200 people\n\n"
        "- Austin: 300 people\n"
    )
    r = analyze_text(text)
    assert set(links_of(r, "These counties have said")) >= {DANE, "55079"}
    assert links_of(r, "- Madison")[MADISON] == "named"
    (madison,) = [e for e in r.excerpts if e.text.startswith("- Madison")]
    assert "enforcement" in madison.categories
    assert links_of(r, "- Austin")[AUSTIN] == "named"


def test_a_quote_paragraph_after_a_persons_introduction_is_theirs():
    text = (
        "Sheriffs in Texas are split on the program.\n\n"
        "Earlier this year, Travis County Sheriff Ann Ruiz signed a new agreement with ICE.\n\n"
        "\u201cI am going to do everything I can to keep dangerous people off our streets.\u201d\n\n"
        "But holding people without a warrant could be a problem, says Texas legal expert "
        "Tom Berg.\n\n"
        "\u201cTo hold them past their release on a state charge gets into a murky area.\u201d\n"
    )
    r = analyze_text(text)
    assert speaker_of(r, "\u201cI am going") == "Travis County Sheriff Ann Ruiz"
    assert links_of(r, "\u201cI am going")[TRAVIS] == "affiliation"
    assert speaker_of(r, "\u201cTo hold them") == "Tom Berg"


def test_an_institution_not_written_with_its_place():
    text = (
        "Travis County will hold 50 more people for ICE under a 90-day agreement, a spokeswoman "
        "for the sheriff said.\n\n"
        "The jail is one of two in Texas, along with the Harris County Jail, that can hold ICE "
        "detainees.\n\n"
        "The sheriff of Harris County declined to comment on the agreement.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "The jail is one")[TRAVIS] == "institution"
    assert TRAVIS not in links_of(r, "The sheriff of Harris County")


def test_he_is_the_person_last_named_or_last_quoted():
    text = (
        "Madison Mayor Carla Diaz and Council President Tom Berg met with ICE on Monday.\n\n"
        "\u201cThis jail must close,\u201d Diaz said.\n\n"
        "\u201cIt should never have reopened,\u201d she said.\n\n"
        "ICE regional spokesman Sam Ortiz said in an email that the agency follows the law.\n\n"
        "He added that \u201cevery person held there had a full and fair hearing before a "
        "judge.\u201d\n"
    )
    r = analyze_text(text)
    assert speaker_of(r, "\u201cIt should never") == "Diaz"
    assert links_of(r, "\u201cIt should never")[MADISON] == "affiliation"
    assert "Sam Ortiz" in speaker_of(r, "He added that")


def test_an_office_of_a_places_body_is_of_that_place():
    text = (
        "Dane County ended its agreement with ICE this week.\n\n"
        "Madison Police Chief Carla Diaz said her officers never asked about status.\n\n"
        "\u201cWe never will,\u201d Diaz said.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "\u201cWe never will")[MADISON] == "affiliation"


def test_an_institution_after_a_list_of_other_places_is_the_focus():
    text = (
        "Travis County's jail is holding 150 people for ICE, the Travis County Sheriff's Office "
        "said Tuesday.\n\n"
        "ICE arrested some of them locally and others in Chicago, Denver and Dallas. The "
        "sheriff's office said it does not know how long they will be held.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "The sheriff's office said it does not")[TRAVIS] == "institution"


def test_a_state_story_told_from_the_capital_is_about_the_state():
    text = (
        "AUSTIN \u2014 Texas lawmakers passed a bill on Wednesday requiring every sheriff to "
        "honor detainers. The governor has said he will sign it.\n\n"
        "The Senate approved it 20-11, along party lines.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "The Senate approved")[TEXAS] == "focus"


def test_an_effort_by_the_administration_is_a_circumstance_of_a_local_raid():
    text = (
        "Agents arrested 20 people in Madison on Tuesday as part of an effort by President Ann "
        "Ruiz's administration to deport more people. Madison officials objected.\n\n"
        "Agents detained a group of teachers as part of an effort by President Ann Ruiz's "
        "administration.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "Agents detained a group") == {MADISON: "focus"}


def test_a_mayor_named_later_with_a_possessive_and_he_after_an_opening_phrase():
    text = (
        "Madison sent a bus of migrants to Dane County towns on Thursday, despite objections "
        "from officials there.\n\n"
        "Berg sent the bus despite the objections of town officials.\n\n"
        "On Thursday, he told reporters that the city's shelters were full.\n\n"
        "The buses are part of Mayor Tom Berg\u2019s plan to ease crowding in the city's "
        "shelters.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "Berg sent the bus")[MADISON] == "affiliation"
    assert speaker_of(r, "On Thursday, he told") in ("he", "Berg")  # found after the opening


def test_a_dateline_city_atop_its_countys_story():
    text = (
        "AUSTIN \u2014 A new report from the Travis County Sheriff's Office counts detainers "
        "at the Travis County jail. Travis County released it Tuesday.\n\n"
        "The number of detainers fell from 900 in 2017 to 300 in 2020, the report says.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "The number of detainers") == {TRAVIS: "dateline"}


def test_a_national_word_inside_a_quote_is_the_speakers():
    text = (
        "MADISON, Wis. \u2014 Agents detained 30 people on Sunday, officials said.\n\n"
        "\u201cWe came to this country to be safe,\u201d said a woman whose husband was "
        "detained.\n\n"
        "Congress has not changed the law in years.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "\u201cWe came to this country")[MADISON] == "dateline"


def test_there_refers_to_the_place_just_told_of():
    text = (
        "Cities braced for raids on Sunday.\n\n"
        "In Madison, Mayor Carla Diaz said police would not help federal agents. Officers "
        "there will not share information with ICE.\n\n"
        "There is no such rule in most cities.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "Officers there")[MADISON] == "coreference"


def test_a_person_described_by_an_office_and_a_person_described_by_a_clause():
    text = (
        "Dane County ended its agreement with ICE on Monday.\n\n"
        "Tom Berg, the county board chair, welcomed the decision.\n\n"
        "\u201cIt took us far too long,\u201d Berg said.\n\n"
        "Maria Lopez, whose brother was deported in 2019, wept as the vote was read. "
        "\u201cFinally,\u201d she said, \u201csomeone in power listened to us.\u201d\n"
    )
    r = analyze_text(text)
    assert links_of(r, "\u201cIt took us")[DANE] == "affiliation"
    assert speaker_of(r, "\u201cFinally") == "Maria Lopez"


def test_a_district_tag_place_is_not_what_the_bill_is_about():
    text = (
        "Wisconsin lawmakers approved a bill requiring sheriffs to honor detainers.\n\n"
        "\u201cThis is about public safety,\u201d said Rep. Tom Berg, R-Madison.\n\n"
        "Under the bill, jails that refuse to cooperate could lose state money.\n"
    )
    r = analyze_text(text)
    assert MADISON in links_of(r, "\u201cThis is about")
    assert MADISON not in links_of(r, "Under the bill")
    assert links_of(r, "Under the bill")[WISCONSIN] in ("coreference", "institution")


def test_a_person_who_leads_a_places_group_speaks_for_it():
    text = (
        "Dane County ended its agreement with ICE on Monday; Milwaukee County kept its own.\n\n"
        "\u201cThis is a victory for every family,\u201d said Ann Ruiz, who leads the Dane "
        "County Tenant Union.\n\n"
        "\u201cWe will keep fighting until every county does the same,\u201d Ruiz said.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "\u201cWe will keep fighting")[DANE] == "affiliation"


def test_a_paragraph_keeps_to_its_place_in_a_roundup():
    text = (
        "Raids swept several cities over the weekend.\n\n"
        "In Madison, agents arrested 12 people at a grocery store. Advocates set up a hotline "
        "for families facing deportation by Sunday night.\n\n"
        "In Austin, agents detained 30 workers at a construction site.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "Advocates set up a hotline") == {MADISON: "coreference"}


def test_an_office_then_the_name_after_a_comma():
    text = (
        "Immigration agents arrested 40 people in Texas last week.\n\n"
        "The Travis County sheriff, Ann Ruiz, said her deputies did not take part.\n\n"
        "\u201cNobody told us about any of this in advance,\u201d Ruiz said.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "\u201cNobody told us")[TRAVIS] == "affiliation"


def test_a_place_told_of_in_passing_does_not_take_over_the_jail():
    text = (
        "Dane County will hold 50 more people for ICE, the sheriff said Tuesday.\n\n"
        "The county board approved the contract on Monday. Dane County will be paid $90 a "
        "day for each detainee.\n\n"
        "A similar debate played out last year in Portland, Oregon.\n\n"
        "The jail has set aside 40 beds for the detainees.\n"
    )
    r = analyze_text(text)
    assert DANE in links_of(r, "The jail has set aside")
    assert "41" not in links_of(r, "The jail has set aside")


def test_the_sheriffs_of_many_counties_are_their_state():
    text = (
        "Three Wisconsin counties signed agreements with ICE this year, and Dane County "
        "joined them on Monday.\n\n"
        "The county sheriffs wrote a public letter asking lawmakers for money.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "The county sheriffs wrote")[WISCONSIN] == "institution"


def test_an_office_takes_the_kind_of_the_body_written_with_it():
    text = (
        "Madison will stop sharing data with ICE, City Manager Ann Ruiz announced Tuesday.\n\n"
        "Ruiz said the policy takes effect in March.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "Ruiz said the policy")[MADISON] == "affiliation"


def test_a_quote_attributed_with_according_to():
    text = (
        "Dane County Sheriff Ann Ruiz ended the jail's agreement with ICE on Monday.\n\n"
        '"We will not hold anyone for immigration agents," according to Ruiz.\n'
    )
    r = analyze_text(text)
    assert speaker_of(r, '"We will not hold anyone') == "Ruiz"


def test_a_place_named_as_an_origin_leaves_the_sentence_to_its_place():
    text = (
        "MADISON, Wis. (AP) \u2014 Forty migrants arrived in Madison on Tuesday night.\n\n"
        "They reached the bus station after being bused from Texas by the state.\n"
    )
    r = analyze_text(text)
    links = links_of(r, "They reached the bus station")
    assert links["48"] == "named"
    assert MADISON in links


def test_the_mayors_spokesman_before_the_mayor_is_named():
    text = (
        "Tom Berg, the mayor\u2019s spokesman, said a bus of migrants left on Monday.\n\n"
        "A reporter in Austin, Texas, filmed the men arriving at a hotel.\n\n"
        "The hotel was chosen as part of Madison Mayor Ann Ruiz\u2019s plan to house "
        "migrants.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "Tom Berg")[MADISON] == "affiliation"


def test_a_clause_after_according_to_is_not_what_the_speaker_is():
    text = (
        "Dane County Sheriff Tom Berg ended the jail\u2019s contract with ICE on Thursday. "
        "Dane County had held up to 40 people a day for the agency.\n\n"
        "According to Sheriff\u2019s Office spokesperson Ann Ruiz, all seven detainees were "
        "transferred to the Rock County Sheriff\u2019s Office.\n\n"
        "\u201cWe don\u2019t have any more ICE detainees in our custody,\u201d she said.\n"
    )
    r = analyze_text(text)
    links = links_of(r, "\u201cWe don\u2019t have")
    assert links.get(DANE) == "affiliation"
    assert "55105" not in links


def test_a_related_line_about_another_place_is_not_the_articles_focus():
    text = (
        "The sheriff\u2019s office will stop holding people for immigration agents, a "
        "spokesperson said Tuesday.\n\n"
        "Related: Immigrant advocates rally outside the Capitol in Portland, Oregon\n\n"
        "Sgt. Tom Berg, a spokesperson for the Sheriff\u2019s Office, said the jail would "
        "release 20 detainees.\n\n"
        "Dane County had held the detainees since 2019 under a contract with ICE.\n"
    )
    r = analyze_text(text)
    links = links_of(r, "Sgt. Tom Berg")
    assert DANE in links
    assert "41051" not in links and "4159000" not in links


def test_moving_and_holding_people_under_other_words():
    text = (
        "Madison opened a welcome center for migrants on Monday.\n\n"
        "They were flown on a chartered jet into Madison last week.\n\n"
        "Among those held were two busloads of workers from a meat plant.\n\n"
        "The Dane County facility typically holds about 300 detainees for ICE.\n"
    )
    r = analyze_text(text)
    cats = {e.text.split()[0] + " " + e.text.split()[1]: e.categories for e in r.excerpts}
    assert "policy" in cats["They were"]
    assert "enforcement" in cats["Among those"]
    assert "enforcement" in cats["The Dane"]


def test_the_only_city_named_once_in_passing_in_a_state_story_is_not_its_focus():
    text = (
        "A new directive limits local police cooperation with ICE in New Jersey.\n\n"
        "The rule takes effect Friday across New Jersey.\n\n"
        "Lawmakers in New Jersey praised it on Monday.\n\n"
        "A similar debate played out last year in Portland, Oregon.\n\n"
        "Among other things, the plan stops police departments from honoring ICE requests.\n"
    )
    r = analyze_text(text)
    links = links_of(r, "Among other things")
    assert "34" in links
    assert "41" not in links and "4159000" not in links


def test_there_a_sentence_after_a_place_told_of_in_passing_is_the_storys_place():
    text = (
        "On Monday, Ann Ruiz was driving to work in Madison when she saw agents at a meat "
        "plant. Madison police said they were not told of the raid.\n\n"
        "Dozens of workers were detained.\n\n"
        "A similar debate played out last year in Portland, Oregon.\n\n"
        "Ruiz is the principal of the city\u2019s schools.\n\n"
        "\"There was some activity there with agents that had the parking lot barricaded,\" "
        "she recalls.\n"
    )
    r = analyze_text(text)
    links = links_of(r, "\"There was some activity")
    assert "4159000" not in links and "41" not in links


def test_between_places_named_as_often_the_one_in_the_articles_state_is_its_focus():
    text = (
        "Federal officials moved 100 detainees out of a Wisconsin jail this week.\n\n"
        "ICE relies on local jails across the country. The agency said it tests detainees.\n\n"
        "A similar debate played out last year in Portland, Oregon.\n\n"
        "The Dane County Sheriff\u2019s Office decided last week to stop taking detainees. "
        "On Friday, after Wisconsin officials declared an emergency, the sheriff informed ICE "
        "that it would take no new detainees.\n"
    )
    r = analyze_text(text)
    assert DANE in links_of(r, "On Friday, after Wisconsin")


def test_a_place_of_another_state_told_of_early_does_not_take_the_focus():
    text = (
        "Wisconsin sheriffs are split over working with ICE.\n\n"
        "Officials in Tucson, Arizona, weighed a comparable plan in 2019.\n\n"
        "Advocates say the contracts make immigrants afraid to call the police. "
        "Sheriffs say they keep dangerous people off the streets.\n\n"
        "In Wisconsin, the Dane County sheriff ended the jail's contract with ICE on "
        "Monday.\n\n"
        "The jail will stop holding detainees for the agency.\n"
    )
    r = analyze_text(text)
    links = links_of(r, "The jail will stop")
    assert DANE in links
    assert "04019" not in links and "0477000" not in links


def test_the_sheriff_of_an_independent_city_is_the_citys():
    text = (
        "NORFOLK, Va. (AP) \u2014 A Virginia sheriff has ended an agreement with "
        "federal authorities to hold people for ICE.\n\n"
        "Norfolk Sheriff Joe Baron has for two years jailed detainees for ICE.\n\n"
        "The sheriff also stopped screening inmates for immigration status last year.\n"
    )
    r = analyze_text(text)
    assert "5157000" in links_of(r, "The sheriff also stopped")


def test_a_dateline_city_named_nowhere_else_gives_way_to_the_county_the_body_names():
    text = (
        "HAMILTON, Ohio \u2014 The Butler County Sheriff's Office's new contract with "
        "ICE went into effect on Wednesday.\n\n"
        "Advocates protested outside the jail. The commission approved the contract "
        "last week.\n"
    )
    r = analyze_text(text)
    links = links_of(r, "The commission approved")
    assert "39017" in links and "3933012" not in links


def test_a_legislators_home_in_a_district_tag_is_not_what_the_board_is_of():
    text = (
        "Huntington Beach filed suit Wednesday in Orange County against the state's "
        "sanctuary law.\n\n"
        "The city council approved the suit 6-1. The law, authored by state Senate "
        "leader Ann Ruiz (D-Los Angeles), bars police from notifying ICE.\n\n"
        "Last week, the Board of Supervisors voted to join a federal lawsuit against "
        "the law.\n"
    )
    r = analyze_text(text)
    links = links_of(r, "Last week, the Board")
    assert "06059" in links and "06037" not in links


def test_local_officials_after_the_county_acted_are_the_countys():
    text = (
        "Middlesex County has limited its cooperation with ICE, but agents still make "
        "arrests at the Middlesex County courthouse in New Brunswick.\n\n"
        "\u201cICE Newark will keep making arrests,\u201d spokesman Tom Berg said.\n\n"
        "Since 2017, the county has prohibited officers from honoring detainers.\n\n"
        "The local officials have also instructed sheriff's officers to accept only "
        "judicial warrants.\n"
    )
    r = analyze_text(text)
    links = links_of(r, "The local officials")
    assert "34023" in links and "3451000" not in links


def test_a_dateline_city_atop_a_story_about_another_county_of_its_name():
    text = (
        "FAIRFAX, Va. \u2014 Fairfax County Sheriff Ann Ruiz said she is ending an agreement to "
        "hold inmates for ICE.\n\n"
        "Since 2012, Fairfax County has kept inmates wanted by ICE for up to 48 hours.\n\n"
        "In a statement, the Sheriff's Office said it will no longer hold inmates past their "
        "release date.\n"
    )
    r = analyze_text(text)
    links = links_of(r, "In a statement")
    assert "51059" in links and "51600" not in links


def test_the_county_is_the_county_named_before_not_the_focus_citys():
    text = (
        "Leaders from El Paso County and the cities of Dallas and Austin plan to sue over the "
        "state's immigration law.\n\n"
        "The law was signed by the governor this month.\n\n"
        "It takes effect in September. Opponents say it will make immigrants afraid.\n\n"
        "Leaders from the county confirmed that they intend to move forward with resolutions.\n"
    )
    r = analyze_text(text)
    links = links_of(r, "Leaders from the county")
    assert "48141" in links and TRAVIS not in links


def test_an_act_told_of_before_as_the_subject_of_a_list_of_places():
    text = (
        "The agency stopped publishing a report that named jurisdictions for declining "
        "detainers.\n\n"
        "The list included two Wisconsin counties: Dane and Rock.\n"
    )
    r = analyze_text(text)
    (e,) = [e for e in r.excerpts if e.text.startswith("The list included")]
    assert "policy" in e.categories
    assert {DANE, "55105"} <= set(dict(e.jurisdictions))


def test_a_place_a_person_is_based_in_is_not_where_the_arrest_was():
    text = (
        "Agents arrested a man in Madison on Thursday, advocates said.\n\n"
        "Verona-based immigration attorney Ann Ruiz said her client was detained when he "
        "walked out his front door.\n"
    )
    r = analyze_text(text)
    links = links_of(r, "Verona-based")
    assert MADISON in links and "5582575" not in links


def test_the_arrival_of_migrants_from_a_state_names_where_they_came_from():
    from news.linking import _origin_starts

    text = "The mayor's office called it the biggest arrival of migrants from Texas."
    at = text.index("Texas")
    assert _origin_starts(text, [(at, at + 5, "48")]) == {at}


def test_a_state_as_a_common_noun_is_no_states_institution():
    text = (
        "Agents arrested 18 people in Dane County this week.\n\n"
        "\u201cWe are not a border state or district,\u201d the U.S. attorney said.\n\n"
        "Thirteen other immigrants were arrested during the operation.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "Thirteen other") == {DANE: "coreference"}


def test_a_state_bill_by_number_is_the_states_act():
    text = (
        "The Wisconsin Assembly voted 60-35 on Wednesday to pass a bill on detainers.\n\n"
        "Deputies in Dane County released a man wanted by ICE last year, a sponsor said.\n\n"
        "First filed in March, AB 370 requires jails to comply with detainer requests.\n"
    )
    r = analyze_text(text)
    assert WISCONSIN in links_of(r, "First filed in March")


def test_a_place_written_with_its_state_is_told_of_from_afar():
    text = (
        "Sheriff Ann Ruiz said Tuesday that she ended the jail's 287(g) agreement with ICE.\n\n"
        "The program allowed deputies to check the immigration status of people in the "
        "jail.\n\n"
        "A similar debate played out last year in Portland, Oregon.\n\n"
        "Ruiz called the decision \u201ca new day for Dane County.\u201d\n"
    )
    r = analyze_text(text)
    assert links_of(r, "The program allowed") == {DANE: "institution"}


def test_places_listed_together_once_do_not_take_the_focus():
    text = (
        "Sheriff Ann Ruiz said the jail will stop holding people for ICE.\n\n"
        "Elsewhere in Wisconsin, agents arrested 12 people in Racine, 8 in Beloit and 5 in "
        "Waukesha.\n\n"
        "Ruiz said the decision was made for Dane County residents. Deputies will no longer "
        "honor detainers.\n"
    )
    r = analyze_text(text)
    assert DANE in links_of(r, "Sheriff Ann Ruiz said the jail")


def test_a_field_office_named_by_its_city_is_not_the_storys_place():
    text = (
        "Dane County has limited its cooperation with ICE, but agents still make arrests at "
        "the Dane County courthouse.\n\n"
        "A spokesman for Immigration and Customs Enforcement in Milwaukee said agents made "
        "arrests outside the courthouse.\n\n"
        "\u201cICE Milwaukee will keep making arrests,\u201d spokesman Tom Berg said.\n\n"
        "Since 2017, the county has prohibited deputies from honoring detainers.\n"
    )
    r = analyze_text(text)
    links = links_of(r, "Since 2017")
    assert DANE in links and "55079" not in links


def test_an_act_told_of_before_a_quote_is_still_the_subject_of_the_list():
    text = (
        "The agency stopped publishing a report that named jurisdictions for declining "
        "detainers.\n\n"
        "Tom Berg, a pastor, disagreed. \u201cWe were not consulted,\u201d Berg said.\n\n"
        "The list included two Wisconsin counties: Dane and Rock.\n"
    )
    r = analyze_text(text)
    (e,) = [e for e in r.excerpts if e.text.startswith("The list included")]
    assert "policy" in e.categories


def test_a_caption_is_not_the_lead_so_its_city_is_not_the_focus():
    # A state's story with a photo of a march in one city: "the community" is the state's.
    text = (
        "The state's new immigration law takes effect this weekend.\n\n"
        "Marchers walk along Main Street in Madison, Wisconsin, on June 2.\n"
        "Ann Ruiz/AFP via Getty Images\n\n"
        "Wisconsin lawmakers approved the law in May over the objections of farm groups.\n\n"
        "Farm groups in Wisconsin had asked for a delay.\n\n"
        "\u201cThe fear in the community is real,\u201d Tom Berg told me.\n\n"
        "Berg runs a Green Bay-area workers' group.\n"
    )
    r = analyze_text(text)
    got = links_of(r, "\u201cThe fear")
    assert MADISON not in got and DANE not in got
    assert WISCONSIN in got


def test_an_office_after_a_pair_of_words_is_still_the_places_institution():
    # "the current or next police chief": the pair of words does not hide the office, even
    # when the sentence before named only the state
    text = ("MADISON, Wis. \u2014 Madison adopted a welcoming policy on Monday.\n\n"
            "A similar bill is moving through the state Legislature.\n\n"
            "Because it is now in place, the current or next police chief must give notice "
            "before changing the policy.\n")
    r = analyze_text(text)
    assert MADISON in links_of(r, "Because it is now")


ROUNDUP_OF_ANSWERS = """Wisconsin sheriffs were asked whether their deputies would help \
immigration agents. Their answers follow.

Dane County Sheriff Ann Ruiz

No. We will not hold anyone for ICE without a judge's warrant.

Rock County Sheriff Tom Berg

Yes. We will honor every ICE detainer we receive.

The state's attorney general has not weighed in.
"""


def test_the_paragraph_under_a_heading_line_naming_an_official_is_about_its_place():
    r = analyze_text(ROUNDUP_OF_ANSWERS)
    assert DANE in links_of(r, "No. We will not hold")
    rock = links_of(r, "We will honor every ICE detainer")
    assert "55105" in rock and DANE not in rock  # Rock County's sheriff, not Dane County's


def test_a_list_of_places_is_no_heading():
    r = analyze_text("""Counties that refuse detainers:

Dane County

Rock County Sheriff Tom Berg

Rock County

Agents arrested 12 people on Monday, ICE said.
""")
    assert links_of(r, "Agents arrested 12 people").get("55105") != "coreference"


def test_a_county_named_only_in_a_legislators_district_tag_is_not_what_the_county_is():
    # "the county judges" with no focus county read the latest county named: never one of a
    # legislator's district tag ("(D-Kent, Robertson)"), where she is from, not the story's.
    text = (
        "Harris County Judge Ann Ruiz and other county judges across Texas are calling on the "
        "federal government to intervene against a new state law.\n\n"
        "In a letter sent by Ruiz, Travis County Judge Tom Berg and El Paso County Judge Lee Wu, "
        "the officials claim the law will make communities less safe.\n\n"
        "State Sen. Dova Quell (D-Kent, Robertson) backed the measure.\n\n"
        "In Texas, county judges are the chief executives of local county governments.\n\n"
        "Senate Bill 4 creates a new state crime for entering Texas illegally.\n\n"
        "According to the county judges, the law is a direct violation of the federal "
        "government's power over immigration.\n"
    )
    r = analyze_text(text)
    for start in ("In Texas, county judges", "According to the county judges"):
        (e,) = [e for e in r.excerpts if e.text.startswith(start)]
        assert "48395" not in dict(e.jurisdictions), start


def test_an_answer_under_a_heading_runs_over_its_paragraphs_to_the_next_heading():
    # One sentence a paragraph: each paragraph of the answer is under the official's heading.
    r = analyze_text("""Wisconsin sheriffs were asked whether their deputies would help \
immigration agents. Their answers follow.

Dane County Sheriff Ann Ruiz

No.

We will not hold anyone for ICE without a judge's warrant.

Rock County Sheriff Tom Berg

Yes.

We have a duty to work with our federal partners when they need our help.
""")
    assert DANE in links_of(r, "We will not hold")
    rock = links_of(r, "We have a duty")
    assert "55105" in rock and DANE not in rock


def test_a_heading_with_its_title_in_lower_case_names_an_official_too():
    # AP style: "Rock County sheriff Tom Berg" is a person's name after a lower-case title.
    r = analyze_text(ROUNDUP_OF_ANSWERS.replace("County Sheriff", "County sheriff"))
    assert DANE in links_of(r, "No. We will not hold")
    rock = links_of(r, "We will honor every ICE detainer")
    assert "55105" in rock and DANE not in rock


def test_a_district_alone_in_parentheses_is_a_legislators_home_not_the_story():
    # "Rep. Name (County)": no party letter, still a district tag; the vote is the state's
    r = analyze_text(
        "DES MOINES \u2014 The Iowa House passed a bill Thursday requiring jails to honor "
        "immigration detainers.\n\n"
        "The bill passed 58-37, with one Democrat voting for it: Rep. Ann Ruiz (Polk).\n"
    )
    assert links_of(r, "The bill passed").get("19") is not None


def test_an_act_noun_points_back_at_the_sentence_that_named_that_act():
    # "the bill" is the bill's state, past a sentence about another state's senator in between
    r = analyze_text(
        "MADISON, Wis. \u2014 The Wisconsin Assembly approved a bill Tuesday requiring sheriffs "
        "to notify ICE before releasing inmates.\n\n"
        "Republicans mocked a trip by Illinois Democratic Sen. Tom Berg to a detention center "
        "abroad, offering to pay for the flight.\n\n"
        "Under the bill, a sheriff who refuses faces a fine.\n"
    )
    got = links_of(r, "Under the bill")
    assert "55" in got and "17" not in got


def test_the_sheriffs_office_is_the_one_named_in_its_own_paragraph():
    # after a paragraph on one county's sheriff, a paragraph naming another's: "The sheriff's
    # office" there is the second county's
    r = analyze_text(
        "MADISON, Wis. \u2014 Dane County deputies held 12 people for ICE this month, up "
        "from three in March.\n\n"
        "\u201cWe follow the law,\u201d the Dane County Sheriff\u2019s Office said in a "
        "statement.\n\n"
        "The Rock County Sheriff\u2019s Office said it has received no ICE detainers. The "
        "sheriff\u2019s office said none of its inmates are held for ICE.\n"
    )
    got = links_of(r, "The sheriff\u2019s office said none")
    assert "55105" in got and "55025" not in got


def test_the_law_after_a_county_official_spoke_of_it_is_the_states_too():
    # a law is a legislature's act: "Under the new law, ..." after a county official's words
    # about it is about the state (and still the county the paragraph before was about)
    r = analyze_text(
        "The governor signed the sanctuary bill for Oregon on Tuesday.\n\n"
        "Lane County jail commander Tom Berg says the county will keep working with federal "
        "agents on warrants. Berg says the county's lawyers are reading how the law applies.\n\n"
        "Under the new law, officers cannot ask a person about immigration status.\n"
    )
    assert "41" in links_of(r, "Under the new law")


def test_places_the_lead_names_together_are_the_focus_of_sentences_naming_none():
    # Two counties named together in the lead, and no other place: a sentence naming no place
    # is about both, not about their state, which the article never names.
    text = (
        "A growing number of immigrants in Lake and Porter counties are being detained after "
        "showing up for routine check-ins with ICE, according to advocates.\n\n"
        "The immigrants being targeted were convicted of crimes years ago.\n\n"
        "Under longstanding policies, they were allowed to stay if they checked in with ICE "
        "agents every year.\n"
    )
    r = analyze_text(text)
    (e,) = [e for e in r.excerpts if e.text.startswith("Under longstanding")]
    linked = {j for j, _ in e.jurisdictions}
    assert len(linked) == 2 and all(len(j) == 5 for j in linked)


def test_a_state_told_of_once_in_passing_does_not_own_the_legislature_after_it():
    # A state named once (a suspect's past arrest there), none of its places named, in a story
    # about another state's places: "Senate Bill 40" a paragraph later is the focus state's.
    text = (
        "After a shooting near the campus in Macon, a state Senate panel advanced a bill on jails "
        "and immigration.\n\n"
        "The man charged had been stopped in Ohio and fined for speeding in Macon, according to "
        "court records.\n\n"
        "Augusta Republican Sen. Tom Berg\u2019s Senate Bill 40 would require sheriffs to tell ICE "
        "when a noncitizen is jailed. It cleared a committee Tuesday.\n"
    )
    r = analyze_text(text)
    assert "13" in links_of(r, "Augusta Republican") and "39" not in links_of(r, "Augusta Republican")
    assert "13" in links_of(r, "It cleared") and "39" not in links_of(r, "It cleared")
    assert "39" in links_of(r, "The man charged")  # where it is named, it is linked


def test_a_local_office_qualified_by_its_state_is_the_articles_county_of_that_state():
    # "a Virginia sheriff": a sheriff of the state named, the one the article is about; not a
    # county of another state
    r = analyze_text(
        "A suit claiming a Kansas sheriff held a man for ICE without a warrant was dismissed.\n\n"
        "Finney County Sheriff Ann Ruiz said she was pleased with the ruling.\n\n"
        "Ruiz said her jail would keep honoring detainers.\n"
    )
    assert links_of(r, "A suit claiming").get("20055") == "institution"
    r = analyze_text(
        "A suit claiming a Kansas sheriff held a man for ICE without a warrant was dismissed.\n\n"
        "Lake County Sheriff Ann Ruiz in Indiana said she was pleased with the ruling.\n"
    )
    assert "18089" not in links_of(r, "A suit claiming")


def test_a_town_described_rather_than_named_is_the_town_the_article_is_about():
    text = (
        "HAYS - Federal agents and state troopers searched a dairy plant in Hays on Tuesday. "
        "The plant employs 90 people.\n\n"
        "One worker said she was told agents were also at a feedlot north of the small central "
        "Kansas town.\n"
    )
    r = analyze_text(text, {"place": "Hays, KS"})
    assert "2031100" in links_of(r, "One worker said")


def test_a_town_described_before_a_time_phrase_is_the_town_just_named():
    # "in the southwestern Kansas town this month": the description ends before the time phrase
    text = (
        "Federal agents detained a man at a grocery store in Hays on Thursday, his family said.\n\n"
        "The arrest was the third in the small central Kansas town this month.\n"
    )
    r = analyze_text(text)
    assert "2031100" in links_of(r, "The arrest was the third")


@pytest.mark.parametrize(("text", "place", "starts", "expected"), [
    # a legislator is a state's, unless the article's legislature is a county's
    ("The Lake County Legislature voted 12-6 on Monday to let the county police work with ICE."
     "\n\nLegislator Ann Ruiz called it \u201ca solution in search of a problem.\u201d\n",
     "Waukegan, IL", "Legislator Ann Ruiz", "17097"),
    # a council member a city's, when the council written is a city's
    ("The Lakeview City Council voted 5-2 on Tuesday to bar city police from asking about "
     "immigration status.\n\n\u201cFamilies should not be afraid,\u201d Councilmember Ann Ruiz "
     "said.\n", "Lakeview, OR", "\u201cFamilies", "4140700"),
])
def test_an_office_named_after_its_body_is_of_the_body_written_before(text, place, starts,
                                                                         expected):
    assert links_of(analyze_text(text, {"place": place}), starts) == {expected: "affiliation"}


@pytest.mark.parametrize("outlet", ["Wisconsin State Journal", "Orange County Register",
                                    "Kansas City Star", "State Journal-Register"])
def test_an_institutions_word_inside_a_newspapers_name_is_no_institution(outlet):
    text = ("Lakeview will stop holding inmates for immigration agents, Mayor Ann Ruiz said "
            "Monday in Lakeview, Oregon.\n\n"
            f"\u201cIt is not enough,\u201d Tom Berg told the {outlet}.\n")
    # the town and its state, as the sentence before; no county's or state's body
    assert links_of(analyze_text(text), "\u201cIt is not") == {"4140700": "coreference",
                                                                "41": "coreference"}


def test_a_state_as_the_scope_of_a_comparison_leaves_the_event_where_it_was_told():
    text = (
        "Immigration agents detained 20 people at a packing plant in Hays on Tuesday, "
        "advocates said.\n\n"
        "The raid at the plant was the second-largest in Kansas in years.\n"
    )
    assert "2031100" in links_of(analyze_text(text), "The raid at the plant")


@pytest.mark.parametrize(("text", "starts", "expected"), [
    # places described by their state's name are the places told of before
    ("Sheriffs in Lake and Porter counties said Tuesday they will keep honoring ICE detainers."
     "\n\nThe two northwest Indiana counties hold about 100 people for ICE on a typical day.\n",
     "The two northwest", {"18089", "18127"}),
    # "Of those arrested": the people of the sentence before, not the dateline's city
    ("LAKEVIEW, Ore. (Wire) \u2014 Immigration agents arrested 45 people in Klamath and Harney "
     "counties during a five-day operation, the agency said.\n\n"
     "Of those arrested, 30 had prior convictions.\n", "Of those arrested", {"41035", "41025"}),
])
def test_a_sentence_pointing_back_is_about_the_places_of_the_one_before(text, starts, expected):
    assert expected <= set(links_of(analyze_text(text), starts))


def test_a_mayor_joined_by_county_officials_is_the_mayor_of_the_countys_town():
    # "Mayor Ann Ruiz, joined by county officials,": the title written with the name is her
    # office (a body her description names is company); with no town in view where she is
    # written, her town is the one town of the county in view that the article names
    text = (
        "With more migrants to be released in Lake County, Indiana, on Monday, Mayor Ann Ruiz, "
        "joined by county officials, asked the state for help.\n\n"
        "\u201cWe have never been in this situation before,\u201d Ruiz said at a news conference.\n\n"
        "She said 40 of them would be let go in Crown Point on Tuesday.\n"
    )
    r = analyze_text(text)
    assert links_of(r, "\u201cWe have never") == {"1816138": "affiliation"}
    assert speaker_of(r, "\u201cWe have never") == "Ruiz"


def test_a_local_papers_home_among_places_each_named_once_is_the_focus():
    # "the mayors of Boston, Chicago and Denver" in a Denver paper: between places named once
    # each, the paper's home is what a sentence naming no place is about (not its state)
    text = (
        "On Wednesday, the mayors of Boston, Chicago and Denver testified at a House hearing on "
        "sanctuary policies.\n\n"
        "Police have not held people for ICE without a warrant since 2017.\n"
    )
    r = analyze_text(text, {"place": "Denver, CO"})
    assert links_of(r, "Police have not") == {"0820000": "focus"}


def test_a_photo_credits_name_is_a_person_not_a_place():
    # "Credit: Georgia Ruiz": the photographer, not the state of Georgia
    text = (
        "Immigrant families rallied outside the county jail in Lakeland, Florida, on Friday. "
        "Credit: Georgia Ruiz\n\n"
        "The sheriff said the jail would keep honoring detainers.\n"
    )
    r = analyze_text(text)
    assert "13" not in {m.jurisdiction for m in r.mentions}
    assert "1238250" in {m.jurisdiction for m in r.mentions}


def test_the_head_noun_of_a_body_named_just_before_is_that_body_and_its_place():
    # "the Dane County School District" ... "The district said ...": the sentence names no
    # place, and the body it points back at stands for the county its name holds, not for the
    # article's dateline town
    text = (
        "JANESVILLE, Wis. \u2014 Sheriffs in Rock County and Green County said they will not hold "
        "people for ICE.\n\n"
        "The Dane County School District also put out a statement on immigration on Friday.\n\n"
        "The district said it does not ask families about immigration status.\n"
    )
    r = analyze_text(text)
    assert DANE in links_of(r, "The district said")


def test_the_only_county_named_whose_offices_the_article_keeps_writing_is_its_focus():
    # Places named once each, none leading (a court in another state, a station's city in the
    # lead); the one county named, whose judge, sheriff and deputies the article writes of
    # without its name, is what the article is about: not the station's city's county
    text = (
        "A Texas county judge said on Monday that the state's border law could cripple her "
        "community.\n\n"
        "The appeals court in New Orleans denied the state's request last week. It will hear "
        "arguments on Wednesday, a station in Houston reported.\n\n"
        "Kinney County Judge Ann Ruiz said her county is short of money.\n\n"
        "Sheriff Tom Berg said, \"We will need more deputies before we arrest anyone under "
        "this law.\"\n"
    )
    r = analyze_text(text)
    links = links_of(r, "Sheriff Tom Berg")
    assert "48271" in links and "48201" not in links


def test_an_act_referred_to_after_an_aside_about_another_place_is_the_storys():
    # "A similar debate played out last year in Portland, Oregon." between the vote and "the
    # vote": the aside is not what "the vote" is; the story goes on from before it
    text = (
        "CONCORD, N.H. \u2014 The House passed a bill on Thursday to ban sanctuary policies.\n\n"
        "House Bill 511 passed, 351-6, without debate. Six Democrats voted no.\n\n"
        "A similar debate played out last year in Portland, Oregon.\n\n"
        "Republicans were elated. \u201cWe kept our promise,\u201d said Majority Leader Ann Ruiz, "
        "in a statement released after the vote.\n"
    )
    r = analyze_text(text)
    assert "33" in links_of(r, "\u201cWe kept our promise")


def test_a_person_written_straight_after_a_county_acts_for_it():
    # "Lake County's Ann Ruiz said", "Lake County Ann Ruiz told" (the title left out): the
    # county is her office, carried through her surname later
    for lead in ("Dane County's Ann Ruiz said on Monday that the jail is full.",
                 "Dane County Ann Ruiz told reporters on Monday that the jail is full."):
        text = (f"{lead}\n\n"
                "\u201cWe will keep holding people for ICE,\u201d Ruiz said.\n")
        r = analyze_text(text)
        assert links_of(r, "\u201cWe will keep")[DANE] == "affiliation"


def test_a_county_named_after_a_word_that_is_no_office_gives_no_affiliation():
    # a verb that is no reporting after the name: not an official introduced by her county
    text = ("In Dane County Ann Ruiz opened a bakery in 2019.\n\n"
            "\u201cWe will keep holding people for ICE,\u201d Ruiz said.\n")
    r = analyze_text(text)
    assert links_of(r, "\u201cWe will keep")[DANE] != "affiliation"


def test_the_sheriffs_office_after_an_officials_turns_is_the_officials_county():
    # A story of several counties, each named once; the one whose sheriff the article keeps
    # quoting is what "the sheriff's office" stands for, a paragraph after her last turn: not
    # another county named once before her
    text = (
        "Across North Carolina, a bill advances forcing sheriffs to honor ICE detainers.\n\n"
        "A house panel approved the bill on Wednesday.\n\n"
        "It came about when sheriffs in big counties like Wake and Durham said they will not "
        "honor detainers.\n\n"
        "Chatham County Sheriff Ann Ruiz said she always honors them.\n\n"
        "\u201cWe will keep doing it,\u201d Ruiz said.\n\n"
        "She said jail staff check every booking.\n\n"
        "If ICE asks, the sheriff\u2019s office holds the person for two days.\n\n"
        "Ruiz said sheriffs in Pamlico and Carteret counties do the same.\n"
    )
    r = analyze_text(text, {"place": "Greenville, NC"})
    assert links_of(r, "If ICE asks") == {"37037": "institution"}  # Chatham County, N.C.


def test_a_place_noun_of_a_kind_points_back_at_places_of_that_kind():
    # "Police in both counties" right after an aside about a city of another state ("A similar
    # debate played out last year in Portland, Oregon."): counties, not that city or its state
    text = (
        "Police chiefs in Lake County and Porter County, Indiana, met with federal agents on "
        "Monday to discuss immigration arrests.\n\n"
        "\u201cWe will support them,\u201d Lake County Sheriff Ann Ruiz said.\n\n"
        "A similar debate played out last year in Portland, Oregon.\n\n"
        "Police in both counties said they would only assist ICE when directly called upon.\n"
    )
    links = links_of(analyze_text(text), "Police in both counties")
    assert "4159000" not in links and "41" not in links
    assert "18089" in links


def test_a_title_with_its_abbreviation_in_parentheses_still_names_the_office():
    # "Wisconsin Attorney General (AG) Ann Ruiz": the abbreviation between the title and the
    # name; her later quote is the state's, not the county story's
    text = ("Dane County supervisors met on Monday about the jail.\n\n"
            "Wisconsin Attorney General (AG) Ann Ruiz issued a directive to every sheriff.\n\n"
            "Ruiz said the directive would \u201cprotect every resident of this state.\u201d\n")
    r = analyze_text(text)
    assert links_of(r, "Ruiz said the directive").get(WISCONSIN) == "affiliation"


def test_a_pronoun_after_a_name_described_by_its_places_office_is_that_person():
    # "Tom Berg, Springfield's mayor, struck a different tone. '...,' he said.": he is Berg
    # (the place's own office after the name), not the mayor quoted a paragraph before
    text = ("Two Ohio mayors reacted to the order on Monday.\n\n"
            "\u201cThis city will not be bullied,\u201d said Ann Ruiz, the mayor of Dayton.\n\n"
            "Tom Berg, Springfield's mayor, struck a different tone. \u201cWe will follow the "
            "law,\u201d he said.\n")
    r = analyze_text(text)
    assert speaker_of(r, "\u201cWe will follow") == "Tom Berg"
    assert "3921000" not in links_of(r, "\u201cWe will follow")  # not Dayton


def test_our_county_in_a_quote_is_the_speakers_county():
    # two sheriffs quoted in turn: "our county" in the second one's quote is hers
    text = ("Two sheriffs, two answers.\n\n"
            "Ann Ruiz, who leads the Lake County Sheriff's Office, said she would sign. Tom Berg, "
            "sheriff of Porter County, said he would not.\n\n"
            "\u201cI don't see the need,\u201d Berg said.\n\n"
            "\u201cIt keeps our county safe,\u201d Ruiz said.\n")
    r = analyze_text(text)
    links = links_of(r, "\u201cIt keeps our county")
    assert links.get("18089") == "affiliation"  # Lake County, Ind.
    assert links.get("18127") != "institution"  # not Porter's county as "our county"


HOWARD_STORY = (
    "Howard County is ending its contract with ICE to hold detainees at the detention center "
    "in Jessup, documents show.\n\n"
    "At the direction of County Executive Tom Berg, the Detention Center sent notice on "
    "Friday.\n\n"
    "\u201cI am relieved. I am thankful for the state legislators who kept at it,\u201d Council Chair "
    "Ann Ruiz said Monday. \u201cAnd I am thankful for the advocates.\u201d\n\n"
    "Dozens of immigrants marched on Sunday to demand protection from deportation.\n"
)


def test_the_county_the_lead_opens_on_is_the_articles_focus():
    # "Howard County is ending its contract ... at the detention center in Jessup": the county
    # the first sentence opens on acts, the town is where the jail is; not two places told of
    # together (a sentence naming no place is the county's, not the town's county's too)
    links = links_of(analyze_text(HOWARD_STORY), "Dozens of immigrants marched")
    assert "24027" in links and "24003" not in links


def test_a_council_chair_with_no_body_of_a_kind_written_is_the_places():
    # "Council Chair Ann Ruiz", the article writing no "County Council": the council of the
    # place the article is about, as "the council" is; her quote's next sentence is hers too
    assert links_of(analyze_text(HOWARD_STORY), "\u201cAnd I am thankful") == {"24027": "affiliation"}


def test_an_act_written_with_a_quoted_modifier_points_back_like_any_act():
    # 'The so-called "hold" policy lets ICE ...' reports on the county's agreement just sued
    # over (it was read as naming no act, and only the focus linked it); so "that policy" a
    # paragraph after a state-law sentence is still the county's
    text = ("Several Ohio sheriffs have agreements with ICE, and Ohio officials back them.\n\n"
            "On Monday, the ACLU of Ohio sued Lake County over its March agreement to hold "
            "inmates for ICE.\n\n"
            "The so-called \u201chold\u201d policy lets ICE pick up these inmates after their "
            "release date.\n\n"
            "But the ACLU says Ohio law bars sheriffs from holding anyone for ICE.\n\n"
            "The ACLU has long opposed that policy, saying it splits families.\n")
    r = analyze_text(text)
    assert links_of(r, "The so-called").get("39085") == "coreference"  # Lake County, Ohio
    assert "39085" in links_of(r, "The ACLU has long")


def test_a_datelines_state_does_not_make_the_story_the_states():
    # "GREENE COUNTY, Tenn. -": the state there says where the county is; counted as the
    # article naming its state, it made the state as prominent as the county, and a statewide
    # group's later quote lost the county it speaks about
    text = (
        "GREENE COUNTY, Tenn. (AP) \u2014 Immigration agents arrested a man on Thursday in a "
        "Greene County courtroom.\n\n"
        "\"It sends a message that courts are places to avoid,\" said Ann Ruiz, policy "
        "director for the Tennessee Immigrant Rights Coalition.\n\n"
        "\"The court called ICE that morning and said they wanted him,\" Ruiz said.\n"
    )
    r = analyze_text(text)
    assert "47059" in links_of(r, "\"The court called ICE")


def test_a_heading_may_give_the_office_in_apposition_after_the_name():
    # "Tom Berg, the Paulding County sheriff" above his answer: a heading too, though no title
    # stands before the name (the name was not read as a person's, and the answer went to the
    # article's focus)
    text = (
        "We asked sheriffs across Ohio whether their deputies will help ICE.\n\n"
        "Ann Ruiz, a spokeswoman for the Auglaize County Sheriff's Office\n\n"
        "No. Our deputies will not hold anyone for immigration agents.\n\n"
        "Tom Berg, the Paulding County sheriff\n\n"
        "Yes. We will honor every detainer request from ICE.\n"
    )
    r = analyze_text(text)
    assert "39125" in links_of(r, "We will honor every detainer")


def test_a_quote_paragraph_going_on_with_the_speaker_before_keeps_its_place():
    # '"...," the mayor of Omaha, Tom Berg, says.' then '"..."' as its own paragraph (one
    # sentence a paragraph): the same quote, split; it went to the article's focus, Tulsa
    text = (
        "Tulsa officials met on Monday to discuss the raids. Tulsa police said they were not "
        "told.\n\n"
        "A raid in Omaha is pointed to as an example of the misstep.\n\n"
        "\u201cWhat happened there was not good,\u201d the mayor of Omaha, Tom Berg, says.\n\n"
        "\u201cAgents raided a restaurant and stayed over an hour.\u201d\n"
    )
    r = analyze_text(text)
    assert links_of(r, "\u201cAgents raided a restaurant") == {"3137000": "coreference"}


def test_the_bill_right_after_a_bill_in_a_place_told_of_once_is_that_bill():
    # Maine, named once in a Vermont story, is told of in passing; but "the bill" opening the
    # next paragraph is the bill Maine passed (an aside's act was skipped as not the story's)
    text = (
        "Vermont lawmakers debated a bill on Tuesday to limit police cooperation with ICE. "
        "Vermont Gov. Tom Berg said he would sign it.\n\n"
        "In Maine, the legislature passed a bill in June aimed at limiting cooperation.\n\n"
        "At the time, Gov. Ann Ruiz called the bill \u201coverly broad and confusing.\u201d\n"
    )
    r = analyze_text(text)
    assert "23" in links_of(r, "At the time, Gov. Ann Ruiz")
