"""Crisis cues of a death welcomed or owned as settled: a fatal risk the writer would not mind,
relief at a danger to their health, a day they hope not to reach, a death already decided.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``) and
its check of the words around it joins :mod:`carelens.analysis.crisis_context`'s
(:data:`WELCOMED_CHECKS`, through :mod:`carelens.analysis.crisis_veiled`, which also sets a wish
laughed off over an everyday thing aside). None is a cue told in a story
(:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`WOULD_NOT_MIND`: "if the plane went down on my trip i honestly wouldn't mind", "i
  wouldn't fight it if something happened to me", "if i caught something bad and it took me out
  id be ok with that"; a cue only with the writer's death or a disaster to them in the sentence
  (:func:`death_not_minded`), not "if the flight is delayed i wouldn't mind".
- :data:`LET_IT_COME`: "i drive way too fast now. if i crash, i crash", "stopped taking my heart
  tablets. if it comes, it comes"; a cue only beside a risk the writer runs (speed, medicine
  stopped: :func:`beside_a_risk_run`), not "if it rains, it rains".
- :data:`HOPE_FOR_HARM`: "i keep hoping i'll get something terminal", "part of me wants
  something to happen to me out there", "praying i get cancer"; not "i hope i don't get
  cancer" nor "i want something good to happen to me" (:func:`own_wish`).
- :data:`RELIEF_AT_DANGER`: "when the doctor said the lump might be serious i felt relief", "the
  doctor said my blood pressure is at a dangerous level and the only thing i thought was. good.";
  a cue only with a danger to the writer's health before it and no all-clear
  (:func:`relief_at_danger`), not "the lump was benign and i felt such relief".
- :data:`NOT_MAKE_IT`: "half of me hopes i don't make it to the wedding day", "i hope i don't
  make it to my birthday"; a day or a season reached, not work, a class or a time
  (:func:`own_wish`).
- :data:`DECIDED_GONE`: "i've already decided i wont be alive by the trip", "made my peace with
  not being here by spring", "i won't be alive for my birthday", "i don't intend to be here by
  spring"; not another's, nor a terminal illness or a move told beside it
  (:func:`own_end_decided`).
- :data:`DEATH_NOT_SO_BAD`: "it wouldn't be the worst thing if i just had a heart attack in my
  sleep", "if my heart gave out one night i wouldn't be sad about it", "honestly it'd be a relief
  if i didn't wake up"; a cue only with the writer's own death in the sentence
  (:func:`own_death_not_minded`), not "it wouldn't be the worst thing if the flight got
  cancelled" nor "if the server crashed i wouldn't be sad".
- :data:`HOPE_ITS_SERIOUS`: "i've started hoping the lump is cancer", "part of me hopes the
  biopsy comes back malignant", "praying it's something terminal"; a cue only with a test or a
  symptom of the writer's in the message, not another's (:func:`own_serious_hoped`), and not "i
  hope it isn't cancer".
- :data:`NOT_COME_BACK`: "part of me hopes i just don't come back from the hike tomorrow", "i
  hope i never make it home"; not "hope i don't come back with a sunburn" (:func:`own_wish`).
- :data:`SORRY_TO_SURVIVE`: "i was disappointed when it didn't crash", "gutted i woke up again",
  "my first thought was 'finally'" when a skid, a fall or a lump came; not "disappointed i
  survived the exam week" nor a "finally" with no danger before it
  (:func:`danger_not_minded`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

_WOULDNT = (
    r"(?:wouldn'?t|wouldnt|would\s+not|won'?t|wont|will\s+not)\s+(?:really\s+|even\s+)?"
    r"(?:mind|care|fight\s+it|be\s+sorry|complain)"
)
_BE_FINE = (
    r"(?:i'?d|id|i\s+would|i'?ll|i\s+will)\s+(?:honestly\s+|really\s+|totally\s+)?be\s+(?:ok"
    r"|okay|fine|alright|all\s+right|at\s+peace)\s+with\s+(?:that|it)"
)
#: A death or a disaster to the writer not minded, either way round: "if the plane went down i
#: wouldn't mind", "i wouldn't fight it if something happened to me" (:func:`death_not_minded`).
WOULD_NOT_MIND = (
    rf"\bi\s+(?:honestly\s+|really\s+|just\s+|genuinely\s+)?{_WOULDNT}\s+(?:\w+\s+)?if\b",
    rf"\bif\s+(?:[\w']+\s+){{1,14}}?(?:i\s+)?(?:honestly\s+|really\s+|genuinely\s+)?(?:{_WOULDNT}"
    rf"|{_BE_FINE})\b",
)
# In the sentence, the writer's death or a disaster to them.
_OWN_DISASTER = re.compile(
    r"\b(?:plane|flight|car|bus|train)\s+(?:\w+\s+)?(?:went|goes|go)\s+down|\bcrash(?:ed|es)?\b"
    r"|\b(?:something|anything)\s+(?:bad\s+|terrible\s+)?(?:happened|happens|were\s+to\s+happen"
    r"|was\s+to\s+happen)\s+to\s+me\b|\b(?:took|takes|take)\s+me\s+out\b|\bkill(?:ed|s)?\s+me\b"
    r"|\bi\s+(?:died|was\s+dead|were\s+dead|didn'?t\s+wake\s+up|never\s+woke\s+up|got\s+hit\s+by\s+(?:a|the)\s+(?:car"
    r"|bus|truck|lorry|train))\b"
    r"|\bnever\s+came\s+back\b|\b(?:didn'?t|did\s+not)\s+(?:make\s+it|survive)\b",
    _FLAGS,
)


def death_not_minded(text: str, start: int, end: int) -> bool:
    """A death or a disaster to the writer (:data:`_OWN_DISASTER`) in the sentence of a risk not
    minded (:data:`WOULD_NOT_MIND`); not in a story."""
    low, high = _sentence(text, start, end)
    if _OWN_DISASTER.search(text, low, high) is None:
        return False
    return not in_a_story(text, start, end)


#: A fatal risk let come: "if i crash, i crash", "if it comes, it comes", "if i die, i die"
#: (:func:`beside_a_risk_run`).
LET_IT_COME = (
    r"\bif\s+(?:i|it)\s+(crash|die|go|comes|happens|drown|fall)\s*[,.\u2026-]*\s*(?:then\s+)?"
    r"(?:i|it)\s+\1\b",
)
# In the message, a risk the writer runs: speed, a medicine stopped, lived enough.
_RISK_RUN = re.compile(
    r"\b(?:way\s+too\s+fast|too\s+fast|speeding|speed(?:s)?\s+(?:up|limit)|motorway|highway"
    r"|freeway|without\s+(?:a\s+)?(?:helmet|seat\s*belt)|stopped\s+(?:taking|using)|not\s+taking"
    r"|skip(?:ping|ped)?\s+(?:my\s+)?(?:meds|insulin|tablets|pills|dialysis)|lived\s+(?:long\s+)?"
    r"enough|don'?t\s+care\s+(?:anymore|what\s+happens))\b",
    _FLAGS,
)


def beside_a_risk_run(text: str, start: int, end: int) -> bool:
    """A fatal risk let come (:data:`LET_IT_COME`) beside a risk the writer runs in the message
    (:data:`_RISK_RUN`); not in a story."""
    if _RISK_RUN.search(text) is None:
        return False
    return not in_a_story(text, start, end)


#: Harm to the writer hoped for: "hoping i'll get something terminal", "wants something to
#: happen to me" (:func:`own_wish`).
HOPE_FOR_HARM = (
    r"\b(?:hope|hoping|hoped|wish|wishing|pray|praying)\s+(?:that\s+)?(?:i'?ll|i\s+will|i'?d|i"
    r"\s+would|i)\s+(?:\w+\s+)?(?:get|catch|develop|have|be\s+diagnosed\s+with)\s+(?:something\s+"
    r"(?:terminal|fatal|incurable)|(?:a\s+)?(?:terminal|fatal|incurable)\s+\w+|cancer)\b",
    r"\b(?:want|wants|wanted|hope|hopes|hoping|wish|wishing)\s+(?:that\s+)?something\s+(?:bad\s+"
    r"|terrible\s+|awful\s+|fatal\s+)?(?:to\s+happen|would\s+happen|happens|will\s+happen)\s+to"
    r"\s+me\b",
)
#: A day the writer hopes not to reach: "hope i don't make it to the wedding day"
#: (:func:`own_wish`).
NOT_MAKE_IT = (
    r"\b(?:hope|hopes|hoping|wish|wishing|pray|praying)\s+(?:that\s+)?i\s+(?:don'?t|won'?t|dont"
    r"|wont|never|do\s+not|will\s+not)\s+(?:make\s+it|live|get)\s+(?:to|till|until|through|past)"
    r"\s+(?:see\s+)?(?:tomorrow|morning|next\s+(?:year|week|month|birthday|christmas|summer|spring)|my\s+(?:"
    r"\w+\s+)?birthday|christmas|new\s+year'?s?|(?:the|my)\s+\w+\s+day|(?:spring|summer|autumn"
    r"|winter)|\d+)\b",
)
# Just before a wish, another's doing or a wish given up.
_NOT_OWN_WISH = re.compile(
    r"\b(?:he|she|they|you|we|u|don'?t|do\s+not|never|no\s+longer)\s+(?:[\w']+\s+){0,2}$", _FLAGS
)


def own_wish(text: str, start: int, end: int) -> bool:
    """A harm or a day not reached wished by the writer (:data:`HOPE_FOR_HARM`,
    :data:`NOT_MAKE_IT`), not another's nor denied just before (:data:`_NOT_OWN_WISH`); not in
    a story."""
    if _NOT_OWN_WISH.search(text, max(0, start - 25), start) is not None:
        return False
    return not in_a_story(text, start, end)


#: Relief or gladness at a danger to health: "i felt relief", "the only thing i thought was.
#: good." (:func:`relief_at_danger`).
RELIEF_AT_DANGER = (
    r"\b(?:i\s+)?(?:felt|feel|feeling)\s+(?:(?:such|a|so|some|real|only)\s+)?(?:relief|relieved"
    r"|glad|happy)\b",
    r"\bonly\s+thing\s+i\s+(?:thought|felt|could\s+think)\s+was\b[\s.:,\u2026'\"]*(?:good|finally"
    r"|relief|thank\s+god|yes)\b",
)
# Before it, a danger to the writer's health.
_HEALTH_DANGER = re.compile(
    r"\b(?:might|may|could)\s+be\s+(?:something\s+)?(?:serious|cancer|malignant|bad)|\b(?:lump"
    r"|tumou?r|mass|shadow)\b|\bdangerous\s+(?:level|point)|\b(?:heart\s+attack|stroke)\s+risk"
    r"|\bserious\s+(?:risk|danger)\b",
    _FLAGS,
)
# Beside it, an all-clear.
_ALL_CLEAR = re.compile(
    r"\b(?:benign|all\s+clear|nothing\s+serious|not\s+(?:serious|cancer)|came\s+back\s+(?:fine"
    r"|clear|negative)|negative|was\s+fine|is\s+fine|cyst)\b",
    _FLAGS,
)


def relief_at_danger(text: str, start: int, end: int) -> bool:
    """Relief at a danger to the writer's health (:data:`_HEALTH_DANGER` in the 250 characters
    before it) with no all-clear in the message (:data:`_ALL_CLEAR`); not in a story."""
    if _HEALTH_DANGER.search(text, max(0, start - 250), end) is None:
        return False
    if _ALL_CLEAR.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: A death decided or accepted: "already decided i wont be alive by the trip", "made my peace
#: with not being here by spring" (:func:`own_end_decided`).
DECIDED_GONE = (
    r"\b(?:decided|accepted|made\s+(?:my\s+)?peace\s+with|i\s+know|sure|certain)\s+(?:that\s+)?"
    r"(?:i\s+)?(?:wont|won'?t|will\s+not|not|am\s+not\s+going\s+to|i'?m\s+not\s+going\s+to)\s+"
    r"(?:be(?:ing)?\s+)?(?:alive|here|around)\s+(?:by|for|at|in|to\s+see|when)\b",
    r"\bi\s+(?:wont|won'?t|will\s+not)\s+be\s+alive\s+(?:by|for|at|in|to\s+see|when)\b",
    r"\b(?:don'?t|dont|do\s+not)\s+(?:intend|plan|expect|mean)\s+to\s+(?:still\s+)?be\s+(?:here"
    r"|around|alive)\s+(?:by|when|to\s+see|next|much\s+longer|after|come|past|in\s+(?:the\s+)?"
    r"(?:spring|summer|autumn|winter|new\s+year))\b",
)
# In the message, an illness, a move or a trip away that ends the writer's time here.
_EVERYDAY_END = re.compile(
    r"\b(?:cancer|terminal|tumou?r|diagnos\w*|months\s+to\s+live|hospice|palliative|doctors?"
    r"|prognosis|oncolog\w*|mov(?:e|ed"
    r"|ing)|emigrat\w*|relocat\w*|abroad|flying|flight|visa|holiday|vacation|new\s+job|away\s+for)"
    r"\b",
    _FLAGS,
)


def own_end_decided(text: str, start: int, end: int) -> bool:
    """The writer's death decided (:data:`DECIDED_GONE`), not another's just before
    (:data:`_NOT_OWN_WISH`), with no illness nor move in the message (:data:`_EVERYDAY_END`);
    not in a story."""
    if _NOT_OWN_WISH.search(text, max(0, start - 25), start) is not None:
        return False
    if _EVERYDAY_END.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: A death the writer would not mind, told as no loss: "it wouldn't be the worst thing if",
#: "i wouldn't be sad about it", "it'd be a relief if i" (:func:`own_death_not_minded`).
DEATH_NOT_SO_BAD = (
    r"\b(?:wouldn'?t|wouldnt|would\s+not|won'?t)\s+be\s+(?:the\s+worst\s+thing|(?:so|that|too"
    r"|such\s+a)\s+bad(?:\s+thing)?|a\s+bad\s+thing|the\s+end\s+of\s+the\s+world|a\s+tragedy)"
    r"\s+(?:honestly\s+|really\s+)?if\b",
    r"\bif\s+(?:[\w']+\s+){1,12}?(?:i\s+)?(?:honestly\s+|really\s+|genuinely\s+)?(?:wouldn'?t"
    r"|wouldnt|would\s+not|won'?t|wont)\s+(?:really\s+|even\s+)?be\s+(?:sad|upset|bothered"
    r"|unhappy|scared|afraid|devastated)\b",
    r"\b(?:it'?d|it\s+would|that'?d|that\s+would)\s+(?:honestly\s+|kind\s+of\s+|kinda\s+"
    r"|almost\s+|really\s+|just\s+)?be\s+(?:a\s+relief|nice|peaceful|a\s+mercy|a\s+blessing"
    r"|easier|okay|ok|fine)\s+if\s+i\b",
)
# In the sentence, the writer's own death: a heart giving out, a sleep not woken from, a
# vehicle or an illness that kills them.
_OWN_DEATH = re.compile(
    r"\bmy\s+heart\s+(?:just\s+)?(?:gave|gives|give|would\s+give|stopped|stops|would\s+stop"
    r"|failed|gave\s+up)\b|\bi\s+(?:just\s+)?(?:had|have|got|get|were\s+to\s+have)\s+(?:a\s+)?"
    r"(?:heart\s+attack|stroke|aneurysm|cancer|something\s+(?:terminal|fatal))\b|\bin\s+my\s+sleep"
    r"\b|\bi\s+(?:just\s+)?(?:died|dropped\s+dead|didn'?t\s+wake\s+up|never\s+woke\s+up"
    r"|(?:got|get)\s+hit|was\s+gone|wasn'?t\s+here|(?:didn'?t|never)\s+(?:come|came)\s+back"
    r"(?!\s+(?:from|off)\s+(?:(?:my|the|our|a|this)\s+)?(?:holidays?|vacation|trip|travels?"
    r"|travelling|traveling|honeymoon|gap\s+year|abroad|cruise|festival))"
    r"|drowned|fell)\b|\b(?:something|anything)\s+(?:bad\s+)?happened\s+to\s+me\b|\b(?:a|the)"
    r"\s+(?:bus|car|truck|lorry|train)\s+(?:hit|took|killed)\s+me\b|\bi\s+(?:was|were)\s+dead\b",
    _FLAGS,
)


def own_death_not_minded(text: str, start: int, end: int) -> bool:
    """The writer's own death (:data:`_OWN_DEATH`) in the sentence of a death told as no loss
    (:data:`DEATH_NOT_SO_BAD`); not in a story (:mod:`carelens.analysis.crisis_veiled` joins:
    not laughed off)."""
    low, high = _sentence(text, start, end)
    if _OWN_DEATH.search(text, low, high) is None:
        return False
    return not in_a_story(text, start, end)


#: A test or a symptom hoped serious: "hoping the lump is cancer", "hope it's something
#: terminal" (:func:`own_serious_hoped`).
HOPE_ITS_SERIOUS = (
    r"\b(?:hope|hopes|hoping|hoped|wish|wishing|pray|praying)\s+(?:that\s+)?(?:it|it'?s|its|the"
    r"\s+\w+|my\s+\w+|this\s+\w+)\s+(?:(?!(?:not|nothing|never|no|just|only|\w+n'?t)\b)"
    r"[\w']+\s+){0,2}?"
    r"(?:is|'s|turns\s+out\s+(?:to\s+be\s+)?"
    r"|comes\s+back|will\s+be|would\s+be|ends\s+up|means)?\s*(?:as\s+|being\s+)?(?:cancer"
    r"|cancerous|malignant|terminal|fatal|incurable|something\s+(?:serious|terminal|fatal|bad"
    r"|incurable)|serious)\b",
)
# In the message, a test or a symptom.
_SYMPTOM = re.compile(
    r"\b(?:lump|lumps|scan|biopsy|mole|tumou?r|mass|shadow|growth|symptoms?|tests?|results|gp"
    r"|doctor|chest\s+pains?|cough\w*|blood|bleeding|x-?ray|mri|ultrasound|mammogram|cancer)\b",
    _FLAGS,
)
# In the match, another's test: "hope my dad's scan is", "hope his lump is".
_ANOTHERS_TEST = re.compile(r"\b(?:his|her|their|(?!it's)\w+'s)\b", _FLAGS)


def own_serious_hoped(text: str, start: int, end: int) -> bool:
    """A test or a symptom hoped serious (:data:`HOPE_ITS_SERIOUS`) with one in the message
    (:data:`_SYMPTOM`), the writer's own: no other's wish nor another's test
    (:func:`own_wish`)."""
    if _SYMPTOM.search(text) is None or _ANOTHERS_TEST.search(text, start, end) is not None:
        return False
    return own_wish(text, start, end)


#: A trip hoped not to be come back from: "hopes i just don't come back from the hike"
#: (:func:`own_wish`).
NOT_COME_BACK = (
    r"\b(?:hope|hopes|hoping|hoped|wish|wishing|pray|praying)\s+(?:that\s+)?i\s+(?:just\s+)?"
    r"(?:don'?t|dont|won'?t|wont|never|do\s+not|will\s+not)\s+(?:come\s+back|return|make\s+it"
    r"\s+(?:back|home|out)|get\s+(?:back|home)|survive)\b(?!\s+(?:with|to\s+(?:a|the|work|my)"
    r"|another|this\s+(?:week|semester|term|lecture|class|meeting)|exams?|finals|monday|work"
    r"|school|class|lectures?|meetings?|shift"
    r"|empty|early|late|too|as|any|the\s+same|broke|disappointed|sunburn\w*|injured|hurt)\b)",
)
#: Sorrow at surviving, or a danger welcomed: "disappointed when it didn't crash", "my first
#: thought was 'finally'" (:func:`danger_not_minded`).
SORRY_TO_SURVIVE = (
    r"\b(?:disappointed|gutted|let\s+down|sad|upset|annoyed|bummed|sorry)\s+(?:that\s+|when\s+)?"
    r"(?:it|we|the\s+\w+|i)\s+(?:didn'?t|did\s+not|never)\s+(?:crash|hit\s+(?:me|us)|go\s+off"
    r"\s+the\s+road|go\s+down|kill\s+me|finish\s+me\s+off|die)\b",
    r"\b(?:disappointed|gutted|let\s+down|sad|upset|annoyed|bummed)\s+(?:that\s+|when\s+)?i"
    r"\s+(?:woke\s+up|survived|lived|was\s+(?:still\s+)?alive|didn'?t\s+die|made\s+it)\b(?!"
    r"\s+(?:the|my|a|an|this|that|to|through|into|past|exams?|finals|week|up\s+(?:late|early))\b)",
    r"\b(?:first|only)\s+thought\s+was\s*[:,'\"\u2018\u201c]*\s*(?:finally|yes|at\s+last|please"
    r"|thank\s+god|good)\b",
)
# Before a "finally", a danger to the writer: a skid, a crash, a fall, a lump.
_DANGER_BEFORE = re.compile(
    r"\b(?:skid\w*|crash\w*|swerv\w*|brakes?|spun|slid|ice|icy|fell|fall\w*|almost|nearly"
    r"|lump|tumou?r|chest\s+pains?|collaps\w*|ambulance|heart|oncoming|lorry|truck|turbulence)\b",
    _FLAGS,
)


def danger_not_minded(text: str, start: int, end: int) -> bool:
    """Sorrow at surviving, or a "finally" after a danger to the writer in the 200 characters
    before it (:data:`_DANGER_BEFORE`: :data:`SORRY_TO_SURVIVE`); the writer's own, not in a
    story (:func:`own_wish`)."""
    if (
        "thought" in text[start:end].lower()
        and _DANGER_BEFORE.search(text, max(0, start - 200), start) is None
    ):
        return False
    return own_wish(text, start, end)


_SENTENCE_END = re.compile(r"[.!?\n]")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence that holds ``text[start:end]``."""
    low = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    found = _SENTENCE_END.search(text, end)
    return low, (found.start() if found is not None else len(text))


#: The patterns of this module (label ``suicide``) and their checks.
WELCOMED = (
    *WOULD_NOT_MIND,
    *LET_IT_COME,
    *HOPE_FOR_HARM,
    *RELIEF_AT_DANGER,
    *NOT_MAKE_IT,
    *DECIDED_GONE,
    *DEATH_NOT_SO_BAD,
    *HOPE_ITS_SERIOUS,
    *NOT_COME_BACK,
    *SORRY_TO_SURVIVE,
)
WELCOMED_CHECKS: dict[str, Check] = {
    **dict.fromkeys(WOULD_NOT_MIND, death_not_minded),
    **dict.fromkeys(LET_IT_COME, beside_a_risk_run),
    **dict.fromkeys((*HOPE_FOR_HARM, *NOT_MAKE_IT), own_wish),
    **dict.fromkeys(RELIEF_AT_DANGER, relief_at_danger),
    **dict.fromkeys(DECIDED_GONE, own_end_decided),
    **dict.fromkeys(DEATH_NOT_SO_BAD, own_death_not_minded),
    **dict.fromkeys(HOPE_ITS_SERIOUS, own_serious_hoped),
    **dict.fromkeys(NOT_COME_BACK, own_wish),
    **dict.fromkeys(SORRY_TO_SURVIVE, danger_not_minded),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
WELCOMED_WORDS: dict[str, str] = {
    WOULD_NOT_MIND[0]: r"mind|care|fight|sorry|complain",
    WOULD_NOT_MIND[1]: r"mind|care|fight|sorry|complain|with\s+(?:that|it)",
    LET_IT_COME[0]: r"if\s",
    HOPE_FOR_HARM[0]: r"terminal|fatal|incurable|cancer",
    HOPE_FOR_HARM[1]: r"happen",
    RELIEF_AT_DANGER[0]: r"relie|glad|happy",
    RELIEF_AT_DANGER[1]: r"only\s+thing",
    NOT_MAKE_IT[0]: r"hope|hoping|wish|pray",
    DECIDED_GONE[0]: r"alive|here|around",
    DECIDED_GONE[1]: r"alive",
    DECIDED_GONE[2]: r"here|around|alive",
    DEATH_NOT_SO_BAD[0]: r"worst|bad|end\s+of|tragedy",
    DEATH_NOT_SO_BAD[1]: r"sad|upset|bothered|unhappy|scared|afraid|devastated",
    DEATH_NOT_SO_BAD[2]: r"relief|nice|peaceful|mercy|blessing|easier|ok|fine",
    HOPE_ITS_SERIOUS[0]: r"cancer|malignant|terminal|fatal|incurable|serious|bad",
    NOT_COME_BACK[0]: r"come\s+back|return|make\s+it|get\s+(?:back|home)|survive",
    SORRY_TO_SURVIVE[0]: r"didn|did\s+not|never",
    SORRY_TO_SURVIVE[1]: r"woke|survived|lived|alive|didn|made\s+it",
    SORRY_TO_SURVIVE[2]: r"thought",
}
