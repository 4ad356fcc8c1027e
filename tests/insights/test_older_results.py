"""Results of an older carelens (only the EPITOME three dimensions, no unsafe-wording check)
in the insights: what they lack is unknown, left out of means and counts, never a measured
0; and results of the current carelens give the same tables as before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from insight_rows import record

from carelens.insights import Insights, row_from_record
from carelens.output import read_results
from carelens.taxonomy import RESPONSE_DIMENSIONS

EPITOME = ("emotional_reaction", "interpretation", "exploration")
NEWER = tuple(d for d in RESPONSE_DIMENSIONS if d not in EPITOME)


def old_record(rid: str, **kwargs: Any) -> dict[str, Any]:
    """A record of an older carelens: the EPITOME three only, no ``empathy``, no ``unsafe``."""
    out = record(rid, levels={"interpretation": 1}, **kwargs)
    for name in (*NEWER, "empathy"):
        out.pop(name, None)
    out.pop("unsafe", None)
    return out


def new_record(rid: str, **kwargs: Any) -> dict[str, Any]:
    levels = {"sympathy": 2, "dismissive": 1, "reflection": 1, "interpretation": 1}
    return record(rid, levels=levels, unsafe=[], **kwargs)


def test_missing_dimensions_and_check_are_unknown_not_zero() -> None:
    row = row_from_record(old_record("a"))
    assert set(row.levels) == {*EPITOME, "empathy"} and row.levels["empathy"] == 1
    assert row.unsafe_reply is None
    # Was: every missing dimension level 0 and unsafe_reply False.
    m = Insights([row]).helpers().iloc[0]
    for d in NEWER:
        assert pd.isna(m[f"mean_{d}"]) and pd.isna(m[f"present_{d}"]), d
    assert m["mean_interpretation"] == 1 and m["mean_empathy"] == 1
    assert pd.isna(m["reflections_per_question"]) and pd.isna(m["reflections"])
    assert pd.isna(m["unsafe_replies"])  # was 0: "0 responses have unsafe wording"


def test_older_results_are_left_out_of_the_means_of_a_community() -> None:
    rows = [old_record(f"o{i}") for i in range(3)] + [new_record(f"n{i}") for i in range(2)]
    insights = Insights.from_records(rows)
    community = insights.communities().iloc[0]
    assert community["responses"] == 5
    # Only the two newer responses have these: their means, not diluted by three zeros.
    assert community["mean_sympathy"] == 2 and community["mean_dismissive"] == 1
    assert community["present_reflection"] == 1 and community["reflections"] == 2
    # Questions are counted in every text, the ratio only beside a reflection level.
    assert community["questions"] == 5
    assert community["reflections_per_question"] == 1.0  # 2 reflections, 2 questions
    assert community["unsafe_replies"] == 0  # of the two checked
    assert community["mean_interpretation"] == 1  # all five have it
    assert insights.unmeasured() == dict.fromkeys([*NEWER, "unsafe"], 3)
    assert Insights.from_records(rows[3:]).unmeasured() == {}


def test_responses_table_leaves_unknown_levels_empty(tmp_path: Path) -> None:
    insights = Insights.from_records([old_record("o"), new_record("n")])
    path = tmp_path / "responses.csv"
    insights.responses().to_csv(path, index=False)
    back = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(back["sympathy"]) == ["", "2"] and list(back["interpretation"]) == ["1", "1"]
    assert list(back["unsafe_reply"]) == ["", "False"]


def test_slopes_are_weighted_by_the_responses_with_the_dimension() -> None:
    # Three months of sympathy 2 from the newer carelens, with older results beside them:
    # the sympathy trend is flat (was pulled down to 0 by the older responses' "zeros").
    rows = []
    for month, olds in ((1, 0), (2, 3), (3, 6)):
        stamp = f"2024-{month:02d}-05T10:00:00Z"
        rows.append(new_record(f"n{month}", timestamp=stamp))
        rows += [old_record(f"o{month}-{i}", timestamp=stamp) for i in range(olds)]
    helper = Insights.from_records(rows).helpers().iloc[0]
    assert helper["mean_sympathy_slope"] == 0.0


def _current_records() -> Iterator[dict[str, Any]]:
    for i in range(12):
        yield record(
            f"r{i}",
            speaker=("ana", "ben", "cleo")[i % 3],
            timestamp=f"2024-{1 + i % 4:02d}-05T10:00:00Z",
            levels={d: (i + k) % 3 for k, d in enumerate(RESPONSE_DIMENSIONS)},
            unsafe=[] if i % 5 else [{"start": 0, "end": 2, "label": "urging"}],
            response="It sounds lonely. What happened?" if i % 2 else None,
        )


@pytest.mark.parametrize("by", ["helper", "community"])
def test_current_results_have_the_same_tables(by: str) -> None:
    # Every response has every dimension and the check: means over "known" are over all.
    insights = Insights.from_records(list(_current_records()))
    groups = insights.helpers() if by == "helper" else insights.communities()
    assert groups["unsafe_replies"].dtype == "Int64" and not groups.isna()["unsafe_replies"].any()
    for d in RESPONSE_DIMENSIONS:
        assert not groups[f"mean_{d}"].isna().any()
    responses = insights.responses()
    assert str(responses["unsafe_reply"].dtype) == "bool"
    assert responses[list(RESPONSE_DIMENSIONS)].notna().all().all()
    assert insights.unmeasured() == {}


def test_an_old_csv_without_unsafe_columns_is_not_checked(tmp_path: Path) -> None:
    # A CSV result file of an older carelens: the EPITOME three, no unsafe_reply column.
    columns = ["seeker_id", "response_id", "speaker", "style", "response_text"]
    cells = ["s1", "r1", "ana", "empathy", "So hard. What helps?"]
    for d in EPITOME:
        columns += [f"{d}_level", *(f"{d}_p{k}" for k in range(3)), f"{d}_spans"]
        cells += ["1", "0.2", "0.5", "0.3", "[]"]
    path = tmp_path / "old.csv"
    path.write_text(f"{','.join(columns)}\n{','.join(cells)}\n", encoding="utf-8")
    insights = Insights.from_records(read_results(path), checked=True)
    assert insights.rows[0].unsafe_reply is None
    assert pd.isna(insights.helpers().iloc[0]["unsafe_replies"])  # was 0
    assert insights.unmeasured() == dict.fromkeys([*NEWER, "unsafe"], 1)
