"""Schemathesis over every operation of the published OpenAPI schema, against a real server.

The app (the shipped model, a real SQLite store, rate limit off) is served by uvicorn on a
free 127.0.0.1 port in a thread, with one corpus uploaded and analysed. ``st run`` (the
schemathesis CLI, in a subprocess) loads ``/openapi.json`` from it and runs its phases —
the schema's examples, coverage (boundary and invalid values of every parameter), fuzzing
and stateful sequences — over all 8 operations with ``--checks all``: no 5xx, status codes,
content types, headers and bodies as the schema declares them, ``Allow`` on 405, valid data
accepted, invalid data refused; plus ``no_stack_trace`` from ``schemathesis_hooks.py``, which
also sends the real corpus id and a real file some of the time (see there). The rules the
schema cannot state are configured in :data:`CONFIG`.

``CARELENS_SCHEMA_EXAMPLES`` (default 40) sets the examples per operation and phase,
``CARELENS_SCHEMA_SEED`` (default 1) the seed; the run's summary is printed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from fastapi.testclient import TestClient
from service_helpers import BASE_URL, DATA, MakeApp, assert_error

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.readers import SUPPORTED_FORMATS
from carelens.service import ServiceSettings, create_app
from carelens.store import InvalidQueryError
from carelens.store.base import MAX_SEQ, check_page
from threaded_server import ThreadedServer

pytest.importorskip("schemathesis")
pytest.importorskip("uvicorn")

HERE = Path(__file__).resolve().parent
EXAMPLES = int(os.environ.get("CARELENS_SCHEMA_EXAMPLES", "40"))
SEED = int(os.environ.get("CARELENS_SCHEMA_SEED", "1"))
UPLOAD = DATA / "thread.jsonl"
#: Every operation of the published schema.
OPERATIONS = 8
#: What the schema cannot say, for schemathesis' "valid data is accepted" and "invalid data
#: is refused" checks: whether an upload is accepted depends on the file's content (format
#: detection, an empty file: 415 and 422 answer valid requests too), and more pairs than
#: ``max_batch`` are refused with 413 (documented) rather than 422.
CONFIG = """
[[operations]]
include-name = "POST /v1/corpora"
checks.positive_data_acceptance.expected-statuses = ["2XX", 401, 403, 404, 409, 415, 422, 429]

[[operations]]
include-name = "POST /v1/analyze"
checks.negative_data_rejection.expected-statuses = [
  400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429,
]
"""


@pytest.fixture(scope="module")
def server(analyzer: EmpathyAnalyzer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("schema") / "data"
    app = create_app(ServiceSettings(data_dir=data_dir, rate_limit=0), analyzer=analyzer)
    with ThreadedServer(app) as running:
        yield running.url


def analysed_corpus(url: str) -> str:
    """Upload ``UPLOAD`` and wait until it is analysed; the corpus id."""
    with httpx.Client(base_url=url, timeout=120) as http, UPLOAD.open("rb") as fh:
        created = http.post("/v1/corpora", files={"file": (UPLOAD.name, fh)})
        assert created.status_code == 202, created.text
        corpus: dict[str, Any] = created.json()
        deadline = time.monotonic() + 120
        while corpus["status"] not in ("done", "failed"):
            assert time.monotonic() < deadline, corpus
            time.sleep(0.1)
            corpus = http.get(f"/v1/corpora/{corpus['id']}").json()
    assert corpus["status"] == "done", corpus
    return str(corpus["id"])


def run_schemathesis(url: str, corpus_id: str, workdir: Path) -> subprocess.CompletedProcess[str]:
    config = workdir / "schemathesis.toml"
    config.write_text(CONFIG, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]),
        "SCHEMATHESIS_HOOKS": "schemathesis_hooks",
        "CARELENS_SCHEMA_CORPUS": corpus_id,
        "CARELENS_SCHEMA_UPLOAD": str(UPLOAD),
        "NO_COLOR": "1",
    }
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(config),
        "--no-color",
        "run",
        f"{url}/openapi.json",
        "--checks",
        "all",
        "--max-examples",
        str(EXAMPLES),
        "--seed",
        str(SEED),
        "--workers",
        "1",
        "--request-timeout",
        "120",
    ]
    return subprocess.run(
        command, cwd=workdir, env=env, capture_output=True, text=True, timeout=900, check=False
    )


def test_every_operation_conforms_to_the_schema(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    done = run_schemathesis(server, analysed_corpus(server), tmp_path)
    output = done.stdout + done.stderr
    summary = output[output.rfind("SUMMARY") :] if "SUMMARY" in output else output[-3000:]
    with capsys.disabled():
        print(f"\nschemathesis (max-examples {EXAMPLES}, seed {SEED}):")
        for line in summary.splitlines():
            print(f"  {line}")
    assert done.returncode == 0, output[-12000:]
    assert f"Tested: {OPERATIONS}" in output, output[-3000:]
    cases = re.search(r"(\d+) generated, (\d+) passed", output)
    assert cases is not None and cases.group(1) == cases.group(2), output[-3000:]
    assert int(cases.group(1)) >= OPERATIONS * 10


# -- what the schemathesis run found (each failed before its fix) ------------------------------


def test_405_allow_lists_every_method_of_the_path(client: TestClient) -> None:
    """S1: ``Allow`` named only the first route's methods (``POST`` for ``/v1/corpora``)."""
    for method, path, allowed in (
        ("OPTIONS", "/v1/corpora", "GET, POST"),
        ("PUT", "/v1/corpora", "GET, POST"),
        ("OPTIONS", "/v1/corpora/abc", "GET, DELETE"),
        ("POST", "/v1/corpora/abc", "GET, DELETE"),
        ("DELETE", "/v1/health", "GET"),
        ("GET", "/v1/analyze", "POST"),
    ):
        response = client.request(method, path)
        error = assert_error(response, 405, "method_not_allowed")
        assert response.headers["allow"] == allowed, (method, path)
        assert error["message"].endswith(f"use {allowed}")


def _analyze_schema(client: TestClient) -> dict[str, Any]:
    schema: dict[str, Any] = client.get("/openapi.json").json()
    return {"$ref": "#/components/schemas/AnalyzeRequest", "components": schema["components"]}


PAIR = {"seeker": "I lost my job.", "response": "That sounds hard. What happened?"}


@pytest.mark.parametrize(
    "body",
    [
        PAIR,
        {**PAIR, "id": "a"},
        {**PAIR, "pairs": None},
        {"pairs": [PAIR]},
        {"pairs": [PAIR], "seeker": None, "response": None},
        {"pairs": [PAIR], "id": "ignored"},
        {**PAIR, "pairs": [PAIR]},  # S2: both forms, schema-valid before
        {"seeker": "x", "pairs": [PAIR]},
        {"seeker": "x", "response": None},
        {"pairs": None},
        {},
        {"seeker": "\x1d", "response": "ok"},  # S3: Python's strip() calls it whitespace
        {"seeker": "ok", "response": "\x1c\x85 "},  # the analyzer refuses it: 422, not 500
        {"seeker": "\u3000 \t", "response": "ok"},
        {"seeker": "\ufeff", "response": "ok"},
        {"seeker": "\x7f", "response": "ok"},  # shows nothing: was scored, then a 500
        {"seeker": "ok", "response": "\u200b\u2800"},
        {"seeker": "\u3164", "response": "ok"},
    ],
)
def test_analyze_schema_says_what_the_server_accepts(client: TestClient, body: Any) -> None:
    """S2, S3: a body is valid for the published schema exactly when the server accepts it."""
    valid = jsonschema.Draft202012Validator(_analyze_schema(client)).is_valid(body)
    response = client.post("/v1/analyze", json=body)
    assert response.status_code == (200 if valid else 422), (body, response.text)


def test_offset_has_the_stores_bound(client: TestClient) -> None:
    """S4: an offset over 2**53 - 1 was schema-valid and refused as "must be >= 0"."""
    schema = client.get("/openapi.json").json()
    (offset,) = [
        p
        for p in schema["paths"]["/v1/corpora/{corpus_id}/results"]["get"]["parameters"]
        if p["name"] == "offset"
    ]
    assert offset["schema"]["maximum"] == MAX_SEQ
    created = client.post("/v1/corpora", files={"file": (UPLOAD.name, UPLOAD.read_bytes())})
    cid = created.json()["id"]
    page = client.get(f"/v1/corpora/{cid}/results", params={"offset": MAX_SEQ})
    assert page.status_code == 200 and page.json()["items"] == []
    error = assert_error(
        client.get(f"/v1/corpora/{cid}/results", params={"offset": MAX_SEQ + 1}),
        422,
        "invalid_request",
    )
    assert error["field"] == "offset"
    with pytest.raises(InvalidQueryError, match=f"from 0 to {MAX_SEQ}"):
        check_page(MAX_SEQ + 1, 10)


def test_schema_names_the_servers_limits_and_model(
    make_app: MakeApp, analyzer: EmpathyAnalyzer
) -> None:
    """S5, S6: ``dimension`` is one of the model's, ``pairs`` holds at most ``max_batch``,
    ``format`` is a known format and ``since``/``until`` are dates (all were free strings)."""
    with TestClient(make_app(max_batch=5), base_url=BASE_URL) as client:
        schema = client.get("/openapi.json").json()
        assert schema == client.get("/openapi.json").json()  # tailoring is idempotent
    pairs = schema["components"]["schemas"]["AnalyzeRequest"]["properties"]["pairs"]
    assert pairs["anyOf"][0]["maxItems"] == 5
    parameters = {
        p["name"]: p["schema"]
        for p in schema["paths"]["/v1/corpora/{corpus_id}/results"]["get"]["parameters"]
    }
    assert parameters["dimension"]["anyOf"][0]["enum"] == list(analyzer.dimensions)
    assert {s["format"] for s in parameters["since"]["anyOf"]} == {"date", "date-time"}
    upload_body = next(
        s for name, s in schema["components"]["schemas"].items() if name.startswith("Body_upload")
    )
    assert upload_body["properties"]["format"]["enum"] == list(SUPPORTED_FORMATS)


def test_a_text_of_combining_marks_alone_is_refused_not_scored(client: TestClient) -> None:
    """A schema pattern cannot list every combining mark: such a text matches it, and the
    server still refuses it with a 422 naming the field (never a 500)."""
    response = client.post("/v1/analyze", json={"seeker": "\u0301\u0302", "response": "ok"})
    assert response.status_code == 422, response.text
    assert "invisible" in response.text
