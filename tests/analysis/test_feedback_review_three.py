"""Feedback on remarks of sympathy and on judging replies (a review's findings): a remark on
what the seeker told ("That's so discouraging.", "How heartbreaking.") was praised as putting
their experience into words, said to be minimising, or said not to respond, where it is
sympathy (A); replies that judge or blame them ("you have no right to be upset about that",
"you shouldn't feel that way") got the sympathy sentence or "does not yet respond", where
they are dismissive (B). The analyses are built by hand with the levels the shipped model
gives these pairs (no model)."""

from __future__ import annotations

import pytest
from feedback_builders import analysis, at, dim

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.feedback import feedback_for
from carelens.analysis.rules import apply_rules
from carelens.types import DimensionScore, ResponseAnalysis, SeekerSignals

SYMPATHY = "You shared their sorrow; try naming what they may feel underneath"
NO_RESPONSE = "Your reply does not yet respond to what they shared"
DISMISSIVE = (
    " may come across as minimising or judging what they shared; acknowledge how hard it is "
    "for them before offering another view."
)
SELF_FOCUS = "Much of the reply is about your own experience; bring it back to theirs."
DRIVING = "I failed my driving test for the third time"
DOG = "My dog died this morning"


def whole(response: str, level: int = 1) -> DimensionScore:
    """A score at ``level`` over the whole reply."""
    return dim(level, (0, len(response)))


# --- A: a remark of sympathy is sympathy --------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "dimension", "level", "distress"),
    [
        # scored as an interpretation: was "You put their experience into words", or, with
        # this much distress, "You showed you understood"
        (DRIVING, "How heartbreaking.", "interpretation", 1, 1),
        (DOG, "How heartbreaking.", "interpretation", 1, 2),
        ("My best friend stopped talking to me", "How awful.", "interpretation", 2, 1),
        ("I'm being evicted next week", "How terrifying.", "interpretation", 1, 1),
        ("I lost the baby", "What a heartbreaking thing to go through.", "exploration", 1, 2),
        # scored dismissive: was '"How sad." may come across as minimising'
        (DOG, "How sad.", "dismissive", 2, 2),
        (DOG, "How terrible.", "dismissive", 2, 2),
        # scored nothing: was "does not yet respond"
        ("I lost the baby", "Omg how awful", None, 0, 2),
        ("my boyfriend cheated on me", "That's so discouraging.", None, 0, 1),
        ("I didn't get into college", "What a devastating thing to happen.", None, 0, 1),
        ("My mom has cancer", "I'm so sad to hear that.", None, 0, 2),
        ("My car got stolen", "Ugh, that sucks.", None, 0, 1),
    ],
)
def test_a_remark_on_what_they_told_is_sympathy(
    seeker: str, response: str, dimension: str | None, level: int, distress: int
) -> None:
    dimensions = {dimension: whole(response, level)} if dimension else {}
    (sentence,) = feedback_for(analysis(dimensions, distress=distress), seeker, response)
    assert sentence.startswith(SYMPATHY)


def test_a_remark_is_read_as_i_m_so_sorry_is() -> None:
    # the same sentence as for "I'm so sorry." scored as sympathy
    sorry = feedback_for(analysis({"sympathy": dim(1)}), DRIVING, "I'm so sorry.")
    remark = "That's so discouraging."
    assert feedback_for(analysis({"interpretation": whole(remark)}), DRIVING, remark) == sorry
    assert feedback_for(analysis({}), DRIVING, remark) == sorry


def test_a_remark_offers_the_seekers_other_feelings() -> None:
    seeker = "I feel so discouraged and anxious about my job search"
    (sentence,) = feedback_for(analysis({}), seeker, "That's so discouraging.")
    assert sentence.startswith(SYMPATHY + ' — they may be feeling what they called "anxious"')


def test_a_remark_the_model_scored_beside_a_question_leaves_the_question() -> None:
    response = "How heartbreaking. What was she like?"
    dimensions = {
        "interpretation": dim(1, at(response, "How heartbreaking.")),
        "exploration": dim(1, at(response, "What was she like?")),
    }
    (sentence,) = feedback_for(analysis(dimensions), "My grandma died", response)
    # the question is scored, and no reflection (was: "You put their experience into words")
    assert sentence.startswith("Your question invites them to say more; pairing it with")


def test_a_reply_of_remarks_alone_is_not_said_to_be_about_the_helper() -> None:
    response = "How awful."
    scored = analysis({"interpretation": whole(response)}, flags={"self_focus": 0.6})
    (sentence,) = feedback_for(scored, DOG, response)
    assert sentence.startswith(SYMPATHY)
    # a reply with more in it still gets the sentence
    other = "How awful. My week was bad too."
    scored = analysis({"sympathy": dim(1)}, flags={"self_focus": 0.6})
    assert feedback_for(scored, DOG, other)[-1] == SELF_FOCUS


@pytest.mark.parametrize(
    ("response", "dimensions", "start"),
    [
        # a feeling given to them later in the clause is named, not a remark
        ("How heartbreaking that must be.", {}, "You named what they may feel"),
        # the model's dismissal of a reply with more in it than remarks stands
        (
            "How sad. Maybe adopt a new puppy?",
            {"dismissive": dim(2, (0, 8))},
            '"How sad." may come across',
        ),
        # a remark beside a reflection the model scored: the reflection decides
        (
            "How awful. It sounds like you really miss her.",
            {"reflection": dim(1, (11, 46))},
            "You put their experience into words",
        ),
        # judging words are no remark
        ("How pathetic.", {"interpretation": whole("How pathetic.")}, "You put their"),
        ("That's so sad lol", {}, NO_RESPONSE),
    ],
)
def test_other_replies_keep_their_feedback(
    response: str, dimensions: dict[str, DimensionScore], start: str
) -> None:
    assert feedback_for(analysis(dimensions), DOG, response)[0].startswith(start)


# --- B: a judging reply is dismissive -----------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "sympathy", "quoted"),
    [
        (
            "I'm angry at my sister for skipping mom's funeral",
            "you have no right to be upset about that",
            2,
            "you have no right to be upset about that",
        ),
        (
            "I'm angry at my sister for skipping mom's funeral",
            "you shouldn't feel that way",
            0,
            "you shouldn't feel that way",
        ),
        (
            "I'm sad my team lost the final",
            "You have no right to be sad, millions have it worse.",
            1,
            "You have no right to be sad",
        ),
        (
            "I'm jealous of my brother's success",
            "you shouldn't feel like that, be happy for him",
            1,
            "you shouldn't feel like that",
        ),
        ("Nobody at work talks to me", "Maybe the problem is you.", 1, "the problem is you"),
        ("I can't stop crying", "You're the problem, not her.", 1, "You're the problem"),
        ("I'm so lonely.", "you're lonely because you push everyone away", 1, None),
    ],
)
def test_a_judging_reply_is_said_to_judge(
    seeker: str, response: str, sympathy: int, quoted: str | None
) -> None:
    dimensions = {"sympathy": dim(sympathy)} if sympathy else {}
    (sentence,) = feedback_for(analysis(dimensions), seeker, response)
    assert sentence == f'"{quoted or response}"' + DISMISSIVE


def test_the_rule_quotes_no_right_to_be_upset_as_the_model_would() -> None:
    seeker, response = "I'm angry at my sister", "Honestly you have no right to be upset."
    dims = apply_rules({"dismissive": dim(0), "sympathy": dim(2)}, response, unsafe=())
    assert dims["dismissive"].level == 1
    (sentence,) = feedback_for(analysis(dims), seeker, response)
    assert sentence == '"you have no right to be upset"' + DISMISSIVE


def test_you_brought_this_on_yourself_is_dismissive_by_the_rule() -> None:
    seeker = "I maxed out my credit cards and now I can't pay rent"
    response = "honestly you brought this on yourself"
    dims = apply_rules({"dismissive": dim(0)}, response, unsafe=())
    (sentence,) = feedback_for(analysis(dims), seeker, response)
    assert sentence == '"you brought this on yourself"' + DISMISSIVE


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        ("I feel so guilty that I wasn't there", "You shouldn't feel guilty, it's not your fault."),
        (
            "I feel like it's my fault my parents split up",
            "You shouldn't feel that way, it's not your fault at all.",
        ),
        ("My coworker yelled at me", "He had no right to talk to you like that."),
        (
            "I'm angry at my sister",
            "Anyone telling you that you have no right to be angry is wrong.",
        ),
        ("I'm so mad at my dad", "Don't let anyone tell you that you have no right to be mad."),
        ("I feel so lazy", "You're not lazy, you're just exhausted."),
    ],
)
def test_comfort_and_reported_judgment_are_not_called_judging(seeker: str, response: str) -> None:
    (sentence,) = feedback_for(analysis({"sympathy": dim(1)}), seeker, response)
    assert "minimising or judging" not in sentence


def test_a_denied_blame_lets_the_named_feeling_count() -> None:
    seeker = "My dad says it's my fault mom left"
    response = "I don't think it's your fault at all. You must feel so guilty."
    (sentence,) = feedback_for(analysis({"sympathy": dim(1)}), seeker, response)
    assert sentence.startswith('You named what they may feel ("You must feel so guilty")')


def test_a_judging_reply_to_a_crisis_gets_both_sentences() -> None:
    seeker = "I lost my dad to suicide last year."
    response = "You have no right to be this upset."
    cues = crisis_cues(seeker)
    assert cues
    scored = ResponseAnalysis(
        dimensions={"sympathy": dim(1)},
        model_id="test",
        seeker=SeekerSignals(distress=dim(2), crisis_cues=cues),
    )
    crisis, dismissive = feedback_for(scored, seeker, response)
    assert crisis.startswith("They wrote")
    assert dismissive == '"You have no right to be this upset"' + DISMISSIVE


# --- a second review: remarks beside blame, invitations, their past, sarcasm -------------


@pytest.mark.parametrize(
    ("seeker", "response", "dimensions", "quoted"),
    [
        # plain blame and traits (F8): was "does not yet respond" or sympathy
        ("I hate my job, it's killing me, 60 hours a week", "you chose this", {}, None),
        (
            "honestly im so done with my family",
            "sounds like a you problem tbh",
            {"sympathy": dim(1)},
            "a you problem tbh",
        ),
        (
            "I lost my wallet and I'm freaking out",
            "you're so careless, that's the third time this year",
            {"sympathy": dim(1)},
            "you're so careless",
        ),
        # feelings held against them (F4)
        (
            "i feel so jealous of my friends' relationships",
            "you're just bitter because you're single",
            {},
            None,
        ),
        (
            "i'm pissed my boss denied my vacation",
            "you get mad over nothing",
            {"sympathy": dim(1)},
            None,
        ),
        (
            "I'm upset my kids never call",
            "you always get upset about this stuff",
            {"sympathy": dim(1)},
            None,
        ),
        # sarcasm at the seeker (F7): was "You put their experience into words"
        (
            "I got fired for being late too many times",
            "what a surprise.",
            {"interpretation": whole("what a surprise.")},
            "what a surprise",
        ),
        ("I feel so lonely since I moved", "How original. Everyone's lonely.", {}, "How original"),
    ],
)
def test_blame_and_sarcasm_win_over_a_remark(
    seeker: str, response: str, dimensions: dict[str, DimensionScore], quoted: str | None
) -> None:
    sentences = feedback_for(analysis(dimensions), seeker, response)
    assert sentences == (f'"{quoted or response.rstrip(".")}"' + DISMISSIVE,)


@pytest.mark.parametrize(
    ("seeker", "response", "dimensions", "start"),
    [
        # company wished them (F2): was the dismissive sentence
        (
            "i'm spending christmas by myself this year",
            "You shouldn't be sad alone, come to ours!",
            {"compassion": dim(1)},
            "You offered help",
        ),
        (
            "my cat is at the vet overnight and I'm a wreck",
            "you shouldn't be upset alone tonight, want me to come over?",
            {"compassion": dim(1), "exploration": dim(2)},
            "You showed understanding and moved to help",
        ),
        # their past said back (F3): was the dismissive sentence
        (
            "growing up my feelings never mattered to anyone",
            "I know it felt like you had no right to feel hurt back then.",
            {"interpretation": dim(2)},
            "You put their experience into words",
        ),
        (
            "My dad used to scream at me whenever I cried",
            "It's like you had no right to be sad in that house.",
            {},
            "You named what they may feel",
        ),
        # outrage on their behalf (F7): was the dismissive sentence or "does not yet respond"
        (
            "my ex showed up to my mom's funeral with his new girlfriend",
            "How dare he.",
            {"dismissive": dim(1, (0, 12))},
            SYMPATHY,
        ),
        ("they fired me the week after I told HR I was pregnant", "How dare they.", {}, SYMPATHY),
        (
            "my coworkers make fun of my accent every day",
            "How immature of them.",
            {"dismissive": dim(1, (0, 21))},
            SYMPATHY,
        ),
        # bare remarks (F6): were dismissive, "does not yet respond" or understanding
        (
            "we had to sell the family farm",
            "How sad, honestly.",
            {"dismissive": dim(1, (0, 18))},
            SYMPATHY,
        ),
        ("i got dumped over text", "oof. that's harsh", {"dismissive": dim(1, (0, 17))}, SYMPATHY),
        (
            "The movers broke half my furniture",
            "What a nightmare.",
            {"dismissive": dim(1, (0, 17))},
            SYMPATHY,
        ),
        (
            "they said my position is 'redundant'",
            "What a gut punch.",
            {"dismissive": dim(1, (0, 17))},
            SYMPATHY,
        ),
        (
            "I've applied to 140 jobs and got two interviews",
            "That's so demoralizing.",
            {},
            SYMPATHY,
        ),
        (
            "my roommate ate my birthday cake",
            "How annoying!",
            {"interpretation": whole("How annoying!")},
            SYMPATHY,
        ),
    ],
)
def test_company_their_past_outrage_and_bare_remarks_are_not_dismissive(
    seeker: str, response: str, dimensions: dict[str, DimensionScore], start: str
) -> None:
    (sentence,) = feedback_for(analysis(dimensions), seeker, response)
    assert sentence.startswith(start)


@pytest.mark.parametrize(
    ("seeker", "response", "dimensions", "warm", "quoted"),
    [
        # a remark followed by blame (F1): was "You shared their sorrow"; the remark is
        # credited as acknowledgement (test_feedback_acknowledged_first.py)
        (
            "my wife left me and took the kids",
            "That's so sad. but honestly you saw this coming.",
            {},
            "That's so sad",
            "you saw this coming",
        ),
        (
            "my wife left me",
            "How sad. You probably deserved it though.",
            {},
            "How sad",
            "You probably deserved it though",
        ),
        (
            "i lost my job",
            "that's rough. guess you should've worked harder",
            {"sympathy": dim(1)},
            "that's rough",
            "you should've worked harder",
        ),
    ],
)
def test_blame_after_a_remark_wins_and_the_remark_is_credited(
    seeker: str, response: str, dimensions: dict[str, DimensionScore], warm: str, quoted: str
) -> None:
    (sentence,) = feedback_for(analysis(dimensions), seeker, response)
    assert sentence.startswith(f'You acknowledged what they shared ("{warm}"), but "{quoted}"')


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        ("I'm tired of everything going wrong", "quit whining"),
        ("I missed my flight because I overslept", "honestly thats on you"),
        ("I'm sad my dog died", "It was just a dog. You can get another one."),
        ("I'm stressed about money", "that sucks. quit whining though"),
    ],
)
def test_more_minimising_phrases_are_dismissive_by_the_rule(seeker: str, response: str) -> None:
    dims = apply_rules({"dismissive": dim(0), "sympathy": dim(1)}, response, unsafe=())
    (sentence,) = feedback_for(analysis(dims), seeker, response)
    # "that sucks. quit whining though": the remark is credited before the quote
    assert "may come across as minimising or judging" in sentence


def test_blame_to_a_crisis_gets_both_sentences() -> None:
    seeker = "I took a bunch of pills an hour ago"
    cues = crisis_cues(seeker)
    assert cues
    scored = ResponseAnalysis(
        dimensions={}, model_id="test", seeker=SeekerSignals(distress=dim(2), crisis_cues=cues)
    )
    crisis, dismissive = feedback_for(scored, seeker, "you chose this")
    assert crisis.startswith("They wrote")
    assert dismissive == '"you chose this"' + DISMISSIVE
