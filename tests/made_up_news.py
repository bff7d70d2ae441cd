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
