"""Monthly series per helper or community, and their trend slopes.

A series is the :meth:`~carelens.insights.tally.Tally.metrics` of each calendar month (UTC)
that has responses. A trend slope is the least-squares slope of a monthly mean against the
month's position on the calendar (months without responses leave a gap rather than being
skipped over), weighted by the number of responses in each month that the mean is taken
over (for a level, those that have the dimension: results of an older carelens may lack
it), in units per month. A slope needs at least ``min_months`` months with such responses;
otherwise it is None. Months are calendar months in UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from carelens.insights.rows import ROW_DIMENSIONS, ResponseRow
from carelens.insights.tally import Metric, Tally, tally_by_pair

#: Fewest months with responses for a trend slope.
MIN_MONTHS = 3
#: The monthly means whose slopes are reported.
TREND_METRICS: tuple[str, ...] = (
    "mean_empathy",
    "mean_sympathy",
    "mean_compassion",
    "mean_dismissive",
    "mean_reflection",
)


def month_index(month: str) -> int:
    """``YYYY-MM`` as a count of months (so that consecutive months differ by one)."""
    year, mon = month.split("-")
    return int(year) * 12 + int(mon) - 1


def monthly(rows: Iterable[ResponseRow], by: str) -> dict[str, dict[str, Tally]]:
    """Per group (``by``: ``"helper"`` or ``"community"``), the tally of each month."""
    series: dict[str, dict[str, Tally]] = {}
    for (group, month), t in tally_by_pair(rows, by, "month").items():
        series.setdefault(group, {})[month] = t
    return {g: dict(sorted(months.items())) for g, months in series.items()}


def weighted_slope(points: Sequence[tuple[float, float, float]]) -> float | None:
    """The weighted least-squares slope of (x, y, weight) points; None if x does not vary."""
    total = sum(w for _, _, w in points)
    if total <= 0:
        return None
    mean_x = sum(x * w for x, _, w in points) / total
    mean_y = sum(y * w for _, y, w in points) / total
    spread = sum(w * (x - mean_x) ** 2 for x, _, w in points)
    if spread == 0:
        return None
    return sum(w * (x - mean_x) * (y - mean_y) for x, y, w in points) / spread


def slopes(
    months: Mapping[str, Tally],
    metrics: Sequence[str] = TREND_METRICS,
    *,
    min_months: int = MIN_MONTHS,
) -> dict[str, float | None]:
    """Per metric, the trend slope (per month) over ``months`` (see the module docstring)."""
    out: dict[str, float | None] = {}
    per_month = {m: (t, t.metrics()) for m, t in months.items() if t.n > 0}
    for name in metrics:
        points = [
            (float(month_index(m)), float(v), float(_weight(t, name)))
            for m, (t, values) in per_month.items()
            if isinstance(v := values.get(name), int | float)
        ]
        out[f"{name}_slope"] = (
            weighted_slope(points) if len({p[0] for p in points}) >= min_months else None
        )
    return out


def _weight(tally: Tally, metric: str) -> int:
    """The responses a month's ``metric`` is taken over: for a mean level, those that have
    the dimension; else all of them."""
    dimension = metric.removeprefix("mean_")
    if dimension != metric and dimension in ROW_DIMENSIONS:
        return tally.level_known.get(dimension, 0)
    return tally.n


def series_rows(series: Mapping[str, Mapping[str, Tally]], by: str) -> list[dict[str, Metric]]:
    """The monthly series as table rows: ``by``, ``month``, then the month's metrics."""
    rows: list[dict[str, Metric]] = []
    for group, months in sorted(series.items()):
        for month, t in months.items():
            rows.append({by: group, "month": month, **t.metrics()})  # type: ignore[dict-item]
    return rows
