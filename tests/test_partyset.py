"""stages/events/partyset.py: the learned attacher's parties chosen as a set. Made-up sentences and
set weights written by hand, so that what it chooses follows from them."""
from __future__ import annotations

import pytest

from biennien.records import Mention
from biennien.stages.events import attach, partyset

from .test_attach import drafts_of

COMPANIONS = "Chủ tịch nước Nguyễn Văn An cùng Bộ trưởng Bộ Ngoại giao Trần Văn Bình hội đàm với Tổng thống Lào Thongloun Sisoulith.\n"


def test_the_pair_features_say_two_names_are_joined_on_one_side(monkeypatch):
    found = drafts_of(COMPANIONS, monkeypatch)
    view, drafts = found[-1]
    d = next(d for d in drafts if d.type == "CONSULT")
    persons = [m for m in attach.candidates(view, d) if m.kind == "person"]
    an, binh, guest = persons[0], persons[1], persons[-1]
    f = partyset.pair_features(view, d.hit, an, binh)
    assert f["pair_joined=True|before|before"] == 1.0 and f["pair=person|person"] == 1.0
    g = partyset.pair_features(view, d.hit, guest, an)   # in either order
    assert g["pair_joined=False|after|before"] == 1.0 and g["pair_clause=True"] == 1.0
    assert partyset.pair_features(view, d.hit, an, guest, "", "headline") == \
        {"pair=person|person": 1.0, "pair_country=other|person|person": 1.0, "pair_outside=FalseTrue": 1.0}


def test_set_features_count_the_size_and_add_up_the_pairs():
    f = partyset.set_features(2, "visit", 3, [{"pair=person|person": 1.0}, {"pair=person|person": 1.0, "x": 1.0}])
    assert f == {"size=3|need=2": 1.0, "size=3|args=visit": 1.0, "pair=person|person": 2.0, "x": 1.0}


def test_subsets_are_of_the_likeliest_only_and_the_rules_set_whatever_its_size():
    order = [6, 5, 4, 3, 2, 1, 0]
    found = partyset.subsets(order)
    assert all(set(s) <= {6, 5, 4, 3, 2} for s in found)
    assert len(found) == 5 + 10 and max(map(len, found)) == partyset.LARGEST == 2
    assert partyset.subsets(order, frozenset({0, 1, 6}))[-1] == (0, 1, 6)
    assert partyset.subsets(order, frozenset({-1})) == found   # the rules took a name not offered


def test_a_joined_pair_loses_to_the_pair_across_the_trigger():
    odds = [2.0, 1.9, 1.5]   # A and B joined before the trigger, C after it
    pair = lambda i, j: {"joined": 1.0} if {i, j} == {0, 1} else {}   # noqa: E731
    assert partyset.best({"logodds": 1.0, "size=2|need=2": 1.0}, odds, 2, "", pair) == (0, 1)
    assert partyset.best({"logodds": 1.0}, odds, 2, "", pair, frozenset({0, 1, 2})) == (0, 1, 2)   # the rules' three
    weights = {"logodds": 1.0, "size=2|need=2": 3.0, "joined": -4.0}
    assert partyset.best(weights, odds, 2, "", pair) == (0, 2)
    assert partyset.best({"logodds": 1.0, "size=1|need=1": 6.0}, odds, 1, "", pair) == (0,)


def test_decide_with_set_weights_needs_one_name_at_the_threshold():
    a = Mention("d", 0, 0, 5, "A", "person", "A")
    b = Mention("d", 0, 10, 15, "B", "person", "B")
    c = Mention("d", 0, 20, 25, "C", "person", "C")
    probs = [(a, [0.3, 0.6, 0.1]), (b, [0.4, 0.1, 0.5]), (c, [0.45, 0.05, 0.5])]
    joined = lambda i, j: {"joined": 1.0} if {i, j} == {1, 2} else {}   # noqa: E731
    weights = {"logodds": 1.0, "size=2|need=2": 2.0, "joined": -5.0}
    assert attach.decide(probs, 0.6, 2, weights, joined) == ([a], [b])
    assert attach.decide(probs, 0.75, 2, weights, joined) == ([], [])       # none at 0.75
    low = [(a, [0.3, 0.6, 0.1]), (b, [0.8, 0.1, 0.1])]
    assert attach.decide(low, 0.6, 2, weights, joined) == ([a], [])         # B is under half of it


@pytest.mark.parametrize("p", [[1.0, 0.0, 0.0], [0.0, 0.5, 0.5], [0.5, 0.25, 0.25]])
def test_log_odds_are_finite_and_even_at_half(p):
    x = partyset.log_odds(p)
    assert abs(x) < 20 and (x == 0.0) == (p[0] == 0.5)
