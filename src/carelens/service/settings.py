"""The settings of one ``carelens serve`` process: where it listens, where it keeps data, limits.

:class:`ServiceSettings` is a frozen dataclass built by the ``serve`` command (or by hand in
Python and tests) and passed to :func:`carelens.service.create_app`. Two properties decide
access: a server bound to anything but a loopback address (``127.0.0.1``, ``::1``,
``localhost``) always requires an API key, and on loopback a key is required only when
``require_key`` is set. ``data_dir`` defaults to the store's (``$CARELENS_DATA_DIR``, else
``~/.local/share/carelens``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from carelens.store import default_data_dir
from carelens.store.postgres import QUERY_TIMEOUT

#: Host names that only this machine can reach.
LOOPBACK_HOSTS: frozenset[str] = frozenset({"127.0.0.1", "::1", "localhost", "[::1]"})
#: Default JSON body limit (1 MiB) and upload limit (100 MiB).
DEFAULT_MAX_BODY_BYTES = 1 << 20
DEFAULT_MAX_UPLOAD_BYTES = 100 << 20
#: How many times its upload limit a compressed (``.zst``) upload may unpack to by default:
#: room for real dumps of text, while a "zip bomb" of a few KB unpacks to gigabytes.
UNPACKED_PER_UPLOAD_BYTE = 20


def is_loopback(host: str) -> bool:
    """True when ``host`` (a bind address or a Host header name) is this machine only."""
    return host.strip().lower() in LOOPBACK_HOSTS


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    """What a server needs to know; every field has a safe default (loopback, no key).

    ``rate_limit`` is requests per minute per API key (per client address without a key);
    0 turns rate limiting off. ``chunk_size`` is how many pairs of an uploaded corpus are
    analysed and stored together (a crash loses at most one chunk of work, never a result).
    ``redact`` replaces e-mail addresses, phone numbers, URLs, handles and street addresses
    with placeholders in every text the server answers with or stores, as
    ``carelens analyze --redact`` does. ``store_retries`` and ``store_retry_delay`` say how
    the corpus worker rides out a store that cannot be reached: each store call is tried
    again up to ``store_retries`` times, after ``store_retry_delay`` seconds, then twice
    that, and so on (the defaults wait 1.5 + 3 + 6 = 10.5 s); a corpus the store still fails
    is parked, not failed, and queued again after ``store_requeue_delay`` seconds (doubling
    while the outage lasts, at most 10 minutes).
    ``health_timeout`` is how long ``/v1/health`` waits for the store to answer before it
    reports it unavailable. ``store_timeout`` is how long one call to a PostgreSQL store may
    take before it fails as unavailable (503): a server that hangs on a host that is still
    up would otherwise hold the request until it answers (:mod:`carelens.store.postgres`).
    ``max_unpacked_bytes`` is the most bytes a compressed (``.zst`` or Parquet) upload may
    unpack to (None: :data:`UNPACKED_PER_UPLOAD_BYTE` times ``max_upload_bytes``, 2 GiB by
    default; :attr:`unpacked_limit`): the corpus of one that unpacks to more fails once its
    read has passed the limit, as does format detection at upload. A Parquet upload is
    refused when it arrives (413) when its metadata, its pages' headers or its rows' widths
    say it unpacks to more (:func:`carelens.readers.parquet.check_parquet`), and its rows
    are decoded only as many at a time as cannot pass the limit by them
    (:func:`carelens.readers.parquet.rows_per_batch`).
    """

    host: str = "127.0.0.1"
    port: int = 8000
    data_dir: Path = field(default_factory=default_data_dir)
    database_url: str | None = None
    model: Path | None = None
    threads: int | None = None
    max_batch: int = 64
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    max_unpacked_bytes: int | None = None
    rate_limit: int = 120
    require_key: bool = False
    chunk_size: int = 64
    #: Redact personal data (:func:`carelens.privacy.redact`) from every text the server
    #: returns or stores: ``/v1/analyze`` records, stored corpus results, upload names, errors.
    redact: bool = False
    store_retries: int = 3
    store_retry_delay: float = 1.5
    store_requeue_delay: float = 30.0
    health_timeout: float = 5.0
    store_timeout: float = QUERY_TIMEOUT

    def __post_init__(self) -> None:
        for name in ("max_batch", "max_body_bytes", "max_upload_bytes", "chunk_size"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.max_unpacked_bytes is not None and self.max_unpacked_bytes < 1:
            raise ValueError("max_unpacked_bytes must be at least 1 (or None for the default)")
        for name in ("store_retries", "store_retry_delay"):
            if not getattr(self, name) >= 0:
                raise ValueError(f"{name} must be 0 or more")
        for name in ("health_timeout", "store_requeue_delay", "store_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be more than 0 seconds")
        if self.rate_limit < 0:
            raise ValueError("rate_limit must be 0 (off) or more")
        if not 0 <= self.port <= 65535:
            raise ValueError(f"port must be 0-65535, not {self.port}")

    @property
    def loopback(self) -> bool:
        """True when the server listens on this machine only."""
        return is_loopback(self.host)

    @property
    def key_required(self) -> bool:
        """True when every request (but the health check) needs an API key."""
        return self.require_key or not self.loopback

    @property
    def unpacked_limit(self) -> int:
        """The most bytes a compressed upload may unpack to (see ``max_unpacked_bytes``)."""
        if self.max_unpacked_bytes is not None:
            return self.max_unpacked_bytes
        return UNPACKED_PER_UPLOAD_BYTE * self.max_upload_bytes

    @property
    def uploads_dir(self) -> Path:
        """Where uploaded corpora are kept: ``<data_dir>/uploads/<corpus id>/<file>``."""
        return self.data_dir / "uploads"
