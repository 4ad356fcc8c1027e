"""Crisis cues of self-harm coming back: the urge returning after the writer stopped, a blade
kept hidden for it, a relapse growing worse, walls punched until the hands break.

The patterns join :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``self_harm``)
and their checks join :mod:`carelens.analysis.crisis_context`'s
(:data:`SELF_HARM_BACK_CHECKS`, through :mod:`carelens.analysis.crisis_veiled`); none is a cue
told in a story (:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`URGE_AGAIN`: "i used to cut but i stopped two years ago. today i really wanted to
  again", "been sh free for 8 months and i came so close again", "i used to self harm ... the
  urge to do it again"; only after a self-harm told before it in the message
  (:func:`after_self_harm`), not "i used to cut my hair short, today i wanted to again" nor "i
  used to run marathons and i want to again". A denial ("... and i never want to again") is
  read as any other (:func:`carelens.analysis.crisis_denials.writer_denies`).
- :data:`BLADE_KEPT`: "i still keep a blade hidden just in case", "i keep my razors hidden in a
  sock", "got a sharpener blade in my pencil case for bad days"; not a razor kept for shaving,
  a box cutter for work nor a knife out of a toddler's reach (:func:`blade_kept_for_it`).
- :data:`RELAPSED`: "relapsed tonight after 8 months. it was worse than before and i don't want
  to stop", "was at 200 days clean. broke it last night. and honestly i want to again tonight,
  worse", "lost my streak ... gonna keep going til theres nothing left of me"; a cue only with
  the self-harm growing or not stopping, not a relapse into a drink, a drug or nail biting
  (:func:`growing_worse`).
- :data:`WALLS_UNTIL`: "i've been punching walls until my knuckles split"; not another's
  (:func:`own_blows`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story
from carelens.analysis.words import sentence_after, sentence_before

_FLAGS = re.IGNORECASE

#: An urge come back: "wanted to again", "really wanted to do it again", "the urge to start
#: again", "came so close again", "nearly did it again"; a cue only after a self-harm
#: (:func:`after_self_harm`).
URGE_AGAIN = (
    r"\b(?:(?:want(?:s|ed|ing)?|wanna|urges?|tempted|itching|crav(?:e|ed|ing)|need(?:ed)?)\s+(?:to\s+)?"
    r"(?:so\s+bad(?:ly)?\s+|really\s+bad(?:ly)?\s+)?|(?:so\s+close|came\s+(?:so\s+)?close|nearly"
    r"|almost)\s+(?:to\s+)?)(?:(?:do|did|doing)\s+(?:it|that)\s+|start(?:ed)?\s+|relaps(?:e|ed)\s+"
    r"|go(?:ne)?\s+back\s+to\s+it\s+)?again\b",
)
# Before the urge, a self-harm: "i used to cut", "self harm", "my scars", "sh free", "cutting".
_SELF_HARM_BEFORE = re.compile(
    r"\b(?:used\s+to\s+(?:cut|self[\s-]*harm|sh|burn\s+myself|hurt\s+myself|scratch)\b(?!\s+(?:my\s+"
    r"(?:hair|nails|own|food|grass|lawn|fringe|bangs|lunch)|hair|the\s+grass|class|school|classes"
    r"|corners|wood|paper|fabric|coupons|meat|it\s+close|back|down|out))|self[\s-]*harm\w*"
    r"|cutting\s+(?:myself|my\s+\w+|again)|cut\s+myself|(?:my|the)\s+scars|scars\s+on\s+my|sh[\s-]"
    r"*free|clean\s+(?:from|of)\s+(?:sh|self[\s-]*harm|cutting)|burn(?:ed|ing|t)\s+myself"
    r"|hurt(?:ing)?\s+myself|relaps\w*\s+(?:on|into)\s+(?:sh|self[\s-]*harm|cutting))\b",
    _FLAGS,
)


def after_self_harm(text: str, start: int, end: int) -> bool:
    """An urge come back (:data:`URGE_AGAIN`) with a self-harm told in the 300 characters before
    it (:data:`_SELF_HARM_BEFORE`: "i used to cut", not "i used to cut my hair"); not in a
    story."""
    if _SELF_HARM_BEFORE.search(text, max(0, start - 300), start) is None:
        return False
    return not in_a_story(text, start, end)


#: A blade kept: "keep a blade", "still have my razors", "got a sharpener blade"; a cue only kept
#: for it (:func:`blade_kept_for_it`).
BLADE_KEPT = (
    r"\b(?:keep(?:s|ing)?|kept|hid(?:e|es|ing|den)?|stash(?:ed|ing)?|still\s+(?:have|got)|got|have"
    r"|carry(?:ing)?|carried)\s+(?:a|my|the|some|one|an?\s+old|a\s+spare|a\s+few)\s+(?:[\w'-]+\s+)?"
    r"(?:blades?|razors?|razor\s+blades?|box\s*cutters?|scalpels?)\b",
)
# Beside the blade, the sign it is kept for self-harm: hidden, "just in case", "for bad days".
_KEPT_FOR_IT = re.compile(
    r"\b(?:hidden|hid(?:e|ing)?|stash\w*|secret\w*|just\s+in\s+case|in\s+case\s+i\s+(?:need|want)"
    r"|for\s+(?:when\s+i|bad\s+(?:days|nights)|later|the\s+bad)|(?:in|under|inside)\s+(?:a|my"
    r"|the)\s+(?:sock|drawer|box|pencil\s+case|wallet|shoe|tin|phone\s+case|bra|pillow|mattress"
    r"|book|closet)|relaps\w*|self[\s-]*harm\w*|cut(?:ting)?\s+(?:myself|again)|sh\b)",
    _FLAGS,
)
# Beside the blade, an everyday use: shaving, camping, work, a craft, kept from a child.
_EVERYDAY_BLADE = re.compile(
    r"\b(?:shav\w*|legs|beard|face|travel\w*|camp\w*|hunt\w*|fish\w*|kitchen|cook\w*|craft\w*|art"
    r"|work|warehouse|job|utility|stanley|diy|model\w*|hobby|self[\s-]*defen[cs]e|protection"
    r"|(?:from|away\s+from)\s+(?:the|my)\s+(?:kids?|toddler|children|baby|son|daughter|dog|cat)"
    r"|safe(?:ly)?|out\s+of\s+reach|locked|barber|salon|cartridges?|refills?|spare\s+(?:heads"
    r"|cartridges)|tires?|tyres?|glove\s*box|tool\s*(?:box|kit)|first\s+aid|survival|hiking|boat)\b",
    _FLAGS,
)


def blade_kept_for_it(text: str, start: int, end: int) -> bool:
    """A blade kept (:data:`BLADE_KEPT`) with a sign in its sentence or the next that it is kept
    for self-harm (:data:`_KEPT_FOR_IT`: hidden, "just in case", "relapsed"), and no everyday
    use there (:data:`_EVERYDAY_BLADE`: shaving, camping, work, a child's reach); not in a
    story."""
    after = sentence_after(text, end)
    near = sentence_before(text, start) + " " + text[start:end] + " " + after
    near += " " + sentence_after(text, end + len(after) + 1)
    if _KEPT_FOR_IT.search(near) is None or _EVERYDAY_BLADE.search(near) is not None:
        return False
    return not in_a_story(text, start, end)


#: A relapse or a streak broken: "relapsed tonight after 8 months", "broke it last night", "lost my
#: streak", "i cut again today"; a cue only with the self-harm growing or not stopping in the
#: message (:func:`growing_worse`).
RELAPSED = (
    r"\b(?:relaps(?:e|ed|ing)|broke\s+(?:it|my\s+streak)|lost\s+my\s+streak|(?:my\s+)?streak\s+(?:is\s+)?"
    r"(?:gone|over|broken)|i\s+cut\s+again)\b",
)
# In the message, the self-harm growing or not stopping: "want to do it worse", "want to again
# tonight, worse", "don't want to stop", "keep going til there's nothing left of me".
_WORSE = re.compile(
    r"\b(?:(?:want|wanna|going|gonna|need)\s+(?:to\s+)?(?:[\w']+[\s,]+){0,3}?worse|(?:do|did)\s+(?:it\s+)?"
    r"worse|(?:don'?t|dont|do\s+not)\s+(?:even\s+)?want\s+to\s+stop|(?:can'?t|cant|cannot)\s+stop"
    r"|keep\s+going\s+(?:til|till|until)|nothing\s+left\s+of\s+me|worse\s+than\s+(?:before|last"
    r"\s+time|ever)|deeper)\b",
    _FLAGS,
)
# In the message, a relapse that is not self-harm: a drink, a drug, a habit.
_OTHER_HABIT = re.compile(
    r"\b(?:drink\w*|drunk|alcohol|booze|beer|wine|sober\w*|smok\w*|cig\w*|vap\w*|weed|cannabis"
    r"|drugs?|heroin|coke|cocaine|meth|pills|gambl\w*|bet\w*|sugar|diet|binge\w*|purg\w*|porn"
    r"|nails?|bit(?:e|ing)|pick(?:ing)?|nicotine|caffeine|coffee|shopping|spending|gaming|duolingo"
    r"|gym|running|social\s+media|hair)\b",
    _FLAGS,
)


def growing_worse(text: str, start: int, end: int) -> bool:
    """A relapse (:data:`RELAPSED`) with the self-harm growing or not stopping in the message
    (:data:`_WORSE`), and no drink, drug or habit told as what was relapsed into
    (:data:`_OTHER_HABIT`); not in a story."""
    if _WORSE.search(text) is None or _OTHER_HABIT.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: Walls punched until the hands break: "i've been punching walls until my knuckles split"
#: (:func:`own_blows`).
WALLS_UNTIL = (
    r"\b(?:punch\w*|hit(?:ting)?|bang\w*|slam\w*)\s+(?:the\s+|my\s+(?:fists?|head|hands?)\s+"
    r"(?:into|against)\s+(?:the\s+)?)?walls?\s+(?:until|till|til)\s+(?:my\s+)?(?:[\w']+\s+)?(?:split"
    r"|bled|bleed|bleeds|bleeding|broke|break|cracked|bruised|raw|numb)\b",
)
# Just before the blows, another's doing: "he's been punching walls".
_THEIR_BLOWS = re.compile(
    r"\b(?:he|she|they|he'?s|she'?s|they'?re|my\s+(?:son|daughter|brother|sister|dad|father|mum"
    r"|mom|mother|partner|husband|wife|boyfriend|girlfriend|friend|kid))\s+(?:[\w']+\s+){0,2}$",
    _FLAGS,
)


def own_blows(text: str, start: int, end: int) -> bool:
    """Walls punched until the hands break (:data:`WALLS_UNTIL`), the writer's own, not
    another's (:data:`_THEIR_BLOWS`); not in a story."""
    if _THEIR_BLOWS.search(text, max(0, start - 40), start) is not None:
        return False
    return not in_a_story(text, start, end)


#: The patterns of this module (label ``self_harm``) and their checks.
SELF_HARM_BACK = (*URGE_AGAIN, *BLADE_KEPT, *RELAPSED, *WALLS_UNTIL)
SELF_HARM_BACK_CHECKS: dict[str, Check] = {
    **dict.fromkeys(URGE_AGAIN, after_self_harm),
    **dict.fromkeys(BLADE_KEPT, blade_kept_for_it),
    **dict.fromkeys(RELAPSED, growing_worse),
    **dict.fromkeys(WALLS_UNTIL, own_blows),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
SELF_HARM_BACK_WORDS: dict[str, str] = {
    # the check's: the self-harm told before the urge (as _SELF_HARM_BEFORE reads it)
    URGE_AGAIN[0]: (
        r"used\s+to\s+(?:cut|self|sh|burn|hurt|scratch)|self[\s-]*harm|cutting\s|cut\s+myself"
        r"|my\s+scars|the\s+scars|scars\s+on|sh[\s-]*free|clean\s+(?:from|of)|burn(?:ed|ing|t)\s+myself"
        r"|hurt(?:ing)?\s+myself|relaps"
    ),
    BLADE_KEPT[0]: r"blade|razor|box\s*cutter|scalpel",
    RELAPSED[0]: r"relaps|broke\s|lost\s+my|streak|i\s+cut",
    WALLS_UNTIL[0]: r"walls?\s+(?:until|till|til)",
}
