"""The "Nothing was analysed" error counts the records read, not only the rejects: 100 good
root posts and one reply to a message not in the file were "the only record was rejected"."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from carelens.cli.analyze import nothing_read_hint

Invoke = Callable[..., Result]


def said(text: str) -> str:
    return " ".join(text.split())


def test_roots_and_one_rejected_reply_are_counted_as_read(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "roots.jsonl"
    rows = [{"id": f"p{i}", "speaker": f"u{i}", "text": "hello"} for i in range(100)]
    rows.append({"id": "r", "speaker": "vol-a", "reply_to": "p999", "text": "hi"})
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = invoke("analyze", source, "-o", out, "--format", "jsonl")
    assert result.exit_code == 1, result.output
    message = said(result.stderr)
    assert (
        "error: Nothing was analysed: the 101 records read gave 1 reject and no message left "
        "answers another; the first lines of the rejects file say why "
        f"(rejects: {out}.rejects.jsonl)."
    ) in message
    assert "the only record" not in message and "is the file really" not in message


def test_a_thread_csv_whose_replies_are_rejected_is_counted_as_read(
    invoke: Invoke, tmp_path: Path
) -> None:
    """Two of the three messages answer ids not in the file: 2 of 3 are rejected, not "all
    2 records"."""
    source = tmp_path / "thread.csv"
    source.write_text(
        "message_id,thread_id,parent_id,author,text\n"
        "m1,t1,,alice,I feel awful\n"
        "m2,t1,x1,vol-a,I am sorry\n"
        "m3,t1,x2,alice,thanks\n",
        encoding="utf-8",
    )
    result = invoke("analyze", source, "-o", tmp_path / "o.jsonl")
    assert result.exit_code == 1, result.output
    assert "Nothing was analysed: the 3 records read gave 2 rejects and no message" in said(
        result.stderr
    )


def test_a_windows_1252_file_is_warned_of_once(invoke: Invoke, tmp_path: Path) -> None:
    """Counting the records again for the error logged the reader's warning a second time."""
    source = tmp_path / "excel.csv"
    source.write_bytes(
        b"seeker_id,response_id,seeker,response\n1,2,I feel \x97 awful,That\x92s hard\n"
    )
    result = invoke("analyze", source, "-o", tmp_path / "o.jsonl")
    assert result.exit_code == 1, result.output
    assert said(result.stderr).count("the file looks like Windows-1252") == 1
    assert "Nothing was analysed: the only record was rejected" in said(result.stderr)


def test_every_record_rejected_is_still_said_so() -> None:
    rejects = Path("r.jsonl")
    assert nothing_read_hint(2, "csv", rejects, read=(2, 0)) == (
        "Nothing was analysed: all 2 records were rejected; is the file really csv? Leave out "
        "--format to detect it (rejects: r.jsonl)."
    )
    # one message, read as it should be, whose parent is not in the file: not the format
    assert nothing_read_hint(1, "jsonl", rejects, read=(1, 1)) == (
        "Nothing was analysed: the only record was rejected; the first lines of the rejects "
        "file say why (rejects: r.jsonl)."
    )


def test_uncounted_or_left_out_records_are_not_miscounted() -> None:
    rejects = Path("r.jsonl")
    # a pipe is read once: the rejects only, never "all" of them
    assert nothing_read_hint(3, None, rejects) == (
        "Nothing was analysed: 3 records were rejected; the first lines of the rejects file "
        "say why (rejects: r.jsonl)."
    )
    # pairs were found, none by a --helper: not "no message answers another"
    assert "the 10 records read gave 1 reject and no pair is by a --helper;" in (
        nothing_read_hint(1, None, rejects, read=(10, 10), not_by_helpers=4)
    )
