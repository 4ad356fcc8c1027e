"""A cost-only reference implementation of the EPITOME empathy model, for benchmarks.

What it reproduces (Sharma, Miner, Atkins and Althoff, "A Computational Approach to
Understanding Empathy Expressed in Text-Based Mental Health Support", EMNLP 2020, and the
architecture its public release describes): a bi-encoder with response-to-seeker attention.

* two separate RoBERTa-base encoders (12 layers, hidden 768, 12 heads, FFN 3072, vocabulary
  50,265, 514 positions), one for the seeker post and one for the response;
* one attention layer in which every response hidden state attends to the seeker hidden
  states (query/key/value/output projections of width 768; one head, as released), added to
  the response states as a residual;
* a classification head on the response ``<s>`` state (dense 768 -> ReLU -> 3 levels) and a
  token-level rationale head (linear 768 -> 2: rationale or not) on every response token;
* each side tokenised separately, truncated and padded to 64 tokens.

EPITOME trains one such model per communication mechanism (emotional reactions,
interpretations, explorations); its released classifier runs all three on every pair.
:func:`build_reference` builds ``n_mechanisms`` of them (default 1, which *favours* the
reference by a factor of about three against carelens, which predicts all three mechanisms
in one pass).

Weights are random (``RobertaConfig()`` defaults, ``RobertaModel(config)``): inference cost
does not depend on weight values, and nothing is downloaded. The outputs are therefore
meaningless; only the time and memory they take matter. Written from the paper's and the
release's description, not copied from the release. The encoders use the ``transformers``
default attention kernel (SDPA), which is faster on CPU than the eager attention of the 2020
release — again in the reference's favour. Seeker padding is masked in the cross attention
(the release leaves it unmasked; the cost is the same).
"""

from __future__ import annotations

import math

import torch
from torch import nn
from transformers import RobertaConfig, RobertaModel

#: EPITOME's release truncates and pads each of the seeker post and the response to this.
MAX_LENGTH = 64
N_LEVELS = 3
N_RATIONALE_LABELS = 2
#: RoBERTa special token ids (``<s>``, ``<pad>``, ``</s>``).
BOS_ID, PAD_ID, EOS_ID = 0, 1, 2


class ResponseToSeekerAttention(nn.Module):
    """Multi-head attention: response states (queries) over seeker states (keys, values)."""

    def __init__(self, hidden: int = 768, heads: int = 1) -> None:
        super().__init__()
        if hidden % heads:
            raise ValueError(f"hidden size {hidden} is not divisible by {heads} heads")
        self.heads = heads
        self.d_head = hidden // heads
        self.q = nn.Linear(hidden, hidden)
        self.k = nn.Linear(hidden, hidden)
        self.v = nn.Linear(hidden, hidden)
        self.out = nn.Linear(hidden, hidden)

    def _split(self, x: torch.Tensor) -> torch.Tensor:
        b, t, _ = x.shape
        return x.view(b, t, self.heads, self.d_head).transpose(1, 2)

    def forward(
        self, response: torch.Tensor, seeker: torch.Tensor, seeker_mask: torch.Tensor | None
    ) -> torch.Tensor:
        q, k, v = (
            self._split(self.q(response)),
            self._split(self.k(seeker)),
            self._split(self.v(seeker)),
        )
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.d_head)
        if seeker_mask is not None:
            scores = scores.masked_fill(seeker_mask[:, None, None, :] == 0, -1e9)
        context = scores.softmax(dim=-1) @ v
        b, _, t, _ = context.shape
        return self.out(context.transpose(1, 2).reshape(b, t, self.heads * self.d_head))


class EpitomeReference(nn.Module):
    """One EPITOME mechanism model: seeker and response encoders, attention, two heads."""

    def __init__(self, config: RobertaConfig | None = None, *, attn_heads: int = 1) -> None:
        super().__init__()
        config = config if config is not None else RobertaConfig()
        hidden = config.hidden_size
        self.seeker_encoder = RobertaModel(config)
        self.response_encoder = RobertaModel(config)
        self.attention = ResponseToSeekerAttention(hidden, attn_heads)
        self.dropout = nn.Dropout(0.1)
        self.level_dense = nn.Linear(hidden, hidden)
        self.level_out = nn.Linear(hidden, N_LEVELS)
        self.rationale_head = nn.Linear(hidden, N_RATIONALE_LABELS)

    def forward(
        self,
        seeker_ids: torch.Tensor,
        seeker_mask: torch.Tensor,
        response_ids: torch.Tensor,
        response_mask: torch.Tensor,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Return ``level_logits [n, 3]`` and ``rationale_logits [n, seq, 2]``."""
        seeker = self.seeker_encoder(
            input_ids=seeker_ids, attention_mask=seeker_mask
        ).last_hidden_state
        response = self.response_encoder(
            input_ids=response_ids, attention_mask=response_mask
        ).last_hidden_state
        response = response + self.dropout(self.attention(response, seeker, seeker_mask))
        cls = self.dropout(response[:, 0])
        level_logits = self.level_out(self.dropout(torch.relu(self.level_dense(cls))))
        rationale_logits = self.rationale_head(self.dropout(response))
        return level_logits, rationale_logits


def build_reference(n_mechanisms: int = 1, *, seed: int = 0) -> list[EpitomeReference]:
    """``n_mechanisms`` randomly initialised EPITOME models in eval mode (roberta-base size)."""
    torch.manual_seed(seed)
    return [EpitomeReference().eval() for _ in range(n_mechanisms)]


def pad_ids(token_ids: list[int], vocab_size: int = 50265) -> tuple[list[int], list[int]]:
    """Stand-in for EPITOME's tokenizer output: ``<s> ids </s>`` padded to :data:`MAX_LENGTH`.

    ``token_ids`` are any word-piece ids; they are folded into RoBERTa's vocabulary (ids 3 and
    up, so no content token collides with a special token). Returns ``(ids, attention_mask)``.
    """
    body = [3 + (t % (vocab_size - 3)) for t in token_ids[: MAX_LENGTH - 2]]
    ids = [BOS_ID, *body, EOS_ID]
    mask = [1] * len(ids) + [0] * (MAX_LENGTH - len(ids))
    return ids + [PAD_ID] * (MAX_LENGTH - len(ids)), mask
