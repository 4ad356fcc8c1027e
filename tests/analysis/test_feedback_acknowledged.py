"""Words that acknowledge the seeker, as the feedback credits them
(:mod:`carelens.analysis.feedback_acknowledged`)."""

from __future__ import annotations

import pytest

from carelens.analysis.feedback_acknowledged import acknowledgement


@pytest.mark.parametrize(
    ("response", "kind", "words"),
    [
        ("Missing him and being relieved aren't a contradiction.", "validation", "Missing him"),
        ("Grief and gratitude can both be true.", "validation", "Grief and gratitude"),
        ("Losing your temper once doesn't make you a bad parent.", "validation", "Losing"),
        ("It's not weakness - it's exhaustion.", "validation", "It's not weakness"),
        ("You didn't do anything wrong by asking.", "validation", "You didn't do"),
        ("Anyone caring for a newborn alone would feel wrung out.", "validation", "Anyone"),
        ("Months of that would wear anyone down.", "validation", "Months of that"),
        ("That makes complete sense.", "validation", "That makes complete sense"),
        (
            "Honestly, not silly at all. Lots of people keep the voicemails.",
            "validation",
            "Honestly",
        ),
        ("There isn't a deadline for missing someone.", "validation", "There isn't"),
        ("One bad week doesn't undo your progress.", "validation", "One bad week"),
        ("I wonder if what stings is feeling replaced.", "reflection", "I wonder if"),
        ("Part of what hurts might be how fast it happened.", "reflection", "Part of what"),
        ("He's fine, but I understand why it scared you.", "reflection", "He's fine, but I"),
        ("You were looking forward to that trip for months.", "reflection", "You were looking"),
    ],
)
def test_acknowledgement_is_found(response: str, kind: str, words: str) -> None:
    found = acknowledgement(response)
    assert found is not None, response
    assert found[0] == kind
    assert response[found[1][0] : found[1][1]].startswith(words)


@pytest.mark.parametrize(
    "response",
    [
        "It makes sense to call your doctor first.",
        "That doesn't make sense, you knew the rules.",
        "Anyone would be lucky to have you.",
        "I get that you're upset, but it's been a year.",
        "Just go to bed earlier.",
        "Why would anyone feel bad about that?",
        "I don't wonder if it hurts.",
    ],
)
def test_no_acknowledgement_in_other_words(response: str) -> None:
    assert acknowledgement(response) is None
