"""The ``carelens`` command: ``analyze``, ``batch``, ``report``, ``summarize``, ``evaluate``,
``evaluate-contrast``, ``train``, ``fit-spans``, ``serve`` and ``keys``.

Each command lives in its own module and is a thin layer over a public function; this module
builds the typer app (its commands with the classes of :mod:`carelens.cli._help`, so ``-h``
asks for help too and a flag shows no type in it) and the ``--version`` option. The console
script is ``carelens = carelens.cli.main:app``.
"""

from __future__ import annotations

from typing import Annotated

import typer

from carelens._version import __version__
from carelens.cli._help import HELP_OPTION_NAMES, Command, Group, PlainHelpCommand
from carelens.cli.analyze import analyze
from carelens.cli.batch import batch
from carelens.cli.evaluate import evaluate_command, evaluate_contrast_command
from carelens.cli.fit_spans import fit_spans
from carelens.cli.insights import report, summarize
from carelens.cli.serve import keys_app, serve
from carelens.cli.train import train

app = typer.Typer(
    name="carelens",
    help="Tell sympathy from empathy from compassion in supportive conversations, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    cls=Group,
    context_settings={"help_option_names": HELP_OPTION_NAMES},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"carelens {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Tell sympathy from empathy from compassion in supportive conversations, offline."""


app.command("analyze", cls=Command)(analyze)
app.command("batch", cls=Command)(batch)
app.command("report", cls=Command)(report)
app.command("summarize", cls=Command)(summarize)
app.command("evaluate", cls=Command)(evaluate_command)
app.command("evaluate-contrast", cls=Command)(evaluate_contrast_command)
app.command("train", cls=PlainHelpCommand, context_settings={"max_content_width": 120})(train)
app.command("fit-spans", cls=Command)(fit_spans)
app.command("serve", cls=Command)(serve)
app.add_typer(keys_app, name="keys")

if __name__ == "__main__":  # pragma: no cover
    app()
