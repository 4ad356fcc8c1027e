"""Brush-offs: platitudes, feelings called pointless or small, orders to stop feeling or to put
up with it, replacements, agreement that others tire of them and curt non-answers, several
phrasings of each kind, and the near misses the patterns leave alone (comfort, the helper's
own story, outrage on their side, kind "whatever")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.reply_brushoffs import brushoff_spans
from carelens.analysis.rules import minimising_spans


def found(response: str) -> list[str]:
    return [response[s:e] for s, e in brushoff_spans(response)]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # platitudes
        ("Everything happens for a reason.", "Everything happens for a reason"),
        ("Honestly things happen for a reason, stay strong", "things happen for a reason"),
        ("Well, it is what it is.", "Well, it is what it is"),
        ("Look on the bright side, you still have your health.", "Look on the bright side"),
        ("Just stay positive!", "Just stay positive"),
        ("Oh well, that's life.", "Oh well, that's life"),
        ("Chin up, worse things happen at sea.", "worse things happen"),
        ("Loads of people have it harder than you.", "Loads of people have it harder than you"),
        ("But this is literally a first world problem.", "a first world problem"),
        ("Eh, everyone gets dumped. You'll live.", "You'll live"),
        # a feeling called pointless or small
        ("No point being upset about it, just start again.", "No point being upset about it"),
        ("There's no use getting so worked up", "no use getting so worked up"),
        ("Nothing to cry about, seriously.", "Nothing to cry about"),
        ("Still, it's just an anniversary, guys forget stuff.", "it's just an anniversary"),
        ("It was only one exam.", "It was only one exam"),
        ("it's just a stupid haircut", "it's just a stupid haircut"),
        ("It's probably just stress.", "It's probably just stress"),
        ("that's all in your head tbh", "that's all in your head"),
        (
            "damn. well therapists are all basically the same",
            "therapists are all basically the same",
        ),
        ("whatever, kids get suspended all the time", "whatever"),
        ("That's nothing, my nan forgot all of us.", "That's nothing"),
        ("it's honestly nothing once you get used to it", "it's honestly nothing"),
        (
            "Honestly you should be celebrating, living alone is the best.",
            "you should be celebrating",
        ),
        (
            "it's been six months, surely you should be over it by now",
            "you should be over it by now",
        ),
        ("He was 94, so it's not exactly a shock.", "it's not exactly a shock"),
        ("Crying about it won't bring her back.", "Crying about it won't bring her back"),
        # orders to stop feeling it or to put up with it
        ("It's normal, stop stressing.", "stop stressing"),
        ("stop overthinking it and just pick something", "stop overthinking it"),
        ("Just stop panicking.", "Just stop panicking"),
        ("You just need to snap out of it.", "You just need to snap out of it"),
        ("Shake it off, you'll be fine.", "Shake it off"),
        ("Just deal with it, everyone has exams.", "Just deal with it"),
        ("you're an adult now, you'll have to deal.", "you'll have to deal"),
        ("You're gonna have to get used to it.", "You're gonna have to get used to it"),
        ("you kind of need to let it go and be happy for her", "you kind of need to let it go"),
        ("Let it go.", "Let it go"),
        ("Calm down.", "Calm down"),
        ("Honestly, just move on.", "just move on"),
        ("You need to move on.", "You need to move on"),
        ("Try harder next time.", "Try harder next time"),
        ("Just stop crying and get on with it.", "and get on with it"),
        ("You're overthinking this.", "You're overthinking this"),
        ("Are you sure you're just being paranoid?", "just being paranoid"),
        # replacements
        ("It's normal, everyone loses pets. Get another one.", "Get another one"),
        ("just adopt a new puppy", "just adopt a new puppy"),
        ("You can always have another baby.", "You can always have another baby"),
        ("Plenty more fish, mate.", "Plenty more fish"),
        ("there are billions of other girls out there", "billions of other girls"),
        # others tire of them
        (
            "Yeah, people do get tired of hearing about the same thing.",
            "people do get tired of hearing about the same thing",
        ),
        ("Maybe give them a break.", "Maybe give them a break"),
    ],
)
def test_brushoffs_are_found(response: str, words: str) -> None:
    assert words in found(response)


@pytest.mark.parametrize("response", ["k", "ok?", "so?", " Okay. ", "whatever", "lol", "kk"])
def test_a_curt_non_answer_is_a_brushoff_as_the_whole_reply(response: str) -> None:
    assert found(response) == [response.strip()]


@pytest.mark.parametrize(
    "response", ["Happens.", "it happens", "Shit happens!", "That's life.", "oh well"]
)
def test_a_shrug_alone_is_a_brushoff_as_the_whole_reply(response: str) -> None:
    assert found(response) == [response.strip()]


@pytest.mark.parametrize(
    "response",
    [
        "It happens to so many people, and it still hurts. I'm sorry.",
        "Oh well, that just means we try again next week together.",
        "That's life sometimes, but you don't have to face it alone.",
    ],
)
def test_a_shrug_beside_comfort_is_no_curt_reply(response: str) -> None:
    assert response.strip() not in found(response)


@pytest.mark.parametrize(
    "response",
    [
        "Give yourself a break, you've been through so much.",
        "It's okay to let it go when you're ready, there's no rush.",
        "There's no point blaming yourself, you couldn't have known.",
        "That's nothing to be ashamed of. Lots of people cry at work.",
        "It's nothing compared to what you're going through.",
        "Stop worrying about what they think, you did great.",
        "Stop stressing about what he said, he was out of line.",
        "Ugh, men are all the same. You deserve better.",
        "The days are all the same when you're grieving.",
        "It took me months to snap out of it myself.",
        "I just let it go eventually.",
        "Take a deep breath and try to calm down, you're safe now.",
        "You should be over the moon about this!",
        "You should be proud of yourself.",
        "You'll move on when you're ready, there's no timeline.",
        "You should move on when it feels right.",
        "Just deal with it one day at a time, you don't have to fix everything today.",
        "You'll have to deal with a lot of paperwork, but I can help.",
        "It's not exactly a surprise that you're exhausted, with everything you're carrying.",
        "Worrying won't help, but talking might. I'm here.",
        "Whatever you decide, I'm behind you.",
        "Whatever, I'm just glad you're safe.",
        "So? How did it go after that?",
        "ok. that's a lot. I'm here.",
        "It's just a lot right now, and that's okay.",
        "When you're ready, a new chapter will come.",
        "People get tired, that's normal, and you're allowed to rest.",
        "You'll survive this, I know you will, and I'll be right here.",
        "Many people have it hard right now, and your struggle still counts.",
        "Worse things have happened to people and they came back, and so will you.",
        "",
    ],
)
def test_near_misses_are_not_brushoffs(response: str) -> None:
    assert found(response) == []


@pytest.mark.parametrize(
    "response",
    [
        # negated, reported, quoted or the seeker's own sense said back
        "I'd never say you should just let it go. This matters.",
        "Nobody should tell you to just deal with it.",
        "Your boss telling you to stop stressing was so dismissive.",
        "'Everything happens for a reason' is the worst thing people say.",
        "Does it feel like people around you assume you should be over it by now?",
        "It's not just a dog, he was family.",
    ],
)
def test_negated_reported_quoted_or_felt_brushoffs_are_not_dismissive(response: str) -> None:
    assert minimising_spans(response) == ()


@given(st.text(max_size=80))
def test_found_brushoffs_lie_inside_the_reply(response: str) -> None:
    for start, end in brushoff_spans(response):
        assert 0 <= start < end <= len(response)


def test_a_brushoff_leaves_out_the_white_space_at_its_ends_and_reads_curly_apostrophes() -> None:
    assert found("  you\u2019ll need to get used to it  .") == [
        "you\u2019ll need to get used to it"
    ]
    assert found("  it is what it is  ") == ["it is what it is"]
    assert found("  ok?  ") == ["ok?"]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("You'll find another.", "You'll find another"),
        ("Don't worry, you'll find someone better.", "you'll find someone better"),
        (
            "Everyone gets period pain, you just have to get on with it like the rest of us.",
            "get on with it like the rest of us",
        ),
        ("Just deal with it like everyone else.", "deal with it like everyone else"),
        ("Happens to all of us eventually.", "Happens to all of us eventually"),
        ("We all die sometime.", "We all die sometime"),
        ("Everyone's on the spectrum these days.", "Everyone's on the spectrum these days"),
        ("We're all a bit OCD.", "We're all a bit OCD"),
        ("A C is a pass! so honestly, be grateful.", "be grateful"),
        ("You should be thankful you have a job.", "You should be thankful"),
        (
            "Kids in some countries don't even get to go to school.",
            "Kids in some countries don't even get to go to school",
        ),
        ("busy rn, try the helpline", "busy rn, try the helpline"),
        ("Sorry, I'm busy right now, ask someone else.", "I'm busy right now, ask someone else"),
    ],
)
def test_more_brush_offs_are_found(response: str, words: str) -> None:
    """A replacement offered, a loss every life holds, a diagnosis said to be everyone's,
    gratitude ordered, no time given."""
    spans = [response[span.start : span.end] for span in minimising_spans(response)]
    assert any(words in span for span in spans), spans
    assert any(words in response[start:end] for start, end in brushoff_spans(response))


@pytest.mark.parametrize(
    "response",
    [
        "You'll find another job that values you, I know it.",
        "We all have bad days, be gentle with yourself.",
        "It happens to the best of us, don't beat yourself up.",
        "I'm so grateful you told me.",
        "Sorry I'm busy right now but call me tonight, ok?",
        "I'm busy right now, try to hang on and I'll ring you at 6.",
        "You don't have to get on with it like the rest of us.",
        "Everyone's struggling these days, you're not alone.",
        "I had to get on with it like everyone else and it nearly broke me.",
    ],
)
def test_near_misses_of_added_brush_offs_are_not_found(response: str) -> None:
    assert minimising_spans(response) == ()
