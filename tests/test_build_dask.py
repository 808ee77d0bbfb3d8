"""The build on Dask distributed: a real 2-worker local cluster against the serial extraction."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import cloudpickle
import pytest

from news.articles import ARTICLES_DIR, Article, iter_articles
from news.dask_build import DaskAnalyzer, Progress, dask_client
from news.pipeline import analyze_text

# The workers unpickle the test geoparsers below: ship this module by value, since the worker
# processes cannot import the tests folder.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

pytestmark = pytest.mark.slow


class KillOnce:
    """The real geoparser, except that the first call after ``flag`` appears kills its process."""

    def __init__(self, flag: Path) -> None:
        self.flag = flag

    def __call__(self, text: str) -> list:
        from geo.geoparse import geoparse

        try:
            self.flag.unlink()
        except FileNotFoundError:
            return geoparse(text)
        os.kill(os.getpid(), signal.SIGKILL)
        raise AssertionError("unreachable: the process is gone")


class FailOn:
    """The real geoparser, except that it raises on a text with ``marker``; logs each raise."""

    def __init__(self, marker: str, log: Path) -> None:
        self.marker = marker
        self.log = log

    def __call__(self, text: str) -> list:
        from geo.geoparse import geoparse

        if self.marker in text:
            with self.log.open("a") as f:
                f.write(f"{os.getpid()}\n")
            raise ValueError("geoparser bug on one article")
        return geoparse(text)


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2) as c:
        yield c


@pytest.fixture(scope="module")
def seeds():
    articles = [a for a in iter_articles(ARTICLES_DIR) if isinstance(a, Article)]
    assert len(articles) >= 5
    return articles, [analyze_text(a.text) for a in articles]


def test_two_workers_give_the_serial_analyses_in_input_order(client, seeds):
    articles, serial = seeds
    many = articles * 4  # 20 articles in batches of 3: tasks finish out of order
    # Every third one comes with its analysis already known (as from the extraction cache).
    items = [(a, serial[i % len(articles)] if i % 3 == 0 else None) for i, a in enumerate(many)]
    analyzer = DaskAnalyzer(client, batch_size=3, in_flight=3)
    out = list(analyzer(items))
    assert [a for a, _ in out] == many
    assert [r for _, r in out] == [serial[i % len(articles)] for i in range(len(many))]
    assert analyzer.extracted == sum(1 for _, r in items if r is None)


def test_every_worker_loaded_the_gazetteer_at_start(client):
    def loaded() -> bool:
        from geo.gazetteer import _load

        return _load.cache_info().currsize > 0

    assert set(client.run(loaded).values()) == {True}


def test_a_killed_worker_is_replaced_and_its_batch_redone(client, seeds, tmp_path):
    articles, serial = seeds
    flag = tmp_path / "kill-once"
    flag.write_text("")
    pids_before = set(client.run(os.getpid).values())
    analyzer = DaskAnalyzer(client, batch_size=2, geoparser=KillOnce(flag))
    out = list(analyzer((a, None) for a in articles * 2))
    assert not flag.exists()  # a worker did kill itself
    assert [r for _, r in out] == serial * 2
    client.wait_for_workers(2, timeout=60)
    assert set(client.run(os.getpid).values()) != pids_before


def test_a_task_failing_every_retry_fails_the_run_with_its_error(client, seeds, tmp_path):
    articles, _ = seeds
    marker = articles[2].text[:40]
    log = tmp_path / "attempts"
    analyzer = DaskAnalyzer(client, batch_size=2, retries=2, geoparser=FailOn(marker, log))
    with pytest.raises(ValueError, match="geoparser bug"):
        list(analyzer((a, None) for a in articles))
    assert len(log.read_text().split()) == 3  # the first try and two retries


def test_progress_lines_on_a_pipe(tmp_path):
    out = tmp_path / "progress.txt"
    with out.open("w") as stream:
        p = Progress(40, stream)
        for _ in range(40):
            p.update(1)
    lines = out.read_text().splitlines()
    # The first article, then one line per 10%.
    assert [line.split()[1] for line in lines] == ["1/40"] + [f"{n}/40" for n in range(4, 41, 4)]
