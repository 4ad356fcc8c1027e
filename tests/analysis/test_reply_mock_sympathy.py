"""Sympathy overplayed for a small trouble is mockery; sincere grief, alarm and charity are
not."""

from __future__ import annotations

import pytest

from carelens.analysis.reply_mock_sympathy import mock_sympathy
from carelens.analysis.reply_sarcasm import sarcasm


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("Oh my heart is bleeding.", "heart is bleeding"),
        ("A broken nail, such tragedy!", "such tragedy"),
        ("Missed the bus? This has never happened to anybody ever.", "never happened"),
        ("Poor thing, having to work four days a week.", "having to work"),
        ("What a sad day for humanity.", "a sad day for humanity"),
        ("Someone alert the media, your toast burned.", "alert the media"),
        (
            "A paper cut. Someone call an ambulance. Let's organise a vigil.",
            "Someone call an ambulance",
        ),
        ("So sad. Really. I'll light a candle for the sandwich.", "Really."),
    ],
)
def test_overplayed_sympathy_mocks(response: str, words: str) -> None:
    found = mock_sympathy(response)
    assert found is not None and words in response[found[0] : found[1]]


@pytest.mark.parametrize(
    "response",
    [
        "My heart bleeds for you and your family.",
        "What a tragedy, I'm so sorry.",
        "We wish we could spare them such tragedy.",
        "I'll light a candle for your mum on Sunday.",
        "Please call an ambulance now. Someone call an ambulance if you can't.",
        "I'll start a fundraiser for you, you shouldn't lose your home over this.",
        "I'm so sorry for your loss. Truly.",
    ],
)
def test_sincere_sympathy_is_no_mockery(response: str) -> None:
    assert mock_sympathy(response) is None


def test_sarcasm_reads_overplayed_sympathy() -> None:
    assert sarcasm("Wow, poor you, having a holiday. My heart bleeds.", "I'm on leave again") == (
        5,
        len("Wow, poor you, having a holiday"),
    )


# --- feedback round 6: mock alarm, mock condolence, mock honour, feigned grief ------------

ON_READ = "my crush left me on read for 2 days. i feel like an idiot"


@pytest.mark.parametrize(
    ("seeker", "response", "words"),
    [
        # a mock alarm over a small trouble, alone
        (ON_READ, "oh nooo not LEFT ON READ, someone call an ambulance 😭", "someone call an"),
        ("my toast burned", "Quick, someone call the fire brigade.", "Quick, someone call"),
        ("I lost my gym streak", "Somebody alert the authorities!", "Somebody alert the"),
        ("my sister took the bigger room again", "Call the UN, this is an outrage.", "Call the UN"),
        ("I have to work Saturday", "Sound the alarms.", "Sound the alarms"),
        ("my coffee order was wrong", "Oh wow, everyone call the coast guard", "everyone call"),
        # a condolence for nothing of weight, to a message that tells no death
        (
            "Lupus flare, had to cancel on my friend's birthday again",
            "So sorry for the loss of your night out.",
            "sorry for the loss of your night out",
        ),
        (
            "I have to study all weekend",
            "my condolences to your social life lol",
            "condolences to your social life",
        ),
        ("I have to work Saturday", "Deepest condolences on your Saturday.", "your Saturday"),
        # an honour nobody gave, asked
        (
            "It's a year today since my grandad died and nobody mentioned it.",
            "Wow, a whole year and nobody threw him a memorial parade? Tragic.",
            "nobody threw him a memorial parade?",
        ),
        ("nobody came to my talk", "And no one built you a statue?", "no one built you a statue?"),
        # a few words of grief after an overblown question
        (
            "It's a year today since my grandad died and nobody mentioned it.",
            "A whole year and nobody said a thing? Tragic.",
            "A whole year and nobody said a thing? Tragic",
        ),
        ("only got 2 hours sleep", "Two whole hours? The suffering.", "The suffering"),
        ("no wifi since lunch", "An entire afternoon offline? How tragic lol", "How tragic lol"),
        ("my show got cancelled", "A whole season gone? Oh, the humanity.", "the humanity"),
    ],
)
def test_mockery_counts_alone_given_the_message(seeker: str, response: str, words: str) -> None:
    found = mock_sympathy(response, seeker)
    assert found is not None and words in response[found[0] : found[1]]


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        # advice or a real alarm
        ("my back hurts so much", "Call the doctor if the pain gets worse."),
        ("my phone got stolen", "You could call the police and report it."),
        ("my friend collapsed at the party", "Someone call an ambulance!"),
        ("I took all my pills", "someone call an ambulance"),
        ("my neighbour plays music at 3am", "Did someone call the police on them?"),
        ("the pain is unbearable", "Quick, call an ambulance now."),
        # a joke taken back
        (ON_READ, "someone call an ambulance 😭 jk, that really stings, I'm sorry"),
        # their side taken in jest, or sorrow beside it
        ("my roommate keeps eating my food", "Someone call the police, that's theft!"),
        ("I've had a cold all week", "Someone call an ambulance 😩 sorry, colds are miserable"),
        # sincere condolence: for someone or something of weight, or to a death
        ("my nan died this morning", "I'm so sorry for your loss."),
        ("my nan died this morning", "My condolences to your family."),
        ("I got laid off today", "So sorry for the loss of your job."),
        ("I had a miscarriage", "I'm so sorry for the loss of your pregnancy."),
        ("My goldfish Bubbles died today", "Sorry for the loss of your little buddy."),
        ("Our goldfish died this morning", "Condolences on the loss of your goldfish."),
        # grief meant after a question, or with sorrow
        (
            "my grandad died a year ago today",
            "A whole year and nobody said a word? That's heartbreaking, I'm so sorry.",
        ),
        ("he died alone in the hospital", "Alone? Heartbreaking."),
        ("my nan died", "That's tragic, I'm so sorry."),
        (
            "I sent a message to the wrong group chat",
            "oh no not the dreaded group chat, I'm sorry, that's mortifying",
        ),
        ("my dad got a statue unveiled in his town", "A whole statue? That's amazing."),
    ],
)
def test_advice_real_alarms_and_sincere_grief_are_no_mockery(seeker: str, response: str) -> None:
    assert mock_sympathy(response, seeker) is None


def test_a_mock_alarm_needs_the_message_to_tell_no_danger() -> None:
    response = "Someone call the police."
    assert mock_sympathy(response, "my sister ate my leftovers") is not None
    assert mock_sympathy(response, "someone broke into my flat last night") is None


def test_sarcasm_reads_mockery_given_the_message() -> None:
    response = "oh nooo not LEFT ON READ, someone call an ambulance 😭"
    found = sarcasm(response, ON_READ)
    assert found is not None and response[found[0] : found[1]] == "someone call an ambulance"
    assert sarcasm("Someone call an ambulance!", "my dad collapsed in the kitchen") is None


@pytest.mark.parametrize(
    ("response", "seeker", "words"),
    [
        (
            "Aww, poor you. Imagine having a job and not getting a promotion. Tragic.",
            "I didn't get the promotion",
            "Imagine having a job and not getting a promotion. Tragic",
        ),
        (
            "a month without ur phone?? how will u ever survive, someone start a fundraiser",
            "my parents grounded me for a month, no phone",
            "a month without ur phone?? how will u ever survive",
        ),
        (
            "Oh no. How will you ever survive. Someone start a GoFundMe.",
            "my wifi is down",
            "How will you ever survive",
        ),
    ],
)
def test_more_overplayed_grief_is_mockery(response: str, seeker: str, words: str) -> None:
    at = mock_sympathy(response, seeker)
    assert at is not None and response[at[0] : at[1]] == words


@pytest.mark.parametrize(
    ("response", "seeker"),
    [
        ("Imagine being told no after all that work. I'm so sorry.", "I didn't get in"),
        ("A week without your kids? That must be so lonely.", "my kids are at their dad's"),
        ("Someone should start a fundraiser for you, honestly, you deserve it.", "I lost my home"),
    ],
)
def test_sincere_imagining_and_questions_are_no_mockery(response: str, seeker: str) -> None:
    assert mock_sympathy(response, seeker) is None
