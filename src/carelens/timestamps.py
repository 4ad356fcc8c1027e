"""Plausible times: a Unix time read as seconds or milliseconds, and any time, only between
1980 and 2100.

One rule for the readers (which write a numeric timestamp as ISO-8601 UTC) and the insights
(which group responses by month): a Unix time lies between 1980 and 2100
(:data:`EPOCH_RANGE`), in seconds or in milliseconds. The two ranges do not overlap, so each
number has one reading; any other number (``86400``, a bare year) is no time. The insights
hold dates of any other form to the same years (:func:`plausible`): ``0001-01-01`` or
``1970-01-01`` is a placeholder for "no date", not a month to plot.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime

#: The first and the end of the years a time may fall in: 1980 to 2100 (UTC).
PLAUSIBLE_RANGE = (datetime(1980, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
#: Unix times are read only in this range (1980 to 2100); other numbers are no time.
EPOCH_RANGE = (PLAUSIBLE_RANGE[0].timestamp(), PLAUSIBLE_RANGE[1].timestamp())


def plausible(moment: datetime) -> datetime | None:
    """``moment`` (naive means UTC) as an aware UTC datetime when it falls in
    :data:`PLAUSIBLE_RANGE`, else None (a year-1 time with an offset too, which has no UTC
    form)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    try:
        utc = aware.astimezone(UTC)
    except OverflowError:
        return None
    low, high = PLAUSIBLE_RANGE
    return utc if low <= utc < high else None


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
