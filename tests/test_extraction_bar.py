"""The labelled evaluation set: the scorer's rules, the set's own consistency, and the bar the
test split must not slide below.

Raising the bar: run ``PYTHONPATH=$PWD python bench/extraction.py --split test``, then set the
constants below to the new figures minus a small margin, and say in the commit what was measured.
"""

from __future__ import annotations

import pytest

from geo import load_gazetteer
from news.evaluation import (
    SPLITS,
    Annotation,
    AnnotationError,
    Fact,
    load_split,
    normalise,
    parse_annotation,
    score_article,
    score_split,
    split_of,
)
from news.pipeline import ArticleAnalysis, Excerpt, MentionHit, QuoteHit
from news.quotes import Quote

# The bar on the TEST split. Measured 2026-12-02 on branch linking rebased on main (after the
# lexicon classes and speaker fixes) with 24 test articles: recall 83/92, precision 91/98,
# forbidden 3, facts 99/135 (quote 24/32, policy 44/66, enforcement 31/37). The set then grew
# (27 test articles, same code): recall 96/106, precision 104/113, forbidden 5, facts 110/157
# (quote 28/36, policy 48/79, enforcement 34/42); and again (37 test articles, main after the
# linking of 8cefe9b): recall 134/146, precision 143/152, forbidden 5, facts 155/224 (quote 36/50,
# policy 69/115, enforcement 50/59). Facts measured again on branch linking rebased on main
# at 10:40 UTC (47 test articles): facts 214/272 (quote 45/57, policy 105/140, enforcement
# 64/75); and at 11:00 UTC (same set): facts 219/272 (quote 45/57, policy 109/140, enforcement
# 65/75). Jurisdictions measured on branch geoparse rebased on main at 11:06 UTC (47 test
# articles): recall 164/175 (0.937), precision 173/181 (0.956), forbidden 5. Each bar is the
# figure minus a margin of about one article's worth; raise them as extraction improves.
# 2026-12-02 18:40 UTC: the set grew by 11 test articles (81, landed whatever their figures,
# decided before they were scored): recall 309/315, precision 325/336, forbidden 7, facts 439/500
# (quote 78/98, policy 253/283, enforcement 108/119); the forbidden maximum follows the figure.
# 2026-12-03 07:20 UTC, main 4ec4c99 (93 test articles, 161 dev): recall 360/368 (0.978),
# precision 377/390 (0.967), forbidden 7, facts 493/560 (quote 87/111, policy 286/317,
# enforcement 120/132); the bars rise to those figures minus about one article's worth.
# 2026-12-03 10:13 UTC, main b758747 (93 test articles, 197 dev): recall 360/368, precision
# 377/390, forbidden 6, facts 496/560 (quote 89/111, policy 287/317, enforcement 120/132); the
# bars rise again to those figures minus about one article's worth.
BAR_JURISDICTION_RECALL = 0.95
BAR_JURISDICTION_PRECISION = 0.94
BAR_FORBIDDEN_MAX = 6
BAR_FACTS = 0.87
BAR_FACTS_BY_CATEGORY = {"quote": 0.78, "policy": 0.89, "enforcement": 0.89}


# --- the scorer on a hand-made article --------------------------------------------------------

TEXT = 'Lake County Sheriff Ann Ruiz ended the detainers. "We are not agents," Ruiz said.'
LAKE, CROWN_POINT, INDIANA = "18089", "1815742", "18"


def analysis(links=((LAKE, "named"),), categories=("policy",), speaker="Ann Ruiz",
             quote_speaker="Ruiz", mentions=((0, 11, LAKE),)):
    first = TEXT.index(".") + 1
    second = len(TEXT)
    q_start = TEXT.index('"')
    q_end = TEXT.index('"', q_start + 1) + 1
    return ArticleAnalysis(
        mentions=tuple(MentionHit(s, e, TEXT[s:e], j, "test", 1.0) for s, e, j in mentions),
        excerpts=(
            Excerpt(0, first, TEXT[:first], categories, tuple(links), speaker, ()),
            Excerpt(first + 1, second, TEXT[first + 1 :], ("quote",), tuple(links), None, ()),
        ),
        quotes=(QuoteHit(Quote(q_start, q_end, TEXT[q_start:q_end], quote_speaker, None, None,
                               False), 1),),
    )


def annotation(**overrides):
    data = {
        "required": [[LAKE], [CROWN_POINT, LAKE]],
        "optional": [INDIANA],
        "forbidden": [{"name": "Ruiz", "why": "a surname"}, {"id": "06", "why": "not California"}],
        "facts": [
            {"id": LAKE, "category": "policy", "contains": "ended the  detainers"},
            {"id": CROWN_POINT, "alt_ids": [LAKE], "category": "quote",
             "contains": "We are not agents", "speaker": "Ann Ruiz"},
        ],
    }
    data.update(overrides)
    return parse_annotation("a", data)


def test_a_fact_holds_only_when_id_category_phrase_and_speaker_all_match():
    s = score_article(annotation(), analysis())
    assert s.facts["policy"] == [1, 1] and s.facts["quote"] == [1, 1]
    # wrong jurisdiction: neither the id nor an alternative is linked
    s = score_article(annotation(), analysis(links=[("06", "named")]))
    assert s.facts["policy"] == [0, 1] and s.facts["quote"] == [0, 1]
    # wrong category
    s = score_article(annotation(), analysis(categories=("enforcement",)))
    assert s.facts["policy"] == [0, 1] and s.facts["quote"] == [1, 1]
    # wrong speaker: neither the excerpt's nor the quote's speaker carries the surname
    s = score_article(annotation(), analysis(quote_speaker="Smith"))
    assert s.facts["quote"] == [0, 1]
    # the speaker on the quote alone is enough; a surname must match a whole word
    s = score_article(annotation(), analysis(speaker=None, quote_speaker="Sheriff Ann Ruiz"))
    assert s.facts["quote"] == [1, 1]
    s = score_article(annotation(), analysis(quote_speaker="Ruizson"))
    assert s.facts["quote"] == [0, 1]
    # phrase not in any excerpt
    ann = annotation(facts=[{"id": LAKE, "category": "policy", "contains": "honors detainers"}])
    assert score_article(ann, analysis()).facts["policy"] == [0, 1]
    (missed, seen), = score_article(ann, analysis()).missed_facts
    assert missed.contains == "honors detainers" and "no excerpt" in seen[0]


def test_a_speaker_annotated_with_a_suffix_is_known_by_the_surname():
    def quote_fact(speaker):
        return annotation(facts=[{"id": LAKE, "category": "quote",
                                  "contains": "We are not agents", "speaker": speaker}])
    for annotated in ("Ann Ruiz Jr.", "Ann Ruiz Jr", "Ann Ruiz III", "Ann Ruiz, Sr."):
        for said in ("Ruiz", "Ann Ruiz Jr", "Ruiz Jr."):
            s = score_article(quote_fact(annotated), analysis(quote_speaker=said))
            assert s.facts["quote"] == [1, 1], (annotated, said)
    assert score_article(quote_fact("Ann Ruiz Jr."),
                         analysis(speaker=None, quote_speaker="Tom Jr")).facts["quote"] == [0, 1]


def test_jurisdictions_recall_precision_and_forbidden():
    s = score_article(annotation(), analysis(mentions=((0, 11, LAKE),)))
    assert (s.groups_found, s.groups, s.returned_right, s.returned) == (2, 2, 1, 1)
    assert s.forbidden_hits == []
    # an extra id is a precision error; an optional one is not; a forbidden name is caught
    ruiz = TEXT.index("Ruiz said")
    s = score_article(annotation(), analysis(mentions=(
        (0, 11, INDIANA), (20, 28, "3900000"), (ruiz, ruiz + 4, "4800000"),
    )))
    assert (s.groups_found, s.groups) == (0, 2)
    assert s.returned == 3 and s.returned_right == 1
    assert [f.name for f, _ in s.forbidden_hits] == ["Ruiz"]
    # a forbidden id is caught on an excerpt link too
    s = score_article(annotation(), analysis(links=[("06", "context")]))
    assert [f.id for f, _ in s.forbidden_hits] == ["06"]


def test_an_empty_analysis_scores_zero():
    s = score_article(annotation(), ArticleAnalysis())
    assert s.groups_found == 0 and s.facts["policy"][0] == s.facts["quote"][0] == 0


@pytest.mark.parametrize("bad", [
    {"facts": [{"id": LAKE, "category": "opinion", "contains": "x"}]},
    {"facts": [{"id": LAKE, "category": "quote", "contains": "x"}]},  # a quote needs a speaker
    {"facts": [{"id": LAKE, "category": "policy", "contains": ""}]},
    {"forbidden": [{"name": "Ruiz"}]},  # no why
    {"forbidden": [{"id": "06", "name": "California", "why": "both"}]},
    {"required": [[]]},
    {"colour": "red"},
])
def test_annotations_off_the_schema_are_refused(bad):
    with pytest.raises(AnnotationError):
        annotation(**bad)


def test_normalise_folds_case_quotes_and_spaces():
    assert normalise("The county\u2019s  JAIL \u201csaid\u201d") == "the county's jail \"said\""


# --- the set itself ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def splits():
    return {split: load_split(split) for split in SPLITS}


def test_every_article_loads_and_sits_in_the_split_of_its_url(splits):
    urls = {}
    for split in ("dev", "test"):
        assert splits[split], f"the {split} split is empty"
        for article, _ in splits[split]:
            assert split_of(article.url) == split, article.id
            assert article.url not in urls, f"{article.url} twice"
            urls[article.url] = split


def test_annotated_phrases_ids_and_speakers_are_in_the_articles(splits):
    gazetteer = load_gazetteer()
    for split, pairs in splits.items():
        for article, ann in pairs:
            body = normalise(article.text)
            ids = [i for g in ann.required for i in g] + list(ann.optional)
            ids += [i for f in ann.facts for i in f.ids] + [f.id for f in ann.forbidden if f.id]
            for i in ids:
                assert i.startswith("region:") or i in gazetteer, f"{split}/{article.id}: id {i}"
            for f in ann.facts:
                assert normalise(f.contains) in body, f"{split}/{article.id}: {f.contains!r}"
                assert 3 <= len(f.contains.split()) <= 10, f"{split}/{article.id}: {f.contains!r}"
                if f.speaker:
                    assert normalise(f.speaker).split()[-1] in body, f"{article.id}: {f.speaker}"


def test_the_annotation_types_are_plain_data():
    ann = annotation()
    assert isinstance(ann, Annotation) and all(isinstance(f, Fact) for f in ann.facts)


# --- the bar ----------------------------------------------------------------------------------

def test_test_split_does_not_slide_below_the_bar():
    score = score_split("test")
    assert score.articles
    assert score.recall >= BAR_JURISDICTION_RECALL
    assert score.precision >= BAR_JURISDICTION_PRECISION
    assert score.forbidden <= BAR_FORBIDDEN_MAX
    held, total = score.facts()
    assert held / total >= BAR_FACTS
    for category, bar in BAR_FACTS_BY_CATEGORY.items():
        held, total = score.facts(category)
        assert total and held / total >= bar, category
