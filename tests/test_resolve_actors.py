import pytest

from biennien.resolve.actors import canonical, key, same_person


@pytest.mark.parametrize("a,b", [
    ("Khamlieng Outhakaysone", "Khamliang Outhakaysone"),
    ("Vongkham Phommakone", "Vongkham Phommakon"),
    ("Sonexay Siphandone", "sonexay  siphandone"),
])
def test_spelling_variants_are_one_person(a, b):
    assert same_person(key(a, "person"), key(b, "person"))


@pytest.mark.parametrize("a,b", [
    ("Nguyễn Văn An", "Nguyễn Văn Ân"),          # Vietnamese names differ by a diacritic between people
    ("Nguyễn Tân Cương", "Nguyễn Văn Cương"),
    ("Khamlieng Outhakaysone", "Khamphao Outhakaysone"),
    ("Paul Whelan", "Paula Whelan"),             # short given names: no fuzzy match
    ("Lee", "Lea"),
])
def test_different_people_stay_apart(a, b):
    assert not same_person(key(a, "person"), key(b, "person"))


def test_country_key_is_iso_code():
    assert key("nước Lào", "country", "LAO") == key("Lào", "country", "LAO") == "LAO"


def test_canonical_is_most_frequent_full_spelling():
    assert canonical({"Khamlieng Outhakaysone": 5, "Khamliang Outhakaysone": 3}) == "Khamlieng Outhakaysone"
