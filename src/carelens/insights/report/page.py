"""Per-document state shared by the report's sections (chart ids, response names and anchors).

One :class:`Page` lives for one :func:`~carelens.insights.report.build_report` call, so the
same insights always give the same ids and the same bytes. Responses shown in full are
keyed by their position in the input, never by their id, which several responses may share
(see :mod:`.names`).
"""

from __future__ import annotations

from itertools import count

from carelens.insights.report.names import ResponseNames


class Page:
    """Per-document state: unique chart ids, the names of the responses (``names``), and the
    anchors of those shown in full."""

    def __init__(self, names: ResponseNames) -> None:
        self._charts = count(1)
        self.names = names
        #: Examples shown: position in the input -> anchor.
        self.examples: dict[int, str] = {}
        #: Evidence responses shown in helper sections: position in the input -> anchor.
        self.evidence: dict[int, str] = {}

    def chart_id(self) -> str:
        return f"chart-{next(self._charts)}"

    def anchor(self, position: int) -> str | None:
        """The in-page link to the response at ``position`` where the page shows it in full
        (an example, else evidence), or None."""
        anchor = self.examples.get(position) or self.evidence.get(position)
        return f"#{anchor}" if anchor else None
