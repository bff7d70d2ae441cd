"""What a store of dated feed items could teach about tenures, and what it would date (issue 13/14,
store-side tenure knowledge: measured before it is built).

    python eval/tenures.py

Reads the feed items of ../shared/corpus/rss/politics-rss.jsonl that no gold set uses (dev or
test) as a background with their dates, finds the posts one person holds at a time
(SOLE_POSTS) in each, as the roles stage reads them, and learns for each holder the bound the
issue proposes: not earlier than 90 days before the last sighting of the holder before them, not
later than 60 days after the first sighting of the holder after them (two sightings at least,
holders whose sightings interleave teach nothing). It then prints what those bounds would add
to stages/bounds.py's on each dev text (never a test text): the date `bounds.choose` gives
before and after.

On the background of December 2026 (1,858 items, 2025-08 .. 2026-08) the learned rows are few
and half of them wrong: the feed names history with current titles ("Tổng Bí thư Hà Huy Tập",
"Thủ tướng Phạm Văn Đồng", "Tổng Bí thư Nguyễn Phú Trọng" in 2025-2026), and a holder who
returns (Tô Lâm, Chủ tịch nước in 2024 and from 2026) is bounded by the predecessor of their
second term only. The 13 dev feed items they would date to 2026 are dated by that unsafe
inference alone; the safe part (the April 2026 changes) is in resources/vi/office_holders.tsv.
"""
from __future__ import annotations

import collections
import json
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import texts  # noqa: E402

from biennien.pipeline import _in_title, analyse  # noqa: E402
from biennien.records import Source  # noqa: E402
from biennien.stages import bounds, dateline  # noqa: E402
from biennien.text import key  # noqa: E402

SOLE_POSTS = ("thủ tướng", "chủ tịch nước", "tổng bí thư", "chủ tịch quốc hội", "tổng thống", "ngoại trưởng",
              "bộ trưởng bộ quốc phòng", "bộ trưởng bộ ngoại giao", "bộ trưởng bộ công an",
              "phó thủ tướng thường trực")


def sightings() -> dict:
    seen: dict = collections.defaultdict(lambda: collections.defaultdict(list))
    used = texts.gold_files()
    for file, record in texts.rss().items():
        if file in used:
            continue
        text = record["title"] + "\n" + (record.get("summary") or "")
        for o in analyse(Source(raw=text, source=file, published=record["published"])).roles:
            if o.title and not o.change and o.date_precision == "day" and key(o.title) in SOLE_POSTS:
                seen[(key(o.title), o.country)][key(o.person)].append(o.date)
    return seen


def learn(seen: dict) -> dict:
    learned = {}
    for post, holders in seen.items():
        spans = sorted((min(d), max(d), p) for p, d in holders.items() if len(d) >= 2)
        for i, (first, last, person) in enumerate(spans):
            lo = date.fromisoformat(spans[i - 1][1]) - timedelta(days=90) if i and spans[i - 1][1] < first else None
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            hi = date.fromisoformat(nxt[0]) + timedelta(days=60) if nxt and last < nxt[0] else None
            if lo or hi:
                learned[(post, person)] = (lo or bounds.EARLIEST, hi or date.max)
    return learned


def main() -> int:
    learned = learn(sightings())
    for (post, person), (lo, hi) in sorted(learned.items()):
        print("learned", post, person, lo, hi)
    gold = json.loads((HERE / "gold" / "dev.gold.json").read_text(encoding="utf-8"))
    for doc in gold["documents"]:
        a = analyse(Source(raw=texts.text(doc["file"]), source=doc["file"]))
        body = [s.text for s in a.sentences if not s.is_caption and not _in_title(a, s.start)]
        spans = bounds.interval(body)
        extra = [learned[(key(o.title), o.country), key(o.person)] for o in a.roles
                 if o.title and not o.change and ((key(o.title), o.country), key(o.person)) in learned]
        if not extra or spans is None:
            continue
        more = spans
        for lo, hi in extra:
            more = bounds.meet(more, ((lo, hi),))
        lead = dateline.lead_day_month(a.article, body)
        print(doc["file"], "gold", doc["published"], "before", bounds.choose(spans, lead),
              "after", bounds.choose(more or None, lead))
    return 0


if __name__ == "__main__":
    sys.exit(main())
