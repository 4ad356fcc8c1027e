"""Turn threads of :class:`~carelens.types.Turn` into seeker/response :class:`Exchange` s.

Threads are rebuilt from ``reply_to``. First, consecutive messages of one speaker in a chain
are merged: a message whose parent has the same (known) speaker is appended to the parent's
text with ``"\\n"``; the merged turn keeps the first message's id and fields and lists the
other ids, in thread order, in ``meta["merged_ids"]``. A turn with no speaker never merges.
Then every reply is paired with the (merged) message it answers — a reply to a reply is an
exchange too, its parent being the seeker side. ``Exchange.context`` holds up to three
(merged) ancestors above the seeker, oldest first. Exchanges come out in the order their
responses appear in the input.

Problems are rejects, not errors: a second turn with an id already seen is dropped
(``duplicate id``); a reply whose parent is not in the input cannot be paired (``unknown
parent``) but stays as a thread root, so replies to it still pair (a ``reply_to`` of
``12.0``, as pandas writes a float column to CSV, answers the turn ``12`` when there is no
turn ``12.0``); a ``reply_to`` loop is
cut at its earliest turn in the input (``reply cycle``), which then becomes a root. The
``detail`` of these rejects names the turn id and its conversation (a WordPress comment's
post), since some formats give no line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import replace

from carelens.readers import rejects as R
from carelens.readers.base import Record
from carelens.readers.rejects import RejectLog
from carelens.types import Exchange, Turn

#: Number of (merged) ancestors above the seeker kept in ``Exchange.context``.
CONTEXT_DEPTH = 3
#: A reference written as an integral float, e.g. ``12.0``; group 1 is the integer.
_INTEGRAL_FLOAT = re.compile(r"(-?[0-9]+)\.0+")


def pair_turns(
    turns: Iterable[Turn],
    *,
    rejects: RejectLog | None = None,
    source: str | os.PathLike[str] = "<turns>",
    context_depth: int = CONTEXT_DEPTH,
) -> list[Exchange]:
    """Pair in-memory turns into exchanges; ``source`` names them in the reject log."""
    return pair_records(
        (Record(None, t) for t in turns),
        rejects=rejects if rejects is not None else RejectLog(),
        source=source,
        context_depth=context_depth,
    )


def pair_records(
    records: Iterable[Record],
    *,
    rejects: RejectLog,
    source: str | os.PathLike[str],
    context_depth: int = CONTEXT_DEPTH,
) -> list[Exchange]:
    """Pair the turns of ``records`` (as a reader yields them); see the module docstring."""
    return pair_located_records(
        ((source, r) for r in records), rejects=rejects, context_depth=context_depth
    )


def pair_located_records(
    records: Iterable[tuple[str | os.PathLike[str], Record]],
    *,
    rejects: RejectLog,
    context_depth: int = CONTEXT_DEPTH,
) -> list[Exchange]:
    """Pair ``(source file, record)`` items that may come from several files, in order.

    What :func:`pair_records` does for one file; rejects name the file each turn came from.
    """
    turns: dict[str, Turn] = {}
    where: dict[str, tuple[str | os.PathLike[str], int | None]] = {}
    for source, record in records:
        turn = record.item
        if not isinstance(turn, Turn):
            raise TypeError(f"pairing needs Turns, got {type(turn).__name__}")
        if turn.id in turns:
            rejects.add(source, record.line, "id", R.DUPLICATE_ID, detail=where_is(turn))
            continue
        turns[turn.id] = turn
        where[turn.id] = (source, record.line)
    order = list(turns)

    parent: dict[str, str | None] = {}
    for tid in order:
        parent_id = turns[tid].reply_to
        if parent_id is not None and parent_id not in turns:
            parent_id = _integral_alias(parent_id, turns)
        if parent_id is None and turns[tid].reply_to is not None:
            detail = f"{where_is(turns[tid])} replies to {turns[tid].reply_to!r}, not in the input"
            rejects.add(*where[tid], "reply_to", R.UNKNOWN_PARENT, detail=detail)
        parent[tid] = parent_id
    for tid in _break_cycles(order, parent):
        detail = f"{where_is(turns[tid])}: its reply_to loop is cut here"
        rejects.add(*where[tid], "reply_to", R.REPLY_CYCLE, detail=detail)

    groups = _merge_groups(order, parent, turns)
    root_of = {member: root for root, members in groups.items() for member in members}
    merged: dict[str, Turn] = {}

    def merged_turn(root: str) -> Turn:
        if root not in merged:
            members = groups[root]
            turn = turns[root]
            if len(members) > 1:
                meta = dict(turn.meta)
                meta["merged_ids"] = members[1:]
                text = "\n".join(turns[m].text for m in members)
                turn = replace(turn, text=text, meta=meta)
            merged[root] = turn
        return merged[root]

    exchanges: list[Exchange] = []
    for tid in order:
        parent_id = parent[tid]
        if root_of[tid] != tid or parent_id is None:
            continue
        seeker_root = root_of[parent_id]
        context: list[Turn] = []
        above = parent[seeker_root]
        while above is not None and len(context) < context_depth:
            ancestor = root_of[above]
            context.append(merged_turn(ancestor))
            above = parent[ancestor]
        exchanges.append(
            Exchange(
                seeker=merged_turn(seeker_root),
                response=merged_turn(tid),
                context=tuple(reversed(context)),
            )
        )
    return exchanges


def where_is(turn: Turn) -> str:
    """A reject detail that finds a turn without a line: its id and conversation (for a
    WordPress comment, the post), never its text."""
    conversation = turn.conversation_id
    inside = (
        f" in conversation {conversation!r}" if conversation and conversation != turn.id else ""
    )
    return f"turn {turn.id!r}{inside}"


def _integral_alias(parent_id: str, turns: dict[str, Turn]) -> str | None:
    """``"12"`` for a reference written ``"12.0"`` (a float column in a CSV that pandas
    wrote) when only ``"12"`` is an id; None otherwise."""
    match = _INTEGRAL_FLOAT.fullmatch(parent_id)
    if match is None or match[1] not in turns:
        return None
    return match[1]


def _break_cycles(order: list[str], parent: dict[str, str | None]) -> list[str]:
    """Cut every ``reply_to`` loop at its earliest turn in the input; return the cut turns."""
    position = {tid: i for i, tid in enumerate(order)}
    state: dict[str, int] = {}  # 1: on the current walk, 2: known to reach a root
    cut: list[str] = []
    for start in order:
        walk: list[str] = []
        node: str | None = start
        while node is not None and node not in state:
            state[node] = 1
            walk.append(node)
            node = parent[node]
        if node is not None and state[node] == 1:
            loop = walk[walk.index(node) :]
            first = min(loop, key=position.__getitem__)
            parent[first] = None
            cut.append(first)
        for n in walk:
            state[n] = 2
    return cut


def _merge_groups(
    order: list[str], parent: dict[str, str | None], turns: dict[str, Turn]
) -> dict[str, list[str]]:
    """Map each merge root to its members (root first, then thread pre-order)."""
    same_children: dict[str, list[str]] = {}
    roots: list[str] = []
    for tid in order:
        parent_id = parent[tid]
        speaker = turns[tid].speaker
        if parent_id is not None and speaker is not None and turns[parent_id].speaker == speaker:
            same_children.setdefault(parent_id, []).append(tid)
        else:
            roots.append(tid)
    groups: dict[str, list[str]] = {}
    for root in roots:
        members: list[str] = []
        stack = [root]
        while stack:
            node = stack.pop()
            members.append(node)
            stack.extend(reversed(same_children.get(node, ())))
        groups[root] = members
    return groups
