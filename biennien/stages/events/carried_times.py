"""The time a sentence with no time of its own carries from the sentences before it: the time
that opened the sentence before when it goes on about the same person, the time of a quote's
words that go on into it, the day a speaker's words were dated before (dating.py reads it as
its clause's time)."""
from __future__ import annotations

from ...lexicon.events import finditer
from ...lexicon.events import lexicon as events_lexicon
from ...records import Mention, Sentence, TimeExpr
from ...text import lower
from .. import times as time_stage

QUOTE_SENTENCES = 3   # a quote goes on over at most this many sentences after the one that opens it
FRONTED_WORDS = 12   # a fronted phrase ends in its time within this many words ("Trong phiên họp của Hội đồng Bảo an ngày 29/11,")


def carried_time(text: str, sentences: list[Sentence], i: int, times_in: dict, mentions_in: dict,
                 pronoun_first: bool = False) -> TimeExpr | None:
    """A sentence with no time of its own that goes on about a person of the sentence before
    (naming them again, or opening with "Ông", "Bà"), which opened with a past time, is still in
    that time: "Hồi năm 2017, ... Konashenkov cũng tuyên bố ... . Đặc biệt, ông Konashenkov cáo
    buộc ..."; "Tuần trước, Trump ký ... . Ông và Thủ tướng Nhật Shinzo Abe cũng nhất trí ..."; the
    time may close a longer fronted phrase ("Trong phiên họp ngày 29/11, bà X kêu gọi ... . Bà cảnh
    báo ..."); a quote the sentence before opened goes on in the time of its words (_speech_time)."""
    if i == 0 or sentences[i - 1].index + 1 != sentences[i].index:
        return None
    if (said := _speech_time(text, sentences, i, times_in)) is not None:
        return said
    prev = sentences[i - 1]
    now = {m.name for m in mentions_in.get(sentences[i].index, ()) if m.kind == "person"}
    before = {m.name for m in mentions_in.get(prev.index, ()) if m.kind == "person"}
    if (pronoun_first or before & now) and (said := _speaker_time(
            text, prev, times_in.get(prev.index, ()), mentions_in.get(prev.index, ()))) is not None \
            and (pronoun_first or said[0] in now):   # the speaker is a person of the sentence before
        return said[1]
    t = next(iter(times_in.get(prev.index, ())), None)
    if t is None or not t.value or t.tense == "future" or time_stage.is_term(t) or \
            text[t.end:t.end + 1] != "," or "," in text[prev.start:t.start] or \
            len(text[prev.start:t.start].split()) > FRONTED_WORDS:
        return None   # the time closes the sentence's fronted phrase ("Trong phiên họp ngày 29/11, ..."), not a
        #               clause deep in it ("Tuyên bố ... được cho là bất ngờ khi trong chiến dịch ... năm ngoái, ông ...")
    if not before or not pronoun_first and \
            not before & now:
        return None
    return t


def _speaker_time(text: str, prev: Sentence, times: list[TimeExpr], mentions: list[Mention]) -> tuple | None:
    """(person, time) when the sentence before dates a person's words by a time after their verb of
    speech, in the same phrase ("ông Cảnh Sảng nói tại một cuộc họp báo hôm 23-7 ở Bắc Kinh"): what
    that person goes on to say in the next sentence ("Ông Sảng còn cáo buộc Mỹ ...") was said then."""
    lex = events_lexicon()
    persons = [m for m in mentions if m.kind == "person"]
    for t in times:
        if not t.value or t.tense == "future" or time_stage.is_term(t) or t.precision != "day":
            continue
        for a, b, p in finditer(lex.cue_re, lower(text[prev.start:t.start])):
            if not lex.cues[p].has("reported") or "," in text[prev.start + b:t.start]:
                continue
            speaker = next((m for m in reversed(persons) if m.end <= prev.start + a
                            and not text[m.end:prev.start + a].strip(" ,")), None)
            if speaker is not None:
                return speaker.name, t
    return None


def _speech_time(text: str, sentences: list[Sentence], i: int, times_in: dict) -> TimeExpr | None:
    """A sentence before opened a quote that goes on to this one (the ones between have no quote mark):
    these are those words, said at the time told before them ("Ngày 21-5, người phát ngôn ... khẳng
    định: " ... . Việt Nam yêu cầu Trung Quốc chấm dứt ... "")."""
    for k in range(i - 1, max(-1, i - 1 - QUOTE_SENTENCES), -1):
        prev = sentences[k]
        if prev.index != sentences[i].index - (i - k):
            return None
        seg = text[prev.start:prev.end]
        if not (seg.count("“") > seg.count("”") or seg.count('"') % 2):
            if "“" in seg or "”" in seg or '"' in seg:
                return None   # a quote opened and closed: the words before this sentence are done
            continue
        opening = prev.start + max(seg.rfind("“"), seg.rfind('"'))
        rest = text[opening + 1:prev.end].strip(" .,;!?”\"")
        if not rest or text[opening + 1:prev.end].lstrip()[:1] in (",", ";"):
            return None   # a quote closing this sentence: "... khu vực "." or "... khác ", ông Bình nói."
        said = [t for t in times_in.get(prev.index, ()) if t.end <= opening and t.value and t.tense != "future"
                and not time_stage.is_term(t)]
        return said[-1] if said else None
    return None
