"""Crisis cues of a burden lifted by the writer's death (:mod:`carelens.analysis.crisis_burden`):
others freed if the writer were gone, the writer out of the equation, no longer a problem after
tonight; and the days off, deliveries, promotions and new jobs that stay no cue. Every cue case
was missed before these patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "my parents would save so much money if i stopped existing",
        "his life would be easier if i wasn't in the picture anymore",
        "honestly it would be kinder to everyone if i went first",
        "everyone would be happier if i'm not here",
        "removing myself from their lives is the kindest thing, i'm nothing but a cost to them",
        "i won't be a burden much longer",
        "dont worry, i wont be a problem for anyone after tonight",
        "after tonight they won't have to look after me",
    ],
)
def test_a_burden_lifted_by_the_writers_death_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "it would be easier if i am not here on monday for the inspection",
        "it'd be easier if i was here for the delivery",
        "i'm taking myself out of the running for the promotion",
        "don't worry mum, i won't be a burden much longer, i got the job!",
        "if i disappeared for a weekend would anyone notice lol",
    ],
)
def test_everyday_absences_and_reliefs_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


def test_gone_for_good_is_no_while() -> None:
    assert crisis_cues("they'd all be better off if i disappeared for good")
    assert crisis_cues("everyone would be happier if i was gone forever")
