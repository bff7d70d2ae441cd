"""A state speaks through a person: "Trung Quốc yêu cầu Singapore ..." (the headline) is said by
the spokesperson the article quotes ("..., bà Hoa Xuân Doanh, phát ngôn viên Bộ Ngoại giao Trung
Quốc, nói"). An act of speech (event_types.tsv governing) whose only actors are a state (its capital:
"Manila đã từ chối ...", or one of its bodies, spoken for by a holder of a post in it) takes as actor the one official of that state
the article quotes (the subject of a reported cue: "cho biết", "nói", "nhấn mạnh" ..., or named
after "dẫn lời", "Theo"); with several, the one quoted in the act's own sentence, else the one
quoted most often. The person keeps the state's country: an event the gold gives to the state
still matches."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ... import sectors
from ...lexicon import types as event_types
from ...lexicon.names import lexicon as names_lexicon
from ...records import Mention, Participant
from ...text import key
from .article import Draft, participant
from .arguments import subject
from .view import Hit, View

SAID = event_types.governing()   # acts of speech: a request, a charge, a rejection, a promise, a threat
STATE = {"GOV", "MIL", "LEG", "PTY"}   # sectors (sectors.tsv) of a post whose holder speaks for the state
QUOTED_WORDS = 3   # "dẫn lời Ngoại trưởng Pháp X": words (titles, "bà") between the cue and its speaker


def speakers(view: View) -> list[Mention]:
    """The persons of known country the sentence quotes: subjects of its reported cues."""
    out: list[Mention] = []
    for c in [*view.by_kind.get("reported", ()), *view.by_kind.get("according", ())]:
        if c.has("reported", "after") or c.has("according"):   # "dẫn lời bà X", "Theo ông X,"
            after = next((m for m in view.mentions if m.start >= c.end and view.usable(m)), None)
            gap = view.text[c.end:after.start] if after is not None else ","
            if "," not in gap and len(gap.split()) <= QUOTED_WORDS:
                out.append(after)
        if c.has("reported", "before"):
            said = Hit(c.start, c.end, None, c.start, clause=view.clause_of(c.start))
            out += subject(view, said) if not said.passive else []
    return [m for m in out if m.kind == "person" and m.country]


def _official(m: Mention) -> bool:
    """Does the mention give the person a post of the state now (not "cựu", not a scholar's)?"""
    return any(not c.past and STATE & set(sectors.of_role(m.rank, c.title, c.organization)) for c in m.title_claims)


def state_voices(drafts: list[Draft], view_of: Callable[[int], View], sentences: int) -> None:
    """Give each act of speech said by a state alone the person who speaks for that state."""
    wanting = [d for d in drafts if _state_only(d)]
    if not wanting:
        return
    voices: dict[int, list[Mention]] = {}
    officials: set[str] = set()
    claims: dict[str, list[str]] = {}   # the organisations each person's titles name
    for i in range(sentences):
        view = view_of(i)
        voices[i] = speakers(view)
        officials |= {m.name for m in view.mentions if m.kind == "person" and _official(m)}
        for m in view.mentions:
            claims.setdefault(m.name, []).extend(c.organization for c in m.title_claims if c.organization)
    voices = {i: [m for m in ms if m.name in officials] for i, ms in voices.items()}
    for d in wanting:
        code = d.actors[0].country
        own = {m.name: m for m in voices.get(d.sentence.index, ()) if m.country == code}
        every = Counter(m.name for ms in voices.values() for m in ms if m.country == code).most_common(2)
        if len(own) != 1 and every and (len(every) == 1 or every[0][1] > every[1][1]):
            own = {n: m for ms in voices.values() for m in ms if (n := m.name) == every[0][0]}
        voice = next(iter(own.values())) if len(own) == 1 else None
        if voice is not None and not any(p.name == voice.name for p in d.recipients) and \
                all(p.kind != "organization" or _of_body(p.name, claims.get(voice.name, ())) for p in d.actors):
            d.actors = [participant(voice)]   # not "Israel từ chối ông X" (X is no voice); a body's own


def _state_only(d: Draft) -> bool:
    """An act of speech whose actors are one state, or its bodies, and no person."""
    if d.hit.trigger.type not in SAID or d.type not in SAID or not d.actors or d.reference:
        return False
    codes = {p.country for p in d.actors}
    return len(codes) == 1 and None not in codes and all(p.kind in ("country", "organization") or _capital(p)
                                                         for p in d.actors)


def _capital(p: Participant) -> bool:
    """"Manila đã từ chối ...": a capital acting stands for its state."""
    return p.kind == "location" and names_lexicon().places.get(key(p.name), {}).get("kind") == "capital"


def _of_body(body: str, organizations) -> bool:
    """Does a title of the voice name the body ("Bộ Ngoại giao Nga": its spokesperson, not the
    defence minister)?"""
    return any(key(o).startswith(key(body)) or key(body).startswith(key(o)) for o in organizations)
