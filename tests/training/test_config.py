"""Training settings: the lengths the exported model analyses with, and their checks."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, replace
from pathlib import Path

import pytest

from carelens.errors import ConfigError
from carelens.training.config import LAYOUT, TrainConfig, analysis_encoding


def config(**changes: float | None) -> TrainConfig:
    values = TrainConfig(data="d.csv", output="out")
    for name, value in changes.items():
        setattr(values, name, value)
    return values


def test_the_model_analyses_longer_pairs_than_it_trains_on_by_default() -> None:
    assert analysis_encoding(asdict(config())) == {
        "max_length": 224,
        "max_response_tokens": 160,
        "max_seeker_tokens": 48,
        "trained_max_length": 160,
        "trained_max_response_tokens": 112,
        "trained_max_seeker_tokens": None,
        "layout": LAYOUT,
    }


def test_zero_or_a_config_from_before_the_option_analyses_with_the_training_lengths() -> None:
    zero = analysis_encoding(asdict(config(analyze_max_length=0, analyze_max_response_tokens=0)))
    assert (zero["max_length"], zero["max_response_tokens"]) == (160, 112)
    old = {"max_length": 128, "max_response_tokens": 96}  # a manifest's training config
    assert analysis_encoding(old)["max_length"] == 128
    assert analysis_encoding(old)["max_response_tokens"] == 96
    # No seeker cap unless one was asked for: all of the seeker message that fits.
    assert analysis_encoding(old)["max_seeker_tokens"] is None
    uncapped = analysis_encoding(asdict(config(analyze_max_seeker_tokens=0)))
    assert uncapped["max_seeker_tokens"] is None


def write_encoder(folder: Path, positions: int | None) -> Path:
    """A folder with an encoder's ``config.json`` giving ``positions`` (none: no such key)."""
    folder.mkdir()
    body = {} if positions is None else {"max_position_embeddings": positions}
    (folder / "config.json").write_text(json.dumps(body), encoding="utf-8")
    return folder


def test_written_for_takes_labels_then_the_file() -> None:
    from carelens.training.config import parse_written_for

    assert parse_written_for("interpretation=a.jsonl") == ("a.jsonl", ("interpretation",))
    # The labels come first, so a file name may hold "="; repeats and spaces are dropped.
    assert parse_written_for("sympathy, advice,sympathy=x=y.jsonl") == (
        "x=y.jsonl",
        ("sympathy", "advice"),
    )
    for bad, says in (
        ("a.jsonl", "expected LABEL"),
        ("interpretation=", "expected LABEL"),
        ("=a.jsonl", "expected LABEL"),
        ("empathy=a.jsonl", "unknown label(s) empathy"),
    ):
        with pytest.raises(ValueError, match=re.escape(says)):
            parse_written_for(bad)


def test_the_training_seed_defaults_to_the_split_seed() -> None:
    from carelens.training.config import training_seed

    assert training_seed(TrainConfig(data="", output="", seed=5)) == 5
    assert training_seed(TrainConfig(data="", output="", seed=5, train_seed=9)) == 9


def test_parse_dimensions_keeps_taxonomy_order_and_names_unknown_ones() -> None:
    from carelens.taxonomy import RESPONSE_DIMENSIONS
    from carelens.training.config import parse_dimensions

    assert parse_dimensions("") == ()
    assert parse_dimensions("all") == RESPONSE_DIMENSIONS
    assert parse_dimensions(" reflection, interpretation ") == ("interpretation", "reflection")
    with pytest.raises(ValueError, match="unknown dimension"):
        parse_dimensions("all,reflection")
    with pytest.raises(ValueError, match=r"unknown dimension\(s\) empathy"):
        parse_dimensions("empathy")


def test_the_defaults_are_in_range_and_every_setting_out_of_range_is_named() -> None:
    from carelens.training.config import check_train_config, config_problems

    assert config_problems(config()) == []
    check_train_config(config())
    for name, value in (
        ("epochs", 0),
        ("batch_size", 0),
        ("learning_rate", -1.0),
        ("learning_rate", 0.0),
        ("learning_rate", float("nan")),
        ("threads", -1),
        ("max_steps", 0),
        ("seed", -1),
        ("seed", 2**32),
        ("train_seed", -3),
        ("class_weight_power", float("inf")),
        ("warmup", 1.5),
        ("dev_fraction", 1.5),
        ("dev_fraction", 0.0),
        ("test_fraction", -0.2),
    ):
        problems = config_problems(config(**{name: value}))
        assert [names for names, _ in problems] == [(name,)], (name, value)
        with pytest.raises(ConfigError, match=f"^{name} must"):
            check_train_config(config(**{name: value}))
    # None is "not set" where a setting allows it; 0 threads is torch's own choice.
    assert config_problems(config(threads=0)) == []
    problems = config_problems(config(dev_fraction=0.5, test_fraction=0.5))
    assert problems == [
        (
            ("dev_fraction", "test_fraction"),
            "together take 100% of the seeker posts and leave none for training "
            "(their sum must be below 1)",
        )
    ]


def test_a_setting_that_would_do_nothing_without_another_is_named() -> None:
    """Distillation settings without a teacher, an annotation repeat without annotations or
    written pairs: they would be recorded in the manifest as if they had counted."""
    from carelens.training.config import check_train_config, config_problems

    for name, value, needs in (
        ("distill_weight", 2.0, "a teacher model (--teacher)"),
        ("distill_mixed_pairs", 100, "a teacher model (--teacher)"),
        ("annotation_repeat", 1, "annotations or written pairs"),
    ):
        problems = config_problems(config(**{name: value}))
        assert [names for names, _ in problems] == [(name,)], (name, problems)
        assert f"has no effect without {needs}" in problems[0][1]
        with pytest.raises(ConfigError, match=f"^{name} has no effect"):
            check_train_config(config(**{name: value}))
    # With what they need, or left at their defaults, they are fine.
    with_teacher = config(distill_weight=2.0, distill_mixed_pairs=100)
    with_teacher.teacher = "teacher-model"
    assert config_problems(with_teacher) == []
    for needed in (
        {"annotations": "gold.jsonl"},
        {"written": ("pairs.jsonl",)},
        {"written_for": (("pairs.jsonl", ("interpretation",)),)},
    ):
        assert config_problems(replace(config(annotation_repeat=1), **needed)) == [], needed


def test_length_problems_name_settings_as_asked_and_need_no_torch(tmp_path: Path) -> None:
    # The CLI checks the lengths before torch loads, naming its options.
    from carelens.training.config import length_problems

    encoder = write_encoder(tmp_path / "enc", 512)
    assert length_problems(config(), encoder) == []
    assert length_problems(config(analyze_max_length=600), encoder) == [
        (("analyze_max_length",), "600 is longer than the encoder's 512 positions")
    ]
    option = "--{}".format
    ((names, problem),) = length_problems(
        config(analyze_max_response_tokens=221), encoder, lambda n: option(n.replace("_", "-"))
    )
    assert names == ("analyze_max_response_tokens",)
    assert "room in --analyze-max-length 224 (at most 220)" in problem


@pytest.mark.parametrize(
    ("changes", "names", "says"),
    [
        # The mean of one epoch is that epoch; more epochs than the run has cannot be meant.
        ({"average_last": 1}, ("average_last",), "1 has no effect"),
        ({"average_last": 8, "epochs": 7}, ("average_last", "epochs"), "needs that many"),
        ({"model_id": "my model"}, ("model_id",), "is not a model id"),
        ({"model_id": "-x"}, ("model_id",), "is not a model id"),
    ],
)
def test_an_average_that_cannot_work_and_a_bad_model_id_are_refused(
    changes: dict[str, object], names: tuple[str, ...], says: str
) -> None:
    from carelens.training.config import config_problems

    values = config()
    for name, value in changes.items():
        setattr(values, name, value)
    problems = config_problems(values)
    assert [n for n, _ in problems] == [names] and says in problems[0][1], problems


def test_a_good_average_and_model_id_pass() -> None:
    from carelens.training.config import config_problems

    values = config(average_last=3)
    values.model_id = "carelens-empathy-minilm-ft.2"
    assert config_problems(values) == []
    assert config_problems(config(average_last=7)) == []
