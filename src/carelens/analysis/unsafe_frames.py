"""Whose words an unsafe reply's words are: the writer's own urging, or what someone else said.

:mod:`carelens.analysis.unsafe` finds the words; the rules here tell when they are a mention
rather than the writer urging: quotations, words set off by emphasis or code marks, titles and
block quotes (:class:`Quotes`; where the marks stand, and the text with them read as spaces, is
:mod:`carelens.analysis.unsafe_marks`'s to tell) and the items of a list under a report or a
condition (:func:`listed_not_urging`); the sayings around the words they read (reported speech,
a report of the seeker's belief, a speech tag, the writer's own saying) are
:mod:`carelens.analysis.unsafe_sayings`'s. :mod:`~carelens.analysis.unsafe` reads each
of them with the reply's look-alike letters as typed too, so that words that read so only
through them cancel nothing.

What someone else said is not the writer urging: words in quotation marks (or set off by
Markdown's emphasis marks after a report of them, before a verb that makes them its subject,
before a noun for such words or before words, maybe after a dash, that tell who said them: "Some
troll wrote: *kill yourself*.", "someone told me *kys*", "He texted me this. *kys*", "~kys~ is
what they wrote", "*kys* comments are cruel", "*kill yourself*. That's what he told me", "*Kill
yourself* - that's what my bully used to say"; a title, with a part in brackets or each word
capitalized before "by" and who made it: "*Kill Yourself (Part III)* by $uicideboy$"; and words
in code marks, inline or in a fenced code block, always: "The mod bot blocks `kys`", "Use ``kill
yourself`` as the test string", "```" over "kys" over "```"; other emphasis, nested or
mismatched too, is the writer's own, read as spaces: "nobody likes you. *kill yourself*", "you
should **kill yourself**", "honestly just _kys_", "**kill yourself** loser", "***kill
yourself***", "~~*kill yourself*~~", and so is an emphasis mark that none closes, which sets off
nothing: "nobody likes you. *kill yourself"; and words in quotation marks that are a sentence of
their own are read as such marks are: '"kill yourself". that's my answer' is the writer's,
'"Kill yourself." That's what he told me.' someone else's) when the reply holds at least three
words of the writer's own outside every quotation ('I'm so sorry someone told you "kys"',
'nobody deserves to hear "just die"') or a speech tag frames them, however few others the
reply holds ('"Kill yourself," he said.', '"kys," said my brother.', 'He said, "Kill
yourself."'; not the writer's own: '"Kill yourself," I said.' urges), a line of a Markdown
block quote (one that opens with "> ", or ">" alone, as Reddit keeps them in a reply) whose
words the seeker wrote, beside as many ("> I should take the whole bottle" above "Please don't.
Are you safe right now?", when the seeker wrote "I should take the whole bottle"), and reported
speech ("they said kys to you", "when people say kys", "Some troll wrote: kill yourself", "my ex
texted me:"). A report is of someone else's saying, done or habitual: the writer's own saying
("like I said, kys", "Here's what I'd tell you:"), a saying framed as one to be done or heard
now, by an infinitive, a modal or an imperative ("Let me tell you: kill yourself", "I want to
tell you:", "I must say:", "Gotta say: kys", "someone should tell you:", "Here's what you need to
hear: *kill yourself*"), and one the writer asks someone to pass on ("Can you tell him: kys",
"could someone tell her:"; not a reproach: "how could you tell him:") report nothing, and the
words after them urge, in quotation marks too, however many words the reply holds ('like I
said, "kys"', 'I told you, "kys"', 'Can you tell him "kys"', '"Kill yourself," I said. I meant
it.'), but for a negation in the saying's sentence ('I would never say "kys"') or words after
the quotation that make it their subject ('I said "kys" is a slur'); words that no one should
hear are someone else's ("Nobody deserves to hear *just die*"). A block quote of words the seeker
did not write, or read without the seeker message, is the writer's own ("> you should take the
whole bottle" above "yeah do that"), and so is a line an emoticon opens (">:( just kys"). "kys"
alone, 'lol "kys"', "`kys`", "> kys" alone (or with "lol" under it), quotations and little else
('"kys" "kys" "kys" "just die"', "> be you" above "> nobody likes you" above "> just kys") stay
urging (not words in code marks after a label that names such words: "Filter words: ``kill
yourself``, ``kys``", nor a quotation a speech tag frames), and so does a belief others are said
to hold ("they say suicide is the answer, and they're right") and method information, whoever
gave it.

The items of a list that a condition or an urge introduces, which they complete ("If you
feel the urge to:" over "- hurt yourself" and "- take all the pills"), name what to watch for
and urge nothing, and so do those that a report of what someone else said introduces ("My ex
texted me:" over "- kill yourself"); after any other line ("Here's my advice:") they are the
writer's.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from carelens.analysis.unsafe_marks import MARKED, fenced
from carelens.analysis.unsafe_sayings import (
    MARKS_REPORTED,
    REPORTED_SPEECH,
    TAGGED_AFTER,
    heard_in,
    said_before,
    said_by_the_writer,
    told_after,
)
from carelens.disguises import has_masks, unmask
from carelens.text import fold

# A list item: a bullet or a number ("- ", "* ", "\u2022 ", "2) ") before its words, and what
# introduces its list, a line (or the words before the item on its line) ending in ":" with a
# condition or an urge in its last clause that the items complete (its last word needs them:
# "to", "might", "of"...): "If you feel the urge to:" over "- hurt yourself", "Call 988 if you
# feel like you might:" over "* take all the pills", as safety messages list what to watch for.
# Such an item names the act, it does not urge it; after a neutral line ("Here is my advice:"),
# a clause after the condition ("When it gets bad, remember:") or a complete one ("When you
# feel sad:") an item such as "- just kill yourself" does.
_ITEM_MARK = r"[ \t]*(?:\d{1,3}[.)]|[-*\u2022~+])[ \t]+"
_ITEM = re.compile(_ITEM_MARK)
_ITEM_ON_ITS_LINE = re.compile(rf"(?P<intro>[^\n]*:){_ITEM_MARK}")
_CONDITION = re.compile(
    r"\b(?:if|when|whenever|urges?|tempted|might|feel(?:s|ing)?\s+like|thoughts?\s+(?:of|about)"
    r"|think(?:ing)?\s+(?:of|about)|before\s+you)\b",
    re.IGNORECASE,
)
_COMPLETED_BY_ITEMS = re.compile(
    r"\b(?:to|might|may|could|would|like|of|about|you|urges?|tempted)[ \t]*:[ \t]*$",
    re.IGNORECASE,
)
_CLAUSE_ENDS = re.compile(r"[.!?,;]")
#: How far before an item, and into each line above it, its list's introduction is looked for;
#: how many lines above it (items and blank lines) are read.
_INTRO_REACH = 200
_ITEMS_ABOVE = 30


def listed_not_urging(text: str, start: int) -> bool:
    """Whether the words at ``start`` are an item of a list, after its bullet or number
    (:data:`_ITEM_MARK`), that a condition or an urge introduces, or a report of what someone
    else said (:func:`_conditional`)."""
    reach = max(0, start - _INTRO_REACH)
    line_start = text.rfind("\n", reach, start) + 1 or reach
    on_its_line = _ITEM_ON_ITS_LINE.fullmatch(text, line_start, start)
    if on_its_line is not None:
        return _conditional(on_its_line["intro"])
    if _ITEM.fullmatch(text, line_start, start) is None:
        return False
    end = line_start - 1  # the line break before the item's line
    for _ in range(_ITEMS_ABOVE):
        if end < 0:
            return False
        reach = max(0, end - _INTRO_REACH)
        begin = text.rfind("\n", reach, end) + 1 or reach
        line = text[begin:end]
        if line.strip() and _ITEM.match(line) is None:
            return _conditional(line)
        end = begin - 1
    return False


def _conditional(line: str) -> bool:
    """Whether ``line`` ends in a clause with a condition or an urge that the list after it
    completes (:data:`_CONDITION`, :data:`_COMPLETED_BY_ITEMS`): "If you feel the urge to:",
    or in a report of what someone else said, which the list quotes (:data:`REPORTED_SPEECH`:
    "My ex texted me:")."""
    clause = _CLAUSE_ENDS.split(line)[-1]
    if REPORTED_SPEECH.search(clause) is not None:
        return True
    return _COMPLETED_BY_ITEMS.search(clause) is not None and _CONDITION.search(clause) is not None


# Words in quotation marks (straight or curly double quotes, the low-high "\u201e...\u201c" and
# "\u201e...\u201d", guillemets either way round, "\u201d...\u201d", or single quotes that no
# letter touches from outside: "don't" holds none), on one line.
_QUOTED = re.compile(
    r'"[^"\n]{1,200}"|\u201c[^\u201d\n]{1,200}\u201d|\u00ab[^\u00bb\n]{1,200}\u00bb'
    r"|\u201e[^\u201c\u201d\n]{1,200}[\u201c\u201d]|\u00bb[^\u00ab\n]{1,200}\u00ab"
    r"|\u201d[^\u201d\n]{1,200}\u201d"
    r"|(?<!\w)'(?=\S)[^'\n]{1,200}?(?<=\S)'(?!\w)"
)
#: Before words in code marks, a label that names such words and a colon ("Filter words:",
#: "Blocked phrases:", "Test strings:"; not the writer's own "my words:"): the words are a
#: mention however few others the reply holds (:func:`_named_code`). How far back it is
#: looked for.
_NAMES_WORDS = re.compile(
    r"(?<!\bmy\s)(?<!\bour\s)\b(?:words?|phrases?|terms?|strings?|keywords?|filters?)"
    r"[ \t]*+:\s*+$",
    re.IGNORECASE,
)
_LABEL_REACH = 40
#: Between marked words listed together ("e.g. *kys* and *go kill yourself*, are cruel",
#: "(`kys`, `just die`) were vile"): what the words after the last tell is told of each.
_LISTED_WITH = re.compile(r"[ \t]*+(?:(?:,|/|\band\b|\bor\b)[ \t]*+)?")
#: Marked words that are a title: two words or more, each capitalized (not all capitals:
#: "*KILL YOURSELF*" is shouted), with a part in brackets after them (group ``part``: "*Kill
#: Yourself (Part III)*"), or before "by" and who made it ("*Just Die Already* by some band").
_TITLE = re.compile(
    r"[^\w\n]*+(?:[A-Z][a-z'\d]*+[^\w\n(]++){1,10}[A-Z][a-z'\d]*+[^\w\n(]*+"
    r"(?P<part>\([^()\n]*[^\W_][^()\n]*\)[^\w\n]*+)?"
)
#: "by" and who made a work, not a time ("by tonight", "by Friday") nor a means ("by jumping").
_MADE_BY = re.compile(
    r"[ \t]*+,?[ \t]*+by[ \t]++(?!(?:tonight|tomorrow|today|now|then|morning|noon|midnight"
    r"|next|this|the\s+(?:end|weekend|morning|time)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"\b|\w+ing\b)\S",
    re.IGNORECASE,
)


def _reported_marks(text: str) -> list[tuple[int, int]]:
    """The starts and the ends of the marked words of ``text`` (:data:`MARKED`, their marks
    included) that are what someone else said, as the words before or after them tell
    (:data:`MARKS_REPORTED` before them, :func:`told_after`), that are a title (:func:`_title`) or
    that are in code marks, a fenced code block's too (:func:`fenced`); the others are the
    writer's own, emphasised. Read from the last: marked words listed with the next ones
    (:data:`_LISTED_WITH`) are the subject of what that is, so a long list is read once."""
    reported = [(block.start, block.end) for block in fenced(text)]
    found = list(MARKED.finditer(text))
    if not found:
        return reported
    marked = [words.span() for words in found]
    heard = heard_in(text)
    subject = False
    for k in range(len(marked) - 1, -1, -1):
        start, end = marked[k]
        if k + 1 == len(marked) or _LISTED_WITH.fullmatch(text, end, marked[k + 1][0]) is None:
            subject = told_after(text, end)
        if (
            subject
            or found[k]["code"]
            or _title(text, found[k])
            or said_before(MARKS_REPORTED, text, start, heard)
        ):
            reported.append((start, end))
    return sorted(reported)


def _named_code(text: str) -> list[tuple[int, int]]:
    """The starts and the ends of the words in code marks, inline or fenced, that a label
    naming such words introduces (:data:`_NAMES_WORDS`: "Filter words: ``kill yourself``,
    ``kys``"), and of those listed after them (:data:`_LISTED_WITH`)."""
    if "`" not in text:
        return []
    code = sorted(
        [found.span() for found in MARKED.finditer(text) if found["code"]]
        + [(block.start, block.end) for block in fenced(text)]
    )
    named: list[tuple[int, int]] = []
    for k, (start, end) in enumerate(code):
        listed = (
            bool(named)
            and named[-1] == code[k - 1]
            and _LISTED_WITH.fullmatch(text, code[k - 1][1], start) is not None
        )
        reach = max(0, start - _LABEL_REACH)
        if listed or (
            text.rfind(":", reach, start) >= 0
            and _NAMES_WORDS.search(text, reach, start) is not None
        ):
            named.append((start, end))
    return named


def _title(text: str, marked: re.Match[str]) -> bool:
    """Whether the ``marked`` words (:data:`MARKED`) are a title (:data:`_TITLE`): with a
    part in brackets, or before "by" and who made it (:data:`_MADE_BY`)."""
    if marked["open"] is None:
        return False  # code marks
    title = _TITLE.fullmatch(text, marked.end("open"), marked.start("close"))
    return title is not None and (
        title["part"] is not None or _MADE_BY.match(text, marked.end()) is not None
    )


# A quotation that is a sentence of its own opens one (after the start of the text, a line
# break or a mark that ends a sentence, maybe a list mark, looked for this far back) and ends
# one (its words end with such a mark, or one, a line break or the end follows it).
_OPENS_A_SENTENCE = re.compile(
    r"(?:^|[.!?\u2026\n])[ \t]*+(?:(?:\d{1,3}[.)]|[-*\u2022~+])[ \t]++)?$"
)
_SENTENCE_REACH = 40
_ENDS_A_SENTENCE = re.compile(r"[ \t]*+(?:[.!?\u2026\n]|$)")


def _own_sentence(text: str, start: int, end: int) -> bool:
    """Whether the quotation at ``start``-``end`` (its quotation marks included) is a sentence
    of its own ('"kill yourself". that's my answer'), not part of one ('The "just die"
    messages are lies', '"kys" is what they wrote')."""
    if _OPENS_A_SENTENCE.search(text, max(0, start - _SENTENCE_REACH), start) is None:
        return False
    return text[end - 2] in ".!?\u2026" or _ENDS_A_SENTENCE.match(text, end) is not None


# A line of a Markdown block quote: ">" (after up to three spaces; ">>" or "> >" when nested)
# with a space or a tab after it, a letter right after it (">just kys", as Reddit renders a
# quote too), or alone on its line, so that an emoticon opening a line (">:(", ">_<", ">.>")
# opens none. Its words are group ``words``. A line under it without ">" is the writer's own
# (Reddit shows it as a lazy continuation of the quote, but writers mean it as their answer).
# A block quote hides words only when the seeker wrote them (:class:`Quotes`).
BLOCK_QUOTE_LINE = re.compile(
    r"^[ \t]{0,3}>(?:[ \t]*>)*(?:[ \t]|(?=[^\W\d_]))(?P<words>[^\n]*+)$"
    r"|^[ \t]{0,3}>(?:[ \t]*>)*$",
    re.MULTILINE,
)


#: Words of the writer's own (outside every quotation) a reply needs for its quotations to
#: be mentions (:class:`Quotes`).
_WORDS_BESIDE_A_MENTION = 3
_WORD = re.compile(r"\w+")


def _words(text: str) -> str:
    """The words of ``text``, lower-cased, each between single spaces (" i should take "), so
    that one run of words occurs in another as a substring, whatever the case, spacing and
    punctuation between them."""
    return " " + " ".join(_WORD.findall(text.lower())) + " "


class Quotes:
    """The quotations of a reply, found once, when first asked about: words in quotation
    marks, and the lines of a Markdown block quote whose words the seeker wrote (``seeker``,
    folded as the reply is, with its look-alike letters as typed where ``look_alikes`` is
    False; without it a block quote is the writer's own, as ">" in "> kys" may be no quotation
    at all). They are what someone else said, named ('nobody deserves to hear "kys"', "> I
    should take the whole bottle" over "Please don't. Are you safe?"), not urged, when the
    reply holds at least three words of the writer's own outside every one of them; a reply
    that is quotations and little else ('"kys"', 'honestly "kys"', 'lol "kys" fr', "> kys",
    '"kys" "kys" "kys" "just die"', "> be you" over "> nobody likes you" over "> just kys") is
    urging all the same, but for the quoted or marked words a speech tag frames
    (:func:`_speech_tagged`: '"Kill yourself," he said.') and words in code marks that a label
    naming such words introduces (:func:`_named_code`: "Filter words: ``kys``"). Words in
    quotation marks that are a sentence of their own (:func:`_own_sentence`: '"kill
    yourself". that's my answer') are read as marked words are: the writer's own, quoted for
    emphasis, unless a report before them or words after them tell that someone else said
    them ('Some troll wrote:\n"kill yourself"', '"Kill yourself." That's what he told me.').
    Words in quotation marks that the writer's own saying frames are no quotation at all
    (:func:`~carelens.analysis.unsafe_sayings.said_by_the_writer`: 'like I said, "kys"',
    '"Kill yourself," I said.'): the writer urges them again."""

    def __init__(self, text: str, seeker: str | None = None, *, look_alikes: bool = True) -> None:
        self.text = text
        self.seeker = seeker
        self.look_alikes = look_alikes
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def hold(self, start: int, end: int) -> bool:
        """Whether ``start``-``end`` lies inside one of the quotations."""
        if self._starts is None:
            self._starts, self._ends = self._find()
        k = bisect_left(self._starts, start) - 1  # the last quotation opening before it
        return k >= 0 and end < self._ends[k]

    def _find(self) -> tuple[list[int], list[int]]:
        """The starts and the ends of the quotations, in order (when the reply holds fewer
        than three words of the writer's own, only the quoted or marked words that a speech
        tag frames, :func:`_speech_tagged`, and words in code marks that a label names:
        :func:`_named_code`)."""
        quoted = self._quoted() + _reported_marks(self.text)
        quotations = list(quoted)
        if self.seeker is not None and ">" in self.text:
            seeker = fold(self.seeker, look_alikes=self.look_alikes).text
            said = _words(seeker)
            if has_masks(seeker):  # as the reply may be read: "k-i-l-l" as "kill"
                said += _words(unmask(seeker).text)
            # A line's words may end at its end: one past it holds them.
            quotations += [
                (line.start(), line.end() + 1)
                for line in BLOCK_QUOTE_LINE.finditer(self.text)
                if line["words"] and (words := _words(line["words"])).strip() and words in said
            ]
        starts, ends = _joined(quotations)
        # The writer's own words are those outside every quotation: a quotation's neighbours
        # are no words of the writer's.
        own = 0
        for pos, endpos in zip([0, *ends], [*starts, len(self.text)], strict=True):
            own += sum(1 for _ in _WORD.finditer(self.text, pos, max(pos, endpos)))
            if own >= _WORDS_BESIDE_A_MENTION:
                return starts, ends
        heard = heard_in(self.text)
        tagged = [q for q in quoted if _speech_tagged(self.text, *q, heard)]
        return _joined(tagged + _named_code(self.text))

    def _quoted(self) -> list[tuple[int, int]]:
        """The words in quotation marks that are someone else's: all but the writer's own
        saying (:func:`said_by_the_writer`) and those that are a sentence of their own and
        that no words before or after them tell someone said."""
        quoted: list[tuple[int, int]] = []
        heard: list[int] | None = None
        for found in _QUOTED.finditer(self.text):
            start, end = found.span()
            heard = heard_in(self.text) if heard is None else heard
            if said_by_the_writer(self.text, start, end, heard):
                continue  # the writer's urging, as it would be without the quotation marks
            if _own_sentence(self.text, start, end) and not (
                told_after(self.text, end) or said_before(MARKS_REPORTED, self.text, start, heard)
            ):
                continue  # the writer's own, quoted for emphasis
            quoted.append((start, end))
        return quoted


def _speech_tagged(text: str, start: int, end: int, heard: list[int]) -> bool:
    """Whether a speech tag frames the quoted or marked words at ``start``-``end`` (their marks
    included): one after them (:data:`TAGGED_AFTER`: '"Kill yourself," he said.', '"Kill
    yourself," said my brother.') or a report of someone else's saying right before them
    (:data:`REPORTED_SPEECH`: 'He said, "Kill yourself."'). Such words are someone else's
    however few others the reply holds; the writer's own saying frames nothing ('"Kill
    yourself," I said.', 'I said, "Kill yourself."': the writer says the words again).
    ``heard`` is where the text's report verbs end (:func:`heard_in`): where none ends near
    before the words, no report is looked for."""
    return TAGGED_AFTER.match(text, end) is not None or said_before(
        REPORTED_SPEECH, text, start, heard
    )


def _joined(quotations: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The starts and the ends of ``quotations``, in order, joined where they overlap or meet
    (quotation marks inside a block quote, the lines of one), so that the last one opening
    before a match is the one that may hold it."""
    starts: list[int] = []
    ends: list[int] = []
    for q_start, q_end in sorted(quotations):
        if ends and q_start <= ends[-1]:
            ends[-1] = max(ends[-1], q_end)
        else:
            starts.append(q_start)
            ends.append(q_end)
    return starts, ends
