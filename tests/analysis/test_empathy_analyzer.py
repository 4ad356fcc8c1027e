"""The model-backed EmpathyAnalyzer, run on the ONNX model shipped in the package.

The contract tests hold for any model in the artifact format: valid levels, probabilities
and spans, input order, no mutation. ``test_trained_model_behaviour`` (at the end) checks
what a *trained* model must get right; a provisional or smoke-test model may fail it.
"""

from __future__ import annotations

import copy
import json
import random
import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.errors import InputError, ModelError
from carelens.inference.artifact import default_model_dir, write_manifest
from carelens.taxonomy import RESPONSE_DIMENSIONS, RESPONSE_FLAGS, STYLES
from carelens.types import ANALYSIS_FIELDS, N_LEVELS, Exchange, ResponseAnalysis, Turn

ALL_DIMENSIONS = (*RESPONSE_DIMENSIONS, "empathy")

# Written for these tests: seeker messages and replies of different kinds and lengths.
PAIRS: list[tuple[str, str]] = [
    (
        "My grandmother died on Tuesday. I keep expecting her to call on Sunday like always.",
        "I'm so sorry for your loss.",
    ),
    (
        "I relapsed last night after eight months clean and I feel disgusting.",
        "It sounds like you're carrying a lot of shame right now, maybe more than about the "
        "relapse itself. Eight months took real strength and that hasn't gone anywhere.",
    ),
    (
        "I failed my driving test again. My dad didn't say a word on the way home.",
        "What was it like sitting in the car with him? How are you feeling about it tonight?",
    ),
    (
        "Nobody at my new school talks to me. I eat lunch in the library every day.",
        "Have you tried joining a club? Clubs are a good way to meet people.",
    ),
    (
        "My partner left and took the dog. The flat is silent.",
        "Well, what did you expect? You never made time for them.",
    ),
    (
        "I have my first chemo session on Monday and I can't stop shaking.",
        "I can drive you to the hospital on Monday and sit with you during the session, if "
        "you want company. Being scared before the first one makes complete sense.",
    ),
    ("I'm so tired.", "Same."),
]

QUESTION_SEEKER = (
    "I finally told my mum I'm dropping out of university. She went quiet and left the room."
)
QUESTION_RESPONSE = "What happened after you told her? How are you feeling now?"


@pytest.fixture(scope="module")
def analyzer() -> EmpathyAnalyzer:
    return EmpathyAnalyzer.load(threads=1, batch_size=4)


@pytest.fixture(scope="module")
def one_by_one(analyzer: EmpathyAnalyzer) -> EmpathyAnalyzer:
    """The same model, one pair per batch, so each result is independent of its neighbours.

    The int8 model quantizes activations with one scale per batch tensor, so probabilities
    shift slightly (a few hundredths) with what a pair is batched with; comparing results
    exactly needs batches of one.
    """
    return EmpathyAnalyzer(analyzer.artifact, analyzer.encoder, analyzer.model, batch_size=1)


def check_result(result: ResponseAnalysis, response: str, analyzer: EmpathyAnalyzer) -> None:
    assert isinstance(result, ResponseAnalysis)
    assert tuple(result.dimensions) == ALL_DIMENSIONS
    assert result.model_id == analyzer.model_id
    assert result.style in STYLES
    assert set(result.flags) == set(RESPONSE_FLAGS)
    assert all(0.0 <= p <= 1.0 for p in result.flags.values())
    assert result.seeker is not None and result.seeker.distress is not None
    assert 1 <= len(result.feedback) <= 2 and all(f.strip() for f in result.feedback)
    for name, score in result.dimensions.items():
        assert score.level in range(N_LEVELS)
        assert len(score.probabilities) == N_LEVELS
        assert all(0.0 <= p <= 1.0 for p in score.probabilities)
        assert sum(score.probabilities) == pytest.approx(1.0, abs=1e-3)
        assert score.probabilities[score.level] == max(score.probabilities)
        if score.level == 0:
            assert score.spans == ()
        if name == "empathy":
            continue  # the union of its parts' spans, which may overlap
        previous_end = -1
        for span in score.spans:
            assert span.label == name or (name == "empathy" and span.label != name)
            assert previous_end < span.start < span.end <= len(response)
            assert span.text_in(response).strip()
            assert 0.0 <= span.score <= 1.0
            previous_end = span.end


# --- contract ----------------------------------------------------------------------------------


def test_analyzer_describes_its_model(analyzer: EmpathyAnalyzer) -> None:
    assert analyzer.dimensions == ALL_DIMENSIONS
    assert analyzer.model_dimensions == RESPONSE_DIMENSIONS
    assert analyzer.model_id == analyzer.artifact.manifest["model_id"]
    assert len(analyzer.temperatures) == len(analyzer.thresholds) == len(RESPONSE_DIMENSIONS)


def test_results_are_valid_for_every_pair(analyzer: EmpathyAnalyzer) -> None:
    results = analyzer.predict(PAIRS)
    assert len(results) == len(PAIRS)
    for (_, response), result in zip(PAIRS, results, strict=True):
        check_result(result, response, analyzer)


def test_analyze_equals_predict_of_one(analyzer: EmpathyAnalyzer) -> None:
    for seeker, response in PAIRS[:3]:
        assert analyzer.analyze(seeker, response) == analyzer.predict([(seeker, response)])[0]


def test_results_keep_input_order_across_batches_and_chunks(
    analyzer: EmpathyAnalyzer, one_by_one: EmpathyAnalyzer
) -> None:
    rng = random.Random(7)
    pairs = [
        (seeker * rng.randint(1, 3), response * rng.randint(1, 4))
        for _ in range(3)
        for seeker, response in PAIRS
    ]
    rng.shuffle(pairs)  # lengths in no particular order, so length sorting must be undone
    expected = [one_by_one.analyze(s, r) for s, r in pairs]
    assert one_by_one.predict(pairs) == expected
    assert list(one_by_one.analyze_many(pairs, chunk_size=5)) == expected
    # With real batches (activation scales shared across a batch, so probabilities move a
    # little), results still come back in input order: confident levels never change.
    batched = list(analyzer.analyze_many(iter(pairs), chunk_size=6))
    assert len(batched) == len(pairs)
    for (_, response), got, want in zip(pairs, batched, expected, strict=True):
        check_result(got, response, analyzer)
        for name in ALL_DIMENSIONS:
            if max(want[name].probabilities) >= 0.8:
                assert got[name].level == want[name].level


def test_analyze_many_reads_the_stream_a_chunk_at_a_time(analyzer: EmpathyAnalyzer) -> None:
    pulled = 0

    def stream() -> Iterator[tuple[str, str]]:
        nonlocal pulled
        for i in range(1_000):
            pulled += 1
            yield PAIRS[i % len(PAIRS)]

    results = analyzer.analyze_many(stream(), chunk_size=4)
    assert pulled == 0  # lazy: nothing is read before the first result is asked for
    first = next(results)
    assert isinstance(first, ResponseAnalysis)
    assert pulled == 4
    for _ in range(4):
        next(results)
    assert pulled == 8


def test_exchange_objects_are_accepted(one_by_one: EmpathyAnalyzer) -> None:
    seeker, response = PAIRS[2]
    exchange = Exchange(
        seeker=Turn(id="s1", text=seeker, speaker="sam"),
        response=Turn(id="r1", text=response, speaker="kit", reply_to="s1"),
    )
    from_tuple = one_by_one.predict([(seeker, response)])
    assert one_by_one.predict([exchange]) == from_tuple
    assert list(one_by_one.analyze_many([exchange, (seeker, response)])) == from_tuple * 2


def test_inputs_are_not_mutated(analyzer: EmpathyAnalyzer) -> None:
    exchanges = [
        Exchange(
            seeker=Turn(id=f"s{i}", text=s, meta={"source": "test"}),
            response=Turn(id=f"r{i}", text=r, meta={"labels": [1, 2]}),
        )
        for i, (s, r) in enumerate(PAIRS)
    ]
    items: list[tuple[str, str] | Exchange] = [*PAIRS, *exchanges]
    before = copy.deepcopy(items)
    analyzer.predict(items)
    list(analyzer.analyze_many(items, chunk_size=3))
    assert items == before
    assert [type(i) for i in items] == [type(i) for i in before]


@pytest.mark.parametrize(
    ("seeker", "response", "role"),
    [
        ("I lost my job today.", "", "response"),
        ("I lost my job.", " \n\t", "response"),
        ("", "Hi.", "seeker"),
        ("   ", "", "seeker"),
        ("I lost my job.", "\u200b", "response"),  # only invisible characters: read as empty
        ("I lost my job.", "\ufeff\u200b", "response"),
        ("\u200b", "That sounds hard.", "seeker"),
        ("I lost my job.", "\x00\x01", "response"),
    ],
)
def test_an_empty_text_is_an_input_error(
    analyzer: EmpathyAnalyzer, seeker: str, response: str, role: str
) -> None:
    # An empty reply was once scored (strong interpretation, "you put their experience into
    # words"): there is nothing to analyse, as the readers and the API already say.
    with pytest.raises(InputError, match=f"analyze\\(\\): the {role} text is empty"):
        analyzer.analyze(seeker, response)
    pairs = [("It was a long day.", "That sounds tiring."), (seeker, response)]
    with pytest.raises(InputError, match=f"pair 1: the {role} text is empty"):
        analyzer.predict(pairs)
    stream = [pairs[0]] * 5 + [(seeker, response)]
    with pytest.raises(InputError, match=f"pair 5: the {role}"):
        list(analyzer.analyze_many(stream, chunk_size=2))  # counted across chunks


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        ({"seeker": "My cat died.", "response": "So sorry."}, "not dict .*a dict's keys"),
        ("ab", "not str"),
        (("I feel sad.", None), "the response text must be a string, not NoneType"),
        ((b"I feel sad.", "Oh no."), "the seeker text must be a string, not bytes"),
        (("one", "two", "three"), "not tuple"),
    ],
)
def test_a_pair_of_the_wrong_type_is_a_type_error(
    analyzer: EmpathyAnalyzer, pair: object, message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        analyzer.predict([pair])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="pair 0"):
        list(analyzer.analyze_many([pair]))  # type: ignore[list-item]


def test_empty_input_and_chunk_size(analyzer: EmpathyAnalyzer) -> None:
    assert analyzer.predict([]) == []
    assert list(analyzer.analyze_many([])) == []
    for bad in (0, 2.5, "8", True):  # 2.5 and "8" were a raw error from islice
        with pytest.raises(ValueError, match="chunk_size must be an integer"):
            list(analyzer.analyze_many([("a", "b")], chunk_size=bad))  # type: ignore[arg-type]


def test_unusual_text(analyzer: EmpathyAnalyzer) -> None:
    pairs: Sequence[tuple[str, str]] = [
        ("אני מרגיש לבד", "אני כאן איתך 💛"),
        ("I can't\x00 sleep\u202e", "That sounds so hard 😔 — what's keeping you up?"),
        ("x" * 200_000, "y " * 100_000),
    ]
    for (_, response), result in zip(pairs, analyzer.predict(pairs), strict=True):
        check_result(result, response, analyzer)


def test_results_round_trip_through_dicts(analyzer: EmpathyAnalyzer) -> None:
    for result in analyzer.predict(PAIRS):
        assert ResponseAnalysis.from_dict(result.to_dict()) == result


def test_results_are_deterministic(one_by_one: EmpathyAnalyzer) -> None:
    assert one_by_one.predict(PAIRS) == one_by_one.predict(PAIRS)


def test_end_to_end_structure(analyzer: EmpathyAnalyzer) -> None:
    """The shipped model on a question-only reply: structure only (any model passes)."""
    result = analyzer.analyze(QUESTION_SEEKER, QUESTION_RESPONSE)
    check_result(result, QUESTION_RESPONSE, analyzer)
    data = result.to_dict()
    assert set(data) == {*ALL_DIMENSIONS, *ANALYSIS_FIELDS}


# --- what a trained model must do ------------------------------------------------------------
# Kept apart on purpose: these are behaviours, not contracts. A provisional (smoke-test)
# model may fail them; the trained model committed to the package must pass.


def _question_sentences(text: str) -> list[tuple[int, int]]:
    sentences, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?":
            if ch == "?":
                while text[start] == " ":
                    start += 1
                sentences.append((start, i + 1))
            start = i + 1
    return sentences


def test_trained_model_behaviour(analyzer: EmpathyAnalyzer) -> None:
    result = analyzer.analyze(QUESTION_SEEKER, QUESTION_RESPONSE)
    exploration = result["exploration"]
    assert exploration.level >= 1, (
        f"a reply made only of open questions should be exploration >= 1, got "
        f"{exploration.level} (probabilities {exploration.probabilities})"
    )
    questions = _question_sentences(QUESTION_RESPONSE)
    assert [QUESTION_RESPONSE[s:e] for s, e in questions] == [
        "What happened after you told her?",
        "How are you feeling now?",
    ]
    # Some exploration span covers at least half of one of the question sentences.
    covered = [
        min(span.end, end) - max(span.start, start) >= (end - start) / 2
        for span in exploration.spans
        for start, end in questions
    ]
    assert any(covered), f"no exploration span covers a question: {exploration.spans}"

    advice = analyzer.analyze(
        "I can't sleep before exams.",
        "Go to bed at the same time every night and stop drinking coffee after lunch.",
    )
    assert advice["exploration"].level == 0, "advice with no question is not exploration"


def test_feedback_never_asks_a_reply_that_names_their_feeling_to_name_one(
    analyzer: EmpathyAnalyzer,
) -> None:
    # The codebook's example of empathy. The shipped model scores it without empathy and
    # with sympathy, and the feedback once answered "You shared their sorrow; try naming what
    # they may feel underneath".
    seeker = "I relapsed last night after eight months sober. I feel like such a failure."
    response = "It sounds like the shame weighs more than the relapse."
    result = analyzer.analyze(seeker, response)
    assert result.feedback
    assert not any("try naming" in sentence for sentence in result.feedback), result.feedback
    assert '"It sounds like the shame weighs more than the relapse"' in result.feedback[0]


def test_results_do_not_depend_on_thread_count_or_chunking() -> None:
    """With one pair per batch, every result depends on its own pair alone."""
    pairs = [(s * (1 + k % 3), r) for k, (s, r) in enumerate(PAIRS * 3)]
    serial = EmpathyAnalyzer.load(threads=1)
    parallel = EmpathyAnalyzer.load(threads=3)
    expected = serial.predict(pairs)
    assert parallel.predict(pairs) == expected
    assert list(parallel.analyze_many(pairs, chunk_size=4)) == expected
    assert [parallel.analyze(s, r) for s, r in pairs] == expected


def shipped_model_with(tmp_path: Path, edit: Callable[[dict[str, Any]], object]) -> Path:
    """A copy of the shipped model folder whose manifest ``encoding`` went through ``edit``."""
    folder = tmp_path / "model"
    shutil.copytree(default_model_dir(), folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    edit(manifest["encoding"])
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def test_the_manifest_caps_the_seeker_word_pieces_read(tmp_path: Path) -> None:
    """The shipped manifest reads the first 48 seeker word pieces: what a long seeker message
    says after them does not change the levels; without the cap it does."""
    head = " ".join(["I have been so tired and alone since the move and nothing helps"] * 5)
    tails = ("We live near the old train station.", "My cousin bought a blue bicycle.")
    response = "That sounds really lonely. What has the move been like for you?"

    def probabilities(analyzer: EmpathyAnalyzer) -> list[list[list[float]]]:
        results = [analyzer.analyze(f"{head} {tail}", response) for tail in tails]
        return [[list(r[d].probabilities) for d in RESPONSE_DIMENSIONS] for r in results]

    shipped = EmpathyAnalyzer.load(threads=1)
    assert shipped.encoder.max_seeker_tokens == 48
    capped = probabilities(shipped)
    assert capped[0] == capped[1]
    folder = shipped_model_with(tmp_path, lambda encoding: encoding.pop("max_seeker_tokens"))
    uncapped_analyzer = EmpathyAnalyzer.load(folder, threads=1)
    assert uncapped_analyzer.encoder.max_seeker_tokens is None
    uncapped = probabilities(uncapped_analyzer)
    assert uncapped[0] != uncapped[1]


@pytest.mark.parametrize("cap", [0, -5, 2.5, "48", True])
def test_a_malformed_seeker_cap_is_a_model_error_naming_the_manifest(
    tmp_path: Path, cap: object
) -> None:
    folder = shipped_model_with(tmp_path, lambda encoding: encoding.update(max_seeker_tokens=cap))
    with pytest.raises(ModelError, match=r"manifest\.json: encoding\.max_seeker_tokens"):
        EmpathyAnalyzer.load(folder, threads=1)


@pytest.mark.parametrize(
    ("key", "value"),
    [("max_length", "224"), ("max_length", 0), ("max_response_tokens", 1.5),
     ("max_response_tokens", None), ("max_length", False)],
)  # fmt: skip
def test_a_malformed_length_is_a_model_error_naming_the_manifest(
    tmp_path: Path, key: str, value: object
) -> None:
    folder = shipped_model_with(tmp_path, lambda encoding: encoding.update({key: value}))
    with pytest.raises(ModelError, match=rf"manifest\.json: encoding\.{key} must be a whole"):
        EmpathyAnalyzer.load(folder, threads=1)


def test_lengths_that_leave_the_seeker_no_room_are_a_model_error(tmp_path: Path) -> None:
    folder = shipped_model_with(
        tmp_path, lambda encoding: encoding.update(max_length=100, max_response_tokens=99)
    )
    with pytest.raises(ModelError, match=r"manifest\.json: encoding: max_length must leave room"):
        EmpathyAnalyzer.load(folder, threads=1)


@pytest.mark.parametrize("batch_size", [0, 2.5, "2", None, True])
def test_batch_size_must_be_a_whole_number_from_one(batch_size: object) -> None:
    """2.5 was taken and failed at the first analysis; "2" and None with a bare TypeError."""
    with pytest.raises(ValueError, match="batch_size must be a whole number"):
        EmpathyAnalyzer.load(batch_size=batch_size)  # type: ignore[arg-type]


@pytest.mark.parametrize("idle_threads", [0, -3, 2.5, True])
def test_idle_threads_must_be_a_whole_number_from_one(idle_threads: object) -> None:
    """-3 was taken silently and 2.5 failed inside ONNX Runtime."""
    with pytest.raises(ValueError, match="idle_threads must be a whole number"):
        EmpathyAnalyzer.load(idle_threads=idle_threads)  # type: ignore[arg-type]


def test_exploration_spans_are_whole_sentences(one_by_one: EmpathyAnalyzer) -> None:
    result = one_by_one.analyze(QUESTION_SEEKER, QUESTION_RESPONSE)
    exploration = result.dimensions["exploration"]
    assert exploration.level >= 1
    marked = [QUESTION_RESPONSE[s.start : s.end] for s in exploration.spans]
    sentences = ["What happened after you told her?", "How are you feeling now?"]
    assert marked and all(m in (*sentences, " ".join(sentences)) for m in marked), (
        marked
    )  # each span is one or both of the questions, never part of one


def shipped_model_with_manifest(tmp_path: Path, edit: Callable[[dict[str, Any]], object]) -> Path:
    """A copy of the shipped model folder whose whole manifest went through ``edit``."""
    folder = tmp_path / "model"
    shutil.copytree(default_model_dir(), folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    edit(manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def _set_calibration(key: str, value: object) -> Callable[[dict[str, Any]], object]:
    return lambda manifest: manifest["calibration"].update({key: value})


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda m: m.pop("dimensions"), r"'dimensions' must be a non-empty list"),
        (lambda m: m.update(dimensions=[]), r"'dimensions' must be a non-empty list"),
        (lambda m: m.update(dimensions=["emotional_reactions", 3]), "'dimensions'"),
        (lambda m: m.update(calibration=[1.0]), r"'calibration' must be an object"),
        (_set_calibration("temperatures", [1.0, 1.0]), r"calibration\.temperatures must list"),
        (_set_calibration("temperatures", "1.0"), r"calibration\.temperatures"),
        (_set_calibration("rationale_thresholds", None), None),
        (
            _set_calibration("seeker_temperature", 0),
            r"calibration\.seeker_temperature must be a positive",
        ),
        (_set_calibration("seeker_temperature", True), r"calibration\.seeker_temperature"),
        (lambda m: m.update(flags="unsafe"), r"'flags' must be a list of names"),
    ],
)
def test_a_malformed_manifest_is_a_model_error_naming_it(
    tmp_path: Path, edit: Callable[[dict[str, Any]], object], message: str | None
) -> None:
    """A manifest with missing or malformed dimensions, calibration or flags is refused when
    the model loads (it was a KeyError or a shape error at the first analysis)."""
    folder = shipped_model_with_manifest(tmp_path, edit)
    if message is None:  # a null list is the documented default, not an error
        EmpathyAnalyzer.load(folder, threads=1).analyze("I feel alone.", "That sounds hard.")
        return
    with pytest.raises(ModelError, match=rf"manifest\.json: {message}"):
        EmpathyAnalyzer.load(folder, threads=1)


def test_every_calibration_value_must_be_in_range(tmp_path: Path) -> None:
    def wrong_threshold(manifest: dict[str, Any]) -> None:
        n = len(manifest["dimensions"])
        manifest["calibration"]["rationale_thresholds"] = [0.5] * (n - 1) + [1.5]

    folder = shipped_model_with_manifest(tmp_path, wrong_threshold)
    with pytest.raises(ModelError, match=r"rationale_thresholds must list one number in \(0, 1\]"):
        EmpathyAnalyzer.load(folder, threads=1)


def test_an_unreadable_tokenizer_is_a_model_error(tmp_path: Path) -> None:
    """A tokenizer.json that is JSON but not a tokenizer (checksums rewritten to match) is a
    ModelError naming it, not the tokenizers library's bare Exception."""
    folder = tmp_path / "model"
    shutil.copytree(default_model_dir(), folder)
    (folder / "tokenizer.json").write_text('{"version": "1.0"}', encoding="utf-8")
    write_manifest(folder, json.loads((folder / "manifest.json").read_text(encoding="utf-8")))
    with pytest.raises(ModelError, match=r"tokenizer\.json: not a readable tokenizer"):
        EmpathyAnalyzer.load(folder, threads=1)


@pytest.mark.parametrize("threads", [-1, 1.5, "2", True])
def test_threads_must_be_a_whole_number(threads: object) -> None:
    with pytest.raises(ValueError, match="threads must be a whole number"):
        EmpathyAnalyzer.load(threads=threads)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        # the shipped model scored these dismissive (level 2), the feedback sympathy
        ("my boss yelled at me in front of everyone", "How dare he."),
        (
            "my boss yelled at me in front of everyone",
            "how dare your boss do that to you in front of everyone. that's humiliating",
        ),
        ("my best friend ghosted me", "How hurtful. You probably feel rejected."),
    ],
)
def test_the_style_agrees_with_the_feedback_on_remarks(
    analyzer: EmpathyAnalyzer, seeker: str, response: str
) -> None:
    result = analyzer.analyze(seeker, response)
    assert result["dismissive"].level == 0
    assert result.style != "dismissive"
    assert not any("minimising or judging" in sentence for sentence in result.feedback)
