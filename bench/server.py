"""Start ``streamlit run`` on a copy of the app, and Debian chromium for Playwright.

The browser benchmarks need what the browser tests' fixtures in ``tests/browser/conftest.py``
do (a copy of the app so nothing writes into the working tree, a server on a free loopback
port, Debian chromium with fixed flags), but outside pytest: these are plain context managers.
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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
BARE_APP = Path(__file__).resolve().parent / "bare_app.py"
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
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "javascript"):
        return True
    return parts.hostname in LOCAL_HOSTS


@contextmanager
def app_copy() -> Iterator[Path]:
    """A temporary copy of the app (code, static files, data and built store) plus the bare
    page of ``bench/bare_app.py`` at its root, so both are served with the same static files
    and the same ``.streamlit/config.toml``."""
    with tempfile.TemporaryDirectory(prefix="sanctuary-bench-") as tmp:
        dst = Path(tmp) / "app"
        shutil.copytree(REPO, dst, ignore=APP_COPY_IGNORE)
        shutil.copyfile(BARE_APP, dst / "bare_app.py")
        yield dst


@dataclass
class Server:
    url: str
    proc: subprocess.Popen
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
def streamlit_server(app_dir: Path, script: str = "app.py") -> Iterator[Server]:
    """``streamlit run <script>`` in ``app_dir`` on a free port of 127.0.0.1."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(app_dir),
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
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


def _wait_healthy(url: str, proc: subprocess.Popen, log_path: Path) -> None:
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
def chromium() -> Iterator[object]:
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


def offline_context(browser: object, **kwargs: object) -> object:
    """A browser context whose requests beyond loopback are aborted (and counted)."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, **kwargs)
    context.blocked = []  # type: ignore[attr-defined]

    def route(r: object) -> None:
        if is_local(r.request.url):
            r.continue_()
        else:
            context.blocked.append(r.request.url)  # type: ignore[attr-defined]
            r.abort()

    context.route("**/*", route)
    return context
