"""The build on Dask distributed: a real 2-worker local cluster against the serial extraction."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import cloudpickle
import pytest

from news.articles import ARTICLES_DIR, Article, iter_articles
from news.dask_build import DaskAnalyzer, Progress, dask_client
from news.pipeline import analyze_text
from news.store import Store, build_store

REPO = Path(__file__).resolve().parent.parent

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


def test_a_local_cluster_opens_no_dashboard_unless_asked(client):
    # distributed's scheduler always serves HTTP (health, metrics): on a free loopback port,
    # not on the dashboard's 8787, and without the dashboard's pages.
    def http(dask_scheduler) -> tuple[str, int]:
        return dask_scheduler.http_server.address, dask_scheduler.http_server.port

    address, port = client.run_on_scheduler(http)
    assert address == "127.0.0.1"
    assert port != 8787

    def status(path: str) -> int:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
                return r.status
        except urllib.error.HTTPError as e:
            return e.code

    assert status("/health") == 200
    assert status("/status") == 404


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
    # One article's whole body: a shorter marker (its first 40 characters) was also the start of
    # another seed, so two batches failed and the count of attempts depended on timing.
    marker = articles[2].text
    assert [a for a in articles if marker in a.text] == [articles[2]]
    log = tmp_path / "attempts"
    analyzer = DaskAnalyzer(client, batch_size=2, retries=2, geoparser=FailOn(marker, log))
    with pytest.raises(ValueError, match="geoparser bug"):
        list(analyzer((a, None) for a in articles))
    assert len(log.read_text().split()) == 1 + 2  # the first try and two retries


def test_progress_lines_on_a_pipe(tmp_path):
    out = tmp_path / "progress.txt"
    with out.open("w") as stream:
        p = Progress(40, stream)
        for _ in range(40):
            p.update(1)
    lines = out.read_text().splitlines()
    # The first article, then one line per 10%.
    assert [line.split()[1] for line in lines] == ["1/40"] + [f"{n}/40" for n in range(4, 41, 4)]


def export(database) -> dict:
    return Store(database).export()


@pytest.fixture()
def corpus(tmp_path):
    """Twice the seeds, each copy's body changed by a sentence (a copied body is refused), with
    the export of their serial build."""
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES_DIR, articles)
    for path in sorted(articles.glob("*.md")):
        text = path.read_text("utf-8")
        (articles / f"z-{path.name}").write_text(text + "\nOfficials in Denver, Colorado said so.\n",
                                                 "utf-8")
    serial = tmp_path / "serial.sqlite"
    build_store(articles, serial, cache_path=None)
    return articles, export(serial)


def test_a_two_worker_build_exports_as_the_serial_build(client, corpus, database, tmp_path):
    articles, serial = corpus
    cache = tmp_path / "cache.sqlite"
    report = build_store(articles, cache_path=cache, database=database,
                         analyze=DaskAnalyzer(client, batch_size=2))
    assert (report.articles, report.extracted, report.cached) == (10, 10, 0)
    assert export(database) == serial
    # Rebuilt from the results it kept, nothing goes to the cluster.
    again = build_store(articles, cache_path=cache, database=database,
                        analyze=DaskAnalyzer(client, batch_size=2))
    assert (again.extracted, again.cached) == (0, 10)
    assert export(database) == serial


def test_a_build_whose_worker_is_killed_still_matches(client, corpus, tmp_path):
    articles, serial = corpus
    flag = tmp_path / "kill-once"
    flag.write_text("")
    db = tmp_path / "dask.sqlite"
    build_store(articles, db, cache_path=None,
                analyze=DaskAnalyzer(client, batch_size=2, geoparser=KillOnce(flag)))
    assert not flag.exists()  # a worker did kill itself
    assert export(db) == serial


def test_a_failed_build_leaves_the_previous_store(client, corpus, database, tmp_path):
    articles, serial = corpus
    build_store(articles, cache_path=None, database=database)
    before = database.path.read_bytes() if database.path else None
    (articles / "new.md").write_text("---\ntitle: T\noutlet: O\n---\nBoom in Peoria, Illinois.\n",
                                     "utf-8")
    analyzer = DaskAnalyzer(client, batch_size=2, retries=1,
                            geoparser=FailOn("Boom in Peoria", tmp_path / "attempts"))
    with pytest.raises(ValueError, match="geoparser bug"):
        build_store(articles, cache_path=None, database=database, analyze=analyzer)
    assert export(database) == serial
    if database.path is not None:
        assert database.path.read_bytes() == before
        assert not list(database.path.parent.glob(".build-*"))


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "news", *args], capture_output=True, text=True, cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=300,
    )


def test_cli_build_on_two_workers_exports_as_the_serial_build(corpus, tmp_path):
    articles, _ = corpus
    stores = {}
    for name, extra in (("serial", []), ("dask", ["--workers", "2"])):
        url = f"sqlite:///{tmp_path / name}.sqlite"
        done = run_cli("build", "--articles", str(articles), "--database", url, "--no-cache",
                       *extra, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "10 articles (10 extracted" in done.stdout
        if extra:
            assert "articles 10/10 (100%)" in done.stderr  # progress, a line per 10% on a pipe
        exported = run_cli("export", "--articles", str(articles), "--database", url, cwd=tmp_path)
        assert exported.returncode == 0, exported.stderr
        stores[name] = exported.stdout
    assert stores["dask"] == stores["serial"]
    assert '"excerpts": [{' in stores["dask"]


def test_cli_refuses_an_unreachable_scheduler_clearly(tmp_path):
    done = run_cli("build", "--db", str(tmp_path / "x.sqlite"), "--scheduler", "not-an-address",
                   cwd=tmp_path)
    assert done.returncode == 2
    assert "error: Dask scheduler not-an-address" in done.stderr
    assert not (tmp_path / "x.sqlite").exists()
