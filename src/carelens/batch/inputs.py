"""Which files a batch run reads: its inputs, expanded from the files and folders given.

:func:`expand_inputs` lists every file under an input folder (sorted; names starting with
``.`` or ``_`` left out; a folder with ``utterances.jsonl`` is one ConvoKit input), less what
carelens wrote there, which is results, not conversations: the run's own output folder
(never an input, even inside an input folder), the output folder of another batch run (one
that holds a batch manifest or a run's plan: :func:`batch_output_folders`), and a result file
of ``carelens analyze`` with the files kept beside it (known by its layout, as
``summarize`` knows a result file: :func:`analyze_results`). What is left out is said once,
with why, by the plan (:func:`~carelens.batch.plan.make_plan`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from carelens.errors import InputError
from carelens.output.layouts import holds_results
from carelens.output.paths import PARTIAL_SUFFIX, kept_beside
from carelens.output.records import OUTPUT_FORMATS
from carelens.readers.jsonl import UTTERANCES


def expand_inputs(
    paths: Sequence[str | os.PathLike[str]],
    *,
    exclude: str | os.PathLike[str] | None = None,
    left_out: dict[Path, str] | None = None,
) -> list[Path]:
    """Input files in a stable order: files as given, folders expanded to their files.

    A folder with ``utterances.jsonl`` is one ConvoKit input; any other folder stands for
    the files under it (recursively, sorted; names starting with ``.`` or ``_`` left out).
    ``exclude`` (the output folder) and everything under it are left out of a folder, and
    an input given inside it is an error. So is, in a folder, every folder that holds the
    output of a batch run (:func:`batch_output_folders`: an earlier run's into another
    folder): its parts, manifest and rejects are results, not conversations; and so is
    every result file of ``carelens analyze`` (:func:`analyze_results`), with the files kept
    beside it. Each folder left out that holds a file that would otherwise be read, and
    each result file, goes into ``left_out``, with why (for the run to say).
    """
    skip = Path(exclude).resolve() if exclude is not None else None
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError("no such file or folder; check the path", path=str(p))
        resolved = p.resolve()
        if skip is not None and resolved.is_relative_to(skip):
            raise InputError(
                "the input is inside the output folder; give another output folder",
                path=str(p),
            )
        if p.is_dir() and not (p / UTTERANCES).is_file():
            # The output folder as its files are named under p (it need not exist yet).
            under = None
            if skip is not None and skip.is_relative_to(resolved):
                under = p / skip.relative_to(resolved)
            entries = sorted(f for f in p.rglob("*") if f.is_file())
            outputs = {} if under is None else {under: OWN_OUTPUT}
            for folder in batch_output_folders(entries):
                if not any(folder.is_relative_to(o) for o in outputs):
                    outputs[folder] = OTHER_OUTPUT
            files = []
            for f in entries:
                if _hidden(f, p):
                    continue
                held = next((o for o in outputs if f.is_relative_to(o)), None)
                if held is None:
                    files.append(f)
                elif left_out is not None:
                    left_out.setdefault(held, outputs[held])
            results = analyze_results(files)
            kept = set().union(*results.values())
            files = [f for f in files if f not in kept]
            if left_out is not None:
                left_out.update(dict.fromkeys(results, RESULT_FILE))
            if not files:
                besides = []
                if any(f.is_relative_to(o) for f in entries for o in outputs):
                    besides.append("the output of a carelens batch run")
                if results:
                    besides.append("the result files of carelens analyze")
                what = "no input files"
                if besides:
                    are = "are not inputs" if results else "is not an input"
                    what += f" besides {' and '.join(besides)}, which {are}"
                raise InputError(f"the folder holds {what}", path=str(p))
            found.extend(files)
        else:
            found.append(p)
    seen: set[Path] = set()
    unique = []
    for p in found:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith((".", "_")) for part in path.relative_to(root).parts)


#: Why :func:`expand_inputs` leaves a folder out: the run's own output folder, another
#: batch run's.
OWN_OUTPUT = "the output folder of this run"
OTHER_OUTPUT = (
    "the output folder of another carelens batch run (it holds its manifest.json or "
    "_work/plan.json): its results are not conversations to analyse"
)
#: Why :func:`expand_inputs` leaves a file out: results ``carelens analyze`` wrote.
RESULT_FILE = (
    "a result file of carelens analyze (its records have the result layout): results are "
    "not conversations to analyse; the files kept beside it (.options.json, .digests, "
    ".rejects.jsonl, .lock) are left out with it"
)


def analyze_results(files: Sequence[Path]) -> dict[Path, set[Path]]:
    """The result files of ``carelens analyze`` among ``files`` (the files found under an
    input folder), known by their layout as ``summarize`` and ``report`` know a result
    file (:func:`~carelens.output.layouts.holds_results`), each with the files of it among
    ``files``: itself, its output (a Parquet output for its ``.partial.jsonl``) and the
    files a run keeps beside that (:func:`~carelens.output.paths.kept_beside`)."""
    here = set(files)
    found: dict[Path, set[Path]] = {}
    for f in files:
        if f.suffix.lower() not in OUTPUT_FORMATS or not holds_results(f):
            continue
        output = f.with_name(f.name.removesuffix(PARTIAL_SUFFIX))
        found[f] = {f, output, *kept_beside(output)} & here
    return found


def batch_output_folders(files: Sequence[Path]) -> list[Path]:
    """The folders, among those of ``files`` (every file found under an input folder), that
    hold the output of a carelens batch run: a batch manifest (a ``manifest.json`` a batch
    run wrote, not any file of that name) or a run's plan (``_work/plan.json``)."""
    from carelens.batch.outputs import MANIFEST, PLAN, WORK, is_batch_manifest

    found = {f.parent for f in files if f.name == MANIFEST and is_batch_manifest(f)}
    found |= {f.parent.parent for f in files if f.name == PLAN and f.parent.name == WORK}
    return sorted(found)
