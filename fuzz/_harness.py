"""What every carelens fuzz target shares: the error policy, temp files, and the invariants.

A target hands the fuzzer's bytes to a public carelens function. Two outcomes are fine: the
call returns results that satisfy the invariants checked here, or it raises a
:class:`carelens.errors.CarelensError` (a deliberate, explained refusal). Anything else — any
other exception, or a broken invariant (:class:`Broken`) — is a finding.

By default a finding is raised, so libFuzzer stops and writes ``crash-<sha1>`` (plain atheris
behaviour, also what reproducing one input needs). When ``CARELENS_FUZZ_FINDINGS`` names a
folder (``run_all.py`` sets it), each *distinct* finding — exception type plus the innermost
carelens source line, or the invariant's name — is saved there once, as ``<target>-<key>.bin``
(the input) and ``.txt`` (the traceback), and the run goes on, so one bounded run reports every
distinct crash it meets instead of the first one only.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
import tempfile
import traceback
import xml.parsers.expat
from collections.abc import Callable, Sequence
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["carelens", "html.parser"]):
    from carelens.errors import CarelensError, InputError
    from carelens.readers import READERS, ReadContext, RejectLog, read_exchanges, read_turns
    from carelens.types import Exchange, Turn

logging.disable(logging.CRITICAL)  # readers log a summary per read; keep the fuzzer quiet

#: Formats whose files are threads of turns (every id once, exchanges paired by reply_to).
THREAD_FORMATS = ("convokit", "reddit", "wxr")
#: Per-input text limits, chosen from the input length so the ``text too long`` path is hit.
_LIMITS = (1_000_000, 200, 20)
#: A file the malicious-XML seeds reference as an external entity; its marker must never be
#: read into a turn.
XXE_SECRET = Path(tempfile.gettempdir()) / "carelens_fuzz_xxe_secret.txt"
XXE_MARKER = "CARELENS-XXE-MARKER-5f1d"

_WORK = Path(tempfile.mkdtemp(prefix="carelens-fuzz-"))


class Broken(AssertionError):
    """An invariant does not hold; ``key`` names it (one finding per key)."""

    def __init__(self, key: str, message: str) -> None:
        self.key = key
        super().__init__(f"{key}: {message}")


def check(condition: object, key: str, message: str = "") -> None:
    if not condition:
        raise Broken(key, message)


# --- running a target ------------------------------------------------------------------------


def _signature(exc: BaseException) -> str:
    if isinstance(exc, Broken):
        return f"invariant-{exc.key}"
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "carelens" in f.filename and "/fuzz/" not in f.filename]
    where = ours[-1] if ours else (frames[-1] if frames else None)
    loc = f"{Path(where.filename).name}:{where.lineno}" if where else "?"
    return f"{type(exc).__name__}-{loc}"


def run(name: str, test_one: Callable[[bytes], None], argv: Sequence[str] | None = None) -> None:
    """Start libFuzzer on ``test_one``; see the module docstring for how findings are kept."""
    findings = os.environ.get("CARELENS_FUZZ_FINDINGS") or None
    seen: set[str] = set()

    def guarded(data: bytes) -> None:
        try:
            test_one(data)
        except CarelensError:
            return  # a deliberate refusal, with a message: allowed
        except Exception as exc:
            if findings is None:
                raise
            key = _signature(exc)
            if key in seen:
                return
            seen.add(key)
            digest = hashlib.sha1(key.encode()).hexdigest()[:10]
            base = Path(findings) / f"{name}-{digest}"
            base.with_suffix(".bin").write_bytes(data)
            base.with_suffix(".txt").write_text(
                f"{key}\n\n{''.join(traceback.format_exception(exc))}", encoding="utf-8"
            )
            print(f"FINDING {name} {key}", file=sys.stderr, flush=True)

    XXE_SECRET.write_text(XXE_MARKER, encoding="utf-8")
    atheris.Setup(list(argv if argv is not None else sys.argv), guarded)
    atheris.Fuzz()


# --- reading a file --------------------------------------------------------------------------


def write_input(data: bytes, file_name: str, *, folder: bool = False) -> Path:
    """Write ``data`` to a fresh temp file (or a folder holding it) and return the path."""
    target = _WORK / "in"
    if target.exists():
        if target.is_dir():
            for child in target.iterdir():
                child.unlink()
            target.rmdir()
        else:
            target.unlink()
    if folder:
        target.mkdir()
        (target / file_name).write_bytes(data)
        return target
    target = _WORK / file_name
    target.write_bytes(data)
    return target


def limit_for(data: bytes) -> int:
    return _LIMITS[len(data) % len(_LIMITS)]


def check_turn(turn: object, where: str, max_chars: int | None) -> None:
    check(isinstance(turn, Turn), "turn-type", f"{where}: {type(turn).__name__}")
    assert isinstance(turn, Turn)
    check(isinstance(turn.id, str) and turn.id.strip(), "turn-id", f"{where}: {turn.id!r}")
    check(isinstance(turn.text, str) and turn.text.strip(), "turn-text", where)
    if max_chars is not None:
        check(len(turn.text) <= max_chars, "text-over-limit", f"{where}: {len(turn.text)}")
    for field in ("speaker", "conversation_id", "reply_to", "timestamp"):
        value = getattr(turn, field)
        check(value is None or isinstance(value, str), "turn-field-type", f"{where}: {field}")
    check(hasattr(turn.meta, "items"), "turn-meta", where)
    check(XXE_MARKER not in turn.text, "external-entity-read", where)


_ANY_LINE_END = re.compile(rb"\r\n|\r|\n")
_LF = re.compile(rb"\n")


def _physical_lines(data: bytes) -> list[bytes]:
    """The file's lines as the readers count them: the first line end decides, and after
    a lone CR every CR, LF and CRLF ends a line; otherwise only LF does."""
    first = _ANY_LINE_END.search(data)
    ends = _ANY_LINE_END if first is not None and first.group() == b"\r" else _LF
    lines = ends.split(data)
    if lines and lines[-1] == b"":
        lines.pop()
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    return lines


def read_all(
    path: Path,
    fmt: str,
    *,
    max_chars: int,
    column_map: dict[str, str] | None = None,
    plain: bytes | None = None,
) -> bool:
    """Read ``path`` three ways (reader, turns, exchanges) and check what comes back.

    ``plain`` is the file's decompressed content, when known, for the line-number and
    accounting checks. Returns False when carelens refused the file with an InputError.
    """
    # 1. The registered reader itself: records, their lines, the reject accounting.
    rejects = RejectLog(_WORK / "rejects.jsonl")
    try:
        with rejects:
            ctx = ReadContext(
                path=path, rejects=rejects, column_map=column_map or {}, max_chars=max_chars
            )
            records = list(READERS[fmt](ctx))
    except InputError:
        return False
    kinds = {type(r.item) for r in records}
    check(len(kinds) <= 1, "mixed-record-kinds", str(kinds))
    if fmt in THREAD_FORMATS:
        check(kinds <= {Turn}, "thread-gives-exchanges")
    thread = kinds == {Turn}  # a thread file (pairs give Exchanges); an empty one is either
    n_lines = None if plain is None else len(_physical_lines(plain))
    for record in records:
        items = [record.item] if isinstance(record.item, Turn) else []
        if isinstance(record.item, Exchange):
            items = [record.item.seeker, record.item.response]
            check(not record.item.context, "pair-with-context")
            check(record.item.response.reply_to == record.item.seeker.id, "pair-reply-to")
        for item in items:
            check_turn(item, f"line {record.line}", max_chars)
        if fmt == "wxr":
            check(record.line is None, "wxr-line")
        elif n_lines is not None:
            check(
                isinstance(record.line, int) and 1 <= record.line <= max(n_lines, 1),
                "record-line",
                f"{record.line} of {n_lines}",
            )
    if plain is not None and fmt in ("jsonl", "convokit", "reddit"):
        # One JSON Lines record per non-blank line: each is used, rejected or skipped.
        nonblank = sum(1 for line in _physical_lines(plain) if line.strip())
        accounted = len(records) + rejects.total + sum(rejects.skipped.values())
        check(
            accounted >= nonblank,
            "record-silently-dropped",
            f"{nonblank} records, {len(records)} read + {rejects.total} rejected "
            f"+ {sum(rejects.skipped.values())} skipped",
        )
    lines_read = (_WORK / "rejects.jsonl").read_text(encoding="utf-8").splitlines()
    check(len(lines_read) == rejects.total, "reject-file-count")

    # 2. read_turns: turns as read, ids unique within a conversation for thread formats.
    turns = list(
        read_turns(
            path, format=fmt, column_map=column_map, rejects=RejectLog(), max_chars=max_chars
        )
    )
    ids = [t.id for t in turns]
    keys = [(t.conversation_id, t.id) for t in turns]
    for turn in turns:
        check_turn(turn, "read_turns", max_chars)
    if thread:
        check(len(keys) == len(set(keys)), "duplicate-turn-ids")

    # 3. read_exchanges: every exchange made of read turns, replies paired with their parent.
    pair_rejects = RejectLog()
    exchanges = list(
        read_exchanges(
            path, format=fmt, column_map=column_map, rejects=pair_rejects, max_chars=max_chars
        )
    )
    known = set(ids)
    responses: list[tuple[str | None, str]] = []
    for ex in exchanges:
        check(isinstance(ex, Exchange), "exchange-type")
        for turn in (ex.seeker, *ex.context, ex.response):
            check_turn(turn, "read_exchanges", None)  # merged turns may exceed the limit
            check(turn.id in known, "exchange-id-not-read", turn.id)
        check(len(ex.context) <= 3, "context-depth")
        if thread:
            merged = list(ex.seeker.meta.get("merged_ids", ()))
            check(ex.response.reply_to in [ex.seeker.id, *merged], "reply-not-to-seeker")
            check(ex.response.id != ex.seeker.id, "self-reply")
            check(
                ex.response.conversation_id == ex.seeker.conversation_id,
                "reply-across-conversations",
            )
            responses.append((ex.response.conversation_id, ex.response.id))
        else:
            check(ex.response.reply_to == ex.seeker.id, "pair-reply-to")
    if thread:
        check(pair_rejects.total >= rejects.total, "pairing-lost-rejects")
        check(len(responses) == len(set(responses)), "response-paired-twice")
        check(len(exchanges) < max(len(turns), 1), "more-exchanges-than-replies")
    return True


# --- the XML oracle --------------------------------------------------------------------------


class _SawDoctype(Exception):
    pass


def expat_sees_doctype(data: bytes) -> bool:
    """True when expat itself would meet a DOCTYPE in ``data``, or in ``data`` from where the
    WXR reader starts parsing (after a UTF-8 BOM and leading blank lines, which expat alone
    refuses before ``<?xml``): stopped there, nothing expanded."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    stripped = data[start:].lstrip(b" \t\r\n")
    return _expat_sees_doctype(data) or (
        len(stripped) < len(data) - start and _expat_sees_doctype(stripped)
    )


def _expat_sees_doctype(data: bytes) -> bool:
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def saw(*_: object) -> None:
        raise _SawDoctype

    parser.StartDoctypeDeclHandler = saw
    parser.EntityDeclHandler = saw
    parser.DefaultHandler = lambda _data: None  # a default handler turns entity expansion off
    try:
        parser.Parse(data, True)
    except _SawDoctype:
        return True
    except (xml.parsers.expat.ExpatError, ValueError, UnicodeError, LookupError):
        return False
    return False
