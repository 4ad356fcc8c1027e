"""Phone numbers in a text, and payment card and bank account numbers (IBAN), for
:mod:`carelens.privacy`.

:func:`phones` gives the ``(start, end)`` of each one found, all three redacted as
``[phone]`` (cards and IBANs are found in :mod:`carelens.privacy_accounts`). Phone numbers
are found in two steps: a loose pattern collects runs of digit groups, then
:func:`_phone_shape` accepts only the shapes of real numbers, which keeps dates, times,
money, version numbers and counts out, and :func:`_phone_ok` what the number is glued to
and what follows it; :func:`carelens.privacy_amounts.an_amount` keeps amounts, counts and
ranges that have a phone's shape ("500-1000 dollars", "500-1000 a month"). A run of digits
that may as well be an id, a barcode or a list of ratings (a country code without "+",
digits spaced one by one, digits glued to Chinese, Japanese or Korean words before or after
them, and the shapes of :mod:`carelens.privacy_worded_shapes`: "55 1234 5678", "612 34 56
78") is a phone number only after words that name one, and not after a word for an id
(:func:`carelens.privacy_phone_words.told`); glued to such words, a mobile number of China,
Japan or Korea ("13800138000是我的电话") is one unless a word names an id.

Ids are not redacted: the words before a number only tell a phone number from an id where
its shape could be either. "X number" names an id unless X names a phone ("helpline
number"), is someone's ("my mum's number") or leaves it to the words before ("the number"):
"my locker number is 447700900123", "passport number", "student number" are ids and stay,
as do numbers too short for a phone ("number 3 on the list", "room number 12", "my locker
number is 4471"). A number in the shape of a national phone number is redacted whatever
names it ("my account number is 07700900123", "my locker number is 07700900123"), except
right before or after a word for an id of a purchase, a delivery, a membership or a case
(:func:`carelens.privacy_named_ids.id_named`: "order number 555-123-4567", "注文番号は
123-4567-8901", "2019 4455 6677 is my student id"). Digits of other scripts (Arabic-Indic,
Devanagari, fullwidth) are read as the ASCII ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import pairwise

from carelens.privacy_accounts import accounts
from carelens.privacy_amounts import CURRENCY_SIGNS, an_amount
from carelens.privacy_named_ids import id_named
from carelens.privacy_phone_words import (
    PHONE_WORD,
    REFERENCE_HASH,
    phone_named_after,
    told,
)
from carelens.privacy_reading import UNSPACED, UNSPACED_CHAR
from carelens.privacy_worded_shapes import runs_from_two_digits, worded_shape

_DIGIT_GROUP = r"(?:\(\d{1,5}\)|\d{1,15})"
# The spaces and dashes a phone number is written with, besides " " and "-": no-break, narrow
# no-break (U+202F), thin, figure and other fixed-width spaces; hyphens, the figure dash
# (U+2012), en and em dashes, the horizontal bar, the minus sign (U+2212) and the small and
# fullwidth hyphen-minus. They are read as the plain ones.
_SPACE_CODES = (0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)
_DASH_CODES = (*range(0x2010, 0x2016), 0x2212, 0xFE58, 0xFE63, 0xFF0D)
_SEPARATORS = str.maketrans(
    {chr(c): " " for c in _SPACE_CODES} | {chr(c): "-" for c in _DASH_CODES}
)
# Up to twelve groups (eleven digits spaced one by one: "0 7 7 0 0 9 0 0 1 2 3"); a line
# break may stand between two of them, alone or after a separator (see _phone_shape for
# which numbers are read across it).
_PHONE_RUN = (
    r"\+?"
    + _DIGIT_GROUP
    + r"(?:(?:[ ./\-"
    + "".join(chr(c) for c in _SPACE_CODES + _DASH_CODES)
    + r"](?:\r?\n)?|\r?\n|(?<=\))|(?=\())"
    + _DIGIT_GROUP
    + r"){0,11}"
)
# A number may start after a letter ("at555-123-4567"), after punctuation glued to a word
# ("mobile-0…", "whatsapp/…"), after "." "_" "#" ("tel.555…", "phone_…", "call me..555…",
# "_555-123-4567_", "#555-987-6543") and after a comma or slash that follows a digit or a
# placeholder's "]" (a list: "555-123-4567,555-987-6543"); _phone_ok tells which of these
# is a number. Not after a digit, "+", "@", a currency sign, or other punctuation ("$1,200").
_PHONE_CANDIDATE = re.compile(
    r"(?:(?<![\d+,/@" + CURRENCY_SIGNS + r"-])|(?<=[^\W\d_][-/,])|(?<=[\d\]][,/]))" + _PHONE_RUN
)
_PHONE_AT = re.compile(_PHONE_RUN)
_GROUP = re.compile(r"\(\d+\)|\d+")
_NANP = re.compile(r"(?:1-)?\d{3}-\d{3}-\d{4}|\d{3}-\d{4}")
_IP_LIKE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
# Every phone shape has a run of three digits, a "+", a bracket, a group starting with 0, or
# ten or eleven digits spaced one by one with none spaced beside them (see _best_phones), of
# a North American number or one with the trunk 8. It is looked for in a candidate (with
# what stands before it in view), so that most runs of single digits are passed over.
_PHONE_HINT = re.compile(r"\d{3}|[+(]|(?<!\d)0|(?<!\d )(?<!\d)(?:[18] )?[2-9](?: \d){9}(?! \d)")
_PHONE_START = re.compile(r"[+(0]|[18]\Z|\d{3}")
# A national number without separators: a trunk 0, or North American with or without its 1.
_NATIONAL = re.compile(r"0\d{9,10}|1?[2-9]\d{9}")
# A mobile number of China (11 digits from 13 to 19), Japan (070, 080, 090) or South Korea
# (010, 011, 016 to 019) without separators: glued to Chinese, Japanese or Korean words, such
# a run needs no word that names a phone (see _phone_ok).
_CJK_MOBILE = re.compile(r"1[3-9]\d{9}|0[789]0\d{8}|01[016-9]\d{7,8}")
# A number without separators: national, Russian with its trunk 8, or international after
# "00". The last two, and the bare international numbers below, are longer than a national
# number or share its length with order numbers and barcodes: they are read as a phone
# number only where a word names one (see carelens.privacy_phone_words.told).
_UNSEPARATED = re.compile(_NATIONAL.pattern + r"|00[1-9]\d{8,12}|8[3-9]\d{9}")
# Without "+" or "00", a country code and the national number after it, written as one run
# of digits ("447700900123", "4915112345678"): only for the countries below, with the
# lengths and first digits of their numbers, so that other long numbers stay.
_BARE_INTERNATIONAL = re.compile(
    r"44[1-37]\d{8,9}"  # United Kingdom
    r"|49[1-9]\d{9,10}"  # Germany
    r"|33[1-79]\d{8}"  # France
    r"|34[6-9]\d{8}"  # Spain
    r"|39(?:3\d{8,9}|0\d{8,9})"  # Italy: mobiles, and landlines with their 0
    r"|31[1-9]\d{8}"  # the Netherlands
    r"|48[1-9]\d{8}"  # Poland
    r"|353[1-9]\d{7,8}"  # Ireland
    r"|61[2-478]\d{8}"  # Australia
    r"|64[2-9]\d{7,9}"  # New Zealand
    r"|7[3-9]\d{9}"  # Russia, Kazakhstan
    r"|90[2-5]\d{9}"  # Turkey
    r"|91[6-9]\d{9}"  # India: mobiles
    r"|923\d{9}"  # Pakistan: mobiles
    r"|8801[3-9]\d{8}"  # Bangladesh: mobiles
    r"|861[3-9]\d{9}"  # China: mobiles
    r"|81[1-9]\d{8,9}"  # Japan
    r"|821\d{8,9}"  # South Korea: mobiles
    r"|639\d{9}"  # the Philippines: mobiles
    r"|628\d{8,11}"  # Indonesia: mobiles
    r"|601\d{8,9}"  # Malaysia: mobiles
    r"|27[1-8]\d{8}"  # South Africa
    r"|234[789]\d{9}"  # Nigeria: mobiles
    r"|254[17]\d{8}"  # Kenya: mobiles
    r"|201[0-25]\d{8}"  # Egypt: mobiles
    r"|9715\d{8}"  # United Arab Emirates: mobiles
    r"|9665\d{8}"  # Saudi Arabia: mobiles
    r"|52[1-9]\d{9}"  # Mexico
    r"|55[1-9]\d{9,10}"  # Brazil
    r"|549?[1-9]\d{9}"  # Argentina
)
_YEAR = re.compile(r"(?:19|20)\d\d")
# A decimal fraction or a thousands group after the number: "123 456 789,50".
_DECIMAL_AFTER = re.compile(r"[.,]\d")
# Letters glued after a number with separators are a word ("555-123-4567or text"), an
# extension ("x23", "ext23"), or a unit that makes the digits an amount ("120-150-200mg").
_UNIT_GLUED = re.compile(
    r"(?:mg|mcg|µg|ug|ng|g|kg|lbs?|oz|ml|cl|dl|l|mm|cm|km|m|mi|ft|kcal|cal|k|bn|b|x|hz|khz|"
    r"mhz|ghz|kb|mb|gb|tb|px|pt|am|pm|h|hrs?|mins?|s|secs?|ms|st|nd|rd|th|yo|yrs?|mph|kph)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
_EXTENSION = re.compile(r"(?:x|ext|extn|extension)\.?\s?\d", re.IGNORECASE)
# A letter of a script written without spaces, or the fullwidth colon (U+FF1A) after such
# words ("订单号" and a colon), glued before a number.
_UNSPACED_GLUE = re.compile("[" + UNSPACED + "\uff1a]")


def _phone_shape(groups: list[str], seps: list[str]) -> bool:
    """Whether digit ``groups`` joined by ``seps`` have the shape of a phone number.

    ``groups[0]`` may start with "+"; parenthesised groups keep their brackets; ``seps[i]``
    is what stands between ``groups[i]`` and ``groups[i + 1]`` ("" after or before brackets).
    """
    plus = groups[0].startswith("+")
    bare = [g.strip("+()") for g in groups]
    digits = "".join(bare)
    if not 7 <= len(digits) <= 15:
        return False
    if any("\n" in s for s in seps):
        # A number is read across a line break after a separator that says it goes on
        # ("555-123-\n4567"), and an international one across any ("+1 555\n123 4567");
        # other numbers on lines of their own are counts, scores, a list.
        if not plus and any(s.strip() == "" and "\n" in s for s in seps):
            return False
        seps = [s.rstrip("\r\n") or " " for s in seps]
    if len(groups) > 7 and all(len(g) == 1 for g in bare):
        return set(seps) == {" "} and _spaced_number(digits)
    if plus or (bare[0].startswith("00") and 3 <= len(bare[0]) <= 5 and len(groups) > 1):
        # International: a country code, then groups of any common size.
        if len(groups) == 1:
            return plus and len(digits) >= 8
        if len(bare[0]) > 5 or len(digits) < (8 if plus else 10):
            return False
        if seps[0] == "" and not groups[1].startswith("("):
            return False
        return all(1 <= len(g) <= 8 for g in bare[1:]) and len(bare[-1]) >= 2
    if len(groups) == 1:  # no separators: "07700900123", "5551234567", "447700900123"
        return (
            _UNSEPARATED.fullmatch(digits) is not None
            or _BARE_INTERNATIONAL.fullmatch(digits) is not None
        )
    if bare[0] == "8" and len(digits) == 11 and digits[1] in "3456789":
        # The trunk prefix 8 of Russia and Kazakhstan: "8 912 345 67 89", "8 (912) 345-67-89"
        return (
            len(groups) <= 5
            and "/" not in seps
            and all(2 <= len(g) <= 7 for g in bare[1:])
            and not all(g.endswith("0") for g in bare[1:])  # counts: "8 300 400 50 60"
        )
    if groups[0].startswith("("):  # an area code in brackets: "(555) 123-4567", "(555) 123.4567"
        return (
            2 <= len(bare[0]) <= 5
            and 9 <= len(digits) <= 12
            and "/" not in seps
            and seps[0] != "."
            and ("." not in seps or all(2 <= len(g) <= 4 for g in bare[1:]))
        )
    # Otherwise one separator throughout ("555-123-4567", "020 7946 0958").
    if len(set(seps)) != 1:
        return False
    sep = seps[0]
    if sep == "/":  # an area code and a number: "030/1234567"
        return digits.startswith("0") and len(groups) == 2 and 9 <= len(digits) <= 12
    if _NANP.fullmatch("-".join(bare)) and (sep in ("-", ".") or len(digits) >= 10):
        return True
    if not 9 <= len(digits) <= 12 or (sep == "." and not all(2 <= len(g) <= 4 for g in bare)):
        return False
    if _IP_LIKE.fullmatch(".".join(bare)) or all(_YEAR.fullmatch(g) for g in bare):
        return False
    # An amount written in thousands ("150 000 000", "150.000.000") or a list of round counts
    # ("100 200 300", "1000 2000 3000"), not a number to call.
    if bare[0][0] != "0" and (
        all(g.endswith("0") for g in bare)
        or (len(bare[0]) <= 3 and all(g == "000" for g in bare[1:]))
    ):
        return False
    if digits.startswith("0"):  # a trunk prefix: "07700 900123", "01 23 45 67 89"
        return len(groups) <= 6
    return len(groups) <= 4 and len(bare[0]) >= 3 and 3 <= len(bare[-1]) <= 8


# A digit on its own, and a space, before or after a run of digits spaced one by one.
_LONE_DIGIT_BEFORE = re.compile(r"(?<!\d)\d \Z")
_LONE_DIGIT_AFTER = re.compile(r" \d(?!\d)")


def _spaced_number(digits: str) -> bool:
    """Whether ``digits``, written spaced one by one ("5 5 5 1 2 3 4 5 6 7"), are a phone
    number: ten or eleven, with the shape of a number written without separators, and no
    counting ("0 1 2 3 4 5 6 7 8 9", "9 8 7 6 5 4 3 2 1 0") or one digit over and over."""
    return (
        len(digits) in (10, 11)
        and _UNSEPARATED.fullmatch(digits) is not None
        and len({(int(b) - int(a)) % 10 for a, b in pairwise(digits)}) > 1
    )


def _split(text: str, bounds: list[tuple[int, int]]) -> list[str]:
    """What stands between consecutive ``bounds``, Unicode spaces and dashes made plain."""
    return [text[a[1] : b[0]].translate(_SEPARATORS) for a, b in pairwise(bounds)]


def _bounds(text: str, m: re.Match[str]) -> list[tuple[int, int]]:
    """The digit groups of a match of _PHONE_RUN, the first one with its "+"."""
    base = m.start()
    bounds = [(base + g.start(), base + g.end()) for g in _GROUP.finditer(m.group())]
    if m.group().startswith("+"):
        bounds[0] = (base, bounds[0][1])
    return bounds


def _starts_phone(text: str, position: int) -> bool:
    """Whether a run of digit groups with the shape of a phone number starts at ``position``."""
    m = _PHONE_AT.match(text, position)
    if m is None:
        return False
    bounds = _bounds(text, m)
    seps = _split(text, bounds)
    groups = [text[s:e] for s, e in bounds]
    return any(
        (j == len(groups) or seps[j - 1] == "/" or seps[j - 1].isspace())
        and _phone_shape(groups[:j], seps[: j - 1])
        for j in range(1, len(groups) + 1)
    )


def _phone_ok(
    text: str, groups: list[str], seps: list[str], start: int, end: int, after: int
) -> bool:
    """Whether ``groups`` at ``[start, end)`` are a phone number; ``after`` is the end of the
    phone number found just before (-1 if none)."""
    shaped = _phone_shape(groups, seps)
    if not shaped and not worded_shape(groups, seps):
        return False
    # What the number is glued to: the character before it, or before the "-", "/" or "," or
    # the run of "." "_" "#" there (an ellipsis, a Markdown mark, a hash sign).
    before = text[start - 1] if start else ""
    mark = start
    if before and before in "-/,":
        mark -= 1
    else:
        while mark and text[mark - 1] in "._#":
            mark -= 1
    glued_to, between = (text[mark - 1] if mark else ""), text[mark:start]
    single = len(groups) == 1
    if REFERENCE_HASH.search(text, max(0, start - 24), start):
        return False  # "ticket #555-1234", "Case #2024-123456"
    if id_named(text, start, end):
        return False  # "order number 555-123-4567", "2019 4455 6677 is my student id"
    if not shaped and told(text, mark) != "phone" and not phone_named_after(text, end):
        return False  # "55 1234 5678" after "mi cel es", "tel", "whatsapp", before "es mi cel"
    # Digits spaced one by one, and one run of digits longer than a national number (a
    # country code without "+", "00" and a country code, Russian with its trunk 8): a phone
    # number only after words that name one ("call 447700900123"), not in a list of ratings
    # or as an order number or a barcode ("Order 85012345678", "EAN 4987176012345").
    digits = "".join(g.strip("+()") for g in groups)
    unmarked = single and not groups[0].startswith("+")  # one run of digits, no "+"
    mobile = unmarked and _CJK_MOBILE.fullmatch(digits) is not None
    named = (len(groups) > 7 and len(digits) == len(groups)) or (
        unmarked and _NATIONAL.fullmatch(digits) is None
    )
    following = text[end] if end < len(text) else ""
    if glued_to and _UNSPACED_GLUE.match(glued_to):
        # The edge of a word there, but one run of digits glued to such words, or to the
        # fullwidth colon after them, is a phone number only after words that name one
        # ("我的手机号是13800138000", "연락처01012345678"), not a student or order number
        # ("我的学号是2021123456", "订单号" and a colon before "2847561930的包裹丢了").
        named = named or unmarked
    elif glued_to.isdigit():
        # "1,555 123 4567" is a thousands group, "12/555-1234" a fraction or a date and
        # "1.5551234567" a decimal: after a digit a number starts only in a list of numbers
        # ("555-123-4567,555-987-6543", "555-123-4567/555-987-6543").
        if between not in (",", "/") or after != start - 1:
            return False
    elif glued_to.isalpha():
        # Glued to a word ("call me at555-123-4567", "tel.555-123-4567"): a number only when
        # its groups are separated, or when the word names a phone; one run of digits after
        # letters ("ID5551234567", "ID-5551234567") reads as an identifier.
        if single and not (between and PHONE_WORD.search(text, max(0, mark - 11), mark)):
            return False
    elif single and (between == "." or "#" in between):
        return False  # one run of digits after "." is a decimal, after "#" a reference
    if UNSPACED_CHAR.match(following):
        # So is one run with such words glued after it ("電話番号は09012345678です", not
        # "会員番号 3125478960です", "주문번호 2847561930으로").
        named = named or unmarked
    if named:
        # A mobile number of China, Japan or Korea glued to such words is one wherever no
        # word names an id ("13800138000是我的电话", "找我13800138000", "09012345678です"),
        # or where a word for a phone after it outweighs one for an id some words before
        # ("주문한 게 안 와서 그러는데 01012345678로 연락 주세요"): its shape is that of no count
        # or year, and "订单13800138000" is still an order.
        said = told(text, mark, end if mobile else None)
        if said != "phone" and not (mobile and said is None):
            return False
    if following:
        if following.isdigit():
            return False
        if following == "_":
            # A Markdown mark after the number ("_555-123-4567_"), unless a word goes on
            # after it ("IMG_5551234567_2.jpg")
            rest = end
            while rest < len(text) and text[rest] == "_":
                rest += 1
            if rest < len(text) and text[rest].isalnum():
                return False
        if (
            following.isalpha()
            and not UNSPACED_CHAR.match(following)
            and not _EXTENSION.match(text, end)
            and (single or _UNIT_GLUED.match(text, end))
        ):
            return False
        if _DECIMAL_AFTER.match(text, end) and not (
            following == "," and _starts_phone(text, end + 1)
        ):
            return False
    return not an_amount(text, groups, seps, start, end, mobile=mobile)


# Decimal digits of other scripts: Arabic-Indic ("٠٥٠١٢٣٤٥٦٧"), Devanagari ("९८७६५४३२१०"),
# fullwidth (U+FF10 to U+FF19), ….
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def phones(text: str) -> Iterator[tuple[int, int]]:
    if not text.isascii() and _OTHER_DIGIT.search(text):
        # Read as the ASCII digits they stand for, one for one (the offsets stay), so that the
        # shapes of numbers, written with ASCII digits, hold for them too.
        text = _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group())), text)
    yield from accounts(text)
    last_end = -1
    for m in _PHONE_CANDIDATE.finditer(text):
        if m.end() - m.start() < 7 or not _PHONE_HINT.search(text, m.start(), m.end()):
            continue
        for span in _best_phones(text, _bounds(text, m), last_end):
            last_end = span[1]
            yield span


def _best_phones(
    text: str, bounds: list[tuple[int, int]], after: int = -1
) -> Iterator[tuple[int, int]]:
    """The longest phone number among runs of ``bounds`` (digit groups), then the rest.

    A candidate such as "555 123 4567 2 times" is cut only where groups are separated by
    white space or a slash, so numbers written next to each other ("555 123 4567 555 987
    6543", "555-123-4567/555-987-6543") are still told apart. ``after`` is the end of the
    phone number found just before ``bounds`` (-1 if none).
    """
    if not bounds:
        return
    seps = _split(text, bounds)
    cuts = [0] + [i + 1 for i, s in enumerate(seps) if s == "/" or s.isspace()] + [len(bounds)]
    counts = [0]  # digits in bounds[:k]
    for start, end in bounds:
        counts.append(counts[-1] + end - start - (text[start] in "+(") - (text[end - 1] == ")"))
    # Cheap necessary conditions first (see _phone_shape): at most 7 groups, the last one of
    # two digits or more, and the first one international, bracketed, trunk-prefixed, a
    # North American "1" or of three digits or more; or a group of two digits and the groups
    # after it that carelens.privacy_worded_shapes reads ("55 1234 5678", "91 123 45 67").
    runs = [
        (bounds[j - 1][1] - bounds[i][0], i, j)
        for a, i in enumerate(cuts[:-1])
        if _PHONE_START.match(text, bounds[i][0], bounds[i][1])
        for j in cuts[a + 1 :]
        if j - i <= 7 and 7 <= counts[j] - counts[i] <= 15 and counts[j] - counts[j - 1] >= 2
    ]
    runs += [(bounds[j - 1][1] - bounds[i][0], i, j) for i, j in runs_from_two_digits(cuts, counts)]
    # Digits spaced one by one ("5 5 5 1 2 3 4 5 6 7"): a run of ten or eleven of them, with
    # no other digit spaced beside it (a list of ratings: "3 4 2 5 3 4 6 5 4 3 4 5 6 4").
    first = 0
    while first < len(bounds):
        last = first + 1
        if bounds[first][1] - bounds[first][0] == 1:
            while (
                last < len(bounds)
                and seps[last - 1] == " "
                and bounds[last][1] - bounds[last][0] == 1
            ):
                last += 1
            start, end = bounds[first][0], bounds[last - 1][1]
            if (
                last - first in (10, 11)
                and not _LONE_DIGIT_BEFORE.search(text, max(0, start - 3), start)
                and not _LONE_DIGIT_AFTER.match(text, end)
                and _spaced_number("".join(text[s] for s, _ in bounds[first:last]))
            ):
                runs.append((end - start, first, last))
        first = last
    for _, i, j in sorted(runs, key=lambda r: (-r[0], r[1])):
        groups = [text[s:e] for s, e in bounds[i:j]]
        start, end = bounds[i][0], bounds[j - 1][1]
        if _phone_ok(text, groups, seps[i : j - 1], start, end, after):
            yield from _best_phones(text, bounds[:i], after)
            yield start, end
            yield from _best_phones(text, bounds[j:], end)
            return
