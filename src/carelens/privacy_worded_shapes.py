"""Phone number shapes that are a phone number only after a word that names one, for
:mod:`carelens.privacy_phones`.

These shapes are common national numbers, but as common in counts, scores, ids and lists:
a two-digit area code and two groups of four, as Mexico City, Guadalajara and Monterrey
write their numbers ("55 1234 5678", "33-1234-5678"); a Spanish number of nine digits in
groups of two after three or two digits ("612 34 56 78", "91 123 45 67") or written as one
run ("612345678"); and one run of nine digits with a trunk 0, as Seoul writes a landline
("021234567"). :func:`worded_shape` tells them; :func:`runs_from_two_digits` finds those
that start with a group of two digits, which the other shapes never do without a trunk 0.
:func:`carelens.privacy_phones._phone_ok` reads them as a phone number only where a word
before them names one ("mi número es 612 34 56 78", "집 번호는 021234567이에요") or words
after them do ("… es mi cel").
"""

from __future__ import annotations

import re

_YEAR = re.compile(r"(?:19|20)\d\d")
# One run of digits: a Spanish number (mobiles from 6 and 7, landlines from 8 and 9) or a
# trunk 0 and eight digits.
_NINE_DIGITS = re.compile(r"[6-9]\d{8}|0[1-9]\d{7}")
# The sizes of the groups that start with two digits (see runs_from_two_digits).
_FROM_TWO_DIGITS = ((2, 4, 4), (2, 3, 2, 2))


def worded_shape(groups: list[str], seps: list[str]) -> bool:
    """Whether digit ``groups`` joined by ``seps`` have one of the shapes of this module:
    "55 1234 5678" (not two years: "12 2023 2024"), "612 34 56 78", "91 123 45 67",
    "612345678", "021234567"."""
    first = groups[0]
    if len(groups) == 1:
        return len(first) == 9 and _NINE_DIGITS.fullmatch(first) is not None
    # Cheap tests first: this runs for every run of groups without a phone's shape.
    if len(groups) not in (3, 4) or len(first) not in (2, 3) or not first[0].isdigit():
        return False
    if len(set(seps)) != 1:
        return False
    sizes = tuple(len(g) for g in groups)
    if sizes == (2, 4, 4):
        return (
            first[0] != "0"
            and seps[0] in (" ", "-")
            and not all(_YEAR.fullmatch(g) for g in groups[1:])
        )
    return sizes in ((3, 2, 2, 2), (2, 3, 2, 2)) and first[0] in "6789" and seps[0] in " -."


def runs_from_two_digits(cuts: list[int], counts: list[int]) -> list[tuple[int, int]]:
    """The runs ``(i, j)`` of digit groups that start with two digits and have the sizes of
    :data:`_FROM_TWO_DIGITS`; ``cuts`` are the indexes where a run may start or end (after
    white space or a slash), ``counts[k]`` the digits of the first ``k`` groups."""
    ends = set(cuts)
    last = len(counts) - 1
    runs = []
    for i in cuts[:-1]:
        if counts[i + 1] - counts[i] != 2:
            continue
        for sizes in _FROM_TWO_DIGITS:
            j = i + len(sizes)
            if (
                j <= last
                and j in ends
                and all(counts[i + k + 1] - counts[i + k] == size for k, size in enumerate(sizes))
            ):
                runs.append((i, j))
    return runs
