"""The shipped model: its recorded test figures are reproduced by the evaluation code.

The figures in the model card come from ``carelens evaluate ... --split test --record``;
this re-runs that evaluation on the held-out part and compares it with the manifest, so a
change to inference, calibration or metrics that moves a published figure fails here.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import carelens
from carelens.annotations import read_annotations
from carelens.evaluation import evaluate, model_split_ids
from carelens.taxonomy_evaluation import evaluate_annotations, evaluate_contrast

pytestmark = pytest.mark.shared_data


@pytest.fixture
def epitome(shared_data: Path) -> Path:
    path = shared_data / "epitome-reddit" / "epitome_reddit_public.csv"
    if not path.exists():
        pytest.skip(f"{path} not found")
    return path


def test_recorded_test_figures_are_reproduced(epitome: Path) -> None:
    analyzer = carelens.load(threads=2)
    recorded = analyzer.artifact.manifest["evaluation"]["test"]
    ids = model_split_ids(epitome, analyzer.artifact.manifest, "test")
    report = evaluate(epitome, analyzer, ids=ids, split="test")
    assert report.n_pairs == recorded["n_pairs"] == 496
    for name, figures in recorded["mechanisms"].items():
        got = report[name].to_dict()
        for key in ("n", "accuracy", "macro_f1", "ece", "token_f1", "iou_f1", "n_rationales"):
            assert got[key] == pytest.approx(figures[key], abs=1e-9), (name, key)


def test_split_parts_are_disjoint_by_seeker_post(epitome: Path) -> None:
    manifest = carelens.load().artifact.manifest
    parts = {part: model_split_ids(epitome, manifest, part) for part in ("train", "dev", "test")}
    with open(epitome, encoding="utf-8", newline="") as fh:
        seeker_of = {row["rp_id"]: row["sp_id"] for row in csv.DictReader(fh)}
    seekers = {part: {seeker_of[i] for i in ids} for part, ids in parts.items()}
    for a, b in (("train", "dev"), ("train", "test"), ("dev", "test")):
        assert not parts[a] & parts[b]
        assert not seekers[a] & seekers[b]
    assert set().union(*parts.values()) == set(seeker_of)


ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "annotations" / "taxonomy-v1" / "gold.jsonl"
CONTRAST = ROOT / "annotations" / "contrast" / "contrast_set.jsonl"


def test_recorded_taxonomy_figures_are_reproduced(epitome: Path) -> None:
    analyzer = carelens.load(threads=2)
    recorded = analyzer.artifact.manifest["evaluation"]["taxonomy-test"]
    report = evaluate_annotations(epitome, GOLD, analyzer, part="test").to_dict()
    assert report["n_pairs"] == recorded["n_pairs"] == 210
    for name, figures in recorded["dimensions"].items():
        for key in ("n", "accuracy", "macro_f1", "ece", "token_f1", "iou_f1"):
            assert report["dimensions"][name][key] == pytest.approx(figures[key], abs=1e-9)
    assert report["presence_macro_f1"] == pytest.approx(recorded["presence_macro_f1"], abs=1e-9)
    assert report["binary"] == recorded["binary"]
    assert report["style"] == pytest.approx(recorded["style"], abs=1e-9)


def test_the_test_part_was_never_trained_on(epitome: Path) -> None:
    """Annotated test responses belong to the model's own held-out split."""
    manifest = carelens.load().artifact.manifest
    held_out = model_split_ids(epitome, manifest, "test")
    test_part = {a.rp_id for a in read_annotations(GOLD) if a.part == "test"}
    assert test_part and test_part <= held_out


def test_recorded_contrast_figures_are_reproduced() -> None:
    analyzer = carelens.load(threads=1)
    recorded = analyzer.artifact.manifest["evaluation"]["contrast"]
    report = evaluate_contrast(CONTRAST, analyzer).to_dict()
    assert report["ranked_first"] == recorded["ranked_first"]
