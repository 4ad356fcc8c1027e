"""Crisis cues of the writer's own time told as ending: not around after a day, no return from
a place of danger, a time told as up, the words that keep a goodbye company.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``) and
its check of the words around it joins :mod:`carelens.analysis.crisis_context`'s
(:data:`NOT_AROUND_CHECKS`, through :mod:`carelens.analysis.crisis_veiled`). None is a cue told
in a story (:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`NOT_AROUND_FOR`: "i don't think i'm going to be around for the resits", "i'm not
  planning on being around for anything after friday", "i do not expect to see the new year";
  the writer's own, not another's, and not an absence or an illness told beside it ("i'm not
  going to be around for the party, i'll be in spain", "the cancer has spread, i don't expect
  to see christmas": :func:`own_time_ending`).
- :data:`NO_RETURN`: "tonight i don't think i'll step back", "i'm not planning on climbing
  down", "not coming back from this one", "i think soon i will not come back home"; a cue only
  with a place of danger in the message (a bridge, an edge, the tracks, a quarry, "the same
  place") and no move or stepping back from a role beside it (:func:`no_return`).
- :data:`LAST_DAY`: "this is my last day on earth", "his last night alive"; not asked of a
  what-if ("if today was your last day on earth": :func:`not_a_what_if`).
- :data:`TIME_UP`: "my time is almost up", "i'll be gone by morning", "its ok ill be gone before it
  matters", "soon it won't matter anyway", "none of this will matter after friday", "by sunday
  it'll all be over", "i just need to get through her birthday on sunday. after that it doesn't
  matter what happens" (no deadline in the sentence before either: :func:`after_a_last_day`);
  the writer's own, with no everyday absence, deadline or turn in its
  sentence or the next ("my time's almost up on the library computer", "i'll be gone by 6, early
  flight", "by friday it'll be over, last exam": :func:`own_time_up`).
- :data:`GOODBYE_COMPANY`: words that keep a goodbye company, "take care of yourselves", "you
  were the only ones who listened", "i'm checking out. it's been real", "please remember me
  kindly", "ily all", "i've said everything i needed to say to everyone", "now i go to rest
  forever"; a cue only beside another sign of a farewell (thanks for everything, sorry for
  everything, at peace, affairs in order, "hope everyone here gets ...") and with no everyday
  leaving in the message ("see you in august", "for a while", a move: :func:`in_farewell`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story
from carelens.analysis.words import sentence_after, sentence_before

_FLAGS = re.IGNORECASE

_NOT = r"(?:not|never|[a-z]+n'?t|wont|will\s+not)"
#: The writer not around after a time: "not going to be around for", "not planning on being
#: around after", "don't expect to see the new year" (:func:`own_time_ending`).
NOT_AROUND_FOR = (
    rf"\b{_NOT}\s+(?:[\w']+\s+){{0,3}}?(?:going\s+to\s+be|gonna\s+be|planning\s+(?:on\s+being|to\s+be)"
    r"|expect(?:ing)?\s+to\s+be)\s+(?:around|here|alive)\s+(?:for|after|by|past|much\s+longer"
    r"|any\s*more|to\s+see)\b",
    rf"\b{_NOT}\s+(?:[\w']+\s+)?expect\s+to\s+(?:see|make\s+it\s+to|live\s+(?:to\s+see|until|till"
    r"|to))\s+(?:the\s+|my\s+|next\s+|another\s+)?(?:new\s+year|christmas|spring|summer|autumn"
    r"|winter|birthday|weekend|next\s+\w+|\w+day|end\s+of\s+the\s+(?:week|month|year))\b",
)
# Before it in its sentence, another person as the last subject: "she's not going to be around".
_SUBJECTS = re.compile(
    r"\b(?:i|i'?m|im|i'?ve|ive|i'?ll|he|she|they|we|you|u|it|he'?s|she'?s|they'?re|we'?re"
    r"|you'?re|it'?s)\b",
    _FLAGS,
)
_WRITER = re.compile(r"^(?:i|i'?m|im|i'?ve|ive|i'?ll)$", _FLAGS)
# Beside it, an everyday absence or an illness that tells the end: a trip, a move, a shift, a
# phone without signal, a terminal diagnosis.
_EVERYDAY_ABSENCE = re.compile(
    r"\b(?:trip|travel\w*|holiday|vacation|abroad|away|visit\w*|mov(?:e|ed|ing)|relocat\w*"
    r"|shifts?|work(?:ing)?\s+(?:late|away|nights)|offline|signal|wifi|internet|camp(?:ing)?"
    r"|festival|conference|deploy\w*|busy|surgery|operation|cancer|terminal|hospice|palliative"
    r"|prognosis|diagnos\w*|chemo\w*|tumou?r|dementia|weeks\s+to\s+live|months\s+to\s+live"
    r"|doctors?\s+(?:say|said|gave)|in\s+(?:spain|france|london|the\s+us))\b",
    _FLAGS,
)


def _writer_subject(text: str, start: int) -> bool:
    """Whether the last subject before ``start`` in its sentence is the writer (or there is
    none): "i don't think i'm going to ...", not "she's not going to ..."."""
    subjects = _SUBJECTS.findall(sentence_before(text, start))
    return not subjects or _WRITER.match(subjects[-1]) is not None


def _near(text: str, start: int, end: int) -> str:
    """The words of a match's sentence around it and of the next sentence."""
    after = sentence_after(text, end)
    return " ".join(
        (sentence_before(text, start), after, sentence_after(text, end + len(after) + 1))
    )


def own_time_ending(text: str, start: int, end: int) -> bool:
    """The writer not around after a time (:data:`NOT_AROUND_FOR`), said of themselves
    (:func:`_writer_subject`), with no everyday absence nor an illness in its sentence or the
    next (:data:`_EVERYDAY_ABSENCE`); not in a story."""
    if not _writer_subject(text, start):
        return False
    near = _near(text, start, end)
    if _EVERYDAY_ABSENCE.search(near) is not None:
        return False
    return not in_a_story(text, start, end)


#: No return from a place: "won't come back", "not coming back from this one", "not planning on
#: climbing down", "don't think i'll step back", "don't know if i'd have come back"
#: (:func:`no_return`).
NO_RETURN = (
    rf"\b{_NOT}\s+(?:[\w']+\s+){{0,3}}?(?:com(?:e|ing)\s+(?:back|home)|climb(?:ing)?\s+(?:back\s+)?"
    r"down|step(?:ping)?\s+back(?!\s+(?:from|and|to|into|in|a|for|as|on)\b)|walk(?:ing)?\s+back"
    r"|have\s+(?:come|gone)\s+back)\b",
)
# In the message, a place of danger.
_DANGER_PLACE = re.compile(
    r"\b(?:bridges?|edge|cliffs?|railway|rail\s*line|tracks|trains?|roofs?|rooftop|ledge|quarry"
    r"|river|sea|motorway|overpass|tower\s+block|car\s*park|multi-?stor(?:e?y)|balcony|platform"
    r"|same\s+place|without\s+(?:my\s+)?(?:gear|rope|harness))\b",
    _FLAGS,
)
# Beside it, a move or a return that everyday life makes.
_EVERYDAY_RETURN = re.compile(
    r"\b(?:mov(?:e|ed|ing)|emigrat\w*|relocat\w*|abroad|visa|new\s+(?:job|life|country|city|home"
    r"|flat|house)|christmas|easter|thanksgiving|holidays?|term|uni|college|school|office|work"
    r"|job|team|role|position|project|committee|board|band|season|sport|club|gym|lol|haha)\b",
    _FLAGS,
)


def no_return(text: str, start: int, end: int) -> bool:
    """No return (:data:`NO_RETURN`) with a place of danger in the message
    (:data:`_DANGER_PLACE`), said of the writer (:func:`_writer_subject`), with no move or
    everyday return in its sentence or the next (:data:`_EVERYDAY_RETURN`); not in a story."""
    if _DANGER_PLACE.search(text) is None or not _writer_subject(text, start):
        return False
    near = _near(text, start, end)
    if _EVERYDAY_RETURN.search(near) is not None:
        return False
    return not in_a_story(text, start, end)


#: A last day or night on earth: "this is my last day on earth", "her last night alive"
#: (:func:`not_a_what_if`).
LAST_DAY = (
    r"\b(?:my|his|her|their)\s+(?:very\s+)?last\s+(?:day|night|week)\s+(?:on\s+(?:this\s+)?"
    r"(?:earth|planet)|alive)\b",
)
_WHAT_IF = re.compile(r"\b(?:if|what\s+would|imagine|pretend|as\s+if|like\s+it'?s)\b", _FLAGS)


def not_a_what_if(text: str, start: int, end: int) -> bool:
    """A last day (:data:`LAST_DAY`) not asked as a what-if in its sentence (:data:`_WHAT_IF`:
    "if this was my last day on earth"); not in a story."""
    if _WHAT_IF.search(sentence_before(text, start)) is not None:
        return False
    return not in_a_story(text, start, end)


_WILL = r"(?:won'?t|wont|will\s+not|will|'ll|ll|is\s+going\s+to|is\s+gonna)"
_MATTERING = r"(?:it|none\s+of\s+(?:it|this|that)|nothing|(?:this|that|it)\s+all)"
_SOON = r"(?:tonight|tomorrow|morning|then|the\s+weekend|next\s+week|\w+day|the\s+\d+\w*)"
#: The writer's time told as up: "my time is almost up", "my time has come", "i'll be gone by
#: morning", "ill be gone before it matters", "soon it won't matter", "it won't matter after
#: friday", "by sunday it'll all be over" (:func:`own_time_up`).
TIME_UP = (
    r"\bmy\s+time\s+(?:is|'s|has)\s+(?:(?:almost|nearly|finally|just\s+about|about)\s+)?(?:up"
    r"|come|run\s+out|running\s+out)\b",
    r"\b(?:i'?ll|ill|i\s+will|i'?m\s+going\s+to|i'?m\s+gonna)\s+(?:(?:probably|already|hopefully"
    rf"|just|finally)\s+)?be\s+gone\s+(?:by\s+{_SOON}|before\s+(?:it\s+matters|anyone|any\s+of"
    r"\s+(?:you|them)|long|then|tomorrow|morning|the\s+weekend|\w+day)|soon|after\s+tonight)\b",
    rf"\bsoon\s+{_MATTERING}\s+{_WILL}\s+(?:(?:really|even|ever)\s+)?matter\b",
    rf"\b{_MATTERING}\s+{_WILL}\s+(?:(?:really|even|ever)\s+)?matter\s+(?:(?:any\s*more|anyway)"
    rf"\s+)?(?:soon|after\s+(?:tonight|today|this\s+\w+|{_SOON})|by\s+{_SOON}|once\s+i'?m"
    r"|when\s+i'?m\s+gone)\b",
    rf"\bby\s+{_SOON}\s*,?\s+(?:it|this|everything|it\s+all)\s*{_WILL}\s+(?:all\s+)?be\s+over\b",
    # Past one last day, nothing: "after that it doesn't matter what happens" (not "... what
    # happens to the stock").
    r"\bafter\s+(?:that|then|this|it)\s*,?\s+(?:it\s+)?(?:doesn'?t|doesnt|does\s+not|won'?t|wont"
    r"|will\s+not)\s+(?:really\s+)?matter\s+what\s+happens\b(?!\s+(?:to|with|in|at|on|next)\b)",
)
# Beside it, a deadline, a turn or an event that everyday life times.
_EVERYDAY_TIME = re.compile(
    r"\b(?:exams?|tests?|quiz|essay|deadline|assignment|interview|parking|meter|library|computer"
    r"|session|turn|game|match|round|shift|break|lunch|class|lesson|lecture|flight|train\s+leaves"
    r"|bus|taxi|uber|contract|lease|notice|visa|trial|subscription|job|office|work|retire\w*"
    r"|promotion|party|wedding|concert|festival|meeting|appointment|surgery|operation|storm"
    r"|snow|sale|offer|season|semester|term|project|pub|thank\s+(?:god|goodness|fuck)"
    r"|can'?t\s+wait|yay|phew)\b",
    _FLAGS,
)


_OTHER_SUBJECT = re.compile(r"^(?:he|she|they|we|you|u)(?:'?s|'?re|'?ll)?$", _FLAGS)


def own_time_up(text: str, start: int, end: int) -> bool:
    """The writer's time told as up (:data:`TIME_UP`), not after another person as the last
    subject in its sentence (:data:`_OTHER_SUBJECT`: "she said her time is up ... by friday it'll
    be over"), with no everyday absence, illness, deadline or event in its sentence or the next
    (:data:`_EVERYDAY_ABSENCE`, :data:`_EVERYDAY_TIME`); not in a story."""
    subjects = _SUBJECTS.findall(sentence_before(text, start))
    if subjects and _OTHER_SUBJECT.match(subjects[-1]) is not None:
        return False
    near = _near(text, start, end)
    if _EVERYDAY_ABSENCE.search(near) is not None or _EVERYDAY_TIME.search(near) is not None:
        return False
    return not in_a_story(text, start, end)


def after_a_last_day(text: str, start: int, end: int) -> bool:
    """Nothing mattering past a day (the last of :data:`TIME_UP`), read as :func:`own_time_up`
    reads it, and with no deadline or event in the sentence before it either, where the day
    is told ("i just need to pass this exam. after that ...": :data:`_EVERYDAY_TIME`)."""
    if _EVERYDAY_TIME.search(sentence_before(text, start)) is not None:
        return False
    before = text[:start].rstrip(" \t\n.!?\u2026")
    if _EVERYDAY_TIME.search(sentence_before(before, len(before))) is not None:
        return False
    return own_time_up(text, start, end)


#: Words that keep a goodbye company (:func:`in_farewell`).
GOODBYE_COMPANY = (
    r"\b(?:take\s+care\s+of\s+(?:yourselves|yourself|each\s+other)|(?:you|u)\s+(?:guys\s+|all\s+)?were"
    r"\s+(?:the\s+only\s+(?:ones?|people|person)|always\s+there)|it'?s\s+been\s+real|(?:please\s+)?"
    r"remember\s+me\s+(?:kindly|fondly|well)|(?:i'?m|im|i\s+am)\s+checking\s+out(?=\s*(?:[.!,;]|$))"
    r"|ily\s+(?:all|guys|every(?:one|1))|said\s+(?:everything|all)\s+(?:that\s+)?i\s+(?:needed|wanted"
    r"|had)\s+to\s+say|(?:go|going)\s+to\s+(?:rest|sleep)\s+forever)\b",
)
# Elsewhere in the message, another sign of a farewell.
_FAREWELL_SIGN = re.compile(
    r"\b(?:thank(?:s|\s+you)\s+(?:[\w']+\s+){0,2}for\s+everything|sorry\s+for\s+(?:everything"
    r"|being\s+(?:like\s+this|a\s+burden|such)|all\s+of\s+it)|good\s*-?\s*bye|farewell|at\s+peace"
    r"|peaceful|affairs\s+in\s+order|hope\s+(?:every(?:one|body)|you\s+all|y'?all)\s+(?:[\w']+\s+)"
    r"{0,3}?(?:gets?|finds?|has|have|is|are)|(?:won'?t|wont)\s+be\s+(?:a\s+problem|here|around)"
    r"|after\s+tonight|forgive\s+me|one\s+last\s+time|take\s+care|rest\s+forever|checking\s+out"
    r"|it'?s\s+been\s+real|remember\s+me|ily|love\s+(?:you|u)\s+(?:all|guys)|said\s+everything"
    r"|you\s+were\s+the\s+only)\b",
    _FLAGS,
)
# In the message, an everyday leaving or a break.
_EVERYDAY_LEAVING = re.compile(
    r"\b(?:mov(?:e|ed|ing)|holidays?|vacation|trip|travel\w*|abroad|new\s+(?:job|city|country"
    r"|school|home|forum|group|server)|retir\w*|graduat\w*|see\s+(?:you|ya|u)\s+(?:all\s+|guys\s+)?"
    r"(?:soon|later|in|next|when|after|again|on|around)|be\s+back|for\s+a\s+(?:while|bit|few)"
    r"|for\s+now|break|hiatus|offline|logging\s+off|signing\s+off|exams?|delet\w*\s+(?:my\s+)?"
    r"(?:account|app)|shutting\s+down|closing|wedding|party|last\s+day\s+at|hotel|shift)\b",
    _FLAGS,
)


def in_farewell(text: str, start: int, end: int) -> bool:
    """Words that keep a goodbye company (:data:`GOODBYE_COMPANY`) beside another sign of a
    farewell outside their own words (:data:`_FAREWELL_SIGN`) and with no everyday leaving in
    the message (:data:`_EVERYDAY_LEAVING`); not in a story."""
    if _EVERYDAY_LEAVING.search(text) is not None:
        return False
    sign = any(
        found.end() <= start or found.start() >= end for found in _FAREWELL_SIGN.finditer(text)
    )
    return sign and not in_a_story(text, start, end)


#: The patterns of this module (label ``suicide``) and their checks.
NOT_AROUND = (*NOT_AROUND_FOR, *NO_RETURN, *LAST_DAY, *TIME_UP, *GOODBYE_COMPANY)
NOT_AROUND_CHECKS: dict[str, Check] = {
    **dict.fromkeys(NOT_AROUND_FOR, own_time_ending),
    **dict.fromkeys(NO_RETURN, no_return),
    **dict.fromkeys(LAST_DAY, not_a_what_if),
    **dict.fromkeys(TIME_UP[:-1], own_time_up),
    TIME_UP[-1]: after_a_last_day,
    **dict.fromkeys(GOODBYE_COMPANY, in_farewell),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
NOT_AROUND_WORDS: dict[str, str] = {
    NOT_AROUND_FOR[0]: r"around|here|alive",
    NOT_AROUND_FOR[1]: r"expect\s+to",
    NO_RETURN[0]: r"com(?:e|ing)\s+(?:back|home)|climb|step|walk|have\s+(?:come|gone)",
    LAST_DAY[0]: r"last\s+(?:day|night|week)",
    TIME_UP[0]: r"my\s+time",
    TIME_UP[1]: r"be\s+gone",
    TIME_UP[2]: r"matter",
    TIME_UP[3]: r"matter",
    TIME_UP[4]: r"be\s+over",
    TIME_UP[5]: r"matter",
    GOODBYE_COMPANY[0]: (
        r"take\s+care|were|been\s+real|remember\s+me|checking\s+out|ily|said|forever"
    ),
}
