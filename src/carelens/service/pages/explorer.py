"""The explorer: the corpora, and a corpus's results with filters and pages.

* ``GET /explorer`` lists the corpora with their status and progress
  (:func:`~.corpora.corpora_page`, shared with the dashboards);
* ``GET /explorer/{corpus}`` pages through its results, filtered by style, dimension (the
  replies that show it: level 1 weak or more, or 2 strong only), helper (named as the
  dashboards name it, every stored spelling of that name: :func:`.filters.helper_spellings`),
  date range, topic category, what needs a person to read it (crisis cues in the seeker
  message, unsafe wording in the reply) and full-text search (:mod:`.filters`: a plain GET
  form, so every view is a link; a search made only of words too common to index says so);
  each reply is drawn in place with its style, levels and marked rationale, and links to its
  place in its thread (:func:`~.navigation.reply_url`; the thread pages are :mod:`.thread`).

Replies are numbered from 1 for people (``#1`` is the record of seq 0); anchors and links
keep the seq (``#r-0``). Filters that cannot be used are explained on the page (422)
instead of a JSON error. A page past the last one, however far, shows no replies and links
to the last and the first page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from carelens.insights.report.format import esc, noun
from carelens.insights.report.sections import learned_only
from carelens.service.context import Ctx
from carelens.service.pages import annotate
from carelens.service.pages.corpora import analysis_note, corpora_page, corpus_facts, corpus_or_404
from carelens.service.pages.filters import (
    ERRORS_ID,
    Filters,
    filter_form,
    helper_spellings,
    parse_filters,
)
from carelens.service.pages.layout import (
    document,
    isolate,
    isolate_text,
    page_response,
    text_html,
    when,
)
from carelens.service.pages.navigation import page_nav, reply_number, reply_url
from carelens.store import InvalidQueryError
from carelens.store.base import MAX_SEQ, common_words, query_words

router = APIRouter()

#: Values shown per facet (helpers in the suggestion list, topics in the menu).
MAX_FACETS = 500


# -- the corpus list ----------------------------------------------------------------------------


@router.get("/explorer", include_in_schema=False)
def explorer_home(ctx: Ctx, request: Request) -> HTMLResponse:
    lead = (
        '<p class="muted">The corpora uploaded to this server, newest first. Open one to '
        "search and filter its analysed replies, read whole threads, or see its dashboard.</p>"
    )
    return corpora_page(ctx, request, primary="explorer", title="Explorer", lead=lead)


# -- one corpus's results -----------------------------------------------------------------------


def result_card(
    corpus_id: str, record: Mapping[str, Any], dimensions: Sequence[str], wanted: str
) -> str:
    """One result in the list: who, when, topic, what they said, and the reply annotated."""
    seq = record.get("seq")
    meta = [reply_number(seq)]
    if record.get("speaker"):
        meta.append(f"helper <b>{isolate(record['speaker'])}</b>")
    stamp = when(record.get("timestamp"))
    if stamp:
        meta.append(esc(stamp))
    if record.get("community"):
        meta.append(isolate(record["community"]))
    topic = record.get("topic")
    if isinstance(topic, Mapping) and isinstance(topic.get("category"), str):
        meta.append(f'topic <span class="tag">{isolate(topic["category"])}</span>')
    conversation = record.get("conversation_id")
    if isinstance(conversation, str) and conversation:
        # Every card has this link: its name (read, not shown) says which reply it opens.
        meta.append(
            f'<a href="{esc(reply_url(corpus_id, conversation, seq))}" '
            f'aria-label="open the thread of reply {reply_number(seq)}">open the thread</a>'
        )
    attention = ""
    if annotate.needs_attention(record):  # worded as the thread's line and crisis panel
        learned = learned_only(annotate.crisis_cues(record))
        what = "a possible crisis" if learned else "crisis cues"
        attention = f' <span class="attention">· {what}: read closely</span>'
    unsafe = (
        ' <span class="attention">· unsafe wording: read closely</span>'
        if annotate.unsafe_words(record)
        else ""
    )
    return (
        f'<article class="reply" id="r-{esc(seq)}"><div class="meta">{" · ".join(meta)}</div>'
        f'<div class="said-label">They said{attention}</div>'
        f'<blockquote class="said text" dir="auto">{annotate.seeker_text(record)}</blockquote>'
        f'<div class="said-label">Reply{unsafe}</div>'
        f"{annotate.reply_block(record, dimensions, wanted=wanted or None)}</article>"
    )


def page_count(filters: Filters, total: int) -> int:
    """How many pages ``total`` results fill (1 when there are none)."""
    return max(1, -(-total // filters.per_page))


def pagination(filters: Filters, total: int) -> str:
    return page_nav(
        filters.page,
        page_count(filters, total),
        lambda page: filters.link(page=page),
        "Pages of results",
    )


@router.get("/explorer/{corpus_id}", include_in_schema=False)
def explorer_corpus(ctx: Ctx, request: Request, corpus_id: str) -> HTMLResponse:
    corpus = corpus_or_404(ctx, corpus_id)
    dimensions = list(ctx.analyzer.dimensions)
    filters = parse_filters(request.query_params, dimensions)
    facets = ctx.store.facets(corpus.id, limit=MAX_FACETS)
    problems = list(filters.problems)
    page = None
    # A search with no word the index keeps (only stop words, or no letters at all) cannot
    # match anything; say why instead of "nothing matches".
    unsearchable = bool(filters.q) and not query_words(filters.q)
    if not problems and not unsearchable:
        arguments = filters.store_arguments()
        if filters.helper:
            # A helper as the dashboards name it: every stored spelling of that name.
            stored = facets.get("helper", [])
            if len(stored) >= MAX_FACETS:  # some helpers left out: ask for them all
                stored = ctx.store.facets(corpus.id, limit=MAX_SEQ).get("helper", [])
            arguments["helper"] = helper_spellings(filters.helper, (h for h, _ in stored))
        try:
            page = ctx.store.results(corpus.id, **arguments)
        except InvalidQueryError as exc:
            problems.append(f"{exc}; change the filters and apply them again.")
    parts = [filter_form(corpus.id, filters, dimensions, facets)]
    status = 200
    if problems:
        status = 422
        items = "".join(f"<li>{text_html(p)}</li>" for p in problems)
        parts.append(
            f'<div class="note error-box" role="alert" id="{ERRORS_ID}"><ul>{items}</ul></div>'
        )
    elif unsearchable:
        parts.append(_unsearchable_note(filters))
    elif page is not None:
        first = (filters.page - 1) * filters.per_page
        shown = (
            f"showing {first + 1:,}&ndash;{first + len(page.items):,}"
            if page.items
            else "none on this page"
        )
        what = noun(page.total, "reply", "replies")
        if filters.active:
            what = "matching " + what
        parts.append(
            f'<div class="results-head"><p id="result-count"><b>{page.total:,}</b> {what} · '
            f"{shown}{_skipped_words(filters)}</p>"
            f'<p class="small"><a href="/dashboards/{quote(corpus.id, safe="")}">dashboard of '
            "this corpus</a></p></div>"
        )
        state = analysis_note(corpus, corpus.done, shown="the results come from")
        if state:
            parts.append(f'<p class="note" id="analysis-state">{esc(state)}</p>')
        if not page.items:
            last = page_count(filters, page.total)
            hint = (
                f"These results end on page {last:,}: "
                f'<a href="{esc(filters.link(page=last))}">go to the last page</a> or '
                f'<a href="{esc(filters.link(page=1))}">the first page</a>.'
                if page.total
                else "Nothing matches these filters; loosen them or clear them."
                if filters.active
                else ""
                if state  # which says why there is nothing yet
                else "This corpus has no analysed replies."
            )
            if hint:
                parts.append(f'<p class="note">{hint}</p>')
        parts.append('<div id="results">')
        parts += [result_card(corpus.id, r, dimensions, filters.dimension) for r in page.items]
        parts.append("</div>")
        parts.append(pagination(filters, page.total))
    lead = corpus_facts(corpus)
    return page_response(
        document(
            isolate_text(corpus.name),
            "".join(parts),
            active="/explorer",
            lead=lead,
            window_title=_window_title(corpus.name, filters, request.query_params.get("page", "")),
            error=bool(problems),
        ),
        status=status,
    )


#: The most digits of a page number the window title writes out; a longer one is "a page
#: past the last".
MAX_TITLE_PAGE_DIGITS = 30


def _window_title(name: str, filters: Filters, asked: str = "") -> str:
    """The window title of a corpus's results: its name, whether they are filtered, and
    the page past the first (``Error: `` is added by the page where filters cannot be used).
    A page past any the store can hold is named as ``asked`` (the ``page`` parameter), not
    as the number the filters take it for: the page shown is the one asked for."""
    title = isolate_text(name)
    if filters.active:
        title += ", filtered"
    if filters.page > MAX_SEQ:  # taken as MAX_SEQ + 1: the digits asked are a page number
        digits = asked.strip().lstrip("0")
        if len(digits) > MAX_TITLE_PAGE_DIGITS or not (digits.isascii() and digits.isdigit()):
            return title + ", a page past the last"
        return title + f", page {int(digits):,}"
    if filters.page > 1:
        title += f", page {filters.page:,}"
    return title


def _unsearchable_note(filters: Filters) -> str:
    common = common_words(filters.q)
    if common:
        why = (
            f"“{isolate(filters.q)}” has only words too common to search for "
            f"({', '.join(isolate(w) for w in common)}): the search index leaves them out, so "
            "it cannot "
            "look for them."
        )
    else:
        why = f"“{isolate(filters.q)}” has no letters or digits to search for."
    return (
        f'<p class="note" id="search-unusable">{why} Search for a less common word, or '
        f'<a href="{esc(filters.link(q="", page=1))}">clear the search</a>.</p>'
    )


def _skipped_words(filters: Filters) -> str:
    """A note on the words of the search left out as too common, when there are some."""
    common = common_words(filters.q) if filters.q else []
    if not common:
        return ""
    return (
        f' · <span class="muted" id="search-skipped">left out of the search as too common: '
        f"{', '.join(isolate(w) for w in common)}</span>"
    )
