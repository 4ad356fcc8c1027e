"""The files of a batch output folder besides the parts: manifest, rejects, and clean-up.

``OUT_DIR`` holds ``part-NNNNN.parquet`` (results) with ``part-NNNNN.json`` (their counts),
``rejects.jsonl`` (bad input records, as ``carelens analyze`` lists them, their details
redacted with ``--redact``), ``manifest.json`` (the plan, the parts, totals —
``not_by_helpers`` and ``crisis_hints`` among them — and ``"complete": true``)
and, while a run is unfinished,
``_work/`` (the plan and the staged rows); while a run goes on, its lock file
(:data:`LOCK`, :func:`carelens.locks.hold_lock`). Only these files are ever removed,
recognised exactly (:func:`batch_entries`), and a folder that holds anything else is refused
before anything is removed, so pointing ``--overwrite`` at a wrong folder cannot delete
anything.
Results whose plan is gone (neither ``manifest.json`` nor ``_work/plan.json``: say ``_work``
was deleted) are refused, never resumed: nothing tells which inputs and options they came
from.
"""

from __future__ import annotations

import heapq
import json
import re
import shutil
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pyarrow.parquet as pq

from carelens._version import __version__
from carelens.batch.plan import BatchPlan, write_json_atomic
from carelens.batch.rows import LEFT_OUT, REJECT, SKIP
from carelens.batch.scoring import part_name
from carelens.errors import InputError
from carelens.readers.rejects import MAX_LISTED, not_listed_entry, redacted_entry
from carelens.types import N_LEVELS

WORK = "_work"
#: The plan of an unfinished run, under WORK.
PLAN = "plan.json"
#: The staged rows of stage 1, under WORK (written as ``staged.tmp``, renamed when complete).
STAGED = "staged"
MANIFEST = "manifest.json"
REJECTS = "rejects.jsonl"
#: The lock file a run holds while it writes the folder (removed when it ends; one left
#: by a killed run is reused).
LOCK = ".carelens-batch.lock"


def refuse_a_file(out_dir: Path) -> None:
    """InputError when ``out_dir`` is a file (a run checks this before any work)."""
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("the output must be a folder; this is a file", path=str(out_dir))


def prepare(out_dir: Path, *, overwrite: bool) -> None:
    """Make sure ``out_dir`` is new, empty, or holds only the files of a batch run with its
    plan; with ``overwrite``, empty it of those files.

    Everything is decided before anything is removed: a folder that holds anything a batch
    run does not write (:func:`batch_entries`) is refused untouched, with or without
    ``overwrite``, and so are results without their plan unless ``overwrite`` is given.
    """
    refuse_a_file(out_dir)
    if not out_dir.is_dir():
        out_dir.mkdir(parents=True)
        return
    ours = refuse_foreign(out_dir)
    if overwrite:
        for p in ours:
            if p.name == LOCK:  # held by this run
                continue
            shutil.rmtree(p) if p.is_dir() and not p.is_symlink() else p.unlink()
        return
    if not _has_plan(out_dir):
        orphans = sorted(p.name for p in ours if _is_result(p))
        if orphans:
            raise InputError(
                f"the output folder holds results of a batch run ({orphans[0]}...) but no "
                f"{MANIFEST} or {WORK}/{PLAN}, so nothing says which inputs and options they "
                "come from; choose a new output folder, or pass --overwrite to remove them "
                "and start over",
                path=str(out_dir),
            )


def refuse_foreign(out_dir: Path) -> list[Path]:
    """InputError when the folder ``out_dir`` holds anything a batch run does not write
    (nothing is touched); else its batch entries (:func:`batch_entries`)."""
    ours, others = batch_entries(out_dir)
    if others:
        shown = ", ".join(p.name for p in others[:3]) + (", ..." if len(others) > 3 else "")
        mine = [p for p in ours if p.name != LOCK]
        what = "files a carelens batch run does not write" if mine else "no carelens batch run"
        raise InputError(
            f"the output folder is not empty and holds {what} ({shown}); nothing was "
            "removed: choose an empty or new folder"
            + (", or move those files out of it" if mine else ""),
            path=str(out_dir),
        )
    return ours


def discard_staged(work: Path) -> None:
    """Remove the staged rows (the input texts) under ``work``: renamed out of the way first
    (to the name of unfinished rows), so that a kill while they are removed never leaves a
    part of them under the name of complete ones."""
    staged, trash = work / STAGED, work / f"{STAGED}.tmp"
    shutil.rmtree(trash, ignore_errors=True)
    if staged.is_dir():
        staged.rename(trash)
    shutil.rmtree(trash, ignore_errors=True)


def forget_plan(out_dir: Path, *, remove_folder: bool) -> None:
    """Undo what a run refused (or stopped by Ctrl-C) before stage 1 finished left: its plan,
    the rows of its unfinished stage 1 (no work to resume, and without the plan they would
    make the folder refused), the then empty work folder, and (``remove_folder``: the run
    made it) the then empty output folder. Only for a run that wrote the plan itself."""
    shutil.rmtree(out_dir / WORK / f"{STAGED}.tmp", ignore_errors=True)
    (out_dir / WORK / PLAN).unlink(missing_ok=True)
    for folder in (out_dir / WORK, out_dir) if remove_folder else (out_dir / WORK,):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


#: The names a batch run gives its files in OUT_DIR (``NNNNN``: a shard number, at least
#: five digits) and their temporary names (``-PID``: the writing process).
_PART = re.compile(r"part-[0-9]{5,}\.(?:parquet|json)")
_PART_TMP = re.compile(r"\.part-[0-9]{5,}\.(?:parquet|json)\.tmp-[0-9]+")
_SIDE_TMP = re.compile(r"(?:manifest\.json\.tmp-[0-9]+|\.rejects\.jsonl\.tmp)")
#: What a run writes under WORK: the plan (and its temporary name), the staged rows.
_WORK_ENTRY = re.compile(r"plan\.json(?:\.tmp-[0-9]+)?|staged(?:\.tmp)?")


def _is_result(path: Path) -> bool:
    """Whether a batch entry holds results (temporary files left by a kill do not)."""
    if path.name == WORK:
        return any(path.iterdir())
    return path.name == REJECTS or _PART.fullmatch(path.name) is not None


def _has_plan(out_dir: Path) -> bool:
    """Whether ``out_dir`` records which run its files belong to: a manifest or a plan."""
    return (out_dir / MANIFEST).is_file() or (out_dir / WORK / PLAN).is_file()


def is_batch_manifest(path: Path) -> bool:
    """Whether ``path`` is a file that a batch run wrote as its manifest (a JSON object
    with the ``carelens`` version and a ``plan``), not any ``manifest.json``."""
    if not path.is_file() or path.is_symlink():
        return False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return (
        isinstance(data, dict)
        and isinstance(data.get("carelens"), str)
        and isinstance(data.get("plan"), dict)
    )


def _is_work_folder(path: Path) -> bool:
    """Whether ``path`` is a batch run's work folder: a folder of nothing but its plan and
    staged rows."""
    if not path.is_dir() or path.is_symlink():
        return False
    return all(_WORK_ENTRY.fullmatch(p.name) for p in path.iterdir())


def batch_entries(out_dir: Path) -> tuple[list[Path], list[Path]]:
    """The entries of ``out_dir`` that a batch run writes, and the others (each sorted).

    A batch run's are: ``part-NNNNN.parquet`` and ``part-NNNNN.json`` (the exact names) and
    their temporary names; ``_work`` holding nothing but a plan and staged rows;
    ``manifest.json`` when it is a batch run's (:func:`is_batch_manifest`) and its temporary
    names; ``rejects.jsonl`` (and its temporary name) only beside a batch manifest, a plan
    or parts; the lock file (:data:`LOCK`). A user's ``manifest.json``,
    ``part-of-my-notes.txt`` or ``tables/`` are not.
    """
    entries = sorted(out_dir.iterdir(), key=lambda p: p.name)
    ours: list[Path] = []
    others: list[Path] = []
    plain = {p.name: p.is_file() and not p.is_symlink() for p in entries}
    work = out_dir / WORK
    work_ok = _is_work_folder(work)
    manifest_ok = is_batch_manifest(out_dir / MANIFEST)
    parts = any(_PART.fullmatch(p.name) and plain[p.name] for p in entries)
    beside_a_run = manifest_ok or (work_ok and (work / PLAN).is_file()) or parts
    for p in entries:
        name = p.name
        if name == WORK:
            mine = work_ok
        elif name == MANIFEST:
            mine = manifest_ok
        elif name == REJECTS:
            mine = plain[name] and beside_a_run
        elif (
            name == LOCK
            or _PART.fullmatch(name)
            or _PART_TMP.fullmatch(name)
            or _SIDE_TMP.fullmatch(name)
        ):
            mine = plain[name]
        else:
            mine = False
        (ours if mine else others).append(p)
    return ours, others


def staged_shards(staged: Path) -> dict[int, int]:
    """Shard -> staged pair count, from the Parquet footers (no data is read)."""
    counts: dict[int, int] = {}
    for folder in staged.glob("shard=*"):
        shard = int(folder.name.split("=", 1)[1])
        if shard < 0:
            continue
        counts[shard] = sum(pq.ParquetFile(f).metadata.num_rows for f in folder.glob("*.parquet"))
    return dict(sorted(counts.items()))


def write_rejects(
    staged: Path, out_dir: Path, *, redact: bool = False, max_listed: int = MAX_LISTED
) -> tuple[dict[str, int], dict[str, int], int]:
    """Write ``rejects.jsonl`` from the staged reject rows (with ``redact``, ``--redact``,
    each detail redacted: :func:`~carelens.readers.rejects.redacted_entry`); return the
    (rejected, skipped) counts and the exchanges left out as not by a ``--helper``.

    Like every rejects file it lists at most ``max_listed`` rejects (the first, by file and
    line) and ends with one line counting the others (:func:`not_listed_entry`); the rows
    are read a batch at a time, so memory holds the listed ones only."""
    rejected: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    left_out = 0

    def rejects() -> Iterator[tuple[int, int, str, int, Mapping[str, Any]]]:
        nonlocal left_out
        folder = staged / "shard=-1"
        if not folder.is_dir():
            return
        columns = ["kind", "file", "seq", "payload"]
        for n, batch in enumerate(ds.dataset(folder).to_batches(columns=columns)):
            for row in batch.to_pylist():
                payload = json.loads(row["payload"])
                if row["kind"] == REJECT:
                    rejected[str(payload["reason"])] += 1
                    line = payload.get("line") or 0
                    yield row["file"], line, str(payload.get("reason")), n, payload
                elif row["kind"] == SKIP:
                    skipped[payload["reason"]] += int(payload["n"])
                elif row["kind"] == LEFT_OUT:
                    left_out += int(payload["n"])

    listed = heapq.nsmallest(max_listed, rejects(), key=lambda e: e[:4])
    tmp = out_dir / f".{REJECTS}.tmp"
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        for *_, payload in listed:
            entry = redacted_entry(payload) if redact else payload
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        more = rejected - Counter(str(e[2]) for e in listed)
        if more:
            fh.write(json.dumps(not_listed_entry(more, len(listed)), ensure_ascii=False) + "\n")
    tmp.replace(out_dir / REJECTS)
    return dict(rejected), dict(skipped), left_out


def totals(out_dir: Path, shards: Sequence[int], dimensions: Sequence[str]) -> dict[str, Any]:
    """Pairs, levels, styles, crisis cues (and hints among them) and unsafe replies summed
    over the parts' count files (a part scored before responses were checked for unsafe
    words, or before hints were counted apart, counts none)."""
    levels = {d: [0] * N_LEVELS for d in dimensions}
    styles: Counter[str] = Counter()
    pairs = attention = hints = unsafe = 0
    parts = []
    for shard in shards:
        counts = json.loads((out_dir / f"{part_name(shard)}.json").read_text(encoding="utf-8"))
        pairs += counts["pairs"]
        attention += counts["needs_attention"]
        hints += counts.get("crisis_hints", 0)
        unsafe += counts.get("unsafe_replies", 0)
        styles.update(counts["style_counts"])
        for d in dimensions:
            for k, n in enumerate(counts["level_counts"][d]):
                levels[d][k] += n
        parts.append({"file": f"{part_name(shard)}.parquet", "pairs": counts["pairs"]})
    return {
        "pairs": pairs,
        "parts": parts,
        "level_counts": levels,
        "style_counts": dict(styles),
        "needs_attention": attention,
        "crisis_hints": hints,
        "unsafe_replies": unsafe,
    }


def write_manifest(out_dir: Path, plan: BatchPlan, summary: Mapping[str, Any]) -> None:
    write_json_atomic(
        out_dir / MANIFEST,
        {"carelens": __version__, "complete": True, "plan": plan.to_dict(), **summary},
    )


def read_manifest(out_dir: Path) -> dict[str, Any] | None:
    path = out_dir / MANIFEST
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        BatchPlan.from_dict(data["plan"])
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(
            "the batch manifest is damaged; pass --overwrite to start over", path=str(path)
        ) from exc
    return dict(data)
