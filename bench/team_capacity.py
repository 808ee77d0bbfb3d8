"""Capacity of a team's setup: two app servers on one PostgreSQL store against one server.

One throwaway PostgreSQL (Debian's, on loopback, as ``bench.store_backends`` and the tests
start it) holds the seeds, plus ``--synthetic N`` articles made from them as
``bench/pipeline.py`` does. Two ``streamlit run app.py`` servers read it
(``SANCTUARY_DATABASE_URL``). Each repetition has two phases, in alternating order:

* **one server**: ``--sessions`` (20) sessions on one of the two servers (the other idle; which
  one alternates between repetitions), the baseline;
* **two servers**: ``--sessions`` sessions on each (40 in all) at the same moment.

The sessions are the shared tool ``shared/tools/stload.py`` (looked for beside the repository,
or ``--stload PATH``): Streamlit's websocket protocol, no browser; each session loads the page,
then reruns it with ``?j=ID`` as a click on the map does, cycling through the jurisdictions the
store reports most about. Every server gets its own load generator process (its ``session``
coroutine, imported from the tool's file); the processes open and load their sessions, then
start their timed windows together, so the two servers' windows coincide.

Printed: errors (refused or dropped connections and script exceptions; must be 0), reruns/s
per server and in total, rerun latency (send -> script finished) p50 / p90 / max per server,
and the CPU each part used (servers, PostgreSQL, load generators, the whole machine), each
beside the one-server figure of the same run as a ratio; medians over ``--runs`` with their
spread; the machine's load average before and after, and its CPU pressure (Linux PSI) during
the windows: on a shared machine, whether the servers could get the cores they need.

    python -m bench.team_capacity [--sessions 20] [--seconds 40] [--runs 3] [--synthetic 0]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import inspect
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import IO, TYPE_CHECKING, Any

from bench.common import REPO, Row, log, median, table

if TYPE_CHECKING:
    from ui.testing import Server

STLOAD = Path("shared") / "tools" / "stload.py"
# How many of the store's jurisdictions the sessions click through (the most reported first).
CLICK_IDS = 4
# A deadline for a load generator to open and load its sessions, not a timing.
READY_TIMEOUT_S = 300
# "No worse" on a shared machine: within this share of the one-server figure.
TOLERANCE = 0.10


def find_stload(explicit: Path | None = None) -> Path:
    """The load tool: ``explicit``, else ``shared/tools/stload.py`` in a folder above the repo.

    Raises
    ------
    FileNotFoundError
        The tool is not there (the message says where it was looked for).
    """
    if explicit is not None:
        candidates = [explicit]
    else:
        candidates = [parent / STLOAD for parent in REPO.parents]
    for path in candidates:
        if path.is_file():
            return path
    raise FileNotFoundError(
        "the load tool stload.py was not found (looked for "
        + ", ".join(str(p) for p in candidates[:3])
        + ("" if len(candidates) <= 3 else ", ...")
        + "); pass its path with --stload")


def load_stload(path: Path) -> ModuleType:
    """Import the tool from its file (it is not part of the repository) and check its API."""
    spec = importlib.util.spec_from_file_location("stload", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"{path} is not a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    session = getattr(module, "session", None)
    if not inspect.iscoroutinefunction(session) or list(inspect.signature(session).parameters) != [
            "url", "param", "ids", "seconds", "out", "start"]:
        raise RuntimeError(f"{path}: expected a coroutine session(url, param, ids, seconds, out, "
                           "start); the tool changed, update bench/team_capacity.py")
    return module


# --- the load generator: one process per server -------------------------------------------

async def _drive(stload: ModuleType, port: int, sessions: int, seconds: float,
                 ids: list[str], go: IO[str]) -> dict[str, Any]:
    url = f"ws://127.0.0.1:{port}/_stcore/stream"
    out: dict[str, Any] = {"lat": [], "first": [], "bytes": [], "exc": 0, "err": [], "seen": []}
    start = asyncio.Event()
    tasks = [asyncio.create_task(stload.session(url, "j", ids, seconds, out, start))
             for _ in range(sessions)]
    deadline = time.monotonic() + READY_TIMEOUT_S
    while len(out["first"]) + len(out["err"]) < sessions and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    late = sessions - len(out["first"]) - len(out["err"])
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, go.readline)
    cpu0 = _own_cpu()
    start.set()
    t0 = time.perf_counter()
    await asyncio.gather(*tasks)
    wall = time.perf_counter() - t0
    if late:
        out["err"].append(f"{late} sessions had not loaded their page in {READY_TIMEOUT_S} s")
    return {"lat": out["lat"], "first": out["first"], "exc": out["exc"], "err": out["err"],
            "seen": out["seen"], "wall": wall, "cpu": _own_cpu() - cpu0,
            "bytes": median(out["bytes"]) if out["bytes"] else 0.0}


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def drive_main(args: argparse.Namespace) -> int:
    """``--drive``: sessions on one server; prints ``ready``, waits for a line, prints JSON."""
    stload = load_stload(find_stload(args.stload))
    result = asyncio.run(_drive(stload, args.drive, args.sessions, args.seconds,
                                args.ids.split(","), sys.stdin))
    print(json.dumps(result), flush=True)
    return 0


@dataclass
class Load:
    """What one load generator measured on one server during one window."""

    reruns: int
    wall: float
    errors: int
    first_error: str
    lat: list[float]  # seconds, sorted
    cpu: float
    kb_per_rerun: float

    @property
    def rate(self) -> float:
        return self.reruns / self.wall if self.wall else 0.0

    def q(self, p: float) -> float:
        """The p quantile of the latency in ms, as stload computes it."""
        if not self.lat:
            return float("nan")
        return self.lat[min(len(self.lat) - 1, int(p * len(self.lat)))] * 1000


@dataclass
class Phase:
    """One timed window: a load per server, and what the machine's parts used meanwhile."""

    loads: list[Load]
    server_cpu: list[float]  # cores busy, per loaded server
    pg_cpu: float
    machine_cpu: float
    load_before: float
    load_after: float
    wall: float
    pressure: float | None  # share of the window in which some task waited for a core


def run_phase(ports: Sequence[int], servers: Sequence[Server], pg_root: Path, sessions: int,
              seconds: float, ids: Sequence[str], stload: Path) -> Phase:
    """Drive ``sessions`` sessions on each of ``ports`` at once (``servers`` are their processes)."""
    from ui.testing import machine_busy_seconds

    cmd = [sys.executable, "-m", "bench.team_capacity", "--stload", str(stload),
           "--sessions", str(sessions), "--seconds", str(seconds), "--ids", ",".join(ids)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([*cmd, "--drive", str(port)], cwd=REPO, env=env, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
             for port in ports]
    try:
        for p in procs:
            assert p.stdout is not None
            line = p.stdout.readline()
            if line.strip() != "ready":
                raise RuntimeError(f"the load generator stopped before its sessions loaded: {line!r}")
        load_before = os.getloadavg()[0]
        cpu0 = [s.cpu_seconds() for s in servers]
        pg0, busy0, psi0 = postgres_cpu(pg_root), machine_busy_seconds(), cpu_pressure_us()
        t0 = time.perf_counter()
        for p in procs:
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        results = []
        for p in procs:
            assert p.stdout is not None
            results.append(json.loads(p.stdout.readline()))
        wall = time.perf_counter() - t0
        cpu1 = [s.cpu_seconds() for s in servers]
        pg1, busy1, psi1 = postgres_cpu(pg_root), machine_busy_seconds(), cpu_pressure_us()
        load_after = os.getloadavg()[0]
    finally:
        for p in procs:
            try:
                p.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.communicate()
    loads = [Load(reruns=len(r["lat"]), wall=r["wall"], errors=len(r["err"]) + r["exc"],
                  first_error=(r["seen"] + r["err"] + [""])[0], lat=sorted(r["lat"]),
                  cpu=r["cpu"] / r["wall"] if r["wall"] else 0.0, kb_per_rerun=r["bytes"] / 1024)
             for r in results]
    return Phase(loads=loads, server_cpu=[(b - a) / wall for a, b in zip(cpu0, cpu1, strict=True)],
                 pg_cpu=(pg1 - pg0) / wall, machine_cpu=(busy1 - busy0) / wall,
                 load_before=load_before, load_after=load_after, wall=wall,
                 pressure=None if psi0 is None or psi1 is None else (psi1 - psi0) / 1e6 / wall)


def cpu_pressure_us() -> int | None:
    """Microseconds in which some task waited for a core (Linux PSI), None without PSI."""
    try:
        some = Path("/proc/pressure/cpu").read_text().splitlines()[0]
    except (OSError, IndexError):
        return None
    return int(some.rsplit("total=", 1)[1])


def postgres_cpu(root: Path) -> float:
    """CPU seconds used so far by the cluster in ``root``: its postmaster and its backends."""
    pid_file = root / "data" / "postmaster.pid"
    postmaster = int(pid_file.read_text().split()[0])
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(proc.name) == postmaster:  # with its ended children's time (cutime, cstime)
            total += sum(int(v) for v in fields[11:15]) / tick
        elif int(fields[1]) == postmaster:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


# --- the benchmark ------------------------------------------------------------------------

@dataclass
class Results:
    one: list[Phase] = field(default_factory=list)
    two: list[Phase] = field(default_factory=list)


def _spread(values: Sequence[float], unit: str) -> str:
    fmt = {"ms": "{:,.0f}", "/s": "{:.2f}", "cores": "{:.2f}"}[unit]
    return f"{fmt.format(min(values))}-{fmt.format(max(values))}"


def rows_of(res: Results, sessions: int, seconds: float) -> list[Row]:
    """The table: every two-server figure beside the one-server figure of the same run."""
    runs = len(res.one)
    base = [p.loads[0] for p in res.one]
    both = [p.loads for p in res.two]
    rows: list[Row] = []
    errors_one = sum(load.errors for load in base)
    errors_two = sum(load.errors for loads in both for load in loads)
    reruns_one = sum(load.reruns for load in base)
    reruns_two = sum(load.reruns for loads in both for load in loads)
    first = next((load.first_error for loads in both for load in loads if load.first_error),
                 next((load.first_error for load in base if load.first_error), ""))
    rows.append(Row("capacity", f"errors, 1 server x {sessions} sessions", errors_one, "count",
                    target="0", ok=errors_one == 0, runs=runs,
                    note=f"{reruns_one} reruns in {runs} windows of {seconds:.0f} s, "
                         f"{median([load.kb_per_rerun for load in base]):.0f} KB sent per rerun"
                         + (f"; first: {first}" if first and errors_one else "")))
    rows.append(Row("capacity", f"errors, 2 servers x {sessions} sessions", errors_two, "count",
                    target="0", ok=errors_two == 0, runs=runs,
                    note=f"{reruns_two} reruns in {runs} windows of {seconds:.0f} s"
                         + (f"; first: {first}" if first and errors_two else "")))
    one_rate = [load.rate for load in base]
    base_name = f"1 server, {sessions} sessions"
    for k in range(2):
        rate = [loads[k].rate for loads in both]
        ratio = median(rate) / median(one_rate)
        rows.append(Row("capacity", f"reruns/s, server {k + 1} of 2", median(rate), "/s",
                        baseline=median(one_rate), baseline_name=base_name,
                        target="no worse", ok=ratio >= 1 - TOLERANCE, runs=runs,
                        note=f"spread {_spread(rate, '/s')} vs {_spread(one_rate, '/s')}"))
    total = [sum(load.rate for load in loads) for loads in both]
    rows.append(Row("capacity", "reruns/s, both servers", median(total), "/s",
                    baseline=median(one_rate), baseline_name=base_name, target="2x",
                    ok=median(total) / median(one_rate) >= 2 * (1 - TOLERANCE), runs=runs,
                    note=f"spread {_spread(total, '/s')} vs {_spread(one_rate, '/s')}"))
    for k in range(2):
        for label, p in (("p50", 0.5), ("p90", 0.9), ("max", 1.0)):
            lat = [loads[k].q(p) for loads in both]
            one_lat = [load.q(p) for load in base]
            ok = median(lat) <= median(one_lat) * (1 + TOLERANCE) if label != "max" else None
            rows.append(Row("capacity", f"rerun latency {label}, server {k + 1} of 2", median(lat),
                            "ms", baseline=median(one_lat), baseline_name=base_name,
                            target="no worse" if ok is not None else "", ok=ok, runs=runs,
                            note=f"spread {_spread(lat, 'ms')} vs {_spread(one_lat, 'ms')} ms"))
    cpu_rows: list[tuple[str, list[float], list[float], str]] = [
        ("server CPU, per server", [sum(p.server_cpu) / len(p.server_cpu) for p in res.two],
         [p.server_cpu[0] for p in res.one], "one Streamlit process per server"),
        ("PostgreSQL CPU", [p.pg_cpu for p in res.two], [p.pg_cpu for p in res.one],
         "the postmaster and its backends"),
        ("load generator CPU", [sum(load.cpu for load in p.loads) for p in res.two],
         [p.loads[0].cpu for p in res.one], "the stload processes, on the same 2 cores"),
        ("whole machine CPU", [p.machine_cpu for p in res.two], [p.machine_cpu for p in res.one],
         f"{os.cpu_count()} cores, other work on the machine included"),
    ]
    per_rerun = [1000 * sum(p.server_cpu) * p.wall / max(1, sum(ld.reruns for ld in p.loads))
                 for p in res.two]
    one_per_rerun = [1000 * p.server_cpu[0] * p.wall / max(1, p.loads[0].reruns) for p in res.one]
    rows.append(Row("capacity", "server CPU per rerun", median(per_rerun), "ms",
                    baseline=median(one_per_rerun), baseline_name=base_name, runs=runs,
                    note="CPU time of the servers / reruns they served: what a rerun costs; "
                         "reruns/s follow the CPU the servers get from the machine; spread "
                         f"{_spread(per_rerun, 'ms')} vs {_spread(one_per_rerun, 'ms')} ms"))
    for measure, ours, baseline, what in cpu_rows:
        rows.append(Row("capacity", f"{measure}, cores busy", median(ours), "cores",
                        baseline=median(baseline), baseline_name=base_name, runs=runs,
                        note=f"{what}; spread {_spread(ours, 'cores')} vs "
                             f"{_spread(baseline, 'cores')}"))
    return rows


def _pressure(phases: Sequence[Phase]) -> str:
    values = [p.pressure for p in phases if p.pressure is not None]
    return f"{median(values):.0%} (spread {min(values):.0%}-{max(values):.0%})" if values else "n/a"


def ranked_ids(url: str, n: int) -> list[str]:
    """The ``n`` jurisdictions the store reports most about (what the sessions click)."""
    from news.store import Store, parse_database

    summaries = Store(parse_database(url)).jurisdiction_summaries()
    summaries.sort(key=lambda s: (-s.n_excerpts, s.id))
    return [s.id for s in summaries[:n]]


def fill_store(url: str, work: Path, synthetic: int) -> int:
    """Build the seeds and ``synthetic`` articles made from them into the store at ``url``."""
    import shutil

    from bench.pipeline import make_corpus
    from news.store import build_store, parse_database
    from news.store.backend import close_pools

    folder = work / "articles"
    shutil.copytree(REPO / "data" / "articles", folder)
    if synthetic:
        make_corpus(folder, synthetic)
    build_store(folder, cache_path=None, database=parse_database(url))
    close_pools()
    return len(list(folder.glob("*.md")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.team_capacity",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="sessions per server (20)")
    parser.add_argument("--seconds", type=float, default=40, help="each timed window (40 s)")
    parser.add_argument("--runs", type=int, default=3, help="repetitions (3)")
    parser.add_argument("--synthetic", type=int, default=0,
                        help="synthetic articles added to the seeds (0)")
    parser.add_argument("--stload", type=Path, help="path of stload.py "
                        "(default: shared/tools/stload.py in a folder above the repository)")
    parser.add_argument("--drive", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--ids", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.drive:
        return drive_main(args)
    try:
        stload = find_stload(args.stload)
        load_stload(stload)
    except (FileNotFoundError, RuntimeError) as error:
        print(f"bench.team_capacity: {error}", file=sys.stderr)
        return 2

    from ui.testing import AppSession, app_copy, postgres_cluster, streamlit_server

    t0 = time.perf_counter()
    load_start = os.getloadavg()
    res = Results()
    with postgres_cluster() as cluster, tempfile.TemporaryDirectory(prefix="capacity-") as tmp:
        url = cluster.create_database()
        log(f"filling the store ({args.synthetic} synthetic articles besides the seeds)")
        n_articles = fill_store(url, Path(tmp), args.synthetic)
        ids = ranked_ids(url, CLICK_IDS)
        env = {"SANCTUARY_DATABASE_URL": url}
        with (app_copy() as app, streamlit_server(app, env=env) as a,
              streamlit_server(app, env=env) as b):
            servers = [a, b]
            ports = [int(s.url.rsplit(":", 1)[1]) for s in servers]
            for s in servers:  # the first page of each brings the store up to date, one at a time
                with AppSession(s.url, timeout=READY_TIMEOUT_S) as session:
                    session.run()
            log("warming both servers' caches")
            run_phase(ports, servers, cluster.root, 2, 5, ids, stload)
            for run in range(args.runs):
                alone = run % 2  # the baseline alternates between the two servers
                order = ("one", "two") if run % 2 == 0 else ("two", "one")
                for phase in order:
                    log(f"run {run + 1}/{args.runs}: {phase} server{'s' if phase == 'two' else ''}, "
                        f"load average {os.getloadavg()[0]:.1f}")
                    if phase == "one":
                        res.one.append(run_phase([ports[alone]], [servers[alone]], cluster.root,
                                                 args.sessions, args.seconds, ids, stload))
                    else:
                        res.two.append(run_phase(ports, servers, cluster.root, args.sessions,
                                                 args.seconds, ids, stload))
    load_end = os.getloadavg()
    during = [v for p in res.one + res.two for v in (p.load_before, p.load_after)]
    print(f"team capacity: 2 servers x {args.sessions} sessions vs 1 server x {args.sessions}, "
          f"one PostgreSQL; store: {n_articles} articles, clicks on ?j={','.join(ids)}; "
          f"python {platform.python_version()}, {os.cpu_count()} CPUs; "
          f"{time.perf_counter() - t0:.0f} s")
    print(f"machine load average (1/5/15 min): before {'/'.join(f'{v:.1f}' for v in load_start)}, "
          f"after {'/'.join(f'{v:.1f}' for v in load_end)}; 1-min load at the windows' starts "
          f"and ends {min(during):.1f}-{max(during):.1f}")
    print(f"CPU pressure (share of the windows in which some task waited for a core): "
          f"1 server {_pressure(res.one)}, 2 servers {_pressure(res.two)}")
    print(table(rows_of(res, args.sessions, args.seconds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
