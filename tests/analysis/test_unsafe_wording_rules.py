"""Unsafe-reply wording rules, how the words are read: idioms, negations and other cancelling
words spelled with look-alike letters or spelled out with marks, disguised spellings and
"please" before an imperative. Whose words they are (Markdown's marks, quotations, reports,
lists) is tested in test_unsafe_frames.py."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.unsafe import _spans, unsafe_spans


def found(response: str) -> list[str]:
    return [response[s.start : s.end] for s in unsafe_spans(response)]


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


# --- negations spelled out with marks ----------------------------------------------------------


@pytest.mark.parametrize(
    "response",
    [
        "n.e.v.e.r. kill yourself",
        "N.E.V.E.R. kill yourself",
        "Please n.e.v.e.r. go hurt yourself",
        "never e.v.e.r. kill yourself",
        "d.o.n.t. kill yourself",
        "n.e.v\u200b.e.r. kill yourself",  # a zero-width space, left out as fold leaves it
    ],
)
def test_a_negation_spelled_out_with_marks_negates(response: str) -> None:
    """Read plainly, the full stops of "n.e.v.e.r." ended the clause and the words after
    them urged; read unmasked they were negated, and a span found either way was found."""
    assert found(response) == []


@pytest.mark.parametrize(
    "response",
    [
        "n.e.v.e.r. *kill yourself*",
        "n.e.v.e.r. **kill yourself**",
        "n.e.v.e.r. ***kill yourself***",
        "N.E.V.E.R. ~~kill yourself~~",
        "n.e.v.e.r. _kys_",
        "n.e.v.e.r. *kill yourself",  # an emphasis mark that none closes
        "Please n.e.v.e.r. **go hurt yourself**",
        "d.o.n.t. *kill yourself*",
    ],
)
def test_a_spelled_out_negation_before_marked_words_negates(response: str) -> None:
    """Read unmasked, "n.e.v.e.r. *kill" kept the full stop after the last "r" (left out
    only before a space and a letter), so the negation's clause ended there in both
    readings and the marked words urged."""
    assert found(response) == []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # Cyrillic "\u0435": a look-alike letter, as in "n\u0435ver kill yourself"
        ("n.\u0435.v.\u0435.r. kill yourself", ["kill yourself"]),
        # full-width full stops: marks outside ASCII
        ("n\uff0ee\uff0ev\uff0ee\uff0er\uff0e kill yourself", ["kill yourself"]),
        ("n.e.v.e.r. mind. kill yourself", ["kill yourself"]),  # another clause's negation
        ("p.l.e.a.s.e. kill yourself", ["p.l.e.a.s.e. kill yourself"]),  # no negation
        # the same before marked words
        ("n.\u0435.v.\u0435.r. *kill yourself*", ["kill yourself"]),
        ("n.e.v.e.r. mind. *kill yourself*", ["kill yourself"]),
        ("p.l.e.a.s.e. *kill yourself*", ["p.l.e.a.s.e. *kill yourself"]),
    ],
)
def test_a_spelled_out_negation_outside_ascii_or_its_clause_negates_nothing(
    response: str, words: list[str]
) -> None:
    assert found(response) == words


# --- disguised spellings, read as the crisis cues read them -----------------------------------


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("k1ll yourself", ["k1ll yourself"]),
        ("just d1e", ["just d1e"]),
        ("k*ll yourself", ["k*ll yourself"]),
        ("k-i-l-l yourself", ["k-i-l-l yourself"]),
        ("k.i.l.l. yourself", ["k.i.l.l. yourself"]),
        ("k.i.l.l. *yourself*", ["k.i.l.l. *yourself"]),  # a spelled word before a marked one
        ("k.i.l.l. *ourself", ["k.i.l.l. *ourself"]),  # a "*" read as a letter stays one
        ("ky5", ["ky5"]),
        ("ky$", ["ky$"]),
        ("KY5 loser", ["KY5"]),
        ("$uicide is the answer", ["$uicide is the answer"]),
        ("you should k*ll yours*lf", ["you should k*ll yours*lf"]),
        ("go h*rt yourself", ["go h*rt yourself"]),
        ("take all the p1lls", ["take all the p1lls"]),
        ("I hope you d1e", ["I hope you d1e"]),
        ("nobody likes you. k1ll yourself \U0001f602", ["k1ll yourself"]),  # folded first
        ("just d\u200b1e", ["just d\u200b1e"]),  # and a zero-width space inside
    ],
)
def test_disguised_urging_is_found_over_the_replys_own_characters(
    response: str, words: list[str]
) -> None:
    """Digits or symbols typed for letters, a "*" for a vowel and letters spelled out hid
    the words: none of these was found, while the crisis cues read them."""
    assert found(response) == words
    assert unsafe_spans(response) == _spans(response, quick=False)


@pytest.mark.parametrize(
    "response",
    [
        "don't k1ll yourself",
        "please don't k-i-l-l yourself",
        "never k*ll yourself",
        "n-e-v-e-r kill yourself",  # the negation spelled out, read unmasked
        "if you just d1e, who would look after your cat?",
        "why would you k1ll yourself?",
        "k1 is my friend, h0w are you",
        "it cost $5 and I feel robbed",
        "I wish I was d** at cards",
    ],
)
def test_disguised_words_keep_their_negations_and_other_words_stay_as_they_are(
    response: str,
) -> None:
    assert found(response) == []


def test_a_block_quote_of_the_seekers_masked_words_is_theirs() -> None:
    """Read unmasked, the line is "everyone says I should just die": it is the seeker's words
    still, as they read unmasked too."""
    seeker = "everyone says I should just d-i-e"
    response = "> everyone says I should just d-i-e\n\nThat is not true, and you matter to us."
    assert unsafe_spans(response, seeker) == ()
    assert [response[s.start : s.end] for s in unsafe_spans(response)] == ["just d-i-e"]


# --- "please" opening an imperative ---------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("please kill yourself", ["please kill yourself"]),
        ("Please, please kill yourself", ["please kill yourself"]),
        ("please please kill yourself", ["please please kill yourself"]),
        ("nobody likes you. pls go hurt yourself", ["pls go hurt yourself"]),
        ("plz just kill yourself", ["plz just kill yourself"]),
        ("plse die", ["plse die"]),
        ("plz overdose", ["plz overdose"]),
        ("Please take all the pills.", ["Please take all the pills"]),
        ("pls kys", ["kys"]),
        ("plz just die", ["just die"]),
    ],
)
def test_please_opens_an_imperative(response: str, words: list[str]) -> None:
    """ "please kill yourself", "plse die" and "plz overdose" matched nothing."""
    assert found(response) == words


@pytest.mark.parametrize(
    "response",
    [
        "please don't kill yourself",
        "Please, please don't ever go and kill yourself",
        "pls never hurt yourself",
        "plz dont kys",
        "please cut yourself some slack",
        "please take all the pills to the pharmacy",
        "Please take all the pills your doctor prescribed.",
    ],
)
def test_please_before_a_negation_or_safety_planning_stays_unflagged(response: str) -> None:
    assert found(response) == []


# --- cancelling words read only through look-alike letters -----------------------------------


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("\u0456f you just die", ["just die"]),  # Cyrillic i in "if"
        ("wh\u0443 would you just die", ["just die"]),  # Cyrillic y in "why"
        ("It sounds like you bel\u0456eve suicide is the answer", ["suicide is the answer"]),
        ("They sa\u0456d kys to you? awful", ["kys"]),
        ("have you been l\u043eoking up lethal doses?", ["lethal doses"]),
        ("Some troll wr\u043ete: *kill yourself*", ["kill yourself"]),
        ("Call 988 if you feel like you m\u0456ght:\n* hurt yourself", ["hurt yourself"]),
    ],
)
def test_a_cancelling_word_read_only_through_look_alikes_cancels_nothing(
    response: str, words: list[str]
) -> None:
    """Folded, "\u0456f", "wh\u0443" or "sa\u0456d" read as the question, condition or report
    that cancels the words; as typed they are none, as for a negation."""
    assert found(response) == words


@pytest.mark.parametrize(
    "response",
    [
        "if you just die",
        "if you just d\u0456e",  # the look-alike in the urging words only
        "why would you just d\u0456e",
        "It sounds like you believe su\u0456cide is the answer",
        "They said k\u0443s to you? awful",
        "have you been looking up leth\u0430l doses?",
        "Call 988 if you feel like you might:\n* h\u0443rt yourself",
    ],
)
def test_a_cancelling_word_in_latin_letters_still_cancels(response: str) -> None:
    assert found(response) == []


_MASKED_PIECES = [
    *("k1ll", "k*ll", "k-i-l-l", "d1e", "d-i-e", "ky5", "ky$", "k y s", "$uicide", "yours*lf"),
    *("yourself", "just", "please", "pls", "don't", "n-e-v-e-r", "if", "\u0456f", "is", "the"),
    *("answer", '"kill', 'yourself"', '"kys"', ".", ",", "\n", ">", "that's", "my", "he", "said"),
    *("*", "s", "d", "i", "e", "take", "all", "p1lls"),
]


@given(st.lists(st.sampled_from(_MASKED_PIECES), max_size=14).map(" ".join))
def test_masked_text_gives_valid_spans_and_the_quick_reading_hides_none(response: str) -> None:
    spans = unsafe_spans(response)
    previous = 0
    for span in spans:
        assert previous <= span.start < span.end <= len(response)
        previous = span.end
    assert spans == _spans(response, quick=False)


def test_a_line_is_no_reminder_idiom() -> None:
    """ "a line" was read as the message of "shoot yourself a reminder"."""
    assert found("go shoot yourself a line of coke") == ["go shoot yourself"]
    assert found("shoot yourself a reminder") == []
