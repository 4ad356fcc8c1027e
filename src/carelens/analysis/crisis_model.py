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
from collections.abc import Sequence
from pathlib import Path

from carelens.analysis.personal_distress import HashedLinearModel
from carelens.errors import ModelError
from carelens.inference.spans import sentence_ranges
from carelens.types import Span

MODEL_ID = "carelens-crisis-wording"
#: Label of the cue the model adds (pattern cues are ``suicide`` or ``self_harm``).
LABEL = "possible_crisis"


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
        post reaches the threshold; None otherwise. Sentences that overlap a ``skip`` range
        (a crisis mention the writer negates: "I'm not suicidal") are left out of both: the
        patterns do not flag such a mention, and the model must not flag it either."""
        sentences = list(sentence_ranges(seeker_text))
        if skip:
            kept = [(a, b) for a, b in sentences if not any(a < e and s < b for s, e in skip)]
            text = list(" " * len(seeker_text))
            for a, b in kept:
                text[a:b] = seeker_text[a:b]
            seeker_text, sentences = "".join(text), kept
        if not sentences or self.probability(seeker_text) < self.threshold:
            return None
        best: tuple[float, int, int] | None = None
        for start, end in sentences:
            rated = self.probability(seeker_text[start:end])
            if best is None or rated > best[0]:
                best = (rated, start, end)
        if best is None:
            return None
        return Span(best[1], best[2], LABEL, 1.0)
