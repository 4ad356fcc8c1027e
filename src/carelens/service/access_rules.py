"""The access rules the API's middleware and the web pages share.

:func:`is_cross_origin` tells a request sent by a page on another site (its ``Origin`` names
another host than its ``Host``), and :func:`admit` decides, once the key a request sent has
been checked, whether it may go on as far as keys and the rate limit go. Neither reads a
request: the middleware (:mod:`.middleware`) and the pages (:mod:`.pages.access`) each take
the headers from their own kind of request, and answer a refusal in their own way.
"""

from __future__ import annotations

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
