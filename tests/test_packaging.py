"""What the wheel and the source distribution carry: NOTICE, and no half of the test suite.

The shipped models carry the terms of their training data (the empathy model and the crisis
flag: research and non-commercial use only), which the licence expression alone does not
say: NOTICE says it, and must ship in both distributions and name every model folder. The
source distribution leaves the tests out (they need the checkout's fixtures and data).
These read the configuration as setuptools does, without building (a build copies some
50 MB of models).
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from setuptools.config.pyprojecttoml import apply_configuration
from setuptools.dist import Distribution

from carelens.training.config import TRAIN_INSTALL

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "src" / "carelens" / "models"
#: Images in docs/ ship in the source distribution (MANIFEST.in grafts docs): keep them small.
MAX_DOC_FILE_BYTES = 400_000


def _project() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        project: dict[str, Any] = tomllib.load(file)["project"]
    return project


def _notice_block(notice: str, folder: str) -> str:
    """The part of NOTICE about one model folder: from its numbered heading to the next."""
    found = re.search(
        rf"^\d+\. {re.escape(folder)} \(.*?(?=^\d+\. |^WHAT THIS MEANS)",
        notice,
        re.MULTILINE | re.DOTALL,
    )
    assert found is not None, f"NOTICE has no numbered section for models/{folder}"
    return " ".join(found.group(0).split())


def test_setuptools_puts_notice_in_the_distributions(monkeypatch: pytest.MonkeyPatch) -> None:
    """``license-files`` names NOTICE, and setuptools finds it (it fails a build whose
    pattern matches nothing); the wheel carries it under ``.dist-info/licenses`` and the
    source distribution at its root."""
    assert "NOTICE" in _project().get("license-files", [])
    monkeypatch.chdir(ROOT)
    distribution = apply_configuration(Distribution(), ROOT / "pyproject.toml")
    assert distribution.metadata.license_files == ["NOTICE"]
    assert distribution.metadata.license_expression == "Apache-2.0"


def test_no_licence_classifiers_beside_the_licence_expression() -> None:
    # setuptools refuses "License ::" classifiers when `license` is an SPDX expression.
    classifiers = _project()["classifiers"]
    assert not [c for c in classifiers if c.startswith("License ::")]


def test_python_classifiers_start_at_requires_python() -> None:
    project = _project()
    minimum = re.fullmatch(r">=3\.(\d+)", project["requires-python"])
    assert minimum is not None
    minors = sorted(
        int(c.rsplit(".", 1)[1])
        for c in project["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    )
    assert minors[0] == int(minimum.group(1))
    assert minors == list(range(minors[0], minors[-1] + 1))


def test_notice_names_every_shipped_model_with_its_data_and_terms() -> None:
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    assert "SPDX-License-Identifier: Apache-2.0" in notice  # the code, as pyproject says
    folders = sorted(p.parent.name for p in MODELS.glob("*/manifest.json"))
    assert folders, "no shipped model folders found"
    for folder in folders:
        manifest = json.loads((MODELS / folder / "manifest.json").read_text(encoding="utf-8"))
        block = _notice_block(notice, folder)
        assert f"model id {manifest['model_id']}" in block, folder
        # The licences a manifest records are named in its section.
        for key in ("model_license", "package_license"):
            licence = (manifest.get("source") or {}).get(key)
            if licence:
                assert f"SPDX-License-Identifier: {licence}" in block, (folder, key)
    # Trained on EPITOME: research and non-commercial use only.
    for folder in ("empathy-minilm", "crisis-wording"):
        block = _notice_block(notice, folder)
        assert "FOR RESEARCH AND NON-COMMERCIAL USE ONLY" in block, folder
        assert "EPITOME" in block and "Sharma" in block, folder
    distress = _notice_block(notice, "personal-distress")
    assert "Buechel" in distress and "SPDX-License-Identifier: CC-BY-4.0" in distress


def test_source_distribution_leaves_the_tests_out_and_takes_notice_and_docs() -> None:
    """The tests once came half-shipped (the top-level files without conftest.py, the
    fixtures or the subfolders), so they failed in an unpacked sdist."""
    lines = [
        line.strip()
        for line in (ROOT / "MANIFEST.in").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert "prune tests" in lines
    assert "include NOTICE" in lines
    assert "graft docs" in lines
    big = [
        f"{p.relative_to(ROOT)} ({p.stat().st_size} bytes)"
        for p in (ROOT / "docs").rglob("*")
        if p.is_file() and p.stat().st_size > MAX_DOC_FILE_BYTES
    ]
    assert not big, f"docs/ ships in the sdist; these files are too large: {big}"


def test_cpu_torch_hint_is_the_same_in_the_cli_readme_and_makefile() -> None:
    """`make test` installs torch from what pip is offered; where that is PyPI alone it is
    the CUDA build, so the README and the Makefile give the CPU index the CLI gives."""
    index = re.search(r"--index-url (\S+)", TRAIN_INSTALL)
    assert index is not None
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    version = re.search(r"^TORCH_VERSION := (\S+)$", makefile, re.MULTILINE)
    assert version is not None
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"torch=={version.group(1)} --index-url {index.group(1)}" in readme
    assert f"torch==$(TORCH_VERSION) --index-url {index.group(1)}" in makefile
