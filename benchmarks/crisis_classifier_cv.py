"""Would a learned classifier beside the crisis-cue patterns find more flagged seekers?

A quality baseline, not a speed one: on the project's annotations (``crisis`` per seeker post,
train and dev parts only; the test part is never read), k-fold cross-validation of a logistic
regression over carelens's hashed word n-grams (:func:`carelens.analysis.personal_distress.
featurize`: sublinear tf, idf from the training folds, L2 norm), trained on the other folds,
and scored three ways: the patterns of :mod:`carelens.analysis.crisis` alone, the classifier
alone, and either of them (a flag when the patterns or the classifier say so), at several
probability thresholds. The patterns were written from these same train and dev posts, so
their own figures here are optimistic and the classifier's gain is, if anything, understated.

Run (needs ``../shared/data``; NumPy only)::

    PYTHONPATH=src python benchmarks/crisis_classifier_cv.py
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from carelens.analysis.crisis import crisis_cues
from carelens.annotations import read_annotations
from carelens.training.personal_distress import SparseRows, build_rows, fit_idf, rows_dot

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data" / "epitome-reddit" / "epitome_reddit_public.csv"
GOLD = HERE.parent / "annotations" / "taxonomy-v1" / "gold.jsonl"
N_FEATURES = 2**18
THRESHOLDS = (0.35, 0.4, 0.45, 0.5, 0.6)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


def seeker_labels(gold: Path, data: Path) -> tuple[list[str], FloatArray]:
    """Seeker posts of the train and dev parts and their crisis label (1 when any annotated
    response to the post flags it), in a fixed order."""
    labels: dict[str, int] = {}
    for annotation in read_annotations(gold):
        if annotation.part in ("train", "dev"):
            labels[annotation.sp_id] = max(
                labels.get(annotation.sp_id, 0), annotation.labels["crisis"]
            )
    texts: dict[str, str] = {}
    with data.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            texts.setdefault(row["sp_id"], row["seeker_post"])
    ids = sorted(sp for sp in labels if sp in texts)
    return [texts[sp] for sp in ids], np.array([labels[sp] for sp in ids], dtype=np.float64)


def weighted(counts: SparseRows, idf: npt.NDArray[np.float32]) -> SparseRows:
    """``counts`` times ``idf``, each row scaled to unit L2 norm."""
    data = counts.data * idf[counts.indices].astype(np.float64)
    norms = np.sqrt(np.bincount(counts.row_ids(), weights=data * data, minlength=counts.n_rows))
    data = data / np.maximum(norms, 1e-12)[counts.row_ids()]
    return SparseRows(counts.indptr, counts.indices, data, counts.n_features)


def fit_logistic(
    rows: SparseRows, y: FloatArray, train: IntArray, *, l2: float = 1e-4, steps: int = 400
) -> tuple[npt.NDArray[np.float32], float]:
    """L2-penalised logistic regression on the ``train`` rows (full-batch Adam, seeded by
    nothing: it starts from zero)."""
    in_train = np.zeros(rows.n_rows, dtype=bool)
    in_train[train] = True
    keep = in_train[rows.row_ids()]
    row_ids, cols, vals = rows.row_ids()[keep], rows.indices[keep], rows.data[keep]
    w = np.zeros(rows.n_features)
    bias = 0.0
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        z = np.bincount(row_ids, weights=vals * w[cols], minlength=rows.n_rows)[train] + bias
        residual = np.zeros(rows.n_rows)
        residual[train] = 1.0 / (1.0 + np.exp(-z)) - y[train]
        grad = np.bincount(cols, weights=vals * residual[row_ids], minlength=rows.n_features)
        grad = grad / train.size + l2 * w
        bias -= 0.05 * float(residual[train].mean())
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w.astype(np.float32), bias


def figures(gold: FloatArray, flagged: npt.NDArray[np.bool_]) -> str:
    hits = int(np.sum(flagged & (gold == 1)))
    precision = hits / max(int(flagged.sum()), 1)
    recall = hits / max(int(gold.sum()), 1)
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--annotations", type=Path, default=GOLD)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"{args.data}: not found (the shared data must be beside the checkout)")
        return 1
    texts, gold = seeker_labels(args.annotations, args.data)
    counts = build_rows(texts, N_FEATURES)
    fold = np.random.default_rng(args.seed).permutation(len(texts)) % args.folds
    probability = np.zeros(len(texts))
    for k in range(args.folds):
        train, held = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        idf, _, _ = fit_idf(counts, train)
        rows = weighted(counts, idf)
        w, bias = fit_logistic(rows, gold, train)
        probability[held] = 1.0 / (1.0 + np.exp(-(rows_dot(rows, held, w) + bias)))
    patterns = np.array([bool(crisis_cues(t)) for t in texts])
    print(
        f"{len(texts)} seeker posts (train + dev), {int(gold.sum())} flagged; "
        f"{args.folds}-fold cross-validation of the classifier"
    )
    print(f"patterns alone               {figures(gold, patterns)}")
    for t in THRESHOLDS:
        alone = figures(gold, probability >= t)
        either = figures(gold, (probability >= t) | patterns)
        print(f"classifier >= {t:.2f}: alone  {alone}   | patterns or classifier  {either}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
