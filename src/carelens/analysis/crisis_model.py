"""The learned crisis flag: seeker posts the crisis-cue patterns miss.

The patterns of :mod:`carelens.analysis.crisis` find plain suicide and self-harm wording and
miss most veiled wording, which annotators flag too. :class:`CrisisWordingModel` is a logistic
regression over hashed word n-grams (the features of the personal-distress model), trained by
:mod:`carelens.training.crisis_wording` on the project's annotated train and dev seeker posts
and the messages the project wrote for it (veiled disclosures and their look-alikes,
``annotations/crisis-written-v1``).
The analyzer asks it only about posts without a pattern cue: when its probability reaches
the manifest's threshold, the post gets one cue labelled :data:`LABEL` over its sentence
that the model rates highest on its own, so a person sees which words to read first. The
words of everyday figures of speech ("this commute is killing me", "I'm dying to see it", "my
boss will kill me if I'm late": :func:`figurative_mentions`) are blanked before it reads a
post: it weighs "kill" and "die" as crisis words whatever their sense, and flagged such idioms
of 7 words or more. It reads a post as the patterns do (:func:`carelens.text.fold`: no
"sui\\u200bcide", full-width letters as ASCII), and its cue has the post's own offsets.

Like every crisis cue, this is a pointer for a person to read, never a risk score: the cue's
score is 1.0, as for pattern cues, and the probability is not shown. The model folder is
``weights.npy`` + ``manifest.json``, checked by SHA-256 at load.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from carelens.analysis.crisis_context import not_own_mentions
from carelens.analysis.crisis_unreal import unreal_mentions
from carelens.analysis.personal_distress import HashedLinearModel
from carelens.errors import ModelError
from carelens.inference.spans import sentence_ranges
from carelens.text import fold
from carelens.types import Span

MODEL_ID = "carelens-crisis-wording"
#: Label of the cue the model adds (pattern cues are ``suicide`` or ``self_harm``).
LABEL = "possible_crisis"
#: The model is not asked about a text of fewer words (its tokens, after the negated
#: sentences are left out). It was fitted on posts of 6 words or more, and on a short text
#: its probability is close to the threshold whatever the words ("Why?", "Tonight is pizza
#: night"). Chosen on the train + dev posts by the 5-fold cross-validation (docs/model-card.md,
#: "Short messages"): from 7 words on, the flag loses no annotated post and one wrong flag;
#: from 8, it loses an annotated one.
MIN_WORDS = 7
#: The model's tokens (:mod:`carelens.analysis.personal_distress`), counted for MIN_WORDS.
WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z0-9]+)*", re.IGNORECASE)


def learned_only(cues: Sequence[Mapping[str, Any]]) -> bool:
    """Whether only this flag marked a message (``cues`` as a result record holds them, each
    with its ``label``; no wording pattern did): it weighs words alone and also marks grief,
    so it is a hint to read (a possible crisis), not wording about suicide or self-harm. The
    insights, the report, the web pages and the ``analyze`` / ``batch`` summaries count and
    word such messages apart."""
    return bool(cues) and all(cue.get("label") == LABEL for cue in cues)


# Everyday figures of speech built on death words, which no pattern flags and the learned
# flag weighs as crisis words: a thing "killing me", "dying to see", "died laughing", "my boss
# will kill me", "so bored I could die", "to die for", "could kill for", "killed it". Each is
# a whole figure, so the words beside it ("the pain is killing me and I want out") still count.
_PEOPLE = (
    r"(?:he|she|they|mom|mum|mommy|mummy|dad|daddy|mother|father|parents|boss|teacher|prof"
    r"|professor|wife|husband|girlfriend|boyfriend|gf|bf|coach|manager|sister|brother|friends?"
    r"|roommate|landlord)"
)
_FIGURATIVE = re.compile(
    "|".join(
        (
            # "this commute is killing me", "my feet are killing me", "you're killing me".
            r"\b(?:is|are|was|were|'s|'re)\s+(?:(?:literally|actually|really|just|so|kinda|"
            r"lowkey|slowly)\s+)?killing\s+me\b",
            r"\bdying\s+(?:to\s+(?:see|meet|know|try|hear|go|get|watch|read|tell|find\s+out|play|"
            r"visit|eat|ask|share|show)|for\s+(?:a|an|some)\s+(?:coffee|drink|beer|smoke|"
            r"cigarette|snack|burger|pizza|nap|holiday|vacation)s?)\b",
            r"\b(?:die|died|dying|dead)\s+(?:of\s+|from\s+)?(?:laugh\w*|embarrass\w*|boredom|"
            r"curiosity|cringe|cuteness)\b",
            r"\b(?:bored|scared|frightened|terrified|worried|loved?)\s+(?:me\s+|him\s+|her\s+|them\s+)?"
            r"to\s+death\b",
            r"\bto\s+die\s+for\b|\bcould\s+(?:literally\s+)?kill\s+for\b|\bkill(?:ed|ing)\s+it\b"
            r"(?=\s+(?:at|on|in|today|tonight|yesterday|last|this)\b)|\bkill(?:ing)?\s+time\b",
            # Another's anger: "my boss will kill me if I'm late", "mom is gonna kill me".
            rf"\b{_PEOPLE}(?:'ll|\s+will|\s+would|'d|'s\s+going\s+to|'s\s+gonna|\s+(?:is|are)\s+"
            r"(?:going\s+to|gonna)|\s+gonna)\s+(?:literally\s+|actually\s+)?(?:kill|murder)\s+me\b",
            # "I swear I could die", "so bored I could die", "I could die of embarrassment".
            r"\b(?:swear|so\s+\w+)\s+(?:that\s+)?i\s+could\s+(?:just\s+)?die\b(?!\s+and\b)",
            r"\bcould\s+(?:just\s+)?die(?=\s+(?:of|from|laughing|happy)\b)",
            r"\b(?:phone|battery|laptop|computer|car|plant|tv|headphones)\s+(?:just\s+)?"
            r"(?:died|is\s+dying|was\s+dead|is\s+dead)\b",
        )
    ),
    re.IGNORECASE,
)


def figurative_mentions(seeker_text: str) -> tuple[tuple[int, int], ...]:
    """Where ``seeker_text`` uses death words in an everyday figure of speech ("this commute is
    killing me", "I'm dying to see it", "my boss will kill me"), as (start, end) offsets. No
    crisis pattern flags them, and :meth:`CrisisWordingModel.cue` does not read their words."""
    folded = fold(seeker_text)
    return tuple(folded.span(*m.span()) for m in _FIGURATIVE.finditer(folded.text))


def default_model_dir() -> Path:
    """The crisis-wording model shipped inside the package."""
    return Path(__file__).resolve().parent.parent / "models" / "crisis-wording"


class CrisisWordingModel(HashedLinearModel):
    """Probability that annotators would flag a seeker post for crisis wording; a post is
    flagged at ``threshold`` or above."""

    MODEL_ID = MODEL_ID
    TRAINER = "carelens.training.crisis_wording"
    THRESHOLD_KEY = "flag"

    @classmethod
    def check_threshold(cls, threshold: float) -> None:
        if not 0.0 < threshold < 1.0:
            raise ModelError(f"the crisis-wording threshold must be a probability, not {threshold}")

    @classmethod
    def default_dir(cls) -> Path:
        return default_model_dir()

    def probability(self, text: str) -> float:
        """The model's probability that ``text`` would be flagged (a text without words gets
        the intercept's)."""
        return 1.0 / (1.0 + math.exp(-self._raw(text)))

    def cue(self, seeker_text: str, *, skip: Sequence[tuple[int, int]] = ()) -> Span | None:
        """A cue over the sentence of ``seeker_text`` rated highest on its own, when the whole
        post reaches the threshold; None otherwise, and for a text of fewer than
        :data:`MIN_WORDS` words. Sentences that overlap a ``skip`` range (a crisis mention the
        writer negates: "I'm not suicidal") are left out of both: the patterns do not flag
        such a mention, and the model must not flag it either."""
        # The folded post is read (no "sui\u200bcide"), the skipped ranges in its offsets.
        folded = fold(seeker_text)
        seeker_text = folded.text
        skip = [folded.folded_span(start, end) for start, end in skip]
        # The words of everyday figures of speech ("this commute is killing me", "my boss will
        # kill me if I'm late") are blanked, offsets kept: the model weighs "kill" and "die"
        # as crisis words whatever their sense. The rest of the post is still read.
        figures = [m.span() for m in _FIGURATIVE.finditer(seeker_text)]
        # So are crisis words that are not the writer's own ("someone told me to kill myself",
        # "I'd rather die than go to that party") or tell of no real risk ("the movie was so
        # bad i wanted to die lol", a bungee jump), which no pattern flags.
        figures += not_own_mentions(seeker_text) + unreal_mentions(seeker_text)
        seeker_text = _blanked(seeker_text, figures)
        sentences = list(sentence_ranges(seeker_text))
        if skip:
            sentences = _clear_of(sentences, skip)
            pieces: list[str] = []
            at = 0
            for a, b in sentences:
                pieces += (" " * (a - at), seeker_text[a:b])
                at = b
            pieces.append(" " * (len(seeker_text) - at))
            seeker_text = "".join(pieces)
        if not sentences or len(list(islice(WORD.finditer(seeker_text), MIN_WORDS))) < MIN_WORDS:
            return None
        if self.probability(seeker_text) < self.threshold:
            return None
        best: tuple[float, int, int] | None = None
        for start, end in sentences:
            rated = self.probability(seeker_text[start:end])
            if best is None or rated > best[0]:
                best = (rated, start, end)
        if best is None:
            return None
        return Span(*folded.span(best[1], best[2]), LABEL, 1.0)


def _blanked(text: str, ranges: Sequence[tuple[int, int]]) -> str:
    """``text`` with the characters of ``ranges`` replaced by spaces (same offsets)."""
    if not ranges:
        return text
    chars = list(text)
    for start, end in ranges:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _clear_of(
    sentences: list[tuple[int, int]], skip: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The ``sentences`` (in text order, apart) that overlap no ``skip`` range: the ranges,
    sorted and joined where they overlap, are walked once beside the sentences (a post of
    many negated mentions has as many ranges as sentences)."""
    joined: list[tuple[int, int]] = []
    for s, e in sorted(skip):
        if joined and s <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], e))
        else:
            joined.append((s, e))
    kept, i = [], 0
    for a, b in sentences:
        # Ranges that end by this sentence's start end before every later one too.
        while i < len(joined) and joined[i][1] <= a:
            i += 1
        if i == len(joined) or joined[i][0] >= b:
            kept.append((a, b))
    return kept
