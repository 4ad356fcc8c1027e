"""A death by suicide that the seeker tells of: someone they lost, not someone at risk now.

:func:`losses` finds where a seeker message tells that someone else died by suicide: "my
friend died by suicide", "we lost my dad to suicide", "my best friend committed suicide",
"she completed suicide", "he suicided", "after my son's suicide", "since his suicide", "the
suicide of my brother", "he took his own life", "since she killed herself". A crisis cue in
such words, or one that follows them in their sentence with no other person named between
("Since my brother killed himself, suicide is all I think about"), tells of a loss, and the
crisis feedback asks for what a bereaved seeker needs rather than whether that person is safe
now (:func:`carelens.analysis.crisis_feedback.crisis_sentence`).

An attempt, a wish, a plan, a threat or a fear is a living person's risk and no loss ("she
tried to kill herself last night", "my son wants to kill himself", "he almost took his own
life", "his suicide attempt", "if he committed suicide", "to stop her suicide"), and the
seeker's own is theirs ("I almost committed suicide"): these words keep their reading. The
phrases are read as the patterns read a message (:func:`carelens.text.fold`: curly
apostrophes, invisible characters) and with a "*" or "1" in "suicide" ("su*cide"), but not
with other symbols or marks for its letters ("$uicide", "s.u.i.c.i.d.e"), which keep their
reading too.

A loss is no crisis cue by itself ("he killed himself last year" is grief: codebook v1.1
flags a living person's risk); only the cues the patterns find where it is told are read so.
"""

from __future__ import annotations

import re

from carelens.text import fold

#: "suicide" as the crisis patterns spell it ("sucide", "su1cide"; not "suicidal").
_SUICIDE = r"s[u*][i1*]?c[i1]de"
#: After "suicide", words that make it no death: an attempt, a note, thoughts, a risk.
_NO_DEATH_AFTER = (
    r"(?![\s-]*(?:attempt|attempted|note|letter|threat|thought|ideation|idea|plan|risk|watch"
    r"|hot\s*line|help\s*line|line|prevention|pact|talk|mission|tendenc|urge|crisis|survivor"
    r"|awareness|squad)\w*)"
)
#: Someone's death by suicide told with its subject, the person who died: "died by suicide",
#: "committed suicide", "he suicided", "killed himself", "took his own life".
_DEATH = re.compile(
    r"\b(?:(?:(?:died|passed(?:\s+away|\s+on)?)\s+(?:by|of|from|through|via|to|in|due\s+to"
    r"|because\s+of|after)\s+(?:(?:a|an|his|her|their)\s+)?|(?:committed|commited|completed)"
    rf"\s+){_SUICIDE}\b{_NO_DEATH_AFTER}"
    r"|s[u*][i1*]?c[i1]ded\b"
    r"|(?:killed|hanged)\s+(?:him|her|them)sel(?:f|ves)\b"
    r"|(?:took|taken|ended)\s+(?:his|her|their)\s+own\s+li(?:fe|ves)\b"
    r"|(?:(?<=\bhe\s)|(?<=\bshe\s))(?:took|ended)\s+(?:his|her)\s+life\b"
    r"|(?<=\bthey\s)(?:took|ended)\s+their\s+li(?:fe|ves)\b)",
    re.IGNORECASE,
)
#: A death by suicide told by the one who lost them, by whose it was, or by what came of it:
#: "lost my dad to suicide", "after my son's suicide", "his suicide", "the suicide of my
#: brother", "since the suicide".
_LOSS = re.compile(
    rf"\blost\s+(?:[\w']+\s+){{1,4}}?to\s+{_SUICIDE}\b"
    rf"|(?:\b(?:his|her|their)|\b(?P<whose>\w+)'s?)\s+(?:own\s+)?{_SUICIDE}\b{_NO_DEATH_AFTER}"
    rf"|\bthe\s+{_SUICIDE}\s+of\s+(?:(?:my|his|her|their|our|a|an|the)\s+[\w']+|(?-i:[A-Z][a-z]+))\b"
    rf"|\b(?:after|since|following)\s+(?:the|a)\s+{_SUICIDE}\b{_NO_DEATH_AFTER}",
    re.IGNORECASE,
)
#: Words before a death in its clause that make it no death told: a near miss, a condition,
#: a denial, a fear, a plan, an attempt or one to prevent ("he almost committed suicide", "if
#: she took her own life", "he hasn't committed suicide", "I'm scared she'd have killed
#: herself", "people who plan their suicide", "to stop his suicide").
_NOT_A_DEATH = frozenset([
    "almost", "nearly", "barely", "if", "unless", "whether", "would", "could", "might",
    "should", "may", "will", "won't", "wouldn't", "he'd", "she'd", "they'd", "he'll", "she'll",
    "they'll", "not", "never", "hasn't", "haven't", "hadn't", "afraid", "scared", "worried",
    "worry", "fear", "feared", "terrified", "plan", "plans", "planned", "planning",
    "considering", "considered", "contemplating", "contemplated", "attempt", "attempted",
    "attempting", "threaten", "threatened", "threatening", "threatens", "prevent",
    "prevented", "stop", "stopped", "save", "saved",
])  # fmt: skip
#: The seeker as the subject of a death (their own near miss or a figure of speech).
_SEEKER = frozenset(["i", "i've", "ive", "i'd", "id", "we", "me"])
#: Verbs whose object "her" is, not her death ("I told her suicide is never the answer").
_HER_AS_OBJECT = frozenset([
    "told", "tell", "tells", "telling", "asked", "ask", "asks", "asking", "reminded", "remind",
    "warned", "warn", "taught", "teach", "showed", "show", "convinced", "convince", "promised",
    "promise", "begged", "beg", "texted", "messaged", "gave", "give", "let", "made", "make",
    "helped", "help", "call", "called", "heard", "hear",
])  # fmt: skip
#: Words before "'s" that make it no one's ("it's", "that's"; "he's" is "he is").
_NO_OWNER = frozenset([
    "it", "that", "there", "here", "what", "who", "he", "she", "where", "how", "let", "this",
    "one", "life", "everyone", "everybody", "nobody", "someone", "somebody", "anyone",
])  # fmt: skip
#: What ends the clause a death is read in.
_CLAUSE_END = re.compile(r"[.!?;:,()\n\u2026]")
_WORDS = re.compile(r"[\w']+")
#: How many words before a death are read for a near miss, a condition, a fear.
_LOOK_BACK = 4


def _words_before(text: str, at: int) -> list[str]:
    """The last words of the clause that ``text[at:]`` continues, lower case."""
    begins = max(0, at - 80)
    stretch = text[begins:at]
    ends = [found.end() for found in _CLAUSE_END.finditer(stretch)]
    if ends:
        stretch = stretch[ends[-1] :]
    return [word.lower() for word in _WORDS.findall(stretch)][-_LOOK_BACK:]


def losses(seeker: str) -> list[tuple[int, int]]:
    """Where ``seeker`` tells of someone else's death by suicide, as (start, end) offsets of
    the words that tell it, in order and none overlapping (see the module)."""
    folded = fold(seeker)
    text = folded.text
    found: list[tuple[int, int]] = []
    for pattern, dead_subject in ((_DEATH, True), (_LOSS, False)):
        for told in pattern.finditer(text):
            before = _words_before(text, told.start())
            if _NOT_A_DEATH.intersection(before):
                continue
            if dead_subject and before and before[-1] in _SEEKER:
                continue  # "I committed suicide" is no death of someone else
            first = told.group(0).split(maxsplit=1)[0].lower()
            if first == "her" and before and before[-1] in _HER_AS_OBJECT:
                continue
            if (told.groupdict().get("whose") or "").lower() in _NO_OWNER:
                continue  # "it's suicide for me tomorrow" is no one's death
            found.append(folded.span(told.start(), told.end()))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
