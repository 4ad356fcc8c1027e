"""``carelens analyze``'s summary and rejects: a learned-only crisis hint counted and worded
apart from crisis wording, and the rejects' details redacted with ``--redact``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from carelens.cli.analyze import crisis_words

Invoke = Callable[..., Result]

READERS = Path(__file__).resolve().parents[1] / "data" / "readers"
#: A thread whose rejected records locate themselves by ids that hold personal data: a
#: duplicate id that is an e-mail address, a reply to an e-mail address not in the input,
#: and an id with a phone number where a quote is cut, on an embedded (malformed) parent.
PERSONAL_REJECTS = READERS / "personal_rejects.jsonl"
SECRETS = ("kim@example.com", "lee.river@example.org", "415 555", "415")


def flat(text: str) -> str:
    return " ".join(text.split())


def test_a_learned_only_hint_is_counted_and_worded_apart(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    """s1 is marked by the learned flag alone, s2 by a wording pattern, s3 not at all:
    the summary says the one is only a hint, as ``summarize`` and the report say it."""
    both = invoke("analyze", data / "crisis_hints.jsonl", "-o", tmp_path / "all.jsonl")
    assert both.exit_code == 0, both.output
    said = flat(both.stdout)
    assert (
        "2 responses answer messages with wording about suicide or self-harm, or a hint of it "
        "(1 of them only a hint, a possible crisis): read them"
    ) in said
    rows = [json.loads(line) for line in (data / "crisis_hints.jsonl").read_text().splitlines()]
    for row, expected in (
        (
            rows[0],
            "1 response answers a message that may point to a crisis "
            "(a hint the learned flag found): read",
        ),
        (rows[1], "1 response answers a message with wording about suicide or self-harm: read it"),
    ):
        one = tmp_path / f"{row['seeker_id']}.jsonl"
        one.write_text(json.dumps(row) + "\n", encoding="utf-8")
        result = invoke("analyze", one, "-o", tmp_path / f"{row['seeker_id']}-out.jsonl")
        assert result.exit_code == 0, result.output
        assert expected in flat(result.stdout)
    assert "a hint of it" not in flat(result.stdout)


_HINT = "(a hint the learned flag found)"


@pytest.mark.parametrize(
    ("needs", "hints", "said"),
    [
        (1, 0, "1 response answers a message with wording about suicide or self-harm[/]"),
        (3, 0, "3 responses answer messages with wording about suicide or self-harm[/]"),
        (1, 1, "1 response answers a message that may point to a crisis[/] " + _HINT),
        (2, 2, "2 responses answer messages that may point to a crisis[/] " + _HINT),
        (
            3,
            2,
            "3 responses answer messages with wording about suicide or self-harm, "
            "or a hint of it[/] (2 of them only a hint, a possible crisis)",
        ),
    ],
)
def test_crisis_words(needs: int, hints: int, said: str) -> None:
    assert crisis_words(needs, hints) == "[bold red]" + said


def test_redact_redacts_the_details_of_the_rejects(invoke: Invoke, tmp_path: Path) -> None:
    """A reject's detail quotes the ids that locate it; ``--redact`` promises that no
    personal data is written, so they pass through redaction as the texts do."""
    plain = tmp_path / "plain.jsonl"
    result = invoke("analyze", PERSONAL_REJECTS, "-o", tmp_path / "p.jsonl", "--rejects", plain)
    assert result.exit_code == 0, result.output
    listed = plain.read_text(encoding="utf-8")
    assert "kim@example.com" in listed and "lee.river@example.org" in listed  # to redact
    # A quote is never cut inside personal data: the phone number is left out, not split.
    assert "'the thread of the caller on …' (51 characters)" in listed and "415" not in listed

    redacted = tmp_path / "redacted.jsonl"
    out = tmp_path / "r.jsonl"
    result = invoke("analyze", PERSONAL_REJECTS, "-o", out, "--rejects", redacted, "--redact")
    assert result.exit_code == 0, result.output
    entries = [json.loads(line) for line in redacted.read_text(encoding="utf-8").splitlines()]
    assert sorted((e["line"], e["field"], e["reason"]) for e in entries) == [
        (4, "id", "duplicate id"),
        (5, "reply_to", "unknown parent"),
        (6, "reply_to", "invalid field value"),
    ]
    details = {e["line"]: e["detail"] for e in entries}
    assert details[4] == "turn '[email]' in conversation 'c1'"
    assert details[5] == "turn 't3' in conversation 'c1' replies to '[email]', not in the input"
    assert details[6].startswith("turn 'the thread of the caller on …' (51 characters): ")
    for secret in SECRETS:
        assert secret not in redacted.read_text(encoding="utf-8")
        assert secret not in result.stdout + result.stderr
    # Without --rejects the file beside the output is redacted alike.
    beside = Path(f"{out}.rejects.jsonl")
    again = invoke("analyze", PERSONAL_REJECTS, "-o", out, "--redact", "--overwrite")
    assert again.exit_code == 0, again.output
    assert beside.read_text(encoding="utf-8") == redacted.read_text(encoding="utf-8")
