"""Accuracy, macro-F1 and confusions of :class:`carelens.topics.TopicModel` on the topic set.

The set (``tests/data/topics/topics_eval.jsonl``) is written for this project: 125 short
seeker messages, ten per default category and fifteen that belong to none ("other",
``"category": null``). Alternate messages of each category are ``dev`` (used to write the
category descriptions and choose ``min_score``) and ``heldout`` (only scored, never used to
tune), so the held-out figures are the honest estimate. Macro-F1 averages the F1 of every
category and of "other". Run::

    PYTHONPATH=src python benchmarks/topics_quality.py
    PYTHONPATH=src python benchmarks/topics_quality.py --split dev --sweep --errors
    PYTHONPATH=src python benchmarks/topics_quality.py --categories my_topics.json
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from carelens.topics import DEFAULT_MIN_SCORE, TopicAssignment, TopicCategories, TopicModel

DEFAULT_DATA = Path(__file__).resolve().parents[1] / "tests/data/topics/topics_eval.jsonl"
SPLITS = ("dev", "heldout")
OTHER = "other"


@dataclass(frozen=True)
class Case:
    id: str
    split: str
    category: str | None
    text: str


@dataclass(frozen=True)
class Scores:
    n: int
    accuracy: float
    macro_f1: float
    per_label: dict[str, tuple[float, float, float, int]]  # precision, recall, f1, support
    confusions: list[tuple[str, str, int]]  # gold, predicted, count (errors only)


def read_cases(path: Path = DEFAULT_DATA) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            cases.append(Case(row["id"], row["split"], row["category"], row["text"]))
    return cases


def score(gold: Sequence[str | None], predicted: Sequence[str | None]) -> Scores:
    """Accuracy, macro-F1 over every label seen in ``gold`` or ``predicted``, confusions."""
    g = [x or OTHER for x in gold]
    p = [x or OTHER for x in predicted]
    labels = sorted(set(g) | set(p))
    per_label: dict[str, tuple[float, float, float, int]] = {}
    for label in labels:
        tp = sum(a == label == b for a, b in zip(g, p, strict=True))
        n_pred, n_gold = p.count(label), g.count(label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = (precision, recall, f1, n_gold)
    n = len(g)
    accuracy = sum(a == b for a, b in zip(g, p, strict=True)) / n if n else 0.0
    macro_f1 = sum(v[2] for v in per_label.values()) / len(per_label) if per_label else 0.0
    errors = Counter((a, b) for a, b in zip(g, p, strict=True) if a != b)
    confusions = [(a, b, c) for (a, b), c in sorted(errors.items(), key=lambda x: (-x[1], x[0]))]
    return Scores(n, accuracy, macro_f1, per_label, confusions)


def evaluate(
    model: TopicModel, cases: Sequence[Case], *, min_score: float = DEFAULT_MIN_SCORE
) -> tuple[Scores, list[TopicAssignment]]:
    assignments = model.assign([c.text for c in cases], min_score=min_score)
    return score([c.category for c in cases], [a.category for a in assignments]), assignments


def report(name: str, scores: Scores, *, per_label: bool) -> None:
    print(f"{name}: n={scores.n} accuracy={scores.accuracy:.3f} macro_f1={scores.macro_f1:.3f}")
    if per_label:
        for label, (precision, recall, f1, support) in scores.per_label.items():
            print(f"  {label:<24} P={precision:.2f} R={recall:.2f} F1={f1:.2f} n={support}")
    if scores.confusions:
        shown = ", ".join(f"{a} -> {b} x{c}" for a, b, c in scores.confusions[:8])
        print(f"  confusions (gold -> predicted): {shown}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--categories", type=Path, default=None, help="categories JSON file")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default=None)
    parser.add_argument("--min-score", type=float, default=DEFAULT_MIN_SCORE)
    parser.add_argument("--sweep", action="store_true", help="accuracy over min_score values")
    parser.add_argument("--errors", action="store_true", help="list every wrong assignment")
    parser.add_argument("--per-label", action="store_true", help="precision/recall per label")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)

    from carelens.topics import Embedder

    categories = TopicCategories.load(args.categories)
    model = TopicModel(Embedder.load(threads=args.threads), categories)
    cases = read_cases(args.data)
    splits = [args.split] if args.split else [*SPLITS, "all"]
    print(f"min_score={args.min_score} categories={len(categories)} data={args.data.name}")
    for split in splits:
        part = [c for c in cases if split in ("all", c.split)]
        scores, assignments = evaluate(model, part, min_score=args.min_score)
        report(split, scores, per_label=args.per_label)
        if args.errors:
            for case, got in zip(part, assignments, strict=True):
                if case.category != got.category:
                    print(
                        f"    {case.id} gold={case.category or OTHER} got={got.category or OTHER}"
                        f" ({got.score:.3f}, next {got.runner_up}) {case.text}"
                    )
        if args.sweep:
            matrix = model.scores([c.text for c in part])
            best = [categories.names[int(i)] for i in matrix.argmax(axis=1)]
            top = matrix.max(axis=1)
            for threshold in [round(0.1 + 0.025 * k, 3) for k in range(17)]:
                predicted = [b if t >= threshold else None for b, t in zip(best, top, strict=True)]
                s = score([c.category for c in part], predicted)
                print(f"  sweep min_score={threshold:.3f} acc={s.accuracy:.3f} f1={s.macro_f1:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
