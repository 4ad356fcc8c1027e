"""Turn annotators' raw label files into the stored annotation files (offsets, no text).

Usage:
    python annotations/ingest.py SOURCE_CSV OUT.jsonl ANNOTATOR RAW.jsonl [RAW.jsonl ...]

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

from carelens.annotations import Annotation, from_raw, write_annotations
from carelens.readers.delimited import allow_large_csv_fields

ITEMS = Path(__file__).resolve().parent / "taxonomy-v1" / "items.csv"


def main(source: str, out: str, annotator: str, raw_files: list[str]) -> int:
    allow_large_csv_fields()
    with open(source, encoding="utf-8", newline="") as fh:
        texts: dict[str, tuple[str, str]] = {}
        for row in csv.DictReader(fh):
            texts.setdefault(row["rp_id"], (row["seeker_post"], row["response_post"]))
    with open(ITEMS, encoding="utf-8", newline="") as fh:
        items = {row["rp_id"]: row for row in csv.DictReader(fh)}
    annotations: dict[str, Annotation] = {}
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
                    Annotation.from_dict(annotation.to_dict())  # range check
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
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
