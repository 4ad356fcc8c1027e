"""Which responses to analyse: those written by the helpers a user names.

In a helpline chat or a forum thread every reply is paired with the message it answers,
so the visitor's answers to the volunteer, or the opening poster's thanks to a commenter,
are exchanges too. ``carelens analyze --helper PATTERN`` keeps only the exchanges whose
response speaker matches one of the patterns: ``*`` stands for any run of characters and
``?`` for one (``vol-*``, ``*_mod``, ``ama``); every other character stands for itself, so
a name with brackets ("[mod] anna") is matched as written. Case is ignored, and so are
spaces around a name and how its accents are encoded (``Zoë`` composed or decomposed), as
the insights group names. A response without a speaker matches no pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from carelens.errors import InputError
from carelens.text import name_key
from carelens.types import Exchange


class HelperPatterns:
    """The ``--helper`` patterns of a run; :meth:`matches` tells a helper's name.

    ``patterns`` is a list (any iterable) of patterns, or one pattern as a string:
    ``HelperPatterns("vol-*")`` is ``HelperPatterns(["vol-*"])``, never the patterns ``v``,
    ``o``, ``l``... A pattern that is not a string is a TypeError naming it; an empty one an
    InputError.
    """

    def __init__(self, patterns: str | Iterable[str]) -> None:
        cleaned = tuple(p.strip() for p in _pattern_list(patterns))
        for pattern in cleaned:
            if not pattern:
                raise InputError(
                    "a --helper pattern is empty; give a name or a pattern such as vol-*"
                )
        #: The patterns as given (stripped), in order, each once: of patterns that match
        #: alike (``vol-*`` and ``VOL-*``), the first spelling is kept.
        first: dict[str, str] = {}
        for pattern in cleaned:
            first.setdefault(_folded(pattern), pattern)
        self.patterns: tuple[str, ...] = tuple(first.values())
        self._any = (
            re.compile("|".join(_as_regex(_folded(p)) for p in self.patterns))
            if self.patterns
            else None
        )

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def matches(self, speaker: str | None) -> bool:
        """Whether ``speaker`` is one of the helpers (always, without patterns); a TypeError
        for anything but a name (a string) or None."""
        if speaker is not None and not isinstance(speaker, str):
            raise TypeError(
                f"HelperPatterns.matches takes a speaker's name (a string) or None, not "
                f"{type(speaker).__name__} ({speaker!r})"
            )
        if self._any is None:
            return True
        return speaker is not None and self._any.match(_folded(speaker)) is not None

    def keep(
        self,
        exchanges: Iterable[Exchange],
        left_out: Callable[[Exchange], None] | None = None,
    ) -> Iterator[Exchange]:
        """The ``exchanges`` whose response is a helper's, in order; ``left_out`` (when
        given) is called with each of the others."""
        for exchange in exchanges:
            if self.matches(exchange.response.speaker):
                yield exchange
            elif left_out is not None:
                left_out(exchange)


def _pattern_list(patterns: object) -> list[str]:
    """``patterns`` as a list: one string is one pattern; a TypeError names an item that is
    not a string, or a value that is neither."""
    if isinstance(patterns, str):
        return [patterns]
    if not isinstance(patterns, Iterable) or isinstance(patterns, bytes | bytearray):
        raise TypeError(
            "helper patterns are a pattern (a string) or a list of them, not "
            f"{type(patterns).__name__}"
        )
    listed = list(patterns)
    for i, pattern in enumerate(listed):
        if not isinstance(pattern, str):
            raise TypeError(
                f"a helper pattern must be a string, not {type(pattern).__name__}: "
                f"item {i} of the patterns is {pattern!r}"
            )
    return listed


def _folded(name: str) -> str:
    """``name`` as it is matched: as names are compared (:func:`name_key`), case folded."""
    return name_key(name).casefold()


def _as_regex(pattern: str) -> str:
    """``pattern`` as a regular expression for the whole name: ``*`` and ``?`` are the only
    wildcards (shell patterns would also read ``[...]`` as a set of characters).

    The text between two stars is found at its first place after the one before it, and
    that place is kept (an atomic group): a later place could only leave less of the name to
    the rest. So a name that does not match is read once per star, never tried at every
    split between them (``*a*a*a*a*a*b`` against a name of 512 letters a ran without end).
    """
    first, *middle_and_last = re.sub(r"\*+", "*", pattern).split("*")
    regex = _literal(first)
    if middle_and_last:
        *middle, last = middle_and_last
        regex += "".join(f"(?>.*?{_literal(part)})" for part in middle if part)
        regex += ".*" + _literal(last)
    return rf"(?s:{regex})\Z"


def _literal(part: str) -> str:
    """A part of a pattern without stars as a regular expression: ``?`` is any one
    character, everything else itself."""
    return "".join("." if c == "?" else re.escape(c) for c in part)


def as_options(patterns: Sequence[str]) -> str:
    """``patterns`` as the options that name them, for messages: "--helper vol-* --helper
    ama", or "every speaker" without any."""
    return " ".join(f"--helper {p}" for p in patterns) if patterns else "every speaker"


def same_patterns(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether the patterns ``a`` and ``b`` pick the same speakers: the same patterns in any
    order and case, as they are matched (:func:`_folded`: ``vol-*`` and ``VOL-*`` are one,
    spaces around them dropped). A resumed run must name the same helpers as the run it
    resumes."""
    return {_folded(p) for p in a} == {_folded(p) for p in b}
