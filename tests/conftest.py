"""Shared fixtures: paths into the repository (built from this file, never from the cwd), a
throwaway PostgreSQL cluster, and ``database``: every store test runs on both backends."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from news.store import Database, parse_database
from news.store.backend import close_pools
from ui.testing import PostgresCluster, postgres_cluster

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    """Debian's PostgreSQL started for this test session on a free loopback port."""
    cluster_cm = postgres_cluster()
    try:
        cluster = cluster_cm.__enter__()
    except RuntimeError as error:
        message = f"{error} (bash scripts/test.sh installs it; or deselect with -k 'not postgresql')"
        if os.environ.get("CI") == "true":
            # In CI a skip would let the suite pass without its PostgreSQL tests.
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield cluster
    finally:
        close_pools()
        cluster_cm.__exit__(None, None, None)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty store of each backend: a SQLite file in tmp_path, a new PostgreSQL database."""
    if request.param == "sqlite":
        yield parse_database(tmp_path / "build" / "store.sqlite")
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    url = cluster.create_database()
    try:
        yield parse_database(url)
    finally:
        close_pools()
        cluster.drop_database(url)
