"""Where the first map's time goes, and a same-sitting A/B of source trees against the bare page.

    python -m bench.first_map --tree before=/tmp/before --tree after=. --runs 8 [--cpu 2]

Each tree (a checkout, e.g. ``git archive COMMIT | tar -x -C /tmp/before``) is copied as
``ui.testing.copy_app`` does, given the synthetic 10,000-article corpus (``bench.corpus``, built
once under this checkout's ``data/build/bench/``; ``--corpus seeds`` keeps the seeds) and served;
the bare page (``bench/bare_app.py``) is served from the first tree. Loads are interleaved (A, B,
bare, then the reverse order, ...), each in a fresh browser context, timed by ``bench.browser``'s
own init script (navigation -> map drawn). For each load, on the page's clock: when the map's
iframe started, the map script's marks (``sanctuary:script``, ``view``, ``draw``, ``drawn``:
``ui.map._ViewLayer``), the iframe's resource timings, the page's long tasks, and the renderer's
script / layout / style / task durations until the map was drawn (CDP ``Performance.getMetrics``).
``--cpu N``: N more loads per tree under the CDP sampling profiler, self time by script and by
function. ``--json FILE`` keeps every load's figures.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from bench.browser import BARE_APP, INIT_SCRIPT
from ui.testing import APP_COPY_IGNORE, REPO, chromium, offline_context, streamlit_server

COLLECT = """
() => {
  const b = window.__bench;
  const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  const w = frame.contentWindow;
  const t0 = performance.timeOrigin;
  const off = w.performance.timeOrigin - t0;
  const res = (p, o) => p.getEntriesByType('resource').map(e => ({
      name: e.name.replace(/^https?:\\/\\/[^/]+/, '').slice(0, 90), start: e.startTime + o,
      reqStart: e.requestStart + o, respStart: e.responseStart + o, end: e.responseEnd + o,
      size: e.transferSize, body: e.decodedBodySize}));
  const marks = {};
  w.performance.getEntriesByType('mark').forEach(m => { marks[m.name] = m.startTime + off; });
  const nav = w.performance.getEntriesByType('navigation')[0];
  return {map: b.mapAt - t0, iframeOrigin: off, marks, frameRes: res(w.performance, off),
          pageRes: res(performance, 0),
          frameDomContentLoaded: nav ? nav.domContentLoadedEventEnd + off : null,
          longtasks: window.__lt, nShapes: w.sanctuaryLayers ? Object.keys(w.sanctuaryLayers).length : 0};
}
"""


def copy_tree(src: Path, dst: Path, corpus: Path | None) -> Path:
    shutil.copytree(src, dst, ignore=APP_COPY_IGNORE)
    shutil.copyfile(BARE_APP, dst / "bare_app.py")
    # The gazetteer as in this checkout (times kept): the store's code fingerprint reads the
    # files' times, and a tree unpacked by git archive would otherwise rebuild the store.
    shutil.rmtree(dst / "data" / "geo")
    shutil.copytree(REPO / "data" / "geo", dst / "data" / "geo")
    if corpus is not None:
        shutil.rmtree(dst / "data" / "articles")
        shutil.copytree(corpus / "articles", dst / "data" / "articles")
        (dst / "data" / "build").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(corpus / "sanctuary.sqlite", dst / "data" / "build" / "sanctuary.sqlite")
    return dst


def load(browser, url: str, paths: int, cpu: bool = False) -> dict:
    ctx = offline_context(browser)
    ctx.add_init_script(INIT_SCRIPT % {"min_paths": paths})
    ctx.add_init_script("""(() => { if (window.top !== window) return; window.__lt = [];
      new PerformanceObserver(l => l.getEntries().forEach(e => window.__lt.push(
        [Math.round(e.startTime), Math.round(e.duration),
         (e.attribution[0] || {}).containerSrc ? 'frame' : (e.name || '')])))
        .observe({type: 'longtask', buffered: true}); })();""")
    page = ctx.new_page()
    page.set_default_timeout(300_000)
    cdp = ctx.new_cdp_session(page)
    cdp.send("Performance.enable")
    if cpu:
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 200})
        cdp.send("Profiler.start")
    page.goto(url)
    page.wait_for_function("() => window.__bench && window.__bench.mapAt > 0", timeout=300_000)
    out: dict = {}
    if cpu:
        out["profile"] = cdp.send("Profiler.stop")["profile"]
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    out["metrics"] = {k: metrics.get(k) for k in ("ScriptDuration", "LayoutDuration",
                                                   "RecalcStyleDuration", "TaskDuration",
                                                   "JSHeapUsedSize", "Nodes")}
    if paths:
        out.update(page.evaluate(COLLECT))
    else:
        out["map"] = page.evaluate("() => window.__bench.mapAt - performance.timeOrigin")
        out.update({k: v for k, v in page.evaluate(COLLECT).items() if k != "map"})
    ctx.close()
    return out


def self_times(profile: dict) -> dict[str, float]:
    nodes = {n["id"]: n for n in profile["nodes"]}
    dt: dict[int, float] = {}
    for sid, d in zip(profile["samples"], profile["timeDeltas"], strict=True):
        dt[sid] = dt.get(sid, 0) + d / 1000.0
    out: dict[str, float] = {}
    for nid, ms in dt.items():
        cf = nodes[nid]["callFrame"]
        url = cf["url"].rsplit("/", 1)[-1][:40]
        key = f"{cf['functionName'] or '(anon)'} @{url}:{cf['lineNumber']}"
        out[key] = out.get(key, 0) + ms
    return out


def by_file(profile: dict) -> dict[str, float]:
    nodes = {n["id"]: n for n in profile["nodes"]}
    out: dict[str, float] = {}
    for sid, d in zip(profile["samples"], profile["timeDeltas"], strict=True):
        cf = nodes[sid]["callFrame"]
        url = cf["url"].rsplit("/", 1)[-1].split("?")[0][:40] or cf["functionName"]
        out[url] = out.get(url, 0) + d / 1000.0
    return out


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else float("nan")


def summarize(name: str, loads: list[dict]) -> None:
    maps = [x["map"] for x in loads]
    inner = [x["map"] - x["iframeOrigin"] for x in loads]
    print(f"\n== {name}: map drawn median {med(maps):.0f} ms ({min(maps):.0f}-{max(maps):.0f}),"
          f" n={len(maps)}; from the iframe's start {med(inner):.0f} ms ({min(inner):.0f}-"
          f"{max(inner):.0f})")
    keys = ["ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "TaskDuration"]
    print("  renderer until map drawn (median s): " + ", ".join(
        f"{k} {med([x['metrics'][k] for x in loads]):.3f}" for k in keys))
    if loads[0].get("marks"):
        for m in sorted(loads[0]["marks"], key=lambda k: loads[0]["marks"][k]):
            print(f"  mark {m:24s} {med([x['marks'].get(m) for x in loads]):8.0f}")
    if loads[0].get("frameDomContentLoaded"):
        print(f"  iframe origin {med([x['iframeOrigin'] for x in loads]):.0f}, iframe DCL "
              f"{med([x['frameDomContentLoaded'] for x in loads]):.0f}")
    for x in loads[:2]:
        print("  long tasks (start, ms, where): " + " ".join(f"{a}+{b}{c[:5]}" for a, b, c in x["longtasks"]))
    names = [r["name"] for r in loads[0].get("frameRes", [])]
    for nm in names:
        rows = [next((r for r in x["frameRes"] if r["name"] == nm), None) for x in loads]
        rows = [r for r in rows if r]
        print(f"  frame res {nm[-60:]:60s} start {med([r['start'] for r in rows]):6.0f} "
              f"resp {med([r['respStart'] for r in rows]):6.0f} end {med([r['end'] for r in rows]):6.0f}"
              f" body {med([r['body'] for r in rows]) / 1e3:7.1f} KB")
    # page-level: the component's iframe document and its main.js, and the count before it
    for x in loads[:1]:
        pr = sorted(x["pageRes"], key=lambda r: r["start"])
        comp = [r for r in pr if "streamlit_folium" in r["name"] or "component" in r["name"]]
        print(f"  page resources: {len(pr)}; component-related:")
        for r in comp[:6]:
            before = sum(1 for q in pr if q["start"] < r["start"])
            print(f"    {r['name'][-70:]:70s} start {r['start']:6.0f} end {r['end']:6.0f} "
                  f"(#{before} requested before)")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tree", action="append", required=True, help="NAME=PATH")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cpu", type=int, default=0)
    ap.add_argument("--corpus", default="synthetic", choices=("synthetic", "seeds"))
    ap.add_argument("--json", default="")
    args = ap.parse_args()
    from bench import corpus as synthetic

    folder = synthetic.build() if args.corpus == "synthetic" else None
    trees = [(t.split("=", 1)[0], Path(t.split("=", 1)[1])) for t in args.tree]
    results: dict[str, list[dict]] = {n: [] for n, _ in trees}
    results["bare"] = []
    profiles: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="firstmap-") as tmp:
        dirs = [(n, copy_tree(p, Path(tmp) / n, folder)) for n, p in trees]
        from contextlib import ExitStack

        with ExitStack() as stack:
            servers = [(n, stack.enter_context(streamlit_server(d, "app.py"))) for n, d in dirs]
            bare = stack.enter_context(streamlit_server(dirs[0][1], "bare_app.py"))
            browser = stack.enter_context(chromium())
            targets = [(n, s.url, 1) for n, s in servers] + [("bare", bare.url, 0)]
            for _, url, paths in targets:  # warm-up
                load(browser, url, paths)
            for i in range(args.runs):
                order = targets if i % 2 == 0 else targets[::-1]
                for n, url, paths in order:
                    r = load(browser, url, paths)
                    results[n].append(r)
                    print(f"run {i} {n}: {r['map']:.0f} ms", file=sys.stderr, flush=True)
            for _ in range(args.cpu):
                for n, url, paths in targets:
                    profiles.setdefault(n, []).append(load(browser, url, paths, cpu=True))
    for n, loads in results.items():
        summarize(n, loads)
    base = med([x["map"] for x in results["bare"]])
    print("\nratios to bare (median): " + ", ".join(
        f"{n} {med([x['map'] for x in loads]) / base:.2f}x" for n, loads in results.items()))
    # paired (interleaved) differences to the first tree, load by load
    first = trees[0][0]
    for n, _ in trees[1:]:
        for what, fn in (("navigation -> map drawn", lambda x: x["map"]),
                         ("iframe start -> map drawn", lambda x: x["map"] - x["iframeOrigin"])):
            diffs = [fn(b) - fn(a) for a, b in zip(results[first], results[n], strict=False)]
            print(f"{n} - {first}, {what}, per pair: " + " ".join(f"{d:+.0f}" for d in diffs)
                  + f" (median {med(diffs):+.0f} ms, lower in {sum(d < 0 for d in diffs)} of "
                  f"{len(diffs)})")
    for n, ps in profiles.items():
        agg: dict[str, float] = {}
        files: dict[str, float] = {}
        for p in ps:
            for k, v in self_times(p["profile"]).items():
                agg[k] = agg.get(k, 0) + v / len(ps)
            for k, v in by_file(p["profile"]).items():
                files[k] = files.get(k, 0) + v / len(ps)
        print(f"\n== CPU profile {n} (mean of {len(ps)}; self ms; map at "
              f"{med([p['map'] for p in ps]):.0f})")
        for k, v in sorted(files.items(), key=lambda kv: -kv[1])[:14]:
            print(f"  file {k:44s} {v:7.1f}")
        for k, v in sorted(agg.items(), key=lambda kv: -kv[1])[:30]:
            print(f"  fn {k[:70]:70s} {v:7.1f}")
    if args.json:
        Path(args.json + ".profiles").write_text(json.dumps(
            {n: [p["profile"] for p in ps] for n, ps in profiles.items()}))
        for ps in profiles.values():
            for p in ps:
                p.pop("profile", None)
        Path(args.json).write_text(json.dumps({"results": results}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
