"""Actor sectors (biennien/sectors.py): from organisation kinds, titles, organisations and ranks,
on actors and their roles in the API, the actor page and the notebook API."""
from __future__ import annotations

from fastapi.testclient import TestClient

from biennien import sectors
from biennien.api import create_app

from .conftest_web import build_web_db


def test_sectors_of_roles_and_actors():
    assert sectors.of_role("Đại tướng", "Bộ trưởng Quốc phòng", "Bộ Quốc phòng") == ["GOV", "MIL"]
    assert sectors.of_role("Thượng tướng", "Bộ trưởng", "Bộ Công an") == ["COP", "GOV"]   # a police general
    assert sectors.of_role(None, "Chủ tịch Quốc hội", None) == ["LEG"]
    assert sectors.of_role(None, "Giám đốc", "Sở Y tế") == []                          # nothing says which
    assert sectors.of_actor("organization", "Bộ Chính trị") == ["PTY"]
    assert sectors.of_actor("organization", "Liên Hợp Quốc") == ["IGO"]
    roles = [{"rank": None, "title": "Tổng Bí thư", "organization": None},
             {"rank": None, "title": "Chủ tịch nước", "organization": None}]
    assert sectors.of_actor("person", "Tô Lâm", roles) == ["GOV", "PTY"]
    assert sectors.of_actor("country", "Lào") == [] and sectors.of_actor("person", "Ai đó") == []


def test_the_actor_page_and_answer_show_sectors(tmp_path):
    db = build_web_db(str(tmp_path))
    with TestClient(create_app(db)) as client:
        answer = client.get("/api/actor", params={"name": "Lê Quang Hào"}).json()
        assert "MIL" in answer["sectors"] and all("sectors" in r for r in answer["roles"])
        page = client.get(f"/actor/{answer['actor_id']}").text
    assert '<abbr class="sector" title="quân đội">MIL</abbr>' in page
