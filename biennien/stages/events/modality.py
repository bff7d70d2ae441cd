"""Whether a trigger reports something that happened, and whether an article is news at all.

Rows of resources/vi/event_cues.tsv of kinds condition ("nếu", "trong trường hợp"), possibility
("có thể", "có khả năng"; "giả định" right after an act's noun), prohibition ("cấm"), generic ("mỗi khi", "được gọi là") and question
("liệu", "hay không") mark a trigger after them, in its part of the sentence, as nothing that happened; so do a
sentence ending in "?" and a habit word right before the trigger ("từng", "luôn", "thường xuyên"),
and kinds background ("trong bối cảnh", "giữa lúc") and relative ("mà") when that part gives the
act no date of its own, as do a subordinate or a case word ("sau khi", "vụ việc") before a passive
that names no doer.
Kind fiction ("câu đố", "truyện ngắn") in the title or the first sentence marks a quiz, a puzzle or
a story: no events at all; kind accident ("mất lái", "lái xe") before an attack word makes it a
crash, not an attack. Kinds reported ("cho biết", "khẳng định") and according
("Theo X, ...") mark what a trigger reports as said by someone, whose intent an AGREE may state.
"""
from __future__ import annotations

from ...lexicon import types as event_types
from ...lexicon.events import finditer, lexicon
from ...records import Article, Sentence
from .arguments import agent_after, agent_of_passive, blank_soft, segment_start, subject
from .article import Draft, participant
from .view import CueHit, Hit, View

GOVERNING = event_types.governing()   # speech acts: what follows them is what they say or ask
IRREALIS = ("condition", "possibility", "generic", "prohibition")   # cue kinds: the trigger after them did not happen
QUOTE_ENDS = " \"”'’)"


def irrealis(view: View, h: Hit) -> bool:
    """A conditional, a possibility or a habit ("Nếu X tấn công, ...", "có khả năng đánh chặn các
    cuộc tấn công", "mỗi khi"), or a question: the trigger reports nothing that happened. A
    question asked only after a request, an agreement or a charge is what that act asks or says
    ("A đề nghị B xem xét liệu có thể ... hay không"): the act happened."""
    seg = segment_start(view.text, h.clause[0], h.head)
    if any(view.cues_in(seg, h.head, kind) for kind in IRREALIS) or view.cue_ending(h.head, "habit"):
        return True   # ... or a habit, a stance, a past told as background: "từng thăm", "luôn sẵn sàng"
    if (c := view.cue_after(h.end, "possibility")) is not None and c.has("possibility", "after"):
        return True   # "một cuộc tấn công giả định của Trung Quốc": an act supposed, not one that happened
    if background(view, h, seg):
        return True
    questions = view.by_kind.get("question", ())
    if h.trigger.type in GOVERNING and not h.nominal and questions and all(q.start >= h.end for q in questions):
        return False   # "đề nghị X xem xét liệu ... hay không": the question is what the request asks
    return bool(questions) or view.text[view.start:view.end].rstrip(QUOTE_ENDS).endswith("?")


def background(view: View, h: Hit, seg: int) -> bool:
    """"Tuyên bố được đưa ra trong bối cảnh Mỹ triển khai lực lượng ...", "giữa lúc Mỹ - Hàn tập trận":
    an act in the part of the sentence a background cue opens is the setting of the news, unless that
    part dates it ("trong bối cảnh Nga tấn công Ukraine hôm 24/2": dated, an event). So is an act a
    relative clause tells of the thing it names ("các nguyên tắc mà lãnh đạo hai nước đã thỏa thuận";
    "Hiệp định mà hai nước ký kết năm 2000" is dated: an event)."""
    cues = sorted(view.cues_in(seg, h.head, "background") + view.cues_in(seg, h.head, "relative"), key=lambda c: c.start)
    return _undated_part(view, h, cues) or told_in_passing(view, h, seg)


def told_in_passing(view: View, h: Hit, seg: int) -> bool:
    """"sau khi nhà báo Khashoggi bị sát hại", "liên quan đến vụ việc sinh viên Mỹ bị bắt": a passive
    naming no one who did it, in a part a subordinate or a case word opens, tells a known act in
    passing (the story tells it, or it is background), unless that part dates it ("khi Kim Chol bị
    sát hại ở sân bay hôm 13/2": an event)."""
    if not h.passive or agent_of_passive(view, h) or agent_after(view, h):
        return False
    cues = sorted((c for c in view.cues_in(seg, h.head, "subordinate") + view.cues_in(seg, h.head, "case")
                   if view.cue_after(c.end, "demonstrative") is None), key=lambda c: c.start)   # "việc này": no clause
    return _undated_part(view, h, cues)


def _undated_part(view: View, h: Hit, cues: list[CueHit]) -> bool:
    """The part the first of the cues opens gives the act no time of its own."""
    return bool(cues) and not any(cues[0].end <= t.start < h.clause[1] for t in view.times)


def negates(view: View, c: CueHit, h: Hit) -> bool:
    """A negation reaches past a comma only along a list of acts it negates ("hủy thăm X, gặp Y",
    "không bắt giữ, thu giữ ..."); a part it closes without an act is its own ("Không thể trả nợ,
    X bị bắt": the arrest happened)."""
    comma = view.text.find(",", c.end, h.head)
    return comma < 0 or any(c.end <= a and b <= comma for a, b in view.triggers)


def accident(view: View, a: int) -> bool:
    """"Ông X lái xe đâm vào hai xe máy": an attack word after a cue of driving or a crash in its
    part of the sentence reports an accident, not an attack."""
    seg = segment_start(view.text, view.clause_of(a)[0], a)
    return bool(view.cues_in(seg, a, "accident"))


def not_news(article: Article, sentences: list[Sentence], low: str, padded: str) -> bool:
    """A quiz, a puzzle or a story: a fiction cue in the title or the first sentence."""
    lex = lexicon()
    first = next((s for s in sentences if not s.is_caption), sentences[0])
    spans = [(first.start, first.end)] + [(z.start, z.end) for z in article.zones if z.kind == "title"]
    return any(lex.cues[p].has("fiction") for a, b in spans for _, _, p in finditer(lex.cue_re, low, a, b, padded))


def reported(view: View, s: Sentence, h: Hit) -> bool:
    """"Theo X, ..." opening the sentence, or a verb of saying before the trigger: reported speech."""
    if any(not view.text[s.start:c.start].strip() for c in view.by_kind.get("according", ())):
        return True
    return bool(view.cues_in(s.start, h.head, "reported"))


def add_speaker(view: View, h: Hit, d: Draft) -> None:
    """"X khẳng định Bộ Y sẵn sàng ...": the speaker states the intent of the body it speaks for,
    or its own when no one else is named."""
    cue = next((c for c in reversed(view.cues_in(view.start, h.head, "reported"))), None)
    if cue is None:
        return
    speaker = subject(view, Hit(cue.start, cue.end, h.trigger, cue.start, clause=view.clause_of(cue.start)))
    persons = [m for m in speaker if m.kind == "person" and m.country]
    if persons and any(p.kind != "person" and p.country == persons[0].country for p in d.actors):
        d.actors = [participant(persons[0])] + d.actors
    elif not d.actors and speaker and not blank_soft(view, cue.end, h.head):
        # "Bình Nhưỡng tuyên bố đã sẵn sàng ...": the speaker's own intent, stated right after it
        d.actors = [participant(m) for m in speaker if (m.kind, m.name) not in d.names()]
