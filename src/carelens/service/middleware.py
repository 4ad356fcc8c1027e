"""The ASGI layers around the API: access log, loopback guard, API keys and rate limit, body size.

They run before any body is read, so an unauthorised, oversized or doomed request costs the
server almost nothing. From the outside in:

* :class:`AccessLogMiddleware` logs method, path (never the query string), status and
  duration — never a text; the path's line breaks and other unprintable characters are
  escaped (:func:`~carelens.service.errors.loggable`), so a request cannot forge a log line;
  with ``--redact``, the route's template stands for the path, whose ids may be personal
  data (:func:`~carelens.service.errors.logged_path`).
* :class:`ResponseHeadersMiddleware` gives every response, the API's JSON and its errors
  included, ``X-Content-Type-Options: nosniff`` and, unless it sets its own (the static
  files are cached), ``Cache-Control: no-store``: results quote conversations, and no
  browser or proxy cache should keep them.
* :class:`CatchAllMiddleware` answers any unexpected exception with a 500 ``internal_error``
  and logs its type and stack, not its message (which may quote a text); a store error
  raised outside the routes (checking an API key) gets the routes' answer, a 503
  ``store_unavailable`` with ``Retry-After``.
* :class:`LoopbackGuardMiddleware` (loopback servers only, where keys are optional) refuses a
  ``Host`` that is not a loopback name (DNS rebinding) and any request whose ``Origin`` is
  another site (a web page posting to the local server): 403, as an HTML page on the pages'
  paths (their errors are pages) and as the API's JSON error elsewhere.
* :class:`AuthMiddleware` checks the API key (``Authorization: Bearer``, ``X-API-Key``, and
  where a key is required the password of HTTP Basic credentials, as the pages read it) on
  ``/v1`` itself and every path under it but the health check — 401 when it is missing where
  required, or wrong (or revoked, or in an ``Authorization`` header that cannot carry one)
  anywhere, with ``WWW-Authenticate: Bearer`` and, where Basic credentials are read, the
  pages' Basic challenge, so a browser asks for the key — and takes a token from the
  caller's rate-limit bucket: 429 with ``Retry-After`` when empty. The rule itself is
  :func:`~carelens.service.access_rules.admit` (:mod:`.access_rules`), which the web pages
  (:mod:`carelens.service.pages.access`) follow too: a wrong key takes a token from the
  client address's bucket, so guessing keys is rate limited on every path.
* :class:`BodyLimitMiddleware` refuses bodies over the limit, by ``Content-Length`` or while
  streaming (chunked uploads): 413.
* :class:`UploadGuardMiddleware` answers an upload (``POST /v1/corpora``) that cannot
  succeed before its body is read — FastAPI reads a whole multipart form before the route
  runs: 415 when it is not ``multipart/form-data``, and 503 ``store_unavailable`` with
  ``Retry-After`` when the results database does not answer the health check's probe
  (:meth:`~carelens.service.health.StoreProbe.check_async`: one cheap query, shared with
  concurrent checks, within ``health_timeout``). Only uploads are probed.
* :class:`HeadMiddleware` answers ``HEAD`` as the ``GET`` of the same path would be answered,
  headers only (uptime checks and ``curl -I`` got 405 from every page and ``/v1/health``).

No CORS middleware is installed, so browsers on other origins get no
``Access-Control-Allow-Origin`` and cannot read responses.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING

from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from carelens.service.access_rules import (
    BASIC_CHALLENGE,
    admit,
    authorization_problem,
    is_cross_origin,
    sent_key,
)
from carelens.service.errors import (
    INTERNAL_MESSAGE,
    ApiError,
    error_body,
    error_response,
    log_internal,
    log_store_unavailable,
    logged_path,
    media_type,
    multipart_required,
    redacting,
    request_line,
    store_api_error,
    store_unavailable,
    store_unavailable_error,
)
from carelens.service.ratelimit import RateLimiter
from carelens.service.settings import is_loopback
from carelens.store import StoreError

if TYPE_CHECKING:
    from carelens.service.health import StoreProbe

logger = logging.getLogger("carelens.service.access")
errors_logger = logging.getLogger("carelens.service.errors")

#: Paths that need no key and are not rate limited.
OPEN_PATHS: frozenset[str] = frozenset({"/v1/health"})
#: Headers every response gets, unless it sets its own.
RESPONSE_HEADERS: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    ("Cache-Control", "no-store"),
)


def is_api_path(path: str) -> bool:
    """Whether ``path`` is the API's: ``/v1`` or under it (``/v1x`` is not)."""
    return path == "/v1" or path.startswith("/v1/")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


async def _send_error(
    scope: Scope,
    receive: Receive,
    send: Send,
    status: int,
    code: str,
    message: str,
    headers: dict[str, str] | None = None,
    *,
    challenges: tuple[str, ...] = (),
) -> None:
    response = JSONResponse(error_body(code, message), status_code=status, headers=headers)
    for challenge in challenges:  # one ``WWW-Authenticate`` header each, as browsers read them
        response.headers.append("WWW-Authenticate", challenge)
    await response(scope, receive, send)


class AccessLogMiddleware:
    """One log line per request: method, path, status and duration in milliseconds."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def record_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, record_status)
        finally:
            ms = (time.perf_counter() - start) * 1000
            logger.info("%s %s %d %.1fms", scope["method"], logged_path(scope), status, ms)


class ResponseHeadersMiddleware:
    """:data:`RESPONSE_HEADERS` on every response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in RESPONSE_HEADERS:
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)


class CatchAllMiddleware:
    """Turn any exception a request raises into a 500 ``internal_error`` (no stack trace in
    the response, no exception message in the log: it may quote a text), and a store error
    into the API's answer for it (:func:`~carelens.service.errors.store_api_error`: 503
    ``store_unavailable`` when the database cannot be reached; its message is logged).

    ``page_response`` gives the answer for a request it returns a response for (the web
    pages' HTML error page, given the exception); any other request gets the API's JSON
    error.
    """

    def __init__(
        self,
        app: ASGIApp,
        page_response: Callable[[Scope, Exception], Response | None] | None = None,
    ) -> None:
        self.app = app
        self.page_response = page_response

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            what = request_line(scope)
            unavailable = store_unavailable(exc)
            if unavailable:
                log_store_unavailable(
                    errors_logger, what, exc, redacted=redacting(scope.get("app"))
                )
            else:
                log_internal(errors_logger, f"internal error on {what}", exc)
            if not started:
                page = self.page_response(scope, exc) if self.page_response is not None else None
                if page is not None:
                    await page(scope, receive, send)
                elif unavailable:
                    assert isinstance(exc, StoreError)
                    await error_response(store_api_error(exc))(scope, receive, send)
                else:
                    await _send_error(scope, receive, send, 500, "internal_error", INTERNAL_MESSAGE)


def _host_name(netloc: str) -> str:
    """The host of ``host[:port]`` (IPv6 in brackets kept as ``[::1]``)."""
    if netloc.startswith("["):
        return netloc[: netloc.find("]") + 1] if "]" in netloc else netloc
    return netloc.rsplit(":", 1)[0] if netloc.count(":") == 1 else netloc


class LoopbackGuardMiddleware:
    """On a loopback server, refuse non-loopback ``Host`` names and cross-origin requests.

    ``page_response`` gives the answer for a refusal it returns a response for (the web
    pages' HTML error page, given the request and the API's error); any other request gets
    the API's JSON error.
    """

    def __init__(
        self,
        app: ASGIApp,
        page_response: Callable[[Scope, ApiError], Response | None] | None = None,
    ) -> None:
        self.app = app
        self.page_response = page_response

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = _header(scope, b"host") or ""
        if not is_loopback(_host_name(host)):
            await self._refuse(
                scope,
                receive,
                send,
                ApiError(
                    403,
                    "host_not_allowed",
                    "this server listens on loopback and answers only to localhost, 127.0.0.1 "
                    "or [::1]; use one of those in the URL",
                ),
            )
            return
        if is_cross_origin(_header(scope, b"origin"), host):
            await self._refuse(
                scope,
                receive,
                send,
                ApiError(
                    403,
                    "cross_origin",
                    "requests from web pages on other origins are refused (this API has no "
                    "CORS); call it from a script or the command line",
                ),
            )
            return
        await self.app(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, error: ApiError) -> None:
        page = self.page_response(scope, error) if self.page_response is not None else None
        await (page or error_response(error))(scope, receive, send)


#: How a key is sent, for the 401s' messages (with Basic where a key is required).
_SEND_KEY = "'Authorization: Bearer <secret>' or 'X-API-Key: <secret>'"
_SEND_KEY_BASIC = (
    "'Authorization: Bearer <secret>', 'X-API-Key: <secret>' or HTTP Basic credentials with "
    "the key as the password (curl -u any:<secret>)"
)


class AuthMiddleware:
    """API keys and the per-caller rate limit on ``/v1`` paths (see the module docstring)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        verify_key: Callable[[str], str | None],
        key_required: bool,
        limiter: RateLimiter | None,
    ) -> None:
        self.app = app
        self.verify_key = verify_key
        self.key_required = key_required
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] != "http" or not is_api_path(path) or path in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        # Basic credentials count where a key is required (the pages' rule); elsewhere they
        # are ignored: a browser's or a proxy's own login on a server that needs no key.
        basic = self.key_required
        authorization = _header(scope, b"authorization")
        secret = sent_key(authorization, _header(scope, b"x-api-key"), basic=basic)
        key_id = await run_in_threadpool(self.verify_key, secret) if secret else None
        admission = admit(
            self.limiter,
            address=client[0] if client else "unknown",
            sent=secret is not None,
            key_id=key_id,
            key_required=self.key_required,
        )
        if admission.refused == "missing":
            await _send_error(
                scope,
                receive,
                send,
                401,
                "missing_api_key",
                f"this server requires an API key; send {_SEND_KEY_BASIC} (create one with "
                "`carelens keys create NAME`)",
                challenges=("Bearer", BASIC_CHALLENGE),
            )
            return
        if admission.wait > 0:
            assert self.limiter is not None
            retry = RateLimiter.retry_after(admission.wait)
            await _send_error(
                scope,
                receive,
                send,
                429,
                "rate_limited",
                f"too many requests (limit {self.limiter.per_minute} a minute); retry in {retry} s",
                {"Retry-After": retry},
            )
            return
        if admission.refused == "invalid":
            how = _SEND_KEY_BASIC if basic else f"{_SEND_KEY}, or none (this server needs none)"
            problem = authorization_problem(authorization, basic=basic) if secret == "" else None
            await _send_error(
                scope,
                receive,
                send,
                401,
                "invalid_api_key",
                f"the Authorization header cannot carry an API key: {problem}; send {how}"
                if problem is not None
                else f"the API key is not valid or was revoked; send a current key as {how}",
                challenges=("Bearer", BASIC_CHALLENGE) if basic else ("Bearer",),
            )
            return
        scope.setdefault("state", {})["key_id"] = admission.key_id
        await self.app(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_body`` bytes (``max_upload`` for corpus uploads)."""

    def __init__(self, app: ASGIApp, *, max_body: int, max_upload: int) -> None:
        self.app = app
        self.max_body = max_body
        self.max_upload = max_upload

    @staticmethod
    def is_upload(scope: Scope) -> bool:
        path = str(scope.get("path", "")).rstrip("/")
        return scope.get("method") == "POST" and path == "/v1/corpora"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        upload = self.is_upload(scope)
        limit = self.max_upload if upload else self.max_body
        declared = _header(scope, b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                await _send_error(
                    scope, receive, send, 400, "bad_request", "Content-Length is not a number"
                )
                return
            if size > limit:
                await self._too_large(scope, receive, send, limit, upload)
                return
        received = 0
        exceeded = False
        started = False

        async def limited_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    exceeded = True
                    raise _BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded:
                return  # the app's answer to a cut-off body is replaced by the 413 below
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        with suppress(_BodyTooLarge):
            await self.app(scope, limited_receive, guarded_send)
        if exceeded and not started:
            await self._too_large(scope, receive, send, limit, upload)

    async def _too_large(
        self, scope: Scope, receive: Receive, send: Send, limit: int, upload: bool
    ) -> None:
        what, fix = ("upload", "split the file") if upload else ("request body", "send fewer pairs")
        await _send_error(
            scope,
            receive,
            send,
            413,
            "payload_too_large",
            f"the {what} is larger than the limit of {limit:,} bytes; {fix}",
        )


class UploadGuardMiddleware:
    """Refuse an upload that cannot succeed before reading its body (see the module).

    The route keeps its own checks: a store that fails between the probe and the corpus'
    creation still gets its 503, and the received file is removed.
    """

    def __init__(self, app: ASGIApp, *, probe: StoreProbe) -> None:
        self.app = app
        self.probe = probe

    @staticmethod
    def is_upload(scope: Scope) -> bool:
        # Exactly the route's path: ``/v1/corpora/`` is redirected, and guarded when it comes
        # back.
        return (
            scope["type"] == "http"
            and scope.get("method") == "POST"
            and scope.get("path") == "/v1/corpora"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.is_upload(scope):
            await self.app(scope, receive, send)
            return
        if media_type(_header(scope, b"content-type")) != "multipart/form-data":
            await error_response(multipart_required())(scope, receive, send)
            return
        if not await self.probe.check_async():
            errors_logger.warning(
                "POST /v1/corpora: the results database cannot be reached; the upload was "
                "refused before its body was read"
            )
            await error_response(store_unavailable_error())(scope, receive, send)
            return
        await self.app(scope, receive, send)


class HeadMiddleware:
    """``HEAD`` is routed as ``GET`` and answered with the ``GET`` response's status and
    headers (``Content-Length`` included) but no body; a path without ``GET`` still answers
    405. Innermost, so a ``HEAD`` passes the same key, rate-limit and host checks."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)
