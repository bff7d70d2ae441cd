"""Arguments of an event trigger inside its sentence: subject, object, place and time.

Vietnamese is subject-verb-object with little morphology, so the finder works on positions: the
subject is the nearest name before the verb that only adverbs, appositive titles ("Thượng tướng
X, Thứ trưởng Bộ Quốc phòng đã ..."), parentheses and times separate from it; the object is the
first name after the verb, preferring a person named in apposition ("người đồng cấp Lào, Trung
tướng Y"); names joined by "và"/"cùng" (or "-" and "," for countries and organisations) are
taken together. Names after "tại"/"ở" are the place, and a country or organisation written
inside a person's title ("Bộ trưởng Quốc phòng Lào") is no participant.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..records import Mention, TimeExpr
from .event_lexicon import Cue, Trigger, lexicon

PARENS = re.compile(r"\([^()]*\)")
DASHED = re.compile(r"\s[-–]\s[^-–;]*?\s[-–](?=\s)")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
SOFT = ("adverb", "plan", "intent", "negation", "light")  # cue kinds a subject-verb gap may hold


@dataclass(slots=True)
class Hit:
    """One trigger in a sentence, with what the argument finder decides about it."""

    start: int
    end: int
    trigger: Trigger
    head: int                   # where its verb phrase starts (light verb / nominaliser / trigger)
    nominal: bool = False       # a noun naming an event ("cuộc gặp"), not an act
    clause: tuple[int, int] = (0, 0)
    zone_end: int = 0           # where its object zone ends (next trigger or clause end)
    subject: list[Mention] = field(default_factory=list)
    objects: list[Mention] = field(default_factory=list)
    collective: bool = False    # "hai bên": the two sides of the meeting
    passive: bool = False


@dataclass(slots=True)
class CueHit:
    start: int
    end: int
    cue: Cue

    def has(self, kind: str, where: str | None = None) -> bool:
        return self.cue.has(kind, where)


class View:
    """One sentence: its text, mentions, times and cues, with the spans the finder needs."""

    def __init__(self, text: str, start: int, end: int, mentions: list[Mention],
                 times: list[TimeExpr], cues: list[CueHit], triggers: list[tuple[int, int]] = ()):
        self.text, self.start, self.end = text, start, end
        self.antecedents: list[Mention] = []    # the article's persons, for pronouns
        self.countries: list[Mention] = []      # the article's countries, for "nước này"
        self.sentence = 0                       # the index of this sentence
        self.main_country: str | None = None    # the country the article names most
        self.times = [t for t in times if t.kind != "duration"]
        self.cues = cues
        self.by_kind: dict[str, list[CueHit]] = {}
        for c in cues:
            for kind in c.cue.kinds:
                self.by_kind.setdefault(kind, []).append(c)
        self.mentions = _outer(mentions)
        self.quotes = [(m.start(), m.end()) for m in QUOTED.finditer(text, start, end)]
        self.triggers = list(triggers)
        self.clauses = _clauses(text, start, end)
        self.places = self._places()
        self.internal = self._internal() | self._media()

    # --- spans -----------------------------------------------------------------------------

    def clause_of(self, pos: int) -> tuple[int, int]:
        for a, b in self.clauses:
            if a <= pos < b:
                return a, b
        return self.start, self.end

    def in_place(self, m: Mention) -> bool:
        return any(a <= m.start and m.end <= b for a, b in self.places)

    def usable(self, m: Mention) -> bool:
        return id(m) not in self.internal and not self.in_place(m) and not self.quoted(m.start)

    def quoted(self, pos: int) -> bool:
        return any(a < pos < b for a, b in self.quotes)

    def bracketed(self, t: TimeExpr) -> bool:
        """A time in parentheses after other words ("giữ chức ... (tháng 2/2022)") dates them."""
        return self.text[t.start - 1:t.start] == "(" or self.quoted(t.start)

    def cues_in(self, a: int, b: int, kind: str, where: str | None = None) -> list[CueHit]:
        return [c for c in self.by_kind.get(kind, ()) if a <= c.start and c.end <= b
                and (where is None or c.has(kind, where))]

    def cue_ending(self, pos: int, kind: str) -> CueHit | None:
        """A cue of `kind` that ends right before `pos` (one space, or an opening quote, between:
        "về tội “Giết người”")."""
        for c in self.by_kind.get(kind, ()):
            if pos - 3 <= c.end <= pos and not self.text[c.end:pos].strip(" “\"‘'"):
                return c
        return None

    def _places(self) -> list[tuple[int, int]]:
        """"tại X" / "ở X" up to a comma, extended over ", Country" ("tại thủ đô Vientiane, Lào")."""
        spans = []
        verbs = sorted([a for a, _ in self.triggers] + [c.start for c in self.cues if any(
            k in c.cue.kinds for k in (*SOFT, "passive", "reported", "purpose"))])
        for c in self.by_kind.get("place", ()):
            if self._names_event(c.end):
                continue
            stop = min([_next_stop(self.text, c.end, self.end)] + [v for v in verbs if v > c.end])
            while True:
                nxt = next((m for m in self.mentions if m.kind in ("country", "location")
                            and self.text[stop:m.start].strip() == ","), None)
                if nxt is None:
                    break
                tail = _next_stop(self.text, nxt.end, self.end)
                rest = self.text[nxt.end:tail]
                if rest.strip() and not any(t.start >= nxt.end and t.end <= tail for t in self.times):
                    break
                stop = nxt.end
            spans.append((c.start, stop))
        return spans

    def _names_event(self, pos: int) -> bool:
        """"tại cuộc gặp", "tại hội đàm", "tại đây": a place cue before an event or a pronoun."""
        rest = self.text[pos:pos + 40].lstrip()
        start = pos + (len(self.text[pos:pos + 40]) - len(rest))
        if any(a == start for a, _ in self.triggers):
            return True
        return any(c.start == start for kind in ("nominal", "deixis") for c in self.by_kind.get(kind, ()))

    def _internal(self) -> set[int]:
        """Countries and organisations written inside a person's title, before or after the name."""
        out: set[int] = set()
        persons = [m for m in self.mentions if m.kind == "person"]
        for m in self.mentions:
            if m.kind == "person":
                continue
            before = [p for p in persons if p.end <= m.start]
            if before and not self._trigger_in(before[-1].end, m.start) and \
                    appositive(self.text[before[-1].end:m.start], allow_bare=False):
                out.add(id(m))
                continue
            after = [p for p in persons if p.start >= m.end]
            if after and title_words(self.text[m.end:after[0].start]):
                out.add(id(m))
        return out

    def _media(self) -> set[int]:
        """Outlets that report ("báo Jakarta Post", "hãng tin Reuters", "mạng xã hội Twitter")."""
        out: set[int] = set()
        for c in self.by_kind.get("media", ()):
            for m in self.mentions:
                if c.start == m.start or c.has("media", "before") and c.end <= m.start <= c.end + 1:
                    out.add(id(m))
        return out

    # --- gaps -------------------------------------------------------------------------------

    def _trigger_in(self, a: int, b: int) -> bool:
        return any(a <= s and e <= b for s, e in self.triggers)

    def transparent(self, a: int, b: int) -> bool:
        """Can a subject ending at `a` govern a verb starting at `b`?"""
        if self._trigger_in(a, b):
            return False
        inside = [c for c in self.cues if a <= c.start and c.end <= b]
        for c in inside:
            kinds = c.cue.kinds
            if ("and" in kinds or "with" in kinds or "relative" in kinds) and not any(k in kinds for k in SOFT):
                rest = self.text[c.end:b].strip()
                if not rest or not rest[0].isupper():
                    return False
        chars = list(self.text[a:b])
        for c in inside:
            if any(k in c.cue.kinds for k in SOFT):
                chars[c.start - a:c.end - a] = " " * (c.end - c.start)
            elif "instrument" in c.cue.kinds and "," not in self.text[c.start:b]:
                chars[c.start - a:] = " " * (b - c.start)   # "dùng dao rựa chém": the tool is no clause
        for t in self.times:
            if a <= t.start and t.end <= b:
                chars[t.start - a:t.end - a] = " " * (t.end - t.start)
        return appositive("".join(chars), allow_bare=True)

    def transparent_agent(self, a: int, b: int) -> bool:
        """Between a passive cue and its verb: nothing, or an agent ("được Thủ tướng X tiếp",
        "bị cảnh sát bắt", "bị Cơ quan An ninh điều tra Bộ Công an bắt") - a few words with no
        comma and no other trigger."""
        gap = self.text[a:b]
        return "," not in gap and len(gap.split()) <= 12 and not self._trigger_in(a, b)

    def joined(self, left: Mention, right: Mention) -> bool:
        """Are two names coordinated ("A và B", "Việt Nam - Lào", "Mỹ, Anh")?"""
        gap = self.text[left.end:right.start]
        for m in self.mentions:
            if left.end <= m.start and m.end <= right.start:
                if id(m) not in self.internal:
                    return False
                gap = gap.replace(m.surface, " ")
        gap = PARENS.sub(" ", gap).strip()
        low = gap.lower()
        for j in sorted(_joiners(), key=len, reverse=True):
            if low == j or low.startswith(j + " "):
                rest = gap[len(j):].strip()
                return not rest or rest[0].isupper()
        if gap in ("-", "–", ","):
            if gap == "," and self._speaker(right):
                return False   # "... thăm chính thức Nga, TTXVN cho hay": the source, not a party
            return left.kind != "person" and right.kind != "person"
        return False


    def _speaker(self, m: Mention) -> bool:
        return any(m.end < c.start <= m.end + 2 for c in self.by_kind.get("reported", ()))


def _outer(mentions: list[Mention]) -> list[Mention]:
    """Mentions in text order, those nested inside another one dropped."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, a = [], start
    i = text.find(";", start, end)
    while i >= 0:
        out.append((a, i))
        a = i + 1
        i = text.find(";", a, end)
    out.append((a, end))
    return out


def _next_stop(text: str, pos: int, end: int) -> int:
    stops = [i for i in (text.find(",", pos, end), text.find(";", pos, end)) if i >= 0]
    return min(stops) if stops else end


def title_words(gap: str) -> bool:
    """Nothing, or a few words opening with a capital (a rank or title: "Đại tướng",
    "Chủ tịch nước") between two names, with no joining word among them."""
    words = gap.replace(",", " ").split()
    if not words:
        return True
    joiners = _joiners()
    return len(words) <= 6 and words[0][:1].isupper() and not any(w.lower() in joiners for w in words)


@functools.cache
def _joiners() -> frozenset[str]:
    return frozenset(c.phrase for c in lexicon().cues.values() if c.has("and") or c.has("with"))


def appositive(gap: str, allow_bare: bool) -> bool:
    """A gap of appositive titles only: empty, or ", Title, Title" / " - Title - " / "(...)".

    With allow_bare the gap may be empty (a subject right before its verb); without, it must
    open with a comma or a dash (a title after a name)."""
    gap = DASHED.sub(" ", PARENS.sub(" ", " " + gap + " "))
    text = gap.strip()
    if not text:
        return allow_bare
    if text[0] not in ",-–":
        return False
    chunks = [c.strip() for c in re.split(r"[,\-–]", text[1:])]
    if not any(chunks):
        return False   # "A, hội đàm với B": a bare comma lists verbs, it joins no subject
    return all(not c or (c[0].isupper() and len(c.split()) <= 12) for c in chunks)


# --- arguments ---------------------------------------------------------------------------------

def subject(view: View, hit: Hit) -> list[Mention]:
    """The names the verb phrase at hit.head has as subject, with those coordinated before.
    In "B được A tiếp" / "B bị A bắt" the subject is B (hit.passive is set; A is the agent)."""
    clause_start = hit.clause[0]
    stop = hit.head
    passive = view.cues_in(clause_start, hit.head, "passive", "before")
    if passive and view.transparent_agent(passive[-1].end, hit.head):
        stop = passive[-1].start
        hit.passive = True
    found: list[Mention] = []
    parens = [(p.start(), p.end()) for p in PARENS.finditer(view.text, clause_start, stop)]
    for m in reversed([m for m in view.mentions if clause_start <= m.start and m.end <= stop]):
        if not view.usable(m) or any(a < m.start and m.end < b for a, b in parens):
            continue   # "Phạm Cà Ron (40 tuổi, ngụ tỉnh Đồng Tháp) lấy dao đâm": an aside is no subject
        if not view.transparent(m.end, stop):
            break
        found.append(m)
    if not found:
        return []
    head = next((m for m in found if m.kind == "person"), found[0])
    if not hit.passive and _possessor(view, head, clause_start):
        return []   # "Đặc phái viên của Tổng Bí thư X hội kiến ...": the envoy acts, not X; but
        #             "máy bay của Mỹ bị bắn hạ": the owner is what the act was done to
    group = [head]
    earlier = [m for m in view.mentions if clause_start <= m.start and m.end <= head.start and view.usable(m)]
    for m in reversed(earlier):
        if not view.joined(m, group[0]):
            break
        group.insert(0, m)
    return group


def _possessor(view: View, m: Mention, start: int) -> bool:
    """Is the name the owner in "<noun> của <Title> NAME", right before the verb?"""
    for c in reversed(view.cues_in(start, m.start, "possessive")):
        gap = view.text[c.end:m.start]
        return "," not in gap and title_words(gap) and bool(view.text[start:c.start].strip()) and \
            not any(c.end <= o.start and o.end <= m.start for o in view.mentions)
    return False


def agent_of_passive(view: View, hit: Hit) -> list[Mention]:
    """"B được A tiếp": the names between the passive cue and the verb."""
    cues = view.cues_in(hit.clause[0], hit.head, "passive", "before")
    if not cues:
        return []
    return [m for m in view.mentions if cues[-1].end <= m.start and m.end <= hit.head and view.usable(m)]


def agent_after(view: View, hit: Hit) -> list[Mention]:
    """"B bị phá hủy bởi một tên lửa của quân đội X": the agent named after the verb."""
    for c in view.cues_in(hit.end, hit.zone_end or hit.clause[1], "agent", "after"):
        first = next((m for m in view.mentions if c.end <= m.start < (hit.zone_end or hit.clause[1])
                      and view.usable(m)), None)
        if first is not None and _near(view, c.end, first.start):
            return [first]
    return []


def objects(view: View, hit: Hit, end: int) -> list[Mention]:
    """The first name after the verb (a person in apposition preferred), and those joined to it.
    A relative clause ("những thành tựu mà Việt Nam đạt được") ends the object, and the agent of
    a passive inside it ("các nội dung đã được Bộ Quốc phòng phê duyệt") is no object."""
    stop = min([end] + [c.start for c in view.by_kind.get("relative", ()) if hit.end <= c.start < end]
               + [a for a, _ in view.places if a >= hit.end])
    cands = [m for m in view.mentions if hit.end <= m.start and m.end <= stop and view.usable(m)
             and not view.cue_ending(m.start, "passive")]
    if not cands:
        return []
    first = cands[0]
    if hit.trigger.args != "intent" and not _near(view, hit.end, first.start):
        return []   # "thăm nhà máy Koganei ... nhân viên Việt Nam": the object is no name
    if hit.trigger.args != "intent" and not _past_comma(view.text[hit.end:first.start]):
        return []   # "Đến thời điểm PV tiếp xúc, ông X cho biết": the next clause's subject
    if first.kind != "person" and len(cands) > 1 and cands[1].kind == "person":
        gap = view.text[first.end:cands[1].start]
        if title_words(gap) or appositive(gap, allow_bare=False):
            first = cands[1]
    group = [first]
    for m in cands[cands.index(first) + 1:]:
        if not view.joined(group[-1], m):
            break
        group.append(m)
    return group


def _past_comma(gap: str) -> bool:
    """No comma in the gap, or only titles after its last one ("người đồng cấp Lào, Trung tướng")."""
    i = gap.rfind(",")
    return i < 0 or title_words(gap[i + 1:]) and bool(gap[i + 1:].strip())


def _near(view: View, a: int, b: int, most: int = 5) -> bool:
    """Only a few words, titles or a "với"/"cho" between a verb and its object."""
    gap = view.text[a:b]
    for c in view.by_kind.get("with", ()):
        if a <= c.start and c.end <= b:
            gap = gap.replace(view.text[c.start:c.end], " ")
    words = [w for w in gap.replace(",", " ").split() if not w[:1].isupper()]
    return len(words) <= most


def phrase_names(view: View, hit: Hit, end: int) -> list[Mention]:
    """Names inside a nominal trigger's phrase ("cuộc gặp giữa A và B", "chuyến thăm Lào của X");
    bodies of no country ("ASEAN") only when nothing else is named."""
    stops = [c.start for k in ("place", "relative") for c in view.by_kind.get(k, ()) if c.start >= hit.end]
    stops += [t.start for t in view.times if t.start >= hit.end]
    stop = min([end, *stops])
    names: list[Mention] = []
    last = hit.end
    for m in view.mentions:
        if hit.end <= m.start and m.end <= stop and view.usable(m):
            joined = bool(names) and view.joined(names[-1], m)
            if not joined and not _near(view, last, m.start, 8 if not names else 4):
                break   # "Cuộc tấn công của Tripoli không làm thay đổi quan điểm của Nga": the phrase ended
            gap = view.text[last:m.start]
            comma = last + gap.find(",")
            if not joined and comma >= last and (names or not view.text[last:comma].strip()
                                                 or any(last <= x.start < comma for x in view.mentions)):
                break   # "Trong chuyến thăm Nhật Bản, Thủ tướng X ...", "Tại buổi họp, ông X": the main clause
            names.append(m)
            last = m.end
    placed = [m for m in names if m.country or m.kind == "person"]
    return placed or names


def place(view: View, hit: Hit) -> str | None:
    """The place phrase nearest the trigger in its clause: its location, else its words up to the
    first name in it ("Trụ sở Bộ Quốc phòng Lào")."""
    a, b = hit.clause[0], hit.zone_end or hit.clause[1]
    spans = [(s, e) for s, e in view.places if a <= s < b]
    if not spans:
        return None
    s, e = min(spans, key=lambda se: abs(se[0] - hit.start))
    inside = [m for m in view.mentions if s <= m.start and m.end <= e]
    for m in inside:
        if m.kind == "location":
            return m.name
    cue = next(c for c in view.cues if c.start == s)
    if inside:
        return " ".join(view.text[cue.end:inside[0].end].split()) or None
    words = view.text[cue.end:e]
    for t in view.times:
        if cue.end <= t.start < e:
            words = view.text[cue.end:t.start]
    words = words.strip(" ,.")
    return " ".join(words.split()[:6]) if words[:1].isupper() else None


def place_host(view: View, hit: Hit) -> Mention | None:
    """The country (or a place of one) in the place phrase nearest the trigger: who hosts a visit
    made "tại Indonesia", "ở Manila"."""
    a, b = hit.clause[0], hit.zone_end or hit.clause[1]
    spans = [(s, e) for s, e in view.places if a <= s < b]
    if not spans:
        return None
    s, e = min(spans, key=lambda se: abs(se[0] - hit.start))
    return next((m for m in view.mentions if s <= m.start and m.end <= e and m.kind in ("country", "location")
                 and m.country), None)


def time_of(view: View, hit: Hit, subject_start: int | None) -> TimeExpr | None:
    """The time expression that dates the trigger: after it in its phrase, between subject and
    verb, fronted before the subject ("Sáng 2/6, A tiếp B"), or trailing the clause (", sáng 2/6.").
    A noun's time may come after its predicate ("Cuộc gặp ... diễn ra vào ngày mai")."""
    a, b = hit.clause
    times = [t for t in view.times if a <= t.start and t.end <= b and (hit.nominal or not view.bracketed(t))]
    if not times:
        return None
    after = [t for t in times if hit.end <= t.start < hit.zone_end
             and (hit.nominal or _same_phrase(view.text[hit.end:t.start]))]
    if after:
        return after[0]
    left = subject_start if subject_start is not None else _segment_start(view.text, a, hit.head)
    between = [t for t in times if left <= t.start and t.end <= hit.head]
    if between:
        return between[-1]
    if subject_start is not None:
        fronted = [t for t in times if t.end <= subject_start]
        if fronted:
            return fronted[-1]
    last = times[-1]
    if last.start >= hit.end and not view.text[last.end:b].strip(" .") and \
            view.text[_segment_start(view.text, a, last.start):last.start].strip() == "":
        return last
    return None


def _same_phrase(gap: str) -> bool:
    """No comma between, or only appositive titles ("với X, Thứ trưởng Bộ Y vào sáng 9/10")."""
    i = gap.find(",")
    return i < 0 or appositive(gap[i:], allow_bare=False)


def _segment_start(text: str, a: int, pos: int) -> int:
    i = text.rfind(",", a, pos)
    return a if i < 0 else i + 1
