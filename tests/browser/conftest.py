"""Browser-test harness: a copy of the app served by `streamlit run`, driven by Debian chromium.

The server runs on a copy of the repository in a temporary folder, so a test that adds an
article never writes into the working tree. Every request the page makes is recorded and
anything not addressed to the local server is aborted; `assert_offline` checks the record.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
STARTUP_TIMEOUT_S = 90


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "javascript"):
        return True
    return parts.hostname in LOCAL_HOSTS


@pytest.fixture(scope="session")
def app_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the app: code, static files and data (the built store too, when present)."""
    dst = tmp_path_factory.mktemp("app") / "sanctuary-map"
    shutil.copytree(
        REPO, dst,
        ignore=shutil.ignore_patterns(".git", "__pycache__", ".pytest_cache", ".ruff_cache",
                                      ".hypothesis", "node_modules", "tests", "bench", "docs"),
    )
    return dst


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
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(app_dir),
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    log = (app_dir / "streamlit.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=app_dir, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    try:
        while True:
            try:
                # waiting on the process doubles as the poll interval and notices a crash
                proc.wait(timeout=0.25)
                raise RuntimeError("streamlit exited:\n"
                                   + (app_dir / "streamlit.log").read_text(errors="replace"))
            except subprocess.TimeoutExpired:
                pass
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("streamlit did not answer /_stcore/health in time")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (scripts/test.sh installs it)")
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
