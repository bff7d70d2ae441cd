"""Does one real event become one event? Under- and over-merging against the gold.

    python eval/merging.py dev-dated [--out /tmp/biennien-run]

Each core gold event is mapped to the system events that match it (as score.py matches: text, type,
date, participants). A `same_as` pair is merged when some system event matches both; two
distinct gold events of one text are over-merged when one system event matches both (and the
gold does not call them the same). Reads what `python eval/run.py` left in OUT.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run  # noqa: E402

sys.path.insert(0, str(run.EVAL))
import score  # noqa: E402


def measure(name: str, out: Path) -> dict:
    gold = json.loads(run.gold_path(name).read_text(encoding="utf-8"))
    export = out / name / "export"
    names = score.Names(gold["persons"])
    docs = {d["doc_id"]: score.basename(d["source"]) for d in score.load_jsonl(export / "documents.jsonl")}
    events = score.load_jsonl(export / "events.jsonl")
    matched: dict[str, set[int]] = {}
    for e in events:
        files = {docs.get(m["doc_id"]) for m in e["mentions"]}
        for g in gold["events"]:
            if g["core"] and g["file"] in files and score.event_matches(g, e, names):
                matched.setdefault(g["id"], set()).add(e["event_id"])
    by_id = {g["id"]: g for g in gold["events"]}
    pairs = {tuple(sorted((g["id"], o))) for g in gold["events"] for o in g.get("same_as", []) if o in by_id}
    found = [p for p in pairs if p[0] in matched and p[1] in matched]
    merged = [p for p in found if matched[p[0]] & matched[p[1]]]
    over = []
    for e in events:
        hits = [g for g, ids in matched.items() if e["event_id"] in ids]
        for i, a in enumerate(hits):
            for b in hits[i + 1:]:
                same = b in by_id[a].get("same_as", []) or a in by_id[b].get("same_as", [])
                if not same and by_id[a]["file"] == by_id[b]["file"]:
                    over.append((a, b))
    multi = sum(1 for e in events if len({docs.get(m["doc_id"]) for m in e["mentions"]}) > 1)
    return {"same_as_pairs": len(pairs), "pairs_both_found": len(found), "pairs_merged": len(merged),
            "over_merged_pairs": len(over), "events_from_two_or_more_texts": multi, "events": len(events),
            "unmerged": [p for p in found if p not in merged], "over": over}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set")
    parser.add_argument("--out", type=Path, default=Path("/tmp/biennien-run"))
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.set, args.out), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
