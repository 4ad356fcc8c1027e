"""Unsafe-reply wording rules: Markdown emphasis as the writer's own urging or as reported
words, lists under a report of someone else's words, idioms, and negations spelled with
look-alike letters."""

from __future__ import annotations

import pytest

from carelens.analysis.unsafe import unsafe_spans


def found(response: str) -> list[str]:
    return [response[s.start : s.end] for s in unsafe_spans(response)]


# --- emphasis and code marks -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("nobody likes you. *kill yourself*", ["kill yourself"]),
        ("you should **kill yourself**", ["you should **kill yourself"]),
        ("honestly just _kys_", ["kys"]),
        ("**kill yourself** loser", ["kill yourself"]),
        ("just *kill yourself*", ["just *kill yourself"]),
        ("go `kill yourself`", ["go `kill yourself"]),
        ("_just die_ already", ["just die"]),
        ("~~kill yourself~~ nobody would care", ["kill yourself"]),
        # a verb after the marks, but the writer's own claim
        ("**kill yourself** is my advice", ["kill yourself"]),
        # a reporting verb with the writer as its speaker
        ("I said *kys* and I meant it", ["kys"]),
    ],
)
def test_emphasis_in_the_writers_own_frame_is_urging(response: str, words: list[str]) -> None:
    """An imperative in emphasis or code marks opened no clause (a "*" is no list mark) and,
    beside other words, was read as quoted: none of these was found."""
    assert found(response) == words


@pytest.mark.parametrize(
    "response",
    [
        "Some troll wrote: *kill yourself*.",
        "someone told me *kys* yesterday",
        '"kill yourself" is what they wrote',
        "~kys~ is what they wrote",
        "*kill yourself* is what he said to you",
        "Nobody deserves to hear *just die*.",
        "Your ex said, **go kill yourself**, and that was abuse.",
        "The replies (`kys`, `just die`) were vile and I reported them.",
        "you should *never* kill yourself",
        "**Don't** kill yourself",
    ],
)
def test_emphasised_words_someone_else_said_are_no_urging(response: str) -> None:
    assert found(response) == []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("Some troll wrote: kill yourself", []),
        ("They texted me: kys. That is cruel.", []),
        ("I wrote: kys", ["kys"]),
        ("This is what I said: kys", ["kys"]),
        ("My advice: kill yourself", ["kill yourself"]),
    ],
)
def test_a_report_before_a_colon_is_reported_speech(response: str, words: list[str]) -> None:
    """A colon after a report of someone else's words hid the report: "Some troll wrote:
    kill yourself" was urging."""
    assert found(response) == words


# --- lists -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "response",
    [
        "My ex texted me:\n- kill yourself\n- nobody wants you",
        "Someone commented on my post:\n\n* kys\n* just die\n\nIs that normal?",
        "They told me this:\n1) go hurt yourself\n2) nobody likes you",
        "My ex texted me: - kill yourself - nobody wants you",
    ],
)
def test_a_list_under_a_report_of_someone_elses_words_is_no_urging(response: str) -> None:
    """The items of a list under "My ex texted me:" were the writer's urging."""
    assert found(response) == []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("Here's my advice:\n- kill yourself", ["kill yourself"]),
        ("- kill yourself", ["kill yourself"]),
        ("I told him:\n- kill yourself", ["kill yourself"]),
        # the writer between a word and the verb: not someone else's words
        ("Here's what I'd tell you:\n- kill yourself", ["kill yourself"]),
        ("Here's what we would say:\n* just die", ["just die"]),
        ("My ex texted me:\n- kill yourself\n\nMy advice:\n- just die", ["just die"]),
    ],
)
def test_a_list_under_the_writers_own_line_stays_urging(response: str, words: list[str]) -> None:
    assert found(response) == words


# --- idioms ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "response",
    [
        "kill yourself with kindness",
        "Just kill yourself with kindness for a week.",
        "don't kill yourself with work",
        "kill yourself laughing",
        "shoot yourself a reminder",
        "shoot yourself an email so you don't forget",
        "Go shoot yourself a quick text with the number.",
    ],
)
def test_idioms_are_no_urging(response: str) -> None:
    """ "kill yourself with kindness" and "shoot yourself a reminder / an email" were urging."""
    assert found(response) == []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("kill yourself", ["kill yourself"]),
        ("shoot yourself", ["shoot yourself"]),
        ("go shoot yourself in the head", ["go shoot yourself in"]),
        ("kill yourself with a knife", ["kill yourself"]),
        ("just shoot yourself already", ["just shoot yourself"]),
    ],
)
def test_the_idioms_verbs_alone_stay_urging(response: str, words: list[str]) -> None:
    assert found(response) == words


# --- negations spelled with look-alike letters -------------------------------------------------


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("d\u043en't kill yourself", ["kill yourself"]),  # Cyrillic "o"
        ("n\u0435ver hurt yourself", ["hurt yourself"]),  # Cyrillic "e"
        ("do n\u043et kill yourself", ["kill yourself"]),
        ("please d\u043en't ever go and kill yourself", ["kill yourself"]),
        ("d\u043en't kill yourself \U0001f602", ["kill yourself"]),  # not ASCII once folded
        ("**d\u043en't** kill yourself", ["kill yourself"]),
    ],
)
def test_a_negation_read_only_through_look_alikes_negates_nothing(
    response: str, words: list[str]
) -> None:
    """Folded, "d\u043en't" reads "don't" and cancelled the words; typed, it is no negation."""
    assert found(response) == words


@pytest.mark.parametrize(
    "response",
    [
        "don't kill yourself",
        "never hurt yourself",
        "never ever hurt yourself",
        "do not kill yourself",
        "don't k\u0456ll yourself",  # the look-alike is not in the negation
        "don't kill yourself \U0001f62d",
    ],
)
def test_a_plain_negation_still_negates(response: str) -> None:
    assert found(response) == []


def test_a_long_run_of_marked_words_is_read_once() -> None:
    """The words after each of many marked words were read to the end of their run, and the
    spaces between them split every way: 20,000 of them never finished."""
    assert found("**x** " * 20_000 + ". kill yourself") == ["kill yourself"]
    assert found("*a* and " * 20_000 + "kill yourself") == ["kill yourself"]
    assert found("I am sorry. " + "`k`, " * 20_000 + "`kill yourself` is what they wrote") == []
