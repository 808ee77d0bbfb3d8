"""An article written for the tests (not a seed), through the real geoparser: the rules must
hold on text nobody tuned them to."""

from __future__ import annotations

from news.linking import CONTEXT_METHODS
from news.pipeline import analyze_text

TEXT = """OAKLAND, Calif. — Immigration agents arrested 150 people across Alameda and Santa Clara \
counties last week, officials said Tuesday.

"These operations target public safety threats," said ICE spokesman James Schwab. "We will \
continue to enforce the law."

Oakland Mayor Libby Schaaf, who warned residents of the raids in advance, defended her decision. \
"I stand by my decision," Schaaf said in a statement.

The city council voted in 2017 to end the city's cooperation agreement with ICE. Santa Clara \
County has refused to honor detainers since 2011, and the county's sheriff, Laurie Smith, said \
her office would not change that policy.

Gov. Jerry Brown signed SB 54 into law in October, limiting how state and local police can \
cooperate with federal agents. The state also faces a lawsuit from the Justice Department.

Attorney General Jeff Sessions called the law "unconstitutional" and said: "California is using \
every power it has to obstruct federal law enforcement."
"""
OAKLAND, CALIFORNIA, ALAMEDA, SANTA_CLARA = "0653000", "06", "06001", "06085"


def analysis():
    return analyze_text(TEXT)


def linked_by_context(e, jurisdiction):
    return any(j == jurisdiction and how in CONTEXT_METHODS for j, how in e.jurisdictions)


def excerpt(r, starts):
    (e,) = [e for e in r.excerpts if e.text.startswith(starts)]
    return e


def test_counties_listed_together_and_dateline():
    r = analysis()
    e = excerpt(r, "OAKLAND, Calif.")
    assert {OAKLAND, ALAMEDA, SANTA_CLARA} <= {j for j, _ in e.jurisdictions}
    assert [f.text for f in e.figures] == ["150 people"]
    assert e.categories == ("enforcement",)


def test_speakers_in_several_forms():
    r = analysis()
    speakers = [h.quote.speaker for h in r.quotes]
    assert speakers == [
        "ICE spokesman James Schwab", "ICE spokesman James Schwab", "Schaaf",
        # 'called the law "unconstitutional"': what he calls it is his word, a quote too
        "Attorney General Jeff Sessions", "Attorney General Jeff Sessions",
    ]
    assert excerpt(r, "The city council voted").speaker is None
    assert excerpt(r, "The city council voted").categories == ("policy",)
    assert "Laurie Smith" == excerpt(r, "Santa Clara County has refused").speaker


def test_context_links_city_state_and_the_mayors_quote():
    r = analysis()
    assert linked_by_context(excerpt(r, "The city council voted"), OAKLAND)
    assert linked_by_context(excerpt(r, "\"I stand by my decision"), OAKLAND)
    assert linked_by_context(excerpt(r, "Gov. Jerry Brown"), CALIFORNIA)
    assert linked_by_context(excerpt(r, "The state also faces"), CALIFORNIA)


def test_bill_numbers_and_years_are_not_figures():
    r = analysis()
    assert excerpt(r, "Gov. Jerry Brown").figures == ()
    assert excerpt(r, "The city council voted").figures == ()


def test_offsets():
    r = analysis()
    for m in r.mentions:
        assert TEXT[m.start : m.end] == m.text
    for e in r.excerpts:
        assert TEXT[e.start : e.end] == e.text
    for h in r.quotes:
        assert TEXT[h.quote.start : h.quote.end] == h.quote.text
        assert TEXT[h.quote.speaker_start : h.quote.speaker_end] == h.quote.speaker
