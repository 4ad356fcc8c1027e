"""Fit, per dimension, how rationale sentences are chosen, on the dev part of a model's split.

carelens shows a dimension's rationale as whole sentences: each sentence of the response is
scored by the mean rationale probability of its tokens, and the sentences scoring at least a
share (the *ratio*) of the best sentence are marked
(:func:`carelens.inference.spans.select_sentences`).
:func:`fit_sentence_ratios` picks each dimension's ratio from :data:`RATIO_GRID` by the
rationale token-F1 that ``carelens evaluate`` reports on dev — EPITOME's rationales for its
three mechanisms, the project's annotations of the model's own dev part for the others
(chosen by the model's split, as ``evaluate --split dev --annotations`` does, not by the
``part`` stored with them; read and checked against DATA's rows as training reads them,
:func:`~carelens.training.data.read_checked_annotations`, so a bad line, an annotation of a
response not in DATA or one that does not fit its row is an InputError naming it) — running
the exported int8 model with every rule, exactly as results are made. Each ratio is scored
by ``evaluate``; what it logs (a warning about the file, say) is shown once, not once per
ratio. A
dimension without a gold rationale on dev keeps the ratio the model has
(:data:`DEFAULT_RATIO` when it has none); with ``require_rationales`` (``carelens
fit-spans``) a fit where no dimension has one is an InputError, so refitting on the wrong
file cannot wipe a model's fitted ratios.
:func:`record_sentence_ratios` writes the ratios into the model's manifest; when they change,
it removes the recorded evaluation figures they make stale (those with rationale figures,
measured with the earlier ratios: record them again with ``carelens evaluate --record``).
``carelens train`` does both after exporting; ``carelens fit-spans`` does them for a model
trained before. Torch is not needed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.errors import InputError
from carelens.evaluation import MechanismScores, evaluate, model_split_ids
from carelens.inference.artifact import ModelArtifact, update_calibration
from carelens.inference.encoding import EncodedBatch
from carelens.inference.session import OnnxModel
from carelens.readers import RejectLog
from carelens.taxonomy_evaluation import evaluate_annotations
from carelens.training.data import check_epitome_header, read_checked_annotations

logger = logging.getLogger(__name__)

#: The ratios tried: 1.0 marks only the best sentence (and any that tie with it).
RATIO_GRID: tuple[float, ...] = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
#: The ratio of a dimension without any gold rationale on dev, when the model has none yet.
DEFAULT_RATIO = 0.5


@dataclass(frozen=True)
class SpanFit:
    """The chosen ratio per dimension and the dev figures it was chosen by."""

    ratios: dict[str, float]
    #: Dev token-F1 per dimension at every ratio of the grid (absent: no gold rationale).
    token_f1: dict[str, dict[float, float]]
    #: Dev responses with a gold rationale, per dimension.
    responses: dict[str, int]
    #: The dimensions without a gold rationale on dev whose ratio is the one the model had
    #: (the others without one have :data:`DEFAULT_RATIO`).
    kept: tuple[str, ...] = ()

    def chosen_token_f1(self, dimension: str) -> float | None:
        curve = self.token_f1.get(dimension)
        return curve[self.ratios[dimension]] if curve else None

    def source(self, dimension: str) -> str:
        """Where the dimension's ratio comes from: ``dev`` (fitted), ``kept`` (the model's,
        without a gold rationale on dev) or ``default``."""
        if dimension in self.token_f1:
            return "dev"
        return "kept" if dimension in self.kept else "default"

    def to_calibration(
        self, dimensions: tuple[str, ...], before: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """The manifest's calibration entries: ratios in model output order, and how.

        ``before`` is the manifest's ``rationale_fit`` so far: a kept dimension keeps the
        figures its ratio was chosen by, and ``kept`` names it.
        """
        token_f1 = {
            d: round(f1, 4) for d in dimensions if (f1 := self.chosen_token_f1(d)) is not None
        }
        responses = dict(self.responses)
        old = before or {}
        for d in self.kept:
            if d in (old.get("token_f1") or {}):
                token_f1[d] = old["token_f1"][d]
            if d in (old.get("responses") or {}):
                responses[d] = old["responses"][d]
        fit: dict[str, Any] = {
            "on": "dev",
            "by": "rationale token-F1 (carelens evaluate), sentences >= ratio x best",
            "token_f1": {d: token_f1[d] for d in dimensions if d in token_f1},
            "responses": {d: responses[d] for d in dimensions if d in responses},
        }
        if self.kept:
            fit["kept"] = list(self.kept)  # no gold rationale on this dev: refitted before
        return {
            "rationale_sentence_ratios": [self.ratios[d] for d in dimensions],
            "rationale_fit": fit,
        }


class _RememberingModel(OnnxModel):
    """The model with a memory of its outputs per input: the fit scores the same dev pairs
    once per ratio, and the network's outputs do not depend on the ratio."""

    def __init__(self, model: OnnxModel) -> None:
        super().__init__(model._session, model._idle_session)
        self._seen: dict[bytes, dict[str, NDArray[np.float32]]] = {}

    def run(self, batch: EncodedBatch) -> dict[str, NDArray[np.float32]]:
        key = np.asarray(batch.input_ids.shape).tobytes() + batch.input_ids.tobytes()
        if key not in self._seen:
            self._seen[key] = super().run(batch)
        return self._seen[key]


class _Once(logging.Filter):
    """Lets each message through once: the fit scores dev once per ratio, and what
    ``evaluate`` says about the files is the same every time."""

    def __init__(self) -> None:
        super().__init__()
        self._seen: set[tuple[str, int, str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.levelno, record.getMessage())
        if key in self._seen:
            return False
        self._seen.add(key)
        return True


@contextmanager
def _each_message_once(*names: str) -> Iterator[None]:
    """While the block runs, each message of the loggers ``names`` is shown once."""
    once = _Once()
    loggers = [logging.getLogger(name) for name in names]
    for log in loggers:
        log.addFilter(once)
    try:
        yield
    finally:
        for log in loggers:
            log.removeFilter(once)


def best_ratio(curve: Mapping[float, MechanismScores]) -> float:
    """The ratio with the best dev token-F1; ties go to the better IOU-F1, then to the larger
    ratio: where dev cannot tell ratios apart, the spans mark the fewest words.

    (Until 2026-12-03 ties went to the smaller ratio, which marked whole responses for a
    dimension with a flat curve: reflection's 14 dev rationales score the same from 0.1 to
    0.6.)
    """
    return max(curve, key=lambda r: (curve[r].token_f1 or 0.0, curve[r].iou_f1 or 0.0, r))


def fit_sentence_ratios(
    model: str | os.PathLike[str],
    data: str | os.PathLike[str],
    annotations: str | os.PathLike[str] | None = None,
    *,
    grid: tuple[float, ...] = RATIO_GRID,
    threads: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    require_rationales: bool = False,
) -> SpanFit:
    """Each dimension's ratio from ``grid`` with the best dev token-F1 (:func:`best_ratio`).

    ``data`` is the EPITOME CSV the model was trained on (its dev part is rebuilt from the
    manifest); ``annotations`` the project's annotations, whose responses in that dev part
    score the taxonomy dimensions (a bad line, an annotation of a response not in ``data`` or
    one that does not fit its row is an InputError:
    :func:`~carelens.training.data.read_checked_annotations`). ``progress`` is called with
    (ratios done,
    ratios in all). A dimension without a gold rationale on dev keeps the model's ratio
    (``kept``), or gets :data:`DEFAULT_RATIO` when the model has none. With
    ``require_rationales``, InputError (after the first ratio) when no dimension has a gold
    rationale on dev: nothing to fit on.
    """
    check_epitome_header(data, every_level=False)
    analyzer = EmpathyAnalyzer.load(Path(model), threads=threads)
    analyzer.model = _RememberingModel(analyzer.model)
    had = analyzer.sentence_ratios or ()
    dims = analyzer.model_dimensions
    before = dict(zip(dims, had, strict=True)) if len(had) == len(dims) else {}
    ids = model_split_ids(data, analyzer.artifact.manifest, "dev")
    # Read and checked as training reads them (an InputError naming the line); the dev
    # annotations are those of the model's own dev part, whatever part is stored with them.
    read = read_checked_annotations(annotations, data) if annotations is not None else []
    use_annotations = any(a.rp_id in ids for a in read)
    left_out = RejectLog()  # level cells of annotated dev rows that are not 0, 1 or 2
    scores: dict[str, dict[float, MechanismScores]] = {}
    with _each_message_once("carelens.evaluation", "carelens.taxonomy_evaluation"):
        for done, ratio in enumerate(grid, start=1):
            analyzer.sentence_ratios = (ratio,) * len(dims)
            report = evaluate(data, analyzer, ids=ids, split="dev")
            found = list(report.mechanisms)
            if use_annotations and annotations is not None:
                found += evaluate_annotations(
                    data,
                    annotations,
                    analyzer,
                    part="dev",
                    ids=ids,
                    rejects=left_out if done == 1 else RejectLog(),
                ).dimensions
            for m in found:
                if m.dimension in dims and m.token_f1 is not None:
                    scores.setdefault(m.dimension, {})[ratio] = m
            if done == 1 and left_out.total:
                logger.warning(
                    "%s: %d annotations or level cells of the dev part left out (%s); list "
                    "them with carelens evaluate DATA --split dev --annotations ... --rejects",
                    annotations,
                    left_out.total,
                    ", ".join(left_out.counts),
                )
            if require_rationales and not scores:  # no other ratio can find one either
                raise InputError(
                    "nothing to fit the rationale sentences on: no dimension has a dev "
                    f"response with a gold rationale (the model's dev part holds {len(ids)} "
                    f"of this file's rows; {report.rejected} row(s) refused, e.g. for a level "
                    f"not 0, 1 or 2{'' if use_annotations else '; no dev annotations'}). Pass "
                    "the EPITOME CSV the model was trained on (its dev part is rebuilt from "
                    "the model's split), and its annotations for the taxonomy dimensions; the "
                    "model was left as it was",
                    path=str(data),
                )
            if progress is not None:
                progress(done, len(grid))
    ratios: dict[str, float] = {}
    kept: list[str] = []
    for dim in analyzer.model_dimensions:
        curve = scores.get(dim)
        if not curve:
            ratios[dim] = before.get(dim, DEFAULT_RATIO)
            if dim in before:
                kept.append(dim)
            logger.info(
                "%s: no gold rationale on dev; sentence ratio %.1f %s",
                dim,
                ratios[dim],
                "kept" if dim in before else "(default)",
            )
            continue
        ratios[dim] = best_ratio(curve)
        logger.info(
            "%s: sentence ratio %.1f (dev token-F1 %.3f)",
            dim,
            ratios[dim],
            curve[ratios[dim]].token_f1,
        )
    return SpanFit(
        ratios=ratios,
        token_f1={d: {r: m.token_f1 or 0.0 for r, m in c.items()} for d, c in scores.items()},
        responses={d: next(iter(c.values())).n_rationales for d, c in scores.items()},
        kept=tuple(kept),
    )


@dataclass(frozen=True)
class RecordedRatios:
    """Where :func:`record_sentence_ratios` wrote, and the evaluation entries it removed."""

    manifest: Path
    #: The keys of ``manifest["evaluation"]`` removed as stale (none when no ratio changed).
    dropped: tuple[str, ...] = ()


def stale_evaluations(evaluation: Mapping[str, Any]) -> tuple[str, ...]:
    """The entries of a manifest's ``evaluation`` that new sentence ratios make stale: those
    holding rationale figures (token-F1, IOU-F1), i.e. per-mechanism or per-dimension scores
    (``test``, ``taxonomy-test``...); the contrast set ranks levels only and stays."""
    return tuple(
        key
        for key, figures in evaluation.items()
        if isinstance(figures, Mapping) and ("mechanisms" in figures or "dimensions" in figures)
    )


def record_sentence_ratios(model: str | os.PathLike[str], fit: SpanFit) -> RecordedRatios:
    """Write ``fit`` into the calibration of the model's manifest (checksums stay valid); a
    kept dimension keeps its recorded figures (:meth:`SpanFit.to_calibration`). When a ratio
    changes, the recorded evaluation figures with rationale scores, measured with the earlier
    ratios, are removed in the same write (:func:`stale_evaluations`)."""
    manifest = ModelArtifact.load(Path(model)).manifest
    calibration = manifest.get("calibration") or {}
    entries = fit.to_calibration(tuple(manifest["dimensions"]), calibration.get("rationale_fit"))
    changed = calibration.get("rationale_sentence_ratios") != entries["rationale_sentence_ratios"]
    dropped = stale_evaluations(manifest.get("evaluation") or {}) if changed else ()
    written = update_calibration(Path(model), entries, drop_evaluation=dropped)
    if dropped:
        logger.info(
            "removed the evaluation figures %s from %s: measured with the earlier sentence ratios",
            ", ".join(dropped),
            written,
        )
    return RecordedRatios(written, dropped)
