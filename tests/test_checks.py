"""``carelens.checks``: integers from loosely typed input."""

from __future__ import annotations

import pytest

from carelens.checks import int_between


@pytest.mark.parametrize(
    ("value", "low", "high", "expected"),
    [
        (0, 0, None, True),
        (5, 1, 5, True),
        (6, 1, 5, False),
        (0, 1, None, False),
        (True, 0, None, False),  # a JSON true is not the integer 1
        (False, 0, 1, False),
        (1.0, 0, None, False),
        ("1", 0, None, False),
        (None, 0, None, False),
        (10**30, 0, None, True),
    ],
)
def test_int_between(value: object, low: int, high: int | None, expected: bool) -> None:
    assert int_between(value, low, high) is expected
