"""Parquet files that try to get past a limit on what they unpack to, for the reader and
upload tests: a footer that understates the sizes (:func:`understate_sizes`), a column of
lists that repeats one stored text within a row (:func:`list_bomb`), and texts that a
compressor packs to a few KB."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

#: Every Parquet file ends with its footer's length (4 bytes, little-endian) and this.
MAGIC = b"PAR1"
#: The compact-protocol field header of an i64 field one after the field before it: a
#: chunk's ``total_uncompressed_size`` (6, after ``num_values``) and a row group's
#: ``total_byte_size`` (2, after ``columns``).
_NEXT_I64 = b"\x16"


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        low, value = value & 0x7F, value >> 7
        if not value:
            out.append(low)
            return bytes(out)
        out.append(low | 0x80)


def _padded(value: int, length: int) -> bytes:
    """``value`` as a varint of ``length`` bytes (continuation bytes of zeros: a reader takes
    them as the shorter form), so that the footer keeps its length."""
    out = bytearray(_varint(value))
    assert len(out) <= length
    while len(out) < length:
        out[-1] |= 0x80
        out.append(0)
    return bytes(out)


def understate_sizes(path: Path, *, to: int = 1) -> None:
    """Rewrite the footer of the Parquet file at ``path`` (written without statistics, so
    that no other footer bytes look like a size) so that every column chunk's
    ``total_uncompressed_size`` and every row group's ``total_byte_size`` says ``to``
    bytes: the pages are as before, and unpack to what they did."""
    data = bytearray(path.read_bytes())
    assert data.endswith(MAGIC)
    (length,) = struct.unpack("<I", data[-8:-4])
    start = len(data) - 8 - length
    metadata = pq.ParquetFile(path).metadata
    sizes = set()
    for i in range(metadata.num_row_groups):
        group = metadata.row_group(i)
        sizes.add(group.total_byte_size)
        sizes.update(group.column(j).total_uncompressed_size for j in range(group.num_columns))
    for size in sorted(sizes, reverse=True):
        needle = _NEXT_I64 + _varint(size << 1)  # zigzag: a positive n is 2n
        at = data.find(needle, start)
        while at != -1 and at < len(data) - 8:
            data[at + 1 : at + len(needle)] = _padded(to << 1, len(needle) - 1)
            at = data.find(needle, at + 1)
    path.write_bytes(bytes(data))
    metadata = pq.ParquetFile(path).metadata
    for i in range(metadata.num_row_groups):
        group = metadata.row_group(i)
        assert group.total_byte_size == to and all(
            group.column(j).total_uncompressed_size == to for j in range(group.num_columns)
        ), "the footer still holds a size"


def pairs(path: Path, seeker: list[str], **options: Any) -> Path:
    """Pairs whose seeker texts are ``seeker`` (responses short), written as ``options``
    say (``write_table``'s), without the Arrow schema."""
    rows = len(seeker)
    table = pa.table(
        {
            "seeker_id": [f"s{i}" for i in range(rows)],
            "response_id": [f"r{i}" for i in range(rows)],
            "seeker": seeker,
            "response": ["That sounds so hard. What happened?"] * rows,
        }
    )
    pq.write_table(table, path, store_schema=False, **options)
    return path


def list_bomb(path: Path, text: str, repeats: int) -> Path:
    """One pair, and a ``tags`` column whose one row lists ``text`` ``repeats`` times: the
    file stores the text once and a run of one dictionary index."""
    values = pa.DictionaryArray.from_arrays(pa.array([0] * repeats, pa.int32()), [text])
    tags = pa.ListArray.from_arrays(pa.array([0, repeats], pa.int32()), values)
    table = pa.table(
        {
            "seeker_id": ["s0"],
            "response_id": ["r0"],
            "seeker": ["I feel so alone since I moved."],
            "response": ["That sounds lonely. What do you miss most?"],
            "tags": tags,
        }
    )
    pq.write_table(table, path, compression="zstd", store_schema=False)
    return path


#: Reads a file under a limit and prints the outcome and Arrow's peak memory (:func:`arrow_peak`).
_PEAK = """
import sys
import pyarrow as pa
from carelens.errors import InputError
from carelens.readers import RejectLog, read_exchanges
from carelens.readers.base import UnpackedLimitError, unpacked_limit
try:
    with unpacked_limit(int(sys.argv[2])):
        for _ in read_exchanges(sys.argv[1], rejects=RejectLog()):
            pass
    print("read", pa.default_memory_pool().max_memory())
except UnpackedLimitError:
    print("refused", pa.default_memory_pool().max_memory())
except InputError:
    print("unreadable", pa.default_memory_pool().max_memory())
"""


def arrow_peak(path: Path, limit: int) -> tuple[str, int]:
    """Read ``path`` under ``limit`` in a process of its own: "read", "refused" or
    "unreadable", and the most memory Arrow held meanwhile (bytes)."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path), str(limit)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    outcome, peak = done.stdout.split()
    return outcome, int(peak)
