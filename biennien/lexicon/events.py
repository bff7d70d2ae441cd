"""The event vocabulary (resources/vi/triggers.tsv, event_cues.tsv) compiled once per process.

Each table becomes one regular expression built as a character trie over every phrase, in both
Vietnamese tone placements ("thỏa"/"thoả", "dọa"/"doạ"), matched on the lower-cased text on whole
syllables. The trie makes the alternation cheap: at a position where no phrase starts the engine
fails on the first character, so a sentence without a trigger costs one scan.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import resources
from ..text import key, lower, norm_key, trie_pattern, variants

WORD = r"[^\W_]"


@dataclass(slots=True, frozen=True)
class Trigger:
    phrase: str
    type: str               # PLOVER type, or "-" for a phrase that is no trigger
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    args: str | None        # host | visit | agent | joint | intent | self | alone | declare


@dataclass(slots=True, frozen=True)
class Cue:
    phrase: str
    kinds: dict[str, tuple[str, ...]]   # kind -> where it applies; a phrase may have several kinds

    def has(self, kind: str, where: str | None = None) -> bool:
        w = self.kinds.get(kind)
        return w is not None and (where is None or where in w or "any" in w)


# What may stand before a phrase. Starting the pattern with this class (not a look-behind) lets
# the engine skip from one separator to the next: the whole scan costs a few microseconds per kB.
BEFORE = r"[ \n\t\r\u00a0(\"“‘'\[{,.;:!?…/–—-]"


def _compile(phrases: set[str]) -> re.Pattern:
    """Matched over " " + text: group 1 is the phrase, one character right of its offset."""
    return re.compile(rf"{BEFORE}({trie_pattern(phrases)})(?!{WORD})")


def finditer(pattern: re.Pattern, low: str, start: int = 0, end: int | None = None,
             padded: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of each phrase in low[start:end], offsets into `low`; `padded` is
    " " + low when the caller already has it."""
    padded = padded or " " + low
    return [(m.start(1) - 1, m.end(1) - 1, m.group(1))
            for m in pattern.finditer(padded, start, len(padded) if end is None else end + 1)]


@dataclass(slots=True)
class Lexicon:
    triggers: dict[str, Trigger]    # every spelling variant -> its row
    trigger_re: re.Pattern
    cues: dict[str, Cue]
    cue_re: re.Pattern
    collective_re: re.Pattern       # "hai bên", "hai nước": a quick test before a sentence is read
    counted: dict[str, re.Pattern]  # a trigger -> its longer rows read past a count ("trục xuất 60 nhà ngoại giao")


@functools.cache
def lexicon() -> Lexicon:
    triggers: dict[str, Trigger] = {}
    for row in resources.load("triggers"):
        phrase = norm_key(row["trigger"])
        context = tuple(c.strip() for c in (row.get("context") or "").split(",") if c.strip())
        trigger = Trigger(phrase, row["type"], row.get("mode"), context, row.get("cameo"), row.get("args"))
        for form in variants(phrase):
            triggers[form] = trigger
    kinds: dict[str, dict[str, tuple[str, ...]]] = {}
    for row in resources.load("event_cues"):
        phrase = norm_key(row["cue"])
        by_kind = kinds.setdefault(phrase, {})
        by_kind[row["kind"]] = (*by_kind.get(row["kind"], ()), row.get("where") or "any")
    cues: dict[str, Cue] = {}
    for phrase, pairs in kinds.items():
        cue = Cue(phrase, pairs)
        for form in variants(phrase):
            cues[form] = cue
    collective = {form for form, cue in cues.items() if cue.has("collective")}
    return Lexicon(triggers, _compile(set(triggers)), cues, _compile(set(cues)),
                   re.compile(rf"(?<!{WORD})(?:{trie_pattern(collective)})(?!{WORD})"),
                   _counted(triggers, {form for form, cue in cues.items() if cue.has("count")}))


def _counted(triggers: dict[str, Trigger], counts: set[str]) -> dict[str, re.Pattern]:
    """For a trigger that a longer row of another reading extends by its object ("trục xuất" and
    "trục xuất nhà ngoại giao"), the pattern of that object after a count (event_cues.tsv kind
    count, or digits): "trục xuất 60 nhà ngoại giao", "trục xuất khoảng 150 nhà ngoại giao"."""
    count = rf"(?:\d+(?:[.,]\d+)*|{trie_pattern(counts)})" if counts else r"\d+(?:[.,]\d+)*"
    rests: dict[str, set[str]] = {}
    for form, row in triggers.items():
        words = form.split(" ")
        for k in range(1, len(words)):
            short = triggers.get(" ".join(words[:k]))
            if short is not None and short.type != "-" and (short.type, short.cameo) != (row.type, row.cameo):
                rests.setdefault(" ".join(words[:k]), set()).add(" ".join(words[k:]))
    return {form: re.compile(rf"(?:[ \t]+{count}(?!{WORD}))+[ \t]+({trie_pattern(rest)})(?!{WORD})")
            for form, rest in rests.items()}


def counted(low: str, a: int, b: int, trigger: Trigger) -> tuple[int, int, Trigger]:
    """A trigger whose longer row follows a count is that row's ("trục xuất 60 nhà ngoại giao":
    SANCTION, not COERCE; "bắn 21 loạt đại bác": a blocking row, no attack); the hit then runs to
    the end of the object."""
    lex = lexicon()
    pattern = lex.counted.get(low[a:b])
    m = pattern.match(low, b) if pattern is not None else None
    if m is None:
        return a, b, trigger
    row = lex.triggers.get(f"{low[a:b]} {m.group(1)}")
    return (a, m.end(1), row) if row is not None else (a, b, trigger)


def scan(text: str) -> list[tuple[int, int, Trigger]]:
    """Every trigger phrase in `text` (blocking rows of type "-" included), left to right."""
    lex = lexicon()
    return [(a, b, lex.triggers[p]) for a, b, p in finditer(lex.trigger_re, lower(text))]


@functools.cache
def _visits() -> dict[str, str]:
    return {key(r["trigger"]): r["visit"] for r in resources.load("triggers") if r.get("visit")}


def visit(trigger: str | None) -> str | None:
    """What a mention's trigger, as the text writes it, tells of a visit (triggers.tsv visit): "stay"
    (in a country), "lead" (a stay when the headline or the lead tells it), "call" (on a person), None."""
    return _visits().get(key(trigger)) if trigger else None
