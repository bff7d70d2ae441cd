import codecs

import pytest

from biennien.io.decode import DecodeError, decode, encode_legacy

VI = "Thủ tướng Phạm Minh Chính tiếp Đại tướng Chansamone Chanyalath tại Hà Nội."


def test_utf8_and_bom():
    assert decode(VI.encode()) == VI
    assert decode(codecs.BOM_UTF8 + VI.encode()) == VI


def test_utf16_with_bom():
    assert decode(VI.encode("utf-16")) == VI


def test_windows_1258():
    assert decode(encode_legacy(VI, "windows-1258")) == VI


def test_nfd_is_normalised():
    import unicodedata
    assert decode(unicodedata.normalize("NFD", VI).encode()) == VI


def test_binary_refused():
    with pytest.raises(DecodeError, match="binary"):
        decode(bytes(range(256)) * 10)


def test_invalid_utf8_that_is_no_vietnamese_refused():
    with pytest.raises(DecodeError, match="not valid UTF-8"):
        decode(b"hello \xff\xfe world \x81 more")
