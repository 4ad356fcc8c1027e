"""Score an analyzer against labelled pairs in the EPITOME layout.

:func:`evaluate` reads a CSV with ``sp_id, rp_id, seeker_post, response_post`` and, per
EPITOME mechanism, a ``<mechanism>_level`` column (0, 1 or 2) and optionally a
``<mechanism>_rationales`` column (``|``-separated substrings of the response). The columns
``emotional_reactions``, ``interpretations`` and ``explorations`` are scored against the
model's ``emotional_reaction``, ``interpretation`` and ``exploration``. Per mechanism the
report gives accuracy and macro-F1 of the levels (with a 95 % bootstrap interval), and
EPITOME's rationale token-F1 and IOU-F1 (:mod:`carelens.metrics`) over the pairs with a gold
rationale. A level cell that is not 0, 1 or 2 is a reject (file, line, field) and that pair
is left out of that mechanism only; a pair without any valid level is not scored. A
mechanism with no pair scored has no figures (None), never a 0.0; with ``require_scores`` an
evaluation that scored nothing at all is an InputError saying why. A header that names a
column twice is an InputError (which of the two a row's value came from would be a guess). A
gold rationale part not found in its response is left out of the rationale and counted.

:func:`model_split_ids` reproduces the train / dev / test split a model was trained with (seed
and fractions from its manifest), so ``evaluate(..., ids=...)`` can score the held-out part,
and :func:`carelens.taxonomy_evaluation.evaluate_annotations` the annotated pairs of it. The
split is over the ids of every row, read as the trainer reads them: a row that is rejected
(bad bytes in a text, an empty post) keeps its part, so it moves no other row.

Every reading of a labelled file — the scores, the split, the texts of the annotated pairs
(:mod:`carelens.taxonomy_evaluation`) — goes through :func:`labelled_pairs`, that is the
project's CSV reader (:mod:`carelens.readers.delimited`): a byte-order mark is dropped, the
delimiter is found from the header (a tab for ``.tsv``), and a row that cannot be read (bad
bytes, a wrong field count, a missing text) is one reject, never the whole file. So
``--split`` and ``--annotations`` accept exactly the files ``evaluate`` accepts.
"""

from __future__ import annotations

import csv
import itertools
import logging
import os
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from carelens import metrics
from carelens.errors import InputError, ModelError
from carelens.inference.artifact import sha256_file
from carelens.output import Analyzer, Progress
from carelens.output.run import chunk_size_of
from carelens.readers import READERS, ReadContext, RejectLog
from carelens.readers.base import id_text
from carelens.readers.delimited import allow_large_csv_fields, sniff_delimiter
from carelens.readers.layouts import PAIR_LAYOUTS
from carelens.readers.rejects import INVALID_UTF8, INVALID_VALUE
from carelens.types import EPITOME_COLUMNS, Exchange, JsonDict

logger = logging.getLogger(__name__)

#: The parts of a model's data split, in manifest order.
SPLIT_PARTS: tuple[str, ...] = ("train", "dev", "test")
_LEVELS = {"0": 0, "1": 1, "2": 2}


@dataclass(frozen=True, slots=True)
class MechanismScores:
    """The figures for one mechanism. Rationale scores are None without gold rationales;
    every figure is None when no pair was scored (``n`` 0)."""

    dimension: str
    column: str
    n: int
    accuracy: float | None
    macro_f1: float | None
    ece: float | None
    token_f1: float | None
    iou_f1: float | None
    n_rationales: int
    # 95 % percentile bootstrap interval of macro_f1 (1,000 draws of the pairs, seed 0).
    macro_f1_interval: tuple[float, float] | None = None

    def to_dict(self) -> JsonDict:
        return {
            "dimension": self.dimension,
            "column": self.column,
            "n": self.n,
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "macro_f1_interval": (
                None if self.macro_f1_interval is None else list(self.macro_f1_interval)
            ),
            "ece": self.ece,
            "token_f1": self.token_f1,
            "iou_f1": self.iou_f1,
            "n_rationales": self.n_rationales,
        }


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    """The result of :func:`evaluate`: one :class:`MechanismScores` per labelled mechanism.

    ``n_pairs`` counts the pairs scored (with at least one valid level). ``rejected`` counts
    the entries of the reject log, as it records them: a row the reader could not use (not
    scored; with ``ids``, one of them or one whose id could not be read), or one invalid
    level cell (its pair left out of that mechanism only);
    ``rejected_levels`` is how many of them are level cells, in ``rows_with_rejected_levels``
    rows; ``rejected_cells`` names those cells as (line, column), for a later pass over the
    same file into the same log not to list them again (those of a row without a line number
    are left out). ``rationale_parts_not_found`` of the ``rationale_parts`` gold rationale
    parts of the scored pairs were not found in their response, and left out.
    """

    path: str
    model_id: str
    n_pairs: int
    rejected: int
    mechanisms: tuple[MechanismScores, ...]
    split: str | None = None
    rejected_levels: int = 0
    rows_with_rejected_levels: int = 0
    rationale_parts: int = 0
    rationale_parts_not_found: int = 0
    rejected_cells: frozenset[tuple[int, str]] = frozenset()

    @property
    def rejected_rows(self) -> int:
        """Rows the reader rejected as a whole (not scored)."""
        return self.rejected - self.rejected_levels

    @property
    def unscored(self) -> tuple[str, ...]:
        """The mechanisms without a single scored pair (no figures)."""
        return tuple(m.dimension for m in self.mechanisms if m.n == 0)

    def __getitem__(self, dimension: str) -> MechanismScores:
        for scores in self.mechanisms:
            if dimension in (scores.dimension, scores.column):
                return scores
        raise KeyError(dimension)

    def to_dict(self) -> JsonDict:
        return {
            "path": self.path,
            "model": self.model_id,
            "split": self.split,
            "n_pairs": self.n_pairs,
            "rejected": self.rejected,
            "rejected_levels": self.rejected_levels,
            "rows_with_rejected_levels": self.rows_with_rejected_levels,
            "rationale_parts": self.rationale_parts,
            "rationale_parts_not_found": self.rationale_parts_not_found,
            "mechanisms": {m.dimension: m.to_dict() for m in self.mechanisms},
        }


@dataclass(slots=True)
class Tally:
    """Gold and predicted labels collected for one mechanism."""

    gold: list[int] = field(default_factory=list)
    pred: list[int] = field(default_factory=list)
    probabilities: list[tuple[float, ...]] = field(default_factory=list)
    gold_words: list[NDArray[np.bool_]] = field(default_factory=list)
    pred_words: list[NDArray[np.bool_]] = field(default_factory=list)

    def scores(self, dimension: str, column: str) -> MechanismScores:
        """The figures of the labels collected; all None when there are none."""
        if not self.gold:
            return MechanismScores(dimension, column, 0, None, None, None, None, None, 0)
        tok, iou, n_rat = metrics.rationale_scores(self.gold_words, self.pred_words)
        return MechanismScores(
            dimension=dimension,
            column=column,
            n=len(self.gold),
            accuracy=metrics.accuracy(self.gold, self.pred),
            macro_f1=metrics.macro_f1(self.gold, self.pred),
            macro_f1_interval=metrics.macro_f1_interval(self.gold, self.pred),
            ece=metrics.expected_calibration_error(self.gold, self.probabilities),
            token_f1=tok if n_rat else None,
            iou_f1=iou if n_rat else None,
            n_rationales=n_rat,
        )


# One row waiting for prediction: its exchange and its valid gold levels by column prefix.
_Row = tuple[Exchange, dict[str, int]]


@dataclass(frozen=True, slots=True)
class _PartContext(ReadContext):
    """A labelled file's read context for :func:`evaluate` with ``ids``: a row the reader
    rejects is not this evaluation's when its response id is not in ``keep`` (with
    ``--split``, a row of another part), so it is neither listed nor counted; a row whose
    response id cannot be read (missing, bad bytes in it, a wrong field count) is, since
    which part it is in cannot be told.

    The reader tells the context each pair record's response id before it checks any of
    the record's fields (:meth:`~carelens.readers.base.ReadContext.pair_record`), so this
    holds whatever the order of the columns and of the checks: a row with a blank
    ``sp_id``, checked before its ``rp_id``, or with bad bytes in a text, is told apart too.
    """

    keep: Collection[str] = frozenset()
    # The line of the pair record read last and its response id (None when it is none),
    # one entry at most; and the lines of the rejects dropped.
    current: dict[int, str | None] = field(default_factory=dict)
    dropped: set[int] = field(default_factory=set)

    def pair_record(self, line: int | None, response_id: object) -> None:
        self.current.clear()
        if line is not None:
            self.current[line] = id_text(response_id)

    def reject(
        self, line: int | None, field: str | None, reason: str, detail: str | None = None
    ) -> None:
        ident = self.current.get(line) if line is not None else None
        if line is not None and ident is not None and ident not in self.keep:
            self.dropped.add(line)  # a row outside the chosen ids: not this evaluation's
            return
        ReadContext.reject(self, line, field, reason, detail)


@dataclass(slots=True)
class _Counts:
    """What :func:`evaluate` counts besides the tallies."""

    selected: int = 0  # rows read and kept by ``ids``
    scored: int = 0  # of those, rows with at least one valid level
    rejected_levels: int = 0
    rows_with_rejected_levels: int = 0
    rationale_parts: int = 0
    rationale_parts_not_found: int = 0
    rejected_cells: set[tuple[int, str]] = field(default_factory=set)  # (line, column)


def evaluate(
    path: str | os.PathLike[str],
    analyzer: Analyzer,
    *,
    ids: Collection[str] | None = None,
    progress: Progress | None = None,
    rejects: RejectLog | None = None,
    split: str | None = None,
    chunk_size: int | None = None,
    require_scores: bool = False,
) -> EvaluationReport:
    """Score ``analyzer`` on the labelled CSV at ``path`` (EPITOME layout).

    ``ids`` keeps only rows whose response id (``rp_id``) is in it; ``split`` only labels
    the report. ``progress`` is called with the number of pairs scored after each chunk.
    The scored pairs are analysed ``chunk_size`` at a time, by default as ``carelens
    analyze`` takes them (:func:`~carelens.output.run.chunk_size_of` the analyzer: 256
    pairs, or the batch size when larger).
    Bad rows and invalid level cells go to ``rejects``; a file without any ``*_level``
    column, or whose header names a column twice, is an InputError. With ``ids``, a row the
    reader rejects is listed and counted only when its response id is in ``ids`` (a bad row
    of another part of the split is not this evaluation's) or cannot be read at all (a
    wrong field count, a missing id, bad bytes in it): which part such a row is in cannot
    be told.
    A mechanism without a scored pair has no figures; with ``require_scores``, an InputError
    says why when no pair at all was scored (no row selected, every row rejected, or no
    valid level).
    """
    log = rejects if rejects is not None else RejectLog()
    if chunk_size is None:
        chunk_size = chunk_size_of(analyzer)
    ctx = labelled_context(path, log)
    wanted = set(ids) if ids is not None else None
    if wanted is not None:
        ctx = _PartContext(path=ctx.path, rejects=log, unique_columns=True, keep=wanted)
    p = ctx.path
    columns: list[str] | None = None
    tallies: dict[str, Tally] = {}
    chunk: list[_Row] = []
    counts = _Counts()
    before = log.total

    def flush() -> None:
        counts.scored += len(chunk)
        _score(chunk, analyzer, tallies, counts)
        if progress is not None:
            progress(len(chunk))
        chunk.clear()

    for line, item in labelled_pairs(ctx):
        if columns is None:
            columns = _scored_columns(p, item, analyzer)
            tallies = {c: Tally() for c in columns}
        if wanted is not None and item.response.id not in wanted:
            continue
        counts.selected += 1
        levels = _gold_levels(ctx, line, item, columns)
        if len(levels) < len(columns):
            counts.rejected_levels += len(columns) - len(levels)
            counts.rows_with_rejected_levels += 1
            if line is not None:
                counts.rejected_cells.update(
                    (line, f"{c}_level") for c in columns if c not in levels
                )
        if not levels:
            continue  # nothing to score this pair on
        chunk.append((item, levels))
        if len(chunk) >= chunk_size:
            flush()
    others = len(ctx.dropped) if isinstance(ctx, _PartContext) else 0
    if columns is None:
        rejected = log.total - before + others
        also = f": every row was rejected ({rejected}); fix the file" if rejected else ""
        raise InputError(f"no labelled pairs found in the file{also}", path=str(p))
    if chunk:
        flush()
    rejected = log.total - before
    if wanted is not None and counts.selected == 0:
        logger.warning("%s: no row has a response id in the requested set", p)
    logger.info(
        "%s: scored %d pairs, %d rows rejected, %d invalid level cells in %d rows%s",
        p,
        counts.scored,
        rejected - counts.rejected_levels,
        counts.rejected_levels,
        counts.rows_with_rejected_levels,
        f" ({others} bad rows not among the ids are not counted)" if others else "",
    )
    if require_scores and counts.scored == 0:
        raise InputError(
            _why_nothing_scored(counts, rejected, wanted is not None, split), path=str(p)
        )
    return EvaluationReport(
        path=str(p),
        model_id=analyzer.model_id,
        n_pairs=counts.scored,
        rejected=rejected,
        mechanisms=tuple(t.scores(EPITOME_COLUMNS[c], c) for c, t in tallies.items()),
        split=split,
        rejected_levels=counts.rejected_levels,
        rows_with_rejected_levels=counts.rows_with_rejected_levels,
        rationale_parts=counts.rationale_parts,
        rationale_parts_not_found=counts.rationale_parts_not_found,
        rejected_cells=frozenset(counts.rejected_cells),
    )


def labelled_context(path: str | os.PathLike[str], rejects: RejectLog) -> ReadContext:
    """The read context of a labelled file: an InputError when it is a folder or there is
    no such file; a header that names a column twice is refused when it is read (which of
    the two a row's value came from would be a guess)."""
    p = Path(path)
    if p.is_dir():
        raise InputError("this is a folder; pass the labelled CSV file", path=str(p))
    if not p.is_file():
        raise InputError("no such file; check the path", path=str(p))
    return ReadContext(path=p, rejects=rejects, unique_columns=True)


def labelled_pairs(ctx: ReadContext) -> Iterator[tuple[int | None, Exchange]]:
    """The pairs of a labelled file with the line each starts on, as the CSV reader reads
    them (bad rows go to ``ctx.rejects``); an InputError for a thread (no pairs to score).

    The one way a labelled file is read, for the scores, the split and the annotations.
    """
    for line, item in READERS["csv"](ctx):
        if not isinstance(item, Exchange):
            raise InputError(
                "evaluation needs seeker/response pairs in the EPITOME layout "
                "(sp_id, rp_id, seeker_post, response_post, <mechanism>_level...), not a thread",
                path=str(ctx.path),
            )
        yield line, item


def _why_nothing_scored(counts: _Counts, rejected: int, selecting: bool, split: str | None) -> str:
    """The reason no pair was scored (though some row was read), and what to do next."""
    if counts.selected == 0 and selecting:
        part = f"the {split} part of the model's split" if split else "the requested set"
        also = f" ({rejected} rejected)" if rejected else ""
        return (
            f"nothing to score: no row of the file{also} is in {part}; evaluate another "
            "part, or the whole file (--split all)"
        )
    return (
        f"nothing to score: none of the {counts.selected} rows has a valid level (0, 1 or 2) "
        f"({counts.rejected_levels} invalid level cells); list them with --rejects and fix "
        "the file"
    )


def _scored_columns(path: Path, first: Exchange, analyzer: Analyzer) -> list[str]:
    present = [c for c in EPITOME_COLUMNS if f"{c}_level" in first.response.meta]
    if not present:
        wanted = ", ".join(f"{c}_level" for c in EPITOME_COLUMNS)
        raise InputError(
            f"no label columns found; expected one or more of {wanted}", path=str(path)
        )
    scored = [c for c in present if EPITOME_COLUMNS[c] in analyzer.dimensions]
    if not scored:
        raise InputError(
            f"the model ({', '.join(analyzer.dimensions)}) predicts none of the labelled "
            f"mechanisms ({', '.join(present)})",
            path=str(path),
        )
    return scored


def _gold_levels(
    ctx: ReadContext, line: int | None, exchange: Exchange, columns: Sequence[str]
) -> dict[str, int]:
    """The valid levels of the row; each invalid level cell is a reject."""
    levels: dict[str, int] = {}
    for column in columns:
        cell = str(exchange.response.meta.get(f"{column}_level", "")).strip()
        if cell in _LEVELS:
            levels[column] = _LEVELS[cell]
        else:
            ctx.reject(line, f"{column}_level", INVALID_VALUE, "expected a level 0, 1 or 2")
    return levels


def _score(
    rows: Sequence[_Row], analyzer: Analyzer, tallies: Mapping[str, Tally], counts: _Counts
) -> None:
    results = analyzer.predict([exchange for exchange, _ in rows])
    for (exchange, levels), result in zip(rows, results, strict=True):
        text = exchange.response.text
        for column, gold_level in levels.items():
            score = result[EPITOME_COLUMNS[column]]
            tally = tallies[column]
            tally.gold.append(gold_level)
            tally.pred.append(score.level)
            tally.probabilities.append(score.probabilities)
            rationales = str(exchange.response.meta.get(f"{column}_rationales") or "")
            gold = metrics.match_rationales(text, rationales)
            counts.rationale_parts += gold.parts
            counts.rationale_parts_not_found += gold.not_found
            pred_mask = metrics.spans_to_char_mask(
                len(text), [(s.start, s.end) for s in score.spans]
            )
            tally.gold_words.append(metrics.char_mask_to_word_labels(text, gold.mask))
            tally.pred_words.append(metrics.char_mask_to_word_labels(text, pred_mask))


def model_split_ids(
    data_path: str | os.PathLike[str], manifest: Mapping[str, Any], part: str
) -> set[str]:
    """The response ids (``rp_id``) of one part of the split the model was trained with.

    The split is recomputed on ``data_path`` with the seed and dev / test fractions recorded
    in ``manifest["training"]``; a warning is logged when the file is not the one the model
    was trained on (its checksum differs), as the "held-out" part may then overlap training.
    The split deals out the file's seeker posts (``sp_id``) as a whole, shuffled, so it is
    only the trainer's when every row the trainer read is there: one seeker post fewer (say,
    a row left out for a bad byte) shuffles a list one shorter, and nearly every post lands
    in another part. So the ids are read as the trainer reads the file (:func:`_row_ids`),
    and a row :func:`evaluate` rejects (an empty seeker post, bytes that are not UTF-8 in a
    text) still takes its place in the split, as it did in training, and is then simply not
    scored; every other row keeps its part. Only a file whose ids the csv module cannot find
    (a header :func:`labelled_pairs` reads but the csv module does not parse so) is split
    over the rows :func:`labelled_pairs` reads, with a warning when it rejects some.
    """
    if part not in SPLIT_PARTS:
        raise InputError(f"unknown split part {part!r}; choose one of {', '.join(SPLIT_PARTS)}")
    training = manifest.get("training") or {}
    config = training.get("config") or {}
    if not config:
        raise ModelError(
            "the model manifest records no training config, so its split cannot be "
            "reproduced; evaluate on the whole file instead"
        )
    seed = int((training.get("split") or {}).get("seed", config.get("seed", 13)))
    dev, test = float(config.get("dev_fraction", 0.1)), float(config.get("test_fraction", 0.2))
    log = RejectLog()
    ctx = labelled_context(data_path, log)
    expected = training.get("data_sha256")
    if expected and sha256_file(ctx.path) != expected:
        logger.warning(
            "%s is not the file this model was trained on (checksum differs): the %s part is "
            "recomputed on it and may overlap the training data",
            ctx.path,
            part,
        )
    # training.data needs only numpy and the tokenizer (no torch), so it is safe to import.
    # Only the ids matter to the split, so the rows are kept as ids: a row whose labels the
    # trainer could not parse still splits exactly as the trainer would split it.
    from carelens.training.data import LabeledPair, split_by_seeker

    # Read as evaluate reads it first: a file evaluate refuses is refused here too.
    read = [(pair.seeker.id, pair.response.id) for _, pair in labelled_pairs(ctx)]
    ids = _row_ids(ctx.path)
    if ids is None:
        ids = read
        if log.total:
            logger.warning(
                "%s: %d rows rejected (evaluate lists them with --rejects); they are in no "
                "part of the split, which is computed on the other rows and may differ from "
                "the trainer's if it read them",
                ctx.path,
                log.total,
            )
    elif log.counts.get(INVALID_UTF8):
        logger.warning(
            "%s: %d rows hold bytes that are not UTF-8 (evaluate rejects them and lists them "
            "with --rejects); their ids are read around those bytes, so they and every other "
            "row keep their part of the split",
            ctx.path,
            log.counts[INVALID_UTF8],
        )
    pairs = [LabeledPair(sp_id, rp_id, "", "", (0, 0, 0), ()) for sp_id, rp_id in ids]
    parts = dict(zip(SPLIT_PARTS, split_by_seeker(pairs, seed, dev, test), strict=True))
    return {pair.rp_id for pair in parts[part] if pair.rp_id}


def _row_ids(path: Path) -> list[tuple[str, str]] | None:
    """``(seeker id, response id)`` of every row, read as the trainer reads the file
    (:func:`carelens.training.data.epitome_row_ids`: the csv module over the whole file,
    UTF-8 with or without a byte-order mark), or None when the header names no pair
    layout's ids or the csv module cannot parse the file.

    Two things differ, neither of which changes the ids of a file the trainer reads: the
    delimiter is the one the CSV reader finds (a TSV copy splits as its CSV), and a byte
    that is not UTF-8 is read as a stand-in (``surrogateescape``) rather than stopping the
    read, so the row holding it keeps its place in the split, and so does every other row.
    (A bad byte inside an ``sp_id`` makes it another seeker post, which can move the few
    posts that sort between the two.) A row too short to hold an id has ``""`` for it.
    """
    allow_large_csv_fields()
    try:
        with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as fh:
            first = fh.readline()
            while first and not first.strip():  # blank lines before the header
                first = fh.readline()
            delimiter = sniff_delimiter(first, tsv=path.suffix.lower() == ".tsv")
            rows = csv.reader(itertools.chain([first], fh), delimiter=delimiter)
            header = [name.strip() for name in next(rows, [])]
            layout = next(
                (x for x in PAIR_LAYOUTS if {x.seeker_id, x.response_id} <= set(header)), None
            )
            if layout is None:
                return None
            i, j = header.index(layout.seeker_id), header.index(layout.response_id)
            return [
                (row[i] if i < len(row) else "", row[j] if j < len(row) else "")
                for row in rows
                if row  # a blank line, as the trainer's csv.DictReader skips it
            ]
    except csv.Error:
        return None
