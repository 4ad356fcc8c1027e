"""Feedback and style on a second review's findings (session 33): sarcasm read as warmth (1),
anger on the seeker's behalf (2) and short openers (3) read as dismissive, a reflection after
reassurance missed (4), dismissive words negated or quoted back (5), hostile questions (6) and
advice asked (7) credited as exploring, judging advice not flagged (8), validation that the
feeling is normal not credited (9), offers of help ignored (10), and a style that contradicted
the feedback (11). The analyses are built by hand with the levels the shipped model gives
these pairs, or the ones that show the fault (no model), every response dimension present;
the rules, the derived empathy and the style run as in the analyzer."""

from __future__ import annotations

import pytest
from feedback_builders import analysis, at, dim

from carelens.analysis.feedback import feedback_for
from carelens.analysis.rules import apply_rules
from carelens.taxonomy import RESPONSE_DIMENSIONS, derive_empathy, headline_style
from carelens.types import DimensionScore

DISMISSIVE = " may come across as minimising or judging what they shared"
SYMPATHY = "You shared their sorrow; try naming what they may feel underneath"
WARMLY = "You responded warmly; try naming what they may feel underneath"
VALIDATED = "You validated what they feel"
PUT_INTO_WORDS = "You put their experience into words"
QUESTION = "Your question invites them to say more"
SOLUTIONS = "You moved to solutions before showing you understood"
OFFERED = "You offered help"
HELPED = "You showed understanding and moved to help"
NO_RESPONSE = "Your reply does not yet respond to what they shared"
#: The model leaning dismissive at level 0 (its levels 1 and 2 at least half likely).
LEANING = dim(0, probabilities=(0.4, 0.5, 0.1))
CANCER = "my dad has cancer and I'm taking care of him alone"
FAULT = "I keep thinking the divorce was my fault"


def read(
    seeker: str,
    response: str,
    levels: dict[str, int | DimensionScore] | None = None,
    advice: float = 0.0,
    distress: int = 1,
) -> tuple[tuple[str, ...], str]:
    """The feedback and the style on the hand-built analysis (every response dimension, at
    the ``levels`` given and 0 elsewhere; a level as a number is scored over the whole
    reply), after the rules, as the analyzer runs them."""
    dims: dict[str, DimensionScore] = {name: dim(0) for name in RESPONSE_DIMENSIONS}
    for name, level in (levels or {}).items():
        dims[name] = level if isinstance(level, DimensionScore) else whole(response, level)
    ruled = apply_rules(dims, response, (), seeker)
    empathy = derive_empathy(ruled)
    if empathy is not None:
        ruled["empathy"] = empathy
    flags = {"advice": advice, "self_focus": 0.0}
    style = headline_style(ruled, flags)
    made = analysis(ruled, style=style, flags=flags, distress=distress)
    return feedback_for(made, seeker, response), style


def whole(response: str, level: int) -> DimensionScore:
    """A score at ``level`` over the whole reply (none at level 0)."""
    return dim(level, (0, len(response))) if level else dim(0)


# --- 1: sarcasm read as warmth ------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "levels", "quoted"),
    [
        # praise after a mishap told in other words than a rejection (was "You responded
        # warmly", "does not yet respond", "You put their experience into words")
        (
            "my supervisor sent my draft back with red all over it",
            "Great job. Really nailed it.",
            {"sympathy": 1},
            "Great job",
        ),
        ("my teacher handed my essay back covered in red ink", "Well done.", {}, "Well done"),
        (
            "my boss tore my presentation apart in front of the team",
            "Nice going.",
            {},
            "Nice going",
        ),
        ("I tripped on stage during my recital", "Smooth.", {}, "Smooth"),
        ("I got a D on my midterm", "Great job.", {"interpretation": 2}, "Great job"),
        # grief feigned (was "You shared their sorrow")
        (
            "my mom passed away last week and I can't stop crying",
            "wow what a tragedy",
            {"sympathy": 1},
            "wow what a tragedy",
        ),
        (
            "my grandpa died yesterday",
            "gee, what a tragedy",
            {"sympathy": 1},
            "gee, what a tragedy",
        ),
        ("my wifi has been out all day", "how tragic lol", {}, "how tragic lol"),
        # mockery (was "You responded warmly", "does not yet respond")
        (
            "I bought concert tickets from a scammer and lost $300",
            "Congrats, you played yourself",
            {"emotional_reaction": 1},
            "you played yourself",
        ),
        (
            "I lent my ex money and she never paid it back",
            "Congratulations, you played yourself.",
            {},
            "you played yourself",
        ),
        (
            "I bought concert tickets from a scammer and lost $300",
            "Congrats.",
            {"emotional_reaction": 1},
            "Congrats",
        ),
    ],
)
def test_sarcasm_in_other_words_is_dismissive(
    seeker: str, response: str, levels: dict[str, int | DimensionScore], quoted: str
) -> None:
    sentences, style = read(seeker, response, levels)
    assert sentences[0].startswith(f'"{quoted}"{DISMISSIVE}')
    assert style == "dismissive"


@pytest.mark.parametrize(
    ("seeker", "response", "levels", "start", "style"),
    [
        ("I finally handed in my thesis", "Great job.", {"sympathy": 1}, WARMLY, "sympathy"),
        (
            "my supervisor sent my draft back with red all over it",
            "Great job getting a full draft done, that's huge.",
            {"sympathy": 1},
            WARMLY,
            "sympathy",
        ),
        ("I got into grad school", "Congrats.", {"emotional_reaction": 1}, WARMLY, "sympathy"),
        (
            "my dad died last month",
            "What a tragedy. I'm so sorry for your loss.",
            {"sympathy": 2, "emotional_reaction": 2},
            SYMPATHY,
            "sympathy",
        ),
        # a plain "What a tragedy." may be sincere: left to the model
        ("my brother died in a car crash", "What a tragedy.", {}, NO_RESPONSE, "other"),
    ],
)
def test_sincere_praise_and_sorrow_are_not_sarcasm(
    seeker: str, response: str, levels: dict[str, int | DimensionScore], start: str, style: str
) -> None:
    sentences, got = read(seeker, response, levels, distress=0 if start == WARMLY else 1)
    assert sentences[0].startswith(start)
    assert got == style


# --- 2: anger on the seeker's behalf ------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "dismissive"),
    [
        (
            "I waited forty minutes on hold and then they hung up on me",
            "Forty minutes?? That's ridiculous, I'm furious for you.",
            1,
        ),
        ("my landlord kept my whole deposit for no reason", "Ugh, I'm so angry on your behalf", 1),
        (
            "my manager cut my hours without telling me",
            "that's outrageous, they can't treat you like that",
            LEANING,
        ),
        (
            "my coach benched me in front of the whole team",
            "That's outrageous. He can't treat you like that.",
            1,
        ),
        (
            "the doctor laughed at me when I said I was in pain",
            "Seriously?! That makes me so angry for you.",
            1,
        ),
        ("my coworker stole my lunch again", "Again?? I'm so mad for you.", 1),
    ],
)
def test_anger_on_their_behalf_is_sympathy(
    seeker: str, response: str, dismissive: int | DimensionScore
) -> None:
    sentences, style = read(seeker, response, {"dismissive": dismissive})
    assert sentences[0].startswith(SYMPATHY)
    assert style == "sympathy"


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        ("I yelled at my kid today", "That's ridiculous."),
        ("I cried because my friend canceled on me", "I'm so angry at you."),
        ("my sister is always late", "Seriously? You're upset about that?"),
    ],
)
def test_anger_at_the_seeker_keeps_the_models_dismissal(seeker: str, response: str) -> None:
    sentences, style = read(seeker, response, {"dismissive": 1})
    assert DISMISSIVE in sentences[0]
    assert style == "dismissive"


# --- 3: short sympathetic openers -----------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "levels"),
    [
        # was "does not yet respond" (the model leaning dismissive at level 0)
        (CANCER, "Oof.", {"dismissive": LEANING}),
        ("my best friend moved across the country", "Ouch.", {}),
        # was dismissive
        (CANCER, "Oof, that's a lot.", {"sympathy": 1, "dismissive": 1}),
        (CANCER, "That's so heavy.", {"dismissive": 1}),
        (
            "I lost my job and my car broke down the same week",
            "Oof. That's a lot to deal with at once.",
            {"sympathy": 1, "dismissive": 1},
        ),
    ],
)
def test_short_openers_are_sympathy(
    seeker: str, response: str, levels: dict[str, int | DimensionScore]
) -> None:
    sentences, style = read(seeker, response, levels)
    assert sentences[0].startswith(SYMPATHY)
    assert style == "sympathy"


def test_the_reflection_after_an_opener_is_credited() -> None:
    response = "Oof, that's a lot. It sounds like you're carrying all of it alone."
    sentences, style = read(CANCER, response, {"sympathy": 1, "dismissive": 1})
    assert sentences[0].startswith(
        f'{PUT_INTO_WORDS} ("It sounds like you\'re carrying all of it alone")'
    )
    assert style == "empathy"  # was dismissive


@pytest.mark.parametrize(
    ("seeker", "response", "levels", "quoted"),
    [
        ("my dog died this morning", "lol oof", {"sympathy": 1, "dismissive": 1}, None),
        ("my dog died this morning", "oof lol", {"sympathy": 1, "dismissive": 1}, None),
        ("my grandma died", "big oof", {"dismissive": 1}, None),
        # a shrug is minimising (was "You put their experience into words")
        (
            "I got rejected from my dream school",
            "Meh, happens to everyone",
            {"interpretation": 1, "sympathy": 1},
            "Meh, happens to everyone",
        ),
        ("my cat is sick", "Meh, you'll live.", {"sympathy": 1}, "Meh, you'll live"),
    ],
)
def test_mocking_openers_and_a_shrug_stay_dismissive(
    seeker: str, response: str, levels: dict[str, int | DimensionScore], quoted: str | None
) -> None:
    sentences, style = read(seeker, response, levels)
    assert DISMISSIVE in sentences[0]
    if quoted is not None:
        assert sentences[0].startswith(f'"{quoted}"')
    assert style == "dismissive"


def test_comfort_that_it_happens_to_everyone_is_not_a_shrug() -> None:
    sentences, style = read(
        "I forgot my friend's birthday and feel terrible",
        "It happens to the best of us, don't beat yourself up.",
        {"sympathy": 1, "emotional_reaction": 1},
    )
    assert sentences[0].startswith(SYMPATHY)
    assert style == "sympathy"


# --- 4: a reflection after reassurance --------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "levels", "reflection"),
    [
        # was "does not yet respond"
        (
            FAULT,
            "Stop blaming yourself. It sounds like you're carrying all of it.",
            {"dismissive": LEANING},
            "It sounds like you're carrying all of it",
        ),
        # was "You shared their sorrow"
        (
            FAULT,
            "It's not your fault. You must feel like you failed them.",
            {"sympathy": 2, "emotional_reaction": 1},
            "You must feel like you failed them",
        ),
        (
            "I couldn't save my dog",
            "You did everything you could. It sounds like you're still replaying that night.",
            {},
            "It sounds like you're still replaying that night",
        ),
        (
            "I yelled at my mom before she died",
            "Go easy on yourself. You must be carrying so much guilt.",
            {},
            "You must be carrying so much guilt",
        ),
        (
            "my son got hurt while I was watching him",
            "Don't be so hard on yourself. It sounds like you're terrified it'll happen again.",
            {"sympathy": 1},
            "It sounds like you're terrified it'll happen again",
        ),
    ],
)
def test_a_reflection_after_reassurance_is_credited(
    seeker: str, response: str, levels: dict[str, int | DimensionScore], reflection: str
) -> None:
    sentences, style = read(seeker, response, levels, advice=0.76)
    assert sentences[0].startswith(f'{PUT_INTO_WORDS} ("{reflection}")')
    assert style == "empathy"


@pytest.mark.parametrize(
    "response",
    [
        "Stop blaming yourself. You should really see a therapist.",
        "Stop blaming yourself. It sounds like you should see a therapist.",
    ],
)
def test_advice_after_reassurance_is_no_reflection(response: str) -> None:
    sentences, style = read(FAULT, response, {"compassion": 1}, advice=0.93)
    assert sentences[0].startswith(SOLUTIONS)
    assert style == "sympathy"  # the reassurance; no empathy


# --- 5: dismissive words negated or quoted back ----------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "levels", "quoted"),
    [
        # was '"get over it" may come across as minimising'
        (
            "my husband died a year ago and people say I should be over it",
            "There's no 'get over it already' deadline on grief.",
            {"dismissive": dim(1, (12, 23))},
            "There's no 'get over it already' deadline on grief",
        ),
        # was "does not yet respond"
        (
            "everyone says I'm too sensitive",
            "Nobody gets to tell you you're too sensitive.",
            {},
            "Nobody gets to tell you you're too sensitive",
        ),
        # was dismissive
        (
            "I cried at work after my review",
            "Don't let anyone say you're overreacting.",
            {"emotional_reaction": 1, "dismissive": 1},
            "Don't let anyone say you're overreacting",
        ),
        (
            "my family says my anxiety is just drama",
            "Don't let anyone tell you you're being dramatic.",
            {"dismissive": 1},
            "Don't let anyone tell you you're being dramatic",
        ),
        (
            "my dog died and my friends said it's just a dog",
            'There is no such thing as "just a dog".',
            {"dismissive": LEANING},
            "There is no such thing as 'just a dog'",
        ),
        (
            "people keep telling me to cheer up after my miscarriage",
            'No one has the right to tell you to "cheer up".',
            {"dismissive": 1},
            "No one has the right to tell you to 'cheer…",
        ),
    ],
)
def test_dismissive_words_denied_or_quoted_back_validate(
    seeker: str, response: str, levels: dict[str, int | DimensionScore], quoted: str
) -> None:
    sentences, style = read(seeker, response, levels)
    assert sentences[0].startswith(f'{VALIDATED} ("{quoted}")')
    assert style == "sympathy"


@pytest.mark.parametrize(
    ("seeker", "response", "quoted"),
    [
        (
            "everyone says I'm too sensitive",
            "Honestly you are too sensitive.",
            "you are too sensitive",
        ),
        ("my husband died a year ago", "Just get over it already.", "Just get over it"),
        ("my dog died", "It was just a dog, get over it.", "It was just a dog"),
    ],
)
def test_the_helpers_own_dismissive_words_stay_dismissive(
    seeker: str, response: str, quoted: str
) -> None:
    sentences, style = read(seeker, response)
    assert sentences[0].startswith(f'"{quoted}"{DISMISSIVE}')
    assert style == "dismissive"


# --- 6: hostile or blaming questions ------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "levels", "quoted"),
    [
        # was "Your question invites them to say more"
        (
            "I lost my savings in crypto",
            "Why would you put your savings into crypto??",
            {"exploration": 2},
            "Why would you put your savings into crypto?",
        ),
        (
            "I left my car unlocked and my laptop got stolen",
            "Why would you leave a laptop in an unlocked car?",
            {"exploration": 2},
            "Why would you leave a laptop in an unlocked car?",
        ),
        (
            "I lent my brother money again and he didn't pay",
            "What were you thinking?",
            {"exploration": 1},
            "What were you thinking",
        ),
        (
            "I got a C on the test after skipping class",
            "Did you really think you'd pass without going to class?",
            {"exploration": 2},
            "Did you really think you'd pass without going to class?",
        ),
        (
            "I did the dishes for once",
            "Do you want a cookie?",
            {"exploration": 2},
            "Do you want a cookie",
        ),
        # was "does not yet respond"
        ("I finally cleaned my room after weeks", "Want a medal?", {}, "Want a medal"),
    ],
)
def test_hostile_questions_are_dismissive_not_exploring(
    seeker: str, response: str, levels: dict[str, int | DimensionScore], quoted: str
) -> None:
    sentences, style = read(seeker, response, levels)
    assert sentences[0].startswith(f'"{quoted}"{DISMISSIVE}')
    assert style == "dismissive"


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        ("I feel like a burden to everyone", "Why would you think you're a burden?"),
        ("I keep thinking the crash was my fault", "Did you really think it was your fault?"),
        ("I lost my savings in crypto", "What made you decide to put your savings in crypto?"),
    ],
)
def test_questions_that_challenge_self_blame_or_ask_why_still_explore(
    seeker: str, response: str
) -> None:
    sentences, style = read(seeker, response, {"exploration": 2})
    assert DISMISSIVE not in sentences[0]
    assert style == "empathy"


# --- 7: advice asked as a question ------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "levels", "advice"),
    [
        # was "Your question invites them to say more"
        ("I can't sleep at night", "Have you tried melatonin?", {"exploration": 2}, 0.34),
        (
            "my boyfriend ignores me when I'm upset",
            "Have you thought about just talking to him?",
            {"exploration": 2},
            0.37,
        ),
        ("I can't sleep at night", "Why don't you try meditation?", {"exploration": 2}, 0.25),
        # was "You showed understanding and moved to help"
        (
            "I'm so stressed with school",
            "Have you considered dropping a class?",
            {"exploration": 2, "compassion": 1},
            0.81,
        ),
        (
            "I feel lonely since I moved",
            "Have you tried joining a club?",
            {"exploration": 2, "compassion": 1},
            0.29,
        ),
    ],
)
def test_advice_asked_is_advice_not_exploration(
    seeker: str, response: str, levels: dict[str, int | DimensionScore], advice: float
) -> None:
    sentences, style = read(seeker, response, levels, advice=advice)
    assert sentences[0].startswith(f'{SOLUTIONS} ("{response}")')
    # the headline keeps the model's exploration, as EPITOME scores such questions
    assert style == ("compassion" if levels.get("exploration") else "advice")


def test_advice_asked_beside_a_named_feeling_is_help_after_understanding() -> None:
    response = "That sounds really isolating. Have you tried joining a club?"
    helped = dim(1, at(response, "Have you tried joining a club?"))
    sentences, style = read(
        "I feel lonely since I moved",
        response,
        {"exploration": 2, "compassion": helped},
        advice=0.62,
    )
    assert sentences[0].startswith(f'{HELPED} ("Have you tried joining a club?")')
    assert style == "compassion"


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        ("I feel stuck in my career", "Have you thought about what you actually want?"),
        ("my friend ghosted me", "Did you try calling her?"),
        ("I feel lonely since I moved", "Have you tried joining a club and it didn't work out?"),
    ],
)
def test_open_questions_about_their_experience_still_explore(seeker: str, response: str) -> None:
    sentences, style = read(seeker, response, {"exploration": 2})
    assert sentences[0].startswith(QUESTION)
    assert style == "empathy"


# --- 8: judging advice ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "levels", "quoted"),
    [
        # was "You moved to solutions before showing you understood"
        (
            "I overslept and missed my exam",
            "Just set more alarms. Not that hard.",
            {},
            "Not that hard",
        ),
        (
            "I keep forgetting to take my meds",
            "Use a pill box. It's not rocket science.",
            {},
            "not rocket science",
        ),
        (
            "I'm behind on my taxes",
            "Just file them. It's really not that hard.",
            {},
            "It's really not that hard",
        ),
        (
            "I got rejected from the job again",
            "Just get over it and apply again, it's not rocket science.",
            {},
            "Just get over it",
        ),
        # was "Your question invites them to say more"
        (
            "my plants keep dying",
            "Water them. How hard is it?",
            {"exploration": 2},
            "How hard is it",
        ),
    ],
)
def test_condescending_advice_is_dismissive(
    seeker: str, response: str, levels: dict[str, int | DimensionScore], quoted: str
) -> None:
    sentences, style = read(seeker, response, levels, advice=0.8)
    assert sentences[0].startswith(f'"{quoted}"{DISMISSIVE}')
    assert style == "dismissive"


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        (
            "I'm nervous about asking for help at work",
            "It's not that hard to ask, people usually want to help.",
        ),
        (
            "I'm anxious about learning to drive",
            "It's not that hard once you get the hang of it, you'll be okay.",
        ),
    ],
)
def test_encouragement_about_a_step_is_not_condescension(seeker: str, response: str) -> None:
    sentences, style = read(seeker, response, {"sympathy": 1})
    assert DISMISSIVE not in sentences[0]
    assert style == "sympathy"


# --- 9: validation that the feeling is normal -------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "levels", "quoted"),
    [
        # was "You named what they may feel ("grief like this is completely normal")"
        (
            "I keep crying over my grandma months later, is that weird?",
            "It's not weird at all, grief like this is completely normal.",
            {"sympathy": 1, "emotional_reaction": 1},
            "It's not weird at all, grief like this is completely…",
        ),
        # was "You shared their sorrow" / "You responded warmly"
        (
            "I still miss my ex after a year",
            "That's completely normal.",
            {"sympathy": 1},
            "That's completely normal",
        ),
        (
            "I panic every time my phone rings",
            "You're not crazy, a lot of people feel this way.",
            {"sympathy": 1},
            "You're not crazy, a lot of people feel this way",
        ),
        (
            "I cried watching a dog food commercial",
            "Totally normal, you're not weird.",
            {"sympathy": 1, "emotional_reaction": 1},
            "Totally normal, you're not weird",
        ),
        # was "You named what they may feel"
        (
            "my boss yelled at me in front of everyone",
            "You have every right to be angry.",
            {"sympathy": 1},
            "You have every right to be angry",
        ),
        (
            "I yelled at my sister and now I feel awful",
            "That's a really normal reaction.",
            {"sympathy": 1},
            "That's a really normal reaction",
        ),
    ],
)
def test_saying_the_feeling_is_normal_is_validation(
    seeker: str, response: str, levels: dict[str, int | DimensionScore], quoted: str
) -> None:
    sentences, style = read(seeker, response, levels)
    assert sentences[0].startswith(f'{VALIDATED} ("{quoted}")')
    assert style == "sympathy"


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        ("my toddler throws tantrums every day", "That's normal for toddlers."),
        ("my boyfriend left me", "It's not weird that he left."),
        ("I'm not sure if I should tell her about my depression", "There is no time limit."),
    ],
)
def test_normal_said_of_something_else_is_no_validation(seeker: str, response: str) -> None:
    sentences, style = read(seeker, response)
    assert sentences[0].startswith(NO_RESPONSE)
    assert style == "other"


# --- 10: offers of concrete help --------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "levels", "quoted"),
    [
        # was "does not yet respond"
        (
            "I'm exhausted from looking after the kids alone",
            "I can take the kids on Sunday so you can rest.",
            {},
            "I can take the kids on Sunday so you can…",
        ),
        (
            "I haven't eaten properly in days since the funeral",
            "I'll bring dinner over tonight.",
            {},
            "I'll bring dinner over tonight",
        ),
        (
            "my car broke down and I can't get to work",
            "I could lend you my car this week if that helps.",
            {},
            "I could lend you my car this week if that…",
        ),
        # was "You showed understanding and moved to help" (the offer read as a question)
        (
            "I have to call the bank about the debt and I'm terrified",
            "Want me to sit with you on the phone while you call them?",
            {"exploration": 2, "compassion": 1},
            "Want me to sit with you on the phone while…",
        ),
        (
            "I'm scared of my surgery appointment",
            "I'll drive you to the appointment if you want.",
            {"compassion": 1},
            "I'll drive you to the appointment if you want",
        ),
    ],
)
def test_offers_to_act_are_credited_as_help(
    seeker: str, response: str, levels: dict[str, int | DimensionScore], quoted: str
) -> None:
    sentences, style = read(seeker, response, levels)
    assert sentences[0].startswith(f'{OFFERED} ("{quoted}")')
    # compassion without understanding; the model's exploration of an offer asked is kept
    assert style == ("compassion" if levels.get("exploration") else "advice")


@pytest.mark.parametrize(
    "response",
    ["I can take a guess at what that's like.", "I can't take the kids this week, sorry."],
)
def test_words_that_offer_nothing_are_no_offer(response: str) -> None:
    sentences, style = read("I'm exhausted from looking after the kids alone", response)
    assert sentences[0].startswith(NO_RESPONSE)
    assert style == "other"


# --- 11: the style says what the feedback says -------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "levels", "start", "style"),
    [
        # a reflection beside a remark: was "other" and "sympathy"
        (
            "my parents are fighting again and I'm stuck in the middle",
            "How awful. It sounds like you're caught in the middle of their fights.",
            {},
            PUT_INTO_WORDS,
            "empathy",
        ),
        (
            "my boss yelled at me in front of everyone",
            "How humiliating. You must feel so small.",
            {"sympathy": 1},
            PUT_INTO_WORDS,
            "empathy",
        ),
        # validation: was "other"
        ("my friend forgot my birthday", "Your feelings are valid.", {}, VALIDATED, "sympathy"),
        (
            "I cried over a movie",
            "It's completely normal to feel emotional.",
            {},
            VALIDATED,
            "sympathy",
        ),
        # a remark the model read as understanding: was "empathy"
        (
            "my dog died this morning",
            "How heartbreaking.",
            {"interpretation": 1},
            SYMPATHY,
            "sympathy",
        ),
    ],
)
def test_the_style_follows_the_feedbacks_readings(
    seeker: str, response: str, levels: dict[str, int | DimensionScore], start: str, style: str
) -> None:
    sentences, got = read(seeker, response, levels)
    assert sentences[0].startswith(start)
    assert got == style


def test_a_reflection_the_model_scored_keeps_its_level() -> None:
    response = "How awful. It sounds like you're caught in the middle of their fights."
    dims = {name: dim(0) for name in RESPONSE_DIMENSIONS}
    dims["interpretation"] = dim(2, at(response, "It sounds like you're caught in the middle"))
    ruled = apply_rules(dims, response, (), "my parents are fighting again")
    assert ruled["interpretation"].level == 2
    assert ruled["reflection"].level == 0
