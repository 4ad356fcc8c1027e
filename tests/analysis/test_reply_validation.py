"""Words of a reply that validate the seeker's feeling (:func:`validation`): "You have every
right to be angry", "Anyone would feel hurt after that", "It's okay to feel this way"; not
their denials, reports, nor the same frames said of something else."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.reply_validation import validation


def validating_in(response: str) -> str | None:
    found = validation(response)
    return response[found[0] : found[1]] if found is not None else None


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("You have every right to be angry.", "You have every right to be angry"),
        ("Anyone would feel hurt after that.", "Anyone would feel hurt after that"),
        ("It makes sense you're exhausted.", "It makes sense you're exhausted"),
        ("It makes sense that you feel this way.", "It makes sense that you feel this way"),
        ("No wonder you're so tired.", "No wonder you're so tired"),
        ("Of course you're upset!", "Of course you're upset"),
        ("It's okay to feel this way.", "It's okay to feel this way"),
        ("Your feelings are valid.", "Your feelings are valid"),
        (
            "What you're feeling is completely understandable.",
            "What you're feeling is completely understandable",
        ),
        ("That's a completely normal reaction.", "That's a completely normal reaction"),
        ("I'd be furious too.", "I'd be furious too"),
        ("You're allowed to be sad about it.", "You're allowed to be sad about it"),
        ("Anyone in your position would be upset", "Anyone in your position would be upset"),
        ("You have every right to be angry, but talk to her.", "You have every right to be angry"),
    ],
)
def test_validation_is_found_to_its_clause_end(response: str, words: str) -> None:
    assert validating_in(response) == words


@pytest.mark.parametrize(
    "response",
    [
        # denied, negated, reported
        "You have no right to be angry.",
        "It's not okay to feel this way.",
        "I don't think you have every right to be angry.",
        "People say it's normal to feel that way, but it isn't.",
        # the same frames said of something else
        "It makes sense to call your doctor.",
        "Anyone would be lucky to have you.",
        "I'd be happy to help.",
        "It's okay to ask for help.",
        "No wonder you failed.",
        "Of course you did.",
    ],
)
def test_denials_reports_and_other_things_are_no_validation(response: str) -> None:
    assert validation(response) is None


@given(st.text(max_size=200))
def test_found_words_lie_inside_the_reply(response: str) -> None:
    found = validation(response)
    if found is not None:
        assert 0 <= found[0] < found[1] <= len(response)
