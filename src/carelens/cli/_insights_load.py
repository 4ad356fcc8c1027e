"""What ``carelens report`` and ``carelens summarize`` do before they show anything: the
checks of their outputs, the input read or analysed into insights, and why there is nothing
to show.

:func:`check_outputs` refuses, before any work, outputs that would destroy the input or
cannot be written, and results another run is still writing (its lock held).
:func:`load_insights` reads a result file written by ``carelens analyze`` (JSON Lines, CSV
or Parquet) or analyses a conversation file in any input format (in memory, with a progress
bar), and builds the :class:`carelens.insights.Insights`. Its rejects are staged beside the
rejects file and put in its place only once the input is read, so an interrupted or failed
run leaves the one before as it was. A conversation file that gives nothing to show is
explained as ``carelens analyze`` explains it (no pair, or ``--helper`` matching no one),
with the ``analyze`` run that takes a column map when one would read it.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import typer
from rich.markup import escape

from carelens.cli._inputs import column_map_named, no_pairs_hint, require_input
from carelens.cli._model import load_analyzer
from carelens.cli._outputs import (
    place_rejects,
    prepare_output_files,
    refuse_writing_over,
    rejects_destination,
    remove_older_rejects,
    remove_staging,
    staging_folder,
)
from carelens.cli._session import Session, os_error_text
from carelens.cli.analyze import input_files, no_helper_matched, staged_rejects
from carelens.errors import CarelensError, InputError
from carelens.locks import lock_holder

# The insights (pandas), the readers and the model are imported where a run needs them, so
# that this module, imported for every command's --help, stays quick to import.
if TYPE_CHECKING:
    from carelens.insights import Insights

#: The environment variable that holds the pseudonym key (so it stays out of shell
#: history), as :data:`carelens.insights.anonymize.KEY_ENV` names it: the ``--anonymize``
#: help says it without importing the insights.
KEY_ENV = "CARELENS_ANONYMIZE_KEY"


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
