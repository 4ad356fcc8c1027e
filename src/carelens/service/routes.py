"""The ``/v1`` endpoints: analyse pairs, upload and follow corpora, page their results, health.

Routes are thin: they validate what pydantic cannot (limits from the settings, content types,
known dimensions, ``min_level`` without ``dimension``, dates; each a 422 naming its field,
as a validation error does), call the analyzer, the store or the worker, and shape the
answer.
Records are returned exactly as :func:`~carelens.output.result_record` builds them. Every
failure is an :class:`~carelens.service.errors.ApiError` (see :mod:`.errors` for the shape).
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from carelens._version import __version__
from carelens.errors import FormatDetectionError, InputError
from carelens.output import result_record
from carelens.readers import SUPPORTED_FORMATS, detect_format
from carelens.readers.helpers import HelperPatterns
from carelens.readers.quoting import clip, quote
from carelens.service import uploads
from carelens.service.batcher import BatcherClosed
from carelens.service.context import Ctx
from carelens.service.errors import (
    STORE_RETRY_AFTER_S,
    ApiError,
    invalid_request,
    media_type,
    multipart_required,
)
from carelens.service.failures import MAX_ERROR_CHARS
from carelens.service.schemas import (
    MAX_HELPER_PATTERNS,
    MAX_PAGE,
    AnalyzeBatchResponse,
    AnalyzeRequest,
    CorpusList,
    CorpusOut,
    ErrorOut,
    Health,
    HealthChecks,
    HealthOut,
    HelperPattern,
    ModelOut,
    PairIn,
    ResultRecord,
    ResultsPage,
)
from carelens.store import Corpus, InvalidQueryError
from carelens.store.base import MAX_SEQ, normalize_timestamp
from carelens.types import MAX_ID_CHARS, Exchange, ResponseAnalysis, Turn

logger = logging.getLogger(__name__)

#: The schema of ``since`` and ``until``: a date or a date and time.
ISO_DATE_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]
}
#: Model card file names looked for in the model folder, in order.
MODEL_CARD_NAMES: tuple[str, ...] = ("model-card.md", "MODEL_CARD.md", "README.md")


#: The ``Retry-After`` header of 429 and 503 answers, as the schema documents it.
RETRY_AFTER: dict[str, Any] = {
    "Retry-After": {
        "description": "seconds to wait before sending the request again",
        "schema": {"type": "integer", "minimum": 0},
    }
}


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error answers of an operation: ``statuses``, plus those any ``/v1`` request may
    get (401 and 429 from the key check, 500, and 503 ``store_unavailable`` when the store
    cannot be reached, even only to check the key)."""
    responses: dict[int | str, dict[str, Any]] = {
        status: {"model": ErrorOut} for status in (*statuses, 401, 429, 500, 503)
    }
    for status in (429, 503):
        responses[status]["headers"] = RETRY_AFTER
    return responses


async def _require_json(request: Request) -> None:  # async: no thread hop per request
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json" and not content_type.endswith("+json"):
        raise ApiError(
            415,
            "unsupported_media_type",
            "send the pairs as JSON with 'Content-Type: application/json'",
        )


async def _require_multipart(request: Request) -> None:  # async: no thread hop
    # UploadGuardMiddleware refuses these before the body is read; this check stays for an
    # app served without it.
    if media_type(request.headers.get("content-type")) != "multipart/form-data":
        raise multipart_required()


router = APIRouter(prefix="/v1")


# -- analysis ---------------------------------------------------------------------------------


def _exchange(pair: PairIn, position: int) -> Exchange:
    pair_id = pair.id if pair.id is not None else str(position)
    return Exchange(
        seeker=Turn(id=pair_id, text=pair.seeker),
        response=Turn(id=pair_id, text=pair.response, reply_to=pair_id),
    )


@router.post(
    "/analyze",
    tags=["analysis"],
    summary="Analyse one pair or a batch of pairs",
    response_model=ResultRecord | AnalyzeBatchResponse,
    responses=_errors(400, 413, 415, 422),
    dependencies=[Depends(_require_json)],
)
async def analyze(body: AnalyzeRequest, ctx: Ctx) -> JSONResponse:
    """Score responses. ``{"seeker", "response"}`` returns one record; ``{"pairs": [...]}``
    returns ``{"results": [record, ...], "model"}`` in request order. Records are those of
    ``carelens analyze``; ``seeker_id`` and ``response_id`` are the pair's ``id`` (its
    0-based position when it has none)."""
    pairs = body.as_pairs()
    limit = ctx.settings.max_batch
    if len(pairs) > limit:
        raise ApiError(
            413,
            "too_many_pairs",
            f"{len(pairs)} pairs in one request; send at most {limit}, or upload a file to "
            "POST /v1/corpora",
        )
    exchanges = [_exchange(p, i) for i, p in enumerate(pairs)]
    try:  # queued with the other requests for a model call (carelens.service.batcher)
        analyses = await ctx.batcher.analyze(exchanges)
    except BatcherClosed as exc:
        raise ApiError(
            503, "shutting_down", "the server is shutting down; send the request again later"
        ) from exc
    if len(exchanges) == 1 and not ctx.settings.redact:  # ~0.1 ms: cheaper than a thread hop
        return _analyze_answer(body, ctx, exchanges, analyses)
    return await run_in_threadpool(_analyze_answer, body, ctx, exchanges, analyses)


def _analyze_answer(
    body: AnalyzeRequest, ctx: Ctx, exchanges: list[Exchange], analyses: list[ResponseAnalysis]
) -> JSONResponse:
    """The records of ``POST /v1/analyze`` (redaction and many pairs take a thread)."""
    redact = ctx.settings.redact
    records = [result_record(e, a, redact=redact) for e, a in zip(exchanges, analyses, strict=True)]
    if body.pairs is None:
        return JSONResponse(records[0])
    return JSONResponse({"results": records, "model": ctx.analyzer.model_id})


# -- corpora ----------------------------------------------------------------------------------


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


def _corpus_or_404(ctx: Ctx, corpus_id: str) -> Corpus:
    corpus = ctx.store.get_corpus(corpus_id)
    if corpus is None:
        raise ApiError(
            404,
            "corpus_not_found",
            f"no corpus with id {corpus_id!r}; list the corpora with GET /v1/corpora",
        )
    return corpus


@router.post(
    "/corpora",
    tags=["corpora"],
    summary="Upload a conversation file to analyse in the background",
    status_code=202,
    response_model=CorpusOut,
    responses=_errors(400, 413, 415, 422),
    dependencies=[Depends(_require_multipart)],
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
    speakers are analysed, as ``carelens analyze --helper``."""
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
            try:
                format = detect_format(received, name=name)
            except FormatDetectionError as exc:
                reason = clip(exc.reason, MAX_ERROR_CHARS)
                raise ApiError(
                    415,
                    "unsupported_format",
                    f"cannot tell the format of {name!r} ({reason}); name the file with "
                    f"its extension or send 'format' ({', '.join(SUPPORTED_FORMATS)})",
                ) from exc
            except InputError as exc:
                reason = clip(exc.reason, MAX_ERROR_CHARS)
                raise ApiError(422, "unreadable_file", f"{name!r}: {reason}") from exc
        corpus = ctx.store.create_corpus(name, format=format, helpers=helpers)
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


@router.get(
    "/corpora",
    tags=["corpora"],
    summary="List corpora",
    response_model=CorpusList,
    responses=_errors(),
)
def list_corpora(ctx: Ctx) -> CorpusList:
    """Every corpus, with its status and progress."""
    return CorpusList(corpora=[corpus_out(c) for c in ctx.store.list_corpora()])


@router.get(
    "/corpora/{corpus_id}",
    tags=["corpora"],
    summary="A corpus' status and progress",
    response_model=CorpusOut,
    responses=_errors(404),
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
    responses=_errors(404),
)
def delete_corpus(ctx: Ctx, corpus_id: str) -> Response:
    """Removes everything the server keeps about the corpus; an analysis in progress stops
    at its next chunk."""
    _corpus_or_404(ctx, corpus_id)
    ctx.store.delete_corpus(corpus_id)
    shutil.rmtree(uploads.corpus_dir(ctx.settings.uploads_dir, corpus_id), ignore_errors=True)
    return Response(status_code=204)


@router.get(
    "/corpora/{corpus_id}/results",
    tags=["corpora"],
    summary="A page of a corpus' results, optionally filtered",
    response_model=ResultsPage,
    responses=_errors(404, 422),
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


# -- service ----------------------------------------------------------------------------------


@router.get(
    "/health",
    tags=["service"],
    summary="Liveness check, and whether the results database answers",
    response_model=HealthOut,
    responses={
        503: {
            "model": HealthOut,
            "description": "A part the server needs does not answer (see checks)",
            "headers": RETRY_AFTER,
        }
    },
)
async def health(ctx: Ctx) -> JSONResponse:
    """200 with ``status`` ``ok`` when the results database answers a trivial query (within
    a few seconds), else 503 with ``status`` ``unavailable`` and ``checks.store``
    ``unavailable``. Needs no API key and is not rate limited."""
    # Awaited on the event loop: the check answers even while every worker thread is held
    # by a request waiting on a database that went silent.
    store: Health = "ok" if await ctx.probe.check_async() else "unavailable"
    body = HealthOut(
        status=store,
        model=ctx.analyzer.model_id,
        version=__version__,
        checks=HealthChecks(store=store),
    )
    if store == "ok":
        return JSONResponse(body.model_dump())
    return JSONResponse(
        body.model_dump(), status_code=503, headers={"Retry-After": str(STORE_RETRY_AFTER_S)}
    )


def read_model_card(folder: Path | None) -> str | None:
    """The model card shipped in the model folder, if there is one (carelens' own card lives
    in the docs, not the package, so the shipped model has none)."""
    if folder is None:
        return None
    for name in MODEL_CARD_NAMES:
        path = folder / name
        if path.is_file():
            text: str = path.read_text(encoding="utf-8")
            return text
    return None


@router.get(
    "/model",
    tags=["service"],
    summary="The loaded model's manifest and card",
    response_model=ModelOut,
    responses=_errors(),
)
def model(ctx: Ctx) -> ModelOut:
    """The manifest (labels, calibration, checksums, training data, evaluation figures) and
    ``model_card`` (Markdown) when the model folder has one, else null."""
    folder = getattr(getattr(ctx.analyzer, "artifact", None), "path", None)
    return ModelOut(
        model=ctx.analyzer.model_id,
        manifest=ctx.manifest,
        model_card=read_model_card(folder if isinstance(folder, Path) else None),
    )
