"""The wording of feedback sentences (:mod:`carelens.analysis.feedback_sentences`)."""

from __future__ import annotations

from feedback_builders import analysis, at, dim

from carelens.analysis.feedback_sentences import (
    dismissive_sentence,
    next_step,
    one_upping_sentence,
    own_story_sentence,
    span_text,
    sympathy_sentence,
)


def test_span_text_quotes_the_best_span_and_nothing_at_level_0() -> None:
    response = "That sounds exhausting. Have you slept at all this week?"
    assert span_text(dim(1, at(response, "That sounds exhausting")), response) == (
        "That sounds exhausting"
    )
    assert span_text(dim(0, at(response, "That sounds exhausting")), response) is None
    assert span_text(None, response) is None


def test_next_step_says_what_the_reply_asked() -> None:
    assert next_step("no").startswith("; a question about how they feel now")
    assert next_step("asked").startswith(" and asked them a question")
    assert next_step("scored").startswith(" and your question invites them")


def test_dismissive_sentence_quotes_the_judging_words_first() -> None:
    response = "Honestly, get over it."
    made = analysis({"dismissive": dim(1, at(response, "Honestly"))})
    assert dismissive_sentence(made, response, at(response, "get over it")).startswith(
        '"get over it" may come across'
    )
    assert dismissive_sentence(made, response, None).startswith('"Honestly" may come across')
    assert dismissive_sentence(analysis({}), response, None).startswith("Parts of your reply")


def test_sympathy_sentence_credits_validation_and_offers_unused_feelings() -> None:
    response = "You have every right to be angry."
    sentence = sympathy_sentence(
        response, ["angry", "hurt"], None, low_distress=False, validated=(0, 32)
    )
    assert sentence == (
        'You validated what they feel ("You have every right to be angry"); try naming what '
        'they may feel underneath — they may be feeling what they called "hurt".'
    )
    assert sympathy_sentence("Congrats!", [], None, low_distress=True, validated=None) == (
        "You responded warmly; try naming what they may feel underneath."
    )


def test_own_story_sentence_credits_what_else_the_reply_does() -> None:
    story = "I lost my mum in 2020."
    told = f'You related it to your own experience ("{story}")'
    assert own_story_sentence(story, "It sounds like you're exhausted", None, "scored", False) == (
        f'{told}, then put theirs into words ("It sounds like you\'re exhausted") and asked '
        "them about it; keep your story short so the focus stays on them, and give them room "
        "to answer."
    )
    assert own_story_sentence(story, "It sounds like you're exhausted", None, "no", False) == (
        f'{told}, then put theirs into words ("It sounds like you\'re exhausted"); keep your '
        "story short so the focus stays on them, and ask how they feel now."
    )
    assert own_story_sentence(story, None, None, "asked", False) == (
        f"{told} and your question invites them to say more; say what you think it is like "
        "for them too, and give them room to answer."
    )
    assert own_story_sentence(story, None, "You're not alone", "no", False) == (
        f'{told} and reassured them ("You\'re not alone"); say what you think it is like for '
        "them, and ask how they feel now."
    )
    assert own_story_sentence(story, None, None, "no", True) == (
        f"{told} and moved to advice; say what you think it is like for them before "
        "suggesting what worked for you."
    )
    assert own_story_sentence(story, None, None, "no", False) == (
        f"{told}; say what you think it is like for them, and ask how they feel now."
    )


def test_one_upping_sentence_quotes_the_words_as_minimising() -> None:
    assert one_upping_sentence("That's nothing, my nan forgot us all") == (
        'Telling your own story this way ("That\'s nothing, my nan forgot us all") may come '
        "across as minimising what they shared; acknowledge how hard it is for them before "
        "telling yours."
    )
