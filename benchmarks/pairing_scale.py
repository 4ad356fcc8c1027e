"""Time and memory of pairing a large thread file, against reading its messages alone.

Writes a thread CSV (``message_id, thread_id, parent_id, author, timestamp, text``) of
``--threads`` threads of ``--per-thread`` messages each, whose message numbers restart at 1 in
every thread (each message answers an earlier one of its thread, by one of four authors), then
measures, best of ``--rounds``:

1. **baseline** — ``carelens.read_turns``: the file's messages as read, not paired (what any
   use of the file costs);
2. **pairing** — ``carelens.read_exchanges``: the same messages merged and paired, as
   ``carelens analyze`` pairs them before the model runs.

It prints seconds, messages per second and the peak of Python's allocations (``tracemalloc``)
of each, and the ratio pairing / baseline. Run::

    PYTHONPATH=src python benchmarks/pairing_scale.py --threads 20000 --per-thread 10
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from bench_common import machine_line, positive_int

from carelens.readers import RejectLog, read_exchanges, read_turns

AUTHORS = ("ana", "ben", "cy", "dee")


def write_threads(path: Path, threads: int, per_thread: int, seed: int) -> int:
    """The thread CSV; returns the number of messages."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["message_id", "thread_id", "parent_id", "author", "timestamp", "text"])
        for t in range(threads):
            for k in range(1, per_thread + 1):
                parent = "" if k == 1 else str(rng.randint(1, k - 1))
                stamp = f"2024-01-01T{k // 60:02d}:{k % 60:02d}:00Z"
                text = f"message {k} of thread {t}: I hear you, that sounds hard."
                out.writerow([k, f"t{t}", parent, rng.choice(AUTHORS), stamp, text])
    return threads * per_thread


def measure(step: Callable[[], int], rounds: int) -> tuple[float, float, int]:
    """(best seconds, peak MB of the last round, items the step returned)."""
    best, items = float("inf"), 0
    for _ in range(rounds):
        start = time.perf_counter()
        items = step()
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    step()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return best, peak, items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=positive_int, default=20_000, help="threads written")
    parser.add_argument("--per-thread", type=positive_int, default=10, help="messages a thread")
    parser.add_argument("--rounds", type=positive_int, default=3, help="best of this many")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(machine_line(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "threads.csv"
        messages = write_threads(path, args.threads, args.per_thread, args.seed)
        base = measure(lambda: sum(1 for _ in read_turns(path, rejects=RejectLog())), args.rounds)
        paired = measure(
            lambda: sum(1 for _ in read_exchanges(path, rejects=RejectLog())), args.rounds
        )
    print(f"{messages:,} messages in {args.threads:,} threads (ids restart in every thread)")
    print("| step | seconds | messages/s | peak MB | items |")
    print("|---|---:|---:|---:|---:|")
    steps = (("baseline: read_turns", base), ("read_exchanges", paired))
    for name, (seconds, peak, items) in steps:
        print(f"| {name} | {seconds:.2f} | {messages / seconds:,.0f} | {peak:,.0f} | {items:,} |")
    print(f"pairing / baseline: {paired[0] / base[0]:.2f}x time, {paired[1] / base[1]:.2f}x memory")


if __name__ == "__main__":
    main()
