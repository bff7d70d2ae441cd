"""Whose country is right: for each gold person of a set with a country, the system persons that
carry one of its spellings, and whether they have the same country, none, or another.

    python eval/countries.py dev11-dated [dev10-dated ...] [--out /tmp/biennien-run] [--misses]

Reads what `python eval/run.py` left in OUT (the export and the gold of each set). A person the
system does not find is counted apart (that is a person miss, not a country miss). With --misses,
each person whose country is missing or wrong is listed with the first sentence naming them.
The scorer lets a person with no country take the gold person's country when the names agree
(score.covers), so for events a wrong country costs more than none. Dev sets only.
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

CLASSES = ("same", "none", "other", "unfound")


def judge(person: dict, actors: list[dict]) -> tuple[str, list[dict]]:
    """The class of one gold person: the countries of the system persons spelt like it."""
    spellings = {score.norm(s) for s in [person["name"], *person.get("aliases", [])]}
    mine = [a for a in actors if {score.norm(s) for s in [a["name"], *(a.get("aliases") or [])]} & spellings]
    if not mine:
        return "unfound", mine
    countries = {(a.get("country") or "").upper() for a in mine}
    if person["country"].upper() in countries:
        return "same", mine
    return ("none" if countries == {""} else "other"), mine


def measure(name: str, out: Path, misses: bool) -> Counter:
    gold = json.loads(run.gold_path(name).read_text(encoding="utf-8"))
    export = out / name / "export"
    actors = [a for a in score.load_jsonl(export / "actors.jsonl") if (a.get("kind") or "") == "person"]
    docs = {d["doc_id"]: score.basename(d["source"]) for d in score.load_jsonl(export / "documents.jsonl")}
    first: dict[int, dict] = {}
    for m in score.load_jsonl(export / "mentions.jsonl"):
        first.setdefault(m["actor_id"], m)
    counts: Counter = Counter()
    for person in gold["persons"]:
        if not person.get("country"):
            continue
        kind, mine = judge(person, actors)
        counts[kind] += 1
        if misses and kind in ("none", "other"):
            said = ", ".join(f"{a['name']}={a.get('country')}" for a in mine)
            m = next((first[a["actor_id"]] for a in mine if a["actor_id"] in first), None)
            where = f"{docs.get(m['doc_id'])}: {m['sentence'][:220]}" if m else ""
            print(f"{kind.upper():5} {name} {person['name']} gold={person['country']} system: {said}\n      {where}")
    return counts


def line(name: str, counts: Counter) -> str:
    known = sum(counts[k] for k in CLASSES[:3]) or 1
    return (f"{name:14} same {counts['same']:3} ({counts['same'] / known:.3f})  none {counts['none']:3}  "
            f"other {counts['other']:3}  unfound {counts['unfound']:3}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--out", type=Path, default=Path("/tmp/biennien-run"))
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args(argv)
    if any(s.startswith(("test", "dev12")) for s in args.sets):
        parser.error("dev sets only: the test split and the held-out wave are for scoring")
    total: Counter = Counter()
    rows = []
    for name in args.sets:
        counts = measure(name, args.out, args.misses)
        total += counts
        rows.append(line(name, counts))
    print("\n".join(rows))
    if len(args.sets) > 1:
        print(line("all", total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
