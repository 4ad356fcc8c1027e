"""The access rules the API's middleware and the web pages share.

:func:`is_cross_origin` tells a request sent by a page on another site (its ``Origin`` names
another host than its ``Host``), :func:`sent_key` takes the API key a request sent from its
headers (an empty key is none; HTTP Basic credentials are read where the server requires a
key, and ignored elsewhere), :func:`authorization_problem` says why an ``Authorization``
header cannot carry one, and :func:`admit` decides, once that key has been checked,
whether the request may go on as far as keys and the rate limit go. None of them reads a
request: the middleware (:mod:`.middleware`) and the pages (:mod:`.pages.access`) each take
the headers from their own kind of request, and answer a refusal in their own way (a 401
where Basic credentials are read carries :data:`BASIC_CHALLENGE`, so a browser asks for the
key).
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


#: The challenge of a 401 where HTTP Basic credentials are read: it makes a browser ask for
#: the key (the password; the user name is ignored), for the pages and the API alike.
BASIC_CHALLENGE = 'Basic realm="carelens (API key as password)", charset="UTF-8"'


def sent_key(authorization: str | None, api_key: str | None, *, basic: bool) -> str | None:
    """The API key a request sent, from its ``Authorization`` and ``X-API-Key`` headers: a
    Bearer token, else (with ``basic``: where the server requires a key) the password of
    HTTP Basic authentication (its user name when the password is empty), else
    ``X-API-Key``. Without ``basic`` a Basic header is ignored, whatever it holds: where no
    key is needed it is most likely a browser's or a proxy's own login, not a key.

    None when no key was sent: an empty key is none, whether an empty or whitespace-only
    header, a Bearer token or Basic credentials with nothing in them, or an empty
    ``X-API-Key``. "" (a wrong key) for an ``Authorization`` header that cannot carry a key
    (another scheme, or Basic credentials that :func:`authorization_problem` explains) when
    no ``X-API-Key`` is sent either.

    The one rule of the API's middleware and of the pages
    (:func:`carelens.service.pages.access.page_secret`).
    """
    key, problem = _authorization_key(authorization, basic=basic)
    if key:
        return key
    if api_key is not None and api_key.strip():
        return api_key.strip()
    return "" if problem is not None else None


def authorization_problem(authorization: str | None, *, basic: bool) -> str | None:
    """Why an ``Authorization`` header cannot carry a key, for a 401's message (as
    :func:`sent_key` reads it with ``basic``): another scheme than Bearer or Basic, or Basic
    credentials that are not base64, not UTF-8 text or have no ``:`` between the user name
    and the password. None when it can, or is not there."""
    return _authorization_key(authorization, basic=basic)[1]


def _authorization_key(authorization: str | None, *, basic: bool) -> tuple[str | None, str | None]:
    """The key in an ``Authorization`` header ("" or None when it holds none) and, when it
    cannot hold one, why (None when it can)."""
    if authorization is None or not authorization.strip():
        return None, None
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    if scheme.lower() == "bearer":
        return token, None
    if scheme.lower() != "basic":
        return None, f"its scheme {scheme[:20]!r} carries no key here"
    if not basic:
        return None, None  # ignored where no key is needed (see :func:`sent_key`)
    return _basic_key(token) if token else ("", None)


def _basic_key(token: str) -> tuple[str | None, str | None]:
    """The key in HTTP Basic credentials ``token``: the password, or the user name when the
    password is empty ("" when both are); else None and why the credentials are malformed
    (RFC 7617: base64 of ``user:password`` in UTF-8, as the challenge asks)."""
    try:
        raw = base64.b64decode(token, validate=True)
    except binascii.Error:
        return None, "its Basic credentials are not base64"
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "its Basic credentials are not UTF-8 text"
    user, colon, password = decoded.partition(":")
    if not colon:
        return None, "its Basic credentials have no ':' between a user name and the key"
    return password.strip() or user.strip(), None


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
