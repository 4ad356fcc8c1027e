"""Crisis cues of questions that seek a means: how much of a drug would kill, how high a fall
is one no one survives.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``) and
its check of the words around it joins :mod:`carelens.analysis.crisis_context`'s
(:data:`MEANS_QUESTION_CHECKS`, through :mod:`carelens.analysis.crisis_veiled`):

- :data:`TOO_MANY`: "how many benadryl is too many, not asking for a friend"; a dose question
  is a cue only with a sign that it is asked for an ending (the writer's own "not asking for a
  friend", "to not wake up", "lethal") and none of an everyday dose ("for my headache", "in a
  day", "for my 5 year old": :func:`asked_for_an_ending`).
- :data:`WOULD_IT_TAKE`: "how much insulin would it take", "how many of my pills it would take",
  "how much tylenol would kill you", "the lethal dose of paracetamol"; not "how much insulin
  would it take to cover 60 carbs", a pet's poisoning nor a pharmacology class
  (:func:`would_it_take`).
- :data:`HOW_HIGH`: "how high does a building have to be so you don't survive", "what floor
  would kill you", "how far do you have to fall to die"; not "how far can a cat fall and
  survive", a game's fall damage nor a lift's height (:func:`fatal_height`).
- :data:`PAINLESS_WAY`: "whats the least painful way.", "googling which ways are painless"; not
  a painless way to wax, to break up or to put a dog down (:func:`painless_asked`).
- :data:`WHOLE_SUPPLY`: "what happens if u take a whole bottle of ur antidepressants. would it
  work", "whether my heart tablets taken all at once would be fatal", "which medicine is strong
  enough to die in sleep"; not a toddler's swallowing nor a double dose by mistake
  (:func:`whole_supply_asked`).
- :data:`HOW_DEEP` (label ``self_harm``): "how deep does a cut need to be to actually be
  dangerous"; not a kitchen accident nor a first-aid class (:func:`deep_enough_asked`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_overdose_patterns import DRUGS
from carelens.analysis.words import sentence_after, sentence_before

_FLAGS = re.IGNORECASE

_OF_MY = (
    r"(?:of\s+(?:my|the|these|those|his|her|their|your)\s+)?(?:(?:my|the|these|those)\s+)?"
    r"(?:[\w'-]+\s+){0,2}?"
)
#: A drug's dose asked as too many: "how many benadryl is too many", "how much xanax would be
#: too much"; a cue only asked for an ending (:func:`asked_for_an_ending`).
TOO_MANY = (
    rf"\bhow\s+(?:many|much)\s+{_OF_MY}{DRUGS}\s+(?:is|are|would\s+be|counts?\s+as|will\s+be)\s+"
    r"too\s+(?:many|much)\b",
)
# The writer's sign that a dose is asked for an ending: "not asking for a friend", "asking for
# myself", "to not wake up", "lethal", "no judgement".
_FOR_AN_ENDING = re.compile(
    r"\b(?:not\s+(?:asking\s+)?for\s+a\s+friend|asking\s+for\s+a\s+friend|asking\s+for\s+(?:myself"
    r"|me)|to\s+(?:die|not\s+wake\s+up|never\s+wake\s+up|overdose|od|kill\s+(?:me|myself|you)"
    r"|end\s+(?:it|things|my\s+life)|stop\s+my\s+heart)|lethal|fatal|deadly|kill\s+(?:me|you)"
    r"|(?:no|don'?t)\s+judge?(?:ment|ing)?|don'?t\s+ask\s+why|for\s+good|(?:never|not)\s+wake\s+up)\b",
    _FLAGS,
)
# Beside a dose question, an everyday dose: an ailment, a day's dosing, a child's or a pet's,
# with food or a drink.
_EVERYDAY_DOSE = re.compile(
    r"\b(?:for\s+(?:my|a|the|this)\s+(?:[\w'-]+\s+)?(?:headache|migraine|allerg\w*|cold|flu|sleep"
    r"|pain|back|tooth\w*|cramps?|fever|period|anxiety|hangover|cough)|in\s+(?:a|one)\s+day|per"
    r"\s+(?:day|dose)|a\s+day|daily|every\s+\d+\s+hours|(?:kid|son|daughter|child|toddler|baby"
    r"|dog|cat|puppy|kitten|pet)s?|\d+\s*(?:year|yr)s?\s*old|with\s+(?:food|alcohol|wine|beer"
    r"|coffee)|prescribed|as\s+directed|label|pharmacist|doctor)\b",
    _FLAGS,
)


def asked_for_an_ending(text: str, start: int, end: int) -> bool:
    """A dose asked as too many (:data:`TOO_MANY`) with the writer's sign that it is asked for
    an ending in the message (:data:`_FOR_AN_ENDING`: "not asking for a friend") and no
    everyday dose (:data:`_EVERYDAY_DOSE`: "for my headache", "in a day")."""
    if _FOR_AN_ENDING.search(text) is None:
        return False
    return _EVERYDAY_DOSE.search(text) is None


_TAKEN = (
    rf"(?:{DRUGS}|alcohol|vodka|bleach|antifreeze|rat\s+poison|poison|caffeine(?:\s+pills)?"
    r"|sleeping\s+pills)"
)
#: How much of a drug or a poison would do it: "how much insulin would it take", "how many of my
#: pills it would take", "how much tylenol would kill you", "how many xanax are lethal", "the
#: lethal dose of paracetamol" (:func:`would_it_take`).
WOULD_IT_TAKE = (
    rf"\bhow\s+(?:much|many)\s+{_OF_MY}{_TAKEN}\s+(?:(?:it\s+)?(?:would|will|does|do|did|should"
    r"|could|might)\s+(?:it\s+)?(?:take|kill|be\s+(?:lethal|fatal|enough|deadly))|(?:is|are)\s+"
    r"(?:lethal|fatal|deadly|enough\s+to))\b",
    rf"\b(?:lethal|fatal|deadly)\s+(?:dose|amount|quantity|level)\s+(?:of\s+)?{_OF_MY}{_TAKEN}\b",
)
# After "would it take", what it would take: nothing more, or an ending ("to die", "to not
# wake up", "for me to die", "before i die").
_TAKE_FOR = re.compile(
    r"\s*(?:[.,!?;:\n\u2026]|$|(?:for\s+(?:me|you|someone|a\s+person)\s+)?to\s+(?:die|kill|od\b"
    r"|overdose|not\s+wake|never\s+wake|end\s+(?:it|things|my\s+life|your\s+life)|stop\s+(?:my|your|a)"
    r"\s+heart|be\s+(?:lethal|fatal|enough|deadly)|do\s+it|work|(?:damage|destroy|fry|kill|shut\s+down)"
    r"\s+(?:my|your|the|a\s+person'?s)\s+(?:liver|kidneys?|heart))|before\s+(?:i|you|someone|a\s+person)"
    r"\s+(?:die|dies|stop|stops|don'?t\s+wake)|if\s+i\s+(?:wanted|took)|(?:honestly|seriously)\b)",
    _FLAGS,
)
# Near such a question, an everyday reading: a pet's or a child's poisoning, a class, a meal's
# insulin, a night out.
_EVERYDAY_QUESTION = re.compile(
    r"\b(?:dogs?|cats?|puppy|kitten|pets?|horses?|rats?|mice|pests?|weeds?|kid|son|daughter"
    r"|toddler|baby|child|class|exam|lecture|pharmacology|nursing|student|textbook|homework"
    r"|assignment|quiz|carbs?|meal|snack|cake|pizza|blood\s+sugar|glucose|drunk|tipsy|buzzed"
    r"|hangover|party|wake\s+me\s+up|stay\s+awake|focus|study|fever|clean\w*|mold|mould|stain"
    r"|pool|laundry)\b",
    _FLAGS,
)


def would_it_take(text: str, start: int, end: int) -> bool:
    """How much of a drug or a poison would do it (:data:`WOULD_IT_TAKE`): "would it take"
    asked with nothing more or an ending after it (:data:`_TAKE_FOR`: "... to die", not "... to
    cover 60 carbs"), "would kill", "lethal"; none with an everyday reading in its sentence
    or the next (:data:`_EVERYDAY_QUESTION`: a pet's poisoning, a class, a meal)."""
    after = sentence_after(text, end)
    near = sentence_before(text, start) + " " + text[start:end] + " " + after
    near += " " + sentence_after(text, end + len(after) + 1)
    if _EVERYDAY_QUESTION.search(near) is not None:
        return False
    if text[start:end].lower().endswith("take"):
        return _TAKE_FOR.match(text, end) is not None
    return True


#: A height or a fall asked of: "how high", "how tall", "how far", "how many floors", "what
#: height", "what floor"; a cue only asked as one no one survives (:func:`fatal_height`).
HOW_HIGH = (
    r"\b(?:how\s+(?:high|tall|far|many\s+(?:floors|stor(?:e?y|ies|eys)|feet|meters|metres|ft))"
    r"|what\s+(?:height|floor|fall|drop))\b",
)
# In the question, a death: "so you don't survive", "to die", "is fatal", "would kill you".
_FATAL = re.compile(
    r"\b(?:(?:not|don'?t|dont|won'?t|wouldn'?t|can'?t|cannot|never)\s+survive|no\s+(?:chance|way)"
    r"\s+(?:of|to)\s+surviv\w*|die|dies|dying|death|fatal|lethal|deadly|kill(?:s|ed)?\s+(?:you|me|a"
    r"\s+(?:person|human)|someone|people|instantly)|instant(?:ly)?\s+(?:death|dead)|be\s+dead"
    r"|guarantee\w*|end\s+it)\b",
    _FLAGS,
)
_EVERYDAY_FALL = re.compile(
    r"\b(?:cats?|dogs?|birds?|squirrels?|ants?|spiders?|insects?|mouse|mice|rats?|hamsters?|eggs?"
    r"|phones?|drones?|balls?|bottles?|minecraft|games?|fortnite|gta|roblox|skyrim|fall\s+damage"
    r"|physics|terminal\s+velocity|homework|class|teacher|trivia|fun\s+fact|parachut\w*|skydiv\w*"
    r"|plane|aircraft|altitude|oxygen|climb\w*|everest|mountain|scuba|div(?:e|ing)|ocean|sea"
    r"|lift|elevator|fire\s+(?:ladder|truck)|plant|tree|hiv|cancer|virus|bacteria|book|story|novel"
    r"|writing|character|plot|script|dnd|campaign)\b",
    _FLAGS,
)


def fatal_height(text: str, start: int, end: int) -> bool:
    """A height or a fall asked of (:data:`HOW_HIGH`) as one no one survives, in the rest of
    its sentence (:data:`_FATAL`: "so you don't survive", "to die"), not of an animal, a thing,
    a game, a class, a climb or a story being written, in its sentence or the next
    (:data:`_EVERYDAY_FALL`)."""
    after = sentence_after(text, end)
    if _FATAL.search(after) is None:
        return False
    near = sentence_before(text, start) + " " + text[start:end] + " " + after
    near += " " + sentence_after(text, end + len(after) + 1)
    return _EVERYDAY_FALL.search(near) is None


#: A painless way asked for: "whats the least painful way.", "which ways are painless", "the most
#: peaceful way to go"; a cue only asked with nothing after it or an ending
#: (:func:`painless_asked`), not a painless way to wax, to break up or to put a dog down.
PAINLESS_WAY = (
    r"\b(?:painless|least\s+painful|most\s+peaceful|quickest\s+(?:and\s+)?(?:most\s+)?painless)"
    r"\s+(?:ways?|methods?)\b",
    r"\b(?:which|what)\s+(?:ways?|methods?)\s+(?:are|is|would\s+be)\s+(?:the\s+)?(?:most\s+)?"
    r"(?:painless|least\s+painful|peaceful)\b",
)
# After a painless way, nothing more in its clause or an ending: "... way. i just want it to
# be quiet", "... way to go", "... ways are painless and what happens".
_WAY_FOR = re.compile(
    r"\s*(?:[.,!?;:\n\u2026]|$|and\b|(?:out|there\s+is|is|to\s+(?:go|do\s+it|die|end\s+(?:it|things"
    r"|my\s+life)|not\s+wake\s+up|check\s+out))\b)",
    _FLAGS,
)
# In the message, an everyday pain a painless way is asked for.
_EVERYDAY_PAIN = re.compile(
    r"\b(?:tattoo\w*|pierc\w*|wax\w*|epilat\w*|shav\w*|plaster|band-?aid|splinter|tooth|teeth"
    r"|dentist|injections?|needles?|jabs?|vaccin\w*|labou?r|birth|deliver\w*|break\s*up|dump\w*"
    r"|tell\s+(?:him|her|them|my)|quit\w*|wean\w*|remov\w*|pull\w*|dogs?|cats?|pets?|vet|put\s+"
    r"(?:down|to\s+sleep)|euthan\w*|rats?|mouse|mice|fish|lobsters?|crabs?|slaughter\w*|hunt\w*"
    r"|ingrown|blisters?|stitches|smear|iud|coil|eyebrows?|brows|hair|exam|period|cramps?)\b",
    _FLAGS,
)


def painless_asked(text: str, start: int, end: int) -> bool:
    """A painless way asked for (:data:`PAINLESS_WAY`) with nothing after it in its clause or an
    ending (:data:`_WAY_FOR`), and no everyday pain in the message (:data:`_EVERYDAY_PAIN`: a
    tattoo, a tooth, a pet put down)."""
    if text[start:end].lower().startswith(("painless", "least", "most", "quickest")) and (
        _WAY_FOR.match(text, end) is None
    ):
        return False
    return _EVERYDAY_PAIN.search(text) is None


_MEDS = rf"(?:{DRUGS}|medicine|antidepressants?)"
#: A whole supply taken at once: "take a whole bottle of ur antidepressants. would it work", "my
#: heart tablets taken all at once would be fatal"; "medicine strong enough to die in sleep"
#: (:func:`whole_supply_asked`).
WHOLE_SUPPLY = (
    rf"\b(?:a|the|my|ur|your)\s+whole\s+(?:bottle|pack|packet|box|strip|supply|blister\s+pack)\s+of\s+"
    rf"(?:[\w'-]+\s+){{0,2}}?{_MEDS}\b",
    rf"\b{_MEDS}\s+(?:taken\s+)?all\s+(?:at\s+once|together)\b",
    r"\b(?:strong|potent)\s+enough\s+to\s+(?:die|kill\s+(?:me|myself|a\s+person|someone)|not\s+wake"
    r"\s+up|never\s+wake\s+up|stop\s+(?:my|a)\s+heart)\b",
)
# Near the supply, the question whether it would end a life.
_WOULD_END = re.compile(
    r"\b(?:would|will|could|does|do)\s+(?:it|that|they|this|them)\s+(?:work|kill|be\s+(?:fatal"
    r"|lethal|enough|deadly))|(?:would|will)\s+be\s+(?:fatal|lethal|deadly|enough)|fatal|lethal"
    r"|deadly|kill\s+(?:me|you)|to\s+die|die\s+in\s+(?:my\s+)?sleep|strong\s+enough\b",
    _FLAGS,
)
_BY_MISTAKE = re.compile(
    r"\b(?:by\s+(?:mistake|accident)|accident\w*|forgot|double\s+dose|twice|extra\s+dose)\b", _FLAGS
)


def whole_supply_asked(text: str, start: int, end: int) -> bool:
    """A whole supply taken at once (:data:`WHOLE_SUPPLY`) with the question whether it would
    end a life in its sentence or the next (:data:`_WOULD_END`), or a medicine asked as strong
    enough to die, and no everyday reading or a mistake near it (:data:`_EVERYDAY_QUESTION`:
    a child's or a pet's swallowing; :data:`_BY_MISTAKE`)."""
    after = sentence_after(text, end)
    near = sentence_before(text, start) + " " + text[start:end] + " " + after
    near += " " + sentence_after(text, end + len(after) + 1)
    if _EVERYDAY_QUESTION.search(near) is not None or _BY_MISTAKE.search(near) is not None:
        return False
    if text[start:end].lower().startswith(("strong", "potent")):
        return re.search(_MEDS, sentence_before(text, start), _FLAGS) is not None
    return _WOULD_END.search(near) is not None


#: How deep a cut must be to be dangerous: "how deep does a cut need to be to actually be
#: dangerous" (label ``self_harm``; :func:`deep_enough_asked`).
HOW_DEEP = (
    r"\bhow\s+deep\s+(?:[\w']+\s+){0,4}?(?:cut|cuts|wound|slash\w*)\s+(?:[\w']+\s+){0,6}?(?:dangerous"
    r"|fatal|lethal|deadly|to\s+die|to\s+bleed\s+out|kill\w*)\b",
)
_EVERYDAY_CUT = re.compile(
    r"\b(?:accident\w*|kitchen|cooking|chef|slipped|dogs?|cats?|kid|son|daughter|child|tree|wood"
    r"|lumber|saw|paper|class|exam|nursing|first\s+aid|surgery|surgeon|stitches|vet|game|story"
    r"|character|novel)\b",
    _FLAGS,
)


def deep_enough_asked(text: str, start: int, end: int) -> bool:
    """How deep a cut must be to be dangerous (:data:`HOW_DEEP`), with no accident, kitchen,
    class or story in the message (:data:`_EVERYDAY_CUT`)."""
    return _EVERYDAY_CUT.search(text) is None


#: The patterns of this module (label ``suicide``; :data:`HOW_DEEP`'s ``self_harm``) and their
#: checks.
MEANS_QUESTIONS = (*TOO_MANY, *WOULD_IT_TAKE, *HOW_HIGH, *PAINLESS_WAY, *WHOLE_SUPPLY)
MEANS_QUESTION_CHECKS: dict[str, Check] = {
    **dict.fromkeys(TOO_MANY, asked_for_an_ending),
    **dict.fromkeys(WOULD_IT_TAKE, would_it_take),
    **dict.fromkeys(HOW_HIGH, fatal_height),
    **dict.fromkeys(PAINLESS_WAY, painless_asked),
    **dict.fromkeys(WHOLE_SUPPLY, whole_supply_asked),
    **dict.fromkeys(HOW_DEEP, deep_enough_asked),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
MEANS_QUESTION_WORDS: dict[str, str] = {
    TOO_MANY[0]: r"too\s+(?:many|much)",
    WOULD_IT_TAKE[0]: r"how\s+(?:much|many)",
    WOULD_IT_TAKE[1]: r"lethal|fatal|deadly",
    HOW_HIGH[0]: r"how\s+(?:high|tall|far|many)|what\s+(?:height|floor|fall|drop)",
    PAINLESS_WAY[0]: r"painless|least\s+painful|most\s+peaceful|quickest",
    PAINLESS_WAY[1]: r"painless|least\s+painful|peaceful",
    WHOLE_SUPPLY[0]: r"whole\s",
    WHOLE_SUPPLY[1]: r"all\s+(?:at\s+once|together)",
    WHOLE_SUPPLY[2]: r"strong\s+enough|potent\s+enough",
    HOW_DEEP[0]: r"how\s+deep",
}
