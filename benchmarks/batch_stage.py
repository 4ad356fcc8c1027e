"""Time and memory per conversation of `carelens batch` stage 1, against an earlier revision.

Stage 1 reads the inputs, pairs every conversation's messages and writes the staged rows
(:func:`carelens.batch.staging.stage`); scoring is not run. For each size of ``--chats``
the script writes that many two-message chats (a seeker's message and a helper's reply,
each chat its own conversation) as ``--files`` JSON Lines files of turns, then runs stage 1
over them with the version at ``--against`` (a git revision; its whole ``src`` unpacked
with ``git archive``) and with this checkout, each in a process of its own with its ``src``
first on the path (checked in the driver and in a Ray worker) and a private local Ray of
this machine's CPUs, alternating ``--rounds`` times. Ray's start is not timed; the first
stage-1 run of a process is (as in a real run: Ray's workers import carelens then).

Each run prints stage 1's seconds and milliseconds per chat; the driver's peak memory
(resident set, ``ru_maxrss``) and how much it grew during stage 1, per chat; the highest
sum of the resident sets of Ray's processes (sampled every 50 ms: the workers that read,
shuffle and pair; shared object-store pages count in each process that touches them, so
it overstates); and a digest of every staged row (sorted), which must be the same for both
versions (exit 1 otherwise). With two sizes or more it also prints what each chat past the
smallest size costs (best runs): Ray's fixed costs left out. Run (needs git and the batch
extra)::

    python benchmarks/batch_stage.py --against 29a6c2b --chats 1000 10000 --rounds 2
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench_common import check_imported_from, machine_line, positive_int, run_child, unpack_src

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
RESULT_PREFIX = "RESULT "


def write_chats(folder: Path, chats: int, files: int) -> None:
    """``chats`` two-message chats as ``files`` JSON Lines files of turns (round robin)."""
    folder.mkdir(parents=True)
    handles = [(folder / f"chats-{k:03d}.jsonl").open("w", encoding="utf-8") for k in range(files)]
    for i in range(chats):
        chat = f"chat-{i}"
        seeker = {
            "id": f"{chat}-1",
            "speaker": f"visitor-{i}",
            "conversation_id": chat,
            "reply_to": None,
            "text": f"I moved for work and have not spoken to anyone in weeks ({i}).",
        }
        reply = {
            "id": f"{chat}-2",
            "speaker": f"vol-{i % 7}",
            "conversation_id": chat,
            "reply_to": f"{chat}-1",
            "text": "That sounds lonely. What do you miss most about home?",
        }
        out = handles[i % files]
        out.write(json.dumps(seeker) + "\n" + json.dumps(reply) + "\n")
    for fh in handles:
        fh.close()


class _Sampler:
    """The highest sum of the resident sets of this process's descendants (Ray's)."""

    def __init__(self, every: float = 0.05) -> None:
        import psutil

        self.me = psutil.Process()
        self.every = every
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            total = 0
            for child in self.me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)

    def __enter__(self) -> _Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _digest(staged: Path) -> tuple[str, int]:
    """A digest of every staged row (sorted, so the order of files and blocks is no part of
    it) and the number of rows."""
    import pyarrow.dataset as ds

    rows = []
    for folder in sorted(staged.glob("shard=*")):
        shard = folder.name.split("=", 1)[1]
        for row in ds.dataset(folder).to_table().to_pylist():
            rows.append(json.dumps({**row, "shard": shard}, sort_keys=True))
    rows.sort()
    digest = hashlib.sha256("\n".join(rows).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:16], len(rows)


def _part(inputs: Path, work: Path) -> None:
    """Child body: start a private Ray, then time stage 1 of ``inputs`` once."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    import ray

    import carelens
    from carelens.batch import engine
    from carelens.batch.plan import make_plan
    from carelens.batch.staging import stage

    with engine.ray_http_confined():
        ray.init(
            address="local",
            num_cpus=os.cpu_count() or 1,
            num_gpus=0,
            include_dashboard=False,
            _node_ip_address="127.0.0.1",
            log_to_driver=False,
        )
    try:

        @ray.remote
        def worker_carelens() -> str:
            import carelens.batch.pairing

            return str(carelens.batch.pairing.__file__)

        worker_file = ray.get(worker_carelens.remote())
        plan = make_plan([inputs], model_id="bench")
        partitions = engine._partitions(plan)
        staged = work / "staged"
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with _Sampler() as sampler:
            start = time.perf_counter()
            stage(plan, staged, partitions=partitions)
            seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    finally:
        ray.shutdown()
    digest, rows = _digest(staged)
    result = {
        "seconds": seconds,
        "driver_growth_kb": peak - before,  # ru_maxrss is in KiB on Linux
        "driver_peak_kb": peak,
        "ray_peak_kb": sampler.peak // 1024,
        "digest": digest,
        "rows": rows,
        "carelens_file": carelens.__file__,
        "worker_file": worker_file,
    }
    print(RESULT_PREFIX + json.dumps(result))


def timed(src: Path, inputs: Path, work: Path, name: str) -> dict[str, Any]:
    """Stage 1 of the code in ``src`` over ``inputs``, in a child process."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), str(HERE)])}
    work.mkdir(parents=True)
    out = run_child(
        [sys.executable, __file__, "--part", str(inputs), str(work)], env, f"stage 1 of {name}"
    )
    line = next(x for x in out.splitlines() if x.startswith(RESULT_PREFIX))
    result: dict[str, Any] = json.loads(line[len(RESULT_PREFIX) :])
    check_imported_from(src, str(result["carelens_file"]), f"stage 1 of {name}")
    check_imported_from(src, str(result["worker_file"]), f"stage 1 of {name} (a Ray worker)")
    return result


def past_the_smallest(
    best: dict[tuple[str, int], dict[str, Any]], sizes: list[int], names: list[str]
) -> list[str]:
    """The lines giving what each chat past the smallest size costs each version: time and
    the peaks' growth between the best runs of the smallest and the largest size (Ray's
    fixed costs cancel)."""
    small, large = sizes[0], sizes[-1]
    lines = [f"each chat past the first {small:,} (best runs of {small:,} and {large:,}):"]
    for name in names:
        a, b = best[(name, small)], best[(name, large)]
        ms = 1000 * (float(b["seconds"]) - float(a["seconds"])) / (large - small)
        driver = (b["driver_peak_kb"] - a["driver_peak_kb"]) / (large - small)
        on_ray = (b["ray_peak_kb"] - a["ray_peak_kb"]) / (large - small)
        lines.append(
            f"  {name}: {ms:.3f} ms, driver peak {driver:+.2f} KB, Ray peak {on_ray:+.2f} KB"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", help="a git revision of this repository")
    parser.add_argument(
        "--chats",
        type=positive_int,
        nargs="+",
        default=[10_000],
        help="two-message chats (several sizes: also the cost of each chat past the smallest)",
    )
    parser.add_argument("--files", type=positive_int, default=4, help="input files")
    parser.add_argument(
        "--rounds", type=positive_int, default=1, help="runs of each version (alternating)"
    )
    parser.add_argument("--part", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part is not None:
        _part(*args.part)
        return 0
    if not args.against:
        parser.error("the following arguments are required: --against")
    sizes = sorted(set(args.chats))
    print(machine_line(), flush=True)
    print(f"two-message chats in {args.files} files, {os.cpu_count()} CPUs, stage 1 only")
    print("| version | chats | seconds | ms per chat | driver peak MB | driver growth KB per chat "
          "| Ray peak MB | staged rows |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    best: dict[tuple[str, int], dict[str, Any]] = {}
    digests: dict[int, set[str]] = {}
    with tempfile.TemporaryDirectory(prefix="carelens-stage-") as tmp:
        root = Path(tmp)
        before_src = unpack_src(args.against, root / "before")
        versions = ((args.against, before_src), ("this checkout", SRC))
        for chats in sizes:
            inputs = root / f"chats-{chats}"
            write_chats(inputs, chats, args.files)
            for r in range(args.rounds):
                for k, (name, src) in enumerate(versions):
                    got = timed(src, inputs, root / f"work-{chats}-{r}-{k}", name)
                    seconds = float(got["seconds"])
                    print(
                        f"| {name} | {chats:,} | {seconds:.1f} | {1000 * seconds / chats:.3f} | "
                        f"{got['driver_peak_kb'] / 1024:,.0f} | "
                        f"{got['driver_growth_kb'] / chats:.2f} | "
                        f"{got['ray_peak_kb'] / 1024:,.0f} | {got['rows']:,} `{got['digest']}` |",
                        flush=True,
                    )
                    digests.setdefault(chats, set()).add(str(got["digest"]))
                    kept = best.get((name, chats))
                    if kept is None or seconds < float(kept["seconds"]):
                        best[(name, chats)] = got
    if len(sizes) > 1:
        print()
        print("\n".join(past_the_smallest(best, sizes, [name for name, _ in versions])))
    same = all(len(d) == 1 for d in digests.values())
    print(f"both versions staged the same rows: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
