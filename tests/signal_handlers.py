"""The signal handler a test had before, put back after it: for the tests that install one of
their own or send the test process a SIGTERM that a command under test handles
(``tests/batch``, ``tests/cli``), so that no handler of theirs outlives them."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator


@contextlib.contextmanager
def handler_put_back(signum: int) -> Iterator[None]:
    """Run the block, then put back the handler of ``signum`` it found, however it ends."""
    before = signal.getsignal(signum)
    try:
        yield
    finally:
        signal.signal(signum, before)
