"""What the ``/v1`` route modules (:mod:`.routes`, :mod:`.corpora_routes`) share.

:func:`error_responses` lists the error answers an operation documents in the OpenAPI
schema, with those any ``/v1`` request may get; :func:`require_json` and
:func:`require_multipart`, run as route dependencies, refuse a body sent as another media
type (415).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from carelens.service.errors import ApiError, media_type, multipart_required
from carelens.service.schemas import ErrorOut

#: The ``Retry-After`` header of 429 and 503 answers, as the schema documents it.
RETRY_AFTER: dict[str, Any] = {
    "Retry-After": {
        "description": "seconds to wait before sending the request again",
        "schema": {"type": "integer", "minimum": 0},
    }
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error answers of an operation: ``statuses``, plus those any ``/v1`` request may
    get (401 and 429 from the key check, 500, and 503 ``store_unavailable`` when the store
    cannot be reached, even only to check the key)."""
    responses: dict[int | str, dict[str, Any]] = {
        status: {"model": ErrorOut} for status in (*statuses, 401, 429, 500, 503)
    }
    for status in (429, 503):
        responses[status]["headers"] = RETRY_AFTER
    return responses


async def require_json(request: Request) -> None:  # async: no thread hop per request
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json" and not content_type.endswith("+json"):
        raise ApiError(
            415,
            "unsupported_media_type",
            "send the pairs as JSON with 'Content-Type: application/json'",
        )


async def require_multipart(request: Request) -> None:  # async: no thread hop
    # UploadGuardMiddleware refuses these before the body is read; this check stays for an
    # app served without it.
    if media_type(request.headers.get("content-type")) != "multipart/form-data":
        raise multipart_required()
