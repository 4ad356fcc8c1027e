"""Trend slopes as the report and ``summarize`` show them: one text for one slope, three
decimals cut toward zero, so that no slope reads as reaching the falling-empathy threshold
(-0.1 a month) when it does not, and a fall of exactly 0.1 a month (float noise aside) is
one."""

from __future__ import annotations

from typing import Any

import pytest
from insight_rows import record
from test_report import TABLE_COLUMNS, parse, table_rows

from carelens.cli._insights_tables import _cell
from carelens.insights import Insights
from carelens.insights.report import build_report
from carelens.insights.report.format import fmt, slope_text
from carelens.insights.trends import weighted_slope


def _records(levels: dict[int, list[int]]) -> list[dict[str, Any]]:
    """One helper's responses: per month of 2026, the interpretation (so empathy) level of
    each."""
    return [
        record(
            f"m{month}-{k}",
            speaker="vol-kay",
            timestamp=f"2026-{month:02d}-{k + 1:02d}T10:00:00Z",
            levels={"interpretation": level},
        )
        for month, month_levels in levels.items()
        for k, level in enumerate(month_levels)
    ]


@pytest.mark.parametrize(
    ("slope", "text"),
    [
        (-0.096, "-0.096"),  # was "-0.10" in the report: as if at the threshold
        (-0.0996, "-0.099"),  # cut, not rounded to "-0.100"
        (-0.1, "-0.100"),
        (-0.10049, "-0.100"),
        (-0.09999999999999999, "-0.099"),  # above -0.1, as the signal compares it
        (0.3, "+0.300"),  # as written, not the float's 0.29999...
        (0.1871, "+0.187"),
        (-0.0004, "0.000"),  # never "-0.000"
        (0.0, "0.000"),
        (-1.5, "-1.500"),
    ],
)
def test_a_slope_is_cut_to_three_decimals(slope: float, text: str) -> None:
    assert slope_text(slope) == text
    assert fmt(slope, "slope") == text  # the report
    assert _cell("mean_empathy_slope", slope) == text  # summarize


def test_the_report_shows_a_trend_as_summarize_prints_it() -> None:
    """Was "-0.10" in the report beside "-0.097" from summarize, for a slope of -0.0968 that
    does not reach the -0.1 of the falling-empathy signal."""
    insights = Insights.from_records(_records({1: [1, 1, 1, 1], 2: [1, 1, 0, 0, 0], 3: [1, 1]}))
    slope = insights.helpers().set_index("helper").loc["vol-kay", "mean_empathy_slope"]
    assert slope == pytest.approx(-3 / 31)
    assert "falling_empathy" not in {s.signal for s in insights.strain_signals()}
    doc = parse(build_report(insights))
    cells = dict(zip(TABLE_COLUMNS, table_rows(doc, "helper-table")["vol-kay"], strict=False))
    assert cells["mean_empathy_slope"].text() == "-0.096" == _cell("mean_empathy_slope", slope)
    assert "-0.096" in doc.by_id("h-1").text() and "-0.10 " not in doc.text()


def test_a_fall_of_exactly_the_threshold_raises_the_signal_and_reads_so() -> None:
    """Means 1/3, 1/2 and 1/6 (3, 2 and 6 responses) fall by exactly 0.1 a month; least
    squares gave -0.09999999999999999, so no falling-empathy signal ("at least 0.1")."""
    levels = {1: [1, 0, 0], 2: [1, 0], 3: [1, 0, 0, 0, 0, 0]}
    points = [(float(m), sum(v) / len(v), float(len(v))) for m, v in levels.items()]
    assert weighted_slope(points) == -0.09999999999999999  # the noise
    insights = Insights.from_records(_records(levels))
    slope = insights.helpers().set_index("helper").loc["vol-kay", "mean_empathy_slope"]
    assert slope == -0.1
    (signal,) = insights.strain_signals()
    assert signal.signal == "falling_empathy" and signal.value == -0.1
    doc = parse(build_report(insights))
    cells = dict(zip(TABLE_COLUMNS, table_rows(doc, "helper-table")["vol-kay"], strict=False))
    assert cells["mean_empathy_slope"].text() == "-0.100"
