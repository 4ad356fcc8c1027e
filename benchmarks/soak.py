"""Soak test of ``carelens serve``: a bounded mixed load for a long time, against 127.0.0.1 only.

Starts ``carelens serve`` in a subprocess on a free loopback port with a fresh data folder
(rate limit off; SQLite there, or the store of ``--database-url``), waits for
``/v1/health``, then runs ``--clients`` threads, each on a kept-alive connection, that pick
requests at random (seeded) from a fixed mix:

* ``POST /v1/analyze`` with one pair, and with a batch of 4-16 pairs;
* ``POST /v1/corpora`` (a CSV of ``--corpus-pairs`` synthetic pairs) by one client every
  ``--upload-every`` seconds, the oldest corpus deleted once more than ``--keep`` exist, so
  the store stays bounded; ``GET /v1/corpora/{id}`` polling and ``GET /v1/corpora``;
* ``GET /v1/corpora/{id}/results`` pages, some with filters (style, dimension, search);
* ``GET /v1/health``, ``GET /v1/model``, and the explorer and dashboard pages of a corpus.

The same mix runs for ``--warmup`` seconds first (caches, allocator and the first corpus
analysed); the server's RSS (psutil) is read then (**start**), every 10 s, and at the end
(**end**). It prints the requests per kind with their status codes and latencies, and the
RSS figures, and exits 1 if any answer was a 5xx, any request failed at the connection, or
the RSS grew more than ``--max-growth`` (0.10: 10 %) from start to end. The server's thread
count is printed too (start, end, peak): the PostgreSQL store runs a watchdog timer per
call, which must not pile up.

    python benchmarks/soak.py --seconds 600 --clients 4

Inputs are the synthetic pairs of :mod:`pairs`; nothing but 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import psutil
from bench_common import (
    machine_line,
    non_negative_float,
    positive_float,
    positive_int,
)
from local_server import free_port, server_log, wait_healthy
from pairs import make_pairs

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
#: Requests each client picks from, with their weights.
MIX: tuple[tuple[str, int], ...] = (
    ("analyze one", 30),
    ("analyze batch", 8),
    ("results page", 16),
    ("corpus status", 10),
    ("corpus list", 5),
    ("health", 8),
    ("model", 4),
    ("explorer page", 5),
    ("dashboard page", 3),
)
STYLES = ("empathy", "sympathy", "compassion", "advice", "dismissive")
DIMENSIONS = ("exploration", "emotional_reaction", "interpretation")
WORDS = ("feel", "job", "sleep", "friend", "sorry", "work")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def csv_corpus(pairs: list[tuple[str, str]], tag: str) -> bytes:
    lines = ["seeker_id,response_id,seeker,response"]
    for k, (seeker, response) in enumerate(pairs):
        quoted = [f'"{t.replace(chr(34), chr(34) * 2)}"' for t in (seeker, response)]
        lines.append(f"{tag}-s{k},{tag}-r{k},{quoted[0]},{quoted[1]}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def multipart(name: str, content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


class Load:
    """The shared state of the clients: corpora, tallies, the stop time."""

    def __init__(self, port: int, pairs: list[tuple[str, str]], args: argparse.Namespace) -> None:
        self.port = port
        self.pairs = pairs
        self.args = args
        self.lock = threading.Lock()
        self.corpora: list[str] = []  # oldest first
        self.statuses: dict[str, Counter[int]] = defaultdict(Counter)
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.failures: list[str] = []
        self.next_upload = 0.0
        self.uploads = 0

    def reset(self) -> None:
        with self.lock:
            self.statuses.clear()
            self.latencies.clear()

    # -- one request ---------------------------------------------------------------------------

    def send(
        self,
        conn: http.client.HTTPConnection,
        kind: str,
        method: str,
        path: str,
        body: bytes | None = None,
        content_type: str | None = None,
    ) -> tuple[int, bytes]:
        headers = {"Content-Type": content_type} if content_type else {}
        start = time.perf_counter()
        conn.request(method, path, body, headers)
        response = conn.getresponse()
        data = response.read()
        ms = (time.perf_counter() - start) * 1000
        with self.lock:
            self.statuses[kind][response.status] += 1
            self.latencies[kind].append(ms)
            if response.status >= 500:
                self.failures.append(f"{kind}: {method} {path} -> {response.status}")
        return response.status, data

    def corpus(self, rng: random.Random) -> str | None:
        with self.lock:
            return rng.choice(self.corpora) if self.corpora else None

    def pick_pairs(self, rng: random.Random, n: int) -> list[tuple[str, str]]:
        return [self.pairs[rng.randrange(len(self.pairs))] for _ in range(n)]

    def maybe_upload(self, conn: http.client.HTTPConnection, rng: random.Random) -> bool:
        """Upload a corpus when one is due (and drop the oldest beyond ``--keep``)."""
        now = time.monotonic()
        with self.lock:
            if now < self.next_upload:
                return False
            self.next_upload = now + self.args.upload_every
            self.uploads += 1
            tag = f"u{self.uploads}"
        content = csv_corpus(self.pick_pairs(rng, self.args.corpus_pairs), tag)
        body, content_type = multipart(f"{tag}.csv", content)
        status, data = self.send(conn, "upload corpus", "POST", "/v1/corpora", body, content_type)
        if status == 202:
            with self.lock:
                self.corpora.append(json.loads(data)["id"])
                dropped = self.corpora.pop(0) if len(self.corpora) > self.args.keep else None
            if dropped is not None:
                self.send(conn, "delete corpus", "DELETE", f"/v1/corpora/{dropped}")
        return True

    def one(self, conn: http.client.HTTPConnection, rng: random.Random, kind: str) -> None:
        cid = self.corpus(rng)
        if kind == "analyze one":
            seeker, response = self.pick_pairs(rng, 1)[0]
            body = json.dumps({"seeker": seeker, "response": response}).encode()
            self.send(conn, kind, "POST", "/v1/analyze", body, "application/json")
        elif kind == "analyze batch":
            batch = self.pick_pairs(rng, rng.randint(4, 16))
            pairs = [{"id": str(k), "seeker": s, "response": r} for k, (s, r) in enumerate(batch)]
            body = json.dumps({"pairs": pairs}).encode()
            self.send(conn, kind, "POST", "/v1/analyze", body, "application/json")
        elif kind == "results page" and cid:
            query: dict[str, Any] = {"offset": rng.choice((0, 0, 50, 100)), "limit": 50}
            extra = rng.choice(("", "style", "dimension", "q"))
            if extra == "style":
                query["style"] = rng.choice(STYLES)
            elif extra == "dimension":
                query |= {"dimension": rng.choice(DIMENSIONS), "min_level": rng.randint(0, 2)}
            elif extra == "q":
                query["q"] = rng.choice(WORDS)
            self.send(conn, kind, "GET", f"/v1/corpora/{cid}/results?{urlencode(query)}")
        elif kind == "corpus status" and cid:
            self.send(conn, kind, "GET", f"/v1/corpora/{cid}")
        elif kind == "corpus list":
            self.send(conn, kind, "GET", "/v1/corpora")
        elif kind == "health":
            self.send(conn, kind, "GET", "/v1/health")
        elif kind == "model":
            self.send(conn, kind, "GET", "/v1/model")
        elif kind == "explorer page":
            path = rng.choice(("/explorer", f"/explorer/{cid}")) if cid else "/explorer"
            self.send(conn, kind, "GET", path)
        elif kind == "dashboard page" and cid:
            self.send(conn, kind, "GET", f"/dashboards/{cid}")

    # -- the clients ---------------------------------------------------------------------------

    def run(self, seconds: float, seed: int) -> None:
        stop = time.monotonic() + seconds
        kinds = [k for k, _ in MIX]
        weights = [w for _, w in MIX]

        def client(k: int) -> None:
            rng = random.Random(seed * 1000 + k)
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            while time.monotonic() < stop:
                try:
                    if k == 0 and self.maybe_upload(conn, rng):
                        continue
                    self.one(conn, rng, rng.choices(kinds, weights)[0])
                except (OSError, http.client.HTTPException) as exc:
                    with self.lock:
                        self.failures.append(f"client {k}: {type(exc).__name__}: {exc}")
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                    time.sleep(0.5)
            conn.close()

        threads = [threading.Thread(target=client, args=(k,)) for k in range(self.args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()


def rss_mib(process: psutil.Process) -> float:
    return float(process.memory_info().rss) / (1 << 20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=positive_float, default=600.0, help="the measured soak")
    parser.add_argument(
        "--warmup", type=non_negative_float, default=60.0, help="load before the start RSS"
    )
    parser.add_argument("--clients", type=positive_int, default=4)
    parser.add_argument("--threads", type=positive_int, default=2, help="the server's --threads")
    parser.add_argument("--corpus-pairs", type=positive_int, default=100, help="pairs per upload")
    parser.add_argument("--upload-every", type=positive_float, default=30.0, help="seconds")
    parser.add_argument(
        "--keep", type=positive_int, default=3, help="corpora kept (older are deleted)"
    )
    parser.add_argument(
        "--max-growth", type=non_negative_float, default=0.10, help="RSS growth allowed"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--database-url",
        help="the server's store (default: SQLite in its fresh data folder); a PostgreSQL "
        "URL is best given through $CARELENS_DATABASE_URL, which the server reads too",
    )
    args = parser.parse_args()
    print(machine_line(), flush=True)
    # the server takes the option, else the environment variable (as `carelens serve` does)
    store_url = args.database_url or os.environ.get("CARELENS_DATABASE_URL") or ""
    pairs = make_pairs(400, seed=args.seed)
    port = free_port()
    samples: list[tuple[float, float]] = []
    threads: list[int] = []  # the server's threads at each sample
    with tempfile.TemporaryDirectory() as data:
        cmd = [
            sys.executable, "-m", "carelens.cli.main", "serve", "--port", str(port),
            "--data-dir", data, "--rate-limit", "0", "--threads", str(args.threads), "-q",
        ]  # fmt: skip
        if args.database_url:
            cmd += ["--database-url", args.database_url]
        log = server_log()
        server = subprocess.Popen(
            cmd, env={**os.environ, "PYTHONPATH": str(SRC)}, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            wait_healthy(port, 180.0, server, log)
            process = psutil.Process(server.pid)
            load = Load(port, pairs, args)
            load.run(args.warmup, args.seed)  # warm-up: caches, allocator, a first corpus
            load.reset()
            began = time.monotonic()
            samples.append((0.0, rss_mib(process)))
            threads.append(process.num_threads())
            sampling = threading.Event()

            def sample() -> None:
                while not sampling.wait(10.0):
                    samples.append((time.monotonic() - began, rss_mib(process)))
                    threads.append(process.num_threads())

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            load.run(args.seconds, args.seed + 1)
            sampling.set()
            sampler.join()
            elapsed = time.monotonic() - began
            samples.append((elapsed, rss_mib(process)))
            threads.append(process.num_threads())
            alive = server.poll() is None
        finally:
            server.terminate()
            server.wait(timeout=60)
            log.close()
    start, end = samples[0][1], samples[-1][1]
    peak = max(rss for _, rss in samples)
    growth = (end - start) / start
    total = sum(sum(c.values()) for c in load.statuses.values())
    errors_5xx = sum(n for c in load.statuses.values() for s, n in c.items() if s >= 500)
    print(
        f"soak: {elapsed:.0f} s after a {args.warmup:.0f} s warm-up, {args.clients} clients, "
        f"server --threads {args.threads}; uploads of {args.corpus_pairs} pairs every "
        f"{args.upload_every:.0f} s, at most {args.keep} corpora kept; store: "
        f"{'PostgreSQL' if store_url.startswith('postgres') else 'SQLite'}"
    )
    print(f"{'request':<16}{'count':>8}{'2xx':>8}{'4xx':>6}{'5xx':>6}{'p50 ms':>9}{'p99 ms':>9}")
    for kind in sorted(load.statuses):
        counts, ms = load.statuses[kind], load.latencies[kind]
        ok = sum(n for s, n in counts.items() if 200 <= s < 300)
        c4 = sum(n for s, n in counts.items() if 400 <= s < 500)
        c5 = sum(n for s, n in counts.items() if s >= 500)
        print(
            f"{kind:<16}{sum(counts.values()):>8}{ok:>8}{c4:>6}{c5:>6}"
            f"{percentile(ms, 0.5):>9.1f}{percentile(ms, 0.99):>9.1f}"
        )
    print(f"{'all':<16}{total:>8}{'':>8}{'':>6}{errors_5xx:>6}   ({total / elapsed:.1f} req/s)")
    print(
        f"server RSS (MiB): start {start:.1f}, end {end:.1f}, peak {peak:.1f}; "
        f"growth {growth * 100:+.1f}% (limit {args.max_growth * 100:.0f}%)"
    )
    print(f"server threads: start {threads[0]}, end {threads[-1]}, peak {max(threads)}")
    problems = []
    if errors_5xx:
        problems.append(f"{errors_5xx} answers were 5xx")
    if load.failures:
        problems.append(f"{len(load.failures)} failures, first: {load.failures[0]}")
    if growth > args.max_growth:
        problems.append(f"RSS grew {growth * 100:.1f}%")
    if not alive:
        problems.append("the server died")
    print("result: " + ("PASS" if not problems else "FAIL — " + "; ".join(problems)))
    if args.json:
        figures = {
            "seconds": elapsed,
            "requests": total,
            "errors_5xx": errors_5xx,
            "failures": load.failures,
            "uploads": load.uploads,
            "statuses": {k: dict(c) for k, c in load.statuses.items()},
            "rss_mib": {"start": start, "end": end, "peak": peak, "growth": growth},
            "samples": samples,
            "threads": {"start": threads[0], "end": threads[-1], "peak": max(threads)},
            "store": "postgresql" if store_url.startswith("postgres") else "sqlite",
            "args": vars(args),
        }
        args.json.write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")
    if problems:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
