"""Amounts, counts and ranges that have a phone number's shape, for
:mod:`carelens.privacy_phones`: :func:`an_amount` tells whether digit groups are one.

A sign or currency code before the number ("$", "USD", the ordinal 第), a percent sign or a
currency word after it ("dollars", "bucks", "won"), the rand's sign before thousands groups,
and a unit written onto it in Chinese, Japanese or Korean (円, 万, 号, 원, …) make it an amount
or a count. A currency makes one only of an amount's shape (one run of digits or thousands
groups, no "+" or leading 0) or a range ("500-1000 dollars"); "Won" and "Rand" with a capital
are names after a word that names a phone ("ring 5551234567 Rand said"). A range of round
numbers ("500-1000", every group ending in 0) is a count or an amount where no word before it
names a phone ("call", "our line is", "hotline"), and any range before a rate ("350-1250 a
month", "per year", "each", "al mes") is one where no such word stands right before it, with
no other number between ("call the clinic at 555-2368 a day before" is a phone number); a
word for money after such a word leaves either a range ("my phone bill is 350-1250 a
year"), and so do someone's words before a rate ("I called them and they said 350-1250 a
month"). A range before what it counts is one ("200-3000 people", "200-3000 km"), and none
right after "number" ("the number is 410-2000").
"""

from __future__ import annotations

import re

from carelens.privacy_phone_words import phone_word_end, told
from carelens.privacy_reading import words

#: Currency signs; a number does not start right after one ("$1,200", see
#: :mod:`carelens.privacy_phones`).
CURRENCY_SIGNS = "$£€¥₹₩₽₺₱₦₪"
# An amount's sign or currency before a number, or the ordinal 第 ("第2023123456号"; not the
# 第 of 次第, "as soon as": "確認次第090-1234-5678から折り返します").
_MONEY_BEFORE = re.compile(
    r"(?:[" + CURRENCY_SIGNS + r"]|(?<!次)第|\b(?:usd|eur|gbp|inr|aud|cad|nzd|sgd|hkd|jpy|cny|rmb|"
    r"krw|chf|rs|rp)\.?)\s{0,2}$",
    re.IGNORECASE,
)
# The rand's sign, a capital R on its own or glued to the number: a currency only before
# thousands groups ("R 123 456 789", "R1 250 000"; see _thousands), as it may be an initial.
_RAND_BEFORE = re.compile(r"(?<![^\W\d_])R[^\S\r\n]?\Z")
# A unit after a number that makes it an amount or a count, on the same line ("Text +44 7700
# 900495" and "Pounds and pounds of worry" on the next line is a phone number). A currency
# only after an amount's shape or a range (see _amount_around): "+44 7700 900495 pounds" and
# "555-123-4567 dollars" are phone numbers, "500-1000 dollars" an amount. "Won" and "Rand"
# with a capital may be names (or "won" at the start of a sentence): "call 555 123 4567 Rand
# will answer".
_UNIT_AFTER = re.compile(
    r"[^\S\r\n]{0,2}(?:(?P<count>%|percent)|(?P<currency>dollars?|bucks?|quid|pounds?|euros?|"
    r"rupees?|yen|won|yuan|renminbi|francs?|pesos?|rubles?|roubles?|lira|naira|baht|ringgit|"
    r"rand|krona|kronor|krone|kroner|usd|gbp|eur|inr|jpy|cny|krw|zar|aud|cad|chf))"
    r"(?![\w'\u2019])",
    re.IGNORECASE,
)
_NAME_CURRENCIES = frozenset(words("Won Rand"))
# A rate after a range: "a month", "an hour", "per year", "/month", "each", "per person",
# "monthly", Spanish "al mes", "por semana", "cada uno" ("500-1000 a month on rent", "200-450
# per session", "350-1250 each"; not "every day" nor "each day", which say how often to call).
_RATE_UNITS = (
    r"(?:day|night|week|fortnight|month|year|hour|session|visit|shift|term|semester|mo|yr|wk|"
    r"hr|person|head|piece|item|unit|class|lesson|ticket|room|pop)s?"
)
_RATE_AFTER = re.compile(
    r"(?:[^\S\r\n]{1,2}(?:a|an|per)[^\S\r\n]+|[^\S\r\n]?/[^\S\r\n]?)"
    + _RATE_UNITS
    + r"|[^\S\r\n]{1,2}(?:each[^\S\r\n]+(?!day|night|hour)"
    + _RATE_UNITS
    + r"|(?:each|apiece)(?![^\S\r\n]*[^\W\d_])"
    r"|monthly|weekly|yearly|annually|nightly|hourly|mensuales|semanales|anuales"
    r"|(?:al|por|cada|el|la|a[^\S\r\n]+la)[^\S\r\n]+(?:d[íi]a|noche|semana|quincena|mes|"
    r"año|hora|sesi[óo]n|consulta|clase|persona|cabeza|uno|una)s?)"
    r"(?![\w'\u2019])",
    re.IGNORECASE,
)
# What a range counts, after it: "200-3000 people", "500-1500 ml", "200-3000 km".
_COUNT_AFTER = re.compile(
    r"[^\S\r\n]{1,2}(?:people|persons|guests|users|followers|subscribers|members|students|"
    r"kids|steps|words|pages|views|likes|times|items|calories|kcal|km|kms|miles|metres|meters|"
    r"ml|kg|lbs|personas|seguidores|pasos|palabras|veces|kil[óo]metros)(?![\w'\u2019])",
    re.IGNORECASE,
)
# "number" right before a range, "is" or ":" between allowed: "number 620-9980", "the number
# is 410-2000", "number: 410-2000" (not "the number of people was 200-3000").
_NUMBER_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:numbers?|n[úu]mero)[ \t]*(?:(?:is|es|:|=|-)[ \t]*)?\Z", re.IGNORECASE
)
# The last digit before a range, or the end of a placeholder ("[phone]": redact reads a text
# again after it has put them in; see _phone_word_before), and what stands between a
# number and the next one in a list: "555-0142 or 555-2368", "555-8230 / 555-8240".
_LAST_DIGIT = re.compile(r"[\d\]](?=[^\d\]]*\Z)")
_LIST_BETWEEN = re.compile(r"[\W_]*(?:(?:or|and)[\W_]+)?(?:(?:on|at)[\W_]+)?", re.IGNORECASE)
# Words for money: between a word that names a phone and a range, they make it an amount
# ("my phone bill is 350-1250 a year", "call me if you can lend 500-1000").
_MONEY_WORD = re.compile(
    r"(?<![^\W\d_])(?:spend|spends|spent|spending|pay|pays|paid|paying|payment|earn|earns|"
    r"earned|earning|earnings|make|makes|made|cost|costs|costing|charge|charges|charged|owe|"
    r"owes|owed|owing|bill|bills|price|prices|fee|fees|rent|salary|wage|wages|budget|quote|"
    r"quoted|borrow|borrowed|lend|lent|loan|save|saved|savings|debt|debts|income|raise|raised|"
    r"cobra|cobro|cobran|cuesta|cuestan|pago|pagar|gano|gana|gasto|renta|deuda|precio|monto|"
    r"sueldo)(?![^\W\d_])",
    re.IGNORECASE,
)
# What someone says or asks between a word for a call and a range before a rate, or a new
# clause with its own subject: the range is what was said, an amount ("I called them and
# they said 350-1250 a month", "rang the agency, it's 900-1100/month", "llamé y me dijeron
# 375-1255 al mes"; not "call the clinic at 555-2368 a day before").
_SAID_BETWEEN = re.compile(
    r"(?<![^\W\d_])(?:said|says|say|saying|told|tells|tell|mentioned|reckons?|reckoned|"
    r"estimated?|estimates|guess|guessed|thinks?|thought|asked|answered|replied|explained|"
    r"wants?|wanted|expects?|expected|offered|offers?|quotes?|quoted|around|roughly|"
    r"approximately|anywhere|somewhere|between|dijo|dijeron|dice|dicen|pidieron|piden)"
    r"(?![^\W\d_])"
    r"|(?:[,;]|(?<![^\W\d_])(?:and|but|so|then))[^\S\r\n]+(?:they|he|she|we|it|someone|"
    r"somebody|it['\u2019]s|that['\u2019]s|they['\u2019]re)(?![^\W\d_])",
    re.IGNORECASE,
)
# In Chinese, Japanese and Korean a unit is written onto the number: currencies (円, 元, 块,
# 원, 日元, …), ten thousands and hundred millions (万, 億, 억, 만), counters and ordinals (号,
# 番, 件, 個, 人, 回, 명, 개, …). Only glued: after a space it is the first letter of the next
# word ("090-1234-5678 個人の携帯です", "010-1234-5678 원장님께"); and only after one run of
# digits or thousands groups, not a number with "+" or in a phone's groups
# ("010-1234-5678만 저장해 주세요": 만 is "only" there), nor a mobile number with its trunk 0
# ("01012345678만") or before 号码, which names it ("13800138000号码").
_CJK_UNIT_AFTER = re.compile(
    r"(?P<number>[号號][码碼])|日元|[美欧歐港韩韓台]元|英[镑鎊]|[港台]币|[港台]幣|人民[币幣]|"
    r"달러|위안|엔|[円元圆圓块塊万萬亿億억만원号號番件個个人名回次歳岁살명개]"
)


def an_amount(
    text: str, groups: list[str], seps: list[str], start: int, end: int, *, mobile: bool
) -> bool:
    """Whether digit ``groups`` joined by ``seps`` at ``[start, end)`` of ``text`` are an
    amount, a count or a range rather than a phone number; ``mobile`` says that they are one
    run of digits in the shape of a mobile number of China, Japan or Korea, which no unit
    written onto it makes an amount where it has its trunk 0 or stands before 号码."""
    if _MONEY_BEFORE.search(text, max(0, start - 6), start) or _amount_around(
        text, groups, seps, start, end
    ):
        return True
    unit = _CJK_UNIT_AFTER.match(text, end)
    if unit is None or groups[0].startswith("+"):
        return False
    if len(groups) > 1 and not _thousands(groups, seps):
        return False
    # "01012345678만 저장해 주세요" (만 is "only" there), "打这个13800138000号码就行".
    return not (mobile and (groups[0].startswith("0") or unit.group("number") is not None))


def _amount_around(text: str, groups: list[str], seps: list[str], start: int, end: int) -> bool:
    """Whether a percent sign or word after ``groups`` (at ``[start, end)``), a currency after
    them, the rand's sign before thousands groups, or a round range or a rate makes them an
    amount (see :data:`_UNIT_AFTER`, :data:`_RAND_BEFORE` and :func:`_range_apart`).

    A currency makes an amount of an amount's shape or a range ("500-1000 dollars", with any
    dash); "Won" and "Rand" with a capital, which may be names, only where no word before
    the number names a phone ("the deposit was 2500000000 Won", not "ring 5551234567 Rand
    said")."""
    unit = _UNIT_AFTER.match(text, end)
    if unit is not None and unit.group("count"):
        return True
    if unit is not None:
        shape = _amount(groups, seps) or _range(groups, seps)
        if unit.group("currency") not in _NAME_CURRENCIES:  # "won", "WON"
            return shape
        return shape and told(text, start) != "phone"
    if _range_apart(text, groups, seps, start, end):
        return True
    return (
        _RAND_BEFORE.search(text, max(0, start - 2), start) is not None
        and _amount(groups, seps)
        and len(groups) > 1
    )


def _range_apart(text: str, groups: list[str], seps: list[str], start: int, end: int) -> bool:
    """Whether ``groups`` are a range with no currency after it that is no phone number: one
    before a rate ("350-1250 a month") where no word names a phone right before it, with no
    other number between ("call the clinic at 555-2368 a day before", "phone 555-6120 per
    week" are phone numbers), or one of round numbers ("I spend 500-1000 on rent") where no
    word before it names a phone ("call 420-1000", "our line is 340-2000" stay phone numbers).
    A word for money between such a word and the range leaves it a range ("my phone bill is
    350-1250 a year", "call me if you can lend 500-1000"), and so, before a rate, do
    someone's words ("I called them and they said 350-1250 a month", see
    :data:`_SAID_BETWEEN`). Not one right after "number" ("the
    number is 410-2000", "number: 410-2000"); always one before a word for what is counted
    ("200-3000 people", "300-1000 steps", see :data:`_COUNT_AFTER`)."""
    if not _range(groups, seps) or _NUMBER_BEFORE.search(text, max(0, start - 16), start):
        return False
    if _COUNT_AFTER.match(text, end):
        return True  # "the line was 200-3000 people long", "son como 200-3000 km"
    if _RATE_AFTER.match(text, end):
        return not _phone_word_before(text, start, near=True)
    return all(g.endswith("0") for g in groups) and not _phone_word_before(text, start)


def _phone_word_before(text: str, start: int, *, near: bool = False) -> bool:
    """Whether a word before the range at ``start`` names it a phone number, with no word for
    money between them; ``near`` (before a rate): with no one's words between them either
    (:data:`_SAID_BETWEEN`), nor another number, but for one in a list of numbers ("ring
    555-0142 or 555-2368 a day before"; in "Ring 01632 960123 and they'll quote you 350-1250
    a month" the range is none)."""
    since = 0
    if near:
        last = _LAST_DIGIT.search(text, max(0, start - 48), start)
        if last is not None and not _LIST_BETWEEN.fullmatch(text, last.end(), start):
            since = last.end()
    word_end = phone_word_end(text, start, since)
    if word_end is None or _MONEY_WORD.search(text, word_end, start):
        return False
    # "I called them and they said 350-1250 a month": before a rate, someone's words
    return not (near and _SAID_BETWEEN.search(text, word_end, start))


def _range(groups: list[str], seps: list[str]) -> bool:
    """Whether ``groups`` joined by ``seps`` are a range, from a smaller number to a larger one
    joined by a dash ("500-1000", also with an en dash: any dash is read as "-"), neither
    with a leading 0, "+" or bracket."""
    return (
        len(groups) == 2
        and seps == ["-"]
        and groups[0][0] in "123456789"
        and groups[1][0] in "123456789"
        and int(groups[0]) < int(groups[1])
    )


def _amount(groups: list[str], seps: list[str]) -> bool:
    """Whether ``groups`` joined by ``seps`` have an amount's shape: one run of digits or
    thousands groups ("5000000000", "1 234 567 890"), with no "+", bracket or leading 0."""
    first = groups[0]
    if first.startswith(("+", "(", "0")):
        return False
    return len(groups) == 1 or _thousands(groups, seps)


def _thousands(groups: list[str], seps: list[str]) -> bool:
    """Whether ``groups`` joined by ``seps`` are an amount in thousands ("123 456 789",
    "1.234.567"), not a phone number's groups ("010-1234-5678", "138 0013 8000")."""
    return (
        len(groups[0]) <= 3
        and not groups[0].startswith(("(", "0"))
        and all(len(g) == 3 for g in groups[1:])
        and set(seps) <= {" ", "."}
    )
