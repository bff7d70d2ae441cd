"""Train the learned event confidence (biennien/learned.py) on our own dev annotations.

    python eval/learn.py --fresh --out /tmp/lrn-run --write    # ingest both waves with this code, train, write
    python eval/learn.py --out /tmp/lrn-run                    # the stores an earlier eval/run.py left there

Reads the stores `eval/run.py` left in OUT (never its exports: those may already be filtered),
exports every event that names a participant, labels it with ../shared/eval/score.py's own
matching (right: paired with a core gold event of its text; an event that only fits an optional
gold event counts neither way and is left out of training, as score.py neither credits nor
charges it; the rest wrong), computes biennien/learned.py's features from the store as resolve
does, and fits an L2-regularised logistic regression (pure Python, Newton steps).

It validates across the two waves, annotated apart (the closest we have to unseen news): trained
on dev-dated and scored on dev2-dated, and the reverse; the threshold is chosen on the training
wave alone (out-of-fold predictions), and the held-out wave is rescored by score.py with and
without the filter. A default export threshold is written only when it raises F1 on the held-out
wave in both directions; otherwise the file carries none (the learned probability still becomes
the exported confidence). `--write` writes biennien/resources/event_filter.json, trained on both
waves. Dev sets only: the test split and BKEE are never read.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run  # noqa: E402

sys.path.insert(0, str(run.EVAL))
import score  # noqa: E402

from biennien import learned  # noqa: E402
from biennien.export import contract_rows  # noqa: E402
from biennien.store import Store, scores  # noqa: E402

WAVES = ("dev-dated", "dev2-dated")
WEIGHTS = run.ROOT / "biennien" / "resources" / learned.MODEL
L2 = 32.0         # on standardised features: ~100-150 labelled events a wave, ~45 features
BLEND = 0.5       # the probability's share of the exported confidence (see main: held-out AUC and Brier)


def outcomes(gold: dict, events: list[dict], docs_by_id: dict) -> list[str]:
    """score.score_events's walk, saying for each event what it did: core, optional or wrong."""
    names = score.Names(gold["persons"])
    core = [g for g in gold["events"] if g["core"]]
    optional = [g for g in gold["events"] if not g["core"]]
    matched: set[str] = set()
    out = []
    for event in events:
        files = {score.basename(docs_by_id.get(m.get("doc_id"), {}).get("source") or m.get("source"))
                 for m in event.get("mentions") or []}

        def candidates(pool):
            return [g for g in pool if (not files or g["file"] in files) and score.event_matches(g, event, names)]

        hits = []
        for g in candidates(core):
            if g["id"] not in matched and all(h["file"] != g["file"] for h in hits):
                hits.append(g)
        if hits:
            matched.update(g["id"] for g in hits)
            out.append("core")
            continue
        spare = [g for g in candidates(optional) if g["id"] not in matched]
        if spare:
            matched.add(spare[0]["id"])
        out.append("optional" if spare else "wrong")
    return out


def load(name: str, out: Path) -> dict:
    """The events of one set as exported (every named one), their outcomes and features."""
    if name.startswith("test") or name.startswith("bkee"):
        raise SystemExit("learn from dev sets only")
    gold = json.loads(run.gold_path(name).read_text(encoding="utf-8"))
    with Store(out / f"{name}.db") as store:
        docs = list(contract_rows(store, "documents"))
        events = list(contract_rows(store, "events", min_confidence=0.0))  # every named event
        ids = [e["event_id"] for e in events]
        by_id = {row["event_id"]: learned.features(row, ev, scores.hand_set(row, ev))
                 for i in range(0, len(ids), 500) for row, ev in scores.with_evidence(store, ids[i:i + 500])}
    feats = [by_id[e["event_id"]] for e in events]
    docs_by_id = {d["doc_id"]: d for d in docs}
    return {"name": name, "gold": gold, "events": events, "docs": docs_by_id, "features": feats,
            "outcomes": outcomes(gold, events, docs_by_id)}


def rescore(data: dict, keep: list[bool]) -> dict:
    names = score.Names(data["gold"]["persons"])
    kept = [e for e, k in zip(data["events"], keep) if k]
    return score.score_events(data["gold"], kept, names, data["docs"])


# --- logistic regression -------------------------------------------------------------------------

def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """a x = b by Gauss-Jordan with partial pivoting (a is symmetric positive definite here)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        piv = m[c][c]
        for r in range(n):
            if r != c and m[r][c]:
                k = m[r][c] / piv
                m[r] = [x - k * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(rows: list[dict[str, float]], labels: list[int], l2: float = L2) -> dict:
    """Weights (on raw features, standardisation folded in) and bias of an L2 logistic regression."""
    names = sorted({k for r in rows for k in r})
    n = len(rows)
    mean = {k: sum(r.get(k, 0.0) for r in rows) / n for k in names}
    sd = {k: math.sqrt(sum((r.get(k, 0.0) - mean[k]) ** 2 for r in rows) / n) or 1.0 for k in names}
    x = [[1.0] + [(r.get(k, 0.0) - mean[k]) / sd[k] for k in names] for r in rows]
    d = len(names) + 1
    w = [0.0] * d
    for _ in range(25):
        p = [1 / (1 + math.exp(-max(min(sum(a * b for a, b in zip(w, xi)), 40), -40))) for xi in x]
        grad = [sum((p[i] - labels[i]) * x[i][j] for i in range(n)) + (l2 * w[j] if j else 0.0) for j in range(d)]
        hess = [[sum(p[i] * (1 - p[i]) * x[i][j] * x[i][k] for i in range(n)) + (l2 if j == k and j else 0.0)
                 + (1e-9 if j == k else 0.0) for k in range(d)] for j in range(d)]
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    weights = {k: w[j + 1] / sd[k] for j, k in enumerate(names)}
    bias = w[0] - sum(w[j + 1] * mean[k] / sd[k] for j, k in enumerate(names))
    return {"version": learned.VERSION, "bias": bias, "weights": weights, "blend": BLEND}


def training(data: list[dict]) -> tuple[list[dict], list[int]]:
    rows, labels = [], []
    for d in data:
        for f, o in zip(d["features"], d["outcomes"]):
            if o != "optional":
                rows.append(f)
                labels.append(int(o == "core"))
    return rows, labels


def choose_threshold(data: list[dict], folds: int = 5, seed: int = 20261206) -> float | None:
    """The threshold that maximises F1 (rescored) on the training waves, from out-of-fold
    probabilities (each text's events predicted by a model trained without that text)."""
    texts = sorted({(d["name"], f) for d in data for f in _files(d)})
    random.Random(seed).shuffle(texts)
    fold_of = {t: i % folds for i, t in enumerate(texts)}
    probs = [[0.0] * len(d["events"]) for d in data]
    for k in range(folds):
        train = [_subset(d, lambda t, d=d: fold_of[(d["name"], t)] != k) for d in data]
        model = fit(*training(train))
        for di, d in enumerate(data):
            for i, e in enumerate(d["events"]):
                if fold_of[(d["name"], _text(d, e))] == k:
                    probs[di][i] = learned.value(d["features"][i], model)
    best, best_f1 = None, _total_f1(data, [[True] * len(d["events"]) for d in data])
    for t in [i / 100 for i in range(5, 80)]:
        f = _total_f1(data, [[p >= t for p in ps] for ps in probs])
        if f > best_f1 + 1e-9:
            best, best_f1 = t, f
    return best


def _text(d: dict, e: dict) -> str:
    files = sorted(score.basename(d["docs"].get(m["doc_id"], {}).get("source")) for m in e["mentions"])
    return files[0] if files else ""


def _files(d: dict) -> set[str]:
    return {_text(d, e) for e in d["events"]}


def _subset(d: dict, keep) -> dict:
    idx = [i for i, e in enumerate(d["events"]) if keep(_text(d, e))]
    return {**d, "events": [d["events"][i] for i in idx], "features": [d["features"][i] for i in idx],
            "outcomes": [d["outcomes"][i] for i in idx]}


def _total_f1(data: list[dict], keeps: list[list[bool]]) -> float:
    tp = fp = fn = 0
    for d, keep in zip(data, keeps):
        r = rescore(d, keep)
        tp, fp, fn = tp + r["events_tp"], fp + r["events_fp"], fn + r["events_fn"]
    return score.f1(tp, fp, fn)[2]


def auc(probs: list[float], labels: list[int]) -> float:
    pos = [p for p, y in zip(probs, labels) if y]
    neg = [p for p, y in zip(probs, labels) if not y]
    if not pos or not neg:
        return float("nan")
    return sum((p > q) + 0.5 * (p == q) for p in pos for q in neg) / (len(pos) * len(neg))


def brier(probs: list[float], labels: list[int]) -> float:
    return sum((p - y) ** 2 for p, y in zip(probs, labels)) / max(len(labels), 1)


def prf(r: dict) -> str:
    return (f"P={r['events_precision']:.3f} R={r['events_recall']:.3f} F1={r['events_f1']:.3f}"
            f" (tp {r['events_tp']} fp {r['events_fp']} fn {r['events_fn']})")


def validate(train: dict, test: dict) -> dict:
    """Train on one wave, score the other: ranking (AUC, hand-set vs learned) and F1 with the filter."""
    model = fit(*training([train]))
    t = choose_threshold([train])
    probs = [learned.value(f, model) for f in test["features"]]
    rows, labels = training([test])
    held = {share: [learned.value(f, {**model, "blend": share}) for f in rows] for share in (0.0, 0.5, 1.0)}
    before = rescore(test, [True] * len(test["events"]))
    after = rescore(test, [p >= t for p in probs]) if t is not None else before
    result = {"train": train["name"], "test": test["name"], "threshold": t,
              "auc_hand": auc(held[0.0], labels), "auc_learned": auc(held[1.0], labels),
              "auc_blend": auc(held[0.5], labels), "brier_blend": brier(held[0.5], labels),
              "brier_hand": brier(held[0.0], labels), "brier_learned": brier(held[1.0], labels),
              "before": before, "after": after}
    # the hand-set confidence as a filter, its threshold chosen on the training wave the same way
    hand_t = max(((_total_f1([train], [[f["hand"] >= c for f in train["features"]]]), -c) for c in
                  sorted({f["hand"] for f in train["features"]})), default=(0, 0))
    result["hand_threshold"] = -hand_t[1]
    result["hand_after"] = rescore(test, [f["hand"] >= -hand_t[1] for f in test["features"]])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("/tmp/biennien-run"), help="where eval/run.py wrote")
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS.relative_to(run.ROOT)}")
    parser.add_argument("--fresh", action="store_true", help="first ingest both waves into OUT (eval/run.py)")
    args = parser.parse_args(argv)
    if args.fresh:
        args.out.mkdir(parents=True, exist_ok=True)
        for name in WAVES:
            print(run.line(name, run.run_set(name, args.out)), flush=True)
    data = [load(name, args.out) for name in WAVES]
    for d in data:
        counts = {o: d["outcomes"].count(o) for o in ("core", "optional", "wrong")}
        print(f"{d['name']:<11} {len(d['events'])} events: {counts}")
    checks = [validate(data[0], data[1]), validate(data[1], data[0])]
    for c in checks:
        print(f"train {c['train']:<10} -> {c['test']:<10} (hand / learned / blend {BLEND})"
              f" AUC {c['auc_hand']:.3f} / {c['auc_learned']:.3f} / {c['auc_blend']:.3f}"
              f"  Brier {c['brier_hand']:.3f} / {c['brier_learned']:.3f} / {c['brier_blend']:.3f}"
              f"  threshold {c['threshold']}\n    without filter {prf(c['before'])}\n"
              f"    with filter    {prf(c['after'])}\n"
              f"    hand filter >= {c['hand_threshold']:.3f} {prf(c['hand_after'])}")
    gains = all(c["threshold"] is not None and c["after"]["events_f1"] > c["before"]["events_f1"] for c in checks)
    model = fit(*training(data))
    threshold = choose_threshold(data) if gains else None
    print(f"both waves: threshold {threshold} ({'a default' if gains else 'no default: not better in both directions'})")
    if args.write:
        rows, labels = training(data)
        model.update({
            "about": "biennien/learned.py: P(an exported event pairs with a core gold event), written by eval/learn.py",
            "trained_on": list(WAVES), "date": date.today().isoformat(), "events": len(labels),
            "right": sum(labels), "l2": L2, "threshold": threshold,
            "validation": [{k: (round(v, 4) if isinstance(v, float) else v) for k, v in
                            {"train": c["train"], "test": c["test"], "threshold": c["threshold"],
                             "auc_hand": c["auc_hand"], "auc_learned": c["auc_learned"],
                             "auc_blend": c["auc_blend"], "brier_hand": c["brier_hand"],
                             "brier_learned": c["brier_learned"], "brier_blend": c["brier_blend"],
                             "f1_without": c["before"]["events_f1"], "f1_with": c["after"]["events_f1"]}.items()}
                           for c in checks]})
        model["weights"] = {k: round(v, 6) for k, v in sorted(model["weights"].items())}
        model["bias"] = round(model["bias"], 6)
        WEIGHTS.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
