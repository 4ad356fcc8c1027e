"""Who may see the pages: the API's keys and rate limit, asked the way a browser can answer.

The API middleware guards ``/v1`` paths only; the pages show stored conversations, so they
get the same rules through :func:`page_access`, a dependency of every page route:

* where the server requires a key (off loopback, or ``--require-key``), a page needs a live
  API key, sent as the password of HTTP Basic authentication (the browser asks for it
  once; the user name is ignored) or, from scripts, as ``Authorization: Bearer`` or
  ``X-API-Key``: 401 with ``WWW-Authenticate: Basic`` otherwise (the API reads Basic
  credentials too, so a browser that has the key for the pages opens ``/v1`` paths);
* a key that is sent is checked on every server, as the API checks it: a wrong or revoked
  one is a 401 page on loopback without ``--require-key`` too (with ``WWW-Authenticate:
  Bearer``: there Basic credentials are ignored, as the API ignores them, since they are
  most likely a browser's or a proxy's own login). An empty key (an empty
  ``X-API-Key`` or Bearer token, Basic credentials with an empty user name and password, a
  whitespace-only header) is no key, as in the API: a page on loopback without
  ``--require-key``, "API key needed" where a key is required, never a wrong key;
* every page request takes a token from the caller's rate-limit bucket (the same buckets
  as the API): 429 with ``Retry-After`` when empty. The rule is the API's own,
  :func:`carelens.service.access_rules.admit`: a wrong key takes a token from the client
  address's bucket before its 401, so guessing a key through the pages is slowed down (429)
  exactly as through the API, and a request without a key where one is needed is a 401
  that does not count;
* a form post whose ``Origin`` is another site is refused (403), on any address (on
  loopback the guard middleware already does this for every request), by the guard's own
  rule and before the form is read (the coach reads its form after this check).

Static files (style sheets, the coach script) need nothing: they hold no data.
"""

from __future__ import annotations

from fastapi import Request

from carelens.service.access_rules import (
    BASIC_CHALLENGE,
    admit,
    authorization_problem,
    is_cross_origin,
    sent_key,
)
from carelens.service.context import get_context
from carelens.service.pages.layout import PageError
from carelens.service.ratelimit import RateLimiter


def page_secret(request: Request, *, basic: bool) -> str | None:
    """The API key a page request carries: a Bearer token, a Basic password (the user name
    when the password is empty; with ``basic``, where the server requires a key) or
    ``X-API-Key``; "" for an ``Authorization`` header that cannot carry one (a wrong key);
    None when it carries none. An empty key is none, as in the API: the rule is
    :func:`~carelens.service.access_rules.sent_key`."""
    headers = request.headers
    return sent_key(headers.get("authorization"), headers.get("x-api-key"), basic=basic)


def page_access(request: Request) -> None:
    """Check the key (any key sent, and one where it is required) and the rate limit of a
    page request, by the API's rule (:func:`~carelens.service.access_rules.admit`)."""
    ctx = get_context(request)
    basic = ctx.settings.key_required  # Basic credentials are read where a key is required
    secret = page_secret(request, basic=basic)
    limiter = getattr(request.app.state, "limiter", None)
    admission = admit(
        limiter if isinstance(limiter, RateLimiter) else None,
        address=request.client.host if request.client else "unknown",
        sent=secret is not None,
        key_id=ctx.store.verify_key(secret) if secret else None,
        key_required=ctx.settings.key_required,
    )
    if admission.refused == "missing":
        raise PageError(
            401,
            "API key needed",
            "This server asks for an API key. Enter it as the password when your browser "
            "asks (any user name); create one with `carelens keys create NAME`.",
            headers={"WWW-Authenticate": BASIC_CHALLENGE},
        )
    if admission.wait > 0:
        assert isinstance(limiter, RateLimiter)
        retry = RateLimiter.retry_after(admission.wait)
        raise PageError(
            429,
            "Too many requests",
            f"This server allows {limiter.per_minute} requests a minute; wait {retry} s "
            "and reload the page.",
            headers={"Retry-After": retry},
        )
    if admission.refused == "invalid":
        problem = authorization_problem(request.headers.get("authorization"), basic=basic)
        what = (
            f"The Authorization header cannot carry an API key: {problem}."
            if secret == "" and problem is not None
            else "This API key is not valid or was revoked."
        )
        if not basic:  # no Basic challenge where Basic credentials are ignored
            raise PageError(
                401,
                "API key not valid",
                f"{what} This server needs no key: send a current one, or none.",
                headers={"WWW-Authenticate": "Bearer"},
            )
        raise PageError(
            401,
            "API key needed",
            f"{what} Enter a current key as the password when your browser asks (any user "
            "name); create one with `carelens keys create NAME`.",
            headers={"WWW-Authenticate": BASIC_CHALLENGE},
        )


def same_origin_post(request: Request) -> None:
    """Refuse a form post sent from a page on another site (403), by the loopback guard's
    rule (:func:`~carelens.service.access_rules.is_cross_origin`). It reads headers only: a
    route that reads its form itself, after this check, refuses it unread."""
    if is_cross_origin(request.headers.get("origin"), request.headers.get("host", "")):
        raise PageError(
            403,
            "Not allowed",
            "This form can only be sent from the carelens pages themselves.",
        )
