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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict, Unpack

import numpy as np
from numpy.typing import NDArray
from tokenizers import Tokenizer

#: Characters of a message ever handed to the tokenizer. Word pieces average about four
#: characters, so this leaves ample room for the token limits while keeping 1 MB messages cheap.
_MAX_CHARS_PER_TOKEN = 24
#: Lone UTF-16 surrogates (possible in Python strings from JSON) cannot be tokenised; each is
#: replaced by U+FFFD, one character for one, so offsets still point into the original text.
_SURROGATE = re.compile("[\ud800-\udfff]")


def max_response_room(max_length: int) -> int:
    """The most response word pieces a pair of ``max_length`` can hold: three special tokens
    and at least one word piece of the seeker message take the rest."""
    return max_length - 4


def _clean(text: str, limit: int) -> str:
    return _SURROGATE.sub("\ufffd", text[:limit])


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
        self._cls = self._special_id("[CLS]", "<s>")
        self._sep = self._special_id("[SEP]", "</s>")
        self._pad = self._special_id("[PAD]", "<pad>")
        tokenizer.no_truncation()
        tokenizer.no_padding()

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
        seekers = [_clean(s, limit) for s, _ in pairs]
        enc_r = self.tokenizer.encode_batch(responses, add_special_tokens=False)
        enc_s = self.tokenizer.encode_batch(seekers, add_special_tokens=False)
        rows: list[list[int]] = []
        types: list[list[int]] = []
        offsets: list[NDArray[np.int64]] = []
        for er, es in zip(enc_r, enc_s, strict=True):
            r_ids = er.ids[: self.max_response_tokens]
            s_room = self.max_length - len(r_ids) - 3
            if self.max_seeker_tokens is not None:
                s_room = min(s_room, self.max_seeker_tokens)
            s_ids = es.ids[:s_room]
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
