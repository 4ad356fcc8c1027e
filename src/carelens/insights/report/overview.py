"""The figures every view of the insights starts from, and the sections drawn from them.

:class:`Overview` groups the rows once (a :class:`~.rollup.Rollup`), derives the helper,
community and monthly records, the strain signals and the names of the responses
(:class:`~.names.ResponseNames`), and draws the community-level sections (summary cards,
communities, trends, crisis cues) with the report's builders. The offline report
(:func:`~.document.build_report`) and the dashboards of ``carelens serve`` both start here,
so they show the same numbers drawn the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from carelens.insights.frames import Insights
from carelens.insights.report.names import ResponseNames
from carelens.insights.report.page import Page
from carelens.insights.report.rollup import Rollup
from carelens.insights.report.sections import (
    FarOff,
    Undated,
    communities,
    crisis,
    summary,
    trends,
)
from carelens.insights.strain import StrainSignal
from carelens.insights.tally import Metric


@dataclass(frozen=True, slots=True)
class Overview:
    """The figures of a set of insights (see the module docstring); build it with :meth:`of`."""

    insights: Insights
    rollup: Rollup
    #: The metrics of every response together.
    total: Mapping[str, Any]
    #: One record per helper / community (most responses first), and per (community, month).
    helper_records: Sequence[Mapping[str, Metric | str]]
    community_records: Sequence[Mapping[str, Metric | str]]
    monthly_records: Sequence[Mapping[str, Metric | str]]
    #: The raised strain signals (helpers in name order), and the same per helper.
    signals: Sequence[StrainSignal]
    signals_by_helper: Mapping[str, Sequence[StrainSignal]]
    #: How the pages name each response (its id, and which one where ids are shared).
    names: ResponseNames

    @classmethod
    def of(cls, insights: Insights) -> Overview:
        """The overview of non-empty ``insights``."""
        figures = Rollup(insights.rows)
        # Not from the rollup's community tallies: the signals leave out the responses whose
        # date is set aside as far off, which those count.
        signals = insights.strain_signals()
        by_helper: dict[str, list[StrainSignal]] = {}
        for s in signals:
            by_helper.setdefault(s.helper, []).append(s)
        return cls(
            insights=insights,
            rollup=figures,
            total=figures.total.metrics(),
            helper_records=figures.records("helper"),
            community_records=figures.records("community"),
            monthly_records=figures.monthly_records(),
            signals=signals,
            signals_by_helper=by_helper,
            names=ResponseNames(insights.rows),
        )

    @property
    def months(self) -> list[str]:
        """The months with dated responses, in order."""
        return sorted({str(r["month"]) for r in self.monthly_records})

    @property
    def undated(self) -> Undated:
        """The responses without a month: no timestamp, or one that could not be read."""
        return Undated.of(self.insights.rows)

    @property
    def far_off(self) -> FarOff:
        """The responses whose date was set aside as far from the rest."""
        return FarOff.of(self.insights.rows)

    def signal_count(self) -> dict[str, int]:
        """How many strain signals each helper raised (helpers with none left out)."""
        return {h: len(s) for h, s in self.signals_by_helper.items()}

    def summary(self) -> str:
        """The overview cards (responses, helpers, communities, months, signals, crisis)."""
        extra = {
            "months": self.months,
            "undated": self.undated,
            "far_off": self.far_off,
            "n_communities": len(self.community_records),
            "n_signals": len(self.signals),
        }
        return summary(self.insights, self.total, len(self.helper_records), extra)

    def communities(self, page: Page) -> str:
        """The communities section: table, style distribution and mean levels."""
        figures = self.rollup
        return communities(
            page,
            self.community_records,
            self.total,
            {c: t.styles for c, t in figures.communities.items()},
            {c: len(h) for c, h in figures.helpers_per_community.items()},
            min_trend_responses=self.insights.thresholds.min_trend_responses,
        )

    def trends(self, page: Page) -> str:
        """The trends section: per community, mean levels and style shares per month, and
        how many responses are undated (no timestamp, or one that could not be read) and how
        many dates were set aside as far off."""
        figures = self.rollup
        return trends(
            page,
            [str(r["community"]) for r in self.community_records],
            self.monthly_records,
            {
                c: {m: t.styles for m, t in months.items()}
                for c, months in figures.community_months.items()
            },
            self.undated,
            self.far_off,
        )

    def crisis(self, links: Callable[[int], str | None] | None = None, *, see_all: str = "") -> str:
        """The crisis-cues section (counts, what to do, resources, the responses to read;
        never a risk score); ``links`` gives where a listed response is shown in full
        (position in the input -> URL or None), ``see_all`` (HTML) where all of them can be
        read."""
        return crisis(self.total, self.community_records, self.names, links=links, see_all=see_all)
