"""A token-bucket rate limiter, one bucket per client (API key, or address without a key).

Each bucket holds up to ``per_minute`` tokens and refills at ``per_minute / 60`` tokens a
second; a request takes one token. An empty bucket means HTTP 429 with ``Retry-After`` set to
the whole seconds until the next token. Thread-safe; the clock is injectable for tests. Idle,
full buckets are dropped when many clients have been seen, so memory stays bounded.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

#: Buckets kept before full (idle) ones are dropped.
MAX_BUCKETS = 10_000


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """``per_minute`` requests a minute per client, with bursts up to ``per_minute``."""

    def __init__(self, per_minute: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.per_minute = per_minute
        self.rate = per_minute / 60.0
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """Take one token for ``client``: 0.0 when allowed, else seconds until one is free."""
        with self._lock:
            now = self._clock()
            bucket = self._buckets.get(client)
            if bucket is None:
                if len(self._buckets) >= MAX_BUCKETS:
                    self._prune(now)
                bucket = self._buckets[client] = _Bucket(float(self.per_minute), now)
            else:
                elapsed = max(0.0, now - bucket.updated)
                bucket.tokens = min(float(self.per_minute), bucket.tokens + elapsed * self.rate)
                bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self.rate

    @staticmethod
    def retry_after(wait: float) -> str:
        """A ``Retry-After`` header value: whole seconds, at least 1."""
        return str(max(1, math.ceil(wait)))

    def _prune(self, now: float) -> None:
        full = [
            key
            for key, b in self._buckets.items()
            if b.tokens + (now - b.updated) * self.rate >= self.per_minute
        ]
        for key in full:
            del self._buckets[key]
