"""Check a file of project-written labelled pairs (``synthetic-v*/pairs.jsonl``).

Usage: ``python annotations/check_written.py FILE [FILE ...] [--require-epitome-rationales]``

Checks every line first as ``carelens train`` reads it
(:func:`carelens.training.data.read_written_item`: UTF-8, JSON, texts, every label an
integer in its range — not ``true`` or ``0.0`` — rationales as quoted words found in the
response), so a file that passes here trains; then the project's own rules: it has ``id``,
``written_as`` and ``rationales``; ids are unique across the files; every rationale is an
exact substring of the response; no other label than the ten; a dimension at level 0 has no
rationale and one at level 1 or 2 has at least one. ``rationales`` must hold the four
taxonomy dimensions; EPITOME's three mechanisms are optional (the first set has none), and
with ``--require-epitome-rationales`` they are required too. Prints one line per problem
(``FILE:LINE: id: problem``, or ``FILE, line N, field 'F': problem`` for what the trainer
refuses) and exits 1 if there is any, else prints the counts; a file without any pair is a
problem too. A pair whose seeker message or response is a text of the contrast set
(``contrast/contrast_set.jsonl``, or ``--contrast PATH``; compared with case and white space
ignored) is refused too: the contrast set is for evaluation only, and a model trained on its
texts would be scored on what it learnt.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from carelens.annotations import ANNOTATED_DIMENSIONS
from carelens.errors import InputError
from carelens.taxonomy import RESPONSE_DIMENSIONS, RESPONSE_FLAGS, STYLES
from carelens.taxonomy_evaluation import read_contrast_set
from carelens.training.data import read_written_item

CONTRAST_SET = Path(__file__).resolve().parent / "contrast" / "contrast_set.jsonl"


def _key(text: str) -> str:
    """A text as the contrast-set check compares it: case and white space ignored."""
    return " ".join(text.casefold().split())


def contrast_texts(path: Path) -> dict[str, str]:
    """Each text of the contrast set at ``path`` (as :func:`_key` makes it) and where it is
    (``c01 seeker``, ``c01 responses.sympathy``)."""
    texts: dict[str, str] = {}
    for item in read_contrast_set(path):
        texts.setdefault(_key(item.seeker), f"{item.id} seeker")
        for kind, response in item.responses.items():
            texts.setdefault(_key(response), f"{item.id} responses.{kind}")
    return texts


def contrast_overlaps(item: dict[str, object], contrast: dict[str, str]) -> list[str]:
    """A problem for each text of ``item`` that is a text of the contrast set."""
    return [
        f"{key} is the contrast set's {contrast[_key(value)]}; the contrast set is for "
        "evaluation only: write another text"
        for key in ("seeker", "response")
        if isinstance(value := item.get(key), str) and _key(value) in contrast
    ]


def check_item(item: object, require_epitome: bool) -> list[str]:
    """Every problem of the project's rules with one line the trainer reads (an empty list
    when it is good)."""
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


def _lines(path: Path) -> list[tuple[int, str | InputError]]:
    """Each line of ``path`` with its number, as text, or as the InputError (line, byte)
    when it is not UTF-8 (a byte-order mark is allowed, as the trainer allows it)."""
    out: list[tuple[int, str | InputError]] = []
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                out.append((number, raw.decode("utf-8")))
            except UnicodeDecodeError as exc:
                error = InputError(
                    f"byte 0x{raw[exc.start]:02x} is not UTF-8 text; save the file as UTF-8 "
                    "(it may be Latin-1 or Windows-1252) and retry",
                    path=str(path),
                    line=number,
                )
                out.append((number, error))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--require-epitome-rationales", action="store_true")
    parser.add_argument(
        "--contrast",
        type=Path,
        default=CONTRAST_SET,
        help="the contrast set no written pair may copy (default: the project's)",
    )
    args = parser.parse_args(argv)
    try:
        contrast = contrast_texts(args.contrast)
    except (InputError, OSError) as exc:
        print(f"error: the contrast set cannot be read: {exc}")
        return 1
    seen: dict[str, str] = {}
    counts: Counter[tuple[str, int]] = Counter()
    n_bad = n_items = 0
    for path in args.files:
        read = _lines(path)
        if not any(not isinstance(line, str) or line.strip() for _, line in read):
            print(f"{path}: the file holds no labelled pair")
            n_bad += 1
        for number, line in read:
            if not isinstance(line, str):  # not UTF-8: the trainer refuses the whole file
                print(line)
                n_bad += 1
                continue
            if not line.strip():
                continue
            try:
                item = read_written_item(path, number, line)  # as carelens train reads it
            except InputError as exc:
                print(exc)
                n_bad += 1
                continue
            where = f"{path}:{number}"
            ident = str(item.get("id", "?"))
            problems = check_item(item, args.require_epitome_rationales)
            problems += contrast_overlaps(item, contrast)
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
