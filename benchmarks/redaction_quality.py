"""Precision, recall and F1 of :func:`carelens.privacy.find_personal` on the redaction set.

The set (``tests/data/privacy/redaction_set.jsonl``) is written for this project: short
support-forum sentences with fictional contact details (555 numbers, Ofcom drama numbers,
``example.com``) and gold spans ``{"start", "end", "kind"}``; about a quarter hold no personal
data at all (dates, money, counts, subreddits, emoticons, hotline short codes). Each case
belongs to a ``split``: ``dev`` cases were written while the patterns were being tuned,
``heldout`` cases only after the patterns were finished, so the held-out figures are the
honest estimate.

Two ways of matching a found span to a gold span of the same kind are reported:

* **exact**: same start and end;
* **overlap**: at least one character in common (the data was found, perhaps with more or
  fewer characters around it).

A found span counts towards precision when it matches some gold span, and a gold span
counts towards recall when some found span matches it. Run::

    PYTHONPATH=src python benchmarks/redaction_quality.py
    PYTHONPATH=src python benchmarks/redaction_quality.py --split heldout --errors
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from carelens.privacy import KINDS, Redaction, find_personal

DEFAULT_DATA = Path(__file__).resolve().parents[1] / "tests/data/privacy/redaction_set.jsonl"
MATCHES = ("exact", "overlap")
SPLITS = ("dev", "heldout")

Span = tuple[int, int, str]


@dataclass(frozen=True)
class Case:
    id: str
    split: str
    text: str
    spans: tuple[Span, ...]


@dataclass
class Counts:
    """Gold and found spans of one kind, and how many of each matched."""

    gold: int = 0
    found: int = 0
    gold_matched: int = 0
    found_matched: int = 0

    @property
    def precision(self) -> float:
        return self.found_matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.gold_matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Counts per match mode and kind (``"overall"`` sums the kinds), and the mistakes."""

    cases: int = 0
    counts: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: {m: {k: Counts() for k in (*KINDS, "overall")} for m in MATCHES}
    )
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (id, kind, text)
    false_alarms: list[tuple[str, str, str]] = field(default_factory=list)

    def overall(self, match: str = "overlap") -> Counts:
        return self.counts[match]["overall"]


def load_cases(path: Path = DEFAULT_DATA) -> list[Case]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        text = record["text"]
        spans = tuple((s["start"], s["end"], s["kind"]) for s in record["spans"])
        for start, end, kind in spans:
            if not (0 <= start < end <= len(text)) or kind not in KINDS:
                raise ValueError(f"{path}, line {number}: bad gold span {start, end, kind}")
        cases.append(Case(record["id"], record.get("split", "dev"), text, spans))
    return cases


def _matches(a: Span, b: Span, match: str) -> bool:
    if a[2] != b[2]:
        return False
    if match == "exact":
        return a[:2] == b[:2]
    return a[0] < b[1] and b[0] < a[1]


def evaluate(
    cases: Sequence[Case], find: Callable[[str], list[Redaction]] = find_personal
) -> Report:
    """Score ``find`` on ``cases`` (see the module docstring for the two match modes)."""
    report = Report(cases=len(cases))
    for case in cases:
        found = [(r.start, r.end, r.kind) for r in find(case.text)]
        for match in MATCHES:
            table = report.counts[match]
            for span in case.spans:
                hit = any(_matches(span, f, match) for f in found)
                for key in (span[2], "overall"):
                    table[key].gold += 1
                    table[key].gold_matched += hit
                if match == "overlap" and not hit:
                    report.misses.append((case.id, span[2], case.text[span[0] : span[1]]))
            for span in found:
                hit = any(_matches(span, g, match) for g in case.spans)
                for key in (span[2], "overall"):
                    table[key].found += 1
                    table[key].found_matched += hit
                if match == "overlap" and not hit:
                    report.false_alarms.append((case.id, span[2], case.text[span[0] : span[1]]))
    return report


def format_report(report: Report, title: str) -> str:
    head = f"{'kind':<9}{'gold':>6}{'found':>7}"
    for match in MATCHES:
        head += f"  | {match + ' P':>9}{'R':>7}{'F1':>7}"
    lines = [f"{title}: {report.cases} cases", head, "-" * len(head)]
    for kind in (*KINDS, "overall"):
        first = report.counts[MATCHES[0]][kind]
        row = f"{kind:<9}{first.gold:>6}{first.found:>7}"
        for match in MATCHES:
            c = report.counts[match][kind]
            row += f"  | {c.precision:>9.3f}{c.recall:>7.3f}{c.f1:>7.3f}"
        lines.append(row)
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL redaction set")
    p.add_argument(
        "--split",
        choices=("each", "all", *SPLITS),
        default="each",
        help="which cases to score: each split and all together (default), or one of them",
    )
    p.add_argument("--errors", action="store_true", help="list misses and false alarms")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    cases = load_cases(args.data)
    groups = {
        "each": [*SPLITS, "all"],
        "all": ["all"],
    }.get(args.split, [args.split])
    for i, name in enumerate(groups):
        chosen = [c for c in cases if name == "all" or c.split == name]
        report = evaluate(chosen)
        if i:
            print()
        print(format_report(report, f"split {name}"))
        if args.errors:
            for case_id, kind, text in report.misses:
                print(f"  missed       {case_id}  {kind:<8} {text!r}")
            for case_id, kind, text in report.false_alarms:
                print(f"  false alarm  {case_id}  {kind:<8} {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
