"""The ``carelens`` command: ``analyze``, ``batch``, ``report``, ``summarize``, ``evaluate``,
``evaluate-contrast``, ``train``, ``fit-spans``, ``serve`` and ``keys``.

Each command lives in its own module and is a thin layer over a public function; this module
builds the typer app and the ``--version`` option. The console script is
``carelens = carelens.cli.main:app``.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from carelens._version import __version__
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
)


class PlainHelpCommand(TyperCommand):
    """A command whose ``--help`` is click's plain layout: each option name whole, its help
    wrapped beside or under it. rich's options panel gives the names, the ``--a/--b`` flag
    pairs, the types and the help a column each and narrows them all alike, so for a
    command with many long option names (``train``) it cuts the names at 80 columns."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rich_markup_mode = None  # the help only: errors are formatted by the app


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


app.command("analyze")(analyze)
app.command("batch")(batch)
app.command("report")(report)
app.command("summarize")(summarize)
app.command("evaluate")(evaluate_command)
app.command("evaluate-contrast")(evaluate_contrast_command)
app.command("train", cls=PlainHelpCommand, context_settings={"max_content_width": 120})(train)
app.command("fit-spans")(fit_spans)
app.command("serve")(serve)
app.add_typer(keys_app, name="keys")

if __name__ == "__main__":  # pragma: no cover
    app()
