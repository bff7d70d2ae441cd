"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, and the legacy Vietnamese
encodings of old archives: Windows-1258, TCVN3 (ABC) and VNI. Binary data is refused.

Bytes that are not UTF-8 are read in each legacy encoding and the reading that looks most like
Vietnamese wins: the share of its non-ASCII words that are Vietnamese syllables (one tone mark,
Vietnamese letters, a spelling `text.is_vietnamese` allows). Legacy text that was once read as
Windows-1252 and saved as UTF-8 ("Hµ Néi" for "Hà Nội") is repaired the same way. The byte
tables are rows of `resources/vi/legacy_tcvn3.tsv` and `legacy_vni.tsv`.

A `DecodeError` says in one line why a file cannot be read as text.
"""
from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from dataclasses import dataclass

from .. import resources
from ..text import LETTER_MARKS, TONES, UPPER, is_vietnamese


class DecodeError(ValueError):
    pass


LEGACY = ("tcvn3", "vni", "windows-1258")  # ties (a few words) go to the more common encoding
SAMPLE = 64 * 1024          # bytes (or characters) looked at to choose an encoding
MIN_SHARE = 0.5             # of non-ASCII words that must be Vietnamese syllables
_TONES = frozenset(TONES)
_LETTER_MARKS = frozenset(LETTER_MARKS)
_EDGE = "\"'()[]{}<>.,;:!?*&%$#@+=|\\/~^`_“”‘’«»…–—•·-"
# Latin-1 characters Vietnamese text never has but TCVN3 or VNI read as Windows-1252 is full of.
_SUSPECT = re.compile(r"[\xa1-\xbf\xc4-\xc7\xcb\xce\xcf\xd0\xd1\xd6-\xd8\xdb\xdc\xde\xdf"
                      r"\xe4-\xe7\xeb\xee\xef\xf0\xf1\xf6-\xf8\xfb\xfc\xfe\xff]")


_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def looks_binary(data: bytes) -> bool:
    """NUL, or more than 5% control bytes, in the first 8 KiB."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return controls / len(head) > 0.05


def decode(data: bytes) -> str:
    """The text of `data`, NFC. Raises DecodeError for binary data or undecodable bytes."""
    return detect(data)[0]


def detect(data: bytes) -> tuple[str, str]:
    """(text NFC, the encoding it was read in)."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _nfc(data.decode(codec)), codec
            except UnicodeDecodeError as exc:
                raise DecodeError(f"broken {codec.upper()} at byte {exc.start}") from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif looks_binary(data):
        raise DecodeError("binary data, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        found = _legacy(data) or _mostly_utf8(data)
        if found is None:
            raise DecodeError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}) "
                              "and no Vietnamese legacy encoding (Windows-1258, TCVN3, VNI) fits") from None
        return found
    return _repair(_nfc(text))


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a stray bad byte or two (a file cut mid-letter, a flipped bit): the article is
    kept, each bad byte shown as U+FFFD. Legacy or foreign text has a bad byte every few words."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if bad > max(1, len(data) // 1000):
        return None
    return _nfc(text), f"utf-8 ({bad} bad byte{'s' * (bad > 1)} replaced)"


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


# --- legacy encodings ---------------------------------------------------------------------------

def _cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)  # 0x81 0x8D 0x8F 0x90 0x9D: undefined in Windows-1252, kept as Latin-1


@dataclass(frozen=True, slots=True)
class _Table:
    """A legacy encoding over the Latin-1 reading of its bytes (one character per byte)."""

    single: dict[int, str]        # Latin-1 code point -> text
    pairs: dict[str, str]         # two Latin-1 characters (base + mark byte) -> letter
    pattern: re.Pattern | None    # finds the pairs and the single high bytes
    encode: dict[str, bytes]      # letter -> bytes
    caseless: frozenset[str]      # letters that lost their case (TCVN3 has no toned capitals)


@functools.cache
def _table(name: str) -> _Table:
    rows = resources.load(f"legacy_{name}")
    key = "byte" if name == "tcvn3" else "bytes"
    single = {b: _cp1252(b) for b in range(0x80, 0x100)}
    pairs: dict[str, str] = {}
    encode: dict[str, bytes] = {}
    for row in rows:
        raw = bytes.fromhex(row[key])
        encode[row["char"]] = raw
        if len(raw) == 1:
            single[raw[0]] = row["char"]
        else:
            pairs[raw.decode("latin-1")] = row["char"]
    pattern = None
    if pairs:
        bases = "".join(sorted({p[0] for p in pairs}))
        marks = "".join(sorted({p[1] for p in pairs}))
        pattern = re.compile(f"[{re.escape(bases)}][{re.escape(marks)}]|[\x80-\xff]")
    caseless = frozenset()
    if name == "tcvn3":
        caseless = frozenset(c for c in encode if c.islower() and c.upper() not in encode)
        for char in caseless:
            encode[char.upper()] = encode[char]  # written as the lower-case letter, as the ABC fonts did
    return _Table(single, pairs, pattern, encode, caseless)


def read_legacy(data: bytes, name: str) -> str:
    """`data` read in the legacy encoding `name` (windows-1258, tcvn3, vni), NFC."""
    if name == "windows-1258":
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    table = _table(name)
    text = data.decode("latin-1")
    if table.pattern is not None:
        text = table.pattern.sub(lambda m: table.pairs.get(m[0]) or m[0].translate(table.single), text)
    else:
        text = text.translate(table.single)
    if table.caseless:
        text = _recase(text, table.caseless)
    return unicodedata.normalize("NFC", text)


def encode_legacy(text: str, name: str) -> bytes:
    """`text` written in a legacy encoding, as the old fonts' users typed it (tests, round trips)."""
    text = unicodedata.normalize("NFC", text)
    if name == "windows-1258":
        return b"".join(_cp1258_char(c) for c in text)
    table = _table(name)
    out = []
    for char in text:
        raw = table.encode.get(char)
        if raw is None:
            raw = char.encode("cp1252", errors="replace")
        out.append(raw)
    return b"".join(out)


def _cp1258_char(char: str) -> bytes:
    """Windows-1258 has base letters and combining tones, not every precomposed letter."""
    try:
        return char.encode("cp1258")
    except UnicodeEncodeError:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        tones = "".join(c for c in parts if c in _TONES)
        return (base + tones).encode("cp1258", errors="replace")


_WORD = re.compile(r"\w+")
_TWO_CAPS = re.compile(f"[{UPPER}]\\w*?[{UPPER}]")   # a word with two capitals: maybe all capitals
_SENTENCE_START = re.compile(r"(^|[.!?…][\"”’)]*\s+|\n)([\"“‘(\[]*)(\w)")


def _recase(text: str, caseless: frozenset[str]) -> str:
    """Upper-case the TCVN3 letters that had no capital: in words of capitals and at sentence starts."""
    def word_case(word: str) -> str:
        known = [c for c in word if c.isalpha() and c not in caseless]
        if len(known) >= 2 and all(c.isupper() for c in known):
            return "upper"
        return "lower" if any(c.islower() for c in known) else "unknown"

    def line(match: re.Match) -> str:
        segment = match[0]
        if not _TWO_CAPS.search(segment):
            return segment
        words = list(_WORD.finditer(segment))
        cases = [word_case(w[0]) for w in words]
        out, last = [], 0
        for i, w in enumerate(words):
            word = w[0]
            if any(c in caseless for c in word):
                near = cases[i - 1] if i else None, cases[i + 1] if i + 1 < len(cases) else None
                if cases[i] == "upper" or (cases[i] == "unknown" and "upper" in near and "lower" not in near):
                    word = word.upper()
            out.append(segment[last:w.start()] + word)
            last = w.end()
        return "".join(out) + segment[last:]

    text = re.sub(r"[^\n]+", line, text)
    return _SENTENCE_START.sub(lambda m: m[1] + m[2] + (m[3].upper() if m[3] in caseless else m[3]), text)


# --- telling the encodings apart -----------------------------------------------------------------

@functools.lru_cache(maxsize=1 << 16)
def syllable(word: str) -> bool:
    """Is `word` spelt as one Vietnamese syllable (Vietnamese letters, at most one tone mark)?"""
    tones = 0
    for c in unicodedata.normalize("NFD", word):
        if c in _TONES:
            tones += 1
        elif not ((c.isascii() and c.isalpha()) or c in _LETTER_MARKS or c in "đĐ"):
            return False
    return tones <= 1 and is_vietnamese(word)


def score(text: str) -> tuple[int, int]:
    """(Vietnamese syllables, words) among the words of `text` that are not plain ASCII."""
    valid = total = 0
    for token in text[:SAMPLE].split():
        for word in token.split("-"):
            word = word.strip(_EDGE)
            if not word or word.isascii():
                continue
            total += 1
            valid += syllable(word)
    return valid, total


def _best(readings: dict[str, str]) -> tuple[str, float, int] | None:
    """(name, share, syllables) of the reading that looks most Vietnamese, if any looks so at all."""
    best = None
    for name, text in readings.items():
        valid, total = score(text)
        share = valid / total if total else 0.0
        if valid and share >= MIN_SHARE and (best is None or (share, valid) > best[1:]):
            best = (name, share, valid)
    return best


def _readings(data: bytes) -> dict[str, str]:
    out = {}
    for name in LEGACY:
        try:
            out[name] = read_legacy(data, name)
        except UnicodeDecodeError:
            continue  # Windows-1258 leaves a few bytes undefined
    return out


def _sample(data: bytes) -> bytes:
    if len(data) <= SAMPLE:
        return data
    cut = data.rfind(b" ", 0, SAMPLE)
    return data[:cut if cut > 0 else SAMPLE]


def _legacy(data: bytes) -> tuple[str, str] | None:
    best = _best(_readings(_sample(data)))
    if best is None:
        return None
    try:
        return read_legacy(data, best[0]), best[0]
    except UnicodeDecodeError:
        return None  # a Windows-1258 sample, with an undefined byte further on


def _repair(text: str) -> tuple[str, str]:
    """UTF-8 text, or the legacy text it hides ("Hµ Néi" read back as TCVN3 is "Hà Nội")."""
    if len(_SUSPECT.findall(text, 0, 2048)) < 3:  # mojibake shows on every line
        return text, "utf-8"
    try:
        raw = text.encode("cp1252")
    except UnicodeEncodeError:
        return text, "utf-8"  # real Vietnamese letters (ơ ư ă đ ...) are not in Windows-1252
    best = _best(_readings(_sample(raw)))
    if best is None:
        return text, "utf-8"
    valid, total = score(text)
    if (best[1], best[2]) <= ((valid / total if total else 0.0), valid):
        return text, "utf-8"
    return read_legacy(raw, best[0]), f"utf-8 ({best[0]} mojibake)"
