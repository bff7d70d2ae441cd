"""The set of parties the learned attacher (attach.py) gives a draft, chosen as a set: every subset
of the likeliest candidates is scored at once, so that two names that go together ("A và B", "A
cùng B": one side, companions) or a person and the state he stands for are weighed as a pair, and
the size of the set is learned (a two-sided event has two parties far more often than three: a set
it makes up has at most two, only the rules' own set may have more), instead of each name taking
part or not on its own.

score(S) = sum over S of the candidate's log-odds of taking part (the per-name model) times the
weight "logodds", plus the set weights of its size and of each of its pairs (weights `sets` of
resources/argument_attacher.json, written by eval/learn_args.py). A model without set weights
leaves the choice to attach.choose.
"""
from __future__ import annotations

import math
from itertools import combinations

from ...records import Mention
from .view import View

TOP = 5        # the likeliest candidates whose subsets are weighed
LARGEST = 2    # the most parties of a set it makes up (the rules' own set may have more): a third
               # name was mostly a companion or an official in attendance (dev waves, session 29)


def pair_features(view: View | None, h, a: Mention, b: Mention, where_a: str = "", where_b: str = "") -> dict[str, float]:
    """What two candidates of one draft are to each other (a before b in the text, or outside it)."""
    kinds = "|".join(sorted((a.kind, b.kind)))
    f = {f"pair={kinds}": 1.0}
    if a.country and b.country:
        f[f"pair_country={'same' if a.country == b.country else 'other'}|{kinds}"] = 1.0
    if where_a or where_b or view is None:
        f[f"pair_outside={bool(where_a)}{bool(where_b)}"] = 1.0
        return f
    first, second = (a, b) if a.start <= b.start else (b, a)
    side = lambda m: "before" if m.end <= h.start else "after" if m.start >= h.end else "inside"   # noqa: E731
    sides = "|".join(sorted((side(a), side(b))))
    f[f"pair_sides={sides}"] = 1.0
    joined = view.joined(first, second)
    f[f"pair_joined={joined}|{sides}"] = 1.0
    f[f"pair_clause={view.clause_of(a.start) == view.clause_of(b.start)}"] = 1.0
    return f


def set_features(need: int, args: str, size: int, pairs: list[dict[str, float]], rules: bool | None = None,
                 split: int = 0) -> dict[str, float]:
    """The features of a set of `size` parties (its pairs' features summed); `rules`: is it the set
    the rules kept the draft with (None: they kept none); `split`: how many names coordinated with
    one of the set ("A, B và C") it leaves out."""
    f = {f"size={min(size, LARGEST + 1)}|need={need}": 1.0, f"size={min(size, LARGEST + 1)}|args={args or '-'}": 1.0}
    if rules is not None:
        f[f"rules_set={rules}"] = 1.0
    if split:
        f["split_joined"] = float(split)
    for p in pairs:
        for k, v in p.items():
            f[k] = f.get(k, 0.0) + v
    return f


def log_odds(p: list[float]) -> float:
    """log P(takes part) / P(none) of one candidate, bounded."""
    part = min(max(p[1] + p[2], 1e-6), 1 - 1e-6)
    return math.log(part / (1 - part))


def subsets(order: list[int], rules: frozenset[int] | None = None) -> list[tuple[int, ...]]:
    """The subsets (1 to LARGEST of them) of the TOP likeliest, as indices, and the rules' set
    (whatever its size)."""
    top = order[:TOP]
    found = [s for k in range(1, LARGEST + 1) for s in combinations(sorted(top), k)]
    own = tuple(sorted(rules or ()))
    return found + [own] if own and own not in found and all(0 <= i for i in own) else found


def joined(f: dict[str, float]) -> bool:
    return any(k.startswith("pair_joined=True") for k in f)


def features(need: int, args: str, s: tuple[int, ...], pair, rules: frozenset[int] | None, n: int) -> dict[str, float]:
    """The features of set `s` of `n` candidates; `pair(i, j)` those of two of them (i < j)."""
    inside = set(s)
    split = sum(joined(pair(min(i, j), max(i, j))) for i in s for j in range(n) if j not in inside)
    return set_features(need, args, len(s), [pair(i, j) for i, j in combinations(s, 2)],
                        None if rules is None else frozenset(s) == rules, split)


def score(weights: dict, odds: list[float], s: tuple[int, ...], feats: dict[str, float]) -> float:
    return weights.get("logodds", 1.0) * sum(odds[i] for i in s) + sum(weights.get(k, 0.0) * v for k, v in feats.items())


def best(weights: dict, odds: list[float], need: int, args: str, pair,
         rules: frozenset[int] | None = None) -> tuple[int, ...]:
    """The likeliest set (indices into `odds`); `pair(i, j)` gives the features of two candidates;
    `rules`: the indices of the rules' parties of a draft they keep."""
    order = sorted(range(len(odds)), key=lambda i: -odds[i])
    memo: dict = {}

    def cached(i, j):
        return memo[(i, j)] if (i, j) in memo else memo.setdefault((i, j), pair(i, j))

    return max(subsets(order, rules),
               key=lambda s: (score(weights, odds, s, features(need, args, s, cached, rules, len(odds))), -len(s)))
