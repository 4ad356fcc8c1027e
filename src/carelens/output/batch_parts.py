"""The result parts of a ``carelens batch`` output folder, as reading results finds them.

:func:`batch_parts` lists the ``part-NNNNN.parquet`` files of a finished run, in order, from
its ``manifest.json``: what :func:`~carelens.output.read_results` reads for a folder, and
``carelens summarize`` and ``report`` too (:mod:`carelens.insights.source`). An unfinished
run (``_work/plan.json`` and no manifest yet, parts with neither, a manifest that does not
say complete) is an InputError that says what to do, never read as a folder of inputs. It
lives here, beside the result files, because reading results needs it and the insights read
results through :mod:`carelens.output`; it reads the folder only (no Ray, no pyarrow).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from carelens.errors import InputError

#: The file that marks a ``carelens batch`` output folder (see :mod:`carelens.batch.outputs`).
BATCH_MANIFEST = "manifest.json"
#: The plan of an unfinished ``carelens batch`` run, under its output folder.
BATCH_PLAN = Path("_work", "plan.json")


def batch_parts(path: str | os.PathLike[str]) -> list[Path] | None:
    """The part files of a finished ``carelens batch`` output folder; None if it is not one.

    An unfinished run (no complete manifest) is an error that says to finish it first.
    """
    p = Path(path)
    if not p.is_dir():
        return None
    manifest = p / BATCH_MANIFEST
    if not manifest.is_file():
        if (p / BATCH_PLAN).is_file():
            raise InputError(
                "unfinished batch run: run the same `carelens batch` command again to finish it",
                path=str(p),
            )
        part = next(p.glob("part-*.parquet"), None)
        if part is not None:
            raise InputError(
                f"batch output parts with no {BATCH_MANIFEST} (an unfinished run whose plan "
                f"is gone): run `carelens batch` again into a new folder, or read one part "
                f"at a time ({part})",
                path=str(p),
            )
        return None
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        parts = [p / str(part["file"]) for part in data["parts"]] if data["complete"] else None
    except (ValueError, KeyError, TypeError):
        parts = None
    if parts is None:
        raise InputError(
            "this batch output is unfinished or its manifest is damaged; run the same "
            "`carelens batch` command again to finish it",
            path=str(p),
        )
    return parts
