"""Words of danger that no suggested opening echoes, and the seeker's own words beside them.

No clause is offered that holds a crisis cue ("It sounds like you bought a gun to use on
yourself…" would echo the danger as a casual reflection), crisis wording the seeker negates,
urging or method words, or "kys", "die", "kill myself"... whoever the seeker says wrote them
(:data:`_DANGER`), also masked ("d-i-e", "d.i.e", "k*ll myself", "d*e":
:func:`carelens.text.unmask`, :data:`_DANGER_MASKED`; "k**l myself", "k.ll myself", "kll
myself": :data:`_KILL_SPELT`), in any of their forms ("hung
himself", "shot himself", "starving myself", "jumped off the parking garage", "stepping in
front of a bus", "od'd", "I want to end all of this", "someone to just break in and murder
me", "i've been cutting": :data:`_CUTTING`, "I punch walls till my knuckles bleed",
"destroy my body", "I bang my head against the wall when I'm upset", "making myself throw
up", "skipping meals on purpose"; not "walking into the busy traffic circle", "I punched the
wall in the video game"), a wish not to be ("I wish I could just disappear", "I pray that I
don't wake up"), and warning signs no crisis cue reads ("it should have been me", "I've been
planning how I'd do it": :mod:`carelens.analysis.openings_warning_signs`), read past a
"nothing but" too ("I think about nothing but dying":
:mod:`carelens.analysis.openings_excepts`): :func:`danger_spans`. The seeker's own
feeling before the connective of such words that tell of someone else's act may be offered
("I feel lost since she took her own life" offers "I feel lost": :func:`before_danger`), and
so may their own clause after such words ("People at school told me to kys and I feel
worthless" offers "I feel worthless": :func:`after_danger`). Words that only look like a
warning sign are read too (:func:`look_alikes`: "I finally figured out how to do it!"). The
spans to avoid are kept merged and in order (:func:`merged`), so that :func:`overlaps` finds
one by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from carelens.analysis.crisis import crisis_scan
from carelens.analysis.crisis_feedback import whose_before
from carelens.analysis.openings_excepts import span_back, without_excepts
from carelens.analysis.openings_warning_signs import look_alike_spans, warning_sign_spans
from carelens.analysis.openings_words import (
    CONJUNCTION,
    OWN_SUBJECT,
    adds_to_before,
    needs_more,
)
from carelens.analysis.quoting import NO_SPACE_RUN
from carelens.analysis.unsafe import unsafe_spans
from carelens.analysis.words import WORD, plain
from carelens.text import MASKED_LETTER, fold, unmask, vowels_masked

#: Words that echo danger whoever writes them, beside the crisis cues and the unsafe words:
#: "kys" and what someone else urged ("told me to kys", "said I should kill myself"), "die",
#: "suicide", "self harm", "overdose", "end it all", "took his own life" (not "cut myself
#: off", "cut yourself some slack"). A clause with one is no casual opening ("It sounds like
#: people at school told you to kys…" echoes the danger).
_KYS = r"\bk\.?\s?y\.?\s?s+\b"
# After the verbs of harm: "myself", "yourself"... (group by group, as :data:`_DANGER_MASKED`
# reads them).
_SELF = (
    r"\w*\s+(?:my|your|ur|him|her|them|our|one)?\s*sel(?:f|ves)\b"
    r"(?!\s+(?:some\s+)?(?:slack|a\s+break|off|free|loose|short|out|in\s+the\s+foot)\b)"
)
# Their past forms too: "hung himself", "hanged herself", "slit her wrists", "starving myself".
_HARM_VERBS = (
    r"kill|unalive|off|hang|hung|stab|slit|slash|hurt|harm|cut|burn|starv|punch|chok|poison"
    r"|suffocat|mutilat"
)
_POSSESSIVE = r"(?:my|your|ur|his|her|their|our)"
#: Heights and traffic a jump of danger is told from or in front of ("jumped off the parking
#: garage", "jumped from a bridge", "jumped in front of a train"; not "jumped off the couch").
_HEIGHTS = (
    r"bridges?|buildings?|roofs?|rooftops?|garages?|parking\s+(?:garage|structure|deck|lot)s?"
    r"|cliffs?|balcon(?:y|ies)|overpass(?:es)?|towers?|ledges?|windows?|skyscrapers?|dams?"
    r"|floors?|stor(?:y|ey|ies|eys)"
)
_TRAFFIC = r"trains?|subways?|bus(?:es)?|trucks?|cars?|traffic|lorr(?:y|ies)"
_DANGER_WORDS = (
    r"\b(?:die|suicid\w*|self[\s-]*harm\w*|overdos\w*|hanged)\b"
    r"|\bend(?:s|ed|ing)?\s+(?:it\s+all|(?:my|your|his|her|their|our)\s+(?:own\s+)?li(?:fe|ves))\b"
    # "end it", "end all of this" last in a clause ("I want to end all of this."; not "end
    # this relationship", "end it with him")
    r"|\bend(?:s|ed|ing)?\s+(?:it|this|everything|all\s+of\s+(?:this|it))(?=\s*(?:$|[.!?,;\u2026]"
    r"|(?:now|tonight|today|soon|already|for\s+good|once\s+and\s+for\s+all)\b))"
    r"|\b(?:take|takes|took|taking|taken)\s+(?:my|your|his|her|their|our)\s+own\s+li(?:fe|ves)\b"
    # a wish that someone kill the seeker ("someone to just break into my house and murder
    # me", "somebody just kill me"; not "my mom would kill me if she found out")
    r"|\b(?:someone|somebody|anyone|anybody|please|pls)\b[^.!?\n]{0,60}?"
    r"\b(?:kill|murder|shoot|stab)\s+me\b|\bmurder\s+me\b"
    # "od'd", "ODed", "OD'ing", "OD on pills" ("odd" is none)
    r"|\bo\.?d\.?(?:['\u2019]d|['\u2019]?ed|['\u2019]?ing)\b|\bod(?=\s+on\b)"
    rf"|\b(?:slit|slash|cut)\w*\s+(?:{_POSSESSIVE}\s+)?(?:own\s+)?(?:wrists?|throats?|veins?)\b"
    r"|\b(?:jump|leap)(?:s|ed|ing|t)?\s+(?:"
    rf"(?:off|from|out\s+of)\s+(?:(?:the|a|an|that|this|some|{_POSSESSIVE})\s+)?"
    rf"(?:[\w'\u2019-]+\s+){{0,2}}?(?:{_HEIGHTS})"
    rf"|in\s+front\s+of\s+(?:(?:the|a|an|that|this|some)\s+)?(?:[\w'\u2019-]+\s+)?(?:{_TRAFFIC})"
    rf"|to\s+{_POSSESSIVE}\s+death)\b"
    # a step or a walk into traffic ("stepping in front of a bus", "I walked into traffic";
    # not "walked in front of my class")
    r"|\b(?:step|walk)(?:s|ped|ed|ping|ing)?\s+(?:out\s+)?(?:in\s+front\s+of\s+"
    rf"(?:(?:the|a|an|that|this|some|oncoming)\s+)?(?:[\w'\u2019-]+\s+)?(?:{_TRAFFIC})"
    r"|in(?:to)?\s+(?:the\s+)?(?:oncoming\s+|busy\s+)?traffic)\b"
    r"(?!\s+(?:circle|light|signal|jam|cone|island|lane|stop|report|court|school)s?\b)"
    # walls punched, skin made to bleed, a body destroyed ("I punch walls till my knuckles
    # bleed", "Destroy my body into nothing")
    r"|\bpunch(?:es|ed|ing)?\s+(?:the\s+|a\s+)?walls?\b"
    r"(?!\s+in\s+(?:the|a|my|this)\s+(?:video\s+)?game)"
    # a head banged on a wall, throwing up or meals skipped on purpose ("I bang my head against
    # the wall when I'm upset", "making myself throw up", "skipping meals on purpose to punish
    # myself"; not "banging my head against the wall with this code")
    rf"|\b(?:bang|bash|slam|smash)\w*\s+{_POSSESSIVE}\s+head\s+(?:against|into|on)\s+"
    r"(?:the\s+|a\s+)?(?:walls?|floors?|doors?|desks?|tables?|mirrors?)\b"
    r"(?!\s+(?:with|over|about|trying|for\s+hours))"
    r"|\bmak(?:e|es|ing)\s+(?:my|your|him|her|them)sel(?:f|ves)\s+(?:throw\s+up|puke|vomit|sick)\b"
    r"|\b(?:skip|miss)(?:s|ped|ping|ing)?\s+meals?\s+(?:on\s+purpose|deliberately|intentionally"
    r"|to\s+punish)\b|\bpunish\w*\s+(?:my|him|her|them)sel(?:f|ves)\s+(?:by|with)\s+(?:not\s+eating"
    r"|skipping|starving|cutting|hurting|hitting|burning)\b"
    rf"|\b(?:destroy|mutilat|disfigur)\w*\s+{_POSSESSIVE}\s+(?:own\s+)?(?:body|skin|face|arms?"
    r"|legs?|wrists?|thighs?)\b"
    r"|\b(?:until|till|til|untill)\s+(?:(?:my|i|it|they|there['\u2019]?s)\s+)?(?:\w+\s+)?"
    r"(?:bleed|bleeds|bled|bleeding|blood)\b"
    # a wish not to be ("I wish I could just disappear", "nobody would notice if i
    # disappeared", "I pray that I don't wake up", "I wish I was never born"; not "my friends
    # disappeared", "I wake up early")
    r"|\b(?:want(?:ed|s)?\s+to|wanna|wish(?:ed)?\s+(?:i|we)\s+(?:could|would)|if\s+i)"
    r"\s+(?:just\s+)?(?:disappear(?:ed)?|vanish(?:ed)?|stop(?:ped)?\s+existing"
    r"|(?:not|never)\s+exist(?:ed)?)\b"
    r"|\b(?:pray|hope|wish)\w*\s+(?:[\w'\u2019]+\s+){0,3}?(?:that\s+)?i\s+(?:don['\u2019]?t|won['\u2019]?t|never"
    r"|wouldn['\u2019]?t)\s+wake\s+up"
    r"(?=\s*(?:$|[.!?,;\u2026]|(?:again|tomorrow|anymore|ever|one\s+day|someday|in\s+the\s+morning"
    r")\b))"
    r"|\bwish\w*\s+i\s+(?:was|were|had)\s+never\s+(?:been\s+)?born\b"
)
_DANGER = re.compile(
    rf"{_KYS}|\b(?:shoot|shot|{_HARM_VERBS}){_SELF}|{_DANGER_WORDS}", re.IGNORECASE
)
#: :data:`_DANGER` with a masked letter for any vowel of its words, read in text that
#: :func:`~carelens.text.unmask` read ("k*ll myself", "d*e": :func:`~carelens.text.vowels_masked`);
#: "kys" only as "k*s" ("k*ss" is a kiss), and "shoot" or "shot" only with an "o" shown
#: ("sh*ot": "sh*t myself", "sh**t myself" are swearing).
_DANGER_MASKED = re.compile(
    "|".join(
        (
            _KYS,
            rf"\bk{MASKED_LETTER}s\b",
            rf"\bsh(?:o[o{MASKED_LETTER}]?|{MASKED_LETTER}o)t{vowels_masked(_SELF)}",
            vowels_masked(rf"\b(?:{_HARM_VERBS}){_SELF}"),
            vowels_masked(_DANGER_WORDS),
        )
    ),
    re.IGNORECASE,
)

#: "kill myself" spelt past a filter in ways no unmasking reads: letters starred or dotted
#: beyond the vowels, or left out ("k**l myself", "k.ll myself", "kll myself", "k!ll
#: mys*lf"); "kiss myself" is none.
_KILL_SPELT = re.compile(
    rf"\bk[il1!|*.#_{MASKED_LETTER}-]{{1,3}}\s*(?:my|your|ur|him|her|them|one)\s*"
    rf"s[e3*.#{MASKED_LETTER}]?l(?:f|ves|[*{MASKED_LETTER}])",
    re.IGNORECASE,
)


#: "cutting" or "cuts" of self-harm, told without "myself" ("i've been cutting", "my friend
#: cuts and ...", "cuts on her arms", "cutting is the only thing that helps"): at the end of a
#: clause, or before a word that tells no object of it (:data:`_AFTER_CUTTING`), never after
#: a word that names what is cut (:data:`_CUT_THINGS`: "budget cuts", "pay cuts"); "cutting
#: my hair", "cuts class", "cutting costs", "cutting back" are none. "cut" alone only so
#: after a wish or an urge ("I wanna cut but I'm scared"; not "I want to cut my hair") or
#: before "again", "deeper", "last night" ("I cut again last night").
_AFTER_CUTTING = (
    r"and|but|or|so|again|anymore|too|since|because|cause|cuz|when|whenever|while|until|every"
    r"|a\s+lot|lately|recently|still|daily|regularly|sometimes|often|at\s+night|is|was|helps"
    r"|helped|scars|for\s+(?:years|months|weeks|a\s+while|so\s+long)"
    rf"|(?:on\s+)?{_POSSESSIVE}\s+(?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?|body)"
)
_CUTTING = re.compile(
    rf"\b(?:(?:cutting|cuts|(?:wanna|want\s+to|need\s+to|urges?\s+to|going\s+to|gonna|tempted\s+to"
    rf"|started\s+to|not\s+to)\s+cut)(?=\s*(?:$|[.!?,;:)\u2026]|(?:{_AFTER_CUTTING})\b))"
    r"|cut(?=\s+(?:again|deeper|last\s+night)\b))",
    re.IGNORECASE | re.MULTILINE,
)
#: Words before "cuts" or "cutting" that name what is cut, or make it a cut of something else.
_CUT_THINGS = frozenset([
    "hair", "paper", "budget", "pay", "job", "tax", "price", "spending", "staff", "funding",
    "power", "cold", "service", "rate", "wage", "salary", "benefit", "benefits", "cost",
    "program", "hours", "director's", "final", "rough", "clean", "fresh", "prime", "jump",
    "short", "fast", "quick", "coupon", "wood", "grass", "lawn", "weight",
])  # fmt: skip


def _cutting(text: str) -> list[tuple[int, int]]:
    """Where ``text`` tells of cutting as self-harm without "myself" (:data:`_CUTTING`), not
    after a word of :data:`_CUT_THINGS` ("budget cuts", "paper cuts")."""
    spans = []
    for found in _CUTTING.finditer(text):
        before = WORD.findall(text, max(0, found.start() - 20), found.start())
        if not before or plain(before[-1]) not in _CUT_THINGS:
            spans.append(found.span())
    return spans


@lru_cache(maxsize=8)
def danger_spans(seeker: str) -> tuple[tuple[int, int], ...]:
    """Where ``seeker`` holds words an opening must not echo: its crisis cues and the crisis
    words it negates ("I'm not suicidal"), both of :func:`carelens.analysis.crisis.crisis_scan`,
    urging or method words (:func:`carelens.analysis.unsafe.unsafe_spans`) and the words of
    :data:`_DANGER`, :data:`_CUTTING` and the warning signs
    (:func:`~carelens.analysis.openings_warning_signs.warning_sign_spans`), whoever is said to
    have written them ("told me to kys"). Like the
    others, :data:`_DANGER` reads the text as the patterns do (:func:`~carelens.text.fold`:
    "sui\u00adcide", full-width letters), and it reads masked words as the words they mask
    (:func:`~carelens.text.unmask`: "d-i-e", "k*ll myself"); its words are mapped back to the
    seeker's offsets. They are read again without the words that keep a verb from what it
    reaches (:func:`~carelens.analysis.openings_excepts.without_excepts`: "I think about
    nothing but dying" is read "I think about dying"), and what they find there is mapped back
    over them. The last few messages' answers are kept: the feedback on every reply to one
    message asks about it again."""
    spans = _spans_of(seeker)
    excepted = without_excepts(seeker)
    if excepted is None:
        return spans
    text, cuts = excepted
    return (*spans, *(span_back(cuts, *span) for span in _spans_of(text)))


def _spans_of(seeker: str) -> tuple[tuple[int, int], ...]:
    """:func:`danger_spans` of ``seeker`` as it is written."""
    cues, negated = crisis_scan(seeker)
    folded = fold(seeker)
    unmasked = unmask(folded.text)
    # Without a masked letter the masked pattern finds what the plain one does, more slowly.
    danger = _DANGER_MASKED if MASKED_LETTER in unmasked.text else _DANGER
    found = [found.span() for found in danger.finditer(unmasked.text)]
    # "k**l myself", "kll myself": where no pattern above read them
    found += [
        spelt.span() for spelt in _KILL_SPELT.finditer(unmasked.text) if spelt.span() not in found
    ]
    return (
        *((cue.start, cue.end) for cue in cues),
        *negated,
        *((span.start, span.end) for span in unsafe_spans(seeker)),
        *(folded.span(*unmasked.span(*span)) for span in found),
        *(folded.span(*unmasked.span(*span)) for span in _cutting(unmasked.text)),
        *(folded.span(*unmasked.span(*span)) for span in warning_sign_spans(unmasked.text)),
    )


@lru_cache(maxsize=8)
def look_alikes(seeker: str) -> tuple[tuple[int, int], ...]:
    """Where ``seeker`` holds words that only look like a warning sign, telling of an everyday
    thing (:func:`~carelens.analysis.openings_warning_signs.look_alike_spans`: "I finally
    figured out how to do it!"), read as :func:`danger_spans` reads them and mapped back to
    the seeker's offsets."""
    folded = fold(seeker)
    unmasked = unmask(folded.text)
    return tuple(folded.span(*unmasked.span(*span)) for span in look_alike_spans(unmasked.text))


def merged(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The starts and ends of ``spans`` merged where they overlap, in order (so that
    :func:`overlaps` finds one that overlaps a piece by bisection)."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def after_danger(text: str, spans: tuple[list[int], list[int]], start: int, end: int) -> int | None:
    """Where a clause of the seeker's own starts in ``text[start:end]`` after the last of the
    :func:`merged` ``spans`` in it: after an English conjunction
    (:data:`~carelens.analysis.openings_words.CONJUNCTION`) followed by a subject of theirs
    (:data:`~carelens.analysis.openings_words.OWN_SUBJECT`: "... told me to kys and I feel
    worthless"); None when there is none, a span reaches the end, or the clause adds itself
    to the danger (:func:`~carelens.analysis.openings_words.adds_to_before`: "I'm not suicidal
    but I'm not okay either")."""
    starts, ends = spans
    k = bisect_left(starts, end) - 1  # the last that starts before ``end``
    if k < 0 or ends[k] >= end:
        return None
    for found in CONJUNCTION.finditer(text, max(start, ends[k]), end):
        if OWN_SUBJECT.match(text, found.end(), end):
            return None if adds_to_before(text, found.end(), end) else found.end()
    return None


#: Where the words before danger end: before the connective that joins the danger to them
#: ("I feel lost since she took her own life", "..., after my brother's suicide").
_DANGER_CONNECTIVE = re.compile(
    r"\s*,\s*|\s+(?:(?:and|but|or|especially)\s+)?(?:(?:ever|right|just|even|only)\s+)?"
    r"(?:since|after|because|when)\b",
    re.IGNORECASE,
)


def before_danger(
    text: str, spans: tuple[list[int], list[int]], start: int, end: int
) -> int | None:
    """Where the clause ``text[start:end]`` may end before the first of the :func:`merged` ``spans``
    in it: before the last connective (:data:`_DANGER_CONNECTIVE`) ahead of that span, when every
    span in the clause tells of someone else (:func:`someone_elses`: "I feel lost since she took
    her own life" may end before "since"); None when one may be the seeker's own ("I feel lost
    because I want to die", "after my suicide attempt"), no connective comes after a word, or the
    words before it end on one that needs another
    (:func:`~carelens.analysis.openings_words.needs_more`)."""
    starts, ends = spans
    k = bisect_right(ends, start)  # the first that ends after ``start``
    if k >= len(starts) or starts[k] <= start:
        return None
    j = k
    while j < len(starts) and starts[j] < end:
        if not someone_elses(text, start, starts[j], ends[j]):
            return None
        j += 1
    cut = None
    for found in _DANGER_CONNECTIVE.finditer(text, start, starts[k]):
        cut = found.start()
    words = NO_SPACE_RUN.findall(text, start, cut) if cut is not None else []
    if not words or needs_more(words[-1]):
        return None
    return cut


def someone_elses(text: str, start: int, first: int, last: int) -> bool:
    """Whether the danger words ``text[first:last]`` tell of someone else's act, not of the
    seeker's own intent (as the crisis feedback reads whose a cue is,
    :func:`carelens.analysis.crisis_feedback.whose_before`): by a word of their own ("took
    her own life", "kill myself"), else by the nearest telling word before them from
    ``start`` ("since my brother's suicide"; "since I want to die", "after my suicide
    attempt" are the seeker's). Where no word tells, they are the seeker's."""
    for word in WORD.findall(text, first, last):
        if (theirs := whose_before(word)) is not None:
            return theirs
    for word in reversed(WORD.findall(text, start, first)):
        if (theirs := whose_before(word)) is not None:
            return theirs
    return False


def overlaps(spans: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether ``start``-``end`` overlaps one of the :func:`merged` ``spans``."""
    starts, ends = spans
    k = bisect_right(ends, start)  # the first that ends after ``start``
    return k < len(starts) and starts[k] < end
