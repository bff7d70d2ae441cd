"""The per-article stage on one machine: in this process, or in a pool of worker processes.

Batches go out and results come back in input order, with at most a few batches in flight, so
the writer stores them in the same order as a single process would and memory stays flat. The
pool forks after this process has analysed the first batch, so workers start with every
resource and regex already built.
"""
from __future__ import annotations

import functools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from ..pipeline import analyse
from ..records import Analysis, IngestError, Source
from .feed import Item, Line, source

Result = Analysis | IngestError | None  # None: a blank feed line, nothing to report
IN_FLIGHT = 2                           # batches queued per worker: enough to keep each busy


def safe_analyse(item: Source, timed: bool = False) -> Analysis | IngestError:
    """One article's analysis, or a one-line error naming it: one bad article never stops a run."""
    try:
        analysis = analyse(item, timed)
    except Exception as exc:  # noqa: BLE001 - any failure of one article is reported, not raised
        return IngestError(item.source, f"could not analyse: {type(exc).__name__}: {exc}")
    if not analysis.article.text.strip():
        return IngestError(item.source, "no article text left after cleaning (page chrome only?)")
    return analysis


def analyse_item(item: Item, timed: bool = False) -> Result:
    if isinstance(item, Line):
        item = source(item)
    if item is None or isinstance(item, IngestError):
        return item
    return safe_analyse(item, timed)


def analyse_batch(items: list[Item], timed: bool = False) -> list[Result]:
    return [analyse_item(item, timed) for item in items]


def map_batches(batches: Iterable[list[Item]], workers: int = 1, timed: bool = False) -> Iterator[list[Result]]:
    """Results of each batch, in order; `workers` processes (1: this one)."""
    batches = iter(batches)
    first = next(batches, None)
    if first is None:
        return
    yield analyse_batch(first, timed)  # also builds every cache the workers will inherit
    if workers <= 1:
        for batch in batches:
            yield analyse_batch(batch, timed)
        return
    run = functools.partial(analyse_batch, timed=timed)
    pool = ProcessPoolExecutor(workers, mp_context=_context())
    try:
        pending: deque = deque()
        for batch in batches:
            pending.append(pool.submit(run, batch))
            if len(pending) >= IN_FLIGHT * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _context():
    """fork where there is one (workers inherit the warm caches), else the platform's default."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)
