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

What both do before they show anything (the checks of their outputs, the input read or
analysed into insights, why there is nothing to show) is in :mod:`._insights_load`; the
tables ``summarize`` prints and saves are in :mod:`._insights_tables`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.text import Text

from carelens.cli._inputs import InputFormat
from carelens.cli._insights_load import KEY_ENV, check_outputs, load_insights
from carelens.cli._insights_tables import (
    quoted,
    rollup_table,
    save_tables,
    strain_table,
    table_paths,
    to_read_line,
    undated_line,
)
from carelens.cli._model import ModelPath, Threads
from carelens.cli._session import QuietResults, Verbose, session
from carelens.cli.analyze import DEFAULT_REJECTS
from carelens.errors import CarelensError, InputError


# The insights (pandas), the readers and the model are imported where a run needs them, so
# that this module, imported for every command's --help, stays quick to import.
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
            written += [("--tables", path) for path in table_paths(tables)]
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
        s.out.print(rollup_table("Communities", "community", communities, top, legend=True))
        if len(communities) > top:
            s.out.print(f"({len(communities) - top} more communities; see --tables)")
        s.out.print(rollup_table("Helpers", "helper", helpers, top))
        if len(helpers) > top:
            s.out.print(f"({len(helpers) - top} more helpers; see --tables)")
        s.out.print(strain_table(insights))
        s.out.print(to_read_line(insights))
        undated = undated_line(insights)
        if undated is not None:
            s.out.print(undated)
        far_off = FarOff.of(insights.rows)
        if far_off.n:  # a Text: the helper names in it are data
            left_out = far_off.left_out(quoted, "the monthly figures, trends and strain signals")
            s.out.print(Text(f"Far-off dates: {left_out}."))
        if tables is not None:
            saving.append(True)
            saved = save_tables(insights, tables)
            s.out.print(f"{len(saved)} tables written to {escape(str(tables))}")
        if nothing is not None:
            raise InputError(nothing)


def _manifest(model: Path | None) -> dict[str, Any] | None:
    """The model's manifest for the methods note (None if it cannot be read)."""
    from carelens.inference.artifact import ModelArtifact

    try:
        return dict(ModelArtifact.load(model, verify=False).manifest)
    except CarelensError:
        return None
