"""What the routes share: settings, store, analyzer, worker, batcher, store probe, model lock.

One :class:`ServiceContext` is built by :func:`carelens.service.create_app` and kept on
``app.state``; routes get it through the :data:`Ctx` dependency (:func:`get_context`, awaited
on the event loop), so nothing is global and several apps can live in one process (tests).
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request

from carelens.output import Analyzer
from carelens.service.batcher import MicroBatcher
from carelens.service.health import StoreProbe
from carelens.service.settings import ServiceSettings
from carelens.service.worker import CorpusWorker

if TYPE_CHECKING:
    from carelens.store import Store


@dataclass(slots=True)
class ServiceContext:
    """The parts of one running API."""

    settings: ServiceSettings
    store: Store
    analyzer: Analyzer
    worker: CorpusWorker
    #: Runs ``POST /v1/analyze``'s model calls, several requests' pairs in one call.
    batcher: MicroBatcher
    #: Asks the store a trivial query for ``/v1/health``, with a deadline.
    probe: StoreProbe
    #: Held around every ``analyzer.predict``: at most as many model calls run at once as the
    #: analyzer has threads (each ONNX call uses one core), requests (through the batcher),
    #: pages and the worker alike.
    lock: AbstractContextManager[object] = field(default_factory=threading.Lock)

    @property
    def manifest(self) -> dict[str, Any]:
        """The model manifest, when the analyzer has a model artifact."""
        artifact = getattr(self.analyzer, "artifact", None)
        manifest = getattr(artifact, "manifest", None)
        return dict(manifest) if manifest is not None else {}


def get_context(request: Request) -> ServiceContext:
    context = request.app.state.context
    assert isinstance(context, ServiceContext)
    return context


async def _context(request: Request) -> ServiceContext:
    # A coroutine on purpose: FastAPI runs a plain function dependency in a worker thread,
    # a thread hop every request would pay before its route even starts.
    return get_context(request)


Ctx = Annotated[ServiceContext, Depends(_context)]
