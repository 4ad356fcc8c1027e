"""The web pages of ``carelens serve``: coach, explorer and dashboards, rendered on the server.

:func:`install_pages` adds them to the app built by :func:`carelens.service.create_app`:

* :mod:`.coach` — ``GET /``, ``GET /coach``, ``POST /coach``: check a draft reply;
* :mod:`.explorer` — ``GET /explorer``, ``/explorer/{corpus}`` (filters, search, pages);
* :mod:`.thread` — ``/explorer/{corpus}/thread/{conversation}`` (every reply annotated in
  place, a page at a time);
* :mod:`.dashboards` — ``GET /dashboards``, ``/dashboards/{corpus}`` (community and helper
  views drawn with the report's builders; ``?helper=`` for one helper).

They share :mod:`.corpora` (the corpus list and what a page says about one corpus),
:mod:`.filters` (the explorer's filter form and its query string), :mod:`.navigation`
(thread and reply addresses, page links) and :mod:`.annotate` (a reply drawn with its
analysis).

Pages are plain HTML forms and links (they work without JavaScript), load nothing from
other sites (:mod:`.layout` sends a strict Content-Security-Policy and serves the style
sheets and the scripts under ``/static/``), escape every text, and follow the API's
access rules (:mod:`.access`). Errors of the pages are HTML pages; an unknown address is an
HTML page for a browser (``Accept: text/html``) and the API's JSON error for anything else,
and ``/v1`` always answers JSON. The loopback guard's refusals (another ``Host``, another
site's ``Origin``) are pages on the pages' paths too (:func:`page_refusal`). A page that
cannot be shown because the results database cannot be reached is a 503 page with
``Retry-After``, as the API's ``store_unavailable``.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from inspect import isawaitable
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Scope

from carelens.service.errors import (
    STORE_RETRY_AFTER_S,
    ApiError,
    log_internal,
    log_store_unavailable,
    redacting,
    request_line,
    store_unavailable,
)
from carelens.service.pages import coach, dashboards, explorer, thread
from carelens.service.pages.access import page_access
from carelens.service.pages.layout import PageError, error_page, static_response
from carelens.store import CorpusNotFoundError, StoreError

__all__ = ["PageError", "install_pages", "is_page_path", "page_error_response", "page_refusal"]

logger = logging.getLogger(__name__)

_Handler = Callable[[Request, Any], Response | Awaitable[Response]]


async def _call(handler: _Handler, request: Request, exc: Exception) -> Response:
    answer = handler(request, exc)
    return await answer if isawaitable(answer) else answer


def is_page_path(path: str) -> bool:
    """True for the paths of pages (everything but the API and its schema)."""
    return not (path == "/v1" or path.startswith("/v1/") or path == "/openapi.json")


def wants_html(request: Request) -> bool:
    """True when the client asks for HTML (a browser), not any type (a script, curl)."""
    return "text/html" in request.headers.get("accept", "").lower()


static_router = APIRouter()


@static_router.get("/static/{name}", include_in_schema=False)
def static_file(name: str) -> Response:
    return static_response(name)


def unexpected_error_page() -> Response:
    """The page shown when a page failed unexpectedly (the error is logged by the caller)."""
    return error_page(
        PageError(
            500,
            "Something went wrong",
            "The server failed to show this page; it has been logged. Try again, and "
            "report it if it persists.",
        )
    )


def store_unavailable_page() -> Response:
    """The page shown when the results database cannot be reached (503, ``Retry-After``)."""
    return error_page(
        PageError(
            503,
            "Results database unavailable",
            "The results database cannot be reached right now, so this page cannot be "
            f"shown. Reload it in {STORE_RETRY_AFTER_S} seconds or so; if this persists, the "
            "server's log says why.",
            headers={"Retry-After": str(STORE_RETRY_AFTER_S)},
        )
    )


def failed_page(exc: BaseException) -> Response:
    """The page of an exception no route handled: the database is unreachable (503), the
    corpus was deleted meanwhile (404), or an unexpected failure (500)."""
    if store_unavailable(exc):
        return store_unavailable_page()
    if isinstance(exc, CorpusNotFoundError):
        return error_page(
            PageError(
                404,
                "Corpus not found",
                "This corpus was deleted; the explorer lists the corpora there are.",
            )
        )
    return unexpected_error_page()


def page_error_response(scope: Scope, exc: Exception) -> Response | None:
    """For :class:`~carelens.service.middleware.CatchAllMiddleware`: the HTML error page
    for a request to a page, None for the API (which answers JSON)."""
    return failed_page(exc) if is_page_path(str(scope.get("path", ""))) else None


#: What a person opening a page is told when the loopback guard refuses the request, by the
#: API's error code (the API's own messages speak to scripts).
_REFUSALS: dict[str, str] = {
    "host_not_allowed": "This server answers only to localhost, 127.0.0.1 or [::1], so that "
    "other sites cannot reach it through your browser. Open the page with one of those "
    "addresses, for example http://127.0.0.1 and the server's port.",
    "cross_origin": "This request came from a page on another site, and this server answers "
    "only its own pages. Open the carelens pages directly, by their address.",
}


def page_refusal(scope: Scope, error: ApiError) -> Response | None:
    """For :class:`~carelens.service.middleware.LoopbackGuardMiddleware`: its 403 as an HTML
    error page for a request to a page, None for the API (which answers JSON)."""
    if not is_page_path(str(scope.get("path", ""))):
        return None
    message = _REFUSALS.get(error.code, "This server refused the request.")
    return error_page(PageError(error.status, "Not allowed", message, headers=error.headers))


def install_pages(app: FastAPI) -> None:
    """Mount the pages on ``app`` (after the API's error handlers are installed)."""
    pages = APIRouter(dependencies=[Depends(page_access)])
    pages.include_router(coach.router)
    pages.include_router(explorer.router)
    pages.include_router(thread.router)
    pages.include_router(dashboards.router)
    app.include_router(static_router)
    app.include_router(pages)

    async def on_page_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PageError)
        return error_page(exc)

    api_http: _Handler = app.exception_handlers[StarletteHTTPException]
    api_unexpected: _Handler = app.exception_handlers[Exception]
    api_store: _Handler = app.exception_handlers[StoreError]

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if not is_page_path(request.url.path) or not wants_html(request):
            return await _call(api_http, request, exc)
        if exc.status_code == 404:
            error = PageError(404, "Not found", "There is no page at this address.")
        elif exc.status_code == 405:
            error = PageError(
                405,
                "Method not allowed",
                "This page does not accept this kind of request; open it with a link.",
                headers={k: v for k, v in (exc.headers or {}).items() if k.lower() == "allow"},
            )
        else:
            error = PageError(exc.status_code, "Request not handled", str(exc.detail))
        return error_page(error)

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        if not is_page_path(request.url.path):
            return await _call(api_unexpected, request, exc)
        log_internal(logger, f"internal error on {request_line(request)}", exc)
        return unexpected_error_page()

    async def on_store_error(request: Request, exc: Exception) -> Response:
        if not is_page_path(request.url.path):
            return await _call(api_store, request, exc)
        if store_unavailable(exc):
            log_store_unavailable(
                logger, request_line(request), exc, redacted=redacting(request.app)
            )
        elif not isinstance(exc, CorpusNotFoundError):
            log_internal(logger, f"internal error on {request_line(request)}", exc)
        return failed_page(exc)

    app.add_exception_handler(PageError, on_page_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(StoreError, on_store_error)
    app.add_exception_handler(Exception, on_unexpected)
