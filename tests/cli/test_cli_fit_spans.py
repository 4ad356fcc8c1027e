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
    # Without annotations the taxonomy dimensions have no dev rationale: their ratios are
    # kept, and the output says so.
    taxonomy = ("sympathy", "reflection", "compassion", "dismissive")
    ratios = dict(
        zip(RESPONSE_DIMENSIONS, manifest["calibration"]["rationale_sentence_ratios"], strict=True)
    )
    shipped = dict(
        zip(RESPONSE_DIMENSIONS, before["calibration"]["rationale_sentence_ratios"], strict=True)
    )
    assert all(ratios[d] == shipped[d] for d in taxonomy)
    rows = {line.split()[1]: line for line in result.stdout.splitlines() if "│" in line}
    assert all("kept (no dev rationale)" in rows[d] for d in taxonomy)
    assert "their ratios were not refitted" in result.stderr
    # emotional_reaction's ratio changed: the figures measured with the earlier ratios (the
    # test part's token-F1 and IOU-F1) are removed, and the output says so; the contrast
    # set's ranks do not depend on spans and stay.
    assert ratios["emotional_reaction"] != shipped["emotional_reaction"]
    assert set(before["evaluation"]) == {"test", "taxonomy-test", "contrast"}
    assert set(manifest["evaluation"]) == {"contrast"}
    message = " ".join(result.stderr.split())
    assert "removed the recorded evaluation figures test, taxonomy-test" in message
    assert "record them again with carelens evaluate" in message


def test_fit_spans_refuses_a_file_without_dev_rationales_and_leaves_the_model(
    invoke: Invoke, tmp_path: Path
) -> None:
    model = Path(shutil.copytree(default_model_dir(), tmp_path / "model"))
    manifest = (model / "manifest.json").read_bytes()
    data = tmp_path / "one.csv"
    data.write_text(
        "sp_id,rp_id,seeker_post,response_post,emotional_reactions_level,"
        "interpretations_level,explorations_level\n"
        "s1,r1,I feel low,I am sorry,1,0,0\n",
        encoding="utf-8",
    )
    result = invoke("fit-spans", model, data)
    assert result.exit_code == 1, result.stdout
    message = " ".join(result.stderr.split())
    assert "nothing to fit the rationale sentences on" in message and "left as it was" in message
    assert "Traceback" not in result.stderr and "ratios recorded" not in result.stderr
    assert (model / "manifest.json").read_bytes() == manifest


def test_fit_spans_on_a_file_that_is_not_an_epitome_csv_quotes_none_of_it(
    invoke: Invoke, tmp_path: Path
) -> None:
    model = Path(shutil.copytree(default_model_dir(), tmp_path / "model"))
    manifest = (model / "manifest.json").read_bytes()
    data = tmp_path / "pairs.jsonl"
    data.write_text(
        '{"sp_id": "s1", "rp_id": "r1", "seeker_post": "a private thought, said once"}\n'
        '{"sp_id": "s2", "rp_id": "r2", "seeker_post": "another, also private"}\n',
        encoding="utf-8",
    )
    result = invoke("fit-spans", model, data)
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert "expected a CSV in the EPITOME layout" in message
    assert "private" not in message and "found columns" not in message
    assert (model / "manifest.json").read_bytes() == manifest


def test_fit_spans_names_a_missing_model_folder(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    result = invoke("fit-spans", tmp_path / "nowhere", data / "train.csv")
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'nowhere'}: no such folder" in " ".join(result.stderr.split())


def test_fit_spans_names_a_bad_annotation_line_without_a_traceback(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    model = Path(shutil.copytree(default_model_dir(), tmp_path / "model"))
    manifest = (model / "manifest.json").read_bytes()
    labels = {
        "sympathy": 0, "reflection": 0, "compassion": 0, "dismissive": 0,
        "advice": 0, "self_focus": 0, "seeker_distress": 1, "crisis": 0,
    }  # fmt: skip
    good = {"rp_id": "u08", "sp_id": "t08", "part": "dev", "annotator": "T", "labels": labels}
    cases = {
        "latin1.jsonl": (json.dumps(good) + "\n" + json.dumps(good | {"annotator": "Ren\u00e9"},
                         ensure_ascii=False) + "\n").encode("latin-1"),
        "list.jsonl": (json.dumps(good | {"rationales": [[0, 5]]}) + "\n").encode(),
        "float.jsonl": (json.dumps(good | {"labels": labels | {"sympathy": 1.7}}) + "\n").encode(),
    }  # fmt: skip
    where = {"latin1.jsonl": "line 2", "list.jsonl": "line 1, field 'rationales'"}
    where["float.jsonl"] = "line 1, field 'labels.sympathy'"
    for name, content in cases.items():
        annotations = tmp_path / name
        annotations.write_bytes(content)
        result = invoke("fit-spans", model, data / "train.csv", "--annotations", annotations)
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        message = " ".join(result.stderr.split())
        assert f"error: {annotations}, {where[name]}: bad annotation" in message
    assert (model / "manifest.json").read_bytes() == manifest


def test_fit_spans_refuses_annotations_of_another_file_before_fitting(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    # As train refuses them: the first such line, the count, and what to do.
    model = Path(shutil.copytree(default_model_dir(), tmp_path / "model"))
    manifest = (model / "manifest.json").read_bytes()
    labels = {
        "sympathy": 0, "reflection": 0, "compassion": 0, "dismissive": 0,
        "advice": 0, "self_focus": 0, "seeker_distress": 1, "crisis": 0,
    }  # fmt: skip
    record = {"rp_id": "u08", "sp_id": "t08", "part": "dev", "annotator": "T", "labels": labels}
    annotations = tmp_path / "gold.jsonl"
    annotations.write_text(
        json.dumps(record) + "\n" + json.dumps(record | {"rp_id": "x1", "sp_id": "y1"}) + "\n",
        encoding="utf-8",
    )
    result = invoke("fit-spans", model, data / "train.csv", "--annotations", annotations)
    assert result.exit_code == 1, result.output
    message = " ".join(result.stderr.split())
    assert f"{annotations}, line 2, field 'rp_id': 1 of its 2 annotations are of responses" in (
        message
    )
    assert "Pass the EPITOME CSV the annotations were made on" in message
    assert (model / "manifest.json").read_bytes() == manifest
