"""Two acts of speech in one clause: "lên án quyết định của Mỹ và kêu gọi Washington xem xét lại",
"phản đối việc ... và đề nghị phía Philippines điều tra". What a governing verb governs is the content
of its act ("đề nghị Nhật Bản hỗ trợ ..."); a governing verb of another type joined to it by "và" (adverbs
between) is a second act of the same speaker, not content of the first (event_types.tsv: governing). A
comma alone joins too much else to say so: a list of acts asked for, a relative clause on a name."""
from __future__ import annotations

from ...lexicon import types as event_types
from .view import Hit, View

GOVERNING = event_types.governing()


def coordinated(view: View, governor: Hit, h: Hit) -> bool:
    """Is `h` an act of its own joined after `governor`'s content, not a part of it?"""
    if h.nominal or h.trigger.type not in GOVERNING or h.trigger.type == governor.trigger.type:
        return False
    return any(not c.has("adverb") and not view.masked(c.end, h.head, ("adverb",)).strip()
               for c in view.cues_in(governor.end, h.head, "and"))


def share_speaker(governor, d) -> None:
    """The second act is the first one's speaker's ("Bộ Ngoại giao X lên án ..., đồng thời ... và kêu
    gọi Y ..."), when its own clause names no one before it. `governor`, `d`: article.Draft."""
    if not d.actors and governor.actors:
        d.actors, d.hit.subject = list(governor.actors), list(governor.hit.subject)
