"""E-mail addresses next to Chinese, Japanese and Korean text (``carelens.privacy_online``).

Found by ``benchmarks/redaction_cost.py``: Chinese text holding one "@" was redacted several
times slower per character than English text. A local part could start after any letter of
a script written without spaces (they are all word characters), so the e-mail pattern was
tried at every letter of a run of Chinese and read up to 64 letters on from each. A local
part now starts only where its run of letters starts, or at a change of script, and only the
text within an address's reach of each "@" is read.

A second review found that after more than 64 such letters a local part joined to them by
".", "-" or "_" was redacted only after that mark, leaving the start of the name ("…我的邮箱是
张." before "[email]"), or not at all ("张_伟" before "[handle]").
"""

from __future__ import annotations

import pytest

from carelens.privacy import find_personal, redact
from carelens.privacy_online import _AFTER_AT, _BEFORE_AT, _EMAIL, _near_at, emails


def found(text: str) -> list[tuple[str, str]]:
    return [(r.kind, r.text) for r in find_personal(text)]


def test_a_local_part_does_not_start_inside_a_run_of_unspaced_letters() -> None:
    text = "我的邮箱张伟@example.cn"
    assert _EMAIL.match(text, 0) is not None  # where the run starts
    assert [i for i in range(1, text.index("@")) if _EMAIL.match(text, i)] == []
    # at a change of script it may: out of one ("邮箱zhang@"), into one ("email张伟@")
    assert _EMAIL.match("邮箱zhang@example.cn", 2) is not None
    assert _EMAIL.match("email张伟@example.cn", 5) is not None


def test_only_the_text_within_reach_of_an_at_sign_is_read() -> None:
    """What keeps the cost of a long text with one "@" that of the stretch around it (the
    timing itself is ``benchmarks/redaction_cost.py``'s: Chinese text with one "@" had cost
    several times English text per character)."""
    chinese = "我最近真的很累我妹妹说你可以帮我" * 6300
    text = chinese + "@" + chinese
    sign = len(chinese)
    assert list(_near_at(text)) == [(sign - _BEFORE_AT, sign + _AFTER_AT + 2)]
    assert list(_near_at("no sign here")) == []
    # two signs within reach of each other share one stretch; far apart, one each
    assert list(_near_at("a@b " + "x" * 10 + "c@d")) == [(0, 17)]  # to the end
    far = "a@b" + " " * 1000 + "c@d"
    assert list(_near_at(far)) == [(0, 1 + _AFTER_AT + 2), (1004 - _BEFORE_AT, len(far))]
    assert list(emails(text)) == []


# E-mail addresses next to Chinese, Japanese and Korean words: each found as before.
NEXT_TO_UNSPACED = [
    ("我的邮箱是abc@qq.com", "我的邮箱是[email]"),
    ("我的邮箱是abc@qq.com\uff0c谢谢", "我的邮箱是[email]\uff0c谢谢"),
    ("邮箱\uff1azhang.wei@example.cn 有事联系", "邮箱\uff1a[email] 有事联系"),
    ("メールはtanaka99@example.jpまで", "メールは[email]まで"),
    ("제 메일은 김민수@example.kr 입니다", "제 메일은 [email] 입니다"),
    ("邮箱张伟@example.cn", "[email]"),
    # a local part in such a script glued after a word in another one: taken with the word
    ("我的email张伟@example.cn", "我的[email]"),
]


@pytest.mark.parametrize(("text", "expected"), NEXT_TO_UNSPACED)
def test_addresses_next_to_unspaced_words_are_redacted(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_a_local_part_after_a_long_run_of_unspaced_letters_is_its_last_64() -> None:
    """No local part starts inside the run, so the last 64 letters before the "@" are taken
    as before (a local part holds 64 characters at most)."""
    run = "我" * 70 + "张伟"
    assert found(f"{run}@example.cn") == [("email", f"{run[-64:]}@example.cn")]
    assert found(f"{run}@example.cn a@b.com {run}@example.cn") == [
        ("email", f"{run[-64:]}@example.cn"),
        ("email", "a@b.com"),
        ("email", f"{run[-64:]}@example.cn"),
    ]
    # 64 letters or fewer: the whole run, as any local part
    assert found("我" * 64 + "@example.cn") == [("email", "我" * 64 + "@example.cn")]


@pytest.mark.parametrize("around", ["x " * 400, "我" * 300 + " ", ""])
def test_the_longest_address_is_found_whole_far_from_the_texts_edges(around: str) -> None:
    """Only the text within an address's reach of each "@" is read: a local part of 64
    characters and a domain of eight labels of 63 and an ending of 24."""
    address = "a" * 64 + "@" + ".".join(["b" * 63] * 8) + "." + "c" * 24
    assert found(f"{around}{address} and {around}") == [("email", address)]
    assert found(f"{around}{address}") == [("email", address)]


def test_at_signs_far_apart_each_find_their_address() -> None:
    filler = " and then some more words" * 40 + " "
    text = filler.join(["a@example.com", "@@", "b@example.org", "x@", "c.d@example.net"])
    assert [t for _, t in found(text)] == ["a@example.com", "b@example.org", "c.d@example.net"]


# More than 64 letters of an unspaced script with no space or punctuation between them.
_RUN = (
    "今天真的很累我一个人在宿舍躺着什么都不想做感觉自己好像被全世界抛弃了朋友们都在忙自己的事情" * 2
)
_LOCALS = [
    "我的邮箱是张.伟",
    "我的邮箱是张-伟",
    "我的邮箱是张_伟",
    "邮箱是张伟.work",
    "やまだ.はなこ",
]


@pytest.mark.parametrize("local", _LOCALS)
def test_a_local_part_joined_by_a_mark_after_a_long_run_is_hidden_whole(local: str) -> None:
    """The last 64 characters before the "@" are taken, as for a run of letters alone."""
    text = f"{_RUN}{local}@example.cn"
    sign = text.index("@")
    assert found(text) == [("email", text[sign - 64 :])]
    assert redact(text) == text[: sign - 64] + "[email]"


def test_a_local_part_in_another_script_after_a_long_run_is_found_as_before() -> None:
    """The words of the unspaced script glued before a local part in another script, or
    before such a script's words after one in another, stay."""
    assert redact(f"{_RUN}我的邮箱是zhang.wei@example.cn") == f"{_RUN}我的邮箱是[email]"
    assert redact(f"{_RUN}我的邮箱是zhang_wei@example.cn") == f"{_RUN}我的邮箱是[email]"
    assert redact(f"{_RUN}我的email张伟@example.cn") == f"{_RUN}我的[email]"
    # punctuation before the name: the local part starts after it
    assert redact(f"{_RUN}\u3002张.伟@example.cn") == f"{_RUN}\u3002[email]"
