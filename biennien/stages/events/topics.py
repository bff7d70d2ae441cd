"""What a meeting was about: after a meeting, a call or a talk, the names in a "về" phrase ("A và B
điện đàm về vấn đề Triều Tiên") or in its purpose ("hội đàm để tìm cách thúc ép Triều Tiên") are
what was discussed, not who took part. Only the meeting-like types: after a charge, "lo ngại về
hoạt động của X", the topic is the target."""
from __future__ import annotations

from .view import Hit, View

TOPIC_TYPES = frozenset({"CONSULT"})   # meetings, calls, talks: a "về" phrase after them is what was discussed


def topic_spans(view: View, hit: Hit, end: int) -> list[tuple[int, int]]:
    """"A và B điện đàm về vấn đề Triều Tiên", "hội đàm với X về tình hình Syria": after a meeting
    trigger, a "về" phrase (event_cues kind topic) up to a comma, a semicolon or a "với" naming the
    one met (kind counterpart; "của", "cho" go on with the topic) is what was discussed; its names
    take no part; so is a purpose it opens (kind purpose: "hội đàm để tìm cách thúc ép Triều Tiên")."""
    if hit.trigger.type not in TOPIC_TYPES:
        return []
    spans = []
    for c in view.cues_in(hit.end, end, "topic", "after") + view.cues_in(hit.end, end, "purpose"):
        ends = [w.start for w in view.by_kind.get("counterpart", ()) if c.end <= w.start < end]
        ends += [w.start for w in view.by_kind.get("with", ()) if hit.nominal and c.end <= w.start < end
                 and not w.has("party") and not w.has("possessive")]   # a noun's sides: "cuộc điện đàm về X giữa A và B"
        ends += [i for i in (view.text.find(",", c.end, end), view.text.find(";", c.end, end)) if i >= 0]
        spans.append((c.start, min([end, *ends])))
    return spans
