"""Under an unpacked limit a Parquet file is held to what its pages unpack to, not only to
what its footer says (readers.parquet_pages, readers.parquet.check_unpacked).

Was: the reader trusted the footer's sizes and encodings, so a file whose footer understated
them was decoded a batch at a time — a batch that could be one row of gigabytes — before
anything was counted; a column of lists could repeat one stored text within a single row
past any cut of the rows; and a fixed-size column took its width in every row, null or not,
which no size in the footer counts. Now the page headers (what the decoder unpacks) bound
the sizes, a list or map column is refused naming it, and the rows' own widths are counted,
all before a row is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import carelens.readers.parquet as parquet_reader
from carelens.errors import InputError
from carelens.readers import RejectLog, read_exchanges
from carelens.readers.base import UnpackedLimitError, unpacked_limit
from carelens.readers.parquet import (
    CELLS_PER_BATCH,
    ROWS_PER_BATCH,
    check_parquet,
    row_sizes,
    rows_per_batch,
    unpacked_size,
)
from carelens.readers.parquet_pages import ChunkPages, chunk_pages
from parquet_files import arrow_peak, list_bomb, pairs, understate_sizes

#: Reads a Parquet file under an unpacked limit in a process of its own and prints how it
#: ended and the most memory Arrow held at once (its pool's peak).


def _read(path: Path, limit: int | None) -> int:
    """The records read of ``path`` under ``limit``: exchanges and rejects."""
    rejects = RejectLog()
    with unpacked_limit(limit):
        return sum(1 for _ in read_exchanges(path, rejects=rejects)) + rejects.total


def test_a_footer_that_understates_the_sizes_is_refused_by_its_pages(tmp_path: Path) -> None:
    """One row of a 32 MiB text, packed to a few KB, its footer rewritten to say 1 byte:
    refused before the row is decoded (Arrow decoded 64 MiB and more before)."""
    text = "I keep thinking about what happened and I cannot sleep. " * (600 << 10)
    path = pairs(
        tmp_path / "lying.parquet",
        [text],
        compression="zstd",
        use_dictionary=False,
        write_statistics=False,
    )
    understate_sizes(path)
    assert path.stat().st_size < 64 << 10
    assert unpacked_size(pq.ParquetFile(path).metadata) < 100  # the footer says nothing
    limit = 2 << 20
    with unpacked_limit(limit), pytest.raises(UnpackedLimitError) as caught:
        _read(path, limit)
    message = str(caught.value)
    size = int(message.split("unpacks to ")[1].split(" bytes")[0].replace(",", ""))
    assert size > len(text), message  # what the pages unpack to
    outcome, peak = arrow_peak(path, limit)
    assert outcome == "refused" and peak < limit, (outcome, peak)
    assert _read(path, None) == 1  # without a limit, read as before (a text too long)


def test_a_column_of_lists_is_refused_naming_it_before_a_row(tmp_path: Path) -> None:
    """One row whose list repeats a 1 KiB text 200,000 times: 200 MiB decoded from a file
    of a few KB and a footer that says a few KB (Arrow held 270 MB under a 2 MiB limit)."""
    path = list_bomb(tmp_path / "tags.parquet", "x" * 1024, 200_000)
    assert unpacked_size(pq.ParquetFile(path).metadata) < 64 << 10
    with pytest.raises(InputError) as caught:
        _read(path, 2 << 20)
    assert not isinstance(caught.value, UnpackedLimitError)
    assert caught.value.field == "tags" and caught.value.path == str(path)
    assert str(caught.value).startswith(
        f"{path}, field 'tags': the column holds lists (list<element: string>), which cannot "
        "be read under a limit on what the file unpacks to"
    )
    outcome, peak = arrow_peak(path, 2 << 20)
    assert outcome == "unreadable" and peak < 1 << 20, (outcome, peak)
    small = list_bomb(tmp_path / "small.parquet", "vol", 3)
    assert _read(small, None) == 1  # without a limit a list is read (kept in meta) as before


def test_a_struct_of_lists_is_refused_too(tmp_path: Path) -> None:
    table = pa.table(
        {
            "seeker_id": ["s0"],
            "response_id": ["r0"],
            "seeker": ["I feel so alone."],
            "response": ["That sounds lonely."],
            "extra": pa.array([{"tags": ["a", "b"], "n": 1}]),
        }
    )
    path = tmp_path / "nested.parquet"
    pq.write_table(table, path)
    with pytest.raises(InputError) as caught:
        check_parquet(path, 1 << 20)
    assert caught.value.field == "extra"
    plain = pa.table({**{n: table[n] for n in table.column_names[:4]}, "meta": [{"n": 1}]})
    pq.write_table(plain, tmp_path / "struct.parquet")
    check_parquet(tmp_path / "struct.parquet", 1 << 20)  # a struct of values is fine


def test_rows_of_a_wide_fixed_size_column_are_refused_before_a_row(tmp_path: Path) -> None:
    """100 null values of a 1 MiB fixed-size binary: 45 bytes by the footer and the pages,
    100 MiB decoded (Arrow decodes such a column whole, however few rows a batch asks)."""
    table = pa.table(
        {
            "seeker_id": [f"s{i}" for i in range(100)],
            "response_id": [f"r{i}" for i in range(100)],
            "seeker": ["I feel so alone."] * 100,
            "response": ["That sounds lonely."] * 100,
            "blob": pa.array([None] * 100, pa.binary(1 << 20)),
        }
    )
    path = tmp_path / "wide.parquet"
    pq.write_table(table, path, compression="zstd")
    limit = 2 << 20
    with pytest.raises(UnpackedLimitError) as caught:
        check_parquet(path, limit)
    assert f"unpacks to {100 * ((1 << 20) + 16):,} bytes" in str(caught.value)
    outcome, peak = arrow_peak(path, limit)
    assert outcome == "refused" and peak < limit, (outcome, peak)
    least, most = row_sizes(pq.ParquetFile(path).schema_arrow)
    assert least == (1 << 20) + 4 * 4 and most >= least


@pytest.mark.parametrize("version", ["1.0", "2.0"])
@pytest.mark.parametrize("compression", ["none", "snappy", "gzip", "zstd"])
@pytest.mark.parametrize(
    "encoding", ["dictionary", "PLAIN", "DELTA_BYTE_ARRAY", "DELTA_LENGTH_BYTE_ARRAY"]
)
def test_the_pages_of_an_honest_file_say_what_its_footer_says(
    tmp_path: Path, version: str, compression: str, encoding: str
) -> None:
    texts = [f"text {i % 37} " * (i % 9) for i in range(5000)]
    options: dict[str, Any] = {"use_dictionary": encoding == "dictionary"}
    if encoding != "dictionary":
        options["column_encoding"] = {"seeker": encoding}
    path = pairs(
        tmp_path / "pairs.parquet",
        texts,
        compression=compression,
        data_page_version=version,
        data_page_size=4096,
        **options,
    )
    metadata = pq.ParquetFile(path).metadata
    with path.open("rb") as source:
        for i in range(metadata.num_row_groups):
            group = metadata.row_group(i)
            for j in range(group.num_columns):
                chunk = group.column(j)
                start = chunk.data_page_offset
                if chunk.has_dictionary_page:
                    start = min(start, chunk.dictionary_page_offset)
                found = chunk_pages(
                    source,
                    start,
                    chunk.total_compressed_size,
                    chunk.num_values,
                    file_size=path.stat().st_size,
                    max_pages=10_000,
                )
                assert found.unpacked == chunk.total_uncompressed_size, chunk.path_in_schema
                plain = {"PLAIN", "RLE", "BIT_PACKED"}.issuperset(chunk.encodings)
                assert found.repeats == (chunk.has_dictionary_page or not plain)
                assert found.pages >= 1
    assert _read(path, 64 << 20) == 5000


def test_pages_that_repeat_values_cut_the_batches_whatever_the_footer_says(
    tmp_path: Path,
) -> None:
    path = pairs(tmp_path / "pairs.parquet", ["y" * 1000] * 50, use_dictionary=False)
    group = pq.ParquetFile(path).metadata.row_group(0)
    plain = [ChunkPages(unpacked=100, repeats=False, pages=1)] * group.num_columns
    assert rows_per_batch(group, 1 << 20, plain) == ROWS_PER_BATCH
    # A dictionary page the footer did not mention: one row may take all of its chunk.
    hidden = [*plain[:2], ChunkPages(unpacked=100 << 10, repeats=True, pages=2), plain[3]]
    assert rows_per_batch(group, 1 << 20, hidden) == (1 << 20) // (100 << 10)
    assert rows_per_batch(group, 1 << 20, hidden, row_bytes=(100 << 10)) == 5


def test_a_file_of_many_columns_is_read_a_few_rows_at_a_time(tmp_path: Path) -> None:
    columns = 400
    table = pa.table({f"c{k}": list(range(10)) for k in range(columns)})
    path = tmp_path / "wide.parquet"
    pq.write_table(table, path)
    group = pq.ParquetFile(path).metadata.row_group(0)
    assert rows_per_batch(group, 1 << 30) == CELLS_PER_BATCH // columns


def test_a_file_of_too_many_pages_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = pairs(
        tmp_path / "pages.parquet",
        [f"text {i}" for i in range(200)],
        data_page_size=1,
        write_batch_size=1,
        use_dictionary=False,
    )
    monkeypatch.setattr(parquet_reader, "MAX_PAGES", 100)
    with pytest.raises(InputError, match="holds more than 100 pages") as caught:
        check_parquet(path, 1 << 30)
    assert not isinstance(caught.value, UnpackedLimitError)
    assert _read(path, None) == 200  # without a limit no page header is read


def test_a_damaged_page_header_is_an_input_error(tmp_path: Path) -> None:
    path = pairs(tmp_path / "pairs.parquet", ["I feel so alone."] * 10, use_dictionary=False)
    chunk = pq.ParquetFile(path).metadata.row_group(0).column(2)
    data = bytearray(path.read_bytes())
    data[chunk.data_page_offset] = 0xFF  # a field of no Thrift type
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="not a readable Parquet file") as caught:
        check_parquet(path, 1 << 30)
    assert caught.value.path == str(path)
