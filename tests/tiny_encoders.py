"""Tiny randomly initialised encoders for training tests, and MPNet's spelling of special tokens.

Import only from tests that have already skipped without ``torch`` and ``transformers``.
"""

from __future__ import annotations

import json
from typing import Any

#: BERT's special tokens and how MPNet's vocabulary spells them.
MPNET_SPECIALS = (("[CLS]", "<s>"), ("[SEP]", "</s>"), ("[PAD]", "<pad>"))


def tiny_config(
    kind: str, vocab_size: int, max_positions: int, layers: int = 2, **extra: Any
) -> Any:
    """A ``BertConfig`` (``kind="bert"``) or ``MPNetConfig`` (``"mpnet"``) of hidden size 32 and
    two heads, small enough to build and export in milliseconds."""
    from transformers import BertConfig, MPNetConfig

    config_class = {"bert": BertConfig, "mpnet": MPNetConfig}[kind]
    return config_class(
        vocab_size=vocab_size, hidden_size=32, num_hidden_layers=layers, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=max_positions, **extra,
    )  # fmt: skip


def mpnet_spelling(tokenizer_json: str) -> str:
    """A serialised ``tokenizers`` spec with its special tokens spelt the MPNet way."""
    for bert, mpnet in MPNET_SPECIALS:
        tokenizer_json = tokenizer_json.replace(json.dumps(bert), json.dumps(mpnet))
    return tokenizer_json
