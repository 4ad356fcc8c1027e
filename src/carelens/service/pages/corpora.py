"""The corpora on the pages: the list the explorer and the dashboards open on, and one corpus.

:func:`corpora_page` lists the corpora with their status, each linked to its results and its
dashboard; while one is being analysed its progress is kept up to date every
:data:`REFRESH_S` seconds, in place by ``/static/progress.js`` (so keyboard focus and scroll
stay put), or by a reload where JavaScript is off. With no corpus yet, the list shows the
``curl`` command that uploads one, with this server's own address (as the request reached
it) and, where keys are required, the key header. A corpus's own pages show its facts
(:func:`corpus_facts`) and where its analysis stands (:func:`analysis_note`); a corpus that
is not there is a 404 page (:func:`corpus_or_404`).
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse

from carelens.insights.report.format import esc, plural
from carelens.service.context import ServiceContext
from carelens.service.pages.layout import PageError, document, isolate, page_response, when
from carelens.store import Corpus

#: Seconds between updates of the corpus list while a corpus is being analysed.
REFRESH_S = 5


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
