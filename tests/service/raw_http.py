"""Requests that announce a body and send only part of it: straight to an ASGI app, or over
a bare socket.

An HTTP client library sends the whole body it is given; these tests must announce a large
body, send a little (or nothing, with ``Expect: 100-continue``) and see whether the server
answers without waiting for the rest. :class:`AsgiPost` calls the app itself and counts its
``receive()`` calls (none means the body was never read); :func:`send_partial` sends over a
real socket and reads one answer (:func:`read_response`). Either fails the test, instead of
hanging it, when no answer comes in time.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
from typing import Any

import pytest
from fastapi import FastAPI
from starlette.types import Message


class AsgiPost:
    """One ``POST path`` sent straight to the ASGI app: ``headers`` (a ``host`` among them)
    plus the announced ``length``; the first ``receive()`` gives ``body``, later ones never
    answer. Records how often ``receive()`` was called and the response."""

    def __init__(
        self,
        path: str,
        headers: dict[str, str],
        *,
        length: int,
        body: bytes,
        client: str = "127.0.0.1",
        server: str = "127.0.0.1",
    ) -> None:
        self.path = path
        self.headers = [(name.lower().encode(), value.encode()) for name, value in headers.items()]
        self.headers.append((b"content-length", str(length).encode()))
        self.body = body
        self.client, self.server = client, server
        self.receives = 0
        self.status = 0
        self.response_headers: dict[str, str] = {}
        self.response_body = b""

    async def receive(self) -> Message:
        self.receives += 1
        if self.receives == 1:
            return {"type": "http.request", "body": self.body, "more_body": False}
        await asyncio.sleep(3600)  # the client sends nothing more (and never disconnects)
        raise AssertionError("unreachable")

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = int(message["status"])
            self.response_headers = {
                bytes(k).decode("latin-1").lower(): bytes(v).decode("latin-1")
                for k, v in message.get("headers", [])
            }
        elif message["type"] == "http.response.body":
            self.response_body += message.get("body", b"")

    def run(self, app: FastAPI, *, timeout: float = 30) -> AsgiPost:
        """Send the request to ``app``; an answer that waits for the body never comes, so
        the test fails after ``timeout`` seconds instead of hanging."""
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": self.path,
            "raw_path": self.path.encode(),
            "root_path": "",
            "query_string": b"",
            "headers": self.headers,
            "client": (self.client, 40000),
            "server": (self.server, 8000),
            "state": {},
        }
        asyncio.run(asyncio.wait_for(app(scope, self.receive, self.send), timeout))
        return self

    def error(self) -> dict[str, Any]:
        """The ``error`` object of a JSON error answer."""
        assert self.response_headers["content-type"].startswith("application/json")
        error: dict[str, Any] = json.loads(self.response_body)["error"]
        return error


def read_response(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of one response (Content-Length)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"connection closed before a response: {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(status_line.split()[1]), headers, body


def send_partial(
    url: str, request: bytes, body: bytes, *, timeout: float
) -> tuple[float, int, dict[str, str], bytes]:
    """Send ``request`` (its head) and ``body`` (a small part of what it announces) to the
    server at ``url`` (``http://host:port``), then read the answer: (seconds it took,
    status, headers, body). Fails the test after ``timeout`` seconds without one."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        start = time.monotonic()
        sock.sendall(request + body)
        try:
            status, headers, answer = read_response(sock)
        except TimeoutError:
            pytest.fail(f"no answer within {timeout:g} s: the server waits for the rest")
        return time.monotonic() - start, status, headers, answer
