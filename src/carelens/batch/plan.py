"""What a batch run is over: its input files, options and shard count, kept for resuming.

The plan is written to ``OUT_DIR/_work/plan.json`` before any work. A re-run compares its
own plan with the stored one: the same inputs (path, size, modification time), model and
options resume the run; anything else is an error that says what differs (in the names of
the command's options), so a folder is never filled with parts of two different runs. The
``--helper`` patterns are options too: they decide which exchanges are staged and scored
(kept sorted; neither their order nor their case changes anything, as neither changes
what they match), so a resume with other helpers is refused. A stored plan that names no
model build (one of a carelens before the fingerprint was kept) is refused by a run that
knows its own (:meth:`BatchPlan.unknown_build`): nothing shows which build made its parts.
The output folder is never an input, even inside an input folder (a re-run would read its
parts and manifest), and neither is the output folder of another batch run found in an
input folder (``batch DIR -o DIR/out2`` after ``batch DIR -o DIR/out``), nor a result file
of ``carelens analyze`` there (:mod:`carelens.batch.inputs`): the plan says once which it
left out and why. An input whose name is not UTF-8 (a Latin-1 ``caf\\xe9.csv``, which
Python reads as ``caf\\udce9.csv`` and no UTF-8 file can hold) is stored with its name as
:func:`~carelens.readers.rejects.shown_path` shows it beside the name's bytes in hex
(:data:`PATH_BYTES`), read back exactly: a resume reopens, and compares, the very same
file. Every other name is stored as it is, as before. An input is stored by its resolved
path, which identifies it; the run also knows it by the name the command gave it
(:attr:`InputFile.given`, not stored), which its rejects and errors show, as those of
``carelens analyze`` do. The workers' batch size (``--batch-size``, or the default of the
device) is kept too: the model's results depend on the pairs batched together, so a resume
with another is refused; a plan of a carelens before it is resumed with any. So is the
device (``--gpu`` or not): float results may differ between the CPU and a GPU, so a resume
on the other is refused, naming ``--gpu`` (a plan without it is resumed on either).
"""

from __future__ import annotations

import json
import logging
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from carelens.batch.inputs import expand_inputs
from carelens.errors import InputError
from carelens.readers import RejectLog, detect_format, read_records
from carelens.readers.base import SUPPORTED_FORMATS
from carelens.readers.helpers import HelperPatterns, as_options, same_patterns
from carelens.readers.jsonl import UTTERANCES
from carelens.readers.rejects import shown_path

logger = logging.getLogger(__name__)
#: Input bytes per shard when the shard count is chosen from the input size.
SHARD_BYTES = 1 << 20
#: Compressed ``.zst`` dumps hold about this many times their size in text.
ZST_EXPANSION = 8
MIN_SHARDS = 4
MAX_SHARDS = 4096
#: How stage 1 groups thread messages, stored in every plan (a plan without it is 1):
#: 1. by conversation id across all files, whatever their format (earlier carelens: a
#:    file's messages could be paired with another file's that reuses its ids);
#: 2. across files only for formats whose ids are global (Reddit dumps), else within each
#:    file (:func:`carelens.batch.rows.group_key`).
#: Staged rows and parts of another rule are never mixed with this one's: the run is
#: refused (``--overwrite`` starts over).
STAGING = 2
STAGING_RULES = {
    1: "thread messages grouped by conversation id across all files",
    2: "thread messages grouped by conversation id within each file, across files for "
    "Reddit dumps only",
}
#: The key beside a stored input's ``path`` that holds the bytes of a name that is not
#: UTF-8, in hex (``path`` then shows it: :func:`~carelens.readers.rejects.shown_path`).
PATH_BYTES = "path_bytes"
#: The devices a plan names (``"cuda"``: ``--gpu``), in words.
DEVICES = {"cpu": "on the CPU, without --gpu", "cuda": "on the GPU, with --gpu"}


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input: a file (or a ConvoKit folder), its format and what identifies its content."""

    index: int
    #: The file, resolved (what identifies it, and what a worker opens).
    path: str
    format: str
    size: int
    mtime_ns: int
    #: The file as the command named it (given, or found under a folder given), as rejects
    #: and errors name it, as ``carelens analyze`` does; not kept in the stored plan (None
    #: when read from one: :attr:`path` names it).
    given: str | None = field(default=None, compare=False)

    @property
    def name(self) -> str:
        """How the run names this input: :attr:`given`, else :attr:`path`."""
        return self.path if self.given is None else self.given

    def as_given(self, path: str) -> str:
        """``path`` (this input's or a file in it, such as a ConvoKit folder's
        ``utterances.jsonl``, as a reader names it, or as a rejects file shows it) with the
        input named as the command gave it (:attr:`given`); any other path as it is."""
        if self.given is None:
            return path
        for full, given in (
            (self.path, self.given),
            (shown_path(self.path), shown_path(self.given)),
        ):
            if path == full:
                return given
            if path.startswith(full + os.sep):
                return given + path[len(full) :]
        return path

    def to_dict(self) -> dict[str, Any]:
        """The input as JSON can hold it: a name that is not UTF-8 as ``path`` shows it,
        with its bytes under :data:`PATH_BYTES` (any other name as it is); the name as
        given is left out (the resolved one identifies the file)."""
        data = asdict(self)
        del data["given"]
        shown = shown_path(self.path)
        if shown != self.path:
            data["path"] = shown
            data[PATH_BYTES] = os.fsencode(self.path).hex()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> InputFile:
        """The input :meth:`to_dict` stored (a plan of an earlier carelens has no
        :data:`PATH_BYTES`: its names are UTF-8); a damaged one is a TypeError or
        ValueError."""
        fields = dict(data)
        raw = fields.pop(PATH_BYTES, None)
        if raw is not None:
            if not isinstance(raw, str):
                raise TypeError(f"an input's {PATH_BYTES} are not hex digits")
            fields["path"] = os.fsdecode(bytes.fromhex(raw))
        if not isinstance(fields.get("path"), str):
            raise TypeError("an input's path is not text")
        return cls(**fields)


@dataclass(frozen=True, slots=True)
class BatchPlan:
    """Everything that decides a batch run's output."""

    inputs: tuple[InputFile, ...]
    shards: int
    model_id: str
    column_map: Mapping[str, str] = field(default_factory=dict)
    max_chars: int = 1_000_000
    include_text: bool = True
    redact: bool = False
    #: The ``--helper`` patterns, sorted: only exchanges whose response speaker matches one
    #: are staged and scored (:mod:`carelens.readers.helpers`; empty: every exchange).
    helpers: tuple[str, ...] = ()
    #: The grouping rule of stage 1 (:data:`STAGING`).
    staging: int = STAGING
    #: What tells the model from another with the same id
    #: (:attr:`~carelens.inference.artifact.ModelArtifact.fingerprint`); None in the plans of
    #: carelens before it, which a run that knows its build refuses (:meth:`unknown_build`).
    model_fingerprint: str | None = None
    #: The workers' batch size (pairs, or ``"auto"``:
    #: :func:`~carelens.batch.scoring.worker_batch_size`); None in the plans of carelens
    #: before it, resumed with any.
    batch_size: int | str | None = None
    #: Where the workers run the model (:data:`DEVICES`: ``--gpu`` or not); None in the
    #: plans of carelens before it, resumed on either.
    device: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["inputs"] = [i.to_dict() for i in self.inputs]
        data["column_map"] = dict(self.column_map)
        data["helpers"] = list(self.helpers)
        for name in ("batch_size", "device"):  # a plan made without one is written as before it
            if data[name] is None:
                del data[name]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BatchPlan:
        return cls(
            inputs=tuple(InputFile.from_dict(i) for i in data["inputs"]),
            shards=int(data["shards"]),
            model_id=str(data["model_id"]),
            column_map=dict(data.get("column_map") or {}),
            max_chars=int(data["max_chars"]),
            include_text=bool(data["include_text"]),
            redact=bool(data["redact"]),
            # Plans of carelens before --helper: every exchange, as without it.
            helpers=_patterns(data.get("helpers") or ()),
            staging=int(data.get("staging", 1)),  # plans of carelens before it: rule 1
            model_fingerprint=_fingerprint(data.get("model_fingerprint")),
            batch_size=_batch_size(data.get("batch_size")),
            device=_device(data.get("device")),
        )

    def differences(self, other: BatchPlan) -> list[str]:
        """What differs between two plans, as the options of ``carelens batch`` that set it
        (empty when they are the same run)."""
        diffs: list[str] = []
        mine = {(i.path, i.format, i.size, i.mtime_ns) for i in self.inputs}
        theirs = {(i.path, i.format, i.size, i.mtime_ns) for i in other.inputs}
        if mine != theirs:
            changed = sorted({shown_path(p) for p, *_ in mine ^ theirs})
            more = ", ..." if len(changed) > 3 else ""
            diffs.append(f"inputs ({', '.join(changed[:3])}{more})")
        for name, option in _OPTION_NAMES.items():
            if getattr(self, name) != getattr(other, name):
                diffs.append(option)
        if not same_patterns(self.helpers, other.helpers):
            diffs.append(
                f"--helper (the output's run: {as_options(self.helpers)}; "
                f"this run: {as_options(other.helpers)})"
            )
        mine_fp, theirs_fp = self.model_fingerprint, other.model_fingerprint
        if mine_fp is not None and theirs_fp is not None and mine_fp != theirs_fp:
            diffs.append(f"--model (another build of {self.model_id}: {mine_fp} and {theirs_fp})")
        if self.staging != other.staging:
            diffs.append(f"staging rule ({self.staging} and {other.staging})")
        mine_bs, theirs_bs = self.batch_size, other.batch_size
        if mine_bs is not None and theirs_bs is not None and mine_bs != theirs_bs:
            diffs.append(f"--batch-size (the output's run: {mine_bs}; this run: {theirs_bs})")
        if self.device is not None and other.device is not None and self.device != other.device:
            # Float results may differ between devices: one folder never mixes their parts.
            diffs.append(
                f"--gpu (the output's run: {DEVICES[self.device]}; this run: "
                f"{DEVICES[other.device]})"
            )
        return diffs

    def unknown_build(self, run: BatchPlan, *, kept_in: str, finished: bool) -> str | None:
        """Why ``run`` cannot take over the folder of this stored plan, which names no model
        build while ``run`` knows its own, or None.

        Nothing then shows which build made the folder's parts: resuming would put two
        builds' results in one folder, and a finished folder's results would pass for this
        model's. ``kept_in`` names the file that holds this plan, ``finished`` whether it is
        a finished run's (for the message). A run that does not know its build (a plan made
        from Python without one) judges the model by its id (:meth:`differences`).
        """
        if self.model_fingerprint is not None or run.model_fingerprint is None:
            return None
        model = f"this run's model, {run.model_id!r} (build {run.model_fingerprint})"
        risk = (
            f"nothing shows that they are the results of {model}"
            if finished
            else f"resuming with {model}, could put two builds' results in one folder"
        )
        return (
            "the output folder cannot be resumed: it holds the results of an older carelens, "
            "which kept no record of the build of the model that made them (its "
            f"{kept_in} names the model, not its build); {risk}: pass --overwrite to start "
            "over, or choose another output folder"
        )

    def staging_rule(self) -> str:
        """What the plan's staging rule (:data:`STAGING`) does, in words."""
        return STAGING_RULES.get(self.staging, f"staging rule {self.staging}, unknown here")


#: The plan's settings as the options of ``carelens batch`` name them (``max_chars`` is
#: set from Python only; ``helpers``, ``--helper``, is compared on its own, to show both
#: runs' patterns).
_OPTION_NAMES = {
    "shards": "--shards",
    "model_id": "--model",
    "column_map": "--column-map",
    "max_chars": "max_chars",
    "include_text": "--no-text",
    "redact": "--redact",
}


def _fingerprint(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _batch_size(value: Any) -> int | str | None:
    """A stored batch size, checked (a damaged plan is a TypeError); None: not kept."""
    if value is None:
        return None
    if value == "auto":
        return "auto"
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    raise TypeError("the plan's batch size is not a number of pairs or 'auto'")


def _device(value: Any) -> str | None:
    """A stored device, checked (a damaged plan is a TypeError); None: not kept."""
    if value is None:
        return None
    if isinstance(value, str) and value in DEVICES:
        return value
    raise TypeError(f"the plan's device is not one of {', '.join(DEVICES)}")


def _patterns(value: Any) -> tuple[str, ...]:
    """Stored ``--helper`` patterns, checked (a damaged plan is a TypeError)."""
    if not isinstance(value, list | tuple) or not all(isinstance(p, str) for p in value):
        raise TypeError("the plan's helpers are not a list of patterns")
    return tuple(value)


class _ReadEnough(Exception):
    """Raised by :class:`_FirstRecordLog` at a file's first reject or skipped item."""


class _FirstRecordLog(RejectLog):
    """A reject log that stops a read at its first reject or skipped item: the file was read
    far enough then (a file of bad lines is not read to its end)."""

    def add(
        self,
        path: str | os.PathLike[str],
        line: int | None,
        field: str | None,
        reason: str,
        *,
        detail: str | None = None,
    ) -> None:
        raise _ReadEnough

    def skip(self, reason: str, n: int = 1) -> None:
        raise _ReadEnough


def _check_readable(path: Path, fmt: str, column_map: Mapping[str, str], *, max_chars: int) -> None:
    """Raise the reader's InputError when ``path`` cannot be read as ``fmt``, as ``carelens
    analyze`` would raise it: a file that cannot be opened or decoded (a gzip file named
    ``.csv``, a UTF-16 file, a damaged Parquet or ``.zst`` file), a header (or schema) that
    lacks a column ``column_map`` reads. Only the start is read: up to the first record,
    reject or skipped item, so a stage-1 task never meets these errors."""
    records = read_records(
        path, format=fmt, column_map=column_map, rejects=_FirstRecordLog(), max_chars=max_chars
    )
    try:
        next(records, None)
    except _ReadEnough:
        pass
    finally:
        close = getattr(records, "close", None)
        if close is not None:
            close()


def make_plan(
    paths: Sequence[str | os.PathLike[str]],
    *,
    model_id: str,
    model_fingerprint: str | None = None,
    format: str | None = None,
    column_map: Mapping[str, str] | None = None,
    shards: int | None = None,
    max_chars: int = 1_000_000,
    include_text: bool = True,
    redact: bool = False,
    helpers: Sequence[str] = (),
    exclude: str | os.PathLike[str] | None = None,
    batch_size: int | str | None = None,
    device: str | None = None,
) -> BatchPlan:
    """The plan for these inputs; each file's format is detected unless ``format`` is given,
    and its start read (:func:`_check_readable`): every input is checked before any work.

    ``helpers`` are the ``--helper`` patterns (an empty one is an InputError, raised before
    anything is read). ``exclude`` is the output folder, never read as an input, nor is
    another batch run's output folder in an input folder: each one left out is logged once,
    with why (see :func:`expand_inputs`). ``batch_size`` is the workers' and ``device``
    where they run (:data:`DEVICES`), each kept as it is.
    """
    patterns = tuple(sorted(HelperPatterns(helpers).patterns))
    if format is not None and format not in SUPPORTED_FORMATS:
        raise InputError(f"unknown format {format!r}; use one of {', '.join(SUPPORTED_FORMATS)}")
    left_out: dict[Path, str] = {}
    files = expand_inputs(paths, exclude=exclude, left_out=left_out)
    for folder, why in left_out.items():  # said once, by the plan of the run
        logger.warning("%s: not read as an input: %s", folder, why)
    inputs = []
    for index, p in enumerate(files):
        fmt = format or detect_format(p, column_map=column_map)
        _check_readable(p, fmt, column_map or {}, max_chars=max_chars)
        stat = (p / UTTERANCES if p.is_dir() else p).stat()
        inputs.append(
            InputFile(index, str(p.resolve()), fmt, stat.st_size, stat.st_mtime_ns, given=str(p))
        )
    if shards is None:
        expected = sum(i.size * (ZST_EXPANSION if i.path.endswith(".zst") else 1) for i in inputs)
        shards = min(MAX_SHARDS, max(MIN_SHARDS, math.ceil(expected / SHARD_BYTES)))
    if shards < 1:
        raise InputError("--shards must be at least 1")
    return BatchPlan(
        inputs=tuple(inputs),
        shards=shards,
        model_id=model_id,
        model_fingerprint=model_fingerprint,
        column_map=dict(column_map or {}),
        max_chars=max_chars,
        include_text=include_text,
        redact=redact,
        helpers=patterns,
        batch_size=batch_size,
        device=device,
    )


def read_plan(path: Path) -> BatchPlan | None:
    """The plan stored at ``path``, or None when there is none (a damaged one is an error)."""
    if not path.is_file():
        return None
    try:
        return BatchPlan.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(
            "the stored batch plan is damaged; pass --overwrite to start over", path=str(path)
        ) from exc


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to ``path`` so that readers see the old file or the whole new one."""
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)
