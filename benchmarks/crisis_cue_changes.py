"""Which messages carry crisis cues, in this checkout and in an earlier version: the counts, and
every message whose cues differ.

The check every change to the crisis patterns is reviewed with. The messages are the distinct
seeker posts of the shared EPITOME file (by ``sp_id``), or a review corpus (``--texts``: JSON
Lines, one object a line with ``text`` and, where the writer labelled it, ``crisis``: true or
false). Each version's ``crisis_cues`` runs in a process of its own (the earlier one unpacked
with ``git archive`` from ``--against``), which checks that it imported the carelens it was
given. Printed: per version, how many messages carry cues and how many cues there are (with
labels, also how many crises were caught and how many messages that are none were flagged);
then each message whose cues differ, with both versions' evidence — the crises an earlier
version caught that this checkout misses first (``LOST``), then the cues that are new
(``NEW``), then those that changed (``CHANGED``).

Run (needs git; the EPITOME file unless ``--texts``)::

    PYTHONPATH=src python benchmarks/crisis_cue_changes.py --against 4a8f1c0
    PYTHONPATH=src python benchmarks/crisis_cue_changes.py --against 4a8f1c0 --texts review.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench_common import (
    EPITOME,
    check_imported_from,
    epitome_rows,
    fail,
    run_child,
    unpack_src,
)

HERE = Path(__file__).resolve().parent

#: Run in a child process with the version's ``src`` first on the path; prints JSON: for each
#: message, its cues as ``[label, evidence]`` pairs.
_READER = """
import json, sys
import carelens
from carelens.analysis.crisis import crisis_cues
texts = json.load(open(sys.argv[1], encoding="utf-8"))
cues = [[[c.label, c.text_in(t)] for c in crisis_cues(t)] for t in texts]
print(json.dumps({"cues": cues, "carelens_file": carelens.__file__}))
"""

#: How much of a message a changed line shows.
_SHOWN_CHARS = 160


@dataclass(frozen=True)
class Message:
    """A message read, with its id (``sp_id`` or the line number) and the writer's label."""

    id: str
    text: str
    crisis: bool | None = None


def epitome_messages(data: Path) -> list[Message]:
    """The distinct seeker posts of the EPITOME file, in the order they first appear."""
    seen: dict[str, str] = {}
    for row in epitome_rows(data):
        seen.setdefault(row["sp_id"], row["seeker_post"])
    return [Message(sp_id, text) for sp_id, text in seen.items()]


def corpus_messages(path: Path) -> list[Message]:
    """The messages of a review corpus; exits naming the line of a record it cannot read."""
    if not path.is_file():
        fail(f"{path} is missing: --texts needs a JSON Lines file of messages")
    messages = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                fail(f"{path}, line {number}: not JSON ({exc.msg})")
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                fail(f"{path}, line {number}, field 'text': a JSON object with a text is needed")
            label = record.get("crisis")
            if label is not None and not isinstance(label, bool):
                fail(f"{path}, line {number}, field 'crisis': true, false or absent")
            messages.append(Message(str(record.get("id", number)), record["text"], label))
    if not messages:
        fail(f"{path}: no messages")
    return messages


def read_cues(src: Path, data: Path) -> list[list[tuple[str, str]]]:
    """Each message's cues as ``crisis_cues`` of the carelens in ``src`` reads them."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = json.loads(run_child([sys.executable, "-c", _READER, str(data)], env, f"{src}'s cues"))
    check_imported_from(src, str(out["carelens_file"]), "reading the cues")
    return [[(label, evidence) for label, evidence in cues] for cues in out["cues"]]


def summary(name: str, messages: list[Message], cues: list[list[tuple[str, str]]]) -> str:
    """One line: messages with cues and cues, and with labels the crises caught and the false
    cues."""
    flagged = sum(1 for found in cues if found)
    line = (
        f"{name:>14}: {flagged} of {len(messages)} messages with cues, "
        f"{sum(len(found) for found in cues)} cues"
    )
    labelled = [(m.crisis, bool(found)) for m, found in zip(messages, cues, strict=True)]
    crises = [caught for label, caught in labelled if label is True]
    others = [caught for label, caught in labelled if label is False]
    if crises or others:
        line += (
            f"; crises caught {sum(crises)} of {len(crises)}, "
            f"false cues {sum(others)} of {len(others)}"
        )
    return line


def _shown(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SHOWN_CHARS else flat[: _SHOWN_CHARS - 1] + "\u2026"


def changes(
    messages: list[Message],
    new: list[list[tuple[str, str]]],
    old: list[list[tuple[str, str]]],
) -> list[str]:
    """The lines for each message whose cues differ: lost ones first, then new, then changed."""
    kinds: dict[str, list[str]] = {"LOST": [], "NEW": [], "CHANGED": []}
    for message, now, before in zip(messages, new, old, strict=True):
        if now == before:
            continue
        kind = "LOST" if not now else "NEW" if not before else "CHANGED"
        label = "" if message.crisis is None else f" [labelled {str(message.crisis).lower()}]"
        kinds[kind].append(
            f"{kind} {message.id}{label}: {_shown(message.text)}\n"
            f"    before: {before or 'no cue'}\n    now:    {now or 'no cue'}"
        )
    return [line for lines in kinds.values() for line in lines]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", required=True, help="a git revision of this repository")
    parser.add_argument("--texts", type=Path, help="a JSON Lines review corpus instead")
    parser.add_argument("--data", type=Path, default=EPITOME, help="the EPITOME file")
    args = parser.parse_args()
    messages = corpus_messages(args.texts) if args.texts else epitome_messages(args.data)
    if not messages:
        fail(f"no seeker posts in {args.data}")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "texts.json"
        data.write_text(json.dumps([m.text for m in messages]), encoding="utf-8")
        new = read_cues(HERE.parent / "src", data)
        old = read_cues(unpack_src(args.against, Path(tmp) / "old"), data)
    print(summary("this checkout", messages, new))
    print(summary(args.against, messages, old))
    changed = changes(messages, new, old)
    print(f"{len(changed)} messages whose cues differ")
    for line in changed:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
