"""Ranges with a phone number's shape beside words for a phone, a line or money
(``carelens.privacy_amounts``).

Found in a review of the range rules: a rate after a range ("a day", "a week", "per week",
"/night") kept a phone number that a word for a call named right before it ("call the clinic
at 555-2368 a day before your appointment"), and a range of round numbers was kept after a
line's name or "number" ("our line is 340-2000", "hotline: 250-4400", "the number is
410-2000"), which name no phone for the rules of ``carelens.privacy_phone_words``.

A second review (session 33) found ranges before a rate kept as phone numbers after a word
for a call that someone's words stood between ("I called them and they said 350-1250 a
month"), and no rate read in "each", "per person", "monthly" or Spanish "al mes".
"""

from __future__ import annotations

import pytest

from carelens.privacy import find_personal, redact


def found(text: str) -> list[tuple[str, str]]:
    return [(r.kind, r.text) for r in find_personal(text)]


# --- a word for a call right before a range outweighs a rate after it ----------------------------

CALLED_BEFORE_A_RATE = [
    (
        "call the clinic at 555-2368 a day before your appointment",
        "call the clinic at [phone] a day before your appointment",
    ),
    ("call the clinic at 555\u20132368 a day before", "call the clinic at [phone] a day before"),
    ("ring 555-4410 a week ahead to book a slot", "ring [phone] a week ahead to book a slot"),
    ("txt 867-5309 a week from now", "txt [phone] a week from now"),
    (
        "you can reach the warmline at 340-5500 a day or two after discharge",
        "you can reach the warmline at [phone] a day or two after discharge",
    ),
    ("phone 555-6120 per week check ins", "phone [phone] per week check ins"),
    ("nurse line 555-8230 / night line 555-8240", "nurse line [phone] / night line [phone]"),
    # the second number of a list the word names
    ("call 555-0142 or 555-2368 a day before", "call [phone] or [phone] a day before"),
]


@pytest.mark.parametrize(("text", "expected"), CALLED_BEFORE_A_RATE)
def test_a_phone_word_right_before_a_range_outweighs_a_rate(text: str, expected: str) -> None:
    assert redact(text) == expected


# Kept: another number between the word for a call and the range, or a word for money.
RATES_KEPT = [
    (
        "Ring 01632 960123 and they'll quote you 350-1250 a month",
        "Ring [phone] and they'll quote you 350-1250 a month",
    ),
    ("my phone bill is 350-1250 a year", "my phone bill is 350-1250 a year"),
    ("texted my mum, she earns 850-1175 per week", "texted my mum, she earns 850-1175 per week"),
    ("call me crazy but I spend 500-1000 a month", "call me crazy but I spend 500-1000 a month"),
    ("my pay is 850-1175 per week", "my pay is 850-1175 per week"),
]


@pytest.mark.parametrize(("text", "expected"), RATES_KEPT)
def test_a_rate_keeps_a_range_another_number_or_money_stands_after_the_phone_word(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


# --- a line's name or "number" before a range of round numbers -----------------------------------

LINES_AND_NUMBERS = [
    ("our line is 340-2000, we answer 24/7", "our line is [phone], we answer 24/7"),
    ("hotline: 250-4400 they were kind to me", "hotline: [phone] they were kind to me"),
    ("the crisis center line 210-7700 saved me", "the crisis center line [phone] saved me"),
    ("front desk 470-2210, ask for maria", "front desk [phone], ask for maria"),
    ("the helpline 800-1000 picked up right away", "the helpline [phone] picked up right away"),
    ("my work line 720-5550, home 720-5560", "my work line [phone], home [phone]"),
    ("number 620-9980 if you wanna talk", "number [phone] if you wanna talk"),
    ("the number is 410-2000", "the number is [phone]"),
    ("number: 410-2000", "number: [phone]"),
]


@pytest.mark.parametrize(("text", "expected"), LINES_AND_NUMBERS)
def test_a_line_or_number_before_a_round_range_names_a_phone(text: str, expected: str) -> None:
    assert redact(text) == expected


# Kept: "line" that is no phone's, "number of", a word for money after the word for a call,
# and a range before what it counts.
ROUND_RANGES_KEPT = [
    "the bottom line is 500-1000 a month",
    "there's a line of 200-3000 people",
    "the line was 200-3000 people long",
    "the number of people was 200-3000",
    "Call me if you can lend 500-1000, I'm honestly desperate",
    "te mando mensaje cuando llegue, son como 200-3000 km",
    "I spend 500-1000 on rent",
]


@pytest.mark.parametrize("text", ROUND_RANGES_KEPT)
def test_round_ranges_without_a_phone_word_right_before_stay(text: str) -> None:
    assert found(text) == []


def test_a_range_after_a_phone_number_and_money_stays() -> None:
    text = "my number is 555-0123, I owe 500-1000 to the landlord rn"
    assert redact(text) == "my number is [phone], I owe 500-1000 to the landlord rn"


# --- the second review: what was said after a call, more rates ----------------------------------

SAID_AFTER_A_CALL = [
    "I called them and they said 350-1250 a month",
    "I called them and they said 350-1250 per week",
    "I called them, they said 350-1250 a year",
    "I rang the agency and they said 375-1255 a month",
    "texted the landlord and he said 900-1100/month",
    "called the clinic, it's 375-1255 each",
    "called them: they want 350-1250 monthly",
    "call them and they'll tell you 375-1255 per person",
    "I called and they said 375-1255 each month",
    "llamó y dijo 375-1255 al mes",
    "la llamé, cobran 375-1255 por sesión",
    "it costs 200-450 per session",
    "rent is 900-1100/month",
    "tutors are 375-1255 each",
]


@pytest.mark.parametrize("text", SAID_AFTER_A_CALL)
def test_a_range_said_after_a_call_or_before_a_rate_is_an_amount(text: str) -> None:
    assert found(text) == []


# Still phone numbers: a word for a call right before the range, "each day" (how often to
# call), "each" after a call word with nothing said between.
CALLS_BEFORE_A_RATE = [
    ("call me 555-1234 each day", "call me [phone] each day"),
    ("ring 555-4410 each week", "ring [phone] each week"),
    ("call 555-2368 each", "call [phone] each"),
    ("text me on 555-2368 each morning", "text me on [phone] each morning"),
    ("they said call 555-2368 a day before", "they said call [phone] a day before"),
    ("llámame al 555-2368 al día siguiente", "llámame al [phone] al día siguiente"),
    ("I called them and they said to ring 555-2368", "I called them and they said to ring [phone]"),
    ("555-1234 each day", "[phone] each day"),
]


@pytest.mark.parametrize(("text", "expected"), CALLS_BEFORE_A_RATE)
def test_a_call_right_before_a_range_still_names_a_phone(text: str, expected: str) -> None:
    assert redact(text) == expected
