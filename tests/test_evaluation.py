"""Evaluation on labelled EPITOME-layout pairs: metric arithmetic, rejects, ids, split."""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import carelens
from carelens.errors import InputError, ModelError
from carelens.evaluation import (
    SPLIT_PARTS,
    evaluate,
    labelled_context,
    labelled_pairs,
    model_split_ids,
)
from carelens.readers import RejectLog
from carelens.training.data import load_epitome, split_by_seeker
from carelens.types import DimensionScore, Exchange, ResponseAnalysis, Span

DATA = Path(__file__).resolve().parent / "data" / "cli"
LABELED = DATA / "labeled.csv"
DIMS = ("emotional_reaction", "interpretation", "exploration")


def span_of(text: str, part: str, label: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), label, 0.9)


# rp_id -> {dimension: (level, rationale substring or None)}
PREDICTIONS: dict[str, dict[str, tuple[int, str | None]]] = {
    "q1": {
        "emotional_reaction": (1, "so discouraging"),
        "exploration": (2, "What happened this time?"),
    },
    "q2": {"emotional_reaction": (1, "I'm")},
    "q3": {},
    "q4": {"emotional_reaction": (2, None), "exploration": (1, "Are you able to see her?")},
    "q5": {},
}


class TableAnalyzer:
    """Returns the predictions above (level 0 and no span when not listed); remembers the
    response ids it was asked about."""

    dimensions = DIMS
    model_id = "table"

    def __init__(self) -> None:
        self.asked: list[str] = []

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]:
        self.asked += [exchange.response.id for exchange in pairs]
        out = []
        for exchange in pairs:
            text = exchange.response.text
            table = PREDICTIONS.get(exchange.response.id, {})
            dims = {}
            for name in DIMS:
                level, part = table.get(name, (0, None))
                spans = (span_of(text, part, name),) if part else ()
                probs = tuple(0.8 if k == level else 0.1 for k in range(3))
                dims[name] = DimensionScore(level, probs, spans)
            out.append(ResponseAnalysis(dims, self.model_id))
        return out


def test_metrics_match_a_hand_computation(tmp_path: Path) -> None:
    with RejectLog(tmp_path / "rejects.jsonl") as log:
        report = evaluate(LABELED, TableAnalyzer(), rejects=log)
    assert report.n_pairs == 5
    assert report.rejected == 1
    # The one reject is q5's emotional reactions level: q5 is still scored on the others.
    assert (report.rejected_levels, report.rows_with_rejected_levels) == (1, 1)
    assert report.rejected_rows == 0
    assert report.unscored == ()
    assert [m.dimension for m in report.mechanisms] == list(DIMS)

    # emotional reactions: q5's level "x" is rejected; gold 1,2,0,1 vs predicted 1,1,0,2.
    er = report["emotional_reaction"]
    assert er.column == "emotional_reactions"
    assert er.n == 4
    assert er.accuracy == pytest.approx(0.5)
    assert er.macro_f1 == pytest.approx((1.0 + 0.5 + 0.0) / 3)  # F1 of levels 0, 1, 2
    # gold rationales on q1, q2, q4: exact; "I'm" (3 word tokens) for "I'm sorry" (4); none
    assert er.n_rationales == 3
    assert er.token_f1 == pytest.approx((1.0 + 6 / 7 + 0.0) / 3)
    assert er.iou_f1 == pytest.approx((1.0 + 1.0 + 0.0) / 3)  # IOU 3/4 >= 0.5 counts

    # interpretations: all predicted 0; gold 0,1,0,1,0; one gold rationale, not predicted.
    ip = report["interpretations"]
    assert ip.n == 5
    assert ip.accuracy == pytest.approx(0.6)
    assert ip.macro_f1 == pytest.approx((6 / 8 + 0.0 + 0.0) / 3)
    assert (ip.token_f1, ip.iou_f1, ip.n_rationales) == (0.0, 0.0, 1)

    # explorations: all right.
    ex = report["exploration"]
    assert (ex.n, ex.accuracy, ex.macro_f1) == (5, 1.0, 1.0)
    assert (ex.token_f1, ex.iou_f1, ex.n_rationales) == (1.0, 1.0, 2)

    (reject,) = [json.loads(x) for x in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert (reject["line"], reject["field"]) == (6, "emotional_reactions_level")
    assert Path(reject["path"]).name == "labeled.csv"


def test_report_to_dict_is_json(tmp_path: Path) -> None:
    report = evaluate(LABELED, TableAnalyzer(), split="all")
    data = json.loads(json.dumps(report.to_dict()))
    assert data["split"] == "all"
    assert set(data["mechanisms"]) == set(DIMS)
    assert data["mechanisms"]["exploration"]["accuracy"] == 1.0


def test_ids_keep_only_those_responses() -> None:
    report = evaluate(LABELED, TableAnalyzer(), ids={"q1", "q2"})
    assert report.n_pairs == 2
    assert report.rejected == 0  # q5 is not scored, so its bad level is not looked at
    assert report["emotional_reaction"].accuracy == pytest.approx(0.5)


def test_no_rationale_column_gives_no_rationale_scores(tmp_path: Path) -> None:
    path = tmp_path / "levels.csv"
    path.write_text(
        "sp_id,rp_id,seeker_post,response_post,explorations_level\n"
        "p3,q3,I can't sleep before exams.,Try some tea before bed.,0\n",
        encoding="utf-8",
    )
    report = evaluate(path, TableAnalyzer())
    (ex,) = report.mechanisms
    assert (ex.dimension, ex.n, ex.accuracy) == ("exploration", 1, 1.0)
    assert (ex.token_f1, ex.iou_f1, ex.n_rationales) == (None, None, 0)


def test_file_without_labels_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no label columns"):
        evaluate(DATA / "pairs.csv", TableAnalyzer())


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        evaluate(tmp_path / "absent.csv", TableAnalyzer())


def test_progress_counts_every_pair() -> None:
    done: list[int] = []
    evaluate(LABELED, TableAnalyzer(), progress=done.append, chunk_size=2)
    assert done == [2, 2, 1]


def test_real_model_report_shape() -> None:
    report = evaluate(LABELED, carelens.load())
    assert report.model_id == carelens.load().model_id
    for m in report.mechanisms:
        assert m.n in (4, 5)
        for value in (m.accuracy, m.macro_f1, m.token_f1, m.iou_f1):
            assert value is not None and 0.0 <= value <= 1.0


def _manifest(seed: int, data_sha: str | None = None) -> dict[str, object]:
    training: dict[str, object] = {
        "config": {"seed": seed, "dev_fraction": 0.25, "test_fraction": 0.25},
        "split": {"seed": seed},
    }
    if data_sha:
        training["data_sha256"] = data_sha
    return {"training": training}


def test_model_split_ids_reproduce_the_training_split(tmp_path: Path) -> None:
    path = tmp_path / "clean.csv"
    lines = LABELED.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if ",x," not in line), encoding="utf-8")
    parts = split_by_seeker(load_epitome(path), 7, 0.25, 0.25)
    got = {part: model_split_ids(path, _manifest(7), part) for part in SPLIT_PARTS}
    for part, expected in zip(SPLIT_PARTS, parts, strict=True):
        assert got[part] == {p.rp_id for p in expected}
    assert set().union(*got.values()) == {"q1", "q2", "q3", "q4"}


def test_a_row_evaluate_rejects_keeps_its_place_in_the_split(tmp_path: Path) -> None:
    """The trainer reads a row with an empty seeker post (evaluate rejects it): dropping it
    from the ids dealt every seeker post again, putting training rows in the test part."""
    rows = [f"s{i},r{i},I failed again {i}.,That must sting.,1,,0,,0,\n" for i in range(40)]
    rows[5] = "s5,r5,,That must sting.,1,,0,,0,\n"
    header = LABELED.read_text(encoding="utf-8").split("\n", 1)[0] + "\n"
    path = tmp_path / "forty.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    trainer = split_by_seeker(load_epitome(path), 7, 0.25, 0.25)
    for part, expected in zip(SPLIT_PARTS, trainer, strict=True):
        assert model_split_ids(path, _manifest(7), part) == {p.rp_id for p in expected}
    log = RejectLog()
    evaluate(path, TableAnalyzer(), rejects=log)
    assert log.counts == {"missing text": 1}


def test_a_split_lists_and_counts_only_the_rejects_of_its_part(tmp_path: Path) -> None:
    """A row of another part the reader rejects is not this evaluation's: it was counted and
    listed (while a bad level cell of such a row was not). A row whose id cannot be read is,
    as its part cannot be told."""
    rows = [f"s{i},r{i},I failed again {i}.,That must sting.,1,,0,,0,\n" for i in range(40)]
    header = LABELED.read_text(encoding="utf-8").split("\n", 1)[0] + "\n"
    path = tmp_path / "forty.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    parts = {part: model_split_ids(path, _manifest(7), part) for part in SPLIT_PARTS}
    train = sorted(int(rp[1:]) for rp in parts["train"])
    dev = sorted(int(rp[1:]) for rp in parts["dev"])
    empty_train, bad_level_train, unreadable_train, empty_dev = (*train[:3], dev[0])
    rows[empty_train] = f"s{empty_train},r{empty_train},,That must sting.,1,,0,,0,\n"
    rows[bad_level_train] = f"s{bad_level_train},r{bad_level_train},Hi.,Oh.,x,,0,,0,\n"
    rows[unreadable_train] = f"s{unreadable_train},r{unreadable_train},too few fields\n"
    rows[empty_dev] = f"s{empty_dev},r{empty_dev},,That must sting.,1,,0,,0,\n"
    path.write_text(header + "".join(rows), encoding="utf-8")
    assert {part: model_split_ids(path, _manifest(7), part) for part in SPLIT_PARTS} == parts

    with RejectLog(tmp_path / "rejects.jsonl") as log:
        report = evaluate(path, TableAnalyzer(), ids=parts["dev"], split="dev", rejects=log)
    assert report.n_pairs == len(parts["dev"]) - 1
    assert (report.rejected, report.rejected_rows, report.rejected_levels) == (2, 2, 0)
    entries = [json.loads(x) for x in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    # Line n + 2: the header is line 1. The train row without an id read is listed too.
    assert sorted((e["line"], e["field"]) for e in entries) == sorted(
        [(empty_dev + 2, "seeker_post"), (unreadable_train + 2, None)]
    )
    assert log.total == 2
    whole = evaluate(path, TableAnalyzer(), rejects=RejectLog())
    assert (whole.rejected_rows, whole.rejected_levels) == (3, 1)


@pytest.mark.parametrize("reverse", [False, True])
def test_a_row_of_another_part_is_told_apart_whatever_is_checked_first(
    tmp_path: Path, reverse: bool
) -> None:
    """The reader checks a row's ``sp_id`` before its ``rp_id``: a row of another part with
    a blank ``sp_id`` was listed and counted as if its part could not be told, though its
    ``rp_id`` tells it. Columns in another order change nothing."""
    header = LABELED.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
    order = header[::-1] if reverse else header

    cells = ["I failed again.", "Ouch.", "1", "", "0", "", "0", ""]
    rows = [[f"s{i}", f"r{i}", *cells] for i in range(40)]
    rows[5][0] = ""
    lines = [order, *([dict(zip(header, r, strict=True))[n] for n in order] for r in rows)]
    path = tmp_path / "forty.csv"
    path.write_text("".join(",".join(line) + "\n" for line in lines), encoding="utf-8")
    parts = {part: model_split_ids(path, _manifest(7), part) for part in SPLIT_PARTS}
    own = next(part for part in SPLIT_PARTS if "r5" in parts[part])
    for other in (part for part in SPLIT_PARTS if part != own):
        with RejectLog(tmp_path / f"{other}.jsonl") as log:
            report = evaluate(path, TableAnalyzer(), ids=parts[other], split=other, rejects=log)
        assert report.rejected == 0 and report.n_pairs == len(parts[other])
        assert _rejects(tmp_path / f"{other}.jsonl") == []
    with RejectLog(tmp_path / "own.jsonl") as log:
        report = evaluate(path, TableAnalyzer(), ids=parts[own], split=own, rejects=log)
    assert report.rejected_rows == 1
    assert [(e["line"], e["field"], e["reason"]) for e in _rejects(tmp_path / "own.jsonl")] == [
        (7, "sp_id", "missing id")  # the header is line 1
    ]


def test_model_split_ids_warn_when_the_data_differs(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="carelens"):
        model_split_ids(LABELED, _manifest(3, data_sha="0" * 64), "test")
    assert "not the file this model was trained on" in caplog.text


def test_model_split_ids_need_a_training_record() -> None:
    with pytest.raises(ModelError, match="no training config"):
        model_split_ids(LABELED, {}, "test")
    with pytest.raises(InputError, match="unknown split part"):
        model_split_ids(LABELED, _manifest(1), "validation")


def _copies(tmp_path: Path) -> list[Path]:
    """The labelled fixture with a UTF-8 byte-order mark, and as TSV."""
    text = LABELED.read_text(encoding="utf-8")
    bom = tmp_path / "bom.csv"
    bom.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    tsv = tmp_path / "labeled.tsv"
    with tsv.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter="\t").writerows(csv.reader(io.StringIO(text)))
    return [bom, tsv]


def test_split_reads_every_file_evaluate_reads(tmp_path: Path) -> None:
    expected = {part: model_split_ids(LABELED, _manifest(7), part) for part in SPLIT_PARTS}
    assert set().union(*expected.values()) == {"q1", "q2", "q3", "q4", "q5"}
    for path in _copies(tmp_path):
        assert evaluate(path, TableAnalyzer()).n_pairs == 5
        got = {part: model_split_ids(path, _manifest(7), part) for part in SPLIT_PARTS}
        assert got == expected, path.name


def _rejects(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_a_row_with_a_bad_byte_keeps_its_place_in_the_split(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """One Latin-1 byte is one rejected row, for the split as for the scores, never the
    file; and it keeps its place in the split, so no other row changes part: left out, its
    seeker post was missing from the posts the split shuffles, and a list one shorter was
    shuffled into other parts."""
    rows = [f"s{i},r{i},I failed again {i}.,That must sting.,1,,0,,0,\n" for i in range(40)]
    header = LABELED.read_text(encoding="utf-8").split("\n", 1)[0] + "\n"
    secret = "my private words"
    clean, bad = tmp_path / "clean.csv", tmp_path / "latin1.csv"
    clean.write_text(header + "".join(rows), encoding="utf-8")
    expected = {part: model_split_ids(clean, _manifest(7), part) for part in SPLIT_PARTS}
    test_row = min(int(rp[1:]) for rp in expected["test"])
    rows[test_row] = f"s{test_row},r{test_row},{secret},caf\xe9,1,,0,,0,\n"
    bad.write_bytes((header + "".join(rows)).encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="carelens"):
        got = {part: model_split_ids(bad, _manifest(7), part) for part in SPLIT_PARTS}
    assert got == expected
    assert "1 rows hold bytes that are not UTF-8" in caplog.text
    assert secret not in caplog.text

    with RejectLog(tmp_path / "test.jsonl") as log:
        analyzer = TableAnalyzer()
        report = evaluate(bad, analyzer, ids=got["test"], split="test", rejects=log)
    assert sorted(analyzer.asked) == sorted(expected["test"] - {f"r{test_row}"})
    assert report.rejected_rows == 1
    [entry] = _rejects(tmp_path / "test.jsonl")
    assert (entry["path"], entry["line"], entry["field"], entry["reason"]) == (
        str(bad),
        test_row + 2,  # the header is line 1
        "response_post",
        "invalid UTF-8",
    )
    assert entry["detail"] == (
        "invalid byte 0xe9 at character offset 3 of the field; the file looks like "
        "Windows-1252 (Excel's 'CSV (Comma delimited)'): save it as 'CSV UTF-8' and run again"
    )
    # Its part can be told, so the other parts do not list it.
    with RejectLog(tmp_path / "dev.jsonl") as log:
        assert evaluate(bad, TableAnalyzer(), ids=got["dev"], rejects=log).rejected == 0
    assert _rejects(tmp_path / "dev.jsonl") == []


@pytest.mark.shared_data
def test_one_bad_byte_in_the_epitome_file_changes_no_other_rows_part(
    tmp_path: Path, shared_data: Path
) -> None:
    """A copy of the EPITOME file with one bad byte: the test part is the clean file's, and
    what evaluate scores of it is the clean file's less the bad row, which is rejected with
    its file, line and field (it was taken out of the split, which changed about half of
    the test part)."""
    epitome = shared_data / "epitome-reddit" / "epitome_reddit_public.csv"
    if not epitome.is_file():
        pytest.skip(f"the EPITOME file is not in the shared data ({epitome})")
    config = {"seed": 13, "dev_fraction": 0.1, "test_fraction": 0.2}  # the shipped model's
    manifest = {"training": {"config": config, "split": {"seed": 13}}}
    clean_test = model_split_ids(epitome, manifest, "test")
    sp_of = {
        pair.response.id: pair.seeker.id
        for _, pair in labelled_pairs(labelled_context(epitome, RejectLog()))
    }
    # Corrupt one byte of a test row whose seeker post has no other response, so that
    # leaving it out of the split would take its post out of the shuffle.
    counts = Counter(sp_of.values())
    target = min(rp for rp in clean_test if counts[sp_of[rp]] == 1)
    lines = epitome.read_bytes().split(b"\n")
    line = next(i for i, raw in enumerate(lines) if raw.split(b",")[1:2] == [target.encode()])
    lines[line] = lines[line].replace(b" ", b"\xff", 1)
    bad = tmp_path / "epitome_bad_byte.csv"
    bad.write_bytes(b"\n".join(lines))

    bad_test = model_split_ids(bad, manifest, "test")
    assert bad_test == clean_test
    with RejectLog(tmp_path / "rejects.jsonl") as log:
        analyzer = TableAnalyzer()
        evaluate(bad, analyzer, ids=bad_test, split="test", rejects=log)
    assert {sp_of[rp] for rp in analyzer.asked} == {sp_of[rp] for rp in clean_test} - {
        sp_of[target]
    }
    [entry] = _rejects(tmp_path / "rejects.jsonl")
    assert (entry["path"], entry["line"], entry["reason"]) == (str(bad), line + 1, "invalid UTF-8")
    assert entry["field"] in ("seeker_post", "response_post")


def test_split_refuses_what_evaluate_refuses(tmp_path: Path) -> None:
    doubled = tmp_path / "doubled.csv"
    header, rest = LABELED.read_text(encoding="utf-8").split("\n", 1)
    doubled.write_text(f"{header},rp_id\n{rest}", encoding="utf-8")
    thread = tmp_path / "thread.csv"
    thread.write_text("message_id,parent_id,text\nm1,,Hello.\n", encoding="utf-8")
    for path, message in ((doubled, "'rp_id' 2 times"), (thread, "not a thread")):
        with pytest.raises(InputError, match=message):
            evaluate(path, TableAnalyzer())
        with pytest.raises(InputError, match=message):
            model_split_ids(path, _manifest(1), "test")
    with pytest.raises(InputError, match="no such file"):
        model_split_ids(tmp_path / "absent.csv", _manifest(1), "test")


HEADER = "sp_id,rp_id,seeker_post,response_post,{}\n"
LEVELS = "emotional_reactions_level,interpretations_level,explorations_level"


def _csv(tmp_path: Path, rows: str, columns: str = LEVELS) -> Path:
    path = tmp_path / "labels.csv"
    path.write_text(HEADER.format(columns) + rows, encoding="utf-8")
    return path


# Three rows, every level cell invalid: 9 rejects in 3 rows.
ALL_INVALID = (
    "a1,b1,I lost my wallet on the bus.,That is a pain. Did you call them?,x,y,z\n"
    "a2,b2,My tooth aches all day.,Ouch. Have you seen a dentist?,3,,-1\n"
    "a3,b3,Nobody came to my party.,That hurts. Who did you invite?,one,two,three\n"
)


def test_a_file_without_a_valid_level_has_no_figures_and_can_be_refused(tmp_path: Path) -> None:
    path = _csv(tmp_path, ALL_INVALID)
    analyzer = TableAnalyzer()
    with RejectLog(tmp_path / "rejects.jsonl") as log:
        report = evaluate(path, analyzer, rejects=log)
    assert analyzer.asked == []  # a pair without any valid level is not scored
    assert report.n_pairs == 0
    assert (report.rejected, report.rejected_levels, report.rows_with_rejected_levels) == (9, 9, 3)
    assert report.rejected_rows == 0
    assert report.unscored == DIMS
    for m in report.mechanisms:
        assert m.n == 0 and m.n_rationales == 0
        figures = (m.accuracy, m.macro_f1, m.macro_f1_interval, m.ece, m.token_f1, m.iou_f1)
        assert figures == (None,) * 6  # no figure, never a 0.0
    data = json.loads(json.dumps(report.to_dict()))
    assert data["mechanisms"]["exploration"]["accuracy"] is None
    assert data["mechanisms"]["exploration"]["macro_f1_interval"] is None
    # The reject log holds one entry per level cell, as the report counts them.
    entries = [json.loads(x) for x in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert len(entries) == 9 and {e["line"] for e in entries} == {2, 3, 4}
    with pytest.raises(InputError, match="none of the 3 rows has a valid level") as caught:
        evaluate(path, TableAnalyzer(), require_scores=True)
    assert "9 invalid level cells" in str(caught.value)


def test_no_row_in_the_requested_part_can_be_refused(tmp_path: Path) -> None:
    report = evaluate(LABELED, TableAnalyzer(), ids=set(), split="dev")
    assert report.n_pairs == 0 and report.unscored == DIMS
    with pytest.raises(InputError, match="no row of the file is in the dev part"):
        evaluate(LABELED, TableAnalyzer(), ids=set(), split="dev", require_scores=True)
    with pytest.raises(InputError, match="no row of the file is in the requested set"):
        evaluate(LABELED, TableAnalyzer(), ids={"nobody"}, require_scores=True)


def test_rows_the_reader_rejects_are_told_apart_from_level_cells(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "a1,b1,I lost my wallet on the bus.,That is a pain. Did you call them?,1,x,0\n"
        "a2,b2,My tooth aches all day.,too,few,fields\n"
        "a3,b3,Nobody came to my party.,That hurts. Who did you invite?,0,0,1\n",
    )
    analyzer = TableAnalyzer()
    report = evaluate(path, analyzer)
    assert analyzer.asked == ["b1", "b3"]
    assert report.n_pairs == 2
    assert (report.rejected, report.rejected_rows, report.rejected_levels) == (2, 1, 1)
    assert report.rows_with_rejected_levels == 1
    assert [m.n for m in report.mechanisms] == [2, 1, 2]
    with pytest.raises(InputError, match=r"no labelled pairs .*every row was rejected \(1\)"):
        evaluate(_csv(tmp_path, "a2,b2,only,three\n"), TableAnalyzer())


def test_a_mechanism_without_valid_levels_has_no_figures(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "a1,b1,I lost my wallet on the bus.,That is a pain. Did you call them?,1,0,\n"
        "a3,b3,Nobody came to my party.,That hurts. Who did you invite?,0,1,?\n",
    )
    report = evaluate(path, TableAnalyzer(), require_scores=True)
    assert report.n_pairs == 2 and report.unscored == ("exploration",)
    assert report["exploration"].accuracy is None
    assert report["emotional_reaction"].accuracy == pytest.approx(0.5)


def test_a_column_named_twice_is_an_input_error(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "a1,b1,I lost my wallet on the bus.,That is a pain.,1,0\n",
        columns="explorations_level, explorations_level",
    )
    with pytest.raises(InputError, match="names the column 'explorations_level' 2 times") as info:
        evaluate(path, TableAnalyzer())
    assert (info.value.line, info.value.field) == (1, "explorations_level")
    tsv = tmp_path / "labels.tsv"
    tsv.write_text("sp_id\trp_id\tseeker_post\tresponse_post\trp_id\texplorations_level\n", "utf-8")
    with pytest.raises(InputError, match="'rp_id' 2 times"):
        evaluate(tsv, TableAnalyzer())


def test_rationale_parts_not_in_the_response_are_counted(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "a1,b1,I lost my wallet on the bus.,That is a pain. Did you call them?,0,"
        "Did you call them?|Did you phone them?|\n"
        "a3,b3,Nobody came to my party.,That hurts.,0,not said here\n",
        columns="explorations_level,explorations_rationales",
    )
    report = evaluate(path, TableAnalyzer())
    assert (report.rationale_parts, report.rationale_parts_not_found) == (3, 2)
    assert report.to_dict()["rationale_parts_not_found"] == 2
    assert report["exploration"].n_rationales == 1  # b3 has no gold rationale left
    # The labelled fixture's rationales are all in their responses.
    assert evaluate(LABELED, TableAnalyzer()).rationale_parts_not_found == 0


def test_annotations_without_styles_have_no_style_figures(tmp_path: Path) -> None:
    from carelens.taxonomy_evaluation import evaluate_annotations

    labels = {
        "sympathy": 1, "reflection": 0, "compassion": 0, "dismissive": 0,
        "advice": 0, "self_focus": 0, "seeker_distress": 1, "crisis": 0,
    }  # fmt: skip
    annotations = tmp_path / "gold.jsonl"
    annotations.write_text(
        json.dumps(
            {"rp_id": "q2", "sp_id": "p2", "part": "test", "annotator": "T",
             "labels": labels, "rationales": {}}
        ) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    report = evaluate_annotations(LABELED, annotations, TableAnalyzer(), part="all")
    assert (report.style_accuracy, report.style_macro_f1) == (None, None)
    assert report.dimensions == ()  # the table analyzer scores no taxonomy dimension
    doubled = tmp_path / "doubled.csv"
    header, rest = LABELED.read_text(encoding="utf-8").split("\n", 1)
    doubled.write_text(f"{header},rp_id\n{rest}", encoding="utf-8")
    with pytest.raises(InputError, match="'rp_id' 2 times"):
        evaluate_annotations(doubled, annotations, TableAnalyzer(), part="all")


GOLD_LABELS = {
    "sympathy": 0, "reflection": 0, "compassion": 0, "dismissive": 0,
    "advice": 0, "self_focus": 0, "seeker_distress": 1, "crisis": 0,
}  # fmt: skip


def _gold_record(rp_id: str, part: str = "test", **changes: object) -> dict[str, object]:
    record: dict[str, object] = {
        "rp_id": rp_id, "sp_id": "p" + rp_id[1:], "part": part, "annotator": "T",
        "labels": GOLD_LABELS, "rationales": {},
    }  # fmt: skip
    return record | changes


def _gold(tmp_path: Path, *rp_ids: str, part: str = "test") -> Path:
    path = tmp_path / "gold.jsonl"
    lines = [json.dumps(_gold_record(rp_id, part)) for rp_id in rp_ids]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_annotations_read_every_file_evaluate_reads(tmp_path: Path) -> None:
    from carelens.taxonomy_evaluation import evaluate_annotations

    gold = _gold(tmp_path, "q1", "q2", "q4")
    analyzer = carelens.load()
    expected = evaluate_annotations(LABELED, gold, analyzer, part="all").to_dict()
    assert expected["n_pairs"] == 3
    for path in _copies(tmp_path):
        assert evaluate_annotations(path, gold, analyzer, part="all").to_dict() == expected


def test_the_crisis_row_leaves_out_posts_the_crisis_model_learned_from(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A model split with another seed can have, in its test part, responses whose seeker
    posts the crisis-wording model trained on (stored parts train and dev)."""
    from carelens.taxonomy_evaluation import evaluate_annotations

    gold = tmp_path / "gold.jsonl"
    parts = {"q1": "train", "q2": "dev", "q3": "test", "q4": "test", "q5": "train"}
    lines = [json.dumps(_gold_record(rp_id, part)) for rp_id, part in parts.items()]
    gold.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    analyzer = carelens.load(threads=1)
    with caplog.at_level(logging.WARNING, logger="carelens.taxonomy_evaluation"):
        report = evaluate_annotations(LABELED, gold, analyzer, part="all")
    crisis = {b.name: b for b in report.binary}["crisis"]
    assert report.n_pairs == 5 and crisis.n == 2  # q3 and q4 only
    assert "3 annotated responses of the all part answer seeker posts" in caplog.text


def test_annotations_of_rejected_rows_are_input_errors(tmp_path: Path) -> None:
    from carelens.taxonomy_evaluation import evaluate_annotations

    path = tmp_path / "latin1.csv"
    path.write_bytes(LABELED.read_bytes() + b"p9,q9,Lost.,caf\xe9,1,,0,,0,\n")
    with pytest.raises(InputError, match=r"not in the data file \(1 of its rows were rejected"):
        evaluate_annotations(path, _gold(tmp_path, "q1", "q9"), TableAnalyzer(), part="all")


def _with_level(tmp_path: Path, column: str, cell: str) -> Path:
    """The labelled fixture with q4's ``<column>_level`` cell (line 5) replaced."""
    with LABELED.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if row["rp_id"] == "q4":
            row[f"{column}_level"] = cell
    path = tmp_path / f"{column}.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.DictWriter(fh, fieldnames=list(rows[0]))
        out.writeheader()
        out.writerows(rows)
    return path


@pytest.mark.parametrize(
    ("column", "left_out_of"),
    [
        ("emotional_reactions", "style"),  # the gold style needs all three levels
        ("interpretations", "empathy and style"),  # the empathy gold needs two of them
        ("explorations", "empathy and style"),
    ],
)
def test_a_bad_level_cell_leaves_the_annotated_pair_out_of_what_needs_it_only(
    tmp_path: Path, column: str, left_out_of: str
) -> None:
    from carelens.taxonomy_evaluation import evaluate_annotations

    gold = _gold(tmp_path, "q1", "q2", "q4")
    analyzer = carelens.load()
    clean = evaluate_annotations(LABELED, gold, analyzer, part="all")
    data = _with_level(tmp_path, column, "2.0")
    rejects = tmp_path / "rejects.jsonl"
    with RejectLog(rejects) as log:
        report = evaluate_annotations(data, gold, analyzer, part="all", rejects=log)
    assert (report.n_pairs, report.rejected, report.rejected_levels) == (3, 0, 1)
    (entry,) = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    assert (entry["path"], entry["line"], entry["field"]) == (str(data), 5, f"{column}_level")
    assert entry["detail"].endswith(f"left out of the gold {left_out_of}")
    needs_empathy = "empathy" in left_out_of
    assert report["empathy"].n == 3 - needs_empathy
    for name in ("sympathy", "reflection", "compassion", "dismissive", "seeker_distress"):
        assert report[name].to_dict() == clean[name].to_dict()  # scored as before
    assert report.to_dict()["binary"] == clean.to_dict()["binary"]
    # The style is scored on the two other pairs only.
    others = evaluate_annotations(LABELED, _gold(tmp_path, "q1", "q2"), analyzer, part="all")
    assert report.style_accuracy is not None
    assert (report.style_accuracy, report.style_macro_f1) == (
        others.style_accuracy,
        others.style_macro_f1,
    )


def test_one_bad_level_cell_is_one_line_of_a_rejects_file_both_scorings_share(
    tmp_path: Path,
) -> None:
    """As ``carelens evaluate --annotations --rejects`` runs them: the EPITOME scores and the
    taxonomy scores into one log. q4's bad cell leaves it out of both; it is listed once,
    and counted by both reports."""
    from carelens.taxonomy_evaluation import evaluate_annotations

    data = _with_level(tmp_path, "interpretations", "7")
    gold = _gold(tmp_path, "q1", "q4")
    rejects = tmp_path / "rejects.jsonl"
    with RejectLog(rejects) as log:
        report = evaluate(data, TableAnalyzer(), rejects=log)
        taxonomy = evaluate_annotations(
            data, gold, TableAnalyzer(), part="all", rejects=log, listed=report.rejected_cells
        )
    entries = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(e["path"], e["line"], e["field"], e["reason"]) for e in entries] == [
        (str(data), 5, "interpretations_level", "invalid field value"),  # q4, annotated
        (str(data), 6, "emotional_reactions_level", "invalid field value"),  # q5, not
    ]
    assert report.rejected_cells == {(5, "interpretations_level"), (6, "emotional_reactions_level")}
    assert (report.rejected, report.rejected_levels) == (2, 2)
    assert (taxonomy.n_pairs, taxonomy.rejected, taxonomy.rejected_levels) == (2, 0, 1)


def test_repeated_and_bad_annotation_lines_are_rejected_and_the_rest_scored(
    tmp_path: Path,
) -> None:
    from carelens.taxonomy_evaluation import evaluate_annotations

    sympathy_2 = GOLD_LABELS | {"sympathy": 2}
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(
        b"\xef\xbb\xbf"  # a byte-order mark, accepted as the CSVs accept one
        + json.dumps(_gold_record("q1")).encode() + b"\n"
        + json.dumps(_gold_record("q2")).encode() + b"\n"
        + json.dumps(_gold_record("q2", labels=sympathy_2)).encode() + b"\n"
        + json.dumps(_gold_record("q3", rationales=[[0, 5]])).encode() + b"\n"
        + json.dumps(_gold_record("q4", codebook="taxonomy-v9")).encode() + b"\n"
        + json.dumps(_gold_record("q5", annotator="Ren\u00e9"), ensure_ascii=False)
        .encode("latin-1") + b"\n"
    )  # fmt: skip
    rejects = tmp_path / "rejects.jsonl"
    analyzer = TableAnalyzer()
    with RejectLog(rejects) as log:
        report = evaluate_annotations(LABELED, gold, analyzer, part="all", rejects=log)
    assert analyzer.asked == ["q1", "q2"]  # the repeated q2 once: the first line's
    assert (report.n_pairs, report.rejected) == (2, 4)
    assert report.to_dict()["rejected"] == 4
    entries = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(e["path"], e["line"], e["field"], e["reason"]) for e in entries] == [
        (str(gold), 3, "rp_id", "duplicate id"),
        (str(gold), 4, "rationales", "invalid field value"),
        (str(gold), 5, "codebook", "invalid field value"),
        (str(gold), 6, None, "invalid UTF-8"),
    ]


def test_annotations_that_do_not_fit_their_row_are_rejected(tmp_path: Path) -> None:
    from carelens.taxonomy_evaluation import evaluate_annotations

    gold = tmp_path / "gold.jsonl"
    records = [
        _gold_record("q1", rationales={"sympathy": [[0, 500]]}),  # past the response's end
        _gold_record("q2", crisis_evidence=[[0, 27]]),  # "My best friend moved away." is 26
        _gold_record("q3", sp_id="p9"),  # not the row's seeker post
        _gold_record("q4", rationales={"sympathy": [[0, 17]]}),  # "That must be hard"
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    log = RejectLog(tmp_path / "rejects.jsonl")
    with log:
        report = evaluate_annotations(LABELED, gold, TableAnalyzer(), part="all", rejects=log)
    assert (report.n_pairs, report.rejected) == (1, 3)
    entries = [json.loads(x) for x in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert [(e["line"], e["field"]) for e in entries] == [
        (1, "rationales.sympathy"),
        (2, "crisis_evidence"),
        (3, "sp_id"),
    ]
    assert "past the end of the response (53 characters)" in entries[0]["detail"]
    with pytest.raises(InputError, match=r"no annotations in part 'all' \(1 rejected"):
        evaluate_annotations(LABELED, _write(tmp_path, records[:1]), TableAnalyzer(), part="all")


def _write(tmp_path: Path, records: Sequence[dict[str, object]]) -> Path:
    path = tmp_path / "some.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


class SplitAnalyzer(TableAnalyzer):
    """The table analyzer with a model manifest, whose split is seeded with ``seed``."""

    def __init__(self, seed: int) -> None:
        super().__init__()
        self.artifact = SimpleNamespace(manifest=_manifest(seed))


def test_annotations_are_chosen_by_the_models_split_not_their_stored_part(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from carelens.taxonomy_evaluation import evaluate_annotations

    # Every annotation stored as "dev" (the core model's split): a model trained with
    # another seed has its own dev and test parts, and they decide.
    gold = _gold(tmp_path, "q1", "q2", "q3", "q4", "q5", part="dev")
    seen = set()
    for seed in (1, 2, 3, 4, 5):
        for part in SPLIT_PARTS:
            ids = model_split_ids(LABELED, _manifest(seed), part)
            if not ids:
                continue
            analyzer = SplitAnalyzer(seed)
            caplog.clear()
            with caplog.at_level(logging.WARNING, logger="carelens.taxonomy_evaluation"):
                report = evaluate_annotations(LABELED, gold, analyzer, part=part)
            assert set(analyzer.asked) == ids and report.n_pairs == len(ids)
            assert report.part == part
            if part != "dev":
                assert f"{len(ids)} annotated responses in its {part} part" in caplog.text
            seen.add(tuple(sorted(ids)))
            # The same with the ids given, as evaluate --split passes them.
            given = evaluate_annotations(LABELED, gold, TableAnalyzer(), part=part, ids=ids)
            assert given.n_pairs == len(ids)
    assert len(seen) > 3  # the seeds put different responses in the parts
    with pytest.raises(ModelError, match="no model manifest"):
        evaluate_annotations(LABELED, gold, TableAnalyzer(), part="test")
    with pytest.raises(InputError, match="unknown split part 'tset'"):
        evaluate_annotations(LABELED, gold, TableAnalyzer(), part="tset")


def test_annotations_stored_as_the_part_but_not_in_the_file_are_input_errors(
    tmp_path: Path,
) -> None:
    from carelens.taxonomy_evaluation import evaluate_annotations

    gold = _gold(tmp_path, "q1", "q2", "zz9", part="test")
    with pytest.raises(InputError, match=r"not in the data file \(first: zz9\)"):
        evaluate_annotations(LABELED, gold, TableAnalyzer(), part="test", ids={"q1"})


def test_a_folder_is_named_as_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="this is a folder") as info:
        evaluate(tmp_path, TableAnalyzer())
    assert info.value.path == str(tmp_path)


class ChunkSpy:
    """A real analyzer, wrapped: notes how many pairs each ``predict`` call is given (the
    chunk), and passes everything else through (its ``batch_size`` too)."""

    def __init__(self, analyzer: Any) -> None:
        self.analyzer = analyzer
        self.chunks: list[int] = []

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]:
        self.chunks.append(len(pairs))
        return list(self.analyzer.predict(pairs))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.analyzer, name)


def _many_labelled(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "many.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["sp_id", "rp_id", "seeker_post", "response_post", "explorations_level"])
        for i in range(n):
            seeker = f"I failed my driving test again, the {i}th time."
            writer.writerow([f"p{i}", f"q{i}", seeker, "That sounds hard. What happened?", i % 3])
    return path


def test_evaluation_chunks_as_analyze_does_at_any_batch_size(tmp_path: Path) -> None:
    """With a batch size over 256, `analyze` takes chunks of the batch size (a pair's results
    depend on its chunk); `evaluate` and the annotations' scoring take the same, not 256 or
    128 pairs, so their figures are those of the records `analyze --batch-size` writes."""
    from carelens.output import analyze_file
    from carelens.taxonomy_evaluation import evaluate_annotations

    labelled = _many_labelled(tmp_path, 310)
    analyzer = carelens.load(threads=1, batch_size=300)
    analyzed = ChunkSpy(analyzer)
    analyze_file(labelled, analyzed, tmp_path / "out.jsonl", rejects=RejectLog())
    assert analyzed.chunks == [300, 10]
    evaluated = ChunkSpy(analyzer)
    assert evaluate(labelled, evaluated).n_pairs == 310
    assert evaluated.chunks == analyzed.chunks
    gold = _gold(tmp_path, *(f"q{i}" for i in range(310)))
    annotated = ChunkSpy(analyzer)
    assert evaluate_annotations(labelled, gold, annotated, part="all").n_pairs == 310
    assert annotated.chunks == analyzed.chunks
