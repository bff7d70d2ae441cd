"""Build the split gold files from the per-text annotations.

    python eval/merge.py [SPLIT ...]   # eval/gold/annotations/*/ -> eval/gold/{dev,test,dev2}.gold.json

Each text's annotation is `annotations/<batch>/<stem>.json` (form: eval/validate.py); a text
annotated twice has a second copy in another batch, and `annotations/assign.json` says which
copy is the adjudicated one (`a`). Persons are joined across texts by their full spellings (a
name, or an alias of two words or more); a short alias ("ông Hùng") that would point at two
different persons of a split is dropped, since the scorer maps each spelling to one person.
"""
from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
ANNOTATIONS = GOLD / "annotations"
sys.path.insert(0, str(HERE))
import texts  # noqa: E402


from biennien import resources  # noqa: E402

sys.path.insert(0, str(texts.SHARED / "eval"))
from score import norm  # noqa: E402  - the scorer's own comparison of spellings


@functools.cache
def _country_names() -> dict[str, set[str]]:
    """ISO alpha-3 -> its Vietnamese names (biennien's countries table: the words, not the code)."""
    out: dict[str, set[str]] = {}
    for row in resources.load("countries"):
        out.setdefault(row["iso3"], set()).add(norm(row["name"]))
    return out


def bare_title(title: str, country: str | None) -> str | None:
    """The post without the holder's own country, as the seeds gold writes posts (the country is
    the role's `country`): at its end ("Tổng thống Nga", "Thủ tướng của Na Uy" -> "Tổng thống",
    "Thủ tướng"), or before where an envoy serves ("Đại sứ Nga tại Anh" -> "Đại sứ tại Anh").
    None when the title names no such country."""
    words = title.split()
    for name in sorted(_country_names().get(country or "", ()), key=len, reverse=True):
        n = len(name.split())
        for i in range(1, len(words) - n + 1):
            if norm(" ".join(words[i:i + n])) != name:
                continue
            before, after = words[:i], words[i + n:]
            if after and norm(after[0]) == "tại":
                return " ".join(before + after)
            if not after:
                return " ".join(before[:-1] if norm(before[-1]) == "của" and len(before) > 1 else before)
    return None


def load(batch: str, file: str) -> dict:
    ann = json.loads((ANNOTATIONS / batch / file.replace(".txt", ".json")).read_text(encoding="utf-8"))
    for event in ann["events"]:
        # the first wave's instructions put signing under AGREE; PLOVER's CAMEO2PLOVER table (and
        # the seeds gold) put CAMEO 057, "sign formal agreement", under SUPPORT
        if str(event.get("cameo") or "").startswith("057"):
            event["type"] = "SUPPORT"
    for role in ann["roles"]:
        bare = [b for t in role["titles"] if (b := bare_title(t, role.get("country")))]
        role["titles"] = list(dict.fromkeys(bare + role["titles"]))
    for q in ann["asof"]:
        q["title"] = bare_title(q["title"], q.get("country")) or q["title"]
    return ann


def person_key(spelling: str) -> str:
    """A spelling folded for joining persons: "Moon Jae - in", "Moon Jae-in" and "Moon Jae In" are
    one name (hyphens and the spaces around them do not tell people apart)."""
    return " ".join(norm(spelling).replace("-", " ").replace("‑", " ").split())


def full(spelling: str) -> bool:
    """A spelling that names one person on its own: two words or more, starting with a capital."""
    words = spelling.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


class Persons:
    """Persons of one split, joined across texts by a shared full spelling (union-find)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.entries: list[tuple[str, dict]] = []   # (file, person)

    def find(self, key: str) -> str:
        while self.parent.setdefault(key, key) != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def add(self, file: str, person: dict) -> None:
        self.entries.append((file, person))
        keys = [person_key(person["name"])] + [person_key(a) for a in person.get("aliases", []) if full(a)]
        for key in keys[1:]:
            self.parent[self.find(key)] = self.find(keys[0])

    def _join_short_names(self) -> None:
        """A person the text calls by one word only ("Trump", "Tập") is the one person elsewhere
        who has that word among their spellings; two persons of one country who both go by the
        last word of their names ("James Mattis", "Jim Mattis": "Mattis") are one."""
        owners: dict[str, set[str]] = {}
        for _, person in self.entries:
            root = self.find(person_key(person["name"]))
            for spelling in [person["name"], *person.get("aliases", [])]:
                if len(spelling.split()) == 1:
                    owners.setdefault(person_key(spelling), set()).add(root)
        country = {self.find(person_key(p["name"])): p.get("country") for _, p in self.entries}
        last = {}
        for _, person in self.entries:
            last.setdefault(self.find(person_key(person["name"])), set()).add(person_key(person["name"]).split()[-1])
        for _, person in self.entries:
            name = person_key(person["name"])
            if len(name.split()) == 1:
                others = {self.find(r) for r in owners.get(name, ())} - {self.find(name)}
                if len(others) == 1:
                    self.parent[self.find(name)] = others.pop()
        for word, roots in owners.items():
            roots = {self.find(r) for r in roots}
            sharing = [r for r in roots if word in last.get(r, ()) and country.get(r) not in (None, "VNM")]
            if len(sharing) > 1 and len({country[r] for r in sharing}) == 1:
                for r in sharing[1:]:
                    self.parent[self.find(r)] = self.find(sharing[0])

    def merged(self) -> tuple[list[dict], dict[tuple[str, str], str], list[str]]:
        """(persons, (file, annotated name) -> merged name, notes)."""
        self._join_short_names()
        groups: dict[str, list[tuple[str, dict]]] = {}
        for file, person in self.entries:
            groups.setdefault(self.find(person_key(person["name"])), []).append((file, person))
        out, rename, notes = [], {}, []
        owner: dict[str, set[str]] = {}
        for members in groups.values():
            names = [p["name"] for _, p in members]
            name = max(names, key=lambda n: (len(n.split()), names.count(n), n))
            spellings = {s for _, p in members for s in [p["name"], *p.get("aliases", [])]}
            countries = [p.get("country") for _, p in members if p.get("country")]
            if len(set(countries)) > 1:
                notes.append(f"person {name}: countries {sorted(set(countries))}, took the most frequent")
            country = max(set(countries), key=countries.count) if countries else None
            out.append({"name": name, "aliases": sorted(s for s in spellings if s != name), "country": country})
            for file, p in members:
                rename[(file, p["name"])] = name
            for s in spellings:
                owner.setdefault(norm(s), set()).add(name)
        for person in out:
            keep = [a for a in person["aliases"] if len(owner[norm(a)]) == 1]
            dropped = sorted(set(person["aliases"]) - set(keep))
            if dropped:
                notes.append(f"person {person['name']}: ambiguous aliases dropped {dropped}")
            person["aliases"] = keep
        return sorted(out, key=lambda p: p["name"]), rename, notes


def build(split: str, chosen: list[dict], assign: dict) -> tuple[dict, list[str]]:
    files = sorted(c["file"] for c in chosen if c["split"] == split)
    ann = {f: load(next(b for b, copy in assign[f] if copy == "a"), f) for f in files}
    persons = Persons()
    for f in files:
        for p in ann[f]["persons"]:
            persons.add(f, p)
    merged, rename, notes = persons.merged()
    spelled = {norm(s) for p in merged for s in [p["name"], *p["aliases"]]}

    def who(file: str, token: str) -> str:
        return rename.get((file, token), token)

    gold: dict = {"about": "", "documents": [], "persons": merged, "not_actors": [], "roles": [],
                  "former_titles": [], "events": [], "asof": []}
    not_actors: set[str] = set()
    seen_q: dict[tuple, str] = {}
    for f in files:
        a = ann[f]
        doc = dict(a["document"])
        doc["source"] = texts.source(f)
        gold["documents"].append(doc)
        for n in a["not_actors"]:
            if norm(n) in spelled:
                notes.append(f"{f}: not_actor {n!r} is also a person's spelling; dropped from not_actors")
            else:
                not_actors.add(n)
        for r in a["roles"]:
            gold["roles"].append({**r, "person": who(f, r["person"]), "file": f})
        for t in a["former_titles"]:
            gold["former_titles"].append({**t, "person": who(f, t["person"]), "file": f})
        for e in a["events"]:
            e = {**e, "file": f}
            for side in ("actor", "recipient"):
                e[side] = [who(f, t) for t in e.get(side, [])]
            gold["events"].append(e)
        for q in a["asof"]:
            q = {**q, "holder": who(f, q["holder"]), "file": f}
            key = (norm(q["title"]), q["country"], q["on"])
            if key in seen_q:
                if seen_q[key] != q["holder"]:
                    notes.append(f"asof {key}: two holders ({seen_q[key]}, {q['holder']}); both dropped")
                    gold["asof"] = [x for x in gold["asof"] if (norm(x["title"]), x["country"], x["on"]) != key]
                continue
            seen_q[key] = q["holder"]
            gold["asof"].append(q)
    gold["not_actors"] = sorted(not_actors)
    ids = {e["id"] for e in gold["events"]}
    for e in gold["events"]:
        e["same_as"] = [i for i in e.get("same_as", []) if i in ids]
    return gold, notes


def main(argv: list[str] | None = None) -> int:
    only = set(sys.argv[1:] if argv is None else argv)   # the splits to (re)build; none named: every split
    assign = json.loads((ANNOTATIONS / "assign.json").read_text(encoding="utf-8"))
    about = json.loads((GOLD / "about.json").read_text(encoding="utf-8"))
    import agreement
    for path in sorted(GOLD.glob("sample*.json")):   # one wave per sample file, its splits agreed within it
        chosen = json.loads(path.read_text(encoding="utf-8"))["texts"]
        wave = {c["file"] for c in chosen}
        agreed = agreement.totals({f: copies for f, copies in assign.items() if f in wave})
        for split in dict.fromkeys(c["split"] for c in chosen):
            if only and split not in only:
                continue
            gold, notes = build(split, chosen, assign)
            gold["about"] = {**about, "split": split, "agreement": agreed, "merge_notes": notes}
            if split in about.get("waves", {}):
                gold["about"]["wave"] = about["waves"][split]
            out = GOLD / f"{split}.gold.json"
            out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            core = sum(1 for e in gold["events"] if e["core"])
            print(f"{split}: {len(gold['documents'])} texts, {core} core events ({len(gold['events'])} in all), "
                  f"{len(gold['persons'])} persons, {len(gold['roles'])} roles, {len(gold['asof'])} as-of; "
                  f"{len(notes)} merge notes -> {out.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
