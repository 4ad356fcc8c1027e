"""Training data: EPITOME rows with unknown taxonomy labels, annotations attached, BOLT rows.

Torch-free: ``carelens.training.data`` needs only numpy and the tokenizer.
"""

from __future__ import annotations

import csv
import json
import logging
from pathlib import Path

import numpy as np
import pytest

from carelens.annotations import Annotation
from carelens.errors import ConfigError, InputError
from carelens.taxonomy import RESPONSE_DIMENSIONS
from carelens.training.data import (
    UNKNOWN,
    attach_annotations,
    check_epitome_header,
    check_held_out,
    load_bolt,
    load_epitome,
    split_by_seeker,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "cli" / "train.csv"
INDEX = {name: d for d, name in enumerate(RESPONSE_DIMENSIONS)}


def test_epitome_rows_know_only_the_three_mechanisms() -> None:
    pairs = load_epitome(DATA)
    assert pairs
    for p in pairs:
        assert len(p.levels) == len(p.rationale_masks) == len(RESPONSE_DIMENSIONS)
        assert all(level in (0, 1, 2) for level in p.levels[:3])
        assert all(level == UNKNOWN for level in p.levels[3:])
        assert p.seeker_distress == UNKNOWN and not p.annotated


def test_annotations_fill_the_taxonomy_labels_and_rationales() -> None:
    pairs = load_epitome(DATA)
    target = pairs[0]
    annotation = Annotation(
        rp_id=target.rp_id,
        sp_id=target.sp_id,
        part="train",
        annotator="T",
        labels={
            "sympathy": 2, "reflection": 0, "compassion": 1, "dismissive": 0,
            "advice": 1, "self_focus": 0, "seeker_distress": 2, "crisis": 0,
        },
        rationales={"sympathy": ((0, 4),), "compassion": ((5, 9),)},
    )  # fmt: skip
    out = attach_annotations(pairs, [annotation])
    assert out[1:] == pairs[1:]
    got = out[0]
    assert got.annotated and got.seeker_distress == 2 and got.flags == (1, 0)
    assert got.levels[:3] == target.levels[:3]
    assert got.levels[INDEX["sympathy"]] == 2 and got.levels[INDEX["compassion"]] == 1
    assert got.rationale_masks[INDEX["sympathy"]][:4].all()
    assert not got.rationale_masks[INDEX["sympathy"]][4:].any()
    assert got.rationale_masks[INDEX["compassion"]][5:9].all()
    assert not got.rationale_masks[INDEX["reflection"]].any()


def test_split_keeps_seeker_posts_whole() -> None:
    pairs = load_epitome(DATA)
    train, dev, test = split_by_seeker(pairs, seed=13, dev=0.2, test=0.2)
    assert len(train) + len(dev) + len(test) == len(pairs)
    seekers = [{p.sp_id for p in part} for part in (train, dev, test)]
    assert not (seekers[0] & seekers[1] or seekers[0] & seekers[2] or seekers[1] & seekers[2])


@pytest.mark.parametrize(
    ("dev", "test"),
    [(1.5, 0.2), (-0.1, 0.2), (0.0, 0.2), (0.1, 1.0), (0.5, 0.5), (float("nan"), 0.2)],
)
def test_split_refuses_fractions_that_leave_a_part_empty_or_overflow(
    dev: float, test: float
) -> None:
    with pytest.raises(ConfigError, match="must each be above 0 and below 1"):
        split_by_seeker(load_epitome(DATA), seed=13, dev=dev, test=test)


HEADER = (
    "sp_id,rp_id,seeker_post,response_post,emotional_reactions_level,"
    "interpretations_level,explorations_level\n"
)


@pytest.mark.parametrize(
    ("row", "column", "says"),
    [
        ("s2,r2,Rough week,Sounds hard,1,x,0", "interpretations_level", "the level is 'x'"),
        ("s2,r2,Rough week,Sounds hard,1,0,", "explorations_level", "the level is empty"),
        ("s2,r2,Rough week,Sounds hard,3,0,0", "emotional_reactions_level", "the level is '3'"),
        ("s2,r2,Rough week,Sounds hard,-1,0,0", "emotional_reactions_level", "is '-1'"),
        ("s2,r2,Rough week,Sounds hard,1,0,quite a lot", "explorations_level", "is text"),
    ],
)
def test_a_level_that_is_not_0_1_or_2_names_the_file_line_and_column(
    tmp_path: Path, row: str, column: str, says: str
) -> None:
    path = tmp_path / "labels.csv"
    # The first row spans two lines: the bad row starts on line 4.
    first = 's1,r1,I lost my keys,"Oh no,\nthat is annoying",1,0,1\n'
    path.write_text(HEADER + first + row + "\n" + row.replace("s2,r2", "s3,r3") + "\n")
    with pytest.raises(InputError) as caught:
        load_epitome(path)
    error = caught.value
    assert (error.path, error.line, error.field) == (str(path), 4, column)
    assert says in str(error) and "2 row(s)" in str(error)
    assert "quite" not in str(error)  # a long cell may be text: never quoted


def test_a_file_not_in_the_epitome_layout_quotes_only_a_csv_header(tmp_path: Path) -> None:
    jsonl = tmp_path / "pairs.jsonl"
    jsonl.write_text('{"sp_id": "s1", "seeker_post": "my private words, here"}\n')
    for every_level in (True, False):
        with pytest.raises(InputError, match="expected a CSV in the EPITOME layout") as caught:
            check_epitome_header(jsonl, every_level=every_level)
        assert "private" not in str(caught.value) and "sp_id" in str(caught.value)
        assert "first line is no header" in str(caught.value)
    with pytest.raises(InputError, match="EPITOME layout"):
        load_epitome(jsonl)
    singular = tmp_path / "singular.csv"
    singular.write_text(HEADER.replace("emotional_reactions_", "emotional_reaction_"))
    with pytest.raises(InputError) as caught:
        check_epitome_header(singular)
    message = str(caught.value)
    assert "its header has sp_id, rp_id" in message and "emotional_reaction_level" in message
    assert "(missing: emotional_reactions_level)" in message
    # One level column is enough for scoring (fit-spans, evaluate), not for training.
    assert "sp_id" in check_epitome_header(singular, every_level=False)
    binary = tmp_path / "data.csv"
    binary.write_bytes(b"\xff\xfe\x00secret")
    with pytest.raises(InputError, match="not UTF-8 text") as caught:
        check_epitome_header(binary)
    assert "secret" not in str(caught.value)


def _bolt(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    path = tmp_path / "bolt.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["prompt", "completion"])
        writer.writerows(rows)
    return path


def test_bolt_utterances_label_reflection_and_compassion_only(tmp_path: Path) -> None:
    path = _bolt(
        tmp_path,
        [
            ("You feel torn between staying and leaving.", "Reflections on Emotions"),
            ("Let's list what you could try this week.", "Planning"),
            ("What was that like for you?", "Questions on Experiences"),
        ],
    )
    reflection, planning, question = load_bolt(path)
    assert reflection.seeker == "" and reflection.sp_id != planning.sp_id
    assert reflection.levels[INDEX["reflection"]] == 2
    assert reflection.levels[INDEX["compassion"]] == 0
    assert reflection.rationale_masks[INDEX["reflection"]].all()
    assert planning.levels[INDEX["compassion"]] == 1
    assert planning.levels[INDEX["reflection"]] == 0
    assert question.levels[INDEX["dismissive"]] == 0
    for p in (reflection, planning, question):
        assert p.levels[INDEX["sympathy"]] == UNKNOWN and p.levels[0] == UNKNOWN


def test_bolt_unknown_behaviour_names_the_line(tmp_path: Path) -> None:
    path = _bolt(tmp_path, [("Fine.", "Planning"), ("Hm.", "Telepathy")])
    with pytest.raises(InputError) as caught:
        load_bolt(path)
    assert caught.value.line == 3


def test_written_pairs_know_every_label(tmp_path: Path) -> None:
    from carelens.training.data import load_written_pairs

    labels = {name: 0 for name in RESPONSE_DIMENSIONS} | {
        "sympathy": 2, "advice": 0, "self_focus": 0, "seeker_distress": 1,
    }  # fmt: skip
    line = {
        "id": "s1-a",
        "seeker": "My cat died yesterday.",
        "response": "Losing her so suddenly, I'm so sorry.",
        "labels": labels,
        "rationales": {"sympathy": ["I'm so sorry"]},
    }
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    (pair,) = load_written_pairs(path)
    assert pair.annotated and UNKNOWN not in pair.levels
    assert pair.levels[INDEX["sympathy"]] == 2
    mask = pair.rationale_masks[INDEX["sympathy"]]
    start = line["response"].index("I'm so sorry")
    assert mask[start : start + len("I'm so sorry")].all() and mask.sum() == len("I'm so sorry")
    marked = dict(zip(RESPONSE_DIMENSIONS, pair.rationales_labelled, strict=True))
    assert marked == {name: name == "sympathy" for name in RESPONSE_DIMENSIONS}
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({**line, "labels": {**labels, "sympathy": 5}}) + "\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_written_pairs(bad)
    assert caught.value.line == 1


def test_written_rationale_keys_say_which_dimensions_were_marked(tmp_path: Path) -> None:
    """A dimension whose key is absent was not marked (its empty mask is no label); an empty
    list under a present key is a label: no word shows it."""
    from carelens.inference.artifact import default_model_dir
    from carelens.inference.encoding import PairEncoder
    from carelens.training.data import encode_labeled, load_written_pairs

    labels = {name: 0 for name in RESPONSE_DIMENSIONS} | {
        "emotional_reaction": 1, "advice": 0, "self_focus": 0, "seeker_distress": 1,
    }  # fmt: skip
    line = {"id": "s1", "seeker": "Rough week.", "response": "Hugs, friend.", "labels": labels}
    old = {**line, "rationales": {"sympathy": []}}
    new = {**line, "id": "s2", "rationales": {name: [] for name in RESPONSE_DIMENSIONS}}
    new["rationales"]["emotional_reaction"] = ["Hugs"]
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in (old, new)), encoding="utf-8")
    first, second = load_written_pairs(path)
    er = INDEX["emotional_reaction"]
    assert not first.rationales_labelled[er] and first.rationales_labelled[INDEX["sympathy"]]
    assert all(second.rationales_labelled)
    encoder = PairEncoder.from_file(default_model_dir() / "tokenizer.json")
    _, targets = encode_labeled(encoder, [first, second])
    assert targets.rationales_labelled[:, er].tolist() == [0.0, 1.0]


def test_written_pairs_can_teach_only_some_labels(tmp_path: Path) -> None:
    """With ``labels``, every other level, flag, the distress and the other dimensions'
    rationales are unknown; the chosen ones are read as without it."""
    from carelens.inference.artifact import default_model_dir
    from carelens.inference.encoding import PairEncoder
    from carelens.training.data import encode_labeled, load_written_pairs

    labels = {name: 0 for name in RESPONSE_DIMENSIONS} | {
        "interpretation": 1, "emotional_reaction": 2, "advice": 1, "self_focus": 0,
        "seeker_distress": 2,
    }  # fmt: skip
    line = {
        "id": "s1",
        "seeker": "Nobody at work talks to me.",
        "response": "I get it. Being left out hurts.",
        "labels": labels,
        "rationales": {name: [] for name in RESPONSE_DIMENSIONS}
        | {"interpretation": ["I get it."], "emotional_reaction": ["hurts"]},
    }
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    (everything,) = load_written_pairs(path)
    (only,) = load_written_pairs(path, ("interpretation", "advice"))
    ip, er = INDEX["interpretation"], INDEX["emotional_reaction"]
    assert only.levels[ip] == everything.levels[ip] == 1
    assert [v for i, v in enumerate(only.levels) if i != ip] == [UNKNOWN] * 6
    assert only.flags == (1, UNKNOWN) and only.seeker_distress == UNKNOWN
    assert only.rationales_labelled == tuple(i == ip for i in range(len(RESPONSE_DIMENSIONS)))
    assert all(everything.rationales_labelled)
    encoder = PairEncoder.from_file(default_model_dir() / "tokenizer.json")
    _, targets = encode_labeled(encoder, [everything, only])
    assert targets.rationales_labelled[:, ip].tolist() == [1.0, 1.0]
    assert targets.rationales_labelled[:, er].tolist() == [1.0, 0.0]
    with pytest.raises(ValueError, match="unknown label"):
        load_written_pairs(path, ("empathy",))


def test_a_header_that_names_a_column_twice_is_refused_at_line_1(tmp_path: Path) -> None:
    """``csv.DictReader`` would keep the last of the two columns: trained on a guess."""
    path = tmp_path / "twice.csv"
    path.write_text(
        HEADER.replace("\n", ",response_post\n") + "s1,r1,I lost my keys,Oh no,1,0,1,Oh dear\n",
        encoding="utf-8",
    )
    for read in (load_epitome, check_epitome_header):
        with pytest.raises(InputError) as caught:
            read(path)
        error = caught.value
        assert (error.path, error.line, error.field) == (str(path), 1, "response_post")
        assert "names the column 'response_post' 2 times" in str(error)


def test_a_byte_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    rows = "s1,r1,I lost my keys,Oh no,1,0,1\n" + "s2,r2,Rough week,Caf\xe9 later?,1,0,1\n"
    path.write_bytes((HEADER + rows).encode("latin-1"))
    with pytest.raises(InputError) as caught:
        load_epitome(path)
    assert (caught.value.path, caught.value.line) == (str(path), 3)
    assert "byte 0xe9 is not UTF-8" in str(caught.value) and "Caf" not in str(caught.value)


def test_a_header_without_rows_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "header-only.csv"
    path.write_text(HEADER, encoding="utf-8")
    with pytest.raises(InputError, match="has a header but no rows") as caught:
        load_epitome(path)
    assert caught.value.path == str(path)


def test_bolt_reads_a_byte_order_mark_and_names_a_missing_column(tmp_path: Path) -> None:
    path = _bolt(tmp_path, [("You feel torn.", "Reflections on Emotions")])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    (pair,) = load_bolt(path)
    assert pair.levels[INDEX["reflection"]] == 2
    path.write_text("prompt,behaviour\nYou feel torn.,Reflections on Emotions\n", "utf-8")
    with pytest.raises(InputError, match=r"missing: completion\)") as caught:
        load_bolt(path)
    assert caught.value.line == 1
    path.write_bytes(b"prompt,completion\nCaf\xe9?,Planning\n")
    with pytest.raises(InputError, match="byte 0xe9 is not UTF-8") as caught:
        load_bolt(path)
    assert caught.value.line == 2


def test_bolt_names_the_empty_utterance_and_the_unknown_behaviour(tmp_path: Path) -> None:
    path = _bolt(tmp_path, [("Fine.", "Planning"), ("", "Planning")])
    with pytest.raises(InputError, match="the utterance is empty") as caught:
        load_bolt(path)
    assert (caught.value.line, caught.value.field) == (3, "prompt")
    path = _bolt(tmp_path, [("Hm.", "Telepathy")])
    with pytest.raises(InputError, match="unknown behaviour 'Telepathy'") as caught:
        load_bolt(path)
    assert caught.value.field == "completion"


GOOD_PAIR = {
    "id": "s1",
    "seeker": "My cat died yesterday.",
    "response": "I'm so sorry.",
    "labels": {name: 0 for name in RESPONSE_DIMENSIONS}
    | {"sympathy": 1, "advice": 0, "self_focus": 0, "seeker_distress": 1},
    "rationales": {"sympathy": ["so sorry"]},
}


@pytest.mark.parametrize(
    ("change", "field", "says"),
    [
        ({"labels": {**GOOD_PAIR["labels"], "sympathy": 1.5}}, "labels.sympathy", "not 1.5"),
        ({"labels": {**GOOD_PAIR["labels"], "sympathy": 1.0}}, "labels.sympathy", "not 1.0"),
        ({"labels": {**GOOD_PAIR["labels"], "advice": True}}, "labels.advice", "not true"),
        ({"labels": {**GOOD_PAIR["labels"], "advice": "1"}}, "labels.advice", "not a string"),
        ({"labels": {**GOOD_PAIR["labels"], "advice": 2}}, "labels.advice", "integer 0..1"),
        ({"response": None}, "response", "must be a string, not null"),
        ({"response": "  "}, "response", "the response is empty"),
        ({"seeker": None, "response": "Hi."}, "seeker", "must be a string"),
        ({"labels": None}, "labels", "must be an object of labels, not null"),
        ({"rationales": {"sympathy": "sorry"}}, "rationales.sympathy", "not a string"),
        ({"rationales": ["sorry"]}, "rationales", "not an array"),
        ({"rationales": {"sympathy": [3]}}, "rationales.sympathy[0]", "not a number"),
        ({"rationales": {"empathy": ["sorry"]}}, "rationales.empathy", "not a response dim"),
    ],
)
def test_a_written_pair_that_would_train_on_a_guess_names_the_line_and_field(
    tmp_path: Path, change: dict[str, object], field: str, says: str
) -> None:
    from carelens.training.data import load_written_pairs

    path = tmp_path / "pairs.jsonl"
    lines = [json.dumps(GOOD_PAIR), "", json.dumps({**GOOD_PAIR, **change})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_written_pairs(path)
    error = caught.value
    assert (error.path, error.line, error.field) == (str(path), 3, field), str(error)
    assert says in str(error)


def test_a_written_file_that_is_not_pairs_names_the_line(tmp_path: Path) -> None:
    from carelens.training.data import load_written_pairs

    path = tmp_path / "pairs.jsonl"
    without_seeker = {k: v for k, v in GOOD_PAIR.items() if k != "seeker"}
    for content, line, field, says in (
        (json.dumps(without_seeker) + "\n", 1, "seeker", "missing"),
        (json.dumps(GOOD_PAIR) + "\n[1, 2]\n", 2, None, "expected a JSON object, not an array"),
        (json.dumps(GOOD_PAIR) + "\n{bad\n", 2, None, "not valid JSON"),
    ):
        path.write_text(content, encoding="utf-8")
        with pytest.raises(InputError) as caught:
            load_written_pairs(path)
        assert (caught.value.line, caught.value.field) == (line, field), str(caught.value)
        assert says in str(caught.value)
    path.write_bytes(json.dumps(GOOD_PAIR).encode() + b"\n" + b'{"seeker": "Caf\xe9"}\n')
    with pytest.raises(InputError, match="byte 0xe9 is not UTF-8") as caught:
        load_written_pairs(path)
    assert caught.value.line == 2
    # A byte-order mark is no error.
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD_PAIR).encode() + b"\n")
    (pair,) = load_written_pairs(path)
    assert pair.levels[INDEX["sympathy"]] == 1


def test_a_bolt_file_without_utterances_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bolt.csv"
    path.write_text("prompt,completion\n", encoding="utf-8")
    with pytest.raises(InputError, match="has a header but no rows") as caught:
        load_bolt(path)
    assert caught.value.path == str(path)


ODD_HEADER = (
    "sp_id,rp_id,seeker_post,response_post,emotional_reactions_level,"
    "emotional_reactions_rationales,interpretations_level,interpretations_rationales,"
    "explorations_level,explorations_rationales\n"
)
# Rows the trainer reads as given but reports; the comment gives the line each starts on.
ODD_ROWS = (
    's1,r1,I feel low,"I am sorry,\nthat sounds heavy",1,I am sorry,0,,0,\n'  # 2 (and 3)
    "s2,r2,,Oh no,1,Oh no,0,,0,\n"  # 4: no seeker post
    "s3,r1,Rough day,Hope it gets better,0,,1,Hope,0,\n"  # 5: r1 again
    's4,r4,Tired," ",0,,0,,0,\n'  # 6: a blank response
    "s5,r5,Sad news,That is hard,2,so very hard|hard,0,,1,what happened\n"  # 7: 2 parts lost
    "s6,r2,Lonely,I am here,0,,0,,0,\n"  # 8: r2 again
    "s7,r1,Lost,Take care,0,,0,,0,\n"  # 9: r1 a third time
    "s8,r5,Stuck,Keep going,0,,0,,0,\n"  # 10: r5 again
)


def test_odd_rows_are_trained_on_as_given_and_each_kind_reported_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(ODD_HEADER + ODD_ROWS, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="carelens.training.data"):
        pairs = load_epitome(path)
    # Every row is read, as before: evaluate --split deals its split over these rows.
    assert [p.rp_id for p in pairs] == ["r1", "r2", "r1", "r4", "r5", "r2", "r1", "r5"]
    assert (pairs[1].seeker, pairs[3].response) == ("", " ")
    lost = pairs[4]  # the rationale part found still marks its words
    assert np.flatnonzero(lost.rationale_masks[0]).tolist() == list(range(8, 12))  # "hard"
    assert not lost.rationale_masks[2].any()
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: 2 rows have an empty seeker_post or response_post (lines 4, 6): trained on "
        "as given",
        f"{path}: 4 rows repeat an earlier row's rp_id (first lines 5, 8, 9): trained on as given",
        f"{path}: 1 row has rationale text not found in its response_post (line 7): trained "
        "on as given, less the 2 rationale parts not found",
    ]
    assert all(r.levelno == logging.WARNING for r in caplog.records)


def test_a_clean_file_draws_no_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="carelens.training.data"):
        load_epitome(DATA)
    assert caplog.records == []


LABELS = {
    "sympathy": 1, "reflection": 0, "compassion": 0, "dismissive": 0,
    "advice": 0, "self_focus": 0, "seeker_distress": 1, "crisis": 0,
}  # fmt: skip


def annotation_file(path: Path, *records: dict[str, object]) -> Path:
    """A JSON Lines file of annotations of the fixture's responses (u01, u02, ...)."""
    base = {"rp_id": "u01", "sp_id": "t01", "part": "train", "annotator": "T", "labels": LABELS}
    path.write_text("".join(json.dumps(base | r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("records", "line", "field", "says"),
    [
        # Annotations of another (or a fuller) file: the count, the first, and what to do.
        (
            [{}, {"rp_id": "x9", "sp_id": "y9"}, {"rp_id": "x8", "sp_id": "y8"}],
            2,
            "rp_id",
            f"2 of its 3 annotations are of responses not in {DATA} (the first: rp_id 'x9'); "
            "they were made on another file",
        ),
        ([{"sp_id": "t02"}], 1, "sp_id", "the sp_id is 't02', but the rp_id's row in"),
        (
            [{}, {"rp_id": "u02", "sp_id": "t02", "rationales": {"sympathy": [[0, 100000]]}}],
            2,
            "rationales.sympathy",
            "offset pair 1 is [0, 100000], past the end of the response",
        ),
        (
            [{"crisis_evidence": [[0, 500]]}],
            1,
            "crisis_evidence",
            "past the end of the seeker post",
        ),
    ],
)
def test_annotations_that_do_not_fit_the_data_name_the_annotation_line_and_field(
    tmp_path: Path, records: list[dict[str, object]], line: int, field: str, says: str
) -> None:
    # Checked as evaluate and the rationale fit check them, before training: never joined by
    # rp_id alone, never clipped to the text.
    from carelens.training.data import read_checked_annotations

    path = annotation_file(tmp_path / "gold.jsonl", *records)
    with pytest.raises(InputError) as caught:
        read_checked_annotations(path, DATA)
    error = caught.value
    assert (error.path, error.line, error.field) == (str(path), line, field), str(error)
    assert says in " ".join(str(error).split())


def test_an_annotated_row_evaluate_leaves_out_is_named_not_called_missing(
    tmp_path: Path,
) -> None:
    # The trainer reads a row with an empty seeker post; evaluate (and so the rationale fit)
    # leaves it out. The annotation of it is refused before training, and the message says
    # the row is there.
    from carelens.training.data import read_checked_annotations

    rows = DATA.read_text(encoding="utf-8").splitlines()
    rows[1] = rows[1].replace("I failed my driving test again.", "")
    data = tmp_path / "data.csv"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    path = annotation_file(tmp_path / "gold.jsonl", {"rp_id": "u02", "sp_id": "t02"}, {})
    with pytest.raises(InputError) as caught:
        read_checked_annotations(path, data)
    error = caught.value
    assert (error.line, error.field) == (2, "rp_id")
    message = " ".join(str(error).split())
    assert (
        "the rp_id's row in" in message
        and "(line 2) is one carelens evaluate leaves out" in message
    )
    assert "seeker_post" in message and "not in" not in message
    assert [a.rp_id for a in read_checked_annotations(annotation_file(path, {"rp_id": "u02",
            "sp_id": "t02"}), data)] == ["u02"]  # fmt: skip


def test_checked_annotations_are_read_whole_and_an_empty_file_is_refused(tmp_path: Path) -> None:
    from carelens.training.data import read_checked_annotations

    path = annotation_file(tmp_path / "gold.jsonl", {}, {"rp_id": "u02", "sp_id": "t02"})
    assert [a.rp_id for a in read_checked_annotations(path, DATA)] == ["u01", "u02"]
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="holds no annotation"):
        read_checked_annotations(path, DATA)


def test_attaching_an_annotation_to_a_row_it_does_not_fit_is_refused_not_clipped() -> None:
    pairs = load_epitome(DATA)
    target = pairs[0]
    long = Annotation(
        rp_id=target.rp_id, sp_id=target.sp_id, part="train", annotator="T", labels=LABELS,
        rationales={"sympathy": ((0, 100000),)},
    )  # fmt: skip
    with pytest.raises(InputError, match="past the end of the response") as caught:
        attach_annotations(pairs, [long])
    assert caught.value.field == "rationales.sympathy"
    other = Annotation(
        rp_id=target.rp_id, sp_id="elsewhere", part="train", annotator="T", labels=LABELS
    )
    with pytest.raises(InputError, match="not the sp_id of its row"):
        attach_annotations(pairs, [other])


def test_a_written_rationale_not_in_the_response_names_the_line_and_field(
    tmp_path: Path,
) -> None:
    # Dropped silently, the pair would teach "no word shows it" for a level of 1.
    from carelens.training.data import load_written_pairs

    path = tmp_path / "pairs.jsonl"
    wrong = {**GOOD_PAIR, "rationales": {"sympathy": ["So Sorry"], "reflection": ["sad"]}}
    path.write_text(json.dumps(GOOD_PAIR) + "\n" + json.dumps(wrong) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_written_pairs(path)
    assert (caught.value.line, caught.value.field) == (2, "rationales.reflection[0]")
    assert "the quote 'sad' is not in the response" in str(caught.value)
    empty = {**GOOD_PAIR, "rationales": {"sympathy": [" "]}}
    path.write_text(json.dumps(empty) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="the quote is empty") as caught:
        load_written_pairs(path)
    assert caught.value.field == "rationales.sympathy[0]"


@pytest.mark.parametrize("content", ["", "\n\n"])
def test_a_written_file_without_pairs_is_refused(tmp_path: Path, content: str) -> None:
    # As an empty --data or --bolt file is: training on "pairs: 0" is no training on them.
    from carelens.training.data import load_written_pairs

    path = tmp_path / "pairs.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="holds no labelled pair") as caught:
        load_written_pairs(path, ("interpretation",))
    assert caught.value.path == str(path)


def test_annotations_held_out_as_test_are_refused_when_the_split_trains_on_them() -> None:
    pairs = load_epitome(DATA)
    train, dev, test = split_by_seeker(pairs, seed=13)

    def held_out(pair_list: list[object]) -> list[Annotation]:
        return [
            Annotation(rp_id=p.rp_id, sp_id=p.sp_id, part="test", annotator="T", labels=LABELS)
            for p in pair_list  # type: ignore[attr-defined]
        ]

    # Stored as test and in this split's test part: nothing to report.
    assert check_held_out(held_out(test), "gold.jsonl", train, dev) == []
    # Stored as test but trained on here (another seed would do this): refused.
    leaking = held_out(test) + held_out(train[:2])
    with pytest.raises(InputError) as info:
        check_held_out(leaking, "gold.jsonl", train, dev)
    said = str(info.value)
    assert "gold.jsonl, field 'part'" in said
    assert f"2 of the {len(leaking)} annotations stored as part 'test'" in said
    assert "--allow-held-out-leak" in said
    # With the override the run goes on, and the caller is told which.
    assert len(check_held_out(leaking, "gold.jsonl", train, dev, allow=True)) == 2
    # Train and dev annotations that fall elsewhere are no leak of the test part.
    moved = [Annotation(**{**vars_of(a), "part": "train"}) for a in held_out(test)]
    assert check_held_out(moved, "gold.jsonl", train, dev) == []


def vars_of(a: Annotation) -> dict[str, object]:
    return {name: getattr(a, name) for name in Annotation.__slots__}
