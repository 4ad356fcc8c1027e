"""Plausible times: a Unix time read as seconds or milliseconds, and any time, only from
1980 up to the end of 2099 (UTC).

One rule for the readers (which write a numeric timestamp as ISO-8601 UTC), the insights
(which group responses by month), the pages that show a reply's time and the store (whose
date filters must find what the pages show as dated), all through :func:`parse_timestamp`: a
Unix time lies from 1980 up to the end of 2099 (:data:`EPOCH_RANGE`), in seconds or in
milliseconds. The two ranges do not overlap, so each number has one reading; any other
number (``86400``, a bare year) is no time. A Unix time is read exactly as its digits are
written, its fraction cut to microseconds as an ISO time's is (never rounded through a
float: ``1717199999.9999999`` is 31 May 2024, 23:59:59.999999). Dates of any other form are
held to the same years (:func:`plausible`): ``0001-01-01`` or ``1970-01-01`` is a
placeholder for "no date", not a month to plot. The years hold for the UTC time: a time with
an offset is moved to UTC first, so ``1980-01-01T00:30:00+01:00`` (23:30 on 31 December 1979
in UTC) is no time, and ``1979-12-31T23:30:00-01:00`` (00:30 on 1 January 1980) is one. A
cell that an export writes for a missing value (``NULL``, ``NA``, ``nan``, ``NaT``,
``None``: :data:`MISSING_TEXTS`) is no value at all, for a timestamp as for a parent id
(:func:`is_missing_text`).

A number that is no Unix time is a timestamp that could not be read, kept as its digits for
the insights to count and name (``20260305`` is then read as a compact date; microseconds
since 1970 are not), but only up to :data:`MAX_NUMBER_CHARS` characters
(:func:`number_text`): no time carelens reads is written with more, so a longer one (a
400-digit number) is kept as its start and an ellipsis, counted and named as a timestamp
that could not be read as any other is; an integer of any size is no time and never written
whole (Python writes no integer over 4,300 digits in decimal).
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta

#: The first time a time may be and the first it may no longer be (UTC): from 1980 up to
#: the end of 2099.
PLAUSIBLE_RANGE = (datetime(1980, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
#: Unix times (seconds) are read only in this range (from 1980 up to the end of 2099,
#: the end left out); other numbers are no time.
EPOCH_RANGE = (PLAUSIBLE_RANGE[0].timestamp(), PLAUSIBLE_RANGE[1].timestamp())
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: :data:`EPOCH_RANGE` in microseconds, to compare a Unix time with exactly.
_EPOCH_MICROS = (
    (PLAUSIBLE_RANGE[0] - _EPOCH) // timedelta(microseconds=1),
    (PLAUSIBLE_RANGE[1] - _EPOCH) // timedelta(microseconds=1),
)
#: The most digits before the point of a Unix time in milliseconds up to 2100 (13).
_MAX_WHOLE_DIGITS = len(str(_EPOCH_MICROS[1] // 1000))


def plausible(moment: datetime) -> datetime | None:
    """``moment`` (naive means UTC) as an aware UTC datetime when it falls in
    :data:`PLAUSIBLE_RANGE`, else None (a year-1 time with an offset too, which has no UTC
    form). The range holds for the UTC time, not the one written with an offset."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    try:
        utc = aware.astimezone(UTC)
    except OverflowError:
        return None
    low, high = PLAUSIBLE_RANGE
    return utc if low <= utc < high else None


def unix_time(number: float | str) -> datetime | None:
    """Unix seconds or milliseconds in :data:`EPOCH_RANGE` as an aware UTC datetime, else
    None (NaN and infinities too).

    A number written as text (ASCII digits, an optional sign and decimal point:
    :func:`is_number_text`; else None) is read exactly as written, a float as Python writes
    it (``repr``): its fraction is cut to microseconds, as :meth:`datetime.fromisoformat`
    cuts an ISO time's, so a time is never rounded into the next second, day or month
    (``1717199999.9999999`` is 2024-05-31 23:59:59.999999, not 1 June)."""
    if isinstance(number, str):
        text = number.strip()
    elif isinstance(number, int):
        if number.bit_length() > _MAX_TIME_BITS:
            return None  # no time, and maybe too long to write in decimal
        text = str(number)
    elif not math.isfinite(number):
        return None
    else:
        text = repr(float(number))  # 1e+20 and 1e-05: no time in either reading
    parts = _NUMBER_PARTS.fullmatch(text)
    if parts is None:
        return None
    sign, whole, fraction = parts.group(1), parts.group(2).lstrip("0"), parts.group(3) or ""
    if sign == "-" or len(whole) > _MAX_WHOLE_DIGITS:
        return None  # before 1970, or after 2100 in both readings
    low, high = _EPOCH_MICROS
    for places in (6, 3):  # seconds, then milliseconds: the digits that make microseconds
        micros = int(whole or "0") * 10**places + int(fraction[:places].ljust(places, "0"))
        # Cut, so exact: the whole number is in range as its microseconds are.
        if low <= micros < high:
            return _EPOCH + timedelta(microseconds=micros)
    return None


#: What exports write in a cell for a missing value, compared case-insensitively: a
#: database's ``NULL``, R's ``NA`` (what ``write.csv`` writes), pandas' ``nan`` and ``NaT``,
#: Python's ``None`` as text. Such a timestamp is missing (not one that could not be read),
#: and such a parent id names no message (:data:`carelens.readers.pairing.NO_PARENT`).
MISSING_TEXTS = frozenset({"null", "na", "nan", "nat", "none"})


#: The most characters of a number kept as a timestamp that is no Unix time
#: (:func:`number_text`): room for every number carelens reads as a time (a Unix time in
#: seconds or milliseconds with a fraction, ``1722515400.123456``; a compact date) and for
#: the numbers it names as unreadable (microseconds or nanoseconds since 1970, 16 and 19
#: digits).
MAX_NUMBER_CHARS = 32
#: An integer of more bits than this is no time in any reading (2100 in milliseconds needs
#: 42): :func:`parse_timestamp` says so without writing it in decimal.
_MAX_TIME_BITS = 64
_ELLIPSIS = "\u2026"


def number_text(number: str | int) -> str:
    """A number that is no Unix time as a timestamp that could not be read keeps it: as
    written when it has at most :data:`MAX_NUMBER_CHARS` characters (surrounding spaces
    aside), else its first ``MAX_NUMBER_CHARS - 1`` characters and ``…`` (which no reading
    takes for a time). An integer is taken as its decimal digits, also one too long for
    Python to write in decimal (over 4,300 digits): its leading digits are found without."""
    if isinstance(number, int):
        if number.bit_length() > _WRITTEN_BITS:
            return _leading_digits(number)[: MAX_NUMBER_CHARS - 1] + _ELLIPSIS
        number = str(number)
    if len(number.strip()) <= MAX_NUMBER_CHARS:
        return number
    return number.strip()[: MAX_NUMBER_CHARS - 1] + _ELLIPSIS


#: Integers of up to this many bits are written in decimal whole (about 3,600 digits, within
#: Python's limit of 4,300); :func:`_leading_digits` finds the start of longer ones.
_WRITTEN_BITS = 12_000


def _leading_digits(number: int) -> str:
    """The sign and first :data:`MAX_NUMBER_CHARS` digits of ``number``, which has more."""
    size = abs(number)
    digits = int(size.bit_length() * math.log10(2))  # its digits, or one more
    digits = digits + 1 if size >= 10**digits else digits
    leading = size // 10 ** (digits - MAX_NUMBER_CHARS)
    return f"{'-' if number < 0 else ''}{leading}"


def is_missing_text(text: str) -> bool:
    """Whether ``text`` (surrounding spaces aside) is one of :data:`MISSING_TEXTS`."""
    return text.strip().casefold() in MISSING_TEXTS


_COMPACT_DATE = re.compile(r"[0-9]{8}")
#: The ``Z`` (or ``z``) that ends a time in UTC.
_UTC_SUFFIX = re.compile(r"(?<=[0-9])[Zz]\Z")
#: A Unix time as text: ASCII digits, with an optional sign and decimal point (not the
#: ``1_000``, full-width digits or ``1e9`` that :func:`float` would read too).
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
#: The same, in its parts: sign, digits before the point, digits after it.
_NUMBER_PARTS = re.compile(r"([+-]?)(?=\.?[0-9])([0-9]*)(?:\.([0-9]*))?")


def is_number_text(text: str) -> bool:
    """Whether ``text`` is written as a number the way a Unix time is read from text (ASCII
    digits, an optional sign and decimal point; :func:`parse_timestamp`)."""
    return _NUMBER.fullmatch(text.strip()) is not None


def parse_timestamp(value: object) -> datetime | None:
    """A timestamp as an aware UTC datetime; None when it is none of the accepted forms.

    Accepted: a :class:`datetime` (naive means UTC); any string that
    :meth:`datetime.fromisoformat` reads (``2024-08-01T12:00:00Z``, ``2024-08-01 12:00``,
    ``2024-08-01``, the compact ``20240801`` and ``20240801T1200``), with or without an
    offset (none means UTC); and a number — or a string of one — that is a plausible Unix
    time, in seconds or in milliseconds, from 1980 up to the end of 2099
    (:func:`unix_time`; the two ranges do not overlap, so each number has
    one reading; read exactly, its fraction cut to microseconds as an ISO time's is); as a
    string, ASCII digits with an optional sign and decimal point only.
    The ISO ``Z`` (UTC) may be written ``z``, as RFC 3339 allows. An eight-digit value is a
    compact ``YYYYMMDD`` date when it is one. Every form must fall from 1980 up to the end
    of 2099, as a UTC time (:func:`plausible`: ``1980-01-01T00:30:00+01:00`` is still 1979).
    Anything else — a bare year such as ``2024``,
    a number outside both ranges, a placeholder date such as ``0001-01-01``, text — is no
    timestamp (the response is undated).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return plausible(value)
    if isinstance(value, int) and value.bit_length() > _MAX_TIME_BITS:
        return None  # no time, and maybe too long to write in decimal
    text = str(value).strip()
    if not text:
        return None
    if _COMPACT_DATE.fullmatch(text):
        parsed = _iso(text)
        if parsed is not None:
            return parsed
    if _NUMBER.fullmatch(text):
        return unix_time(text)
    return _iso(text)


def from_iso(text: str) -> datetime:
    """:meth:`datetime.fromisoformat` that also reads UTC written with a lower-case ``z``,
    as RFC 3339 allows (ValueError for text it does not read)."""
    return datetime.fromisoformat(_UTC_SUFFIX.sub("+00:00", text))


def _iso(text: str) -> datetime | None:
    try:
        parsed = from_iso(text)
    except ValueError:
        return None
    return plausible(parsed)
