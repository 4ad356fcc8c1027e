"""The session of one command run: its consoles, ``-v``/``-q``, logging, progress, notes,
signals, error lines and exit codes.

:func:`session` wraps a command's body: it sends carelens' log records to stderr (``-v``
debug, ``-q`` warnings only, info otherwise) through rich on a terminal, and as plain lines
otherwise (a log file, ``journald``, a pipe): one record, one line, never wrapped, its line
breaks and other unprintable characters escaped (``\\n``), so a long request path cannot
spill into a line of its own and a text cannot forge one. It turns a :class:`CarelensError`
or an ``OSError`` into one red ``error: ...`` line and exit code 1 (``-v`` adds the
traceback; an ``OSError`` says ``FILE: the cause in words``, :func:`os_error_text`), and a
Ctrl-C into a short note and exit code 130 (a command that asks, ``terminate=True``, handles
a SIGTERM the same way: its cleanup runs and the note shows, exit code 143, so a run stopped
by a job scheduler or ``kill`` leaves no temporary files). Only the first Ctrl-C or SIGTERM
stops the command: the ones that follow while it cleans up are ignored (GNU ``timeout``
sends two SIGTERMs), so the cleanup and the note always happen. A character that stdout or
stderr cannot encode (an ASCII or Latin-1 terminal, ``PYTHONIOENCODING=ascii``) is
replaced rather than stopping the command (:func:`encodable_streams`), and a byte of a file
name that is not UTF-8 is shown as rejects files, tables and batch plans show it
(``caf\\xe9.csv``, :func:`~carelens.readers.rejects.shown_path`) in every error line, log
line and note, never as the lone surrogate Python reads it as (``caf\\udce9.csv``). A
command that loads the model does so with :func:`~carelens.cli._model.load_analyzer`, which
stops its worker threads when the command ends, however it ends. Logging, the signal
handlers and the streams are put back as they were when the command ends, so commands can
run in-process (tests, notebooks). With ``-q`` a
command also hides its progress bar, its notes (:meth:`Session.note`) and the tables that
sum up what it wrote to a file (:meth:`Session.summary`), so it prints nothing on stdout; a
command whose printed tables are its result (``QuietResults``: evaluate, summarize, keys
list) prints them anyway. Warnings (:meth:`Session.warn`) and errors always show.

Exit codes, the same for every command: 0 when the command did its work; 1 when the input,
the data or the environment is wrong (a missing or unreadable file, an output that cannot
be written, every record rejected, nothing to analyse, a port in use, no permission: one
``error:`` line); 2 when the command
line itself is wrong (an unknown option or format, a value out of range, a malformed
``--column-map`` or one for Reddit or WordPress input, an output path that is an input:
click's usage message); 130 after a Ctrl-C,
143 after a SIGTERM (``terminate=True``); 141 when the reader of stdout goes away (``| head``),
quietly, as Unix tools end on a closed pipe.
"""

from __future__ import annotations

import codecs
import io
import logging
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from types import FrameType
from typing import Annotated, Any

import typer
from rich.console import Console, ConsoleRenderable, RenderableType
from rich.logging import RichHandler
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from carelens.errors import CarelensError

logger = logging.getLogger(__name__)

Verbose = Annotated[
    bool, typer.Option("--verbose", "-v", help="Show debug logs, and tracebacks on errors.")
]
#: ``-q`` of a command that writes its results to files (or serves them): nothing but
#: warnings and errors, and nothing on stdout.
Quiet = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="Show warnings and errors only (no progress bar, notes or summary tables).",
    ),
]
#: ``-q`` of a command whose printed output is its result (evaluate, summarize, keys list).
QuietResults = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="Hide the progress bar and notes; the results are still printed, and so are "
        "warnings and errors.",
    ),
]

EXIT_ERROR = 1
#: The command line is wrong (click's own code for a usage error).
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
#: 128 + SIGPIPE, as a shell reports a process that wrote to a closed pipe.
EXIT_BROKEN_PIPE = 141
#: 128 + SIGTERM, as a shell reports a process a SIGTERM ended.
EXIT_TERMINATED = 143


class Terminated(KeyboardInterrupt):
    """A SIGTERM, raised where the command is as a Ctrl-C is (:func:`session` with
    ``terminate=True``), so that ``finally`` blocks and context managers clean up."""


class _Interrupts:
    """The signal handlers of one command: its first Ctrl-C (SIGINT) raises
    KeyboardInterrupt, and with ``terminate`` its first SIGTERM raises :class:`Terminated`,
    where the command is; every later one of either is ignored until the command has cleaned
    up and said so (:meth:`restore`). A second signal a moment after the first (GNU
    ``timeout`` sends two SIGTERMs; an impatient Ctrl-C) would otherwise stop the cleanup
    half done: a lock file or staged rejects left behind, no note, or a lock of the thread
    pool left held, on which the exit waits forever.

    Handlers are set in the main thread only (the only one Python delivers signals to);
    SIGINT only where Python's own handler is in place (a notebook's or a server's stays)."""

    def __init__(self, terminate: bool) -> None:
        self.caught: int | None = None
        self._previous: dict[int, Callable[[int, FrameType | None], Any] | int | None] = {}
        if threading.current_thread() is not threading.main_thread():
            return
        taken = [signal.SIGTERM] if terminate else []
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            taken.append(signal.SIGINT)
        for signum in taken:
            self._previous[signum] = signal.signal(signum, self._handle)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.caught is not None:
            return  # a repeat while the command cleans up: ignored
        self.caught = signum
        raise Terminated if signum == signal.SIGTERM else KeyboardInterrupt

    def restore(self) -> None:
        """Put back the handlers found (Python's default where none was set from Python)."""
        for signum, previous in self._previous.items():
            signal.signal(signum, signal.SIG_DFL if previous is None else previous)
        self._previous.clear()


#: A lone surrogate that stands for one byte of a file name that is not UTF-8, as Python
#: reads such a name (``caf\\udce9.csv``).
_NAME_BYTE = re.compile("[\udc80-\udcff]")


def _name_bytes_shown(*, backslash: bool) -> Callable[[UnicodeError], tuple[str, int]]:
    """A codec error handler that writes each byte of a file name that is not UTF-8 (the
    lone surrogate ``\\udce9``) as ``\\xe9``, as :func:`~carelens.readers.rejects.shown_path`
    writes it in rejects files, tables and batch plans, and any other character the stream
    cannot encode escaped (``backslash``: ``\\u2026``, as ``backslashreplace``) or as ``?``."""

    def handler(exc: UnicodeError) -> tuple[str, int]:
        if not isinstance(exc, UnicodeEncodeError):
            raise exc
        out = []
        for ch in exc.object[exc.start : exc.end]:
            if _NAME_BYTE.match(ch):
                out.append(f"\\x{ord(ch) - 0xDC00:02x}")
            elif backslash:
                out.append(ch.encode("ascii", "backslashreplace").decode("ascii"))
            else:
                out.append("?")
        return "".join(out), exc.end

    return handler


#: The error handlers :func:`encodable_streams` sets.
_SHOWN_ESCAPED = "carelens.names-shown-backslashreplace"
_SHOWN_REPLACED = "carelens.names-shown-replace"
codecs.register_error(_SHOWN_ESCAPED, _name_bytes_shown(backslash=True))
codecs.register_error(_SHOWN_REPLACED, _name_bytes_shown(backslash=False))


@contextmanager
def encodable_streams() -> Iterator[None]:
    """While the block runs, stdout and stderr write what their encoding cannot (``…`` on
    an ASCII or Latin-1 stdout, ``PYTHONIOENCODING=ascii``) replaced (``?``), instead of
    stopping the command with UnicodeEncodeError (Python's ``strict``), and a byte of a file
    name that is not UTF-8 (the lone surrogate ``\\udce9``, as Python reads it) as ``\\xe9``,
    as rejects files and tables show it, on any stream, stderr's ``backslashreplace``
    (Python's default) included. A stream set to anything else (by the app, or by
    ``PYTHONIOENCODING=ascii:ignore``) is left as it is; each is put back after."""
    changed: list[tuple[io.TextIOWrapper, str]] = []
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue
        errors = stream.errors
        if errors == "strict":
            utf = codecs.lookup(stream.encoding).name.startswith("utf")
            handler = _SHOWN_ESCAPED if utf else _SHOWN_REPLACED
        elif errors == "backslashreplace":
            handler = _SHOWN_ESCAPED
        else:
            continue
        try:
            stream.reconfigure(errors=handler)
        except (OSError, ValueError):  # closed, or a stream that cannot change
            continue
        changed.append((stream, errors))
    try:
        yield
    finally:
        for stream, errors in changed:
            with suppress(OSError, ValueError):
                stream.reconfigure(errors=errors)


def _quiet_broken_pipe() -> typer.Exit:
    """The end of a command whose stdout was closed early (``carelens analyze X | head``):
    what is still buffered goes to ``/dev/null`` (no second error at exit), no message, exit
    code 141, as a Unix tool that a SIGPIPE ends."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (an in-process run): nothing to silence
        pass
    return typer.Exit(EXIT_BROKEN_PIPE)


class _Console(Console):
    """A rich console that ends a command quietly when its pipe is closed (rich's own
    handler exits with code 1, which reads as a failure)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise _quiet_broken_pipe()


@dataclass(frozen=True, slots=True)
class Session:
    """The consoles of one command run: results to stdout, progress and logs to stderr."""

    out: Console
    err: Console
    verbose: bool
    quiet: bool

    def progress(self, unit: str) -> Progress:
        """A progress bar on stderr (hidden with ``-q``) counting ``unit``."""
        return Progress(
            SpinnerColumn(),
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(unit),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=self.err,
            disable=self.quiet,
        )

    def note(self, message: str) -> None:
        """A line on stderr (not shown with ``-q``); ``message`` may use rich markup. A file
        name that is not UTF-8 in it is shown as rejects files show it
        (:func:`~carelens.readers.rejects.shown_path`: ``caf\\xe9.csv``)."""
        if not self.quiet:
            self.err.print(_shown(message), soft_wrap=True)

    def summary(self, *tables: RenderableType) -> None:
        """Tables on stdout that sum up what a command wrote to a file (not shown with
        ``-q``; a command whose tables are its result prints them with ``out``)."""
        if not self.quiet:
            for table in tables:
                self.out.print(table)

    def warn(self, message: str) -> None:
        """A warning on stderr, shown with ``-q`` too, like carelens' own (plain text)."""
        logger.warning("%s", message)


class LineHandler(logging.Handler):
    """Log records as plain lines on a console's file (stderr that is not a terminal):
    ``LEVEL    message``, as rich shows them but never wrapped, so one record is one line.
    Line breaks and every other unprintable character of the message (a traceback included)
    are escaped as in a Python string (``\\n``, ``\\x1b``); ``verbose`` adds where the
    record was logged (``[module.py:12]``)."""

    def __init__(self, console: Console, *, verbose: bool = False) -> None:
        super().__init__()
        self.console = console
        self.verbose = verbose

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + logging.Formatter().formatException(record.exc_info).rstrip()
        # A file name that is not UTF-8 as the rejects file shows it (caf\xe9.csv).
        line = f"{record.levelname:<8} {one_line(_shown(message))}"
        return line + f" [{record.filename}:{record.lineno}]" if self.verbose else line

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
            stream = self.console.file  # stderr as it is now (tests and notebooks swap it)
            stream.write(line + "\n")
            stream.flush()
        except Exception:
            self.handleError(record)


def one_line(text: str) -> str:
    """``text`` with line breaks and every other unprintable character escaped as in a
    Python string (``\\n``, ``\\u2028``): it prints as one line."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text
    )


def _shown(text: str) -> str:
    """``text`` with each byte of a file name that is not UTF-8 shown as rejects files show
    it (:func:`~carelens.readers.rejects.shown_path`: ``caf\\xe9.csv``), imported when
    first needed: the readers bring the redaction patterns, which ``--help`` does without."""
    from carelens.readers.rejects import shown_path

    return shown_path(text)


class _RichLines(RichHandler):
    """Rich's log handler, a file name that is not UTF-8 in a message shown as rejects files
    show it (:func:`~carelens.readers.rejects.shown_path`: ``caf\\xe9.csv``), as
    :class:`LineHandler` shows it."""

    def render_message(self, record: logging.LogRecord, message: str) -> ConsoleRenderable:
        return super().render_message(record, _shown(message))


def _log_handler(err: Console, verbose: bool) -> logging.Handler:
    """Rich's handler on a terminal (wrapped to its width); plain lines elsewhere."""
    if err.is_terminal:
        return _RichLines(
            console=err, show_time=False, show_path=verbose, markup=False, rich_tracebacks=verbose
        )
    return LineHandler(err, verbose=verbose)


@contextmanager
def session(
    verbose: bool,
    quiet: bool,
    *,
    on_interrupt: str | Callable[[], str] = "",
    terminate: bool = False,
) -> Iterator[Session]:
    """Run a command body with CLI logging and error handling (see the module docstring).

    ``on_interrupt`` is the note shown after a Ctrl-C, or a function that words it then
    (to say what is on disk at that moment). With ``terminate`` a SIGTERM is handled as a
    Ctrl-C (the same note, exit code 143).
    """
    interrupts = _Interrupts(terminate)  # first, so a Ctrl-C from here on is the command's
    logger = logging.getLogger("carelens")
    saved = (logger.level, logger.propagate, list(logger.handlers))
    try:
        with encodable_streams():
            out, err = _Console(), _Console(stderr=True)
            logger.handlers = [_log_handler(err, verbose)]
            logger.setLevel(
                logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO
            )
            logger.propagate = False
            try:
                yield Session(out=out, err=err, verbose=verbose, quiet=quiet)
            except BrokenPipeError:  # stdout closed early (typer.echo, print): no error, 141
                raise _quiet_broken_pipe() from None
            except (CarelensError, OSError) as exc:
                if verbose:
                    err.print_exception()
                said = os_error_text(exc) if isinstance(exc, OSError) else str(exc)
                # A file name that is not UTF-8 as the rejects file shows it (caf\xe9.csv).
                err.print(f"[bold red]error:[/] {escape(_shown(said))}", soft_wrap=True)
                raise typer.Exit(EXIT_ERROR) from None
            except KeyboardInterrupt as exc:
                # The command's cleanup has run; a repeated signal is still ignored while
                # the note is worded and shown.
                note = on_interrupt() if callable(on_interrupt) else on_interrupt
                what = "interrupted (SIGTERM)" if isinstance(exc, Terminated) else "interrupted"
                err.print(_shown(f"[yellow]{what}.[/] {note}".rstrip()), soft_wrap=True)
                code = EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED
                raise typer.Exit(code) from None
    finally:
        interrupts.restore()
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        logger.handlers = saved[2]


def os_error_text(exc: OSError) -> str:
    """An OSError as an ``error:`` line says it: ``FILE: the cause in words`` (``the disk is
    full (no space left on device)``, :func:`~carelens.output.paths.failure_cause`; both
    files of a rename), never Python's ``[Errno 28] ...``."""
    from carelens.output.paths import failure_cause

    cause = failure_cause(exc)
    if exc.filename is None:
        return cause
    names = f"{exc.filename}" if exc.filename2 is None else f"{exc.filename} -> {exc.filename2}"
    return f"{names}: {cause}"
