"""Attribution shapes of issue 11's quote work: made-up sentences, run through the real
pipeline; no sentence here is from the evaluation set."""

from __future__ import annotations

from news.pipeline import analyze_text


def speakers(text: str) -> dict[str, str | None]:
    """First words of each quote -> its speaker."""
    return {" ".join(h.quote.text.split()[:3]): h.quote.speaker for h in analyze_text(text).quotes}


def test_he_skips_a_woman_named_since():
    text = (
        "Sheriff Tom Berg said he would appeal the decision to end the contract.\n\n"
        "In her report, Attorney General Ann Ruiz found that deputies violated jail policy.\n\n"
        "\"We did everything by the book, every single time,\" he said.\n"
    )
    assert speakers(text)["We did everything"] == "Sheriff Tom Berg"


def test_she_skips_a_man_titled_mr():
    text = (
        "Mayor Ann Ruiz signed the order on Monday.\n\n"
        "Mr. Tom Berg, the council's clerk, read the order aloud to the crowd.\n\n"
        "\"This city will not help deport its own neighbors,\" she said.\n"
    )
    assert speakers(text)["This city will"] == "Mayor Ann Ruiz"


def test_gender_unknown_keeps_the_last_person():
    text = (
        "Sheriff Tom Berg spoke first at the meeting. Mayor Ann Ruiz spoke next.\n\n"
        "\"We have reached an agreement on the jail,\" she said.\n"
    )
    assert speakers(text)["We have reached"] == "Mayor Ann Ruiz"


def test_said_he_tells_the_speakers_sex():
    text = (
        "Tom Berg said he would run for sheriff. Ann Ruiz said she would endorse him.\n\n"
        "\"The jail needs new leadership after all these years,\" he said.\n"
    )
    assert speakers(text)["The jail needs"] == "Tom Berg"


def test_according_to_before_a_quote_names_its_source():
    text = (
        "Sheriff Tom Berg has run the county jail since 2015.\n\n"
        "According to the sheriff, the transfers were \"legal and by the book.\"\n"
    )
    assert speakers(text)["legal and by"] == "Sheriff Tom Berg"


def test_the_subject_after_a_prepositional_object_says_it():
    text = (
        "In a memo to Director Tom Berg, Secretary Ann Ruiz said the jail closed because of "
        "\"ample evidence of unacceptable conditions.\"\n"
    )
    assert speakers(text)["ample evidence of"] == "Secretary Ann Ruiz"


def links_of(text: str, starts: str) -> set[str]:
    r = analyze_text(text)
    (e,) = [e for e in r.excerpts if e.text.startswith(starts)]
    return {j for j, _ in e.jurisdictions}


def test_an_appositive_between_dashes():
    text = (
        "Ann Ruiz \u2014 the Lake County sheriff \u2014 said her deputies would \"keep honoring "
        "every detainer ICE sends us.\"\n"
    )
    assert speakers(text)["keep honoring every"] == "Ann Ruiz"


def test_dashes_become_commas_in_place():
    from news.quotes import commas_for_dashes

    text = "Ann Ruiz \u2014 the sheriff \u2014 said it; Tom Berg -- a deputy -- agreed in 2017\u20132019."
    out = commas_for_dashes(text)
    assert len(out) == len(text)
    assert out.startswith("Ann Ruiz,  the sheriff,  said it; Tom Berg,   a deputy,   agreed")
    assert out.endswith("2017\u20132019.")
    dateline = "LAKE CITY, Fla. \u2014 Ann Ruiz \u2014 the sheriff \u2014 said"
    assert commas_for_dashes(dateline) == "LAKE CITY, Fla. \u2014 Ann Ruiz,  the sheriff,  said"


def test_the_sheriffs_office_is_the_county_of_its_sheriff():
    text = (
        "Lake County Sheriff Ann Ruiz said she is ending the jail's agreement with ICE.\n\n"
        "Since 2012, the jail has also held inmates from Porter County for immigration "
        "agents.\n\n"
        "In a statement, the Sheriff's Office said it \"will no longer hold inmates past their "
        "release date for ICE.\"\n"
    )
    assert "18089" in links_of(text, "In a statement")


def test_the_office_is_the_person_described_with_it():
    text = (
        "Tom Berg, the Lake County sheriff, said he would sue over the contract.\n\n"
        "Secretary Ann Ruiz said the jail failed inspections.\n\n"
        "\"We followed every rule in the book,\" the sheriff said.\n"
    )
    assert speakers(text)["We followed every"] == "Tom Berg"
