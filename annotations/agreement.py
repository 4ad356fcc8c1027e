"""Inter-annotator agreement on the doubly annotated items (Cohen's kappa per label).

Usage: python annotations/agreement.py annotations/taxonomy-v1/gold.jsonl \
           annotations/taxonomy-v1/second_pass.jsonl

Prints a Markdown table: items compared, raw agreement, Cohen's kappa (unweighted) and, for
the 0/1/2 labels, linearly weighted kappa; then the same for presence (level >= 1 vs 0).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from carelens.annotations import LABEL_RANGES, read_annotations
from carelens.metrics import cohen_kappa


def main(first_path: str, second_path: str) -> None:
    first = {a.rp_id: a for a in read_annotations(first_path)}
    second = {a.rp_id: a for a in read_annotations(second_path)}
    shared = sorted(set(first) & set(second))
    print(f"{len(shared)} items annotated twice\n")
    print("| label | agreement | kappa | weighted kappa | presence kappa |")
    print("|---|---|---|---|---|")
    for name, top in LABEL_RANGES.items():
        a = [first[i].labels[name] for i in shared]
        b = [second[i].labels[name] for i in shared]
        agree = sum(x == y for x, y in zip(a, b, strict=True)) / len(shared)
        kappa = cohen_kappa(a, b)
        weighted = f"{cohen_kappa(a, b, 'linear'):.2f}" if top == 2 else "-"
        presence = (
            f"{cohen_kappa([int(x > 0) for x in a], [int(y > 0) for y in b]):.2f}"
            if top == 2
            else "-"
        )
        print(f"| {name} | {agree:.2f} | {kappa:.2f} | {weighted} | {presence} |")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
