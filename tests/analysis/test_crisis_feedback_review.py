"""Crisis feedback fixes from a reviewer's read of project-written pairs: whose risk a cue in
quoted words tells of (:func:`carelens.analysis.crisis_feedback._quoted_from_others`), and
credit for what the reply did, not for a word it holds
(:func:`carelens.analysis.crisis_feedback._asks_directly`,
:func:`carelens.analysis.crisis_feedback._shares_a_line`)."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_feedback import CRISIS_LINES, crisis_sentence

SORRY = "Oh no, I'm so sorry."


def said(seeker: str, response: str = SORRY) -> str:
    """The crisis sentence for ``seeker``'s pattern cues and ``response``."""
    cues = crisis_cues(seeker)
    assert cues, seeker
    return crisis_sentence(seeker, cues, response)


# --- whose risk: someone else's words the seeker quotes -----------------------------------


@pytest.mark.parametrize(
    ("seeker", "quoted"),
    [
        (
            'My son wrote in his diary "I want to kill myself" and I found it. I\'m shaking.',
            "kill myself",
        ),
        ('My sister texted me "I want to die" last night and I\'m scared.', "want to die"),
        ('My friend keeps saying "I want to die" in our group chat', "want to die"),
        ('"I want to kill myself," my brother said.', "kill myself"),
        ('My daughter posted "I want to die" on her story.', "want to die"),
        ('My son wrote "I am suicidal" on his wall.', "suicidal"),
    ],
)
def test_a_cue_in_someone_elses_quoted_words_is_their_risk(seeker: str, quoted: str) -> None:
    # The "I" and "myself" inside the quotation were read as the seeker's: they were told to
    # ask the worried parent "whether they are thinking of harming themselves".
    assert said(seeker) == (
        f'They wrote "{quoted}" about someone at risk: read their message closely, ask about '
        "that person and whether they are safe now, share a crisis line for them to use or "
        f"pass on ({CRISIS_LINES}), and ask how they themselves are coping."
    )


@pytest.mark.parametrize(
    "seeker",
    [
        'I told him "I want to die" and he laughed.',  # the seeker quoting themselves
        'I wrote in my diary "I want to kill myself".',
        'I keep thinking "I want to die".',  # no report frames it
        'My sister texted me "I want to die" and honestly I want to kill myself too.',
    ],
)
def test_the_seekers_own_quoted_words_stay_theirs(seeker: str) -> None:
    sentence = said(seeker)
    assert "ask them directly whether they are thinking of harming themselves" in sentence
    assert "about someone at risk" not in sentence


# --- credit for what the reply did --------------------------------------------------------

OWN = "I want to kill myself. I can't take it anymore."
NOTHING_DONE = (
    'They wrote "kill myself": read their message closely, ask them directly whether they are '
    f"thinking of harming themselves, and share a crisis line ({CRISIS_LINES})."
)


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        # "safe" and "helpline" once gave "you asked them directly and shared a crisis line"
        (OWN, "Do you feel safe posting this here? Reddit isn't a helpline lol"),
        # any question with "die" once asked directly
        (
            "i just want to kill myself. nobody would even notice",
            "Why would you want to die? Everyone dies eventually anyway lol",
        ),
        # "hotline" anywhere once shared a line
        (
            OWN,
            "My sister worked at a suicide hotline, she says it's usually just attention seeking.",
        ),
        # EPITOME replies once credited
        (OWN, "Why did you want to commit suicide?"),
        (OWN, "Does it hurt more than cutting?"),
        (OWN, "What about suicide do you find difficult?"),
        (OWN, "Do you believe there is a point to living besides to die??"),
        (OWN, "I get the title but not the text box. What's the deal with the hotline thing?"),
        (OWN, "Please don't kill yourself, have you talked to anyone about this?"),
        (OWN, "Don't call the hotline, they suck. There is no helpline that can fix this."),
        (OWN, "I volunteer for the Samaritans and it's hard work."),
    ],
)
def test_a_keyword_alone_gets_no_credit(seeker: str, response: str) -> None:
    sentence = said(seeker, response)
    assert sentence.endswith(NOTHING_DONE.split(": ", 1)[1])
    assert " you asked" not in sentence and "you shared" not in sentence


@pytest.mark.parametrize(
    "response",
    [
        "Are you safe right now?",
        "Are you thinking of killing yourself?",
        "Do you have a plan?",
        "Can I ask, are you thinking of suicide?",
        "You're not thinking of hurting yourself, are you?",
        "Do you feel safe at home tonight?",
        "Have you ever tried to end your life?",
    ],
)
def test_a_direct_question_about_safety_or_intent_asks_directly(response: str) -> None:
    assert said(OWN, response) == (
        f'They wrote "kill myself": you asked them directly; also share a crisis line '
        f"({CRISIS_LINES})."
    )


@pytest.mark.parametrize(
    "response",
    [
        "Please call or text 988.",
        "Text HOME to 741741 any time.",
        "findahelpline.com lists lines everywhere.",
        "Please call a suicide hotline if you have no one to talk to.",
        "You could always call the suicide hotline.",
        "Don't hesitate to reach out to a crisis line.",
        "There are helplines you can call any time.",
        "Why not call a crisis line tonight?",
        "The Samaritans are there on 116 123, day or night.",
        "Call +18002738255 if you feel really bad.",  # the old US lifeline number (EPITOME)
        "Walk into an emergency room and tell them you want to kill yourself.",
    ],
)
def test_a_line_offered_or_named_is_shared(response: str) -> None:
    assert said(OWN, response) == (
        'They wrote "kill myself": you shared a crisis line; also ask them directly whether '
        "they are thinking of harming themselves."
    )


def test_a_third_party_reply_is_credited_for_what_it_did() -> None:
    seeker = 'My sister texted me "I want to die" last night and I\'m scared.'
    response = "Is she safe tonight? Please give her 988. How are you holding up?"
    assert said(seeker, response) == (
        'They wrote "want to die" about someone at risk: you asked whether that person is '
        "safe, shared a crisis line, and asked how they are coping, as a message like this "
        "needs; keep reading closely what they answer."
    )
    response = "Why would she want to die? She works at a helpline lol"
    assert said(seeker, response).startswith(
        'They wrote "want to die" about someone at risk: read their message closely, ask '
        "about that person"
    )
