"""Crisis cues: abuse the seeker reports ("someone told me to kill myself") and the everyday
idioms "I'd rather die than go to that party", "I overdosed on ice cream" are no cue; the
seeker's own intent beside them, a telling from inside and another's risk still are."""

from __future__ import annotations

import functools

import pytest

from carelens.analysis.crisis import crisis_cues, crisis_scan
from carelens.analysis.crisis_context import not_own_mentions
from carelens.analysis.crisis_model import CrisisWordingModel


def cue_words(text: str) -> list[str]:
    """The words of each cue the patterns find in ``text``."""
    return [span.text_in(text) for span in crisis_cues(text)]


@functools.cache
def shipped_model() -> CrisisWordingModel:
    """The shipped learned flag, loaded once for these tests."""
    return CrisisWordingModel.load()


# --- abuse the seeker reports ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Someone told me to kill myself and I feel worthless.",
        'My brother said "just kill yourself" and laughed. I feel so hurt.',
        "X told me to kill myself",
        "people tell me to kill myself",
        "he said I should kill myself",
        'my mom said "kill yourself"',
        "my mom said \u201ckill yourself\u201d",
        'he said, "kill yourself"',
        '"Kill yourself," my brother said.',
        '"just kill yourself" he texted me',
        'someone wrote "just die" under my post',
        "I was told to kill myself",
        "Everyone keeps telling me that I should just go kill myself",
        "she told me to go fucking kill myself lol",
        "They told me to kill myself. I'm going to the police.",
        "they told me to kill myself and I want to cry",
        "I spent my Christmas Eve in a shouting match with my mom.. She told me to kill myself.",
        # masked, as the patterns read it
        "someone told me to k*ll myself",
    ],
)
def test_being_told_to_kill_oneself_is_abuse_the_seeker_reports_not_a_cue(text: str) -> None:
    """ "Someone told me to kill myself" was the full own-risk cue while "someone told me to
    kys" got none, and 'my brother said "just kill yourself"' was a cue of the generic "you":
    the spelled-out words now follow the "kys" policy, as the codebook's annotators read them
    (the EPITOME post of the last item is annotated no crisis)."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Someone told me to kill myself and honestly I want to", "kill myself"),
        ("they told me to kill myself and I'm thinking about it", "kill myself"),
        ("Someone told me to kill myself. Honestly I want to.", "kill myself"),
        ("My bf says I should just kill myself and honestly I might", "kill myself"),
        ("Everyone tells me to go kill myself. Maybe they're right.", "kill myself"),
        ("People who say I should just kill myself are right", "kill myself"),
        ("My dad told me to kill myself last year and I almost did.", "kill myself"),
        ("he told me to kill myself and i did try", "kill myself"),
        # "kys" taken up is a cue the same way
        ("Someone told me to kys and honestly I want to", "kys"),
        ("they told me to kys and I'm thinking about it", "kys"),
        ("someone told me I should kys and I might", "should kys"),
    ],
)
def test_what_the_seeker_was_told_and_takes_up_is_a_cue(text: str, words: str) -> None:
    """The seeker's own intent beside the telling keeps the cue, spelled out or as "kys"
    ("they told me to kys and I'm thinking about it" was none)."""
    assert cue_words(text) == [words]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # agreement
        ("I was told to kill myself and I agree with them", ["kill myself"]),
        ("everyone says I should kill myself and they're not wrong", ["kill myself"]),
        ("people tell me to kill myself and maybe I should listen", ["kill myself"]),
        (
            "I keep hearing people say I should kill myself and part of me believes it",
            ["kill myself"],
        ),
        ("my dad told me to kill myself and honestly why not", ["kill myself"]),
        ("someone told me to kys and I agree", ["kys"]),
        # an intent or a plan
        ("Someone said I should just kill myself, and you know what, I'm done.", ["kill myself"]),
        # (the plan for tonight is a cue of its own too: crisis_plans)
        (
            "I was told to kill myself. I'm going to do it tonight.",
            ["kill myself", "I'm going to do it tonight"],
        ),
        ("I was told to kill myself. Tonight I'm doing it.", ["kill myself"]),
        # (the note written is a cue of its own too: crisis_farewells)
        ("They told me to kill myself. I've written my note.", ["kill myself", "my note"]),
        ("They told me to kill myself and I wish I had the guts", ["kill myself"]),
        # a cue of the seeker's own risk elsewhere in the message
        ("my dad told me to kill myself. I want to die.", ["kill myself", "want to die"]),
        (
            "they say I should kill myself. I'd be better off dead anyway",
            ["kill myself", "better off dead"],
        ),
        (
            "someone told me to kill myself so I took all my pills",
            ["kill myself", "took all my pills"],
        ),
        ("someone told me to k*ll myself. I want to d*e", ["k*ll myself", "want to d*e"]),
        # no teller: the seeker's own
        ("Nobody told me to kill myself. I decided on my own.", ["kill myself"]),
        ("No one told me to kill myself, it's my own choice and it's tonight", ["kill myself"]),
        ("It's not like anyone told me to kill myself", ["kill myself"]),
        ("I wasn't told to kill myself by anyone.", ["kill myself"]),
    ],
)
def test_more_ways_of_taking_up_a_telling_and_a_negated_teller_are_cues(
    text: str, words: list[str]
) -> None:
    """Agreement, a plan, a cue of the seeker's own risk beside it and a teller that is
    none ("Nobody told me to ...") were set aside as a telling the seeker reports: no cue, or
    only the learned flag's."""
    assert cue_words(text) == words


@pytest.mark.parametrize(
    "text",
    [
        "they told me to kill myself and I don't agree",
        "people tell me to kill myself and maybe I should tell my teacher",
        "Someone told me to kill myself. I'm not suicidal though.",
    ],
)
def test_a_telling_neither_taken_up_nor_beside_own_risk_stays_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


def test_a_third_partys_risk_does_not_take_up_a_telling() -> None:
    text = "my friend told me to kill myself and she wants to die"
    assert cue_words(text) == ["she wants to die"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the seeker's own words, or their own telling
        ("I want to kill myself", "kill myself"),
        ("I said I want to kill myself", "kill myself"),
        ("I always say I should just kill myself", "kill myself"),
        ("I told my therapist I want to kill myself", "kill myself"),
        ('"kill myself," I said', "kill myself"),
        ("you ever feel like you want to kill yourself?", "kill yourself"),
        # told something else than to do it
        ("My therapist told me to call if I want to kill myself", "kill myself"),
        ("people tell me I shouldn't kill myself", "kill myself"),
        ("he told me not to kill myself", "kill myself"),
        ("Nobody told me I'd want to kill myself after having a baby", "kill myself"),
        ("He told me that if I kill myself he'd be sad", "kill myself"),
        ("i wanna kill myself, my mom said i'm being dramatic", "kill myself"),
        # a telling from inside
        ("The voices tell me to kill myself", "kill myself"),
        ("I hear voices and they tell me to kill myself", "kill myself"),
        ("the voices in my head keep telling me I should kys", "should kys"),
        ("my brain keeps telling me I should kys", "should kys"),
        ("Something tells me I should just kill myself", "kill myself"),
        ("God told me to kill myself", "kill myself"),
        # another's risk the seeker describes (codebook v1.1)
        ("my son said he wants to kill himself", "wants to kill himself"),
        ("my friend told me she wants to kill herself", "wants to kill herself"),
    ],
)
def test_own_words_other_tellings_and_inner_voices_stay_cues(text: str, words: str) -> None:
    """Only an order to do it, from someone else, is set aside: the writer's own saying, what
    they were told besides ("call if I want to kill myself"), command voices and a third
    party's risk are cues as before."""
    assert cue_words(text) == [words]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("the voices keep telling me to die", "voices keep telling me to die"),
        ("the voices keep telling me to end it", "voices keep telling me to end it"),
        ("my head keeps telling me to jump", "my head keeps telling me to jump"),
    ],
)
def test_inner_voices_telling_the_writer_to_die_are_a_cue(text: str, words: str) -> None:
    """Command voices are a cue whatever they command the writer's death with, not only "kill
    myself"."""
    assert cue_words(text) == [words]


def test_a_telling_to_jump_at_something_is_no_cue() -> None:
    assert crisis_cues("my gut keeps telling me to jump at the job offer") == ()


@pytest.mark.parametrize(
    "text",
    [
        "someone told me to kys",
        "my mom said I should kys",
        "I think my mom said I should kys",
        "my mom never said I should kys",
        "Someone told me to kys and I feel worthless.",
    ],
)
def test_kys_told_to_the_seeker_stays_no_cue(text: str) -> None:
    assert crisis_scan(text) == ((), ())


# --- idioms ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'd rather die than go to that party with my ex lol",
        "i would rather die than wear that dress lol",
        "I'd rather die than sit through another meeting with him",
        "honestly rather die than do the dishes tonight",
        "i overdosed on ice cream last night lol",
        "I overdosed on caffeine today",
        "overdosed on netflix this weekend",
        "we totally overdosed on christmas movies",
        "I think I overdosed on sugar at the party",
        "I overdosed on so much ice cream lol",
        "i overdosed on way too much coffee today",
        "we overdosed on the pizza and cake",
    ],
)
def test_everyday_idioms_are_no_cue(text: str) -> None:
    """ "rather die than <an everyday outing, chore or thing to wear>" and "overdosed on <a
    food, a drink, a show>" were cues ("rather die", "overdosed")."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I'd rather die", "rather die"),
        ("I'd rather die than keep living like this", "rather die"),
        ("I'd rather be dead", "rather be dead"),
        ("I'd rather die than go back to him", "rather die"),
        ("I'd rather die than ask for help", "rather die"),
        ("I'd rather die than go to school tomorrow", "rather die"),
        ("overdosed on pills", "overdosed"),
        ("I overdosed on my meds", "overdosed"),
        ("he overdosed on heroin", "overdosed"),
        ("she overdosed on insulin", "overdosed"),
        ("I overdosed on caffeine pills", "overdosed"),
        ("overdosed on sleep meds", "overdosed"),
        ("overdosed on chocolate edibles", "overdosed"),
        # a drug or a medicine beside the everyday thing, or before it
        ("I overdosed on xanax and ice cream", "overdosed"),
        ("I overdosed on pills and ice cream", "overdosed"),
        ("I overdosed on tylenol and coffee", "overdosed"),
        ("I overdosed on heroin and candy", "overdosed"),
        ("I overdosed on oxy and netflix", "overdosed"),
        ("I overdosed on xanax and pizza", "overdosed"),
        ("I overdosed on xanax and then ate ice cream", "overdosed"),
        ("tried to overdose on pills and sleep", "overdose"),
        ("I overdosed on ice cream and xanax", "overdosed"),
    ],
)
def test_death_wishes_and_real_overdoses_stay_cues(text: str, words: str) -> None:
    """An overdose on a drug is a cue however an everyday thing follows it ("overdosed on
    xanax and ice cream" read as the idiom: any words came before the everyday one)."""
    assert cue_words(text) == [words]


# --- the learned flag does not read them -------------------------------------------------------


def test_not_own_mentions_are_the_tellings_and_idioms_set_aside() -> None:
    text = "Someone told me to kill myself. I'd rather die than go to that party."
    found = [text[start:end] for start, end in not_own_mentions(text)]
    assert found == ["kill myself", "rather die"]
    taken_up = "Someone told me to kill myself and honestly I want to"
    assert not_own_mentions(taken_up) == ()
    # a cue of the seeker's own risk elsewhere takes the telling up, not the idiom
    beside = text + " I want to die."
    assert [beside[start:end] for start, end in not_own_mentions(beside)] == ["rather die"]


@pytest.mark.parametrize(
    "text",
    [
        "Someone told me to kill myself and I feel worthless.",
        'My brother said "just kill yourself" and laughed. I feel so hurt.',
        "I'd rather die than go to that party with my ex lol",
    ],
)
def test_the_learned_flag_does_not_read_a_telling_or_an_idiom(text: str) -> None:
    """With no pattern cue left, the learned flag flagged these posts by the words "kill
    myself", "kill yourself", "rather die": the analyzer's feedback then treated the seeker
    as possibly at risk. It now blanks them as it blanks other figures of speech."""
    cues, negated = crisis_scan(text)
    assert cues == ()
    assert shipped_model().cue(text, skip=negated) is None


def test_the_learned_flag_still_reads_the_rest_of_the_post() -> None:
    veiled = "Lately I keep thinking about how much easier it would be to just disappear for good."
    text = "People at school keep telling me to kill myself. " + veiled
    assert crisis_scan(text) == ((), ())
    cue = shipped_model().cue(text)
    assert cue is not None and text[cue.start : cue.end] == veiled
