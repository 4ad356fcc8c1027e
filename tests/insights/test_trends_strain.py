"""Monthly series, trend slopes and strain signals."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.insights import ResponseRow, StrainThresholds, Tally, monthly, slopes, strain_signals
from carelens.insights.trends import month_index, weighted_slope


def row(
    rid: str,
    helper: str = "ana",
    month: int | None = 1,
    empathy: int = 1,
    community: str = "grief",
    **kwargs: object,
) -> ResponseRow:
    return ResponseRow(
        response_id=rid,
        helper=helper,
        community=community,
        style="empathy" if empathy else "sympathy",
        levels={"empathy": empathy, "reflection": 0},
        timestamp=None if month is None else datetime(2024, month, 10, tzinfo=UTC),
        **kwargs,  # type: ignore[arg-type]
    )


def test_month_index_counts_months_across_years() -> None:
    assert month_index("2024-01") - month_index("2023-12") == 1
    assert month_index("2025-03") - month_index("2024-03") == 12


@given(
    st.floats(-3, 3, allow_nan=False),
    st.floats(-3, 3, allow_nan=False),
    st.lists(st.integers(0, 40), min_size=2, max_size=8, unique=True),
)
def test_slope_of_a_line_is_recovered(a: float, b: float, xs: list[int]) -> None:
    points = [(float(x), a * x + b, 1.0 + x % 3) for x in xs]
    assert weighted_slope(points) == pytest.approx(a, abs=1e-6)


def test_slope_needs_spread_and_months() -> None:
    assert weighted_slope([(1.0, 2.0, 1.0), (1.0, 3.0, 1.0)]) is None
    rows = [row("a", month=1, empathy=2), row("b", month=2, empathy=0)]
    assert slopes(monthly(rows, "helper")["ana"])["mean_empathy_slope"] is None  # two months


def test_slope_uses_calendar_gaps_and_weights() -> None:
    rows = [row("a", month=1, empathy=2), row("b", month=2, empathy=2), row("c", month=5)]
    rows += [row(f"d{i}", month=5, empathy=0) for i in range(2)]
    series = monthly(rows, "helper")["ana"]
    assert list(series) == ["2024-01", "2024-02", "2024-05"]
    # Means 2, 2, 1/3 at x = 0, 1, 4 with weights 1, 1, 3.
    expected = weighted_slope([(0.0, 2.0, 1.0), (1.0, 2.0, 1.0), (4.0, 1 / 3, 3.0)])
    assert slopes(series)["mean_empathy_slope"] == pytest.approx(expected)
    assert expected is not None and expected < 0


def test_rows_without_a_month_are_left_out_of_series() -> None:
    rows = [row("a", month=None), row("b", month=3)]
    assert list(monthly(rows, "helper")["ana"]) == ["2024-03"]


def signals_of(rows: list[ResponseRow], **kw: object) -> dict[tuple[str, str], object]:
    found = strain_signals(rows, thresholds=StrainThresholds(**kw))  # type: ignore[arg-type]
    return {(s.helper, s.signal): s for s in found}


def test_falling_empathy_is_raised_only_when_it_falls() -> None:
    # Two responses a month over five months: ten, the fewest a trend signal reads.
    falling = [
        row(f"f{m}{k}", month=m, empathy=2 if m < 3 else 0) for m in range(1, 6) for k in "ab"
    ]
    steady = [row(f"s{m}{k}", helper="ben", month=m, empathy=1) for m in range(1, 6) for k in "ab"]
    found = signals_of(falling + steady)
    assert ("ana", "falling_empathy") in found
    assert ("ben", "falling_empathy") not in found
    signal = found[("ana", "falling_empathy")]
    # the responses of the last month below the earlier months' mean (1.0)
    assert signal.evidence == ("f5a", "f5b")  # type: ignore[attr-defined]
    assert "over 5 months, from 10 dated responses" in signal.detail  # type: ignore[attr-defined]
    assert "(to 0.00 in 2024-05, from 1.00 before)" in signal.detail  # type: ignore[attr-defined]


def test_falling_empathy_needs_the_latest_month_below_the_earlier_level() -> None:
    """Was: 2.0, 0.0, 2.0 over three months (the latest at the top) gave "falls by 0.12 a
    month ... (to 2.00 in ...)" with no response to read, since the slope is weighted and
    the middle month held most responses."""
    rows = [row(f"a{i}", month=1, empathy=2) for i in range(5)]
    rows += [row(f"b{i}", month=3, empathy=0) for i in range(6)]
    rows += [row("c0", month=4, empathy=2)]
    series = monthly(rows, "helper")["ana"]
    slope = slopes(series)["mean_empathy_slope"]
    assert slope is not None and slope <= -0.1  # the slope alone would raise it
    assert not signals_of(rows)
    # The latest month below the earlier level, and every signal points to responses.
    rows += [row(f"d{i}", month=5, empathy=i) for i in range(2)]
    found = signals_of(rows)
    # The earlier months' mean is 12/12 = 1.0: the latest month's level-0 response is below.
    assert found[("ana", "falling_empathy")].evidence == ("d0",)  # type: ignore[attr-defined]


def test_falling_empathy_says_the_span_and_the_months_with_responses() -> None:
    """Was "over 3 months" for responses in January, June and October: the months with
    responses, not the span the trend covers."""
    rows = [row(f"a{i}", month=1, empathy=2) for i in range(4)]
    rows += [row(f"b{i}", month=6, empathy=1) for i in range(4)]
    rows += [row(f"c{i}", month=10, empathy=0) for i in range(4)]
    signal = signals_of(rows, empathy_slope=-0.05)[("ana", "falling_empathy")]
    assert "over 10 months (3 with responses)" in signal.detail  # type: ignore[attr-defined]


def test_falling_empathy_needs_enough_responses() -> None:
    """Was: 42 of 51 falling-empathy signals of a 900-response file came from helpers with
    three responses, one a month. A trend signal needs ``min_trend_responses`` (10) dated
    responses."""
    three = [row(f"t{m}", month=m, empathy=3 - m) for m in (1, 2, 3)]
    assert StrainThresholds().min_trend_responses == 10
    assert not signals_of(three)
    assert ("ana", "falling_empathy") in signals_of(three, min_trend_responses=3)
    # Undated responses do not count towards the trend's responses.
    assert not signals_of(three + [row(f"u{i}", month=None) for i in range(7)])


def test_a_signal_without_a_response_to_read_is_not_raised() -> None:
    rows = [row(f"r{i}") for i in range(6)]
    found = signals_of(rows, self_focus_share=0.0, min_personal_distress=0)
    assert not found  # no self-focus and no own distress to point to


def test_high_distress_load_compares_with_the_community() -> None:
    heavy = [row(f"h{i}", seeker_distress=2) for i in range(6)]
    light = [row(f"l{i}", helper="ben", seeker_distress=0) for i in range(30)]
    found = signals_of(heavy + light)
    signal = found[("ana", "high_distress_load")]
    assert signal.value == 1.0  # type: ignore[attr-defined]
    assert ("ben", "high_distress_load") not in found
    # Everyone answering only high-distress messages is nobody's outlier.
    assert not signals_of([row(f"x{i}", seeker_distress=2) for i in range(10)])


def test_high_distress_load_compares_with_the_helpers_own_community() -> None:
    # crisisforum: 10 responses, all at high distress; hobbyforum: 30, none.
    crisis = [
        row(f"c{i}", helper=("alice", "bob")[i % 2], community="crisisforum", seeker_distress=2)
        for i in range(10)
    ]
    hobby = [
        row(f"h{i}", helper=f"h{i % 3}", community="hobbyforum", seeker_distress=0)
        for i in range(30)
    ]
    found = signals_of(crisis + hobby)
    # Pooled, 25% of all messages are at high distress; their own community is at 100%.
    assert not [key for key in found if key[1] == "high_distress_load"]
    # Given the pooled tally as their community, the old comparison would raise it.
    pooled = strain_signals(crisis + hobby, communities={"crisisforum": Tally.over(crisis + hobby)})
    assert {s.helper for s in pooled if s.signal == "high_distress_load"} == {"alice", "bob"}
    assert "community 25%" in pooled[0].detail


def test_high_distress_load_weights_the_communities_a_helper_answers_in() -> None:
    # Community a: 40% at high distress; b: 0%. Ana answers 6 in a (all high), 2 in b (none).
    a = [row(f"a{i}", helper="ben", community="a", seeker_distress=2 * (i < 2)) for i in range(14)]
    a += [row(f"x{i}", community="a", seeker_distress=2) for i in range(6)]
    b = [row(f"b{i}", helper="cleo", community="b", seeker_distress=0) for i in range(20)]
    b += [row(f"y{i}", community="b", seeker_distress=0) for i in range(2)]
    (signal,) = [s for s in strain_signals(a + b) if s.signal == "high_distress_load"]
    assert signal.helper == "ana"
    assert signal.value == pytest.approx(6 / 8)
    # a: 8 of 20 (40%), weight 6; b: 0 of 22, weight 2 -> 30% expected; 1.5x -> 45%.
    assert signal.threshold == pytest.approx(1.5 * (6 * 0.4 + 2 * 0.0) / 8)
    assert "their 2 communities 30%" in signal.detail
    # Compared with the pooled share of everyone (8 of 42, 19%) the figure would differ.
    assert signal.threshold != pytest.approx(1.5 * 8 / 42)


def test_personal_distress_and_self_focus() -> None:
    rows = [row(f"p{i}", helper_distress=6.0, helper_distress_high=i < 2) for i in range(5)]
    rows += [row(f"q{i}", helper="ben", self_focus=i < 3) for i in range(6)]
    found = signals_of(rows)
    assert found[("ana", "personal_distress")].evidence == ("p0", "p1")  # type: ignore[attr-defined]
    assert ("ben", "heavy_self_focus") in found
    assert ("ana", "heavy_self_focus") not in found
    assert not signals_of(rows[:1], min_personal_distress=2)


def test_evidence_tells_apart_responses_that_share_an_id() -> None:
    """Two threads whose message numbers restart: the evidence ids repeat, their places in
    the rows do not."""
    high = {"helper_distress": 6.0, "helper_distress_high": True}
    rows = [row("2", **high), row("2", helper="ben", **high), row("2")]
    rows += [row("2", **high), row("5", **high)]
    signal = signals_of(rows)[("ana", "personal_distress")]
    assert signal.evidence == ("2", "2", "5")  # type: ignore[attr-defined]
    assert signal.positions == (0, 3, 4)  # type: ignore[attr-defined]


def test_no_rows_no_signals() -> None:
    assert strain_signals([]) == []
    assert Tally.over([]).n == 0
