"""Phone number shapes read only after a word that names one
(``carelens.privacy_worded_shapes``).

Found in a review (session 33): a Spanish number in groups of two ("mi número es 612 34 56
78", "llámame al 91 123 45 67") or of nine digits in one run ("movistar número 612345678"),
and a Seoul landline of nine digits ("집 번호는 021234567이에요"), were kept after a word
that names a phone.
"""

from __future__ import annotations

import pytest

from carelens.privacy import find_personal, redact
from carelens.privacy_worded_shapes import runs_from_two_digits, worded_shape


def found(text: str) -> list[tuple[str, str]]:
    return [(r.kind, r.text) for r in find_personal(text)]


NAMED = [
    ("mi número es 612 34 56 78", "mi número es [phone]"),
    ("mi móvil: 612 34 56 78", "mi móvil: [phone]"),
    ("whatsapp 691-23-45-67", "whatsapp [phone]"),
    ("tel. 912.34.56.78", "tel. [phone]"),
    ("llámame al 91 123 45 67", "llámame al [phone]"),
    ("mi número es 612345678", "mi número es [phone]"),
    ("movistar número 612345678", "movistar número [phone]"),
    ("612 34 56 78 es mi cel", "[phone] es mi cel"),
    ("집 번호는 021234567이에요", "집 번호는 [phone]이에요"),
    ("집 전화 021234567", "집 전화 [phone]"),
    ("my number is 021234567", "my number is [phone]"),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_a_spanish_or_nine_digit_number_after_a_phone_word(text: str, expected: str) -> None:
    assert redact(text) == expected


# Kept: no word that names a phone, a word for an id, a count of years.
KEPT = [
    "612 34 56 78",
    "scores 612 34 56 78",
    "el pedido 612345678",
    "mi número de pedido es 612 34 56 78",
    "order 021234567",
    "mi cel 12 2023 2024",
]


@pytest.mark.parametrize("text", KEPT)
def test_these_shapes_without_a_phone_word_stay(text: str) -> None:
    assert found(text) == []


def test_worded_shape() -> None:
    assert worded_shape(["55", "1234", "5678"], [" ", " "])
    assert worded_shape(["612", "34", "56", "78"], [" ", " ", " "])
    assert worded_shape(["91", "123", "45", "67"], ["-", "-", "-"])
    assert worded_shape(["612345678"], [])
    assert worded_shape(["021234567"], [])
    assert not worded_shape(["512", "34", "56", "78"], [" ", " ", " "])  # no Spanish first digit
    assert not worded_shape(["612", "34", "56", "78"], [" ", "-", " "])  # mixed separators
    assert not worded_shape(["12", "2023", "2024"], [" ", " "])  # two years
    assert not worded_shape(["512345678"], [])
    assert not worded_shape(["+612345678"], [])


def test_runs_from_two_digits() -> None:
    # "91 123 45 67 55 1234 5678": groups of 2, 3, 2, 2, then 2, 4, 4, cut at every space
    counts = [0, 2, 5, 7, 9, 11, 15, 19]
    cuts = [0, 1, 2, 3, 4, 5, 6, 7]
    assert runs_from_two_digits(cuts, counts) == [(0, 4), (4, 7)]
