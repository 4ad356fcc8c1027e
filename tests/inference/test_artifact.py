"""Model artifacts: checksums verified at load, and clear errors for broken model folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from carelens.errors import CarelensError, ChecksumError, ModelError
from carelens.inference.artifact import (
    FORMAT_VERSION,
    MANIFEST,
    REQUIRED_FILES,
    ModelArtifact,
    default_model_dir,
    sha256_file,
    write_manifest,
)
from carelens.taxonomy import RESPONSE_DIMENSIONS, RESPONSE_FLAGS, TAXONOMY_VERSION

SHIPPED = default_model_dir()


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped model folder that a test may damage."""
    folder = tmp_path / "model"
    shutil.copytree(SHIPPED, folder)
    return folder


def read_manifest(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return data


def edit_manifest(folder: Path, **changes: Any) -> None:
    data = read_manifest(folder)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    (folder / MANIFEST).write_text(json.dumps(data), encoding="utf-8")


def test_shipped_model_loads_and_its_checksums_match() -> None:
    artifact = ModelArtifact.load()
    assert artifact.path == SHIPPED
    assert artifact.manifest["format_version"] == FORMAT_VERSION
    for name in REQUIRED_FILES:
        assert artifact.manifest["files"][name] == sha256_file(SHIPPED / name)
    assert artifact.model_id == artifact.manifest["model_id"]
    assert artifact.onnx_path == SHIPPED / "model.onnx"
    assert artifact.tokenizer_path == SHIPPED / "tokenizer.json"
    assert ModelArtifact.load(SHIPPED) == artifact
    assert ModelArtifact.load(str(SHIPPED)).path == SHIPPED


def test_shipped_manifest_describes_the_model() -> None:
    manifest = ModelArtifact.load().manifest
    assert manifest["dimensions"] == list(RESPONSE_DIMENSIONS)
    assert manifest["flags"] == list(RESPONSE_FLAGS)
    assert manifest["seeker"] == ["distress"]
    assert manifest["taxonomy"] == TAXONOMY_VERSION
    assert len(manifest["calibration"]["temperatures"]) == len(RESPONSE_DIMENSIONS)
    assert len(manifest["calibration"]["rationale_sentence_ratios"]) == len(RESPONSE_DIMENSIONS)
    assert manifest["encoding"]["layout"] == "[CLS] response [SEP] seeker [SEP]"


def test_a_tampered_model_is_refused(model_copy: Path) -> None:
    onnx = model_copy / "model.onnx"
    data = bytearray(onnx.read_bytes())
    data[len(data) // 2] ^= 0x01  # flip one bit in the middle of the weights
    onnx.write_bytes(bytes(data))
    with pytest.raises(ChecksumError) as info:
        ModelArtifact.load(model_copy)
    message = str(info.value)
    assert str(onnx) in message
    assert "does not match the manifest" in message
    assert "reinstall carelens or re-export the model" in message
    assert isinstance(info.value, ModelError)
    assert isinstance(info.value, CarelensError)


def test_a_tampered_tokenizer_is_refused(model_copy: Path) -> None:
    tokenizer = model_copy / "tokenizer.json"
    tokenizer.write_text(tokenizer.read_text(encoding="utf-8") + " ", encoding="utf-8")
    with pytest.raises(ChecksumError, match=r"tokenizer\.json"):
        ModelArtifact.load(model_copy)


def test_verify_false_skips_the_checksums(model_copy: Path) -> None:
    (model_copy / "tokenizer.json").write_text("{}", encoding="utf-8")
    assert ModelArtifact.load(model_copy, verify=False).path == model_copy


def test_a_folder_without_a_manifest(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"no manifest\.json found") as info:
        ModelArtifact.load(tmp_path)
    assert not isinstance(info.value, ChecksumError)


def test_a_missing_folder_or_a_file_is_named_as_such(tmp_path: Path) -> None:
    """Worded as every command words a missing input (``fit-spans``, ``require_input``), not
    as a folder without a manifest."""
    missing = tmp_path / "does-not-exist"
    with pytest.raises(ModelError) as info:
        ModelArtifact.load(missing)
    assert str(info.value) == f"{missing}: no such folder"
    a_file = tmp_path / "model.csv"
    a_file.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(ModelError) as info:
        ModelArtifact.load(a_file)
    assert str(info.value) == f"{a_file}: this is a file; name a folder"


def test_an_unreadable_manifest(model_copy: Path) -> None:
    (model_copy / MANIFEST).write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="unreadable manifest"):
        ModelArtifact.load(model_copy)


@pytest.mark.parametrize("content", ["[1, 2]", '"text"', "null"])
def test_a_manifest_that_is_not_an_object(model_copy: Path, content: str) -> None:
    (model_copy / MANIFEST).write_text(content, encoding="utf-8")
    with pytest.raises(ModelError, match="not a JSON object"):
        ModelArtifact.load(model_copy)


@pytest.mark.parametrize("version", [0, 2, "1", None])
def test_a_wrong_format_version(model_copy: Path, version: object) -> None:
    edit_manifest(model_copy, format_version=version)
    with pytest.raises(ModelError, match="is not supported by this carelens"):
        ModelArtifact.load(model_copy)


@pytest.mark.parametrize("name", REQUIRED_FILES)
def test_a_missing_model_file(model_copy: Path, name: str) -> None:
    (model_copy / name).unlink()
    with pytest.raises(ModelError, match="file missing from the model folder") as info:
        ModelArtifact.load(model_copy)
    assert name in str(info.value)


@pytest.mark.parametrize("name", REQUIRED_FILES)
def test_a_manifest_without_a_checksum(model_copy: Path, name: str) -> None:
    files = read_manifest(model_copy)["files"]
    del files[name]
    edit_manifest(model_copy, files=files)
    with pytest.raises(ModelError, match=f"no checksum for {name}"):
        ModelArtifact.load(model_copy)


def test_an_extra_listed_file_that_is_missing(model_copy: Path) -> None:
    files = read_manifest(model_copy)["files"]
    files["vocab.txt"] = "0" * 64
    edit_manifest(model_copy, files=files)
    with pytest.raises(ModelError, match=r"vocab\.txt: file missing from the model folder"):
        ModelArtifact.load(model_copy)


def test_a_manifest_files_entry_that_is_not_an_object(model_copy: Path) -> None:
    edit_manifest(model_copy, files=["model.onnx", "tokenizer.json"])
    with pytest.raises(ModelError, match="files"):
        ModelArtifact.load(model_copy)


def test_write_manifest_round_trip(model_copy: Path) -> None:
    manifest = read_manifest(model_copy)
    manifest["files"] = {"model.onnx": "stale"}
    manifest["format_version"] = 99
    manifest["model_id"] = "carelens-test-model"
    path = write_manifest(model_copy, manifest)
    assert path == model_copy / MANIFEST
    written = read_manifest(model_copy)
    assert written["format_version"] == FORMAT_VERSION
    assert written["files"] == {n: sha256_file(model_copy / n) for n in REQUIRED_FILES}
    assert written["model_id"] == "carelens-test-model"
    assert written["calibration"] == manifest["calibration"]
    artifact = ModelArtifact.load(model_copy)
    assert artifact.model_id == "carelens-test-model"
    assert manifest["files"] == {"model.onnx": "stale"}  # the caller's dict is not changed


def test_write_manifest_after_retraining_makes_a_changed_model_loadable(model_copy: Path) -> None:
    (model_copy / "tokenizer.json").write_text(
        (SHIPPED / "tokenizer.json").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    with pytest.raises(ChecksumError):
        ModelArtifact.load(model_copy)
    write_manifest(model_copy, read_manifest(model_copy))
    ModelArtifact.load(model_copy)


def test_sha256_file(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"abc")
    assert sha256_file(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_record_evaluation_keeps_checksums_valid(tmp_path: Path) -> None:
    from carelens.inference.artifact import default_model_dir, record_evaluation

    folder = tmp_path / "model"
    shutil.copytree(default_model_dir(), folder)
    record_evaluation(folder, "test", {"n_pairs": 3, "mechanisms": {}})
    record_evaluation(folder, "dev", {"n_pairs": 2})
    manifest = ModelArtifact.load(folder).manifest  # checksums still verify
    measured_on = manifest["evaluation"]["test"].pop("measured_on")
    assert manifest["evaluation"]["test"] == {"n_pairs": 3, "mechanisms": {}}
    assert manifest["evaluation"]["dev"]["n_pairs"] == 2
    assert set(measured_on) == {"cpu", "vector_flags", "onnxruntime"}


@pytest.mark.parametrize("name", ["../manifest.json", "sub/model.onnx", "..", "/etc/passwd"])
def test_files_may_name_only_files_in_the_folder(model_copy: Path, name: str) -> None:
    """A checksum entry cannot point outside the model folder."""
    files = read_manifest(model_copy)["files"]
    files[name] = "0" * 64
    edit_manifest(model_copy, files=files)
    with pytest.raises(ModelError, match="may name only files in the model folder"):
        ModelArtifact.load(model_copy)


@pytest.mark.parametrize("model_id", [None, "", "  ", 7])
def test_a_model_without_an_id_is_refused(model_copy: Path, model_id: object) -> None:
    data = read_manifest(model_copy)
    if model_id is None:
        del data["model_id"]
    else:
        data["model_id"] = model_id
    (model_copy / MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match="'model_id' must be a non-empty string"):
        ModelArtifact.load(model_copy)


def test_the_fingerprint_tells_builds_of_one_model_id_apart(model_copy: Path) -> None:
    """Every trained model is ``carelens-empathy-minilm``: a resumed run compared the id alone
    and mixed two builds' results in one output."""
    from carelens.inference.artifact import record_evaluation, update_calibration

    shipped = ModelArtifact.load(SHIPPED).fingerprint
    assert len(shipped) == 16 and int(shipped, 16) >= 0
    assert ModelArtifact.load(model_copy).fingerprint == shipped  # the folder does not count
    record_evaluation(model_copy, "dev", {"n_pairs": 2})  # figures change no result
    assert ModelArtifact.load(model_copy).fingerprint == shipped
    manifest = read_manifest(model_copy)  # nor do the terms of use
    assert "non-commercial" in manifest["terms"]
    manifest["terms"] = "other words"
    (model_copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert ModelArtifact.load(model_copy).fingerprint == shipped
    calibration = read_manifest(model_copy)["calibration"]
    temperatures = [t * 2 for t in calibration["temperatures"]]
    update_calibration(model_copy, {"temperatures": temperatures})
    refitted = ModelArtifact.load(model_copy).fingerprint
    assert (
        refitted != shipped and ModelArtifact.load(model_copy).model_id == "carelens-empathy-minilm"
    )
