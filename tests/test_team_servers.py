"""A team on one PostgreSQL store: two real ``streamlit run app.py`` servers, driven over
Streamlit's websocket protocol (``ui.testing.AppSession``, what a browser tab sends).

What a team relies on: an article added through either server is stored once and shows on the
other within 5 s; the same article saved through both at the same moment is stored once;
a server killed in the middle of a save leaves no partial article; with PostgreSQL stopped the
pages say so clearly, and they work again once it is back.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import psycopg
import pytest

from ui.testing import AppSession, PageRun, Server, app_copy, streamlit_server

pytestmark = pytest.mark.slow

ADD = "Add article"
READ = "Articles"
VISIBLE_WITHIN_S = 5  # what the issue promises a team
# Server start, seeding and the first extraction on a loaded machine: a deadline, not a timing.
SLOW_S = 240


@pytest.fixture(scope="module")
def team(postgres) -> Iterator[tuple[str, list[Server]]]:
    """One shared store (a new database) and two app servers on it."""
    url = postgres.create_database()
    env = {"SANCTUARY_DATABASE_URL": url}
    try:
        with (app_copy() as app, streamlit_server(app, env=env) as a,
              streamlit_server(app, env=env) as b):
            for server in (a, b):  # the first page of each creates or checks the store
                with AppSession(server.url, timeout=SLOW_S) as s:
                    page = s.run()
                    assert not page.exceptions() and not page.alerts("ERROR"), page.elements
            yield url, [a, b]
    finally:
        postgres.drop_database(url)


def rows(url: str, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(sql, params).fetchall()


def stored(url: str, title: str) -> list[str]:
    """Ids of the stored articles titled ``title``."""
    return [str(r[0]) for r in rows(url, "SELECT id FROM articles WHERE title = %s", (title,))]


def save_form(session: AppSession, title: str, outlet: str, text: str) -> dict[str, str | bool]:
    """The Add page's widget states of a filled form with Save pressed."""
    page = session.run(ADD)
    return {
        page.widget("text_input", "Title").id: title,
        page.widget("text_input", "Outlet").id: outlet,
        page.widget("text_area", "Article text").id: text,
        page.widget("button", "Save").id: True,
    }


def shows(page: PageRun, title: str) -> bool:
    return any(title in h for h in page.texts("heading"))


@pytest.mark.parametrize("writer", [0, 1])
def test_an_article_added_on_one_server_is_stored_once_and_shown_on_the_other(team, writer):
    url, servers = team
    title = f"Raids in Peoria, told on server {writer}"
    text = (f"Federal agents arrested {9 + writer} people in Peoria, Illinois, on Monday, "
            f"a spokesman for server {writer}'s newsroom said.")
    with (AppSession(servers[writer].url, timeout=SLOW_S) as add,
          AppSession(servers[1 - writer].url, timeout=SLOW_S) as reader):
        before = reader.run(READ)  # someone is already reading on the other server
        assert not before.exceptions() and not shows(before, title)
        form = save_form(add, title, "Team Daily", text)
        saved = add.run(ADD, widgets=form)
        assert saved.alerts("SUCCESS") and not saved.alerts("ERROR"), saved.elements
        deadline = time.monotonic() + VISIBLE_WITHIN_S
        [article_id] = stored(url, title)
        while True:
            page = reader.run(READ, query=f"read={article_id}")
            assert not page.exceptions(), page.exceptions()
            if shows(page, title):
                break
            assert time.monotonic() < deadline, f"not shown on the other server: {page.elements}"
    assert stored(url, title) == [article_id]


def test_the_same_article_saved_through_both_servers_at_once_is_stored_once(team):
    url, servers = team
    title = "Both newsrooms filed it"
    text = "ICE detained 14 workers at a plant in Omaha, Nebraska, on Thursday, officials said."
    sessions = [AppSession(s.url, timeout=SLOW_S) for s in servers]
    try:
        forms = [save_form(s, title, "Team Daily", text) for s in sessions]
        start = threading.Barrier(len(sessions))
        results: list[PageRun | BaseException] = [RuntimeError("no result")] * len(sessions)

        def save(i: int) -> None:
            try:
                start.wait()
                results[i] = sessions[i].run(ADD, widgets=forms[i])
            except BaseException as error:  # reported by the assertions below
                results[i] = error

        threads = [threading.Thread(target=save, args=(i,)) for i in range(len(sessions))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        for s in sessions:
            s.close()
    pages = [r for r in results if isinstance(r, PageRun)]
    assert len(pages) == 2, results
    assert sorted(len(p.alerts("SUCCESS")) for p in pages) == [0, 1], [p.elements for p in pages]
    [refused] = [p for p in pages if not p.alerts("SUCCESS")]
    [error] = refused.alerts("ERROR")
    assert error.startswith("Not saved:") and "same text as article" in error
    assert not any(p.exceptions() for p in pages)
    assert len(stored(url, title)) == 1


def test_a_server_killed_in_the_middle_of_a_save_leaves_no_partial_article(team):
    url, servers = team
    title = "Killed while saving"
    text = "Deputies handed 3 inmates to ICE in Mobile, Alabama, last week, the sheriff said."
    tables = ("articles", "extractions", "mentions", "excerpts", "quotes", "url_keys", "meta")
    before = {t: sorted(rows(url, f"SELECT * FROM {t}")) for t in tables}
    with streamlit_server(servers[0].log.parent, env={"SANCTUARY_DATABASE_URL": url}) as victim:
        session = AppSession(victim.url, timeout=SLOW_S)
        form = save_form(session, title, "Team Daily", text)
        # Hold the store's change counter: the save writes its article, its extraction and its
        # derived rows, then waits on this row lock for its last statement, before commit.
        with psycopg.connect(url) as hold:
            hold.execute("SELECT value FROM meta WHERE key = 'generation' FOR UPDATE")
            session.request(ADD, widgets=form)
            deadline = time.monotonic() + SLOW_S
            while True:
                waiting = rows(url, "SELECT pid FROM pg_stat_activity WHERE wait_event_type ="
                                    " 'Lock' AND query LIKE 'INSERT INTO meta%%'")
                if waiting:
                    break
                assert time.monotonic() < deadline, "the save never reached its last statement"
                time.sleep(0.1)
            [(pid,)] = waiting
            written = {str(r[0]) for r in rows(
                url, "SELECT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                     " WHERE l.pid = %s AND l.mode = 'RowExclusiveLock'", (pid,))}
            assert {"articles", "extractions", "mentions"} <= written  # it is mid-save
            victim.proc.kill()
            victim.proc.wait()
            hold.rollback()
        session.close()
    deadline = time.monotonic() + SLOW_S
    while rows(url, "SELECT 1 FROM pg_stat_activity WHERE pid = %s", (pid,)):
        assert time.monotonic() < deadline, "the dead server's transaction is still open"
        time.sleep(0.1)
    assert {t: sorted(rows(url, f"SELECT * FROM {t}")) for t in tables} == before
    # The store takes the same article from the server still running.
    with AppSession(servers[1].url, timeout=SLOW_S) as s:
        saved = s.run(ADD, widgets=save_form(s, title, "Team Daily", text))
        assert saved.alerts("SUCCESS"), saved.elements
    assert len(stored(url, title)) == 1


def test_postgres_stopped_under_the_servers_is_a_clear_error_and_they_recover(team, postgres):
    url, servers = team
    sessions = [AppSession(s.url, timeout=SLOW_S) for s in servers]
    running = True
    try:
        for s in sessions:
            page = s.run()
            assert not page.alerts("ERROR") and not page.exceptions()
        postgres.stop()
        running = False
        for s in sessions:
            for page_name in (None, READ):
                page = s.run(page_name)
                assert not page.exceptions(), page.exceptions()
                [error] = page.alerts("ERROR")
                assert "not reachable" in error and "Nothing is lost" in error, error
                assert "Traceback" not in error
        postgres.start()
        running = True
        deadline = time.monotonic() + SLOW_S
        for s in sessions:
            while True:
                page = s.run()
                assert not page.exceptions(), page.exceptions()
                if not page.alerts("ERROR"):
                    break
                assert time.monotonic() < deadline, page.alerts("ERROR")
                time.sleep(0.5)
            assert "Sanctuary Map" in page.texts("heading")
            assert any(t.startswith("In view:") for t in page.texts("markdown"))
        # and a save goes through again
        saved = sessions[1].run(ADD, widgets=save_form(
            sessions[1], "Back after the outage", "Team Daily",
            "Police in Tucson, Arizona, said on Friday they will not hold people for ICE."))
        assert saved.alerts("SUCCESS"), saved.elements
        assert len(stored(url, "Back after the outage")) == 1
    finally:
        if not running:
            postgres.start()
        for s in sessions:
            s.close()
