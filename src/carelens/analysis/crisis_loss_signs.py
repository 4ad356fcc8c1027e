"""Signs of risk told beside a loss in words that are no crisis cue: the seeker's own, and a
living person's.

A message that tells a loss (a death by suicide or by overdose:
:mod:`carelens.analysis.crisis_loss`) may tell the seeker's own risk in words that the crisis
patterns read as no cue alone, for their everyday senses ("my fiancé died of a fentanyl
overdose. i've relapsed and honestly i don't care if i wake up", "been hoarding my oxy, just
in case", "i have my own plan now", "i keep thinking i'll be next", "i wish it had been me
instead", "i attempted a month later"), or a living person's ("my little brother is using the
same stuff now", "his twin is using again and talks about not wanting to live", "Her brother
Tom has tried twice since"). The bereaved are at higher risk themselves, so the crisis
feedback reads these before the loss (:func:`risk_signs`); the wish to follow the one lost and
the same risk "too" are read by :mod:`carelens.analysis.crisis_following`. The signs, outside
the words that tell the death:

- the signs of the writer's own risk of :data:`carelens.analysis.crisis_patterns.OWN_RISK`
  said of the seeker ("I feel like such a burden", "everything feels pointless", "nobody
  would miss me", "I'd rather not be here either"), but the words a loss is told and mourned
  in (:data:`_MOURNED`: "died", "gone", "his grave", "the last time", "I can't handle this",
  "the pain of losing her", "I feel awful"), and a verdict only where the seeker is its
  subject ("I'm useless", not "I think the doctors were useless");
- the seeker's words of :data:`_OWN_SIGNS`: not caring whether they wake up, no point in going
  on, means kept or watched ("hoarding my oxy", "staring at her leftover pills"), a plan of
  their own, being next, "it should have been me", the thoughts back;
- an act of risk (:data:`_ACTS`: an attempt, a relapse, "using again", "not wanting to
  live"): the seeker's, or a living person's, never that of the one who died (their earlier
  risk is part of the loss: :meth:`carelens.analysis.crisis_loss.Losses.of_the_dead`), and
  where a death's person is not named, only one told in the present or "too", "again".

Each is read with the nearest person named before it in its clause, as
:mod:`carelens.analysis.crisis_following` reads its words (the seeker or no one: the seeker's;
a verdict of :data:`~carelens.analysis.crisis_patterns.OWN_RISK` needs the seeker named), and a
denial undoes it (:func:`carelens.analysis.crisis_following.denied`: "I never attempted", "I
didn't relapse").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence

from carelens.analysis.crisis_following import denied
from carelens.analysis.crisis_loss_persons import OWN_PERSON, PRESENT, Identity, Persons
from carelens.analysis.crisis_overdose_patterns import DRUGS
from carelens.analysis.crisis_patterns import OWN_RISK

_OWN_RISK = re.compile(OWN_RISK, re.IGNORECASE)
#: Matches of :data:`~carelens.analysis.crisis_patterns.OWN_RISK` that a loss is told and
#: mourned in, read whole: the death and its place ("died", "his death", "gone", "heaven",
#: "the grave", "forever", "goodbye", "the last time", "the bridge", "the rope"), the care
#: and the finding ("the hospital", "the icu", "found me"), grief ("the pain of losing him",
#: "I can't handle this", "I feel nothing", "I feel awful", "I'm a mess", "it broke my heart",
#: "such a waste", "I gave up my job", "I snapped at my kids"), and the everyday "I'm done".
_MOURNED = re.compile(
    r"di(?:e|es|ed|ing)|dead|death|gone|kill\w*|suicid\w*|heaven|graves?|coffin|forever"
    r"|for\s+good|permanently|good\s*-?\s*bye|this\s+world|last\s+time|one\s+more\s+time"
    r"|existence|exist(?:ing)?|life\s+itself|traffic|toaster|bridge|rope|noose|gun|method"
    r"|breathing|waste|do\s+it|over\s+with|(?:it|this|everything)\s+(?:all\s+)?over"
    r"|broke\s+.*|hospital\w*|icu|.*\ber\b.*|poison\s+control|liver|stomach\s+pumped"
    r"|pumped\s+my\s+stomach|found\s+me|ambulance|passed\s+out|kept\s+going"
    r"|(?:gave|give|giving)\s+up|(?:can'?t|cant|cannot|couldn'?t|couldnt)\s+(?:handle|do)\s+.*"
    r"|snapped|(?:emotional|mental)\s+pain|pain\s+of\s+.*|(?:i\s+)?(?:feel|felt)\s+.*nothing"
    r"|so\s+it\s+works"
    r"|.*\s+more|on\s+purpose|(?:i'?m|im|i\s+am)\s+done"
    r"|.*(?:awful|terrible|horrible|a\s+mess|broken|(?:messed|fucked|screwed)\s+up|too\s+much)",
    re.IGNORECASE,
)
#: The verdicts of :data:`~carelens.analysis.crisis_patterns.OWN_RISK` that need the seeker as
#: their subject, with only :data:`_LINKING` words between ("I feel like such a failure"), or
#: for the last two, everything or life ("everything feels pointless").
_VERDICT = re.compile(
    r"(?:burden|worthless|useless|pathetic|failure|fail|bad\s+at|disappointment|lost\s+cause"
    r"|ruin|hopeless|pointless)",
    re.IGNORECASE,
)
_LINKING = frozenset([
    "i", "i'm", "im", "i've", "ive", "i'd", "am", "was", "been", "be", "being", "feel",
    "feels", "felt", "feeling", "like", "so", "such", "a", "an", "the", "just", "really",
    "completely", "totally", "utterly", "literally", "honestly", "kinda", "kind", "of", "pretty",
    "very", "too", "always", "now", "only", "become", "became", "becoming", "get", "getting",
    "got", "more", "and", "total", "complete", "fucking", "absolutely", "seem", "seems",
    "seemed", "still", "biggest", "worst", "basically", "probably", "must", "have", "my",
    "life", "is", "me", "makes", "made", "make",
])  # fmt: skip
_EVERYTHING = frozenset(["everything", "life", "living", "all", "anything"])
#: Matches of OWN_RISK that the words after them make everyday, each with those words: "I'm
#: not here to judge", "on my way out of the house", "I can't take it in", "I don't deserve
#: this".
_EVERYDAY_AFTER = (
    (re.compile(r"(?:not|no\s+longer)\b", re.IGNORECASE),
     re.compile(r"\s+(?:to|for|when|much|right|at|in|with|yet)\b", re.IGNORECASE)),
    (re.compile(r".*\bway\s+out\Z", re.IGNORECASE), re.compile(r"\s+of\b", re.IGNORECASE)),
    (re.compile(r".*\btake\s+(?:it|this)\Z", re.IGNORECASE),
     re.compile(r"\s+in\b", re.IGNORECASE)),
    (re.compile(r".*\bdeserve\Z", re.IGNORECASE),
     re.compile(r"\s+(?:this|that|it|any\s+of)\b", re.IGNORECASE)),
)  # fmt: skip
#: After "nobody would miss" and its kin, the seeker: "me", "if I".
_NOBODY = re.compile(r"(?:nobody|no\s*one|noone)\b")
_ABOUT_ME = re.compile(r"\s+(?:[\w']+\s+){0,3}?(?:me|if\s+i)\b", re.IGNORECASE)

#: "live" as a life, not a place ("doesn't want to live here anymore").
_LIVE = r"live(?!\s+(?:here|there|in|with|at|near|alone|together|abroad|on|by|without\s+(?:a|the)))"
#: The seeker's own words of risk that the patterns read as none alone: not caring whether
#: they wake up, no point in going on, means kept or watched, a plan of their own, being next,
#: "it should have been me".
_OWN_SIGNS = re.compile(
    r"\b(?:(?:don'?t|dont|do\s+not|won'?t|wont)\s+care\s+(?:if|whether)\s+i\s+(?:wake\s+up|live"
    r"|die|make\s+it|survive|see\s+tomorrow)"
    r"|hop(?:e|es|ed|ing)\s+(?:that\s+)?i\s+(?:don'?t|dont|never|won'?t|wont)\s+(?:wake\s+up"
    r"|make\s+it)"
    r"|(?:don'?t|dont|do\s+not)\s+(?:want|wanna)\s+(?:to\s+)?(?:wake\s+up|be\s+(?:here|alive"
    rf"|around)|{_LIVE}|go\s+on|exist|keep\s+going|carry\s+on)"
    r"|rather\s+not\s+(?:be\s+(?:here|alive|around)|exist|live|wake\s+up)"
    r"|(?:no|what'?s\s+the|whats\s+the|(?:(?:don'?t|dont|do\s+not|can'?t|cant|cannot)\s+)?(?:see"
    r"|find)\s+(?:no|the|any))\s+point\s+(?:of|in)\s+"
    r"(?:being\s+(?:here|alive|around)|living|going\s+on|carrying\s+on"
    r"|staying|life|waking\s+up)"
    r"|(?:hoard\w*|stockpil\w*|stash\w*|sav(?:e|es|ed|ing)(?:\s+up)?|collect\w*)\s+(?:up\s+)?"
    rf"(?:(?:my|her|his|their|the|some|all|of|old|leftover|extra|a|bunch)\s+){{0,3}}{DRUGS}\b"
    r"|(?:star(?:e|es|ed|ing)|look(?:s|ed|ing)?|count(?:s|ed|ing)?)\s+at\s+(?:(?:the|her|his"
    rf"|their|my|a|leftover|old|remaining|bottles?|of|all|those|these)\s+){{0,4}}{DRUGS}\b"
    r"|(?:my\s+own|a)\s+plan\b(?=\s*(?:$|[.!?,;\n]|now|too|already|ready|in\s+place|for\s+(?:it"
    r"|tonight|when|how)|to\s+(?:die|end|kill|do\s+it|join|follow|be\s+with|go)\b))"
    r"|plan(?:ning|ned)?\s+mine\b"
    r"|(?:i'?ll|i\s+will|i'?m|im|i\s+am)\s+(?:gonna\s+|going\s+to\s+)?(?:be\s+)?(?:the\s+)?next"
    r"(?:\s+one)?(?=\s*(?:$|[.!?,;\n]|too|then|honestly|tbh|lol))"
    r"|(?:should(?:'ve|\s+have|\s+of)\s+been|wish\s+it\s+(?:had\s+been|was|were|would\s+have"
    r"\s+been)|why\s+(?:wasn'?t|couldn'?t)\s+it\s+(?:have\s+)?(?:been|be))\s+me\b)",
    re.IGNORECASE,
)
#: The thoughts back, whose no person a few words before says otherwise ("and the thoughts
#: have started", "the urges are back"; not "my brother says the thoughts are back").
_THOUGHTS = re.compile(
    r"\bthe\s+(?:thoughts|urges)\s+(?:have\s+|are\s+|came\s+|come\s+|keep\s+)?(?:started|begun"
    r"|back|coming\s+back|come\s+back|returned|getting\s+(?:worse|stronger))\b",
    re.IGNORECASE,
)
#: An act of risk, the seeker's or a living person's: an attempt ("I attempted a month later",
#: "my brother attempted last year too"; not "attempted CPR", "attempted to call"), tries
#: ("has tried twice since", "tried to end it"; not "tried twice to reach him"), a relapse
#: or drugs used again ("i've relapsed", "is using the same stuff now", "using again"), not
#: wanting to live (not a relapse into smoking or old habits).
_ACTS = re.compile(
    r"\battempted\b(?!\s+(?:to\s+(?!(?:kill|end|take|die|overdose|od|hang|do\s+(?:it|the\s+same"
    r"|that)|join|follow)\b)|cpr|rescue|resuscitation|contact|the\b|an\b|a\s+(?!(?:month|week"
    r"|year|day|few|couple|while|second|third)\b)|my\s+(?!own\b|life\b)|his\b|her\b|their\b"
    r"|this\b|that\b|some\b|every\w*|one\b))"
    r"|\btried\s+to\s+(?:kill|end\s+(?:it|my|his|her|their)|take\s+(?:my|his|her|their)\s+(?:own"
    r"\s+)?life|overdose|od|die|hang)\b"
    r"|\btried(?:\s+it)?\s+(?:again|twice|once|(?:three|four|five|several|many|\d+)\s+times)\b"
    r"(?!\s+(?:to|for|with|at|on)\b)"
    r"|\brelaps(?:ed|ing|e)\b(?![^.!?,;\n]{0,30}\b(?:smok\w*|cigarettes?|vap\w*|nicotine|habits?"
    r"|diet|sugar|nail\w*|old\s+patterns))"
    r"|\b(?:using|shooting\s+up)\s+(?:again|heavily|more(?=\s*(?:$|[.!?,;\n]|and|hoping|than"
    r"\s+(?:ever|before|usual)))|the\s+same\s+(?:stuff|pills|drugs|shit|thing|dealer"
    rf"|{DRUGS}))\b"
    rf"|\bnot\s+wanting\s+to\s+(?:{_LIVE}|be\s+(?:here|alive|around)|wake\s+up|go\s+on)\b"
    rf"|\b(?:doesn'?t|does\s+not|don'?t|dont|didn'?t)\s+want\s+to\s+(?:{_LIVE}|be\s+(?:here|alive"
    r"|around)|wake\s+up|go\s+on|exist)\b",
    re.IGNORECASE,
)
#: Words of a clause that tell a living person's act now or again, where the person of a death
#: is not named ("he's using again", "my brother attempted too").
_NOW_OR_AGAIN = PRESENT | frozenset(["too", "again", "also", "since", "lately"])
#: How many words back from a sign its person is looked for.
_REACH = 12

#: How many words back from the thoughts their person is looked for.
_THOUGHTS_REACH = 2

_OWN, _THOUGHTS_BACK, _VERDICT_SIGN, _RISK_WORDS, _ACT = range(5)


def risk_signs(
    text: str,
    persons: Persons,
    losses: Sequence[tuple[int, int]],
    dead: Collection[Identity],
    *,
    own: bool,
    all_named: bool = True,
) -> tuple[int, int] | None:
    """Where the seeker (``own``), or else a living person, first tells a sign of their risk in
    ``text`` (see the module), from the person's word where one is named, ``text`` telling
    deaths at ``losses`` (read by ``persons``) of the persons ``dead`` (``all_named``: every
    death's person is named); None where none does, or ``text`` tells no loss."""
    if not losses:
        return None
    found: list[tuple[int, int, int]] = []
    if own:
        found += [(*sign.span(), _OWN) for sign in _OWN_SIGNS.finditer(text)]
        found += [(*back.span(), _THOUGHTS_BACK) for back in _THOUGHTS.finditer(text)]
        for risk in _OWN_RISK.finditer(text):
            words = risk.group(0)
            if _MOURNED.fullmatch(words) is None and (end := _read_to(text, risk)) is not None:
                kind = _VERDICT_SIGN if _VERDICT.match(words) else _RISK_WORDS
                found.append((risk.start(), end, kind))
    found += [(*act.span(), _ACT) for act in _ACTS.finditer(text)]
    ends = [loss_end for _, loss_end in losses]
    for start, end, kind in sorted(found):
        k = bisect_right(ends, start)  # the first loss that ends after the sign starts
        if k < len(losses) and losses[k][0] < end:
            continue  # the words that tell the death
        told = _told_by(text, persons, start, end, kind, own, dead, all_named=all_named)
        if told is not None and not denied(text, persons, start, end):
            return told, end
    return None


def _read_to(text: str, risk: re.Match[str]) -> int | None:
    """Where a match of OWN_RISK is read to: its end, or past the seeker after "nobody would
    miss" and its kin (:data:`_ABOUT_ME`); None where the words after it make it everyday
    (:data:`_EVERYDAY_AFTER`, "nobody wants to talk about it")."""
    words = risk.group(0).lower()
    if _NOBODY.match(words) is not None and not words.endswith(("me", "i")):
        about = _ABOUT_ME.match(text, risk.end())
        return None if about is None else about.end()
    if any(
        told.match(words) is not None and after.match(text, risk.end()) is not None
        for told, after in _EVERYDAY_AFTER
    ):
        return None
    return risk.end()


def _told_by(
    text: str,
    persons: Persons,
    start: int,
    end: int,
    kind: int,
    own: bool,
    dead: Collection[Identity],
    *,
    all_named: bool,
) -> int | None:
    """Where the sign at ``start``-``end`` of ``kind`` is told from, where it is the seeker's
    (``own``) or a living person's (see :func:`risk_signs`): the person's word, or the sign's
    start where no one is named; None where it is someone else's."""
    reach = _THOUGHTS_REACH if kind == _THOUGHTS_BACK else _REACH
    clause = max(persons.start(start), persons.back(start, reach))
    if kind in (_OWN, _THOUGHTS_BACK):  # the seeker's words: read back from where they start
        nearest = persons.nearest(clause, start)
        return start if nearest is None else nearest[0] if nearest[1] == OWN_PERSON else None
    # a verdict or an act reads back from its end ("my attempt", "using again")
    nearest = persons.nearest(clause, end)
    if kind in (_VERDICT_SIGN, _RISK_WORDS):
        if nearest is None or nearest[1] != OWN_PERSON:
            return _everything_before(persons, clause, start) if kind == _VERDICT_SIGN else None
        if kind == _VERDICT_SIGN and not _LINKING.issuperset(persons.words(nearest[0], start)):
            return None
        return min(start, nearest[0])  # "i feel hopeless", "nobody would miss me"
    if own:
        return start if nearest is None else nearest[0] if nearest[1] == OWN_PERSON else None
    if nearest is None or nearest[1] == OWN_PERSON or nearest[1] in dead:
        return None
    if not all_named or nearest[1][0] == "":
        # the one who died may be this person: only an act told now or again is a living one's
        words = persons.words(persons.start(start), persons.clause_end(end))
        if not _NOW_OR_AGAIN.intersection(words):
            return None
    return nearest[0]


def _everything_before(persons: Persons, clause: int, start: int) -> int | None:
    """Where "everything" or "life" starts as the subject of a verdict, a few words before
    ``start`` in its clause ("everything feels pointless", "life is hopeless"), or None."""
    begins = max(clause, persons.back(start, 3))
    words = persons.words(begins, start)
    for k, word in enumerate(words):
        if word in _EVERYTHING:
            return persons.back(start, len(words) - k)
    return None
