"""A batch run's summary and rejects as ``analyze`` gives them: learned-only crisis hints
counted apart (per part, summed in the manifest, printed), and the rejects' details
redacted with ``--redact``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from carelens.analysis.crisis_model import LABEL as LEARNED_CUE
from carelens.batch.outputs import MANIFEST, REJECTS, part_name, totals, write_rejects
from carelens.batch.rows import reject_row, to_table
from carelens.batch.scoring import shard_counts
from carelens.cli.main import app
from carelens.readers.rejects import NOT_LISTED, reject_entry

DATA = Path(__file__).resolve().parents[1] / "data"
#: s1 marked by the learned crisis flag alone, s2 by a wording pattern, s3 not at all.
CRISIS_HINTS = DATA / "cli" / "crisis_hints.jsonl"
#: Rejected records located by ids that hold e-mail addresses and a phone number.
PERSONAL_REJECTS = DATA / "readers" / "personal_rejects.jsonl"


def record(*labels: str) -> dict[str, Any]:
    cues = [{"start": 0, "end": 4, "label": label, "score": 1.0} for label in labels]
    return {
        "empathy": {"level": 0},
        "style": "other",
        "seeker": {"needs_attention": bool(cues), "crisis_cues": cues},
    }


def test_counts_and_totals_count_crisis_hints_apart(tmp_path: Path) -> None:
    records = [record(LEARNED_CUE), record("suicide", LEARNED_CUE), record()]
    counts = shard_counts(records, ["empathy"], 0)
    assert (counts["needs_attention"], counts["crisis_hints"]) == (2, 1)
    older = {k: v for k, v in counts.items() if k != "crisis_hints"}  # a part scored before
    for shard, part in ((0, counts), (1, {**older, "shard": 1})):
        (tmp_path / f"{part_name(shard)}.json").write_text(json.dumps(part), encoding="utf-8")
    summed = totals(tmp_path, [0, 1], ["empathy"])
    assert (summed["needs_attention"], summed["crisis_hints"]) == (4, 1)


def test_write_rejects_redacts_the_details_with_redact(tmp_path: Path) -> None:
    staged, out = tmp_path / "staged", tmp_path / "out"
    (staged / "shard=-1").mkdir(parents=True)
    out.mkdir()
    detail = "turn 't3' replies to 'lee.river@example.org', not in the input"
    entries = [
        reject_entry("in.jsonl", 5, "reply_to", "unknown parent", detail=detail),
        reject_entry("in.jsonl", 7, "text", "missing text"),
    ]
    rows = [reject_row(e, file=0, seq=n) for n, e in enumerate(entries)]
    pq.write_table(to_table(rows), staged / "shard=-1" / "part.parquet")
    write_rejects(staged, out)
    assert [json.loads(line) for line in (out / REJECTS).read_text().splitlines()] == entries
    rejected, _, _ = write_rejects(staged, out, redact=True)
    written = [json.loads(line) for line in (out / REJECTS).read_text().splitlines()]
    assert written == [
        {**entries[0], "detail": detail.replace("lee.river@example.org", "[email]")},
        entries[1],
    ]
    assert rejected == {"unknown parent": 1, "missing text": 1}


@pytest.mark.usefixtures("local_ray")
def test_a_redacted_batch_run_counts_hints_and_redacts_its_rejects(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["batch", str(CRISIS_HINTS), str(PERSONAL_REJECTS), "-o", str(out), "--redact"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert (
        "2 responses answer messages with wording about suicide or self-harm, or a hint of it "
        "(1 of them only a hint, a possible crisis): read them"
    ) in said
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert (manifest["needs_attention"], manifest["crisis_hints"]) == (2, 1)
    listed = (out / REJECTS).read_text(encoding="utf-8")
    details = {json.loads(line)["line"]: json.loads(line)["detail"] for line in listed.splitlines()}
    assert details[4] == "turn '[email]' in conversation 'c1'"
    # worded as analyze words it (batch said "which is not in its conversation")
    assert details[5] == "turn 't3' in conversation 'c1' replies to '[email]', not in the input"
    for secret in ("kim@example.com", "lee.river@example.org", "415"):
        assert secret not in listed


def test_write_rejects_lists_the_first_and_counts_the_rest(tmp_path: Path) -> None:
    """As every rejects file: the first rejects by file and line, then one line counting the
    others per reason (a few KB of compressed input can hold millions of bad lines)."""
    staged, out = tmp_path / "staged", tmp_path / "out"
    (staged / "shard=-1").mkdir(parents=True)
    out.mkdir()
    entries = [
        reject_entry("in.jsonl", line, "text", "missing text" if line % 2 else "malformed JSON")
        for line in range(20, 0, -1)  # staged out of order
    ]
    rows = [reject_row(e, file=0, seq=n) for n, e in enumerate(entries)]
    pq.write_table(to_table(rows), staged / "shard=-1" / "part.parquet")
    rejected, _, _ = write_rejects(staged, out, max_listed=5)
    written = [json.loads(line) for line in (out / REJECTS).read_text().splitlines()]
    assert [w["line"] for w in written[:5]] == [1, 2, 3, 4, 5]
    assert written[5]["reason"] == NOT_LISTED
    assert written[5]["not_listed"] == {"malformed JSON": 8, "missing text": 7}
    assert rejected == {"missing text": 10, "malformed JSON": 10}  # every one counted
    write_rejects(staged, out, max_listed=20)
    assert len((out / REJECTS).read_text().splitlines()) == 20  # all listed: no last line
