"""Records into ResponseRows; --anonymize; telling result files from conversation files."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from insight_rows import record

from carelens.insights import UNKNOWN, Insights, is_result_file, row_from_record
from carelens.insights.rows import count_questions
from carelens.privacy import redact_with_spans
from carelens.timestamps import parse_timestamp


def test_row_from_a_full_record() -> None:
    r = record("r1", levels={"interpretation": 2, "reflection": 1}, distress=2)
    r["empathy"] = {"level": 2, "probabilities": [0.1, 0.2, 0.7], "spans": []}
    row = row_from_record(r)
    assert (row.helper, row.community, row.month) == ("ana", "grief", "2024-03")
    assert row.levels["empathy"] == 2 and row.levels["reflection"] == 1
    assert row.seeker_distress == 2 and row.questions == 1
    assert row.response_words == 6 and row.seeker_words == 9
    assert not row.unsafe_reply
    words = [{"start": 0, "end": 8, "label": "urging", "score": 1.0, "text": "It sound"}]
    assert row_from_record(record("r2", unsafe=words)).unsafe_reply
    assert not row_from_record(record("r3", unsafe=[])).unsafe_reply


def test_missing_pieces_stay_unknown() -> None:
    r = record("r1", speaker=None, community=None, timestamp=None, response=None, distress=None)
    del r["reflection"], r["style"]
    row = row_from_record(r, default_community="forum.csv", distress=lambda t: (7.0, True, []))
    assert (row.helper, row.community, row.month) == (UNKNOWN, "forum.csv", None)
    assert row.response_words is None and row.questions is None
    assert row.helper_distress is None  # no text, nothing to score
    assert "reflection" not in row.levels and row.style == "other"  # unknown, not 0


def test_rows_are_numbered_by_their_place_in_the_input() -> None:
    """Ids repeat across conversations; the position tells the responses apart, from
    records, from rows made by hand, and through --anonymize."""
    records = [record("2"), record("2"), record("3")]
    records[1]["conversation_id"] = "c2"
    insights = Insights.from_records(records, anonymize=True, key="k")
    assert [(r.response_id, r.position) for r in insights.rows] == [("2", 0), ("2", 1), ("3", 2)]
    assert row_from_record(records[0]).position is None
    by_hand = Insights([insights.rows[2], insights.rows[0], row_from_record(records[1])])
    assert [r.position for r in by_hand.rows] == [0, 1, 2]
    assert [r.response_id for r in by_hand.rows] == ["3", "2", "2"]
    assert list(by_hand.responses()["position"]) == [0, 1, 2]


def test_empathy_falls_back_to_its_strongest_part() -> None:
    row = row_from_record(record("r", levels={"exploration": 2}))
    assert row.levels["empathy"] == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05T10:00:00+00:00", datetime(2024, 3, 5, 10, tzinfo=UTC)),
        ("2024-03-05T10:00:00Z", datetime(2024, 3, 5, 10, tzinfo=UTC)),
        ("2024-03-05", datetime(2024, 3, 5, tzinfo=UTC)),
        ("1709632800", datetime(2024, 3, 5, 10, tzinfo=UTC)),
        (1709632800, datetime(2024, 3, 5, 10, tzinfo=UTC)),
        ("yesterday", None),
        ("", None),
        (None, None),
        ("nan", None),
        # Compact ISO dates are dates, not Unix seconds in 1970.
        ("20240801", datetime(2024, 8, 1, tzinfo=UTC)),
        (20240801, datetime(2024, 8, 1, tzinfo=UTC)),
        ("20240801T1230", datetime(2024, 8, 1, 12, 30, tzinfo=UTC)),
        ("2024-08-01 12:30+02:00", datetime(2024, 8, 1, 10, 30, tzinfo=UTC)),
        # Milliseconds are told from seconds by their size.
        ("1709632800000", datetime(2024, 3, 5, 10, tzinfo=UTC)),
        (1709632800500, datetime(2024, 3, 5, 10, 0, 0, 500000, tzinfo=UTC)),
        ("1709632800.5", datetime(2024, 3, 5, 10, 0, 0, 500000, tzinfo=UTC)),
        # Not a plausible time: a bare year, a small number, an impossible compact date.
        ("2024", None),
        (2024, None),
        ("86400", None),
        ("99999999", None),
        ("-1709632800", None),
        (1e30, None),
        (True, None),
        # Dates of any form are held to 1980-2100 as Unix times are: placeholders for "no
        # date" plotted year-1 or 1970 months, and a year-1 time with an offset crashed.
        ("0001-01-01", None),
        ("0001-01-01T00:00:00+01:00", None),
        ("1970-01-01T00:00:00Z", None),
        ("9999-12-31", None),
        (datetime(1, 1, 1), None),
        (datetime(2024, 3, 5, 10), datetime(2024, 3, 5, 10, tzinfo=UTC)),
        ("1979-12-31T23:00:00-02:00", datetime(1980, 1, 1, 1, tzinfo=UTC)),
        ("2099-12-31T23:59:59Z", datetime(2099, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("2100-01-01", None),
    ],
)
def test_parse_timestamp(value: object, expected: datetime | None) -> None:
    assert parse_timestamp(value) == expected


def test_compact_dates_give_months_not_1970() -> None:
    rows = [
        row_from_record(record("a", timestamp="20240801")),
        row_from_record(record("b", timestamp="2024")),
    ]
    assert [r.month for r in rows] == ["2024-08", None]


@pytest.mark.parametrize(
    ("speaker", "helper"), [(123, "123"), (0, "0"), (None, UNKNOWN), ("", UNKNOWN)]
)
def test_speakers_of_any_type_are_names(speaker: object, helper: str) -> None:
    r = record("r1", speaker=None)
    r["speaker"] = speaker
    r["seeker_speaker"], r["community"], r["conversation_id"] = 7, 42, 9
    row = row_from_record(r)
    assert row.helper == helper
    assert (row.seeker_speaker, row.community, row.conversation_id) == ("7", "42", "9")


def test_mixed_speaker_types_do_not_break_the_insights() -> None:
    records = [record(f"r{i}", distress=2) for i in range(6)]
    for r, speaker in zip(records, (123, None, "ana", 123, 4.5, "ana"), strict=True):
        r["speaker"] = speaker
    insights = Insights.from_records(records)
    assert set(insights.helpers()["helper"]) == {"123", UNKNOWN, "ana", "4.5"}
    assert insights.strain_signals() == []
    assert len(Insights.from_records(records, anonymize=True, key="k").strain()) == 0


def test_count_questions() -> None:
    assert count_questions("How are you?? Did you sleep? Ok.") == 2
    assert count_questions(None) is None


def test_redaction_keeps_spans_on_their_words() -> None:
    text = "Email me at sam@example.com. It sounds like you feel betrayed."
    start = text.index("It sounds")
    spans = {"interpretation": ({"start": start, "end": len(text), "label": "x", "score": 1.0},)}
    out, moved = redact_with_spans(text, spans)
    assert "sam@example.com" not in out and "[email]" in out
    (span,) = moved["interpretation"]
    assert out[span["start"] : span["end"]] == "It sounds like you feel betrayed."


def test_anonymize_gives_stable_pseudonyms_and_redacts() -> None:
    records = [
        record("r1", speaker="ana", response="Call me on 555-123-4567 any time."),
        record("r2", speaker="ana"),
        record("r3", speaker="ben"),
    ]
    first = Insights.from_records(records, anonymize=True, key="k")
    again = Insights.from_records(records, anonymize=True, key="k")
    names = [r.helper for r in first.rows]
    assert names == [r.helper for r in again.rows]
    assert names[0] == names[1] != names[2]
    assert "ana" not in names and "ben" not in names
    assert "555-123-4567" not in (first.rows[0].response_text or "")
    other_key = Insights.from_records(records, anonymize=True, key="other")
    assert other_key.rows[0].helper != names[0]


def test_anonymize_without_a_key_uses_the_secret_key_not_a_public_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from carelens.insights.anonymize import KEY_ENV, KEY_FILE
    from carelens.privacy import Pseudonymizer

    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.setenv("CARELENS_DATA_DIR", str(tmp_path))
    records = [record("r1", speaker="marisol")]
    helper = Insights.from_records(records, anonymize=True).rows[0].helper
    public = Pseudonymizer(None, prefix="person").pseudonym("marisol")
    assert helper != public  # anyone could recompute the public key's pseudonym
    secret = (tmp_path / KEY_FILE).read_text(encoding="ascii").strip()
    assert helper == Pseudonymizer(secret, prefix="person").pseudonym("marisol")
    assert Insights.from_records(records, anonymize=True).rows[0].helper == helper  # stable
    monkeypatch.setenv(KEY_ENV, "shared team key")
    shared = Insights.from_records(records, anonymize=True).rows[0].helper
    assert shared == Pseudonymizer("shared team key", prefix="person").pseudonym("marisol")


def test_anonymize_keeps_unsafe_words_and_crisis_cues_on_their_words() -> None:
    response = "mail bo@example.org and then kys"
    seeker = "call me on 555-123-4567, I want to end my life"
    r = record("r1", response=response, seeker=seeker)
    at = response.index("kys")
    r["unsafe"] = [{"start": at, "end": at + 3, "label": "urging", "text": "kys"}]
    cue = seeker.index("end my life")
    r["seeker"]["crisis_cues"] = [{"start": cue, "end": cue + 11, "label": "suicide"}]
    (row,) = Insights.from_records([r], anonymize=True, key="k").rows
    assert row.response_text is not None and row.seeker_text is not None
    assert "bo@example.org" not in row.response_text and "555" not in row.seeker_text
    (span,) = row.unsafe_spans
    assert row.response_text[span["start"] : span["end"]] == "kys"
    (moved,) = row.crisis_cues
    assert row.seeker_text[moved["start"] : moved["end"]] == "end my life"


def test_anonymize_replaces_speaker_names_inside_the_texts() -> None:
    response = "Thanks quiet_fern and Maria. I hope it helps. It sounds like you feel alone."
    seeker = "Maria and QUIET_FERN were kind; Mariana was not. Grace helped, with grace."
    r = record("r1", speaker="quiet_fern", response=response, seeker=seeker)
    at = response.index("It sounds")
    r["interpretation"]["spans"] = [{"start": at, "end": len(response), "label": "x"}]
    cue = seeker.index("were kind")
    r["seeker"]["crisis_cues"] = [{"start": cue, "end": cue + 9, "label": "suicide"}]
    others = [
        record("r2", speaker="Maria"),
        record("r3", speaker="hope"),  # a plain lowercase word: not looked for
        record("r4", speaker="Grace"),
    ]
    rows = Insights.from_records([r, *others], anonymize=True, key="k").rows
    row = rows[0]
    fern, maria, grace = row.helper, rows[1].helper, rows[3].helper
    assert row.response_text == (
        f"Thanks {fern} and {maria}. I hope it helps. It sounds like you feel alone."
    )
    assert row.seeker_text == (
        f"{maria} and {fern} were kind; Mariana was not. {grace} helped, with grace."
    )
    (span,) = row.spans["interpretation"]
    assert row.response_text[span["start"] : span["end"]] == "It sounds like you feel alone."
    (moved,) = row.crisis_cues
    assert row.seeker_text[moved["start"] : moved["end"]] == "were kind"


def test_names_are_looked_for_only_where_they_can_be_told_from_words() -> None:
    from carelens.insights.anonymize import NamesInTexts

    names = ["quiet_fern", "Sam2", "JuniperMoon", "Maria G.", "Maria", "hope", "Al", "(unknown)"]
    finder = NamesInTexts(names, lambda n: f"<{n}>")

    def found(text: str) -> list[str]:
        return [text[a:b] for a, b, _ in finder.find(text)]

    assert found("QUIET_FERN, sam2 and junipermoon") == ["QUIET_FERN", "sam2", "junipermoon"]
    assert found("Maria G. and Maria and MARIA, not maria") == ["Maria G.", "Maria", "MARIA"]
    assert found("I hope Al is ok; xquiet_fern; quiet_fern2; Sam22") == []
    assert not NamesInTexts(["hope", "al"], lambda n: n)


def test_result_files_are_told_from_conversations(tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    results.write_text(json.dumps(record("r1")) + "\n", encoding="utf-8")
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        json.dumps({"seeker_id": "s", "response_id": "r", "seeker": "a", "response": "b"}) + "\n",
        encoding="utf-8",
    )
    csv_pairs = tmp_path / "pairs.csv"
    csv_pairs.write_text("sp_id,rp_id,seeker_post,response_post\ns,r,a,b\n", encoding="utf-8")
    assert is_result_file(results)
    assert not is_result_file(pairs) and not is_result_file(csv_pairs)
    assert not is_result_file(tmp_path / "missing.jsonl")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("flags", [0.1]),
        ("seeker", "op"),
        ("helper", {"distress": "high"}),
        ("response_text", 42),
        ("speaker", {"name": "ana"}),
        ("unsafe", "yes"),
    ],
)
def test_a_record_field_of_the_wrong_type_is_an_input_error_naming_it(
    field: str, value: object
) -> None:
    from carelens.errors import InputError

    r = record("r7")
    r[field] = value
    with pytest.raises(InputError, match="response 'r7'") as caught:
        row_from_record(r)
    assert caught.value.field is not None and caught.value.field.startswith(field)
    with pytest.raises(InputError):
        Insights.from_records([record("r1"), r])


def test_result_files_with_a_byte_order_mark_are_results(tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    results.write_bytes(b"\xef\xbb\xbf" + (json.dumps(record("r1")) + "\n").encode("utf-8"))
    assert is_result_file(results)
