"""The request and response bodies of the API, as pydantic models (they make /openapi.json).

A result record is the one ``carelens analyze`` writes (:func:`carelens.output.result_record`):
id fields, one object per dimension (``level``, ``probabilities``, ``spans``), ``flags``,
``style``, ``seeker``, ``helper``, ``unsafe``, ``feedback``, the texts and ``model``.
Dimensions depend on the model, so :class:`ResultRecord` allows extra fields and routes return
records exactly as built (``response_model_exclude_unset``), never padded with nulls.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from carelens.text import is_blank
from carelens.types import MAX_ID_CHARS

#: Longest seeker or response text ``/v1/analyze`` accepts, in characters.
MAX_TEXT_CHARS = 20_000
#: Longest ``id`` a pair of a ``/v1/analyze`` request may carry, in characters (the ids and
#: names read from files are held to :data:`carelens.types.MAX_ID_CHARS` instead).
MAX_PAIR_ID_CHARS = 200
#: Most results one page returns.
MAX_PAGE = 500
#: Most ``helper`` patterns one upload may name.
MAX_HELPER_PATTERNS = 100
#: The media type of a form body, and where an OpenAPI document's ``$ref`` finds its schema.
MULTIPART = "multipart/form-data"
COMPONENT_REF = "#/components/schemas/"

#: A text must hold a character that is not whitespace. JSON Schema patterns are ECMA-262
#: regular expressions, whose ``\s`` differs from Python's (``"\x1c"`` is whitespace only to
#: Python, ``"\ufeff"`` only to ECMA-262), so the whitespace of both is spelled out: one
#: class for the schema and the check, and a text it accepts is one the analyzer (which
#: refuses what Python's ``strip()`` empties) accepts too.
NOT_SPACE = (
    "[^\\t\\n\\v\\f\\r\\u001c-\\u001f \\u0085\\u00a0\\u1680\\u2000-\\u200a"
    "\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]"
)
_NOT_SPACE = re.compile(NOT_SPACE)
#: A text to analyse must show something (:func:`carelens.text.is_blank`): besides
#: whitespace, control characters, the common format characters (zero-width spaces and
#: joiners, bidi marks, the soft hyphen), the Braille blank and the Hangul fillers show
#: nothing. The schema's pattern spells those out; combining marks alone, which no pattern
#: can list briefly, are refused by the check too (422), never scored.
SHOWS_TEXT = (
    "[^\\u0000-\\u0020\\u007f-\\u00a0\\u00ad\\u061c\\u1680\\u115f\\u1160\\u180e"
    "\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u2064\\u2066-\\u206f\\u2800\\u3000"
    "\\u3164\\ufeff\\uffa0]"
)

Text = Annotated[
    str,
    Field(min_length=1, max_length=MAX_TEXT_CHARS, json_schema_extra={"pattern": SHOWS_TEXT}),
]
PairId = Annotated[str, Field(min_length=1, max_length=MAX_PAIR_ID_CHARS)]
CorpusStatus = Literal["queued", "running", "done", "failed"]


def _require_text(value: str | None) -> str | None:
    if value is not None and is_blank(value):
        raise ValueError(
            "must contain text that shows, not only whitespace or invisible characters"
        )
    return value


def _require_pattern(value: str) -> str:
    # One message for "" and "  " (both empty once stripped, as HelperPatterns reads them).
    if not _NOT_SPACE.search(value):
        raise ValueError(
            "empty pattern: give a speaker's name or a pattern such as vol-*, or leave "
            "helper out to analyse every response"
        )
    return value


#: A ``helper`` form field of an upload: a speaker's name or a shell-style pattern
#: (:class:`~carelens.readers.helpers.HelperPatterns`), at most as long as a speaker name.
HelperPattern = Annotated[
    str,
    Field(max_length=MAX_ID_CHARS, json_schema_extra={"minLength": 1, "pattern": NOT_SPACE}),
    AfterValidator(_require_pattern),
]


class PairIn(BaseModel):
    """One (seeker message, response) pair; ``id`` comes back as the record's ids."""

    model_config = ConfigDict(extra="forbid")

    seeker: Text
    response: Text
    id: PairId | None = None

    @field_validator("seeker", "response")
    @classmethod
    def check_text(cls, value: str | None) -> str | None:
        return _require_text(value)


class AnalyzeRequest(BaseModel):
    """Either one pair (``seeker`` and ``response``) or ``pairs``, a list of them."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"seeker": "I failed my exam again.", "response": "That sounds exhausting."},
                {"pairs": [{"id": "p1", "seeker": "I lost my job.", "response": "I'm sorry."}]},
            ],
            # The two forms, as the validator below accepts them: a JSON null counts as absent.
            "oneOf": [
                {
                    "title": "one pair",
                    "required": ["seeker", "response"],
                    "properties": {
                        "seeker": {"type": "string"},
                        "response": {"type": "string"},
                        "pairs": {"type": "null"},
                    },
                },
                {
                    "title": "a batch",
                    "required": ["pairs"],
                    "properties": {
                        "pairs": {"type": "array"},
                        "seeker": {"type": "null"},
                        "response": {"type": "null"},
                        "id": {"type": "null"},
                    },
                },
            ],
        },
    )

    # ``pairs`` first: the fields of the one-pair form are checked against it
    # (:meth:`_not_with_pairs`), and a field validator sees only the fields before it.
    pairs: Annotated[list[PairIn], Field(min_length=1)] | None = None
    seeker: Text | None = None
    response: Text | None = None
    id: PairId | None = None

    @field_validator("seeker", "response")
    @classmethod
    def check_text(cls, value: str | None) -> str | None:
        return _require_text(value)

    @field_validator("seeker", "response", "id")
    @classmethod
    def _not_with_pairs(cls, value: str | None, info: ValidationInfo) -> str | None:
        """A field of the one-pair form beside ``pairs`` is refused under its own name (an
        ``id`` there was dropped without a word, while any other stray field is a 422)."""
        if value is not None and info.data.get("pairs") is not None:
            if info.field_name == "id":
                raise ValueError(
                    "'id' belongs to the one-pair form; with 'pairs', give each pair its own 'id'"
                )
            raise ValueError("send either 'seeker' and 'response', or 'pairs', not both")
        return value

    @model_validator(mode="after")
    def _one_form(self) -> AnalyzeRequest:
        if self.pairs is None and (self.seeker is None or self.response is None):
            raise ValueError("send 'seeker' and 'response' (one pair) or 'pairs' (a list)")
        return self

    def as_pairs(self) -> list[PairIn]:
        """The request's pairs (a single pair as a list of one)."""
        if self.pairs is not None:
            return list(self.pairs)
        assert self.seeker is not None and self.response is not None
        return [PairIn(seeker=self.seeker, response=self.response, id=self.id)]


class SpanOut(BaseModel):
    """Characters ``[start, end)`` of the response (crisis cues: of the seeker message)."""

    start: int
    end: int
    label: str
    score: float
    text: str


class ResultRecord(BaseModel):
    """One analysed pair, as ``carelens analyze`` writes it.

    Besides these fields there is one object per model dimension (``emotional_reaction``,
    ``exploration``, ... and the derived ``empathy``): ``{"level": 0|1|2, "probabilities":
    [p0, p1, p2], "spans": [Span]}``. Stored corpus results add ``seq``, the pair's 0-based
    position in the upload.
    """

    model_config = ConfigDict(extra="allow")

    seq: int | None = None
    seeker_id: str | None = None
    response_id: str | None = None
    conversation_id: str | None = None
    speaker: str | None = None
    timestamp: str | None = None
    seeker_speaker: str | None = None
    community: str | None = None
    flags: dict[str, float] | None = None
    style: str | None = None
    seeker: dict[str, Any] | None = None
    helper: dict[str, Any] | None = None
    unsafe: list[SpanOut] | None = Field(
        default=None,
        description="Words of the response that urge self-harm (label urging) or give method "
        "information (label method), for a person to read; [] when none were found.",
    )
    feedback: list[str] | None = None
    seeker_text: str | None = None
    response_text: str | None = None
    model: str | None = None


class AnalyzeBatchResponse(BaseModel):
    """The records of a ``pairs`` request, in request order."""

    results: list[ResultRecord]
    model: str


class CorpusOut(BaseModel):
    """An uploaded corpus and the progress of its analysis."""

    id: str
    name: str
    format: str | None = None
    helpers: list[str] = Field(
        default_factory=list,
        description="the speaker patterns of the upload's helper fields: only the responses "
        "of matching speakers are analysed ([] for every response)",
    )
    status: CorpusStatus
    total: int | None = None
    done: int = 0
    rejected: int | None = Field(
        default=None,
        description="input records that could not be read (null until the file has been counted)",
    )
    left_out: int | None = Field(
        default=None,
        description="responses left out because their speaker matches no helper pattern "
        "(0 without helpers; null until the file has been counted)",
    )
    model: str | None = Field(
        default=None,
        description="fingerprint of the model build that analyses the corpus (null until its "
        "analysis starts, and for corpora stored before carelens recorded it); a corpus "
        "resumed by a server that runs another build is started over with that one",
    )
    redacted: bool | None = Field(
        default=None,
        description="whether the corpus' stored texts are redacted (serve --redact; null "
        "until its analysis starts, and for corpora stored before carelens recorded it); a "
        "corpus resumed by a server with the other setting is started over with that one",
    )
    error: str | None = None
    created_at: Any = None
    updated_at: Any = None
    progress: float | None = Field(
        default=None, description="done / total, from 0 to 1 (null until the total is known)"
    )


class CorpusList(BaseModel):
    corpora: list[CorpusOut]


class ResultsPage(BaseModel):
    """One page of a corpus' results; ``next_offset`` is null on the last page."""

    items: list[ResultRecord]
    total: int
    offset: int
    limit: int
    next_offset: int | None


Health = Literal["ok", "unavailable"]


class HealthChecks(BaseModel):
    """Each part the server needs, and whether it answers."""

    store: Health = Field(
        description="the results database: 'ok' when it answered a trivial query in time"
    )


class HealthOut(BaseModel):
    """``status`` is ``ok`` (HTTP 200) when every part in ``checks`` is, else ``unavailable``
    (HTTP 503, with ``Retry-After``); ``checks`` says which part failed."""

    status: Health
    model: str
    version: str
    checks: HealthChecks


class ModelOut(BaseModel):
    """The loaded model's manifest; ``model_card`` is the card's Markdown when the model
    folder has one (``model-card.md``), else null."""

    model: str
    manifest: dict[str, Any]
    model_card: str | None


class ErrorDetail(BaseModel):
    code: str = Field(description="stable snake_case code, e.g. 'invalid_request'")
    message: str = Field(description="what happened and what to do about it")
    field: str | None = None
    details: list[dict[str, str]] | None = None


class ErrorOut(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


def tailor_openapi(
    schema: dict[str, Any], *, dimensions: Sequence[str], max_batch: int
) -> dict[str, Any]:
    """``schema`` (an app's OpenAPI document) with what depends on the server, in place:
    ``pairs`` holds at most ``max_batch`` pairs, and ``dimension`` is one of the model's
    ``dimensions``; and with what FastAPI cannot say of a form: a ``multipart/form-data``
    body (the upload's) takes no field it does not list (``additionalProperties: false``),
    as its route checks (a 422, as for the JSON bodies, whose models forbid other fields).
    Calling it again changes nothing."""
    components = schema.get("components", {}).get("schemas", {})
    pairs = components.get("AnalyzeRequest", {}).get("properties", {}).get("pairs", {})
    for branch in pairs.get("anyOf", [pairs]):
        if branch.get("type") == "array":
            branch["maxItems"] = max_batch
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            form = operation.get("requestBody", {}).get("content", {}).get(MULTIPART, {})
            ref = str(form.get("schema", {}).get("$ref", ""))
            if ref.startswith(COMPONENT_REF):
                components.get(ref.removeprefix(COMPONENT_REF), {})["additionalProperties"] = False
            for parameter in operation.get("parameters", ()):
                if parameter.get("in") != "query" or parameter.get("name") != "dimension":
                    continue
                param_schema = parameter.get("schema", {})
                for branch in param_schema.get("anyOf", [param_schema]):
                    if branch.get("type") == "string":
                        branch["enum"] = list(dimensions)
    return schema
