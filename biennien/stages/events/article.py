"""The article-level half of the event stage: drafts of event mentions, and what can only be
decided across the sentences of one article: who "hai bên" are, which event "tại buổi chào xã
giao" names, the lead event date, and which drafts become event mentions."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ...cameo import VISIT_CAMEO
from ...lexicon import types as event_types
from ...lexicon.names import HOME
from ...lexicon.names import lexicon as names_lexicon
from ...records import Article, EventMention, Mention, Participant, Sentence, TimeExpr
from ...lexicon.events import finditer
from ...lexicon.events import lexicon as event_lexicon
from ...text import key, lower
from .arguments import place_host
from .dating import partial
from .view import Hit, View

# what a type needs and does: resources/vi/event_types.tsv (sides, standalone)
ONE_SIDED = event_types.with_sides("one")               # reported without two parties
TWO_SIDED_OR_ONE = event_types.with_sides("one_or_two")  # "Bộ trưởng A gặp cử tri": one named side is enough
TWO_STATES = event_types.with_sides("two_states")        # kept only between parties of two states
STANDALONE_NOUNS = event_types.standalone()  # "vụ tấn công" reports an event; "cuộc gặp" refers to one
# one-sided modes (triggers.tsv) that still need someone named: an indictment, a trial, a sentence,
# a discipline or a weapons test with nobody named is a generic mention ("phiên tuyên án")
NEEDS_PARTY = {"indict", "trial", "sentence", "discipline", "weapons"}
LEAD_SENTENCES = 4
INTERNATIONAL = "international"   # organizations.tsv kind of a body of many states: UN, ASEAN, EU
PRAISE_CAMEO = "051"   # praise, thanks, congratulations, endorsement: each state's is its own act (split_meetings)
# legal acts only a state's authority performs: with no authority named, the state acts
STATE_ACTS = {"arrest", "charge", "indict", "trial", "sentence", "discipline"}
# an exercise (triggers.tsv mode) of one side alone is a show of force, not cooperation
# ("cuộc diễn tập hải quân Trung Quốc ngoài khơi đảo Hải Nam"): PLOVER MOBILIZE, CAMEO 150
ALONE = {"exercise": ("MOBILIZE", "150")}
# one-sided acts whose place names a party when the clause names none: protesters are people of
# the country they protest in; an attack there strikes that country ("không kích ở Idlib")
PLACE_SIDE = event_types.unnamed_sides()   # event_types.tsv: unnamed_side
PERSONS = "persons"   # event_cues where of a collective naming the two persons who met ("hai Bộ trưởng")
SIGN_CAMEO = "057"    # a signing ("hai bên đã ký bản ghi nhớ") stands, as an agreement does, with no named party
MET = "met"           # Draft.collective once those two persons fill it


@dataclass(slots=True)
class Draft:
    hit: Hit
    sentence: Sentence
    caption: bool
    type: str
    mode: str | None
    context: list[str]
    cameo: str | None
    actors: list[Participant] = field(default_factory=list)
    recipients: list[Participant] = field(default_factory=list)
    collective: str | None = None   # "hai bên" fills: "joint" (all actors) or "pair"; then "resolved" or MET
    reference: bool = False         # a noun that names an event reported elsewhere in the article
    place: str | None = None
    time: TimeExpr | None = None
    date: str | None = None
    precision: str | None = None
    planned: dict | None = None
    negated: bool = False
    reported: bool = False
    absorbed: list[Hit] = field(default_factory=list)
    standalone: bool = False        # a meeting noun with no plan: it reports its event if no verb does
    own_time: bool = False          # dated by a time of its own phrase, not its sentence's or the lead's
    travelled: bool = False         # a visit noun whose visitor is the person of its sentence (visits.py)
    begun: bool = False             # begun as it is reported: "bắt đầu thăm" (dating.begun)
    spouses: frozenset[str] = frozenset()   # persons named as the spouse of the one before ("A và phu nhân B")

    def names(self) -> set[tuple[str, str]]:
        return {(p.kind, p.name) for p in self.actors + self.recipients}


def lead_date(article: Article, sentences: list[Sentence], times: list[TimeExpr],
              planned=lambda t: False) -> tuple:
    """The first dated day of the news (first sentences) that no plan cue puts ahead ("Tôi sẽ nói
    chuyện ... sáng 8-5"), else the month of publication: the day an article appears is not the
    day of an act it does not date (GUIDE: "never the publication day"; our gold dates such acts
    to the month)."""
    news = [s.index for s in sentences if not s.is_caption][:LEAD_SENTENCES + 1]
    for t in times:
        if t.sentence in news and t.precision == "day" and t.kind == "point" and t.value and t.tense != "future" \
                and not planned(t):
            if not article.published or t.value <= article.published or article.published_precision != "day":
                return t.value, "day"
    if article.published and article.published_precision == "day":
        return article.published[:7], "month"
    return article.published, article.published_precision


def participant(m: Mention) -> Participant:
    return Participant(m.name, m.kind, m.country)


def state(code: str) -> Participant:
    """A state as a party, under its canonical Vietnamese name."""
    return Participant(names_lexicon().country_name.get(code, code), "country", code)


def named_in_news(p: Participant, news: set) -> bool:
    return (p.kind, p.name) in news or (p.kind == "country" and ("country", p.country) in news)


def _sides(d: Draft) -> list[list[str]]:
    """The countries of a draft's two sides (actors, recipients), or of its parties if joint."""
    a = [p.country for p in d.actors if p.country]
    r = [p.country for p in d.recipients if p.country]
    return [list(dict.fromkeys(a)), list(dict.fromkeys(r))]


def resolve_collectives(drafts: list[Draft], mentions: list[Mention]) -> None:
    """"hai bên" / "hai nước": the sides of the nearest meeting of two countries before (else after) it:
    for "hai Thủ tướng", "hai nhà lãnh đạo" its one person of each country (who met; a person covers
    their state too), else, and for "hai bên", "hai nước", the countries."""
    names = {}
    for m in mentions:
        if m.kind == "country" and m.country:
            names.setdefault(m.country, m.name)
    persons: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind == "person":
            persons.setdefault(m.sentence, []).append(m)
    for k, d in enumerate(drafts):
        if d.collective is None:
            continue
        if _two_named(d, persons.get(d.sentence.index, ())):
            continue
        order = list(reversed(drafts[:k])) + drafts[k + 1:]
        source = next((o for o in order if o.collective is None and not o.reference
                       and len({c for side in _sides(o) for c in side}) >= 2), None)
        if source is None:
            continue
        a, r = _sides(source)
        met = _one_person_each(source, a + r)
        if met and _names_persons(d):   # "hai Thủ tướng", "hai nhà lãnh đạo": who met
            have = {p.name for p in d.actors + d.recipients}
            d.actors += [met[c] for c in (a + r if d.collective == "joint" else a) if met[c].name not in have]
            if d.collective == "pair":
                d.recipients += [met[c] for c in r if met[c].name not in have]
            d.context, d.collective = d.context or list(source.context), MET
            continue
        if d.collective == "pair":
            have = {p.name for p in d.actors + d.recipients}
            d.actors += [Participant(names.get(c, c), "country", c) for c in a if names.get(c, c) not in have]
            d.recipients += [Participant(names.get(c, c), "country", c) for c in r if names.get(c, c) not in have]
        else:
            have = {p.country for p in d.actors + d.recipients}
            d.actors += [Participant(names.get(c, c), "country", c) for c in a + r if c not in have]
        d.context = d.context or list(source.context)
        d.collective = "resolved"


def _one_person_each(source: Draft, countries: list[str]) -> dict[str, Participant]:
    """The one person of each country on the meeting's sides, when each has exactly one."""
    found: dict[str, list[Participant]] = {}
    for p in source.actors + source.recipients:
        if p.kind == "person" and p.country:
            found.setdefault(p.country, []).append(p)
    if any(len(found.get(c, ())) != 1 for c in countries):
        return {}
    return {c: found[c][0] for c in countries}


def _names_persons(d: Draft) -> bool:
    """Does the collective before the verb name the two persons who met ("hai Bộ trưởng", "hai nhà lãnh
    đạo": event_cues where persons), not the two sides ("hai bên", "hai nước")?"""
    s = d.sentence
    low = lower(s.text[:max(0, d.hit.head - s.start)])
    lex = event_lexicon()
    found = [lex.cues[p] for _, _, p in finditer(lex.cue_re, low) if lex.cues[p].has("collective")]
    return bool(found) and PERSONS in found[-1].kinds["collective"]


def _two_named(d: Draft, persons) -> bool:
    """"Tổng thống A ... với người đồng cấp B khi hai nhà lãnh đạo hội đàm": two persons of two
    countries named before "hai bên" in its own sentence are its two sides."""
    before = list({m.name: m for m in persons if m.end <= d.hit.start}.values())
    if len(before) != 2 or before[0].country == before[1].country or not any(m.country for m in before):
        return False
    have = d.names()
    new = [participant(m) for m in before if ("person", m.name) not in have]
    if d.collective == "pair" and not d.actors + d.recipients:
        d.actors, d.recipients = new[:1], new[1:]
    else:
        d.actors += new
    d.collective = "resolved"
    return True


def keep(d: Draft) -> bool:
    if d.reference or d.collective == "joint" or d.collective == "pair":
        return False
    _clean_parties(d)
    parties = len(d.actors) + len(d.recipients)
    if d.type in ONE_SIDED:
        return parties > 0 or d.mode not in NEEDS_PARTY
    if d.type in TWO_SIDED_OR_ONE and parties == 1 and d.hit.trigger.args != "host":
        p = (d.actors + d.recipients)[0]
        # "Bộ trưởng A gặp cử tri", "Quốc hội họp": the other side unnamed; a body only as the
        # subject ("đàm phán COC" names a topic)
        return p.kind == "person" or p.kind == "organization" and any(m.name == p.name for m in d.hit.subject)
    if parties < 2:
        return False
    if d.hit.trigger.type in TWO_STATES and len(countries := {p.country for p in d.actors + d.recipients}) == 1 \
            and None not in countries:   # (the plan of an act of another type keeps that type's sides)
        return False   # "Quốc hội nhất trí bầu ông X", "hứa với Đảng và Nhà nước": one state's bodies
    if d.collective == MET:   # as with their states: only what the two agreed stands without a named party
        return d.type == "AGREE"
    named = [p for p in d.actors + d.recipients if p.kind != "country"] or d.type == "AGREE" or d.cameo == SIGN_CAMEO
    return bool(named) or d.collective != "resolved"


def split_meetings(drafts: list[Draft]) -> list[Draft]:
    """"A gặp Tổng thống B và Phó chủ tịch C": one visitor meeting several persons named as the
    meeting's other side is one meeting with each (the gold's reading, and the GUIDE's "one act,
    one event": each talk is its own act); two visitors meeting two hosts together stay one. The
    praise or thanks of several states' senders to one party is one act of each sender. Then an act
    with an international organisation among its parties ("ASEAN và Trung Quốc", "kêu gọi Liên Hợp
    Quốc") has no single state on that side: no act between states (the gold's conventions), dropped
    once split ("Lãnh đạo Lào, ASEAN chúc mừng X": Lào's is kept)."""
    out: list[Draft] = []
    for d in drafts:
        persons = [p for p in d.recipients if p.kind == "person"]
        hosts = {p.country for p in d.recipients if p.kind == "country"}
        if d.type == "CONSULT" and len(d.actors) == 1 and len(d.recipients) > 1 and len(persons) == len(d.recipients):
            out += [replace(d, recipients=group) for group in _couples(persons, d.spouses)]
        elif d.cameo == PRAISE_CAMEO and d.recipients and _senders(d.actors):
            # "Đại sứ Anh và Đại sứ Trung Quốc cảm ơn Thủ tướng X": each sender's thanks is its own act
            out += [replace(d, actors=[p]) for p in d.actors]
        elif d.hit.trigger.cameo == VISIT_CAMEO and d.actors and len(d.recipients) > 1 and \
                len(hosts) == len(d.recipients) and None not in hosts:
            # "thăm chính thức Kuwait và Algeria": a visit to each country (the gold's reading); the
            # day told is the first host's, a later host's visit falls later in that month
            out += [replace(d, recipients=[p], **_later_stop(d, i)) for i, p in enumerate(d.recipients)]
        else:
            out.append(d)
    orgs = names_lexicon().orgs
    return [d for d in out if not any(p.kind == "organization" and orgs.get(key(p.name), {}).get("kind")
                                      == INTERNATIONAL for p in d.actors + d.recipients)]


def _later_stop(d: Draft, i: int) -> dict:
    """The date of the i-th host's visit of a trip: the day told for the first host, the month for
    the hosts after it (no day of their own is told); a plan keeps the day it was announced."""
    if i == 0 or d.planned or d.precision != "day" or not d.date:
        return {}
    return {"date": d.date[:7], "precision": "month"}


def _couples(persons: list[Participant], spouses: frozenset[str]) -> list[list[Participant]]:
    """"Nhật hoàng Naruhito và Hoàng hậu Masako tiếp đón X": a spouse receives beside the one named
    before, in one meeting."""
    out: list[list[Participant]] = []
    for p in persons:
        if out and p.name in spouses:
            out[-1].append(p)
        else:
            out.append([p])
    return out


def _senders(actors: list[Participant]) -> bool:
    """Actors of two or more countries, each its own (a body of no country, "ASEAN", its own too)."""
    sides = [p.country or (p.name if p.kind == "organization" else None) for p in actors]
    return len(set(sides)) == len(sides) > 1 and None not in sides and len({p.country for p in actors} - {None}) > 1


def state_parties(view: View, h: Hit, d: Draft) -> None:
    """The state that takes part when the clause names no one on its side: a legal act with no
    authority named (or one named by its kind: "cảnh sát") is the state's where it happens, else that of the country the article names
    most ("Quách Bá Hùng bị kết án" in a story on China); when nobody at all is named, protesters
    and the target of an attack are of the country where it happens (named, or the only one the
    article names)."""
    t = h.trigger
    side = PLACE_SIDE.get(t.type)
    # an authority acts though unnamed: on someone named; or, in an arrest or a charge (not a generic
    # "phiên tuyên án": NEEDS_PARTY), on someone unnamed when it is named by its kind ("Công an thành
    # phố bắt hai người", "bị cảnh sát bắt"); an agentless passive alone ("30 người bị bắt") is not
    # enough: it tells history as often ("nghe tin người liên lạc bị bắt")
    legal = t.mode in STATE_ACTS and not d.actors and (
        d.recipients or t.mode not in NEEDS_PARTY and view.cues_in(h.clause[0], h.head, "authority"))
    if not (legal or side and not d.actors + d.recipients):
        return
    host = place_host(view, h)
    code = host.country if host is not None else None
    if code is None and view.main_country == HOME:
        code = HOME   # domestic news names no country: "Công an huyện X bắt ..." happens at home
    if t.mode in STATE_ACTS:
        code = code or view.main_country
        if code:
            d.actors = [state(code)]
    elif (code := code or _sole(view)) and code not in {p.country for p in d.actors + d.recipients}:
        setattr(d, side, [state(code)])


def _sole(view: View) -> str | None:
    """The country an article's news happens in when it names no other state: "một tay súng đã xả
    súng vào 6 người" in a story naming only Mỹ strikes Mỹ; a story that also names Iran says
    nothing of whom an attack with no place struck."""
    main = view.main_country
    return main if main and all(m.country == main for m in view.countries) else None


def show_of_force(d: Draft, joined: bool = False) -> None:
    """An exercise whose parties are all of one country, with no "hai bên" for a partner, shows
    force (ALONE); with a partner, or one it is said to join ("tham gia cuộc diễn tập": others hold
    it), it stays cooperation."""
    alone = ALONE.get(d.mode or "")
    if alone and not joined and d.collective is None and len({p.country for p in d.actors + d.recipients}) == 1 and \
            None not in {p.country for p in d.actors + d.recipients}:
        d.type, d.cameo = alone
        d.reference = d.type not in STANDALONE_NOUNS


def main_country(news: list[Mention]) -> str | None:
    """The country the article names most in its states, places and bodies (persons' countries
    are often guessed, so they do not count); None on a tie."""
    counts: dict[str, int] = {}
    for m in news:
        if m.country and m.kind != "person":
            counts[m.country] = counts.get(m.country, 0) + 1
    top = sorted(counts.items(), key=lambda kv: -kv[1])[:2]
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def _clean_parties(d: Draft) -> None:
    """Each party once; in a role with a person, that person's country's bodies are the person; a
    region of no country (places.tsv kind region: a sea, a continent, "Bán đảo Triều Tiên") is a
    topic or a place, never a party."""
    places = names_lexicon().places
    seen: set = {(p.kind, p.name) for p in d.actors + d.recipients if p.kind == "location" and not p.country
                 and places.get(key(p.name), {}).get("kind") == "region"}

    def clean(parties: list[Participant]) -> list[Participant]:
        countries = {p.country for p in parties if p.kind == "person" and p.country}
        out = []
        for p in parties:
            key = (p.kind, p.name)
            if key in seen or p.kind != "person" and p.country in countries:
                continue
            seen.add(key)
            out.append(p)
        return out

    d.actors = clean(d.actors)
    d.recipients = clean(d.recipients)
    # "Đoàn Indonesia do X dẫn đầu dự đối thoại Việt Nam - Indonesia": the actor's own country,
    # beside another one on the other side, is the actor's side
    own = {p.country for p in d.actors if p.kind == "person" and p.country}
    other = [p for p in d.recipients if p.kind == "person" or p.country not in own]
    if own and other and len(other) < len(d.recipients):
        d.recipients = other


def emit(article: Article, d: Draft) -> EventMention:
    h = d.hit
    parties = d.actors + d.recipients
    if parties and all(p.kind == "person" and not p.country for p in parties):
        d.context = [c for c in d.context if c != "diplomatic"]   # private persons meeting: no diplomacy
    return EventMention(
        doc_id=article.doc_id, sentence=d.sentence.index, trigger=article.text[h.start:h.end], type=d.type,
        mode=d.mode, context=list(d.context), cameo=d.cameo, actors=d.actors, recipients=d.recipients,
        place=d.place, date=d.date, date_precision=d.precision, planned=d.planned, negated=d.negated,
        reported=d.reported, trigger_start=h.start, trigger_end=h.end, date_partial=partial(d))
