"""Ingest throughput and memory, in one run on one input:

  (a) the floor: stream the JSONL, JSON-decode, NFC, one name regex — one core;
  (b) biennien's full ingest into a fresh store (`run.ingest`, what `biennien ingest` calls), in a
      child process: articles/s, MB/s, peak memory, and where the time goes;
  (c) underthesea `ner` on a fixed sample of sentences of the same text.

    python bench/ingest.py [--input FILE] [--limit N] [--workers N] [--ner-sentences 200] [--keep DB]
                           [--save RUN.json] [--before RUN.json] [--no-ner]

`--save` keeps this run's numbers; `--before` prints the stage table of a saved run beside this
one's (CPU ms per article: each stage in the workers, then the writer's serial share).

MB is the uncompressed JSONL. Other processes on the machine skew every number: the load average
is printed before and after.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from pathlib import Path

from biennien.scale.local import cores

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT.parent / "shared" / "corpus" / "vietnews" / "vietnews-test.jsonl.gz"
NAME = re.compile(r"[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)+")  # capitalised word runs


def _open(path: Path):
    return gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")


def prepare(path: Path, limit: int | None, folder: Path) -> Path:
    """The input itself, or its first `limit` lines written out (plain JSONL)."""
    if not limit:
        return path
    out = folder / f"first-{limit}.jsonl"
    with _open(path) as src, open(out, "wb") as dst:
        dst.writelines(itertools.islice(src, limit))
    return out


def floor(path: Path) -> dict:
    """(a): read, JSON-decode, NFC-normalise, one regex; what any Python pipeline pays at least."""
    t0 = time.perf_counter()
    articles = size = chars = names = 0
    with _open(path) as f:
        for line in f:
            size += len(line)
            obj = json.loads(line)
            text = unicodedata.normalize("NFC", (obj.get("title") or "") + "\n" + (obj.get("text") or ""))
            chars += len(text)
            names += len(NAME.findall(text))
            articles += 1
    return {"seconds": time.perf_counter() - t0, "articles": articles, "bytes": size, "chars": chars}


def sample_sentences(path: Path, n: int) -> list[str]:
    """The first n lines of article text (vietnews has one sentence a line), 20+ characters each."""
    out: list[str] = []
    with _open(path) as f:
        for line in f:
            for sent in (json.loads(line).get("text") or "").split("\n"):
                if len(sent.strip()) >= 20:
                    out.append(unicodedata.normalize("NFC", sent.strip()))
                    if len(out) >= n:
                        return out
    return out


def ner(sentences: list[str]) -> dict:
    """(c): underthesea's NER, warmed up first (model loading is not counted)."""
    try:
        from underthesea import ner as underthesea_ner
    except ImportError:
        raise SystemExit('error: (c) needs underthesea: pip install -e ".[bench]"') from None

    underthesea_ner(sentences[0])
    t0 = time.perf_counter()
    for s in sentences:
        underthesea_ner(s)
    return {"seconds": time.perf_counter() - t0, "chars": sum(len(s) for s in sentences),
            "bytes": sum(len(s.encode("utf-8")) for s in sentences), "sentences": len(sentences)}


class TreeMemory(threading.Thread):
    """Samples the memory of a process and its descendants: the peak of the summed PSS (shared
    pages counted once) and of the largest single RSS."""

    def __init__(self, pid: int, every: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_pss = self.peak_rss = 0
        self.done = threading.Event()

    def run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self.done.is_set():
            pss, rss = 0, 0
            try:
                for proc in [root, *root.children(recursive=True)]:
                    try:
                        info = proc.memory_full_info()
                    except (psutil.NoSuchProcess, psutil.AccessDenied):
                        continue
                    pss += getattr(info, "pss", info.rss)
                    rss = max(rss, info.rss)
            except psutil.NoSuchProcess:
                break
            self.peak_pss, self.peak_rss = max(self.peak_pss, pss), max(self.peak_rss, rss)
            self.done.wait(self.every)


def full(path: Path, db: Path, workers: int) -> dict:
    """(b) in a child process; its peak memory from psutil samples and from getrusage."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    child = subprocess.Popen([sys.executable, __file__, "--child", str(path), str(db), str(workers)],
                             stdout=subprocess.PIPE, text=True)
    watch = TreeMemory(child.pid)
    watch.start()
    out, _ = child.communicate()
    watch.done.set()
    watch.join()
    if child.returncode != 0:
        raise SystemExit(f"the ingest child failed (exit {child.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result["maxrss_children_kb"] = max(before, after)  # the largest of the child and its workers
    result["peak_pss_tree"] = watch.peak_pss
    result["peak_rss_largest"] = watch.peak_rss
    return result


def child(path: str, db: str, workers: int) -> None:
    """Runs in the child: the ingest `biennien ingest` runs, timed per stage."""
    from biennien.run import ingest
    from biennien.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    with Store(db) as store:
        summary = ingest([path], store, workers=workers, timed=True)
        counts = {t: store.scalar(f"SELECT count(*) FROM {t}") for t in ("documents", "mentions", "actors", "events")}
    me, workers_ = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"seconds": summary.seconds, "new": summary.new, "unchanged": summary.unchanged,
                      "failed": summary.failed, "timings": summary.timings, "stages": dict(summary.stages),
                      "counts": counts, "maxrss_self_kb": me.ru_maxrss, "maxrss_workers_kb": workers_.ru_maxrss,
                      "cpu_self": me.ru_utime + me.ru_stime, "cpu_workers": workers_.ru_utime + workers_.ru_stime,
                      "workers": workers}))


def mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def report(a: dict, b: dict, c: dict | None, workers: int, before: dict | None = None) -> None:
    n, size = a["articles"], a["bytes"]
    per_char = a["bytes"] / a["chars"]
    rate = {"a": n / a["seconds"], "b": (b["new"] + b["unchanged"]) / b["seconds"]}
    mbs = {"a": size / a["seconds"] / 1e6, "b": size / b["seconds"] / 1e6}
    if c:
        rate["c"] = c["chars"] / c["seconds"] / (a["chars"] / n)
        mbs["c"] = c["chars"] * per_char / c["seconds"] / 1e6
    print(f"{'':44} {'articles/s':>11} {'MB/s':>8} {'seconds':>8}")
    print(f"{'(a) floor: read+JSON+NFC+1 regex, 1 core':44} {rate['a']:11.0f} {mbs['a']:8.2f} {a['seconds']:8.1f}")
    print(f"{'(b) biennien ingest, %d workers' % workers:44} {rate['b']:11.0f} {mbs['b']:8.2f} {b['seconds']:8.1f}")
    if c:
        print(f"{'(c) underthesea ner, %d sentences, 1 core' % c['sentences']:44} {rate['c']:11.1f} {mbs['c']:8.3f} "
              f"{c['seconds']:8.1f}")
    print(f"(b)/(a) = {rate['b'] / rate['a']:.3f}" + (f"    (b)/(c) = {rate['b'] / rate['c']:.0f}×" if c else ""))
    print(f"(b) {b['new']} new, {b['unchanged']} unchanged, {b['failed']} failed; store: "
          + ", ".join(f"{v} {k}" for k, v in b["counts"].items()))
    print(f"(b) peak memory: writer process {b['maxrss_self_kb'] / 1024:.0f} MB RSS, largest worker "
          f"{b['maxrss_workers_kb'] / 1024:.0f} MB RSS; whole process tree {b['peak_pss_tree'] / 2**20:.0f} MB PSS "
          "(sampled)")
    clock = b["timings"]
    cpu = (b["cpu_self"] + b["cpu_workers"]) / max(n, 1)
    print(f"(b) CPU: writer process {b['cpu_self']:.1f} s, workers {b['cpu_workers']:.1f} s"
          f" = {1000 * cpu:.2f} ms/article;"
          f" {cores()} idle cores would do at most {cores() / cpu:.0f} articles/s"
          f" (the writer alone: {n / b['cpu_self']:.0f})")
    print(f"(b) writer wall clock: store {clock.get('store', 0):.1f} s, resolve {clock.get('resolve', 0):.1f} s, "
          f"waiting for results {clock.get('analyse', 0):.1f} s")
    print(f"(b) where the CPU goes, ms/article (stages in the workers, then the writer's serial share;"
          " other = start-up and first batch, reading input, receiving results):")
    print(stage_table(b, n, before))


def cpu_rows(b: dict, n: int) -> dict[str, float]:
    """CPU ms per article: each stage (in the workers), then the writer's store, resolve and other."""
    stages, clock = b["stages"], b["timings"]
    writer = {"store (writer)": clock.get("store_cpu", 0.0), "resolve (writer)": clock.get("resolve_cpu", 0.0)}
    in_writer = sum(stages.values()) if b["workers"] == 1 else 0.0  # the stages ran in the writer
    writer["other (writer)"] = max(0.0, b["cpu_self"] - sum(writer.values()) - in_writer)
    rows = {name: 1000 * sec / max(n, 1) for name, sec in sorted(stages.items(), key=lambda kv: -kv[1])}
    rows |= {name: 1000 * sec / max(n, 1) for name, sec in writer.items()}
    rows["= workers"] = sum(v for k, v in rows.items() if "(writer)" not in k)
    rows["= writer (serial)"] = sum(v for k, v in rows.items() if "(writer)" in k)
    rows["= total"] = rows["= workers"] + rows["= writer (serial)"]
    return rows


def stage_table(b: dict, n: int, before: dict | None = None) -> str:
    now = cpu_rows(b, n)
    old = cpu_rows(before, before["articles"]) if before else {}
    names = list(dict.fromkeys([*(k for k in now if not k.startswith("=")), *(k for k in old if not k.startswith("=")),
                                "= workers", "= writer (serial)", "= total"]))
    lines = [f"    {'':20} {'before':>8} {'after':>8}" if before else f"    {'':20} {'ms':>8}"]
    for name in names:
        cells = ([f"{old[name]:8.2f}" if name in old else f"{'-':>8}"] if before else [])
        cells.append(f"{now[name]:8.2f}" if name in now else f"{'-':>8}")
        lines.append(f"    {name:20} " + " ".join(cells))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="a .jsonl or .jsonl.gz feed")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--workers", type=int, default=cores(), help="default: all cores")
    ap.add_argument("--ner-sentences", type=int, default=200, help="sentences for (c)")
    ap.add_argument("--keep", type=Path, help="keep the store of (b) here")
    ap.add_argument("--save", type=Path, help="write this run's numbers here (JSON)")
    ap.add_argument("--before", type=Path, help="a run saved with --save: its stage table beside this one's")
    ap.add_argument("--no-ner", action="store_true", help="skip (c)")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return
    if not args.no_ner:
        try:
            import underthesea  # noqa: F401 - (c) needs it; say so before minutes of (a) and (b)
        except ImportError:
            raise SystemExit('error: (c) needs underthesea: pip install -e ".[bench]" (or --no-ner)') from None
    before = json.loads(args.before.read_text(encoding="utf-8"))["b"] if args.before else None
    print(f"input {args.input}{f' (first {args.limit})' if args.limit else ''}; {cores()} cores, "
          f"{args.workers} workers; load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="biennien-bench-") as tmp:
        path = prepare(args.input, args.limit, Path(tmp))
        a = floor(path)
        db = args.keep or Path(tmp) / "bench.db"
        b = full(path, db, args.workers)
        c = None if args.no_ner else ner(sample_sentences(path, args.ner_sentences))
    b["articles"] = a["articles"]
    if args.save:
        args.save.write_text(json.dumps({"a": a, "b": b, "c": c}, indent=1), encoding="utf-8")
    report(a, b, c, args.workers, before)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
