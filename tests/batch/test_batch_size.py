"""The batch size of a batch run's workers: fixed by default (1 on the CPU, 64 on a GPU), so
results never depend on timing; chosen by timing only with ``--batch-size auto``; kept in the
plan, so a resume with another batch size is refused.

No GPU is needed: the worker's sizing is the same code on the CPU, and a fake clock stands in
for the timings a GPU would give (the model's results depend on the pairs batched together,
so timing that changed the batch size changed the results: AdaptiveBatch on every GPU run)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import carelens
from carelens.batch.engine import BatchOptions, run_batch
from carelens.batch.plan import BatchPlan, make_plan
from carelens.batch.scoring import (
    GPU_BATCH_SIZE,
    AdaptiveBatch,
    ShardScorer,
    score_exchanges,
    worker_batch_size,
)
from carelens.cli.main import app
from carelens.errors import ConfigError, InputError
from carelens.types import Exchange, JsonDict, Turn

THREAD = Path(__file__).resolve().parents[1] / "data" / "cli" / "thread.jsonl"

SEEKERS = [
    "My grandmother died on Tuesday. I keep expecting her to call on Sunday like always.",
    "I relapsed last night after eight months clean and I feel disgusting.",
    "I failed my driving test again.",
    "Nobody at my new school talks to me. I eat lunch in the library every day.",
    "My partner left and took the dog. The flat is silent and I can't sleep at all.",
    "I'm so tired.",
]
RESPONSES = [
    "I'm so sorry for your loss.",
    "It sounds like you're carrying a lot of shame right now. Eight months took real strength.",
    "What was it like sitting in the car with him? How are you feeling about it tonight?",
    "Have you tried joining a club? Clubs are a good way to meet people.",
    "Well, what did you expect? You never made time for them.",
    "Same.",
    "That must be so lonely. I'm here if you want to talk about what happened.",
]


def exchanges() -> list[Exchange]:
    """42 pairs of different lengths, so batches sorted by length mix them."""
    return [
        Exchange(Turn(id=f"s{i}", text=s), Turn(id=f"r{i}-{j}", text=r, reply_to=f"s{i}"))
        for i, s in enumerate(SEEKERS)
        for j, r in enumerate(RESPONSES)
    ]


def stage(folder: Path, shards: dict[int, list[Exchange]]) -> Path:
    """Staged shards as stage 1 writes them (Hive-style ``shard=N`` folders)."""
    for shard, items in shards.items():
        part = folder / f"shard={shard}"
        part.mkdir(parents=True)
        table = pa.table(
            {
                "file": [0] * len(items),
                "seq": list(range(len(items))),
                "payload": [json.dumps(e.to_dict()) for e in items],
            }
        )
        pq.write_table(table, part / "rows.parquet")
    return folder


def clock(durations: Iterator[float]) -> Callable[[], float]:
    """A clock whose every reading is ``next(durations)`` seconds after the one before."""
    now = 0.0

    def read() -> float:
        nonlocal now
        now += next(durations)
        return now

    return read


def steady() -> Iterator[float]:
    """Every chunk takes 1 s, however many pairs: larger batches always look faster."""
    while True:
        yield 1.0


def slowing() -> Iterator[float]:
    """Each reading 4 times further on than the last: larger batches look slower."""
    step = 1.0
    while True:
        yield step
        step *= 4


def no_clock() -> float:
    raise AssertionError("a fixed batch size never reads the clock")


def run_worker(
    tmp_path: Path,
    name: str,
    batch_size: int | str | None,
    read_clock: Callable[[], float],
    adaptive: AdaptiveBatch | None = None,
) -> tuple[ShardScorer, list[list[JsonDict]], list[int]]:
    """One worker scoring two shards (21 pairs each) with ``read_clock``: its records per
    shard and the batch size after each shard."""
    items = exchanges()
    staged = stage(tmp_path / name / "staged", {0: items[:21], 1: items[21:]})
    out = tmp_path / name / "out"
    out.mkdir()
    scorer = ShardScorer(
        staged=str(staged),
        out_dir=str(out),
        model=None,
        threads=1,
        include_text=True,
        redact=False,
        batch_size=batch_size,
    )
    if adaptive is not None:  # a small start, so a few pairs show it adapting
        scorer.adaptive = adaptive
        scorer.analyzer.batch_size = adaptive.size
    scorer.clock = read_clock
    records, sizes = [], []
    for shard in (0, 1):
        assert scorer.score_shard(shard) == 21
        records.append(pq.read_table(out / f"part-{shard:05d}.parquet").to_pylist())
        sizes.append(scorer.analyzer.batch_size)
    return scorer, records, sizes


def test_the_default_batch_size_is_fixed_per_device() -> None:
    assert worker_batch_size(None, "cuda") == GPU_BATCH_SIZE == 64
    assert worker_batch_size(None, "cpu") == 1
    assert worker_batch_size(8, "cuda") == 8
    assert worker_batch_size("auto", "cuda") == "auto"
    for bad in (0, -3, "8", True, 2.5):
        with pytest.raises(ConfigError, match="--batch-size must be a whole number"):
            worker_batch_size(bad, "cuda")  # type: ignore[arg-type]


def test_a_fixed_batch_size_gives_the_same_results_whatever_the_timing(tmp_path: Path) -> None:
    """Two workers with other timings (and one whose clock may not be read at all) use the
    same batch size on every shard and write the same records: those of `carelens analyze
    --batch-size 4` over each shard."""
    _, first, first_sizes = run_worker(tmp_path, "a", 4, clock(steady()))
    _, second, second_sizes = run_worker(tmp_path, "b", 4, clock(slowing()))
    _, third, _ = run_worker(tmp_path, "c", 4, no_clock)
    assert first_sizes == second_sizes == [4, 4]  # nothing carried from shard to shard
    assert first == second == third
    analyzer = carelens.load(threads=1, batch_size=4)
    items = exchanges()
    for shard, part in enumerate(first):
        expected = score_exchanges(analyzer, items[21 * shard : 21 * shard + 21])
        assert [r["response_id"] for r in part] == [r["response_id"] for r in expected]
        for got, want in zip(part, expected, strict=True):
            for dim in analyzer.dimensions:
                assert got[f"{dim}_level"] == want[dim]["level"]
                assert [got[f"{dim}_p{k}"] for k in range(3)] == want[dim]["probabilities"]
            assert got["style"] == want["style"]


def test_auto_still_adapts_to_the_timing_and_carries_its_size_on(tmp_path: Path) -> None:
    fast, _, fast_sizes = run_worker(
        tmp_path, "fast", "auto", clock(steady()), AdaptiveBatch(start=2, limit=16)
    )
    slow, _, slow_sizes = run_worker(
        tmp_path, "slow", "auto", clock(slowing()), AdaptiveBatch(start=2, limit=16)
    )
    assert fast.batch_size == slow.batch_size == "auto"
    assert fast_sizes == [16, 16]  # grew while chunks looked faster, and kept it
    assert slow_sizes == [4, 4]  # settled once a larger batch looked slower
    assert fast.adaptive is not None and fast.adaptive.size == 16


def test_the_batch_size_is_kept_in_the_plan_and_a_resume_with_another_is_refused() -> None:
    gpu = make_plan([THREAD], model_id="m", batch_size=64)
    assert BatchPlan.from_dict(json.loads(json.dumps(gpu.to_dict()))) == gpu
    assert gpu.differences(make_plan([THREAD], model_id="m", batch_size=64)) == []
    assert gpu.differences(make_plan([THREAD], model_id="m", batch_size=1)) == [
        "--batch-size (the output's run: 64; this run: 1)"
    ]
    auto = make_plan([THREAD], model_id="m", batch_size="auto")
    assert gpu.differences(auto) == ["--batch-size (the output's run: 64; this run: auto)"]
    older = gpu.to_dict()
    del older["batch_size"]  # a plan of a carelens before it: resumed with any
    assert BatchPlan.from_dict(older).batch_size is None
    assert BatchPlan.from_dict(older).differences(auto) == []


def test_the_device_is_kept_in_the_plan_and_a_resume_on_the_other_is_refused() -> None:
    """Float results may differ between the CPU and a GPU: a resume that toggles only
    `--gpu` (an equal `--batch-size` given) is refused, naming `--gpu`; a plan of a carelens
    before the device was kept is resumed on either, and one made without a device is
    written as before."""
    gpu = make_plan([THREAD], model_id="m", batch_size=8, device="cuda")
    cpu = make_plan([THREAD], model_id="m", batch_size=8, device="cpu")
    assert gpu.to_dict()["device"] == "cuda"
    assert BatchPlan.from_dict(json.loads(json.dumps(gpu.to_dict()))) == gpu
    assert gpu.differences(make_plan([THREAD], model_id="m", batch_size=8, device="cuda")) == []
    assert gpu.differences(cpu) == [
        "--gpu (the output's run: on the GPU, with --gpu; this run: on the CPU, without --gpu)"
    ]
    assert cpu.differences(gpu) == [
        "--gpu (the output's run: on the CPU, without --gpu; this run: on the GPU, with --gpu)"
    ]
    older = gpu.to_dict()
    del older["device"]  # a plan of a carelens before it: resumed on either
    assert BatchPlan.from_dict(older).device is None
    assert BatchPlan.from_dict(older).differences(cpu) == []
    assert "device" not in make_plan([THREAD], model_id="m").to_dict()
    with pytest.raises(TypeError, match="device"):
        BatchPlan.from_dict({**gpu.to_dict(), "device": "tpu"})


def test_auto_without_a_gpu_is_refused_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(ConfigError, match="--batch-size auto chooses a GPU's batch size"):
        run_batch([THREAD], BatchOptions(output=out, batch_size="auto"))
    assert not out.exists()


def test_auto_without_gpu_on_the_command_line_is_a_usage_error(tmp_path: Path) -> None:
    done = CliRunner().invoke(
        app, ["batch", str(THREAD), "-o", str(tmp_path / "out"), "--batch-size", "auto"]
    )
    assert done.exit_code == 2
    assert "auto chooses a GPU's batch size by timing" in done.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("value", ["0", "-1", "many", "2.5"])
def test_a_bad_batch_size_is_a_usage_error(tmp_path: Path, value: str) -> None:
    done = CliRunner().invoke(
        app, ["batch", str(THREAD), "-o", str(tmp_path / "out"), "--batch-size", value]
    )
    assert done.exit_code == 2
    assert "not a number of pairs" in done.output
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("local_ray")
def test_a_run_with_a_batch_size_gives_analyzes_records_and_keeps_it(tmp_path: Path) -> None:
    """One shard of one file: `batch --batch-size 2` writes the records of `analyze
    --batch-size 2`; a re-run with another batch size is refused, naming it."""
    from carelens.output import analyze_file
    from carelens.output.reading import read_results
    from carelens.readers import RejectLog

    source = Path(__file__).resolve().parents[1] / "data" / "readers" / "epitome_pairs.csv"
    out = tmp_path / "out"
    run_batch([source], BatchOptions(output=out, shards=1, batch_size=2))
    got = [r for part in sorted(out.glob("part-*.parquet")) for r in read_results(part)]
    single = tmp_path / "single.jsonl"
    analyze_file(source, carelens.load(threads=1, batch_size=2), single, rejects=RejectLog())
    assert got == list(read_results(single))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["plan"]["batch_size"], manifest["plan"]["device"]) == (2, "cpu")
    with pytest.raises(InputError, match=r"differs from this one in: --batch-size \(the output"):
        run_batch([source], BatchOptions(output=out, shards=1))
    # The same batch size on a GPU: refused before Ray is reached (or a GPU looked for).
    with pytest.raises(
        InputError, match=r"differs from this one in: --gpu \(the output's run: on the CPU"
    ):
        run_batch([source], BatchOptions(output=out, shards=1, batch_size=2, gpu=True))
