"""``benchmarks/crisis_cue_changes.py``: a review corpus read by this checkout and by HEAD (the
earlier version, unpacked with ``git archive``; skipped outside a git checkout), the lines
for changed messages, and the errors for a corpus it cannot read."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from benchmark_scripts import ROOT, run_benchmark

SCRIPT = "crisis_cue_changes.py"


def _corpus(tmp_path: Path, records: list[object]) -> Path:
    path = tmp_path / "review.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _has_head() -> bool:
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", "HEAD"],
        capture_output=True,
        check=False,
    )
    return head.returncode == 0


def test_both_versions_read_a_labelled_corpus(tmp_path: Path) -> None:
    if not _has_head():
        pytest.skip("not a git checkout: there is no earlier version to unpack")
    path = _corpus(
        tmp_path,
        [
            {"id": "a", "text": "I want to kill myself tonight.", "crisis": True},
            {"id": "b", "text": "We painted the fence on Sunday.", "crisis": False},
            {"text": "I don't know how to tell my mom about the grades."},
        ],
    )
    done = run_benchmark(SCRIPT, "--against", "HEAD", "--texts", str(path))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    # HEAD and the working tree may differ in the patterns, never in what these three say.
    for line, name in zip(lines[:2], ["this checkout", "HEAD"], strict=True):
        assert line == (
            f"{name:>14}: 1 of 3 messages with cues, 1 cues; "
            "crises caught 1 of 1, false cues 0 of 1"
        )
    assert lines[2:] == ["0 messages whose cues differ"]


def test_changed_messages_lost_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from crisis_cue_changes import Message, changes

    messages = [Message("1", "took hella pills", True), Message("2", "end it all", True)]
    new = [[("self_harm", "took hella pills")], []]
    old: list[list[tuple[str, str]]] = [[], [("suicide", "end it all")]]
    lines = changes(messages, new, old)
    assert [line.split(":")[0] for line in lines] == [
        "LOST 2 [labelled true]",
        "NEW 1 [labelled true]",
    ]
    assert "before: [('suicide', 'end it all')]" in lines[0]
    assert "now:    no cue" in lines[0]


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('{"text": "fine"}\nnot json\n', "line 2: not JSON"),
        ('{"words": "no text"}\n', "line 1, field 'text'"),
        ('{"text": "fine", "crisis": "yes"}\n', "line 1, field 'crisis': true, false or absent"),
        ("\n\n", "no messages"),
    ],
)
def test_a_corpus_it_cannot_read_is_named(tmp_path: Path, content: str, said: str) -> None:
    path = tmp_path / "review.jsonl"
    path.write_text(content, encoding="utf-8")
    done = run_benchmark(SCRIPT, "--against", "HEAD", "--texts", str(path))
    assert done.returncode != 0
    assert said in done.stderr
    assert str(path) in done.stderr
    assert "Traceback" not in done.stderr


def test_a_missing_corpus_is_named(tmp_path: Path) -> None:
    done = run_benchmark(SCRIPT, "--against", "HEAD", "--texts", str(tmp_path / "none.jsonl"))
    assert done.returncode != 0
    assert "none.jsonl is missing: --texts needs a JSON Lines file of messages" in done.stderr
