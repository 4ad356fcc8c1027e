"""Pure parts of the service: the token bucket, safe file names, receiving uploads, settings."""

from __future__ import annotations

import io
import os
import re
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.service import ServiceSettings
from carelens.service.ratelimit import RateLimiter
from carelens.service.uploads import (
    INCOMING,
    MAX_NAME_CHARS,
    STALE_INCOMING_S,
    receive,
    safe_filename,
    sweep_incoming,
)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_token_bucket_bursts_then_refills() -> None:
    clock = Clock()
    limiter = RateLimiter(60, clock=clock)  # one token a second, bursts of 60
    assert all(limiter.take("a") == 0.0 for _ in range(60))
    wait = limiter.take("a")
    assert wait == pytest.approx(1.0)
    assert RateLimiter.retry_after(wait) == "1"
    assert limiter.take("b") == 0.0  # another client has its own bucket
    clock.now += 0.5
    assert limiter.take("a") == pytest.approx(0.5)
    clock.now += 0.5
    assert limiter.take("a") == 0.0
    clock.now += 3600
    assert sum(limiter.take("a") == 0.0 for _ in range(100)) == 60  # never more than the burst


def test_retry_after_is_whole_seconds() -> None:
    assert RateLimiter.retry_after(0.01) == "1"
    assert RateLimiter.retry_after(2.2) == "3"
    with pytest.raises(ValueError):
        RateLimiter(0)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("pairs.csv", "pairs.csv"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\chat.jsonl", "chat.jsonl"),
        (".bashrc", "bashrc"),
        ("..", "upload"),
        ("", "upload"),
        (None, "upload"),
        ("my chats (2024).jsonl.zst", "my_chats_2024.jsonl.zst"),
        ("CON.csv", "CON_.csv"),
        ("rejects.jsonl", "rejects.jsonl"),
        ("café.csv", "cafe.csv"),
        ("a" * 300 + ".csv", "a" * (MAX_NAME_CHARS - 5) + ".csv"),
    ],
)
def test_safe_filename_examples(name: str | None, expected: str) -> None:
    assert safe_filename(name) == expected


@given(st.text(max_size=300))
def test_safe_filename_is_always_a_plain_name(name: str) -> None:
    safe = safe_filename(name)
    assert re.fullmatch(r"[A-Za-z0-9._-]+", safe)
    assert not safe.startswith((".", "-")) and ".." not in safe
    assert 0 < len(safe) <= MAX_NAME_CHARS
    assert Path(safe).name == safe


class BrokenUpload(io.RawIOBase):
    """A client that sends one MiB and then goes away."""

    def __init__(self) -> None:
        self.sent = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.sent >= 1 << 20:
            raise ConnectionResetError("client went away")
        n = len(buffer)
        buffer[:n] = b"x" * n
        self.sent += n
        return n


def test_a_failed_upload_leaves_no_partial_copy(tmp_path: Path) -> None:
    with pytest.raises(ConnectionResetError):
        receive(io.BufferedReader(BrokenUpload()), tmp_path, "big.csv")
    assert list((tmp_path / INCOMING).iterdir()) == []
    path, size = receive(io.BytesIO(b"a,b\n"), tmp_path, "ok.csv")
    assert (path.parent.name, size, oct(path.stat().st_mode & 0o777)) == (INCOMING, 4, "0o600")


def test_sweep_removes_only_abandoned_partial_uploads(tmp_path: Path) -> None:
    assert sweep_incoming(tmp_path) == 0  # no folder yet
    incoming = tmp_path / INCOMING
    incoming.mkdir()
    old, live = incoming / "a-old.csv", incoming / "b-live.csv"
    old.write_bytes(b"half a file")
    live.write_bytes(b"still arriving")
    long_ago = time.time() - STALE_INCOMING_S - 5
    os.utime(old, (long_ago, long_ago))
    assert sweep_incoming(tmp_path) == 1
    assert sorted(p.name for p in incoming.iterdir()) == ["b-live.csv"]


def test_settings() -> None:
    assert ServiceSettings().loopback and not ServiceSettings().key_required
    assert ServiceSettings(host="localhost").loopback
    assert ServiceSettings(host="::1").loopback
    assert ServiceSettings(host="0.0.0.0").key_required
    assert ServiceSettings(host="192.168.1.5").key_required
    assert ServiceSettings(require_key=True).key_required
    with pytest.raises(ValueError):
        ServiceSettings(max_batch=0)
    with pytest.raises(ValueError):
        ServiceSettings(rate_limit=-1)
