"""Why an uploaded corpus failed, in words for the person who uploaded it.

The corpus job (:mod:`.jobs`) decides when a corpus fails; this module words why, with what
to do next. A corpus with no pair to analyse fails with a message that says why: no response
by the helpers (:func:`no_helper_response`), every record it holds rejected
(:func:`all_rejected`: the main reason, where it first happened as the corpus's rejects file
records it, and the right format as advice only when the reason says the file is not in its
format, :data:`FORMAT_REASONS` — to name in an upload again when the format was given, or in
``format`` when it was detected, :func:`detected_because`; the other reasons get their own
advice, :data:`REJECT_ADVICE`), some records rejected and the others answering none of each
other (:func:`some_rejected`: how many were read and rejected, counted as the command line
counts them), or no reject and no message that answers another (:func:`nothing_to_pair`).
A field that may name the message each answers is to be renamed ``reply_to`` in the file:
an upload takes no column map, so its messages never give the command line's advice to read
it with one.
A reader's error is reworded for an upload (:func:`unreadable`, :func:`for_upload`: no
column map) and names the file, line and field, not the server's paths. Every message is
stored, listed and logged through :func:`bounded`: redacted when the server redacts, and at
most :data:`MAX_ERROR_CHARS` characters.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from carelens.errors import InputError
from carelens.privacy import redact
from carelens.readers import (
    MAX_TEXT_CHARS,
    REPLIES_NEEDED,
    SUPPORTED_FORMATS,
    RejectLog,
    why_no_pairs,
)
from carelens.readers import rejects as reasons
from carelens.readers.api import RecordCount
from carelens.readers.layouts import speaker_fields
from carelens.readers.quoting import clip, quote
from carelens.types import MAX_ID_CHARS

#: The most characters of a failed corpus' ``error`` (stored, listed and logged): the readers
#: quote no data in their messages, and this bounds any message that still would.
MAX_ERROR_CHARS = 2000
#: The upload of a corpus to analyse is not on the server.
MISSING_UPLOAD = (
    "the uploaded file is missing from the server (the upload was interrupted or the file "
    "was removed); upload it again"
)

#: Reject reasons that say the file is not what its format reads (another format, binary
#: data, a cut-off file): the advice is to upload it with the right format.
FORMAT_REASONS = frozenset(
    {
        reasons.INVALID_UTF8,
        reasons.MALFORMED_JSON,
        reasons.NOT_AN_OBJECT,
        reasons.MALFORMED_CSV,
        reasons.WRONG_FIELD_COUNT,
        reasons.MALFORMED_XML,
        reasons.UNRECOGNISED_RECORD,
        reasons.TRUNCATED_FILE,
    }
)
#: What to do about the other reasons a record is rejected.
REJECT_ADVICE: dict[str, str] = {
    reasons.TEXT_TOO_LONG: f"a text may have at most {MAX_TEXT_CHARS:,} characters: shorten or "
    "split the longer ones",
    reasons.LINE_TOO_LONG: f"a line may hold a text of at most {MAX_TEXT_CHARS:,} characters: "
    "shorten or split the longer ones",
    reasons.ID_TOO_LONG: f"ids and names may have at most {MAX_ID_CHARS:,} characters: shorten "
    "them",
    reasons.MISSING_ID: "each record needs the fields of a supported layout (see Input formats "
    "in the README): check the field names",
    reasons.MISSING_TEXT: "each record needs the fields of a supported layout (see Input formats "
    "in the README): check the field names",
    reasons.INVALID_VALUE: "each id and text must be a text or a number: check those fields",
    reasons.UNKNOWN_PARENT: "a reply names a message the file does not hold: upload the file "
    "with the messages the replies answer",
    reasons.DUPLICATE_ID: "each message needs an id of its own within its conversation",
    reasons.REPLY_CYCLE: "the replies answer each other in a circle: check reply_to or parent_id",
}
#: A sentence of a reader's message that speaks of a column map, which uploads do not take.
_COLUMN_MAP = re.compile(r"\bcolumn map\b", re.IGNORECASE)
#: The end of :func:`~carelens.readers.why_no_pairs`'s reason that reads a field that may
#: name the message answered with a column map (``reply_to=inReplyTo``), which an upload takes
#: none of: its ``field`` (quoted) is named, to be renamed.
_COLUMN_MAP_HINT = re.compile(
    r"; its field (?P<field>.+?) may name the message each answers: read it as reply_to "
    r"with a column map \(reply_to=.*\)\Z",
    re.DOTALL,
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
#: The counts in a reject's detail ("1000001 characters > limit 1000000"), to write with commas.
_COUNTS = re.compile(r"\d{4,}(?= characters\b)|(?<=limit )\d{4,}")


def bounded(message: str, *, redacted: bool) -> str:
    """A failure message to store or log: redacted with ``redacted`` (the reason of an input
    error could quote the file), and cut to :data:`MAX_ERROR_CHARS` characters."""
    if redacted:
        if len(message) > 4 * MAX_ERROR_CHARS:
            # Redacting megabytes takes seconds; the word cut at the end is dropped too,
            # so that no part of an e-mail address or phone number escapes redaction.
            words = message[: 4 * MAX_ERROR_CHARS].rsplit(maxsplit=1)
            message = (words[0] if len(words) > 1 else "") + " …"
        message = redact(message)
    return clip(message, MAX_ERROR_CHARS)


def for_upload(reason: str) -> str:
    """A reader's ``reason`` worded for an upload: its advice to use a column map (the
    command line's ``--column-map``; an upload takes none) replaced, and what to do next."""
    sentences = _SENTENCES.split(reason.strip())
    kept = [s for s in sentences if not _COLUMN_MAP.search(s)]
    if len(kept) < len(sentences):
        kept.append(
            "Name the file's columns as one of these layouts does (an upload takes no "
            "column map; carelens analyze --column-map reads other names)."
        )
    text = " ".join(kept).rstrip().rstrip(".")
    if len(kept) > 1:
        return f"{text}. Fix the file and upload it again"
    return f"{text}; fix the file and upload it again"


def unreadable(name: str, exc: InputError) -> str:
    """Why the upload ``name`` could not be read: where (the file's name, the line and the
    field; not the server's paths) and the reader's reason worded for an upload."""
    where = ", ".join(
        [name]
        + ([f"line {exc.line}"] if exc.line is not None else [])
        + ([f"field {quote(exc.field)}"] if exc.field is not None else [])
    )
    return f"{where}: {for_upload(exc.reason)}"


def no_helper_response(left_out: int, patterns: tuple[str, ...]) -> str:
    """Why a corpus failed whose ``left_out`` responses are all by speakers that match none
    of the upload's helper ``patterns``."""
    named = ", ".join(quote(p) for p in patterns)
    return (
        f"nothing could be analysed: no response of the {left_out:,} read is by a "
        f"speaker that matches the helper patterns ({named}); check the helpers' names "
        f"as the file spells them ({speaker_fields()}) and upload it again"
    )


def _first_reject(rejects_path: Path, reason: str, *, redacted: bool = False) -> str:
    """Where the first reject for ``reason`` in the rejects file is, and its detail
    ("line 3, field 'text': 1,000,001 characters > limit 1,000,000"); "" when unknown. The
    rejects file holds no record text, nor does this. With ``redacted`` the detail is
    redacted before it is cut (cut first, an e-mail address or phone number at the cut
    would no longer be recognised)."""
    try:
        with rejects_path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue
                if isinstance(entry, dict) and entry.get("reason") == reason:
                    break
            else:
                return ""
    except OSError:
        return ""
    where = []
    if isinstance(entry.get("line"), int):
        where.append(f"line {entry['line']:,}")
    if isinstance(entry.get("field"), str):
        where.append(f"field {quote(entry['field'])}")
    detail = entry.get("detail")
    said = ""
    if isinstance(detail, str):
        said = clip(_COUNTS.sub(lambda m: f"{int(m[0]):,}", redact(detail) if redacted else detail))
    return ", ".join(where) + (f": {said}" if where and said else said)


def _where(rejects: RejectLog, rejects_path: Path, *, redacted: bool) -> str:
    """The main reason of ``rejects`` and where it first happened, as the parenthesis of a
    failure says it: "'malformed JSON': line 6: Expecting ',' delimiter", or "mostly 'wrong
    field count'; the first at line 2, …" when there are several."""
    reason = _main_reason(rejects)
    mostly = "" if len(rejects.counts) == 1 else "mostly "
    first = _first_reject(rejects_path, reason, redacted=redacted)
    at = f"; the first at {first}" if first and rejects.total > 1 else f": {first}" if first else ""
    return f"{mostly}{reason!r}{at}"


def _main_reason(rejects: RejectLog) -> str:
    return max(rejects.counts.items(), key=lambda kv: kv[1])[0]


#: File name endings that alone give a file its format when it is detected
#: (:func:`~carelens.readers.detect_format`; a ``.zst`` file whose first records are not
#: recognised is read as ``reddit``).
_FORMAT_BY_NAME = {".csv": "csv", ".tsv": "csv", ".parquet": "parquet", ".pq": "parquet"}


def detected_because(name: str, format: str) -> str:
    """Why detection reads the upload ``name`` as ``format``, for a failure's advice: "its
    name ends in .zst", or "its first lines look like jsonl"."""
    suffix = Path(name).suffix.lower()
    if _FORMAT_BY_NAME.get(suffix) == format or (suffix == ".zst" and format == "reddit"):
        return f"its name ends in {suffix}"
    return f"its first lines look like {format}"


def all_rejected(
    rejects: RejectLog,
    rejects_path: Path,
    format: str | None,
    *,
    detected: str | None = None,
    redacted: bool = False,
) -> str:
    """Why a corpus whose every record was rejected failed: the main reason, where it first
    happened (its detail redacted with ``redacted``, before it is cut), and what to do. When
    the reason says the file is not in its format, the advice is the right format: with or
    without ``format`` when the file was read as one given; named in ``format`` when
    detection gives the one it was read as (``detected`` says why,
    :func:`detected_because`), since without one the file would be read so again."""
    reason = _main_reason(rejects)
    which = "its only record was" if rejects.total == 1 else f"all {rejects.total:,} records were"
    where = _where(rejects, rejects_path, redacted=redacted)
    said = f"nothing could be analysed: {which} rejected ({where})"
    if reason in FORMAT_REASONS:
        if format is not None and detected is not None:
            others = ", ".join(f for f in SUPPORTED_FORMATS if f != format)
            return (
                f"{said}; it was read as {format} because {detected}: if it is not {format}, "
                f"upload it again with 'format' naming the right one ({others})"
            )
        return (
            f"{said}; is it really a {format or 'supported'} file? Upload it again with the "
            "right format, or without one to have it detected"
        )
    advice = REJECT_ADVICE.get(reason, "fix the file")
    return f"{said}; {advice}, and upload it again"


def _name_it_reply_to(field: str) -> str:
    """The advice, in an upload's terms, about a file's field ``field`` (quoted) that may
    name the message each answers: to rename it reply_to (the command line reads it with
    ``--column-map reply_to=FIELD``; an upload takes no column map, nor a form field for
    one)."""
    return (
        f"its field {field} may name the message each answers: name it reply_to (an upload "
        "takes no column map)"
    )


def some_rejected(
    rejects: RejectLog, rejects_path: Path, count: RecordCount, *, redacted: bool = False
) -> str:
    """Why a corpus failed some of whose records were rejected and whose others (``count``,
    :func:`~carelens.readers.api.count_records`) answer none of each other: how many were
    read and rejected, the main reason and where it first happened, a field that may name
    the message each answers (uploads take no column map: it is to be renamed), and what
    the file needs."""
    gave = "1 reject" if rejects.total == 1 else f"{rejects.total:,} rejects"
    hint = "" if count.reference is None else f"; {_name_it_reply_to(quote(count.reference))}"
    reason = _main_reason(rejects)
    fix = REJECT_ADVICE.get(
        reason, "fix the rejected record" if rejects.total == 1 else "fix the rejected records"
    )
    return (
        f"nothing could be analysed: the {count.read:,} records read gave {gave} "
        f"({_where(rejects, rejects_path, redacted=redacted)}) and no message left answers "
        f"another{hint}; {fix}, and upload it again; {REPLIES_NEEDED}"
    )


def nothing_to_pair(path: Path, format: str | None, skipped: dict[str, int]) -> str:
    """Why a corpus that read without a reject gave no pair to analyse
    (:func:`~carelens.readers.why_no_pairs`), with what the file needs: a field that may
    name the message each answers is to be renamed, not read with a column map as the
    reader's reason says (:func:`_name_it_reply_to`)."""
    reason = why_no_pairs(path, format=format, skipped=skipped)
    if skipped:
        return (
            f"nothing could be analysed: {reason}; upload a file with replies to messages "
            "that are still there"
        )
    hint = _COLUMN_MAP_HINT.search(reason)
    if hint is None:
        return (
            f"nothing could be analysed: {reason}, so there is nothing to analyse; {REPLIES_NEEDED}"
        )
    return (
        f"nothing could be analysed: {reason[: hint.start()]}, so there is nothing to "
        f"analyse; {_name_it_reply_to(hint['field'])} and upload it again; {REPLIES_NEEDED}"
    )


def internal_error(exc: BaseException) -> str:
    """Why a corpus failed on an error carelens did not expect (a bug): logged in full, the
    stored message names only its type."""
    return f"internal error ({type(exc).__name__}) while analysing; see the server log"


def not_analysed(exc: BaseException) -> str:
    """Why a corpus failed on a carelens error that is not the file's (a store that refuses
    a record, say): the message names its type; the server log has the rest."""
    return (
        f"the server could not analyse this corpus ({type(exc).__name__}); see the "
        "server log, then upload it again"
    )
