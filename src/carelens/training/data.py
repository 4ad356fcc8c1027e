"""Load the EPITOME Reddit annotations (plus the project's taxonomy annotations), split them
by seeker post, and build training tensors.

Every pair carries a level per response dimension (:data:`RESPONSE_DIMENSIONS`), the two
response flags and the seeker's distress; ``-1`` marks a label the pair does not have
(EPITOME rows have only the three EPITOME mechanisms until :func:`attach_annotations` adds
the project's labels). Losses skip unknown labels.

The split is deterministic: seeker-post ids are sorted, shuffled with the seed, and cut into
train / dev / test fractions, so no seeker post is in two parts. Rationale strings are located
in the response text and turned into per-token labels through the tokenizer's offsets.
Training needs clean labels, so a level cell that is not 0, 1 or 2 makes the whole file an
InputError (naming the first such cell's line and column), where ``carelens evaluate`` only
leaves such a row out. So does anything else that would train on a guess: bytes that are not
UTF-8, a header that names a column twice, a BOLT row with an unknown behaviour, a written
pair whose text, label or rationale is not of its kind. Every such error names the file, the
line and, where there is one, the field.

Some EPITOME rows are odd but not guesses, and the shared file has them: an empty seeker or
response post, an ``rp_id`` that repeats an earlier row's, a rationale part not found in the
response. :func:`load_epitome` trains on them as given (``carelens evaluate --split`` deals its
split over exactly the rows the trainer reads, so leaving any out would move rows between the
parts) and logs one warning per kind with the count and the first lines.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import os
import random
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from carelens.annotations import Annotation
from carelens.errors import ConfigError, InputError
from carelens.inference.encoding import EncodedBatch, PairEncoder
from carelens.metrics import match_rationales, spans_to_char_mask
from carelens.readers.base import ReadContext
from carelens.readers.delimited import allow_large_csv_fields, distinct_names
from carelens.readers.quoting import clip, json_type, quote
from carelens.readers.rejects import RejectLog
from carelens.taxonomy import RESPONSE_DIMENSIONS, RESPONSE_FLAGS
from carelens.training.config import WRITTEN_LABELS, check_written_labels
from carelens.types import EPITOME_COLUMNS

logger = logging.getLogger(__name__)

UNKNOWN = -1
_NO_MASK = np.zeros(0, dtype=np.bool_)
_LEVELS = {"0": 0, "1": 1, "2": 2}

#: The columns of every EPITOME-layout CSV, besides its ``<mechanism>_level`` columns.
EPITOME_TEXT_COLUMNS = ("sp_id", "rp_id", "seeker_post", "response_post")
#: The EPITOME layout in words, for error messages.
EPITOME_LAYOUT = (
    "a CSV in the EPITOME layout: a header line with sp_id, rp_id, seeker_post, response_post "
    "and <mechanism>_level columns (emotional_reactions, interpretations, explorations), "
    "optionally <mechanism>_rationales"
)
#: The most of a file's first line read as its header.
_HEADER_BYTES = 1 << 20
# A header cell that may be quoted back in an error: a plain column name, nothing a text
# line (a JSON object, a sentence) splits into at its commas.
_COLUMN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
#: Lines quoted in a warning about odd rows; the count says how many there are in all.
_QUOTED_LINES = 3


@dataclass(frozen=True, slots=True)
class LabeledPair:
    sp_id: str
    rp_id: str
    seeker: str
    response: str
    levels: tuple[int, ...]  # one per RESPONSE_DIMENSIONS; UNKNOWN where unlabelled
    rationale_masks: tuple[NDArray[np.bool_], ...]  # character masks over ``response``
    flags: tuple[int, ...] = (UNKNOWN,) * len(RESPONSE_FLAGS)
    seeker_distress: int = UNKNOWN
    #: Per dimension, whether the rationale masks are labels that may teach the rationale
    #: head. Left empty, it is filled in as "wherever the level is known". False where a level
    #: is known but its words were never marked, so an empty mask means "not marked", not "no
    #: word shows it".
    rationales_labelled: tuple[bool, ...] = ()

    def __post_init__(self) -> None:
        if not self.rationales_labelled:
            known = tuple(level != UNKNOWN for level in self.levels)
            object.__setattr__(self, "rationales_labelled", known)

    @property
    def annotated(self) -> bool:
        return self.seeker_distress != UNKNOWN


def check_epitome_header(path: str | os.PathLike[str], *, every_level: bool = True) -> list[str]:
    """The column names of the EPITOME-layout CSV at ``path``; an InputError saying what the
    layout is when the file's first line lacks its text columns or its level columns (all
    three, or with ``every_level`` False at least one), and one naming line 1 and the column
    when it names a column twice (as ``carelens evaluate`` refuses it).

    The error quotes the file's header only when it is one of a CSV (a ``.csv`` file whose
    first line holds two or more plain column names), never other content of the file.
    """
    try:
        with open(path, "rb") as fh:  # the first line only: a bad byte below is not its error
            first = fh.readline(_HEADER_BYTES).decode("utf-8-sig")
        header = next(csv.reader([first]), [])
    except (UnicodeDecodeError, csv.Error) as exc:
        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else "not CSV"
        raise InputError(
            f"the file is {reason}; expected {EPITOME_LAYOUT}", path=str(path)
        ) from None
    levels = [f"{c}_level" for c in EPITOME_COLUMNS]
    missing = [c for c in EPITOME_TEXT_COLUMNS if c not in header]
    if every_level:
        missing += [c for c in levels if c not in header]
    elif not any(c in header for c in levels):
        missing.append(f"one or more of {', '.join(levels)}")
    if not missing:
        _refuse_repeated_columns(path, header)
        return header
    is_header = (
        Path(path).suffix.lower() == ".csv"
        and 2 <= len(header) <= 100
        and all(_COLUMN_NAME.fullmatch(cell) for cell in header)
    )
    found = f"its header has {', '.join(header)}" if is_header else "its first line is no header"
    raise InputError(
        f"expected {EPITOME_LAYOUT}; {found} (missing: {', '.join(missing)})", path=str(path)
    )


def _refuse_repeated_columns(path: str | os.PathLike[str], header: list[str]) -> None:
    """An InputError (line 1, the column) when ``header`` names a column twice: which of the
    two holds the labels would be a guess. Worded as ``carelens evaluate`` words it."""
    context = ReadContext(path=Path(path), rejects=RejectLog(), unique_columns=True)
    distinct_names(context, header, None)


def _utf8_text(path: str | os.PathLike[str]) -> str:
    """The text of ``path``, read as UTF-8 with or without a byte-order mark; an InputError
    naming the line of the first byte that is not UTF-8 (never the bytes around it)."""
    data = Path(path).read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(
            "the file is UTF-16 or UTF-32 encoded; save it as UTF-8 and retry", path=str(path)
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"byte 0x{data[exc.start]:02x} is not UTF-8 text; save the file as UTF-8 "
            "(it may be Latin-1 or Windows-1252) and retry",
            path=str(path),
            line=data.count(b"\n", 0, exc.start) + 1,
        ) from None


def _numbered_rows(
    path: str | os.PathLike[str], check_header: Callable[[list[str]], None] | None = None
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of the CSV at ``path`` (UTF-8, :func:`_utf8_text`) as dicts keyed by its
    header (given to ``check_header`` first), each with the line it starts on; an InputError
    naming the line the CSV parser stops at."""
    allow_large_csv_fields()
    reader = csv.DictReader(io.StringIO(_utf8_text(path), newline=""))
    end = 0  # the last line read: the header's, then each row's
    try:
        header = reader.fieldnames  # reads the header
        end = reader.line_num
        if check_header is not None:
            check_header(list(header or ()))
        for row in reader:
            yield end + 1, row
            end = reader.line_num
    except csv.Error as exc:
        raise InputError(f"not readable as CSV ({exc})", path=str(path), line=end + 1) from None


def epitome_row_ids(path: str | os.PathLike[str]) -> list[tuple[str, str]]:
    """The ``(sp_id, rp_id)`` of every row of an EPITOME-layout CSV, read exactly as
    :func:`load_epitome` reads the file (UTF-8 with or without a byte-order mark, commas), so
    :func:`split_by_seeker` over them gives the trainer's split. UnicodeDecodeError,
    ``csv.Error`` or KeyError when the trainer could not read the file either."""
    allow_large_csv_fields()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [(row["sp_id"], row["rp_id"]) for row in csv.DictReader(fh)]


def load_epitome(path: str | Path) -> list[LabeledPair]:
    """Read an EPITOME-layout CSV with ``*_level`` and ``*_rationales`` columns.

    InputError when the header is not that layout's or names a column twice
    (:func:`check_epitome_header`), when a byte is not UTF-8 or the CSV cannot be parsed (the
    line), when there is no row, or when a level cell is not 0, 1 or 2 (the first such
    cell's line and column, and how many rows have one).

    Rows with an empty seeker or response post, an ``rp_id`` that repeats an earlier row's,
    or a rationale part not found in the response are trained on as given, each kind logged
    as one warning with its count and first lines (see the module docstring).
    """
    check_epitome_header(path)
    pairs: list[LabeledPair] = []
    bad: list[tuple[int, str, str]] = []  # (line, column, cell) of the level cells refused
    odd = _OddRows()
    n_new = len(RESPONSE_DIMENSIONS) - len(EPITOME_COLUMNS)
    for line, row in _numbered_rows(path):
        response = row["response_post"] or ""
        odd.note_texts(line, row)
        cells = {c: (row.get(f"{c}_level") or "").strip() for c in EPITOME_COLUMNS}
        refused = [(line, f"{c}_level", cell) for c, cell in cells.items()]
        refused = [r for r in refused if r[2] not in _LEVELS]
        if refused:
            bad.append(refused[0])
            continue
        levels = tuple(_LEVELS[cells[c]] for c in EPITOME_COLUMNS)
        found = [
            match_rationales(response, row.get(f"{c}_rationales") or "") for c in EPITOME_COLUMNS
        ]
        odd.note_rationales(line, sum(m.not_found for m in found))
        masks = tuple(m.mask for m in found)
        pairs.append(
            LabeledPair(
                row["sp_id"],
                row["rp_id"],
                row["seeker_post"],
                response,
                levels + (UNKNOWN,) * n_new,
                masks + (_NO_MASK,) * n_new,
            )
        )
    if not pairs and not bad:
        raise InputError(
            "the file has a header but no rows; training needs labelled pairs", path=str(path)
        )
    if bad:
        line, column, cell = bad[0]
        # A short cell is a label someone typed (3, x, 1.0); a long one may be text.
        what = "is empty" if not cell else f"is {cell!r}" if len(cell) <= 4 else "is text"
        raise InputError(
            f"the level {what}, not 0, 1 or 2 ({len(bad)} row(s) have such a level cell, the "
            "first here); training needs a level 0, 1 or 2 in every <mechanism>_level cell: "
            "fix those rows or leave them out",
            path=str(path),
            line=line,
            field=column,
        )
    odd.warn(path)
    return pairs


@dataclass(slots=True)
class _OddRows:
    """The lines of the EPITOME rows :func:`load_epitome` trains on as given but reports."""

    empty: list[int] = field(default_factory=list)  # an empty seeker or response post
    repeated: list[int] = field(default_factory=list)  # an rp_id an earlier row has
    unlocated: list[int] = field(default_factory=list)  # a rationale part not in the text
    unlocated_parts: int = 0
    seen: set[str | None] = field(default_factory=set)  # the rp_ids read so far

    def note_texts(self, line: int, row: Mapping[str, str | None]) -> None:
        """Note the row at ``line`` when a post is empty or its rp_id was seen before."""
        if not (row["seeker_post"] or "").strip() or not (row["response_post"] or "").strip():
            self.empty.append(line)
        if row["rp_id"] in self.seen:
            self.repeated.append(line)
        self.seen.add(row["rp_id"])

    def note_rationales(self, line: int, not_found: int) -> None:
        """Note the row at ``line`` when ``not_found`` of its rationale parts are not in it."""
        if not_found:
            self.unlocated.append(line)
            self.unlocated_parts += not_found

    def warn(self, path: str | os.PathLike[str]) -> None:
        """One warning per kind of odd row there is, with the count and the first lines."""
        as_given = "trained on as given"
        parts = "part" if self.unlocated_parts == 1 else "parts"
        kinds = (  # the lines, what they hold said of one row and of several, what is done
            (
                self.empty,
                "has an empty seeker_post or response_post",
                "have an empty seeker_post or response_post",
                as_given,
            ),
            (
                self.repeated,
                "repeats an earlier row's rp_id",
                "repeat an earlier row's rp_id",
                as_given,
            ),
            (
                self.unlocated,
                "has rationale text not found in its response_post",
                "have rationale text not found in their response_post",
                f"{as_given}, less the {self.unlocated_parts} rationale {parts} not found",
            ),
        )
        for lines, one, many, done in kinds:
            if lines:
                rows = f"1 row {one}" if len(lines) == 1 else f"{len(lines)} rows {many}"
                logger.warning("%s: %s (%s): %s", path, rows, _quoted_lines(lines), done)


def _quoted_lines(lines: Sequence[int]) -> str:
    """``line 4``, ``lines 4, 9``, or the first few of many: ``first lines 4, 9, 12``."""
    shown = ", ".join(str(n) for n in lines[:_QUOTED_LINES])
    if len(lines) == 1:
        return f"line {shown}"
    return f"{'first ' if len(lines) > _QUOTED_LINES else ''}lines {shown}"


def read_checked_annotations(
    annotations: str | os.PathLike[str], data: str | os.PathLike[str]
) -> list[Annotation]:
    """The project's annotations in ``annotations`` (JSON Lines), each checked against its
    row of the EPITOME-layout CSV ``data`` by the rules ``carelens evaluate`` scores them by
    (:mod:`carelens.taxonomy_evaluation`), so that neither training nor the rationale fit
    after it meets an annotation it cannot use.

    An InputError names the annotation file, the line and the field of the first problem: a
    line :func:`~carelens.annotations.read_annotation_lines` refuses (not UTF-8 or JSON, a
    field out of range, an ``rp_id`` repeated); an ``rp_id`` that is not in ``data`` (the
    count of such annotations and the first; the annotations were made on another file); an
    ``rp_id`` whose row ``carelens evaluate`` leaves out (an empty seeker post, say), so the
    annotation could be trained on but never scored; an ``sp_id`` that is not the row's; an
    offset past the end of its text (:func:`~carelens.annotations.check_offsets`). A
    repeated ``rp_id`` of ``data`` is checked on its first row, as ``evaluate`` reads it.
    """
    from carelens.annotations import AnnotationError, check_offsets, read_annotation_lines
    from carelens.evaluation import labelled_context, labelled_pairs

    where = os.fspath(annotations)
    read = list(read_annotation_lines(annotations))  # a bad line is an InputError
    if not read:
        raise InputError(
            "the file holds no annotation; --annotations adds the project's labels of the "
            "data file's responses",
            path=where,
        )
    rows: dict[str, tuple[int, Mapping[str, str]]] = {}
    for line, read_row in _numbered_rows(data):
        rows.setdefault(read_row["rp_id"], (line, read_row))
    missing = [(n, a) for n, a in read if a.rp_id not in rows]
    if missing:
        line, first = missing[0]
        raise InputError(
            f"{len(missing)} of its {len(read)} annotations are of responses not in {data} "
            f"(the first: rp_id {quote(first.rp_id)}); they were made on another file, or on "
            "a fuller one. Pass the EPITOME CSV the annotations were made on, or a file of "
            "the annotations of this file's rows only",
            path=where,
            line=line,
            field="rp_id",
        )
    left_out = _RememberedRejects()  # the rows evaluate (and so the rationale fit) leaves out
    scored = {pair.response.id for _, pair in labelled_pairs(labelled_context(data, left_out))}
    for number, a in read:
        row_line, row = rows[a.rp_id]
        if a.rp_id not in scored:
            why = left_out.at.get(row_line, "it is not readable as a pair")
            raise InputError(
                f"the rp_id's row in {data} (line {row_line}) is one carelens evaluate leaves "
                f"out ({why}), so this annotation could not be scored on it, nor the "
                "rationales fitted; fill in the row, or leave the annotation out",
                path=where,
                line=number,
                field="rp_id",
            )
        if a.sp_id != row["sp_id"]:
            raise InputError(
                f"bad annotation: the sp_id is {quote(a.sp_id)}, but the rp_id's row in "
                f"{data} (line {row_line}) has sp_id {quote(row['sp_id'])}; the annotation "
                "was not made on this row",
                path=where,
                line=number,
                field="sp_id",
            )
        try:
            check_offsets(a, row["response_post"] or "", row["seeker_post"] or "")
        except AnnotationError as exc:
            raise InputError(
                f"bad annotation: {exc.reason} (the rp_id's row: {data}, line {row_line})",
                path=where,
                line=number,
                field=exc.field,
            ) from None
    return [a for _, a in read]


def check_held_out(
    annotations: Sequence[Annotation],
    path: str | os.PathLike[str],
    train: Sequence[LabeledPair],
    dev: Sequence[LabeledPair],
    *,
    allow: bool = False,
) -> list[Annotation]:
    """The annotations stored as part ``test`` whose response this split puts in ``train``
    or ``dev``: held-out test items that training would learn from or choose its weights by
    (the annotations record the core model's seed-13 split; another seed or other fractions
    move them). An InputError naming ``path``, the count and the first, unless ``allow``
    (the run then goes on, and the caller says so loudly)."""
    trained = {p.rp_id for p in train} | {p.rp_id for p in dev}
    leaks = [a for a in annotations if a.part == "test" and a.rp_id in trained]
    if leaks and not allow:
        held = sum(a.part == "test" for a in annotations)
        raise InputError(
            f"{len(leaks)} of the {held} annotations stored as part 'test' (the held-out "
            "test items) fall in the train or dev part of this split (the first: rp_id "
            f"{quote(leaks[0].rp_id)}): the annotations were made on the core model's split "
            "(seed 13, the default fractions), and another seed or other fractions would "
            "train on them. Keep the default --seed and fractions, leave those annotations "
            "out, or pass --allow-held-out-leak to train on them anyway (the test figures on "
            "them then mean nothing)",
            path=os.fspath(path),
            field="part",
        )
    return leaks


class _RememberedRejects(RejectLog):
    """A reject log that also keeps, per line, why that line was rejected (no text)."""

    def __init__(self) -> None:
        super().__init__()
        self.at: dict[int, str] = {}

    def add(
        self,
        path: str | os.PathLike[str],
        line: int | None,
        field: str | None,
        reason: str,
        *,
        detail: str | None = None,
    ) -> None:
        super().add(path, line, field, reason, detail=detail)
        if line is not None:
            self.at.setdefault(line, f"{reason}{f' in {field}' if field else ''}")


def attach_annotations(
    pairs: Sequence[LabeledPair], annotations: Sequence[Annotation]
) -> list[LabeledPair]:
    """``pairs`` with the project's labels filled in where an annotation has their rp_id.

    The annotations must have been checked against the rows
    (:func:`read_checked_annotations`); one whose ``sp_id`` is not its pair's or whose
    offsets run past the texts is an InputError here too, never clipped to fit.
    """
    from carelens.annotations import AnnotationError, check_offsets

    by_id = {a.rp_id: a for a in annotations}
    out: list[LabeledPair] = []
    for p in pairs:
        a = by_id.get(p.rp_id)
        if a is None:
            out.append(p)
            continue
        try:
            if a.sp_id != p.sp_id:
                raise AnnotationError("sp_id", f"not the sp_id of its row ({quote(p.sp_id)})")
            check_offsets(a, p.response, p.seeker)
        except AnnotationError as exc:
            raise InputError(
                f"the annotation of rp_id {quote(p.rp_id)} does not fit its row: {exc.reason}",
                field=exc.field,
            ) from None
        levels = list(p.levels)
        masks = list(p.rationale_masks)
        for d, name in enumerate(RESPONSE_DIMENSIONS):
            if name in a.labels:
                levels[d] = a.labels[name]
                masks[d] = spans_to_char_mask(len(p.response), a.rationales.get(name, ()))
        out.append(
            LabeledPair(
                p.sp_id,
                p.rp_id,
                p.seeker,
                p.response,
                tuple(levels),
                tuple(masks),
                flags=tuple(a.labels[f] for f in RESPONSE_FLAGS),
                seeker_distress=a.labels["seeker_distress"],
            )
        )
    return out


#: BOLT therapist behaviours (Chiu et al., 2024) -> (reflection, compassion) levels.
BOLT_LABELS: dict[str, tuple[int, int]] = {
    "Reflections on Emotions": (2, 0),
    "Reflections on Needs": (2, 0),
    "Reflections on Values": (2, 0),
    "Reflections on Strengths": (2, 0),
    "Reflections on Conflicts": (2, 0),
    "Reflections on Consequences": (2, 0),
    "Problem-Solving": (0, 1),
    "Planning": (0, 1),
    "Questions on Experiences": (0, 0),
    "Questions on Perspectives": (0, 0),
    "Questions on Emotions": (0, 0),
    "Normalizing": (0, 0),
    "Psychoeducation": (0, 0),
}


#: The columns a BOLT file is read from.
BOLT_COLUMNS = ("prompt", "completion")


def load_bolt(path: str | Path) -> list[LabeledPair]:
    """BOLT therapist utterances as training pairs with an empty seeker message.

    Only ``reflection`` and ``compassion`` are labelled (from the behaviour, see
    :data:`BOLT_LABELS`), plus ``dismissive`` 0 (no therapist behaviour in BOLT is dismissive);
    the whole utterance is the rationale of a behaviour it shows. Everything else is unknown.
    The file is UTF-8 with or without a byte-order mark; a missing or repeated column, a byte
    that is not UTF-8, an empty utterance or an unknown behaviour is an InputError naming the
    line (and the column), and so is a file with no utterance at all.
    """
    index = {name: d for d, name in enumerate(RESPONSE_DIMENSIONS)}
    pairs: list[LabeledPair] = []
    rows = _numbered_rows(path, lambda header: _check_bolt_header(path, header))
    for number, (line, row) in enumerate(rows, start=2):
        behaviour = (row.get("completion") or "").strip()
        text = (row.get("prompt") or "").strip()
        if not text:
            raise InputError("the utterance is empty", path=str(path), line=line, field="prompt")
        if behaviour not in BOLT_LABELS:
            raise InputError(
                f"unknown behaviour {quote(behaviour)}; expected one of {', '.join(BOLT_LABELS)}",
                path=str(path),
                line=line,
                field="completion",
            )
        levels = [UNKNOWN] * len(RESPONSE_DIMENSIONS)
        masks = [_NO_MASK] * len(RESPONSE_DIMENSIONS)
        labelled = dict(zip(("reflection", "compassion"), BOLT_LABELS[behaviour], strict=True))
        labelled["dismissive"] = 0
        for name, level in labelled.items():
            levels[index[name]] = level
            masks[index[name]] = np.full(len(text), level > 0, dtype=np.bool_)
        pairs.append(
            LabeledPair(f"bolt-{number}", f"bolt-{number}", "", text, tuple(levels), tuple(masks))
        )
    if not pairs:
        raise InputError(
            "the file has a header but no rows; --bolt adds therapist utterances to training",
            path=str(path),
        )
    return pairs


def _check_bolt_header(path: str | Path, header: list[str]) -> None:
    """An InputError (line 1) when a BOLT file's header lacks a column it is read from, or
    names a column twice."""
    missing = [name for name in BOLT_COLUMNS if name not in header]
    if missing:
        raise InputError(
            f"expected BOLT's therapist_behaviours layout, a header with the columns "
            f"{' and '.join(BOLT_COLUMNS)} (missing: {', '.join(missing)})",
            path=str(path),
            line=1,
        )
    _refuse_repeated_columns(path, header)


#: The highest value of each label of a written pair (the lowest is 0).
_WRITTEN_TOP = {name: 1 if name in RESPONSE_FLAGS else 2 for name in WRITTEN_LABELS}


def load_written_pairs(
    path: str | Path, labels: Collection[str] | None = None
) -> list[LabeledPair]:
    """Project-written labelled pairs (JSON Lines: ``id, seeker, response, labels,
    rationales``); rationales are quoted words of the response.

    Every label is known, or with ``labels`` (names from :data:`WRITTEN_LABELS`) only those:
    the others are read and checked but left unknown, so they teach nothing (a set written
    for one dimension whose authors read the others differently from their gold data). A
    dimension's rationales count as labelled only when its level is used and ``rationales``
    has its key (the first written set marks the four taxonomy dimensions' words, not
    EPITOME's).

    A line that is not a pair is an InputError naming the line and the field
    (:func:`read_written_item`): not JSON, a seeker or response that is not text (or an empty
    response), a label missing or not a whole number in its range (``1.5``, ``true``,
    ``"1"``), rationales that are not lists of quoted words under response dimension names,
    or a quote not found in the response (its pair would teach that no word shows a level
    it was given); so is a byte that is not UTF-8, and a file without any pair.
    """
    from carelens.annotations import locate

    used = set(WRITTEN_LABELS if labels is None else check_written_labels(labels))

    pairs: list[LabeledPair] = []
    lines = io.StringIO(_utf8_text(path), newline=None)  # lines end as in a text-mode file
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item = read_written_item(path, number, line)
        response = item["response"]
        quoted: Mapping[str, list[str]] = item.get("rationales") or {}
        masks = []
        for name in RESPONSE_DIMENSIONS:
            found = [locate(response, q) for q in quoted.get(name, ())]  # all found: checked
            masks.append(spans_to_char_mask(len(response), [f for f in found if f is not None]))
        given = item["labels"]
        levels = tuple(given[name] for name in RESPONSE_DIMENSIONS)
        flags = tuple(given[name] for name in RESPONSE_FLAGS)
        pairs.append(
            LabeledPair(
                f"written-{item.get('id', number)}",
                f"written-{item.get('id', number)}",
                item["seeker"],
                response,
                _keep(levels, RESPONSE_DIMENSIONS, used),
                tuple(masks),
                flags=_keep(flags, RESPONSE_FLAGS, used),
                seeker_distress=given["seeker_distress"] if "seeker_distress" in used else UNKNOWN,
                rationales_labelled=tuple(
                    name in quoted and name in used for name in RESPONSE_DIMENSIONS
                ),
            )
        )
    if not pairs:
        raise InputError(
            "the file holds no labelled pair; --written and --written-for add project-written "
            "pairs (JSON Lines, one pair per line) to training",
            path=str(path),
        )
    return pairs


def read_written_item(path: str | os.PathLike[str], number: int, line: str) -> dict[str, Any]:
    """The JSON object of one written pair's line (``number`` of the file at ``path``), every
    field :func:`load_written_pairs` reads checked; an InputError naming the file, the line
    and the field otherwise. ``annotations/check_written.py`` checks files with it too."""
    from carelens.annotations import locate

    def bad(message: str, field: str | None = None) -> InputError:
        return InputError(f"bad labelled pair: {message}", path=str(path), line=number, field=field)

    try:
        item = json.loads(line)
    except (ValueError, RecursionError) as exc:
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
        raise bad(f"not valid JSON ({detail})") from None
    if not isinstance(item, dict):
        raise bad(f"expected a JSON object, not {json_type(item)}")
    for name in ("seeker", "response"):
        if name not in item:
            raise bad("missing; every pair needs a seeker and a response text", name)
        if not isinstance(item[name], str):
            raise bad(f"must be a string, not {json_type(item[name])}", name)
    if not item["response"].strip():
        raise bad("the response is empty", "response")
    if "labels" not in item:
        raise bad("missing; every pair needs its labels", "labels")
    given = item["labels"]
    if not isinstance(given, dict):
        raise bad(f"must be an object of labels, not {json_type(given)}", "labels")
    for name, top in _WRITTEN_TOP.items():
        here = f"labels.{name}"
        if name not in given:
            raise bad(f"missing; every pair labels all of {', '.join(WRITTEN_LABELS)}", here)
        value = given[name]
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top:
            number_like = isinstance(value, (bool, int, float))
            shown = json.dumps(value) if number_like else json_type(value)
            raise bad(f"must be an integer 0..{top}, not {shown}", here)
    quoted = item.get("rationales")
    if quoted is None:
        return item
    if not isinstance(quoted, dict):
        raise bad(
            "must be an object of quoted words per dimension, e.g. "
            f'{{"sympathy": ["so sorry"]}}, not {json_type(quoted)}',
            "rationales",
        )
    for name, words in quoted.items():
        here = f"rationales.{clip(name)}"
        if name not in RESPONSE_DIMENSIONS:
            raise bad(f"not a response dimension; expected {', '.join(RESPONSE_DIMENSIONS)}", here)
        if not isinstance(words, list):
            raise bad(f"must be an array of quoted words, not {json_type(words)}", here)
        for i, word in enumerate(words):
            if not isinstance(word, str):
                raise bad(f"each quote must be a string, not {json_type(word)}", f"{here}[{i}]")
            if not word.strip():
                raise bad("the quote is empty; quote the words that show it", f"{here}[{i}]")
            if locate(item["response"], word) is None:
                raise bad(
                    f"the quote {quote(word)} is not in the response; quote its words as "
                    "written (case and spacing may differ)",
                    f"{here}[{i}]",
                )
    return item


def _keep(values: tuple[int, ...], names: Sequence[str], used: set[str]) -> tuple[int, ...]:
    return tuple(v if name in used else UNKNOWN for v, name in zip(values, names, strict=True))


def split_by_seeker(
    pairs: Sequence[LabeledPair], seed: int, dev: float = 0.1, test: float = 0.2
) -> tuple[list[LabeledPair], list[LabeledPair], list[LabeledPair]]:
    """Deterministic train / dev / test split with every seeker post in exactly one part.

    ``dev`` and ``test`` are shares of the seeker posts, each above 0 and below 1, their sum
    below 1 (ConfigError otherwise).
    """
    if not (0 < dev < 1 and 0 < test < 1 and dev + test < 1):
        raise ConfigError(
            f"dev fraction {dev} and test fraction {test} must each be above 0 and below 1, "
            "and leave seeker posts for training (their sum below 1)"
        )
    ids = sorted({p.sp_id for p in pairs})
    random.Random(seed).shuffle(ids)
    n_test, n_dev = round(len(ids) * test), round(len(ids) * dev)
    test_ids, dev_ids = set(ids[:n_test]), set(ids[n_test : n_test + n_dev])
    parts: tuple[list[LabeledPair], list[LabeledPair], list[LabeledPair]] = ([], [], [])
    for p in pairs:
        parts[2 if p.sp_id in test_ids else 1 if p.sp_id in dev_ids else 0].append(p)
    return parts


def token_rationale_labels(
    batch: EncodedBatch, pairs: Sequence[LabeledPair]
) -> NDArray[np.float32]:
    """Per-token rationale targets ``[batch, seq, dims]``; 1 where a response token overlaps."""
    n, width = batch.input_ids.shape
    labels = np.zeros((n, width, len(RESPONSE_DIMENSIONS)), dtype=np.float32)
    for i, (offsets, pair) in enumerate(zip(batch.response_offsets, pairs, strict=True)):
        for d, mask in enumerate(pair.rationale_masks):
            if not mask.any():
                continue
            for k, (start, end) in enumerate(offsets):
                if end > start and mask[start:end].any():
                    labels[i, k + 1, d] = 1.0
    return labels


def response_token_mask(batch: EncodedBatch) -> NDArray[np.float32]:
    """1.0 at the sequence positions that hold response tokens (not [CLS], [SEP] or seeker)."""
    mask = np.zeros(batch.input_ids.shape, dtype=np.float32)
    for i, offsets in enumerate(batch.response_offsets):
        mask[i, 1 : 1 + len(offsets)] = 1.0
    return mask


@dataclass(frozen=True, slots=True)
class Targets:
    """Training targets of one batch (``-1`` = unknown, skipped by the losses)."""

    levels: NDArray[np.int64]  # [n, dims]
    tokens: NDArray[np.float32]  # [n, seq, dims]
    response_mask: NDArray[np.float32]  # [n, seq]
    flags: NDArray[np.int64]  # [n, flags]
    seeker_distress: NDArray[np.int64]  # [n]
    rationales_labelled: NDArray[np.float32]  # [n, dims]; 1.0 where the masks are labels


def encode_labeled(
    encoder: PairEncoder, pairs: Sequence[LabeledPair]
) -> tuple[EncodedBatch, Targets]:
    """Encode a batch; return its inputs and training targets."""
    batch = encoder.encode([(p.seeker, p.response) for p in pairs])
    targets = Targets(
        levels=np.asarray([p.levels for p in pairs], dtype=np.int64),
        tokens=token_rationale_labels(batch, pairs),
        response_mask=response_token_mask(batch),
        flags=np.asarray([p.flags for p in pairs], dtype=np.int64),
        seeker_distress=np.asarray([p.seeker_distress for p in pairs], dtype=np.int64),
        rationales_labelled=np.asarray([p.rationales_labelled for p in pairs], dtype=np.float32),
    )
    return batch, targets
