"""Crisis cues: suicide and self-harm wording in seeker messages (transparent patterns)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.crisis import (
    CRISIS_RESOURCES,
    _case_insensitive,
    _lowered,
    _masked_patterns,
    _scan,
    crisis_cues,
    crisis_scan,
    negated_mentions,
)
from carelens.analysis.crisis_model import figurative_mentions
from carelens.analysis.crisis_patterns import PATTERNS, SCREENED
from carelens.types import Span


def cues(text: str) -> list[tuple[str, str]]:
    """``(label, cue words)`` for each span found in ``text``."""
    return [(span.label, span.text_in(text)) for span in crisis_cues(text)]


def assert_valid(text: str, spans: tuple[Span, ...]) -> None:
    """Offsets in bounds, in order, not overlapping; every span covers some characters."""
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end
        assert span.label in ("suicide", "self_harm")
        assert span.score == 1.0
        previous_end = span.end


# --- cues found, with labels and offsets ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I want to kill myself", [("suicide", "kill myself")]),
        ("I've been thinking about suicide", [("suicide", "suicide")]),
        ("Sometimes I feel suicidal at night", [("suicide", "suicidal")]),
        ("Sometimes I think about ending it all", [("suicide", "think about ending it all")]),
        ("Everyone would be better off without me", [("suicide", "be better off without me")]),
        ("I wish I had never been born", [("suicide", "wish I had never been born")]),
        ("i wish i was dead", [("suicide", "wish i was dead")]),
        ("I can't go on", [("suicide", "can't go on")]),
        ("kms", [("suicide", "kms")]),
        ("I've been cutting myself", [("self_harm", "cutting myself")]),
        ("I've been self-harming since March", [("self_harm", "self-harming")]),
        ("I burned myself with a lighter", [("self_harm", "burned myself")]),
        ("I took 30 pills last night", [("self_harm", "took 30 pills")]),
        ("I have been having urges to cut", [("self_harm", "urges to cut")]),
        ("I overdosed last year", [("self_harm", "overdosed")]),
        ("I started cutting again", [("self_harm", "started cutting again")]),
    ],
)
def test_cues_are_found_with_label_and_the_cue_words(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert cues(text) == expected
    assert_valid(text, crisis_cues(text))


def test_offsets_point_at_the_cue_words() -> None:
    text = "Long day. I want to kill myself."
    (span,) = crisis_cues(text)
    assert (span.start, span.end) == (text.index("kill myself"), text.index("kill myself") + 11)
    assert span.text_in(text) == "kill myself"


def test_several_cues_in_order_with_their_own_labels() -> None:
    text = "I've been self-harming again. Last night I wanted to die."
    assert cues(text) == [("self_harm", "self-harming"), ("suicide", "wanted to die")]


def test_matching_ignores_case() -> None:
    assert cues("I WANT TO KILL MYSELF") == [("suicide", "KILL MYSELF")]


# --- idioms are not flagged ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "this exam is killing me",
        "I'm ending things with him",
        "my feet are killing me",
        "I'm ending it with him tonight",
        "We should cut the grass tomorrow.",
        "That joke killed me, I was dying of laughter at the note you left",
    ],
)
def test_idioms_are_not_flagged(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "I just automatically think about the one who hurt me",
        "It's been a year and the anniversary hit me harder than I expected.",
        "Our memory doesn't hurt me",
        "Going back to school cut me off from my old friends.",
        "The news burned me out completely.",
    ],
)
def test_what_others_or_events_did_to_me_is_no_self_harm(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("I hurt myself again last night", "hurt myself"),
        ("I keep hitting my self when I'm angry", "hitting my self"),
        ("I burnt myself on purpose", "burnt myself"),
        ("I dreamt someone shot me in the head and I wished it was real", "shot me"),
    ],
)
def test_harm_to_myself_is_still_a_cue(text: str, cue: str) -> None:
    assert [text[c.start : c.end] for c in crisis_cues(text)] == [cue]


# --- negation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm not suicidal",
        "I would never hurt myself",
        "I won't kill myself",
        "I'm not going to hurt myself",
        "I could never kill myself",
        "I'm not thinking about suicide anymore",
    ],
)
def test_a_plain_first_person_negation_is_not_flagged(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("I don't want to wake up", "don't want to wake up"),
        ("I don't want to live anymore", "don't want to live"),
        ("I do not want to be alive", "do not want to be alive"),
        ("I didn't want to exist", "didn't want to exist"),
        ("There is no point in living", "no point in living"),
    ],
)
def test_wording_that_is_itself_negative_is_a_cue(text: str, cue: str) -> None:
    assert cues(text) == [("suicide", cue)]


def test_negation_only_reaches_back_within_its_sentence() -> None:
    # "not" ends a previous sentence: the cue that follows stands.
    assert cues("I'm really not. I want to die") == [("suicide", "want to die")]
    # A negation in a later sentence does not undo an earlier cue.
    assert cues("I want to die. I'm not suicidal though") == [("suicide", "want to die")]


def test_a_negation_far_before_the_cue_does_not_hide_it() -> None:
    assert cues("I'm not sleeping and I want to die") == [("suicide", "want to die")]


@pytest.mark.parametrize(
    "text",
    [
        # a negation of another word before the cue
        "im not ok i want to die",
        "I'm not afraid to kill myself anymore.",
        "Honestly I wouldn't mind if I died in my sleep tonight.",
        "I'm not kidding I want to die",
        "I'm not sure I want to die",
        "I'm not gonna lie, I want to die",
        # the denial denied
        "I have never not wanted to die.",
        "I can't say I'm not suicidal",
        # "never ... more than", "never ... until"
        "I've never wanted to die more than I do right now.",
        "I never wanted to kill myself until now.",
        # "can't" speaks of the urge
        "I can't stop cutting myself",
    ],
)
def test_a_negation_that_does_not_deny_the_cue_leaves_it_a_cue(text: str) -> None:
    spans, negated = crisis_scan(text)
    assert spans != () and negated == ()


@pytest.mark.parametrize(
    "text",
    [
        "I want you to know I'm not going to kill myself",
        "I just meant I'm not suicidal",
        "I went to therapy and I'm not suicidal",
        "At present I'm not suicidal",
    ],
)
def test_words_ending_in_nt_are_no_second_negation(text: str) -> None:
    """want, meant, went, present end in "nt" but deny nothing: the negation stands."""
    spans, negated = crisis_scan(text)
    assert spans == () and len(negated) == 1


@pytest.mark.parametrize(
    ("full", "contracted", "negated"),
    [
        ("I would not kill myself", "I wouldn't kill myself", True),
        ("I have not self harmed in a year", "I havent self harmed in a year", True),
        ("I will not hurt myself", "I won\u2019t hurt myself", True),
        # "do / did not" leave the cue for a person to read, spelt either way
        ("I did not hurt myself", "I didn't hurt myself", False),
        ("I do not ever cut myself", "I don\u2019t ever cut myself", False),
        ("I do not want to die", "I dont want to die", False),
    ],
)
def test_contracted_and_full_negations_agree(full: str, contracted: str, negated: bool) -> None:
    for text in (full, contracted):
        spans, mentions = crisis_scan(text)
        assert (spans == (), len(mentions)) == ((True, 1) if negated else (False, 0)), text


# --- merging -------------------------------------------------------------------------------


def test_overlapping_matches_are_merged_into_one_span() -> None:
    # "started cutting" and "cutting myself" are separate patterns that overlap.
    text = "I started cutting myself again"
    spans = crisis_cues(text)
    assert [(s.label, s.text_in(text)) for s in spans] == [("self_harm", "started cutting myself")]


def test_a_match_inside_another_is_absorbed() -> None:
    # "kill myself" lies inside "painless ways to kill myself".
    text = "looking up painless ways to kill myself"
    assert cues(text) == [("suicide", "painless ways to kill myself")]


def test_merged_spans_never_overlap() -> None:
    text = (
        "I've been self-harming and cutting myself and I want to kill myself, I want to die, "
        "I wish I was dead and better off dead, painless ways to kill myself."
    )
    spans = crisis_cues(text)
    assert len(spans) >= 3
    assert_valid(text, spans)


# --- edge inputs ---------------------------------------------------------------------------


def test_empty_and_blank_text() -> None:
    assert crisis_cues("") == ()
    assert crisis_cues("   \n\t ") == ()


def test_very_long_text_runs_and_stays_in_bounds() -> None:
    chunk = (
        "Some ordinary words here. I want to die. my feet are killing me 😀 שלום \x00 "
        "I would never hurt myself. "
    )
    text = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    spans = crisis_cues(text)
    assert len(text) == 1_000_000
    assert len(spans) >= 1_000_000 // len(chunk)
    assert_valid(text, spans)
    assert {span.text_in(text) for span in spans} == {"want to die"}


def test_emoji_right_to_left_and_control_characters() -> None:
    text = "kill myself 😢 \u202eI want to die\u202c\x00\x07 أنا suicidal\r\n🏳️‍🌈"
    spans = crisis_cues(text)
    assert [(s.label, s.text_in(text)) for s in spans] == [
        ("suicide", "kill myself"),
        ("suicide", "want to die"),
        ("suicide", "suicidal"),
    ]
    assert_valid(text, spans)


@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes_and_offsets_are_valid(text: str) -> None:
    assert_valid(text, crisis_cues(text))


#: Words that make up crisis cues, their negations and punctuation, for generated texts.
CUE_WORDS = [
    "I",
    "not",
    "never",
    "want",
    "to",
    "die",
    "kill",
    "myself",
    "cutting",
    "self-harm",
    "took",
    "30",
    "pills",
    "end",
    "it",
    "all",
    "better",
    "off",
    "without",
    "me",
    "my",
    "wrists",
    "note",
    "goodbye",
    "don't",
    "wake",
    "up",
    ".",
    ",",
    "😢",
    "\n",
]


@given(st.lists(st.sampled_from(CUE_WORDS), max_size=40).map(" ".join))
def test_cue_like_text_gives_valid_non_overlapping_spans(text: str) -> None:
    assert_valid(text, crisis_cues(text))


# --- the runs' alternations before the patterns ---------------------------------------------


@given(st.lists(st.sampled_from(CUE_WORDS), max_size=40).map(" ".join))
def test_the_runs_check_never_hides_a_cue_the_full_scan_finds(text: str) -> None:
    assert crisis_cues(text) == _scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "I took every last one of my trazodone and I'm writing goodbye letters tonight.",
        "my sister is threatening to jump off the overpass, I've been cutting again",
        "i want to k*ll myself and I od'd last week",
        "I'm not suicidal, but I think about dying every day and I od'd last week",
    ],
)
def test_cues_of_several_runs_are_all_found(text: str) -> None:
    """Messages whose cues come from patterns of different runs (and masked ones)."""
    assert len(crisis_cues(text)) >= 2
    assert crisis_cues(text) == _scan(text)


def test_every_pattern_is_in_one_run_or_read_by_its_words_in_order() -> None:
    """Each pattern, with its label, is in order among all of them; each but the veiled cues'
    is in one run, whose alternation holds it, and each of those is read by its words
    (``SCREENED``); so the cues are found as one scan of every pattern finds them."""
    in_order = [(label, p) for label, patterns in PATTERNS.items() for p in patterns]
    compiled = (_case_insensitive(), _lowered())
    for patterns in (*compiled, _masked_patterns()):
        labelled = patterns.every()
        assert [label for label, _ in labelled] == [label for label, _ in in_order]
        assert [(label, p.pattern) for label, p in labelled] == list(patterns.sources)
        in_runs = [i for _, run in patterns.runs for i in run]
        assert in_runs == sorted(in_runs)
        assert sorted(in_runs + list(patterns.words.indices())) == list(range(len(labelled)))
        assert len(patterns.runs) > 1
        for any_cue, run in patterns.runs:
            assert any_cue.pattern == "|".join(f"(?:{labelled[i][1].pattern})" for i in run)
    for patterns in compiled:
        assert [(label, p.pattern) for label, p in patterns.every()] == in_order
        assert [in_order[i][1] for i in patterns.words.indices()] == [
            p for _, p in in_order if p in SCREENED
        ]


def test_a_pattern_is_compiled_once_and_only_when_a_text_needs_it() -> None:
    """A process that reads a few messages compiles the patterns those need, not all of them
    (about a third of a second a set), and each one once."""
    patterns = _masked_patterns.__wrapped__()
    assert patterns.labelled([]) == ()
    first = patterns.labelled([3, 1])
    assert [p.pattern for _, p in first] == [patterns.sources[3][1], patterns.sources[1][1]]
    assert patterns.labelled([1])[0][1] is first[1][1]
    assert len(patterns._compiled) == 2


# --- ASCII text: lower-cased once, matched case-sensitively --------------------------------


def test_the_patterns_spell_every_letter_in_lower_case() -> None:
    """ASCII text is lower-cased and matched by case-sensitive copies of the patterns, which
    finds the same cues only if no pattern has an upper-case letter (or a \\S, \\W, ...)."""
    for patterns in PATTERNS.values():
        for pattern in patterns:
            assert pattern == pattern.lower()


def test_every_pattern_starts_with_a_word_boundary() -> None:
    """The runs' checks (alternations of patterns) let the regex engine skip ahead only
    while every branch begins with ``\\b``; one branch opening with a lookbehind made
    it six times slower on the benchmark pairs (benchmarks/rule_cost.py)."""
    for patterns in PATTERNS.values():
        for pattern in patterns:
            assert pattern.startswith("\\b"), pattern


#: CUE_WORDS without the emoji, in three cases each, for ASCII texts in any case.
ASCII_CUE_WORDS = [
    variant
    for word in ["Kms", "Suicidal", "Slit", "Overdosed", "Ending", "myself.", "me,", "NOT", "n't"]
    + [w for w in CUE_WORDS if w.isascii()]
    for variant in (word, word.upper(), word.title())
]


@given(st.lists(st.sampled_from(ASCII_CUE_WORDS), max_size=40).map(" ".join))
def test_ascii_text_in_any_case_gives_what_the_case_insensitive_scan_gives(text: str) -> None:
    assert text.isascii()
    assert crisis_cues(text) == _scan(text)


# --- resources -----------------------------------------------------------------------------


def test_crisis_resources_name_the_lines() -> None:
    joined = " ".join(CRISIS_RESOURCES)
    assert "988" in joined
    assert "741741" in joined
    # Crisis Text Line's 741741 is the US number (other countries have their own lines).
    assert [line for line in CRISIS_RESOURCES if "741741" in line] == [
        "US: text HOME to 741741 (Crisis Text Line)"
    ]
    assert "findahelpline.com" in joined
    assert all(isinstance(line, str) and line for line in CRISIS_RESOURCES)


@pytest.mark.parametrize(
    "text",
    [
        # wording that is itself negative, like "I don't want to wake up", but not covered
        "I never want to wake up again",
        "I no longer want to live",
        # a negation of something else two words before the cue hides the cue
        "I'm not okay and want to die",
    ],
)
def test_negative_wording_and_unrelated_negation_are_cues(text: str) -> None:
    assert crisis_cues(text) != ()


# --- wording added from the misses on annotated train and dev messages (codebook v1.1) ------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("i just wanna die", "wanna die"),
        ("I wake up every day desperate to die.", "desperate to die"),
        ("I hope I die very soon.", "hope I die"),
        ("I wish I could just die.", "wish I could just die"),
        ("I spend the day wishing I was dead", "wishing I was dead"),
        ("What are some painless ways to commit sucide?", "painless ways to commit sucide"),
        ("best way to end your life?", "way to end your life"),
        ("How to die painlessly?", "How to die"),
        ("Should you kill yourself if you are lonely?", "kill yourself"),
        ("Somebody just fucking kill me.", "Somebody just fucking kill me"),
        ("Midterms again. Kill me.", "Kill me"),
        ("I have nothing left to live for.", "nothing left to live for"),
        ("Tell me reasons to live.", "reasons to live"),
        ("I'll have no will to live", "no will to live"),
        ("i dont know why im alive.", "why im alive"),
        ("then why even live?", "why even live"),
        ("This is not a life worth living.", "not a life worth living"),
        ("I'm so tired of living", "tired of living"),
        ("All I really want is to not exist", "want is to not exist"),
        ("I wish I never existed", "wish I never existed"),
        ("I'm so over existing.", "I'm so over existing"),
        ("I wish I could blink out of existence.", "out of existence"),
        ("I feel like shooting myself.", "shooting myself"),
        ("I want to blow my brains out", "blow my brains out"),
        ("feel like slitting my throat", "slitting my throat"),
        ("I pray that I don't wake up", "pray that I don't wake up"),
        ("Hopefully I'll die in my sleep.", "die in my sleep"),
        ("I'm just waiting to die.", "waiting to die"),
        ("why can't I just be done?", "just be done"),
        ("I want to slam my car into a barrier", "slam my car into a barrier"),
        ("I keep hoping I get hit by a bus", "hoping I get hit"),
        ("I want my life to be over", "life to be over"),
        ("I just want the pain to end", "just want the pain to end"),
    ],
)
def test_suicide_wording_found_in_annotated_messages_is_a_cue(text: str, cue: str) -> None:
    assert cues(text) == [("suicide", cue)]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("I tried to od earlier", "tried to od"),
        ("I punched myself again", "punched myself"),
        ("I keep hitting myself when I'm angry", "hitting myself"),
        ("I scratched my arms until I bleed", "until I bleed"),
    ],
)
def test_self_harm_wording_found_in_annotated_messages_is_a_cue(text: str, cue: str) -> None:
    assert cues(text) == [("self_harm", cue)]


@pytest.mark.parametrize(
    "text",
    [
        "they want to kill me for eating the last slice",
        "I don't know why I live in this city",
        "what are the reasons to live in Canada?",
        "I have so many reasons to live with my parents",
        "I wish it did not exist",
        "I shot myself in the foot with that interview",
        "I turned my car off and sat there",
        "I drove my car into the garage",
        "I'm done with it, I'm moving on",
        "I want to just be done with school",
        "I want to live a happy life",
    ],
)
def test_near_misses_of_the_added_wording_are_not_flagged(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("convince me to not kill myself today", "kill myself"),
        ("Give me one good reason not to kill myself", "kill myself"),
        ("I successfully manage to not hurt myself", "hurt myself"),
    ],
)
def test_an_effort_against_the_urge_is_not_a_negation(text: str, cue: str) -> None:
    assert [words for _, words in cues(text)] == [cue]


# --- the safety hunt of 2026-12-05 (more items in tests/analysis/test_crisis_set.py) --------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I can\u2019t go on like this", "can\u2019t go on"),
        ("I don\u2019t want to live anymore", "don\u2019t want to live"),
        ("I hope I don\u2019t wake up tomorrow", "hope I don\u2019t wake up"),
        ("The reason I\u2019m still alive is my cat", "reason I\u2019m still alive"),
        ("I wish I\u2019d never been born", "wish I\u2019d never been born"),
    ],
)
def test_a_curly_apostrophe_reads_as_a_straight_one(text: str, expected: str) -> None:
    """Phones type U+2019; the patterns spell "'". The cue is the text's own characters."""
    assert [words for _, words in cues(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    ["I\u2019m not suicidal", "I won\u2019t hurt myself", "I wouldn\u2019t ever kill myself"],
)
def test_a_curly_apostrophe_negates_as_a_straight_one(text: str) -> None:
    assert crisis_cues(text) == ()
    assert crisis_scan(text)[1]


@pytest.mark.parametrize(
    "text",
    [
        "I'm not crazy I would never hurt myself",
        "im not crazy i would never hurt myself lol",
    ],
)
def test_a_denial_after_another_negation_in_chat_without_punctuation(text: str) -> None:
    """A new "I" starts a new clause: the first "not" is about being crazy."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I can't say I'm not suicidal", "suicidal"),
        ("I have never not wanted to die", "wanted to die"),
        ("I'm not going to end it, but I think about it every day", "end it"),
        ("I would never kill myself but I think about it a lot", "kill myself"),
    ],
)
def test_a_denied_denial_or_ideation_beside_the_denial_stays_a_cue(
    text: str, expected: str
) -> None:
    """Codebook v1.1: ideation is flagged even when the writer says they would not act."""
    assert [words for _, words in cues(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I want to end it", "end it"),
        ("Going to end it soon.", "end it"),
        ("She left and I just want to end things", "end things"),
        ("I overdosed last year", "overdosed"),
        ("Overdosed last night, still in hospital", "Overdosed"),
        ("he overdosed to try and kill himself", "overdosed"),
        ("I took 20 paracetamol", "took 20 paracetamol"),
        ("I took all of my meds at once", "took all of my meds"),
        ("I cut myself again last night", "cut myself"),
        ("My daughter has been cutting herself", "cutting herself"),
        ("She tried to kill herself", "tried to kill herself"),
    ],
)
def test_everyday_senses_are_told_apart_from_the_cue(text: str, expected: str) -> None:
    assert [words for _, words in cues(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thinking about overdose tonight", "overdose"),
        ("Thinking about overdosing again", "overdosing"),
        ("been thinking of overdosing", "overdosing"),
        ("gonna overdose tonight", "overdose"),
        ("so tempted to overdose", "overdose"),
        ("just want to take an overdose and sleep", "overdose"),
        ("really planning to overdose this weekend", "overdose"),
    ],
)
def test_an_overdose_after_the_writers_own_wish_without_its_i_is_a_cue(
    text: str, expected: str
) -> None:
    """Chat leaves out the "I": "thinking about overdose tonight" got no cue (no person in
    its clause) while "I'm thinking about overdose tonight" got one."""
    assert [words for _, words in cues(text)] == [expected]
    assert crisis_cues(text) == _scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "In the end things worked out",
        "Let's end things on a good note",
        "she wanted to end it",
        "Is it possible to overdose on caffeine?",
        "Paracetamol overdose is the topic of my nursing exam",
        "I accidentally overdosed on vitamin D",
        "thinking about overdose prevention for my nursing exam",
        "Thinking about overdose statistics again",
        "I took 2 ibuprofen for my headache",
        "I take all my meds every morning",
        "I burned myself on the stove",
        "I accidentally cut my leg shaving",
        "I cut myself some slack today",
        "I cut myself off from everyone after the breakup",
        "I cut myself out of every photo from that trip",
        "I cut myself out of their lives",
        "I cut myself out completely",
        "I cut myself out of Sarah's life",
        "I hope my landlord gets hit by a truck lol",
        "Five people in my school district have killed themselves this year",
        "I never wake up before noon on weekends",
    ],
)
def test_everyday_senses_are_not_cues(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "I don't why but I just cut myself out of sheer boredom",
        "I cut myself out of anger.",
        "cut myself out of habit again",
    ],
)
def test_cutting_oneself_out_of_a_feeling_is_self_harm(text: str) -> None:
    """ "Out of" a reason is why, not where from: only "out (of the photos)" is the idiom
    (an annotated self-harm post of the shared data was lost to it)."""
    assert [cue.label for cue in crisis_cues(text)] == ["self_harm"]


# --- farewells and figures of speech -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I just wanted to say goodbye to everyone, thank you for everything", "goodbye"),
        ("this is my last post, take care of my cat", "last post"),
        ("She'll take better care of him than I can. Goodbye everyone.", "Goodbye"),
        ("by the time you read this I'll be gone", "by the time you read this I'll be gone"),
        (
            "By the time anyone finds this, I'll be dead.",
            "By the time anyone finds this, I'll be dead",
        ),
        ("Goodbye. I love you all. I'm sorry.", "Goodbye"),
        ("I won't need them where I'm going.", "won't need them where I'm going"),
        (
            "Tell my mom I'm sorry. I won't be around after tonight.",
            "I won't be around after tonight",
        ),
        ("I honestly won't be here much longer.", "I honestly won't be here much longer"),
    ],
)
def test_a_farewell_that_points_to_suicide_is_a_cue(text: str, words: str) -> None:
    assert ("suicide", words) in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "goodbye everyone, I'm moving to Canada",
        "last post before my holiday",
        "This is my last post before my holiday, thank you all for everything!",
        "Goodbye everyone, thanks for everything, I'm starting a new job in Berlin next week",
        "by the time you read this I'll be gone on holiday to Spain",
        "I won't be around after tonight, flying to Spain tomorrow",
        "In my last post I said I'm sorry to my mum",
        "I'm sorry I missed your call, goodbye for now",
        "My last post got no replies, so I'm trying again.",
        "Goodbye 2025, hello new year!",
        "See my last post, thank you for everything you said there.",
        "I'm so sorry, I said goodbye too fast on the phone and had to go to my new job.",
        # Someone else's end, not the seeker's: an old grandmother, a pet.
        "My nan, shes 82 and she won't be around much longer, I'm so sad.",
        "The vet says our dog won't be here much longer.",
    ],
)
def test_an_everyday_goodbye_is_not_a_cue(text: str) -> None:
    assert cues(text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "I've been giving away my things and saying goodbye to people. I feel calm now.",
            ["giving away my things", "saying goodbye to people"],
        ),
        (
            "I've written letters to everyone I love and I've given away my guitar. I feel at "
            "peace now, finally.",
            ["written letters to everyone", "given away my guitar"],
        ),
        ("I wrote letters to everyone I love. I\u2019m ready now.", ["wrote letters to everyone"]),
    ],
)
def test_a_farewell_told_by_its_acts_is_a_cue(text: str, words: list[str]) -> None:
    """Possessions given away, goodbyes or letters to everyone and a calm after them are
    warning signs; they raised no cue."""
    assert cues(text) == [("suicide", w) for w in words]


@pytest.mark.parametrize(
    "text",
    [
        "I'm giving away my old clothes to charity and saying goodbye to people at my leaving "
        "party.",
        "We're moving next month, so I've been giving away my things and saying goodbye to people.",
        "I gave away my guitar to my nephew, he plays better than me.",
        "I said goodbye to my family at the airport.",
        "I said goodbye to my dog today, the vet was kind. I feel at peace now.",
        "I feel calm now that the exams are over.",
        "I wrote letters to everyone at Christmas. I feel calm now.",
    ],
)
def test_one_farewell_act_or_an_everyday_one_is_not_a_cue(text: str) -> None:
    assert cues(text) == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("this commute is killing me, I swear I could die", ["is killing me", "swear I could die"]),
        ("I'm dying to see the new film this weekend", ["dying to see"]),
        ("my boss will kill me if I'm late again today", ["boss will kill me"]),
        ("Mom\u2019s gonna kill me", ["Mom\u2019s gonna kill me"]),
        ("I could die of embarrassment", ["could die"]),
        ("that cake was to die for", ["to die for"]),
        ("we killed it at the show last night", ["killed it"]),
        ("I want to die", []),
        ("I could die and nobody would notice", []),
        ("I'm so tired I could die and nobody would care", []),
        ("I'm going to kill myself", []),
    ],
)
def test_figures_of_speech_are_found(text: str, figures: list[str]) -> None:
    assert [text[s:e] for s, e in figurative_mentions(text)] == figures


# --- text typed to get past a forum's filters ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I can\u00b4t go on anymore and I feel so alone.", ["can\u00b4t go on"]),
        ("I don\u00b4t want to live anymore", ["don\u00b4t want to live"]),
        ("I won\u00b4t be here much longer", ["I won\u00b4t be here much longer"]),
        ("I can`t go on anymore", ["can`t go on"]),
        ("I don`t want to live anymore", ["don`t want to live"]),
    ],
)
def test_an_acute_accent_or_a_backtick_typed_for_an_apostrophe_is_read_as_one(
    text: str, words: list[str]
) -> None:
    """ "I can\u00b4t go on" got no cue; "I can't go on" and "I can\u2019t go on" did."""
    assert [text[s.start : s.end] for s in crisis_cues(text)] == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I have been thinking about sui\u00adcide a lot and I feel so empty.", "sui\u00adcide"),
        ("I keep thinking about sui\u200bcide", "sui\u200bcide"),
        ("I took an over\u200bdose last night", "over\u200bdose"),
        ("I just want to di\u0301e", "want to di\u0301e"),
        ("I want to die\u0301", "want to die\u0301"),
        ("I want to kill my\u200dself\u200b tonight", "kill my\u200dself"),
        ("\ufeffI want to k\u2060ill myself", "k\u2060ill myself"),
        (
            "I want to \uff4b\uff49\uff4c\uff4c \uff4d\uff59\uff53\uff45\uff4c\uff46",
            "\uff4b\uff49\uff4c\uff4c \uff4d\uff59\uff53\uff45\uff4c\uff46",
        ),
        ("\uff29 \uff37\uff21\uff2e\uff34 \uff34\uff2f \uff24\uff29\uff25", None),
    ],
)
def test_invisible_characters_marks_and_full_width_letters_do_not_hide_a_cue(
    text: str, words: str | None
) -> None:
    """A soft hyphen, a zero-width space or joiner, a combining accent or full-width letters
    put in a word hid it from the patterns; the cue's offsets slice the original text,
    covering the characters left out inside its words."""
    found = crisis_cues(text)
    assert len(found) == 1
    if words is not None:
        assert text[found[0].start : found[0].end] == words
    assert found == _scan(text)
    assert_valid(text, found)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("I\u00b4m not sui\u200bcidal, I just need to vent.", "sui\u200bcidal"),
        ("I would never hurt my\u00adself.", "hurt my\u00adself"),
        ("I\u00b4m not going to kill my\u200bself, I promise.", "kill my\u200bself"),
    ],
)
def test_a_negated_mention_stays_negated_in_folded_text(text: str, negated: str) -> None:
    assert crisis_cues(text) == ()
    assert [text[s:e] for s, e in negated_mentions(text)] == [negated]


def test_a_figure_of_speech_is_found_in_folded_text() -> None:
    text = "this commute is kil\u200bling me"
    assert [text[s:e] for s, e in figurative_mentions(text)] == ["is kil\u200bling me"]


@pytest.mark.parametrize(
    ("message", "cue"),
    [
        ("why can't I just die", "why can't I just die"),
        ("Why cant I die already, everything hurts", "Why cant I die"),
        ("why can\u2019t I just die?? nothing helps", "why can\u2019t I just die"),
        ("WHY CAN'T I JUST BE DEAD", "WHY CAN'T I JUST BE DEAD"),
    ],
)
def test_a_death_wish_asked_as_a_question_is_a_cue(message: str, cue: str) -> None:
    cues, negated = crisis_scan(message)
    assert [message[s.start : s.end] for s in cues] == [cue]
    assert negated == ()


@pytest.mark.parametrize("message", ["why can't I diet properly", "why can't I dye my hair"])
def test_words_that_begin_like_die_are_no_death_wish(message: str) -> None:
    assert crisis_scan(message) == ((), ())


# --- "kys" of oneself -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I just want to kys", "want to kys"),
        ("gonna kys", "gonna kys"),
        ("i might kys tonight", "might kys"),
        ("I'm so ready to kys", "ready to kys"),
        ("honestly I should just kys", "should just kys"),
        ("I told my therapist I want to kys", "want to kys"),
        ("I KINDA WANNA KYS", "WANNA KYS"),
        ("I want to ky5", "want to ky5"),  # disguised, read unmasked
        # the writer's own saying, the verb's subject a word or more before it
        ("I always say I want to kys", "want to kys"),
        ("I've honestly always said I wanna kys", "wanna kys"),
    ],
)
def test_kys_after_the_writers_own_desire_or_intent_is_a_cue(text: str, words: str) -> None:
    """ "kms" was a cue, "I just want to kys" none; "I always say I want to kys" was read as
    someone else's telling (the writer was looked for one word before the verb only)."""
    assert cues(text) == [("suicide", words)]
    assert crisis_cues(text) == _scan(text)


@pytest.mark.parametrize(
    "text",
    [
        # abuse the seeker reports, not their own intent
        "someone told me to kys",
        "people say kys to me",
        "kys is so toxic",
        "kys",
        "they want me to kys",
        "someone told me I should kys",
        "my mom said I should kys",
        "I think my mom said I should kys",
        "people always tell me I should kys",
        "I keep hearing people say I should kys",
        # another's "kys"
        "you should kys",
    ],
)
def test_kys_said_to_or_about_the_seeker_is_no_cue(text: str) -> None:
    assert crisis_scan(text) == ((), ())


@pytest.mark.parametrize(
    ("text", "spelled_out"),
    [
        ("I never said I want to kys", "I never said I want to die"),
        ("I didn't say I wanna kys", "I didn't say I wanna die"),
        ("I'm not saying I want to kys", "I'm not saying I want to die"),
        ("I wouldn't say I want to kys", "I wouldn't say I want to die"),
        ("I can\u2019t say I want to kys", "I can\u2019t say I want to die"),
    ],
)
def test_kys_after_the_writers_own_denied_saying_is_a_cue_as_spelled_out(
    text: str, spelled_out: str
) -> None:
    """ "I never said I want to kys" was read as someone else's telling (a negation between the
    writer and the verb was not looked through) and got no cue, while "I never said I want to
    die" gets one: the saying is denied, not the wish."""
    assert [label for label, _ in cues(spelled_out)] == ["suicide"]
    assert [label for label, _ in cues(text)] == ["suicide"]
    assert negated_mentions(text) == ()


def test_kys_in_what_another_never_said_stays_no_cue() -> None:
    assert crisis_scan("my mom never said I should kys") == ((), ())


def test_a_denied_kys_is_a_negated_mention() -> None:
    text = "I'm not gonna kys, I promise"
    assert crisis_cues(text) == ()
    assert [text[s:e] for s, e in negated_mentions(text)] == ["gonna kys"]


@pytest.mark.parametrize(
    "text",
    [
        "i want to finish my life",
        "gonna uninstall life tonight",
        "ready for the big sleep",
        "my sister says she's going to end her life",
    ],
)
def test_a_life_finished_game_slang_a_big_sleep_and_anothers_life_ended_are_cues(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "i want to finish my life's work before i retire",
        "gonna log off from twitter for a while",
        "we watched the big sleep last night",
    ],
)
def test_lifes_work_a_break_from_twitter_and_a_film_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()
