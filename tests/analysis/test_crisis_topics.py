"""The bare crisis words as a topic or a story's (:mod:`carelens.analysis.crisis_topics`): a field
of work or of figures named ("suicide prevention", "self harm awareness", "suicide rates") and
a story's word are no cue; a helpline, a watch, a loss, an attempt and a topic beside a wish now
keep their cues."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_topics import as_a_topic


@pytest.mark.parametrize(
    "text",
    [
        "i'm volunteering for a suicide prevention charity run next month",
        "our school has a self harm awareness week and i'm on the poster committee",
        "just read the new statistics on suicide rates among men, so sad",
        "my company is paying for suicide first aid training for all managers",
        "the series handled the character's self-harm storyline with real care",
    ],
)
def test_a_bare_word_as_a_topic_or_a_storys_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "i called the suicide hotline last night",
        "suicide prevention week is a joke, i want to die anyway",
        "i'm on suicide watch at the hospital",
        "my dad died by suicide last spring",
        "i keep thinking about my suicide attempt",
        "they sent me to a suicide prevention team after i tried again",
        "i've been suicidal since the show ended",
    ],
)
def test_a_bare_word_not_a_topic_stays_a_cue(text: str) -> None:
    assert crisis_cues(text)


def test_the_topic_is_read_right_after_the_word() -> None:
    text = "suicide prevention matters"
    assert as_a_topic(text, 0, len("suicide"))
    assert not as_a_topic("suicide is on my mind", 0, len("suicide"))


@pytest.mark.parametrize(
    "text",
    [
        "the way that film dealt with the protagonist's suicide felt respectful to me",
        "in my fic the villain attempts suicide in chapter 9, is that ok for a teen rating",
    ],
)
def test_a_story_persons_bare_word_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "the protagonist's suicide felt so real, i relate to her so much",
        "the main character's suicide made me want to do it too",
        "my character's suicidal thoughts are basically mine in real life",
        "the character's suicide was beautiful, i want that for myself",
    ],
)
def test_a_story_persons_word_the_writer_is_drawn_to_stays_a_cue(text: str) -> None:
    assert crisis_cues(text)
