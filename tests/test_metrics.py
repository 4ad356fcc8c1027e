"""Evaluation metrics on hand-computed cases."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray

from carelens.metrics import (
    accuracy,
    char_mask_to_word_labels,
    cohen_kappa,
    iou_f1,
    macro_f1,
    macro_f1_interval,
    match_rationales,
    rationale_char_mask,
    rationale_scores,
    spans_to_char_mask,
    token_f1,
    word_offsets,
)


def labels(bits: str) -> NDArray[np.bool_]:
    """``"0110"`` -> a word-label array."""
    return np.array([b == "1" for b in bits], dtype=bool)


def marked(text: str, mask: NDArray[np.bool_]) -> str:
    return "".join(c for c, on in zip(text, mask, strict=True) if on)


# --- accuracy and macro-F1 ----------------------------------------------------------------


def test_accuracy() -> None:
    assert accuracy([0, 1, 2, 2], [0, 1, 1, 2]) == 0.75
    with pytest.raises(ValueError, match="differ in length"):
        accuracy([0, 1], [0])


def test_macro_f1_perfect_and_hand_computed() -> None:
    assert macro_f1([0, 1, 2], [0, 1, 2]) == 1.0
    # gold 0 0 1 1 2 2, pred 0 1 1 1 2 0:
    # class 0: tp1 fp1 fn1 -> 2/4 = 0.5; class 1: tp2 fp1 fn0 -> 4/5 = 0.8;
    # class 2: tp1 fp0 fn1 -> 2/3
    expected = (0.5 + 0.8 + 2 / 3) / 3
    assert macro_f1([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 2, 0]) == pytest.approx(expected)


def test_macro_f1_counts_an_absent_class_as_zero() -> None:
    # class 2 is in neither gold nor pred: its F1 is 0, pulling the mean down to 2/3.
    assert macro_f1([0, 1, 0, 1], [0, 1, 0, 1]) == pytest.approx(2 / 3)
    assert macro_f1([0, 1, 0, 1], [0, 1, 0, 1], labels=(0, 1)) == 1.0


def test_macro_f1_length_mismatch() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        macro_f1([0], [0, 1])


def test_macro_f1_interval_of_perfect_predictions_is_a_point() -> None:
    assert macro_f1_interval([0, 1, 2] * 10, [0, 1, 2] * 10) == (1.0, 1.0)


def test_macro_f1_interval_matches_macro_f1_of_each_draw() -> None:
    # One draw of the items, recomputed with macro_f1: the vectorised counts agree.
    gold = [0, 0, 1, 1, 2, 2, 0, 1]
    pred = [0, 1, 1, 1, 2, 0, 0, 2]
    draws = np.random.default_rng(7).integers(0, len(gold), size=(1, len(gold)))
    one = macro_f1([gold[i] for i in draws[0]], [pred[i] for i in draws[0]])
    assert macro_f1_interval(gold, pred, rounds=1, seed=7) == pytest.approx((one, one))


def test_macro_f1_interval_holds_the_estimate_and_narrows_with_more_items() -> None:
    rng = np.random.default_rng(0)
    gold = rng.integers(0, 3, 2000)
    pred = np.where(rng.random(2000) < 0.7, gold, rng.integers(0, 3, 2000))
    few = macro_f1_interval(list(gold[:100]), list(pred[:100]))
    many = macro_f1_interval(list(gold), list(pred))
    assert few[0] < macro_f1(list(gold[:100]), list(pred[:100])) < few[1]
    assert many[0] < macro_f1(list(gold), list(pred)) < many[1]
    assert many[1] - many[0] < (few[1] - few[0]) / 2
    assert macro_f1_interval(list(gold[:100]), list(pred[:100])) == few  # seeded


def test_level_metrics_of_nothing_are_an_error_not_a_zero() -> None:
    from carelens.metrics import expected_calibration_error

    # A 0.0 over no items would read as a measured (and terrible) score.
    for metric in (accuracy, macro_f1, macro_f1_interval, expected_calibration_error):
        with pytest.raises(ValueError, match="no items to score"):
            metric([], [])
    # One item is enough: the figures are defined.
    assert accuracy([1], [1]) == 1.0
    assert macro_f1([1], [1], labels=(1,)) == 1.0
    assert macro_f1_interval([1], [1], labels=(1,)) == (1.0, 1.0)
    assert expected_calibration_error([1], [(0.0, 1.0, 0.0)]) == 0.0


def test_macro_f1_interval_errors() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        macro_f1_interval([0], [0, 1])
    with pytest.raises(ValueError, match="level"):
        macro_f1_interval([0], [0], level=1.0)
    with pytest.raises(ValueError, match="rounds"):
        macro_f1_interval([0], [0], rounds=0)


# --- rationale masks ---------------------------------------------------------------------------


def test_word_offsets_split_words_and_punctuation() -> None:
    text = "I'm sorry, Sam."
    assert [text[s:e] for s, e in word_offsets(text)] == ["I", "'", "m", "sorry", ",", "Sam", "."]


def test_rationale_char_mask_with_several_parts() -> None:
    response = "I'm so sorry. That must be hard. Do you want to talk about it?"
    mask = rationale_char_mask(response, "so sorry| Do you want to talk about it?")
    assert marked(response, mask) == "so sorryDo you want to talk about it?"
    assert mask.dtype == bool
    assert mask.shape == (len(response),)


def test_rationale_char_mask_ignores_parts_not_found_and_empty_parts() -> None:
    response = "Sending hugs. Stay strong."
    mask = rationale_char_mask(response, "not in the text||  |Stay strong")
    assert marked(response, mask) == "Stay strong"
    assert not rationale_char_mask(response, "").any()
    assert not rationale_char_mask(response, "nothing here").any()


def test_match_rationales_counts_the_parts_not_found() -> None:
    response = "Sending hugs. Stay strong."
    found = match_rationales(response, "not in the text||  |Stay strong|stay STRONG")
    assert (found.parts, found.not_found) == (3, 2)  # empty parts are no parts; case matters
    assert marked(response, found.mask) == "Stay strong"
    assert (found.mask == rationale_char_mask(response, "Stay strong")).all()
    assert match_rationales(response, "")[1:] == (0, 0)


def test_rationale_char_mask_searches_after_the_previous_part() -> None:
    response = "you matter. Really, you matter."
    # The second "you matter" is located after the first part, not at its first occurrence.
    mask = rationale_char_mask(response, "Really|you matter")
    assert marked(response, mask) == "Reallyyou matter"
    assert mask[20:30].all()
    assert not mask[:11].any()


def test_rationale_char_mask_falls_back_to_the_first_occurrence() -> None:
    response = "How are you? Tell me more."
    mask = rationale_char_mask(response, "Tell me|How are you")  # out of order
    assert marked(response, mask) == "How are youTell me"


def test_char_mask_to_word_labels_marks_partly_covered_words() -> None:
    text = "so very sad"
    mask = np.zeros(len(text), dtype=bool)
    mask[4] = True  # the "v" of "very"
    assert char_mask_to_word_labels(text, mask).tolist() == [False, True, False]


def test_spans_to_char_mask_clips_to_the_text() -> None:
    mask = spans_to_char_mask(5, [(-3, 1), (3, 99)])
    assert mask.tolist() == [True, False, False, True, True]
    # a span wholly before the text covers nothing (a negative end is no slice from the end)
    assert not spans_to_char_mask(100, [(-10, -2)]).any()


# --- token-F1 and IOU-F1 -----------------------------------------------------------------------


def test_token_f1_hand_cases() -> None:
    assert token_f1(labels("0110"), labels("0110")) == 1.0
    # tp 1, fp 1, fn 1 -> 2/4
    assert token_f1(labels("0110"), labels("0011")) == 0.5
    assert token_f1(labels("1100"), labels("0011")) == 0.0
    assert token_f1(labels("1111"), labels("0000")) == 0.0
    # tp 2, fp 0, fn 2 -> 4/6
    assert token_f1(labels("1111"), labels("0110")) == pytest.approx(2 / 3)


def test_iou_f1_matches_at_exactly_half() -> None:
    # gold span {0,1}, predicted {1}: IOU = 1/2, which counts as a match.
    assert iou_f1(labels("1100"), labels("0100")) == 1.0
    # gold {0,1,2}, predicted {2}: IOU = 1/3, no match.
    assert iou_f1(labels("1110"), labels("0010")) == 0.0
    # gold {0,1,2,3}, predicted {1,2}: IOU = 2/4.
    assert iou_f1(labels("11110"), labels("01100")) == 1.0


def test_iou_f1_partial_matches() -> None:
    # gold spans {0,1} and {4,5}; predicted {0,1} (match) and {7} (no match):
    # precision 1/2, recall 1/2 -> F1 1/2.
    assert iou_f1(labels("11001100"), labels("11000001")) == 0.5
    # gold {0,1} and {4,5}; predicted only {4,5}: precision 1, recall 1/2 -> 2/3.
    assert iou_f1(labels("110011"), labels("000011")) == pytest.approx(2 / 3)


def test_iou_f1_empty_sides_score_zero() -> None:
    assert iou_f1(labels("0000"), labels("0110")) == 0.0
    assert iou_f1(labels("0110"), labels("0000")) == 0.0


def test_iou_threshold_is_a_parameter() -> None:
    assert iou_f1(labels("1110"), labels("0010"), threshold=0.3) == 1.0


def test_rationale_scores_skips_responses_without_gold() -> None:
    gold = [labels("0110"), labels("0000"), labels("1100")]
    pred = [labels("0110"), labels("1111"), labels("0011")]
    tok, iou, n = rationale_scores(gold, pred)
    assert n == 2  # the second response has no gold rationale, so its false alarms are not scored
    assert tok == pytest.approx((1.0 + 0.0) / 2)
    assert iou == pytest.approx((1.0 + 0.0) / 2)


def test_rationale_scores_with_no_gold_at_all() -> None:
    assert rationale_scores([labels("00")], [labels("11")]) == (0.0, 0.0, 0)
    assert rationale_scores([], []) == (0.0, 0.0, 0)


def test_rationale_scores_needs_equal_lengths() -> None:
    with pytest.raises(ValueError):
        rationale_scores([labels("1")], [])


def test_end_to_end_from_text_to_scores() -> None:
    response = "I'm sorry you're going through this. What happened with your mom?"
    gold = char_mask_to_word_labels(response, rationale_char_mask(response, "What happened"))
    pred_chars = spans_to_char_mask(len(response), [(37, len(response))])
    pred = char_mask_to_word_labels(response, pred_chars)
    # gold: 2 words; pred: "What happened with your mom ?" = 6 tokens, IOU 2/6 < 0.5.
    tok, iou, n = rationale_scores([gold], [pred])
    assert n == 1
    assert tok == pytest.approx(2 * 2 / (2 * 2 + 4 + 0))
    assert iou == 0.0


def test_expected_calibration_error_hand_cases() -> None:
    from carelens.metrics import expected_calibration_error

    # Perfectly confident and right: no gap.
    assert expected_calibration_error([0, 1], [(1.0, 0.0, 0.0), (0.0, 1.0, 0.0)]) == 0.0
    # Confidence 0.9 in one bin, half right: gap 0.4.
    probs = [(0.9, 0.05, 0.05), (0.9, 0.05, 0.05)]
    assert expected_calibration_error([0, 1], probs) == pytest.approx(0.4)
    # Two bins: (0.6 conf, right) and (0.8 conf, wrong) -> (0.4 + 0.8) / 2.
    probs = [(0.6, 0.4, 0.0), (0.8, 0.2, 0.0)]
    assert expected_calibration_error([0, 1], probs) == pytest.approx(0.6)
    with pytest.raises(ValueError):
        expected_calibration_error([0], [])


# --- Cohen's kappa -------------------------------------------------------------------------


def test_cohen_kappa_hand_computed() -> None:
    # Observed agreement 4/6; chance (3*2 + 2*3 + 1*1) / 36 = 13/36; kappa = 11/23.
    first, second = [0, 1, 2, 1, 0, 0], [0, 1, 1, 1, 0, 2]
    assert cohen_kappa(first, second) == pytest.approx(11 / 23)
    assert cohen_kappa(first, second) == pytest.approx(0.47826, abs=1e-5)
    assert cohen_kappa(second, first) == pytest.approx(11 / 23)


def test_cohen_kappa_linear_weights_hand_computed() -> None:
    # Weights |i - j| / 2. Observed: (2 vs 1) weighs 0.5, (0 vs 2) weighs 1 -> 1.5 / 6.
    # Chance: marginals (3, 2, 1)/6 and (2, 3, 1)/6 -> 14/36. kappa = 1 - (1/4) / (14/36) = 5/14.
    first, second = [0, 1, 2, 1, 0, 0], [0, 1, 1, 1, 0, 2]
    assert cohen_kappa(first, second, weights="linear") == pytest.approx(5 / 14)


def test_cohen_kappa_linear_weights_give_partial_credit_for_near_misses() -> None:
    gold = [0, 1, 2, 0, 1, 2]
    near = [1, 1, 2, 0, 1, 1]  # off by one
    far = [2, 1, 2, 0, 1, 0]  # off by two
    assert cohen_kappa(gold, near) == pytest.approx(cohen_kappa(gold, far))
    assert cohen_kappa(gold, near, weights="linear") > cohen_kappa(gold, far, weights="linear")


def test_cohen_kappa_with_two_labels_linear_equals_unweighted() -> None:
    first, second = [0, 1, 1, 0, 1], [0, 1, 0, 0, 1]
    assert cohen_kappa(first, second, weights="linear") == pytest.approx(cohen_kappa(first, second))


def test_cohen_kappa_perfect_agreement() -> None:
    assert cohen_kappa([0, 1, 2, 2, 1], [0, 1, 2, 2, 1]) == 1.0
    assert cohen_kappa([0, 1, 2, 2, 1], [0, 1, 2, 2, 1], weights="linear") == 1.0
    # One and the same label throughout: nothing to correct for chance.
    assert cohen_kappa([1, 1, 1], [1, 1, 1]) == 1.0
    assert cohen_kappa([1, 1, 1], [1, 1, 1], weights="linear") == 1.0


def test_cohen_kappa_systematic_disagreement_is_negative() -> None:
    assert cohen_kappa([0, 1], [1, 0]) == pytest.approx(-1.0)
    assert cohen_kappa([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(0.0)


def test_cohen_kappa_errors() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        cohen_kappa([0, 1], [0])
    with pytest.raises(ValueError, match="no items"):
        cohen_kappa([], [])
    with pytest.raises(ValueError, match="weights"):
        cohen_kappa([0, 1], [0, 1], weights="quadratic")
