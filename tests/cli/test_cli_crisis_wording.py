"""``analyze``, ``summarize`` and ``report`` word the responses that answer crisis cues
alike: summarize said "answer messages with crisis cues", the report "answer a message with
crisis cues: wording about suicide or self-harm", and each worded the hints apart in its own
way, though the README promises analyze's words are theirs."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Invoke = Callable[..., Result]

#: s1 marked by the learned crisis flag alone, s2 by a wording pattern, s3 not at all.
SAID = (
    "2 responses answer messages with wording about suicide or self-harm, or a hint of it "
    "(1 of them only a hint, a possible crisis)"
)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_analyze_summarize_and_report_word_crisis_cues_alike(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    results = tmp_path / "results.jsonl"
    analysed = invoke("analyze", data / "crisis_hints.jsonl", "--threads", "1", "-o", results)
    assert analysed.exit_code == 0, analysed.output
    assert SAID + ": read them" in _words(analysed.stdout)

    summarized = invoke("summarize", results, "-q")
    assert summarized.exit_code == 0, summarized.output
    assert f"To read: {SAID}, 0 have unsafe wording" in _words(summarized.stdout)

    page = tmp_path / "report.html"
    reported = invoke("report", results, "-o", page, "-q")
    assert reported.exit_code == 0, reported.output
    html = page.read_text(encoding="utf-8")
    paragraph = re.search(r'<p><strong id="crisis-count">(.*?)</p>', html, re.S)
    assert paragraph is not None
    text = _words(re.sub(r"<[^>]+>", "", paragraph.group(1)))
    assert text.startswith(SAID + ".")
