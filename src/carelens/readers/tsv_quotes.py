"""TSV files and the quotes their texts begin with, for the CSV reader (:mod:`.delimited`).

A TSV file may be quoted as CSV or written without quoting (a chat export), and a quote at
the start of a text reads differently in each. Here live the rules the reader applies to a
TSV record that holds one: :func:`literal_tsv_row` splits a record's first line at its tabs
(a text read as written, its quotes kept), :func:`rows_joined` tells a record that parsed
only by running a quoted field over lines that split like rows, :func:`quoting_shown` reads
what a record shows of how the file was written (:func:`doubled_quote`, what such a joined
record shows itself), and :class:`QuoteGuesses` keeps that evidence, decides how each record
is read (:meth:`QuoteGuesses.literal_row`), and warns once per file and reading about the
records read by guess. The behaviour is told in the module docstring of :mod:`.delimited`.
"""

from __future__ import annotations

import logging

from carelens.readers.base import ReadContext
from carelens.readers.quoting import MAX_LISTED_NAMES, quote


def literal_tsv_row(line: str, names: list[str]) -> list[str] | None:
    """A TSV ``line`` that holds a quote, split at its tabs when that gives one cell per
    column: a text that begins with a quote but does not end with one before its tab was
    written without CSV quoting, so its quotes are part of the text. None otherwise."""
    if '"' not in line:
        return None
    cells = line.rstrip("\r\n").split("\t")
    return cells if len(cells) == len(names) else None


def rows_joined(taken: list[tuple[int, str]], names: list[str]) -> bool:
    """Whether the record parsed from the ``taken`` lines ran a quoted field over lines that
    are rows of their own: it spans several lines, and every line after its first is blank
    or splits at its tabs into one cell per column. That is what a TSV file written without
    CSV quoting holds after a text that begins with a quote (``"quote without end``) when a
    later text of the same column ends with one: the quote runs on to it, and the parse, one
    field too long but with the right number of fields, would hold the rows between. Such
    a record may be read as written (:func:`literal_tsv_row`) when its first line is a row
    too (:class:`QuoteGuesses` decides).
    """
    later = [text.rstrip("\r\n") for _, text in taken[1:]]
    return any(later) and all(not line or line.count("\t") == len(names) - 1 for line in later)


def opened_at(cells: list[str]) -> int:
    """The index of the first of ``cells`` (a row read as written) that begins with a quote
    and is no quoted field of its own: where CSV quoting would have opened one."""
    for at, cell in enumerate(cells):
        if cell.startswith('"') and not _closed(cell):
            return at
    return len(cells) - 1  # pragma: no cover - a row read as written has such a cell


def doubled_quote(taken: list[tuple[int, str]]) -> bool:
    """Whether the quoted field that a joined record (:func:`rows_joined`) opens in its first
    line's last cell holds a doubled quote (``""``) before the one that closes it: only CSV
    quoting writes a quote so. Parsed strictly, every quote inside that field is doubled."""
    opened = taken[0][1].rstrip("\r\n").rsplit("\t", 1)[-1][1:]
    return '""' in "\n".join([opened, *(text.rstrip("\r\n") for _, text in taken[1:])])


def _closed(cell: str) -> bool:
    """Whether ``cell`` is a whole CSV quoted field (``"Fine"``, ``"a""b"``)."""
    return len(cell) >= 2 and cell[0] == cell[-1] == '"' and '"' not in cell[1:-1].replace('""', "")


def quoting_shown(taken: list[tuple[int, str]], names: list[str]) -> bool | None:
    """What a TSV record read as CSV quoting reads it (not :func:`rows_joined`) shows of how
    the file was written: True when only CSV quoting writes it so (a quoted field over
    several lines, around a tab, or holding a doubled quote; every cell quoted), False when
    CSV quoting would have quoted a cell it leaves bare (one that holds a quote but does not
    begin with one: ``5" tall``), None when it shows neither."""
    if len(taken) > 1:
        return True
    line = taken[0][1].rstrip("\r\n")
    if '"' not in line:
        return None
    cells = line.split("\t")
    if len(cells) != len(names):
        return True  # the record parsed, so a quoted field holds a tab
    if any('"' in cell and not cell.startswith('"') for cell in cells):
        return False
    quoted = [cell for cell in cells if cell.startswith('"')]
    return len(quoted) == len(cells) or any('"' in cell[1:-1] for cell in quoted) or None


class QuoteGuesses:
    """How the TSV records that read two ways (:func:`rows_joined`) were read, and whether
    the file showed CSV quoting before each: fields that only CSV quoting writes
    (:func:`quoting_shown`). Each way is told in one warning per file."""

    def __init__(self) -> None:
        self.quoted = False  # a record before showed CSV quoting
        self.bare = False  # a record before showed a bare quote, which CSV quoting quotes
        #: Per reading (as written: True), (line, field, line the quote closes on) of the
        #: records read so.
        self.read: dict[bool, list[tuple[int, str, int]]] = {True: [], False: []}

    def shown(self, *, quoting: bool | None) -> None:
        """Note what a record read without a guess showed (:func:`quoting_shown`): True
        (CSV quoting) holds for the rest of the file; a bare quote (False) only outweighs a
        doubled quote that a guessed record's own field holds (:meth:`as_written`)."""
        self.quoted = self.quoted or quoting is True
        self.bare = self.bare or quoting is False

    def literal_row(
        self, taken: list[tuple[int, str]], names: list[str], *, malformed: bool
    ) -> list[str] | None:
        """The row that the TSV record parsed from the ``taken`` lines is read as instead,
        its first line split at its tabs (:func:`literal_tsv_row`), or None to keep the parse
        (to reject it, when ``malformed``). A malformed record whose first line is a row is
        one only a file written without quoting holds; one that parsed by running a quoted
        field over lines that split like rows (:func:`rows_joined`) is a guess either way
        (:meth:`as_written`); any other record notes what it shows (:func:`quoting_shown`)."""
        joined = not malformed and rows_joined(taken, names)
        literal = literal_tsv_row(taken[0][1], names) if malformed or joined else None
        if literal is not None and joined:
            # Rows, or one quoted field over lines that split like rows: a guess either way.
            opened = opened_at(literal)
            start, end = taken[0][0], taken[-1][0]
            last = opened == len(names) - 1
            quoting = last and doubled_quote(taken)
            if not self.as_written(start, names[opened], end, last=last, quoting=quoting):
                return None
        elif not malformed and not joined and not self.quoted:
            self.shown(quoting=quoting_shown(taken, names))
        return literal

    def as_written(
        self, line: int, field: str, closed: int, *, last: bool, quoting: bool = False
    ) -> bool:
        """Whether the record on lines ``line..closed`` whose quote opens ``field`` is read
        as written (else as quoted). As written, as a quote in any other field is, unless
        that is its first line's ``last`` field, where both readings keep whole rows, and
        the file showed CSV quoting before, or the field shows it itself (``quoting``: a
        doubled quote in it, :func:`doubled_quote`) and the file showed no bare quote before
        (a cell CSV quoting would have quoted: there, ``""`` is two quotes a text holds, as
        ``0""`` is); in a column before the last, the quoted reading would run together the
        cells that reading as written keeps apart."""
        written = not last or not (self.quoted or (quoting and not self.bare))
        self.read[written].append((line, field, closed))
        return written

    def warn(self, ctx: ReadContext, logger: logging.Logger) -> None:
        """Log one warning per way that records were read by guess, naming the first ones,
        to ``logger`` (the reader's, so that the warning is the CSV reader's as before)."""
        for written, read in self.read.items():
            if not read:
                continue
            line, field, closed = read[0]
            first = f"first: line {line}, field {quote(field)}"
            if len(read) > 1:
                more = ", ".join(str(n) for n, _, _ in read[1:MAX_LISTED_NAMES])
                if len(read) > MAX_LISTED_NAMES:
                    more += f" and {len(read) - MAX_LISTED_NAMES:,} more"
                first += f"; then line{'s' if len(read) > 2 else ''} {more}"
            if written:
                rows = "1 row was" if len(read) == 1 else f"{len(read):,} rows were"
                logger.warning(
                    "%s: %s read as written, with the quote a text begins with (%s): read as "
                    "CSV quoting, that quote would close only on line %d and join the rows "
                    "between into one field. If the file quotes its texts, quote such a text "
                    "whole.",
                    ctx.path,
                    rows,
                    first,
                    closed,
                )
            else:
                texts = "1 text was" if len(read) == 1 else f"{len(read):,} texts were"
                logger.warning(
                    "%s: %s read as one quoted field over lines that each split at their tabs "
                    "into a row (%s): read as written, the lines up to line %d, where the first "
                    "one's quote closes, would be rows and the text would keep its opening "
                    "quote. If the file does not quote its texts, quote such a text whole, its "
                    "quotes doubled.",
                    ctx.path,
                    texts,
                    first,
                    closed,
                )
