"""The public API of the ``carelens`` package."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import carelens
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.inference.artifact import default_model_dir
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


def test_the_readme_python_example_runs_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Python", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    scope: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), scope)
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].split()[0] in STYLES  # the style headline, then the feedback
    assert len(scope["results"]) == 1  # type: ignore[arg-type]
    assert any(line.startswith("reflection ") for line in printed)


def test_the_helpers_exchanges_are_picked_as_the_readme_says() -> None:
    from carelens.readers.helpers import HelperPatterns

    chats = list(
        carelens.read_exchanges(Path(__file__).resolve().parents[1] / "examples" / "chat.jsonl")
    )
    helpers = [e for e in chats if HelperPatterns(["vol-*"]).matches(e.response.speaker)]
    assert len(chats) == 17 and len(helpers) == 10
    assert all(e.response.speaker.startswith("vol-") for e in helpers)  # type: ignore[union-attr]
