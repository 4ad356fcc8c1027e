"""Model artifacts: a folder holding ``model.onnx``, ``tokenizer.json`` and ``manifest.json``.

The manifest records the carelens version that made the model, its labels, the encoder
settings, each file's SHA-256, the training data and split, calibration and the evaluation
figures. :meth:`ModelArtifact.load` verifies every checksum before anything is used, so a
changed or damaged file is refused with a clear error.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from carelens.errors import ChecksumError, ModelError

MANIFEST = "manifest.json"
FORMAT_VERSION = 1
#: Files every artifact must contain, besides the manifest.
REQUIRED_FILES = ("model.onnx", "tokenizer.json")


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def default_model_dir() -> Path:
    """The model shipped inside the package."""
    return Path(__file__).resolve().parent.parent / "models" / "empathy-minilm"


def read_manifest(folder: Path, *, missing: str) -> dict[str, Any]:
    """The parsed ``manifest.json`` of a model folder; ModelError when the folder is missing
    or a file (worded as every command words a missing input: ``PATH: no such folder``), when
    the manifest is absent (the message ends with ``missing``, what to pass instead),
    unreadable or not an object."""
    if not folder.exists():
        raise ModelError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise ModelError(f"{folder}: this is a file; name a folder")
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise ModelError(f"{folder}: no {MANIFEST} found; {missing}")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{manifest_path}: unreadable manifest ({exc})") from exc
    if not isinstance(manifest, dict):
        raise ModelError(f"{manifest_path}: the manifest is not a JSON object")
    return manifest


#: Manifest keys that say nothing about what the model computes, left out of its
#: :attr:`ModelArtifact.fingerprint`: the recorded evaluation figures and the terms of use.
UNSCORED_KEYS = frozenset(("evaluation", "terms"))


@dataclass(frozen=True, slots=True)
class ModelArtifact:
    """A verified model folder and its parsed manifest."""

    path: Path
    manifest: Mapping[str, Any]

    @property
    def model_id(self) -> str:
        return str(self.manifest["model_id"])

    @property
    def fingerprint(self) -> str:
        """What tells this model apart from another with the same id (``carelens train``
        gives its models the shipped model's id unless ``--model-id`` names another): the
        SHA-256 of its
        manifest without the evaluation figures and the terms of use (:data:`UNSCORED_KEYS`)
        — the weights' and tokenizer's checksums, the calibration, the sentence ratios, the
        lengths — first 16 hex digits. Recording figures (``evaluate --record``) or stating
        the terms leaves it as it is; refitting spans or retraining does not."""
        settings = {k: v for k, v in self.manifest.items() if k not in UNSCORED_KEYS}
        canonical = json.dumps(settings, sort_keys=True, ensure_ascii=True)
        return hashlib.sha256(canonical.encode("ascii")).hexdigest()[:16]

    @property
    def onnx_path(self) -> Path:
        return self.path / "model.onnx"

    @property
    def tokenizer_path(self) -> Path:
        return self.path / "tokenizer.json"

    @classmethod
    def load(cls, path: str | Path | None = None, *, verify: bool = True) -> ModelArtifact:
        folder = Path(path) if path is not None else default_model_dir()
        manifest = read_manifest(
            folder, missing="pass the folder of a carelens model (one made by `carelens train`)"
        )
        manifest_path = folder / MANIFEST
        if manifest.get("format_version") != FORMAT_VERSION:
            raise ModelError(
                f"{manifest_path}: model format {manifest.get('format_version')!r} is not "
                f"supported by this carelens (expects {FORMAT_VERSION})"
            )
        checksums = manifest.get("files") or {}
        if not isinstance(checksums, dict):
            raise ModelError(f"{manifest_path}: 'files' must map file names to SHA-256 checksums")
        for name in REQUIRED_FILES:
            if name not in checksums:
                raise ModelError(f"{manifest_path}: manifest lists no checksum for {name}")
        for name in checksums:
            if not isinstance(name, str) or Path(name).name != name or name in ("", ".", ".."):
                raise ModelError(
                    f"{manifest_path}: 'files' may name only files in the model folder, "
                    f"not {name!r}"
                )
        model_id = manifest.get("model_id")
        if not isinstance(model_id, str) or not model_id.strip():
            raise ModelError(f"{manifest_path}: 'model_id' must be a non-empty string")
        for name in checksums:
            if not (folder / name).is_file():
                raise ModelError(f"{folder / name}: file missing from the model folder")
        if verify:
            for name, expected in checksums.items():
                actual = sha256_file(folder / name)
                if actual != expected:
                    raise ChecksumError(
                        f"{folder / name}: checksum {actual[:12]}… does not match the manifest "
                        f"({str(expected)[:12]}…); the file was changed or damaged — reinstall "
                        "carelens or re-export the model"
                    )
        return cls(path=folder, manifest=manifest)


def write_manifest(folder: str | Path, manifest: Mapping[str, Any]) -> Path:
    """Write ``manifest`` with fresh checksums of every required file in ``folder``."""
    folder = Path(folder)
    data = dict(manifest)
    data["format_version"] = FORMAT_VERSION
    data["files"] = {name: sha256_file(folder / name) for name in REQUIRED_FILES}
    out = folder / MANIFEST
    out.write_text(json.dumps(data, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    return out


def record_evaluation(folder: str | Path, key: str, figures: Mapping[str, Any]) -> Path:
    """Store evaluation ``figures`` under ``manifest["evaluation"][key]``, with the CPU's
    vector flags and the ONNX Runtime version they were measured with (``measured_on``:
    another kind of CPU can move a figure in its last decimals).

    Only the manifest changes; the checksums it lists stay valid.
    """
    from carelens.inference.cpu import measured_on

    artifact = ModelArtifact.load(folder)
    figures = {**figures, "measured_on": measured_on()}
    return _merge_into_section(artifact, "evaluation", {key: figures})


def update_calibration(
    folder: str | Path, entries: Mapping[str, Any], *, drop_evaluation: Collection[str] = ()
) -> Path:
    """Add or replace ``entries`` in ``manifest["calibration"]`` (settings fitted after
    export, such as the rationale sentence ratios), and remove the ``drop_evaluation``
    entries of ``manifest["evaluation"]``: figures the new settings make stale (measured with
    the earlier ones). One write; only the manifest changes, the checksums it lists stay
    valid.
    """
    artifact = ModelArtifact.load(folder)
    if drop_evaluation:
        evaluation = artifact.manifest.get("evaluation") or {}
        kept = {k: v for k, v in evaluation.items() if k not in drop_evaluation}
        artifact = ModelArtifact(artifact.path, {**artifact.manifest, "evaluation": kept})
    return _merge_into_section(artifact, "calibration", entries)


def _merge_into_section(artifact: ModelArtifact, section: str, entries: Mapping[str, Any]) -> Path:
    """Rewrite the artifact's manifest with ``entries`` added to (or replacing keys of) the
    mapping under ``section``; the rest, checksums included, is kept as it is."""
    data = dict(artifact.manifest)
    data[section] = {**(data.get(section) or {}), **entries}
    out = artifact.path / MANIFEST
    out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return out
