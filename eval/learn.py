"""Train the learned event confidence (biennien/learned.py) on our own dev annotations.

    python eval/learn.py --fresh --out /tmp/lrn-run --write    # ingest the waves with this code, train, write
    python eval/learn.py --out /tmp/lrn-run                    # the stores an earlier eval/run.py left there
    python eval/learn.py --out R --waves dev-dated,dev2-dated,dev3-dated   # other waves (default: dev … dev10 dated)

Reads the stores `eval/run.py` left in OUT (never its exports: those may already be filtered),
exports every event that names a participant, labels it with ../shared/eval/score.py's own
matching (right: paired with a core gold event of its text; an event that only fits an optional
gold event counts neither way and is left out of training, as score.py neither credits nor
charges it; the rest wrong), computes biennien/learned.py's features from the store as resolve
does, and fits an L2-regularised logistic regression (numpy, Newton steps), giving no weight to
a feature set in fewer than MIN_SEEN labelled events (see fit).

It validates leave-one-wave-out over the waves, annotated blind at different times (the closest
we have to unseen news): for each wave, a model trained on the others scores it; the threshold is
chosen on the training waves alone (out-of-fold confidences, folds by text: by default the highest
that hides none of their right events and some wrong one, `--objective f1` the one of their best
F1; session 32, ten waves each held out: recall raised F1 on all ten for one right event lost
and 30 wrong ones hidden, f1 raised it on nine for 14 right events and 115 wrong ones), and the held-out wave
is rescored by score.py with and without the filter, and with the shipped weights at their own
threshold (like with like on a wave they never saw: their file's `trained_on`). A default export
threshold (the one chosen on all the waves) is written only when it raised F1 on the held-out wave
in all folds but GAIN_FOLDS and lowered none by more than MAX_LOSS, and when it hides no event of
the hand-made seeds that pairs with a core gold event (OUT/seeds.db); otherwise the file carries
none (the learned probability still becomes the exported confidence). `--write` writes
biennien/resources/event_filter.json, trained on all the waves. Dev sets only: the test split and
BKEE are never read.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run  # noqa: E402

sys.path.insert(0, str(run.EVAL))
import score  # noqa: E402

from biennien import learned  # noqa: E402
from biennien.export import contract_rows  # noqa: E402
from biennien.store import Store, scores  # noqa: E402

WAVES = tuple(f"dev{n}-dated" for n in ("", 2, 3, 4, 5, 6, 7, 8, 9, 10))   # the default --waves
WEIGHTS = run.ROOT / "biennien" / "resources" / learned.MODEL
L2 = 32.0         # on standardised features: ~500 labelled events over five waves, ~40 features
BLEND = 0.5       # the probability's share of the exported confidence (see main: held-out AUC and Brier)
FOLDS = 5         # text folds of the training waves: the threshold's out-of-fold confidences
GAIN_FOLDS = 1    # a default threshold: F1 up on the held-out wave in all folds but this many ...
MAX_LOSS = 0.01   # ... and down by no more than this in any
MIN_SEEN = 5      # a feature set (not zero) in fewer labelled events gets no weight (see fit)
OBJECTIVE = "recall"   # the threshold: the highest hiding no right event of the training waves; "f1": their best F1


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
    docs_by_id = {d["doc_id"]: d for d in docs}
    data = {"name": name, "gold": gold, "events": events, "docs": docs_by_id,
            "features": [by_id[e["event_id"]] for e in events], "outcomes": outcomes(gold, events, docs_by_id)}
    data["texts"] = [_text(data, e) for e in events]
    return data


def rescore(data: dict, keep: list[bool]) -> dict:
    names = score.Names(data["gold"]["persons"])
    kept = [e for e, k in zip(data["events"], keep) if k]
    return score.score_events(data["gold"], kept, names, data["docs"])


# --- logistic regression -------------------------------------------------------------------------

def fit(rows: list[dict[str, float]], labels: list[int], l2: float = L2, min_seen: int | None = None) -> dict:
    """Weights (on raw features, standardisation folded in) and bias of an L2 logistic regression;
    `standardised`: the weights on standardised features (what the model leans on), not shipped.
    A feature set in fewer than `min_seen` rows (default MIN_SEEN) gets no weight, and an event that
    sets it is left to the hand-set score (learned.probability): on standardised features a rare
    indicator's tiny deviation lets a handful of events fix its raw weight (type=AID -1.7 from three
    wrong AID events in six waves and none right; caption_share +3.9 from one event)."""
    min_seen = MIN_SEEN if min_seen is None else min_seen
    seen = Counter(k for r in rows for k, v in r.items() if v)
    names = sorted(k for k in seen if seen[k] >= min_seen)
    x = np.array([[r.get(k, 0.0) for k in names] for r in rows], dtype=float).reshape(len(rows), len(names))
    y = np.array(labels, dtype=float)
    mean, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    z = np.hstack([np.ones((len(rows), 1)), (x - mean) / sd])
    reg = np.full(z.shape[1], l2)
    reg[0] = 0.0
    w = np.zeros(z.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -40, 40)))
        grad = z.T @ (p - y) + reg * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    weights = {k: float(w[j + 1] / sd[j]) for j, k in enumerate(names)}
    bias = float(w[0] - sum(w[j + 1] * mean[j] / sd[j] for j in range(len(names))))
    return {"version": learned.VERSION, "bias": bias, "weights": weights, "blend": BLEND,
            "standardised": {k: float(w[j + 1]) for j, k in enumerate(names)}}


# --- text folds and the threshold ----------------------------------------------------------------

class Folds:
    """The texts of some waves split in FOLDS (every event of a text in its text's fold)."""

    def __init__(self, data: list[dict], folds: int = FOLDS, seed: int = 20261206):
        texts = sorted({(d["name"], t) for d in data for t in d["texts"]})
        random.Random(seed).shuffle(texts)
        self.n = folds
        self.of = {t: i % folds for i, t in enumerate(texts)}

    def fold(self, d: dict, i: int) -> int:
        return self.of[(d["name"], d["texts"][i])]


def training(data: list[dict], folds: Folds | None = None, exclude=()) -> tuple[list[dict], list[int]]:
    """The features and labels of the events of `data` that score.py labels (not the optional
    ones), outside the folds `exclude`."""
    rows, labels = [], []
    for d in data:
        for i, o in enumerate(d["outcomes"]):
            if o != "optional" and (not exclude or folds.fold(d, i) not in exclude):
                rows.append(d["features"][i])
                labels.append(int(o == "core"))
    return rows, labels


def choose_threshold(data: list[dict], folds: Folds | None = None) -> float | None:
    """The threshold that maximises F1 (rescored) on the training waves, from out-of-fold
    confidences (each text's events scored by a model trained without its fold)."""
    folds = folds or Folds(data)
    probs = [[0.0] * len(d["events"]) for d in data]
    for k in range(folds.n):
        model = fit(*training(data, folds, {k}))
        for di, d in enumerate(data):
            for i in range(len(d["events"])):
                if folds.fold(d, i) == k:
                    probs[di][i] = learned.value(d["features"][i], model)
    base = _totals(data, [[True] * len(d["events"]) for d in data])
    best, best_f1 = None, score.f1(*base)[2]
    for t in [i / 100 for i in range(5, 80)]:
        tp, fp, fn = _totals(data, [[p >= t for p in ps] for ps in probs])
        if OBJECTIVE == "recall":   # the highest threshold that hides no right event of the training waves
            if tp < base[0]:
                break
            best = t if fp < base[1] else best
        elif score.f1(tp, fp, fn)[2] > best_f1 + 1e-9:
            best, best_f1 = t, score.f1(tp, fp, fn)[2]
    return best


def train(data: list[dict]) -> tuple[dict, float | None]:
    """The model trained on these waves and the threshold chosen on their out-of-fold confidences."""
    return fit(*training(data)), choose_threshold(data)


def _text(d: dict, e: dict) -> str:
    files = sorted(score.basename(d["docs"].get(m["doc_id"], {}).get("source")) for m in e["mentions"])
    return files[0] if files else ""


def _totals(data: list[dict], keeps: list[list[bool]]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for d, keep in zip(data, keeps):
        r = rescore(d, keep)
        tp, fp, fn = tp + r["events_tp"], fp + r["events_fp"], fn + r["events_fn"]
    return tp, fp, fn


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


def validate(data: list[dict], held: dict) -> dict:
    """Train on `data`, score the wave `held`: ranking (AUC, hand-set vs learned vs blend),
    calibration (Brier) and F1 with and without the filter."""
    model, t = train(data)
    feats = held["features"]
    labelled = [(f, int(o == "core")) for f, o in zip(feats, held["outcomes"]) if o != "optional"]
    labels = [y for _, y in labelled]
    share = {s: [learned.value(f, {**model, "blend": s}) for f, _ in labelled] for s in (0.0, 0.5, 1.0)}
    before = rescore(held, [True] * len(held["events"]))
    after = rescore(held, [learned.value(f, model) >= t for f in feats]) if t is not None else before
    shipped = learned.model() or {}
    old = shipped.get("threshold_chosen") or shipped.get("threshold")
    kept = rescore(held, [learned.value(f, shipped) >= old for f in feats]) if old is not None else before
    return {"test": held["name"], "threshold": t, "model": model, "shipped": kept,
            "auc_shipped": auc([learned.value(f, shipped) for f, _ in labelled], labels),
            "auc_hand": auc(share[0.0], labels), "auc_learned": auc(share[1.0], labels),
            "auc_blend": auc(share[0.5], labels), "brier_hand": brier(share[0.0], labels),
            "brier_learned": brier(share[1.0], labels), "brier_blend": brier(share[0.5], labels),
            "before": before, "after": after}


def decide(checks: list[dict]) -> bool:
    """A default threshold: F1 up on the held-out wave in all folds but GAIN_FOLDS, down by at most
    MAX_LOSS in any."""
    deltas = [c["after"]["events_f1"] - c["before"]["events_f1"] for c in checks]
    return sum(d > 1e-9 for d in deltas) >= len(checks) - GAIN_FOLDS and min(deltas) >= -MAX_LOSS


def seeds_lost(seeds: dict, model: dict, threshold: float | None) -> list[dict]:
    """The seeds' events that pair with a core gold event and that the threshold would hide: the
    hand-made seeds must not lose an event to the filter."""
    if threshold is None:
        return []
    return [e for e, f, o in zip(seeds["events"], seeds["features"], seeds["outcomes"])
            if o == "core" and learned.value(f, model) < threshold]


def leaning(model: dict, top: int = 20) -> str:
    """The features the model leans on most (weights on standardised features)."""
    w = sorted(model["standardised"].items(), key=lambda kv: -abs(kv[1]))[:top]
    return ", ".join(f"{k} {v:+.2f}" for k, v in w)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("/tmp/biennien-run"), help="where eval/run.py wrote")
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS.relative_to(run.ROOT)}")
    parser.add_argument("--fresh", action="store_true", help="first ingest the seeds and waves into OUT (run.py)")
    parser.add_argument("--drop", default="", help="comma-separated feature name prefixes to leave out (ablation)")
    parser.add_argument("--objective", choices=("f1", "recall"), default=OBJECTIVE,
                        help="how the threshold is chosen on the training waves (recall: hide none of their right events)")
    parser.add_argument("--waves", default=",".join(WAVES), help="the dev waves to train and validate on")
    parser.add_argument("--min-seen", type=int, default=MIN_SEEN,
                        help="a feature set in fewer labelled events gets no weight (1: every feature)")
    args = parser.parse_args(argv)
    globals()["MIN_SEEN"] = args.min_seen
    globals()["OBJECTIVE"] = args.objective
    waves = tuple(args.waves.split(","))
    if args.fresh:
        args.out.mkdir(parents=True, exist_ok=True)
        for name in ("seeds", *waves):
            print(run.line(name, run.run_set(name, args.out)), flush=True)
    data = [load(name, args.out) for name in waves]
    seeds = load("seeds", args.out)
    drop = tuple(p for p in args.drop.split(",") if p)
    if drop:
        for d in data:
            d["features"] = [{k: v for k, v in f.items() if not k.startswith(drop)} for f in d["features"]]
    for d in data:
        counts = {o: d["outcomes"].count(o) for o in ("core", "optional", "wrong")}
        print(f"{d['name']:<11} {len(d['events'])} events: {counts}")
    checks = [validate([d for d in data if d is not held], held) for held in data]
    shipped = learned.model() or {}
    print(f"shipped weights: trained on {shipped.get('trained_on')}, threshold {shipped.get('threshold_chosen')}")
    print(f"{'held out':<11} {'F1 without':>10} {'F1 with':>8} {'threshold':>9}   AUC hand / learned / blend {BLEND}"
          f" / shipped   Brier hand / learned / blend")
    for c in checks:
        t = "-" if c["threshold"] is None else f"{c['threshold']:.2f}"
        print(f"{c['test']:<11} {c['before']['events_f1']:>10.3f} {c['after']['events_f1']:>8.3f} {t:>9}"
              f"   {c['auc_hand']:.3f} / {c['auc_learned']:.3f} / {c['auc_blend']:.3f} / {c['auc_shipped']:.3f}"
              f"   {c['brier_hand']:.3f} / {c['brier_learned']:.3f} / {c['brier_blend']:.3f}"
              f"\n    without {prf(c['before'])}\n    with    {prf(c['after'])}\n    shipped {prf(c['shipped'])}")
    gains = decide(checks)
    model, best = train(data)
    lost = seeds_lost(seeds, model, best)
    threshold = best if gains and not lost else None
    why = ("a default" if threshold is not None else
           f"no default: not better in all but {GAIN_FOLDS} folds of {len(waves)}" if not gains else
           f"no default: the seeds would lose {len(lost)} event(s) to it: "
           + ", ".join(f"{e['type']} {e['date']} ({learned.value(f, model):.3f})" for e, f in
                       ((e, seeds["features"][seeds["events"].index(e)]) for e in lost)))
    print(f"{len(waves)} waves: threshold {best} chosen, {threshold} written ({why})")
    print(f"leans on: {leaning(model)}")
    if args.write:
        rows, labels = training(data)
        model.pop("standardised")
        model.update({
            "about": "biennien/learned.py: P(an exported event pairs with a core gold event), written by eval/learn.py",
            "trained_on": list(waves), "date": date.today().isoformat(), "events": len(labels),
            "right": sum(labels), "l2": L2, "threshold": threshold, "threshold_chosen": best, "objective": OBJECTIVE,
            "seeds_lost": len(lost),
            "validation": [{k: (round(v, 4) if isinstance(v, float) else v) for k, v in
                            {"test": c["test"], "threshold": c["threshold"],
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
