"""The coach on a real server (uvicorn on a socket) started with ``redact=True``.

The two text boxes keep what was typed: it is the writer's own input, sent back only to
them. Everything the page shows as the result — the marked reply, their message with its
crisis cues, quoted words, feedback — is the redacted record, as on every other page, with
each marked rationale span holding whole placeholders and a note saying the result is
redacted. Nothing typed reaches the server's log or its store, with or without ``redact``.

Found by a privacy review: an e-mail address or handle written with a decomposed accent
("jose@cafe" + U+0301 + ".fr", "@rene" + U+0301 + "e_m") was shown in the result in part
("ana@mü[url]", "[handle]́e_m").
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from pathlib import Path

import httpx
import pytest
from html_tree import Node, parse
from service_helpers import MakeApp

from threaded_server import ThreadedServer

SEEKER = (
    "I want to end my life. @renée_m left me. Mail jose@café.fr or call 555-123-4567, "
    "I live at 221B Baker Street."
)
REPLY = (
    "I'm so sorry, @renée_m hurt you. Please call me on 555-987-6543 or write "
    "ana@münchen.de, see www.example.org/help. What happened?"
)
REDACTED_SEEKER = (
    "I want to end my life. [handle] left me. Mail [email] or call [phone], I live at [address]."
)
REDACTED_REPLY = (
    "I'm so sorry, [handle] hurt you. Please call me on [phone] or write [email], see [url]. "
    "What happened?"
)
#: Pieces of the personal data above, in either form; none may be shown as a result.
PIECES = ("renée", "rene\u0301e", "ée_m", "e_m", "jose", "café", "cafe\u0301", "555-", "Baker")
PIECES += ("ana@", "nchen", "example.org")
PLACEHOLDER = re.compile(r"\[(?:email|phone|url|handle|address)\]")
NOTE = "This server redacts personal data"


def leaks(text: str) -> list[str]:
    return [p for p in PIECES if p in text or unicodedata.normalize("NFD", p) in text]


def post(url: str, seeker: str, response: str) -> httpx.Response:
    return httpx.post(
        f"{url}/coach",
        data={"seeker": seeker, "response": response},
        headers={"Origin": url, "Accept": "text/html"},
        timeout=60,
    )


def boxes(page: Node) -> list[str]:
    """The texts of the two text boxes, as a browser shows them (the first newline dropped)."""
    found = [page.find("textarea", id=name) for name in ("seeker", "response")]
    return [box.text.removeprefix("\n") if box is not None else "" for box in found]


def shown(page_text: str) -> str:
    """The page without its text boxes."""
    return re.sub(r"<textarea\b.*?</textarea>", "", page_text, flags=re.S)


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_the_result_is_redacted_and_the_boxes_keep_the_texts(make_app: MakeApp, form: str) -> None:
    seeker, reply = unicodedata.normalize(form, SEEKER), unicodedata.normalize(form, REPLY)
    with ThreadedServer(make_app(redact=True, rate_limit=0)) as server:
        answer = post(server.url, seeker, reply)
    assert answer.status_code == 200, answer.text
    page = parse(answer.text)
    assert boxes(page) == [seeker, reply]
    assert not leaks(shown(answer.text)), leaks(shown(answer.text))
    result = page.find("section", id="result")
    assert result is not None and NOTE in result.text
    quoted = page.select_one("details.seeker-view blockquote")
    assert quoted is not None and quoted.text == unicodedata.normalize(form, REDACTED_SEEKER)
    rationales = page.select("div.rationale")
    assert rationales
    marked = 0
    for rationale in rationales:
        assert rationale.text == unicodedata.normalize(form, REDACTED_REPLY)
        for mark in rationale.find_all("mark"):
            # whole placeholders only: no bracket is left once they are taken out
            assert not re.search(r"[\[\]]", PLACEHOLDER.sub("", mark.text)), mark.text
            marked += PLACEHOLDER.search(mark.text) is not None
    assert marked  # a marked span held a placeholder, so the check above saw one
    feedback = page.select_one("div.feedback")
    assert feedback is not None and not leaks(feedback.text)
    assert not re.search(r"[\[\]]", PLACEHOLDER.sub("", feedback.text))


@pytest.mark.parametrize("redact", [True, False])
def test_nothing_typed_reaches_the_log_or_the_store(
    make_app: MakeApp, data_dir: Path, redact: bool, caplog: pytest.LogCaptureFixture
) -> None:
    long = SEEKER + " " * 20_000 + "x"
    with caplog.at_level(logging.DEBUG), ThreadedServer(make_app(redact=redact, rate_limit=0)) as s:
        checked = post(s.url, SEEKER, REPLY)
        empty = post(s.url, SEEKER, "   ")
        too_long = post(s.url, long, REPLY)
        nfd = post(s.url, unicodedata.normalize("NFD", SEEKER), REPLY)
    assert (checked.status_code, empty.status_code, too_long.status_code) == (200, 422, 422)
    assert nfd.status_code == 200
    # a refused check keeps the texts in the form and shows no result
    for refused, texts in ((empty, [SEEKER, "   "]), (too_long, [long, REPLY])):
        page = parse(refused.text)
        assert boxes(page) == texts and page.find("section", id="result") is None
    # the result is redacted only with ``redact`` (the control: the check would see a leak)
    assert bool(leaks(shown(checked.text))) is not redact
    assert (NOTE in checked.text) is redact
    # every log record of the server (httpx's and httpcore's are the test client's own)
    messages = [r.getMessage() for r in caplog.records if not r.name.startswith("http")]
    assert any("POST /coach 200" in m for m in messages)
    for message in messages:
        assert not leaks(html.unescape(message)), message
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert not leaks(path.read_bytes().decode("utf-8", "replace")), path
