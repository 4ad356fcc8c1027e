"""The learned crisis flag: the shipped model loads verified, flags veiled wording the patterns
miss with one cue over a sentence, leaves everyday posts alone, and the analyzer asks it only
when the patterns found nothing."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

import carelens
from carelens.analysis.crisis import crisis_cues, negated_mentions
from carelens.analysis.crisis_model import (
    LABEL,
    MIN_WORDS,
    WORD,
    CrisisWordingModel,
    _clear_of,
    default_model_dir,
    figurative_mentions,
)
from carelens.errors import ChecksumError, ModelError

# Written for these tests: veiled wording, no pattern cue.
VEILED = (
    "Lately I keep thinking about how much easier it would be to just disappear for good. "
    "Work was long today."
)
EVERYDAY = (
    "I failed my driving test again and my parents are disappointed.",
    "My dog died last week and the house feels so empty.",
    "I moved to a new city and I feel lonely on weekends.",
    "",
)


@functools.cache
def shipped_model() -> CrisisWordingModel:
    """The shipped model, loaded once for these tests."""
    return CrisisWordingModel.load()


def test_the_shipped_model_loads_with_its_threshold() -> None:
    model = shipped_model()
    assert model.manifest["model_id"] == "carelens-crisis-wording"
    assert 0.0 < model.threshold < 1.0
    assert model.weights.shape == model.idf.shape == (model.manifest["features"]["n_features"],)


def test_veiled_wording_gets_one_cue_over_its_sentence() -> None:
    assert crisis_cues(VEILED) == ()  # the patterns miss it
    model = shipped_model()
    assert model.probability(VEILED) >= model.threshold
    cue = model.cue(VEILED)
    assert cue is not None and cue.label == LABEL and cue.score == 1.0
    assert VEILED[cue.start : cue.end] == (
        "Lately I keep thinking about how much easier it would be to just disappear for good."
    )


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_posts_are_not_flagged(text: str) -> None:
    model = shipped_model()
    assert 0.0 < model.probability(text) < model.threshold
    assert model.cue(text) is None


def test_the_analyzer_asks_the_model_only_when_the_patterns_found_nothing() -> None:
    analyzer = carelens.load()
    veiled = analyzer.analyze(VEILED, "I'm here. Tell me more about tonight?")
    assert veiled.seeker is not None and veiled.seeker.needs_attention
    assert [c.label for c in veiled.seeker.crisis_cues] == [LABEL]
    assert "988" in " ".join(veiled.seeker.resources)
    plain = analyzer.analyze("I want to kill myself. " + VEILED, "I'm here.")
    assert plain.seeker is not None
    assert {c.label for c in plain.seeker.crisis_cues} == {"suicide"}  # patterns only
    analyzer.crisis_model = None
    without = analyzer.analyze(VEILED, "I'm here. Tell me more about tonight?")
    assert without.seeker is not None and not without.seeker.needs_attention


NEGATED = (
    "I'm not suicidal",
    "I would never hurt myself.",
    "I am not suicidal, I just need to vent about work.",
    "I'm not going to kill myself, I promise, I just feel empty and worthless.",
)


@pytest.mark.parametrize("text", NEGATED)
def test_a_negated_mention_is_not_flagged_by_the_model_either(text: str) -> None:
    """The patterns skip "I'm not suicidal"; the model, asked because no cue was left, used to
    flag the same sentence (the codebook says plainly negated mentions are not flagged)."""
    assert crisis_cues(text) == ()
    model = shipped_model()
    skip = negated_mentions(text)
    assert skip, "the patterns see the negated mention"
    assert model.cue(text, skip=skip) is None
    result = carelens.load().analyze(text, "I hear you.")
    assert result.seeker is not None and not result.seeker.needs_attention


def test_only_the_sentences_of_negated_mentions_are_left_out() -> None:
    """Veiled wording in another sentence is still flagged, over that sentence."""
    text = "I'm not suicidal. " + VEILED
    skip = negated_mentions(text)
    assert skip and skip[0][1] <= len("I'm not suicidal")
    cue = shipped_model().cue(text, skip=skip)
    assert cue is not None and text[cue.start : cue.end].startswith("Lately I keep thinking")


def test_many_negated_mentions_are_read_in_one_walk() -> None:
    """Every negated mention was compared with every sentence: a megabyte of "I'm not
    suicidal. " (55,556 of each) took 46 s; now the two sorted lists are walked together."""
    text = ("I'm not suicidal. " * 60_000)[:1_000_000]
    skip = negated_mentions(text)
    assert len(skip) > 50_000
    assert shipped_model().cue(text, skip=skip) is None
    result = carelens.load().analyze(text, "I hear you.")
    assert result.seeker is not None and not result.seeker.needs_attention


@pytest.mark.parametrize(
    ("sentences", "skip", "kept"),
    [
        ([(0, 5), (6, 10), (11, 15)], [(7, 8)], [(0, 5), (11, 15)]),
        # Unsorted, overlapping and touching ranges; one ends where a sentence starts.
        ([(0, 5), (6, 10), (11, 15)], [(12, 13), (2, 6), (3, 4)], [(6, 10)]),
        ([(0, 5), (6, 10)], [(5, 6)], [(0, 5), (6, 10)]),
        # A range over several sentences; an empty range inside a sentence.
        ([(0, 2), (3, 5), (6, 8), (9, 12)], [(1, 7), (10, 10)], []),
        ([(0, 5)], [], [(0, 5)]),
    ],
)
def test_sentences_clear_of_the_skipped_ranges(
    sentences: list[tuple[int, int]], skip: list[tuple[int, int]], kept: list[tuple[int, int]]
) -> None:
    assert _clear_of(sentences, skip) == kept
    # The rule it replaces: a sentence is left out when it overlaps any range.
    assert kept == [(a, b) for a, b in sentences if not any(a < e and s < b for s, e in skip)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Why?",
        "Tonight is pizza night",
        "What should I cook tonight?",
        "I nearly died laughing",
        "I'm so done with this week",
    ],
)
def test_a_short_message_is_not_asked(text: str) -> None:
    """On a few words the probability is close to the threshold whatever they say (the empty
    text 0.40 against 0.5): these were flagged."""
    assert crisis_cues(text) == ()
    assert shipped_model().cue(text) is None
    if text:
        result = carelens.load().analyze(text, "I hear you.")
        assert result.seeker is not None and not result.seeker.needs_attention


def test_the_minimum_counts_the_words_the_model_reads() -> None:
    """A short text the model rates above the threshold is not asked; nor is one whose other
    words are in a negated sentence, left out of what the model reads."""
    model = shipped_model()
    short = "I just want to disappear."  # 5 words
    assert MIN_WORDS == 7 and model.probability(short) >= model.threshold
    assert model.cue(short) is None
    text = "I'm not suicidal, I would never do that. " + short
    assert model.cue(text, skip=negated_mentions(text)) is None
    longer = "I just want to disappear from here forever."
    cue = model.cue(longer)
    assert cue is not None and cue.label == LABEL


def copy_model(tmp_path: Path) -> Path:
    folder = tmp_path / "crisis-wording"
    shutil.copytree(default_model_dir(), folder)
    return folder


def test_changed_weights_fail_the_checksum(tmp_path: Path) -> None:
    folder = copy_model(tmp_path)
    table = np.load(folder / "weights.npy")
    table["weight"][0] += 1.0
    np.save(folder / "weights.npy", table)
    with pytest.raises(ChecksumError, match=r"carelens\.training\.crisis_wording"):
        CrisisWordingModel.load(folder)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"model_id": "carelens-personal-distress"}, "not a carelens-crisis-wording model"),
        ({"threshold": {}}, "missing or invalid field"),
        ({"threshold": {"flag": 1.5}}, "must be a probability"),
    ],
)
def test_a_wrong_manifest_is_a_model_error(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    folder = copy_model(tmp_path)
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(manifest | change), encoding="utf-8")
    with pytest.raises(ModelError, match=message):
        CrisisWordingModel.load(folder)


# Written for these tests: everyday idioms of 7 words or more that the model alone rates at or
# above its threshold (it weighs "kill" and "die" whatever their sense).
IDIOMS = (
    "this commute is killing me, I swear I could die",
    "my mum is going to kill me when she sees this",
    "I could die of embarrassment, everyone saw me trip on stage",
    "I'm so bored I could die, nothing on TV tonight at all",
    "that cake was to die for, I need the recipe from you",
    "If my mom finds out she'll kill me, she hates when I stay out",
)


@pytest.mark.parametrize("text", IDIOMS)
def test_idioms_of_seven_words_or_more_get_no_learned_cue(text: str) -> None:
    model = shipped_model()
    assert crisis_cues(text) == ()
    assert len(WORD.findall(text)) >= MIN_WORDS
    assert model.probability(text) >= model.threshold  # the words alone would flag it
    assert figurative_mentions(text)
    assert model.cue(text) is None


def test_the_analyzer_gives_an_idiom_no_cue() -> None:
    result = carelens.load().analyze(IDIOMS[0], "Ha, same here. Hang in there!")
    assert result.seeker is not None and result.seeker.crisis_cues == ()


def test_the_words_beside_an_idiom_are_still_read() -> None:
    text = "This job is killing me. " + VEILED.split(" Work")[0]
    cue = shipped_model().cue(text)
    assert cue is not None
    assert text[cue.start : cue.end].startswith("Lately I keep thinking")


def test_the_model_reads_a_post_as_the_patterns_do() -> None:
    """Full-width letters and zero-width spaces in a veiled post hid its words from the model
    (it reads ASCII tokens); it reads the folded post, and its cue slices the original."""
    sentence = (
        "Lately I keep thinking about how much easier it would be to just disappear for good."
    )
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in sentence)
    veiled = wide.replace("\uff45", "\uff45\u200b")  # and a zero-width space after each "e"
    text = "Work was long to\u200bday. " + veiled + " Bye."
    assert crisis_cues(text) == ()
    cue = shipped_model().cue(text)
    assert cue is not None
    assert text[cue.start : cue.end] == veiled  # the sentence, whole


def test_negated_mentions_in_folded_text_are_left_out_by_the_model() -> None:
    text = "I\u00b4m not sui\u200bcidal. " + VEILED
    skip = negated_mentions(text)
    assert [text[s:e] for s, e in skip] == ["sui\u200bcidal"]
    cue = shipped_model().cue(text, skip=skip)
    assert cue is not None and text[cue.start : cue.end].startswith("Lately I keep thinking")
    alone = "I\u00b4m not sui\u200bcidal, I just need to vent about work."
    assert shipped_model().cue(alone, skip=negated_mentions(alone)) is None
