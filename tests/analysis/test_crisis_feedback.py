"""Whose risk a crisis cue tells of, read once for a whole message
(:class:`carelens.analysis.crisis_feedback._WhoseRisk`): the same answers as reading the
message up to each cue again, and work that grows with the message, not with its square."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carelens.analysis import crisis_feedback
from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_feedback import _WhoseRisk, crisis_sentence
from carelens.analysis.words import SENTENCE, WORD, plain
from carelens.types import Span

RESPONSE = "That sounds really hard. What has been the hardest part of it for you?"
PARAGRAPH = (
    "Work was awful again today and my manager yelled at me in front of everyone. "
    "I came home and just lay on the floor for an hour. I just want to die.\n"
)


def _rescanned(seeker: str, cue: Span) -> bool:
    """Whose risk ``cue`` tells of, read as it was before: the message from its start up to
    the cue for its sentence, then that sentence's words back from the cue."""
    for word in WORD.findall(seeker, cue.start, cue.end):
        if plain(word) in crisis_feedback._OWN_RISK:
            return False
        if plain(word) in crisis_feedback._THEIR_RISK:
            return True
    begins = max((m.start() for m in SENTENCE.finditer(seeker, 0, cue.start + 1)), default=0)
    for word in reversed(WORD.findall(seeker, begins, cue.start)):
        folded = plain(word).removesuffix("'s")
        if folded in crisis_feedback._OWN_RISK:
            return False
        if folded in crisis_feedback._THEIR_RISK or folded.removesuffix("s") in (
            crisis_feedback._THEIR_RISK
        ):
            return True
    return False


# Letters, the words that tell whose a risk is, and the marks whose sentence or word reading
# depends on what follows them ("v1.2", "Mr. Smith", "e.g. this", "don't", "son's").
_PIECES = st.sampled_from(
    [
        "a", "b", "I", " ", "  ", ".", "!", "?", ",", ":", "'", "\u2019", "\n", "\t", "1",
        "my ", "he ", "son's ", "friends ", "Mr. ", "v1.2", "e.g. ", "kms", "*", "$",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, min_size=1, max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, data=st.data())
def test_each_cue_reads_what_a_rescan_up_to_it_read(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))  # an empty span at the end too
    end = data.draw(st.integers(start, len(text)))
    whose = _WhoseRisk(text)
    cue = Span(start, end, "suicide", 1.0)
    assert whose.someone_elses(cue) == _rescanned(text, cue)
    assert whose._sentence_start(start) == max(
        (m.start() for m in SENTENCE.finditer(text, 0, start + 1)), default=0
    )


@settings(max_examples=200, deadline=None)
@given(text=_TEXTS, data=st.data())
def test_the_nearest_telling_word_is_that_of_the_stretch_read_alone(
    text: str, data: st.DataObject
) -> None:
    """A stretch may start or end inside a word of the message (read as the stretch holds
    it: "son's" cut to "son'" is "son")."""
    begins = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(begins, len(text)))
    expected = None
    for word in reversed(WORD.findall(text, begins, end)):
        if (theirs := crisis_feedback.whose_before(word)) is not None:
            expected = theirs
            break
    assert _WhoseRisk(text)._nearest_before(begins, end) == expected


class _CountingPattern:
    """Stands in for a compiled pattern, adding up how much text its scans cover."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scanned = 0

    def _span(self, text: str, pos: int, endpos: int | None) -> tuple[int, int]:
        end = len(text) if endpos is None else min(endpos, len(text))
        self.scanned += max(0, end - pos)
        return pos, end

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, *self._span(text, pos, endpos))

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list[str]:
        return self.pattern.findall(text, *self._span(text, pos, endpos))


@pytest.mark.parametrize(
    "seeker",
    [
        "kms " * 3_000,
        "he wants to die " * 800,
        (PARAGRAPH * 90)[:12_000],
        "I just want to die. " * 600,
    ],
)
def test_the_crisis_sentence_reads_the_message_a_few_times_whatever_its_cues(
    seeker: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each cue read the message again from its start to find its sentence, and then the
    whole sentence back from it: "kms " * 4000 took 13 s, a 160,000-character diary with "I
    just want to die." in every paragraph 40 s. The sentences and the words are found once."""
    cues = crisis_cues(seeker)
    assert len(cues) >= 80
    sentence = _CountingPattern(crisis_feedback.SENTENCE)
    word = _CountingPattern(crisis_feedback.WORD)
    monkeypatch.setattr(crisis_feedback, "SENTENCE", sentence)
    monkeypatch.setattr(crisis_feedback, "WORD", word)
    said = crisis_sentence(seeker, cues, RESPONSE)
    assert said.startswith("They wrote")
    # the message once for its sentences, the reply once; the message once for its words,
    # and each cue's own words
    assert sentence.scanned <= len(seeker) + len(RESPONSE)
    assert word.scanned <= 2 * len(seeker)


def test_the_first_cue_of_the_seekers_own_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whose risk every cue told of was read before the first of the seeker's own was taken."""
    asked: list[Span] = []
    someone_elses = _WhoseRisk.someone_elses

    def counted(self: _WhoseRisk, cue: Span) -> bool:
        asked.append(cue)
        return someone_elses(self, cue)

    monkeypatch.setattr(_WhoseRisk, "someone_elses", counted)
    seeker = "My son wants to kill himself. " + "I want to die. " * 50
    cues = crisis_cues(seeker)
    said = crisis_sentence(seeker, cues, RESPONSE)
    assert said.startswith('They wrote "want to die"')  # the seeker's own, not their son's
    assert asked == list(cues[:2])


def test_someone_elses_risk_is_still_told_in_a_long_message() -> None:
    seeker = "My brother said he wants to kill himself. " * 400
    said = crisis_sentence(seeker, crisis_cues(seeker), RESPONSE)
    assert "about someone at risk" in said
