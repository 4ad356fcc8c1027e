"""The result record of one analysed pair, and its flat (CSV / Parquet) layout.

A record is ``{"seeker_id", "response_id", "conversation_id", "speaker", "timestamp",
<dimension>: {"level", "probabilities", "spans": [{start, end, label, score, text}]},
"flags", "style", "seeker": {"distress", "crisis_cues", "needs_attention", "resources"},
"helper": {"distress", "distress_high", "spans"}, "unsafe": [spans], "feedback",
"seeker_text", "response_text", "model"}`` (the analysis fields a model provides; ``unsafe``
lists the response's words that urge self-harm or give method information, labelled
``urging`` or ``method``, and is in every record: null when the analysis did not look for
them, as a flat file's ``unsafe_reply`` is empty then, so a record without it is of an
older layout). The flat layout has
``<dim>_level``, ``<dim>_p0..p2`` and ``<dim>_spans`` columns, then ``style``,
``flag_<flag>``, ``seeker_distress`` with ``seeker_distress_p0..p2``, ``needs_attention``,
``crisis_cues``, ``helper_distress``, ``helper_distress_high``, ``helper_distress_spans``,
``unsafe_reply`` (true when ``unsafe`` has words; empty for results made without the check),
``unsafe_spans`` and ``feedback`` (lists: a JSON string in CSV, lists in Parquet), then the two
texts (null when a run keeps no text, ``--no-text``); crisis
resources are left out of flat files (they are the same for every flagged row). The output
format follows the file extension: ``.jsonl`` / ``.json`` (JSON Lines), ``.csv`` or
``.parquet``.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from carelens.analysis.crisis import PATTERN_LABELS, RESOURCE_CONTACTS
from carelens.analysis.crisis_model import LABEL as LEARNED_CUE_LABEL
from carelens.analysis.unsafe import UNSAFE_KINDS
from carelens.errors import InputError, MissingExtraError
from carelens.privacy import redact, redact_with_spans
from carelens.taxonomy import RESPONSE_DIMENSIONS, RESPONSE_FLAGS, STYLES
from carelens.text import join_surrogates
from carelens.types import COMMUNITY_KEYS, N_LEVELS, Exchange, JsonDict, ResponseAnalysis

#: Output file extension -> format.
OUTPUT_FORMATS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
}
#: The fields of a record that locate the response, in output order.
ID_FIELDS: tuple[str, ...] = (
    "seeker_id",
    "response_id",
    "conversation_id",
    "speaker",
    "timestamp",
    "seeker_speaker",
    "community",
)
#: The message texts a record carries (null when the run keeps no text).
TEXT_FIELDS: tuple[str, ...] = ("seeker_text", "response_text")
#: Flat columns after the dimensions (before ``model``).
EXTRA_COLUMNS: tuple[str, ...] = (
    "style",
    *(f"flag_{f}" for f in RESPONSE_FLAGS),
    "seeker_distress",
    *(f"seeker_distress_p{k}" for k in range(N_LEVELS)),
    "needs_attention",
    "crisis_cues",
    "helper_distress",
    "helper_distress_high",
    "helper_distress_spans",
    "unsafe_reply",
    "unsafe_spans",
    "feedback",
)
#: Flat columns that hold lists (JSON strings in CSV).
LIST_COLUMNS: tuple[str, ...] = ("crisis_cues", "helper_distress_spans", "unsafe_spans", "feedback")


def output_format(path: str | os.PathLike[str]) -> str:
    """The output format of ``path`` from its extension, or an InputError."""
    suffix = Path(path).suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        raise InputError(
            f"cannot tell the output format from the extension {suffix or '(none)'!r}; "
            f"name the output file with one of {', '.join(OUTPUT_FORMATS)}",
            path=os.fspath(path),
        )
    return OUTPUT_FORMATS[suffix]


def require_pyarrow() -> Any:
    """The ``pyarrow`` module, or MissingExtraError naming the ``parquet`` extra."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise MissingExtraError("pyarrow", "parquet") from exc
    return pyarrow


def community_of(exchange: Exchange) -> str | None:
    """The community (forum, subreddit, blog) of an exchange, from its turns' ``meta``."""
    for turn in (exchange.response, exchange.seeker):
        for key in COMMUNITY_KEYS:
            value = turn.meta.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return None


def result_record(
    exchange: Exchange,
    analysis: ResponseAnalysis,
    *,
    include_text: bool = True,
    redact: bool = False,
) -> JsonDict:
    """The output record of one analysed exchange (span texts cut from the response).

    The texts are written with their surrogate pairs joined
    (:func:`~carelens.text.join_surrogates`), as the analysis read them, so the offsets hold
    in the record and after a JSON round trip.

    With ``include_text=False`` the seeker and response texts are left out (null); span and
    crisis-cue texts are always kept, as they are what a reader of the result looks at.
    With ``redact=True`` every text in the record — the two texts, span and cue texts, and
    the feedback — has e-mail addresses, phone numbers, URLs, handles and street addresses
    replaced by placeholders (:func:`carelens.privacy.redact`), with span offsets moved to
    the redacted texts.
    """
    response = exchange.response
    seeker_text, response_text = (
        join_surrogates(exchange.seeker.text),
        join_surrogates(response.text),
    )
    record: JsonDict = {
        "seeker_id": exchange.seeker.id,
        "response_id": response.id,
        "conversation_id": response.conversation_id or exchange.seeker.conversation_id,
        "speaker": response.speaker,
        "timestamp": response.timestamp,
        "seeker_speaker": exchange.seeker.speaker,
        "community": community_of(exchange),
    }
    result = analysis.to_dict()
    for name in analysis.dimensions:
        score = result[name]
        for span in score["spans"]:
            span["text"] = response_text[span["start"] : span["end"]]
        record[name] = score
    for key in ("flags", "style", "seeker", "helper", "unsafe", "feedback"):
        if key in result:
            record[key] = result[key]
        elif key == "unsafe":  # not checked: null, never left out (an older layout)
            record[key] = None
    if "helper" in record:
        for span in record["helper"]["spans"]:
            span["text"] = response_text[span["start"] : span["end"]]
    for span in record.get("unsafe") or ():
        span["text"] = response_text[span["start"] : span["end"]]
    if "seeker" in record:
        for cue in record["seeker"]["crisis_cues"]:
            cue["text"] = seeker_text[cue["start"] : cue["end"]]
    if redact:
        seeker_text, response_text = _redact_record(record, seeker_text, response_text)
    record["seeker_text"] = seeker_text if include_text else None
    record["response_text"] = response_text if include_text else None
    record["model"] = result["model"]
    return record


def _redact_record(record: JsonDict, seeker_text: str, response_text: str) -> tuple[str, str]:
    """Redact ``record``'s spans, cues and feedback in place; the redacted texts."""
    groups = {
        name: value["spans"]
        for name, value in record.items()
        if isinstance(value, dict) and "spans" in value and name not in ("seeker", "model")
    }
    if record.get("unsafe") is not None:
        groups["unsafe"] = record["unsafe"]
    response_text, moved = redact_with_spans(response_text, groups)
    for name, spans in moved.items():
        if name == "unsafe":
            record["unsafe"] = list(spans)
        else:
            record[name]["spans"] = list(spans)
    if "seeker" in record:
        cues = {"cues": record["seeker"]["crisis_cues"]}
        seeker_text, moved_cues = redact_with_spans(seeker_text, cues)
        record["seeker"]["crisis_cues"] = list(moved_cues["cues"])
    else:
        seeker_text = redact(seeker_text)
    if "feedback" in record:
        # carelens writes the feedback; only what it quotes can be personal, never the
        # crisis lines it points to.
        record["feedback"] = [redact(line, keep=RESOURCE_CONTACTS) for line in record["feedback"]]
    return seeker_text, response_text


def flat_columns(dimensions: Sequence[str]) -> list[str]:
    """The columns of the flattened (CSV / Parquet) layout."""
    columns = list(ID_FIELDS)
    for d in dimensions:
        columns += [f"{d}_level", *(f"{d}_p{k}" for k in range(N_LEVELS)), f"{d}_spans"]
    return [*columns, *EXTRA_COLUMNS, *TEXT_FIELDS, "model"]


def flat_dimensions(columns: Sequence[str]) -> list[str]:
    """The dimension names of a flat layout, read back from its ``<dim>_level`` columns."""
    return [c[: -len("_level")] for c in columns if c.endswith("_level")]


def flatten_record(record: Mapping[str, Any], dimensions: Sequence[str]) -> dict[str, Any]:
    """A record as one flat row; spans stay a list (the CSV writer turns them into JSON)."""
    row = {name: record.get(name) for name in ID_FIELDS}
    for d in dimensions:
        score = record[d]
        row[f"{d}_level"] = score["level"]
        for k, p in enumerate(score["probabilities"]):
            row[f"{d}_p{k}"] = p
        row[f"{d}_spans"] = score["spans"]
    flags = record.get("flags") or {}
    seeker = record.get("seeker") or {}
    distress = seeker.get("distress") or {}
    row["style"] = record.get("style")
    for f in RESPONSE_FLAGS:
        row[f"flag_{f}"] = flags.get(f)
    row["seeker_distress"] = distress.get("level")
    for k in range(N_LEVELS):
        probabilities = distress.get("probabilities")
        row[f"seeker_distress_p{k}"] = probabilities[k] if probabilities else None
    row["needs_attention"] = seeker.get("needs_attention") if seeker else None
    row["crisis_cues"] = seeker.get("crisis_cues", [])
    helper = record.get("helper") or {}
    row["helper_distress"] = helper.get("distress")
    row["helper_distress_high"] = helper.get("distress_high")
    row["helper_distress_spans"] = list(helper.get("spans") or ())
    unsafe = record.get("unsafe")
    row["unsafe_reply"] = None if unsafe is None else bool(unsafe)
    row["unsafe_spans"] = list(unsafe or ())
    row["feedback"] = list(record.get("feedback") or ())
    for name in TEXT_FIELDS:
        row[name] = record.get(name)
    row["model"] = record["model"]
    return row


class FieldError(ValueError):
    """One field of a result record (or flat row) is missing or has the wrong type or value.

    ``field`` names it (``emotional_reaction.level``, ``flags.advice``, a CSV column); the
    message says what is wrong and never quotes the value (it may be conversation text).
    """

    def __init__(self, field: str, why: str) -> None:
        self.field = field
        self.why = why
        super().__init__(f"{field}: {why}")


#: Dimension names a record may carry levels for (the model's and the derived ``empathy``).
_KNOWN_DIMENSIONS: tuple[str, ...] = (*RESPONSE_DIMENSIONS, "empathy")
#: The labels of crisis cues: the patterns' (:mod:`carelens.analysis.crisis`) and the learned
#: flag's (:mod:`carelens.analysis.crisis_model`); the same since cues were first written.
CUE_LABELS: tuple[str, ...] = (*PATTERN_LABELS, LEARNED_CUE_LABEL)
#: Name-like fields: a string or a number (ids written by other tools), or null.
_NAME_FIELDS: tuple[str, ...] = (
    "seeker_id",
    "conversation_id",
    "speaker",
    "seeker_speaker",
    "community",
)


def _kind(value: object) -> str:
    """What ``value`` is, for a message: a number or boolean itself, else its type (never
    a string's content, which may be conversation text)."""
    if value is None:
        return "null"
    if isinstance(value, bool | int | float):
        return "NaN" if value != value else repr(value)
    return {"str": "a string", "list": "a list", "dict": "an object"}.get(
        type(value).__name__, type(value).__name__
    )


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _check_level(value: object, field: str, *, optional: bool = False) -> None:
    if optional and value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value not in range(N_LEVELS):
        raise FieldError(field, f"must be a level 0, 1 or 2 (found {_kind(value)})")


def _check_type(value: object, kinds: type | tuple[type, ...], field: str, what: str) -> None:
    if value is not None and not isinstance(value, kinds):
        raise FieldError(field, f"must be {what} or null (found {_kind(value)})")


def _check_bool(value: object, field: str) -> None:
    if value is not None and not isinstance(value, bool):
        raise FieldError(field, f"must be true, false or null (found {_kind(value)})")


def _check_choice(value: object, choices: Collection[str], field: str, what: str) -> None:
    """``value`` must be one of ``choices``; the message lists them, never ``value``."""
    if not isinstance(value, str) or value not in choices:
        found = "a string carelens does not write" if isinstance(value, str) else _kind(value)
        raise FieldError(field, f"must be {what}: {', '.join(choices)} (found {found})")


def _check_spans(
    value: object, field: str, labels: Collection[str] | None = None, what: str = ""
) -> None:
    """A list of spans as carelens writes them: objects with whole-number offsets
    ``0 <= start <= end`` and a string ``label``, one of ``labels`` when given; a ``score``
    and ``text`` when present are a number and a string (or null)."""
    _check_type(value, list, field, "a list")
    spans: list[Any] = value if isinstance(value, list) else []
    for i, span in enumerate(spans):
        where = f"{field}[{i}]"
        if not isinstance(span, dict):
            raise FieldError(where, f"must be an object (found {_kind(span)})")
        for edge in ("start", "end"):
            offset = span.get(edge)
            if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
                raise FieldError(
                    f"{where}.{edge}", f"must be a whole number, 0 or more (found {_kind(offset)})"
                )
        if span["end"] < span["start"]:
            raise FieldError(f"{where}.end", "must not be before start")
        label = span.get("label")
        if labels is not None:
            _check_choice(label, labels, f"{where}.label", what)
        elif not isinstance(label, str):
            raise FieldError(f"{where}.label", f"must be a string (found {_kind(label)})")
        score = span.get("score")
        if score is not None and not _is_number(score):
            raise FieldError(f"{where}.score", f"must be a number (found {_kind(score)})")
        _check_type(span.get("text"), str, f"{where}.text", "a string")


def check_result_record(
    record: object, *, needs_levels: bool = True, needs_id: bool = True
) -> None:
    """Raise :class:`FieldError` unless ``record`` is a result record a reader can use.

    It needs (unless not ``needs_id``) a ``response_id`` string and (unless not
    ``needs_levels``) at least one dimension (an object with a ``level`` of 0, 1 or 2; a
    dimension of the taxonomy must have one); every other field may be missing or null, but
    when present must have the type ``carelens analyze`` writes (see the module docstring):
    names and ids are strings or numbers, flags and the helper's distress finite numbers,
    ``needs_attention`` and ``distress_high`` true or false (a string such as ``"false"``
    would be read as true), texts, the model id and feedback lines strings, spans objects
    with offsets ``0 <= start <= end`` and a string ``label``.

    Where carelens writes one of a fixed set of words that readers show or count, the value
    must be one of them, so that an edited value (an e-mail address as a label) is neither
    shown nor counted as something else: ``style`` one of :data:`~carelens.taxonomy.STYLES`
    (the same six since styles were first written), crisis-cue labels :data:`CUE_LABELS`
    and ``unsafe`` labels :data:`~carelens.analysis.unsafe.UNSAFE_KINDS`. The labels of
    rationale and helper-distress spans are shown nowhere and, like the flags' values, are
    whatever the analyzer gave (:func:`~carelens.output.analyze_file` takes any), so only
    their type is checked. Probabilities and the timestamp are not checked (nothing that
    reads results relies on the former; an unreadable timestamp means an undated response).
    """
    if not isinstance(record, dict):
        raise FieldError("(record)", f"must be a JSON object (found {_kind(record)})")
    response_id = record.get("response_id")
    if needs_id and (not isinstance(response_id, str) or not response_id.strip()):
        what = "missing" if response_id is None else f"found {_kind(response_id)}"
        raise FieldError("response_id", f"must be a non-empty string ({what})")
    for name in _NAME_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str) and not _is_number(value):
            raise FieldError(name, f"must be a string, a number or null (found {_kind(value)})")
    levels = 0
    for name, value in record.items():
        if name in _KNOWN_DIMENSIONS and value is not None:
            if not isinstance(value, dict):
                raise FieldError(name, f"must be an object with a level (found {_kind(value)})")
            if "level" not in value:
                raise FieldError(f"{name}.level", "is missing")
        if isinstance(value, dict) and "level" in value:
            _check_level(value["level"], f"{name}.level")
            _check_spans(value.get("spans"), f"{name}.spans")
            levels += 1
    if needs_levels and not levels:
        raise FieldError("(dimensions)", "no dimension with a level: not an analysed response")
    flags = record.get("flags")
    _check_type(flags, dict, "flags", "an object")
    for name, value in (flags or {}).items():
        if value is not None and not _is_number(value):
            raise FieldError(f"flags.{name}", f"must be a number (found {_kind(value)})")
    if record.get("style") is not None:
        _check_choice(record["style"], STYLES, "style", "a style carelens writes")
    seeker = record.get("seeker")
    _check_type(seeker, dict, "seeker", "an object")
    if seeker:
        distress = seeker.get("distress")
        _check_type(distress, dict, "seeker.distress", "an object")
        if distress:
            _check_level(distress.get("level"), "seeker.distress.level", optional=True)
        _check_spans(seeker.get("crisis_cues"), "seeker.crisis_cues", CUE_LABELS, "a cue label")
        _check_bool(seeker.get("needs_attention"), "seeker.needs_attention")
        _check_lines(seeker.get("resources"), "seeker.resources")
    helper = record.get("helper")
    _check_type(helper, dict, "helper", "an object")
    if helper:
        value = helper.get("distress")
        if value is not None and not _is_number(value):
            raise FieldError("helper.distress", f"must be a number (found {_kind(value)})")
        _check_bool(helper.get("distress_high"), "helper.distress_high")
        _check_spans(helper.get("spans"), "helper.spans")
    _check_spans(record.get("unsafe"), "unsafe", UNSAFE_KINDS, "an unsafe-wording label")
    _check_lines(record.get("feedback"), "feedback")
    _check_type(record.get("model"), str, "model", "a string")
    for name in TEXT_FIELDS:
        _check_type(record.get(name), str, name, "a string")


def _check_lines(value: object, field: str) -> None:
    """A list of strings (feedback, crisis resources), or null."""
    _check_type(value, list, field, "a list")
    lines: list[Any] = value if isinstance(value, list) else []
    for i, line in enumerate(lines):
        if not isinstance(line, str):
            raise FieldError(f"{field}[{i}]", f"must be a string (found {_kind(line)})")


#: What each cell converter reads, for messages.
_CONVERTED = {
    "_int": "a whole number",
    "float": "a number",
    "_json_list": "a JSON list",
    "_bool": "true or false",
}


def _converted(row: Mapping[str, Any], name: str, convert: Callable[[Any], Any]) -> Any:
    """``convert(row[name])``, or :class:`FieldError` naming the column."""
    if name not in row:
        raise FieldError(name, "the column is missing")
    try:
        return convert(row[name])
    except (ValueError, TypeError, OverflowError) as exc:
        value = row[name]
        found = "an empty cell" if value is None or value == "" else _kind(value)
        what = _CONVERTED.get(getattr(convert, "__name__", ""), "a value")
        raise FieldError(name, f"must be {what} (found {found})") from exc


def _int(value: Any) -> int:
    """An integer cell; ``2.0`` too (a CSV saved again by pandas writes integers with gaps
    as floats)."""
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            number = float(value)
            if not number.is_integer():
                raise
            return int(number)
    return int(value)


def _bool(value: Any) -> bool:
    """A true/false cell: a Parquet boolean, or the ``True`` / ``False`` carelens writes in
    CSV (any letter case, as spreadsheets save it, or ``1`` / ``0``)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _BOOL_CELLS:
        return _BOOL_CELLS[value.strip().lower()]
    raise ValueError("not true or false")


_BOOL_CELLS = {"true": True, "1": True, "false": False, "0": False}


def _json_list(value: Any) -> list[Any]:
    items = json.loads(value) if isinstance(value, str) else list(value or ())
    if not isinstance(items, list):
        raise ValueError("not a list")
    return items


def unflatten_row(row: Mapping[str, Any], dimensions: Sequence[str]) -> JsonDict:
    """The record of one flat row (CSV cells as strings, or typed Parquet values).

    A cell that cannot be converted raises :class:`FieldError` naming its column.
    """
    record: JsonDict = {name: row.get(name) if row.get(name) != "" else None for name in ID_FIELDS}
    for d in dimensions:
        record[d] = {
            "level": _converted(row, f"{d}_level", _int),
            "probabilities": [_converted(row, f"{d}_p{k}", float) for k in range(N_LEVELS)],
            "spans": _converted(row, f"{d}_spans", _json_list),
        }

    def cell(name: str) -> Any:
        value = row.get(name)
        return None if value is None or value == "" else value

    def listed(name: str) -> list[Any]:
        value = row.get(name)
        if isinstance(value, str) and value:
            return list(_converted(row, name, _json_list))
        return list(value or ())

    def number(name: str) -> float:
        return float(_converted(row, name, float))

    flags = {f: number(f"flag_{f}") for f in RESPONSE_FLAGS if cell(f"flag_{f}") is not None}
    if flags:
        record["flags"] = flags
    if cell("style") is not None:
        record["style"] = str(cell("style"))
    if cell("needs_attention") is not None:
        distress = cell("seeker_distress")
        cues = listed("crisis_cues")
        record["seeker"] = {
            "distress": None
            if distress is None
            else {
                "level": _converted(row, "seeker_distress", _int),
                "probabilities": [
                    _converted(row, f"seeker_distress_p{k}", float) for k in range(N_LEVELS)
                ],
                "spans": [],
            },
            "crisis_cues": cues,
            "needs_attention": _converted(row, "needs_attention", _bool),
            "resources": [],
        }
    if cell("helper_distress") is not None:
        record["helper"] = {
            "distress": number("helper_distress"),
            "distress_high": cell("helper_distress_high") is not None
            and _converted(row, "helper_distress_high", _bool),
            "spans": listed("helper_distress_spans"),
        }
    if cell("unsafe_reply") is not None:
        _converted(row, "unsafe_reply", _bool)
        record["unsafe"] = listed("unsafe_spans")
    elif "unsafe_reply" in row:  # a row of this layout that was not checked (an older
        record["unsafe"] = None  # layout, without the column, has no unsafe at all)
    feedback = listed("feedback")
    if feedback:
        record["feedback"] = feedback
    for name in TEXT_FIELDS:
        record[name] = row.get(name) or None  # readers never yield an empty text
    record["model"] = cell("model")
    return record


def parquet_schema(dimensions: Sequence[str]) -> Any:
    """The Arrow schema of a Parquet result file."""
    pa = require_pyarrow()
    span = pa.struct(
        [
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("label", pa.string()),
            ("score", pa.float64()),
            ("text", pa.string()),
        ]
    )
    fields = [(name, pa.string()) for name in ID_FIELDS]
    for d in dimensions:
        fields.append((f"{d}_level", pa.int8()))
        fields += [(f"{d}_p{k}", pa.float64()) for k in range(N_LEVELS)]
        fields.append((f"{d}_spans", pa.list_(span)))
    fields.append(("style", pa.string()))
    fields += [(f"flag_{f}", pa.float64()) for f in RESPONSE_FLAGS]
    fields.append(("seeker_distress", pa.int8()))
    fields += [(f"seeker_distress_p{k}", pa.float64()) for k in range(N_LEVELS)]
    fields.append(("needs_attention", pa.bool_()))
    fields.append(("crisis_cues", pa.list_(span)))
    fields.append(("helper_distress", pa.float64()))
    fields.append(("helper_distress_high", pa.bool_()))
    fields.append(("helper_distress_spans", pa.list_(span)))
    fields.append(("unsafe_reply", pa.bool_()))
    fields.append(("unsafe_spans", pa.list_(span)))
    fields.append(("feedback", pa.list_(pa.string())))
    fields += [(name, pa.string()) for name in TEXT_FIELDS]
    fields.append(("model", pa.string()))
    return pa.schema(fields)
