"""The explorer: the corpora, and a corpus's results with filters and pages.

* ``GET /explorer`` lists the corpora with their status; while one is being analysed its
  progress is kept up to date every few seconds, in place by ``/static/progress.js`` (so
  keyboard focus and scroll stay put), or by a reload where JavaScript is off;
* ``GET /explorer/{corpus}`` pages through its results, filtered by style, dimension (the
  replies that show it: level 1 weak or more, or 2 strong only), helper, date range, topic
  category, what needs a person to read it (crisis cues in the seeker message, unsafe wording
  in the reply) and full-text search (a plain GET form, so every view is a link; a search made
  only of words too common to index says so); each reply is drawn in place with its style,
  levels and marked rationale, and links to its place in its thread (:func:`reply_url`;
  the thread pages are :mod:`.thread`). A conversation whose id a browser would resolve as a
  dot segment (``.``, ``..``) is linked as ``/explorer/{corpus}/thread?conversation=..``
  instead (:func:`thread_url`).

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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from carelens.insights.report.format import esc, noun, plural
from carelens.insights.report.sections import learned_only
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
#: Seconds between updates of the corpus list while a corpus is being analysed.
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
    """How far the analysis got: a bar and "done of total"; "" before the pairs are counted,
    and "no pairs" for a file that had none (no bar: a full one would read as finished)."""
    if corpus.total is None:
        return "" if corpus.status != "done" else plural(corpus.done, "pair")
    if corpus.total <= 0:
        return "no pairs"
    share = min(1.0, corpus.done / corpus.total)
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


def analysis_note(corpus: Corpus, stored: int, *, shown: str = "these figures cover") -> str:
    """Where the corpus's analysis stands, for a page that shows its ``stored`` replies
    (``shown`` says what the page holds: "these figures cover"); "" when it is done."""
    n = plural(stored, "reply", "replies")
    if corpus.status == "done":
        return ""
    if corpus.status == "failed":
        if not stored:
            return "The analysis failed before any reply was stored; the message above says why."
        return (
            f"The analysis failed: {shown} only the {n} stored before it stopped; the message "
            "above says why."
        )
    if corpus.status == "queued":
        if not stored:
            return "The analysis is queued: it has not started yet."
        return f"The analysis is queued to go on: {shown} the {n} stored so far."
    if not stored:
        return "The analysis is running: no reply is stored yet."
    return f"The analysis is still running: {shown} the {n} stored so far."


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
            f'<tr data-corpus="{esc(c.id)}">'
            f'<th scope="row"><a href="/{primary}/{cid}">{isolate(c.name)}</a></th>'
            f'<td class="corpus-status" data-label="status">{status_badge(c)}</td>'
            f'<td class="corpus-progress" data-label="analysed pairs">{progress(c)}</td>'
            f'<td class="num corpus-rejected" data-label="rejected">{rejected}</td>'
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
    # A polite live region: progress.js says there when a corpus's status changes.
    note = (
        f'<p class="muted small" id="progress-note" role="status" data-refresh="{REFRESH_S}">'
        f"A corpus is being analysed; the list shows its progress every {REFRESH_S} s.</p>"
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
            scripts=("progress.js",) if busy else (),
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
        # autocomplete off: after Back, a browser would put the values typed last into the
        # form, which would then disagree with the address and the results shown.
        f'<form class="filters" method="get" action="/explorer/{quote(corpus_id, safe="")}" '
        'role="search" aria-label="Filter the results" autocomplete="off">'
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
        meta.append(f'<a href="{esc(reply_url(corpus_id, conversation, seq))}">open the thread</a>')
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
