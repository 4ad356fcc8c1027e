"""Feedback sentences for the helper, built by hand from ResponseAnalysis objects (no model)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carelens.analysis import feelings, openings_clauses, quoted_speech, reported_speech
from carelens.analysis.crisis import CRISIS_RESOURCES, crisis_cues
from carelens.analysis.crisis_model import LABEL as LEARNED
from carelens.analysis.feedback import (
    CRISIS_LINES,
    LEARNED_HINT,
    feedback_for,
    quoted_fragments,
    reflection_opening,
    second_person,
    seeker_clause,
)
from carelens.analysis.feelings import seeker_feelings
from carelens.analysis.quoting import unmarked
from carelens.analysis.reply_feelings import named_feeling
from carelens.analysis.words import ADDRESS, TOKEN
from carelens.privacy import redact
from carelens.taxonomy import RESPONSE_DIMENSIONS, STYLES
from carelens.types import DimensionScore, HelperSignals, ResponseAnalysis, SeekerSignals, Span

#: Words a suggested opening may add: the second-person swaps of the seeker's own words.
SWAP_WORDS = frozenset([
    "you", "your", "you're", "yours", "yourself", "are", "you've", "you'd", "you'll", "were",
    "weren't", "yourselves",
])  # fmt: skip
OPENING = "It sounds like "
_WORDS = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
CURLY = "\u2019"  # the right single quotation mark phones type as an apostrophe

SEEKER = "My brother stopped talking to me. I feel so alone and ashamed."
SEEKER_CLAUSE = "I feel so alone and ashamed"
SEEKER_OPENING = '"It sounds like you feel so alone and ashamed…"'


def dim(level: int, *spans: tuple[int, int, float]) -> DimensionScore:
    probabilities = [0.1, 0.1, 0.1]
    probabilities[level] = 0.8
    return DimensionScore(
        level, tuple(probabilities), tuple(Span(s, e, "rationale", p) for s, e, p in spans)
    )


def at(text: str, words: str, score: float = 0.9) -> tuple[int, int, float]:
    """A span over ``words`` in ``text``."""
    start = text.index(words)
    return start, start + len(words), score


def analysis(
    dimensions: dict[str, DimensionScore],
    *,
    style: str | None = None,
    flags: dict[str, float] | None = None,
    seeker: SeekerSignals | None = None,
    unsafe: tuple[Span, ...] | None = None,
) -> ResponseAnalysis:
    return ResponseAnalysis(
        dimensions=dimensions,
        model_id="test",
        flags=flags or {},
        style=style,
        seeker=seeker,
        unsafe=unsafe,
    )


def words(text: str) -> set[str]:
    """Lower-cased words of ``text``, curly apostrophes made straight."""
    return {w.lower().replace(CURLY, "'") for w in _WORDS.findall(text)}


def normalized(text: str) -> str:
    """Whitespace collapsed, Markdown marks left out and double quotes made single, as
    feedback quotes them."""
    return " ".join(unmarked(text).replace('"', "'").split())


def check_quotes(feedback: tuple[str, ...], seeker: str, response: str) -> None:
    """Every quoted fragment comes from the seeker or the response text, except the suggested
    opening, whose words are the seeker's own plus second-person swaps.

    Quotes are clipped at word boundaries with a trailing "…" and their whitespace runs are
    collapsed, so they are compared with the whitespace-collapsed texts.
    """
    allowed = words(normalized(seeker)) | SWAP_WORDS
    for fragment in quoted_fragments(feedback):
        if fragment.removesuffix("…") in normalized(response):
            continue  # a quote of the reply (which may itself start "It sounds like")
        if fragment.startswith(OPENING):
            added = words(fragment.removeprefix(OPENING)) - allowed
            assert not added, f"opening adds {added}: {fragment!r}"
        else:
            core = fragment.removesuffix("…")
            assert core in normalized(seeker) or core in normalized(response), fragment


def check_shape(feedback: tuple[str, ...]) -> None:
    assert 1 <= len(feedback) <= 2
    for sentence in feedback:
        assert sentence.strip()
        assert sentence.endswith(".")


# --- helpers -------------------------------------------------------------------------------


def test_second_person_swaps_first_person_words_only() -> None:
    assert second_person("I feel like a burden to my family") == (
        "you feel like a burden to your family"
    )
    assert second_person("I'm tired of myself and I've had enough of me") == (
        "you're tired of yourself and you've had enough of you"
    )
    assert second_person("My dog died") == "your dog died"
    assert second_person("") == ""


def test_seeker_clause_prefers_a_first_person_clause_with_a_feeling() -> None:
    assert seeker_clause(SEEKER) == SEEKER_CLAUSE
    assert seeker_clause("Work is awful. I lost my job today") == "I lost my job today"
    assert seeker_clause("Work is awful. Everything is hopeless.") is None
    assert seeker_clause("") is None


def test_seeker_clause_is_clipped_to_fourteen_words() -> None:
    long = "I feel " + " ".join(["very"] * 20) + " sad"
    clause = seeker_clause(long)
    assert clause is not None
    assert clause.endswith("…")
    assert len(clause.removesuffix("…").split()) == 14


@pytest.mark.parametrize(
    ("seeker", "found", "placeholder"),
    [
        (
            "I feel so alone and scared because nobody ever visits me at 221B Baker Street "
            "anymore since my mother died.",
            "221B Baker Street",
            "[address]",
        ),
        (
            "I feel so alone and scared because nobody ever calls me on 020 7946 0958 anymore "
            "since my mother died.",
            "020 7946 0958",
            "[phone]",
        ),
    ],
)
def test_a_clipped_quote_never_cuts_personal_data_in_two(
    seeker: str, found: str, placeholder: str
) -> None:
    """Cut at 14 words, the quote kept "221B Baker" or "020 7946", which the redaction of the
    feedback line (on its own) no longer recognised: part of an address left a --redact run.
    Personal data counts as one word, as its placeholder does, so it is kept whole."""
    clause = seeker_clause(seeker)
    assert clause is not None and found in clause and clause.endswith("…")
    opening = f"It sounds like {second_person(clause).removesuffix('…')}…"
    for line in (clause, opening):
        redacted = redact(line)
        assert placeholder in redacted and not any(ch.isdigit() for ch in redacted), redacted


def test_the_opening_of_a_clipped_clause_ends_with_one_ellipsis() -> None:
    long = "I feel " + " ".join(["very"] * 20) + " sad"
    lines = feedback_for(analysis({"sympathy": dim(1)}), long, "So sorry.")
    assert any("It sounds like" in line for line in lines)
    assert not any("……" in line for line in lines)


def test_second_person_turns_i_was_into_you_were() -> None:
    assert second_person("I was scared") == "you were scared"
    assert second_person("I wasn't ready and i was alone") == "you weren't ready and you were alone"
    assert second_person(f"I wasn{CURLY}t ready") == f"you weren{CURLY}t ready"
    assert second_person("I am tired and I was too") == "you are tired and you were too"
    # "was" after anything but a swapped "I" stays.
    assert second_person("it was late and he was kind to me") == (
        "it was late and he was kind to you"
    )
    assert second_person("My mom was sick") == "your mom was sick"


def test_second_person_handles_curly_apostrophes_and_keeps_them() -> None:
    assert second_person(f"I{CURLY}m scared") == f"you{CURLY}re scared"
    assert second_person(f"I{CURLY}ve lost my way and I{CURLY}d rather hide") == (
        f"you{CURLY}ve lost your way and you{CURLY}d rather hide"
    )
    assert (
        second_person(f"I{CURLY}ll try, I{CURLY}m sure") == f"you{CURLY}ll try, you{CURLY}re sure"
    )
    # Each word keeps the apostrophe it was written with.
    assert second_person(f"I'm sure I{CURLY}m lost") == f"you're sure you{CURLY}re lost"
    # A quoting mark around a word is not part of it; the quoted words are not turned.
    assert second_person(f"{CURLY}my fault{CURLY}, I said") == f"{CURLY}my fault{CURLY}, you said"
    assert second_person(f"{CURLY}cause I{CURLY}m tired") == f"{CURLY}cause you{CURLY}re tired"


def test_a_curly_apostrophe_clause_gets_a_second_person_opening() -> None:
    seeker = f"Work is hard. I{CURLY}m scared of losing it all."
    assert seeker_clause(seeker) == f"I{CURLY}m scared of losing it all"
    assert seeker_feelings(seeker) == ["scared"]
    response = "Update your CV."
    (sentence,) = feedback_for(analysis({}, style="advice"), seeker, response)
    assert f'"It sounds like you{CURLY}re scared of losing it all…"' in sentence
    check_quotes((sentence,), seeker, response)


def test_seeker_clause_skips_a_clause_whose_feeling_is_denied() -> None:
    assert seeker_clause("I'm not sad, just tired. I feel so alone.") == "I feel so alone"
    assert seeker_clause(f"I don{CURLY}t feel sad at all. I feel lonely since the move.") == (
        "I feel lonely since the move"
    )
    # A clause that only denies a feeling is no opening for a reflection.
    assert seeker_clause(f"I{CURLY}m not sad, just tired") is None
    # A clause that also expresses one is.
    assert seeker_clause("I'm not angry and I feel lost.") == "I'm not angry and I feel lost"


def test_feedback_never_names_a_feeling_the_seeker_denies() -> None:
    seeker = "I'm not sad, just tired. Nobody calls anymore."
    (sentence,) = feedback_for(analysis({"sympathy": dim(1)}), seeker, "So sorry.")
    assert sentence == (
        "You shared their sorrow; try naming what they may feel underneath — they may be "
        'feeling what they called "tired".'
    )
    seeker = "I don't feel lonely, I have friends. I was scared when I lost my job."
    (sentence,) = feedback_for(analysis({"sympathy": dim(1)}), seeker, "So sorry.")
    assert '"lonely"' not in sentence and "you don't feel lonely" not in sentence
    # "lost my job" is something that happened, not a feeling.
    assert 'they may be feeling what they called "scared";' in sentence
    assert '"It sounds like you were scared when you lost your job…"' in sentence
    check_quotes((sentence,), seeker, "So sorry.")


# --- whose feeling, and denied across filler -------------------------------------------------

SORRY = "I'm so sorry to hear that. Sending hugs."


def test_sympathy_feedback_offers_no_denied_feeling_across_filler() -> None:
    for seeker in (
        "I don't feel like I'm depressed, just bored with everything lately.",
        "I'm not someone who gets depressed easily",
    ):
        (sentence,) = feedback_for(analysis({"sympathy": dim(1)}), seeker, SORRY)
        assert "depressed" not in sentence
        assert sentence == "You shared their sorrow; try naming what they may feel underneath."


def test_sympathy_feedback_offers_no_feeling_that_is_not_the_seekers() -> None:
    seeker = "I lost my job today and I don't know what to do."
    (sentence,) = feedback_for(analysis({"sympathy": dim(1)}), seeker, SORRY)
    assert "what they called" not in sentence
    assert sentence == (
        "You shared their sorrow; try naming what they may feel underneath — they wrote "
        '"I lost my job today and I don\'t know what to do" — a reflection could start: '
        '"It sounds like you lost your job today and you don\'t know what to do…".'
    )
    check_quotes((sentence,), seeker, SORRY)
    seeker = "My mom is so lonely since dad died."
    (sentence,) = feedback_for(analysis({"sympathy": dim(1)}), seeker, SORRY)
    assert "what they called" not in sentence and '"lonely"' not in sentence
    check_shape((sentence,))
    check_quotes((sentence,), seeker, SORRY)
    # With nothing quotable at all the sentence stays general.
    (sentence,) = feedback_for(analysis({"sympathy": dim(1)}), "He was angry.", SORRY)
    assert sentence == "You shared their sorrow; try naming what they may feel underneath."


# --- the suggested opening keeps the seeker's words ----------------------------------------


def opening_of(seeker: str) -> str:
    (sentence,) = feedback_for(analysis({}, style="advice"), seeker, "Try yoga.")
    check_quotes((sentence,), seeker, "Try yoga.")
    fragments = [f for f in quoted_fragments((sentence,)) if f.startswith(OPENING)]
    assert len(fragments) == 1, sentence
    return fragments[0]


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        (
            "had to put my cat down yesterday. feel stupid",
            "It sounds like you had to put your cat down yesterday…",
        ),
        (
            "Got laid off this morning along with half my team.",
            "It sounds like you got laid off this morning along with half your team…",
        ),
        (
            "Can\u2019t sleep since my dad left.",
            "It sounds like you can\u2019t sleep since your dad left…",
        ),
        ("My sister stopped talking to me.", "It sounds like your sister stopped talking to you…"),
        ("Kept my job but lost my friends.", "It sounds like you kept your job…"),
    ],
)
def test_an_opening_gets_the_you_of_a_clause_that_left_out_its_i(seeker: str, opening: str) -> None:
    # "It sounds like had to put your cat down yesterday…" was once suggested.
    assert opening_of(seeker) == opening


def test_we_and_our_are_turned_too() -> None:
    # "It sounds like we moved across the country..." put the helper in the move.
    assert opening_of("We moved across the country for my partner's job and I know no one.") == (
        "It sounds like you moved across the country for your partner's job and you know no one…"
    )
    assert second_person("our house, us, ours, ourselves, we're") == (
        "your house, you, yours, yourselves, you're"
    )


def test_a_time_of_day_am_is_not_turned_into_are() -> None:
    assert opening_of("I wake up at 4 am every day and I feel exhausted.") == (
        "It sounds like you wake up at 4 am every day and you feel exhausted…"
    )
    assert second_person("I wake at 4am and at 5 AM") == "you wake at 4am and at 5 AM"
    assert second_person("I am up at 10:30 am") == "you are up at 10:30 am"
    assert second_person("Why am I so tired") == "why are you so tired"
    assert second_person("I'm tired and am scared") == "you're tired and are scared"


def test_a_name_keeps_its_capital_letter() -> None:
    assert opening_of("Sarah left me and I feel so alone.") == (
        "It sounds like Sarah left you and you feel so alone…"
    )
    assert second_person("Sarah left me") == "Sarah left you"
    assert second_person("Mike and I broke up") == "Mike and you broke up"
    assert second_person("Will left me") == "Will left you"
    # A common word that starts the sentence is lower-cased; "I" and "my" are swapped.
    assert second_person("Nobody cares about me") == "nobody cares about you"
    assert second_person("Since my dad died I feel alone") == "since your dad died you feel alone"
    assert second_person("Everything I do is wrong") == "everything you do is wrong"
    assert second_person("Got laid off and my wife doesn't know") == (
        "got laid off and your wife doesn't know"
    )
    assert second_person("I feel lost") == "you feel lost"
    assert second_person("My dog died") == "your dog died"
    assert second_person("IT'S my fault") == "IT'S your fault"


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        (
            "I posted my story at reddit.com/r/depression and I feel hopeless",
            "I posted my story at reddit.com/r/depression and I feel hopeless",
        ),
        ("I slept 4.5 hours and I feel tired.", "I slept 4.5 hours and I feel tired"),
        ("I read www.example.org. I feel so alone.", "I feel so alone"),
        (
            "I found https://www.example.org/help and I feel lost",
            "I found https://www.example.org/help and I feel lost",
        ),
        ("I wake up at 4:30 am and I feel exhausted", "I wake up at 4:30 am and I feel exhausted"),
        ("I owe 4,000 dollars and I feel trapped", "I owe 4,000 dollars and I feel trapped"),
        # A real sentence end still splits, also without a space before a capital.
        ("Work is awful.I feel so alone.", "I feel so alone"),
        ("Work is awful... I feel so alone!", "I feel so alone"),
    ],
)
def test_the_sentence_is_not_cut_inside_an_address_or_a_number(seeker: str, clause: str) -> None:
    assert seeker_clause(seeker) == clause
    opening = opening_of(seeker)
    assert opening == OPENING + second_person(clause) + "…"


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # "https://example.com/your-story.html" and "@your_team" were once suggested.
        (
            "Visit https://example.com/my-story.html — I feel so sad about it.",
            "It sounds like Visit https://example.com/my-story.html — you feel so sad about it…",
        ),
        ("I feel sad that @our_team lost.", "It sounds like you feel sad that @our_team lost…"),
        (
            "I wrote to me@example.com and my mom and I feel so alone.",
            "It sounds like you wrote to me@example.com and your mom and you feel so alone…",
        ),
        (
            "I posted at reddit.com/r/my_life and I feel hopeless",
            "It sounds like you posted at reddit.com/r/my_life and you feel hopeless…",
        ),
    ],
)
def test_nothing_inside_an_address_or_handle_is_turned(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


def test_lost_after_a_team_is_not_offered_as_their_feeling() -> None:
    seeker = "I feel sad that @our_team lost."
    (sentence,) = feedback_for(analysis({"sympathy": dim(1)}), seeker, SORRY)
    assert 'what they called "sad";' in sentence
    assert '"lost"' not in sentence


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # "you moved to the you last year" and "at you" were once suggested.
        (
            "I moved to the US last year and I feel so lonely.",
            "It sounds like you moved to the US last year and you feel so lonely…",
        ),
        (
            "I feel so alone since I started my new job at I.B.M.",
            "It sounds like you feel so alone since you started your new job at I.B.M…",
        ),
        (
            "I work at I.B.M. and I feel alone.",
            "It sounds like you work at I.B.M. and you feel alone…",
        ),
        (
            "My grandpa fought in World War I, and I feel sad he is gone.",
            "It sounds like you feel sad he is gone…",
        ),
        # ... and what must keep working.
        ("I HATE MY LIFE AND I WANT OUT", "It sounds like you HATE your LIFE AND you WANT OUT…"),
        ("WE LOST OUR HOME AND I FEEL LOST", (
            "It sounds like you LOST your HOME AND you FEEL LOST…"
        )),
        ("i feel so alone and my mom doesnt care", (
            "It sounds like you feel so alone and your mom doesnt care…"
        )),
        ("Me and My sister fight and I feel hopeless.", (
            "It sounds like you and your sister fight and you feel hopeless…"
        )),
        ("I AM so tired and I WAS alone.", "It sounds like you are so tired and you WERE alone…"),
        (f"I{CURLY}M so tired of my life.", f"It sounds like you{CURLY}re so tired of your life…"),
        ("I told Sarah I was sad.", "It sounds like you told Sarah you were sad…"),
        ("At Christmas I feel so alone.", "It sounds like at Christmas you feel so alone…"),
        ("Mike and I broke up and I feel lost.", (
            "It sounds like Mike and you broke up and you feel lost…"
        )),
        # "World War I" is surely the numeral: kept, and the clause is offered.
        ("My grandpa fought in World War I and I feel sad he is gone.", (
            "It sounds like your grandpa fought in World War I and you feel sad he is gone…"
        )),
        ("I was diagnosed with M.E. and I feel lost.", (
            "It sounds like you were diagnosed with M.E. and you feel lost…"
        )),
    ],
)  # fmt: skip
def test_a_capitalised_word_is_turned_only_when_it_is_a_pronoun(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    "seeker",
    [
        # "you have you and..." and "Part you" were once suggested: "ME" may be the illness,
        # "I" after "Part" a numeral, and an emphasised "MY" cannot be told from them.
        "I have ME and I feel exhausted all the time.",
        "I read Part I and I feel lost.",
        "It's MY fault and I feel so guilty.",
    ],
)
def test_no_opening_is_built_on_a_clause_with_a_word_in_doubt(seeker: str) -> None:
    assert seeker_clause(seeker) is None
    (sentence,) = feedback_for(analysis({}, style="advice"), seeker, "Try yoga.")
    assert sentence.endswith("reflect first — say back in your words what they told you.")


@pytest.mark.parametrize(
    ("clause", "turned"),
    [
        ("I LIVE IN THE US", "you LIVE IN THE US"),
        ("I have ME", "you have ME"),
        ("i.e. i feel sad", "i.e. you feel sad"),
        ("World War I was long ago and I was sad", "World War I was long ago and you were sad"),
        ("My grandpa fought in World War I and I was sad", (
            "your grandpa fought in World War I and you were sad"
        )),
        ("Henry I was a king", "Henry I was a king"),
    ],
)  # fmt: skip
def test_second_person_keeps_what_is_surely_or_maybe_no_pronoun(clause: str, turned: str) -> None:
    # Called on its own, what is in doubt stays as written.
    assert second_person(clause) == turned


# --- a Roman numeral "I" -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "turned"),
    [
        # "World War you were brutal" was once suggested: a verb after the "I" made it a
        # pronoun. After "World War" a capital "I" is the numeral, whatever follows.
        ("World War I was brutal", "World War I was brutal"),
        ("World War I was brutal and I was scared", "World War I was brutal and you were scared"),
        ("my grandpa fought in world war I and I was sad", (
            "your grandpa fought in world war I and you were sad"
        )),
        ("WORLD WAR I WAS BRUTAL AND I WAS SCARED", (
            "WORLD WAR I WAS BRUTAL AND you WERE SCARED"
        )),
    ],
)  # fmt: skip
def test_the_i_of_world_war_i_is_never_turned(clause: str, turned: str) -> None:
    assert second_person(clause) == turned


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        # "It sounds like Henry you were a king…" was once suggested: the numeral of a
        # monarch's name, first in the sentence, was read as the pronoun.
        ("Henry I was a king and I feel small next to him.", None),
        ("Elizabeth I was queen and I was never anyone.", None),
        ("King Henry I died young and I feel sad about it.", None),
        ("Henry I was a king, and I feel like nothing.", "I feel like nothing"),
        # A numbered noun, first in the sentence too: "Type you diabetes" once.
        ("Type I diabetes runs in my family and I feel scared.", None),
        ("Part I was boring and I feel lost.", None),
        # The numeral of "World War I" is sure: the clause is offered when it has a pronoun.
        ("World War I was brutal.", None),
        ("World War I was brutal and I was scared.", "World War I was brutal and I was scared"),
    ],
)
def test_no_opening_turns_a_numeral_i(seeker: str, clause: str | None) -> None:
    assert seeker_clause(seeker) == clause
    if clause is not None:
        assert "I was" not in reflection_opening(clause).replace("World War I was", "")


@pytest.mark.parametrize(
    ("clause", "turned"),
    [
        # First in a sentence, any word has a capital: only a monarch's name or a numbered
        # noun makes the "I" after it a numeral, not these.
        ("Then I was alone", "then you were alone"),
        ("Yesterday I was fired", "yesterday you were fired"),
        ("Mom I was so scared", "Mom you were so scared"),
        ("Sorry I was late", "sorry you were late"),
        ("Sarah I was wrong", "Sarah you were wrong"),
        ("Again I was late", "again you were late"),
        # A monarch's name after a word of telling is the one told something.
        ("I told James I was leaving", "you told James you were leaving"),
        ("I asked Mary I could stay", "you asked Mary you could stay"),
        # ... and a lower-case "i" is no numeral ("james i miss him"; "james i miss you" is
        # addressed to James, no clause to offer).
        ("james i miss him", "james you miss him"),
    ],
)
def test_a_capitalised_word_first_in_a_sentence_is_no_monarch(clause: str, turned: str) -> None:
    assert second_person(clause) == turned
    assert seeker_clause(clause + ".") == clause


def test_a_clause_whose_first_person_words_are_all_no_pronoun_is_not_offered() -> None:
    # "It sounds like Read example.com/my-story today…" was once suggested: the "my" of the
    # address made the clause first-person, though nothing in it was turned.
    assert seeker_clause("Read example.com/my-story today.") is None
    assert seeker_clause("Read example.com/my-story today. I feel lost.") == "I feel lost"


# --- an emphasised "ME" ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # No opening was offered: every all-capitals "ME" in a lower-case clause was in doubt.
        ("I feel so alone and nobody cares about ME.", (
            "It sounds like you feel so alone and nobody cares about you…"
        )),
        ("I try so hard and nobody ever listens to ME!", (
            "It sounds like you try so hard and nobody ever listens to you…"
        )),
        ("I do everything and they still blame ME for it.", (
            "It sounds like you do everything and they still blame you for it…"
        )),
        ("My friends went out without ME and I feel left out.", (
            "It sounds like your friends went out without you and you feel left out…"
        )),
        ("I know everyone hates ME.", "It sounds like you know everyone hates you…"),
        ("My family was never there for ME.", (
            "It sounds like your family was never there for you…"
        )),
    ],
)  # fmt: skip
def test_a_lone_emphasised_me_is_turned(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("clause", "turned"),
    [
        ("why ME", "why you"),
        ("everyone laughs at ME", "everyone laughs at you"),
        ("nobody cares about ME anymore", "nobody cares about you anymore"),
        ("she chose him over ME", "she chose him over you"),
    ],
)
def test_second_person_turns_an_emphasised_me(clause: str, turned: str) -> None:
    assert second_person(clause) == turned


@pytest.mark.parametrize(
    "seeker",
    [
        # The illness, the state, or a "ME" that cannot be told from them.
        "I was diagnosed with ME and I feel hopeless.",
        "I moved to ME last year and I feel lonely.",
        "There is no cure for ME and I feel hopeless.",
        "I read about ME and I feel scared.",
        "I hate ME and what it did to my life.",  # "me" of a verb whose subject is "I": myself
        "I'm so mad at ME and I feel stuck.",
        "Nobody cares about ME symptoms and I feel ignored.",  # a noun follows it
        "I have ME/CFS and nobody cares about ME.",  # not alone: "ME/CFS" is the illness
        "My GP says nobody cares about ME and I feel invisible.",  # not alone
        "Portland, ME is home and I feel homesick.",
    ],
)
def test_an_me_that_may_be_the_illness_or_the_state_stays_in_doubt(seeker: str) -> None:
    assert seeker_clause(seeker) is None
    (sentence,) = feedback_for(analysis({}, style="advice"), seeker, "Try yoga.")
    assert sentence.endswith("reflect first — say back in your words what they told you.")


# --- rule 1: crisis ------------------------------------------------------------------------


def crisis_signals(seeker: str, distress: int = 2) -> SeekerSignals:
    return SeekerSignals(
        distress=dim(distress), crisis_cues=crisis_cues(seeker), resources=CRISIS_RESOURCES
    )


def test_crisis_cues_come_first_and_quote_the_cue() -> None:
    seeker = "Nobody would notice. I want to kill myself tonight."
    response = "Just get over it."
    a = analysis(
        {"dismissive": dim(2, at(response, "Just get over it"))},
        style="dismissive",
        seeker=crisis_signals(seeker),
    )
    sentence, dismissive = feedback_for(a, seeker, response)
    assert sentence.startswith('They wrote "kill myself":')
    assert "ask them directly" in sentence
    for resource in ("988", "741741", "findahelpline.com"):
        assert resource in sentence
    assert "get over it" not in sentence
    # the reply minimises a crisis: said so after it, quoting the dismissive words
    assert dismissive.startswith('"Just get over it" may come across as minimising')


def test_a_crisis_reply_that_is_not_dismissive_gets_the_crisis_sentence_alone() -> None:
    seeker = "Nobody would notice. I want to kill myself tonight."
    a = analysis({"dismissive": dim(0)}, style="sympathy", seeker=crisis_signals(seeker))
    (sentence,) = feedback_for(a, seeker, "I'm so sorry.")
    assert sentence.startswith('They wrote "kill myself":')


GRIEF = "Our dog died this morning, he was 14."


def learned_cue(seeker: str, sentence: str) -> SeekerSignals:
    """Signals as the analyzer gives them when only the learned crisis flag marked
    ``sentence`` of ``seeker``."""
    start = seeker.index(sentence)
    cue = Span(start, start + len(sentence), LEARNED, 1.0)
    return SeekerSignals(distress=dim(1), crisis_cues=(cue,), resources=CRISIS_RESOURCES)


def test_a_learned_cue_alone_is_a_hint_before_the_feedback_on_the_reply() -> None:
    # The learned flag marks this grief message (it reads words: "died"); feedback once
    # answered only "read their message closely, ask them directly whether they are thinking
    # of harming themselves". A crisis is read before the reply's craft, so the hint is first.
    response = "I'm so sorry."
    a = analysis({"sympathy": dim(1)}, style="sympathy", seeker=learned_cue(GRIEF, GRIEF))
    first, second = feedback_for(a, GRIEF, response)
    assert second.startswith("You shared their sorrow")
    assert first == (
        "Their message may point to a crisis (thoughts of suicide or self-harm) where they "
        'wrote "Our dog died this morning, he was 14.": read it closely, and if anything in '
        "it worries you, ask them gently whether they are safe (988 or text HOME to 741741 "
        "in the US; findahelpline.com elsewhere)."
    )
    check_quotes((first, second), GRIEF, response)


def test_a_learned_cue_comes_before_self_focus() -> None:
    a = analysis({"sympathy": dim(1)}, flags={"self_focus": 0.9}, seeker=learned_cue(GRIEF, GRIEF))
    feedback = feedback_for(a, GRIEF, "Mine died too, I cried for weeks.")
    assert len(feedback) == 2
    assert feedback[0].startswith(f"Their message {LEARNED_HINT}")


def test_a_pattern_cue_beside_a_learned_one_is_the_crisis_rule() -> None:
    seeker = "Our dog died this morning. I want to kill myself."
    signals = learned_cue(seeker, "Our dog died this morning.")
    signals = SeekerSignals(
        distress=signals.distress,
        crisis_cues=signals.crisis_cues + crisis_cues(seeker),
        resources=CRISIS_RESOURCES,
    )
    (sentence,) = feedback_for(analysis({"sympathy": dim(1)}, seeker=signals), seeker, "Sorry.")
    assert sentence.startswith('They wrote "kill myself":')


def test_an_unsafe_reply_to_a_learned_cue_is_the_unsafe_rule_alone() -> None:
    response = "Just end it then."
    unsafe = (Span(0, len(response), "urging", 1.0),)
    a = analysis({}, seeker=learned_cue(GRIEF, GRIEF), unsafe=unsafe)
    (sentence,) = feedback_for(a, GRIEF, response)
    assert sentence.startswith('"Just end it then." could push them')


# --- rule 0: an unsafe reply -------------------------------------------------------------


def test_an_unsafe_reply_comes_first_and_quotes_its_words() -> None:
    seeker = "Nobody would notice. I want to kill myself tonight."
    response = "Honestly, just die already."
    a = analysis(
        {"dismissive": dim(2, at(response, "just die"))},
        style="dismissive",
        seeker=crisis_signals(seeker),
        unsafe=(Span(*at(response, "just die")[:2], "urging", 1.0),),
    )
    (sentence,) = feedback_for(a, seeker, response)
    assert sentence.startswith('"just die" could push them towards harming themselves')
    assert "take it out" in sentence and "ask them directly whether they are safe" in sentence
    for resource in ("988", "741741", "findahelpline.com"):
        assert resource in sentence
    check_quotes((sentence,), seeker, response)


def test_the_unsafe_sentence_comes_from_the_analysis_unsafe_words_alone() -> None:
    response = "Please don't kill yourself. Just get over the breakup."
    strong = {"dismissive": dim(2, at(response, "Just get over the breakup"))}
    for unsafe in ((), None):  # checked and nothing found / not checked
        (sentence,) = feedback_for(analysis(strong, unsafe=unsafe), SEEKER, response)
        assert "push them towards" not in sentence
    # The words lead the feedback whatever the model's dimensions (here: none at all).
    words = (Span(0, 8, "method", 1.0),)
    (sentence,) = feedback_for(analysis({}, unsafe=words), SEEKER, "Just die.")
    assert sentence.startswith('"Just die" could push them towards')


def test_crisis_quote_is_clipped_to_eight_words() -> None:
    seeker = "one two three four five six seven eight nine ten"
    signals = SeekerSignals(crisis_cues=(Span(0, len(seeker), "suicide", 1.0),))
    (sentence,) = feedback_for(analysis({}, seeker=signals), seeker, "ok")
    assert '"one two three four five six seven eight…"' in sentence


def test_no_crisis_sentence_without_cues() -> None:
    a = analysis({}, seeker=SeekerSignals(distress=dim(2)))
    (sentence,) = feedback_for(a, SEEKER, "ok")
    assert "988" not in sentence


# --- rule 2: dismissive --------------------------------------------------------------------


def test_dismissive_quotes_the_highest_scoring_span() -> None:
    response = "Just get over it. Everyone has problems, it's not a big deal."
    a = analysis(
        {
            "dismissive": dim(
                2, at(response, "Everyone has problems", 0.6), at(response, "Just get over it")
            ),
            "reflection": dim(2, at(response, "it's not a big deal")),
        },
        style="dismissive",
    )
    (sentence,) = feedback_for(a, SEEKER, response)
    assert sentence.startswith('"Just get over it" may come across as minimising or judging')
    assert "acknowledge how hard it is for them" in sentence
    check_quotes((sentence,), SEEKER, response)


def test_dismissive_without_spans_speaks_of_parts_of_the_reply() -> None:
    # no span of the model's, and no words the rules read ("whatever" would be quoted)
    (sentence,) = feedback_for(analysis({"dismissive": dim(1)}), SEEKER, "We went to the park.")
    assert sentence.startswith("Parts of your reply may come across as minimising")
    assert quoted_fragments((sentence,)) == []


def test_a_dismissive_reply_without_spans_quotes_the_words_the_rules_read() -> None:
    (sentence,) = feedback_for(analysis({"dismissive": dim(1)}), SEEKER, "whatever")
    assert sentence.startswith('"whatever" may come across as minimising')


def test_a_long_dismissive_span_is_clipped_to_ten_words() -> None:
    response = "a b c d e f g h i j k l m"
    a = analysis({"dismissive": dim(1, (0, len(response), 0.9))})
    (sentence,) = feedback_for(a, SEEKER, response)
    assert sentence.startswith('"a b c d e f g h i j…" may come across')


# --- rule 3: advice ------------------------------------------------------------------------


def test_advice_suggests_a_reflection_from_the_seekers_words() -> None:
    response = "You should call him and talk it out."
    a = analysis({"compassion": dim(1, at(response, "You should call him"))}, style="advice")
    (sentence,) = feedback_for(a, SEEKER, response)
    assert sentence.startswith("You moved to solutions before showing you understood")
    assert f'they wrote "{SEEKER_CLAUSE}"' in sentence
    assert SEEKER_OPENING in sentence
    check_quotes((sentence,), SEEKER, response)


def test_advice_without_a_first_person_clause_stays_general() -> None:
    seeker = "Work is awful. Everything is hopeless."
    (sentence,) = feedback_for(analysis({}, style="advice"), seeker, "Try yoga.")
    assert sentence.endswith("say back in your words what they told you.")
    assert quoted_fragments((sentence,)) == []


# --- rule 4: an offer of help without understanding ---------------------------------------

RELAPSE = "I relapsed last night after 8 months sober. I feel like such a failure."


def test_an_offer_without_understanding_asks_to_show_understanding_first() -> None:
    response = "I can sit with you while you call your sponsor, if that would help."
    a = analysis(
        {
            "sympathy": dim(1),
            "compassion": dim(1, at(response, "I can sit with you while you call your sponsor")),
        },
        style="sympathy",
    )
    (sentence,) = feedback_for(a, RELAPSE, response)
    assert sentence.startswith(
        'You offered help ("I can sit with you while you call your sponsor"); show first that '
        "you understood what they are going through, so the help fits — "
    )
    assert '"It sounds like you feel like such a failure…"' in sentence
    assert "try naming" not in sentence
    check_quotes((sentence,), RELAPSE, response)


def test_an_offer_without_understanding_or_a_clause_stays_general() -> None:
    a = analysis({"compassion": dim(2)}, style="other")
    (sentence,) = feedback_for(a, "Work is awful.", "I'll drive you there on Thursday.")
    # Without a rationale span of the model, the offer rule's sentence is quoted.
    assert sentence == (
        'You offered help ("I\'ll drive you there on Thursday"); show first that you '
        "understood what they are going through, so the help fits — say back in your words "
        "what they told you."
    )


def test_an_offer_with_a_feeling_named_is_understanding_and_help() -> None:
    response = "You must feel so ashamed. I can sit with you while you call your sponsor."
    a = analysis({"compassion": dim(1, at(response, "I can sit with you"))}, style="sympathy")
    (sentence,) = feedback_for(a, RELAPSE, response)
    assert sentence == (
        'You showed understanding and moved to help ("I can sit with you"); check with them '
        "that the help fits what they want."
    )


# --- what the reply names ----------------------------------------------------------------


def test_a_reply_that_names_an_unwritten_feeling_is_not_asked_to_name_one() -> None:
    response = "It sounds like the shame is weighing on you more than the relapse itself."
    a = analysis({"sympathy": dim(1), "interpretation": dim(0)}, style="sympathy")
    (sentence,) = feedback_for(a, RELAPSE, response)
    assert sentence == (
        'You named what they may feel ("It sounds like the shame is weighing on you more…"); '
        "a question about how they feel now can invite them to go on."
    )
    check_quotes((sentence,), RELAPSE, response)


def test_the_quote_of_a_named_feeling_shows_the_word_far_into_a_sentence() -> None:
    response = (
        "After everything you told me about the months of meetings and the phone calls late "
        "at night it seems the shame is the heaviest part."
    )
    (sentence,) = feedback_for(analysis({"sympathy": dim(1)}), RELAPSE, response)
    (quote,) = quoted_fragments((sentence,))
    assert quote == "it seems the shame is the heaviest part"
    check_quotes((sentence,), RELAPSE, response)


def test_the_quote_of_a_named_feeling_stays_in_its_part_of_the_sentence() -> None:
    response = "Relapse happens to many, but you seem so ashamed of it, and that hurts to read."
    (sentence,) = feedback_for(analysis({"sympathy": dim(1)}), RELAPSE, response)
    assert quoted_fragments((sentence,)) == ["you seem so ashamed of it"]


@pytest.mark.parametrize(
    "response",
    [
        "You're not alone in this.",
        "I'm so sad to hear that.",
        "Your sponsor must be worried.",
        "I'm sorry you feel like a failure.",  # an echo
    ],
)
def test_a_reply_that_names_no_feeling_of_theirs_is_still_the_sympathy_rule(
    response: str,
) -> None:
    (sentence,) = feedback_for(analysis({"sympathy": dim(1)}), RELAPSE, response)
    assert sentence.startswith("You shared their sorrow; try naming what they may feel")


def test_sympathy_offers_only_feelings_the_reply_has_not_used() -> None:
    seeker = "Everything is hopeless and lonely."
    (sentence,) = feedback_for(analysis({"sympathy": dim(1)}), seeker, "So sorry it's lonely.")
    assert sentence.endswith('they may be feeling what they called "hopeless".')
    (sentence,) = feedback_for(
        analysis({"sympathy": dim(1)}), seeker, "So sorry it's lonely and hopeless."
    )
    assert sentence == "You shared their sorrow; try naming what they may feel underneath."


def test_advice_with_a_feeling_named_is_not_told_it_skipped_understanding() -> None:
    response = "You sound so overwhelmed. Try writing a list for tomorrow."
    a = analysis({"compassion": dim(0)}, style="advice", flags={"advice": 0.9})
    (sentence,) = feedback_for(a, "Work is too much. I can't keep up.", response)
    assert "before showing you understood" not in sentence
    assert sentence.startswith('You named what they may feel ("You sound so overwhelmed")')


# --- rule 5: sympathy that names no feeling ------------------------------------------------


@pytest.mark.parametrize("name", ["sympathy", "emotional_reaction"])
def test_sympathy_suggests_naming_the_feeling_with_the_seekers_clause(name: str) -> None:
    response = "I'm so sorry to hear that."
    a = analysis({name: dim(1, at(response, "so sorry"))}, style="sympathy")
    (sentence,) = feedback_for(a, SEEKER, response)
    assert sentence.startswith("You shared their sorrow")
    assert "try naming what they may feel underneath" in sentence
    assert f'"{SEEKER_CLAUSE}"' in sentence
    assert SEEKER_OPENING in sentence
    check_quotes((sentence,), SEEKER, response)


def test_sympathy_quotes_the_seekers_feeling_words_when_no_clause() -> None:
    seeker = "Everything is hopeless and lonely and hopeless."
    (sentence,) = feedback_for(analysis({"sympathy": dim(2)}), seeker, "So sorry.")
    assert "try naming what they may feel underneath" in sentence
    assert sentence.endswith('they may be feeling what they called "hopeless" and "lonely".')


def test_sympathy_to_a_message_without_distress_speaks_of_warmth_not_sorrow() -> None:
    seeker = "I got the job!! After a year of rejections I finally got it."
    a = analysis({"sympathy": dim(1)}, seeker=SeekerSignals(distress=dim(0)))
    (sentence,) = feedback_for(a, seeker, "Congratulations, so happy for you!")
    assert sentence.startswith("You responded warmly; try naming what they may feel underneath")
    for level in (1, 2):
        a = analysis({"sympathy": dim(1)}, seeker=SeekerSignals(distress=dim(level)))
        (sentence,) = feedback_for(a, seeker, "Congratulations, so happy for you!")
        assert sentence.startswith("You shared their sorrow")


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        ("Am I alone because I'm depressed, or am I depressed because I'm alone?", None),
        ("Why did you make my friend kill herself", None),
        ("Is it normal that I feel numb?", None),
        ("Do I just give up? I am so tired of trying.", "I am so tired of trying"),
        ("What if I never get better? I feel hopeless.", "I feel hopeless"),
        ("When I was a kid I felt so alone.", "When I was a kid I felt so alone"),
        ("How I feel doesn't matter to them.", "How I feel doesn't matter to them"),
    ],
)
def test_no_opening_is_built_on_a_question(seeker: str, clause: str | None) -> None:
    # "It sounds like are you alone because you're depressed…" was once suggested.
    assert seeker_clause(seeker) == clause


def test_sympathy_with_nothing_quotable_stays_general() -> None:
    (sentence,) = feedback_for(analysis({"sympathy": dim(1)}), "Everything is bad.", "Sorry.")
    assert sentence == "You shared their sorrow; try naming what they may feel underneath."


def test_sympathy_with_empathy_is_not_the_sympathy_rule() -> None:
    a = analysis({"sympathy": dim(2), "reflection": dim(1)})
    (sentence,) = feedback_for(a, SEEKER, "Sorry, that sounds lonely.")
    assert "try naming" not in sentence


# --- rule 6: understanding without action at high distress ---------------------------------


@pytest.mark.parametrize("part", ["interpretation", "exploration", "reflection"])
def test_empathy_without_action_at_high_distress_asks_what_would_help(part: str) -> None:
    a = analysis(
        {part: dim(2), "compassion": dim(0)},
        style="empathy",
        seeker=SeekerSignals(distress=dim(2)),
    )
    (sentence,) = feedback_for(a, SEEKER, "That sounds so lonely.")
    assert sentence.startswith("You showed you understood; with this much distress")
    assert "ask what would help right now" in sentence


def test_moderate_distress_does_not_trigger_the_distress_rule() -> None:
    a = analysis({"reflection": dim(2)}, seeker=SeekerSignals(distress=dim(1)))
    (sentence,) = feedback_for(a, SEEKER, "That sounds so lonely.")
    assert "distress" not in sentence


# --- rule 7: compassion --------------------------------------------------------------------


def test_compassion_says_what_worked_quoting_the_offer() -> None:
    response = "That sounds so lonely. I'm here if you want to talk tonight."
    a = analysis(
        {
            "reflection": dim(1, at(response, "That sounds so lonely")),
            "compassion": dim(2, at(response, "I'm here if you want to talk tonight")),
        },
        style="compassion",
        seeker=SeekerSignals(distress=dim(2)),
    )
    (sentence,) = feedback_for(a, SEEKER, response)
    assert sentence == (
        'You showed understanding and moved to help ("I\'m here if you want to talk tonight"); '
        "check with them that the help fits what they want."
    )
    check_quotes((sentence,), SEEKER, response)


def test_compassion_without_spans_has_no_quote() -> None:
    a = analysis({"interpretation": dim(1), "compassion": dim(1)})
    (sentence,) = feedback_for(a, SEEKER, "ok")
    assert sentence.startswith("You showed understanding and moved to help;")


# --- rule 8: understanding -----------------------------------------------------------------


def test_exploration_only_suggests_pairing_the_question_with_a_reflection() -> None:
    response = "What happened between you two?"
    a = analysis(
        {"exploration": dim(2, at(response, response)), "reflection": dim(0)}, style="empathy"
    )
    (sentence,) = feedback_for(a, SEEKER, response)
    assert sentence.startswith("Your question invites them to say more")
    assert SEEKER_OPENING in sentence
    check_quotes((sentence,), SEEKER, response)


def test_exploration_only_without_a_clause_stays_general() -> None:
    (sentence,) = feedback_for(analysis({"exploration": dim(1)}), "Work is awful.", "Why?")
    assert sentence.endswith("say back what they told you.")


def test_reflection_says_what_worked_quoting_it() -> None:
    response = "It sounds like losing him left you feeling alone. Do you want to talk?"
    a = analysis(
        {
            "reflection": dim(2, at(response, "losing him left you feeling alone")),
            "exploration": dim(1, at(response, "Do you want to talk?")),
        },
        style="empathy",
    )
    (sentence,) = feedback_for(a, SEEKER, response)
    # The reply asks already ("Do you want to talk?"): it is not told to ask a question.
    assert sentence == (
        'You put their experience into words ("losing him left you feeling alone") '
        "and your question invites them to say more; give them room to answer."
    )


def test_interpretation_is_quoted_when_reflection_is_not_scored() -> None:
    response = "That must feel like losing him twice."
    a = analysis({"interpretation": dim(2, at(response, "losing him twice"))})
    (sentence,) = feedback_for(a, SEEKER, response)
    assert sentence.startswith('You put their experience into words ("losing him twice")')


def test_interpretation_is_quoted_when_reflection_is_scored_zero() -> None:
    response = "That must feel like losing him twice."
    a = analysis({"interpretation": dim(2, at(response, "losing him twice")), "reflection": dim(0)})
    (sentence,) = feedback_for(a, SEEKER, response)
    assert '("losing him twice")' in sentence


@pytest.mark.parametrize(
    ("response", "own"),
    [
        ("Same thing happened to me last year, I lost my apartment too.", True),
        ("I went through that when my dad left.", True),
        ("I've been there, it was awful.", True),
        ("I know how hard that is.", False),
        ("I can imagine how lonely that was for you.", False),
        ("I'm so sorry that happened.", False),
        ("That sounds so lonely.", False),
    ],
)
def test_an_interpretation_that_is_the_helpers_own_story_is_named_so(
    response: str, own: bool
) -> None:
    a = analysis({"interpretation": dim(1, at(response, response.rstrip(".")))}, style="empathy")
    (sentence,) = feedback_for(a, SEEKER, response)
    if own:
        assert sentence.startswith("You related it to your own experience")
        assert sentence.endswith(
            "say what you think it is like for them, and ask how they feel now."
        )
    else:
        assert sentence.startswith("You put their experience into words")
    check_quotes((sentence,), SEEKER, response)


# --- rule 9: anything else -----------------------------------------------------------------


def test_other_suggests_acknowledging_first() -> None:
    response = "Did you see the game last night?"
    a = analysis({name: dim(0) for name in RESPONSE_DIMENSIONS}, style="other")
    (sentence,) = feedback_for(a, SEEKER, response)
    assert sentence.startswith("Your reply does not yet respond to what they shared")
    assert f'they wrote "{SEEKER_CLAUSE}"' in sentence
    assert SEEKER_OPENING in sentence


def test_other_with_no_dimensions_and_nothing_quotable() -> None:
    (sentence,) = feedback_for(analysis({}), "", "")
    assert sentence.endswith("say back in your words what they told you.")


# --- self-focus ----------------------------------------------------------------------------


def test_self_focus_adds_a_second_sentence() -> None:
    a = analysis({"sympathy": dim(1)}, flags={"self_focus": 0.8})
    feedback = feedback_for(a, SEEKER, "Same, my brother did that to me too.")
    assert len(feedback) == 2
    assert feedback[1] == (
        "Much of the reply is about your own experience; bring it back to theirs."
    )


def test_self_focus_below_half_adds_nothing() -> None:
    a = analysis({"sympathy": dim(1)}, flags={"self_focus": 0.49})
    assert len(feedback_for(a, SEEKER, "Same here.")) == 1


def test_quoted_fragments() -> None:
    assert quoted_fragments(['a "b c" d "e"', "no quotes", '"f"']) == ["b c", "e", "f"]
    assert quoted_fragments([]) == []


# --- properties ----------------------------------------------------------------------------

_VOCAB = [
    "I", "i", "I'm", "im", "I've", "I'd", "I'll", "me", "my", "mine", "myself", "am", "feel",
    "felt", "like", "a", "burden", "to", "family", "alone", "sad", "hopeless", "lost", "job",
    "but", "and", "so", "want", "die", "kill", "cut", "today", "Nobody", "cares", "you",
    "was", "wasn't", "not", "don't", "never", "just", "or", "I\u2019m", "I\u2019ve",
    "can\u2019t", "\u2019",
    ".", ",", ";", ":", "!", "?", "\n", "  ", "-", "…", "😢", "שלום",
]  # fmt: skip
# Double quotes are left out of the texts: see test_quotes_in_the_seeker_text_stay_unambiguous.
_TEXT_CHARS = st.characters(codec="utf-8", exclude_characters='"')
texts = st.one_of(
    st.lists(st.sampled_from(_VOCAB), max_size=60).map(" ".join),
    st.text(alphabet=_TEXT_CHARS, max_size=200),
    st.lists(
        st.one_of(st.sampled_from(_VOCAB), st.text(alphabet=_TEXT_CHARS, max_size=8)),
        max_size=30,
    ).map(" ".join),
)


@st.composite
def spans_in(draw: st.DrawFn, text: str) -> tuple[Span, ...]:
    out = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        out.append(Span(start, end, "x", draw(st.floats(0, 1))))
    return tuple(out)


@st.composite
def cases(draw: st.DrawFn) -> tuple[ResponseAnalysis, str, str]:
    seeker = draw(texts)
    response = draw(texts)
    dimensions: dict[str, DimensionScore] = {}
    for name in draw(st.lists(st.sampled_from(RESPONSE_DIMENSIONS), unique=True)):
        spans = [(s.start, s.end, s.score) for s in draw(spans_in(response))]
        dimensions[name] = dim(draw(st.integers(0, 2)), *spans)
    cues = draw(
        st.one_of(
            st.just(crisis_cues(seeker)),
            st.just(()),
            spans_in(seeker),
            spans_in(seeker).map(lambda found: tuple(replace(s, label=LEARNED) for s in found)),
        )
    )
    signals = draw(
        st.one_of(
            st.none(),
            st.builds(
                SeekerSignals,
                distress=st.one_of(st.none(), st.integers(0, 2).map(dim)),
                crisis_cues=st.just(cues),
            ),
        )
    )
    flags = draw(st.dictionaries(st.sampled_from(["advice", "self_focus"]), st.floats(0, 1)))
    style = draw(st.sampled_from((None, *STYLES)))
    return analysis(dimensions, style=style, flags=flags, seeker=signals), seeker, response


#: The starts of the sentences on the helper's own story, after which no note on self-focus
#: comes.
OWN_STORY_SENTENCES = (
    "You related it to your own experience",
    "You wrote about how you feel yourself",
    "Telling your own story this way",
)


@settings(max_examples=300, deadline=None)
@given(cases())
def test_feedback_only_quotes_the_texts_and_is_one_or_two_sentences(
    case: tuple[ResponseAnalysis, str, str],
) -> None:
    a, seeker, response = case
    feedback = feedback_for(a, seeker, response)
    check_shape(feedback)
    cues = a.seeker.crisis_cues if a.seeker is not None else ()
    hint = bool(cues) and all(c.label == LEARNED for c in cues) and not a.unsafe
    worded = any(c.label != LEARNED for c in cues) and not a.unsafe
    dismissive = "dismissive" in a.dimensions and a.dimensions["dismissive"].level >= 1
    # a sentence on the helper's own story says what the note on self-focus would say
    own_story = feedback[-1].startswith(OWN_STORY_SENTENCES)
    assert (len(feedback) == 2) == (
        hint or (worded and dismissive) or (a.flags.get("self_focus", 0.0) >= 0.5 and not own_story)
    )
    assert feedback[0].startswith(f"Their message {LEARNED_HINT}") == hint
    check_quotes(feedback, seeker, response)


@settings(max_examples=300, deadline=None)
@given(cases())
def test_a_reply_that_names_a_feeling_of_theirs_is_never_asked_to_name_one(
    case: tuple[ResponseAnalysis, str, str],
) -> None:
    a, seeker, response = case
    if named_feeling(response, seeker) is not None:
        assert not any("try naming" in s for s in feedback_for(a, seeker, response))


@given(texts)
def test_the_suggested_opening_uses_only_the_seekers_words(seeker: str) -> None:
    feedback = feedback_for(analysis({}, style="other"), seeker, "")
    check_shape(feedback)
    clause = seeker_clause(seeker)
    if clause is None:
        assert quoted_fragments(feedback) == []
    else:
        # A clipped clause ends in one ellipsis, not two ("I I I ... I…").
        assert quoted_fragments(feedback) == [clause, reflection_opening(clause)]
        check_quotes(feedback, seeker, "")


def test_quotes_are_literal_substrings_for_plain_text() -> None:
    response = "That sounds so lonely. I'm here if you want to talk tonight."
    for style in STYLES:
        a = analysis(
            {
                "dismissive": dim(1 if style == "dismissive" else 0, at(response, "so lonely")),
                "reflection": dim(1, at(response, "That sounds so lonely")),
                "compassion": dim(1, at(response, "I'm here if you want to talk")),
            },
            style=style,
        )
        for fragment in quoted_fragments(feedback_for(a, SEEKER, response)):
            if not fragment.startswith(OPENING):
                assert fragment in SEEKER or fragment in response


def test_quotes_in_the_seeker_text_stay_unambiguous() -> None:
    seeker = 'My mom said "get over it" and I feel so alone.'
    feedback = feedback_for(analysis({}, style="other"), seeker, "")
    check_quotes(feedback, seeker, "")


# Reading the seeker's message stays linear in its length: each word is read back over at
# most once for whose feeling it is, each run of text without spaces is searched for a web
# address once, however many feeling words it holds ("sad sad sad ...", "sad,sad,sad,...").

#: Texts that made reading back quadratic: feeling words with no clause break between them.
PATHOLOGICAL = [
    "sad " * 400,
    "sad," * 400,
    "lost just " * 400,
    "I feel sad and " * 200,
    "my mom and so sad " * 200,
    "so who sad " * 300,
    "r/sad," * 400,
    "sad.Reddit.com " * 200,
    "I sad, " * 400,
]


@pytest.mark.parametrize("seeker", PATHOLOGICAL)
def test_each_word_is_read_back_over_at_most_once(
    seeker: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    person = feelings.person

    def counted(*args: object) -> object:
        nonlocal calls
        calls += 1
        return person(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(feelings, "person", counted)
    monkeypatch.setattr(reported_speech, "person", counted)
    seeker_feelings(seeker)
    seeker_clause(seeker)
    feedback_for(analysis({}, style="advice"), seeker, "")
    # Three reads of the text (the two functions, then feedback, which reads it once).
    assert calls <= 3 * len(list(TOKEN.finditer(seeker)))


class _CountingPattern:
    """Stands in for a compiled pattern, adding up how much text its searches cover."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.searched = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> object:
        end = len(text) if endpos is None else min(endpos, len(text))
        self.searched += max(0, end - pos)
        return self.pattern.search(text, pos, end)


@pytest.mark.parametrize("seeker", PATHOLOGICAL)
def test_each_run_of_text_is_searched_for_an_address_once(
    seeker: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    address = _CountingPattern(ADDRESS)
    monkeypatch.setattr(feelings, "ADDRESS", address)
    monkeypatch.setattr(openings_clauses, "ADDRESS", address)
    monkeypatch.setattr(quoted_speech, "ADDRESS", address)
    seeker_feelings(seeker)
    seeker_clause(seeker)
    # Each run once for seeker_feelings; each run once, and at most once more for each
    # sentence's part of it, for seeker_clause.
    assert address.searched <= 3 * len(seeker)


@pytest.mark.parametrize(
    ("seeker", "feelings", "clause"),
    [
        ("sad " * 5000, ["sad"], None),
        ("sad," * 5000, ["sad"], None),
        ("I feel sad, " * 1700, ["sad"], "I feel sad"),
        ("lost just " * 2000, ["lost"], None),
        ("r/sad," * 3300, [], None),
    ],
)
def test_a_message_at_the_api_limit_of_feeling_words_is_read(
    seeker: str, feelings: list[str], clause: str | None
) -> None:
    # About 20,000 characters, the API's limit: minutes when read back quadratically.
    assert len(seeker) >= 18_000
    assert seeker_feelings(seeker) == feelings
    assert seeker_clause(seeker) == clause
    assert feedback_for(analysis({}, style="advice"), seeker, "")


def test_the_quote_of_a_named_feeling_never_starts_inside_personal_data() -> None:
    response = "You have been sitting up every night calling the line at 555 123 4567 so lonely."
    (sentence,) = feedback_for(analysis({"sympathy": dim(1)}), RELAPSE, response)
    (quote,) = quoted_fragments((sentence,))
    assert quote == "555 123 4567 so lonely"  # not "123 4567 so lonely"
    assert redact(quote) == "[phone] so lonely"


# --- the safety hunt: crisis wording of feedback -----------------------------------------


@pytest.mark.parametrize(
    ("seeker", "marked", "opening"),
    [
        # an explicit statement the patterns missed, marked by the learned flag alone
        ("I bought a gun to use on myself.", "I bought a gun to use on myself.", None),
        (
            "I bought a gun to use on myself. I stayed home all day.",
            "I bought a gun to use on myself.",
            "It sounds like you stayed home all day…",
        ),
        ("I stockpiled my meds and I'm ready.", "I stockpiled my meds and I'm ready.", None),
    ],
)
def test_a_learned_cue_comes_first_and_no_opening_echoes_it(
    seeker: str, marked: str, opening: str | None
) -> None:
    """The coaching once read "It sounds like you bought a gun to use on yourself…" before the
    hint: the crisis sentence comes first, and no opening is built on the marked words."""
    response = "Have you tried going for a walk?"
    a = analysis({}, style="advice", seeker=learned_cue(seeker, marked))
    first, second = feedback_for(a, seeker, response)
    assert first.startswith(f"Their message {LEARNED_HINT} where they wrote")
    assert second.startswith("You moved to solutions")
    assert "It sounds like you bought" not in second and "stockpiled" not in second
    if opening is None:
        assert "say back in your words what they told you" in second
    else:
        assert f'"{opening}"' in second
    check_quotes((first, second), seeker, response)


def test_a_clause_beside_no_cue_still_opens_a_reflection() -> None:
    """Near miss: without a cue, the first clause is offered as before."""
    seeker = "I bought a new bike. I stayed home all day."
    a = analysis({}, style="advice", seeker=SeekerSignals(distress=dim(1), crisis_cues=()))
    (sentence,) = feedback_for(a, seeker, "Have you tried going for a walk?")
    assert '"It sounds like you bought a new bike…"' in sentence


#: Words no suggested opening may echo, whoever the seeker says wrote them.
DANGER_WORDS = frozenset(["kys", "die", "kill", "myself", "yourself", "suicidal", "suicide"])


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # others' urging that no crisis pattern marks (not the seeker's own wish)
        (
            "People at school told me to kys and I feel worthless.",
            "It sounds like you feel worthless…",
        ),
        (
            "people at school told me to kys and I feel worthless.",
            "It sounds like you feel worthless…",
        ),
        ("I'm so tired and People at school told me to kys.", None),
        (
            "My ex said I should just die and I feel so worthless.",
            "It sounds like you feel so worthless…",
        ),
        # a crisis cue the analysis did not pass on
        (
            "Everyone at work says I should kill myself. I cried all night.",
            "It sounds like you cried all night…",
        ),
    ],
)
def test_no_opening_echoes_danger_words(seeker: str, opening: str | None) -> None:
    """The coaching once read "It sounds like People at school told you to kys…": a clause with
    a crisis cue's words or urging words is no casual opening; the seeker's own clause after
    them, or another, is offered instead, or none."""
    response = "Have you tried going for a walk?"
    a = analysis({}, style="advice", seeker=SeekerSignals(distress=dim(1), crisis_cues=()))
    (sentence,) = feedback_for(a, seeker, response)
    assert not words(sentence) & DANGER_WORDS, sentence
    clause = seeker_clause(seeker)
    assert clause is None or not words(clause) & DANGER_WORDS
    if opening is None:
        assert clause is None
        assert "say back in your words what they told you" in sentence
    else:
        assert f'"{opening}"' in sentence
    check_quotes((sentence,), seeker, response)


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        # near misses: idioms and grief are no danger
        ("I cut myself some slack and I feel better about it.", "I cut myself some slack"),
        ("My grandma died last week and I feel so lost.", "My grandma died last week"),
    ],
)
def test_words_near_danger_still_open_a_reflection(seeker: str, clause: str) -> None:
    found = seeker_clause(seeker)
    assert found is not None and found.startswith(clause)


@pytest.mark.parametrize(
    ("clause", "opening"),
    [
        ("People at school laugh at me", "It sounds like people at school laugh at you…"),
        ("Friends stopped inviting me out", "It sounds like friends stopped inviting you out…"),
        ("Coworkers ask me if I'm okay", "It sounds like coworkers ask you if you're okay…"),
        ("Losing my dad was the worst", "It sounds like losing your dad was the worst…"),
        # a name, and the seeker's "I", keep their capital
        ("Sarah left me last week", "It sounds like Sarah left you last week…"),
        ("Irving was my best friend", "It sounds like Irving was your best friend…"),
        ("Mom says I'm lazy", "It sounds like Mom says you're lazy…"),
    ],
)
def test_an_opening_lower_cases_a_first_word_that_names_no_one(clause: str, opening: str) -> None:
    assert reflection_opening(clause) == opening


@pytest.mark.parametrize(
    "seeker",
    [
        "Our dog died this morning.",
        "I want to hurt myself again.",
        "My friend said she wants to die.",
    ],
)
def test_the_learned_hint_names_suicide_and_self_harm_alike(seeker: str) -> None:
    """It said "thoughts of not wanting to live" also for self-harm and reports about others."""
    a = analysis({"sympathy": dim(1)}, seeker=learned_cue(seeker, seeker))
    first = feedback_for(a, seeker, "That sounds so hard.")[0]
    assert first.startswith(
        "Their message may point to a crisis (thoughts of suicide or self-harm) where they wrote"
    )
    assert "not wanting to live" not in first


def test_the_crisis_lines_say_which_lines_are_us_only() -> None:
    """The crisis lines once read "(988 in the US, text HOME to 741741, or findahelpline.com)",
    as if 741741 worked everywhere."""
    assert CRISIS_LINES == "988 or text HOME to 741741 in the US; findahelpline.com elsewhere"
    seeker = "I want to kill myself tonight."
    for a in (
        analysis({}, seeker=crisis_signals(seeker)),
        analysis({}, unsafe=(Span(0, 8, "urging", 1.0),)),
        analysis({}, seeker=learned_cue(seeker, seeker)),
    ):
        joined = " ".join(feedback_for(a, seeker, "Just die."))
        assert f"({CRISIS_LINES})" in joined
        assert "741741, or" not in joined


@pytest.mark.parametrize(
    "seeker",
    [
        "Tell my mom I'm sorry.",
        "Please don't hate me for this.",
        "Let me sleep, I'm so tired of everything",
        "Give my cat to my sister.",
    ],
)
def test_an_imperative_clause_is_no_opening(seeker: str) -> None:
    """ "It sounds like Tell your mom you're sorry…": an imperative addresses someone."""
    clause = seeker_clause(seeker)
    assert clause is None or not clause.lower().startswith(("tell", "please", "let", "give"))
    a = analysis({}, style="advice")
    (sentence,) = feedback_for(a, seeker, "Go for a walk.")
    assert "It sounds like Tell" not in sentence and "It sounds like tell" not in sentence
    assert "It sounds like Please" not in sentence and "It sounds like Give" not in sentence


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        # near misses: the verbs of a clause whose "I" the seeker left out stay openings
        ("Had to put my cat down today.", "Had to put my cat down today"),
        ("Feel like a burden to my family.", "Feel like a burden to my family"),
        ("I told my mom I'm sorry.", "I told my mom I'm sorry"),
    ],
)
def test_a_dropped_i_clause_is_still_an_opening(seeker: str, clause: str) -> None:
    assert seeker_clause(seeker) == clause


@pytest.mark.parametrize(
    ("response", "cue", "own"),
    [
        ("I'm exhausted. Just try to get some sleep.", (0, 13), True),
        ("I'm so burnt out myself, honestly.", (0, 16), True),
        ("That sounds exhausting for you.", None, False),
    ],
)
def test_the_helpers_own_exhaustion_is_not_praised_as_their_experience(
    response: str, cue: tuple[int, int] | None, own: bool
) -> None:
    """A reply whose understanding is the helper's own exhaustion (an exhaustion cue of the
    helper's distress) was told "You put their experience into words"."""
    spans = (Span(*cue, "exhaustion", 1.0),) if cue else ()
    a = replace(
        analysis({"interpretation": dim(1, (0, len(response), 0.9))}, style="empathy"),
        helper=HelperSignals(distress=4.2, distress_high=bool(cue), spans=spans),
    )
    (sentence,) = feedback_for(a, SEEKER, response)
    if own:
        assert cue is not None
        assert sentence.startswith(
            f'You wrote about how you feel yourself ("{response[slice(*cue)]}")'
        )
        assert "Much of the reply" not in " ".join(feedback_for(a, SEEKER, response))
    else:
        assert sentence.startswith("You put their experience into words")


def test_the_analyzer_gives_the_feedback_the_helpers_exhaustion() -> None:
    from carelens.analysis.empathy import EmpathyAnalyzer

    result = EmpathyAnalyzer.load(threads=1).analyze(
        "I have been awake all night worrying about my exam tomorrow.",
        "I'm exhausted. Just try to get some sleep.",
    )
    assert result.helper is not None and result.helper.distress_high
    assert not any(s.startswith("You put their experience into words") for s in result.feedback)
