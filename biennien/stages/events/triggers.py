"""Event mentions coded in PLOVER/CAMEO, with actor, recipient, place, date and plans.

    find(article, sentences, mentions, times) -> list[EventMention]

Triggers are rows of resources/vi/triggers.tsv, cues (negation, reported speech, plans, passives,
nominalisers, places ...) rows of event_cues.tsv; one compiled trie of all triggers is run over
the whole text first, so sentences without a trigger cost nothing more. For each trigger:

- its arguments come from the mentions of its sentence (arguments.py); captions may
  report events but their participants must be named in the article's news sentences too;
- a trigger after a governing one in the same clause ("sẵn sàng hỗ trợ", "đề nghị ... tiếp tục
  hỗ trợ") is what that one governs, not an event of its own;
- a future date ("từ ngày 22 đến 23/10", "quý I-2025", "diễn ra vào ngày mai") makes the activity
  an AGREE with `planned = {start, end}`; a plan or intent cue without a date an AGREE (intent);
- a trip announced for later ("sẽ tới X", "dự kiến sang X": the plan word is in the row) is a
  planned visit, one plan with the meeting it goes to ("sẽ đến Hà Nội thăm Việt Nam");
- the date is the trigger's own time expression, else the article's lead event date, else the
  publication date;
- a noun naming a diplomatic event ("tại buổi chào xã giao", "chuyến thăm của X") refers to an
  event reported by a verb in the same article and takes that event's participants; a noun of
  violence or coercion ("vụ tấn công", "cuộc biểu tình") reports an event of its own;
- "hai bên", "hai nước" are the two leaders of different countries named before them in their
  sentence, else the two countries of the meeting the article reports; "nước này" the last
  country named; "ông", "bà" the last person named (also as the patient of "bị");
- a meeting noun that names no one takes the parties of the clause after it when it opens the
  sentence ("Trong cuộc hội đàm chiều cùng ngày, A đề nghị với B"), the sentence's subject when
  it names only its counterpart ("cuộc hội đàm với X"), its chairs ("dưới sự chủ trì của A và B")
  (meetings.py); a delegation "do X dẫn đầu" is X;
- a passive ("B bị A bắt", "B bị phá hủy bởi A") makes B the recipient, an owner included ("máy
  bay của Mỹ bị bắn hạ"); an outlet ("báo X") or a possessor ("Đặc phái viên của X") takes no part;
- a legal act with no authority named is the state's (article.state_parties); a visitor
  meeting several persons meets each (split_meetings);
- conditions, possibilities, questions and habits (modality.py) report nothing that
  happened; a crash is no attack; a quiz or a story has no events.
Mentions of what did not happen are returned with `negated=True`; the merge step
(resolve/events.py) keeps them as mentions and never makes them events.
"""
from __future__ import annotations

import bisect

from ...lexicon import types as event_types
from ...lexicon.events import counted, finditer, lexicon
from ...records import Article, EventMention, Mention, Sentence, TimeExpr
from ...text import UNREAD, lower
from . import attach
from .article import (ALONE, ONE_SIDED, STANDALONE_NOUNS, TWO_SIDED_OR_ONE, VISIT_CAMEO, Draft, emit, keep, lead_date, main_country,
                      named_in_news, participant, resolve_collectives, show_of_force,
                      split_meetings, state_parties)
from .arguments import (agent_after, agent_of_passive, country_reference, declared, inviters, objects, part_start,
                        phrase_names, place, place_host, postposed_subject, subject, subordinate_verb, time_of)
from .dating import PLAN_CAMEO, announced, carried_time, date_draft, episode_dates, home_clock, is_future, plan_of, restated
from .groups import group_party
from .bodies import place_bodies, without_stateless
from .holders import title_holders
from .meetings import chaired_meetings, counterpart_meetings, fronted_meetings, said_at_meetings
from .invitations import inviter
from .references import resolve_references
from .nouns import case_noun, document_objects
from .modality import accident, add_speaker, irrealis, negates, not_news, reported
from .view import CueHit, Hit, View, documents
from .visits import visit_sides
from .carried import words_end
from .coordinated import coordinated, share_speaker
from .doers import verb_subject
from .voices import state_voices

GOVERNING = event_types.governing()  # what follows in the clause is their content (event_types.tsv)
GOVERNS_NOUNS = event_types.governs_nouns()   # ... a noun of an event included ("bác bỏ cáo buộc của X")
MAX_HITS = 40          # per sentence: a run-on "sentence" of thousands of triggers is no news


def find(article: Article, sentences: list[Sentence], mentions: list[Mention],
         times: list[TimeExpr]) -> list[EventMention]:
    """Every event mention in the article."""
    lex = lexicon()
    times = home_clock(article.text, restated(article.text, times))
    low = lower(article.text)
    padded = " " + low
    hits = [counted(low, a, b, lex.triggers[p]) for a, b, p in finditer(lex.trigger_re, low, padded=padded)]
    hits = [h for k, h in enumerate(hits) if h[2].type != "-" and not (k and h[0] < hits[k - 1][1])]
    if not hits or not sentences or not_news(article, sentences, low, padded):
        return []
    names = sorted((m.start, m.end) for m in mentions)
    hits = [h for h in hits if not _inside_name(names, h[0], h[1])]   # "Nguyễn Tấn Công" attacks no one
    skip = [(z.start, z.end) for z in article.zones if z.kind in UNREAD]
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list] = {}
    for h in hits:
        i = bisect.bisect_right(starts, h[0]) - 1
        if i >= 0 and h[1] <= sentences[i].end and not any(a <= h[0] < b for a, b in skip):
            by_sentence.setdefault(i, []).append(h)
    if not by_sentence:
        return []
    mentions_in: dict[int, list[Mention]] = {}
    for m in mentions:
        if not any(a <= m.start < b for a, b in skip):
            mentions_in.setdefault(m.sentence, []).append(m)
    times_in: dict[int, list[TimeExpr]] = {}
    for t in times:
        times_in.setdefault(t.sentence, []).append(t)
    def planned(t: TimeExpr) -> bool:   # a plan cue before the time in its sentence
        s = sentences[t.sentence] if t.sentence < len(sentences) and sentences[t.sentence].index == t.sentence else None
        return s is not None and any(lex.cues[p].has("plan") for _, _, p in finditer(lex.cue_re, low, s.start, t.start, padded))
    lead = lead_date(article, sentences, times, planned)
    news = [m for m in mentions if not m.in_caption and not any(a <= m.start < b for a, b in skip)]
    news_names = {(m.kind, m.name) for m in news} | {("country", m.country) for m in news if m.country}
    persons = [m for m in news if m.kind == "person"]   # what "ông", "bà" may stand for
    countries = [m for m in news if m.kind == "country"]   # what "nước này" may stand for
    main = main_country(news)
    named_documents = documents(article.text, low, padded, mentions)
    drafts: list[Draft] = []
    for i, sentence_hits in sorted(by_sentence.items()):
        s = sentences[i]
        ms = [m for m in mentions_in.get(s.index, ()) if s.start <= m.start and m.end <= s.end]
        # a drill word may report one side alone: a show of force (article.show_of_force)
        few = len(ms) < 2 and not any(t.type in ONE_SIDED or ms and (t.type in TWO_SIDED_OR_ONE or t.mode in ALONE)
                                      for _, _, t in sentence_hits) and not lex.collective_re.search(low, s.start, s.end)
        cues = [] if few and not ms else \
            [CueHit(a, b, lex.cues[p]) for a, b, p in finditer(lex.cue_re, low, s.start, s.end, padded)]
        if few and not any(c.has("pronoun") or c.has("group") for c in cues):
            continue   # too few to take part, and no "hai bên", "ông", "bà" to stand for them
        ts = [t for t in times_in.get(s.index, ()) if s.start <= t.start and t.end <= s.end]
        view = View(article.text, s.start, s.end, ms, ts, cues, [(a, b) for a, b, _ in sentence_hits])
        view.antecedents, view.countries, view.sentence = persons, countries, s.index
        view.main_country, view.documents = main, named_documents
        view.carried = None if ts else carried_time(article.text, sentences, i, times_in, mentions_in, any(
            c.has("pronoun") and not article.text[s.start:c.start].strip() for c in cues))
        drafts += attach.fill(view, _sentence(view, s, sentence_hits[:MAX_HITS], article, lead))
    def view_of(i: int) -> View:   # any sentence as the finders see it (voices.py reads every one)
        s = sentences[i]
        cues = [CueHit(a, b, lex.cues[p]) for a, b, p in finditer(lex.cue_re, low, s.start, s.end, padded)]
        return View(article.text, s.start, s.end,
                    [m for m in mentions_in.get(s.index, ()) if s.start <= m.start and m.end <= s.end],
                    [t for t in times_in.get(s.index, ()) if s.start <= t.start and t.end <= s.end], cues,
                    [(a, b) for a, b, _ in by_sentence.get(i, ())])
    state_voices(drafts, view_of, len(sentences))
    for d in drafts:
        if d.caption:
            d.actors = [p for p in d.actors if named_in_news(p, news_names)]
            d.recipients = [p for p in d.recipients if named_in_news(p, news_names)]
    resolve_collectives(drafts, mentions)
    resolve_references(drafts)
    episode_dates(drafts)
    announced(drafts, article, lead)
    kept = split_meetings([d for d in drafts if keep(d)])
    person_names = frozenset(m.name for m in persons)
    for d in kept:
        d.actors, d.recipients = without_stateless(d.actors, d.recipients, person_names)
    return [emit(article, d) for d in kept]


def _inside_name(names: list[tuple[int, int]], a: int, b: int) -> bool:
    i = bisect.bisect_right(names, (a, 10**9)) - 1
    return i >= 0 and names[i][0] <= a < names[i][1]   # "Đảng Nước Nga Thống nhất": it starts in a name


# --- one sentence ------------------------------------------------------------------------------

def _sentence(view: View, s: Sentence, raw: list, article: Article, lead: tuple) -> list[Draft]:
    raw, documents_acted_on = document_objects(view, raw)
    hits = [_hit(view, a, b, trig) for a, b, trig in raw if not view.cue_ending(a, "offence")
            and not (trig.type == "ASSAULT" and accident(view, a))]
    for k, h in enumerate(hits):
        nxt = hits[k + 1].start if k + 1 < len(hits) and hits[k + 1].start < h.clause[1] else h.clause[1]
        h.zone_end = nxt
        if (doc := next((d for d in documents_acted_on if h.end <= d < nxt), None)) is not None:   # "ký một thoả thuận với X"
            h.zone_end, h.object_end = doc, nxt
    drafts: list[Draft] = []
    by_hit: dict[int, Draft] = {}
    for k, h in enumerate(hits):
        governor = next((by_hit[id(g)] for g in reversed(hits[:k]) if id(g) in by_hit
                         and g.clause == h.clause and (not g.nominal or g.owned) and by_hit[id(g)].type in GOVERNING
                         and g.trigger.type in GOVERNING), None)
        if governor is not None and (not h.nominal or governor.type in GOVERNS_NOUNS) and \
                not _new_clause(view, governor.hit, h) and not coordinated(view, governor.hit, h):
            # "lên án vụ tấn công", "bác bỏ cáo buộc": what a condemnation or a denial names is no new act
            governor.absorbed.append(h)
            governor.context = sorted(set(governor.context) | set(h.trigger.context))
            if h.nominal and not governor.recipients:   # "lên án vụ tấn công của X": X is accused
                governor.recipients = [participant(m) for m in phrase_names(view, h, _phrase_end(view, h))
                                       if (m.kind, m.name) not in governor.names()]
            continue
        d = _draft(view, s, h, hits[:k], by_hit, article, lead)
        if governor is not None and coordinated(view, governor.hit, h):
            share_speaker(governor, d)
        by_hit[id(h)] = d
        drafts.append(d)
    drafts = [d for d in drafts if not _goes_to_meet(view, d, drafts)]
    fronted_meetings(view, drafts)
    chaired_meetings(view, drafts)
    counterpart_meetings(view, drafts)
    said_at_meetings(view, drafts)
    for d in drafts:
        for h in d.absorbed:   # "thống nhất sẽ diễn tập chung vào tháng 12": the plan's date
            t = time_of(view, h, None)
            if d.type == "AGREE" and d.planned is None and t is not None and is_future(t, lead, article, True):
                d.planned = plan_of(t)
    return drafts


def _goes_to_meet(view: View, d: Draft, drafts: list[Draft]) -> bool:
    """"X sẽ đến Hà Nội thăm chính thức Việt Nam": going somewhere to meet someone is one plan, the
    meeting's; the trip (a trigger holding its plan word) is no event of its own, unless the meeting
    names no one ("sẽ đến Việt Nam để đồng chủ trì kỳ họp ...": the trip's destination)."""
    h = d.hit
    if d.type != "AGREE" or not view.cues_in(h.start, h.end, "plan"):
        return False
    return any(o is not d and o.hit.start > h.start and o.hit.clause == h.clause and o.type == "AGREE" and o.recipients
               and o.hit.trigger.type == h.trigger.type and o.hit.subject == h.subject for o in drafts)








def _new_clause(view: View, governor: Hit, h: Hit) -> bool:
    """"Sau khi gia đình tố cáo, A bị công an bắt giữ": a verb with a subject of its own after a
    comma is a clause of its own, not what the earlier verb governs ("đề nghị phía Lào hỗ trợ")."""
    if view.cues_in(governor.end, h.head, "subordinate") and subordinate_verb(view, h):
        return True   # "đề nghị ..., khi hội đàm với B": the speaker's own act, no content of the words
    own = subject(view, Hit(h.start, h.end, h.trigger, h.head, h.nominal, h.clause))
    return bool(own) and "," in view.text[governor.end:own[0].start]


def _hit(view: View, a: int, b: int, trig) -> Hit:
    h = Hit(a, b, trig, head=a, clause=view.clause_of(a))
    before = view.cue_ending(a, "nominal") or view.cue_ending(a, "place")
    if before is not None and not view.cues_in(a, b, "plan"):   # "tuần sau sẽ đến": a plan word opens a verb
        h.nominal, h.head = True, before.start
        light = view.cue_ending(before.start, "light")
        if light is not None and before.has("nominal"):
            h.nominal, h.head = False, light.start
    elif trig.type not in STANDALONE_NOUNS and (case := case_noun(view, a)) is not None:   # "vụ Philippines kiện ..."
        h.nominal, h.head = True, case.start
    elif (owner := view.cue_after(b, "possessive")) or view.cue_after(b, "demonstrative"):   # a verb takes no owner
        h.nominal, h.owned = True, owner is not None   # and no "này": "đề nghị của X", "gặp gỡ này"
    else:
        text = view.text
        lead_words = text[h.clause[0]:a].strip(" :\"“")
        word_after = text[b:b + 2].strip()
        named = (light := view.cue_ending(a, "light")) is not None and light.has("light", "name")   # "đồng chủ trì Đối thoại"
        if text[a].isupper() and trig.type not in GOVERNING and not named and \
                (lead_words or word_after[:1].isupper() and not postposed_subject(view, h)):
            h.nominal = True   # a capitalised name of an event: "Giao lưu hữu nghị ...", "Đối thoại Chính sách ..."
            #                    (a request or a charge opening a headline is a verb: "Đề nghị Thụy Sĩ hỗ trợ ...")
    return h


def _draft(view: View, s: Sentence, h: Hit, earlier: list[Hit], by_hit: dict, article: Article,
           lead: tuple) -> Draft:
    t = h.trigger
    d = Draft(h, s, s.is_caption, t.type, t.mode, list(t.context), t.cameo, spouses=view.spouse_names())
    subj: list[Mention] = []
    said: list[Mention] = []   # a subject carried from the speaker of the words before the verb
    met: Draft | None = None   # the meeting whose subject this verb continues ("X điện đàm với Y, chúc mừng ...")
    if not h.nominal:
        prev = next((by_hit[id(g)] for g in reversed(earlier) if id(g) in by_hit and not g.nominal), None)
        subj, said, met = verb_subject(view, s, h, prev)
    left = subj[-1].end if subj and subj[-1].end <= h.head else h.clause[0]   # a subject after the verb hides no cue before it
    if said:   # the words said before the verb's part are not its own ("cho biết A không tin B, cáo buộc C")
        left = max(left, part_start(view.text, h.clause[0], h.head), words_end(view, s, h))
    if sub := view.cues_in(left, h.head, "subordinate"):   # "A nêu đề xuất thời gian tới khi hội kiến B": the
        left = sub[-1].start                                # main clause's words are not the verb's
    intent = bool(view.cues_in(left, h.head, "intent", "before"))
    invited_by = inviter(view, h, subj) if not h.nominal and t.type == "CONSULT" else []
    intent = intent or bool(invited_by)   # "A mời B thăm C": A's invitation of B, a plan
    right_before = view.cue_ending(h.head, "plan")   # "xem xét khởi tố"
    plan = bool(view.cues_in(left, h.end, "plan", "before") or view.cues_in(h.clause[0], h.end, "plan", "any")
                or right_before is not None and right_before.has("plan", "next")
                or [c for c in view.cues_in(h.end, min(h.zone_end, h.end + 40), "plan") if c.has("plan", "after")])
    if h.nominal:
        owner = [m for m in view.mentions if h.head < m.start and m.end <= h.start and view.usable(m)]
        names = title_holders(view, owner + phrase_names(view, h, _phrase_end(view, h)))   # "việc X diễn tập": X's
        d.actors = [participant(m) for m in names]
        if t.cameo == VISIT_CAMEO:
            visit_sides(view, h, d, names, _phrase_end(view, h))
        d.reference = t.type not in STANDALONE_NOUNS
        named = view.cue_ending(h.start, "nominal") is None and view.cue_ending(h.start, "place") is None
        comma = view.text.find(",", h.end, h.clause[1])   # a plan or a wish told past the phrase of a noun naming its
        own = min(h.zone_end, h.clause[1] if comma < 0 else comma)   # sides is not its ("cuộc hội đàm giữa A và B ...
        own = own if d.actors or d.recipients else h.clause[1]       # tuần trước ..., sẽ thiết lập")
        # "Chuyến thăm ... của X sẽ diễn ra ngày 25-27/3": a plan told as the noun's predicate
        plan = plan or any(c.has("plan", "predicate") for c in view.cues_in(h.end, own, "plan"))
        d.standalone = not (named or plan or intent or view.cues_in(h.clause[0], own, "plan")
                            or view.cues_in(h.clause[0], own, "intent")
                            or any(g.clause == h.clause and g.trigger.type in GOVERNING for g in earlier))
        if len(d.actors + d.recipients) < 2 and view.cues_in(h.end, _phrase_end(view, h), "collective"):   # "giữa A và B ... hai bên": named
            d.collective = "joint"
    else:
        end = h.clause[1] if t.args == "intent" else h.object_end or h.zone_end
        obj = h.objects = title_holders(view, objects(view, h, end))
        if not obj and _and_next(view, h) and not view.text[h.end:h.zone_end].strip(" ,").count(" "):
            nxt = Hit(h.zone_end, h.zone_end, t, h.zone_end, clause=h.clause, zone_end=h.clause[1])
            obj = objects(view, nxt, _next_zone(view, h))
        if not obj:
            obj = country_reference(view, h, subj)
        if not obj and t.args not in ("joint", "self", "alone", "declare"):
            obj = group_party(view, h, subj)   # "đề nghị cộng đồng doanh nghiệp ...": the group's state
        if h.passive:   # "được ký kết giữa A và B": who signed together are named after the verb
            agent = agent_of_passive(view, h) or agent_after(view, h)
            among = t.args == "joint" and view.cue_after(h.end, "with") is not None   # "được ký kết giữa A và B"
            subj, obj = (obj, []) if among and not agent else (agent, subj)   # what was signed is no party
        if t.args == "declare":
            subj, obj = declared(view, h)
        if t.cameo == VISIT_CAMEO:
            obj = obj + [m for m in title_holders(view, inviters(view, h)) if m not in obj]
        _roles(d, t.args, subj, obj)
        if invited_by:
            d.actors, d.recipients = [participant(m) for m in invited_by], [participant(m) for m in subj]
        if met is not None and not d.recipients and t.args not in ("joint", "self", "alone"):   # said to the one met
            d.recipients = [participant(m) for m in met.hit.objects if (m.kind, m.name) not in d.names()]
        if h.collective:
            d.collective = "joint" if t.args in ("joint", "intent", "self", "alone") else "pair"
    d.place = place(view, h)
    state_parties(view, h, d)
    d.actors, d.recipients = place_bodies(view, h, d.actors), place_bodies(view, h, d.recipients)
    show_of_force(d, view.cue_ending(h.head, "joined") is not None)
    if t.cameo == VISIT_CAMEO and d.actors and not d.recipients:
        host = place_host(view, h)   # "thăm chính thức 3 ngày tại Indonesia": Indonesia hosts it
        if host is not None and host.country not in {p.country for p in d.actors}:
            d.recipients = [participant(host)]
    # a negation quoted apart from the trigger negates a verb of the quotation ("... "không thể tin tưởng" ...")
    quote = view.quoted(h.start)
    d.negated = any(view.quoted(c.start) <= quote and negates(view, c, h)
                    for c in view.cues_in(left, h.head, "negation", "before")) \
        or irrealis(view, h)
    d.reported = reported(view, s, h)
    date_draft(view, h, d, subj, article, lead, plan or intent)
    if d.time is None and h.nominal and _and_next(view, h):
        # "Cuộc gặp ... và Diễn tập ... diễn ra vào ngày mai": coordinated nouns share the date
        end = next((b for a, b in view.triggers if a == h.zone_end), h.zone_end)
        nxt = Hit(h.zone_end, end, t, h.zone_end, True, h.clause, _next_zone(view, h))
        date_draft(view, nxt, d, [], article, lead, plan)
        if d.planned is not None:   # ... and their parties, if it names none of a country
            d.actors = [p for p in d.actors if p.country or p.kind == "person"] or \
                [participant(m) for m in phrase_names(view, nxt, nxt.zone_end)]
    if d.planned is None and (intent or plan) and t.type != "AGREE" and not h.nominal:
        d.type, d.mode, d.cameo, d.reference = "AGREE", None, PLAN_CAMEO.get(t.type, "030"), False
        if plan:   # announced for later, no date given: planned all the same
            d.planned = {"start": None, "end": None}
    if d.reported and d.type == "AGREE":   # "X cho biết sẽ gặp Y": the speaker's own plan, too
        add_speaker(view, h, d)
    return d


def _and_next(view: View, h: Hit) -> bool:
    between = view.text[h.end:h.zone_end]
    return h.zone_end < h.clause[1] and any(
        c.end <= h.zone_end and not view.text[c.end:h.zone_end].strip()
        for c in view.cues_in(h.end, h.zone_end, "and")) and bool(between.strip())


def _roles(d: Draft, args: str | None, subj: list[Mention], obj: list[Mention]) -> None:
    s, o = [participant(m) for m in subj], [participant(m) for m in obj]
    if args == "host":
        d.actors, d.recipients = o, s
    elif args == "joint":
        d.actors = s + o
    elif args == "alone":   # a launch or a weapons test: what follows is where it flew, no party
        d.actors = s
    else:
        d.actors, d.recipients = s, o


# --- helpers over one sentence -----------------------------------------------------------------

def _phrase_end(view: View, h: Hit) -> int:
    end = h.zone_end
    if view.text[h.end:end].strip() == "" and end < h.clause[1]:
        end = h.clause[1]
    return end


def _next_zone(view: View, h: Hit) -> int:
    """Where the object zone of the trigger after `h` ends (the one after it, or the clause end)."""
    later = sorted(a for a, _ in view.triggers if a > h.zone_end and a < h.clause[1])
    return later[0] if later else h.clause[1]

