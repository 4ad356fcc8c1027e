"""The carelens HTTP API (``carelens serve``; extra ``serve``: FastAPI, uvicorn, multipart).

Build the app with :func:`create_app` and serve it with any ASGI server::

    from carelens.service import ServiceSettings, create_app
    app = create_app(ServiceSettings(data_dir=Path("carelens-data")))

Modules: :mod:`.settings` (what a server is told), :mod:`.app` (the factory and lifespan),
:mod:`.routes` (the ``/v1`` endpoints; the corpora's in :mod:`.corpora_routes`, what they
share in :mod:`.route_common`) with :mod:`.schemas` (their bodies), :mod:`.errors` (the one
error shape), :mod:`.health` (the health check's store query), :mod:`.middleware` (access
log, loopback guard, keys and rate limit, body size) with :mod:`.access_rules` (the rules
the pages follow too) and :mod:`.ratelimit`, :mod:`.worker` (the corpus worker) with
:mod:`.jobs` (the analysis of one corpus), :mod:`.failures` (why a corpus failed, in words)
and :mod:`.topic_model` (the topic of each result), and :mod:`.uploads` (files on disk).
Importing this package without the extra raises :class:`~carelens.errors.MissingExtraError`
naming ``carelens[serve]``.
"""

from __future__ import annotations

from importlib.util import find_spec

from carelens.errors import MissingExtraError

if find_spec("fastapi") is None:  # pragma: no cover - depends on the environment
    raise MissingExtraError("fastapi", "serve")
if find_spec("python_multipart") is None and find_spec("multipart") is None:  # pragma: no cover
    raise MissingExtraError("python-multipart", "serve")

from carelens.service.app import create_app
from carelens.service.errors import ApiError, StartupError
from carelens.service.settings import ServiceSettings
from carelens.service.worker import CorpusWorker

__all__ = ["ApiError", "CorpusWorker", "ServiceSettings", "StartupError", "create_app"]
