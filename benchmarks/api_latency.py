"""Latency of ``POST /v1/analyze`` (one pair) under concurrent clients, against 127.0.0.1 only.

Starts ``carelens serve`` in a subprocess on a free loopback port with a fresh data folder
(rate limit off, so the load is not throttled), waits for ``/v1/health``, then runs, for
``--seconds`` each:

1. **paced** — ``--clients`` threads, each sending one pair, waiting for the answer, then
   pausing ``--think`` seconds (people checking drafts, not a flood);
2. **closed loop** — the same clients with no pause (the server's saturation point).

Each request is a (seeker, response) pair from :mod:`pairs` over a kept-alive connection. It
prints p50 / p90 / p99 latency, requests per second and non-200 answers for both, and the
**baseline** measured in the same run: the median time of ``carelens.load().analyze`` in this
process on the same pairs (what one request costs without HTTP or queueing), with each
phase's p50 as a ratio of it. Targets (the paced phase): p50 < 40 ms and p99 < 150 ms.

    python benchmarks/api_latency.py --clients 20 --seconds 60

Nothing but 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_common import (
    check_model,
    load_analyzer,
    machine,
    machine_line,
    non_negative_float,
    positive_float,
    positive_int,
)
from local_server import free_port, server_log, wait_healthy
from pairs import make_pairs

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
P50_TARGET_MS = 40.0
P99_TARGET_MS = 150.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run_phase(
    port: int, bodies: list[bytes], clients: int, seconds: float, think: float
) -> dict[str, float]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = k
        mine: list[float] = []
        bad = 0
        while time.monotonic() < stop:
            body = bodies[i % len(bodies)]
            i += clients
            start = time.perf_counter()
            conn.request("POST", "/v1/analyze", body, {"Content-Type": "application/json"})
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            bad += response.status != 200
            if think:
                time.sleep(think)
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    ms = [x * 1000 for x in latencies]
    return {
        "requests": len(ms),
        "errors": errors[0],
        "rps": len(ms) / elapsed,
        "p50_ms": percentile(ms, 0.50),
        "p90_ms": percentile(ms, 0.90),
        "p99_ms": percentile(ms, 0.99),
    }


def baseline_ms(pairs: list[tuple[str, str]], model: Path | None, n: int = 200) -> float:
    analyzer = load_analyzer(model, threads=2)
    for seeker, response in pairs[:10]:
        analyzer.analyze(seeker, response)
    times = []
    for seeker, response in pairs[:n]:
        start = time.perf_counter()
        analyzer.analyze(seeker, response)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=positive_int, default=20)
    parser.add_argument("--seconds", type=positive_float, default=60.0)
    parser.add_argument(
        "--think", type=non_negative_float, default=0.5, help="pause after each answer (s)"
    )
    parser.add_argument("--threads", type=positive_int, default=2, help="the server's --threads")
    parser.add_argument("--model", type=Path, help="model folder (default: the shipped one)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sys.path.insert(0, str(SRC))  # carelens from this checkout, as the server runs it
    check_model(args.model)
    described = machine()
    print(machine_line(described), flush=True)
    pairs = make_pairs(500, seed=11)
    bodies = [json.dumps({"seeker": s, "response": r}).encode() for s, r in pairs]
    base = baseline_ms(pairs, args.model)
    port = free_port()
    with tempfile.TemporaryDirectory() as data:
        cmd = [
            sys.executable, "-m", "carelens.cli.main", "serve", "--port", str(port),
            "--data-dir", data, "--rate-limit", "0", "--threads", str(args.threads), "-q",
        ]  # fmt: skip
        if args.model:
            cmd += ["--model", str(args.model)]
        log = server_log()
        server = subprocess.Popen(
            cmd, env={**os.environ, "PYTHONPATH": str(SRC)}, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            wait_healthy(port, 120.0, server, log)
            run_phase(port, bodies, args.clients, 3.0, 0.0)  # warm-up
            paced = run_phase(port, bodies, args.clients, args.seconds, args.think)
            closed = run_phase(port, bodies, args.clients, args.seconds, 0.0)
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
    print(f"baseline: analyze() in process, median {base:.1f} ms per pair")
    print(f"{'phase':<12}{'requests':>9}{'errors':>7}{'req/s':>8}{'p50 ms':>8}{'p90 ms':>8}"
          f"{'p99 ms':>8}{'p50/base':>9}")  # fmt: skip
    for name, f in (("paced", paced), ("closed loop", closed)):
        print(
            f"{name:<12}{f['requests']:>9.0f}{f['errors']:>7.0f}{f['rps']:>8.1f}"
            f"{f['p50_ms']:>8.1f}{f['p90_ms']:>8.1f}{f['p99_ms']:>8.1f}"
            f"{f['p50_ms'] / base:>8.1f}x"
        )
    p50_ok, p99_ok = paced["p50_ms"] < P50_TARGET_MS, paced["p99_ms"] < P99_TARGET_MS
    print(f"paced, {args.clients} clients, {args.think} s pause: p50 < {P50_TARGET_MS:.0f} ms "
          f"{'met' if p50_ok else 'NOT met'}; p99 < {P99_TARGET_MS:.0f} ms "
          f"{'met' if p99_ok else 'NOT met'}")  # fmt: skip
    if args.json:
        figures = {"baseline_ms": base, "paced": paced, "closed_loop": closed, "args": vars(args)}
        figures["machine"] = described
        args.json.write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
