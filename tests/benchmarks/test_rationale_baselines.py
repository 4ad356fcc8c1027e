"""``benchmarks/rationale_baselines.py``: its baselines on hand-made rows, and a run on the
shared EPITOME file (skipped without ``../shared/data``)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "rationale_baselines.py"


def load_script(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.syspath_prepend(str(SCRIPT.parent))  # for its bench_common
    spec = importlib.util.spec_from_file_location("rationale_baselines", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_baselines_on_hand_made_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    script = load_script(monkeypatch)
    rows = [
        # word tokens: So | sorry | . | How | are | you | ?  (gold: the first two)
        {"response_post": "So sorry. How are you?", "emotional_reactions_rationales": "So sorry"},
        {"response_post": "Call me.", "emotional_reactions_rationales": ""},  # not scored
    ]
    # everything: 2 of 7 tokens right -> F1 4/9; one span, IOU 2/7 < 0.5 -> 0
    assert script.baseline_scores(rows, "emotional_reactions", "everything") == pytest.approx(
        (4 / 9, 0.0)
    )
    # first sentence "So sorry.": 2 of 3 -> F1 0.8; IOU 2/3 -> matched
    assert script.baseline_scores(rows, "emotional_reactions", "first") == pytest.approx((0.8, 1.0))


@pytest.mark.shared_data
def test_runs_on_the_dev_split(shared_data: Path) -> None:
    if not (shared_data / "epitome-reddit" / "epitome_reddit_public.csv").is_file():
        pytest.skip("the EPITOME file is not in ../shared/data")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--split", "dev"], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("rationale token-F1 / IOU-F1 on the dev split")
    assert [line.split()[0] for line in lines[2:]] == ["mark", "first", "model"]
