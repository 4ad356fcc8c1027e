"""Unsafe replies: urging someone to die or telling them how is found, negation never flips
a kind reply into an unsafe one, and the rule raises ``dismissive`` to 2."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import carelens
from carelens.analysis.rules import apply_rules
from carelens.analysis.unsafe import UNSAFE_KINDS, unsafe_spans
from carelens.types import DimensionScore, Span


def found(response: str) -> list[str]:
    return [response[s.start : s.end] for s in unsafe_spans(response)]


def test_each_span_is_labelled_with_its_kind() -> None:
    response = "Just die. Or look up the lethal dose."
    assert [(response[s.start : s.end], s.label) for s in unsafe_spans(response)] == [
        ("Just die", "urging"),
        ("lethal dose", "method"),
    ]
    assert UNSAFE_KINDS == ("urging", "method")


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("Honestly? Just die.", "Just die"),
        ("kys lol", "kys"),
        ("Then go kill yourself, nobody is stopping you.", "go kill yourself"),
        ("If it hurts that much you should just end it.", "you should just end it"),
        ("Go ahead and end it all.", "Go ahead and end it all"),
        ("The world would be better off without you.", "The world would be better off without you"),
        ("For some people suicide is the answer.", "suicide is the answer"),
        (
            "Killing yourself is a rational choice sometimes.",
            "Killing yourself is a rational choice",
        ),
        ("Suicide isn't wrong.", "Suicide isn't wrong"),
        ("The lethal dose is lower than you think.", "lethal dose"),
        ("How many pills do you have?", "How many pills"),
        ("How many milligrams is each tablet?", "How many milligrams"),
        ("The most painless way to die is not what you think.", "most painless way to die"),
        ("Sit somewhere quiet and shoot yourself in the head.", "shoot yourself in"),
        # the writer's own belief, or what "they" say, is no reflection
        ("I think the world would be better without you.", "the world would be better without you"),
        (
            "Honestly I feel like the world would be better without you.",
            "the world would be better without you",
        ),
        ("They say suicide is the answer, and they're right.", "suicide is the answer"),
        ("You think you're sad? Just die.", "Just die"),
        # a report before an imperative leaves it urging (only beliefs can be reflected)
        ("you heard me just die", "just die"),
        ("you said you're worthless then just die already", "just die"),
        ("honestly you say that every day, so go kill yourself", "go kill yourself"),
        # an urged overdose
        ("Just do it then, take all the pills.", "take all the pills"),
        ("Take all of those tablets and be done.", "Take all of those tablets"),
        ("Swallow your pills all at once.", "Swallow your pills all at once"),
        ("then just take all your pills at once", "just take all your pills at once"),
        ("Go ahead and overdose, see if anyone cares.", "Go ahead and overdose"),
        ("you should just overdose", "you should just overdose"),
    ],
)
def test_urging_and_method_wording_is_found(response: str, words: str) -> None:
    assert found(response) == [words]


@pytest.mark.parametrize(
    "response",
    [
        "Please don't kill yourself. I'm here.",
        "Don't ever kill yourself over a guy.",
        "You should not end it, things can change.",
        "Suicide is not the answer.",
        "I don't think suicide is the answer.",
        "Suicide is never the answer.",
        "Why would you kill yourself over this?",
        "If you kill yourself your mum would be devastated.",
        "Before you kill yourself, call someone tonight.",
        "It sounds like you wish you could just die in your sleep.",
        "I used to want to just die every day.",
        "We are born, we live, then die.",
        "You can do it, I believe in you.",
        "The world would not be better without you.",
        "Nobody should ever tell you the world would be better without you.",
        "Take your medication at the dose your doctor gave you.",
        # a reminder to take medication, or an overdose warned against or told of
        "Eat something and take all your pills, you matter.",
        "Take all the pills your doctor prescribed, even on bad days.",
        "Take all the tablets as prescribed and call your GP on Monday.",
        "Please don't take all the pills. Call 988 now.",
        "Never take all your pills at once, put them somewhere safe.",
        "Did you take all the pills?",
        "If you take all the pills you could die, please talk to me.",
        "I just overdose on caffeine when I'm stressed.",
        "Overdose is more common than people think, and help exists.",
        "I'm so sorry. That sounds unbearable, and I'm glad you told us.",
        # a reflection of the seeker's belief, or a question about who put it there
        "It sounds like you believe suicide is the only way out. I want to help you find another.",
        "You feel like the world would be better without you, but that isn't true.",
        "I hear that you think killing yourself is the answer right now. Will you call 988?",
        "Who told you the world would be better without you?",
        "You've been telling yourself that the world would be better without you.",
    ],
)
def test_negated_and_kind_replies_are_not_caught(response: str) -> None:
    assert found(response) == []


def dim(level: int, probabilities: tuple[float, float, float], *spans: Span) -> DimensionScore:
    return DimensionScore(level=level, probabilities=probabilities, spans=spans)


def test_rule_raises_dismissive_to_strong_with_the_words() -> None:
    response = "Nobody cares. Just die."
    before = {"dismissive": dim(0, (0.9, 0.08, 0.02)), "sympathy": dim(0, (0.9, 0.05, 0.05))}
    after = apply_rules(before, response)
    score = after["dismissive"]
    assert score.level == 2
    assert score.probabilities[2] == max(score.probabilities)
    assert sum(score.probabilities) == pytest.approx(1.0, abs=1e-3)
    assert [response[s.start : s.end] for s in score.spans] == ["Just die"]
    assert [s.label for s in score.spans] == ["dismissive"]  # a dimension's own label
    assert before["dismissive"].level == 0  # the input is not changed
    assert after["sympathy"] is before["sympathy"]


def test_rule_uses_the_unsafe_words_it_is_given() -> None:
    response = "Nobody cares. Just die."
    before = {"dismissive": dim(0, (0.9, 0.08, 0.02))}
    assert apply_rules(before, response, ()) == before  # checked by the caller: none
    given_words = unsafe_spans(response)
    assert apply_rules(before, response, given_words) == apply_rules(before, response)


def test_rule_keeps_the_models_own_spans_beside_the_unsafe_words() -> None:
    response = "What did you expect? Go ahead and end it."
    model_span = Span(0, 20, "dismissive", 0.7)
    after = apply_rules({"dismissive": dim(1, (0.2, 0.7, 0.1), model_span)}, response)
    score = after["dismissive"]
    assert score.level == 2
    assert [response[s.start : s.end] for s in score.spans] == [
        "What did you expect?",
        "Go ahead and end it",
    ]


def test_rule_leaves_a_strong_model_call_and_kind_replies_alone() -> None:
    strong = {"dismissive": dim(2, (0.1, 0.2, 0.7))}
    assert apply_rules(strong, "Just die.") == strong
    kind = {"dismissive": dim(0, (0.95, 0.04, 0.01))}
    assert apply_rules(kind, "Please don't kill yourself; can I call someone with you?") == kind


@given(st.text(max_size=300))
def test_spans_are_valid_for_any_text(response: str) -> None:
    previous_end = -1
    for span in unsafe_spans(response):
        assert previous_end <= span.start < span.end <= len(response)
        assert span.label in UNSAFE_KINDS and response[span.start : span.end].strip()
        previous_end = span.end


def test_the_shipped_analyzer_scores_an_unsafe_reply_strongly_dismissive() -> None:
    seeker = "I can't do this anymore. I want to kill myself."
    response = "Whatever. Just die then."
    result = carelens.load().analyze(seeker, response)
    assert result.unsafe_reply
    assert [(response[s.start : s.end], s.label) for s in result.unsafe or ()] == [
        ("Just die", "urging")
    ]
    score = result.dimensions["dismissive"]
    assert score.level == 2
    assert "Just die" in [response[s.start : s.end] for s in score.spans]
    assert result.style == "dismissive"
    assert result.feedback[0].startswith('"Just die" could push them towards harming themselves')
    kind = carelens.load().analyze(
        seeker, "Please don't kill yourself. Can I call someone with you?"
    )
    assert "push them towards" not in " ".join(kind.feedback)
    assert kind.unsafe == () and not kind.unsafe_reply


@pytest.mark.parametrize(
    "response",
    [
        "Please don\u2019t just die on me.",
        "Don\u2019t kys, please.",
        "I won\u2019t tell you the lethal dose.",
        "I can\u2018t tell you how many pills.",
        "Don\u02bct kill yourself.",
    ],
)
def test_a_curly_apostrophe_negates_as_a_straight_one(response: str) -> None:
    """Phones type "don\u2019t": its negation was not seen, and the kind reply became unsafe."""
    assert unsafe_spans(response) == ()
    assert unsafe_spans(response.replace("\u2019", "'").replace("\u2018", "'")) == ()


@pytest.mark.parametrize("breaks", ["\n", " \n", "\n ", "\r\n"])
def test_a_long_run_of_line_breaks_is_read_once(breaks: str) -> None:
    """Every character of a run of line breaks was a clause start whose white space was read
    to the end of the run: 20,000 of them took minutes."""
    response = "Sorry." + breaks * 20_000 + "just die"
    spans = unsafe_spans(response)
    assert [response[s.start : s.end] for s in spans] == ["just die"]
    assert unsafe_spans("Sorry." + breaks * 20_000 + "Take care.") == ()
