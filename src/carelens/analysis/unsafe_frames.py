"""Whose words an unsafe reply's words are: the writer's own urging, or what someone else said.

:mod:`carelens.analysis.unsafe` finds the words; the rules here tell when they are a mention
rather than the writer urging: reported speech (:data:`REPORTED_SPEECH`), a report of the
seeker's belief (:data:`REPORTED_BEFORE`), quotations, words set off by emphasis or code marks,
titles and block quotes (:class:`Quotes`; where the marks stand, and the text with them read as
spaces, is :mod:`carelens.analysis.unsafe_marks`'s to tell) and the items of a list under a
report or a condition (:func:`listed_not_urging`). :mod:`~carelens.analysis.unsafe` reads each
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
("like I said, kys", "Here's what I'd tell you:") and a saying framed as one to be done or heard
now, by an infinitive, a modal or an imperative ("Let me tell you: kill yourself", "I want to
tell you:", "I must say:", "Gotta say: kys", "someone should tell you:", "Here's what you need to
hear: *kill yourself*") report nothing, and the words after them urge; words that no one should
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


# A report of what the seeker believes, feels or was told (not what the writer or "people"
# say), before a belief (``_URGING_BELIEFS`` of :mod:`carelens.analysis.unsafe`): "it sounds
# like you believe suicide is the only way out", "you feel like the world would be better
# without you", "who told you the world would be better without you?". Imperatives stay urging
# after it ("you heard me, just die").
_REPORTER = r"(?:you|you'?re|you\s+are|you'?ve|you\s+have|who)"
_REPORTING = (
    r"(?:believ|think|thought|feel|felt|say|said|tell|told|hear|heard|convinc|wonder|worr|fear"
    r"|imagin|assum|decid|conclud|sure)\w*"
)
REPORTED_BEFORE = re.compile(
    rf"\b{_REPORTER}\s+(?:[\w']+\s+){{0,2}}?{_REPORTING}(?:\s+[\w']+){{0,3}}\s*$",
    re.IGNORECASE,
)

# What someone else said, reported by the writer: "someone told you kys", "they said kys to
# you", "the kids at school wrote just die", "my ex texted me:", "people say". The speaker is not
# the writer ("I said kys", "I have told you, just die" stay urging, and so does "here's what
# I'd tell you:" with the writer between a word and the verb), and the auxiliaries and adverbs
# that may stand before the verb are no speaker either. Nor is a saying framed as the writer's
# own, to be said or heard now (:data:`_FRAMING`): "let me tell you:", "I want to tell you:",
# "I must say:", "gotta say:", "someone should tell you:", "you need to hear:" urge what follows.
_WRITER = r"i|i'm|i've|i'd|i'll|im|we|we've|we'd|we'll"
_AUXILIARIES = (
    r"have|has|had|would|will|just|even|actually|literally|really|once|always|keep|keeps|kept"
    r"|ever|then|also|and|so|never|still|used\s+to|use\s+to"
)
#: Words right before a verb of saying or hearing that make it no report of someone else's
#: words: an infinitive ("want to tell you", "need to hear"), the writer as its object ("let me
#: tell you", "lemme"), a modal ("must", "should", "can", "gotta", "gonna") or an imperative
#: ("please tell him", "go tell them").
_FRAMING = (
    r"to|me|us|let|lets|let's|lemme|gotta|gonna|wanna|hafta|must|should|shall|can|cannot|could"
    r"|may|might|please|pls|plz|go"
)
_NOT_SPEAKERS = rf"{_WRITER}|{_AUXILIARIES}|{_FRAMING}"
#: A word that may be who said something (:data:`_NOT_SPEAKERS` are not).
_SPEAKER = rf"(?!(?:{_NOT_SPEAKERS})\b)[\w']+"
_SAYING = (
    r"(?:told|tell|tells|telling|said|say|says|saying|wrote|write|writes|writing|texted|texts"
    r"|messaged|commented|posted|called|yelled|shouted|screamed|typed|replied|sent)"
)


def _reported_with(verbs: str, *, unheard: str = "") -> re.Pattern[str]:
    """What someone else said, reported with one of ``verbs`` right before it: its speaker
    (:data:`_SPEAKER`), the verb, maybe whom it was said to ("me", "you") or where ("on my
    post"), "this", "that" or "like", and a colon, a comma or a quotation mark ("My ex texted
    me:", "Your ex said,", "Someone commented on my post:", "they said kys"), or a full stop
    after "this" ("He texted me this."). With ``unheard``, the verbs may also follow "nobody"
    or "no one" and a few words of a clause ("Nobody deserves to hear", "no one should have to
    read"): words that no one should hear are someone else's."""
    speaker = rf"(?<![\w']){_SPEAKER}\s+(?:(?:{_AUXILIARIES})\s+){{0,3}}"
    if unheard:
        speaker = (
            rf"(?:{speaker}|\b(?:nobody|no\s*one|no-one)\b(?:\s+[\w']+){{0,3}}?\s+"
            rf"(?:to\s+)?(?={unheard}))"
        )
    return re.compile(
        rf"{speaker}{verbs}"
        r"(?:\s+(?:you|u|ya|me|him|her|them|us|it))?"
        r"(?:\s+(?:on|in|under|to)\s+(?:my|your|ur|his|her|their|the|a|an)\s+[\w']+)?"
        r"(?:\s+(?:this|these)(?:\s*\.)?)?(?:\s+(?:that|like))?\s*[:,]?"
        r"\s*[\"'\u201c\u201d\u00ab]?\s*$",
        re.IGNORECASE,
    )


REPORTED_SPEECH = _reported_with(_SAYING)
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
# Marked words someone else said: after a report of them (:func:`_reported_with`, with verbs
# of hearing and reading too: "Some troll wrote: *kill yourself*", "someone told me *kys*",
# "nobody deserves to hear *just die*"; not "you need to hear *kys*"), or before a verb that
# makes them its subject ("~kys~ is what they wrote", "*kill yourself* is a cruel thing to
# read"), maybe after other marked words listed with them ("e.g. *kys* and *go kill
# yourself*, are cruel", "(`kys`, `just die`) were vile"), before a noun for such words
# (:data:`_KIND_OF_WORDS`: "*kys* comments"), or before words that tell who said them
# (:data:`_SAID_AFTER`: "*kill yourself*. That's what he told me"); not before the writer's
# own claim ("**kill yourself** is my advice"). A title is a mention too (:func:`_title`).
_HEARD = rf"(?:{_SAYING}|hear|hears|heard|hearing|read|reads|reading)"
_MARKS_REPORTED = _reported_with(_HEARD, unheard=_HEARD)
#: What a report before marked words (:data:`_MARKS_REPORTED`) holds, found once in the whole
#: text: where none ends near the words, there is no report. How far before the words it is
#: looked for.
_HEARD_WORD = re.compile(rf"\b{_HEARD}\b", re.IGNORECASE)
_REPORT_REACH = 120
_LISTED_WITH = re.compile(r"[ \t]*+(?:(?:,|/|\band\b|\bor\b)[ \t]*+)?")
_SUBJECT_OF = re.compile(
    r"[ \t]*+[,)\]]?[ \t]*+(?:is|was|are|were|isn't|wasn't|aren't|weren't|means|meant)\b"
    r"(?![ \t]+(?:my|our)\b)",
    re.IGNORECASE,
)
#: After marked words, a noun that makes them the kind of words someone else writes ("*kys*
#: comments are cruel", "`kys` messages").
_KIND_OF_WORDS = re.compile(
    r"[ \t]*+(?:comments?|messages?|repl(?:y|ies)|posts?|texts?|dms?|tweets?|e-?mails?|words"
    r"|phrases?|spam)\b",
    re.IGNORECASE,
)
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
# A speech tag after quoted or marked words, then the end of its clause: who said them before a
# verb of saying ("he said.", "my ex texted me.", "Tom wrote,") or after one of the verbs that
# open an inverted tag ("said he.", "said my brother.", "wrote Tom"): "he", "she" or "they", a
# possessive, "the" or "some" and a word or two, or a capitalized name. Not the writer ("I
# said.", "said I"), not a verb before a word that is no speaker ("said it before", "said
# that."), and not the writer's own "enough said", "nuff said" or "well said".
_SAID_BY = (
    r"(?:said|says|wrote|writes|texted|texts|messaged|commented|posted|yelled|shouted|screamed"
    r"|typed|replied)"
)
_INVERTED_SPEAKER = (
    r"(?:he|she|they|(?:my|his|her|their|your|ur|the|some)\s+[\w']+(?:\s+[\w']+)?"
    rf"|(?=(?-i:[A-Z])){_SPEAKER}(?:\s+(?-i:[A-Z])[\w']*)?)"
)
_SPEECH_TAG = (
    r"(?:(?!(?:enough|nuff|'nuff|well|all|nothing)\s+said\b)"
    rf"{_SPEAKER}(?:\s+{_SPEAKER})?\s+(?:(?:{_AUXILIARIES})\s+){{0,3}}{_SAYING}"
    r"(?:\s+(?:to\s+)?(?:you|u|me|him|her|them|us))?"
    rf"|{_SAID_BY}\s+{_INVERTED_SPEAKER})[ \t]*+(?:[.!?,\n]|$)"
)
# After quoted or marked words (maybe after a dash), words that tell someone else said them: a
# sentence that says so ("That's what he told me", "Is that what they wrote?", "that's what my
# bully used to say", "what a horrible thing to write"), that calls them words or a comment
# ("Those words hurt", "That comment was cruel") or words nobody should hear ("No one deserves
# to hear that"), or a speech tag (:data:`_SPEECH_TAG`); not where the writer said them
# ("That's what I'd tell you", "I said.", "that's what someone should tell you") and not the
# writer's own claim ("that's my answer", "nobody would hear you anyway").
_AFTER_THE_WORDS = r"\s*+[.!?,\u2026\-\u2013\u2014]*+\s*+"
_SAID_AFTER = re.compile(
    rf"{_AFTER_THE_WORDS}(?:"
    r"(?:(?:that|this|which|it)(?:'s|\s+is|\s+was)|those\s+were|(?:is|was)\s+(?:that|this))"
    rf"\s+(?:exactly\s+|just\s+)?(?:what|how)\s+(?!(?:{_WRITER})\b)[\w']+"
    rf"(?:\s+{_SPEAKER}){{0,3}}?\s+(?:(?:{_AUXILIARIES})\s+){{0,3}}{_SAYING}\b"
    r"|(?:those|these|that|this|such)\s+(?:words?|comments?|messages?|repl(?:y|ies)|texts?"
    r"|posts?)\b"
    r"|(?:what|such)\s+an?\s+(?:[\w']+\s+){0,2}thing\s+to\s+(?:say|write|tell|text|hear|read)\b"
    r"|(?:nobody|no\s*one|no-one)\s+(?:[\w']+\s+){0,3}(?:hear|read|be\s+told|get\s+told)"
    r"\s+(?:that|this|those|these|it|such)\b"
    rf"|{_SPEECH_TAG})",
    re.IGNORECASE,
)
#: A speech tag right after quoted or marked words (:data:`_SPEECH_TAG`), maybe after a comma
#: or a mark that ends a sentence: '"Kill yourself," he said.', '"Kill yourself." he said.'
_TAGGED_AFTER = re.compile(rf"{_AFTER_THE_WORDS}{_SPEECH_TAG}", re.IGNORECASE)


def _heard_in(text: str) -> list[int]:
    """Where each report verb of ``text`` (:data:`_HEARD_WORD`) ends, in order."""
    return [found.end() for found in _HEARD_WORD.finditer(text)]


def _reported_before(text: str, start: int, heard: list[int]) -> bool:
    """Whether a report of someone else's words (:data:`_MARKS_REPORTED`) ends right before
    ``start``; ``heard`` is where the text's report verbs end (:func:`_heard_in`)."""
    reach = max(0, start - _REPORT_REACH)
    verb = bisect_left(heard, reach)  # the first report verb ending in reach
    return (
        verb < len(heard)
        and heard[verb] <= start
        and _MARKS_REPORTED.search(text, reach, start) is not None
    )


def _told_after(text: str, end: int) -> bool:
    """Whether the words after ``end`` make what ends there their subject
    (:data:`_SUBJECT_OF`), the kind of words someone writes (:data:`_KIND_OF_WORDS`), or tell
    who said it (:data:`_SAID_AFTER`)."""
    return (
        _SUBJECT_OF.match(text, end) is not None
        or _KIND_OF_WORDS.match(text, end) is not None
        or _SAID_AFTER.match(text, end) is not None
    )


def _reported_marks(text: str) -> list[tuple[int, int]]:
    """The starts and the ends of the marked words of ``text`` (:data:`MARKED`, their marks
    included) that are what someone else said, as the words before or after them tell
    (:func:`_reported_before`, :func:`_told_after`), that are a title (:func:`_title`) or
    that are in code marks, a fenced code block's too (:func:`fenced`); the others are the
    writer's own, emphasised. Read from the last: marked words listed with the next ones
    (:data:`_LISTED_WITH`) are the subject of what that is, so a long list is read once."""
    reported = [(block.start, block.end) for block in fenced(text)]
    found = list(MARKED.finditer(text))
    if not found:
        return reported
    marked = [words.span() for words in found]
    heard = _heard_in(text)
    subject = False
    for k in range(len(marked) - 1, -1, -1):
        start, end = marked[k]
        if k + 1 == len(marked) or _LISTED_WITH.fullmatch(text, end, marked[k + 1][0]) is None:
            subject = _told_after(text, end)
        if (
            subject
            or found[k]["code"]
            or _title(text, found[k])
            or _reported_before(text, start, heard)
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
_BLOCK_QUOTE_LINE = re.compile(
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
    them ('Some troll wrote:\n"kill yourself"', '"Kill yourself." That's what he told me.')."""

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
                for line in _BLOCK_QUOTE_LINE.finditer(self.text)
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
        heard = _heard_in(self.text)
        tagged = [q for q in quoted if _speech_tagged(self.text, *q, heard)]
        return _joined(tagged + _named_code(self.text))

    def _quoted(self) -> list[tuple[int, int]]:
        """The words in quotation marks that are someone else's: all but those that are a
        sentence of their own and that no words before or after them tell someone said."""
        quoted: list[tuple[int, int]] = []
        heard: list[int] | None = None
        for found in _QUOTED.finditer(self.text):
            start, end = found.span()
            if _own_sentence(self.text, start, end):
                heard = _heard_in(self.text) if heard is None else heard
                if not (_told_after(self.text, end) or _reported_before(self.text, start, heard)):
                    continue  # the writer's own, quoted for emphasis
            quoted.append((start, end))
        return quoted


def _speech_tagged(text: str, start: int, end: int, heard: list[int]) -> bool:
    """Whether a speech tag frames the quoted or marked words at ``start``-``end`` (their marks
    included): one after them (:data:`_TAGGED_AFTER`: '"Kill yourself," he said.', '"Kill
    yourself," said my brother.') or a report of someone else's saying right before them
    (:data:`REPORTED_SPEECH`: 'He said, "Kill yourself."'). Such words are someone else's
    however few others the reply holds; the writer's own saying frames nothing ('"Kill
    yourself," I said.', 'I said, "Kill yourself."': the writer says the words again).
    ``heard`` is where the text's report verbs end (:func:`_heard_in`): where none ends near
    before the words, no report is looked for."""
    if _TAGGED_AFTER.match(text, end) is not None:
        return True
    reach = max(0, start - _REPORT_REACH)
    verb = bisect_left(heard, reach)  # the first report verb ending in reach
    return (
        verb < len(heard)
        and heard[verb] <= start
        and REPORTED_SPEECH.search(text, reach, start) is not None
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
