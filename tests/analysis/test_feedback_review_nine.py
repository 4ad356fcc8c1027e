"""Feedback on a sixth review's findings (session 36): blame inside warm or long replies,
questions that blame, and the helper's own story set against the seeker's. The review found
a reply praised as empathy or compassion where one sentence in it laid the fault on the
seeker ("you kind of earned the suspicion", "maybe you missed the signs"), questions that
blame ("Didn't you read the requirements before you applied?") credited as inviting them to
say more, and one-upping ("Back pain is nothing, I've had three spinal surgeries") headlined
empathy while the feedback called it minimising. The analyses are built by hand; the rules,
the derived empathy and the style run as in the analyzer."""

from __future__ import annotations

import pytest
from feedback_reviews import Review

MINIMISING = "may come across as minimising"
ONE_UPPING = "Telling your own story this way"


@pytest.mark.parametrize(
    ("seeker", "response", "words"),
    [
        (
            "My wife still checks my phone even though I've been sober six months.",
            "Six months is huge, well done. It sounds like the checking hits hard because you're"
            " working so hard to be someone new. To be fair you kind of earned the suspicion, so"
            " I'd just take it. Have you two talked about rebuilding trust?",
            "you kind of earned the suspicion",
        ),
        (
            "He left me for someone he met at the gym. Seven years together.",
            "I'm so sorry. Seven years and then that, it's a huge loss and a betrayal at once."
            " Tbh men like that have usually checked out long before, so maybe you missed the"
            " signs. What's helping you get through the evenings?",
            "you missed the signs",
        ),
        (
            "My visa application was refused because one document was missing.",
            "Didn't you read the requirements before you applied? Isn't that the whole point?",
            "Didn't you read the requirements before you applied?",
        ),
    ],
)
def test_blame_in_a_warm_or_questioning_reply_is_named(
    seeker: str, response: str, words: str, review_reply: Review
) -> None:
    levels = {"interpretation": 2, "exploration": 2, "sympathy": 1, "compassion": 1}
    feedback, style, _ = review_reply(seeker, response, levels)
    assert style == "dismissive"
    assert MINIMISING in feedback[0] and words in feedback[0]


def test_a_story_set_against_theirs_is_dismissive_and_said_so(review_reply: Review) -> None:
    feedback, style, ruled = review_reply(
        "My back has been bad for six weeks, I can barely sit at my desk.",
        "Back pain is nothing, I've had three spinal surgeries and I still go in every day.",
        {"interpretation": 1},
    )
    assert style == "dismissive"
    assert ruled["dismissive"].level == 1
    assert feedback[0].startswith(ONE_UPPING)


def test_a_minimising_phrase_beside_a_story_keeps_its_own_sentence(review_reply: Review) -> None:
    # "it's not a big deal" is the codebook's minimising, whatever story stands beside it
    feedback, style, _ = review_reply(
        "I feel so alone in my first year at uni.",
        "Aw that's tough. I felt the same in first year, so I wouldn't read into it, it's not a"
        " big deal.",
        {"sympathy": 1},
    )
    assert style == "dismissive"
    assert MINIMISING in feedback[0] and not feedback[0].startswith(ONE_UPPING)


def test_a_kind_story_that_comes_back_to_them_stays_understanding(review_reply: Review) -> None:
    feedback, style, _ = review_reply(
        "My back has been bad for six weeks, I can barely sit at my desk.",
        "I had a bad back for months last year, so I know a little of how draining it is. How"
        " are you managing at work?",
        {"interpretation": 1, "exploration": 2},
    )
    assert style != "dismissive"
    assert MINIMISING not in " ".join(feedback)
