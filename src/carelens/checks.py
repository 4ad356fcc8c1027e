"""Checks of loosely typed values (decoded JSON, query parameters) shared across the package.

``bool`` is a subclass of ``int`` in Python, so ``isinstance(True, int)`` holds; values read from
JSON or passed by callers must not let ``true`` stand in for ``1``.
"""

from __future__ import annotations

from typing import TypeGuard


def int_between(value: object, low: int, high: int | None = None) -> TypeGuard[int]:
    """Whether ``value`` is an ``int`` (not a ``bool``) with ``low <= value`` (``<= high``)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    return low <= value and (high is None or value <= high)
