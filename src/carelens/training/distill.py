"""Knowledge distillation: a trained carelens model (the teacher) guides a smaller student.

:func:`teacher_outputs` runs the teacher's ONNX graph once over the training pairs and keeps
every head's raw logits; :func:`distillation_loss` pulls the student's outputs towards them
during training, on every pair, including the dimensions a pair has no gold label for. The
teacher must read the same tokens as the student (same tokenizer and encoding limits), so
its rationale logits line up position by position.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from numpy.typing import NDArray
from tokenizers import Tokenizer
from torch import nn

from carelens.errors import ModelError
from carelens.inference.artifact import ModelArtifact, sha256_file
from carelens.inference.encoding import PairEncoder
from carelens.inference.session import OnnxModel, open_session
from carelens.taxonomy import RESPONSE_DIMENSIONS, RESPONSE_FLAGS
from carelens.training.config import trained_lengths
from carelens.training.data import UNKNOWN, LabeledPair
from carelens.training.network import N_DIMS, N_FLAGS, N_LEVELS

#: A pair as the teacher's outputs are keyed: (seeker, response).
PairKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class TeacherOutput:
    """The teacher's raw logits for one pair (rationales on response tokens only)."""

    levels: NDArray[np.float32]  # [dims, 3]
    rationales: NDArray[np.float32]  # [response tokens, dims]
    flags: NDArray[np.float32]  # [flags]
    seeker: NDArray[np.float32]  # [3]


def mixed_pairs(pairs: Sequence[LabeledPair], n: int, seed: int) -> list[LabeledPair]:
    """``n`` unlabelled pairs that answer one training seeker message with another's response.

    Only the teacher's outputs teach from them (every gold label is unknown): they show the
    student how the teacher reads responses that do not fit their message, beyond the few
    thousand real pairs.
    """
    rng = random.Random(seed)
    pool = [p for p in pairs if p.seeker and p.response]
    if len({p.sp_id for p in pool}) < 2:
        return []
    unknown = (UNKNOWN,) * len(pool[0].levels)
    no_mask = (np.zeros(0, dtype=np.bool_),) * len(pool[0].levels)
    mixed: list[LabeledPair] = []
    while len(mixed) < n:
        a, b = rng.choice(pool), rng.choice(pool)
        if a.sp_id == b.sp_id:
            continue
        mixed.append(
            LabeledPair(
                f"mixed:{a.sp_id}", f"mixed:{b.rp_id}", a.seeker, b.response, unknown, no_mask
            )
        )
    return mixed


def check_teacher(artifact: ModelArtifact, encoder: PairEncoder, tokenizer_path: Path) -> None:
    """ModelError unless the teacher has every head and reads the student's tokens.

    Every head: all the dimensions and flags of the taxonomy, in its order, and the seeker's
    distress. A model trained without the project's annotations exports EPITOME's three
    mechanisms alone (its other heads never learned), and cannot teach the others.
    """
    manifest = artifact.manifest
    dims = list(manifest.get("dimensions", ()))
    flags = list(manifest.get("flags", ()))
    seeker = "distress" in manifest.get("seeker", ())
    if (dims, flags, seeker) != (list(RESPONSE_DIMENSIONS), list(RESPONSE_FLAGS), True):
        lacks = [n for n in (*RESPONSE_DIMENSIONS, *RESPONSE_FLAGS) if n not in (*dims, *flags)]
        lacks += [] if seeker else ["the seeker's distress"]
        has = f"it lacks {', '.join(lacks)}" if lacks else "it orders them otherwise"
        raise ModelError(
            f"{artifact.path}: a teacher needs all {N_DIMS} dimensions, {N_FLAGS} flags and "
            f"the seeker's distress (this model has {len(dims)} dimensions and {len(flags)} "
            f"flags; {has}); train it with --annotations"
        )
    ours = {
        "max_length": encoder.max_length,
        "max_response_tokens": encoder.max_response_tokens,
        "max_seeker_tokens": encoder.max_seeker_tokens,
    }
    theirs = trained_lengths(manifest.get("encoding", {}))
    if theirs != ours:
        raise ModelError(
            f"{artifact.path}: the teacher encodes pairs with {theirs}, the student with "
            f"{ours}; train the student with --max-length {theirs['max_length']} "
            f"--max-response-tokens {theirs['max_response_tokens']} "
            f"--max-seeker-tokens {theirs['max_seeker_tokens'] or 0}"
        )
    if not same_word_pieces(artifact.tokenizer_path, tokenizer_path):
        raise ModelError(
            f"{artifact.path}: the teacher's tokenizer splits text into other word pieces "
            "than the student's"
        )


def _tokenizer_spec(path: Path) -> tuple[dict[str, object], set[str], set[str]]:
    """A tokenizer file's splitting rules (all but the vocabulary and padding/truncation),
    its vocabulary and its special tokens."""
    spec = json.loads(Tokenizer.from_file(str(path)).to_str())
    model = dict(spec["model"])
    vocab = set(model.pop("vocab", {}))
    specials = {t["content"] for t in spec.get("added_tokens") or () if t.get("special")}
    rules = {"normalizer": spec.get("normalizer"), "pre_tokenizer": spec.get("pre_tokenizer")}
    return rules | {"model": model}, vocab, specials


def same_word_pieces(teacher: Path, student: Path) -> bool:
    """True when both tokenizer files split text into the same word pieces: the same rules,
    and vocabularies that differ only by special tokens (text that spells one of them out,
    such as a literal ``[CLS]``, is the only exception). Their ids may differ."""
    if sha256_file(teacher) == sha256_file(student):
        return True
    rules_t, vocab_t, specials_t = _tokenizer_spec(teacher)
    rules_s, vocab_s, specials_s = _tokenizer_spec(student)
    if rules_t != rules_s:
        return False
    return (vocab_t - vocab_s) <= specials_t and (vocab_s - vocab_t) <= specials_s


def teacher_outputs(
    model_dir: str | Path,
    pairs: Sequence[LabeledPair],
    encoder: PairEncoder,
    tokenizer_path: Path,
    *,
    threads: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> dict[PairKey, TeacherOutput]:
    """Run the teacher at ``model_dir`` (checksums verified) over the distinct ``pairs``.

    One pair per model call, as carelens runs models: the int8 graph scales activations per
    call, so a pair's logits would move a little with the other pairs of a batch.
    """
    artifact = ModelArtifact.load(model_dir)
    check_teacher(artifact, encoder, tokenizer_path)
    model = OnnxModel(open_session(artifact.onnx_path, threads=threads))
    # The teacher's own ids (its tokenizer may number the same pieces otherwise).
    teacher_encoder = PairEncoder.from_file(
        artifact.tokenizer_path,
        max_length=encoder.max_length,
        max_response_tokens=encoder.max_response_tokens,
        max_seeker_tokens=encoder.max_seeker_tokens,
    )
    unique = list(dict.fromkeys((p.seeker, p.response) for p in pairs))
    out: dict[PairKey, TeacherOutput] = {}
    for done, key in enumerate(unique, start=1):
        batch = teacher_encoder.encode([key])
        logits = model.run(batch)
        n_resp = len(batch.response_offsets[0])
        if n_resp != len(encoder.encode([key]).response_offsets[0]):
            raise ModelError(
                f"{artifact.path}: the teacher reads a response in {n_resp} word pieces, the "
                "student in another number"
            )
        out[key] = TeacherOutput(
            levels=logits["level_logits"][0],
            rationales=logits["rationale_logits"][0, 1 : 1 + n_resp],
            flags=logits["flag_logits"][0],
            seeker=logits["seeker_logits"][0],
        )
        if progress:
            progress(done, len(unique))
    return out


def teacher_batch(
    teacher: Mapping[PairKey, TeacherOutput], batch: Sequence[LabeledPair], width: int
) -> tuple[torch.Tensor, ...]:
    """The teacher's logits for ``batch``, padded to ``width`` sequence positions.

    Returns level logits ``[n, dims, 3]``, rationale logits ``[n, width, dims]`` (zero
    outside response tokens), flag logits ``[n, flags]`` and seeker logits ``[n, 3]``.
    """
    n = len(batch)
    levels = np.zeros((n, N_DIMS, N_LEVELS), dtype=np.float32)
    rationales = np.zeros((n, width, N_DIMS), dtype=np.float32)
    flags = np.zeros((n, N_FLAGS), dtype=np.float32)
    seeker = np.zeros((n, N_LEVELS), dtype=np.float32)
    for i, pair in enumerate(batch):
        t = teacher[(pair.seeker, pair.response)]
        levels[i] = t.levels
        rationales[i, 1 : 1 + len(t.rationales)] = t.rationales
        flags[i] = t.flags
        seeker[i] = t.seeker
    return tuple(torch.from_numpy(a) for a in (levels, rationales, flags, seeker))


def _soft_cross_entropy(student: torch.Tensor, teacher: torch.Tensor, t: float) -> torch.Tensor:
    """KL divergence from the teacher's softened distribution, times ``t**2`` (Hinton et al.)."""
    target = nn.functional.log_softmax(teacher / t, dim=-1)
    pred = nn.functional.log_softmax(student / t, dim=-1)
    kl = nn.functional.kl_div(pred, target, log_target=True, reduction="none").sum(-1)
    return kl.mean() * t * t


def distillation_loss(
    outputs: Sequence[torch.Tensor],
    teacher: Sequence[torch.Tensor],
    response_mask: torch.Tensor,
    temperature: float,
) -> torch.Tensor:
    """How far the student's four heads are from the teacher's, on every pair and dimension.

    Levels and seeker distress: softened KL divergence; rationales and flags: binary
    cross-entropy against the teacher's probabilities (rationales on response tokens only).
    """
    level, rationale, flag, seeker = outputs
    t_level, t_rationale, t_flag, t_seeker = teacher
    loss = _soft_cross_entropy(level, t_level, temperature)
    loss = loss + _soft_cross_entropy(seeker, t_seeker, temperature)
    token_bce = nn.functional.binary_cross_entropy_with_logits(
        rationale, torch.sigmoid(t_rationale), reduction="none"
    ).mean(-1)
    loss = loss + (token_bce * response_mask).sum() / response_mask.sum().clamp(min=1.0)
    return loss + nn.functional.binary_cross_entropy_with_logits(flag, torch.sigmoid(t_flag))
