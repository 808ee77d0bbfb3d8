"""The Search page under AppTest, on the store built from the seed articles.

Counts are computed from the store with the same query and filters, so the page is checked
against what the store holds. Queries that FTS5 would reject as typed (unbalanced quotes, bare
operators, column filters, NEAR, ``*``) must give a plain page: no exception, no error box, no
SQL or engine message, and the same answer as the store's own search.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from news.dates import DateRange, display_date
from ui.testing import plain, run_app

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "app.py"
SEARCH = "pages/5_Search.py"
MARCH = DateRange(dt.date(2017, 3, 1), dt.date(2017, 3, 31))
# What an engine or driver error would show; none of it belongs on the page.
ENGINE_WORDS = re.compile(r"fts5|syntax error|sqlite|psycopg|operationalerror|traceback|"
                          r"(?-i:\bMATCH\b|\bSELECT\b)|tsquery|excerpts_fts", re.IGNORECASE)


@pytest.fixture(scope="module")
def store():
    from news.store import Store, ensure_store

    return Store(ensure_store())


def _run(**params: str | list[str]) -> AppTest:
    return run_app(SEARCH, **params)


_plain = plain


def _all_text(at: AppTest) -> str:
    parts = [*(m.value for m in at.markdown), *(c.value for c in at.caption),
             *(w.value for w in at.warning), *(i.value for i in at.info),
             *(e.value for e in at.error)]
    return _plain("\n".join(parts))


def _n_matches(at: AppTest) -> int | None:
    for c in at.caption:
        m = re.match(r"(\d+) excerpts? match", c.value)
        if m:
            return int(m.group(1))
    return None


def _links(at: AppTest) -> list[tuple[str, str, dict[str, list[str]]]]:
    """Every page link: (label, page, query)."""
    return [(p.proto.label, p.proto.page, parse_qs(p.proto.query_string))
            for p in at.get("page_link") if not p.proto.page_script_hash or p.proto.query_string]


def _result_links(at: AppTest) -> list[tuple[str, str, dict[str, list[str]]]]:
    return [x for x in _links(at) if "read" in x[2] or "j" in x[2]]


def test_an_empty_query_asks_for_words():
    at = _run()
    assert at.text_input(key="search_q").value == ""
    assert any(i.value.startswith("Type one or more words") for i in at.info)
    assert _n_matches(at) is None and not _result_links(at)


def test_a_query_from_the_url_is_searched(store):
    at = _run(q="sheriff")
    assert at.text_input(key="search_q").value == "sheriff"
    expected = store.search("sheriff")
    assert _n_matches(at) == len(expected) > 0
    # best match first: the first result shown is the store's first
    first = next(m.value for m in at.markdown if _plain(m.value) == expected[0].text)
    assert first


def test_typing_a_query_puts_it_in_the_url(store):
    at = _run()
    at.text_input(key="search_q").input("detainers").run(timeout=60)
    assert not at.exception
    assert at.query_params["q"] in ("detainers", ["detainers"])
    assert _n_matches(at) == len(store.search("detainers")) > 0
    at.text_input(key="search_q").input("").run(timeout=60)
    assert "q" not in at.query_params
    assert _n_matches(at) is None


def test_results_follow_the_sidebars_filters(store):
    from news.store import Filters

    n_all = len(store.search("sheriff"))
    outlet = next(o for o in store.outlets()
                  if 0 < len(store.search("sheriff", Filters(outlets=(o,)))) < n_all)
    at = _run(q="sheriff", outlet=outlet)
    n_outlet = len(store.search("sheriff", Filters(outlets=(outlet,))))
    assert _n_matches(at) == n_outlet
    assert "in the current filters" in next(c.value for c in at.caption
                                            if re.search(r"excerpts? match", c.value))
    captions = [_plain(c.value) for c in at.caption if " · " in c.value]
    assert len(captions) == n_outlet and all(c.startswith(f"{outlet} · ") for c in captions)

    at = _run(q="sheriff", category="quote")
    assert _n_matches(at) == len(store.search("sheriff", Filters(categories=("quote",))))

    at = _run(q="sheriff", **{"from": "2017-09-01", "to": "2017-09-30"})
    n_sep = len(store.search("sheriff", Filters(dates=DateRange(dt.date(2017, 9, 1),
                                                                dt.date(2017, 9, 30)))))
    assert _n_matches(at) == n_sep != n_all


def test_each_result_shows_its_date_and_links_to_its_places_and_passage(store):
    from ui.views import READER_PAGE

    results = store.search("detainers")
    at = _run(q="detainers")
    captions = [_plain(c.value) for c in at.caption if " · " in c.value]
    assert len(captions) == len(results)
    for e, caption in zip(results, captions, strict=True):
        assert caption.startswith(f"{e.outlet} · {e.title} · {display_date(e.published)}")
    links = _result_links(at)
    readers = [q for label, page, q in links if label == "Read it in the article"]
    assert readers == [{"read": [e.article], "at": [str(e.start)]} for e in results]
    places = [q["j"][0] for label, _, q in links if "j" in q]
    assert places == [j for e in results for j in e.jurisdictions[:6]]
    # the reader link opens the article at the passage
    e = results[0]
    reader = AppTest.from_file(str(APP), default_timeout=60)
    reader.switch_page(READER_PAGE)
    reader.query_params["read"] = e.article
    reader.query_params["at"] = str(e.start)
    reader.run(timeout=60)
    assert not reader.exception
    assert any(_plain(i.value) == f"The passage you followed: “{e.text}”" for i in reader.info)


def test_a_place_link_keeps_the_filters_and_opens_the_place_on_the_map(store):
    at = _run(q="sheriff", **{"from": "2017-03-01", "to": "2017-03-31"})
    place = next(q for _, _, q in _result_links(at) if "j" in q)
    assert place["from"] == ["2017-03-01"] and place["to"] == ["2017-03-31"]
    jid = place["j"][0]
    m = AppTest.from_file(str(APP), default_timeout=60)
    for k, v in place.items():
        m.query_params[k] = v
    m.run(timeout=60)
    assert not m.exception
    from geo import load_gazetteer

    name = load_gazetteer().find(jid).display_name
    assert name in [_plain(s.value) for s in m.subheader]


def test_many_results_come_a_page_at_a_time(store):
    n = len(store.search("sanctuary"))
    at = _run(q="sanctuary")
    assert _n_matches(at) == n
    first = len([x for x in _result_links(at) if x[0] == "Read it in the article"])
    assert 0 < first < n
    more = next(b for b in at.button if b.label.startswith("Show "))
    assert more.label == f"Show {min(first, n - first)} more"
    more.click().run(timeout=60)
    shown = len([x for x in _result_links(at) if x[0] == "Read it in the article"])
    assert shown == min(n, 2 * first)


REJECTED_BY_FTS = [
    '"judicial warrant',       # unbalanced quote
    'sheriff"',
    '"',
    "AND OR",                  # bare operators
    "OR",
    "NOT",
    "sheriff AND",
    "*",
    "sheriff*",
    "NEAR(",
    "NEAR(sheriff detainers",
    "text:",                   # column filters
    "text:sheriff",
    "excerpt:1",
    "{text}: sheriff",
    "^sheriff",
    "(sheriff",
    "sheriff)",
    "-",
    "-sheriff",
    "'; DROP TABLE excerpts; --",
    "sheriff " + "-x " * 1200,  # deeper than FTS5's parser stack, were it nested
    "a" * 3000,
]


@pytest.mark.parametrize("query", REJECTED_BY_FTS, ids=lambda q: repr(q[:40]))
def test_a_query_fts_would_reject_is_a_plain_page(store, query):
    at = _run(q=query)  # no exception
    assert not at.error, [e.value for e in at.error]
    text = _all_text(at)
    assert not ENGINE_WORDS.search(text), ENGINE_WORDS.search(text)
    n = _n_matches(at)
    expected = store.search(query)
    if n is None:  # nothing to search for: said in words
        assert not expected
        assert at.warning or at.info
        assert any(w.value.startswith(("There is no word", "A part with only excluded"))
                   for w in at.warning), [w.value for w in at.warning]
    else:
        assert n == len(expected)
        if not n:
            assert any(i.value.startswith("Nothing matches") for i in at.info)


def test_a_prefix_search_finds_the_words_that_start_with_it(store):
    expected = {e.id for e in store.excerpts() if re.search(r"\bimmigra", e.text, re.I)}
    assert expected
    at = _run(q="immigra*")
    assert _n_matches(at) == len(expected)
    shown = {_plain(m.value) for m in at.markdown}
    assert all(re.search(r"\bimmigra", t, re.I) for t in shown if t in {
        e.text for e in store.excerpts()})


def test_an_excluded_only_query_says_what_was_left_out():
    at = _run(q="-sheriff")
    warnings = [w.value for w in at.warning]
    assert any(w.startswith("A part with only excluded words") for w in warnings)
    assert any(w.startswith("There is no word to search for") for w in warnings)


@pytest.fixture()
def shared_store(postgres, monkeypatch):
    """The app on a shared PostgreSQL store (as tests/test_app_shared_store.py sets it up)."""
    import streamlit as st

    from news.store import Store
    from news.store.backend import close_pools

    url = postgres.create_database()
    monkeypatch.setenv("SANCTUARY_DATABASE_URL", url)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield Store(url)
    st.cache_resource.clear()
    st.cache_data.clear()
    close_pools()
    postgres.drop_database(url)


def test_the_search_page_on_postgresql(shared_store):
    at = AppTest.from_file(str(APP), default_timeout=180)
    at.switch_page(SEARCH)
    at.query_params["q"] = "sheriff"
    at.run(timeout=180)
    assert not at.exception, [e.value for e in at.exception]
    assert _n_matches(at) == len(shared_store.search("sheriff")) > 0
    for query in ("AND OR", '"judicial warrant', "NEAR(", "text:sheriff", "*", "immigra*",
                  "sheriff:* & !x*",
                  "sheriff " + "-x " * 1200):
        at.text_input(key="search_q").input(query).run(timeout=60)
        assert not at.exception, (query, [e.value for e in at.exception])
        assert not at.error, (query, [e.value for e in at.error])
        assert not ENGINE_WORDS.search(_all_text(at)), query
        n = _n_matches(at)
        assert (n or 0) == len(shared_store.search(query)), query
