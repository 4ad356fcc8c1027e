"""``carelens evaluate`` and ``carelens evaluate-contrast``: score a model.

``evaluate`` is a thin layer over :func:`carelens.evaluation.evaluate`; ``--split``
reproduces the model's own train / dev / test split
(:func:`carelens.evaluation.model_split_ids`) and scores one part. With ``--annotations`` it
also scores the taxonomy dimensions on the project's annotations of the same pairs: those
whose ``rp_id`` the model's split puts in that part, whatever ``part`` is stored with them
(:func:`carelens.taxonomy_evaluation.evaluate_annotations`). ``evaluate-contrast`` runs the
contrast set (:func:`carelens.taxonomy_evaluation.evaluate_contrast`). Tables by default,
JSON with ``--json``. An evaluation that scored nothing is an error (exit 1) saying why; a
mechanism without a scored pair shows "-", and ``--record`` refuses to record it. Rejects
are reported as the reject log records them: whole rows, and level cells in their rows (with
``--split``, of the rows in that part, and the rows whose response id cannot be read at
all, whose part cannot be told); and with ``--annotations`` the annotations left out and the level
cells of annotated rows (one ``--rejects`` file for both, where a bad level cell both scorings
leave out is one line; an existing file there is replaced, as by every command's
``--rejects``).

Before the model is loaded, a file the command would write — the ``--rejects`` file, the
model's ``manifest.json`` with ``--record`` — is refused (a usage error) when it is a file
the command reads: DATA, the ``--annotations`` file, the contrast set, or (for
``--rejects``) a file of the model folder; through ``..`` and links too. DATA that is a
folder or missing is an error; the rejects file's folder is created then.

``evaluate-contrast --record`` stores with the figures the set's file name, SHA-256 and item
count, and records only the project's contrast set (``annotations/contrast/contrast_set.jsonl``,
told by its SHA-256, :data:`CONTRAST_SET_SHA256`): any other file — a part of the set, an
edited copy — is refused (a usage error, before the model loads) unless ``--force`` is given,
so its figures cannot silently replace the model's recorded ones.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from carelens.cli._inputs import require_input
from carelens.cli._model import BatchSize, ModelPath, Threads, load_analyzer
from carelens.cli._outputs import prepare_output_files, refuse_writing_over
from carelens.cli._session import QuietResults, Verbose, session
from carelens.cli._tables import FitTable, fmt_interval, fmt_score
from carelens.errors import InputError

# The evaluation, the model and the readers are imported where a run needs them, so that
# this module, imported for every command's --help, stays quick to import.
if TYPE_CHECKING:
    from carelens.evaluation import EvaluationReport, evaluate
    from carelens.taxonomy_evaluation import AnnotationReport, ContrastReport
else:

    def evaluate(*args, **kwargs):
        """:func:`carelens.evaluation.evaluate`, imported on the first call."""
        from carelens.evaluation import evaluate as imported

        return imported(*args, **kwargs)


def evaluate_command(
    data: Annotated[Path, typer.Argument(help="Labelled CSV in the EPITOME layout.")],
    model: ModelPath = None,
    split: Annotated[
        str,
        typer.Option(
            help="Score all rows, or one part (train, dev, test) of the model's own split."
        ),
    ] = "all",
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    record: Annotated[
        bool,
        typer.Option(
            "--record", help="Store the figures in the model's manifest.json under the split."
        ),
    ] = False,
    rejects: Annotated[
        Path | None, typer.Option(help="Write bad rows (file, line, field) to this file.")
    ] = None,
    annotations: Annotated[
        Path | None,
        typer.Option(
            help="Also score the taxonomy dimensions on these annotations of DATA "
            "(e.g. annotations/taxonomy-v1/gold.jsonl), on the same split part.",
        ),
    ] = None,
    threads: Threads = None,
    batch_size: BatchSize = 1,
    verbose: Verbose = False,
    quiet: QuietResults = False,
) -> None:
    """Score the model on DATA: accuracy, macro-F1 and rationale F1 per mechanism."""
    from carelens.annotations import read_annotation_lines
    from carelens.evaluation import SPLIT_PARTS, model_split_ids
    from carelens.inference.artifact import record_evaluation
    from carelens.readers import RejectLog
    from carelens.taxonomy_evaluation import evaluate_annotations

    with session(verbose, quiet) as s, ExitStack() as held:
        if split != "all" and split not in SPLIT_PARTS:
            raise typer.BadParameter(
                f"must be all, {', '.join(SPLIT_PARTS)}; got {split!r}", param_hint="--split"
            )
        read = [data] if annotations is None else [data, annotations]
        if rejects is not None:
            refuse_writing_over([*read, *_model_files(model)], [("--rejects", rejects)])
        if record:
            refuse_writing_over(read, [("--record", _manifest_path(model))])
        if data.is_dir():  # these before the rejects folder is made
            raise InputError("this is a folder; pass the labelled CSV file", path=str(data))
        require_input(data)
        if annotations is not None:
            require_input(annotations)
        if annotations is not None:  # a file that cannot be read at all stops here, not
            for _ in read_annotation_lines(annotations, RejectLog()):  # after the data's pass
                pass
        if rejects is not None:
            prepare_output_files([("--rejects", rejects)])
        # Its worker threads stop when the command ends, as analyze's do.
        analyzer = load_analyzer(held, model, threads=threads, batch_size=batch_size)
        ids = None
        if split != "all":
            ids = model_split_ids(data, analyzer.artifact.manifest, split)
        taxonomy: AnnotationReport | None = None
        with RejectLog(rejects) as log:
            with s.progress("pairs") as bar:
                task = bar.add_task("evaluating", total=None)
                report = evaluate(
                    data,
                    analyzer,
                    ids=ids,
                    rejects=log,
                    split=split,
                    progress=lambda n: bar.advance(task, n),
                    require_scores=True,
                )
            if annotations is not None:
                with s.progress("pairs") as bar:
                    task = bar.add_task("taxonomy", total=None)
                    taxonomy = evaluate_annotations(
                        data,
                        annotations,
                        analyzer,
                        part=split,
                        ids=ids,  # the model's own part, as the pairs above
                        rejects=log,
                        listed=report.rejected_cells,  # a bad level cell is listed once
                        progress=lambda n: bar.advance(task, n),
                    )
        if record and report.unscored:
            raise InputError(
                f"--record refused: no pair was scored for {', '.join(report.unscored)} (n 0), "
                "so there is no figure to record; fix the level cells (list them with "
                "--rejects) or evaluate without --record",
                path=str(data),
            )
        if record:
            figures = report.to_dict()
            figures["path"] = data.name  # the manifest ships; this machine's paths must not
            figures["command"] = f"carelens evaluate {data.name} --split {split}"
            written = record_evaluation(analyzer.artifact.path, split, figures)
            if taxonomy is not None:
                extra = taxonomy.to_dict()
                extra["annotations"] = annotations.name if annotations else None
                extra["command"] = (
                    f"carelens evaluate {data.name} --split {split} --annotations "
                    f"{annotations.name if annotations else ''}"
                )
                record_evaluation(analyzer.artifact.path, f"taxonomy-{split}", extra)
            s.note(f"figures recorded in {escape(str(written))}")
        if as_json:
            out = report.to_dict()
            if taxonomy is not None:
                out["taxonomy"] = taxonomy.to_dict()
            typer.echo(json.dumps(out, indent=2))
        else:
            fingerprint = getattr(analyzer, "model_fingerprint", None)
            s.out.print(_report_table(report, fingerprint))
            if taxonomy is not None:
                s.out.print(_taxonomy_table(taxonomy))
            _note_rejects(s.note, report, rejects)
            if taxonomy is not None:
                _note_taxonomy_rejects(s.note, taxonomy, rejects)
            if report.rationale_parts_not_found:
                s.note(
                    f"{report.rationale_parts_not_found} of {report.rationale_parts} gold "
                    "rationale parts are not found in their response; left out of the rationales"
                )


def _model_folder(model: Path | None) -> Path:
    from carelens.inference.artifact import default_model_dir

    return model if model is not None else default_model_dir()


def _manifest_path(model: Path | None) -> Path:
    """The manifest ``--record`` rewrites."""
    from carelens.inference.artifact import MANIFEST

    return _model_folder(model) / MANIFEST


def _model_files(model: Path | None) -> list[Path]:
    """The files of the model folder (the command reads them; none may be overwritten)."""
    folder = _model_folder(model)
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _note_rejects(note: Callable[[str], None], report: EvaluationReport, path: Path | None) -> None:
    """One line on the rejects, counted as the reject log records them."""
    said = []
    if report.rejected_rows:
        said.append(f"{_plural(report.rejected_rows, 'row')} rejected (not scored)")
    if report.rejected_levels:
        said.append(
            f"{_plural(report.rejected_levels, 'level cell')} rejected in "
            f"{_plural(report.rows_with_rejected_levels, 'row')} (a pair is left out only of "
            "the mechanisms whose level is invalid)"
        )
    if said:
        where = f"; listed in {path}" if path else " (list them with --rejects)"
        note(escape("; ".join(said) + where))


def _note_taxonomy_rejects(
    note: Callable[[str], None], report: AnnotationReport, path: Path | None
) -> None:
    """One line on the annotations left out, and the level cells of annotated rows."""
    said = []
    if report.rejected:
        said.append(f"{_plural(report.rejected, 'annotation')} rejected (not scored)")
    if report.rejected_levels:
        said.append(
            f"{_plural(report.rejected_levels, 'level cell')} of annotated rows rejected (the "
            "pair is left out only of the empathy gold or the style that needs it)"
        )
    if said:
        where = f"; listed in {path}" if path else " (list them with --rejects)"
        note(escape("taxonomy: " + "; ".join(said) + where))


def _report_table(report: EvaluationReport, fingerprint: str | None = None) -> FitTable:
    """The scores table; its title names the model by id and, where known, fingerprint (two
    models ``carelens train`` exported can share an id)."""
    part = "" if report.split in (None, "all") else f", {report.split} split"
    model = report.model_id + (f" ({fingerprint})" if fingerprint else "")
    table = FitTable(f"{escape(model)} on {escape(report.path)}{escape(part)}")
    table.add_column("mechanism")
    for name in ("n", "accuracy", "macro-F1", "95% CI", "ECE", "token-F1", "IOU-F1"):
        table.add_column(name, justify="right", drop=1 if name == "95% CI" else None)
    for m in report.mechanisms:
        table.add_row(
            m.dimension,
            str(m.n),
            fmt_score(m.accuracy),
            fmt_score(m.macro_f1),
            _fmt_interval(m.macro_f1_interval),
            fmt_score(m.ece),
            fmt_score(m.token_f1),
            fmt_score(m.iou_f1),
        )
    table.caption = (
        "95% CI: interval of macro-F1, bootstrap over the pairs; ECE: expected calibration error "
        "of the level probabilities (10 bins, lower is better); rationale F1 over pairs with a "
        "gold rationale (EPITOME, word tokens)"
    )
    return table


def _fmt_interval(interval: tuple[float, float] | None) -> str:
    return "-" if interval is None else fmt_interval(interval)


def _taxonomy_table(report: AnnotationReport) -> FitTable:
    table = FitTable(
        f"taxonomy dimensions on the annotations ({escape(report.part)}, {report.n_pairs} pairs)"
    )
    table.add_column("dimension")
    for name in ("n", "acc", "macro-F1", "95% CI", "pres-F1", "ECE", "tok-F1", "IOU-F1"):
        table.add_column(name, justify="right", drop=1 if name == "95% CI" else None)
    for m in report.dimensions:
        table.add_row(
            m.dimension,
            str(m.n),
            fmt_score(m.accuracy),
            fmt_score(m.macro_f1),
            _fmt_interval(m.macro_f1_interval),
            fmt_score(report.presence_macro_f1.get(m.dimension)),
            fmt_score(m.ece),
            fmt_score(m.token_f1),
            fmt_score(m.iou_f1),
        )
    for b in report.binary:
        table.add_row(
            b.name,
            str(b.n),
            "-",
            fmt_score(b.macro_f1),
            "-",
            "-",
            "-",
            "-",
            "-",
        )
    table.add_row("style", "", fmt_score(report.style_accuracy), fmt_score(report.style_macro_f1))
    table.caption = (
        "acc: accuracy; macro-F1 over levels 0/1/2 (flags and crisis: over yes/no), 95% CI: "
        "its 95% interval by bootstrap over the pairs; pres-F1: presence macro-F1, level >= 1 "
        "vs 0 (the mean of both classes' F1); "
        "tok-F1: token-F1; crisis cues are patterns and a learned flag, for a person to read, "
        "never a risk score"
    )
    return table


#: SHA-256 of the project's contrast set, ``annotations/contrast/contrast_set.jsonl`` (41
#: items): the only set ``evaluate-contrast --record`` records without ``--force``.
CONTRAST_SET_SHA256 = "b354cc20706de27085e15df7748ba014bd4c209f8a948b0135cf841dcf290321"


def evaluate_contrast_command(
    contrast_set: Annotated[
        Path,
        typer.Argument(help="Contrast set (annotations/contrast/...jsonl)."),
    ],
    model: ModelPath = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    record: Annotated[
        bool,
        typer.Option(
            "--record",
            help="Store the figures in the model's manifest.json, with the set's SHA-256 and "
            "item count; only the project's contrast set unless --force.",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="With --record: record the figures of a set that is not the project's "
            "contrast set (a part of it, an edited copy).",
        ),
    ] = False,
    verbose: Verbose = False,
    quiet: QuietResults = False,
) -> None:
    """How often the response written as each kind ranks first on its dimension."""
    from carelens.inference.artifact import record_evaluation, sha256_file
    from carelens.taxonomy_evaluation import evaluate_contrast

    with session(verbose, quiet) as s, ExitStack() as held:
        digest = ""
        if record:
            refuse_writing_over([contrast_set], [("--record", _manifest_path(model))])
        require_input(contrast_set)
        if record:
            digest = sha256_file(contrast_set)
            if digest != CONTRAST_SET_SHA256 and not force:
                raise typer.BadParameter(
                    f"{contrast_set} is not the project's contrast set "
                    "(annotations/contrast/contrast_set.jsonl): its SHA-256 is "
                    f"{digest[:12]}..., the project's {CONTRAST_SET_SHA256[:12]}...; its "
                    "figures would replace the model's recorded contrast figures. Evaluate "
                    "without --record, or pass --force to record them anyway",
                    param_hint="--record",
                )
        analyzer = load_analyzer(held, model, threads=1)
        report = evaluate_contrast(contrast_set, analyzer)
        if record:
            figures = report.to_dict()
            figures["command"] = f"carelens evaluate-contrast {contrast_set.name}"
            figures["set"] = {
                "file": contrast_set.name,
                "sha256": digest,
                "n_items": report.n_items,
                "project_set": digest == CONTRAST_SET_SHA256,
            }
            written = record_evaluation(analyzer.artifact.path, "contrast", figures)
            s.note(f"figures recorded in {escape(str(written))}")
        if as_json:
            typer.echo(json.dumps(report.to_dict(), indent=2))
        else:
            s.out.print(_contrast_table(report))


def _contrast_table(report: ContrastReport) -> FitTable:
    table = FitTable(f"contrast set: {report.n_items} seeker messages x 4 responses")
    table.add_column("kind")
    table.add_column("ranked first", justify="right")
    table.add_column("share", justify="right")
    table.add_column("missed items", wrap=True)
    for kind, first in report.ranked_first.items():
        misses = ", ".join(report.misses[kind][:8]) + (" …" if len(report.misses[kind]) > 8 else "")
        table.add_row(kind, f"{first}/{report.n_items}", fmt_score(report.share(kind)), misses)
    table.caption = "the intended response must score strictly highest (expected level); ties miss"
    return table
