"""The public API of the ``carelens`` package."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import carelens
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.inference.artifact import default_model_dir
from carelens.output.records import result_record
from carelens.readers import RejectLog, detect_format
from carelens.taxonomy import STYLES


def test_all_names_exist() -> None:
    assert len(carelens.__all__) == len(set(carelens.__all__))
    for name in carelens.__all__:
        assert hasattr(carelens, name), f"carelens.__all__ names {name!r}, which does not exist"


def test_all_covers_the_public_carelens_objects() -> None:
    exported = {
        name
        for name, value in vars(carelens).items()
        if not name.startswith("_") and getattr(value, "__module__", "").startswith("carelens")
    }
    assert exported <= set(carelens.__all__)


def test_version_is_a_string() -> None:
    assert isinstance(carelens.__version__, str)
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", carelens.__version__)


def test_load_returns_an_analyzer() -> None:
    analyzer = carelens.load(threads=1, batch_size=8)
    assert isinstance(analyzer, EmpathyAnalyzer)
    assert analyzer.batch_size == 8
    assert analyzer.artifact.path == default_model_dir()
    result = analyzer.analyze("I failed my exam again.", "That sounds exhausting. What happened?")
    assert isinstance(result, carelens.ResponseAnalysis)
    assert result["exploration"].level in (0, 1, 2)


def test_load_from_a_path() -> None:
    analyzer = carelens.load(default_model_dir(), threads=1)
    assert analyzer.model_id == analyzer.artifact.manifest["model_id"]


def test_errors_share_one_base_class() -> None:
    for name in ("ChecksumError", "InputError", "MissingExtraError", "ModelError"):
        assert issubclass(getattr(carelens, name), carelens.CarelensError)


@pytest.mark.parametrize(
    ("name", "fmt", "n_exchanges"),
    [("forum_thread.csv", "csv", 16), ("blog_comments.xml", "wxr", 9), ("chat.jsonl", "jsonl", 17)],
)
def test_examples_read_cleanly(repo_root: Path, name: str, fmt: str, n_exchanges: int) -> None:
    path = repo_root / "examples" / name
    assert detect_format(path) == fmt
    rejects = RejectLog()
    exchanges = list(carelens.read_exchanges(path, rejects=rejects))
    assert rejects.total == 0
    assert len(exchanges) == n_exchanges
    assert all(e.seeker.text.strip() and e.response.text.strip() for e in exchanges)


def test_example_merging_and_privacy(repo_root: Path) -> None:
    forum = list(carelens.read_exchanges(repo_root / "examples" / "forum_thread.csv"))
    assert forum[0].seeker.meta["merged_ids"] == ["p2"]  # the opening poster wrote twice
    assert "get a kitten" in forum[0].seeker.text
    blog = list(carelens.read_exchanges(repo_root / "examples" / "blog_comments.xml"))
    dumped = repr(blog)
    assert "192.0.2." not in dumped
    assert "@example.org" not in dumped
    assert "cheap watches" not in dumped  # the spam comment is skipped
    assert {e.response.speaker for e in blog if e.response.meta["is_post_author"]} == {"hannah"}


def _readme_python_example() -> str:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    return readme.split("## Python", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]


def test_the_readme_python_example_runs_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    block = _readme_python_example()
    scope: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), scope)
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].split()[0] in STYLES  # the style headline, then the feedback
    assert len(scope["results"]) == 1  # type: ignore[arg-type]
    assert any(line.startswith("reflection ") for line in printed)


def test_the_readme_python_example_type_checks_strictly(tmp_path: Path) -> None:
    """``result.seeker.distress.level`` failed mypy --strict: both are optional."""
    mypy = pytest.importorskip("mypy.api")
    script = tmp_path / "example.py"
    script.write_text(_readme_python_example(), encoding="utf-8")
    out, err, status = mypy.run(
        ["--strict", "--cache-dir", str(tmp_path / "cache"), "--no-error-summary", str(script)]
    )
    assert status == 0, out + err


def test_load_passes_the_device_on() -> None:
    """carelens.load had no device= (EmpathyAnalyzer.load has)."""
    assert carelens.load(threads=1, device="cpu").model_id
    with pytest.raises(ValueError, match="device must be one of"):
        carelens.load(threads=1, device="tpu")
    import onnxruntime

    if "CUDAExecutionProvider" not in onnxruntime.get_available_providers():
        with pytest.raises(carelens.ModelError, match="no CUDA provider"):
            carelens.load(threads=1, device="cuda")


def test_the_helpers_exchanges_are_picked_as_the_readme_says() -> None:
    from carelens.readers.helpers import HelperPatterns

    chats = list(
        carelens.read_exchanges(Path(__file__).resolve().parents[1] / "examples" / "chat.jsonl")
    )
    helpers = [e for e in chats if HelperPatterns(["vol-*"]).matches(e.response.speaker)]
    assert len(chats) == 17 and len(helpers) == 10
    assert [e for e in chats if HelperPatterns("vol-*").matches(e.response.speaker)] == helpers
    assert all(e.response.speaker.startswith("vol-") for e in helpers)  # type: ignore[union-attr]


# -- surrogate pairs: offsets that hold after a JSON round trip ---------------------------------

#: U+1F600 as the two UTF-16 surrogates that encode it: two code points in a Python str.
PAIR = "\ud83d\ude00"
SEEKER = f"My sister stopped talking to me after the funeral {PAIR} and I feel so alone."
RESPONSE = (
    f"{PAIR} That sounds so lonely, on top of the grief. I am so sorry. "
    f"What was she like before the funeral? {PAIR} I am here for you."
)


@pytest.fixture(scope="module")
def analyzer() -> EmpathyAnalyzer:
    return carelens.load(threads=1)


def _spans(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span of a result record: dimensions, helper, unsafe (response offsets)."""
    spans = [
        s for value in record.values() if isinstance(value, dict) for s in value.get("spans", [])
    ]
    return spans + list(record.get("unsafe") or [])


def _assert_offsets_hold(
    record: dict[str, Any], ensure_ascii: bool, *, expect_spans: bool = True
) -> None:
    back = json.loads(json.dumps(record, ensure_ascii=ensure_ascii))
    spans = _spans(back)
    assert spans or not expect_spans, "the response has spans after the emoji"
    for span in spans:
        assert back["response_text"][span["start"] : span["end"]] == span["text"]
    for cue in back["seeker"]["crisis_cues"]:
        assert back["seeker_text"][cue["start"] : cue["end"]] == cue["text"]


@pytest.mark.parametrize("ensure_ascii", [True, False])
@pytest.mark.parametrize("given", ["analyze", "analyze_many tuple", "analyze_many Exchange"])
def test_spans_of_a_surrogate_pair_text_hold_after_a_json_round_trip(
    analyzer: EmpathyAnalyzer, given: str, ensure_ascii: bool
) -> None:
    """An emoji given as two surrogates is one character to the analysis, as it is once
    ``json.loads`` reads the record back (it joins the pair), so no offset is one off."""
    exchange = carelens.Exchange(
        seeker=carelens.Turn("s1", SEEKER),
        response=carelens.Turn("r1", RESPONSE, reply_to="s1"),
    )
    if given == "analyze":
        result = analyzer.analyze(SEEKER, RESPONSE)
    elif given == "analyze_many tuple":
        [result] = analyzer.analyze_many([(SEEKER, RESPONSE)])
    else:
        [result] = analyzer.analyze_many([exchange])
    record = result_record(exchange, result)
    assert record["response_text"] == RESPONSE.replace(PAIR, "\U0001f600")
    _assert_offsets_hold(record, ensure_ascii)
    for score in result.dimensions.values():  # the Python way to the words, as in the README
        for span in score.spans:
            assert span.text_in(RESPONSE) == record["response_text"][span.start : span.end]


def test_a_lone_surrogate_stays_as_it_is(analyzer: EmpathyAnalyzer) -> None:
    """A lone surrogate encodes nothing: it is left in place (one character, as JSON keeps
    it), so the offsets after it hold too."""
    response = "\ud83d That sounds so lonely. What was she like before the funeral?"
    result = analyzer.analyze(SEEKER, response)
    exchange = carelens.Exchange(
        carelens.Turn("s1", SEEKER), carelens.Turn("r1", response, reply_to="s1")
    )
    record = result_record(exchange, result)
    assert record["response_text"] == response
    _assert_offsets_hold(record, ensure_ascii=True)


_WORDS = ["That", "sounds", "so", "hard.", "What", "happened", "then?", "I", "am", "sorry.", PAIR]


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
def test_offsets_hold_after_a_json_round_trip_wherever_the_pairs_are(
    analyzer: EmpathyAnalyzer, words: list[str]
) -> None:
    response = " ".join([*words, "What was she like before the funeral?"])
    exchange = carelens.Exchange(
        carelens.Turn("s1", SEEKER), carelens.Turn("r1", response, reply_to="s1")
    )
    [result] = analyzer.analyze_many([exchange])
    # A drawn response may show nothing the model marks: its offsets are checked when it does.
    _assert_offsets_hold(result_record(exchange, result), ensure_ascii=True, expect_spans=False)
