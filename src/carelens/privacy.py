"""Personal data in conversation text: find and redact it, and pseudonymise speaker names.

:func:`find_personal` returns every e-mail address, phone number, URL, user handle and street
address it recognises as a :class:`Redaction` (character offsets into the text, the kind, and
the text itself); :func:`redact` replaces each with a placeholder such as ``[email]``. Like
:mod:`carelens.analysis.crisis`, these are transparent patterns rather than a model, so every
redaction can be traced to a rule. Names of people, places on their own, ages, dates and
free-text descriptions are *not* found (see ``docs/privacy.md``). Accented letters may be
written precomposed or as a letter and combining marks (NFC or NFD): e-mail addresses,
domains and handles go on through the marks, so no part of one is left beside its
placeholder. The text is read past format characters (a zero-width space or a soft hyphen
inside an address) and Markdown's escaping backslashes, with the fullwidth at and full stop as
"@" and "." (:func:`carelens.privacy_reading.reading`); Markdown's "_" marks around an item
stay outside it, as "*" does; a change into or out of a script written without spaces
(Chinese, Japanese, Korean's particles) is an item's edge. Every pattern is bounded (no
nested unbounded repetition, and a match may only start where a token starts), so the time
taken grows linearly with the length of the text.

Each kind has a module of its own: e-mail addresses, web addresses and handles in
:mod:`carelens.privacy_online` (e-mail addresses written out, "anna dot kowalski at gmail dot
com", in :mod:`carelens.privacy_spelled_emails`; user names named by a platform word, "my
snap is sadgirl_22", in :mod:`carelens.privacy_platform_handles`), phone numbers in
:mod:`carelens.privacy_phones` (what the words around a number tell of it in
:mod:`carelens.privacy_phone_words`, the amounts and ranges of a phone's shape in
:mod:`carelens.privacy_amounts`; card and bank account numbers, redacted as ``[phone]``, in
:mod:`carelens.privacy_accounts`), street
addresses in :mod:`carelens.privacy_streets`; how they read a text in
:mod:`carelens.privacy_reading`.
This module puts their findings together.

:class:`Pseudonymizer` maps speaker names to stable readable pseudonyms ("helper-3f9a2c")
with HMAC-SHA256. Without a key the mapping uses a public default key, so anyone can
recompute the pseudonym of a name they guess; pass a secret key before sharing results.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from carelens.privacy_online import emails, handles, urls
from carelens.privacy_phones import phones
from carelens.privacy_platform_handles import platform_handles
from carelens.privacy_reading import READ_APART, reading
from carelens.privacy_spelled_emails import spelled_emails
from carelens.privacy_streets import addresses

__all__ = [
    "KINDS",
    "PUBLIC_KEY",
    "Kind",
    "Pseudonymizer",
    "Redaction",
    "find_personal",
    "redact",
    "redact_with_spans",
]

Kind = Literal["email", "phone", "url", "handle", "address"]
#: Every kind :func:`find_personal` reports; the placeholder for a kind is ``[kind]``.
KINDS: Final[tuple[Kind, ...]] = ("email", "phone", "url", "handle", "address")


@dataclass(frozen=True, slots=True)
class Redaction:
    """Characters ``[start, end)`` of a text that hold personal data of ``kind``."""

    start: int
    end: int
    kind: Kind
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"invalid redaction offsets [{self.start}, {self.end})")
        if self.kind not in KINDS:
            raise ValueError(f"unknown redaction kind {self.kind!r}; expected one of {KINDS}")
        if len(self.text) != self.end - self.start:
            raise ValueError("redaction text does not match its offsets")

    @property
    def placeholder(self) -> str:
        """What :func:`redact` writes in place of the text, e.g. ``[phone]``."""
        return f"[{self.kind}]"


_Finder = Callable[[str], Iterator[tuple[int, int]]]
_FINDERS: Final[tuple[tuple[Kind, _Finder], ...]] = (
    ("email", emails),
    ("email", spelled_emails),
    ("url", urls),
    ("handle", handles),
    ("handle", platform_handles),
    ("phone", phones),
    ("address", addresses),
)
# Between two findings of the same length and start, the earlier kind above wins (a kind's
# place is that of its last finder: the order of the kinds is the same).
_PRIORITY: Final[dict[Kind, int]] = {kind: i for i, (kind, _) in enumerate(_FINDERS)}


def find_personal(text: str) -> list[Redaction]:
    """Every e-mail, phone number, URL, handle and street address in ``text``, in order.

    Where two findings overlap, the longer one is kept (a URL that contains an e-mail address
    is one URL). The spans never overlap and never cover zero characters. The text is read
    past format characters and Markdown escapes, with fullwidth "@" and "." as the plain ones
    (:func:`carelens.privacy_reading.reading`): a zero-width space, soft hyphen or escaping
    backslash inside a finding is part of it; phone numbers are read with a format character
    between a word or number and their digits as a space (``apart``).
    """
    view, origin = reading(text)
    apart, apart_origin = (view, origin)
    if origin is not None and READ_APART.search(text):
        apart, apart_origin = reading(text, apart=True)
    found: list[tuple[int, int, Kind]] = []
    for kind, finder in _FINDERS:
        read, where = (apart, apart_origin) if kind == "phone" else (view, origin)
        spans = [(start, end) for start, end in finder(read) if end > start]
        if where is not None:  # back to the text as written, all that was read past inside
            spans = [(where[start], where[end - 1] + 1) for start, end in spans]
        found.extend((start, end, kind) for start, end in spans)
    found.sort()
    kept: list[tuple[int, int, Kind]] = []
    first = 0
    while first < len(found):
        last, cluster_end = first + 1, found[first][1]
        while last < len(found) and found[last][0] < cluster_end:
            cluster_end = max(cluster_end, found[last][1])
            last += 1
        kept.extend(_resolve(found[first:last]))
        first = last
    kept.sort()
    return [Redaction(start, end, kind, text[start:end]) for start, end, kind in kept]


def _resolve(cluster: list[tuple[int, int, Kind]]) -> list[tuple[int, int, Kind]]:
    """Non-overlapping spans out of one group of overlapping ones, the longest first."""
    if len(cluster) == 1:
        return cluster
    chosen: list[tuple[int, int, Kind]] = []
    for span in sorted(cluster, key=lambda s: (s[0] - s[1], s[0], _PRIORITY[s[2]])):
        if all(span[1] <= c[0] or span[0] >= c[1] for c in chosen):
            chosen.append(span)
    return chosen


_MAX_ROUNDS = 8


def redact(text: str, *, keep: Collection[str] = ()) -> str:
    """``text`` with each finding of :func:`find_personal` replaced by ``[kind]``.

    Replacing a finding can expose another one next to it ("Elm St.555-123-4567"), so the
    search is repeated on the result until nothing more is found; hence
    ``redact(redact(text)) == redact(text)``. Findings whose exact text is in ``keep`` (public
    contacts that carelens itself writes, such as a crisis line's web address) stay.
    """
    for _ in range(_MAX_ROUNDS):
        found = [f for f in find_personal(text) if text[f.start : f.end] not in keep]
        if not found:
            break
        parts: list[str] = []
        position = 0
        for item in found:
            parts.append(text[position : item.start])
            parts.append(item.placeholder)
            position = item.end
        parts.append(text[position:])
        text = "".join(parts)
    return text


# --- pseudonyms ----------------------------------------------------------------------------

#: Used when no key is given. It is public, so the mapping it gives is reproducible by anyone.
PUBLIC_KEY: Final = b"carelens-pseudonym-v1"


class Pseudonymizer:
    """Stable, readable pseudonyms for speaker names: ``"helper-3f9a2c"``.

    The id is the start of HMAC-SHA256(key, name) in hex, so the same name and key give the
    same pseudonym in every run and process. Two names never share a pseudonym within one
    :class:`Pseudonymizer`: if a new name's short id is already taken, its id is lengthened
    (two hex digits at a time, from the same digest) until it is free; the name seen first
    keeps the short id. Without ``key`` a public default key is used: anyone who can guess a
    name can then recompute its pseudonym. Pass a secret ``key`` (for example
    ``Pseudonymizer(key=os.environ["CARELENS_PSEUDONYM_KEY"])``) before sharing results.
    """

    def __init__(self, key: str | None = None, *, prefix: str = "helper", length: int = 6) -> None:
        if key is not None and not key:
            raise ValueError("the pseudonym key is empty; pass a secret string, or None")
        if not 4 <= length <= 32:
            raise ValueError(f"length must be between 4 and 32 hex digits, not {length}")
        self.prefix = prefix
        self.length = length
        self.keyed = key is not None
        self._key = key.encode("utf-8", "surrogatepass") if key is not None else PUBLIC_KEY
        self._by_name: dict[str, str] = {}
        self._taken: set[str] = set()
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Pseudonymizer(keyed={self.keyed}, prefix={self.prefix!r}, length={self.length})"

    def pseudonym(self, name: str | None) -> str | None:
        """The pseudonym of ``name`` (``None`` stays ``None``); names are compared exactly."""
        if name is None:
            return None
        with self._lock:
            known = self._by_name.get(name)
            if known is not None:
                return known
            digest = hmac.new(
                self._key, name.encode("utf-8", "surrogatepass"), hashlib.sha256
            ).hexdigest()
            size = self.length
            while digest[:size] in self._taken:
                size += 2
                if size > len(digest):  # pragma: no cover - needs a full SHA-256 collision
                    raise RuntimeError(f"no free pseudonym for {name!r}")
            self._taken.add(digest[:size])
            pseudonym = f"{self.prefix}-{digest[:size]}" if self.prefix else digest[:size]
            self._by_name[name] = pseudonym
            return pseudonym


def redact_with_spans(
    text: str, span_groups: Mapping[str, Sequence[Mapping[str, Any]]]
) -> tuple[str, dict[str, tuple[dict[str, Any], ...]]]:
    """``text`` redacted exactly as :func:`redact` does, and every group of spans moved to
    offsets in the redacted text.

    Personal data is found in the whole text, never in the pieces between span boundaries (a
    phone number that a span boundary cuts in two is still a phone number). A span boundary
    inside a finding moves to the edge of its placeholder — a start to its start, an end to
    its end — so a span that covered part of an e-mail address covers the whole ``[email]``;
    other boundaries keep their place in the text around. A span's ``text``, if present, is
    replaced by the new one.
    """
    rounds: list[list[_Move]] = []
    out = text
    for _ in range(_MAX_ROUNDS):  # the rounds of redact(), with where each finding went
        found = find_personal(out)
        if not found:
            break
        out, moves = _substitute(out, [(f.start, f.end, f.placeholder) for f in found])
        rounds.append(moves)
    return out, _move_spans(len(text), out, rounds, span_groups)


def replace_with_spans(
    text: str,
    replacements: Sequence[tuple[int, int, str]],
    span_groups: Mapping[str, Sequence[Mapping[str, Any]]],
) -> tuple[str, dict[str, tuple[dict[str, Any], ...]]]:
    """``text`` with each ``(start, end, new)`` of ``replacements`` (in order, apart) put in
    place, and every group of spans moved as :func:`redact_with_spans` moves them."""
    out, moves = _substitute(text, replacements)
    return out, _move_spans(len(text), out, [moves], span_groups)


#: Where one replacement went: (start, end) in the text before, (start, end) after.
_Move = tuple[int, int, int, int]


def _substitute(text: str, replacements: Sequence[tuple[int, int, str]]) -> tuple[str, list[_Move]]:
    parts: list[str] = []
    moves: list[_Move] = []
    position = shift = 0
    for start, end, new in replacements:
        parts += [text[position:start], new]
        moves.append((start, end, start + shift, start + shift + len(new)))
        shift += len(new) - (end - start)
        position = end
    parts.append(text[position:])
    return "".join(parts), moves


def _move_spans(
    length: int,
    out: str,
    rounds: Sequence[Sequence[_Move]],
    span_groups: Mapping[str, Sequence[Mapping[str, Any]]],
) -> dict[str, tuple[dict[str, Any], ...]]:
    """The spans of a text of ``length`` characters moved through the replacement
    ``rounds`` that made ``out``: a boundary inside a replaced piece to its edge (a start to
    its start, an end to its end), any other by what was replaced before it."""

    def move(offset: int, end: bool) -> int:
        for moves in rounds:
            shift = 0
            for start, stop, new_start, new_stop in moves:
                if offset <= start:
                    break
                if offset < stop:  # inside this replacement: to the edge of its new text
                    offset, shift = (new_stop if end else new_start), 0
                    break
                shift = new_stop - stop
            offset += shift
        return offset

    groups: dict[str, tuple[dict[str, Any], ...]] = {}
    for name, spans in span_groups.items():
        new = []
        for s in spans:
            start = move(min(max(int(s["start"]), 0), length), end=False)
            end = max(start, move(min(max(int(s["end"]), 0), length), end=True))
            item = {**s, "start": start, "end": end}
            if "text" in item:
                item["text"] = out[start:end]
            new.append(item)
        groups[name] = tuple(new)
    return groups
