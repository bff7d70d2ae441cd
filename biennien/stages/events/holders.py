"""Office titles standing for persons or states among an event's parties: a bare title opening a
clause is the article's one holder of it ("Thủ tướng cũng đề nghị ..."), a title with a country
and no name that country's one holder ("Thủ tướng Singapore và phu nhân thăm ..."), and in an item
naming no one at all the home press's own office holder, for its state."""
from __future__ import annotations

from functools import cache

from ... import resources, tenures
from ...lexicon.names import HOME
from ...lexicon.names import lexicon as names_lexicon
from ...records import Mention
from ...text import key
from .arguments import part_start, blank_soft
from .view import Hit, View


def title_subject(view: View, h: Hit) -> list[Mention]:
    """"Thủ tướng cũng đề nghị Nhật Bản ...": a bare title opening the verb's part of the sentence
    stands for the one person of the article who holds it; when holders of several countries do,
    for the one of the home country (the press says "Thủ tướng" of its own, "Thủ tướng Abe" of
    another's)."""
    if h.passive:
        return []
    seg = part_start(view.text, h.clause[0], h.head)
    words = blank_soft(view, seg, h.head).strip(" \"“(")
    if not words[:1].isupper() or any(seg <= m.start < h.head for m in view.mentions):
        return []
    row = names_lexicon().titles.get(key(words))
    if row is None:
        return []
    title = row["normal"]
    holders = [m for m in view.antecedents if any(t == title or t.startswith(title + " ") for t in m.titles)]
    if len({m.name for m in holders}) > 1:
        holders = [m for m in holders if m.country == HOME]
    if len({m.name for m in holders}) != 1:
        return []
    before = [m for m in holders if m.end <= seg]
    return [before[-1] if before else holders[0]]


def home_title(view: View, h: Hit) -> list[Mention]:
    """"Thủ tướng và phu nhân hôm nay rời Hà Nội, lên đường thăm ...": a bare title opening the
    sentence of an item that names no person is the home press's own office holder: its state."""
    if view.antecedents or h.passive:
        return []
    words = view.text[view.start:view.start + 40].replace(",", " ").split()
    if not any(names_lexicon().titles.get(key(" ".join(words[:n]))) for n in (1, 2, 3) if len(words) >= n):
        return []
    if any(m.start < h.head and m.kind in ("person", "organization") for m in view.mentions):
        return []
    name = names_lexicon().country_name.get(HOME, HOME)
    return [Mention("", view.sentence, view.start, view.start, name, "country", name, country=HOME)]


@cache
def _former() -> frozenset[str]:
    """Words before a title saying it is held no more ("cựu", "nguyên": date_bounds.tsv former)."""
    return frozenset(key(r["word"]) for r in resources.load("date_bounds") if r["kind"] == "former")


def _holder(view: View, title_words: str, country: str | None, strict: bool = False,
            former: bool = False) -> Mention | None:
    """The one person of the article holding the title (of that country, when given); when no
    holder of that country is known, the one holder whose country the article does not say
    ("Thủ tướng gặp Tổng thống Pháp" over "... gặp Tổng thống Macron": Macron). A former title
    ("Cựu ngoại trưởng Mỹ chỉ trích ...") is the one of them the article calls a former holder."""
    row = names_lexicon().titles.get(key(title_words))
    if row is None:
        return None
    title = row["normal"]
    holders = [m for m in view.antecedents if any(t == title or t.startswith(title + " ") for t in m.titles)]
    if country is not None:
        holders = [m for m in holders if m.country == country] or [m for m in holders if m.country is None and not strict]
    if not holders and country is not None and not strict:
        holders = _recorded(view, title, country)
    if former and len({m.name for m in holders}) > 1:
        past = {m.name for m in view.antecedents if any(c.past and c.title == title for c in m.title_claims)}
        holders = [m for m in holders if m.name in past]
    return holders[0] if len({m.name for m in holders}) == 1 else None


def _recorded(view: View, title: str, country: str) -> list[Mention]:
    """"Tổng thống Mỹ" in an article naming "ông Trump" with no title: the article's persons of
    that country (or of none said) whom the tenures of public record (office_holders.tsv) know in
    that post."""
    return [m for m in view.antecedents if m.country in (country, None) and tenures.terms(title, m.name)]


def title_holders(view: View, found: list[Mention]) -> list[Mention]:
    """"Thủ tướng Singapore và phu nhân thăm ...": a country right after a title, with no name
    after it, stands for the one person of the article holding that post of that country; so does
    a state's body ("Tổng Bí thư Đảng Cộng sản Việt Nam có chuyến thăm ..."), for a holder the
    article says is of that state."""
    out = []
    for m in found:
        body = m.kind == "organization"   # "Tổng Bí thư Đảng Cộng sản Việt Nam": a state's body, its holder
        if (m.kind == "country" or body and m.country) and not view.text[m.end:m.end + 2].strip()[:1].isupper():
            words = view.text[max(view.start, m.start - 40):m.start].split()
            holder = next((h for n in range(1, 7) if len(words) >= n   # "Trưởng đại diện Thương mại Mỹ": 5 syllables
                           and (h := _holder(view, " ".join(words[-n:]), m.country, body,
                                             len(words) > n and key(words[-n - 1]) in _former())) is not None), None)
            if holder is not None:
                m = holder
        out.append(m)
    return out
