"""``carelens batch`` without its extra: one line naming what to install, no traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Invoke = Callable[..., Result]


@pytest.mark.parametrize(("module", "package"), [("pyarrow", "pyarrow"), ("ray", "ray[data]")])
def test_batch_without_its_extra_names_it(
    invoke: Invoke,
    data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    module: str,
    package: str,
) -> None:
    """A core install has neither: the batch modules import pyarrow at once, so the check
    comes before them (it once ended in a ModuleNotFoundError traceback)."""
    monkeypatch.setitem(sys.modules, module, None)
    result = invoke("batch", data / "pairs.csv", "-o", tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert f"needs the optional package {package!r}" in " ".join(result.output.split())
    assert "carelens[batch]" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
