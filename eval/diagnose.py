"""Why events miss: for each core gold event of a set, the closest system event of the same text
and what differs (type, date, participants), and the system events that match nothing.

    python eval/diagnose.py dev-dated [--out /tmp/biennien-run] [--file vn-009429.txt]

Reads what `python eval/run.py` left in OUT (the export and the gold of that set). Use it on dev
sets only: the test split is scored, never read for errors.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run  # noqa: E402

sys.path.insert(0, str(run.EVAL))
import score  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set")
    parser.add_argument("--out", type=Path, default=Path("/tmp/biennien-run"))
    parser.add_argument("--file")
    parser.add_argument("--unmatched", action="store_true",
                        help="list each system event that matches no gold event, with its sentence")
    args = parser.parse_args(argv)
    if args.set.startswith("test"):
        parser.error("diagnose dev sets only; the test split is for scoring")
    gold = json.loads(run.gold_path(args.set).read_text(encoding="utf-8"))
    export = args.out / args.set / "export"
    names = score.Names(gold["persons"])
    docs = {d["doc_id"]: score.basename(d["source"]) for d in score.load_jsonl(export / "documents.jsonl")}
    events = score.load_jsonl(export / "events.jsonl")
    by_file: dict[str, list[dict]] = {}
    for e in events:
        for f in {docs.get(m["doc_id"]) for m in e["mentions"]}:
            by_file.setdefault(f, []).append(e)
    why = Counter()
    for g in gold["events"]:
        if not g["core"] or (args.file and g["file"] != args.file):
            continue
        mine = by_file.get(g["file"], [])
        if any(score.event_matches(g, e, names) for e in mine):
            continue
        same_type = [e for e in mine if e["type"] == g["type"]]
        if not same_type:
            reason = "type" if mine else "nothing"
            near = None
        else:
            near = same_type[0]
            dated = [e for e in same_type if score.date_matches(g["date"], e["date"])]
            reason = "participants" if dated else "date"
            near = dated[0] if dated else near
        why[f"{g['type']}:{reason}"] += 1
        parts = lambda e: [p["name"] for p in e["actors"] + e["recipients"]] if e else None  # noqa: E731
        print(f"MISS {g['id']} {g['type']} {g['date']} {g.get('actor')}->{g.get('recipient')} «{g['trigger'][:50]}»"
              f"\n     {reason}: " + (f"{near['type']} {near['date']} {parts(near)} «{near['mentions'][0]['trigger']}»" if near else ""))
    print("\nmissed core events by type:reason", why.most_common())
    fps, dups = Counter(), Counter()
    matched: set[str] = set()
    for e in events:  # the scorer's order and one-to-one matching: a second copy is a duplicate
        files = {docs.get(m["doc_id"]) for m in e["mentions"]}
        pool = [g for g in gold["events"] if g["file"] in files]
        fits = [g for g in pool if score.event_matches(g, e, names)]
        free = [g for g in fits if g["id"] not in matched]
        hits: list[dict] = []
        for g in free:   # one core gold event per text, as the scorer counts, else one optional
            if g["core"] and all(h["file"] != g["file"] for h in hits):
                hits.append(g)
        hits = hits or [g for g in free if not g["core"]][:1]
        matched.update(g["id"] for g in hits)
        if hits or (args.file and args.file not in files):
            continue
        (dups if fits else fps)[e["type"]] += 1
        if args.unmatched:
            _print_unmatched(e, files, pool, "DUP" if fits else "FP")
    print("unmatched system events by type", fps.most_common())
    print("second copies of a matched gold event by type", dups.most_common())
    return 0


def _print_unmatched(e: dict, files: set, pool: list[dict], kind: str) -> None:
    """One system event the scorer counts as false: FP (it fits no gold event of its text) or DUP
    (it fits only one another system event matched already); its type, date, parties, each report's
    sentence, and the gold events of the same type in its text (a near one says a date or a party
    is what differs)."""
    parts = [p["name"] for p in e["actors"]] + ["->"] + [p["name"] for p in e["recipients"]]
    near = [f"{g['date']} {g.get('actor')}->{g.get('recipient')}" for g in pool if g["type"] == e["type"]]
    print(f"{kind} {e['type']} {e['date']} {' '.join(parts)} [{', '.join(sorted(f for f in files if f))}]"
          + (f"\n     gold same type: {'; '.join(near)}" if near else ""))
    for m in e["mentions"]:
        print(f"     «{m['trigger']}» {m['sentence']}")


if __name__ == "__main__":
    sys.exit(main())
