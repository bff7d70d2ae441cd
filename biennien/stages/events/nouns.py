"""Words of an act that name no act of their own here: a document that an act is done to ("ký một
thoả thuận với X", "thoả thuận ... được ký kết"), and a verb that a case word turns into the name of
a case ("vụ Philippines kiện Trung Quốc": event_cues.tsv kind case)."""
from __future__ import annotations

from .view import View


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
