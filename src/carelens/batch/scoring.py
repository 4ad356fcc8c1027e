"""Stage 2 of a batch run, and the scoring function shared with other engines.

:func:`score_exchanges` turns exchanges into result records (exactly as ``carelens analyze``
does); :func:`score_dataframe` does the same for a pandas DataFrame of texts, for engines
that hand work over as DataFrames (Spark's ``mapInPandas``, see ``docs/batch.md``).
:class:`ShardScorer` is the Ray worker: it loads the model once, then for each shard it is
given reads the staged exchanges, scores them in input order and writes
``part-NNNNN.parquet`` and its counts ``part-NNNNN.json`` by atomic renames — the Parquet
file last, so its presence means the shard is complete. A carelens error it meets (the model
cannot load on its device, a GPU out of memory: at a fixed batch size, or with ``--batch-size
auto`` at one pair, where halving cannot go on) goes back to the driver as its output row's
``error`` (:mod:`.worker_errors`), never as a Ray traceback.

The int8 model's results depend on the other pairs of their batch, so a worker's batch size
is fixed (:func:`worker_batch_size`: 1 on the CPU, :data:`GPU_BATCH_SIZE` on a GPU, or
``--batch-size N``) and each shard is scored in the chunks ``carelens analyze --batch-size
N`` uses: a run, a resumed run and a run with other workers give the same results. Only
``--batch-size auto`` (:class:`AdaptiveBatch`) chooses the size by timing, from shard to
shard of a worker, and its results then vary from run to run.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.batch.worker_errors import error_payload, write_failure
from carelens.errors import CarelensError, ConfigError, InputError
from carelens.output.records import flatten_record, parquet_schema
from carelens.output.run import Analyzer, LevelCounts, analysed_chunks
from carelens.readers.layouts import GENERIC_PAIRS, pair_exchange
from carelens.types import COMMUNITY_KEYS, Exchange, JsonDict

logger = logging.getLogger(__name__)

#: A GPU worker's batch size unless ``--batch-size`` says otherwise: fixed, so that a run's
#: results are the same each time (a CPU worker's is 1, as ``carelens analyze``'s).
GPU_BATCH_SIZE = 64
#: ``--batch-size auto``: the batch size chosen by timing (:class:`AdaptiveBatch`); results
#: then vary from run to run.
AUTO: Literal["auto"] = "auto"
#: The column of a worker's output row that holds the carelens error it met, if any.
ERROR = "error"


def worker_batch_size(batch_size: int | str | None, device: str) -> int | Literal["auto"]:
    """The batch size a worker on ``device`` uses for ``batch_size``: as given, else 1 on
    the CPU and :data:`GPU_BATCH_SIZE` on a GPU (``"cuda"``). Anything but a whole number of
    at least 1 or ``"auto"`` is a ConfigError naming ``--batch-size``."""
    if batch_size is None:
        return GPU_BATCH_SIZE if device == "cuda" else 1
    if batch_size == AUTO:
        return AUTO
    if isinstance(batch_size, int) and not isinstance(batch_size, bool) and batch_size >= 1:
        return batch_size
    raise ConfigError(
        f"--batch-size must be a whole number of at least 1 or 'auto', not {batch_size!r}"
    )


def part_name(shard: int) -> str:
    return f"part-{shard:05d}"


def shard_folder(staged: Path, shard: int) -> Path:
    """Where stage 1 wrote the rows of ``shard`` (Hive-style partition folders)."""
    return staged / f"shard={shard}"


def score_exchanges(
    analyzer: Analyzer,
    exchanges: Sequence[Exchange],
    *,
    include_text: bool = True,
    redact: bool = False,
) -> list[JsonDict]:
    """The result records of ``exchanges``, in order (as ``carelens analyze`` writes them:
    in the same chunks, for the analyzer's batch size)."""
    chunks = analysed_chunks(analyzer, exchanges, include_text=include_text, redact=redact)
    return [record for _, records in chunks for record in records]


def records_table(records: Sequence[JsonDict], dimensions: Sequence[str]) -> pa.Table:
    """Records as an Arrow table with the columns of a Parquet result file."""
    rows = [flatten_record(r, dimensions) for r in records]
    return pa.Table.from_pylist(rows, schema=parquet_schema(dimensions))


def score_dataframe(
    frame: Any,
    analyzer: Analyzer,
    *,
    seeker: str = "seeker",
    response: str = "response",
    seeker_id: str | None = "seeker_id",
    response_id: str | None = "response_id",
    include_text: bool = True,
    redact: bool = False,
) -> Any:
    """Score a pandas DataFrame of pairs; return a DataFrame of result columns.

    ``seeker``/``response`` name the text columns; the id columns are used when present
    (row numbers otherwise), and so are the optional columns of a pair file (``speaker``
    and its alternatives, ``seeker_speaker``, ``timestamp``, ``conversation_id``,
    ``community``; README, "Input formats"). The result has the columns of a Parquet result
    file, one row per input row, in order — what Spark's ``mapInPandas`` expects of its
    function.
    """
    columns = set(frame.columns)
    for name in (seeker, response):
        if name not in columns:
            raise KeyError(f"the DataFrame has no column {name!r}")
    n = len(frame)
    seeker_ids = frame[seeker_id].astype(str) if seeker_id in columns else range(n)
    response_ids = frame[response_id].astype(str) if response_id in columns else range(n)
    texts = (_texts(frame, seeker), _texts(frame, response))
    rows = zip(seeker_ids, response_ids, *texts, strict=True)
    # The optional pair columns (helper, seeker's name, timestamp, conversation, community),
    # as a pair file's reader takes them; pandas' NaN is a missing value.
    optional = [c for c in (*GENERIC_PAIRS.optional, *COMMUNITY_KEYS) if c in columns]
    extras = frame[optional].astype(object).where(frame[optional].notna(), None)
    exchanges = [
        pair_exchange(
            str(sid),
            s,
            str(rid),
            r,
            fields,
            {k: fields[k] for k in COMMUNITY_KEYS if fields.get(k) is not None},
        )
        for (sid, rid, s, r), fields in zip(rows, extras.to_dict("records"), strict=True)
    ]
    records = score_exchanges(analyzer, exchanges, include_text=include_text, redact=redact)
    return records_table(records, analyzer.dimensions).to_pandas()


def _texts(frame: Any, column: str) -> list[str]:
    """The texts of ``column``: a missing one (None, NaN) is an InputError naming its row
    and column, one that is no string a TypeError, as ``analyze`` has them (never the
    words "None" or "nan" analysed)."""
    texts: list[str] = []
    for row, text in enumerate(frame[column].tolist()):
        if isinstance(text, str):
            texts.append(text)
            continue
        if text is None or (isinstance(text, float) and text != text) or _is_pandas_na(text):
            raise InputError(
                f"row {row} of the DataFrame has no text in column {column!r} (a missing "
                "value); drop or fill such rows before scoring",
                field=column,
                index=row,
            )
        raise TypeError(
            f"row {row} of the DataFrame: column {column!r} holds {type(text).__name__} "
            f"({text!r}), not text"
        )
    return texts


def _is_pandas_na(value: object) -> bool:
    """Whether ``value`` is pandas' own missing value (``pd.NA``, ``pd.NaT``)."""
    return type(value).__name__ in {"NAType", "NaTType"}


def read_shard(staged: Path, shard: int) -> list[Exchange]:
    """The exchanges stage 1 put in ``shard``, in input order."""
    folder = shard_folder(staged, shard)
    if not folder.is_dir():
        return []
    table = pq.read_table(folder, columns=["file", "seq", "payload"])
    rows = sorted(table.to_pylist(), key=lambda r: (r["file"], r["seq"]))
    return [Exchange.from_dict(json.loads(r["payload"])) for r in rows]


def shard_counts(records: Sequence[JsonDict], dimensions: Sequence[str], shard: int) -> JsonDict:
    counts = LevelCounts(tuple(dimensions))
    for record in records:
        counts.add(record)
    return {
        "shard": shard,
        "pairs": len(records),
        "level_counts": counts.counts,
        "style_counts": counts.styles,
        "needs_attention": counts.needs_attention,
        "crisis_hints": counts.crisis_hints,
        "unsafe_replies": counts.unsafe_replies,
    }


def write_part(out_dir: Path, shard: int, table: pa.Table, counts: JsonDict) -> None:
    """Write a shard's counts, then its Parquet part, each by an atomic rename."""
    name = part_name(shard)
    tag = f"tmp-{os.getpid()}"
    counts_tmp = out_dir / f".{name}.json.{tag}"
    counts_tmp.write_text(json.dumps(counts) + "\n", encoding="utf-8")
    os.replace(counts_tmp, out_dir / f"{name}.json")
    part_tmp = out_dir / f".{name}.parquet.{tag}"
    pq.write_table(table, part_tmp)
    os.replace(part_tmp, out_dir / f"{name}.parquet")


class AdaptiveBatch:
    """The batch size of ``--batch-size auto``: doubled while time per pair improves, halved
    on memory errors. It goes by the time each chunk took, so two runs of the same input can
    use other sizes, and the model's results depend on the pairs batched together."""

    def __init__(self, start: int = 32, limit: int = 1024) -> None:
        self.size, self.limit = start, limit
        self._best: float | None = None
        self._settled = False

    def observe(self, pairs: int, seconds: float) -> None:
        if self._settled or pairs < self.size:
            return
        per_pair = seconds / max(pairs, 1)
        if self._best is None or per_pair < self._best * 0.95:
            self._best = per_pair
            if self.size * 2 <= self.limit:
                self.size *= 2
                return
        self._settled = True

    def shrink(self) -> bool:
        """Halve after an out-of-memory error; False when already at one pair."""
        if self.size == 1:
            return False
        self.size //= 2
        self.limit = self.size
        self._settled = True
        return True


def _is_out_of_memory(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "out of memory" in text or "failed to allocate" in text


class ShardScorer:
    """A Ray Data worker: one model per process, one shard per call (see module docstring)."""

    def __init__(
        self,
        *,
        staged: str,
        out_dir: str,
        model: str | None,
        threads: int,
        include_text: bool,
        redact: bool,
        device: str = "cpu",
        batch_size: int | str | None = None,
    ) -> None:
        self.staged, self.out_dir = Path(staged), Path(out_dir)
        self.include_text, self.redact = include_text, redact
        self.device = device
        #: The worker's batch size (:func:`worker_batch_size`): fixed, or ``"auto"``.
        self.batch_size = worker_batch_size(batch_size, device)
        #: Only with ``"auto"``: the size chosen by timing, carried from shard to shard.
        self.adaptive = AdaptiveBatch() if self.batch_size == AUTO else None
        #: What times a chunk for :attr:`adaptive` (a fake clock in the tests).
        self.clock: Callable[[], float] = time.perf_counter
        #: The carelens error loading the model met (no CUDA provider, say), raised by
        #: :meth:`score_shard`: a worker sends it back (:meth:`__call__`), as Ray would only
        #: show its traceback.
        self.load_error: CarelensError | None = None
        try:
            self.analyzer = EmpathyAnalyzer.load(
                model,
                threads=threads,
                batch_size=self.adaptive.size if self.adaptive else int(self.batch_size),
                device=device,
            )
        except CarelensError as exc:
            self.load_error = exc

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        """Score the shards of ``batch``: for each, its pairs and the carelens error it met
        (:func:`~carelens.batch.worker_errors.error_payload`; ``""`` when none), which the
        driver raises."""
        shards: list[int] = []
        pairs: list[int] = []
        failed: list[str] = []
        for shard in batch["shard"]:
            shards.append(int(shard))
            try:
                pairs.append(self.score_shard(int(shard)))
                failed.append("")
            except CarelensError as exc:
                pairs.append(0)
                failed.append(error_payload(exc))
            except OSError as exc:  # a part that cannot be written (a full disk)
                pairs.append(0)
                part = self.out_dir / f"{part_name(int(shard))}.parquet"
                failed.append(error_payload(write_failure(exc, part)))
        return {
            "shard": shards,
            "pairs": pairs,
            "pid": [os.getpid()] * len(shards),
            ERROR: failed,
        }

    def score_shard(self, shard: int) -> int:
        """Score ``shard`` and write its part; return its pairs. The error loading the model
        met (:attr:`load_error`) is raised here."""
        if self.load_error is not None:
            raise self.load_error
        exchanges = read_shard(self.staged, shard)
        started = time.perf_counter()
        records = self._score(exchanges)
        write_part(
            self.out_dir,
            shard,
            records_table(records, self.analyzer.dimensions),
            shard_counts(records, self.analyzer.dimensions, shard),
        )
        logger.info(
            "shard %d: %d pairs in %.1f s", shard, len(records), time.perf_counter() - started
        )
        return len(records)

    def _score(self, exchanges: list[Exchange]) -> list[JsonDict]:
        if self.adaptive is None:
            # A fixed batch size: the chunks and batches of `carelens analyze --batch-size`,
            # whatever the timing, so every run gives the same results.
            try:
                return score_exchanges(
                    self.analyzer, exchanges, include_text=self.include_text, redact=self.redact
                )
            except Exception as exc:  # ONNX Runtime's CUDA errors are untyped
                if not _is_out_of_memory(exc):
                    raise
                raise self._out_of_memory() from exc
        records: list[JsonDict] = []
        start = 0
        while start < len(exchanges):
            size = self.adaptive.size
            chunk = exchanges[start : start + size * self.analyzer.threads]
            self.analyzer.batch_size = size
            began = self.clock()
            try:
                done = score_exchanges(
                    self.analyzer, chunk, include_text=self.include_text, redact=self.redact
                )
            except Exception as exc:  # ONNX Runtime's CUDA errors are untyped
                if not _is_out_of_memory(exc):
                    raise
                if self.adaptive.shrink():
                    logger.warning("out of GPU memory; batch size now %d", self.adaptive.size)
                    continue
                raise self._out_of_memory() from exc  # at one pair: nothing left to halve
            self.adaptive.observe(len(chunk), self.clock() - began)
            records.extend(done)
            start += len(chunk)
        return records

    def _out_of_memory(self) -> ConfigError:
        """The error of a batch that ran out of memory, saying what to run instead. A batch
        of one pair has no smaller size to try: the model does not fit at all, and on a GPU
        the CPU is what is left."""
        gpu = self.device == "cuda"
        memory = "GPU memory" if gpu else "memory"
        if self.batch_size != AUTO and self.batch_size > 1:
            instead = (
                ", or with --batch-size auto, which halves the size on such an error but gives "
                "results that vary from run to run"
                if gpu
                else ""
            )
            return ConfigError(
                f"out of {memory} with --batch-size {self.batch_size}: run again with a "
                "smaller --batch-size and --overwrite (parts written with another batch size "
                f"are not resumed){instead}"
            )
        auto = self.batch_size == AUTO
        how = "--batch-size auto halved it down to 1" if auto else "--batch-size 1"
        problem = (
            f"out of {memory} at a batch of one pair ({how}), so no smaller --batch-size can "
            f"help: the model does not fit in the {memory} left free"
        )
        if not gpu:
            return ConfigError(
                f"{problem}; free memory (fewer --workers) and run the same command again to resume"
            )
        return ConfigError(
            f"{problem} (other processes may hold it); free GPU memory and run the same "
            "command again to resume, or score on the CPU: run again without --gpu"
            f"{' and --batch-size auto' if auto else ''}, with --overwrite (a run begun on a "
            "GPU is not resumed on the CPU)"
        )


def iter_parts(out_dir: Path) -> Iterator[Path]:
    """The finished part files of a batch output, in shard order."""
    yield from sorted(out_dir.glob("part-*.parquet"))
