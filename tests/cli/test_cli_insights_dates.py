"""`carelens summarize` on timestamps: dates far from the rest are set aside and named, a
number in a form carelens does not read is "could not be read" (not "no timestamp"), what an
export writes for a missing value is no timestamp, and a trend from few responses is
marked."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

# The `invoke` fixture's type (tests/cli/conftest.py).
Invoke = Callable[..., Result]


def _pairs(path: Path, stamps: list[tuple[str, object]]) -> Path:
    rows = [
        {
            "seeker_id": f"s{i}",
            "response_id": f"r{i}",
            "seeker": "I lost my job and I can't stop thinking I'm a failure.",
            "response": "That sounds really hard. What has been the hardest part?",
            "speaker": speaker,
            "timestamp": stamp,
        }
        for i, (speaker, stamp) in enumerate(stamps)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_summarize_names_a_far_off_date_and_marks_small_trends(
    invoke: Invoke, tmp_path: Path
) -> None:
    stamps: list[tuple[str, object]] = [
        ("vol-kay", f"2026-{m:02d}-{d:02d}T10:00:00Z") for m in range(1, 7) for d in (3, 9, 17, 25)
    ]
    stamps += [("vol-kay", "2062-03-05T10:00:00Z")]  # a mistyped 2026
    stamps += [("vol-new", f"2026-0{m}-10T10:00:00Z") for m in (1, 2, 3)]
    tables = tmp_path / "tables"
    result = invoke("summarize", _pairs(tmp_path / "pairs.jsonl", stamps), "--tables", tables)
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert (
        "Far-off dates: 1 response is dated far from the rest of its helper's or community's "
        'responses ("vol-kay", 2062-03-05) and is left out of the monthly figures, trends and '
        "strain signals; it counts in every other figure. Check for a mistyped year." in said
    )
    # vol-new's trend stands on 3 responses: marked, and explained in the legend.
    (new,) = [line for line in result.stdout.splitlines() if "vol-new " in line]
    (kay,) = [line for line in result.stdout.splitlines() if "vol-kay " in line]
    assert "*" in new and "*" not in kay
    assert "* from fewer than 10 dated responses" in said
    with (tables / "monthly_helpers.csv").open(encoding="utf-8") as fh:
        assert "2062-03" not in {r["month"] for r in csv.DictReader(fh)}
    with (tables / "helpers.csv").open(encoding="utf-8") as fh:
        trend = {r["helper"]: r["trend_responses"] for r in csv.DictReader(fh)}
    assert trend == {"vol-kay": "24", "vol-new": "3"}
    with (tables / "responses.csv").open(encoding="utf-8") as fh:
        far = [r["response_id"] for r in csv.DictReader(fh) if r["far_off_date"] == "True"]
    assert far == ["r24"]


def test_summarize_tells_numbers_it_cannot_read_from_missing_timestamps(
    invoke: Invoke, tmp_path: Path
) -> None:
    """Was: a JSON number that is no Unix time (microseconds, a YYYYMMDD date) was dropped at
    read time and counted as "no timestamp"; ``NaN``/``NaT`` cells were "could not be read"."""
    stamps: list[tuple[str, object]] = [
        ("vol-a", 20260305),  # a compact date written as a number: 2026-03-05
        ("vol-a", 1772704800000000),  # microseconds since 1970: could not be read
        ("vol-a", "NaT"),  # pandas' missing time: no timestamp
        ("vol-a", "nan"),
    ]
    tables = tmp_path / "tables"
    result = invoke("summarize", _pairs(tmp_path / "pairs.jsonl", stamps), "--tables", tables)
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert (
        "Undated: 2 responses have no timestamp and 1 has a timestamp that could not be read "
        '(for example "1772704800000000")' in said
    )
    with (tables / "responses.csv").open(encoding="utf-8") as fh:
        months = {r["response_id"]: r["month"] for r in csv.DictReader(fh)}
    assert months == {"r0": "2026-03", "r1": "", "r2": "", "r3": ""}


def test_a_number_longer_than_any_time_is_kept_and_named_by_its_start(
    invoke: Invoke, tmp_path: Path
) -> None:
    """Was: a 400-digit number was kept whole, a 400-character timestamp in the results; it
    is no time, so the reader keeps its start (31 digits and an ellipsis), which summarize
    counts and names as a timestamp that could not be read, as any other."""
    stamps: list[tuple[str, object]] = [
        ("vol-a", "2026-03-05T10:00:00Z"),
        ("vol-a", "1" * 400),  # as text
        ("vol-a", int("2" * 400)),  # as a JSON number
    ]
    pairs = _pairs(tmp_path / "pairs.jsonl", stamps)
    out = tmp_path / "results.jsonl"
    assert invoke("analyze", pairs, "-o", out).exit_code == 0
    kept = [json.loads(line)["timestamp"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert kept == ["2026-03-05T10:00:00Z", "1" * 31 + "\u2026", "2" * 31 + "\u2026"]
    for source in (pairs, out):  # analysed now, or read back
        result = invoke("summarize", source)
        assert result.exit_code == 0, result.output
        said = " ".join(result.stdout.split())
        assert (
            "Undated: 2 responses have a timestamp that could not be read (for example "
            f'"{"1" * 31}\u2026")' in said
        ), said
