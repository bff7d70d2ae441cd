"""An envoy's post: the country that sends them and the one they serve in ("Đại sứ Nga tại Anh
Alexander Yakovenko" is Russia's ambassador, posted in Britain). titles.py reads it while it reads
the titles before a name."""
from __future__ import annotations

from .doc import Doc, gap, links


def envoy(doc: Doc, n: int) -> tuple[int, str, str, int] | None:
    """(the title's start, the posting gap, the host as written, the host's index) when the name
    at n follows "TITLE COUNTRY tại HOST" ("Đại sứ Triều Tiên tại Việt Nam Ri Sung Guk", "đại sứ
    Mỹ tại Liên Hợp Quốc Nikki Haley", "Đại sứ Nga tại Anh, ông Alexander Yakovenko"), an envoy of
    an organisation or "của" a country ("Đặc phái viên Liên Hợp Quốc về Syria X", "Phái viên đặc
    biệt của Nga về Syria, X"), or for a matter of the host ("Đặc phái viên Trung Quốc về vấn đề hạt
    nhân Triều Tiên X"), else None."""
    h = n - 1
    if h >= 1 and doc.items[h].kind == "honor" and gap(doc, doc.items[h - 1], doc.items[h]) == ", " \
            and gap(doc, doc.items[h], doc.items[n]) == " ":
        h -= 1   # ", ông X": the envoy named after a comma
    elif h >= 0 and gap(doc, doc.items[h], doc.items[n]) not in (" ", ", "):
        return None
    if h < 2:
        return None
    title, sender, host = doc.items[h - 2:h + 1]
    posting = gap(doc, sender, host)
    if title.kind == "title" and sender.kind in ("country", "org") and host.kind in ("country", "place", "org") \
            and not host.used and _posting(posting) and (gap(doc, title, sender) == " " or gap(doc, title, sender) in links("of")):
        return title.start, posting, doc.article.text[host.start:host.end], h
    return None


def _posting(between: str) -> bool:
    """A posting word, alone or with a few lower-case words of the matter after it (" về vấn đề hạt
    nhân ")."""
    if between in posted():
        return True
    word = next((w for w in posted() if between.startswith(w)), None)
    rest = between[len(word):].split() if word else []
    return bool(rest) and between.endswith(" ") and len(rest) <= 4 and all(w.isalpha() and w.islower() for w in rest)


def posted() -> frozenset[str]:
    """The words between an envoy's country and the country they serve in (title_links.tsv, kind
    posted): "Đại sứ Nga tại Anh Alexander Yakovenko" is Russia's ambassador."""
    return links("posted")
