"""Tables that stay readable at the width they are drawn at.

rich narrows every column evenly once a table is wider than the terminal, so at 80 columns
the level digits, marks and ids of a wide table vanish. A :class:`FitTable` is laid out for
the width it is drawn at instead: each short column (an id, a level, a count, a score) gets
the width its longest cell needs and is never wrapped or cut; the free-text columns share
what is left (wrapped, or cut with an ellipsis) and give it up first. The layouts are tried
in order until one fits: the boxed table; a compact one (a rule under the header, one space
between columns); the compact one without its droppable columns, dropped in the order
given; and last one block per row: its label (the first column that is never dropped) on a
line of its own, the other short cells as ``header value`` pairs folded under it, then the
free text. The title and caption are printed as paragraphs wrapped at the width, so none of
their text is lost either. Shares and scores are worded alike in every table (:func:`percent`,
:func:`fmt_score`, :func:`fmt_interval`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rich import box
from rich.console import (
    Console,
    ConsoleOptions,
    Group,
    JustifyMethod,
    RenderableType,
    RenderResult,
)
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

#: Characters a name or text from the data must not send to the terminal as they are: C0
#: and C1 controls (cursor moves, colours), bidi marks, embeddings, overrides and isolates
#: (a U+202E turns the rest of the line around), the line and paragraph separators,
#: zero-width and other invisible format characters and the byte order mark. ZWJ and ZWNJ
#: stay: emoji sequences and Persian or Indic words need them.
_UNSHOWN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb]"
)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def plain(value: object) -> Text:
    """A name or text from the data as a cell that shows it exactly: no markup or emoji
    codes read in it (``:smile:`` stays as written, a trailing backslash single), and the
    characters of :data:`_UNSHOWN` as ``\\xNN`` / ``\\uNNNN``."""
    return Text(_UNSHOWN.sub(_escaped, str(value)))


#: The narrowest a free-text column is made before columns are dropped.
TEXT_MIN = 12
#: Indent of the folded lines of a row.
_INDENT = "  "


@dataclass
class _Column:
    header: str
    justify: JustifyMethod
    text: bool
    wrap: bool
    drop: int | None
    cells: list[Text] = field(default_factory=list)

    def width(self) -> int:
        """The width of the longest line of the header and cells."""
        lines = [self.header, *(line for c in self.cells for line in c.plain.splitlines())]
        return max(Text(line).cell_len for line in lines) if lines else 0


class FitTable:
    """A table (cells are rich markup, or :class:`~rich.text.Text` shown as it is) that fits
    the width it is drawn at; see the module docstring for the layouts it tries."""

    def __init__(self, title: str | None = None, *, caption: str | None = None) -> None:
        self.title = title
        self.caption = caption
        self._columns: list[_Column] = []

    def add_column(
        self,
        header: str,
        *,
        justify: JustifyMethod = "left",
        text: bool = False,
        wrap: bool = False,
        drop: int | None = None,
    ) -> None:
        """A column: short (never cut) unless ``text``, free text that is wrapped with
        ``wrap`` and otherwise cut to one line; ``drop`` orders the columns left out when the
        table does not fit (lowest first; None: never left out)."""
        self._columns.append(_Column(header, justify, text or wrap, wrap, drop))

    def add_row(self, *cells: str | Text) -> None:
        """One row of cells, markup or :class:`~rich.text.Text` (data: :func:`plain`);
        missing trailing cells are empty."""
        if len(cells) > len(self._columns):
            raise ValueError(f"{len(cells)} cells for {len(self._columns)} columns")
        padded = [*cells, *[""] * (len(self._columns) - len(cells))]
        for column, cell in zip(self._columns, padded, strict=True):
            column.cells.append(
                cell.copy() if isinstance(cell, Text) else Text.from_markup(cell, emoji=False)
            )

    @property
    def row_count(self) -> int:
        return len(self._columns[0].cells) if self._columns else 0

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.title:
            yield Text.from_markup(self.title, style="table.title")
        yield self.layout(options.max_width)
        if self.caption:
            yield Text.from_markup(self.caption, style="table.caption")

    def layout(self, width: int) -> RenderableType:
        """The first layout that fits ``width`` (see the module docstring)."""
        columns = self._columns
        if _needed(columns, boxed=True) <= width:
            return self._table(columns, width, boxed=True)
        ranks = sorted({c.drop for c in columns if c.drop is not None})
        for kept in [
            columns,
            *([c for c in columns if c.drop is None or c.drop > rank] for rank in ranks),
        ]:
            if _needed(kept, boxed=False) <= width:
                return self._table(kept, width, boxed=False)
        return self._folded(width)

    def _table(self, columns: list[_Column], width: int, *, boxed: bool) -> Table:
        table = Table() if boxed else Table(box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 0))
        free = width - _needed([c for c in columns if not c.text], boxed=boxed)
        free -= (3 if boxed else 1) * sum(c.text for c in columns)
        shares = _share(free, [c.width() for c in columns if c.text])
        for column in columns:
            table.add_column(
                column.header,
                justify=column.justify,
                width=shares.pop(0) if column.text else column.width(),
                no_wrap=not column.wrap,
                overflow="fold" if column.wrap else "ellipsis",
            )
        for row in zip(*(c.cells for c in columns), strict=True):
            table.add_row(*row)
        return table

    def _folded(self, width: int) -> Group:
        """One block per row: the label, ``header value`` pairs, then the free text."""
        label = next((c for c in self._columns if c.drop is None), self._columns[0])
        room = max(1, width - len(_INDENT))
        lines: list[RenderableType] = []
        for i in range(self.row_count):
            lines.append(Text.assemble(label.cells[i], style="bold"))
            pairs = [
                Text.assemble((c.header, "table.header"), " ", c.cells[i])
                for c in self._columns
                if c is not label and not c.text and c.cells[i].plain
            ]
            line = Text(_INDENT)
            for pair in pairs:
                if line.cell_len > len(_INDENT) and line.cell_len + 2 + pair.cell_len > width:
                    lines.append(line)
                    line = Text(_INDENT)
                line.append_text(Text("  ") if line.cell_len > len(_INDENT) else Text())
                line.append_text(pair)
            if line.cell_len > len(_INDENT):
                lines.append(line)
            for c in self._columns:
                if c is label or not c.text or not c.cells[i].plain:
                    continue
                cell = c.cells[i].copy()
                if not c.wrap:
                    cell.truncate(room, overflow="ellipsis")
                lines.append(Padding(cell, (0, 0, 0, len(_INDENT))))
        return Group(*lines)


def _needed(columns: list[_Column], *, boxed: bool) -> int:
    """The narrowest width ``columns`` fit in: short columns whole, free text at
    :data:`TEXT_MIN` (or its own width when narrower), with the box and padding."""
    content = sum(min(c.width(), TEXT_MIN) if c.text else c.width() for c in columns)
    n = len(columns)
    return content + (3 * n + 1 if boxed else max(0, n - 1))


def _share(free: int, wanted: list[int]) -> list[int]:
    """``free`` cells shared among columns that want ``wanted`` (in order): none is given
    more than it wants, the narrow ones first, the rest evenly."""
    given = [0] * len(wanted)
    left = max(free, 0)
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    for n, i in enumerate(order):
        given[i] = max(1, min(wanted[i], left // (len(order) - n)))
        left -= given[i]
    return given


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def fmt_score(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def fmt_interval(interval: tuple[float, float]) -> str:
    """``0.412-0.587``: an interval of two scores."""
    return f"{interval[0]:.3f}-{interval[1]:.3f}"
