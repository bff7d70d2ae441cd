"""Ingest: read sources, run the per-article stage, store in batches, then resolve globally."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from . import resolve
from .pipeline import analyse
from .records import Analysis, IngestError, Source
from .stages.ingest import read
from .store.db import Store

BATCH = 256


@dataclass(slots=True)
class Summary:
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = (self.new + self.unchanged) / self.seconds if self.seconds else 0.0
        return (f"{self.new} new, {self.unchanged} unchanged, {self.failed} failed articles "
                f"in {self.seconds:.1f} s ({rate:.0f} articles/s)")


def safe_analyse(source: Source) -> Analysis | IngestError:
    """One article's analysis, or a one-line error naming it: one bad article never stops a run."""
    try:
        analysis = analyse(source)
    except Exception as exc:  # noqa: BLE001 - any failure of one article is reported, not raised
        return IngestError(source.source, f"could not analyse: {type(exc).__name__}: {exc}")
    if not analysis.article.text.strip():
        return IngestError(source.source, "no article text left after cleaning (page chrome only?)")
    return analysis


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(paths: list[str], store: Store, on_error: Callable[[IngestError], None] = lambda e: None,
           on_progress: Callable[[int], None] = lambda n: None,
           mapper: Callable[[list[Source]], list[Analysis | IngestError]] | None = None) -> Summary:
    """Ingest everything under `paths` into `store`; `mapper` runs the per-article stage on a batch
    (in-process by default; a process pool or Dask elsewhere)."""
    started = time.perf_counter()
    summary = Summary()
    run_batch = mapper or (lambda batch: [safe_analyse(s) for s in batch])

    def fail(error: IngestError) -> None:
        summary.failed += 1
        summary.errors.append(str(error))
        on_error(error)

    for batch in _batches(read(paths), BATCH):
        sources = []
        for item in batch:
            if isinstance(item, IngestError):
                fail(item)
            else:
                sources.append(item)
        analyses = []
        for result in run_batch(sources):
            if isinstance(result, IngestError):
                fail(result)
            else:
                analyses.append(result)
        new = store.add(analyses)
        summary.new += len(new)
        summary.unchanged += len(analyses) - len(new)
        on_progress(len(batch))
    resolve.run(store)
    summary.seconds = time.perf_counter() - started
    return summary
