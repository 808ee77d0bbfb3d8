"""Run the app for the tests and the benchmarks: a server, a browser, a database, the map's JS.

What both ``tests/`` and ``bench/`` need, as plain context managers (no pytest here): a copy of
the app in a temporary folder (so nothing writes into the working tree), ``streamlit run`` on
a free loopback port, Debian chromium driven by Playwright (never a downloaded browser) with
requests beyond loopback aborted, a throwaway Debian PostgreSQL cluster on loopback, and the
JavaScript that finds the map's features and a pixel to click inside streamlit-folium's iframe.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Route
    from streamlit.testing.v1 import AppTest

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


class LoopbackHTTP:
    """A loopback HTTP server in a thread: ``routes[path] = (status, headers, body)``.

    A route may be a callable ``(handler, hit) -> (status, headers, body)`` (or None when it
    answered itself). ``hits`` counts requests per path, ``agents`` keeps their User-Agents.
    Used by the import tests (pages, feeds, redirects, errors served to the importer).
    """

    def __init__(self) -> None:
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.routes: dict[str, Any] = {}
        self.hits: dict[str, int] = {}
        self.agents: list[str] = []
        routes, hits, agents = self.routes, self.hits, self.agents

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                hits[path] = hits.get(path, 0) + 1
                agents.append(self.headers.get("User-Agent", ""))
                route = routes.get(path)
                if callable(route):
                    route = route(self, hits[path])
                    if route is None:
                        return
                status, headers, body = route if route else (404, {}, b"not found")
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    if "Content-Length" not in headers:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# A news page's chrome around a story (tests/data/import/README.md says what is in it).
ARTICLE_TEMPLATE = REPO / "tests" / "data" / "import" / "article.html"


def article_page(*, title: str, site: str, date: str, author: str, canonical: str,
                 paragraphs: Sequence[str]) -> bytes:
    """A realistic saved news page (chrome, JSON-LD, Open Graph) around ``paragraphs``.

    The values are put in as given: pass HTML-safe text.
    """
    from string import Template

    template = Template(ARTICLE_TEMPLATE.read_text("utf-8"))
    body = "\n".join(f"    <p>{p}</p>" for p in paragraphs)
    return template.substitute(title=title, site=site, date=date, author=author,
                               canonical=canonical, paragraphs=body).encode("utf-8")


def text_pdf(lines: Sequence[str]) -> bytes:
    """A minimal valid one-page PDF with a text layer (Helvetica), offsets computed.

    No lines: a PDF without a text layer, as a scan without OCR is.
    """
    import io

    ops = ["BT /F1 11 Tf 72 720 Td 14 TL"]
    for line in lines:
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({esc}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


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


def postgres_bindir() -> Path | None:
    """Debian's PostgreSQL server programs (the newest /usr/lib/postgresql/<major>/bin), or None."""
    found = [d for d in Path("/usr/lib/postgresql").glob("*/bin")
             if (d / "initdb").is_file() and (d / "pg_ctl").is_file()]
    found.sort(key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else -1)
    return found[-1] if found else None


@dataclass
class PostgresCluster:
    """A throwaway PostgreSQL cluster on 127.0.0.1 (see :func:`postgres_cluster`)."""

    bindir: Path
    root: Path
    port: int
    user: str | None  # the OS user the server runs as (None: this process's user)

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        """The URL of one database of the cluster (the superuser ``postgres``, no password)."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        subprocess.run([str(self.bindir / args[0]), *args[1:]], check=True, cwd=self.root,
                       user=self.user, group=self.user, capture_output=True, text=True,
                       timeout=120)

    def start(self) -> None:
        """Start the server (again); returns once it accepts connections."""
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root}"
                   " -c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w",
                  "-t", "120", "-o", options, "start")

    def stop(self) -> None:
        """Stop the server at once (clients see their connections drop)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def create_database(self, name: str | None = None) -> str:
        """Create a new, empty database; return its URL."""
        import psycopg

        name = name or f"store_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop a database created by :meth:`create_database` (its clients are cut off)."""
        import psycopg

        name = urlsplit(url).path.lstrip("/")
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def postgres_cluster() -> Iterator[PostgresCluster]:
    """Debian's PostgreSQL, initialised in a temporary folder and started on a free port.

    As root the server runs as the ``postgres`` user (PostgreSQL refuses to run as root): the
    folder is given to that user. The socket lives in the folder too, so several clusters run
    side by side. Stopped and removed afterwards.

    Raises
    ------
    RuntimeError
        PostgreSQL is not installed, or did not start (the message holds its log).
    """
    bindir = postgres_bindir()
    if bindir is None:
        raise RuntimeError("Debian's PostgreSQL is not installed (no /usr/lib/postgresql/*/bin):"
                           " apt-get install postgresql, or run bash scripts/test.sh")
    user = "postgres" if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="sanctuary-pg-"))
    if user:
        shutil.chown(root, user, user)
    cluster = PostgresCluster(bindir, root, free_port(), user)
    try:
        try:
            cluster._run("initdb", "-D", str(cluster.data), "-U", "postgres", "-A", "trust",
                         "-E", "UTF8", "--no-locale", "--no-sync")
            cluster.start()
        except subprocess.CalledProcessError as error:
            log = root / "server.log"
            detail = log.read_text(errors="replace") if log.is_file() else ""
            raise RuntimeError(f"PostgreSQL did not start: {error.stderr or error}\n{detail}") from None
        try:
            yield cluster
        finally:
            with contextlib.suppress(subprocess.SubprocessError, OSError):
                cluster.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)


# The page has finished its script run: Streamlit marks its root with the run's state (the
# attribute its own end-to-end tests wait on). Its "Running..." widget is no signal: it shows
# only once a run has lasted 500 ms, so a run of 0.3-0.8 s on a loaded machine looked idle.
APP_IDLE = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.dataset.testScriptState === 'notRunning'
    && app.dataset.testConnectionState === 'CONNECTED'
    && !!document.querySelector('[data-testid="stMainBlockContainer"]');
}
"""

# JavaScript run inside streamlit-folium's iframe (``window.map`` is the Leaflet map,
# ``window.sanctuaryLayers`` the map's jurisdictions by id: see ui.map._ViewLayer).
FEATURE_IDS = """
() => Object.keys(window.sanctuaryLayers || {})
"""

# The map has drawn its jurisdictions (the canvas is painted in the frame after they are added).
MAP_DRAWN = "() => !!(window.map && window.sanctuaryDrawn)"

# A pixel (in the iframe) to really click a jurisdiction: a city's point, or a pixel of a shape
# that no city point covers and where no smaller shape lies (what the server resolves a click
# to: geo.pick). ``arg`` is the id, or ``[id, fit]``; with ``fit`` (the default) the map first
# fits the jurisdiction, else it stays at its zoom (a small county under a city's point).
CLICK_POINT = """
(arg) => {
    const [id, fit] = Array.isArray(arg) ? arg : [arg, true];
    const layers = window.sanctuaryLayers || {}, map = window.map, layer = layers[id];
    if (!layer) return null;
    const box = map.getContainer().getBoundingClientRect();
    const size = map.getSize();
    const visible = (p) => p.x > 2 && p.y > 2 && p.x < size.x - 2 && p.y < size.y - 2;
    if (!layer.getBounds) {
        if (fit) map.setView(layer.getLatLng(), Math.max(map.getZoom(), 6), {animate: false});
        const p = map.latLngToContainerPoint(layer.getLatLng());
        return visible(p) ? {x: box.left + p.x, y: box.top + p.y} : null;
    }
    if (fit) map.fitBounds(layer.getBounds(), {animate: false});
    const rings = (l) => {
        const out = [];
        const walk = (a) => { if (a.length && a[0].lat !== undefined) out.push(a);
                              else a.forEach(walk); };
        walk(l.getLatLngs());
        return out;
    };
    const inside = (l, ll) => {
        let c = false;
        for (const r of rings(l)) {
            for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
                if ((r[i].lat > ll.lat) !== (r[j].lat > ll.lat) && ll.lng <
                    (r[j].lng - r[i].lng) * (ll.lat - r[i].lat) / (r[j].lat - r[i].lat) + r[i].lng)
                    c = !c;
            }
        }
        return c;
    };
    const area = (l) => { const b = l.getBounds();
                          return (b.getNorth() - b.getSouth()) * (b.getEast() - b.getWest()); };
    const dots = Object.values(layers).filter(l => !l.getBounds)
        .map(l => map.latLngToContainerPoint(l.getLatLng()));
    const smaller = Object.values(layers).filter(l => l.getBounds && l !== layer
                                                   && area(l) < area(layer));
    const nw = map.latLngToContainerPoint(layer.getBounds().getNorthWest());
    const se = map.latLngToContainerPoint(layer.getBounds().getSouthEast());
    const n = 40;
    for (let i = 1; i < n; i++) {
        for (let k = 1; k < n; k++) {
            // from the middle outwards
            const fx = 0.5 + (k % 2 ? 1 : -1) * Math.floor(k / 2) / n;
            const fy = 0.5 + (i % 2 ? 1 : -1) * Math.floor(i / 2) / n;
            const p = L.point(nw.x + (se.x - nw.x) * fx, nw.y + (se.y - nw.y) * fy);
            if (!visible(p) || dots.some(d => d.distanceTo(p) < 9)) continue;
            const ll = map.containerPointToLatLng(p);
            if (!inside(layer, ll) || smaller.some(l => inside(l, ll))) continue;
            return {x: box.left + p.x, y: box.top + p.y};
        }
    }
    return null;
}
"""


@dataclass
class PageRun:
    """What one run of a page sent over Streamlit's websocket: its elements, in order."""

    elements: list[Any]  # streamlit.proto Element messages
    pages: dict[str, str]  # page name -> page_script_hash (from the navigation message)
    page_hash: str

    def texts(self, kind: str) -> list[str]:
        """The bodies of the elements of one kind: 'markdown', 'heading', 'alert', ..."""
        out = []
        for e in self.elements:
            if e.WhichOneof("type") == kind:
                part = getattr(e, kind)
                out.append(part.body if hasattr(part, "body") else str(part))
        return out

    def alerts(self, fmt: str) -> list[str]:
        """The page's alerts of one format ('ERROR', 'WARNING', 'INFO', 'SUCCESS') as plain text
        (the markdown escapes of untrusted text removed)."""
        from streamlit.proto.Alert_pb2 import Alert

        want = Alert.Format.Value(fmt)
        return [re.sub(r"\\(.)", r"\1", e.alert.body) for e in self.elements
                if e.WhichOneof("type") == "alert" and e.alert.format == want]

    def exceptions(self) -> list[str]:
        """Exceptions the script raised (``type: message``)."""
        return [f"{e.exception.type}: {e.exception.message}" for e in self.elements
                if e.WhichOneof("type") == "exception"]

    def widget(self, kind: str, label: str) -> Any:
        """The widget of ``kind`` ('text_input', 'text_area', 'button') with ``label``."""
        for e in self.elements:
            if e.WhichOneof("type") == kind and getattr(e, kind).label == label:
                return getattr(e, kind)
        raise LookupError(f"no {kind} labelled {label!r} on the page")


class AppSession:
    """One browser-less session of a running app, over Streamlit's websocket protocol.

    What a browser tab does, without the browser: it opens ``/_stcore/stream``, asks for a
    page (``rerun_script`` with the page's hash and query string), sets widgets (their states
    are sent with the rerun, as a form's submit does) and reads the elements the script sends
    until ``script_finished``. The same protobuf classes as Streamlit's frontend
    (``streamlit.proto``); the load tool ``../shared/tools/stload.py`` speaks it too.
    """

    def __init__(self, server_url: str, timeout: float = 120) -> None:
        from websockets.sync.client import connect

        ws_url = server_url.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.timeout = timeout
        self._stack = contextlib.ExitStack()
        self.ws = self._stack.enter_context(connect(
            ws_url, subprotocols=["streamlit"], max_size=None,  # type: ignore[list-item]
            open_timeout=timeout))
        self.pages: dict[str, str] = {}

    def close(self) -> None:
        self._stack.close()

    def __enter__(self) -> AppSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, page: str | None = None, query: str = "",
            widgets: Mapping[str, str | bool] | None = None) -> PageRun:
        """Run ``page`` (a page name, e.g. 'Add article'; None: the main page) and return it.

        ``widgets`` maps a widget id to its value: a string for a text widget, True for a
        button pressed in this run.
        """
        self.request(page, query, widgets)
        return self.receive()

    def request(self, page: str | None = None, query: str = "",
                widgets: Mapping[str, str | bool] | None = None) -> None:
        """Ask for a run of ``page`` (see :meth:`run`) without waiting for it."""
        from streamlit.proto.BackMsg_pb2 import BackMsg

        if page is not None and page not in self.pages:
            self.run()  # learn the pages' hashes from the navigation message
        msg = BackMsg()
        msg.rerun_script.query_string = query
        if page is not None:
            msg.rerun_script.page_script_hash = self.pages[page]
        for wid, value in (widgets or {}).items():
            state = msg.rerun_script.widget_states.widgets.add()
            state.id = wid
            if value is True:
                state.trigger_value = True
            else:
                state.string_value = str(value)
        self.ws.send(msg.SerializeToString())

    def receive(self) -> PageRun:
        """The elements of the run asked for, once the script has finished."""
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        by_path: dict[tuple[int, ...], Any] = {}
        page_hash = ""
        deadline = time.monotonic() + self.timeout
        while True:
            raw = self.ws.recv(timeout=max(0.1, deadline - time.monotonic()))
            m = ForwardMsg()
            m.ParseFromString(raw)
            kind = m.WhichOneof("type")
            if kind == "new_session":
                page_hash = m.new_session.page_script_hash
                by_path.clear()
            elif kind == "navigation":
                self.pages = {p.page_name: p.page_script_hash for p in m.navigation.app_pages}
                page_hash = m.navigation.page_script_hash or page_hash
            elif kind == "delta" and m.delta.WhichOneof("type") == "new_element":
                by_path[tuple(m.metadata.delta_path)] = m.delta.new_element
            elif (kind == "script_finished"
                  and m.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN):
                elements = [by_path[k] for k in sorted(by_path)]
                return PageRun(elements, dict(self.pages), page_hash)


def run_app(page: str | None = None, **params: str | list[str]) -> AppTest:
    """One AppTest run of the app, on ``page`` (a path relative to the repository) or the map.

    Pages are reached from the entrypoint, as in the app: page links resolve against it. The
    query parameters are set before the run; an exception in the script fails the caller.
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    if page:
        at.switch_page(page)
    for k, v in params.items():
        at.query_params[k] = v
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_filters(at: AppTest) -> AppTest:
    """Open the sidebar's filters expander (its widgets are drawn only while it is open) and
    run again; return ``at``."""
    from ui.sidebar import FILTERS_KEY

    at.session_state[FILTERS_KEY] = True
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def plain(md: str) -> str:
    """Markdown as read: Streamlit's backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", md)
