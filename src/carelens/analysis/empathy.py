"""The model-backed analyzer: the taxonomy's response dimensions, seeker signals and feedback.

:class:`EmpathyAnalyzer` encodes pairs, runs the ONNX model in length-sorted batches, turns
logits into calibrated probabilities (one temperature per dimension, fitted on dev data at
training time) and rationale probabilities into character spans: the sentences that score
at least a share of the best one, that share fitted per dimension on dev
(:mod:`carelens.training.span_fit`); models without fitted shares (older manifests) mark tokens
above a threshold instead, widened to whole sentences for the dimensions in
:data:`SENTENCE_SPAN_DIMENSIONS`. On top of the model's
dimensions it looks for unsafe wording in the response (:mod:`carelens.analysis.unsafe`,
kept in the result's ``unsafe`` field), applies the rules (:mod:`carelens.analysis.rules`),
adds the derived ``empathy`` and ``style`` (:mod:`carelens.taxonomy`), the seeker's distress
(model) and crisis cues (the patterns of :mod:`carelens.analysis.crisis`, and for a post they
miss the learned flag of :mod:`carelens.analysis.crisis_model`), feedback for
the helper (:mod:`carelens.analysis.feedback`), and the helper's own distress
(:mod:`carelens.analysis.personal_distress`). Results come back in input order; inputs are
never modified.
"""

from __future__ import annotations

import numbers
import os
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn

import numpy as np
from numpy.typing import NDArray

from carelens.analysis.crisis import CRISIS_RESOURCES, crisis_scan
from carelens.analysis.crisis_model import CrisisWordingModel
from carelens.analysis.feedback import feedback_for
from carelens.analysis.personal_distress import PersonalDistressModel, helper_distress
from carelens.analysis.rules import apply_rules
from carelens.analysis.unsafe import unsafe_spans
from carelens.checks import int_between
from carelens.errors import InputError, ModelError, PairTypeError
from carelens.inference.artifact import ModelArtifact
from carelens.inference.encoding import EncodingLimits, PairEncoder
from carelens.inference.session import OnnxModel
from carelens.inference.spans import (
    choose_sentences,
    sentence_score_matrix,
    sentence_token_ranges,
    snap_to_sentences,
    token_probs_to_spans,
)
from carelens.taxonomy import derive_empathy, headline_style, result_dimensions
from carelens.text import is_blank, join_surrogates
from carelens.types import (
    DimensionScore,
    Exchange,
    HelperSignals,
    ResponseAnalysis,
    SeekerSignals,
    Span,
)

PairLike = tuple[str, str] | Exchange

#: For models with token thresholds (no sentence ratios in the manifest): dimensions whose
#: rationale is a whole sentence (a question that explores), whose spans are widened to the
#: sentences they touch. Chosen on the dev split, where EPITOME's
#: exploration rationales are whole questions: exploration IOU-F1 0.473 -> 0.571, token-F1
#: 0.614 -> 0.620; widening emotional reactions and interpretations too lowered their IOU-F1.
SENTENCE_SPAN_DIMENSIONS: frozenset[str] = frozenset({"exploration"})

#: Pairs analysed together, as one chunk (``carelens analyze`` writes and resumes a chunk at
#: a time): with a batch size above 1 a pair's results depend on the other pairs of its
#: chunk, which are sorted by length into batches, so every way of analysing a stream uses
#: the same chunks (:func:`chunk_size_for`).
CHUNK_SIZE = 256


def chunk_size_for(batch_size: int) -> int:
    """The pairs of a chunk for ``batch_size``: :data:`CHUNK_SIZE`, or the batch size when
    larger (a chunk holds at least one whole batch)."""
    return max(CHUNK_SIZE, batch_size)


def _as_pair(item: PairLike, where: str, index: int = 0) -> tuple[str, str]:
    """``(seeker, response)`` of a pair; :class:`~carelens.errors.PairTypeError` (a
    TypeError) for anything but an Exchange or two strings, InputError for a text with
    nothing but whitespace (``where`` names the pair; the error's ``index`` is ``index``).

    This is where text enters the analysis: a surrogate pair given as two code points is
    joined into the character it encodes (:func:`~carelens.text.join_surrogates`), so the
    offsets found count it once, as the text reads after a JSON round trip."""
    if isinstance(item, Exchange):
        texts: tuple[object, ...] = (item.seeker.text, item.response.text)
    elif isinstance(item, tuple | list) and len(item) == 2:
        texts = tuple(item)
    else:
        raise PairTypeError(
            f"{where}: a pair is an Exchange or a (seeker, response) tuple of two strings, "
            f"not {type(item).__name__}"
            + (" (a dict's keys would be read as the texts)" if isinstance(item, dict) else ""),
            index=index,
        )
    checked: list[str] = []
    for role, text in zip(("seeker", "response"), texts, strict=True):
        if not isinstance(text, str):
            raise PairTypeError(
                f"{where}: the {role} text must be a string, not {type(text).__name__}",
                index=index,
            )
        if is_blank(text):
            shown = "empty" if not text.strip() else "empty (only invisible characters)"
            raise InputError(f"{where}: the {role} text is {shown}", field=role, index=index)
        checked.append(join_surrogates(text))
    return checked[0], checked[1]


def _softmax(z: NDArray[np.float32]) -> NDArray[np.float32]:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    out: NDArray[np.float32] = e / e.sum(axis=-1, keepdims=True)
    return out


def _pair_encoder(artifact: ModelArtifact) -> PairEncoder:
    """The pair encoder with the lengths of the manifest's ``encoding``; a malformed or
    inconsistent value is a ModelError naming the manifest, not a failure later on."""
    manifest = artifact.path / "manifest.json"
    enc = artifact.manifest.get("encoding", {})
    if not isinstance(enc, dict):
        raise ModelError(f"{manifest}: encoding must be an object, not {enc!r}")

    def length(key: str, default: int) -> int:
        value = enc.get(key, default)
        if not int_between(value, 1):
            raise ModelError(
                f"{manifest}: encoding.{key} must be a whole number of at least 1, not {value!r}"
            )
        return value

    seeker_cap = enc.get("max_seeker_tokens")
    if seeker_cap is not None and not int_between(seeker_cap, 1):
        raise ModelError(
            f"{manifest}: encoding.max_seeker_tokens must be a whole number of at least 1 "
            f"or null, not {seeker_cap!r}"
        )
    limits = EncodingLimits(
        max_length=length("max_length", 160),
        max_response_tokens=length("max_response_tokens", 112),
        max_seeker_tokens=seeker_cap,
    )
    try:
        return PairEncoder.from_file(artifact.tokenizer_path, **limits)
    except ValueError as exc:
        raise ModelError(f"{manifest}: encoding: {exc}") from exc
    except Exception as exc:  # the tokenizers library raises plain Exceptions
        raise ModelError(f"{artifact.tokenizer_path}: not a readable tokenizer ({exc})") from exc


def _model_settings(artifact: ModelArtifact) -> dict[str, Any]:
    """The manifest's dimensions and calibration, checked: a ModelError naming the manifest
    for anything malformed, rather than a KeyError or a shape error at the first analysis."""
    where = artifact.path / "manifest.json"
    manifest = artifact.manifest
    dims = manifest.get("dimensions")
    if not (isinstance(dims, list) and dims and all(isinstance(d, str) and d for d in dims)):
        raise ModelError(f"{where}: 'dimensions' must be a non-empty list of names, not {dims!r}")
    calibration = manifest.get("calibration", {})
    if not isinstance(calibration, dict):
        raise ModelError(f"{where}: 'calibration' must be an object")

    def per_dimension(key: str, *, low: float, high: float | None) -> tuple[float, ...] | None:
        values = calibration.get(key)
        if values is None:
            return None
        ok = (
            isinstance(values, list)
            and len(values) == len(dims)
            and all(
                isinstance(v, int | float)
                and not isinstance(v, bool)
                and low < v
                and (high is None or v <= high)
                for v in values
            )
        )
        if not ok:
            bound = f"in ({low:g}, {high:g}]" if high is not None else f"above {low:g}"
            raise ModelError(
                f"{where}: calibration.{key} must list one number {bound} per dimension "
                f"({len(dims)}), not {values!r}"
            )
        return tuple(float(v) for v in values)

    seeker_temperature = calibration.get("seeker_temperature", 1.0)
    if isinstance(seeker_temperature, bool) or not (
        isinstance(seeker_temperature, int | float) and seeker_temperature > 0
    ):
        raise ModelError(f"{where}: calibration.seeker_temperature must be a positive number")
    flags = manifest.get("flags", [])
    if not (isinstance(flags, list) and all(isinstance(f, str) for f in flags)):
        raise ModelError(f"{where}: 'flags' must be a list of names, not {flags!r}")
    return {
        "dimensions": tuple(dims),
        "temperatures": per_dimension("temperatures", low=0.0, high=None) or (1.0,) * len(dims),
        "thresholds": per_dimension("rationale_thresholds", low=0.0, high=1.0)
        or (0.5,) * len(dims),
        "sentence_ratios": per_dimension("rationale_sentence_ratios", low=0.0, high=1.0),
        "flags": tuple(flags),
        "seeker_temperature": float(seeker_temperature),
    }


def _whole(value: object) -> bool:
    """Whether ``value`` is a whole number (an integer type, NumPy's too, but not a
    ``bool``: ``True`` is no count of threads). Every count the analyzer takes (``threads``,
    ``batch_size``, ``idle_threads``, ``chunk_size``) is checked so and kept as an ``int``."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


#: The analyzers of this process, so that a child made by ``os.fork`` forgets their worker
#: threads (:func:`_forget_pools`).
_ANALYZERS: weakref.WeakSet[EmpathyAnalyzer] = weakref.WeakSet()


def _forget_pools() -> None:
    """In a child made by ``os.fork``: drop each analyzer's pool and the lock that guards it.
    The pool's threads stayed in the parent, so a batch handed to it would never run (the
    call waited forever), and a parent's thread may have held the lock; the child's first
    call with several batches starts a pool of its own."""
    for analyzer in list(_ANALYZERS):
        analyzer._pool = None
        analyzer._pool_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pools)


class EmpathyAnalyzer:
    """Scores responses on the taxonomy (the dimensions the model's manifest lists).

    Build one with :meth:`load`; the constructor takes already-loaded parts and does no I/O.
    With ``batch_size=1`` (the default) a pair's result depends on that pair alone. The int8
    model quantises activations with one scale per batch, so in larger batches a pair's
    probabilities move with the other pairs in the batch (by up to 0.24 in a check of 120
    mixed pairs, where 9 styles changed); speed differs by ~10%. Pairs are batched within
    chunks of :func:`chunk_size_for` ``batch_size`` pairs, in :meth:`predict` and
    :meth:`analyze_many` alike, as ``carelens analyze --batch-size`` does, so their results
    equal its records.

    One analyzer may serve several threads at once, and a process forked after it was used
    (``multiprocessing``'s ``fork``) may go on using it: the child starts worker threads of
    its own. It cannot be pickled (its ONNX Runtime sessions belong to this process): load
    one in each process instead. Used as a context manager (``with carelens.load() as
    analyzer:``) it is closed (:meth:`close`) when the block ends.
    """

    def __init__(
        self,
        artifact: ModelArtifact,
        encoder: PairEncoder,
        model: OnnxModel,
        *,
        threads: int | None = None,
        batch_size: int = 1,
        distress_model: PersonalDistressModel | None = None,
        crisis_model: CrisisWordingModel | None = None,
    ) -> None:
        if not _whole(batch_size) or batch_size < 1:
            raise ValueError(f"batch_size must be a whole number >= 1, not {batch_size!r}")
        if threads is not None and (not _whole(threads) or threads < 0):
            raise ValueError(
                f"threads must be a whole number >= 1 (0 or None: one per CPU), not {threads!r}"
            )
        settings = _model_settings(artifact)
        self.artifact = artifact
        self.threads = max(1, int(threads) if threads else (os.cpu_count() or 1))
        #: Runs the batches of a call ``threads`` at a time; created by the first call with
        #: several batches, shared by every caller (guarded by ``_pool_lock``).
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()
        _ANALYZERS.add(self)
        self.encoder = encoder
        self.model = model
        self.batch_size = int(batch_size)
        #: Scores the helper's own distress in each response (None: not scored).
        self.distress_model = distress_model
        #: Flags seeker posts the crisis-cue patterns miss (None: patterns only).
        self.crisis_model = crisis_model
        #: The dimensions the model scores, in its output order.
        self.model_dimensions: tuple[str, ...] = settings["dimensions"]
        #: Every dimension a result has: the model's, then the derived ``empathy``.
        self.dimensions: tuple[str, ...] = result_dimensions(self.model_dimensions)
        self.temperatures = np.asarray(settings["temperatures"], dtype=np.float32)
        self.thresholds: tuple[float, ...] = settings["thresholds"]
        #: Per dimension, the share of the best sentence's score a sentence needs to be a
        #: rationale; None: the model marks tokens above :attr:`thresholds` instead.
        self.sentence_ratios: tuple[float, ...] | None = settings["sentence_ratios"]
        self.flag_names: tuple[str, ...] = settings["flags"]
        self.has_seeker_head = "distress" in artifact.manifest.get("seeker", ())
        self.seeker_temperature: float = settings["seeker_temperature"]

    @classmethod
    def load(
        cls,
        path: str | Path | None = None,
        *,
        threads: int | None = None,
        batch_size: int = 1,
        device: str = "cpu",
        idle_threads: int = 1,
    ) -> EmpathyAnalyzer:
        """Load and verify the model at ``path`` (default: the model shipped with carelens).

        ``device="cuda"`` runs it on ONNX Runtime's CUDA provider (ModelError without one).
        ``idle_threads`` > 1 lets a model call that runs alone use that many threads (see
        :class:`~carelens.inference.session.OnnxModel`).
        """
        if not _whole(idle_threads) or idle_threads < 1:
            raise ValueError(f"idle_threads must be a whole number >= 1, not {idle_threads!r}")
        artifact = ModelArtifact.load(path)
        encoder = _pair_encoder(artifact)
        return cls(
            artifact,
            encoder,
            OnnxModel.load(artifact, device, idle_threads=int(idle_threads)),
            threads=threads,
            batch_size=batch_size,
            distress_model=PersonalDistressModel.load(),
            crisis_model=CrisisWordingModel.load(),
        )

    @property
    def model_id(self) -> str:
        return self.artifact.model_id

    @property
    def model_fingerprint(self) -> str:
        """:attr:`~carelens.inference.artifact.ModelArtifact.fingerprint` of the model."""
        return self.artifact.fingerprint

    def __reduce__(self) -> NoReturn:
        # ONNX Runtime's own error names its session class, not what to do.
        raise TypeError(
            "an EmpathyAnalyzer cannot be pickled (its ONNX Runtime sessions belong to the "
            "process that loaded them): load one analyzer per process, with carelens.load() "
            "in each worker process (a worker started by multiprocessing's 'fork' method may "
            "use the analyzer it inherits)"
        )

    def __enter__(self) -> EmpathyAnalyzer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def analyze(self, seeker: str, response: str) -> ResponseAnalysis:
        """Analyse one response to one seeker message.

        Raises TypeError when a text is not a string and :class:`~carelens.errors.InputError`
        when it holds nothing but whitespace (there is nothing to analyse). Offsets count a
        surrogate pair given as two code points (``"\\ud83d\\ude00"``) as the one character
        it encodes, as the text reads after a JSON round trip (:meth:`Span.text_in
        <carelens.types.Span.text_in>` cuts from the text so joined).
        """
        return self._predict([(seeker, response)], where=lambda _: "analyze()")[0]

    @property
    def chunk_size(self) -> int:
        """The pairs analysed together: :func:`chunk_size_for` :attr:`batch_size`."""
        return chunk_size_for(self.batch_size)

    def analyze_many(
        self, pairs: Iterable[PairLike], *, chunk_size: int | None = None
    ) -> Iterator[ResponseAnalysis]:
        """Analyse a stream of pairs (Exchanges or ``(seeker, response)`` tuples), yielding
        results in input order.

        Pairs are read ``chunk_size`` at a time, so an unbounded stream uses bounded memory;
        with a batch size above 1 a pair's results depend on the other pairs of its chunk.
        The default, :attr:`chunk_size` (:data:`CHUNK_SIZE` pairs, or the batch size when
        larger), is what ``carelens analyze`` and :meth:`predict` use, so the results equal
        their records.

        ``pairs`` and ``chunk_size`` are checked when this is called (a TypeError or a
        ValueError), the pairs as they are read: a malformed pair raises as in
        :meth:`predict`, naming its place in the stream, once the results of the pairs before
        it are yielded (they are analysed as a chunk of their own); the error's ``index`` is
        that place (0-based). An error of the stream itself comes after those results too.
        """
        if chunk_size is None:
            chunk_size = self.chunk_size
        elif not _whole(chunk_size) or chunk_size < 1:  # 2.5 or "8" once failed deep inside
            raise ValueError(f"chunk_size must be an integer of at least 1, not {chunk_size!r}")
        if isinstance(pairs, Exchange) or (
            isinstance(pairs, tuple) and len(pairs) == 2 and all(isinstance(t, str) for t in pairs)
        ):
            raise TypeError(
                "analyze_many() takes an iterable of pairs, not one pair: pass [pair], or "
                "call analyze(seeker, response)"
            )
        if isinstance(pairs, str | bytes) or not isinstance(pairs, Iterable):
            raise TypeError(
                "analyze_many() takes an iterable of pairs (Exchanges or (seeker, response) "
                f"tuples), not {type(pairs).__name__}"
            )
        return self._analyze_stream(iter(pairs), int(chunk_size))

    def _analyze_stream(
        self, pairs: Iterator[PairLike], chunk_size: int
    ) -> Iterator[ResponseAnalysis]:
        """:meth:`analyze_many`'s results: each chunk's pairs checked as they are read, then
        analysed; on an error, the checked pairs of its chunk are analysed and yielded
        before it is raised."""
        done = 0
        while True:
            texts: list[tuple[str, str]] = []
            try:
                for item in pairs:
                    texts.append(_as_pair(item, f"pair {done}", done))
                    done += 1
                    if len(texts) == chunk_size:
                        break
            except Exception:
                yield from self._predict_texts(texts)  # the good pairs before the error
                raise
            if not texts:
                return
            yield from self._predict_texts(texts)

    def predict(self, pairs: Sequence[PairLike]) -> list[ResponseAnalysis]:
        """Analyse a list of pairs, ``threads`` batches at a time; results keep input order.

        Batches group pairs of similar length, so little padding is computed, within chunks
        of :attr:`chunk_size` pairs taken in input order, as ``carelens analyze`` takes them:
        with a batch size above 1, a list of more pairs gives the results of that command's
        chunks. A pair that is neither an Exchange nor a tuple of two strings raises
        TypeError (:class:`~carelens.errors.PairTypeError`), and one whose seeker or response
        text is empty (or only whitespace) raises :class:`~carelens.errors.InputError`,
        before anything is analysed; the error's ``index`` is the pair's place in ``pairs``.
        """
        return self._predict(pairs, where=lambda i: f"pair {i}")

    def _predict(
        self, pairs: Sequence[PairLike], where: Callable[[int], str]
    ) -> list[ResponseAnalysis]:
        """``pairs`` checked (all before any is analysed), then analysed a chunk at a time."""
        texts = [_as_pair(p, where(i), i) for i, p in enumerate(pairs)]
        size = self.chunk_size
        results: list[ResponseAnalysis] = []
        for start in range(0, len(texts), size):
            results.extend(self._predict_texts(texts[start : start + size]))
        return results

    def _predict_texts(self, texts: Sequence[tuple[str, str]]) -> list[ResponseAnalysis]:
        """Checked ``(seeker, response)`` texts analysed together: sorted by length into
        batches of :attr:`batch_size`, which run ``threads`` at a time."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i][0]) + len(texts[i][1]))
        batches = [
            [(i, texts[i]) for i in order[start : start + self.batch_size]]
            for start in range(0, len(order), self.batch_size)
        ]
        if self.threads > 1 and len(batches) > 1:
            done = self._run_pooled(batches)
        else:
            done = [self._predict_batch(batch) for batch in batches]
        results: list[ResponseAnalysis | None] = [None] * len(texts)
        for batch, analyses in zip(batches, done, strict=True):
            for (i, _), analysis in zip(batch, analyses, strict=True):
                results[i] = analysis
        missing = [i for i, r in enumerate(results) if r is None]
        if missing:  # every batch returns one result per pair; anything else is a bug
            raise RuntimeError(f"no result for pair(s) {missing[:5]}")
        return [r for r in results if r is not None]

    def _run_pooled(
        self, batches: list[list[tuple[int, tuple[str, str]]]]
    ) -> list[list[ResponseAnalysis]]:
        """``batches`` run on the worker threads (started here when there are none), their
        results in order. When this call fails or is stopped, its batches not begun are
        dropped, never another caller's; on a Ctrl-C the pool is also retired, as by
        :meth:`close`, so its threads end once they are idle."""
        pool: ThreadPoolExecutor | None = None
        futures: list[Future[list[ResponseAnalysis]]] = []
        try:
            with self._pool_lock:  # never handed out to a pool that close() retires
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="carelens")
                pool = self._pool
                for batch in batches:
                    futures.append(pool.submit(self._predict_batch, batch))
            return [future.result() for future in futures]
        except BaseException as exc:
            for future in futures:
                future.cancel()  # those not begun; the others end with the batch they run
            if isinstance(exc, KeyboardInterrupt) and pool is not None:
                self._retire(pool)
            raise

    def _retire(self, pool: ThreadPoolExecutor) -> None:
        """Let ``pool``'s threads end once the batches handed to it are done (nothing is
        cancelled, nothing waited for); the next call with several batches starts a new one."""
        with self._pool_lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False)

    def close(self) -> None:
        """Let the worker threads that run batches at once (``threads`` > 1) end, without
        waiting for them. Calls that other threads have in flight are not disturbed: their
        batches run to the end on those threads, which then end; nothing is cancelled. The
        analyzer stays usable: a later call starts new threads. Called by ``carelens
        analyze`` when it ends, and when a ``with`` block ends, so that the program's exit
        (which waits for such threads) waits on no idle thread. A Ctrl-C inside a call drops
        that call's batches not begun (and retires the threads likewise), so the exit never
        waits on batches no one will read."""
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False)

    def _predict_batch(self, batch: list[tuple[int, tuple[str, str]]]) -> list[ResponseAnalysis]:
        encoded = self.encoder.encode([pair for _, pair in batch])
        outputs = self.model.run(encoded)
        probs = _softmax(outputs["level_logits"] / self.temperatures[None, :, None])
        rat_probs = 1.0 / (1.0 + np.exp(-outputs["rationale_logits"]))
        flag_probs = (
            1.0 / (1.0 + np.exp(-outputs["flag_logits"]))
            if self.flag_names and "flag_logits" in outputs
            else None
        )
        seeker_probs = (
            _softmax(outputs["seeker_logits"] / self.seeker_temperature)
            if self.has_seeker_head and "seeker_logits" in outputs
            else None
        )
        results = []
        for row, (_, (seeker, response)) in enumerate(batch):
            unsafe = unsafe_spans(response, seeker)
            dims = apply_rules(
                self._dimensions(
                    response, probs[row], rat_probs[row], encoded.response_offsets[row]
                ),
                response,
                unsafe,
                seeker,
            )
            empathy = derive_empathy(dims)
            if empathy is not None:
                dims["empathy"] = empathy
            flags = (
                {
                    n: round(float(p), 4)
                    for n, p in zip(self.flag_names, flag_probs[row], strict=True)
                }
                if flag_probs is not None
                else {}
            )
            distress = (
                DimensionScore(
                    level=int(seeker_probs[row].argmax()),
                    probabilities=tuple(round(float(p), 4) for p in seeker_probs[row]),
                )
                if seeker_probs is not None
                else None
            )
            cues = self._crisis_cues(seeker)
            signals = SeekerSignals(
                distress=distress,
                crisis_cues=cues,
                resources=CRISIS_RESOURCES if cues else (),
            )
            draft = ResponseAnalysis(
                dimensions=dims,
                model_id=self.model_id,
                flags=flags,
                style=headline_style(dims, flags),
                seeker=signals,
                unsafe=unsafe,
                helper=self._helper_signals(response),  # the feedback reads its cues
            )
            results.append(replace(draft, feedback=feedback_for(draft, seeker, response)))
        return results

    def _crisis_cues(self, seeker: str) -> tuple[Span, ...]:
        """The pattern cues of ``seeker``; without any, the learned flag's cue (if it flags)."""
        cues, negated = crisis_scan(seeker)
        if cues or self.crisis_model is None:
            return cues
        cue = self.crisis_model.cue(seeker, skip=negated)
        return (cue,) if cue is not None else ()

    def _helper_signals(self, response: str) -> HelperSignals | None:
        if self.distress_model is None:
            return None
        found = helper_distress(response, self.distress_model)
        return HelperSignals(
            distress=round(found.score, 4), distress_high=found.high, spans=found.spans
        )

    def _dimensions(
        self,
        response: str,
        probs: NDArray[np.float32],
        rat_probs: NDArray[np.float32],
        offsets: NDArray[np.int64],
    ) -> dict[str, DimensionScore]:
        dims: dict[str, DimensionScore] = {}
        token_probs = rat_probs[1 : 1 + len(offsets)]
        levels = probs.argmax(axis=-1)
        sentence_table: list[list[tuple[int, int, float]]] | None = None
        if self.sentence_ratios is not None and levels.any():
            # Sentences and their mean token probabilities, once for every dimension.
            ranges = sentence_token_ranges(response, offsets[: len(token_probs)])
            means = sentence_score_matrix(ranges, token_probs).T.tolist()
            sentence_table = [
                [(r[0], r[1], m) for r, m in zip(ranges, column, strict=True)] for column in means
            ]
        for d, name in enumerate(self.model_dimensions):
            level = int(levels[d])
            spans: tuple[Span, ...] = ()
            if level > 0 and sentence_table is not None and self.sentence_ratios is not None:
                spans = choose_sentences(sentence_table[d], name, self.sentence_ratios[d])
            elif level > 0:  # a model with token thresholds
                spans = token_probs_to_spans(
                    response, offsets, token_probs[:, d], name, threshold=self.thresholds[d]
                )
                if name in SENTENCE_SPAN_DIMENSIONS:
                    spans = snap_to_sentences(response, spans)
            dims[name] = DimensionScore(
                level=level,
                probabilities=tuple(round(float(p), 4) for p in probs[d]),
                spans=spans,
            )
        return dims
