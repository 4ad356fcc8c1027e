"""Personal data: finding and redacting e-mails, phones, URLs, handles and addresses; pseudonyms."""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import json
import random
import re
import sys
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carelens.privacy import (
    KINDS,
    PUBLIC_KEY,
    Pseudonymizer,
    Redaction,
    find_personal,
    redact,
)

ROOT = Path(__file__).resolve().parents[1]
REDACTION_SET = ROOT / "tests" / "data" / "privacy" / "redaction_set.jsonl"


def found(text: str) -> list[tuple[str, str]]:
    """``(kind, text)`` of each finding in ``text``."""
    return [(r.kind, r.text) for r in find_personal(text)]


def assert_valid(text: str, redactions: list[Redaction]) -> None:
    """Offsets in bounds, in order, not overlapping, text matching the offsets."""
    previous_end = 0
    for r in redactions:
        assert 0 <= r.start < r.end <= len(text)
        assert r.start >= previous_end
        assert r.kind in KINDS
        assert text[r.start : r.end] == r.text
        previous_end = r.end


# --- each kind found, with its exact extent --------------------------------------------------

FOUND = [
    # e-mail
    ("email me at jane.doe@example.com.", [("email", "jane.doe@example.com")]),
    ("mail o'brien+tag@mail.example.co.uk", [("email", "o'brien+tag@mail.example.co.uk")]),
    ("(INFO@EXAMPLE.ORG)", [("email", "INFO@EXAMPLE.ORG")]),
    # internationalised domains: letters of any script
    ("write jane@exämple.de now", [("email", "jane@exämple.de")]),
    ("or info@пример.рф.", [("email", "info@пример.рф")]),
    ("bob@münchen-café.de, thanks", [("email", "bob@münchen-café.de")]),
    # phone, international and national formats
    ("Call me on +44 20 7946 0958 tonight", [("phone", "+44 20 7946 0958")]),
    ("my cell is (555) 123-4567 ok", [("phone", "(555) 123-4567")]),
    ("it's 555-123-4567.", [("phone", "555-123-4567")]),
    ("+1-555-123-4567", [("phone", "+1-555-123-4567")]),
    ("text 07700 900123 please", [("phone", "07700 900123")]),
    ("+33 1 23 45 67 89", [("phone", "+33 1 23 45 67 89")]),
    ("+91 98765 43210", [("phone", "+91 98765 43210")]),
    ("0049 30 1234567", [("phone", "0049 30 1234567")]),
    ("555.123.4567", [("phone", "555.123.4567")]),
    ("1-800-555-0199", [("phone", "1-800-555-0199")]),
    ("+44 (0)20 7946 0958", [("phone", "+44 (0)20 7946 0958")]),
    ("07700900123", [("phone", "07700900123")]),
    ("+447700900123", [("phone", "+447700900123")]),
    ("555-0142", [("phone", "555-0142")]),
    ("01 23 45 67 89", [("phone", "01 23 45 67 89")]),
    ("Tel:+1 (555) 123-4567", [("phone", "+1 (555) 123-4567")]),
    ("030/1234567", [("phone", "030/1234567")]),
    ("555\u2013123\u20134567", [("phone", "555\u2013123\u20134567")]),
    ("call 555 123 4567 2 times a day", [("phone", "555 123 4567")]),
    ("I'm 25 and 07700 900123", [("phone", "07700 900123")]),
    ("(555-123-4567)", [("phone", "555-123-4567")]),
    ("call me at555-123-4567 tonight", [("phone", "555-123-4567")]),
    ("xxxxxxxxxx555-123-4567", [("phone", "555-123-4567")]),
    ("07700 900123 07700 900124", [("phone", "07700 900123"), ("phone", "07700 900124")]),
    # next to punctuation: lists of numbers, a word glued before, an extension or word after
    (
        "I am scared, call me 555-123-4567,555-987-6543 or mobile-07700 900123",
        [("phone", "555-123-4567"), ("phone", "555-987-6543"), ("phone", "07700 900123")],
    ),
    (
        "Please reach me on 555-123-4567/555-987-6543 or phone#555-222-3333.",
        [("phone", "555-123-4567"), ("phone", "555-987-6543"), ("phone", "555-222-3333")],
    ),
    ("0207-946-0958/07700 900123", [("phone", "0207-946-0958"), ("phone", "07700 900123")]),
    ("07700900123,07700900124", [("phone", "07700900123"), ("phone", "07700900124")]),
    ("tel.555-123-4567", [("phone", "555-123-4567")]),
    ("whatsapp/555-123-4567", [("phone", "555-123-4567")]),
    ("phone_555-123-4567", [("phone", "555-123-4567")]),
    ("tel.07700900123", [("phone", "07700900123")]),
    ("555-123-4567x23", [("phone", "555-123-4567")]),
    ("555-123-4567ext23", [("phone", "555-123-4567")]),
    ("555-123-4567 ext. 23", [("phone", "555-123-4567")]),
    ("555-123-4567or text", [("phone", "555-123-4567")]),
    ("call 555 123 4567 won't answer", [("phone", "555 123 4567")]),
    # Unicode dashes and spaces; a bracketed area code before a dotted number
    ("US 555\u2014123\u20144567", [("phone", "555\u2014123\u20144567")]),
    ("555\u2212123\u22124567", [("phone", "555\u2212123\u22124567")]),
    ("555\u2012123\u20124567", [("phone", "555\u2012123\u20124567")]),
    ("555\uff0d123\uff0d4567", [("phone", "555\uff0d123\uff0d4567")]),
    ("555\ufe63123\ufe634567", [("phone", "555\ufe63123\ufe634567")]),
    ("01\u202f23\u202f45\u202f67\u202f89", [("phone", "01\u202f23\u202f45\u202f67\u202f89")]),
    ("020\u20097946\u20090958", [("phone", "020\u20097946\u20090958")]),
    ("+44\u00a020\u00a07946\u00a00958", [("phone", "+44\u00a020\u00a07946\u00a00958")]),
    ("(555) 123.4567", [("phone", "(555) 123.4567")]),
    ("(555)\u00a0123.4567", [("phone", "(555)\u00a0123.4567")]),
    # real numbers stay found next to the rules that keep amounts and counts
    ("020 7946 0958", [("phone", "020 7946 0958")]),
    ("555 123 4567", [("phone", "555 123 4567")]),
    ("07700 900 890", [("phone", "07700 900 890")]),
    ("call 912 345 678", [("phone", "912 345 678")]),
    # URL
    ("see https://www.example.org/path?q=1).", [("url", "https://www.example.org/path?q=1")]),
    ("(https://example.com/a_(b))", [("url", "https://example.com/a_(b)")]),
    ("visit www.example.net, or", [("url", "www.example.net")]),
    ("example.org/help/me", [("url", "example.org/help/me")]),
    ("My page is example.com.", [("url", "example.com")]),
    (
        "reddit.com/r/depression/comments/ab12/title",
        [("url", "reddit.com/r/depression/comments/ab12/title")],
    ),
    ("redd.it/abc123", [("url", "redd.it/abc123")]),
    ("[my post](https://example.com/p/1)", [("url", "https://example.com/p/1")]),
    ("HTTP://EXAMPLE.COM/X", [("url", "HTTP://EXAMPLE.COM/X")]),
    # handles
    ("ping @jane_doe.", [("handle", "@jane_doe")]),
    ("u/throwaway_12345 said hi", [("handle", "u/throwaway_12345")]),
    ("thanks /u/other-name!", [("handle", "/u/other-name")]),
    ("follow @alice@mastodon.example", [("handle", "@alice@mastodon.example")]),
    ("I'm @Willow.Grows", [("handle", "@Willow.Grows")]),
    # street addresses
    ("221B Baker Street", [("address", "221B Baker Street")]),
    ("1600 Pennsylvania Ave NW", [("address", "1600 Pennsylvania Ave NW")]),
    ("42 Elm St., Springfield", [("address", "42 Elm St., Springfield")]),
    ("Flat 3, 12 High Road", [("address", "Flat 3, 12 High Road")]),
    ("our flat is 12 Mill Road", [("address", "12 Mill Road")]),
    ("at 12 high road and", [("address", "12 high road")]),
    ("5 Elm St and Oak Road", [("address", "5 Elm St")]),
    ("5 Church Hill Road", [("address", "5 Church Hill Road")]),
    ("12 St Mary's Road", [("address", "12 St Mary's Road")]),
    ("12 Maple Close, Leeds", [("address", "12 Maple Close, Leeds")]),
    ("350 5th Ave", [("address", "350 5th Ave")]),
    ("500 Main St Apt 4B", [("address", "500 Main St Apt 4B")]),
    ("221B Baker Street, London NW1 6XE", [("address", "221B Baker Street, London NW1 6XE")]),
    # Australian: a state or territory and a postcode of four digits
    (
        "I live at 3/21 Ocean Street, Bondi NSW 2026.",
        [("address", "3/21 Ocean Street, Bondi NSW 2026")],
    ),
    ("7 Beach Rd, Glenelg SA 5045 now", [("address", "7 Beach Rd, Glenelg SA 5045")]),
    ("5 King Road, Hobart TAS", [("address", "5 King Road, Hobart TAS")]),
    # four digits after a city with no state: a year, not a postcode
    ("12 Elm Street, Springfield 2024", [("address", "12 Elm Street, Springfield")]),
    (
        "1600 Pennsylvania Ave NW, Washington, DC 20500",
        [("address", "1600 Pennsylvania Ave NW, Washington, DC 20500")],
    ),
    ("PO Box 1234", [("address", "PO Box 1234")]),
    ("lives at 14 Larkspur Lane, Mum says", [("address", "14 Larkspur Lane")]),
    # several kinds; overlaps resolved by length
    ("https://example.com/?to=me@example.com", [("url", "https://example.com/?to=me@example.com")]),
    ("example.com/u/someone", [("url", "example.com/u/someone")]),
    (
        "a@example.com, 555-123-4567, @bob and 3 Oak Road",
        [
            ("email", "a@example.com"),
            ("phone", "555-123-4567"),
            ("handle", "@bob"),
            ("address", "3 Oak Road"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_each_kind(text: str, expected: list[tuple[str, str]]) -> None:
    redactions = find_personal(text)
    assert [(r.kind, r.text) for r in redactions] == expected
    assert_valid(text, redactions)


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_redact_removes_what_was_found(text: str, expected: list[tuple[str, str]]) -> None:
    redacted = redact(text)
    for kind, value in expected:
        assert value not in redacted
        assert f"[{kind}]" in redacted
    assert redact(redacted) == redacted


def test_redact_replaces_spans_with_placeholders() -> None:
    text = "Mail sam@example.com or call 555-123-4567, I'm u/sam_r at 3 Oak Road."
    assert redact(text) == "Mail [email] or call [phone], I'm [handle] at [address]."


# Accented letters, written precomposed (NFC) or as a letter and a combining mark (NFD, as
# macOS file names and some keyboards give them): a mark once ended the match, so the rest of
# the value was left, glued to the placeholder ("ana@mü[url]", "[handle]́e_m").
ACCENTED = [
    ("write jose@café.fr today", "write [email] today"),
    ("write ana@münchen.de today", "write [email] today"),
    ("write josé@cafe.fr today", "write [email] today"),
    ("or me@x.café, ok", "or [email], ok"),
    ("see münchen.de/kontakt now", "see [url] now"),
    ("see café.fr/menu now", "see [url] now"),
    ("https://café.fr/x and www.café.fr", "[url] and [url]"),
    ("ask @renée_m, she knows", "ask [handle], she knows"),
    ("ask @Nguyễn. She knows", "ask [handle]. She knows"),
    ("ask @zoë.k or @élodie@mästodon.social", "ask [handle] or [handle]"),
    ("mail info@परीक्षा.भारत", "mail [email]"),
    ("mail さとう@が.jp", "mail [email]"),
    # kept as before: no letter before the mark, or a name Reddit does not allow
    ("love❤\ufe0f@jane_doe", "love❤\ufe0f[handle]"),
    ("u/renée_m", "u/renée_m"),
    ("@ the café", "@ the café"),
]


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize(("text", "expected"), ACCENTED)
def test_accented_letters_are_redacted_whole_in_either_form(
    form: str, text: str, expected: str
) -> None:
    written = unicodedata.normalize(form, text)
    assert redact(written) == unicodedata.normalize(form, expected)
    assert_valid(written, find_personal(written))


@settings(max_examples=200, deadline=None)
@given(
    st.characters(categories=["Mn", "Mc"], max_codepoint=0xFFFF).filter(
        lambda c: not 0xFE00 <= ord(c) <= 0xFE0F and not 0x180B <= ord(c) <= 0x180F
    )
)
def test_any_combining_mark_stays_inside_the_value(mark: str) -> None:
    """Every combining mark of the Basic Multilingual Plane (but variation selectors) goes on
    a word: inside an e-mail address, a domain or a handle, none of it is left."""
    text = f"ana@mu{mark}nchen.de, mu{mark}nchen.de/x or @re{mark}ne_m{mark} ok"
    assert redact(text) == "[email], [url] or [handle] ok"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I am scared, call me 555-123-4567,555-987-6543 or mobile-07700 900123",
            "I am scared, call me [phone],[phone] or mobile-[phone]",
        ),
        (
            "Please reach me on 555-123-4567/555-987-6543 or phone#555-222-3333.",
            "Please reach me on [phone]/[phone] or phone#[phone].",
        ),
        ("tel.555-123-4567, whatsapp/555-123-4567", "tel.[phone], whatsapp/[phone]"),
        (
            "555-123-4567/555-987-6543/555-222-3333/555-444-5555",
            "[phone]/[phone]/[phone]/[phone]",
        ),
        ("555-123-4567x23 or 555-123-4567ext23", "[phone]x23 or [phone]ext23"),
        ("US 555\u2014123\u20144567 or (555) 123.4567", "US [phone] or [phone]"),
        ("01\u202f23\u202f45\u202f67\u202f89", "[phone]"),
        ("\u20b9150 000 000, 150 000 000 won", "\u20b9150 000 000, 150 000 000 won"),
        ("between 100 200 300 and 400", "between 100 200 300 and 400"),
    ],
)
def test_redact_phone_numbers_next_to_punctuation(text: str, expected: str) -> None:
    assert redact(text) == expected


def analyzed_redacted(tmp_path: Path, seeker: str, response: str) -> tuple[dict[str, Any], str]:
    """The record ``carelens analyze --redact`` writes for one pair (checked to exit 0), and
    the whole output file's text."""
    from typer.testing import CliRunner

    from carelens.cli.main import app

    source, out = tmp_path / "pairs.jsonl", tmp_path / "out.jsonl"
    row = {"seeker_id": "s1", "response_id": "r1", "seeker": seeker, "response": response}
    source.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(source), "-o", str(out), "--redact", "-q"])
    assert result.exit_code == 0, result.output
    written = out.read_text("utf-8")
    (record,) = [json.loads(line) for line in written.splitlines()]
    return record, written


def test_analyze_redact_removes_phone_numbers_next_to_punctuation(tmp_path: Path) -> None:
    """End to end: ``carelens analyze --redact`` writes the audit's texts redacted."""
    seeker = "I am scared, call me 555-123-4567,555-987-6543 or mobile-07700 900123"
    response = (
        "Please reach me on 555-123-4567/555-987-6543 or phone#555-222-3333, "
        "US 555\u2014123\u20144567 or (555) 123.4567. It cost \u20b9150 000 000."
    )
    record, written = analyzed_redacted(tmp_path, seeker, response)
    assert record["seeker_text"] == "I am scared, call me [phone],[phone] or mobile-[phone]"
    assert record["response_text"] == (
        "Please reach me on [phone]/[phone] or phone#[phone], "
        "US [phone] or [phone]. It cost \u20b9150 000 000."
    )
    for digits in ("4567", "6543", "900123", "3333"):
        assert digits not in written


# --- Markdown marks, escapes, invisible characters (the privacy review of 2026-12-06) ------------

# Each of these was left in the text, or partly: "_" around an item (Markdown emphasis, as "*"
# already was), Reddit's escaping backslash, a format character inside the item (also as
# repr() escapes it in a rejects file's detail), a "." or "#" before it, a fullwidth "@" or
# ".", a quoted local part. Words of an unspaced script glued to an e-mail address were
# taken into it ("我的邮箱是zhang.wei@example.cn" gave "[email]").
MARKED = [
    ("_john@example.com_", "_[email]_"),
    ("john@example.com_", "[email]_"),
    ("__john@example.com__", "__[email]__"),
    ("_555-123-4567_", "_[phone]_"),
    ("555-123-4567_", "[phone]_"),
    ("_555-123-4567", "_[phone]"),
    ("_https://example.com/x", "_[url]"),
    ("_www.example.com_", "_[url]_"),
    ("_@john_doe_", "_[handle]_"),
    ("_u/john_doe_", "_[handle]_"),
    ("_42 Elm Street_", "_[address]_"),
    ("name,_john.doe@example.com_,notes", "name,_[email]_,notes"),
    ("Follow @mindful_mo_ now, or u/sam_r_", "Follow [handle] now, or [handle]"),  # their own "_"
    (r"mail sam\_lee99@example.com", "mail [email]"),
    (r"I'm u/sad\_sam\_99 or @sad\_sam", "I'm [handle] or [handle]"),
    (r"call 555\-123\-4567", "call [phone]"),
    ("john@exa\u200bmple.com", "[email]"),
    ("jo\u200bhn@example.com", "[email]"),
    ("john@ex\u00adample.com", "[email]"),
    ("john\u200d@example.com", "[email]"),
    ("555\u200b-123-4567 or 07700 900\u00ad123", "[phone] or [phone]"),
    (
        r"turn 'john@exa\u200bmple.com' replies to 'jo\xadhn@example.com'",
        "turn '[email]' replies to '[email]'",
    ),
    ("write to .john@example.com", "write to .[email]"),
    ("..john@example.com or email:.john@example.com", "..[email] or email:.[email]"),
    ("mail me...john@example.com", "mail me...[email]"),
    ("call me..555-222-3333 or #555-987-6543", "call me..[phone] or #[phone]"),
    ("check this...https://example.com/x or..www.example.org", "check this...[url] or..[url]"),
    (
        "annie\uff20example.com, \uff48\uff45\uff4c\uff50\uff45\uff52\uff20example.com",
        "[email], [email]",
    ),
    ("john\ufe6bexample.com or john@example\uff0ecom", "[email] or [email]"),
    ("\uff20anxious_annie", "[handle]"),
    ('"quoted name"@example.com', "[email]"),
    ("我的邮箱是zhang.wei@example.cn", "我的邮箱是[email]"),
    ("minsu@example.kr로 보내 주세요, @minsu로", "[email]로 보내 주세요, [handle]로"),
    # kept as before: a local part all in an unspaced script is taken with all of it
    ("邮箱张伟@example.cn", "[email]"),
]


@pytest.mark.parametrize(("text", "expected"), MARKED)
def test_marks_escapes_and_invisible_characters_do_not_hide_an_item(
    text: str, expected: str
) -> None:
    assert redact(text) == expected
    assert_valid(text, find_personal(text))


def test_what_is_read_past_inside_an_item_is_part_of_its_span() -> None:
    text = "a jo\u200bhn@exa\u00admple.com, u/sad\\_sam\\_99 b"
    assert found(text) == [
        ("email", "jo\u200bhn@exa\u00admple.com"),
        ("handle", "u/sad\\_sam\\_99"),
    ]
    # at an item's edge it is not: a zero-width space between words stays
    assert found("mail:\u200bjohn@example.com\u200b.") == [("email", "john@example.com")]


# Phone numbers that were missed: international without "+", Russian with the trunk 8, glued
# to an unspaced script, spaced one digit at a time, across a line; a card or bank account
# number was half redacted ("[phone] 1111"). Those written as one run of digits longer than a
# national number, glued to an unspaced script or spaced one by one are phone numbers after
# words that name one (see REVIEWED_KEPT for the same digits as ids, amounts and ratings).
MISSED_PHONES = [
    ("call 447700900123", "call [phone]"),
    ("call 4915112345678 or 0015551234567", "call [phone] or [phone]"),
    ("text 89123456789, 8 912 345 67 89, 8 (912) 345-67-89", "text [phone], [phone], [phone]"),
    ("我的手机号是13800138000", "我的手机号是[phone]"),
    ("電話番号は09012345678です", "電話番号は[phone]です"),
    ("연락처01012345678", "연락처[phone]"),
    ("call me 5 5 5 1 2 3 4 5 6 7", "call me [phone]"),
    ("+1 555\n123 4567", "[phone]"),
    ("Call me:\n+1 555\n123 4567", "Call me:\n[phone]"),
    ("my phone: 555-123-\n4567", "my phone: [phone]"),
    ("card 4111 1111 1111 1111, ok", "card [phone], ok"),
    ("IBAN DE89 3704 0044 0532 0130 00", "IBAN [phone]"),
    ("IBAN GB82 WEST 1234 5698 7654 32.", "IBAN [phone]."),
    ("DE89370400440532013000", "[phone]"),
]


@pytest.mark.parametrize(("text", "expected"), MISSED_PHONES)
def test_phone_numbers_the_review_found_missed(text: str, expected: str) -> None:
    assert redact(text) == expected


# Numbers that must stay however the phone rules are widened: ages, counting, ratings of one
# digit, years, amounts, ids, decimals, timestamps, barcodes, lists on lines of their own.
KEPT_NUMBERS = [
    "I'm 16 and I can't sleep",
    "1 2 3 4 5 6 7 8 9 10, 0 1 2 3 4 5 6 7 8 9 and 9 8 7 6 5 4 3 2 1 0",
    "5 5 5 5 5 5 5 5 5 5 stars, 1 2 3 4 5 6 7 8 9 10 11 12",
    "in 2019 2020 2021 2022 and 1000 2000 3000 4000",
    "#1234567890, issue #5551234567, .5551234567 and 0.5551234567",
    "IMG_20240512_103000.jpg and x_5551234567_y and _2019_",
    "1700000000000 ms, 20240512103000, order 123456789012, barcode 4006381333931",
    "scores\n555\n123\n4567 and 555 123\n4567",
    "8 300 400 50 60 and 8 9 10 11 12 13",
    "$4915112345678 and 447700900123 dollars",
    "我有3个孩子, 2024年5月12日, 第1234567890号",
    "page 12..15 and chapters 3..12345678",
    "GB82 WEST 1234 and my_site.io",
]


@pytest.mark.parametrize("text", KEPT_NUMBERS)
def test_numbers_that_are_no_phone_stay(text: str) -> None:
    assert found(text) == []


# --- the old-vs-new review of those changes (2026-12-06) ----------------------------------------

# Redacted by the widened rules, though none is a phone number or a handle: ids and barcodes
# with a country code's shape, "@" as "at" glued to Chinese, Japanese or Korean words (a
# handle took the words after it), amounts with a CJK currency or counter, lists of ratings
# longer than a number, references after "#".
REVIEWED_KEPT = [
    "Barcode 4987176012345 on the medicine box.",
    "Order 85012345678 never arrived. Policy number 61212345678 for the insurance.",
    "Invoice 601234567890 is overdue, Tracking 5512345678901, EAN 8801382000017",
    "My order number is 4912345678901 and it never came. My customer number is 48512345678.",
    "Call about order 4912345678901 please; 4915112345678; 0015551234567",
    "注文番号は4912345678901です。订单号81234567890一直没到。",
    "我的学号是2021123456\uff0c系统登不上。学生番号2023456789で登録しました。",
    "明日は病院\uff20新宿です。不安です。",
    "飲み会@渋谷でした、楽しかった。ランチ\uff20スタバ、泣きそうになった",
    "\uff20\uff48\uff4f\uff4d\uff45で休んでます",
    "모임@강남역에서 했어요",
    "谢谢@小明的帮助",
    "빚이 5000000000원이에요. 집값이 2000000000원이 넘어요.",
    "我存了2000000000元\uff1f报价3500000000日元\uff0c总价2500000000块",
    "会社の売上は12345678900円です。第2023123456号の事件です。",
    "2 weeks of ratings: 3 4 2 5 3 4 6 5 4 3 4 5 6 4",
    "mood: 3 4 5 4 3 2 3 4 5 6 7 6 5 4 3 4 5 6 5 4 6",
    "Ratings from my 11 sessions: 3 3 4 5 5 6 6 7 7 8 8",
    "Rated each day this fortnight: 3 4 2 5 3 4 6 5 4 3",
    "Number of drinks per day: 6 5 7 4 3 2 0 0 1 0",
    "ticket #555-1234, Case #2024-123456, incident #2023-11-0345",
]


@pytest.mark.parametrize("text", REVIEWED_KEPT)
def test_ids_amounts_ratings_and_at_signs_the_review_found_redacted_stay(text: str) -> None:
    assert found(text) == []
    assert redact(text) == text


# Redacted too much (a year or a count after a number in groups of four, the words after a
# web address), or not at all (cards and IBANs with dashes or in lower case, Amex's 4-6-5, a
# number after a word and a zero-width or bidirectional mark).
REVIEWED_REDACTED = [
    ("call me on 0800 1234 5678 2023 was awful", "call me on [phone] 2023 was awful"),
    ("ring 0161 4960 0000 1000 times", "ring [phone] 1000 times"),
    ("card 4111 1111 1111 1111 2023", "card [phone] 2023"),
    ("card 4111-1111-1111-1111 got charged", "card [phone] got charged"),
    ("card4111 1111 1111 1111", "card[phone]"),
    ("5500-0000-0000-0004 or 3782 822463 10005", "[phone] or [phone]"),
    ("IBAN: DE89-3704-0044-0532-0130-00", "IBAN: [phone]"),
    ("de89 3704 0044 0532 0130 00", "[phone]"),
    ("Call me\u200b5551234567 tonight", "Call me\u200b[phone] tonight"),
    ("اتصل بي\u200f0501234567", "اتصل بي\u200f[phone]"),
    ("555-123-4567\u200b2019 was the year", "[phone]\u200b2019 was the year"),
    ("看这个https://example.com/help谢谢", "看这个[url]谢谢"),
    ("reddit.com/r/depression吧\uff0c很有用", "[url]吧\uff0c很有用"),
    ("https://example.com/help\uff0c谢谢", "[url]\uff0c谢谢"),
    ("write to john @ gmail.com or sam.lee @ yahoo.co.uk.", "write to [email] or [email]."),
    ("Reach me at 447700900123 on WhatsApp.", "Reach me at [phone] on WhatsApp."),
    ("电话13800138000, 手机13800138000\uff0c谢谢", "电话[phone], 手机[phone]\uff0c谢谢"),
    # kept as before: a handle in an unspaced script after a space, up to a space or ":"
    ("@田中さん ありがとう, @小明\uff1a谢谢", "[handle] ありがとう, [handle]\uff1a谢谢"),
    # a format character inside an e-mail address is still part of it
    ("john\u200b99@example.com", "[email]"),
]


@pytest.mark.parametrize(("text", "expected"), REVIEWED_REDACTED)
def test_items_the_review_found_cut_or_missed_are_redacted_whole(text: str, expected: str) -> None:
    assert redact(text) == expected
    assert_valid(text, find_personal(text))


def test_spans_stop_where_the_item_stops() -> None:
    assert found("看这个https://example.com/help谢谢") == [("url", "https://example.com/help")]
    assert found("Call me\u200b5551234567, 555-123-4567\u200b2019") == [
        ("phone", "5551234567"),
        ("phone", "555-123-4567"),
    ]
    assert found("card 4111 1111 1111 1111 2023") == [("phone", "4111 1111 1111 1111")]


def test_long_numbers_after_an_id_word_stay_as_before() -> None:
    """The review's rates: a random number of 11 to 13 digits after "My order number is" was
    redacted 32%, 9% and 2% of the time (11 digits: 9% before, the North American ones with a
    1), an EAN-13 barcode with the Japanese prefix 49 or starting with 00, 90%."""
    rng = random.Random(7)

    def ean(prefix: str) -> str:
        body = prefix + "".join(rng.choice("0123456789") for _ in range(12 - len(prefix)))
        total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
        return body + str((10 - total % 10) % 10)

    numbers = [
        str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(n - 1))
        for n in (12, 13)
        for _ in range(300)
    ] + [str(rng.randint(2, 9)) + "".join(rng.choice("0123456789") for _ in range(10))]
    redacted = [n for n in numbers if found(f"My order number is {n} and it never came.")]
    assert redacted == []
    barcodes = [ean(prefix) for prefix in ("49", "00", "55", "880") for _ in range(100)]
    assert [b for b in barcodes if found(f"Barcode {b} on the box.")] == []


# --- a third review of those changes (2026-12-06) ------------------------------------------------

# Phone numbers missed: a CJK counter or currency read as the number's unit across a space or a
# line break ("個人" starts with 個, "원장님" with 원, "万一" with 万, "个人" with 个, "名前" with
# 名) or glued after a phone's groups ("만" is "only"), 第 read as an ordinal inside 次第; a
# handle in an unspaced script before a comma or a full stop; digits of other scripts; more
# words that name a phone ("rang", "txt"); a unit on the next line.
THIRD_REVIEW_REDACTED = [
    ("090-1234-5678 個人の携帯です", "[phone] 個人の携帯です"),
    ("+82 10-1234-5678 개인폰이에요", "[phone] 개인폰이에요"),
    ("연락처: 010-1234-5678 원장님께 여쭤보세요", "연락처: [phone] 원장님께 여쭤보세요"),
    ("手机\uff1a138-0013-8000 万一打不通就发微信", "手机\uff1a[phone] 万一打不通就发微信"),
    ("電話\uff1a090-1234-5678\n名前\uff1a田中", "電話\uff1a[phone]\n名前\uff1a田中"),
    ("联系电话\uff1a+86 138 0013 8000\n个人微信同号", "联系电话\uff1a[phone]\n个人微信同号"),
    ("手机\uff1a13800138000\n个人邮箱稍后发", "手机\uff1a[phone]\n个人邮箱稍后发"),
    ("이 번호 010-1234-5678만 저장해 주세요", "이 번호 [phone]만 저장해 주세요"),
    ("確認次第090-1234-5678から折り返します", "確認次第[phone]から折り返します"),
    ("@田中さん\u3001ありがとうございます", "[handle]\u3001ありがとうございます"),
    ("@小明\uff0c谢谢你的建议", "[handle]\uff0c谢谢你的建议"),
    ("@김민수님, 감사합니다", "[handle], 감사합니다"),
    ("返信ありがとう @ゆうき\uff01 @さくら\u3002", "返信ありがとう [handle]\uff01 [handle]\u3002"),
    ("رقمي \u0660\u0665\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667", "رقمي [phone]"),
    ("मेरा नंबर \u096f\u096e\u096d\u096c\u096b\u096a\u0969\u096e\u0967\u0966 है", "मेरा नंबर [phone] है"),
    ("call \uff15\uff15\uff15\uff12\uff11\uff14\uff18\uff18\uff11\uff14", "call [phone]"),
    ("I rang you 447700900498 but you didn't pick up", "I rang you [phone] but you didn't pick up"),
    ("txt 447700900486 I'm always around", "txt [phone] I'm always around"),
    (
        "Text +44 7700 900495\nPounds and pounds of worry",
        "Text [phone]\nPounds and pounds of worry",
    ),
    ("我的号码是13800138000", "我的号码是[phone]"),
    ("電話番号は09012345678です", "電話番号は[phone]です"),
    ("请拨打+8613800138000", "请拨打[phone]"),
    # an everyday word before a spaced "@" is no local part: the domain alone is a web address
    ("My account @ gmail.com got hacked", "My account @ [url] got hacked"),
    ("anyone else @ outlook.com locked out today?", "anyone else @ [url] locked out today?"),
    ("write to quiet.owl @ gmail.com or sunflower @ gmail.com", "write to [email] or [email]"),
]


@pytest.mark.parametrize(("text", "expected"), THIRD_REVIEW_REDACTED)
def test_numbers_and_handles_the_third_review_found_missed_are_redacted(
    text: str, expected: str
) -> None:
    assert redact(text) == expected
    assert_valid(text, find_personal(text))


# Redacted, though none is personal data: lists of years and round counts read as a card
# number; ids with Chinese, Japanese or Korean words glued after them, or after a fullwidth
# colon; ids named by the word before "number", 番号, 号 or 번호 after a word that names a
# phone; group mentions.
THIRD_REVIEW_KEPT = [
    "The years 2002 2003 2004 2005 were the hardest.",
    "I moved house 2005 2007 2009 2011 2013, always running.",
    "Step goals: 2000 2500 3000 3500 each week. Rehab targets 3000 3250 3500 3750 steps",
    "Dates that stuck: 2002-2003-2004-2005. My card number? 2002 2003 2004 2005",
    "会員番号 3125478960です",
    "会員番号\uff1a3125478960です",
    "주문번호 2847561930으로 조회해 보세요",
    "수험번호 3012345678입니다. 학번 2021123456이고 전화 안 받아요",
    "订单号\uff1a2847561930的包裹丢了",
    "I called the surgery and my appointment number is 81234567890, whatever that means.",
    "Phoned the hospital: her hospital number is 61234567890, they still lost the file.",
    "I rang them twice, my reservation number is 61234567890.",
    "I phoned about my application 61234567890 and got nowhere.",
    "電話で問い合わせたら\u3001受付番号は0312345678です",
    "전화로 예약했는데 예약번호는 2847561930이에요",
    "打电话问了\uff0c预约号2847561930",
    "电话预约的挂号单2847561930找不到了",
    "@mod can you lock this thread? @moderator @staff @someone @anyone",
]


@pytest.mark.parametrize("text", THIRD_REVIEW_KEPT)
def test_years_ids_and_mentions_the_third_review_found_redacted_stay(text: str) -> None:
    assert found(text) == []


def test_a_card_needs_a_network_prefix_or_a_word_for_a_card() -> None:
    """Luhn alone lets one list of four numbers in ten through: a card's first digits (Visa 4,
    Mastercard 51-55 and 2221-2720, Amex 34 and 37, …) or a word for a card must come too."""
    assert found("codes 2005 2007 2009 2011") == []
    assert ("phone", "2014 1234 5678 9015") not in found("codes 2014 1234 5678 9015")
    assert found("card 2014 1234 5678 9015") == [("phone", "2014 1234 5678 9015")]
    assert found("2223 0000 4840 0011 and 3782 822463 10005") == [
        ("phone", "2223 0000 4840 0011"),
        ("phone", "3782 822463 10005"),
    ]


def test_id_words_after_a_phone_word_keep_random_ids_as_before() -> None:
    """The third review's rates: random ids of 10 to 12 digits after "I called …, my
    appointment number is" (or "受付番号は", "예약번호는", "预约号" after a phone word) were
    redacted 34% (11 digits) and 90% (10 digits, glued) of the time; before, only those with
    a national number's shape, and none glued to Chinese, Japanese or Korean words."""
    rng = random.Random(11)
    numbers = [
        str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(n - 1))
        for n in (10, 11, 12)
        for _ in range(100)
    ]
    english = [
        "I called the surgery and my appointment number is {}.",
        "Called the pharmacy, prescription number {} still not ready.",
        "I rang them twice, my reservation number is {}.",
    ]
    glued = [
        "電話で問い合わせたら\u3001受付番号は{}です",
        "전화로 예약했는데 예약번호는 {}이에요",
        "打电话问了\uff0c预约号{}",
        "会員番号 {}です",
    ]
    national = re.compile(r"0\d{9,10}|1?[2-9]\d{9}")
    for template in english:
        assert [n for n in numbers if found(template.format(n)) and not national.fullmatch(n)] == []
    for template in glued:
        assert [n for n in numbers if found(template.format(n))] == []
    # a word for a phone before 番号, 号 or 번호 still names one
    assert found("電話番号は0312345678です, 手机号2847561930") == [
        ("phone", "0312345678"),
        ("phone", "2847561930"),
    ]


def test_rejects_detail_and_header_quote_no_marked_data() -> None:
    """The review's surfaces, end to end: a rejects file's detail quotes an id through
    repr() (a zero-width space escaped as ``\\u200b``), and an error message quotes a CSV
    header only when it holds no personal data."""
    from carelens.readers.quoting import describe_columns, quote
    from carelens.readers.rejects import reject_entry

    for parent in ("john@exa\u200bmple.com", "call me..555-222-3333", "_jane.doe@example.com_"):
        detail = f"turn 'm2' replies to {quote(parent)}, not in the input"
        entry = reject_entry("r.jsonl", 2, "reply_to", "unknown parent", detail=detail, redact=True)
        assert isinstance(entry["detail"], str)
        assert not any(piece in entry["detail"] for piece in ("john", "222", "jane")), entry
    for header in (["name", "_john.doe@example.com_", "notes"], ["id", "#555-123-4567"]):
        described = describe_columns(header)
        assert "john" not in described and "555" not in described, described


def test_analyze_redact_removes_marked_escaped_and_hidden_data(tmp_path: Path) -> None:
    """End to end: ``carelens analyze --redact`` writes the review's texts redacted."""
    seeker = "I feel so alone. Reach me _john.doe@example.com_ or _555-123-4567_, I'm _@sad_sam_"
    response = (
        "I'm so sorry. Write to helper@exa\u200bmple.com, u/kind\\_otter, or call me..555-222-3333"
        " or 447700900123."
    )
    record, written = analyzed_redacted(tmp_path, seeker, response)
    assert (
        record["seeker_text"] == "I feel so alone. Reach me _[email]_ or _[phone]_, I'm _[handle]_"
    )
    assert record["response_text"] == (
        "I'm so sorry. Write to [email], [handle], or call me..[phone] or [phone]."
    )
    for piece in ("john", "4567", "sad_sam", "exa", "otter", "3333", "900123"):
        assert piece not in written, piece


# --- not personal data -------------------------------------------------------------------------

NOT_FOUND = [
    "My appointment is on 12/05/2024 at 10:30.",
    "It was 2024-05-12 1030 when it happened",
    "The therapy costs $1,200 a month",
    "£1 200 000 is what the house cost",
    "I've felt like this for 3 years",
    "I cry 2-3 times a week",
    "I'm 25",
    "Updated to version 4.12.3; Python 3.11.4 and Windows 10.0.19045",
    "IP 192.168.100.200",
    "from 2019 2020 2021",
    "r/depression and /r/anxiety helped",
    "(>_<) :@ >:@ @_@ @.@ @o@ <3",
    "meet me @ the park @ 5pm or @3pm",
    "thanks @everyone and @here",
    "Called 988 or text HOME to 741741, or 116 123",
    "my score went from 62% to 81%",
    "a 9-5 job for 12 years",
    "room 204 from 7:30pm to 9pm",
    "i.e. e.g. a.m. p.m. U.S. ASP.NET node.js notes.txt file.zip",
    "I was tired.So I slept. It was lonely.it was",
    "I walked 20 minutes down the road",
    "three doors down the street; 3 doors down the street",
    "I have 4 different Dr appointments",
    "it's a 10 min drive, 3 each way",
    "The 3rd Avenue bus and 5th Street",
    "my tracker shows 18 out of 27, and 8 10 12 14 16 18",
    "http://localhost:8080 and www.",
    "me@home and name@localhost",
    "5@3.50 each and a_b@c_d.e_f",
    "w/ my mum and u/ab",
    "order ID5551234567 and ref AB07700900123",
    "my COVID19 test and the B12 shot",
    # amounts and counts written in groups of digits
    "\u20b9150 000 000 for the house",
    "it cost 150 000 000 won",
    "\u20a9912 345 678 or 912 345 678 yen, INR 912 345 678",
    "between 100 200 300 and 400",
    "doses of 100-200-300 mg and 1000 2000 3000 steps",
    "150.000.000 people and 120-150-200mg",
    "123 456 789,50 and 1,200 300 400",
    # ids glued to words, dates and times with Unicode dashes, ISBNs
    "ID-5551234567, IMG_20240512_103000.jpg, IMG-20240512-WA0001.jpg",
    "2024\u201405\u201412 and 10:30\u201411:45",
    "ISBN 0-306-40615-2 and ISBN-978-0-306-40615-7",
    "I won't call 988,741741 or 116\u00a0123",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_does_not_find_ordinary_text(text: str) -> None:
    assert found(text) == []
    assert redact(text) == text


# --- the Redaction type -------------------------------------------------------------------------


def test_redaction_checks_its_fields() -> None:
    r = Redaction(3, 7, "phone", "5551")
    assert r.placeholder == "[phone]"
    with pytest.raises(ValueError, match="offsets"):
        Redaction(5, 5, "phone", "")
    with pytest.raises(ValueError, match="kind"):
        Redaction(0, 1, "name", "x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="does not match"):
        Redaction(0, 2, "url", "x")


def test_empty_text() -> None:
    assert find_personal("") == []
    assert redact("") == ""


# --- properties on arbitrary text ---------------------------------------------------------------

# Fragments that reach the patterns, joined at random: digits next to separators, "@", "/",
# street words, brackets and punctuation.
FRAGMENTS = st.sampled_from(
    [
        "555",
        "-",
        "123",
        "4567",
        " ",
        "+44",
        "(0)",
        "(",
        ")",
        "07700",
        "900123",
        ".",
        ",",
        "/",
        "@",
        "u/",
        "r/",
        "a",
        "bob",
        "example",
        ".com",
        "www.",
        "https://",
        "12",
        "Elm",
        "St",
        "Road",
        "Close",
        "Flat 3",
        "\n",
        "$",
        "%",
        ":",
        "#",
        "_",
        "'",
        "00",
        "\u2013",
        "\u2014",
        "\u2212",
        "\u202f",
        "\u00a0",
        "x",
        "ext",
        "tel.",
        "000",
        "\u20b9",
        " won",
        # what the review of 2026-12-06 found things hidden by
        "\\",
        "\u200b",
        "\u00ad",
        "\uff20",
        "\uff0e",
        "..",
        "8 ",
        "\u6211",
        "\ub85c",
        "4111 ",
        "DE89 ",
        # and its old-vs-new review: context words, CJK units, cards with dashes, ratings
        "call ",
        "order ",
        "ticket #",
        "\u7535\u8bdd",
        "\u5143",
        "4111-1111-",
        "3 ",
        "\u200b5",
        # and its third review: ids named by a word, CJK counters, other digits, years
        "\u756a\u53f7",
        "\u4e2a",
        "\uff1a",
        "\u0665",
        "2005 ",
        " @ gmail.com",
        "number ",
        # addresses in other languages and postcodes after a town (Session 33)
        "Calle ",
        "stra\u00dfe ",
        " rue ",
        "Am ",
        ", 10115 ",
        " JA ",
        "M5H 2N2",
        "\u6771\u4eac\u90fd",
        "\u8def",
        "\u53f7",
        "\uc11c\uc6b8\uc2dc ",
        "\ub85c ",
    ]
)
PIECES = st.lists(FRAGMENTS, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), PIECES))
def test_arbitrary_text_gives_valid_spans_and_stable_redaction(text: str) -> None:
    redactions = find_personal(text)
    assert_valid(text, redactions)
    once = redact(text)
    assert redact(once) == once
    if not redactions:
        assert once == text


# Ordinary words and punctuation around a value; nothing that changes its meaning (a "%" or
# "$" next to a number makes it an amount, not a phone number).
WORDS = st.lists(
    st.sampled_from(["I", "feel", "call", "me", "on", "or", ",", ".", "!", "?", "(", ")", "\n"])
    | st.text(st.characters(categories=["L"]), max_size=8),
    max_size=12,
).map(" ".join)


@settings(max_examples=100, deadline=None)
@given(
    WORDS,
    st.sampled_from(["sam@example.com", "555-123-4567", "https://example.org/x", "u/someone"]),
    WORDS,
)
def test_a_value_between_spaces_is_found_whatever_words_surround_it(
    before: str, value: str, after: str
) -> None:
    assert value in [r.text for r in find_personal(f"{before} {value} {after}")]


def test_megabyte_input_finishes() -> None:
    """No catastrophic backtracking on 1 MB of awkward text (no timing is asserted)."""
    awkward = [
        "a" * 1000,
        "1" * 1000,
        "1 " * 500,
        "12-" * 333,
        "a." * 500,
        "a@a." * 250,
        "(1)" * 333,
        "1 Elm Elm Elm Elm " * 55,
        "http://" * 142,
        "Mail a@example.com or 555-123-4567, see example.org/x, @bob, 3 Oak Road. " * 13,
    ]
    text = "\n".join(awkward) * 101
    assert len(text) >= 1_000_000
    assert_valid(text, find_personal(text))
    assert "555-123-4567" not in redact(text)


# --- pseudonyms ----------------------------------------------------------------------------------


def test_pseudonyms_are_readable_and_stable() -> None:
    first, second = Pseudonymizer(), Pseudonymizer()
    alias = first.pseudonym("alice")
    assert alias is not None and re.fullmatch(r"helper-[0-9a-f]{6}", alias)
    assert first.pseudonym("alice") == alias
    assert second.pseudonym("alice") == alias
    assert first.pseudonym(None) is None
    assert first.pseudonym("bob") != alias


def test_pseudonym_is_the_documented_hmac() -> None:
    """Same in every process and version: the start of HMAC-SHA256(key, name)."""
    expected = hmac.new(b"s3cret", "Zoë".encode(), hashlib.sha256).hexdigest()[:6]
    assert Pseudonymizer("s3cret").pseudonym("Zoë") == f"helper-{expected}"
    public = hmac.new(PUBLIC_KEY, b"alice", hashlib.sha256).hexdigest()[:6]
    assert Pseudonymizer().pseudonym("alice") == f"helper-{public}"


def test_the_key_changes_every_pseudonym() -> None:
    names = [f"user{i}" for i in range(50)]
    plain = [Pseudonymizer().pseudonym(n) for n in names]
    keyed = [Pseudonymizer("a-secret").pseudonym(n) for n in names]
    other = [Pseudonymizer("another-secret").pseudonym(n) for n in names]
    assert all(a != b != c for a, b, c in zip(plain, keyed, other, strict=True))


def test_prefix_and_length() -> None:
    p = Pseudonymizer("k", prefix="seeker", length=10)
    assert re.fullmatch(r"seeker-[0-9a-f]{10}", p.pseudonym("x") or "")
    assert re.fullmatch(r"[0-9a-f]{8}", Pseudonymizer(prefix="", length=8).pseudonym("x") or "")


def test_short_id_collisions_are_lengthened_deterministically() -> None:
    names = [f"name-{i}" for i in range(3000)]
    # 4 hex digits give 65,536 ids: 3,000 names collide many times.
    first = Pseudonymizer("k", length=4)
    aliases = [first.pseudonym(n) or "" for n in names]
    assert len(set(aliases)) == len(names)
    lengthened = [a for a in aliases if len(a) > len("helper-") + 4]
    assert lengthened
    for name, alias in zip(names, aliases, strict=True):
        digest = hmac.new(b"k", name.encode(), hashlib.sha256).hexdigest()
        assert alias == f"helper-{digest[: len(alias) - len('helper-')]}"
    again = Pseudonymizer("k", length=4)
    assert [again.pseudonym(n) for n in names] == aliases


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=12), max_size=60, unique=True))
def test_distinct_names_get_distinct_pseudonyms(names: list[str]) -> None:
    p = Pseudonymizer(length=4)
    aliases = [p.pseudonym(n) for n in names]
    assert len(set(aliases)) == len(names)
    assert [p.pseudonym(n) for n in names] == aliases


def test_bad_keys_and_lengths_are_refused_and_the_key_stays_hidden() -> None:
    with pytest.raises(ValueError, match="empty"):
        Pseudonymizer("")
    with pytest.raises(ValueError, match="length"):
        Pseudonymizer(length=2)
    assert "s3cret" not in repr(Pseudonymizer("s3cret"))
    assert "keyed=True" in repr(Pseudonymizer("s3cret"))


# --- the evaluation set ---------------------------------------------------------------------------


def load_benchmark() -> ModuleType:
    path = ROOT / "benchmarks" / "redaction_quality.py"
    spec = importlib.util.spec_from_file_location("redaction_quality", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_redaction_set_is_well_formed() -> None:
    records = [json.loads(line) for line in REDACTION_SET.read_text("utf-8").splitlines()]
    assert len(records) >= 150
    assert len({r["id"] for r in records}) == len(records)
    assert {r["split"] for r in records} == {"dev", "heldout"}
    assert sum(not r["spans"] for r in records) >= 40
    for record in records:
        previous_end = 0
        for span in record["spans"]:
            value = record["text"][span["start"] : span["end"]]
            assert span["kind"] in KINDS
            assert value and value == value.strip(), record["id"]
            assert span["start"] >= previous_end
            previous_end = span["end"]
    assert {s["kind"] for r in records for s in r["spans"]} == set(KINDS)


def test_recall_on_the_redaction_set_meets_the_target() -> None:
    bench = load_benchmark()
    report = bench.evaluate(bench.load_cases(REDACTION_SET))
    assert report.overall("overlap").recall >= 0.95  # the target
    assert report.overall("exact").recall >= 0.90
    assert report.overall("overlap").precision >= 0.95


def test_benchmark_script_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    bench = load_benchmark()
    assert bench.main(["--split", "each", "--errors"]) == 0
    out = capsys.readouterr().out
    for name in ("split dev", "split heldout", "split all", "overall", "exact P", "overlap P"):
        assert name in out
