"""Faults of the store for the service tests: a switchable store wrapper and a TCP proxy.

:class:`FlakyStore` puts a switch in front of a real store: while ``down`` every call raises
:class:`~carelens.store.StoreUnavailableError` as a store that cannot reach its database
does; single methods can be made to fail for their next calls, or to commit and then fail
(a connection lost at commit time). :class:`TcpProxy` forwards a loopback port to a real
PostgreSQL server; ``stop()`` closes the port and cuts every connection through it, as a
stopped server would, and ``start()`` opens the same port again. ``freeze()`` makes it go
silent without closing anything: nothing is forwarded, and (``drop=True``, Linux) every
packet that reaches its sockets is dropped unacknowledged, as by a host that vanished from
the network; ``thaw()`` undoes it, and ``with proxy.frozen(drop=...):`` does both.
:class:`Gated` is the real analyzer, its first batch held until the test lets it go (so a
fault lands mid-corpus on any machine).
"""

from __future__ import annotations

import contextlib
import ctypes
import socket
import struct
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.store import Store, StoreError, StoreUnavailableError
from carelens.types import Exchange, ResponseAnalysis

#: The message of an injected store error (the store's own never hold a password).
INJECTED = "the database cannot be reached (injected fault)"


class FlakyStore:
    """A real store whose calls fail on demand with StoreUnavailableError (see the module
    docstring)."""

    def __init__(self, real: Store) -> None:
        self.real = real
        self.down = False
        #: method name -> how many of its next calls fail before reaching the store.
        self.failures: Counter[str] = Counter()
        #: method name -> how many of its next calls run, then fail (the commit was lost).
        self.lost: Counter[str] = Counter()
        #: a call fails when this returns True for (method name, args, kwargs).
        self.rule: Callable[[str, tuple[Any, ...], dict[str, Any]], bool] | None = None
        self.calls: Counter[str] = Counter()
        #: what a failing call raises (a plain StoreError: an error that would repeat)
        self.error: type[StoreError] = StoreUnavailableError
        self._lock = threading.Lock()

    def _take(self, counter: Counter[str], name: str) -> bool:
        with self._lock:
            if counter[name] > 0:
                counter[name] -= 1
                return True
            return False

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self.real, name)
        if not callable(attribute):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                self.calls[name] += 1
            rule = self.rule
            if (
                self.down
                or self._take(self.failures, name)
                or (rule is not None and rule(name, args, kwargs))
            ):
                raise self.error(f"{name}: {INJECTED}")
            result = attribute(*args, **kwargs)
            if self._take(self.lost, name):
                raise StoreUnavailableError(
                    f"{name}: the connection was lost at commit (injected fault)"
                )
            return result

        return call


class HungStore(FlakyStore):
    """A store whose health query hangs until ``release`` is set."""

    def __init__(self, real: Store) -> None:
        super().__init__(real)
        self.release = threading.Event()
        self.probes = 0

    def schema_version(self) -> int:
        self.probes += 1
        self.release.wait(30)
        version: int = self.real.schema_version()  # type: ignore[attr-defined]
        return version


class Gated:
    """The real analyzer; its first batch sets ``reached`` and waits (60 s at most) for
    ``go``."""

    def __init__(self, real: EmpathyAnalyzer) -> None:
        self.real = real
        self.dimensions = real.dimensions
        self.model_id = real.model_id
        self.artifact = real.artifact
        self.reached = threading.Event()
        self.go = threading.Event()

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]:
        if not self.reached.is_set():
            self.reached.set()
            self.go.wait(60)
        return self.real.predict(pairs)


class TcpProxy:
    """Forwards ``127.0.0.1:port`` to ``target`` until :meth:`stop` (see the module)."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        probe.bind(("127.0.0.1", 0))
        self.port = int(probe.getsockname()[1])
        probe.close()
        self._open: list[socket.socket] = []
        #: the connections' client ends (what the store's packets arrive at)
        self._clients: list[socket.socket] = []
        self._lock = threading.Lock()
        self._thawed = threading.Event()
        self._thawed.set()
        self._dropping = False
        self._listener: socket.socket | None = None
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def for_url(cls, url: str) -> tuple[TcpProxy, str]:
        """A proxy to the server of a ``postgresql://`` URL, and the URL through it."""
        parts = urlsplit(url)
        proxy = cls((parts.hostname or "127.0.0.1", parts.port or 5432))
        userinfo, _, _ = parts.netloc.rpartition("@")
        netloc = f"{userinfo}@127.0.0.1:{proxy.port}" if userinfo else f"127.0.0.1:{proxy.port}"
        return proxy, urlunsplit(parts._replace(netloc=netloc))

    def start(self) -> TcpProxy:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        listener.settimeout(0.05)
        self._listener = listener
        if self._dropping:
            drop_packets(listener, True)
        self._stopped.clear()
        self._thread = threading.Thread(target=self._accept, args=(listener,), daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Close the port and cut every connection through it."""
        self._stopped.set()
        if self._thread is not None:
            self._thread.join(5)
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        with self._lock:
            sockets, self._open, self._clients = self._open, [], []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self._dropping = False
        self._thawed.set()  # a pump held by a freeze finds its sockets closed, and ends

    def freeze(self, *, drop: bool = True) -> None:
        """Go silent, closing nothing: stop forwarding either way, and with ``drop`` make the
        kernel drop every packet that reaches the proxy unacknowledged (new connections'
        SYNs included), as a host that vanished from the network. Without ``drop`` the kernel
        still acknowledges what arrives (and accepts new connections), as for a server
        process that hangs on a live host."""
        with self._lock:
            self._thawed.clear()
            self._dropping = drop
            sockets = list(self._clients)
            if self._listener is not None:
                sockets.append(self._listener)
        if drop:
            for sock in sockets:
                drop_packets(sock, True)

    def thaw(self) -> None:
        """Undo :meth:`freeze`: packets are delivered and forwarded again."""
        with self._lock:
            self._dropping = False
            sockets = list(self._clients)
            if self._listener is not None:
                sockets.append(self._listener)
        for sock in sockets:
            drop_packets(sock, False)
        self._thawed.set()

    @contextlib.contextmanager
    def frozen(self, *, drop: bool = True) -> Iterator[None]:
        """:meth:`freeze` for the block, :meth:`thaw` after it, however the block ends."""
        self.freeze(drop=drop)
        try:
            yield
        finally:
            self.thaw()

    def _accept(self, listener: socket.socket) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            for sock in (client, upstream):
                sock.settimeout(None)
            with self._lock:
                self._open += [client, upstream]
                self._clients.append(client)
                if self._dropping:  # accepted from the backlog as the proxy froze
                    drop_packets(client, True)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                self._thawed.wait()  # frozen: hold what arrived, forward nothing
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


#: Linux socket options that attach and detach a classic BPF socket filter.
SO_ATTACH_FILTER, SO_DETACH_FILTER = 26, 27
#: One instruction, ``ret #0``: keep no byte of any packet. On a TCP socket the kernel then
#: discards every segment before TCP sees it: no ACK, no RST, no answer to a keepalive.
_DROP_ALL = ctypes.create_string_buffer(struct.pack("HBBI", 0x06, 0, 0, 0))
#: ``struct sock_fprog`` for it: the instruction count and a pointer to the instructions.
_DROP_ALL_PROGRAM = struct.pack("HP", 1, ctypes.addressof(_DROP_ALL))
#: Why a test that needs dropped packets cannot run here.
DROP_UNSUPPORTED = (
    None
    if sys.platform == "linux"
    else "dropping packets needs a Linux socket filter (SO_ATTACH_FILTER)"
)


def drop_packets(sock: socket.socket, drop: bool) -> None:
    """Make the kernel drop (or again deliver) every packet that arrives for ``sock``."""
    if drop:
        sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, _DROP_ALL_PROGRAM)
    else:
        with contextlib.suppress(OSError):  # ENOENT: no filter attached
            sock.setsockopt(socket.SOL_SOCKET, SO_DETACH_FILTER, 0)


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Poll ``condition`` every 10 ms until it holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)
