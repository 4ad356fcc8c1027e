"""Crisis cues of another person at risk now (:mod:`carelens.analysis.crisis_others_now`): a
means or a goodbye sent, "won't be around" beside a means, last words, a height, a threat,
letters written or found; and a veiled farewell said to someone; with the trips, hunting
photos, cover letters and moves that stay no cue. Every cue case was missed before these
patterns (several are labelled crises of the review set)."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_feedback import crisis_sentence
from carelens.analysis.crisis_others_now import NOT_MUCH_LONGER, THEY_NOW
from carelens.analysis.crisis_patterns import THIRD_PARTY


def cue_words(text: str) -> list[str]:
    """The words of each cue the patterns find in ``text``."""
    return [span.text_in(text) for span in crisis_cues(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("he sent me a photo of pills and the word goodbye", "he sent me a photo of pills"),
        (
            "my best friend texted me a pic of a rope and said 'tonight'. she wont answer",
            "best friend texted me a pic of a rope",
        ),
        (
            "he bought a gun last week and he said he won't be around for christmas",
            "he said he won't be around for",
        ),
        (
            "she posted she's standing on a bridge and this is her last message",
            "this is her last message",
        ),
        (
            "he's written his letters and he'll be done after the weekend",
            "he'll be done after the weekend",
        ),
        (
            "my girlfriend just sent me a voice note saying goodbye and that she loves me. "
            "she's not answering and she has pills",
            "girlfriend just sent me a voice note saying goodbye",
        ),
        (
            "my brother keeps talking about jumping off the golden gate. he looked up how tall",
            "brother keeps talking about jumping off",
        ),
        (
            "my dad keeps saying he'll blow his brains out if he loses the farm",
            "keeps saying he'll blow his brains out",
        ),
        (
            "my mum said she's going to drive her car into the river. she took the keys and left",
            "she's going to drive her car into the river",
        ),
        (
            "found a goodbye letter in my daughters backpack. it says shes sorry",
            "found a goodbye letter",
        ),
    ],
)
def test_another_at_risk_now_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "my friend told me 'you won't have to deal with me much longer'",
            "you won't have to deal with me much longer",
        ),
        ("don't worry, nobody will have to worry about me after tonight", "have to worry about me"),
        ("you guys won't have to put up with me for much longer", "won't have to put up with me"),
    ],
)
def test_a_veiled_farewell_said_to_someone_is_a_cue(text: str, words: str) -> None:
    assert any(words in found for found in cue_words(text))


@pytest.mark.parametrize(
    "text",
    [
        "my friend won't be around for christmas, she's flying to her parents",
        "he said he won't be around for christmas because he's working a double shift",
        "my friend said he won't be around much longer, his cancer is back",
        "my dad sent me a photo of his new rifle for hunting season",
        "he sent me a photo of the pills the doctor gave him",
        "she sent me a message saying goodbye before her flight to sydney",
        "she's standing on the bridge taking photos of the sunset",
        "the roofer says he's up on the roof fixing the gutters",
        "my son keeps talking about jumping off the high dive at the pool",
        "found my grandpa's old goodbye letter to grandma from the war",
        "she's written her cover letters and she'll be done by friday",
        "i'm moving out next week, you won't have to deal with me anymore haha",
        "you won't have to deal with me much longer, i'm almost done with my thesis",
        "he sent me a photo of the bridge we walked across in paris",
        "she sent me a message saying bye, she's off to bed",
        "he won't be around for the meeting, he's on holiday",
        "this is her last post before her exams",
        "he's up on the roof cleaning the gutters again",
        "my brother talks about jumping off the pier into the sea every summer",
        "he'll blow his savings on a car",
        "found an old goodbye note from my ex in a book",
        "you won't have to see me for a while, i'm moving to berlin",
    ],
)
def test_everyday_absences_photos_and_letters_are_no_cue(text: str) -> None:
    assert cue_words(text) == []


def test_another_at_risk_is_a_third_party_and_a_farewell_said_is_not() -> None:
    """Another's risk is the third party's (not the writer's own beside a telling); "you won't
    have to deal with me" is whoever says it."""
    assert set(THEY_NOW) <= set(THIRD_PARTY)
    assert not set(NOT_MUCH_LONGER) & set(THIRD_PARTY)


@pytest.mark.parametrize(
    "text",
    [
        "he sent me a photo of pills and the word goodbye",
        "my best friend texted me a pic of a rope and said 'tonight'. she wont answer",
        "my girlfriend just sent me a voice note saying goodbye. she's not answering",
        "my brother keeps talking about jumping off the golden gate",
        "he bought a gun last week and he said he won't be around for christmas",
    ],
)
def test_the_crisis_feedback_reads_another_at_risk_as_theirs(text: str) -> None:
    """The cue opens with the one at risk ("he", "best friend" after "my"), so the feedback
    asks about that person, not whether the seeker thinks of harming themselves."""
    sentence = crisis_sentence(text, crisis_cues(text), "That sounds really hard.")
    assert "about someone at risk" in sentence


@pytest.mark.parametrize(
    "text",
    [
        "my friend gave me her guitar and said she won't need it. now she's not picking up",
    ],
)
def test_things_handed_over_with_no_more_need_are_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "my brother gave me his old bike and said he won't need it at uni",
    ],
)
def test_things_handed_over_for_uni_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()
