"""Crisis cues of passive ideation: a death wished to come without the writer's own act.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``) and
its check of the words around it joins :mod:`carelens.analysis.crisis_context`'s
(:data:`PASSIVE_CHECKS`, through :mod:`carelens.analysis.crisis_veiled`, which also sets a
wish laughed off over an everyday thing aside:
:func:`carelens.analysis.crisis_unreal.laughed_off`). "just waiting for my turn" after a
family's suicides is read with the other turns to the writer
(:mod:`carelens.analysis.crisis_turned_to_me`).

- :data:`STRUCK_DOWN`: "i just wish a bus would hit me", "hoping lightning would strike me",
  "i wish a truck would run me over"; not "i wish the bus would come on time", nor lightning
  that would strike with an idea (:func:`no_idea_strikes`).
- :data:`NOT_SO_BAD`: "wouldn't be so bad if i crashed on the way home", "it'd be a relief if i
  didn't wake up", "i wouldn't mind if i got hit"; not a crash at a friend's place, a computer
  that crashed nor falling asleep (:func:`not_so_bad`).
- :data:`SWITCHED_OFF`: "i want to be switched off forever", "wish someone would pull the plug on
  me"; not switching off from social media (:func:`switched_off`).
- :data:`WHERE_THEY_ARE`: "my mum died in march. i want to be wherever she is", "i just want to
  be with her again"; only after a death told in the message, not "my girlfriend moved to
  london, i want to be where she is" (:func:`after_a_death`).
- :data:`PULLED_BACK`: "i wish they hadn't pulled me back", "wish my sister hadn't found me",
  "wish the paramedics hadn't brought me back", "wish they'd let me die", "i wish i hadn't woken
  up"; not "wish my mom hadn't stopped me from going to the party", "wish he hadn't found me a
  new job" nor waking up early (:func:`pulled_back`).
- :data:`TAKEN_BY_GOD`: "i pray every night that god takes me in my sleep"; not another's saying
  quoted ("my nan always says 'i hope the good lord takes me'": :func:`own_prayer`).
- :data:`WAKING_SORROW`: "i am tired of waking up", "every morning i am sad that i wake up"; not
  waking too early, for work or from a dream (:func:`waking_sorrow`).
- :data:`BLOW_ACCEPTED`: "if a car hit me that would be fine honestly"; a blow accepted, not "if a
  car hit me the insurance would pay" (:func:`blow_accepted`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.words import sentence_after, sentence_before

_FLAGS = re.IGNORECASE

_WISH = r"(?:wish(?:ed|ing)?|hop(?:e|ed|ing)|pray(?:ed|ing)?)"
#: A vehicle or a blow from the sky wished on the writer: "i wish a bus would hit me", "hoping
#: lightning would strike me"; a cue but for a strike "with an idea" (:func:`no_idea_strikes`).
STRUCK_DOWN = (
    rf"\b{_WISH}\s+(?:that\s+)?(?:(?:a|the|some|this|one\s+of\s+(?:the|these|those))\s+)?(?:[\w'-]+"
    r"\s+){0,2}?(?:bus|car|truck|train|lorry|van|semi|meteor|asteroid|lightning|plane|piano|brick"
    r"|bullet|drunk\s+driver|tram|taxi|cab|motorbike|motorcycle)s?\s+(?:would|will|could|might|'d)"
    r"\s+(?:just\s+|finally\s+)?(?:hit\s+me|run\s+me\s+over|run\s+over\s+me|kill\s+me|crash\s+into"
    r"\s+me|fall\s+on\s+me|flatten\s+me|take\s+me\s+out|strike\s+me|squash\s+me|end\s+me)\b",
)
_IDEA_AFTER = re.compile(r"\s+(?:with|as|up|back|down\s+for)\b", _FLAGS)


def no_idea_strikes(text: str, start: int, end: int) -> bool:
    """A blow wished on the writer (:data:`STRUCK_DOWN`), not one "with an idea", "as
    funny" or "up" (:data:`_IDEA_AFTER`)."""
    return _IDEA_AFTER.match(text, end) is None


#: A death that would not be so bad, or would be a relief: "wouldn't be so bad if i crashed",
#: "it'd be a relief if i didn't wake up", "i wouldn't mind if i got hit"; a cue but for a crash
#: at a friend's place, a crash of a computer, a fall asleep (:func:`not_so_bad`).
NOT_SO_BAD = (
    r"\b(?:wouldn'?t|wouldnt|would\s+not|won'?t|it'?d|it\s+would)\s+(?:be\s+(?:(?:so"
    r"|that|too|such|really|even|kind\s+of|kinda)\s+)?(?:bad|terrible|awful|the\s+worst|a\s+bad"
    r"\s+thing|the\s+end\s+of\s+the\s+world|nice|easier|a\s+relief|better|ok|okay|fine|a\s+blessing"
    r"|a\s+mercy)|mind|care)\s+if\s+i\s+(?:just\s+|accidentally\s+|suddenly\s+|never\s+)?(?:crashed"
    r"|got\s+(?:hit|killed|run\s+over|shot)|didn'?t\s+(?:wake\s+up|make\s+it|come\s+(?:home|back))"
    r"|woke\s+up|came\s+(?:home|back)|made\s+it|disappeared|wasn'?t\s+(?:here|around|alive)"
    r"|had\s+(?:an\s+)?accident|drowned|fell|went\s+off\s+the\s+road|drove\s+off)\b",
)
# After the crash or the fall: a place to sleep, a thing crashed, a fall of another kind; after
# a disappearing, a while.
_NOT_A_DEATH_AFTER = re.compile(
    r"\s+(?:at|on\s+(?:your|the|his|her|a|my|their)\s+(?:couch|sofa|floor|bed)|with|early|for|out"
    r"|the\s+(?:party|wedding|car|server)|my\s+(?:computer|laptop|pc|phone|game|diet|exam)|asleep"
    r"|behind|in\s+love|over\s+laughing|apart|ill|sick|pregnant|into\s+(?:bed|a\s+nap)|late|home"
    r"\s+late|on\s+time|back\s+(?:late|early)|from|to|in\s+time|by\s+(?!(?:(?:a|an|the|some)\s+)?"
    r"(?:bus|car|truck|train|lorry|van|semi|meteor|asteroid|lightning|plane|bullet|drunk|tram|taxi"
    r"|cab|motorbike|motorcycle|stray)\b)\w+)\b",
    _FLAGS,
)


def not_so_bad(text: str, start: int, end: int) -> bool:
    """A death that would not be so bad (:data:`NOT_SO_BAD`), but a crash at a friend's place,
    a computer's or a diet's, a fall asleep or in love, a while away (:data:`_NOT_A_DEATH_AFTER`);
    "never woke up", "never came home" only with its "never"."""
    words = text[start:end].lower()
    if words.endswith(("woke up", "came home", "came back", "made it")) and " never " not in words:
        return False
    return _NOT_A_DEATH_AFTER.match(text, end) is None


#: A wish to be switched off for good: "i want to be switched off forever", "i wish i could turn
#: myself off permanently", "wish someone would pull the plug on me" (:func:`switched_off`).
SWITCHED_OFF = (
    r"\b(?:want|wanna|wish|wishing|need|long|longing)\s+(?:to\s+|i\s+could\s+|i\s+was\s+|i\s+were\s+"
    r"|someone\s+would\s+|someone\s+to\s+|they\s+would\s+|they'?d\s+)?(?:just\s+)?(?:be\s+)?"
    r"(?:switch|turn|shut)(?:ed|ing)?\s+(?:myself\s+|me\s+)?off\s+(?:forever|for\s+good|permanently"
    r"|for\s+ever|completely\s+and\s+(?:forever|for\s+good))\b",
    r"\b(?:pull|pulled|pulling)\s+the\s+plug\s+on\s+me\b",
)
_SWITCHED_FROM = re.compile(
    r"\s+(?:from|of|on)\b|[^.!?\n]{0,40}\b(?:social\s+media|phone|notifications|news|internet"
    r"|emails?|twitter|instagram|tiktok|facebook|reddit|screens?|work|project)\b",
    _FLAGS,
)
_PLUG_ON_OTHERS = re.compile(
    r"\b(?:boss|manager|company|project|date|band|show|deal|plan|team|work)\b", _FLAGS
)


def switched_off(text: str, start: int, end: int) -> bool:
    """A wish to be switched off for good (:data:`SWITCHED_OFF`), not from social media or
    work (:data:`_SWITCHED_FROM`); the plug pulled on the writer not by a boss or on a plan
    (:data:`_PLUG_ON_OTHERS`)."""
    if text[start:end].lower().startswith("pull"):
        return _PLUG_ON_OTHERS.search(text, max(0, start - 60), end + 40) is None
    return _SWITCHED_FROM.match(text, end) is None


_ONE_GONE = r"(?:him|her|them|you|my\s+[\w']+(?:\s+[\w']+)?)"
#: A wish to be where a dead person is: "i want to be wherever she is", "i just want to be with
#: her again", "i wish i could join them"; a cue only after a death (:func:`after_a_death`).
WHERE_THEY_ARE = (
    r"\b(?:want|wanna|wish|wishing|long|longing|ready|need|hope|hoping)\s+(?:to\s+|i\s+could\s+"
    r"|i\s+was\s+|i\s+were\s+)(?:just\s+|finally\s+)?(?:be\s+(?:wherever|where)\s+(?:s?he|they|you"
    rf"|my\s+[\w']+)\s+(?:is|are|went|has\s+gone|have\s+gone)|be\s+with\s+{_ONE_GONE}(?!\s+(?:when"
    r"|at|in\s+(?:her|his|their)\s+last|during|through|while|before|for\s+(?:the|her|his|a|their)"
    r"|on|tonight|today|this|after|and|right\s+now\s+but)\b))\b",
)
# Near it, a death: "died", "passed away", "killed himself", "the funeral", "rip", "he's been gone
# 3 years".
_DEATH = re.compile(
    r"\b(?:died|dies|passed(?:\s+away|\s+on)?|lost\s+(?:him|her|them|my)|dead|killed|funeral|graves?"
    r"|buried|suicide|overdos\w*|heaven|rip|gone\s+forever|left\s+us|death|cancer\s+took|took\s+(?:his"
    r"|her|their)\s+(?:own\s+)?life|hung|hanged|been\s+gone\s+(?:for\s+)?(?:\d+|a|an|one|two|three"
    r"|four|five|six|many|so\s+many)\s+(?:years?|months?|weeks?))\b",
    _FLAGS,
)
# The one named in the wish ("my mum") and the one named before a death in its sentence.
_MY_ONE = re.compile(r"\bmy\s+([\w']+)", _FLAGS)
# The word "suicide" (maybe masked) not told as an attempt, a thought or a plan: where it
# stands, a cue already, the crisis feedback reads the death and the wish to be with the one
# lost (:mod:`carelens.analysis.crisis_following`), as for "i want to join her"
# (:func:`carelens.analysis.crisis_methods.same_act`).
_SUICIDE_WORD = re.compile(
    r"\bs[u*\u01c2][i1*\u01c2]?c[i1\u01c2]d(?:e|ed)\b(?![\s-]*(?:attempt|threat|thought|ideation|idea|plan"
    r"|note|letter|risk|watch|hot\s*line|help\s*line|line|prevention|pact|urge|crisis|awareness)\w*)",
    _FLAGS,
)


def after_a_death(text: str, start: int, end: int) -> bool:
    """A wish to be where someone is (:data:`WHERE_THEY_ARE`) with a death told in the 300
    characters before it or the 150 after (:data:`_DEATH`: "... he's been gone 3 years"); one
    that names "my X" not after the death of someone else it names ("my dad died of covid. i
    want to be with my mum right now"); none beside the word "suicide" (:data:`_SUICIDE_WORD`:
    the loss it tells is read with the wish). "i want to join her" is the wish to follow of
    :mod:`carelens.analysis.crisis_methods`."""
    if _SUICIDE_WORD.search(text) is not None:
        return False
    deaths = [
        *_DEATH.finditer(text, max(0, start - 300), start),
        *_DEATH.finditer(text, end, end + 150),
    ]
    if not deaths:
        return False
    wished = _MY_ONE.search(text, start, end)
    if wished is None:
        return True
    for death in deaths:
        dead = [*_MY_ONE.finditer(sentence_before(text, death.start()))]
        if not dead or dead[-1][1].lower() == wished[1].lower():
            return True
    return False


#: A wish that a rescue had not come: "i wish they hadn't pulled me back", "wish my sister hadn't
#: found me", "wish the doctors hadn't saved me", "wish they'd let me die", "wish he hadn't
#: called the ambulance", "i wish i hadn't woken up" (:func:`pulled_back`).
PULLED_BACK = (
    r"\bwish(?:ed|ing)?\s+(?:that\s+)?(?:[\w']+\s+){1,2}?(?:had(?:n'?t|\s+not|\s+never)|'d\s+(?:not"
    r"|never)|didn'?t|did\s+not|never)\s+(?:have\s+)?(?:pulled|dragged|talked|stopped|found|saved"
    r"|revived|resuscitated|brought|rescued)\s+me\b",
    r"\bwish(?:ed|ing)?\s+(?:that\s+)?(?:[\w']+\s+){1,2}?(?:had|'d|would\s+have|would'?ve)\s+(?:just\s+)?"
    r"let\s+me\s+die\b",
    r"\bwish(?:ed|ing)?\s+(?:that\s+)?(?:[\w']+\s+){1,2}?(?:had(?:n'?t|\s+not|\s+never)|didn'?t"
    r"|did\s+not|never)\s+(?:have\s+)?called\s+(?:an?\s+|the\s+)?(?:ambulance|911|999|112|paramedics"
    r"|police|cops)\b",
    r"\bwish(?:ed|ing)?\s+(?:that\s+)?(?:the\s+)?(?:ambulance|paramedics|emts?|police|cops|doctors?"
    r"|nurses?|firefighters?|lifeguards?)\s+(?:had(?:n'?t|\s+not|\s+never)|didn'?t|did\s+not|never)\s+"
    r"(?:have\s+)?(?:come|came|shown\s+up|showed\s+up|arrived|got\s+there|gotten\s+there|found\s+me"
    r"|got\s+to\s+me)\b",
    r"\bwish\s+i\s+(?:had(?:n'?t|\s+not)|didn'?t|did\s+not|never)\s+(?:woken|woke|wake)\s+up\b",
)
# After a rescue that stands alone ("found me", "saved me", "revived me"), the words that leave it
# one: nothing more in its clause, "in time", "that night", "when i tried".
_WHEN_TOLD = (
    r"(?:\s+(?:in\s+time|at\s+all|that\s+(?:night|day|time)|last\s+(?:time|year|night|week|month)"
    r"|when\s+i\s+(?:tried|took|jumped|did|od))\b)*"
)
_CLAUSE_END = (
    r"\s*(?:[.,!?;:\n\u2026)]|$|\s+(?:and|but|so|because|honestly|tbh|lol|tho|though|either)\b)"
)
_ALONE_AFTER = re.compile(_WHEN_TOLD + _CLAUSE_END, _FLAGS)
# After a rescue told by its motion ("pulled", "dragged", "talked", "stopped", "brought"), where
# it took the writer from: "back", "down", "out of it", "off the ledge", "from jumping".
_FROM_IT_AFTER = re.compile(
    r"\s+(?:back|down|out\s+of\s+it|(?:out\s+of|off|from)\s+(?:the\s+)?(?:water|river|sea|lake|car"
    r"|noose|bath|bathtub|ledge|edge|bridge|roof|tracks|railing|road)|from\s+(?:jumping|doing\s+it"
    r"|going\s+through\s+with\s+it|ending\s+it|finishing\s+it))\b" + _WHEN_TOLD + _CLAUSE_END,
    _FLAGS,
)
# After waking up, a time or a habit: "so early", "at 5", "late", "before noon".
_WAKING_TIME = re.compile(
    r"\s+(?:so\s+)?(?:early|late|at\s+\d|before|in\s+time|on\s+time|for|from|during|when|on\s+my)\b",
    _FLAGS,
)


def pulled_back(text: str, start: int, end: int) -> bool:
    """A wish that a rescue had not come (:data:`PULLED_BACK`): one that stands alone ("found
    me", "saved me") ending its clause (:data:`_ALONE_AFTER`: not "... found me a new job"), one
    told by its motion with where it took the writer from (:data:`_FROM_IT_AFTER`: "... pulled
    me back", "... talked me down", not "... stopped me from going to the party" nor "... stopped
    me" for speeding); a call for help or help come ending its clause too ("wish he hadn't
    called the ambulance", "i wish the ambulance hadn't come", not "... called the police on my
    dog"); a wish not to have woken up but for a time (:data:`_WAKING_TIME`: "... woken up so
    early"); "let me die" as it is."""
    words = text[start:end].lower()
    if words.endswith("let me die"):
        return True
    if words.endswith("up") and not words.endswith(("showed up", "shown up")):
        return _WAKING_TIME.match(text, end) is None
    if re.search(r"(?:pulled|dragged|talked|stopped|brought) me$", words):
        return _FROM_IT_AFTER.match(text, end) is not None
    return _ALONE_AFTER.match(text, end) is not None


#: A death asked of god or of death itself: "i pray every night that god takes me in my sleep",
#: "hoping the lord takes me soon", "i wish death would come for me" (:func:`own_prayer`).
TAKEN_BY_GOD = (
    rf"\b{_WISH}\s+(?:[\w']+\s+){{0,3}}?(?:that\s+)?(?:god|the\s+(?:good\s+)?lord|allah|jesus|death"
    r"|the\s+universe)\s+(?:will\s+|would\s+|could\s+|might\s+)?(?:just\s+|finally\s+)?(?:takes?"
    r"|comes?\s+for|calls?)\s+me\b",
)
# Before it in its sentence, another's saying: "my nan always says 'i hope the lord takes me'".
_SAYING = re.compile(r"\b(?:says|said|saying|used\s+to\s+say|jokes?|joked|quote\w*)\b", _FLAGS)


def own_prayer(text: str, start: int, end: int) -> bool:
    """A death asked of god (:data:`TAKEN_BY_GOD`) that is not another's saying quoted in its
    sentence (:data:`_SAYING`)."""
    return _SAYING.search(sentence_before(text, start)) is None


#: Sorrow at waking: "i am tired of waking up", "every morning i am sad that i wake up", "i hate
#: that i woke up again"; not a waking too early, for work or from a dream (:func:`waking_sorrow`).
WAKING_SORROW = (
    r"\b(?:tired|sick|sad|disappointed|upset|angry|hate|dread)\s+(?:[\w']+\s+){0,2}?(?:that\s+|when\s+"
    r"|whenever\s+|to\s+)?i\s+(?:still\s+)?(?:wake|woke)\s+up\b|\b(?:tired|sick|sad)\s+of\s+waking\s+up\b",
)
# After the waking, a time, a place or a cause: "early", "at 5", "to the neighbours' dog".
_WAKING_WHEN = re.compile(
    r"\s+(?:early|at|so\s+early|before|to|for|in\s+the\s+(?:night|dark|middle|morning)|every\s+(?:hour"
    r"|\d)|with|and\s+(?:go|have|see|find|check|get)|\d|late|on\s+(?:time|mondays?)|from|covered"
    r"|sweat\w*|screaming|crying)\b",
    _FLAGS,
)
_EVERYDAY_WAKING = re.compile(
    r"\b(?:alarm|work|school|shift|baby|kids?|toddler|dog|cat|neighbou?r\w*|noise|dreams?|nightmares?"
    r"|dark|winter|cold|hot|headache|hangover|snor\w*|partner|husband|wife|mondays?|weekends?"
    r"|o'?clock|\d+\s*am|early|commute|traffic|bin\s+men|birds?)\b",
    _FLAGS,
)


def waking_sorrow(text: str, start: int, end: int) -> bool:
    """Sorrow at waking (:data:`WAKING_SORROW`) with no time, place or cause after it
    (:data:`_WAKING_WHEN`) and no everyday waking in its sentence (:data:`_EVERYDAY_WAKING`)."""
    if _WAKING_WHEN.match(text, end) is not None:
        return False
    sentence = sentence_before(text, start) + " " + sentence_after(text, end)
    return _EVERYDAY_WAKING.search(sentence) is None


#: A vehicle's blow accepted: "if a car hit me that would be fine honestly", "if a bus ran me over
#: it'd be a relief" (:func:`blow_accepted`).
BLOW_ACCEPTED = (
    r"\bif\s+(?:a|the|some)\s+(?:[\w'-]+\s+)?(?:car|bus|truck|lorry|train|van|tram|taxi|cab)\s+(?:(?:hit"
    r"|hits|killed|kills)\s+me|(?:ran|runs)\s+(?:me\s+over|over\s+me))\b",
)
# After the blow in its sentence, its acceptance: "that would be fine", "it'd be a relief".
_ACCEPTED = re.compile(
    r"^[^.!?\n]{0,40}?\b(?:fine|ok|okay|a\s+relief|relief|for\s+the\s+best|whatever|so\s+be\s+it"
    r"|wouldn'?t\s+(?:mind|care)|don'?t\s+care|welcome|good)\b",
    _FLAGS,
)


def blow_accepted(text: str, start: int, end: int) -> bool:
    """A vehicle's blow (:data:`BLOW_ACCEPTED`) accepted in the rest of its sentence
    (:data:`_ACCEPTED`: "that would be fine")."""
    return _ACCEPTED.match(text[end : end + 80]) is not None


#: The patterns of this module (label ``suicide``) and their checks.
PASSIVE = (
    *STRUCK_DOWN,
    *NOT_SO_BAD,
    *SWITCHED_OFF,
    *WHERE_THEY_ARE,
    *PULLED_BACK,
    *TAKEN_BY_GOD,
    *WAKING_SORROW,
    *BLOW_ACCEPTED,
)
PASSIVE_CHECKS: dict[str, Check] = {
    **dict.fromkeys(TAKEN_BY_GOD, own_prayer),
    **dict.fromkeys(WAKING_SORROW, waking_sorrow),
    **dict.fromkeys(BLOW_ACCEPTED, blow_accepted),
    **dict.fromkeys(STRUCK_DOWN, no_idea_strikes),
    **dict.fromkeys(NOT_SO_BAD, not_so_bad),
    **dict.fromkeys(SWITCHED_OFF, switched_off),
    **dict.fromkeys(WHERE_THEY_ARE, after_a_death),
    **dict.fromkeys(PULLED_BACK, pulled_back),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
PASSIVE_WORDS: dict[str, str] = {
    STRUCK_DOWN[0]: (
        r"hit\s+me|run\s+(?:me\s+over|over\s+me)|kill\s+me|crash\s+into\s+me|fall\s+on\s+me"
        r"|flatten\s+me|take\s+me\s+out|strike\s+me|squash\s+me|end\s+me"
    ),
    NOT_SO_BAD[0]: r"if\s+i\s",
    SWITCHED_OFF[0]: r"off\s+(?:forever|for\s+good|for\s+ever|permanently|completely)",
    SWITCHED_OFF[1]: r"plug\s+on\s+me",
    WHERE_THEY_ARE[0]: r"be\s+(?:wherever|where|with)\b",
    PULLED_BACK[0]: (
        r"pulled\s+me|dragged\s+me|talked\s+me|stopped\s+me|found\s+me|saved\s+me|revived\s+me"
        r"|resuscitated\s+me|brought\s+me|rescued\s+me"
    ),
    PULLED_BACK[1]: r"let\s+me\s+die",
    PULLED_BACK[2]: r"called\s",
    PULLED_BACK[3]: r"ambulance|paramedics|emt|police|cops|doctor|nurse|firefighter|lifeguard",
    PULLED_BACK[4]: r"wish\s+i\s+(?:had|didn|did|never)",
    TAKEN_BY_GOD[0]: r"god|the\s+(?:good\s+)?lord|allah|jesus|death|the\s+universe",
    WAKING_SORROW[0]: r"wake\s+up|woke\s+up|waking\s+up",
    BLOW_ACCEPTED[0]: r"car\s|bus\s|truck|lorry|train\s|van\s|tram\s|taxi\s|cab\s",
}
