"""Pieces the benchmark scripts share.

* argparse types that refuse a bad size up front (exit 2, one line naming the flag) instead
  of a traceback, an ``inf`` or a silent empty run later;
* :func:`machine_line`: the CPU line every timing script prints (from
  ``carelens.inference.cpu`` of this checkout), since int8 inference depends on the CPU's
  vector instructions far more than on its core count;
* :func:`unpack_src` and :func:`run_child`: an earlier git revision's ``src`` unpacked into
  a folder, and a child process whose failure shows its own error output;
* :func:`check_imported_from`: that a child timed the carelens of the folder it was given,
  not the one installed in the environment;
* :func:`load_analyzer`: ``carelens.load`` with a one-line error for a model folder that
  cannot be loaded, and :func:`model_ms_per_pair`: the shipped model's time per pair, the
  baseline a rule's or redaction's cost is a share of;
* :data:`EPITOME` and :func:`epitome_rows`: where the shared EPITOME file lies beside the
  checkout, and its rows, with a one-line error when it is missing.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import subprocess
import sys
import tarfile
import time
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import Any, NoReturn

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
#: The EPITOME file (Reddit seeker posts and responses) of the shared data beside the checkout.
EPITOME = HERE.parent.parent / "shared" / "data" / "epitome-reddit" / "epitome_reddit_public.csv"


# --------------------------------------------------------------------------- flag values


def fail(message: str) -> NoReturn:
    """Exit 2 (a usage error, as argparse's) with ``error: message`` on standard error."""
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


def _int_at_least(text: str, minimum: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {text}")
    return value


def positive_int(text: str) -> int:
    """An argparse ``type``: a whole number of at least 1."""
    return _int_at_least(text, 1)


def non_negative_int(text: str) -> int:
    """An argparse ``type``: a whole number of at least 0."""
    return _int_at_least(text, 0)


def _finite(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"expected a finite number, got {text!r}")
    return value


def positive_float(text: str) -> float:
    """An argparse ``type``: a finite number above 0 (seconds, say)."""
    value = _finite(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be above 0, got {text}")
    return value


def non_negative_float(text: str) -> float:
    """An argparse ``type``: a finite number of at least 0."""
    value = _finite(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be at least 0, got {text}")
    return value


# --------------------------------------------------------------------------- the machine


def _cpu_module() -> Any:
    """``carelens.inference.cpu`` of this checkout, read by file: neither an installed
    carelens nor the package's own imports are needed for the machine line."""
    spec = importlib.util.spec_from_file_location(
        "_bench_cpu", SRC / "carelens" / "inference" / "cpu.py"
    )
    assert spec is not None and spec.loader is not None
    cpu = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cpu)
    return cpu


def machine() -> dict[str, object]:
    """This machine: CPU model, vector flags, core count, platform and Python version."""
    described: dict[str, object] = _cpu_module().describe()
    return described


def machine_line(described: dict[str, object] | None = None) -> str:
    """The one ``machine: CPU, N CPUs (vector flags), platform, Python`` line."""
    cpu = _cpu_module()
    line: str = cpu.summary_line(described if described is not None else cpu.describe())
    return line


# --------------------------------------------------------------------------- revisions


def unpack_src(revision: str, into: Path) -> Path:
    """``src/`` of git ``revision`` of this repository, unpacked under ``into``; exits with
    git's own message when the revision cannot be read."""
    try:
        done = subprocess.run(
            ["git", "-C", str(HERE.parent), "archive", revision, "src"],
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        raise SystemExit(f"cannot run git to unpack revision {revision!r}: {exc}") from exc
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SystemExit(
            f"cannot unpack src/ of revision {revision!r} with git archive: "
            + (said[-1] if said else f"exit code {done.returncode}")
        )
    with tarfile.open(fileobj=BytesIO(done.stdout)) as tar:
        tar.extractall(into, filter="data")
    src = into / "src"
    if not (src / "carelens" / "__init__.py").is_file():
        raise SystemExit(f"revision {revision!r} has no src/carelens package to time")
    return src


def run_child(command: list[str], env: dict[str, str], what: str) -> str:
    """Run ``command``; its standard output, or exit with its error output and a message."""
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        tail = done.stderr.strip()[-3000:] or "(nothing on its standard error)"
        raise SystemExit(f"{tail}\n{what} failed (exit code {done.returncode}); its error is above")
    return done.stdout


def check_imported_from(src: Path, module_file: str, what: str) -> None:
    """Exit 2 unless the child's ``carelens.__file__`` lies inside ``src``."""
    if not Path(module_file).resolve().is_relative_to(src.resolve()):
        fail(
            f"{what} was meant to time the carelens in {src} but imported {module_file}; "
            "the timing would not be of that code"
        )


# --------------------------------------------------------------------------- the model


def _carelens_importable() -> None:
    """Put this checkout's ``src`` on the path when no carelens is installed."""
    if importlib.util.find_spec("carelens") is None and str(SRC) not in sys.path:
        sys.path.insert(0, str(SRC))


def load_analyzer(model: str | Path | None, **kwargs: Any) -> Any:
    """``carelens.load(model, **kwargs)``, or exit with one line when the model cannot load."""
    _carelens_importable()
    import carelens
    from carelens.errors import CarelensError

    try:
        return carelens.load(model, **kwargs)
    except CarelensError as exc:
        raise SystemExit(f"--model: {exc}") from None


def model_ms_per_pair(pairs: Sequence[tuple[str, str]]) -> float:
    """The shipped model's milliseconds per pair over ``pairs`` (one thread, one pair a call,
    after five pairs to warm up)."""
    analyzer = load_analyzer(None, threads=1)
    list(analyzer.analyze_many(pairs[:5]))  # warm up
    start = time.perf_counter()
    list(analyzer.analyze_many(pairs))
    return (time.perf_counter() - start) / len(pairs) * 1e3


def check_model(model: str | Path | None) -> None:
    """Exit with one line when ``--model`` names no loadable carelens model folder (checked
    in the parent, before any child measures)."""
    if model is None:
        return
    _carelens_importable()
    from carelens.errors import CarelensError
    from carelens.inference.artifact import ModelArtifact

    try:
        ModelArtifact.load(model)
    except CarelensError as exc:
        raise SystemExit(f"--model: {exc}") from None


# --------------------------------------------------------------------------- the EPITOME file


def epitome_rows(
    data: Path = EPITOME, needs: str = "this benchmark needs ../shared beside the checkout"
) -> list[dict[str, str]]:
    """The rows of the EPITOME file ``data``, by column name (``seeker_post``,
    ``response_post``, ``rp_id``...); exits with the one line ``<data> is missing: <needs>``
    when there is no such file."""
    if not data.is_file():
        raise SystemExit(f"{data} is missing: {needs}")
    with data.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
