"""A cross-origin ``POST /coach`` is refused before its form is read.

FastAPI reads (and parses) a whole form before a route or its dependencies run, so the
coach's same-origin rule (:func:`~carelens.service.pages.access.same_origin_post`) answered
403 only after the server had received and parsed up to 1 MiB of someone else's form. On
loopback the guard middleware refused such a post unread already; off loopback (where the
pages need a key) nothing did. These tests run an off-loopback app and check that the answer
now comes first: at the ASGI level, with a ``receive`` that records whether it was ever
called, and over a real socket, where the client announces a large form, sends a little of
it, and must get the answer at once (the server would otherwise wait for the rest). The
refusal is the page it was, a post from the pages themselves is still read and checked,
and the form is read as FastAPI read it (a file for a text, a broken form, a too large one).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from raw_http import AsgiPost, send_partial
from service_helpers import MakeApp, assert_error

from carelens.service.pages.layout import PAGE_HEADERS
from carelens.store import Store
from threaded_server import ThreadedServer

HOST = "203.0.113.7:8000"  # what a client of a 0.0.0.0 server may call it
PUBLIC = f"http://{HOST}"
EVIL = "https://evil.example"
FORM = b"seeker=I+lost+my+job.&response=That+sounds+hard.+What+happened%3F"
URLENCODED = "application/x-www-form-urlencoded"
#: What a large form announces (under the 1 MiB body limit): the tests send far less.
ANNOUNCED = 900_000
REFUSAL = "This form can only be sent from the carelens pages themselves."


@pytest.fixture
def public(make_app: MakeApp, store: Store) -> tuple[FastAPI, str]:
    """An off-loopback app (no loopback guard; pages need a key) and its key's secret."""
    _, secret = store.create_key("coach")
    return make_app(host="0.0.0.0", rate_limit=0), secret


def coach_post(headers: dict[str, str], *, length: int, body: bytes = FORM) -> AsgiPost:
    """A ``POST /coach`` from off this machine to the app itself (see :class:`AsgiPost`)."""
    return AsgiPost(
        "/coach",
        {"Host": HOST, **headers},
        length=length,
        body=body,
        client="198.51.100.9",
        server="203.0.113.7",
    )


def _assert_page_headers(headers: dict[str, str]) -> None:
    assert headers["content-type"] == "text/html; charset=utf-8"
    for name, value in PAGE_HEADERS.items():
        assert headers[name.lower()] == value


# -- at the ASGI level: is receive() ever called? -----------------------------------------------


def test_a_cross_origin_post_is_refused_before_its_form_is_read(
    public: tuple[FastAPI, str],
) -> None:
    app, secret = public
    headers = {"Origin": EVIL, "X-API-Key": secret, "Content-Type": URLENCODED}
    exchange = coach_post(headers, length=ANNOUNCED).run(app, timeout=5)
    assert exchange.status == 403, exchange.response_body
    assert exchange.receives == 0  # not a byte of the form was asked for
    _assert_page_headers(exchange.response_headers)
    page = exchange.response_body.decode()
    assert "<title>Error: Not allowed · carelens</title>" in page and REFUSAL in page
    # The same page as for a whole form sent (the refusal is what it was).
    with TestClient(app, base_url=PUBLIC) as client:
        whole = client.post("/coach", content=FORM, headers=headers)
    assert whole.status_code == 403
    assert whole.content == exchange.response_body


def test_a_cross_origin_post_without_a_key_is_still_a_401_unread(
    public: tuple[FastAPI, str],
) -> None:
    """The key is checked first, as before (a 401 that asks for the key), and that too is
    answered before the form is read."""
    app, _ = public
    exchange = coach_post({"Origin": EVIL, "Content-Type": URLENCODED}, length=ANNOUNCED).run(
        app, timeout=5
    )
    assert exchange.status == 401, exchange.response_body
    assert exchange.response_headers["www-authenticate"].startswith("Basic ")
    assert exchange.receives == 0


@pytest.mark.parametrize("origin", [PUBLIC, None], ids=["same-origin", "no-origin"])
def test_a_post_from_the_pages_is_read_and_checked(
    public: tuple[FastAPI, str], origin: str | None
) -> None:
    app, secret = public
    headers = {"X-API-Key": secret, "Content-Type": URLENCODED}
    if origin is not None:
        headers["Origin"] = origin
    exchange = coach_post(headers, length=len(FORM)).run(app, timeout=5)
    assert exchange.status == 200, exchange.response_body
    assert exchange.receives >= 1
    _assert_page_headers(exchange.response_headers)
    assert b'id="result"' in exchange.response_body
    assert b"That sounds hard. What happened?" in exchange.response_body


# -- the form is read as before -------------------------------------------------------------------


@pytest.fixture
def keyed(public: tuple[FastAPI, str]) -> Iterator[tuple[TestClient, dict[str, str]]]:
    app, secret = public
    with TestClient(app, base_url=PUBLIC) as client:
        yield client, {"X-API-Key": secret}


def test_the_form_is_read_as_before(keyed: tuple[TestClient, dict[str, str]]) -> None:
    client, key = keyed
    # Browsers send CRLF line breaks; a repeated field counts once (the last).
    twice = client.post(
        "/coach",
        content=b"seeker=one&seeker=I+lost+my+job.&response=So+sorry.%0D%0AWhat+happened%3F",
        headers={**key, "Content-Type": URLENCODED},
    )
    assert twice.status_code == 200
    assert "\nI lost my job.</textarea>" in twice.text
    assert "\nSo sorry.\nWhat happened?</textarea>" in twice.text
    # A missing text, or an empty file input where a text goes, is the coach's own 422.
    for files in (None, {"seeker": ("", b"", "application/octet-stream")}):
        empty = client.post("/coach", data={"response": "Hi."}, files=files, headers=key)
        assert empty.status_code == 422 and "“What they said” is empty" in empty.text
    invisible = client.post("/coach", data={"seeker": "\u200b", "response": "Hi."}, headers=key)
    assert invisible.status_code == 422
    assert "“What they said” shows no text (only invisible characters)" in invisible.text


def test_a_form_that_cannot_be_read_gets_the_errors_it_got(
    keyed: tuple[TestClient, dict[str, str]],
) -> None:
    client, key = keyed
    a_file = client.post(
        "/coach",
        data={"response": "Hi."},
        files={"seeker": ("a.txt", b"hello", "text/plain")},
        headers=key,
    )
    error = assert_error(a_file, 422, "invalid_request")
    assert error["details"] == [{"field": "seeker", "message": "Input should be a valid string"}]
    broken = client.post(
        "/coach", content=b"abc", headers={**key, "Content-Type": "multipart/form-data"}
    )
    assert assert_error(broken, 400, "bad_request")["message"] == "Missing boundary in multipart."
    big = client.post(
        "/coach",
        content=b"seeker=" + b"x" * (2 << 20),
        headers={**key, "Content-Type": URLENCODED},
    )
    assert_error(big, 413, "payload_too_large")


# -- over a real socket: a large form announced, a little of it sent ------------------------------


def _post_partial(url: str, secret: str, *, expect_continue: bool) -> tuple[float, int, bytes]:
    """Announce a large cross-origin form and send only its start (none of it when waiting
    for ``100 Continue``); (seconds until the answer, status, body). Fails after 5 s."""
    lines = [
        "POST /coach HTTP/1.1",
        f"Host: {HOST}",
        f"Origin: {EVIL}",
        f"X-API-Key: {secret}",
        f"Content-Type: {URLENCODED}",
        f"Content-Length: {ANNOUNCED}",
    ]
    if expect_continue:
        lines.append("Expect: 100-continue")
    request = ("\r\n".join(lines) + "\r\n\r\n").encode() + (b"" if expect_continue else FORM)
    took, status, _, body = send_partial(url, request, b"", timeout=5)
    return took, status, body


@pytest.mark.parametrize("expect_continue", [False, True], ids=["sent", "100-continue"])
def test_a_real_server_refuses_a_cross_origin_post_without_waiting_for_the_form(
    public: tuple[FastAPI, str], expect_continue: bool
) -> None:
    app, secret = public
    with ThreadedServer(app) as server:
        took, status, body = _post_partial(server.url, secret, expect_continue=expect_continue)
    assert status == 403, body
    assert REFUSAL.encode() in body
    assert took < 5
