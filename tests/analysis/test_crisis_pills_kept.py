"""Crisis cues of medicine weighed as a means (:mod:`carelens.analysis.crisis_pills_kept`):
which pills would be enough, taken unnoticed, held while deciding, put aside; and the doses,
trips, sorting and safe keeping that stay no cue. Every cue case was missed before these
patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "I've been working out which meds in the cupboard would be enough",
        "what of my painkillers would actually be enough, i wonder",
        "when i could take the pills without anyone noticing",
        "i could take them all without my husband knowing, the tablets are in the drawer",
        "last night I sat with a bag of pills in my hand for an hour, trying to decide",
        "sat holding a bottle of tablets for hours last night",
        "I've been putting aside my sleeping tablets in a jar",
        "i've been stashing my painkillers in my drawer",
    ],
)
def test_medicine_weighed_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "which of my meds would be enough for the weekend away",
        "what painkillers would be enough to ease a migraine?",
        "putting aside my tablets for the trip",
        "keeping my pills locked away from the kids",
        "sat with a bag of pills sorting them for my mum",
        "how can i take my adhd tablets without anyone noticing? i'm embarrassed",
    ],
)
def test_everyday_handling_of_medicine_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()
