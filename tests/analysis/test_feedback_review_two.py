"""Feedback made worse by reading feelings said back (a second reviewer's findings): a reply
that judges, blames or makes light of the feeling it hands the seeker was praised for saying
it back or naming it (A); a past feeling ("you were so happy with him") was read as one they
have now (B); comfort about the seeker's own dead relative was called the helper's own story
(C); a "?" inside a quotation, or a tag ("..., right?"), was taken for the helper asking (D);
and feelings named in other words ("I can only imagine how lonely that felt", "that's gotta
be so painful") were missed, while "How infuriating that must be." was said to ask (E). The
analyses are built by hand with the levels the shipped model gives these pairs (no model)."""

from __future__ import annotations

import pytest
from feedback_builders import analysis, dim

from carelens.analysis.feedback import feedback_for
from carelens.analysis.reply_feelings import read_reply
from carelens.analysis.reply_judging import blames
from carelens.analysis.reply_questions import asks, invites

NO_RESPONSE = "Your reply does not yet respond to what they shared"
ASK_FOR_A_QUESTION = "; a question about how they feel now can invite them to go on."
ASKED = " and asked them a question; give them room to answer."
INVITED = " and your question invites them to say more; give them room to answer."
OWN_STORY = "You related it to your own experience"
THEIR_WORDS = "You put their experience into words"


def given(seeker: str, response: str) -> tuple[str | None, str | None]:
    named, reflected = read_reply(response, seeker)
    return (
        named.match.group(0) if named is not None else None,
        reflected.match.group(0) if reflected is not None else None,
    )


# --- A: a feeling held against them is no understanding ------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        # blamed on what they do ("because you ..."), after the feeling
        ("I'm so lonely.", "you're lonely because you push everyone away tbh"),
        ("I'm so lonely.", "You feel alone because you never let anyone in."),
        ("I'm stressed all the time.", "you're stressed because you overthink everything"),
        # "just" or "too" right before it after a bare "you're"
        (
            "My ex moved on so fast and I'm bitter about it.",
            "You're just bitter because she dumped you.",
        ),
        ("I'm jealous of my sister.", "you're just jealous, that's all"),
        ("I can't ask anyone for help.", "You're just too proud."),
        ("I'm nervous about the date.", "you're too nervous, relax"),
        # a habit made of it, where they wrote none
        ("I get upset when my friends cancel plans.", "you always get upset over little things"),
        ("I'm anxious about work.", "You always get so anxious."),
        # made light of after it
        ("I'm annoyed my roommate never cleans.", "you get annoyed too easily"),
        ("I got angry at my kid.", "You get angry too quickly."),
        ("I'm scared to fly.", "You're scared of nothing. Planes are safe."),
        ("I'm worried about my exam.", "You're worried over nothing."),
        ("I've been sad all week.", "you're sad for no reason"),
        ("I've been so depressed lately.", "You look happy in all your pictures though?"),
        ("I've been so depressed lately.", "You seem happy at work though?"),
        # blame anywhere in the reply
        ("I'm so angry at my dad.", "You're angry? You have no right to be angry at him."),
        (
            "I'm so angry all the time lately.",
            "You seem angry at everyone lately, maybe the problem is you.",
        ),
        (
            "I can't ask anyone for help with the move.",
            "You're too proud to ask for help, that's your problem.",
        ),
        ("I'm stressed about money.", "You're stressed, but honestly you're the problem here."),
        ("I'm so sad.", "You're sad and it's your own fault."),
        # the feeling alone in a bare question: disbelief
        ("I'm so upset.", "Wait, you're upset?"),
    ],
)
def test_a_feeling_held_against_them_is_neither_named_nor_said_back(
    seeker: str, response: str
) -> None:
    assert given(seeker, response) == (None, None)


@pytest.mark.parametrize(
    ("seeker", "response", "found"),
    [
        # softened "just", "too ... to" and a habit the seeker wrote: theirs
        (
            "I'm so overwhelmed at work",
            "It sounds like you're just exhausted.",
            ("exhausted", None),
        ),
        (
            "I'm too scared to go to the dentist",
            "You're too scared to go, and that makes sense.",
            (None, "scared"),
        ),
        (
            "I always feel alone at parties.",
            "You always feel alone at parties, that sounds hard.",
            (None, "alone"),
        ),
        # "because" and words about the cause that blame no one
        (
            "I feel worthless after getting rejected from every job.",
            "You're feeling worthless because the rejections keep piling up.",
            (None, "worthless"),
        ),
        (
            "I feel guilty all the time",
            "You feel guilty because you care so much about him.",
            (None, "guilty"),
        ),
        (
            "My grandpa died while I was abroad.",
            "You're heartbroken because you never got to say goodbye.",
            ("heartbroken", None),
        ),
        (
            "I'm so angry at my friends.",
            "You're angry because you keep getting let down.",
            (None, "angry"),
        ),
        # their own words said back
        ("I'm just tired.", "You're just tired, and that's okay.", (None, "tired")),
        (
            "I get sad for no reason.",
            "You feel sad for no reason, that must be confusing.",
            ("confusing", "sad"),
        ),
        # denials of blame, and someone else's lack of right
        ("I blame myself.", "It's not your fault, you must feel so guilty.", ("guilty", None)),
        (
            "My boss screamed at me.",
            "He had no right to treat you like that. You must feel humiliated.",
            ("humiliated", None),
        ),
        (
            "My mom died and I'm so sad",
            "There's no right way to grieve, you must be so sad.",
            (None, "sad"),
        ),
        # "too" for "as well", and a question that checks what they feel
        ("I'm exhausted.", "You must be exhausted too.", (None, "exhausted")),
        ("I'm scared the cancer is back.", "You're scared it's back?", (None, "scared")),
    ],
)
def test_a_feeling_given_without_judging_still_counts(
    seeker: str, response: str, found: tuple[str | None, str | None]
) -> None:
    assert given(seeker, response) == found


@pytest.mark.parametrize(
    ("response", "blaming"),
    [
        ("You have no right to be angry.", True),
        ("You've got no right to feel that way.", True),
        ("that's your problem", True),
        ("That is all your own fault.", True),
        ("Maybe the problem is you.", True),
        ("It's not your fault.", False),
        ("That isn't your problem to fix.", False),
        ("He had no right to say that.", False),
        ("There's no right or wrong way to feel.", False),
        ("The problem is you're exhausted.", False),
    ],
)
def test_blame_is_told_from_its_denial(response: str, blaming: bool) -> None:
    assert blames(response) is blaming


@pytest.mark.parametrize(
    ("seeker", "response", "sympathy", "expected"),
    [
        # blamed or made light of after the feeling, or blamed anywhere: judging
        # (tests/analysis/test_feedback_review_three.py)
        (
            "I'm so lonely.",
            "you're lonely because you push everyone away tbh",
            1,
            '"you\'re lonely because you push everyone away tbh" may come across',
        ),
        (
            "I'm so angry at my dad.",
            "You're angry? You have no right to be angry at him.",
            2,
            '"You have no right to be angry at him" may come across',
        ),
        ("I'm annoyed my roommate never cleans.", "you get annoyed too easily", 0, '"you get'),
        # "just" before it and a cause after it: judging (a review's F4; "just" alone is no
        # judgment the feedback names: "you're just exhausted")
        (
            "My ex moved on so fast and I'm bitter about it.",
            "You're just bitter because she dumped you.",
            0,
            '"You\'re just bitter because she dumped you" may come across',
        ),
    ],
)
def test_a_judging_reply_is_not_praised_for_saying_the_feeling_back(
    seeker: str, response: str, sympathy: int, expected: str
) -> None:
    dimensions = {"sympathy": dim(sympathy)} if sympathy else {}
    (sentence,) = feedback_for(analysis(dimensions), seeker, response)
    assert "said back what they feel" not in sentence
    assert "named what they may feel" not in sentence
    assert sentence.startswith(expected)


def test_a_reply_the_model_finds_more_likely_dismissive_is_not_praised() -> None:
    seeker, response = "I'm so lonely.", "You feel lonely."
    leaning = dim(0, probabilities=(0.38, 0.32, 0.30))  # level 0, yet 0.62 dismissive
    (sentence,) = feedback_for(analysis({"dismissive": leaning}), seeker, response)
    assert sentence.startswith(NO_RESPONSE)
    # below one half it is read as before
    calm = dim(0, probabilities=(0.55, 0.30, 0.15))
    (sentence,) = feedback_for(analysis({"dismissive": calm}), seeker, response)
    assert sentence == 'You said back what they feel ("You feel lonely")' + ASK_FOR_A_QUESTION


# --- B: a past feeling is not one they have now --------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        (
            "Everyone at the reunion had kids and a house and I have nothing.",
            "You were happy before the reunion though, right? Comparison steals joy.",
        ),
        ("I don't know who I am since the divorce.", "You were happy before you met him."),
        ("My boyfriend dumped me out of nowhere.", "you were so happy with him, I don't get it"),
        ("We broke up last year.", "You were feeling so lonely back then."),
    ],
)
def test_a_feeling_they_were_is_not_given_to_them_now(seeker: str, response: str) -> None:
    assert given(seeker, response) == (None, None)


@pytest.mark.parametrize(
    ("seeker", "response", "found"),
    [
        (
            "A man followed me home last night.",
            "You must have been terrified.",
            ("terrified", None),
        ),
        (
            "I moved to a new city in May.",
            "You've been so lonely since the move.",
            ("lonely", None),
        ),
        (
            "I've been lonely since the move.",
            "You have been feeling lonely since the move.",
            (None, "lonely"),
        ),
    ],
)
def test_a_feeling_that_goes_on_or_that_they_must_have_had_still_counts(
    seeker: str, response: str, found: tuple[str | None, str | None]
) -> None:
    assert given(seeker, response) == found


def test_a_past_feeling_is_not_praised_as_named() -> None:
    response = "You were happy before you met him."
    (sentence,) = feedback_for(analysis({}), "I don't know who I am since the divorce.", response)
    assert sentence.startswith(NO_RESPONSE)


# --- C: the seeker's own loss is not the helper's story ------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        (
            "My grandma passed last night in her sleep.",
            "I'm glad she passed peacefully, in her own bed.",
        ),
        ("My grandfather passed yesterday.", "I'm glad he passed surrounded by family."),
        (
            "My mom passed on Sunday after a long illness.",
            "I'm sure she passed knowing how loved she was.",
        ),
        ("My dad died this morning.", "I'm so glad he went peacefully."),
        ("My grandpa died on Friday.", "I'm glad Grandpa passed peacefully."),
        ("i gess im just tired of evrything", "i get that. what's been the hardest part?"),
    ],
)
def test_comfort_about_their_own_person_is_not_the_helpers_story(
    seeker: str, response: str
) -> None:
    a = analysis({"interpretation": dim(2, (0, len(response)))}, style="empathy")
    (sentence,) = feedback_for(a, seeker, response)
    assert sentence.startswith(THEIR_WORDS)


@pytest.mark.parametrize(
    "response",
    [
        "My mom passed two years ago. I couldn't focus for months either.",
        "I lost my dad last spring.",
        "Our dog died last year and it wrecked me.",
        "It happened to me last year.",
        "I've known a few people who died. It never gets easier.",
        "I have also been there.",
        "Me too.",
    ],
)
def test_the_helpers_own_loss_is_still_their_story(response: str) -> None:
    a = analysis({"interpretation": dim(2, (0, len(response)))}, style="empathy")
    (sentence,) = feedback_for(a, "My mom died last month and I can't focus", response)
    assert sentence.startswith(OWN_STORY)


# --- D: a question is the helper's own -----------------------------------------------------


@pytest.mark.parametrize(
    ("response", "own"),
    [
        (
            'Hearing "why can\'t you be more like your brother?" over and over sounds so hurtful.',
            False,
        ),
        (
            "Him yelling \u201care you even trying?\u201d in front of the team sounds humiliating.",
            False,
        ),
        ("Her asking 'are you sure you want to eat that?' every meal sounds exhausting.", False),
        ("That sounds embarrassing. Happens to everyone though, right?", False),
        ("That sounds so painful, you know?", False),
        ("It's a lot... you know?", False),
        ("That must be heartbreaking. Why do kids do that??", True),
        ('He said "you\'re lazy". How did that land with you?', True),
        ("Is that right?", True),
        ("How are you doing, okay?", True),
        ("what kinds of stuff do you like.?", True),  # a full stop typed before it
    ],
)
def test_a_question_is_the_helpers_own_outside_quotes_and_tags(response: str, own: bool) -> None:
    assert asks(response) is own


@pytest.mark.parametrize(
    "response",
    [
        'Hearing "why can\'t you be more like your brother?" over and over sounds so hurtful.',
        "Him yelling \u201care you even trying?\u201d in front of the team sounds humiliating.",
    ],
)
def test_a_quoted_question_is_not_the_helper_asking(response: str) -> None:
    a = analysis(
        {"interpretation": dim(2), "reflection": dim(2, (0, len(response)))}, style="empathy"
    )
    (sentence,) = feedback_for(a, "My dad keeps putting me down in front of everyone.", response)
    assert sentence.startswith(f'{THEIR_WORDS} ("{response.split()[0]} ')
    assert sentence.endswith(ASK_FOR_A_QUESTION)


def test_a_tag_is_not_the_helper_asking() -> None:
    response = "That sounds embarrassing. Happens to everyone though, right?"
    (sentence,) = feedback_for(
        analysis({"sympathy": dim(1)}), "I messed up my presentation.", response
    )
    assert (
        sentence == 'You named what they may feel ("That sounds embarrassing")' + ASK_FOR_A_QUESTION
    )


def test_a_real_question_beside_a_named_feeling_is_still_asked() -> None:
    response = "That must be heartbreaking. Why do kids do that??"
    (sentence,) = feedback_for(
        analysis({"sympathy": dim(1)}), "My son keeps getting bullied.", response
    )
    assert sentence == 'You named what they may feel ("That must be heartbreaking")' + ASKED


# --- E: feelings named in other words; no question claimed without one ----------------------


@pytest.mark.parametrize(
    ("seeker", "response", "found"),
    [
        (
            "I'm behind at school and work.",
            "I can imagine how overwhelming that felt",
            ("overwhelming", None),
        ),
        (
            "I've been so lonely since moving out.",
            "I can only imagine how lonely that felt.",
            (None, "lonely"),
        ),
        (
            "my ex is dating my best friend now",
            "that's gotta be so painful. how did you find out?",
            ("painful", None),
        ),
        ("My son keeps getting bullied.", "That has to be so scary.", ("scary", None)),
        (
            "My boss takes credit for my work.",
            "I can see how frustrating that is.",
            ("frustrating", None),
        ),
    ],
)
def test_feelings_named_in_other_words_count(
    seeker: str, response: str, found: tuple[str | None, str | None]
) -> None:
    assert given(seeker, response) == found


def test_a_question_is_not_claimed_where_the_reply_asks_none() -> None:
    response = "How infuriating that must be."
    a = analysis({"exploration": dim(1)}, style="empathy")
    (sentence,) = feedback_for(a, "My coworker keeps taking credit for my work.", response)
    assert (
        sentence
        == 'You named what they may feel ("How infuriating that must be")' + ASK_FOR_A_QUESTION
    )


@pytest.mark.parametrize(
    "response",
    [
        "That sounds so draining. how are you holding up",
        "That sounds so draining. Tell me more.",
        "That sounds so draining. write me about whats bothering you",
        "That sounds so draining. I just wanted to ask how long it has been like this.",
    ],
)
def test_an_invitation_without_a_question_mark_is_still_asking(response: str) -> None:
    assert invites(response) and not asks(response)
    a = analysis({"exploration": dim(2)}, style="empathy")
    (sentence,) = feedback_for(a, "I have three kids under five.", response)
    assert sentence == 'You named what they may feel ("That sounds so draining")' + INVITED
