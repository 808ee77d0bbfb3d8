"""The five seed articles through the whole pipeline, with the real gazetteer and geoparser.

Each test names the trap it checks. The store is built once per module and backend: a SQLite
file in a temporary folder and a database of the tests' PostgreSQL (the same reads must hold on
both).
"""

from __future__ import annotations

import pytest

from news.articles import ARTICLES_DIR
from news.linking import CONTEXT_METHODS
from news.store import Filters, Store, build_store

IBT = "2017-03-24-ibt-ice-raids-sanctuary-cities"
INFOWARS = "2017-03-24-infowars-ice-raids-retaliation"
VOCATIV = "2017-03-24-vocativ-ramped-up-ice-raids"
M365 = "2017-03-24-madison365-ice-targeting-sanctuary-cities"
BLASTING = "2017-09-blastingnews-sanctuary-cities-targeted"
TRAVIS, AUSTIN, TEXAS = "48453", "4805000", "48"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request, tmp_path_factory):
    if request.param == "sqlite":
        db = f"sqlite:///{tmp_path_factory.mktemp('seeds') / 'store.sqlite'}"
    else:
        db = request.getfixturevalue("postgres").create_database()
    report = build_store(ARTICLES_DIR, cache_path=None, database=db)
    assert report.errors == () and report.articles == 5
    return Store(db)


def excerpt(store, article, starts):
    texts = store.article(article).text
    (e,) = [e for e in store.excerpts(Filters(articles=(article,))) if e.text.startswith(starts)]
    assert texts[e.start : e.end] == e.text
    return e


def linked_by_context(e, jurisdiction):
    """Linked to the jurisdiction by a context mechanism (not named in the sentence)."""
    return any(j == jurisdiction and how in CONTEXT_METHODS for j, how in e.links)


def mentions(store, article):
    return {(m.text, m.jurisdiction) for m in store.mentions(article)}


def test_every_offset_indexes_the_stored_text(store):
    for a in store.articles():
        for m in store.mentions(a.id):
            assert a.text[m.start : m.end] == m.text
        for e in store.excerpts(Filters(articles=(a.id,))):
            assert a.text[e.start : e.end] == e.text
            for f in e.figures:
                assert a.text[f["start"] : f["end"]] == f["text"]
    for q in store.quotes(Filters()):
        assert store.article(q.article).text[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert store.article(q.article).text[q.speaker_start : q.speaker_end] == q.speaker


def test_her_department_is_travis_county_with_the_48_hour_detainer_policy(store):
    e = excerpt(store, IBT, "Her department announced")
    assert linked_by_context(e, TRAVIS)
    assert "policy" in e.categories
    assert [f["text"] for f in e.figures] == ["48 hours"]


def test_51_people_arrested_is_an_enforcement_figure_in_travis_county(store):
    e = excerpt(store, IBT, "But just days following")
    assert "enforcement" in e.categories
    (fig,) = e.figures
    assert (fig["value"], fig["unit"]) == (51, "people")
    assert TRAVIS in e.jurisdictions


def test_the_sheriffs_county_and_the_county(store):
    e = excerpt(store, IBT, "However, ICE has categorically denied")
    assert linked_by_context(e, TRAVIS)
    e = excerpt(store, INFOWARS, "ICE denied the operations")
    assert linked_by_context(e, TRAVIS)


def test_judge_named_austin_is_not_the_city(store):
    text = store.article(IBT).text
    judge = text.index("Judge Andrew Austin") + len("Judge Andrew ")
    spans = {(m.start, m.jurisdiction) for m in store.mentions(IBT)}
    assert (judge, AUSTIN) not in spans
    assert ("Austin", AUSTIN) in mentions(store, IBT)  # "whether Austin is being targeted"
    assert ("Travis County", TRAVIS) in mentions(store, IBT)
    # a sheriff named Hernandez is not Hernandez, NM
    assert not any(m.text == "Hernandez" for a in (IBT, VOCATIV) for m in store.mentions(a))
    m365 = store.article(M365).text
    for m in store.mentions(M365):
        assert not m365[: m.start].endswith(("Judge Andrew ", "Judge "))


def test_focus_and_passing(store):
    roles = dict(store.article_jurisdictions(IBT))
    assert roles[TRAVIS] == roles[AUSTIN] == "focus"
    assert roles["0644000"] == "passing"  # Los Angeles, in a photo caption
    roles = dict(store.article_jurisdictions(M365))
    assert roles["5548000"] == "focus"  # Madison
    roles = dict(store.article_jurisdictions(BLASTING))
    assert roles["4159000"] == "passing"  # Portland, a visit in passing


def test_magistrate_quote_matched_across_four_outlets_with_differences(store):
    groups = store.quote_groups(Filters())
    group = next(g for g in groups if any("whether Austin is being targeted" in q.text
                                          for q in g.quotes))
    assert set(group.outlets) == {
        "International Business Times", "Infowars", "Vocativ", "Madison365",
    }
    speakers = {(q.outlet, q.speaker) for q in group.quotes}
    assert ("International Business Times", "U.S. Magistrate Judge Andrew Austin") in speakers
    assert ("Infowars", "US Magistrate Judge Andrew Austin") in speakers  # "he said"
    assert ("Madison365", "Austin") in speakers  # as written: "Austin says in audio"
    assert ("Vocativ", "Austin") in speakers
    voc = next(q for q in group.quotes if q.outlet == "Vocativ")
    assert any(op != "equal" for op, _ in group.differences[voc.id])


def test_raid_quote_wording_difference(store):
    group = next(g for g in store.quote_groups(Filters())
                 if any("[the raid]" in q.text for q in g.quotes))
    assert group.outlets == ("Infowars", "International Business Times")
    info = next(q for q in group.quotes if q.outlet == "Infowars")
    changes = [d for d in group.differences[info.id] if d[0] != "equal"]
    assert changes == [("delete", "[the raid]")]
    ibt = next(q for q in group.quotes if q.outlet == "International Business Times")
    assert ibt.speaker == "Judge Austin"


def test_ice_statement_speakers(store):
    quotes = [q for q in store.quotes(Filters()) if q.text.startswith("Rumors and reports")]
    assert {q.outlet for q in quotes} == {"International Business Times", "Infowars"}
    assert {q.speaker for q in quotes} == {"ICE"}  # "read a response from ICE" / "the statement"
    voc = [q for q in store.quotes(Filters(articles=(VOCATIV,))) if q.text.startswith("ICE")]
    assert voc and {q.speaker for q in voc} == {"ICE"}


def test_tom_homan_and_he(store):
    e = excerpt(store, BLASTING, "ICE Acting Director Tom Homan")
    assert e.speaker == "ICE Acting Director Tom Homan"
    assert excerpt(store, BLASTING, "He said").speaker == "ICE Acting Director Tom Homan"
    assert excerpt(store, BLASTING, "To counter the problem").speaker == "Homan"


def test_operation_safe_city_498_arrests_where_it_took_place(store):
    e = excerpt(store, BLASTING, "According to ICE officials, a total of 498")
    assert "enforcement" in e.categories
    assert (e.figures[0]["value"], e.figures[0]["unit"]) == (498, "illegal immigrants")
    assert e.speaker == "ICE officials"
    assert {"1150000", "3651000", "0820000"} <= set(e.jurisdictions)  # DC, NYC, Denver
    assert not store.quotes(Filters(articles=(BLASTING,)))[0].text.startswith("Operation")


def test_blasting_news_geoparsing_traps(store):
    found = mentions(store, BLASTING)
    ids = {j for _, j in found}
    assert ("Washington D.C.", "1150000") in found and "53" not in ids  # not Washington state
    assert ("New York", "3651000") in found  # the city
    assert ("Massachusets", "25") in found  # misspelled
    assert ("Portland", "4159000") in found  # Oregon named elsewhere
    assert any(j.startswith("region:") for j in ids)  # California's Bay Area
    texts = {t for t, _ in found}
    assert not texts & {"Harvey", "Irma", "India", "Mexico", "El Salvador", "Guatemala"}


def test_vocativ_federal_judge_in_texas_and_the_local_sheriff(store):
    e = excerpt(store, VOCATIV, "The revelation comes")
    assert e.speaker != "Texas"
    assert {TEXAS, AUSTIN} <= set(e.jurisdictions) and linked_by_context(e, TRAVIS)


def test_madison_officials_and_the_area(store):
    e = excerpt(store, M365, "Madison Mayor Paul Soglin")
    assert {"5548000", "55025"} <= set(e.jurisdictions)
    assert "policy" in e.categories
    e = excerpt(store, M365, "ICE denied that the area")
    assert linked_by_context(e, AUSTIN)
    e = excerpt(store, M365, "An anonymous source told CNN")
    assert {"3651000", "0644000", "1714000"} <= set(e.jurisdictions)  # "those locations"


def test_captions_are_kept_and_marked(store):
    a = store.article(M365)
    ((s, e),) = a.captions
    assert a.text[s:e].startswith("U.S. Immigration and Customs Enforcement (ICE) officers")
    assert ("Atlanta", "1304000") in mentions(store, M365)


def test_summaries_for_the_map(store):
    travis = next(s for s in store.jurisdiction_summaries(Filters()) if s.id == TRAVIS)
    assert travis.display_name == "Travis County, TX"
    assert len(travis.outlets) == 4
    assert travis.by_category["enforcement"] > 0 and travis.by_category["quote"] > 0
