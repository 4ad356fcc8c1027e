"""Feedback fixes from a trainer's review of project-written pairs: crisis wording for a third
party and for a reply that already asked or shared a line, offers told apart from advice, and
suggested openings that turn only the seeker's own words and read as sentences."""

from __future__ import annotations

import pytest
from feedback_builders import at, dim

from carelens.analysis.crisis import CRISIS_RESOURCES, crisis_cues
from carelens.analysis.feedback import (
    CRISIS_LINES,
    feedback_for,
    quoted_fragments,
    reflection_opening,
    second_person,
    seeker_clause,
)
from carelens.analysis.foreign_words import foreign_words
from carelens.analysis.quoting import unmarked
from carelens.types import DimensionScore, ResponseAnalysis, SeekerSignals

HUG = "I'm so sorry you're going through this. Sending you a big hug."
OPENING = "It sounds like "


def analysis(
    dimensions: dict[str, DimensionScore],
    *,
    style: str | None = None,
    flags: dict[str, float] | None = None,
    seeker: SeekerSignals | None = None,
) -> ResponseAnalysis:
    return ResponseAnalysis(
        dimensions=dimensions, model_id="test", flags=flags or {}, style=style, seeker=seeker
    )


def crisis(seeker: str) -> SeekerSignals:
    cues = crisis_cues(seeker)
    assert cues, seeker
    return SeekerSignals(distress=dim(2), crisis_cues=cues, resources=CRISIS_RESOURCES)


def normalized(text: str) -> str:
    return " ".join(unmarked(text).replace('"', "'").split())


def check_verbatim(feedback: tuple[str, ...], seeker: str, response: str) -> None:
    """Every quote but a suggested opening is a piece of the seeker's or the reply's text."""
    for fragment in quoted_fragments(feedback):
        core = fragment.removesuffix("…")
        if not core.startswith(OPENING):
            assert core in normalized(seeker) or core in normalized(response), fragment


def opening_of(seeker: str) -> str | None:
    """The suggested opening the feedback on advice offers for ``seeker``, or None."""
    (sentence,) = feedback_for(analysis({}, style="advice"), seeker, "Try yoga.")
    check_verbatim((sentence,), seeker, "Try yoga.")
    found = [f for f in quoted_fragments((sentence,)) if f.startswith(OPENING)]
    return found[0] if found else None


# --- 1, 2: crisis wording ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "quoted"),
    [
        ("My son said he wants to kill himself and I'm terrified.", "wants to kill himself"),
        ("My best friend cuts herself and I don't know what to do.", "cuts herself"),
        ("I think my brother is suicidal.", "suicidal"),
    ],
)
def test_a_cue_about_someone_else_asks_about_that_person(seeker: str, quoted: str) -> None:
    # Once told to "ask them directly whether they are thinking of harming themselves": the
    # worried parent or friend.
    a = analysis({"sympathy": dim(1)}, style="sympathy", seeker=crisis(seeker))
    (sentence,) = feedback_for(a, seeker, HUG)
    assert sentence == (
        f'They wrote "{quoted}" about someone at risk: read their message closely, ask about '
        "that person and whether they are safe now, share a crisis line for them to use or "
        f"pass on ({CRISIS_LINES}), and ask how they themselves are coping."
    )
    assert "thinking of harming themselves" not in sentence
    check_verbatim((sentence,), seeker, HUG)


@pytest.mark.parametrize(
    "seeker",
    [
        "My thoughts of suicide are getting worse.",  # "my" + no person: their own
        "My mom found out I self harm.",  # the nearest subject is "I"
        "My friend is suicidal and honestly I want to kill myself too.",  # one cue is theirs
    ],
)
def test_a_cue_of_the_seekers_own_asks_them_directly(seeker: str) -> None:
    a = analysis({"sympathy": dim(1)}, style="sympathy", seeker=crisis(seeker))
    (sentence,) = feedback_for(a, seeker, HUG)
    assert "ask them directly whether they are thinking of harming themselves" in sentence
    assert "about someone at risk" not in sentence


CRISIS = "I want to kill myself. I can't do this anymore."


@pytest.mark.parametrize(
    ("response", "said"),
    [
        (
            "I'm really glad you told me. Are you thinking of killing yourself right now? Please "
            "call or text 988, they're there any time. I'll stay with you while you call.",
            "you asked them directly and shared a crisis line, as a message like this needs; "
            "keep reading closely what they answer.",
        ),
        (
            "Please call or text 988.",
            "you shared a crisis line; also ask them directly whether they are thinking of "
            "harming themselves.",
        ),
        (
            "Are you safe right now?",
            f"you asked them directly; also share a crisis line ({CRISIS_LINES}).",
        ),
        (
            "That sounds so heavy. Is it okay if I ask how long you've felt this way?",
            "read their message closely, ask them directly whether they are thinking of harming "
            f"themselves, and share a crisis line ({CRISIS_LINES}).",
        ),
    ],
)
def test_the_crisis_sentence_says_what_the_reply_did_and_asks_only_for_the_rest(
    response: str, said: str
) -> None:
    a = analysis({"compassion": dim(2)}, style="compassion", seeker=crisis(CRISIS))
    (sentence,) = feedback_for(a, CRISIS, response)
    assert sentence == f'They wrote "kill myself": {said}'


def test_a_reply_to_a_third_party_cue_is_told_what_it_did() -> None:
    seeker = "My son said he wants to kill himself and I'm terrified."
    response = "Please give him the number 988 too."
    a = analysis({"compassion": dim(1)}, style="advice", seeker=crisis(seeker))
    (sentence,) = feedback_for(a, seeker, response)
    assert sentence == (
        'They wrote "wants to kill himself" about someone at risk: you shared a crisis line; '
        "also ask about that person and whether they are safe now, and ask how they "
        "themselves are coping."
    )
    response = "Is he safe tonight? Please give him 988. How are you holding up?"
    (sentence,) = feedback_for(a, seeker, response)
    assert "you asked whether that person is safe, shared a crisis line, and asked how" in sentence


# --- 3: offers and advice ------------------------------------------------------------------

RELAPSE = "I relapsed last night and I feel so ashamed."


def test_an_offer_styled_advice_is_an_offer_not_solutions() -> None:
    # The codebook's strong-compassion example was told "You moved to solutions".
    response = "I'll drive you to the meeting on Thursday."
    a = analysis(
        {"compassion": dim(1, at(response, response))}, style="advice", flags={"advice": 0.37}
    )
    (sentence,) = feedback_for(a, RELAPSE, response)
    assert sentence.startswith(
        'You offered help ("I\'ll drive you to the meeting on Thursday"); show first that you '
        "understood what they are going through"
    )
    assert "solutions" not in sentence


def test_advice_beside_sympathy_is_solutions_not_an_offer() -> None:
    seeker = "Tell my mom I'm sorry. I feel like I let everyone down."
    response = "You should try going for a walk, it really helps clear your head."
    a = analysis(
        {
            "sympathy": dim(1, at(response, response)),
            "compassion": dim(1, at(response, response)),
        },
        style="sympathy",
        flags={"advice": 0.98},
    )
    (sentence,) = feedback_for(a, seeker, response)
    assert sentence.startswith(
        'You moved to solutions before showing you understood ("You should try going for a '
        'walk, it really helps…"); reflect first — they wrote "I feel like I let everyone down"'
    )
    assert "offered help" not in sentence


def test_help_that_is_neither_offer_nor_advice_is_still_offered_help() -> None:
    response = "Here is a support group that meets on Thursdays."
    a = analysis({"compassion": dim(1, at(response, response))}, style="sympathy")
    (sentence,) = feedback_for(a, RELAPSE, response)
    assert sentence.startswith(f'You offered help ("{response}")')


# --- 4: turning pronouns -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "turned"),
    [
        ("I really was devastated", "you really were devastated"),
        ("I honestly wasn't ready", "you honestly weren't ready"),
        ('I told him "I love you" and he laughed', 'you told him "I love you" and he laughed'),
        ("My mom always says 'I give up on you'", "your mom always says 'I give up on you'"),
        ("I said \u201cmy fault\u201d", "you said \u201cmy fault\u201d"),
        ("'cause I'm tired", "'cause you're tired"),
        ("Oh my god I feel so stupid", "oh my god you feel so stupid"),
        ("oh my, I am late", "oh my, you are late"),
        ("my gosh my life is a mess", "my gosh your life is a mess"),
        ("ive lost my job and im so stressed", "you've lost your job and you're so stressed"),
    ],
)
def test_second_person_turns_only_the_seekers_own_words(clause: str, turned: str) -> None:
    assert second_person(clause) == turned


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        (
            'I told him "I love you" and he laughed.',
            "It sounds like you told him 'I love you' and he laughed…",
        ),
        (
            'My mom always says "I give up on you" and it hurts.',
            "It sounds like your mom always says 'I give up on you' and it hurts…",
        ),
        ("Oh my god I feel so stupid", "It sounds like you feel so stupid…"),
        # the Spanish part is left out ("no you entiende"), the English clause offered
        ("Mi mamá no me entiende and I feel so alone.", "It sounds like you feel so alone…"),
        (
            "ive lost my job and im so stressed",
            "It sounds like you've lost your job and you're so stressed…",
        ),
    ],
)
def test_openings_keep_quoted_speech_exclamations_and_other_languages(
    seeker: str, opening: str
) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    "seeker",
    [
        "Mi mamá no me entiende nada.",
        "I lost my id at the station.",  # "id": "I'd" or an ID?
    ],
)
def test_no_opening_where_a_word_cannot_be_turned_safely(seeker: str) -> None:
    assert opening_of(seeker) is None


def test_a_clause_clipped_inside_a_quotation_stops_before_it() -> None:
    # whose "I" is the quotation's? The clip stops before the quotation opens.
    seeker = (
        "My roommate keeps eating my food and says 'oh I thought it was shared and you would "
        "not mind at all'"
    )
    assert opening_of(seeker) == "It sounds like your roommate keeps eating your food and says…"


# --- 5: grammatical openings ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        ("Am so tired of my job", "It sounds like you are so tired of your job…"),
        ("Was so scared of my dad", "It sounds like you were so scared of your dad…"),
        ("Been so depressed since my divorce", "It sounds like you've been so depressed since…"),
        ("Feeling so lost since my divorce.", "It sounds like you're feeling so lost since…"),
        ("Just lost my job", "It sounds like you lost your job…"),
        ("So tired of my life", "It sounds like you're tired of your life…"),
        ("Really miss my mom", "It sounds like you really miss your mom…"),
        ("Failing two of my classes.", "It sounds like you're failing two of your classes…"),
        ("Would like to talk to my dad.", "It sounds like you would like to talk to your dad…"),
        ("Losing my dad was the worst for me.", "It sounds like losing your dad was the worst…"),
        (
            "I was, honestly, so embarrassed by my mistake",
            "It sounds like you were, honestly, so embarrassed by your mistake…",
        ),
    ],
)
def test_an_opening_supplies_the_subject_the_seeker_left_out(seeker: str, opening: str) -> None:
    found = opening_of(seeker)
    assert found is not None
    # compare up to the clip the expectation shows
    assert found.startswith(opening.removesuffix("…")), found


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        ("Yeah I'm so tired of everything", "I'm so tired of everything"),
        ("Lol I feel so dumb", "I feel so dumb"),
        ("Idk I feel so lost", "I feel so lost"),
        ("ngl I'm so stressed rn", "I'm so stressed"),
        ("I feel so stupid haha", "I feel so stupid"),
        ("ugh I hate my life", "I hate my life"),
        ("well I guess I'm just lonely", "I'm just lonely"),
        ("\U0001f62d\U0001f62d I miss him so much \U0001f62d", "I miss him so much"),
        # a filler adverb: once "It sounds like honestly you were done…"
        ("Honestly I was done", "I was done"),
    ],
)
def test_interjections_and_emoji_are_left_out_of_the_clause(seeker: str, clause: str) -> None:
    assert seeker_clause(seeker) == clause


def test_idk_before_a_question_word_offers_no_clause() -> None:
    assert seeker_clause("Idk why I feel this way") is None


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        # the feeling a few words past the limit is kept
        (
            "My husband and I are getting divorced after twelve years and I feel like such a "
            "failure as a mother now",
            "My husband and I are getting divorced after twelve years and I feel like such a "
            "failure…",
        ),
        # further on, the clause starts at the seeker's subject before it
        (
            "My husband and I have been fighting for months about money and bills and now I "
            "feel so alone and tired",
            "I feel so alone and tired",
        ),
        # no function word at the cut
        (
            "I went to the store with my mom and my sister and then we went to the park",
            "I went to the store with my mom and my sister…",
        ),
    ],
)
def test_a_clipped_clause_keeps_the_feeling_and_ends_on_a_whole_phrase(
    seeker: str, clause: str
) -> None:
    assert seeker_clause(seeker) == clause


# --- 6: "we" messages and lists of feelings ------------------------------------------------


def test_a_message_of_we_alone_gets_an_opening() -> None:
    seeker = "We lost our baby at 20 weeks and we feel so empty."
    assert opening_of(seeker) == (
        "It sounds like you lost your baby at 20 weeks and you feel so empty…"
    )


def test_we_is_not_offered_where_an_i_clause_exists() -> None:
    assert seeker_clause("We moved last year. I feel so alone.") == "I feel so alone"


def test_a_short_clause_runs_on_over_its_list_of_feelings() -> None:
    seeker = "I'm sad, angry, scared and lonely all at once."
    assert opening_of(seeker) == "It sounds like you're sad, angry, scared and lonely all at once…"


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # Were no opening: "Lol I'm sad" was long enough not to run on, and too short as
        # trimmed to offer.
        (
            "Lol I'm sad, angry and lonely all at once",
            "It sounds like you're sad, angry and lonely all at once…",
        ),
        (
            "Ugh I'm sad, angry, scared and lonely all at once",
            "It sounds like you're sad, angry, scared and lonely all at once…",
        ),
        (
            "Lol, I'm sad, angry and lonely all at once",
            "It sounds like you're sad, angry and lonely all at once…",
        ),
    ],
)
def test_a_short_clause_after_an_interjection_runs_on_too(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


def test_reflection_opening_keeps_a_name_capitalised() -> None:
    assert reflection_opening("Sarah left me") == "It sounds like Sarah left you…"


# --- 7: one sentence about the helper's own story ------------------------------------------


def test_own_story_is_said_once() -> None:
    response = "Same thing happened to me last year, I lost my job too."
    a = analysis(
        {"interpretation": dim(1, at(response, "Same thing happened to me last year"))},
        style="empathy",
        flags={"self_focus": 0.9},
    )
    feedback = feedback_for(a, RELAPSE, response)
    assert len(feedback) == 1
    assert feedback[0].startswith("You related it to your own experience")


def test_self_focus_is_still_said_after_other_feedback() -> None:
    response = "I'm sorry. When I relapsed I told my sponsor about it."
    a = analysis({"sympathy": dim(1)}, style="sympathy", flags={"self_focus": 0.9})
    feedback = feedback_for(a, RELAPSE, response)
    assert feedback[-1] == (
        "Much of the reply is about your own experience; bring it back to theirs."
    )


def test_an_english_word_like_a_foreign_one_keeps_the_clause() -> None:
    # "y" is Spanish "and"; "y'all" is English. It is addressed to the readers, so the
    # opening takes the seeker's own clause after it ("you miss y'all" would be no reflection).
    assert foreign_words("I miss y'all so much and I feel alone") == []
    assert seeker_clause("I miss y'all so much and I feel alone") == "I feel alone"


def test_own_story_is_read_in_the_whole_span_not_the_words_quoted() -> None:
    # The quote stops after ten words ("I totally get it. When my dog died three years…"),
    # before the story shows: the feedback praised it as their experience put into words,
    # then said that much of the reply is about the helper's own.
    seeker = "My dog died yesterday and I feel so lost without him."
    response = (
        "I totally get it. When my dog died three years ago I was a wreck for months, I "
        "couldn't go to work, I cried every day, my wife had to take care of everything, and "
        "I still think about him all the time."
    )
    a = analysis(
        {"interpretation": dim(2, (0, len(response)))},
        style="empathy",
        flags={"self_focus": 0.9},
    )
    feedback = feedback_for(a, seeker, response)
    assert feedback == (
        'You related it to your own experience ("I totally get it. When my dog died three '
        'years…"); say what you think it is like for them, and ask how they feel now.',
    )


def test_a_span_that_turns_to_the_seeker_after_the_quote_is_still_own_story() -> None:
    # the words quoted are the helper's story; a "you" later in the span does not undo it
    seeker = "My dog died yesterday and I feel so lost without him."
    response = "Same thing happened to me last year, I lost my dog too. I hope you find peace."
    a = analysis({"interpretation": dim(1, (0, len(response)))}, style="empathy")
    (sentence,) = feedback_for(a, seeker, response)
    assert sentence.startswith("You related it to your own experience")


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        # once "you're a nurse at St…": "St." ended the sentence
        (
            "I'm a nurse at St. Mary's and I'm so burned out.",
            "I'm a nurse at St. Mary's and I'm so burned out",
        ),
        # once "your english is not good sorry"
        (
            "My english is not good sorry. I lose my job and I am worry for money",
            "I lose my job and I am worry for money",
        ),
        # once "It sounds like honestly you still feel lonely…"
        (
            "I nearly died laughing at work today but honestly I still feel lonely.",
            "I still feel lonely",
        ),
    ],
)
def test_reviewed_openings_read_as_the_seekers_clause(seeker: str, clause: str) -> None:
    assert seeker_clause(seeker) == clause
    a = analysis({"sympathy": dim(1)}, style="sympathy")
    (sentence,) = feedback_for(a, seeker, HUG)
    assert f'they wrote "{clause}"' in sentence


def test_an_emoji_inside_the_clause_is_quoted_but_left_out_of_the_opening() -> None:
    # once "It sounds like you feel 😭 so alone since she left…"
    seeker = "I feel \U0001f62d so alone since she left"
    a = analysis({"sympathy": dim(1)}, style="sympathy")
    (sentence,) = feedback_for(a, seeker, HUG)
    assert f'they wrote "{seeker}"' in sentence
    assert '"It sounds like you feel so alone since she left…"' in sentence
