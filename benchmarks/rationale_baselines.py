"""Trivial baselines for EPITOME's rationale token-F1 and IOU-F1, next to the shipped model.

EPITOME's rationale figures are averaged over the responses that have a gold rationale, so
they reward marking a lot. This prints, for a part of the shipped model's own split, what
two baselines that look at nothing score, and what the model's shown spans score:

* ``mark everything``: every word of every response;
* ``first sentence``: the response's first sentence;
* ``model (shown spans)``: the shipped model's spans, as ``carelens evaluate`` scores them.

Run (needs ``../shared/data`` beside the checkout)::

    .venv/bin/python benchmarks/rationale_baselines.py --split dev
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np
from bench_common import EPITOME, epitome_rows

import carelens
from carelens import metrics
from carelens.evaluation import evaluate, model_split_ids

COLUMNS = ("emotional_reactions", "interpretations", "explorations")
_FIRST_SENTENCE = re.compile(r"[^.!?\n]*[.!?]*")


def baseline_scores(rows: list[dict[str, str]], column: str, mark: str) -> tuple[float, float]:
    gold, pred = [], []
    for row in rows:
        text = row["response_post"]
        gold_mask = metrics.rationale_char_mask(text, row.get(f"{column}_rationales") or "")
        if mark == "everything":
            pred_mask = np.ones(len(text), dtype=bool)
        else:
            first = _FIRST_SENTENCE.match(text)
            pred_mask = metrics.spans_to_char_mask(len(text), [first.span()] if first else [])
        gold.append(metrics.char_mask_to_word_labels(text, gold_mask))
        pred.append(metrics.char_mask_to_word_labels(text, pred_mask))
    token_f1, iou_f1, _ = metrics.rationale_scores(gold, pred)
    return token_f1, iou_f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    parser.add_argument("--data", type=Path, default=EPITOME)
    args = parser.parse_args()
    every = epitome_rows(args.data, needs="this script needs ../shared/data beside the checkout")
    analyzer = carelens.load()
    ids = model_split_ids(args.data, analyzer.artifact.manifest, args.split)
    rows = [row for row in every if row["rp_id"] in ids]
    report = evaluate(args.data, analyzer, ids=ids, split=args.split)
    print(f"rationale token-F1 / IOU-F1 on the {args.split} split ({len(rows)} pairs)")
    print(f"{'':22}" + "".join(f"{c:>24}" for c in COLUMNS))
    for label, mark in (("mark everything", "everything"), ("first sentence", "first")):
        cells = [baseline_scores(rows, c, mark) for c in COLUMNS]
        print(f"{label:22}" + "".join(f"{t:>15.3f} / {i:.3f}" for t, i in cells))
    cells = [(report[c].token_f1 or 0.0, report[c].iou_f1 or 0.0) for c in COLUMNS]
    print(f"{'model (shown spans)':22}" + "".join(f"{t:>15.3f} / {i:.3f}" for t, i in cells))


if __name__ == "__main__":
    main()
