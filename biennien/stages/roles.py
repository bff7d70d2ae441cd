"""Role observations: (person, rank, title, organisation, country, date, sentence), and changes.

One observation per (person mention with a title, title) in a news sentence; captions show no
roles. The date is the sentence's own day-precision time expression if it has one, else the
article's publication date at its precision (a publication known only to its month: the last day
an earlier sentence names in that month). A post seen on the sentence's own day within
settings times.role_seen_days of the publication is also seen on the publication day (the article
shows it as current then): two observations, unless it changes or is a past post. A change ("được cử giữ chức" = start, "thôi giữ
chức" = end, "nguyên Bộ trưởng" = a past holder: end with no date) comes from the mention's title
chain (`Mention.title_claims`, filled by the mentions stage); a stated change date is a time expression, or a "(M/YYYY)" in
brackets, right after the title.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as Date

from .. import settings
from ..records import Article, Mention, RoleObservation, Sentence, TimeExpr, TitleClaim

BRACKET_DATE = re.compile(r"\(\s*(?:[^\W\d_]+\s+)?(?:(\d{1,2})/)?(\d{1,2})/(\d{4})\s*\)")
CLAUSE = re.compile(r"[,;:]")
NEAR = 60  # characters after a title in which a stated change date may stand
SEEN_DAYS = settings.get("times", "role_seen_days")


def find(article: Article, sentences: list[Sentence], mentions: list[Mention],
         times: list[TimeExpr]) -> list[RoleObservation]:
    """Every role observation in the article."""
    titled = [m for m in mentions if m.kind == "person" and (m.titles or m.title_claims) and not m.in_caption]
    if not titled:
        return []
    by_index = {s.index: s for s in sentences}
    out: list[RoleObservation] = []
    for m in titled:
        sentence = by_index.get(m.sentence)
        if sentence is None or sentence.is_caption:
            continue
        date, precision = _date(article, sentence, times, m.start)
        also = _published_too(article, date, precision)
        chain = m.title_claims or [TitleClaim(t) for t in m.titles]
        if any(t.title is None for t in chain):
            chain = [x for t in chain for x in (_post_elsewhere(m, t, titled) if t.title is None else [t])]
        for t in chain:
            change = t.change if t.change in ("start", "end") else None
            change_date = None
            if change and not t.past:
                change_date = _change_date(article, sentence, t, times)
            out.append(RoleObservation(
                doc_id=article.doc_id, sentence=m.sentence, person=m.name, rank=m.rank, title=t.title,
                organization=t.organization or (m.organization if len(chain) == 1 else None),
                country=t.country or m.country, date=date, date_precision=precision,
                change=change, change_date=change_date))
            if also and change is None and not t.past:
                out.append(replace(out[-1], date=article.published, date_precision="day"))
    return out


def _published_too(article: Article, date: str | None, precision: str | None) -> bool:
    """Is a role seen on its sentence's own day ("Hôm qua, Thủ tướng X ...") seen on the day of
    publication too? When the day lies within SEEN_DAYS of it: the article shows the post as
    current when it is published, and the post was held on the day the sentence tells of."""
    published = article.published
    if precision != "day" or article.published_precision != "day" or not date or not published or date == published:
        return False
    try:
        return abs((Date.fromisoformat(published) - Date.fromisoformat(date)).days) <= SEEN_DAYS
    except ValueError:
        return False


def _post_elsewhere(m: Mention, change: TitleClaim, titled: list[Mention]) -> list[TitleClaim]:
    """A change whose post the sentence does not name ("bãi nhiệm bà A", "ông A từ chức") is a
    change of the post the article gives the person: the titles of their nearest titled mention
    before it, else after it (a past post, "nguyên Bộ trưởng", is not the one changing). None of
    them: one observation with title None, kept as evidence of a change (no role is built)."""
    mine = [x for x in titled if x.name == m.name and x is not m and x.title_claims
            and any(t.title and not t.past for t in x.title_claims)]
    before = [x for x in mine if x.start < m.start]
    near = before[-1] if before else (mine[0] if mine else None)
    if near is None:
        return [change]
    return [replace(t, change=change.change, at=change.at, past=False)
            for t in near.title_claims if t.title and not t.past]


def _date(article: Article, sentence: Sentence, times: list[TimeExpr], at: int) -> tuple[str | None, str | None]:
    """The sentence's own day; else a month or year opening the sentence, before the person, earlier
    than the publication ("Năm 1993, tổng thống Pháp X ...": X is seen in 1993, not on the day of the
    news; in "Cuộc gặp hồi tháng 6 giữa Tổng thống X ..." the month dates the meeting, not the post);
    else, when the publication gives only a month or a year, the last day an earlier sentence names
    within it (the day the story is told on); else the publication date."""
    own = [t for t in times if t.sentence == sentence.index and t.value and t.kind == "point"]
    days = [t for t in own if t.precision == "day"]
    if days:
        return days[0].value, "day"
    published = article.published
    past = [t for t in own if t.precision in ("month", "year") and t.start < at and _opens(article, sentence, t)
            and published and t.value < published[:len(t.value)]]
    if past:
        return past[-1].value, past[-1].precision
    if published and article.published_precision in ("month", "year"):
        told = [t for t in times if t.sentence < sentence.index and t.value and t.kind == "point"
                and t.precision == "day" and t.value.startswith(published)]
        if told:   # "Chiều 25-5, ... / Cùng hội kiến có X": the day the story is told on, in the month published
            return max(told, key=lambda t: t.start).value, "day"
    return article.published, article.published_precision


def _opens(article: Article, sentence: Sentence, t: TimeExpr) -> bool:
    """Does the time expression open its sentence or a clause of it, after one word at most ("Năm
    1993, ...", "Theo phân công của Bộ Chính trị, vào đầu tháng 8, ...")?"""
    return len(CLAUSE.split(article.text[sentence.start:t.start])[-1].split()) <= 1


def _change_date(article: Article, sentence: Sentence, title: TitleClaim, times: list[TimeExpr]) -> str | None:
    """A date written just after the title: a time expression, or "(tháng 2/2022)"."""
    at = title.at if title.at is not None else sentence.start
    span = NEAR + len(title.title or "")
    for t in times:
        if t.sentence == sentence.index and at < t.start <= at + span and t.value:
            return t.value
    window = article.text[at:min(sentence.end, at + span)]
    m = BRACKET_DATE.search(window)
    if not m:
        return None
    day, month, year = m.groups()
    if not 1 <= int(month) <= 12:
        return None
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
