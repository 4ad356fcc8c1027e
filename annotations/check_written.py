"""Check a file of project-written labelled pairs (``synthetic-v*/pairs.jsonl``).

Usage: ``python annotations/check_written.py FILE [FILE ...] [--require-epitome-rationales]``

Checks every line: it parses; it has ``id``, ``seeker``, ``response``, ``written_as``,
``labels`` (all ten labels, each in range) and ``rationales``; ids are unique across the
files; every rationale is an exact substring of the response; a dimension at level 0 has no
rationale and one at level 1 or 2 has at least one. ``rationales`` must hold the four taxonomy
dimensions; EPITOME's three mechanisms are optional (the first set has none), and with
``--require-epitome-rationales`` they are required too. Prints one line per problem
(``FILE:LINE: id: problem``) and exits 1 if there is any, else prints the counts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from carelens.annotations import ANNOTATED_DIMENSIONS
from carelens.taxonomy import RESPONSE_DIMENSIONS, RESPONSE_FLAGS, STYLES


def check_item(item: object, require_epitome: bool) -> list[str]:
    """Every problem with one parsed line (an empty list when it is good)."""
    if not isinstance(item, dict):
        return ["not a JSON object"]
    problems = [
        f"missing key {k!r}"
        for k in ("id", "seeker", "response", "written_as", "labels", "rationales")
        if k not in item
    ]
    if problems:
        return problems
    response, labels, rationales = item["response"], item["labels"], item["rationales"]
    if not isinstance(response, str) or not response.strip():
        problems.append("empty response")
    if not isinstance(item["seeker"], str) or not item["seeker"].strip():
        problems.append("empty seeker message")
    if item["written_as"] not in STYLES:
        problems.append(f"written_as {item['written_as']!r} not one of {sorted(STYLES)}")
    if not isinstance(labels, dict) or not isinstance(rationales, dict):
        return [*problems, "labels and rationales must be objects"]
    for name in (*RESPONSE_DIMENSIONS, "seeker_distress"):
        if labels.get(name) not in (0, 1, 2):
            problems.append(f"label {name!r} must be 0, 1 or 2")
    for name in RESPONSE_FLAGS:
        if labels.get(name) not in (0, 1):
            problems.append(f"label {name!r} must be 0 or 1")
    unknown = set(labels) - {*RESPONSE_DIMENSIONS, *RESPONSE_FLAGS, "seeker_distress"}
    if unknown:
        problems.append(f"unknown labels {sorted(unknown)}")
    unknown = set(rationales) - set(RESPONSE_DIMENSIONS)
    if unknown:
        problems.append(f"unknown rationale keys {sorted(unknown)}")
    needed = RESPONSE_DIMENSIONS if require_epitome else ANNOTATED_DIMENSIONS
    for name in RESPONSE_DIMENSIONS:
        if name not in rationales:
            if name in needed:
                problems.append(f"rationales lack {name!r}")
            continue
        quotes = rationales[name]
        if not isinstance(quotes, list) or not all(isinstance(q, str) and q for q in quotes):
            problems.append(f"rationales {name!r} must be a list of non-empty strings")
            continue
        level = labels.get(name)
        if level == 0 and quotes:
            problems.append(f"{name} is 0 but has rationales")
        if level in (1, 2) and not quotes:
            problems.append(f"{name} is {level} but has no rationale")
        for q in quotes:
            if isinstance(response, str) and q not in response:
                problems.append(f"{name} rationale {q!r} is not in the response")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--require-epitome-rationales", action="store_true")
    args = parser.parse_args(argv)
    seen: dict[str, str] = {}
    counts: Counter[tuple[str, int]] = Counter()
    n_bad = n_items = 0
    for path in args.files:
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as exc:
                    print(f"{where}: not JSON ({exc})")
                    n_bad += 1
                    continue
                ident = str(item.get("id", "?")) if isinstance(item, dict) else "?"
                problems = check_item(item, args.require_epitome_rationales)
                if ident in seen:
                    problems.append(f"id repeats {seen[ident]}")
                seen.setdefault(ident, where)
                for p in problems:
                    print(f"{where}: {ident}: {p}")
                n_bad += bool(problems)
                n_items += 1
                if not problems:
                    for name, level in item["labels"].items():
                        counts[(name, level)] += 1
    if n_bad:
        print(f"{n_bad} bad line(s)")
        return 1
    print(f"{n_items} pairs, all good")
    for name in (*RESPONSE_DIMENSIONS, *RESPONSE_FLAGS, "seeker_distress"):
        levels = " / ".join(
            str(counts[(name, v)]) for v in range(3 if name not in RESPONSE_FLAGS else 2)
        )
        print(f"  {name}: {levels}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
