"""eval/learn_args.py, which trains the learned argument attacher: where a gold trigger quote lies
in its text, which gold event a draft stands for, how candidates are labelled, that its regression
learns what separates the labels, and that it refuses the held-out sets."""
from __future__ import annotations


import pytest

from biennien import learned_args

from .conftest import eval_tool, need_shared



@pytest.fixture(scope="module")
def tool():
    need_shared()
    return eval_tool("learn_args")


TEXT = "Tin ngắn\nSáng 5/3, Bộ trưởng Nguyễn Văn An đã tiếp Đại sứ Lào tại Hà Nội. Hai bên trao đổi về hợp tác."


def test_a_quote_with_elided_words_is_found_in_order(tool):
    a, b = tool.gold_spans(TEXT, "Bộ trưởng Nguyễn Văn An ... tiếp Đại sứ Lào")
    assert TEXT[a:b] == "Bộ trưởng Nguyễn Văn An đã tiếp Đại sứ Lào"
    a, b = tool.gold_spans(TEXT, "hai bên trao đổi")   # case is no matter
    assert TEXT[a:b] == "Hai bên trao đổi"
    assert tool.gold_spans(TEXT, "ký kết thỏa thuận") is None


def test_a_draft_aligns_to_the_gold_event_of_its_sentence_and_type(tool):
    meet = {"type": "CONSULT", "core": True, "_span": (19, 60)}
    other = {"type": "CONSULT", "core": True, "_span": (70, 90)}
    wrong_type = {"type": "AGREE", "core": True, "_span": (19, 60)}
    draft = {"span": (9, 68), "start": 43, "end": 47, "type": "CONSULT"}
    assert tool._align(draft, [other, wrong_type, meet]) is meet
    assert tool._align({**draft, "type": "ASSAULT"}, [other, wrong_type, meet]) is None


def test_labels_follow_the_scorers_covers(tool):
    names = tool.score.Names([{"name": "Nguyễn Văn An", "aliases": ["ông An"], "country": "VNM"}])
    gold = {"actor": ["Nguyễn Văn An"], "recipient": ["LAO"]}
    assert tool._label(gold, {"name": "ông An", "country": None}, names) == 1
    assert tool._label(gold, {"name": "Lào", "country": "LAO"}, names) == 2
    assert tool._label(gold, {"name": "Hà Nội", "country": "VNM"}, names) == 0
    assert tool._label(None, {"name": "ông An", "country": None}, names) == 0   # a draft of no gold event


def test_the_regression_learns_a_separable_rule(tool):
    drafts = [{"gold": {"actor": [], "recipient": []}, "wanted": True,
               "cands": [({}, {"bias": 1.0, "before": 1.0}, 1), ({}, {"bias": 1.0, "after": 1.0}, 2),
                         ({}, {"bias": 1.0, "far": 1.0}, 0)]}] * 20
    model = tool.fit(drafts, l2=0.1)
    assert learned_args.usable(model) is model
    for feats, want in (({"bias": 1.0, "before": 1.0}, 1), ({"bias": 1.0, "after": 1.0}, 2),
                        ({"bias": 1.0, "far": 1.0}, 0)):
        p = learned_args.probabilities(feats, model)
        assert max(range(3), key=lambda k: p[k]) == want and p[want] > 0.8


@pytest.mark.parametrize("wave", ["test-dated", "bkee-dev"])
def test_it_never_reads_the_held_out_sets(tool, wave):
    with pytest.raises(SystemExit):
        tool.collect(wave)


def _draft(rules, cands, wanted=False, need=2):
    """A recorded draft: `cands` are (name, probabilities) of a made-up model that reads the
    feature "p" as the candidate's own probabilities."""
    return {"rules": [{"name": n, "kind": "person", "country": None} for n in rules], "kept": bool(rules),
            "wanted": wanted, "eligible": True, "local": True, "need": need,
            "cands": [({"name": n, "kind": "person", "country": None, "rule": n in rules}, {"p": p}, 0)
                      for n, p in cands]}


def test_each_mode_touches_only_its_drafts(tool, monkeypatch):
    monkeypatch.setattr(tool.learned_args, "probabilities", lambda f, model: f["p"])
    sure_a, sure_b, none_c = ("A", [0.05, 0.9, 0.05]), ("B", [0.1, 0.1, 0.8]), ("C", [0.95, 0.03, 0.02])
    kept = _draft(["A", "C"], [sure_a, sure_b, none_c])
    short = _draft([], [sure_a, sure_b, none_c], wanted=True)
    names = lambda ps: sorted(p["name"] for p in ps)   # noqa: E731
    assert names(tool._apply({}, kept, "fill", 0.7, kept["rules"])) == ["A", "C"]       # fill: kept drafts as they are
    assert names(tool._apply({}, short, "fill", 0.7, [])) == ["A", "B"]
    assert names(tool._apply({}, kept, "decide", 0.7, kept["rules"])) == ["A", "B"]     # decide: the model's set
    assert tool._apply({}, short, "decide", 0.7, []) == []                               # ... never a dropped draft
    three = _draft(["A", "B", "C"], [sure_a, sure_b, none_c])
    assert names(tool._apply({}, three, "tiebreak", 0.9, three["rules"])) == ["A", "B"]  # tiebreak: drops C
    assert names(tool._apply({}, kept, "tiebreak", 0.9, kept["rules"])) == ["A", "C"]    # ... not under two parties


def test_fill_keeps_the_rules_side_and_adds_one_counterpart_as_the_pipeline_does(tool, monkeypatch):
    monkeypatch.setattr(tool.learned_args, "probabilities", lambda f, model: f["p"])
    sure_a, sure_b, sure_c = ("A", [0.05, 0.9, 0.05]), ("B", [0.1, 0.1, 0.8]), ("C", [0.1, 0.1, 0.8])
    names = lambda ps: sorted(p["name"] for p in ps)   # noqa: E731
    one_side = _draft(["A"], [sure_a, sure_b], wanted=True)
    one_side["rules"][0]["side"] = "recipient"
    assert names(tool._apply({}, one_side, "fill", 0.7, [])) == ["A", "B"]
    third = _draft(["A"], [sure_a, sure_b, sure_c], wanted=True)    # the model's set names two more
    third["rules"][0]["side"] = "actor"
    assert tool._apply({}, third, "fill", 0.7, []) == []
    other = _draft(["C"], [("C", [0.9, 0.05, 0.05]), sure_a, sure_b], wanted=True)   # it leaves the rules' C out
    other["rules"][0]["side"] = "actor"
    assert tool._apply({}, other, "fill", 0.7, []) == []


def _paired(rules, cands, pairs, gold_names):
    """A recorded draft of a core gold event with pair features: `gold_names` are its parties."""
    d = _draft(rules, cands)
    d.update(core=True, gold={"actor": gold_names[:1], "recipient": gold_names[1:]}, args="", pairs=pairs,
             names=type("Names", (), {})())
    return d


def test_set_weights_learn_that_a_joined_pair_is_one_side(tool, monkeypatch):
    monkeypatch.setattr(tool.learned_args, "probabilities", lambda f, model: f["p"])
    monkeypatch.setattr(tool.score, "covers", lambda t, p, names: t == p["name"])
    # A and B, joined, are likelier one by one than C; the gold pair is always A and C
    cands = [("A", [0.2, 0.7, 0.1]), ("B", [0.25, 0.65, 0.1]), ("C", [0.45, 0.1, 0.45])]
    pairs = {(0, 1): {"joined": 1.0}, (0, 2): {}, (1, 2): {}}
    drafts = [_paired(["A", "B"], cands, pairs, ["A", "C"])] * 30
    weights = tool.fit_sets({}, drafts, l2=0.1)
    assert weights["joined"] < 0 and weights["size=2|need=2"] > weights.get("size=3|need=2", 0.0)
    model = {"sets": weights}
    assert sorted(p["name"] for p in tool._apply(model, drafts[0], "decide", 0.6, drafts[0]["rules"])) == ["A", "C"]
    assert sorted(p["name"] for p in tool._apply({}, drafts[0], "decide", 0.6, drafts[0]["rules"])) == ["A", "B"]


def test_a_folds_settings_file_names_its_weights_mode_and_threshold(tool, tmp_path):
    import tomllib
    tool._settings(tmp_path / "f.toml", "fill", 0.6, tmp_path / "f.json")
    got = tomllib.loads((tmp_path / "f.toml").read_text(encoding="utf-8"))
    assert got == {"events": {"learned_arguments": "fill", "learned_arguments_threshold": 0.6,
                              "learned_arguments_weights": str(tmp_path / "f.json")}}


def test_a_fixed_threshold_fits_once_a_fold_and_only_the_folds_asked_for(tool, tmp_path, monkeypatch):
    waves = ["dev-dated", "dev2-dated", "dev3-dated"]
    fits = []
    monkeypatch.setattr(tool, "collect", lambda w: [{"wave": w}])
    monkeypatch.setattr(tool, "fit", lambda drafts, *a: fits.append(sorted(d["wave"] for d in drafts)) or
                        {"version": learned_args.VERSION})
    monkeypatch.setattr(tool, "report", lambda model, drafts, label: {(m, t): 0 for m in tool.MODES
                                                                      for t in tool.THRESHOLDS})
    tool.cross_validate(waves, 1.0, False, tmp_path, threshold=0.8, held_out=["dev3-dated"])
    assert fits == [["dev-dated", "dev2-dated"]]                          # no inner folds, one fold
    assert sorted(p.name for p in tmp_path.glob("*.json")) == ["dev3-dated.json"]
    assert "learned_arguments_threshold = 0.8" in (tmp_path / "dev3-dated.toml").read_text(encoding="utf-8")
