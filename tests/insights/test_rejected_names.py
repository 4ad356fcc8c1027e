"""``--anonymize`` and rejected records: the speaker names of a record rejected while a result
file is read are looked for in the texts of the records that are shown.

A good record's text may name the helper of a damaged record ("thanks quiet_fern"). That
record contributes no row, so until its names were collected from the rejected record itself,
the name stayed visible in an anonymized report.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from insight_rows import record
from typer.testing import CliRunner

from carelens.cli.main import app
from carelens.insights import Insights, records_from
from carelens.insights.anonymize import KEY_ENV, RejectedNames
from carelens.output.records import flatten_record, parquet_schema
from carelens.privacy import Pseudonymizer
from carelens.readers import RejectLog
from carelens.taxonomy import RESPONSE_DIMENSIONS

KEY = "test key"
PSEUDONYM = Pseudonymizer(KEY, prefix="person").pseudonym
#: The good record's texts name the rejected record's helper and seeker.
RESPONSE = "Thanks quiet_fern, that helped me too. It sounds like you feel alone."
SEEKER = "Juniper_Moon said I should post here. I feel so alone."


def _no_analyzer() -> Any:
    raise AssertionError("results are read, never analysed")


def _good() -> dict[str, Any]:
    out = record("r1", speaker="ana", response=RESPONSE, seeker=SEEKER, attention=True)
    at = RESPONSE.index("It sounds")
    out["interpretation"] = {
        "level": 2,
        "probabilities": [0.1, 0.1, 0.8],
        "spans": [{"start": at, "end": len(RESPONSE), "label": "interpretation"}],
    }
    return out


def _rejected() -> dict[str, Any]:
    """A record with a level that is not 0, 1 or 2: listed in the rejects, never shown."""
    out = record("r2", speaker="quiet_fern")
    out["seeker_speaker"] = "Juniper_Moon"
    out["interpretation"]["level"] = 7
    return out


def _results(path: Path) -> Path:
    lines = [json.dumps(_good()), json.dumps(_rejected())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _anonymized(path: Path) -> tuple[Insights, RejectLog]:
    log, rejected = RejectLog(), RejectedNames()
    records = records_from(path, _no_analyzer, rejects=log, on_rejected=rejected)
    insights = Insights.from_records(records, anonymize=True, key=KEY, more_names=rejected)
    return insights, log


def test_names_of_a_rejected_record_are_hidden_in_the_shown_texts(tmp_path: Path) -> None:
    insights, log = _anonymized(_results(tmp_path / "results.jsonl"))
    assert log.counts == {"invalid field value": 1}
    (row,) = insights.rows
    assert row.response_text == (
        f"Thanks {PSEUDONYM('quiet_fern')}, that helped me too. It sounds like you feel alone."
    )  # the pseudonym is the one the rejected helper would have in the tables
    assert row.seeker_text == SEEKER.replace("Juniper_Moon", PSEUDONYM("Juniper_Moon") or "")
    (span,) = row.spans["interpretation"]  # spans stay on their words
    assert row.response_text[span["start"] : span["end"]] == "It sounds like you feel alone."


def test_without_anonymize_nothing_is_collected_or_changed(tmp_path: Path) -> None:
    path = _results(tmp_path / "results.jsonl")
    (row,) = Insights.from_records(records_from(path, _no_analyzer, rejects=RejectLog())).rows
    assert row.response_text == RESPONSE and row.seeker_text == SEEKER


def _write_flat(path: Path, records: list[dict[str, Any]]) -> None:
    """``records`` in the flat layout, as ``carelens analyze`` writes CSV and Parquet."""
    dims = list(RESPONSE_DIMENSIONS)
    rows = [flatten_record(r, dims) for r in records]
    if path.suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows, schema=parquet_schema(dims)), path)
        return
    import csv

    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for row in rows:  # lists as JSON, as carelens writes them
            writer.writerow(
                {k: json.dumps(v) if isinstance(v, list) else v for k, v in row.items()}
            )


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_names_of_a_rejected_flat_row_are_hidden(tmp_path: Path, suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    path = tmp_path / f"results{suffix}"
    _write_flat(path, [_good(), _rejected()])
    insights, log = _anonymized(path)
    assert log.total == 1
    (row,) = insights.rows
    text = f"{row.response_text} {row.seeker_text}"
    assert "quiet_fern" not in text and "Juniper_Moon" not in text
    assert PSEUDONYM("quiet_fern") in text and PSEUDONYM("Juniper_Moon") in text


def test_names_before_the_damage_of_a_line_that_is_not_json(tmp_path: Path) -> None:
    """A damaged line (here: cut inside its texts, with a good record after it) gives the
    fields before the damage; an interrupted run's cut last line too."""
    good = json.dumps(_good())
    damaged = json.dumps(_rejected() | {"interpretation": {"level": 1}})
    damaged = damaged[: damaged.index('"seeker_text"') + 20]
    cut = json.dumps(record("r3", speaker="Sam_2"))
    cut = cut[: cut.index('"seeker_text"') + 5]
    path = tmp_path / "results.jsonl"
    path.write_text(f"{good}\n{damaged}\n{cut}", encoding="utf-8")
    log, rejected = RejectLog(), RejectedNames()
    records = list(records_from(path, _no_analyzer, rejects=log, on_rejected=rejected))
    assert len(records) == 1 and log.total == 2
    assert list(rejected) == ["Juniper_Moon", "Sam_2", "op", "quiet_fern"]


def test_a_line_that_is_not_json_at_its_start_gives_no_names(tmp_path: Path) -> None:
    """Only a JSON object's own fields give names: a "speaker" inside damaged text or a
    line that does not begin as an object is not read."""
    path = tmp_path / "results.jsonl"
    path.write_text(
        json.dumps(_good())
        + '\n{"seeker_id": "s9", "response_id": "r9", "response_text": "\\"speaker\\": \\"x_y\\""'
        + "oops\n"
        + 'oops {"speaker": "quiet_fern"}\n',
        encoding="utf-8",
    )
    log, rejected = RejectLog(), RejectedNames()
    assert len(list(records_from(path, _no_analyzer, rejects=log, on_rejected=rejected))) == 1
    assert log.total == 2 and list(rejected) == []


def test_only_name_strings_are_collected() -> None:
    names = RejectedNames()
    names({"speaker": "  ", "seeker_speaker": 42})
    names({"speaker": None, "seeker_speaker": ["quiet_fern"], "response_text": "Sam_2"})
    names({"speaker": "quiet_fern", "seeker_speaker": "quiet_fern"})
    assert list(names) == ["quiet_fern"]


def _invoke(*args: str | Path, env: dict[str, str]) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200", **env})


def test_report_anonymize_hides_the_names_of_rejected_records(tmp_path: Path) -> None:
    path = _results(tmp_path / "results.jsonl")
    html = tmp_path / "report.html"
    env = {KEY_ENV: KEY, "CARELENS_DATA_DIR": str(tmp_path / "data")}
    result = _invoke("report", path, "-o", html, "--anonymize", env=env)
    assert result.exit_code == 0, result.output
    assert "1 bad input record skipped" in result.stderr
    page = html.read_text(encoding="utf-8")
    assert "quiet_fern" not in page and "Juniper_Moon" not in page
    assert PSEUDONYM("quiet_fern") in page and PSEUDONYM("Juniper_Moon") in page
    rejects = Path(f"{html}.rejects.jsonl").read_text(encoding="utf-8")
    assert "quiet_fern" not in rejects  # the rejects list holds no names
    plain = _invoke("report", path, "-o", tmp_path / "plain.html", env=env)
    assert plain.exit_code == 0, plain.output
    assert "Thanks quiet_fern" in (tmp_path / "plain.html").read_text(encoding="utf-8")


def test_summarize_anonymize_hides_the_names_of_rejected_records(tmp_path: Path) -> None:
    """summarize shows no texts, but its tables and output must not name the helper either."""
    path = _results(tmp_path / "results.jsonl")
    tables = tmp_path / "tables"
    env = {KEY_ENV: KEY, "CARELENS_DATA_DIR": str(tmp_path / "data")}
    result = _invoke("summarize", path, "--anonymize", "--tables", tables, env=env)
    assert result.exit_code == 0, result.output
    written = [result.stdout, *(p.read_text(encoding="utf-8") for p in tables.iterdir())]
    assert not any("quiet_fern" in t or "Juniper_Moon" in t for t in written)
