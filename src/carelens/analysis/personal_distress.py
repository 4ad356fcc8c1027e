"""The helper's own personal distress: a small hashed-n-gram ridge model plus exhaustion cues.

This feeds the codebook's *strain signals* (taxonomy, "Load and strain signals"): wording in
which a helper shows their own upset or exhaustion. It gives signals for a person to look at,
never a diagnosis. Two parts work together:

* :class:`PersonalDistressModel` predicts the writer's Batson personal-distress score (1-7)
  from hashed word unigrams and bigrams (sublinear tf-idf, L2 norm) with ridge weights trained on
  the essays of Buechel et al. (2018) by :mod:`carelens.training.personal_distress`.
  Those essays react to news stories; helpers write replies, so the score carries a domain
  shift and is best read as a relative signal across one helper's messages.
* :func:`exhaustion_cues` finds explicit first-person exhaustion or burnout statements
  ("I'm exhausted", "this is draining me") with transparent patterns, skipping the ones the
  writer negates in the same clause ("I'm not exhausted"), the ones about someone else
  ("you must be exhausted"), the seeker's words reflected back ('you said "I'm exhausted"')
  and frustration or admiration ("I'm tired of people telling you...").

:func:`helper_distress` combines both. The model folder is ``weights.npy`` (a structured
array of hashed feature indices with their float32 weights and idf) and ``manifest.json``,
whose SHA-256 for the weights is checked at load.

The hashed n-gram features (:func:`featurize`) and :class:`HashedLinearModel` (loading such
a folder, scoring a text) are shared with the learned crisis flag
(:mod:`carelens.analysis.crisis_model`).
"""

from __future__ import annotations

import functools
import math
import re
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any, ClassVar, Self

import numpy as np
import numpy.typing as npt

from carelens.analysis.words import SENTENCE_MARK
from carelens.errors import ChecksumError, ModelError
from carelens.inference.artifact import MANIFEST, read_manifest, sha256_file
from carelens.types import Span

WEIGHTS = "weights.npy"
FORMAT_VERSION = 1
MODEL_ID = "carelens-personal-distress"
#: Label of the model's evidence spans.
LABEL = "personal_distress"
#: Label of :func:`exhaustion_cues` spans.
CUE_LABEL = "exhaustion"
#: The Batson scale the model predicts on; scores are clipped to it.
SCALE = (1.0, 7.0)
#: The on-disk layout of ``weights.npy``: a hashed column, its weight and its idf.
WEIGHTS_DTYPE = np.dtype([("index", "<u4"), ("weight", "<f4"), ("idf", "<f4")])

# Word tokens: letters and digits with inner apostrophes ("i'm", "can't"); offsets come from
# the original text, so spans point at what the writer typed.
_TOKEN = re.compile(r"[a-z0-9]+(?:['\u2019][a-z0-9]+)*", re.IGNORECASE)
# The same tokens in ASCII text already lower-cased: lower() changes only A-Z there, one
# character for one, so this finds exactly the lower-cased _TOKEN matches, without a
# case-insensitive comparison per character (and ASCII has no curly apostrophe).
_ASCII_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
# No bigram spans a sentence or clause break.
_BREAK = re.compile(r"[.!?;:\n]")

#: Most n-gram -> column entries a model remembers between texts.
_COLUMN_CACHE_SIZE = 1 << 20

FloatArray = npt.NDArray[np.float64]
IndexArray = npt.NDArray[np.int64]


# --- features ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Gram:
    """One word n-gram occurrence: its feature key and character offsets in the text."""

    key: str
    start: int
    end: int


def ngrams(text: str) -> list[Gram]:
    """Word unigrams (``u:word``) and bigrams (``b:w1 w2``) of ``text``, in text order.

    Tokens are lower-cased and curly apostrophes straightened; a bigram never crosses
    sentence punctuation.
    """
    tokens = [
        (m.group(0).lower().replace("\u2019", "'"), m.start(), m.end())
        for m in _TOKEN.finditer(text)
    ]
    grams: list[Gram] = []
    for i, (token, start, end) in enumerate(tokens):
        grams.append(Gram("u:" + token, start, end))
        if i + 1 < len(tokens):
            nxt, nxt_start, nxt_end = tokens[i + 1]
            if not _BREAK.search(text, end, nxt_start):
                grams.append(Gram(f"b:{token} {nxt}", start, nxt_end))
    return grams


def _segment_tokens(text: str) -> Iterator[list[str]]:
    """The tokens of :func:`ngrams` (lower-cased, apostrophes straightened), one list for each
    stretch of ``text`` between sentence punctuation, without offsets."""
    if text.isascii():  # the common case: lower-case the text once (see _ASCII_TOKEN)
        for segment in _BREAK.split(text.lower()):
            yield _ASCII_TOKEN.findall(segment)
        return
    for segment in _BREAK.split(text):
        yield [t.lower().replace("\u2019", "'") for t in _TOKEN.findall(segment)]


def gram_keys(text: str) -> Iterator[str]:
    """The keys of :func:`ngrams` (same multiset, not the same order), without offsets."""
    for tokens in _segment_tokens(text):
        for token in tokens:
            yield "u:" + token
        for first, second in pairwise(tokens):
            yield f"b:{first} {second}"


def feature_index(key: str, n_features: int) -> int:
    """The hashed column of an n-gram key: CRC-32 of its UTF-8 bytes modulo ``n_features``."""
    return zlib.crc32(key.encode("utf-8")) % n_features


def featurize(
    text: str, n_features: int, idf: npt.NDArray[np.float32] | None = None
) -> tuple[IndexArray, FloatArray]:
    """Sparse features of ``text``: sorted hashed columns and their values.

    Each value is ``1 + log(count)`` of the n-grams hashed to that column, times the column's
    ``idf`` when given (dense over ``n_features``), and the vector has unit L2 norm (an empty
    text has no features).
    """
    counts: dict[int, int] = {}
    for gram in ngrams(text):
        column = feature_index(gram.key, n_features)
        counts[column] = counts.get(column, 0) + 1
    columns = np.array(sorted(counts), dtype=np.int64)
    values = np.array([1.0 + math.log(counts[c]) for c in columns.tolist()], dtype=np.float64)
    if idf is not None:
        values *= idf[columns].astype(np.float64)
    norm = float(np.sqrt(np.dot(values, values)))
    if norm > 0.0:
        values /= norm
    return columns, values


# --- the model ---------------------------------------------------------------------------


def default_model_dir() -> Path:
    """The personal-distress model shipped inside the package."""
    return Path(__file__).resolve().parent.parent / "models" / "personal-distress"


class HashedLinearModel:
    """A linear model over hashed tf-idf n-grams (the features of :func:`featurize`): a
    score of ``intercept + weights . features(text)`` and one decision threshold.

    Subclasses name their model (``MODEL_ID``), the module that trains it (``TRAINER``), the
    manifest key of their threshold (``THRESHOLD_KEY``) and their shipped folder
    (:meth:`default_dir`). Build one with :meth:`load`; the constructor takes the learned
    parameters and does no I/O. ``weights`` and ``idf`` are dense over the ``n_features``
    hashed columns.
    """

    MODEL_ID: ClassVar[str]
    TRAINER: ClassVar[str]
    THRESHOLD_KEY: ClassVar[str]

    def __init__(
        self,
        weights: npt.NDArray[np.float32],
        intercept: float,
        *,
        idf: npt.NDArray[np.float32],
        threshold: float,
        manifest: Mapping[str, Any] | None = None,
    ) -> None:
        if weights.ndim != 1 or weights.size == 0 or idf.shape != weights.shape:
            raise ModelError(
                f"{self.MODEL_ID}: weights and idf must be non-empty 1-D arrays of one length"
            )
        self.check_threshold(threshold)
        self.weights = weights
        self.idf = idf
        # The hashed column of each unigram (by its token) and bigram (by its two tokens) seen
        # so far, so a known n-gram costs one lookup, not a key string and a CRC (bounded;
        # cleared when full).
        self._unigram_column: dict[str, int] = {}
        self._bigram_column: dict[tuple[str, str], int] = {}
        # Float64 copies for the scalar scoring loop (exact: float32 widens without loss), and
        # the two products that loop needs for an n-gram found once in a text (most of them):
        # its weight x idf and its idf squared, rounded as the loop would round them.
        weights64, idf64 = weights.astype(np.float64), idf.astype(np.float64)
        self._weight_values = array("d", weights64.tobytes())
        self._idf_values = array("d", idf64.tobytes())
        self._weighted_idf = array("d", (weights64 * idf64).tobytes())
        self._idf_squared = array("d", (idf64 * idf64).tobytes())
        self.intercept = float(intercept)
        self.threshold = float(threshold)
        self.manifest: Mapping[str, Any] = dict(manifest or {})

    @classmethod
    def default_dir(cls) -> Path:
        """The model folder shipped inside the package."""
        raise NotImplementedError

    @classmethod
    def check_threshold(cls, threshold: float) -> None:
        """ModelError when ``threshold`` cannot be this model's threshold (any by default)."""

    @property
    def n_features(self) -> int:
        return int(self.weights.size)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Self:
        """Load the model folder at ``path`` (default: the shipped one), verifying checksums.

        Raises :class:`~carelens.errors.ChecksumError` when ``weights.npy`` differs from the
        manifest and :class:`~carelens.errors.ModelError` for a missing or malformed folder.
        """
        folder = Path(path) if path is not None else cls.default_dir()
        found = load_hashed_weights(
            folder, model_id=cls.MODEL_ID, trainer=cls.TRAINER, threshold=cls.THRESHOLD_KEY
        )
        return cls(
            found.weights,
            found.intercept,
            idf=found.idf,
            threshold=found.threshold,
            manifest=found.manifest,
        )

    def _columns(self, text: str) -> list[int]:
        """The hashed column of every n-gram of ``text`` (:func:`feature_index` of each key of
        :func:`gram_keys`, in another order)."""
        n_features = self.n_features
        unigrams, bigrams = self._unigram_column, self._bigram_column
        if len(unigrams) + len(bigrams) >= _COLUMN_CACHE_SIZE:
            unigrams.clear()
            bigrams.clear()
        columns: list[int] = []
        for tokens in _segment_tokens(text):
            for token in tokens:
                column = unigrams.get(token)
                if column is None:
                    column = unigrams[token] = feature_index("u:" + token, n_features)
                columns.append(column)
            for pair in pairwise(tokens):
                column = bigrams.get(pair)
                if column is None:
                    column = bigrams[pair] = feature_index(f"b:{pair[0]} {pair[1]}", n_features)
                columns.append(column)
        return columns

    def _raw(self, text: str) -> float:
        # The arithmetic of featurize() and a dot product, in plain Python over the columns
        # present: scoring one short text this way is several times faster than building
        # numpy arrays for it (the report scores every response of a community).
        counts = Counter(self._columns(text))
        weights, idf = self._weight_values, self._idf_values
        weighted_idf, idf_squared = self._weighted_idf, self._idf_squared
        dot = squares = 0.0
        for column in sorted(counts):  # in column order, so the sums round the same each time
            count = counts[column]
            if count == 1:  # 1 + log(1) is 1.0, so the value is the idf itself
                dot += weighted_idf[column]
                squares += idf_squared[column]
                continue
            value = (1.0 + math.log(count)) * idf[column]
            dot += weights[column] * value
            squares += value * value
        return self.intercept + (dot / math.sqrt(squares) if squares > 0.0 else 0.0)


class PersonalDistressModel(HashedLinearModel):
    """Predicts the writer's Batson personal distress (1-7); ``threshold`` marks "high"."""

    MODEL_ID = MODEL_ID
    TRAINER = "carelens.training.personal_distress"
    THRESHOLD_KEY = "high"

    @classmethod
    def default_dir(cls) -> Path:
        return default_model_dir()

    def score(self, text: str) -> float:
        """Predicted personal distress of the writer of ``text``, clipped to 1-7."""
        return float(min(max(self._raw(text), SCALE[0]), SCALE[1]))

    def score_many(self, texts: Iterable[str]) -> FloatArray:
        """:meth:`score` for each text, as a float64 array."""
        return np.array([self.score(text) for text in texts], dtype=np.float64)

    def evidence(self, text: str, k: int = 3) -> list[Span]:
        """Up to ``k`` words or bigrams that raise the score most, as non-overlapping spans.

        Each span's ``score`` is its contribution to the prediction in scale points, rounded to
        four decimals as the dimensions' span scores are; spans are ordered by contribution
        (largest first) and only contributions that stay positive when rounded are returned.
        """
        if k <= 0:
            return []
        columns, values = featurize(text, self.n_features, self.idf)
        contribution = dict(
            zip(
                columns.tolist(),
                (self.weights[columns].astype(np.float64) * values).tolist(),
                strict=True,
            )
        )
        first: dict[str, Gram] = {}
        for gram in ngrams(text):
            first.setdefault(gram.key, gram)
        ranked = sorted(
            (
                (contribution[feature_index(g.key, self.n_features)], g.start, g.end)
                for g in first.values()
            ),
            key=lambda item: (-item[0], item[1], item[2]),
        )
        chosen: list[Span] = []
        for value, start, end in ranked:
            score = round(value, 4)
            if score <= 0.0 or len(chosen) == k:
                break
            if any(start < s.end and s.start < end for s in chosen):
                continue
            chosen.append(Span(start, end, LABEL, score))
        return chosen


@dataclass(frozen=True, slots=True)
class HashedWeights:
    """The parameters of a linear model over hashed tf-idf n-grams, dense over its columns."""

    weights: npt.NDArray[np.float32]
    idf: npt.NDArray[np.float32]
    intercept: float
    threshold: float
    manifest: dict[str, Any]


def load_hashed_weights(
    folder: Path, *, model_id: str, trainer: str, threshold: str
) -> HashedWeights:
    """The verified ``weights.npy`` + ``manifest.json`` of a hashed n-gram model folder.

    The manifest must name ``model_id`` and :data:`FORMAT_VERSION`, hold the checksum of the
    weights and the model's decision threshold under ``threshold.<threshold>``; ``trainer``
    is the module that makes such a folder (named in errors). Raises ChecksumError for changed
    weights and ModelError for anything missing or malformed.
    """
    manifest = read_manifest(
        folder, missing=f"pass the folder of a {model_id} model (one made by `python -m {trainer}`)"
    )
    manifest_path = folder / MANIFEST
    if manifest.get("model_id") != model_id or manifest.get("format_version") != FORMAT_VERSION:
        raise ModelError(
            f"{manifest_path}: not a {model_id} model of format {FORMAT_VERSION} "
            f"(found {manifest.get('model_id')!r}, format {manifest.get('format_version')!r})"
        )
    weights_path = folder / WEIGHTS
    if not weights_path.is_file():
        raise ModelError(f"{weights_path}: file missing from the model folder")
    expected = (manifest.get("files") or {}).get(WEIGHTS)
    if not isinstance(expected, str):
        raise ModelError(f"{manifest_path}: manifest lists no checksum for {WEIGHTS}")
    actual = sha256_file(weights_path)
    if actual != expected:
        raise ChecksumError(
            f"{weights_path}: checksum {actual[:12]}… does not match the manifest "
            f"({expected[:12]}…); the file was changed or damaged — reinstall carelens or "
            f"re-export the model with `python -m {trainer}`"
        )
    try:
        features = manifest["features"]
        n_features = int(features["n_features"])
        intercept = float(manifest["model"]["intercept"])
        unseen_idf = float(features["idf"]["unseen"])
        cut = float(manifest["threshold"][threshold])
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{manifest_path}: missing or invalid field ({exc})") from exc
    try:
        table = np.load(weights_path, allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise ModelError(f"{weights_path}: unreadable weights ({exc})") from exc
    if table.dtype != WEIGHTS_DTYPE or table.ndim != 1:
        raise ModelError(f"{weights_path}: expected a 1-D array of {WEIGHTS_DTYPE}")
    if table.size and int(table["index"].max()) >= n_features:
        raise ModelError(f"{weights_path}: a feature index exceeds n_features={n_features}")
    columns = table["index"].astype(np.int64)
    weights = np.zeros(n_features, dtype=np.float32)
    weights[columns] = table["weight"]
    idf = np.full(n_features, unseen_idf, dtype=np.float32)
    idf[columns] = table["idf"]
    return HashedWeights(
        weights=weights, idf=idf, intercept=intercept, threshold=cut, manifest=manifest
    )


@functools.lru_cache(maxsize=1)
def _shipped_model() -> PersonalDistressModel:
    return PersonalDistressModel.load()


# --- explicit exhaustion cues ------------------------------------------------------------

_A = r"['\u2019]"
# A first-person subject with a verb of being or feeling ("I'm", "I feel", "I've been"); the
# negated forms are matched so that they can be skipped. Here and below the apostrophe may be
# missing ("Im", "ive", "dont"), as writers often leave it out; "ill" is never read as "I'll".
_SUBJECT = (
    rf"\bi(?:{_A}?m|\s+am|\s+feel|\s+get|\s+keep"
    rf"|\s+(?:do\s+not|don{_A}?t|never|just|really|honestly|always)\s+(?:feel|get)"
    rf"|(?:{_A}?ve|\s+have|\s+haven{_A}?t)\s+(?:(?:not|never|really|just|honestly)\s+)?"
    r"(?:been|felt))\b"
)
# Words allowed between the subject and the state ("I'm *not really* exhausted").
_FILLER = (
    r"(?:so|really|just|completely|totally|utterly|absolutely|very|too|pretty|quite|kind\s+of"
    r"|kinda|sort\s+of|a\s+bit|a\s+little|getting|feeling|becoming|been|being|feel|felt|get"
    r"|honestly|seriously|literally|incredibly|extremely|beyond|emotionally|mentally"
    r"|physically|starting\s+to\s+(?:feel|get)|not|never|no\s+longer|at\s+all|ever|even"
    r"|always|constantly|still|already|fucking|bloody|damn|super|increasingly|more)"
)
_STATE = (
    r"(?:exhausted|drained|depleted|burn(?:ed|t|ing)[\s-]*out|worn[\s-]*(?:out|down)"
    r"|wiped(?:\s+out)?|fried|frazzled|overwhelmed|tired|stretched\s+(?:too\s+)?thin"
    r"|running\s+on\s+(?:empty|fumes)|out\s+of\s+(?:energy|steam)"
    r"|at\s+(?:my|the)\s+(?:limit|breaking\s+point|end\s+of\s+my\s+(?:rope|tether)))\b"
)
# "I've burned out", "I have burnout": a perfect or a noun after "have", not "I've exhausted
# all options".
_HAVE_STATE = (
    rf"\bi(?:{_A}?ve|\s+have|\s+haven{_A}?t)(?:\s+{_FILLER}){{0,3}}"
    r"\s+(?:burn(?:ed|t)[\s-]*out|burnout|compassion\s+fatigue)\b"
)
_STATEMENT = re.compile(
    rf"{_SUBJECT}(?:\s+{_FILLER}){{0,5}}\s+{_STATE}|{_HAVE_STATE}", re.IGNORECASE
)
# "this is draining me", "it's wearing me down", "it takes a toll on me", "this is too much
# for me".
_DRAINS_ME = re.compile(
    r"\b(?:(?:drain|exhaust)(?:s|ing|ed)?\s+me\b(?:\s+(?:out|dry))?"
    r"|(?:tir(?:es|ing|ed)|wear(?:s|ing)?|wore|burn(?:s|ing)?|burnt|burned)\s+me\s+(?:out|down)\b"
    r"|tak(?:es|ing)\s+(?:a|its|a\s+real|a\s+big|a\s+heavy)\s+toll\s+on\s+me\b"
    rf"|(?:is|{_A}s|gets|getting)\s+(?:all\s+|just\s+|way\s+)?too\s+much\s+for\s+me\b"
    r"(?!\s+to\s+(?:imagine|understand|comprehend|say)))",
    re.IGNORECASE,
)
# Statements that carry their own negation ("can't keep", "nothing left") are never negated.
_INHERENT = re.compile(
    rf"\bi\s+(?:can{_A}?t|cannot|can\s+not)\s+(?:keep\s+(?:doing\s+(?:this|it)|going|up"
    r"|this\s+up|it\s+up)|do\s+(?:this|it)\s+any\s*more|take\s+(?:it|this|much\s+more)"
    r"(?:\s+any\s*more)?|take\s+any\s*more|handle\s+(?:it|this|much\s+more)(?:\s+any\s*more)?"
    r"|go\s+on\s+like\s+this|cope\s+any\s*more)\b"
    r"|\bhow\s+(?:much\s+)?long(?:er)?\s+i\s+can\s+(?:keep\s+(?:doing\s+(?:this|it)|going"
    r"|this\s+up)|do\s+this|take\s+(?:it|this))\b"
    rf"|\bi(?:{_A}?ve|\s+have)?(?:\s+got)?\s+(?:nothing|no\s+(?:energy|strength))\s+left"
    r"(?:\s+(?:to\s+give|in\s+(?:me|the\s+tank)))?\b"
    r"|\bnothing\s+left\s+in\s+me\b",
    re.IGNORECASE,
)
# The three cue patterns, and the same patterns case-sensitive for ASCII text lower-cased
# first: their letters are all lower case (a test checks), so they match that text exactly
# where the originals match, at the same offsets, in about 60% of the time.
_CUES = (_STATEMENT, _DRAINS_ME, _INHERENT)
_ASCII_CUES = tuple(re.compile(p.pattern) for p in _CUES)
# "n't", and its common spellings without the apostrophe ("dont", "isnt").
_NEGATION = re.compile(
    rf"\b(?:not|never|no\s+longer)\b|n{_A}t\b"
    r"|\b(?:do|does|did|is|are|was|were|have|has|had|wo|would|could|should|ca)nt\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.!?\n,;:]|\b(?:and|but|so|because|though|although)\b", re.IGNORECASE)
# "tired of" or "overwhelmed by" other people or how things are, after a statement that ends
# in "tired" or "overwhelmed": frustration on the seeker's behalf ("I'm tired of people telling
# you to cheer up", "... of how people treat grief", "... of hearing that") or admiration
# ("I'm overwhelmed by how brave you are", "... by your strength", "... with gratitude"), not
# the writer's exhaustion. "Tired of everything", "overwhelmed with work" stay cues.
_WEARY_STATE = re.compile(r"(?:tired|overwhelmed)\Z", re.IGNORECASE)
_NOT_WEARY_OF = re.compile(
    r"\s+(?:of|by|with)\s+(?:all\s+)?(?:(?:the|these|those|such|so\s+much|so\s+many)\s+)?"
    r"(?:people|persons?|everyone|everybody|anyone|anybody|someone|somebody|others|folks"
    r"|society|world|them|they|you|your|yours|u|ur|him|his|her|their|how|way|ways"
    r"|being\s+told|stigma|ignorance|injustice|judge?ment|gratitude|love|joy|pride"
    r"|admiration|respect|awe|happiness|relief|hope|kindness"
    # what others do or say, not what the writer's own day holds ("... of hearing the same
    # complaints every shift", "overwhelmed by what happened at work today" stay cues)
    r"|(?:what|whatever|when|why|who|whoever)\s+(?:you|u|people|others|they|everyone|he|she)"
    r"|(?:hearing|seeing|reading|watching)\s+(?:people|others|everyone|everybody|them|how"
    r"|that|this|about|stuff\s+like|things\s+like|comments|posts|stories))\b",
    re.IGNORECASE,
)

# --- words the writer attributes to the seeker --------------------------------------------

# Elisions that open no quotation: "'cause", "'til", "'em".
_ELISION = r"(?:cause|cos|cuz|til|till|em|bout|round|nuff|tis|twas)\b"


def _single_quoted(opening: str, closing: str) -> str:
    """A pattern for words between the single quotes ``opening`` and ``closing``, on one line.

    The opening mark follows no letter or digit and comes before a letter ("'08" opens
    nothing). A closing mark follows a letter or punctuation and comes before no letter or
    digit; one that ends a word ("clients'") closes only a quotation of at most 12 words within
    one sentence, one after punctuation ('I'm done.') a longer one too. An apostrophe between
    letters ("can't") never closes.
    """
    inner = rf"(?<=\w){closing}(?=\w)"
    word = rf"(?:[^{closing}\s.!?]|{inner})+"
    return (
        rf"(?<!\w){opening}(?=[^\W\d_])(?!{_ELISION})"
        rf"(?:{word}(?:[^\S\n]+{word}){{0,11}}(?<=[^\W\d_])"
        rf"|(?:[^{closing}\n]|{inner}){{1,300}}?(?<![\s\w])){closing}(?!\w)"
    )


# Words in quotation marks, on one line: straight double quotes (one right after a digit is an
# inch mark, as in '27" screen', and neither opens nor closes), curly double quotes, guillemets
# and single quotes ('I'm so drained', \u2018I\u2019m done\u2019; see _single_quoted); and
# Markdown block quotes, a line that begins with "> ", ">" and a letter (">I'm exhausted", as
# Reddit renders a quote) or is ">" alone, each to its end (">_<" is an emoticon).
_QUOTED = re.compile(
    r'(?<!\d)"(?:[^"\n]|(?<=\d)"){1,300}?(?<!\d)"|\u201c[^\u201d\n]{1,300}\u201d'
    r"|\u00ab[^\u00bb\n]{1,300}\u00bb|"
    + _single_quoted("'", "'")
    + "|"
    + _single_quoted("\u2018", "\u2019")
    + r"|^[ \t]{0,3}>(?:[ \t]*>)*(?:(?:[ \t]|(?=[^\W\d_]))[^\n]*)?$",
    re.MULTILINE,
)
_YOU = r"(?:you|u|ya)"
# "what you said", "how you feel", "whatever you think": the words after them are not what the
# seeker said or felt.
_NOT_AFTER = "".join(
    rf"(?<!\b{word}\s)"
    for word in (
        "what",
        "whatever",
        "how",
        "however",
        "why",
        "which",
        "whichever",
        "who",
        "whoever",
        "whom",
        "where",
        "wherever",
    )
)
# The end of a lead-in right before the words it introduces: at most a colon and an opening
# quote; no comma, no other word.
_INTRODUCES = r"[^\S\n]*(?::[^\S\n]*)?[\"'\u201c\u2018\u00ab]?[^\S\n]*\Z"
_SAID_WHEN = (
    r"(?:\s+(?:here|above|earlier|before|once|yesterday|today|last\s+(?:week|night|time)))?"
)
# A lead-in that gives the words right after it to the seeker, in the same sentence: "you
# said / wrote / told me / mentioned (that)", "when you say", "you feel like", "you're
# thinking", "sounds like you're at the point of", with a colon or an opening quote allowed
# before the words; after "you're thinking / saying / telling yourself" (inner speech) a comma
# too. A comma anywhere else, a clause ("and", "but", "so") or any other word between ends the
# attribution, and "like you said", "as you said" agree: what follows them is the writer's.
_LEAD_IN = re.compile(
    rf"\b(?:(?<!like\s)(?<!as\s){_NOT_AFTER}{_YOU}(?:{_A}?ve|\s+have|\s+had)?"
    r"(?:\s+(?:just|already|also|once|even|literally|often|always|kept|keep))?"
    r"\s+(?:said|say|wrote|write|typed|posted|told\s+(?:me|us)|tell\s+(?:me|us)|mentioned"
    rf"|mention|described|put\s+it|shared|admitted){_SAID_WHEN}(?:\s+that)?{_INTRODUCES}"
    # inner speech: "you're thinking, I have nothing left to give"
    rf"|{_NOT_AFTER}{_YOU}(?:{_A}re|\s+are|\s+were|{_A}?ve\s+been|\s+have\s+been"
    r"|\s+(?:might|may|must)\s+be)(?:\s+(?:probably|maybe|just|still|also|really|always))?"
    r"\s+(?:thinking|saying|feeling\s+like|telling\s+(?:yourself|me|us)|asking\s+yourself)"
    rf"(?:\s+that)?[^\S\n]*,?{_INTRODUCES}"
    rf"|{_NOT_AFTER}{_YOU}(?:\s+(?:might|may|probably|must|just|really|also|still|sometimes"
    r"|often))?\s+(?:(?:tell|told|ask|asked)\s+yourself|keep\s+(?:thinking|saying|telling"
    rf"\s+yourself)|(?:think|thought)\s+to\s+yourself)(?:\s+that)?[^\S\n]*,?{_INTRODUCES}"
    # "you feel like I can't do this anymore"; a bare "you think" only before a colon or quote
    rf"|{_NOT_AFTER}{_YOU}(?:\s+(?:might|may|probably|must|just|really|also|still|sometimes"
    rf"|often))?\s+(?:(?:feel|felt)\s+like{_INTRODUCES}"
    r"|(?:think|thought)[^\S\n]*(?::[^\S\n]*[\"'\u201c\u2018\u00ab]?|[\"'\u201c\u2018\u00ab])"
    r"[^\S\n]*\Z))"
    # "sounds like you're at the point of ...": up to five words, no clause joiner, ending in
    # "of" or "like" or with a colon or an opening quote, then the words.
    rf"|\b(?:sounds?|seems?)\s+like\s+{_YOU}(?:{_A}re|\s+are|{_A}?ve\s+been|\s+have\s+been)?"
    r"(?:\s+(?!(?:and|but|so|because|though|although|while|yet|too|also)\b)[\w'\u2019]+){0,5}"
    r"(?:\s+(?:of|like)|[^\S\n]*:|[^\S\n]*[\"'\u201c\u2018\u00ab])"
    r"[^\S\n]*[\"'\u201c\u2018\u00ab]?[^\S\n]*\Z",
    re.IGNORECASE,
)
# The same attribution after the words, ending the sentence: "I can't take it anymore, is
# what you said." / "..., you said." ("I'm exhausted, you said you'd call" is the writer's).
_LEAD_OUT = re.compile(
    r"(?:[^\S\n]|[,\-\u2013\u2014\"'\u201d\u2019])*(?:(?:is|was)\s+what\s+)?"
    rf"{_YOU}\s+(?:(?:just|also|once)\s+)?(?:said|say|wrote|write|told\s+(?:me|us)|mentioned)"
    rf"{_SAID_WHEN}[^\S\n]*[\"'\u201d\u2019)]*[^\S\n]*(?:[.!?\u2026\n]|\Z)",
    re.IGNORECASE,
)
# "too", "as well", "also", "myself" right after a statement: the writer's own, whatever came
# before it ("I know how you feel, I'm exhausted too").
_WRITERS_OWN = re.compile(r"[^\S\n]*,?[^\S\n]*(?:too|as\s+well|also|myself)\b", re.IGNORECASE)


class _Attributed:
    """Which stretches of a text the writer gives to the seeker: quoted words, and the words
    right after a lead-in such as "you said" (or before a closing "is what you said."). The
    quotations are found once, when first asked about."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._quotes: list[tuple[int, int]] | None = None

    def holds(self, start: int, end: int) -> bool:
        """Whether the cue at ``start``-``end`` is quoted or attributed to the seeker."""
        if self._quotes is None:
            self._quotes = [q.span() for q in _QUOTED.finditer(self.text)]
        if any(q_start <= start and end <= q_end for q_start, q_end in self._quotes):
            return True
        if _WRITERS_OWN.match(self.text, end):
            return False
        before = SENTENCE_MARK.split(self.text[max(0, start - 120) : start])[-1]
        return bool(_LEAD_IN.search(before)) or bool(_LEAD_OUT.match(self.text, end))


def _clause_before(text: str, start: int, words: int) -> str:
    """The last ``words`` words before ``start``, within the same clause."""
    before = text[max(0, start - 80) : start]
    clause = _CLAUSE_END.split(before)[-1]
    return " ".join(clause.split()[-words:])


def exhaustion_cues(text: str) -> list[Span]:
    """Explicit first-person exhaustion or burnout statements in ``text``, in order.

    Each cue is a :class:`~carelens.types.Span` labelled ``"exhaustion"`` with score 1.0.
    Statements about someone else ("you must be exhausted"), conditional empathy ("I'd be
    exhausted too") and past tense ("I was exhausted") are not cues; a statement negated in
    its own clause ("I'm not exhausted", "this never drains me") is skipped, and so are the
    seeker's words reflected back (in quotation marks or a block quote, right after "you
    said", "you're thinking", "sounds like you're at the point of", or before a closing ",
    you said.") and "tired of" / "overwhelmed by" other people or how things are ("I'm tired
    of people telling you to cheer up", "I'm overwhelmed by how brave you are"). A statement
    followed by "too", "as well", "also" or "myself" is the writer's own unless quoted.
    """
    searched, (statement, drains_me, inherent) = (
        (text.lower(), _ASCII_CUES) if text.isascii() else (text, _CUES)
    )
    found: list[tuple[int, int]] = []
    for match in statement.finditer(searched):
        start, end = match.span()
        if _NEGATION.search(text[start:end]):
            continue
        if _WEARY_STATE.search(text, start, end) and _NOT_WEARY_OF.match(text, end):
            continue
        found.append((start, end))
    for match in drains_me.finditer(searched):
        if not _NEGATION.search(_clause_before(text, match.start(), 3)):
            found.append((match.start(), match.end()))
    found.extend((m.start(), m.end()) for m in inherent.finditer(searched))
    if found:
        attributed = _Attributed(text)
        found = [(start, end) for start, end in found if not attributed.holds(start, end)]
    found.sort(key=lambda item: (item[0], -item[1]))
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return [Span(start, end, CUE_LABEL, 1.0) for start, end in merged]


# --- the combined signal -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HelperDistress:
    """A strain signal for one response: something for a person to look at, not a diagnosis.

    ``score`` is the model's predicted personal distress (1-7); ``high`` is true when the
    score exceeds the model's threshold (chosen on dev, see the model card) or an explicit
    exhaustion cue is present; ``spans`` are the cues and, when ``high``, the model's
    evidence spans that do not overlap a cue, in text order.
    """

    score: float
    high: bool
    spans: tuple[Span, ...]


def helper_distress(
    text: str, model: PersonalDistressModel | None = None, *, k: int = 3
) -> HelperDistress:
    """Score ``text`` for the helper's own distress with ``model`` (default: the shipped one)."""
    model = model if model is not None else _shipped_model()
    score = model.score(text)
    cues = exhaustion_cues(text)
    high = score > model.threshold or bool(cues)
    spans: list[Span] = list(cues)
    if high:
        spans.extend(
            span
            for span in model.evidence(text, k=k)
            if not any(span.start < c.end and c.start < span.end for c in cues)
        )
    spans.sort(key=lambda s: (s.start, s.end))
    return HelperDistress(score=score, high=high, spans=tuple(spans))
