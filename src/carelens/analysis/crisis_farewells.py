"""The checks of the farewells' crisis cues: what the words around a goodbye, a "last post" or a
farewell's acts say.

A farewell (:mod:`carelens.analysis.crisis_patterns`:
:data:`~carelens.analysis.crisis_patterns.GOODBYE`,
:data:`~carelens.analysis.crisis_patterns.LAST_POST`, the acts of
:data:`~carelens.analysis.crisis_patterns.FAREWELL_ACTS`, the letters of
:data:`~carelens.analysis.crisis_patterns.GOODBYE_LETTERS` and the rest of
:data:`~carelens.analysis.crisis_patterns.FINAL_FAREWELLS`) is a cue where it points to an ending,
not beside an everyday leaving ("goodbye everyone, I'm moving to Canada", "my last post before my
holiday", "my resignation letter ... goodbye to that office", "goodbye london, hello lisbon") unless
words of an ending no leaving explains stand near it ("... take care of my cat for me", "i won't be
around anymore"): a goodbye needs words of an ending near it ("Goodbye. I love you all."), a "last
post" needs to be the writer's own with a goodbye or such words near it, an act needs another act,
the calm after them or another sign of an ending ("I've been giving away my things and saying
goodbye to people. I feel calm now.", "I wrote letters to my kids, they will understand one day",
"since I made my decision I have been saying my goodbyes"), and goodbye letters written are a sign
alone ("I wrote my goodbye letters tonight"), but to an everyday recipient ("a goodbye letter to my
old job", "... to my eating disorder", "... to my grandpa who passed away"); so is the writer's own
note written ("i wrote my note tonight", "my note is done"), but for an everyday use ("wrote my note
for the teacher", "left my note on the fridge, grocery list"). None of them is a cue told in a story
(:func:`carelens.analysis.crisis_stories.in_a_story`: "the episode where she writes goodbye letters
to everyone was so sad"), but the writer's own after one is ("after that show I've been writing
goodbye letters to my family"). :data:`FAREWELL_CHECKS` maps each pattern to its check;
:mod:`carelens.analysis.crisis_context` joins them to its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from carelens.analysis.crisis_patterns import (
    BYE,
    FAREWELL_ACTS,
    FINAL,
    FINAL_FAREWELLS,
    GOODBYE,
    GOODBYE_LETTERS,
    LAST_POST,
    OWN_NOTE,
)
from carelens.analysis.crisis_stories import in_a_story

# An everyday leaving near a farewell: a move, a trip, a new job, a break.
_ORDINARY_LEAVING = re.compile(
    r"\b(?:moving|move\s+(?:to|abroad|away|out|house)|moved|relocat\w*|holidays?|vacation|trip"
    r"|travel\w*|flight|flying|plane|abroad|new\s+(?:job|city|country|school|account|team|home"
    r"|house|place)|leaving\s+(?:for|the\s+(?:company|team|job|country|city|forum|sub|subreddit"
    r"|group|site|server|app))|quit(?:ting)?\s+(?:my\s+job|reddit|the\s+(?:forum|sub|app|site))"
    r"|graduat\w*|retir\w*|hiatus|(?:a|my)\s+break|logging\s+off|signing\s+off|offline"
    r"|delet\w*\s+(?:my\s+)?(?:account|reddit|app)|see\s+(?:you|ya|u)\s+(?:all\s+|guys\s+)?"
    r"(?:soon|later|in|next|when|after|again|on|around)|be\s+back|for\s+now|for\s+a\s+(?:while"
    r"|bit|few)|camp(?:ing)?|wedding|honeymoon|deploy\w*|semester|internship"
    # A job or a place left: "leaving my job friday", "my resignation letter", "my last day at
    # the old job", "goodbye to that toxic office", "goodbye london, hello lisbon", "come visit".
    r"|leaving\s+(?:my|this|that|our)\s+(?:\w+\s+)?(?:job|company|team|work|office|role|position"
    r"|school|flat|apartment|house|city|town|country)(?!\s+(?:and|&)\s+(?:every|this\s+world|life"
    r"|it\s+all))|resign\w*|(?:hand\w*|put\w*)\s+in\s+(?:my\s+)?notice|notice\s+period"
    r"|last\s+day\s+(?:at|of|in|on)\s+(?!(?:this\s+|the\s+|my\s+)?(?:earth|world|planet|life|here"
    r"|alive)\b)(?:the|my|this|our|work|school)\b|old\s+(?:job|office|team|workplace)"
    r"|(?:goodbye|bye|farewell)\s+(?:to\s+)?(?:my|that|the|this|our)\s+(?:\w+\s+)?(?:job|office"
    r"|workplace|company|school|city|town|flat|apartment)|(?:goodbye|bye)\s+\w+\W{0,3}\s*hello\s+"
    r"(?!darkness\b)\w+|come\s+(?:and\s+)?visit(?:\s+(?:me|us))?(?:\s+(?:soon|any\s*time|sometime)"
    r"|(?=\s*(?:[!.,]|$))))\b",
    re.IGNORECASE,
)


# Near a farewell, words of an ending that no everyday leaving explains: "take care of my cat
# for me", "i won't be around anymore", "sorry for everything", "forgive me".
_NO_RETURN = re.compile(
    r"\b(?:take\s+care\s+of\s+my\s+(?:cats?|dogs?|pets?|kids|children)|won'?t\s+be\s+(?:here"
    r"|around)\s+(?:any\s*more|for\s+long)|sorry\s+for\s+everything|forgive\s+me)\b",
    re.IGNORECASE,
)


def _final_farewell(text: str, start: int, end: int) -> bool:
    """A farewell without an everyday leaving near it ("goodbye everyone, I'm moving to
    Canada", "by the time you read this I'll be gone on holiday") or with words of an ending
    no leaving explains (:data:`_NO_RETURN`: "... my last day at work, take care of my cat for
    me"), not told in a story (:func:`~carelens.analysis.crisis_stories.in_a_story`)."""
    low, high = max(0, start - 150), end + 150
    leaving = _ORDINARY_LEAVING.search(text, low, high) is not None
    leaving = leaving and _NO_RETURN.search(text, low, high) is None
    return not leaving and not in_a_story(text, start, end)


_FINAL_WORDS = re.compile(rf"\b{FINAL}\b", re.IGNORECASE)
_FINAL_OR_BYE = re.compile(rf"\b(?:{FINAL}|{BYE})\b", re.IGNORECASE)
# "my last post", "the very last message", not "in my last post", "see my last post".
_OWN_LAST = re.compile(
    r"(?<!\bin\s)(?<!\bon\s)(?<!\bof\s)(?<!\bto\s)(?<!\bsee\s)(?<!\babout\s)\b(?:my|the)\s+"
    r"(?:very\s+)?$",
    re.IGNORECASE,
)


_FAREWELL_ACT = re.compile("|".join(f"(?:{p})" for p in FAREWELL_ACTS), re.IGNORECASE)
# The calm after the acts: "I feel calm now", "I feel at peace now, finally", "I'm ready now".
_CALM = re.compile(
    r"\b(?:feel|feeling|felt|i'?m|im|i\s+am)\s+(?:(?:so|very|really|strangely|weirdly|oddly"
    r"|finally|completely|totally|just|a\s+lot\s+more|more|much)\s+)*(?:calm|at\s+peace|peaceful"
    r"|ready)\b(?!\s+(?:for|to|with|about)\b)",
    re.IGNORECASE,
)
# Beside the acts, signs of an ending like the calm: a decision made and left unnamed ("since I
# made my decision"), the ones written to left to understand later ("they will understand one
# day"), not "made my decision about the job".
_ENDING_SIGNS = re.compile(
    r"\b(?:made|make|making|reached|come\s+to)\s+(?:up\s+)?(?:my|the|a)\s+(?:final\s+)?"
    r"(?:decision|mind)\b(?!\s+(?:about|on|to|for|regarding|between|whether|if|over|which|what"
    r"|after|up|a\b|and\s+(?:told|applied|signed|booked)))"
    r"|\b(?:they|she|he|you|u|everyone|my\s+\w+)\s*(?:'ll|will)\s+(?:understand|forgive\s+me"
    r"|get\s+over\s+it|be\s+(?:better|fine|ok|okay)\s+without\s+me)\b(?:\s+(?:one\s+day"
    r"|some\s*day|eventually|in\s+time|why))?",
    re.IGNORECASE,
)
# An everyday giving or leaving near the acts, besides _ORDINARY_LEAVING.
_ORDINARY_GIVING = re.compile(
    r"\b(?:charity|charities|donat\w*|thrift|goodwill|declutter\w*|garage\s+sale|yard\s+sale"
    r"|outgrown|old\s+(?:clothes|stuff|things|toys|books)|spare|minimalis\w*|tidy\w*|party"
    r"|christmas|birthdays?|thank[\s-]you|cards?|funeral|memorial|passed\s+away|died|vet"
    r"|put\s+(?:down|to\s+sleep)|hospice)\b",
    re.IGNORECASE,
)


def _farewell_acts(text: str, start: int, end: int) -> bool:
    """A farewell act (FAREWELL_ACTS) with another act, the calm after them (_CALM) or another
    sign of an ending (_ENDING_SIGNS: "I wrote letters to my kids and my wife last night, they
    will understand one day.") within 150 characters, and no everyday giving or leaving near it
    (_ORDINARY_GIVING, _ORDINARY_LEAVING): one act alone is how everyday life reads too. Not one
    told in a story (:func:`~carelens.analysis.crisis_stories.in_a_story`)."""
    if in_a_story(text, start, end):
        return False
    low, high = max(0, start - 150), end + 150
    other = any(
        not (match.start() < end and start < match.end())
        for match in _FAREWELL_ACT.finditer(text, low, high)
    )
    calm = _CALM.search(text, low, high) is not None
    if not other and not calm and _ENDING_SIGNS.search(text, low, high) is None:
        return False
    return (
        _ORDINARY_GIVING.search(text, low, high) is None
        and _ORDINARY_LEAVING.search(text, low, high) is None
    )


def _goodbye(text: str, start: int, end: int) -> bool:
    """A goodbye with words of an ending within 100 characters ("Goodbye. I love you all.",
    "she'll take better care of him. Goodbye everyone.")."""
    near = _FINAL_WORDS.search(text, max(0, start - 100), end + 100) is not None
    return near and _final_farewell(text, start, end)


def _last_words(text: str, start: int, end: int) -> bool:
    """The writer's own "last post" with a goodbye or words of an ending near it ("this is my
    last post, take care of my cat")."""
    if _OWN_LAST.search(text, max(0, start - 20), start) is None:
        return False
    after = _FINAL_OR_BYE.search(text, end, end + 100) is not None
    near = after or _FINAL_OR_BYE.search(text, max(0, start - 100), start) is not None
    return near and _final_farewell(text, start, end)


# Before goodbye letters, their writing: "i wrote my", "writing", "finished all of my", "left a".
_WRITTEN_BEFORE = re.compile(
    r"\b(?:wr[io]te|written|writing|write|writes|finish(?:ed|ing)?|left|leave|leaving|draft(?:ed"
    r"|ing)?|typed|typing)\s+(?:(?:a|my|the|some|all|of|few|\d+|two|three|four|five|little|short"
    r"|handwritten|last)\s+){0,3}$",
    re.IGNORECASE,
)
# After them, their writing done: "my goodbye letters are written", "the goodbye notes are done".
_WRITTEN_AFTER = re.compile(
    r"\s+(?:is|are)\s+(?:all\s+)?(?:written|done|ready|finished)\b", re.IGNORECASE
)
# After goodbye letters, an everyday recipient: a job, a team, a class, a place, a former self,
# an illness or an addiction given up, someone who died ("to my old job", "for my students", "to
# my eating disorder", "to my late grandpa", "to my dad who passed away").
_EVERYDAY_RECIPIENT = re.compile(
    r"\s+(?:to|for|addressed\s+to)\s+(?:(?:my|our|the|his|her|their|a|an|all\s+(?:of\s+)?(?:my|the"
    r"|our))\s+)?(?:(?:old|former|favou?rite|dear|whole|new|younger|past|\d+\w*\s+grade)\s+)?"
    r"(?:job|work|team|teammates|coworkers?|co-workers?|colleagues?|boss|manager|company|office"
    r"|class|classmates?|students?|pupils?|teachers?|professors?|school|college|uni|ex|exes|city"
    r"|town|hometown|house|home|apartment|flat|neighbou?rs?|neighbou?rhood|roommates?|flatmates?"
    r"|landlord|clients?|customers?|patients?|campers?|camp|club|church|congregation|group"
    r"|followers?|fans|subscribers?|readers?|community|server|guild|childhood|youth|self|past"
    r"|ed|eating\s+disorder|addiction|depression|anxiety|self[\s-]*harm|abuser|bully|bullies"
    r"|therapist|counsell?or|late\s+\w+|deceased\s+\w+)\b"
    r"|\s+(?:to|for)\s+(?:[\w']+\s+){1,3}?who\s+(?:died|passed|is\s+dead|was\s+killed)\b",
    re.IGNORECASE,
)
# In the rest of its sentence, a loved one written to too ("to my coworkers and my family").
_LOVED_ONES = re.compile(
    r"\b(?:family|kids|children|parents|mom|mum|dad|wife|husband|partner|girlfriend|boyfriend"
    r"|sisters?|brothers?|loved\s+ones|every(?:one|body)|son|daughter)\b",
    re.IGNORECASE,
)
_SENTENCE_REST = re.compile(r"[^.!?\n]{0,150}")


def _goodbye_letters(text: str, start: int, end: int) -> bool:
    """Goodbye letters written (:data:`_WRITTEN_BEFORE`, :data:`_WRITTEN_AFTER`: "I wrote my
    goodbye letters tonight", "writing goodbye letters to my family", "my goodbye letters are
    written"), not to an everyday recipient alone (:data:`_EVERYDAY_RECIPIENT`: "a goodbye
    letter to my old job", not "... to my coworkers and my family": :data:`_LOVED_ONES`) nor
    beside an everyday leaving (:func:`_final_farewell`: "... before I retire")."""
    written = _WRITTEN_BEFORE.search(text, max(0, start - 60), start) is not None
    if not written and _WRITTEN_AFTER.match(text, end) is None:
        return False
    recipient = _EVERYDAY_RECIPIENT.match(text, end)
    if recipient is not None:
        rest = _SENTENCE_REST.match(text, recipient.end())
        assert rest is not None  # it matches the empty string
        if _LOVED_ONES.search(text, recipient.end(), rest.end()) is None:
            return False
    return _final_farewell(text, start, end)


# After the writer's note, an everyday use of it: a school, a doctor, an absence, a list, the
# fridge, being home late ("my note for the teacher", "left my note on the fridge").
_EVERYDAY_NOTE = re.compile(
    r"\b(?:school|class|teacher|homework|exams?|lecture|doctor'?s?|dentist|sick\s+note|absen\w*"
    r"|excuse|permission|appointment|grocer\w*|shopping|to-?do|fridge|lunch|(?:be|running|home)"
    r"\s+late|be\s+(?:home|back)|reminder|sticky|post-?it|birthday|card|gift|valentine|landlord"
    r"|(?:baby)?sitter|nanny|whiteboard|planner)\b",
    re.IGNORECASE,
)


def _own_note(text: str, start: int, end: int) -> bool:
    """The writer's own note written (:data:`~carelens.analysis.crisis_patterns.OWN_NOTE`,
    :data:`_WRITTEN_BEFORE`, :data:`_WRITTEN_AFTER`: "i wrote my note tonight", "my note is
    done"), not to an everyday recipient (:data:`_EVERYDAY_RECIPIENT`: "... to my landlord")
    nor for an everyday use in the rest of its sentence (:data:`_EVERYDAY_NOTE`: "... for the
    teacher", "... on the fridge, grocery list") unless a loved one is written to too, nor
    beside an everyday leaving (:func:`_final_farewell`)."""
    written = _WRITTEN_BEFORE.search(text, max(0, start - 60), start) is not None
    if not written and _WRITTEN_AFTER.match(text, end) is None:
        return False
    rest = _SENTENCE_REST.match(text, end)
    assert rest is not None  # it matches the empty string
    everyday = _EVERYDAY_RECIPIENT.match(text, end) is not None
    everyday = everyday or _EVERYDAY_NOTE.search(text, end, rest.end()) is not None
    if everyday and _LOVED_ONES.search(text, end, rest.end()) is None:
        return False
    return _final_farewell(text, start, end)


#: The farewells' patterns with their checks (joined to
#: :data:`carelens.analysis.crisis_context.CONTEXT_CHECKS`).
FAREWELL_CHECKS: dict[str, Callable[[str, int, int], bool]] = {
    **dict.fromkeys(FAREWELL_ACTS, _farewell_acts),
    GOODBYE_LETTERS: _goodbye_letters,
    OWN_NOTE: _own_note,
    GOODBYE: _goodbye,
    LAST_POST: _last_words,
    **dict.fromkeys(FINAL_FAREWELLS, _final_farewell),
}
