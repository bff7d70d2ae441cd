"""Subjects a verb carries from another part of its sentence when its own part names none: the
sentence's subject for a part opened by a comma ("X đến Hà Nội, bắt đầu thăm Việt Nam"), and the
speaker for a part after reported words ("Thủ tướng A khẳng định ...; đề nghị B ...", "Đại sứ A cho
biết ..., cáo buộc B ...": the speaker acts, not the subject of what was said), and the speaker for
words with no subject of their own ("Tổng thống A tuyên bố trục xuất B": A expels B)."""
from __future__ import annotations

from ...lexicon import types as event_types
from ...records import Mention, Sentence
from .article import TWO_SIDED_OR_ONE, Draft
from .arguments import blank_soft, subject
from .holders import title_subject
from .view import Hit, View

SPEAKERS = ("person", "organization")
SUBJECTS = ("person", "country", "organization")   # who may open a sentence whose comma-led part goes on acting
SAID = event_types.governing()   # acts of speech (event_types.tsv governing): a request, a charge, a promise
SAID_GAP = ("adverb", "plan", "light", "intent")   # cue kinds between a reported cue and the speaker's own verb


def opens_after_comma(view: View, s: Sentence, h: Hit) -> bool:
    """Does the verb open a comma-led part of the sentence with nothing but adverbs or a light
    verb before it ("..., bắt đầu thăm chính thức Việt Nam")? Such a part has the sentence's
    subject, after its first verb ("X đến Hà Nội"), a person's or a state's ("Việt Nam đã phản ứng
    mạnh mẽ, yêu cầu ..."), unless quoted words come first (" ... khác ", ông viết, đồng thời ...")."""
    comma = view.text.rfind(",", s.start, h.head)
    if comma < 0 or not any(m.kind in SUBJECTS and m.end <= comma for m in view.mentions):
        return False
    return not blank_soft(view, comma + 1, h.head) and not view.by_kind.get("reported") and \
        not any(q in view.text[s.start:comma] for q in "“”\"")   # words quoted are no subject's clause


def speaker(view: View, s: Sentence, h: Hit) -> list[Mention]:
    """Who says the words a verb's part follows, when that part opens after ";", a comma or "và" with
    nothing of its own before the verb, if the verb is an act of speech; none when the words open
    with a comma ("A cho biết, B ...": what follows is B's) or a purpose clause holds the verb ("... để
    yêu cầu": theirs), and none for other acts ("cần duy trì trao đổi, tiếp xúc": the words' list)."""
    if h.trigger.type not in SAID or view.cue_ending(h.head, "purpose"):
        return []
    marks = _marks(view, s, h)
    if not marks:
        return []
    cut, after = max(marks)
    if blank_soft(view, after, h.head):
        return []
    cue = next((c for c in view.by_kind.get("reported", ()) if c.has("reported", "before")
                and s.start < c.start and c.end <= cut), None)
    if cue is None or view.text[cue.end:cue.end + 2].strip()[:1] in (",", ":") or view.cue_after(cue.end, "with"):
        return []   # "thông báo tới X về các nội dung đã trao đổi, thống nhất với Y": a topic, no words
    said = Hit(cue.start, cue.end, h.trigger, cue.start, clause=view.clause_of(cue.start))
    found = [m for m in subject(view, said) if m.kind in SPEAKERS]
    return found or ([] if said.passive else title_subject(view, said))


def _marks(view: View, s: Sentence, h: Hit) -> list[tuple[int, int]]:
    """Where the parts of the sentence before the verb end: the last comma, ";" and the "và"s ("A nói
    rằng ... và tiếp tục đe doạ B": "và" joins the speaker's acts; not "cùng", an adverb too)."""
    marks = [(i, i + 1) for i in (view.text.rfind(",", s.start, h.head), view.text.rfind(";", s.start, h.head)) if i >= 0]
    return marks + [(c.start, c.end) for c in view.by_kind.get("and", ()) if s.start < c.start and c.end <= h.head
                    and not c.has("adverb")]


def words_end(view: View, s: Sentence, h: Hit) -> int:
    """Where the speaker's words end before a verb carried from the speaker: what they hold (a
    negation, a plan: "nói rằng chưa đến lúc ... và tiếp tục đe doạ B") is not the verb's."""
    return max((after for _, after in _marks(view, s, h)), default=h.clause[0])


def met_for(view: View, prev: Draft | None, subj: list[Mention], h: Hit) -> Draft | None:
    """"Bà A tới gặp Bộ trưởng B để xin lỗi": a verb of a purpose clause after a meeting, with the
    meeting's subject, is addressed to the one met."""
    if prev is None or not view.cue_ending(h.head, "purpose") or prev.type not in TWO_SIDED_OR_ONE or \
            not prev.hit.objects or not subj or {m.name for m in prev.hit.subject} != {m.name for m in subj}:
        return None
    return prev


def reporter(view: View, h: Hit) -> list[Mention]:
    """"Tổng thống A tuyên bố trục xuất B", "A cho biết sẽ gặp B": a verb right after a reported cue
    of its clause, only adverbs, plan words, times and a "rằng" (event_cues kind that) between, has
    no subject of its own: the speaker does what the words say. Not "A cho biết B sẽ ..." (B's), nor
    "A cho biết, ..." (the words after a comma are someone else's), nor "A tuyên bố huỷ thăm B" (what
    the words negate is no act)."""
    cue = next((c for c in reversed(view.by_kind.get("reported", ())) if c.has("reported", "before")
                and h.clause[0] <= c.start and c.end <= h.head), None)
    if cue is None or view.masked(cue.end, h.head, ("and", "that", *SAID_GAP), times=True).strip():
        return []
    if h.trigger.args == "joint" and not view.masked(cue.end, h.head, ("that",)).strip():
        return []   # "A cho rằng thoả thuận là ...": a joint act's noun right after the words is their topic
    said = Hit(cue.start, cue.end, h.trigger, cue.start, clause=h.clause)
    found = subject(view, said)
    return [] if said.passive else found
