"""``/openapi.json`` says that an upload's form takes no other field and ``file`` and
``format`` once (service.corpora_routes, service.schemas.tailor_openapi).

The server refused them (422) while the published schema let any other field pass and said
nothing of repeated ones: a client generated from it could not know.
"""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from fastapi.testclient import TestClient
from service_helpers import DATA, assert_error, upload


def _upload_body(schema: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The upload's request body and the schema of its form."""
    body = schema["paths"]["/v1/corpora"]["post"]["requestBody"]
    ref = body["content"]["multipart/form-data"]["schema"]["$ref"]
    return body, schema["components"]["schemas"][ref.rsplit("/", 1)[1]]


def test_the_schema_says_other_and_repeated_fields_are_refused(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    body, form = _upload_body(schema)
    assert form["additionalProperties"] is False
    assert set(form["properties"]) == {"file", "format", "helper"}
    said = body["description"]
    assert "fields file, format and helper only" in said, said
    assert "Any other field" in said and "a second file or format" in said
    assert "422 invalid_request" in said
    assert "422" in schema["paths"]["/v1/corpora"]["post"]["responses"]
    # The schema of the form, as a client validates against it: what the server refuses.
    jsonschema.validate({"file": "x", "format": "csv", "helper": ["vol-*"]}, form)
    with pytest.raises(jsonschema.ValidationError, match="helpers"):
        jsonschema.validate({"file": "x", "helpers": ["vol-*"]}, form)


def test_what_the_schema_refuses_the_server_refuses(client: TestClient) -> None:
    unknown = upload(client, DATA / "pairs.csv", helpers="vol-*")
    error = assert_error(unknown, 422, "invalid_request")
    assert error["field"] == "helpers"
    error = assert_error(
        upload(client, DATA / "pairs.csv", format=["csv", "csv"]), 422, "invalid_request"
    )
    assert error["field"] == "format"
