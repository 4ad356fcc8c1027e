"""Inter-annotator agreement on the doubly annotated items (Cohen's kappa per label).

Usage: python annotations/agreement.py annotations/taxonomy-v1/gold.jsonl \
           annotations/taxonomy-v1/second_pass.jsonl

Prints a Markdown table: items compared, raw agreement, Cohen's kappa (unweighted) and, for
the 0/1/2 labels, linearly weighted kappa; then the same for presence (level >= 1 vs 0).
Items annotated in only the second file are counted and the first few named (the second
file is a subset of the first, so each of them is a mistyped or foreign rp_id). When both
annotators gave one and the same value to every item the kappa is undefined (there is no
chance agreement to correct for) and is shown as "n/a (one class)". A file that cannot be
read (missing, not an annotation file, an rp_id repeated) or no item in both files is one
line of error and exit status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from carelens.annotations import LABEL_RANGES, Annotation, read_annotations
from carelens.errors import InputError
from carelens.metrics import cohen_kappa

#: How many of the items found in one file only are named.
SHOWN = 5


def _kappa(a: Sequence[int], b: Sequence[int], weights: str | None = None) -> str:
    """Cohen's kappa to two places, or "n/a (one class)" when it is undefined."""
    if len(set(a) | set(b)) < 2:
        return "n/a (one class)"
    return f"{cohen_kappa(a, b, weights):.2f}"


def _read(path: str) -> dict[str, Annotation]:
    try:
        return {a.rp_id: a for a in read_annotations(path)}
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a folder, not an annotation file", path=path) from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", help="the first-pass annotations (e.g. gold.jsonl)")
    parser.add_argument("second", help="the second-pass annotations of some of its items")
    args = parser.parse_args(argv)
    try:
        first, second = _read(args.first), _read(args.second)
    except (InputError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    shared = sorted(set(first) & set(second))
    only_second = sorted(set(second) - set(first))
    if only_second:
        shown = ", ".join(only_second[:SHOWN]) + (", ..." if len(only_second) > SHOWN else "")
        print(
            f"{len(only_second)} items of {args.second} are not in {args.first} "
            f"(left out: {shown})",
            file=sys.stderr,
        )
    if not shared:
        print(
            f"error: no item is annotated in both {args.first} ({len(first)} items) and "
            f"{args.second} ({len(second)} items)",
            file=sys.stderr,
        )
        return 1
    print(f"{len(shared)} items annotated twice\n")
    print("| label | agreement | kappa | weighted kappa | presence kappa |")
    print("|---|---|---|---|---|")
    for name, top in LABEL_RANGES.items():
        a = [first[i].labels[name] for i in shared]
        b = [second[i].labels[name] for i in shared]
        agree = sum(x == y for x, y in zip(a, b, strict=True)) / len(shared)
        weighted = _kappa(a, b, "linear") if top == 2 else "-"
        presence = _kappa([int(x > 0) for x in a], [int(y > 0) for y in b]) if top == 2 else "-"
        print(f"| {name} | {agree:.2f} | {_kappa(a, b)} | {weighted} | {presence} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
