"""The ``/v1/corpora`` endpoints: upload a file to analyse, follow it, page its results, delete it.

An upload is received under the settings' ``uploads_dir`` (:mod:`.uploads`), becomes a
``queued`` corpus in the store and is queued for the corpus worker (:mod:`.worker`). Its form
is checked beyond what pydantic checks (:func:`check_upload_fields`): a field it does not
take, a second ``file`` or ``format`` and a ``file`` sent as text are refused (422), as the
OpenAPI document says (the body's description, :data:`UPLOAD_FORM_RULES`, and its schema's
``additionalProperties: false``, :func:`~carelens.service.schemas.tailor_openapi`). A
Parquet upload is checked before it becomes a corpus, without reading a row, as its analysis
would check it under the server's unpacked limit (:func:`_check_parquet`: 413 when it
unpacks to more, 400 naming a column of lists). The results' query rules that the schema
cannot state (known dimensions, ``min_level`` without ``dimension``, dates) are each refused
as a 422 naming its field. :data:`router` is included in
:data:`carelens.service.routes.router`, under its ``/v1`` prefix.
"""

from __future__ import annotations

import difflib
import logging
import re
import shutil
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse

from carelens.errors import FormatDetectionError, InputError, MissingExtraError
from carelens.readers import SUPPORTED_FORMATS, detect_format
from carelens.readers.base import UnpackedLimitError, unpacked_limit
from carelens.readers.helpers import HelperPatterns
from carelens.readers.parquet import check_parquet
from carelens.readers.quoting import clip, quote
from carelens.service import failures, uploads
from carelens.service.context import Ctx
from carelens.service.errors import ApiError, invalid_request
from carelens.service.failures import MAX_ERROR_CHARS
from carelens.service.jobs import too_large_unpacked
from carelens.service.route_common import error_responses, require_multipart
from carelens.service.schemas import (
    MAX_HELPER_PATTERNS,
    MAX_PAGE,
    CorpusList,
    CorpusOut,
    HelperPattern,
    ResultsPage,
)
from carelens.store import Corpus, InvalidQueryError
from carelens.store.base import MAX_SEQ, normalize_timestamp
from carelens.types import MAX_ID_CHARS

# The log of every /v1 route, whichever module holds it.
logger = logging.getLogger("carelens.service.routes")

#: The schema of ``since`` and ``until``: a date or a date and time.
ISO_DATE_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]
}

router = APIRouter()

#: The most characters of an unknown form field's name that an error's ``field`` keeps.
MAX_FIELD_CHARS = 100


def corpus_out(corpus: Corpus) -> CorpusOut:
    """A store corpus as the API shows it, with ``progress``. ``rejected`` is null, like
    ``total`` and ``left_out``, until the file has been counted (the store keeps 0 until
    then, and sets the three together)."""
    data: dict[str, Any] = dict(corpus.to_dict())
    total, done = data.get("total"), int(data.get("done") or 0)
    if total is None:
        data["rejected"] = None
        progress = 1.0 if data.get("status") == "done" else None
    elif total <= 0:
        progress = 1.0 if data.get("status") == "done" else 0.0
    else:
        progress = min(1.0, done / total)
    data["done"] = done
    data["progress"] = None if progress is None else round(progress, 4)
    return CorpusOut.model_validate(data)


#: The start and end of a format detection error (:func:`~carelens.readers.detect_format`)
#: that an upload's 415 says in its own words: the command line's advice (``--format``).
_DETECTION_START = re.compile(r"^cannot detect the input format:\s*", re.IGNORECASE)
_DETECTION_ADVICE = re.compile(r"\.?\s*Supported formats:[^;]*; pass one with --format\.?\s*$")


def detection_reason(reason: str) -> str:
    """Why detection could not tell a file's format, without what the message around it
    says for the upload (its start, "cannot detect the input format: ") and without the
    command line's advice (the formats, "pass one with --format")."""
    return _DETECTION_ADVICE.sub("", _DETECTION_START.sub("", reason.strip()))


def _corpus_or_404(ctx: Ctx, corpus_id: str) -> Corpus:
    corpus = ctx.store.get_corpus(corpus_id)
    if corpus is None:
        raise ApiError(
            404,
            "corpus_not_found",
            f"no corpus with id {corpus_id!r}; list the corpora with GET /v1/corpora",
        )
    return corpus


#: The form fields of an upload (``helper`` may be repeated, each naming one pattern).
UPLOAD_FIELDS = ("file", "format", "helper")
#: The fields an upload takes once, and what to do when one is sent more often.
SINGLE_FIELDS = {
    "file": "send one file per upload (upload each file on its own)",
    "format": "send format once",
}


#: What the OpenAPI document says of the upload's form (its body's ``description``), beside
#: ``additionalProperties: false`` (:func:`~carelens.service.schemas.tailor_openapi`).
UPLOAD_FORM_RULES = (
    f"A form with the fields {', '.join(UPLOAD_FIELDS[:-1])} and {UPLOAD_FIELDS[-1]} only "
    "(repeat helper for more patterns). Any other field (helpers for helper, say), a second "
    f"{' or '.join(SINGLE_FIELDS)}, and a file sent as text instead of as a file are refused "
    "with 422 invalid_request naming the field, before the file is stored."
)


async def check_upload_fields(request: Request) -> None:  # async: the form is parsed already
    """Refuse what the form's schema lets pass but the upload would not use: a field it does
    not take (``helpers`` for ``helper`` was ignored, and every response analysed), named
    with the fields it takes and the one meant; a second ``file`` or ``format`` (one was
    dropped); and a ``file`` sent as text, not as a file (``-F file=name``, no ``@``)."""
    form = await request.form()
    names = [name for name, _ in form.multi_items()]
    for name in dict.fromkeys(names):
        if name not in UPLOAD_FIELDS:
            close = difflib.get_close_matches(name.casefold(), UPLOAD_FIELDS, n=1)
            raise invalid_request(
                clip(name, MAX_FIELD_CHARS),
                "unknown field",
                f"the fields of an upload are {', '.join(UPLOAD_FIELDS[:-1])} and "
                f"{UPLOAD_FIELDS[-1]}" + (f" (did you mean {quote(close[0])}?)" if close else ""),
            )
    for name, fix in SINGLE_FIELDS.items():
        if names.count(name) > 1:
            raise invalid_request(name, f"sent {names.count(name)} times", fix)
    if isinstance(form.get("file"), str):
        raise invalid_request(
            "file",
            "sent as text, not as a file",
            "send the file as a file part: -F file=@PATH",
        )


@router.post(
    "/corpora",
    tags=["corpora"],
    summary="Upload a conversation file to analyse in the background",
    status_code=202,
    response_model=CorpusOut,
    responses=error_responses(400, 413, 415, 422),
    dependencies=[Depends(require_multipart), Depends(check_upload_fields)],
    openapi_extra={"requestBody": {"description": UPLOAD_FORM_RULES}},
)
def upload_corpus(
    ctx: Ctx,
    response: Response,
    file: Annotated[UploadFile, File(description="csv, jsonl, reddit (.zst) or wxr file")],
    format: Annotated[
        str | None,
        Form(
            description=f"one of {', '.join(SUPPORTED_FORMATS)} (detected)",
            json_schema_extra={"enum": list(SUPPORTED_FORMATS)},
        ),
    ] = None,
    helper: Annotated[
        list[HelperPattern] | None,
        Form(
            max_length=MAX_HELPER_PATTERNS,
            description="analyse only the responses of the speakers that match one of these "
            "names or patterns (repeat the field; * and ? match any characters, case is "
            "ignored); the others are counted as left_out",
        ),
    ] = None,
) -> CorpusOut:
    """Store the file, create the corpus (``queued``) and queue it for analysis; follow it
    with ``GET /v1/corpora/{id}``. With ``helper`` fields only the responses of those
    speakers are analysed, as ``carelens analyze --helper``. The form takes no other field,
    and ``file`` and ``format`` once: an unknown or repeated field is refused (422
    ``invalid_request`` naming it)."""
    if format is not None and format not in SUPPORTED_FORMATS:
        raise invalid_request(
            "format",
            f"unknown format {quote(format)}",
            f"use one of {', '.join(SUPPORTED_FORMATS)} or leave it out to detect it",
        )
    # Each pattern was checked as a form field (not empty, not too long): stripped, without
    # repeats, as the CLI keeps them.
    helpers = HelperPatterns(helper or ()).patterns
    name = uploads.safe_filename(
        uploads.redacted_filename(file.filename) if ctx.settings.redact else file.filename
    )
    root = ctx.settings.uploads_dir
    received, size = uploads.receive(file.file, root, name)
    try:
        if size == 0:
            raise ApiError(
                422, "empty_file", "the uploaded file is empty; upload a file with pairs"
            )
        if format is None:
            detect_limit = min(ctx.settings.unpacked_limit, uploads.DETECT_UNPACKED_BYTES)
            try:
                with unpacked_limit(detect_limit):
                    format = detect_format(received, name=name)
            except UnpackedLimitError as exc:
                raise ApiError(
                    415,
                    "unsupported_format",
                    f"cannot tell the format of {name!r}: its first {exc.limit:,} unpacked "
                    f"bytes hold no record to tell it by; send 'format' "
                    f"({', '.join(SUPPORTED_FORMATS)})",
                ) from exc
            except FormatDetectionError as exc:
                reason = clip(detection_reason(exc.reason), MAX_ERROR_CHARS)
                raise ApiError(
                    415,
                    "unsupported_format",
                    f"cannot tell the format of {name!r} ({reason}); name the file with "
                    f"its extension or send 'format' ({', '.join(SUPPORTED_FORMATS)})",
                ) from exc
            except InputError as exc:
                reason = clip(exc.reason, MAX_ERROR_CHARS)
                raise ApiError(422, "unreadable_file", f"{name!r}: {reason}") from exc
        if format == "parquet":
            _check_parquet(received, name, ctx.settings.unpacked_limit, redact=ctx.settings.redact)
        corpus = ctx.store.create_corpus(
            name, format=format, helpers=helpers, upload_folder=ctx.worker.job.upload_folder
        )
    except BaseException:
        uploads.discard(received)
        raise
    try:
        uploads.place(received, root, corpus.id, name)
    except OSError:
        uploads.discard(received)
        ctx.store.set_status(corpus.id, "failed", error="the server could not store the upload")
        raise
    ctx.worker.submit(corpus.id)
    logger.info(
        "corpus %s: %d bytes received as %s%s",
        corpus.id,
        size,
        format,
        f", {len(helpers)} helper pattern(s)" if helpers else "",
    )
    response.headers["Location"] = f"/v1/corpora/{corpus.id}"
    return corpus_out(corpus)


def _check_parquet(path: Path, name: str, limit: int, *, redact: bool) -> None:
    """Refuse a Parquet upload, before it becomes a corpus, that its analysis would refuse
    before reading a row (:func:`~carelens.readers.parquet.check_parquet`): 413
    ``payload_too_large`` when it unpacks to more than ``limit`` bytes by its metadata or
    its pages' headers, or its rows alone decode to more; 400 ``unsupported_column`` naming
    a column of lists or maps; 422 ``unreadable_file`` when it is no readable Parquet file.
    Without pyarrow (the ``parquet`` extra) it is left to the analysis, which says so."""
    try:
        check_parquet(path, limit)
    except MissingExtraError:
        return
    except UnpackedLimitError as exc:
        raise ApiError(413, "payload_too_large", too_large_unpacked(name, exc.limit)) from exc
    except InputError as exc:
        message = failures.bounded(failures.unreadable(name, exc), redacted=redact)
        if exc.field is not None:
            raise ApiError(400, "unsupported_column", message) from exc
        raise ApiError(422, "unreadable_file", message) from exc


@router.get(
    "/corpora",
    tags=["corpora"],
    summary="List corpora",
    response_model=CorpusList,
    responses=error_responses(),
)
def list_corpora(ctx: Ctx) -> CorpusList:
    """Every corpus, with its status and progress."""
    return CorpusList(corpora=[corpus_out(c) for c in ctx.store.list_corpora()])


@router.get(
    "/corpora/{corpus_id}",
    tags=["corpora"],
    summary="A corpus' status and progress",
    response_model=CorpusOut,
    responses=error_responses(404),
)
def get_corpus(ctx: Ctx, corpus_id: str) -> CorpusOut:
    """``status`` (queued, running, done, failed), ``done`` of ``total`` pairs, ``rejected``
    input records, ``progress`` (0-1) and ``error`` when it failed."""
    return corpus_out(_corpus_or_404(ctx, corpus_id))


@router.delete(
    "/corpora/{corpus_id}",
    tags=["corpora"],
    summary="Delete a corpus, its results and its uploaded file",
    status_code=204,
    response_class=Response,
    responses=error_responses(404),
)
def delete_corpus(ctx: Ctx, corpus_id: str) -> Response:
    """Removes everything the server keeps about the corpus; an analysis in progress stops
    at its next chunk."""
    _corpus_or_404(ctx, corpus_id)
    # Once the store's deletion has committed, the corpus is gone (a failure to tidy the
    # search index afterwards is the store's to retry): its upload goes with it. A deletion
    # that fails raises before, and leaves both for a retry.
    ctx.store.delete_corpus(corpus_id)
    shutil.rmtree(uploads.corpus_dir(ctx.settings.uploads_dir, corpus_id), ignore_errors=True)
    return Response(status_code=204)


@router.get(
    "/corpora/{corpus_id}/results",
    tags=["corpora"],
    summary="A page of a corpus' results, optionally filtered",
    response_model=ResultsPage,
    responses=error_responses(404, 422),
)
def corpus_results(
    ctx: Ctx,
    corpus_id: str,
    offset: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    style: Annotated[str | None, Query(max_length=100)] = None,
    helper: Annotated[
        str | None, Query(max_length=MAX_ID_CHARS, description="the response's speaker")
    ] = None,
    dimension: Annotated[str | None, Query(max_length=100)] = None,
    min_level: Annotated[int | None, Query(ge=0, le=2, description="needs dimension")] = None,
    since: Annotated[
        str | None,
        Query(description="ISO 8601; timestamp >= since", json_schema_extra=ISO_DATE_SCHEMA),
    ] = None,
    until: Annotated[
        str | None,
        Query(description="ISO 8601; timestamp < until", json_schema_extra=ISO_DATE_SCHEMA),
    ] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="text search")] = None,
    topic: Annotated[
        str | None, Query(max_length=200, description="the seeker message's topic category")
    ] = None,
    attention: Annotated[
        Literal["any", "crisis", "unsafe"] | None,
        Query(
            description="results a person should read: crisis cues in the seeker message "
            "(crisis), unsafe wording in the reply (unsafe), or either (any)"
        ),
    ] = None,
) -> JSONResponse:
    """Results in input order (``seq``); ``next_offset`` is the ``offset`` of the next page,
    null on the last one."""
    _corpus_or_404(ctx, corpus_id)
    _check_filters(tuple(ctx.analyzer.dimensions), dimension, min_level, since, until)
    try:
        page = ctx.store.results(
            corpus_id,
            offset=offset,
            limit=limit,
            style=style,
            helper=helper,
            dimension=dimension,
            min_level=min_level,
            since=since,
            until=until,
            query=q,
            topic=topic,
            attention=attention,
        )
    except InvalidQueryError as exc:  # checked above; the store's own word, should it differ
        raise invalid_request(_query_field(str(exc)), str(exc), QUERY_FIX) from exc
    items = list(page.items)
    end = offset + len(items)
    return JSONResponse(
        {
            "items": items,
            "total": page.total,
            "offset": offset,
            "limit": limit,
            "next_offset": end if items and end < page.total else None,
        }
    )


#: What a 422 about the results' query asks the client to do.
QUERY_FIX = "fix the query and try again"


def _check_filters(
    dimensions: tuple[str, ...],
    dimension: str | None,
    min_level: int | None,
    since: str | None,
    until: str | None,
) -> None:
    """The rules of the results' query that the schema cannot state, each refused under its
    field's name (the store would refuse them too, but its error names no field)."""
    if dimension is not None and dimension not in dimensions:
        raise invalid_request(
            "dimension",
            f"unknown dimension {quote(dimension)}",
            f"use one of {', '.join(dimensions)}",
        )
    if min_level is not None and dimension is None:
        raise invalid_request(
            "min_level",
            "needs a dimension",
            f"add dimension (one of {', '.join(dimensions)}) or leave min_level out",
        )
    for name, value in (("since", since), ("until", until)):
        if value is not None and normalize_timestamp(value) is None:
            raise invalid_request(
                name,
                f"{quote(value)} is not an ISO 8601 date or date and time",
                "send a date such as 2024-12-03 or 2024-12-03T20:01:00+00:00",
            )


def _query_field(message: str) -> str:
    """The query parameter a store's :class:`~carelens.store.InvalidQueryError` is about: its
    messages start with the argument's name (``since='x' is not...``); ``query`` is ``q``."""
    match = re.match(r"[a-z_]+", message)
    name = match.group() if match else "query"
    return "q" if name == "query" else name
