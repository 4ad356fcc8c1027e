"""Words of a reply that validate the seeker's feeling (:func:`validation`): "You have every
right to be angry", "Anyone would feel hurt after that", "It's okay to feel this way"; not
their denials, reports, nor the same frames said of something else."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.reply_validation import validation, validations


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


# --- session 33, a second review: normal, not weird, taking their side --------------------


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (
            "It's not weird at all, grief like this is completely normal.",
            "It's not weird at all, grief like this is completely normal",
        ),
        ("That's completely normal.", "That's completely normal"),
        ("Totally normal, you're not weird.", "Totally normal, you're not weird"),
        (
            "You're not crazy, a lot of people feel this way.",
            "You're not crazy, a lot of people feel this way",
        ),
        ("You're not overreacting at all.", "You're not overreacting at all"),
        ("It's not stupid to want that.", "It's not stupid to want that"),
        (
            "Nobody gets to tell you you're too sensitive.",
            "Nobody gets to tell you you're too sensitive",
        ),
        ("Don't let anyone say you're overreacting.", "Don't let anyone say you're overreacting"),
        ("There's no deadline on grief.", "There's no deadline on grief"),
        (
            "There's no 'get over it already' deadline on grief.",
            "There's no 'get over it already' deadline on grief",
        ),
        ('There is no such thing as "just a dog".', 'There is no such thing as "just a dog"'),
        ("There's no right way to grieve.", "There's no right way to grieve"),
    ],
)
def test_normal_feelings_and_their_side_are_validation(response: str, words: str) -> None:
    found = validation(response)
    assert found is not None
    assert response[found[0] : found[1]] == words


@pytest.mark.parametrize(
    "response",
    [
        "That's normal for toddlers.",
        "It's not weird that he left.",
        "There is no time limit and it depends on you.",
        "There is no way I could do that.",
        "Is that normal?",
        "You're not wrong about that.",
        "Don't let them walk all over you.",
        "I don't think it's normal to feel this way.",
    ],
)
def test_normal_of_something_else_and_denials_are_no_validation(response: str) -> None:
    assert validation(response) is None


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # feelings of being passed over, as a reply validates them
        (
            "No wonder you feel overlooked. Six years and they pass you by.",
            "No wonder you feel overlooked",
        ),
        ("Of course you feel ignored and dismissed.", "Of course you feel ignored and dismissed"),
        ("Anyone would be shaken after that.", "Anyone would be shaken after that"),
        # what it is doing to them, said to make sense
        (
            "It makes sense it's getting to you, night shifts wreck anyone's sleep.",
            "It makes sense it's getting to you",
        ),
        ("No wonder it's hitting you so hard.", "No wonder it's hitting you so hard"),
        ("Of course you're struggling.", "Of course you're struggling"),
        (
            "Most people in your spot would feel the same.",
            "Most people in your spot would feel the same",
        ),
        ("I'd feel the same way.", "I'd feel the same way"),
        # what they feel or do, said to be common
        (
            "Crying at his song eight months on is incredibly common. Grief has no schedule.",
            "Crying at his song eight months on is incredibly common",
        ),
        (
            "Feeling numb after a loss is really normal.",
            "Feeling numb after a loss is really normal",
        ),
        ("That's incredibly common after a loss.", "That's incredibly common after a loss"),
        (
            "Wanting to quit is pretty normal in your first year.",
            "Wanting to quit is pretty normal in your first year",
        ),
    ],
)
def test_being_passed_over_and_common_feelings_are_validation(response: str, words: str) -> None:
    found = validation(response)
    assert found is not None
    assert response[found[0] : found[1]] == words


@pytest.mark.parametrize(
    "response",
    [
        "Cheating is really common, just move on.",
        "What he did is not normal at all.",
        "It is not normal.",
        "It makes sense to call your doctor.",
        "You're used to it by now.",
        "Is it getting to you?",
    ],
)
def test_other_things_common_and_questions_are_no_validation(response: str) -> None:
    assert validation(response) is None


def test_neighbouring_validations_make_one_and_others_stay_apart() -> None:
    response = "You have every right to be angry. Then again, anyone would be hurt after that."
    assert [response[s:e] for s, e in validations(response)] == [
        "You have every right to be angry",
        "anyone would be hurt after that",
    ]
