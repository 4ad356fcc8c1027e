"""Put-downs in other words than the codebook's phrases: blame, verdicts, judging orders,
brush-offs, scornful questions and help with strings attached, and the near misses the
patterns leave alone (comfort about self-criticism, outrage at someone else, kind
questions)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.reply_putdowns import putdown_spans
from carelens.analysis.rules import minimising_spans


def found(response: str) -> list[str]:
    return [response[s:e] for s, e in putdown_spans(response)]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("Honestly? You did this to yourself.", "You did this to yourself"),
        ("you're doing all of this to yourself tbh", "you're doing all of this to yourself"),
        ("Well, you get what you deserve.", "you get what you deserve"),
        ("Thats so childish lol", "Thats so childish"),
        ("You're being really selfish here.", "You're being really selfish"),
        ("That's pathetic of you.", "That's pathetic"),
        (
            "crying over your ex for a month is kind of pathetic",
            "crying over your ex for a month is kind of pathetic",
        ),
        ("If you tried harder you wouldn't be in this mess.", "If you tried harder you wouldn't"),
        ("If you can't handle yourself, stay home.", "If you can't handle yourself"),
        ("You lack discipline, simple as that.", "You lack discipline"),
        ("You're old enough to know better.", "You're old enough to know better"),
        ("Just stop moping and go outside.", "Just stop moping"),
        ("Enough with the pity party.", "Enough with the pity party"),
        ("Get a grip, it's one exam.", "Get a grip"),
        ("Grow up.", "Grow up"),
        ("you need to grow up and deal", "you need to grow up"),
        ("Pull yourself together, seriously.", "Pull yourself together"),
        ("Move on already.", "Move on already"),
        ("Don't make this your whole personality.", "Don't make this your whole personality"),
        ("It's really not a big deal.", "It's really not a big deal"),
        ("it's really not a big deal these days", "it's really not a big deal"),
        ("Kids get suspended all the time, not worth stressing over.", "not worth stressing"),
        ("You're always attracting drama though.", "You're always attracting drama"),
        ("Not worth getting upset over.", "Not worth getting upset"),
        ("It's not difficult tbh.", "It's not difficult"),
        ("welcome to the real world, kid", "welcome to the real world"),
        ("Cool story bro.", "Cool story bro"),
        ("So what?", "So what"),
        ("okay and?", "okay and?"),
        ("haha. anyways", "haha. anyways"),
        ("How many times are you gonna do this?", "How many times are you gonna do this"),
        ("What did you think he would do?", "What did you think he would do"),
        (
            "Are you really complaining about a free trip?",
            "Are you really complaining about a free trip",
        ),
        ("How can you not be grateful?", "How can you not be grateful"),
        ("Do you realise how lucky you are?", "Do you realise how lucky you"),
        ("How could you let things get this bad?", "How could you let things get this bad"),
        ("Didn't you see it coming?", "Didn't you see it coming"),
        ("however will you cope", "however will you cope"),
        ("You sure attract drama.", "You sure attract drama"),
        ("I'll lend it to you once you stop being reckless.", "once you stop being reckless"),
        (
            "Happy to talk, as long as it's not about him again.",
            "as long as it's not about him again",
        ),
        (
            "I'll drive you if you agree to actually see a doctor.",
            "if you agree to actually see a doctor",
        ),
    ],
)
def test_putdowns_are_found(response: str, words: str) -> None:
    assert words in found(response)


@pytest.mark.parametrize(
    "response",
    [
        "Stop being so hard on yourself, you did everything you could.",
        "Please stop making excuses for him, what he did was not okay.",
        "That is pathetic of him, you deserved so much better.",
        "That's really weak of your manager to blame you.",
        "Your boss is pathetic for doing that to you.",
        "It's not a big deal to ask for help, people want to help you.",
        "That's a big deal! Congrats!",
        "How could you not be hurt after that?",
        "How many times has this happened? That sounds exhausting.",
        "How will you cope with the kids while he is away?",
        "Welcome to the club, I went through the same thing last year.",
        "Who cares what they think, you did great.",
        "So what if you failed once, you can retake it.",
        "You deserve better than this.",
        "When I was growing up my dad did the same.",
        "You'll grow up to be amazing.",
        "Once you stop feeling so raw, maybe we can talk it through.",
        "I'm here whenever you want, as long as it takes.",
        "Didn't you say you had an interview today? How did it go?",
        "Do you know how many people love you? So many.",
        "it's not hard to see why you're upset",
        "If you were more rested, things might feel lighter, so be gentle with yourself.",
        "I know it's hard, get on with life at your own pace.",
        "anyway, I'm here if you need me",
        "I told myself to suck it up and go to work anyway.",
        "So I suck it up and do it for him.",
        "It can help you get a grip on things again.",
        "I need to grow up a bit myself.",
        "",
    ],
)
def test_near_misses_are_not_putdowns(response: str) -> None:
    assert found(response) == []


@pytest.mark.parametrize(
    "response",
    [
        "You didn't do this to yourself. Addiction is an illness.",
        "You are not lazy, you are exhausted.",
        "You're not weak for needing help.",
        "Nobody should tell you to just stop dwelling on it.",
        "Your friend's 'just stop dwelling on it' was unkind.",
        "People who say you're doing this to yourself don't understand addiction.",
        "Your mom telling you to grow up was cruel.",
    ],
)
def test_negated_reported_or_quoted_putdowns_are_not_dismissive(response: str) -> None:
    assert minimising_spans(response) == ()


def test_a_putdown_at_the_end_of_a_warm_reply_is_dismissive() -> None:
    response = (
        "I'm so sorry, it sounds like you're carrying a lot. But honestly you need to grow up "
        "and stop moping about it."
    )
    assert [response[s.start : s.end] for s in minimising_spans(response)] == [
        "you need to grow up",
        "stop moping",
    ]


@given(st.text(max_size=80))
def test_found_putdowns_lie_inside_the_reply(response: str) -> None:
    for start, end in putdown_spans(response):
        assert 0 <= start < end <= len(response)


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("How many times is that now ?", "How many times is that now "),
        ("  lol anyway  ", "lol anyway  "),
        ("How did you even let it get this bad\t?", "How did you even let it get this bad\t"),
    ],
)
def test_a_putdown_keeps_the_white_space_its_pattern_ends_in(response: str, words: str) -> None:
    # the white space before a put-down is left out, that at its end kept (unlike the
    # readers beside it); minimising_spans trims the spaces it shows
    assert found(response) == [words]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (
            "To be blunt though, you're kind of doing this to yourself.",
            "you're kind of doing this to yourself",
        ),
        ("if you can't hack it maybe nursing just isn't for you", "if you can't hack it"),
        ("If you can't take the heat, get out of the kitchen.", "If you can't take the heat"),
        ("a month without ur phone?? how will u ever survive", "how will u ever survive"),
        ("wow, how romantic. anyway", "anyway"),
    ],
)
def test_more_put_downs_are_found(response: str, words: str) -> None:
    """Blame hedged, whether they can hack it, mockery of their distress and a closing anyway."""
    spans = [response[span.start : span.end] for span in minimising_spans(response)]
    assert any(words in span for span in spans), spans
    assert any(words in response[start:end] for start, end in putdown_spans(response))


@pytest.mark.parametrize(
    "response",
    [
        "You're not doing this to yourself.",
        "If you can't handle it right now, that's okay.",
        "I'm so sorry, that's awful. Anyway, I'm here if you need me.",
        "I'm so sorry, I hope it works out anyway.",
    ],
)
def test_near_misses_of_added_put_downs_are_not_found(response: str) -> None:
    assert minimising_spans(response) == ()
