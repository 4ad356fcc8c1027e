"""``carelens.training.span_fit``: rationale sentence ratios fitted on dev with the real model."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

import carelens
from carelens.errors import InputError
from carelens.evaluation import MechanismScores, evaluate, model_split_ids
from carelens.inference.artifact import ModelArtifact, default_model_dir
from carelens.inference.session import OnnxModel
from carelens.taxonomy import RESPONSE_DIMENSIONS
from carelens.training.span_fit import (
    DEFAULT_RATIO,
    best_ratio,
    fit_sentence_ratios,
    record_sentence_ratios,
)

FEELINGS = ("That sounds so lonely.", "I'm really sorry, that hurts.", "That must be frightening.")
FILLER = (
    "My cousin moved last year.",
    "The bus was late again today.",
    "I like tea in the morning.",
)
QUESTIONS = ("How are you coping?", "What happened after that?", "Who have you told?")


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(default_model_dir(), tmp_path / "model"))


@pytest.fixture
def written_csv(tmp_path: Path) -> Path:
    """40 project-written pairs; rationales: the feeling sentence (emotional reactions) and
    the question (explorations); interpretations have none."""
    path = tmp_path / "pairs.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(
            [
                "sp_id", "rp_id", "seeker_post", "response_post",
                "emotional_reactions_level", "emotional_reactions_rationales",
                "interpretations_level", "interpretations_rationales",
                "explorations_level", "explorations_rationales",
            ]
        )  # fmt: skip
        for i in range(40):
            feeling, filler, question = FEELINGS[i % 3], FILLER[(i // 3) % 3], QUESTIONS[i % 2]
            response = f"{filler} {feeling} {question}"
            out.writerow(
                [
                    f"s{i}", f"r{i}", "I lost my job and I can't stop crying.", response,
                    1, f"{feeling}|", 0, "", 2, f"{question}|",
                ]
            )  # fmt: skip
    return path


def test_fit_chooses_the_best_ratio_per_dimension_and_records_it(
    model_copy: Path, written_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs: list[int] = []
    real_run = OnnxModel.run

    def counting_run(self: OnnxModel, batch: object) -> object:
        runs.append(1)
        return real_run(self, batch)  # type: ignore[arg-type]

    monkeypatch.setattr(OnnxModel, "run", counting_run)
    before = ModelArtifact.load(model_copy).manifest["calibration"]
    shipped = dict(zip(RESPONSE_DIMENSIONS, before["rationale_sentence_ratios"], strict=True))
    done: list[tuple[int, int]] = []
    fit = fit_sentence_ratios(
        model_copy, written_csv, grid=(0.2, 0.6, 1.0), progress=lambda d, t: done.append((d, t))
    )
    dev = model_split_ids(written_csv, ModelArtifact.load(model_copy).manifest, "dev")
    assert done == [(1, 3), (2, 3), (3, 3)]
    assert len(runs) == len(dev)  # the network ran once per dev pair, not once per ratio
    assert set(fit.ratios) == set(RESPONSE_DIMENSIONS)
    for dim in ("emotional_reaction", "exploration"):  # the dimensions with gold rationales
        curve = fit.token_f1[dim]
        assert set(curve) == {0.2, 0.6, 1.0}
        assert curve[fit.ratios[dim]] == max(curve.values())
        assert fit.responses[dim] > 0
    # No gold rationale on dev (interpretations here, the taxonomy without annotations): the
    # model's ratio is kept, not replaced by a default.
    unfitted = ("interpretation", "sympathy", "reflection", "compassion", "dismissive")
    for dim in unfitted:
        assert fit.ratios[dim] == shipped[dim] and dim not in fit.token_f1
        assert fit.source(dim) == "kept"
    assert fit.kept == unfitted
    assert fit.source("exploration") == "dev"

    record_sentence_ratios(model_copy, fit)
    artifact = ModelArtifact.load(model_copy)  # checksums still valid
    calibration = artifact.manifest["calibration"]
    assert calibration["rationale_sentence_ratios"] == [
        fit.ratios[d] for d in artifact.manifest["dimensions"]
    ]
    assert calibration["temperatures"]  # what was there is kept
    # A kept ratio keeps the figures it was chosen by; the fitted ones have this fit's.
    recorded = calibration["rationale_fit"]
    assert recorded["kept"] == list(unfitted)
    assert recorded["responses"] == {
        **{d: before["rationale_fit"]["responses"][d] for d in unfitted},
        **fit.responses,
    }
    for dim in unfitted:
        assert recorded["token_f1"][dim] == before["rationale_fit"]["token_f1"][dim]
    analyzer = carelens.load(model_copy)
    assert analyzer.sentence_ratios == tuple(calibration["rationale_sentence_ratios"])


def test_a_model_without_ratios_gets_the_default_where_dev_has_no_rationale(
    model_copy: Path, written_csv: Path
) -> None:
    manifest = ModelArtifact.load(model_copy).manifest
    calibration = {
        k: v
        for k, v in manifest["calibration"].items()
        if k not in ("rationale_sentence_ratios", "rationale_fit")
    }
    (model_copy / "manifest.json").write_text(
        json.dumps({**manifest, "calibration": calibration}), encoding="utf-8"
    )
    fit = fit_sentence_ratios(model_copy, written_csv, grid=(0.5, 1.0))
    assert fit.kept == () and fit.source("sympathy") == "default"
    assert fit.ratios["sympathy"] == DEFAULT_RATIO
    recorded = fit.to_calibration(RESPONSE_DIMENSIONS)["rationale_fit"]
    assert "kept" not in recorded and set(recorded["token_f1"]) == set(fit.token_f1)


def test_dev_annotations_are_those_of_the_models_dev_part_not_their_stored_part(
    model_copy: Path, written_csv: Path, tmp_path: Path
) -> None:
    dev = model_split_ids(written_csv, ModelArtifact.load(model_copy).manifest, "dev")
    assert dev
    labels = dict.fromkeys(
        ("sympathy", "reflection", "compassion", "dismissive", "advice", "self_focus"), 0
    )
    labels.update(sympathy=1, seeker_distress=1, crisis=0)
    annotations = tmp_path / "gold.jsonl"
    with written_csv.open(encoding="utf-8", newline="") as fh, annotations.open("w") as out:
        for row in csv.DictReader(fh):
            response = row["response_post"]
            feeling = next(f for f in FEELINGS if f in response)
            start = response.index(feeling)
            record = {
                "rp_id": row["rp_id"], "sp_id": row["sp_id"],
                "part": "test",  # stored as another part: the model's split decides
                "annotator": "T", "labels": labels,
                "rationales": {"sympathy": [[start, start + len(feeling)]]},
            }  # fmt: skip
            out.write(json.dumps(record) + "\n")
    fit = fit_sentence_ratios(model_copy, written_csv, annotations, grid=(0.5, 1.0))
    assert fit.source("sympathy") == "dev"
    assert fit.responses["sympathy"] == len(dev)
    for dim in ("reflection", "compassion", "dismissive"):  # no gold rationale on dev
        assert fit.source(dim) == "kept"


def test_a_bad_annotation_line_is_an_input_error_naming_it(
    model_copy: Path, written_csv: Path, tmp_path: Path
) -> None:
    labels = dict.fromkeys(
        ("sympathy", "reflection", "compassion", "dismissive", "advice", "self_focus"), 0
    )
    labels.update(seeker_distress=1, crisis=0)
    record = {"rp_id": "r1", "sp_id": "s1", "part": "dev", "annotator": "T", "labels": labels}
    annotations = tmp_path / "gold.jsonl"
    annotations.write_text(
        json.dumps(record) + "\n" + json.dumps(record | {"rationales": [[0, 5]]}) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="bad annotation") as caught:
        fit_sentence_ratios(model_copy, written_csv, annotations, grid=(0.5,))
    assert (caught.value.path, caught.value.line) == (str(annotations), 2)
    assert caught.value.field == "rationales"


def _write_rows(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(
            [
                "sp_id", "rp_id", "seeker_post", "response_post",
                "emotional_reactions_level", "emotional_reactions_rationales",
                "interpretations_level", "explorations_level",
            ]
        )  # fmt: skip
        out.writerows(rows)
    return path


def test_a_file_without_any_dev_rationale_is_refused_and_the_model_left_alone(
    model_copy: Path, tmp_path: Path
) -> None:
    reply = "I'm so sorry. That sounds hard."
    # One seeker post: all of it is train, the dev part is empty.
    no_dev = _write_rows(
        tmp_path / "one.csv", [["s1", "r1", "I feel low.", reply, 1, "sorry|", 0, 0]]
    )
    # Forty seeker posts whose rationales are all emotional reactions, with levels refused:
    # the dev rows are there but give nothing to fit on.
    bad_levels = _write_rows(
        tmp_path / "bad.csv",
        [[f"s{i}", f"r{i}", "I feel low.", reply, "x", "sorry|", 0, 0] for i in range(40)],
    )
    manifest = (model_copy / "manifest.json").read_bytes()
    for data, dev_rows in (
        (no_dev, "0 of this file's rows"),
        (bad_levels, "4 of this file's rows"),
    ):
        with pytest.raises(InputError, match="nothing to fit the rationale sentences on") as caught:
            fit_sentence_ratios(model_copy, data, grid=(0.5, 1.0), require_rationales=True)
        assert dev_rows in str(caught.value) and "left as it was" in str(caught.value)
        # Without the requirement (a freshly trained model) every ratio is kept.
        fit = fit_sentence_ratios(model_copy, data, grid=(0.5,))
        assert fit.token_f1 == {} and set(fit.kept) == set(RESPONSE_DIMENSIONS)
    assert (model_copy / "manifest.json").read_bytes() == manifest


def test_a_file_that_is_not_an_epitome_csv_is_refused_without_quoting_it(
    model_copy: Path, tmp_path: Path
) -> None:
    data = tmp_path / "pairs.jsonl"
    data.write_text('{"sp_id": "s1", "seeker_post": "words only I should see"}\n')
    with pytest.raises(InputError, match="expected a CSV in the EPITOME layout") as caught:
        fit_sentence_ratios(model_copy, data, require_rationales=True)
    assert "words only" not in str(caught.value) and 'seeker_post"' not in str(caught.value)


def test_spans_are_whole_sentences_with_ratios_and_tokens_without(model_copy: Path) -> None:
    seeker = "My dog died yesterday and the house feels empty."
    response = "I'm so sorry about your dog. The house must feel so quiet now. Was she old?"
    sentences = {
        "I'm so sorry about your dog.",
        "The house must feel so quiet now.",
        "Was she old?",
    }
    with_ratios = carelens.load(model_copy).analyze(seeker, response)
    shown = [s for d in with_ratios.dimensions.values() for s in d.spans if d.level > 0]
    assert shown, "the shipped model marks something in this reply"
    for span in shown:
        if span.label == "dismissive":
            continue  # minimising rules mark their own phrases
        parts = {p for p in sentences if span.start <= response.find(p) < span.end}
        assert span.text_in(response) == " ".join(sorted(parts, key=response.find))
    # A manifest without ratios (models trained before the fit) marks tokens by threshold.
    artifact = ModelArtifact.load(model_copy)
    calibration = dict(artifact.manifest["calibration"])
    del calibration["rationale_sentence_ratios"]
    (model_copy / "manifest.json").write_text(
        json.dumps({**artifact.manifest, "calibration": calibration}),
        encoding="utf-8",
    )
    legacy = carelens.load(model_copy)
    assert legacy.sentence_ratios is None
    legacy.analyze(seeker, response)  # decodes without ratios


@pytest.mark.slow
def test_fitted_figures_are_what_evaluate_reports_on_dev(
    model_copy: Path, shared_data: Path
) -> None:
    data = shared_data / "epitome-reddit" / "epitome_reddit_public.csv"
    fit = fit_sentence_ratios(model_copy, data, grid=(0.5, 0.9))
    record_sentence_ratios(model_copy, fit)
    analyzer = carelens.load(model_copy)
    ids = model_split_ids(data, analyzer.artifact.manifest, "dev")
    report = evaluate(data, analyzer, ids=ids, split="dev")
    for m in report.mechanisms:
        assert m.token_f1 == pytest.approx(fit.chosen_token_f1(m.dimension), abs=1e-12)
        assert m.n_rationales == fit.responses[m.dimension]


def _scores(token_f1: float | None, iou_f1: float | None) -> MechanismScores:
    return MechanismScores("reflection", "reflection", 10, 0.9, 0.5, 0.1, token_f1, iou_f1, 5)


def test_best_ratio_takes_token_f1_then_iou_then_the_fewest_marked_words() -> None:
    assert (
        best_ratio({0.1: _scores(0.3, 0.2), 0.5: _scores(0.4, 0.1), 0.9: _scores(0.2, 0.9)}) == 0.5
    )
    assert best_ratio({0.1: _scores(0.4, 0.3), 0.5: _scores(0.4, 0.2)}) == 0.1
    # A flat curve: dev cannot tell the ratios apart, so the spans mark the fewest words.
    flat = {r: _scores(0.089, 0.0) for r in (0.1, 0.2, 0.3, 0.6)}
    assert best_ratio(flat) == 0.6


def test_what_evaluate_says_about_the_files_is_shown_once_not_once_per_ratio(
    model_copy: Path, written_csv: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Every ratio is scored by evaluate, which logs the same lines each time.
    with caplog.at_level("INFO"):
        fit_sentence_ratios(model_copy, written_csv, grid=(0.2, 0.6, 1.0))
    said = [r.getMessage() for r in caplog.records if r.name.startswith("carelens.evaluation")]
    assert said and len(said) == len(set(said)), said
    scored = [m for m in said if "scored" in m]
    assert len(scored) == 1
    # Outside the fit, evaluate's lines are shown each time again.
    from carelens.evaluation import logger as evaluation_logger

    assert not evaluation_logger.filters


def test_changed_ratios_remove_the_evaluation_figures_they_make_stale(
    model_copy: Path, written_csv: Path
) -> None:
    before = ModelArtifact.load(model_copy).manifest
    with_spans = [k for k, v in before["evaluation"].items() if "mechanisms" in v or
                  "dimensions" in v]  # fmt: skip
    assert with_spans and "contrast" in before["evaluation"]
    fit = fit_sentence_ratios(model_copy, written_csv, grid=(0.1,))
    recorded = record_sentence_ratios(model_copy, fit)
    assert set(recorded.dropped) == set(with_spans)
    evaluation = ModelArtifact.load(model_copy).manifest["evaluation"]
    assert set(evaluation) == set(before["evaluation"]) - set(with_spans)  # contrast stays
    # The same ratios again: nothing measured with them is removed.
    (model_copy / "manifest.json").write_text(json.dumps(before), encoding="utf-8")
    same = fit.__class__(
        ratios=dict(
            zip(RESPONSE_DIMENSIONS, before["calibration"]["rationale_sentence_ratios"],
                strict=True)
        ),
        token_f1={}, responses={}, kept=RESPONSE_DIMENSIONS,
    )  # fmt: skip
    assert record_sentence_ratios(model_copy, same).dropped == ()
    assert ModelArtifact.load(model_copy).manifest["evaluation"] == before["evaluation"]


def test_annotations_of_responses_not_in_the_data_are_refused_before_any_ratio(
    model_copy: Path, written_csv: Path, tmp_path: Path
) -> None:
    # As training refuses them: never a late "not in the data file" after the export.
    labels = dict.fromkeys(
        ("sympathy", "reflection", "compassion", "dismissive", "advice", "self_focus"), 0
    )
    labels.update(seeker_distress=1, crisis=0)
    annotations = tmp_path / "gold.jsonl"
    record = {"rp_id": "r0", "sp_id": "s0", "part": "dev", "annotator": "T", "labels": labels}
    annotations.write_text(
        json.dumps(record) + "\n" + json.dumps(record | {"rp_id": "zz", "sp_id": "s0"}) + "\n",
        encoding="utf-8",
    )
    done: list[int] = []
    with pytest.raises(InputError) as caught:
        fit_sentence_ratios(
            model_copy, written_csv, annotations, progress=lambda d, t: done.append(d)
        )
    assert (caught.value.line, caught.value.field) == (2, "rp_id")
    assert "1 of its 2 annotations are of responses not in" in str(caught.value)
    assert done == []
