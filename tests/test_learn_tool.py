"""eval/learn.py, which writes the learned confidence's weights: its labels walk the events as
../shared/eval/score.py does, and its logistic regression learns what separates them."""
from __future__ import annotations

import random

import pytest

from biennien import learned

from .conftest import eval_tool, need_shared



@pytest.fixture(scope="module")
def learn():
    need_shared()
    return eval_tool("learn")


def _event(kind, date, *names):
    return {"type": kind, "date": date, "actors": [{"name": n, "country": None} for n in names[:1]],
            "recipients": [{"name": n, "country": None} for n in names[1:]],
            "mentions": [{"doc_id": "d1"}]}


def test_labels_follow_the_scorer(learn):
    gold = {"persons": [{"name": "A"}, {"name": "B"}, {"name": "C"}],
            "events": [{"id": "g1", "file": "a.txt", "type": "CONSULT", "date": "2025-03-03", "core": True,
                        "actor": ["A"], "recipient": ["B"]},
                       {"id": "g2", "file": "a.txt", "type": "AGREE", "date": "2025-03", "core": False,
                        "actor": ["A"], "recipient": ["B"]}]}
    docs = {"d1": {"doc_id": "d1", "source": "gold/a.txt"}}
    events = [_event("CONSULT", "2025-03-03", "A", "B"),   # the core event
              _event("CONSULT", "2025-03-03", "B", "A"),   # a second copy of it: wrong
              _event("AGREE", "2025-03-03", "A", "C"),     # fits the optional one: neither
              _event("ASSAULT", "2025-03-03", "A")]        # nothing in the gold
    assert learn.outcomes(gold, events, docs) == ["core", "wrong", "optional", "wrong"]
    scored = learn.score.score_events(gold, events, learn.score.Names(gold["persons"]), docs)
    assert (scored["events_tp"], scored["events_fp"]) == (1, 2)
    data = {"gold": gold, "events": events, "docs": docs}
    assert learn.rescore(data, [True, False, True, False])["events_fp"] == 0


def test_the_regression_learns_what_separates(learn):
    rng = random.Random(7)
    rows, labels = [], []
    for _ in range(200):
        good = rng.random() < 0.5
        rows.append({"hand": rng.uniform(0.6, 1.0) if good else rng.uniform(0.3, 0.8),
                     "kind=person": float(good or rng.random() < 0.3), "noise": rng.random()})
        labels.append(int(good))
    model = learn.fit(rows, labels)
    assert model["version"] == learned.VERSION and model["weights"]["hand"] > 0 < model["weights"]["kind=person"]
    probs = [learned.probability(r, model) for r in rows]
    assert all(0.0 <= p <= 1.0 for p in probs)
    assert learn.auc(probs, labels) > 0.85


def _wave(name, texts):
    return {"name": name, "texts": texts, "outcomes": ["core"] * len(texts), "features": [{"hand": 0.5}] * len(texts)}


def test_folds_keep_a_text_whole(learn):
    waves = [_wave("dev-dated", ["a", "a", "b", "c", "d"]), _wave("dev2-dated", ["a", "e", "f", "g", "h", "h"])]
    folds = learn.Folds(waves, folds=3)
    assert folds.fold(waves[0], 0) == folds.fold(waves[0], 1)            # one text, one fold
    assert folds.fold(waves[1], 4) == folds.fold(waves[1], 5)
    assert {folds.fold(d, i) for d in waves for i in range(len(d["texts"]))} == {0, 1, 2}
    rows, labels = learn.training(waves, folds, {0})
    assert len(rows) == sum(folds.fold(d, i) != 0 for d in waves for i in range(len(d["texts"])))
    assert len(learn.training(waves)[0]) == 11


def _check(before, after):
    return {"before": {"events_f1": before}, "after": {"events_f1": after}}


def test_a_default_threshold_needs_all_folds_but_one(learn):
    up = [_check(0.4, 0.42)] * 9
    assert learn.decide(up + [_check(0.5, 0.495)])                   # nine up, one down by less than 0.01
    assert not learn.decide(up + [_check(0.5, 0.48)])                # one down by more
    assert not learn.decide(up[:8] + [_check(0.4, 0.4)] * 2)          # eight of ten up only
    assert learn.decide(up[:5] + [_check(0.4, 0.4)])                 # five of six


def _scored(name, hands, outcomes):
    """A wave whose events are scored by a gold of one core event per right one."""
    gold = {"persons": [{"name": f"P{i}"} for i in range(len(hands))],
            "events": [{"id": f"g{i}", "file": "a.txt", "type": "CONSULT", "date": "2025-03-03", "core": True,
                        "actor": [f"P{i}"], "recipient": []} for i, o in enumerate(outcomes) if o == "core"]}
    events = [_event("CONSULT", "2025-03-03", f"P{i}") for i in range(len(hands))]
    return {"name": name, "gold": gold, "events": events, "docs": {"d1": {"doc_id": "d1", "source": "gold/a.txt"}},
            "texts": [f"t{i}" for i in range(len(hands))], "outcomes": outcomes,
            "features": [{"hand": h} for h in hands]}


def test_the_recall_objective_hides_no_right_event_of_the_training_waves(learn, monkeypatch):
    rng = random.Random(5)
    waves = []
    for w in range(3):
        hands = [rng.uniform(0.1, 0.9) for _ in range(30)]
        waves.append(_scored(f"dev{w}-dated", hands, ["core" if h > 0.45 else "wrong" for h in hands]))
    monkeypatch.setattr(learn, "fit", lambda rows, labels, **_: {"version": learned.VERSION, "bias": 0.0,
                                                                "weights": {"hand": 0.0}, "blend": 0.0})
    monkeypatch.setattr(learn, "OBJECTIVE", "recall")
    t = learn.choose_threshold(waves)                      # the confidence is the hand-set score alone
    lowest_right = min(f["hand"] for d in waves for f, o in zip(d["features"], d["outcomes"]) if o == "core")
    assert t is not None and t <= lowest_right and t > lowest_right - 0.01


def test_a_feature_seen_too_rarely_gets_no_weight(learn):
    rng = random.Random(3)
    rows, labels = [], []
    for i in range(100):
        good = rng.random() < 0.5
        rows.append({"hand": rng.uniform(0.5, 1.0) if good else rng.uniform(0.2, 0.7),
                     "type=AID": float(i < learn.MIN_SEEN - 1), "type=CONSULT": float(i >= learn.MIN_SEEN - 1),
                     "negated_share": 0.0})
        labels.append(0 if i < learn.MIN_SEEN - 1 else int(good))
    model = learn.fit(rows, labels)
    assert "type=AID" not in model["weights"] and "negated_share" not in model["weights"]
    assert "type=CONSULT" in model["weights"] and "hand" in model["weights"]
    assert "type=AID" in learn.fit(rows, labels, min_seen=1)["weights"]
    assert learned.value(rows[0], model) == rows[0]["hand"]          # left to the hand-set score


def test_the_seeds_lose_no_event_to_a_threshold(learn):
    model = {"version": learned.VERSION, "bias": 0.0, "weights": {"hand": 0.0}, "blend": 0.5}
    seeds = {"events": [{"type": "AID"}, {"type": "CONSULT"}, {"type": "AGREE"}],
             "features": [{"hand": 0.2}, {"hand": 0.9}, {"hand": 0.1}], "outcomes": ["core", "core", "wrong"]}
    assert learn.seeds_lost(seeds, model, 0.4) == [{"type": "AID"}]    # 0.5 * 0.5 + 0.5 * 0.2 = 0.35
    assert learn.seeds_lost(seeds, model, 0.3) == [] and learn.seeds_lost(seeds, model, None) == []
