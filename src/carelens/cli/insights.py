"""``carelens report`` and ``carelens summarize``: the insights over many responses.

Both take a result file written by ``carelens analyze`` (JSON Lines, CSV or Parquet) or a
conversation file in any input format (analysed first, in memory, with a progress bar).
``report`` writes one self-contained HTML file (and says so, but not with ``-q``);
``summarize`` prints the community and helper tables and the strain signals (with ``-q``
too), and can save every tidy table as CSV (``--tables DIR``; a text cell a spreadsheet
would run as a formula gets an apostrophe before it, see :mod:`carelens.output.spreadsheet`).
``--anonymize`` shows stable pseudonyms instead of speaker names and redacts personal data
in texts. Both are thin layers over :class:`carelens.insights.Insights`. A conversation file
that gives nothing to show is explained as ``carelens analyze`` explains it (no pair, or
``--helper`` matching no one), with the ``analyze`` run that takes a column map when one
would read it. Their rejects are staged beside the rejects file and put in its place only
once the input is read, so an interrupted or failed run leaves the one before as it was;
results another run is still writing (its lock held) are refused.
"""

from __future__ import annotations

import json
import os
import shlex
from collections.abc import Mapping
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer
from rich.markup import escape
from rich.text import Text

from carelens.analysis.crisis_counts import crisis_count
from carelens.cli._common import (
    InputFormat,
    ModelPath,
    QuietResults,
    Session,
    Threads,
    Verbose,
    column_map_named,
    fmt_score,
    load_analyzer,
    no_pairs_hint,
    os_error_text,
    place_rejects,
    prepare_output_files,
    refuse_writing_over,
    rejects_destination,
    remove_older_rejects,
    remove_staging,
    require_input,
    session,
    staging_folder,
)
from carelens.cli._tables import FitTable, plain
from carelens.cli.analyze import (
    DEFAULT_REJECTS,
    input_files,
    no_helper_matched,
    staged_rejects,
)
from carelens.errors import CarelensError, InputError
from carelens.locks import lock_holder

# The insights (pandas), the readers and the model are imported where a run needs them, so
# that this module, imported for every command's --help, stays quick to import.
if TYPE_CHECKING:
    import pandas as pd

    from carelens.insights import Insights

#: The environment variable that holds the pseudonym key (so it stays out of shell
#: history), as :data:`carelens.insights.anonymize.KEY_ENV` names it: the ``--anonymize``
#: help says it without importing the insights.
KEY_ENV = "CARELENS_ANONYMIZE_KEY"


def __getattr__(name: str) -> Any:
    """``Insights``, the class the commands build (:class:`carelens.insights.Insights`),
    imported on first use."""
    if name == "Insights":
        from carelens.insights import Insights

        return Insights
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


InputPath = Annotated[
    Path,
    typer.Argument(
        help="Results of `carelens analyze` (.jsonl/.csv/.parquet), or a conversation file "
        "to analyse first."
    ),
]
Anonymize = Annotated[
    bool,
    typer.Option(
        "--anonymize",
        help="Show stable pseudonyms instead of speaker names and redact emails, phone "
        f"numbers, URLs, @handles and addresses in texts (pseudonym key: ${KEY_ENV}, else a "
        "secret key kept in the carelens data folder).",
    ),
]
Rejects = Annotated[
    Path | None,
    typer.Option(
        help="Where bad input records of a conversation file are listed (default: "
        "OUT.rejects.jsonl for report; TABLES/rejects.jsonl, or "
        f"./{DEFAULT_REJECTS} without --tables, for summarize). A default file is removed "
        "again when nothing was rejected."
    ),
]
#: ``--helper`` as these commands read it: unlike ``analyze --helper``, it also narrows what
#: every figure is compared with, which a reader must be told.
Helper = Annotated[
    list[str] | None,
    typer.Option(
        "--helper",
        help="Show only the responses written by this speaker (repeat for more): a name or a "
        "pattern with * and ? (vol-*), case ignored. Communities, trends and the strain "
        "signals' baselines (a helper's high-distress load against their community's) are "
        "then those of the named speakers' responses only: to compare one helper with the "
        "rest of the team, name them all (--helper 'vol-*') and read that helper's row.",
    ),
]
Community = Annotated[
    str | None,
    typer.Option(
        help="Community name for responses that carry none (default: the input file's name "
        "without its extension)."
    ),
]


def _pseudonym_key(s: Session) -> str:
    """``$CARELENS_ANONYMIZE_KEY``, else this user's secret key file (made on first use)."""
    from carelens.insights.anonymize import pseudonym_key

    key, created = pseudonym_key()
    if created is not None:
        s.note(
            f"made a secret pseudonym key in {escape(str(created))}; "
            f"pseudonyms stay the same while it is kept (set ${KEY_ENV} to share a key)"
        )
    return key


#: The tables ``summarize --tables`` writes, by file name stem (see :func:`save_tables`).
TABLES: tuple[str, ...] = (
    "responses",
    "helpers",
    "communities",
    "monthly_helpers",
    "monthly_communities",
    "strain",
)


def _table_paths(folder: Path) -> list[Path]:
    """Every file :func:`save_tables` writes in ``folder`` (the tables and their temporary
    ``.csv.partial`` files)."""
    return [folder / f"{name}{suffix}" for name in TABLES for suffix in (".csv", ".csv.partial")]


def check_outputs(
    input: Path,
    written: list[tuple[str, Path]],
    *,
    folder: tuple[str, Path] | None = None,
    input_format: str | None = None,
) -> None:
    """Refuse, before any work, outputs that would destroy the input or cannot be written.

    ``written`` are the files the command writes, as ``(option, path)``; ``folder`` is a
    folder it writes into (``--tables``). A path that is the input (or a file of an input
    folder) is a usage error (exit 2); so is a rejects file that another output would
    overwrite. An output that is a folder, and a place that cannot be written (a file in the
    way, no permission), are errors (exit 1), as for every command. Missing folders are
    created now, so an unwritable place fails here rather than after the analysis.
    """
    from carelens.insights import batch_parts
    from carelens.output import lock_path

    require_input(input, kind="any")  # before any folder is made for the outputs
    if input.is_file() and (holder := lock_holder(lock_path(input))) is not None:
        # Results still being written: a summary of them would silently miss the rest.
        raise InputError(
            f"these results are still being written ({holder}); wait for that run to end, "
            "then run this again",
            path=str(input),
        )
    sources = input_files(input)
    if input_format is None and input.is_dir():
        sources += batch_parts(input) or []
    refuse_writing_over(sources, written)
    rejects = [path for option, path in written if option == "--rejects"]
    for option, path in written:
        if option != "--rejects" and any(_same_path(path, r) for r in rejects):
            raise typer.BadParameter(
                f"{path} is also where {option} writes; choose another path",
                param_hint="--rejects",
            )
    prepare_output_files(written, [folder] if folder is not None else [])


def _same_path(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


class Loaded(NamedTuple):
    """What :func:`load_insights` read: the insights, and, when they hold no response,
    why (the error a command ends with once its outputs are written: exit 1)."""

    insights: Insights
    nothing: str | None


def load_insights(
    s: Session,
    input: Path,
    *,
    input_format: str | None,
    model: Path | None,
    threads: int | None,
    anonymize: bool,
    community: str | None,
    rejects: Path | None = None,
    keep_empty_rejects: bool = False,
    stage_rejects: bool = False,
    helper: list[str] | None = None,
) -> Loaded:
    """Read or analyse ``input`` with a progress bar, then build the insights.

    Bad records (of a conversation file, or damaged or mistyped records of a result file)
    are listed in ``rejects``; the file is removed again when nothing was rejected, unless
    ``keep_empty_rejects`` (the user named it), as ``carelens analyze`` does. With
    ``stage_rejects`` (a rejects file nobody asked for, in the current folder) it is written
    in a temporary folder and moved to ``rejects`` only when a record was rejected, so that a
    run in a folder it cannot write in works when nothing is. With
    ``anonymize``, the speaker names of the rejected records of a result file are hidden in
    the texts of the others too (:class:`RejectedNames`). The commands call
    :func:`check_outputs` first, which refuses an input that does not exist. With
    ``helper`` patterns (``--helper``) only those speakers' responses are shown; the names of
    the others are hidden in texts too when anonymizing.
    """
    from carelens.insights import Insights, is_result_file, records_from
    from carelens.insights.anonymize import RejectedNames
    from carelens.insights.distress import load_distress_scorer
    from carelens.insights.report.format import plural
    from carelens.insights.source import reads_results
    from carelens.readers import RejectLog
    from carelens.readers.helpers import HelperPatterns, as_options
    from carelens.readers.rejects import RejectsWriteError, shown_path

    helpers = HelperPatterns(helper or ())
    left_out = 0
    results = reads_results(input, input_format)
    rejects_path, straight = rejects_destination(rejects) if rejects is not None else (None, False)
    staging = staging_folder() if stage_rejects and rejects_path is not None else None
    # The rejects are written beside the rejects file (or in a temporary folder, or straight
    # into a device or a pipe) and put in its place only once the read has gone through: an
    # interrupted or failed run leaves the rejects file of the run before as it was.
    written_to = (
        staging / "rejects.jsonl"
        if staging is not None
        else rejects_path
        if rejects_path is None or straight
        else staged_rejects(rejects_path)
    )
    if staging is None and rejects_path is not None:
        rejects_path.parent.mkdir(parents=True, exist_ok=True)
    log = RejectLog(written_to, redact=anonymize)  # details quote ids: redacted too
    rejected = RejectedNames() if anonymize else None

    def leave_out(fields: Mapping[str, object]) -> None:
        nonlocal left_out
        left_out += 1
        if rejected is not None:
            rejected(fields)

    read = False
    try:
        # The model, loaded only for a conversation file: its worker threads stop once the
        # records are read, as analyze's do when it ends (a failure or Ctrl-C too).
        with log, ExitStack() as held, s.progress("responses") as bar:
            task = bar.add_task("reading results" if results else "analysing", total=None)
            records = records_from(
                input,
                lambda: load_analyzer(held, model, threads=threads),
                format=input_format,
                rejects=log,
                progress=lambda n: bar.advance(task, n),
                on_rejected=rejected,
                helpers=helpers,
                left_out=leave_out,
            )
            insights = Insights.from_records(
                records,
                default_community=community or shown_path(input.stem),
                distress=load_distress_scorer(),
                anonymize=anonymize,
                key=_pseudonym_key(s) if anonymize else None,
                more_names=() if rejected is None else rejected,
                checked=True,  # read_results checked every record: not checked twice
            )
        read = True
    except RejectsWriteError as exc:  # a full disk: the file named, and what is left
        raise InputError(
            f"cannot write it: {exc.cause}; nothing else was written (the rejects file of "
            "the run before, if any, is left as it was)",
            path=shown_path(rejects_path or exc.path or ""),
        ) from exc
    finally:
        try:
            log.close()
            if not read:  # failed or interrupted: the rejects file before stays as it was
                if written_to is not None and not straight:
                    written_to.unlink(missing_ok=True)
            elif straight or rejects_path is None or written_to is None:
                pass  # a device or a pipe has them already
            elif log.total or keep_empty_rejects:
                if staging is not None:
                    place_rejects(written_to, rejects_path)
                else:
                    os.replace(written_to, rejects_path)
            else:  # no rejects: leave no empty file, nor an older run's, behind
                written_to.unlink(missing_ok=True)
                remove_older_rejects(s, rejects_path)
        except (CarelensError, OSError) as exc:
            if read:
                raise
            said = os_error_text(exc) if isinstance(exc, OSError) else str(exc)
            s.warn(f"while stopping, the rejects were not cleaned up: {said}")
        finally:
            if staging is not None:
                remove_staging(staging)
    if left_out:
        named = as_options(helpers.patterns)
        s.note(escape(f"{plural(left_out, 'response')} by speakers not named by {named} left out"))
    if log.total:
        where = f", listed in {escape(str(rejects_path))}" if rejects_path is not None else ""
        s.note(f"{plural(log.total, 'bad input record')} skipped{where}")
    unmeasured = unmeasured_note(insights)
    if unmeasured is not None:
        s.note(escape(unmeasured))
    nothing = None
    if not len(insights):
        if log.total:
            which = "the only record was" if log.total == 1 else "every record was"
            where = f" (rejects: {rejects_path})" if rejects_path is not None else ""
            why = "the rejects file says why"
            if input_format is not None and is_result_file(input):
                # --format reads results as a conversation: every record fails on its fields.
                why = (
                    f"the file looks like carelens analyze results, not {input_format} "
                    "conversations; leave out --format to read it as results"
                )
            elif input_format is not None and not (input.is_file() or input.is_dir()):
                why += (
                    "; a pipe read with --format is read as conversations: if it holds "
                    "carelens analyze results, leave out --format to read them as results"
                )
            nothing = f"Nothing to show: {which} rejected; {why}{where}."
        elif left_out and not results:  # a conversation file: where its names are read
            nothing = f"Nothing to show: {no_helper_matched(left_out, helpers.patterns)}."
        elif left_out:
            nothing = (
                "Nothing to show: no response is by a speaker that matches "
                f"{as_options(helpers.patterns)}; check the helpers' names as the input "
                "spells them."
            )
        elif not results:  # a conversation file that gave no pair: why, as analyze says it
            nothing = f"Nothing to show: {_no_pairs(input, input_format, log.skipped)}."
        else:
            nothing = "Nothing to show: the input holds no response."
    return Loaded(insights, nothing)


def _no_pairs(input: Path, input_format: str | None, skipped: Mapping[str, int]) -> str:
    """Why the conversation file ``input`` gave no pair (:func:`no_pairs_hint`); when a
    column map would read it, the ``carelens analyze`` command that takes one, as these
    commands take none."""
    hint = no_pairs_hint(input, input_format=input_format, skipped=skipped)
    entry = column_map_named(hint)
    if entry is None:
        return hint
    given = ["--format", input_format] if input_format is not None else []
    command = ["carelens", "analyze", str(input), *given, "--column-map", entry]
    return (
        f"{hint}; summarize and report take no column map, but analyze does: "
        f"{shlex.join([*command, '-o', 'results.jsonl'])}, then summarize or report "
        "results.jsonl"
    )


def unmeasured_note(insights: Insights) -> str | None:
    """What the responses of an older carelens lack (dimensions, the unsafe-wording check),
    left out of those figures rather than counted as 0; None when every response has all."""
    from carelens.insights.report.format import plural

    missing = insights.unmeasured()
    if not missing:
        return None
    parts = []
    for count in sorted(set(missing.values()), reverse=True):
        names = [name for name, n in missing.items() if n == count]
        what = [("the unsafe-wording check" if name == "unsafe" else name) for name in names]
        parts.append(f"{plural(count, 'response')} without {_joined(what)}")
    return (
        "results of an older carelens: "
        + "; ".join(parts)
        + " (left out of those figures, not counted as 0)"
    )


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def report(
    input: InputPath,
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path(
        "carelens-report.html"
    ),
    title: Annotated[str, typer.Option(help="Title shown at the top of the report.")] = (
        "carelens report"
    ),
    max_helpers: Annotated[
        int, typer.Option(min=0, help="Helpers with a section of their own (most responses).")
    ] = 50,
    anonymize: Anonymize = False,
    community: Community = None,
    helper: Helper = None,
    rejects: Rejects = None,
    input_format: InputFormat = None,
    model: ModelPath = None,
    threads: Threads = None,
    verbose: Verbose = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Hide the progress bar, the notes and the line naming the report written; "
            "warnings and errors are still shown.",
        ),
    ] = False,
) -> None:
    """Write one self-contained HTML report (opens offline) for INPUT."""
    from carelens.insights.report import write_report
    from carelens.insights.report.format import plural
    from carelens.output.paths import failure_cause
    from carelens.readers.rejects import shown_path

    written: list[Path] = []  # the report, once it is in place
    rejects_path = rejects or Path(f"{output}.rejects.jsonl")

    def note() -> str:
        if written:
            return escape(f"The report was written to {written[0]}.")
        return escape(f"Nothing was written: {output} and {rejects_path} are as they were.")

    with session(verbose, quiet, on_interrupt=note, terminate=True) as s:
        if output.is_dir():  # an output that cannot be written (exit 1), whatever its name
            raise InputError(
                "--output names a folder; name a file in it instead (such as report.html)",
                path=str(output),
            )
        if output.suffix.lower() not in (".html", ".htm"):
            raise typer.BadParameter(
                f"{output}: the report is HTML; name the output file .html", param_hint="--output"
            )
        check_outputs(
            input,
            [("--output", output), ("--rejects", rejects_path)],
            input_format=input_format,
        )
        insights, nothing = load_insights(
            s,
            input,
            input_format=input_format,
            model=model,
            threads=threads,
            anonymize=anonymize,
            community=community,
            rejects=rejects_path,
            keep_empty_rejects=rejects is not None,
            helper=helper,
        )
        existed = output.exists()
        try:
            path = write_report(
                insights,
                output,
                title=title,
                model=_manifest(model),
                source=shown_path(input.name),
                max_helpers=max_helpers,
            )
        except OSError as exc:  # a full disk: the file named, and what is left there
            left = (
                "the report there before is left as it was" if existed else "no report was written"
            )
            raise InputError(
                f"cannot write it: {failure_cause(exc)}; {left}", path=str(output)
            ) from exc
        written.append(path)
        s.summary(
            f"report of {plural(len(insights), 'response')} by "
            f"{plural(insights.helpers().shape[0], 'helper')} written to {escape(str(path))}"
        )
        if nothing is not None:  # the report says so too; a script must see it failed
            raise InputError(nothing)


def summarize(
    input: InputPath,
    top: Annotated[
        int, typer.Option(min=1, help="Helpers and communities listed (most responses first).")
    ] = 20,
    tables: Annotated[
        Path | None,
        typer.Option(help="Folder to save every tidy table to, as CSV files."),
    ] = None,
    anonymize: Anonymize = False,
    community: Community = None,
    helper: Helper = None,
    rejects: Rejects = None,
    input_format: InputFormat = None,
    model: ModelPath = None,
    threads: Threads = None,
    verbose: Verbose = False,
    quiet: QuietResults = False,
) -> None:
    """Print per-community and per-helper roll-ups and strain signals for INPUT."""
    from carelens.insights.report.sections import FarOff

    default_rejects = tables / "rejects.jsonl" if tables is not None else Path(DEFAULT_REJECTS)
    rejects_path = rejects or default_rejects
    saving: list[bool] = []  # set once the tables are being written

    def note() -> str:
        if tables is None:
            return ""
        if saving:
            return escape(
                f"Stopped while the tables were written: those in {tables} may be this run's "
                "or the run before's; run it again to write them all."
            )
        return escape(f"Nothing was written: {tables} and {rejects_path} are as they were.")

    with session(verbose, quiet, on_interrupt=note, terminate=True) as s:
        # ./carelens-rejects.jsonl is made only when a record is rejected (see load_insights).
        unasked = rejects is None and tables is None
        written = [] if unasked else [("--rejects", rejects_path)]
        if tables is not None:
            written += [("--tables", path) for path in _table_paths(tables)]
        check_outputs(
            input,
            written,
            folder=None if tables is None else ("--tables", tables),
            input_format=input_format,
        )
        insights, nothing = load_insights(
            s,
            input,
            input_format=input_format,
            model=model,
            threads=threads,
            anonymize=anonymize,
            community=community,
            rejects=rejects_path,
            keep_empty_rejects=rejects is not None,
            stage_rejects=unasked,
            helper=helper,
        )
        communities, helpers = insights.communities(), insights.helpers()
        s.out.print(_table("Communities", "community", communities, top, legend=True))
        if len(communities) > top:
            s.out.print(f"({len(communities) - top} more communities; see --tables)")
        s.out.print(_table("Helpers", "helper", helpers, top))
        if len(helpers) > top:
            s.out.print(f"({len(helpers) - top} more helpers; see --tables)")
        s.out.print(_strain_table(insights))
        s.out.print(_to_read(insights))
        undated = _undated(insights)
        if undated is not None:
            s.out.print(undated)
        far_off = FarOff.of(insights.rows)
        if far_off.n:  # a Text: the helper names in it are data
            left_out = far_off.left_out(_quoted, "the monthly figures, trends and strain signals")
            s.out.print(Text(f"Far-off dates: {left_out}."))
        if tables is not None:
            saving.append(True)
            saved = save_tables(insights, tables)
            s.out.print(f"{len(saved)} tables written to {escape(str(tables))}")
        if nothing is not None:
            raise InputError(nothing)


def save_tables(insights: Insights, folder: Path) -> list[Path]:
    """Write every tidy table of ``insights`` to ``folder`` as CSV; the paths written."""
    from carelens.output.paths import failure_cause

    folder.mkdir(parents=True, exist_ok=True)
    frames = {
        "responses": insights.responses(),
        "helpers": insights.helpers(),
        "communities": insights.communities(),
        "monthly_helpers": insights.monthly("helper"),
        "monthly_communities": insights.monthly("community"),
        "strain": insights.strain(),
    }
    assert tuple(frames) == TABLES
    # Lists as JSON, as in the other CSV files carelens writes.
    for column in ("evidence", "evidence_positions"):
        frames["strain"][column] = [
            json.dumps(list(e), ensure_ascii=False) for e in frames["strain"][column]
        ]
    written: list[Path] = []
    for name, frame in frames.items():
        path = folder / f"{name}.csv"
        tmp = path.with_suffix(".csv.partial")
        try:
            _spreadsheet_safe(frame).to_csv(tmp, index=False)
            tmp.replace(path)
        except BaseException as exc:  # a full disk, Ctrl-C: no half-written table left
            with suppress(OSError):
                tmp.unlink(missing_ok=True)
            if not isinstance(exc, OSError):
                raise
            raise InputError(
                f"cannot write it: {failure_cause(exc)}; {tables_kept(folder, written)}",
                path=str(path),
            ) from exc
        written.append(path)
    return written


def tables_kept(folder: Path, written: list[Path]) -> str:
    """What ``summarize --tables`` leaves in ``folder`` when it stops after the tables
    ``written``: those are this run's, the others as they were."""
    if not written:
        return f"the tables in {folder} are left as they were"
    names = ", ".join(path.name for path in written)
    return f"{names} are this run's, the other tables in {folder} are left as they were"


def _spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell made :func:`~carelens.output.spreadsheet_safe`: helper
    names, communities and ids come from forum and chat users, and the tables are opened in
    spreadsheets. Number, boolean and date columns are left as they are (``-0.5`` stays a
    number); a text column may still hold numbers or nulls, which :func:`safe_cell` keeps."""
    from pandas.api.types import is_datetime64_any_dtype, is_numeric_dtype

    from carelens.output import safe_cell

    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if not (is_numeric_dtype(values) or is_datetime64_any_dtype(values)):
            safe[column] = values.map(safe_cell)
    return safe


#: The roll-up columns shown, with short headers (explained by :data:`_LEGEND`), so that
#: every figure fits at 80 columns.
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("responses", "n"),
    ("style_dismissive", "dis"),
    ("style_sympathy", "sym"),
    ("style_empathy", "emp"),
    ("style_compassion", "com"),
    ("mean_empathy", "mean emp"),
    ("reflections_per_question", "refl/q"),
    ("high_distress_share", "distress"),
    ("mean_empathy_slope", "trend"),
    ("unsafe_replies", "unsafe"),
)
_LEGEND = (
    "n: responses; dis, sym, emp, com: share of responses in each style (dismissive, "
    "sympathy, empathy, compassion); mean emp: mean empathy level (0-2); refl/q: reflections "
    "per question; distress: share of seeker messages answered at high distress; trend: "
    "empathy trend (level per month; * from fewer than {few} dated responses: too few to "
    "read); unsafe: unsafe replies"
)
_TREND = [name for name, _ in _COLUMNS].index("mean_empathy_slope")
_SHARES = {"style_dismissive", "style_sympathy", "style_empathy", "style_compassion"}


def _cell(name: str, value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):  # NaN
        return "-"
    if name in ("responses", "unsafe_replies"):
        return str(int(value))
    if name in _SHARES or name == "high_distress_share":
        return f"{100 * float(value):.0f}%"
    if name.endswith("_slope"):
        from carelens.insights.report.format import slope_text

        return slope_text(float(value))  # as the report shows it
    return fmt_score(float(value))


def shown(value: object) -> Text:
    """A name or text from the data, printed exactly as text (:func:`~._tables.plain`): no
    markup or emoji codes read in it, control, bidi and invisible format characters as
    ``\\xNN`` / ``\\uNNNN``."""
    return plain(value)


def _table(title: str, key: str, frame: Any, limit: int, *, legend: bool = False) -> FitTable:
    """The roll-up of each ``key`` (helper or community): its name wraps, the figures are
    shown whole at any width (:class:`FitTable`); with ``legend``, the headers explained."""
    from carelens.insights.report.sections import few_responses
    from carelens.insights.strain import DEFAULT_THRESHOLDS

    few = DEFAULT_THRESHOLDS.min_trend_responses
    table = FitTable(title, caption=_LEGEND.format(few=few) if legend else None)
    table.add_column(key, wrap=True)
    for _, label in _COLUMNS:
        table.add_column(label, justify="right")
    for record in frame.head(limit).to_dict("records"):
        cells = [_cell(name, record.get(name)) for name, _ in _COLUMNS]
        if cells[_TREND] != "-" and few_responses(record, few) is not None:
            cells[_TREND] += "*"
        table.add_row(shown(record[key]), *cells)
    return table


def _to_read(insights: Insights) -> str:
    """The responses a person should read: crisis cues answered, unsafe replies."""
    from carelens.insights.report.format import plural
    from carelens.insights.report.sections import MAX_TO_READ, learned_only, responses_to_read

    total = insights.total()
    needs, unsafe = total.needs_attention, total.unsafe_replies
    # A cue of the learned flag alone is a hint (a possible crisis), not crisis wording: said
    # as analyze and the report say it.
    hints = sum(1 for r in insights.rows if r.needs_attention and learned_only(r.crisis_cues))
    if total.n and not total.unsafe_known:  # results of an older carelens: not checked
        unsafe_said = (
            "unsafe wording (urging self-harm or giving method information) was not checked"
        )
    else:
        unsafe_said = (
            f"{plural(unsafe, 'has', 'have')} unsafe wording (urging self-harm or giving "
            "method information)"
        )
        if total.unsafe_known < total.n:
            unsafe_said += f" of the {total.unsafe_known:,} checked for it"
    line = f"To read: {crisis_count(needs, hints).plain()}, {unsafe_said}"
    listed = len(responses_to_read(insights.rows))
    if listed > MAX_TO_READ:
        line += (
            f"; the report (carelens report) lists the first {MAX_TO_READ} of these {listed} "
            "responses, unsafe replies first, and responses.csv (--tables) marks every one"
        )
    elif listed:
        line += (
            "; the report (carelens report) lists them with the words that raised each flag, "
            "and responses.csv (--tables) marks them"
        )
    return line + "."


def _quoted(value: str) -> str:
    """A value from the data in double quotes, as :func:`shown` prints it."""
    return f'"{shown(value).plain}"'


def _undated(insights: Insights) -> Text | None:
    """The responses without a month, as the report says it: how many have no timestamp, how
    many one that could not be read (one quoted as the row keeps it, printed as :func:`shown`
    prints a value), and where the forms carelens reads are; None when every response is dated."""
    from carelens.insights.report.sections import Undated

    undated = Undated.of(insights.rows)
    if not undated.n:
        return None
    line = f"Undated: {undated.left_out(_quoted, 'the monthly figures and trends')}."
    if undated.unread:
        line += (
            " carelens reads ISO 8601 dates and times (2026-06-12T15:04:00Z, 2026-06-12 15:04) "
            "and Unix times in seconds or milliseconds, from 1980 up to the end of 2099 (see "
            "Timestamps in docs/insights.md)."
        )
    # A Text, not markup: the quoted value is data.
    return Text(line)


def _strain_table(insights: Insights) -> FitTable:
    table = FitTable("Strain signals (to look at, never a diagnosis)")
    table.add_column("helper", wrap=True)
    table.add_column("signal")
    table.add_column("detail", wrap=True)
    signals = insights.strain_signals()
    for signal in signals:
        table.add_row(shown(signal.helper), signal.signal, shown(signal.detail))
    if not signals:
        table.add_row("-", "none raised", "")
    return table


def _manifest(model: Path | None) -> dict[str, Any] | None:
    """The model's manifest for the methods note (None if it cannot be read)."""
    from carelens.inference.artifact import ModelArtifact

    try:
        return dict(ModelArtifact.load(model, verify=False).manifest)
    except CarelensError:
        return None
