"""Run the app for the browser tests and the benchmarks: a server, a browser, the map's JS.

What both ``tests/browser`` and ``bench/`` need, as plain context managers (no pytest here):
a copy of the app in a temporary folder (so nothing writes into the working tree), ``streamlit
run`` on a free loopback port, Debian chromium driven by Playwright (never a downloaded
browser) with requests beyond loopback aborted, and the JavaScript that finds the map's
features and a pixel to click inside streamlit-folium's iframe.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Route

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
STARTUP_TIMEOUT_S = 120
# What a copy of the app leaves out: history, caches, and the parts that are not the app.
APP_COPY_IGNORE = shutil.ignore_patterns(
    ".git", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis", "node_modules",
    "tests", "bench", "docs", "*.lock",
)


def free_port() -> int:
    """A TCP port of 127.0.0.1 that was free a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def is_local(url: str) -> bool:
    """True for a URL that stays on this machine (loopback, data:, blob:, about:)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "javascript"):
        return True
    return parts.hostname in LOCAL_HOSTS


def copy_app(dst: Path, extra_scripts: Sequence[Path] = ()) -> Path:
    """Copy the app (code, static files, data and built store) to ``dst``; return ``dst``.

    ``extra_scripts`` are copied to its root, so that they are served with the same static
    files and the same ``.streamlit/config.toml`` as the app.
    """
    shutil.copytree(REPO, dst, ignore=APP_COPY_IGNORE)
    for script in extra_scripts:
        shutil.copyfile(script, dst / script.name)
    return dst


@contextmanager
def app_copy(extra_scripts: Sequence[Path] = ()) -> Iterator[Path]:
    """A temporary copy of the app (see :func:`copy_app`), removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="sanctuary-app-") as tmp:
        yield copy_app(Path(tmp) / "app", extra_scripts)


@dataclass
class Server:
    """A running ``streamlit run``: its URL, its process and its log file."""

    url: str
    proc: subprocess.Popen[bytes]
    log: Path

    def rss_mb(self) -> float:
        """Resident memory of the server process now (VmRSS), in MB."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS for the streamlit server")

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server process has used so far."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU time all processes of the machine have used so far (every core, from /proc/stat)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")


@contextmanager
def streamlit_server(app_dir: Path, script: str = "app.py",
                     env: Mapping[str, str] | None = None) -> Iterator[Server]:
    """``streamlit run <script>`` in ``app_dir`` on a free port of 127.0.0.1.

    The server imports the copy's own ``geo``, ``news`` and ``ui`` (``PYTHONPATH``); ``env``
    adds variables (e.g. ``SANCTUARY_DATABASE_URL``).
    """
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(app_dir),
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **(env or {})}
    log_path = app_dir / f"streamlit-{Path(script).stem}-{port}.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.fileWatcherType", "none", "--server.runOnSave", "false"],
            cwd=app_dir, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, proc, log_path)
            yield Server(url, proc, log_path)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while True:
        try:
            proc.wait(timeout=0.25)  # doubles as the poll interval and notices a crash
            raise RuntimeError("streamlit exited:\n" + log_path.read_text(errors="replace"))
        except subprocess.TimeoutExpired:
            pass
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"streamlit did not answer {url}/_stcore/health in time")


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def offline_context(browser: Browser, **kwargs: Any) -> BrowserContext:
    """A browser context whose requests beyond loopback are aborted (and counted).

    The aborted URLs are listed in the context's ``blocked`` attribute.
    """
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, **kwargs)
    blocked: list[str] = []
    context.blocked = blocked  # type: ignore[attr-defined]

    def route(r: Route) -> None:
        if is_local(r.request.url):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return context


# JavaScript run inside streamlit-folium's iframe (``window.map`` is the Leaflet map).
FEATURE_IDS = """
() => Object.values(window.map._layers)
    .filter(l => l.feature && l.options.interactive !== false && l.feature.geometry
                 && l.feature.geometry.type !== 'Point')
    .map(l => String(l.feature.id))
"""

# Zoom to a jurisdiction's polygon and find a pixel where that polygon is the topmost element
# (not a city inside it, not its marker), so that a real mouse click lands on it.
CLICK_POINT = """
(id) => {
    const layer = Object.values(window.map._layers).find(
        l => l.feature && String(l.feature.id) === id && l._path);
    if (!layer) return null;
    window.map.fitBounds(layer.getBounds(), {animate: false});
    const box = layer._path.getBoundingClientRect();
    for (let fy = 0.5, i = 0; i < 9; i++, fy = 0.1 + 0.1 * i) {
        for (let fx = 0.5, k = 0; k < 9; k++, fx = 0.1 + 0.1 * k) {
            const x = box.left + box.width * fx, y = box.top + box.height * fy;
            if (document.elementFromPoint(x, y) === layer._path) return {x, y};
        }
    }
    return null;
}
"""
