"""The tidy tables of :class:`Insights`: the same columns whatever the rows, so that a CSV
file of each (``carelens summarize --tables``) always has its header and reads back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from carelens.insights import Insights
from carelens.insights.rows import ResponseRow


def _tables(insights: Insights) -> dict[str, pd.DataFrame]:
    return {
        "helpers": insights.helpers(),
        "communities": insights.communities(),
        "monthly_helpers": insights.monthly("helper"),
        "monthly_communities": insights.monthly("community"),
    }


def test_no_rows_and_no_dates_keep_every_column(sample_insights: Insights, tmp_path: Path) -> None:
    # Was: no columns at all for monthly() (a 1-byte CSV that pandas cannot read), and only
    # two for helpers() and communities().
    full = sample_insights
    undated = Insights([replace(r, timestamp=None) for r in full.rows])
    expected = {name: list(frame.columns) for name, frame in _tables(full).items()}
    for insights in (Insights([]), undated):
        for name, frame in _tables(insights).items():
            assert list(frame.columns) == expected[name], name
            path = tmp_path / f"{name}.csv"
            frame.to_csv(path, index=False)
            assert list(pd.read_csv(path).columns) == expected[name], name
    assert undated.monthly("helper").empty and len(undated.helpers()) == len(full.helpers())


def test_questions_are_whole_numbers_or_unknown(
    make_sample_insights: Callable[..., Insights],
) -> None:
    with_text = make_sample_insights()
    no_text = make_sample_insights(texts=False, id_prefix="n", rename={"alice": "nora"})
    mixed = Insights([*with_text.rows, *no_text.rows])
    helpers = mixed.helpers().set_index("helper")["questions"]
    assert str(helpers.dtype) == "Int64"  # never 3.0 beside an unknown
    assert pd.isna(helpers["nora"]) and helpers["alice"] >= 0


def test_tables_are_kept_but_callers_get_copies(sample_insights: Insights) -> None:
    insights = Insights(sample_insights.rows)  # its own: the fixture is shared
    helpers = insights.helpers()
    helpers.loc[0, "responses"] = -1  # a caller's change stays with the caller
    assert insights.helpers().loc[0, "responses"] != -1
    signals = insights.strain_signals()
    signals.clear()
    assert insights.strain_signals()
    # Rows changed after all: the tables are made again.
    insights.rows = insights.rows[:1]
    assert insights.helpers()["responses"].sum() == 1


def test_mean_helper_distress_is_rounded_like_the_scores_it_averages() -> None:
    # Was: 3.2542999999999997 in monthly_helpers.csv, the float sum of 3.383 and 3.1256.
    april = datetime(2024, 4, 2, tzinfo=UTC)
    rows = [
        ResponseRow(
            response_id=str(i),
            helper="ana",
            community="peer-support",
            style="sympathy",
            levels={},
            timestamp=april,
            helper_distress=score,
        )
        for i, score in enumerate([3.383, 3.1256])
    ]
    insights = Insights(rows)
    for frame in (insights.helpers(), insights.communities(), insights.monthly("helper")):
        assert frame["mean_helper_distress"].tolist() == [3.2543]
    # No score at all: still unknown, not an error.
    unscored = Insights([replace(r, helper_distress=None) for r in rows])
    assert pd.isna(unscored.helpers()["mean_helper_distress"][0])
