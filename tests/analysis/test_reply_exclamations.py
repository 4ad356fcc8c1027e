"""Remarks of sympathy without a reaction word (:mod:`carelens.analysis.reply_exclamations`):
interjections, "that's a lot", anger on their behalf and disbelief."""

from __future__ import annotations

import pytest

from carelens.analysis.reply_exclamations import (
    angry_for_them,
    disbelief,
    echoed,
    exclaimed,
    short_remark,
)


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("I'm furious for you", True),
        ("ugh I'm so angry on your behalf", True),
        ("That makes me so angry for you", True),
        ("this makes my blood boil", True),
        ("That's a lot to deal with at once", True),
        ("it sounds like a lot for one person", True),
        ("I'm so angry at you", False),
        ("I'm furious", False),
        ("That's a lot of money", False),
    ],
)
def test_short_remarks(clause: str, expected: bool) -> None:
    assert short_remark(clause) is expected


def test_anger_alone_is_told_apart_from_a_lot() -> None:
    assert angry_for_them("I'm livid on your behalf")
    assert not angry_for_them("That's a lot")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oof.", True),
        ("Oh no.", True),
        ("Ouch", True),
        ("Oh no, that's sad.", False),
        ("Ugh.", True),
        ("Ughh.", True),
        ("Wow.", True),
        ("Oh wow.", True),
        ("Yikes.", True),
        ("Oh friend.", True),
        ("Wow, that's sad.", False),
    ],
)
def test_an_interjection_must_end_its_sentence(text: str, expected: bool) -> None:
    end = len(text) - 1 if text.endswith(".") else len(text)
    end = text.index(",") if "," in text else end
    assert exclaimed(text, 0, end) is expected


@pytest.mark.parametrize("text", ["lol oof.", "big oof.", "oof lol."])
def test_light_words_make_no_interjection(text: str) -> None:
    assert not exclaimed(text, 0, len(text) - 1)


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("Forty minutes?? That's ridiculous.", 13, True),
        ("Seriously?! That makes me so angry.", 9, True),
        ("What? That's awful.", 4, True),
        ("Why did they do that to you at work?? So unfair.", 35, False),
        ("Forty minutes. That's ridiculous.", 13, False),
    ],
)
def test_disbelief_is_an_interjection_asked_or_a_few_words_asked_twice(
    text: str, end: int, expected: bool
) -> None:
    assert disbelief(text, 0, end) is expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("third time really stings", True),
        ("ouch that stings", True),
        ("that must hurt", True),
        ("being dumped in public really hurts", True),
        ("you really hurt him", False),
        ("I know it hurts", False),
        ("he hurts me", False),
    ],
)
def test_a_remark_that_it_hurts_is_short(clause: str, expected: bool) -> None:
    assert short_remark(clause) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("oof, 8 months. that kind of loneliness creeps up", True),
        ("ouch, third time.", True),
        ("Oh no, on valentines day?", True),
        ("ouch, you deserved it.", False),
        ("oof, that was a long time ago, in 2010.", False),
        ("So oof, 8 months.", False),
    ],
)
def test_an_interjection_with_a_detail_echoed_is_one_remark(text: str, expected: bool) -> None:
    comma = text.index(",")
    end = min(i for i in (text.find(m, comma) for m in ".?") if i >= 0)
    assert echoed(text, 0, comma, comma + 1, end) is expected
