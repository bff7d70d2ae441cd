"""The learned argument attacher (stages/events/attach.py) and its weights (biennien/learned_args.py):
what it sees of a (trigger, name) pair, which drafts it may touch, how it decides, and that it is
off unless a setting says otherwise. Made-up sentences; weights written by hand, so that what the
attacher does follows from them and not from the shipped file."""
from __future__ import annotations

import json
import math
from importlib import resources

import pytest

from biennien import learned_args, pipeline
from biennien.records import Mention, Source
from biennien.stages.events import attach
from biennien.stages.events.article import participant

SIGNED = "Việt Nam và Lào ký kết.\nNgày 5/3, đại diện Việt Nam cùng phía Lào đã ký thỏa thuận hợp tác giáo dục, " \
    "theo ông Nguyễn Văn An.\n"
MET = "Bộ trưởng Bộ Ngoại giao Nguyễn Văn An tiếp Đại sứ Lào Khamphao Ernthavanh.\n"

# the first name of the sentence, a country before the trigger, is the actor; a later one the
# recipient; any other name none
WEIGHTS = {"version": learned_args.VERSION, "classes": list(learned_args.CLASSES),
           "weights": {"actor": {"bias": -3.0, "kind=country|before": 6.0, "first=True": 3.0},
                       "recipient": {"bias": -3.0, "kind=country|before": 7.0, "first=True": -10.0}}}


def drafts_of(text: str, monkeypatch) -> list[tuple]:
    """(view, drafts) of each sentence with a trigger, as the rules leave them."""
    seen: list[tuple] = []
    original = attach.fill

    def spy(view, drafts, **kw):
        seen.append((view, [d for d in drafts]))
        return original(view, drafts, **kw)

    monkeypatch.setattr(attach, "fill", spy)
    pipeline.analyse(Source(source="made-up.txt", raw=text, published="2024-03-06"))
    return seen


def test_probabilities_sum_to_one_and_unknown_features_weigh_nothing():
    p = learned_args.probabilities({"kind=country|before": 1.0, "never seen": 5.0}, WEIGHTS)
    assert math.isclose(sum(p), 1.0) and p[2] > p[1] > p[0]
    assert learned_args.probabilities({"never seen": 1.0}, WEIGHTS) == pytest.approx([1 / 3] * 3)


@pytest.mark.parametrize("broken", [
    {**WEIGHTS, "version": learned_args.VERSION + 1},
    {**WEIGHTS, "classes": ["none", "recipient", "actor"]},
    {**WEIGHTS, "weights": {"actor": {"x": float("nan")}, "recipient": {}}},
    {**WEIGHTS, "weights": {"actor": {}}},
    [1, 2, 3],
])
def test_a_weights_file_it_cannot_read_is_not_used(broken):
    assert learned_args.usable(broken) is None
    assert learned_args.usable(WEIGHTS) is WEIGHTS


def test_shipped_weights_if_any_are_usable_and_say_what_they_learnt_from():
    path = resources.files("biennien.resources") / learned_args.MODEL
    if not path.is_file():
        pytest.skip("no weights shipped")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert learned_args.usable(data) is not None
    assert "dev" in data["trained_on"] and "test" not in data["trained_on"] and "bkee" not in data["trained_on"]


def test_features_say_side_distance_and_the_cue_before_the_name(monkeypatch):
    (view, [d]), = drafts_of(MET, monkeypatch)
    names = attach.candidates(view, d)
    usable = [m for m in names if view.usable(m)]
    host, guest = names[0], names[-1]
    f_host, f_guest = attach.features(view, d, host, usable), attach.features(view, d, guest, usable)
    assert f_host["kind=person|before"] == 1.0 and f_host["first=True"] == 1.0 and f_host["nearest=before1"] == 1.0
    assert f_guest["kind=person|after"] == 1.0 and f_guest["first=False"] == 1.0
    assert f_host["rule=recipient"] == 1.0 and f_guest["rule=actor"] == 1.0   # "tiếp": the guest is the actor
    assert f_guest["words=3|after"] == 1.0 and "names_between=1|after" in f_guest   # "Đại sứ Lào" before him


def test_decide_takes_each_name_once_at_its_likelier_role():
    a = Mention("d", 0, 0, 5, "A", "country", "A", country="AAA")
    b = Mention("d", 0, 10, 15, "B", "country", "B", country="BBB")
    again = Mention("d", 0, 20, 25, "A", "country", "A", country="AAA")
    actors, recipients = attach.decide([(a, [0.1, 0.6, 0.3]), (b, [0.2, 0.1, 0.7]), (again, [0.05, 0.15, 0.8])], 0.5)
    assert [m.start for m in actors] == [] and [m.start for m in recipients] == [10, 20]
    assert attach.decide([(a, [0.6, 0.3, 0.1]), (b, [0.6, 0.2, 0.2])], 0.5, need=2) == ([], [])   # none sure: none
    assert attach.decide([(a, [0.6, 0.3, 0.1])], 0.5) == ([], [])   # "none" likeliest: no party
    assert attach.decide([(a, [0.45, 0.3, 0.25])], 0.6) == ([], [])   # a party at 0.55, under the threshold
    # a party is a party whichever side: 0.3 + 0.4 makes one, on its likelier side
    assert attach.decide([(a, [0.3, 0.4, 0.3])], 0.6) == ([a], [])


def test_choose_decides_a_set_and_fills_it_to_what_the_type_needs():
    sure, maybe, unlikely = ("sure", [0.1, 0.8, 0.1]), ("maybe", [0.6, 0.1, 0.3]), ("no", [0.9, 0.05, 0.05])
    assert attach.choose([sure, maybe, unlikely], 0.6) == [("sure", 1)]
    # two parties wanted: the likeliest other joins if it is at half the threshold or more ...
    assert attach.choose([sure, maybe, unlikely], 0.6, need=2) == [("sure", 1), ("maybe", 2)]
    # ... never one under it
    assert attach.choose([sure, unlikely], 0.6, need=2) == [("sure", 1)]


def test_fill_gives_the_empty_side_to_a_draft_the_rules_leave_short(monkeypatch):
    found = drafts_of(SIGNED, monkeypatch)
    view, drafts = found[-1]
    signing = next(d for d in drafts if d.type == "SUPPORT")
    assert attach.wanted(signing) and [p.name for p in signing.actors] == ["Lào"]
    attach.fill(view, drafts, weights=WEIGHTS, threshold=0.5, mode="off")
    assert [p.name for p in signing.actors] == ["Lào"] and not signing.recipients   # off: as the rules left it
    attach.fill(view, drafts, weights=WEIGHTS, threshold=0.5, mode="fill")
    # the model's set is {Việt Nam, Lào}: the rules' actor stays where they put it, the other fills the empty side
    assert [p.name for p in signing.actors] == ["Lào"] and [p.name for p in signing.recipients] == ["Việt Nam"]


def test_fill_leaves_what_the_rules_keep_and_decide_replaces_it(monkeypatch):
    (view, [d]), = drafts_of(MET, monkeypatch)
    assert not attach.wanted(d) and attach.local(d, attach.candidates(view, d))
    before = ([p.name for p in d.actors], [p.name for p in d.recipients])
    attach.fill(view, [d], weights=WEIGHTS, threshold=0.5, mode="fill")
    assert ([p.name for p in d.actors], [p.name for p in d.recipients]) == before
    person_after = {**WEIGHTS, "weights": {"actor": {"bias": -3.0, "kind=person|before": 8.0},
                                           "recipient": {"bias": -3.0, "kind=person|after": 8.0}}}
    attach.fill(view, [d], weights=person_after, threshold=0.5, mode="decide")
    assert ([p.name for p in d.actors], [p.name for p in d.recipients]) == (["Nguyễn Văn An"], ["Khamphao Ernthavanh"])


def test_fill_by_default_and_off_leaves_the_rules_alone(monkeypatch):
    assert attach.MODE == "fill"
    monkeypatch.setattr(learned_args, "model", lambda: WEIGHTS)
    a = pipeline.analyse(Source(source="made-up.txt", raw=SIGNED, published="2024-03-06"))
    assert any(e.type == "SUPPORT" and [p.name for p in e.recipients] == ["Việt Nam"] for e in a.events)
    monkeypatch.setattr(attach, "MODE", "off")
    a = pipeline.analyse(Source(source="made-up.txt", raw=SIGNED, published="2024-03-06"))
    assert not any(e.type == "SUPPORT" and e.recipients for e in a.events)


HEADLINED = "Thủ tướng Nguyễn Văn An thăm Lào.\nChiều 5/3, Thủ tướng Nguyễn Văn An hội đàm với Thủ tướng Lào Sonexay Siphandone.\n" \
    "Trong chuyến thăm, hai nước đã ký thỏa thuận hợp tác.\n"


def test_outside_offers_the_headline_and_the_sentence_before_never_a_name_of_the_sentence(monkeypatch):
    found = drafts_of(HEADLINED, monkeypatch)
    view, _ = found[-1]
    here = attach.candidates(view, None)
    extra = attach.outside(view, here)
    assert [w for w, _ in extra][:1] == ["headline"] and extra[0][1].name == "Nguyễn Văn An"
    assert not {(m.kind, m.name) for _, m in extra} & {(m.kind, m.name) for m in here}
    first_view, _ = found[0]
    assert all(w != "headline" for w, _ in attach.outside(first_view, attach.candidates(first_view, None)))


def test_outside_names_have_features_of_where_they_stand_not_of_distance(monkeypatch):
    found = drafts_of(HEADLINED, monkeypatch)
    view, drafts = found[-1]
    where, m = attach.outside(view, attach.candidates(view, None))[0]
    f = attach.features(view, drafts[0], m, [], where)
    assert f["outside=headline"] == 1.0 and f["outside=headline|person"] == 1.0
    assert not any(k.startswith(("words=", "nearest=", "comma=")) for k in f)


def test_tiebreak_only_drops_a_party_of_the_rules_the_model_is_sure_of(monkeypatch):
    (view, [d]), = drafts_of(MET, monkeypatch)
    laos = next(m for m in attach.candidates(view, d) if m.kind == "country")
    d.recipients.append(participant(laos))   # a third party, as a rule might have taken it
    no_country = {**WEIGHTS, "weights": {"actor": {"kind=country|after": -8.0}, "recipient": {"kind=country|after": -8.0}}}
    attach.fill(view, [d], weights=no_country, threshold=0.9, mode="tiebreak")
    assert ([p.name for p in d.actors], [p.name for p in d.recipients]) == (["Khamphao Ernthavanh"], ["Nguyễn Văn An"])
    # a reception ("tiếp") needs both its sides: the model may not leave it one, however sure
    no_host = {**WEIGHTS, "weights": {"actor": {"kind=person|before": -8.0}, "recipient": {"kind=person|before": -8.0}}}
    attach.fill(view, [d], weights=no_host, threshold=0.9, mode="tiebreak")
    assert ([p.name for p in d.actors], [p.name for p in d.recipients]) == (["Khamphao Ernthavanh"], ["Nguyễn Văn An"])


def test_a_weights_file_named_in_the_settings_replaces_the_shipped_one(monkeypatch, tmp_path):
    from biennien import settings
    path = tmp_path / "fold.json"
    path.write_text(json.dumps(WEIGHTS), encoding="utf-8")
    table = {**settings.table(), "events": {**settings.table()["events"], "learned_arguments_weights": str(path)}}
    monkeypatch.setattr(settings, "table", lambda: table)
    learned_args.model.cache_clear()
    try:
        assert learned_args.model() == WEIGHTS
        path.write_text("{}", encoding="utf-8")
        learned_args.model.cache_clear()
        with pytest.raises(ValueError, match="fold.json"):
            learned_args.model()
    finally:
        learned_args.model.cache_clear()


def test_features_say_a_name_is_coordinated_with_its_neighbour_and_how_many_persons(monkeypatch):
    from .test_partyset import COMPANIONS
    found = drafts_of(COMPANIONS, monkeypatch)
    view, drafts = found[-1]
    d = next(d for d in drafts if d.type == "CONSULT")
    names = attach.candidates(view, d)
    usable = [m for m in names if view.usable(m)]
    persons = [m for m in usable if m.kind == "person"]
    an, binh, guest = persons[0], persons[1], persons[-1]
    assert attach.features(view, d, an, usable)["joined_next=True|before"] == 1.0      # "A cùng B"
    assert attach.features(view, d, binh, usable)["joined_prev=True|before"] == 1.0
    f = attach.features(view, d, guest, usable)
    assert f["joined_prev=False|after"] == 1.0 and f["persons=3|person"] == 1.0 and f["speaker=False|after"] == 1.0


def _m(name: str, kind: str = "person", country: str | None = None, at: int = 0) -> Mention:
    return Mention("d", 0, at, at + 5, name, kind, name, country=country)


SURE, MAYBE, NO = [0.1, 0.5, 0.4], [0.3, 0.3, 0.4], [0.9, 0.05, 0.05]


def test_fill_keeps_the_rules_parties_and_adds_one_counterpart_on_the_empty_side():
    host, guest, third = _m("A", country="VNM"), _m("B", country="LAO", at=10), _m("C", country="KHM", at=20)
    rules = [participant(host)]
    probs = [(host, SURE), (guest, SURE), (third, NO)]
    actors, recipients = attach.fill_parties(probs, 0.6, 2, rules, [])
    assert [p.name for p in actors] == ["A"] and [m.name for m in recipients] == ["B"]
    assert attach.fill_parties(probs, 0.6, 2, [], rules) == ([guest], rules)   # the rules' side is the recipient's
    # both sides named: the rules dropped it for what it is, the model adds nothing
    assert attach.fill_parties(probs, 0.6, 2, rules, [participant(third)]) is None


def test_fill_takes_nothing_when_the_model_reads_the_sentence_another_way_or_names_a_third_party():
    body, a, b, c = (_m("Ủy ban", "organization"), _m("A", country="VNM", at=10), _m("B", country="LAO", at=20),
                     _m("C", country="KHM", at=30))
    # the rules' party left out of the model's set: no replacing it, no set without it
    assert attach.fill_parties([(body, NO), (a, SURE), (b, SURE)], 0.6, 2, [participant(body)], []) is None
    # the set the model is sure of holds the rules' party and two more: a third party, none taken
    assert attach.fill_parties([(a, SURE), (b, SURE), (c, SURE)], 0.6, 2, [participant(a)], []) is None


def test_fill_never_makes_a_companion_or_its_own_state_the_counterpart():
    minister, premier, state = _m("A", country="VNM"), _m("B", country="VNM", at=10), _m("Việt Nam", "country", "VNM", 20)
    # "A tháp tùng Thủ tướng B tham dự ...": two of one country are one side, not the two of a meeting
    assert attach.fill_parties([(minister, SURE), (premier, SURE)], 0.6, 2, [participant(minister)], []) is None
    assert attach.fill_parties([(minister, SURE), (state, SURE)], 0.6, 2, [participant(minister)], []) is None
    assert attach.fill_parties([(minister, SURE), (premier, SURE)], 0.6, 2, [], []) is None   # no side named
    # an act of one side ("A và B biểu tình") may have two of one country
    assert attach.fill_parties([(minister, SURE), (premier, SURE)], 0.6, 1, [], []) == ([minister, premier], [])


def test_fill_lets_a_person_of_the_rules_state_stand_for_it():
    uk, envoy, host = _m("Anh", "country", "GBR"), _m("Stokes", country="GBR", at=10), _m("A", country="VNM", at=20)
    actors, recipients = attach.fill_parties([(uk, NO), (envoy, SURE), (host, SURE)], 0.6, 2, [participant(uk)], [])
    assert actors == [envoy] and recipients == [host]


def test_fill_keeps_what_the_model_is_unsure_of_out():
    a, b = _m("A", country="VNM"), _m("B", country="LAO", at=10)
    assert attach.fill_parties([(a, MAYBE), (b, MAYBE)], 0.8, 2, [participant(a)], []) is None


def test_a_visits_host_state_is_no_person_of_it():
    host_state, host, guest = _m("Nhật Bản", "country", "JPN"), _m("Abe", country="JPN", at=10), _m("A", country="VNM", at=20)
    probs = [(host_state, NO), (host, SURE), (guest, SURE)]
    assert attach.fill_parties(probs, 0.6, 2, [], [participant(host_state)], args="visit") is None
    assert attach.fill_parties(probs, 0.6, 2, [], [participant(host_state)], args="host") == ([guest], [host])
