"""Inter-annotator agreement on the texts annotated twice.

    python eval/agreement.py [--json]

For each text with two independent annotations (annotations/assign.json), the second is scored
against the first the way ../shared/eval/score.py scores the system: events by text, type, date
at the coarser of the two precisions and the same participants; persons and roles by name (the
two annotators' spellings joined by shared full spellings). Events, persons and roles give F1
(symmetric: P of one is R of the other); publication dates the share that agree and the share
that contradict each other.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import merge  # noqa: E402


def f1(tp: int, a: int, b: int) -> float:
    return 2 * tp / (a + b) if a + b else 1.0


def compatible(x: str | None, y: str | None) -> bool:
    return bool(x and y) and (x.startswith(y) or y.startswith(x))


def events_agree(a: list[dict], b: list[dict], canon) -> int:
    """One-to-one matches: same type, compatible dates, same participant set."""
    def parts(e):
        return frozenset(canon(t) for t in [*e.get("actor", []), *e.get("recipient", [])])
    used: set[int] = set()
    tp = 0
    for x in a:
        for i, y in enumerate(b):
            if i not in used and x["type"] == y["type"] and compatible(x["date"], y["date"]) and parts(x) == parts(y):
                used.add(i)
                tp += 1
                break
    return tp


def compare(one: dict, two: dict) -> dict:
    persons = merge.Persons()
    for p in one["persons"]:
        persons.add("1", p)
    for p in two["persons"]:
        persons.add("2", p)
    _, rename, _ = persons.merged()
    alias: dict[str, str] = {}
    for tag, ann in (("1", one), ("2", two)):
        for p in ann["persons"]:
            for s in [p["name"], *p.get("aliases", [])]:
                alias.setdefault(merge.norm(s), rename[(tag, p["name"])])

    def canon(token: str) -> str:
        return alias.get(merge.norm(token), token)

    p1 = {canon(p["name"]) for p in one["persons"]}
    p2 = {canon(p["name"]) for p in two["persons"]}

    def roles(ann):
        return {(canon(r["person"]), merge.norm(r["titles"][0]).replace("bộ trưởng bộ ", "bộ trưởng "))
                for r in ann["roles"]}
    r1, r2 = roles(one), roles(two)
    c1 = [e for e in one["events"] if e["core"]]
    c2 = [e for e in two["events"] if e["core"]]
    d1, d2 = one["document"]["published"], two["document"]["published"]
    return {"persons": (len(p1 & p2), len(p1), len(p2)), "roles": (len(r1 & r2), len(r1), len(r2)),
            "core_events": (events_agree(c1, c2, canon), len(c1), len(c2)),
            "all_events": (events_agree(one["events"], two["events"], canon), len(one["events"]), len(two["events"])),
            "date_same": d1 == d2, "date_contradicts": not compatible(d1, d2)}


def per_text(assign: dict) -> dict[str, dict]:
    rows = {}
    for file, copies in sorted(assign.items()):
        if not any(c == "b" for _, c in copies):
            continue   # one copy, or the first copy superseded by a re-annotation under later instructions
        first = next(b for b, c in copies if c == "a")
        second = next(b for b, c in copies if c == "b")
        rows[file] = compare(merge.load(first, file), merge.load(second, file))
    return rows


def totals(assign: dict, rows: dict[str, dict] | None = None) -> dict:
    rows = per_text(assign) if rows is None else rows
    total = {}
    for key in ("persons", "roles", "core_events", "all_events"):
        tp = sum(r[key][0] for r in rows.values())
        a = sum(r[key][1] for r in rows.values())
        b = sum(r[key][2] for r in rows.values())
        total[key] = {"f1": round(f1(tp, a, b), 3), "agreed": tp, "first": a, "second": b}
    total["dates_same"] = round(sum(r["date_same"] for r in rows.values()) / len(rows), 3)
    total["dates_contradict"] = round(sum(r["date_contradicts"] for r in rows.values()) / len(rows), 3)
    total["texts"] = len(rows)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    assign = json.loads((merge.ANNOTATIONS / "assign.json").read_text(encoding="utf-8"))
    rows = per_text(assign)
    total = totals(assign, rows)
    if args.json:
        print(json.dumps({"total": total, "texts": rows}, ensure_ascii=False, indent=1))
    else:
        for file, r in rows.items():
            print(file, " ".join(f"{k}={v[0]}/{v[1]}/{v[2]}" for k, v in r.items() if isinstance(v, tuple)),
                  "date" + ("=" if r["date_same"] else ("!" if r["date_contradicts"] else "~")))
        print(json.dumps(total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
