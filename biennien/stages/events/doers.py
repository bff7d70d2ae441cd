"""Who does a verb: its subject in the clause, or one carried from around it.

    verb_subject(view, sentence, hit, prev) -> (subject, said, met)

In order: the clause's own subject (a verb right after a meeting's object has that meeting's
subject: "X điện đàm với Y, chúc mừng ..."); a subject after the verb when nothing precedes it
("... , cho biết Bộ trưởng X"); a pronoun or a bare title; the speaker of reported words with no
subject of their own ("A tuyên bố trục xuất B"); a collective ("hai bên"); the subject of
the verb before it when only its object and joining words stand between; the speaker of the words
around it; the subject of a sentence opened by a comma-joined verb; a title of the article's own
side ("Bộ trưởng" alone). `said` is the subject when it is the speaker (the words said before the
verb are not the verb's own), `met` the meeting whose counterpart the verb is said to.
"""
from __future__ import annotations

from ...lexicon.names import lexicon as names_lexicon
from ...records import Mention, Sentence
from ...text import key
from .article import TWO_SIDED_OR_ONE, VISIT_CAMEO, Draft
from .arguments import (JOINING, after_main, framed, postposed_subject, pronoun_subject, sentence_subject,
                        subject, subordinate)
from .carried import met_for, opens_after_comma, reporter, speaker
from .holders import home_title, title_holders, title_subject
from .gaps import appositive
from .view import CueHit, Hit, View


def verb_subject(view: View, s: Sentence, h: Hit, prev: Draft | None) -> tuple[list[Mention], list[Mention], Draft | None]:
    """The verb's subject, the speaker it was carried from (else []) and the meeting it continues."""
    said: list[Mention] = []
    met: Draft | None = None
    subj = subject(view, h)
    if subj and _met(view, prev, subj, h):
        subj, met = list(prev.hit.subject), prev
    if not subj and (not view.text[h.clause[0]:h.head].strip(" :\"“") or framed(view, h)):
        subj = postposed_subject(view, h)
    if not subj:
        subj = pronoun_subject(view, s, h) or title_subject(view, h)
    if not subj and subordinate(view, h):
        subj = postposed_subject(view, h)
        if subj and after_main(view, h) and not view.text[subj[-1].end:h.clause[1]].strip(" .;!?\"”"):
            subj = []   # "..., khi hội đàm với Tổng Bí thư, Chủ tịch nước B.": B closes the object's titles
    if not subj and after_main(view, h):
        subj = sentence_subject(view, s, h.clause[0]) or _main_speaker(view, h)
    if not subj:
        subj = reporter(view, h)   # "A tuyên bố trục xuất B": the speaker's own act
    if not subj:
        coll = view.cue_ending(h.head, "collective") or _collective_before(view, h)
        if coll is not None:
            h.collective = True
        else:
            if prev is not None and (prev.hit.subject or prev.hit.collective) and _continues(view, prev, h):
                subj, h.collective = list(prev.hit.subject), prev.hit.collective
                met = prev if prev.type in TWO_SIDED_OR_ONE and prev.hit.subject else None
            elif h.clause[0] > s.start or view.cue_ending(h.head, "purpose"):
                subj = said = speaker(view, s, h)
                subj = subj or sentence_subject(view, s, h.clause[0])
                met = met_for(view, prev, subj, h)   # "tới gặp X để xin lỗi": said to X
            elif opens_after_comma(view, s, h):   # "X đến Hà Nội, bắt đầu thăm Việt Nam"
                subj = sentence_subject(view, s, s.start)
            else:   # "Đại sứ A cho biết ..., cáo buộc B ...": the speaker
                subj = said = speaker(view, s, h)
    if not subj and not h.collective:
        subj = home_title(view, h)
    h.subject = subj = title_holders(view, subj)
    return subj, said, met


def _main_speaker(view: View, h: Hit) -> list[Mention]:
    """"Thủ tướng Thái Lan tuyên bố sẽ ..., khi hội đàm với B": the subject of the main clause's verb
    of saying (no event of its own) does the act of the part after it."""
    cue = view.cues_in(h.clause[0], h.head, "subordinate")[-1]
    said = [c for c in view.by_kind.get("reported", ()) if c.has("reported", "before") and h.clause[0] <= c.start
            and c.end <= cue.start]
    if not said or said[-1].has("reported", "after") or view.cues_in(said[-1].end, cue.start, "that") or \
            view.text[said[-1].end:cue.start].strip()[:1].isupper() or view.quoted(cue.start):
        return []   # "nói rằng Israel đã ... trước khi không kích": the words said have their own subject
    said_hit = Hit(said[-1].start, said[-1].end, h.trigger, said[-1].start, clause=view.clause_of(said[-1].start))
    orgs = names_lexicon().orgs   # an outlet that reports ("Reuters dẫn lời ...") meets no one
    return [m for m in subject(view, said_hit) if orgs.get(key(m.name), {}).get("kind") != "media"]


def _continues(view: View, prev: Draft, h: Hit) -> bool:
    """"A đã tới chào xã giao B, Bộ trưởng ... và hội kiến với C": a second verb shares the first
    one's subject when only the first one's object (with its titles) and a joining word or comma
    stand between them, not a new name ("... liên quan đến việc Mỹ đơn phương không kích")."""
    own = {id(m) for m in prev.hit.objects}
    between = [m for m in view.mentions if prev.hit.end <= m.start and m.end <= h.head and view.usable(m)]
    if any(id(m) not in own for m in between):
        return False
    start = between[-1].end if between else prev.hit.end
    return _joining(view, start, h.head)


def _met(view: View, prev: Draft | None, subj: list[Mention], h: Hit) -> bool:
    """"X điện đàm với Y chúc mừng ...": a verb right after the object of a meeting verb (joining words
    between) has that verb's subject."""
    if prev is None or prev.hit.trigger.type not in TWO_SIDED_OR_ONE or not prev.hit.subject or not prev.hit.objects:
        return False
    if prev.hit.trigger.args == "host" and h.trigger.cameo == VISIT_CAMEO:
        return False   # "chủ trì lễ đón Thủ tướng X thăm chính thức Việt Nam": the one received visits
    met = {(m.name, m.start) for m in prev.hit.objects}
    return all((m.name, m.start) in met for m in subj) and _joining(view, max(m.end for m in subj), h.head)


def _joining(view: View, a: int, b: int) -> bool:
    gap = view.masked(a, b, ("and", *JOINING)).replace(";", ",")
    return not gap.replace(",", " ").strip() or appositive(gap, allow_bare=True)


def _collective_before(view: View, h: Hit) -> CueHit | None:
    for c in view.cues_in(h.clause[0], h.head, "collective"):
        if view.transparent(c.end, h.head):
            return c
    return None
