"""The ``carelens`` command: ``analyze``, ``batch``, ``report``, ``summarize``, ``evaluate``,
``evaluate-contrast``, ``train``, ``fit-spans``, ``serve`` and ``keys``.

Each command lives in its own module and is a thin layer over a public function, which it
imports in the command's body, where a run needs it: building the app imports none of the
analysis, the model, the readers or the insights, so ``carelens --help``, ``--version`` and
each command's ``--help`` start without them (``benchmarks/startup_time.py``). This module
builds the typer app (its commands with the classes of :mod:`carelens.cli._help`, so ``-h``
asks for help too and a flag shows no type in it) and the ``--version`` option. The console
script is ``carelens = carelens.cli.main:app``. The commands end with code 141 and no
message when the program reading their output stops early (``carelens analyze X | head``,
:func:`~carelens.cli._session.session`); the help and the ``--version`` line are
written before any command runs, by click and rich, which end with code 1 then: the app
(:class:`Carelens`) makes that 141 too. It also writes what stdout and stderr cannot encode
replaced (``…`` on an ASCII terminal; a file name that is not UTF-8, which Python reads as
``caf\\udce9.csv``, as a rejects file shows it: ``caf\\xe9.csv``), help and usage errors
included, rather than stopping the run
(:func:`~carelens.cli._session.encodable_streams`), and once a command has ended on Ctrl-C or
a SIGTERM ignores repeats of them, so its exit code stays 130 or 143.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from contextlib import suppress
from typing import Annotated, Any

import typer

from carelens._version import __version__
from carelens.cli._help import HELP_OPTION_NAMES, Command, Group, PlainHelpCommand
from carelens.cli._session import EXIT_INTERRUPTED, EXIT_TERMINATED, encodable_streams
from carelens.cli.analyze import analyze
from carelens.cli.batch import batch
from carelens.cli.evaluate import evaluate_command, evaluate_contrast_command
from carelens.cli.fit_spans import fit_spans
from carelens.cli.insights import report, summarize
from carelens.cli.serve import keys_app, serve
from carelens.cli.train import train

#: 128 + SIGPIPE, as a shell reports a process that wrote to a closed pipe (the commands'
#: code for it too).
EXIT_BROKEN_PIPE = 141


class Carelens(typer.Typer):
    """The ``carelens`` app: when the help, the version or a usage message meets a closed
    pipe (``carelens --help | head -2``), it ends with code 141 and no message, as the
    commands do, rather than click's and rich's code 1 (which reads as a failure)."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        with encodable_streams():
            try:
                return super().__call__(*args, **kwargs)
            except SystemExit as exc:
                if exc.code in (EXIT_INTERRUPTED, EXIT_TERMINATED):
                    _ignore_further_signals()
                if exc.code != 1 or not _broken_pipe(exc):
                    raise
                _silence_stdout()
                raise SystemExit(EXIT_BROKEN_PIPE) from None


def _ignore_further_signals() -> None:
    """After a command stopped by Ctrl-C or a SIGTERM has cleaned up and said so, a repeat
    of either signal (GNU ``timeout`` sends two) is ignored while Python shuts down, so the
    process ends with the command's 130 or 143, not killed by the signal (-15)."""
    for number in (signal.SIGINT, signal.SIGTERM):
        with suppress(ValueError, OSError):  # not the main thread: nothing to change
            signal.signal(number, signal.SIG_IGN)


def _broken_pipe(exc: BaseException) -> bool:
    """Whether ``exc`` was raised while a closed pipe was handled: click's and rich's exit
    on a broken pipe is raised in the handler of the ``BrokenPipeError`` (its context)."""
    cause = exc.__context__
    return isinstance(cause, OSError) and cause.errno == errno.EPIPE


def _silence_stdout() -> None:
    """Send what is still buffered for stdout to ``/dev/null``, so that flushing it at exit
    raises no second error (rich has done so already; click leaves a wrapper)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real stdout (an in-process run): nothing to silence
        pass


app = Carelens(
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
