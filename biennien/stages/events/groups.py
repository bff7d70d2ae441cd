"""Generic groups standing for their state, as CAMEO codes them: "Thủ tướng X đề nghị cộng đồng
doanh nghiệp ..." is a request to the state's own business community (the home state), "kêu gọi các
nhóm đối lập ở tỉnh Idlib của Syria ..." one to Syria. A noun phrase headed by a group noun
(event_cues.tsv kind group: "doanh nghiệp", "người dân", "cử tri", "phe đối lập" ...) right after a
verb that names no one is the verb's other party: the state named inside the phrase, else, for a
group of the speaker's own people (where own), the speaker's state."""
from __future__ import annotations

from ...lexicon import types as event_types
from ...lexicon.names import lexicon as names_lexicon
from ...records import Mention
from .view import Hit, View

GAP_WORDS = 2      # "đề nghị các doanh nghiệp", "với đại diện cộng đồng doanh nghiệp"
NEXT_WORDS = 2     # "các lực lượng chính phủ Syria": the state right after the noun and its qualifiers
PHRASE_WORDS = 10  # ... or after "của", "ở" in its phrase ("các nhóm đối lập ở tỉnh Idlib của Syria")
# what a group is addressed by: acts of speech (event_types.tsv governing) and meetings (sides one_or_two);
# "hỗ trợ doanh nghiệp đầu tư" in a list of policies is no aid given to anyone
ADDRESSED = event_types.governing() | event_types.with_sides("one_or_two")


def group_party(view: View, h: Hit, subject: list[Mention]) -> list[Mention]:
    """The state a group noun right after the verb stands for (as a country mention), or []."""
    if h.trigger.type not in ADDRESSED:
        return []
    end = h.zone_end or h.clause[1]
    cue = next((c for c in view.cues_in(h.end, end, "group")), None)
    if cue is None:
        return []
    gap = view.text[h.end:cue.start]
    if any(ch in gap for ch in ",;:(\"“") or len(gap.split()) > GAP_WORDS or \
            any(h.end <= m.start < cue.start for m in view.mentions):
        return []
    stop = min([end] + [i for i in (view.text.find(",", cue.end, end), view.text.find(";", cue.end, end)) if i >= 0])
    named = [m for m in view.mentions if cue.end <= m.start and m.end <= stop and m.country and m.kind != "person"
             and _inside(view, cue.end, m.start)]
    code = next((m.country for m in named if m.kind == "country"), None) or next((m.country for m in named), None)
    if code is None and cue.has("group", "own"):
        code = next((m.country for m in subject if m.country), None)
    if code is None or code in {m.country for m in subject if m.kind != "person"}:
        return []
    name = names_lexicon().country_name.get(code, code)
    return [Mention("", view.sentence, cue.start, cue.end, view.text[cue.start:cue.end], "country", name, country=code)]


def _inside(view: View, a: int, b: int) -> bool:
    """Is a name starting at b inside the group's phrase opening at a: a few words on, or after "của" or
    "ở" ("rút lực lượng nước ngoài khỏi Syria": Syria is where from, not whose)?"""
    words = len(view.text[a:b].split())
    if words <= NEXT_WORDS:
        return True
    return words <= PHRASE_WORDS and bool(view.cues_in(a, b, "possessive") or view.cues_in(a, b, "place"))
