"""--helper patterns: which responses a run analyses (carelens.readers.helpers)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carelens.errors import InputError
from carelens.readers.helpers import HelperPatterns, same_patterns
from carelens.types import Exchange, Turn


def exchange(speaker: str | None, n: int = 0) -> Exchange:
    return Exchange(
        seeker=Turn(id=f"s{n}", text="I feel alone.", speaker="visitor-1"),
        response=Turn(id=f"r{n}", text="That sounds hard.", speaker=speaker),
    )


@pytest.mark.parametrize(
    ("patterns", "speaker", "matches"),
    [
        (["vol-*"], "vol-ama", True),
        (["vol-*"], "VOL-Ama", True),  # case ignored
        (["vol-*"], "visitor-318", False),
        (["vol-*"], None, False),  # no speaker: no helper
        (["ama"], "ama", True),
        (["ama"], "amanda", False),  # a name is the whole name
        (["?ma"], "ama", True),
        (["[ab]ma"], "bma", False),  # brackets stand for themselves:
        (["[ab]ma"], "[ab]ma", True),
        (["[mod] *"], "[MOD] anna", True),  # names such as "[mod] anna" are matched as written
        (["ama", "*_mod"], "kim_mod", True),
        (["a.b"], "axb", False),  # only * and ? are special
        (["a\\*"], "a\\bc", True),  # a backslash escapes nothing
        (["a+b"], "a+b", True),
        ([" vol-* "], "vol-x", True),  # surrounding spaces are dropped
        (["vol-1"], " vol-1\t", True),  # from the name too, as the insights group it
        (["Zo\u00eb"], "Zoe\u0308", True),  # an accent composed or not is one name
        (["zoe\u0308*"], "ZO\u00cb-mod", True),
        (["vol-1"], "vol- 1", False),  # spaces inside a name still count
        ([], "anyone", True),  # without patterns every response
        ([], None, True),
    ],
)
def test_a_speaker_matches_a_pattern(
    patterns: list[str], speaker: str | None, matches: bool
) -> None:
    assert HelperPatterns(patterns).matches(speaker) is matches


@pytest.mark.parametrize("patterns", [[""], ["vol-*", "  "]])
def test_an_empty_pattern_is_an_input_error(patterns: list[str]) -> None:
    with pytest.raises(InputError, match="--helper pattern is empty"):
        HelperPatterns(patterns)


def test_patterns_are_kept_once_in_order() -> None:
    assert HelperPatterns(["b", "a", "b"]).patterns == ("b", "a")
    assert not HelperPatterns([])


def test_patterns_that_match_alike_are_kept_once_as_first_spelled() -> None:
    """``' VOL-AMA '`` and ``'vol-ama'`` were kept as two patterns."""
    patterns = [" VOL-AMA ", "vol-ama", "Zo\u00eb", "zoe\u0308", "vol-*", "VOL-*"]
    assert HelperPatterns(patterns).patterns == ("VOL-AMA", "Zo\u00eb", "vol-*")


def test_keep_streams_the_helpers_exchanges_and_reports_the_others() -> None:
    items = [exchange("vol-a", 0), exchange("visitor", 1), exchange(None, 2), exchange("vol-b", 3)]
    left: list[str] = []
    kept = HelperPatterns(["vol-*"]).keep(iter(items), lambda e: left.append(e.response.id))
    assert next(kept).response.id == "r0"
    assert left == []  # nothing read past what was asked for
    assert [e.response.id for e in kept] == ["r3"]
    assert left == ["r1", "r2"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (["vol-*", "ama"], ["AMA", " VOL-* "], True),  # order, case and spaces change nothing
        ([], [], True),
        (["vol-*"], [], False),
        (["vol-*"], ["vol-?"], False),
        (["jon"], ["jon", "ana"], False),
    ],
)
def test_same_patterns_pick_the_same_speakers(a: list[str], b: list[str], same: bool) -> None:
    assert same_patterns(a, b) is same


def test_one_pattern_as_a_string_is_one_pattern() -> None:
    """HelperPatterns("vol-*") was the patterns v, o, l, -, * and matched every speaker."""
    patterns = HelperPatterns("vol-*")
    assert patterns.patterns == ("vol-*",)
    assert patterns.matches("vol-ama")
    assert not patterns.matches("visitor-318")
    assert HelperPatterns(iter(["ama", "vol-*"])).patterns == ("ama", "vol-*")  # any iterable


@pytest.mark.parametrize(
    ("patterns", "message"),
    [
        ([5], "a helper pattern must be a string, not int: item 0 of the patterns is 5"),
        (["vol-*", None], "not NoneType: item 1 of the patterns is None"),
        (None, "a pattern \\(a string\\) or a list of them, not NoneType"),
        (b"vol-*", "not bytes"),
    ],
)
def test_a_pattern_that_is_not_a_string_is_a_type_error_naming_it(
    patterns: object, message: str
) -> None:
    """HelperPatterns([5]) raised AttributeError: 'int' object has no attribute 'strip'."""
    with pytest.raises(TypeError, match=message):
        HelperPatterns(patterns)  # type: ignore[arg-type]


def test_matches_takes_a_name_or_none() -> None:
    with pytest.raises(TypeError, match="a speaker's name \\(a string\\) or None, not int"):
        HelperPatterns(["vol-*"]).matches(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not int"):
        HelperPatterns([]).matches(5)  # type: ignore[arg-type]


def _glob_reference(pattern: str, name: str) -> bool:
    """Whether ``name`` matches ``pattern`` by the plain definition (``*`` any run, ``?``
    one character, all else itself), by dynamic programming over both."""
    matched = [[False] * (len(name) + 1) for _ in range(len(pattern) + 1)]
    matched[0][0] = True
    for i, p in enumerate(pattern, 1):
        for j in range(len(name) + 1):
            if p == "*":
                matched[i][j] = matched[i - 1][j] or (j > 0 and matched[i][j - 1])
            elif j > 0:
                matched[i][j] = matched[i - 1][j - 1] and (p == "?" or p == name[j - 1])
    return matched[len(pattern)][len(name)]


@settings(max_examples=400, deadline=None)
@given(
    pattern=st.text(alphabet="ab*?.[", min_size=1, max_size=8).filter(lambda p: p.strip()),
    name=st.text(alphabet="ab.[", max_size=10),
)
def test_a_pattern_matches_as_the_plain_definition_says(pattern: str, name: str) -> None:
    # Names and patterns without spaces at their ends or case, so folding changes nothing.
    assert HelperPatterns([pattern]).matches(name) == _glob_reference(pattern, name)


def test_a_pattern_of_many_stars_does_not_try_every_split_of_a_name() -> None:
    # Before, each star could end at any place, so a name that does not match was tried at
    # every split: this ran without end. Run apart, so a regression fails instead of hanging.
    code = (
        "from carelens.readers.helpers import HelperPatterns\n"
        "p = HelperPatterns(['*a*a*a*a*a*b', '*a?a*a?*a*?b'])\n"
        "print(p.matches('a' * 512), p.matches('a' * 511 + 'b'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["False", "True"]
