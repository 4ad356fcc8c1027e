"""Drive a batch run on Ray: plan, connect, stage, score the pending shards, sum up.

:func:`run_batch` is what ``carelens batch`` runs. The inputs and options are checked before
the output folder is made or anything is started. Locally it starts a new private Ray on this
machine (``address="local"``, so a cluster named by ``RAY_ADDRESS`` or left by ``ray start``
is not joined; node address 127.0.0.1, usage statistics off, no dashboard, Ray's own HTTP
requests kept on this machine by :func:`ray_http_confined`: nothing leaves it); ``address``
connects to an existing cluster instead (``"auto"`` or ``"ray://host:10001"``, the latter
through Ray Client, which needs ``ray[client]``), where every node must see the input and
output paths; an address that names a host and port is first checked to accept a TCP
connection within a few seconds (Ray would retry a wrong one forever). When Ray is already
initialised in the process (a notebook, the tests) that session is used and left running.
A worker's threads must fit on one node: more is refused before any work (Ray would wait for
such a node forever). A carelens error a scoring worker meets (its model cannot load on its
device, a GPU runs out of memory at a fixed batch size) stops the run with the error the
worker raised, one ``error:`` line, not Ray's traceback (:mod:`.worker_errors`). A run
refused before any work, stopped by Ctrl-C before stage 1 finished, or by an input that
cannot be read, leaves no plan behind
(:func:`~carelens.batch.outputs.forget_plan`). One run at a time writes an output folder: a
run holds its lock (:func:`carelens.locks.hold_lock`) and a second one is refused at once.
The staged input texts are removed before the manifest marks a run complete; a ``_work``
left beside a complete manifest (a kill just after it was written) is removed by the next
run. Ray keeps this process's command line and working folder as UTF-8 text: a file named
on the command line that is not UTF-8 (``carelens batch caf\\xe9.csv``) is shown to it as
:func:`~carelens.readers.rejects.shown_path` shows it (:func:`ray_entrypoint_shown`), and a
working folder or output folder whose path is not UTF-8, which Ray cannot start in or write
to, is refused in words before any work.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from carelens.batch import outputs
from carelens.batch.plan import BatchPlan, make_plan, read_plan, write_json_atomic
from carelens.batch.scoring import ERROR, ShardScorer, part_name, worker_batch_size
from carelens.batch.staging import stage
from carelens.batch.worker_errors import worker_error, write_failure
from carelens.errors import CarelensError, ConfigError, InputError, MissingExtraError
from carelens.inference.artifact import ModelArtifact
from carelens.locks import hold_lock
from carelens.readers.base import MAX_TEXT_CHARS
from carelens.readers.rejects import shown_path
from carelens.taxonomy import result_dimensions

logger = logging.getLogger(__name__)

#: Called with (pairs done, pairs in all) as shards finish.
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How to run: where results go, the engine, and the analysis options."""

    output: Path
    format: str | None = None
    column_map: Mapping[str, str] = field(default_factory=dict)
    #: None: a private local Ray; else a cluster address (``auto``, ``ray://...``).
    address: str | None = None
    workers: int = 1
    #: CPU threads per worker (default: this machine's CPUs shared among the workers).
    threads: int | None = None
    gpu: bool = False
    #: Pairs per model batch, or ``"auto"`` (chosen by timing; results vary from run to
    #: run); None: 1 on the CPU, :data:`~carelens.batch.scoring.GPU_BATCH_SIZE` with ``gpu``.
    batch_size: int | str | None = None
    shards: int | None = None
    model: str | None = None
    include_text: bool = True
    redact: bool = False
    #: ``--helper`` patterns: only exchanges whose response speaker matches one are analysed
    #: (:mod:`carelens.readers.helpers`); empty: every exchange.
    helpers: Sequence[str] = ()
    overwrite: bool = False
    keep_work: bool = False
    max_chars: int = MAX_TEXT_CHARS


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a batch run produced (for this run and the shards finished before it)."""

    output: Path
    model_id: str
    pairs: int
    scored: int
    resumed: int
    parts: int
    level_counts: Mapping[str, tuple[int, ...]]
    style_counts: Mapping[str, int]
    needs_attention: int
    unsafe_replies: int
    rejected: Mapping[str, int]
    skipped: Mapping[str, int]
    rejects_path: Path
    seconds: float
    already_complete: bool = False
    #: Exchanges left out because their response is not by a ``--helper`` (all of the run's,
    #: resumed or not).
    not_by_helpers: int = 0
    #: Of ``needs_attention``, the seeker messages only the small learned crisis flag marked
    #: (a hint of a possible crisis, as ``analyze`` counts them).
    crisis_hints: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "output": str(self.output),
            "model": self.model_id,
            "pairs": self.pairs,
            "scored": self.scored,
            "resumed": self.resumed,
            "parts": self.parts,
            "level_counts": {d: list(c) for d, c in self.level_counts.items()},
            "style_counts": dict(self.style_counts),
            "needs_attention": self.needs_attention,
            "crisis_hints": self.crisis_hints,
            "unsafe_replies": self.unsafe_replies,
            "rejected": dict(self.rejected),
            "skipped": dict(self.skipped),
            "rejects_path": str(self.rejects_path),
            "not_by_helpers": self.not_by_helpers,
            "seconds": round(self.seconds, 3),
        }


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    options: BatchOptions,
    *,
    progress: Progress | None = None,
) -> BatchResult:
    """Analyse every pair of ``inputs`` into ``options.output`` (see the package docstring)."""
    started = time.perf_counter()
    if options.workers < 1:
        raise InputError("--workers must be at least 1")
    if options.threads is not None and options.threads < 1:
        raise ConfigError("--threads-per-worker must be at least 1")
    # Checked before any work; kept in the plan, so a resume with another is refused.
    batch_size = worker_batch_size(options.batch_size, _device(options))
    if batch_size == "auto" and not options.gpu:
        raise ConfigError(
            "--batch-size auto chooses a GPU's batch size by timing: give it with --gpu, or "
            "give a number of pairs"
        )
    _check_address(options.address)
    out_dir = Path(options.output)
    outputs.refuse_a_file(out_dir)
    _refuse_an_output_not_utf8(out_dir)
    artifact = ModelArtifact.load(options.model)  # checksums verified before any work
    dimensions = result_dimensions(artifact.manifest["dimensions"])
    plan = make_plan(  # the inputs are checked before the output folder is made
        inputs,
        model_id=artifact.model_id,
        model_fingerprint=artifact.fingerprint,
        format=options.format,
        column_map=options.column_map,
        shards=options.shards,
        max_chars=options.max_chars,
        include_text=options.include_text,
        redact=options.redact,
        helpers=options.helpers,
        exclude=out_dir,
        batch_size=batch_size,
        device=_device(options),
    )
    created = not out_dir.exists()
    if not created:
        outputs.refuse_foreign(out_dir)  # before the lock file is made in it
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        # One run at a time: a second one into this folder is refused at once.
        with hold_lock(out_dir / outputs.LOCK, f"carelens batch is writing {out_dir}"):
            return _run_locked(options, plan, dimensions, started, progress)
    finally:
        if created and out_dir.is_dir() and not any(out_dir.iterdir()):
            out_dir.rmdir()  # refused before any work: a folder this run made goes too


def _device(options: BatchOptions) -> str:
    """Where the workers run the model: ``"cuda"`` with ``--gpu``, else ``"cpu"`` (kept in
    the plan, so a resume on the other is refused)."""
    return "cuda" if options.gpu else "cpu"


def _refuse_an_output_not_utf8(out_dir: Path) -> None:
    """InputError when the output folder's path (made absolute) is not UTF-8: Arrow cannot
    write to such a path, and Ray Data writes to another one (a name's odd bytes dropped:
    ``out\\xe9`` became ``out``, another folder)."""
    full = str(out_dir.absolute())
    if shown_path(full) != full:
        raise InputError(
            f"the output folder's path ({shown_path(full)}) is not UTF-8, which Ray Data and "
            "Arrow cannot write to; choose an output folder whose path is UTF-8 (the inputs "
            "may keep their names)",
            path=str(out_dir),
        )


def _run_locked(
    options: BatchOptions,
    plan: BatchPlan,
    dimensions: Sequence[str],
    started: float,
    progress: Progress | None,
) -> BatchResult:
    """:func:`run_batch` once it holds the output folder's lock."""
    out_dir = Path(options.output)
    outputs.prepare(out_dir, overwrite=options.overwrite)
    work = out_dir / outputs.WORK
    manifest = outputs.read_manifest(out_dir)
    stored = BatchPlan.from_dict(manifest["plan"]) if manifest else read_plan(work / outputs.PLAN)
    if stored is not None:
        if stored.staging != plan.staging:
            # Staged rows and parts made by another grouping rule: resuming would mix them
            # with this rule's, and a finished run's pairs are not what this carelens makes.
            raise InputError(
                "the output folder holds a run staged by another version of carelens "
                f"({stored.staging_rule()}; this one: {plan.staging_rule()}), so its pairs "
                "may differ from this version's; pass --overwrite to start over, or choose "
                "another folder",
                path=str(out_dir),
            )
        # Before the options: no other option could make a folder of an unknown build
        # resumable.
        kept_in = outputs.MANIFEST if manifest else f"{outputs.WORK}/{outputs.PLAN}"
        if unknown := stored.unknown_build(plan, kept_in=kept_in, finished=manifest is not None):
            raise InputError(unknown, path=str(out_dir))
        if options.shards is None:  # a re-run keeps the first run's shard count
            plan = _with_shards(plan, stored.shards)
        if diffs := stored.differences(plan):
            raise InputError(
                f"the output folder holds a run that differs from this one in: "
                f"{', '.join(diffs)}; run the same command as before to resume it, pass "
                "--overwrite to start over, or choose another folder",
                path=str(out_dir),
            )
    if manifest is not None:
        if work.exists() and not options.keep_work:
            # A run killed after its manifest was written, before _work was removed.
            shutil.rmtree(work)
            logger.warning(
                "removed %s, left behind by a run stopped just after it had finished",
                work,
            )
        return _result(out_dir, manifest, dimensions, started, scored=0, complete=True)
    work.mkdir(exist_ok=True)
    write_json_atomic(work / outputs.PLAN, plan.to_dict())

    staged = work / outputs.STAGED
    clock = time.perf_counter()
    try:
        owns_ray = _connect(options)
    except BaseException:  # Ray unreachable, or Ctrl-C while waiting for it
        if stored is None:  # no work done: leave no plan to resume
            outputs.forget_plan(out_dir, remove_folder=False)
        raise
    logger.info("Ray ready in %.1f s", time.perf_counter() - clock)
    interrupted = False
    try:
        try:
            if options.gpu:
                _require_gpu()
            threads = _threads_per_worker(options)
        except CarelensError:
            if stored is None:  # refused before any work: leave no plan to resume
                outputs.forget_plan(out_dir, remove_folder=False)
            raise
        if not staged.is_dir():
            clock = time.perf_counter()
            try:
                stage(plan, staged, partitions=_partitions(plan))
            except InputError:  # an input that cannot be read on: refused, as by the plan
                if not any(out_dir.glob("part-*.parquet")):  # nothing worth resuming
                    outputs.forget_plan(out_dir, remove_folder=False)
                raise
            logger.info("inputs read and paired in %.1f s", time.perf_counter() - clock)
        shards = outputs.staged_shards(staged)
        done = {s for s in shards if (out_dir / f"{part_name(s)}.parquet").is_file()}
        total = sum(shards.values())
        resumed = sum(n for s, n in shards.items() if s in done)
        if progress is not None:
            progress(resumed, total)
        pending = [s for s in shards if s not in done]
        clock = time.perf_counter()
        scored = _score(
            pending, shards, staged, out_dir, plan, options, threads, resumed, total, progress
        )
        logger.info("%d pairs scored in %.1f s", scored, time.perf_counter() - clock)
    except KeyboardInterrupt:
        interrupted = True
        raise
    except OSError as exc:  # a full disk in a Ray task: one error line, not Ray's traceback
        raise write_failure(exc, out_dir) from exc
    finally:
        if owns_ray:
            import ray

            ray.shutdown()
        if interrupted and stored is None and not staged.is_dir():
            # Ctrl-C before stage 1 finished (so before any part): nothing worth resuming,
            # and a plan left behind would refuse the corrected command's other options.
            outputs.forget_plan(out_dir, remove_folder=False)
    rejected, skipped, left_out = outputs.write_rejects(staged, out_dir, redact=plan.redact)
    summary = outputs.totals(out_dir, list(shards), dimensions)
    summary.update(rejected=rejected, skipped=skipped, not_by_helpers=left_out, model=plan.model_id)
    if not options.keep_work:
        # The input texts go before the run is marked complete: a kill in between leaves a
        # run to resume (stage 1 done again), never texts beside a finished run's manifest.
        outputs.discard_staged(work)
    outputs.write_manifest(out_dir, plan, summary)
    if not options.keep_work:
        shutil.rmtree(work)  # the plan; a kill before this: removed by the next run
    manifest = outputs.read_manifest(out_dir)
    assert manifest is not None
    return _result(out_dir, manifest, dimensions, started, scored=scored, complete=False)


def _with_shards(plan: BatchPlan, shards: int) -> BatchPlan:
    return replace(plan, shards=shards)  # the inputs' given names kept


def _partitions(plan: BatchPlan) -> int:
    import ray

    cpus = int(ray.cluster_resources().get("CPU", 1))
    return max(1, min(plan.shards, 2 * cpus))


#: Proxy variables set for the processes of a private local Ray (see ray_http_confined).
_PROXY_VARIABLES = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")
_NO_PROXY_VARIABLES = ("no_proxy", "NO_PROXY")
#: gRPC also reads the proxy variables; an empty ``grpc_proxy`` tells it to use none.
_GRPC_PROXY_VARIABLE = "grpc_proxy"
#: Hosts Ray's processes still reach directly: each other, on this machine.
LOOPBACK_HOSTS = "127.0.0.1,localhost,::1"


def closed_loopback_port() -> int:
    """A 127.0.0.1 port that nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def ray_http_confined(proxy_port: int | None = None) -> Iterator[None]:
    """While a private Ray starts, point its processes' HTTP proxy at a closed loopback port.

    Ray's dashboard process (started even without the dashboard, for usage statistics) asks
    the cloud metadata services which cloud it runs on (``169.254.169.254`` and
    ``metadata.google.internal``) before it checks that usage statistics are off. Those
    requests honour the standard proxy variables, so with a proxy on a closed 127.0.0.1 port
    they are refused on this machine: no connection and no name lookup leaves it. Ray's
    processes talk to each other over gRPC, told to use no proxy (an empty ``grpc_proxy``),
    and loopback HTTP is listed in ``no_proxy``. The variables are set only while
    ``ray.init`` starts the processes (which inherit them) and then restored.
    """
    port = closed_loopback_port() if proxy_port is None else proxy_port
    names = (*_PROXY_VARIABLES, *_NO_PROXY_VARIABLES, _GRPC_PROXY_VARIABLE)
    saved = {k: os.environ.get(k) for k in names}
    os.environ.update({k: f"http://127.0.0.1:{port}" for k in _PROXY_VARIABLES})
    os.environ.update({k: LOOPBACK_HOSTS for k in _NO_PROXY_VARIABLES})
    os.environ[_GRPC_PROXY_VARIABLE] = ""
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextmanager
def ray_entrypoint_shown() -> Iterator[None]:
    """While ``ray.init`` connects, give Ray this process's command line with each byte that
    is not UTF-8 written ``\\xNN`` (:func:`~carelens.readers.rejects.shown_path`).

    Ray records the command line (as the job's entrypoint, read by
    ``ray._private.utils.get_entrypoint_name``) as UTF-8 text, and stops with
    UnicodeEncodeError on an input or output named in another encoding, which Python reads
    with a lone surrogate for each such byte. Where Ray has no such function, nothing is
    changed.
    """
    import ray._private.utils as ray_utils

    original = getattr(ray_utils, "get_entrypoint_name", None)
    if original is None:
        yield
        return

    def shown() -> str:
        return shown_path(str(original()))

    ray_utils.get_entrypoint_name = shown
    try:
        yield
    finally:
        ray_utils.get_entrypoint_name = original


def _check_working_folder(address: str | None) -> None:
    """Refuse a working folder whose name is not UTF-8 when this process starts or joins Ray
    as a driver: Ray sends it to its workers as UTF-8 text and stops with UnicodeEncodeError
    (a Ray Client driver, ``ray://``, runs on the cluster)."""
    if address is not None and "://" in _resolved(address):
        return
    try:
        here = os.getcwd()
    except OSError:  # a folder removed under this process: Ray's own error says so
        return
    if shown_path(here) != here:
        raise ConfigError(
            f"Ray cannot run from the working folder {shown_path(here)}: its name is not "
            "UTF-8; run carelens batch from another folder (the inputs and the output may "
            "keep their names)"
        )


def _connect(options: BatchOptions) -> bool:
    """Start or join Ray; True when this call started it (and must shut it down)."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise MissingExtraError("ray[data]", "batch") from exc
    logging.getLogger("ray").setLevel(logging.WARNING)
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    # carelens shows its own progress bar; Ray's note that its bars are off is noise.
    logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)
    # Ray's notice that token authentication is on (it should be: nothing to act on).
    logging.getLogger("ray._private.authentication.authentication_token_setup").setLevel(
        logging.ERROR
    )
    owns = False
    # ray.init makes a SIGTERM end the program at once (sys.exit): the command's own handler
    # is put back, so a SIGTERM cleans up and says what is kept, as a Ctrl-C does.
    on_sigterm = signal.getsignal(signal.SIGTERM)
    if not ray.is_initialized():
        _check_working_folder(options.address)
        if options.address is None:
            with ray_http_confined(), ray_entrypoint_shown():
                ray.init(
                    # A new Ray of our own: without "local", ray.init joins the cluster
                    # named by RAY_ADDRESS or left running by `ray start` (and then refuses
                    # num_cpus).
                    address="local",
                    num_cpus=os.cpu_count() or 1,
                    num_gpus=None if options.gpu else 0,
                    include_dashboard=False,
                    _node_ip_address="127.0.0.1",
                    log_to_driver=False,
                    logging_level=logging.WARNING,
                )
        else:
            _check_reachable(options.address)
            with ray_entrypoint_shown():
                ray.init(
                    address=options.address, log_to_driver=False, logging_level=logging.WARNING
                )
        owns = True
        if on_sigterm is not None and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, on_sigterm)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    return owns


def has_ray_client() -> bool:
    """Whether Ray Client (``ray://`` addresses) can be used: ``ray[client]`` adds grpcio."""
    return importlib.util.find_spec("grpc") is not None


def _resolved(address: str) -> str:
    """The address ``ray.init`` connects to: it reads ``RAY_ADDRESS`` in place of ``auto``
    (``auto`` when that is not set: the cluster ``ray start`` left on this machine)."""
    return (os.environ.get("RAY_ADDRESS") or address) if address == "auto" else address


def _check_address(address: str | None) -> None:
    """Refuse a Ray Client address when Ray Client is not installed (before any work)."""
    if address is None:
        return
    target = _resolved(address)  # "://" (ray://) means Ray Client
    if "://" in target and not has_ray_client():
        raise ConfigError(
            f"the address {target} connects through Ray Client, which is not installed "
            "(carelens[batch] does not include it); install it with: pip install 'ray[client]'"
        )


#: Seconds a cluster address is given to accept a TCP connection before it is unreachable.
REACH_TIMEOUT_S = 5.0


def _host_and_port(address: str) -> tuple[str, int] | None:
    """The host and port a cluster address names (``HOST:PORT``, ``ray://HOST:PORT``,
    ``[::1]:PORT``); None for what Ray resolves itself (``auto`` without ``RAY_ADDRESS``:
    the cluster ``ray start`` left on this machine) or cannot name a port."""
    address = _resolved(address)
    target = address.split("://", 1)[1] if "://" in address else address
    host, _, port = target.rstrip("/").rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not host or not port.isdigit():
        return None
    return host, int(port)


def _check_reachable(address: str) -> None:
    """Refuse a cluster address nothing answers on, before ``ray.init``: given a wrong
    address, Ray retries its connection forever (a "Failed to get cluster ID from GCS
    server" line every 30 s) and a Ctrl-C takes as long. Only a TCP connection is opened
    (and closed at once): no data is sent."""
    named = _host_and_port(address)
    if named is None:
        return
    if address == "auto":
        address = f"{os.environ.get('RAY_ADDRESS')} (RAY_ADDRESS, read for --address auto)"
    try:
        with socket.create_connection(named, timeout=REACH_TIMEOUT_S):
            pass
    except OSError as exc:
        if isinstance(exc, socket.gaierror):
            why = f"the host {named[0]} is not known"
        elif isinstance(exc, TimeoutError):
            why = f"no answer within {REACH_TIMEOUT_S:g} s"
        else:
            why = exc.strerror or str(exc) or type(exc).__name__
        raise ConfigError(
            f"cannot reach the Ray cluster at {address} ({why}); check --address: the Ray "
            "head's HOST:6379, or ray://HOST:10001 for Ray Client"
        ) from exc


def _largest_node_cpus() -> int:
    """The CPUs of the largest live Ray node (one worker runs on one node)."""
    import ray

    nodes = [n for n in ray.nodes() if n.get("Alive")]
    cpus = [int(n.get("Resources", {}).get("CPU", 0)) for n in nodes]
    return max(cpus, default=0) or int(ray.cluster_resources().get("CPU", 1))


def _threads_per_worker(options: BatchOptions) -> int:
    """The CPU threads each worker asks Ray for: ``--threads-per-worker``, or by default the
    cluster's CPUs shared among the workers (at most one node's). More than the largest node
    has is refused: Ray could place no worker and would wait forever."""
    import ray

    largest = _largest_node_cpus()
    if options.threads is None:
        cpus = int(ray.cluster_resources().get("CPU", 1))
        return max(1, min(largest, cpus // options.workers))
    if options.threads > largest:
        raise ConfigError(
            f"--threads-per-worker {options.threads} is more than Ray's largest node has "
            f"({largest} CPUs; a worker runs on one node): give at most {largest}"
        )
    return options.threads


def _require_gpu() -> None:
    import ray

    if not ray.cluster_resources().get("GPU"):
        raise InputError(
            "--gpu was given but Ray sees no GPU on this machine or cluster; run without --gpu"
        )


def _score(
    pending: list[int],
    shards: Mapping[int, int],
    staged: Path,
    out_dir: Path,
    plan: BatchPlan,
    options: BatchOptions,
    threads: int,
    done: int,
    total: int,
    progress: Progress | None,
) -> int:
    """Score the pending shards on a pool of workers; return the pairs scored. A carelens
    error a worker met is raised here (:func:`~carelens.batch.worker_errors.worker_error`)."""
    if not pending:
        return 0
    import ray
    import ray.data

    largest_first = sorted(pending, key=lambda s: -shards[s])  # shorter tail at the end
    items = ray.data.from_items(
        [{"shard": s} for s in largest_first], override_num_blocks=len(largest_first)
    )
    scored_parts = items.map_batches(
        ShardScorer,
        fn_constructor_kwargs={
            "staged": str(staged),
            "out_dir": str(out_dir),
            "model": options.model,
            "threads": threads,
            "include_text": plan.include_text,
            "redact": plan.redact,
            "device": _device(options),
            "batch_size": plan.batch_size,
        },
        batch_size=1,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=min(options.workers, len(pending))),
        num_cpus=threads,
        num_gpus=1 if options.gpu else 0,
    )
    scored = 0
    for batch in scored_parts.iter_batches(batch_size=1, batch_format="numpy"):
        for payload in batch[ERROR]:
            if payload:  # a carelens error a worker met: raised here as the worker raised it
                raise worker_error(str(payload))
        n = int(batch["pairs"].sum())
        scored += n
        if progress is not None:
            progress(done + scored, total)
    return scored


def _result(
    out_dir: Path,
    manifest: Mapping[str, Any],
    dimensions: Sequence[str],
    started: float,
    *,
    scored: int,
    complete: bool,
) -> BatchResult:
    levels = manifest["level_counts"]
    return BatchResult(
        output=out_dir,
        model_id=str(manifest["model"]),
        pairs=int(manifest["pairs"]),
        scored=scored,
        resumed=int(manifest["pairs"]) - scored,
        parts=len(manifest["parts"]),
        level_counts={d: tuple(levels[d]) for d in dimensions if d in levels},
        style_counts=dict(manifest["style_counts"]),
        needs_attention=int(manifest["needs_attention"]),
        # Runs finished before hints were counted apart have no count.
        crisis_hints=int(manifest.get("crisis_hints", 0)),
        # Runs finished before responses were checked for unsafe words have no count.
        unsafe_replies=int(manifest.get("unsafe_replies", 0)),
        rejected=dict(manifest["rejected"]),
        skipped=dict(manifest["skipped"]),
        rejects_path=out_dir / outputs.REJECTS,
        seconds=time.perf_counter() - started,
        already_complete=complete,
        # Runs finished before --helper existed left nothing out.
        not_by_helpers=int(manifest.get("not_by_helpers", 0)),
    )
