"""How the page names a response: its id, and which one it is where several share that id.

A response id is unique only within a conversation (or a file): two threads whose message
numbers restart, or two files, can both have a response ``2``. The page therefore links,
anchors and picks responses by their ``position`` in the input (see
:class:`~carelens.insights.rows.ResponseRow`), and names them by their id; an id that several
responses of the input share is followed by what tells them apart: its conversation when no
other response with that id is in the same conversation, else its number in the input
(``no. 58``, counting from 1). An id that no other response has is shown as it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from carelens.insights.report.format import bdi, esc
from carelens.insights.rows import ResponseRow


def position_of(row: ResponseRow) -> int:
    """The key the page gives ``row``: its position in the input (every row of an
    :class:`~carelens.insights.Insights` has one)."""
    if row.position is None:
        raise ValueError(
            f"response {row.response_id!r} has no position: build the page from Insights, "
            "which numbers its rows"
        )
    return row.position


class ResponseNames:
    """The names of the responses of one input (``rows`` as :class:`Insights` numbers them:
    ``rows[i].position == i``)."""

    def __init__(self, rows: Sequence[ResponseRow]) -> None:
        self.rows = rows
        ids = Counter(r.response_id for r in rows)
        self._shared = {rid for rid, n in ids.items() if n > 1}
        self._in_conversation = Counter(
            (r.response_id, r.conversation_id) for r in rows if r.response_id in self._shared
        )

    def row(self, position: int) -> ResponseRow:
        """The response at ``position``."""
        return self.rows[position]

    def which(self, row: ResponseRow) -> str:
        """What tells ``row`` apart from the other responses with its id (plain text), or ""
        when no other response has it."""
        if row.response_id not in self._shared:
            return ""
        if (
            row.conversation_id is not None
            and self._in_conversation[(row.response_id, row.conversation_id)] == 1
        ):
            return f"conversation {row.conversation_id}"
        return f"no. {position_of(row) + 1:,} in the input"

    def label(self, row: ResponseRow) -> str:
        """``row``'s name as HTML: the id in ``<code>``, then which one it is in brackets
        where the id is shared (the id and conversation each in a ``<bdi>``)."""
        which = self.which(row)
        code = f"<code>{bdi(row.response_id)}</code>"
        if not which:
            return code
        if which == f"conversation {row.conversation_id}":
            which = f"conversation {bdi(row.conversation_id)}"
        else:
            which = esc(which)
        return f'{code} <span class="which">({which})</span>'
