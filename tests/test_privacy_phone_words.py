"""What the words around a number tell of it (``carelens.privacy_phone_words``).

Found in a review of the phone rules: a word for an id earlier in a sentence kept a mobile
number named after a comma or a word for a phone ("订单出问题了" and a comma before "找我…",
"주문한 게 안 와서 그러는데 01012345678로 연락 주세요"); "number" after a person without 的 named
an id ("我号码是17712345678", "엄마 번호01011112222"), and "whose number" nothing.

A third review found a person's or a home's number with 的, の or 의 between read as nothing
("実家の番号は0312345678です", "我妈的号码是02112345678"), and no word for an id that names a
number right before it whatever its shape (:func:`named_id`).

A fourth (session 33) found a shop's, a firm's or an office's number ("店の番号は0312345678
です", "가게 번호는 …") and "número de Movistar" read as nothing.
"""

from __future__ import annotations

import pytest

from carelens.privacy import find_personal, redact
from carelens.privacy_phone_words import named_id, told


def found(text: str) -> list[tuple[str, str]]:
    return [(r.kind, r.text) for r in find_personal(text)]


# --- what a word for an id reaches ---------------------------------------------------------------

ID_WORD_ENDS = [
    ("订单出问题了\uff0c找我13800138000", "订单出问题了\uff0c找我[phone]"),
    ("学生证丢了\uff0c找我15912345678", "学生证丢了\uff0c找我[phone]"),
    ("会员卡的事找我18612345678", "会员卡的事找我[phone]"),
    (
        "注文したけど届かない\u300109012345678に連絡ください",
        "注文したけど届かない\u3001[phone]に連絡ください",
    ),
    (
        "주문한 게 안 와서 그러는데 01012345678로 연락 주세요",
        "주문한 게 안 와서 그러는데 [phone]로 연락 주세요",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ID_WORD_ENDS)
def test_a_comma_or_a_phone_word_ends_what_an_id_word_tells(text: str, expected: str) -> None:
    assert redact(text) == expected


# Kept: a word for an id right before the number, or right before the comma, whatever follows
# the number; other runs of digits after such a comma.
ID_WORD_KEPT = [
    "订单13800138000还没到",
    "订单13800138000打不通",
    "주문번호 01012345678로 연락 주세요",
    "会員番号\u300109012345678です",
    "我的订单\uff0c13800138000还没到",
    "订单丢了\uff0c2847561930的包裹",
    "我的学号是13800138000",
]


@pytest.mark.parametrize("text", ID_WORD_KEPT)
def test_an_id_named_by_the_word_before_it_stays(text: str) -> None:
    assert found(text) == []


def test_told_reads_a_comma_only_after_a_word_for_an_id() -> None:
    text = "订单出问题了\uff0c13800138000"
    assert told(text, text.index("1")) is None
    assert told("订单\uff0c13800138000", 3) == "id"
    text = "电话\uff0c0312345678"  # a phone word before a comma still tells
    assert told(text, text.index("0")) == "phone"


# --- "number" after a person ---------------------------------------------------------------------

PERSONS = [
    ("我号码是17712345678", "我号码是[phone]"),
    ("我妈号码13800138000", "我妈号码[phone]"),
    ("他号码是13900001111", "他号码是[phone]"),
    ("엄마 번호01011112222", "엄마 번호[phone]"),
    ("엄마번호01011112222", "엄마번호[phone]"),
    ("언니 번호는 01022223333이야", "언니 번호는 [phone]이야"),
    ("whose number is 447700900123?", "whose number is [phone]?"),
]


@pytest.mark.parametrize(("text", "expected"), PERSONS)
def test_a_persons_number_is_a_phone_number(text: str, expected: str) -> None:
    assert redact(text) == expected


# Kept: ids of a person ("我学号", "我会员号码"), other words that end in a person's word
# ("其他", "유형"), 号 alone after a person.
PERSONS_KEPT = [
    "我学号是2021123456",
    "我会员号码13800138000",
    "其他号码2021123456",
    "유형 번호2021123456",
    "카드 번호01011112222",
    "我号2021123456",
]


@pytest.mark.parametrize("text", PERSONS_KEPT)
def test_ids_beside_a_persons_word_stay(text: str) -> None:
    assert found(text) == []


# --- a person's or a home's number with 的, の or 의 ----------------------------------------------

OWNED_WITH_PARTICLE = [
    ("実家の番号は0312345678です", "実家の番号は[phone]です"),
    ("母の番号は0612345678だよ", "母の番号は[phone]だよ"),
    ("彼氏の番号0312345678\u3001もう消した", "彼氏の番号[phone]\u3001もう消した"),
    ("お母さんの番号は0312345678です", "お母さんの番号は[phone]です"),
    ("我妈的号码是02112345678", "我妈的号码是[phone]"),
    ("엄마의 번호는 0212345678이야", "엄마의 번호는 [phone]이야"),
    ("携帯は090-1234-5678です", "携帯は[phone]です"),
]


@pytest.mark.parametrize(("text", "expected"), OWNED_WITH_PARTICLE)
def test_a_persons_or_a_homes_number_with_a_particle_is_a_phone_number(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


# Kept: a number of a thing with の, ids, and numbers too short for a phone.
OWNED_KEPT = [
    "注文番号は12345です",
    "会員の番号は0312345678です",
    "部屋の番号は0312345678です",
    "国家の番号は0312345678です",
    "其他的号码2021123456",
]


@pytest.mark.parametrize("text", OWNED_KEPT)
def test_a_things_number_with_a_particle_stays(text: str) -> None:
    assert found(text) == []


def test_named_id_needs_the_id_word_right_before_the_number() -> None:
    for text in (
        "order ",
        "(order ",
        "my order is ",
        "Order no. ",
        "student id: ",
        "tracking number 1Z 999 AA1 ",
        "booking ref ",
        "su pedido es ",
    ):
        assert named_id(text, len(text)), text
    for text in (
        "order",  # glued: "order555-123-4567"
        "order_",
        "booking ",  # only before "number", "no.", "id", …
        "student ",
        "my id is ",
        "account number ",
        "reorder ",
        "in case ",
        "to order ",
        "orders: ",
        "order came, call ",
    ):
        assert not named_id(text, len(text)), text


# --- a fourth review: what outweighs a word for an id before a number ---------------------------

# "case" in an idiom, a word for a phone after the number, a word for a call before the id word.
IDS_OUTWEIGHED = [
    ("In that case 555-123-4567 is my cell, text it", "In that case [phone] is my cell, text it"),
    (
        "worst case 07700 900123 is my mums mobile, ring her",
        "worst case [phone] is my mums mobile, ring her",
    ),
    ("in any case 555-0142 works, call whenever", "in any case [phone] works, call whenever"),
    ("worst case 07700 900123 is busy", "worst case [phone] is busy"),
    (
        "Case: 555-0193 is my mobile if the caseworker needs it",
        "Case: [phone] is my mobile if the caseworker needs it",
    ),
    (
        "ticket 44817 555-0142 is my direct line if u need more info",
        "ticket 44817 [phone] is my direct line if u need more info",
    ),
    ("order #88213 555-0199 is my cell, pls call", "order #88213 [phone] is my cell, pls call"),
    (
        "the order is 555-0199? no wait thats my phone lol",
        "the order is [phone]? no wait thats my phone lol",
    ),
    ("pedido 55 1234 5678 es mi cel", "pedido [phone] es mi cel"),
    (
        "call the appointment number 020 7946 0958 and ask for the team",
        "call the appointment number [phone] and ask for the team",
    ),
    ("ring the booking number 0161 496 0000 to move", "ring the booking number [phone] to move"),
    ("call us on the booking number 0161 496 0000", "call us on the booking number [phone]"),
]


@pytest.mark.parametrize(("text", "expected"), IDS_OUTWEIGHED)
def test_an_idiom_a_phone_word_after_or_a_call_before_outweighs_an_id_word(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


# Kept: an id word's number where the words after it name an id, or the call is about it.
IDS_STILL_KEPT = [
    "order 555-123-4567 is my order number",
    "my case number is 555-123-4567",
    "case 555-123-4567 still open",
    "call about order 555-123-4567 please",
    "text me the order number 555-123-4567",
    "order number 555-123-4567, call me if you find it",
]


@pytest.mark.parametrize("text", IDS_STILL_KEPT)
def test_an_id_word_still_names_its_number(text: str) -> None:
    assert found(text) == []


def test_named_id_reads_the_words_after_the_number_only_with_its_end() -> None:
    text = "ticket 44817 555-0142 is my direct line"
    start = text.index("555")
    assert named_id(text, start)
    assert not named_id(text, start, start + len("555-0142"))
    text = "order 555-123-4567 is my order number"
    start = text.index("555")
    assert named_id(text, start, start + len("555-123-4567"))


# --- "me llamo" is a name, not a call ------------------------------------------------------------

LLAMO = [
    ("Me llamo Luis, mi credencial 33 1234 5678", "Me llamo Luis, mi credencial 33 1234 5678"),
    ("me llamo Ana y tengo 300-1000 seguidores", "me llamo Ana y tengo 300-1000 seguidores"),
    ("se llama Ana, su credencial 33 1234 5678", "se llama Ana, su credencial 33 1234 5678"),
    ("me llamo Mario, cobro 350-1280 por semana", "me llamo Mario, cobro 350-1280 por semana"),
    ("te llamo al 55 1234 5678", "te llamo al [phone]"),
    ("me llamó del 55 1234 5678", "me llamó del [phone]"),
]


@pytest.mark.parametrize(("text", "expected"), LLAMO)
def test_me_llamo_and_se_llama_name_no_phone(text: str, expected: str) -> None:
    assert redact(text) == expected


# --- "the other number" -------------------------------------------------------------------------


def test_the_other_number_with_a_trunk_0_is_a_phone_number() -> None:
    assert redact("其他的号码是02187654321") == "其他的号码是[phone]"
    assert redact("别的号码是02187654321") == "别的号码是[phone]"
    assert found("其他的号码2021123456") == []


# --- the fourth review: a shop's or an office's number, "número de" a carrier -------------------

PLACES_AND_CARRIERS = [
    ("店の番号は0312345678です", "店の番号は[phone]です"),
    ("会社の番号は0312345678です", "会社の番号は[phone]です"),
    ("公司的号码是02112345678", "公司的号码是[phone]"),
    ("가게 번호는 0212345678이에요", "가게 번호는 [phone]이에요"),
    ("회사의 번호 0212345678", "회사의 번호 [phone]"),
    ("mi número de movistar es 612345678", "mi número de movistar es [phone]"),
    ("número de Vodafone: 612 34 56 78", "número de Vodafone: [phone]"),
]


@pytest.mark.parametrize(("text", "expected"), PLACES_AND_CARRIERS)
def test_a_places_number_and_a_carriers_numero_name_a_phone(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_told_a_place_needs_its_particle() -> None:
    text = "店の番号は0312345678です"
    assert told(text, text.index("0")) == "phone"
    text = "店番号0312345678です"  # a shop's id
    assert told(text, text.index("0")) == "id"
    text = "mi número de pedido es 612345678"
    assert told(text, text.index("6")) == "id"
