"""A training run's preparation (:mod:`carelens.training.inputs`): torch-free, every input
read and checked, the split, and the lengths against the encoder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_config import write_encoder

from carelens.errors import ConfigError, ModelError
from carelens.training.config import TrainConfig
from carelens.training.inputs import check_lengths, prepare_training

DATA = Path(__file__).resolve().parents[1] / "data" / "cli"


def config(**changes: object) -> TrainConfig:
    values = TrainConfig(data="d.csv", output="out")
    for name, value in changes.items():
        setattr(values, name, value)
    return values


def test_preparing_a_run_imports_no_torch() -> None:
    # `carelens train` refuses bad data before it imports torch (seconds): this module must
    # not bring it in.
    done = subprocess.run(
        [sys.executable, "-c",
         "import sys, carelens.training.inputs; print('torch' in sys.modules)"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == "False"


def test_lengths_past_the_encoders_positions_or_without_room_for_the_seeker_are_refused(
    tmp_path: Path,
) -> None:
    encoder = write_encoder(tmp_path / "enc", 512)
    check_lengths(config(), encoder)  # the defaults fit
    check_lengths(config(analyze_max_length=512, analyze_max_response_tokens=508), encoder)
    with pytest.raises(ConfigError, match="longer than the encoder's 512 positions"):
        check_lengths(config(analyze_max_length=513), encoder)
    with pytest.raises(ConfigError, match=r"room in analyze_max_length 224 \(at most 220\)"):
        check_lengths(config(analyze_max_response_tokens=221), encoder)
    with pytest.raises(ConfigError, match=r"^max_length 600 is longer"):
        check_lengths(config(max_length=600), encoder)
    with pytest.raises(ConfigError, match=r"^max_response_tokens 157 must leave"):
        check_lengths(config(max_response_tokens=157), encoder)
    with pytest.raises(ModelError, match="max_position_embeddings"):
        check_lengths(config(), write_encoder(tmp_path / "bare", None))


def test_a_prepared_run_holds_the_split_by_seeker_and_the_encoder(tmp_path: Path) -> None:
    encoder = write_encoder(tmp_path / "enc", 512)
    prepared = prepare_training(
        config(data=str(DATA / "train.csv"), output=str(tmp_path / "m"), encoder_dir=str(encoder))
    )
    parts = (prepared.train, prepared.dev, prepared.test)
    assert all(parts) and sum(map(len, parts)) == len(prepared.pairs)
    seekers = [{p.sp_id for p in part} for part in parts]
    assert not (seekers[0] & seekers[1] or seekers[0] & seekers[2] or seekers[1] & seekers[2])
    assert prepared.encoder_dir == encoder and prepared.written == [] and prepared.bolt == []
    assert not (tmp_path / "m").exists()  # preparing writes nothing


def test_a_split_without_dev_pairs_is_refused_naming_the_data(tmp_path: Path) -> None:
    data = tmp_path / "two.csv"
    data.write_text(
        "sp_id,rp_id,seeker_post,response_post,emotional_reactions_level,"
        "interpretations_level,explorations_level\n"
        "s1,r1,I feel low,I am sorry,1,0,0\ns2,r2,Rough day,Oh no,1,0,0\n",
        encoding="utf-8",
    )
    encoder = write_encoder(tmp_path / "enc", 512)
    with pytest.raises(ConfigError, match=r"two\.csv: the dev part of the split is empty"):
        prepare_training(
            config(data=str(data), output=str(tmp_path / "m"), encoder_dir=str(encoder))
        )
