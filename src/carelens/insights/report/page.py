"""Per-document state shared by the report's sections (chart ids, response anchors).

One :class:`Page` lives for one :func:`~carelens.insights.report.build_report` call, so the
same insights always give the same ids and the same bytes.
"""

from __future__ import annotations

from itertools import count


class Page:
    """Per-document state: unique chart ids and the anchors of responses shown in full."""

    def __init__(self) -> None:
        self._charts = count(1)
        self.examples: dict[str, str] = {}
        #: Evidence responses shown in helper sections: response id -> anchor.
        self.evidence: dict[str, str] = {}

    def chart_id(self) -> str:
        return f"chart-{next(self._charts)}"
