"""What every command shares: the consoles, ``-v``/``-q``, logging, progress and error lines,
and the checks of the files a command writes.

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
command that loads the model does so with :func:`load_analyzer`, which stops its worker
threads when the command ends, however it ends. Logging, the signal
handlers and the streams are put back as they were when the command ends, so commands can
run in-process (tests, notebooks). With ``-q`` a
command also hides its progress bar, its notes (:meth:`Session.note`) and the tables that
sum up what it wrote to a file (:meth:`Session.summary`), so it prints nothing on stdout; a
command whose printed tables are its result (``QuietResults``: evaluate, summarize, keys
list) prints them anyway. Warnings (:meth:`Session.warn`) and errors always show.

The checks of the files a command writes, made before any work (analyze, evaluate, the
insights, batch, train): :func:`refuse_writing_over` refuses an output path that names a file
the command reads (through links too: :func:`same_file`), a usage error;
:func:`prepare_output_files` refuses a path that is a folder and creates the folders the
files go in, and :func:`refuse_unwritable_place` (which it calls, and which makes nothing)
refuses a place with a file in the way or no permission to write (or on a read-only file
system, said so), both as an InputError, exit 1 like any other output that cannot be
written; an existing output a run resumes (appends to) must be writable too. :func:`require_input`
checks a path a command reads, and :func:`refuse_column_map_for` a column map given for input
that takes none (Reddit, WordPress). :func:`no_pairs_hint` says why a conversation file gave
no pair (batch, summarize and report; analyze words it alike).

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
import shutil
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Any

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

import carelens
from carelens.errors import CarelensError, InputError

if TYPE_CHECKING:
    from carelens.analysis.empathy import EmpathyAnalyzer

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


def load_analyzer(held: ExitStack, model: Path | None, **options: Any) -> EmpathyAnalyzer:
    """The model (:func:`carelens.load` with ``options``), whose worker threads stop when
    ``held`` closes: when the command ends, done, failed or stopped by Ctrl-C or a SIGTERM
    (:meth:`~carelens.analysis.empathy.EmpathyAnalyzer.close`), so that nothing waits on
    them (the exit of the program, a notebook or test that runs commands in-process)."""
    analyzer = carelens.load(model, **options)
    held.callback(analyzer.close)
    return analyzer


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


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def fmt_score(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def fmt_interval(interval: tuple[float, float]) -> str:
    """``0.412-0.587``: an interval of two scores."""
    return f"{interval[0]:.3f}-{interval[1]:.3f}"


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


def _known_format(value: str | None) -> str | None:
    """``--format`` checked while the command line is read: a format carelens has no reader
    for is a usage error (exit 2), before any file is opened."""
    from carelens.readers.base import SUPPORTED_FORMATS

    if value is not None and value not in SUPPORTED_FORMATS:
        raise typer.BadParameter(
            f"unknown format {value!r}; use one of {', '.join(SUPPORTED_FORMATS)}, or leave "
            "--format out to detect it"
        )
    return value


InputFormat = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        callback=_known_format,
        help="Input format: csv, jsonl, convokit, reddit, wxr or parquet (default: detected "
        "per file).",
    ),
]
ColumnMap = Annotated[
    list[str] | None,
    typer.Option(
        "--column-map", "-m", help="canonical=column, to read other column names (repeat)."
    ),
]
NoText = Annotated[
    bool,
    typer.Option(
        "--no-text",
        help="Leave the seeker and response texts out of the results (they are kept by "
        "default, for `carelens report`). Span excerpts and feedback quotes stay; add "
        "--redact to take personal data out of them.",
    ),
]
Redact = Annotated[
    bool,
    typer.Option(
        "--redact",
        help="Replace e-mail addresses, phone numbers, URLs, @handles and street addresses "
        "in the message texts and feedback written to the results (and shown) with "
        "placeholders; speaker names, ids and timestamps are written as read.",
    ),
]
Helper = Annotated[
    list[str] | None,
    typer.Option(
        "--helper",
        help="Analyse only the responses written by this speaker (repeat for more): a name or "
        "a pattern with * and ? (vol-*), case ignored. Without it every reply is analysed, "
        "the seeker's answers to a helper too.",
    ),
]
Overwrite = Annotated[
    bool, typer.Option("--overwrite", help="Start over instead of resuming an existing output.")
]


def parse_column_map(items: list[str] | None) -> dict[str, str]:
    """``["seeker=question", ...]`` as ``{"seeker": "question"}``; a usage error if an entry
    is malformed, or names a field no layout reads (listing the valid fields: a typo would
    otherwise leave the column unread, and the run go on without it)."""
    from carelens.readers.layouts import column_map_problem

    mapping: dict[str, str] = {}
    for item in items or ():
        canonical, sep, column = item.partition("=")
        if not sep or not canonical.strip() or not column.strip():
            raise typer.BadParameter(
                f"expects canonical=column, got {item!r}", param_hint="--column-map"
            )
        mapping[canonical.strip()] = column.strip()
    problem = column_map_problem(mapping)
    if problem is not None:
        raise typer.BadParameter(problem, param_hint="--column-map")
    return mapping


#: The input formats a column map does not apply to: their readers read the fields of the
#: export itself (a Reddit dump, a WordPress export).
UNMAPPED_FORMATS = ("reddit", "wxr")


def refuse_column_map_for(
    paths: Sequence[Path], input_format: str | None, column_map: Mapping[str, str]
) -> None:
    """Raise a usage error, before any input is read, when a column map is given for Reddit
    or WordPress input: named with ``--format``, or detected in one of ``paths`` (as the
    readers detect it, the map applied). Their readers would refuse the map only once the
    reading began. A path whose format cannot be detected (missing, a pipe, unknown content)
    is left to the readers' own error."""
    if not column_map:
        return
    from carelens.readers.detect import detect_format

    for path in paths:
        found = input_format
        if found is None:
            try:
                found = detect_format(path, column_map=column_map)
            except (CarelensError, OSError):
                continue
        if found in UNMAPPED_FORMATS:
            raise typer.BadParameter(
                f"{path}: a column map applies to csv, jsonl, convokit and parquet input, "
                f"not {found}",
                param_hint="--column-map",
            )


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


def no_pairs_hint(
    path: Path,
    *,
    input_format: str | None,
    column_map: Mapping[str, str] | None = None,
    skipped: Mapping[str, int] | None = None,
) -> str:
    """Why the conversation file ``path``, read without a reject, gave no pair
    (:func:`~carelens.readers.why_no_pairs`: the items skipped, or messages that answer none
    of each other, with a field that may name the message answered), and what to give
    instead: ``REASON; ADVICE``, as ``analyze`` says it."""
    from carelens.readers.api import REPLIES_NEEDED, why_no_pairs

    reason = why_no_pairs(path, format=input_format, column_map=column_map, skipped=skipped)
    advice = (
        "give a file with replies to messages that are still there" if skipped else REPLIES_NEEDED
    )
    return f"{reason}; {advice}"


#: The column map :func:`~carelens.readers.why_no_pairs` names (``reply_to=inReplyTo``),
#: followed by the advice of :func:`no_pairs_hint`.
_COLUMN_MAP_NAMED = re.compile(r"with a column map \((reply_to=.*?)\); ")


def column_map_named(hint: str) -> str | None:
    """The column map entry a :func:`no_pairs_hint` names to read a field that may name the
    message answered (``reply_to=inReplyTo``); None when it names none."""
    named = _COLUMN_MAP_NAMED.search(hint)
    return None if named is None else named.group(1)


# --- files a command writes ---------------------------------------------------------------


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one file: through symbolic and hard links, and ``..``
    after folders that do not exist yet (``-o new/../in.csv``: ``new`` would be created).
    A path that is, or goes through, a symbolic link loop is an InputError naming it."""
    if _resolved(a) == _resolved(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return False


def _resolved(path: Path) -> Path:
    """``path`` resolved (:meth:`Path.resolve`), or an InputError naming it when it goes
    through a symbolic link loop (Python 3.11 raises RuntimeError, later ones OSError)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError) as exc:
        raise InputError(
            "this is a symbolic link loop (a link that leads back to itself), so nothing can "
            "be written through it; remove the link or choose another path",
            path=str(path),
        ) from exc


def refuse_writing_over(sources: Sequence[Path], written: Sequence[tuple[str, Path]]) -> None:
    """Raise a usage error when a file to be written (``(option, path)`` pairs) is one of
    the ``sources`` a command reads; call it before anything is opened for writing."""
    for option, path in written:
        for source in sources:
            if same_file(path, source):
                raise typer.BadParameter(
                    f"{path} is the input file {source}; writing it would destroy the input. "
                    "Choose another path.",
                    param_hint=option,
                )


def prepare_output_files(
    written: Sequence[tuple[str, Path]],
    folders: Sequence[tuple[str, Path]] = (),
    *,
    appended: Sequence[Path] = (),
) -> None:
    """Make ready, before any work, the files a command will write (``(option, path)``
    pairs) and the folders it writes into (``(option, folder)`` pairs): refuse a path that
    is a folder, and create the missing folders, or raise an InputError saying why that
    cannot be done (a file in the way, no permission to create or to write in it, a
    read-only file system: :func:`refuse_unwritable_place`, naming the option). Every place
    is checked before any folder is made, the ``folders`` first (the files in them would
    name their own option: ``summarize --tables FILE`` is told of ``--tables``, not of the
    rejects file in it). ``appended``: existing files the command will write in, as it
    finds them (an output it resumes), refused when they cannot be written."""
    for option, path in written:
        if path.is_dir():
            raise InputError(f"{option} names a folder; name a file in it instead", path=str(path))
    places = [*folders, *((option, path.parent) for option, path in written)]
    for option, place in places:
        refuse_unwritable_place(place, option=option)
    for path in appended:
        if path.is_file() and not os.access(path, os.W_OK):
            raise InputError(
                f"this file cannot be written ({_unwritable(path)}), so the results in it "
                "cannot be resumed; make it writable, or pass --overwrite to start over",
                path=str(path),
            )
    for _, place in places:
        try:
            place.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(
                f"cannot create this folder ({exc.strerror or exc})", path=str(place)
            ) from exc
        if not os.access(place, os.W_OK | os.X_OK):
            raise InputError(f"cannot write in this folder ({_unwritable(place)})", path=str(place))


def refuse_unwritable_place(folder: Path, *, option: str | None = None) -> None:
    """Raise an InputError (exit 1) when nothing could be written in ``folder``, made if
    missing: it or a folder above it is a file, or the nearest folder of them that exists
    cannot be written in (permission denied, or a read-only file system). The error names
    the ``option`` whose path goes there, when given. Makes nothing."""
    instead = "choose another folder" + (f" for {option}" if option else "")
    for ancestor in (folder, *folder.parents):
        if not ancestor.exists():
            continue
        if not ancestor.is_dir():
            raise InputError(
                f"this is a file, so nothing can be written in it; {instead}", path=str(ancestor)
            )
        if not os.access(ancestor, os.W_OK | os.X_OK):
            what = "write in" if ancestor == folder else "create folders in"
            raise InputError(
                f"cannot {what} this folder ({_unwritable(ancestor)}); {instead}",
                path=str(ancestor),
            )
        return


def _unwritable(path: Path) -> str:
    """Why ``path``, which cannot be written (:func:`os.access`), cannot: ``read-only file
    system`` when its file system is mounted read-only (for root too), else ``permission
    denied``."""
    try:
        read_only = bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        read_only = False
    return "read-only file system" if read_only else "permission denied"


# --- files a command reads ----------------------------------------------------------------


def require_input(path: Path, *, kind: str = "file") -> None:
    """Raise an InputError (exit 1, one ``error: PATH: ...`` line) when a path a command reads
    is missing or of the wrong kind: ``kind`` is ``"file"``, ``"folder"`` or ``"any"`` (a
    file or a folder, such as a ConvoKit corpus). Every command words a missing input alike:
    ``PATH: no such file`` (``no such folder`` for a folder)."""
    if not path.exists():
        raise InputError("no such folder" if kind == "folder" else "no such file", path=str(path))
    if kind == "file" and path.is_dir():
        raise InputError("this is a folder; name a file", path=str(path))
    if kind == "folder" and not path.is_dir():
        raise InputError("this is a file; name a folder", path=str(path))


# --- where a rejects file goes ---------------------------------------------------------------


def written_straight(path: Path) -> bool:
    """Whether a file a command writes is written straight into rather than staged beside
    it and moved over it: an existing file that is neither a regular file nor a folder (a
    device such as ``/dev/null``, a named pipe), through symbolic links too, or the file this
    process's stdout or stderr writes to (``/dev/stderr`` of a run whose stderr goes to a
    file). Nothing is made beside such a file, nor put in its place."""
    try:
        found = path.stat()
    except OSError:  # missing (or a dangling link): made as a regular file
        return False
    if not (stat.S_ISREG(found.st_mode) or stat.S_ISDIR(found.st_mode)):
        return True
    for fd in (1, 2):
        try:
            std = os.fstat(fd)
        except OSError:
            continue
        if (std.st_dev, std.st_ino) == (found.st_dev, found.st_ino):
            return True
    return False


def link_target(path: Path) -> Path:
    """``path``, or, when it is a symbolic link, the file it points to (through every link
    of a chain; a missing target is made there): a file written there keeps the link."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def rejects_destination(path: Path) -> tuple[Path, bool]:
    """Where the rejects file ``path`` (``--rejects``) is written, and whether straight into
    it (:func:`written_straight`: a device, a named pipe, this process's stdout or stderr;
    an InputError when it cannot be written) or staged beside it and moved in its place
    (the target of a symbolic link: the link is kept)."""
    if written_straight(path):
        if not os.access(path, os.W_OK):
            raise InputError(
                f"cannot write the rejects here ({_unwritable(path)}); "
                "name another place with --rejects",
                path=str(path),
            )
        return path, True
    return link_target(path), False


# --- a rejects file nobody asked for ----------------------------------------------------------


def staging_folder() -> Path:
    """A new private temporary folder, where a command writes a rejects file that was not
    asked for (``./carelens-rejects.jsonl`` of a run that prints its results), so that a run
    in a folder it cannot write in works as long as nothing is rejected. Remove it with
    :func:`remove_staging`."""
    return Path(tempfile.mkdtemp(prefix="carelens-rejects-"))


def remove_staging(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def remove_older_rejects(s: Session, rejects: Path) -> None:
    """Remove the rejects file an earlier run left at ``rejects`` (this run rejected
    nothing); only a warning when it cannot be removed, as the run itself went through."""
    try:
        rejects.unlink(missing_ok=True)
    except OSError as exc:
        s.warn(f"{rejects}: an earlier run's rejects file could not be removed ({exc.strerror})")


def place_rejects(staged: Path, target: Path) -> None:
    """Move a rejects file written in a :func:`staging_folder` to ``target`` (the default
    path), or raise an InputError naming ``--rejects`` when it cannot be written there."""
    try:  # copied, not moved: a folder in the way is an error, not a place to move into
        shutil.copyfile(staged, target)
    except OSError as exc:
        raise InputError(
            f"cannot write the rejects file here ({exc.strerror or exc}); "
            "name another place with --rejects",
            path=str(target),
        ) from exc
