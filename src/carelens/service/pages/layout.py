"""The shell every page shares: head, site navigation, footer, headers, errors, static files.

Pages are built as strings in Python, like the offline report; every text that comes from a
user or the data goes through :func:`~carelens.insights.report.format.esc` (or
:func:`~carelens.insights.report.format.highlight_spans`, which escapes too). Each page
response carries :data:`PAGE_HEADERS`: a Content-Security-Policy that allows only this
server's own style sheets, script and form targets (no CDN, font or remote image can
load), ``nosniff``, no referrer sent to other sites, no framing and ``no-store`` (pages
quote conversations). The static files are the page style sheet, the coach script and the
corpus lists' progress script shipped in ``service/static/``, the report's style sheet (so
dashboard sections look as in the report) and a palette made from the chart colours.
:class:`PageError` is an error shown as an HTML page.

Names, ids, communities, topics and search words from the data or the user are shown
inline through :func:`isolate` (``<bdi>``) or, in plain text (the page title, error
messages, menu choices), :func:`isolate_text` (U+2068 FIRST STRONG ISOLATE … U+2069 POP
DIRECTIONAL ISOLATE), which :func:`text_html` turns into ``<bdi>`` where the text is written
into HTML: a right-to-left name, or one with a U+202E override, then reads as itself without
reordering the text around it (the dates of a reply's header, say). Timestamps are written
as :func:`when` does: ``YYYY-MM-DD HH:MM``, in UTC.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from importlib.resources import files

from fastapi.responses import HTMLResponse, Response

from carelens._version import __version__
from carelens.insights.report import charts
from carelens.insights.report.document import CSS as REPORT_CSS
from carelens.insights.report.format import esc
from carelens.timestamps import parse_timestamp

#: What a page may load: only this server's style sheets and script, and data: images.
#: ``style-src-attr`` allows the colour swatches of the chart legends (style attributes
#: written by the server, never from user text).
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; "
    "style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
#: Headers of every page response.
PAGE_HEADERS: Mapping[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    # Not "no-referrer": with it, browsers send "Origin: null" on form posts, which the
    # loopback guard rightly refuses. Pages link to no other site anyway.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cache-Control": "no-store",
}
#: The sections of the site navigation: (path, label).
NAV: tuple[tuple[str, str], ...] = (
    ("/coach", "Coach"),
    ("/explorer", "Explorer"),
    ("/dashboards", "Dashboards"),
)
#: Static files shipped in ``carelens/service/static``: name -> media type.
SHIPPED_STATIC: Mapping[str, str] = {
    "pages.css": "text/css; charset=utf-8",
    "coach.js": "text/javascript; charset=utf-8",
    "progress.js": "text/javascript; charset=utf-8",
}


#: The isolate characters: LRI, RLI, FSI and PDI.
_ISOLATES = re.compile("[\u2066-\u2069]")


def isolate(text: object) -> str:
    """``text`` escaped, in a ``<bdi>`` element: its direction (a right-to-left script, or
    an override character such as U+202E in it) cannot reorder the text around it."""
    return f"<bdi>{esc(text)}</bdi>"


def isolate_text(text: object) -> str:
    """``text`` between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE: the
    plain-text :func:`isolate`, for text that is escaped later or cannot hold markup (the
    ``<title>``, error messages, ``<option>`` labels). Isolate characters in ``text`` itself
    (U+2066 to U+2069, invisible) are left out: an unmatched one would pair with the closing
    U+2069 and leave the run open."""
    return f"\u2068{_ISOLATES.sub('', str(text))}\u2069"


_ISOLATED = re.compile("\u2068([^\u2068\u2069]*)\u2069")


def text_html(text: str) -> str:
    """Plain ``text`` as HTML: escaped, each :func:`isolate_text` run in a ``<bdi>`` (so a
    copied name carries no invisible isolate characters)."""
    return _ISOLATED.sub(r"<bdi>\1</bdi>", esc(text))


def when(value: object) -> str:
    """A record's timestamp as ``YYYY-MM-DD HH:MM`` (UTC), or "" without one."""
    stamp = parse_timestamp(value)
    return stamp.strftime("%Y-%m-%d %H:%M") if stamp else ""


def palette_css() -> str:
    """Badge and highlight colours for each style and dimension, from the chart palette."""
    rules = []
    for style, colour in charts.STYLE_COLOURS.items():
        rules.append(f".badge.style-{style}{{background:{colour};color:{charts.text_on(colour)}}}")
        rules.append(f".swatch.style-{style}{{background:{colour}}}")
    for dimension, colour in charts.DIMENSION_COLOURS.items():
        rules.append(f"mark.{dimension}{{background:{colour}26;box-shadow:inset 0 -2px {colour}}}")
        rules.append(f".chip.dim-{dimension}{{border-color:{colour}}}")
    return "\n".join(rules) + "\n"


def _static_files() -> dict[str, tuple[bytes, str]]:
    folder = files("carelens.service").joinpath("static")
    found = {
        name: (folder.joinpath(name).read_bytes(), kind) for name, kind in SHIPPED_STATIC.items()
    }
    found["report.css"] = (REPORT_CSS.lstrip().encode("utf-8"), "text/css; charset=utf-8")
    found["palette.css"] = (palette_css().encode("utf-8"), "text/css; charset=utf-8")
    return found


#: Every static file the pages use: name -> (bytes, media type); read once at import.
STATIC: Mapping[str, tuple[bytes, str]] = _static_files()


def static_url(name: str) -> str:
    """The URL of a static file (the version in the query string refreshes caches)."""
    return f"/static/{name}?v={esc(__version__)}"


def static_response(name: str) -> Response:
    """A static file, or a 404 page for any other name."""
    if name not in STATIC:
        raise PageError(404, "Not found", "There is no such file.")
    body, kind = STATIC[name]
    headers = dict(PAGE_HEADERS)
    headers["Cache-Control"] = "public, max-age=3600"
    return Response(body, media_type=kind, headers=headers)


class PageError(Exception):
    """An error shown as a page: HTTP ``status``, a short ``title`` and a helpful ``message``
    (plain text; it is escaped); ``links`` are (URL, label) pairs of where to go from there,
    shown before the links to the coach and the explorer."""

    def __init__(
        self,
        status: int,
        title: str,
        message: str,
        *,
        headers: Mapping[str, str] | None = None,
        links: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(message)
        self.status = status
        self.title = title
        self.message = message
        self.headers = dict(headers or {})
        self.links = tuple(links)


def document(
    title: str,
    body: str,
    *,
    active: str | None = None,
    lead: str = "",
    scripts: Sequence[str] = (),
    refresh: int | None = None,
    footer: str = "",
    window_title: str | None = None,
    error: bool = False,
) -> str:
    """A whole page: ``title`` (plain text) as heading, ``lead`` (HTML) under it, ``body``
    (HTML) in ``<main>``; ``active`` is the path of the current navigation section. Names in
    ``title`` are isolated with :func:`isolate_text`. ``refresh`` (seconds) reloads the page
    where JavaScript is off (a refresh inside ``<noscript>``): with it on, a page's script
    updates it in place instead, as a reload would lose keyboard focus and scroll.

    The window title (what a screen reader reads first, and the tab shows) is ``title``, or
    ``window_title`` where it says more (the page of a list, say), with "Error: " before it
    on a page that shows an ``error``."""
    links = "".join(
        f'<li><a href="{path}"{" aria-current=page" if path == active else ""}>{label}</a></li>'
        for path, label in NAV
    )
    sheets = "".join(
        f'<link rel="stylesheet" href="{static_url(name)}">'
        for name in ("report.css", "palette.css", "pages.css")
    )
    script_tags = "".join(f'<script src="{static_url(name)}" defer></script>' for name in scripts)
    meta_refresh = (
        f'<noscript><meta http-equiv="refresh" content="{int(refresh)}"></noscript>'
        if refresh
        else ""
    )
    shown = f"{'Error: ' if error else ''}{window_title or title}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="referrer" content="same-origin">{meta_refresh}'
        '<link rel="icon" href="data:,">'
        f"<title>{esc(shown)} · carelens</title>{sheets}{script_tags}</head><body>"
        '<a class="skip" href="#main">Skip to content</a>'
        '<header class="top site"><div>'
        '<nav class="site" aria-label="Site"><a class="brand" href="/">carelens</a>'
        f"<ul>{links}</ul></nav>"
        f'<h1>{text_html(title)}</h1>{lead}</div></header><main id="main">{body}</main>'
        f'<footer class="site"><div>carelens {esc(__version__)}{footer} · runs offline: '
        "nothing on these pages is sent anywhere else</div></footer></body></html>\n"
    )


def page_response(
    html: str, *, status: int = 200, headers: Mapping[str, str] | None = None
) -> HTMLResponse:
    """An HTML response with :data:`PAGE_HEADERS` (and ``headers``)."""
    return HTMLResponse(html, status_code=status, headers={**PAGE_HEADERS, **(headers or {})})


def error_page(error: PageError) -> HTMLResponse:
    """The page of a :class:`PageError`."""
    links = [*error.links, ("/coach", "Coach"), ("/explorer", "Explorer")]
    body = (
        f'<div class="note error-box" role="alert"><p>{text_html(error.message)}</p></div>'
        '<p class="error-links">'
        + " · ".join(f'<a href="{esc(href)}">{text_html(label)}</a>' for href, label in links)
        + "</p>"
    )
    lead = f'<p class="muted">Error {error.status}</p>'
    return page_response(
        document(error.title, body, lead=lead, error=True),
        status=error.status,
        headers=error.headers,
    )
