"""Concurrent users: N sessions on one Streamlit server clicking and filtering for a bounded time.

Each session is a headless browser context of one Debian chromium (Playwright's async API, so
all sessions act at once) that loads the map page and then, until the time is up, clicks a
jurisdiction on the map (the two it alternates between stay drawn under the filter) and every
third action adds or removes an outlet in the sidebar filter. Every latency is timed in the
page, as in ``bench.browser``: click -> the clicked jurisdiction's panel; Enter in the filter
-> the map caption saying the view changed.

Errors (must be 0): actions that time out, exceptions shown by Streamlit in a page, page
errors, requests that tried to leave loopback, and tracebacks in the server log. The baseline
is one session doing the same, measured in the same run just before.

    python -m bench.sessions [--sessions 20] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.browser import CLICK_POINT, LAYER_DRAWN, MAP_IFRAME, WATCH
from bench.common import Row, log, median
from ui.testing import (
    APP_IDLE,
    CHROMIUM,
    CHROMIUM_ARGS,
    Server,
    app_copy,
    is_local,
    machine_busy_seconds,
    streamlit_server,
)

ACTION_TIMEOUT_MS = 60_000
# Enter in the filter -> the caption under the title reports the new view.
FILTER_WATCH = """
(filtered) => {
  const b = window.__bench;
  b.keyAt = 0; b.viewAt = 0;
  const now = () => performance.timeOrigin + performance.now();
  const sidebar = document.querySelector('[data-testid="stSidebar"]');
  sidebar.addEventListener('keydown', () => { if (!b.keyAt) b.keyAt = now(); },
                           {capture: true, once: true});
  const ready = () => Array.from(document.querySelectorAll('[data-testid="stCaptionContainer"]'))
      .some(c => c.textContent.startsWith('In view:')
                 && c.textContent.includes('(filtered)') === filtered
                 && c.closest('[data-testid="stElementContainer"]')
                     .getAttribute('data-stale') !== 'true');
  const obs = new MutationObserver(() => {
    if (!b.viewAt && b.keyAt && ready()) { b.viewAt = now(); obs.disconnect(); }
  });
  obs.observe(document.body, {subtree: true, childList: true, characterData: true,
                              attributes: true, attributeFilter: ['data-stale']});
}
"""
INIT = "window.__bench = {clickAt: 0, panelAt: 0, keyAt: 0, viewAt: 0};"


@dataclass
class Results:
    sessions: int
    seconds: float
    clicks_ms: list[float] = field(default_factory=list)
    filters_ms: list[float] = field(default_factory=list)
    loads_s: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rss_before: float = 0.0
    rss_peak: float = 0.0
    rss_after: float = 0.0
    server_cores: float = 0.0  # server CPU seconds / wall seconds during the run
    machine_cores: float = 0.0  # the same for the whole machine (browser and others too)


def _plan(app_dir: Path) -> tuple[str, tuple[str, str], dict[str, str]]:
    """An outlet to filter by and two polygons drawn both with and without that filter."""
    from geo import load_gazetteer, load_geometries

    db = next((app_dir / "data" / "build").glob("sanctuary.sqlite"))
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        outlets = [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles ORDER BY 1")]
        by_outlet = {o: {r[0] for r in conn.execute(
            "SELECT aj.jurisdiction FROM article_jurisdictions aj JOIN articles a"
            " ON a.id = aj.article WHERE a.outlet = ?", (o,))} for o in outlets}
    gaz = load_gazetteer()
    for outlet in sorted(outlets, key=lambda o: -len(by_outlet[o])):
        ids = [i for i in by_outlet[outlet] if gaz.find(i) and gaz.get(i).kind in
               ("county", "state")]
        drawn = set(load_geometries(ids, strict=False)["id"])
        counties = sorted(i for i in drawn if len(i) == 5)
        states = sorted(i for i in drawn if len(i) == 2)
        if counties and states:
            pair = (counties[0], states[0])
            return outlet, pair, {i: gaz.get(i).display_name for i in pair}
    raise RuntimeError("no outlet with a county and a state to click")


@dataclass
class Start:
    """Every session loads first; the clock of the bounded run starts when the last is in."""

    sessions: int
    seconds: float
    loaded: int = 0
    deadline: float = 0.0
    event: asyncio.Event = field(default_factory=asyncio.Event)

    def arrive(self) -> None:
        self.loaded += 1
        if self.loaded == self.sessions:
            self.deadline = time.perf_counter() + self.seconds
            self.event.set()


async def _session(browser: Any, url: str, plan: tuple, start: Start, res: Results,
                   name: str) -> None:
    outlet, pair, names = plan
    context = await browser.new_context(viewport={"width": 1440, "height": 1000})

    async def route(r: Any) -> None:
        if is_local(r.request.url):
            await r.continue_()
        else:
            res.errors.append(f"{name}: request left loopback: {r.request.url}")
            await r.abort()

    await context.route("**/*", route)
    await context.add_init_script(INIT)
    page = await context.new_page()
    page.set_default_timeout(ACTION_TIMEOUT_MS)
    page.on("pageerror", lambda e: res.errors.append(f"{name}: page error: {e}"))
    arrived = False
    try:
        t0 = time.perf_counter()
        await page.goto(url)
        frame = await (await page.wait_for_selector(MAP_IFRAME)).content_frame()
        await frame.wait_for_function(
            "() => window.map && document.querySelectorAll('.leaflet-overlay-pane path').length")
        await page.wait_for_function(APP_IDLE)
        res.loads_s.append(time.perf_counter() - t0)
        start.arrive()
        arrived = True
        await start.event.wait()
        filtered = False
        n = clicks = 0
        while time.perf_counter() < start.deadline:
            n += 1
            if n % 3 == 2:  # click, filter, click, click, filter, ...
                filtered = not filtered
                res.filters_ms.append(await _filter(page, outlet, filtered))
            else:
                # every click selects the other jurisdiction, so that the panel must change
                jid = pair[clicks % 2]
                clicks += 1
                res.clicks_ms.append(await _click(page, jid, names[jid]))
            shown = await page.query_selector_all('[data-testid="stException"]')
            if shown:
                res.errors.append(f"{name}: exception on the page: "
                                  f"{(await shown[0].inner_text())[:200]}")
                break
    except Exception as error:  # a timeout or a crash is an error of the run, not of the bench
        res.errors.append(f"{name}: {type(error).__name__}: {str(error).splitlines()[0][:200]}")
        with contextlib.suppress(Exception):
            await page.screenshot(path=f"/tmp/bench-concurrent-{name.replace(' ', '-')}.png")
    finally:
        if not arrived:  # a session that failed to load must not hold the others back
            start.arrive()
        await context.close()


async def _click(page: Any, jid: str, needle: str) -> float:
    point = None
    for attempt in range(6):  # after a rerun the iframe may still be redrawing the map
        frame = await (await page.wait_for_selector(MAP_IFRAME)).content_frame()
        await frame.wait_for_function(LAYER_DRAWN, arg=jid)
        point = await frame.evaluate(CLICK_POINT, jid)
        if point:
            break
        await page.wait_for_timeout(250 * (attempt + 1))
    if not point:
        await page.screenshot(path=f"/tmp/bench-covered-{jid}.png")
        raise RuntimeError(f"{jid} is not drawn (or covered) on the map")
    box = await (await page.wait_for_selector(MAP_IFRAME)).bounding_box()
    await page.evaluate(WATCH, ["app", needle])
    await page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    await page.wait_for_function("() => window.__bench.panelAt > 0")
    b = await page.evaluate("() => window.__bench")
    await _idle(page)
    return b["panelAt"] - b["clickAt"]


async def _filter(page: Any, outlet: str, add: bool) -> float:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    await page.evaluate(FILTER_WATCH, add)
    if add:
        await box.locator("input").click()
        await page.keyboard.type(outlet)
        # under load the list filters late: press Enter once the option is there
        await page.get_by_role("option", name=outlet).first.wait_for()
        await page.keyboard.press("Enter")
    else:
        await box.locator("input").focus()
        await page.keyboard.press("Backspace")  # removes the chosen outlet
    await page.wait_for_function("() => window.__bench.viewAt > 0")
    b = await page.evaluate("() => window.__bench")
    await page.keyboard.press("Escape")
    await _idle(page)
    return b["viewAt"] - b["keyAt"]


async def _idle(page: Any) -> None:
    await page.wait_for_function(APP_IDLE)
    await page.wait_for_timeout(200)
    await page.wait_for_function(APP_IDLE)


async def _run(server: Server, plan: tuple, sessions: int, seconds: float,
               res: Results) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                          headless=True)
        try:
            # all sessions load at once; the bounded run starts when the last one is in
            start = Start(sessions, seconds)
            await asyncio.gather(*(
                _session(browser, server.url, plan, start, res, f"session {i + 1}")
                for i in range(sessions)))
        finally:
            await browser.close()


def _sample_rss(server: Server, stop: threading.Event, res: Results) -> None:
    while not stop.wait(0.5):
        res.rss_peak = max(res.rss_peak, server.rss_mb())


def measure(server: Server, plan: tuple, sessions: int, seconds: float) -> Results:
    res = Results(sessions, seconds)
    res.rss_before = res.rss_peak = server.rss_mb()
    log_size = server.log.stat().st_size
    stop = threading.Event()
    sampler = threading.Thread(target=_sample_rss, args=(server, stop, res), daemon=True)
    sampler.start()
    log(f"concurrent: {sessions} session(s) for {seconds:.0f} s")
    cpu0, busy0, wall0 = server.cpu_seconds(), machine_busy_seconds(), time.perf_counter()
    try:
        asyncio.run(_run(server, plan, sessions, seconds, res))
    finally:
        stop.set()
        sampler.join()
    wall = time.perf_counter() - wall0
    res.server_cores = (server.cpu_seconds() - cpu0) / wall
    res.machine_cores = (machine_busy_seconds() - busy0) / wall
    time.sleep(2)  # let the server drop the closed sessions
    res.rss_after = server.rss_mb()
    with server.log.open("rb") as fh:
        fh.seek(log_size)
        new_log = fh.read().decode(errors="replace")
    if "Traceback" in new_log:
        res.errors.append("server log: " + new_log[new_log.index("Traceback"):][:300])
    return res


def run(sessions: int = 20, seconds: float = 60, baseline_seconds: float = 20) -> list[Row]:
    with app_copy() as app_dir, streamlit_server(app_dir, "app.py") as server:
        plan = _plan(app_dir)
        # warm the server (imports, store, caches) with one short session, not counted
        measure(server, plan, 1, 1)
        one = measure(server, plan, 1, baseline_seconds)
        many = measure(server, plan, sessions, seconds)
    base = f"1 session, {baseline_seconds:.0f} s"
    if not one.clicks_ms or not many.clicks_ms:
        raise RuntimeError(f"no click completed: {one.errors[:3]} {many.errors[:3]}")
    errs = len(many.errors) + len(one.errors)
    err_note = "; ".join((one.errors + many.errors)[:3])
    return [
        Row("concurrent", f"errors ({sessions} sessions, {seconds:.0f} s)", errs, "count",
            target="0", ok=errs == 0,
            note=f"{len(many.clicks_ms)} clicks and {len(many.filters_ms)} filter changes by "
                 f"{sessions} sessions" + (f"; first errors: {err_note}" if errs else "")),
        Row("concurrent", "click -> panel, median", median(many.clicks_ms), "ms",
            median(one.clicks_ms), base, runs=len(many.clicks_ms)),
        Row("concurrent", "click -> panel, worst", max(many.clicks_ms), "ms",
            max(one.clicks_ms), base, runs=len(many.clicks_ms)),
        *([Row("concurrent", "filter -> map caption, median", median(many.filters_ms), "ms",
                median(one.filters_ms) if one.filters_ms else None, base,
                runs=len(many.filters_ms))] if many.filters_ms else []),
        Row("concurrent", "page load (goto -> map, idle), median", median(many.loads_s) * 1e3,
            "ms", median(one.loads_s) * 1e3, base, runs=len(many.loads_s),
            note="all sessions load at once, before the timed run; timed by the driver"),
        Row("concurrent", "server CPU, cores busy", many.server_cores, "cores",
            one.server_cores, base,
            note=f"the whole machine was {many.machine_cores:.2f} cores busy during the "
                 f"{sessions}-session run ({one.machine_cores:.2f} with one session; "
                 f"{os.cpu_count()} cores, chromium and other work included); one Streamlit "
                 "process runs every session's script under one GIL"),
        Row("concurrent", "server RSS before", many.rss_before, "MB", one.rss_before, base),
        Row("concurrent", "server RSS peak", many.rss_peak, "MB", one.rss_peak, base),
        Row("concurrent", "server RSS after (sessions closed)", many.rss_after, "MB",
            one.rss_after, base),
    ]


def main(argv: list[str] | None = None) -> int:
    from bench.common import table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args(argv)
    print(table(run(args.sessions, args.seconds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
