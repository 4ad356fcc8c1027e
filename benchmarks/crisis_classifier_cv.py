"""Would a learned classifier beside the crisis-cue patterns find more flagged seekers?

A quality baseline, not a speed one: on the project's annotations (``crisis`` per seeker post,
train and dev parts only; the test part is never read), k-fold cross-validation of a logistic
regression over carelens's hashed word n-grams (:func:`carelens.analysis.personal_distress.
featurize`: sublinear tf, idf from the training folds, L2 norm; the code of
:mod:`carelens.training.crisis_wording`, which ships such a model), trained on the other folds,
and scored three ways: the patterns of :mod:`carelens.analysis.crisis` alone, the classifier
alone, and either of them (a flag when the patterns or the classifier say so), at several
probability thresholds; then, at the shipped threshold, with the classifier asked only about
posts of at least so many words (how :data:`carelens.analysis.crisis_model.MIN_WORDS` was
chosen). The patterns were written from these same train and dev posts, so
their own figures here are optimistic and the classifier's gain is, if anything, understated.

``--written FILE`` adds project-written messages (JSON Lines of ``{text, label: CUE|NO}``,
:func:`carelens.training.crisis_wording.written_labels`) to every training fold, as the shipped
flag is trained (``annotations/crisis-written-v1/messages.jsonl``); the figures are still
those of the annotated posts, and the written messages' own cross-validated figures follow.

Run (needs ``../shared/data``; NumPy only)::

    PYTHONPATH=src python benchmarks/crisis_classifier_cv.py
    PYTHONPATH=src python benchmarks/crisis_classifier_cv.py \\
        --written annotations/crisis-written-v1/messages.jsonl
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from bench_common import EPITOME

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_model import MIN_WORDS, WORD
from carelens.errors import InputError
from carelens.training.crisis_wording import (
    N_FEATURES,
    cross_validated,
    flag_figures,
    seeker_labels,
    written_labels,
)
from carelens.training.personal_distress import build_rows

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "annotations" / "taxonomy-v1" / "gold.jsonl"
THRESHOLDS = (0.35, 0.4, 0.45, 0.5, 0.6)
SHIPPED = 0.5
MIN_WORDS_TRIED = (0, 6, 7, 8, 9, 10, 12)


def shown(figures: dict[str, float]) -> str:
    return f"P {figures['precision']:.3f}  R {figures['recall']:.3f}  F1 {figures['f1']:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=EPITOME)
    parser.add_argument("--annotations", type=Path, default=GOLD)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--written", type=Path, help="project-written messages fitted in every training fold"
    )
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"{args.data}: not found (the shared data must be beside the checkout)")
        return 1
    posts, gold_posts = seeker_labels(args.data, args.annotations)
    try:
        extra, gold_extra = written_labels(args.written) if args.written else ([], np.zeros(0))
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    everything = posts + extra
    counts = build_rows(everything, N_FEATURES)
    probability_all = cross_validated(
        counts, np.concatenate([gold_posts, gold_extra]), folds=args.folds, seed=args.seed
    )
    patterns_all = np.array([bool(crisis_cues(t)) for t in everything])
    n = len(posts)
    texts, gold, probability, patterns = posts, gold_posts, probability_all[:n], patterns_all[:n]
    print(
        f"{len(texts)} seeker posts (train + dev), {int(gold.sum())} flagged; "
        f"{args.folds}-fold cross-validation of the classifier"
        + (f", with {len(extra)} written messages in every fold" if extra else "")
    )
    print(f"patterns alone               {shown(flag_figures(gold, patterns))}")
    for t in THRESHOLDS:
        alone = shown(flag_figures(gold, probability >= t))
        either = shown(flag_figures(gold, (probability >= t) | patterns))
        print(f"classifier >= {t:.2f}: alone  {alone}   | patterns or classifier  {either}")
    words = np.array([len(WORD.findall(t)) for t in texts])
    print(f"fewest words in a post: {int(words.min())}; shipped minimum: {MIN_WORDS}")
    for k in MIN_WORDS_TRIED:
        asked = (probability >= SHIPPED) & (words >= k)
        either = shown(flag_figures(gold, asked | patterns))
        print(f"classifier >= {SHIPPED:.2f} from {k:2} words:  patterns or classifier  {either}")
    if extra:
        written_p, written_patterns = probability_all[n:], patterns_all[n:]
        print(f"{len(extra)} written messages, {int(gold_extra.sum())} flagged, at {SHIPPED:.2f}:")
        print(f"  patterns alone               {shown(flag_figures(gold_extra, written_patterns))}")
        print(
            "  patterns or classifier       "
            + shown(flag_figures(gold_extra, (written_p >= SHIPPED) | written_patterns))
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
