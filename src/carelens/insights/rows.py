"""One analysed response as the insights see it: :class:`ResponseRow`, built from a record.

A result record (what ``carelens analyze`` writes, see :mod:`carelens.output.records`) is
reduced to what roll-ups, trends, strain signals and the report need: who answered (the
helper), where (the community), when (the month), the style headline, the level of every
dimension, the flags, seeker signals (the distress level with its probabilities, which
:class:`~carelens.insights.Insights` turns into one level per seeker message, see
:mod:`~carelens.insights.messages`) and unsafe wording, lengths, questions asked, the
helper's own personal-distress signal, the texts with their rationale spans for examples,
and where the record stands in the input (its ``position``: a response id is unique only
within a conversation or a file, a position within the whole input). Missing pieces stay
``None`` rather than being guessed: a record without texts has no lengths and no question
count (its helper-distress signal is the record's ``helper`` field, which ``analyze
--no-text`` keeps), a record of an older carelens without some dimensions has no level for
them (not level 0), and one without the unsafe-wording check has no ``unsafe_reply``. Names
and ids are strings whatever type the file gave them; helper and community names are
grouped as they look (Unicode NFC, surrounding spaces dropped; the default community of
records without one too, :func:`default_group`), a null speaker is no helper
(:data:`UNKNOWN`) and a speaker really called so is kept apart from it (:func:`group_name`).
Timestamps are read as :func:`parse_timestamp` says; a row keeps a timestamp it could not
read, as text (:attr:`ResponseRow.unread_timestamp`), so that the pages can tell a response
without a timestamp (null, blank, or a cell such as ``NaN``, ``NaT``, ``NULL``, ``NA``:
:func:`~carelens.timestamps.is_missing_text`) from one whose timestamp has a form carelens
does not read. A row's month counts in the monthly figures (:attr:`ResponseRow.trend_month`)
unless its date was set aside as far off from the rest (:attr:`ResponseRow.far_off`, which
:class:`~carelens.insights.Insights` sets, see :func:`~carelens.insights.trends.mark_far_off`).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from carelens.errors import InputError
from carelens.output.records import FieldError, check_result_record
from carelens.privacy import redact
from carelens.taxonomy import EMPATHY_PARTS, RESPONSE_DIMENSIONS
from carelens.text import name_key
from carelens.timestamps import is_missing_text, is_number_text, number_text, parse_timestamp
from carelens.types import N_LEVELS

#: Dimensions a row carries levels for: the model's, then the derived ``empathy``.
ROW_DIMENSIONS: tuple[str, ...] = (*RESPONSE_DIMENSIONS, "empathy")
#: The helper (or community) name used when a record names none.
UNKNOWN = "(unknown)"
#: A flag counts as shown when its probability reaches this.
FLAG_THRESHOLD = 0.5
#: An unreadable timestamp is kept up to this many characters (it is quoted, not read).
MAX_UNREAD_CHARS = 80

_WORD = re.compile(r"\w+(?:'\w+)?")
_QUESTION = re.compile(r"\?+")

#: Scores a response text for the helper's own distress: (score 1-7, high?, evidence spans).
DistressScorer = Callable[[str], tuple[float, bool, Sequence[Mapping[str, Any]]]]


@dataclass(frozen=True, slots=True)
class ResponseRow:
    """One analysed response, reduced to the fields the insights use."""

    response_id: str
    helper: str
    community: str
    style: str
    #: The level of each dimension the record has; a dimension it lacks (results of an
    #: older carelens, with only the EPITOME three) is absent: unknown, not level 0.
    levels: Mapping[str, int]
    seeker_id: str | None = None
    conversation_id: str | None = None
    seeker_speaker: str | None = None
    timestamp: datetime | None = None
    #: The record's timestamp as given (as text, at most :data:`MAX_UNREAD_CHARS`
    #: characters, personal data redacted) when there is one but it could not be read
    #: (:func:`parse_timestamp`: ``12/06/2026 3:04 PM``, a placeholder such as
    #: ``0001-01-01``); None when the record has no timestamp (null or blank) or it was read.
    unread_timestamp: str | None = None
    advice: bool = False
    self_focus: bool = False
    #: The seeker message's distress level: the record's, until
    #: :class:`~carelens.insights.Insights` gives every reply to one message the message's
    #: level (:mod:`~carelens.insights.messages`).
    seeker_distress: int | None = None
    #: The record's distress probabilities per level (that pair's reading), if it has them.
    seeker_distress_probabilities: tuple[float, ...] | None = None
    needs_attention: bool = False
    #: The response has words that urge self-harm or give method information (``unsafe``);
    #: None when the record was not checked for them (results of an older carelens).
    unsafe_reply: bool | None = False
    response_words: int | None = None
    seeker_words: int | None = None
    questions: int | None = None
    helper_distress: float | None = None
    helper_distress_high: bool = False
    response_text: str | None = None
    seeker_text: str | None = None
    #: Rationale spans per dimension (``start``, ``end``, ``label``, ``score`` dicts).
    spans: Mapping[str, tuple[Mapping[str, Any], ...]] = field(default_factory=dict)
    #: Evidence of the helper's own distress in the response (spans as above).
    distress_spans: tuple[Mapping[str, Any], ...] = ()
    #: The response's words that urge self-harm or give method information (offsets into
    #: ``response_text``, ``label`` ``urging`` or ``method``).
    unsafe_spans: tuple[Mapping[str, Any], ...] = ()
    #: The seeker message's crisis cues (offsets into ``seeker_text``, ``label``).
    crisis_cues: tuple[Mapping[str, Any], ...] = ()
    #: The id of the model that analysed the response (the record's ``model``), if given.
    model: str | None = None
    #: Where the record stands in the input as read (0-based): the key that tells responses
    #: apart, since a ``response_id`` may repeat (two files, or two threads whose message
    #: numbers restart, can both have a response ``2``). :class:`~carelens.insights.Insights`
    #: numbers its rows so; None for a row made by hand.
    position: int | None = None
    #: The timestamp lies far from the rest of its helper's or its community's responses (a
    #: mistyped year, most likely: :func:`~carelens.insights.trends.mark_far_off`, which
    #: :class:`~carelens.insights.Insights` applies): the response is set aside from the
    #: monthly figures, trends and strain signals, and counts in every other figure.
    far_off: bool = False

    #: ``YYYY-MM`` of the timestamp (UTC), or None without one; derived, not passed.
    month: str | None = field(init=False, default=None)
    #: The month the response counts in for the monthly figures, trends and strain signals:
    #: :attr:`month`, or None when the date is set aside (:attr:`far_off`); derived.
    trend_month: str | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if self.timestamp is not None:
            stamp = self.timestamp.astimezone(UTC)
            month = f"{stamp.year:04d}-{stamp.month:02d}"
            object.__setattr__(self, "month", month)
            object.__setattr__(self, "trend_month", None if self.far_off else month)


def _name(value: object) -> str | None:
    """A name or id as a string (numbers too); None for null or an empty string."""
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


_UNKNOWN_QUOTED = re.compile(r'("*)' + re.escape(UNKNOWN) + r'("*)')


def group_name(value: object) -> str | None:
    """A helper or community name as it is grouped and shown: Unicode NFC without the
    surrounding whitespace, so that names that look the same are one (``Zoë`` composed or
    decomposed, ``vol-1`` and ``vol-1 ``); None for null or blank.

    :data:`UNKNOWN` stands for "no name given", so a name from the data that reads so is
    quoted to stay apart from it: ``(unknown)`` is shown as ``"(unknown)"`` (and a name
    already quoted so gets one more pair of quotes, so no two names become one).
    """
    text = _name(value)
    if text is None:
        return None
    text = name_key(text)
    quoted = _UNKNOWN_QUOTED.fullmatch(text)
    if quoted is not None and len(quoted.group(1)) == len(quoted.group(2)):
        return f'"{text}"'
    return text


@functools.lru_cache(maxsize=16)
def default_group(name: str) -> str:
    """A default community (``--community NAME``, an input file's or a corpus's name) as the
    records' communities are grouped (:func:`group_name`), so that ``anxiety `` or a
    decomposed ``Zoë`` given as the default is one community with the records' ``anxiety``
    or ``Zoë``; :data:`UNKNOWN` as it is (it stands for no name), and a blank one is
    :data:`UNKNOWN`. Kept for the last few names: a default is one name for every record."""
    if name == UNKNOWN:
        return UNKNOWN
    return group_name(name) or UNKNOWN


def known_name(wanted: str, known: Container[str]) -> str:
    """The name of ``known`` (grouped names, as :func:`group_name` gives them) that a name
    someone typed stands for: ``wanted`` itself where it is one (:data:`UNKNOWN` among
    them), else the name it is grouped as (``Zoë`` decomposed, ``vol-1 ``, a speaker named
    ``(unknown)`` as stored); else ``wanted`` as it is (which the caller does not find)."""
    if wanted in known:
        return wanted
    grouped = group_name(wanted)
    return grouped if grouped is not None and grouped in known else wanted


def _spans(value: object) -> tuple[Mapping[str, Any], ...]:
    """The span objects of a list (anything else in it, or a non-list, is left out)."""
    if not isinstance(value, list | tuple):
        return ()
    return tuple(span for span in value if isinstance(span, Mapping))


def count_words(text: str | None) -> int | None:
    """Words in ``text`` (None without a text)."""
    return None if text is None else len(_WORD.findall(text))


def count_questions(text: str | None) -> int | None:
    """Questions asked in ``text``: runs of ``?`` (None without a text)."""
    return None if text is None else len(_QUESTION.findall(text))


def _unread(value: object, parsed: datetime | None) -> str | None:
    """``value`` as text when it is a timestamp that could not be read (``parsed`` is
    None), cut to :data:`MAX_UNREAD_CHARS` (a number to
    :data:`~carelens.timestamps.MAX_NUMBER_CHARS`, as the readers keep one); None for no
    timestamp (null, blank, or what an
    export writes for a missing value: ``NaN``, ``NaT``, ``NULL``, ``NA``, ``None``) or a
    read one. The pages quote it, with ``--anonymize`` or without, so any personal data in
    it (a column mapped as the timestamp by mistake) is redacted as in the texts (and with
    ``--anonymize`` speaker names too, :func:`~carelens.insights.anonymize.anonymize_row`)."""
    if parsed is not None or value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = number_text(value)  # an int of any size, as the readers keep one
    text = str(value).strip()
    if not text or is_missing_text(text):
        return None
    if is_number_text(text):
        text = number_text(text)  # a number longer than any time: its start
    text = redact(text)
    return text if len(text) <= MAX_UNREAD_CHARS else text[: MAX_UNREAD_CHARS - 1] + "\u2026"


def _probabilities(value: object) -> tuple[float, ...] | None:
    """Per-level probabilities: one number from 0 to 1 per level, else None (the result
    readers do not check probabilities; a row without usable ones keeps its own level)."""
    if not isinstance(value, list | tuple) or len(value) != N_LEVELS:
        return None
    if not all(isinstance(p, int | float) and not isinstance(p, bool) for p in value):
        return None
    found = tuple(float(p) for p in value)
    return found if all(math.isfinite(p) and 0.0 <= p <= 1.0 for p in found) else None


def _level(record: Mapping[str, Any], name: str) -> int | None:
    score = record.get(name)
    if isinstance(score, Mapping) and isinstance(score.get("level"), int):
        return int(score["level"])
    return None


def row_from_record(
    record: Mapping[str, Any],
    *,
    default_community: str = UNKNOWN,
    distress: DistressScorer | None = None,
    position: int | None = None,
    checked: bool = False,
) -> ResponseRow:
    """The :class:`ResponseRow` of one result record (``position``: where it stands in the
    input); a record without a community is in ``default_community``, grouped as a record's
    community is (:func:`default_group`).

    Dimensions the record lacks (results of an older carelens, with only the EPITOME three)
    have no level (they are unknown, left out of means and shares); the ``empathy`` level
    is the record's, or the strongest of its parts the record has. A record without
    ``unsafe`` was not checked for unsafe wording: ``unsafe_reply`` is None. The helper's own
    distress is the record's ``helper`` signal; for records without one (written with an
    older model, or by hand), ``distress`` scores the response text when there is one.
    A field of the wrong type (``flags`` that is not an object, a text that is not a
    string, a level outside 0-2...) is an :class:`~carelens.errors.InputError` naming the
    response and the field; with ``checked`` the record is taken as checked already (read by
    :func:`~carelens.output.read_results`, which checks every record, or analysed by
    carelens), so that it is not checked twice. A record without a ``response_id`` is read
    (the result-file readers refuse one; a stored record in the service may lack it).
    """
    if not checked:
        try:
            check_result_record(record, needs_levels=False, needs_id=False)
        except FieldError as exc:
            rid = record.get("response_id")
            where = f"response {rid!r}: " if isinstance(rid, str) else ""
            raise InputError(f"{where}{exc.why}", field=exc.field) from exc
    levels: dict[str, int] = {}
    for name in RESPONSE_DIMENSIONS:
        level = _level(record, name)
        if level is not None:
            levels[name] = level
    empathy = _level(record, "empathy")
    parts = [levels[name] for name in EMPATHY_PARTS if name in levels]
    if empathy is None and parts:
        empathy = max(parts)
    if empathy is not None:
        levels["empathy"] = empathy
    flags = record.get("flags") or {}
    seeker = record.get("seeker") or {}
    seeker_distress = seeker.get("distress") or {}
    distress_score = seeker_distress.get("level")
    response_text = record.get("response_text")
    seeker_text = record.get("seeker_text")
    helper_score: float | None = None
    helper_high = False
    distress_spans: tuple[Mapping[str, Any], ...] = ()
    helper = record.get("helper")
    if isinstance(helper, Mapping) and helper.get("distress") is not None:
        helper_score = float(helper["distress"])
        helper_high = bool(helper.get("distress_high"))
        distress_spans = tuple(helper.get("spans") or ())
    elif distress is not None and response_text:
        helper_score, helper_high, found = distress(response_text)
        distress_spans = tuple(found)
    timestamp = parse_timestamp(record.get("timestamp"))
    spans = {
        name: tuple(record[name].get("spans") or ())
        for name in ROW_DIMENSIONS
        if isinstance(record.get(name), Mapping)
    }
    return ResponseRow(
        response_id=str(record.get("response_id")),
        helper=group_name(record.get("speaker")) or UNKNOWN,
        community=group_name(record.get("community")) or default_group(default_community),
        style=_name(record.get("style")) or "other",
        levels=levels,
        seeker_id=_name(record.get("seeker_id")),
        conversation_id=_name(record.get("conversation_id")),
        seeker_speaker=_name(record.get("seeker_speaker")),
        timestamp=timestamp,
        unread_timestamp=_unread(record.get("timestamp"), timestamp),
        advice=float(flags.get("advice") or 0.0) >= FLAG_THRESHOLD,
        self_focus=float(flags.get("self_focus") or 0.0) >= FLAG_THRESHOLD,
        seeker_distress=int(distress_score) if isinstance(distress_score, int) else None,
        seeker_distress_probabilities=_probabilities(seeker_distress.get("probabilities")),
        needs_attention=bool(seeker.get("needs_attention")),
        unsafe_reply=None if record.get("unsafe") is None else bool(record["unsafe"]),
        response_words=count_words(response_text),
        seeker_words=count_words(seeker_text),
        questions=count_questions(response_text),
        helper_distress=helper_score,
        helper_distress_high=helper_high,
        response_text=response_text,
        seeker_text=seeker_text,
        spans=spans,
        distress_spans=distress_spans,
        unsafe_spans=_spans(record.get("unsafe")),
        crisis_cues=_spans(seeker.get("crisis_cues")),
        model=_name(record.get("model")),
        position=position,
    )
