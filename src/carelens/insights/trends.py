"""Monthly series per helper or community, and their trend slopes.

A series is the :meth:`~carelens.insights.tally.Tally.metrics` of each calendar month (UTC)
that has responses. A trend slope is the least-squares slope of a monthly mean against the
month's position on the calendar (months without responses leave a gap rather than being
skipped over), weighted by the number of responses in each month that the mean is taken
over (for a level, those that have the dimension: results of an older carelens may lack
it), in units per month, to :data:`SLOPE_DECIMALS` decimals (no float noise). A slope needs
at least ``min_months`` months with such responses; otherwise it is None. Months are calendar
months in UTC.

One stray date — a year typed ``2062`` for ``2026``, a placeholder ``1980-01-01`` — would
stretch a series over decades of empty months and flatten every slope, so dates far from the
rest are set aside (:func:`far_off_months`, :func:`mark_far_off`): within a group's months
(a helper's, a community's), a run of months that lies more than :data:`FAR_OFF_GAP` months
from every other month of the group and holds at most :data:`FAR_OFF_MAX_RESPONSES`
responses and at most :data:`FAR_OFF_MAX_SHARE` of the group's dated responses (never the
group's biggest run). A response is set aside when its month is so in its helper's months or
in its community's: it is left out of every monthly series, slope and strain signal, and
counts in every other figure. The pages say how many and which, to check for a mistyped year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

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


#: Decimals a trend slope is given to: least squares leave float noise in the last digits
#: (a fall of exactly 0.1 a month comes out as -0.09999999999999999), which would put a slope
#: on the wrong side of a threshold it meets exactly (``StrainThresholds.empathy_slope``).
SLOPE_DECIMALS = 12

#: A run of months more than this many months from the rest of a group's can be set aside.
FAR_OFF_GAP = 24
#: ... when it holds at most this many responses,
FAR_OFF_MAX_RESPONSES = 5
#: ... and at most this share of the group's dated responses.
FAR_OFF_MAX_SHARE = 0.1


def month_index(month: str) -> int:
    """``YYYY-MM`` as a count of months (so that consecutive months differ by one)."""
    year, mon = month.split("-")
    return int(year) * 12 + int(mon) - 1


def far_off_months(counts: Mapping[str, int]) -> set[str]:
    """The months of one group's series (``counts``: responses per ``YYYY-MM``) that lie far
    from the rest: the months are split into runs wherever two months with responses are
    more than :data:`FAR_OFF_GAP` months apart, and a run is far off when it holds at most
    :data:`FAR_OFF_MAX_RESPONSES` responses and at most :data:`FAR_OFF_MAX_SHARE` of the
    group's, and fewer than its biggest run (which is never set aside)."""
    months = sorted((m for m, n in counts.items() if n > 0), key=month_index)
    runs: list[list[str]] = []
    for month in months:
        if runs and month_index(month) - month_index(runs[-1][-1]) <= FAR_OFF_GAP:
            runs[-1].append(month)
        else:
            runs.append([month])
    if len(runs) < 2:
        return set()
    total = sum(counts[m] for m in months)
    sizes = [sum(counts[m] for m in run) for run in runs]
    biggest = max(sizes)
    return {
        month
        for run, size in zip(runs, sizes, strict=True)
        if size < biggest and size <= FAR_OFF_MAX_RESPONSES and size <= FAR_OFF_MAX_SHARE * total
        for month in run
    }


def mark_far_off(rows: Sequence[ResponseRow]) -> list[ResponseRow]:
    """``rows`` with :attr:`~ResponseRow.far_off` set where the month is far off
    (:func:`far_off_months`) in the row's helper's months or in its community's, and
    cleared elsewhere (a row is copied only where that changes it)."""
    far: set[int] = set()
    for by in ("helper", "community"):
        counts: dict[str, dict[str, int]] = {}
        for row in rows:
            if row.month is not None:
                per_month = counts.setdefault(getattr(row, by), {})
                per_month[row.month] = per_month.get(row.month, 0) + 1
        odd = {group: found for group, c in counts.items() if (found := far_off_months(c))}
        if odd:
            far.update(
                i for i, row in enumerate(rows) if row.month in odd.get(getattr(row, by), ())
            )
    return [
        row if row.far_off == (i in far) else replace(row, far_off=i in far)
        for i, row in enumerate(rows)
    ]


def monthly(rows: Iterable[ResponseRow], by: str) -> dict[str, dict[str, Tally]]:
    """Per group (``by``: ``"helper"`` or ``"community"``), the tally of each month (a row's
    :attr:`~ResponseRow.trend_month`: rows whose date is set aside as far off are left out)."""
    series: dict[str, dict[str, Tally]] = {}
    for (group, month), t in tally_by_pair(rows, by, "trend_month").items():
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
        slope = weighted_slope(points) if len({p[0] for p in points}) >= min_months else None
        out[f"{name}_slope"] = None if slope is None else round(slope, SLOPE_DECIMALS)
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
