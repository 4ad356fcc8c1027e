"""Crisis cues: what the seeker was told is taken up by agreement, belief, "right", "a point" or
"maybe I should" unless what follows clearly turns to something else ("... I agree it was
cruel", "... maybe I should try therapy"); the idiom "I overdosed on coffee" holds only where
no drug is named in its sentence but in an everyday clause ("... because I forgot to take my
meds"). The cases marked from the review are messages an old-vs-new review of 430 hand-written
messages found missed (or, for "no cue", flagged) after the first narrowing of these readings;
those of the third review (437 messages) are what its turns elsewhere set aside beside a sign of
the writer's own risk ("... i agree, my life is awful"), inner voices read as tellings and
everyday acts or advice read as a taking-up.
"""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_context import not_own_mentions


def cue_words(text: str) -> list[str]:
    """The words of each cue the patterns find in ``text``."""
    return [span.text_in(text) for span in crisis_cues(text)]


# --- a telling taken up ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # agreement with something else
        "My brother told me to kill myself. I agree it was cruel.",
        "My brother told me to kill myself. I agree that he was wrong.",
        "My brother told me to kill myself. I agree with my therapist that it was abuse.",
        # "believe that" or "believe it" opening a clause of its own
        "My classmates said I should kill myself. I believe that's harassment.",
        "My classmates said I should kill myself. I believe that he should be punished.",
        "My brother told me to kill myself. I believe it was cruel.",
        # "a point" or "right" about something else
        "My dad told me to kys. He has a point about my grades though.",
        "My dad told me to kill myself. He has a point about my grades though.",
        "My brother told me to kill myself. He's right about my grades though.",
        # "maybe I should" and another act
        "Someone online told me to kill myself. Maybe I should try therapy.",
        "Someone online told me to kill myself. Maybe I should delete my account.",
        "My brother told me to kill myself. Maybe I should go to the police.",
    ],
)
def test_agreement_with_something_else_does_not_take_up_a_telling(text: str) -> None:
    """Each was a cue: "I agree", "I believe that / it", "has a point", "right" and "maybe I
    should" took up the telling whatever followed them."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "My brother told me to kill myself. I agree.",
        "My brother told me to kill myself. I agree with them.",
        "My brother told me to kill myself and I agree with him",
        "My brother told me to kill myself. I agree with them 100%.",
        "My brother told me to kill myself. I agree with my brother.",
        "My brother told me to kill myself. I agree with everything they said.",
        "My brother told me to kill myself. I kinda agree tbh",
        "My brother told me to kill myself. I agree that I should.",
        "My brother told me to kill myself. I agree it's true.",
        "My brother told me to kill myself. I agree that I'm a burden.",
        "My brother told me to kill myself. I agree I deserve it.",
        "My brother told me to kill myself and maybe they're right",
        "My brother told me to kill myself. Maybe he's right about me.",
        "My brother told me to kill myself and part of me believes it",
        "My brother told me to kill myself. I kinda believe them",
        "My brother told me to kill myself. I believe it",
        "My brother told me to kill myself. I believe it's true.",
        "My brother told me to kill myself. I believe that too.",
        "My brother told me to kill myself. I believe that I'm a burden.",
        "My brother told me to kill myself. He has a point.",
        "My brother told me to kill myself. He has a point about that.",
        "My brother told me to kill myself. Maybe I should.",
        "My brother told me to kill myself. Maybe I should, honestly.",
        "My brother told me to kill myself. Maybe I will.",
        "My brother told me to kill myself. Maybe I should just do it.",
        "My brother told me to kill myself. Maybe I should listen.",
        "My brother told me to kill myself. Maybe I should do what he says.",
        "My brother told me to kill myself. Maybe I should just go.",
        "My brother told me to kill myself. Maybe I should just disappear.",
        "My brother told me to kill myself. Maybe I should believe him.",
    ],
)
def test_agreement_with_the_telling_still_takes_it_up(text: str) -> None:
    assert cue_words(text) == ["kill myself"]


def test_kys_agreed_with_is_a_cue_and_a_point_about_grades_is_not() -> None:
    assert cue_words("My dad told me to kys. He has a point.") == ["kys"]
    assert crisis_cues("My dad told me to kys. He has a point about my grades.") == ()


# --- the review: agreement that takes a telling up, whatever follows ---------------------------


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # anything after "I agree": whom with, a reason, a mark, a texted closing
        ("my brother told me to kill myself last night and honestly i agree w him", "kill myself"),
        ("my brother told me to kill myself last night and honestly i agree w/ him", "kill myself"),
        ("my mom's boyfriend told me to kys and tbh i agree with my mom's boyfriend", "kys"),
        ("my stepdad told me to kill myself and i agree with what my stepdad said", "kill myself"),
        ("my sister said i should kill myself and i agree with what she told me", "kill myself"),
        (
            "my sister said i should kill myself and i agree with everything she told me",
            "kill myself",
        ),
        ("some guy in the discord told me to kys and i agree with every word", "kys"),
        (
            "ppl at school keep telling me to kill myself and i kinda agree with them on that",
            "kill myself",
        ),
        (
            "ppl at school keep telling me to kill myself and i kinda agree with them about that",
            "kill myself",
        ),
        (
            "my dad told me to kill myself and i agree with him more than id like to admit",
            "kill myself",
        ),
        (
            "my dad told me to kill myself, i agree with him because im a burden anyway",
            "kill myself",
        ),
        ("my dad told me to kill myself, i agree with him cause its true", "kill myself"),
        ("my dad told me to kill myself and i agree with him so idk", "kill myself"),
        ("my ex told me to go kill myself and i agree \U0001f643", "kill myself"),
        ("my ex told me to go kill myself and i agree :(", "kill myself"),
        ("my ex told me to go kill myself and i agree :/", "kill myself"),
        ("my ex told me to go kill myself and i agree - nobody wants me around", "kill myself"),
        ("my ex told me to go kill myself (and honestly i agree)", "kill myself"),
        ("my ex told me to go kill myself and i agree idk", "kill myself"),
        ("my ex told me to go kill myself and i agree fr", "kill myself"),
        ("my bf told me to kill myself, i kinda agree w him ngl", "kill myself"),
        ("my stepmom told me to kys and ngl i agree with her more every day", "kys"),
        ("my stepmom told me to kys and ngl i agree w/ her", "kys"),
        # a verdict on the writer, texted
        ("my coworker told me to kys and i agree its true", "kys"),
        ("my coworker told me to kys and i agree thats true", "kys"),
        ("my ex said i should kill myself and i agree im a burden", "kill myself"),
        ("my ex said i should kill myself and i agree that im worthless", "kill myself"),
        ("my ex said i should kill myself and i agree i dont deserve to be here", "kill myself"),
        ("my ex said i should kill myself and i agree no one would miss me", "kill myself"),
        ("my gf told me to kill myself and i agree with her that im a burden", "kill myself"),
        ("my gf told me to kill myself and i agree with her that it's for the best", "kill myself"),
        ("my gf told me to kill myself and i agree that its for the best", "kill myself"),
        ("my gf told me to kill myself and i agree it would be better for everyone", "kill myself"),
        # agreement as texted or negated disagreement
        ("my best friend told me to kys and i 100% agree", "kys"),
        ("my gf told me to kill myself and i cant say i disagree", "kill myself"),
        ("my gf told me to kill myself and i don't disagree", "kill myself"),
        ("my gf told me to kill myself and i dont even disagree", "kill myself"),
        ("my stepmom told me to kys and ive started agreeing with her", "kys"),
    ],
)
def test_agreement_takes_a_telling_up_whatever_follows_it(text: str, told: str) -> None:
    """Each was no cue: agreement took a telling up only before a listed object and a listed
    end of its clause."""
    assert told in cue_words(text)


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ('"kill yourself" my brother said, and i believe what he said', "kill yourself"),
        ("my brother said to kill myself and i believe em", "kill myself"),
        ("my brother said to kill myself and i believe its true", "kill myself"),
        (
            "my brother said to kill myself and i believe that more and more every day",
            "kill myself",
        ),
        (
            "my brother said to kill myself and i'm starting to believe that im worthless",
            "kill myself",
        ),
        (
            "my brother said to kill myself and im starting to believe it is the only way out",
            "kill myself",
        ),
        (
            "my older brother told me to kill myself when i was 12 and i still believe him",
            "kill myself",
        ),
        # "right", "not wrong", "a point": about the writer's life, texted
        (
            "my mom told me to kill myself and maybe she's right about the world being better"
            " without me",
            "kill myself",
        ),
        (
            "my mom told me to kill myself and maybe she's right about my life being pointless",
            "kill myself",
        ),
        (
            "my mom told me to kill myself and maybe shes right about how worthless i am",
            "kill myself",
        ),
        (
            "my mom told me to kill myself and she has a point about nobody wanting me around",
            "kill myself",
        ),
        ("my mom told me to kill myself, maybe shes right", "kill myself"),
        ("my mom told me to kill myself and honestly she aint wrong", "kill myself"),
        ("my mom told me to kill myself and honestly shes not wrong", "kill myself"),
        ("my mom told me to kill myself and honestly she's got a point", "kill myself"),
        ("my gf told me to kill myself. i think shes right tbh", "kill myself"),
        ("my stepmom told me to kys and im starting to think shes right", "kys"),
        ("my brother told me to kill myself and i don't think he's wrong", "kill myself"),
        # an intent or a thought of it, texted
        ("they told me to kys and i might actually", "kys"),
        ("they told me to kys and i might just", "kys"),
        ("they told me to kys and i want to so bad", "kys"),
        ("my stepmom told me to kys. ive been thinking abt it", "kys"),
    ],
)
def test_belief_right_and_intent_take_a_telling_up(text: str, told: str) -> None:
    """Each was no cue: "believe" took only a listed object, "right" and "a point" about
    anything but "it", "me" or "everything" were about something else, and the texted forms
    ("shes", "aint", "abt") and a bare "I might actually" were not read."""
    assert told in cue_words(text)


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            "my teacher told me to kill myself in front of the whole class, maybe i should just"
            " do as im told",
            "kill myself",
        ),
        ("kids at school tell me to kys every day, maybe i should take the hint", "kys"),
        (
            "kids at school tell me to kys every day, maybe i should just listen to my classmates",
            "kys",
        ),
        ("kids at school tell me to kys every day, maybe i should listen to them for once", "kys"),
        ("kids at school tell me to kys every day, maybe i should do everyone a favor", "kys"),
        (
            "kids at school tell me to kys every day, maybe i should just do everyone a favour"
            " and go",
            "kys",
        ),
        ("kids at school tell me to kys every day, maybe i should just die already", "kys"),
        ("kids at school tell me to kys every day, maybe i should just do it already", "kys"),
        ("kids at school tell me to kys every day, maybe i should just stop existing", "kys"),
        ("kids at school tell me to kys every day, maybe i should just not exist", "kys"),
        ("kids at school tell me to kys every day, maybe i will one day", "kys"),
        ("kids at school tell me to kys every day, maybe i will someday", "kys"),
        ("kids at school tell me to kys every day, maybe i should idk", "kys"),
        ("kids at school tell me to kys every day, maybe i should tho", "kys"),
        ("kids at school tell me to kys every day, maybe i should fr", "kys"),
        ("kids at school tell me to kys every day, maybe i should \U0001f643", "kys"),
        ("kids at school tell me to kys every day, maybe i should :/", "kys"),
        ("kids at school tell me to kys every day, maybe i should just go ahead", "kys"),
        ("kids at school tell me to kys every day, maybe i should go for it", "kys"),
        ("kids at school tell me to kys every day, maybe i should just give up on life", "kys"),
        ("kids at school tell me to kys every day, maybe i should give up on everything", "kys"),
        ("my stepmom told me to kys. maybe i should listen to her this time", "kys"),
        ("my stepmom told me to kys. maybe i should do what she wants", "kys"),
        ("my stepmom told me to kys. maybe i should just do what she told me", "kys"),
        ("my stepmom told me to kys. maybe i should give her what she wants", "kys"),
        ("my stepmom told me to kys. maybe i should just go through with it this time", "kys"),
        ("my stepmom told me to kys, maybe i will this weekend", "kys"),
        ("my stepmom told me to kys and maybe i'll do it", "kys"),
        ("my stepmom told me to kys and maybe ill do it", "kys"),
        ("my stepmom told me to kys and maybe i'll listen", "kys"),
        # an act of help with a farewell in its clause is none
        ("my brother told me to kill myself. maybe i should tell everyone goodbye", "kill myself"),
    ],
)
def test_maybe_i_should_takes_a_telling_up_unless_an_act_of_help_follows(
    text: str, told: str
) -> None:
    """Each was no cue: "maybe I should" took a telling up only before its clause's end or a
    listed act of doing what was told."""
    assert told in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        # agreement with a verdict on the telling or the teller, or with a helper
        "my brother told me to kill myself and i agree it was messed up",
        "my brother told me to kill myself and i agree w my mom that it was abuse",
        "my brother told me to kill myself and i agree with my mom he should move out",
        "my brother told me to kill myself, i agree with everyone that he crossed a line",
        "my brother told me to kill myself. i agree with you that i should tell someone",
        "my brother told me to kill myself. i agree with u, i should report it",
        "my dad told me to kys and i agree that's not normal",
        "my stepmom told me to kys. i agree that she needs therapy",
        "my dad told me to kys and i agree with the other comments here",
        # belief in a clause about something else
        "my dad told me to kys. i believe that was emotional abuse",
        "my dad told me to kys. i believe that my dad needs help",
        "my stepmom told me to kys. i believe it was because i broke her vase",
        "my stepmom told me to kys. i believe it's time to move out",
        "my dad told me to kys. i believe its called verbal abuse",
        # "maybe I should" and an act of help or safety
        "my dad told me to kys. maybe i should go no contact",
        "my dad told me to kys. maybe i should just go to my grandmas for a while",
        "my dad told me to kys. maybe i should just leave, go live with my aunt",
        "my stepmom told me to kys. maybe i should stay at my grandma's",
        "my stepmom told me to kys. maybe i should record her next time",
        "my stepmom told me to kys. maybe i should text my aunt",
        "my stepmom told me to kys. maybe i should just stop talking to her",
        # "right", "wrong" and "a point" of something else, a place or the helper
        "my stepmom told me to kys. she has a point about my chores though",
        "my stepmom told me to kys. my therapist was right about her",
        "my dad told me to kys. he's right about one thing, i do need to study more",
    ],
)
def test_the_clear_turns_to_something_else_stay_no_cue(text: str) -> None:
    """What the first narrowing of these readings fixed and the taking-up by default keeps: a
    verdict on the telling or the teller, an act of help or safety, something else "right"
    about."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        # agreement with a verdict on the telling or the teller, or with a helper
        "my dad told me to kys and i agree, thats not ok from a parent",
        "my dad told me to kys. i agree, it's abuse",
        "my dad told me to kys and i agree with my sister, he needs rehab",
        "my brother told me to kill myself last night, my therapist says thats abuse and i"
        " agree with my therapist",
        "some guy told me to kys on discord, the mods banned him and i agree with the mods",
        # belief in a clause about something else
        "my dad told me to kys. i believe it happened because he was drunk",
        "my dad told me to kys. i believe him when he says he's sorry though",
        # "right", "wrong" and "a point" of something else, a place or the helper
        "my stepmom told me to kys. my therapist is right, i need to set boundaries",
        "my dad told me to kys. he's right that i failed my exam but still",
        "my dad told me to kys. he has a point that i've been lazy but that's not ok",
        "my brother told me to kill myself. you're right, i should report him",
        "my brother told me to kill myself. you're right, it's not my fault",
        "my brother told me to kill myself. thanks, you're right",
        "my dad told me to kys. i don't think he's right",
        "my uncle told me to kill myself, he's right wing and hates gay people",
        "a guy at school told me to kys, his locker is right across from mine so i see him"
        " every day",
        "a guy at school told me to kys, i don't know what's right anymore, should i tell a"
        " teacher",
        "a girl in my class told me to kill myself, i know i wasn't wrong to report her",
        "a girl in my class told me to kill myself. it isn't wrong to block someone right?",
        "my dad told me to kys and i have a point to make here, parents shouldn't say that",
        # an intent in a relative clause, a thought of something else
        "a girl in my class told me to kill myself. i blocked her, i reported her, i did"
        " everything i could.",
        "a girl in my class told me to kill myself. i called the helpline like you said i should.",
        "a girl in my class told me to kill myself. i keep thinking about that comment all day",
        "a girl in my class told me to kill myself. i thought about it and decided to tell the"
        " principal",
        "My brother told me to kill myself. I think it was cruel.",
    ],
)
def test_what_turns_to_something_else_does_not_take_up_a_telling(text: str) -> None:
    """Each was a cue (the review's false cues): agreement with a helper, a verdict after a
    comma, "right" of a place or of the helper, "right" after "I don't think", an intent in a
    relative clause, a thought of something else."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "my stepmom told me to kys. i dont want to, i just want her to stop",
        "my stepmom told me to kys. i'm not going to, obviously, but it hurt",
        "my stepmom told me to kys, im not gonna lol but wow",
        "my stepmom told me to kys. i'm never going to do it, i just need to vent",
        "my stepmom told me to kys and no i'm not gonna, before anyone asks",
        "my stepmom told me to kys. i'm not planning to, don't worry",
        "my stepmom told me to kys. i'm definitely not going to",
    ],
)
def test_a_refusal_of_what_was_told_does_not_take_it_up(text: str) -> None:
    """Each was a cue: a "not", "never" or "dont" among the words before "going to" or
    "want to" was read as an intent."""
    assert crisis_cues(text) == ()


def test_a_death_wish_beside_a_refusal_is_still_a_cue() -> None:
    assert cue_words("my stepmom told me to kys. i dont want to live") == [
        "kys",
        "dont want to live",
    ]


_TELLING = "my brother told me to kill myself"
_PAD = (
    "we were arguing about chores and he got really mad and yelled at me in front of everyone " * 2
)


@pytest.mark.parametrize(
    ("agreement", "first"),
    [
        ("i agree it was cruel and my mom agrees", "i agree"),
        ("i believe it was cruel", "i believe it"),
        ("maybe i should try therapy", "maybe i should"),
    ],
)
def test_a_window_edge_is_not_a_clause_end(agreement: str, first: str) -> None:
    """Each was a cue where ``first`` ended 150 characters after the telling: the edge of the
    window read was taken for the end of its clause ("I agree" and no more)."""
    pad = _PAD[: 150 - len(". ") - len(". ") - len(first)]
    text = f"{_TELLING}. {pad}. {agreement}"
    assert text.index(first) + len(first) == len(_TELLING) + 150
    assert crisis_cues(text) == ()


def test_a_taking_up_in_the_sentence_the_window_reaches_into_is_read() -> None:
    """The taking-up started 154 characters after the telling and was missed."""
    text = (
        "my brother told me to kill myself. we were arguing about chores and he got really mad"
        " and yelled at me in front of everyone at dinner, mom said nothing and i went up to my"
        " room. honestly i agree with him"
    )
    assert text.index("i agree") - len("my brother told me to kill myself") > 150
    assert cue_words(text) == ["kill myself"]


# --- the idiom "I overdosed on coffee" ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I overdosed on coffee because I forgot to take my meds",
        "I overdosed on sugar today, then took my meds",
        "I overdosed on my coffee and then took my meds",
        "I overdosed on coffee and took my meds",
        "I overdosed on sugar because I quit alcohol",
        # "doses of" an everyday thing
        "I overdosed on caffeine, like three doses of espresso",
    ],
)
def test_a_drug_in_another_clause_leaves_the_everyday_overdose_an_idiom(text: str) -> None:
    """A drug word within 80 characters of the everyday thing made each a real overdose,
    across "because", "then" and a new verb; "doses" of espresso were a drug's."""
    assert crisis_cues(text) == ()
    overdosed = text.index("overdosed")
    assert not_own_mentions(text) == ((overdosed, overdosed + len("overdosed")),)


@pytest.mark.parametrize(
    "text",
    [
        "I overdosed on coffee and pills",
        "I overdosed on pizza and xanax",
        "I overdosed on junk food and painkillers",
        "I overdosed on coffee & pills",
        "I overdosed on pizza and a whole bottle of xanax",
        "I overdosed on ice cream, chocolate, chips and pills",
        "I overdosed on coffee with my mom's xanax",
        "I overdosed on coffee and like 20 pills",
        "I overdosed on coffee and a double dose of my meds",
        "I overdosed on caffeine, like three doses",
        "I overdosed on pizza and alcohol",
    ],
)
def test_a_drug_in_the_everyday_things_list_is_a_real_overdose(text: str) -> None:
    assert cue_words(text) == ["overdosed"]


def test_an_overdose_told_in_the_next_clause_is_a_real_overdose_too() -> None:
    """A quantity taken after the everyday thing is no everyday clause: "overdosed" is a cue
    beside the patterns' own reading of "took all my pills"."""
    text = "I overdosed on coffee and then took all my pills"
    assert cue_words(text) == ["overdosed", "took all my pills"]


@pytest.mark.parametrize(
    "text",
    [
        # brackets, a colon, a dash, an ellipsis
        "i overdosed on caffeine (pills, not coffee) and my heart was racing for hours",
        "i overdosed on caffeine (like 40 tablets) last night and ended up in the er",
        "i overdosed on caffeine (pills)",
        "i overdosed on caffeine: pills, a whole bottle",
        "i overdosed on caffeine\u2014pills, not coffee",
        "i overdosed on caffeine... pills, like 40 of them",
        # "then" and a drug without a verb
        "i overdosed on coffee and then a bottle of tylenol",
        "i overdosed on caffeine then xanax",
        "i overdosed on energy drinks and then my adderall",
        "i overdosed on junk food and then on my meds",
        "i overdosed on food, then my meds",
        "i overdosed on food then pills",
        "i overdosed on pizza, ice cream, chips, candy, cake and then a bottle of tylenol",
        # a quantity taken
        "i overdosed on caffeine and took like 30 tylenol",
        "i overdosed on caffeine and took a whole bottle of tylenol",
        "i overdosed on caffeine and took way too many pills",
        "i overdosed on coffee and took too many of my xanax",
        "i overdosed on coffee and took 3 packs of paracetamol",
        "i overdosed on coffee and took 2 boxes of advil",
        "i overdosed on energy drinks and took a ton of my adderall",
        "i overdosed on coffee and took my whole prescription",
        "i overdosed on coffee then took every pill i had",
        "i overdosed on coffee and then took my meds. all of them.",
        # more ways of naming what it was
        "i overdosed on sugar and whatever was in the medicine cabinet",
        "i overdosed on tea and like half of what was left of my xanax",
        "i overdosed on coffee & as many tylenol as i could find",
        "i overdosed on coffee and as many pills as i could swallow",
        "i overdosed on coffee and a whole lot of my mom's old leftover prescription painkillers",
        "i overdosed on coffee and no it wasnt just coffee it was my meds",
        "i overdosed on coffee and not just coffee, pills too",
        "i overdosed on coffee and i mean pills lol",
        # drug words the list lacked
        "i overdosed on caffeine tabs last night on purpose",
        "i overdosed on energy drinks and caffeine tabs, i wanted it to stop",
        "i overdosed on coffee and my trazodone",
        "i overdosed on caffeine and xans",
        "i overdosed on sugar and percs",
        "i overdosed on candy and my wellbutrin",
        "i overdosed on food and my gabapentin last night",
    ],
)
def test_a_drug_named_in_the_sentence_makes_a_real_overdose(text: str) -> None:
    """Each was read as the idiom (or had no drug word): the drug counted only in the everyday
    thing's own list of up to eight words, joined by spaces, commas, "&", "+" or "/"."""
    assert "overdosed" in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "i overdosed on coffee because i forgot to take my meds this morning lol",
        "i overdosed on coffee today bc i skipped my adderall",
        "i overdosed on sugar today, then took my meds like normal",
        "i overdosed on tiktok last night instead of taking my meds on time",
        "i overdosed on pizza and wine last night, no pills involved lol",
        "i overdosed on food (thanksgiving, no pills lol)",
        "i overdosed on coffee and now i need an advil",
        "i overdosed on ice cream after my dentist appointment, they gave me ibuprofen",
        "i overdosed on coffee at work, my doctor says it interacts with my meds so oops",
        "i overdosed on video games all weekend, my doctor said to cut back but my adhd meds"
        " wear off at night",
    ],
)
def test_a_drug_in_an_everyday_clause_leaves_the_idiom(text: str) -> None:
    """A dose forgotten, skipped or taken as usual, no drug, a remedy: what the first
    narrowing of the idiom fixed, kept by the exclusions of everyday clauses."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "i overdosed on coffee and my meds made it worse",
        "i overdosed on coffee + my adhd meds make it worse lol",
        "i overdosed on christmas cookies and my insulin couldn't keep up lol",
        "i overdosed on coffee, my meds didn't help",
        "i overdosed on coffee and my xanax prescription ran out so ugh",
    ],
)
def test_the_medicines_own_failing_leaves_the_idiom(text: str) -> None:
    """Each was a real overdose: the medicine named in the sentence is the subject of its own
    clause, what it did or failed to do."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("i took a whole bottle of tylenol", "took a whole bottle of tylenol"),
        ("I took way too many pills last night", "took way too many pills"),
        ("i took like 30 tylenol", "took like 30 tylenol"),
        ("i took 3 packs of paracetamol", "took 3 packs of paracetamol"),
        ("i swallowed a ton of my adderall", "swallowed a ton of my adderall"),
    ],
)
def test_a_quantity_taken_is_a_cue_on_its_own(text: str, words: str) -> None:
    """Each was no cue: "took" read only "a lot of", "all my", "about N", five or more, "a
    bunch of", "a handful of" and "half of"."""
    assert cue_words(text) == [words]


def test_a_usual_dose_taken_stays_no_cue() -> None:
    assert crisis_cues("i took 2 advil for my headache") == ()


# --- a second review ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "kids at school tell me to kill myself every day. im not going to pretend i dont want to",
        "my mom told me to kill myself. i won't pretend i'm not tempted",
        "my mom told me to kill myself. im not gonna pretend im not tempted",
        "my sister told me to kill myself. i won't say i'm not going to",
        "my ex told me to kys. i can't say i don't want to",
        "my mom said kys. i'm not saying i won't",
        "my dad told me to kys. i won't lie and say i don't want to",
        "my mom told me to kill myself. i'm not gonna lie, i don't not want to",
    ],
)
def test_a_denial_denied_takes_a_telling_up(text: str) -> None:
    """Each was no cue (the first four cues before the first repair): a refusal rule read the
    "not" of "I won't pretend" as the writer's refusal of what was told."""
    assert len(crisis_cues(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "my mom told me to kill myself. i won't pretend i'm not hurt",
        "kids at school tell me to kys. i won't pretend it doesn't hurt",
    ],
)
def test_a_denial_denied_of_a_feeling_is_no_taking_up(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "my ex told me to kys. i'll think about it lol",
        "my mom told me to kys. i'll think about it",
        "my brother told me to kill myself. ill think about it honestly",
        "my mom told me to kys. ill think abt it",
        "my bf told me to kill myself. i'll think on it",
        "my bf told me to kill myself. i'll consider it",
        "my dad told me to kys and honestly i'll give it some thought",
    ],
)
def test_a_thought_to_come_takes_a_telling_up(text: str) -> None:
    """Each was no cue (the first three cues before the first repair): a thought read only
    after "I", "I'm" or "I've been", and "about" in an intent only before "to"."""
    assert len(crisis_cues(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "maybe i should get off the internet for a bit",
        "maybe i should get some sleep and think about it tomorrow",
        "maybe i should stop reading the replies",
        "maybe i'll spend the summer with my grandparents",
        "maybe i'll feel better after talking to the school counselor tomorrow",
        "maybe i'll join a different lunch table",
        "maybe i should take a break from gaming",
        "maybe i should switch schools",
        "maybe i should wear headphones so i don't hear her",
    ],
)
def test_maybe_i_should_and_an_everyday_act_is_no_taking_up(text: str) -> None:
    """Each was a cue: the acts after "maybe I should / I'll" that turn elsewhere were acts of
    help or safety only."""
    assert crisis_cues(f"my brother told me to kill myself. {text}") == ()


@pytest.mark.parametrize(
    "text",
    [
        "maybe i should just do it",
        "maybe i should listen",
        "maybe i should do what she says",
        "maybe i should go",
        "maybe i'll feel better when i'm gone",
        "maybe i should take a break from life",
    ],
)
def test_maybe_i_should_still_takes_a_telling_up_before_doing_it(text: str) -> None:
    # the telling taken up is the cue; "when i'm gone" is one of its own
    # (crisis_affairs: the writer's own leaving for after their death)
    assert cue_words(f"my brother told me to kys. {text}")[0] == "kys"


@pytest.mark.parametrize(
    "text",
    [
        "my brother told me to kys over a game of mario kart. typical sibling stuff. anyway, my"
        " real question: should i get a cat or a dog? my mom says a cat is easier and i think"
        " she's right",
        "my ex told me to kill myself when we broke up. that was months ago and i'm in a much"
        " better place. now i'm trying to decide about college, my counselor says i should go to"
        " the community college first and save money and honestly she's right",
        "my brother told me to kill myself. my aunt says i can stay with her and she has a point",
    ],
)
def test_agreement_with_someone_elses_saying_does_not_take_a_telling_up(text: str) -> None:
    """Each was a cue: "right" or "a point" was read as agreement with the telling, though
    someone else's saying stood between them."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        # another person named between the saying and the agreement
        "my brother told me to kys. my mom says he's just joking, but honestly he's right",
        # "he" is not the mother who spoke
        "my brother told me to kys. my mom says i'm overreacting. honestly he's right",
        # the teller speaks again
        "my brother told me to kys. my brother says i'm worthless and he's right",
    ],
)
def test_agreement_after_a_saying_that_may_be_the_tellers_still_takes_it_up(text: str) -> None:
    assert cue_words(text) == ["kys"]


@pytest.mark.parametrize(
    "text",
    [
        "my mom told me to kill myself. fine, i'll do it.",
        "my dad said i should kill myself and honestly i'd do it if i had the means",
        "my ex told me to kill myself. imma do it fr",
        "my stepdad told me to kys and ima do it",
        "my sister said kys and i'm finna do it",
        "people tell me to kys all the time. might as well do it",
        "my dad told me to kill myself and i can't argue with that logic",
        "my dad said to kill myself and like... fair enough",
        "my mom told me to kill myself. honestly who am i to argue",
        "my stepmom said i should kill myself and i've already picked a date",
        "my coach told me to go kill myself in front of the team. he's probably correct",
        "my bully keeps telling me to kys and i think he's absolutely spot on",
        "kids in my class keep telling me to kys and honestly i think they're onto something",
        "girls at school told me to kys and i honestly see their point now",
        "my teammate told me to kys. sounds like a plan ngl",
        "my roommate told me to kill myself and i think im gonna take her advice",
        "my ex said kys. guess i'll go through with it",
        "my dad told me to kill myself and i'll listen to him for once",
    ],
)
def test_more_ways_of_taking_a_telling_up(text: str) -> None:
    """Each was no cue."""
    assert len(crisis_cues(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        'someone dmed me "kill yourself" and tbh same',
        "my dad yelled at me to kill myself and part of me thinks thats the answer",
    ],
)
def test_a_telling_by_a_verb_read_now_is_still_taken_up(text: str) -> None:
    """Cues while "dmed" and "yelled at me to" were no verbs of telling, and still cues now
    that they are: "tbh same" and "part of me thinks thats" take them up."""
    assert len(crisis_cues(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "a girl in my grade said i should kill myself. i agreed to see the school counselor",
        "some boys told me to kys at lunch. i agreed to talk to the dean tomorrow",
        "my brother told me to kill myself. i agreed it was cruel",
        "my classmate told me to kys. i believe this is a hate crime because i'm trans",
        "a senior told me to kill myself. my parents were right to call the school",
        "my brother told me to kys after i crashed his car. i know he's right to be mad",
        "my ex told me to kill myself. i wish i had the courage to tell my parents",
        "my brother told me to kill myself. i wish i had the guts to stand up to him",
        "my classmate told me to kill myself and it was right in the middle of class",
        "a kid told me to kys at lunch. it was right at the lunch table in front of everyone",
    ],
)
def test_more_turns_to_something_else_are_no_taking_up(text: str) -> None:
    """Each was a cue: agreeing to an act ("agreed" read as "agree" and a "d"), a verdict of a
    hate crime, "right to" an act or a feeling, the courage to seek help, "right" of a time or
    a place."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        'my classmate whispered "kill yourself" to me during the test',
        'my stepdad muttered "just kill yourself" under his breath when i walked by',
        'a girl hissed "kill yourself" at me in the hallway',
        'someone dm\'d me "kill yourself" after i posted my art',
        'some guy dmed me "kill yourself" because i beat him in fortnite',
        'my ex snapchatted me "kill yourself" at 3am',
        'someone tweeted at me "go kill yourself" for liking a kpop group',
        'a guy in a lobby typed "kill yourself" in chat after i won',
        'my brother keeps texting me "kill yourself" every night',
        "my dad called me worthless and screamed at me to kill myself",
        'my sister looked at me and went "kill yourself lol"',
        'my ex sent me a voice memo saying "kill yourself"',
    ],
)
def test_more_verbs_of_telling_report_what_was_told(text: str) -> None:
    """Each was a cue: the verb was not one of telling, or a voice memo was read as a voice the
    writer hears."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "the voice in my head keeps telling me to kill myself",
        'a voice keeps whispering "kill yourself"',
        'i was like "kill myself"',
    ],
)
def test_a_voice_the_writer_hears_and_their_own_words_stay_cues(text: str) -> None:
    assert len(crisis_cues(text)) == 1


# --- the third review: a sign of the writer's own risk leaves no turn elsewhere -------------------


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("my dad told me to kill myself and i agree, my life is awful", "kill myself"),
        (
            'my ex texted me "kill yourself" and honestly i agree, my brain is fucked up',
            "kill yourself",
        ),
        ("my mom said i should kill myself. she's right, i'm bad at everything", "kill myself"),
        (
            "my brother screamed at me to kill myself. he's right, i'm lazy and useless and a"
            " burden",
            "kill myself",
        ),
        ("my dad told me to kill myself. he's right, i broke my mom's heart", "kill myself"),
        ("my stepmom keeps telling me to kys. she's right, i failed my whole life", "kys"),
        (
            "my coach told me to go kill myself after the game. he's right, i'm so bad at playing,"
            " i'm bad at existing",
            "kill myself",
        ),
        (
            "my brother keeps telling me to kill myself. my dad says i'm a disappointment and he's"
            " right",
            "kill myself",
        ),
        ("my ex told me to kys. my mom says i'm too much and she's right", "kys"),
        (
            "my cousin said i should kill myself. my aunt says i'm a lost cause and she's right",
            "kill myself",
        ),
        (
            "my bf told me to kill myself. my mom thinks i'm hopeless and honestly she's right",
            "kill myself",
        ),
        ("my dad told me to kys. he asked if i'd do it and i said i might", "kys"),
        ("my ex texted 'kys' and i said i will", "kys"),
        (
            "people in my class tell me to kill myself. maybe i should take a walk into traffic",
            "kill myself",
        ),
        (
            "my brother said go kill yourself lol. maybe i should take a bath with the toaster",
            "kill yourself",
        ),
        ("ppl keep telling me to kys... maybe i should take a break from breathing lol", "kys"),
        ("my bf told me to kill myself. maybe i should delete my existence", "kill myself"),
        ("they all tell me to kill myself. maybe i should look for a new way out", "kill myself"),
        (
            "my ex said kill yourself. maybe i should text my mom one more time and then do it",
            "kill yourself",
        ),
        (
            "my friend said i should just kill myself lol. maybe i should look for a different"
            " method than last time",
            "kill myself",
        ),
        ("my brother told me to kys. maybe he's right after all", "kys"),
        (
            "my sister told me to kill myself. she's right when she says nobody would miss me",
            "kill myself",
        ),
        ("my mom keeps saying i should just kill myself. i guess she's right then", "kill myself"),
        (
            "my dad told me to kill myself. i believe him when he says nobody wants me",
            "kill myself",
        ),
        ("my dad told me to kill myself. i agree, it's because i ruin everything", "kill myself"),
        (
            "my mom told me to kill myself. maybe she is right after everything i put her through",
            "kill myself",
        ),
        (
            "my ex told me to kill myself. i think he is right up to a point and i want it over",
            "kill myself",
        ),
        (
            "my friend told me to kys. i believe her when she says it'd be better for everyone",
            "kys",
        ),
        (
            "my stepdad told me to kill myself. i believe them when they say i'm a waste",
            "kill myself",
        ),
    ],
)
def test_a_sign_of_the_writers_own_risk_leaves_the_telling_taken_up(text: str, told: str) -> None:
    """Each was no cue: a verdict ("my life is awful", "i'm a disappointment"), an everyday fault
    ("i broke my mom's heart"), an act ("take a walk", "look for a new"), a relative clause ("i
    said i might") or "right" of a time ("after", "then", "when", "up") turned the agreement
    elsewhere."""
    assert cue_words(text) == [told]


@pytest.mark.parametrize(
    "text",
    [
        'my ocd goes "just kill yourself" every time i make a mistake',
        "my anxiety is like 'kill yourself' all day long and i'm so tired of fighting it",
        "my ED goes 'you should just kill yourself' whenever i eat",
        'my ptsd is like "kill yourself" at night and i cant sleep',
        "my anxiety whispers that i should just kill myself",
        "at night the shadows whisper that i should kill myself",
        'the shadow people hiss "kill yourself" when the lights are off',
        "the man i see in the corner whispers kill yourself to me every night, i know he's not"
        " real",
        "every night my own reflection whispers to kill myself",
        'my trauma goes "kill yourself" and honestly idk how to make it stop',
        'my self hatred is like "just kill yourself already"',
        "i catch myself muttering 'just kill yourself' when i mess up",
        'i find myself whispering "kill yourself" in the mirror every morning',
    ],
)
def test_an_inner_voice_or_the_writers_own_muttering_is_a_cue(text: str) -> None:
    """Each was no cue: the new verbs of telling ("goes", "is like", "whispers", "hiss",
    "muttering") read an illness, a hallucination or the writer as someone else telling."""
    assert len(crisis_cues(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "kids at school keep telling me to kys. maybe i should not go tomorrow",
        "my classmates told me to kys. maybe i should get a new phone number",
        "ppl in the server keep saying kys to me lol. maybe i should leave the server",
        "my teammates told me to kys after i missed the shot. maybe i should quit the team",
        "my ex told me to kill myself. maybe i should talk about it with someone",
        "my sister always says kys when we fight. maybe i should stop being so sensitive lol",
        "my bf told me to kill myself. maybe i should go to my sister's this weekend",
        "my ex told me to kys and my therapist said i should go no contact. cant argue with that",
        "my coworker told me to kill myself. hr said i should file a complaint. fair enough",
        "someone told me to kys in the comments. my friend said i should take a break from reddit,"
        " who am i to argue",
        "my ex told me to kill myself. my friends said i should get a dog. sounds like a plan",
        "someone dmed me kys. i reported them and the mods banned them. thanks everyone, you're"
        " right.",
        "my cousin told me to kill myself. i'll give it some thought whether to tell my mom",
        "my brother told me to kys. i might as well listen to music and forget about it",
    ],
)
def test_an_everyday_act_or_someone_elses_advice_agreed_with_is_no_taking_up(text: str) -> None:
    """Each was a cue: "maybe I should" turned elsewhere before acts of help only, and agreement
    without a subject ("cant argue with that", "fair enough") was with the telling."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "my mom told me to kill myself. maybe i should not be here anymore",
        "my mom told me to kill myself. maybe i should get it over with",
        "my mom told me to kill myself. maybe i should stop breathing",
        "my mom told me to kill myself. my dad says everyone would be happier. fair enough",
        'my mom whispered "kill myself" and i want to',
    ],
)
def test_an_everyday_act_beside_a_way_out_or_a_saying_without_advice_still_takes_it_up(
    text: str,
) -> None:
    assert cue_words(text) == ["kill myself"]


# A fourth review: a way out worded with words of a grave, of deleting oneself or of life
# itself, or after the sentence of an act of help, still takes the telling up.
@pytest.mark.parametrize(
    "text",
    [
        "my mom told me to kill myself. maybe i should try therapy lol as if, i'd rather just do "
        "what she said",
        "my bf told me to kill myself. maybe i should go no contact with life itself",
        "my ex said kill yourself. maybe i should delete my account. and then delete myself",
        "my sister said to kill myself. maybe i should go live with dad. or maybe i should go "
        "live with nobody, in a grave",
        "my classmates told me to kys. maybe i should go to my grandpa's grave and join him",
    ],
)
def test_a_way_out_after_an_act_of_help_still_takes_the_telling_up(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "someone online told me to kill myself. maybe i should try therapy.",
        "my bully told me to kys. maybe i should block him and move on with my life.",
    ],
)
def test_an_act_of_help_with_no_way_out_near_it_stays_no_taking_up(text: str) -> None:
    assert not crisis_cues(text)
