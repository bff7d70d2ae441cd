"""Ingest: read sources, run the per-article stage, store in input order, then resolve globally.

The per-article stage runs in this process, in a pool of processes (`scale.local`) or on Dask
(`scale.cluster`); whichever runs it, this process is the one writer and stores the results in
input order, so ids and the whole store are the same for any number of workers.
"""
from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from . import resolve, settings
from .io import feed
from .records import Analysis, IngestError
from .store.rows import Rows
from .scale import local
from .scale.local import Result
from .store import resolution
from .store.db import Store

BATCH = settings.get("ingest", "batch")   # articles per worker task and per store transaction
FIRST = settings.get("ingest", "first")   # the first batch, analysed here before any worker starts (it warms the caches they inherit)
RESOLVE_EVERY = resolve.BATCH  # documents per round of the global step, by the order they were stored in:
                               # a round is resolved as soon as all of it is stored (see resolve.run)

Mapper = Callable[[Iterator[list[feed.Item]]], Iterable[list[Result]]]


@dataclass(slots=True)
class Summary:
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # read, but not all understood (a feed's date)
    # seconds of this process: `analyse` reading input and waiting for results (all of the stage
    # when in-process), `store` writing them, `resolve` the global step; `*_cpu` their CPU seconds
    timings: dict[str, float] = field(default_factory=dict)
    stages: Counter = field(default_factory=Counter)   # per-stage seconds summed over articles (timed runs)

    def line(self) -> str:
        rate = (self.new + self.unchanged) / self.seconds if self.seconds else 0.0
        return (f"{self.new} new, {self.unchanged} unchanged, {self.failed} failed articles "
                f"in {self.seconds:.1f} s ({rate:.0f} articles/s)")

    def fail(self, error: IngestError, on_error: Callable[[IngestError], None]) -> None:
        self.failed += 1
        self.errors.append(str(error))
        on_error(error)


def batches(items: Iterable, size: int = BATCH, first: int | None = None) -> Iterator[list]:
    batch: list = []
    limit = first or size
    for item in items:
        batch.append(item)
        if len(batch) >= limit:
            yield batch
            batch, limit = [], size
    if batch:
        yield batch


def ingest(paths: list[str], store: Store, on_error: Callable[[IngestError], None] = lambda e: None,
           on_progress: Callable[[int], None] = lambda n: None, workers: int = 1, timed: bool = False,
           mapper: Mapper | None = None) -> Summary:
    """Ingest everything under `paths` into `store`. `workers` processes run the per-article stage
    (1: this one); `mapper`, if given, runs it instead (batches of items in, batches of results out,
    in order). `timed` records per-stage times in `Summary.stages`."""
    started = time.perf_counter()
    summary = Summary()
    own = frozenset(os.path.realpath(store.path + suffix) for suffix in ("", "-wal", "-shm", "-journal"))
    items = batches(feed.read(paths, skip=own), BATCH, FIRST)
    results = mapper(items) if mapper else local.map_batches(items, workers, timed)
    try:
        store_results(results, store, summary, on_error, on_progress)
    finally:  # a failed write (a full disk) stops the workers now, not when the generator is collected
        getattr(results, "close", lambda: None)()
    finish(store, summary, started)
    return summary


def store_results(results: Iterable[list[Result]], store: Store, summary: Summary,
                  on_error: Callable[[IngestError], None] = lambda e: None,
                  on_progress: Callable[[int], None] = lambda n: None) -> None:
    """The one writer: analyses stored BATCH at a time and resolved in rounds of RESOLVE_EVERY
    stored documents, each round in one transaction (`_Round`), errors reported, all in input
    order. The rounds depend only on the sequence of documents, never on how the results were
    batched or where an earlier run of the same ingest was killed, so every way of running the
    per-article stage, and a crash then a rerun, build the same store."""
    writer = _Writer(store, summary)
    results = iter(results)
    try:
        while True:
            t0 = time.perf_counter()
            batch = next(results, None)
            summary.timings["analyse"] = summary.timings.get("analyse", 0.0) + time.perf_counter() - t0
            if batch is None:
                break
            for result in batch:
                if isinstance(result, IngestError):
                    summary.fail(result, on_error)
                elif result is not None:
                    summary.stages.update(result.timings)
                    summary.warnings += result.warnings
                    writer.add(result)
            on_progress(len(batch))
        writer.close()
    except BaseException as exc:
        writer.abort(exc)   # a full disk is raised as DiskFull, one line
        raise


class _Round:
    """A round of resolution being stored: one transaction from its first document to its
    resolution, so that a kill or an error loses at most the round under way, whole. Its mentions
    are held here and inserted once, with their actors, when it is resolved; its sentences are
    indexed for search in one statement."""

    def __init__(self, store: Store):
        self.store = store
        self.transaction = store.transaction()
        self.transaction.__enter__()
        self.room = RESOLVE_EVERY - store.stored() % RESOLVE_EVERY   # documents it still takes
        self.last_sentence = store.last_sentence()
        self.held: list[tuple] = []

    def insert(self, analyses: list[Analysis | Rows]) -> tuple[list[str], int]:
        new, taken = self.store.insert(analyses, self.room, self.held)
        self.room -= len(new)
        return new, taken

    def index(self) -> None:
        self.store.index_sentences(self.last_sentence)

    def resolve(self) -> None:
        """Resolve the round (with what an earlier writer stored of it unresolved) and commit."""
        doc_ids, _ = resolution.unresolved_round(self.store, RESOLVE_EVERY)
        if doc_ids:
            resolve.resolve_round(self.store, doc_ids, self.held)
        self.held = []
        self.transaction.__exit__(None, None, None)

    def abort(self, exc: BaseException) -> None:
        """Roll back; a full disk raises DiskFull."""
        self.transaction.__exit__(type(exc), exc, exc.__traceback__)


class _Writer:
    def __init__(self, store: Store, summary: Summary):
        self.store, self.summary = store, summary
        self.buffer: list[Analysis | Rows] = []
        self.round: _Round | None = None
        with _clock(summary, "resolve"):   # whole rounds an older writer stored and left unresolved
            resolve.run(store, size=RESOLVE_EVERY, whole=True)

    def add(self, analysis: Analysis | Rows) -> None:
        self.buffer.append(analysis)
        if len(self.buffer) >= BATCH:
            self.flush()

    def flush(self) -> None:
        rest, self.buffer = self.buffer, []
        while rest:
            with _clock(self.summary, "store"):
                if self.round is None:
                    self.round = _Round(self.store)
                new, taken = self.round.insert(rest)
            self.summary.new += len(new)
            self.summary.unchanged += taken - len(new)
            rest = rest[taken:]
            if not self.round.room:
                self._resolve()

    def close(self) -> None:
        """Store what is buffered, and resolve the last, partial round (as `finish` would)."""
        self.flush()
        if self.round is not None:
            self._resolve()

    def abort(self, exc: BaseException) -> None:
        if self.round is not None:
            self.round, open_round = None, self.round
            open_round.abort(exc)

    def _resolve(self) -> None:
        with _clock(self.summary, "store"):
            self.round.index()
        with _clock(self.summary, "resolve"):  # meanwhile the workers analyse what comes next
            self.round.resolve()
        self.round = None


@contextmanager
def _clock(summary: Summary, name: str) -> Iterator[None]:
    """Adds the wall and CPU seconds of a block to summary.timings[name] and [name + "_cpu"]
    (this thread's CPU: the pool's thread receiving results is not counted)."""
    wall, cpu = time.perf_counter(), time.thread_time()
    try:
        yield
    finally:
        timings = summary.timings
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - wall
        timings[name + "_cpu"] = timings.get(name + "_cpu", 0.0) + time.thread_time() - cpu


def finish(store: Store, summary: Summary, started: float) -> None:
    """The global step over what is not yet resolved, then the totals."""
    with _clock(summary, "resolve"):
        resolve.run(store, size=RESOLVE_EVERY)
    summary.seconds = time.perf_counter() - started
