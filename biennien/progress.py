"""Ingest progress for whoever watches: a bar on a terminal, plain lines everywhere else.

A log file, a notebook or CI has no terminal, and a bar drawn there is either lost or a mess of
control codes: there a line every few seconds says how many articles, how fast, and, when the
total is known beforehand, how far along and how long to go.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from . import settings

EVERY = settings.get("ingest", "progress_every")  # seconds between two lines


def duration(seconds: float) -> str:
    """12 s, 4 min 05 s, 2 h 03 min."""
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class Lines:
    """Called with each batch's count; writes a line when `every` seconds have passed since the last."""

    def __init__(self, stream: TextIO, total: int | None = None, every: float | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.stream, self.total, self.clock = stream, total, clock
        self.every = EVERY if every is None else every
        self.start = self.last = clock()
        self.done = 0

    def __call__(self, n: int) -> None:
        self.done += n
        now = self.clock()
        if now - self.last >= self.every:
            self.last = now
            self.stream.write(self.line(now) + "\n")
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = now - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        text = f"ingest: {self.done:,} articles"
        if self.total:
            text += f" of {self.total:,} ({min(100, 100 * self.done // self.total)}%)"
        text += f", {rate:,.0f} articles/s, {duration(elapsed)} so far"
        if self.total and rate > 0:
            text += f", about {duration(max(0, self.total - self.done) / rate)} to go"
        return text


@contextmanager
def progress(stream: TextIO, total: int | None = None, quiet: bool = False) -> Iterator[Callable[[int], None]]:
    """The callback ingest reports each batch to: nothing when quiet, a rich bar on a terminal
    (with the time left when the total is known), otherwise `Lines`."""
    if quiet:
        yield lambda n: None
        return
    if not stream.isatty():
        yield Lines(stream, total)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, \
        TimeRemainingColumn

    columns = [TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    if total:
        columns.append(TimeRemainingColumn())
    bar = Progress(*columns, TextColumn("{task.fields[rate]} articles/s"), console=Console(file=stream))
    task = bar.add_task("ingest", total=total, rate="-")

    def advance(n: int) -> None:
        bar.advance(task, n)
        done = bar.tasks[0]
        if done.elapsed:
            bar.update(task, rate=f"{done.completed / done.elapsed:.0f}")
    with bar:
        yield advance
