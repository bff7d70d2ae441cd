"""Who visits whom, by a noun of a visit ("chuyến thăm Ấn Độ của Tổng Bí thư X", "chuyến thăm của X
tới Việt Nam"): its owner visits, the places before it or after "tới/đến" host it."""
from __future__ import annotations

from ...records import Mention
from .arguments import inviters
from .article import Draft, participant
from .holders import title_holders
from .view import Hit, View


def visit_sides(view: View, h: Hit, d: Draft, names: list[Mention], end: int) -> None:
    """"chuyến thăm Ấn Độ, Sri Lanka của Tổng Bí thư X", "chuyến thăm của X tới Việt Nam": the
    owner ("của") is the visitor, the places named before it or after "tới/đến" are its hosts."""
    cues = view.cues_in(h.end, end, "with")
    visitors, hosts = [], []
    for m in names:
        cue = next((c for c in reversed(cues) if c.end <= m.start), None)
        (visitors if cue is not None and cue.cue.has("possessive") else hosts).append(participant(m))
    invited = [participant(m) for m in title_holders(view, inviters(view, h))]
    hosts += [p for p in invited if p not in hosts and p not in visitors]
    visitors = [p for p in visitors if p not in invited]
    if visitors and not hosts:   # "A và B ký ..., trong chuyến thăm của X (A)": the one other country hosts
        theirs = {p.country for p in visitors}
        others = [m for m in view.mentions if m.kind == "country" and view.usable(m) and m.country not in theirs]
        if len({m.country for m in others}) == 1:
            hosts = [participant(others[0])]
    if hosts and not visitors and not invited:   # "Tổng thống X ... trong chuyến thăm cấp nhà nước tới Việt Nam"
        visitors = _travellers(view, names, {p.country for p in hosts})
        d.travelled = bool(visitors)
    if visitors and hosts or invited:
        d.actors, d.recipients = visitors, hosts


def _travellers(view: View, names: list[Mention], host_countries: set) -> list:
    """The first person of the noun's sentence outside its phrase, when of a country other than its
    hosts': the one who travels ("Tổng thống X phát biểu ... trong chuyến thăm cấp nhà nước tới Z")."""
    first = next((m for m in view.mentions if m.kind == "person" and view.usable(m) and m not in names), None)
    if first is None or not first.country or first.country in host_countries:
        return []   # "Elon Musk ... tháp tùng Tổng thống X trong chuyến thăm": the first one's trip is unsaid
    return [participant(m) for m in title_holders(view, [first])]
