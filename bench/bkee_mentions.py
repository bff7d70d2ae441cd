"""Score the mention stage alone on BKEE, and time it on VietNews.

    python bench/bkee_mentions.py score [TEXT_DIR GOLD]   # writes /tmp/bkee-mentions, runs bkee.py score
    python bench/bkee_mentions.py speed [N]               # mentions.find over the first N VietNews articles

The export written here is throwaway (one actor per distinct (kind, name), no resolution across
articles); the real one is `biennien export`. BKEE is for evaluation only.
"""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

from biennien.records import Source
from biennien.stages import clean, mentions, sentences
from biennien.io.read import read

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
OUT = Path("/tmp/bkee-mentions")


def export(text_dir: Path, out: Path) -> None:
    docs, actors, rows = [], {}, []
    for source in read([str(text_dir)]):
        if not isinstance(source, Source):
            continue
        article = clean.clean(source)
        article.doc_id = Path(source.source).stem  # BKEE repeats some texts under two names
        sents = sentences.split(article)
        docs.append({"doc_id": article.doc_id, "source": source.source, "title": article.title,
                     "published": None, "published_precision": None, "outlet": None})
        for m in mentions.find(article, sents):
            k = (m.kind, m.name)
            if k not in actors:
                actors[k] = {"actor_id": f"A{len(actors) + 1}", "name": m.name, "aliases": [],
                             "kind": m.kind, "country": m.country}
            rows.append({"actor_id": actors[k]["actor_id"], "doc_id": article.doc_id, "surface": m.surface,
                         "start": m.start, "end": m.end, "sentence": m.sentence})
    out.mkdir(parents=True, exist_ok=True)
    for name, data in (("documents", docs), ("actors", list(actors.values())), ("mentions", rows)):
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in data)


def speed(n: int) -> None:
    items = []
    with gzip.open(SHARED / "corpus/vietnews/vietnews-test.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            items.append(Source(source=str(d.get("id")), raw=d["text"], title=d.get("title")))
            if len(items) >= n:
                break
    prepared = [(a, sentences.split(a)) for a in (clean.clean(s) for s in items)]
    mentions.find(*prepared[0])  # build the lexicon outside the timing
    t0, c0 = time.perf_counter(), time.process_time()
    count = sum(len(mentions.find(a, s)) for a, s in prepared)
    dt, dc = time.perf_counter() - t0, time.process_time() - c0
    print(f"{len(prepared)} articles, {count} mentions: {len(prepared) / dt:.0f} articles/s wall, "
          f"{len(prepared) / dc:.0f} articles/s of CPU time (one core)")


def main() -> int:
    what = sys.argv[1] if len(sys.argv) > 1 else "score"
    if what == "speed":
        speed(int(sys.argv[2]) if len(sys.argv) > 2 else 2000)
        return 0
    text_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else SHARED / "corpus/bkee/dev"
    gold = Path(sys.argv[3]) if len(sys.argv) > 3 else SHARED / "eval/bkee/dev.gold.jsonl"
    export(text_dir, OUT)
    return subprocess.call([sys.executable, str(SHARED / "eval/bkee.py"), "score", str(gold), str(OUT)])


if __name__ == "__main__":
    sys.exit(main())
