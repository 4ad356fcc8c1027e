"""The app factory: :func:`create_app` wires settings, store, analyzer, worker and middleware.

The app's lifespan starts the corpus worker and queues every unfinished corpus again (so a
server that was killed resumes its work), and on shutdown stops the analyze batcher
(:mod:`carelens.service.batcher`) and the worker after its current chunk and closes the
store it opened. Interactive docs (``/docs``, ``/redoc``) are off: they
load scripts from a CDN, and carelens runs offline; the schema is at ``/openapi.json``. The
web pages (coach, explorer, dashboards; :mod:`carelens.service.pages`) are mounted beside
the API.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from carelens._version import __version__
from carelens.output import Analyzer
from carelens.service.batcher import MicroBatcher
from carelens.service.context import ServiceContext
from carelens.service.errors import StartupError, install_error_handlers
from carelens.service.health import StoreProbe
from carelens.service.jobs import CorpusJob
from carelens.service.middleware import (
    AccessLogMiddleware,
    AuthMiddleware,
    BodyLimitMiddleware,
    CatchAllMiddleware,
    HeadMiddleware,
    LoopbackGuardMiddleware,
    ResponseHeadersMiddleware,
    UploadGuardMiddleware,
)
from carelens.service.pages import install_pages, page_error_response, page_refusal
from carelens.service.ratelimit import RateLimiter
from carelens.service.routes import router
from carelens.service.schemas import tailor_openapi
from carelens.service.settings import ServiceSettings
from carelens.service.topic_model import TopicAssigner, load_topic_model
from carelens.service.worker import CorpusWorker
from carelens.store import Store, open_store

logger = logging.getLogger(__name__)

TAGS: list[dict[str, Any]] = [
    {"name": "analysis", "description": "Score (seeker, response) pairs right away."},
    {"name": "corpora", "description": "Upload files, follow their analysis, page results."},
    {"name": "service", "description": "Health and the loaded model."},
]


def active_keys(store: Store) -> int:
    """How many API keys the store holds that are not revoked."""
    return sum(1 for key in store.list_keys() if key.get("revoked_at") is None)


def create_app(
    settings: ServiceSettings,
    *,
    analyzer: Analyzer | None = None,
    store: Store | None = None,
    topics: TopicAssigner | bool = True,
) -> FastAPI:
    """The carelens HTTP API and web pages (see ``docs/api.md`` and ``docs/web.md``).

    ``analyzer`` defaults to the model at ``settings.model`` (the shipped one), ``store`` to
    ``open_store(settings.database_url, data_dir=settings.data_dir,
    query_timeout=settings.store_timeout)`` (closed on shutdown).
    ``topics`` is the topic model the corpus worker labels seeker texts with: True for the
    default one (:func:`~carelens.service.topic_model.load_topic_model`), False for none.
    Raises :class:`StartupError` when a key is required (off loopback, or ``require_key``)
    and the store has none.
    """
    # Created readable by its owner only, as the store creates its folder (storage.md): it
    # holds uploads and results. An existing folder keeps its mode.
    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    owned = store is None
    if store is None:
        store = open_store(
            settings.database_url,
            data_dir=settings.data_dir,
            query_timeout=settings.store_timeout,
        )
    try:
        if settings.key_required and active_keys(store) == 0:
            where = "on a non-loopback address" if not settings.loopback else "with require_key"
            raise StartupError(
                f"serving {where} needs an API key, and there is none; create one with "
                "`carelens keys create NAME` (same --data-dir / --database-url) and start again"
            )
        if analyzer is None:
            import carelens

            # A request that arrives while the model is otherwise idle runs on every core.
            cores = settings.threads or os.cpu_count() or 1
            analyzer = carelens.load(settings.model, threads=settings.threads, idle_threads=cores)
        topic_model: TopicAssigner | None
        if isinstance(topics, bool):
            topic_model = load_topic_model() if topics else None
        else:
            topic_model = topics
    except BaseException:
        if owned:
            store.close()
        raise

    # One model call per analyzer thread at a time (ONNX runs each on one core): concurrent
    # requests use every core instead of queueing behind a single lock.
    lock = threading.BoundedSemaphore(max(1, int(getattr(analyzer, "threads", 1) or 1)))
    worker = CorpusWorker(CorpusJob(store, analyzer, settings, lock=lock, topics=topic_model))
    # Concurrent /v1/analyze requests share model calls; each call holds one of the permits.
    batcher = MicroBatcher(analyzer, lock=lock)
    context = ServiceContext(
        settings=settings,
        store=store,
        analyzer=analyzer,
        worker=worker,
        batcher=batcher,
        probe=StoreProbe(store, timeout=settings.health_timeout, redact=settings.redact),
        lock=lock,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        context.worker.start()
        await run_in_threadpool(context.worker.resume)
        try:
            yield
        finally:
            await run_in_threadpool(context.batcher.close)
            await run_in_threadpool(context.worker.stop)
            if owned:
                context.store.close()

    app = FastAPI(
        title="carelens",
        version=__version__,
        summary="Tell sympathy from empathy from compassion in supportive conversations.",
        openapi_tags=TAGS,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.context = context
    install_error_handlers(app)
    app.include_router(router)
    dimensions = tuple(analyzer.dimensions)

    def openapi() -> dict[str, Any]:
        # The published schema names this server's batch limit and its model's dimensions.
        return tailor_openapi(
            FastAPI.openapi(app), dimensions=dimensions, max_batch=settings.max_batch
        )

    app.openapi = openapi  # type: ignore[method-assign]
    install_pages(app)
    limiter = RateLimiter(settings.rate_limit) if settings.rate_limit else None
    app.state.limiter = limiter  # the pages take from the same buckets
    # Added innermost first: the access log sees every request; the upload guard runs last,
    # after the key, rate-limit and size checks, so only an upload that would otherwise be
    # read costs a store query.
    app.add_middleware(HeadMiddleware)
    app.add_middleware(UploadGuardMiddleware, probe=context.probe)
    app.add_middleware(
        BodyLimitMiddleware,
        max_body=settings.max_body_bytes,
        max_upload=settings.max_upload_bytes,
    )
    app.add_middleware(
        AuthMiddleware,
        verify_key=store.verify_key,
        key_required=settings.key_required,
        limiter=limiter,
    )
    if settings.loopback:
        app.add_middleware(LoopbackGuardMiddleware, page_response=page_refusal)
    app.add_middleware(CatchAllMiddleware, page_response=page_error_response)
    app.add_middleware(ResponseHeadersMiddleware)  # outside the catch-all: its 500s too
    app.add_middleware(AccessLogMiddleware)
    return app
