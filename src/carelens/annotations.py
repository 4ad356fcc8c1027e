"""The project's taxonomy annotations: reading, writing and checking them.

Annotations label EPITOME responses with the taxonomy dimensions EPITOME lacks. They are
stored keyed by ``rp_id`` with character offsets, never with message text; the texts are
joined back from ``../shared/data`` when needed. One JSON object per line::

    {"rp_id": "...", "sp_id": "...", "part": "train|dev|test", "annotator": "A",
     "codebook": "taxonomy-v1",
     "labels": {"sympathy": 0-2, "reflection": 0-2, "compassion": 0-2, "dismissive": 0-2,
                "advice": 0-1, "self_focus": 0-1, "seeker_distress": 0-2, "crisis": 0-1},
     "rationales": {"sympathy": [[start, end], ...], ...},   # offsets into the response
     "crisis_evidence": [[start, end], ...]}                  # offsets into the seeker post

``part`` is the part of the core model's split (seed 13) the response was sampled from when
it was annotated: a record of provenance. Scoring a model picks annotations by that model's
own split, never by this field (:mod:`carelens.taxonomy_evaluation`).

:meth:`Annotation.from_dict` checks a record and converts nothing: ``rp_id``, ``sp_id`` and
``annotator`` are non-empty strings, ``part`` one of :data:`PARTS`, ``codebook`` (absent:
:data:`CODEBOOK`) one of :data:`CODEBOOKS`, ``labels`` exactly the labels of
:data:`LABEL_RANGES`, each an integer in its range (not ``true``, ``1.0`` or ``"1"``),
``rationales`` (absent or null: none) an object keyed by :data:`ANNOTATED_DIMENSIONS`, and
every offset pair two integers with ``0 <= start < end``; no other key. A record that is
not so is an :class:`AnnotationError` naming the field. Whether the offsets stay within their
texts can only be checked where the texts are known: :func:`check_offsets`, called where an
annotation is joined with its EPITOME row (``carelens evaluate``, and for training and the
rationale fit :func:`carelens.training.data.read_checked_annotations`, which checks the
``sp_id`` too, before training starts).

:func:`read_annotation_lines` reads a file (UTF-8, a byte-order mark allowed; a UTF-16 or
UTF-32 file is an InputError) with each annotation's line. A bad line — not UTF-8, not JSON
(nesting too deep to parse included), not an object, a record
:meth:`~Annotation.from_dict` refuses, an ``rp_id`` already read (the first is kept) — goes
to a :class:`~carelens.readers.RejectLog` when one is given (file, line, field, reason; never
the record) and reading carries on; without one it is an InputError naming the file, line
and field. :func:`read_annotations` is the strict form, for training, which needs clean
labels.

:func:`from_raw` turns an annotator's raw line (rationales as quoted words) into that form;
:func:`locate` finds quoted words in a text, tolerating case and whitespace differences.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from carelens.errors import InputError
from carelens.readers import rejects as R
from carelens.readers.quoting import json_type
from carelens.readers.rejects import RejectLog
from carelens.taxonomy import TAXONOMY_VERSION

#: Response dimensions annotated with levels 0-2 and rationales.
ANNOTATED_DIMENSIONS: tuple[str, ...] = ("sympathy", "reflection", "compassion", "dismissive")
#: Every label and its highest value.
LABEL_RANGES: Mapping[str, int] = {
    **{name: 2 for name in ANNOTATED_DIMENSIONS},
    "advice": 1,
    "self_focus": 1,
    "seeker_distress": 2,
    "crisis": 1,
}
CODEBOOK = f"taxonomy-{TAXONOMY_VERSION}"
#: The codebook versions a line may have been made under: the codebook, and v1.1, the
#: clarifications added after the agreement study (``annotations/GUIDELINES.md``).
CODEBOOKS: tuple[str, ...] = (CODEBOOK, f"{CODEBOOK}.1")
#: The parts of a split (:data:`carelens.evaluation.SPLIT_PARTS`).
PARTS: tuple[str, ...] = ("train", "dev", "test")
#: The keys of a stored record.
FIELDS: tuple[str, ...] = (
    "rp_id",
    "sp_id",
    "part",
    "annotator",
    "codebook",
    "labels",
    "rationales",
    "crisis_evidence",
)

Offsets = tuple[tuple[int, int], ...]


class AnnotationError(ValueError):
    """A record that is not a valid annotation: ``field`` names where (``labels.sympathy``,
    ``rationales.reflection``; None for the record as a whole), ``reason`` says why."""

    def __init__(self, field: str | None, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}" if field else reason)


@dataclass(frozen=True, slots=True)
class Annotation:
    """One annotator's labels for one response."""

    rp_id: str
    sp_id: str
    part: str
    annotator: str
    labels: Mapping[str, int]
    rationales: Mapping[str, Offsets] = field(default_factory=dict)
    crisis_evidence: Offsets = ()
    codebook: str = CODEBOOK

    def to_dict(self) -> dict[str, Any]:
        return {
            "rp_id": self.rp_id,
            "sp_id": self.sp_id,
            "part": self.part,
            "annotator": self.annotator,
            "codebook": self.codebook,
            "labels": {name: self.labels[name] for name in LABEL_RANGES},
            "rationales": {
                name: [list(o) for o in self.rationales.get(name, ())]
                for name in ANNOTATED_DIMENSIONS
            },
            "crisis_evidence": [list(o) for o in self.crisis_evidence],
        }

    @classmethod
    def from_dict(cls, data: object) -> Annotation:
        """The annotation a stored record holds; an :class:`AnnotationError` naming the
        field when the record is not valid (see the module docstring: nothing is
        converted)."""
        if not isinstance(data, dict):
            raise AnnotationError(None, f"expected a JSON object, not {json_type(data)}")
        unknown = [key for key in data if key not in FIELDS]
        if unknown:
            raise AnnotationError(
                _clip(unknown[0]), f"unknown field; a record has {', '.join(FIELDS)}"
            )
        rp_id, sp_id = _text(data, "rp_id"), _text(data, "sp_id")
        part = _text(data, "part")
        if part not in PARTS:
            raise AnnotationError(
                "part", f"must be {', '.join(PARTS[:-1])} or {PARTS[-1]}, not {_shown(part)}"
            )
        annotator = _text(data, "annotator")
        codebook = data.get("codebook", CODEBOOK)
        if codebook not in CODEBOOKS:
            raise AnnotationError(
                "codebook",
                f"must be {' or '.join(CODEBOOKS)}, not {_shown(codebook)} (the codebook "
                "versions of this taxonomy)",
            )
        return cls(
            rp_id=rp_id,
            sp_id=sp_id,
            part=part,
            annotator=annotator,
            codebook=codebook,
            labels=_labels(data.get("labels")),
            rationales=_rationales(data.get("rationales")),
            crisis_evidence=_offsets(data.get("crisis_evidence"), "crisis_evidence"),
        )


def _shown(value: object) -> str:
    """A short value as the error shows it: numbers, booleans and short strings; for any
    other value only its JSON type (a long string may be text)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str) and len(value) <= 24 and "\n" not in value:
        return repr(value)
    return json_type(value)


def _clip(key: str) -> str:
    """A key of the record as a field name (keys are short; a long one is cut)."""
    return key if len(key) <= 40 else key[:37] + "..."


def _text(data: Mapping[str, object], key: str) -> str:
    if key not in data:
        raise AnnotationError(key, "missing; it must be a non-empty string")
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        what = "empty" if isinstance(value, str) else json_type(value)
        raise AnnotationError(key, f"must be a non-empty string, not {what}")
    return value


def _label(name: str, value: object, field: str) -> int:
    """``value`` as the level of ``name``: an integer 0..top (not a boolean, float or
    string)."""
    top = LABEL_RANGES[name]
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top:
        raise AnnotationError(field, f"must be an integer 0..{top}, not {_shown(value)}")
    return value


def _labels(value: object) -> dict[str, int]:
    if not isinstance(value, dict):
        raise AnnotationError(
            "labels", f"must be an object with {', '.join(LABEL_RANGES)}, not {json_type(value)}"
        )
    for key in value:
        if key not in LABEL_RANGES:
            raise AnnotationError(
                f"labels.{_clip(str(key))}",
                f"unknown label; the labels are {', '.join(LABEL_RANGES)}",
            )
    for name in LABEL_RANGES:
        if name not in value:
            raise AnnotationError(f"labels.{name}", "missing; every label needs a level")
    return {name: _label(name, value[name], f"labels.{name}") for name in LABEL_RANGES}


def _rationales(value: object) -> dict[str, Offsets]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise AnnotationError(
            "rationales",
            f"must be an object keyed by {', '.join(ANNOTATED_DIMENSIONS)}, not {json_type(value)}",
        )
    rationales: dict[str, Offsets] = {}
    for name, spans in value.items():
        if name not in ANNOTATED_DIMENSIONS:
            raise AnnotationError(
                f"rationales.{_clip(str(name))}",
                f"unknown dimension; rationales are kept for {', '.join(ANNOTATED_DIMENSIONS)}",
            )
        rationales[name] = _offsets(spans, f"rationales.{name}")
    return rationales


def _offsets(value: object, field: str) -> Offsets:
    """Offset pairs ``[[start, end], ...]``: integers with ``0 <= start < end`` (absent or
    null: none)."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise AnnotationError(field, f"must be an array of [start, end], not {json_type(value)}")
    pairs: list[tuple[int, int]] = []
    for n, pair in enumerate(value, start=1):
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or any(isinstance(x, bool) or not isinstance(x, int) for x in pair)
        ):
            raise AnnotationError(field, f"offset pair {n} must be [start, end], two integers")
        start, end = pair
        if not 0 <= start < end:
            raise AnnotationError(
                field, f"offset pair {n} is [{start}, {end}]; it must have 0 <= start < end"
            )
        pairs.append((start, end))
    return tuple(pairs)


def check_offsets(annotation: Annotation, response: str, seeker: str) -> None:
    """An :class:`AnnotationError` naming the field when an offset runs past the end of its
    text (rationales: the response, crisis evidence: the seeker post): the annotation was not
    made on these texts. Call it where an annotation is joined with its row."""
    for name, spans in annotation.rationales.items():
        _within(spans, len(response), f"rationales.{name}", "response")
    _within(annotation.crisis_evidence, len(seeker), "crisis_evidence", "seeker post")


def _within(spans: Offsets, length: int, field: str, text: str) -> None:
    for n, (start, end) in enumerate(spans, start=1):
        if end > length:
            raise AnnotationError(
                field,
                f"offset pair {n} is [{start}, {end}], past the end of the {text} "
                f"({length} characters); the annotation was not made on this text",
            )


def read_annotation_lines(
    path: str | os.PathLike[str], rejects: RejectLog | None = None
) -> Iterator[tuple[int, Annotation]]:
    """``(line, annotation)`` for each annotation of the JSON Lines file at ``path``.

    A bad line (see the module docstring) goes to ``rejects`` and reading carries on; without
    ``rejects`` it is an InputError naming the file, line and field. A UTF-16 or UTF-32 file is
    an InputError either way (every line would be bad).
    """
    where = os.fspath(path)
    seen: dict[str, int] = {}

    def bad(line: int, field: str | None, reason: str, detail: str) -> None:
        if rejects is None:
            raise InputError(f"bad annotation: {detail}", path=where, line=line, field=field)
        rejects.add(where, line, field, reason, detail=detail)

    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if number == 1:
                if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                    raise InputError(
                        "the file is UTF-16 or UTF-32 encoded; save it as UTF-8 and retry",
                        path=where,
                    )
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                bad(
                    number,
                    None,
                    R.INVALID_UTF8,
                    f"the line is not valid UTF-8 (byte {exc.start}); save the file as UTF-8",
                )
                continue
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except (ValueError, RecursionError) as exc:
                bad(number, None, R.MALFORMED_JSON, f"not valid JSON ({json_error(exc)})")
                continue
            if not isinstance(data, dict):
                bad(number, None, R.NOT_AN_OBJECT, f"expected a JSON object, not {json_type(data)}")
                continue
            try:
                annotation = Annotation.from_dict(data)
            except AnnotationError as exc:
                bad(number, exc.field, R.INVALID_VALUE, exc.reason)
                continue
            if annotation.rp_id in seen:
                # Read leniently the first is kept; read strictly (training) the file is
                # refused, and the message says what to do instead.
                kept = "the first is kept" if rejects is not None else "keep one of the two"
                bad(
                    number,
                    "rp_id",
                    R.DUPLICATE_ID,
                    f"the rp_id is also on line {seen[annotation.rp_id]}; {kept}",
                )
                continue
            seen[annotation.rp_id] = number
            yield number, annotation


def json_error(exc: ValueError | RecursionError) -> str:
    """Why ``json.loads`` refused a line. A RecursionError is arrays or objects nested too
    deep for the parser: malformed JSON like any other, never a crash."""
    if isinstance(exc, RecursionError):
        return "nested too deep to parse"
    return exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)


def read_annotations(path: str | os.PathLike[str]) -> Iterator[Annotation]:
    """Annotations from a JSON Lines file; a bad line is an InputError naming the file, line
    and field (:func:`read_annotation_lines` without a reject log)."""
    for _, annotation in read_annotation_lines(path):
        yield annotation


def write_annotations(path: str | Path, annotations: Sequence[Annotation]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for a in sorted(annotations, key=lambda a: a.rp_id):
            fh.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")


def locate(text: str, quote: str, after: int = 0) -> tuple[int, int] | None:
    """Character offsets of ``quote`` in ``text`` (exact, then case/whitespace-insensitive)."""
    quote = quote.strip()
    if not quote:
        return None
    start = text.find(quote, after)
    if start < 0:
        start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    pattern = re.compile(r"\s+".join(re.escape(w) for w in quote.split()), re.IGNORECASE)
    match = pattern.search(text, after) or pattern.search(text)
    return (match.start(), match.end()) if match else None


#: The keys of an annotator's raw line (``annotations/GUIDELINES.md``, "Output format"):
#: ``note`` is free text for whoever reads the raw files and is never stored (no text is).
RAW_FIELDS: tuple[str, ...] = (
    "rp_id",
    *LABEL_RANGES,
    "rationales",
    "crisis_evidence",
    "note",
    "codebook",
)


def from_raw(
    raw: Mapping[str, Any],
    *,
    sp_id: str,
    part: str,
    annotator: str,
    response: str,
    seeker: str,
    codebook: str = CODEBOOK,
) -> tuple[Annotation, list[str]]:
    """An :class:`Annotation` from an annotator's raw line, and the problems found in it.

    Problems are reported, not fatal: the labels stand and what cannot be stored is left out
    — a quote not found, a level 1 or 2 without a located rationale, a located rationale of a
    level-0 dimension (``is 0 but has rationales``), ``crisis`` 1 without located evidence,
    evidence of ``crisis`` 0, a key that is not one of :data:`RAW_FIELDS`, a rationale key
    that is not one of :data:`ANNOTATED_DIMENSIONS`. An :class:`AnnotationError` naming the
    field makes the line unusable: a label missing or not an integer in its range,
    ``rationales`` not an object, a rationale or ``crisis_evidence`` not a list of quoted
    words (a bare string would be read letter by letter), a ``codebook`` of the line that is
    not ``codebook`` (the version the line is stored under), an ``rp_id`` that is not a
    non-empty string.
    """
    problems: list[str] = []
    rp_id = raw.get("rp_id")
    if not isinstance(rp_id, str) or not rp_id.strip():
        raise AnnotationError("rp_id", f"must be a non-empty string, not {_shown(rp_id)}")
    if "codebook" in raw and raw["codebook"] != codebook:
        raise AnnotationError(
            "codebook",
            f"the line says {_shown(raw['codebook'])} but it is being stored as {codebook!r}; "
            "ingest it with the codebook it was made under (--codebook)",
        )
    missing = [name for name in LABEL_RANGES if name not in raw]
    if missing:
        raise AnnotationError(missing[0], "missing; every label needs a level")
    labels = {name: _label(name, raw[name], name) for name in LABEL_RANGES}
    unknown = [str(key) for key in raw if key not in RAW_FIELDS]
    if unknown:
        problems.append(f"unknown keys {', '.join(map(repr, unknown))} (not stored)")
    quoted = raw.get("rationales") or {}
    if not isinstance(quoted, dict):
        raise AnnotationError("rationales", f"must be an object, not {json_type(quoted)}")
    unknown = [str(key) for key in quoted if key not in ANNOTATED_DIMENSIONS]
    if unknown:
        problems.append(
            f"rationales: unknown keys {', '.join(map(repr, unknown))} (not stored; "
            f"rationales are kept for {', '.join(ANNOTATED_DIMENSIONS)})"
        )
    rationales: dict[str, Offsets] = {}
    for name in ANNOTATED_DIMENSIONS:
        found: list[tuple[int, int]] = []
        for quote in _quotes(quoted.get(name), f"rationales.{name}"):
            where = locate(response, quote)
            if where is None:
                problems.append(f"{name}: a quoted rationale is not in the response")
            elif where not in found:
                found.append(where)
        if labels[name] > 0 and not found:
            problems.append(f"{name}: level {labels[name]} without a located rationale")
        if labels[name] == 0 and found:
            problems.append(f"{name} is 0 but has rationales (not stored)")
        rationales[name] = tuple(sorted(found)) if labels[name] > 0 else ()
    evidence: list[tuple[int, int]] = []
    for quote in _quotes(raw.get("crisis_evidence"), "crisis_evidence"):
        where = locate(seeker, quote)
        if where is None:
            problems.append("crisis_evidence: a quote is not in the seeker post")
        else:
            evidence.append(where)
    if labels["crisis"] == 1 and not evidence:
        problems.append("crisis: 1 without located evidence")
    if labels["crisis"] == 0 and evidence:
        problems.append("crisis is 0 but has evidence (not stored)")
        evidence = []
    annotation = Annotation(
        rp_id=rp_id,
        sp_id=sp_id,
        part=part,
        annotator=annotator,
        labels=labels,
        rationales=rationales,
        crisis_evidence=tuple(sorted(set(evidence))),
        codebook=codebook,
    )
    return annotation, problems


def _quotes(value: object, field: str) -> list[str]:
    """The quoted words of a raw rationale or evidence field: a list of strings (absent or
    null: none)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise AnnotationError(
            field, f'must be a list of quoted words, not {json_type(value)} (write ["..."])'
        )
    for n, quote in enumerate(value, start=1):
        if not isinstance(quote, str):
            raise AnnotationError(
                field, f"quote {n} must be a string of quoted words, not {json_type(quote)}"
            )
    return value
