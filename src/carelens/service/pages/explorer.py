"""The explorer: the corpora, a corpus's results with filters and pages, and whole threads.

* ``GET /explorer`` lists the corpora with their status (the page reloads itself every few
  seconds while one is being analysed);
* ``GET /explorer/{corpus}`` pages through its results, filtered by style, dimension (the
  replies that show it: level 1 weak or more, or 2 strong only), helper, date range, topic
  category, what needs a person to read it (crisis cues in the seeker message, unsafe wording
  in the reply) and full-text search (a plain GET form, so every view is a link; a search made
  only of words too common to index says so); each reply is drawn in place with its style,
  levels and marked rationale, and links to its thread;
* ``GET /explorer/{corpus}/thread/{conversation}`` shows every pair of one conversation,
  each seeker message followed by the replies to it, annotated; in a nested thread, a reply
  that is answered in turn is not repeated as the next message: the replies to it follow a
  link to its card ("In reply to sam's #2 above"). A conversation whose id a browser would
  resolve as a dot segment (``.``, ``..``) is linked as
  ``/explorer/{corpus}/thread?conversation=..`` instead (:func:`thread_url`).

With no corpus yet, the list shows the ``curl`` command that uploads one, with this server's
own address (as the request reached it) and, where keys are required, the key header.

Replies are numbered from 1 for people (``#1`` is the record of seq 0); anchors and links
keep the seq (``#r-0``).

Filters are read leniently (every query parameter is text): a bad value is explained on the
page (422) instead of a JSON error. The ``to`` date is inclusive (the store's ``until`` is
exclusive, so a bare date is moved to the next day). ``page`` is a whole number from 1 (422
otherwise); a page past the last one, however far, shows no replies and links to the last
and the first page.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from carelens.insights.report.format import esc, noun, plural
from carelens.service.context import Ctx, ServiceContext
from carelens.service.pages import annotate
from carelens.service.pages.layout import (
    PageError,
    document,
    isolate,
    isolate_text,
    page_response,
    text_html,
)
from carelens.store import Corpus, InvalidQueryError
from carelens.store.base import (
    ATTENTION_FILTERS,
    MAX_SEQ,
    common_words,
    normalize_timestamp,
    query_words,
)
from carelens.taxonomy import STYLES
from carelens.timestamps import parse_timestamp
from carelens.types import MAX_ID_CHARS

router = APIRouter()

#: Results per page the form offers, and the default.
PAGE_SIZES: tuple[int, ...] = (10, 20, 50, 100)
DEFAULT_PAGE_SIZE = 20
#: Seconds between reloads of the corpus list while a corpus is being analysed.
REFRESH_S = 5
#: Values shown per facet (helpers in the suggestion list, topics in the menu).
MAX_FACETS = 500
#: The choices of the "needs a person" filter (the store's ``attention``).
_ATTENTION: tuple[tuple[str, str], ...] = (
    ("", "every reply"),
    ("any", "crisis cues or unsafe wording"),
    ("crisis", "crisis cues in their message"),
    ("unsafe", "unsafe wording in the reply"),
)
#: Pairs read for one thread (a longer conversation shows its first ones, and says so).
MAX_THREAD = 2000
#: Longest filter value read from the query string, in characters; ``helper`` may be as long
#: as a stored speaker name (the dashboards link to every helper's replies).
MAX_FILTER_CHARS = 200
FILTER_LIMITS: Mapping[str, int] = {"helper": MAX_ID_CHARS}
#: Conversation ids a URL path cannot carry: browsers resolve the path segments ``.`` and
#: ``..`` (RFC 3986 dot segments, ``%2e`` included) before sending the request.
DOT_SEGMENTS = frozenset({".", ".."})


@dataclass(frozen=True, slots=True)
class Filters:
    """What the explorer's form asks for (empty strings mean "any")."""

    q: str = ""
    style: str = ""
    dimension: str = ""
    min_level: str = ""
    helper: str = ""
    attention: str = ""
    topic: str = ""
    since: str = ""
    until: str = ""
    page: int = 1
    per_page: int = DEFAULT_PAGE_SIZE
    problems: tuple[str, ...] = field(default=(), compare=False)

    _FIELDS = (
        "q",
        "style",
        "dimension",
        "min_level",
        "helper",
        "topic",
        "attention",
        "since",
        "until",
    )

    @property
    def active(self) -> bool:
        return any(getattr(self, name) for name in self._FIELDS)

    def link(self, **changes: Any) -> str:
        """The query string of these filters with ``changes`` (defaults left out)."""
        values = replace(self, **changes)
        pairs = [(name, getattr(values, name)) for name in self._FIELDS if getattr(values, name)]
        if values.per_page != DEFAULT_PAGE_SIZE:
            pairs.append(("per_page", str(values.per_page)))
        if values.page != 1:
            pairs.append(("page", str(values.page)))
        return "?" + urlencode(pairs) if pairs else "?"

    @property
    def level(self) -> int:
        """The lowest level of the chosen dimension shown: 1 (weak) unless the form asks for
        another; a reply that does not show the dimension (level 0) matches only ``0``."""
        return int(self.min_level) if self.min_level else 1

    def store_arguments(self) -> dict[str, Any]:
        """The arguments of ``Store.results`` for these filters."""
        until: str | None = self.until
        if until and _is_date(until):  # the page's "to" day is included: up to the next one
            day = date.fromisoformat(until)
            until = None if day == date.max else (day + timedelta(days=1)).isoformat()
        return {
            # A page past anything the store can hold is past the last page: asked as the
            # store's last offset, it gets no replies (and the total).
            "offset": min((self.page - 1) * self.per_page, MAX_SEQ),
            "limit": self.per_page,
            "query": self.q or None,
            "style": self.style or None,
            "dimension": self.dimension or None,
            "min_level": self.level if self.dimension else None,
            "helper": self.helper or None,
            "topic": self.topic or None,
            "attention": self.attention or None,
            "since": self.since or None,
            "until": until or None,
        }


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


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def parse_filters(params: Mapping[str, str], dimensions: Sequence[str]) -> Filters:
    """The filters of a query string; what cannot be used is listed in ``problems``."""
    problems: list[str] = []

    def text(name: str, limit: int) -> str:
        value = params.get(name, "").strip()
        if len(value) > limit:
            problems.append(f"{name} is longer than {limit} characters; shorten it.")
            return value[:limit]
        return value

    values = {
        name: text(name, FILTER_LIMITS.get(name, MAX_FILTER_CHARS)) for name in Filters._FIELDS
    }
    if values["dimension"] and values["dimension"] not in dimensions:
        problems.append(
            f"There is no dimension “{isolate_text(values['dimension'])}”; pick one of "
            f"{', '.join(dimensions)}."
        )
    if values["attention"] and values["attention"] not in ATTENTION_FILTERS:
        problems.append("“Needs a person” is any, crisis or unsafe; pick one from the list.")
    if values["min_level"] and values["min_level"] not in ("0", "1", "2"):
        problems.append("The minimum level is 0, 1 or 2.")
    elif values["min_level"] and not values["dimension"]:
        problems.append("A minimum level needs a dimension; pick one, or clear the level.")
    for name, label in (("since", "from"), ("until", "to")):
        if values[name] and normalize_timestamp(values[name]) is None:
            problems.append(
                f"The “{label}” date “{isolate_text(values[name])}” is not a date (2024-12-03)."
            )
    page = 1
    page_text = params.get("page", "").strip()
    if page_text:
        number = page_number(page_text)
        if number is None:
            shown = page_text if len(page_text) <= 30 else page_text[:30] + "…"
            problems.append(
                f"“{isolate_text(shown)}” is not a page number: page is a whole number, "
                "1 for the first page."
            )
        else:
            page = number
    try:
        per_page = int(params.get("per_page", str(DEFAULT_PAGE_SIZE)))
    except ValueError:
        per_page = DEFAULT_PAGE_SIZE
    if per_page not in PAGE_SIZES:
        per_page = DEFAULT_PAGE_SIZE
    return Filters(**values, page=page, per_page=per_page, problems=tuple(problems))


# -- shared pieces ----------------------------------------------------------------------------


def corpus_or_404(ctx: ServiceContext, corpus_id: str) -> Corpus:
    corpus = ctx.store.get_corpus(corpus_id)
    if corpus is None:
        raise PageError(
            404,
            "Corpus not found",
            "There is no corpus with this id; it may have been deleted. The explorer lists "
            "the corpora there are.",
        )
    return corpus


def when(value: object) -> str:
    """A record's timestamp as ``YYYY-MM-DD HH:MM`` (UTC), or "" without one."""
    stamp = parse_timestamp(value)
    return stamp.strftime("%Y-%m-%d %H:%M") if stamp else ""


def status_badge(corpus: Corpus) -> str:
    return f'<span class="status status-{esc(corpus.status)}">{esc(corpus.status)}</span>'


def progress(corpus: Corpus) -> str:
    if corpus.total is None:
        return "" if corpus.status != "done" else plural(corpus.done, "pair")
    share = 1.0 if corpus.total == 0 else min(1.0, corpus.done / corpus.total)
    return (
        f'<progress max="1" value="{share:.3f}" aria-label="analysed {share:.0%}"></progress> '
        f"{corpus.done:,} of {corpus.total:,}"
    )


def corpus_facts(corpus: Corpus) -> str:
    facts = [
        status_badge(corpus),
        progress(corpus),
        f"format {esc(corpus.format or 'detected')}",
        f"uploaded {esc(when(corpus.created_at))} UTC",
    ]
    if corpus.helpers:  # upload's helper patterns: only these speakers' responses
        facts.append("helpers " + ", ".join(isolate(h) for h in corpus.helpers))
    if corpus.left_out:
        facts.append(f"{plural(corpus.left_out, 'response')} left out (not by the helpers)")
    if corpus.rejected:
        facts.append(f"{plural(corpus.rejected, 'input record')} rejected")
    items = "".join(f"<li>{fact}</li>" for fact in facts if fact)
    error = f'<p class="note error-box">{esc(corpus.error)}</p>' if corpus.error else ""
    return f'<ul class="corpus-facts muted">{items}</ul>{error}'


def upload_command(base_url: str, *, key_required: bool) -> str:
    """The ``curl`` command that uploads a file to the server at ``base_url`` (the address
    the page was reached at), with the key header where the server requires a key."""
    url = shlex.quote(base_url.rstrip("/") + "/v1/corpora")
    key = "-H 'X-API-Key: YOUR_KEY' " if key_required else ""
    return f"curl {key}-F file=@chats.jsonl {url}"


def corpora_table(
    corpora: Sequence[Corpus], *, primary: str, base_url: str, key_required: bool
) -> str:
    """Every corpus; the name links to ``primary`` (``explorer`` or ``dashboards``). With
    none, how to upload one to this server (``base_url``, the key where one is needed)."""
    if not corpora:
        key = (
            "<p>This server requires an API key: put yours in place of <code>YOUR_KEY</code> "
            "(the one you entered for these pages, or a new one from "
            "<code>carelens keys create NAME</code>).</p>"
            if key_required
            else ""
        )
        command = upload_command(base_url, key_required=key_required)
        return (
            '<div class="note"><p>No corpus has been uploaded yet. Upload a conversation file '
            "(csv, jsonl, reddit .zst or wxr) to the API, and it is analysed in the "
            f'background:</p><pre><code id="upload-command">{esc(command)}</code></pre>'
            f"{key}</div>"
        )
    rows = []
    for c in corpora:
        cid = quote(c.id, safe="")
        rejected = "" if c.total is None else f"{c.rejected:,}"  # not counted yet: unknown
        # data-label: on a phone the rows stack, each cell under its column's name.
        rows.append(
            f'<tr><th scope="row"><a href="/{primary}/{cid}">{isolate(c.name)}</a></th>'
            f'<td data-label="status">{status_badge(c)}</td>'
            f'<td data-label="analysed pairs">{progress(c)}</td>'
            f'<td class="num" data-label="rejected">{rejected}</td>'
            f'<td data-label="uploaded (UTC)">{esc(when(c.created_at))}</td>'
            f'<td class="open" data-label="open"><a href="/explorer/{cid}">results</a> · '
            f'<a href="/dashboards/{cid}">dashboard</a></td></tr>'
        )
    return (
        '<div class="table-wrap"><table class="corpora"><thead><tr><th scope="col">corpus</th>'
        '<th scope="col">status</th><th scope="col">analysed pairs</th>'
        '<th scope="col" class="num">rejected</th><th scope="col">uploaded (UTC)</th>'
        f'<th scope="col">open</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def corpora_page(
    ctx: ServiceContext, request: Request, *, primary: str, title: str, lead: str
) -> HTMLResponse:
    corpora = ctx.store.list_corpora()
    busy = any(c.status in ("queued", "running") for c in corpora)
    note = (
        f'<p class="muted small">A corpus is being analysed; this page reloads every '
        f"{REFRESH_S} s.</p>"
        if busy
        else ""
    )
    return page_response(
        document(
            title,
            corpora_table(
                corpora,
                primary=primary,
                base_url=str(request.base_url),
                key_required=ctx.settings.key_required,
            )
            + note,
            active=f"/{primary}",
            lead=lead,
            refresh=REFRESH_S if busy else None,
        )
    )


def thread_url(corpus_id: str, conversation: str) -> str:
    """The address of a conversation's thread: the id as the last path segment, or, for an
    id a browser would resolve as a dot segment (:data:`DOT_SEGMENTS`: ``..`` would lead to
    the corpus's results), in the ``conversation`` query parameter."""
    base = f"/explorer/{quote(corpus_id, safe='')}/thread"
    if conversation in DOT_SEGMENTS:
        return f"{base}?{urlencode({'conversation': conversation})}"
    return f"{base}/{quote(conversation, safe='')}"


def reply_number(seq: object) -> str:
    """The number people see for the reply at ``seq``: ``#1`` for the first (seq 0). Anchors
    and links keep the seq itself (``#r-0``), as the API does."""
    return f"#{seq + 1:,}" if isinstance(seq, int) else f"#{esc(seq)}"


# -- the corpus list ----------------------------------------------------------------------------


@router.get("/explorer", include_in_schema=False)
def explorer_home(ctx: Ctx, request: Request) -> HTMLResponse:
    lead = (
        '<p class="muted">The corpora uploaded to this server, newest first. Open one to '
        "search and filter its analysed replies, read whole threads, or see its dashboard.</p>"
    )
    return corpora_page(ctx, request, primary="explorer", title="Explorer", lead=lead)


# -- one corpus's results -----------------------------------------------------------------------


def _options(values: Sequence[tuple[str, str]], chosen: str) -> str:
    return "".join(
        f'<option value="{esc(value)}"{" selected" if value == chosen else ""}>{esc(label)}'
        "</option>"
        for value, label in values
    )


def _counted(facet: Sequence[tuple[str, int]]) -> dict[str, int]:
    return dict(facet)


def filter_form(
    corpus_id: str, filters: Filters, dimensions: Sequence[str], facets: Mapping[str, Any]
) -> str:
    styles = _counted(facets.get("style", ()))
    style_values = [("", "any style")] + [
        (s, f"{s} ({styles[s]:,})" if s in styles else s) for s in STYLES
    ]
    style_values += [
        (s, f"{isolate_text(s)} ({n:,})") for s, n in styles.items() if s not in STYLES
    ]
    dimension_values = [("", "any dimension")] + [(d, d.replace("_", " ")) for d in dimensions]
    # A dimension alone keeps the replies that show it (level 1 or more): every reply has a
    # level on every dimension, so "any level" would keep them all. 0 is offered only when a
    # link asks for it.
    level_values = [("", "1 weak or 2 strong"), ("2", "2 strong only")]
    if filters.min_level == "0":
        level_values.append(("0", "0 none or more (every reply)"))
    chosen_level = "" if filters.min_level == "1" else filters.min_level
    topics = facets.get("topic", [])
    if topics:
        topic_values = [("", "any topic")] + [(t, f"{isolate_text(t)} ({n:,})") for t, n in topics]
        topic_field = f'<select id="f-topic" name="topic">{_options(topic_values, filters.topic)}'
    else:
        topic_field = (
            '<select id="f-topic" name="topic" disabled><option>no topics assigned</option>'
        )
    helpers = "".join(f'<option value="{esc(h)}"></option>' for h, _ in facets.get("helper", []))
    return (
        f'<form class="filters" method="get" action="/explorer/{quote(corpus_id, safe="")}" '
        'role="search" aria-label="Filter the results">'
        '<div class="field wide"><label for="f-q">Search the texts</label>'
        f'<input type="search" id="f-q" name="q" value="{esc(filters.q)}" maxlength="200" '
        'placeholder="words in what they said or in the reply"></div>'
        f'<div class="field"><label for="f-style">Style</label><select id="f-style" name="style">'
        f"{_options(style_values, filters.style)}</select></div>"
        '<div class="field"><label for="f-dimension">Dimension</label>'
        f'<select id="f-dimension" name="dimension">{_options(dimension_values, filters.dimension)}'
        "</select></div>"
        '<div class="field"><label for="f-level">at level</label>'
        f'<select id="f-level" name="min_level">{_options(level_values, chosen_level)}'
        "</select></div>"
        '<div class="field"><label for="f-helper">Helper</label>'
        f'<input type="text" id="f-helper" name="helper" value="{esc(filters.helper)}" '
        f'list="helpers" maxlength="{MAX_ID_CHARS}" autocomplete="off">'
        f'<datalist id="helpers">{helpers}'
        "</datalist></div>"
        f'<div class="field"><label for="f-topic">Topic</label>{topic_field}</select></div>'
        # wide: the choices are phrases, cut short in a one-column field
        '<div class="field wide"><label for="f-attention">Needs a person</label>'
        f'<select id="f-attention" name="attention">{_options(_ATTENTION, filters.attention)}'
        "</select></div>"
        '<div class="field"><label for="f-since">From</label>'
        f'<input type="date" id="f-since" name="since" value="{esc(filters.since)}"></div>'
        '<div class="field"><label for="f-until">To (inclusive)</label>'
        f'<input type="date" id="f-until" name="until" value="{esc(filters.until)}"></div>'
        '<div class="field"><label for="f-per-page">Per page</label>'
        '<select id="f-per-page" name="per_page">'
        f"{_options([(str(n), str(n)) for n in PAGE_SIZES], str(filters.per_page))}</select></div>"
        '<div class="actions"><button type="submit">Apply</button>'
        f'<a class="button quiet" href="/explorer/{quote(corpus_id, safe="")}">Clear</a></div>'
        "</form>"
    )


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
        meta.append(
            f'<a href="{esc(thread_url(corpus_id, conversation))}#r-{esc(seq)}">open the thread</a>'
        )
    attention = (
        ' <span class="attention">· crisis cues: read closely</span>'
        if annotate.needs_attention(record)
        else ""
    )
    unsafe = (
        ' <span class="attention">· unsafe wording: read closely</span>'
        if annotate.unsafe_words(record)
        else ""
    )
    return (
        f'<article class="reply" id="r-{esc(seq)}"><div class="meta">{" · ".join(meta)}</div>'
        f'<div class="said-label">They said{attention}</div>'
        f'<blockquote class="said text">{annotate.seeker_text(record)}</blockquote>'
        f'<div class="said-label">Reply{unsafe}</div>'
        f"{annotate.reply_block(record, dimensions, wanted=wanted or None)}</article>"
    )


def page_count(filters: Filters, total: int) -> int:
    """How many pages ``total`` results fill (1 when there are none)."""
    return max(1, -(-total // filters.per_page))


def pagination(filters: Filters, total: int) -> str:
    pages = page_count(filters, total)
    current = filters.page
    if pages == 1 and current == 1:
        return ""
    shown = sorted({1, pages, *range(max(1, current - 2), min(pages, current + 2) + 1)})
    items = []

    def link(page: int, label: str, rel: str = "") -> str:
        rel_attr = f' rel="{rel}"' if rel else ""
        return f'<li><a href="{esc(filters.link(page=page))}"{rel_attr}>{label}</a></li>'

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
    return f'<nav class="pages" aria-label="Pages of results"><ul>{"".join(items)}</ul></nav>'


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
        try:
            page = ctx.store.results(corpus.id, **filters.store_arguments())
        except InvalidQueryError as exc:
            problems.append(f"{exc}; change the filters and apply them again.")
    parts = [filter_form(corpus.id, filters, dimensions, facets)]
    status = 200
    if problems:
        status = 422
        items = "".join(f"<li>{text_html(p)}</li>" for p in problems)
        parts.append(f'<div class="note error-box" role="alert"><ul>{items}</ul></div>')
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
        if not page.items:
            last = page_count(filters, page.total)
            hint = (
                f"These results end on page {last:,}: "
                f'<a href="{esc(filters.link(page=last))}">go to the last page</a> or '
                f'<a href="{esc(filters.link(page=1))}">the first page</a>.'
                if page.total
                else "Nothing matches these filters; loosen them or clear them."
                if filters.active
                else "This corpus has no analysed replies yet."
            )
            parts.append(f'<p class="note">{hint}</p>')
        parts.append('<div id="results">')
        parts += [result_card(corpus.id, r, dimensions, filters.dimension) for r in page.items]
        parts.append("</div>")
        parts.append(pagination(filters, page.total))
    lead = corpus_facts(corpus)
    return page_response(
        document(isolate_text(corpus.name), "".join(parts), active="/explorer", lead=lead),
        status=status,
    )


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


# -- one thread ---------------------------------------------------------------------------------


def _thread_records(
    ctx: ServiceContext, corpus_id: str, conversation: str
) -> tuple[list[Any], int]:
    records: list[Any] = []
    total = 0
    while len(records) < MAX_THREAD:
        page = ctx.store.results(
            corpus_id, conversation=conversation, offset=len(records), limit=500
        )
        total = page.total
        records += page.items
        if not page.items or len(records) >= total:
            break
    return records[:MAX_THREAD], total


def _thread_card(record: Mapping[str, Any], dimensions: Sequence[str]) -> str:
    """One reply of a thread: number, who, when, the reply annotated, and its details."""
    seq = record.get("seq")
    speaker = record.get("speaker")
    meta = [reply_number(seq), f"<b>{isolate(speaker) if speaker else 'a helper'}</b>"]
    stamp = when(record.get("timestamp"))
    if stamp:
        meta.append(esc(stamp))
    return (
        f'<article class="reply" id="r-{esc(seq)}">'
        f'<div class="meta">{" · ".join(meta)}</div>'
        f"{annotate.reply_block(record, dimensions)}{annotate.unsafe_panel(record)}"
        '<details><summary class="small">Every dimension, and the feedback</summary>'
        f'<div class="feedback small">{annotate.feedback_list(record)}</div>'
        f"{annotate.dimension_table(record, dimensions)}{annotate.signals_line(record)}</details>"
        "</article>"
    )


def _said(first: Mapping[str, Any], answered: object, shown: set[object]) -> str:
    """The message a turn's replies answer: in full, or, when it is itself a reply on this
    page (``answered`` is its seq), a link to that reply's card instead of its text again.
    Crisis cues and resources are shown either way: they are about this message."""
    speaker = first.get("seeker_speaker")
    who = isolate(speaker) if speaker else "the seeker"
    word = annotate.distress_word(first)
    distress = f" · distress: {word}" if word else ""
    attention = annotate.attention_line(first)
    if answered is None:
        return (
            f'<div class="said"><div class="meta">{who}{distress}</div>'
            f'<div class="text">{annotate.seeker_text(first)}</div>{attention}'
            f"{annotate.crisis_panel(first)}</div>"
        )
    where = "above" if answered in shown else "below"
    return (
        '<div class="said said-ref"><p class="in-reply-to">In reply to '
        f"{who}'s "
        f'<a href="#r-{esc(answered)}">{reply_number(answered)}</a> {where}{distress}</p>'
        f"{attention}{annotate.crisis_panel(first)}</div>"
    )


@router.get("/explorer/{corpus_id}/thread/{conversation_id:path}", include_in_schema=False)
def explorer_thread(ctx: Ctx, corpus_id: str, conversation_id: str) -> HTMLResponse:
    """The replies of one conversation, grouped under the message they answer. A message
    that is itself a reply on the page (a nested thread) is not repeated: its group starts
    with a link to that reply's card."""
    return thread_page(ctx, corpus_id, conversation_id)


@router.get("/explorer/{corpus_id}/thread", include_in_schema=False)
def explorer_thread_by_query(
    ctx: Ctx, corpus_id: str, conversation: str | None = None
) -> HTMLResponse:
    """The same page, the conversation named by a query parameter (:func:`thread_url`)."""
    if not conversation:
        corpus_or_404(ctx, corpus_id)
        raise PageError(
            404,
            "Thread not found",
            "This address names no conversation; open a thread from the corpus's results.",
            links=[(f"/explorer/{quote(corpus_id, safe='')}", "The corpus's results")],
        )
    return thread_page(ctx, corpus_id, conversation)


def thread_page(ctx: ServiceContext, corpus_id: str, conversation_id: str) -> HTMLResponse:
    """The thread page of ``conversation_id`` in the corpus (404 pages when either is
    unknown)."""
    corpus = corpus_or_404(ctx, corpus_id)
    records, total = _thread_records(ctx, corpus.id, conversation_id)
    if not records:
        raise PageError(
            404,
            "Thread not found",
            "This corpus has no analysed reply in a conversation with this id.",
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
    if total > len(records):
        parts.append(
            f'<p class="note">This conversation has '
            f"{plural(total, 'analysed reply', 'analysed replies')}; this page shows the "
            f"first {len(records):,}.</p>"
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
    back = (
        f'<a href="/explorer/{quote(corpus.id, safe="")}">'
        f"&lsaquo; all results of {isolate(corpus.name)}</a>"
    )
    lead = (
        f'<p class="muted">Conversation <code>{isolate(conversation_id)}</code> · '
        f"{plural(opening, 'message')}, {plural(len(records), 'reply', 'replies')} · {back}</p>"
    )
    return page_response(
        document(
            f"Thread in {isolate_text(corpus.name)}", "".join(parts), active="/explorer", lead=lead
        )
    )
