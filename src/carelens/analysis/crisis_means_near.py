"""Crisis cues of a means come near: a gun put to the mouth, a jump wished on a height, alcohol
and pills set out for tonight.

The patterns join :data:`carelens.analysis.crisis_patterns.PATTERNS` (the gun and the jump label
``suicide``, the mix ``self_harm``), and :data:`NEAR_CHECKS` joins the checks of
:mod:`carelens.analysis.crisis_context` for those with everyday senses. None is a cue told in a
story (:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`GUN_TO_ME`: "i put the gun in my mouth last night", "held the pistol to my temple"; not
  a water, glue or toy gun (:func:`real_gun`), one another person holds ("the robber put a gun
  in my mouth") nor the dentist's mirror ("the dentist put the mirror in my mouth").
- :data:`IT_TO_ME`: the same told of "it", a gun named just before ("i keep a gun under my
  pillow and last night i put it to my temple"); not food put in the mouth.
- :data:`JUMP_WISH`: a jump wished or nearly done, with a height named near it in the message
  ("stood on the bridge for an hour last night. wanted to jump so bad", "i almost jumped. the
  ledge was right there", "wanted to jump out the window"); not a jump into water, for fun or
  for joy ("stood on the cliff over the lake, wanted to jump in", "wanted to jump so bad at the
  concert"), a start at a fright ("i almost jumped when the bird hit the window"), nor one with
  no height near it ("i almost jumped when the door slammed").
- :data:`MIXED`: alcohol with pills, told as a plan, an ending or a whole supply ("wine and
  pills tonight, then nothing", "wine and pills tonight. this is it", "i mixed all my pills
  with vodka and drank it"); not food ("wine and pizza tonight"), a usual dose for an ailment
  ("beer and advil now for my headache", "took my allergy pills and beer"), a warning or a
  question of safety ("never mix wine and pills", "is it safe to have wine with my pills
  tonight?").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from carelens.analysis.crisis_stories import in_a_story
from carelens.analysis.words import SENTENCE_MARK, sentence_after, sentence_before

_FLAGS = re.IGNORECASE

#: A gun put to the writer's mouth, temple or chin: "i put the gun in my mouth last night",
#: "held the pistol to my temple", "the barrel of my dad's gun in my mouth"; a cue but for a
#: water, nerf, glue, toy, nail or massage gun (:func:`real_gun`; "... to my head" is a pattern
#: of its own).
GUN_TO_ME = (
    r"\b(?:g(?:un|lock)|pistol|r(?:evolver|ifle)|barrel|muzzle|shotgun)\s+(?:[\w'-]+\s+){0,3}?(?:in|into"
    r"|to|against|under|inside)\s+my\s+(?:mouth|temple|chin|jaw)\b"
)
#: A gun's barrel or "it" put to the writer's mouth, temple, head or chin: "last night i put it
#: to my temple"; a cue only with a gun named just before it (:func:`gun_before`: "i keep a
#: gun under my pillow and ..."), not "put it in my mouth" of food.
IT_TO_ME = (
    r"\b(?:p(?:ut(?:s|ting)?|ress(?:ed|ing)|laced)|h(?:eld|old(?:ing)?)|stuck)\s+(?:it|the\s+barrel"
    r"|the\s+muzzle|the\s+tip)\s+(?:(?:right|up)\s+)?(?:to|in|into|against|under|inside)\s+my\s+"
    r"(?:mouth|temple|head|chin|jaw)\b"
)
#: A jump wished, meant or nearly done, with no object of play after it: "wanted to jump so
#: bad", "i almost jumped", "tempted to jump", "wanted to jump out the window", "ready to jump to
#: my death"; a cue only with a height near it (:func:`height_near`).
JUMP_WISH = (
    r"\b(?:a(?:bout\s+to|lmost)|go(?:ing\s+to|nna)|nearly|planning\s+to|ready\s+to|so\s+close\s+to"
    r"|tempted\s+to|urges?\s+to|wan(?:t(?:ed|ing)?\s+to|na))\s+(?:just\s+)?jump(?:ed)?\b(?!\s+(?:in|into|on|onto|at|for"
    r"|up|ship|the\s+gun|rope|start|through|over|back|ahead|right|around|higher|across|down|off"
    r"|from|to(?!\s+my\s+death)|out(?!\s+(?:of\s+)?(?:the|a|my|our)\s+window))\b)"
)
# The drinks and the pills, grouped by their first letters: the one alternation of all
# patterns stays quick.
_ALCOHOL = (
    r"(?:alcohol|b(?:ourbon|eer|ooze)|champagne|everclear|gin|liquor|rum|s(?:oju|ake)|tequila|vodka"
    r"|w(?:ine|hiske?y))"
)
_PILL = (
    r"(?:a(?:tivan|mbien)|benzos|klonopin|meds|o(?:xy\w*|pioids)|p(?:ills|ainkillers|erc(?:s|ocets))"
    r"|s(?:leepers|eroquel)|t(?:ablets|ramadol|razodone|ylenol)|v(?:alium|icodin)|xan(?:ax|s))"
)
_PILLS = (
    r"(?:(?:all\s+(?:of\s+)?(?:my|the)|my|the|some|a\s+(?:bunch|lot|handful|bottle)\s+of"
    rf"(?:\s+my)?)\s+)?(?:sleeping\s+)?{_PILL}"
)
#: Alcohol with pills, either first, or pills mixed into it: "wine and pills", "pills and
#: vodka", "vodka with all my xanax", "mixed all my pills with vodka"; a cue only told as a plan,
#: an ending or a whole supply (:func:`meant_mix`). Each branch opens with a rare word (not "my"
#: or "the"): the one alternation of all patterns stays quick.
MIXED = (
    rf"\b(?=[abceglmoprstvwxk])(?:{_ALCOHOL}\s+(?:and|&|\+|plus|with|n'?)\s+{_PILLS}"
    rf"|{_PILL}\s+(?:and|&|\+|plus|with|n'?|washed\s+down\s+with|chased\s+with)\s+{_ALCOHOL}"
    rf"|mix(?:ed|ing)?\s+{_PILLS}\s+(?:with|into|in)\s+{_ALCOHOL})\b"
)

# Before a gun, a toy or a tool: "water gun", "nerf gun", "glue gun".
_TOY_BEFORE = re.compile(
    r"\b(?:water|nerf|glue|toy|squirt|spray|nail|heat|massage|staple|paint|bb|cap)\s+$", _FLAGS
)
_GUN = re.compile(r"\b(?:guns?|pistols?|revolvers?|shotguns?|rifles?|glocks?|firearms?)\b", _FLAGS)
# Heights a jump is wished from, named near it: "stood on the bridge", "the ledge", "the roof of
# my building", "the window"; not "on edge".
_HEIGHT = re.compile(
    r"\b(?:bridges?|ledges?|roofs?|rooftops?|(?<!on\s)edge|railings?|balcon(?:y|ies)|overpass\w*"
    r"|cliffs?|buildings?|towers?|skyscrapers?|parking\s+(?:garage|deck|structure)|window"
    r"|\d+(?:th|st|nd|rd)\s+floor|top\s+floor)\b",
    _FLAGS,
)
# In a wished jump's sentence, play or water: "into the lake", "swimming", "bungee", "for fun".
_PLAY = re.compile(
    r"\b(?:swim\w*|pool|lake|river|ocean|sea|water|bungee|skydiv\w*|parachut\w*|trampoline|diving"
    r"|for\s+fun|(?:on|for)\s+a\s+dare|(?:for|with)\s+joy|concert|dance\w*|party|excite\w*)\b",
    _FLAGS,
)
# In a jump's sentence, a fright it was a start at: "i almost jumped when the bird hit the
# window", "the fire alarm went off so loud i nearly jumped".
_STARTLE = re.compile(
    r"\b(?:loud|noise|bang\w*|alarm|slamm\w*|scream\w*|startl\w*|spook\w*|scared\s+me"
    r"|jump\s*scare|bird|spider|mouse|phone\s+rang|knock\w*|out\s+of\s+my\s+skin)\b",
    _FLAGS,
)
# Before a gun put to the writer, another person holding it: "he held a gun to my temple", "the
# robber put a gun in my mouth"; the writer's wish for it stays a cue (:data:`_WISHED`).
_ANOTHER_HOLDS = re.compile(
    r"\b(?:he|she|they|someone|somebody|(?:a|the|some)\s+(?:guy|man|woman|robber|mugger|attacker"
    r"|intruder|burglar|thief|cop|officer|stranger|dude)|robbers?|muggers?)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:held|holds|holding|put|puts|pressed|pointed|shoved|stuck|jammed|placed|had)\s+(?:a|the"
    r"|his|her|their|it)\b",
    _FLAGS,
)
_WISHED = re.compile(
    r"\b(?:i|i'd|id)\s+(?:[\w'-]+\s+){0,2}?(?:want\w*|wanna|wish\w*|hop\w*|pray\w*)\b"
    r"|\b(?:pull|pulled)\s+the\s+trigger\b",
    _FLAGS,
)
# Words of a plan for now or of an ending near a mix: "tonight", "rn", "this is it", "then
# nothing", "goodbye", "for good".
_PLAN_OR_END = re.compile(
    r"\b(?:tonight|tonite|tn|right\s+now|rn|now|later|soon|this\s+(?:weekend|evening)|this\s+is"
    r"\s+it|that'?s\s+it|then\s+(?:nothing|sleep|goodbye|bye|done|over|lights\s+out)|the\s+end"
    r"|it'?s\s+time|one\s+last|finally|for\s+good|forever|goodbye|good\s*-?\s*bye|never\s+wake"
    r"|end\s+it|over\s+with|drank\s+it|took\s+them|and\s+drank|and\s+took)\b",
    _FLAGS,
)
_SUPPLY = re.compile(r"\b(?:all|every|whole|bottle|handful|bunch)\b", _FLAGS)
# Around a mix: an ailment it is for, a meal it goes with, a warning or a question of safety.
_EVERYDAY_MIX = re.compile(
    r"\bfor\s+(?:my|the|a|this)\s+(?:[\w'-]+\s+)?(?:headache|migraine|back|cramps|pain|cold|flu"
    r"|hangover|tooth\w*|cough)\b|\b(?:allerg\w*|hay\s*fever|vitamins?|antibiotics?)\b"
    r"|\bwith\s+(?:dinner|lunch|food|friends)\b|\b(?:safe|dangerous"
    r"|interact\w*|warning|label)\b|\bis\s+it\s+(?:ok|okay|fine|bad|allowed)\b",
    _FLAGS,
)
_WARNED_BEFORE = re.compile(
    r"\b(?:don'?t|dont|never|do\s+not|avoid|not\s+to|shouldn'?t|can\s+(?:i|you)|is\s+it)\s+"
    r"(?:\w+\s+){0,3}$",
    _FLAGS,
)


def _sentences(text: str, start: int, end: int, reach: int) -> tuple[str, str]:
    """The words of ``text`` before ``start`` in its sentence and after ``end`` up to the next
    sentence's end, at most ``reach`` characters each way."""
    before = sentence_before(text, start, reach)
    after = text[end : end + reach]
    parts = SENTENCE_MARK.split(after, maxsplit=2)
    return before, " ".join(parts[:2])


def height_near(text: str, start: int, end: int) -> bool:
    """A jump wished (:data:`JUMP_WISH`) with a height in the 200 characters before it or the
    120 after it (:data:`_HEIGHT`), no play, water or fright in its sentence (:data:`_PLAY`,
    :data:`_STARTLE`: "i almost jumped when the bird hit the window"), not in a story."""
    if _HEIGHT.search(text, max(0, start - 200), end + 120) is None:
        return False
    sentence = sentence_before(text, start) + " " + sentence_after(text, end)
    if _PLAY.search(sentence) is not None or _STARTLE.search(sentence) is not None:
        return False
    return not in_a_story(text, start, end)


def _held_by_another(text: str, start: int, end: int) -> bool:
    """Whether another person holds the gun put to the writer at ``text[start:end]`` in its
    clause (:data:`_ANOTHER_HOLDS`: "the robber put a gun in my mouth") and the writer wishes
    nothing of it anywhere in the message (:data:`_WISHED`: "i wanted him to pull the
    trigger")."""
    before = sentence_before(text, start, 80)
    clause = re.split(r"[,;]|\band\b", before)[-1]
    if _ANOTHER_HOLDS.search(clause + text[start:end]) is None:
        return False
    return _WISHED.search(text) is None


def real_gun(text: str, start: int, end: int) -> bool:
    """A gun put to the writer (:data:`GUN_TO_ME`) that is no toy or tool ("the water gun in
    my mouth"), nor held by another person (:func:`_held_by_another`: "got mugged, he held a
    gun to my temple"), not in a story."""
    if _TOY_BEFORE.search(text, max(0, start - 20), start) is not None:
        return False
    return not _held_by_another(text, start, end) and not in_a_story(text, start, end)


def gun_before(text: str, start: int, end: int) -> bool:
    """ "it" put to the writer's mouth or temple (:data:`IT_TO_ME`) with a gun named in the 150
    characters before it, not held by another person (:func:`_held_by_another`), not in a
    story."""
    if _GUN.search(text, max(0, start - 150), start) is None:
        return False
    return not _held_by_another(text, start, end) and not in_a_story(text, start, end)


def meant_mix(text: str, start: int, end: int) -> bool:
    """Alcohol with pills (:data:`MIXED`) told as a plan for now, an ending or a whole supply
    in its sentence or the next (:data:`_PLAN_OR_END`, :data:`_SUPPLY`: "wine and pills tonight,
    then nothing", "mixed all my pills with vodka"), not for an ailment, with a meal, as a
    warning or a question of safety (:data:`_EVERYDAY_MIX`, :data:`_WARNED_BEFORE`), nor in a
    story."""
    before, after = _sentences(text, start, end, 120)
    if _WARNED_BEFORE.search(before) is not None:
        return False
    if _EVERYDAY_MIX.search(before + " " + text[start:end] + " " + after) is not None:
        return False
    meant = _SUPPLY.search(text, max(0, start - 20), end) is not None
    meant = meant or _PLAN_OR_END.search(before + " " + after) is not None
    return meant and not in_a_story(text, start, end)


#: The patterns of this module by the label of their cues, and the checks of those with
#: everyday senses.
SUICIDE_NEAR = (GUN_TO_ME, IT_TO_ME, JUMP_WISH)
SELF_HARM_NEAR = (MIXED,)
NEAR_CHECKS: dict[str, Callable[[str, int, int], bool]] = {
    GUN_TO_ME: real_gun,
    IT_TO_ME: gun_before,
    JUMP_WISH: height_near,
    MIXED: meant_mix,
}
