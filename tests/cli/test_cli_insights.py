"""`carelens summarize` and `carelens report` on conversation files and on analyze results."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from carelens.errors import InputError
from carelens.insights import Insights, records_from
from carelens.insights.anonymize import local_key
from carelens.output import read_results
from carelens.privacy import Pseudonymizer

# The `invoke` fixture's type (tests/cli/conftest.py); not imported from there, because
# another tests folder has a conftest module too.
Invoke = Callable[..., Result]


def test_summarize_a_conversation_file(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    result = invoke("summarize", data / "thread.jsonl", "--tables", tables)
    assert result.exit_code == 0, result.output
    assert "Communities" in result.stdout and "Helpers" in result.stdout
    assert "jon" in result.stdout and "thread" in result.stdout  # community from the file name
    assert "Strain signals" in result.stdout
    written = sorted(p.name for p in tables.iterdir())
    assert written == [
        "communities.csv",
        "helpers.csv",
        "monthly_communities.csv",
        "monthly_helpers.csv",
        "responses.csv",
        "strain.csv",
    ]
    with (tables / "responses.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["helper"] for r in rows} >= {"jon"}
    assert all(r["month"] == "2024-03" for r in rows)


def test_summarize_results_equals_summarize_input(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "results.jsonl"
    assert invoke("analyze", data / "pairs.csv", "-o", out).exit_code == 0
    from_results = Insights.from_records(read_results(out), default_community="pairs")
    import carelens

    analysed = Insights.from_records(
        records_from(data / "pairs.csv", lambda: carelens.load()), default_community="pairs"
    )
    assert from_results.helpers().equals(analysed.helpers())
    result = invoke("summarize", out, "--community", "forum")
    assert result.exit_code == 0, result.output
    assert "forum" in result.stdout


def test_summarize_anonymized_hides_names(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    tables = tmp_path / "t"
    result = invoke("summarize", data / "thread.jsonl", "--anonymize", "--tables", tables)
    assert result.exit_code == 0, result.output
    assert "jon" not in result.stdout
    text = (tables / "responses.csv").read_text(encoding="utf-8")
    assert "jon" not in text and "maya" not in text


def test_summarize_missing_input_is_one_clear_line(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("summarize", tmp_path / "nope.jsonl")
    assert result.exit_code == 1
    assert "no such file" in result.stderr


def test_summarize_lists_bad_records_and_goes_on(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    result = invoke("summarize", data / "malformed.jsonl")
    assert result.exit_code == 0, result.output
    assert "bad input records skipped" in result.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_report_from_results(invoke: Invoke, data: Path, tmp_path: Path, fmt: str) -> None:
    results = tmp_path / f"results.{fmt}"
    assert invoke("analyze", data / "thread.jsonl", "-o", results).exit_code == 0
    html = tmp_path / "report.html"
    result = invoke("report", results, "-o", html, "--title", "Peer group")
    assert result.exit_code == 0, result.output
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert "Peer group" in page and "jon" in page


def test_report_refuses_a_non_html_output(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    result = invoke("report", data / "thread.jsonl", "-o", tmp_path / "r.pdf")
    assert result.exit_code == 1
    assert ".html" in result.stderr


def test_report_records_carry_texts(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    assert invoke("analyze", data / "thread.jsonl", "-o", out, "--no-text").exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(r["response_text"] is None and r["seeker_text"] is None for r in records)


def _pseudonyms(tables: Path) -> set[str]:
    with (tables / "responses.csv").open(encoding="utf-8", newline="") as fh:
        return {row["helper"] for row in csv.DictReader(fh)}


def test_anonymize_uses_a_secret_key_kept_in_the_data_folder(
    invoke: Invoke, data: Path, tmp_path: Path, private_data_dir: Path
) -> None:
    first = invoke("summarize", data / "thread.jsonl", "--anonymize", "--tables", tmp_path / "a")
    assert first.exit_code == 0, first.output
    key_file = private_data_dir / "pseudonym.key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert len(key_file.read_text().strip()) == 64
    assert "secret pseudonym key" in first.stderr
    second = invoke("summarize", data / "thread.jsonl", "--anonymize", "--tables", tmp_path / "b")
    assert second.exit_code == 0, second.output
    assert "secret pseudonym key" not in second.stderr  # made once, then reused
    names = _pseudonyms(tmp_path / "a")
    assert names == _pseudonyms(tmp_path / "b")  # stable from run to run
    public = Pseudonymizer(prefix="person")
    assert names and not names & {public.pseudonym(n) for n in ("ana", "jon", "maya")}


def test_anonymize_key_from_the_environment_wins(
    invoke: Invoke,
    data: Path,
    tmp_path: Path,
    private_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CARELENS_ANONYMIZE_KEY", "team-secret")
    result = invoke("summarize", data / "thread.jsonl", "--anonymize", "--tables", tmp_path / "t")
    assert result.exit_code == 0, result.output
    assert not (private_data_dir / "pseudonym.key").exists()
    keyed = Pseudonymizer("team-secret", prefix="person")
    helpers = {keyed.pseudonym(n) for n in ("ana", "jon", "maya")}
    assert _pseudonyms(tmp_path / "t") <= helpers


def test_an_empty_key_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "pseudonym.key").write_text("\n")
    with pytest.raises(InputError, match="pseudonym key file is empty"):
        local_key(tmp_path)


def test_summarize_counts_what_a_person_should_read(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "pairs.jsonl"
    seeker = "I want to kill myself. Nobody would notice."
    rows = [
        {"seeker_id": "s1", "response_id": "r1", "seeker": seeker, "response": "Just die then."},
        {"seeker_id": "s1", "response_id": "r2", "seeker": seeker, "response": "I'd notice."},
        {"seeker_id": "s2", "response_id": "r3", "seeker": "Bad day.", "response": "Oh no."},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    tables = tmp_path / "tables"
    result = invoke("summarize", source, "--tables", tables)
    assert result.exit_code == 0, result.output
    assert "unsafe replies" in result.stdout
    assert "To read: 2 responses answer messages with crisis cues, 1 have unsafe" in result.stdout
    with (tables / "responses.csv").open(encoding="utf-8") as fh:
        unsafe = {r["response_id"]: r["unsafe_reply"] for r in csv.DictReader(fh)}
    assert unsafe == {"r1": "True", "r2": "False", "r3": "False"}
    with (tables / "helpers.csv").open(encoding="utf-8") as fh:
        assert sum(int(r["unsafe_replies"]) for r in csv.DictReader(fh)) == 1
