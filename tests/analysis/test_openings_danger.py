"""Words of danger no crisis cue reads that a suggested opening does not echo
(:mod:`carelens.analysis.openings_danger`): a step into traffic, harm done to oneself by
starving, punching, choking or mutilating, walls punched, skin made to bleed, a body
destroyed, a head banged against a wall, throwing up or meals skipped on purpose; the seeker's
own clause beside them, and near misses, still offer their opening."""

from __future__ import annotations

import pytest
from opening_helpers import opening_of

from carelens.analysis.openings_danger import danger_spans


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like you've been thinking about stepping in front of a bus…"
        "I've been thinking about stepping in front of a bus on my way home.",
        "I've been thinking about stepping in front of a car.",
        "i punch walls till my knuckles bleed when it gets bad",
        "I punch walls until my knuckles bleed.",
        "I've been starving myself for weeks.",
        # once "It sounds like Destroy your body into nothing…"
        "All I think about is mutilating myself. Destroy my body into nothing but a tangled mess.",
    ],
)
def test_danger_no_cue_reads_is_not_echoed(seeker: str) -> None:
    assert opening_of(seeker) is None


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like you've been starving yourself for weeks and you feel so ashamed…"
        (
            "I've been starving myself for weeks and I feel so ashamed.",
            "It sounds like you feel so ashamed…",
        ),
        # once "It sounds like you walked into traffic last night…"
        (
            "I walked into traffic last night. I feel so ashamed.",
            "It sounds like you feel so ashamed…",
        ),
        # someone else's: the seeker's own clause after it
        (
            "My son walked into traffic last year and I still feel so guilty.",
            "It sounds like you still feel so guilty…",
        ),
    ],
)
def test_the_seekers_own_clause_beside_the_danger_is_offered(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like you're not okay either…": "either" adds it to the danger
        "I'm not suicidal but I'm not okay either.",
        "I'm not going to kill myself but I'm not okay either",
    ],
)
def test_a_clause_that_adds_itself_to_the_danger_is_not_offered(seeker: str) -> None:
    assert opening_of(seeker) is None


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        (
            "I walked in front of my class to give my speech and froze, I feel so embarrassed.",
            "It sounds like you feel so embarrassed…",
        ),
        (
            "My dog ran in front of a car yesterday and I feel so guilty.",
            "It sounds like your dog ran in front of a car yesterday and you feel so guilty…",
        ),
        (
            "I ran into traffic on the way to work and I'm so stressed.",
            "It sounds like you ran into traffic on the way to work and you're so stressed…",
        ),
        (
            "I laughed until I cried and it felt so good.",
            "It sounds like you laughed until you cried and it felt so good…",
        ),
        (
            "I choked on my words and I feel so stupid.",
            "It sounds like you choked on your words and you feel so stupid…",
        ),
    ],
)
def test_near_misses_keep_their_opening(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("i keep stepping out in front of traffic", "stepping out in front of traffic"),
        ("I walked into oncoming traffic", "walked into oncoming traffic"),
        ("I choke myself", "choke myself"),
        ("I'm destroying my body", "destroying my body"),
        ("I've been starving myself", "starving myself"),
        ("I punched the wall", "punched the wall"),
        ("scratching until it bleeds", "until it bleeds"),
    ],
)
def test_the_danger_words_are_read(text: str, words: str) -> None:
    assert words in [text[start:end] for start, end in danger_spans(text)]


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        # once "It sounds like you've been making yourself throw up after every meal…"
        ("i've been making myself throw up after every meal", "making myself throw up"),
        ("I bang my head against the wall when I'm upset", "bang my head against the wall"),
        ("I've been skipping meals on purpose to punish myself", "skipping meals on purpose"),
        ("I punish myself by not eating", "punish myself by not eating"),
    ],
)
def test_more_harm_to_oneself_is_not_echoed(seeker: str, words: str) -> None:
    assert words in [seeker[start:end] for start, end in danger_spans(seeker)]
    assert opening_of(seeker) is None


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once none: "walking into the busy traffic", "punched the wall" read as danger
        (
            "I was walking into the busy traffic circle on my bike and felt so anxious",
            "It sounds like you were walking into the busy traffic circle on your bike and felt"
            " so anxious…",
        ),
        (
            "I punched the wall in the video game and my character broke his hand lol, anyway"
            " I'm bored",
            "It sounds like you punched the wall in the video game and your character broke his"
            " hand…",
        ),
        (
            "I've been banging my head against the wall with this code all day, so frustrated",
            "It sounds like you've been banging your head against the wall with this code all day…",
        ),
    ],
)
def test_more_near_misses_keep_their_opening(seeker: str, opening: str) -> None:
    assert danger_spans(seeker) == ()
    assert opening_of(seeker) == opening


# --- session 33: "kill myself" spelt past a filter ----------------------------------------


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        # once "It sounds like you feel so empty and you want to k**l yourself…"
        ("i feel so empty and i want to k**l myself", "k**l myself"),
        ("i keep thinking i should k.ll myself", "k.ll myself"),
        ("i want to kll myself", "kll myself"),
        ("honestly might just k!ll mys*lf", "k!ll mys*lf"),
    ],
)
def test_kill_myself_spelt_past_a_filter_is_not_echoed(seeker: str, words: str) -> None:
    assert opening_of(seeker) is None
    assert words in [seeker[a:b] for a, b in danger_spans(seeker)]


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        (
            "I could kiss myself for finding it and I feel so relieved",
            "It sounds like you could kiss yourself for finding it and you feel so relieved…",
        ),
        (
            "I'm gonna k*ll it at my interview tomorrow, I feel so ready",
            "It sounds like you're gonna k*ll it at your interview tomorrow…",
        ),
    ],
)
def test_words_like_a_spelt_kill_keep_their_opening(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening
