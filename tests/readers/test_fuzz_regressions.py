"""Regression tests for reader crashes found while fuzzing (fuzz/, docs/reliability.md).

1. ``fuzz_wxr``: an XML declaration naming an encoding expat cannot read (``UTF-0``, found by
   the fuzzer from the WordPress fixture) made ``iterparse`` raise ``LookupError`` (pyexpat
   looks unknown names up in Python's codecs; ``ValueError`` for multi-byte ones). It is now
   refused up front with an InputError, like a DTD.
2. Found while writing the targets, confirmed by the jsonl and reddit targets on the input:
   a timestamp that is an integer too large for a float (``float(10**400)`` raises
   ``OverflowError``) crashed ``iso_utc``; it is now no Unix time (``iso_utc`` gives None,
   and a reader keeps the number as its digits, as it keeps a string of them).
3. Same way: a Reddit record with no ``id`` and a blank ``name`` was dropped without a reject
   (the harness checks that every non-blank line is read, rejected or skipped).
4. ``fuzz_wxr``, second round: comment HTML with ``<![`` and an unknown keyword (``<![CDt``)
   made Python 3.11's ``html.parser`` raise ``AssertionError``; it is now read as HTML reads it,
   a bogus comment up to the next ``>``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carelens.errors import InputError
from carelens.readers import RejectLog, read_exchanges, read_turns
from carelens.readers.base import iso_utc
from carelens.readers.wxr import html_to_text
from carelens.timestamps import parse_timestamp

BIG = "1" + "0" * 400  # a JSON integer no float can hold


@pytest.mark.parametrize("encoding", ["UTF-0", "rot13", "utf-7", "shift_jis", "idna", "mbcs"])
@pytest.mark.parametrize("codec", ["utf-8", "utf-16"])
def test_wxr_with_an_unreadable_declared_encoding_is_refused(
    data_dir: Path, tmp_path: Path, encoding: str, codec: str
) -> None:
    # The fuzzer's input was the WordPress fixture with its declaration mutated to UTF-0.
    text = (data_dir / "wordpress_export.xml").read_text(encoding="utf-8")
    assert 'encoding="UTF-8"' in text
    path = tmp_path / "export.xml"
    path.write_bytes(text.replace('encoding="UTF-8"', f'encoding="{encoding}"').encode(codec))
    rejects = RejectLog()
    with pytest.raises(InputError, match=r"declared encoding cannot be read.*UTF-8"):
        read_exchanges(path, format="wxr", rejects=rejects)
    if codec == "utf-8":
        with pytest.raises(InputError, match="declared encoding"):
            read_turns(path)  # detected as wxr, refused the same way
    assert rejects.total == 0


@pytest.mark.parametrize("encoding", ["UTF-8", "utf-8", "ISO-8859-1", "us-ascii", "koi8-r"])
def test_wxr_with_a_readable_declared_encoding_still_reads(
    data_dir: Path, tmp_path: Path, encoding: str
) -> None:
    text = (data_dir / "wordpress_export.xml").read_text(encoding="utf-8")
    path = tmp_path / "export.xml"
    path.write_bytes(
        text.replace('encoding="UTF-8"', f'encoding="{encoding}"').encode("ascii", "replace")
    )
    assert len(list(read_exchanges(path, format="wxr"))) > 0


def test_iso_utc_of_an_integer_too_large_for_a_float() -> None:
    assert iso_utc(int(BIG)) is None
    assert iso_utc(-int(BIG)) is None
    assert iso_utc(BIG) is None  # as a string: float() gives inf, already handled
    assert iso_utc(1_700_000_000) == "2023-11-14T22:13:20+00:00"


def test_jsonl_turn_with_a_huge_integer_timestamp(tmp_path: Path) -> None:
    path = tmp_path / "turns.jsonl"
    path.write_text(
        f'{{"id": "a", "text": "I feel lost.", "timestamp": {BIG}}}\n'
        f'{{"id": "b", "text": "I am here.", "reply_to": "a", "timestamp": -{BIG}}}\n',
        encoding="utf-8",
    )
    rejects = RejectLog()
    turns = list(read_turns(path, format="jsonl", rejects=rejects))
    # No crash; the number is kept as its digits, as the same digits in a string are (a
    # timestamp that could not be read, not a missing one): longer than any time, only its
    # start (carelens.timestamps.number_text).
    assert [(t.id, t.timestamp) for t in turns] == [
        ("a", BIG[:31] + "\u2026"),
        ("b", f"-{BIG}"[:31] + "\u2026"),
    ]
    assert len(list(read_exchanges(path, format="jsonl"))) == 1
    assert rejects.total == 0


def test_reddit_record_with_a_huge_created_utc(tmp_path: Path) -> None:
    path = tmp_path / "dump.ndjson"
    path.write_text(
        f'{{"id": "s1", "title": "Rough week", "selftext": "", "created_utc": {BIG}}}\n'
        f'{{"id": "c1", "body": "Sorry.", "parent_id": "t3_s1", "created_utc": {BIG}}}\n',
        encoding="utf-8",
    )
    turns = list(read_turns(path, format="reddit"))
    # Kept as the number's start, as a JSON Lines turn's timestamp is (above): a timestamp
    # that could not be read, not a missing one.
    start = BIG[:31] + "\u2026"
    assert [(t.id, t.timestamp) for t in turns] == [("s1", start), ("c1", start)]


@pytest.mark.parametrize("text", ["1e9", "1.5e9", "1_600_000_000", "0x5F5E1000"])
def test_iso_utc_reads_a_string_as_the_insights_do(text: str) -> None:
    # float() would take these; the insights (parse_timestamp) read none of them.
    assert iso_utc(text) is None
    assert parse_timestamp(text) is None


def test_reddit_created_utc_reads_as_every_format_reads_a_timestamp(tmp_path: Path) -> None:
    path = tmp_path / "dump.ndjson"
    path.write_text(
        '{"id": "s1", "title": "Rough week", "selftext": "", "created_utc": "1e9"}\n'
        '{"id": "c1", "body": "Sorry.", "parent_id": "t3_s1", "created_utc": "1700000000"}\n'
        '{"id": "c2", "body": "Hugs.", "parent_id": "t3_s1", "created_utc": 1700000000.5}\n',
        encoding="utf-8",
    )
    turns = {t.id: t.timestamp for t in read_turns(path, format="reddit")}
    assert turns == {
        "s1": "1e9",
        "c1": "2023-11-14T22:13:20+00:00",
        "c2": "2023-11-14T22:13:20.500000+00:00",
    }


@pytest.mark.parametrize("name", ['" "', '""', '"\\t"'])
def test_reddit_record_with_a_blank_name_is_rejected_not_dropped(tmp_path: Path, name: str) -> None:
    path = tmp_path / "dump.ndjson"
    path.write_text(
        '{"id": "s1", "title": "Rough week", "selftext": "I lost my job."}\n'
        f'{{"name": {name}, "body": "So sorry.", "parent_id": "t3_s1"}}\n'
        '{"name": "t1_c2", "body": "Me too.", "parent_id": "t3_s1"}\n',
        encoding="utf-8",
    )
    rejects = RejectLog(tmp_path / "rejects.jsonl")
    with rejects:
        turns = list(read_turns(path, format="reddit", rejects=rejects))
    assert [t.id for t in turns] == ["s1", "c2"]
    assert rejects.counts == {"missing id": 1}
    line = (tmp_path / "rejects.jsonl").read_text(encoding="utf-8")
    assert '"line": 2' in line and '"field": "name"' in line


# --- 4. html.parser's AssertionError on "<![" (fuzz_wxr, second round) -----------------------

HTML_PIECES = ["<![", "<![CDATA[", "<![if ", "<![endif]>", "]]>", "]>", "<!", "<!--", "-->",
               "</", "<?", ">", "<p>", "</p>", "<script>", "</script>", "&", "&#", ";", "x",
               " ", "CDt", "\n", "'", '"', "=", "[", "]", "7"]  # fmt: skip


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("So sorry<![CDt x>, truly", "So sorry, truly"),  # the fuzzer's "<![CDt "
        ("a<![7]>b", "ab"),
        ("a<![ b", "a<![ b"),  # never closed: kept as text
        ("<p>x</p><![if !supportLists]>- <![endif]>item", "x\n- item"),  # Word-pasted HTML
        ("a<![CDATA[hidden]]>b", "ab"),
    ],
)
def test_html_with_an_unknown_marked_section(html: str, text: str) -> None:
    assert html_to_text(html) == text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(HTML_PIECES), st.text(max_size=3)), max_size=30))
def test_html_to_text_never_raises(pieces: list[str]) -> None:
    assert isinstance(html_to_text("".join(pieces)), str)


def test_wxr_comment_with_an_unknown_marked_section(data_dir: Path, tmp_path: Path) -> None:
    text = (data_dir / "wordpress_export.xml").read_text(encoding="utf-8")
    assert "be <em>gentle</em> with yourself" in text
    path = tmp_path / "export.xml"
    path.write_text(text.replace("be <em>gentle</em>", "be <![CDt gentle>"), encoding="utf-8")
    rejects = RejectLog()
    turns = {t.id: t.text for t in read_turns(path, format="wxr", rejects=rejects)}
    assert turns["comment-101"].endswith("The waves are real; be  with yourself.")
    assert rejects.total == 0


def test_json_lone_surrogate_escapes_are_rejected_not_passed_on(tmp_path: Path) -> None:
    """O2: a "\\ud800" escape used to reach the UTF-8 output writers and crash analyze."""
    from carelens.readers import RejectLog, read_exchanges

    source = tmp_path / "pairs.jsonl"
    good = '{"seeker_id": "s1", "response_id": "r1", "seeker": "a", "response": "b"}'
    bad = '{"seeker_id": "s2", "response_id": "r2", "seeker": "x\\ud800y", "response": "b"}'
    source.write_text(good + "\n" + bad + "\n", encoding="utf-8")
    log = RejectLog()
    found = list(read_exchanges(source, rejects=log))
    assert [e.response.id for e in found] == ["r1"]
    assert log.total == 1
