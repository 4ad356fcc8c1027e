"""Street addresses and PO boxes in a text, for :mod:`carelens.privacy`.

:func:`addresses` gives the ``(start, end)`` of each English-language street address with a
house number ("221B Baker Street", "Flat 3, 12 High Road", "3/21 Ocean Street, Bondi NSW
2026") and PO box found in a text: a house number, a street name of one to four words and a
street type, then a direction, a unit and a town with its state and postcode where they
follow, and a postcode after the town, region or province that
:mod:`carelens.privacy_street_tails` reads ("…, Toronto ON M5H 2N2", "…, Auckland 1011").
It also gives the addresses that :mod:`carelens.privacy_streets_europe` finds in the word
order of continental Europe and Latin America ("Hauptstraße 15", "12 rue des Lilas", "Calle
Mayor 24") and :mod:`carelens.privacy_streets_cjk` in Chinese, Japanese and Korean; where two
of them overlap, :mod:`carelens.privacy` keeps the longer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carelens.privacy_reading import start_after, words
from carelens.privacy_street_tails import tail_end
from carelens.privacy_streets_cjk import cjk_addresses
from carelens.privacy_streets_europe import european_addresses

# Street types that are also everyday words ("3 ways", "2 Dr visits") count only when the
# street name and the type are capitalised ("12 Maple Close").
_PLAIN_TYPES = words("street road avenue lane boulevard terrace crescent highway parkway")
_CAPITAL_TYPES = words(
    "drive court way place close grove row walk hill mews circle park green view rise "
    "trail gardens square parade alley"
)
# Abbreviations keep a following full stop ("42 Elm St., Springfield"); "Dr" and the others
# after it need capitals like the words they stand for.
_PLAIN_ABBREVIATIONS = words("st rd ave ln blvd tce cres hwy pkwy")
_CAPITAL_ABBREVIATIONS = words("dr ct pl cir trl gdns sq")
_NEED_CAPITALS = frozenset(_CAPITAL_TYPES + _CAPITAL_ABBREVIATIONS)
_STOP = frozenset(
    words(
        "the a an my our your his her their its this that these those and or but of to in on "
        "at from by for with down up along across off over near past into onto around round "
        "behind is was are were be been i me we you he she they it minutes minute mins hours "
        "hour hrs days day weeks week months month years year yrs times time miles mile km "
        "kms metres meters yards feet ft blocks block doors houses streets roads more other "
        "same different whole entire every each all some any no not just only still also very "
        "so too then than am pm people kids steps stops bus buses trains"
    )
)
_STOP_CAPITALISED = words(
    "The But And So Then Which Where When While My Our We He She They It This That There "
    "Just Please Thanks Anyway Also Because If Or Not Now Yes No Oh Ok Okay Well Sorry Hi "
    "Hello Hey Honestly Actually Maybe Even Still What Who How Why You Your Near Next "
    "Right Left Opposite Behind Across Lol Mum Mom Dad Nan Gran Grandma Grandpa"
)
# Where a word ends: no letter or digit follows (an "_" may: a Markdown mark, as in
# "_42 Elm Street_").
_END = r"(?![^\W_])"
# A house number starts no word and follows no "." (but ".."), ",", "/", amount sign, "@",
# ":", "+", "'" or "-"; a Markdown mark may stand before it.
_NUMBER_START = r"(?=\d)(?:" + start_after(".,/$£€¥@:+'-") + r"|(?<=\.\.))"
# A flat or unit number: "3", "4B", "B", "B2" (not a word: "my flat is 3 Elm Road").
_UNIT = (
    r"(?:flat|apt|apartment|unit|suite|ste)\.?[ \t]{0,3}#?[ \t]{0,2}(?:\d{1,4}[a-z]?|[a-z]\d{0,3})"
    + _END
)
# Australian states and territories: the tail of an address there is the state and a
# postcode of four digits ("Bondi NSW 2026"), read only after a state.
_AU_STATES = "NSW|VIC|QLD|TAS|ACT|NT|SA|WA"
_CITY_WORD = r"(?!(?:" + "|".join(_STOP_CAPITALISED) + r")\b)[A-Z][a-z]{1,24}"


def _address_pattern(name_repeat: str) -> re.Pattern[str]:
    return re.compile(
        r"(?:"
        + _UNIT
        + r",?[ \t]{1,3})?"
        + _NUMBER_START
        + r"\d{1,5}[a-z]?(?:[-/]\d{1,5}[a-z]?)?,?[ \t]{1,3}"
        r"(?P<name>(?:(?:[a-z][a-z'\u2019-]{0,24}\.?|\d{1,3}(?:st|nd|rd|th))[ \t]{1,3})"
        + name_repeat
        + r")(?P<type>(?:"
        + "|".join(_PLAIN_TYPES + _CAPITAL_TYPES)
        + r")"
        + _END
        + r"|(?:"
        + "|".join(_PLAIN_ABBREVIATIONS + _CAPITAL_ABBREVIATIONS)
        + r")"
        + _END
        + r"\.?)(?-i:[ \t]{1,3}(?:NE|NW|SE|SW|N|S|E|W)"
        + _END
        + r"\.?)?"
        r"(?:,?[ \t]{1,3}(?:" + _UNIT + r"|#[ \t]?\w{1,5}))?"
        r"(?P<town>(?-i:,[ \t]{0,3}" + _CITY_WORD + r"(?:[ -]" + _CITY_WORD + r"){0,2}"
        r"(?:,?[ \t]{1,3}(?:(?:"
        + _AU_STATES
        + r")[ \t]{1,3}\d{4}|"
        + _AU_STATES
        + r"|[A-Z]{2})"
        + _END
        + r")?(?:[ \t]{1,3}(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|\d{5}(?:-\d{4})?)"
        + _END
        + r")?))?",
        re.IGNORECASE,
    )


# The longest street name first ("5 Church Hill Road"); if that holds a word that no street
# name has ("5 Elm St and Oak Road"), the shortest ("5 Elm St").
_ADDRESS = _address_pattern("{1,4}")
_ADDRESS_SHORTEST = _address_pattern("{1,4}?")
_PO_BOX = re.compile(
    r"(?<![^\W_])(?:p\.?[ \t]?o\.?[ \t]?box|post[ \t]office[ \t]box)[ \t]{0,3}#?\d{1,6}" + _END,
    re.IGNORECASE,
)


def _address_ok(m: re.Match[str]) -> bool:
    words = m["name"].split()
    if any(w.rstrip(".").lower() in _STOP for w in words):
        return False
    kind = m["type"].rstrip(".")
    return kind.lower() not in _NEED_CAPITALS or (
        kind[0].isupper() and all(w[0].isupper() or w[0].isdigit() for w in words)
    )


# Every address holds a digit (its house, box or block number): a text without one is not
# read further, which is most texts.
_DIGIT = re.compile(r"\d")


def addresses(text: str) -> Iterator[tuple[int, int]]:
    if _DIGIT.search(text) is None:
        return
    position = 0
    while (found := _ADDRESS.search(text, position)) is not None:
        m = found if _address_ok(found) else _ADDRESS_SHORTEST.match(text, found.start())
        if m is not None and _address_ok(m):
            position = tail_end(text, m.end(), town=m["town"] is not None)
            yield m.start(), position
        else:  # a rejected match may hide one that starts inside it
            position = found.start() + 1
    for m in _PO_BOX.finditer(text):
        yield m.start(), tail_end(text, m.end(), town=False)
    yield from european_addresses(text)
    yield from cjk_addresses(text)
