"""Load the EPITOME Reddit annotations, split them by seeker post, and build training tensors.

The split is deterministic: seeker-post ids are sorted, shuffled with the seed, and cut into
train / dev / test fractions, so no seeker post is in two parts. Rationale strings are located
in the response text and turned into per-token labels through the tokenizer's offsets.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from carelens.errors import InputError
from carelens.inference.encoding import EncodedBatch, PairEncoder
from carelens.metrics import rationale_char_mask
from carelens.readers.delimited import allow_large_csv_fields
from carelens.types import EPITOME_COLUMNS


@dataclass(frozen=True, slots=True)
class LabeledPair:
    sp_id: str
    rp_id: str
    seeker: str
    response: str
    levels: tuple[int, int, int]
    rationale_masks: tuple[NDArray[np.bool_], ...]  # character masks over ``response``


def load_epitome(path: str | Path) -> list[LabeledPair]:
    """Read an EPITOME-layout CSV with ``*_level`` and ``*_rationales`` columns."""
    allow_large_csv_fields()
    pairs: list[LabeledPair] = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        needed = {"sp_id", "rp_id", "seeker_post", "response_post"}
        needed |= {f"{c}_level" for c in EPITOME_COLUMNS}
        missing = needed - set(reader.fieldnames or ())
        if missing:
            raise InputError(f"missing columns {sorted(missing)}", path=str(path))
        for row in reader:
            response = row["response_post"]
            levels = tuple(int(row[f"{c}_level"]) for c in EPITOME_COLUMNS)
            masks = tuple(
                rationale_char_mask(response, row.get(f"{c}_rationales") or "")
                for c in EPITOME_COLUMNS
            )
            pairs.append(
                LabeledPair(
                    row["sp_id"],
                    row["rp_id"],
                    row["seeker_post"],
                    response,
                    (levels[0], levels[1], levels[2]),
                    masks,
                )
            )
    return pairs


def split_by_seeker(
    pairs: Sequence[LabeledPair], seed: int, dev: float = 0.1, test: float = 0.2
) -> tuple[list[LabeledPair], list[LabeledPair], list[LabeledPair]]:
    """Deterministic train / dev / test split with every seeker post in exactly one part."""
    ids = sorted({p.sp_id for p in pairs})
    random.Random(seed).shuffle(ids)
    n_test, n_dev = round(len(ids) * test), round(len(ids) * dev)
    test_ids, dev_ids = set(ids[:n_test]), set(ids[n_test : n_test + n_dev])
    parts: tuple[list[LabeledPair], list[LabeledPair], list[LabeledPair]] = ([], [], [])
    for p in pairs:
        parts[2 if p.sp_id in test_ids else 1 if p.sp_id in dev_ids else 0].append(p)
    return parts


def token_rationale_labels(
    batch: EncodedBatch, pairs: Sequence[LabeledPair]
) -> NDArray[np.float32]:
    """Per-token rationale targets ``[batch, seq, 3]``; 1 where a response token overlaps."""
    n, width = batch.input_ids.shape
    labels = np.zeros((n, width, len(EPITOME_COLUMNS)), dtype=np.float32)
    for i, (offsets, pair) in enumerate(zip(batch.response_offsets, pairs, strict=True)):
        for d, mask in enumerate(pair.rationale_masks):
            if not mask.any():
                continue
            for k, (start, end) in enumerate(offsets):
                if end > start and mask[start:end].any():
                    labels[i, k + 1, d] = 1.0
    return labels


def response_token_mask(batch: EncodedBatch) -> NDArray[np.float32]:
    """1.0 at the sequence positions that hold response tokens (not [CLS], [SEP] or seeker)."""
    mask = np.zeros(batch.input_ids.shape, dtype=np.float32)
    for i, offsets in enumerate(batch.response_offsets):
        mask[i, 1 : 1 + len(offsets)] = 1.0
    return mask


def encode_labeled(
    encoder: PairEncoder, pairs: Sequence[LabeledPair]
) -> tuple[EncodedBatch, NDArray[np.int64], NDArray[np.float32], NDArray[np.float32]]:
    """Encode a batch; return inputs, level targets, token targets and response-token mask."""
    batch = encoder.encode([(p.seeker, p.response) for p in pairs])
    levels = np.asarray([p.levels for p in pairs], dtype=np.int64)
    return batch, levels, token_rationale_labels(batch, pairs), response_token_mask(batch)
