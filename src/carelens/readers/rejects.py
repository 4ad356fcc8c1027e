"""The reject log: where bad input records go instead of stopping the run.

A reader that meets a record it cannot use (malformed JSON, a CSV row with the wrong field
count, undecodable bytes, missing text, an unknown parent, a duplicate id, an over-long
text or id, a physical line too long to read, a compressed file that ends early) calls
:meth:`RejectLog.add` and carries on. The log counts rejects per reason and, when given a
path, writes one JSON object per reject — ``path``, ``line``, ``field``, ``reason`` and an
optional ``detail`` — to a JSON Lines file (a file name that is not UTF-8 written with each
undecodable byte as ``\\xNN``, :func:`shown_path`). The record's text is never written, because
conversation text is sensitive; a detail may name what locates the record (its id, the id it
replies to, a key), quoted and cut to a few dozen characters
(:func:`~carelens.readers.quoting.quote`, which never cuts inside an e-mail address, phone
number or other personal data). With ``redact=True`` (``--redact``) each detail passes
through :func:`carelens.privacy.redact` before it is written
(:func:`redacted_entry`). The file lists at most the first :data:`MAX_LISTED` rejects of a
log (a few KB of compressed input can hold millions of bad lines); the rest are counted
only, and closing the log writes one last line that says how many, per reason
(:func:`not_listed_entry`). Items that are left out on purpose (deleted or removed Reddit
texts, spam comments) are not errors: :meth:`RejectLog.skip` counts them separately. A
rejects file that cannot be written (a full disk, ``/dev/full``) is a
:class:`RejectsWriteError` naming it, never a bare OSError; one met while the log closes on
an earlier error is only logged, so that error is the one raised.
"""

from __future__ import annotations

import json
import logging
import os
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import IO

from carelens.errors import InputError
from carelens.privacy import redact as redact_text

logger = logging.getLogger(__name__)

# Reject reasons used by the readers (stable strings: they are the keys of ``counts``).
INVALID_UTF8 = "invalid UTF-8"
MALFORMED_JSON = "malformed JSON"
NOT_AN_OBJECT = "not a JSON object"
MALFORMED_CSV = "malformed CSV row"
WRONG_FIELD_COUNT = "wrong field count"
MALFORMED_XML = "malformed XML"
MISSING_ID = "missing id"
MISSING_TEXT = "missing text"
INVALID_VALUE = "invalid field value"
TEXT_TOO_LONG = "text too long"
ID_TOO_LONG = "id too long"
LINE_TOO_LONG = "line too long"
UNKNOWN_PARENT = "unknown parent"
DUPLICATE_ID = "duplicate id"
REPLY_CYCLE = "reply cycle"
UNRECOGNISED_RECORD = "unrecognised record"
TRUNCATED_FILE = "truncated file"

#: The most rejects a log lists in its file; the others are counted only.
MAX_LISTED = 100_000
#: The ``reason`` of the last line of a file that could not list every reject.
NOT_LISTED = "rejects not listed"


def shown_path(path: str | os.PathLike[str]) -> str:
    """``path`` as a rejects file (or any UTF-8 text) can hold it: as it is, unless the name
    is not UTF-8 (a byte such as ``\\xe9`` of a Latin-1 name, which Python reads as the lone
    surrogate ``\\udce9``, and no UTF-8 writer can write): then each such byte reads
    ``\\xNN`` (``caf\\xe9.csv``)."""
    name = os.fspath(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:  # the bytes of the name, as the file system gave them to Python
            raw = name.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a surrogate no byte stands for: "\\ud800"
            return name.encode("utf-8", "backslashreplace").decode("utf-8")
        return raw.decode("utf-8", "backslashreplace")
    return name


def reject_entry(
    path: str | os.PathLike[str],
    line: int | None,
    field: str | None,
    reason: str,
    *,
    detail: str | None = None,
    redact: bool = False,
) -> dict[str, object]:
    """One reject as written to a rejects file (never the record's text; the path as
    :func:`shown_path` writes it); with ``redact``, its detail redacted
    (:func:`redacted_entry`)."""
    entry: dict[str, object] = {
        "path": shown_path(path),
        "line": line,
        "field": field,
        "reason": reason,
    }
    if detail is not None:
        entry["detail"] = detail
    return redacted_entry(entry) if redact else entry


def redacted_entry(entry: Mapping[str, object]) -> dict[str, object]:
    """``entry`` with its ``detail`` (which may quote an id or a key of the record) passed
    through :func:`carelens.privacy.redact`, as ``--redact`` asks of everything written.
    The path, field and reason are the user's file and carelens's own words, kept as they
    are."""
    out = dict(entry)
    detail = out.get("detail")
    if isinstance(detail, str):
        out["detail"] = redact_text(detail)
    return out


def not_listed_entry(counts: Mapping[str, int], listed: int) -> dict[str, object]:
    """The last line of a rejects file that lists only its first ``listed`` rejects:
    ``reason`` :data:`NOT_LISTED`, a ``detail`` in words, and ``not_listed``, the rejects
    left out per reason (most first)."""
    ordered = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    more = sum(ordered.values())
    noun = "reject was" if more == 1 else "rejects were"
    return {
        "path": None,
        "line": None,
        "field": None,
        "reason": NOT_LISTED,
        "detail": f"{more:,} more {noun} counted but not listed: a rejects file lists the "
        f"first {listed:,}",
        "not_listed": ordered,
    }


class RejectsWriteError(InputError):
    """The rejects file could not be written (a full disk, ``/dev/full``, no permission):
    ``path`` names it, ``cause`` says why in words
    (:func:`~carelens.output.paths.failure_cause`). A command adds what it keeps."""

    cause: str = ""


def _write_error(path: Path | None, exc: OSError) -> RejectsWriteError:
    """``exc``, raised while the rejects file ``path`` was written, as a
    :class:`RejectsWriteError` naming the file and the cause in words."""
    from carelens.output.paths import failure_cause  # carelens.output reads through here

    cause = failure_cause(exc)
    error = RejectsWriteError(
        f"cannot write it: {cause}", path=None if path is None else shown_path(path)
    )
    error.cause = cause
    return error


class RejectLog:
    """Counts rejected and skipped input records; optionally writes rejects as JSON Lines.

    Use it as a context manager (or call :meth:`close`) when it writes to a file. One log may
    be shared by several reads; ``path`` in each entry says which file a reject came from.
    With ``redact`` (an attribute too, read at each reject: ``analyze_file(redact=True)``
    sets it), every detail is redacted (:func:`redacted_entry`). The file lists the first
    ``max_listed`` rejects (:data:`MAX_LISTED`); :meth:`close` then adds one line counting
    the others (:func:`not_listed_entry`). :attr:`counts` and :attr:`total` count them all.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        redact: bool = False,
        max_listed: int = MAX_LISTED,
    ) -> None:
        if max_listed < 0:
            raise ValueError(f"max_listed must be 0 or more, not {max_listed}")
        self.path = Path(path) if path is not None else None
        self.redact = redact
        self.max_listed = max_listed
        self._counts: Counter[str] = Counter()
        self._skipped: Counter[str] = Counter()
        self._listed = 0
        #: Rejects counted but not written, per reason.
        self._unlisted: Counter[str] = Counter()
        self._fh: IO[str] | None = None
        if self.path is not None:
            self._fh = self.path.open("w", encoding="utf-8", newline="\n")

    def add(
        self,
        path: str | os.PathLike[str],
        line: int | None,
        field: str | None,
        reason: str,
        *,
        detail: str | None = None,
    ) -> None:
        """Record one rejected record. ``detail`` must never contain record text (an id,
        quoted, may locate it; see the module docstring)."""
        self._counts[reason] += 1
        logger.debug("rejected %s line %s field %s: %s", path, line, field, reason)
        if self._fh is None:
            return
        if self._listed >= self.max_listed:
            self._unlisted[reason] += 1
            return
        self._listed += 1
        entry = reject_entry(path, line, field, reason, detail=detail, redact=self.redact)
        try:
            self._fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        except OSError as exc:  # a full disk, /dev/full: said with the file's name
            raise _write_error(self.path, exc) from exc

    def skip(self, reason: str, n: int = 1) -> None:
        """Count ``n`` items left out on purpose (deleted, removed, spam...)."""
        self._skipped[reason] += n

    @property
    def counts(self) -> dict[str, int]:
        """Rejects per reason."""
        return dict(self._counts)

    @property
    def skipped(self) -> dict[str, int]:
        """Skipped (not rejected) items per reason."""
        return dict(self._skipped)

    @property
    def total(self) -> int:
        """Total number of rejects (skipped items not included)."""
        return sum(self._counts.values())

    @property
    def not_listed(self) -> int:
        """Rejects counted but not written to the file (past ``max_listed``)."""
        return sum(self._unlisted.values())

    def close(self) -> None:
        """Close the rejects file, if any, after the line counting the rejects it does not
        list (when there are any); a :class:`RejectsWriteError` naming the file when what
        is left to write cannot be written. Counting still works afterwards."""
        fh, self._fh = self._fh, None
        if fh is None:
            return
        try:
            try:
                if self._unlisted:
                    entry = not_listed_entry(self._unlisted, self._listed)
                    fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
            finally:
                fh.close()  # closed even when its last write fails
        except OSError as exc:
            raise _write_error(self.path, exc) from exc

    def __enter__(self) -> RejectLog:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            self.close()
            return
        # The block failed already (often on the same full disk): that first error is the
        # one shown; the rejects file's own is only logged.
        try:
            self.close()
        except RejectsWriteError as second:
            logger.debug("while stopping on an earlier error: %s", second)

    def __repr__(self) -> str:
        skipped = sum(self._skipped.values())
        return (
            f"RejectLog(path={self.path!s}, total={self.total}, skipped={skipped}, "
            f"redact={self.redact})"
        )
