"""``carelens fit-spans``: fits a model folder's rationale sentence ratios on dev."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from carelens.inference.artifact import ModelArtifact, default_model_dir
from carelens.taxonomy import RESPONSE_DIMENSIONS

Invoke = Callable[..., Result]


def test_fit_spans_updates_the_manifest_and_prints_the_ratios(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    model = Path(shutil.copytree(default_model_dir(), tmp_path / "model"))
    before = json.loads((model / "manifest.json").read_text(encoding="utf-8"))
    result = invoke("fit-spans", model, data / "train.csv")
    assert result.exit_code == 0, result.stderr
    for dim in RESPONSE_DIMENSIONS:
        assert dim in result.stdout
    assert "ratios recorded in" in result.stderr
    manifest = ModelArtifact.load(model).manifest  # checksums still valid
    assert len(manifest["calibration"]["rationale_sentence_ratios"]) == len(RESPONSE_DIMENSIONS)
    assert manifest["calibration"]["rationale_fit"]["on"] == "dev"
    assert manifest["files"] == before["files"]


def test_fit_spans_names_a_missing_model_folder(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    result = invoke("fit-spans", tmp_path / "nowhere", data / "train.csv")
    assert result.exit_code == 2
    assert "nowhere" in result.stderr and "does not exist" in result.stderr
