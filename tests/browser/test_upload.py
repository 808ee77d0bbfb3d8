"""Several files uploaded through the Add page in a real browser, imported, listed as the command.

Its own copy of the app and its own server (module scope), so the articles it adds change no
other browser test's map.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from helpers import wait_for_app

from ui.testing import article_page, copy_app, streamlit_server, text_pdf

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def import_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    from news.store import ensure_store

    app_dir = copy_app(tmp_path_factory.mktemp("import-app") / "sanctuary-map")
    build = app_dir / "data" / "build"
    build.mkdir(parents=True, exist_ok=True)
    ensure_store(app_dir / "data" / "articles", build / "sanctuary.sqlite",
                 cache_path=build / "extract_cache.sqlite")
    with streamlit_server(app_dir) as server:
        yield app_dir, server.url


def _files(folder: Path) -> list[Path]:
    import docx

    folder.mkdir()
    (folder / "council.html").write_bytes(article_page(
        title="Council declares the town a welcoming city", site="Smyrna Times",
        date="2018-11-20", author="Sam Lee", canonical="https://smyrnatimes.example/council/",
        paragraphs=[
            "The Smyrna town council voted 5 to 2 on Monday night to declare the town a "
            "welcoming city for immigrants, after three hours of public comment.",
            "The resolution does not change how the police work with federal agents, the town "
            "manager said, but it asks the state to fund legal help for residents.",
        ]))
    (folder / "brief.txt").write_text(
        "Town adopts trust act\n\nThe town of Amherst, Massachusetts, adopted a trust act on "
        "Monday after a unanimous vote of the select board.\n", encoding="utf-8")
    d = docx.Document()
    d.core_properties.title = "Vigil outside the detention center"
    d.add_paragraph("About 200 people held a vigil outside the detention center in Elizabeth, "
                    "New Jersey, on Sunday evening.")
    out = io.BytesIO()
    d.save(out)
    (folder / "vigil.docx").write_bytes(out.getvalue())
    (folder / "ruling.pdf").write_bytes(text_pdf([
        "Judge blocks grant cuts", "",
        "A federal judge in Chicago blocked the Justice Department from withholding grants",
        "from sanctuary cities on Friday.",
    ]))
    (folder / "scan.pdf").write_bytes(text_pdf([]))
    return sorted(folder.iterdir())


def test_several_files_uploaded_in_the_browser_are_imported(page, import_app, requests_log,
                                                             tmp_path):
    app_dir, url = import_app
    articles = app_dir / "data" / "articles"
    before = set(articles.glob("*.md"))
    files = _files(tmp_path / "upload")

    page.goto(f"{url}/Add_article")
    wait_for_app(page)
    page.get_by_role("tab", name="Import files or URLs").click()
    uploader = page.get_by_test_id("stFileUploader").filter(has_text="Files").filter(
        visible=True)
    uploader.locator("input[type=file]").set_input_files(files)
    for f in files:
        uploader.get_by_text(f.name).wait_for()
    wait_for_app(page)
    page.get_by_role("button", name="Import", exact=True).click()
    code = page.get_by_test_id("stCode").filter(has_text="imported,")
    code.wait_for(timeout=180_000)
    wait_for_app(page)

    lines = code.inner_text().strip().splitlines()
    assert lines[-1] == "4 imported, 0 duplicates, 1 failed", lines
    assert sum(line.startswith("imported ") for line in lines) == 4
    assert any(re.fullmatch(r"failed: scan\.pdf: no text layer in this PDF.*", line)
               for line in lines)
    added = set(articles.glob("*.md")) - before
    assert len(added) == 4
    titles = {yaml.safe_load(p.read_text("utf-8").split("---\n")[1])["title"] for p in added}
    assert titles == {"Council declares the town a welcoming city", "Town adopts trust act",
                      "Vigil outside the detention center", "Judge blocks grant cuts"}
    # a link to the reader for each imported article
    for title in titles:
        page.get_by_role("link", name=f"Read: {title}").wait_for()
    requests_log.assert_offline()
