"""One distress level per seeker message, whichever reply it was read with.

The empathy model reads a seeker message's distress together with the reply (its encoder
reads ``[CLS] response [SEP] seeker [SEP]``), so the records of two replies to one message
can give that message different levels: a compassionate reply's record may read it at high
distress and a dismissive one's at moderate. Counted as they are, a helper's high-distress
load would depend on how they answered. :func:`per_message_distress` gives every reply to
one message the same level: the most probable level of the **mean** of the distress
probabilities of the message's analysed replies (on the dev part of the project's
annotations that level scores as well as each pair's own, macro-F1 0.592 against 0.595,
though its 242 responses answer 238 messages). The record files are not changed; each still
carries its pair's reading.

Which rows answer one message (:func:`message_key`): a seeker id names a message within its
conversation and its input file, and nothing in a record names its input file. One result
file is one input (a record repeating a conversation and seeker id answers the same
message, as :func:`~carelens.output.read_results` reads ids), but a ``carelens batch``
output holds several input files, which may number their threads and messages alike. So a
message is known by its conversation id, its seeker id, and what the message brings to every
record of a reply to it: the seeker's name and text. Two input files' messages are told
apart by their texts (or, in results written without texts, by their writers' names); two
files' messages with the same ids, writer and text, or ids and writer and no text, are taken
as one. Rows without a seeker id stay as they are.

Which readings count: those of rows with both a level and probabilities (records written by
an older carelens, or by hand, may have a level alone: such a row keeps its own level). A
message with one reading keeps its level as the record gives it; with more, the level is the
one whose mean probability is highest, and a tie (means equal to within
:data:`TIE_TOLERANCE`, as probabilities rounded to four decimals give) goes to the **lower**
level, as the model's own argmax does between equal probabilities.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from carelens.insights.rows import ResponseRow
from carelens.types import N_LEVELS

#: What identifies a seeker message: conversation id, seeker id, seeker name, seeker text.
MessageKey = tuple[str | None, str, str | None, str | None]

#: Mean probabilities closer than this are a tie (the records' probabilities are rounded,
#: and float sums of equal decimals can differ in their last bits).
TIE_TOLERANCE = 1e-9


def message_key(row: ResponseRow) -> MessageKey | None:
    """The seeker message ``row`` answers (see the module docstring); None without a seeker
    id."""
    if row.seeker_id is None:
        return None
    return (row.conversation_id, row.seeker_id, row.seeker_speaker, row.seeker_text)


def mean_level(readings: Iterable[Sequence[float]]) -> int:
    """The most probable level of the mean of ``readings`` (per-level probabilities), a tie
    going to the lower level (see the module docstring)."""
    sums = [0.0] * N_LEVELS
    n = 0
    for probabilities in readings:
        n += 1
        for k in range(N_LEVELS):
            sums[k] += probabilities[k]
    if not n:
        raise ValueError("no readings to take the mean of")
    means = [s / n for s in sums]
    top = max(means)
    return next(k for k, m in enumerate(means) if m >= top - TIE_TOLERANCE)


def _reading(row: ResponseRow) -> tuple[MessageKey, Sequence[float]] | None:
    """The message ``row``'s reading counts towards, with its probabilities; None when it
    counts for none (no seeker id, or not both a level and probabilities)."""
    key = message_key(row)
    probabilities = row.seeker_distress_probabilities
    if key is None or row.seeker_distress is None or probabilities is None:
        return None
    return key, probabilities


def per_message_distress(rows: Sequence[ResponseRow]) -> list[ResponseRow]:
    """``rows`` (in order) with every reading of one seeker message at the message's level
    (see the module docstring); a row left as it is stays the same object."""
    readings: dict[MessageKey, list[Sequence[float]]] = {}
    for row in rows:
        found = _reading(row)
        if found is not None:
            readings.setdefault(found[0], []).append(found[1])
    levels = {key: mean_level(found) for key, found in readings.items() if len(found) > 1}
    out: list[ResponseRow] = []
    for row in rows:
        found = _reading(row)
        level = levels.get(found[0]) if found is not None else None
        changed = level is not None and level != row.seeker_distress
        out.append(replace(row, seeker_distress=level) if changed else row)
    return out
