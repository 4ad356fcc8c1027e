"""Topic categories: the shipped embedder, category files, assignment and its quality floor.

The quality floor runs ``benchmarks/topics_quality.py``'s scoring on the project-written set
``tests/data/topics/topics_eval.jsonl`` with the shipped categories and ``min_score``; the
floors sit about 0.05 below the figures in ``docs/topics.md``, so a change to the model,
the descriptions or the threshold that costs real accuracy fails here.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import shutil
import socket
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from carelens.errors import ChecksumError, InputError, ModelError
from carelens.topics import (
    DEFAULT_MIN_SCORE,
    Embedder,
    TopicAssignment,
    TopicCategories,
    TopicModel,
    default_embedder_dir,
)

ROOT = Path(__file__).resolve().parents[1]
EVAL_SET = ROOT / "tests" / "data" / "topics" / "topics_eval.jsonl"

#: Measured: all 0.792, held-out 0.774 (docs/topics.md); the floors leave ~0.05 of room.
ACCURACY_FLOOR = 0.74
HELDOUT_ACCURACY_FLOOR = 0.72


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder.load(threads=1)


@pytest.fixture(scope="module")
def model(embedder: Embedder) -> TopicModel:
    return TopicModel(embedder, TopicCategories.default())


@functools.cache
def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "topics_quality", ROOT / "benchmarks" / "topics_quality.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


# --- the embedding model -----------------------------------------------------------------


def test_shipped_model_is_small_and_documents_its_source() -> None:
    folder = default_embedder_dir()
    assert (folder / "model.onnx").stat().st_size < 25_000_000
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["source"]["model_license"] == "Apache-2.0"
    assert manifest["source"]["package_license"] == "MIT"
    check = manifest["evaluation"]["int8_vs_fp32_torch"]
    assert check["n_texts"] >= 200
    assert check["min_cosine"] > 0.97


def test_tampered_model_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "embedder"
    shutil.copytree(default_embedder_dir(), copy)
    with open(copy / "model.onnx", "r+b") as fh:
        fh.seek(-100, 2)
        byte = fh.read(1)
        fh.seek(-100, 2)
        fh.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(ChecksumError, match=r"model\.onnx"):
        Embedder.load(copy)


def test_missing_or_foreign_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"no manifest\.json"):
        Embedder.load(tmp_path)
    foreign = ROOT / "src" / "carelens" / "models" / "empathy-minilm"
    with pytest.raises(ModelError, match="not a carelens-minilm-embedder"):
        Embedder.load(foreign)


def test_a_missing_folder_or_a_file_is_named_as_such(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no such folder"):
        Embedder.load(tmp_path / "absent")
    file = tmp_path / "model.csv"
    file.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(ModelError, match="this is a file; name a folder"):
        Embedder.load(file)


def test_embeddings_have_shape_and_unit_norm(embedder: Embedder) -> None:
    vectors = embedder.embed(["I miss my dad.", "", "a " * 5000, "😢😢 💔"])
    assert vectors.shape == (4, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert embedder.embed([]).shape == (0, 384)


def test_similar_sentences_are_closer_than_unrelated_ones(embedder: Embedder) -> None:
    a, b, c = embedder.embed(
        [
            "My mother died last month and I can't stop crying.",
            "I'm grieving since losing my mum a few weeks ago.",
            "What is the best way to clean a cast iron pan?",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.3


def test_embedding_is_deterministic_and_independent_of_batch(embedder: Embedder) -> None:
    texts = [case.text for case in _bench().read_cases(EVAL_SET)][:40]
    first = embedder.embed(texts)
    assert np.array_equal(first, embedder.embed(texts))
    alone = np.stack([embedder.embed([t])[0] for t in texts[:5]])
    assert np.array_equal(first[:5], alone)
    threaded = Embedder.load(threads=2)
    assert np.array_equal(first, threaded.embed(texts))
    # Larger batches share int8 activation scales: close to the lone embeddings, not equal.
    batched = Embedder.load(batch_size=8, threads=1).embed(texts)
    assert float(np.min(np.sum(first * batched, axis=1))) > 0.95


# --- categories --------------------------------------------------------------------------


def test_default_categories_round_trip(tmp_path: Path) -> None:
    categories = TopicCategories.default()
    assert "self-harm and suicide" in categories.names
    assert len(categories) == 11
    assert all(2 <= len(d) <= 4 for _, d in categories.categories)
    path = tmp_path / "mine.json"
    path.write_text(categories.to_json(), encoding="utf-8")
    assert TopicCategories.load(path) == categories


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "line 1"),
        ("[]", "expected a JSON object"),
        ('{"categories": {"a": ["x"]}, "colour": 1}', "field 'colour'"),
        ('{"version": 2, "categories": {"a": ["x"]}}', "field 'version'"),
        ('{"version": 1}', "field 'categories'"),
        ('{"categories": {}}', "field 'categories'"),
        ('{"categories": {"grief": "x"}}', "field 'categories[\"grief\"]': expected a list"),
        ('{"categories": {"grief": []}}', "is empty"),
        ('{"categories": {"grief": ["ok", ""]}}', 'categories["grief"][1]'),
        ('{"categories": {"grief": ["ok", 3]}}', 'categories["grief"][1]'),
        ('{"categories": {"grief": ["x"], "grief": ["y"]}}', "appears twice"),
        ('{"categories": {"Grief": ["x"], "grief": ["y"]}}', "appears twice"),
        ('{"categories": {"Other": ["x"]}}', "reserved"),
        # Full-width letters read as "other" (NFKC), and as "grief" beside "grief".
        ('{"categories": {"\uff4f\uff54\uff48\uff45\uff52": ["x"]}}', "reads as 'other'"),
        ('{"categories": {"grief": ["x"], "\uff27rief": ["y"]}}', "appears twice"),
        ('{"categories": {" ": ["x"]}}', "name is empty"),
        ('{"version": true, "categories": {"grief": ["x"]}}', "version True is not supported"),
        ('{"version": 1.0, "categories": {"grief": ["x"]}}', "version 1.0 is not supported"),
    ],
)
def test_bad_categories_file_names_file_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "topics.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        TopicCategories.load(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_a_categories_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "topics.json"
    path.write_text("\ufeff" + TopicCategories.default().to_json(), encoding="utf-8")
    assert TopicCategories.load(path) == TopicCategories.default()


def test_missing_categories_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        TopicCategories.load(tmp_path / "nope.json")


def test_categories_from_mapping_validate() -> None:
    categories = TopicCategories.from_mapping({"pets": ["my dog is ill"]})
    assert categories.names == ("pets",)
    with pytest.raises(InputError, match="<categories>"):
        TopicCategories.from_mapping({"pets": []})
    # Was: "a category name is empty" for a name that is not text at all.
    with pytest.raises(InputError, match=r"field 'categories\[1\]': a category name must be text"):
        TopicCategories.from_mapping({1: ["x"]})  # type: ignore[dict-item]


# --- assignment --------------------------------------------------------------------------


def test_assign_clear_messages(model: TopicModel) -> None:
    got = model.assign(
        [
            "My grandfather passed away on Sunday and I can't believe he's gone.",
            "I relapsed after ninety days without a drink.",
            # (not "my exam results come out tomorrow and I'm sure I failed": shame and
            # guilt 0.407 vs work and study 0.397 with the 7-bit embedder, not clear-cut)
            "My boss keeps piling work on me and I think I'm about to lose my job.",
        ]
    )
    assert [a.category for a in got] == [
        "grief and loss",
        "addiction and recovery",
        "work and study",
    ]
    assert all(a.score >= DEFAULT_MIN_SCORE and a.runner_up not in (None, a.category) for a in got)


def test_assign_edge_texts(model: TopicModel) -> None:
    huge = "I feel so alone, nobody ever calls me. " * 30_000  # ~1.2 MB
    got = model.assign(["", "   \n", huge, "😭😭😭", "🙂 thanks!"])
    assert len(got) == 5
    assert got[0] == got[1] == TopicAssignment(category=None, score=0.0, runner_up=None)
    assert got[2].category == "loneliness"
    for a in got[3:]:
        assert -1.0 <= a.score <= 1.0
        assert a.category is None or a.category in model.categories.names
    assert model.assign([]) == []


def test_a_text_without_letters_or_digits_has_no_topic(model: TopicModel) -> None:
    """ "?!" and ":(" were put under self-harm and suicide (score about 0.25)."""
    blank = TopicAssignment(category=None, score=0.0, runner_up=None)
    assert model.assign(["?!", ":(", "???", "\u200b\ufeff", "😭😭😭"]) == [blank] * 5


def test_leading_white_space_does_not_push_the_words_out(model: TopicModel) -> None:
    """The text was cut to its first characters before its white space was stripped."""
    text = "My dad died last spring and I still can't open his letters."
    padded = model.assign(["\n" * 5000 + text])[0]
    assert padded.category == model.assign([text])[0].category == "grief and loss"


def test_assign_takes_a_list_not_a_string(model: TopicModel) -> None:
    with pytest.raises(TypeError, match="a list of texts"):
        model.assign("hello")


def test_below_min_score_is_other_with_nearest_as_runner_up(model: TopicModel) -> None:
    text = "How often should I descale the kettle?"
    (got,) = model.assign([text], min_score=0.99)
    assert got.category is None
    assert got.runner_up in model.categories.names
    scores = model.scores([text])[0]
    assert got.score == pytest.approx(float(scores.max()))
    assert got.runner_up == model.categories.names[int(scores.argmax())]


def test_assign_is_deterministic(model: TopicModel, embedder: Embedder) -> None:
    texts = ["I can't sleep because I keep worrying.", "My wife left me.", "Nice weather today."]
    first = model.assign(texts)
    assert first == model.assign(texts)
    assert first == TopicModel(embedder, TopicCategories.default()).assign(texts)
    assert first[::-1] == model.assign(texts[::-1])


def test_custom_categories(embedder: Embedder) -> None:
    categories = TopicCategories.from_mapping(
        {"pets": ["my dog or cat", "caring for an animal"], "money": ["debt and bills"]}
    )
    model = TopicModel(embedder, categories)
    got = model.assign(["My credit card debt keeps growing.", "My cat won't eat."], min_score=0.1)
    assert [a.category for a in got] == ["money", "pets"]
    assert model.scores(["x"]).shape == (1, 2)


def test_accuracy_floor(model: TopicModel) -> None:
    bench = _bench()
    cases = bench.read_cases(EVAL_SET)
    assert len(cases) >= 120
    assert sum(c.category is None for c in cases) >= 15
    scores, _ = bench.evaluate(model, cases)
    heldout, _ = bench.evaluate(model, [c for c in cases if c.split == "heldout"])
    assert scores.accuracy >= ACCURACY_FLOOR, scores
    assert heldout.accuracy >= HELDOUT_ACCURACY_FLOOR, heldout


def test_no_network_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network used: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    got = TopicModel.load().assign(["I miss my sister since she moved abroad."])
    assert len(got) == 1
