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

import bisect

from ...lexicon import types as event_types
from ...records import Mention, Sentence, TimeExpr
from .topics import topic_spans
from .gaps import PARENS, appositive, honorifics, title_words
from .view import Hit, View

JOINING = ("adverb", "plan", "negation", "light", "intent")   # cue kinds a verb's subject passes over
MARKED = 10       # words between a verb and an object "cho"/"với" marks (event_cues kind party)
OWNER_WORDS = 6   # ... and the noun a charge names before its owner ("chỉ trích thái độ ... của X")
OWNED = event_types.governs_nouns()   # "chỉ trích thái độ ... của X": X is charged


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
    found = found or _before_apposition(view, clause_start, stop)
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


def _before_apposition(view: View, start: int, stop: int) -> list[Mention]:
    """"Bộ trưởng A, đặc phái viên của Tổng Bí thư B, hội kiến C": an apposition saying whose envoy
    the subject is, set off by commas before the verb, leaves the subject before it."""
    second = view.text.rfind(",", start, stop)
    if second < 0 or blank_soft(view, second + 1, stop):
        return []
    first = view.text.rfind(",", start, second)
    if first < 0 or not view.cues_in(first, second, "possessive") or view.text[first + 1:first + 3].strip()[:1].isupper():
        return []
    before = [m for m in view.mentions if start <= m.start and m.end <= first and view.usable(m)]
    return before[-1:] if before and not view.text[before[-1].end:first].strip() else []


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
    topics = topic_spans(view, hit, stop)
    cands = [m for m in view.mentions if hit.end <= m.start and m.end <= stop and view.usable(m)
             and not view.cue_ending(m.start, "passive") and not any(a <= m.start < b for a, b in topics)]
    if not cands:
        return []
    first = cands[0]
    if hit.trigger.args != "intent" and not _near(view, hit.end, first.start) and not _marked(view, hit, first):
        return []   # "thăm nhà máy Koganei ... nhân viên Việt Nam": the object is no name
    if hit.trigger.args != "intent" and not _past_comma(view.text[hit.end:first.start]):
        return []   # "Đến thời điểm PV tiếp xúc, ông X cho biết": the next clause's subject
    if first.kind != "person" and len(cands) > 1 and cands[1].kind == "person" and \
            not (first.kind == "country" and cands[1].country not in (None, first.country)):
        gap = view.text[first.end:cands[1].start]   # not another state's person: "thăm Saudi Arabia, Đại giáo chủ Iran X ..."
        if title_words(gap) or appositive(gap, allow_bare=False):
            first = cands[1]
    return view.run_from(first, cands[cands.index(first) + 1:])


def declared(view: View, h: Hit) -> tuple[list[Mention], list[Mention]]:
    """"A coi B là "người không được chào đón"": the first name of the clause declares, the last
    one before the trigger is declared ("B được A coi là ..." is read the same way round)."""
    before = [m for m in view.mentions if h.clause[0] <= m.start and m.end <= h.head
              and (view.usable(m) or m.kind == "person" and not view.quoted(m.start))]   # a person is no place
    return before[:1], before[1:][-1:]


def _marked(view: View, hit: Hit, first: Mention) -> bool:
    """"trao huân chương Hữu nghị cao quý đầu tiên của nước này cho Tổng thống X", "chỉ trích thái độ
    bất tuân luật pháp của Trung Quốc": a name farther from the verb is its object when "cho"/"với"
    marks it as the other party (event_cues kind party; not "giữa", which names the two sides of a
    noun), or "của" the owner of what a charge or a denial names; no comma or second verb between."""
    cues = [c for c in view.cues_in(hit.end, first.start, "with") if c.has("party") or c.has("possessive")]
    if not cues or "," in view.text[hit.end:first.start] or view.cues_in(hit.end, first.start, "and"):
        return False   # "kêu gọi điều tra và có động thái ngoại giao với X": a second verb's
    cue = cues[-1]   # titles may stand between it and the name ("cho Tổng thống Nga Vladimir Putin")
    words = len(view.text[hit.end:cue.start].split())
    if cue.has("possessive"):
        return hit.trigger.type in OWNED and words <= OWNER_WORDS and title_words(view.text[cue.end:first.start])
    return words <= MARKED and title_words(view.text[cue.end:first.start])


def _past_comma(gap: str) -> bool:
    """No comma in the gap, or only titles after its last one ("người đồng cấp Lào, Trung tướng")."""
    i = gap.rfind(",")   # an honorific after it opens the next clause: "tiếp xúc, ông X cho biết"
    return i < 0 or title_words(gap[i + 1:]) and bool(gap[i + 1:].strip()) and gap[i + 1:].split()[0] not in honorifics()


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
    stops = [c.start for k in ("place", "relative", "subordinate") for c in view.by_kind.get(k, ()) if c.start >= hit.end
             and not any(a <= c.start < b for a, b in view.titled)]   # not "Đại sứ Trung Quốc ở Philippines X"
    stops += [t.start for t in view.times if t.start >= hit.end and not _phrase_goes_on(view, t.end)]
    stop = min([end, *stops])
    names: list[Mention] = []
    last = hit.end
    inside = [(t.start, t.end) for t in view.times if hit.end <= t.start and t.end <= stop]
    topics = topic_spans(view, hit, stop)   # "cuộc điện đàm về vấn đề Triều Tiên giữa A và B": what was discussed
    for m in view.mentions:
        if hit.end <= m.start and m.end <= stop and view.usable(m) and not any(a <= m.start < b for a, b in topics):
            if any(last <= a and b <= m.start for a, b in inside):
                last = max(b for a, b in inside if last <= a and b <= m.start)   # "chuyến thăm hồi tháng 3 của X"
            joined = bool(names) and view.joined(names[-1], m)
            if not joined and not _near(view, last, m.start, 8 if not names else 4):
                break   # "Cuộc tấn công của Tripoli không làm thay đổi quan điểm của Nga": the phrase ended
            gap = view.text[last:m.start]
            comma = last + gap.find(",")
            if not joined and comma >= last and (names or not view.text[last:comma].strip()
                                                 or any(last <= x.start < comma for x in view.mentions)
                                                 or view.cue_after(m.end, "reported") is not None):
                break   # "Trong chuyến thăm Nhật Bản, Thủ tướng X ...", "Tại buổi họp, ông X": the main clause;
                #         "cuộc gặp giữa hai lãnh đạo, nhưng Tổng thống X tuyên bố": X speaks in a clause of his own
            names.append(m)
            last = m.end
    placed = [m for m in names if m.country or m.kind == "person"]
    return placed or names


def inviters(view: View, hit: Hit) -> list[Mention]:
    """"thăm chính thức Việt Nam từ ngày 1 - 3.5, theo lời mời của Thủ tướng X": who invited the
    visit (the names right after the cue, with those joined to them) - its hosts."""
    for c in view.cues_in(hit.end, view.end, "inviter"):
        after = [m for m in view.mentions if c.end <= m.start and view.usable(m)]
        if not after or not _near(view, c.end, after[0].start, 3):
            return []
        return view.run_from(after[0], after[1:])
    return []


def _phrase_goes_on(view: View, at: int) -> bool:
    """A time inside a noun phrase ("chuyến thăm Bắc Kinh hồi tháng 3 vừa qua của ông X", "cuộc gặp
    hồi tháng 6 giữa A và B"): a party cue right after it continues the phrase."""
    rest = len(view.text[at:at + 3]) - len(view.text[at:at + 3].lstrip())
    return any(c.start == at + rest for c in view.by_kind.get("with", ()))


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
    left = subject_start if subject_start is not None else segment_start(view.text, a, hit.head)
    between = [t for t in times if left <= t.start and t.end <= hit.head]
    if between:
        return between[-1]
    if subject_start is not None:
        fronted = [t for t in times if t.end <= subject_start]
        if fronted:
            return fronted[-1]
    last = times[-1]
    if last.start >= hit.end and not view.text[last.end:b].strip(" .") and \
            view.text[segment_start(view.text, a, last.start):last.start].strip() == "":
        return last
    return None


def _same_phrase(gap: str) -> bool:
    """No comma between, or only appositive titles ("với X, Thứ trưởng Bộ Y vào sáng 9/10")."""
    i = gap.find(",")
    return i < 0 or appositive(gap[i:], allow_bare=False)


def segment_start(text: str, a: int, pos: int) -> int:
    i = text.rfind(",", a, pos)
    return a if i < 0 else i + 1


def sentence_subject(view: View, s: Sentence, clause_start: int) -> list[Mention]:
    """The opening name of the sentence (or of the clause), for a clause after ";" or a purpose
    ("...; thống nhất ...", "Nga điều máy bay tới Syria để không kích ..."), after what a speaker
    says ("Tướng A cho hay, RTP sẽ ... để yêu cầu ..." has no name for a subject)."""
    said = [c.end for c in view.by_kind.get("reported", ()) if c.end <= clause_start or c.start >= clause_start]
    for start in (clause_start, s.start):
        start = max([start] + [e for e in said if e >= start])
        first = next((m for m in view.mentions if m.start >= start and view.usable(m)), None)
        lead = min([first.start] + [a for a, b in view.titled if b == first.start and a >= start]) if first else 0
        if first is not None and title_words(view.text[start:lead]):   # the words before its title
            return [first]
    return []


def postposed_subject(view: View, h: Hit) -> list[Mention]:
    """"Chào xã giao Thủ tướng X, Đại tướng Y thông tin ...": a clause-initial verb whose subject
    follows its object after a comma."""
    text = view.text
    for c in range(h.end, h.clause[1]):
        if text[c] != ",":
            continue
        m = next((m for m in view.mentions if m.start > c and view.usable(m)), None)
        if m is not None and m.end <= h.clause[1] and title_words(text[c + 1:m.start]) and \
                m.kind in ("person", "organization"):
            nxt = next((n for n in view.mentions if n.start > m.end and view.usable(n)), None)
            if text[m.end:m.end + 2].strip()[:1] == "," and nxt is not None and nxt.kind == "person" and \
                    title_words(text[text.index(",", m.end) + 1:nxt.start]):
                continue   # "gửi Tổng Bí thư, Chủ tịch nước A, Tổng thống B bày tỏ": A closes the object's titles
            return [m]
        return []
    return []


def country_reference(view: View, h: Hit, subj: list[Mention]) -> list[Mention]:
    """"... thăm chính thức nước này": "nước này", "quốc gia này" right after the verb stand for the
    last country named before them (in this sentence or the two before), not the subject's."""
    cue = next((c for c in view.cues_in(h.end, h.zone_end or h.clause[1], "reference")
                if not view.text[h.end:c.start].strip()), None)
    if cue is None:
        return []
    own = {m.country for m in subj}
    before = [m for m in view.countries if m.end <= cue.start and m.sentence >= view.sentence - 2
              and m.country not in own]
    return before[-1:]


def framed(view: View, h: Hit) -> bool:
    """"Cũng trong sáng nay, tiếp Phó đô đốc X, Đại tướng Y đánh giá cao ...": a verb right after a
    comma that closes a frame of times and adverbs opens its clause (its subject may follow)."""
    seg = part_start(view.text, h.clause[0], h.head)
    if seg == h.clause[0] or view.text[seg:h.head].strip():
        return False
    # what ends at seg - 1 is the frame's words, the separator at seg - 1 stays as written
    frame = view.masked(h.clause[0], seg - 1, ("and", "nominal", "place", *JOINING), times=True)
    return not (frame + view.text[seg - 1]).strip(" ,")


def subordinate(view: View, h: Hit) -> bool:
    """Does the verb open a "sau khi"/"trước khi" part with nothing but soft words before it?"""
    seg = part_start(view.text, h.clause[0], h.head)
    cues = view.cues_in(seg, h.head, "subordinate")
    return bool(cues) and not view.text[seg:cues[0].start].strip() and not blank_soft(view, cues[-1].end, h.head)


def subordinate_verb(view: View, h: Hit) -> bool:
    """Is the trigger the verb of a "khi"/"sau khi" part with no subject of its own: right after the
    cue (soft words between), no passive after it ("sau khi hội nghị thượng đỉnh ... bị đình trệ" has
    a noun for subject)? It is the main clause's subject's act, not what that clause's words say."""
    cues = view.cues_in(h.clause[0], h.head, "subordinate")
    if not cues or blank_soft(view, cues[-1].end, h.head):
        return False
    stop = view.text.find(",", h.end, h.clause[1])
    return not view.cues_in(h.end, h.clause[1] if stop < 0 else stop, "passive")


def after_main(view: View, h: Hit) -> bool:
    """Is the verb that of a subordinate part told after its main clause ("Thủ tướng A đề nghị ..., khi
    hội đàm với B", "A nêu 4 đề xuất khi hội kiến B")? Its subject is the main clause's, named before."""
    cue = view.cues_in(h.clause[0], h.head, "subordinate")
    return subordinate_verb(view, h) and \
        any(h.clause[0] <= m.start and m.end <= cue[-1].start and view.usable(m) for m in view.mentions)


def pronoun_subject(view: View, s: Sentence, h: Hit) -> list[Mention]:
    """"Ông Phẩm ... . Sau đó, ông đã gặp X": a pronoun opening the verb's segment stands for the
    last person named before it, in this sentence or the two before (not "ông Phẩm", a title)."""
    passive = view.cues_in(h.clause[0], h.head, "passive", "before") if h.passive else []
    verb = passive[-1].start if passive else h.head   # "Ông bị khởi tố": the pronoun is the patient
    for c in reversed(view.cues_in(h.clause[0], verb, "pronoun")):
        text = view.text
        after = text[c.end:c.end + 2].strip()
        if after[:1].isupper() or not view.transparent(c.end, verb):
            return []
        seg = part_start(text, h.clause[0], c.start)
        lead = blank_soft(view, seg, c.start)
        if lead or text[c.start].isupper() and text[view.start:c.start].strip(" \"“(") and \
                text[view.start:c.start].rstrip()[-1:] not in ",:;":
            return []   # "đánh ông", "nước Anh": an object, or a name
        persons = view.antecedents
        i = bisect.bisect_left([m.start for m in persons], c.start) - 1
        if i >= 0 and persons[i].sentence >= s.index - 2 and persons[i].end <= c.start:
            return [persons[i]]
        return []
    return []


def part_start(text: str, a: int, pos: int) -> int:
    """Where the part of the sentence holding `pos` starts: after the last comma, colon or opening
    quote (segment_start: after the last comma)."""
    i = max(text.rfind(",", a, pos), text.rfind(":", a, pos), text.rfind("“", a, pos), text.rfind("\"", a, pos))
    return a if i < 0 else i + 1


def blank_soft(view: View, a: int, b: int) -> str:
    """The words between a and b that are not adverbs, joining words or times."""
    return view.masked(a, b, ("and", *JOINING), times=True).strip(" ,")
