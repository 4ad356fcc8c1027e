"""Unix times: a number read as seconds or milliseconds since 1970, only when it is plausible.

One rule for the readers (which write a numeric timestamp as ISO-8601 UTC) and the insights
(which group responses by month): a Unix time lies between 1980 and 2100
(:data:`EPOCH_RANGE`), in seconds or in milliseconds. The two ranges do not overlap, so each
number has one reading; any other number (``86400``, a bare year) is no time.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime

#: Unix times are read only in this range (1980 to 2100); other numbers are no time.
EPOCH_RANGE = (
    datetime(1980, 1, 1, tzinfo=UTC).timestamp(),
    datetime(2100, 1, 1, tzinfo=UTC).timestamp(),
)


def unix_time(number: float) -> datetime | None:
    """Unix seconds or milliseconds in :data:`EPOCH_RANGE` as an aware UTC datetime, else
    None (NaN and infinities too)."""
    if not math.isfinite(number):
        return None
    low, high = EPOCH_RANGE
    for seconds in (number, number / 1000):
        if low <= seconds < high:
            return datetime.fromtimestamp(seconds, tz=UTC)
    return None
