"""``--anonymize`` for the insights: stable pseudonyms for people, personal data redacted.

Speaker names (helpers and seekers) become stable pseudonyms (the same name always gets
the same pseudonym under the same key, see :class:`carelens.privacy.Pseudonymizer`), and
emails, phone numbers, URLs, @handles and street addresses in the displayed texts are
replaced by placeholders (:func:`carelens.privacy.redact`). The speaker names of the input
are replaced by their pseudonyms inside the texts too, where they can be told from words
(:class:`NamesInTexts`: "thanks quiet-fern" becomes "thanks person-…", names are compared
in Unicode NFKC form, with typographic apostrophes as ``'`` and runs of whitespace as one
space; an Arabic name is found after the proclitics written onto it too, "ومحمد" ("and
Muhammad"), which stay; a name that is a plain lowercase word, such as ``hope``, is left,
since it cannot be told from the word; docs/privacy.md has the rules). The speakers of
records rejected while a result file is read are looked for too (:class:`RejectedNames`): a
good record may thank the helper of a damaged one. A value from the data that the pages
quote, a timestamp that could not be read (a column of author names mapped as the
timestamp), is hidden as a text is, and one that is a speaker's name whole becomes that
speaker's pseudonym (:func:`hide_value`), a plain lowercase name too.
Spans are kept on their words: personal data is found in the whole text, as
:func:`~carelens.privacy.redact` finds it, and the offsets of the rationale spans, the
helper-distress and unsafe-wording spans (in the response) and the crisis cues (in the
seeker message) are moved to the new text (:func:`carelens.privacy.redact_with_spans` and
:func:`~carelens.privacy.replace_with_spans`; a boundary inside a replaced piece moves to
its edge), so a highlighted phrase stays highlighted. What that depends on in a text alone
(:class:`Hidden`) is worked out once per seeker message in a run (:class:`TextCache`), not
once per response that answers it; each record's spans are moved on their own.

:func:`local_key` is the key the CLI uses when ``$CARELENS_ANONYMIZE_KEY`` is not set: a
random secret kept in the user's carelens data folder (created on first use, readable by the
owner only), so pseudonyms stay the same from run to run on this machine but cannot be
recomputed by someone who only guesses a name.
"""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import compress
from pathlib import Path
from typing import Any

from carelens.errors import InputError
from carelens.insights.rows import UNKNOWN, ResponseRow
from carelens.privacy import (
    Pseudonymizer,
    find_personal,
    redact,
    redact_with_spans,
    replace_with_spans,
)
from carelens.text import name_key, straight_apostrophes

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
#: Names with a character of a script written without spaces (:data:`UNSPACED_SCRIPTS`)
#: need only this many characters: many Chinese and Korean names have two.
MIN_UNSPACED_NAME_CHARS = 2

#: Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar), and
#: Hangul, whose particles are written onto a name ("민수가"): inside them a name has no word
#: boundary, so it is found as a plain substring there (see :class:`NamesInTexts`).
UNSPACED_SCRIPTS = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1100-\u11ff"  # Hangul jamo
    "\u1780-\u17ff"  # Khmer
    "\u19e0-\u19ff"  # Khmer symbols
    "\u2e80-\u2fdf"  # CJK and Kangxi radicals
    "\u3005-\u3007"  # ideographic iteration mark, closing mark, number zero
    "\u3021-\u3029"  # Hangzhou numerals
    "\u3031-\u3035"  # kana repeat marks
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3130-\u318f"  # Hangul compatibility jamo
    "\u31f0-\u31ff"  # Katakana phonetic extensions
    "\u3400-\u4dbf"  # CJK unified ideographs extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\ua960-\ua97f"  # Hangul jamo extended A
    "\uac00-\ud7ff"  # Hangul syllables, Hangul jamo extended B
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\uff66-\uffdc"  # halfwidth Katakana and Hangul
    "\U00020000-\U0003134f"  # CJK unified ideographs extensions B to H
)
_UNSPACED = re.compile(f"[{UNSPACED_SCRIPTS}]")
#: What a text is read in: a run of word characters of spaced scripts, or one character of
#: an unspaced script, or one other character (punctuation, symbol, combining mark).
_TOKEN = re.compile(rf"[^\W{UNSPACED_SCRIPTS}]+|[{UNSPACED_SCRIPTS}]|[^\w\s]")
#: The letter and digit runs of a name ("mary", "jane" in ``mary-jane``).
_PARTS = re.compile(r"[^\W_]+")
#: Georgian Mkhedruli has capitals (Mtavruli) since Unicode 11, but names do not start with
#: them: it counts as a script without letter case here.
_GEORGIAN = re.compile("[\u10d0-\u10ff\u1c90-\u1cbf]")
#: Punctuation that sentences put around words: a plain lowercase name with only these
#: around it ("sam.", "hope!") is still a plain word. Other symbols ("(me)") make a name
#: distinctive as written.
_SENTENCE_MARKS = frozenset(".,;:!?'\"\u201c\u201d\u2018\u2019\u00ab\u00bb\u2026")
#: Arabic proclitics, written onto the word they go with: a conjunction, و "and" or ف "so",
#: then a preposition, ب "with, by" or ل "for, to", each with any short vowel or other mark
#: (:data:`_ARABIC_MARKS`): "ومحمد", "لأحمد", "بفاطمة", "وَلِمحمد". A name of the Arabic
#: script is found after them (:class:`NamesInTexts`), and they stay in the text.
_ARABIC_CONJUNCTIONS = frozenset("\u0648\u0641")
_ARABIC_PREPOSITIONS = frozenset("\u0628\u0644")
_ARABIC_MARKS = frozenset([*map(chr, range(0x064B, 0x0660)), "\u0670"])
#: The Arabic script's blocks (Arabic, Arabic Supplement, Arabic Extended-A).
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
#: An Arabic-script name is looked for after a proclitic only with this many letters or
#: more: a proclitic and a three-letter name spell ordinary words too often ("بعلي", "my
#: husband", and "لعلي", "perhaps I", for a speaker علي; "بسام" and "وسام" are names of
#: their own for a speaker سام).
MIN_CLITIC_NAME_LETTERS = 4
#: A run of whitespace: any run inside a name matches any run in a text, a line break too.
_SPACE_RUN = re.compile(r"\s+")
#: A run of whitespace that is not one plain space (each whole: the longer form is tried
#: first): a view of a text with one needs its runs made one space.
_ODD_SPACE = re.compile(r"\s{2,}|[^\S ]")


#: Hyphens and dashes that join the parts of a name as "-" does ("vol" U+2010 "hank", as
#: word processors and phones write it; the non-breaking hyphen, figure and en dash, minus
#: sign, small and fullwidth hyphen-minus): compared as "-".
_HYPHENS = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d", "-"))
#: The backslash of a Markdown escape ("kind\\_otter", as Reddit writes "kind_otter"), which a
#: view of a text leaves out.
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
#: A run of "_" (each perhaps escaped) that a name is looked for across when it is not inside
#: a word: Markdown's emphasis marks, "_Maria_", "__Maria__".
_MARK_RUN = re.compile(r"(?:\\?_)+")


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _plain(text: str) -> str:
    """``text`` with every apostrophe as ``'`` and every hyphen as ``-`` (one character for
    one, so offsets keep)."""
    return straight_apostrophes(text).translate(_HYPHENS)


def _fold(text: str) -> str:
    """How texts and names are compared: NFKC-normalised, then case-folded, with every
    apostrophe as ``'`` and every hyphen as ``-`` (one character for one, so offsets keep)."""
    return _plain(_nfkc(text).casefold())


def _joins(char: str) -> bool:
    """Whether ``char`` continues a word of a spaced script: a letter, digit, ``_`` or
    combining mark that is not of an unspaced script. A name ending in a word character must
    not be followed by one of these (nor preceded, when it starts with one)."""
    if _UNSPACED.match(char):
        return False
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


class _View:
    """A text as names are compared in it (:func:`_fold`, each run of whitespace one space),
    with the way back to offsets in the original text: ``origin[j]`` is the original offset
    where the view's character ``j`` begins a piece of the text, -1 inside a piece (``ß``
    folds to ``ss``, NFD ``é`` of two characters is one; the space of a run of whitespace
    begins where the run does). ``origin`` is None where the view is the text, character for
    character (the usual case: an NFKC text of single spaces whose case folding keeps its
    length)."""

    __slots__ = ("origin", "text")

    def __init__(self, text: str, origin: list[int] | None) -> None:
        self.text = text
        self.origin = origin

    def original(self, j: int) -> int:
        """The original offset of the view's offset ``j``; -1 if it splits a piece."""
        return j if self.origin is None else self.origin[j]


def _view(text: str) -> _View:
    """``text`` as names are compared in it; see :class:`_View`."""
    return _one_space(_unescaped(_folded_view(text)))


def _unescaped(view: _View) -> _View:
    """``view`` without the backslashes of Markdown escapes (``kind\\_otter`` reads
    ``kind_otter``), the way back kept: what follows a backslash keeps its own place."""
    if "\\" not in view.text:
        return view
    origin_of = range(len(view.text) + 1) if view.origin is None else view.origin
    kept = bytearray(b"\x01") * len(origin_of)
    for escape in _ESCAPE.finditer(view.text):
        kept[escape.start()] = 0
    return _View(_ESCAPE.sub("", view.text), list(compress(origin_of, kept)))


def _unmarked(text: str) -> str:
    """``text`` with each run of ``_`` that is not inside a word made spaces, one for one:
    ``_Maria_`` and ``__Maria__`` read ``Maria``, ``quiet_fern`` stays."""

    def blank(run: re.Match[str]) -> str:
        start, end = run.span()
        inside = start > 0 and end < len(text) and _inside(text[start - 1]) and _inside(text[end])
        return run.group() if inside else " " * (end - start)

    return _MARK_RUN.sub(blank, text) if "_" in text else text


def _inside(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def _one_space(view: _View) -> _View:
    """``view`` with each run of whitespace made one space (``Mary  Jane``, and ``Mary`` and
    ``Jane`` with a line break between, read ``mary jane``), the way back kept: the space
    begins where its run did, and what follows keeps its own place in the text."""
    if not _ODD_SPACE.search(view.text):
        return view
    origin_of = range(len(view.text) + 1) if view.origin is None else view.origin
    kept = bytearray(b"\x01") * len(origin_of)  # the view's characters that stay
    parts: list[str] = []
    position = 0
    for run in _ODD_SPACE.finditer(view.text):  # a single plain space is one already
        start, end = run.span()
        parts += [view.text[position:start], " "]
        kept[start + 1 : end] = bytes(end - start - 1)
        position = end
    parts.append(view.text[position:])
    return _View("".join(parts), list(compress(origin_of, kept)))


def _folded_view(text: str) -> _View:
    """``text`` folded (:func:`_fold`), its whitespace as written."""
    if unicodedata.is_normalized("NFKC", text):
        folded = text.casefold()
        if len(folded) == len(text):  # case folding never shortens: one for one
            return _View(_plain(folded), None)
    parts: list[str] = []
    origin: list[int] = []
    for segment in re.finditer(r"\s+|\S+", text):
        at, run = segment.start(), segment.group()
        folded = run.casefold()
        if len(folded) == len(run) and unicodedata.is_normalized("NFKC", run):
            parts.append(folded)
            origin.extend(range(at, at + len(run)))
            continue
        for start, piece in _pieces(run):
            folded = _fold(piece)
            parts.append(folded)
            origin += [at + start, *([-1] * (len(folded) - 1))] if folded else []
    origin.append(len(text))
    view = _plain("".join(parts))  # one for one: the origin holds
    if view != _fold(text):  # pragma: no cover - a piece split that normalisation crosses
        # Compare the text as written, character for character: names in another
        # normalisation form are then missed in this text, but nothing is misplaced.
        folded = _plain("".join(c.casefold() for c in text))
        return _View(folded, _char_origin(text))
    return _View(view, origin)


def _char_origin(text: str) -> list[int]:
    origin: list[int] = []
    for i, char in enumerate(text):
        origin += [i, *([-1] * (len(char.casefold()) - 1))]
    return [*origin, len(text)]


def _pieces(run: str) -> Iterator[tuple[int, str]]:
    """``run`` (no spaces in it) cut into pieces that normalise on their own, with where
    each starts: the pieces' NFKC forms, joined, are the run's. A cut falls before each
    character that neither combines with nor composes with what is before it (Hangul jamo
    and some Indic vowel signs compose without being combining marks)."""
    start = 0
    for i in range(1, len(run)):
        if unicodedata.combining(run[i]):
            continue
        head = run[start:i]
        if _nfkc(head + run[i]) == _nfkc(head) + _nfkc(run[i]):
            yield start, head
            start = i
    yield start, run[start:]


@dataclass(frozen=True, slots=True)
class _Name:
    """One form of a speaker name that is looked for in texts."""

    #: The form as compared (:func:`_fold`, each run of whitespace one space).
    folded: str
    #: The form as written (NFKC, without surrounding spaces).
    spelling: str
    #: The spellings a match must have (NFKC, apostrophes as ``'``); None: any letter case.
    spellings: frozenset[str] | None
    #: A part of a name (the name without the symbols around it), not the name itself.
    derived: bool
    #: The speaker name as given, and its pseudonym.
    name: str
    pseudonym: str

    @property
    def bounded_end(self) -> bool:
        """Whether a word character of a spaced script may not follow a match."""
        return _joins(self.folded[-1])

    @property
    def takes_proclitics(self) -> bool:
        """Whether the form is looked for after an Arabic proclitic too: written in the
        Arabic script alone, with :data:`MIN_CLITIC_NAME_LETTERS` letters or more."""
        letters = sum(unicodedata.category(c) == "Lo" for c in self.folded)
        return letters >= MIN_CLITIC_NAME_LETTERS and all(
            c == " " or _ARABIC.match(c) for c in self.folded
        )


#: How a name is looked for: in any letter case, written with its capital or all in
#: capitals, exactly as written, or not at all.
_ANY, _CAPITALISED, _EXACT, _NOT = "any", "capitalised", "exact", "not"


def _kind(spelling: str) -> str:
    """How ``spelling`` (NFKC) is looked for in texts, its symbols aside; see
    :class:`NamesInTexts`."""
    parts = _PARTS.findall(spelling)
    if not parts:
        return _NOT
    if (
        len(parts) > 1  # two words, or word parts joined: "mary-jane", "sam.r", "Maria G."
        or any(c.isdigit() or c == "_" or c.isspace() for c in spelling)
        or any(c.isupper() for part in parts for c in part[1:])
        or not any(_cased(c) for part in parts for c in part)  # no letter case: محمد, 王小明
    ):
        return _ANY
    first = parts[0][0]
    return _CAPITALISED if first.isupper() or first.istitle() else _NOT


def _cased(char: str) -> bool:
    return char.lower() != char.upper() and not _GEORGIAN.match(char)


def _core(spelling: str) -> tuple[int, int]:
    """Where the words of ``spelling`` are: the symbols and punctuation before and after
    them left out."""
    start, end = 0, len(spelling)
    while start < end and not _joins_or_unspaced(spelling[start]):
        start += 1
    while end > start and not _joins_or_unspaced(spelling[end - 1]):
        end -= 1
    return start, end


def _joins_or_unspaced(char: str) -> bool:
    return _joins(char) or bool(_UNSPACED.match(char))


def _long_enough(spelling: str) -> bool:
    least = MIN_UNSPACED_NAME_CHARS if _UNSPACED.search(spelling) else MIN_NAME_CHARS
    return len(spelling) >= least


def _forms(name: str) -> list[tuple[str, str, bool]]:
    """The forms of ``name`` looked for in texts: (spelling, kind, derived). Its kind and
    words are read with every apostrophe as ``'``, as texts are: U+02BC is a letter, and
    ``d`` U+02BC ``arcy`` would otherwise be one plain lowercase word, never looked for,
    where ``d'arcy`` is two word parts joined."""
    spelling = _nfkc(name).strip()
    plain = _plain(spelling)  # one character for one: the offsets are the spelling's
    start, end = _core(plain)
    core, about = spelling[start:end], plain[:start] + plain[end:]
    kind = _kind(plain)
    if kind == _NOT and about and not set(about) <= _SENTENCE_MARKS:
        kind = _EXACT  # a plain word with symbols about it, "(me)": as written
    forms = [(spelling, kind, False)]
    if core != spelling:
        forms.append((core, _kind(plain[start:end]), True))
    return [f for f in forms if f[1] != _NOT and _long_enough(f[0])]


def _name_forms(name: str, pseudonym: str) -> list[_Name]:
    found = []
    for spelling, kind, derived in _forms(name):
        plain = _plain(spelling)
        spellings = {
            _ANY: None,
            _CAPITALISED: frozenset({plain, _plain(_nfkc(spelling.upper()))}),
            _EXACT: frozenset({plain}),
        }[kind]
        folded = _SPACE_RUN.sub(" ", _fold(spelling))
        found.append(_Name(folded, spelling, spellings, derived, name, pseudonym))
    return found


class NamesInTexts:
    """Finds the speaker names of an input inside texts, to put their pseudonyms there.

    Texts and names are compared in Unicode NFKC form (so ``José`` written with a combining
    accent is ``José``, and ``Sam_2`` in fullwidth letters is ``Sam_2``), with every
    apostrophe (U+2019 as phones type it, U+2018, U+02BC, U+2032, U+FF07) as ``'`` and any
    run of whitespace, a line break too, as one space (``Mary  Jane``, ``Mary`` and ``Jane``
    on two lines), and each match is put back on the characters of the original text. A name
    is looked for only where it can be told from ordinary words, at least
    :data:`MIN_NAME_CHARS` characters long (:data:`MIN_UNSPACED_NAME_CHARS` with a character
    of :data:`UNSPACED_SCRIPTS`), and as a whole word: a letter, digit, ``_`` or combining
    mark of a spaced script may not touch a name's edge that is one. An edge that is a symbol
    (``(me)``) or a character of an unspaced script (``王小明说``: no spaces between words
    there) needs no boundary.

    - a name with a digit, an ``_``, a space, a capital after its first letter, or two or
      more word parts joined by punctuation (``quiet_fern``, ``Sam2``, ``JuniperMoon``,
      ``Maria G.``, ``quiet-fern``, ``sam.r``, ``x+y``) is found in any letter case;
    - a name in a script without letter case (``محمد``, ``王小明``; Georgian counts as one)
      is found as written: case cannot tell it from a word, and a speaker's name in a text is
      far more likely to be the name;
    - a name that is one capitalised word (``Maria``) is found written so (``Maria``,
      ``MARIA``), never as the lowercase word (``grace`` for ``Grace``);
    - a name with symbols or punctuation before or after its words (``🌸Lily``, ``(me)``) is
      found as written, by the rules above for its words; a plain lowercase word with
      symbols about it (``(me)``) exactly as written. Sentence punctuation alone
      (``sam.``, ``hope!``) does not make a plain word a name. The words without the symbols
      are found too when they are a name by the rules above (``Lily`` for ``🌸Lily``);
    - a name that is one plain lowercase word (``hope``, ``juniper``) is not looked for: it
      cannot be told from the word.

    An Arabic-script name of :data:`MIN_CLITIC_NAME_LETTERS` letters or more is found after
    the proclitics written onto it, too: و "and" or ف "so", then ب "with, by" or ل "for, to"
    (``ومحمد``, ``لأحمد``, ``بفاطمة``, ``وبمحمد``, with short vowels too: ``وَمحمد``); the
    proclitic stays in the text, the name becomes the pseudonym. Not the article ال, which
    a name does not take (``السعيد`` is "the happy one", not ``سعيد``), nor ك "like", whose
    forms are more often other words (``كريم`` for ``ريم``). A word that only looks like a
    proclitic and a name (``لبنان``, "Lebanon", for a speaker ``بنان``) is replaced all the
    same: there is no dictionary of Arabic to tell it from one.

    Where two names start at the same place, the longer is taken. Where several names match
    the same words (``Sam_2`` and ``sam_2``), the one written exactly so wins: a speaker's
    own spelling, then a name's words without its symbols, then a match in another letter
    case; ties go to the first name in code-point order. The search reads each token of a
    text once and compares only the names that start with it.
    """

    def __init__(self, names: Iterable[str], pseudonym: Callable[[str], str | None]) -> None:
        #: a speaker's name as names are grouped (:func:`~carelens.text.name_key`) -> the
        #: name, for a value that is a name whole (:func:`hide_value`); the first name in
        #: code-point order where several group alike
        self.whole: dict[str, str] = {}
        for name in sorted(set(names)):
            if name != UNKNOWN:
                self.whole.setdefault(name_key(name), name)
        #: first token (folded) -> the names that start with it, longest first
        self._by_first: dict[str, list[_Name]] = {}
        #: the same, for the names looked for after an Arabic proclitic too
        self._after_proclitic: dict[str, list[_Name]] = {}
        for name in sorted(set(names), key=lambda n: (-len(n), n)):
            forms = _forms(name) if name != UNKNOWN else []
            replacement = pseudonym(name) if forms else None
            for form in _name_forms(name, replacement) if replacement is not None else ():
                first = _TOKEN.match(form.folded)
                if first is not None:
                    self._by_first.setdefault(first.group(), []).append(form)
                    if form.takes_proclitics:
                        self._after_proclitic.setdefault(first.group(), []).append(form)
        for by_first in (self._by_first, self._after_proclitic):
            for same_start in by_first.values():
                same_start.sort(key=lambda f: (-len(f.folded), f.derived, f.spelling, f.name))
        #: The seeker texts hidden in this run (:func:`anonymize_row`).
        self.seeker_texts = TextCache()

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, pseudonym)`` of every name in ``text``, in order, apart; also
        between Markdown's emphasis marks (``_Maria_``) where the name is not found with
        them."""
        found = self._find(text)
        unmarked = _unmarked(text)
        if unmarked != text:
            found += [
                (start, end, pseudonym)
                for start, end, pseudonym in self._find(unmarked)
                if all(end <= s or start >= e for s, e, _ in found)
            ]
            found.sort()
        return found

    def _find(self, text: str) -> list[tuple[int, int, str]]:
        if not self._by_first:
            return []
        view = _view(text)
        found: list[tuple[int, int, str]] = []
        taken = 0
        for token in _TOKEN.finditer(view.text):
            at = token.start()
            forms = self._by_first.get(token.group())
            if (forms is None and token.group()[0] not in _PROCLITICS) or at < taken:
                continue
            if at and _joins(token.group()[0]) and _joins(view.text[at - 1]):
                continue  # a word that goes on from a mark before it: not a word start
            match = _match(view, text, at, forms) if forms is not None else None
            if match is None and self._after_proclitic:
                at, match = self._proclitic_match(view, text, at)
            if match is not None:
                end, form = match
                found.append((view.original(at), view.original(end), form.pseudonym))
                taken = end
        return found

    def _proclitic_match(
        self, view: _View, text: str, at: int
    ) -> tuple[int, tuple[int, _Name] | None]:
        """Where a name starts after the Arabic proclitics at ``at`` of the view (the
        shortest run of them first), and the view's end offset and the name; (``at``, None)
        when there is none."""
        for name_at in _proclitic_ends(view.text, at):
            first = _TOKEN.match(view.text, name_at)
            forms = self._after_proclitic.get(first.group()) if first is not None else None
            match = _match(view, text, name_at, forms) if forms is not None else None
            if match is not None:
                return name_at, match
        return at, None


#: The letters an Arabic proclitic starts with.
_PROCLITICS = _ARABIC_CONJUNCTIONS | _ARABIC_PREPOSITIONS


def _proclitic_ends(text: str, at: int) -> list[int]:
    """Where each run of Arabic proclitics at ``at`` of ``text`` ends, the shortest first:
    a conjunction (و, ف), a preposition (ب, ل), or the two in that order, each with its
    marks."""
    ends: list[int] = []
    for letters in (_ARABIC_CONJUNCTIONS, _ARABIC_PREPOSITIONS):
        if at < len(text) and text[at] in letters:
            at += 1
            while at < len(text) and text[at] in _ARABIC_MARKS:
                at += 1
            ends.append(at)
    return ends


def _match(view: _View, text: str, at: int, forms: Sequence[_Name]) -> tuple[int, _Name] | None:
    """The view's end offset and the name matched at ``at``, the longest first, and among
    names of one length the best written (see :class:`NamesInTexts`)."""
    start = view.original(at)
    if start < 0:
        return None
    length = -1
    best: list[tuple[tuple[bool, bool], _Name]] = []
    for form in forms:  # longest first
        if best and len(form.folded) < length:
            break
        end = at + len(form.folded)
        if not _fits(view, at, end, form):
            continue
        length = len(form.folded)
        written = _nfkc(text[start : view.original(end)])
        if form.spellings is None or _plain(written) in form.spellings:
            best.append(((written != form.spelling, form.derived), form))
    if not best:
        return None
    return at + length, min(best, key=lambda b: b[0])[1]  # min is stable: the first wins ties


def _fits(view: _View, at: int, end: int, form: _Name) -> bool:
    """Whether ``form`` is at ``at`` in the view, ends on a piece of the text, and is not
    followed by more of a word."""
    if not view.text.startswith(form.folded, at) or view.original(end) < 0:
        return False
    return not (form.bounded_end and end < len(view.text) and _joins(view.text[end]))


def names_in_texts(
    rows: Iterable[ResponseRow], names: Pseudonymizer, more: Iterable[str] = ()
) -> NamesInTexts:
    """The :class:`NamesInTexts` of the helpers and seekers of ``rows``, and of the names
    ``more`` (such as :class:`RejectedNames`)."""
    speakers: set[str] = set(more)
    for row in rows:
        speakers.add(row.helper)
        if row.seeker_speaker is not None:
            speakers.add(row.seeker_speaker)
    return NamesInTexts(speakers, names.pseudonym)


#: The fields of a result record (and of its flat layout) that name a speaker.
SPEAKER_FIELDS: tuple[str, ...] = ("speaker", "seeker_speaker")


class RejectedNames:
    """The speaker names of the records rejected while results are read, to hide them in
    the texts of the records that are shown: pass it as ``on_rejected`` to
    :func:`~carelens.insights.records_from` (or :func:`~carelens.output.read_results`), then
    as ``more_names`` to :meth:`Insights.from_records <carelens.insights.Insights.from_records>`.
    A good record's text may name the helper of a damaged one ("thanks quiet_fern").

    It keeps the ``speaker`` and ``seeker_speaker`` values that are strings with more than
    spaces (a rejected record's other fields, a number or a list there, are not kept);
    iterating gives them in code-point order.
    """

    def __init__(self) -> None:
        self._names: set[str] = set()

    def __call__(self, fields: Mapping[str, object]) -> None:
        for key in SPEAKER_FIELDS:
            value = fields.get(key)
            if isinstance(value, str) and value.strip():
                self._names.add(value)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._names))


#: A replacement in a text: (start, end, new text).
_Replacement = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class Hidden:
    """What hiding personal data and speaker names in a text depends on: the text alone.

    ``redactions`` are the placeholders :func:`~carelens.privacy.redact` puts in, when one
    round of search finds everything (None when replacing exposed more to find: then the
    text is redacted again with each record's spans); ``names`` are the pseudonyms put in
    the redacted text; ``text`` is the result. A record's spans are moved per record
    (:func:`hide_text`): two records with the same text may have different spans.
    """

    redactions: tuple[_Replacement, ...] | None
    names: tuple[_Replacement, ...]
    text: str


def hidden(text: str, in_texts: NamesInTexts | None) -> Hidden:
    """The :class:`Hidden` of ``text``: personal data redacted, then speaker names."""
    found = find_personal(text)
    redactions: tuple[_Replacement, ...] | None = tuple(
        (f.start, f.end, f.placeholder) for f in found
    )
    redacted = replace_with_spans(text, redactions or (), {})[0] if found else text
    if found and find_personal(redacted):  # redact() needs more rounds: redo them per record
        redacted, redactions = redact(text), None
    names = tuple(in_texts.find(redacted)) if in_texts else ()
    out = replace_with_spans(redacted, names, {})[0] if names else redacted
    return Hidden(redactions, names, out)


def hide_text(
    text: str, done: Hidden, groups: Mapping[str, Sequence[Mapping[str, Any]]]
) -> tuple[str, dict[str, tuple[dict[str, Any], ...]]]:
    """``text`` hidden as ``done`` (its :class:`Hidden`) says, and ``groups`` of spans moved
    along, exactly as :func:`~carelens.privacy.redact_with_spans` and
    :func:`~carelens.privacy.replace_with_spans` move them."""
    if not any(groups.values()):
        return done.text, {name: () for name in groups}
    if done.redactions is None:
        out, moved = redact_with_spans(text, groups)
    else:  # one round of replacements moves spans as redact_with_spans' one round does
        out, moved = replace_with_spans(text, done.redactions, groups)
    if done.names:
        out, moved = replace_with_spans(out, done.names, moved)
    return out, moved


class TextCache:
    """The :class:`Hidden` of recently hidden texts, so that a seeker message answered by
    many responses is searched once per run, not once per response (a long message with
    many replies took seconds each). Bounded: at most ``max_texts`` texts and ``max_chars``
    characters (texts and results) are kept, the least recently used dropped first; a
    longer text is not kept."""

    def __init__(self, max_texts: int = 1024, max_chars: int = 1 << 25) -> None:
        self.max_texts = max_texts
        self.max_chars = max_chars
        self._kept: OrderedDict[str, Hidden] = OrderedDict()
        self._chars = 0

    def __len__(self) -> int:
        return len(self._kept)

    def hidden(self, text: str, in_texts: NamesInTexts | None) -> Hidden:
        """:func:`hidden` of ``text``, from the cache when it was hidden before."""
        done = self._kept.get(text)
        if done is not None:
            self._kept.move_to_end(text)
            return done
        done = hidden(text, in_texts)
        size = len(text) + len(done.text)
        if size <= self.max_chars:
            self._kept[text] = done
            self._chars += size
            while len(self._kept) > self.max_texts or self._chars > self.max_chars:
                old, gone = self._kept.popitem(last=False)
                self._chars -= len(old) + len(gone.text)
        return done


def _hide(
    text: str,
    groups: Mapping[str, Sequence[Mapping[str, Any]]],
    in_texts: NamesInTexts | None,
    cache: TextCache | None = None,
) -> tuple[str, dict[str, tuple[dict[str, Any], ...]]]:
    """``text`` redacted and its speaker names replaced, ``groups`` of spans moved along."""
    done = cache.hidden(text, in_texts) if cache is not None else hidden(text, in_texts)
    return hide_text(text, done, groups)


def hide_value(value: str, names: Pseudonymizer, in_texts: NamesInTexts | None) -> str:
    """A value from the data that the pages quote (an unreadable timestamp) with
    ``--anonymize``: the pseudonym of the speaker it names when it is a speaker's name whole
    (compared as names are grouped, so a plain lowercase name such as ``hope`` too), else
    hidden as a text is (personal data redacted, speaker names told from words replaced)."""
    if in_texts is not None:
        name = in_texts.whole.get(name_key(value))
        if name is not None:
            return names.pseudonym(name) or value
    return hidden(value, in_texts).text


def anonymize_row(
    row: ResponseRow, names: Pseudonymizer, in_texts: NamesInTexts | None = None
) -> ResponseRow:
    """``row`` with pseudonymous speakers and redacted texts (spans moved along); with
    ``in_texts``, the speaker names it finds in the texts become their pseudonyms too, and
    in the timestamp it could not read (quoted by the pages, :func:`hide_value`). The
    seeker text is hidden once per distinct text (``in_texts.seeker_texts``): a message is
    the seeker text of every response that answers it."""
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
        cache = in_texts.seeker_texts if in_texts is not None else None
        seeker_text, moved_cues = _hide(seeker_text, {"cues": cues}, in_texts, cache)
        cues = moved_cues["cues"]
    unread = row.unread_timestamp
    if unread is not None:
        unread = hide_value(unread, names, in_texts)
    return replace(
        row,
        helper=helper,
        seeker_speaker=seeker,
        unread_timestamp=unread,
        response_text=response_text,
        seeker_text=seeker_text,
        spans=spans,
        distress_spans=distress_spans,
        unsafe_spans=unsafe_spans,
        crisis_cues=cues,
    )
