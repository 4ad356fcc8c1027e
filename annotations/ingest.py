"""Turn annotators' raw label files into the stored annotation files (offsets, no text).

Usage:
    python annotations/ingest.py SOURCE_CSV OUT.jsonl ANNOTATOR RAW.jsonl [RAW.jsonl ...]
        [--codebook taxonomy-v1.1] [--append]

SOURCE_CSV is ``../shared/data/epitome-reddit/epitome_reddit_public.csv``. Raw lines hold the
labels and the rationale words quoted from the texts (see GUIDELINES.md); this script looks
each quote up in the response (or, for crisis evidence, the seeker post), stores character
offsets, takes ``sp_id`` and ``part`` from ``taxonomy-v1/items.csv``, and prints every problem
(quote not found, level without rationale, unknown or duplicate rp_id). Exit status 1 if any
raw line is unusable.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from carelens.annotations import (
    CODEBOOK,
    Annotation,
    from_raw,
    read_annotations,
    write_annotations,
)
from carelens.readers.delimited import allow_large_csv_fields

ITEMS = Path(__file__).resolve().parent / "taxonomy-v1" / "items.csv"


def main(
    source: str,
    out: str,
    annotator: str,
    raw_files: list[str],
    codebook: str = CODEBOOK,
    append: bool = False,
) -> int:
    allow_large_csv_fields()
    with open(source, encoding="utf-8", newline="") as fh:
        texts: dict[str, tuple[str, str]] = {}
        for row in csv.DictReader(fh):
            texts.setdefault(row["rp_id"], (row["seeker_post"], row["response_post"]))
    with open(ITEMS, encoding="utf-8", newline="") as fh:
        items = {row["rp_id"]: row for row in csv.DictReader(fh)}
    annotations: dict[str, Annotation] = (
        {a.rp_id: a for a in read_annotations(out)} if append and Path(out).exists() else {}
    )
    unusable = problems_total = 0
    for raw_file in raw_files:
        with open(raw_file, encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                where = f"{raw_file}:{number}"
                try:
                    raw = json.loads(line)
                    rp_id = str(raw["rp_id"])
                    item = items[rp_id]
                    seeker, response = texts[rp_id]
                    annotation, problems = from_raw(
                        raw,
                        sp_id=item["sp_id"],
                        part=item["part"],
                        annotator=annotator,
                        response=response,
                        seeker=seeker,
                    )
                    stored = {**annotation.to_dict(), "codebook": codebook}
                    annotation = Annotation.from_dict(stored)  # also checks label ranges
                except (ValueError, KeyError, TypeError) as exc:
                    print(f"{where}: unusable line ({type(exc).__name__}: {exc})")
                    unusable += 1
                    continue
                if rp_id in annotations:
                    print(f"{where}: duplicate rp_id {rp_id}; the later line is kept")
                for problem in problems:
                    print(f"{where}: {rp_id}: {problem}")
                problems_total += len(problems)
                annotations[rp_id] = annotation
    write_annotations(out, list(annotations.values()))
    print(
        f"wrote {len(annotations)} annotations to {out}; "
        f"{problems_total} problems, {unusable} unusable lines"
    )
    return 1 if unusable else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    append = "--append" in args
    args = [a for a in args if a != "--append"]
    codebook = CODEBOOK
    if "--codebook" in args:
        at = args.index("--codebook")
        codebook = args[at + 1]
        del args[at : at + 2]
    if len(args) < 4:
        sys.exit(__doc__)
    sys.exit(main(args[0], args[1], args[2], args[3:], codebook, append))
