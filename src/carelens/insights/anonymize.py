"""``--anonymize`` for the insights: stable pseudonyms for people, personal data redacted.

Speaker names (helpers and seekers) become stable pseudonyms (the same name always gets
the same pseudonym under the same key, see :class:`carelens.privacy.Pseudonymizer`), and
emails, phone numbers, URLs, @handles and street addresses in the displayed texts are
replaced by placeholders (:func:`carelens.privacy.redact`). The speaker names of the input
are replaced by their pseudonyms inside the texts too, where they can be told from words
(:class:`NamesInTexts`: "thanks quiet_fern" becomes "thanks person-…"; a name that is a
plain lowercase word, such as ``hope``, is left, since it cannot be told from the word).
Spans are kept on their words: personal data is found in the whole text, as
:func:`~carelens.privacy.redact` finds it, and the offsets of the rationale spans, the
helper-distress and unsafe-wording spans (in the response) and the crisis cues (in the
seeker message) are moved to the new text (:func:`carelens.privacy.redact_with_spans` and
:func:`~carelens.privacy.replace_with_spans`; a boundary inside a replaced piece moves to
its edge), so a highlighted phrase stays highlighted.

:func:`local_key` is the key the CLI uses when ``$CARELENS_ANONYMIZE_KEY`` is not set: a
random secret kept in the user's carelens data folder (created on first use, readable by the
owner only), so pseudonyms stay the same from run to run on this machine but cannot be
recomputed by someone who only guesses a name.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from carelens.errors import InputError
from carelens.insights.rows import UNKNOWN, ResponseRow
from carelens.privacy import Pseudonymizer, redact_with_spans, replace_with_spans

#: The key file's name in the carelens data folder.
KEY_FILE = "pseudonym.key"


def local_key(data_dir: Path) -> tuple[str, bool]:
    """The secret pseudonym key in ``data_dir`` (created when missing); (key, created)."""
    path = data_dir / KEY_FILE
    created = False
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another run created it first: use theirs
            pass
        else:
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(secrets.token_hex(32) + "\n")
            created = True
    key = path.read_text(encoding="ascii", errors="replace").strip()
    if not key:
        raise InputError(
            "the pseudonym key file is empty; delete it to have a new key made, or set "
            "CARELENS_ANONYMIZE_KEY",
            path=str(path),
        )
    return key, created


#: Environment variable that holds a shared pseudonym key (it wins over the key file).
KEY_ENV = "CARELENS_ANONYMIZE_KEY"


def pseudonym_key(data_dir: Path | None = None) -> tuple[str, Path | None]:
    """The key pseudonyms are made with: ``$CARELENS_ANONYMIZE_KEY`` when set, else the
    secret key file in ``data_dir`` (default: the carelens data folder; created on first
    use). Returns the key and the key file's path when this call created it (else None)."""
    configured = os.environ.get(KEY_ENV)
    if configured:
        return configured, None
    if data_dir is None:
        from carelens.store.url import default_data_dir

        data_dir = default_data_dir()
    key, created = local_key(data_dir)
    return key, (data_dir / KEY_FILE) if created else None


#: Shorter names are never looked for inside texts.
MIN_NAME_CHARS = 3
_WORD_START = re.compile(r"\w+")


class NamesInTexts:
    """Finds the speaker names of an input inside texts, to put their pseudonyms there.

    A name is looked for only where it can be told from ordinary words, as a whole word (no
    letter, digit or ``_`` just before or after it) and at least :data:`MIN_NAME_CHARS`
    characters long:

    - a name with a digit, an ``_``, a capital after its first letter or more than one word
      (``quiet_fern``, ``Sam2``, ``JuniperMoon``, ``Maria G.``) is found in any letter case;
    - a name that is one capitalised word (``Maria``) is found written so (``Maria``,
      ``MARIA``), never as the lowercase word (``grace`` for ``Grace``);
    - a name that is one plain lowercase word (``hope``, ``juniper``) is not looked for: it
      cannot be told from the word.

    Where two names start at the same place, the longer is taken. The search reads each word
    of a text once and compares only the names that start with it.
    """

    def __init__(self, names: Iterable[str], pseudonym: Callable[[str], str | None]) -> None:
        #: first word (folded) -> (name, match in any case?, pseudonym), longest first
        self._by_first: dict[str, list[tuple[str, bool, str]]] = {}
        for name in sorted(set(names), key=lambda n: (-len(n), n)):
            if name == UNKNOWN or len(name) < MIN_NAME_CHARS:
                continue
            first = _WORD_START.match(name)
            if first is None:  # a name must start with a letter or digit to be found
                continue
            distinctive = any(c.isdigit() or c == "_" or c.isspace() for c in name) or any(
                c.isupper() for c in name[1:]
            )
            if not distinctive and not name[0].isupper():
                continue
            replacement = pseudonym(name)
            if replacement is None:
                continue
            entry = (name, distinctive, replacement)
            self._by_first.setdefault(first.group().casefold(), []).append(entry)

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, pseudonym)`` of every name in ``text``, in order, apart."""
        found: list[tuple[int, int, str]] = []
        taken = 0
        for word in _WORD_START.finditer(text):
            start = word.start()
            if start < taken or (start and _is_word_char(text[start - 1])):
                continue
            for name, any_case, replacement in self._by_first.get(word.group().casefold(), ()):
                end = start + len(name)
                written = text[start:end]
                if any_case:
                    same = written.casefold() == name.casefold()
                else:
                    same = written in (name, name.upper())
                if same and (end == len(text) or not _is_word_char(text[end])):
                    found.append((start, end, replacement))
                    taken = end
                    break
        return found


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def names_in_texts(rows: Iterable[ResponseRow], names: Pseudonymizer) -> NamesInTexts:
    """The :class:`NamesInTexts` of the helpers and seekers of ``rows``."""
    speakers: set[str] = set()
    for row in rows:
        speakers.add(row.helper)
        if row.seeker_speaker is not None:
            speakers.add(row.seeker_speaker)
    return NamesInTexts(speakers, names.pseudonym)


def _hide(
    text: str,
    groups: Mapping[str, Sequence[Mapping[str, Any]]],
    in_texts: NamesInTexts | None,
) -> tuple[str, dict[str, tuple[dict[str, Any], ...]]]:
    """``text`` redacted and its speaker names replaced, ``groups`` of spans moved along."""
    text, moved = redact_with_spans(text, groups)
    if in_texts:
        found = in_texts.find(text)
        if found:
            text, moved = replace_with_spans(text, found, moved)
    return text, moved


def anonymize_row(
    row: ResponseRow, names: Pseudonymizer, in_texts: NamesInTexts | None = None
) -> ResponseRow:
    """``row`` with pseudonymous speakers and redacted texts (spans moved along); with
    ``in_texts``, the speaker names it finds in the texts become their pseudonyms too."""
    helper = row.helper if row.helper == UNKNOWN else names.pseudonym(row.helper) or UNKNOWN
    seeker = None if row.seeker_speaker is None else names.pseudonym(row.seeker_speaker)
    response_text, spans = row.response_text, dict(row.spans)
    distress_spans, unsafe_spans = row.distress_spans, row.unsafe_spans
    if response_text is not None:
        groups = {**spans, "__distress__": distress_spans, "__unsafe__": unsafe_spans}
        response_text, moved = _hide(response_text, groups, in_texts)
        distress_spans = moved.pop("__distress__")
        unsafe_spans = moved.pop("__unsafe__")
        spans = dict(moved)
    seeker_text, cues = row.seeker_text, row.crisis_cues
    if seeker_text is not None:
        seeker_text, moved_cues = _hide(seeker_text, {"cues": cues}, in_texts)
        cues = moved_cues["cues"]
    return replace(
        row,
        helper=helper,
        seeker_speaker=seeker,
        response_text=response_text,
        seeker_text=seeker_text,
        spans=spans,
        distress_spans=distress_spans,
        unsafe_spans=unsafe_spans,
        crisis_cues=cues,
    )
