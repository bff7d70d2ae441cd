"""Role timelines: observations of (person, rank, title, country) grouped into roles per post.

A role is one person in one post with one rank: its `observed` dates are the dates sources show
it; `start`/`end` are dates sources state ("được cử giữ chức … (tháng 2/2022)", "nghỉ hưu").
`certainty` says which: `stated` (a source states a start or end), `observed` (only seen), and
`disputed` when two sources state different starts or ends. A short form of a post ("Bộ trưởng
Onodera", or the post without its country) joins the person's one fuller form of it.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

from .. import resources
from ..text import key as phrase_key


@functools.cache
def _rewrites() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(r["pattern"]), r["replacement"].replace("\\1", r"\1"))
                 for r in resources.load("title_keys"))


def title_key(title: str | None) -> str:
    """How titles are compared: tone placement folded, case-folded, spaces collapsed, the rewrites of
    title_keys.tsv."""
    text = phrase_key(title or "")
    for pattern, replacement in _rewrites():
        text = pattern.sub(replacement, text)
    return text.strip()


def build(observations: list[dict]) -> list[dict]:
    """Roles from observations (dicts with actor_id, id, rank, title, organization, country, date,
    date_precision, change, change_date, published, and period_lo, period_hi: the period of an
    undated article, which bounds the first and last sightings as role_seen does)."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for o in observations:
        if o.get("actor_id") is None or not o.get("title"):
            continue
        groups[(o["actor_id"], o.get("rank"), title_key(o["title"]), o.get("country"))].append(o)
    groups = _fold(groups)
    roles = []
    for (actor_id, rank, key, country), obs in groups.items():
        # a former holder ("nguyên Bộ trưởng") is no evidence of holding the post on that date
        dates = sorted({d for o in obs if o.get("change") != "end"
                        for d in [o.get("date") or o.get("published"), *_period(o)] if d})
        starts = sorted({o.get("change_date") or o.get("date") for o in obs if o.get("change") == "start"} - {None})
        ends = sorted({o.get("change_date") or o.get("date") for o in obs if o.get("change") == "end"} - {None})
        titles = Counter(o["title"] for o in obs if title_key(o["title"]) == key)   # not a short form folded in
        orgs = Counter(o["organization"] for o in obs if o.get("organization"))
        stated = bool(starts or ends)
        roles.append({
            "actor_id": actor_id, "rank": rank, "title": titles.most_common(1)[0][0], "title_key": key,
            "organization": orgs.most_common(1)[0][0] if orgs else None, "country": country,
            "start": starts[0] if starts else None, "end": ends[-1] if ends else None,
            "first_observed": dates[0] if dates else None, "last_observed": dates[-1] if dates else None,
            "certainty": "disputed" if _disagree(starts) or _disagree(ends) else "stated" if stated else "observed",
            "observations": [o["id"] for o in obs]})
    return roles


def _period(o: dict) -> list[str]:
    """The first and last day of an observation's undated article, when it has no date of its own."""
    if o.get("date") or o.get("published") or not o.get("period_lo"):
        return []
    return [o["period_lo"], o["period_hi"]]


def _fold(groups: dict[tuple, list[dict]]) -> dict[tuple, list[dict]]:
    """Short forms of a post join the person's one fuller form of it: a post seen without a
    country joins the same post seen with one ("Bộ trưởng Quốc phòng X" beside "Bộ trưởng Quốc
    phòng Nhật Bản X"), then a bare title the one post with an organisation it opens ("Bộ trưởng
    Onodera" beside "Bộ trưởng Quốc phòng Itsunori Onodera"; "Tổng thống" never joins "Tổng thống
    đắc cử"). Two fuller forms to choose from: nothing joins."""
    by_person: dict[tuple, list[tuple]] = defaultdict(list)
    for g in groups:
        by_person[(g[0], g[1])].append(g)
    for person_groups in by_person.values():
        if len(person_groups) < 2:
            continue
        for g in person_groups:
            if g[3] is None:
                fits = [h for h in person_groups if h[2] == g[2] and h[3] is not None and h in groups]
                if len(fits) == 1:
                    groups[fits[0]] += groups.pop(g)
        for g in person_groups:
            if g in groups:
                fits = [h for h in person_groups if h in groups and h[2].startswith(f"{g[2]} ")
                        and (g[3] is None or h[3] in (None, g[3]))
                        and any(o.get("organization") for o in groups[h])]   # "Tổng thống đắc cử" is another post
                if len(fits) == 1:
                    groups[fits[0]] += groups.pop(g)
    return groups


def _disagree(dates: list[str]) -> bool:
    """Two stated dates that differ at the precision they share ("2022-02" agrees with "2022-02-15")."""
    return any(a[:n] != b[:n] for a in dates for b in dates if (n := min(len(a), len(b))))
