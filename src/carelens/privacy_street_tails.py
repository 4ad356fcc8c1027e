"""The postcode after an English-language street address or PO box, for
:mod:`carelens.privacy_streets`.

:func:`tail_end` gives where an address found by :mod:`carelens.privacy_streets` ends once the
postcode that follows it is taken in, with the town, county or region words between them:
a UK postcode after a comma, a county or a town of several words ("…, Leeds, LS1 4AB",
"…, Newcastle upon Tyne NE1 4ST", "…, LS1 4AB"), a Canadian one after the province ("…,
Toronto ON M5H 2N2"), and four or five digits after a town ("…, Auckland 1011", "PO Box 4471,
Wellington 6140"). Four digits that read as a year (1900 to 2099) are kept: "…, Springfield
2024" is a date line, not a postcode. One line break may stand between the parts, as in an
address written over lines.
"""

from __future__ import annotations

import re
from typing import Final

from carelens.privacy_reading import words

_NOT_A_TOWN: Final = words(
    "The But And So Then Which Where When While My Our We He She They It This That There Just "
    "Please Thanks Anyway Also Because If Or Not Now Yes No Oh Ok Okay Well Sorry Hi Hello Hey "
    "Honestly Actually Maybe Even Still What Who How Why You Your Near Next Right Left Lol Mum "
    "Mom Dad Nan Gran Since Until From Before After Around About"
)
# A town, county, state or province word ("Leeds", "Milton", "ON"), or a word that joins two
# ("Newcastle upon Tyne", "Stratford-upon-Avon" is one word).
_TOWN_WORD = (
    r"(?!(?:"
    + "|".join(_NOT_A_TOWN)
    + r")\b)(?:[A-Z][a-z'\u2019]{1,24}(?:-[A-Za-z][a-z]{1,24}){0,3}|[A-Z]{2,3}(?![^\W_]))"
)
_JOIN = r"(?:upon|on|under|in|by|le|on-sea|de|sur)"
_SEP = r"(?:,[ \t]{0,3}(?:\n[ \t]{0,3})?|[ \t]{1,3}|[ \t]{0,3}\n[ \t]{0,3})"
_UK = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}"
_CANADA = r"[A-Z]\d[A-Z][ \t]?\d[A-Z]\d"
_TAIL: Final = re.compile(
    r"(?P<towns>(?:"
    + _SEP
    + r"(?:"
    + _JOIN
    + r"[ \t])?"
    + _TOWN_WORD
    + r"(?:[ \t](?:"
    + _JOIN
    + r"[ \t])?"
    + _TOWN_WORD
    + r"){0,2}){0,3})"
    + _SEP
    + r"(?P<code>"
    + _UK
    + "|"
    + _CANADA
    + r"|\d{5}(?:-\d{4})?|\d{4})(?![^\W_])(?![-/.:,]\d)"
)


def tail_end(text: str, end: int, *, town: bool) -> int:
    """Where the address that ends at ``end`` of ``text`` ends with the postcode after it,
    and the towns or regions between (``end`` itself where no postcode follows); ``town``
    tells whether the address already ends in its town."""
    m = _TAIL.match(text, end)
    if m is None:
        return end
    code = m["code"]
    digits = code[0].isdigit()  # they need a town before them, and are no year
    if digits and (not (town or m["towns"]) or (len(code) == 4 and 1900 <= int(code) <= 2099)):
        return end
    return m.end()
