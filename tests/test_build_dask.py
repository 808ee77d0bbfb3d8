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
import dask
import pytest
from distributed import KilledWorker

from news.articles import ARTICLES_DIR, Article, ArticleError, iter_articles, parse_article
from news.dask_build import DaskAnalyzer, dask_client
from news.pipeline import analyze_text
from news.store import Store, build_store
from news.store.corpus import extract_article

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


class KillAlways:
    """A geoparser whose every call kills its process (a worker that dies on each attempt)."""

    def __call__(self, text: str) -> list:
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


# A local paper's article: its front matter's place (the outlet's home) decides which Clay
# County it means, so a worker that saw the body alone would extract it differently.
LOCAL = (b"---\ntitle: Jail policy\noutlet: The Montgomery Daily\nplace: Montgomery, AL\n---\n"
         b"The Clay County sheriff said deputies would keep honoring ICE detainers at the jail.\n")


@pytest.fixture(scope="module")
def seeds():
    articles = [a for a in iter_articles(ARTICLES_DIR) if isinstance(a, Article)]
    assert len(articles) >= 5
    return articles, [extract_article(a) for a in articles]


@pytest.fixture(scope="module")
def with_local(seeds):
    """The seeds and the local paper's article, with their serial analyses (real geoparser:
    the test geoparsers below see the body alone, as any ``text -> mentions`` callable does)."""
    local = parse_article(LOCAL, "local.md", "local")
    assert extract_article(local) != analyze_text(local.text)  # the place matters
    return seeds[0] + [local], seeds[1] + [extract_article(local)]


def test_two_workers_give_the_serial_analyses_in_input_order(client, with_local):
    articles, serial = with_local
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


def test_an_article_whose_extraction_raises_comes_back_as_its_error(client, seeds, tmp_path):
    articles, serial = seeds
    # One article's whole body: a shorter marker (its first 40 characters) was also the start of
    # another seed.
    marker = articles[2].text
    assert [a for a in articles if marker in a.text] == [articles[2]]
    log = tmp_path / "attempts"
    analyzer = DaskAnalyzer(client, batch_size=2, retries=2, geoparser=FailOn(marker, log))
    out = list(analyzer((a, None) for a in articles))
    assert [a for a, _ in out] == articles
    error = out[2][1]
    assert isinstance(error, ArticleError)
    assert error.path == articles[2].path
    assert error.reason.startswith("extraction failed (ValueError: geoparser bug on one article)")
    assert [r for i, (_, r) in enumerate(out) if i != 2] == serial[:2] + serial[3:]
    assert len(log.read_text().split()) == 1  # the task did not fail: no retry


def test_a_worker_dying_on_every_attempt_fails_the_build_and_keeps_the_store(corpus, tmp_path):
    articles, serial = corpus
    db = tmp_path / "store.sqlite"
    build_store(articles, db, cache_path=None)
    before = db.read_bytes()
    (articles / "new.md").write_text("---\ntitle: T\noutlet: O\n---\nBoom in Peoria, Illinois.\n",
                                     "utf-8")
    # A cluster of its own, whose scheduler gives up on a task after one killed worker.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            dask_client(workers=1) as own:
        with pytest.raises(KilledWorker):
            build_store(articles, db, cache_path=None,
                        analyze=DaskAnalyzer(own, batch_size=4, geoparser=KillAlways()))
    assert db.read_bytes() == before
    assert export(db) == serial
    assert not list(db.parent.glob(".build-*"))
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


def test_a_build_with_an_article_failing_stores_the_others_as_the_serial_build(
    client, corpus, database, tmp_path
):
    articles, _ = corpus
    (articles / "new.md").write_text("---\ntitle: T\noutlet: O\n---\nBoom in Peoria, Illinois.\n",
                                     "utf-8")
    failing = FailOn("Boom in Peoria", tmp_path / "attempts")
    serial_db = tmp_path / "serial.sqlite"
    serial = build_store(articles, serial_db, cache_path=None, geoparser=failing)
    report = build_store(articles, cache_path=None, database=database,
                         analyze=DaskAnalyzer(client, batch_size=2, retries=1, geoparser=failing))
    assert report.articles == serial.articles
    assert [(Path(e.path).name, e.reason) for e in report.errors] == [
        (Path(e.path).name, e.reason) for e in serial.errors]
    assert report.errors[0].reason.startswith("extraction failed (ValueError")
    exported = export(database)
    if database.path is None:  # the shared store keeps the failed article's row
        exported["articles"] = [a for a in exported["articles"] if a["title"] != "T"]
    assert exported == export(serial_db)


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
