"""Reproach in other words than the put-downs: hindsight blame, siding with whoever hurt the
seeker, minimising by comparison or by calling a feeling useless, and shaming questions,
read after warm words too; and the near misses the patterns leave alone."""

from __future__ import annotations

import pytest

from carelens.analysis.reply_reproach import reproach_spans
from carelens.analysis.rules import minimising_spans


def found(response: str) -> list[str]:
    return [response[s:e] for s, e in reproach_spans(response)]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # hindsight blame
        ("I'm sorry. You honestly should've checked the contract first.", "should've checked"),
        ("That's rough, but you should have saved for this.", "should have saved"),
        ("Ugh. You really should have known better than to trust him.", "should have known"),
        ("If you'd gone to the doctor sooner this might have been caught.", "sooner"),
        ("If you had studied properly you'd have passed.", "properly"),
        ("So sorry. Part of this is on you though.", "Part of this is on you"),
        ("That part's kind of on you, to be fair.", "That part's kind of on you"),
        ("Skipping payments was always going to come back to bite you.", "bite you"),
        ("You knew the risks when you signed.", "You knew the risks when you"),
        ("Well, you signed up for this.", "you signed up for this"),
        ("Ask yourself why you kept going back to him.", "Ask yourself why you kept"),
        ("You do wonder why someone would lend that much to a stranger.", "would lend"),
        # siding with whoever hurt them
        ("That stinks, but you can't blame them for wanting quiet.", "can't blame them"),
        ("I sort of see why she got annoyed, honestly.", "see why she got annoyed"),
        ("Your sister's not entirely wrong here.", "not entirely wrong"),
        ("You can't expect people to read your mind.", "can't expect people to"),
        # a verdict or a doubt
        ("Hugs. You might have been a little harsh with her though.", "a little harsh"),
        ("I think you're just reading too much into things.", "reading too much into things"),
        ("Are you sure you're not overreacting?", "not overreacting"),
        # minimising
        ("Two grand is not so much in the grand scheme.", "in the grand scheme"),
        ("Lots of families have it way worse.", "way worse"),
        ("Most people just suck it up and get on with it.", "suck it up"),
        ("Loads of people would give anything to have your job.", "would give anything"),
        ("Stop moaning and be grateful.", "be grateful"),
        ("Getting upset over it won't change anything.", "won't change"),
        ("There's no point crying about it now.", "no point crying"),
        ("You ought to be used to it by now.", "used to it"),
        ("Not worth getting so sad about, honestly.", "Not worth getting so sad"),
        ("Bit much to freak out over a parking ticket, no?", "Bit much to freak out"),
        ("Don't make a big fuss about this.", "Don't make a big fuss about this"),
        # shaming questions
        ("How could you not check the date?", "How could you not check"),
        ("Are you even trying at this point?", "Are you even trying"),
        ("Buy an alarm clock. Or is that asking too much?", "asking too much"),
        ("You never noticed the charges on your card?", "never noticed"),
        ("What did you expect when you moved in with him?", "expect when you moved"),
        ("Isn't that your job though?", "Isn't that your job"),
        ("Expecting a partner to fall into your lap?", "fall into your lap"),
    ],
)
def test_reproach_is_found(response: str, words: str) -> None:
    assert any(words in hit for hit in found(response)), found(response)


@pytest.mark.parametrize(
    "response",
    [
        "They should have told you, you deserved to know.",
        "You should have been treated so much better.",
        "You should've called me, I'd have come straight over.",
        "You can't blame yourself for what he did.",
        "You can't expect yourself to know everything on day one.",
        "Asking for captions isn't that much to ask.",
        "Are you sure you're not hurt? That fall sounded bad.",
        "Are you even sleeping at all right now?",
        "Lots of people struggle to push through this, it's okay to need time.",
        "I'm grateful you told me.",
        "Worrying at 3am is exhausting, I'm sorry.",
        "If you'd like, I can come over on Saturday.",
        "What did you expect to feel when you saw him again?",
        "I get why you snapped, anyone would after that week.",
        "It's not on you at all.",
        "None of this is on you.",
        "You didn't notice because you trusted him, and that's not a flaw.",
    ],
)
def test_near_misses_are_left_alone(response: str) -> None:
    assert minimising_spans(response) == (), minimising_spans(response)


@pytest.mark.parametrize(
    "response",
    [
        "Oh no, I'm so sorry, that's awful. You really should have read the fine print though.",
        "That sounds exhausting and I'm sorry. Still, crying about it doesn't help anything.",
        "I'm so sorry, losing it like that hurts. Honestly though, you might be reading into it.",
    ],
)
def test_reproach_after_warm_words_is_dismissive(response: str) -> None:
    assert minimising_spans(response)


def test_a_negated_reproach_is_none() -> None:
    assert minimising_spans("I don't think you should have known better.") == ()


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (
            "You can't really expect them to remember everything .",
            "You can't really expect them to remember everything",
        ),
        ("  some of this is on you  ", "some of this is on you"),
    ],
)
def test_a_reproach_leaves_out_the_white_space_at_its_ends(response: str, words: str) -> None:
    assert found(response) == [words]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("Maybe she's got a point.", "Maybe she's got a point"),
        ("tbh he has a point", "tbh he has a point"),
        ("Honestly, your mum might have a fair point.", "your mum might have a fair point"),
    ],
)
def test_siding_with_whoever_hurt_them_is_found(response: str, words: str) -> None:
    """Siding with whoever hurt them: the other side said to have a point."""
    spans = [response[span.start : span.end] for span in minimising_spans(response)]
    assert any(words in span for span in spans), spans
    assert any(words in response[start:end] for start, end in reproach_spans(response))


@pytest.mark.parametrize(
    "response",
    [
        "I think you have a point.",
        "Maybe she's got a point about you needing a break? You do sound exhausted.",
        "You make a good point about him.",
    ],
)
def test_a_point_of_their_own_is_not_siding(response: str) -> None:
    assert minimising_spans(response) == ()
