"""A feed of made-up political news, as long as a test needs, without ../shared: each article
different (people, places, dates, numbers vary), each with meetings, posts and dates to resolve."""
from __future__ import annotations

import json
from pathlib import Path

PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Quang Hào", "Phạm Minh Khôi", "Hoàng Đức Long", "Vũ Thị Mai",
          "Đặng Văn Nam", "Bùi Thị Oanh", "Đỗ Quốc Phong", "Hồ Thị Quỳnh"]
POSTS = ["Bộ trưởng Bộ Ngoại giao", "Phó Thủ tướng", "Bộ trưởng Bộ Quốc phòng", "Chủ tịch Quốc hội",
         "Bộ trưởng Bộ Công Thương"]
GUESTS = [("Đại sứ Lào", "Khamphao Ernthavanh"), ("Bộ trưởng Ngoại giao Campuchia", "Sok Chenda Sophea"),
          ("Đại sứ Nhật Bản", "Ito Naoki"), ("Thủ tướng Thái Lan", "Srettha Thavisin")]
PLACES = ["Hà Nội", "Thành phố Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế"]
TOPICS = ["hợp tác kinh tế", "đào tạo cán bộ", "an ninh biên giới", "giáo dục", "y tế", "năng lượng tái tạo",
          "nông nghiệp công nghệ cao", "du lịch"]


def article(i: int) -> dict:
    host, post = PEOPLE[i % len(PEOPLE)], POSTS[(i // 3) % len(POSTS)]
    guest_post, guest = GUESTS[i % len(GUESTS)]
    place, topic, other = PLACES[i % len(PLACES)], TOPICS[i % len(TOPICS)], TOPICS[(i + 3) % len(TOPICS)]
    day, month, year = i % 28 + 1, i % 12 + 1, 2020 + i % 5
    text = (f"Chiều {day}/{month}, tại {place}, {post} {host} đã tiếp {guest_post} {guest}.\n\n"
            f"Hai bên trao đổi về {topic} và {other}, nhất trí tăng cường hợp tác trong thời gian tới. "
            f"{post} {host} đánh giá cao những đóng góp của {guest} trong nhiệm kỳ vừa qua.\n\n"
            f"Dự kiến tháng {month % 12 + 1} năm sau, hai nước sẽ ký biên bản ghi nhớ về {topic}, với tổng "
            f"vốn {i * 7 % 900 + 100} tỷ đồng cho {i % 40 + 5} dự án tại {PLACES[(i + 2) % len(PLACES)]}.\n\n"
            f"Cùng ngày, {host} đã gặp đại diện cộng đồng doanh nghiệp số {i} để bàn về {other}.")
    return {"title": f"{post} {host} tiếp {guest_post} (bản tin {i})", "text": text,
            "date": f"{year}-{month:02d}-{day:02d}", "url": f"https://tin.example/{i}"}


def feed(path: Path, n: int, start: int = 0) -> Path:
    """`n` made-up articles as JSONL at `path`."""
    path.write_text("".join(json.dumps(article(i), ensure_ascii=False) + "\n" for i in range(start, start + n)),
                    encoding="utf-8")
    return path


SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLES = ["Văn", "Thị", "Minh", "Quốc", "Đức", "Thanh"]
GIVENS = ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khánh", "Lâm", "Nghĩa", "Phúc"]


def holder(i: int) -> str:
    """The i-th of 720 different names."""
    return f"{SURNAMES[i % 12]} {MIDDLES[i // 12 % 6]} {GIVENS[i // 72 % 10]}"


def crowded_post(i: int) -> dict:
    """Article i of a crowd: a different minister each time, the same prime minister and the same
    guest in all, and one summit every article reports again."""
    day, month, year = i % 28 + 1, i % 12 + 1, 2000 + i % 25
    text = (f"Chiều {day}/{month}/{year}, tại Hà Nội, Bộ trưởng Bộ Ngoại giao {holder(i)} đã tiếp Đại sứ Lào "
            f"Khamphao Ernthavanh, theo chỉ đạo của Thủ tướng Phạm Minh Khôi.\n\n"
            f"Hai bên trao đổi về hợp tác số {i}. Trước đó, ngày 5/3/1999, Thủ tướng Phạm Minh Khôi đã hội đàm với "
            f"Thủ tướng Lào Sonexay Siphandone tại Viêng Chăn.")
    return {"title": f"Bộ trưởng {holder(i)} tiếp Đại sứ Lào (bản tin {i})", "text": text,
            "date": f"{year}-{month:02d}-{day:02d}"}


def crowded_feed(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps(crowded_post(i), ensure_ascii=False) + "\n" for i in range(n)), encoding="utf-8")
    return path
