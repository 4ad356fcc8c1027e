"""Questions that blame (:func:`rhetorical_spans`), told from questions that ask what they did
or said, questions of concern and questions about their feeling."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.reply_rhetorical import rhetorical_spans
from carelens.analysis.rules import minimising_spans


def found_in(response: str) -> list[str]:
    return [response[start:end] for start, end in rhetorical_spans(response)]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (
            "Didn't you read the requirements before you applied?",
            "Didn't you read the requirements before you applied?",
        ),
        ("did you not even think to check first?", "did you not even think to check first?"),
        ("Didnt u bother to google it??", "Didnt u bother to google it?"),
        ("Isn't that literally the whole point?", "Isn't that literally the whole point?"),
        ("How can you resent your own mother?", "How can you resent your own mother"),
        ("how could you say that to your own kids", "how could you say that to your own kids"),
        ("after everything she's done for you", "after everything she's done for you"),
        ("After all your dad has sacrificed for you.", "After all your dad has sacrificed for you"),
        ("And you're surprised?", "And you're surprised"),
        ("are you really surprised?", "are you really surprised"),
        (
            "How many chances were you planning to give him?",
            "How many chances were you planning to give him?",
        ),
        (
            "how many times do you need telling?",
            "how many times do you need telling?",
        ),
        (
            "So what's the plan, just sit around at your parents' forever?",
            "just sit around at your parents' forever?",
        ),
        (
            "you gonna just lie in bed all day again?",
            "just lie in bed all day again?",
        ),
        (
            "where were you while all this was starting?",
            "where were you while all this was starting?",
        ),
        ("Why didn't you leave him sooner?", "Why didn't you leave him sooner?"),
        (
            "why did you not sort it in the first place?",
            "why did you not sort it in the first place?",
        ),
        ("Why didn\u2019t you just quit earlier?", "Why didn\u2019t you just quit earlier?"),
    ],
)
def test_questions_that_blame_are_found(response: str, words: str) -> None:
    assert found_in(response) == [words]


@pytest.mark.parametrize(
    "response",
    [
        # what they did or said, concern, their feeling, a friend's hurt
        "Didn't you say you had an appointment tomorrow?",
        "Didn't you tell me you loved painting?",
        "Why didn't you tell me sooner? I'd have come straight over.",
        "Why didn't you just call us earlier, you silly thing, we'd have helped!",
        "How can you look after your own kids when you're this exhausted? Let me help.",
        "How can you take care of your own mother and work full time? That's so much.",
        "How many times did he hit you? Are you safe now?",
        "Where were you when you heard the news?",
        "Are you surprised by how angry you feel?",
        "After everything you've done for her, no wonder you're hurt.",
        "Do you just want to sit and watch a film tonight? I'll come over.",
        "Isn't that the point of therapy, having a space that's yours?",
        "",
    ],
)
def test_questions_that_ask_or_care_are_not_found(response: str) -> None:
    assert found_in(response) == []


def test_the_rules_read_them_as_dismissal_but_not_negated() -> None:
    assert [s.start for s in minimising_spans("Sorry. But didn't you read the contract?")] == [11]
    assert minimising_spans("Nobody would ask 'didn't you read the contract?', don't worry.") == ()


@given(st.text(max_size=200))
def test_spans_are_valid_for_any_text(response: str) -> None:
    previous = -1
    for start, end in rhetorical_spans(response):
        assert previous <= start < end <= len(response)
        previous = start


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("what were u even doing in all those revision sessions then??", "what were u even doing"),
        ("What were you actually thinking going there?", "What were you actually thinking"),
        (
            "Why was she on the sofa on her own in the first place?",
            "Why was she on the sofa on her own in the first place?",
        ),
        (
            "Why were you out at 3am in the first place?",
            "Why were you out at 3am in the first place?",
        ),
        (
            "And what would you have done if she wasn't fine?",
            "what would you have done if she wasn't fine?",
        ),
        ("what did you do to set him off?", "what did you do to set him off?"),
        ("What did you say to make him so angry?", "What did you say to make him so angry?"),
        (
            "Didn't your group tell you to keep away from pubs?",
            "Didn't your group tell you to keep away from pubs?",
        ),
        (
            "Didn't your doctor tell you not to lift anything?",
            "Didn't your doctor tell you not to lift anything?",
        ),
    ],
)
def test_more_blaming_questions_are_found(response: str, words: str) -> None:
    """Questions whose answer is the reproach: what they were even doing, why they were
    there at all."""
    spans = [response[span.start : span.end] for span in minimising_spans(response)]
    assert any(words in span for span in spans), spans
    assert any(words in response[start:end] for start, end in rhetorical_spans(response))


@pytest.mark.parametrize(
    "response",
    [
        "Why did you feel you had to hide it in the first place? You can tell me.",
        "What did you do to deserve that? Nothing!",
        "What were you doing when it happened?",
        "Didn't anyone tell you how proud they are?",
        "Why did he hit you in the first place? Nothing justifies it.",
        "What would you have done differently, if anything?",
    ],
)
def test_questions_that_ask_are_not_added(response: str) -> None:
    assert minimising_spans(response) == ()
