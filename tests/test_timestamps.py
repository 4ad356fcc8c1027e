"""The timestamp rule (:func:`carelens.timestamps.parse_timestamp`): the lower-case ``z`` of
RFC 3339, Unix times as ASCII digits only, and a number longer than any time kept as its
start (:func:`carelens.timestamps.number_text`)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from carelens.timestamps import (
    MAX_NUMBER_CHARS,
    is_number_text,
    number_text,
    parse_timestamp,
    unix_time,
)

AUG_1 = datetime(2024, 8, 1, 12, 30, tzinfo=UTC)


def _digits(number: str, zero: int) -> str:
    """``number`` written with the digits of another script (``zero``: its digit 0)."""
    return "".join(chr(zero + int(c)) for c in number)


@pytest.mark.parametrize(
    "value",
    [
        "2024-08-01T12:30:00Z",
        "2024-08-01T12:30:00z",  # RFC 3339 allows a lower-case z
        "2024-08-01t12:30:00z",
        " 2024-08-01T12:30:00z ",
        "2024-08-01T14:30:00+02:00",
        "1722515400",
        "1722515400.0",
        "+1722515400",
        "1722515400000",
        1722515400,
        1722515400.0,
    ],
)
def test_utc_times_and_unix_times_are_read(value: object) -> None:
    assert parse_timestamp(value) == AUG_1


@pytest.mark.parametrize(
    "value",
    [
        "1_722_515_400",  # float() reads underscores; a timestamp has none
        _digits("1722515400", 0xFF10),  # full-width digits: float() reads them too
        _digits("1722515400", 0x0660),  # Arabic-Indic digits
        "1.7225154e9",
        "0x66AB8108",
        "nan",
        "inf",
        "2024-08-01T12:30:00zz",
        "2024-08-01T12:30:00Zz",
        _digits("20240801", 0xFF10),
    ],
)
def test_only_ascii_numbers_are_unix_times(value: str) -> None:
    assert parse_timestamp(value) is None


def test_months_are_utc_months() -> None:
    # 23:30 on 31 July at UTC-2 is 1 August in UTC: the month is August.
    assert parse_timestamp("2024-07-31T23:30:00-02:00") == datetime(2024, 8, 1, 1, 30, tzinfo=UTC)


# --- a number longer than any time -----------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "1722515400000000",  # microseconds since 1970: kept whole, named as it is
        "1722515400000000000",  # nanoseconds
        " 20240801 ",  # a compact date: read later, so kept as written
        "1" * MAX_NUMBER_CHARS,
        1722515400000000,
    ],
)
def test_a_number_as_long_as_a_time_is_kept_whole(value: str | int) -> None:
    assert number_text(value) == str(value)


@pytest.mark.parametrize(
    ("value", "start"),
    [
        ("1" * 400, "1" * 31),  # was kept whole: a 400-character timestamp
        (" -" + "9" * 40 + " ", "-" + "9" * 30),
        ("86400." + "0" * 40, "86400." + "0" * 25),  # a day in seconds: no time
        pytest.param(int("7" * 400), "7" * 31, id="400-digit int"),
        # Python writes no int over 4,300 digits in decimal
        pytest.param(10**5000, "1" + "0" * 30, id="5001-digit int"),
        pytest.param(-(10**5000) + 1, "-" + "9" * 30, id="negative 5000-digit int"),
    ],
)
def test_a_number_longer_than_any_time_is_kept_as_its_start(value: str | int, start: str) -> None:
    kept = number_text(value)
    assert kept == start + "\u2026" and len(kept) == MAX_NUMBER_CHARS
    assert parse_timestamp(kept) is None and not is_number_text(kept)  # unreadable still


def test_an_int_of_any_size_is_no_time() -> None:
    # Was ValueError ("Exceeds the limit (4300 digits) for integer string conversion").
    assert parse_timestamp(10**5000) is None
    assert parse_timestamp(-(10**400)) is None
    assert parse_timestamp(2**64 + 1) is None
    assert parse_timestamp(1722515400000) == AUG_1


# --- the years: from 1980 up to the end of 2099, as a UTC time ---------------------------------


@pytest.mark.parametrize(
    ("value", "read"),
    [
        ("1980-01-01T00:00:00Z", datetime(1980, 1, 1, tzinfo=UTC)),
        ("2099-12-31T23:59:59.999999Z", datetime(2099, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)),
        (4102444799, datetime(2099, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("4102444799999", datetime(2099, 12, 31, 23, 59, 59, 999000, tzinfo=UTC)),
        ("1979-12-31T23:59:59Z", None),
        ("2100-01-01", None),
        ("2100-12-31T22:30:00Z", None),  # 2100 is past the end: the range ends with 2099
        (4102444800, None),  # 2100-01-01 in seconds
        ("4102444800000", None),  # and in milliseconds
        # The range holds for the UTC time, not the written one: 23:30 on 31 December 1979
        # in UTC is no time, 00:30 on 1 January 1980 in UTC is one.
        ("1980-01-01T00:30:00+01:00", None),
        ("1979-12-31T23:30:00-01:00", datetime(1980, 1, 1, 0, 30, tzinfo=UTC)),
        ("2099-12-31T23:30:00-01:00", None),
        ("2100-01-01T00:30:00+01:00", datetime(2099, 12, 31, 23, 30, tzinfo=UTC)),
    ],
)
def test_times_are_read_from_1980_up_to_the_end_of_2099_in_utc(
    value: object, read: datetime | None
) -> None:
    assert parse_timestamp(value) == read


def test_what_is_said_of_the_years_is_what_is_read() -> None:
    """Was "from 1980 to 2100", while a time in 2100 is refused."""
    from carelens.insights.report.sections import TIMESTAMP_FORMS

    assert "from 1980 up to the end of 2099" in TIMESTAMP_FORMS
    assert "2100" not in TIMESTAMP_FORMS


# --- a Unix time is read exactly, its fraction cut to microseconds -----------------------------

LAST_OF_MAY = datetime(2024, 5, 31, 23, 59, 59, 999999, tzinfo=UTC)


@pytest.mark.parametrize(
    "value",
    [
        "1717199999.9999999",  # was 2024-06-01 00:00: rounded through a float, a month later
        "1717199999.99999999999999999999",
        " +1717199999.9999995 ",
        "1717199999999.9999",  # milliseconds
        "2024-05-31T23:59:59.9999999Z",  # as an ISO time with 7 fraction digits is cut
    ],
)
def test_a_unix_time_is_cut_to_microseconds_not_rounded(value: str) -> None:
    assert parse_timestamp(value) == LAST_OF_MAY


@pytest.mark.parametrize(
    ("value", "read"),
    [
        ("4102444799.9999999", datetime(2099, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)),  # was None
        ("315532799.9999999", None),  # 1979 still
        ("1722515400.000001", datetime(2024, 8, 1, 12, 30, 0, 1, tzinfo=UTC)),
        ("1722515400000.0019", datetime(2024, 8, 1, 12, 30, 0, 1, tzinfo=UTC)),
        ("1722515400.", AUG_1),
        ("00001722515400", AUG_1),
        (".5", None),
        ("-1722515400", None),
        ("1" * 40 + ".5", None),
    ],
)
def test_a_unix_time_is_read_exactly(value: str, read: datetime | None) -> None:
    assert parse_timestamp(value) == read
    assert unix_time(value) == read
