"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1258; binary refused.

A `DecodeError` says in one line why a file cannot be read as text.
"""
from __future__ import annotations

import codecs
import re
import unicodedata


class DecodeError(ValueError):
    pass


# Vowels that carry Vietnamese diacritics: a real Vietnamese text in any encoding shows many.
_VIET = re.compile(r"[à-ỹÀ-Ỹđ]", re.I)


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.05


def decode(data: bytes) -> str:
    """The text of `data`, NFC. Raises DecodeError for binary data or undecodable bytes."""
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data[3:])
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return unicodedata.normalize("NFC", data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            raise DecodeError(f"broken UTF-16 at byte {exc.start}") from None
    if looks_binary(data):
        raise DecodeError("binary data, not text")
    return _utf8(data)


def _utf8(data: bytes) -> str:
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    legacy = _legacy(data)
    if legacy is not None:
        return legacy
    raise DecodeError(f"not valid UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) "
                      "and no Vietnamese legacy encoding fits")


def _legacy(data: bytes) -> str | None:
    """Windows-1258 when the result reads as Vietnamese, else None."""
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    letters = sum(c.isalpha() for c in text)
    if letters and len(_VIET.findall(text)) / letters > 0.05 and "\ufffd" not in text:
        return text
    return None
