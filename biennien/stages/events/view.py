"""What the argument finders see of one sentence (`View`: its mentions, cues, times and clauses)
and of one trigger in it (`Hit`); the gap-word tests they share (`title_words`, `appositive`) are
in gaps.py. Split from arguments.py so that the finders read as a list of rules over this view."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ...lexicon.events import Cue, Trigger, finditer, lexicon
from ...records import Mention, TimeExpr
from .gaps import PARENS, ands, ands_words, appositive, honorifics, joiners_longest_first, spouses, title_words

SEMICOLON = re.compile(";")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
SOFT = ("adverb", "plan", "intent", "negation", "light")  # cue kinds a subject-verb gap may hold
DOCUMENT_WORDS = 9   # "Thoả thuận trao đổi hậu cần (LEMOA)": words from a document cue to its abbreviation


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
    owned: bool = False         # a noun with its owner after it ("đề nghị của X"): it governs as its verb would
    object_end: int = 0         # past a document it acts on ("ký một thoả thuận với X"): where its objects end


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
        self.documents: frozenset[str] = frozenset()   # names of agreements and plans (documents())
        self.carried: TimeExpr | None = None    # the time the sentence before opened with (dating.carried_time)
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
        self.titled = [(c.at, m.start) for m in self.mentions if m.kind == "person" for c in m.title_claims
                       if c.at is not None and start <= c.at < m.start and not self._trigger_in(c.at, m.start)]
        self.places = self._places()   # titled: the spans of titles before their person ("Đại sứ Mỹ tại VN X")
        self.asides = self._asides()
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
        return id(m) not in self.internal and not self.in_place(m) and not self.quoted(m.start) and \
            not any(a <= m.start and m.end <= b for a, b in self.asides) and m.name not in self.documents

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

    def cue_after(self, pos: int, kind: str) -> CueHit | None:
        """A cue of `kind` that starts right after `pos`, a space between ("đề nghị của X")."""
        return next((c for c in self.by_kind.get(kind, ()) if pos < c.start <= pos + 2
                     and not self.text[pos:c.start].strip()), None)

    def _places(self) -> list[tuple[int, int]]:
        """"tại X" / "ở X" up to a comma, extended over ", Country" ("tại thủ đô Vientiane, Lào")."""
        spans = []
        verbs = sorted([a for a, _ in self.triggers] + [c.start for c in self.cues if any(
            k in c.cue.kinds for k in (*SOFT, "passive", "reported", "purpose"))])
        for c in self.by_kind.get("place", ()):
            if self._names_event(c.end) or any(a <= c.start < b for a, b in self.titled):
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

    def _asides(self) -> list[tuple[int, int]]:
        """"X cùng đoàn đại biểu cấp cao Việt Nam", "X và phu nhân", "rời thủ đô Hà Nội": the
        company a subject travels with and the place it leaves take no part in the verb after
        them (event_cues kind aside; where after: the name a few words on is in the aside too)."""
        spans = []
        for c in self.by_kind.get("aside", ()):
            end = c.end
            nxt = next((m for m in self.mentions if m.start >= c.end), None)
            if c.has("aside", "after") and nxt is not None and nxt.end <= self.end:
                gap = self.text[c.end:nxt.start]
                if len(gap.split()) <= 4 and not any(x in gap for x in ",;(") and \
                        not any(c.end <= a < nxt.start for a, _ in self.triggers):
                    end = nxt.end
            spans.append((c.start, end))
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
            after = [p for p in persons if p.start >= m.end]   # not "Lào, Palestine chúc mừng Tổng Bí thư X"
            if after and title_words(self.text[m.end:after[0].start]) and not self._trigger_in(m.end, after[0].start) \
                    and not ("," in self.text[m.end:after[0].start] and self._object_of_trigger(m)):
                out.add(id(m))
            elif any(a <= m.start and m.end <= b for a, b in self.titled):
                out.add(id(m))   # inside a title the person's own claims span ("Đại sứ Đặc mệnh toàn quyền Mỹ tại VN X")
        return out

    def _object_of_trigger(self, m: Mention) -> bool:
        """"chuyến thăm Singapore, Thủ tướng X": a name right after a trigger, a comma after it, is the
        trigger's, not a word of the title after the comma ("Chủ tịch Thượng viện Campuchia, Chủ tịch ...")."""
        return any(e <= m.start and not self.text[e:m.start].strip() for _, e in self.triggers)

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
        for pa, pb in self.asides:   # "X cùng đoàn đại biểu Việt Nam lên đường": who travels with it
            if a <= pa < b:
                chars[pa - a:min(pb, b) - a] = " " * (min(pb, b) - pa)
        for pa, pb in self.places:   # "Đại sứ quán Nga tại London cáo buộc ...": where the subject is
            if a <= pa < b and not self.text[a:pa].strip():
                chars[pa - a:min(pb, b) - a] = " " * (min(pb, b) - pa)
        return appositive("".join(chars), allow_bare=True)

    def transparent_agent(self, a: int, b: int) -> bool:
        """Between a passive cue and its verb: nothing, or an agent ("được Thủ tướng X tiếp",
        "bị cảnh sát bắt", "bị Cơ quan An ninh điều tra Bộ Công an bắt") - a few words with no
        comma, no other trigger, and no clause of its own ("Động thái được đưa ra sau khi Bình Nhưỡng
        tuyên bố đã sẵn sàng ...": the passive is "đưa ra"'s)."""
        gap = self.text[a:b]
        return "," not in gap and len(gap.split()) <= 12 and not self._trigger_in(a, b) and \
            not any(a <= c.start and c.end <= b for k in ("subordinate", "reported", "purpose")
                    for c in self.by_kind.get(k, ()))   # "X được cử sang Y để đàm phán": "được" is "cử"'s

    def masked(self, a: int, b: int, kinds: tuple[str, ...], times: bool = False) -> str:
        """The text between a and b with the cues of these kinds (and the times, with `times`)
        blanked out."""
        chars = list(self.text[a:b])
        spans = [(c.start, c.end) for c in self.cues
                 if a <= c.start and c.end <= b and any(k in c.cue.kinds for k in kinds)]
        spans += [(t.start, t.end) for t in self.times if a <= t.start and t.end <= b] if times else []
        for x, y in spans:
            chars[x - a:y - a] = " " * (y - x)
        return "".join(chars)

    def run_from(self, first: Mention, after: list[Mention]) -> list[Mention]:
        """`first` and the names of `after` (those following it, in order) coordinated with it one
        by one ("A, B và C"), up to the first that is not."""
        group = [first]
        for m in after:
            if not self.joined(group[-1], m):
                break
            group.append(m)
        return group

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
        for j in joiners_longest_first():
            if low == j or low.startswith(j + " "):
                rest = gap[len(j):].strip()
                return not rest or rest[0].isupper() or rest.lower() in honorifics() or rest[0].isalpha() and title_words(rest) \
                    or self.spouse(left, right)   # "A và ông B", "A và lãnh đạo X B", "A cùng phu nhân B"
        if gap in ("-", "–", ","):
            if gap == "," and self._speaker(right):
                return False   # "... thăm chính thức Nga, TTXVN cho hay": the source, not a party
            return left.kind != "person" and right.kind != "person"
        if gap.startswith(",") and left.kind == right.kind == "country" and gap[1:].strip() and title_words(gap[1:]):
            return not self._speaker(right)   # "Ngoại trưởng Mỹ, ngoại trưởng Australia, ...": each state's holder
        return gap.startswith(",") and self._listed(left, right, gap[1:])

    def spouse_names(self) -> frozenset[str]:
        """The persons of the sentence named as the spouse of the person before them."""
        return frozenset(b.name for a, b in zip(self.mentions, self.mentions[1:]) if self.spouse(a, b))

    def spouse(self, left: Mention, right: Mention) -> bool:
        """"A và phu nhân B", "A cùng Đệ nhất phu nhân B": B is A's spouse, at A's side."""
        gap = self.text[left.end:right.start].strip().lower()
        return left.kind == right.kind == "person" and any(
            gap.startswith(j + " ") and gap[len(j):].strip() in spouses() for j in ands_words())

    def _listed(self, left: Mention, right: Mention, title: str) -> bool:
        """"hội kiến với Chủ tịch nước A, Chủ tịch Quốc hội B.": persons each with a title, listed
        with commas up to the end of the clause or a "và" (not "A, Bộ trưởng B cho biết")."""
        rest = self.text[right.end:right.end + 4].lstrip()
        return left.kind == right.kind == "person" and bool(title.strip()) and title_words(title) and \
            bool(left.titles) and (not rest or rest[0] in ",.;" or rest.lower().startswith(ands()))

    def _speaker(self, m: Mention) -> bool:
        return any(m.end < c.start <= m.end + 2 for c in self.by_kind.get("reported", ()))


def documents(text: str, low: str, padded: str, mentions: list[Mention]) -> frozenset[str]:
    """Agreements, plans and codes named as such ("Hiệp định Đối tác Xuyên Thái Bình Dương", "Thoả
    thuận trao đổi hậu cần (LEMOA)"): a name a document cue opens, or the abbreviation in brackets
    after the words it opens, names a document wherever the article uses it, never a party (the
    gold's parties are persons and states). The article is read for the cues only when one of
    their spellings is in it."""
    if not any(p in low for p in _document_phrases()):
        return frozenset()
    lex = lexicon()
    out = set()
    for a, b, _ in (c for c in finditer(lex.cue_re, low, padded=padded) if lex.cues[c[2]].has("document")):
        for m in mentions:
            gap = text[b:m.start]
            if a == m.start or b < m.start and gap.rstrip().endswith("(") and \
                    not any(x in gap[:-1] for x in ",;:().") and len(gap.split()) <= DOCUMENT_WORDS:
                out.add(m.name)
    return frozenset(out)


@functools.cache
def _document_phrases() -> tuple[str, ...]:
    """The spellings of the cues of kind `document` (event_cues.tsv)."""
    return tuple(p for p, c in lexicon().cues.items() if c.has("document"))


def _outer(mentions: list[Mention]) -> list[Mention]:
    """Mentions in text order, those nested inside another one dropped."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start - 1] + [m.start() for m in SEMICOLON.finditer(text, start, end)] + [end]
    return [(a + 1 if k else start, b) for k, (a, b) in enumerate(zip(cuts, cuts[1:]))]


def _next_stop(text: str, pos: int, end: int) -> int:
    stops = [i for i in (text.find(",", pos, end), text.find(";", pos, end)) if i >= 0]
    return min(stops) if stops else end
