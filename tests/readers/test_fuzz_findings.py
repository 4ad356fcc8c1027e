"""Regression tests for what fuzzing the readers found after the WXR reader began to pass
over blank lines before ``<?xml`` (``fuzz/fuzz_wxr.py``, whose oracle now also asks expat
about the bytes from where the reader starts parsing).

The prolog check read the file from its first byte while the parse started after the blank
lines, so the two could see different encodings: after four spaces, a UTF-16 document
without a byte-order mark looked to the check like an 8-bit one that opens its root element
(its ``<`` followed by a NUL), while expat read the rest as UTF-16 and expanded the entities
its DOCTYPE declared; and an unreadable declared encoding after a blank line escaped the
encoding check (expat refused the blank line first) and then raised ``LookupError`` from the
parse.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from carelens.errors import InputError
from carelens.readers import RejectLog, read_turns

_HEAD = (
    '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
)


def _export(title: str) -> str:
    return (
        f"{_HEAD}<item><title>{title}</title><dc:creator>ann</dc:creator>"
        "<content:encoded>I feel alone.</content:encoded><wp:post_id>1</wp:post_id>"
        "<wp:post_type>post</wp:post_type></item></channel></rss>\n"
    )


_LAUGHS = '<!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'


@pytest.mark.parametrize("before", [b"    ", b"\n\n\n\n", b"\xef\xbb\xbf \r\n\t"])
def test_wxr_utf16_dtd_after_blank_lines_is_refused(tmp_path: Path, before: bytes) -> None:
    path = tmp_path / "export.xml"
    xml = '<?xml version="1.0" encoding="UTF-16"?>' + _LAUGHS + _export("&b;")
    path.write_bytes(before + xml.encode("utf-16-le"))
    with pytest.raises(InputError, match="DOCTYPE/ENTITY"):
        list(read_turns(path, format="wxr", rejects=RejectLog()))


def test_wxr_8bit_dtd_after_blank_lines_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_bytes(b"\n\n" + ('<?xml version="1.0"?>' + _LAUGHS + _export("&b;")).encode())
    with pytest.raises(InputError, match="DOCTYPE/ENTITY"):
        list(read_turns(path, format="wxr", rejects=RejectLog()))


def test_wxr_unreadable_encoding_after_blank_lines_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    xml = '<?xml version="1.0" encoding="x-no-such-codec"?>' + _export("Hi")
    path.write_bytes(b"\r\n\n " + xml.encode())
    with pytest.raises(InputError, match="declared encoding cannot be read"):
        list(read_turns(path, format="wxr", rejects=RejectLog()))


@pytest.mark.parametrize("before", [b"", b"\n\n  ", b"\xef\xbb\xbf\n"])
def test_wxr_after_blank_lines_still_reads(tmp_path: Path, before: bytes) -> None:
    path = tmp_path / "export.xml"
    path.write_bytes(before + ('<?xml version="1.0" encoding="UTF-8"?>' + _export("Hi")).encode())
    turns = list(read_turns(path, format="wxr", rejects=RejectLog()))
    assert [t.text for t in turns] == ["Hi\n\nI feel alone."]
