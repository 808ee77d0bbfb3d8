"""Browser-test harness: a copy of the app served by `streamlit run`, driven by Debian chromium.

The server runs on a copy of the repository in a temporary folder, so a test that adds an
article never writes into the working tree. Every request the page makes is recorded and
anything not addressed to the local server is aborted; `assert_offline` checks the record.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ui.testing import CHROMIUM, CHROMIUM_ARGS, copy_app, is_local, streamlit_server

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def app_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the app: code, static files and data (the built store too, when present)."""
    return copy_app(tmp_path_factory.mktemp("app") / "sanctuary-map")


@pytest.fixture(scope="session")
def app_store(app_dir: Path) -> Path:
    """The copy's store, built before the server starts (a fresh checkout has none)."""
    from news.store import ensure_store

    build = app_dir / "data" / "build"
    build.mkdir(parents=True, exist_ok=True)
    return ensure_store(app_dir / "data" / "articles", build / "sanctuary.sqlite",
                        cache_path=build / "extract_cache.sqlite")


@pytest.fixture(scope="session")
def app_url(app_dir: Path, app_store: Path) -> Iterator[str]:
    with streamlit_server(app_dir) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        # A skip would let the suite pass without its browser tests; say what to do instead.
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/test.sh` (it installs Debian's "
                    "chromium) or deselect these tests with -m 'not browser'")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class Requests:
    """Every URL the page asked for (HTTP and WebSocket); non-local HTTP ones were aborted."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.blocked: list[str] = []
        self.ws_received_bytes = 0

    def assert_offline(self) -> None:
        assert self.urls, "no request was recorded"
        outside = [u for u in self.urls if not is_local(u)]
        assert not outside, f"requests left localhost: {outside}"


@pytest.fixture
def requests_log() -> Requests:
    return Requests()


@pytest.fixture
def page(browser, requests_log: Requests) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})

    def route(r) -> None:
        url = r.request.url
        if is_local(url):
            r.continue_()
        else:
            requests_log.blocked.append(url)
            r.abort()

    def on_ws(ws) -> None:
        requests_log.urls.append(ws.url)

        def received(payload) -> None:
            requests_log.ws_received_bytes += len(payload)

        ws.on("framereceived", received)

    context.on("request", lambda req: requests_log.urls.append(req.url))
    context.route("**/*", route)
    pg = context.new_page()
    pg.on("websocket", on_ws)
    pg.set_default_timeout(60_000)
    yield pg
    context.close()
