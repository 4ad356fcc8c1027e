"""Every error the API returns is one JSON shape: ``{"error": {"code", "message"}}``.

``code`` is a stable snake_case string clients can branch on; ``message`` says what happened
and what to do. Validation errors add ``field`` (the first bad field, as ``pairs[2].seeker``)
and ``details`` (every bad field). :class:`ApiError` is raised by routes and middleware;
:func:`install_error_handlers` maps FastAPI's own errors (unknown route, wrong method, bad
JSON, failed validation) and any unexpected exception — which becomes ``internal_error``
with no stack trace in the response — to the same shape; a JSON body FastAPI cannot even
decode (not UTF-8, nested too deep) is ``malformed_json`` like any other bad JSON
(:func:`body_error`), not FastAPI's bare "error parsing the body". A
:class:`~carelens.store.StoreError` raised while serving a request means the results
database cannot be reached (down, restarting, its file unreadable): it becomes a 503
``store_unavailable`` with ``Retry-After`` (:func:`store_api_error`), and its message, which
never holds a password, is logged. A :class:`~carelens.store.StoreFaultError` (a read-only or
corrupt database) is a 500 ``internal_error`` like any other failure, but its message, the
database's name for the fault, is logged (:func:`log_internal`). :class:`StartupError` (a
:class:`~carelens.errors.CarelensError`) is raised when a server must not start.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import Scope

from carelens.errors import CarelensError
from carelens.privacy import redact
from carelens.store import (
    CorpusNotFoundError,
    InvalidQueryError,
    StoreError,
    StoreFaultError,
    StoreUnavailableError,
)

logger = logging.getLogger(__name__)

#: Codes for HTTP errors that FastAPI raises itself (unknown route, wrong method...).
STATUS_CODES: Mapping[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "rate_limited",
    500: "internal_error",
}


class StartupError(CarelensError):
    """The server refuses to start (for example: off loopback without any API key)."""


class ApiError(Exception):
    """An error response: HTTP ``status``, a stable ``code`` and a helpful ``message``."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    """The JSON body of an error response."""
    return {"error": {"code": code, "message": message, **extra}}


def error_response(error: ApiError) -> JSONResponse:
    return JSONResponse(
        error_body(error.code, error.message, **error.extra),
        status_code=error.status,
        headers=error.headers or None,
    )


def field_path(loc: Sequence[int | str]) -> str:
    """A pydantic error location as a field path: ``("body", "pairs", 2, "seeker")`` ->
    ``pairs[2].seeker``; query and path parameters keep their name."""
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header", "form", "file"):
        parts = parts[1:]
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "body"


def validation_error(exc: RequestValidationError) -> ApiError:
    """A request validation failure as ``malformed_json`` (400) or ``invalid_request`` (422)."""
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return ApiError(
            400,
            "malformed_json",
            "the request body is not valid JSON; send a JSON object with "
            "Content-Type: application/json",
        )
    details = [
        {"field": field_path(e.get("loc", ())), "message": str(e.get("msg", "invalid"))}
        for e in errors
    ]
    first = details[0] if details else {"field": "body", "message": "invalid request"}
    more = f" (and {len(details) - 1} more)" if len(details) > 1 else ""
    return ApiError(
        422,
        "invalid_request",
        f"{first['field']}: {first['message']}{more}; fix the request and send it again",
        extra={"field": first["field"], "details": details},
    )


def invalid_request(
    field: str, problem: str, fix: str = "fix the request and send it again"
) -> ApiError:
    """422 ``invalid_request`` for one bad ``field`` that a route checks itself (what the
    schema cannot say), with ``field`` and ``details`` as a validation error has them."""
    return ApiError(
        422,
        "invalid_request",
        f"{field}: {problem}; {fix}",
        extra={"field": field, "details": [{"field": field, "message": problem}]},
    )


#: FastAPI's ``detail`` for a body it could not parse (any error but a JSON syntax error).
_UNPARSED_BODY = "There was an error parsing the body"


def body_error(request: Request, exc: StarletteHTTPException) -> ApiError | None:
    """``malformed_json`` (400) for a JSON body FastAPI could not decode, else None.

    FastAPI turns a syntax error into ``json_invalid`` (:func:`validation_error`), but a body
    that is not UTF-8 (bytes of another encoding, whatever its ``charset`` says) or that nests
    arrays or objects too deeply to parse is a bare 400 "There was an error parsing the
    body"; the client needs to know that its JSON is what is wrong, and how to send it.
    """
    cause = exc.__cause__
    decoding = isinstance(cause, UnicodeError | RecursionError)
    if exc.status_code != 400 or not (decoding or exc.detail == _UNPARSED_BODY):
        return None
    kind = media_type(request.headers.get("content-type"))
    if kind != "application/json" and not kind.endswith("+json"):
        return None
    if isinstance(cause, UnicodeError):
        position = getattr(cause, "start", None)
        where = f" (at byte {position:,})" if isinstance(position, int) else ""
        return ApiError(
            400,
            "malformed_json",
            f"the request body is not valid UTF-8{where}; JSON must be sent as UTF-8, "
            "whatever the charset of Content-Type says: encode the body as UTF-8 and send it "
            "again",
        )
    if isinstance(cause, RecursionError):
        return ApiError(
            400,
            "malformed_json",
            "the request body nests arrays or objects too deeply to parse; send a JSON object "
            'such as {"seeker": ..., "response": ...} or {"pairs": [...]}',
        )
    return ApiError(
        400,
        "malformed_json",
        "the request body could not be read as JSON; send a JSON object encoded as UTF-8 "
        "with Content-Type: application/json",
    )


def http_error(exc: StarletteHTTPException) -> ApiError:
    """One of FastAPI's own HTTP errors in the common shape."""
    code = STATUS_CODES.get(exc.status_code, "http_error")
    if exc.status_code == 404:
        message = "no such endpoint; the API is described at /openapi.json"
    elif exc.status_code == 405:
        allowed = (exc.headers or {}).get("Allow") or (exc.headers or {}).get("allow")
        message = "this endpoint does not accept this method" + (
            f"; use {allowed}" if allowed else ""
        )
    elif isinstance(exc.detail, str) and exc.detail:
        message = exc.detail
    else:
        message = HTTPStatus(exc.status_code).phrase
    return ApiError(exc.status_code, code, message, headers=exc.headers)


async def _on_api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc)


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(validation_error(exc))


#: The methods ``Allow`` may list, in its order.
HTTP_METHODS: tuple[str, ...] = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route of the app accepts at the request's path, sorted.

    Starlette's 405 names only the methods of the first route that matched the path, while
    ``/v1/corpora`` (GET and POST) and ``/v1/corpora/{id}`` (GET and DELETE) are two routes
    each; ``Allow`` must list them all.
    """
    routes = request.app.router.routes
    return [
        method
        for method in HTTP_METHODS
        if any(r.matches({**request.scope, "method": method})[0] is Match.FULL for r in routes)
    ]


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 405:
        methods = allowed_methods(request)
        if methods:
            headers = {k: v for k, v in (exc.headers or {}).items() if k.lower() != "allow"}
            exc = StarletteHTTPException(405, exc.detail, {**headers, "Allow": ", ".join(methods)})
    return error_response(body_error(request, exc) or http_error(exc))


#: The message of every ``internal_error``.
INTERNAL_MESSAGE = (
    "the server failed to handle this request; it has been logged — try again, and report it "
    "if it persists"
)


def loggable(text: str) -> str:
    """``text`` (a request path) for a log line: backslashes and every character that is
    not printable (line breaks, other control characters, bidi overrides) escaped as in a
    Python string (``\\n``, ``\\u202e``), so a path cannot forge or reorder log lines."""
    if text.isprintable() and "\\" not in text:
        return text
    return "".join(
        ch if ch.isprintable() and ch != "\\" else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def logged_path(scope: Scope) -> str:
    """The path of a request (its ASGI scope) as log lines name it (:func:`loggable`; as
    received, which ``request.url`` would strip of line breaks). With ``--redact`` a path's
    ids may be personal data (``/explorer/c1/thread/sam.lee@example.com``: a conversation id
    that is an e-mail address), so the template of the route that took the request is named
    instead (``/explorer/{corpus_id}/thread/{conversation_id}``), or, where no route took it
    (a refused or unknown path), the path with its personal data redacted."""
    path = str(scope.get("path", ""))
    if not redacting(scope.get("app")):
        return loggable(path)
    template = getattr(scope.get("route"), "path_format", None)
    return loggable(template if isinstance(template, str) else redact(path))


def request_line(request: Request | Scope) -> str:
    """The method and path of a request (or its ASGI scope) as log lines name it
    (:func:`logged_path`)."""
    scope = request.scope if isinstance(request, Request) else request
    return f"{scope['method']} {logged_path(scope)}"


def log_internal(log: logging.Logger, what: str, exc: BaseException) -> None:
    """Log an unexpected exception: its type and stack, but not its message, which may quote
    a conversation text. A :class:`~carelens.store.StoreFaultError` (the database is
    read-only, corrupt, not a database, lacks a permission) has its message logged: it is
    the database's own word for the fault (``attempt to write a readonly database``), which
    quotes no data, and the one thing the operator needs to fix it."""
    stack = "".join(traceback.format_tb(exc.__traceback__))
    if isinstance(exc, StoreFaultError):
        log.error(
            "%s: the results database refuses it (%s)\n%s",
            what,
            store_error_text(exc),
            stack.rstrip(),
        )
        return
    log.error("%s: %s (message not logged)\n%s", what, type(exc).__name__, stack.rstrip())


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log_internal(logger, f"internal error on {request_line(request)}", exc)
    return error_response(ApiError(500, "internal_error", INTERNAL_MESSAGE))


#: Seconds a client is asked to wait (``Retry-After``) when the store cannot be reached.
STORE_RETRY_AFTER_S = 5
#: The message of every ``store_unavailable``.
STORE_UNAVAILABLE_MESSAGE = (
    "the results database cannot be reached right now (the server has logged why); "
    f"retry in {STORE_RETRY_AFTER_S} seconds, and tell the server's operator if it persists"
)


def store_unavailable(exc: BaseException) -> bool:
    """True for a store error that means the database cannot be used right now
    (:class:`~carelens.store.StoreUnavailableError`: it cannot be reached, is busy or out of
    resources), not a missing corpus, a bad query argument or an error that would repeat."""
    return isinstance(exc, StoreUnavailableError)


def store_api_error(exc: StoreError) -> ApiError:
    """A store error as an API error: 503 ``store_unavailable`` with ``Retry-After``, or
    404 / 422 for a corpus that is gone or a query argument the store refused."""
    if isinstance(exc, CorpusNotFoundError):
        return ApiError(
            404,
            "corpus_not_found",
            f"no corpus with id {exc.corpus_id!r}; list the corpora with GET /v1/corpora",
        )
    if isinstance(exc, InvalidQueryError):
        return ApiError(422, "invalid_request", f"{exc}; fix the query and try again")
    if store_unavailable(exc):
        return store_unavailable_error()
    return ApiError(500, "internal_error", INTERNAL_MESSAGE)


def store_unavailable_error() -> ApiError:
    """503 ``store_unavailable`` with ``Retry-After``: the results database cannot be reached
    (the answer of a route whose store call failed, and of the upload guard's probe)."""
    return ApiError(
        503,
        "store_unavailable",
        STORE_UNAVAILABLE_MESSAGE,
        headers={"Retry-After": str(STORE_RETRY_AFTER_S)},
    )


def media_type(content_type: str | None) -> str:
    """The media type of a ``Content-Type`` header, lower case, without parameters."""
    return (content_type or "").split(";")[0].strip().lower()


def multipart_required() -> ApiError:
    """415 ``unsupported_media_type`` for an upload that is not ``multipart/form-data``."""
    return ApiError(
        415,
        "unsupported_media_type",
        "upload the file as multipart/form-data with the file in a field named 'file' "
        "(curl -F file=@pairs.csv)",
    )


def store_error_text(exc: BaseException, *, redacted: bool = False) -> str:
    """A store error for the log: its type and message (store messages never hold a
    password; with ``redacted``, personal data in them is replaced, as everywhere else)."""
    message = redact(str(exc)) if redacted else str(exc)
    return f"{type(exc).__name__}: {message}"


def log_store_unavailable(
    log: logging.Logger, what: str, exc: BaseException, *, redacted: bool = False
) -> None:
    """Log a request that failed because the store cannot be reached (no stack: the
    message says what failed)."""
    log.warning(
        "%s: the results database cannot be reached (%s)",
        what,
        store_error_text(exc, redacted=redacted),
    )


def redacting(app: Any) -> bool:
    """Whether the app (``request.app`` or ``scope["app"]``) redacts personal data."""
    context = getattr(getattr(app, "state", None), "context", None)
    return bool(getattr(getattr(context, "settings", None), "redact", False))


async def _on_store_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StoreError)
    what = request_line(request)
    if store_unavailable(exc):
        log_store_unavailable(logger, what, exc, redacted=redacting(request.app))
    elif not isinstance(exc, CorpusNotFoundError | InvalidQueryError):
        log_internal(logger, f"internal error on {what}", exc)
    return error_response(store_api_error(exc))


def install_error_handlers(app: FastAPI) -> None:
    """Make every error ``app`` returns the common JSON shape."""
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(StoreError, _on_store_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected)
