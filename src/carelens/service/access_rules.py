"""The access rules the API's middleware and the web pages share.

:func:`is_cross_origin` tells a request sent by a page on another site (its ``Origin`` names
another host than its ``Host``), :func:`sent_key` takes the API key a request sent from its
headers (an empty key is none), and :func:`admit` decides, once that key has been checked,
whether the request may go on as far as keys and the rate limit go. None of them reads a
request: the middleware (:mod:`.middleware`) and the pages (:mod:`.pages.access`) each take
the headers from their own kind of request, and answer a refusal in their own way.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from carelens.service.ratelimit import RateLimiter


def is_cross_origin(origin: str | None, host: str) -> bool:
    """True when a request's ``Origin`` header names another site than its ``Host``: a page
    elsewhere sent it. No ``Origin`` (a script, ``curl``, a same-origin ``GET``) is not.

    The one rule of the loopback guard and of the coach's form
    (:func:`carelens.service.pages.access.same_origin_post`).
    """
    return origin is not None and urlsplit(origin).netloc.lower() != host.lower()


def sent_key(authorization: str | None, api_key: str | None, *, basic: bool = False) -> str | None:
    """The API key a request sent, from its ``Authorization`` and ``X-API-Key`` headers: a
    Bearer token, else (with ``basic``, as the pages read it) the password of HTTP Basic
    authentication (its user name when the password is empty), else ``X-API-Key``.

    None when no key was sent: an empty key is none, whether an empty or whitespace-only
    header, a Bearer token or Basic credentials with nothing in them, or an empty
    ``X-API-Key``. "" (a wrong key) for an ``Authorization`` header that cannot carry a key
    (another scheme, Basic where ``basic`` is off, Basic credentials that are not base64 of
    UTF-8) when no ``X-API-Key`` is sent either.

    The one rule of the API's middleware and of the pages
    (:func:`carelens.service.pages.access.page_secret`).
    """
    unusable = False
    if authorization is not None and authorization.strip():
        scheme, _, token = authorization.strip().partition(" ")
        scheme, token = scheme.lower(), token.strip()
        if scheme == "bearer" or (basic and scheme == "basic"):
            key = token if scheme == "bearer" or not token else _basic_key(token)
            if key:
                return key
            unusable = key is None  # Basic credentials that are not base64 of UTF-8
        else:
            unusable = True  # a scheme that carries no key here
    if api_key is not None and api_key.strip():
        return api_key.strip()
    return "" if unusable else None


def _basic_key(token: str) -> str | None:
    """The key in HTTP Basic credentials ``token``: the password, or the user name when the
    password is empty ("" when both are); None when they are not base64 of UTF-8."""
    try:
        decoded = base64.b64decode(token, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, _, password = decoded.partition(":")
    return password.strip() or user.strip()


@dataclass(frozen=True, slots=True)
class Admission:
    """What :func:`admit` decided for a request.

    ``refused`` is ``"missing"`` (no key where one is required) or ``"invalid"`` (a wrong or
    revoked key), None when the request may go on as far as keys go; ``wait`` is the seconds
    until the caller's bucket has a token (0.0 when the request took one, or was not
    counted). A request is answered 401 for a missing key, else 429 when ``wait`` > 0, else
    401 for an invalid key, else it goes on (``key_id`` is its key, or None).
    """

    key_id: str | None = None
    refused: Literal["missing", "invalid"] | None = None
    wait: float = 0.0


def admit(
    limiter: RateLimiter | None,
    *,
    address: str,
    sent: bool,
    key_id: str | None,
    key_required: bool,
) -> Admission:
    """The access rule of the API and the pages, once the key sent has been checked.

    ``sent`` says whether the request carried a key (an unusable ``Authorization`` header
    counts as a wrong key) and ``key_id`` is that key's id when it is live. A wrong key is
    refused, and takes a token from the client address's bucket first, so guessing keys is
    rate limited (429 once that bucket is empty); no key where one is required is refused
    without counting; any other request takes a token from its key's bucket, or from the
    address's without a key. ``address`` is the client's host.
    """
    bucket = f"ip:{address}"
    if sent and key_id is None:
        return Admission(refused="invalid", wait=_take(limiter, bucket))
    if not sent and key_required:
        return Admission(refused="missing")
    return Admission(key_id=key_id, wait=_take(limiter, f"key:{key_id}" if key_id else bucket))


def _take(limiter: RateLimiter | None, bucket: str) -> float:
    return 0.0 if limiter is None else limiter.take(bucket)
