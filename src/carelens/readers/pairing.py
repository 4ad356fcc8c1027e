"""Turn threads of :class:`~carelens.types.Turn` into seeker/response :class:`Exchange` s.

Threads are rebuilt from ``reply_to``. First, consecutive messages of one speaker in a chain
are merged: a message whose parent has the same (known) speaker is appended to the parent's
text with ``"\\n"`` — unless someone else (another or an unknown speaker) had already
answered the parent or a message merged with it: a message comes before another by timestamp
when both have one that can be read (:func:`carelens.timestamps.parse_timestamp`: ISO 8601,
compact dates, Unix times in seconds or milliseconds, from 1980 up to the end of 2099; a
placeholder such as ``0001-01-01`` is no time), else by the order of the input. The merged
turn keeps the first message's id and fields and lists the other ids, in thread order, in
``meta["merged_ids"]``.
A turn with no speaker never merges. A message that answers its own speaker's message but is
not merged (``m3`` in: alice posts ``m1``, bob answers it with ``m2``, days later alice
replies to ``m1`` with ``m3``) is a turn of its own: a self-reply is no exchange (nor a
reject), but replies to it are paired with it. A merged turn whose text (the messages and
the ``"\\n"`` between them) would be over the text limit (``max_chars``, as readers reject a
text over it) is rejected (``text too long``, at its first message, its detail saying how
many messages were merged and how long their text is): replies to any of its messages are
then replies to a rejected message (see below). Then every other reply is paired with the
(merged) message it answers — a reply to a reply is an exchange too, its parent being the
seeker side. ``Exchange.context`` holds up to three (merged) ancestors above the seeker,
oldest first. Exchanges come out in the order their responses appear in the input.

An id names a message within its conversation (``conversation_id``; the turns without one
are one conversation): threads whose message numbers restart (``1``, ``2``... in every
thread) pair each reply with the message of its own thread, and a reply never answers a
message of another conversation. Problems are rejects, not errors: a second turn with an id
already seen in its conversation is dropped (``duplicate id``); a reply whose parent is not
in its conversation cannot be paired (``unknown parent``) but stays as a thread root, so
replies to it still pair (a ``reply_to`` of ``12.0``, as pandas writes a float column to
CSV, answers the turn ``12`` when there is no turn ``12.0``); a ``reply_to`` loop is cut at
its earliest turn in the input (``reply cycle``), which then becomes a root. The
``detail`` of these rejects names the turn id and its conversation (a WordPress comment's
post), since some formats give no line.

A reply to an item its reader left out on purpose (a ``[deleted]`` or ``[removed]`` Reddit
comment, a spam WordPress comment: readers note them with :func:`note_skipped`) is not a
reject either: the input is as it should be, only the message it answers is gone. It is
counted as skipped (``RejectLog.skip``) under ``reply to <why>`` (``reply to deleted``,
``reply to spam``...) and, like an unknown parent's reply, stays a thread root. As for a live
message, only an item of the reply's own conversation counts: a reply naming a skipped item
of another conversation is an ``unknown parent``. The ids of up
to :data:`MAX_SKIPPED_IDS` skipped items are kept per reject log and file; a reply to one
past that is an ``unknown parent`` whose detail says it may have been skipped.
``carelens batch`` pairs with another log than the read's, and hands the skipped items of a
conversation to :func:`pair_located_records` itself (``gone``).

A reply to a message that is in the input but was rejected (for a missing text, say) cannot
be paired either; it is an ``unknown parent`` whose detail says that its parent was rejected,
and on which line, rather than that it is not in the input: readers note the rejected turns
whose id they read with :func:`note_rejected` (up to :data:`MAX_REJECTED_IDS` per reject
log; past that, the detail says the parent may be one of those not kept).
"""

from __future__ import annotations

import logging
import os
import re
import weakref
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from carelens.readers import rejects as R
from carelens.readers.base import MAX_TEXT_CHARS, ReadContext, Record
from carelens.readers.quoting import quote
from carelens.readers.rejects import RejectLog
from carelens.text import name_key
from carelens.timestamps import MISSING_TEXTS, parse_timestamp
from carelens.types import MAX_ID_CHARS, Exchange, Turn

logger = logging.getLogger(__name__)

#: Number of (merged) ancestors above the seeker kept in ``Exchange.context``.
CONTEXT_DEPTH = 3
#: Skipped items whose ids are kept per reject log, so a reply to one is told apart from a
#: reply to something not in the input (about 100 bytes each: at most about 100 MB).
MAX_SKIPPED_IDS = 1_000_000
#: Rejected turns whose ids (and lines) are kept per reject log, so a reply to one is told
#: apart from a reply to something not in the input (a few hundred bytes each at most: a
#: long id or conversation is not kept, see :func:`note_rejected`).
MAX_REJECTED_IDS = 100_000
#: A reference written as an integral float, e.g. ``12.0``; group 1 is the integer.
_INTEGRAL_FLOAT = re.compile(r"(-?[0-9]+)\.0+")
#: References that name no message when none has that id in the reply's conversation
#: (compared case-insensitively): a forum's root post (phpBB's ``parent_id`` 0, as the
#: WordPress reader's ``comment_parent`` 0), and what an export writes for a missing value
#: (a database's NULL, R's ``NA``, pandas' ``nan`` / ``NaT``, Python's ``None`` as text:
#: :data:`~carelens.timestamps.MISSING_TEXTS`, which a timestamp cell is read by too).
NO_PARENT = frozenset({"0", *MISSING_TEXTS})
#: What the reject of a top-level Reddit comment whose submission is not in the input adds.
SUBMISSIONS_NEEDED = (
    "read the submissions dump with the comments (as one file: cat RS.zst RC.zst > both.zst; "
    "or carelens batch on a folder holding both)"
)
#: A turn's key while pairing: its place among the turns kept, which a (conversation id, id)
#: names. An id names a message within its conversation (the messages without a
#: conversation id being one conversation).
_Key = int


@dataclass(slots=True)
class _Skipped:
    """The items one reject log counted as skipped: ``(file, conversation id, id) -> why``
    (an id names an item within its conversation, as when pairing); and how many more were
    not kept (over :data:`MAX_SKIPPED_IDS`)."""

    why: dict[tuple[str, str | None, str], str] = field(default_factory=dict)
    not_kept: int = 0


_SKIPPED: weakref.WeakKeyDictionary[RejectLog, _Skipped] = weakref.WeakKeyDictionary()


def note_skipped(
    ctx: ReadContext, item_id: str | None, why: str, *, conversation_id: str | None = None
) -> None:
    """Note that the item ``item_id`` of ``ctx.path`` was left out on purpose (``why``: the
    skip reason, counted by the reader), so that a reply to it is counted as skipped
    (``reply to <why>``) when the file's turns are paired, not rejected as ``unknown
    parent``. Kept with ``ctx.rejects`` (up to :data:`MAX_SKIPPED_IDS` ids), for as long as
    that log lives, with the item's conversation (for :func:`skipped_items`)."""
    if item_id is None:
        return
    skipped = _SKIPPED.setdefault(ctx.rejects, _Skipped())
    if len(skipped.why) < MAX_SKIPPED_IDS:
        key = (os.fspath(ctx.path), conversation_id, item_id)
        if key not in skipped.why:
            skipped.why[key] = why
    else:
        skipped.not_kept += 1


@dataclass(slots=True)
class _Rejected:
    """The turns rejected into one reject log whose ids were read: per file,
    ``(conversation id, id) -> line``; and how many more were not kept."""

    line_of: dict[str, dict[tuple[str | None, str], int | None]] = field(default_factory=dict)
    kept: int = 0
    not_kept: int = 0


_REJECTED: weakref.WeakKeyDictionary[RejectLog, _Rejected] = weakref.WeakKeyDictionary()


def note_rejected(
    ctx: ReadContext, item_id: str | None, line: int | None, *, conversation_id: str | None
) -> None:
    """Note that the turn ``item_id`` of ``ctx.path`` (in ``conversation_id``, at ``line``)
    was rejected, so that a reply to it is reported as answering a rejected message, not one
    missing from the input. Kept with ``ctx.rejects`` (up to :data:`MAX_REJECTED_IDS`), the
    first line of each id only. An id or conversation over
    :data:`~carelens.types.MAX_ID_CHARS` is not kept: a reply naming it is rejected for its
    own over-long ``reply_to``."""
    if item_id is None or len(item_id) > MAX_ID_CHARS:
        return
    if conversation_id is not None and len(conversation_id) > MAX_ID_CHARS:
        return
    rejected = _REJECTED.setdefault(ctx.rejects, _Rejected())
    if rejected.kept >= MAX_REJECTED_IDS:
        rejected.not_kept += 1
        return
    in_file = rejected.line_of.setdefault(os.fspath(ctx.path), {})
    if (conversation_id, item_id) not in in_file:
        in_file[(conversation_id, item_id)] = line
        rejected.kept += 1


def note_rejected_turn(ctx: ReadContext, record: Record) -> None:
    """:func:`note_rejected` for a record whose item is a turn (an exchange is no message a
    reply could name)."""
    turn = record.item
    if isinstance(turn, Turn):
        note_rejected(ctx, turn.id, record.line, conversation_id=turn.conversation_id)


@dataclass(frozen=True, slots=True)
class SkippedItem:
    """An item a reader left out on purpose (:func:`note_skipped`)."""

    path: str
    id: str
    conversation_id: str | None
    why: str


def skipped_items(rejects: RejectLog) -> list[SkippedItem]:
    """The items noted with :func:`note_skipped` in ``rejects``, in the order noted (those
    past :data:`MAX_SKIPPED_IDS` were not kept)."""
    skipped = _SKIPPED.get(rejects)
    if skipped is None:
        return []
    return [
        SkippedItem(path, item_id, conversation, why)
        for (path, conversation, item_id), why in skipped.why.items()
    ]


def rejected_items(rejects: RejectLog) -> list[tuple[str | None, str, int | None]]:
    """``(conversation id, id, line)`` of the turns noted with :func:`note_rejected` in
    ``rejects``, in the order noted (those past :data:`MAX_REJECTED_IDS` were not kept)."""
    rejected = _REJECTED.get(rejects)
    if rejected is None:
        return []
    return [
        (conversation, item_id, line)
        for in_file in rejected.line_of.values()
        for (conversation, item_id), line in in_file.items()
    ]


def pair_turns(
    turns: Iterable[Turn],
    *,
    rejects: RejectLog | None = None,
    source: str | os.PathLike[str] = "<turns>",
    context_depth: int = CONTEXT_DEPTH,
    max_chars: int = MAX_TEXT_CHARS,
) -> list[Exchange]:
    """Pair in-memory turns into exchanges; ``source`` names them in the reject log."""
    return pair_records(
        (Record(None, t) for t in turns),
        rejects=rejects if rejects is not None else RejectLog(),
        source=source,
        context_depth=context_depth,
        max_chars=max_chars,
    )


def pair_records(
    records: Iterable[Record],
    *,
    rejects: RejectLog,
    source: str | os.PathLike[str],
    context_depth: int = CONTEXT_DEPTH,
    max_chars: int = MAX_TEXT_CHARS,
) -> list[Exchange]:
    """Pair the turns of ``records`` (as a reader yields them); see the module docstring."""
    return pair_located_records(
        ((source, r) for r in records),
        rejects=rejects,
        context_depth=context_depth,
        max_chars=max_chars,
    )


def pair_located_records(
    records: Iterable[tuple[str | os.PathLike[str], Record]],
    *,
    rejects: RejectLog,
    context_depth: int = CONTEXT_DEPTH,
    gone: Mapping[str, str] | None = None,
    rejected: Mapping[str, Mapping[tuple[str | None, str], int | None]] | None = None,
    ids_span_files: bool = False,
    max_chars: int = MAX_TEXT_CHARS,
    elsewhere: Collection[str] | None = None,
) -> list[Exchange]:
    """Pair ``(source file, record)`` items that may come from several files, in order.

    What :func:`pair_records` does for one file; rejects name the file each turn came from.
    ``gone`` maps the ids of the items left out on purpose to why (``deleted``...), in place
    of what readers noted with :func:`note_skipped` in ``rejects``, and ``rejected`` maps
    each source file's rejected turns, ``(conversation id, id)``, to their lines, in place
    of what readers noted with :func:`note_rejected`: ``carelens batch`` pairs one
    conversation at a time, with the items its read task noted. With ``ids_span_files``
    (Reddit dumps, whose ids are global), a reply's parent rejected in another file of
    ``rejected`` is found there, and the detail names that file. A merged turn whose text
    would be over ``max_chars`` is rejected (``text too long``), as a reader rejects such a
    text. ``elsewhere``, with ``gone``, are ids the replies answer that name messages of
    other conversations of their file, which the caller read but does not pair here: a reply
    to one is an unknown parent ``which is in another conversation only``, worded as when
    the whole file is paired (any other reply with no parent: ``not in the input``).
    """
    index: dict[tuple[str | None, str], _Key] = {}  # (conversation id, id) -> key
    turns: list[Turn] = []
    where: list[tuple[str | os.PathLike[str], int | None]] = []
    for source, record in records:
        turn = record.item
        if not isinstance(turn, Turn):
            raise TypeError(f"pairing needs Turns, got {type(turn).__name__}")
        named = (turn.conversation_id, turn.id)
        if named in index:
            rejects.add(source, record.line, "id", R.DUPLICATE_ID, detail=where_is(turn))
            continue
        index[named] = len(turns)
        turns.append(turn)
        where.append((source, record.line))
    order = list(range(len(turns)))

    skipped = _SKIPPED.get(rejects)
    noted = _REJECTED.get(rejects)
    if rejected is None and gone is None and noted is not None:
        rejected = noted.line_of
    # The ids of other conversations' messages: given (one conversation at a time), or every
    # turn's id, found once a reply's parent is missing.
    others: Collection[str] | None = None if gone is None else (elsewhere or frozenset())
    unknown = 0  # unknown parents
    no_submission: list[str] = []  # the sources of the comments on a submission not read
    parent: list[_Key | None] = []
    for tid in order:
        conversation, reply_to = turns[tid].conversation_id, turns[tid].reply_to
        parent_id: _Key | None = None
        if reply_to is not None:
            parent_id = index.get((conversation, reply_to))
            if parent_id is None:
                parent_id = _integral_alias(conversation, reply_to, index)
        if parent_id is None and reply_to is not None and reply_to.casefold() in NO_PARENT:
            # a root: a forum's parent 0, a database's NULL (no message here has that id)
            turns[tid] = replace(turns[tid], reply_to=None)
            reply_to = None
        if parent_id is None and reply_to is not None:
            source = os.fspath(where[tid][0])
            why = None
            if gone is not None:
                why = gone.get(reply_to)
            elif skipped is not None:
                # only an item of the reply's own conversation: elsewhere, that id names
                # another message, and the reply is an unknown parent as for a live one
                why = skipped.why.get((source, conversation, reply_to))
            if why is not None:
                rejects.skip(f"reply to {why}")
            else:
                detail = f"{where_is(turns[tid])} replies to {quote(reply_to)}, not in the input"
                if others is None:
                    found = {named[1] for named in index}
                    if skipped is not None:  # skipped items of other conversations too
                        found |= {named[2] for named in skipped.why}
                    others = found
                if reply_to in others:
                    detail = (
                        f"{where_is(turns[tid])} replies to {quote(reply_to)}, which is in another"
                        " conversation only"
                    )
                was_rejected = None
                if rejected is not None:
                    was_rejected = _rejected_parent(
                        rejected, source, turns[tid], reply_to, ids_span_files=ids_span_files
                    )
                if was_rejected is not None:
                    detail = was_rejected
                elif skipped is not None and skipped.not_kept:
                    detail += (
                        f" (or one of the {skipped.not_kept} skipped items, deleted, removed or "
                        "spam, whose ids were not kept)"
                    )
                if was_rejected is None and noted is not None and noted.not_kept:
                    detail += (
                        f" (or one of the {noted.not_kept} rejected turns whose ids were not kept)"
                    )
                unknown += 1
                if was_rejected is None and _answers_submission(turns[tid]):
                    no_submission.append(source)
                    detail += f" (the Reddit submission it comments on): {SUBMISSIONS_NEEDED}"
                rejects.add(*where[tid], "reply_to", R.UNKNOWN_PARENT, detail=detail)
        parent.append(parent_id)
    if no_submission and len(no_submission) == unknown:
        logger.warning(
            "%s: %d %s on Reddit submissions not in the input, so %s no pair: %s",
            ", ".join(dict.fromkeys(no_submission)),
            unknown,
            "comment is" if unknown == 1 else "comments are",
            "it gives" if unknown == 1 else "they give",
            SUBMISSIONS_NEEDED,
        )
    for tid in _break_cycles(order, parent):
        detail = f"{where_is(turns[tid])}: its reply_to loop is cut here"
        rejects.add(*where[tid], "reply_to", R.REPLY_CYCLE, detail=detail)

    groups = _merge_groups(order, parent, turns)
    root_of = {member: root for root, members in groups.items() for member in members}
    too_long = _reject_long_merges(groups, turns, where, rejects, max_chars)
    for tid in order if too_long else ():
        # A reply to a message of a rejected merge (by someone else, or a self-reply not
        # merged) answers a rejected message: an unknown parent that stays a thread root.
        parent_id = parent[tid]
        if parent_id is None or root_of[parent_id] not in too_long:
            continue
        if root_of[parent_id] == root_of[tid]:
            continue  # a member of that merge
        root = root_of[parent_id]
        source, line = where[root]
        at = _rejected_at(line, os.fspath(source), os.fspath(where[tid][0]))
        into = "" if parent_id == root else f"merged into {quote(turns[root].id)} and "
        detail = (
            f"{where_is(turns[tid])} replies to {quote(turns[tid].reply_to or '')}, which was "
            f"{into}rejected{at}"
        )
        rejects.add(*where[tid], "reply_to", R.UNKNOWN_PARENT, detail=detail)
        parent[tid] = None
    merged: dict[_Key, Turn] = {}

    def merged_turn(root: _Key) -> Turn:
        if root not in merged:
            members = groups[root]
            turn = turns[root]
            if len(members) > 1:
                meta = dict(turn.meta)
                meta["merged_ids"] = [turns[m].id for m in members[1:]]
                text = "\n".join(turns[m].text for m in members)
                turn = replace(turn, text=text, meta=meta)
            merged[root] = turn
        return merged[root]

    exchanges: list[Exchange] = []
    for tid in order:
        parent_id = parent[tid]
        if root_of[tid] != tid or parent_id is None or tid in too_long:
            continue
        if _same_speaker(turns[tid], turns[parent_id]):
            continue  # a self-reply not merged (someone else had answered first): no exchange
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


def _answers_submission(turn: Turn) -> bool:
    """Whether ``turn`` is a top-level Reddit comment: a comment (``meta["kind"]``, as the
    Reddit reader gives it) that answers its conversation's root, the submission."""
    return turn.meta.get("kind") == "comment" and turn.reply_to == turn.conversation_id


def _reject_long_merges(
    groups: Mapping[_Key, list[_Key]],
    turns: list[Turn],
    where: list[tuple[str | os.PathLike[str], int | None]],
    rejects: RejectLog,
    max_chars: int,
) -> set[_Key]:
    """Reject (``text too long``, at its first message) every merge whose text would be
    over ``max_chars``, as a reader rejects such a text; return their roots. The length is
    summed, never the text built."""
    too_long: set[_Key] = set()
    for root, members in groups.items():
        if len(members) < 2:
            continue  # one message: its reader checked its text
        size = sum(len(turns[m].text) for m in members) + len(members) - 1  # "\n" between
        if size <= max_chars:
            continue
        detail = (
            f"{where_is(turns[root])}: merged text of {len(members):,} messages by one speaker "
            f"is {size:,} characters > limit {max_chars:,}"
        )
        rejects.add(*where[root], "text", R.TEXT_TOO_LONG, detail=detail)
        too_long.add(root)
    return too_long


def _rejected_parent(
    rejected: Mapping[str, Mapping[tuple[str | None, str], int | None]],
    source: str,
    turn: Turn,
    reply_to: str,
    *,
    ids_span_files: bool = False,
) -> str | None:
    """The detail of an unknown parent when that parent was rejected (its line named when
    it has one; its file too when it is another than the reply's, which only
    ``ids_span_files`` looks in); None when it was not (or its id was not kept)."""
    key = (turn.conversation_id, reply_to)
    files = [source] if not ids_span_files else [source, *(f for f in rejected if f != source)]
    for file in files:
        in_file = rejected.get(file, {})
        if key in in_file:
            at = _rejected_at(in_file[key], file, source)
            return f"{where_is(turn)} replies to {quote(reply_to)}, which was rejected{at}"
    return None


def _rejected_at(line: int | None, file: str, source: str) -> str:
    """Where a rejected parent is, for a reply read from ``source``: `` (line 2)``, and the
    file when it is another (`` (line 2 of RS_2024-01.ndjson)``); empty when neither says
    more."""
    place = f"line {line}" if line is not None else ""
    if file != source:
        place = f"{place} of {file}" if place else f"in {file}"
    return f" ({place})" if place else ""


def where_is(turn: Turn) -> str:
    """A reject detail that finds a turn without a line: its id and conversation (for a
    WordPress comment, the post), each cut to a few dozen characters
    (:func:`~carelens.readers.quoting.quote`), never its text."""
    conversation = turn.conversation_id
    inside = (
        f" in conversation {quote(conversation)}"
        if conversation and conversation != turn.id
        else ""
    )
    return f"turn {quote(turn.id)}{inside}"


def _integral_alias(
    conversation: str | None, parent_id: str, index: dict[tuple[str | None, str], _Key]
) -> _Key | None:
    """The key of turn ``"12"`` of ``conversation`` for a reference written ``"12.0"`` (a
    float column in a CSV that pandas wrote) when only ``"12"`` is an id there; None
    otherwise."""
    match = _INTEGRAL_FLOAT.fullmatch(parent_id)
    return None if match is None else index.get((conversation, match[1]))


def _break_cycles(order: list[_Key], parent: list[_Key | None]) -> list[_Key]:
    """Cut every ``reply_to`` loop at its earliest turn in the input (keys are places in the
    input); return the cut turns."""
    state: dict[_Key, int] = {}  # 1: on the current walk, 2: known to reach a root
    cut: list[_Key] = []
    for start in order:
        walk: list[_Key] = []
        node: _Key | None = start
        while node is not None and node not in state:
            state[node] = 1
            walk.append(node)
            node = parent[node]
        if node is not None and state[node] == 1:
            loop = walk[walk.index(node) :]
            first = min(loop)
            parent[first] = None
            cut.append(first)
        for n in walk:
            state[n] = 2
    return cut


def _same_speaker(turn: Turn, parent: Turn) -> bool:
    """Whether two messages have one speaker, their names compared as :func:`name_key` reads
    them (``vol-ana`` and ``vol-ana ``, as the insights group them)."""
    if turn.speaker is None or parent.speaker is None:
        return False
    key = name_key(turn.speaker)
    return bool(key) and key == name_key(parent.speaker)


@dataclass(slots=True)
class _Answers:
    """The earliest answers by someone else to the messages of one merge group so far:
    ``(moment, position)`` of the earliest dated one, the position of the earliest undated
    one and of the earliest of all (None: none yet)."""

    dated: tuple[datetime, int] | None = None
    undated: int | None = None
    earliest: int | None = None

    def add(self, moment: datetime | None, position: int) -> None:
        if moment is not None:
            if self.dated is None or (moment, position) < self.dated:
                self.dated = (moment, position)
        elif self.undated is None or position < self.undated:
            self.undated = position
        if self.earliest is None or position < self.earliest:
            self.earliest = position

    def before(self, moment: datetime | None, position: int) -> bool:
        """Whether one of them came before a message at ``moment`` and ``position``: by
        timestamp when both have one (then by position), else by position."""
        if moment is None:
            return self.earliest is not None and self.earliest < position
        if self.dated is not None and self.dated < (moment, position):
            return True
        return self.undated is not None and self.undated < position


def _moment(turn: Turn) -> datetime | None:
    """A turn's time (:func:`carelens.timestamps.parse_timestamp`, the one rule for reading
    a time: ISO 8601, compact dates, Unix times in seconds or milliseconds, from 1980 up to
    the end of 2099);
    None when it has none that can be read (the input order decides then)."""
    return parse_timestamp(turn.timestamp)


def _merge_groups(
    order: list[_Key], parent: list[_Key | None], turns: list[Turn]
) -> dict[_Key, list[_Key]]:
    """Map each merge root to its members (root first, then thread pre-order).

    A same-speaker child (a candidate) joins its parent's group unless an answer by someone
    else to a member of that group came before it (:class:`_Answers`). The candidates of one
    same-speaker tree are decided earliest first (by timestamp when all have one, else in
    input order), a candidate whose parent is not decided yet when its parent is.
    """
    same_children: dict[_Key, list[_Key]] = {}
    tree_roots: list[_Key] = []
    for tid in order:
        parent_id = parent[tid]
        if parent_id is not None and _same_speaker(turns[tid], turns[parent_id]):
            same_children.setdefault(parent_id, []).append(tid)
        else:
            tree_roots.append(tid)
    # Answers by someone else, for the messages that have a same-speaker child or parent.
    in_tree = set(same_children)
    in_tree.update(c for children in same_children.values() for c in children)
    answers: dict[_Key, list[_Key]] = {}
    for tid in order:
        parent_id = parent[tid]
        if parent_id in in_tree and not _same_speaker(turns[tid], turns[parent_id]):
            answers.setdefault(parent_id, []).append(tid)

    group_of: dict[_Key, _Key] = {}
    for root in tree_roots:
        group_of[root] = root
        if root in same_children:
            _decide_tree(root, same_children, answers, group_of, parent, turns)

    groups: dict[_Key, list[_Key]] = {}
    for root in order:
        if group_of[root] != root:
            continue
        members: list[_Key] = []
        stack = [root]
        while stack:
            node = stack.pop()
            members.append(node)
            merged = [c for c in same_children.get(node, ()) if group_of[c] == root]
            stack.extend(reversed(merged))
        groups[root] = members
    return groups


def _decide_tree(
    root: _Key,
    same_children: dict[_Key, list[_Key]],
    answers: dict[_Key, list[_Key]],
    group_of: dict[_Key, _Key],
    parent: list[_Key | None],
    turns: list[Turn],
) -> None:
    """Set ``group_of`` for every candidate of the same-speaker tree under ``root``."""
    candidates: list[_Key] = []
    stack = list(same_children[root])
    while stack:
        node = stack.pop()
        candidates.append(node)
        stack.extend(same_children.get(node, ()))
    moments = {tid: _moment(turns[tid]) for tid in candidates}
    dated = all(m is not None for m in moments.values())
    candidates.sort(key=lambda t: (moments[t], t) if dated else (t,))  # a key is a place
    seen: dict[_Key, _Answers] = {}

    def join(tid: _Key, group: _Key) -> None:
        group_of[tid] = group
        found = seen.setdefault(group, _Answers())
        for answer in answers.get(tid, ()):
            found.add(_moment(turns[answer]), answer)

    join(root, root)
    waiting: dict[_Key, list[_Key]] = {}
    for candidate in candidates:
        ready = [candidate]
        while ready:
            tid = ready.pop()
            up = parent[tid]
            assert up is not None  # a candidate answers its parent
            if up not in group_of:
                waiting.setdefault(up, []).append(tid)
                continue
            group = group_of[up]
            answered = seen[group].before(moments[tid], tid)
            join(tid, tid if answered else group)
            ready.extend(waiting.pop(tid, ()))
