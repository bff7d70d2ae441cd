"""The per-article stage: runs the stages in their declared order on one article.

Pure: `analyse(source)` reads nothing but its argument and the read-only resources, and writes
nothing. The same function runs in-process, in a process pool, or on Dask partitions (scale/).
"""
from __future__ import annotations

import time
from collections.abc import Callable

from .records import Analysis, Source
from .stages import clean, dateline, events, mentions, roles, sentences, times, undated


def _clean(a: Analysis, source: Source) -> None:
    a.article = clean.clean(source)
    if source.warning:
        a.warnings.append(source.warning)


def _sentences(a: Analysis, source: Source) -> None:
    a.sentences = sentences.split(a.article)


def _dateline(a: Analysis, source: Source) -> None:
    body = _body(a)
    a.article.published, a.article.published_precision = dateline.publication_date(a.article, body)
    if a.article.published is None:
        a.article.period = dateline.period(body)


def _body(a: Analysis) -> list[str]:
    return [s.text for s in a.sentences if not s.is_caption and not _in_title(a, s.start)]


def _in_title(a: Analysis, offset: int) -> bool:
    return any(z.kind == "title" and z.start <= offset < z.end for z in a.article.zones)


def _mentions(a: Analysis, source: Source) -> None:
    a.mentions = mentions.find(a.article, a.sentences)


def _times(a: Analysis, source: Source) -> None:
    a.times = times.find(a.article, a.sentences)
    if not a.article.published:   # the days the text's bounds leave the article may give a yearless time its year
        a.times = undated.resolve(a.times, _body(a))


def _events(a: Analysis, source: Source) -> None:
    a.events = events.find(a.article, a.sentences, a.mentions, a.times)


def _roles(a: Analysis, source: Source) -> None:
    a.roles = roles.find(a.article, a.sentences, a.mentions, a.times)


# (name, function, requires, provides): checked once at import, run in this order.
STAGES: list[tuple[str, Callable[[Analysis, Source], None], set[str], set[str]]] = [
    ("clean", _clean, set(), {"article"}),
    ("sentences", _sentences, {"article"}, {"sentences"}),
    ("dateline", _dateline, {"sentences"}, {"published"}),
    ("mentions", _mentions, {"sentences"}, {"mentions"}),
    ("times", _times, {"sentences", "published"}, {"times"}),
    ("events", _events, {"mentions", "times"}, {"events"}),
    ("roles", _roles, {"mentions", "times"}, {"roles"}),
]


def _check(stages=STAGES) -> None:
    provided: set[str] = set()
    for name, _, requires, provides in stages:
        missing = requires - provided
        if missing:
            raise RuntimeError(f"stage {name} requires {sorted(missing)}, provided only {sorted(provided)}")
        provided |= provides


_check()


def analyse(source: Source, timed: bool = False) -> Analysis:
    """All per-article findings for one source; `timed` records seconds per stage."""
    analysis = Analysis(article=None)  # type: ignore[arg-type]
    for name, run, _, _ in STAGES:
        if timed:
            t0 = time.perf_counter()
            run(analysis, source)
            analysis.timings[name] = time.perf_counter() - t0
        else:
            run(analysis, source)
    return analysis
