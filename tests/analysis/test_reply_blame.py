"""Blame, hostile questions and demeaning help: several phrasings of each kind, and the near
misses the patterns leave alone (blame denied or lifted, outrage at someone else, questions
that ask, offers without strings, the seeker's own fear said back)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.reply_blame import blame_spans, felt_before
from carelens.analysis.rules import minimising_spans


def found(response: str) -> list[str]:
    return [response[s:e] for s, e in blame_spans(response)]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # their part in what happened
        (
            "That said, there were probably red flags you chose to ignore, so learn from it.",
            "red flags you chose to ignore",
        ),
        (
            "you decided to ignore all the warning signs",
            "you decided to ignore all the warning signs",
        ),
        (
            "eight whole months and you threw it away for a wedding.",
            "you threw it away for a wedding",
        ),
        (
            "You basically threw two years of sobriety away.",
            "You basically threw two years of sobriety away",
        ),
        ("so it's probably partly your lifestyle.", "it's probably partly your lifestyle"),
        ("That's your own doing.", "That's your own doing"),
        (
            "meds aren't an excuse to let yourself go.",
            "aren't an excuse to let yourself go",
        ),
        ("Depression is not an excuse to be lazy.", "is not an excuse to be lazy"),
        ("Hopefully you've learned your lesson.", "learned your lesson"),
        (
            "Maybe there's a reason they didn't pick you though.",
            "Maybe there's a reason they didn't pick you though",
        ),
        (
            "so I'm not sure why you thought it would work.",
            "not sure why you thought it would work",
        ),
        ("long distance never works, everyone knows that.", "everyone knows that"),
        (
            "Still, you knew what he was like and stayed anyway.",
            "you knew what he was like and stayed anyway",
        ),
        ("To be fair, you did leave it to the last minute.", "you did leave it to the last minute"),
        ("Serves you right.", "Serves you right"),
        ("Though to be honest, you knew he was married.", "you knew he was married"),
        ("And whose fault is that?", "whose fault is that"),
        ("Do you ever think about anyone but yourself?", "anyone but yourself"),
        (
            "Fine, I'll come, but don't expect me to hold your hand.",
            "don't expect me to hold your hand",
        ),
        ("You made your bed.", "You made your bed"),
        ("You only have yourself to blame.", "You only have yourself to blame"),
        ("you kind of brought it on yourself", "you kind of brought it on yourself"),
        ("you wouldn't be in this mess", "you wouldn't be in this mess"),
        ("you do tend to overreact to this stuff", "you do tend to overreact to this stuff"),
        (
            "Well, that's what happens when you leave everything late.",
            "that's what happens when you leave everything late",
        ),
        # their feeling made about them
        ("so maybe stop making it about your guilt", "stop making it about your guilt"),
        ("It's not all about you.", "It's not all about you"),
        ("The world doesn't revolve around you.", "The world doesn't revolve around you"),
        # a verdict of drama
        ("Bit dramatic to leave a wedding over nerves, no?", "Bit dramatic"),
        (
            "guys forget stuff, you're being a bit dramatic about a dinner",
            "you're being a bit dramatic",
        ),
        ("Isn't that a little over the top?", "Isn't that a little over the top"),
        ("Talking isn't cheating, you're kind of overreacting.", "you're kind of overreacting"),
        # a habit held against them
        (
            "honestly you'd probably just waste the time like you always do, so what's the point.",
            "waste the time like you always do",
        ),
        ("ugh, you always do this", "you always do this"),
        ("you never get your life together", "you never get your life together"),
        ("you can't even manage your own money", "you can't even manage your own money"),
        ("so what's the point.", "so what's the point"),
        # hostile questions
        (
            "Did you even think about the people on the road?",
            "Did you even think about the people on the road",
        ),
        ("Why are you even upset about this?", "Why are you even upset about this"),
        (
            "what do you think you're doing to push people away?",
            "what do you think you're doing to push people away",
        ),
        ("have you thought about what you're doing wrong?", "what you're doing wrong"),
        ("why not just eat less? is it really that hard?", "is it really that hard"),
        # a condition that blames
        (
            "Maybe people would hang out with you if you put yourself out there instead of "
            "posting about it online.",
            "would hang out with you if you put yourself out there instead of posting about it "
            "online",
        ),
        (
            "They'd like you more if you stopped complaining.",
            "'d like you more if you stopped complaining",
        ),
        # help that demeans
        (
            "I'll help you move, but you better not come crying to me when you go back to him.",
            "you better not come crying to me when you go back to him",
        ),
        ("Don't come running back to me.", "Don't come running back to me"),
        ("this is the last time I bail you out, you", "the last time I bail you out"),
        ("I'll drive you, but this is the last time.", "this is the last time"),
        (
            "I'll listen, but only if you don't cry the whole time.",
            "only if you don't cry the whole time",
        ),
        (
            "I could lend you the money, if you finally admit you can't cope",
            "if you finally admit you can't cope",
        ),
        ("Sure I'll help, not like you'd manage on your own.", "not like you'd manage on your own"),
        ("Wow, you really know how to pick them.", "you really know how to pick them"),
        ("Don't be such a baby about it.", "Don't be such a baby"),
        ("Be grateful you even have a job.", "Be grateful you even have"),
        ("Then put the crisps down and get moving.", "Then put the crisps down"),
    ],
)
def test_blame_is_found(response: str, words: str) -> None:
    assert words in found(response)


@pytest.mark.parametrize(
    "response",
    [
        "It's not about you, it's about his own insecurity. You did nothing wrong.",
        "There's a reason they didn't tell you: they wanted to protect you.",
        "Maybe there's a reason he didn't call, his phone could have died.",
        "That's a bit dramatic of him, ending it over text.",
        "Your mum sounds a bit dramatic, that must be exhausting.",
        "Everyone knows how hard you've worked.",
        "I'm not sure why he thought that was okay.",
        "Not sure why you thought you had to do this alone. You don't.",
        "Did you even get to say goodbye? I'm so sorry.",
        "Did you ever try talking to a counsellor?",
        "Have you thought about what you want to do next?",
        "What are you doing to look after yourself right now?",
        "What did you do to deserve this? Nothing.",
        "Is it really that hard for them to call you back? That's ridiculous.",
        "If you ever want to talk instead of texting, call me anytime.",
        "I know this is the last time I'll see you before you move.",
        "This is the last time you'll have to do this alone.",
        "I'll help you move, and if you ever go back to him, I'll still be here.",
        "I can take over your shift on Friday.",
        "That's what happens when you love someone this much.",
        "Don't be so hard on yourself, you did your best.",
        "Don't be silly, you're not a burden!",
        "I'm grateful you told me.",
        "You knew she was sick and you still showed up for her every day. That's love.",
        "Whose idea was it to leave you alone with all of that?",
        "Don't expect yourself to be perfect at this.",
        "Honestly you've been so strong. You never get a break, do you?",
        "You're not being dramatic at all, anyone would leave.",
        "Put your phone down and get some sleep tonight.",
        "It's a little extra work, but worth it.",
        "",
    ],
)
def test_near_misses_are_not_blame(response: str) -> None:
    assert found(response) == []


@pytest.mark.parametrize(
    "response",
    [
        # denied, reported, quoted or the seeker's own fear said back
        "You didn't throw anything away, eight months still counts.",
        "It might feel like you threw it all away, but one slip doesn't erase eight months.",
        "You're scared it's your lifestyle, but migraines aren't anyone's fault.",
        "People who say you kind of brought it on yourself are wrong.",
        "You didn't bring this on yourself.",
        '"You made your bed" is a cruel thing to hear.',
        "I would never say you only have yourself to blame.",
    ],
)
def test_denied_reported_quoted_or_felt_blame_is_not_dismissive(response: str) -> None:
    assert minimising_spans(response) == ()


def test_the_helpers_own_opinion_is_not_a_fear_said_back() -> None:
    assert felt_before("You feel like you threw it away", len("You feel like "))
    assert not felt_before("I feel like you are being dramatic", len("I feel like "))
    assert [
        "I feel like you are being a bit dramatic."[s.start : s.end]
        for s in minimising_spans("I feel like you are being a bit dramatic.")
    ] == ["you are being a bit dramatic"]


@given(st.text(max_size=80))
def test_found_blame_lies_inside_the_reply(response: str) -> None:
    for start, end in blame_spans(response):
        assert 0 <= start < end <= len(response)


def test_blame_leaves_out_the_white_space_at_its_ends_and_reads_curly_apostrophes() -> None:
    response = "  you knew what you were getting into \t. You feel like you threw it all away ."
    assert found(response) == ["you knew what you were getting into"]
    assert found("Don\u2019t expect me to bail you out again .") == [
        "Don\u2019t expect me to bail you out again"
    ]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (
            "you're blowing it up into something bigger by comparing yourself to your mates",
            "you're blowing it up into something bigger",
        ),
        (
            "You're making this into a bigger deal than it is.",
            "You're making this into a bigger deal",
        ),
        (
            "honestly you're kind of blowing this out of proportion",
            "blowing this out of proportion",
        ),
        ("You're making a mountain out of a molehill.", "making a mountain out of a molehill"),
    ],
)
def test_a_verdict_of_blowing_it_up_is_found(response: str, words: str) -> None:
    """A verdict of drama: the trouble said to be blown up."""
    spans = [response[span.start : span.end] for span in minimising_spans(response)]
    assert any(words in span for span in spans), spans
    assert any(words in response[start:end] for start, end in blame_spans(response))


@pytest.mark.parametrize(
    "response",
    [
        "You're not blowing this out of proportion at all.",
        "Nobody is making a mountain out of a molehill, this is big.",
        "I'm making this into a card for you.",
    ],
)
def test_blowing_it_up_denied_is_not_found(response: str) -> None:
    assert minimising_spans(response) == ()
