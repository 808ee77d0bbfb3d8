"""Sentences, quotes, speakers, figures, categories and quote matching: no geo data needed."""

from __future__ import annotations

import pytest

from geo.text import paragraphs, person_spans, split_sentences
from news.classify import categories, find_figures
from news.matching import differences, group_quotes, same_quote
from news.pipeline import analyze_text, kind_of
from news.quotes import is_speech


def sentences(text: str) -> list[str]:
    out = split_sentences(text)
    for s in out:
        assert text[s.start : s.end] == s.text
    return [s.text for s in out]


def no_places(text: str) -> list:
    return []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officers raided homes in the U.S. capital on Feb. 7, 2017. Sen. Smith objected.",
            ["Officers raided homes in the U.S. capital on Feb. 7, 2017.", "Sen. Smith objected."],
        ),
        (
            "It targeted Washington D.C. and New York. The mayor spoke.",
            ["It targeted Washington D.C. and New York.", "The mayor spoke."],
        ),
        (
            "They live in the U.S. The count is disputed.",
            ["They live in the U.S.", "The count is disputed."],
        ),
        (
            '"We had a briefing.... that we could expect it. It came," he said. Then it ended.',
            ['"We had a briefing.... that we could expect it. It came," he said.', "Then it ended."],
        ),
        (
            "\u201cOne thing. Another thing,\u201d she said. \u201cA third.\u201d",
            ["\u201cOne thing. Another thing,\u201d she said.", "\u201cA third.\u201d"],
        ),
        (
            'They were arrested in "Operation Safe City." 317 had convictions.',
            ['They were arrested in "Operation Safe City."', "317 had convictions."],
        ),
        (
            "Renewed efforts\nICE said it would act. More came.",
            ["Renewed efforts", "ICE said it would act.", "More came."],
        ),
        (
            "A line without a final period\n\nNext paragraph.",
            ["A line without a final period", "Next paragraph."],
        ),
        ("Judge J. Smith ruled.", ["Judge J. Smith ruled."]),
        (
            'He spoke on Monday.The claim is false. One is in Aurora."The bulk" is here.',
            ["He spoke on Monday.", "The claim is false.", "One is in Aurora.",
             '"The bulk" is here.'],
        ),
        ("See Example.Com or St.Louis for more.", ["See Example.Com or St.Louis for more."]),
    ],
)
def test_sentence_splitting(text, expected):
    assert sentences(text) == expected


def test_hard_wrapped_lines_are_one_paragraph():
    text = "The sheriff said the county\nwould not honor detainers.\n\nNew paragraph."
    assert len(paragraphs(text)) == 2
    assert sentences(text)[0] == "The sheriff said the county\nwould not honor detainers."


@pytest.mark.parametrize(
    ("sentence", "cats"),
    [
        ("During the raids 51 people were arrested.", ("enforcement",)),
        ("The council passed a resolution limiting cooperation with ICE.", ("policy",)),
        ("The sheriff will not honor ICE detainers.", ("policy",)),
        ("A judge ruled that grants could not be withheld.", ("policy",)),
        ("The weather was fine.", ()),
        ("The Judiciary Committee heard testimony on Monday.", ("policy",)),
        ("The sheriff's office agreed to collaborate with ICE.", ("policy",)),
        ("Officials instructed staff not to log the transfers.", ("policy",)),
        ("In 2019, 400 detainer requests were issued in the state.", ("enforcement", "policy")),
        # closing a program down is an act of government, whatever "it" refers back to
        ("It was shut down in Arizona in 2012.", ("policy",)),
        ("The county scrapped it last spring.", ("policy",)),
    ],
)
def test_categories(sentence, cats):
    assert categories(sentence, False) == cats


def test_figures_with_units_but_not_dates_or_years():
    text = (
        "On Feb. 7, 2017, 51 people were arrested; since 2003 over 8,400 undocumented immigrants "
        "and 11.1 million others, nearly 60 percent, waited 48 hours. 142 were released."
    )
    figs = find_figures(text)
    assert [(f.text, f.value, f.unit, f.qualifier) for f in figs] == [
        ("51 people", 51, "people", ""),
        ("over 8,400 undocumented immigrants", 8400, "undocumented immigrants", "over"),
        ("11.1 million others", 11_100_000, "others", ""),
        ("nearly 60 percent", 60, "percent", "nearly"),
        ("48 hours", 48, "hours", ""),
        ("142", 142, "", ""),
    ]
    for f in figs:
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    ("quote", "sentence", "speech"),
    [
        ("sanctuary cities", 'Officials raid "sanctuary cities" often.', False),
        ("Operation Safe City.", 'According to ICE, 498 were arrested in "Operation Safe City."', False),
        ("every lawful tool", 'The AG said the government must use "every lawful tool".', True),
        ("every lawful tool", 'The government must use "every lawful tool".', False),
        ("we will not detain anyone without a warrant", '"..." x', True),
    ],
)
def test_speech_versus_scare_quotes(quote, sentence, speech):
    assert is_speech(quote, sentence) is speech


def quotes_of(text):
    r = analyze_text(text, geoparser=no_places)
    for hit in r.quotes:
        q = hit.quote
        assert text[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker
    return r


def test_speaker_after_the_quote_with_title_as_written():
    text = (
        '"There\'s been questions about whether it is targeted. We had a briefing.... that we '
        'could expect a big operation," U.S. Magistrate Judge Andrew Austin said during a hearing.'
    )
    (hit,) = quotes_of(text).quotes
    assert hit.quote.speaker == "U.S. Magistrate Judge Andrew Austin"
    assert hit.quote.text.endswith("a big operation")


def test_he_said_resolves_to_the_last_named_person_and_quote_continues():
    text = (
        "US Magistrate Judge Andrew Austin suggested that the operation was retaliation.\n\n"
        "\u201cWe had a briefing that we could expect a big operation,\u201d he said. "
        "\u201cThere was going to be a specific operation, it was related to us.\u201d\n\n"
        "\u201cMy understanding, what was told to us, is that the meetings didn\u2019t go well.\u201d"
    )
    r = quotes_of(text)
    assert [h.quote.speaker for h in r.quotes] == ["US Magistrate Judge Andrew Austin"] * 3
    assert r.quotes[0].quote.speaker_start == text.index("US Magistrate")


def test_the_statement_resolves_to_who_made_it():
    text = (
        "In a statement, ICE denied that it conducted any raids as retribution. "
        "\u201cICE regularly conducts targeted enforcement operations across the country,\u201d "
        "the statement said. \u201cOur enforcement actions are not random.\u201d"
    )
    r = quotes_of(text)
    assert [h.quote.speaker for h in r.quotes] == ["ICE", "ICE"]


def test_read_a_response_from():
    text = (
        '"Rumors and reports that recent ICE operations are specifically targeting the county are '
        'inaccurate," read a response from ICE, which continues on to say "more ICE operational '
        'activity is required to conduct at-large arrests."'
    )
    r = quotes_of(text)
    assert [h.quote.speaker for h in r.quotes] == ["ICE", "ICE"]


def test_speaker_before_the_quote_and_the_ag():
    text = (
        "Attorney General Jeff Sessions has continuously warned sanctuary cities about funding. "
        'In a visit earlier this month, the AG said that the government needed to use "every '
        'lawful tool" at its disposal.'
    )
    (hit,) = quotes_of(text).quotes
    assert hit.quote.speaker == "Attorney General Jeff Sessions"


def test_indirect_speech_gives_the_excerpt_speaker():
    text = (
        "ICE Acting Director Tom Homan, in a statement, said that ICE would carry out raids. "
        'He said "sanctuary" jurisdictions do not cooperate with ICE.'
    )
    r = analyze_text(text, geoparser=no_places)
    assert [e.speaker for e in r.excerpts] == ["ICE Acting Director Tom Homan"] * 2
    assert r.quotes == ()  # "sanctuary" is a scare quote


def test_a_place_named_in_a_prepositional_phrase_is_not_the_speaker():
    text = "A federal judge in Texas claimed that immigration authorities conducted raids."
    (ex,) = analyze_text(text, geoparser=no_places).excerpts
    assert ex.speaker != "Texas"


def test_people_and_storms_named_like_places():
    text = (
        "Judge Andrew Austin spoke. Later Austin said more. Raids in Austin went on. "
        "It was canceled after Hurricanes Irma and Harvey."
    )
    spans = [text[s:e] for s, e in person_spans(text)]
    assert spans == ["Andrew Austin", "Austin", "Irma and Harvey"]
    assert text.index("Raids in Austin") + 9 not in {s for s, _ in person_spans(text)}


def test_same_quote_across_outlets_with_wording_differences():
    quotes = {
        "ibt:q0": "My understanding, what was told to us, is that one of the reasons that [the raid] "
        "happened was because the meetings didn't go very well",
        "info:q0": "My understanding, what was told to us, is that one of the reasons that happened "
        "was because the meetings didn\u2019t go very well.",
        "voc:q0": "We had a briefing \u2026 that we could expect a big operation",
        "other:q0": "ICE regularly conducts targeted enforcement operations",
    }
    groups = group_quotes(quotes.items())
    assert groups["ibt:q0"] == groups["info:q0"] == "ibt:q0"
    assert groups["voc:q0"] == "voc:q0" and groups["other:q0"] == "other:q0"
    ref, diffs = differences({k: quotes[k] for k in ("ibt:q0", "info:q0")})
    assert ref == "ibt:q0"
    assert [op for op in diffs["info:q0"] if op[0] != "equal"] == [("delete", "[the raid]")]
    assert diffs["ibt:q0"] == [("equal", quotes["ibt:q0"])]


def test_a_quote_split_in_two_matches_the_whole():
    whole = (
        "There's been questions about whether Austin is being targeted. We had a briefing that "
        "we could expect a big operation. There was going to be a specific operation."
    )
    assert same_quote(whole, "There\u2019s been questions about whether Austin is being targeted.")
    assert not same_quote(whole, "The sheriff's new policy")


def test_kind_of_ids():
    assert [kind_of(i) for i in ("48", "48453", "4805000", "region:bay-area")] == [
        "state", "county", "place", "region",
    ]
    with pytest.raises(ValueError):
        kind_of("texas")


def test_headings_are_not_excerpts():
    text = "Arrests\nAgents arrested 9 people on Monday.\nFederal funding\nGrants were withheld."
    r = analyze_text(text, geoparser=no_places)
    assert [e.text for e in r.excerpts] == [
        "Agents arrested 9 people on Monday.", "Grants were withheld.",
    ]


def test_multi_paragraph_quote_attributed_at_its_end():
    text = (
        "The mayor spoke at length on Monday.\n\n"
        "\u201cWe will not cooperate with raids in this city. We will protect our residents.\n\n"
        "\u201cAnd we will go to court if we must,\u201d Mayor Jane Roe said."
    )
    r = quotes_of(text)
    assert [(h.quote.speaker, h.quote.continued) for h in r.quotes] == [
        ("Mayor Jane Roe", True), ("Mayor Jane Roe", True),
    ]
    assert r.quotes[0].quote.text.endswith("protect our residents.")


def test_split_quote_with_attribution_in_the_middle():
    text = "\u201cWe are,\u201d Mayor Rahm Emanuel added, \u201ca welcoming city, and we stay one.\u201d"
    r = quotes_of(text)
    assert [(h.quote.text, h.quote.speaker) for h in r.quotes] == [
        ("We are", "Mayor Rahm Emanuel"),
        ("a welcoming city, and we stay one.", "Mayor Rahm Emanuel"),
    ]


def test_dollar_figures():
    text = "The grants, worth about $3.2 million last year, were withheld."
    (fig,) = find_figures(text)
    assert (fig.text, fig.value, fig.unit, fig.qualifier) == (
        "about $3.2 million", 3_200_000, "dollars", "about",
    )


def test_single_quote_marks_but_not_apostrophes():
    text = (
        "Harris County Sheriff Ed Gonzalez spoke on Monday.\n"
        "'We follow the law and we always will,' Gonzalez said. The officials' decision stands.\n"
        "\u2018It\u2019s a sad day for the county,\u2019 said Mayor Ann Lee."
    )
    r = quotes_of(text)
    assert [(h.quote.text, h.quote.speaker) for h in r.quotes] == [
        ("We follow the law and we always will", "Gonzalez"),
        ("It\u2019s a sad day for the county", "Mayor Ann Lee"),
    ]


def test_figure_unit_may_start_with_an_acronym():
    (fig,) = find_figures("It refused more than 1,200 ICE detainer requests this year.")
    assert (fig.text, fig.unit, fig.qualifier) == (
        "more than 1,200 ICE detainer requests", "ICE detainer requests", "more than",
    )


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Immigration and Customs Enforcement has been in Lakeview this week, police say.",
         "enforcement"),
        ("Residents reported the presence of ICE agents near the school.", "enforcement"),
        ("The sheriff confirmed that his deputies assisted ICE on Tuesday.", "enforcement"),
        ("Mayors of several cities are pushing back against the effort.", "policy"),
        ("The two counties have very similar practices for people in the jail.", "policy"),
        ("Officials say any action here would focus on people with criminal records.", "policy"),
        ("Troopers, she said, won\u2019t be carrying out checks of anyone's status.", "policy"),
        ("The town's response to the new federal rules varies by department.", "policy"),
        # refusing to help federal agents is a stance, whatever the action it refuses
        ("The mayor says Lakeview won\u2019t help federal agents with rounding up anyone.", "policy"),
        ("Deputies will not aid immigration officers at the courthouse.", "policy"),
        ("The manager said city police would not take part in immigration sweeps.", "policy"),
        # keeping out of it is a stance too
        ("The department says it will stay hands-off when agents come to town.", "policy"),
        ("Deputies mostly keep themselves separate from such sweeps.", "policy"),
        # cooperating in other words: "will work with ICE" is the stance "will cooperate" is
        ("Ruiz, a Democrat re-elected in May, says he will work with ICE when needed.", "policy"),
        ("The chief wants to work more closely with federal authorities.", "policy"),
        # officers of immigration under their everyday names: acting as them is enforcement
        ("In some states, deputies serve as de facto immigration cops.", "enforcement"),
        ("Critics say the town's officers act like immigration police.", "enforcement"),
        # the agency's presence denied is still a report on its presence
        ("The office said ICE has not been at the plant or any store in town.", "enforcement"),
        ("Immigration and Customs Enforcement was never at the school, the district said.",
         "enforcement"),
    ],
)
def test_categories_of_implied_actions_and_stances(sentence, category):
    assert category in categories(sentence, False)


@pytest.mark.parametrize("sentence", [
    "Deputies are working with state troopers to crack down on smuggling along the highway.",
    "The sheriff cracked down on people crossing the ranches.",
])
def test_the_verb_crack_down_is_enforcement_like_the_noun(sentence):
    assert "enforcement" in categories(sentence, False)


def test_counts_of_detainers_are_enforcement():
    assert "enforcement" in categories("The number of detainers has fallen since 2017.", False)


@pytest.mark.parametrize(
    ("sentence", "cats"),
    [
        ("Two neighbours were approached outside the laundromat.", ("enforcement",)),
        ("A man was questioned for an hour at the depot.", ("enforcement",)),
        ("The county jail is now out of the business of renting beds.", ("enforcement", "policy")),
        # a stop before a gerund ends a practice; a stop of someone stays enforcement
        ("The agency has stopped publishing its weekly report.", ("policy",)),
        ("Deputies stopped a van on the highway.", ("enforcement",)),
        ("She was stopped during a check near the border.", ("enforcement",)),
        # force on a person told in the active is enforcement; on a thing it is not
        ("Two men jumped out, grabbed my brother, and put him in a van.", ("enforcement",)),
        ("The speech grabbed our attention.", ()),
        ("He grabbed the microphone and walked off.", ()),
        # where the agency turns its attention
        ("Courthouses have become a focus of ICE, lawyers say.", ("enforcement",)),
        # a jail holding a person for the agency, and telling the agency of them
        ("After that, the office holds the person for two more days.", ("enforcement",)),
        ("The office notifies ICE each morning.", ("enforcement", "policy")),
        ("The club holds its dinner for members in June.", ()),
        # a lawsuit promised or pursued, under other words
        ("The board chair promised legal action on Tuesday.", ("policy",)),
        ("The city has been litigating the question since 2019.", ("policy",)),
        ("He took legal notes for the meeting.", ()),
    ],
)
def test_categories_of_passive_acts_and_ended_practices(sentence, cats):
    assert categories(sentence, False) == cats


@pytest.mark.parametrize("sentence", [
    "Advocates fear the government will remove parents who have lived here for decades.",
    "The agency removes people with final orders every week.",
    "Lawyers are fighting an effort to keep removing asylum seekers from the county.",
])
def test_the_verb_remove_is_enforcement_like_removal_and_removed(sentence):
    assert "enforcement" in categories(sentence, False)


@pytest.mark.parametrize("sentence", [
    "But that power was revoked two years later.",  # taking back an authority
    "Nine counties have applied to ICE for the training.",  # asking to join a program
    "Two more towns applied for the program this spring.",
])
def test_revoking_and_applying_to_a_program_are_policy(sentence):
    assert "policy" in categories(sentence, False)


def test_applying_for_asylum_is_not_a_policy_by_itself():
    assert "policy" not in categories("She applied for asylum in 2019.", False)


@pytest.mark.parametrize("sentence", [
    "A search warrant was being served at a bakery across the street.",
    "Agents executed arrest warrants at two farms east of town.",
])
def test_a_warrant_served_or_executed_is_enforcement(sentence):
    assert "enforcement" in categories(sentence, False)


@pytest.mark.parametrize("sentence", [
    "\u201cWe won\u2019t be actively involved in any sweeps,\u201d the chief said.",
    "Deputies will not be involved in immigration checks at the fair.",
])
def test_a_stance_on_being_involved_is_policy(sentence):
    assert "policy" in categories(sentence, "\u201c" in sentence)


def test_being_involved_in_an_event_is_no_stance():
    assert "policy" not in categories("Two deputies were involved in the crash.", False)


@pytest.mark.parametrize(("text", "name"), [
    ("Ann Ruiz Sept. 27 signed the order.", "Ann Ruiz"),
    ("Ann Ruiz Monday said the jail was full.", "Ann Ruiz"),
    ("Ann Ruiz March 5 announced the plan.", "Ann Ruiz"),
    ("Mary June Ruiz said the jail was full.", "Mary June Ruiz"),  # a month alone: a name
])
def test_a_date_after_a_name_is_not_part_of_it(text, name):
    import re

    from geo.text import PERSON_NAME
    assert re.match(PERSON_NAME, text).group(0) == name
