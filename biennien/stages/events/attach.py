"""A learned argument attacher: who takes part in an event draft the rules leave without enough
parties (arguments.py found no subject or object the type needs, so the draft would be dropped).

Each candidate is a name of the draft's sentence (a person, country, organisation or place the
mentions stage found), described by hand-written sparse features of the pair (trigger,
candidate): the trigger's type, arguments and form (noun, passive), the candidate's kind, which
side of the trigger it stands on and how far, what stands between them (a comma, a clause
boundary, another name, another trigger, a joining word, reported speech), the cue right before
it ("với", "của", "tại", "bởi": cue kinds of event_cues.tsv, never words written here), whether it
opens the sentence, is quoted, set aside, inside a place phrase, a title's body, the headline.
A multinomial logistic regression (biennien/learned_args.py; weights in
resources/argument_attacher.json, written by eval/learn_args.py from our own dev annotations)
says none / actor / recipient. It only fills drafts the rules would drop, never overrides a
party they found unless told to ("decide"); off unless settings `events.learned_arguments` says.
"""
from __future__ import annotations

from dataclasses import replace

from ... import learned_args, settings
from ...records import Mention
from .article import Draft, keep, participant
from .view import View

MODE = settings.get("events", "learned_arguments")   # off | fill | decide
THRESHOLD = settings.get("events", "learned_arguments_threshold")
CUE_KINDS = ("with", "possessive", "place", "agent", "passive", "inviter", "counterpart", "chair",
             "reported", "according", "and", "nominal", "collective", "pronoun")
BETWEEN_KINDS = ("and", "reported", "relative", "subordinate", "purpose", "passive", "with", "place")


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def features(view: View, d: Draft, m: Mention, usable: list[Mention]) -> dict[str, float]:
    """The features of one (draft, candidate) pair; `usable`: the sentence's candidates in order."""
    h, t = d.hit, d.hit.trigger
    text = view.text
    side = "before" if m.end <= h.start else "after" if m.start >= h.end else "inside"
    a, b = (m.end, h.head if side == "before" else h.start) if side == "before" else (h.end, m.start)
    a, b = min(a, b), max(a, b)
    gap = text[a:b] if side != "inside" else ""
    words = len(gap.split())
    between = [o for o in view.mentions if a <= o.start and o.end <= b]
    kind = m.kind
    f = {"bias": 1.0, f"type={t.type}|{side}": 1.0, f"args={t.args or '-'}|{side}": 1.0,
         f"kind={kind}|{side}": 1.0, f"kind={kind}|type={t.type}": 1.0,
         f"words={_bucket(words, (0, 1, 3, 6, 10, 20))}|{side}": 1.0,
         f"names_between={_bucket(len(between), (0, 1, 2))}|{side}": 1.0,
         f"nominal={h.nominal}|{side}": 1.0, f"passive={h.passive}|{side}": 1.0,
         f"comma={',' in gap}|{side}": 1.0, f"clause={view.clause_of(m.start) == h.clause}|{side}": 1.0,
         f"semicolon={';' in gap or ':' in gap}": 1.0,
         f"trigger_between={any(a <= s and e <= b for s, e in view.triggers)}|{side}": 1.0,
         f"usable={view.usable(m)}": 1.0, f"quoted={view.quoted(m.start)}": 1.0,
         f"in_place={view.in_place(m)}": 1.0, f"internal={id(m) in view.internal}": 1.0,
         f"aside={any(x <= m.start and m.end <= y for x, y in view.asides)}": 1.0,
         f"headline={view.sentence == 0}": 1.0, f"caption={m.in_caption}": 1.0,
         f"country={bool(m.country)}|{kind}": 1.0, f"titled={bool(m.titles)}|{kind}": 1.0,
         f"main_country={bool(m.country) and m.country == view.main_country}|{side}": 1.0,
         f"first={bool(usable) and usable[0] is m}": 1.0,
         f"nearest={_nearest(usable, h, m, side)}": 1.0,
         f"candidates={_bucket(len(usable), (1, 2, 3, 5))}": 1.0,
         f"subject={any(o is m for o in h.subject)}": 1.0, f"object={any(o is m for o in h.objects)}": 1.0,
         f"rule={_rule_side(d, m)}": 1.0, f"rule={_rule_side(d, m)}|{kind}": 1.0,
         f"rule={_rule_side(d, m)}|{side}": 1.0}
    for k in CUE_KINDS:
        if view.cue_ending(m.start, k) is not None:
            f[f"pre={k}|{side}"] = 1.0
            f[f"pre={k}|type={t.type}"] = 1.0
    for k in BETWEEN_KINDS:
        if view.cues_in(a, b, k):
            f[f"between={k}|{side}"] = 1.0
    return f


def _rule_side(d: Draft, m: Mention) -> str:
    """What the rules made of the name in this draft: actor, recipient or none."""
    if any(p.kind == m.kind and p.name == m.name for p in d.actors):
        return "actor"
    return "recipient" if any(p.kind == m.kind and p.name == m.name for p in d.recipients) else "none"


def _nearest(usable: list[Mention], h, m: Mention, side: str) -> str:
    """Which name it is counting from the trigger on its side: 1, 2, 3+."""
    if side == "before":
        row = [o for o in usable if o.end <= h.start][::-1]
    elif side == "after":
        row = [o for o in usable if o.start >= h.end]
    else:
        return "in"
    i = next((k for k, o in enumerate(row) if o is m), 9)
    return f"{side}{min(i + 1, 3)}"


def eligible(d: Draft) -> bool:
    """A draft whose parties are this sentence's to decide: no "hai bên" to resolve, no event
    named elsewhere, something that happened."""
    return not d.reference and d.collective is None and not d.negated


def wanted(d: Draft) -> bool:
    """A draft the rules leave with too few parties: dropped by keep(), or kept with none at all."""
    if not eligible(d):
        return False
    if not d.actors and not d.recipients:
        return True
    return not keep(replace(d, actors=list(d.actors), recipients=list(d.recipients)))


def local(d: Draft, cands: list[Mention]) -> bool:
    """Are all the parties the rules gave the draft names of its sentence (no pronoun's antecedent
    in another sentence, no state standing for an unnamed authority)?"""
    here = {(m.kind, m.name) for m in cands}
    return all((p.kind, p.name) in here for p in d.actors + d.recipients)


def candidates(view: View, d: Draft | None) -> list[Mention]:
    """The names of the draft's sentence, in order (those outside it never)."""
    return [m for m in view.mentions if view.start <= m.start and m.end <= view.end]


def decide(probs: list[tuple[Mention, list[float]]], threshold: float) -> tuple[list[Mention], list[Mention]]:
    """Actors and recipients: each candidate whose most likely role is a party at `threshold` or more
    (a name written twice counts once, at its likelier reading)."""
    best: dict[tuple[str, str], tuple[float, int, Mention]] = {}
    for m, p in probs:
        role = max(range(3), key=lambda k: p[k])
        if role and p[role] >= threshold and p[role] > best.get((m.kind, m.name), (0.0,))[0]:
            best[(m.kind, m.name)] = (p[role], role, m)
    chosen = sorted(best.values(), key=lambda x: x[2].start)
    return [m for _, r, m in chosen if r == 1], [m for _, r, m in chosen if r == 2]


def fill(view: View, drafts: list[Draft], weights: dict | None = None, threshold: float | None = None,
         mode: str | None = None) -> list[Draft]:
    """The drafts with the model's parties: in mode "fill" only those the rules would drop for want
    of parties, where the model names an actor and a recipient (most drafts the rules drop report
    no event: held out, filling them on one side added ~20 false events a wave for 1-4 right); in mode "decide" also those whose
    parties the rules took from this sentence, wherever the model names someone; "off": as found."""
    mode = MODE if mode is None else mode
    if mode not in ("fill", "decide"):
        return drafts
    model = weights if weights is not None else learned_args.model()
    if model is None:
        return drafts
    threshold = THRESHOLD if threshold is None else threshold
    cands = candidates(view, None)
    usable = [m for m in cands if view.usable(m)]
    for d in drafts:
        short = wanted(d)
        if not cands or not (short or mode == "decide" and eligible(d) and local(d, cands)):
            continue
        probs = [(m, learned_args.probabilities(features(view, d, m, usable), model)) for m in cands]
        actors, recipients = decide(probs, threshold)
        if not (actors and recipients if short else actors or recipients):
            continue   # a draft the rules drop is filled only when the model names both its sides
        trial = replace(d, actors=[participant(m) for m in actors], recipients=[participant(m) for m in recipients])
        if keep(replace(trial, actors=list(trial.actors), recipients=list(trial.recipients))):
            d.actors, d.recipients = trial.actors, trial.recipients
    return drafts
