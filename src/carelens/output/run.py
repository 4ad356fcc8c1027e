"""The analysis run: read a conversation file, analyse it a chunk at a time, write results.

:func:`analyze_file` is what ``carelens analyze`` runs. Results are written (and flushed) a
chunk at a time, so an interrupted run keeps every finished chunk and a re-run resumes it
(:class:`~carelens.output.writer.ResultWriter`). Bad input records go to a
:class:`~carelens.readers.RejectLog` and never stop the run.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any, Protocol

from carelens.analysis.crisis_model import learned_only
from carelens.analysis.empathy import chunk_size_for
from carelens.output.options import RecordOptions
from carelens.output.paths import hold_output_locks
from carelens.output.records import result_record
from carelens.output.writer import ResultWriter
from carelens.readers import RejectLog, read_exchanges
from carelens.readers.api import time_field
from carelens.readers.helpers import HelperPatterns
from carelens.types import N_LEVELS, Exchange, JsonDict, ResponseAnalysis

logger = logging.getLogger(__name__)

Progress = Callable[[int], None]


class Analyzer(Protocol):
    """What writing and evaluation need from an analyzer (``EmpathyAnalyzer`` is one)."""

    @property
    def dimensions(self) -> tuple[str, ...]: ...

    @property
    def model_id(self) -> str: ...

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]: ...


def chunk_size_of(analyzer: Analyzer) -> int:
    """The pairs ``analyzer`` analyses together:
    :func:`~carelens.analysis.empathy.chunk_size_for` its ``batch_size`` (256 pairs, or the
    batch size when larger; 256 for an analyzer without one), as
    :meth:`~carelens.analysis.empathy.EmpathyAnalyzer.predict` and ``analyze_many`` chunk."""
    batch_size = getattr(analyzer, "batch_size", None)
    return chunk_size_for(batch_size if isinstance(batch_size, int) and batch_size > 1 else 1)


def analysed_chunks(
    analyzer: Analyzer,
    exchanges: Iterable[Exchange],
    *,
    chunk_size: int | None = None,
    include_text: bool = True,
    redact: bool = False,
) -> Iterator[tuple[list[Exchange], list[JsonDict]]]:
    """``exchanges`` analysed ``chunk_size`` at a time (default: :func:`chunk_size_of` the
    analyzer): each chunk with its result records, in order (see
    :func:`~carelens.output.records.result_record` for ``include_text`` and ``redact``).
    Every way of analysing a stream (``analyze``, ``batch``, the insights) goes through
    here, so their records are the same."""
    if chunk_size is None:
        chunk_size = chunk_size_of(analyzer)
    iterator = iter(exchanges)
    while chunk := list(islice(iterator, chunk_size)):
        results = analyzer.predict(chunk)
        yield (
            chunk,
            [
                result_record(e, r, include_text=include_text, redact=redact)
                for e, r in zip(chunk, results, strict=True)
            ],
        )


@dataclass(slots=True)
class LevelCounts:
    """How many records have each level per dimension, each style, crisis cues in the seeker
    message (``needs_attention``; of them, ``crisis_hints`` marked by the learned flag alone,
    :func:`~carelens.analysis.crisis_model.learned_only`) and unsafe words in the response."""

    dimensions: tuple[str, ...]
    counts: dict[str, list[int]] = field(init=False)
    styles: dict[str, int] = field(init=False)
    needs_attention: int = field(init=False, default=0)
    crisis_hints: int = field(init=False, default=0)
    unsafe_replies: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self.counts = {d: [0] * N_LEVELS for d in self.dimensions}
        self.styles = {}

    def add(self, record: Mapping[str, Any]) -> None:
        for d in self.dimensions:
            self.counts[d][int(record[d]["level"])] += 1
        style = record.get("style")
        if style is not None:
            self.styles[style] = self.styles.get(style, 0) + 1
        seeker = record.get("seeker") or {}
        if seeker.get("needs_attention"):
            self.needs_attention += 1
            if learned_only(seeker.get("crisis_cues") or ()):
                self.crisis_hints += 1
        if record.get("unsafe"):
            self.unsafe_replies += 1


@dataclass(frozen=True, slots=True)
class AnalysisSummary:
    """What :func:`analyze_file` did."""

    input: Path
    output: Path | None
    model_id: str
    analysed: int
    resumed: int
    level_counts: Mapping[str, tuple[int, ...]]
    rejected: Mapping[str, int]
    style_counts: Mapping[str, int]
    #: Pairs whose seeker message has crisis cues (for a person to read), hints included.
    needs_attention: int
    #: Responses with words that urge self-harm or give method information (to read).
    unsafe_replies: int
    skipped: Mapping[str, int]
    rejects_path: Path | None
    #: Exchanges left out because their response is not by a ``--helper`` (read now; a
    #: resumed run does not count those of the part it resumes).
    not_by_helpers: int = 0
    #: The first exchanges and their records, when asked for (``preview=``).
    preview: tuple[tuple[Exchange, JsonDict], ...] = ()
    #: Of ``needs_attention``, the pairs whose seeker message only the small learned crisis
    #: flag marked: a hint of a possible crisis, not wording about suicide or self-harm.
    crisis_hints: int = 0

    @property
    def total(self) -> int:
        """Records in the output: analysed now plus resumed."""
        return self.analysed + self.resumed

    def to_dict(self) -> JsonDict:
        return {
            "input": str(self.input),
            "output": None if self.output is None else str(self.output),
            "model": self.model_id,
            "analysed": self.analysed,
            "resumed": self.resumed,
            "level_counts": {d: list(c) for d, c in self.level_counts.items()},
            "style_counts": dict(self.style_counts),
            "needs_attention": self.needs_attention,
            "crisis_hints": self.crisis_hints,
            "unsafe_replies": self.unsafe_replies,
            "rejected": dict(self.rejected),
            "skipped": dict(self.skipped),
            "rejects_path": None if self.rejects_path is None else str(self.rejects_path),
            "not_by_helpers": self.not_by_helpers,
        }


def analyze_file(
    input: str | os.PathLike[str],
    analyzer: Analyzer,
    output: str | os.PathLike[str] | None = None,
    *,
    format: str | None = None,
    column_map: Mapping[str, str] | None = None,
    rejects: RejectLog | None = None,
    overwrite: bool = False,
    chunk_size: int | None = None,
    preview: int = 0,
    include_text: bool = True,
    redact: bool = False,
    helpers: str | Sequence[str] = (),
    progress: Progress | None = None,
    lock: bool = True,
) -> AnalysisSummary:
    """Analyse every exchange of ``input`` and write the records to ``output`` (if given).

    An existing ``output`` is resumed (see the module docstring) unless ``overwrite``; one
    written with other text options or another model is refused (an InputError naming the
    option), and the options are kept beside the output in ``OUT.options.json``
    (:class:`~carelens.output.writer.ResultWriter`).
    ``progress`` is called with the number of pairs done after each chunk (resumed pairs
    first, in one call); ``preview`` keeps that many leading results in the summary;
    ``include_text=False`` leaves the seeker and response texts out of the records;
    ``redact=True`` replaces personal data in every text of a record (see
    :func:`~carelens.output.records.result_record`), and in the details of the rejects
    (``rejects.redact`` is set: a detail may quote an id of the record). With ``helpers``
    (``--helper`` patterns, :class:`~carelens.readers.helpers.HelperPatterns`: a list, or
    one pattern as a string, ``helpers="vol-*"``) only the exchanges whose response speaker
    matches one are analysed; the others are counted in the summary. Bad input records go
    to ``rejects`` and never stop the run.

    While it writes ``output`` it holds a lock on ``OUT.lock`` and the other files it writes
    (:func:`~carelens.output.paths.hold_output_locks`), so a second run on the same output
    is refused at once (an InputError naming the lock file); ``lock=False`` for a caller
    that holds them already. Exchanges are analysed ``chunk_size`` at a time (default:
    :func:`chunk_size_of` the analyzer, as ``carelens analyze`` and
    :meth:`~carelens.analysis.empathy.EmpathyAnalyzer.analyze_many` chunk). When the
    analyzer's ``batch_size`` is above 1 a pair's results depend on the other pairs of its
    chunk, so the batch size is kept with the options and a resume starts at a chunk
    boundary.
    """
    if chunk_size is None:
        chunk_size = chunk_size_of(analyzer)
    log = rejects if rejects is not None else RejectLog()
    if redact:
        log.redact = True
    wanted = HelperPatterns(helpers)
    options = RecordOptions(
        no_text=not include_text,
        redact=redact,
        model=analyzer.model_id,
        helpers=wanted.patterns,
        model_fingerprint=getattr(analyzer, "model_fingerprint", None),
        batch_size=getattr(analyzer, "batch_size", None),
    )
    writer = (
        ResultWriter(
            output,
            analyzer.dimensions,
            overwrite=overwrite,
            options=options,
            # With one pair per batch a result depends on its pair alone: resume anywhere.
            chunk_size=chunk_size if (options.batch_size or 1) > 1 else 1,
        )
        if output
        else None
    )
    left_out = 0

    def leave_out(_: Exchange) -> None:
        nonlocal left_out
        left_out += 1

    exchanges = wanted.keep(
        noting_time_field(
            read_exchanges(input, format=format, column_map=column_map, rejects=log), input
        ),
        leave_out,
    )
    counts = LevelCounts(tuple(analyzer.dimensions))
    kept: list[tuple[Exchange, JsonDict]] = []
    analysed = resumed = 0
    with ExitStack() as held:
        if writer is not None and lock:
            held.enter_context(
                hold_output_locks(writer.path, f"carelens analyze is writing {writer.path}")
            )
        try:
            if writer is not None:
                resumed = writer.open(exchanges, on_existing=counts.add)
                exchanges = chain(writer.redo, exchanges)
                if resumed and progress is not None:
                    progress(resumed)
            chunks = analysed_chunks(
                analyzer, exchanges, chunk_size=chunk_size, include_text=include_text, redact=redact
            )
            for chunk, records in chunks:
                if writer is not None:
                    writer.write(records, chunk)
                for exchange, record in zip(chunk, records, strict=True):
                    counts.add(record)
                    if len(kept) < preview:
                        kept.append((exchange, record))
                analysed += len(chunk)
                if progress is not None:
                    progress(len(chunk))
            if writer is not None:
                writer.finish()
        finally:
            if writer is not None:
                writer.close()
    logger.debug("analysed %d pairs (%d resumed from the output)", analysed, resumed)
    return AnalysisSummary(
        input=Path(input),
        output=None if writer is None else writer.path,
        model_id=analyzer.model_id,
        analysed=analysed,
        resumed=resumed,
        level_counts={d: tuple(c) for d, c in counts.counts.items()},
        rejected=log.counts,
        style_counts=dict(counts.styles),
        needs_attention=counts.needs_attention,
        crisis_hints=counts.crisis_hints,
        unsafe_replies=counts.unsafe_replies,
        skipped=log.skipped,
        rejects_path=log.path,
        not_by_helpers=left_out,
        preview=tuple(kept),
    )


def noting_time_field(
    exchanges: Iterable[Exchange], source: str | os.PathLike[str]
) -> Iterator[Exchange]:
    """``exchanges`` as they come; when the first one's response has no timestamp but a field
    that looks like its time (:func:`~carelens.readers.api.time_field`: a chat export's
    ``created_at``), a warning says how to read it, once: without it every response is
    undated, and ``summarize`` and ``report`` show no months."""
    first = True
    for exchange in exchanges:
        if first:
            first = False
            field = time_field(exchange.response)
            if field is not None:
                logger.warning(
                    "%s: no timestamp was read, but the field %r looks like one: read it "
                    "as the timestamp with a column map (--column-map timestamp=%s)",
                    source,
                    field,
                    field,
                )
        yield exchange
