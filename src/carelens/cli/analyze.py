"""``carelens analyze``: score every response of a conversation file.

A thin layer over :func:`carelens.output.analyze_file`: it refuses output and rejects paths
that are the input file, creates the folders they go in (all before the model is loaded),
counts the pairs first (for the progress bar; skipped for inputs over 1 GiB and for pipes,
which can be read only once), loads the model, runs with a progress bar and prints a summary
— pairs analysed, rejects by reason, skipped items and how many responses reached each
level. Without ``-o`` it also prints a table of the first responses. With ``-q`` only
warnings and errors are shown (on stderr), and nothing on stdout when the results go to a
file; without ``-o`` the table of responses, being the results, is still printed. A resume
with other ``--no-text`` / ``--redact`` options (or another model) than the output was begun
with is refused (:class:`carelens.output.ResultWriter`). The rejects are written beside the
rejects file and replace it only when the run goes through or is stopped by Ctrl-C, so a
refused resume or a failed run leaves the rejects of the output as it was; a rejects file
that is a device or a named pipe (``/dev/null``) is written straight into, and never
replaced, and one named by a symbolic link is written where it points, the link kept
(:func:`~carelens.cli._outputs.rejects_destination`). While it writes
an output it holds a lock on ``OUT.lock``, and on the other files it writes (a Parquet
output's staging file, the rejects file: :func:`carelens.output.paths.hold_output_locks`),
taken before the model loads, so a second run on the same output, by any of its names (a
symbolic or hard link), is refused at once. An output named by a symbolic link is written
where the link points, the files kept beside it beside the target.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from carelens.analysis.crisis_counts import crisis_words as crisis_words  # re-exported
from carelens.cli._inputs import (
    ColumnMap,
    Helper,
    InputFormat,
    parse_column_map,
    refuse_column_map_for,
    require_input,
)
from carelens.cli._model import BatchSize, ModelPath, Threads, load_analyzer
from carelens.cli._outputs import (
    NoText,
    Overwrite,
    Redact,
    place_rejects,
    prepare_output_files,
    refuse_writing_over,
    rejects_destination,
    remove_older_rejects,
    remove_staging,
    same_file,
    staging_folder,
)
from carelens.cli._session import Session, Verbose, os_error_text, session
from carelens.cli._tables import FitTable, percent, plain
from carelens.errors import CarelensError, InputError

# The readers, the output and the model are imported where a run needs them, so that this
# module, imported for every command's --help, stays quick to import.
if TYPE_CHECKING:
    from carelens.output import AnalysisSummary, analyze_file
    from carelens.readers import RejectLog
    from carelens.readers.helpers import HelperPatterns
else:

    def analyze_file(*args, **kwargs):
        """:func:`carelens.output.analyze_file`, imported on the first call."""
        from carelens.output import analyze_file as imported

        return imported(*args, **kwargs)


#: Without ``-o``, at most this many responses are listed.
MAX_TABLE_ROWS = 50
#: Inputs larger than this are not counted before the run (the bar has no total).
COUNT_LIMIT_BYTES = 1 << 30
DEFAULT_REJECTS = "carelens-rejects.jsonl"


@contextmanager
def _readers_silenced() -> Iterator[None]:
    """Hide the readers' own summary while counting (the real pass logs it)."""
    logger = logging.getLogger("carelens.readers")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def count_pairs(
    path: Path,
    input_format: str | None,
    column_map: dict[str, str],
    helpers: HelperPatterns | None = None,
) -> int | None:
    """The number of exchanges in ``path`` (those of ``helpers`` only, when given), or None
    when it is too large to count first or can be read only once (a pipe such as
    ``/dev/stdin``: counting would use it up)."""
    if path.exists() and not path.is_dir() and not path.is_file():
        return None  # a missing path is left to the readers' error
    if path.is_file() and path.stat().st_size > COUNT_LIMIT_BYTES:
        return None
    from carelens.readers import RejectLog, read_exchanges

    with _readers_silenced():
        exchanges = read_exchanges(
            path, format=input_format, column_map=column_map, rejects=RejectLog()
        )
        if helpers:
            exchanges = helpers.keep(exchanges)
        return sum(1 for _ in exchanges)


def input_files(input: Path) -> list[Path]:
    """The files read for ``input``: itself, or a ConvoKit folder's utterances file."""
    from carelens.readers.jsonl import UTTERANCES

    return [input / UTTERANCES] if input.is_dir() else [input] if input.is_file() else []


def staged_rejects(rejects: Path) -> Path:
    """Where a run writes its rejects until they replace ``rejects``."""
    from carelens.output import PARTIAL_SUFFIX

    return rejects.with_name(rejects.name + PARTIAL_SUFFIX)


def refuse_writing_over_input(input: Path, output: Path | None, rejects: Path) -> None:
    """Raise a usage error, before anything is opened, when a file ``analyze`` would write —
    the output, a Parquet output's JSON Lines companion, the options, digests and lock files
    beside the output, or the rejects file (or where it is staged) — is the input (or a
    ConvoKit folder's utterances file), or two of them are one file (``-o
    r.parquet.partial.jsonl --rejects r.parquet``: the rejects would be staged in the
    output, then moved over the Parquet file)."""
    from carelens.output import PARTIAL_SUFFIX, digests_path, lock_path, options_path, output_format

    written: list[tuple[str, Path, str]] = []
    if output is not None:
        written.append(("--output", output, "the results file"))
        if output_format(output) == "parquet":
            partial = output.with_name(output.name + PARTIAL_SUFFIX)
            written.append(("--output", partial, "where the Parquet results are built"))
        written.append(("--output", options_path(output), "the results' options file"))
        written.append(("--output", digests_path(output), "the results' digests file"))
        written.append(("--output", lock_path(output), "the results' lock file"))
    written.append(("--rejects", rejects, "the rejects file"))
    written.append(("--rejects", staged_rejects(rejects), "where the rejects are staged"))
    refuse_writing_over(input_files(input), [(option, path) for option, path, _ in written])
    for i, (_, first, first_role) in enumerate(written):
        for option, path, role in written[i + 1 :]:
            if same_file(first, path):
                raise typer.BadParameter(
                    f"{path} would be both {first_role} ({first}) and {role}; choose another path",
                    param_hint=option,
                )


def interrupted_note(output: Path | None) -> str:
    """What an interrupted ``analyze`` says it leaves: the file that holds the results so far
    (a Parquet output's JSON Lines companion: the Parquet file is written at the end)."""
    if output is None:
        return ""
    from carelens.output import PARTIAL_SUFFIX

    parquet = output.suffix.lower() == ".parquet"
    store = output.with_name(output.name + PARTIAL_SUFFIX) if parquet else output
    if not (store.is_file() and store.stat().st_size):
        return "No results had been written yet."
    then = f" ({output} is written when the run ends)" if parquet else ""
    return escape(
        f"The results so far are kept in {store}{then}; run the same command again to resume."
    )


def analyze(
    input: Annotated[Path, typer.Argument(help="Conversation file (or ConvoKit folder).")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Results file: .jsonl, .json (JSON Lines), .csv or .parquet."
        ),
    ] = None,
    input_format: InputFormat = None,
    column_map: ColumnMap = None,
    model: ModelPath = None,
    threads: Threads = None,
    batch_size: BatchSize = 1,
    rejects: Annotated[
        Path | None,
        typer.Option(
            help="Where bad input records are listed (default: OUT.rejects.jsonl, or "
            f"./{DEFAULT_REJECTS} without -o)."
        ),
    ] = None,
    overwrite: Overwrite = False,
    no_text: NoText = False,
    redact: Redact = False,
    helper: Helper = None,
    verbose: Verbose = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Show warnings and errors only (no progress bar, notes or summary tables); "
            "without -o the levels and feedback of each response are still printed.",
        ),
    ] = False,
) -> None:
    """Analyse every (seeker, response) pair of INPUT; resumes an interrupted output.

    Every field of a result (levels, probabilities, spans and what their label and score
    mean, style, crisis cues, feedback) is described in docs/taxonomy.md."""
    from carelens.output import digests_path
    from carelens.output.paths import hold_output_locks, store_path, written_path
    from carelens.readers import REPLIES_NEEDED, RejectLog, why_no_pairs
    from carelens.readers.api import records_read
    from carelens.readers.helpers import HelperPatterns
    from carelens.readers.rejects import RejectsWriteError, shown_path

    with (
        session(verbose, quiet, on_interrupt=lambda: interrupted_note(output), terminate=True) as s,
        ExitStack() as held,
    ):
        if output is not None:
            check_output_path(output)  # a folder or a bad extension, before any work
            # A symbolic link is followed once, here: the results, and the files kept
            # beside them (the rejects too), go where it points, and the link stays.
            output = written_path(output)
        named = rejects or Path(f"{output}.rejects.jsonl" if output else DEFAULT_REJECTS)
        # A device or a named pipe (/dev/null, /dev/stderr) is written straight into: nothing
        # is staged beside it, locked or put in its place. A symbolic link is followed once,
        # here, as the output's: the rejects are staged beside its target and replace that.
        rejects_path, straight = rejects_destination(named)
        # ./carelens-rejects.jsonl of a run that prints its results is made only when a
        # record is rejected: such a run works in a folder it cannot write in.
        unasked = rejects is None and output is None and not straight
        refuse_writing_over_input(input, output, rejects_path)
        mapping = parse_column_map(column_map)
        refuse_column_map_for([input], input_format, mapping)
        helpers = HelperPatterns(helper or ())
        require_input(input, kind="any")  # before any folder is made for the outputs
        written = [] if unasked or straight else [("--rejects", rejects_path)]
        if output is not None:
            written.insert(0, ("--output", output))
        # A resume writes in the output (a Parquet output's staging file) and its digests.
        appended = [] if output is None or overwrite else [store_path(output), digests_path(output)]
        prepare_output_files(written, appended=appended)
        if output is not None or not (unasked or straight):
            # One run at a time on every file it writes (its output, a Parquet output's
            # staging file, its rejects), by any of their names, before the model is loaded.
            held.enter_context(
                hold_output_locks(
                    output,
                    f"carelens analyze is writing {output or rejects_path}",
                    also=[] if straight else [rejects_path],
                )
            )
        total = count_pairs(input, input_format, mapping, helpers)
        # Its worker threads stop when the command ends (a Ctrl-C too): the exit waits on none.
        analyzer = load_analyzer(held, model, threads=threads, batch_size=batch_size)
        # The rejects are written beside the rejects file (in a temporary folder when nobody
        # asked for them) and put in its place once the run has gone through (or was stopped
        # by Ctrl-C or a SIGTERM, leaving an output to resume): a resume that is refused, or
        # a run that fails, leaves the rejects of the output as it was. A device or a pipe
        # gets them as they come.
        staging = staging_folder() if unasked else None
        if straight:
            staged = rejects_path
        elif staging is not None:
            staged = staging / DEFAULT_REJECTS
        else:
            staged = staged_rejects(rejects_path)
        log = RejectLog(staged, redact=redact)
        settled = False
        failed = True  # until the read ends: a cleanup error then only adds to the first
        try:
            with log, s.progress("pairs") as bar:
                task = bar.add_task("analysing", total=total)
                summary = analyze_file(
                    input,
                    analyzer,
                    output,
                    format=input_format,
                    column_map=mapping,
                    rejects=log,
                    overwrite=overwrite,
                    preview=0 if output else MAX_TABLE_ROWS,
                    include_text=not no_text,
                    redact=redact,
                    helpers=helpers.patterns,
                    progress=lambda n: bar.advance(task, n),
                    lock=False,  # held above
                )
            settled = True
            failed = False
        except KeyboardInterrupt:
            settled = True
            raise
        except RejectsWriteError as exc:  # a full disk, /dev/full: what is kept, and how on
            raise InputError(
                f"cannot write it: {exc.cause}; {kept_after_failure(output)}",
                path=shown_path(rejects_path),
            ) from exc
        finally:
            try:
                _settle_rejects(s, log, staged, rejects_path, staging, straight, settled, rejects)
            except (CarelensError, OSError) as exc:
                if not failed:
                    raise
                # The first error (or the interruption) is the one shown: this one is told.
                said = os_error_text(exc) if isinstance(exc, OSError) else str(exc)
                s.warn(f"while stopping, the rejects were not put in place: {said}")
        if output is None:
            s.out.print(_responses_table(summary, redacted=redact))
            if any(record.get("feedback") for _, record in summary.preview):
                s.out.print(_feedback_table(summary))
        s.summary(
            _summary_table(summary, rejects_path if log.total else None),
            levels_table(summary.level_counts),
        )
        if total is not None and summary.total < total:
            # Fewer pairs than counted before the run: the input was cut short (or changed)
            # while it was read. Not a run that went through: exit 1, the results kept.
            raise InputError(
                f"the file changed while it was read: {total:,} pairs were counted before the "
                f"run, but only {summary.total:,} were read; "
                + (
                    f"the {summary.total:,} results are kept in {store_path(output)}: run the "
                    "same command again once the file is whole to analyse the rest"
                    if output is not None
                    else "run the command again once the file is whole"
                ),
                path=shown_path(input),
            )
        if summary.analysed + summary.resumed == 0:
            # Nothing analysed is a failure (exit 1), once the summary and the rejects are
            # written: a script must not take it for a run that went through.
            problems = []
            if summary.not_by_helpers:
                problems.append(
                    "Nothing was analysed: "
                    + no_helper_matched(summary.not_by_helpers, helpers.patterns)
                    + "."
                )
            if log.total:
                problems.append(
                    nothing_read_hint(
                        log.total,
                        input_format,
                        rejects_path,
                        read=records_read(input, input_format, mapping),
                        not_by_helpers=summary.not_by_helpers,
                    )
                )
            elif not summary.not_by_helpers:
                reason = why_no_pairs(
                    input, format=input_format, column_map=mapping, skipped=summary.skipped
                )
                advice = (
                    "give a file with replies to messages that are still there"
                    if summary.skipped
                    else REPLIES_NEEDED
                )
                problems.append(f"Nothing was analysed: {reason}; {advice}.")
            for problem in problems[:-1]:
                s.warn(problem)
            raise InputError(problems[-1])


def _settle_rejects(
    s: Session,
    log: RejectLog,
    staged: Path,
    rejects_path: Path,
    staging: Path | None,
    straight: bool,
    settled: bool,
    asked: Path | None,
) -> None:
    """Put the staged rejects in place once the run ``settled`` (went through or was
    stopped by Ctrl-C or a SIGTERM), else drop them: the rejects of the output stay as
    they were. A device or a pipe has them already."""
    from carelens.readers.rejects import shown_path

    log.close()
    if straight:
        return
    try:
        if settled and (log.total or asked is not None):
            if staging is not None:
                place_rejects(staged, rejects_path)
            elif not rejects_path.parent.is_dir():  # removed while the run wrote in it
                raise InputError(
                    f"cannot put the rejects in place: its folder {rejects_path.parent} was "
                    "removed while the run wrote in it, with what was written there; run the "
                    "same command again",
                    path=shown_path(rejects_path),
                )
            else:
                os.replace(staged, rejects_path)
        else:
            staged.unlink(missing_ok=True)
            if settled:  # no rejects: leave no empty file (nor an older run's)
                remove_older_rejects(s, rejects_path)
    finally:
        if staging is not None:
            remove_staging(staging)


def kept_after_failure(output: Path | None) -> str:
    """What a run that failed after it began writing keeps, and how to go on: the results
    in its output (counted), which a run of the same command resumes."""
    from carelens.output import read_results
    from carelens.output.paths import store_path

    if output is None:
        return (
            "nothing is kept (the results are shown at the end); run it again once it can be "
            "written, or name another place with --rejects"
        )
    store = store_path(output)
    try:
        count: int | None = sum(1 for _ in read_results(store)) if store.is_file() else 0
    except (CarelensError, OSError):
        count = None
    results = "the results" if count is None else f"the {count:,} results"
    return f"{results} written so far are kept in {store}; run the same command again to resume"


def check_output_path(output: Path) -> None:
    """Refuse, before any work, an ``--output`` that is a folder (an InputError) or whose
    extension names no output format (a usage error)."""
    from carelens.output import output_format

    if output.is_dir():
        raise InputError(
            "--output names a folder; name a file in it instead (such as results.jsonl)",
            path=str(output),
        )
    try:
        output_format(output)
    except InputError as exc:
        raise typer.BadParameter(str(exc), param_hint="--output") from None


def nothing_read_hint(
    rejected: int,
    input_format: str | None,
    rejects: Path,
    *,
    read: tuple[int, int] | None = None,
    not_by_helpers: int = 0,
) -> str:
    """What to check when nothing was analysed and ``rejected`` records were rejected.

    ``read`` is what :func:`records_read` counted: the records read and, of them, those
    their reader kept (None: not counted, and then no "all" is claimed). When every record
    was rejected by its reader, the format may be wrong; when only some were rejected, the
    others answer none of each other (or, ``not_by_helpers`` pairs being left out, no pair
    is by a ``--helper``).
    """
    why = "the first lines of the rejects file say why"
    if input_format and (read is None or not read[1]):  # nothing kept: maybe another format
        why = f"is the file really {input_format}? Leave out --format to detect it"
    if read is None:  # not counted (a pipe): the rejects only
        records = f"{rejected:,} record was" if rejected == 1 else f"{rejected:,} records were"
        said = f"{records} rejected"
    elif rejected >= read[0]:
        records = "the only record was" if read[0] == 1 else f"all {read[0]:,} records were"
        said = f"{records} rejected"
    else:
        left = "no pair is by a --helper" if not_by_helpers else "no message left answers another"
        gave = f"{rejected:,} reject" if rejected == 1 else f"{rejected:,} rejects"
        said = f"the {read[0]:,} records read gave {gave} and {left}"
    return f"Nothing was analysed: {said}; {why} (rejects: {rejects})."


def _snippet(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


#: Short column headers for the per-response table.
SHORT_NAMES = {
    "emotional_reaction": "ER",
    "interpretation": "IP",
    "exploration": "EX",
    "sympathy": "SYM",
    "reflection": "REF",
    "compassion": "COM",
    "dismissive": "DIS",
    "empathy": "EMP",
}


#: Ids longer than this are shown by their end, which tells them apart (``…-0412-03``).
ID_WIDTH = 24


def _id(value: str) -> str:
    """An id as the table shows it: whole, or ``…`` and its last :data:`ID_WIDTH` - 1
    characters."""
    return value if len(value) <= ID_WIDTH else "…" + value[-(ID_WIDTH - 1) :]


def _responses_table(summary: AnalysisSummary, *, redacted: bool = False) -> FitTable:
    """The levels, style and crisis / unsafe mark (a red ``!``) of each response: every one
    shown whole at any width (:class:`FitTable`); the text gives way first, then the
    seeker's id, and below that each row is folded."""
    dims = list(summary.level_counts)
    legend = ", ".join(f"{SHORT_NAMES.get(d, d)} {d.replace('_', ' ')}" for d in dims)
    table = FitTable(title=f"Levels per response (0 none, 1 weak, 2 strong; {legend})")
    table.add_column("seeker", drop=1)
    table.add_column("response")
    table.add_column("text", text=True, drop=2)
    for d in dims:
        table.add_column(SHORT_NAMES.get(d, d), justify="center")
    has_style = any("style" in record for _, record in summary.preview)
    if has_style:
        table.add_column("style")
    marked = False
    for exchange, record in summary.preview:
        levels = [str(record[d]["level"]) for d in dims]
        style = [str(record.get("style", ""))] if has_style else []
        if (record.get("seeker") or {}).get("needs_attention") or record.get("unsafe"):
            style = [s + " [bold red]![/]" for s in style]
            marked = True
        # Data as plain text: ids and texts print as written (no emoji codes or controls).
        table.add_row(
            plain(_id(exchange.seeker.id)),
            plain(_id(exchange.response.id)),
            plain(_snippet(_shown_text(exchange.response.text, record, redacted))),
            *levels,
            *style,
        )
    notes = []
    if marked and has_style:
        notes.append("!: crisis cues in the seeker's message or an unsafe reply: read it")
    if summary.total > len(summary.preview):
        notes.append(
            f"first {len(summary.preview)} of {summary.total} responses; "
            "write them all with -o results.jsonl"
        )
    table.caption = "; ".join(notes) or None
    return table


def _shown_text(text: str, record: dict[str, Any], redacted: bool) -> str:
    """The response text as the results hold it (redacted with --redact, even with --no-text)."""
    if record.get("response_text") is not None:
        return str(record["response_text"])
    if not redacted:
        return text
    from carelens.privacy import redact

    return redact(text)


def _feedback_table(summary: AnalysisSummary) -> FitTable:
    """The feedback for each response, its words whole at any width (:class:`FitTable`):
    wrapped beside the response's id, or under it once the terminal is too narrow."""
    table = FitTable("Feedback for the helper")
    table.add_column("response")
    table.add_column("feedback", wrap=True)
    for exchange, record in summary.preview:
        feedback = " ".join(record.get("feedback") or ())
        table.add_row(plain(_id(exchange.response.id)), plain(feedback))
    return table


def _summary_table(summary: AnalysisSummary, rejects_path: Path | None) -> Table:
    from carelens.readers.rejects import shown_path

    table = Table(title="Summary", title_justify="left", show_header=False)
    table.add_column("what", style="bold")
    table.add_column("value", overflow="fold")  # long paths and field names kept whole
    table.add_row("input", escape(shown_path(summary.input)))
    if summary.output is not None:
        table.add_row("output", escape(shown_path(summary.output)))
    table.add_row("model", escape(summary.model_id))
    analysed = str(summary.analysed)
    if summary.resumed:
        analysed += f" (+ {summary.resumed} already in the output: {summary.total} in all)"
    table.add_row("pairs analysed", analysed)
    add_left_out_row(table, summary.not_by_helpers)
    add_outcome_rows(
        table,
        style_counts=summary.style_counts,
        needs_attention=summary.needs_attention,
        crisis_hints=summary.crisis_hints,
        unsafe_replies=summary.unsafe_replies,
        rejected=summary.rejected,
        rejects_path=rejects_path,
        skipped=summary.skipped,
    )
    return table


def add_left_out_row(table: Table, left_out: int) -> None:
    """The summary row of the responses ``--helper`` left out (none when there are none)."""
    if left_out:
        table.add_row(
            "left out",
            f"{left_out} {'response' if left_out == 1 else 'responses'} by speakers not named "
            "by --helper",
        )


def no_helper_matched(left_out: int, patterns: Sequence[str]) -> str:
    """The note for a run whose ``--helper`` patterns matched none of its responses."""
    from carelens.readers.helpers import as_options
    from carelens.readers.layouts import speaker_fields

    return (
        f"no response of the {left_out} read is by a speaker that matches "
        f"{as_options(patterns)}; check the helpers' names as the input spells them "
        f"({speaker_fields()})"
    )


def add_outcome_rows(
    table: Table,
    *,
    style_counts: Mapping[str, int],
    needs_attention: int,
    crisis_hints: int,
    unsafe_replies: int,
    rejected: Mapping[str, int],
    rejects_path: Path | None,
    skipped: Mapping[str, int],
) -> None:
    """The rows every run summary ends with: styles, crisis cues (``crisis_hints`` of the
    ``needs_attention`` worded as hints), unsafe replies, rejects and skipped items."""
    from carelens.analysis.feedback import CRISIS_LINES

    if style_counts:
        styles = ", ".join(
            f"{style} {n}" for style, n in sorted(style_counts.items(), key=lambda kv: -kv[1])
        )
        table.add_row("styles", escape(styles))
    if needs_attention:
        table.add_row(
            "crisis cues",
            crisis_words(needs_attention, crisis_hints)
            + ": read "
            + ("it" if needs_attention == 1 else "them")
            + f" (field seeker.crisis_cues); resources: {CRISIS_LINES}",
        )
    if unsafe_replies:
        table.add_row(
            "unsafe replies",
            f"[bold red]{unsafe_replies} "
            + (
                "response urges self-harm or gives method information[/]: read it"
                if unsafe_replies == 1
                else "responses urge self-harm or give method information[/]: read them"
            )
            + " (field unsafe)",
        )
    table.add_row("rejected records", str(sum(rejected.values())))
    for reason, n in sorted(rejected.items(), key=lambda kv: -kv[1]):
        table.add_row("", f"{n} {escape(reason)}")
    if rejects_path is not None:
        table.add_row("rejects file", escape(os.fspath(rejects_path)))
    for reason, n in sorted(skipped.items(), key=lambda kv: -kv[1]):
        table.add_row("skipped", f"{n} {escape(reason)}")


def levels_table(level_counts: Mapping[str, Sequence[int]]) -> FitTable:
    """How many responses reached each level, per dimension."""
    table = FitTable("Responses per level")
    table.add_column("dimension")
    for level, name in enumerate(("none", "weak", "strong")):
        table.add_column(f"{level} {name}", justify="right")
    for d, counts in level_counts.items():
        whole = sum(counts)
        table.add_row(d, *(f"{n} ({percent(n, whole)})" for n in counts))
    return table
