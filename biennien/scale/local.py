"""The per-article stage on one machine: in this process, or in a pool of worker processes.

Batches go out and results come back in input order, with at most a few batches in flight, so
the writer stores them in the same order as a single process would and memory stays flat. The
pool forks after this process has analysed the first batch, so workers start with every
resource and regex already built.
"""
from __future__ import annotations

import copyreg
import ctypes
import dataclasses
import functools
import gc
import multiprocessing
import operator
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from .. import records, settings
from ..io.feed import Item, Line, source
from ..pipeline import analyse
from ..records import Analysis, IngestError, Source
from ..store import rows
from ..store.rows import Rows

Result = Analysis | Rows | IngestError | None  # None: a blank feed line, nothing to report
IN_FLIGHT = settings.get("ingest", "in_flight")  # batches queued per worker: enough to keep each busy
WORKER_NICENESS = 5
WATCH_SECONDS = 1.0                     # how often a worker looks whether the writer is still its parent
PR_SET_PDEATHSIG = 1                    # from <linux/prctl.h>


def _as_tuples() -> None:
    """Pickle the records as (class, field values): the writer unpickles every result, and this
    is 40 % cheaper for it than slotted dataclasses' own state functions."""
    for record in vars(records).values():
        if not (isinstance(record, type) and dataclasses.is_dataclass(record)):
            continue
        fields = dataclasses.fields(record)
        if all(f.init and not f.kw_only for f in fields):
            copyreg.pickle(record, functools.partial(_reduce, record, operator.attrgetter(*(f.name for f in fields))))


def _reduce(record: type, values, obj) -> tuple:
    got = values(obj)
    return record, got if isinstance(got, tuple) else (got,)


_as_tuples()


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
    """`timed`: CPU seconds per stage in `Analysis.timings`, "read" (a feed line's JSON and NFC)
    first: the stages' wall-clock times scaled to the article's CPU time, so that other work on
    the machine does not inflate them."""
    cpu = time.thread_time()
    if isinstance(item, Line):
        item = source(item)
    if item is None or isinstance(item, IngestError):
        return item
    read = time.thread_time() - cpu
    result = safe_analyse(item, timed)
    if timed and isinstance(result, Analysis):
        wall = sum(result.timings.values())
        scale = (time.thread_time() - cpu - read) / wall if wall > 0 else 0.0
        result.timings = {"read": read, **{k: v * scale for k, v in result.timings.items()}}
    return result


def analyse_batch(items: list[Item], timed: bool = False) -> list[Result]:
    return [analyse_item(item, timed) for item in items]


def prepare_batch(items: list[Item], timed: bool = False) -> list[Result]:
    """`analyse_batch` with each analysis made into the rows the writer stores (`store.rows`):
    that work leaves the one serial process, and rows pickle at a fraction of the records' cost."""
    out = []
    for item in items:
        result = analyse_item(item, timed)
        if isinstance(result, Analysis):
            cpu = time.thread_time()
            result = rows.of(result)
            if timed:
                result.timings["rows"] = time.thread_time() - cpu
        out.append(result)
    return out


def map_batches(batches: Iterable[list[Item]], workers: int = 1, timed: bool = False) -> Iterator[list[Result]]:
    """Results of each batch, in order; `workers` processes (1: this one)."""
    batches = iter(batches)
    first = next(batches, None)
    if first is None:
        return
    yield prepare_batch(first, timed)  # also builds every cache the workers will inherit
    gc.freeze()   # those caches live as long as the process: no collection need walk them again
    if workers <= 1:
        for batch in batches:
            yield prepare_batch(batch, timed)
        return
    run = functools.partial(prepare_batch, timed=timed)
    pool = ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start_worker,
                               initargs=(os.getpid(), threading.current_thread() is threading.main_thread()))
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


def cores() -> int:
    """The cores this process may run on (its affinity, in a container too), at least 1."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _start_worker(writer: int, from_main_thread: bool) -> None:
    _yield_to_writer()
    _die_with(writer, from_main_thread)


def _die_with(writer: int, from_main_thread: bool) -> None:
    """A worker ends with the writer. Killed (SIGKILL, the OOM killer), the writer cannot stop its
    pool, and the workers would wait on the task queue for ever, holding the store's file open.
    On Linux the kernel sends SIGKILL when the parent dies (PR_SET_PDEATHSIG; it watches the
    thread that forked, so only when that is the writer's main thread); everywhere a daemon
    thread notices the worker was handed to another parent."""
    if from_main_thread and sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != writer:  # it died before the line above took hold
        os._exit(1)
    threading.Thread(target=_watch, args=(writer,), name="watch-writer", daemon=True).start()


def _watch(writer: int) -> None:
    while os.getppid() == writer:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def _yield_to_writer() -> None:
    """Workers run a little below the writer: it is the one serial step, so when the cores are
    busy (more workers than cores are left over, or other work) it should not wait for CPU."""
    if hasattr(os, "nice"):
        os.nice(WORKER_NICENESS)


def _context():
    """fork where there is one (workers inherit the warm caches), else the platform's default."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)
