"""``python -m news import``: pages, feeds, exports and files into an articles folder and its store.

A loopback HTTP server in a thread serves realistic pages (tests/data/import/article.html: a
page with navigation, cookie banner, share buttons, related stories, comments, footer, JSON-LD
and Open Graph), a feed, redirects, a 404, a slow, a huge and a non-HTML response. PDF and Word
files are made in the tests. Nothing leaves the machine.
"""

from __future__ import annotations

import csv
import hashlib
import json
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from news.__main__ import main
from news.importing import Fetcher, FetchError, Importer, Item, UsageError, expand, url_key
from news.importing.extract import partial_date
from news.store import Store
from ui.testing import LoopbackHTTP, article_page, text_pdf

CHROME = ("cookies", "Subscribe today", "Share on", "Related stories", "Council approves",
          "worst decision", "Join the discussion", "newsletter", "All rights reserved",
          "Privacy policy", "Home")

STORIES = {
    "sheriff": {
        "title": "Sheriff ends ICE holds in Peoria County",
        "site": "Peoria Daily", "date": "2019-05-02", "author": "Jane Roe",
        "paragraphs": [
            "The Peoria County sheriff said on Tuesday that his jail would no longer hold people "
            "for immigration agents without a judge's warrant, a change that advocates had "
            "sought for two years.",
            '"We will not hold anyone without a warrant," Sheriff John Doe said at a news '
            "conference outside the county courthouse on Main Street.",
            "Federal officials said the decision would make the county less safe and that "
            "agents would keep making arrests in the community.",
            "The county board is expected to discuss the policy at its next meeting in June, "
            "according to an agenda posted on Friday.",
        ],
    },
    "raids": {
        "title": "Raids in Austin leave families searching for answers",
        "site": "Austin Ledger", "date": "2017-02-14", "author": "Maria Soto",
        "paragraphs": [
            "Immigration agents arrested at least 51 people in Austin, Texas, during a week of "
            "raids that began on Thursday, according to the Mexican consulate.",
            "Lawyers at a legal clinic said relatives had called all weekend trying to find out "
            "where the people taken had been sent and whether they could see them.",
            '"People are afraid to drive their children to school," said Ana Lopez, who runs '
            "the clinic in East Austin.",
        ],
    },
    "council": {
        "title": "Council declares the city a welcoming city",
        "site": "Smyrna Times", "date": "2018-11-20", "author": "Sam Lee",
        "paragraphs": [
            "The Smyrna town council voted 5 to 2 on Monday night to declare the town a "
            "welcoming city for immigrants, after three hours of public comment.",
            "The resolution does not change how the police work with federal agents, the "
            "town manager said, but it asks the state to fund legal help for residents.",
        ],
    },
}
WIRE = [
    "WASHINGTON (AP) - The Justice Department on Wednesday threatened to cut grants to nine "
    "sanctuary jurisdictions, including Chicago and New York City, that limit cooperation "
    "with immigration agents.",
    '"Jurisdictions that adopt so-called sanctuary policies also adopt the view that the '
    'protection of criminal aliens is more important than the protection of law-abiding '
    'citizens," Attorney General Jeff Sessions said in a statement.',
    "The department gave the cities until June 30 to show that they comply with a federal law "
    "on sharing information about the immigration status of people in custody.",
]


def page(key: str, canonical: str, **override: object) -> bytes:
    return article_page(canonical=canonical, **{**STORIES[key], **override})  # type: ignore[arg-type]


Server = LoopbackHTTP  # the name the tests below use


HTML = {"Content-Type": "text/html; charset=utf-8"}


def _slow(handler: BaseHTTPRequestHandler, hit: int) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    handler.wfile.write(b"<html><body><p>")
    handler.wfile.flush()
    time.sleep(3)  # longer than the tests' timeout (0.5 s): the fetch gives up first


def _busy_then_ok(handler: BaseHTTPRequestHandler, hit: int) -> tuple[int, dict, bytes] | None:
    if hit == 1:
        return 503, {"Retry-After": "0"}, b"busy"
    return 200, HTML, page("council", "https://smyrnatimes.example/council-welcoming/")


@pytest.fixture()
def server() -> Iterator[Server]:
    s = Server()
    b = s.base
    s.routes.update({
        "/news/sheriff/": (200, HTML, page("sheriff", f"{b}/news/sheriff/")),
        "/news/raids": (200, HTML, page("raids", f"{b}/news/raids")),
        "/old-link": (301, {"Location": "/news/raids"}, b""),
        "/loop": (302, {"Location": "/loop2"}, b""),
        "/loop2": (302, {"Location": "/loop"}, b""),
        "/missing": (404, HTML, b"<html><body>Not found</body></html>"),
        "/slow": _slow,
        "/huge": (200, HTML, b"<html><body>" + b"<p>word </p>" * 300_000 + b"</body></html>"),
        "/photo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
        "/section": (200, HTML, b"<html><head><title>News</title></head><body><nav>"
                     b"<a href='/a'>One</a></nav><h1>Latest news</h1><ul><li>Headline one</li>"
                     b"<li>Headline two</li></ul></body></html>"),
        "/busy": _busy_then_ok,
        "/latin1": (200, {"Content-Type": "text/plain"},
                    "Caf\u00e9 owners in Peoria said agents came on Monday.".encode("latin-1")),
        "/to-private": (302, {"Location": "http://127.0.0.1:9/"}, b""),
        "/wire/a": (200, HTML, page("sheriff", f"{b}/wire/a", title="Justice Department warns "
                                    "sanctuary cities", site="Chicago Star", date="2017-04-21",
                                    author="Associated Press", paragraphs=WIRE)),
        "/wire/b": (200, HTML, page("sheriff", f"{b}/wire/b", title="Sessions threatens grants "
                                    "of nine jurisdictions", site="Bay Courier",
                                    date="2017-04-22", author="Associated Press",
                                    paragraphs=[*WIRE, "The Bay Courier contributed to this "
                                                "report from San Francisco on Thursday."])),
    })
    s.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Peoria Daily</title><link>{b}/</link>
<item><title>Sheriff ends ICE holds</title><link>{b}/news/sheriff/</link>
<pubDate>Thu, 02 May 2019 08:30:00 GMT</pubDate></item>
<item><title>Raids in Austin</title><link>{b}/news/raids?utm_source=rss</link>
<pubDate>Tue, 14 Feb 2017 10:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{b}/missing</link></item>
</channel></rss>""".encode())
    yield s
    s.close()


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data" / "articles"


def fast(**kw: object) -> Fetcher:
    kw.setdefault("timeout", 0.5)
    kw.setdefault("backoff", 0.0)
    kw.setdefault("max_bytes", 1024 * 1024)
    return Fetcher(**kw)  # type: ignore[arg-type]


def run(folder: Path, sources: list[str | Path], fetcher: Fetcher | None = None) -> list:
    imp = Importer(folder, fetcher=fetcher or fast())
    return list(imp.run(expand(sources)))


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("*.md"))} if folder.is_dir() else {}


def front(path: str | Path) -> dict:
    import yaml

    text = Path(path).read_text("utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def body(path: str | Path) -> str:
    return Path(path).read_text("utf-8").split("---\n", 2)[2]


# --------------------------------------------------------------------------- pages


def test_a_page_keeps_every_paragraph_and_no_chrome_and_takes_its_metadata(server, folder):
    url = server.url("/news/sheriff/")
    (out,) = run(folder, [url])
    assert out.status == "imported", out.line
    text = body(out.path)
    for p in STORIES["sheriff"]["paragraphs"]:
        assert p in text
    for chrome in CHROME:
        assert chrome not in text, chrome
    assert STORIES["sheriff"]["title"] not in text  # the headline is the title, once
    meta = front(out.path)
    assert meta["title"] == STORIES["sheriff"]["title"]
    assert meta["outlet"] == "Peoria Daily"
    assert meta["published"] == "2019-05-02"
    assert meta["author"] == "Jane Roe"
    assert meta["url"] == url
    assert meta["source"]["origin"] == url
    assert meta["source"]["extractor"].startswith("trafilatura ")
    assert meta["source"]["fetched_at"].endswith("+00:00")
    assert all(a.startswith("SanctuaryMap") for a in server.agents)
    # and the store has it, with its jurisdictions
    store = Store(folder.parent / "build" / "sanctuary.sqlite")
    (a,) = store.articles()
    assert a.outlet == "Peoria Daily"


def test_a_saved_page_and_the_same_page_fetched_are_one_article(server, folder, tmp_path):
    saved = tmp_path / "saved" / "sheriff.html"
    saved.parent.mkdir()
    saved.write_bytes(page("sheriff", server.url("/news/sheriff/")))
    first = run(folder, [saved])
    assert [o.status for o in first] == ["imported"]
    assert front(first[0].path)["source"]["origin"] == str(saved.resolve())
    again = run(folder, [server.url("/news/sheriff/"), saved])
    assert [o.status for o in again] == ["duplicate", "duplicate"]
    assert {o.path for o in again} == {first[0].path}


def test_a_feed_brings_in_its_items_and_a_second_import_is_a_no_op(server, folder):
    feed = server.url("/feed.xml")
    out = run(folder, [feed])
    assert [o.status for o in out] == ["imported", "imported", "failed"]
    assert out[2].reason == "HTTP 404" and out[2].origin.endswith("/missing")
    raids = front(out[1].path)
    assert raids["published"] == "2017-02-14"
    before = snapshot(folder)
    hits = dict(server.hits)
    again = run(folder, [feed])
    assert [o.status for o in again] == ["duplicate", "duplicate", "failed"]
    assert snapshot(folder) == before
    # known URLs are not fetched again (the tracking parameter aside)
    assert server.hits["/news/sheriff/"] == hits["/news/sheriff/"]
    assert server.hits.get("/news/raids", 0) == hits.get("/news/raids", 0)


def test_urls_differing_in_scheme_www_slash_and_tracking_are_one():
    assert url_key("https://www.Example.com/a/b/?utm_source=x&fbclid=1#top") == \
        url_key("http://example.com/a/b")
    assert url_key("https://example.com/a?id=3") != url_key("https://example.com/a?id=4")


def test_a_redirect_is_followed_and_the_final_page_imported(server, folder):
    (out,) = run(folder, [server.url("/old-link")])
    assert out.status == "imported"
    assert front(out.path)["url"] == server.url("/news/raids")
    assert front(out.path)["source"]["origin"] == server.url("/old-link")


def test_a_busy_server_is_retried(server, folder):
    (out,) = run(folder, [server.url("/busy")])
    assert out.status == "imported", out.line
    assert server.hits["/busy"] == 2


@pytest.mark.parametrize(("path", "reason"), [
    ("/missing", "HTTP 404"),
    ("/slow", "timed out after 0.5 s"),
    ("/huge", "larger than the limit (1 MB)"),
    ("/photo.png", "not an article page (content type image/png)"),
    ("/section", "not an article page"),
    ("/loop", "too many redirects (more than 5)"),
    ("/latin1", "not UTF-8 and no declared charset"),
])
def test_a_bad_url_gives_its_reason_and_writes_nothing(server, folder, path, reason):
    (out,) = run(folder, [server.url(path)])
    assert out.status == "failed"
    assert out.reason.startswith(reason), out.reason
    assert out.line == f"failed: {server.url(path)}: {out.reason}"
    assert snapshot(folder) == {}


def test_wire_copies_in_two_outlets_are_two_articles_with_linked_quotes(server, folder):
    out = run(folder, [server.url("/wire/a"), server.url("/wire/b")])
    assert [o.status for o in out] == ["imported", "imported"]
    store = Store(folder.parent / "build" / "sanctuary.sqlite")
    ids = {Path(o.path).stem for o in out}
    linked = [g for g in store.quote_groups() if {q.article for q in g.quotes} == ids]
    assert linked and "law-abiding" in linked[0].quotes[0].text


# --------------------------------------------------------------------------- the app's guard


def test_the_app_refuses_loopback_addresses_and_the_cli_allows_them(server, folder):
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1 is a non-public address"):
        fast(allow_private=False).fetch(server.url("/news/sheriff/"))
    out = run(folder, [server.url("/news/sheriff/")], fast(allow_private=False))
    assert out[0].status == "failed" and out[0].reason.startswith("refused")
    assert snapshot(folder) == {}
    assert server.hits == {}  # refused before connecting
    assert fast(allow_private=True).fetch(server.url("/news/sheriff/")).body


def test_the_guard_checks_every_redirect(monkeypatch):
    import news.importing.fetch as fetch

    calls = []

    def resolve(host: str, port: int) -> str:
        calls.append(host)
        if host == "127.0.0.1":
            raise FetchError(f"refused: {host} is a non-public address ({host})")
        return "127.0.0.1"  # "public.example" is served by the loopback server below

    s = Server()
    s.routes["/"] = (302, {"Location": "http://127.0.0.1:9/admin"}, b"")
    monkeypatch.setattr(fetch, "check_address", resolve)
    try:
        port = s.httpd.server_address[1]
        with pytest.raises(FetchError, match="refused"):
            fast(allow_private=False).fetch(f"http://public.example:{port}/")
        assert calls == ["public.example", "127.0.0.1"]
    finally:
        s.close()


@pytest.mark.parametrize("ip", ["127.0.0.1", "10.0.0.8", "192.168.1.1", "169.254.169.254",
                                "::1", "fd00::1", "100.64.0.1", "0.0.0.0", "::ffff:127.0.0.1"])
def test_non_public_addresses_are_refused(ip):
    from news.importing import check_address

    with pytest.raises(FetchError, match="refused"):
        check_address(ip, 80)


def test_only_http_urls_are_fetched():
    with pytest.raises(FetchError, match="not an http"):
        fast().fetch("file:///etc/passwd")
    with pytest.raises(UsageError, match="only http"):
        expand(["ftp://example.com/a"])


# --------------------------------------------------------------------------- exports


def test_media_cloud_and_gdelt_exports(server, folder, tmp_path):
    mc = tmp_path / "mediacloud.csv"
    with mc.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["stories_id", "publish_date", "title", "url", "media_name"])
        w.writerow(["101", "2019-05-02 08:30:00", "Sheriff ends holds",
                    server.url("/news/sheriff/"), "Peoria Daily"])
        w.writerow(["102", "2017-09", "A story with only a month", server.url("/missing"),
                    "Somewhere"])
    gdelt = tmp_path / "gdelt.tsv"
    gdelt.write_text("DATE\tSourceCommonName\tDocumentIdentifier\n"
                     f"20170214100000\taustinledger.example\t{server.url('/news/raids')}\n")
    events = tmp_path / "events.csv"
    events.write_text(f"SQLDATE,SOURCEURL\n20181120,{server.url('/busy')}\n")
    texts = tmp_path / "texts.jsonl"
    texts.write_text(json.dumps({
        "url": "https://example.org/story", "title": "A story given with its text",
        "outlet": "Example Org", "published": "2016",
        "text": "Agents arrested two people in Peoria, Illinois, on Monday, the sheriff said."
                "\n\nNo one else was detained."}) + "\n")
    out = run(folder, [mc, gdelt, events, texts])
    assert [o.status for o in out] == ["imported", "failed", "imported", "imported", "imported"]
    assert out[1].reason == "HTTP 404"
    given = front(out[4].path)
    assert given["published"] == "2016" and given["outlet"] == "Example Org"
    assert given["source"]["extractor"] == "export row"
    assert "hits" not in given and server.hits.get("/story") is None  # no fetch for a text row


def test_an_export_without_a_url_column_is_unusable(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,headline\n1,Hello\n")
    with pytest.raises(UsageError, match="no url column"):
        expand([bad])


@pytest.mark.parametrize(("value", "expected"), [
    ("2019-05-02 08:30:00", "2019-05-02"), ("2017-09", "2017-09"), ("2017", "2017"),
    ("20170214100000", "2017-02-14"), ("20181120", "2018-11-20"), ("", ""), ("soon", ""),
    ("2017-02-30", ""),
])
def test_partial_dates_stay_partial(value, expected):
    assert partial_date(value) == expected


# --------------------------------------------------------------------------- files


def test_pdf_docx_text_and_markdown_files_and_a_folder(folder, tmp_path):
    import docx

    src = tmp_path / "clippings"
    (src / "nested").mkdir(parents=True)
    (src / "ruling.pdf").write_bytes(text_pdf([
        "Judge blocks grant cuts",
        "",
        "A federal judge in Chicago blocked the Justice Department from withholding grants",
        "from sanctuary cities on Friday.",
        "The city had sued in August.",
    ]))
    d = docx.Document()
    d.core_properties.title = "Vigil outside the detention center"
    d.core_properties.author = "Lee Park"
    d.add_paragraph("About 200 people held a vigil outside the detention center in Elizabeth, "
                    "New Jersey, on Sunday evening.")
    d.add_paragraph("Organizers said they would return every week.")
    d.save(src / "nested" / "vigil.docx")
    (src / "nested" / "note.txt").write_text(
        "Town adopts trust act\n\nThe town of Amherst, Massachusetts, adopted a trust act on "
        "Monday.\n", encoding="utf-8")
    (src / "article.md").write_text(
        "---\ntitle: Shelter opens\noutlet: Valley News\npublished: 2018-06\n---\n\n"
        "A shelter for asylum seekers opened in Burlington, Vermont.\n", encoding="utf-8")
    (src / ".hidden.txt").write_text("not imported")
    (src / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    out = run(folder, [src])
    assert [o.status for o in out] == ["imported"] * 4, [o.line for o in out]
    by_title = {front(o.path)["title"]: o.path for o in out}
    pdf = by_title["Judge blocks grant cuts"]
    assert "A federal judge in Chicago blocked the Justice Department from withholding grants " \
           "from sanctuary cities on Friday.\n\nThe city had sued in August." in body(pdf)
    assert front(pdf)["source"]["extractor"].startswith("pypdf ")
    vigil = front(by_title["Vigil outside the detention center"])
    assert vigil["author"] == "Lee Park" and vigil["source"]["extractor"].startswith("python-docx")
    assert "Organizers said" in body(by_title["Vigil outside the detention center"])
    assert "Amherst" in body(by_title["Town adopts trust act"])
    md = front(by_title["Shelter opens"])
    assert md["outlet"] == "Valley News" and md["published"] == "2018-06"
    assert run(folder, [src]) and {o.status for o in run(folder, [src])} == {"duplicate"}


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("scan.pdf", text_pdf([]), "no text layer in this PDF"),
    ("broken.pdf", b"%PDF-1.4\nnot really", "not a readable PDF"),
    ("broken.docx", b"PK\x03\x04 not a zip", "not a readable .docx file"),
    ("latin.txt", "Caf\u00e9 in Peoria.\n".encode("latin-1"), "not UTF-8 and no declared charset"),
    ("empty.txt", b"\n\n", "empty file"),
    ("bad.md", b"---\ntitle: [\n---\nx\n", "front matter is not valid YAML"),
    ("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
     "not an article page"),
])
def test_a_bad_file_gives_its_reason_and_writes_nothing(folder, tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    (out,) = run(folder, [path])
    assert out.status == "failed"
    assert out.reason.startswith(reason), out.reason
    assert snapshot(folder) == {}


def test_a_file_over_the_limit_is_refused_unread(folder, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (2 * 1024 * 1024))
    imp = Importer(folder, fetcher=fast(), max_bytes=1024 * 1024)
    (out,) = imp.run([Item(origin=str(big), path=big)])
    assert out.reason == "larger than the limit (1 MB)"


def test_the_same_text_twice_in_one_run_is_one_article(folder, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Sheriff speaks\n\nThe sheriff of Peoria County spoke "
                                     "on Monday about the jail.\n")
    out = run(folder, [tmp_path / "a.txt", tmp_path / "b.txt"])
    assert [o.status for o in out] == ["imported", "duplicate"]
    assert out[1].path == out[0].path


# --------------------------------------------------------------------------- the command


def test_the_command_prints_one_line_per_item_a_summary_and_its_status(server, folder, capsys):
    code = main(["import", "--articles", str(folder), server.url("/news/sheriff/"),
                 server.url("/missing")])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert lines[0].startswith("imported ") and lines[0].endswith(".md")
    assert lines[1] == f"failed: {server.url('/missing')}: HTTP 404"
    assert lines[2] == "1 imported, 0 duplicates, 1 failed"
    code = main(["import", "--articles", str(folder), server.url("/news/sheriff/")])
    assert code == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 imported, 1 duplicates, 0 failed"


@pytest.mark.parametrize("args", [["no/such/file.html"], ["ftp://example.com/x"],
                                  [__file__]])
def test_unusable_arguments_exit_2_and_write_nothing(folder, capsys, args):
    assert main(["import", "--articles", str(folder), *args]) == 2
    assert capsys.readouterr().err.startswith("error: ")
    assert not folder.exists()


# --------------------------------------------------------------------------- batches, the store

CITIES = ("Peoria, Illinois", "Austin, Texas", "Denver, Colorado", "Boise, Idaho",
          "Salem, Oregon", "Tucson, Arizona", "Omaha, Nebraska", "Fresno, California",
          "Trenton, New Jersey", "Albany, New York")


def write_texts(where: Path, n: int) -> list[Path]:
    where.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        city = CITIES[i % len(CITIES)]
        p = where / f"story{i:02d}.txt"
        p.write_text(f"Arrests in {city.split(',')[0]}\n\nFederal agents arrested {i + 3} people "
                     f"in {city}, on Monday. \"We will not hold anyone for ICE,\" the sheriff "
                     f"said on Tuesday.\n\nThis is report {i}.\n")
        paths.append(p)
    return paths


def test_a_duplicate_the_store_refuses_names_its_file(database, tmp_path):
    # Two imports at once: the second read its duplicate index before the first stored the
    # text, so only the store refuses it; the line still names the article's file.
    folder = tmp_path / "articles"
    (src,) = write_texts(tmp_path / "src", 1)
    first, second = (Importer(folder, database, fetcher=fast()) for _ in range(2))
    read = list(second.read([Item(origin=str(src), path=src)]))  # as the Add page's Check
    (done,) = first.run([Item(origin=str(src), path=src)])
    assert done.status == "imported"
    (dup,) = second.write(read)
    assert (dup.status, dup.path) == ("duplicate", done.path), dup.reason
    assert dup.line == f"duplicate of {done.path}: {src}"


def test_a_url_in_the_shared_store_is_not_fetched_again(server, postgres, tmp_path):
    # Added by another server: this folder has no file of it, the shared store has it.
    from news.store import add_article, parse_database

    db = parse_database(postgres.create_database())
    url = server.url("/news/sheriff/")
    stored = add_article("Federal agents arrested 12 people in Peoria, Illinois, on Monday.",
                         title="Sheriff", outlet="Peoria Daily", url=url, database=db)
    text_path = tmp_path / "same.txt"
    text_path.write_text("Sheriff\n\nFederal agents arrested 12 people in Peoria, Illinois, "
                         "on Monday.\n")
    imp = Importer(tmp_path / "elsewhere", db, fetcher=fast(), keep_files=False)
    by_url, by_text = imp.run([Item(origin=url, url=url, may_be_feed=True),
                               Item(origin=str(text_path), path=text_path)])
    assert (by_url.status, by_url.path) == ("duplicate", stored)
    assert (by_text.status, by_text.path) == ("duplicate", stored)
    assert "/news/sheriff/" not in server.hits


KILLED_IMPORT = """
import os, signal, sys
from pathlib import Path
import news.importing.run as run
import news.store.shared as shared
import news.store.write as w
from news.importing import Importer, expand
from news.store import parse_database

run.BATCH = 3
calls = 0
real = w._add_rows

def die_in_the_second_batch(*args, **kwargs):  # its first article's rows are in, not committed
    global calls
    calls += 1
    real(*args, **kwargs)
    if calls == 4:
        os.kill(os.getpid(), signal.SIGKILL)

w._add_rows = shared._add_rows = die_in_the_second_batch
for outcome in Importer(Path(sys.argv[1]), parse_database(sys.argv[2])).run(expand([sys.argv[3]])):
    print(outcome.line, flush=True)
print("NOT KILLED")
"""


def test_a_killed_import_leaves_whole_files_a_consistent_store_and_a_rerun_adds_the_rest(
        database, tmp_path):
    import os
    import subprocess
    import sys

    from news.articles import load_articles
    from news.store import ensure_database
    from news.store.backend import read_connection

    folder = tmp_path / "articles"
    src = tmp_path / "src"
    write_texts(src, 8)
    repo = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "-c", KILLED_IMPORT, str(folder), database.url,
                           str(src)], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(repo)})
    assert proc.returncode == -9, proc.stdout + proc.stderr
    # The first batch was stored and printed; the second's lines never came.
    assert [line.split()[0] for line in proc.stdout.splitlines()] == ["imported"] * 3

    def stored() -> list[str]:
        with read_connection(database) as conn:
            return sorted(r[0] for r in conn.execute("SELECT text_hash FROM articles"))

    assert len(stored()) == 3
    loaded, errors = load_articles(folder)
    assert not errors  # only whole files
    # SQLite: the second batch's files were written before its transaction (the store is
    # stale until rebuilt); PostgreSQL: files follow the store, so there are none of them.
    assert len(loaded) == (6 if database.path is not None else 3)
    again = list(Importer(folder, database, fetcher=fast()).run(expand([src])))
    assert sorted(o.status for o in again) == (
        ["duplicate"] * len(loaded) + ["imported"] * (8 - len(loaded)))
    ensure_database(database, folder)
    hashes = stored()
    assert len(hashes) == len(set(hashes)) == 8
    assert len(load_articles(folder)[0]) == 8


def test_a_bulk_import_stores_in_batches_what_one_at_a_time_stores(tmp_path, monkeypatch):
    import news.importing.run as run_mod

    monkeypatch.setattr(run_mod, "BATCH", 4)
    src = tmp_path / "src"
    write_texts(src, 10)
    # a copy of an article of an earlier batch, and one of an article of the same batch
    (src / "zcopy-a.txt").write_text((src / "story03.txt").read_text())
    (src / "zcopy-b.txt").write_text((src / "story09.txt").read_text())
    calls = []
    real = run_mod.add_articles
    monkeypatch.setattr(run_mod, "add_articles", lambda new, **kw: calls.append(len(new))
                        or real(new, **kw))
    folder = tmp_path / "bulk" / "articles"
    out = list(Importer(folder, fetcher=fast()).run(expand([src])))
    assert calls == [4, 4, 3]  # the copy of an earlier batch's article is caught before
    assert [o.status for o in out].count("imported") == 10
    by_name = {Path(o.origin).name: o for o in out}
    for copy, of in (("zcopy-a.txt", "story03.txt"), ("zcopy-b.txt", "story09.txt")):
        assert (by_name[copy].status, by_name[copy].path) == ("duplicate", by_name[of].path)
    one = tmp_path / "one" / "articles"
    for p in sorted(src.glob("story*.txt")):
        (o,) = Importer(one, fetcher=fast()).run([Item(origin=str(p), path=p)])
        assert o.status == "imported"
    a, b = Store(folder.parent / "build" / "sanctuary.sqlite"), Store(
        one.parent / "build" / "sanctuary.sqlite")
    assert [x.id for x in a.articles()] == [x.id for x in b.articles()]
    assert [(g.outlets, len(g.quotes)) for g in a.quote_groups()] == [
        (g.outlets, len(g.quotes)) for g in b.quote_groups()]


def test_an_article_whose_file_was_removed_is_imported_again(tmp_path):
    # SQLite: the folder is the collection and the store is derived from it.
    folder = tmp_path / "articles"
    (src,) = write_texts(tmp_path / "src", 1)
    (first,) = Importer(folder, fetcher=fast()).run([Item(origin=str(src), path=src)])
    Path(first.path).unlink()
    (again,) = Importer(folder, fetcher=fast()).run([Item(origin=str(src), path=src)])
    assert (again.status, again.path) == ("imported", first.path)
