"""Topic categories for seeker messages, by embedding similarity to editable descriptions.

A category is a name and a few short descriptions ("grieving the death of someone I loved").
:class:`Embedder` turns texts into unit-length MiniLM sentence embeddings with ONNX Runtime
(the int8 model in ``models/minilm-embedder``, whose checksums are verified at load);
:class:`TopicModel` scores a message against a category by the largest cosine between the
message and any of the category's descriptions, and assigns the best category, or ``None``
("other") when even the best scores below ``min_score``. Categories come from
``topics_default.json`` or from a user's own JSON file of the same shape (see
``docs/topics.md``), validated by :meth:`TopicCategories.load` with errors that name the file
and field. A category is a topic label for browsing, never a risk score: "self-harm and
suicide" says what a message is about, not how urgent it is (that is the crisis analyzer's
job). Nothing here reads the network.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from tokenizers import Encoding, Tokenizer

from carelens.errors import InputError, ModelError
from carelens.inference.artifact import MANIFEST, ModelArtifact
from carelens.inference.session import open_session

EMBEDDER_ID = "carelens-minilm-embedder"
#: Cosine below which a message is "other" (``None``); chosen on the dev half of the
#: evaluation set (``benchmarks/topics_quality.py --sweep``, see ``docs/topics.md``).
DEFAULT_MIN_SCORE = 0.25
CATEGORIES_VERSION = 1
#: Characters of a text ever handed to the tokenizer (the model reads 128 word pieces; at
#: most about 24 characters each), so a 1 MB message costs no more than a long paragraph.
_MAX_CHARS = 128 * 24
# Lone UTF-16 surrogates (possible in strings decoded from JSON) cannot be tokenised.
_SURROGATE = re.compile("[\ud800-\udfff]")
_RESERVED_NAMES = frozenset({"other"})

FloatMatrix = NDArray[np.float32]


def default_embedder_dir() -> Path:
    """The embedding model shipped inside the package."""
    return Path(__file__).resolve().parent / "models" / "minilm-embedder"


def default_categories_path() -> Path:
    """The default categories file shipped inside the package."""
    return Path(__file__).resolve().parent / "topics_default.json"


# --- the embedder ------------------------------------------------------------------------


class Embedder:
    """Unit-length sentence embeddings from an ONNX MiniLM with mean pooling in its graph.

    Build one with :meth:`load`; the constructor takes an open ONNX Runtime session and a
    tokenizer and does no I/O. With ``batch_size=1`` (the default) a text's embedding depends
    on that text alone. The int8 model quantises activations with one scale per batch, so in
    larger batches an embedding moves with its batch-mates (cosine with the lone embedding
    down to 0.978 on the evaluation set), for about 1.4 times the speed. ``threads`` batches
    run at once, each on one ONNX Runtime thread.
    """

    def __init__(
        self,
        session: Any,
        tokenizer: Tokenizer,
        *,
        dimension: int = 384,
        max_length: int = 128,
        batch_size: int = 1,
        threads: int | None = None,
        manifest: Mapping[str, Any] | None = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self._session = session
        self.tokenizer = tokenizer
        self.dimension = dimension
        self.max_length = max_length
        self.batch_size = batch_size
        self.threads = max(1, threads if threads else (os.cpu_count() or 1))
        self._pool: ThreadPoolExecutor | None = None
        self.manifest: Mapping[str, Any] = dict(manifest or {})
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length)
        pad = tokenizer.token_to_id("[PAD]")
        self._pad = int(pad) if pad is not None else 0

    @classmethod
    def load(
        cls, path: str | Path | None = None, *, batch_size: int = 1, threads: int | None = None
    ) -> Embedder:
        """Load the model folder at ``path`` (default: the shipped one), verifying checksums.

        ``threads`` is how many batches run at once (default: one per CPU core).
        Raises :class:`~carelens.errors.ChecksumError` when a file differs from the manifest
        and :class:`~carelens.errors.ModelError` for a missing or incompatible folder.
        """
        folder = Path(path) if path is not None else default_embedder_dir()
        # a missing folder or a file is named as such by ModelArtifact.load
        if folder.is_dir() and not (folder / MANIFEST).is_file():
            raise ModelError(
                f"{folder}: no {MANIFEST} found; pass the folder of a carelens embedding model "
                "(one made by `python -m carelens.training.export_embedder`)"
            )
        artifact = ModelArtifact.load(folder)
        manifest = artifact.manifest
        if manifest.get("model_id") != EMBEDDER_ID:
            raise ModelError(
                f"{folder / MANIFEST}: not a {EMBEDDER_ID} model "
                f"(found {manifest.get('model_id')!r})"
            )
        try:
            encoding = manifest["encoding"]
            dimension = int(encoding["dimension"])
            max_length = int(encoding["max_length"])
            output = str(encoding["output"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{folder / MANIFEST}: missing or invalid field ({exc})") from exc
        try:
            tokenizer = Tokenizer.from_file(str(artifact.tokenizer_path))
        except Exception as exc:  # tokenizers raises a bare Exception
            raise ModelError(f"{artifact.tokenizer_path}: unreadable tokenizer ({exc})") from exc
        session = open_session(artifact.onnx_path)
        if [o.name for o in session.get_outputs()] != [output]:
            raise ModelError(f"{artifact.onnx_path}: expected one output named {output!r}")
        return cls(
            session,
            tokenizer,
            dimension=dimension,
            max_length=max_length,
            batch_size=batch_size,
            threads=threads,
            manifest=manifest,
        )

    def embed(self, texts: Sequence[str]) -> FloatMatrix:
        """Embeddings of ``texts`` as a float32 array ``[len(texts), dimension]``, L2 norm 1.

        Texts are run in batches of ``batch_size`` after sorting by token count (less
        padding); rows come back in the order given. Long texts are cut to ``max_length``
        word pieces.
        """
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        cleaned = [_SURROGATE.sub("\ufffd", text.strip()[:_MAX_CHARS]) for text in texts]
        encodings = self.tokenizer.encode_batch(cleaned)
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        batches = [
            order[start : start + self.batch_size]
            for start in range(0, len(order), self.batch_size)
        ]
        if self.threads > 1 and len(batches) > 1:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="carelens-embed")
            done = self._pool.map(self._run, ([encodings[i] for i in b] for b in batches))
        else:
            done = map(self._run, ([encodings[i] for i in b] for b in batches))
        for rows, vectors in zip(batches, done, strict=True):
            out[rows] = vectors
        return out

    def _run(self, encodings: Sequence[Encoding]) -> FloatMatrix:
        (vectors,) = self._session.run(None, self._feeds(encodings))
        return np.asarray(vectors, dtype=np.float32)

    def _feeds(self, encodings: Sequence[Encoding]) -> dict[str, NDArray[np.int64]]:
        width = max(len(e.ids) for e in encodings)
        n = len(encodings)
        ids = np.full((n, width), self._pad, dtype=np.int64)
        mask = np.zeros((n, width), dtype=np.int64)
        types = np.zeros((n, width), dtype=np.int64)
        for row, enc in enumerate(encodings):
            k = len(enc.ids)
            ids[row, :k] = enc.ids
            mask[row, :k] = enc.attention_mask
            types[row, :k] = enc.type_ids
        return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}


# --- categories --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TopicCategories:
    """Named categories, each with one or more descriptions, in a fixed order.

    Build one with :meth:`load` (a JSON file), :meth:`from_mapping` or :meth:`default`;
    every way validates. The order decides ties and the order of :meth:`TopicModel.scores`.
    """

    categories: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.categories)

    def __len__(self) -> int:
        return len(self.categories)

    def as_dict(self) -> dict[str, list[str]]:
        """``{name: [description, ...]}``, the shape of the ``categories`` field on disk."""
        return {name: list(descriptions) for name, descriptions in self.categories}

    def to_json(self) -> str:
        """The JSON text :meth:`load` reads back."""
        data = {"version": CATEGORIES_VERSION, "categories": self.as_dict()}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def default(cls) -> TopicCategories:
        """The categories shipped with carelens (``topics_default.json``)."""
        return cls.load(default_categories_path())

    @classmethod
    def from_mapping(
        cls, categories: Mapping[str, Sequence[str]], *, source: str = "<categories>"
    ) -> TopicCategories:
        """Validate ``{name: [description, ...]}``; errors name ``source`` and the field."""
        return cls(_validate_categories(categories, source, "categories"))

    @classmethod
    def load(cls, path: str | Path | None = None) -> TopicCategories:
        """Read a categories file: ``{"version": 1, "categories": {name: [description]}}``.

        Raises :class:`~carelens.errors.InputError` naming the file, and the line or field,
        when the file is missing, is not JSON, or breaks the rules in ``docs/topics.md``.
        """
        file = Path(path) if path is not None else default_categories_path()
        where = str(file)
        try:
            text = file.read_text(encoding="utf-8-sig")  # a byte-order mark is fine
        except FileNotFoundError as exc:
            raise InputError("categories file not found", path=where) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the categories file ({exc})", path=where) from exc
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
        except _DuplicateKeyError as exc:
            raise InputError(
                f"the name {exc.key!r} appears twice; merge the two entries", path=where
            ) from exc
        except json.JSONDecodeError as exc:
            raise InputError(
                f"not valid JSON ({exc.msg}, column {exc.colno})", path=where, line=exc.lineno
            ) from exc
        if not isinstance(data, dict):
            raise InputError(
                'expected a JSON object like {"version": 1, "categories": {...}}', path=where
            )
        unknown = sorted(set(data) - {"version", "categories"})
        if unknown:
            raise InputError(
                "unknown field; a categories file has only 'version' and 'categories'",
                path=where,
                field=unknown[0],
            )
        version = data.get("version", CATEGORIES_VERSION)
        if type(version) is not int or version != CATEGORIES_VERSION:  # not true, not 1.0
            raise InputError(
                f"version {version!r} is not supported (expected {CATEGORIES_VERSION})",
                path=where,
                field="version",
            )
        if "categories" not in data:
            raise InputError(
                "missing; add an object mapping each category name to a list of descriptions",
                path=where,
                field="categories",
            )
        return cls(_validate_categories(data["categories"], where, "categories"))


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKeyError(key)
        seen[key] = value
    return seen


def _validate_categories(
    value: object, source: str, field: str
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, Mapping) or not value:
        raise InputError(
            "expected a non-empty object mapping each category name to a list of descriptions",
            path=source,
            field=field,
        )
    result: list[tuple[str, tuple[str, ...]]] = []
    seen: set[str] = set()
    for name, descriptions in value.items():
        if not isinstance(name, str):  # possible through from_mapping, never in a JSON file
            raise InputError(
                f"a category name must be text, not {type(name).__name__} {name!r}",
                path=source,
                field=f"{field}[{name!r}]",
            )
        here = f"{field}[{json.dumps(name, ensure_ascii=False)}]"
        if not name.strip():
            raise InputError("a category name is empty", path=source, field=field)
        if name != name.strip():
            raise InputError(
                "the name starts or ends with spaces; remove them", path=source, field=here
            )
        key = _name_key(name)
        if key in _RESERVED_NAMES:
            reads = "" if name.casefold() == key else f" (it reads as {key!r})"
            raise InputError(
                f"{name!r}{reads} is reserved for messages that match no category; "
                "choose another name",
                path=source,
                field=here,
            )
        if key in seen:
            raise InputError(
                "the name appears twice (letter case and full-width or other compatibility "
                "forms ignored)",
                path=source,
                field=here,
            )
        seen.add(key)
        if isinstance(descriptions, str) or not isinstance(descriptions, Sequence):
            raise InputError(
                'expected a list of descriptions, e.g. ["grieving someone I loved"]',
                path=source,
                field=here,
            )
        if not descriptions:
            raise InputError("the list of descriptions is empty", path=source, field=here)
        for i, description in enumerate(descriptions):
            if not isinstance(description, str) or not description.strip():
                raise InputError(
                    "each description must be a non-empty string",
                    path=source,
                    field=f"{here}[{i}]",
                )
        result.append((name, tuple(descriptions)))
    return tuple(result)


def _name_key(name: str) -> str:
    """What a category name is compared by: its NFKC form case-folded, so that "Other",
    full-width "\uff4f\uff54\uff48\uff45\uff52" and "Grief" / "GRIEF" read alike."""
    return unicodedata.normalize("NFKC", name).casefold()


# --- assignment --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TopicAssignment:
    """The topic of one message.

    ``category`` is the best-scoring category, or ``None`` ("other") when its ``score`` (the
    largest cosine with one of its descriptions) is below ``min_score`` or the text is blank.
    ``runner_up`` is the next-best category; for "other" it is the nearest category (the
    one ``score`` belongs to), and ``None`` for a blank text or a single category.
    """

    category: str | None
    score: float
    runner_up: str | None


class TopicModel:
    """Assign :class:`TopicCategories` to texts with an :class:`Embedder`.

    The description embeddings are computed on first use and kept; the constructor does no
    work. One model is safe to share between threads.
    """

    def __init__(self, embedder: Embedder, categories: TopicCategories) -> None:
        self.embedder = embedder
        self.categories = categories
        self._descriptions: FloatMatrix | None = None
        self._starts: NDArray[np.intp] | None = None

    @classmethod
    def load(
        cls,
        categories: TopicCategories | str | Path | None = None,
        *,
        embedder_path: str | Path | None = None,
    ) -> TopicModel:
        """The shipped embedder (or ``embedder_path``) with ``categories`` (default: shipped)."""
        if not isinstance(categories, TopicCategories):
            categories = TopicCategories.load(categories)
        return cls(Embedder.load(embedder_path), categories)

    def _description_matrix(self) -> tuple[FloatMatrix, NDArray[np.intp]]:
        if self._descriptions is None or self._starts is None:
            texts = [d for _, descriptions in self.categories.categories for d in descriptions]
            sizes = [len(descriptions) for _, descriptions in self.categories.categories]
            self._starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)
            self._descriptions = self.embedder.embed(texts)
        return self._descriptions, self._starts

    def scores(self, texts: Sequence[str]) -> FloatMatrix:
        """Cosine of each text with each category, ``[len(texts), len(categories)]``.

        A category's score is the largest cosine over its descriptions.
        """
        descriptions, starts = self._description_matrix()
        if not texts:
            return np.zeros((0, len(self.categories)), dtype=np.float32)
        similarity = self.embedder.embed(texts) @ descriptions.T
        return np.maximum.reduceat(similarity, starts, axis=1).astype(np.float32)

    def assign(
        self, texts: Iterable[str], *, min_score: float = DEFAULT_MIN_SCORE
    ) -> list[TopicAssignment]:
        """The category of each text (``None`` below ``min_score``), in the order given. A
        text without a letter or digit ("", "?!", ":(") has no topic: category None, score 0.
        """
        if isinstance(texts, str):
            raise TypeError("assign() takes a list of texts, not one string")
        items = list(texts)
        blank = TopicAssignment(category=None, score=0.0, runner_up=None)
        results = [blank] * len(items)
        content = [i for i, text in enumerate(items) if any(c.isalnum() for c in text)]
        names = self.categories.names
        matrix = self.scores([items[i] for i in content])
        for row, i in zip(matrix, content, strict=True):
            ranked = np.argsort(-row, kind="stable")
            best = int(ranked[0])
            second = names[int(ranked[1])] if len(ranked) > 1 else None
            score = float(row[best])
            if score >= min_score:
                results[i] = TopicAssignment(names[best], score, second)
            else:
                results[i] = TopicAssignment(None, score, names[best])
        return results
