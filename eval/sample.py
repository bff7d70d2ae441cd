"""Draw the gold set's texts: stratified by area, at random within each area, seed written down.

    python eval/sample.py [--seed 20261206] > eval/gold/sample.json
    python eval/sample.py --wave dev2 --seed 20261207 > eval/gold/sample-dev2.json
    python eval/sample.py --wave dev3 --seed 20261208 > eval/gold/sample-dev3.json
    python eval/sample.py --wave dev4 --seed 20261209 > eval/gold/sample-dev4.json
    python eval/sample.py --wave dev6 --seed 20261211 > eval/gold/sample-dev6.json
    python eval/sample.py --wave dev7 --seed 20261212 > eval/gold/sample-dev7.json
    python eval/sample.py --wave dev8 --seed 20261213 > eval/gold/sample-dev8.json
    python eval/sample.py --wave dev9 --seed 20261214 > eval/gold/sample-dev9.json
    python eval/sample.py --wave dev10 --seed 20261215 > eval/gold/sample-dev10.json

A later wave ("dev2") draws from the texts no earlier sample holds (eval/gold/sample*.json), with
smaller quotas, every text in that wave's own split (more dev texts: the first split's dev was too
small to find the constructions that recur in unseen news; the test split stays as it is).

An area is assigned by counting the cue words of each area (below) in the text and taking the
largest count; a text with none is left out. The cues describe subjects, not what biennien can
extract. Within each area texts are drawn with `random.Random(seed)`. Feed items need a summary of
at least 80 characters (a bare headline says too little to annotate). A few feed items get a
"companion": another outlet's report of the same story (same-story pairs are what measures merging
across articles); a companion stays in its partner's split and annotation batch.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from datetime import date

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
import texts  # noqa: E402

AREAS = {
    "diplomacy": ["chuyến thăm", "thăm chính thức", "thăm cấp nhà nước", "hội đàm", "hội kiến", "điện đàm",
                  "tiếp xã giao", "ngoại giao", "đại sứ", "đối tác chiến lược", "tuyên bố chung", "tiếp đại sứ"],
    "domestic": ["bổ nhiệm", "bầu", "miễn nhiệm", "cách chức", "kỷ luật", "ứng cử", "bầu cử", "đại hội đảng",
                 "nhiệm kỳ", "trúng cử", "thôi chức", "nghỉ hưu", "điều động", "phê chuẩn", "kỳ họp"],
    "law": ["khởi tố", "tạm giam", "bắt giữ", "truy tố", "xét xử", "tuyên án", "bị cáo", "cơ quan điều tra",
            "tòa án", "toà án", "án tù", "tạm giữ", "lừa đảo", "tham nhũng", "bị bắt", "phạt tù"],
    "world": ["xung đột", "biểu tình", "trừng phạt", "không kích", "tấn công", "giao tranh", "thượng đỉnh",
              "tên lửa", "ngừng bắn", "khủng bố", "đánh bom", "ukraine", "israel", "gaza", "triều tiên", "syria",
              "iran", "nga"],
    "economy": ["thương mại", "đầu tư", "viện trợ", "khoản vay", "xuất khẩu", "thuế quan", "fta", "oda",
                "doanh nghiệp", "tỷ usd", "triệu usd", "kinh tế", "tài trợ"],
}
CUES = {area: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
        for area, words in AREAS.items()}
LONG_PER_AREA = 16
FEED_PER_AREA = 20
COMPANIONS = 10
DOUBLE_LONG, DOUBLE_FEED = 2, 2   # per area
TEST_SHARE = 1 / 3


def area_of(text: str) -> str | None:
    low = text.lower()
    counts = {area: len(cue.findall(low)) for area, cue in CUES.items()}
    best = max(counts, key=lambda a: (counts[a], a))
    return best if counts[best] else None


def _words(title: str) -> set[str]:
    return {w for w in re.findall(r"\w+", title.lower()) if len(w) > 1}


def companion(file: str, taken: set[str]) -> str | None:
    """Another outlet's item on the same story within two days: the most similar title, if close."""
    me = texts.rss()[file]
    day = date.fromisoformat(me["published"][:10])
    mine = _words(me["title"] + " " + (me.get("summary") or ""))
    best, score = None, 0.0
    for other, r in texts.rss().items():
        if other in taken or r["source"].split(" ")[0] == me["source"].split(" ")[0] or not r.get("published"):
            continue
        if abs((date.fromisoformat(r["published"][:10]) - day).days) > 2 or len(r.get("summary") or "") < 80:
            continue
        theirs = _words(r["title"] + " " + r["summary"])
        jaccard = len(mine & theirs) / len(mine | theirs)
        if jaccard > score:
            best, score = other, jaccard
    return best if score >= 0.25 else None


WAVES = {"dev2": {"long": 7, "feed": 9, "companions": 6, "double": 7},
         "dev3": {"long": 7, "feed": 9, "companions": 6, "double": 7},
         "dev4": {"long": 7, "feed": 9, "companions": 6, "double": 7},
         "dev5": {"long": 7, "feed": 9, "companions": 6, "double": 7},
         "dev6": {"long": 7, "feed": 9, "companions": 6, "double": 7},
         "dev7": {"long": 7, "feed": 9, "companions": 6, "double": 7},
         "dev8": {"long": 7, "feed": 9, "companions": 6, "double": 7},
         "dev9": {"long": 7, "feed": 9, "companions": 6, "double": 7},
         "dev10": {"long": 7, "feed": 9, "companions": 6, "double": 7},
         "dev11": {"long": 7, "feed": 9, "companions": 6, "double": 7},
         "dev12": {"long": 7, "feed": 9, "companions": 6, "double": 7}}


def draw(seed: int, wave: str | None = None) -> list[dict]:
    rng = random.Random(seed)
    earlier = texts.gold_files() if wave else set()
    quota = WAVES[wave] if wave else {"long": LONG_PER_AREA, "feed": FEED_PER_AREA, "companions": COMPANIONS}
    long_pool: dict[str, list[str]] = {a: [] for a in AREAS}
    for file, r in sorted(texts.vietnews().items()):
        if file in earlier:
            continue
        area = area_of(r["text"])
        if area:
            long_pool[area].append(file)
    feed_pool: dict[str, list[str]] = {a: [] for a in AREAS}
    for file, r in sorted(texts.rss().items()):
        if file in earlier or len(r.get("summary") or "") < 80 or not r.get("published"):
            continue
        area = area_of(r["title"] + " " + r["summary"])
        if area:
            feed_pool[area].append(file)
    chosen: list[dict] = []
    used: set[str] = set(earlier)
    for kind, pool in (("long", long_pool), ("feed", feed_pool)):
        short = 0
        for area in AREAS:  # an area with fewer texts than its quota gives the rest to the largest areas
            take = min(quota[kind], len(pool[area]))
            short += quota[kind] - take
            for file in rng.sample(pool[area], take):
                used.add(file)
                chosen.append({"file": file, "kind": kind, "area": area})
        largest = sorted(AREAS, key=lambda a: -len(pool[a]))[:2]
        for i in range(short):
            area = largest[i % 2]
            file = rng.choice([f for f in pool[area] if f not in used])
            used.add(file)
            chosen.append({"file": file, "kind": kind, "area": area})
    feeds = [c for c in chosen if c["kind"] == "feed"]
    added = 0
    for c in rng.sample(feeds, len(feeds)):
        if added == quota["companions"]:
            break
        other = companion(c["file"], used)
        if other:
            used.add(other)
            c["companion"] = other
            chosen.append({"file": other, "kind": "feed", "area": c["area"], "companion_of": c["file"]})
            added += 1
    if wave:
        for c in chosen:
            c["split"] = wave
            c["source"] = texts.source(c["file"])
        alone = sorted((c for c in chosen if "companion" not in c and "companion_of" not in c), key=lambda c: c["file"])
        for c in rng.sample(alone, quota["double"]):
            c["double"] = True
        return chosen
    # splits: a third of each (area, kind) to test, companions follow their partner
    for area in AREAS:
        for kind in ("long", "feed"):
            group = [c for c in chosen if c["area"] == area and c["kind"] == kind and "companion_of" not in c]
            group.sort(key=lambda c: c["file"])
            rng.shuffle(group)
            cut = round(len(group) * TEST_SHARE)
            for i, c in enumerate(group):
                c["split"] = "test" if i < cut else "dev"
            double = DOUBLE_LONG if kind == "long" else DOUBLE_FEED
            for c in group[cut - 1: cut - 1 + double] if cut else group[:double]:
                c["double"] = True
    split = {c["file"]: c["split"] for c in chosen if "split" in c}
    for c in chosen:
        if "companion_of" in c:
            c["split"] = split[c["companion_of"]]
        c["source"] = texts.source(c["file"])
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--wave", choices=sorted(WAVES), help="a later wave of texts no earlier sample holds")
    args = parser.parse_args()
    chosen = draw(args.seed, args.wave)
    counts = Counter((c["area"], c["kind"], c["split"]) for c in chosen)
    print(json.dumps({"seed": args.seed, **({"wave": args.wave} if args.wave else {}), "texts": chosen}, ensure_ascii=False, indent=1))
    print(sorted(counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
