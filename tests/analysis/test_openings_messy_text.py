"""Suggested openings and feedback quotes on messy forum text: parts in another language,
Markdown marks, letters spelled out one by one, emoji and emoticons, and a death told of."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opening_helpers import opening_of

from carelens.analysis.feedback import feedback_for, quoted_fragments, reflection_opening
from carelens.analysis.foreign_words import foreign_words
from carelens.analysis.openings import seeker_clause
from carelens.analysis.pronouns import second_person, turn_clause
from carelens.analysis.quoting import clip, masked_stars, quote, unmarked
from carelens.types import DimensionScore, ResponseAnalysis, Span

OPENING = "It sounds like "


def advice_feedback(seeker: str, response: str = "Try yoga.") -> tuple[str, ...]:
    """The feedback on a reply the model read as advice, which offers an opening."""
    analysis = ResponseAnalysis(dimensions={}, model_id="test", flags={}, style="advice")
    return feedback_for(analysis, seeker, response)


# --- another language ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "... and you want to morir…": the Spanish "die" echoed back
        (
            "I feel so empty and I want to morir, I can't sleep at all.",
            "It sounds like you feel so empty…",
        ),
        # once "It sounds like Eu you sinto tão sozinha and you feel so alone…"
        (
            "Eu me sinto tão sozinha and I feel so alone at school.",
            "It sounds like you feel so alone at school…",
        ),
        ("I feel so alone y no sé qué hacer.", "It sounds like you feel so alone…"),
        ("I'm so tired porque mi novio me dejó.", "It sounds like you're so tired…"),
        ("I feel so lost, je suis fatiguée de tout.", "It sounds like you feel so lost…"),
        ("I feel so alone ¿por qué?", "It sounds like you feel so alone…"),
        ("Ich bin so traurig and I feel so alone.", "It sounds like you feel so alone…"),
        (
            "Mi mamá no me entiende and I feel so alone y no sé qué hacer.",
            "It sounds like you feel so alone…",
        ),
        ("MI MAMÁ NO ME ENTIENDE and I feel so alone", "It sounds like you feel so alone…"),
    ],
)
def test_a_part_in_another_language_before_or_after_the_clause_is_left_out(
    seeker: str, opening: str
) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    "seeker",
    ["Eu me sinto tão sozinha.", "I want to morir.", "Me siento muy sola y triste."],
)
def test_no_opening_on_a_clause_wholly_or_partly_in_another_language(seeker: str) -> None:
    assert opening_of(seeker) is None


def test_the_feedback_offers_only_the_english_clause_of_a_mixed_message() -> None:
    (sentence,) = advice_feedback("I feel so empty and I want to morir, I can't sleep at all.")
    openings = [f for f in quoted_fragments((sentence,)) if f.startswith(OPENING)]
    assert openings == ["It sounds like you feel so empty…"]
    assert "morir" not in sentence


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        (
            "I feel so naïve and my fiancé left me at the café.",
            "It sounds like you feel so naïve and your fiancé left you at the café…",
        ),
        (
            "I sent my résumé everywhere and I feel so rejected.",
            "It sounds like you sent your résumé everywhere and you feel so rejected…",
        ),
        (
            "I ate a jalapeño and I feel sick now.",
            "It sounds like you ate a jalapeño and you feel sick now…",
        ),
        (
            "I moved to São Paulo and I feel so alone.",
            "It sounds like you moved to São Paulo and you feel so alone…",
        ),
        (
            "I moved to Los Angeles last year and I feel so alone.",
            "It sounds like you moved to Los Angeles last year and you feel so alone…",
        ),
        (
            "I moved to LA and I feel so alone.",
            "It sounds like you moved to LA and you feel so alone…",
        ),
        (
            "My coworker Muñoz yells at me and I feel so small.",
            "It sounds like your coworker Muñoz yells at you and you feel so small…",
        ),
        (
            "I feel so stressed about my de-escalation training.",
            "It sounds like you feel so stressed about your de-escalation training…",
        ),
    ],
)
def test_english_words_with_accents_and_names_are_no_other_language(
    seeker: str, opening: str
) -> None:
    assert opening_of(seeker) == opening


def test_foreign_words_finds_function_words_and_letters_english_does_not_use() -> None:
    text = "Eu me sinto tão sozinha, mi café, MI, Ella, ella, müde, über, ¿qué?"
    found = [text[a:b] for a, b in foreign_words(text)]
    assert found == ["Eu", "sinto", "tão", "sozinha", "mi", "ella", "müde", "¿", "qué"]


def test_no_pronoun_is_turned_inside_a_part_in_another_language() -> None:
    # "me" of "Eu me sinto" is Portuguese: not turned, and the clause is in doubt
    turned, doubt, _ = turn_clause("Eu me sinto tão sozinha and I feel so alone")
    assert turned == "Eu me sinto tão sozinha and you feel so alone"
    assert doubt
    turned, doubt, _ = turn_clause("I feel so alone and mi mamá no me entiende")
    assert turned == "you feel so alone and mi mamá no me entiende"
    assert doubt


# --- Markdown ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        (
            "**I feel so alone** since my mom died.",
            "It sounds like you feel so alone since your mom died…",
        ),
        (
            "`I feel so alone` since my mom died.",
            "It sounds like you feel so alone since your mom died…",
        ),
        ("I feel __so alone__ today.", "It sounds like you feel so alone today…"),
        ("I feel *so* alone ~~lol~~ today.", "It sounds like you feel so alone lol today…"),
    ],
)
def test_markdown_marks_are_left_out_of_an_opening(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


def test_markdown_marks_are_left_out_of_a_quote_of_the_reply() -> None:
    response = "I hear you. ** Have you looked at a grief group near you? **"
    start = response.index("**")
    assert quote(response, start, len(response), 12) == (
        "Have you looked at a grief group near you?"
    )
    bold = "**Have you looked at a _grief_ group?** It helped me."
    assert quote(bold, 0, bold.index(" It"), 12) == "Have you looked at a grief group?"


def test_marks_that_are_no_markdown_stay() -> None:
    assert unmarked("5 * 3 is my_score and 5*3 f**k ~5 days") == (
        "5 * 3 is my_score and 5*3 f**k ~5 days"
    )
    assert clip("I give 5 * 3 to my_score", 10) == "I give 5 * 3 to my_score"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab1 *_~`\n.kilsy", max_size=30), data=st.data())
def test_a_quote_of_any_piece_is_part_of_the_whole_text_without_its_marks(
    text: str, data: st.DataObject
) -> None:
    # each run of marks is judged by its neighbours alone: a piece loses no more than the
    # whole does, but at its ends
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert quote(text, start, end, 100) in " ".join(unmarked(text, masked_stars(text)).split())


def test_a_feedback_quote_of_a_markdown_reply_keeps_the_reply_offsets() -> None:
    # the rationale span, offsets into the reply as written, holds the marks; its quote not
    response = "That sounds so lonely. **Have you looked at a grief group?**"
    span = Span(response.index("**Have"), len(response), "rationale", 0.9)
    compassion = DimensionScore(1, (0.1, 0.8, 0.1), (span,))
    analysis = ResponseAnalysis(
        dimensions={"compassion": compassion}, model_id="test", flags={}, style="compassion"
    )
    feedback = feedback_for(analysis, "I feel so alone since my mom died.", response)
    fragments = quoted_fragments(feedback)
    assert "Have you looked at a grief group?" in fragments, feedback
    assert not any("*" in fragment for fragment in fragments)
    assert span.text_in(response) == "**Have you looked at a grief group?**"


# --- spelled-out letters -------------------------------------------------------------------


def test_a_clause_with_letters_spelled_out_is_not_offered() -> None:
    # once "It sounds like you keep thinking about s u you c you d e every night…"
    assert seeker_clause("I keep thinking about s u i c i d e every night") is None
    assert opening_of("I keep thinking about s u i c i d e every night and I feel so alone") == (
        "It sounds like you feel so alone…"
    )


def test_a_lone_i_among_spelled_out_letters_is_no_pronoun() -> None:
    turned, doubt, _ = turn_clause("I keep thinking about s u i c i d e")
    assert turned == "you keep thinking about s u i c i d e"
    assert doubt


def test_a_pronoun_form_joined_by_an_underscore_is_a_name() -> None:
    assert second_person("I changed my_score in the file") == "you changed my_score in the file"


@pytest.mark.parametrize("hidden", ["d\u00adie", "d\u200bie", "\uff44\uff49\uff45", "di\u0301e"])
def test_a_danger_word_hidden_by_invisible_or_wide_characters_is_not_offered(hidden: str) -> None:
    """The danger words of an opening are read as the crisis patterns read them (folded): a
    soft hyphen or a zero-width space typed into "die" hid it from them."""
    seeker = f"I am so afraid my mom will {hidden} soon, I feel so scared."
    assert seeker_clause(seeker) == "I feel so scared"


# --- masked danger words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        ("I want to d-i-e and I feel so alone", "I feel so alone"),
        ("I want to k*ll myself and I feel so alone", "I feel so alone"),
        ("I feel so alone and I want to d.i.e", None),
        ("I feel so alone and I want to d*i*e", None),
        ("I feel so alone and I want to d*e", None),
        ("I feel so alone and I want to k*ll m*self", None),
        ("I feel so alone and I want to k-i-l-l m-y-s-e-l-f", None),
        ("I feel so alone and I think about an ov*rdose", None),
        ("I feel so alone and I want to s-e-l-f h-a-r-m", None),
        ("I feel so alone and my friends told me to k*s", None),
        ("I keep thinking about s u i c i d e and I feel so alone", "I feel so alone"),
    ],
)
def test_a_masked_danger_word_is_never_offered_back(seeker: str, clause: str | None) -> None:
    """Letters with a mark between ("d-i-e", "d.i.e") or a "*" for a vowel ("k*ll myself")
    hid the danger words from the opening's check: "It sounds like you want to d-i-e and you
    feel so alone…" was offered."""
    assert seeker_clause(seeker) == clause
    opening = " ".join(advice_feedback(seeker))
    for masked in ("d-i-e", "d.i.e", "d*", "k*", "m*", "k-i", "ov*", "s-e", "s u i"):
        assert masked not in opening, opening


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        ("I want to k1ll myself", None),
        ("I want to k1ll myself and I feel so alone", "I feel so alone"),
        ("I feel so alone and I want to k!ll myself", None),
        ("I took an *verdose", None),
        ("I feel so alone and I took an *verdose last night", None),
        ("I feel so alone and I think about an 0verdose", None),
        ("I feel so alone and I want to d1e", None),
        ("I feel so alone and I think about $uicide", None),
        ("I feel so alone and I want to *ill myself", None),
        ("I feel so alone and I want to \u043a\u0456\u04cf\u04cf my\u0455\u0435\u04cff", None),
    ],
)
def test_a_disguised_danger_word_is_never_offered_back(seeker: str, clause: str | None) -> None:
    """Digits or symbols typed for letters ("k1ll", "$uicide"), a "*" at a word's edge
    ("*verdose") and a word wholly in look-alike letters hid the danger words: "It sounds like
    you want to k1ll yourself…" and "It sounds like you took an verdose…" were offered."""
    assert seeker_clause(seeker) == clause
    opening = " ".join(advice_feedback(seeker))
    for disguised in ("k1", "k!", "verdose", "0v", "d1", "$u", "ill your", "\u043a\u0456"):
        assert disguised not in opening, opening


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        ("I felt so proud at the U.S.A. game", "I felt so proud at the U.S.A. game"),
        ("I feel so sad, e.g. at work", "I feel so sad"),
        ("I feel like s**t today", "I feel like s**t today"),
        ("D*mn I feel so alone", "D*mn I feel so alone"),
        ("I feel so f*cking alone", "I feel so f*cking alone"),
        ("I feel so lonely at the d-i-y store", "I feel so lonely at the d-i-y store"),
        ("I feel **so** alone", "I feel so alone"),
    ],
)
def test_masks_and_abbreviations_without_danger_still_open_a_reflection(
    seeker: str, clause: str
) -> None:
    assert seeker_clause(seeker) == clause


def test_a_masked_danger_word_maps_back_to_the_seekers_own_letters() -> None:
    from carelens.analysis.openings_danger import danger_spans

    seeker = "I just want to d-\u200bi-e. And to k*ll myself."
    # The crisis cues (which read masked words too), then the words of _DANGER.
    assert [seeker[a:b] for a, b in danger_spans(seeker)] == [
        "want to d-\u200bi-e",
        "k*ll myself",
        "d-\u200bi-e",
        "k*ll myself",
    ]


#: "kill myself" from a "small caps" generator, its f a Cyrillic ghe with a stroke.
SMALL_CAPS_KILL_MYSELF = "\u1d0b\u026a\u029f\u029f \u1d0d\u028fs\u1d07\u029f\u0493"


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        # a word shortened by an apostrophe before the masked word
        ("Today's a k*ll myself kind of day and I feel so alone", "I feel so alone"),
        ("I feel so alone and I don't know why I shouldn't k*ll myself", None),
        # a mark after the last dotted letter, a look-alike among them
        ("I want to k.i.l.l. myself and I feel so alone", "I feel so alone"),
        ("I feel so alone and I want to h.a.n.g. myself", None),
        ("I feel so alone and I want to K.\u0406.L.L myself", None),
        # a "small caps" generator's f
        ("I feel so alone and I want to " + SMALL_CAPS_KILL_MYSELF, None),
    ],
)
def test_a_masked_danger_word_beside_other_words_is_never_offered_back(
    seeker: str, clause: str | None
) -> None:
    """ "Today's a k*ll myself kind of day and I feel so alone" was offered whole: the "s" of
    "Today's" and the "a" were read as letters spelled out with "k"."""
    assert seeker_clause(seeker) == clause


@pytest.mark.parametrize(
    "seeker",
    [
        "I nearly sh*t myself laughing",
        "I almost sh*t myself when I saw the bill",
        "I nearly sh**t myself at the interview",
        "My boss sh*t me down again",
        "I want to k*ss him and I feel so shy",
    ],
)
def test_masked_swearing_or_a_kiss_is_no_danger_word(seeker: str) -> None:
    """ "sh*t myself" read as "shoot myself" and "k*ss" as "kys": the seeker's own clause was
    never offered."""
    assert seeker_clause(seeker) == seeker


# --- edge-masked words kept as typed ---------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "clause", "opening"),
    [
        (
            "I feel so *ead inside since my divorce",
            "I feel so *ead inside since my divorce",
            "It sounds like you feel so *ead inside since your divorce…",
        ),
        # clipped to its words, the clause keeps the "*" of the word it kept
        (
            "I am so tired and I feel *ead inside every single day since my mother and father"
            " both passed away last spring",
            "I am so tired and I feel *ead inside every single day…",
            "It sounds like you are so tired and you feel *ead inside every single day…",
        ),
        # at either end of the clause, where chat words and marks are left out
        (
            "Work was awful today. *ead inside is how I feel since my divorce",
            "*ead inside is how I feel since my divorce",
            "It sounds like *ead inside is how you feel since your divorce…",
        ),
        (
            "Work was awful today. I feel so dea*",
            "I feel so dea*",
            "It sounds like you feel so dea*…",
        ),
        # Markdown's emphasis beside it is still left out
        (
            "I feel **so** *ead inside since my divorce",
            "I feel so *ead inside since my divorce",
            "It sounds like you feel so *ead inside since your divorce…",
        ),
    ],
)
def test_an_edge_masked_word_of_the_clause_keeps_its_star_in_the_feedback(
    seeker: str, clause: str, opening: str
) -> None:
    """The clause offered was clipped without the "*" typed for a letter at a word's edge
    (:func:`carelens.analysis.quoting.masked_stars`), as Markdown: "I feel so *ead inside"
    was offered as "I feel so ead inside", a word the seeker never wrote."""
    assert seeker_clause(seeker) == clause
    assert reflection_opening(clause) == opening
    (sentence,) = advice_feedback(seeker)
    assert f'they wrote "{clause}"' in sentence
    assert f'"{opening}"' in sentence


# --- emoji, fillers, apologies and a death told of --------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        ("I feel \U0001f62d so alone", "It sounds like you feel so alone…"),
        ("I feel\U0001f62d\U0001f62d so alone", "It sounds like you feel so alone…"),
        (
            "I miss my dad \U0001f468\u200d\U0001f467 so much",
            "It sounds like you miss your dad so much…",
        ),
        ("I feel \U0001f44d\U0001f3fd so good today", "It sounds like you feel so good today…"),
        # a heart may stand for a word
        ("I \u2764 my mom so much", "It sounds like you \u2764 your mom so much…"),
    ],
)
def test_emoji_inside_a_clause_are_left_out(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize("filler", ["honestly", "Honestly,", "basically", "literally", "seriously"])
def test_a_filler_adverb_at_the_start_of_a_clause_is_left_out(filler: str) -> None:
    seeker = f"Work was fine today but {filler} I still feel lonely."
    assert opening_of(seeker) == "It sounds like you still feel lonely…"


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        ("My english is not good sorry", "My english is not good"),
        ("I hate my life sorry", "I hate my life"),
        ("I feel so sorry", "I feel so sorry"),  # their feeling
        ("I am really sorry", "I am really sorry"),
        ("Sorry for my bad english. I feel so lost", "I feel so lost"),
        ("I'm on mobile so sorry for formatting. I lost my job", "I lost my job"),
    ],
)
def test_an_apology_for_the_message_comes_last_and_loses_its_sorry(
    seeker: str, clause: str
) -> None:
    assert seeker_clause(seeker) == clause


@pytest.mark.parametrize(
    "seeker",
    [
        "My son took his own life last year and I feel so empty",
        "My brother ended his life in May and I feel so empty",
        "Since my best friend took her own life and I feel so empty",
    ],
)
def test_no_opening_echoes_a_death_by_suicide_told_of(seeker: str) -> None:
    # once "It sounds like your son took his own life last year and you feel so empty…"
    assert opening_of(seeker) == "It sounds like you feel so empty…"


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        # once no opening at all: "took her own life" dropped the whole clause
        ("I feel lost since she took her own life", "I feel lost"),
        ("I feel so lost ever since my dad took his own life", "I feel so lost"),
        ("I feel lost after my brother's suicide last year", "I feel lost"),
        ("I have been so empty since my best friend ended her life", "I have been so empty"),
        ("I feel so lost and since my mom took her own life nothing matters", "I feel so lost"),
    ],
)
def test_the_seekers_feeling_before_a_death_by_suicide_told_of_is_offered(
    seeker: str, clause: str
) -> None:
    assert seeker_clause(seeker) == clause
    (sentence,) = advice_feedback(seeker)
    assert f'they wrote "{clause}"' in sentence
    for word in ("own life", "suicide", "ended her"):
        assert word not in sentence


@pytest.mark.parametrize(
    "seeker",
    [
        # the danger is the seeker's own: the clause is not offered
        "I feel lost because I want to die",
        "I feel so ashamed after my suicide attempt",
        "I feel lost since the suicide",
        "I feel lost since she took her own life and I want to die too",
        # no feeling of the seeker's before the danger
        "I lost my job since she took her own life",
        "I moved out after my dad took his own life",
    ],
)
def test_no_clause_is_clipped_before_danger_of_the_seekers_own_or_without_their_feeling(
    seeker: str,
) -> None:
    assert seeker_clause(seeker) is None


@pytest.mark.parametrize(
    "emoticon",
    [">:(", ":(", ":'(", ":/", "D:", ":-(", ":((", "=(", "T_T", "^_^", "<3", "</3", "):"],
)
def test_an_emoticon_at_either_end_of_a_clause_is_left_out(emoticon: str) -> None:
    # once "It sounds like ( you feel so alone…", "...alone D…", "3 you feel..."
    opening = "It sounds like you feel so alone…"
    if emoticon != "D:":  # "D:" opens its own part, after its colon
        assert opening_of(f"{emoticon} I feel so alone") == opening
    assert opening_of(f"I feel so alone {emoticon}") == opening
    assert opening_of(f"{emoticon} {emoticon} I feel so alone {emoticon} {emoticon}") == opening


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # a heart inside a clause may stand for a word, as "\u2764" does
        ("I <3 my mom so much", "It sounds like you <3 your mom so much…"),
        # "D:" with words after it is no emoticon
        ("I am low on vitamin D: it is winter", "It sounds like you are low on vitamin D…"),
        ("I miss reddit.com/r/sad so much", "It sounds like you miss reddit.com/r/sad so much…"),
    ],
)
def test_marks_like_an_emoticon_inside_a_clause_stay(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


# --- brackets and subordinate clauses ---------------------------------------------------------


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like (you feel so alone)…"
        "(I feel so alone)",
        "lol (I feel so alone) haha",
        "((I feel so alone))",
        "My mom died. (I feel so alone.)",
    ],
)
def test_brackets_that_pair_around_the_whole_clause_are_left_out(seeker: str) -> None:
    assert opening_of(seeker) == "It sounds like you feel so alone…"


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        ("I feel so alone (and tired)", "It sounds like you feel so alone (and tired)…"),
        ("(I was sad) and (tired) all day", "It sounds like (you were sad) and (tired) all day…"),
        ("(I feel so alone", "It sounds like (you feel so alone…"),
    ],
)
def test_brackets_that_do_not_pair_around_the_clause_stay(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    "seeker",
    [
        "Whatever I do",  # once "It sounds like whatever you do…"
        "When I wake up",
        "Although I have friends",
        "Even though I know",
        "If it weren't for my wife and daughter",
        "When I tell my mom that I'm miserable",
        "Whenever I open up about my depression",
    ],
)
def test_no_opening_on_a_subordinate_clause_without_a_main_clause(seeker: str) -> None:
    assert seeker_clause(seeker) is None


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # EPITOME 7ubr1c (dtj3gfp): once "It sounds like whatever you do…"
        (
            "Whatever I do, whatever I achieve- You won't let go of me. "
            "I'm just so over the limit.",
            "It sounds like you're just so over the limit…",
        ),
        (
            "When I wake up, my chest hurts and I feel so anxious",
            "It sounds like your chest hurts and you feel so anxious…",
        ),
        ("Whenever I'm sad I eat", "It sounds like whenever you're sad you eat…"),
        (
            "When I'm alone with my thoughts it really digs away at me",
            "It sounds like when you're alone with your thoughts it really digs away at you…",
        ),
    ],
)
def test_a_subordinate_clause_with_a_main_clause_or_another_clause_is_offered(
    seeker: str, opening: str
) -> None:
    assert opening_of(seeker) == opening


def test_no_opening_on_a_piece_that_closes_a_bracket_it_never_opened() -> None:
    # A comma inside brackets cut "traveling), is it ok to ..." off as a clause of its own.
    seeker = (
        "I love the outdoors (like hiking, biking, traveling), is it ok to build my life on "
        "it? I feel lost."
    )
    assert seeker_clause(seeker) == "I feel lost"
    assert seeker_clause("1) I feel lost and alone") is not None  # a list mark closes nothing
