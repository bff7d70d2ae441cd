from biennien.records import Source
from biennien.stages.clean import clean
from biennien.stages.sentences import split


def _texts(text):
    art = clean(Source("x.txt", text))
    out = split(art)
    for s in out:
        assert art.text[s.start:s.end] == s.text
    return [s.text for s in out]


def test_abbreviations_and_initials_do_not_split():
    assert _texts("Ông đến TP. Hồ Chí Minh hôm qua. PGS.TS. Nguyễn Văn A phát biểu.") == [
        "Ông đến TP. Hồ Chí Minh hôm qua.", "PGS.TS. Nguyễn Văn A phát biểu."]
    assert _texts("Bài của N. Diệp đăng ở Q. 1 rất hay. Tin khác.") == ["Bài của N. Diệp đăng ở Q. 1 rất hay.", "Tin khác."]


def test_quotes_and_ellipsis():
    assert _texts('Ông nói: "Chúng tôi sẵn sàng." Sau đó hai bên ký kết… Mọi việc tốt.') == [
        'Ông nói: "Chúng tôi sẵn sàng."', "Sau đó hai bên ký kết…", "Mọi việc tốt."]


def test_one_sentence_per_line():
    assert _texts("Dòng một không dấu chấm\nDòng hai\nDòng ba.") == ["Dòng một không dấu chấm", "Dòng hai", "Dòng ba."]


def test_numbers_do_not_split():
    assert _texts("Tăng 26,5% và đạt 1.000 tỷ đồng. Tiếp theo.") == ["Tăng 26,5% và đạt 1.000 tỷ đồng.", "Tiếp theo."]


def test_captions_marked():
    art = clean(Source("x.txt", "Tin chính ở đây.\n\nThủ tướng tiếp khách. Ảnh: Hồ Hải\n\nTin tiếp."))
    flags = [(s.text, s.is_caption) for s in split(art)]
    assert ("Tin chính ở đây.", False) in flags and ("Tin tiếp.", False) in flags
    assert any(c for t, c in flags if "Ảnh" in t)


def test_a_stop_after_a_space_ends_no_sentence_unless_a_mark_stands_before_it():
    assert _texts("Ông nói . Sau đó về. Rồi đi .. Tin khác.") == ["Ông nói . Sau đó về.", "Rồi đi ..", "Tin khác."]
