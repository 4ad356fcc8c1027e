"""Digests of the texts each record of an output was made from, kept beside the output.

A resumed run keeps the records already written, so it must run over the input they were
made from. Their ids say which pair each record is, not whether that pair's texts are still
the ones analysed: an input edited in place (a corrected message, a row replaced) would
leave old levels, crisis cues and unsafe marks under new texts. The records themselves
cannot always show it (``--no-text`` leaves the texts out, ``--redact`` changes them), so
:class:`~carelens.output.writer.ResultWriter` keeps beside the output, in ``OUT.digests``,
one digest per record of the two texts of its input pair as read (before any redaction),
and a resume refuses a record whose pair's texts no longer give its digest.

The file is text: a first line ``carelens text digests 1 <key>`` (32 hex digits, random for
each output), then one line per record, in the output's order, of 16 hex digits: a 64-bit
BLAKE2b of the seeker and response texts keyed with that key. It holds no text, but a text
short enough to be guessed (a one-word reply) can be found by trying candidates against its
digest with the key beside it, so it goes where the output goes. Digests are written before
the records they stand for, so an interrupted run leaves at least as many digests as
records; a resume keeps the digests of the records it keeps and drops the rest.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from carelens.types import Exchange

#: Suffix of the file beside an output that holds the digests of its records' texts.
DIGESTS_SUFFIX = ".digests"
_HEADER = "carelens text digests 1 "
_KEY = re.compile(r"[0-9a-f]{32}")
_DIGEST = re.compile(rb"[0-9a-f]{16}")
#: Bytes per digest line: 16 hex digits and a newline.
_LINE = 17


def digests_path(output: str | os.PathLike[str]) -> Path:
    """The file beside ``output`` that holds the digests of its records' texts."""
    p = Path(output)
    return p.with_name(p.name + DIGESTS_SUFFIX)


class TextDigests:
    """The digests file of one output (``path``): read when resuming, appended to while
    records are written.

    :meth:`load` reads an existing file; :attr:`found` is then its digests (None: there is
    no file, or it is not one, as beside an output begun before digests were kept).
    :meth:`digest` gives the digest of a pair's texts; :meth:`start` keeps the digests of
    the records kept and opens the file for :meth:`append`.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.key = os.urandom(16)
        #: The digests found in the file, in order (None: no readable file).
        self.found: list[bytes] | None = None
        self._header_size = 0
        self._fh: IO[bytes] | None = None

    def load(self) -> None:
        """Read the key and the whole digest lines of an existing file (a last line cut
        short, or anything after a line that is not a digest, is left out)."""
        self.found = None
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return
        header, newline, rest = data.partition(b"\n")
        text = header.decode("ascii", "replace")
        if not newline or not text.startswith(_HEADER):
            return
        key = text[len(_HEADER) :]
        if not _KEY.fullmatch(key):
            return
        self.key, self._header_size = bytes.fromhex(key), len(header) + 1
        found = []
        for at in range(0, len(rest) - _LINE + 1, _LINE):
            line = rest[at : at + _LINE]
            if line[-1:] != b"\n" or not _DIGEST.fullmatch(line[:-1]):
                break
            found.append(line[:-1])
        self.found = found

    def digest(self, exchange: Exchange) -> bytes:
        """The digest of ``exchange``'s seeker and response texts, under this file's key."""
        h = hashlib.blake2b(digest_size=8, key=self.key)
        for text in (exchange.seeker.text, exchange.response.text):
            data = text.encode("utf-8", "surrogatepass")
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)
        return h.hexdigest().encode("ascii")

    def start(self, kept: Sequence[bytes]) -> None:
        """Keep ``kept`` (the digests of the records kept, in order) as the file's digests,
        then open it for :meth:`append`: a file that already starts with them is cut after
        them, any other is written anew."""
        if self.found is not None and self.found[: len(kept)] == list(kept):
            with self.path.open("r+b") as fh:
                fh.truncate(self._header_size + len(kept) * _LINE)
        else:
            tmp = self.path.with_name(self.path.name + ".tmp")
            with tmp.open("wb") as fh:
                fh.write(f"{_HEADER}{self.key.hex()}\n".encode("ascii"))
                fh.write(b"".join(d + b"\n" for d in kept))
            os.replace(tmp, self.path)
        self._fh = self.path.open("ab")

    def append(self, exchanges: Iterable[Exchange]) -> None:
        """Add the digests of ``exchanges`` (whose records are written next) and flush them."""
        if self._fh is None:
            raise RuntimeError("TextDigests.start() must be called before append()")
        self._fh.write(b"".join(self.digest(e) + b"\n" for e in exchanges))
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
