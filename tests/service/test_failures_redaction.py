"""A failed corpus' message quotes the first reject's detail redacted, then cut: cut first,
an e-mail address or phone number at the cut was no longer recognised and kept in part."""

from __future__ import annotations

from pathlib import Path

from carelens.readers import RejectLog
from carelens.readers import rejects as R
from carelens.service import failures


def _rejects(folder: Path, detail: str) -> tuple[RejectLog, Path]:
    path = folder / "rejects.jsonl"
    with RejectLog(path) as log:
        log.add(folder / "chat.jsonl", 2, "reply_to", R.UNKNOWN_PARENT, detail=detail)
    return log, path


def test_the_first_reject_is_redacted_before_it_is_cut(tmp_path: Path) -> None:
    # the address runs over the 40 characters a detail is cut to
    log, path = _rejects(tmp_path, "turn 'x' replies to 'mail jane.doe@example.org', not here")
    message = failures.all_rejected(log, path, "jsonl", redacted=True)
    stored = failures.bounded(message, redacted=True)
    assert "jane" not in stored and "exam" not in stored
    assert "turn 'x' replies to 'mail [email]'" in stored
    # without redaction the detail is cut as before
    plain = failures.all_rejected(log, path, "jsonl")
    assert "turn 'x' replies to 'mail jane.doe@exam…" in plain


def test_a_phone_number_at_the_cut_is_redacted(tmp_path: Path) -> None:
    log, path = _rejects(tmp_path, "turn 'x' replies to 'please call 555-867-5309', not here")
    stored = failures.bounded(failures.all_rejected(log, path, None, redacted=True), redacted=True)
    assert "867" not in stored and "please call [phone" in stored
