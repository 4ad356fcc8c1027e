"""Where things are on the explorer's pages: thread and reply addresses, reply numbers, pages.

A conversation's thread is ``/explorer/{corpus}/thread/{conversation}`` (:func:`thread_url`);
a conversation whose id a browser would resolve as a dot segment (``.``, ``..``) is linked
as ``/explorer/{corpus}/thread?conversation=..`` instead. A reply is linked on the thread
page that holds it, at its card (:func:`reply_url`: ``?reply=SEQ#r-SEQ``). Replies are
numbered from 1 for people (``#1`` is the record of seq 0, :func:`reply_number`); anchors
and links keep the seq (``#r-0``). A long list is shown a page at a time: :func:`page_number`
reads a ``page`` parameter (a whole number from 1) and :func:`page_nav` links to the first,
the last and the pages around the one shown.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote, urlencode

from carelens.insights.report.format import esc
from carelens.store.base import MAX_SEQ

#: Conversation ids a URL path cannot carry: browsers resolve the path segments ``.`` and
#: ``..`` (RFC 3986 dot segments, ``%2e`` included) before sending the request.
DOT_SEGMENTS = frozenset({".", ".."})


def thread_url(corpus_id: str, conversation: str) -> str:
    """The address of a conversation's thread: the id as the last path segment, or, for an
    id a browser would resolve as a dot segment (:data:`DOT_SEGMENTS`: ``..`` would lead to
    the corpus's results), in the ``conversation`` query parameter."""
    base = f"/explorer/{quote(corpus_id, safe='')}/thread"
    if conversation in DOT_SEGMENTS:
        return f"{base}?{urlencode({'conversation': conversation})}"
    return f"{base}/{quote(conversation, safe='')}"


def thread_page_url(corpus_id: str, conversation: str, **params: object) -> str:
    """:func:`thread_url` with query parameters (``page``, ``reply``) added."""
    base = thread_url(corpus_id, conversation)
    query = urlencode({name: str(value) for name, value in params.items()})
    return f"{base}{'&' if '?' in base else '?'}{query}" if query else base


def reply_url(corpus_id: str, conversation: str, seq: object) -> str:
    """The address of the reply at ``seq`` in its thread: the thread's page that holds it
    (``reply=seq``: a long conversation has pages), at the reply's card (``#r-seq``)."""
    return f"{thread_page_url(corpus_id, conversation, reply=seq)}#r-{seq}"


def reply_number(seq: object) -> str:
    """The number people see for the reply at ``seq``: ``#1`` for the first (seq 0). Anchors
    and links keep the seq itself (``#r-0``), as the API does."""
    return f"#{seq + 1:,}" if isinstance(seq, int) else f"#{esc(seq)}"


def page_number(text: str) -> int | None:
    """The number of ``page=text``: a whole number, 1 or more, in ASCII digits (any number
    past :data:`MAX_SEQ` is taken as ``MAX_SEQ + 1``: past the last page all the same);
    None for anything else."""
    if not (text.isascii() and text.isdigit()):
        return None
    digits = text.lstrip("0")
    if not digits:
        return None
    if len(digits) > len(str(MAX_SEQ)):  # int() of a very long text is slow, or refused
        return MAX_SEQ + 1
    return min(int(digits), MAX_SEQ + 1)


def page_nav(current: int, pages: int, href: Callable[[int], str], label: str) -> str:
    """Links to the first, the last and the pages around ``current`` of ``pages``, with
    previous and next (``href(n)`` is the address of page n; ``label`` names the list for
    screen readers); "" when there is one page and it is the one shown."""
    if pages == 1 and current == 1:
        return ""
    shown = sorted({1, pages, *range(max(1, current - 2), min(pages, current + 2) + 1)})
    items = []

    def link(page: int, text: str, rel: str = "") -> str:
        rel_attr = f' rel="{rel}"' if rel else ""
        return f'<li><a href="{esc(href(page))}"{rel_attr}>{text}</a></li>'

    items.append(
        link(min(current - 1, pages), "&lsaquo; previous", "prev")
        if current > 1
        else '<li><span class="off">&lsaquo; previous</span></li>'
    )
    previous = 0
    for page in shown:
        if page - previous > 1:
            items.append('<li><span class="gap">…</span></li>')
        if page == current:
            items.append(f'<li><span aria-current="page">{page}</span></li>')
        else:
            items.append(link(page, str(page)))
        previous = page
    items.append(
        link(current + 1, "next &rsaquo;", "next")
        if current < pages
        else '<li><span class="off">next &rsaquo;</span></li>'
    )
    return f'<nav class="pages" aria-label="{esc(label)}"><ul>{"".join(items)}</ul></nav>'
