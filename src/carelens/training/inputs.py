"""A training run's preparation before any network exists: settings and outputs checked,
killed runs' leftovers swept, every input read and checked, and the split.

Torch-free on purpose: ``carelens train`` calls :func:`prepare_training` before it imports
torch and the training code (several seconds), so data that cannot be trained on — a bad
level, annotations that do not fit the rows, held-out annotations the split would train on,
an empty train or dev part — is refused at once. :func:`carelens.training.train.train_model`
takes the result (or prepares the run itself when called without it).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from carelens.annotations import Annotation
from carelens.errors import ConfigError
from carelens.training.config import (
    TrainConfig,
    bundled_encoder_dir,
    check_train_config,
    length_problems,
)
from carelens.training.data import (
    LabeledPair,
    attach_annotations,
    check_held_out,
    load_bolt,
    load_epitome,
    load_written_pairs,
    read_checked_annotations,
    split_by_seeker,
)
from carelens.training.outputs import check_outputs, sweep_leftovers, sweep_scratch

logger = logging.getLogger(__name__)

#: A ``--written`` file (labels None: every label it has) or a ``--written-for`` file with
#: the labels chosen from it.
WrittenSource = tuple[str, tuple[str, ...] | None]


@dataclass(frozen=True)
class TrainingInputs:
    """A run's inputs, read and checked: the data's pairs (annotations attached) split by
    seeker post, the annotations, the BOLT utterances and the written pairs by source file,
    and the encoder folder whose positions the lengths fit."""

    pairs: list[LabeledPair]
    annotations: list[Annotation]
    train: list[LabeledPair]
    dev: list[LabeledPair]
    test: list[LabeledPair]
    bolt: list[LabeledPair]
    written_sources: list[WrittenSource]
    written_files: list[list[LabeledPair]]
    encoder_dir: Path

    @property
    def written(self) -> list[LabeledPair]:
        """Every written pair, in the order of their files."""
        return [pair for pairs in self.written_files for pair in pairs]


def check_lengths(config: TrainConfig, encoder_dir: Path) -> None:
    """ConfigError now, not after training, when the training or analysis lengths cannot
    work: longer than the encoder's positions, or no room left for the seeker message
    (:func:`~carelens.training.config.length_problems`)."""
    for names, problem in length_problems(config, encoder_dir):
        raise ConfigError(f"{' and '.join(names)} {problem}")


def read_training_inputs(config: TrainConfig) -> TrainingInputs:
    """Read and check every input of ``config``: the data, the annotations against the data's
    rows (:func:`~carelens.training.data.read_checked_annotations`), the split (annotations
    held out as test must not be trained on unless ``allow_held_out_leak``: then a warning),
    BOLT and the written files; the encoder folder (MissingExtraError without the bundled
    one) and the lengths against it. A ConfigError when the split leaves no train or dev
    pairs."""
    pairs = load_epitome(config.data)
    annotations = (
        read_checked_annotations(config.annotations, config.data) if config.annotations else []
    )
    pairs = attach_annotations(pairs, annotations)
    train, dev, test = split_by_seeker(
        pairs, config.seed, config.dev_fraction, config.test_fraction
    )
    logger.info("split: %d train, %d dev, %d test pairs", len(train), len(dev), len(test))
    # Annotations held out as test must not be trained on (or choose the weights).
    leaks = check_held_out(
        annotations, config.annotations, train, dev, allow=config.allow_held_out_leak
    )
    if leaks:
        logger.warning(
            "%s: %d annotations stored as part 'test' (held out) are trained on in this split "
            "(--allow-held-out-leak); test figures on them mean nothing",
            config.annotations,
            len(leaks),
        )
    for part, held in (("train", train), ("dev", dev)):
        if not held:
            raise ConfigError(
                f"{config.data}: the {part} part of the split is empty ({len(pairs)} pairs, "
                f"{len({p.sp_id for p in pairs})} seeker posts, dev fraction "
                f"{config.dev_fraction}, test fraction {config.test_fraction}): training needs "
                "both train and dev pairs; use more data or other fractions"
            )
    bolt = load_bolt(config.bolt) if config.bolt else []
    written_sources: list[WrittenSource] = [
        *((path, None) for path in config.written),
        *config.written_for,
    ]
    written_files = [load_written_pairs(path, labels) for path, labels in written_sources]
    encoder_dir = Path(config.encoder_dir) if config.encoder_dir else bundled_encoder_dir()
    check_lengths(config, encoder_dir)
    return TrainingInputs(
        pairs=pairs,
        annotations=annotations,
        train=train,
        dev=dev,
        test=test,
        bolt=bolt,
        written_sources=written_sources,
        written_files=written_files,
        encoder_dir=encoder_dir,
    )


def prepare_training(config: TrainConfig, overwrite: bool = False) -> TrainingInputs:
    """Everything a run does before the network loads, in order: settings out of range
    (:func:`~carelens.training.config.check_train_config`) and outputs that cannot be
    written (:func:`~carelens.training.outputs.check_outputs`; ``overwrite`` lets a model
    and a ``save_state`` file be replaced) are errors; the staging and checkpoint folders of
    killed runs are swept (:func:`~carelens.training.outputs.sweep_leftovers`,
    :func:`~carelens.training.outputs.sweep_scratch`); then the inputs are read and checked
    (:func:`read_training_inputs`)."""
    check_train_config(config)
    check_outputs(config, overwrite)
    # A killed earlier run for these outputs may have left its staging folders: removed when
    # its process is certainly gone, reported otherwise (never those of a run still going).
    sweep_leftovers(config.output)
    if config.save_state:
        sweep_leftovers(config.save_state)
    sweep_scratch()
    return read_training_inputs(config)
