"""Dates everywhere (issue 10, part 3): every listed excerpt and article shows its date.

Under AppTest on the store built from the seed articles (four of 24 Mar 2017, one dated only to
Sep 2017). Each listing is checked item by item against the store: the panel's excerpt cards,
the Quotes page, the Articles page and its picker, the sidebar's article filter and the
Outlets table. (Search results: tests/test_app_search.py.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from news.dates import display_date
from ui.testing import open_filters, plain, run_app

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "app.py"
TRAVIS = "48453"


@pytest.fixture(scope="module")
def store():
    from news.store import Store, ensure_store

    return Store(ensure_store())


_run = run_app


_plain = plain
# A card's details: lines of small grey text in its Markdown, escaped (ui.views.excerpt_card).
_DETAILS = re.compile(r":gray\[:small\[((?:\\.|[^\\\]])*)\]\]")


def _card_details(markdown: str) -> list[str]:
    return [_plain(found) for found in _DETAILS.findall(markdown)]


def test_the_seeds_have_dates_of_two_precisions(store):
    shown = {display_date(a.published) for a in store.articles()}
    assert shown == {"24 Mar 2017", "Sep 2017 (month only)"}


@pytest.mark.parametrize("jurisdiction", [TRAVIS, "48"])
def test_every_excerpt_card_in_the_panel_shows_its_date(store, jurisdiction):
    from news.store import Filters
    from ui.data import CATEGORIES
    from ui.panel import page_key

    excerpts = store.excerpts(Filters(), jurisdiction=jurisdiction)
    cards: list[str] = []
    for category in CATEGORIES:  # every card: one category at a time, page after page
        at = _run(j=jurisdiction, category=category)
        pagers = at.pagination
        for page in range(1, (pagers[0].proto.num_pages if len(pagers) else 1) + 1):
            if page > 1:
                at.pagination(key=page_key(jurisdiction, category)).set_value(page).run(
                    timeout=60)
                assert not at.exception
            # a card's first line of details: outlet · title · date (then speaker, figures...)
            details = [_card_details(m.value) for m in at.markdown]
            cards += [d[0] for d in details
                      if d and any(d[0].startswith(f"{e.outlet} · {e.title}") for e in excerpts)]
    n_cards = sum(len(e.categories) for e in excerpts)  # a card per category it is in
    assert len(cards) == n_cards > 0
    expected = {f"{e.outlet} · {e.title} · {display_date(e.published)}" for e in excerpts}
    assert set(cards) == expected


def test_the_quotes_page_dates_every_quote(store):
    from news.store import Filters

    quotes = store.quotes(Filters())
    at = _run("pages/2_Quotes.py")
    table = at.dataframe[0].value
    assert len(table) == len(quotes)
    assert list(table["published"]) == [display_date(q.published) for q in quotes]
    # the quotes carried by several outlets: each version with its outlet and date
    versions = [_plain(m.value) for m in at.markdown if "“" in m.value]
    assert versions, "the seeds have a quote carried by several outlets"
    by_text = {(q.outlet, q.text): q for q in quotes}
    for line in versions:
        m = re.match(r"(.+?), (.+?): “(.*)”$", line, re.S)
        assert m, line
        q = by_text[(m.group(1), m.group(3))]
        assert m.group(2) == display_date(q.published)


def test_the_articles_page_dates_the_picker_and_the_article(store):
    articles = store.articles()
    at = _run("pages/1_Articles.py")
    options = at.selectbox(key="read").options
    assert options == [f"{a.title} — {a.outlet}, {display_date(a.published)}"
                       for a in articles]
    month_only = next(a for a in articles if len(a.published) == 7)
    at = _run("pages/1_Articles.py", read=month_only.id)
    assert any(_plain(c.value).startswith(f"{month_only.outlet} · published Sep 2017 "
                                          "(month only)") for c in at.caption)


def test_the_sidebars_article_filter_dates_each_article(store):
    at = open_filters(_run())
    options = at.sidebar.multiselect(key="filter_article").options
    assert sorted(options) == sorted(
        f"{a.title} ({a.outlet}, {display_date(a.published)})" for a in store.articles())


def test_the_outlets_table_gives_each_outlets_dates(store):
    at = _run("pages/3_Outlets.py")
    table = at.dataframe[0].value
    expected = {a.outlet: display_date(a.published) for a in store.articles()}
    assert dict(zip(table["outlet"], table["dates"], strict=True)) == expected


def test_an_outlets_date_span():
    from news.dates import precision
    from news.store import ArticleRecord
    from ui.data import outlet_table

    def art(i: str, published: str) -> ArticleRecord:
        return ArticleRecord(id=i, title=i, outlet="Daily", published=published,
                             date_precision=precision(published), url="", author="", notes="",
                             text="")

    rows = outlet_table([art("a", "2017-03-24"), art("b", "2016"), art("c", "2017-09"),
                         art("d", "")], [])
    assert rows[0]["dates"] == "2016 (year only) to Sep 2017 (month only)"
    assert outlet_table([art("d", "")], [])[0]["dates"] == "undated"
