"""Conversation readers: CSV/TSV, JSON Lines, ConvoKit, Reddit dumps and WordPress exports.

Every reader streams its file into :class:`~carelens.types.Turn` s or
:class:`~carelens.types.Exchange` s; thread formats are paired by
:func:`pair_turns` (same-speaker runs merged first, each reply paired with the message it
answers). Bad records never stop a read: they go to a :class:`RejectLog`. Usage::

    from carelens.readers import RejectLog, read_exchanges

    with RejectLog("rejects.jsonl") as rejects:
        for exchange in read_exchanges("dump.zst", rejects=rejects):
            ...
"""

from __future__ import annotations

from carelens.readers.api import (
    READERS,
    REPLIES_NEEDED,
    read_exchanges,
    read_records,
    read_turns,
    why_no_pairs,
)
from carelens.readers.base import MAX_TEXT_CHARS, SUPPORTED_FORMATS, ReadContext, Reader, Record
from carelens.readers.detect import detect_format
from carelens.readers.pairing import pair_turns
from carelens.readers.rejects import RejectLog

__all__ = [
    "MAX_TEXT_CHARS",
    "READERS",
    "REPLIES_NEEDED",
    "SUPPORTED_FORMATS",
    "ReadContext",
    "Reader",
    "Record",
    "RejectLog",
    "detect_format",
    "pair_turns",
    "read_exchanges",
    "read_records",
    "read_turns",
    "why_no_pairs",
]
