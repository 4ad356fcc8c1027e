"""The API key in a real browser: Chromium answers the API's Basic challenge, and the key it
was given for the pages opens the API too (service.access_rules, middleware).

The API's 401 carries two ``WWW-Authenticate`` headers (``Bearer``, then the pages' Basic
challenge); a browser that reads only one challenge a header must still find Basic. Before
the API read Basic credentials, a browser that had the key for the pages sent it to ``/v1``
paths too (the same origin, under the path it was asked for) and got 401
``invalid_api_key``. Skipped without Chromium or Playwright (:mod:`browser_helpers`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser_helpers import launch, sync_api
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.service import ServiceSettings, create_app
from carelens.store import open_store
from threaded_server import ThreadedServer

pytest.importorskip("uvicorn", reason="uvicorn is not installed (carelens[serve])")


@pytest.fixture(scope="module")
def server(
    analyzer: EmpathyAnalyzer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """A loopback server that requires a key: (origin, secret)."""
    folder: Path = tmp_path_factory.mktemp("basic-browser")
    with open_store(None, data_dir=folder) as store:  # type: ignore[attr-defined]
        _, secret = store.create_key("browser")
    settings = ServiceSettings(data_dir=folder, require_key=True, rate_limit=0)
    with ThreadedServer(create_app(settings, analyzer=analyzer, topics=False)) as running:
        yield running.url, secret


def test_the_browser_answers_the_api_challenge_with_the_key(server: tuple[str, str]) -> None:
    origin, secret = server
    with launch() as browser:
        for password, status in ((secret, 200), ("wrong", 401)):
            context = browser.new_context(
                http_credentials={"username": "anyone", "password": password}
            )
            response = context.new_page().goto(f"{origin}/v1/corpora")
            assert response is not None and response.status == status, password
            context.close()
        context = browser.new_context()  # no key to give: the prompt is cancelled
        with pytest.raises(sync_api.Error, match="ERR_INVALID_AUTH_CREDENTIALS"):
            context.new_page().goto(f"{origin}/v1/corpora")
        context.close()


def test_the_key_given_for_the_pages_opens_the_api(server: tuple[str, str]) -> None:
    origin, secret = server
    with launch() as browser:
        context = browser.new_context(http_credentials={"username": "anyone", "password": secret})
        page = context.new_page()
        visited = page.goto(f"{origin}/explorer")
        assert visited is not None and visited.status == 200
        fetched = page.evaluate("fetch('/v1/corpora').then(r => r.text())")
        assert json.loads(fetched) == {"corpora": []}
        opened = page.goto(f"{origin}/v1/model")
        assert opened is not None and opened.status == 200
        assert opened.request.all_headers()["authorization"].startswith("Basic ")
        context.close()
