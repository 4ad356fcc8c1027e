"""Where uploaded corpora live on disk, and file names made safe.

An upload is kept as ``<data_dir>/uploads/<corpus id>/<safe name>``, with the reject log of
its analysis beside it (``.rejects.jsonl``). The client's file name is never trusted:
:func:`safe_filename` keeps only its last path component, letters, digits, ``.``, ``-`` and
``_`` (so no separators, no ``..``, no hidden or device names) and at most
:data:`MAX_NAME_CHARS` characters, keeping the extension the format detection relies on
(``.zst`` with the format before it: ``.jsonl.zst``).
Uploads are written to ``uploads/.incoming`` first and moved into place once complete; the
folders and files are readable by their owner only. A copy that fails is removed at once; one
left by a server that was killed mid-upload is removed by the next upload or start once it
has not been written to for :data:`STALE_INCOMING_S` (a live upload writes every MiB).
The uploads folder has an id of its own (:func:`folder_id`, kept in :data:`FOLDER_ID_NAME`),
recorded with each corpus it receives, so that servers sharing one store each analyse the
corpora whose file they hold; :func:`sweep_orphans` removes the folders of corpora the store
no longer has.
"""

from __future__ import annotations

import os
import re
import shutil
import time
import unicodedata
import uuid
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from carelens.errors import CarelensError
from carelens.privacy import redact

#: Name of the reject log in a corpus folder (safe names never start with a dot).
REJECTS_NAME = ".rejects.jsonl"
#: Folder for uploads still being received.
INCOMING = ".incoming"
#: The file in the uploads folder that holds its id (:func:`folder_id`).
FOLDER_ID_NAME = ".folder-id"
#: Seconds without a write after which a file in :data:`INCOMING` is an abandoned upload.
STALE_INCOMING_S = 600.0
#: The most bytes of a compressed upload unpacked to detect its format: a few KB of ``.zst``
#: can unpack to gigabytes of blank lines, which detection would pass over one by one.
DETECT_UNPACKED_BYTES = 64 << 20
MAX_NAME_CHARS = 100
DEFAULT_NAME = "upload"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
#: What :func:`safe_filename` keeps as an extension.
_EXTENSION = re.compile(r"[A-Za-z0-9]{1,16}")
#: Compressions the readers undo, and the formats of a compound extension (``.jsonl.zst``).
_COMPRESSIONS = frozenset({"zst"})
_INNER = frozenset({"csv", "tsv", "txt", "json", "jsonl", "ndjson", "xml", "wxr"})
_CORPUS_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


#: Extensions format detection reads: :func:`redacted_filename` keeps them as they are, and
#: :func:`safe_filename` takes ``.csv`` alone for an extension (``.bashrc`` for a name).
KNOWN_SUFFIXES: frozenset[str] = frozenset(
    {"csv", "tsv", "txt", "json", "jsonl", "ndjson", "zst", "xml", "wxr", "parquet", "pq"}
)


def safe_filename(name: str | None) -> str:
    """A file name built from ``name`` that is safe to join to a folder (never empty).

    The extension (the part after the last dot: 1-16 letters or digits) is kept, with the one
    before it when that is a data format and the last a compression (``.jsonl.zst``), since
    format detection and decompression read it; the stem keeps letters, digits, ``_``, ``-``
    and single dots, and a stem with no letter or digit of its own (``日本語.csv``,
    ``-.zst``, ``.csv``) becomes ``upload``: without a stem the extension would be taken for
    the name (``csv``), and a ``.zst`` file would not be decompressed. A hidden file's name
    whose part after the dot is no known extension (``.bashrc``) is a name, not an
    extension: it keeps that part (``bashrc``).
    """
    base = re.split(r"[/\\]", name or "")[-1]
    base = unicodedata.normalize("NFKD", base)
    stem, dot, extension = base.rpartition(".")
    extension = _ascii(extension).strip()
    hidden = not stem and extension.lower() not in KNOWN_SUFFIXES
    if not dot or hidden or not _EXTENSION.fullmatch(extension):
        stem, extension = base, ""  # no extension: ``README``, ``.bashrc``, ``notes.v2-final``
    inner_stem, inner_dot, inner = stem.rpartition(".")
    inner = _ascii(inner).strip()
    if extension.lower() in _COMPRESSIONS and inner_dot and inner.lower() in _INNER:
        stem, extension = inner_stem, f"{inner}.{extension}"
    parts = [part.strip("_-") for part in _UNSAFE.sub("_", _ascii(stem)).split(".")]
    parts = [part for part in parts if part]
    room = MAX_NAME_CHARS - len(extension) - 2
    stem = ".".join(parts)[:room].rstrip("._-") or DEFAULT_NAME
    first = stem.split(".", 1)[0]
    if first.lower() in _RESERVED:
        stem = f"{first}_{stem[len(first) :]}"
    return f"{stem}.{extension}" if extension else stem


def _ascii(text: str) -> str:
    """``text`` (NFKD-normalised) with every non-ASCII character dropped."""
    return text.encode("ascii", "ignore").decode("ascii")


def redacted_filename(name: str | None) -> str | None:
    """``name`` (a client's file name) with e-mail addresses, phone numbers, URLs, handles and
    street addresses replaced by placeholders, a known extension kept; None stays None.

    Underscores often stand for spaces in file names (``call_555-123-4567.csv``), so the name
    is redacted once as it is and once more with them read as spaces.
    """
    if name is None:
        return None
    base = re.split(r"[/\\]", name)[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot or suffix.lower() not in KNOWN_SUFFIXES:
        stem, suffix = base, ""
    stem = redact(redact(stem).replace("_", " "))
    return f"{stem}.{suffix}" if suffix else stem


def corpus_dir(uploads: Path, corpus_id: str) -> Path:
    """The folder of a corpus; ValueError for an id that is not a plain token."""
    if not _CORPUS_ID.match(corpus_id):
        raise ValueError(f"unexpected corpus id {corpus_id!r}")
    return uploads / corpus_id


def _private_dir(path: Path) -> None:
    """Create ``path`` (and parents) if missing; new folders are for their owner only. Another
    thread or process may create one at the same moment: a folder that appeared meanwhile is
    fine (a file in its place is still an error)."""
    for folder in reversed([path, *path.parents]):
        if not folder.exists():
            try:
                folder.mkdir(mode=0o700)
            except FileExistsError:
                if not folder.is_dir():
                    raise


def receive(source: BinaryIO, uploads: Path, name: str) -> tuple[Path, int]:
    """Copy an upload to a fresh file under ``uploads/.incoming``; its path and size.

    Folders and files are created readable by their owner only (they hold conversations).
    """
    incoming = uploads / INCOMING
    _private_dir(incoming)
    sweep_incoming(uploads)
    target = incoming / f"{uuid.uuid4().hex}-{name}"
    try:
        with os.fdopen(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "wb") as out:
            shutil.copyfileobj(source, out, 1 << 20)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target, target.stat().st_size


def sweep_incoming(uploads: Path, *, older_than_s: float = STALE_INCOMING_S) -> int:
    """Remove abandoned partial uploads (not written to for ``older_than_s``); how many."""
    incoming = uploads / INCOMING
    if not incoming.is_dir():
        return 0
    cutoff = time.time() - older_than_s
    removed = 0
    for entry in incoming.iterdir():
        try:
            if entry.is_file() and entry.stat().st_mtime < cutoff:
                entry.unlink()
                removed += 1
        except FileNotFoundError:  # another request finished or removed it meanwhile
            continue
    return removed


def place(received: Path, uploads: Path, corpus_id: str, name: str) -> Path:
    """Move a received upload into its corpus folder; the final path."""
    folder = corpus_dir(uploads, corpus_id)
    _private_dir(folder)
    final = folder / name
    received.replace(final)
    return final


def find_upload(uploads: Path, corpus_id: str, name: str) -> Path | None:
    """The stored upload of a corpus, or None when it is missing."""
    path = corpus_dir(uploads, corpus_id) / name
    return path if path.is_file() else None


def folder_id(uploads: Path) -> str:
    """The id of the uploads folder (32 hex digits), made and kept in
    :data:`FOLDER_ID_NAME` the first time. It names the folder itself, not a path or a host,
    so it holds when the data folder moves, and tells apart two servers' folders of the same
    path on two machines. Two processes that make it at once agree on one: it is written to
    a file of its own and linked into place only if none is there yet."""
    path = uploads / FOLDER_ID_NAME
    with suppress(FileNotFoundError):
        return _read_id(path)
    _private_dir(uploads)
    draft = uploads / f"{FOLDER_ID_NAME}.{uuid.uuid4().hex}"
    with os.fdopen(os.open(draft, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "w") as out:
        out.write(uuid.uuid4().hex + "\n")
    try:
        os.link(draft, path)
    except FileExistsError:
        pass
    finally:
        draft.unlink()
    return _read_id(path)


def _read_id(path: Path) -> str:
    text = path.read_text(encoding="ascii", errors="replace").strip()
    if not _CORPUS_ID.match(text):
        raise CarelensError(
            f"{path}: not an uploads folder id ({text[:40]!r}); restore it from a backup of "
            "the data folder, or remove it (a new id is made, and unfinished corpora uploaded "
            "before are no longer taken up: delete them or upload them again)"
        )
    return text


def corpus_folders(uploads: Path) -> list[str]:
    """The corpus ids that have a folder under ``uploads`` (names that are no corpus id,
    such as :data:`INCOMING`, left out)."""
    if not uploads.is_dir():
        return []
    return sorted(
        entry.name
        for entry in uploads.iterdir()
        if _CORPUS_ID.match(entry.name) and entry.is_dir() and not entry.is_symlink()
    )


def sweep_orphans(uploads: Path, folders: list[str], known: set[str]) -> int:
    """Remove the corpus ``folders`` (from :func:`corpus_folders`, listed before the store
    was asked for the ``known`` corpus ids, so a corpus created meanwhile is never taken for
    gone) whose corpus the store no longer has; how many."""
    removed = 0
    for corpus_id in folders:
        if corpus_id not in known:
            shutil.rmtree(uploads / corpus_id, ignore_errors=True)
            removed += 1
    return removed


def discard(path: Path) -> None:
    """Remove a received file, ignoring one that is already gone."""
    path.unlink(missing_ok=True)
