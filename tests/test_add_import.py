"""The Add page's import, under AppTest: several files at once, URLs, previews, the result lines.

Every test runs the real page on a copy of the seed articles in ``tmp_path`` (``ui.cache``'s
articles folder pointed there, the store chosen by ``SANCTUARY_DATABASE_URL`` as the app does),
so nothing is written into the working tree. Files are real: saved pages from the import tests'
template, a PDF and a Word file made here. URLs are served by a loopback HTTP server, which the
app refuses (loopback is not a public address) unless the operator's setting allows it.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from news.store import Database, Store
from news.store.backend import close_pools
from ui import cache
from ui.add import MAX_ITEMS
from ui.settings import ALLOW_PRIVATE_ENV, parse_flag
from ui.testing import LoopbackHTTP, article_page, text_pdf
from ui.text import md_escape

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "app.py"
ADD = "pages/4_Add_article.py"
HTML = {"Content-Type": "text/html; charset=utf-8"}

SHERIFF = {
    "title": "Sheriff ends ICE holds in Peoria County", "site": "Peoria Daily",
    "date": "2019-05-02", "author": "Jane Roe",
    "paragraphs": [
        "The Peoria County sheriff said on Tuesday that his jail would no longer hold people "
        "for immigration agents without a judge's warrant, a change that advocates had sought "
        "for two years.",
        '"We will not hold anyone without a warrant," Sheriff John Doe said at a news '
        "conference outside the county courthouse on Main Street.",
        "The county board is expected to discuss the policy at its next meeting in June, "
        "according to an agenda posted on Friday.",
    ],
}
RAIDS = {
    "title": "Raids in Austin leave families searching for answers", "site": "Austin Ledger",
    "date": "2017-02-14", "author": "Maria Soto",
    "paragraphs": [
        "Immigration agents arrested at least 51 people in Austin, Texas, during a week of "
        "raids that began on Thursday, according to the Mexican consulate.",
        "Lawyers at a legal clinic said relatives had called all weekend trying to find out "
        "where the people taken had been sent and whether they could see them.",
        '"People are afraid to drive their children to school," said Ana Lopez, who runs the '
        "clinic in East Austin.",
    ],
}


def _docx() -> bytes:
    import docx

    d = docx.Document()
    d.core_properties.title = "Vigil outside the detention center"
    d.core_properties.author = "Lee Park"
    d.add_paragraph("About 200 people held a vigil outside the detention center in Elizabeth, "
                    "New Jersey, on Sunday evening.")
    d.add_paragraph("Organizers said they would return every week until it closes.")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def uploads() -> list[tuple[str, bytes, str]]:
    """Six files as a browser sends them: five articles of five kinds and a scan."""
    return [
        ("sheriff.html", article_page(canonical="https://peoriadaily.example/sheriff/",
                                      **SHERIFF), "text/html"),  # type: ignore[arg-type]
        ("ruling.pdf", text_pdf([
            "Judge blocks grant cuts",
            "",
            "A federal judge in Chicago blocked the Justice Department from withholding grants",
            "from sanctuary cities on Friday.",
            "The city had sued in August.",
        ]), "application/pdf"),
        ("vigil.docx", _docx(),
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("note.txt", b"Town adopts trust act\n\nThe town of Amherst, Massachusetts, adopted a "
                     b"trust act on Monday.\n", "text/plain"),
        ("shelter.md", b"---\ntitle: Shelter opens\noutlet: Valley News\npublished: 2018-06\n"
                       b"---\n\nA shelter for asylum seekers opened in Burlington, Vermont.\n",
         "text/markdown"),
        ("scan.pdf", text_pdf([]), "application/pdf"),
    ]


TITLES = {"Sheriff ends ICE holds in Peoria County", "Judge blocks grant cuts",
          "Vigil outside the detention center", "Town adopts trust act", "Shelter opens"}


def _point_app_at(articles: Path, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "data" / "articles", articles)
    monkeypatch.setattr(cache, "ARTICLES_DIR", articles)
    monkeypatch.setenv("SANCTUARY_DATABASE_URL", db.url)
    monkeypatch.delenv(ALLOW_PRIVATE_ENV, raising=False)
    # st.connection and the caches are per process: start from the store chosen here.
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture()
def site(tmp_path: Path, database: Database,
         monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Database]]:
    """The app on a copy of the seeds, with each store backend."""
    articles = tmp_path / "data" / "articles"
    _point_app_at(articles, database, monkeypatch)
    yield articles, database
    st.cache_resource.clear()
    st.cache_data.clear()
    close_pools()


@pytest.fixture()
def sqlite_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Database]]:
    """The app on a copy of the seeds and its SQLite store."""
    from news.store import parse_database

    articles = tmp_path / "data" / "articles"
    db = parse_database(tmp_path / "data" / "build" / "sanctuary.sqlite")
    _point_app_at(articles, db, monkeypatch)
    yield articles, db
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture()
def server() -> Iterator[LoopbackHTTP]:
    s = LoopbackHTTP()
    s.routes["/news/sheriff/"] = (200, HTML, article_page(
        canonical=s.url("/news/sheriff/"), **SHERIFF))  # type: ignore[arg-type]
    s.routes["/news/raids"] = (200, HTML, article_page(
        canonical=s.url("/news/raids"), **RAIDS))  # type: ignore[arg-type]
    s.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Peoria Daily</title><link>{s.base}/</link>
<item><title>Sheriff ends ICE holds</title><link>{s.url('/news/sheriff/')}</link></item>
<item><title>Raids in Austin</title><link>{s.url('/news/raids')}</link></item>
</channel></rss>""".encode())
    yield s
    s.close()


def add_page(**secrets: object) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=180)
    for k, v in secrets.items():
        at.secrets[k] = v
    at.switch_page(ADD).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def click(at: AppTest, key: str) -> list[str]:
    """Press Check or Import; return the result lines shown (the command's lines)."""
    at.button(key=key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.code) == 1, [e.value for e in at.error]
    return at.code[0].value.splitlines()


def files_of(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("*.md")}


def plain(md: str) -> str:
    return re.sub(r"\\(.)", r"\1", md).replace("  \n", "\n")


# --------------------------------------------------------------------------- files


def test_several_files_previewed_then_imported_once_on_both_stores(site):
    articles, db = site
    at = add_page()  # brings the store up to date with the folder
    before, stored = files_of(articles), len(Store(db).articles())
    at.file_uploader(key="import_files").set_value(uploads())

    lines = click(at, "import_check")
    assert lines == [*(f"ready: {name}" for name, _, _ in uploads()[:5]),
                     "failed: scan.pdf: no text layer in this PDF (a scan? run OCR first)"]
    shown = plain("\n".join(m.value for m in at.markdown))
    assert {f"**{t}**" for t in TITLES} <= set(shown.splitlines())
    assert SHERIFF["paragraphs"][0][:80] in shown  # the body's first lines
    captions = plain("\n".join(c.value for c in at.caption))
    assert "Peoria Daily · 2019-05-02 · by Jane Roe · https://peoriadaily.example/sheriff/" \
        in captions
    assert "Valley News · 2018-06" in captions
    assert files_of(articles) == before and len(Store(db).articles()) == stored  # nothing saved

    lines = click(at, "import_go")
    assert [line.split(" ", 1)[0] for line in lines[:-1]] == ["imported"] * 5 + ["failed:"]
    assert lines[-1] == "5 imported, 0 duplicates, 1 failed"
    titles = {a.title for a in Store(db).articles()}
    assert TITLES <= titles and len(titles) == stored + 5
    new_files = set(files_of(articles)) - set(before)
    if db.postgres:
        assert not new_files  # the shared store holds them, as for a pasted article
    else:
        assert len(new_files) == 5
        assert all(line.endswith(".md") for line in lines[:5])
    links = {plain(p.value) for p in at.page_link if p.value.startswith("Read")}
    assert links == {f"Read: {t}" for t in TITLES}

    lines = click(at, "import_go")  # the same files again: nothing new
    assert [line.split(" ", 1)[0] for line in lines[:-1]] == ["duplicate"] * 5 + ["failed:"]
    assert lines[-1] == "0 imported, 5 duplicates, 1 failed"
    assert len(Store(db).articles()) == stored + 5


def test_untrusted_text_of_a_page_is_shown_as_text(sqlite_site):
    title = "[click me](javascript:alert(1)) &lt;img src=x onerror=alert(2)&gt; :red[loud]"
    page = article_page(canonical="https://evil.example/a", title=title,
                        site="Evil &lt;b&gt;Daily&lt;/b&gt;", date="2019-05-02",
                        author="Mallory", paragraphs=SHERIFF["paragraphs"])
    at = add_page()
    at.file_uploader(key="import_files").set_value([("evil.html", page, "text/html")])
    click(at, "import_check")
    rendered = "\n".join([*(m.value for m in at.markdown), *(c.value for c in at.caption)])
    shown = "[click me](javascript:alert(1)) <img src=x onerror=alert(2)> :red[loud]"
    assert md_escape(shown) in rendered  # every Markdown/HTML character escaped
    for raw in ("[click me](javascript:alert(1))", "<img src=x", ":red[", "<b>"):
        assert raw not in rendered
    assert md_escape("Evil <b>Daily</b>") in rendered


def test_an_upload_of_another_kind_and_a_line_that_is_no_url_fail_with_their_reason():
    # The page's uploader refuses other suffixes itself (Streamlit checks them on the
    # server); the core still says why if one comes through.
    from news.importing import upload_items, url_items

    (png,) = upload_items([("photo.png", b"\x89PNG\r\n")])
    assert png.problem.startswith("cannot import .png files (known: .docx, .htm, .html, .md")
    assert [(i.url, i.problem) for i in url_items(
        " https://example.com/a \n\nftp://example.com/b\nexample.com\nhttps://a b\n")] == [
        ("https://example.com/a", ""), ("", "not an http(s) URL"),
        ("", "not an http(s) URL"), ("", "not an http(s) URL"),
    ]


def test_nothing_chosen_and_too_many_items_are_messages(sqlite_site):
    at = add_page()
    at.button(key="import_go").click().run()
    assert [e.value for e in at.error] == ["Choose files or type URLs first."]
    at.text_area(key="import_urls").input(
        "\n".join(f"https://example.com/{n}" for n in range(MAX_ITEMS + 1)))
    at.button(key="import_go").click().run()
    assert not at.code
    assert "up to 100 at a time" in at.error[0].value


# --------------------------------------------------------------------------- URLs


def test_a_loopback_url_is_refused_by_default(sqlite_site, server):
    articles, db = sqlite_site
    before = files_of(articles)
    at = add_page()
    at.text_area(key="import_urls").input(f"{server.url('/news/sheriff/')}\nnot a url\n")
    lines = click(at, "import_go")
    assert lines == [
        f"failed: {server.url('/news/sheriff/')}: refused: 127.0.0.1 is a non-public address "
        "(127.0.0.1); the app fetches public addresses only",
        "failed: not a url: not an http(s) URL",
        "0 imported, 0 duplicates, 2 failed",
    ]
    assert server.hits == {}  # refused before connecting
    assert files_of(articles) == before and len(Store(db).articles()) == len(before)
    assert any("are refused; the operator can allow them" in c.value for c in at.caption)


def test_the_operator_setting_in_secrets_allows_loopback_urls(sqlite_site, server):
    _, db = sqlite_site
    at = add_page(sanctuary={"allow_private_urls": True})
    at.text_area(key="import_urls").input(server.url("/feed.xml"))
    lines = click(at, "import_check")
    assert lines == [f"ready: {server.url('/news/sheriff/')}", f"ready: {server.url('/news/raids')}"]
    lines = click(at, "import_go")
    assert [line.split(" ", 1)[0] for line in lines] == ["imported", "imported", "2"]
    # Import after Check of the same input saves what Check read: each page fetched once
    assert server.hits == {"/feed.xml": 1, "/news/sheriff/": 1, "/news/raids": 1}
    stored = {a.title: a for a in Store(db).articles()}
    assert stored[SHERIFF["title"]].outlet == "Peoria Daily"
    assert stored[SHERIFF["title"]].url == server.url("/news/sheriff/")


def test_the_environment_variable_allows_them_and_wins_over_secrets(sqlite_site, server,
                                                                    monkeypatch):
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "true")
    at = add_page()
    at.text_area(key="import_urls").input(server.url("/news/raids"))
    assert click(at, "import_go")[-1] == "1 imported, 0 duplicates, 0 failed"

    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "0")
    at = add_page(sanctuary={"allow_private_urls": True})
    at.text_area(key="import_urls").input(server.url("/news/sheriff/"))
    assert "refused" in click(at, "import_go")[0]
    assert "/news/sheriff/" not in server.hits


@pytest.mark.parametrize(("value", "flag"), [
    (True, True), (False, False), ("1", True), ("yes", True), ("On", True), ("0", False),
    ("false", False), ("", False), ("ture", None), ("2", None),
])
def test_the_setting_reads_booleans_and_the_usual_words(value, flag):
    assert parse_flag(value) is flag


def test_the_page_names_article_files_from_the_app_folder_not_the_server_path(tmp_path):
    from news.importing import Outcome
    from ui.add import result_lines

    root = tmp_path / "app"
    inside = str(root / "data" / "articles" / "a.md")
    lines = result_lines([Outcome("x.html", "imported", inside),
                          Outcome("y.html", "duplicate", inside),
                          Outcome("z.html", "imported", "", article="shared-id"),
                          Outcome("/elsewhere/w.md", "failed", reason="empty file")], root)
    assert lines == ["imported data/articles/a.md", "duplicate of data/articles/a.md: y.html",
                     "imported shared-id", "failed: /elsewhere/w.md: empty file"]
