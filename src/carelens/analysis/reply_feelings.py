"""The feelings a helper's reply gives the seeker: new to their message, or said back to them.

:func:`read_reply` reads a reply as :func:`carelens.analysis.feelings.read_feelings` reads a
message, its writer ("I") being the helper, with the affect words of a reply too
(:data:`~carelens.analysis.feeling_words.AFFECT_WORDS`: "that sounds exhausting"), for a
feeling word it gives the seeker. One their message holds in no word of its family
(:func:`feeling_family`: "the shame" echoes "I'm ashamed") is named (:func:`named_feeling`);
one it holds is said back to them when the reply gives it to them ("You feel alone since the
divorce", "It sounds like you're exhausted"), while in a clause of "sorry" ("sorry you're
this tired") it is sympathy. A word the reply denies ("you're not alone"), one telling what
happened ("sorry you lost your job"), the helper's own feeling ("I'm so sad to hear") or
someone else's ("he must be angry"), one inside advice ("you should talk to someone when you
feel lonely"), a remark of sympathy on what they told ("That's so sad", "How sad", "What a
sad day", and any not given them in outrage on their behalf: "How typical of them to leave
you alone with this": :mod:`carelens.analysis.reply_remarks`), one they had ("You were
happy before you met him") and one the reply holds against them ("you get annoyed too
easily", "You're angry? You have no right to be": :mod:`carelens.analysis.reply_judging`)
give no feeling of theirs; nor does an affect word the reply does not give them ("Happy to help").
:func:`reply_reading` also gives the clause that holds a feeling against them by words after
it ("you get annoyed too easily", "you're just bitter because you're single"), which
:mod:`carelens.analysis.feedback` quotes as judging; it builds its sentences on these.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from carelens.analysis.feeling_words import AFFECT_WORDS, FEELING_WORDS
from carelens.analysis.feelings import Feeling, read_feelings
from carelens.analysis.reply_judging import HELD_AGAINST, as_said, blames, judged
from carelens.analysis.reply_remarks import CLAUSE_END, is_remark, reactions, remark_given
from carelens.analysis.reply_remarks import clause_head as _head
from carelens.analysis.words import SENTENCE, WORD, plain, sentence_parts

#: Words that name one feeling: a reply that names one where the seeker wrote another echoes
#: their feeling ("the shame" to "I'm ashamed", "you're depressed" to "my depression").
_SAME_FEELING = {
    "shame": "ashamed", "grieving": "grief", "panicky": "panicked", "lonely": "alone",
    "loneliness": "alone", "depression": "depressed", "anxiety": "anxious", "sadness": "sad",
    "anger": "angry", "fear": "afraid", "scary": "scared", "stress": "stressed",
    "exhaustion": "exhausted", "guilt": "guilty", "panic": "panicked", "worry": "worried",
    "hopelessness": "hopeless", "helplessness": "helpless", "emptiness": "empty",
    "frustration": "frustrated", "embarrassment": "embarrassed", "despair": "desperate",
    "jealousy": "jealous", "regretful": "regret", "hurting": "hurt", "painful": "pain",
    "overwhelming": "overwhelmed", "rejection": "rejected", "abandonment": "abandoned",
    "humiliation": "humiliated", "isolation": "isolated", "disappointment": "disappointed",
    "confusion": "confused", "insecurity": "insecure", "resentment": "resentful",
    "worthlessness": "worthless", "uselessness": "useless", "numbness": "numb",
    "exhausting": "exhausted", "terrifying": "terrified", "frightening": "scared",
    "frightened": "scared", "frustrating": "frustrated", "humiliating": "humiliated",
    "heartbreaking": "heartbroken", "depressing": "depressed", "disappointing": "disappointed",
    "embarrassing": "embarrassed", "devastating": "devastated", "confusing": "confused",
    "isolating": "isolated", "upsetting": "upset", "distressing": "distressed",
    "discouraging": "discouraged", "draining": "drained", "stressful": "stressed",
    "hurtful": "hurt", "shocking": "shocked", "unsettling": "unsettled",
}  # fmt: skip
#: The words read as feelings in a reply.
_REPLY_WORDS = FEELING_WORDS | AFFECT_WORDS


def feeling_family(word: str) -> str:
    """``word`` as it is compared for an echo: plain, and the feeling it names
    (:data:`_SAME_FEELING`: "shame" -> "ashamed")."""
    folded = plain(word)
    return _SAME_FEELING.get(folded, folded)


def named_feeling(response: str, seeker: str) -> str | None:
    """The first feeling word (of :data:`~carelens.analysis.feeling_words.FEELING_WORDS` or
    :data:`~carelens.analysis.feeling_words.AFFECT_WORDS`) the reply gives the seeker that the
    seeker's message does not hold in any use, as spelt in the reply; None when there is none.
    A word the reply denies ("you're not alone"), a verb telling what happened ("sorry you
    lost your job"), the helper's own feeling ("I'm so sad to hear"), someone else's ("he
    must be angry"), one inside advice ("play with things you are scared to do", "you
    should talk to someone when you feel lonely") and a remark of sympathy on what they told
    ("That's so sad", "How sad", "What a sad day":
    :func:`carelens.analysis.reply_remarks.is_remark`) name no feeling of theirs."""
    found = named_in_reply(response, seeker)
    return found.match.group(0) if found is not None else None


def named_in_reply(response: str, seeker: str) -> Feeling | None:
    """:func:`named_feeling`, as read (:func:`read_reply`)."""
    return read_reply(response, seeker).named


class ReplyFeelings(NamedTuple):
    """The feelings a reply gives the seeker (:func:`read_reply`): the first their message
    does not hold (``named``) and the first it holds that the reply says back to them
    (``reflected``: "You feel alone since the divorce"); None where there is none."""

    named: Feeling | None
    reflected: Feeling | None


class ReplyReading(NamedTuple):
    """:class:`ReplyFeelings` and ``held``: the start and end of the first clause that holds
    a feeling against the seeker by words after it
    (:data:`carelens.analysis.reply_judging.HELD_AGAINST`: "you're lonely because you push
    everyone away", "you get annoyed too easily"), None without one (:func:`reply_reading`)."""

    named: Feeling | None
    reflected: Feeling | None
    held: tuple[int, int] | None


def read_reply(response: str, seeker: str) -> ReplyFeelings:
    """The feelings ``response`` gives the seeker (:class:`ReplyFeelings`); in a reply the
    writer ("I", holder "seeker") is the helper. A feeling the seeker's message holds in any
    word of its family (:data:`_SAME_FEELING`) is an echo, not named; an echo is said back
    to them when the reply gives it to them (:func:`_given`: "you feel", "you're", "it
    sounds", "must", "I can imagine how") outside a clause of "sorry" ("Sorry you're this
    exhausted" is sympathy). An affect word
    (:data:`~carelens.analysis.feeling_words.AFFECT_WORDS`) counts only when given to them so
    ("That sounds exhausting", not "Happy to help"). No feeling counts after "you were"
    (:data:`_PAST`), nor one the reply holds against them
    (:func:`carelens.analysis.reply_judging.judged`: "You're just bitter because she dumped
    you"), nor any in a reply that blames them (:func:`~carelens.analysis.reply_judging.blames`:
    "that's your problem")."""
    named, reflected, _ = reply_reading(response, seeker)
    return ReplyFeelings(named, reflected)


def reply_reading(response: str, seeker: str) -> ReplyReading:
    """:func:`read_reply`, with the clause that holds a feeling against them
    (:class:`ReplyReading`), read once."""
    # "I think the shame...": the helper's "I" frames what follows, whose feeling it is not.
    framed = _FRAMING.sub(lambda m: re.sub(r"\S", "x", m.group(0)), response)
    candidates = [
        feeling
        for feeling in read_feelings(framed, _REPLY_WORDS)
        if feeling.use == "theirs" and feeling.holder != "seeker" and feeling.address is None
    ]
    if not candidates or blames(response):
        # most replies: the seeker's words and the advice need no reading; a reply that
        # blames them ("You have no right to be angry") gives no feeling as understanding
        return ReplyReading(None, None, None)
    said = {feeling_family(word) for word in WORD.findall(seeker)}
    seeker_text = as_said(seeker)
    instructions = _instructions(response)
    starts = [start for start, _ in instructions]
    remarked: tuple[tuple[int, int], ...] | None = None  # read when a feeling needs it
    named: Feeling | None = None
    reflected: Feeling | None = None
    held: tuple[int, int] | None = None
    for feeling in candidates:
        word = feeling.match.group(0)
        echo = feeling_family(word) in said
        done = (reflected if echo else named) is not None
        if done and held is not None:
            continue  # found already: a later word of its kind changes nothing
        at = feeling.match.start()
        i = bisect_left(starts, at + 1) - 1  # the last instruction starting at or before it
        if (i >= 0 and at < instructions[i][1]) or is_remark(framed, feeling.match):
            continue
        if not _given(framed, feeling.match):
            if remarked is None:
                remarked = reactions(framed)  # remarks, outrage on their behalf: read once
            if any(s <= at < e for s, e in remarked):
                continue  # "How typical of them to leave you alone with this": sympathy
        head = _head(framed, feeling.match)
        if _PAST.search(head):
            continue  # "you were so happy with him": not theirs now
        judgment = judged(framed, at, feeling.match.end(), head, seeker_text)
        if judgment is not None:
            # "you get annoyed too easily": held against them
            # (:mod:`carelens.analysis.reply_judging`), not understood
            if judgment == HELD_AGAINST and held is None:
                held = _clause(framed, at - len(head), feeling.match.end())
            continue
        if done:
            continue
        given = _given(framed, feeling.match)
        if word.lower() not in FEELING_WORDS and not given:
            continue  # "Happy to help", "such a scary time": no feeling given to them
        if not echo:
            named = feeling
        elif given and not _sorry(framed, feeling.match):
            reflected = feeling
    return ReplyReading(named, reflected, held)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` from ``start`` (its first word) on past ``end``, to the mark
    that ends it."""
    while start < end and text[start].isspace():
        start += 1
    stop = CLAUSE_END.search(text, end)
    return start, stop.start() if stop is not None else len(text.rstrip())


#: Words that may stand between a frame that gives a feeling (:data:`_FRAME`) and the
#: feeling ("you must feel so very lonely", "that sounds really exhausting", "you feel like a
#: failure").
_BETWEEN = (
    r"(?:(?:so|very|really|pretty|quite|just|kinda|kind\s+of|sort\s+of|a\s+bit|a\s+little"
    r"|extremely|incredibly|totally|completely|utterly|absolutely|understandably|still|also"
    r"|too|deeply|truly|super|rather|terribly|awfully|more|less|most|even|like|a|an|such)\s+)*"
)
#: What gives the feeling word right after it to the seeker, at the end of the part of its
#: clause before it (:func:`_head`), words of :data:`_BETWEEN` and one feeling before an
#: "and" or "or" between: "you feel", "you're", "you must be", "it sounds", "that seems",
#: "that must feel", "that's gotta be", "it must make you" ("You feel alone since the
#: divorce", "It sounds like you're exhausted", "That sounds exhausting and scary"). A "you"
#: a modal goes with is no feeling of theirs now ("you'll be so happy", "you can be sad"),
#: nor is one after "make you" with nothing that says it must ("things that make you
#: happy"), one they were ("you were so happy with him"), nor what they look like to the
#: helper ("You look happy in all your pictures").
_FRAME = re.compile(
    r"(?:\b(?:you|u)\s+(?:(?:must|may|might|probably|still|really|also|often|always)\s+)*"
    r"(?:(?:have\s+)?been(?:\s+feeling)?|are(?:\s+(?:feeling|getting))?"
    r"|be(?:\s+feeling)?|feel|feels|felt|feeling|seem|seemed|sound|sounded|get|got)"
    r"|\b(?:you['\u2019]re|youre|you['\u2019]ve\s+been)(?:\s+(?:feeling|getting))?"
    r"|\b(?:sounds?|sounded|seems?|seemed)"
    r"|\b(?:must|gotta|got\s+to|has\s+to)\s+(?:be|feel|have\s+been|have\s+felt)"
    r"|\bmust\s+(?:have\s+)?(?:make|made|left|leave)\s+(?:you|u)(?:\s+feel(?:ing)?)?)"
    r"\s+" + _BETWEEN + r"(?:[\w'\u2019]+\s+(?:and|or)\s+" + _BETWEEN + r")?$",
    re.IGNORECASE,
)
#: A feeling after "you were" is one they had, not one they have now ("You were happy before
#: you met him", "you were feeling so lonely back then"); "you must have been" still gives it.
_PAST = re.compile(
    r"\b(?:you|u)\s+(?:(?:really|also|always|still|just|all)\s+)*were(?:\s+feeling)?\s+"
    + _BETWEEN
    + r"$",
    re.IGNORECASE,
)
#: Words that make a feeling given after them in the same clause something that may be, not
#: one they have ("when you're depressed", "if you feel lonely", "because you're tired").
_NOT_NOW = re.compile(
    r"\b(?:if|when|whenever|while|because|cause|until|unless|once|whether)\b", re.IGNORECASE
)
#: The helper's framing (masked by :data:`_FRAMING`) and "how" before a feeling word, at the
#: start of its clause: "I can imagine how overwhelming that was", "I can see how
#: frustrating it is" give it to them.
_IMAGINED = re.compile(
    r"\s*x+(?:\s+x+)*\s+how\s+(?:(?:so|really|very|incredibly|truly|deeply|utterly"
    r"|absolutely|awfully|terribly)\s+)*",
    re.IGNORECASE,
)
#: "Sorry" before a feeling word in its clause makes it sympathy ("Sorry you're this tired").
_SORRY = re.compile(r"\bsorry\b", re.IGNORECASE)


def _given(text: str, word: re.Match[str]) -> bool:
    """Whether the reply ``text`` gives the feeling ``word`` to the seeker as theirs now:
    right after a frame that gives it (:data:`_FRAME`: "you feel", "that sounds", "must be"),
    in a clause without an "if", "when", "because"... (:data:`_NOT_NOW`), after the
    helper's framing and "how" ("I can imagine how overwhelming that was",
    :data:`_IMAGINED`), or after a remark's start that later in the clause gives it to them
    ("How scary that must be", "how lonely that felt")."""
    head = _head(text, word)
    if _FRAME.search(head):
        return _NOT_NOW.search(head) is None
    if _IMAGINED.fullmatch(head):
        return True  # "I can only imagine how lonely that felt"
    return remark_given(text, word) is True


def _sorry(text: str, word: re.Match[str]) -> bool:
    """Whether "sorry" comes before the feeling ``word`` in its clause of ``text``."""
    return _SORRY.search(_head(text, word)) is not None


#: The helper's words that frame a thought about the seeker ("I think the shame weighs on
#: you", "I imagine it's lonely"): read as no one's, so the feeling after them is not taken
#: for the helper's own (same length, so offsets into the reply hold).
_FRAMING = re.compile(
    r"\bI\s+(?:(?:can|could)\s+(?:only\s+)?)?(?:think|guess|imagine|bet|suspect|sense|wonder(?:\s+if)?|"
    r"tell|see|hear|feel\s+like)\b",
    re.IGNORECASE,
)


#: The first word of a part of a sentence that tells the reader what to do ("Try to see what
#: you hate", "Play with things you are scared to do", "Maybe talk to someone"): a feeling
#: word inside it is advice, not a feeling named as theirs.
_INSTRUCTION = re.compile(
    r"(?:(?:maybe|just|please|so|and|then|also|perhaps)\s+)*(?:try|play|do|don['\u2019]?t|go|"
    r"get|read|talk|find|make|take|keep|stop|start|call|see|give|let|remember|focus|write|"
    r"ask|tell|look|be|stay|force|avoid|use|put|consider|think|reach|join|eat|sleep|spend|"
    r"practice|practise|allow|accept|learn|distract|breathe)\b"
    r"|.*\byou\s+(?:should|could|need\s+to|have\s+to|might\s+want\s+to|ought\s+to)\b",
    re.IGNORECASE,
)


def _instructions(text: str) -> list[tuple[int, int]]:
    """Start and end (in ``text``) of each part of a sentence that tells the reader what to
    do (:data:`_INSTRUCTION`), in order; ``text`` is read once."""
    found: list[tuple[int, int]] = []
    for sentence in SENTENCE.finditer(text):
        offset = sentence.start()
        for start, end in sentence_parts(sentence.group(0)):
            part = text[offset + start : offset + end]
            if _INSTRUCTION.match(part.lstrip()):
                found.append((offset + start, offset + end))
    return found
