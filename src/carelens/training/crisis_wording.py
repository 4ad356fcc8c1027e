"""Train and export the learned crisis flag (NumPy only; no torch, no scikit-learn).

Reproduces ``src/carelens/models/crisis-wording`` from the project's annotations (the
``crisis`` label of each seeker post, train and dev parts; the test part is never read) and
the seeker posts of the EPITOME file::

    python -m carelens.training.crisis_wording \\
        --data ../shared/data/epitome-reddit/epitome_reddit_public.csv \\
        --annotations annotations/taxonomy-v1/gold.jsonl \\
        --written annotations/crisis-written-v1/messages.jsonl \\
        --written annotations/crisis-written-v2/messages.jsonl \\
        --output src/carelens/models/crisis-wording

``--written`` adds messages the project wrote and labelled itself (veiled disclosures and
their near misses, which the annotated posts hold few of): each line of the JSON Lines file is
``{"text": ..., "label": "CUE" | "NO"}`` (other fields are kept for people and ignored here).
Give it once per file (``--written v1/messages.jsonl --written v2/messages.jsonl``); the
manifest names each file with its counts. They are fitted beside the posts; the
cross-validation folds run over both and report the annotated posts and the written messages
apart.

The model is an L2-penalised logistic regression over the hashed word n-grams of
:func:`carelens.analysis.personal_distress.featurize` (sublinear tf, smoothed idf, L2 norm),
fitted by full-batch Adam from zero (no randomness). A post is flagged when its probability
reaches :data:`THRESHOLD`; the analyzer asks the model only about posts the crisis-cue
patterns did not flag (:mod:`carelens.analysis.crisis_model`). The threshold was chosen from a
5-fold cross-validation on train + dev before any test figure (``benchmarks/
crisis_classifier_cv.py``: patterns or classifier, F1 0.849 at 0.5, the best of 0.35-0.6);
the same cross-validation is repeated here and written into the manifest. The shipped weights
are fitted on all train + dev posts. The same data and code give the same bytes on one kind of
CPU: there is no clock and no unseeded randomness in the output.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from carelens._version import __version__
from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_model import LABEL, MODEL_ID
from carelens.analysis.personal_distress import FORMAT_VERSION, WEIGHTS, WEIGHTS_DTYPE
from carelens.annotations import read_annotations
from carelens.errors import CarelensError, InputError
from carelens.inference.artifact import MANIFEST, sha256_file
from carelens.training.personal_distress import SparseRows, build_rows, fit_idf, rows_dot

logger = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

N_FEATURES = 2**18
L2 = 1e-4
STEPS = 400
LEARNING_RATE = 0.05
#: Probability at or above which a post the patterns missed is flagged.
THRESHOLD = 0.5
CV_FOLDS = 5
SEED = 0
#: The annotation parts the model learns from (the test part stays held out).
PARTS = ("train", "dev")
DATA_CREDIT = (
    "seeker posts: EPITOME Reddit (Sharma et al., EMNLP 2020), research and non-commercial "
    "use; crisis labels: the project's annotations (annotations/taxonomy-v1, Apache-2.0)"
)
WRITTEN_CREDIT = "messages written and labelled by the project (Apache-2.0)"
#: The labels of a written message: flagged or not.
WRITTEN_LABELS = {"CUE": 1.0, "NO": 0.0}


def seeker_labels(
    data: str | Path, annotations: str | Path, parts: Sequence[str] = PARTS
) -> tuple[list[str], FloatArray]:
    """The seeker posts of the annotated ``parts`` and their crisis label (1 when any
    annotated response to the post flags it), ordered by post id."""
    labels: dict[str, int] = {}
    for annotation in read_annotations(annotations):
        if annotation.part in parts:
            crisis = int(annotation.labels["crisis"])
            labels[annotation.sp_id] = max(labels.get(annotation.sp_id, 0), crisis)
    texts: dict[str, str] = {}
    try:
        with Path(data).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                texts.setdefault(row["sp_id"], row["seeker_post"])
    except (OSError, KeyError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read seeker posts ({exc})", path=str(data)) from exc
    missing = sorted(sp for sp in labels if sp not in texts)
    if missing:
        raise InputError(
            f"{len(missing)} annotated seeker posts are not in the data (first: {missing[0]})",
            path=str(data),
        )
    ids = sorted(labels)
    return [texts[sp] for sp in ids], np.array([labels[sp] for sp in ids], dtype=np.float64)


def written_labels(path: str | Path) -> tuple[list[str], FloatArray]:
    """The texts and labels (1 for ``CUE``, 0 for ``NO``) of a JSON Lines file of messages
    the project wrote, in file order. Any bad line is an :class:`InputError` naming the file,
    the line and the field: a training set is fixed before the run, so nothing is skipped."""
    texts: list[str] = []
    labels: list[float] = []
    where = str(path)
    try:
        with Path(path).open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"not JSON ({exc.msg})", path=where, line=number) from exc
                if not isinstance(record, dict):
                    raise InputError("a line must be a JSON object", path=where, line=number)
                text = record.get("text")
                if not isinstance(text, str) or not text.strip():
                    raise InputError(
                        "needs a non-empty text", path=where, line=number, field="text"
                    )
                label = record.get("label")
                if label not in WRITTEN_LABELS:
                    raise InputError(
                        f"label must be CUE or NO, not {label!r}",
                        path=where,
                        line=number,
                        field="label",
                    )
                texts.append(text)
                labels.append(WRITTEN_LABELS[label])
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read written messages ({exc})", path=where) from exc
    if not texts:
        raise InputError("holds no messages", path=where)
    return texts, np.array(labels, dtype=np.float64)


def weighted(counts: SparseRows, idf: npt.NDArray[np.float32]) -> SparseRows:
    """``counts`` (sublinear tf) times ``idf``, each row scaled to unit L2 norm, as
    :func:`~carelens.analysis.personal_distress.featurize` weights one text."""
    data = counts.data * idf[counts.indices].astype(np.float64)
    norms = np.sqrt(np.bincount(counts.row_ids(), weights=data * data, minlength=counts.n_rows))
    data = data / np.maximum(norms, 1e-12)[counts.row_ids()]
    return SparseRows(counts.indptr, counts.indices, data, counts.n_features)


def fit_logistic(
    rows: SparseRows, y: FloatArray, train: IntArray, *, l2: float = L2, steps: int = STEPS
) -> tuple[npt.NDArray[np.float32], float]:
    """L2-penalised logistic regression on the ``train`` rows (full-batch Adam from zero;
    the intercept is not penalised). Returns the dense weights and the intercept."""
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
        bias -= LEARNING_RATE * float(residual[train].mean())
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= LEARNING_RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w.astype(np.float32), bias


def cross_validated(
    counts: SparseRows, y: FloatArray, *, folds: int = CV_FOLDS, seed: int = SEED
) -> FloatArray:
    """Each post's probability from a model fitted on the other folds (idf included)."""
    fold = np.random.default_rng(seed).permutation(counts.n_rows) % folds
    probability = np.zeros(counts.n_rows)
    for k in range(folds):
        train, held = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        idf, _, _ = fit_idf(counts, train)
        rows = weighted(counts, idf)
        w, bias = fit_logistic(rows, y, train)
        probability[held] = 1.0 / (1.0 + np.exp(-(rows_dot(rows, held, w) + bias)))
    return probability


def flag_figures(gold: FloatArray, flagged: npt.NDArray[np.bool_]) -> dict[str, Any]:
    """Precision, recall and F1 of ``flagged`` against ``gold`` (1 = flagged by annotators)."""
    hits = int(np.sum(flagged & (gold == 1)))
    precision = hits / int(flagged.sum()) if flagged.any() else 0.0
    recall = hits / int(gold.sum()) if gold.any() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "flagged": int(flagged.sum()),
    }


def train_crisis_wording(
    data: str | Path,
    annotations: str | Path,
    output: str | Path,
    *,
    written: str | Path | Sequence[str | Path] | None = None,
) -> dict[str, Any]:
    """Fit, cross-validate and export the model to ``output``; returns its manifest.
    ``written``: one JSON Lines file, or several, of project-written messages fitted beside the
    annotated posts (:func:`written_labels`), in the order given."""
    posts, y_posts = seeker_labels(data, annotations)
    if not y_posts.any() or y_posts.all():
        raise InputError("the annotations need flagged and unflagged seeker posts")
    files = _written_files(written)
    extra: list[str] = []
    per_file: list[dict[str, Any]] = []
    labels_of_files: list[FloatArray] = []
    for file in files:
        file_texts, file_labels = written_labels(file)
        extra += file_texts
        labels_of_files.append(file_labels)
        per_file.append(
            {
                "file": _shown_name(file),
                "messages": len(file_texts),
                "flagged": int(file_labels.sum()),
            }
        )
    y_extra = np.concatenate(labels_of_files) if labels_of_files else np.zeros(0)
    texts, y = posts + extra, np.concatenate([y_posts, y_extra])
    counts = build_rows(texts, N_FEATURES)
    logger.info(
        "%d seeker posts (%d flagged) and %d written messages (%d flagged); cross-validating",
        len(posts),
        int(y_posts.sum()),
        len(extra),
        int(y_extra.sum()),
    )
    probability = cross_validated(counts, y)
    patterns = np.array([bool(crisis_cues(t)) for t in texts])
    is_post = np.arange(len(texts)) < len(posts)
    everything = np.arange(len(texts), dtype=np.int64)
    idf, unseen, seen = fit_idf(counts, everything)
    w, bias = fit_logistic(weighted(counts, idf), y, everything)
    columns = np.flatnonzero(seen)
    table = np.zeros(columns.size, dtype=WEIGHTS_DTYPE)
    table["index"] = columns
    table["weight"] = w[columns]
    table["idf"] = idf[columns]
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    np.save(folder / WEIGHTS, table, allow_pickle=False)
    manifest: dict[str, Any] = {
        "model_id": MODEL_ID,
        "format_version": FORMAT_VERSION,
        "carelens_version": __version__,
        "task": "flag seeker posts that annotators flagged for suicide or self-harm wording, "
        "beside the crisis-cue patterns (a pointer for a person to read, never a risk score)",
        "label": LABEL,
        "features": {
            "tokens": "regex [a-z0-9]+(?:['\\u2019][a-z0-9]+)*, case-insensitive, lower-cased",
            "ngrams": "word unigrams 'u:w' and bigrams 'b:w1 w2' (no bigram across .!?;: or \\n)",
            "hash": "zlib.crc32 of the UTF-8 key, modulo n_features",
            "n_features": N_FEATURES,
            "tf": "sublinear 1 + log(count)",
            "idf": {
                "formula": "ln((1 + n) / (1 + df)) + 1, df over the n training posts",
                "n": len(texts),
                "unseen": unseen,
            },
            "norm": "l2",
        },
        "model": {
            "type": "logistic regression, full-batch Adam from zero, unpenalised intercept",
            "l2": L2,
            "steps": STEPS,
            "learning_rate": LEARNING_RATE,
            "intercept": bias,
            "columns": int(columns.size),
        },
        "threshold": {"flag": THRESHOLD},
        "data": {
            "annotations": Path(annotations).name,
            "parts": list(PARTS),
            "posts": len(posts),
            "flagged": int(y_posts.sum()),
            "credit": DATA_CREDIT,
        },
        "cross_validation": {
            "folds": CV_FOLDS,
            "seed": SEED,
            **_fold_figures(y, patterns, probability, is_post),
        },
        "files": {WEIGHTS: sha256_file(folder / WEIGHTS)},
    }
    if files:
        manifest["data"]["written"] = {
            "files": per_file,
            "messages": len(extra),
            "flagged": int(y_extra.sum()),
            "credit": WRITTEN_CREDIT,
        }
        manifest["cross_validation"]["written"] = _fold_figures(y, patterns, probability, ~is_post)
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _written_files(written: str | Path | Sequence[str | Path] | None) -> list[Path]:
    """``written`` as a list of files: none, one, or several in the order given."""
    if written is None:
        return []
    if isinstance(written, (str, Path)):
        return [Path(written)]
    return [Path(file) for file in written]


def _shown_name(file: Path) -> str:
    """A written file as the manifest names it: its folder and its name
    (``crisis-written-v1/messages.jsonl``), never the path it was read from."""
    return f"{file.parent.name}/{file.name}" if file.parent.name else file.name


def _fold_figures(
    y: FloatArray,
    patterns: npt.NDArray[np.bool_],
    probability: FloatArray,
    rows: npt.NDArray[np.bool_],
) -> dict[str, Any]:
    """The cross-validated figures of the patterns, the classifier and either, on ``rows``."""
    flagged = probability >= THRESHOLD
    return {
        "patterns": flag_figures(y[rows], patterns[rows]),
        "classifier": flag_figures(y[rows], flagged[rows]),
        "patterns_or_classifier": flag_figures(y[rows], (patterns | flagged)[rows]),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m carelens.training.crisis_wording", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--data", required=True, help="the EPITOME Reddit CSV (seeker posts)")
    parser.add_argument("--annotations", required=True, help="annotations/taxonomy-v1/gold.jsonl")
    parser.add_argument(
        "--written",
        action="append",
        help="project-written messages, JSON Lines of {text, label: CUE|NO}, fitted beside "
        "(give it once per file)",
    )
    parser.add_argument("--output", required=True, help="model folder to write")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        manifest = train_crisis_wording(
            args.data, args.annotations, args.output, written=args.written
        )
    except CarelensError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    cv = manifest["cross_validation"]
    for rows, figures_of in (("posts", cv), ("written", cv.get("written"))):
        if figures_of is None:
            continue
        for name in ("patterns", "classifier", "patterns_or_classifier"):
            figures = figures_of[name]
            print(
                f"{rows:<8} {name:<24} precision {figures['precision']:.3f}  "
                f"recall {figures['recall']:.3f}  F1 {figures['f1']:.3f}"
            )
    print(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
