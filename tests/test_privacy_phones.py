"""Phone numbers beside Chinese, Japanese and Korean words, after "X's number", and beside
"Won" and "Rand" (``carelens.privacy_phones``).

Found in a review of the phone rules: a mobile number glued to Chinese, Japanese or Korean
words was kept unless a word before it named a phone ("13800138000是我的电话": the word comes
after it); a possessive before "number" named nothing ("my mum's number is 447700900123"
stayed); "Won" and "Rand" after a number were read as currencies, names and the verb alike
("call 555 123 4567 Rand will answer" stayed, as an amount in rand).

A second review found what that change broke or left: a range before a currency ("I spend
500-1000 dollars") and one run of digits before a capital "Won" or "Rand" ("the deposit was
2500000000 Won") were redacted as phone numbers; a Mexican number without "+52" ("mi cel es
55 1234 5678") and a mobile number before a word written onto it ("01012345678만 저장해
주세요", "打这个13800138000号码就行") were kept.
"""

from __future__ import annotations

import pytest

from carelens.privacy import find_personal, redact


def found(text: str) -> list[tuple[str, str]]:
    return [(r.kind, r.text) for r in find_personal(text)]


# --- mobile numbers glued to Chinese, Japanese or Korean words ---------------------------------

GLUED_MOBILES = [
    ("13800138000是我的电话", "[phone]是我的电话"),
    ("有事找我13800138000", "有事找我[phone]"),
    ("09012345678です、よろしく", "[phone]です、よろしく"),
    ("01012345678로 연락 주세요", "[phone]로 연락 주세요"),
    ("我的邮箱换了。13912345678是新号", "我的邮箱换了。[phone]是新号"),
]


@pytest.mark.parametrize(("text", "expected"), GLUED_MOBILES)
def test_a_mobile_number_glued_to_unspaced_words_needs_no_phone_word(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


# Kept: the same shapes after a word for an id, other runs of digits glued to such words
# without a phone word, amounts and ordinals.
GLUED_KEPT = [
    "订单13800138000还没到",
    "我的学号是13800138000",
    "会員番号 09012345678です",
    "受付番号は0312345678です",
    "2847561930的包裹丢了",
    "13800138000元的债",
    "第13800138000号",
]


@pytest.mark.parametrize("text", GLUED_KEPT)
def test_ids_amounts_and_other_runs_glued_to_unspaced_words_stay(text: str) -> None:
    assert found(text) == []


def test_phone_numbers_next_to_unspaced_words_stay_found() -> None:
    assert redact("电话13800138000") == "电话[phone]"
    assert redact("090-1234-5678です") == "[phone]です"
    assert redact("090-1234-5678に電話して") == "[phone]に電話して"
    assert redact("138-0013-8000是我的手机") == "[phone]是我的手机"


# --- "X number": someone's names a phone; other words an id --------------------------------------

OWNERS = [
    ("my mum's number is 447700900123", "my mum's number is [phone]"),
    ("Sam\u2019s number: 4915112345678", "Sam\u2019s number: [phone]"),
    ("my parents' number is 447700900123, call them", "my parents' number is [phone], call them"),
]


@pytest.mark.parametrize(("text", "expected"), OWNERS)
def test_someones_number_is_a_phone_number(text: str, expected: str) -> None:
    assert redact(text) == expected


# Kept: an id named by the word before "number", a number too short for a phone, "'s" that
# is "is", an id word with "'s".
NUMBER_KEPT = [
    "my locker number is 447700900123",
    "my passport number is 447700900123",
    "my student number is 4915112345678",
    "my locker number is 4471",
    "I was number 3 on the list, room number 12",
    "that's number 447700900123 in the queue",
    "the patient's number 61234567890 was wrong",
]


@pytest.mark.parametrize("text", NUMBER_KEPT)
def test_ids_short_numbers_and_contractions_before_a_number_stay(text: str) -> None:
    assert found(text) == []


def test_a_national_number_is_redacted_whatever_word_names_it() -> None:
    assert redact("my locker number is 07700900123") == "my locker number is [phone]"
    assert redact("my account number is 555-123-4567") == "my account number is [phone]"


# --- "Won" and "Rand": names and a verb, not currencies ------------------------------------------

NAMES_AFTER = [
    ("call 555 123 4567 Rand will answer", "call [phone] Rand will answer"),
    ("my number 07700 900123 Won picks up", "my number [phone] Won picks up"),
    ("ring 5551234567 Rand said", "ring [phone] Rand said"),
    ("Text +44 7700 900495 Won", "Text [phone] Won"),
    # not an amount's shape, whatever the word
    ("call me on 555-123-4567 won the raffle", "call me on [phone] won the raffle"),
    ("+27 82 123 4567 rand", "[phone] rand"),
    ("reach me 07700900123 dollars or not", "reach me [phone] dollars or not"),
]


@pytest.mark.parametrize(("text", "expected"), NAMES_AFTER)
def test_a_phone_number_before_a_name_or_a_verb_is_redacted(text: str, expected: str) -> None:
    assert redact(text) == expected


# Kept: amounts in won and rand (an amount's shape and the currency in lower or upper case,
# or the rand's sign before thousands groups), and the names and the verb beside numbers that
# are no phone.
AMOUNTS_AND_NAMES = [
    "the prize was 5000000000 won",
    "it cost 123 456 789 won",
    "I owe 5500000000 WON",
    "price: 1 234 567 890 rand",
    "R 123 456 789 for the house, R1 250 000 for the flat",
    "50,000 won, \u20a95000, 5000 rand, R 5000",
    "447700900123 dollars",
    "Rand 5000, Won 3 times, Rand Paul, we won 5 games",
]


@pytest.mark.parametrize("text", AMOUNTS_AND_NAMES)
def test_amounts_in_won_and_rand_and_the_names_stay(text: str) -> None:
    assert found(text) == []


# --- the second review: ranges, amounts in Won and Rand ------------------------------------------

RANGES = [
    "I spend 500-1000 dollars on takeout every month",
    "therapy costs 300-5000 pesos depending",
    "between 200-3000 yen per session",
    "500-1000 USD",
    "rent went from 700-1100 euros",
    "150-2000 won",
    "the fine is 100-5000 rand",
    "300\u20131000 dollars",  # an en dash
]


@pytest.mark.parametrize("text", RANGES)
def test_a_range_before_a_currency_is_an_amount(text: str) -> None:
    assert found(text) == []


AMOUNTS_IN_WON_AND_RAND = [
    "the deposit was 2500000000 Won",
    "jeonse for 3200000000 Won and my parents can't help",
    "they want 2500000000 Rand for the farm",
    "My loan is 2000000000 Won.",
]


@pytest.mark.parametrize("text", AMOUNTS_IN_WON_AND_RAND)
def test_one_run_of_digits_before_a_capital_won_or_rand_is_an_amount(text: str) -> None:
    assert found(text) == []


def test_phone_numbers_before_a_currency_or_a_name_stay_found() -> None:
    """Not ranges: a phone's groups, a leading 0, a larger number first; a phone word before
    one run of digits makes Won and Rand names (see also NAMES_AFTER)."""
    assert redact("Venmo 555-234-5678 dollars") == "Venmo [phone] dollars"
    assert redact("text me 0821234567 rand") == "text me [phone] rand"
    assert redact("555-0142 dollars") == "[phone] dollars"
    assert redact("ring 2500000000 Won picks up") == "ring [phone] Won picks up"
    assert redact("I spend 500-1000 a month") == "I spend [phone] a month"  # no currency


# --- the second review: two-digit area codes, units after mobile numbers -------------------------

AREA_OF_TWO = [
    ("mi cel es 55 1234 5678, escríbeme", "mi cel es [phone], escríbeme"),
    ("mi tel 33 1234 5678 (Guadalajara)", "mi tel [phone] (Guadalajara)"),
    ("whatsapp 81-1234-5678", "whatsapp [phone]"),
    ("mi número 55 1234 5678 pesos no tengo", "mi número [phone] pesos no tengo"),
]


@pytest.mark.parametrize(("text", "expected"), AREA_OF_TWO)
def test_a_two_digit_area_code_and_two_groups_of_four_after_a_phone_word(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


AREA_OF_TWO_KEPT = [
    "si alguien quiere hablar: 55 8765 4321",  # no word that names a phone
    "el número de expediente 55 1234 5678",
    "scores 12 2023 2024",
    "mi cel 12 2023 2024",  # two years
]


@pytest.mark.parametrize("text", AREA_OF_TWO_KEPT)
def test_two_four_four_without_a_phone_word_stays(text: str) -> None:
    assert found(text) == []


UNITS_AFTER_MOBILES = [
    ("01012345678만 저장해 주세요", "[phone]만 저장해 주세요"),
    ("打这个13800138000号码就行", "打这个[phone]号码就行"),
    ("09012345678番にかけて", "[phone]番にかけて"),
]


@pytest.mark.parametrize(("text", "expected"), UNITS_AFTER_MOBILES)
def test_a_mobile_number_with_its_trunk_0_or_before_haoma_is_no_amount(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


# Kept: amounts and counts written onto a Chinese mobile's shape or another run of digits.
UNITS_KEPT = ["13800138000元的债", "13800138000万", "2021123456号码", "5000000000원이에요"]


@pytest.mark.parametrize("text", UNITS_KEPT)
def test_units_after_other_runs_still_make_amounts(text: str) -> None:
    assert found(text) == []
