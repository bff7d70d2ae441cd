"""Does one real event become one event? Under- and over-merging against the gold.

    python eval/merging.py dev-dated [--out /tmp/biennien-run]

Each gold event is mapped to the system events that match it (as score.py matches: text, type,
date, participants; an optional gold event, as the scorer takes it, by one shared participant).
A `same_as` pair is found when both sides match some system event, merged when one system event
matches both.

Two distinct gold events of one text (the gold does not call them the same) are
- `matched_two` when one system event matches both: also when the system never joined their
  reports, the scorer's participants alone letting one event fit both (a person stands for their
  state: "X hội đàm với Abe" fits "X yết kiến Nhà vua Nhật Bản", gold JPN);
- `over_merged` when one system event holds a report of each: a mention whose sentence holds a
  fragment of one gold event's trigger (the gold's " / " and "..." split it) with the mention's
  trigger inside, and a mention of the other, neither report fitting both. That is a merge the
  system made, and the count the gate holds a ceiling on.
Reads what `python eval/run.py` left in OUT.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run  # noqa: E402

sys.path.insert(0, str(run.EVAL))
import score  # noqa: E402

_CUT = re.compile(r"\s*(?:/|\.\.\.|…)\s*")


def fragments(trigger: str | None) -> list[str]:
    """The pieces of the text a gold trigger quotes, folded: "A ... B / C" -> [a, b, c]."""
    return [f for f in (p.strip(" ;,.").lower() for p in _CUT.split(trigger or "")) if len(f) >= 2]


def reports(gold: dict, mention: dict) -> bool:
    """The mention reports the gold event: its sentence quotes the gold trigger around its own."""
    sentence, trigger = (mention.get("sentence") or "").lower(), (mention.get("trigger") or "").lower()
    return bool(trigger) and any(trigger in f and f in sentence for f in fragments(gold.get("trigger")))


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
            if g["file"] in files and score.event_matches(g, e, names):
                matched.setdefault(g["id"], set()).add(e["event_id"])
    by_id = {g["id"]: g for g in gold["events"]}
    pairs = {tuple(sorted((g["id"], o))) for g in gold["events"] for o in g.get("same_as", []) if o in by_id}
    found = [p for p in pairs if p[0] in matched and p[1] in matched]
    merged = [p for p in found if matched[p[0]] & matched[p[1]]]
    two, over = [], []
    for e in events:
        hits = [g for g, ids in matched.items() if e["event_id"] in ids and by_id[g]["core"]]
        for i, a in enumerate(hits):
            for b in hits[i + 1:]:
                ga, gb = by_id[a], by_id[b]
                if b in ga.get("same_as", []) or a in gb.get("same_as", []) or ga["file"] != gb["file"]:
                    continue
                two.append((a, b))
                mine = [m for m in e["mentions"] if docs.get(m["doc_id"]) == ga["file"]]
                only_a = any(reports(ga, m) and not reports(gb, m) for m in mine)
                only_b = any(reports(gb, m) and not reports(ga, m) for m in mine)
                if only_a and only_b:
                    over.append((a, b))
    multi = sum(1 for e in events if len({docs.get(m["doc_id"]) for m in e["mentions"]}) > 1)
    return {"same_as_pairs": len(pairs), "pairs_both_found": len(found), "pairs_merged": len(merged),
            "over_merged_pairs": len(over), "matched_two_pairs": len(two),
            "events_from_two_or_more_texts": multi, "events": len(events),
            "unmerged": sorted(p for p in found if p not in merged), "over": over, "matched_two": two}


def line(m: dict) -> str:
    """The merging numbers of one set, one line (eval/run.py prints it under the set's scores)."""
    return (f"  merging: same_as {m['pairs_merged']} merged of {m['pairs_both_found']} found"
            f" ({m['same_as_pairs']} in the gold), over-merged {m['over_merged_pairs']},"
            f" matched two {m['matched_two_pairs']}, events of 2+ texts {m['events_from_two_or_more_texts']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set")
    parser.add_argument("--out", type=Path, default=Path("/tmp/biennien-run"))
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.set, args.out), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
