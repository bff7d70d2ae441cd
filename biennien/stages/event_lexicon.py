"""The event vocabulary (resources/vi/triggers.tsv, event_cues.tsv) compiled once per process.

Each table becomes one regular expression built as a character trie over every phrase, in both
Vietnamese tone placements ("thỏa"/"thoả", "dọa"/"doạ"), matched on the lower-cased text on whole
syllables. The trie makes the alternation cheap: at a position where no phrase starts the engine
fails on the first character, so a sentence without a trigger costs one scan.
"""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

from .. import resources

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# o/u + a/e/y at a syllable's end, tone mark on either vowel (decomposed form)
GLIDE = re.compile(rf"^(.*?)([ou])([{TONE_MARKS}]?)([aey])([{TONE_MARKS}]?)$")
WORD = r"[^\W_]"


@dataclass(slots=True, frozen=True)
class Trigger:
    phrase: str
    type: str               # PLOVER type, or "-" for a phrase that is no trigger
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    args: str | None        # host | visit | agent | joint | intent | self


@dataclass(slots=True, frozen=True)
class Cue:
    phrase: str
    kinds: tuple[tuple[str, str], ...]  # (kind, where) pairs; a phrase may have several


def lower(text: str) -> str:
    """Lower case with the same length as `text`, so offsets carry over."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _syllable_variants(syllable: str) -> set[str]:
    decomposed = unicodedata.normalize("NFD", syllable)
    m = GLIDE.match(decomposed)
    if not m or bool(m.group(3)) == bool(m.group(5)):
        return {syllable}
    head, first, _, second, _ = m.groups()
    tone = m.group(3) or m.group(5)
    forms = {head + first + tone + second, head + first + second + tone}
    return {unicodedata.normalize("NFC", f) for f in forms}


def variants(phrase: str) -> set[str]:
    """The phrase in both tone placements, syllable by syllable."""
    parts = [sorted(_syllable_variants(s)) for s in phrase.split(" ")]
    return {" ".join(p) for p in itertools.product(*parts)}


def trie_pattern(phrases: set[str]) -> str:
    """A regular expression matching any of `phrases`, longest first, as a character trie."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _compile(phrases: set[str]) -> re.Pattern:
    firsts = "".join(sorted({re.escape(p[0]) for p in phrases}))
    return re.compile(rf"(?=[{firsts}])(?<!{WORD}){trie_pattern(phrases)}(?!{WORD})")


@dataclass(slots=True)
class Lexicon:
    triggers: dict[str, Trigger]    # every spelling variant -> its row
    trigger_re: re.Pattern
    cues: dict[str, Cue]
    cue_re: re.Pattern


def _norm(cell: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", cell or "").lower().split())


@functools.cache
def lexicon() -> Lexicon:
    triggers: dict[str, Trigger] = {}
    for row in resources.load("triggers"):
        phrase = _norm(row["trigger"])
        context = tuple(c.strip() for c in (row.get("context") or "").split(",") if c.strip())
        trigger = Trigger(phrase, row["type"], row.get("mode"), context, row.get("cameo"), row.get("args"))
        for form in variants(phrase):
            triggers[form] = trigger
    kinds: dict[str, list[tuple[str, str]]] = {}
    for row in resources.load("event_cues"):
        phrase = _norm(row["cue"])
        kinds.setdefault(phrase, []).append((row["kind"], row.get("where") or "any"))
    cues: dict[str, Cue] = {}
    for phrase, pairs in kinds.items():
        cue = Cue(phrase, tuple(pairs))
        for form in variants(phrase):
            cues[form] = cue
    return Lexicon(triggers, _compile(set(triggers)), cues, _compile(set(cues)))


def scan(text: str) -> list[tuple[int, int, Trigger]]:
    """Every trigger phrase in `text` (blocking rows of type "-" included), left to right."""
    lex = lexicon()
    return [(m.start(), m.end(), lex.triggers[m.group()]) for m in lex.trigger_re.finditer(lower(text))]
