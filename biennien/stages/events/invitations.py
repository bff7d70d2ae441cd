"""An invitation to visit: "A mời B thăm C" reports no visit, but A's invitation of B (an AGREE of
the visit's plan code, as the gold codes it: the inviter and the invitee are its parties).

The invitation word is a row of event_cues.tsv of kind intent, where `control`: a verb whose object
is the subject of the verb after it ("mời", "trân trọng mời")."""
from __future__ import annotations

from ...records import Mention
from .arguments import subject
from .view import Hit, View


def inviter(view: View, h: Hit, subj: list[Mention]) -> list[Mention]:
    """The inviter of the visit at `h` whose subject (the invitee) `subj` follows an invitation
    word with no comma and no other act between; [] when the visit is no invitee's."""
    if not subj or subj[0].start >= h.head:
        return []
    cue = next(iter(reversed(view.cues_in(h.clause[0], subj[0].start, "intent", "control"))), None)
    if cue is None or "," in view.text[cue.end:subj[0].start] or \
            any(cue.end <= a < subj[0].start for a, _ in view.triggers):
        return []
    invitee = {m.name for m in subj}
    return [m for m in subject(view, Hit(cue.start, cue.end, h.trigger, cue.start, clause=h.clause))
            if m.name not in invitee]
