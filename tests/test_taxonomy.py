"""The codebook's derived scores: the style headline and the derived empathy dimension."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.taxonomy import (
    EMPATHY_PARTS,
    RESPONSE_DIMENSIONS,
    RESPONSE_FLAGS,
    STYLES,
    derive_empathy,
    headline_style,
)
from carelens.types import N_LEVELS, DimensionScore, Span


def dim(level: int, probabilities: tuple[float, ...] | None = None, *spans: Span) -> DimensionScore:
    if probabilities is None:
        probabilities = tuple(0.8 if k == level else 0.1 for k in range(N_LEVELS))
    return DimensionScore(level, probabilities, spans)


def levels(**named: int) -> dict[str, DimensionScore]:
    return {name: dim(level) for name, level in named.items()}


def test_constants() -> None:
    assert set(EMPATHY_PARTS) <= set(RESPONSE_DIMENSIONS)
    assert STYLES == ("dismissive", "compassion", "empathy", "sympathy", "advice", "other")
    assert RESPONSE_FLAGS == ("advice", "self_focus")


# --- headline_style ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("named", "flags", "style"),
    [
        # dismissive wins over everything
        (
            {"dismissive": 1, "compassion": 2, "reflection": 2, "sympathy": 2},
            {"advice": 1.0},
            "dismissive",
        ),
        ({"dismissive": 2}, None, "dismissive"),
        # compassion needs empathy
        ({"compassion": 1, "interpretation": 1}, None, "compassion"),
        ({"compassion": 2, "exploration": 1, "sympathy": 2}, None, "compassion"),
        ({"compassion": 1, "reflection": 2}, {"advice": 0.9}, "compassion"),
        # empathy: any of its parts
        ({"interpretation": 1}, None, "empathy"),
        ({"exploration": 2}, None, "empathy"),
        ({"reflection": 1, "sympathy": 2, "emotional_reaction": 2}, None, "empathy"),
        ({"reflection": 1}, {"advice": 1.0}, "empathy"),
        # sympathy: sympathy or emotional reaction without empathy
        ({"sympathy": 1}, None, "sympathy"),
        ({"emotional_reaction": 2}, None, "sympathy"),
        ({"sympathy": 1}, {"advice": 1.0}, "sympathy"),
        # compassion without empathy is a suggestion (advice), unless sympathetic
        ({"compassion": 1}, None, "advice"),
        ({"compassion": 2, "sympathy": 1}, None, "sympathy"),
        ({"compassion": 1, "emotional_reaction": 1}, None, "sympathy"),
        # the advice flag
        ({}, {"advice": 0.5}, "advice"),
        ({}, {"advice": 0.49}, "other"),
        ({}, {"self_focus": 1.0}, "other"),
        # other
        ({}, None, "other"),
        ({name: 0 for name in RESPONSE_DIMENSIONS}, {"advice": 0.0}, "other"),
    ],
)
def test_headline_style_follows_the_codebook_order(
    named: dict[str, int], flags: dict[str, float] | None, style: str
) -> None:
    assert headline_style(levels(**named), flags) == style


def test_missing_dimensions_count_as_zero() -> None:
    # A model with only the EPITOME three.
    assert headline_style(levels(emotional_reaction=1, interpretation=0, exploration=0)) == (
        "sympathy"
    )
    assert headline_style(levels(emotional_reaction=0, interpretation=0, exploration=0)) == (
        "other"
    )
    assert headline_style(levels(emotional_reaction=2, interpretation=0, exploration=1)) == (
        "empathy"
    )


@given(
    st.dictionaries(st.sampled_from(RESPONSE_DIMENSIONS), st.integers(0, 2)),
    st.dictionaries(st.sampled_from(RESPONSE_FLAGS), st.floats(0, 1)),
)
def test_headline_style_is_always_one_of_the_styles(
    named: dict[str, int], flags: dict[str, float]
) -> None:
    style = headline_style(levels(**named), flags)
    assert style in STYLES
    empathy = max((named.get(p, 0) for p in EMPATHY_PARTS), default=0)
    if named.get("dismissive", 0) >= 1:
        assert style == "dismissive"
    elif empathy >= 1:
        assert style in ("compassion", "empathy")
        assert (style == "compassion") == (named.get("compassion", 0) >= 1)
    else:
        assert style in ("sympathy", "advice", "other")


# --- derive_empathy ------------------------------------------------------------------------


def test_derive_empathy_none_without_parts() -> None:
    assert derive_empathy({}) is None
    assert derive_empathy(levels(sympathy=2, emotional_reaction=1, compassion=1)) is None


def test_derive_empathy_of_one_part_is_that_part() -> None:
    span = Span(3, 9, "reflection", 0.7)
    empathy = derive_empathy({"reflection": dim(1, (0.2, 0.5, 0.3), span), "sympathy": dim(2)})
    assert empathy is not None
    assert empathy.level == 1
    assert empathy.probabilities == pytest.approx((0.2, 0.5, 0.3))
    assert empathy.spans == (span,)


def test_derive_empathy_probabilities_are_the_deciding_parts() -> None:
    # The strongest level is 1 (exploration); of the parts at level 1 the surest decides.
    empathy = derive_empathy(
        {
            "interpretation": dim(1, (0.3, 0.45, 0.25)),
            "exploration": dim(1, (0.2, 0.6, 0.2)),
            "reflection": dim(0, (0.9, 0.1, 0.0)),
        }
    )
    assert empathy is not None
    assert empathy.level == 1
    assert empathy.probabilities == pytest.approx((0.2, 0.6, 0.2))
    # Every part at level 0: the one closest to showing decides, and level 0 stays the most
    # probable (the former product of the parts gave "none" with 0.53 on level 1).
    empathy = derive_empathy(
        {
            "interpretation": dim(0, (0.5, 0.3, 0.2)),
            "exploration": dim(0, (0.6, 0.4, 0.0)),
            "reflection": dim(0, (0.9, 0.1, 0.0)),
        }
    )
    assert empathy is not None
    assert empathy.level == 0
    assert empathy.probabilities == pytest.approx((0.5, 0.3, 0.2))


def test_derive_empathy_level_is_the_strongest_part() -> None:
    empathy = derive_empathy(levels(interpretation=0, exploration=2, reflection=1))
    assert empathy is not None
    assert empathy.level == 2
    empathy = derive_empathy(levels(interpretation=1))
    assert empathy is not None
    assert empathy.level == 1


def test_derive_empathy_spans_are_all_parts_spans_sorted() -> None:
    a = Span(20, 30, "interpretation", 0.9)
    b = Span(0, 5, "exploration", 0.8)
    c = Span(0, 3, "reflection", 0.5)
    d = Span(10, 12, "reflection", 0.6)
    empathy = derive_empathy(
        {
            "interpretation": dim(1, None, a),
            "exploration": dim(2, None, b),
            "reflection": dim(1, None, d, c),
            "sympathy": dim(1, None, Span(40, 50, "sympathy", 0.9)),
        }
    )
    assert empathy is not None
    assert empathy.spans == (c, b, d, a)


distributions = (
    st.tuples(*[st.integers(0, 1000)] * N_LEVELS)
    .filter(lambda t: sum(t) > 0)
    .map(lambda t: tuple(x / sum(t) for x in t))
)


@given(
    st.lists(st.sampled_from(EMPATHY_PARTS), min_size=1, max_size=3, unique=True),
    st.lists(distributions, min_size=3, max_size=3),
)
def test_derive_empathy_level_is_always_its_most_probable(
    names: list[str], probabilities: list[tuple[float, ...]]
) -> None:
    # As the model gives them: each part's level is its most probable one.
    dimensions = {
        name: dim(int(max(range(N_LEVELS), key=lambda k: p[k])), p)
        for name, p in zip(names, probabilities[: len(names)], strict=True)
    }
    empathy = derive_empathy(dimensions)
    assert empathy is not None
    assert empathy.level == max(d.level for d in dimensions.values())
    assert empathy.probabilities in [d.probabilities for d in dimensions.values()]
    assert empathy.probabilities[empathy.level] == max(empathy.probabilities)
