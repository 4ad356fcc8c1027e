"""The carelens network: one BERT-family encoder with level, rationale, flag and seeker heads.

The encoder reads ``[CLS] response [SEP] seeker [SEP]`` so every response token attends to
the seeker message (the role of EPITOME's response-to-seeker attention, in one encoder).
Heads, all on the same forward pass:

- level head: ``[CLS]`` state, mean response state and mean seeker state, concatenated, to
  one 3-level distribution per response dimension: three free logits, or, for the dimensions
  named ``ordinal``, two thresholds on one scale, P(level >= 1) and P(level >= 2), whose
  differences are the three level probabilities (:func:`ordinal_log_probs`);
- rationale head: per token, one logit per response dimension;
- flag head: the same pooled states to one logit per binary response flag (advice,
  self-focus);
- seeker head: ``[CLS]`` and mean seeker state to the seeker's distress level (0/1/2).

The encoder is all-MiniLM-L6-v2 by default; any BERT-family encoder folder that
``transformers`` reads (MPNet, for a larger teacher) works. Encoders without token-type
embeddings (MPNet) get no ``token_type_ids``; the pooling uses them either way.

The exported graph outputs raw logits; calibration (temperatures) is applied at inference.
The network is built on the encoder without its pooler, so transformers' report of the
pooler's weights as unused (and its loading bar) is kept out of the output
(:func:`_quiet_encoder_load`); any other load report still shows.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import torch
from torch import nn
from torch.nn import functional as F
from transformers import AutoModel, PretrainedConfig, PreTrainedModel

from carelens.errors import ModelError
from carelens.taxonomy import RESPONSE_DIMENSIONS, RESPONSE_FLAGS

N_DIMS = len(RESPONSE_DIMENSIONS)
N_FLAGS = len(RESPONSE_FLAGS)
N_LEVELS = 3
#: The ONNX output names, in the order ``forward`` returns them.
OUTPUT_NAMES = ("level_logits", "rationale_logits", "flag_logits", "seeker_logits")


def _only_unused_pooler(record: logging.LogRecord) -> bool:
    """False for transformers' load report when every key it lists is an UNEXPECTED
    ``pooler.*`` weight: the network is built without the pooler (``add_pooling_layer=False``),
    so those checkpoint weights are rightly unused. Any other report is kept."""
    message = str(record.msg)
    if "LOAD REPORT" not in message:
        return True
    rows = [[cell.strip() for cell in line.split("|")] for line in message.splitlines()]
    keyed = [row for row in rows if len(row) >= 2 and row[0] and row[0] != "Key"]
    return not keyed or not all(
        row[0].startswith("pooler.") and row[1] == "UNEXPECTED" for row in keyed
    )


@contextmanager
def _quiet_encoder_load() -> Iterator[None]:
    """While the encoder loads: no loading bar, and no load report that lists only the
    unused pooler weights (:func:`_only_unused_pooler`)."""
    from transformers.utils import logging as hf_logging

    reporter = logging.getLogger("transformers.modeling_utils")  # where the report is logged
    bars_were_on = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    reporter.addFilter(_only_unused_pooler)
    try:
        yield
    finally:
        reporter.removeFilter(_only_unused_pooler)
        if bars_were_on:
            hf_logging.enable_progress_bar()


def kept_layers(total: int, keep: int) -> list[int]:
    """Indices of ``keep`` of ``total`` layers, evenly spread: the first and, from two
    layers on, the last are always kept.

    >>> kept_layers(6, 4)
    [0, 2, 3, 5]
    """
    if not 1 <= keep <= total:
        raise ValueError(f"can keep 1 to {total} encoder layers, not {keep}")
    if keep == 1:
        return [0]
    return sorted({round(i * (total - 1) / (keep - 1)) for i in range(keep)})


def ordinal_log_probs(raw: torch.Tensor) -> torch.Tensor:
    """Log-probabilities of levels 0, 1, 2 from two numbers per dimension (``[..., 2]``).

    ``raw[..., 0]`` is the logit of P(level >= 1); the logit of P(level >= 2) lies
    ``softplus(raw[..., 1])`` below it, so P(level >= 2) <= P(level >= 1) always and
    P(level 1) is their difference. Level 1 then learns from every pair that says
    "at least weak" or "not strong", not from its own few examples alone. The result is
    normalised, so softmax (with or without a temperature) and cross-entropy treat it as
    logits.
    """
    at_least_1 = raw[..., 0]
    at_least_2 = at_least_1 - F.softplus(raw[..., 1])
    log_ge1, log_ge2 = F.logsigmoid(at_least_1), F.logsigmoid(at_least_2)
    # log(P(>=1) - P(>=2)) = log P(>=1) + log(1 - P(>=2) / P(>=1)), kept finite.
    log_1 = log_ge1 + torch.log1p(-torch.exp(torch.clamp(log_ge2 - log_ge1, max=-1e-6)))
    return torch.stack([F.logsigmoid(-at_least_1), log_1, log_ge2], dim=-1)


class EmpathyNetwork(nn.Module):
    def __init__(
        self, encoder: PreTrainedModel, dropout: float = 0.1, *, ordinal: Sequence[str] = ()
    ) -> None:
        super().__init__()
        unknown = sorted(set(ordinal) - set(RESPONSE_DIMENSIONS))
        if unknown:
            raise ValueError(f"no response dimension named {', '.join(unknown)}")
        self.encoder = encoder
        self.ordinal = tuple(d for d in RESPONSE_DIMENSIONS if d in ordinal)
        # Which dimensions read their levels from the ordinal thresholds (not saved: it is
        # rebuilt from ``ordinal``).
        self.register_buffer(
            "ordinal_mask",
            torch.tensor([d in ordinal for d in RESPONSE_DIMENSIONS]).view(1, N_DIMS, 1),
            persistent=False,
        )
        # BERT adds a token-type embedding per input token; MPNet has none.
        self.uses_token_types = bool(getattr(encoder.config, "type_vocab_size", 0))
        hidden = encoder.config.hidden_size
        self.dropout = nn.Dropout(dropout)
        self.level_head = nn.Linear(3 * hidden, N_DIMS * N_LEVELS)
        self.rationale_head = nn.Linear(hidden, N_DIMS)
        self.flag_head = nn.Linear(3 * hidden, N_FLAGS)
        self.seeker_head = nn.Linear(2 * hidden, N_LEVELS)

    @classmethod
    def from_pretrained(
        cls,
        encoder_dir: str | Path,
        dropout: float = 0.1,
        *,
        layers: int = 0,
        ordinal: Sequence[str] = (),
    ) -> EmpathyNetwork:
        """The network on the pretrained encoder in ``encoder_dir``.

        ``layers`` above 0 keeps only that many of its transformer layers (see
        :func:`kept_layers`): a shallower, faster student. ``ordinal``: the dimensions whose
        levels come from ordered thresholds (:func:`ordinal_log_probs`).
        """
        with _quiet_encoder_load():
            encoder = AutoModel.from_pretrained(
                str(encoder_dir), add_pooling_layer=False, attn_implementation="eager"
            )
        if layers:
            try:
                keep = kept_layers(encoder.config.num_hidden_layers, layers)
            except ValueError as exc:
                raise ModelError(f"{encoder_dir}: {exc}") from exc
            encoder.encoder.layer = nn.ModuleList(encoder.encoder.layer[i] for i in keep)
            encoder.config.num_hidden_layers = len(keep)
        return cls(encoder, dropout, ordinal=ordinal)

    @classmethod
    def from_config(
        cls, config: PretrainedConfig, *, ordinal: Sequence[str] = ()
    ) -> EmpathyNetwork:
        """The network on a randomly initialised encoder of ``config`` (BERT, MPNet, ...)."""
        return cls(AutoModel.from_config(config, add_pooling_layer=False), ordinal=ordinal)

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        token_type_ids: torch.Tensor,
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        types = {"token_type_ids": token_type_ids} if self.uses_token_types else {}
        hidden = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, **types
        ).last_hidden_state
        att = attention_mask.unsqueeze(-1).to(hidden.dtype)
        resp = att * (1 - token_type_ids.unsqueeze(-1).to(hidden.dtype))
        seek = att - resp
        resp_mean = (hidden * resp).sum(1) / resp.sum(1).clamp(min=1.0)
        seek_mean = (hidden * seek).sum(1) / seek.sum(1).clamp(min=1.0)
        pooled = self.dropout(torch.cat([hidden[:, 0], resp_mean, seek_mean], dim=-1))
        level_logits = self.level_head(pooled).view(-1, N_DIMS, N_LEVELS)
        if self.ordinal:  # the first two of an ordinal dimension's outputs are its thresholds
            ordered = ordinal_log_probs(level_logits[..., :2])
            level_logits = torch.where(self.ordinal_mask, ordered, level_logits)
        rationale_logits = self.rationale_head(self.dropout(hidden))
        flag_logits = self.flag_head(pooled)
        seeker_logits = self.seeker_head(self.dropout(torch.cat([hidden[:, 0], seek_mean], -1)))
        return level_logits, rationale_logits, flag_logits, seeker_logits
