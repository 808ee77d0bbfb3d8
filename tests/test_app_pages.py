"""Every page under AppTest: it runs without exception and each filter changes what is shown.

The pages read the real store built from data/articles/ (the seed articles); expectations are
computed from the store itself, so the tests check that the page shows what the store holds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.testing import open_filters, plain, run_app

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "app.py"
ARTICLES = REPO / "pages" / "1_Articles.py"
QUOTES = REPO / "pages" / "2_Quotes.py"
OUTLETS = REPO / "pages" / "3_Outlets.py"
ADD = REPO / "pages" / "4_Add_article.py"
TRAVIS = "48453"


@pytest.fixture(scope="module")
def store():
    from news.store import Store, ensure_store

    return Store(ensure_store())


def _run(path: Path, **params: str | list[str]) -> AppTest:
    return run_app(None if path == APP else str(path.relative_to(REPO)), **params)


def _in_view(at: AppTest) -> tuple[int, int]:
    caption = next(c.value for c in at.caption if c.value.startswith("In view:"))
    m = re.match(r"In view: (\d+) jurisdictions? · (\d+) excerpts?", caption)
    assert m, caption
    return int(m.group(1)), int(m.group(2))


def _text(at: AppTest) -> str:
    return "\n".join([*(m.value for m in at.markdown), *(c.value for c in at.caption),
                      *(h.value for h in at.subheader), *(h.value for h in at.header)])


_plain = plain


def test_map_page_shows_every_jurisdiction_of_the_store(store):
    from news.store import Filters

    at = _run(APP)
    assert not at.error, [e.value for e in at.error]  # static serving on, store readable
    n, n_ex = _in_view(at)
    assert n == len(store.jurisdiction_summaries(Filters()))
    assert n_ex == len(store.excerpts(Filters()))
    assert at.button, "the overview lists the most reported jurisdictions as buttons"


@pytest.mark.parametrize(("widget", "pick"), [
    ("outlet", lambda store: [store.outlets()[0]]),
    ("article", lambda store: [store.articles()[0].id]),
    ("category", lambda store: ["policy"]),
    ("kind", lambda store: ["county"]),
])
def test_each_sidebar_filter_changes_the_map(store, widget, pick):
    from news.store import Filters

    at = open_filters(_run(APP))
    before = _in_view(at)
    value = pick(store)
    at.sidebar.multiselect(key=f"filter_{widget}").set_value(value).run(timeout=60)
    assert not at.exception
    field = {"outlet": "outlets", "article": "articles", "category": "categories",
             "kind": "kinds"}[widget]
    f = Filters(**{field: tuple(value)})
    expected = (len(store.jurisdiction_summaries(f)), len(store.excerpts(f)))
    assert _in_view(at) == expected
    assert expected != before, f"filtering by {widget}={value} should change the view"
    # the filter is in the URL, so a link reproduces the view
    got = at.query_params[widget]
    assert (got if isinstance(got, list) else [got]) == value


def test_filters_come_from_the_url(store):
    from news.store import Filters

    outlet = store.outlets()[-1]
    at = _run(APP, outlet=outlet)
    assert at.sidebar.multiselect(key="filter_outlet").value == [outlet]
    assert _in_view(at)[0] == len(store.jurisdiction_summaries(Filters(outlets=(outlet,))))


def test_the_filters_start_closed_and_open_when_the_url_carries_one(store):
    """The sidebar's filters are an expander whose widgets are drawn only while it is open
    (fewer scripts for the browser before the map): closed with no filter, open when the link
    carries one; closed again by the user, the filters still apply, named in its label."""
    from news.dates import DateRange
    from news.store import Filters
    from ui.sidebar import FILTERS_KEY

    at = _run(APP)
    assert [e.label for e in at.sidebar.expander] == ["Filters", "Map"]
    assert not at.sidebar.multiselect and not at.sidebar.date_input
    assert _in_view(at)[0] == len(store.jurisdiction_summaries(Filters()))

    outlet = store.outlets()[0]
    at = _run(APP, outlet=outlet, **{"from": "2017-03-01"})
    assert at.sidebar.expander[0].label == "Filters: 2 active (outlet, dates)"
    assert at.sidebar.multiselect(key="filter_outlet").value == [outlet]
    assert at.sidebar.date_input(key="filter_from").value.isoformat() == "2017-03-01"
    f = Filters(outlets=(outlet,), dates=DateRange(at.sidebar.date_input(key="filter_from").value))
    expected = len(store.jurisdiction_summaries(f))
    assert _in_view(at)[0] == expected

    at.session_state[FILTERS_KEY] = False
    at.run(timeout=60)
    assert not at.exception
    assert not at.sidebar.multiselect and not at.sidebar.date_input
    assert at.sidebar.expander[0].label == "Filters: 2 active (outlet, dates)"
    assert _in_view(at)[0] == expected
    assert at.query_params["outlet"] in (outlet, [outlet])
    assert at.query_params["from"] in ("2017-03-01", ["2017-03-01"])
    # a filter the user adds, the box open again, names itself too
    at = open_filters(at)
    at.sidebar.multiselect(key="filter_category").set_value(["quote"]).run(timeout=60)
    assert at.sidebar.expander[0].label == (
        "Filters: 3 active (outlet, category, dates)")


def test_articles_from_other_outlets_are_a_warning_open_or_closed(store):
    from ui.sidebar import FILTERS_KEY

    outlet = store.outlets()[0]
    other = next(a for a in store.articles() if a.outlet != outlet)
    at = _run(APP, outlet=outlet, article=other.id)
    message = "None of the chosen articles is from the chosen outlets."
    assert message in [w.value for w in at.sidebar.warning]
    at.session_state[FILTERS_KEY] = False
    at.run(timeout=60)
    assert not at.sidebar.multiselect
    assert message in [w.value for w in at.sidebar.warning]


def test_selected_jurisdiction_panel(store):
    at = _run(APP, j=TRAVIS)
    text = _plain(_text(at))
    assert "Travis County, TX" in text
    assert "Travis County, TX — in Texas" in text
    # a card's figures: "48 hours" is in the 4th enforcement excerpt (on a later page)
    from ui.panel import FIRST_EXCERPTS, page_key

    page = 3 // FIRST_EXCERPTS + 1
    if page > 1:
        at.pagination(key=page_key(TRAVIS, "enforcement")).set_value(page).run(timeout=60)
    assert "48 hours" in _plain(_text(at))
    headings = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert any(h.startswith("#### Enforcement actions") for h in headings)
    assert any(h.startswith("#### Policies") for h in headings)
    assert any(h.startswith("#### Quotes") for h in headings)
    # one click to a related jurisdiction (its state) selects it
    related = at.pills(key=f"related-{TRAVIS}")
    assert any(_plain(o).startswith("Texas") for o in related.options)
    related.set_value("48").run(timeout=60)
    assert at.query_params["j"] in ("48", ["48"])
    assert "Texas" in [s.value for s in at.subheader]


def test_panel_shows_the_first_excerpts_and_every_page_in_order(store):
    from news.store import Filters
    from ui.data import group_excerpts
    from ui.panel import FIRST_EXCERPTS, page_key

    only = Filters(categories=("enforcement",))
    enforcement = group_excerpts(store.excerpts(only, jurisdiction=TRAVIS))["enforcement"]
    n = len(enforcement)
    assert n > FIRST_EXCERPTS  # Travis County has more than fit on a page
    at = _run(APP, j=TRAVIS, category="enforcement")
    read: list[str] = []
    for page in range(1, -(-n // FIRST_EXCERPTS) + 1):
        pager = at.pagination(key=page_key(TRAVIS, "enforcement"))
        if page > 1:
            pager.set_value(page).run(timeout=60)
            assert not at.exception
            pager = at.pagination(key=page_key(TRAVIS, "enforcement"))
        assert pager.value == page
        links = [p.proto.query_string for p in at.get("page_link")
                 if "read=" in p.proto.query_string]
        assert 0 < len(links) <= FIRST_EXCERPTS  # a page is all that is drawn
        read += links
    # every excerpt was on a page, once and in order, each with its sentence's link
    assert read == [f"read={e.article}&at={e.start}" for e in enforcement]


def test_a_click_keeps_the_drawn_map_and_swaps_the_selection(store):
    """A click sends the same map script (streamlit-folium keeps the mounted map) and only a
    new selection feature group (feature_group_to_add), which names the selected jurisdiction."""
    at = _run(APP)
    before = [json.loads(c.proto.json_args) for c in at.get("component_instance")]
    assert len(before) == 1 and before[0]["script"]  # the map
    at.query_params["j"] = TRAVIS
    at.run(timeout=60)
    assert "Travis County, TX" in [s.value for s in at.subheader]
    after = [json.loads(c.proto.json_args) for c in at.get("component_instance")]
    assert len(after) == 1
    for same in ("script", "key", "html", "header"):
        assert after[0][same] == before[0][same], same
    assert 'id = null' in before[0]["feature_group"]
    assert f'id = "{TRAVIS}"' in after[0]["feature_group"]


def test_category_filter_limits_the_panel_groups():
    at = _run(APP, j=TRAVIS, category="quote")
    headings = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert any(h.startswith("#### Quotes") for h in headings)
    assert not any(h.startswith("#### Policies") for h in headings)


def test_unknown_jurisdiction_in_url_is_a_message():
    at = _run(APP, j="99999")
    assert at.warning and "Unknown jurisdiction" in _plain(at.warning[0].value)


def test_every_page_runs_via_switch_page():
    at = _run(APP)
    for page in ("pages/1_Articles.py", "pages/2_Quotes.py", "pages/3_Outlets.py",
                 "pages/4_Add_article.py"):
        at.switch_page(page).run(timeout=60)
        assert not at.exception, (page, [e.value for e in at.exception])


def test_articles_reader(store):
    from news.store import Filters

    art = next(a for a in store.articles() if "ibt" in a.id) if any(
        "ibt" in a.id for a in store.articles()) else store.articles()[0]
    at = open_filters(_run(ARTICLES, read=art.id))
    assert _plain(at.header[0].value) == art.title
    assert at.selectbox(key="read").value == art.id
    n_all = len(store.excerpts(Filters(articles=(art.id,))))
    assert f"**Excerpts** ({n_all})" in [m.value for m in at.markdown]
    # the category filter changes which excerpts are highlighted
    at.sidebar.multiselect(key="filter_category").set_value(["quote"]).run(timeout=60)
    n_q = len(store.excerpts(Filters(articles=(art.id,), categories=("quote",))))
    assert f"**Excerpts** ({n_q})" in [m.value for m in at.markdown]
    assert n_q != n_all


def test_articles_outlet_filter_limits_the_choice(store):
    outlet = store.outlets()[0]
    at = _run(ARTICLES, outlet=outlet)
    ids = {a.id for a in store.articles() if a.outlet == outlet}
    options = at.selectbox(key="read").options  # the labels: "title — outlet, date"
    assert len(options) == len(ids) < len(store.articles())
    assert all(f"— {outlet}," in o for o in options)


def test_quotes_page_and_outlet_filter(store):
    from news.store import Filters

    at = open_filters(_run(QUOTES))
    n_all = len(store.quotes(Filters()))
    assert any(c.value.startswith(f"{n_all} quote{'' if n_all == 1 else 's'} from") for c in at.caption)
    outlet = store.outlets()[0]
    at.sidebar.multiselect(key="filter_outlet").set_value([outlet]).run(timeout=60)
    assert not at.exception
    n = len(store.quotes(Filters(outlets=(outlet,))))
    if n:
        assert any(c.value.startswith(f"{n} quote{'' if n == 1 else 's'} from") for c in at.caption)
    else:
        assert at.info
    assert n != n_all


def test_outlets_page_and_filter(store):
    at = open_filters(_run(OUTLETS))
    table = at.dataframe[0].value
    assert sorted(table["outlet"]) == sorted(store.outlets())
    assert any(m.value == "**People**" for m in at.markdown)
    outlet = store.outlets()[0]
    at.sidebar.multiselect(key="filter_outlet").set_value([outlet]).run(timeout=60)
    assert list(at.dataframe[0].value["outlet"]) == [outlet]


def test_add_article_refuses_bad_input_and_writes_nothing():
    before = sorted((REPO / "data" / "articles").iterdir())
    at = _run(ADD)
    at.button[1].click().run(timeout=60)  # Save with everything empty
    errors = [e.value for e in at.error]
    assert any("empty" in e for e in errors)
    assert any("outlet" in e for e in errors)
    at.text_input[0].input("A title")
    at.text_area[0].input("ICE agents arrested 12 people in Travis County, Texas.")
    at.text_input[3].input("javascript:alert(1)")
    at.button[1].click().run(timeout=60)
    errors = [e.value for e in at.error]
    assert any("outlet" in e for e in errors) and any("URL" in e for e in errors)
    assert sorted((REPO / "data" / "articles").iterdir()) == before


def test_add_article_preview_finds_jurisdictions():
    at = _run(ADD)
    at.text_input[0].input("Preview")
    at.text_input[1].input("Test Outlet")
    at.text_area[0].input("The sheriff of Travis County, Texas, said ICE agents arrested 51 "
                          "people in raids in Austin.")
    at.button[0].click().run(timeout=60)
    assert not at.exception
    assert any(s.value.startswith("Jurisdictions found (") and not s.value.endswith("(0)")
               for s in at.subheader)
    assert "Travis County" in _plain(_text(at))


def test_a_preview_the_extraction_fails_on_is_a_message(monkeypatch):
    import news.pipeline

    real = news.pipeline.analyze_text

    def failing(text, *args, **kwargs):
        if "Peoria" in text:
            raise IndexError("list index out of range")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(news.pipeline, "analyze_text", failing)
    at = _run(ADD)
    at.text_input[0].input("Preview")
    at.text_input[1].input("Test Outlet")
    at.text_area[0].input("ICE agents arrested 9 people in Peoria, Illinois.")
    at.button[0].click().run(timeout=60)
    assert not at.exception
    (error,) = [_plain(e.value) for e in at.error]
    assert "extraction failed on this text (IndexError: list index out of range)" in error
    assert not at.subheader  # no half preview


def test_online_tiles_toggle_runs():
    from ui.sidebar import MAP_OPTIONS_KEY

    def tiles_in_map(at: AppTest) -> bool:
        (args,) = [json.loads(c.proto.json_args) for c in at.get("component_instance")]
        return "openstreetmap" in args["script"].lower()

    at = _run(APP)
    assert not at.sidebar.toggle and not tiles_in_map(at)  # drawn once "Map" is open
    at.session_state[MAP_OPTIONS_KEY] = True
    at.run(timeout=60)
    at.sidebar.toggle(key="tiles").set_value(True).run(timeout=60)
    assert not at.exception
    assert tiles_in_map(at)
    # closed again, the tiles stay on
    at.session_state[MAP_OPTIONS_KEY] = False
    at.run(timeout=60)
    assert not at.exception
    assert not at.sidebar.toggle and tiles_in_map(at)


def test_a_filter_that_matches_nothing_is_a_message(store):
    from itertools import product

    from news.store import Filters
    from ui.data import CATEGORIES, KINDS

    empty = next(((k, c) for k, c in product(KINDS, CATEGORIES)
                  if not store.jurisdiction_summaries(Filters(kinds=(k,), categories=(c,)))),
                 None)
    if empty is None:
        pytest.skip("every kind has excerpts of every category in this corpus")
    at = _run(APP, kind=empty[0], category=empty[1])
    assert _in_view(at)[0] == 0
    assert any("No jurisdiction matches" in i.value for i in at.info)



def test_a_long_article_filter_sends_only_the_matches_of_a_search(store, monkeypatch):
    """Beyond ui.sidebar.MAX_OPTIONS the article filter lists the first matches of a search
    box and what the URL selected; the filter and the URL behave as before."""
    import ui.sidebar

    monkeypatch.setattr(ui.sidebar, "MAX_OPTIONS", 2)
    articles = store.articles()
    assert len(articles) > 2
    last = articles[-1]
    at = _run(APP, article=[last.id])
    box = at.sidebar.multiselect(key="filter_article")
    assert box.value == [last.id]
    assert len(box.options) <= 3 and any(last.title in o for o in box.options)
    word = max(articles[0].title.split(), key=len)
    at.sidebar.text_input(key="filter_article_search").set_value(word).run(timeout=60)
    assert not at.exception
    options = at.sidebar.multiselect(key="filter_article").options
    assert any(articles[0].title in o for o in options)
    assert all(word.casefold() in o.casefold() or last.title in o for o in options)
    at.sidebar.multiselect(key="filter_article").set_value([last.id, articles[0].id]).run(
        timeout=60)
    assert not at.exception
    got = at.query_params["article"]
    assert sorted(got if isinstance(got, list) else [got]) == sorted([last.id, articles[0].id])
