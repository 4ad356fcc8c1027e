"""Three seeker/response pairs scored by the shipped model, and the ``carelens batch`` output
folders they make, finished or not: what the batch scoring tests and the tests of reading
results back share (``tests/batch``, ``tests/output``)."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from pathlib import Path

import carelens
from carelens.types import Exchange, JsonDict, Turn

PAIRS = [
    ("I failed my driving test again.", "That sounds so frustrating. How are you feeling?"),
    ("My cat died yesterday.", "I'm so sorry for your loss."),
    ("I can't sleep before exams.", "Well, just stop worrying then."),
]
#: The shards :func:`write_parts` puts the records in: the first two, then the rest.
SHARDS = (0, 3)


@functools.cache
def shipped_analyzer() -> carelens.EmpathyAnalyzer:
    """The shipped model on one thread, loaded once for every test that scores pairs here
    (it is only read: no test changes it)."""
    return carelens.load(threads=1)


def pair_exchanges(ids: Sequence[tuple[str, str]] | None = None) -> list[Exchange]:
    """:data:`PAIRS` as exchanges, with the (seeker, response) ``ids`` given, else
    ``s0``/``r0``, ``s1``/``r1``..."""
    ids = ids or [(f"s{i}", f"r{i}") for i in range(len(PAIRS))]
    return [
        Exchange(Turn(id=sid, text=s), Turn(id=rid, text=r, reply_to=sid))
        for (sid, rid), (s, r) in zip(ids, PAIRS, strict=True)
    ]


def write_parts(folder: Path, records: Sequence[JsonDict]) -> list[str]:
    """The parts of a batch output, as a worker writes them (its counts, then the Parquet
    part): the first two records in shard 0, the others in shard 3. Returns the part file
    names, in shard order."""
    from carelens.batch.scoring import part_name, records_table, shard_counts, write_part

    dimensions = shipped_analyzer().dimensions
    folder.mkdir(parents=True, exist_ok=True)
    for shard, chunk in zip(SHARDS, (records[:2], records[2:]), strict=True):
        write_part(
            folder,
            shard,
            records_table(chunk, dimensions),
            shard_counts(chunk, dimensions, shard),
        )
    return [f"{part_name(shard)}.parquet" for shard in SHARDS]


def write_manifest(folder: Path, parts: Sequence[str], *, complete: bool = True) -> Path:
    """A batch run's ``manifest.json`` listing ``parts``: the run finished, or not."""
    manifest = folder / "manifest.json"
    listed = [{"file": name} for name in parts]
    manifest.write_text(json.dumps({"complete": complete, "parts": listed}), encoding="utf-8")
    return manifest


def write_batch_output(
    folder: Path, ids: Sequence[tuple[str, str]] | None = None
) -> list[JsonDict]:
    """A finished batch output of :data:`PAIRS` (with ``ids``, see :func:`pair_exchanges`)
    in two parts (:func:`write_parts`) and its manifest; returns the records, in order."""
    records = score_pairs(ids)
    write_manifest(folder, write_parts(folder, records))
    return records


def score_pairs(ids: Sequence[tuple[str, str]] | None = None) -> list[JsonDict]:
    """The result records of :data:`PAIRS` (with ``ids``), as ``carelens analyze`` and a
    batch worker score them."""
    from carelens.batch.scoring import score_exchanges

    return score_exchanges(shipped_analyzer(), pair_exchanges(ids))


def unfinished_batch_output(folder: Path) -> Path:
    """The output folder of a batch run that stopped before any part: its plan only."""
    (folder / "_work").mkdir(parents=True)
    (folder / "_work" / "plan.json").write_text("{}", encoding="utf-8")
    return folder
