"""Choose the EPITOME responses the project annotates with taxonomy v1 (deterministic).

Usage: python annotations/select_items.py SOURCE_CSV [--items PATH] [--overwrite]  # round 1
       python annotations/select_items.py SOURCE_CSV --rest [--items PATH]  # round 2: train/dev
       python annotations/select_items.py SOURCE_CSV --rest-test [--items PATH]  # round 3: test

SOURCE_CSV is ``../shared/data/epitome-reddit/epitome_reddit_public.csv``. Writes
``annotations/taxonomy-v1/items.csv`` (or ``--items PATH``): one row per chosen response with
its ``rp_id``, ``sp_id``, the core model's split part (``train``/``dev``/``test``, seed 13, by
seeker post), the sampling stratum, and whether it is annotated a second time. No text is
written: annotations are joined back to ``../shared/data`` by ``rp_id``. The three rounds run
in turn rebuild the committed file exactly (``annotations/README.md``, "Reproduce"). Round 1
starts the file afresh, so it refuses to write over an existing one (the committed file holds
all three rounds) unless ``--overwrite``; rebuild into another path to compare. The odd rows
of the source the trainer reports (a repeated ``rp_id``...) are not this script's business:
it reads the file as the trainer does, without those warnings.

Stratification: positives of the new dimensions are rare in random Reddit replies (dismissive
ones especially), so within each core split part 15 % of the items come from each of four
keyword strata (sympathy-, reflection-, compassion- and dismissive-looking wording) and the
rest at random. The keyword strata only choose what gets read; labels come from annotators.

``--rest`` (the second round) appends every train and dev response not yet chosen, stratum
``rest``, so the whole training side is annotated; the test part kept the 210 chosen first.
``--rest-test`` (the third round) appends every test response not yet chosen, stratum
``rest``, so the test part becomes the whole test side of the split; a random 60 of them are
marked for a second, independent annotation.
"""

from __future__ import annotations

import csv
import logging
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from carelens.training.data import LabeledPair, load_epitome, split_by_seeker

SEED = 2026
PER_PART = {"train": 430, "dev": 50, "test": 210}
STRATUM_SHARE = 0.15
SECOND_PASS = 120
SECOND_PASS_ROUND_3 = 60
STRATA = {
    "sympathy": r"\bsorry\b|hugs|that sucks|so sad|heart goes|condolence|thoughts are with",
    "reflection": r"sounds like|seems like|you feel|you're feeling|you are feeling|you said|"
    r"you mentioned|you're saying",
    "compassion": r"\b(you (could|can|should|might|need to)|try|therap\w*|counsel\w*|doctor|"
    r"hotline|call|message me|pm me|dm me|i'?ll|talk to)\b",
    "dismissive": r"at least|\bjust (get|stop|be|go)|get over|stop (being|whining|complaining)|"
    r"what did you expect|your (own )?fault|grow up|man up|whin|\blol\b|dramatic|overreact|"
    r"worse|attention|selfish|stupid|pathetic",
}
OUT = Path(__file__).resolve().parent / "taxonomy-v1" / "items.csv"


def read_parts(source: str) -> dict[str, list[LabeledPair]]:
    """The source's pairs by part of the core model's split (seed 13), read as the trainer
    reads them; its warnings about odd rows, which say how training treats them, are not
    shown (they concern training, not the choice of items)."""
    data_logger = logging.getLogger("carelens.training.data")
    level = data_logger.level
    data_logger.setLevel(logging.ERROR)
    try:
        pairs = load_epitome(source)
    finally:
        data_logger.setLevel(level)
    return dict(zip(("train", "dev", "test"), split_by_seeker(pairs, seed=13), strict=True))


def add_rest(source: str, parts_to_add: tuple[str, ...], out: Path = OUT) -> None:
    parts = read_parts(source)
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    chosen = {r["rp_id"] for r in rows}
    added = 0
    for part in parts_to_add:
        for p in sorted({p.rp_id: p for p in parts[part]}.values(), key=lambda p: p.rp_id):
            if p.rp_id not in chosen:
                chosen.add(p.rp_id)
                rows.append(
                    {"rp_id": p.rp_id, "sp_id": p.sp_id, "part": part, "stratum": "rest",
                     "second_pass": "0"}
                )  # fmt: skip
                added += 1
    if parts_to_add == ("test",):
        # Round 3's own agreement check: a random 60 of its items are annotated twice.
        new_ids = sorted(r["rp_id"] for r in rows if r["part"] == "test" and r["stratum"] == "rest")
        twice = set(random.Random(SEED + 3).sample(new_ids, SECOND_PASS_ROUND_3))
        for r in rows:
            if r["rp_id"] in twice:
                r["second_pass"] = "1"
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["rp_id", "sp_id", "part", "stratum", "second_pass"])
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: (r["part"], r["rp_id"])))
    print(f"added {added} items to {out}")


def main(source: str, out: Path = OUT, overwrite: bool = False) -> int:
    if out.exists() and not overwrite:
        print(
            f"{out} exists (the committed file holds all three rounds); round 1 starts the "
            "list afresh: write it elsewhere with --items PATH, or pass --overwrite",
            file=sys.stderr,
        )
        return 1
    parts = read_parts(source)
    rng = random.Random(SEED)
    rows: list[dict[str, str]] = []
    for part, size in PER_PART.items():
        # EPITOME repeats 51 responses (same rp_id and text); each is annotated once.
        pool = sorted({p.rp_id: p for p in reversed(parts[part])}.values(), key=lambda p: p.rp_id)
        taken: set[str] = set()
        for stratum, pattern in STRATA.items():
            matches = [
                p for p in pool if p.rp_id not in taken and re.search(pattern, p.response, re.I)
            ]
            for p in rng.sample(matches, min(len(matches), round(size * STRATUM_SHARE))):
                taken.add(p.rp_id)
                rows.append({"rp_id": p.rp_id, "sp_id": p.sp_id, "part": part, "stratum": stratum})
        rest = [p for p in pool if p.rp_id not in taken]
        for p in rng.sample(rest, size - len(taken)):
            rows.append({"rp_id": p.rp_id, "sp_id": p.sp_id, "part": part, "stratum": "random"})
    second = set(rng.sample(sorted(r["rp_id"] for r in rows), SECOND_PASS))
    for r in rows:
        r["second_pass"] = "1" if r["rp_id"] in second else "0"
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["rp_id", "sp_id", "part", "stratum", "second_pass"])
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: (r["part"], r["rp_id"])))
    print(f"wrote {len(rows)} items to {out}")
    return 0


def cli(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="the EPITOME Reddit CSV")
    rounds = parser.add_mutually_exclusive_group()
    rounds.add_argument("--rest", action="store_true", help="round 2: every other train/dev")
    rounds.add_argument("--rest-test", action="store_true", help="round 3: every other test")
    parser.add_argument("--items", type=Path, default=OUT, help=f"the item list (default {OUT})")
    parser.add_argument("--overwrite", action="store_true", help="round 1 over an existing list")
    args = parser.parse_args(argv)
    if args.rest or args.rest_test:
        if not args.items.exists():
            print(f"{args.items} does not exist; run round 1 first", file=sys.stderr)
            return 1
        add_rest(args.source, ("train", "dev") if args.rest else ("test",), args.items)
        return 0
    return main(args.source, args.items, args.overwrite)


if __name__ == "__main__":
    sys.exit(cli(sys.argv[1:]))
