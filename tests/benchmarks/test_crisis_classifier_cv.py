"""``benchmarks/crisis_classifier_cv.py`` on the shared EPITOME file and the annotations
(skipped without ``../shared/data``); its model code is tested in
``tests/training/test_crisis_wording.py``."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from benchmark_scripts import ROOT, run_benchmark

from carelens.analysis.crisis_model import MIN_WORDS

DATA = ROOT.parent / "shared" / "data" / "epitome-reddit" / "epitome_reddit_public.csv"


def run_cv(*args: str) -> subprocess.CompletedProcess[str]:
    """The script on two folds with ``args``, as the smoke tests run a benchmark
    (:func:`benchmark_scripts.run_benchmark`)."""
    return run_benchmark("crisis_classifier_cv.py", "--folds", "2", *args)


@pytest.mark.skipif(not DATA.is_file(), reason="needs ../shared/data (the EPITOME file)")
def test_a_run_on_the_annotations_prints_every_threshold() -> None:
    run = run_cv()
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("1906 seeker posts (train + dev), 520 flagged")
    assert lines[1].startswith("patterns alone")
    thresholds = [
        line for line in lines if line.startswith("classifier >= 0.") and ": alone" in line
    ]
    assert len(thresholds) == 5
    minimum = lines.index(next(line for line in lines if line.startswith("fewest words")))
    assert lines[minimum].endswith(f"shipped minimum: {MIN_WORDS}")
    scan = lines[minimum + 1 :]
    assert scan and len(lines) == 2 + 5 + 1 + len(scan)
    assert all(" words:  patterns or classifier  P " in line for line in scan)
    assert any(f"from {MIN_WORDS:2} words:" in line for line in scan)


@pytest.mark.skipif(not DATA.is_file(), reason="needs ../shared/data (the EPITOME file)")
def test_written_messages_join_every_fold_and_get_their_own_figures(tmp_path: Path) -> None:
    written = tmp_path / "written.jsonl"
    lines = [
        '{"text": "I wrote letters for everyone and put them in the drawer", "label": "CUE"}',
        '{"text": "my plants are finally growing again after the frost", "label": "NO"}',
    ] * 10
    written.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = run_cv("--written", str(written))
    assert run.returncode == 0, run.stderr
    out = run.stdout.splitlines()
    assert out[0].startswith("1906 seeker posts (train + dev), 520 flagged")
    assert out[0].endswith("with 20 written messages in every fold")
    at = out.index(next(line for line in out if line.startswith("20 written messages")))
    assert out[at].startswith("20 written messages, 10 flagged, at 0.50:")
    assert out[at + 1].lstrip().startswith("patterns alone")
    assert out[at + 2].lstrip().startswith("patterns or classifier")
    assert len(out) == at + 3


@pytest.mark.skipif(not DATA.is_file(), reason="needs ../shared/data (the EPITOME file)")
def test_a_bad_written_line_is_named_by_file_and_line(tmp_path: Path) -> None:
    written = tmp_path / "written.jsonl"
    written.write_text('{"text": "fine", "label": "NO"}\n{"text": "x", "label": "MAYBE"}\n')
    run = run_cv("--written", str(written))
    assert run.returncode == 1
    assert run.stderr.startswith("error: ")
    assert f"{written}, line 2, field 'label'" in run.stderr
    assert "Traceback" not in run.stderr
