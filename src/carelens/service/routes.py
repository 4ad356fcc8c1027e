"""The ``/v1`` endpoints: analyse pairs, upload and follow corpora, page their results, health.

Routes are thin: they validate what pydantic cannot (limits from the settings, content types,
known dimensions, ``min_level`` without ``dimension``, dates; each a 422 naming its field,
as a validation error does), call the analyzer, the store or the worker, and shape the
answer.
Records are returned exactly as :func:`~carelens.output.result_record` builds them. Every
failure is an :class:`~carelens.service.errors.ApiError` (see :mod:`.errors` for the shape).
This module holds the analysis and service endpoints and builds :data:`router`; the corpora
endpoints are in :mod:`.corpora_routes`, and what both need in :mod:`.route_common`.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from carelens._version import __version__
from carelens.output import result_record
from carelens.service.batcher import BatcherClosed
from carelens.service.context import Ctx
from carelens.service.corpora_routes import router as corpora_router
from carelens.service.errors import STORE_RETRY_AFTER_S, ApiError
from carelens.service.route_common import RETRY_AFTER, error_responses, require_json
from carelens.service.schemas import (
    AnalyzeBatchResponse,
    AnalyzeRequest,
    Health,
    HealthChecks,
    HealthOut,
    ModelOut,
    PairIn,
    ResultRecord,
)
from carelens.types import Exchange, ResponseAnalysis, Turn

#: Model card file names looked for in the model folder, in order.
MODEL_CARD_NAMES: tuple[str, ...] = ("model-card.md", "MODEL_CARD.md", "README.md")

#: Every ``/v1`` endpoint, in the order the schema lists them.
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
    responses=error_responses(400, 413, 415, 422),
    dependencies=[Depends(require_json)],
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


# -- corpora (carelens.service.corpora_routes) ------------------------------------------------

router.include_router(corpora_router)


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
    """200 with ``status`` ``ok`` when the results database answers a trivial query and
    would take a write (a write transaction rolled back; within a few seconds), else 503
    with ``status`` ``unavailable`` and ``checks.store`` ``unavailable``. Needs no API key
    and is not rate limited."""
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
    responses=error_responses(),
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
