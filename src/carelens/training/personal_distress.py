"""Train and export the personal-distress model (NumPy only; no torch, no scikit-learn).

Reproduces ``src/carelens/models/personal-distress`` from the essays of Buechel et al. (2018)
(``empathic-reactions/messages.csv``, CC BY 4.0)::

    python -m carelens.training.personal_distress \\
        --data ../shared/data/empathic-reactions/messages.csv \\
        --output src/carelens/models/personal-distress

Features are the hashed word n-grams of :func:`carelens.analysis.personal_distress.featurize`,
weighted by a smoothed idf counted on the train rows (used for every figure, CV included).
Ridge regression with an unpenalised intercept is solved exactly in its dual form: the Gram
matrix of all essays is computed once from the sparse rows, and for each training set the
centred Gram matrix is eigendecomposed so that every ``alpha`` costs one matrix product. The
rows are split 70/10/20 (seed 13) into train, dev and test; ``alpha`` and the "high" threshold
are chosen on dev; the shipped weights are fitted on train alone, so the test figures describe
the shipped file. A 10-fold cross-validation on train+dev (with the chosen ``alpha``) is
reported for comparison with the paper's .444, and a second one grouped by writer, because
each writer contributed five essays. The same data and code give the same bytes: there is no
clock, no unseeded randomness and no path in the output.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from carelens._version import __version__
from carelens.analysis.personal_distress import (
    FORMAT_VERSION,
    LABEL,
    MANIFEST,
    MODEL_ID,
    SCALE,
    WEIGHTS,
    WEIGHTS_DTYPE,
    PersonalDistressModel,
    featurize,
)
from carelens.errors import CarelensError, InputError
from carelens.inference.artifact import sha256_file

logger = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

SEED = 13
FRACTIONS = (0.7, 0.1, 0.2)
N_FEATURES = 2**18
ALPHAS = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0)
CV_FOLDS = 10
#: A gold Batson distress score at or above this counts as high when choosing the threshold.
HIGH_GOLD = 5.0
#: Candidate thresholds on the predicted score, tried on dev.
THRESHOLDS = tuple(round(1.0 + 0.05 * i, 2) for i in range(121))
DATA_CREDIT = (
    "Buechel, Buffone, Slaff, Ungar and Sedoc (2018), 'Modeling Empathy and Distress in "
    "Reaction to News Stories', EMNLP 2018; CC BY 4.0"
)


@dataclass(frozen=True, slots=True)
class Corpus:
    """Essays, their writers' Batson personal-distress scores and (when known) writer ids."""

    texts: list[str]
    distress: FloatArray
    writers: list[str] | None


@dataclass(frozen=True, slots=True)
class SparseRows:
    """A row-sparse matrix: row ``i`` holds ``data[indptr[i]:indptr[i+1]]`` at ``indices``."""

    indptr: IntArray
    indices: IntArray
    data: FloatArray
    n_features: int

    @property
    def n_rows(self) -> int:
        return int(self.indptr.size - 1)

    def row_ids(self) -> IntArray:
        return np.repeat(np.arange(self.n_rows, dtype=np.int64), np.diff(self.indptr))


def read_messages(path: str | Path) -> Corpus:
    """Read ``messages.csv`` (columns ``essay``, ``distress``; ``response_id`` if present)."""
    path = Path(path)
    texts: list[str] = []
    scores: list[float] = []
    writers: list[str] = []
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            fields = reader.fieldnames or []
            for column in ("essay", "distress"):
                if column not in fields:
                    raise InputError(
                        f"no {column!r} column (found {', '.join(fields) or 'none'}); "
                        "pass empathic-reactions/messages.csv",
                        path=str(path),
                        line=1,
                        field=column,
                    )
            has_writer = "response_id" in fields
            for row in reader:
                line = reader.line_num
                try:
                    score = float(row["distress"])
                except (TypeError, ValueError) as exc:
                    raise InputError(
                        f"distress {row['distress']!r} is not a number",
                        path=str(path),
                        line=line,
                        field="distress",
                    ) from exc
                if not SCALE[0] <= score <= SCALE[1]:
                    raise InputError(
                        f"distress {score} is outside the Batson scale 1-7",
                        path=str(path),
                        line=line,
                        field="distress",
                    )
                texts.append(row["essay"] or "")
                scores.append(score)
                if has_writer:
                    writers.append(row["response_id"] or "")
    except OSError as exc:
        raise InputError(f"cannot read the data file ({exc})", path=str(path)) from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"not a UTF-8 CSV file ({exc})", path=str(path)) from exc
    if len(texts) < 20:
        raise InputError(f"{len(texts)} rows are too few to split and train", path=str(path))
    return Corpus(texts, np.array(scores, dtype=np.float64), writers if has_writer else None)


def build_rows(
    texts: Sequence[str], n_features: int, idf: npt.NDArray[np.float32] | None = None
) -> SparseRows:
    """The hashed feature rows of ``texts`` (tf-idf when ``idf`` is given)."""
    columns: list[IntArray] = []
    values: list[FloatArray] = []
    indptr = [0]
    for text in texts:
        cols, vals = featurize(text, n_features, idf)
        columns.append(cols)
        values.append(vals)
        indptr.append(indptr[-1] + cols.size)
    return SparseRows(
        indptr=np.array(indptr, dtype=np.int64),
        indices=np.concatenate(columns) if columns else np.zeros(0, dtype=np.int64),
        data=np.concatenate(values) if values else np.zeros(0, dtype=np.float64),
        n_features=n_features,
    )


def gram_matrix(rows: SparseRows) -> FloatArray:
    """``X @ X.T`` for the sparse rows, one sparse product per row."""
    n = rows.n_rows
    row_ids = rows.row_ids()
    dense = np.zeros(rows.n_features, dtype=np.float64)
    gram = np.zeros((n, n), dtype=np.float64)
    for i in range(n):
        lo, hi = int(rows.indptr[i]), int(rows.indptr[i + 1])
        cols = rows.indices[lo:hi]
        dense[cols] = rows.data[lo:hi]
        gram[:, i] = np.bincount(row_ids, weights=rows.data * dense[rows.indices], minlength=n)
        dense[cols] = 0.0
    return gram


class DualRidge:
    """Ridge regression with an intercept on rows ``train``, for several ``alpha`` at once."""

    def __init__(self, gram: FloatArray, y: FloatArray, train: IntArray) -> None:
        self.train = train
        k = gram[np.ix_(train, train)]
        self.k_train = k
        centred = k - k.mean(axis=0) - k.mean(axis=1)[:, None] + k.mean()
        self.eigenvalues, self.eigenvectors = np.linalg.eigh((centred + centred.T) / 2.0)
        self.y_mean = float(y[train].mean())
        self.projected = self.eigenvectors.T @ (y[train] - self.y_mean)
        self.gram = gram

    def dual(self, alpha: float) -> FloatArray:
        coef: FloatArray = self.eigenvectors @ (self.projected / (self.eigenvalues + alpha))
        return coef

    def predict(self, alpha: float, rows: IntArray) -> FloatArray:
        coef = self.dual(alpha)
        offset = self.y_mean - float((self.k_train @ coef).mean())
        pred: FloatArray = self.gram[np.ix_(rows, self.train)] @ coef + offset
        return np.clip(pred, *SCALE)


def primal_weights(rows: SparseRows, train: IntArray, coef: FloatArray) -> FloatArray:
    """``X[train].T @ coef`` over the hashed columns."""
    weight_of_row = np.zeros(rows.n_rows, dtype=np.float64)
    weight_of_row[train] = coef
    weights = np.bincount(
        rows.indices, weights=rows.data * weight_of_row[rows.row_ids()], minlength=rows.n_features
    ).astype(np.float64)
    return weights


def pearson(pred: FloatArray, gold: FloatArray) -> float:
    """Pearson r; NaN when either side is constant."""
    if pred.size < 2 or np.std(pred) == 0.0 or np.std(gold) == 0.0:
        return math.nan
    return float(np.corrcoef(pred, gold)[0, 1])


def mae(pred: FloatArray, gold: FloatArray) -> float:
    return float(np.mean(np.abs(pred - gold)))


def split_rows(n: int, seed: int = SEED) -> tuple[IntArray, IntArray, IntArray]:
    """A seeded 70/10/20 split of row numbers into (train, dev, test), each sorted."""
    order = np.random.default_rng(seed).permutation(n)
    n_train = round(FRACTIONS[0] * n)
    n_dev = round(FRACTIONS[1] * n)
    parts = (order[:n_train], order[n_train : n_train + n_dev], order[n_train + n_dev :])
    train, dev, test = (np.sort(p).astype(np.int64) for p in parts)
    return train, dev, test


def cross_validate(
    gram: FloatArray,
    y: FloatArray,
    rows: IntArray,
    alpha: float,
    *,
    groups: Sequence[str] | None = None,
    folds: int = CV_FOLDS,
    seed: int = SEED,
) -> dict[str, Any]:
    """k-fold Pearson r over ``rows`` (mean over folds and pooled), by row or by group."""
    rng = np.random.default_rng(seed)
    keys = [str(r) if groups is None else groups[r] for r in rows.tolist()]
    unique = sorted(set(keys))
    folds = min(folds, len(unique))
    fold_of_key = {
        unique[k]: i % folds for i, k in enumerate(rng.permutation(len(unique)).tolist())
    }
    fold_of_row = np.array([fold_of_key[k] for k in keys], dtype=np.int64)
    pred = np.zeros(rows.size, dtype=np.float64)
    rs: list[float] = []
    for fold in range(folds):
        held = fold_of_row == fold
        model = DualRidge(gram, y, rows[~held])
        pred[held] = model.predict(alpha, rows[held])
        rs.append(pearson(pred[held], y[rows[held]]))
    finite = [r for r in rs if not math.isnan(r)]
    return {
        "folds": folds,
        "by": "row" if groups is None else "writer (response_id)",
        "pearson_r_mean": _round(sum(finite) / len(finite)) if finite else None,
        "pearson_r_pooled": _round(pearson(pred, y[rows])),
        "mae": _round(mae(pred, y[rows])),
    }


def choose_threshold(pred: FloatArray, gold: FloatArray) -> dict[str, Any]:
    """The threshold on predicted scores with the best F1 for gold >= :data:`HIGH_GOLD`."""
    best: dict[str, Any] | None = None
    for threshold in THRESHOLDS:
        figures = flag_figures(pred, gold, threshold)
        if best is None or figures["f1"] > best["f1"]:
            best = figures
    assert best is not None
    return best


def flag_figures(pred: FloatArray, gold: FloatArray, threshold: float) -> dict[str, Any]:
    flagged = pred > threshold
    actual = gold >= HIGH_GOLD
    hits = int(np.sum(flagged & actual))
    precision = hits / int(flagged.sum()) if flagged.any() else 0.0
    recall = hits / int(actual.sum()) if actual.any() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return {
        "threshold": threshold,
        "precision": _round(precision),
        "recall": _round(recall),
        "f1": _round(f1),
        "flagged": int(flagged.sum()),
        "n": int(pred.size),
    }


def _round(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 3)


def train_personal_distress(
    data: str | Path,
    output: str | Path,
    *,
    seed: int = SEED,
    n_features: int = N_FEATURES,
    alphas: Sequence[float] = ALPHAS,
    cv_folds: int = CV_FOLDS,
) -> dict[str, Any]:
    """Train on ``data``, export the model folder ``output`` and return its manifest."""
    corpus = read_messages(data)
    y = corpus.distress
    n = y.size
    train, dev, test = split_rows(n, seed)
    logger.info("featurising %d essays into %d hashed columns", n, n_features)
    idf, unseen_idf, seen = fit_idf(build_rows(corpus.texts, n_features), train)
    rows = build_rows(corpus.texts, n_features, idf)
    gram = gram_matrix(rows)

    ridge = DualRidge(gram, y, train)
    dev_r = {alpha: pearson(ridge.predict(alpha, dev), y[dev]) for alpha in alphas}
    alpha = max(alphas, key=lambda a: (-math.inf if math.isnan(dev_r[a]) else dev_r[a], a))
    logger.info("alpha %s chosen on dev (Pearson r %.3f)", alpha, dev_r[alpha])

    weights = primal_weights(rows, train, ridge.dual(alpha)).astype(np.float32)
    keep = np.flatnonzero(seen)
    table = np.zeros(keep.size, dtype=WEIGHTS_DTYPE)
    table["index"] = keep
    table["weight"] = weights[keep]
    table["idf"] = idf[keep]
    dense = np.zeros(n_features, dtype=np.float32)
    dense[keep] = table["weight"]
    train_dot = rows_dot(rows, train, dense)
    intercept = round(float(y[train].mean() - train_dot.mean()), 6)

    probe = PersonalDistressModel(dense, intercept, idf=idf, threshold=SCALE[1])
    dev_pred = probe.score_many(corpus.texts[i] for i in dev.tolist())
    test_pred = probe.score_many(corpus.texts[i] for i in test.tolist())
    threshold = choose_threshold(dev_pred, y[dev])
    train_dev = np.sort(np.concatenate([train, dev]))
    cv = cross_validate(gram, y, train_dev, alpha, folds=cv_folds, seed=seed)
    cv_writer = (
        cross_validate(gram, y, train_dev, alpha, groups=corpus.writers, folds=cv_folds, seed=seed)
        if corpus.writers is not None
        else None
    )

    data_path = Path(data)
    manifest: dict[str, Any] = {
        "model_id": MODEL_ID,
        "format_version": FORMAT_VERSION,
        "carelens_version": __version__,
        "task": "regression of the writer's Batson personal distress (1-7) from their text",
        "label": LABEL,
        "features": {
            "tokens": "regex [a-z0-9]+(?:['\\u2019][a-z0-9]+)*, case-insensitive, lower-cased",
            "ngrams": "word unigrams 'u:w' and bigrams 'b:w1 w2' (no bigram across .!?;: or \\n)",
            "hash": "zlib.crc32 of the UTF-8 key, modulo n_features",
            "n_features": n_features,
            "tf": "sublinear 1 + log(count)",
            "idf": {
                "formula": "ln((1 + n) / (1 + df)) + 1, df over the n train rows",
                "n": int(train.size),
                "unseen": unseen_idf,
            },
            "norm": "l2",
        },
        "model": {
            "type": "ridge regression, dual closed form, unpenalised intercept",
            "alpha": alpha,
            "alphas_tried": list(alphas),
            "dev_pearson_r_by_alpha": {str(a): _round(r) for a, r in dev_r.items()},
            "intercept": intercept,
            "stored_weights": int(keep.size),
            "clip": list(SCALE),
            "fitted_on": "train",
        },
        "threshold": {
            "high": threshold["threshold"],
            "chosen_on": "dev",
            "criterion": f"best F1 of score > threshold for gold distress >= {HIGH_GOLD}",
            "dev": threshold,
            "test": flag_figures(test_pred, y[test], threshold["threshold"]),
        },
        "data": {
            "file": f"{data_path.parent.name}/{data_path.name}",
            "sha256": sha256_file(data_path),
            "rows": n,
            "target": "distress",
            "source": DATA_CREDIT,
        },
        "split": {
            "by": "row",
            "seed": seed,
            "fractions": list(FRACTIONS),
            "sizes": {"train": int(train.size), "dev": int(dev.size), "test": int(test.size)},
        },
        "evaluation": {
            "dev": {
                "pearson_r": _round(pearson(dev_pred, y[dev])),
                "mae": _round(mae(dev_pred, y[dev])),
                "mae_of_train_mean": _round(mae(np.full(dev.size, y[train].mean()), y[dev])),
                "n": int(dev.size),
            },
            "test": {
                "pearson_r": _round(pearson(test_pred, y[test])),
                "mae": _round(mae(test_pred, y[test])),
                "mae_of_train_mean": _round(mae(np.full(test.size, y[train].mean()), y[test])),
                "n": int(test.size),
            },
            "cv_train_dev": cv,
            "cv_train_dev_by_writer": cv_writer,
            "published": "10-fold CV Pearson r .444 (CNN, Buechel et al. 2018; other split)",
        },
    }

    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    np.save(folder / WEIGHTS, table, allow_pickle=False)
    manifest["files"] = {WEIGHTS: sha256_file(folder / WEIGHTS)}
    (folder / MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return manifest


def fit_idf(
    counts: SparseRows, train: IntArray
) -> tuple[npt.NDArray[np.float32], float, npt.NDArray[np.bool_]]:
    """Smoothed idf over the ``train`` rows: the dense idf, the unseen-column idf, the seen mask.

    Only which columns a row has matters here, so ``counts`` may be unweighted rows.
    """
    in_train = np.zeros(counts.n_rows, dtype=bool)
    in_train[train] = True
    df = np.bincount(counts.indices[in_train[counts.row_ids()]], minlength=counts.n_features)
    n = float(train.size)
    idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
    unseen = float(np.float32(math.log(1.0 + n) + 1.0))
    return idf, unseen, df > 0


def rows_dot(rows: SparseRows, which: IntArray, weights: npt.NDArray[np.float32]) -> FloatArray:
    """``X[which] @ weights`` for the sparse rows."""
    products = rows.data * weights[rows.indices].astype(np.float64)
    out = np.bincount(rows.row_ids(), weights=products, minlength=rows.n_rows).astype(np.float64)
    return out[which]


def summary(manifest: dict[str, Any], output: str | Path) -> list[str]:
    """The lines the command prints."""
    ev = manifest["evaluation"]
    model = manifest["model"]
    th = manifest["threshold"]
    sizes = manifest["split"]["sizes"]
    by_alpha = ", ".join(f"{a}: {r}" for a, r in model["dev_pearson_r_by_alpha"].items())
    lines = [
        f"data: {manifest['data']['file']} ({manifest['data']['rows']} rows, "
        f"sha256 {manifest['data']['sha256'][:12]})",
        f"split by row, seed {manifest['split']['seed']}: train {sizes['train']}, "
        f"dev {sizes['dev']}, test {sizes['test']}",
        f"dev Pearson r by alpha: {by_alpha}",
        f"alpha chosen on dev: {model['alpha']}",
    ]
    for part in ("dev", "test"):
        f = ev[part]
        lines.append(
            f"{part + ':':5} Pearson r {f['pearson_r']}, MAE {f['mae']} (n={f['n']}; MAE of "
            f"predicting the train mean {f['mae_of_train_mean']})"
        )
    for key in ("cv_train_dev", "cv_train_dev_by_writer"):
        cv = ev[key]
        if cv is not None:
            lines.append(
                f"{cv['folds']}-fold CV on train+dev by {cv['by']}: Pearson r "
                f"{cv['pearson_r_mean']} (mean of folds; pooled {cv['pearson_r_pooled']}), "
                f"MAE {cv['mae']}"
            )
    lines.append("published (CNN, 10-fold CV, other split): Pearson r .444")
    for part in ("dev", "test"):
        f = th[part]
        lines.append(
            f"high threshold {th['high']} ({part}, gold >= {HIGH_GOLD}): precision "
            f"{f['precision']}, recall {f['recall']}, F1 {f['f1']} ({f['flagged']}/{f['n']} "
            "flagged)"
        )
    size = (Path(output) / WEIGHTS).stat().st_size
    lines.append(
        f"wrote {output}: {WEIGHTS} ({model['stored_weights']} weights, {size} bytes), {MANIFEST}"
    )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m carelens.training.personal_distress",
        description="Train and export the carelens personal-distress model.",
    )
    parser.add_argument("--data", required=True, help="empathic-reactions/messages.csv")
    parser.add_argument("--output", required=True, help="model folder to write")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--n-features", type=int, default=N_FEATURES)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        manifest = train_personal_distress(
            args.data, args.output, seed=args.seed, n_features=args.n_features
        )
    except CarelensError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for line in summary(manifest, args.output):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
