"""Tables and help at ordinary terminal widths: every level, mark, id and option name whole."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import typer.main
from rich.console import Console
from typer.testing import CliRunner, Result

from carelens.cli._insights_tables import rollup_table
from carelens.cli._tables import FitTable
from carelens.cli.analyze import SHORT_NAMES
from carelens.cli.main import app

DIMS = tuple(SHORT_NAMES)


def _run(width: int, *args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": str(width)})


def _render(renderable: object, width: int) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def _long_ids(tmp_path: Path) -> Path:
    """Pairs whose ids differ only at the end, as helpline chats number their turns."""
    rows = [
        {
            "seeker_id": f"helpline-0412-msg-{2 * i + 1:02d}",
            "response_id": f"helpline-0412-msg-{2 * i + 2:02d}",
            "seeker": seeker,
            "response": response,
        }
        for i, (seeker, response) in enumerate(
            [
                ("I failed my driving test again.", "That sounds so frustrating. How are you?"),
                ("My sister stopped calling me.", "I'm sorry. What was she like before?"),
                ("Work has been too much lately.", "Just relax, it is not a big deal."),
            ]
        )
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _records(tmp_path: Path, source: Path) -> list[dict[str, object]]:
    out = tmp_path / f"{source.stem}-results.jsonl"
    result = _run(200, "analyze", source, "-o", out, "-q", "--overwrite")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _levels_part(stdout: str) -> list[str]:
    """The lines of the levels-per-response table (before the feedback table)."""
    return stdout.split("Feedback for the helper")[0].splitlines()


@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize("source", ["crisis_hints", "long_ids"])
def test_responses_table_keeps_levels_marks_and_ids(
    data: Path, tmp_path: Path, width: int, source: str
) -> None:
    path = _long_ids(tmp_path) if source == "long_ids" else data / "crisis_hints.jsonl"
    records = _records(tmp_path, path)
    result = _run(width, "analyze", path, "--rejects", tmp_path / "rejects.jsonl")
    assert result.exit_code == 0, result.output
    lines = _levels_part(result.stdout)
    assert all(len(line) <= width for line in lines)
    header = next(line.split() for line in lines if line.split()[:1] in (["seeker"], ["response"]))
    assert [h for h in header if h in SHORT_NAMES.values()] == [SHORT_NAMES[d] for d in DIMS]
    at = header.index("response")  # the seeker's id may be left out, never the response's
    marked = 0
    for record in records:
        row = next(
            line.split() for line in lines if line.split()[at : at + 1] == [record["response_id"]]
        )
        levels = [str(record[d]["level"]) for d in DIMS]  # type: ignore[index]
        mark = ["!"] if record["seeker"]["needs_attention"] else []  # type: ignore[index]
        marked += bool(mark)
        assert row[-len(levels) - 1 - len(mark) :] == [*levels, str(record["style"]), *mark]
    assert marked == (2 if source == "crisis_hints" else 0)
    flat = " ".join(result.stdout.split())  # the title is wrapped, not cut
    assert "Levels per response (0 none, 1 weak, 2 strong; ER emotional reaction" in flat
    assert "DIS dismissive, EMP empathy)" in flat


def test_responses_table_is_folded_below_60_columns(data: Path, tmp_path: Path) -> None:
    path = data / "crisis_hints.jsonl"
    records = _records(tmp_path, path)
    result = _run(40, "analyze", path, "--rejects", tmp_path / "rejects.jsonl")
    assert result.exit_code == 0, result.output
    lines = _levels_part(result.stdout)
    assert all(len(line) <= 40 for line in lines)
    blocks = "\n".join(lines).split("\n")
    for record in records:
        start = blocks.index(str(record["response_id"]))
        block = " ".join(" ".join(blocks[start + 1 : start + 5]).split())
        for d in DIMS:
            assert f"{SHORT_NAMES[d]} {record[d]['level']}" in block  # type: ignore[index]
        mark = " !" if record["seeker"]["needs_attention"] else ""  # type: ignore[index]
        assert f"style {record['style']}{mark}" in block


def test_fit_table_gives_width_up_from_text_then_drops_then_folds() -> None:
    table = FitTable("Levels")
    table.add_column("seeker", drop=1)
    table.add_column("response")
    table.add_column("text", text=True, drop=2)
    for name in ("ER", "IP", "EX", "SYM"):
        table.add_column(name, justify="center")
    table.add_column("style")
    ids = [f"conversation-77-turn-{i:02d}" for i in range(3)]
    for i, rid in enumerate(ids):
        table.add_row(
            f"seeker-{i}", rid, "a long free text " * 5, "0", "1", "2", "1", "empathy [red]![/]"
        )
    wide = _render(table, 120)
    assert "seeker-0" in wide and "a long free text a long" in wide and "┃" in wide
    for width in (80, 60, 40):
        shown = _render(table, width)
        assert all(len(line) <= width for line in shown.splitlines())
        for rid in ids:
            assert rid in shown
        assert shown.count("empathy !") == 3
    assert "seeker-0" not in _render(table, 60)  # the droppable column went first
    narrow = _render(table, 40)
    for pair in ("ER 0", "IP 1", "EX 2", "SYM 1"):  # folded: header and value side by side
        assert narrow.count(pair) == 3


def test_summarize_tables_fit_80_columns() -> None:
    frame = pd.DataFrame(
        [
            {
                "helper": "volunteer-ama-nightshift",
                "responses": 1234,
                "style_dismissive": 0.0,
                "style_sympathy": 0.14,
                "style_empathy": 0.43,
                "style_compassion": 1.0,
                "mean_empathy": 1.714,
                "reflections_per_question": 0.5,
                "high_distress_share": 0.25,
                "mean_empathy_slope": -0.0123,
                "unsafe_replies": 3,
            }
        ]
    )
    shown = _render(rollup_table("Helpers", "helper", frame, 20, legend=True), 80)
    assert "…" not in shown
    assert "volunteer-ama-night" in shown and "shift" in shown  # a long name wraps
    for value in ("1234", "0%", "14%", "43%", "100%", "1.714"):
        assert value in shown
    assert "0.500" in shown and "25%" in shown and "-0.012" in shown
    assert "unsafe: unsafe replies" in shown  # the short headers are explained


def test_evaluate_table_fits_80_columns(data: Path) -> None:
    result = _run(80, "evaluate", data / "labeled.csv")
    assert result.exit_code == 0, result.output
    table = result.stdout.split("95% CI:")[0]
    assert "…" not in table
    for name in ("emotional_reaction", "interpretation", "exploration", "macro-F1", "95% CI"):
        assert name in table


def _option_names(command: Any) -> list[str]:
    return [name for p in command.params for name in (*p.opts, *p.secondary_opts)]


def _commands() -> list[tuple[list[str], Any]]:
    """Every command of the app (typer's own click types: looked at by their attributes)."""
    root: Any = typer.main.get_command(app)
    found: list[tuple[list[str], Any]] = []
    for name, command in root.commands.items():
        if hasattr(command, "commands"):
            found += [([name, sub], c) for sub, c in command.commands.items()]
        else:
            found.append(([name], command))
    return found


@pytest.mark.parametrize(
    "path, command", _commands(), ids=lambda v: "-".join(v) if isinstance(v, list) else ""
)
def test_help_keeps_option_names_whole_at_80_columns(path: list[str], command: Any) -> None:
    result = _run(80, *path, "--help")
    assert result.exit_code == 0, result.output
    for name in _option_names(command):
        if name.startswith("--"):
            assert name in result.stdout, f"{' '.join(path)}: {name} cut"
    assert "--…" not in result.stdout and "-…" not in result.stdout


def test_train_help_names_every_option_whole() -> None:
    result = _run(80, "train", "--help")
    assert result.exit_code == 0, result.output
    assert "--analyze-max-response-tokens" in result.stdout
    assert "--rationale-present-only / --rationale-all-labelled" in result.stdout
    assert all(len(line) <= 80 for line in result.stdout.splitlines())


def _quiet_help(*path: str) -> str:
    result = _run(200, *path, "--help")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.replace("│", " ").split())
    return text.split("--quiet")[1].split("--help")[0]


def test_quiet_help_says_what_each_command_hides() -> None:
    for path in (["serve"], ["report"], ["keys", "create"], ["keys", "list"], ["keys", "revoke"]):
        assert "summary tables" not in _quiet_help(*path), path
    assert "where the server listens" in _quiet_help("serve")
    assert "the line naming the report written" in _quiet_help("report")
    assert "its secret is still printed" in _quiet_help("keys", "create")
    assert "the keys are still listed" in _quiet_help("keys", "list")
    assert "the key was revoked" in _quiet_help("keys", "revoke")
    for path in (["keys", "create"], ["keys", "list"], ["keys", "revoke"]):
        assert _quiet_help(*path).strip().removeprefix("-q").lstrip().startswith("Hide the note")


def test_summarize_results_read_as_a_conversation_says_leave_out_format(
    data: Path, tmp_path: Path
) -> None:
    results = tmp_path / "results.jsonl"
    analysed = _run(200, "analyze", data / "crisis_hints.jsonl", "-o", results, "-q")
    assert analysed.exit_code == 0, analysed.output
    for command in (["summarize"], ["report", "-o", tmp_path / "r.html"]):
        result = _run(
            200, *command, results, "--format", "jsonl", "--rejects", tmp_path / "rej.jsonl"
        )
        assert "looks like carelens analyze results" in result.stderr, result.output
        assert "leave out --format" in result.stderr
    plain = _run(200, "summarize", results, "--rejects", tmp_path / "rej.jsonl")
    assert plain.exit_code == 0 and "looks like carelens analyze results" not in plain.output


@pytest.mark.parametrize(
    ("name", "printed"),
    [
        (":smile:", ":smile:"),  # no emoji code is read in a name
        ("ends\\", "ends\\"),  # a trailing backslash stays single
        ("[bold]x[/]", "[bold]x[/]"),
        ("\u202eanna", "\\u202eanna"),  # an override would turn the line around
        ("a\u2028b", "a\\u2028b"),
        ("\ufeffz", "\\ufeffz"),
        ("eve\x1b[2J", "eve\\x1b[2J"),
        ("\u05de\u05d9\u05db\u05dc", "\u05de\u05d9\u05db\u05dc"),
    ],
)
def test_names_print_exactly_as_text(name: str, printed: str) -> None:
    frame = pd.DataFrame([{"helper": name, "responses": 3}])
    text = _render(rollup_table("Helpers", "helper", frame, 20), 80)
    row = text.splitlines()[3]  # title, header, rule, then the row
    assert row.rsplit(" 3 ", 1)[0].strip() == printed, text
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u2028\ufeff\x1b]", text)


def _feedback_part(stdout: str) -> list[str]:
    """The lines of the feedback table (between the levels table and the summary)."""
    return stdout.split("Feedback for the")[1].split("\nSummary")[0].splitlines()[1:]


@pytest.mark.parametrize("width", [20, 80])
def test_feedback_table_keeps_whole_words(data: Path, tmp_path: Path, width: int) -> None:
    # At 20 columns the feedback was cut in a column five characters wide ("show…",
    # "unde…"): it is now folded under each response's id, as the levels table is, and at
    # 80 columns wrapped beside it; no word is cut (each feedback reads whole, in order).
    path = data / "crisis_hints.jsonl"
    records = _records(tmp_path, path)
    result = _run(width, "analyze", path, "--rejects", tmp_path / "rejects.jsonl")
    assert result.exit_code == 0, result.output
    lines = _feedback_part(result.stdout)
    assert all(len(line) <= width for line in lines)
    words = " ".join(" ".join(lines).replace("│", " ").split())
    for record in records:
        feedback = " ".join(record["feedback"])  # type: ignore[arg-type]
        assert feedback and " ".join(feedback.split()) in words
        assert str(record["response_id"]) in words
    ids = [line.strip() for line in lines if line.strip() in {r["response_id"] for r in records}]
    assert (len(ids) == len(records)) == (width == 20)  # an id on a line of its own: folded
