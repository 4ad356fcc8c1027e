"""``carelens fit-spans``: fit how a model's rationale sentences are chosen, on dev.

A thin layer over :func:`carelens.training.span_fit.fit_sentence_ratios` and
:func:`~carelens.training.span_fit.record_sentence_ratios`, for models trained before
``carelens train`` did this itself. Needs no torch. The dev part is the model's own (its
split rebuilt from the manifest), for DATA and for the ``--annotations``, whose stored
``part`` is not used; a bad annotation line, an annotation of a response not in DATA or one
that does not fit its row (another ``sp_id``, offsets past the text) is an error naming the
file, line and field, as ``carelens train`` refuses it. A file whose dev part has no gold
rationale for any dimension is refused and the model left as it was; a dimension without one
keeps the model's ratio, and the table says so. When a ratio changes, the evaluation figures
recorded in the manifest with rationale scores (measured with the earlier ratios) are
removed, and a note names them. A SIGTERM is handled as a Ctrl-C. A missing MODEL, DATA or
annotations file is an error (exit 1), as in every command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from carelens.cli._inputs import require_input
from carelens.cli._model import Threads
from carelens.cli._session import Quiet, Verbose, session
from carelens.cli._tables import fmt_score


def fit_spans(
    model: Annotated[
        Path,
        typer.Argument(help="The model folder to fit and update."),
    ],
    data: Annotated[
        Path,
        typer.Argument(help="The CSV (EPITOME layout) the model was trained on."),
    ],
    annotations: Annotated[
        Path | None,
        typer.Option(
            help="The project's annotations of DATA (those in the model's dev part score the "
            "taxonomy dimensions).",
        ),
    ] = None,
    threads: Threads = None,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Choose each dimension's rationale sentences by dev token-F1 and store it in MODEL."""
    from carelens.training.span_fit import fit_sentence_ratios, record_sentence_ratios

    with session(verbose, quiet, on_interrupt="The model was left as it was.", terminate=True) as s:
        require_input(model, kind="folder")
        require_input(data)
        if annotations is not None:
            require_input(annotations)
        with s.progress("ratios") as bar:
            task = bar.add_task("fitting on dev", total=None)
            fit = fit_sentence_ratios(
                model,
                data,
                annotations,
                threads=threads,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
                require_rationales=True,
            )
        recorded = record_sentence_ratios(model, fit)
        table = Table(
            title="sentences marked: score >= ratio x best",
            title_justify="left",
        )
        for name in ("dimension", "dev responses", "ratio", "dev token-F1", "ratio from"):
            table.add_column(
                name, justify="left" if name in ("dimension", "ratio from") else "right"
            )
        for dim, ratio in fit.ratios.items():
            n = fit.responses.get(dim)
            table.add_row(
                dim,
                str(n) if n else "-",
                f"{ratio:.1f}",
                fmt_score(fit.chosen_token_f1(dim)),
                _SOURCES[fit.source(dim)],
            )
        s.summary(table)
        unfitted = [d for d in fit.ratios if fit.source(d) != "dev"]
        if unfitted:
            s.note(
                f"no gold rationale on dev for {escape(', '.join(unfitted))}: "
                "their ratios were not refitted"
            )
        s.note(f"ratios recorded in {escape(str(recorded.manifest))}")
        if recorded.dropped:
            s.note(
                f"removed the recorded evaluation figures {escape(', '.join(recorded.dropped))}: "
                "they were measured with the earlier ratios; record them again with carelens "
                "evaluate ... --record"
            )


_SOURCES = {
    "dev": "fitted on dev",
    "kept": "kept (no dev rationale)",
    "default": "default (no dev rationale)",
}
