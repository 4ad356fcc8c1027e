"""What a command reads: the options that say how to read it (``--format``,
``--column-map``, ``--helper``), and the checks and explanations of the input.

``--format`` is checked while the command line is read (an unknown format is a usage
error); a malformed ``--column-map`` is a usage error too (:func:`parse_column_map`).
:func:`require_input` checks a path a command reads, and :func:`refuse_column_map_for` a
column map given for input that takes none (Reddit, WordPress). :func:`no_pairs_hint` says
why a conversation file gave no pair (batch, summarize and report; analyze words it alike),
and :func:`column_map_named` the column map entry such a hint names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated

import typer

from carelens.errors import CarelensError, InputError


def _known_format(value: str | None) -> str | None:
    """``--format`` checked while the command line is read: a format carelens has no reader
    for is a usage error (exit 2), before any file is opened."""
    from carelens.readers.base import SUPPORTED_FORMATS

    if value is not None and value not in SUPPORTED_FORMATS:
        raise typer.BadParameter(
            f"unknown format {value!r}; use one of {', '.join(SUPPORTED_FORMATS)}, or leave "
            "--format out to detect it"
        )
    return value


InputFormat = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        callback=_known_format,
        help="Input format: csv, jsonl, convokit, reddit, wxr or parquet (default: detected "
        "per file).",
    ),
]
ColumnMap = Annotated[
    list[str] | None,
    typer.Option(
        "--column-map", "-m", help="canonical=column, to read other column names (repeat)."
    ),
]
Helper = Annotated[
    list[str] | None,
    typer.Option(
        "--helper",
        help="Analyse only the responses written by this speaker (repeat for more): a name or "
        "a pattern with * and ? (vol-*), case ignored. Without it every reply is analysed, "
        "the seeker's answers to a helper too.",
    ),
]


def parse_column_map(items: list[str] | None) -> dict[str, str]:
    """``["seeker=question", ...]`` as ``{"seeker": "question"}``; a usage error if an entry
    is malformed, or names a field no layout reads (listing the valid fields: a typo would
    otherwise leave the column unread, and the run go on without it)."""
    from carelens.readers.layouts import column_map_problem

    mapping: dict[str, str] = {}
    for item in items or ():
        canonical, sep, column = item.partition("=")
        if not sep or not canonical.strip() or not column.strip():
            raise typer.BadParameter(
                f"expects canonical=column, got {item!r}", param_hint="--column-map"
            )
        mapping[canonical.strip()] = column.strip()
    problem = column_map_problem(mapping)
    if problem is not None:
        raise typer.BadParameter(problem, param_hint="--column-map")
    return mapping


#: The input formats a column map does not apply to: their readers read the fields of the
#: export itself (a Reddit dump, a WordPress export).
UNMAPPED_FORMATS = ("reddit", "wxr")


def refuse_column_map_for(
    paths: Sequence[Path], input_format: str | None, column_map: Mapping[str, str]
) -> None:
    """Raise a usage error, before any input is read, when a column map is given for Reddit
    or WordPress input: named with ``--format``, or detected in one of ``paths`` (as the
    readers detect it, the map applied). Their readers would refuse the map only once the
    reading began. A path whose format cannot be detected (missing, a pipe, unknown content)
    is left to the readers' own error."""
    if not column_map:
        return
    from carelens.readers.detect import detect_format

    for path in paths:
        found = input_format
        if found is None:
            try:
                found = detect_format(path, column_map=column_map)
            except (CarelensError, OSError):
                continue
        if found in UNMAPPED_FORMATS:
            raise typer.BadParameter(
                f"{path}: a column map applies to csv, jsonl, convokit and parquet input, "
                f"not {found}",
                param_hint="--column-map",
            )


def no_pairs_hint(
    path: Path,
    *,
    input_format: str | None,
    column_map: Mapping[str, str] | None = None,
    skipped: Mapping[str, int] | None = None,
) -> str:
    """Why the conversation file ``path``, read without a reject, gave no pair
    (:func:`~carelens.readers.why_no_pairs`: the items skipped, or messages that answer none
    of each other, with a field that may name the message answered), and what to give
    instead: ``REASON; ADVICE``, as ``analyze`` says it."""
    from carelens.readers.api import REPLIES_NEEDED, why_no_pairs

    reason = why_no_pairs(path, format=input_format, column_map=column_map, skipped=skipped)
    advice = (
        "give a file with replies to messages that are still there" if skipped else REPLIES_NEEDED
    )
    return f"{reason}; {advice}"


#: The column map :func:`~carelens.readers.why_no_pairs` names (``reply_to=inReplyTo``),
#: followed by the advice of :func:`no_pairs_hint`.
_COLUMN_MAP_NAMED = re.compile(r"with a column map \((reply_to=.*?)\); ")


def column_map_named(hint: str) -> str | None:
    """The column map entry a :func:`no_pairs_hint` names to read a field that may name the
    message answered (``reply_to=inReplyTo``); None when it names none."""
    named = _COLUMN_MAP_NAMED.search(hint)
    return None if named is None else named.group(1)


def require_input(path: Path, *, kind: str = "file") -> None:
    """Raise an InputError (exit 1, one ``error: PATH: ...`` line) when a path a command reads
    is missing or of the wrong kind: ``kind`` is ``"file"``, ``"folder"`` or ``"any"`` (a
    file or a folder, such as a ConvoKit corpus). Every command words a missing input alike:
    ``PATH: no such file`` (``no such folder`` for a folder)."""
    if not path.exists():
        raise InputError("no such folder" if kind == "folder" else "no such file", path=str(path))
    if kind == "file" and path.is_dir():
        raise InputError("this is a folder; name a file", path=str(path))
    if kind == "folder" and not path.is_dir():
        raise InputError("this is a file; name a folder", path=str(path))
