"""Whose story a reply's understanding tells (:mod:`carelens.analysis.feedback_own_story`,
moved out of :mod:`carelens.analysis.feedback` unchanged)."""

from __future__ import annotations

import pytest

from carelens.analysis.feedback_own_story import (
    about_the_helper,
    one_upping,
    opens_with_story,
    own_exhaustion,
    story_sentences,
)
from carelens.analysis.personal_distress import CUE_LABEL as EXHAUSTION_CUE
from carelens.types import HelperSignals, ResponseAnalysis, Span


@pytest.mark.parametrize(
    ("words", "helpers"),
    [
        ("Same thing happened to me last year", True),
        ("lol same", True),
        ("My mom passed two years ago", True),
        ("I'm glad she passed peacefully", False),
        ("I know how hard that is for you", False),
        ("what's been the hardest part?", False),
    ],
)
def test_the_helpers_own_story_is_told_from_theirs(words: str, helpers: bool) -> None:
    assert about_the_helper(words) is helpers


def test_the_helpers_own_exhaustion_is_found_in_the_quote() -> None:
    response = "I'm exhausted. Just try to get some sleep."
    signals = HelperSignals(distress=5.0, spans=(Span(0, 13, EXHAUSTION_CUE, 0.9),))
    scored = ResponseAnalysis(dimensions={}, model_id="test", helper=signals)
    assert own_exhaustion(scored, response, response) == "I'm exhausted"
    assert own_exhaustion(scored, response, None) is None


@pytest.mark.parametrize(
    ("words", "helpers"),
    [
        # a verb in the past after the helper or someone of theirs (session 35)
        ("I came out to my very religious family at 20.", True),
        ("My best friend moved abroad three years ago.", True),
        ("That's nothing, my nan didn't recognise any of us for years.", True),
        ("I deleted insta last year and honestly best decision ever.", True),
        ("Mine was finalised last spring.", True),
        ("We split up after nine years.", True),
        ("When I split with my ex I redecorated the whole flat.", True),
        # not a story: what the helper thinks, wants or takes from the message
        ("I wanted to say that it gets better.", False),
        ("I was so sad to read this.", False),
        ("My heart broke reading this.", False),
        ("I always dream from someone else's view. Reading novels helps me too.", True),
        ("I'm so relieved for them.", False),
        ("I hope it gets better.", False),
    ],
)
def test_a_story_told_in_the_past_is_the_helpers(words: str, helpers: bool) -> None:
    assert about_the_helper(words) is helpers


def test_the_sentences_of_the_helpers_story_are_found_apart() -> None:
    response = "I lost my mum in 2020. I'm so sorry. Grief does that to your brain."
    assert [response[s:e] for s, e in story_sentences(response)] == ["I lost my mum in 2020."]
    assert opens_with_story(response)
    assert not opens_with_story("I'm so sorry. I lost my mum in 2020.")


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (
            "That's nothing, my nan didn't recognise any of us for five years.",
            "That's nothing, my nan didn't recognise any of us for five years",
        ),
        (
            "I had panic attacks for years. Now I'm fine, it's honestly nothing once you get "
            "used to it.",
            "it's honestly nothing once you get used to it",
        ),
        (
            "My dad walked out when I was six and mine was way worse than this.",
            "mine was way worse than this",
        ),
        (
            "I lost my job twice last year. You're lucky it's only the once.",
            "You're lucky it's only the once",
        ),
        (
            "When I split with my ex I took up climbing. Honestly you should be celebrating.",
            "Honestly you should be celebrating",
        ),
        (
            "Back pain is nothing, I've had three spinal surgeries and I still go in to work.",
            "Back pain is nothing, I've had three spinal surgeries and I still go in to work",
        ),
        (
            "my parents fought way worse than that. i moved out at 18 and never looked back",
            "my parents fought way worse than that",
        ),
    ],
)
def test_words_that_set_the_story_against_theirs_are_found(response: str, words: str) -> None:
    found = one_upping(response)
    assert found is not None and response[found[0] : found[1]] == words


@pytest.mark.parametrize(
    "response",
    [
        # kind words beside a story, a hedge, and such words with no story of the helper's
        "I went through the same thing last year. It's nothing to be ashamed of.",
        "I lost my dad in 2019. It's nothing you did.",
        "I had the same worry for years. For me at least, talking helped.",
        "That's nothing to worry about, it happens to everyone.",
        "You're lucky to have such a good friend.",
        "I lost my job last year too. Money is nothing compared to your health.",
        "I had panic attacks too. Your worth is nothing to do with your grades.",
        "When my mum died I felt the same. The pain is nothing like I expected.",
        "I was there too. There is nothing wrong with you.",
    ],
)
def test_no_one_upping_in_kind_words_or_without_a_story(response: str) -> None:
    assert one_upping(response) is None


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # bigger or worse stories set against theirs, in other words than :data:`_ONE_UP`'s
        (
            "I was off sick for a whole year after my op. A month is nothing compared with "
            "mine, honestly.",
            "A month is nothing compared with mine, honestly",
        ),
        (
            "I nursed my dad for nine years. Two months? Lucky you.",
            "Lucky you",
        ),
        (
            "I failed my driving test six times. You've got it easy, mate.",
            "You've got it easy, mate",
        ),
        (
            "We waited four years for a flat. I'd have killed to be at the top of the list "
            "after one.",
            "I'd have killed to be at the top of the list after one",
        ),
        (
            "I trained as a barrister, which is far harder to get into than teaching.",
            "which is far harder to get into than teaching",
        ),
        (
            "I worked nights for twenty years. Try doing it for two decades with three kids.",
            "Try doing it for two decades with three kids",
        ),
        (
            "I had shingles last spring. Trust me, it gets way worse.",
            "it gets way worse",
        ),
        # a claim to know how it is, then a story of theirs that never comes back to them
        (
            "I know exactly how you feel, my landlord evicted us with a week's notice and we "
            "slept at my sister's for a month. Worst time of my life.",
            "I know exactly how you feel, my landlord evicted us with a week's notice and we "
            "slept at my sister's for a month",
        ),
        (
            "Honestly I know just what you're going through, I failed my bar exam three times "
            "and my parents stopped asking about it. Still stings.",
            "Honestly I know just what you're going through, I failed my bar exam three times "
            "and my parents stopped asking about it",
        ),
    ],
)
def test_more_ways_to_set_the_story_against_theirs_are_found(response: str, words: str) -> None:
    found = one_upping(response)
    assert found is not None and response[found[0] : found[1]] == words


@pytest.mark.parametrize(
    "response",
    [
        # the same words that turn back to them, compare kindly or tell no story
        "I know exactly how you feel, I lost my job last year too. How are you holding up?",
        "I know how you feel, my mum died in March and I'm still a mess. I'm so sorry.",
        "I know exactly how you feel, I failed my test too. It gets better, you'll see.",
        "I know how you feel. Give it time.",
        "I had a miscarriage too. It's much harder than people realise.",
        "I went through a breakup last year. It was far worse than I expected at first.",
        "I moved abroad at 20. Try to give yourself a few months to settle.",
        "Lucky you, congratulations on the new job!",
        "I lost my dad last year. I'd give anything to make this easier for you.",
    ],
)
def test_no_one_upping_where_the_story_comes_back_or_compares_kindly(response: str) -> None:
    assert one_upping(response) is None


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (
            "My brother forged my mum's will and we went to court. Compared to that, bad-mouthing "
            "is kind of par for the course.",
            "Compared to that, bad-mouthing is kind of par for the course",
        ),
        (
            "My first week as a junior doctor someone died on my second day. Nerves don't really "
            "come close to that, but hang in there.",
            "Nerves don't really come close to that, but hang in there",
        ),
        (
            "Two hours would have been a dream! Our eldest woke every 40 minutes and I was back "
            "at work by then.",
            "Two hours would have been a dream",
        ),
        (
            "I was in Tokyo with no Japanese and it took me four months to get a bank account. "
            "Berlin's practically easy mode.",
            "Berlin's practically easy mode",
        ),
        (
            "When I got clean from heroin the withdrawals were hell, so alcohol's the easier one "
            "to kick.",
            "so alcohol's the easier one to kick",
        ),
        (
            "We had a ceiling collapse on us and the landlord took half a year. A bit of mould is "
            "annoying but at least the roof's still up, eh.",
            "at least the roof's still up, eh",
        ),
        (
            "I've had ME for 15 years, housebound for some of it, so seven months feels like the "
            "very beginning.",
            "so seven months feels like the very beginning",
        ),
    ],
)
def test_comparisons_that_make_theirs_small_are_one_upping(response: str, words: str) -> None:
    found = one_upping(response)
    assert found is not None and response[found[0] : found[1]] == words


@pytest.mark.parametrize(
    "response",
    [
        # the same words without a story of the helper's, or kind
        "Compared to that, you're doing brilliantly.",
        "A lie-in would be a dream for you right now, I bet.",
        "At least the kids are safe, that's what matters to you most.",
        "Try talking to her while she's calm.",
    ],
)
def test_comparisons_without_a_story_of_the_helpers_are_not_one_upping(response: str) -> None:
    assert one_upping(response) is None
