"""``analyze_file(..., helpers="vol-*")``: one pattern given as a string is that pattern, as
the command line's ``--helper vol-*`` (it was read as the patterns v, o, l, - and *, which
matched every speaker)."""

from __future__ import annotations

from pathlib import Path

import carelens
from carelens.output import analyze_file

CHAT = Path(__file__).resolve().parents[2] / "examples" / "chat.jsonl"


def test_one_helper_pattern_as_a_string(tmp_path: Path) -> None:
    analyzer = carelens.load(threads=1)
    as_string = analyze_file(CHAT, analyzer, tmp_path / "a.jsonl", helpers="vol-*")
    as_list = analyze_file(CHAT, analyzer, tmp_path / "b.jsonl", helpers=["vol-*"])
    assert (as_string.analysed, as_string.not_by_helpers) == (10, 7)
    assert (as_list.analysed, as_list.not_by_helpers) == (10, 7)
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
