"""Vietnamese orthography, one copy each: tone marks, upper-case letters, the normalisers, the
regex trie builder and the zone kinds that are not news.

Every module that compares, folds or scans Vietnamese text takes its helpers from here (spaCy keeps
its `char_classes` the same way), so two spellings of one idea cannot drift apart. Which
normaliser is which:

- `canon`     tone placement folded to one style ("Hoà" -> "Hòa"); same length, offsets survive
- `key`       `canon` + case-folded + single spaces: the lookup key of a listed phrase
- `plain_key` lower case + single spaces (date words: the grammar is matched case-insensitively)
- `norm_key`  NFC + lower case + single spaces (trigger and cue rows)
- `lower`     lower case with the same length as the text, so offsets carry over
- `base`      lower case, tone marks dropped, letter marks (ă â ê ô ơ ư đ) kept: syllable shape
- `fold`      case-folded, every mark dropped, đ -> d: what a search box matches
- `variants`  a phrase in both tone placements, syllable by syllable (matchers built from rows)
"""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from . import settings

# --- letters and marks ------------------------------------------------------------------------

TONES = "\u0300\u0301\u0309\u0303\u0323"      # grave, acute, hook above, tilde, dot below
LETTER_MARKS = "\u0306\u0302\u031b"           # breve, circumflex, horn: part of the letter, not a tone
UPPER = "".join(c for c in map(chr, range(0x41, 0x2000)) if c.isupper() and c.isalpha())

# Zones of an article that are not news proper (records.Zone.kind). A caption may still name a
# person the news sentences name too; the others are never read for findings.
NOT_NEWS = frozenset({"caption", "credit", "byline", "source"})
UNREAD = NOT_NEWS - {"caption"}

# --- tone placement ---------------------------------------------------------------------------


def _fold_pairs() -> dict[str, str]:
    """Old-style tone placement on the second vowel of an open oa/oe/uy ('hoà', 'thuỷ') mapped to
    the first ('hòa', 'thủy'); both cases. Same length, so offsets survive."""
    pairs = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in TONES:
            for f, s in ((first, second), (first.upper(), second), (first.upper(), second.upper())):
                old = f + unicodedata.normalize("NFC", s + tone)
                new = unicodedata.normalize("NFC", f + tone) + s
                pairs[old] = new
    return pairs


FOLD = _fold_pairs()
# The first vowel is matched before the look-behind ("not after q"): a pattern that opens with a
# character class lets the engine skip to the next o/u instead of trying every position.
FOLD_RE = re.compile(r"[oOuU](?<![qQ].)[" + "".join(sorted({k[1] for k in FOLD})) + r"](?![^\W\d_])")


def canon(text: str) -> str:
    """Tone placement folded to one style; same length as `text`."""
    return FOLD_RE.sub(lambda m: FOLD.get(m.group(), m.group()), text)


UNFOLD = {new: old for old, new in FOLD.items()}
UNFOLD_RE = re.compile(r"[" + "".join(sorted({k[0] for k in UNFOLD})) + r"](?<![qQ].)[aeyAEY](?![^\W\d_])")


def old_style(text: str) -> str:
    """`canon` undone: the tone on the second vowel of an open oa/oe/uy ("Hoà", "Tỉnh uỷ"), for
    names written back in the spelling of an article that uses it."""
    return UNFOLD_RE.sub(lambda m: UNFOLD.get(m.group(), m.group()), text)


def spelled(name: str, written: str, folded: str) -> str:
    """`name` in the tone placement of the article: `written` is the article's text of the span,
    `folded` the same span after `canon`."""
    return old_style(name) if written != folded else name


# o/u + a/e/y at a syllable's end, tone mark on either vowel (decomposed form)
GLIDE = re.compile(rf"^(.*?)([ou])([{TONES}]?)([aey])([{TONES}]?)$")


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


# --- keys and folds ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=settings.get("caches", "phrase_keys"))
def key(text: str) -> str:
    """Lookup key of a phrase: folded, case-folded, single spaces."""
    return " ".join(canon(text).casefold().split())


def plain_key(word: str) -> str:
    """Lower case, single spaces (tone placement as written)."""
    return " ".join(word.split()).lower()


def norm_key(cell: str | None) -> str:
    """NFC, lower case, single spaces: a resource cell as the lower-cased text is matched."""
    return " ".join(unicodedata.normalize("NFC", cell or "").lower().split())


def lower(text: str) -> str:
    """Lower case with the same length as `text`, so offsets carry over."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@functools.cache
def base(word: str) -> str:
    """Lower case, tone marks dropped, letter marks (ă â ê ô ơ ư đ) kept."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                if not unicodedata.combining(c) or c in LETTER_MARKS))


def fold(text: str | None) -> str | None:
    """Case- and diacritic-insensitive form ("Khamliang" finds "Khamliang", "hà nội" finds "Hà Nội")."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


NAME_WORD = re.compile(r"[^\W_]+")  # "Kim Jong-un" = "Kim Jong Un", "ZANU-PF" = "ZANU - PF"


def name_key(name: str) -> str:
    """A person's name as identity compares it: NFC, tone placement folded, case-folded, words
    only; a word Vietnamese spelling does not allow loses its diacritics ("Stéphane" = "Stephane",
    "Erdoğan" = "Erdogan": foreign names are transliterated with and without them), a Vietnamese
    syllable keeps them ("Nguyễn Văn An" and "Nguyễn Văn Ân" are two people)."""
    words = NAME_WORD.findall(canon(unicodedata.normalize("NFC", name)).casefold())
    return " ".join(w if w.isascii() or is_vietnamese(w) else fold(w) for w in words)


# --- syllables --------------------------------------------------------------------------------

# Vietnamese syllable spelling: onset, vowel cluster, coda, over the letters without tone marks.
ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
# Vowel clusters Vietnamese spelling allows (without tone marks); "ye", "yo", "ee" are not among
# them, which tells "Song Hye Kyo" from a Vietnamese name.
NUCLEI = ("a ă â e ê i y o ô ơ u ư ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui "
          "uô uơ ưa ưi ươ ưu uy yê iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu").split()
VOWELS = "(?:" + "|".join(sorted(NUCLEI, key=len, reverse=True)) + ")"
CODA = r"(?:ng|nh|ch|[cmnpt])?"
SYLLABLE = re.compile(rf"{ONSET}{VOWELS}{CODA}")


@functools.cache
def is_vietnamese(word: str) -> bool:
    """Can `word` be one Vietnamese syllable?"""
    return bool(SYLLABLE.fullmatch(base(word)))


# --- regex from word lists --------------------------------------------------------------------


def overlapping(pattern: re.Pattern, text: str) -> set[str]:
    """What `pattern` matches starting anywhere in `text`, matches overlapping: each search starts
    one character after the last match's start. A pattern opening with letters is searched by
    skipping to them, where a look-ahead pattern ("(?=(...))" with finditer) is tried at every
    position (holders' cues in bounds.py: 0.12 -> 0.08 ms an article)."""
    found, pos = set(), 0
    while (m := pattern.search(text, pos)):
        found.add(m.group())
        pos = m.start() + 1
    return found


def trie_pattern(words, guard: dict[str, str] | None = None, space: str | None = None) -> str:
    """A regex matching any of `words`, shaped as a trie so that matching stays linear (sre tries
    a branch per character, not one per word) and the longest word wins at each position. `guard`
    maps a word to a lookahead it must pass; `space`, if given, is what a space in a word matches
    ("[ \\t]+"). No words: the empty pattern."""
    trie: dict = {}
    guard = guard or {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = guard.get(word, "")

    escaped: dict[str, str] = {}

    def letter(ch: str) -> str:
        out = escaped.get(ch)
        if out is None:
            out = escaped[ch] = space if space is not None and ch == " " else re.escape(ch)
        return out

    def emit(node: dict) -> str:
        head = []   # a run of nodes with one letter each and no word ending: the letters in a row
        while len(node) == 1:
            ch = next(iter(node))
            if not ch:
                break
            head.append(letter(ch))
            node = node[ch]
        branches = [letter(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if "" in node:
            branches.append(node[""])  # the word ends here (after its lookahead, if any)
        if not branches:
            tail = ""
        elif len(branches) == 1:
            tail = branches[0]
        elif branches[-1] == "":
            body = branches[0] if len(branches) == 2 else "(?:" + "|".join(branches[:-1]) + ")"
            tail = f"(?:{body})?"
        else:
            tail = "(?:" + "|".join(branches) + ")"
        return "".join(head) + tail

    return emit(trie)


def cased(word: str) -> list[str]:
    """The word as written and with its first letter upper-cased."""
    return list(dict.fromkeys([word, word[:1].upper() + word[1:]]))


def casings(phrase: str) -> list[str]:
    """The ways a title is written: as in the row, all lower case, first letter upper with the
    rest as in the row or lower ("Phó Bí thư", "phó bí thư", "Phó bí thư", "phó Bí thư"), every word
    upper ("Phó Bí Thư": a name never holds a whole title so written); for a
    title of up to five words, each word after the first as in the row or in lower case ("Phó chủ
    tịch Thượng viện")."""
    low = phrase.lower()
    out = [phrase, low, phrase[:1].upper() + low[1:], phrase[:1].upper() + phrase[1:], phrase[:1].lower() + phrase[1:],
           " ".join(w[:1].upper() + w[1:] for w in low.split(" "))]   # in title case ("Phó Chủ Tịch")
    words = phrase.split(" ")
    if 2 < len(words) <= 5 and phrase != low:
        for mask in range(1 << (len(words) - 1)):
            rest = [w.lower() if mask >> i & 1 else w for i, w in enumerate(words[1:])]
            for first in {words[0][:1].upper() + words[0][1:], words[0].lower()}:
                out.append(" ".join([first, *rest]))
    return list(dict.fromkeys(out))


# old and new tone placement ("Hoà" / "Hòa", "Thuỵ" / "Thụy") are one spelling
_OLD_TONES = re.compile(r"([oOuU])([àáảãạèéẻẽẹỳýỷỹỵ])(?!\w)")
_BASE = {"à": ("a", "\u0300"), "á": ("a", "\u0301"), "ả": ("a", "\u0309"), "ã": ("a", "\u0303"), "ạ": ("a", "\u0323"),
         "è": ("e", "\u0300"), "é": ("e", "\u0301"), "ẻ": ("e", "\u0309"), "ẽ": ("e", "\u0303"), "ẹ": ("e", "\u0323"),
         "ỳ": ("y", "\u0300"), "ý": ("y", "\u0301"), "ỷ": ("y", "\u0309"), "ỹ": ("y", "\u0303"), "ỵ": ("y", "\u0323")}


def place_tones(text: str) -> str:
    """Tone marks on the first vowel of oa, oe, uy ("Hoà" → "Hòa"), the spelling geo.py's tables
    use. Not `canon`: it also moves the mark after "qu" ("quà") and before a digit; making geo use
    `canon` changes which place names match, so it is left to geo's owner (issue 12's note)."""

    def move(m: re.Match) -> str:
        base, mark = _BASE[m.group(2)]
        return unicodedata.normalize("NFC", m.group(1) + mark) + base
    return _OLD_TONES.sub(move, text)
