"""A learned probability that an exported event is right, from the evidence that made it.

A logistic regression over cheap features of an event as stored (its type, mode and plan, who takes
part, of what kind and of how many countries, where its date comes from and how far it lies from
the publication, how many mentions and articles report it, how many events share its sentence,
where in the article, how long the article and the sentence are, and the hand-set confidence of
biennien/confidence.py). Its weights are package data (resources/event_filter.json), written by
`python eval/learn.py` from runs of `eval/run.py` on our own dev annotations: an event is labelled
right when ../shared/eval/score.py pairs it with a core gold event of its text. Inference is one
dot product per event; the file says what it was trained on and when. The exported confidence
blends it with the hand-set score (the file's `blend`, written by eval/learn.py from held-out
ranking and calibration), and a default export threshold on it is the file's `threshold`, set
only when it raised F1 on held-out dev waves and hides no event of the seeds (store/read.py
least_confidence).

Degrades to the hand-set confidence: without the file, with a file of another feature version,
or for an event that sets a feature the file has no weight for: one its training data never
showed (an undated event: the dated dev sets it learns from have none) or showed too rarely to
weigh (eval/learn.py MIN_SEEN: a type of three labelled events, as AID had in six waves).
"""
from __future__ import annotations

import functools
import json
import math
from datetime import date
from importlib import resources

from . import settings
from .lexicon.names import HOME

VERSION = 2          # bump when a feature changes meaning: an older weights file is then ignored
MODEL = "event_filter.json"
KINDS = ("person", "country", "organization", "location")


def features(event: dict, evidence: dict, hand: float) -> dict[str, float]:
    """The features of one event. `event`: its row (type, mode, planned, location, date_precision,
    actors, recipients as lists of participant dicts); `evidence`: what its mentions say, as gathered
    by store/scores.py (triggers, dates: sets of kinds; docs; mentions; reported; first sentence;
    sentences of its longest article; shortest sentence's characters; longest trigger's words);
    `hand`: the hand-set confidence."""
    parts = [*event.get("actors", []), *event.get("recipients", [])]
    mentions = max(evidence.get("mentions", 0), 1)
    f = {"hand": hand, f"type={event.get('type')}": 1.0,
         "mode": float(bool(event.get("mode"))), "planned": float(bool(event.get("planned"))),
         "location": float(bool(event.get("location"))),
         "reported_share": evidence.get("reported", 0) / mentions,
         "log_mentions": math.log(mentions), "articles>1": float(len(evidence.get("docs", ())) > 1),
         "participants": float(min(len(parts), 4)),
         "two_sides": float(bool(event.get("actors")) and bool(event.get("recipients"))),
         "unlinked": float(any(p.get("actor_id") is None for p in parts)),
         "one_country": float(len(parts) > 1 and len({p.get("country") for p in parts}) == 1),
         "headline": float(evidence.get("first", 99) == 0), "lead": float(evidence.get("first", 99) <= 2),
         "log_sentences": math.log1p(evidence.get("sentences", 0)),
         "log_chars": math.log1p(evidence.get("chars", 0)),
         "trigger_words": float(min(evidence.get("words", 1), 4)),
         "log_crowd": math.log(max(evidence.get("crowd", 1), 1)),
         "negated_share": evidence.get("negated", 0) / mentions,
         "caption_share": evidence.get("caption", 0) / mentions,
         "home": float(any(p.get("country") == HOME for p in parts)),
         "countries": float(min(len({p.get("country") for p in parts if p.get("country")}), 3))}
    gap = evidence.get("gap")
    f["log_gap"] = math.log1p(abs(gap)) if gap is not None else 0.0
    f["after_publication"] = float(gap is not None and gap < 0)
    for kind in KINDS:
        f[f"kind={kind}"] = float(any(p.get("kind") == kind for p in parts))
    for name in ("triggers", "dates"):
        for level in evidence.get(name, ()):
            f[f"{name[:-1]}={level}"] = 1.0
    f[f"precision={event.get('date_precision') or 'none'}"] = 1.0
    return f


def days_apart(day: str | None, published: str | None) -> int | None:
    """Days from an event's date to its article's publication (negative: after it), at day
    precision only (a month or a year says nothing this exact)."""
    if not day or not published or len(day) != 10 or len(published) < 10:
        return None
    try:
        return (date.fromisoformat(published[:10]) - date.fromisoformat(day)).days
    except ValueError:
        return None


@functools.cache
def model() -> dict | None:
    """The shipped weights, or None (no file, another feature version, a malformed file)."""
    return package_weights(MODEL, usable)


def package_weights(name: str, check) -> dict | None:
    """A weights file of biennien/resources as `check` accepts it, or None when it is missing or
    not JSON (shared with learned_args)."""
    try:
        return check(json.loads((resources.files("biennien.resources") / name).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def usable(data) -> dict | None:
    """A weights file's content if this code can use it: its feature version, finite weights, one
    of them the hand-set score's (a file without it was not written by eval/learn.py)."""
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("weights"), dict) \
            or "hand" not in data["weights"]:
        return None
    numbers = [data.get("bias", 0.0), data.get("blend", 1.0), *data["weights"].values()]
    if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in numbers):
        return None
    return data


def probability(feats: dict[str, float], weights: dict | None = None) -> float | None:
    """P(right) under `weights` (a weights file's content; default: the shipped one), or None: also
    for an event that sets a feature without weight (never or too rarely seen in training: an
    undated event, a rare type), on which the regression knows nothing and the hand-set score is
    the better judge. A feature without weight at zero says nothing either way."""
    weights = weights if weights is not None else model()
    if not weights:
        return None
    w = weights["weights"]
    if any(v and k not in w for k, v in feats.items()):
        return None
    z = weights.get("bias", 0.0) + sum(w.get(k, 0.0) * v for k, v in feats.items())
    if not math.isfinite(z):
        return None
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def blended(feats: dict[str, float], weights: dict | None = None) -> float | None:
    """The learned probability blended with the hand-set confidence (the file's `blend`: the
    probability's share), or None without weights."""
    weights = weights if weights is not None else model()
    p = probability(feats, weights)
    if p is None:
        return None
    share = min(max(float(weights.get("blend", 1.0)), 0.0), 1.0)
    return min(max(share * p + (1.0 - share) * feats["hand"], 0.0), 1.0)


def value(feats: dict[str, float], weights: dict | None = None) -> float:
    """The confidence of an event of these features: blended (see `blended`), else the hand-set one."""
    c = blended(feats, weights)
    return feats["hand"] if c is None else c


def confidence(event: dict, evidence: dict, hand: float) -> float:
    """The confidence an event is exported with (see `value`), rounded."""
    return round(value(features(event, evidence, hand)), 4)


def threshold() -> float | None:
    """The default export threshold the shipped weights carry (None: export every event), unless
    settings `answers.least_confidence` is "none"."""
    chosen = settings.get("answers", "least_confidence")
    if chosen not in ("learned", "none"):
        raise ValueError(f"settings answers.least_confidence: {chosen!r} is neither 'learned' nor 'none'")
    m = model() if chosen == "learned" else None
    return m.get("threshold") if m else None
