"""Training the learned crisis flag on a small written corpus: the logistic regression learns,
the folder it writes loads and reproduces byte for byte, and bad inputs are clear errors."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from carelens.analysis.crisis_model import CrisisWordingModel
from carelens.errors import InputError
from carelens.training import crisis_wording
from carelens.training.crisis_wording import (
    fit_logistic,
    flag_figures,
    main,
    train_crisis_wording,
    weighted,
    written_labels,
)
from carelens.training.personal_distress import build_rows, fit_idf, rows_dot

# Written for this test: posts an annotator would flag (veiled) and would not.
FLAGGED = (
    "everything feels heavy and I want to disappear for good",
    "I keep thinking I should just disappear and stop being a burden",
    "some nights I want to disappear and not come back",
)
CALM = (
    "my exam went badly and I feel stupid",
    "I had a fight with my sister about the wedding",
    "work is stressful and my boss keeps yelling",
)


@pytest.fixture(autouse=True)
def few_features(monkeypatch: pytest.MonkeyPatch) -> None:
    """A small hashed space keeps each fit quick; the code path is the shipped one."""
    monkeypatch.setattr(crisis_wording, "N_FEATURES", 2**12)


def write_corpus(folder: Path, *, parts: tuple[str, ...] = ("train", "dev")) -> tuple[Path, Path]:
    data, gold = folder / "pairs.csv", folder / "gold.jsonl"
    rows, lines = [], []
    for i in range(24):
        flagged = i % 2 == 0
        text = (FLAGGED if flagged else CALM)[i % 3] + f" (post {i})"
        rows.append(
            {"sp_id": f"s{i}", "rp_id": f"r{i}", "seeker_post": text, "response_post": "ok"}
        )
        labels = {
            "sympathy": 0,
            "reflection": 0,
            "compassion": 0,
            "dismissive": 0,
            "advice": 0,
            "self_focus": 0,
            "seeker_distress": 1,
            "crisis": int(flagged),
        }
        lines.append(
            json.dumps(
                {
                    "rp_id": f"r{i}",
                    "sp_id": f"s{i}",
                    "part": parts[i % len(parts)],
                    "annotator": "T",
                    "codebook": "taxonomy-v1.1",
                    "labels": labels,
                    "rationales": {
                        d: [] for d in ("sympathy", "reflection", "compassion", "dismissive")
                    },
                    "crisis_evidence": [],
                }
            )
        )
    with data.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return data, gold


def test_the_logistic_regression_separates_what_it_was_shown() -> None:
    texts = [*FLAGGED, *CALM] * 3
    gold = np.array(([1.0] * 3 + [0.0] * 3) * 3)
    counts = build_rows(texts, 2**12)
    train = np.arange(len(texts))
    idf, _, _ = fit_idf(counts, train)
    rows = weighted(counts, idf)
    w, bias = fit_logistic(rows, gold, train, steps=200)
    probability = 1.0 / (1.0 + np.exp(-(rows_dot(rows, train, w) + bias)))
    assert flag_figures(gold, probability >= 0.5) == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "flagged": 9,
    }


def test_training_writes_a_loadable_reproducible_folder(tmp_path: Path) -> None:
    data, gold = write_corpus(tmp_path)
    first = train_crisis_wording(data, gold, tmp_path / "a")
    train_crisis_wording(data, gold, tmp_path / "b")
    digest = [hashlib.sha256((tmp_path / d / "weights.npy").read_bytes()).hexdigest() for d in "ab"]
    assert digest[0] == digest[1] == first["files"]["weights.npy"]
    assert first["data"]["posts"] == 24 and first["data"]["flagged"] == 12
    assert {"patterns", "classifier", "patterns_or_classifier"} <= set(first["cross_validation"])
    model = CrisisWordingModel.load(tmp_path / "a")
    assert model.probability("I want to disappear for good") > model.probability(
        "my exam went badly"
    )


def test_the_test_part_is_never_read(tmp_path: Path) -> None:
    data, gold = write_corpus(tmp_path, parts=("train", "dev", "test"))
    manifest = train_crisis_wording(data, gold, tmp_path / "model")
    assert manifest["data"]["posts"] == 16  # a third of the 24 posts are test posts


def test_missing_posts_and_one_class_are_clear_errors(tmp_path: Path) -> None:
    data, gold = write_corpus(tmp_path)
    lines = data.read_text(encoding="utf-8").splitlines()
    data.write_text("\n".join(lines[:-2]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="not in the data"):
        train_crisis_wording(data, gold, tmp_path / "model")
    data, gold = write_corpus(tmp_path)
    calm = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    for row in calm:
        row["labels"]["crisis"] = 0
    gold.write_text("\n".join(json.dumps(r) for r in calm) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="flagged and unflagged"):
        train_crisis_wording(data, gold, tmp_path / "model")


def test_the_command_prints_its_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, gold = write_corpus(tmp_path)
    out = tmp_path / "model"
    code = main(["--data", str(data), "--annotations", str(gold), "--output", str(out)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "patterns_or_classifier" in printed and f"written to {out}" in printed
    assert (
        main(
            ["--data", str(tmp_path / "none.csv"), "--annotations", str(gold), "--output", str(out)]
        )
        == 1
    )


def write_messages(path: Path, lines: list[object]) -> Path:
    path.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
        encoding="utf-8",
    )
    return path


def test_written_messages_are_fitted_beside_the_posts(tmp_path: Path) -> None:
    data, gold = write_corpus(tmp_path)
    veiled = "I gave my cat to my neighbour for good and wrote my sister a letter for after"
    written = write_messages(
        tmp_path / "written.jsonl",
        [{"id": f"w{i}", "text": f"{veiled} ({i})", "label": "CUE"} for i in range(6)]
        + [{"text": f"I gave my old sofa to my neighbour ({i})", "label": "NO"} for i in range(6)],
    )
    plain = train_crisis_wording(data, gold, tmp_path / "plain")
    both = train_crisis_wording(data, gold, tmp_path / "both", written=written)
    assert "written" not in plain["data"] and "written" not in plain["cross_validation"]
    assert both["data"]["posts"] == 24
    assert both["data"]["written"]["messages"] == 12 and both["data"]["written"]["flagged"] == 6
    assert both["data"]["written"]["files"] == [
        {"file": f"{tmp_path.name}/written.jsonl", "messages": 12, "flagged": 6}
    ]
    assert set(both["cross_validation"]["written"]) == {
        "patterns",
        "classifier",
        "patterns_or_classifier",
    }
    before = CrisisWordingModel.load(tmp_path / "plain").probability(veiled)
    after = CrisisWordingModel.load(tmp_path / "both").probability(veiled)
    assert after > before and after >= 0.5


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("{not json", "line 2"),
        ('["a list"]', "line 2"),
        ('{"text": "  ", "label": "CUE"}', "text"),
        ('{"text": "fine words", "label": "YES"}', "label"),
        ('{"label": "NO"}', "text"),
    ],
)
def test_a_bad_written_line_names_its_file_line_and_field(
    tmp_path: Path, line: str, where: str
) -> None:
    path = write_messages(tmp_path / "w.jsonl", ['{"text": "first", "label": "NO"}', line])
    with pytest.raises(InputError) as raised:
        written_labels(path)
    assert raised.value.path == str(path) and raised.value.line == 2
    assert where in str(raised.value)


def test_an_empty_or_missing_written_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="holds no messages"):
        written_labels(write_messages(tmp_path / "empty.jsonl", ["", " "]))
    with pytest.raises(InputError, match="cannot read"):
        written_labels(tmp_path / "absent.jsonl")
    texts, labels = written_labels(
        write_messages(tmp_path / "ok.jsonl", [{"text": "a", "label": "CUE", "category": "x"}])
    )
    assert texts == ["a"] and labels.tolist() == [1.0]


def test_the_command_prints_the_written_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, gold = write_corpus(tmp_path)
    written = write_messages(
        tmp_path / "written.jsonl",
        [{"text": f"{FLAGGED[i % 3]} ({i})", "label": "CUE" if i % 2 else "NO"} for i in range(10)],
    )
    out = tmp_path / "model"
    args = ["--data", str(data), "--annotations", str(gold), "--output", str(out)]
    assert main([*args, "--written", str(written)]) == 0
    printed = capsys.readouterr().out
    assert "written  patterns_or_classifier" in printed and "posts    classifier" in printed
    again = write_messages(tmp_path / "again.jsonl", [{"text": "fine today", "label": "NO"}])
    assert main([*args, "--written", str(written), "--written", str(again)]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [f["file"] for f in manifest["data"]["written"]["files"]] == [
        f"{tmp_path.name}/written.jsonl",
        f"{tmp_path.name}/again.jsonl",
    ]
    capsys.readouterr()
    assert main([*args, "--written", str(tmp_path / "none.jsonl")]) == 1
    assert "cannot read written messages" in capsys.readouterr().err


def test_several_written_files_are_fitted_in_order_and_named_apart(tmp_path: Path) -> None:
    data, gold = write_corpus(tmp_path)
    veiled = "I gave my cat to my neighbour for good and wrote my sister a letter for after"
    (tmp_path / "v1").mkdir()
    (tmp_path / "v2").mkdir()
    first = write_messages(
        tmp_path / "v1" / "messages.jsonl",
        [{"text": f"{veiled} ({i})", "label": "CUE"} for i in range(4)]
        + [{"text": f"I gave my old sofa to my neighbour ({i})", "label": "NO"} for i in range(4)],
    )
    second = write_messages(
        tmp_path / "v2" / "messages.jsonl",
        [{"text": f"{veiled}, soon ({i})", "label": "CUE"} for i in range(2)]
        + [{"text": f"I gave my old desk away ({i})", "label": "NO"} for i in range(4)],
    )
    both = train_crisis_wording(data, gold, tmp_path / "both", written=[first, second])
    assert both["data"]["written"]["files"] == [
        {"file": "v1/messages.jsonl", "messages": 8, "flagged": 4},
        {"file": "v2/messages.jsonl", "messages": 6, "flagged": 2},
    ]
    assert both["data"]["written"]["messages"] == 14 and both["data"]["written"]["flagged"] == 6
    one = train_crisis_wording(data, gold, tmp_path / "one", written=first)
    assert one["data"]["written"]["files"] == [
        {"file": "v1/messages.jsonl", "messages": 8, "flagged": 4}
    ]


def test_a_bad_line_of_a_second_written_file_names_that_file(tmp_path: Path) -> None:
    data, gold = write_corpus(tmp_path)
    good = write_messages(tmp_path / "good.jsonl", [{"text": "fine today", "label": "NO"}])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine", "label": "NO"}\n{"text": "", "label": "CUE"}\n')
    with pytest.raises(InputError) as caught:
        train_crisis_wording(data, gold, tmp_path / "out", written=[good, bad])
    assert caught.value.path == str(bad) and caught.value.line == 2
    assert caught.value.field == "text"
    assert not (tmp_path / "out").exists()
