"""The per-article stage on a Dask cluster, its output in Parquet, then loaded into the store.

This process streams the input (`io.feed`) in partitions of `part` items and submits each
to the cluster, a few per worker at a time, so memory stays flat. A task analyses its
partition and writes `part-NNNNNN.parquet`, one row per item: `seq`, `where`, `doc_id`,
`error`, and `analysis`, the pickled rows to store (`store.rows.Rows`). That file is one run's
intermediate, read back by the same biennien (pickle: keep the folder private), not an archive
format. Partitions are loaded in input order by the one writer (`run.store_results`), each as
soon as it and those before it are written, while the workers analyse the ones after it; they
are resolved as a local run resolves, so the store equals a local run's, ids included.

The only module that imports Dask (and pyarrow); without them `--dask` is a one-line error.
"""
from __future__ import annotations

import logging
import pickle
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .. import run, settings
from ..io import feed
from ..records import IngestError
from ..store.rows import Rows
from .local import IN_FLIGHT, Result, prepare_batch

PART = settings.get("ingest", "dask_partition")  # items per partition (one task, one Parquet file)
CONNECT_TIMEOUT = 20  # seconds to reach a remote scheduler


class ScaleError(RuntimeError):
    """Why the Dask path cannot run, in one line."""


def _require() -> None:
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise ScaleError(f"--dask needs Dask and pyarrow ({exc.name} is not installed): "
                         "pip install 'biennien[dask]'") from None


def ingest(paths: list[str], store, address: str = "local", workers: int = 1, parquet: str | Path | None = None,
           on_error: Callable[[IngestError], None] = lambda e: None,
           on_progress: Callable[[int], None] = lambda n: None, timed: bool = False, part: int = PART) -> run.Summary:
    """`run.ingest` with the per-article stage on Dask: `address` is "local" (a LocalCluster of
    `workers` processes) or a scheduler such as tcp://host:8786, whose workers must see `parquet`."""
    if address != "local" and "://" not in address:
        raise ScaleError(f"--dask takes local or a scheduler address such as tcp://host:8786, got {address!r}")
    if address != "local" and parquet is None:
        raise ScaleError("with a remote Dask scheduler, --parquet DIR must name storage this machine "
                         "and the workers share")
    _require()
    started = time.perf_counter()
    summary = run.Summary()
    out = Path(parquet) if parquet is not None else Path(tempfile.mkdtemp(prefix="biennien-parquet-"))
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("part-*.parquet"):
        old.unlink()
    try:
        with _client(address, workers) as client:
            mapped = _Map(client, run.batches(feed.read(paths), part), out, timed, on_progress)
            run.store_results(_load(mapped), store, summary, on_error)  # each partition stored as soon as it is in
            summary.timings["map"] = mapped.seconds
            summary.timings["map_cpu"] = mapped.cpu  # the workers' CPU seconds: wall × workers when they had the cores
        summary.timings["load"] = summary.timings.pop("analyse", 0.0)  # waiting for partitions, reading Parquet
        run.finish(store, summary, started)
    finally:
        if parquet is None:
            shutil.rmtree(out, ignore_errors=True)
    return summary


@contextmanager
def _client(address: str, workers: int):
    import distributed

    if address == "local":
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
                distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ScaleError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        yield client


class _Map:
    """The partitions' files in input order, each as soon as it and every one before it are
    written: the writer stores partition n while the workers analyse the ones after it. At most
    IN_FLIGHT partitions per worker are submitted or done but not yet stored, so memory stays
    flat. `seconds`: from the first submission until the last partition was written; `cpu`: the
    CPU seconds the tasks took."""

    def __init__(self, client, parts: Iterator[list[feed.Item]], out: Path, timed: bool,
                 on_progress: Callable[[int], None]):
        self.client, self.parts, self.out, self.timed, self.on_progress = client, parts, out, timed, on_progress
        self.seconds = self.cpu = 0.0

    def __iter__(self) -> Iterator[str]:
        import distributed

        window = IN_FLIGHT * max(1, len(self.client.scheduler_info()["workers"]))
        run_id = uuid.uuid4().hex[:8]
        started = time.perf_counter()
        pending = distributed.as_completed()
        done: dict[int, str] = {}
        submitted = wanted = 0
        parts = iter(self.parts)
        while True:
            while pending.count() + len(done) < window and (items := next(parts, None)) is not None:
                pending.add(self.client.submit(analyse_part, submitted, items, str(self.out), self.timed,
                                               key=f"biennien-part-{run_id}-{submitted}", pure=False))
                submitted += 1
            if wanted in done:
                yield done.pop(wanted)
                wanted += 1
                continue
            if pending.is_empty():
                return
            number, path, n, seconds = next(pending).result()
            done[number] = path
            self.cpu += seconds
            self.seconds = time.perf_counter() - started
            self.on_progress(n)


def analyse_part(number: int, items: list[feed.Item], out: str, timed: bool = False) -> tuple[int, str, int, float]:
    """On a worker: analyse one partition and write its Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cpu = time.thread_time()
    rows: dict[str, list] = {"seq": [], "where": [], "doc_id": [], "error": [], "analysis": []}
    for seq, (item, result) in enumerate(zip(items, prepare_batch(items, timed))):
        if result is None:
            continue
        failed = isinstance(result, IngestError)
        rows["seq"].append(seq)
        rows["where"].append(result.source)
        rows["doc_id"].append(None if failed else result.doc_id)
        rows["error"].append(result.message if failed else None)
        rows["analysis"].append(None if failed else pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    schema = pa.schema([("seq", pa.int32()), ("where", pa.string()), ("doc_id", pa.string()),
                        ("error", pa.string()), ("analysis", pa.binary())])
    path = str(Path(out) / f"part-{number:06d}.parquet")
    pq.write_table(pa.table(rows, schema=schema), path)
    return number, path, len(items), time.thread_time() - cpu


def _load(files: Iterable[str]) -> Iterator[list[Result]]:
    """The results back from Parquet, in input order, a store batch at a time."""
    import pyarrow.parquet as pq

    for path in files:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=run.BATCH, columns=["where", "error", "analysis"]):
            cols = batch.to_pydict()
            yield [IngestError(where, error) if error is not None else _analysis(blob)
                   for where, error, blob in zip(cols["where"], cols["error"], cols["analysis"])]


def _analysis(blob: bytes) -> Rows:
    return pickle.loads(blob)
