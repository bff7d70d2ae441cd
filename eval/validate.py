"""Check one annotation file (the gold of one text) against the guide's form.

    python eval/validate.py ANNOTATION.json [...]

An annotation file is one JSON object for one text: `document` (file, published, precision,
year_basis, note), `persons`, `not_actors`, `roles`, `former_titles`, `events`, `asof`; the same
fields as `../shared/eval/seeds.gold.json`, for one file. Prints one line per problem and exits 1
when there is any.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

TYPES = {"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
         "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "CONCEDE", "RETREAT"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CODE = re.compile(r"^[A-Z]{3}$")
KEYS = {"document", "persons", "not_actors", "roles", "former_titles", "events", "asof"}


def problems(path: Path) -> list[str]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return [f"{path}: not readable JSON: {exc}"]
    out: list[str] = []

    def bad(msg: str) -> None:
        out.append(f"{path.name}: {msg}")

    if not isinstance(gold, dict) or set(gold) - KEYS or KEYS - set(gold):
        return [f"{path.name}: keys must be exactly {sorted(KEYS)}"]
    doc = gold["document"]
    file = doc.get("file")
    if not file or path.name != f"{file}.json" and path.name != file.replace(".txt", ".json"):
        bad(f"document.file {file!r} does not name this annotation file")
    if not (doc.get("published") and DATE.match(doc["published"])):
        bad("document.published must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    elif {4: "year", 7: "month", 10: "day"}[len(doc["published"])] != doc.get("precision"):
        bad("document.precision must say the precision of published (day/month/year)")
    if not doc.get("year_basis"):
        bad("document.year_basis is missing (metadata, text, or world knowledge)")
    names: set[str] = set()
    for p in gold["persons"]:
        if not isinstance(p.get("name"), str) or not p["name"].strip():
            bad(f"person without a name: {p}")
            continue
        names.add(p["name"])
        if not isinstance(p.get("aliases", []), list):
            bad(f"person {p['name']}: aliases must be a list")
        if p.get("country") is not None and not CODE.match(p["country"]):
            bad(f"person {p['name']}: country must be ISO alpha-3 or null")
    if not all(isinstance(n, str) for n in gold["not_actors"]):
        bad("not_actors must be a list of strings")

    def participant(token: str, where: str) -> None:
        if not (token in names or CODE.match(token)):
            bad(f"{where}: participant {token!r} is neither a gold person's name nor an ISO alpha-3 code")

    for r in gold["roles"]:
        where = f"role {r.get('person')}"
        if r.get("person") not in names:
            bad(f"{where}: person is not in persons")
        if not isinstance(r.get("titles"), list) or not r["titles"]:
            bad(f"{where}: titles must be a non-empty list")
        if r.get("country") is not None and not CODE.match(r["country"] or ""):
            bad(f"{where}: country must be ISO alpha-3")
        if not (r.get("observed") and DATE.match(r["observed"])):
            bad(f"{where}: observed must be an ISO date")
        for key in ("start", "end"):
            if r.get(key) is not None and not DATE.match(r[key]):
                bad(f"{where}: {key} must be an ISO date or null")
        if r.get("file") != file:
            bad(f"{where}: file must be {file}")
    for f in gold["former_titles"]:
        if f.get("person") not in names or not f.get("title") or f.get("file") != file:
            bad(f"former title {f}: needs person (from persons), title, text and file")
    ids = set()
    for e in gold["events"]:
        where = f"event {e.get('id')}"
        if not e.get("id") or e["id"] in ids:
            bad(f"{where}: id missing or repeated")
        ids.add(e.get("id"))
        if e.get("file") != file:
            bad(f"{where}: file must be {file}")
        if e.get("type") not in TYPES:
            bad(f"{where}: type {e.get('type')!r} is not a PLOVER type")
        if not isinstance(e.get("core"), bool):
            bad(f"{where}: core must be true or false")
        if not (e.get("date") and DATE.match(e["date"])):
            bad(f"{where}: date must be an ISO date at the precision the text supports")
        if not e.get("trigger"):
            bad(f"{where}: trigger (the words that report it) is missing")
        for side in ("actor", "recipient"):
            if not isinstance(e.get(side, []), list):
                bad(f"{where}: {side} must be a list")
                continue
            for token in e.get(side, []):
                participant(token, where)
        if e.get("core") and not (e.get("actor") or e.get("recipient")):
            bad(f"{where}: a core event needs an identifiable participant")
        plan = e.get("planned")
        if plan is not None and (not isinstance(plan, dict) or any(
                plan.get(k) is not None and not DATE.match(plan[k]) for k in ("start", "end"))):
            bad(f"{where}: planned must be null or {{start, end, what}} with ISO dates")
        if not isinstance(e.get("same_as", []), list):
            bad(f"{where}: same_as must be a list of event ids")
    for q in gold["asof"]:
        if q.get("holder") not in names:
            bad(f"asof {q}: holder must be a gold person's name")
        if not (q.get("on") and DAY.match(q["on"])) or not CODE.match(q.get("country") or "") or not q.get("title"):
            bad(f"asof {q}: needs title, country (ISO alpha-3), on (YYYY-MM-DD), holder, file")
    return out


def main(paths: list[str]) -> int:
    found = [line for path in paths for line in problems(Path(path))]
    for line in found:
        print(line)
    print(f"{len(paths)} files, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
