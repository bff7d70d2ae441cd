"""A learned argument attacher: who takes part in an event draft, decided over the whole set of
names the article offers it, next to (or instead of) the rules of arguments.py.

Candidates: the names of the draft's sentence (persons, countries, organisations, places the
mentions stage found), and three the rules of this sentence never offer (taken from the article's
mentions the triggers stage hands the view): the first person or country of the headline, the
first of the sentence before, and a mention of the article's main country (a state standing for
an unnamed office). Each (draft, candidate) pair is described by hand-written sparse features:
the trigger's type, arguments and form (noun, passive), the candidate's kind and where it stands
(which side of the trigger and how far, or outside the sentence and where), what stands between
them (a comma, a clause boundary, another name, another trigger, a joining word, reported speech),
the cue right before it ("với", "của", "tại", "bởi", "theo": cue kinds of event_cues.tsv, never
words written here), whether it opens the sentence, is quoted, set aside, inside a place phrase,
a title's body, the headline, how far into the article the sentence is, and what the rules made
of it. A multinomial logistic regression (biennien/learned_args.py; weights in
resources/argument_attacher.json, written by eval/learn_args.py from our own dev annotations)
says none / actor / recipient; `choose` turns the probabilities into a SET of parties.

Modes (settings `events.learned_arguments`): "off" (the rules decide); "fill" (only drafts the
rules would drop for want of parties, and only the side they left empty: what they named stays,
the model names its counterpart, never a third party, never one of the other side's own country;
fill_parties); "decide" (only drafts the rules keep: replaces the parties
they took from this sentence when the model names a set it is sure of); "tiebreak" (the rules' own parties stay
candidates and the model only drops those it is sure take no part). The set of parties is chosen
as a set (partyset.py) when the weights hold set weights.

"fill" by default since session 30. Session 29, leave one of the seven dated dev waves out
(eval/learn_args.py --cv, eval/run.py with each fold's weights and thresholds chosen on its six
training waves): "decide", the mode the training waves chose, lost (dev 0.704 -> 0.652, dev2 0.581
-> 0.550, dev3 0.497 -> 0.503: a party changed in one draft spoils the event the drafts of it make
together); "fill", which then replaced whatever the rules had named, raised pooled dated F1 but
added a companion as a third party to seed 000 (0.960 -> 0.917). Session 30, fill as fill_parties
says, each of the eight dated waves held out at 0.8: F1 sum 4.106 -> 4.182, seeds unchanged, dev3
the one wave lost (0.508 -> 0.497).
"""
from __future__ import annotations

from dataclasses import replace

from ... import learned_args, settings
from ...records import Mention, Participant
from . import partyset
from .article import Draft, ONE_SIDED, keep, participant
from .topics import topic_spans
from .view import View

MODE = settings.get("events", "learned_arguments")   # off | fill | decide | tiebreak
THRESHOLD = settings.get("events", "learned_arguments_threshold")
MODES = ("fill", "decide", "tiebreak")
CUE_KINDS = ("with", "possessive", "place", "agent", "passive", "inviter", "counterpart", "chair",
             "reported", "according", "and", "nominal", "collective", "pronoun")
BETWEEN_KINDS = ("and", "reported", "relative", "subordinate", "purpose", "passive", "with", "place")
OUTSIDE_KINDS = ("person", "country")   # what a name outside the sentence may be
VISIT_ARGS = "visit"   # triggers.tsv args of a visit: its host is a state (cameo.VISIT_CAMEO), no person stands for it


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def features(view: View, d: Draft, m: Mention, usable: list[Mention], where: str = "") -> dict[str, float]:
    """The features of one (draft, candidate) pair; `usable`: the sentence's usable names in order;
    `where`: "" for a name of the sentence, else headline / previous / main (outside it)."""
    h, t = d.hit, d.hit.trigger
    kind = m.kind
    rule = _rule_side(d, m)
    common = {"bias": 1.0, f"kind={kind}|type={t.type}": 1.0, f"rule={rule}": 1.0, f"rule={rule}|{kind}": 1.0,
              f"country={bool(m.country)}|{kind}": 1.0, f"titled={bool(m.titles)}|{kind}": 1.0,
              f"candidates={_bucket(len(usable), (1, 2, 3, 5))}": 1.0,
              f"position={_bucket(view.sentence, (0, 1, 3, 8))}": 1.0,
              f"rule_parties={min(len(d.actors) + len(d.recipients), 3)}": 1.0,
              f"main_country={bool(m.country) and m.country == view.main_country}|{where or 'here'}": 1.0}
    if where:
        return {**common, f"outside={where}": 1.0, f"outside={where}|{kind}": 1.0,
                f"outside={where}|type={t.type}": 1.0, f"outside={where}|args={t.args or '-'}": 1.0,
                f"outside={where}|usable={_bucket(len(usable), (0, 1, 2))}": 1.0,
                f"outside={where}|nominal={h.nominal}": 1.0}
    text = view.text
    side = "before" if m.end <= h.start else "after" if m.start >= h.end else "inside"
    a, b = (m.end, h.head if side == "before" else h.start) if side == "before" else (h.end, m.start)
    a, b = min(a, b), max(a, b)
    gap = text[a:b] if side != "inside" else ""
    words = len(gap.split())
    between = [o for o in view.mentions if a <= o.start and o.end <= b]
    f = {**common, f"type={t.type}|{side}": 1.0, f"args={t.args or '-'}|{side}": 1.0,
         f"kind={kind}|{side}": 1.0,
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
         f"first={bool(usable) and usable[0] is m}": 1.0,
         f"nearest={_nearest(usable, h, m, side)}": 1.0,
         f"subject={any(o is m for o in h.subject)}": 1.0, f"object={any(o is m for o in h.objects)}": 1.0,
         f"rule={rule}|{side}": 1.0, f"speaker={view._speaker(m)}|{side}": 1.0,
         f"persons={_bucket(sum(o.kind == 'person' for o in usable), (0, 1, 2, 3))}|{kind}": 1.0}
    k = next((i for i, o in enumerate(usable) if o is m), None)
    if k is not None:   # coordinated with the name before or after it ("A và B", "A cùng B"): one side
        f[f"joined_prev={k > 0 and view.joined(usable[k - 1], m)}|{side}"] = 1.0
        f[f"joined_next={k + 1 < len(usable) and view.joined(m, usable[k + 1])}|{side}"] = 1.0
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
    """The names of the draft's sentence, in order."""
    return [m for m in view.mentions if view.start <= m.start and m.end <= view.end]


def outside(view: View, here: list[Mention]) -> list[tuple[str, Mention]]:
    """(where, name) of the names outside the sentence it may take: the first person or country of
    the headline and of the sentence before (their subject, mostly), a mention of the main country;
    none the sentence names itself."""
    seen = {(m.kind, m.name) for m in here}
    pool = sorted((m for m in view.antecedents + view.countries if m.kind in OUTSIDE_KINDS),
                  key=lambda m: m.start)
    found: list[tuple[str, Mention]] = []
    for where, index in (("headline", 0), ("previous", view.sentence - 1)):
        m = next((m for m in pool if m.sentence == index), None)
        if index >= 0 and index != view.sentence and m is not None and (m.kind, m.name) not in seen:
            found.append((where, m))
            seen.add((m.kind, m.name))
    main = next((m for m in view.countries if m.country and m.country == view.main_country), None)
    if main is not None and (main.kind, main.name) not in seen:
        found.append(("main", main))
    return found


def choose(probs: list[tuple[object, list[float]]], threshold: float, need: int = 1) -> list[tuple[object, int]]:
    """The set of parties: each candidate whose chance of taking part (actor or recipient) is at
    `threshold` or more; when some but fewer than `need` are, the likeliest others down to half the
    threshold. A party's side is its likelier role. (candidate, 1 actor | 2 recipient), in order."""
    scored = sorted(((p[1] + p[2], k, c, 1 if p[1] >= p[2] else 2) for k, (c, p) in enumerate(probs)),
                    key=lambda x: (-x[0], x[1]))
    sure = [x for x in scored if x[0] >= threshold]
    more = [x for x in scored if threshold > x[0] >= threshold / 2][:max(0, need - len(sure))] if sure else []
    chosen = sorted(sure + more if len(sure) + len(more) >= need else sure, key=lambda x: x[1])
    return [(c, role) for _, _, c, role in chosen]


def decide(probs: list[tuple[Mention, list[float]]], threshold: float, need: int = 1, sets: dict | None = None,
           pair=None, args: str = "", rules: set[tuple[str, str]] | None = None) -> tuple[list[Mention], list[Mention]]:
    """Actors and recipients of `choose` (or, given set weights, of partyset.best over the names at
    half the threshold or more and the rules' parties, one at the threshold), a name written twice counted once
    (its likelier reading). `pair(i, j)`: the pair features of probs[i] and probs[j]; `rules`: the
    (kind, name) of the parties the rules keep the draft with."""
    best: dict[tuple[str, str], tuple[float, int, Mention, list[float]]] = {}
    for k, (m, p) in enumerate(probs):
        if p[1] + p[2] > best.get((m.kind, m.name), (-1.0,))[0]:
            best[(m.kind, m.name)] = (p[1] + p[2], k, m, p)
    if sets and pair is not None:
        pool = [x for x in best.values() if x[0] >= threshold / 2 or (x[2].kind, x[2].name) in (rules or ())]
        if not any(x[0] >= threshold for x in pool):
            return [], []
        odds = [partyset.log_odds(x[3]) for x in pool]
        keys = [(x[2].kind, x[2].name) for x in pool]
        own = None if rules is None else frozenset(i for i, k in enumerate(keys) if k in rules) \
            if rules <= set(keys) else frozenset((-1,))
        chosen = [(pool[i][2], 1 if pool[i][3][1] >= pool[i][3][2] else 2)
                  for i in partyset.best(sets, odds, need, args, lambda i, j: pair(pool[i][1], pool[j][1]), own)]
    else:
        chosen = choose([(m, p) for _, _, m, p in best.values()], threshold, need)
    chosen.sort(key=lambda x: x[0].start)
    return [m for m, r in chosen if r == 1], [m for m, r in chosen if r == 2]


def needs(d: Draft) -> int:
    """How many parties the draft's type wants at least."""
    return 1 if d.type in ONE_SIDED else 2


def fill_parties(probs: list[tuple[Mention, list[float]]], threshold: float, need: int, actors: list, recipients: list,
                 sets: dict | None = None, pair=None, args: str = "") -> tuple[list, list] | None:
    """The parties "fill" gives a draft the rules leave short with `actors` and `recipients` (None:
    leave it); what the rules named stays.
    - They named no one: the set `decide` chooses.
    - They named one side: the model's set must hold every party they named (or, for a state or a
      body, a person of its country, who then stands for it on its side; not a visit's host state,
      the talks with its leader being an event of their own) and exactly one name more, the
      counterpart, put on the empty side. A set that leaves a rules' party out reads the sentence
      another way; a second name would be a third party.
    - They named both sides: nothing (the draft was dropped for what it is, not for want of parties).
    The two sides of an act between two are two states: no counterpart of a country the other side
    is of (a companion, "A tháp tùng B", or its own state, "Thủ tướng chúc mừng Việt Nam"; 95% of the
    two-sided core gold events of the dev waves are between two countries)."""
    if actors and recipients:
        return None
    chosen_actors, chosen_recipients = decide(probs, threshold, need, sets, pair=pair, args=args)
    chosen = chosen_actors + chosen_recipients
    if not actors and not recipients:
        one = need > 1 and len(chosen) == 2 and chosen[0].country and chosen[0].country == chosen[1].country
        return None if one or not chosen else (chosen_actors, chosen_recipients)
    side = actors or recipients
    own = {(p.kind, p.name) for p in side}
    keys = {(m.kind, m.name) for m in chosen}
    stands = {}   # a state or a body of the rules -> the person of its country the model names
    for p in side if args != VISIT_ARGS else ():
        if p.kind != "person" and p.country and (p.kind, p.name) not in keys:
            m = next((m for m in chosen if m.kind == "person" and m.country == p.country
                      and (m.kind, m.name) not in own and m not in stands.values()), None)
            if m is not None:
                stands[(p.kind, p.name)] = m
    new = [m for m in chosen if (m.kind, m.name) not in own and m not in stands.values()]
    if len(new) != 1 or not own <= keys | set(stands) or new[0].country and new[0].country in {p.country for p in side}:
        return None
    side = [p for p in side if (p.kind, p.name) not in stands] + list(stands.values())
    return (side, new) if actors else (new, side)


def fill(view: View, drafts: list[Draft], weights: dict | None = None, threshold: float | None = None,
         mode: str | None = None) -> list[Draft]:
    """The drafts with the model's parties, as `mode` says (see the module's docstring)."""
    mode = MODE if mode is None else mode
    if mode not in MODES:
        return drafts
    model = weights if weights is not None else learned_args.model()
    if model is None:
        return drafts
    threshold = THRESHOLD if threshold is None else threshold
    cands = usable = extra = None   # the sentence's names, found once a draft asks for them (most never do)
    for d in drafts:
        if mode == "fill" and d.actors and d.recipients:
            continue   # both sides named: the rules dropped the draft for what it is, not for want of parties
        short = mode != "tiebreak" and wanted(d)
        if mode == "fill" and not short or mode == "decide" and (short or not eligible(d) or not d.actors + d.recipients):
            continue
        if cands is None:
            cands = candidates(view, None)
            usable = [m for m in cands if view.usable(m)]
            extra = outside(view, cands)
        if mode == "tiebreak":
            _prune(view, d, model, threshold, usable, cands)
            continue
        if not cands and not extra or mode == "decide" and not local(d, cands):
            continue
        topics = topic_spans(view, d.hit, d.hit.clause[1])   # "A và B điện đàm về vấn đề X": X was discussed
        here = [m for m in cands if not any(a <= m.start < b for a, b in topics)]
        probs = [(m, learned_args.probabilities(features(view, d, m, usable), model)) for m in here]
        probs += [(m, learned_args.probabilities(features(view, d, m, usable, where), model)) for where, m in extra]
        names = here + [m for _, m in extra]
        where = [""] * len(here) + [w for w, _ in extra]
        pair = lambda i, j: partyset.pair_features(view, d.hit, names[i], names[j], where[i], where[j])  # noqa: E731
        if mode == "fill":
            parties = fill_parties(probs, threshold, needs(d), d.actors, d.recipients, model.get("sets"), pair,
                                   d.hit.trigger.args)
            if parties is None or len(parties[0] + parties[1]) < needs(d):
                continue   # a draft the rules drop is filled only with as many parties as its type wants
            actors, recipients = ([p if isinstance(p, Participant) else participant(p) for p in ps] for ps in parties)
        else:
            chosen = decide(probs, threshold, needs(d), model.get("sets"), args=d.hit.trigger.args, pair=pair,
                            rules={(p.kind, p.name) for p in d.actors + d.recipients})
            if not chosen[0] + chosen[1]:
                continue
            actors, recipients = ([participant(m) for m in ms] for ms in chosen)
        trial = replace(d, actors=actors, recipients=recipients)
        if keep(replace(trial, actors=list(trial.actors), recipients=list(trial.recipients))):
            d.actors, d.recipients = trial.actors, trial.recipients
    return drafts


def _prune(view: View, d: Draft, model: dict, threshold: float, usable: list[Mention], cands: list[Mention]) -> None:
    """Tie-break: drop the rules' parties of this sentence the model is sure take no part
    (P(none) at `threshold` or more), as long as the draft keeps enough parties."""
    if not eligible(d) or wanted(d):
        return
    drop = set()
    for m in cands:
        if _rule_side(d, m) != "none":
            p = learned_args.probabilities(features(view, d, m, usable), model)
            if p[0] >= threshold:
                drop.add((m.kind, m.name))
    if not drop:
        return
    actors = [p for p in d.actors if (p.kind, p.name) not in drop]
    recipients = [p for p in d.recipients if (p.kind, p.name) not in drop]
    if keep(replace(d, actors=list(actors), recipients=list(recipients))):
        d.actors, d.recipients = actors, recipients
