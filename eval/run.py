"""Score every visible set in one go, each ingested into a fresh store.

    python eval/run.py [--sets seeds,bkee-dev,dev-dated,dev-undated,test-dated,test-undated]
                       [--out /tmp/biennien-run] [--json]

Sets:
  seeds         ../shared/corpus/seeds against ../shared/eval/seeds.gold.json
  bkee-dev      ../shared/corpus/bkee/dev against its ACE gold (../shared/eval/bkee.py)
  dev-dated     the dev split of our blind gold (eval/gold/dev.gold.json), fed as JSONL with the
                gold publication date: extraction measured apart from date inference
  dev-undated   the same texts as bare .txt files: publication-date inference measured too
  dev-undated-bg  the same, ingested after a background of dated feed items (every item of
                ../shared/corpus/rss/politics-rss.jsonl that no gold set uses): what a store that
                already knows the news does for undated articles. Only the gold texts' events are
                scored; persons, roles and as-of answers also see the background, so compare
                events and document dates only.
  dev2-*        the second wave of dev texts (eval/gold/dev2.gold.json): more texts to tune on.
  dev3-*        the third wave (eval/gold/dev3.gold.json): held out in the session that annotated it
                (a second unseen set beside test), dev from the next session on.
  dev4-*        the fourth wave (eval/gold/dev4.gold.json): the same, one session later.
  dev5-*        the fifth wave (eval/gold/dev5.gold.json): the same, one session later again.
  dev6-*        the sixth wave (eval/gold/dev6.gold.json): likewise.
  dev7-*        the seventh wave (eval/gold/dev7.gold.json): likewise.
  dev8-*        the eighth wave (eval/gold/dev8.gold.json): likewise.
  dev9-*        the ninth wave (eval/gold/dev9.gold.json): likewise.
  dev10-*       the tenth wave (eval/gold/dev10.gold.json): likewise.
  dev11-*       the eleventh wave (eval/gold/dev11.gold.json): likewise.
  dev12-*       the twelfth wave (eval/gold/dev12.gold.json): likewise.
  test-*        the test split. Tune on dev; score test only when a change is finished.

Texts are rebuilt from ../shared (eval/texts.py); nothing of them is kept here. Prints one line
per set, starting with its name (and for our gold's sets a second, indented: eval/merging.py's
same-story pairs merged and distinct events over-merged); the scorers' whole output goes to
OUT/<set>.score.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import texts  # noqa: E402

ROOT = HERE.parent
SHARED = texts.SHARED
EVAL = SHARED / "eval"
GOLD = HERE / "gold"
SETS = ("seeds", "bkee-dev", "dev-dated", "dev-undated", "dev-undated-bg", "dev2-dated", "dev2-undated",
        "dev3-dated", "dev3-undated", "dev4-dated", "dev4-undated", "dev5-dated", "dev5-undated",
        "dev6-dated", "dev6-undated", "dev7-dated", "dev7-undated", "dev8-dated", "dev8-undated",
        "dev9-dated", "dev9-undated", "dev10-dated", "dev10-undated", "dev11-dated", "dev11-undated", "dev12-dated", "dev12-undated",
        "test-dated", "test-undated", "test-undated-bg")
CLI = f"{sys.executable} -m biennien.cli"


def gold_path(name: str) -> Path:
    return EVAL / "seeds.gold.json" if name == "seeds" else GOLD / f"{name.split('-')[0]}.gold.json"


def inputs(name: str, where: Path) -> list[Path]:
    """What a set ingests, in order: a background feed first for the -bg sets, then its input."""
    if name.endswith("-bg"):
        where.mkdir(parents=True, exist_ok=True)
        return [background(where / "background.jsonl"), build_inputs(name[:-3], where / "texts")]
    return [build_inputs(name, where)]


def build_inputs(name: str, where: Path) -> Path:
    """The input of a set: a directory of texts, or one JSONL feed (dated sets)."""
    if name == "seeds":
        return SHARED / "corpus" / "seeds"
    if name == "bkee-dev":
        return SHARED / "corpus" / "bkee" / "dev"
    gold = json.loads(gold_path(name).read_text(encoding="utf-8"))
    where.mkdir(parents=True, exist_ok=True)
    if name.endswith("-undated"):
        for doc in gold["documents"]:
            (where / doc["file"]).write_text(texts.text(doc["file"]), encoding="utf-8")
        return where
    feed = where / f"{name}.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for doc in gold["documents"]:
            record = {"url": f"gold/{doc['file']}", "text": texts.text(doc["file"]), "published": doc["published"]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return feed


def background(feed: Path) -> Path:
    """Every dated feed item no gold set uses (dev, test or companion), with its date."""
    used = texts.gold_files()
    with feed.open("w", encoding="utf-8") as out:
        for file, r in texts.rss().items():
            if file not in used and r.get("published"):
                record = {"url": r["link"], "title": r["title"], "summary": r.get("summary") or "",
                          "published": r["published"]}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return feed


def keep_gold(export: Path, files: set[str]) -> None:
    """The export's events reported in a gold text (with all their reports), its documents the
    gold texts: a background article's events are none of the gold's business."""
    docs = [json.loads(line) for line in (export / "documents.jsonl").open(encoding="utf-8")]
    ids = {d["doc_id"] for d in docs if d["source"].replace("\\", "/").rsplit("/", 1)[-1] in files}
    for name, keep in (("documents.jsonl", lambda r: r["doc_id"] in ids),
                       ("events.jsonl", lambda r: any(m.get("doc_id") in ids for m in r.get("mentions") or []))):
        path = export / name
        rows = [line for line in path.open(encoding="utf-8") if keep(json.loads(line))]
        path.write_text("".join(rows), encoding="utf-8")


def ingest_and_export(sources: list[Path], db: Path, export: Path) -> str:
    from biennien.export import export_contract
    from biennien.run import ingest
    from biennien.store import Store

    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        path.unlink(missing_ok=True)
    shutil.rmtree(export, ignore_errors=True)
    with Store(db) as store:
        summary = ingest([str(p) for p in sources], store)
        export_contract(store, export)
    return summary.line()


def score(name: str, export: Path, db: Path) -> dict:
    if name == "bkee-dev":
        cmd = [sys.executable, str(EVAL / "bkee.py"), "score", str(EVAL / "bkee" / "dev.gold.jsonl"), str(export)]
    else:
        cmd = [sys.executable, str(EVAL / "score.py"), str(gold_path(name)), str(export), "--db", str(db), "--cli", CLI]
    out = subprocess.run([*cmd, "--json"], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout[:out.stdout.rindex("}") + 1])


def line(name: str, r: dict) -> str:
    if name == "bkee-dev":
        keys = ("persons_precision", "persons_recall", "orgs_recall", "places_recall", "events_doc_type_f1",
                "events_named_recall", "roles_recall")
        return f"{name:<13}" + " ".join(f"{k}={r[k]:.3f}" for k in keys)
    return (f"{name:<13}" + " " * (len(name) >= 13) + f"events P={r['events_precision']:.3f} R={r['events_recall']:.3f} F1={r['events_f1']:.3f}"
            f" (tp {r['events_tp']} fp {r['events_fp']} fn {r['events_fn']})"
            f"  persons={r['persons_recall']:.3f} one_id={r['persons_one_id']:.3f}"
            f"  roles={r['roles_recall']:.3f} ranks={r['ranks_recall']:.3f} asof={r.get('asof_accuracy', 0):.3f}"
            f"  dates={r['doc_dates_accuracy']:.3f} contradicted={r['doc_dates_contradicted']:.3f}"
            f"  leaked={len(r['non_actors_leaked'])}")


def run_set(name: str, out: Path) -> dict:
    db, export = out / f"{name}.db", out / name / "export"
    summary = ingest_and_export(inputs(name, out / name / "input"), db, export)
    if name.endswith("-bg"):
        keep_gold(export, {d["file"] for d in json.loads(gold_path(name).read_text(encoding="utf-8"))["documents"]})
    result = score(name, export, db)
    result["ingest"] = summary
    if name not in ("seeds", "bkee-dev"):
        import merging   # it imports this module: here, not at the top
        m = merging.measure(name, out)
        result["merging"] = {k: v for k, v in m.items() if not isinstance(v, list)}
        result.update({"same_as_merged": m["pairs_merged"], "over_merged": m["over_merged_pairs"]})
    (out / f"{name}.score").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated, from: " + " ".join(SETS))
    parser.add_argument("--out", type=Path, default=Path("/tmp/biennien-run"))
    parser.add_argument("--json", action="store_true", help="print every result as one JSON object")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        parser.error(f"unknown set(s): {', '.join(unknown)}")
    args.out.mkdir(parents=True, exist_ok=True)
    results = {}
    for name in names:
        started = time.monotonic()
        results[name] = run_set(name, args.out)
        results[name]["seconds"] = round(time.monotonic() - started, 1)
        if not args.json:
            print(line(name, results[name]), flush=True)
            if "merging" in results[name]:
                import merging
                print(merging.line(results[name]["merging"]), flush=True)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        print(f"details: {args.out}/<set>.score")
    return 0


if __name__ == "__main__":
    sys.exit(main())
