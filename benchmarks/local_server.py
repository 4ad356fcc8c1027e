"""Helpers for benchmarks that start ``carelens serve`` on 127.0.0.1: a free port, and
waiting until the server answers ``/v1/health``. Nothing but loopback is contacted.

The server's output goes to a temporary file (:func:`server_log`), not a pipe a long run
could fill; when the server exits before it answers, :func:`wait_healthy` stops at once and
shows the end of that output (a bad option, a model that does not load, a port in use)."""

from __future__ import annotations

import http.client
import socket
import subprocess
import tempfile
import time
from typing import IO

#: How much of the server's output is shown when it exits early.
LOG_TAIL_CHARS = 3000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_log() -> IO[bytes]:
    """A temporary file for the server's standard output and error (deleted when closed)."""
    return tempfile.TemporaryFile()


def log_tail(log: IO[bytes] | None) -> str:
    """The last :data:`LOG_TAIL_CHARS` characters the server wrote to ``log``."""
    if log is None:
        return "(its output was not kept)"
    log.flush()
    log.seek(0)
    text = log.read().decode("utf-8", "replace").strip()
    return text[-LOG_TAIL_CHARS:] or "(it wrote nothing)"


def wait_healthy(
    port: int,
    timeout: float,
    server: subprocess.Popen[bytes] | None = None,
    log: IO[bytes] | None = None,
) -> None:
    """Return once ``/v1/health`` answers 200; exit with the server's output when it ends
    first, and with a message after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server is not None and (code := server.poll()) is not None:
            raise SystemExit(
                f"the server exited with code {code} before it answered /v1/health; "
                f"the end of its output:\n{log_tail(log)}"
            )
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/v1/health")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.25)
    raise SystemExit(
        f"the server did not become healthy within {timeout:.0f} s; the end of its output:\n"
        f"{log_tail(log)}"
    )
