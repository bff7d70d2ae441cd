import codecs

import pytest

from biennien.stages.decode import DecodeError, decode

VI = "Thủ tướng Phạm Minh Chính tiếp Đại tướng Chansamone Chanyalath tại Hà Nội."


def test_utf8_and_bom():
    assert decode(VI.encode()) == VI
    assert decode(codecs.BOM_UTF8 + VI.encode()) == VI


def test_utf16_with_bom():
    assert decode(VI.encode("utf-16")) == VI


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: precomposed base letters plus combining tones."""
    import unicodedata
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = [c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323"]
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tone))
            out += base.encode("cp1258") + "".join(tone).encode("cp1258")
    return out


def test_windows_1258():
    assert decode(cp1258(VI)) == VI


def test_nfd_is_normalised():
    import unicodedata
    assert decode(unicodedata.normalize("NFD", VI).encode()) == VI


def test_binary_refused():
    with pytest.raises(DecodeError, match="binary"):
        decode(bytes(range(256)) * 10)


def test_invalid_utf8_that_is_no_vietnamese_refused():
    with pytest.raises(DecodeError, match="not valid UTF-8"):
        decode(b"hello \xff\xfe world \x81 more")
