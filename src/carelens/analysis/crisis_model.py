"""The learned crisis flag: seeker posts the crisis-cue patterns miss.

The patterns of :mod:`carelens.analysis.crisis` find plain suicide and self-harm wording and
miss most veiled wording, which annotators flag too. :class:`CrisisWordingModel` is a logistic
regression over hashed word n-grams (the features of the personal-distress model), trained by
:mod:`carelens.training.crisis_wording` on the project's annotated train and dev seeker posts.
The analyzer asks it only about posts without a pattern cue: when its probability reaches
the manifest's threshold, the post gets one cue labelled :data:`LABEL` over its sentence
that the model rates highest on its own, so a person sees which words to read first.

Like every crisis cue, this is a pointer for a person to read, never a risk score: the cue's
score is 1.0, as for pattern cues, and the probability is not shown. The model folder is
``weights.npy`` + ``manifest.json``, checked by SHA-256 at load.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import islice
from pathlib import Path

from carelens.analysis.personal_distress import HashedLinearModel
from carelens.errors import ModelError
from carelens.inference.spans import sentence_ranges
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
        return Span(best[1], best[2], LABEL, 1.0)


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
