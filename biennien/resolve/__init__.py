"""The global step, run after the per-article stage over what is stored and not yet resolved.

Incremental: each run takes only the documents not yet resolved; their names are matched against
the actors already known (exact keys, then fuzzy candidates of one block), their events against
the events already stored, and only the touched persons' role timelines are recomputed (written only where they changed).
"""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from operator import itemgetter

from .. import settings
from ..store import resolution as io
from ..store.db import Store
from ..lexicon import shapes
from ..lexicon.names import HOME
from . import actors, reports, roles

BATCH = settings.get("ingest", "resolve_every")
_by_start = itemgetter(0, 1)


def run(store: Store, progress=None, size: int = BATCH, whole: bool = False) -> int:
    """Resolve the unresolved documents round by round; returns how many. A round is `size`
    documents by the order they were stored in, whichever run stored them: an ingest killed and
    run again resolves the same rounds as one that was not, and makes the same ids. `whole`: only
    rounds all of whose documents are stored (while ingesting), else the last one too."""
    done = 0
    while True:
        doc_ids, complete = io.unresolved_round(store, size)
        if not doc_ids or (whole and not complete):
            return done
        with store.transaction():
            resolve_round(store, doc_ids)
        done += len(doc_ids)
        if progress:
            progress(len(doc_ids))


def resolve_round(store: Store, doc_ids: list[str], held: list[tuple] = ()) -> None:
    """One round, in the caller's transaction. `held`: the mention rows of these documents that
    `Store.insert` held back (the ingest's writer): inserted here, each with its actor."""
    io.defer_foreign_keys(store)   # new actors are written with their aliases (write_new)
    resolver = _Resolver(store)  # one per round: events find their participants' actors cached
    touched = _actors(store, doc_ids, resolver, held)
    io.update_roles(store, sorted(touched), roles.build(io.observations_for_actors(store, sorted(touched))))
    _events(store, doc_ids, resolver)
    resolver.write_new()
    io.mark_resolved(store, doc_ids)


def _vote(countries: dict[str, int]) -> str | None:
    return Counter(countries).most_common(1)[0][0] if countries else None


class _Resolver:
    """Finds or makes the actor for (kind, name, country), remembering within a run.

    A new actor's first alias is written later, with the others made since, in one statement
    (`write_new`: a row at a time, the alias trigger makes full-text search flush each one);
    meanwhile lookups see those aliases as if stored: new actors have the highest ids, so they
    come after the stored ones wherever the store's answer is in id order."""

    def __init__(self, store: Store):
        self.store = store
        self.next_id = io.next_actor_id(store)   # a new actor's id, as SQLite would give it on insert
        self.new_actors: list[tuple[int, str, str, str | None, str]] = []   # rows of new actors, not yet written
        self.cache: dict[tuple, int] = {}
        self.named: dict[tuple, int] = {}      # (kind, name, country) as asked -> actor id: most are asked again
        self.surnames: dict[str, tuple[str, str | None]] = {}   # "putin" -> ("Vladimir Putin", "RUS")
        self.new: list[tuple[int, str, str, int]] = []              # aliases of new actors, not yet written
        self.new_keys: dict[tuple[str, str], list[dict]] = {}      # (kind, key) -> their actor rows
        self.new_persons: list[tuple[str, int, str | None]] = []   # (key, actor_id, country), sorted

    def write_new(self) -> None:
        """Write the new actors and their aliases (before any other alias is written or read by SQL:
        until then no query can reach a new actor, whose aliases are not stored)."""
        io.add_actors(self.store, self.new_actors)
        io.add_new_aliases(self.store, self.new)
        self.new, self.new_keys, self.new_persons, self.new_actors = [], {}, [], []

    def learn(self, mentions: list[tuple]) -> None:
        """A name of one word ("Putin", "ông Macron" in an article that never names him in full) is
        the one full person name of the round ending with it, if exactly one does and the countries
        agree; several ("Kim", "Trump" beside "Ivanka Trump") or none: it stays its own. A foreign
        word the round gives no full name is the one stored person ending so, if one is (`_actor`).
        `mentions`: (doc_id, start, kind, name, country, ...) as `_actors` reads them."""
        full: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
        for _, _, kind, name, country, *_ in mentions:
            if kind != "person":
                continue
            k = actors.key(name, "person")
            words = k.split()
            if len(words) > 1:
                full[words[-1]].add((k, name, country))
            if len(words) > 2 and words[-2].isalpha() and shapes.person_shape(name.split()) == "foreign" \
                    and words[-2] not in shapes.lexicon().particles:   # "Bachelet" of "Michelle Bachelet Jeria"
                full[words[-2]].add((k, name, country))
        for last, names in full.items():
            keys = {k for k, _, _ in names}
            if len(keys) == 1:
                countries = {c for _, _, c in names if c}
                self.surnames[last] = (max(n for _, n, _ in names), next(iter(countries)) if len(countries) == 1 else None)

    def actor(self, kind: str, name: str, country: str | None) -> int:
        asked = (kind, name, country)
        found = self.named.get(asked)
        if found is None:
            found = self.named[asked] = self._actor(kind, name, country)
        return found

    def _actor(self, kind: str, name: str, country: str | None) -> int:
        k = actors.key(name, kind, country)
        if kind == "person" and k in self.surnames and " " not in k \
                and actors.countries_agree(self.surnames[k][1], country):
            name, country = self.surnames[k][0], country or self.surnames[k][1]
            k = actors.key(name, kind, country)
        elif kind == "person" and " " not in k and actors.surname_like(k):
            known = [r for r in io.persons_ending(self.store, k) if actors.countries_agree(r["country"], country)]
            if len(known) == 1:   # "Tổng thống Putin" of a later round: the one stored "Vladimir Putin"
                name, country = known[0]["name"], country or known[0]["country"]
                k = actors.key(name, kind, country)
        memo = (kind, k, country)
        if memo in self.cache:
            return self.cache[memo]
        stored = io.actors_by_key(self.store, kind, k) + self.new_keys.get((kind, k), [])
        found = [r for r in stored if actors.countries_agree(r["country"], country)]
        if not found and kind == "person":
            found = [r for r in self._candidates(_fuzzy_prefixes(k))
                     if actors.same_person(k, r["key"]) and actors.countries_agree(r["country"], country)]
        if not found and kind == "person" and country not in (None, HOME) and " " in k and not k.isascii():
            found = [r for r in self._candidates([k.split()[0] + " "])   # "Nguỵ Phương Hoà" of China is "Nguỵ Phượng Hoà"
                     if r["country"] == country and actors.tone_variants(k, r["key"])]
        if found:
            actor_id = found[0]["actor_id"]
        else:
            actor_id, self.next_id = self.next_id, self.next_id + 1
            self.new_actors.append((actor_id, name, kind, country, k))
            self.new.append((actor_id, name, k, 0))
            self.new_keys.setdefault((kind, k), []).append({"actor_id": actor_id, "country": country})
            if kind == "person":
                bisect.insort(self.new_persons, (k, actor_id, country))
        self.cache[memo] = actor_id
        return actor_id

    def _candidates(self, prefixes: list[str]) -> list[dict]:
        """io.person_candidates with the new actors' aliases in: per prefix, in (key, actor id) order."""
        out: list[dict] = []
        for prefix in prefixes:
            got = io.person_candidates(self.store, [prefix])
            lo = bisect.bisect_left(self.new_persons, (prefix,))
            hi = bisect.bisect_left(self.new_persons, (prefix + "\U0010ffff",))
            if lo < hi:
                got = sorted(got + [{"key": k, "actor_id": a, "country": c} for k, a, c in self.new_persons[lo:hi]],
                             key=lambda r: (r["key"], r["actor_id"]))   # stable: the store's order kept
            out += got
        return out


def _fuzzy_prefixes(name_key: str) -> list[str]:
    """Where spelling variants of `name_key` sort: `same_person` lets one romanised word (ASCII, 5+
    letters) differ, so a variant shares every word before it and, as blocking, its first three
    letters. Key prefixes, not a LIKE '%…%': an index range, whatever the size of the store."""
    words = name_key.split()
    if len(words) < 2:
        return []
    return [" ".join(words[:i] + [w[:3]]) for i, w in enumerate(words) if w.isascii() and len(w) >= 5]


def _actors(store: Store, doc_ids: list[str], resolver: _Resolver, held: list[tuple] = ()) -> set[int]:
    """The round's mentions get their actors: the stored ones (`Store.add`) updated, the held ones
    inserted with theirs. Read as mentions_of orders them: by document, then start."""
    pairs, alias_counts, countries = [], Counter(), defaultdict(set)
    mentions = [(m["doc_id"], m["start"], m["kind"], m["name"], m["country"], m["id"])
                for m in io.mentions_of(store, doc_ids)]
    if held:   # (doc_id, start, kind, name, country, -1 - its place in held); ties stay as inserted
        mentions += [(r[0], r[2], r[5], r[6], r[10], -1 - i) for i, r in enumerate(held)]
        mentions.sort(key=_by_start)
    resolver.learn(mentions)
    assigned = [0] * len(held)
    for _, _, kind, name, country, ident in mentions:
        actor_id = resolver.actor(kind, name, country)
        if ident >= 0:
            pairs.append((actor_id, ident))
        else:
            assigned[-1 - ident] = actor_id
        alias_counts[(actor_id, name, actors.key(name, kind, country))] += 1
        if country:
            countries[actor_id].add(country)
    io.assign_mentions(store, pairs)
    io.add_mentions(store, [(*row, actor_id) for row, actor_id in zip(held, assigned)])
    resolver.write_new()
    io.add_aliases(store, [(a, alias, k, n) for (a, alias, k), n in alias_counts.items()])
    obs_pairs = []
    touched_people: set[int] = set()
    for o in io.observations_of(store, doc_ids):
        actor_id = resolver.actor("person", o["person"], o["country"])
        obs_pairs.append((actor_id, o["id"]))
        touched_people.add(actor_id)
    resolver.write_new()
    io.assign_observations(store, obs_pairs)
    touched = {a for a, _ in pairs}.union(assigned)
    io.refresh_actors(store, sorted(touched), actors.canonical, _vote, countries)
    return touched_people


def _participants(resolver: _Resolver, parts: list[dict]) -> list[dict]:
    return [{"actor_id": resolver.actor(p["kind"], p["name"], p.get("country")), "name": p["name"],
             "kind": p["kind"], "country": p.get("country")} for p in parts]


def _events(store: Store, doc_ids: list[str], resolver: _Resolver) -> None:
    """The event mentions of these documents join stored events or make new ones (resolve/reports)."""
    reports.resolve(store, io.event_mentions_of(store, doc_ids),
                    lambda m: (_participants(resolver, m["actors"]), _participants(resolver, m["recipients"])))
