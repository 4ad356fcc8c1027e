"""The annotation scripts: ``annotations/ingest.py`` (raw labels to stored annotations),
``annotations/agreement.py`` (kappa) and the contrast-set check of ``check_written.py``.
Each runs as a script on small files in tmp_path, never on the committed data."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from carelens.annotations import read_annotations

SEEKER = "I can't do this anymore. I want to die."
RESPONSES = {
    "r1": "I'm so sorry. I'm here if you want to talk.",
    "r2": "That sounds hard. Have you tried talking to a doctor?",
    "r3": "Stop whining, it's not that bad.",
}
LABELS = {
    "sympathy": 1,
    "reflection": 0,
    "compassion": 1,
    "dismissive": 0,
    "advice": 0,
    "self_focus": 0,
    "seeker_distress": 2,
    "crisis": 1,
}


def raw(rp_id: str = "r1", **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rp_id": rp_id,
        **LABELS,
        "rationales": {"sympathy": ["so sorry"], "compassion": ["here if you want to talk"]},
        "crisis_evidence": ["I want to die"],
    }
    data.update(changes)
    return data


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """A source CSV and an item list of three responses to one seeker post."""
    source, items = tmp_path / "source.csv", tmp_path / "items.csv"
    with source.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["sp_id", "rp_id", "seeker_post", "response_post"])
        for rp_id, response in RESPONSES.items():
            writer.writerow(["s1", rp_id, SEEKER, response])
    with items.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["rp_id", "sp_id", "part", "stratum", "second_pass"])
        for rp_id in RESPONSES:
            writer.writerow([rp_id, "s1", "test", "rest", "0"])
    return {"source": source, "items": items, "dir": tmp_path}


def write_raw(path: Path, *lines: dict[str, Any] | str) -> Path:
    path.write_text(
        "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines),
        encoding="utf-8",
    )
    return path


def ingest(
    repo_root: Path, files: dict[str, Path], out: Path, *args: str | Path
) -> subprocess.CompletedProcess[str]:
    script = repo_root / "annotations" / "ingest.py"
    command = [sys.executable, script, files["source"], out, "T", *args]
    command += ["--items", files["items"]]
    return subprocess.run(
        [str(c) for c in command], capture_output=True, text=True, check=False, timeout=60
    )


# --- ingest.py ----------------------------------------------------------------------------


def test_ingest_writes_a_new_file(repo_root: Path, files: dict[str, Path]) -> None:
    out = files["dir"] / "gold.jsonl"
    run = ingest(repo_root, files, out, write_raw(files["dir"] / "a.jsonl", raw(), raw("r2")))
    assert run.returncode == 0, run.stdout + run.stderr
    stored = list(read_annotations(out))
    assert [a.rp_id for a in stored] == ["r1", "r2"]
    assert {a.part for a in stored} == {"test"}
    assert not [p for p in files["dir"].iterdir() if p.name.endswith(".tmp")]  # renamed


def test_ingest_refuses_an_existing_output_without_append_or_overwrite(
    repo_root: Path, files: dict[str, Path]
) -> None:
    out = files["dir"] / "gold.jsonl"
    first = write_raw(files["dir"] / "a.jsonl", raw(), raw("r2"))
    assert ingest(repo_root, files, out, first).returncode == 0
    before = out.read_bytes()
    run = ingest(repo_root, files, out, write_raw(files["dir"] / "b.jsonl", raw("r3")))
    assert run.returncode == 2
    assert "exists; pass --append to add to it or --overwrite" in run.stderr
    assert out.read_bytes() == before
    run = ingest(repo_root, files, out, files["dir"] / "b.jsonl", "--overwrite")
    assert run.returncode == 0, run.stdout
    assert [a.rp_id for a in read_annotations(out)] == ["r3"]


def test_ingest_checks_the_codebook_and_the_options_first(
    repo_root: Path, files: dict[str, Path]
) -> None:
    out = files["dir"] / "gold.jsonl"
    good = write_raw(files["dir"] / "a.jsonl", raw())
    run = ingest(repo_root, files, out, good, "--codebook", "taxonomy-v2")
    assert run.returncode == 2 and "--codebook must be taxonomy-v1 or taxonomy-v1.1" in run.stderr
    assert not out.exists()
    for args in (("--apend",), ("--codebook",), ("--replace",)):
        run = ingest(repo_root, files, out, good, *args)
        assert run.returncode == 2, args
        assert "Traceback" not in run.stderr and "usage:" in run.stderr
    assert not out.exists()


def test_ingest_writes_nothing_when_a_line_is_unusable(
    repo_root: Path, files: dict[str, Path]
) -> None:
    out = files["dir"] / "gold.jsonl"
    assert ingest(repo_root, files, out, write_raw(files["dir"] / "a.jsonl", raw())).returncode == 0
    before = out.read_bytes()
    bad = write_raw(files["dir"] / "b.jsonl", raw("r2"), raw("r3", sympathy=3))
    run = ingest(repo_root, files, out, bad, "--append")
    assert run.returncode == 1
    assert f"{bad}:2: unusable line: sympathy: must be an integer 0..2, not 3" in run.stdout
    assert "nothing written" in run.stdout
    assert out.read_bytes() == before
    fresh = files["dir"] / "fresh.jsonl"
    assert ingest(repo_root, files, fresh, bad).returncode == 1
    assert not fresh.exists()


def test_ingest_refuses_to_replace_a_stored_annotation_without_replace(
    repo_root: Path, files: dict[str, Path]
) -> None:
    out = files["dir"] / "gold.jsonl"
    assert ingest(repo_root, files, out, write_raw(files["dir"] / "a.jsonl", raw())).returncode == 0
    before = out.read_bytes()
    other = write_raw(files["dir"] / "b.jsonl", raw("r2"), raw("r1", sympathy=2))
    run = ingest(repo_root, files, out, other, "--append")
    assert run.returncode == 1
    assert f"{other}:2: rp_id r1 is already annotated in {out}" in run.stdout
    assert "1 already in" in run.stdout and "pass --replace" in run.stdout
    assert out.read_bytes() == before
    run = ingest(repo_root, files, out, other, "--append", "--replace")
    assert run.returncode == 0, run.stdout
    assert "(1 replaced)" in run.stdout
    stored = {a.rp_id: a for a in read_annotations(out)}
    assert sorted(stored) == ["r1", "r2"] and stored["r1"].labels["sympathy"] == 2


def test_ingest_counts_repeats_in_the_raw_files_apart(
    repo_root: Path, files: dict[str, Path]
) -> None:
    out = files["dir"] / "gold.jsonl"
    path = write_raw(files["dir"] / "a.jsonl", raw(), raw("r1", sympathy=2))
    run = ingest(repo_root, files, out, path)
    assert run.returncode == 0
    assert f"{path}:2: rp_id r1 repeats {path}:1; the later line is kept" in run.stdout
    assert "1 rp_ids repeated in the raw files, 0 already in" in run.stdout


@pytest.mark.parametrize(
    ("rp_id", "says"),
    [
        ("zzzzzzz", "unknown rp_id 'zzzzzzz' (not in items.csv)"),
        ("r1 ", "unknown rp_id 'r1 ' (not in items.csv); remove the spaces around it"),
    ],
)
def test_ingest_names_an_unknown_rp_id(
    repo_root: Path, files: dict[str, Path], rp_id: str, says: str
) -> None:
    path = write_raw(files["dir"] / "a.jsonl", raw(rp_id))
    run = ingest(repo_root, files, files["dir"] / "gold.jsonl", path)
    assert run.returncode == 1
    assert f"{path}:1: unusable line: {says}" in run.stdout
    assert "KeyError" not in run.stdout


def test_ingest_reads_a_byte_order_mark_and_names_a_latin1_line(
    repo_root: Path, files: dict[str, Path]
) -> None:
    bom = files["dir"] / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps(raw()).encode() + b"\n")
    run = ingest(repo_root, files, files["dir"] / "gold.jsonl", bom)
    assert run.returncode == 0, run.stdout
    latin = files["dir"] / "latin.jsonl"
    latin.write_bytes(json.dumps(raw("r2")).encode() + b"\n" + b'{"note": "caf\xe9"}\n')
    run = ingest(repo_root, files, files["dir"] / "other.jsonl", latin)
    assert run.returncode == 1
    assert f"{latin}:2: unusable line: not UTF-8 text; save the file as UTF-8" in run.stdout
    assert "Traceback" not in run.stderr


def test_ingest_refuses_a_rationale_written_as_a_string(
    repo_root: Path, files: dict[str, Path]
) -> None:
    path = write_raw(files["dir"] / "a.jsonl", raw(rationales={"sympathy": "so sorry"}))
    run = ingest(repo_root, files, files["dir"] / "gold.jsonl", path)
    assert run.returncode == 1
    assert f"{path}:1: unusable line: rationales.sympathy: must be a list of quoted" in run.stdout


def test_ingest_counts_notes_and_does_not_store_them(
    repo_root: Path, files: dict[str, Path]
) -> None:
    out = files["dir"] / "gold.jsonl"
    path = write_raw(files["dir"] / "a.jsonl", raw(note="unsafe reply"), raw("r2", note=""))
    run = ingest(repo_root, files, out, path)
    assert run.returncode == 0, run.stdout
    assert "1 lines carry a note (not stored: read them in the raw files)" in run.stdout
    assert "note" not in out.read_text(encoding="utf-8")


# --- agreement.py -------------------------------------------------------------------------


def stored(path: Path, *labels: dict[str, int], ids: list[str] | None = None) -> Path:
    ids = ids or [f"r{n}" for n in range(len(labels))]
    lines = [
        {"rp_id": i, "sp_id": "s", "part": "test", "annotator": "A", "labels": {**LABELS, **lab}}
        for i, lab in zip(ids, labels, strict=True)
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def agreement(repo_root: Path, *args: Path | str) -> subprocess.CompletedProcess[str]:
    script = repo_root / "annotations" / "agreement.py"
    return subprocess.run(
        [sys.executable, str(script), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_agreement_prints_one_class_kappa_as_not_available(repo_root: Path, tmp_path: Path) -> None:
    a = stored(tmp_path / "a.jsonl", {"sympathy": 0}, {"sympathy": 1}, {"sympathy": 2})
    b = stored(tmp_path / "b.jsonl", {"sympathy": 0}, {"sympathy": 1}, {"sympathy": 1})
    run = agreement(repo_root, a, b)
    assert run.returncode == 0, run.stderr
    assert "3 items annotated twice" in run.stdout
    assert "| crisis | 1.00 | n/a (one class) | - | - |" in run.stdout
    assert "| sympathy | 0.67 | 0.50 |" in run.stdout


def test_agreement_names_items_found_in_one_file_only(repo_root: Path, tmp_path: Path) -> None:
    a = stored(tmp_path / "a.jsonl", {}, {}, {})
    b = stored(tmp_path / "b.jsonl", {}, {}, ids=["r0", "typo1"])
    run = agreement(repo_root, a, b)
    assert run.returncode == 0
    assert f"1 items of {b} are not in {a} (left out: typo1)" in run.stderr
    assert "1 items annotated twice" in run.stdout


@pytest.mark.parametrize("case", ["disjoint", "empty", "missing", "duplicate"])
def test_agreement_says_why_it_cannot_compare(repo_root: Path, tmp_path: Path, case: str) -> None:
    a = stored(tmp_path / "a.jsonl", {}, {})
    b = tmp_path / "b.jsonl"
    if case == "disjoint":
        stored(b, {}, ids=["x"])
    elif case == "empty":
        b.write_text("", encoding="utf-8")
    elif case == "duplicate":
        stored(b, {}, {}, ids=["r0", "r0"])
    run = agreement(repo_root, a, b)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    says = {
        "disjoint": "error: no item is annotated in both",
        "empty": "error: no item is annotated in both",
        "missing": f"error: {b}: no such file",
        "duplicate": f"error: {b}, line 2, field 'rp_id'",
    }[case]
    assert says in run.stderr


# --- check_written.py: the contrast set ---------------------------------------------------


def test_the_written_checker_refuses_a_copy_of_a_contrast_item(
    repo_root: Path, tmp_path: Path
) -> None:
    contrast = json.loads(
        (repo_root / "annotations" / "contrast" / "contrast_set.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()[0]
    )
    pair = json.loads(
        (repo_root / "annotations" / "synthetic-v2" / "pairs.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()[0]
    )
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps(pair) + "\n", encoding="utf-8")
    script = repo_root / "annotations" / "check_written.py"

    def check() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(script), str(path)],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )

    assert check().returncode == 0
    # The seeker message copied, with other case and spacing: still a copy.
    copied = {**pair, "seeker": "  " + contrast["seeker"].upper()}
    path.write_text(json.dumps(copied) + "\n", encoding="utf-8")
    run = check()
    assert run.returncode == 1
    assert f"seeker is the contrast set's {contrast['id']} seeker" in run.stdout
