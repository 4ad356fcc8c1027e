"""The data model: JSON round-trips of every type, the validation the types enforce, and
what their from_dict makes of data of another form (a result record, a None text)."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import carelens
from carelens.cli.main import app
from carelens.output.records import ID_FIELDS, TEXT_FIELDS
from carelens.types import (
    ANALYSIS_FIELDS,
    EPITOME_DIMENSIONS,
    N_LEVELS,
    RECORD_FIELDS,
    DimensionScore,
    Exchange,
    ResponseAnalysis,
    Span,
    Turn,
)

# --- strategies -------------------------------------------------------------------------

texts = st.text()  # any unicode except lone surrogates (not encodable as UTF-8 JSON)
optional_texts = st.none() | st.text(max_size=40)
finite = st.floats(allow_nan=False, allow_infinity=False)
json_scalars = st.none() | st.booleans() | st.integers() | finite | st.text(max_size=20)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)

turns = st.builds(
    Turn,
    id=st.text(min_size=1, max_size=30),
    text=texts,
    speaker=optional_texts,
    conversation_id=optional_texts,
    reply_to=optional_texts,
    timestamp=optional_texts,
    meta=st.dictionaries(st.text(max_size=10), json_values, max_size=4),
)


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(min_value=0, max_value=10_000))
    end = draw(st.integers(min_value=start, max_value=start + 500))
    return Span(start=start, end=end, label=draw(st.text(max_size=20)), score=draw(finite))


probabilities = st.lists(
    st.floats(min_value=0, max_value=1), min_size=N_LEVELS, max_size=N_LEVELS
).map(tuple)
dimension_scores = st.builds(
    DimensionScore,
    level=st.integers(min_value=0, max_value=N_LEVELS - 1),
    probabilities=probabilities,
    spans=st.lists(spans(), max_size=4).map(tuple),
)
analyses = st.builds(
    ResponseAnalysis,
    # The dict form keeps the other fields under ANALYSIS_FIELDS, so none can be a dimension.
    dimensions=st.dictionaries(
        st.text(max_size=20).filter(lambda k: k not in ANALYSIS_FIELDS),
        dimension_scores,
        max_size=5,
    ),
    model_id=st.text(max_size=30),
    unsafe=st.none() | st.lists(spans(), max_size=3).map(tuple),
)


def _json_round_trip(data: dict[str, Any]) -> dict[str, Any]:
    """Through JSON text and UTF-8 bytes, as files and the HTTP API carry it."""
    encoded = json.dumps(data, ensure_ascii=False).encode("utf-8")
    decoded: dict[str, Any] = json.loads(encoded.decode("utf-8"))
    return decoded


# --- round trips --------------------------------------------------------------------------


@given(turns)
def test_turn_round_trips_through_json(turn: Turn) -> None:
    assert Turn.from_dict(_json_round_trip(turn.to_dict())) == turn


@given(turns, turns, st.lists(turns, max_size=3))
def test_exchange_round_trips_through_json(
    seeker: Turn, response: Turn, context: list[Turn]
) -> None:
    exchange = Exchange(seeker=seeker, response=response, context=tuple(context))
    assert Exchange.from_dict(_json_round_trip(exchange.to_dict())) == exchange


@given(spans())
def test_span_round_trips_through_json(span: Span) -> None:
    assert Span.from_dict(_json_round_trip(span.to_dict())) == span


@given(dimension_scores)
def test_dimension_score_round_trips_through_json(score: DimensionScore) -> None:
    assert DimensionScore.from_dict(_json_round_trip(score.to_dict())) == score


@given(analyses)
def test_response_analysis_round_trips_through_json(analysis: ResponseAnalysis) -> None:
    back = ResponseAnalysis.from_dict(_json_round_trip(analysis.to_dict()))
    assert back == analysis
    assert list(back.dimensions) == list(analysis.dimensions)  # order kept


def test_response_analysis_dict_shape() -> None:
    score = DimensionScore(level=1, probabilities=(0.2, 0.7, 0.1), spans=(Span(0, 4, "x", 0.9),))
    analysis = ResponseAnalysis({d: score for d in EPITOME_DIMENSIONS}, model_id="m")
    data = analysis.to_dict()
    assert list(data) == [*EPITOME_DIMENSIONS, "model"]
    assert data["model"] == "m"
    assert data["exploration"] == {
        "level": 1,
        "probabilities": [0.2, 0.7, 0.1],
        "spans": [{"start": 0, "end": 4, "label": "x", "score": 0.9}],
    }
    assert analysis["interpretation"] is score


def test_unsafe_words_are_kept_apart_from_not_checked() -> None:
    score = DimensionScore(level=0, probabilities=(1.0, 0.0, 0.0))
    words = (Span(0, 8, "urging", 1.0),)
    checked = ResponseAnalysis({"dismissive": score}, model_id="m", unsafe=())
    found = ResponseAnalysis({"dismissive": score}, model_id="m", unsafe=words)
    unchecked = ResponseAnalysis({"dismissive": score}, model_id="m")
    assert checked.to_dict()["unsafe"] == [] and not checked.unsafe_reply
    assert found.to_dict()["unsafe"] == [words[0].to_dict()] and found.unsafe_reply
    assert "unsafe" not in unchecked.to_dict() and not unchecked.unsafe_reply
    for analysis in (checked, found, unchecked):
        assert ResponseAnalysis.from_dict(analysis.to_dict()).unsafe == analysis.unsafe


def test_turn_from_dict_fills_defaults_and_coerces_ids() -> None:
    turn = Turn.from_dict({"id": 17, "text": "hello"})
    assert turn == Turn(id="17", text="hello")
    assert turn.meta == {}
    assert Turn.from_dict({"id": "a", "text": "b", "meta": None}).meta == {}


def test_exchange_from_dict_without_context() -> None:
    data = {
        "seeker": {"id": "s", "text": "I lost my job."},
        "response": {"id": "r", "text": "Oh no."},
    }
    exchange = Exchange.from_dict(data)
    assert exchange.context == ()
    assert exchange.seeker.text == "I lost my job."


def test_types_are_frozen() -> None:
    span = Span(0, 1, "x", 0.5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 2  # type: ignore[misc]
    turn = Turn(id="t", text="hi")
    with pytest.raises(dataclasses.FrozenInstanceError):
        turn.text = "changed"  # type: ignore[misc]


def test_span_text_in() -> None:
    response = "I'm so sorry. What happened?"
    assert Span(14, 28, "exploration", 0.8).text_in(response) == "What happened?"


# --- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize("level", [-1, 3, 10])
def test_dimension_score_rejects_a_bad_level(level: int) -> None:
    with pytest.raises(ValueError, match="level must be 0, 1 or 2"):
        DimensionScore(level=level, probabilities=(0.2, 0.3, 0.5))


@pytest.mark.parametrize("probs", [(), (1.0,), (0.5, 0.5), (0.25, 0.25, 0.25, 0.25)])
def test_dimension_score_rejects_a_wrong_number_of_probabilities(probs: tuple[float, ...]) -> None:
    with pytest.raises(ValueError, match="expected 3 probabilities"):
        DimensionScore(level=0, probabilities=probs)


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (-5, -2), (5, 4)])
def test_span_rejects_negative_or_reversed_offsets(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="invalid span offsets"):
        Span(start=start, end=end, label="x", score=0.5)


def test_empty_span_is_allowed() -> None:
    assert Span(3, 3, "x", 0.0).text_in("abcdef") == ""


def test_validation_applies_to_from_dict() -> None:
    with pytest.raises(ValueError):
        DimensionScore.from_dict({"level": 5, "probabilities": [0.1, 0.2, 0.7]})
    with pytest.raises(ValueError):
        Span.from_dict({"start": -1, "end": 2, "label": "x", "score": 0.1})


@pytest.mark.parametrize("name", [*ANALYSIS_FIELDS, *RECORD_FIELDS])
def test_a_dimension_cannot_take_the_name_of_another_field(name: str) -> None:
    score = DimensionScore(level=0, probabilities=(1.0, 0.0, 0.0), spans=())
    with pytest.raises(ValueError, match=f"'{name}'"):
        ResponseAnalysis(dimensions={name: score}, model_id="m")


# --- from_dict of what is not its own output ------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"id": "t1", "text": None}, "Turn.from_dict: 'text' must be a string, not NoneType"),
        ({"id": "t1", "text": ["a", "b"]}, "'text' must be a string, not list"),
        ({"id": "t1"}, "'text' must be a string; it is missing"),
        ({"id": None, "text": "hi"}, "'id' must be a string or an integer, not NoneType"),
        ({"text": "hi"}, "'id' must be a string or an integer; it is missing"),
        ({"id": True, "text": "hi"}, "'id' must be a string or an integer, not bool"),
        ({"id": 1.5, "text": "hi"}, "'id' must be a string or an integer, not float"),
        ({"id": 1, "text": "hi", "reply_to": [0]}, "'reply_to' must be a string, an integer or"),
        ({"id": 1, "text": "hi", "speaker": 3}, "'speaker' must be a string or None, not int"),
        ("hello", "Turn.from_dict: a turn is a mapping, not str"),
    ],
)
def test_turn_from_dict_refuses_a_text_or_id_of_another_type(data: Any, message: str) -> None:
    """A None or list text became the text "None" or "['a', 'b']" (str() of it), and a None
    id the id "None": analysed as if someone had written it."""
    with pytest.raises(TypeError, match=re.escape(message)):
        Turn.from_dict(data)


def test_turn_from_dict_reads_integer_ids_as_their_digits() -> None:
    turn = Turn.from_dict({"id": 7, "text": "hi", "conversation_id": 3, "reply_to": 6})
    assert (turn.id, turn.conversation_id, turn.reply_to) == ("7", "3", "6")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"seeker": {"id": "s", "text": None}, "response": {"id": "r", "text": "Oh no."}},
            "Exchange.from_dict: seeker: 'text' must be a string, not NoneType",
        ),
        (
            {
                "seeker": {"id": "s", "text": "I lost my job."},
                "response": {"id": None, "text": "x"},
            },
            "Exchange.from_dict: response: 'id' must be a string or an integer, not NoneType",
        ),
        ({"seeker": {"id": "s", "text": "I lost my job."}}, "the 'response' turn is missing"),
        (
            {
                "seeker": {"id": "s", "text": "a"},
                "response": {"id": "r", "text": "b"},
                "context": [{"id": "c", "text": 5}],
            },
            "Exchange.from_dict: context[0]: 'text' must be a string, not int",
        ),
        ({"seeker": None, "response": None}, "seeker: a turn is a mapping, not NoneType"),
    ],
)
def test_exchange_from_dict_names_the_turn_that_is_wrong(data: Any, message: str) -> None:
    with pytest.raises(TypeError, match=re.escape(message)):
        Exchange.from_dict(data)


def test_record_fields_are_those_a_result_record_adds() -> None:
    assert set(RECORD_FIELDS) == {*ID_FIELDS, *TEXT_FIELDS}


def test_a_result_record_of_carelens_analyze_reads_as_its_analysis(
    repo_root: Path, tmp_path: Path
) -> None:
    """ResponseAnalysis.from_dict on a line of analyze's JSON Lines output raised "TypeError:
    string indices must be integers" (its ids and texts were read as dimensions)."""
    source = repo_root / "tests" / "data" / "cli" / "crisis_hints.jsonl"
    out = tmp_path / "out.jsonl"
    done = CliRunner().invoke(app, ["analyze", str(source), "-o", str(out), "--threads", "1"])
    assert done.exit_code == 0, done.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    analyzer = carelens.load(threads=1)
    pairs = [(e.seeker.text, e.response.text) for e in carelens.read_exchanges(source)]
    for record, pair in zip(records, pairs, strict=True):
        assert record["seeker_text"] is not None  # a record with its texts
        analysis = ResponseAnalysis.from_dict(record)
        assert analysis == analyzer.analyze(*pair)
        assert set(analysis.dimensions) == set(analyzer.dimensions)


def test_a_key_that_is_no_dimension_is_named() -> None:
    score = DimensionScore(level=0, probabilities=(1.0, 0.0, 0.0)).to_dict()
    with pytest.raises(TypeError, match="'note' is no field of an analysis or a result record"):
        ResponseAnalysis.from_dict({"empathy": score, "note": "hello", "model": "m"})
