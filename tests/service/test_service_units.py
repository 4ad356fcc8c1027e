"""Pure parts of the service: the token bucket, safe file names, settings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.service import ServiceSettings
from carelens.service.ratelimit import RateLimiter
from carelens.service.uploads import MAX_NAME_CHARS, safe_filename


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
