"""Extraction on a Dask distributed cluster, for builds of large collections.

Extraction is a pure function from an article to its :class:`ArticleAnalysis`, so the
build can hand articles to worker processes and write their results as they come back.
:func:`dask_client` starts a local cluster (worker processes, one thread each) or connects to
an existing scheduler; :class:`DaskAnalyzer` sends the articles in batches, keeps a bounded
number of batches in flight, retries the tasks of a failed worker and yields every article
with its analysis in input order, so that the store it feeds is the serial build's.

Each worker loads the gazetteer and the geoparser's index once, when it starts
(:class:`GazetteerPlugin`); the tasks then find them in the process's caches.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from distributed import Client, Future, LocalCluster, WorkerPlugin, as_completed

from news.articles import ARTICLES_DIR, ArticleError, article_paths
from news.pipeline import ArticleAnalysis, Geoparser
from news.progress import Progress
from news.store import CACHE_PATH, BuildReport, build_store
from news.store.backend import Database
from news.store.corpus import extract_or_error

if TYPE_CHECKING:
    from distributed import Worker

    from news.articles import Article

#: Articles sent to a worker in one task: large enough that scheduling costs little against
#: ~10 ms of extraction per article, small enough that a lost worker loses little work.
DEFAULT_BATCH = 64
#: Task attempts after an exception in the task (a killed worker's tasks are rescheduled by the
#: scheduler, up to its ``distributed.scheduler.allowed-failures``).
DEFAULT_RETRIES = 2


class GazetteerPlugin(WorkerPlugin):
    """Load the gazetteer and the geoparser's index once per worker process, at its start."""

    name = "sanctuary-map-gazetteer"

    def setup(self, worker: Worker) -> None:
        """Fill the process caches that every extraction task reads.

        Parameters
        ----------
        worker : distributed.Worker
        """
        from geo import load_gazetteer
        from geo.geoparse import geoparse

        load_gazetteer()
        geoparse("Warm-up in Portland, Oregon.")  # builds the name index of the gazetteer


def analyze_batch(
    articles: list[Article], geoparser: Geoparser | None = None
) -> list[ArticleAnalysis | ArticleError]:
    """Extract a batch of articles (the task each worker runs), as the serial build does.

    Parameters
    ----------
    articles : list of Article
        Whole articles, not bare bodies: their front matter's ``place:`` is context for the
        geoparser.
    geoparser : callable, optional
        As for :func:`news.pipeline.analyze_text`.

    Returns
    -------
    list of ArticleAnalysis or ArticleError
        One per article, in order; an error for an article whose extraction raised
        (:func:`news.store.corpus.extract_or_error`), so one bad article does not fail its
        batch.
    """
    return [extract_or_error(a, geoparser) for a in articles]


#: Where a local cluster's scheduler serves HTTP when no dashboard is asked for: loopback, a
#: free port. distributed's scheduler always starts its HTTP server (health and metrics
#: routes); ``dashboard_address=None`` only drops the dashboard's pages and leaves the server
#: on port 8787 (``Scheduler.start_http_server(..., default_port=8787)``), and ``":0"`` binds
#: every interface.
_NO_DASHBOARD = "127.0.0.1:0"


@contextlib.contextmanager
def dask_client(
    workers: int | None = None, scheduler: str | None = None, *, dashboard: str | None = None,
) -> Iterator[Client]:
    """Start a local cluster, or connect to a running scheduler, for the build.

    Parameters
    ----------
    workers : int, optional
        Worker processes of a local cluster, one thread each (default: one per core).
    scheduler : str, optional
        Address of a running scheduler, e.g. ``tcp://host:8786``; its workers must be able to
        import this project. Excludes ``workers``.
    dashboard : str, optional
        Serve a local cluster's dashboard there, e.g. ``127.0.0.1:8787`` (default: none; the
        scheduler's HTTP server then listens on a free loopback port). Ignored with
        ``scheduler``, whose dashboard is its own.

    Yields
    ------
    distributed.Client
        With :class:`GazetteerPlugin` registered on every worker, present and future.

    Raises
    ------
    ValueError
        If both or neither of ``workers`` and ``scheduler`` make sense.
    OSError
        If the scheduler cannot be reached.
    """
    if scheduler is not None and workers is not None:
        raise ValueError("give either a number of workers or a scheduler address, not both")
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    with contextlib.ExitStack() as stack:
        if scheduler is not None:
            client = stack.enter_context(Client(scheduler, timeout="20s"))
        else:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=dashboard or _NO_DASHBOARD,
                    scheduler_kwargs={"dashboard": dashboard is not None},
                    silence_logs=logging.ERROR,
                )
            )
            client = stack.enter_context(Client(cluster))
        client.register_plugin(GazetteerPlugin())
        yield client


@dataclass
class _Slot:
    """A run of consecutive input items; ``future`` computes the ones that came without a result."""

    items: list[tuple[Article, ArticleAnalysis | None]] = field(default_factory=list)
    missing: int = 0
    future: Future | None = None
    results: list[ArticleAnalysis | ArticleError] | None = None

    def ready(self) -> bool:
        return self.missing == 0 or self.results is not None

    def filled(self) -> Iterator[tuple[Article, ArticleAnalysis | ArticleError]]:
        fresh = iter(self.results or ())
        for a, r in self.items:
            yield a, r if r is not None else next(fresh)


class DaskAnalyzer:
    """Analyse a stream of articles on a Dask cluster, keeping their order.

    Parameters
    ----------
    client : distributed.Client
        E.g. from :func:`dask_client`.
    batch_size : int
        Articles per task.
    in_flight : int, optional
        Batches read and not yet handed back; bounds the driver's memory (default: four per
        worker thread).
    retries : int
        Attempts after a task raised.
    geoparser : callable, optional
        Sent to the workers with each task (default: their own :func:`geo.geoparse.geoparse`).
    progress : Progress, optional
        Told about every article handed back.
    """

    def __init__(
        self,
        client: Client,
        *,
        batch_size: int = DEFAULT_BATCH,
        in_flight: int | None = None,
        retries: int = DEFAULT_RETRIES,
        geoparser: Geoparser | None = None,
        progress: Progress | None = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        self.client = client
        self.batch_size = batch_size
        threads = sum(client.nthreads().values()) or 1
        self.in_flight = in_flight or 4 * threads
        self.retries = retries
        self.geoparser = geoparser
        self.progress = progress
        self.extracted = 0

    def __call__(
        self, items: Iterable[tuple[Article, ArticleAnalysis | None]]
    ) -> Iterator[tuple[Article, ArticleAnalysis | ArticleError]]:
        """Yield each article with its analysis, in input order, extracting those without one.

        Parameters
        ----------
        items : iterable of (Article, ArticleAnalysis or None)
            Articles, each with its analysis when it is already known (from a cache).

        Yields
        ------
        (Article, ArticleAnalysis or ArticleError)
            An article whose extraction raised comes with its error, as in the serial build.

        Raises
        ------
        Exception
            The error of a task that failed on every attempt (e.g. its worker killed each
            time); the other tasks are cancelled.
        """
        source = iter(items)
        slots: deque[_Slot] = deque()
        by_future: dict[Future, _Slot] = {}
        done = as_completed()
        current = _Slot()
        exhausted = False
        try:
            while True:
                while not exhausted and len(slots) < self.in_flight:
                    try:
                        a, r = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    current.items.append((a, r))
                    current.missing += r is None
                    if current.missing >= self.batch_size or len(current.items) >= 8 * self.batch_size:
                        self._close(current, slots, by_future, done)
                        current = _Slot()
                        yield from self._emit_ready(slots)
                if exhausted and current.items:
                    self._close(current, slots, by_future, done)
                    current = _Slot()
                yield from self._emit_ready(slots)
                if not by_future:
                    if exhausted and not slots:
                        break
                    continue
                future = next(done)
                slot = by_future.pop(future)
                slot.results = future.result()  # raises the task's error after its retries
                slot.future = None
                yield from self._emit_ready(slots)
        finally:
            pending = list(by_future)
            if pending:
                self.client.cancel(pending)

    def _close(
        self,
        slot: _Slot,
        slots: deque[_Slot],
        by_future: dict[Future, _Slot],
        done: as_completed,
    ) -> None:
        slots.append(slot)
        if slot.missing == 0:
            return
        todo = [a for a, r in slot.items if r is None]
        args = (todo,) if self.geoparser is None else (todo, self.geoparser)
        slot.future = self.client.submit(analyze_batch, *args, retries=self.retries, pure=False)
        by_future[slot.future] = slot
        done.add(slot.future)

    def _emit_ready(
        self, slots: deque[_Slot]
    ) -> Iterator[tuple[Article, ArticleAnalysis | ArticleError]]:
        while slots and slots[0].ready():
            slot = slots.popleft()
            self.extracted += slot.missing
            if self.progress is not None:
                self.progress.update(len(slot.items))
            yield from slot.filled()


def build_store_on_dask(
    directory: Path | None = None,
    db_path: Path | None = None,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    cache_path: Path | None = CACHE_PATH,
    geoparser: Geoparser | None = None,
    database: str | Database | None = None,
    batch_size: int = DEFAULT_BATCH,
    progress: TextIO | None = None,
    dashboard: str | None = None,
) -> BuildReport:
    """Build the store as :func:`news.store.build_store` does, extracting on a Dask cluster.

    The store is written by this process, in article order, as batches come back: into a
    temporary SQLite file renamed into place at the end, or in one PostgreSQL transaction, so
    a failed build leaves the previous store.

    Parameters
    ----------
    directory : Path, optional
        The articles folder; defaults to ``data/articles/``.
    db_path : Path, optional
        Defaults to ``data/build/sanctuary.sqlite``.
    workers, scheduler
        As for :func:`dask_client`; a local cluster of one worker per core if neither is given.
    cache_path : Path or None
        Extraction cache (None: extract everything).
    geoparser : callable, optional
        Sent to the workers; defaults to their :func:`geo.geoparse.geoparse`.
    database : str or Database, optional
        ``sqlite:///path`` or ``postgresql://...``; overrides ``db_path``.
    batch_size : int
        Articles per task.
    progress : text stream, optional
        Where progress is shown (default ``sys.stderr``).
    dashboard : str, optional
        As for :func:`dask_client` (default: no dashboard).

    Returns
    -------
    BuildReport
    """
    directory = directory or ARTICLES_DIR
    with dask_client(workers, scheduler, dashboard=dashboard) as client:
        analyzer = DaskAnalyzer(
            client,
            batch_size=batch_size,
            geoparser=geoparser,
            progress=Progress(len(article_paths(directory)), progress),
        )
        return build_store(
            directory, db_path, cache_path=cache_path, geoparser=geoparser, database=database,
            analyze=analyzer,
        )
