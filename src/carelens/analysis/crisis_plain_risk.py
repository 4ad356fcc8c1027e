"""Crisis cues of plain risk in short or everyday words: another attempt after one named,
suicidal ideation shortened, fresh wounds hidden or needing stitches, a self-harm streak reset,
means put away and got again, and another person's goodbye posted beside a means.

The patterns join :data:`carelens.analysis.crisis_patterns.PATTERNS` (through
:mod:`carelens.analysis.crisis_veiled_joins`; another's goodbye also joins
:data:`~carelens.analysis.crisis_patterns.THIRD_PARTY`) and their checks join
:mod:`carelens.analysis.crisis_context`'s (:data:`PLAIN_RISK_CHECKS`, through
:mod:`carelens.analysis.crisis_veiled`). None is a cue told in a story
(:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`ATTEMPT_AGAIN` (``suicide``): "i attempted last year ... i'm thinking about trying
  again", "since my attempt i keep planning another one"; a cue only with the writer's attempt
  named before it and no test, exam or task beside it (:func:`attempt_named`), not "tried again
  at the driving test".
- :data:`IDEATION_SHORT` (``suicide``): "sui ideation on max", "my SI is loud tonight", "s/i
  again", "ideation is bad today"; not "SI units", "my SI joint", "an ideation workshop"
  (:func:`not_told_of_others`).
- :data:`FRESH_WOUNDS` (``self_harm``): "my cuts from tonight probably need stitches", "hiding my
  fresh cuts", "the burns need stitches but i can't tell anyone"; not a kitchen cut, a fall, a
  pet or "stitches from my surgery" (:func:`no_everyday_wound`).
- :data:`STREAK_RESET` (``self_harm``): "restarted my sh counter at 0", "went back to it. clean
  for a year and threw it away"; not "my sh*t counter", and a lost clean streak only with no
  drink, drug or habit told (:func:`no_habit`).
- :data:`MEANS_GOT_AGAIN` (``self_harm`` for blades, ``suicide`` for pills): "i hid all my
  razors at my friend's house but i just went out and bought more"; not shaving
  (:func:`not_grooming`), not "bought more razors for shaving".
- :data:`THEIR_GOODBYE_MEANS` (``suicide``, another's): "someone posted a picture of a pile of
  pills and 'bye everyone'"; a cue only with a goodbye in the message (:func:`goodbye_told`), not
  "a pile of pills in my organiser".
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

#: Another attempt weighed (:func:`attempt_named`).
ATTEMPT_AGAIN = (
    r"\b(?:try|trying|tried|do|doing|did|go|going|attempt|attempting)\s+(?:it\s+|that\s+|through"
    r"\s+with\s+it\s+)?again\b",
    r"\b(?:another|a\s+second|a\s+third|one\s+more)\s+(?:attempt|try|go\s+at\s+it)\b",
    r"\b(?:planning|plan|thinking\s+(?:about|of))\s+(?:another|the\s+next)\s+one\b",
)
# Before the weighing, the writer's attempt named: "i attempted", "my attempt", "my overdose".
_ATTEMPT_NAMED = re.compile(
    r"\b(?:i\s+(?:have\s+|'ve\s+|had\s+)?attempted\b(?!\s+(?:the|a|an|to|my|it|this|that|some|his"
    r"|her|their|every|all))|(?:my|last|first|previous|suicide|failed)\s+(?:last\s+|first\s+"
    r"|previous\s+|suicide\s+)?attempts?\b(?!\s+(?:at|to|on)\b)|i\s+(?:tried|try)\s+to\s+(?:kill"
    r"|end)\s+(?:myself|my\s+life|it\s+all)|my\s+(?:last\s+)?overdose|i\s+(?:overdosed|od'?d))",
    _FLAGS,
)
# In the message, a task, a test or a game that is tried again.
_EVERYDAY_TRY = re.compile(
    r"\b(?:test|exam\w*|driving|theory|interview\w*|recipe|bak\w*|cook\w*|level|boss|game|match"
    r"|race|marathon|ivf|pregnan\w*|diet|sober\w*|quit\w*|smok\w*|drink\w*|application|apply\w*"
    r"|course|class|uni|college|job|relationship|date|dating|puzzle|record|climb\w*|jump\w*\s+the"
    r"|round)\b",
    _FLAGS,
)


def attempt_named(text: str, start: int, end: int) -> bool:
    """Another attempt (:data:`ATTEMPT_AGAIN`) with the writer's attempt named before it in the
    message (:data:`_ATTEMPT_NAMED`) and no task, test or habit tried (:data:`_EVERYDAY_TRY`);
    not in a story."""
    if _ATTEMPT_NAMED.search(text, 0, start) is None:
        return False
    if _EVERYDAY_TRY.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: Suicidal ideation in short words (:func:`not_told_of_others`).
IDEATION_SHORT = (
    r"\b(?:sui|s/i)\s+(?:ideation|thoughts|urges)\b",
    r"\bideation\b(?!\s+(?:session|workshop|phase|stage|process|board|tool|sprint|exercise"
    r"|meeting|technique))",
    r"\b(?<!/)s/?i\s+(?:is\s+(?:bad|loud|back|worse|really|so|getting|hitting)|has\s+been|was\s+"
    r"(?:bad|loud|awful)|on\s+max|today|tonight|again|thoughts|urges|getting|hitting|creeping"
    r"|worse)\b",
    r"\b(?:my|having|have|had|passive|active|with|bad|constant)\s+s/?i(?![\w/])(?!\s+(?:joint"
    r"|units?|system|prefix|base|derived))",
)
# In the message, ideation told of another person or as a word in a class.
_OTHERS_IDEATION = re.compile(
    r"\b(?:his|her|their|patients?|clients?|students?|lecture|module|essay|research|study|paper"
    r"|screening|assessment|scale|questionnaire|units?|joint|brainstorm\w*|design\s+thinking)\b",
    _FLAGS,
)


def not_told_of_others(text: str, start: int, end: int) -> bool:
    """Short-worded ideation (:data:`IDEATION_SHORT`) not told of another nor as a word of a
    class, a study or a design process (:data:`_OTHERS_IDEATION`); not in a story."""
    if _OTHERS_IDEATION.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


_WOUND = r"(?:cuts|cut|wounds?|burns|gash(?:es)?|slashes)"
#: Fresh wounds that need stitches or are hidden (:func:`no_everyday_wound`).
FRESH_WOUNDS = (
    r"\bmy\s+(?:new\s+|fresh\s+)?" + _WOUND + r"\s+(?:from\s+)?(?:tonight|today|last\s+night"
    r"|this\s+morning|earlier)\b",
    r"\b" + _WOUND + r"\b(?:\s*[\w',]+){0,6}?\s+(?:need|needs|needed|should\s+have\s+had"
    r"|might\s+need|may\s+need)\s+stitch(?:es|ing)\b",
    r"\b(?:hide|hides|hiding|hid|cover|covering|covered)\s+(?:up\s+)?(?:my|the)\s+(?:new\s+"
    r"|fresh\s+)?(?:cuts|wounds|burns)\b",
    r"\bfresh\s+(?:cuts|wounds|burns)\b(?!\s+of\b)",
)
# In the message, a wound's everyday cause, or another's wound.
_EVERYDAY_WOUND = re.compile(
    r"\b(?:kitchen|cook\w*|chopp\w*|slic\w*|slipped|shav\w*|paper\s*cut|fell|fall|tripped|glass"
    r"|broken|dog|cat|puppy|kitten|bike|garden\w*|tool|saw|can\s+lid|tin|accident\w*|surgery"
    r"|operation|op|c-?section|hospital\s+did|doctor\s+did|son|daughter|baby|kid|toddler|he|she"
    r"|his|her|meat|steak|beef|pork|lamb|butcher|iron|oven|stove|pan|sunburn\w*|sun|tattoo\w*"
    r"|piercing|surgeon|stitches\s+from)\b",
    _FLAGS,
)


def no_everyday_wound(text: str, start: int, end: int) -> bool:
    """Fresh wounds (:data:`FRESH_WOUNDS`) with no everyday cause nor another's wound in the
    message (:data:`_EVERYDAY_WOUND`); not in a story."""
    if _EVERYDAY_WOUND.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: A self-harm streak reset, or a clean streak thrown away after going back (:func:`no_habit`).
STREAK_RESET = (
    r"\b(?:reset|restart\w*|started|back\s+to\s+(?:0|zero|day\s+(?:0|1|one))|lost|broke|ruined)"
    r"\s+(?:my\s+|the\s+)?(?:sh|self[\s-]*harm)\s+(?:free\s+|clean\s+)?(?:counter|streak|count|days"
    r"|tracker|app)\b",
    r"\b(?:sh|self[\s-]*harm)\s+(?:free\s+|clean\s+)?(?:counter|streak|count|tracker)\s+(?:is\s+"
    r"|went\s+|goes\s+|back\s+)?(?:back\s+)?(?:to|at)\s+(?:0|zero|day\s+(?:0|1|one))\b",
    r"\bclean\s+(?:for\s+)?(?:a|an|one|two|three|six|\d+|over\s+a|almost\s+a|nearly\s+a)\s+(?:\w+"
    r"\s+)?(?:days?|weeks?|months?|years?)\s+(?:and|&)\s+(?:i\s+)?(?:threw|throw|blew|ruined"
    r"|wasted|broke|lost|undid)\s+(?:it|that|them)\b",
)
# In the message, a drink, a drug or a habit the streak was of.
_HABIT = re.compile(
    r"\b(?:drink\w*|drank|drunk|alcohol|booze|beer|wine|vodka|sober\w*|smok\w*|cig\w*|vap\w*"
    r"|weed|cannabis|drugs?|heroin|coke|cocaine|meth|opioids?|pills?|gambl\w*|bet\w*|sugar|diet"
    r"|binge\w*|purg\w*|porn|nofap|fap\w*|masturbat\w*|nails?|nicotine|caffeine|shopping|gaming"
    r"|gym|eating|food|sugar|using|dope|xanax|benzos?)\b",
    _FLAGS,
)
# Where the streak is not named as self-harm's: the writer went back to it or wants more.
_WENT_BACK = re.compile(
    r"\b(?:went|go|going|gone|been)\s+back\s+to\s+it\b|\brelaps\w*|\bsh\b|\bself[\s-]*harm\w*"
    r"|\bcut\w*|\bblades?\b|\brazors?\b|\bwant\s+to\s+keep\s+going\b",
    _FLAGS,
)


def no_habit(text: str, start: int, end: int) -> bool:
    """A self-harm streak reset (:data:`STREAK_RESET`) with no drink, drug or habit told
    (:data:`_HABIT`), and a clean streak lost only beside a going back or self-harm named
    (:data:`_WENT_BACK`); not in a story."""
    if _HABIT.search(text) is not None:
        return False
    if text[start:end].lower().startswith("clean") and _WENT_BACK.search(text) is None:
        return False
    return not in_a_story(text, start, end)


_PUT_AWAY = (
    r"\b(?:hid|hidden|gave\s+away|given\s+away|threw\s+(?:out|away)|thrown\s+(?:out|away)|got\s+rid"
    r"\s+of|handed\s+over|binned|flushed|locked\s+up|gave)\s+(?:all\s+)?(?:of\s+)?(?:my|the)\s+"
)
_GOT_AGAIN = (
    r"\b[^.!?]{0,80}?\b(?:bought|buy|got|get|getting|picked\s+up|ordered|went\s+out\s+and\s+"
    r"(?:bought|got))\s+(?:some\s+)?(?:more|new\s+ones|another\s+(?:pack|box|bottle|set)|them\s+back"
    r"|replacements)\b"
)
#: Means put away then got again (:func:`not_grooming`).
MEANS_GOT_AGAIN = (
    _PUT_AWAY + r"(?:razors?|blades?|knives|sharpeners?|scalpels?)" + _GOT_AGAIN,
    _PUT_AWAY + r"(?:pills|meds|medication|tablets|painkillers)" + _GOT_AGAIN,
)
# In the message, grooming or a kitchen's tools.
_GROOMING = re.compile(
    r"\b(?:shav\w*|beard|legs\s+smooth|wax\w*|kitchen|cook\w*|chef|blunt|dull|rust\w*|expired"
    r"|out\s+of\s+date|prescription\s+changed|kids?|toddler|dog|puppy|cat)\b",
    _FLAGS,
)


def not_grooming(text: str, start: int, end: int) -> bool:
    """Means got again (:data:`MEANS_GOT_AGAIN`) with no grooming, kitchen or household reason
    told (:data:`_GROOMING`); not in a story."""
    if _GROOMING.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: Another's means posted or sent (:func:`goodbye_told`).
THEIR_GOODBYE_MEANS = (
    r"\b(?:posted|sent|shared|uploaded|put\s+up|put\s+out)\s+(?:me\s+|us\s+)?(?:a\s+)?(?:picture"
    r"|pic|photo|video|snap|story|image|selfie)\s+(?:of|with)\s+(?:a\s+|her\s+|his\s+|their\s+"
    r"|some\s+)?(?:(?:pile|handful|bunch|bottle|stack|heap|load|lot|box|pack)\s+of\s+)?(?:pills"
    r"|tablets|meds|paracetamol|blades?|razors?|rope|noose|gun|a\s+ledge|a\s+bridge|the\s+edge)\b",
)
# In the message, a goodbye.
_GOODBYE = re.compile(
    r"\b(?:bye\s+(?:everyone|all|guys|everybody|y'?all|world)|good\s*bye|goodbye|farewell"
    r"|love\s+you\s+all|sorry\s+(?:everyone|all|guys)|this\s+is\s+it|i'?m\s+done|see\s+you\s+on"
    r"\s+the\s+other\s+side|won'?t\s+be\s+here|last\s+(?:post|message|time))",
    _FLAGS,
)


def goodbye_told(text: str, start: int, end: int) -> bool:
    """Another's means posted (:data:`THEIR_GOODBYE_MEANS`) with a goodbye in the message
    (:data:`_GOODBYE`); not in a story."""
    if _GOODBYE.search(text) is None:
        return False
    return not in_a_story(text, start, end)


#: The patterns of this module by label, and another's.
PLAIN_SUICIDE = (*ATTEMPT_AGAIN, *IDEATION_SHORT, MEANS_GOT_AGAIN[1], *THEIR_GOODBYE_MEANS)
PLAIN_SELF_HARM = (*FRESH_WOUNDS, *STREAK_RESET, MEANS_GOT_AGAIN[0])
PLAIN_THIRD_PARTY = THEIR_GOODBYE_MEANS
PLAIN_RISK_CHECKS: dict[str, Check] = {
    **dict.fromkeys(ATTEMPT_AGAIN, attempt_named),
    **dict.fromkeys(IDEATION_SHORT, not_told_of_others),
    **dict.fromkeys(FRESH_WOUNDS, no_everyday_wound),
    **dict.fromkeys(STREAK_RESET, no_habit),
    **dict.fromkeys(MEANS_GOT_AGAIN, not_grooming),
    **dict.fromkeys(THEIR_GOODBYE_MEANS, goodbye_told),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
PLAIN_RISK_WORDS: dict[str, str] = {
    ATTEMPT_AGAIN[0]: r"again\b",
    ATTEMPT_AGAIN[1]: r"another|a\s+second|a\s+third|one\s+more",
    ATTEMPT_AGAIN[2]: r"another\s+one|the\s+next\s+one",
    IDEATION_SHORT[0]: r"sui\s|s/i\s",
    IDEATION_SHORT[1]: r"ideation",
    IDEATION_SHORT[2]: r"si\s|s/i\s",
    IDEATION_SHORT[3]: r"si\b|s/i\b",
    FRESH_WOUNDS[0]: r"cut|wound|burn|gash|slash",
    FRESH_WOUNDS[1]: r"stitch",
    FRESH_WOUNDS[2]: r"cuts|wounds|burns",
    FRESH_WOUNDS[3]: r"fresh",
    STREAK_RESET[0]: r"sh\s|self[\s-]*harm",
    STREAK_RESET[1]: r"counter|streak|count|tracker",
    STREAK_RESET[2]: r"clean",
    MEANS_GOT_AGAIN[0]: r"razor|blade|knives|sharpener|scalpel",
    MEANS_GOT_AGAIN[1]: r"pills|meds|medication|tablets|painkillers",
    THEIR_GOODBYE_MEANS[0]: r"picture|pic|photo|video|snap|story|image|selfie",
}
