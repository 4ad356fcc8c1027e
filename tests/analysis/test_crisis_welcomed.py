"""Crisis cues of a death welcomed or owned as settled (:mod:`carelens.analysis.crisis_welcomed`):
a fatal risk not minded or let come, harm hoped for, relief at a danger to health, a day hoped
not to be reached, a death decided; and the everyday wishes, good news and absences that stay no
cue. Every cue case was missed before these patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "if my flight crashed on the way to the conference i really wouldn't mind",
        "i wouldn't fight it if something bad happened to me on the way home",
        "if the flu took me out this year i'd be fine with that tbh",
        "i ride without a helmet now. if i crash, i crash",
        "stopped taking my insulin last week. if it happens, it happens",
        "i keep praying i get something incurable so nobody blames me",
        "some nights i hope something terrible happens to me on the walk back",
        "the scan showed a mass that could be malignant and honestly i felt relieved",
        "i really hope i don't make it to my birthday next month",
        "wish i won't live to see christmas, honestly",
        "i've accepted that i won't be around by the end of the year",
        "made peace with not being here for my 30th",
    ],
)
def test_death_welcomed_or_settled_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "if the flight is delayed i honestly wouldn't mind, more time in the lounge",
        "if it rains, it rains. we're doing the barbecue anyway",
        "if i fail, i fail. at least i tried the exam",
        "i hope i don't get cancer like my dad did",
        "i just want something good to happen to me for once",
        "the lump turned out to be benign and i felt such relief",
        "i felt relieved when the exam was over",
        "i hope i don't make it to work tomorrow, snow day please",
        "he won't be alive by christmas, the cancer has spread",
        "the doctors say i won't be alive by spring, so i'm making memories with my kids",
        "i won't be here for the trip, we're moving to spain in may",
    ],
)
def test_everyday_wishes_news_and_absences_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


def test_a_snowball_not_minded_is_no_cue() -> None:
    assert (
        crisis_cues("if it snows tomorrow i wouldn't mind if i got hit by a snowball or two") == ()
    )


@pytest.mark.parametrize(
    "text",
    [
        "honestly hoping the scan shows it's cancer",
        "part of me is praying the biopsy comes back malignant",
        "i kind of hope this lump turns out to be something serious",
        "i hope i never make it home from this trip, not gonna lie",
        "part of me hopes i just don't come back from the walk tomorrow",
        "it wouldn't be so bad if i had a stroke tonight",
        "it wouldn't be the worst thing if i had a heart attack in my sleep",
        "honestly it'd be a relief if i just dropped dead",
        "if my heart just stopped tonight i wouldn't be sad",
        "gutted i woke up again this morning",
        "when the car spun on the motorway my only thought was finally",
        "the bus skidded and my first thought was 'finally'",
        "i was sad when the plane didn't go down",
        "i don't plan to be around by christmas",
        "i don't intend to be here by spring",
    ],
)
def test_a_death_welcomed_in_new_words_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "hoping the scan shows nothing serious",
        "i hope it isn't cancer, my mum had it",
        "got my scan tomorrow, hope it's not serious",
        "i hope my dad's lump is nothing serious",
        "i hope the relationship is serious this time",
        "i hope i never make it home late again, my dad was furious",
        "i hope i don't come back with a sunburn",
        "hoping i don't survive another boring lecture lol",
        "it wouldn't be so bad if the train was late tomorrow",
        "it wouldn't be the worst thing if the flight got cancelled",
        "it'd be a relief if i passed the exam",
        "if my laptop died i wouldn't be sad about it, it's ancient",
        "if the server crashed i wouldn't be sad about it",
        "disappointed i survived the exam week",
        "when my exam results came my only thought was finally",
        "i don't plan to be around by christmas, we're moving to leeds in november",
    ],
)
def test_everyday_hopes_and_reliefs_stay_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()
