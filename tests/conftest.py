"""Fixtures shared by all tests: the repository root, the optional shared data folder, and a
private carelens data folder for every test (``$CARELENS_DATA_DIR``), so no test writes
under the user's home (the serve store, the pseudonym key).

Reader fixtures (``data_dir``, ``reject_rows``) live in ``tests/readers/conftest.py``.

Hypothesis runs without its per-example deadline: tests never judge speed (benchmarks do),
and on a loaded 2-core CI machine a slow first example would otherwise fail a property
that holds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("carelens", deadline=None)
settings.load_profile("carelens")

REPO_ROOT = Path(__file__).resolve().parents[1]
#: Data kept beside the checkout (``../shared/data``); absent in most installs.
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


def require_shared_data(*parts: str) -> Path:
    """The path ``../shared/data/<parts>``, skipping the calling test when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found at {path} (needs ../shared/data beside the repo)")
    return path


@pytest.fixture(autouse=True)
def private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """``$CARELENS_DATA_DIR`` set to a fresh folder; ``$CARELENS_ANONYMIZE_KEY`` unset."""
    folder = tmp_path_factory.mktemp("carelens-data")
    monkeypatch.setenv("CARELENS_DATA_DIR", str(folder))
    monkeypatch.delenv("CARELENS_ANONYMIZE_KEY", raising=False)
    return folder


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def shared_data() -> Path:
    """``../shared/data`` beside the checkout; the test is skipped when it is absent."""
    return require_shared_data()
