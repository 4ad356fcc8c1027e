"""Reported speech: whose words a quotation in a message gives.

A quotation framed by a report of someone else's words, the report before it ('My dad always
tells me "I'm disappointed in you"', "my boss said 'you're useless'", 'Mom texted: "I'm so
worried about you"') or after it ('"I'm so lonely," he said'), gives that person's words:
a feeling or a crisis cue inside it is theirs, not the writer's
(:mod:`carelens.analysis.feelings`, :mod:`carelens.analysis.crisis_feedback`). The writer's
own saying stays theirs ('I told him "I'm scared"', also with others named after them: 'I and
the team said "we're exhausted"'), and so does what their own mind tells
them, their inner voice ('My brain keeps telling me "you're worthless"'), a report with no
subject written ('Told him "I'm scared"') and a quotation no report frames ("I'm 'fine', I
guess"). :func:`reported_quotes` finds the quotations of someone else's words;
:func:`reporter` reads whose words a report gives, back from its verb
(:func:`carelens.analysis.persons.person`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from carelens.analysis.feeling_words import VERB_ADVERBS
from carelens.analysis.persons import NEVER_NAMES, Holder, person
from carelens.analysis.quoted_speech import quoted_speech
from carelens.analysis.words import SENTENCE_END, plain

#: Verbs that report someone's words ("said", "texted", "keeps calling me").
SPEECH_VERBS = (
    r"say|says|said|saying|tell|tells|told|telling|text|texts|texted|texting|write|writes|wrote"
    r"|writing|yell|yells|yelled|yelling|scream|screams|screamed|screaming|shout|shouts|shouted"
    r"|shouting|call|calls|called|calling|message|messages|messaged|messaging|reply|replies"
    r"|replied|ask|asks|asked|asking|whisper|whispers|whispered|snap|snapped"
)
#: A report right before a quotation, up to its opening mark ('My dad always tells me "I'm
#: disappointed in you"', "Mom texted:", "they keep calling me a 'worthless loser'"): the
#: verb, whom the words are said to, "that" or "like", "a" or "an", and a colon or comma.
_REPORT_BEFORE = re.compile(
    rf"\b(?P<verb>{SPEECH_VERBS})(?:\s+(?P<to>me|us|myself|ourselves|him|her|them|you"
    r"|(?:my|our|his|her|their)\s+[\w'\u2019]+))?(?:\s+(?:that|like|things\s+like|a|an))?"
    r"\s*[:,\-\u2013\u2014]?\s*(?=[\"'\u2018\u2019\u201c\u201d])",
    re.IGNORECASE,
)
#: A speech tag right after a quotation ('"I'm so lonely," he said', '"I'm scared" my sister
#: texted me', '"I'm worried," said Mom'), up to the end of its clause.
_TAG_WHO = r"(?i:i|we|he|she|they|someone|somebody|(?:my|our|his|her|their)\s+\w+)|[A-Z][a-z]+"
_TAG_VERB = r"(?i:said|says|told\s+me|tells\s+me|texted(?:\s+me)?|wrote|yelled|screamed|shouted)"
_REPORT_AFTER = re.compile(
    rf"[,.!?]?\s*(?:(?P<who>{_TAG_WHO})\s+{_TAG_VERB}|(?i:said|says)\s+(?P<who2>{_TAG_WHO}))"
    r"\s*(?:[.!?,;\n]|$)"
)
#: Words a report's subject is not read from, reading back from its verb: whom the words are
#: said to ("he texted me yesterday and said").
_NOT_SUBJECTS = frozenset([
    "me", "us", "you", "him", "her", "them", "myself", "ourselves", "yourself", "himself",
    "herself", "themselves",
])  # fmt: skip
#: Right before a past participle (adverbs between), these make a report passive: the seeker
#: was told the words ("I was told", "I've always been called", "got told").
_PASSIVE = frozenset([
    "was", "were", "got", "get", "gets", "getting", "been", "being", "am", "is", "are", "be",
    "i'm", "im", "we're",
])  # fmt: skip
_REPORT_ADVERBS = VERB_ADVERBS | frozenset([
    "always", "often", "constantly", "repeatedly", "once", "sometimes",
])  # fmt: skip
#: Words before a noun that names the speaker of a report ("the cashier said").
_DETERMINERS = frozenset(["my", "our", "the", "a", "an", "this", "that", "his", "her", "their"])
#: Words that may stand between a report's subject and its verb ("my mom keeps saying",
#: "the doctor just said"); any other word there makes the noun no subject ("I sat in the
#: car and said").
_BEFORE_REPORT_VERB = _REPORT_ADVERBS | frozenset([
    "keeps", "kept", "keep", "would", "will", "just", "then", "has", "had", "have", "even",
    "also", "finally", "literally", "actually",
])  # fmt: skip
#: What in the seeker speaks to them as their own self-talk ("my brain keeps telling me").
_INNER_VOICES = frozenset([
    "mind", "brain", "head", "thoughts", "heart", "depression", "anxiety", "voices", "inner",
    "gut",
])  # fmt: skip
#: How many words back from a report's verb its subject is looked for.
_SUBJECT_REACH = 12
#: How many words a subject named after "I and" may hold ("I and my best friend said").
_JOINED_REACH = 3


def reported_quotes(
    text: str, tokens: Sequence[re.Match[str]], words: Sequence[str], feeling_at: Sequence[int]
) -> list[tuple[int, int]]:
    """Start and end (in ``text``, the two marks) of each quotation of someone else's words
    that a report frames: before it ('My dad always tells me "I'm disappointed in you"', "my
    boss said 'you're useless'", "they keep calling me a 'worthless loser'", 'Mom texted: "I'm
    so worried about you"') or after it ('"I'm so lonely," he said'). A single quote counts
    only where it pairs as a quotation, not as an apostrophe ("don't", "mom's", "friends'").
    The seeker's own saying stays theirs ('I keep telling myself "I'm worthless"', 'I told
    him "I'm scared"'), and so does a quotation no report frames ("I'm 'fine', I guess").
    Only quotations with one of the feeling words at ``feeling_at`` inside are read."""
    quotes, _ = quoted_speech(text)
    if not quotes:
        return []
    starts = [token.start() for token in tokens]
    feeling_starts = [starts[i] for i in feeling_at]
    reports: dict[int, re.Match[str]] | None = None  # by the quotation mark each ends at
    others: list[tuple[int, int]] = []
    for start, end in quotes:
        k = bisect_left(feeling_starts, start)
        if k == len(feeling_starts) or feeling_starts[k] > end:
            continue  # no feeling word inside
        if reports is None:  # the text is read for reports once
            reports = {match.end(): match for match in _REPORT_BEFORE.finditer(text)}
        before = reports.get(start)
        after = _REPORT_AFTER.match(text, end + 1)
        if before is not None:
            verb = bisect_left(starts, before.start("verb"))
            to = (before.group("to") or "").lower()
            if reporter(tokens, words, verb, to) == "other":
                others.append((start, end))
        elif after is not None:
            who = plain(after.group("who") or after.group("who2"))
            if who not in ("i", "we"):
                others.append((start, end))
    return others


def reporter(tokens: Sequence[re.Match[str]], words: Sequence[str], verb: int, to: str) -> Holder:
    """Whose words the report with its verb at ``verb`` (said to ``to``) gives: the nearest
    subject read back from the verb within its sentence ("my dad always tells me", "I keep
    telling myself"), the seeker's when they name themselves first among its speakers ("I and
    the team said": :func:`_joined_to_i`), someone else's when the report is passive ("I was
    told", "got called"); with no subject written, the seeker's ("Told him"), unless said to
    them ("keeps telling me")."""
    participle = words[verb].endswith("ed") or words[verb] in ("told", "said")
    passive = False
    adjacent = True  # only auxiliaries and adverbs read since the verb
    for j in range(verb - 1, max(-1, verb - 1 - _SUBJECT_REACH), -1):
        word = words[j]
        if word in SENTENCE_END:
            break
        if adjacent and word in _PASSIVE:
            passive = participle  # "I was angry and said" is not passive
        adjacent = adjacent and (word in _PASSIVE or word in _REPORT_ADVERBS)
        if not word[0].isalpha() or word in _NOT_SUBJECTS:
            continue
        if (
            word in _DETERMINERS
            and j + 1 < verb
            and words[j + 1][0].isalpha()
            and all(w in _BEFORE_REPORT_VERB for w in words[j + 2 : verb])
        ):
            # someone named by a noun ("my coach yelled", "our landlord said", "the cashier
            # said"); the seeker's own mind is their self-talk ("my brain keeps telling me")
            if words[j + 1] in _INNER_VOICES:
                return "seeker"
            return "seeker" if not passive and _joined_to_i(words, j) else "other"
        holder = person(tokens, words, j)
        written = tokens[j].group(0)
        if holder is None and written[0].isupper() and word not in NEVER_NAMES:
            holder = "other"  # a name at the start of the sentence: "Sarah said"
        if holder == "other" and _joined_to_i(words, j):
            holder = "seeker"  # the seeker with others: "I and the team said"
        if holder is not None:
            return "other" if passive or holder != "seeker" else "seeker"
    return "other" if passive or to in ("me", "us") else "seeker"


def _joined_to_i(words: Sequence[str], j: int) -> bool:
    """Whether the subject word at ``j`` ends a phrase of at most :data:`_JOINED_REACH`
    words right after "I and" ("I and the team", "I and my best friend", "I and Sarah"):
    the seeker speaking with others, who are named after them."""
    for k in range(j, max(1, j - _JOINED_REACH), -1):  # k: the phrase's first word
        before = words[k - 1]
        if before == "and":
            return words[k - 2] == "i"
        if not before[0].isalpha():
            return False
    return False
