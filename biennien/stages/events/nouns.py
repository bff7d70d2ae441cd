"""Words of an act that name no act of their own here: a document that an act is done to ("ký một
thoả thuận với X", "thoả thuận ... được ký kết"), and a verb that a case word turns into the name of
a case ("vụ Philippines kiện Trung Quốc": event_cues.tsv kind case); and whether a trigger reads as a
verb or as a noun naming an act (read_hit)."""
from __future__ import annotations

from ...lexicon import types as event_types
from .article import STANDALONE_NOUNS
from .arguments import postposed_subject
from .view import Hit, View

GOVERNING = event_types.governing()   # a request or a charge opening a headline is a verb


def document_objects(view: View, raw: list) -> tuple[list, list[int]]:
    """"Ankara ký một thoả thuận với Moscow", "ủng hộ thoả thuận Nga - Thổ Nhĩ Kỳ": a document noun
    (event_cues.tsv kind document) that is the object of the act before it, nothing or a determiner
    between, is no act of its own; the act's objects run past it ("với Moscow" is the signing's other
    party: the starts of such documents are returned), its time stays before it. Nor is one that a
    passive act after it is done to ("thoả thuận ... được ký kết giữa A và B")."""
    docs = {c.start for c in view.by_kind.get("document", ())}
    kept: list = []
    objects: list[int] = []
    for a, b, trig in raw:
        prev = kept[-1] if kept else None
        if prev is not None and a in docs and prev[0] not in docs and view.clause_of(prev[0]) == view.clause_of(a):
            det = view.cue_ending(a, "nominal")
            gap_start = det.start if det is not None else a
            if not view.text[prev[1]:gap_start].strip():
                objects.append(a)
                continue
        if prev is not None and prev[0] in docs and view.cue_ending(a, "passive") is not None \
                and view.clause_of(prev[0]) == view.clause_of(a):
            kept.pop()   # "thoả thuận ... vừa được ký kết": the document is what the act is done to
        kept.append((a, b, trig))
    return kept, objects


def case_noun(view: View, a: int):
    """"phán quyết về vụ Philippines kiện Trung Quốc": a case word, then one name, then the verb: the
    verb names the case (a noun), its act is not told here. The case cue, or None."""
    for c in view.by_kind.get("case", ()):
        if c.end < a and a - c.end < 60:
            gap = view.text[c.end:a].strip()
            names = [m for m in view.mentions if c.end < m.start and m.end <= a]
            if gap and len(names) == 1 and view.text[names[0].start:names[0].end] == gap:
                return c
    return None


def read_hit(view: View, a: int, b: int, trig) -> Hit:
    """How a trigger reads: a verb, or a noun naming an act (after a nominaliser or a place word,
    after a case word, with an owner or "này" after it, a capitalised name of an event)."""
    h = Hit(a, b, trig, head=a, clause=view.clause_of(a))
    before = view.cue_ending(a, "nominal") or view.cue_ending(a, "place")
    if before is not None and not view.cues_in(a, b, "plan"):   # "tuần sau sẽ đến": a plan word opens a verb
        h.nominal, h.head = True, before.start
        light = view.cue_ending(before.start, "light")
        if light is not None and before.has("nominal"):
            h.nominal, h.head = False, light.start
    elif trig.type not in STANDALONE_NOUNS and (case := case_noun(view, a)) is not None:   # "vụ Philippines kiện ..."
        h.nominal, h.head = True, case.start
    elif (owner := view.cue_after(b, "possessive")) or view.cue_after(b, "demonstrative"):   # a verb takes no owner
        h.nominal, h.owned = True, owner is not None   # and no "này": "đề nghị của X", "gặp gỡ này"
    else:
        text = view.text
        lead_words = text[h.clause[0]:a].strip(" :\"“")
        word_after = text[b:b + 2].strip()
        named = (light := view.cue_ending(a, "light")) is not None and light.has("light", "name")   # "đồng chủ trì Đối thoại"
        if text[a].isupper() and trig.type not in GOVERNING and not named and \
                (lead_words or word_after[:1].isupper() and not postposed_subject(view, h)):
            h.nominal = True   # a capitalised name of an event: "Giao lưu hữu nghị ...", "Đối thoại Chính sách ..."
            #                    (a request or a charge opening a headline is a verb: "Đề nghị Thụy Sĩ hỗ trợ ...")
    return h
