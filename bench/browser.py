"""The map page in a real browser, beside a bare Streamlit page holding an empty folium map.

Two figures, each the median of ``--runs`` (>= 10) measurements, app and bare page interleaved
in the same run:

* **first map**: from navigation start to the first animation frame in which streamlit-folium's
  Leaflet map exists with its layers drawn (for the bare page: the empty map exists). Every load
  is a fresh browser context (a new user: empty cache). Both timestamps are taken in the page
  (``performance.timeOrigin + performance.now()``, comparable across the page and its iframe).
* **click to panel**: a timestamp taken in the map's iframe by a capturing ``click`` listener,
  and a MutationObserver in the page noting when the clicked jurisdiction's panel is there (its
  heading and its last element, the "Clear the selection" button, both from the new run).
  For the bare page: the "Clicked at ..." line its rerun prints. The driver's own waiting is
  outside the interval. streamlit-folium waits 250 ms before it reports a click, in both.

Also recorded: the websocket bytes the server sends for one page load, and that no request
left loopback (every other request is aborted).

    python -m bench.browser [--runs 10]
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import Row, log, median, table
from ui.testing import APP_IDLE, CLICK_POINT, app_copy, chromium, offline_context, streamlit_server

BARE_APP = Path(__file__).resolve().parent / "bare_app.py"
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
CLICK_TARGET_RATIO = 1.3
LOAD_TARGET_RATIO = 1.3
# Two large jurisdictions of the seeds, clicked in turn so that every click changes the panel.
CLICK_IDS = ("48453", "06")

# Runs in the page before any script of its own: notes the first animation frame in which
# streamlit-folium's iframe holds the Leaflet map with its layers drawn. (Polled from the page:
# the component rewrites its iframe's document, which drops anything installed in it early.)
INIT_SCRIPT = """
(() => {
  if (window.top !== window) return;
  const now = () => performance.timeOrigin + performance.now();
  window.__bench = {nav: performance.timeOrigin, mapAt: 0, clickAt: 0, panelAt: 0, ws: []};
  // every websocket message, timed: [when, 'in' | 'out', bytes]
  const Native = window.WebSocket;
  const size = (d) => d.byteLength !== undefined ? d.byteLength
      : d.size !== undefined ? d.size : String(d).length;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => window.__bench.ws.push([now(), 'in', size(e.data)]));
    }
    send(data) { window.__bench.ws.push([now(), 'out', size(data)]); return super.send(data); }
  };
  const minPaths = %(min_paths)d;
  const poll = () => {
    const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
    const w = frame && frame.contentWindow;
    try {
      // the app's map paints its jurisdictions on a canvas (ui.map._ViewLayer)
      if (w && w.map && w.map._loaded && (minPaths === 0 || w.sanctuaryDrawn)) {
        window.__bench.mapAt = now();
        return;
      }
    } catch (e) { /* the iframe is between documents */ }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();
"""

# Installed in the page just before a click: resolves panelAt when the expected text is there.
WATCH = """
([kind, needle]) => {
  const b = window.__bench;
  b.clickAt = 0; b.panelAt = 0;
  const now = () => performance.timeOrigin + performance.now();
  const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  frame.contentWindow.addEventListener('click', () => { if (!b.clickAt) b.clickAt = now(); },
                                       {capture: true, once: true});
  const fresh = (el) => {
    const box = el.closest('[data-testid="stElementContainer"]');
    return !box || box.getAttribute('data-stale') !== 'true';
  };
  const ready = () => {
    const heads = Array.from(document.querySelectorAll('[data-testid="stHeading"]'))
        .filter(fresh).map(h => h.textContent.trim());
    if (kind === 'bare') return heads.some(t => t.startsWith('Clicked at') && t !== needle);
    const clear = document.querySelector('.st-key-clear-selection');
    return heads.includes(needle) && clear && fresh(clear);
  };
  const obs = new MutationObserver(() => {
    if (!b.panelAt && b.clickAt && ready()) { b.panelAt = now(); obs.disconnect(); }
  });
  obs.observe(document.body, {subtree: true, childList: true, characterData: true,
                              attributes: true, attributeFilter: ['data-stale']});
}
"""

# The map in the iframe has a drawn polygon for this id (after a rerun it may be redrawing).
LAYER_DRAWN = """
(id) => !!(window.map && window.sanctuaryDrawn && window.sanctuaryLayers
             && window.sanctuaryLayers[id])
"""



@dataclass
class Samples:
    load_ms: list[float] = field(default_factory=list)
    click_ms: list[float] = field(default_factory=list)
    ws_bytes: list[int] = field(default_factory=list)
    phases: list[dict[str, float]] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)


def _wait_idle(page: Any) -> None:
    page.wait_for_function(APP_IDLE)
    page.wait_for_timeout(300)
    page.wait_for_function(APP_IDLE)


def _load(browser: Any, url: str, min_paths: int, out: Samples) -> tuple[Any, Any]:
    """Open ``url`` in a fresh context; record navigation -> map drawn; return (context, page)."""
    context = offline_context(browser)
    context.add_init_script(INIT_SCRIPT % {"min_paths": min_paths})
    page = context.new_page()
    page.set_default_timeout(120_000)
    received = [0]

    def on_ws(ws: Any) -> None:
        ws.on("framereceived", lambda payload: received.__setitem__(0, received[0] + len(payload)))

    page.on("websocket", on_ws)
    page.goto(url)
    page.wait_for_function("() => window.__bench && window.__bench.mapAt > 0",
                           timeout=900_000)
    bench = page.evaluate("() => window.__bench")
    out.load_ms.append(bench["mapAt"] - bench["nav"])
    _wait_idle(page)
    out.ws_bytes.append(received[0])
    out.blocked.extend(context.blocked)
    return context, page


def _click_app(page: Any, jurisdiction: str, needle: str, out: Samples) -> None:
    frame = page.wait_for_selector(MAP_IFRAME).content_frame()
    frame.wait_for_function(LAYER_DRAWN, arg=jurisdiction)
    point = frame.evaluate(CLICK_POINT, jurisdiction)
    if not point:
        raise RuntimeError(f"{jurisdiction} is not drawn (or covered) on the map")
    box = page.wait_for_selector(MAP_IFRAME).bounding_box()
    page.evaluate(WATCH, ["app", needle])
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_function("() => window.__bench.panelAt > 0", timeout=60_000)
    b = page.evaluate("() => window.__bench")
    out.click_ms.append(b["panelAt"] - b["clickAt"])
    _wait_idle(page)
    out.phases.append(_phases(page.evaluate("() => window.__bench"), b["clickAt"], b["panelAt"]))


def _phases(b: dict, click: float, panel: float) -> dict[str, float]:
    """Where a click's time goes, from the page's websocket log."""
    out_ = [t for t, d, _ in b["ws"] if d == "out" and t >= click]
    sent = out_[0] if out_ else click
    ins = [(t, n) for t, d, n in b["ws"] if d == "in" and t >= sent]
    first = ins[0][0] if ins else sent
    return {"to_send": sent - click, "to_first_reply": first - sent, "to_panel": panel - first,
            "bytes_in": sum(n for _, n in ins)}


def _click_bare(page: Any, n: int, out: Samples) -> None:
    box = page.wait_for_selector(MAP_IFRAME).bounding_box()
    heads = page.evaluate("() => Array.from(document.querySelectorAll("
                          "'[data-testid=\"stHeading\"]')).map(h => h.textContent.trim())")
    previous = next((h for h in heads if h.startswith("Clicked at")), "")
    page.evaluate(WATCH, ["bare", previous])
    # a different point each time, so that the printed line changes
    page.mouse.click(box["x"] + box["width"] / 2 + 9 * (n % 7 - 3),
                     box["y"] + box["height"] / 2 + 7 * (n % 5 - 2))
    page.wait_for_function("() => window.__bench.panelAt > 0", timeout=60_000)
    b = page.evaluate("() => window.__bench")
    out.click_ms.append(b["panelAt"] - b["clickAt"])
    _wait_idle(page)
    out.phases.append(_phases(page.evaluate("() => window.__bench"), b["clickAt"], b["panelAt"]))


def _display_names(app_dir: Path, ids: tuple[str, ...]) -> dict[str, str]:
    from geo import load_gazetteer

    return {i: load_gazetteer().get(i).display_name for i in ids}


def _click_ids(app_dir: Path) -> tuple[str, ...]:
    """The two most reported counties of the copy's store (a state is covered by counties)."""
    from geo import load_gazetteer
    from news.store import Filters, Store

    rows = Store(app_dir / "data" / "build" / "sanctuary.sqlite").jurisdiction_summaries(
        Filters())
    # A county that is its whole state (the District of Columbia) has the state's shape: a
    # click on it opens the state, so its own panel is never the one a click shows.
    gazetteer = load_gazetteer()

    def own_shape(county_id: str) -> bool:
        return any(c.kind == "county" and c.id != county_id
                   for c in gazetteer.children(county_id[:2]))

    counties = sorted((s for s in rows if s.kind == "county" and own_shape(s.id)),
                      key=lambda s: -s.n_excerpts)
    return tuple(s.id for s in counties[:2])


def measure(runs: int = 10, corpus: str = "seeds") -> tuple[Samples, Samples, float, float,
                                                              dict[str, int]]:
    """Interleaved loads and clicks of the app and the bare page; returns both samples, the
    app server's RSS (MB) before the first and after the last request, and what the corpus
    holds (``corpus``: the seeds, or the synthetic 10,000 articles of ``bench/corpus.py``)."""
    held: dict[str, int] = {}
    with app_copy([BARE_APP]) as app_dir:
        click_ids = CLICK_IDS
        if corpus == "synthetic":
            from bench import corpus as synthetic

            held = synthetic.install(app_dir)
            click_ids = _click_ids(app_dir)
        app, bare, rss_before, rss_after = _measure(app_dir, runs, click_ids)
    return app, bare, rss_before, rss_after, held


def _measure(app_dir: Path, runs: int,
             click_ids: tuple[str, ...]) -> tuple[Samples, Samples, float, float]:
    app, bare = Samples(), Samples()
    with streamlit_server(app_dir, "app.py") as app_srv, \
            streamlit_server(app_dir, "bare_app.py") as bare_srv, chromium() as browser:
        rss_before = app_srv.rss_mb()
        names = _display_names(app_dir, click_ids)
        # one untimed load of each: Python imports, the store and the caches of the servers
        for srv, paths in ((app_srv, 1), (bare_srv, 0)):
            ctx, _ = _load(browser, srv.url, paths, Samples())
            ctx.close()
        log(f"browser: {runs} loads of the app and of the bare page, interleaved")
        for _ in range(runs):
            ctx, _ = _load(browser, app_srv.url, 1, app)
            ctx.close()
            ctx, _ = _load(browser, bare_srv.url, 0, bare)
            ctx.close()
        log(f"browser: {runs} clicks on each, interleaved")
        app_ctx, app_page = _load(browser, app_srv.url, 1, Samples())
        bare_ctx, bare_page = _load(browser, bare_srv.url, 0, Samples())
        for n in range(runs + 1):
            jid = click_ids[n % len(click_ids)]
            _click_app(app_page, jid, names[jid], app)
            _click_bare(bare_page, n, bare)
        # the first click of each is a warm-up (first rerun of a session)
        for samples in (app, bare):
            samples.click_ms.pop(0)
            samples.phases.pop(0)
        app.blocked.extend(app_ctx.blocked)
        bare.blocked.extend(bare_ctx.blocked)
        app_ctx.close()
        bare_ctx.close()
        rss_after = app_srv.rss_mb()
    return app, bare, rss_before, rss_after


def run(runs: int = 10, corpora: tuple[str, ...] = ("seeds", "synthetic")) -> list[Row]:
    rows: list[Row] = []
    for corpus in corpora:
        log(f"browser: {corpus}")
        app, bare, _, _, held = measure(runs, corpus)
        what = "seeds" if corpus == "seeds" else (
            f"{held['articles']:,} art., {held['jurisdictions']:,} jur.")
        rows += _rows(what, app, bare, runs)
        log(table(rows))  # partial results as they come
    return rows


def _rows(what: str, app: Samples, bare: Samples, runs: int) -> list[Row]:
    load, load_bare = median(app.load_ms), median(bare.load_ms)
    click, click_bare = median(app.click_ms), median(bare.click_ms)
    blocked = app.blocked + bare.blocked
    offline = f"; requests aborted for leaving loopback: {len(blocked)}" + (
        f" ({blocked[:3]})" if blocked else "")
    return [
        Row("browser", f"{what}: navigation -> map drawn", load, "ms", load_bare,
            "bare page, empty map", f"<= {LOAD_TARGET_RATIO}x bare",
            load <= LOAD_TARGET_RATIO * load_bare, runs,
            note=f"fresh context per load (empty cache: the shapes files are fetched); app min "
                 f"{min(app.load_ms):.0f} / max {max(app.load_ms):.0f} ms, bare min "
                 f"{min(bare.load_ms):.0f} / max {max(bare.load_ms):.0f} ms" + offline),
        Row("browser", f"{what}: click -> panel shown", click, "ms", click_bare,
            "bare page, click echo", f"<= {CLICK_TARGET_RATIO}x bare",
            click <= CLICK_TARGET_RATIO * click_bare, runs,
            note=f"timed in the page; app max {max(app.click_ms):.0f} ms, bare max "
                 f"{max(bare.click_ms):.0f} ms. Medians, app | bare: click -> rerun request "
                 f"{_ph(app, 'to_send'):.0f} | {_ph(bare, 'to_send'):.0f} ms (streamlit-folium's "
                 f"250 ms debounce), -> first reply {_ph(app, 'to_first_reply'):.0f} | "
                 f"{_ph(bare, 'to_first_reply'):.0f} ms, -> panel {_ph(app, 'to_panel'):.0f} | "
                 f"{_ph(bare, 'to_panel'):.0f} ms; websocket bytes in per click (uncompressed) "
                 f"{_ph(app, 'bytes_in') / 1e3:.0f} | {_ph(bare, 'bytes_in') / 1e3:.1f} KB"),
        Row("browser", f"{what}: websocket bytes per page load", median(app.ws_bytes), "B",
            median(bare.ws_bytes), "bare page, empty map", runs=runs,
            note="everything the server sends over the websocket for one load (map, panel, "
                 "sidebar), uncompressed as the page sees it (bench/payload.py counts the "
                 "wire); static files come over HTTP"),
    ]


def _ph(samples: Samples, key: str) -> float:
    return median([p[key] for p in samples.phases]) if samples.phases else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--corpus", nargs="+", choices=("seeds", "synthetic"),
                        default=["seeds", "synthetic"])
    args = parser.parse_args(argv)
    print(table(run(args.runs, tuple(args.corpus))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
