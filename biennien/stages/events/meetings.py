"""Meeting nouns whose own phrase names no one, or only one side, and the parties the sentence
gives them (pure; called once per sentence on its drafts, in text order):

- fronted_meetings: a meeting noun opening the sentence (or a part of it after a comma) is the
  meeting of the clause after it, its subject and whom its verb addresses ("Trong cuộc hội đàm
  chiều cùng ngày, A đề nghị với B ...", "Tại cuộc hội kiến, A và B đánh giá cao ..."); with a
  time of its own it is its own event (a talk recalled from April), else it names the meeting the
  article reports and takes that meeting's date;
- counterpart_meetings: "cuộc hội đàm với X", "cuộc gặp X" has the subject of its sentence (else the
  one person named before it in its clause) on the other side;
- chaired_meetings: "dưới sự chủ trì của A và B": the chairs are the parties, not the countries
  in the meeting's name;
- said_at_meetings: words said to no one named, by the subject of a meeting a "khi" part after
  them tells ("A đề nghị ..., khi hội đàm với B"), are said to whom it met.
"""
from __future__ import annotations

from ...cameo import VISIT_CAMEO
from ...lexicon import types as event_types
from ...lexicon.names import lexicon as names_lexicon
from ...records import Mention
from ...text import key
from .article import Draft, participant
from .holders import title_holders
from .gaps import title_words
from .view import Hit, View

FRONTING = ("nominal", "place", "adverb")   # cue kinds that may open the fronted phrase ("Trong", "Tại")
PRECISION = {"day": 10, "month": 7, "year": 4}
MEETING = "CONSULT"   # the type of a meeting noun: only its one person named before it met its counterpart
MEETS = ("visit", "host")
SAID = event_types.governing()   # acts of speech (event_types.tsv governing): a request, a charge, a promise   # trigger args of a meeting noun whose object, right after it, is whom it met


def fronted_meetings(view: View, drafts: list[Draft]) -> None:
    """Give each fronted meeting noun of one sentence (in `drafts`, text order) the parties of
    the clause that follows it."""
    for k, d in enumerate(drafts):
        h = d.hit
        if not h.nominal or not d.reference or d.actors or d.recipients or not _fronted(view, h.head):
            continue
        comma = view.text.find(",", h.end, h.clause[1])
        if comma < 0 or any(h.end <= m.start < min(comma, h.zone_end) for m in view.mentions):
            continue   # names after another noun in the phrase are that noun's ("nhân chuyến thăm Lào")
        main = next((o for o in drafts[k + 1:] if o.hit.start > comma and not o.hit.nominal
                     and o.actors + o.recipients), None)
        if main is not None and main.hit.subject:
            actors, recipients = list(main.actors), list(main.recipients)
        else:
            group = _subject_group(view, comma + 1, h.clause[1])
            actors, recipients = [participant(m) for m in group], []
        parties = actors + recipients
        if len({(p.kind, p.name) for p in parties}) < 2 or not any(p.kind == "person" for p in parties) \
                or len({p.country for p in parties}) < 2:
            continue
        d.actors, d.recipients = actors, recipients
        t = next((t for t in view.times if h.end <= t.start and t.end <= comma and t.value), None)
        if not d.own_time and t is not None and t.tense != "future" and t.precision in PRECISION:
            # "Trong cuộc hội đàm nhân chuyến thăm Trung Quốc hồi tháng 4, ...": the phrase's time
            d.time, d.own_time = t, True
            d.date, d.precision = t.value[:PRECISION[t.precision]], t.precision
        if d.own_time:
            d.reference = False   # "Trong cuộc điện đàm hồi tháng 4, ...": a meeting of its own


def counterpart_meetings(view: View, drafts: list[Draft]) -> None:
    """"ông đã làm rõ quan điểm trong cuộc hội đàm nhiều giờ với Đại sứ X": a meeting noun that
    names only whom it was held with has the subject of its sentence (of the clause after it, when
    the noun opens the sentence: "Tại cuộc gặp với X, Thủ tướng Y ...") on the other side."""
    for d in drafts:
        h = d.hit
        if not h.nominal or not d.reference or d.recipients or not d.actors:
            continue
        first = min((m.start for m in view.mentions if m.start >= h.end), default=None)
        if first is None or not _counterpart(view, h, first):
            continue
        if _fronted(view, h.head):
            comma = view.text.find(",", first, h.clause[1])
            subj = _titled_subject(view, comma + 1, h.clause[1]) if comma >= 0 else []
        else:
            subj = _subject_group(view, view.start, h.clause[1])[:1] or \
                (_one_before(view, h) if d.type == MEETING else [])
        names = {p.name for p in d.actors}
        countries = {p.country for p in d.actors}
        subj = [m for m in subj if (m.kind == "person" or _titled_state(view, m)) and m.name not in names
                and m.country not in countries]
        if subj:
            d.recipients, d.actors = d.actors, [participant(m) for m in subj]


def _counterpart(view: View, h: Hit, first: int) -> bool:
    """Does the noun's phrase name only whom it was held with: after a counterpart cue ("cuộc hội đàm
    với X", "buổi hội đàm cùng X"), or right after a noun of meeting that takes its object, persons
    only ("cuộc gặp Thủ tướng X"; not a visit: "chuyến thăm Lào" names where it went; not the states
    of its sides: "các cuộc đàm phán Mỹ - Trung")?"""
    cue = next((c for c in view.cues_in(h.end, h.zone_end, "counterpart")), None)
    if cue is not None:
        return cue.end <= first and len(view.text[h.end:cue.start].split()) <= 3
    comma = view.text.find(",", first, h.zone_end)   # "Trong cuộc gặp X hôm 8/11, Y ...": the phrase ends at it
    stop = h.zone_end if comma < 0 else comma
    persons = all(m.kind == "person" for m in view.mentions if h.end <= m.start < stop and view.usable(m))
    return h.trigger.args in MEETS and h.trigger.cameo != VISIT_CAMEO and persons and title_words(view.text[h.end:first])


def _one_before(view: View, h: Hit) -> list[Mention]:
    """"Đó là thông tin được Đại tướng A đưa ra trong buổi hội đàm cùng B", "Khẳng định trên là của
    Thứ trưởng A trong buổi làm việc với B": the one person named before the noun in its clause; for a
    meeting only ("một thoả thuận với Mỹ", "tập trận chung với X" are no one's before them)."""
    persons = [m for m in view.mentions if h.clause[0] <= m.start and m.end <= h.start and view.usable(m)
               and (m.kind == "person" or _titled_state(view, m))]
    return persons if len({m.name for m in persons}) == 1 else []


def _titled_state(view: View, m: Mention) -> bool:
    """A state named after a title and no name, standing for its holder ("những chia sẻ của Thủ tướng
    Thái Lan trong cuộc điện đàm với X": Thailand's Prime Minister met X)."""
    words = view.text[max(view.start, m.start - 40):m.start].split()
    return m.kind == "country" and not view.text[m.end:m.end + 2].strip()[:1].isupper() and \
        any(key(" ".join(words[-n:])) in names_lexicon().titles for n in range(1, min(6, len(words)) + 1))


def _fronted(view: View, head: int) -> bool:
    """Only opening cues ("Trong", "Tại", "Tuy nhiên, trong") before the noun in its part."""
    a = max(view.text.rfind(",", view.start, head) + 1, view.start)
    return not view.masked(a, head, FRONTING).strip(" \"“(")




def _titled_subject(view: View, a: int, b: int) -> list:
    """The subject of the clause after a fronted meeting noun ("Sau cuộc hội đàm với X, Thủ tướng Nhật
    nói ..."): a title with a country and no name is its one holder (holders.py), and a body named
    inside a long title before the name counts as title words ("Phó tổng thư ký Liên hợp quốc A")."""
    names = [m for m in view.mentions if a <= m.start and m.end <= b and view.usable(m)]
    if names and names[0].kind == "person":
        gap = view.text[a:names[0].start]
        for m in view.mentions:
            if a <= m.start and m.end <= names[0].start and not view.usable(m):
                gap = gap.replace(m.surface, " ")
        if title_words(gap):
            return view.run_from(names[0], names[1:])
    return title_holders(view, _subject_group(view, a, b))


def _subject_group(view: View, a: int, b: int) -> list:
    """The first names of a clause, with those coordinated with them ("A và B cho rằng ...")."""
    names = [m for m in view.mentions if a <= m.start and m.end <= b and view.usable(m)]
    if not names or not title_words(view.masked(a, names[0].start, ("pronoun", "adverb"))):
        return []
    return view.run_from(names[0], names[1:])


def chaired_meetings(view: View, drafts: list[Draft]) -> None:
    """"phiên đối thoại ... Việt Nam - Indonesia diễn ra dưới sự chủ trì của Thượng tướng A và Phó
    Đô đốc B": the persons who chair the meeting a noun names are its parties, not the countries
    in its name."""
    for d in drafts:
        h = d.hit
        if not h.nominal or not d.reference:
            continue
        cue = next((c for c in view.cues_in(h.end, h.clause[1], "chair")), None)
        if cue is None or any(h.end <= a < cue.start for a, _ in view.triggers):
            continue
        group = _subject_group(view, cue.end, h.clause[1])
        if len(group) >= 2 and any(m.kind == "person" for m in group):
            d.actors, d.recipients = [participant(m) for m in group], []


def said_at_meetings(view: View, drafts: list[Draft]) -> None:
    """"Thủ tướng Thái Lan đề nghị tăng hợp tác ..., khi hội đàm với Tổng Bí thư B": an act of speech
    addressed to no one named, whose subject meets someone in a part after it that a subordinate cue
    opens ("khi", "sau khi"), is said to whom it met."""
    for k, d in enumerate(drafts):
        if d.type not in SAID or d.recipients or d.hit.nominal or not d.hit.subject:
            continue
        said_by = {m.name for m in d.hit.subject}
        met = next((o for o in drafts[k + 1:] if o.type == MEETING and not o.hit.nominal and o.hit.objects
                    and {m.name for m in o.hit.subject} == said_by
                    and view.cues_in(d.hit.end, o.hit.head, "subordinate")), None)
        if met is not None:
            d.recipients = [participant(m) for m in met.hit.objects if (m.kind, m.name) not in d.names()]
