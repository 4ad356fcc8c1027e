"""Suggested openings on other people's words: Markdown block quotes, quotations cut open by
a sentence end or the clip, "you" the seeker addresses to someone (whose turning to the
helper's "you" would contradict itself), and imperatives and questions, which address
someone too."""

from __future__ import annotations

import pytest
from opening_helpers import opening_of

from carelens.analysis.addressees import addressed
from carelens.analysis.feedback import feedback_for
from carelens.analysis.openings import seeker_clause
from carelens.analysis.pronouns import turn_clause
from carelens.analysis.quoted_speech import quoted_speech
from carelens.types import ResponseAnalysis


def other_feedback(seeker: str) -> tuple[str, ...]:
    """The feedback on a reply that does not respond, which offers an opening."""
    analysis = ResponseAnalysis(dimensions={}, model_id="test", flags={}, style="other")
    return feedback_for(analysis, seeker, "Did you see the game?")


# --- Markdown block quotes ------------------------------------------------------------------


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like you know exactly how you feel…": the quoted person's words
        "> I know exactly how you feel\nno you dont lol",
        ">I know exactly how you feel\nno you dont lol",
        "> > I know exactly how you feel\nno you dont lol",
        ">\n> I know exactly how you feel. I really do.\nwhatever",
    ],
)
def test_no_opening_on_a_block_quoted_line(seeker: str) -> None:
    assert seeker_clause(seeker) is None
    (sentence,) = other_feedback(seeker)
    assert "exactly how" not in sentence


def test_the_seekers_own_clause_under_a_block_quote_is_offered() -> None:
    seeker = "> I know exactly how you feel\nno you dont, and I feel so alone"
    assert opening_of(seeker) == "It sounds like you feel so alone…"


@pytest.mark.parametrize("emoticon", [">:(", ">_<", ">.>"])
def test_an_emoticon_opening_a_line_is_no_block_quote(emoticon: str) -> None:
    # once "It sounds like ( you feel so alone today…" and "It sounds like < you feel..."
    assert opening_of(f"{emoticon} I feel so alone today") == (
        "It sounds like you feel so alone today…"
    )


# --- quotations -----------------------------------------------------------------------------


def test_a_sentence_end_inside_a_quotation_ends_no_sentence() -> None:
    # once "your coach yelled 'you're worthless…": cut at the "!" inside the quotation
    seeker = 'My coach yelled "you\'re worthless!" at practice.'
    assert opening_of(seeker) == "It sounds like your coach yelled 'you're worthless!' at practice…"


def test_a_quotation_closed_before_a_new_sentence_stays_with_its_own() -> None:
    seeker = 'My mom said "I give up." I feel so alone.'
    assert opening_of(seeker) == "It sounds like you feel so alone…"


def test_a_clipped_clause_stops_before_a_quotation_it_would_cut_open() -> None:
    # once "...and your dad said 'you're no son…"
    seeker = (
        "I finally told my parents I'm gay and my dad said 'you're no son of mine'. I'm shaking."
    )
    opening = opening_of(seeker)
    assert opening == ("It sounds like you finally told your parents you're gay and your dad said…")
    for sentence in other_feedback(seeker):
        assert "'you're no son" not in sentence


def test_a_clause_cut_open_inside_a_quotation_is_in_doubt() -> None:
    _, doubt, _ = turn_clause("my dad said 'you're no son")
    assert doubt
    _, doubt, _ = turn_clause("my dad said 'you're no son of mine'")
    assert not doubt


def test_a_years_apostrophe_opens_no_quotation() -> None:
    assert quoted_speech("I grew up in the '90s and I miss it")[1] is None
    assert opening_of("I grew up in the '90s and I feel so old") is not None


# --- the seeker's own "you" -----------------------------------------------------------------


@pytest.mark.parametrize(
    "seeker",
    [
        "Dad, I miss you so much",  # once "It sounds like you miss you so much…"
        "I just need you guys to know",
        "The note just said: I am so tired of you.",
        "I miss you.. So much. Constantly. I just want you back.",
        "Depression, I'm so sick of you.",
    ],
)
def test_no_opening_on_a_clause_the_seeker_addresses_to_someone(seeker: str) -> None:
    assert seeker_clause(seeker) is None


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "you're the only one you can talk to and you feel so alone…"
        (
            "You're the only one I can talk to and I feel so alone",
            "It sounds like you feel so alone…",
        ),
        (
            "I just need you guys to know that I feel so alone lately.",
            "It sounds like you feel so alone lately…",
        ),
        (
            "Dad, I miss you so much. I wish you were here. I feel lost without my dad.",
            "It sounds like you feel lost without your dad…",
        ),
    ],
)
def test_the_seekers_own_clause_after_words_they_address_is_offered(
    seeker: str, opening: str
) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    "clause",
    [
        "I feel like you can't trust anyone",
        "I feel like no matter what you do, you fail",
        "it makes you feel small and I hate it",
        'My mom says "I give up on you"',
    ],
)
def test_a_you_that_may_be_anyones_or_quoted_is_no_address(clause: str) -> None:
    assert addressed(clause) == []
    assert not turn_clause(clause)[1]


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like you just want to make you proud…"
        "Dad, I just want to make you proud",
        # once "It sounds like you're sorry you let you down…"
        "I'm sorry I let you down, Mom",
        "I can't make you understand how lonely I am",
        # once "It sounds like you're sorry Mom…": whom the seeker addresses
        "I'm sorry Mom, I keep letting you down",
        "I feel so lost Mom",
    ],
)
def test_no_opening_on_a_you_the_seeker_makes_or_lets_or_on_a_vocative(seeker: str) -> None:
    assert seeker_clause(seeker) is None


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like you're sorry you let you down and you feel like a failure…"
        (
            "Mom, I'm sorry I let you down and I feel like a failure",
            "It sounds like you feel like a failure…",
        ),
        # once "It sounds like you let you down Mom and you feel like a failure…"
        (
            "I let you down Mom and I feel like a failure",
            "It sounds like you feel like a failure…",
        ),
        ("I'll never let you go, I feel so lost", "It sounds like you feel so lost…"),
        # anyone's "you" after "makes" stays
        (
            "I hate how school makes you feel worthless",
            "It sounds like you hate how school makes you feel worthless…",
        ),
    ],
)
def test_the_seekers_own_clause_after_a_you_they_make_or_let_is_offered(
    seeker: str, opening: str
) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("clause", "spans"),
    [
        ("I just want to make you proud", [(20, 23)]),
        ("I'm sorry I let you down", [(16, 19)]),
        ("I let you down Mom and I feel like a failure", [(6, 9), (15, 18)]),
        ("Mom, I feel like you can't win", [(0, 3), (17, 20)]),
        ("I feel like you never listen, Dad", [(12, 15), (30, 33)]),
        ("I love you Dad", [(7, 10), (11, 14)]),
        ("I told Mom and she yelled, it makes you feel small", []),
        ("I feel bad for Mom and it makes you feel small", []),
        ("I hate that they let you suffer", []),
    ],
)
def test_a_you_the_seeker_makes_or_lets_or_beside_a_vocative_is_addressed(
    clause: str, spans: list[tuple[int, int]]
) -> None:
    assert addressed(clause) == spans


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like you feel like you can't win…": the "you" is Dad's
        "I feel like you can't win, Dad",
        "Mom, I feel like you can't win",
        "I feel like you never listen, Dad.",
        "I feel like you can't win, you guys",
    ],
)
def test_no_opening_on_a_you_beside_a_vocative_cut_off_by_its_comma(seeker: str) -> None:
    assert seeker_clause(seeker) is None


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        ("I feel like you can't win", "It sounds like you feel like you can't win…"),
        ("I feel like you can't win, lol", "It sounds like you feel like you can't win…"),
        # the seeker's own clause after the vocative
        (
            "I feel like you can't win, Dad, and I'm tired of trying",
            "It sounds like you're tired of trying…",
        ),
    ],
)
def test_a_you_that_may_be_anyones_without_a_vocative_beside_it_keeps_its_opening(
    seeker: str, opening: str
) -> None:
    assert opening_of(seeker) == opening


def test_a_you_before_the_seekers_own_object_is_addressed() -> None:
    clause = "I wish you could see me now"
    assert addressed(clause) == [(7, 10)]
    assert turn_clause(clause)[1]


# --- imperatives and questions --------------------------------------------------------------


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like you don't tell your mom you're sad…"
        "Don't tell my mom I'm sad",
        "don't tell my mom I'm sad",
        "Don\u2019t tell my mom I'm sad",
        "dont tell my mom I'm sad",
        "Don't feel sorry for my family",
        "Dont judge me for my choices",
    ],
)
def test_no_opening_on_a_clause_that_opens_with_dont_as_an_imperative(seeker: str) -> None:
    assert seeker_clause(seeker) is None
    (sentence,) = other_feedback(seeker)
    assert "It sounds like" not in sentence


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        (
            "Don't know what to do with my life",
            "It sounds like you don't know what to do with your life…",
        ),
        (
            "dont really know what to do with my life",
            "It sounds like you dont really know what to do with your life…",
        ),
        (
            "Don't want to go back to my job",
            "It sounds like you don't want to go back to your job…",
        ),
    ],
)
def test_a_dont_before_a_verb_of_the_seekers_own_state_is_their_clause(
    seeker: str, opening: str
) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like you cant you see you're hurting…"
        "cant you see I'm hurting",
        "Cant u see I'm hurting so much",
        "dont you know I'm hurting",
        "didnt you hear me say I'm hurting",
        "wont you just listen to me for once",
        "why cant you see I'm hurting",
        "isnt it obvious that I'm hurting",
        "can't you see I'm hurting",  # as before
    ],
)
def test_no_opening_on_a_question_with_a_texted_negative_auxiliary(seeker: str) -> None:
    assert seeker_clause(seeker) is None
