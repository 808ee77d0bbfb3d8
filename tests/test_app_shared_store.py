"""The app on a shared PostgreSQL store (``SANCTUARY_DATABASE_URL``), under AppTest.

The store starts empty: the app creates its schema and loads the seed articles on first use,
shows what the store holds, and the Add page saves into the store itself (no file written).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from news.store import Store
from news.store.backend import close_pools

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "app.py"
ADD = "pages/4_Add_article.py"


@pytest.fixture()
def shared_url(postgres, monkeypatch):
    url = postgres.create_database()
    monkeypatch.setenv("SANCTUARY_DATABASE_URL", url)
    # st.connection and the caches are per process: start from the environment set here.
    st.cache_resource.clear()
    st.cache_data.clear()
    yield url
    st.cache_resource.clear()
    st.cache_data.clear()
    close_pools()
    postgres.drop_database(url)


def _in_view(at: AppTest) -> int:
    caption = next(c.value for c in at.caption if c.value.startswith("In view:"))
    m = re.match(r"In view: (\d+) jurisdictions?", caption)
    assert m, caption
    return int(m.group(1))


def test_the_app_loads_the_seeds_into_an_empty_shared_store_and_saves_into_it(shared_url):
    files = sorted((REPO / "data" / "articles").iterdir())
    at = AppTest.from_file(str(APP), default_timeout=180).run()
    assert not at.exception, [e.value for e in at.exception]
    store = Store(shared_url)
    assert len(store.articles()) == len([p for p in files if p.suffix == ".md"])
    assert _in_view(at) == len(store.jurisdiction_summaries())

    at.switch_page(ADD).run()
    at.text_input[0].input("Raids in Peoria")
    at.text_input[1].input("Shared Daily")
    at.text_area[0].input("Federal agents arrested 9 people in Peoria, Illinois, on Monday.")
    at.button[1].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    saved = [a for a in Store(shared_url).articles() if a.outlet == "Shared Daily"]
    assert [a.title for a in saved] == ["Raids in Peoria"]
    assert sorted((REPO / "data" / "articles").iterdir()) == files  # no file written
    assert "1759000" in {s.id for s in Store(shared_url).jurisdiction_summaries()}
