"""Where results go and who may write them: an output named by a symbolic link is written
where the link points (the link is kept, through --overwrite and Parquet too, and the files
kept beside the output are beside its target); a run locks every file it writes, by any of
its names (a link, a hard link, a Parquet output's staging file, a shared rejects file); a
write that fails names the file, the cause in words and the results kept to resume."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from carelens.errors import InputError
from carelens.output import analyze_file, read_results
from carelens.output.paths import failure_cause, hold_output_locks, lock_path, written_path
from carelens.output.writer import ResultWriter
from carelens.types import DimensionScore, Exchange, ResponseAnalysis

DIMS = ("emotional_reaction", "interpretation")


class PairAnalyzer:
    """Levels from each pair's response length alone."""

    dimensions = DIMS
    model_id = "pair-model"
    batch_size = 1

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]:
        out = []
        for exchange in pairs:
            dims = {}
            for d, name in enumerate(DIMS):
                level = (len(exchange.response.text) + d) % 3
                probs = [0.1, 0.1, 0.1]
                probs[level] = 0.8
                dims[name] = DimensionScore(level, tuple(probs), ())
            out.append(ResponseAnalysis(dimensions=dims, model_id=self.model_id))
        return out


def write_pairs(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            row = {
                "seeker_id": f"s{i}",
                "response_id": f"r{i}",
                "seeker": f"Week {i}: I feel so alone since the move. " + "It hurts. " * 20,
                "response": f"That sounds lonely{'!' * (i % 7)} What was week {i} like?",
            }
            fh.write(json.dumps(row) + "\n")
    return path


def ids(path: Path) -> list[str]:
    return [str(r["response_id"]) for r in read_results(path)]


# --- a symbolic link as the output --------------------------------------------------------


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_an_output_named_by_a_link_is_written_where_it_points(tmp_path: Path, suffix: str) -> None:
    source = write_pairs(tmp_path / "in.jsonl", 6)
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / f"t{suffix}"
    link = tmp_path / f"link{suffix}"
    link.symlink_to(Path("real") / target.name)  # dangling until the first run
    for overwrite in (False, True, False):
        summary = analyze_file(source, PairAnalyzer(), link, overwrite=overwrite)
        assert summary.analysed + summary.resumed == 6
        assert link.is_symlink() and os.readlink(link) == str(Path("real") / target.name)
        assert target.is_file() and not target.is_symlink()
        assert ids(link) == [f"r{i}" for i in range(6)]
    # The files kept beside the output are beside the file written, none beside the link.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", f"link{suffix}", "real"]
    assert sorted(p.name for p in target.parent.iterdir()) == sorted(
        [target.name, f"{target.name}.digests", f"{target.name}.options.json"]
    )
    # The same output by its own name: resumed, not begun again.
    again = analyze_file(source, PairAnalyzer(), target)
    assert again.resumed == 6 and again.analysed == 0


def test_a_link_to_a_file_named_for_another_format_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "out.jsonl"
    link.symlink_to(tmp_path / "results.csv")
    with pytest.raises(InputError, match=r"a symbolic link to .*results\.csv, a file named for"):
        written_path(link)
    (tmp_path / "plain.json").symlink_to(tmp_path / "t.jsonl")  # .json and .jsonl: one format
    assert written_path(tmp_path / "plain.json") == tmp_path / "t.jsonl"
    assert written_path(tmp_path / "none.jsonl") == tmp_path / "none.jsonl"  # no link: as given


# --- locks ----------------------------------------------------------------------------------


def test_an_output_and_a_link_to_it_share_one_lock(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "out.jsonl"
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    assert lock_path(link) == lock_path(real) == tmp_path / "real" / "out.jsonl.lock"
    for first, second in ((link, real), (real, link)):
        with (
            hold_output_locks(first, f"run is writing {first}"),
            pytest.raises(InputError, match="another run is writing"),
            hold_output_locks(second, f"run is writing {second}"),
        ):
            pass
    assert not real.exists()  # locking makes no output


def test_an_output_and_a_hard_link_to_it_are_locked_as_one(tmp_path: Path) -> None:
    out, other = tmp_path / "o.jsonl", tmp_path / "h.jsonl"
    out.write_text("", encoding="utf-8")
    os.link(out, other)
    with (
        hold_output_locks(out, "run is writing o.jsonl"),
        pytest.raises(InputError, match="through another of its names") as caught,
        hold_output_locks(other, "run is writing h.jsonl"),
    ):
        pass
    assert caught.value.path == str(other)
    with hold_output_locks(other, "run is writing h.jsonl"):  # free again
        pass


def test_a_parquet_run_locks_its_staging_file_too(tmp_path: Path) -> None:
    out = tmp_path / "o.parquet"
    with (
        hold_output_locks(out, "run is writing o.parquet"),
        pytest.raises(InputError) as caught,
        hold_output_locks(tmp_path / "o.parquet.partial.jsonl", "run"),
    ):
        pass
    assert caught.value.path == str(tmp_path / "o.parquet.partial.jsonl.lock")


def test_runs_sharing_a_rejects_file_are_kept_apart(tmp_path: Path) -> None:
    rejects = tmp_path / "bad.jsonl"
    with hold_output_locks(tmp_path / "a.jsonl", "run is writing a.jsonl", also=[rejects]):
        with (
            pytest.raises(InputError, match=r"another run is writing a\.jsonl"),  # the holder
            hold_output_locks(tmp_path / "b.jsonl", "run is writing b.jsonl", also=[rejects]),
        ):
            pass
        with hold_output_locks(tmp_path / "b.jsonl", "run"):  # its own rejects: no conflict
            pass


def test_a_file_the_writer_makes_is_locked_by_every_name(tmp_path: Path) -> None:
    # A hard link made to an output while the run that began it writes it.
    source = write_pairs(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    writer = ResultWriter(out, DIMS)
    with hold_output_locks(out, "run is writing out.jsonl"), writer:
        writer.open(iter([]))
        os.link(out, tmp_path / "h.jsonl")
        with (
            pytest.raises(InputError, match="a hard link"),
            hold_output_locks(tmp_path / "h.jsonl", "run is writing h.jsonl"),
        ):
            pass
    assert analyze_file(source, PairAnalyzer(), tmp_path / "h.jsonl").analysed == 3


# --- writes that fail -------------------------------------------------------------------------


def test_causes_are_said_in_words() -> None:
    full = OSError(errno.ENOSPC, "No space left on device")
    assert failure_cause(full) == "the disk is full (no space left on device)"
    assert "ulimit -f" in failure_cause(OSError(errno.EFBIG, "File too large"))
    assert failure_cause(OSError(errno.EROFS, "Read-only file system")) == (
        "the file system is read-only"
    )
    assert failure_cause(OSError(errno.ENOENT, "No such file or directory", "x")) == (
        "no such file or directory"
    )
    assert failure_cause(OSError("a message of its own")) == "a message of its own"


def test_a_parquet_output_that_cannot_be_written_keeps_its_results(tmp_path: Path) -> None:
    source = write_pairs(tmp_path / "in.jsonl", 5)
    out = tmp_path / "o.parquet"
    in_the_way = tmp_path / "o.parquet.tmp"
    in_the_way.mkdir()  # where the Parquet file is built: a folder, not to be written
    with pytest.raises(InputError) as caught:
        analyze_file(source, PairAnalyzer(), out)
    said = str(caught.value)
    assert said.startswith(f"{out}: cannot write it: ")
    assert said.endswith(
        f"the 5 results are kept in {out}.partial.jsonl; run the same command again to write {out}"
    )
    assert "Errno" not in said and in_the_way.is_dir() and not out.exists()
    in_the_way.rmdir()
    done = analyze_file(source, PairAnalyzer(), out)
    assert (done.resumed, done.analysed) == (5, 0) and ids(out) == [f"r{i}" for i in range(5)]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB file system (tmpfs), mounted for the test: needs root and mount."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root and mount(8)")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if made.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace').strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_a_full_disk_is_said_so_and_the_results_written_resume(
    tmp_path: Path, small_disk: Path, suffix: str
) -> None:
    source = write_pairs(tmp_path / "in.jsonl", 400)
    out = small_disk / f"o{suffix}"
    with pytest.raises(InputError) as caught:
        analyze_file(source, PairAnalyzer(), out, chunk_size=64)
    said = str(caught.value)
    assert said.startswith(f"{out}: cannot write it: the disk is full (no space left on device)")
    kept = len(list(read_results(out)))
    said_kept = re.search(r"; the (\d+)( or more)? results written so far are kept; ", said)
    assert said_kept is not None, said
    assert said.endswith("run the same command again to resume") and "Errno" not in said
    if suffix == ".jsonl":  # one record a line: counted to the last whole one
        assert said_kept.groups() == (str(kept), None)
    else:  # a CSV row may hold line breaks: those before the chunk that failed, "or more"
        assert said_kept.group(2) and 0 < int(said_kept.group(1)) <= kept
    assert 0 < kept < 400
    subprocess.run(["mount", "-o", "remount,size=4m", str(small_disk)], check=True)
    done = analyze_file(source, PairAnalyzer(), out, chunk_size=64)
    assert done.resumed >= kept and ids(out) == [f"r{i}" for i in range(400)]
