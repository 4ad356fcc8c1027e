"""CSV/TSV reader: EPITOME or generic seeker/response pairs, or a thread of messages.

The delimiter is a tab for ``.tsv`` files, otherwise the most frequent of ``, \\t ; |`` in
the header line; when every one in the header is followed by a space (a file written with
``", "``), that space is no part of any cell (``m1, t1`` reads ``m1`` and ``t1``; a quoted
cell may follow it). The header decides the layout (after the column map renames columns):
``sp_id, rp_id, seeker_post, response_post`` (EPITOME; each row is an Exchange) or
``seeker_id, response_id, seeker, response`` (generic pairs), both with the optional columns
of :class:`~carelens.readers.layouts.PairLayout` (``speaker``/``author`` for the helper,
``seeker_speaker``/``seeker_author``, ``timestamp``, ``conversation_id``/``thread_id``) and
every other column kept as a string in ``response.meta`` (``community`` among them), or
``message_id, parent_id, text`` plus optional ``thread_id, author, timestamp`` (a thread,
read as turns for pairing). A column name is matched exactly first; a layout's field that no
column names exactly is read from the one column that spells it in another case or with
spaces or ``-`` for ``_`` (``SP_ID``, ``Seeker Post``; :func:`loose_names`), never when two
columns do. A header that fits none is a whole-file
:class:`~carelens.errors.InputError`; it lists the header's column names only when they look
like column names (:func:`~carelens.readers.quoting.describe_columns`), so a file that is not
CSV at all (a JSON array named ``.csv``) never has its texts quoted in the error. A header
without a column the column map reads a field from is one too (a misspelt column would
leave that field unread). Blank lines before the header are passed over, and so is a
spreadsheet's row of empty cells (``,,,``) anywhere; a header that looks like a title row
says that the header must be the first non-blank line. Rows are read from bytes decoded line
by line, so quoted newlines, huge fields, and bad bytes in one record are all handled per
record (a row with bytes that are not UTF-8 is rejected naming the column they are in, and,
when they read as Windows-1252, saying to save the file as UTF-8: the file is never decoded
by guess). A TSV file is parsed strictly, and a record that fails so but whose first line
splits at its tabs into one cell per column is read as written: a text such as ``"Fine" is
what I say`` keeps its quotes (one that ends with a quote before its tab is still read as a
quoted field); the line in a reject is the physical line where the record starts. A record
that parses only by running a quoted field over lines that each split at their tabs into a
row (:func:`~carelens.readers.tsv_quotes.rows_joined`) is a guess either way: in a file
written without quoting (a chat export), a text that begins with a lone quote (``"quote
without end``) runs on to a later text that ends with one, joining the rows between into one
field; in a file quoted as CSV, a text may hold a pasted table whose lines split like rows.
Such a record is read as written (its first line a row, the lines after it rows), as one
whose quote never closes is: where the quote opens a field before its first line's last,
the quoted reading would swallow that line's tabs and join the cells after the closing
quote to it. Where it opens the last field, both readings keep whole rows, and the quoted
one is taken only where CSV quoting shows: a record before it showed it (a quoted field over
lines, around a tab or holding a doubled quote; every cell quoted), or the field itself
holds a doubled quote and no record before it showed a bare quote (one CSV quoting would have
quoted: ``5" tall``) (:class:`~carelens.readers.tsv_quotes.QuoteGuesses`). One warning per
file and reading counts such records and names the first ones' lines and field (a quoted
field over lines that are not all rows is read as quoted, no guess). Reading raises the csv
module's process-wide field size limit (to 2**31 - 1) so that huge text fields parse; the
``max_chars`` limit then rejects texts that are too long, record by record. A physical line
over the line limit (:func:`~carelens.readers.base.line_limit`) is never read whole: the
record holding it is rejected as ``line too long``, and the csv parser is given a stand-in
line with the same quoting parity, so the records after it parse as before. A malformed
record of several physical lines (a wrong field count, a parser error, or a quote still open
at the end of the file) is most likely an unclosed quote that swallowed the rows after it:
only its first line is rejected, and the lines after it are parsed again, so those rows are
read rather than lost (the lines of the record are held in memory until it is parsed). A
carriage return that ends no line (a lone CR, in a file whose lines end in LF or CRLF) in a
field that is not quoted is rejected as malformed, naming the field it is in and saying to
quote the field or remove the CR, in place of the parser's own words.
"""

from __future__ import annotations

import csv
import functools
import itertools
import logging
import re
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence

from carelens.errors import InputError
from carelens.readers import rejects as R
from carelens.readers.base import (
    LongLine,
    ReadContext,
    Record,
    check_mapped_columns,
    iter_raw_lines,
    mapped_names,
)
from carelens.readers.layouts import (
    CSV_THREAD,
    CSV_THREAD_REQUIRED,
    PAIR_LAYOUTS,
    PairLayout,
    build_exchange,
    build_turn,
)
from carelens.readers.quoting import MAX_LISTED_NAMES, clip, describe_columns, quote
from carelens.readers.tsv_quotes import QuoteGuesses, quoting_shown
from carelens.types import COMMUNITY_KEYS

logger = logging.getLogger(__name__)

_DELIMITERS = (",", "\t", ";", "|")
_FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)
#: A byte that is not UTF-8, as ``surrogateescape`` decodes it.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def allow_large_csv_fields() -> None:
    """Raise the csv module's process-wide field size limit to 2**31 - 1 (never lower it)."""
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)


def sniff_delimiter(header: str, *, tsv: bool = False) -> str:
    """Tab for TSV files, else the most frequent candidate delimiter in the header line."""
    if tsv:
        return "\t"
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def read_csv(ctx: ReadContext) -> Iterator[Record]:
    """Read a CSV/TSV file of pairs or thread messages; see the module docstring."""
    allow_large_csv_fields()
    lines = iter_raw_lines(
        ctx.path, max_line_bytes=ctx.max_line_bytes, on_truncated=ctx.reject_truncation
    )
    first = next(lines, None)
    while first is not None and isinstance(first[1], bytes) and blank_row(first[1]):
        first = next(lines, None)  # blank lines (or a spreadsheet's ``,,,``) before the header
    if first is None:
        logger.warning("%s is empty: no header, no records", ctx.path)
        return
    header_line = first[0]
    if isinstance(first[1], LongLine):
        raise InputError(
            f"the header line is too long ({first[1].detail()}); is this a CSV file?",
            path=str(ctx.path),
            line=header_line,
        )
    try:
        header_text = first[1].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            "the header line is not valid UTF-8; save the file as UTF-8 and retry",
            path=str(ctx.path),
            line=header_line,
        ) from exc
    delimiter = sniff_delimiter(header_text, tsv=ctx.path.suffix.lower() == ".tsv")
    bad_lines: set[int] = set()
    long_lines: dict[int, LongLine] = {}

    def numbered_lines() -> Iterator[tuple[int, str]]:
        for number, raw in lines:
            if isinstance(raw, LongLine):
                # A stand-in that leaves the parser in the quoting state the line would have.
                long_lines[number] = raw
                yield number, '"\n' if raw.quotes % 2 else "\n"
                continue
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError:
                bad_lines.add(number)
                # Each bad byte a stand-in of its own (U+DC80..U+DCFF), found in its cell
                # once the row is parsed: the reject names that cell's column.
                yield number, raw.decode("utf-8", "surrogateescape")

    file_lines = numbered_lines()
    ended = False  # the file's lines have all been given to the parser
    #: Lines to parse again (those after the first line of a runaway record), then the file's.
    replay: deque[tuple[int, str]] = deque()
    #: The physical lines the record being parsed was read from.
    taken: list[tuple[int, str]] = []

    def feed() -> Iterator[str]:
        nonlocal ended
        while True:
            item = replay.popleft() if replay else next(file_lines, None)
            if item is None:
                ended = True
                return
            taken.append(item)
            yield item[1]

    # In a TSV file a text may begin with a quote its writer never meant as CSV quoting
    # (``"Fine" is what I say``): parsed strictly, such a record fails and is read as it
    # stands instead (:meth:`~carelens.readers.tsv_quotes.QuoteGuesses.literal_row`).
    tsv = delimiter == "\t"
    # A file written with ", " (every separator in the header followed by a space): the
    # space after each separator is no part of the cell, and a quoted cell may follow it.
    spaced = not tsv and header_text.count(delimiter) == header_text.count(delimiter + " ") > 0
    parse = functools.partial(csv.reader, delimiter=delimiter, strict=tsv, skipinitialspace=spaced)
    reader = parse(itertools.chain([header_text], feed()))
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InputError(
            f"cannot parse the header line: {exc}", path=str(ctx.path), line=header_line
        ) from exc
    except StopIteration:
        return
    try:
        layout, names = read_header(ctx, header, line=header_line)
    except InputError as exc:
        if exc.line is not None or not _title_like(header):
            raise
        # A title row above the header: say which line was read as the header.
        raise InputError(
            f"{exc.reason} The header must be the first non-blank line; line {header_line} "
            "was read as the header.",
            path=exc.path,
            line=header_line,
        ) from exc

    legacy_rows = 0  # rows rejected for bytes that look like Windows-1252
    guesses = QuoteGuesses()
    if tsv:  # a header written with every name quoted shows CSV quoting too
        guesses.shown(quoting=quoting_shown([(header_line, header_text)], names))
    while True:
        taken.clear()
        error = ""
        try:
            row: list[str] | None = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row, error = None, str(exc)
        if not taken:
            break
        start, end = taken[0][0], taken[-1][0]
        if _reject_long(ctx, long_lines, start, end):
            bad_lines.difference_update([n for n in bad_lines if n <= end])
            continue
        runaway = _runaway(row, error, names, taken, ended=ended and not replay)
        literal = guesses.literal_row(taken, names, malformed=runaway is not None) if tsv else None
        if literal is not None:
            # Its first line, split at tabs, is the row; any lines after it are read again.
            if end > start:
                replay.extend(taken[1:])
                del taken[1:]
                reader = parse(feed())
            row, end, runaway = literal, start, None
        if runaway is not None:
            reason, detail = runaway
            # A carriage return in a field that is not quoted: the field it is in, if known.
            field = _lone_cr_field(taken, names, parse) if detail == LONE_CR_DETAIL else None
            if end > start:
                # Most likely an unclosed quote that swallowed the lines after it: only its
                # first line is rejected, and the others are parsed again as records.
                detail += f" (a quoted field ran on to line {end}; lines after {start} read again)"
                replay.extend(taken[1:])
                reader = parse(feed())
            bad_lines.discard(start)
            ctx.reject(start, field, reason, detail)
            continue
        if bad_lines:
            hit = any(start <= n <= end for n in bad_lines)
            bad_lines.difference_update([n for n in bad_lines if n <= end])
            if hit:
                raw = [text for _, text in taken]
                legacy_rows += _reject_bad_bytes(ctx, start, row, names, layout, raw)
                continue
        if row is None or len(row) != len(names) or blank_cells(row):
            continue  # a blank line, or a spreadsheet's row of empty cells (``,,,``)
        record = dict(zip(names, row, strict=True))
        if isinstance(layout, PairLayout):
            exchange = build_exchange(ctx, start, record, layout)
            if exchange is not None:
                yield Record(start, exchange)
        else:
            turn = build_turn(ctx, start, record, CSV_THREAD)
            if turn is not None:
                yield Record(start, turn)
    if legacy_rows:
        rows = "1 row was" if legacy_rows == 1 else f"{legacy_rows:,} rows were"
        logger.warning(
            "%s: %s rejected for bytes that are not UTF-8; %s", ctx.path, rows, CP1252_HINT
        )
    guesses.warn(ctx, logger)


#: What a row rejected for bytes typical of Windows-1252 is told (in its detail, and once
#: per file in a warning): carelens reads UTF-8 only, and never guesses another encoding.
CP1252_HINT = (
    "the file looks like Windows-1252 (Excel's 'CSV (Comma delimited)'): save it as "
    "'CSV UTF-8' and run again"
)


def _title_like(header: list[str]) -> bool:
    """Whether a header that fits no layout looks like a title row instead: at most two
    short filled cells ("Export from HelpDesk - 2024-05-01,,,"), none of which names a column
    of any layout (in any case or spacing); not a JSON value, binary data or one huge cell,
    which the error already tells apart."""
    cells = [re.sub(r"[\s_-]+", "_", h.strip()).casefold() for h in header if h.strip()]
    known = {*CSV_THREAD.columns, *(c for p in PAIR_LAYOUTS for c in (*p.columns, *p.optional))}
    if any(cell.startswith(("[", "{")) for cell in cells[:1]):
        return False
    if sum(len(cell) for cell in cells) > 300 or any("\x00" in cell for cell in cells):
        return False  # no title: a line of binary data, or one huge cell
    return len(cells) <= 2 and not known.intersection(cells)


def blank_row(line: bytes) -> bool:
    """Whether a line holds nothing but whitespace and delimiters (a spreadsheet's ``,,,``):
    no header and no record, in a conversation file or a result file."""
    return not line.strip(b" \t\r\n,;|")


def blank_cells(row: Sequence[str]) -> bool:
    """Whether the cells of a parsed row are all empty or whitespace (a blank line, or a
    spreadsheet's row of empty cells): :func:`blank_row` as parsed."""
    return not any(cell.strip() for cell in row)


def _looks_cp1252(lines: list[str]) -> bool:
    """Whether the bytes that are not UTF-8 in ``lines`` (decoded with ``surrogateescape``)
    read as Windows-1252 text: every such byte one that code page defines (smart quotes,
    dashes and the ellipsis at 0x80-0x9F, accented letters above)."""
    raw = "".join(lines).encode("utf-8", "surrogateescape")
    if b"\x00" in raw:
        return False  # UTF-16 or binary, not a code page
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _runaway(
    row: list[str] | None,
    error: str,
    names: list[str],
    taken: list[tuple[int, str]],
    *,
    ended: bool,
) -> tuple[str, str] | None:
    """Why the record parsed from the ``taken`` lines is malformed (reason, detail), or None:
    the parser's ``error`` (``row`` None), a wrong field count (a blank line is no record,
    not an error), or a quoted field still open at the end of the file (an odd number of
    quotes in a record of several lines that the file's end closed)."""
    if row is None:
        return R.MALFORMED_CSV, _parser_error_detail(error)
    if len(row) != len(names) and any(cell.strip() for cell in row):
        return R.WRONG_FIELD_COUNT, f"expected {len(names)} fields, found {len(row)}"
    if ended and len(taken) > 1 and sum(text.count('"') for _, text in taken) % 2:
        return R.MALFORMED_CSV, "a quoted field is not closed before the end of the file"
    return None


#: The csv module's error for a carriage return (not before a line feed) in a field that
#: is not quoted; it goes on to ask about "universal-newline mode", which a user of carelens
#: cannot set.
_CSV_LONE_CR = "new-line character seen in unquoted field"
#: The detail of a record rejected for it, in words the user can act on.
LONE_CR_DETAIL = (
    "a carriage return (\\r) inside a field that is not in quotes: quote the field or remove "
    "the \\r"
)
#: A carriage return that ends no line (not followed by a line feed or the end of the text).
_LONE_CR = re.compile(r"\r(?!\n|\Z)")
#: Two characters, private-use ones (no delimiter, quote or line end), that
#: :func:`_lone_cr_field` reads a lone carriage return as, one and then the other.
_LONE_CR_MARKS = ("\ue000", "\ue001")


def _parser_error_detail(error: str) -> str:
    """The detail of a record the csv parser refused: its error, or :data:`LONE_CR_DETAIL`
    in place of the one about a carriage return in a field that is not quoted."""
    return LONE_CR_DETAIL if _CSV_LONE_CR in error else error


def _lone_cr_field(
    taken: list[tuple[int, str]],
    names: list[str],
    parse: Callable[[Iterable[str]], Iterator[list[str]]],
) -> str | None:
    """The column of the first field that holds a carriage return not in quotes, in the
    record parsed from the ``taken`` lines: the lines parsed again twice, each such carriage
    return read as one character of :data:`_LONE_CR_MARKS`, then as the other; the first
    field whose text differs between the two holds one, whatever characters the record holds
    itself (all the private-use ones too). None when the row still does not fit the header."""
    rows: list[list[str]] = []
    for mark in _LONE_CR_MARKS:
        try:
            row = next(parse(_LONE_CR.sub(mark, line) for _, line in taken), None)
        except csv.Error:
            return None
        if row is None or len(row) != len(names):
            return None
        rows.append(row)
    first, second = rows
    return next(
        (name for name, one, other in zip(names, first, second, strict=True) if one != other),
        None,
    )


def _reject_bad_bytes(
    ctx: ReadContext,
    line: int,
    row: list[str] | None,
    names: list[str],
    layout: PairLayout | None,
    lines: list[str],
) -> int:
    """Reject the row starting on ``line`` that holds bytes that are not UTF-8, naming the
    first column they are in (and the byte), and :data:`CP1252_HINT` when the row's
    ``lines`` read as Windows-1252; a pair's context is told its response id first
    (:meth:`~carelens.readers.base.ReadContext.pair_record`; None when the bad byte is in
    it), so the row's place in a split can still be told. Returns 1 when the hint was
    given, else 0."""
    legacy = _looks_cp1252(lines)
    hint = f"; {CP1252_HINT}" if legacy else ""
    cells = dict(zip(names, row, strict=True)) if row is not None and len(row) == len(names) else {}
    if layout is not None and cells:
        response_id = cells.get(layout.response_id)
        ctx.pair_record(line, None if _bad_byte(response_id) else response_id)
    for name, cell in cells.items():
        found = _bad_byte(cell)
        if found is not None:
            at, byte = found
            detail = f"invalid byte 0x{byte:02x} at character offset {at} of the field{hint}"
            ctx.reject(line, name, R.INVALID_UTF8, detail)
            return int(legacy)
    ctx.reject(line, None, R.INVALID_UTF8, hint.removeprefix("; ") or None)
    return int(legacy)


def _bad_byte(cell: str | None) -> tuple[int, int] | None:
    """Where the first byte that was not UTF-8 is in ``cell`` (decoded with
    ``surrogateescape``) and its value, or None when there is none."""
    if cell is None:
        return None
    found = _ESCAPED_BYTE.search(cell)
    return None if found is None else (found.start(), ord(found.group()) - 0xDC00)


def _reject_long(ctx: ReadContext, long_lines: dict[int, LongLine], start: int, end: int) -> bool:
    """Reject the record on lines ``start..end`` if it holds an over-long line; forget those."""
    if not long_lines:
        return False
    held = sorted(n for n in long_lines if n <= end)
    if not held:
        return False
    first = long_lines[held[0]]
    for n in held:
        del long_lines[n]
    where = "" if held[0] == start else f"physical line {held[0]}: "
    ctx.reject(start, None, R.LINE_TOO_LONG, where + first.detail())
    return True


def read_header(
    ctx: ReadContext, header: list[str], *, line: int | None
) -> tuple[PairLayout | None, list[str]]:
    """The layout of a header (a pair layout, None for a thread) and its column names after
    the column map, none read twice; an InputError (at ``line``) when it fits no layout,
    names a column the layout reads twice, or lacks a column the map reads a field from."""
    columns = [h.strip() for h in header]
    names = loose_names(ctx, mapped_names(columns, ctx.column_map))
    layout = _choose_layout(ctx, header, names)
    check_mapped_columns(ctx, columns, line=line, what="the header")
    return layout, distinct_names(ctx, names, layout, line=line)


#: The column names the CSV layouts read (and the community, kept in ``meta``), which a
#: header may spell in another case or with spaces (:func:`loose_names`).
CSV_FIELDS: tuple[str, ...] = tuple(
    dict.fromkeys(
        (
            *(name for layout in PAIR_LAYOUTS for name in (*layout.columns, *layout.optional)),
            *CSV_THREAD.columns,
            *COMMUNITY_KEYS,
        )
    )
)
_SEPARATORS = re.compile(r"[\s_-]+")


def _loose(name: str) -> str:
    """A column name compared loosely: in lower case, a run of spaces, ``_`` or ``-`` as one
    ``_`` (``Seeker Post`` -> ``seeker_post``)."""
    return _SEPARATORS.sub("_", name.strip()).casefold()


def loose_names(ctx: ReadContext, names: list[str]) -> list[str]:
    """``names`` with a column that spells a field of :data:`CSV_FIELDS` in another case or
    with spaces (``SP_ID``, ``seeker post``) renamed to that field, when no column has the
    field's exact name and no other column spells it so too (the match is unique); the
    other names as they are. Each rename is logged."""
    present = set(names)
    spelt: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        spelt.setdefault(_loose(name), []).append(i)
    renamed = list(names)
    for field in CSV_FIELDS:
        found = spelt.get(field, [])
        if field in present or len(found) != 1:
            continue
        renamed[found[0]] = field
        logger.info("%s: reading the column %s as %s", ctx.path, quote(names[found[0]]), field)
    return renamed


def distinct_names(
    ctx: ReadContext, names: list[str], layout: PairLayout | None, *, line: int | None = 1
) -> list[str]:
    """``names`` with no column read twice: a repeated column the layout reads (any named
    column with ``ctx.unique_columns``) is an InputError (which one holds the value?); a
    repeated other column is kept under a numbered name (``note``, ``note.2``), with a
    warning, rather than dropped."""
    used = set(CSV_THREAD.columns) if layout is None else {*layout.columns, *layout.optional}
    counts = Counter(names)
    if ctx.unique_columns:
        for name in names:
            if name and counts[name] > 1:
                raise InputError(
                    f"the header names the column {quote(name)} {counts[name]} times; rename "
                    "or remove all but one, so that it is clear which values are meant",
                    path=str(ctx.path),
                    line=line,
                    field=clip(name),
                )
    for name, count in counts.items():
        if count > 1 and name in used:
            at = [str(i + 1) for i, n in enumerate(names) if n == name]
            where = ", ".join(at[:MAX_LISTED_NAMES])
            if len(at) > MAX_LISTED_NAMES:
                where += f" and {len(at) - MAX_LISTED_NAMES:,} more"
            mapped = " after the column map" if ctx.column_map else ""
            raise InputError(
                f"column {quote(name)} appears {count} times in the header{mapped} (columns "
                f"{where}); rename or remove all but one so it is clear which to read",
                path=str(ctx.path),
                line=line,
            )
    seen: Counter[str] = Counter()
    distinct = []
    for name in names:
        seen[name] += 1
        distinct.append(name if seen[name] == 1 else f"{name}.{seen[name]}")
    repeated = [name for name, count in counts.items() if count > 1]
    if repeated:
        shown = ", ".join(f"{quote(n)}, {quote(n + '.2')}" for n in repeated[:MAX_LISTED_NAMES])
        more = len(repeated) - MAX_LISTED_NAMES
        logger.warning(
            "%s: columns repeated in the header, kept as %s%s",
            ctx.path,
            shown,
            f" and {more:,} more" if more > 0 else "",
        )
    return distinct


#: What the error for a header that fits no layout advises, when the file could be read with
#: a column map (``--column-map`` in the CLI, ``column_map=`` in Python).
COLUMN_MAP_ADVICE = "Map other names with a column map (canonical=file_column)."
#: What it says instead for a labelled file (read with ``unique_columns``, to score or learn
#: its labels: ``evaluate``, ``train``, ``fit-spans``), which is read in the EPITOME layout
#: only and without a column map.
LABELLED_ADVICE = (
    "A labelled file is read in the EPITOME layout only: sp_id, rp_id, seeker_post, "
    "response_post and a <mechanism>_level column per mechanism (emotional_reactions, "
    "interpretations, explorations); rename the file's columns to these."
)


def _choose_layout(ctx: ReadContext, header: list[str], names: list[str]) -> PairLayout | None:
    """The pair layout the header fits, None for a thread, or an InputError naming what lacks
    (and, for a labelled file, what it needs: :data:`LABELLED_ADVICE`)."""
    present = set(names)
    for layout in PAIR_LAYOUTS:
        if present.issuperset(layout.columns):
            return layout
    if present.issuperset(CSV_THREAD_REQUIRED):
        return None
    if ctx.unique_columns:  # a labelled file: the EPITOME layout is the one it can be
        epitome = PAIR_LAYOUTS[0]
        missing = [repr(col) for col in epitome.columns if col not in present]
        raise InputError(
            f"missing required column(s) {', '.join(missing)} for the {epitome.name} layout; "
            f"{describe_columns(header)}. {LABELLED_ADVICE}",
            path=str(ctx.path),
        )
    candidates = [(layout.name, layout.columns) for layout in PAIR_LAYOUTS]
    candidates.append(("thread", CSV_THREAD_REQUIRED))
    name, required = max(candidates, key=lambda c: sum(col in present for col in c[1]))
    missing = [col for col in required if col not in present]
    mapped = [
        f"{col!r} (mapped to file column {ctx.column_map[col]!r})"
        if col in ctx.column_map
        else repr(col)
        for col in missing
    ]
    raise InputError(
        f"missing required column(s) {', '.join(mapped)} for the {name} layout; "
        f"{describe_columns(header)}. Expected one of: "
        "sp_id,rp_id,seeker_post,response_post | seeker_id,response_id,seeker,response | "
        f"message_id,parent_id,text (+ thread_id,author,timestamp). {COLUMN_MAP_ADVICE}",
        path=str(ctx.path),
    )
