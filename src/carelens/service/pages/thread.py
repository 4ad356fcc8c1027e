"""Thread pages: the replies of one conversation, each annotated in place, a page at a time.

``GET /explorer/{corpus}/thread/{conversation}`` (or ``/explorer/{corpus}/thread?
conversation=..`` for an id a browser would take for a dot segment, see
:func:`~.navigation.thread_url`) shows the conversation's pairs in seq order, each seeker
message followed by the replies to it; in a nested thread, a reply that is answered in turn
is not repeated as the next message: the replies to it follow a link to its card ("In reply
to sam's #2 above"). A long conversation is shown :data:`THREAD_PAGE` replies a page
(``page=N``; a conversation of 3,000 replies was one page of 14 MB), with links to the other
pages. ``reply=SEQ`` opens the page that holds that reply: the explorer's result list and the
dashboards link to a reply as ``?reply=SEQ#r-SEQ`` (:func:`~.navigation.reply_url`), so the
link lands on its card whatever page it is on. The page is found by bisection over the
conversation's replies in seq order (one-record reads), not by reading them all. A message
answered on an earlier page is shown in full again where its replies continue. Each message
is headed by its first line (h2) and each reply by its header line (h3), so that heading
navigation steps from reply to reply.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from carelens.insights.report.format import esc, plural
from carelens.service.context import Ctx, ServiceContext
from carelens.service.pages import annotate
from carelens.service.pages.corpora import corpus_or_404
from carelens.service.pages.layout import (
    PageError,
    document,
    isolate,
    isolate_text,
    page_response,
    when,
)
from carelens.service.pages.navigation import (
    page_nav,
    page_number,
    reply_number,
    thread_page_url,
)
from carelens.store.base import MAX_SEQ

router = APIRouter()

#: Replies shown on one page of a thread.
THREAD_PAGE = 100


def _thread_card(record: Mapping[str, Any], dimensions: Sequence[str]) -> str:
    """One reply of a thread: number, who, when, the reply annotated, and its details."""
    seq = record.get("seq")
    speaker = record.get("speaker")
    meta = [reply_number(seq), f"<b>{isolate(speaker) if speaker else 'a helper'}</b>"]
    stamp = when(record.get("timestamp"))
    if stamp:
        meta.append(esc(stamp))
    # The header line is the reply's heading (h3, under its message's h2): heading
    # navigation steps from reply to reply.
    return (
        f'<article class="reply" id="r-{esc(seq)}">'
        f'<h3 class="meta">{" · ".join(meta)}</h3>'
        f"{annotate.reply_block(record, dimensions)}{annotate.unsafe_panel(record, level=4)}"
        '<details><summary class="small">Every dimension, and the feedback</summary>'
        f'<div class="feedback small">{annotate.feedback_list(record)}</div>'
        f"{annotate.dimension_table(record, dimensions)}{annotate.signals_line(record)}</details>"
        "</article>"
    )


def _said(first: Mapping[str, Any], answered: object, shown: set[object]) -> str:
    """The message a turn's replies answer: in full, or, when it is itself a reply on this
    page (``answered`` is its seq), a link to that reply's card instead of its text again.
    Crisis cues and resources are shown either way: they are about this message. Its first
    line (who wrote it, or which reply it is) is the heading of the turn (h2)."""
    speaker = first.get("seeker_speaker")
    who = isolate(speaker) if speaker else "the seeker"
    word = annotate.distress_word(first)
    distress = f" · distress: {word}" if word else ""
    attention = annotate.attention_line(first)
    if answered is None:
        return (
            f'<div class="said"><h2 class="meta">{who}{distress}</h2>'
            f'<div class="text" dir="auto">{annotate.seeker_text(first)}</div>{attention}'
            f"{annotate.crisis_panel(first)}</div>"
        )
    where = "above" if answered in shown else "below"
    return (
        '<div class="said said-ref"><h2 class="in-reply-to">In reply to '
        f"{who}'s "
        f'<a href="#r-{esc(answered)}">{reply_number(answered)}</a> {where}{distress}</h2>'
        f"{attention}{annotate.crisis_panel(first)}</div>"
    )


@router.get("/explorer/{corpus_id}/thread/{conversation_id:path}", include_in_schema=False)
def explorer_thread(
    ctx: Ctx,
    corpus_id: str,
    conversation_id: str,
    page: str | None = None,
    reply: str | None = None,
) -> HTMLResponse:
    """The replies of one conversation, grouped under the message they answer. A message
    that is itself a reply on the page (a nested thread) is not repeated: its group starts
    with a link to that reply's card."""
    return thread_page(ctx, corpus_id, conversation_id, page=page, reply=reply)


@router.get("/explorer/{corpus_id}/thread", include_in_schema=False)
def explorer_thread_by_query(
    ctx: Ctx,
    corpus_id: str,
    conversation: str | None = None,
    page: str | None = None,
    reply: str | None = None,
) -> HTMLResponse:
    """The same page, the conversation named by a query parameter
    (:func:`~.navigation.thread_url`)."""
    if not conversation:
        corpus_or_404(ctx, corpus_id)
        raise PageError(
            404,
            "Thread not found",
            "This address names no conversation; open a thread from the corpus's results.",
            links=[(f"/explorer/{quote(corpus_id, safe='')}", "The corpus's results")],
        )
    return thread_page(ctx, corpus_id, conversation, page=page, reply=reply)


def _place_of(
    ctx: ServiceContext, corpus_id: str, conversation: str, seq: int, total: int
) -> int | None:
    """Where the reply at ``seq`` is among the conversation's ``total`` replies in seq order
    (0-based), by bisection with one-record reads; None when it is not one of them."""
    low, high = 0, total
    while low < high:
        middle = (low + high) // 2
        found = ctx.store.results(corpus_id, conversation=conversation, offset=middle, limit=1)
        at = found.items[0].get("seq") if found.items else None
        if not isinstance(at, int):
            return None  # changed meanwhile (deleted), or not a seq: page 1 then
        if at < seq:
            low = middle + 1
        else:
            high = middle
    if low >= total:
        return None
    found = ctx.store.results(corpus_id, conversation=conversation, offset=low, limit=1)
    return low if found.items and found.items[0].get("seq") == seq else None


def _chosen_page(
    ctx: ServiceContext,
    corpus_id: str,
    conversation: str,
    page: str | None,
    reply: str | None,
) -> int:
    """The page asked for: the one holding ``reply`` (a seq) when it is in the conversation,
    else ``page`` (a whole number from 1; a 422 page otherwise), else the first."""
    if reply is not None and reply.isascii() and reply.isdigit() and len(reply) <= 20:
        total = ctx.store.results(corpus_id, conversation=conversation, limit=0).total
        if total <= THREAD_PAGE:
            return 1  # one page holds them all
        place = _place_of(ctx, corpus_id, conversation, int(reply), total)
        if place is not None:
            return place // THREAD_PAGE + 1
    if not page:
        return 1
    number = page_number(page.strip())
    if number is None:
        shown = page if len(page) <= 30 else page[:30] + "…"
        raise PageError(
            422,
            "Not a page number",
            f"“{isolate_text(shown)}” is not a page number: page is a whole number, 1 for the "
            "first page of the thread.",
            links=[(thread_page_url(corpus_id, conversation), "The thread's first page")],
        )
    return number


def thread_page(
    ctx: ServiceContext,
    corpus_id: str,
    conversation_id: str,
    *,
    page: str | None = None,
    reply: str | None = None,
) -> HTMLResponse:
    """The thread page of ``conversation_id`` in the corpus (404 pages when either is
    unknown): page ``page``, or the one holding the reply of seq ``reply``."""
    corpus = corpus_or_404(ctx, corpus_id)
    current = _chosen_page(ctx, corpus.id, conversation_id, page, reply)
    # A page past anything the store can hold is past the last page: asked as the store's
    # last offset, it gets no replies (and the total).
    offset = min((current - 1) * THREAD_PAGE, MAX_SEQ)
    found = ctx.store.results(
        corpus.id, conversation=conversation_id, offset=offset, limit=THREAD_PAGE
    )
    total, records = found.total, list(found.items)
    if not total:
        raise PageError(
            404,
            "Thread not found",
            "This corpus has no analysed reply in a conversation with this id.",
        )
    pages = max(1, -(-total // THREAD_PAGE))

    def href(number: int) -> str:
        return thread_page_url(
            corpus.id, conversation_id, **({"page": number} if number > 1 else {})
        )

    dimensions = list(ctx.analyzer.dimensions)
    turns: dict[str, list[Any]] = {}
    for record in records:
        key = str(record.get("seeker_id") or f"seq-{record.get('seq')}")
        turns.setdefault(key, []).append(record)
    # response id -> seq of the replies on this page (the first, should an id repeat)
    cards: dict[str, object] = {}
    for record in records:
        if record.get("response_id") is not None:
            cards.setdefault(str(record["response_id"]), record.get("seq"))
    parts = []
    if not records:
        parts.append(
            f'<p class="note">This thread ends on page {pages:,}: '
            f'<a href="{esc(href(pages))}">go to the last page</a> or '
            f'<a href="{esc(href(1))}">the first page</a>.</p>'
        )
    shown: set[object] = set()
    opening = 0
    for key, replies in turns.items():
        answered = cards.get(key) if replies[0].get("seeker_id") is not None else None
        opening += answered is None
        said = _said(replies[0], answered, shown)
        shown.update(r.get("seq") for r in replies)
        parts.append(
            f'<section class="turn">{said}<div class="replies">'
            f"{''.join(_thread_card(r, dimensions) for r in replies)}</div></section>"
        )
    parts.append(page_nav(current, pages, href, "Pages of this thread"))
    back = (
        f'<a href="/explorer/{quote(corpus.id, safe="")}">'
        f"&lsaquo; all results of {isolate(corpus.name)}</a>"
    )
    if pages == 1:
        size = f"{plural(opening, 'message')}, {plural(len(records), 'reply', 'replies')}"
    else:
        first = (current - 1) * THREAD_PAGE
        size = (
            f"{plural(total, 'reply', 'replies')}, {THREAD_PAGE:,} a page: page "
            f"{current:,} of {pages:,}"
            + (f" (replies {first + 1:,}&ndash;{first + len(records):,})" if records else "")
        )
    lead = (
        f'<p class="muted">Conversation <code>{isolate(conversation_id)}</code> · {size} · '
        f"{back}</p>"
    )
    return page_response(
        document(
            f"Thread in {isolate_text(corpus.name)}",
            "".join(parts),
            active="/explorer",
            lead=lead,
            window_title=(
                f"Thread in {isolate_text(corpus.name)}"
                + (f", page {current:,} of {pages:,}" if pages > 1 else "")
            ),
        )
    )
