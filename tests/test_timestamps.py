"""The timestamp rule (:func:`carelens.timestamps.parse_timestamp`): the lower-case ``z`` of
RFC 3339, and Unix times as ASCII digits only."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from carelens.timestamps import parse_timestamp

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
