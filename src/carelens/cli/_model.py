"""The model a command runs: the options that choose it and how it runs (``--model``,
``--threads``, ``--batch-size``), and :func:`load_analyzer`, which loads it for one command
and stops its worker threads when the command ends, however it ends.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

import carelens

if TYPE_CHECKING:
    from carelens.analysis.empathy import EmpathyAnalyzer

ModelPath = Annotated[
    Path | None,
    typer.Option(help="Model folder (default: the model shipped with carelens)."),
]
Threads = Annotated[
    int | None,
    typer.Option(
        min=1,
        help="Model batches run at once, one CPU thread each (default: all CPUs); with the "
        "default batch size, pairs analysed at once.",
    ),
]
BatchSize = Annotated[
    int,
    typer.Option(
        min=1,
        help="Pairs per model batch. 1 (the default) makes each result independent of the "
        "other pairs; larger batches are a little faster but share int8 activation scales, so "
        "a pair's probabilities can shift with its neighbours (by up to 0.24 seen), and with "
        "them a level or the style.",
    ),
]


def load_analyzer(held: ExitStack, model: Path | None, **options: Any) -> EmpathyAnalyzer:
    """The model (:func:`carelens.load` with ``options``), whose worker threads stop when
    ``held`` closes: when the command ends, done, failed or stopped by Ctrl-C or a SIGTERM
    (:meth:`~carelens.analysis.empathy.EmpathyAnalyzer.close`), so that nothing waits on
    them (the exit of the program, a notebook or test that runs commands in-process)."""
    analyzer = carelens.load(model, **options)
    held.callback(analyzer.close)
    return analyzer
