"""``carelens evaluate``: score a model on labelled pairs in the EPITOME layout.

A thin layer over :func:`carelens.evaluation.evaluate`; ``--split`` reproduces the model's
own train / dev / test split (:func:`carelens.evaluation.model_split_ids`) and scores one
part. Prints a table, or the report as JSON with ``--json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

import carelens
from carelens.cli._common import BatchSize, ModelPath, Quiet, Threads, Verbose, fmt_score, session
from carelens.errors import InputError
from carelens.evaluation import SPLIT_PARTS, EvaluationReport, evaluate, model_split_ids
from carelens.inference.artifact import record_evaluation
from carelens.readers import RejectLog


def evaluate_command(
    data: Annotated[Path, typer.Argument(help="Labelled CSV in the EPITOME layout.")],
    model: ModelPath = None,
    split: Annotated[
        str,
        typer.Option(
            help="Score all rows, or one part (train, dev, test) of the model's own split."
        ),
    ] = "all",
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    record: Annotated[
        bool,
        typer.Option(
            "--record", help="Store the figures in the model's manifest.json under the split."
        ),
    ] = False,
    rejects: Annotated[
        Path | None, typer.Option(help="Write bad rows (file, line, field) to this file.")
    ] = None,
    threads: Threads = None,
    batch_size: BatchSize = 1,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Score the model on DATA: accuracy, macro-F1 and rationale F1 per mechanism."""
    with session(verbose, quiet) as s:
        if split != "all" and split not in SPLIT_PARTS:
            raise InputError(f"--split must be all, {', '.join(SPLIT_PARTS)}; got {split!r}")
        analyzer = carelens.load(model, threads=threads, batch_size=batch_size)
        ids = None
        if split != "all":
            ids = model_split_ids(data, analyzer.artifact.manifest, split)
        with RejectLog(rejects) as log, s.progress("pairs") as bar:
            task = bar.add_task("evaluating", total=None)
            report = evaluate(
                data,
                analyzer,
                ids=ids,
                rejects=log,
                split=split,
                progress=lambda n: bar.advance(task, n),
            )
        if record:
            figures = report.to_dict()
            figures["path"] = data.name  # the manifest ships; this machine's paths must not
            figures["command"] = f"carelens evaluate {data.name} --split {split}"
            written = record_evaluation(analyzer.artifact.path, split, figures)
            s.note(f"figures recorded in {escape(str(written))}")
        if as_json:
            typer.echo(json.dumps(report.to_dict(), indent=2))
        else:
            s.out.print(_report_table(report))
            if report.rejected:
                where = f"; listed in {rejects}" if rejects else " (list them with --rejects)"
                rows = "row" if report.rejected == 1 else "rows"
                s.note(f"{report.rejected} {rows} rejected{escape(where)}")


def _report_table(report: EvaluationReport) -> Table:
    part = "" if report.split in (None, "all") else f", {report.split} split"
    table = Table(
        title=f"{escape(report.model_id)} on {escape(report.path)}{escape(part)}",
        title_justify="left",
    )
    table.add_column("mechanism")
    for name in ("n", "accuracy", "macro-F1", "ECE", "token-F1", "IOU-F1"):
        table.add_column(name, justify="right")
    for m in report.mechanisms:
        table.add_row(
            m.dimension,
            str(m.n),
            fmt_score(m.accuracy),
            fmt_score(m.macro_f1),
            fmt_score(m.ece),
            fmt_score(m.token_f1),
            fmt_score(m.iou_f1),
        )
    table.caption = (
        "ECE: expected calibration error of the level probabilities (10 bins, lower is better); "
        "rationale F1 over pairs with a gold rationale (EPITOME, word tokens)"
    )
    return table
