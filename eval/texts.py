"""The gold set's texts, rebuilt from `../shared` (no article text lives in this repository).

Every gold text has a stable file name: `vn-<id>.txt` for an article of
`corpus/vietnews/politics-600.jsonl` (its text as stored, the headline on the first line) and
`rss-<id12>.txt` for a feed item of `corpus/rss/politics-rss.jsonl` (its title, a newline, its
summary). `text(file)` gives the text; `record(file)` the corpus record it came from.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
VIETNEWS = SHARED / "corpus" / "vietnews" / "politics-600.jsonl"
RSS = SHARED / "corpus" / "rss" / "politics-rss.jsonl"


def gold_files() -> set[str]:
    """Every text a gold set uses (dev, test, dev2, dev3 and companions: gold/sample*.json)."""
    return {t["file"] for t in samples()}


def samples() -> list[dict]:
    """The drawn texts of every wave (gold/sample.json, then gold/sample-<wave>.json)."""
    out: list[dict] = []
    for path in sorted((ROOT / "eval" / "gold").glob("sample*.json")):
        out += json.loads(path.read_text(encoding="utf-8"))["texts"]
    return out


@cache
def vietnews() -> dict[str, dict]:
    with VIETNEWS.open(encoding="utf-8") as handle:
        return {f"vn-{r['id']}.txt": r for r in map(json.loads, handle)}


@cache
def rss() -> dict[str, dict]:
    with RSS.open(encoding="utf-8") as handle:
        return {f"rss-{r['id'][:12]}.txt": r for r in map(json.loads, handle)}


def record(file: str) -> dict:
    pool = vietnews() if file.startswith("vn-") else rss()
    return pool[file]


def source(file: str) -> str:
    """Where the text comes from: the corpus file and the record's id (and link for feeds)."""
    r = record(file)
    if file.startswith("vn-"):
        return f"corpus/vietnews/politics-600.jsonl#id={r['id']}"
    return f"corpus/rss/politics-rss.jsonl#id={r['id']} {r['link']}"


def text(file: str) -> str:
    r = record(file)
    if file.startswith("vn-"):
        return r["text"].strip() + "\n"
    summary = (r.get("summary") or "").strip()
    return f"{r['title'].strip()}\n{summary}\n" if summary else f"{r['title'].strip()}\n"


def feed_published(file: str) -> str | None:
    """The feed's own publication date (local day), for feed items; None for vietnews."""
    if file.startswith("vn-"):
        return None
    return (record(file).get("published") or "")[:10] or None
