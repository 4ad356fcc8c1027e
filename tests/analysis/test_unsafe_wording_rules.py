"""Unsafe-reply wording rules: Markdown emphasis as the writer's own urging or as reported
words, lists under a report of someone else's words, idioms, negations and other cancelling
words spelled with look-alike letters, disguised spellings, "please" before an imperative and
quotation marks around the writer's own sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.unsafe import _spans, unsafe_spans


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
    ("response", "words"),
    [
        # Cyrillic "\u0435": a look-alike letter, as in "n\u0435ver kill yourself"
        ("n.\u0435.v.\u0435.r. kill yourself", ["kill yourself"]),
        # full-width full stops: marks outside ASCII
        ("n\uff0ee\uff0ev\uff0ee\uff0er\uff0e kill yourself", ["kill yourself"]),
        ("n.e.v.e.r. mind. kill yourself", ["kill yourself"]),  # another clause's negation
        ("p.l.e.a.s.e. kill yourself", ["p.l.e.a.s.e. kill yourself"]),  # no negation
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


# --- quotation marks around the writer's own sentence ----------------------------------------


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ('"kill yourself"', ["kill yourself"]),
        ('"kill yourself". that\'s my answer', ["kill yourself"]),
        ('"kys". that\'s my answer', ["kys"]),
        ("\u201cgo hurt yourself\u201d. My honest advice.", ["go hurt yourself"]),
        ('nobody likes you.\n"kill yourself"\nthat is all I have to say', ["kill yourself"]),
        ('lol "kill yourself"', ["kill yourself"]),
        ('"Kill yourself." That\'s what I would tell you.', ["Kill yourself"]),
        ('"kys". these are my words to you', ["kys"]),
        ("*kill yourself*. nobody would hear you anyway", ["kill yourself"]),
    ],
)
def test_a_quoted_imperative_that_is_the_writers_sentence_is_urging(
    response: str, words: list[str]
) -> None:
    """A quotation mark before the verb hid '"kill yourself"' (while '"kys"' was found), and
    a quotation that is a sentence of its own beside the writer's words was a mention."""
    assert found(response) == words


@pytest.mark.parametrize(
    "response",
    [
        'He said "kill yourself" to me',
        'He said "kys" to me',
        '"Kill yourself." That\'s what he told me, and it was cruel.',
        '"Kill yourself." my ex texted me. I am so sorry.',
        'Some troll wrote:\n"kill yourself"\nI am so sorry, nobody deserves that.',
        'I am so sorry. "Kill yourself" is a horrible thing to hear.',
        'Your ex said, "go kill yourself", and that was abuse.',
        'The "just die" messages are lies.',
        "*kill yourself*. That's what he told me, and it was cruel.",
        '"Kill yourself."\nThat\'s what my dad said to me when I was 15. You will get through it.',
        '"Kill yourself." Those words hurt, I know.',
        '"Just die." That comment was cruel and I reported it.',
        '"Kill yourself." No one deserves to be told that.',
    ],
)
def test_a_quotation_someone_else_said_stays_a_mention(response: str) -> None:
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


# --- the writer's own saying: modal, first-person and imperative frames ----------------------


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("Let me tell you: kill yourself", ["kill yourself"]),
        ("I want to tell you: kill yourself", ["kill yourself"]),
        ("I must say: kill yourself", ["kill yourself"]),
        ("I should tell you: kys", ["kys"]),
        ("All I can say: kill yourself", ["kill yourself"]),
        ("Gotta say: kys", ["kys"]),
        ("Lemme tell ya: kys", ["kys"]),
        ("I just want to say: go kill yourself", ["go kill yourself"]),
        ("I'm going to say it: just die", ["just die"]),
        ("someone should tell you: kill yourself", ["kill yourself"]),
        ("Let me tell you:\n- kill yourself", ["kill yourself"]),
        ("I must say:\n- just die\n- nobody cares", ["just die"]),
        ("Let me tell you: *kill yourself*", ["kill yourself"]),
        ("Here's what you need to hear: *kill yourself*", ["kill yourself"]),
        ("You deserve to hear it: *just die*", ["just die"]),
        ("People like you need to hear *kys* more often", ["kys"]),
        ("Let me tell you this. *kys*", ["kys"]),
    ],
)
def test_the_writers_own_saying_frames_urging(response: str, words: list[str]) -> None:
    """Any word before a verb of saying was read as its speaker ("me", "want", "must",
    "Gotta"), and a colon after it made the words after it someone else's: none of these
    was found."""
    assert found(response) == words


@pytest.mark.parametrize(
    "response",
    [
        "he said: kill yourself",
        "they wrote: kys",
        "someone told me: kill yourself",
        "my ex texted me: kys",
        "people say: just die",
        "My bully used to say: kys",
        "My ex texted me:\n- kill yourself\n- nobody wants you",
        "Nobody deserves to hear *just die*.",
        "No one should ever have to read *kys*.",
        "You should never have to hear *kill yourself* from anyone.",
    ],
)
def test_someone_elses_saying_stays_a_report(response: str) -> None:
    assert found(response) == []


# --- nested and mismatched emphasis ----------------------------------------------------------


@pytest.mark.parametrize(
    "response",
    [
        "nobody likes you. ***kill yourself***",
        "nobody likes you. **_kill yourself_**",
        "nobody likes you. *__kill yourself__*",
        "nobody likes you. ~~*kill yourself*~~",
        "nobody likes you. **kill yourself*",
        "nobody likes you. *kill yourself**",
    ],
)
def test_nested_and_mismatched_emphasis_is_the_writers_own(response: str) -> None:
    """Only one or two of the same mark were read as emphasis: these hid the words."""
    assert found(response) == ["kill yourself"]


# --- titles, code marks and the words after marked ones -----------------------------------


@pytest.mark.parametrize(
    "response",
    [
        "*Kill Yourself (Part III)* by $uicideboy$ is a great song.",
        "*Kill Yourself (Part III)* got me through my worst year.",
        "Try *Just Die Already* by some band, it's weirdly comforting.",
        "*Kill yourself* - that's what my bully used to say. It's not true.",
        "*kys* - what a horrible thing to write to you",
        "*kys* comments are cruel",
        "The mod bot blocks `kys` and `kill yourself` automatically",
        "Add these to the automod filter: `kys`, `kill yourself`",
        "Use ``kill yourself`` as the test string in the filter",
        '"Kill yourself," he said. That must have hurt.',
        '"Kill yourself", she wrote. I am so sorry.',
        'He texted me this. "Kill yourself."',
        "He texted me this.\n*kill yourself*\nI am so sorry.",
    ],
)
def test_titles_code_and_framed_quotations_are_mentions(response: str) -> None:
    """Titles in emphasis, words in code marks, marked words before a dash and who said them
    or a noun for such words, and a quotation after "He texted me this." were urging."""
    assert found(response) == []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("you should **kill yourself**", ["you should **kill yourself"]),
        ("nobody likes you. *kill yourself*", ["kill yourself"]),
        ("nobody likes you. *Kill Yourself*", ["Kill Yourself"]),
        ("*kill yourself* by tonight", ["kill yourself"]),
        ("*Kill Yourself* by Friday, loser", ["Kill Yourself"]),
        ("*Kill Yourself* by jumping off a bridge", ["Kill Yourself"]),
        ("nobody likes you. *kill yourself (seriously)*", ["kill yourself"]),
        ("nobody likes you. *KILL YOURSELF (NOW)*", ["KILL YOURSELF"]),
        ("go `kill yourself`", ["go `kill yourself"]),
        ("`kys`", ["kys"]),  # code marks and little else
    ],
)
def test_emphasis_without_a_title_or_a_frame_stays_urging(response: str, words: list[str]) -> None:
    assert found(response) == words


def test_a_line_is_no_reminder_idiom() -> None:
    """ "a line" was read as the message of "shoot yourself a reminder"."""
    assert found("go shoot yourself a line of coke") == ["go shoot yourself"]
    assert found("shoot yourself a reminder") == []
