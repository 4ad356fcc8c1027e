"""Dashboards: the insights of one corpus, per community and per helper, as in the report.

``GET /dashboards`` lists the corpora; ``GET /dashboards/{corpus}`` builds
:class:`~carelens.insights.Insights` from the corpus's stored records and shows the
community view — overview cards, style distribution and mean levels per community, monthly
trends, the helpers table and the strain signals — and ``?helper=NAME`` one helper's view
(style, monthly trend, figures, signals with the replies behind them). Every section is
drawn by the report's builders (:class:`~carelens.insights.report.Overview`,
:mod:`~carelens.insights.report.helper_sections`), so the numbers and charts are the
report's; links go to the helper views and to the threads in the explorer instead of
anchors. A reply is linked to its thread by its place among the corpus's stored records
(:class:`CorpusInsights`), never by its response id, which replies of different
conversations may share. Strain signals are worded as signals to look at, never a diagnosis.

Insights are cached per corpus (a few at most) for as long as its stored results do not
change (its ``done`` count and ``updated_at``), so reloading a dashboard does not read the
corpus again; the figures of a deleted corpus are dropped at the next dashboard built. They
are computed with the cache's strain thresholds (:class:`InsightsCache`; the report's
defaults), and every section is drawn with the thresholds of the insights it shows: a trend
is marked "few responses" below their ``min_trend_responses``, as the strain signals and
the helpers table's note count it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from carelens.insights import UNKNOWN, Insights
from carelens.insights.report import Overview
from carelens.insights.report.format import esc
from carelens.insights.report.helper_sections import (
    helper_section,
    helpers_table,
    helpers_table_note,
    signals_overview,
)
from carelens.insights.report.page import Page
from carelens.insights.rows import known_name
from carelens.insights.strain import DEFAULT_THRESHOLDS, StrainThresholds
from carelens.service.context import Ctx, ServiceContext
from carelens.service.pages.corpora import (
    analysis_note,
    corpora_page,
    corpus_facts,
    corpus_or_404,
)
from carelens.service.pages.layout import (
    PageError,
    document,
    isolate,
    isolate_text,
    page_response,
)
from carelens.service.pages.navigation import reply_url
from carelens.store import Corpus

router = APIRouter()

#: Corpora whose insights are kept in memory.
CACHED_CORPORA = 4


@dataclass(frozen=True, slots=True)
class CorpusInsights:
    """The insights of a corpus's stored records, and where each response is shown."""

    insights: Insights
    #: A response's position in ``insights`` -> (conversation id, seq): its place in the
    #: explorer's thread view (responses without a conversation have none).
    places: Mapping[int, tuple[str, int]]


class InsightsCache:
    """The insights of the corpora last shown, kept while their stored results do not change.

    One per app (on ``app.state``), safe to use from any request thread. Insights are
    computed with the strain ``thresholds`` (those of the report by default).
    """

    def __init__(
        self, size: int = CACHED_CORPORA, *, thresholds: StrainThresholds = DEFAULT_THRESHOLDS
    ) -> None:
        self.size = size
        self.thresholds = thresholds
        self._items: OrderedDict[tuple[str, int, str], CorpusInsights] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def of(request: Request) -> InsightsCache:
        """The cache of the app serving ``request`` (made on first use)."""
        state = request.app.state
        with _STATE_LOCK:
            cache = getattr(state, "insights_cache", None)
            if not isinstance(cache, InsightsCache):
                cache = InsightsCache()
                state.insights_cache = cache
        return cache

    def load(self, ctx: ServiceContext, corpus: Corpus) -> CorpusInsights:
        """The insights of ``corpus``, read from the store unless cached."""
        key = (corpus.id, corpus.done, corpus.updated_at)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        found = read_insights(ctx, corpus, thresholds=self.thresholds)
        live = {c.id for c in ctx.store.list_corpora()}
        with self._lock:
            # Older figures of this corpus, and those of deleted corpora, are dropped.
            for old in [k for k in self._items if k[0] == corpus.id or k[0] not in live]:
                del self._items[old]
            self._items[key] = found
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return found


_STATE_LOCK = threading.Lock()


def read_insights(
    ctx: ServiceContext, corpus: Corpus, *, thresholds: StrainThresholds = DEFAULT_THRESHOLDS
) -> CorpusInsights:
    """The insights of every stored record of ``corpus`` (communities default to its name)
    under the strain ``thresholds``, and where each is shown in the explorer, by its
    position (the order ``iter_results`` gives, which :meth:`Insights.from_records` numbers
    the rows in)."""
    places: dict[int, tuple[str, int]] = {}

    def records() -> Iterator[dict[str, Any]]:
        for position, record in enumerate(ctx.store.iter_results(corpus.id)):
            conversation, seq = record.get("conversation_id"), record.get("seq")
            if isinstance(conversation, str) and conversation and isinstance(seq, int):
                places[position] = (conversation, seq)
            yield record

    insights = Insights.from_records(
        records(), default_community=corpus.name, thresholds=thresholds
    )
    return CorpusInsights(insights, places)


@router.get("/dashboards", include_in_schema=False)
def dashboards_home(ctx: Ctx, request: Request) -> HTMLResponse:
    lead = (
        '<p class="muted">Pick a corpus to see its communities and helpers: style, levels, '
        "monthly trends and strain signals to look at.</p>"
    )
    return corpora_page(ctx, request, primary="dashboards", title="Dashboards", lead=lead)


def _view_switch(corpus_id: str, helpers: list[str], chosen: str | None) -> str:
    options = ['<option value="">All communities and helpers</option>']
    options += [
        f'<option value="{esc(h)}"{" selected" if h == chosen else ""}>{esc(h)}</option>'
        for h in helpers
    ]
    # autocomplete off: after Back, a browser would show the view chosen last, not the one
    # the address and the page show.
    return (
        f'<form class="view-switch" method="get" action="/dashboards/{quote(corpus_id, safe="")}" '
        'autocomplete="off">'
        '<div class="field"><label for="v-helper">View</label>'
        f'<select id="v-helper" name="helper">{"".join(options)}</select></div>'
        '<button type="submit">Show</button></form>'
    )


def _browse_link(replies: str, helper: str | None) -> str:
    """The link from a dashboard to its replies in the explorer: a helper's view browses that
    helper's replies (the explorer's helper filter, which takes the name as the insights group
    it and finds every stored spelling of it: :func:`.filters.helper_spellings`). The
    replies that name no helper are :data:`~carelens.insights.UNKNOWN` ("(unknown)") here,
    but the store's helper filter matches a name, not its absence, so that view offers all
    the replies instead, and says why."""
    if not helper:
        return f'<a href="{replies}">browse the replies</a>'
    if helper == UNKNOWN:
        return (
            f"{esc(UNKNOWN)} stands for the replies that name no helper; the explorer cannot "
            f'filter on that, so <a href="{replies}">browse all the replies</a>.'
        )
    href = replies + "?" + urlencode({"helper": helper})
    return f'<a href="{esc(href)}">browse the replies of {isolate(helper)}</a>'


@router.get("/dashboards/{corpus_id}", include_in_schema=False)
def dashboard(
    ctx: Ctx, request: Request, corpus_id: str, helper: str | None = None
) -> HTMLResponse:
    corpus = corpus_or_404(ctx, corpus_id)
    loaded = InsightsCache.of(request).load(ctx, corpus)
    insights = loaded.insights
    base = f"/dashboards/{quote(corpus.id, safe='')}"
    replies = f"/explorer/{quote(corpus.id, safe='')}"

    def lead_of(name: str | None) -> str:
        browse = _browse_link(replies, name)
        return corpus_facts(corpus) + f'<p class="small" id="browse">{browse}</p>'

    lead = lead_of(helper)
    title = f"Dashboard: {isolate_text(corpus.name)}"
    if len(insights) == 0:
        said = analysis_note(corpus, 0) or "No analysed replies."
        body = f'<p class="note" id="nothing">{esc(said)}</p>'
        return page_response(document(title, body, active="/dashboards", lead=lead))
    overview = Overview.of(insights)
    # The thresholds the figures were computed with mark the trends from few responses.
    few = insights.thresholds.min_trend_responses
    if helper:
        # The name as the rollup groups it, so a view asked for as stored or typed
        # (decomposed, with spaces) is found as the explorer finds it.
        helper = known_name(helper, overview.rollup.by_helper)
        lead = lead_of(helper)
    links = {
        str(r["helper"]): base + "?" + urlencode({"helper": r["helper"]})
        for r in overview.helper_records
    }

    def evidence(position: int) -> str | None:
        place = loaded.places.get(position)
        if place is None:
            return None
        return reply_url(corpus.id, place[0], place[1])

    names = [str(r["helper"]) for r in overview.helper_records]
    page = Page(overview.names)
    parts = [_view_switch(corpus.id, names, helper)]
    state = analysis_note(corpus, len(insights))
    if state:
        parts.append(f'<p class="note dash-note" id="analysis-state">{esc(state)}</p>')
    if helper:
        if helper not in overview.rollup.by_helper:
            raise PageError(
                404,
                "Helper not found",
                "No reply in this corpus is by a helper of this name; pick one from the "
                "dashboard's list.",
                links=[(f"{base}#helpers", f"All helpers of {isolate_text(corpus.name)}")],
            )
        record = next(r for r in overview.helper_records if r["helper"] == helper)
        parts.append(
            f'<p><a href="{esc(base)}">&lsaquo; all communities and helpers</a></p>'
            + helper_section(
                page,
                1,
                record,
                overview.rollup.by_helper[helper],
                overview.rollup.months_of(helper),
                overview.signals_by_helper.get(helper, []),
                evidence=evidence,
                level=2,  # under the page's h1
                min_trend_responses=few,
            )
        )
        return page_response(
            document(
                f"{isolate_text(helper)} in {isolate_text(corpus.name)}",
                "".join(parts),
                active="/dashboards",
                lead=lead,
            )
        )
    helpers_lead = (
        "One helper; the name opens their view."
        if len(names) == 1
        else f"All {len(names):,} helpers, most replies first; a name opens that helper's view."
    )
    parts += [
        overview.summary(),
        overview.communities(page),
        overview.trends(page),
        '<section id="helpers"><h2>Helpers</h2>'
        f'<p class="muted">{helpers_lead} {helpers_table_note(few)}</p>'
        + helpers_table(
            overview.helper_records, links, overview.signal_count(), min_trend_responses=few
        )
        + "</section>",
        signals_overview(overview.signals, links, evidence, overview.names),
        overview.crisis(
            evidence,
            see_all=(
                f'The explorer lists them all, each with its thread: <a href="{replies}?'
                'attention=any">replies that need a person</a>.'
            ),
        ),
    ]
    return page_response(document(title, "".join(parts), active="/dashboards", lead=lead))
