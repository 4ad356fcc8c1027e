"""Payment card numbers and bank account numbers (IBAN) in a text, for
:mod:`carelens.privacy_phones`, which reports them as phone numbers (``[phone]``).

:func:`accounts` gives the ``(start, end)`` of each one found, whole, in its printed groups:
a card number by its Luhn check digit, with a card network's first digits or a word for a
card before it, and never a list of years or round counts; an IBAN by its country's length
and its check digits (mod 97). The text is read with ASCII digits (see
:func:`carelens.privacy_phones.phones`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from carelens.privacy_reading import words

_YEAR = re.compile(r"(?:19|20)\d\d")


def accounts(text: str) -> Iterator[tuple[int, int]]:
    yield from _ibans(text)
    yield from _cards(text)


# A payment card number as it is printed, in groups joined by spaces or dashes: four groups
# of four and a last one of one to four ("4111 1111 1111 1111", "4222-2222-2222-2"), a fifth
# of one to three after four of four, or American Express's and Diners Club's 4-6-5 and 4-6-4
# ("3782 822463 10005"), not after a digit or a number's punctuation (it may be glued to a
# word: "card4111 1111 1111 1111"). It starts with 2 to 6, as the card networks' numbers do,
# and its Luhn check digit must hold (see _cards): a phone number in groups of four followed
# by a year or a count ("0800 1234 5678 2023") is no card.
_CARD = re.compile(
    r"(?<![\d.,/+-])[2-6]\d{3}(?P<sep>[ -])"
    r"(?:\d{4}(?P=sep)\d{4}(?P=sep)(?:\d{4}(?:(?P=sep)\d{1,3})?|\d{1,3})|\d{6}(?P=sep)\d{4,5})"
)
_CARD_GROUP_END = re.compile(r"(?=[ -]|\Z)")
# The first digits of the card networks' numbers (their IIN ranges): Visa; Mastercard;
# American Express; Diners Club; JCB; Discover; UnionPay; Mir; Maestro and RuPay. Years
# ("2002 2003 2004 2005") and most counts start otherwise.
_CARD_PREFIX = re.compile(
    r"4|5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720|3[47]|30[0-5]|3095|3[689]"
    r"|352[89]|35[3-8]\d|6011|64[4-9]|65|62|220[0-4]|50[0-9]|5[6-8]|6[0-9]"
)
# A word for a card before its number, in the words just before it ("card", "Visa", "debit",
# "カード", "卡", "카드"): then any first digits will do.
_CARD_WORD = re.compile(
    r"(?<![^\W\d_])(?:cards?|visa|master\s?card|amex|american\s+express|discover|diners|jcb|"
    r"maestro|unionpay|rupay|credit|debit|cc|karte|carte|tarjeta|cart[ãa]o|carta)(?![^\W\d_])"
    r"|カード|卡|카드",
    re.IGNORECASE,
)


def _cards(text: str) -> Iterator[tuple[int, int]]:
    for m in _CARD.finditer(text):
        # The longest run of its groups that ends a word and passes the Luhn check: a
        # count or a year may follow a card ("4111 1111 1111 1111 2023").
        ends = [e.start() for e in _CARD_GROUP_END.finditer(m.group())]
        for end in sorted(ends, reverse=True):
            groups = m.group()[:end].split(m["sep"])
            digits = "".join(groups)
            if len(digits) < 13 or _word_at(text, m.start() + end):
                continue
            if _luhn_ok(digits) and _card_like(text, m.start(), groups):
                yield m.start(), m.start() + end
                break


def _card_like(text: str, start: int, groups: list[str]) -> bool:
    """Whether ``groups`` at ``start`` may be a card number: not a list of years or round
    counts ("2002 2003 2004 2005", "2000 2500 3000 3500", every group ending in 0), and with
    a card network's first digits or a word for a card just before."""
    if all(_YEAR.fullmatch(g) for g in groups) or all(g.endswith("0") for g in groups):
        return False
    return (
        _CARD_PREFIX.match(groups[0]) is not None
        or _CARD_WORD.search(text, max(0, start - 32), start) is not None
    )


def _luhn_ok(digits: str) -> bool:
    """Whether the last of ``digits`` is their Luhn check digit (ISO/IEC 7812)."""
    total = 0
    for k, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if k % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


# An international bank account number: a country, two check digits and up to 30 letters and
# digits, in groups of four joined by spaces or by dashes, or not ("DE89 3704 0044 0532 0130
# 00", "DE89-3704-…", "de89 3704 …"); its length must be its country's and its check digits
# (ISO 13616, mod 97) must hold.
_IBAN = re.compile(
    r"(?<![^\W_])[A-Za-z]{2}[0-9]{2}(?:[ -]?[A-Za-z0-9]{4}){2,7}(?:[ -]?[A-Za-z0-9]{1,3})?"
)
_IBAN_GROUP_END = re.compile(r"(?=[ -]|\Z)")
# The length of each country's account numbers (the IBAN registry, and the countries that
# use IBANs outside it).
_IBAN_LENGTHS: Final[dict[str, int]] = {
    country: int(length)
    for country, length in (
        entry.split(":")
        for entry in words(
            "AD:24 AE:23 AL:28 AO:25 AT:20 AZ:28 BA:20 BE:16 BF:28 BG:22 BH:22 BI:27 BJ:28 "
            "BR:29 BY:28 CF:27 CG:27 CH:21 CI:28 CM:27 CR:22 CV:25 CY:28 CZ:24 DE:22 DJ:27 "
            "DK:18 DO:28 DZ:26 EE:20 EG:29 ES:24 FI:18 FK:18 FO:18 FR:27 GA:27 GB:22 GE:22 "
            "GI:23 GL:18 GQ:27 GR:27 GT:28 GW:25 HN:28 HR:21 HU:28 IE:22 IL:23 IQ:23 IR:26 "
            "IS:26 IT:27 JO:30 KM:27 KW:30 KZ:20 LB:28 LC:32 LI:21 LT:20 LU:20 LV:21 LY:25 "
            "MC:27 MD:24 ME:22 MG:27 MK:19 ML:28 MN:20 MR:27 MT:31 MU:30 MZ:25 NE:28 NI:28 "
            "NL:18 NO:15 OM:23 PK:24 PL:28 PS:29 PT:25 QA:29 RO:24 RS:22 RU:33 SA:24 SC:31 "
            "SD:18 SE:24 SI:19 SK:24 SM:27 SN:28 SO:23 ST:25 SV:28 TD:27 TG:28 TL:23 TN:24 "
            "TR:26 UA:29 VA:22 VG:24 XK:20 YE:30"
        )
    )
}


def _ibans(text: str) -> Iterator[tuple[int, int]]:
    for m in _IBAN.finditer(text):
        written = m.group()
        if " " in written and "-" in written:
            continue  # groups are joined one way throughout
        # The longest run of its groups that is an account number and ends a word.
        ends = [e.start() for e in _IBAN_GROUP_END.finditer(written)]
        for end in sorted(ends, reverse=True):
            if end >= 15 and _iban_ok(written[:end]) and not _word_at(text, m.start() + end):
                yield m.start(), m.start() + end
                break


def _iban_ok(written: str) -> bool:
    code = written.replace(" ", "").replace("-", "").upper()
    if len(code) != _IBAN_LENGTHS.get(code[:2], 0):
        return False
    moved = code[4:] + code[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _word_at(text: str, position: int) -> bool:
    """Whether a letter or digit is at ``position`` of ``text``."""
    return position < len(text) and text[position].isalnum()
