"""Fine-tune, calibrate and export the carelens empathy model.

``train_model`` is what ``carelens train`` runs: it loads the EPITOME CSV (and, when given,
the project's taxonomy annotations of its responses), splits it by seeker post, fine-tunes
:class:`EmpathyNetwork` from the bundled all-MiniLM-L6-v2 weights, keeps the epoch with the
best dev score (optionally averaged with the weights of earlier runs, a "model soup"), fits
one temperature per dimension on dev, exports an int8 ONNX artifact with its manifest, and
fits on dev how the exported model's rationale sentences are chosen
(:mod:`carelens.training.span_fit`; models trained before sentence spans carry token
thresholds instead). The model folder (and the ``save_state`` file) is built beside its path
and moved into place only when all of that is done (:mod:`carelens.training.outputs`), so an
interrupted or failed run leaves no model, never half of one. Each loss term averages over
the pairs that have that label, so EPITOME-only pairs teach the three mechanisms and
annotated pairs teach everything; only the heads some training pair has labels for are
exported (:func:`trained_heads`: without annotations, EPITOME's three mechanisms). Every
input file is read and checked before the encoder loads, the annotations against the rows
of the data as ``carelens evaluate`` and the rationale fit use them, so no input problem
shows only after training. The test part is never looked at here; ``carelens evaluate``
scores the exported model on it.
"""

from __future__ import annotations

import json
import logging
import math
import random
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from carelens.errors import ModelError
from carelens.inference.artifact import ModelArtifact, sha256_file
from carelens.inference.encoding import PairEncoder
from carelens.metrics import macro_f1
from carelens.taxonomy import RESPONSE_DIMENSIONS, RESPONSE_FLAGS
from carelens.training.config import (
    TrainConfig,
    training_seed,
)
from carelens.training.data import (
    UNKNOWN,
    LabeledPair,
    encode_labeled,
)
from carelens.training.distill import (
    PairKey,
    TeacherOutput,
    distillation_loss,
    mixed_pairs,
    teacher_batch,
    teacher_outputs,
)
from carelens.training.export import Heads, export_artifact
from carelens.training.inputs import TrainingInputs, prepare_training
from carelens.training.network import N_DIMS, N_FLAGS, N_LEVELS, EmpathyNetwork
from carelens.training.outputs import (
    scratch_folder,
    staged_outputs,
)

logger = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
#: The progress stage while the teacher's outputs are computed (before the epochs).
TEACHER_STAGE = "teacher outputs"
#: The progress stage while the rationale sentence ratios are fitted (after the export).
SPAN_STAGE = "rationale sentences"


def _batches(
    pairs: Sequence[LabeledPair], size: int, rng: random.Random
) -> list[list[LabeledPair]]:
    """Shuffled batches of similar length (sorted within chunks) to cut padding."""
    order = list(pairs)
    rng.shuffle(order)
    chunk = size * 32
    batches: list[list[LabeledPair]] = []
    for i in range(0, len(order), chunk):
        part = sorted(order[i : i + chunk], key=lambda p: len(p.response) + len(p.seeker))
        batches.extend(part[j : j + size] for j in range(0, len(part), size))
    rng.shuffle(batches)
    return batches


def _class_weights(pairs: Sequence[LabeledPair], power: float) -> torch.Tensor:
    """Inverse class frequencies to the given power, per dimension, mean 1 (helps rare levels).

    Unknown labels are not counted; the seeker's distress is the last row.
    """
    counts = np.ones((N_DIMS + 1, N_LEVELS))
    for p in pairs:
        for d, lvl in enumerate((*p.levels, p.seeker_distress)):
            if lvl != UNKNOWN:
                counts[d, lvl] += 1
    w = counts**-power
    w = w / w.mean(axis=1, keepdims=True)
    return torch.tensor(w, dtype=torch.float32)


def _tensors(encoder: PairEncoder, batch: Sequence[LabeledPair]) -> tuple[torch.Tensor, ...]:
    enc, targets = encode_labeled(encoder, batch)
    return (
        torch.from_numpy(enc.input_ids),
        torch.from_numpy(enc.attention_mask),
        torch.from_numpy(enc.token_type_ids),
        torch.from_numpy(targets.levels),
        torch.from_numpy(targets.tokens),
        torch.from_numpy(targets.response_mask),
        torch.from_numpy(targets.flags),
        torch.from_numpy(targets.seeker_distress),
        torch.from_numpy(targets.rationales_labelled),
    )


def _masked_cross_entropy(
    logits: torch.Tensor, target: torch.Tensor, weight: torch.Tensor
) -> torch.Tensor:
    """Cross-entropy over the rows whose target is known (zero when none is)."""
    known = target != UNKNOWN
    if not bool(known.any()):
        return logits.sum() * 0.0
    return nn.functional.cross_entropy(logits[known], target[known], weight=weight)


def batch_loss(
    outputs: tuple[torch.Tensor, ...],
    targets: tuple[torch.Tensor, ...],
    weights: torch.Tensor,
    rationale_weight: float,
    rationale_present_only: bool = False,
) -> torch.Tensor:
    """The training loss of one batch; every term skips unknown labels.

    With ``rationale_present_only`` the rationale term counts only the pairs that show the
    dimension (level 1 or 2), the only ones whose spans results show. Either way it skips a
    pair's dimension whose words were never marked (``rationales_labelled`` 0).
    """
    level_logits, rat_logits, flag_logits, seeker_logits = outputs
    lv, tok, rmask, flags, distress, rknown = targets
    loss = sum(
        (_masked_cross_entropy(level_logits[:, d], lv[:, d], weights[d]) for d in range(N_DIMS)),
        start=torch.zeros((), device=level_logits.device),
    )
    loss = loss + _masked_cross_entropy(seeker_logits, distress, weights[N_DIMS])
    rationale_pairs = (lv > 0 if rationale_present_only else lv != UNKNOWN).to(rmask.dtype)
    token_mask = rmask.unsqueeze(-1) * (rationale_pairs * rknown).unsqueeze(1)
    tok_loss = nn.functional.binary_cross_entropy_with_logits(rat_logits, tok, reduction="none")
    loss = loss + rationale_weight * (tok_loss * token_mask).sum() / token_mask.sum().clamp(min=1.0)
    known_flags = flags != UNKNOWN
    if bool(known_flags.any()):
        loss = loss + nn.functional.binary_cross_entropy_with_logits(
            flag_logits[known_flags], flags[known_flags].to(flag_logits.dtype)
        )
    return loss


@dataclass
class Predictions:
    """Raw outputs for a list of pairs (rationales per pair, response tokens only)."""

    levels: np.ndarray  # [n, dims, 3]
    rationales: list[np.ndarray]  # [tokens, dims] each
    gold_tokens: list[np.ndarray]  # [tokens, dims] bool each
    flags: np.ndarray  # [n, flags]
    seeker: np.ndarray  # [n, 3]


@torch.no_grad()
def predict_logits(
    net: EmpathyNetwork, encoder: PairEncoder, pairs: Sequence[LabeledPair], batch_size: int = 64
) -> Predictions:
    """Run ``net`` over ``pairs`` and keep every head's logits in input order."""
    net.eval()
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i].response) + len(pairs[i].seeker))
    out = Predictions(
        levels=np.zeros((len(pairs), N_DIMS, N_LEVELS), dtype=np.float32),
        rationales=[np.zeros(0)] * len(pairs),
        gold_tokens=[np.zeros(0)] * len(pairs),
        flags=np.zeros((len(pairs), N_FLAGS), dtype=np.float32),
        seeker=np.zeros((len(pairs), N_LEVELS), dtype=np.float32),
    )
    for s in range(0, len(order), batch_size):
        idx = order[s : s + batch_size]
        ids, att, tt, _, tok, rmask, *_ = _tensors(encoder, [pairs[i] for i in idx])
        lv, rl, fl, sk = net(ids, att, tt)
        for j, i in enumerate(idx):
            n_resp = int(rmask[j].sum())
            out.levels[i] = lv[j].numpy()
            out.rationales[i] = rl[j, 1 : 1 + n_resp].numpy()
            out.gold_tokens[i] = tok[j, 1 : 1 + n_resp].numpy() > 0.5
            out.flags[i] = fl[j].numpy()
            out.seeker[i] = sk[j].numpy()
    return out


def _token_f1(gold: list[np.ndarray], logits: list[np.ndarray], d: int, thr: float) -> float:
    scores = []
    for g, lg in zip(gold, logits, strict=True):
        gd = g[:, d] if len(g) else g
        if len(gd) == 0 or not gd.any():
            continue
        pd_ = 1 / (1 + np.exp(-lg[:, d])) >= thr
        tp = int((gd & pd_).sum())
        denom = int(gd.sum() + pd_.sum())
        scores.append(0.0 if denom == 0 else 2 * tp / denom)
    return float(np.mean(scores)) if scores else 0.0


def _labelled(pairs: Sequence[LabeledPair], d: int) -> list[int]:
    return [i for i, p in enumerate(pairs) if p.levels[d] != UNKNOWN]


def dev_scores(pred: Predictions, pairs: Sequence[LabeledPair]) -> dict[str, float]:
    """Macro-F1 and rationale token-F1 per dimension on the pairs labelled for it, keyed
    ``f1_<dimension>`` and ``tok_<dimension>`` (older manifests key them by the dimension's
    index in RESPONSE_DIMENSIONS, ``f1_0``, ``tok_0``: ``carelens train``'s summary reads
    both).

    ``score`` (used to pick the best epoch) is mean macro-F1 plus half the mean token-F1
    over the dimensions that have labelled pairs.
    """
    out: dict[str, float] = {}
    f1s, toks = [], []
    for d in range(N_DIMS):
        rows = _labelled(pairs, d)
        if not rows:
            continue
        gold = [pairs[i].levels[d] for i in rows]
        name = RESPONSE_DIMENSIONS[d]
        out[f"f1_{name}"] = macro_f1(gold, list(pred.levels[rows, d].argmax(-1)))
        out[f"tok_{name}"] = _token_f1(
            [pred.gold_tokens[i] for i in rows], [pred.rationales[i] for i in rows], d, 0.5
        )
        f1s.append(out[f"f1_{name}"])
        toks.append(out[f"tok_{name}"])
    out["score"] = float(np.mean(f1s)) + 0.5 * float(np.mean(toks)) if f1s else 0.0
    return out


def fit_temperature(logits: np.ndarray, gold: np.ndarray) -> float:
    """The temperature minimising dev negative log-likelihood (grid search)."""
    best_t, best_nll = 1.0, math.inf
    for t in np.arange(0.5, 4.01, 0.05):
        z = logits / t
        z = z - z.max(-1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(-1, keepdims=True))
        nll = -float(logp[np.arange(len(gold)), gold].mean())
        if nll < best_nll:
            best_t, best_nll = float(t), nll
    return round(best_t, 2)


def average_states(states: Sequence[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
    """The element-wise mean of model states (integer buffers are taken from the last)."""
    out: dict[str, torch.Tensor] = {}
    for name, last in states[-1].items():
        if last.is_floating_point():
            out[name] = torch.stack([s[name] for s in states]).mean(dim=0)
        else:
            out[name] = last
    return out


def _try_average(
    net: EmpathyNetwork,
    folder: Path,
    best_checkpoint: Path,
    history: list[dict[str, float]],
    last: int,
    encoder: PairEncoder,
    dev: Sequence[LabeledPair],
) -> dict[str, Any]:
    """Score the mean of the last ``last`` epochs' weights (``folder/epoch<N>.pt``) on dev;
    keep it in ``net`` when it beats the best single epoch, else load that one back."""
    epochs = [int(h["epoch"]) for h in history][-last:]
    best_single = max(h["score"] for h in history)
    states = [torch.load(folder / f"epoch{e}.pt", map_location="cpu") for e in epochs]
    net.cpu().load_state_dict(average_states(states))
    scores: dict[str, float] = dev_scores(predict_logits(net, encoder, dev), dev)
    chosen = scores["score"] > best_single
    logger.info(
        "mean of epochs %s: dev score %.4f (best single epoch %.4f)%s",
        epochs,
        scores["score"],
        best_single,
        "; kept" if chosen else "",
    )
    if not chosen:
        net.load_state_dict(torch.load(best_checkpoint, map_location="cpu"))
    return {"epochs": epochs, "scores": scores, "best_single": best_single, "chosen": chosen}


def load_states(
    files: Sequence[str | Path], like: Mapping[str, torch.Tensor]
) -> list[dict[str, torch.Tensor]]:
    """The weights saved in ``files`` (``--save-state`` of earlier runs); ModelError naming a
    file that does not hold weights shaped as ``like`` (this run's network), in one line:
    what the file is not, or what differs (the encoder's layer count, the first weight one
    has and the other lacks, or the first of another shape)."""
    states = []
    for file in files:
        try:
            state = torch.load(file, map_location="cpu", weights_only=True)
        except OSError as exc:
            raise ModelError(f"{file}: cannot be read ({exc.strerror or exc})") from None
        except Exception:  # torch raises many kinds for a file that is no saved state
            # Their messages run over many lines, and some advise weights_only=False, which
            # would run code from the file: they are not shown.
            raise ModelError(
                f"{file}: not a saved state of weights, as carelens train --save-state writes "
                "them (torch cannot read it as one)"
            ) from None
        if not isinstance(state, dict) or not all(isinstance(k, str) for k in state):
            raise ModelError(
                f"{file}: not a saved state of weights, as carelens train --save-state writes "
                f"them (it holds {type(state).__name__})"
            )
        if problem := _state_difference(state, like):
            raise ModelError(f"{file}: its weights are not those of this network: {problem}")
        states.append(state)
    return states


def _layer_count(keys: Iterable[str]) -> int:
    """The encoder layers a state's weight names number (``...layer.<n>.``)."""
    return len({m.group(1) for k in keys if (m := re.search(r"\blayer\.(\d+)\.", k))})


def _state_difference(state: Mapping[str, object], like: Mapping[str, torch.Tensor]) -> str:
    """What differs between the saved ``state`` and this network's (``like``), in words;
    empty when it has the same weights, each of the same shape."""
    theirs, ours = _layer_count(state), _layer_count(like)
    if theirs != ours:
        return (
            f"it has {theirs} encoder layers, this network {ours} (train with the same "
            "--encoder-layers and --encoder-dir)"
        )
    lacking = [k for k in like if k not in state]
    if lacking:
        return f"it has no {lacking[0]} ({len(lacking)} weight(s) of this network missing)"
    extra = [k for k in state if k not in like]
    if extra:
        return f"it has {extra[0]}, which this network has not ({len(extra)} such weight(s))"
    for name, tensor in like.items():
        value = state[name]
        if not isinstance(value, torch.Tensor):
            return f"{name} is not a tensor but {type(value).__name__}"
        if value.shape != tensor.shape:
            return (
                f"{name} is {list(value.shape)} in it, {list(tensor.shape)} in this network "
                "(another encoder, or other settings)"
            )
    return ""


def _make_soup(
    net: EmpathyNetwork,
    states: Sequence[dict[str, torch.Tensor]],
    files: Sequence[str],
    own_score: float,
    encoder: PairEncoder,
    dev: Sequence[LabeledPair],
) -> dict[str, Any]:
    """Replace ``net``'s weights by their uniform mean with ``states`` (read from ``files``)
    and score the mean on dev."""
    own = {k: v.detach().cpu().clone() for k, v in net.state_dict().items()}
    net.cpu().load_state_dict(average_states([*states, own]))
    scores: dict[str, float] = dev_scores(predict_logits(net, encoder, dev), dev)
    logger.info(
        "soup of %d runs: dev score %.4f (this run alone %.4f)",
        len(files) + 1,
        scores["score"],
        own_score,
    )
    return {
        "files": [{"file": Path(f).name, "sha256": sha256_file(f)} for f in files],
        "scores": scores,
        "this_run": own_score,
    }


def _teacher_id(folder: str) -> str:
    """The teacher as the manifest records it: its model id and weight checksum."""
    if not folder:
        return ""
    artifact = ModelArtifact.load(folder)
    return f"{artifact.model_id} (model.onnx sha256 {artifact.manifest['files']['model.onnx']})"


def trained_heads(pairs: Sequence[LabeledPair], *, teacher: bool = False) -> Heads:
    """The heads training teaches on ``pairs``: each dimension and flag that some pair has a
    label for, and the seeker head when some pair has the seeker's distress. With a teacher
    every head learns (the teacher's outputs teach them all, on every pair)."""
    if teacher:
        return Heads()
    return Heads(
        dimensions=tuple(d for d in range(N_DIMS) if any(p.levels[d] != UNKNOWN for p in pairs)),
        flags=tuple(f for f in range(N_FLAGS) if any(p.flags[f] != UNKNOWN for p in pairs)),
        seeker=any(p.seeker_distress != UNKNOWN for p in pairs),
    )


def shown_name(path: str) -> str:
    """A file as the manifest names it: its name, and the folder it is in for written pairs
    (``synthetic-v1/pairs.jsonl``: every set names its file alike). The manifest ships;
    the machine's paths must not."""
    return "/".join(Path(path).parts[-2:])


def _recorded_config(config: TrainConfig) -> dict[str, object]:
    """``config`` as the manifest records it: file names only, never the machine's paths."""
    return {
        **asdict(config),
        "data": Path(config.data).name,
        "output": "",
        "encoder_dir": Path(config.encoder_dir).name if config.encoder_dir else "",
        "teacher": _teacher_id(config.teacher),
        "annotations": Path(config.annotations).name if config.annotations else "",
        "bolt": Path(config.bolt).name if config.bolt else "",
        "written": [shown_name(path) for path in config.written],
        "written_for": [[shown_name(path), list(labels)] for path, labels in config.written_for],
        "save_state": Path(config.save_state).name if config.save_state else "",
        "soup_with": [Path(f).name for f in config.soup_with],
    }


def train_model(
    config: TrainConfig,
    progress: Progress | None = None,
    *,
    overwrite: bool = False,
    inputs: TrainingInputs | None = None,
) -> dict[str, object]:
    """Train, calibrate and export; return the training summary written to the manifest.

    The run is prepared first, before the encoder and the network load: settings, outputs,
    killed runs' leftovers swept, every input read and checked, the split
    (:func:`~carelens.training.inputs.prepare_training`, whose errors these are), unless
    ``inputs`` gives a preparation already done. The summary's ``train_seconds`` is the
    training alone (to the chosen weights), ``seconds`` the whole run, export and rationale
    fit included.
    """
    started = time.time()
    if inputs is None:
        inputs = prepare_training(config, overwrite)
    if config.threads:
        torch.set_num_threads(config.threads)
    seed = training_seed(config)  # the split below keeps config.seed
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    train, dev, test = inputs.train, inputs.dev, inputs.test
    bolt, written = inputs.bolt, inputs.written
    encoder_dir = inputs.encoder_dir
    encoder = PairEncoder.from_file(
        encoder_dir / "tokenizer.json",
        max_length=config.max_length,
        max_response_tokens=config.max_response_tokens,
        max_seeker_tokens=config.max_seeker_tokens or None,
    )
    # Annotated pairs are few; each epoch sees them ``annotation_repeat`` times.
    labelled = [p for p in train if p.annotated] + written
    train_epoch = train + written + labelled * (config.annotation_repeat - 1) + bolt
    heads = trained_heads(train_epoch, teacher=bool(config.teacher))
    if not heads.complete:
        logger.info(
            "exporting the heads training has labels for: %s",
            ", ".join(
                [RESPONSE_DIMENSIONS[d] for d in heads.dimensions]
                + [RESPONSE_FLAGS[f] for f in heads.flags]
                + ["seeker distress"] * heads.seeker
            ),
        )
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    teacher: dict[PairKey, TeacherOutput] = {}
    if config.teacher:
        train_epoch += mixed_pairs(train, config.distill_mixed_pairs, seed)
        teacher = teacher_outputs(
            config.teacher,
            train_epoch,
            encoder,
            encoder_dir / "tokenizer.json",
            threads=config.threads or torch.get_num_threads(),
            progress=(lambda done, total: progress(TEACHER_STAGE, done, total))
            if progress
            else None,
        )
        logger.info("teacher %s: outputs for %d training pairs", config.teacher, len(teacher))
    net = EmpathyNetwork.from_pretrained(
        encoder_dir, layers=config.encoder_layers, ordinal=config.ordinal_levels
    ).to(device)
    # Read (and check) the soup's other runs now, not after hours of training.
    soup_parts = load_states(config.soup_with, net.state_dict())
    weights = _class_weights(train_epoch, config.class_weight_power).to(device)
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {
            "params": [p for n, p in net.named_parameters() if not n.endswith(no_decay)],
            "weight_decay": config.weight_decay,
        },
        {
            "params": [p for n, p in net.named_parameters() if n.endswith(no_decay)],
            "weight_decay": 0.0,
        },
    ]
    optimiser = torch.optim.AdamW(groups, lr=config.learning_rate)
    rng = random.Random(seed)
    steps_per_epoch = math.ceil(len(train_epoch) / config.batch_size)
    total = steps_per_epoch * config.epochs
    if config.max_steps is not None:
        total = min(total, config.max_steps)
    warmup = max(1, int(total * config.warmup))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup)))
    )
    best: dict[str, float] = {"score": -1.0}
    history: list[dict[str, float]] = []
    step = 0
    # The checkpoints: the best epoch's, and the last ``average_last`` epochs' when their
    # mean is to be tried (the older ones are removed as training goes). The folder, marked
    # with this process as its owner, goes when training ends, fails or is interrupted; only
    # a killed run leaves it, and a later run sweeps it (prepare_training).
    with scratch_folder() as scratch:
        checkpoint = scratch / "best.pt"
        for epoch in range(config.epochs):
            net.train()
            epoch_start = time.time()
            for batch in _batches(train_epoch, config.batch_size, rng):
                ids, att, tt, *targets = (t.to(device) for t in _tensors(encoder, batch))
                outputs = net(ids, att, tt)
                loss = batch_loss(
                    outputs,
                    tuple(targets),
                    weights,
                    config.rationale_weight,
                    config.rationale_present_only,
                )
                if teacher:
                    soft = (t.to(device) for t in teacher_batch(teacher, batch, ids.shape[1]))
                    loss = loss + config.distill_weight * distillation_loss(
                        outputs, tuple(soft), targets[2], config.distill_temperature
                    )
                optimiser.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(net.parameters(), 1.0)
                optimiser.step()
                scheduler.step()
                step += 1
                if progress:
                    progress(f"epoch {epoch + 1}/{config.epochs}", step, total)
                if step >= total:
                    break
            net.cpu()
            scores = dev_scores(predict_logits(net, encoder, dev), dev)
            net.to(device)
            scores["epoch"] = epoch + 1
            scores["seconds"] = round(time.time() - epoch_start, 1)
            history.append(scores)
            logger.info("epoch %d dev %s", epoch + 1, json.dumps(scores))
            if scores["score"] > best["score"]:
                best = scores
                torch.save(net.state_dict(), checkpoint)
            if config.average_last > 1:
                torch.save(net.state_dict(), scratch / f"epoch{epoch + 1}.pt")
                # Only the last average_last epochs are averaged: older ones are not needed.
                (scratch / f"epoch{epoch + 1 - config.average_last}.pt").unlink(missing_ok=True)
            if step >= total:
                break
        net.load_state_dict(torch.load(checkpoint, map_location="cpu"))
        averaged = None
        if config.average_last > 1 and len(history) > 1:
            averaged = _try_average(
                net, scratch, checkpoint, history, config.average_last, encoder, dev
            )
            if averaged["chosen"]:
                epochs = averaged["epochs"]
                best = {**averaged["scores"], "epoch": epochs[-1], "averaged_over": len(epochs)}
    train_seconds = round(time.time() - started, 1)
    # Nothing is at the output paths until the model is complete (the module docstring).
    with staged_outputs(config.output, config.save_state or None, overwrite=overwrite) as staged:
        if staged.state is not None:
            torch.save(net.cpu().state_dict(), staged.state)
        soup = None
        if config.soup_with:
            soup = _make_soup(net, soup_parts, config.soup_with, best["score"], encoder, dev)
            best = {**soup["scores"], "epoch": best["epoch"], "soup_of": len(config.soup_with) + 1}
        net.cpu().eval()
        pred = predict_logits(net, encoder, dev)
        temperatures = []
        for d in heads.dimensions:
            rows = _labelled(dev, d)
            gold = np.asarray([dev[i].levels[d] for i in rows])
            temperatures.append(fit_temperature(pred.levels[rows, d], gold) if rows else 1.0)
        distress_rows = [i for i, p in enumerate(dev) if p.seeker_distress != UNKNOWN]
        seeker_temperature = (
            fit_temperature(
                pred.seeker[distress_rows],
                np.asarray([dev[i].seeker_distress for i in distress_rows]),
            )
            if distress_rows and heads.seeker
            else 1.0
        )
        summary: dict[str, object] = {
            # File names only: the manifest ships, the machine's paths must not.
            "config": _recorded_config(config),
            "data_sha256": sha256_file(config.data),
            "annotations": {
                "file": Path(config.annotations).name,
                "sha256": sha256_file(config.annotations),
                "pairs": {
                    "train": sum(p.annotated for p in train),
                    "dev": sum(p.annotated for p in dev),
                    "test": sum(p.annotated for p in test),
                },
                "repeat": config.annotation_repeat,
            }
            if config.annotations
            else None,
            "written": [
                {
                    "file": shown_name(path),
                    "sha256": sha256_file(path),
                    "pairs": len(pairs),
                    "labels": "all" if labels is None else list(labels),
                }
                for (path, labels), pairs in zip(
                    inputs.written_sources, inputs.written_files, strict=True
                )
            ]
            or None,
            "bolt": {
                "file": Path(config.bolt).name,
                "sha256": sha256_file(config.bolt),
                "utterances": len(bolt),
            }
            if config.bolt
            else None,
            "split": {
                "train": len(train),
                "dev": len(dev),
                "test": len(test),
                "by": "sp_id",
                "seed": config.seed,
            },
            "history": history,
            "best_dev": best,
            "averaged": averaged,
            "soup": soup,
            "temperatures": temperatures,
            "seeker_temperature": seeker_temperature,
            "train_seconds": train_seconds,
            "device": str(device),
        }
        from carelens.training.span_fit import fit_sentence_ratios, record_sentence_ratios

        export_artifact(net, encoder_dir, staged.folder, summary, heads)
        # Rationale sentences are fitted on the exported int8 model, as results are made.
        fit = fit_sentence_ratios(
            staged.folder,
            config.data,
            config.annotations or None,
            threads=config.threads,
            progress=(lambda done, total: progress(SPAN_STAGE, done, total)) if progress else None,
        )
        record_sentence_ratios(staged.folder, fit)
        summary["rationale_sentence_ratios"] = fit.ratios
    summary["seconds"] = round(time.time() - started, 1)
    return summary
