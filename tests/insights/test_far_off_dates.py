"""Dates far from the rest (a year typed 2062 for 2026, a placeholder 1980 or 2099): set aside
from the monthly figures, trends, strain signals and charts, said on the page and by
``summarize``, and counted in every other figure; charts span only what they draw, and a
long run of empty months is one row of a table of figures."""

from __future__ import annotations

from typing import Any

import pytest
from insight_rows import record as result_record
from test_report import parse

from carelens.insights import Insights, StrainThresholds
from carelens.insights.report import build_report, charts
from carelens.insights.trends import (
    FAR_OFF_MAX_RESPONSES,
    far_off_months,
    mark_far_off,
)

STRAY = "2062-03-05T10:00:00Z"  # 2026-03-05 with its year's digits swapped


def _falling(
    helper: str = "vol-kay", community: str = "chat", per_month: int = 8, prefix: str = "k"
) -> list[dict[str, Any]]:
    """``per_month`` responses a month from 2026-01 to 2026-06 whose empathy falls (2, 2, 1,
    1, 0, 0)."""
    out = []
    for month in range(1, 7):
        level = 2 if month < 3 else 1 if month < 5 else 0
        for k in range(per_month):
            out.append(
                result_record(
                    f"{prefix}{month}-{k}",
                    speaker=helper,
                    community=community,
                    timestamp=f"2026-{month:02d}-{k + 1:02d}T10:00:00Z",
                    levels={"interpretation": level},
                )
            )
    return out


def _stray(rid: str = "typo1", helper: str = "vol-kay", community: str = "chat") -> dict[str, Any]:
    return result_record(
        rid, speaker=helper, community=community, timestamp=STRAY, levels={"interpretation": 0}
    )


# ------------------------------------------------------------------------------- the rule


def test_a_small_run_far_from_the_rest_is_far_off() -> None:
    bulk = {f"2026-{m:02d}": 20 for m in range(1, 7)}
    assert far_off_months(bulk | {"2062-03": 1}) == {"2062-03"}
    assert far_off_months(bulk | {"1980-01": 2, "2099-12": 1}) == {"1980-01", "2099-12"}
    # 24 months from the rest is not far; 25 is.
    assert far_off_months(bulk | {"2028-06": 1}) == set()
    assert far_off_months(bulk | {"2028-07": 1}) == {"2028-07"}
    # A run with more than a few responses, or a tenth of the group's, is part of the data.
    assert far_off_months(bulk | {"2019-05": FAR_OFF_MAX_RESPONSES + 1}) == set()
    assert far_off_months({"2026-01": 5, "2062-03": 1}) == set()  # 1 of 6: not a stray
    # Two eras of equal weight: neither is set aside; nor is a group's only run.
    assert far_off_months({"2019-01": 3, "2026-01": 3}) == set()
    assert far_off_months({"2062-03": 1}) == set()


# ---------------------------------------------------------------------------- the figures


def test_one_stray_year_no_longer_flattens_the_trend_or_the_signal() -> None:
    """Was: with one record dated 2062-03-05 the helper's falling-empathy signal (-0.36 a
    month over 2026-01..06) vanished (slope -0.003 over 36 years of empty months)."""
    clean = Insights.from_records(_falling())
    typo = Insights.from_records([*_falling(), _stray()])
    slope = clean.helpers().set_index("helper").loc["vol-kay", "mean_empathy_slope"]
    got = typo.helpers().set_index("helper").loc["vol-kay"]
    assert got["mean_empathy_slope"] == pytest.approx(slope)
    assert got["trend_responses"] == 48 and got["responses"] == 49  # counted, not trended
    assert [s.signal for s in typo.strain_signals()] == [s.signal for s in clean.strain_signals()]
    assert "falling_empathy" in {s.signal for s in typo.strain_signals()}
    for by in ("helper", "community"):
        assert "2062-03" not in set(typo.monthly(by)["month"])
    frame = typo.responses()
    assert list(frame[frame["far_off_date"]]["response_id"]) == ["typo1"]
    assert frame.set_index("response_id").loc["typo1", "month"] == "2062-03"  # as written
    assert typo.total().n == 49


def test_a_date_far_from_its_helpers_is_set_aside_even_alone_in_its_community() -> None:
    """A stray in a community of its own (one response) is far off among its helper's."""
    rows = mark_far_off(
        Insights.from_records([*_falling(), _stray(community="tiny")]).rows  # marked again
    )
    assert [r.response_id for r in rows if r.far_off] == ["typo1"]


def test_two_real_eras_are_both_kept() -> None:
    old = _falling(prefix="o")
    for r in old:
        r["timestamp"] = r["timestamp"].replace("2026", "2019")
    insights = Insights.from_records(old + _falling())
    assert not any(r.far_off for r in insights.rows)
    months = set(insights.monthly("community")["month"])
    assert {"2019-01", "2026-06"} <= months


# ------------------------------------------------------------------------------ the page


def _doc(records: list[dict[str, Any]], **kw: Any) -> Any:
    return parse(build_report(Insights.from_records(records, **kw)))


def test_the_page_sets_the_stray_aside_and_says_so() -> None:
    """Was: every chart ran 2026-01..2062-03, and the tables of figures listed 435 months."""
    records = [*_falling(), *_falling("vol-lee", "phone", 4, "l"), _stray()]
    clean = build_report(Insights.from_records(records[:-1]))
    page = build_report(Insights.from_records(records))
    doc = parse(page)
    trends = doc.by_id("trends").text()
    assert "1 response is dated far from the rest of its helper's or community's responses" in (
        trends
    )
    assert "(vol-kay, 2062-03-05)" in trends and "Check for a mistyped year" in trends
    assert "2062" not in "".join(t.text() for t in doc.by_id("trends").find_all("svg"))
    assert "1 far-off date set aside" in doc.by_id("overview").text()
    helper = doc.by_id("h-1").text()
    assert "Left out of the monthly trend and the strain signals: 1 response" in helper
    assert "2026-01 \u2013 2026-06" in helper  # the helper's months, without 2062
    methods = doc.by_id("methods").text()
    assert "more than 24 months from every other month" in methods and "vol-kay, 2062" in methods
    assert "Falling empathy" in doc.by_id("signals").text()
    assert len(page) < 1.1 * len(clean)  # was 3.3 times the size


def test_anonymize_names_the_stray_by_its_pseudonym() -> None:
    doc = _doc([*_falling(), _stray()], anonymize=True, key="k")
    trends = doc.by_id("trends").text()
    assert "vol-kay" not in trends and "(person-" in trends and "2062-03-05" in trends


def test_a_community_not_drawn_stretches_no_chart() -> None:
    """Was: a 9th community (not drawn; the charts show 8) with responses in 2019 made every
    drawn community's charts run from 2019."""
    records = []
    for c in range(8):
        records += _falling(f"vol-{c}", f"c{c}", 3, f"c{c}-")
    records += [
        result_record(f"t{i}", speaker="vol-old", community="tiny-9th", timestamp="2019-05-01")
        for i in range(2)
    ]
    doc = _doc(records)
    section = doc.by_id("trends")
    assert len(section.find_all("h3")) == 8 and "tiny-9th" not in section.text()
    labels = {t.text() for svg in section.find_all("svg") for t in svg.find_all("text")}
    assert "2026-01" in labels and not any(
        label.startswith("20") and label < "2026" for label in labels
    )
    assert not any(r.far_off for r in Insights.from_records(records).rows)  # real, not stray


def test_a_long_run_of_empty_months_is_one_row_of_figures() -> None:
    """Was: a table of figures listed every month of a long gap, one row each (1,440 rows
    for 2026..2145-like spans)."""
    months = charts.month_range(["2019-01", "2026-06"])
    stacks = {"2019-01": {"empathy": 2}, "2019-02": {"empathy": 1}, "2026-06": {"advice": 1}}
    stacks |= {"2019-04": {"empathy": 1}}  # a gap of one month stays a row
    table = parse(charts.column_figures(months, stacks, ["empathy", "advice"], label="x"))
    rows = [
        (r.find("th").text(), [td.text() for td in r.find_all("td")])
        for r in table.find("tbody").find_all("tr")
    ]
    assert rows == [
        ("2019-01", ["2", "100%", "0%"]),
        ("2019-02", ["1", "100%", "0%"]),
        ("2019-03", ["0", "\u2013", "\u2013"]),
        ("2019-04", ["1", "100%", "0%"]),
        ("2019-05 to 2026-05", ["no responses in these 85 months"]),
        ("2026-06", ["1", "0%", "100%"]),
    ]
    series = [("empathy", "#0072B2", {"2019-01": 1.0, "2026-06": 0.5})]
    lines = parse(
        charts.line_figures(months, series, counts={"2019-01": 2, "2026-06": 1}, label="y")
    )
    assert [r.find("th").text() for r in lines.find("tbody").find_all("tr")] == [
        "2019-01",
        "2019-02 to 2026-05",
        "2026-06",
    ]


def test_two_eras_draw_one_chart_with_the_gap_in_one_row() -> None:
    old = _falling(prefix="o")
    for r in old:
        r["timestamp"] = r["timestamp"].replace("2026", "2019")
    doc = _doc(old + _falling())
    figures = doc.by_id("trends").find("details", class_="figures")
    heads = [r.find("th").text() for r in figures.find("tbody").find_all("tr")]
    assert heads == [
        *(f"2019-{m:02d}" for m in range(1, 7)),
        "2019-07 to 2025-12",
        *(f"2026-{m:02d}" for m in range(1, 7)),
    ]


# ---------------------------------------------------------------- the other strain signals


def _with_own_distress(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` whose response expresses the helper's own distress."""
    return record | {"helper": {"distress": 4.4, "distress_high": True, "spans": []}}


def test_a_far_off_response_counts_in_no_strain_signal() -> None:
    """Was: 12 ordinary responses and two of the helper's own distress, one dated 2062,
    raised ``personal_distress`` ("2 responses express...", the 2062 one its evidence) while
    the same page said that response was left out of the strain signals."""
    records = [
        result_record(f"x{i}", speaker="vol-x", timestamp=f"2024-{i % 6 + 1:02d}-10T10:00:00Z")
        for i in range(12)
    ]
    records.append(_with_own_distress(result_record("xd0", speaker="vol-x")))
    records.append(_with_own_distress(result_record("xd1", speaker="vol-x", timestamp=STRAY)))
    insights = Insights.from_records(records)
    assert [r.response_id for r in insights.rows if r.far_off] == ["xd1"]
    assert insights.strain_signals() == [] and insights.strain().empty
    doc = parse(build_report(insights))
    assert "2 responses express" not in doc.text()
    assert "Helpers with each signal" not in doc.by_id("signals").text()
    # Dated in 2024 as the rest, both count: the signal is raised, with both as evidence.
    records[-1] = _with_own_distress(result_record("xd1", speaker="vol-x"))
    (signal,) = Insights.from_records(records).strain_signals()
    assert signal.signal == "personal_distress" and signal.evidence == ("xd0", "xd1")


def test_far_off_responses_count_in_no_self_focus_share() -> None:
    """Three far-off responses (2062), each turning to the helper's own story, made 3 of 33
    responses, over the 9% threshold; of the 30 others none does."""
    focus = {"advice": 0.1, "self_focus": 0.9}
    records = [result_record(f"f{i}", speaker="vol-f") for i in range(30)]
    records += [
        result_record(f"s{i}", speaker="vol-f", timestamp=STRAY, flags=focus) for i in range(3)
    ]
    thresholds = StrainThresholds(self_focus_share=0.09)
    insights = Insights.from_records(records, thresholds=thresholds)
    assert sum(r.far_off for r in insights.rows) == 3
    assert insights.strain_signals() == []  # was heavy_self_focus, 3 of 33 responses


def test_a_far_off_response_counts_in_no_community_share_of_the_load() -> None:
    """The load compares a helper's high-distress share with the community's: a far-off
    response at high distress (cleo's one, 2062) raised the community's share, so ana's
    5 of 10 no longer reached 1.5 times it (6/17 = 35%, not 5/16 = 31%)."""
    records = [result_record(f"a{i}", speaker="ana", distress=2 if i < 5 else 0) for i in range(10)]
    records += [result_record(f"b{i}", speaker="ben", distress=0) for i in range(6)]
    records.append(result_record("c0", speaker="cleo", distress=2, timestamp=STRAY))
    insights = Insights.from_records(records)
    assert [r.response_id for r in insights.rows if r.far_off] == ["c0"]
    (signal,) = insights.strain_signals()
    assert signal.signal == "high_distress_load" and signal.helper == "ana"
    assert signal.threshold == pytest.approx(1.5 * 5 / 16)
    assert "community 31%" in signal.detail
    doc = parse(build_report(insights))  # the report tallies its communities alike
    assert "community 31%" in doc.by_id("signals").text()
