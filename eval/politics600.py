"""What biennien makes of politics-600, the 600 political articles nobody annotated.

    python eval/politics600.py [--out /tmp/biennien-p600] [--seed 20261206] [--reuse]

Ingests ../shared/corpus/vietnews/politics-600.jsonl into a fresh store, exports it (default
export, and with `--unattributed` when the CLI offers it), and prints: events per article, the
share of events with no participant, the share marked planned, the share of persons with a
country. It also draws, with the seed, 30 events, 30 persons and 20 roles and writes them with
their evidence sentences to OUT/judge.json, for judging by hand (a reader who sees only the
sheet and the articles: is the event real and fully right, is the person a real person, is the
role fully right). Nothing here is gold: the numbers describe the output, the judged samples
estimate its precision on news nobody tuned for.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "vietnews" / "politics-600.jsonl"


def read(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "biennien.cli", *args], capture_output=True, text=True)


def build(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    db = out / "kb.db"
    done = cli("ingest", str(CORPUS), "--db", str(db))
    if done.returncode not in (0, 1):
        sys.exit(f"{CORPUS}: ingest failed: {done.stderr.strip().splitlines()[-1:]}")
    cli("export", "--db", str(db), "--out", str(out / "export"))
    everything = cli("export", "--db", str(db), "--out", str(out / "export-all"), "--unattributed")
    if everything.returncode != 0:
        shutil.rmtree(out / "export-all", ignore_errors=True)


def has_party(event: dict) -> bool:
    return bool(event.get("actors") or event.get("recipients"))


def stats(out: Path) -> dict:
    export = out / "export"
    docs = read(export / "documents.jsonl")
    events = read(export / "events.jsonl")
    every = read(out / "export-all" / "events.jsonl") or events
    actors = read(export / "actors.jsonl")
    persons = [a for a in actors if a.get("kind") == "person"]
    return {
        "articles": len(docs),
        "events": len(events),
        "events_per_article": round(len(events) / max(1, len(docs)), 3),
        "events_all_incl_unattributed": len(every),
        "share_no_participant_all": round(sum(not has_party(e) for e in every) / max(1, len(every)), 3),
        "share_no_participant_exported": round(sum(not has_party(e) for e in events) / max(1, len(events)), 3),
        "share_planned": round(sum(bool(e.get("planned")) for e in events) / max(1, len(events)), 3),
        "share_multi_article": round(sum(len({m.get("doc_id") for m in e.get("mentions") or []}) > 1
                                         for e in events) / max(1, len(events)), 3),
        "persons": len(persons),
        "share_persons_with_country": round(sum(bool(p.get("country")) for p in persons) / max(1, len(persons)), 3),
    }


def sheet(out: Path, seed: int) -> dict:
    export = out / "export"
    events = read(export / "events.jsonl")
    actors = {a["actor_id"]: a for a in read(export / "actors.jsonl")}
    source = {d["doc_id"]: d.get("source", "").rsplit("/", 1)[-1] for d in read(export / "documents.jsonl")}
    mentions: dict[int, list[str]] = {}
    for m in read(export / "mentions.jsonl"):
        mentions.setdefault(m["actor_id"], []).append(f"[{source.get(m.get('doc_id'))}] {m.get('sentence') or ''}")
    roles = read(export / "roles.jsonl")
    rng = random.Random(seed)

    def party(p: dict) -> str:
        return f"{p.get('name')} ({p.get('kind')}, {p.get('country') or '?'})"

    return {
        "seed": seed,
        "events": [{"event_id": e["event_id"], "type": e["type"], "cameo": e.get("cameo"), "date": e.get("date"),
                    "planned": e.get("planned"), "actors": [party(p) for p in e.get("actors") or []],
                    "recipients": [party(p) for p in e.get("recipients") or []], "location": e.get("location"),
                    "evidence": [f"[{source.get(m.get('doc_id'))}] {m.get('sentence')}"
                                 for m in (e.get("mentions") or [])[:3]]}
                   for e in rng.sample(events, min(30, len(events)))],
        "persons": [{"actor_id": p["actor_id"], "name": p["name"], "country": p.get("country"),
                     "evidence": mentions.get(p["actor_id"], [])[:2]}
                    for p in rng.sample([a for a in actors.values() if a.get("kind") == "person"],
                                        min(30, sum(a.get("kind") == "person" for a in actors.values())))],
        "roles": [{"person": actors.get(r["actor_id"], {}).get("name"), "rank": r.get("rank"), "title": r.get("title"),
                   "organization": r.get("organization"), "country": r.get("country"),
                   "observed": (r.get("observed") or [])[:3], "start": r.get("start"), "end": r.get("end"),
                   "evidence": mentions.get(r["actor_id"], [])[:2]}
                  for r in rng.sample(roles, min(20, len(roles)))],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("/tmp/biennien-p600"))
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--reuse", action="store_true", help="score the store already in OUT")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS}: not found (politics-600 lives in ../shared)")
    if not args.reuse:
        build(args.out)
    result = stats(args.out)
    (args.out / "judge.json").write_text(json.dumps(sheet(args.out, args.seed), ensure_ascii=False, indent=1),
                                         encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False))
    print(f"samples to judge: {args.out / 'judge.json'}")


if __name__ == "__main__":
    main()
