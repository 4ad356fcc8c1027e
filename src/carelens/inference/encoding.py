"""Turn (seeker, response) text pairs into model inputs.

The model reads ``[CLS] response [SEP] seeker [SEP]`` (``<s> response </s> seeker </s>`` with
an MPNet tokenizer): the response comes first because the rationale head labels response
tokens and the response is what must survive truncation.
The response keeps at most ``max_response_tokens`` word pieces; the seeker message fills the
rest of ``max_length``, or only its first ``max_seeker_tokens`` word pieces when that is set
(the later part of a long seeker message changes the response dimensions little and costs
time). Training and inference share this module, so pairs are laid out and cut the same way
in both; the lengths come from the model's manifest (``encoding``), where the analysis
lengths may differ from the ``trained_*`` ones.

With ``max_seeker_tokens`` set, a long seeker message is tokenised only up to a space a little
past where its first ``max_seeker_tokens`` word pieces usually end (the whole message when
that part turns out to hold fewer): for tokenizers that split words at spaces, the pieces of
such a leading part are the leading pieces of the whole message, so the kept ids are the same
(see :func:`_splits_at_spaces`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict, Unpack

import numpy as np
from numpy.typing import NDArray
from tokenizers import Encoding, Tokenizer
from tokenizers.normalizers import BertNormalizer
from tokenizers.pre_tokenizers import BertPreTokenizer, Whitespace, WhitespaceSplit

#: Characters of a message ever handed to the tokenizer. Word pieces average about four
#: characters, so this leaves ample room for the token limits while keeping 1 MB messages cheap.
_MAX_CHARS_PER_TOKEN = 24
#: Lone UTF-16 surrogates (possible in Python strings from JSON) cannot be tokenised; each is
#: replaced by U+FFFD, one character for one, so offsets still point into the original text.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Characters of a seeker message tokenised first, per word piece of ``max_seeker_tokens``:
#: English takes about 4.2 a piece, and 5.5 covers 48 pieces in all but ~0.1% of the EPITOME
#: seeker messages that have that many (the rest are tokenised again, whole).
_SEEKER_CHARS_PER_TOKEN = 5.5


def max_response_room(max_length: int) -> int:
    """The most response word pieces a pair of ``max_length`` can hold: three special tokens
    and at least one word piece of the seeker message take the rest."""
    return max_length - 4


def _clean(text: str, limit: int) -> str:
    return _SURROGATE.sub("\ufffd", text[:limit])


def _splits_at_spaces(tokenizer: Tokenizer) -> bool:
    """Whether the word pieces of ``text[:i]``, where ``text[i]`` is a space, are always the
    first word pieces of ``text``.

    True for the BERT pipeline (and for no normalizer with a whitespace pre-tokenizer): the
    normalizer works character by character (a space also ends any run of combining marks
    that Unicode decomposition could reorder), the pre-tokenizer ends a word at every space,
    the model encodes each word on its own, and no added token contains a space. Anything
    else is not known to be safe, and the seeker message is then always tokenised whole.
    """
    normalizer, pre_tokenizer = tokenizer.normalizer, tokenizer.pre_tokenizer
    return (
        (normalizer is None or isinstance(normalizer, BertNormalizer))
        and isinstance(pre_tokenizer, BertPreTokenizer | Whitespace | WhitespaceSplit)
        and not any(
            any(char.isspace() for char in token.content)
            for token in tokenizer.get_added_tokens_decoder().values()
        )
    )


@dataclass(frozen=True, slots=True)
class EncodedBatch:
    """Padded model inputs plus, per pair, the character offsets of its response tokens.

    ``response_offsets[i][k]`` is the ``(start, end)`` character range in the i-th response
    of the token at sequence position ``k + 1`` (position 0 is ``[CLS]``).
    """

    input_ids: NDArray[np.int64]
    attention_mask: NDArray[np.int64]
    token_type_ids: NDArray[np.int64]
    response_offsets: tuple[NDArray[np.int64], ...]

    def __len__(self) -> int:
        return int(self.input_ids.shape[0])

    def feeds(self) -> dict[str, NDArray[np.int64]]:
        """The model's three inputs by name, as an ONNX Runtime session takes them."""
        return {
            "input_ids": self.input_ids,
            "attention_mask": self.attention_mask,
            "token_type_ids": self.token_type_ids,
        }


class EncodingLimits(TypedDict, total=False):
    """The keyword arguments of :class:`PairEncoder`, for :meth:`PairEncoder.from_file`."""

    max_length: int
    max_response_tokens: int
    max_seeker_tokens: int | None


class PairEncoder:
    """Encode text pairs with a WordPiece ``tokenizers`` tokenizer."""

    def __init__(
        self,
        tokenizer: Tokenizer,
        *,
        max_length: int = 160,
        max_response_tokens: int = 112,
        max_seeker_tokens: int | None = None,
    ) -> None:
        if max_response_tokens > max_response_room(max_length):
            raise ValueError("max_length must leave room for the seeker and special tokens")
        if max_seeker_tokens is not None and max_seeker_tokens < 1:
            raise ValueError(f"max_seeker_tokens must be at least 1, not {max_seeker_tokens}")
        self.tokenizer = tokenizer
        self.max_length = max_length
        self.max_response_tokens = max_response_tokens
        self.max_seeker_tokens = max_seeker_tokens
        #: Characters of a seeker message tokenised first (None: always the whole message).
        self._seeker_prefix_chars = (
            int(max_seeker_tokens * _SEEKER_CHARS_PER_TOKEN)
            if max_seeker_tokens is not None and _splits_at_spaces(tokenizer)
            else None
        )
        # Seeker tokens need ids only: encode_batch_fast (newer tokenizers releases; older ones
        # use encode_batch) gives the same ids without working out the character offsets.
        self._encode_ids: Callable[..., list[Encoding]] = getattr(
            tokenizer, "encode_batch_fast", tokenizer.encode_batch
        )
        self._cls = self._special_id("[CLS]", "<s>")
        self._sep = self._special_id("[SEP]", "</s>")
        self._pad = self._special_id("[PAD]", "<pad>")
        tokenizer.no_truncation()
        tokenizer.no_padding()
        # A user's text that holds "[SEP]" or "[CLS]" is words, never the model's markers:
        # encoded as such, it split the pair where the text said so (older tokenizers
        # releases lack the switch).
        if hasattr(tokenizer, "encode_special_tokens"):
            tokenizer.encode_special_tokens = True

    @classmethod
    def from_file(cls, path: str | Path, **limits: Unpack[EncodingLimits]) -> PairEncoder:
        return cls(Tokenizer.from_file(str(path)), **limits)

    def _special_id(self, bert: str, roberta: str) -> int:
        """The id of a special token, spelt the BERT way or the RoBERTa/MPNet way."""
        for token in (bert, roberta):
            token_id = self.tokenizer.token_to_id(token)
            if token_id is not None:
                return int(token_id)
        raise ValueError(f"tokenizer has no {bert} (or {roberta}) token")

    def encode(self, pairs: Sequence[tuple[str, str]]) -> EncodedBatch:
        """Encode ``(seeker, response)`` pairs, padded to the longest pair in the batch."""
        limit = self.max_length * _MAX_CHARS_PER_TOKEN
        responses = [_clean(r, limit) for _, r in pairs]
        enc_r = self.tokenizer.encode_batch(responses, add_special_tokens=False)
        seeker_ids = self._seeker_ids([_clean(s, limit) for s, _ in pairs])
        rows: list[list[int]] = []
        types: list[list[int]] = []
        offsets: list[NDArray[np.int64]] = []
        for er, all_s_ids in zip(enc_r, seeker_ids, strict=True):
            r_ids = er.ids[: self.max_response_tokens]
            s_room = self.max_length - len(r_ids) - 3
            if self.max_seeker_tokens is not None:
                s_room = min(s_room, self.max_seeker_tokens)
            s_ids = all_s_ids[:s_room]
            rows.append([self._cls, *r_ids, self._sep, *s_ids, self._sep])
            types.append([0] * (len(r_ids) + 2) + [1] * (len(s_ids) + 1))
            offsets.append(np.asarray(er.offsets[: len(r_ids)], dtype=np.int64).reshape(-1, 2))
        width = max(len(r) for r in rows) if rows else 0
        n = len(rows)
        input_ids = np.full((n, width), self._pad, dtype=np.int64)
        attention = np.zeros((n, width), dtype=np.int64)
        token_types = np.zeros((n, width), dtype=np.int64)
        for i, (ids, tt) in enumerate(zip(rows, types, strict=True)):
            input_ids[i, : len(ids)] = ids
            attention[i, : len(ids)] = 1
            token_types[i, : len(tt)] = tt
        return EncodedBatch(input_ids, attention, token_types, tuple(offsets))

    def _seeker_ids(self, seekers: list[str]) -> list[list[int]]:
        """The word-piece ids of each seeker message, or of a leading part of it that has at
        least ``max_seeker_tokens`` of them (all the encoder keeps)."""
        texts = [self._seeker_prefix(s) for s in seekers]
        ids = [e.ids for e in self._encode_ids(texts, add_special_tokens=False)]
        need = self.max_seeker_tokens or 0
        short = [
            i
            for i, (text, seeker) in enumerate(zip(texts, seekers, strict=True))
            if len(text) < len(seeker) and len(ids[i]) < need
        ]
        if short:  # the leading part holds fewer pieces than kept: tokenise it whole
            whole = self._encode_ids([seekers[i] for i in short], add_special_tokens=False)
            for i, encoding in zip(short, whole, strict=True):
                ids[i] = encoding.ids
        return ids

    def _seeker_prefix(self, seeker: str) -> str:
        """``seeker`` up to the last space within the first characters tokenised, or all of
        it (short, no such space, or a tokenizer not known to split at spaces)."""
        chars = self._seeker_prefix_chars
        if chars is None or len(seeker) <= chars:
            return seeker
        cut = seeker.rfind(" ", 0, chars)
        return seeker[:cut] if cut > 0 else seeker
