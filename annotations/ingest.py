"""Turn annotators' raw label files into the stored annotation files (offsets, no text).

Usage:
    python annotations/ingest.py SOURCE_CSV OUT.jsonl ANNOTATOR RAW.jsonl [RAW.jsonl ...]
        [--codebook taxonomy-v1.1] [--append [--replace] | --overwrite] [--items ITEMS.csv]

SOURCE_CSV is ``../shared/data/epitome-reddit/epitome_reddit_public.csv``. Raw lines hold the
labels and the rationale words quoted from the texts (see GUIDELINES.md); this script looks
each quote up in the response (or, for crisis evidence, the seeker post), stores character
offsets, takes ``sp_id`` and ``part`` from ``taxonomy-v1/items.csv`` (or ``--items``), and
prints every problem (quote not found, level without rationale, rationale of a level 0,
crisis without evidence, unknown key, rp_id repeated in the raw files: the later line is
kept). A raw line's ``note`` is not stored (no free text is); the lines with one are
counted so that someone reads them in the raw files.

Nothing is written unless every raw line is usable: a line that is not UTF-8 or JSON, an
``rp_id`` not in the item list, a label out of range, a rationale that is not a list of
quotes, or a line's own ``codebook`` other than ``--codebook`` makes the run exit 1 with OUT
untouched. OUT must not exist unless ``--append`` (add to it) or ``--overwrite`` (replace
it) is given; with ``--append`` an rp_id OUT already holds is refused unless ``--replace``
(the stored annotation is then replaced, and counted apart). OUT is written whole to a
temporary file beside it and renamed over it, so an interrupted run leaves it as it was.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from carelens.annotations import (
    CODEBOOK,
    CODEBOOKS,
    Annotation,
    from_raw,
    json_error,
    read_annotations,
    write_annotations,
)
from carelens.errors import InputError
from carelens.readers.delimited import allow_large_csv_fields

ITEMS = Path(__file__).resolve().parent / "taxonomy-v1" / "items.csv"


def _raw_lines(path: str) -> list[tuple[int, str | None]]:
    """Each line of a raw file with its number; None for a line that is not UTF-8 (a
    byte-order mark is allowed)."""
    out: list[tuple[int, str | None]] = []
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                out.append((number, raw.decode("utf-8")))
            except UnicodeDecodeError:
                out.append((number, None))
    return out


def _write_atomically(out: Path, annotations: list[Annotation]) -> None:
    """Write ``annotations`` to a temporary file beside ``out`` and rename it over ``out``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        write_annotations(tmp, annotations)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="See the module docstring (annotations/ingest.py) for the rules.",
    )
    parser.add_argument("source", help="the EPITOME CSV the annotations were made on")
    parser.add_argument("out", type=Path, help="the annotation file to write (JSON Lines)")
    parser.add_argument("annotator", help="the annotator (round) letter stored with each line")
    parser.add_argument("raw_files", nargs="+", metavar="RAW", help="raw label files")
    parser.add_argument("--codebook", default=CODEBOOK, help=f"one of {', '.join(CODEBOOKS)}")
    parser.add_argument("--items", type=Path, default=ITEMS, help="the item list (rp_id, part)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--append", action="store_true", help="add to an existing OUT")
    mode.add_argument("--overwrite", action="store_true", help="replace an existing OUT")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="with --append: let a raw line replace an annotation OUT already holds",
    )
    args = parser.parse_args(argv)
    if args.codebook not in CODEBOOKS:
        parser.error(f"--codebook must be {' or '.join(CODEBOOKS)}, not {args.codebook!r}")
    if args.replace and not args.append:
        parser.error("--replace only goes with --append")
    if not args.annotator.strip():
        parser.error("ANNOTATOR must not be empty")
    out: Path = args.out
    if out.is_dir():
        parser.error(f"{out} is a folder; OUT must be a file")
    if out.exists() and not (args.append or args.overwrite):
        parser.error(
            f"{out} exists; pass --append to add to it or --overwrite to replace it "
            "(nothing was written)"
        )
    try:
        return _ingest(args)
    except (InputError, OSError) as exc:
        print(f"error: {exc}; {out} is unchanged", file=sys.stderr)
        return 1


def _ingest(args: argparse.Namespace) -> int:
    out: Path = args.out
    codebook: str = args.codebook
    allow_large_csv_fields()
    with open(args.source, encoding="utf-8-sig", newline="") as fh:
        texts: dict[str, tuple[str, str]] = {}
        for row in csv.DictReader(fh):
            texts.setdefault(row["rp_id"], (row["seeker_post"], row["response_post"]))
    with open(args.items, encoding="utf-8-sig", newline="") as fh:
        items = {row["rp_id"]: row for row in csv.DictReader(fh)}
    stored: dict[str, Annotation] = (
        {a.rp_id: a for a in read_annotations(out)} if args.append and out.exists() else {}
    )
    new: dict[str, tuple[str, Annotation]] = {}  # rp_id: (where, annotation)
    unusable = problems_total = repeated = noted = 0
    for raw_file in args.raw_files:
        for number, line in _raw_lines(raw_file):
            where = f"{raw_file}:{number}"
            if line is None:
                print(f"{where}: unusable line: not UTF-8 text; save the file as UTF-8")
                unusable += 1
                continue
            if not line.strip():
                continue
            try:
                try:
                    raw = json.loads(line)
                except (ValueError, RecursionError) as exc:
                    raise ValueError(f"not valid JSON ({json_error(exc)})") from None
                if not isinstance(raw, dict):
                    raise ValueError("not a JSON object")
                rp_id = raw.get("rp_id")
                if not isinstance(rp_id, str) or not rp_id.strip():
                    raise ValueError(f"rp_id: must be a non-empty string, not {rp_id!r}")
                if rp_id not in items:
                    spaced = rp_id != rp_id.strip() and rp_id.strip() in items
                    raise ValueError(
                        f"unknown rp_id {rp_id!r} (not in {args.items.name})"
                        + ("; remove the spaces around it" if spaced else "")
                    )
                if rp_id not in texts:
                    raise ValueError(f"rp_id {rp_id!r} is not in {args.source}")
                item = items[rp_id]
                seeker, response = texts[rp_id]
                annotation, problems = from_raw(
                    raw,
                    sp_id=item["sp_id"],
                    part=item["part"],
                    annotator=args.annotator,
                    response=response,
                    seeker=seeker,
                    codebook=codebook,
                )
                annotation = Annotation.from_dict(annotation.to_dict())  # checks what is stored
            except ValueError as exc:
                print(f"{where}: unusable line: {exc}")
                unusable += 1
                continue
            if annotation.rp_id in new:
                print(
                    f"{where}: rp_id {annotation.rp_id} repeats "
                    f"{new[annotation.rp_id][0]}; the later line is kept"
                )
                repeated += 1
            for problem in problems:
                print(f"{where}: {annotation.rp_id}: {problem}")
            problems_total += len(problems)
            noted += bool(isinstance(raw.get("note"), str) and raw["note"].strip())
            new[annotation.rp_id] = (where, annotation)
    already = [(where, rp_id) for rp_id, (where, _) in new.items() if rp_id in stored]
    for where, rp_id in already:
        said = "replaces the stored one" if args.replace else "is already annotated in"
        print(f"{where}: rp_id {rp_id} {said} {out}")
    refused = bool(already) and not args.replace
    summary = (
        f"{len(new)} annotations read; {problems_total} problems, {repeated} rp_ids repeated "
        f"in the raw files, {len(already)} already in {out}, {unusable} unusable lines"
    )
    if noted:
        summary += f"; {noted} lines carry a note (not stored: read them in the raw files)"
    if unusable or refused:
        why = (
            "fix the unusable lines"
            if unusable
            else "pass --replace to replace the stored annotations, or leave those lines out"
        )
        print(f"{summary}\nnothing written: {why}; {out} is unchanged")
        return 1
    if not new:
        print(f"{summary}\nnothing written: the raw files hold no annotation")
        return 1
    merged = {**stored, **{rp_id: a for rp_id, (_, a) in new.items()}}
    _write_atomically(out, list(merged.values()))
    print(f"{summary}\nwrote {len(merged)} annotations to {out} ({len(already)} replaced)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
