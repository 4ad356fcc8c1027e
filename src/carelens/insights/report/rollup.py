"""One grouping of the rows into the tallies the report shows (see :class:`Rollup`).

The figures equal those of the :class:`~carelens.insights.Insights` tables, computed with
the same pure functions (:class:`.Tally`, :func:`.slopes`), so that 100,000 responses take
a few passes rather than a few per table. Months are the rows'
:attr:`~carelens.insights.rows.ResponseRow.trend_month`: a date set aside as far off counts
in no month (and in every other figure).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from carelens.insights.rows import ResponseRow
from carelens.insights.tally import Metric, Tally
from carelens.insights.trends import MIN_MONTHS, TREND_METRICS, slopes

_NO_SLOPES: Mapping[str, None] = {f"{name}_slope": None for name in TREND_METRICS}


class Rollup:
    """The tallies the page shows, from one grouping of the rows.

    The rows are grouped once, by helper, by (helper, month) and by (community, month);
    each group is tallied once, and community and overall tallies are sums of their months'
    (tallies add up, see :mod:`.tally`). The figures equal those of
    :meth:`Insights.helpers`, :meth:`~Insights.communities`, :meth:`~Insights.monthly` and
    :meth:`~Insights.total`, with three passes over the rows instead of one or two per table.
    """

    def __init__(self, rows: Iterable[ResponseRow]) -> None:
        self.by_helper: dict[str, list[ResponseRow]] = {}
        helper_months: dict[str, dict[str, list[ResponseRow]]] = {}
        community_months: dict[str, dict[str | None, list[ResponseRow]]] = {}
        self.helpers_per_community: dict[str, set[str]] = {}
        self.any_text = False
        self.trend_responses: dict[str, int] = {}  # helper -> responses in its trend
        for row in rows:
            month = row.trend_month
            self.by_helper.setdefault(row.helper, []).append(row)
            community_months.setdefault(row.community, {}).setdefault(month, []).append(row)
            self.helpers_per_community.setdefault(row.community, set()).add(row.helper)
            if month is not None:
                helper_months.setdefault(row.helper, {}).setdefault(month, []).append(row)
                self.trend_responses[row.helper] = self.trend_responses.get(row.helper, 0) + 1
            self.any_text = self.any_text or bool(row.response_text)
        self.helpers = {h: Tally.over(members) for h, members in self.by_helper.items()}
        # A trend needs MIN_MONTHS months; other helpers' months are tallied only if shown.
        self._helper_months = helper_months
        self.helper_months = {
            h: _tally_months(months)
            for h, months in helper_months.items()
            if len(months) >= MIN_MONTHS
        }
        self.communities: dict[str, Tally] = {}
        self.community_months: dict[str, dict[str, Tally]] = {}
        for community, months in community_months.items():
            tallies = {m: Tally.over(members) for m, members in months.items()}
            self.communities[community] = _sum(list(tallies.values()))
            dated = sorted((m, t) for m, t in tallies.items() if m is not None)
            if dated:
                self.community_months[community] = dict(dated)
        self.total = _sum(list(self.communities.values()))

    def months_of(self, helper: str) -> dict[str, Tally]:
        """The monthly tallies of ``helper``, months in order."""
        if helper in self.helper_months:
            return self.helper_months[helper]
        return _tally_months(self._helper_months.get(helper, {}))

    def records(self, by: str) -> list[dict[str, Metric | str]]:
        """Rows like :meth:`Insights.helpers` (``by="helper"``) or ``communities()``."""
        tallies = self.helpers if by == "helper" else self.communities
        months = self.helper_months if by == "helper" else self.community_months
        dated = (
            self.trend_responses
            if by == "helper"
            else {c: sum(t.n for t in m.values()) for c, m in self.community_months.items()}
        )
        data: list[dict[str, Metric | str]] = [
            {
                by: group,
                **t.metrics(),
                "trend_responses": dated.get(group, 0),
                **(slopes(months[group]) if group in months else _NO_SLOPES),
            }
            for group, t in tallies.items()
        ]
        data.sort(key=lambda r: (-int(r["responses"] or 0), str(r[by])))
        return data

    def monthly_records(self) -> list[dict[str, Metric | str]]:
        """Rows like :meth:`Insights.monthly` by community."""
        return [
            {"community": c, "month": m, **t.metrics()}
            for c, months in sorted(self.community_months.items())
            for m, t in months.items()
        ]


def _tally_months(months: Mapping[str, Sequence[ResponseRow]]) -> dict[str, Tally]:
    return {m: Tally.over(members) for m, members in sorted(months.items())}


def _sum(tallies: Sequence[Tally]) -> Tally:
    return tallies[0] if len(tallies) == 1 else sum(tallies, Tally())
