"""Pair encoding with the tokenizer shipped in the package: layout, limits and offsets."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tokenizers import AddedToken, Tokenizer
from tokenizers.models import WordPiece
from tokenizers.pre_tokenizers import Metaspace, Whitespace

from carelens.inference.artifact import default_model_dir
from carelens.inference.encoding import EncodedBatch, PairEncoder

TOKENIZER = default_model_dir() / "tokenizer.json"

SEEKER = "My dog died last week and the house feels empty."
RESPONSE = "I'm so sorry. What was he like?"


@pytest.fixture(scope="module")
def encoder() -> PairEncoder:
    return PairEncoder.from_file(TOKENIZER)


def small_encoder(max_length: int = 16, max_response_tokens: int = 8) -> PairEncoder:
    return PairEncoder.from_file(
        TOKENIZER, max_length=max_length, max_response_tokens=max_response_tokens
    )


def ids_of(encoder: PairEncoder, text: str) -> list[int]:
    return [int(i) for i in encoder.tokenizer.encode(text, add_special_tokens=False).ids]


def row(batch: EncodedBatch, i: int = 0) -> list[int]:
    """The unpadded input ids of row ``i``."""
    n = int(batch.attention_mask[i].sum())
    return [int(x) for x in batch.input_ids[i, :n]]


def check_offsets(batch: EncodedBatch, responses: list[str]) -> None:
    for offsets, response in zip(batch.response_offsets, responses, strict=True):
        assert offsets.shape[1] == 2
        assert offsets.dtype == np.int64
        assert np.all(offsets[:, 0] >= 0)
        assert np.all(offsets[:, 0] <= offsets[:, 1])
        assert np.all(offsets[:, 1] <= len(response))
        assert np.all(np.diff(offsets[:, 0]) >= 0)  # in text order


# --- layout --------------------------------------------------------------------------------


def test_layout_is_cls_response_sep_seeker_sep(encoder: PairEncoder) -> None:
    batch = encoder.encode([(SEEKER, RESPONSE)])
    r_ids, s_ids = ids_of(encoder, RESPONSE), ids_of(encoder, SEEKER)
    tok = encoder.tokenizer
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    assert row(batch) == [cls, *r_ids, sep, *s_ids, sep]
    assert len(batch) == 1
    assert batch.input_ids.dtype == np.int64


def mpnet_style_tokenizer() -> Tokenizer:
    """A small WordPiece tokenizer that spells its special tokens the RoBERTa/MPNet way."""
    vocab = {t: i for i, t in enumerate(["<s>", "<pad>", "</s>", "[UNK]", "so", "sorry", "sad"])}
    tok = Tokenizer(WordPiece(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = Whitespace()
    return tok


def test_mpnet_spelling_of_the_special_tokens_gives_the_same_layout() -> None:
    batch = PairEncoder(mpnet_style_tokenizer()).encode([("sad", "so sorry"), ("sad", "so")])
    # <s> response </s> seeker </s>, padded with <pad> (id 1), not with <s> (id 0)
    assert batch.input_ids.tolist() == [[0, 4, 5, 2, 6, 2], [0, 4, 2, 6, 2, 1]]
    assert batch.token_type_ids.tolist() == [[0, 0, 0, 0, 1, 1], [0, 0, 0, 1, 1, 0]]
    assert batch.attention_mask[1].tolist() == [1, 1, 1, 1, 1, 0]


def test_a_tokenizer_without_either_spelling_is_refused() -> None:
    tok = Tokenizer(WordPiece({"[UNK]": 0, "sad": 1}, unk_token="[UNK]"))
    with pytest.raises(ValueError, match=r"no \[CLS\] \(or <s>\) token"):
        PairEncoder(tok)


def test_token_type_ids_mark_the_seeker_segment(encoder: PairEncoder) -> None:
    batch = encoder.encode([(SEEKER, RESPONSE)])
    n_r, n_s = len(ids_of(encoder, RESPONSE)), len(ids_of(encoder, SEEKER))
    expected = [0] * (n_r + 2) + [1] * (n_s + 1)
    assert batch.token_type_ids[0].tolist() == expected
    assert batch.attention_mask[0].tolist() == [1] * len(expected)


def test_response_offsets_map_to_the_right_substrings(encoder: PairEncoder) -> None:
    response = "That sounds exhausting, and you've carried it alone for months."
    batch = encoder.encode([(SEEKER, response)])
    offsets = batch.response_offsets[0]
    ids = batch.input_ids[0, 1 : 1 + len(offsets)].tolist()
    tokens = [str(encoder.tokenizer.id_to_token(i)) for i in ids]
    assert len(offsets) == len(ids_of(encoder, response))
    for (start, end), token in zip(offsets.tolist(), tokens, strict=True):
        assert response[start:end].lower() == token.removeprefix("##")
    pieces = [response[s:e] for s, e in offsets.tolist()]
    # Word pieces map to parts of a word: "exhausting" is "exhaust" + "##ing".
    assert pieces[:5] == ["That", "sounds", "exhaust", "ing", ","]
    check_offsets(batch, [response])


def test_offsets_belong_to_each_pair_in_a_batch(encoder: PairEncoder) -> None:
    pairs = [("a", "Hello there."), ("b", "Sending you strength today, friend."), ("c", "Hm?")]
    batch = encoder.encode(pairs)
    firsts = [
        r[s:e]
        for (_, r), o in zip(pairs, batch.response_offsets, strict=True)
        for s, e in o[:1].tolist()
    ]
    assert firsts == ["Hello", "Sending", "Hm"]
    check_offsets(batch, [r for _, r in pairs])


# --- truncation ----------------------------------------------------------------------------


def test_long_response_keeps_max_response_tokens(encoder: PairEncoder) -> None:
    response = " ".join(["listening"] * 400)
    batch = encoder.encode([(SEEKER, response)])
    n_s = len(ids_of(encoder, SEEKER))
    assert len(batch.response_offsets[0]) == encoder.max_response_tokens == 112
    assert len(row(batch)) == 112 + n_s + 3
    assert int(batch.token_type_ids[0].sum()) == n_s + 1


def test_long_seeker_fills_the_rest_of_max_length(encoder: PairEncoder) -> None:
    seeker = " ".join(["worried"] * 400)
    batch = encoder.encode([(seeker, RESPONSE)])
    n_r = len(ids_of(encoder, RESPONSE))
    assert len(row(batch)) == encoder.max_length == 160
    assert int(batch.token_type_ids[0].sum()) == 160 - n_r - 2  # seeker tokens + final [SEP]
    assert row(batch)[-1] == encoder.tokenizer.token_to_id("[SEP]")
    assert len(batch.response_offsets[0]) == n_r  # the response is never cut for the seeker


def test_max_seeker_tokens_keeps_the_start_of_the_seeker_message() -> None:
    capped = PairEncoder.from_file(
        TOKENIZER, max_length=160, max_response_tokens=112, max_seeker_tokens=5
    )
    seeker = "one two three four five six seven eight nine ten"
    batch = capped.encode([(seeker, RESPONSE)])
    n_r = len(ids_of(capped, RESPONSE))
    assert row(batch)[n_r + 2 : -1] == ids_of(capped, seeker)[:5]
    assert int(batch.token_type_ids[0].sum()) == 5 + 1
    assert len(batch.response_offsets[0]) == n_r  # the response is not touched
    short = capped.encode([("one two", RESPONSE)])  # shorter than the cap: all of it
    assert row(short)[n_r + 2 : -1] == ids_of(capped, "one two")


def test_max_seeker_tokens_never_lets_a_pair_exceed_max_length() -> None:
    capped = PairEncoder.from_file(
        TOKENIZER, max_length=16, max_response_tokens=8, max_seeker_tokens=12
    )
    batch = capped.encode([(" ".join(["seeker"] * 50), " ".join(["reply"] * 50))])
    assert len(row(batch)) == 16  # 8 response + 3 special + 5 seeker: the cap is not reached
    assert int(batch.token_type_ids[0].sum()) == 5 + 1


def test_a_long_seeker_message_is_tokenised_up_to_a_space_with_the_same_pieces() -> None:
    capped = PairEncoder.from_file(TOKENIZER, max_seeker_tokens=5)
    seeker = "Unbelievably, everything   went wrong\ttoday; I'm worried sick about tomorrow " * 9
    assert len(capped._seeker_prefix(seeker)) < len(seeker)  # the shortcut is taken
    batch = capped.encode([(seeker, RESPONSE)])
    n_r = len(ids_of(capped, RESPONSE))
    assert row(batch)[n_r + 2 : -1] == ids_of(capped, seeker)[:5]


def test_a_leading_part_with_too_few_pieces_falls_back_to_the_whole_message() -> None:
    capped = PairEncoder.from_file(TOKENIZER, max_seeker_tokens=5)
    # Cut at the first space: "ab" is one piece, the 200-letter word one [UNK].
    seeker = "ab " + "x" * 200 + " one two three four five six seven"
    assert capped._seeker_prefix(seeker) == "ab"
    batch = capped.encode([(seeker, RESPONSE), ("ab " + "y" * 300, RESPONSE)])
    n_r = len(ids_of(capped, RESPONSE))
    assert row(batch, 0)[n_r + 2 : -1] == ids_of(capped, seeker)[:5]
    assert row(batch, 1)[n_r + 2 : -1] == ids_of(capped, "ab " + "y" * 300)


def test_only_tokenizers_known_to_split_at_spaces_take_the_shortcut() -> None:
    assert PairEncoder.from_file(TOKENIZER, max_seeker_tokens=48)._seeker_prefix_chars == 264
    assert PairEncoder.from_file(TOKENIZER)._seeker_prefix_chars is None  # no seeker cap
    mpnet = PairEncoder(mpnet_style_tokenizer(), max_seeker_tokens=2)
    assert mpnet._seeker_prefix_chars is not None  # Whitespace pre-tokenizer, no normalizer
    metaspace = mpnet_style_tokenizer()
    metaspace.pre_tokenizer = Metaspace()  # keeps the space with the next word
    assert PairEncoder(metaspace, max_seeker_tokens=2)._seeker_prefix_chars is None
    spaced = mpnet_style_tokenizer()
    spaced.add_tokens([AddedToken("so sad")])  # an added token across a space
    encoder = PairEncoder(spaced, max_seeker_tokens=2)
    assert encoder._seeker_prefix_chars is None
    seeker = "sad " * 5 + "so sad"
    assert row(encoder.encode([(seeker, "so")]))[3:-1] == [6, 6]


@pytest.mark.parametrize("cap", [0, -3])
def test_max_seeker_tokens_must_be_positive(cap: int) -> None:
    with pytest.raises(ValueError, match="max_seeker_tokens must be at least 1"):
        PairEncoder.from_file(TOKENIZER, max_seeker_tokens=cap)


def test_both_long_with_small_limits() -> None:
    enc = small_encoder(max_length=16, max_response_tokens=8)
    batch = enc.encode([(" ".join(["seeker"] * 50), " ".join(["reply"] * 50))])
    ids = row(batch)
    assert len(ids) == 16
    assert len(batch.response_offsets[0]) == 8
    sep = enc.tokenizer.token_to_id("[SEP]")
    assert ids[9] == sep and ids[-1] == sep
    assert batch.token_type_ids[0].tolist() == [0] * 10 + [1] * 6


def test_limits_must_leave_room_for_the_seeker() -> None:
    with pytest.raises(ValueError, match="leave room"):
        small_encoder(max_length=11, max_response_tokens=8)
    small_encoder(max_length=12, max_response_tokens=8)  # 8 + 3 special + 1 seeker token


def test_tokenizer_settings_from_the_file_are_switched_off(encoder: PairEncoder) -> None:
    # tokenizer.json asks for truncation/padding at 128; the encoder must not inherit it.
    assert encoder.tokenizer.truncation is None
    assert encoder.tokenizer.padding is None


# --- unusual input ----------------------------------------------------------------------------


def test_empty_strings(encoder: PairEncoder) -> None:
    tok = encoder.tokenizer
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    batch = encoder.encode([("", "")])
    assert row(batch) == [cls, sep, sep]
    assert batch.token_type_ids[0].tolist() == [0, 0, 1]
    assert batch.response_offsets[0].shape == (0, 2)
    only_seeker = encoder.encode([(SEEKER, "   \n\t")])
    assert only_seeker.response_offsets[0].shape == (0, 2)
    assert row(only_seeker)[:2] == [cls, sep]


def test_empty_batch(encoder: PairEncoder) -> None:
    batch = encoder.encode([])
    assert len(batch) == 0
    assert batch.input_ids.shape == (0, 0)
    assert batch.response_offsets == ()


@pytest.mark.parametrize(
    ("response", "expected_pieces"),
    [
        ("I hear you 💛 truly", ["I", "hear", "you", "💛", "truly"]),
        ("👩\u200d👩\u200d👧 ok", ["👩\u200d👩\u200d👧", "ok"]),
        ("naïve café", ["naïve", "café"]),
        ("שלום", ["ש", "ל", "ו", "ם"]),  # noqa: RUF001 (Hebrew letters)
        ("a\u0000b c\u202e d", ["a\u0000b", "c", "d"]),  # control/bidi characters are dropped
    ],
)
def test_emoji_rtl_accents_and_control_characters(
    encoder: PairEncoder, response: str, expected_pieces: list[str]
) -> None:
    batch = encoder.encode([(SEEKER, response)])
    check_offsets(batch, [response])
    assert [response[s:e] for s, e in batch.response_offsets[0].tolist()] == expected_pieces


def test_rtl_seeker_and_response(encoder: PairEncoder) -> None:
    pairs = [("مرحبا، أنا حزين جدا", "أنا هنا معك"), ("אני עצוב", "אני כאן")]
    batch = encoder.encode(pairs)
    check_offsets(batch, [r for _, r in pairs])
    assert all(len(o) > 0 for o in batch.response_offsets)


def test_a_one_megabyte_message_is_capped_and_fast(encoder: PairEncoder) -> None:
    huge = ("I keep thinking about it every night and I cannot stop. " * 20_000)[:1_000_000]
    assert len(huge) == 1_000_000
    started = time.perf_counter()
    batch = encoder.encode([(huge, huge)])
    elapsed = time.perf_counter() - started
    assert len(row(batch)) == encoder.max_length
    assert len(batch.response_offsets[0]) == encoder.max_response_tokens
    check_offsets(batch, [huge])
    assert elapsed < 2.0, f"encoding a 1 MB pair took {elapsed:.2f}s; is the character cap gone?"


# --- padding ------------------------------------------------------------------------------------


def test_padding_to_the_longest_pair(encoder: PairEncoder) -> None:
    pairs = [("Hi.", "Oh."), (SEEKER, "That sounds so lonely. How have the evenings been?")]
    batch = encoder.encode(pairs)
    pad = encoder.tokenizer.token_to_id("[PAD]")
    short, long = len(row(batch, 0)), len(row(batch, 1))
    assert batch.input_ids.shape == (2, long)
    assert short < long
    assert batch.input_ids[0, short:].tolist() == [pad] * (long - short)
    assert batch.attention_mask[0].tolist() == [1] * short + [0] * (long - short)
    assert batch.token_type_ids[0, short:].tolist() == [0] * (long - short)
    assert batch.attention_mask[1].all()
    # Encoding alone or in a batch gives the same tokens.
    assert row(encoder.encode([pairs[0]])) == row(batch, 0)


# --- property -----------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(seeker=st.text(max_size=300), response=st.text(max_size=300))
def test_any_text_encodes_within_limits(seeker: str, response: str) -> None:
    enc = small_encoder(max_length=24, max_response_tokens=12)
    batch = enc.encode([(seeker, response)])
    ids = row(batch)
    assert 3 <= len(ids) <= 24
    first_sep = ids.index(enc.tokenizer.token_to_id("[SEP]") or -1)
    assert len(batch.response_offsets[0]) == first_sep - 1
    assert len(batch.response_offsets[0]) <= 12
    check_offsets(batch, [response])


def test_marker_words_in_a_text_are_words() -> None:
    """Hypothesis found a response ``[SEP]`` encoded as the separator itself: the pair split
    where the text said so, and the response had no tokens of its own."""
    enc = small_encoder(max_length=24, max_response_tokens=12)
    batch = enc.encode([("", "[SEP]"), ("[CLS] hi", "[PAD]")])
    for k in range(2):
        ids = row(batch, k)
        sep = enc.tokenizer.token_to_id("[SEP]")
        assert ids.count(sep) == 2 and ids.count(enc.tokenizer.token_to_id("[CLS]")) == 1
        assert len(batch.response_offsets[k]) == ids.index(sep) - 1 > 0  # response first
