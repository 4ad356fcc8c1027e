"""Tally: mergeable counts (property tests) and the metrics derived from them."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st
from insight_rows import response_rows

from carelens.insights import ResponseRow, Tally, merge_groups, tally_by
from carelens.insights.tally import LENGTH_MATCH_RANGE


def same(a: Tally, b: Tally) -> bool:
    """Equal tallies; the float sum may differ in its last bits with the order of addition."""
    return a.helper_distress_sum == pytest.approx(b.helper_distress_sum) and (
        a.__class__(**{**_fields(a), "helper_distress_sum": 0.0})
        == b.__class__(**{**_fields(b), "helper_distress_sum": 0.0})
    )


def _fields(t: Tally) -> dict[str, object]:
    return {name: getattr(t, name) for name in t.__dataclass_fields__}


@given(st.lists(response_rows(), max_size=40), st.randoms(use_true_random=False))
def test_tally_is_order_independent(rows: list[ResponseRow], rnd: object) -> None:
    shuffled = list(rows)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert same(Tally.over(rows), Tally.over(shuffled))


@given(st.lists(response_rows(), max_size=40), st.lists(st.integers(0, 40), max_size=4))
def test_shards_add_up_to_the_whole(rows: list[ResponseRow], cuts: list[int]) -> None:
    bounds = [0, *sorted(min(c, len(rows)) for c in cuts), len(rows)]
    shards = [rows[a:b] for a, b in pairwise(bounds)]
    assert same(sum((Tally.over(s) for s in shards), Tally()), Tally.over(rows))
    merged = merge_groups(tally_by(s, "helper") for s in shards)
    whole = tally_by(rows, "helper")
    assert merged.keys() == whole.keys()
    assert all(same(merged[k], whole[k]) for k in whole)


@given(st.lists(response_rows(), max_size=40))
def test_community_totals_equal_the_sum_over_helpers(rows: list[ResponseRow]) -> None:
    for community, total in tally_by(rows, "community").items():
        members = [r for r in rows if r.community == community]
        helpers = tally_by(members, "helper")
        assert same(sum(helpers.values(), Tally()), total)
        assert total.n == sum(t.n for t in helpers.values())


@given(st.lists(response_rows(), min_size=1, max_size=40))
def test_metrics_are_well_formed(rows: list[ResponseRow]) -> None:
    m = Tally.over(rows).metrics()
    assert m["responses"] == len(rows)
    shares = [v for k, v in m.items() if k.startswith("style_")]
    assert math.isclose(sum(v for v in shares if v is not None), 1.0)
    for key, value in m.items():
        if key.endswith("_share") or key.startswith(("style_", "present_")):
            assert value is None or 0.0 <= value <= 1.0, key
        if key.startswith("mean_") and key[5:] in _DIMS:
            assert value is not None and 0.0 <= value <= 2.0, key


_DIMS = ("empathy", "sympathy", "compassion", "dismissive", "reflection")


def row(**kwargs: object) -> ResponseRow:
    base: dict[str, object] = {
        "response_id": "r",
        "helper": "ana",
        "community": "grief",
        "style": "empathy",
        "levels": {"reflection": 0, "empathy": 1},
    }
    return ResponseRow(**(base | kwargs))  # type: ignore[arg-type]


def test_metrics_by_hand() -> None:
    rows = [
        row(
            levels={"reflection": 2, "empathy": 2}, questions=1, response_words=20, seeker_words=20
        ),
        row(
            levels={"reflection": 1, "empathy": 1}, questions=2, response_words=100, seeker_words=20
        ),
        row(
            style="sympathy",
            levels={"reflection": 0, "empathy": 0},
            questions=0,
            seeker_distress=2,
        ),
        row(
            style="dismissive",
            seeker_distress=0,
            self_focus=True,
            helper_distress=5.0,
            unsafe_reply=True,
        ),
    ]
    m = Tally.over(rows).metrics()
    assert m["style_empathy"] == 0.5 and m["style_sympathy"] == 0.25
    assert m["present_empathy"] == 0.75 and m["present_reflection"] == 0.5
    assert m["reflections"] == 2 and m["questions"] == 3
    assert m["reflections_per_question"] == pytest.approx(2 / 3)
    assert m["complex_reflection_share"] == 0.5
    assert m["mean_response_words"] == 60 and m["mean_seeker_words"] == 20
    assert m["length_matched_share"] == 0.5  # 100 words against 20 is past twice the length
    assert m["high_distress_answered"] == 1 and m["high_distress_share"] == 0.5
    assert m["self_focus_share"] == 0.25 and m["mean_helper_distress"] == 5.0
    assert m["unsafe_replies"] == 1
    assert m["mean_empathy"] == pytest.approx((2 + 1 + 0 + 1) / 4)


def test_reflections_per_question_counts_only_responses_with_text() -> None:
    # --no-text results mixed with others: their reflections have no questions beside them,
    # and counting them made the ratio 4 / 2 here.
    with_text = row(levels={"reflection": 1}, questions=2, response_words=9, seeker_words=9)
    no_text = [row(levels={"reflection": 1}) for _ in range(3)]
    m = Tally.over([with_text, *no_text]).metrics()
    assert m["reflections"] == 4 and m["questions"] == 2
    assert m["reflections_per_question"] == 0.5
    assert Tally.over(no_text).metrics()["reflections"] == 3
    # Added up from parts, as community totals are.
    assert (Tally.of(with_text) + Tally.over(no_text)).metrics() == m


def test_questions_are_unknown_without_texts() -> None:
    m = Tally.over([row(levels={"reflection": 1}), row()]).metrics()
    assert m["questions"] is None and m["reflections_per_question"] is None
    assert m["reflections"] == 1
    asked_none = Tally.of(row(questions=0, response_words=3, seeker_words=3)).metrics()
    assert asked_none["questions"] == 0 and asked_none["reflections_per_question"] is None


def test_empty_tally_has_no_rates() -> None:
    m = Tally().metrics()
    assert m["responses"] == 0
    assert m["style_empathy"] is None and m["reflections_per_question"] is None


def test_length_matching_bounds_are_inclusive() -> None:
    low, high = LENGTH_MATCH_RANGE
    rows = [
        row(response_words=int(10 * low), seeker_words=10),
        row(response_words=int(10 * high), seeker_words=10),
        row(response_words=int(10 * high) + 1, seeker_words=10),
    ]
    assert Tally.over(rows).length_matched == 2


def test_adding_something_else_is_refused() -> None:
    with pytest.raises(TypeError):
        Tally() + 1  # type: ignore[operator]
