"""Train the learned argument attacher (stages/events/attach.py, biennien/learned_args.py) on our
own dev annotations.

    python eval/learn_args.py --train dev-dated --test dev2-dated      # one fold: held-out report
    python eval/learn_args.py --train dev-dated,dev2-dated --write     # ship: both waves

Every text of a wave is analysed by this checkout's pipeline; each event draft the rules make
(before any is dropped) is aligned to a gold event of its text: the same sentence (where the gold
`trigger` quote is found) and the same type, the draft's trigger inside the quote preferred; else
(an event the gold quotes from another sentence) one of its type whose participants all stand
among the draft's names. Each name of the draft's sentence is a training example labelled as
../shared/eval/score.py's `covers` decides: actor (it covers a gold actor), recipient (a gold recipient), none (neither, or the draft
aligns to no gold event: filling it would only add a false event). Fits a multinomial logistic
regression (numpy, L2) and reports, on the drafts the rules leave without enough parties
(attach.wanted), what filling them would do at each threshold: drafts whose filled parties are
exactly the gold's (score.py would match them, date and type permitting) against drafts filled
that align to no core gold event. `--write` writes biennien/resources/argument_attacher.json (or
`--weights PATH`). Dev sets only: the test split and BKEE are never read.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import json
import sys
import unicodedata
from datetime import date
from itertools import combinations
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run  # noqa: E402
import texts  # noqa: E402

sys.path.insert(0, str(run.EVAL))
import score  # noqa: E402

from biennien import learned_args, pipeline  # noqa: E402
from biennien.io.objects import from_record  # noqa: E402
from biennien.stages.events import attach, partyset  # noqa: E402

WEIGHTS = run.ROOT / "biennien" / "resources" / learned_args.MODEL
L2 = 1.0
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
WAVES = tuple(f"dev{n}-dated" for n in ("", 2, 3, 4, 5, 6, 7, 8, 9, 10))   # the default --train


def _fold(s: str) -> str:
    return unicodedata.normalize("NFC", s).lower()


def gold_spans(text: str, trigger: str) -> tuple[int, int] | None:
    """Where the gold trigger quote lies in the text: its pieces ("…" elides words) found in order."""
    low = _fold(text)
    pieces = [p.strip(" ,.\"“”") for p in trigger.replace("…", "...").split("...")]
    pieces = [_fold(p) for p in pieces if len(p.strip()) >= 3]
    start = end = None
    pos = 0
    for p in pieces:
        i = low.find(p, pos)
        if i < 0:
            i = low.find(p)
            if i < 0:
                continue
        start = i if start is None else min(start, i)
        end = max(end or 0, i + len(p))
        pos = i + len(p)
    return None if start is None else (start, end)


def collect(wave: str) -> list[dict]:
    """Every draft of the wave's texts with its candidates' features and labels (kept in /tmp for
    the next call while this checkout's code is unchanged: BIENNIEN_ARGS_CACHE=0 ignores it)."""
    if wave.startswith(("test", "bkee")):
        raise SystemExit("learn from dev sets only")
    cache = Path(f"/tmp/learn_args-{wave}-{_code_digest()}.pickle")
    if cache.exists() and os.environ.get("BIENNIEN_ARGS_CACHE") != "0":
        return pickle.loads(cache.read_bytes())
    drafts = _collect(wave)
    cache.write_bytes(pickle.dumps(drafts))
    return drafts


def _code_digest() -> str:
    h = hashlib.sha256()
    for path in sorted((run.ROOT / "biennien").rglob("*")):
        if path.suffix in (".py", ".tsv") and "argument_attacher" not in path.name:
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


def _collect(wave: str) -> list[dict]:
    gold = json.loads(run.gold_path(wave).read_text(encoding="utf-8"))
    names = score.Names(gold["persons"])
    by_file: dict[str, list[dict]] = {}
    for g in gold["events"]:
        by_file.setdefault(g["file"], []).append(g)
    drafts: list[dict] = []
    original = attach.fill

    def record(view, ds, **_):
        here = attach.candidates(view, None)
        usable = [m for m in here if view.usable(m)]
        extra = attach.outside(view, here)
        names = here + [m for _, m in extra]
        where = [""] * len(here) + [w for w, _ in extra]
        for d in ds:
            pairs = {(i, j): partyset.pair_features(view, d.hit, names[i], names[j], where[i], where[j])
                     for i in range(len(names)) for j in range(i + 1, len(names))}
            drafts.append({"pairs": pairs, "args": d.hit.trigger.args, "file": current, "sentence": view.sentence, "start": d.hit.start, "end": d.hit.end,
                           "type": d.type, "wanted": attach.wanted(d), "span": (view.start, view.end),
                           "eligible": attach.eligible(d), "local": attach.local(d, here), "need": attach.needs(d),
                           "kept": not attach.wanted(d) and bool(d.actors + d.recipients),
                           "rules": [{"name": p.name, "kind": p.kind, "country": p.country, "side": side}
                                     for side, ps in (("actor", d.actors), ("recipient", d.recipients)) for p in ps],
                           "cands": [({"name": m.name, "kind": m.kind, "country": m.country, "rule":
                                       attach._rule_side(d, m) != "none"}, attach.features(view, d, m, usable))
                                     for m in here] +
                                    [({"name": m.name, "kind": m.kind, "country": m.country, "rule": False,
                                       "where": where}, attach.features(view, d, m, usable, where))
                                     for where, m in extra]})
        return ds

    attach.fill = record
    try:
        for doc in gold["documents"]:
            current = doc["file"]
            text = texts.text(current)
            src = from_record(f"gold/{current}", {"url": f"gold/{current}", "text": text,
                                                  "published": doc["published"]})
            a = pipeline.analyse(src)
            for g in by_file.get(current, []):
                g["_span"] = gold_spans(a.article.text, g["trigger"])
    finally:
        attach.fill = original
    for d in drafts:
        g = _align(d, by_file.get(d["file"], [])) or _elsewhere(d, by_file.get(d["file"], []), names)
        d["core"] = bool(g and g["core"])
        d["gold"] = g and {"actor": g.get("actor") or [], "recipient": g.get("recipient") or []}
        d["cands"] = [(p, f, _label(g, p, names)) for p, f in d["cands"]]
        d["names"] = names
    return drafts


def _label(g: dict | None, p: dict, names) -> int:
    if not g:
        return 0
    if any(score.covers(t, p, names) for t in g.get("actor") or []):
        return 1
    if any(score.covers(t, p, names) for t in g.get("recipient") or []):
        return 2
    return 0


def _align(d: dict, events: list[dict]) -> dict | None:
    """The gold event of the draft: same sentence, same type; one whose quote holds the trigger first."""
    a, b = d["span"]
    same = [g for g in events if g.get("_span") and a <= g["_span"][0] < b and g["type"] == d["type"]]
    inside = [g for g in same if g["_span"][0] <= d["start"] and d["end"] <= g["_span"][1]]
    pool = inside or same
    pool.sort(key=lambda g: (not g["core"], abs(g["_span"][0] - d["start"])))
    return pool[0] if pool else None


def _elsewhere(d: dict, events: list[dict], names) -> dict | None:
    """A gold event of the draft's type quoted from another sentence of its text (the headline, a
    sentence that tells it again) whose every participant is a name the draft may take: the
    scorer would match the draft to it with the right parties."""
    pool = [g for g in events if g["type"] == d["type"] and (g.get("actor") or g.get("recipient"))]
    cands = [p for p, _ in d["cands"]]
    fits = [g for g in pool if all(any(score.covers(t, p, names) for p in cands)
                                   for t in (g.get("actor") or []) + (g.get("recipient") or []))]
    fits.sort(key=lambda g: not g["core"])
    return fits[0] if fits else None


def fit(drafts: list[dict], l2: float = L2, aligned: bool = False, sets: bool = True) -> dict:
    """`aligned`: learn from the drafts of a gold event only (which names take part, not whether
    the draft reports an event at all)."""
    rows = [(f, y) for d in drafts if d["gold"] or not aligned for _, f, y in d["cands"]]
    vocab = sorted({k for f, _ in rows for k in f})
    index = {k: i for i, k in enumerate(vocab)}
    n, size = len(rows), len(vocab)
    at = np.array([r for r, (f, _) in enumerate(rows) for _ in f], dtype=np.int64)     # sparse x:
    col = np.array([index[k] for f, _ in rows for k in f], dtype=np.int64)             # row, column,
    val = np.array([v for f, _ in rows for v in f.values()], dtype=np.float64)         # value
    y = np.zeros((n, 3))
    y[np.arange(n), [label for _, label in rows]] = 1.0
    w = np.zeros((size, 2))
    lr, m1, m2 = 0.05, np.zeros_like(w), np.zeros_like(w)
    for step in range(1, 801):   # Adam on the mean log loss + L2 / n
        part = w[col] * val[:, None]
        z = np.zeros((n, 3))
        for j in (1, 2):
            z[:, j] = np.bincount(at, weights=part[:, j - 1], minlength=n)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        err = (p - y)[:, 1:]
        grad = np.stack([np.bincount(col, weights=val * err[at, j], minlength=size) for j in (0, 1)], axis=1) / n
        grad += l2 * w / n
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad ** 2
        w -= lr * (m1 / (1 - 0.9 ** step)) / (np.sqrt(m2 / (1 - 0.999 ** step)) + 1e-8)
    weights = {c: {k: round(float(w[i, j]), 5) for i, k in enumerate(vocab) if abs(w[i, j]) > 1e-5}
               for j, c in enumerate(learned_args.CLASSES[1:])}
    model = {"version": learned_args.VERSION, "classes": list(learned_args.CLASSES), "weights": weights,
             "examples": n}
    if sets:
        model["sets"] = fit_sets(model, drafts, l2)
    return model


def exact(d: dict, chosen: list[dict]) -> bool:
    """Would score.py's participant test pass with these parties (direction not scored)?"""
    g = d["gold"]
    parts = g["actor"] + g["recipient"]
    names = d["names"]
    return bool(chosen) and all(any(score.covers(t, c, names) for c in chosen) for t in parts) and \
        all(any(score.covers(t, c, names) for t in parts) for c in chosen)


MODES = ("fill", "decide", "tiebreak")


def simulate(model: dict, drafts: list[dict], mode: str, threshold: float) -> tuple[int, int, int, int]:
    """What a mode would do to the drafts (attach.fill's decisions, attach.choose's sets), counted
    as score.py would see them if dates and types were right: (core drafts exact with the rules,
    with the model; drafts of no gold event kept with the rules, with the model)."""
    ok_rules = ok_model = fp_rules = fp_model = 0
    for d in drafts:
        rules = d["rules"] if d["kept"] else []
        new = _apply(model, d, mode, threshold, rules)
        if d["core"]:
            ok_rules += exact(d, rules)
            ok_model += exact(d, new)
        elif not d["gold"]:
            fp_rules += bool(rules)
            fp_model += bool(new)
    return ok_rules, ok_model, fp_rules, fp_model


def _apply(model: dict, d: dict, mode: str, threshold: float, rules: list[dict]) -> list[dict]:
    probs = [(p, learned_args.probabilities(f, model)) for p, f, *_ in d["cands"]]
    if mode == "tiebreak":
        if not d["eligible"] or d["wanted"] or not rules:
            return rules
        drop = {(p["kind"], p["name"]) for p, pr in probs if p.get("rule") and pr[0] >= threshold}
        left = [p for p in rules if (p["kind"], p["name"]) not in drop]
        return left if len(left) >= min(d["need"], len(rules)) else rules
    if not (d["wanted"] if mode == "fill" else d["eligible"] and d["local"] and rules):
        return rules
    if mode == "fill":   # attach.fill: what the rules named stays, an empty side is filled
        side = lambda name: [Candidate(p, -1) for p in d["rules"] if p["side"] == name]  # noqa: E731
        parties = attach.fill_parties([(Candidate(p, k), pr) for k, (p, pr) in enumerate(probs)], threshold,
                                      d["need"], side("actor"), side("recipient"), model.get("sets"),
                                      lambda i, j: _pair(d, i, j), d.get("args", ""))
        if parties is None or len(parties[0] + parties[1]) < d["need"]:
            return rules
        return [c.p for c in parties[0] + parties[1]]
    actors, recipients = attach.decide([(Candidate(p, k), pr) for k, (p, pr) in enumerate(probs)], threshold,
                                       d["need"], model.get("sets"), pair=lambda i, j: _pair(d, i, j),
                                       args=d.get("args", ""), rules=_rules(d))
    chosen = [c.p for c in actors + recipients]
    if len(chosen) < (d["need"] if d["wanted"] else 1):
        return rules
    return chosen


class Candidate:
    """A recorded candidate as attach.decide reads a name."""
    __slots__ = ("p", "kind", "name", "start", "country")

    def __init__(self, p: dict, start: int):
        self.p, self.kind, self.name, self.start, self.country = p, p["kind"], p["name"], start, p.get("country")


def _rules(d: dict) -> set | None:
    """The (kind, name) of the parties the rules keep the draft with, None if they drop it."""
    return {(p["kind"], p["name"]) for p in d["rules"]} if d["kept"] else None


def _pair(d: dict, i: int, j: int) -> dict:
    return d["pairs"][(min(i, j), max(i, j))]


def set_examples(model: dict, drafts: list[dict]) -> list[tuple[list[dict], list[bool]]]:
    """For each draft of a core gold event whose exact set partyset.subsets offers: the features of
    every subset (its candidates' summed log-odds under `model` as "logodds") and which are exact."""
    out = []
    for d in drafts:
        if not d.get("core") or not d["eligible"]:
            continue
        best: dict = {}
        for k, (p, f, _) in enumerate(d["cands"]):
            pr = learned_args.probabilities(f, model)
            if pr[1] + pr[2] > best.get((p["kind"], p["name"]), (-1.0,))[0]:
                best[(p["kind"], p["name"])] = (pr[1] + pr[2], k, p, pr)
        pool = list(best.values())
        odds = [partyset.log_odds(x[3]) for x in pool]
        order = sorted(range(len(pool)), key=lambda i: -odds[i])
        rules = _rules(d)
        keys = [(x[2]["kind"], x[2]["name"]) for x in pool]
        own = None if rules is None else frozenset(i for i, k in enumerate(keys) if k in rules) \
            if rules <= set(keys) else frozenset((-1,))
        rows, good = [], []
        for s in partyset.subsets(order, own):
            f = partyset.features(d["need"], d.get("args", ""), s, lambda i, j: _pair(d, pool[i][1], pool[j][1]),
                                  own, len(pool))
            f["logodds"] = sum(odds[i] for i in s)
            rows.append(f)
            good.append(exact(d, [pool[i][2] for i in s]))
        if any(good):
            out.append((rows, good))
    return out


def fit_sets(model: dict, drafts: list[dict], l2: float = L2) -> dict:
    """The set weights (stages/events/partyset.py): a softmax over each draft's subsets, the exact
    ones its target (their probabilities summed), L2 on all but "logodds"."""
    examples = set_examples(model, drafts)
    if not examples:
        return {}
    vocab = sorted({k for rows, _ in examples for f in rows for k in f})
    index = {k: i for i, k in enumerate(vocab)}
    blocks = []
    for rows, good in examples:
        x = np.zeros((len(rows), len(vocab)))
        for r, f in enumerate(rows):
            for k, v in f.items():
                x[r, index[k]] = v
        blocks.append((x, np.array(good, dtype=float)))
    w = np.zeros(len(vocab))
    w[index["logodds"]] = 1.0
    penal = np.ones(len(vocab))
    penal[index["logodds"]] = 0.0
    n = len(blocks)
    lr, m1, m2 = 0.05, np.zeros_like(w), np.zeros_like(w)
    for step in range(1, 401):
        grad = l2 * penal * w / n
        for x, good in blocks:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            q = p * good / (p * good).sum()
            grad += x.T @ (p - q) / n
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad ** 2
        w -= lr * (m1 / (1 - 0.9 ** step)) / (np.sqrt(m2 / (1 - 0.999 ** step)) + 1e-8)
    return {k: round(float(w[i]), 5) for i, k in enumerate(vocab) if abs(w[i]) > 1e-5}


def report(model: dict, drafts: list[dict], label: str) -> dict:
    """Prints what each mode would do at each threshold; returns {(mode, threshold): net gain}."""
    core = [d for d in drafts if d["core"]]
    print(f"{label}: {len(drafts)} drafts, {len(core)} of a core gold event: exact with the rules "
          f"{sum(exact(d, d['rules']) for d in core if d['kept'])}, with the sentence's gold-labelled names "
          f"{sum(exact(d, [p for p, _, y in d['cands'] if y]) for d in core)}")
    gains = {}
    for mode in MODES:
        for t in THRESHOLDS:
            ok_r, ok_m, fp_r, fp_m = simulate(model, drafts, mode, t)
            gains[(mode, t)] = (ok_m - ok_r) - (fp_m - fp_r)
            print(f"  {mode} at {t}: core drafts exact {ok_r} -> {ok_m} ({ok_m - ok_r:+d}), "
                  f"drafts of no gold event kept {fp_r} -> {fp_m} ({fp_m - fp_r:+d})")
    return gains


def cross_validate(waves: list[str], l2: float, aligned: bool, out: Path, sets: bool = True,
                   threshold: float | None = None, held_out: list[str] | None = None) -> None:
    """Leave one wave out: train on the others, pick each mode's threshold on them alone (an inner
    fold: train on one of them, simulate on the other), write the fold's weights to OUT/WAVE.json
    (its thresholds beside) and report what the model does on the wave left out. With `threshold`
    every mode takes it and there are no inner folds (a fit per wave, not one per pair of waves:
    ten waves, 10 fits instead of 55; the shipped threshold, settings
    events.learned_arguments_threshold, is the one to compare the shipped weights with).
    `held_out`: only these folds (each one process: folds run side by side)."""
    out.mkdir(parents=True, exist_ok=True)
    data = {w: collect(w) for w in waves}
    models: dict = {}   # by the two waves left out: fold H's inner W is fold W's inner H
    for held in held_out or waves:
        train = [w for w in waves if w != held]
        inner: dict = {(m, t): 0 for m in MODES for t in THRESHOLDS}
        for w in (train if threshold is None else ()):
            key = frozenset((held, w))
            if key not in models:
                models[key] = fit([d for u in train if u != w for d in data[u]], l2, aligned, sets)
            with with_quiet():
                gains = report(models[key], data[w], f"inner {w}")
            for k, v in gains.items():
                inner[k] = inner.get(k, 0) + v
        best = {mode: max(THRESHOLDS, key=lambda t: (inner[(mode, t)], t)) if threshold is None else threshold
                for mode in MODES}
        mode = max(MODES, key=lambda m: inner[(m, best[m])]) if threshold is None else attach.MODE
        mode = mode if threshold is not None or inner[(mode, best[mode])] > 0 else "off"
        model = fit([d for w in train for d in data[w]], l2, aligned, sets)
        model["trained_on"] = f"{','.join(train)} gold events aligned to this pipeline's drafts, l2 {l2} ({date.today()})"
        model["thresholds"] = best
        path = out / f"{held}.json"
        path.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        for m in MODES:   # a settings file per mode (its threshold); HELD.toml: the mode the inner folds chose
            _settings(out / f"{held}-{m}.toml", m, best[m], path)
        _settings(out / f"{held}.toml", mode, best.get(mode, 0.5), path)
        print(f"fold {held}: thresholds chosen on {train} (inner net gain {[inner[(m, best[m])] for m in MODES]}): "
              f"{best}; mode {mode} (settings {out / held}.toml)")
        gains = report(model, data[held], f"held out {held}")
        print("  at the chosen thresholds: " + ", ".join(f"{m} {best[m]} net {gains[(m, best[m])]:+d}" for m in MODES))
        if model.get("sets"):
            with with_quiet():
                alone = report({**model, "sets": {}}, data[held], "")
            print("  without the set weights: " + ", ".join(f"{m} {best[m]} net {alone[(m, best[m])]:+d}" for m in MODES))
        sys.stdout.flush()


def _settings(path: Path, mode: str, threshold: float, weights: Path) -> None:
    """A settings file ($BIENNIEN_SETTINGS) that runs the pipeline with a fold's weights."""
    path.write_text(f'[events]\nlearned_arguments = "{mode}"\nlearned_arguments_threshold = {threshold}\n'
                    f'learned_arguments_weights = "{weights}"\n', encoding="utf-8")


class with_quiet:
    """Silences report() in the inner folds."""
    def __enter__(self):
        self.old, sys.stdout = sys.stdout, open(os.devnull, "w")

    def __exit__(self, *exc):
        sys.stdout.close()
        sys.stdout = self.old


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", default=",".join(WAVES))
    parser.add_argument("--test", default="")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--aligned", action="store_true", help="train on the drafts of a gold event only")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--weights", type=Path, default=WEIGHTS)
    parser.add_argument("--no-sets", dest="sets", action="store_false",
                        help="no set weights: each name decided on its own (attach.choose)")
    parser.add_argument("--cv", type=Path, help="leave each wave of --train out in turn; fold weights to this folder")
    parser.add_argument("--threshold", type=float, help="--cv: every fold at this threshold, none chosen in inner folds")
    parser.add_argument("--held", default="", help="--cv: only the folds that hold out these waves")
    args = parser.parse_args(argv)
    if args.cv:
        cross_validate(args.train.split(","), args.l2, args.aligned, args.cv, args.sets, args.threshold,
                       [w for w in args.held.split(",") if w])
        return 0
    train = [d for w in args.train.split(",") for d in collect(w)]
    model = fit(train, args.l2, args.aligned, args.sets)
    model["trained_on"] = (f"{args.train} gold events aligned to this pipeline's drafts"
                          f"{', set weights too' if args.sets else ''}"
                          f"{' (aligned drafts only)' if args.aligned else ''}, l2 {args.l2} ({date.today()})")
    report(model, train, f"train {args.train}")
    if args.test:
        report(model, [d for w in args.test.split(",") for d in collect(w)], f"held out {args.test}")
    if args.write:
        args.weights.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                                encoding="utf-8")
        print(f"wrote {args.weights}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
