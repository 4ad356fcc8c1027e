"""``carelens batch``: analyse many or very large inputs on Ray Data (extra ``batch``).

A thin layer over :func:`carelens.batch.run_batch`: options in, a progress bar over pairs
while shards finish, and the run summary (the same rows as ``carelens analyze``) out. A
column map for Reddit or WordPress input is refused before any work, and so is an output
folder that cannot be written (a file in the way, no permission: exit 1, as for every
command); a run that analysed nothing says why, as ``analyze`` does (:func:`no_pairs_in`).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from carelens.cli._inputs import (
    ColumnMap,
    Helper,
    InputFormat,
    column_map_named,
    no_pairs_hint,
    parse_column_map,
    refuse_column_map_for,
)
from carelens.cli._model import ModelPath
from carelens.cli._outputs import NoText, Overwrite, Redact, refuse_unwritable_place
from carelens.cli._session import Quiet, Verbose, session
from carelens.cli.analyze import (
    add_left_out_row,
    add_outcome_rows,
    levels_table,
    no_helper_matched,
)
from carelens.errors import InputError, MissingExtraError

#: The modules of the ``batch`` extra, and the package that brings each (pyarrow first: it
#: is the quicker to import).
_BATCH_MODULES = (("pyarrow", "pyarrow"), ("ray", "ray[data]"))


def require_batch_extra() -> None:
    """MissingExtraError, before anything of :mod:`carelens.batch` is imported, when a
    package of the ``batch`` extra is not installed (its modules import pyarrow at once)."""
    for module, package in _BATCH_MODULES:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            raise MissingExtraError(package, "batch") from exc


def interrupted_note(output: Path) -> str:
    """What a Ctrl-C left in ``output``, worded when it happens: finished parts, a plan
    (with stage 1, perhaps) to resume, or nothing, so any options may be given next time."""
    from carelens.batch.outputs import PLAN, WORK

    where = escape(str(output))
    if any(output.glob("part-*.parquet")):
        return f"Finished parts are kept in {where}; run the same command again to resume."
    if (output / WORK / PLAN).is_file():
        return (
            f"No part was finished yet; the run's plan and the work done so far are kept in "
            f"{where}: run the same command again to resume, or pass --overwrite to start over."
        )
    return f"No part was finished and nothing is kept in {where} to resume."


def _batch_size_option(value: str | None) -> str | None:
    """``--batch-size`` checked while the command line is read: a whole number of at least 1
    or ``auto`` (in any case); anything else is a usage error (exit 2)."""
    if value is None:
        return None
    if value.strip().casefold() == "auto":
        return "auto"
    try:
        size = int(value)
    except ValueError:
        size = 0
    if size < 1:
        raise typer.BadParameter(
            f"{value!r} is not a number of pairs: give a whole number of at least 1, or auto"
        )
    return str(size)


def batch(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Input files or folders (every file under a folder is an input)."),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="Output folder: Parquet parts, manifest.json, rejects.jsonl."
        ),
    ],
    address: Annotated[
        str | None,
        typer.Option(
            help="Ray cluster to run on ('auto', or 'ray://HOST:10001'); default: a private "
            "Ray on this machine."
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Scoring workers; each loads the model once.")
    ] = 1,
    threads: Annotated[
        int | None,
        typer.Option(
            "--threads-per-worker",
            min=1,
            help="CPU threads per worker (default: the CPUs shared among the workers).",
        ),
    ] = None,
    gpu: Annotated[
        bool,
        typer.Option(
            "--gpu", help="Score on CUDA GPUs (needs onnxruntime-gpu); one GPU per worker."
        ),
    ] = False,
    batch_size: Annotated[
        str | None,
        typer.Option(
            "--batch-size",
            metavar="<N|auto>",
            callback=_batch_size_option,
            help="Pairs per model batch (default: 1, or 64 with --gpu). A pair's results "
            "depend on the pairs batched with it, as for analyze --batch-size, so a fixed "
            "size gives the same results on every run and resume. 'auto' (with --gpu) "
            "chooses the size by timing: faster to tune, but results then vary from run to "
            "run.",
        ),
    ] = None,
    input_format: InputFormat = None,
    column_map: ColumnMap = None,
    shards: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Shards, the unit of resuming: each that gets pairs writes one output part; "
            "default: about one per MiB of input (at least 4).",
        ),
    ] = None,
    model: ModelPath = None,
    no_text: NoText = False,
    redact: Redact = False,
    helper: Helper = None,
    overwrite: Overwrite = False,
    keep_work: Annotated[
        bool,
        typer.Option("--keep-work", help="Keep the staged pairs (OUT/_work) after a finished run."),
    ] = False,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Analyse every pair of INPUTS on Ray Data; re-running resumes an unfinished OUTPUT."""
    with session(
        verbose, quiet, on_interrupt=lambda: interrupted_note(output), terminate=True
    ) as s:
        mapping = parse_column_map(column_map)
        if batch_size == "auto" and not gpu:  # a usage error before any work (exit 2)
            raise typer.BadParameter(
                "auto chooses a GPU's batch size by timing: give it with --gpu, or give a "
                "number of pairs",
                param_hint="--batch-size",
            )
        require_batch_extra()
        from carelens.batch import BatchOptions, run_batch
        from carelens.batch.inputs import expand_inputs
        from carelens.readers.helpers import HelperPatterns
        from carelens.readers.rejects import shown_path

        if mapping:  # a usage error before any work, as analyze gives it
            refuse_column_map_for(expand_inputs(inputs, exclude=output), input_format, mapping)
        refuse_unwritable_place(output, option="--output")  # before Ray starts or the model loads
        options = BatchOptions(
            output=output,
            format=input_format,
            column_map=mapping,
            address=address,
            workers=workers,
            threads=threads,
            gpu=gpu,
            batch_size=batch_size if batch_size in (None, "auto") else int(batch_size),
            shards=shards,
            model=str(model) if model is not None else None,
            include_text=not no_text,
            redact=redact,
            helpers=tuple(helper or ()),
            overwrite=overwrite,
            keep_work=keep_work,
        )
        with s.progress("pairs") as bar:
            task = bar.add_task("analysing", total=None)
            result = run_batch(
                inputs,
                options,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
            )
        table = Table(title="Summary", title_justify="left", show_header=False)
        table.add_column("what", style="bold")
        table.add_column("value")
        table.add_row("inputs", escape(", ".join(shown_path(p) for p in inputs)))
        table.add_row("output", escape(f"{shown_path(result.output)} ({result.parts} parts)"))
        table.add_row("model", escape(result.model_id))
        if result.already_complete:
            table.add_row("pairs analysed", f"{result.pairs} (the output was already complete)")
        else:
            done = f"{result.scored}"
            if result.resumed:
                done += f" (+ {result.resumed} already in the output: {result.pairs} in all)"
            table.add_row("pairs analysed", done)
            table.add_row("time", f"{result.seconds:.1f} s")
        add_left_out_row(table, result.not_by_helpers)
        add_outcome_rows(
            table,
            style_counts=result.style_counts,
            needs_attention=result.needs_attention,
            crisis_hints=result.crisis_hints,
            unsafe_replies=result.unsafe_replies,
            rejected=result.rejected,
            rejects_path=result.rejects_path if sum(result.rejected.values()) else None,
            skipped=result.skipped,
        )
        s.summary(table, levels_table(result.level_counts))
        if result.pairs == 0:  # nothing analysed: exit 1 once the summary is out, as analyze
            if result.not_by_helpers:
                patterns = HelperPatterns(helper or ()).patterns
                why = no_helper_matched(result.not_by_helpers, patterns)
            elif rejected := sum(result.rejected.values()):
                why = f"all {rejected:,} records were rejected (rejects: {result.rejects_path})"
            else:
                why = no_pairs_in(
                    expand_inputs(inputs, exclude=output),
                    input_format=input_format,
                    column_map=mapping,
                    skipped=result.skipped,
                )
            raise InputError(f"Nothing was analysed: {why}.")


#: At most this many input files are read again to tell why none gave a pair.
EXPLAINED_FILES = 3


def no_pairs_in(
    files: Sequence[Path],
    *,
    input_format: str | None,
    column_map: Mapping[str, str],
    skipped: Mapping[str, int],
) -> str:
    """Why the input ``files`` of a run that rejected nothing gave no pair, as ``analyze``
    says it of its one file (:func:`~carelens.cli._inputs.no_pairs_hint`), named: of the
    first of them (at most :data:`EXPLAINED_FILES` read again) whose messages have a field
    that may name the message answered, else of the first."""
    if not files:
        return "the inputs hold no message and reply to it"
    if skipped:  # counted over every input: said of them all
        return no_pairs_hint(
            files[0], input_format=input_format, column_map=column_map, skipped=skipped
        )
    explained = None
    for path in files[:EXPLAINED_FILES]:
        hint = no_pairs_hint(path, input_format=input_format, column_map=column_map)
        if explained is None or column_map_named(hint):
            explained = (path, hint)
        if column_map_named(hint):
            break
    assert explained is not None
    path, hint = explained
    if len(files) == 1:
        return f"{path}: {hint}"
    return (
        f"none of the {len(files):,} input files holds a message and a reply to it; {path}: {hint}"
    )
