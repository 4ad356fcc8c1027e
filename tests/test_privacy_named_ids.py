"""Ids named by a word right before or right after a number in a phone's shape
(``carelens.privacy_named_ids``).

Found in a review (session 33): ids of orders, memberships and bookings named in Chinese,
Japanese or Korean ("注文番号は123-4567-8901", "회원번호는 010-1234-5678", "订单号是
138-0013-8000") and ids named after the number ("2019 4455 6677 is my student id") were
redacted as phone numbers, where "order number 123-456-7890" was kept.
"""

from __future__ import annotations

import pytest

from carelens.privacy import find_personal, redact
from carelens.privacy_named_ids import id_named


def found(text: str) -> list[tuple[str, str]]:
    return [(r.kind, r.text) for r in find_personal(text)]


CJK_IDS_BEFORE = [
    "注文番号は123-4567-8901",
    "ご注文番号\uff1a090-1234-5678",
    "予約番号 03-1234-5678",
    "予約番号は090-1234-5678です",
    "会員番号は03-1234-5678です",
    "お問い合わせ番号は 0120-123-456",
    "회원번호는 010-1234-5678",
    "주문 번호 010-1234-5678",
    "주문 번호: 02-123-4567",
    "예약번호 010 1234 5678",
    "订单号是138-0013-8000",
    "会员号 138 0013 8000",
    "学号 2021-123-4567",
    "order number 123-456-7890",  # as in English
]


@pytest.mark.parametrize("text", CJK_IDS_BEFORE)
def test_an_id_named_in_chinese_japanese_or_korean_right_before_stays(text: str) -> None:
    assert found(text) == []


IDS_AFTER = [
    "2019 4455 6677 is my student id",
    "12345678 is my order number",
    "4412 5567 8890 is the tracking number",
    "020 7946 0958 is my customer number, not my phone",
    "555-123-4567 was my booking reference",
    "4412 5567 8890 (order no.)",
    "07700 900123 is my order.",
    "612 345 678 es mi número de pedido",
    "13800138000是我的订单号",
    "09012345678は会員番号です",
    "01012345678은 회원번호예요",
]


@pytest.mark.parametrize("text", IDS_AFTER)
def test_an_id_named_right_after_the_number_stays(text: str) -> None:
    assert found(text) == []


# Still phone numbers: ids that are personal data (an account, a card), a phone's own
# number, a word for a phone after the number or a call before it, idioms, another number
# that the id word names.
STILL_PHONES = [
    ("주문번호 010-1234-5678로 연락 주세요", "주문번호 [phone]로 연락 주세요"),
    ("口座番号は090-1234-5678", "口座番号は[phone]"),
    ("카드번호 010-1234-5678", "카드번호 [phone]"),
    ("電話番号は090-1234-5678", "電話番号は[phone]"),
    ("手机号是138-0013-8000", "手机号是[phone]"),
    ("0412 345 678 is my number", "[phone] is my number"),
    ("07700 900123 is my mobile", "[phone] is my mobile"),
    ("07700 900123 is my work number", "[phone] is my work number"),
    ("07700 900123 is my account number", "[phone] is my account number"),
    ("07700 900123 is the case", "[phone] is the case"),
    ("07700 900123 is my ticket to freedom", "[phone] is my ticket to freedom"),
    ("text me, 0412 345 678 is my student id", "text me, [phone] is my student id"),
    ("07700 900123, order number 4412 is late", "[phone], order number 4412 is late"),
    ("612 345 678 es mi número de teléfono", "[phone] es mi número de teléfono"),
    ("call me on 07700 900123, ticket still open", "call me on [phone], ticket still open"),
]


@pytest.mark.parametrize(("text", "expected"), STILL_PHONES)
def test_personal_ids_and_phone_words_keep_a_number_redacted(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_id_named_reads_the_words_right_around_the_number() -> None:
    text = "注文番号は123-4567-8901"
    assert id_named(text, 5, len(text))
    text = "2019 4455 6677 is my student id"
    assert id_named(text, 0, 14)
    assert not id_named("注文番号を忘れたので090-1234-5678", 10, 23)  # words between
