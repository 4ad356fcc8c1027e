"""`carelens analyze --rejects PATH` where PATH is not a plain file: a named pipe or a device
is written straight into (never replaced by a regular file, with no file staged or locked
beside it), and a symbolic link is written where it points, the link kept (and the lock of
its target still keeps a second run out)."""

from __future__ import annotations

import json
import os
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import Result

from carelens.output.paths import hold_output_locks

# The `invoke` fixture's type (tests/cli/conftest.py).
Invoke = Callable[..., Result]

REJECT = {"path": None, "line": 10, "field": "seeker", "reason": "missing text"}

pytestmark = pytest.mark.skipif(os.name == "nt", reason="named pipes and devices of POSIX")


@pytest.fixture
def one_reject(data: Path, tmp_path: Path) -> Path:
    """The CLI pairs with one more pair that has no seeker text (one reject, line 10)."""
    path = tmp_path / "pairs.csv"
    path.write_text((data / "pairs.csv").read_text(encoding="utf-8") + "s9,r9,,no seeker\n")
    return path


def _entries(text: str) -> list[dict[str, object]]:
    return [{**json.loads(line), "path": None} for line in text.splitlines()]


def _left_beside(folder: Path, name: str) -> list[str]:
    """Files a run staged or locked beside ``name`` and left there."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(name + "."))


@contextmanager
def _reading(fifo: Path) -> Iterator[list[str]]:
    """A reader of the named pipe ``fifo`` (what it read, once the block ends)."""
    read: list[str] = []

    def drain() -> None:
        with fifo.open(encoding="utf-8") as fh:
            read.append(fh.read())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        yield read
    finally:
        reader.join(timeout=60)
        assert not reader.is_alive(), "the run never closed the pipe"


@pytest.mark.parametrize("rejected", [True, False])
def test_a_named_pipe_gets_the_rejects_and_stays_a_pipe(
    invoke: Invoke, one_reject: Path, data: Path, tmp_path: Path, rejected: bool
) -> None:
    # The pipe was replaced by a regular file (staged beside it, then moved over it), even
    # with no reject at all.
    fifo = tmp_path / "rejects.fifo"
    os.mkfifo(fifo)
    source = one_reject if rejected else data / "pairs.csv"
    with _reading(fifo) as read:
        done = invoke("analyze", source, "-o", tmp_path / "out.jsonl", "--rejects", fifo, "-q")
    assert done.exit_code == 0, done.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert _entries(read[0]) == ([REJECT] if rejected else [])
    assert _left_beside(tmp_path, fifo.name) == []  # nothing staged or locked beside it


def test_a_device_gets_the_rejects_and_stays_a_device(
    invoke: Invoke, one_reject: Path, tmp_path: Path
) -> None:
    # A device of its own (the null device's numbers), never the machine's /dev/null.
    null = tmp_path / "dev" / "null"
    null.parent.mkdir()
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("making a device takes root")
    for source in (one_reject, one_reject.with_name("none.csv")):
        if source.name == "none.csv":  # no reject: the device stays too
            source.write_text(one_reject.read_text(encoding="utf-8").rsplit("s9,", 1)[0])
        out = tmp_path / f"{source.stem}.jsonl"
        done = invoke("analyze", source, "-o", out, "--rejects", null, "-q")
        assert done.exit_code == 0, done.output
        assert stat.S_ISCHR(null.lstat().st_mode)
        assert os.major(null.stat().st_rdev) == 1 and os.minor(null.stat().st_rdev) == 3
        assert os.listdir(null.parent) == ["null"]  # nothing staged or locked beside it


def test_a_link_to_a_device_as_the_default_rejects_file_is_written_through(
    invoke: Invoke, one_reject: Path, tmp_path: Path
) -> None:
    # OUT.rejects.jsonl, a link to a pipe: the rejects go through it, the link stays.
    fifo = tmp_path / "rejects.fifo"
    os.mkfifo(fifo)
    out = tmp_path / "out.jsonl"
    link = tmp_path / "out.jsonl.rejects.jsonl"
    link.symlink_to(fifo)
    with _reading(fifo) as read:
        done = invoke("analyze", one_reject, "-o", out, "-q")
    assert done.exit_code == 0, done.output
    assert link.is_symlink() and stat.S_ISFIFO(fifo.lstat().st_mode)
    assert _entries(read[0]) == [REJECT]
    assert _left_beside(tmp_path, link.name) == [] and _left_beside(tmp_path, fifo.name) == []


def test_a_symbolic_link_keeps_the_link_and_its_target_gets_the_rejects(
    invoke: Invoke, one_reject: Path, data: Path, tmp_path: Path
) -> None:
    # The link itself was replaced by a regular file.
    target = tmp_path / "kept" / "rejects.jsonl"
    target.parent.mkdir()
    target.write_text("an older run's rejects\n", encoding="utf-8")
    link = tmp_path / "rejects.jsonl"
    link.symlink_to(target)
    done = invoke("analyze", one_reject, "-o", tmp_path / "out.jsonl", "--rejects", link, "-q")
    assert done.exit_code == 0, done.output
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert _entries(target.read_text(encoding="utf-8")) == [REJECT]
    assert _left_beside(tmp_path, link.name) == []
    assert _left_beside(target.parent, target.name) == []
    # No reject: the target is emptied (--rejects names it), and the link still stays.
    done = invoke("analyze", data / "pairs.csv", "-o", tmp_path / "b.jsonl", "--rejects", link)
    assert done.exit_code == 0, done.output
    assert link.is_symlink() and target.read_text(encoding="utf-8") == ""


def test_a_dangling_link_is_written_where_it_points(
    invoke: Invoke, one_reject: Path, tmp_path: Path
) -> None:
    target = tmp_path / "later" / "rejects.jsonl"
    link = tmp_path / "rejects.jsonl"
    link.symlink_to(target)
    done = invoke("analyze", one_reject, "-o", tmp_path / "out.jsonl", "--rejects", link, "-q")
    assert done.exit_code == 0, done.output
    assert link.is_symlink() and _entries(target.read_text(encoding="utf-8")) == [REJECT]


def test_the_lock_of_a_linked_rejects_file_keeps_a_second_run_out(
    invoke: Invoke, one_reject: Path, tmp_path: Path
) -> None:
    target = tmp_path / "rejects.jsonl"
    target.write_text("", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    with hold_output_locks(None, f"carelens analyze is writing {target}", also=[target]):
        done = invoke("analyze", one_reject, "-o", tmp_path / "out.jsonl", "--rejects", link)
    assert done.exit_code == 1
    assert "another carelens analyze is writing" in " ".join(done.stderr.split())
    assert target.read_text(encoding="utf-8") == "" and link.is_symlink()
