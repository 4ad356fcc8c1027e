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
    # a dash between a smaller and a larger number, not round and before no rate
    assert redact("call me 555-1234 every day") == "call me [phone] every day"


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


# --- the third review: ranges without a currency, ids named right before a number ----------------

RANGES_WITHOUT_CURRENCY = [
    "I spend 500-1000 a month on rent",
    "honestly 800-1200 per month is what therapy runs here",
    "I'm 25 and earn 375-1125 a week on shifts",  # not round: the rate tells
    "rent went up 650-1250/month",
    "we fight about money, 250-1500 every time he gets paid",  # round, no phone word
    "the waitlist is 200-3000 people long",
    "it costs like 500-1000 bucks",
]


@pytest.mark.parametrize("text", RANGES_WITHOUT_CURRENCY)
def test_a_round_range_or_one_before_a_rate_is_no_phone_number(text: str) -> None:
    assert found(text) == []


RANGES_THAT_ARE_PHONES = [
    ("call me 555-1234 if you want to talk", "call me [phone] if you want to talk"),
    ("call 420-1000 and ask for the night nurse", "call [phone] and ask for the night nurse"),
    ("text me at 555-2000 tonight", "text me at [phone] tonight"),  # round, after a phone word
    ("my number is 020-7946-0958", "my number is [phone]"),
    ("our office is 555-1234", "our office is [phone]"),  # not round
]


@pytest.mark.parametrize(("text", "expected"), RANGES_THAT_ARE_PHONES)
def test_phone_numbers_with_one_dash_stay_found(text: str, expected: str) -> None:
    assert redact(text) == expected


IDS_NAMED_BEFORE = [
    "my student id is 2019 4455 6677 and I failed again",
    "order 4412 5567 8890 never showed up",
    "order #4412 5567 8890 never showed up",
    "tracking number 1Z 999 AA1 0123 4567 84 says delivered",
    "my invoice number is 020 7946 0958 apparently",
    "case number: 555-123-4567, still nothing",
    "ticket no. 0161 496 0123 was closed",
    "my customer number 0113 496 0000 never works",
    "call about order 555-123-4567 please",
    "Ref 07700 900123 on the letter",
]


@pytest.mark.parametrize("text", IDS_NAMED_BEFORE)
def test_an_id_in_a_phones_shape_named_right_before_it_stays(text: str) -> None:
    assert found(text) == []


IDS_STILL_REDACTED = [
    # ids that are personal data themselves, and "id" alone
    ("my account number is 07700900123", "my account number is [phone]"),
    ("my social security number is 123-45-6789", "my social security number is [phone]"),
    ("passport number 07700 900123", "passport number [phone]"),
    ("my ID is 2019 4455 6677", "my ID is [phone]"),
    # a verb, "in case", a line to call, a word between the id word and the number
    ("in case 07700 900123 is busy", "in case [phone] is busy"),
    ("to order 0800 123 4567 is free", "to order [phone] is free"),
    ("Orders: 0800 123 4567 weekdays", "Orders: [phone] weekdays"),
    ("my case worker is Jane, 07700 900123", "my case worker is Jane, [phone]"),
    ("order number 12345, call 555-123-4567", "order number 12345, call [phone]"),
    ("ID_555-123-4567", "ID_[phone]"),
]


@pytest.mark.parametrize(("text", "expected"), IDS_STILL_REDACTED)
def test_personal_ids_and_numbers_not_named_by_an_id_word_stay_redacted(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


# --- the third review: Spanish words for a call, carriers before "number" -----------------------

SPANISH_CALLS = [
    ("llámame al 55 1234 5678", "llámame al [phone]"),
    ("mi número es 55 1234 5678", "mi número es [phone]"),
    ("llama al 33 1234 5678, es mi tía", "llama al [phone], es mi tía"),
    ("márcame al 81 1234 5678 si te sientes mal", "márcame al [phone] si te sientes mal"),
    ("escríbeme al 55 8765 4321 por whatsapp", "escríbeme al [phone] por whatsapp"),
    ("llamame 525512345678", "llamame [phone]"),
]


@pytest.mark.parametrize(("text", "expected"), SPANISH_CALLS)
def test_spanish_words_for_a_call_name_a_phone(text: str, expected: str) -> None:
    assert redact(text) == expected


SPANISH_KEPT = [
    "mi número de pedido es 55 1234 5678",
    "llámame, mi pedido 55 1234 5678 no llegó",
    "me llamo Ana y tengo 23 años, 12 2023 2024",
]


@pytest.mark.parametrize("text", SPANISH_KEPT)
def test_spanish_ids_stay(text: str) -> None:
    assert found(text) == []


CARRIERS = [
    ("my Vodafone number is 07700 900123", "my Vodafone number is [phone]"),
    ("call my Vodafone number 447700900123", "call my Vodafone number [phone]"),
    ("my O2 number is 447700900123", "my O2 number is [phone]"),
    ("ring my Telstra number 61412345678 after 6", "ring my Telstra number [phone] after 6"),
    ("my AT&T number: 4915112345678", "my AT&T number: [phone]"),
]


@pytest.mark.parametrize(("text", "expected"), CARRIERS)
def test_a_carrier_before_number_names_a_phone(text: str, expected: str) -> None:
    assert redact(text) == expected
