"""The weights of the learned argument attacher (stages/events/attach.py): a multinomial logistic
regression over sparse features, classes none / actor / recipient, and the optional weights `sets`
of stages/events/partyset.py (which set of names a draft takes).

Package data (resources/argument_attacher.json), written by `python eval/learn_args.py` from our
own dev annotations (the dated dev waves' gold events aligned to the pipeline's drafts; never the
test split, never BKEE); the file says what it was trained on (`trained_on`). Loaded once per process;
inference is three sparse dot products per candidate. A missing file, another feature version or
a malformed one leaves the rules alone (`model()` is None).
"""
from __future__ import annotations

import functools
import json
import math

from . import settings
from .learned import package_weights

VERSION = 2          # bump when a feature of attach.features changes meaning
MODEL = "argument_attacher.json"
CLASSES = ("none", "actor", "recipient")


@functools.cache
def model() -> dict | None:
    """The shipped weights, or those of the file settings `events.learned_arguments_weights` names
    (a fold's weights, to score a wave they were not trained on), or None."""
    path = settings.get("events", "learned_arguments_weights")
    if not path:
        return package_weights(MODEL, usable)
    try:
        with open(path, encoding="utf-8") as handle:
            data = usable(json.load(handle))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: {exc}") from None
    if data is None:
        raise ValueError(f"{path}: not argument attacher weights of version {VERSION}")
    return data


def usable(data) -> dict | None:
    """A weights file's content if this code can use it: its version, one weight row per class,
    every weight finite."""
    if not isinstance(data, dict) or data.get("version") != VERSION or data.get("classes") != list(CLASSES):
        return None
    rows = data.get("weights")
    if not isinstance(rows, dict) or any(not isinstance(rows.get(c), dict) for c in CLASSES[1:]):
        return None
    if not all(isinstance(v, (int, float)) and math.isfinite(v) for c in CLASSES[1:] for v in rows[c].values()):
        return None
    sets = data.get("sets", {})   # optional: the weights of stages/events/partyset.py
    if not isinstance(sets, dict) or not all(isinstance(v, (int, float)) and math.isfinite(v) for v in sets.values()):
        return None
    return data


def probabilities(feats: dict[str, float], weights: dict) -> list[float]:
    """P(none), P(actor), P(recipient) of one candidate; "none" is the reference class (score 0).
    A feature the training data never showed weighs nothing."""
    actor, recipient = (weights["weights"][c] for c in CLASSES[1:])
    a = r = 0
    for k, v in feats.items():   # one walk of the features for both classes (the attacher's hot loop)
        a += actor.get(k, 0.0) * v
        r += recipient.get(k, 0.0) * v
    scores = [0.0, a, r]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return [e / total for e in exp]
