"""The wiring of ``python -m bench.team_capacity`` at the smallest size (no timing is checked):
it starts PostgreSQL and two servers, drives them with the shared load tool, and prints its
table with every row, each beside the one-server baseline."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ui.testing import postgres_bindir

pytestmark = pytest.mark.slow

ROWS = [
    "errors, 1 server x 1 sessions", "errors, 2 servers x 1 sessions",
    "reruns/s, server 1 of 2", "reruns/s, server 2 of 2", "reruns/s, both servers",
    *(f"rerun latency {q}, server {k} of 2" for k in (1, 2) for q in ("p50", "p90", "max")),
    "server CPU per rerun",
    *(f"{part} CPU{each}, cores busy" for part, each in (
        ("server", ", per server"), ("PostgreSQL", ""), ("load generator", ""), ("whole machine", ""))),
]


def test_the_capacity_bench_prints_every_row_beside_its_baseline(repo_root):
    if postgres_bindir() is None:
        pytest.skip("Debian's PostgreSQL is not installed (bash scripts/test.sh installs it)")
    done = subprocess.run(
        [sys.executable, "-m", "bench.team_capacity", "--sessions", "1", "--seconds", "1",
         "--runs", "1"],
        cwd=repo_root, env={**os.environ, "PYTHONPATH": str(repo_root)}, capture_output=True,
        text=True, timeout=600)
    if done.returncode == 2 and "stload.py was not found" in done.stderr:
        pytest.skip(done.stderr.strip())  # the shared tool lives outside the repository
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("team capacity: 2 servers x 1 sessions vs 1 server x 1")
    assert lines[1].startswith("machine load average")
    assert lines[2].startswith("CPU pressure")
    assert lines[3].split() == ["bench", "measure", "ours", "baseline", "baseline", "is",
                                "ratio", "runs", "target", "met"]
    table = {line.split("  ")[1].strip(): line for line in lines[5:] if line.startswith("capacity")}
    assert list(table) == ROWS
    for measure in ROWS[:2]:
        assert table[measure].split()[-1] == "yes", table[measure]  # no error, no exception
    for measure in ROWS[2:]:
        assert "1 server, 1 sessions" in table[measure]
