"""The learned event confidence (biennien/learned.py): its features, the shipped weights file's
form, that it stays in [0, 1] and falls back to the hand-set score, and the default threshold's
behaviour (events under it stay stored, out of the default lists and exports)."""
from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, strategies as st

from biennien import learned, query
from biennien.confidence import DATE, TRIGGER
from biennien.export import contract_rows
from biennien.lexicon import types
from biennien.run import ingest
from biennien.store import Store, read, scores

EVENT = {"type": "CONSULT", "mode": "visit", "planned": None, "location": "Hà Nội", "date_precision": "day",
         "actors": [{"actor_id": 1, "name": "Phạm Minh Chính", "kind": "person", "country": "VNM"}],
         "recipients": [{"actor_id": 2, "name": "Lào", "kind": "country", "country": "LAO"}]}
EVIDENCE = {"triggers": {"specific"}, "dates": {"sentence", "publication"}, "docs": {"a", "b"}, "mentions": 3,
            "reported": 1, "first": 0, "sentences": 12, "chars": 90, "words": 2, "crowd": 2, "negated": 0,
            "caption": 1, "gap": -3}
WAVES = {f"dev{n}-dated" for n in ("", 2, 3, 4, 5, 6, 7, 8, 9, 10)}


def possible() -> set[str]:
    """Every feature name the extractor can produce."""
    names = set(learned.features({}, {}, 0.5)) - {"type=None", "precision=none"}
    names |= {f"type={t}" for t in types.names()} | {f"kind={k}" for k in learned.KINDS}
    names |= {f"trigger={k}" for k in TRIGGER} | {f"date={k}" for k in DATE}
    names |= {f"precision={p}" for p in ("day", "month", "year", "none")}
    return names


def test_features_of_an_event():
    f = learned.features(EVENT, EVIDENCE, 0.9)
    assert f["hand"] == 0.9 and f["type=CONSULT"] == 1.0 and f["mode"] == 1.0 and f["planned"] == 0.0
    assert f["kind=person"] == f["kind=country"] == 1.0 and f["kind=organization"] == 0.0
    assert f["two_sides"] == 1.0 and f["participants"] == 2.0 and f["one_country"] == 0.0 and f["unlinked"] == 0.0
    assert f["date=sentence"] == f["date=publication"] == 1.0 and "date=article" not in f
    assert f["trigger=specific"] == 1.0 and f["precision=day"] == 1.0
    assert f["articles>1"] == 1.0 and f["log_mentions"] == pytest.approx(math.log(3))
    assert f["reported_share"] == pytest.approx(1 / 3) and f["headline"] == f["lead"] == 1.0
    assert f["trigger_words"] == 2.0
    assert f["log_crowd"] == pytest.approx(math.log(2)) and f["negated_share"] == 0.0
    assert f["caption_share"] == pytest.approx(1 / 3)
    assert f["home"] == 1.0 and f["countries"] == 2.0            # a Vietnamese and a Lao party
    assert f["log_gap"] == pytest.approx(math.log1p(3)) and f["after_publication"] == 1.0
    assert set(f) <= possible()


def test_countries_and_home_of_the_parties():
    foreign = [{"actor_id": 3, "name": "Mỹ", "kind": "country", "country": "USA"},
               {"actor_id": 4, "name": "Bộ Ngoại giao Trung Quốc", "kind": "organization", "country": "CHN"}]
    f = learned.features({**EVENT, "actors": foreign[:1], "recipients": foreign[1:]}, EVIDENCE, 0.5)
    assert f["home"] == 0.0 and f["countries"] == 2.0
    f = learned.features({**EVENT, "actors": [{"kind": "person", "country": None}], "recipients": []}, EVIDENCE, 0.5)
    assert f["home"] == 0.0 and f["countries"] == 0.0


def test_days_between_an_event_and_its_publication():
    assert learned.days_apart("2025-03-01", "2025-03-05") == 4
    assert learned.days_apart("2025-03-08", "2025-03-05T10:00:00") == -3      # after it: announced ahead
    assert learned.days_apart("2025-03", "2025-03-05") is None                 # a month says no day
    assert learned.days_apart("2025-03-01", None) is None and learned.days_apart(None, "2025-03-05") is None
    assert learned.days_apart("2025-02-30", "2025-03-05") is None


def test_features_of_an_event_without_evidence():
    f = learned.features({"type": "ASSAULT", "actors": [], "recipients": []}, {}, 0.0)
    assert f["participants"] == 0.0 and f["headline"] == 0.0 and f["precision=none"] == 1.0
    assert f["log_gap"] == f["after_publication"] == f["log_crowd"] == 0.0
    assert all(math.isfinite(v) for v in f.values())


def test_the_shipped_weights_file():
    m = learned.model()
    assert m is not None and m["version"] == learned.VERSION
    assert set(m["weights"]) <= possible(), set(m["weights"]) - possible()
    assert "hand" in m["weights"] and all(math.isfinite(w) for w in m["weights"].values())
    assert set(m["trained_on"]) == WAVES                         # never test, never BKEE
    assert m["date"] and m["events"] > m["right"] > 0
    assert 0.0 <= m["blend"] <= 1.0 and (m["threshold"] is None or 0.0 < m["threshold"] < 1.0)
    # validated leave-one-wave-out: each wave held out once
    assert sorted(check["test"] for check in m["validation"]) == sorted(WAVES)
    if m["threshold"] is not None:     # written only when it raised held-out F1 in all folds but one
        assert sum(c["f1_with"] > c["f1_without"] for c in m["validation"]) >= len(WAVES) - 1 and not m["seeds_lost"]


def test_a_weights_file_this_code_cannot_use_is_ignored():
    m = learned.model()
    assert learned.usable(m) is m
    assert learned.usable({**m, "version": learned.VERSION + 1}) is None
    assert learned.usable({**m, "weights": {"hand": float("nan")}}) is None
    assert learned.usable([]) is None and learned.usable({"version": learned.VERSION}) is None
    assert learned.usable({**m, "weights": {"type=CONSULT": 1.0}}) is None


@given(st.dictionaries(st.sampled_from(sorted(possible())), st.floats(-1e6, 1e6), min_size=1),
       st.floats(0.0, 1.0))
def test_probability_and_confidence_are_in_0_1(feats, hand):
    feats["hand"] = hand
    p = learned.probability(feats)
    assert p is None or 0.0 <= p <= 1.0
    assert 0.0 <= learned.value(feats) <= 1.0
    known = {k: v for k, v in feats.items() if k in learned.model()["weights"]}
    assert 0.0 <= learned.probability(known) <= 1.0 and 0.0 <= learned.blended(known) <= 1.0


def test_a_feature_training_never_showed_leaves_the_hand_set_score():
    f = learned.features({**EVENT, "date_precision": None}, {**EVIDENCE, "dates": {"none"}}, 0.6)
    assert "date=none" not in learned.model()["weights"]    # the dated dev sets have no undated event
    assert learned.probability(f) is None and learned.value(f) == 0.6


def test_a_feature_without_weight_counts_only_when_set():
    m = {"version": learned.VERSION, "bias": 0.0, "weights": {"hand": 2.0, "type=CONSULT": 1.0}, "blend": 1.0}
    assert learned.probability({"hand": 0.5, "type=CONSULT": 1.0, "caption_share": 0.0}, m) == pytest.approx(
        1.0 / (1.0 + math.exp(-2.0)))                    # an unweighted feature at zero says nothing
    f = {"hand": 0.5, "type=AID": 1.0}                   # a type training saw too rarely to weigh
    assert learned.probability(f, m) is None and learned.value(f, m) == 0.5


def test_the_setting_turns_the_default_threshold_off(monkeypatch):
    m = {"version": learned.VERSION, "bias": 0.0, "weights": {"hand": 0.0}, "threshold": 0.5}
    monkeypatch.setattr(learned, "model", lambda: m)
    chosen = {"least_confidence": "learned"}
    monkeypatch.setattr(learned.settings, "get", lambda section, key: chosen[key])
    assert learned.threshold() == 0.5
    chosen["least_confidence"] = "none"
    assert learned.threshold() is None
    chosen["least_confidence"] = "0.3"
    with pytest.raises(ValueError, match="least_confidence"):
        learned.threshold()


def test_without_weights_the_hand_set_score(monkeypatch):
    monkeypatch.setattr(learned, "model", lambda: None)
    assert learned.confidence(EVENT, EVIDENCE, 0.8125) == 0.8125
    assert learned.threshold() is None


def test_the_blend_mixes_probability_and_hand_set_score():
    m = {"version": learned.VERSION, "bias": 0.0, "weights": {"hand": 0.0}}
    f = {"hand": 0.9}
    assert learned.blended(f, {**m, "blend": 1.0}) == 0.5
    assert learned.blended(f, {**m, "blend": 0.0}) == 0.9
    assert learned.blended(f, {**m, "blend": 0.5}) == pytest.approx(0.7)


TEXT = ("Thủ tướng Lào thăm Việt Nam\n\nSáng 3/3, tại Hà Nội, Thủ tướng Phạm Minh Chính hội đàm với "
        "Thủ tướng Lào Sonexay Siphandone.\n\nHai bên nhất trí tăng cường hợp tác quốc phòng.\n"
        "Ông Sonexay Siphandone cho biết Lào ủng hộ Việt Nam.\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    root = tmp_path_factory.mktemp("learned")
    feed = root / "feed.jsonl"
    feed.write_text(json.dumps({"text": TEXT, "published": "2025-03-03", "url": "https://x.vn/1"},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    path = root / "kb.db"
    with Store(path) as store:
        ingest([str(feed)], store)
    return path


def test_the_evidence_a_store_gives(db):
    with Store(db, readonly=True) as s:
        ids = [r[0] for r in s.db.execute("SELECT event_id FROM events")]
        found = scores.evidence(s, ids)
        rows = {e["event_id"]: (e, ev) for e, ev in scores.with_evidence(s, ids)}
    assert found and set(found) <= set(ids)
    meeting = next(ev for e, ev in rows.values() if e["type"] == "CONSULT")
    assert meeting["gap"] == 0              # "Sáng 3/3" in a text of 2025-03-03
    assert meeting["crowd"] >= 1 and meeting["negated"] == 0 and meeting["caption"] == 0
    assert all(ev["crowd"] >= 1 for ev in found.values())


def test_exported_confidence_is_in_0_1(db):
    with Store(db, readonly=True) as s:
        events = list(contract_rows(s, "events"))
    assert events and all(0.0 <= e["confidence"] <= 1.0 for e in events)


def test_a_default_threshold_hides_events_under_it_and_keeps_them(db, monkeypatch):
    with Store(db, readonly=True) as s:
        every = list(contract_rows(s, "events", min_confidence=0.0))    # the shipped threshold aside
    sure = sorted({e["confidence"] for e in every})
    assert len(sure) > 1, "the fixture needs events of two confidences"
    cut = sure[-1]
    monkeypatch.setattr(learned, "threshold", lambda: cut)
    with Store(db, readonly=True) as s:
        shown = list(contract_rows(s, "events"))
        listed = query.events(s)
        total = query.events_total(s)
        asked = query.events(s, min_confidence=0)
        unfiltered = list(contract_rows(s, "events", "any"))
        stored = s.scalar("SELECT count(*) FROM events")
    assert shown and all(e["confidence"] >= cut for e in shown) and len(shown) < len(every)
    assert {e["event_id"] for e in listed} == {e["event_id"] for e in shown} and total == len(shown)
    assert len(asked) == len(every)                       # visible when asked for: min_confidence 0
    assert len(unfiltered) >= len(every) and stored >= len(every)   # and kept in the store
    assert read.least_confidence("named", None) == cut and read.least_confidence("named", 0.2) == 0.2
    assert read.least_confidence("any", None) is None and read.least_confidence("none", None) is None
