"""Property tests for the CSV reader's newer rules: texts written through Python's csv module
read back as written.

* A TSV file parsed strictly: quoted fields (the csv module's own quoting) read as their
  texts, the last column's even over lines that split at their tabs like rows once the file
  has shown CSV quoting, and a text written without quoting that begins with a quote
  (``"Fine" is what I say``, or a lone ``"0`` that a later row's ``0"`` would close) keeps
  its quotes, and the rows after it stay rows, in any column.
* Header names matched loosely: a layout's columns spelt in any case, with spaces or ``-``
  for ``_`` (``Seeker Post``, ``SP-ID``), in any order, read as the layout's fields.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from carelens.readers import RejectLog, read_exchanges
from carelens.text import is_blank

SPICE = ['"', '""', "'", "\\", ",", ";", "😊", "שלום", "\u202e", "\x85", "\u2028", " "]
LAYOUTS = {
    "epitome": ("sp_id", "rp_id", "seeker_post", "response_post"),
    "generic": ("seeker_id", "response_id", "seeker", "response"),
}


def _texts(*, breaks: bool) -> st.SearchStrategy[str]:
    """Texts with quotes and awkward characters; with ``breaks``, tabs and line ends too."""
    extra = ["\t", "\n", "\r\n", "\r"] if breaks else []
    blocked = "\t\r\n\x00" if not breaks else "\x00"
    chars = st.characters(codec="utf-8", exclude_characters=blocked)
    pieces = st.one_of(chars, st.sampled_from(SPICE + extra))
    return (
        st.lists(pieces, min_size=1, max_size=12)
        .map("".join)
        .filter(lambda s: not is_blank(s) and s.strip() == s and not _quoted_field(s))
    )


def _quoted_field(text: str) -> bool:
    """Whether ``text`` is itself a CSV quoted field (``"Fine"``, ``"a""b"``), or a lone quote
    that opens one: written unquoted in a TSV file, that is read as quoted (its quotes are
    not kept; a lone ``"`` runs on to the next quote, as in any CSV)."""
    if text == '"':
        return True
    return len(text) >= 2 and text[0] == text[-1] == '"' and '"' not in text[1:-1].replace('""', "")


def _literal_texts() -> st.SearchStrategy[str]:
    """A text as a plain TSV writer leaves it that begins with a quoted phrase and goes on
    (``"Fine" is what I say``): not a CSV quoted field, so read as it stands."""
    words = _texts(breaks=False).filter(lambda s: '"' not in s)
    return st.builds(lambda a, b: f'"{a}" {b}', words, words)


def _quotable(*, breaks: bool) -> st.SearchStrategy[str]:
    """:func:`_texts` for a column before the last of a file the csv module quotes, none with
    both a tab and a line break: quoted, such a text may hold lines that split at their tabs
    into whole rows, which the reader cannot tell from rows that a text beginning with a
    quote ran on over in a file written without quoting, a quoted field that would swallow
    its first line's tabs (it reads those as written, and warns)."""
    return _texts(breaks=breaks).filter(lambda s: "\t" not in s or not ("\n" in s or "\r" in s))


def _stray_quotes() -> st.SearchStrategy[str]:
    """A text written without quoting that holds no quote (``0``), begins with one it never
    closes (``"0``) or ends with one it never opened (``0"``): CSV quoting would run such a
    quote on over the rows after it to the next."""
    words = _texts(breaks=False).filter(lambda s: '"' not in s)
    return st.one_of(words, words.map(lambda w: f'"{w}'), words.map(lambda w: f'{w}"'))


def _tables() -> st.SearchStrategy[str]:
    """A text holding a pasted table after a line of its own (``My week:``, then ``Mon``,
    ``gym``, ``work``, ``sleep`` at tabs): each line after the first one cell per column of
    the file, so that it splits like rows."""
    words = _texts(breaks=False)
    row = st.lists(words, min_size=4, max_size=4).map("\t".join)
    rows = st.lists(row, min_size=1, max_size=3)
    return st.builds(lambda head, lines: "\n".join([head, *lines]), words, rows)


def _unquoted_last() -> st.SearchStrategy[str]:
    """:func:`_texts` for the last column of a file written without quoting, none that begins
    with a quote and holds a doubled one (``"a""b``): a lone ``"0`` there opens a quoted
    field that a later last text's ``0"`` closes, over lines that are whole rows both ways,
    which is read as written, unless the quoted field holds a doubled quote, which only CSV
    quoting writes."""
    return _texts(breaks=False).filter(lambda s: not (s.startswith('"') and '""' in s[1:]))


def _read(path: Path) -> tuple[list[tuple[str, str, str, str]], RejectLog]:
    rejects = RejectLog()
    rows = [
        (ex.seeker.id, ex.response.id, ex.seeker.text, ex.response.text)
        for ex in read_exchanges(path, format="csv", rejects=rejects)
    ]
    return rows, rejects


def _ids(n: int) -> list[tuple[str, str]]:
    return [(f"s{i}", f"r{i}") for i in range(n)]


def _csv_round_trip(texts: list[tuple[str, str]], *, first: tuple[str, str] | None) -> None:
    """Write ``texts`` (after the pair ``first``, when given) with the csv module's quoting
    and check that they read back as written."""
    pairs = [("e0", "e1", *first)] if first else []
    pairs += [(s, r, a, b) for (s, r), (a, b) in zip(_ids(len(texts)), texts, strict=True)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.tsv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter="\t")
            writer.writerow(LAYOUTS["epitome"])
            writer.writerows(pairs)
        rows, rejects = _read(path)
    assert rows == pairs
    assert rejects.total == 0


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(_quotable(breaks=True), _quotable(breaks=True)), min_size=1, max_size=6))
def test_tsv_quoted_by_the_csv_module_round_trips(texts: list[tuple[str, str]]) -> None:
    _csv_round_trip(texts, first=None)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(_quotable(breaks=True), st.one_of(_texts(breaks=True), _tables())),
        min_size=1,
        max_size=6,
    )
)
def test_tsv_quoted_by_the_csv_module_round_trips_tables_once_it_shows_quoting(
    texts: list[tuple[str, str]],
) -> None:
    # A last text over lines that split like rows reads as one quoted field once a row
    # before it has shown CSV quoting (here a doubled quote); with nothing before it, it
    # is read as rows, as a lone quote in a file written without quoting is.
    _csv_round_trip(texts, first=('She said "no" to me', "ok"))


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(_literal_texts(), _texts(breaks=False)),
            st.one_of(_literal_texts(), _unquoted_last()),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_tsv_text_with_a_leading_quote_written_unquoted_keeps_it(
    texts: list[tuple[str, str]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.tsv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None)
            writer.writerow(LAYOUTS["epitome"])
            for (sid, rid), (seeker, response) in zip(_ids(len(texts)), texts, strict=True):
                writer.writerow([sid, rid, seeker, response])
        rows, rejects = _read(path)
    assert rows == [(s, r, a, b) for (s, r), (a, b) in zip(_ids(len(texts)), texts, strict=True)]
    assert rejects.total == 0


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            _stray_quotes(),
            st.one_of(_stray_quotes(), _texts(breaks=False)),
        ),
        min_size=3,
        max_size=6,
    )
)
def test_tsv_written_unquoted_after_a_bare_quote_keeps_every_row(
    texts: list[tuple[str, str]],
) -> None:
    # The first row holds a quote that CSV quoting would have quoted its cell for.
    pairs = [("e0", "e1", 'she said "no" to me', "ok")]
    pairs += [(s, r, a, b) for (s, r), (a, b) in zip(_ids(len(texts)), texts, strict=True)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.tsv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None)
            writer.writerow(LAYOUTS["epitome"])
            writer.writerows(pairs)
        rows, rejects = _read(path)
    assert rows == pairs
    assert rejects.total == 0


@st.composite
def _spelt(draw: st.DrawFn, name: str) -> str:
    """``name`` in another case, with spaces, ``-`` or runs of them for its ``_``, and
    space around it."""
    parts = name.split("_")
    seps = st.sampled_from(["_", " ", "-", "  ", " - ", "__"])
    out = parts[0]
    for part in parts[1:]:
        out += draw(seps) + part
    out = "".join(c.upper() if draw(st.booleans()) else c for c in out)
    return draw(st.sampled_from(["", " "])) + out + draw(st.sampled_from(["", " "]))


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(sorted(LAYOUTS)),
    st.data(),
    st.sampled_from([",", "\t", ";"]),
    st.lists(st.tuples(_quotable(breaks=True), _quotable(breaks=True)), min_size=1, max_size=4),
)
def test_header_names_in_any_case_or_spacing_read_the_same_texts(
    layout: str, data: st.DataObject, delimiter: str, texts: list[tuple[str, str]]
) -> None:
    columns = LAYOUTS[layout]
    header = [data.draw(_spelt(name)) for name in columns]
    order = data.draw(st.permutations(range(len(columns))))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("pairs.tsv" if delimiter == "\t" else "pairs.csv")
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter=delimiter)
            writer.writerow([header[i] for i in order])
            for (sid, rid), (seeker, response) in zip(_ids(len(texts)), texts, strict=True):
                cells = [sid, rid, seeker, response]
                writer.writerow([cells[i] for i in order])
        rows, rejects = _read(path)
    assert rows == [(s, r, a, b) for (s, r), (a, b) in zip(_ids(len(texts)), texts, strict=True)]
    assert rejects.total == 0


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.booleans(),
            st.one_of(_literal_texts(), _texts(breaks=False)),
            st.one_of(_literal_texts(), _unquoted_last()),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_tsv_rows_quoted_and_unquoted_in_one_file(rows: list[tuple[bool, str, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.tsv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            quoted = csv.writer(fh, delimiter="\t")
            plain = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None)
            quoted.writerow(LAYOUTS["epitome"])
            for (sid, rid), (as_csv, seeker, response) in zip(_ids(len(rows)), rows, strict=True):
                (quoted if as_csv else plain).writerow([sid, rid, seeker, response])
        got, rejects = _read(path)
    assert got == [(s, r, a, b) for (s, r), (_, a, b) in zip(_ids(len(rows)), rows, strict=True)]
    assert rejects.total == 0
