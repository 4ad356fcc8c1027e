"""The coach: paste what someone said and a draft reply, see how the reply reads, edit, re-check.

``GET /`` and ``GET /coach`` show the form; ``POST /coach`` (a plain form post) analyses the
pair with the loaded model and shows the style headline, every dimension with its level,
probabilities and marked rationale, unsafe wording in the reply and the seeker's crisis cues
with resources when there are any, and the feedback, under the form, which keeps both texts
for the next try. The page works without JavaScript; ``/static/coach.js`` only re-checks in
place (the same post, the result swapped in) and says when the texts changed since the last
check. Texts are never logged nor stored. A check refused (a text empty or over the limit)
marks its text box invalid, described by the message (:class:`Problem`), and gives it the
focus; the window title then starts with "Error: ".

Under ``carelens serve --redact`` everything the page shows as the result — the marked reply,
their message with its cues, quoted words, feedback — is the redacted record
(:func:`~carelens.output.result_record` with ``redact=True``), as on every other page, and
a note says so; the two text boxes keep the texts as typed, as they are the writer's own
input, sent back only to them.

``POST /coach`` reads its form itself (:func:`posted_texts`), after the pages' key and
rate-limit check and the same-origin rule: with ``Form()`` parameters FastAPI would read and
parse the whole form (up to the body limit) before any dependency runs, so a post from
another site, or without a key, would be received in full before its 403 (or 401). It is
refused unread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException as StarletteHTTPException

from carelens.insights.report.format import esc
from carelens.output import result_record
from carelens.service.context import Ctx
from carelens.service.pages import annotate
from carelens.service.pages.access import same_origin_post
from carelens.service.pages.layout import document, page_response
from carelens.service.schemas import MAX_TEXT_CHARS
from carelens.text import is_blank
from carelens.types import Exchange, Turn

router = APIRouter()

_LEAD = (
    '<p class="muted">Paste what someone said and the reply you are drafting. carelens reads '
    "the reply the way it reads a conversation — style, dimensions, the words behind them — and "
    "suggests what to try. Nothing leaves this machine and nothing is stored.</p>"
)


#: The id of the message that says why a check was refused (the field it is about names it
#: in ``aria-describedby``; coach.js gives its own message the same id).
ERROR_ID = "coach-error"


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a check is refused: the ``field`` (a text box's name) and the ``message``."""

    field: str
    message: str


def _textarea(name: str, label: str, hint: str, value: str, *, invalid: bool = False) -> str:
    # The newline after the tag keeps a text that starts with a newline intact. No
    # ``maxlength``: it would cut a longer pasted text without a word; the server refuses a
    # text over the limit and says so (``_problem``), and the hint gives the limit. A text
    # the check refused is marked invalid and described by the message that says why, and
    # takes the focus when the page loads (a page posted without JavaScript).
    described = f"{ERROR_ID} {name}-hint" if invalid else f"{name}-hint"
    marked = ' aria-invalid="true" autofocus' if invalid else ""
    return (
        f'<div class="field"><label for="{name}">{label}</label>'
        f'<span class="hint" id="{name}-hint">{hint} At most {MAX_TEXT_CHARS:,} characters.'
        "</span>"
        f'<textarea id="{name}" name="{name}" rows="7" required dir="auto" '
        f'aria-describedby="{described}"{marked} spellcheck="true">\n{esc(value)}</textarea>'
        "</div>"
    )


def _form(seeker: str, response: str, problem: Problem | None) -> str:
    alert = (
        f'<div class="note error-box" role="alert" id="{ERROR_ID}">{esc(problem.message)}</div>'
        if problem
        else ""
    )
    wrong = problem.field if problem else None
    return (
        f'<form method="post" action="/coach" id="coach-form" class="coach" '
        f'data-max-chars="{MAX_TEXT_CHARS}">{alert}'
        '<div class="pair">'
        + _textarea(
            "seeker",
            "What they said",
            "Their message, as they wrote it.",
            seeker,
            invalid=wrong == "seeker",
        )
        + _textarea(
            "response",
            "Your draft reply",
            "Edit it and check again.",
            response,
            invalid=wrong == "response",
        )
        + '</div><div class="actions"><button type="submit" id="check">Check my reply</button>'
        '<span class="hint" id="status" role="status"></span></div></form>'
    )


#: Above a result on a server that redacts: why the reply and their message read differently
#: from the texts in the form.
_REDACTED_NOTE = (
    '<p class="muted small" id="redacted-note">This server redacts personal data: in the '
    "result, e-mail addresses, phone numbers, web addresses, handles and street addresses read "
    "[email], [phone], [url], [handle] and [address]. The texts above stay as you typed "
    "them.</p>"
)


def result_section(record: dict[str, Any], dimensions: list[str], *, redacted: bool = False) -> str:
    """The analysis of one pair as the coach shows it (``redacted``: the record was redacted,
    which a note says)."""
    style = annotate.style_of(record)
    note = annotate.STYLE_NOTES.get(style, "")
    return (
        '<section id="result" class="result" aria-labelledby="result-title">'
        '<h2 id="result-title">How your reply reads</h2>'
        f"{_REDACTED_NOTE if redacted else ''}"
        f'<div class="headline">{annotate.style_badge(style, big=True)}'
        f"<p>{esc(note)}</p></div>"
        f"{annotate.unsafe_panel(record)}{annotate.crisis_panel(record)}"
        f'<div class="feedback"><h3>Feedback</h3>{annotate.feedback_list(record)}</div>'
        "<h3>Dimension by dimension</h3>"
        '<p class="muted small">Level 0 none, 1 weak, 2 strong; “how sure” is the model\'s '
        "probability for each level; marked words are the rationale it found.</p>"
        f"{annotate.dimension_table(record, dimensions)}"
        f"{annotate.signals_line(record)}"
        '<details class="seeker-view"><summary>Their message, with crisis cues marked'
        f'</summary><blockquote class="text" dir="auto">{annotate.seeker_text(record)}'
        "</blockquote>"
        "</details></section>"
    )


def coach_page(
    ctx: Ctx,
    seeker: str = "",
    response: str = "",
    *,
    problem: Problem | None = None,
    result: str = "",
) -> str:
    footer = f" · model {esc(ctx.analyzer.model_id)}"
    return document(
        "Coach",
        _form(seeker, response, problem) + result,
        active="/coach",
        lead=_LEAD,
        scripts=("coach.js",),
        footer=footer,
        error=problem is not None,
    )


def _problem(seeker: str, response: str) -> Problem | None:
    for name, label, text in (
        ("seeker", "What they said", seeker),
        ("response", "Your draft reply", response),
    ):
        if is_blank(text):
            shown = "is empty" if not text.strip() else "shows no text (only invisible characters)"
            return Problem(name, f"“{label}” {shown}; paste or write a text there and check again.")
        if len(text) > MAX_TEXT_CHARS:
            return Problem(
                name,
                f"“{label}” has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}. "
                "Shorten it and check again.",
            )
    return None


@router.get("/", include_in_schema=False)
@router.get("/coach", include_in_schema=False)
def coach_form(ctx: Ctx) -> HTMLResponse:
    return page_response(coach_page(ctx))


@dataclass(frozen=True, slots=True)
class PostedTexts:
    """The two texts of a coach post, as sent (empty when missing)."""

    seeker: str
    response: str


async def posted_texts(
    request: Request, _same_origin: Annotated[None, Depends(same_origin_post)]
) -> PostedTexts:
    """The coach form's texts, read only once the post passed the same-origin rule (and,
    as a route dependency that comes after the pages' own, their key and rate-limit check).

    Read as FastAPI reads ``Form()`` fields, with the same answers: a form it cannot parse
    is a 400 (a body over the limit becomes the 413 of
    :class:`~carelens.service.middleware.BodyLimitMiddleware`), and a file where a text
    goes is a 422 ``invalid_request``.
    """
    try:
        form = await request.form()
    except StarletteHTTPException:
        raise  # a broken multipart form: Starlette's 400 with its reason
    except Exception as exc:
        # FastAPI's answer to a body it cannot read (cut off, over the limit, malformed).
        raise StarletteHTTPException(400, "There was an error parsing the body") from exc
    try:
        return PostedTexts(_text_field(form, "seeker"), _text_field(form, "response"))
    finally:
        await form.close()


def _text_field(form: FormData, name: str) -> str:
    value = form.get(name)
    if value is None or isinstance(value, str):
        return value or ""
    if value.filename == "" and value.size == 0:
        return ""  # a file input left empty counts as missing, as FastAPI has it
    raise RequestValidationError(
        [{"type": "string_type", "loc": ("body", name), "msg": "Input should be a valid string"}]
    )


# No ``Form()`` parameters: they would make FastAPI read the whole form before the access
# and same-origin checks run (see the module docstring); ``posted_texts`` reads it after.
@router.post("/coach", include_in_schema=False)
def coach_check(ctx: Ctx, texts: Annotated[PostedTexts, Depends(posted_texts)]) -> HTMLResponse:
    # Browsers send form line breaks as CRLF; offsets must match the text shown back.
    seeker = texts.seeker.replace("\r\n", "\n")
    response = texts.response.replace("\r\n", "\n")
    problem = _problem(seeker, response)
    if problem is not None:
        return page_response(coach_page(ctx, seeker, response, problem=problem), status=422)
    exchange = Exchange(
        seeker=Turn(id="seeker", text=seeker),
        response=Turn(id="reply", text=response, reply_to="seeker"),
    )
    with ctx.lock:
        analysis = ctx.analyzer.predict([exchange])[0]
    # Under --redact the result is the redacted record; the form keeps the typed texts.
    redacted = ctx.settings.redact
    record = result_record(exchange, analysis, redact=redacted)
    dimensions = annotate.dimensions_of(record, ctx.analyzer.dimensions)
    result = result_section(record, dimensions, redacted=redacted)
    return page_response(coach_page(ctx, seeker, response, result=result))
