"""Words a warning sign reads that tell of an everyday thing, so that they are no words of
danger (:func:`everyday_sign`).

:mod:`carelens.analysis.openings_warning_signs` reads "it should have been me" and "I've figured
out how to do it" as warning signs. The same words tell of an everyday thing where a thing is
what should have been the seeker's ("honestly the award should have been me, not Kyle", "The
last slice should have been me lol": :func:`thing_was_theirs`; not "it should have been me",
"the one in that car should have been me"), where they cheer a plan that worked ("I finally
figured out how to do it!": :func:`plan_cheered`), or where they name the act of the plan right
after it ("I'm thinking about how to do it tonight - tell him I'm moving out", "how to do it, the
move I mean", "how I'll do it, moving across the country alone", "I finally worked out how to
do it, my first ever pivot table": :func:`plan_named`), with no word of a method, a place, a
time, a farewell or death in what they name (:data:`_METHOD_WORDS`: "how I'll do it, the pills
I mean", "when I'll do it, the night of my birthday" stay warning signs). A plan cheered is
one that worked, with an exclamation mark ("I've decided how I'm going to do it!" stays one).
"""

from __future__ import annotations

import re

from carelens.analysis.words import SENTENCE_MARK, WORD, plain

#: Adverbs that may stand between a subject and "should have been me" ("the award honestly
#: should have been me").
_ADVERBS = frozenset([
    "honestly", "really", "totally", "definitely", "obviously", "clearly", "so", "just",
    "probably", "literally", "tbh", "lol", "seriously", "truly", "always", "by", "rights",
])  # fmt: skip
#: Words before "should have been me" that make it a death that should have been the
#: seeker's: a pronoun ("it", "that", "he"...), or a noun of a death, an accident, an illness
#: or a person ("the one in that car", "the bullet", "that diagnosis").
_NOT_THINGS = frozenset([
    "it", "that", "this", "he", "she", "they", "there", "which", "who", "what", "i", "you",
    "we", "one", "ones", "person", "people", "thing", "body", "bullet", "crash", "accident",
    "death", "grave", "coffin", "casket", "funeral", "victim", "car", "plane", "flight",
    "train", "bike", "motorbike", "motorcycle", "passenger", "driver", "seat", "bed", "shot",
    "bomb", "fire", "wreck", "diagnosis", "cancer", "disease", "illness", "tumor", "tumour",
    "stroke", "attack", "overdose", "headstone", "stone", "obituary", "urn", "ashes", "place",
    "name", "spot", "turn", "life", "sickness", "infection", "virus", "transplant", "surgery",
])  # fmt: skip
#: Words that open a noun phrase before "should have been me" ("the award", "my spot").
_DETERMINERS = frozenset([
    "the", "a", "an", "my", "our", "his", "her", "their", "your", "that", "this", "those",
    "these",
])  # fmt: skip
#: "should have been me", as :mod:`carelens.analysis.openings_warning_signs` reads it
#: ("should've", "shoulda", "should of"; masked letters too).
_BEEN_ME = re.compile(r"sh\S*(?:\s+\S+)?\s+b\S*n\s+m\S?", re.IGNORECASE)


def thing_was_theirs(text: str, start: int) -> bool:
    """Whether the "should have been me" that starts at ``start`` of ``text`` has a thing for
    its subject, in its sentence: a noun opened by a determiner one or two words before it
    (:data:`_DETERMINERS`: "honestly the award should have been me", "The last slice should
    have been me lol"), none of a death, an accident, an illness or a person
    (:data:`_NOT_THINGS`: "the one in that car", "that bullet"; "it", "that")."""
    begin = max(0, start - 80)
    for mark in SENTENCE_MARK.finditer(text, begin, start):
        begin = mark.end()
    words = [plain(word) for word in WORD.findall(text, begin, start)]
    while words and words[-1] in _ADVERBS:
        words.pop()
    if len(words) < 2 or words[-1] in _NOT_THINGS or words[-1] in _DETERMINERS:
        return False
    return any(word in _DETERMINERS for word in words[-3:-1])


#: Verbs of a plan that worked ("figured out", "worked out").
_SUCCESS = re.compile(r"(?:figur|work)\w*", re.IGNORECASE)


def plan_cheered(text: str, start: int, end: int) -> bool:
    """Whether the plan ``text[start:end]`` ("figured out how to do it") tells of one that
    worked (:data:`_SUCCESS`) and an exclamation mark follows it: "I finally figured out how
    to do it!", "i finally figured out how to do it!! the kickflip!!"."""
    return _SUCCESS.match(text, start, end) is not None and text[end:].lstrip().startswith("!")


#: After a plan, its act named: after words of time or how long, a comma, a colon or a dash
#: ("tonight - ", "for months, ").
_NAMING = re.compile(
    r"(?:\s+(?:tonight|today|tomorrow|soon|now|this\s+week(?:end)?|lately|all\s+the\s+time"
    r"|for\s+(?:[\w'\u2019]+\s+){0,2}?(?:days|weeks|months|years|ages|a\s+while)))?"
    r"\s*(?:[,:]|\s[-\u2013\u2014]+|[\u2013\u2014])\s*",
    re.IGNORECASE,
)
#: The act named: a noun phrase ("the move I mean", "I mean the wedding", "the surprise party
#: for my wife", "my first ever pivot table") or an everyday act, maybe told as what the
#: seeker is going to do ("tell him I'm moving out", "quit in person", "moving across the
#: country alone", "I'm going to ask her to prom").
_NAMED = re.compile(
    r"(?:i\s+mean\s+)?(?:the|my|a|an|our|this|that|his|her|their)\s+[\w'\u2019-]"
    r"|(?:(?:i['\u2019]?m\s+|im\s+|i\s+am\s+)?(?:going\s+to|gonna)\s+|i['\u2019]?ll\s+|ill\s+"
    r"|i\s+will\s+|to\s+|just\s+)?"
    r"(?:tell|telling|ask|asking|quit|quitting|(?:move|moving)(?!\s+on\b)|break(?:ing)?\s+up"
    r"|propos(?:e|ing)"
    r"|confront(?:ing)?|talk(?:ing)?\s+to|resign(?:ing)?|apply(?:ing)?|come\s+out|coming\s+out"
    r"|sell(?:ing)?|buy(?:ing)?|cancel(?:l?ing)?|(?:re)?paint(?:ing)?)\b",
    re.IGNORECASE,
)
#: Words of a method, a place, a time, a farewell or death: what they name is no everyday act
#: ("the pills I mean", "the bridge by my school", "the day after my birthday", "the easiest
#: way", "tell everyone goodbye", "moving the car into the garage").
_METHOD_WORDS = re.compile(
    r"\b(?:pills?|tablets?|meds|medicines?|medication|prescriptions?|painkill\w*|cabinet|overdos\w*"
    r"|od|antifreeze|charcoal|bags?|rope|noose|belt|cord|scarf|ceiling|beams?|rafters?"
    r"|gun|pistol|rifle|shotgun|knife|knives|blades?|razors?|bridge|building|roof|ledge|cliff"
    r"|quarry|tower|balcony|window|overpass|heights?|woods|forest|trees?|attic|basement|shed|barn"
    r"|train|tracks|rail\w*|subway|bus|truck|lorry|traffic|car|highway|motorway|freeway|garage"
    r"|engine|exhaust|gas|pool|tub|shower|world|earth|alive|peace|asleep|sleep|everyone|everybody"
    r"|love"
    r"|carbon|helium|bleach|poison\w*|bath|bathtub|water|river|lake|sea|ocean|drown\w*|hang\w*"
    r"|jump\w*|cut\w*|shoot\w*|bleed\w*|slit\w*|wrists?|vodka|alcohol|bottle|insulin|note"
    r"|goodbye|bye|farewell|letter|sorry|forgive\w*|die|dying|dead|death|kill\w*|suicid\w*|end"
    r"|ending|forever|wake|waking|life|gone|leave|leaving|attempt\w*|ways?|methods?|plans?|same"
    r"|quick\w*|easi\w*|painless\w*|day|night|week|weekend|month|year|birthday|morning|evening"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|anniversary|time)\b",
    re.IGNORECASE,
)


def plan_named(text: str, end: int) -> bool:
    """Whether the act of the plan that ends at ``end`` of ``text`` is named right after it
    (:data:`_NAMING`, :data:`_NAMED`: "how to do it tonight - tell him I'm moving out", "how to
    do it, the move I mean") with no word of a method, a place, a time, a farewell or death up
    to the end of the sentence (:data:`_METHOD_WORDS`)."""
    naming = _NAMING.match(text, end)
    if naming is None or _NAMED.match(text, naming.end()) is None:
        return False
    mark = SENTENCE_MARK.search(text, naming.end())
    stop = mark.start() if mark is not None else len(text)
    return _METHOD_WORDS.search(text, naming.end(), stop) is None


#: The "do it" a plan ends on, masked letters too ("d* it").
_DO_IT = re.compile(r"\bd\S\s+\St\Z", re.IGNORECASE)
#: The "point" of a sign of no point in anything.
_POINT = re.compile(r"\bp\S{3}t\b", re.IGNORECASE)


def everyday_sign(text: str, start: int, end: int) -> bool:
    """Whether the warning sign ``text[start:end]`` tells of an everyday thing: a thing that
    should have been the seeker's (:func:`thing_was_theirs`), a plan cheered
    (:func:`plan_cheered`) or one whose act is named (:func:`plan_named`), or no point in
    something the seeker names so ("no point to any of it, the essay I mean")."""
    if _BEEN_ME.fullmatch(text, start, end) is not None:
        return thing_was_theirs(text, start)
    if _DO_IT.search(text, start, end) is not None:
        return plan_cheered(text, start, end) or plan_named(text, end)
    # "no point to any of it, the essay I mean"
    return _POINT.search(text, start, end) is not None and plan_named(text, end)
