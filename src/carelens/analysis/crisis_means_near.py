"""Crisis cues of a means come near: a gun put to the mouth or the head, a gun in reach, a means
to be used on oneself, a jump wished on a height, a ledge or an edge, alcohol and pills set out
for tonight.

The patterns join :data:`carelens.analysis.crisis_patterns.PATTERNS` (the guns, the heights and
the jump label ``suicide``, the mix ``self_harm``), and :data:`NEAR_CHECKS` joins the checks of
:mod:`carelens.analysis.crisis_context` for those with everyday senses. None is a cue told in a
story (:func:`carelens.analysis.crisis_stories.in_a_story`), but a gun to the writer's head.

- :data:`GUN_TO_ME`: "i put the gun in my mouth last night", "held the pistol to my temple", "i
  held a gun to my head last night", "put a bullet in my head"; not a water, glue or toy gun
  (:func:`real_gun`), one another person holds ("the robber put a gun in my mouth", "he held a
  gun to my head and took my wallet") nor the dentist's mirror ("the dentist put the mirror in
  my mouth").
- :data:`IT_TO_ME`: the same told of "it", a gun named just before ("i keep a gun under my
  pillow and last night i put it to my temple", "loaded my rifle and sat with it in my mouth");
  not food put in the mouth.
- :data:`USE_ON_ME`: a means to be used or turned on the writer ("i bought a gun and i'm going
  to use it on myself"); not clippers, a face mask or a razor for the legs (:func:`means_named`).
- :data:`GUN_IN_REACH`: the writer knowing where a gun is kept or how to open it ("dad keeps his
  in the nightstand and i know the code", "i know where my dad keeps his gun"); not the code of
  the wifi (:func:`gun_in_reach`).
- :data:`JUMP_WISH`: a jump wished or nearly done, with a height named near it in the message
  ("stood on the bridge for an hour last night. wanted to jump so bad", "i almost jumped. the
  ledge was right there", "wanted to jump out the window"); not a jump into water, for fun or
  for joy ("stood on the cliff over the lake, wanted to jump in", "wanted to jump so bad at the
  concert"), a start at a fright ("i almost jumped when the bird hit the window"), nor one with
  no height near it ("i almost jumped when the door slammed").
- :data:`AT_THE_EDGE`: a ledge sat on, the edge of a height looked over ("sat on the ledge for an
  hour", "been looking over the edge of the bridge again tonight"); not the edge of a bed, a
  lunch on the ledge, a view, a trip or a fear of heights (:func:`at_the_edge`).
- :data:`MIXED`: alcohol with pills, told as a plan, an ending or a whole supply ("wine and
  pills tonight, then nothing", "wine and pills tonight. this is it", "i mixed all my pills
  with vodka and drank it", "mixing my xanax with alcohol so i just don't wake up", "my sleeping
  pills and a bottle of wine, that should do it"); not food ("wine and pizza tonight"), a usual
  dose for an ailment ("beer and advil now for my headache", "took my allergy pills and beer"),
  a warning or a question of safety ("never mix wine and pills", "is it safe to have wine with
  my pills tonight?").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from carelens.analysis.crisis_stories import in_a_story
from carelens.analysis.words import SENTENCE_MARK, sentence_after, sentence_before

_FLAGS = re.IGNORECASE

#: A gun or a bullet put to the writer's mouth, temple, chin or head: "i put the gun in my mouth
#: last night", "held the pistol to my temple", "the barrel of my dad's gun in my mouth", "i held
#: a gun to my head last night", "put a bullet in my head"; a cue but for a water, nerf, glue,
#: toy, nail or massage gun, or one another person held on the writer ("he held a gun to my head
#: and took my wallet": :func:`real_gun`).
GUN_TO_ME = (
    r"\b(?:g(?:un|lock)|pistol|r(?:evolver|ifle)|b(?:arrel|ullet)|muzzle|shotgun)\s+(?:[\w'-]+\s+)"
    r"{0,3}?(?:in|into|to|against|under|inside|through)\s+my\s+(?:mouth|temple|chin|jaw|head)\b"
)
#: A gun's barrel or "it" put or held to the writer's mouth, temple, head or chin: "last night i
#: put it to my temple", "loaded my rifle and sat with it in my mouth"; a cue only with a gun
#: named just before it (:func:`gun_before`: "i keep a gun under my pillow and ..."), not "put
#: it in my mouth" of food.
IT_TO_ME = (
    r"\b(?:p(?:ut(?:s|ting)?|ress(?:ed|ing)|laced)|h(?:eld|old(?:ing)?|ad)|stuck|s(?:at|it(?:s|ting)?)"
    r"\s+with)\s+(?:it|the\s+barrel"
    r"|the\s+muzzle|the\s+tip)\s+(?:(?:right|up)\s+)?(?:to|in|into|against|under|inside)\s+my\s+"
    r"(?:mouth|temple|head|chin|jaw)\b"
)
#: A means to be used or turned on the writer: "i bought a gun and i'm going to use it on
#: myself", "i want to turn it on myself", "turning the gun on myself"; a cue only with a means
#: named (:func:`means_named`), not clippers or a face mask.
USE_ON_ME = (
    r"\b(?:us(?:e|ing)|turn(?:s|ed|ing)?)\s+(?:it|them|that|this|the\s+(?:gun|pistol|rifle|shotgun"
    r"|glock|revolver|rope|noose|pills|knife|blade|razor)s?)\s+on\s+my\s*self\b"
)
#: A gun within the writer's reach: "dad keeps his in the nightstand and i know the code", "i
#: know where my dad keeps his gun", "found the key to the gun safe"; a cue only with a gun
#: named near it and the writer the one who knows (:func:`gun_in_reach`).
GUN_IN_REACH = (
    r"\b(?:know|found)\s+(?:the\s+(?:code|combination|combo|pin|passcode|password|keys?)\b"
    r"|where\s+(?:[\w'-]+\s+){0,2}?(?:keeps?|kept|hides?|hid|stores?|stashe[sd]|stash)\b)"
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
# A height a person may come near: the edge of a bridge, a roof, a balcony, a platform.
_DROP = (
    r"(?:the|a|that|this|my|our|his|her)\s+(?:[\w'-]+\s+){0,2}?(?:bridge|roof|rooftop|building"
    r"|balcony|cliff|overpass|tower|platform|parking\s+(?:garage|deck)|car\s*park|tracks)s?\b"
)
#: Sitting or standing on a ledge, a railing or the edge of a height, or looking over the edge
#: of one (or over "the edge" with a height named near it): "sat on the ledge for an hour", "i
#: sat on the edge of the roof last night", "stood on the ledge of the parking garage", "been
#: looking over the edge of the bridge again tonight"; not the edge of a bed or a seat, and a cue
#: only without an everyday doing, a view, a trip or a fear of heights near it
#: (:func:`at_the_edge`: "sat on the ledge eating my lunch").
AT_THE_EDGE = (
    r"\b(?:(?:s(?:at|it(?:s|ting)?|tood|tand(?:s|ing)?)|perched|climb(?:ed|ing)?)\s+(?:up\s+)?"
    r"(?:on(?:to)?|over|at)\s+(?:the|a|that|this|my|our)\s+(?:[\w'-]+\s+)?(?:ledge|railing|edge"
    rf"\s+of\s+{_DROP})|(?:look|star(?:e|ing)|peer|gaz(?:e|ing))\w*\s+(?:down\s+)?over\s+(?:the\s+)?"
    rf"(?:edge|ledge|railing|side)\b(?:\s+of\s+{_DROP})?)"
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
# A drink after the pills: "vodka", "a bottle of wine", "half a bottle of whiskey".
_DRINK = (
    r"(?:(?:a|some|the|my|half\s+a|a\s+whole)\s+)?(?:(?:bottle|glass|fifth|pint|can|handle|shot)s?"
    rf"\s+of\s+)?{_ALCOHOL}"
)
#: Alcohol with pills, either first, or pills mixed into it: "wine and pills", "pills and
#: vodka", "my sleeping pills and a bottle of wine", "vodka with all my xanax", "mixed all my pills
#: with vodka"; a cue only told as a plan, an ending or a whole supply (:func:`meant_mix`). Each
#: branch opens with a rare word (not "my" or "the"): the one alternation of all patterns stays
#: quick.
MIXED = (
    rf"\b(?=[abceglmoprstvwxk])(?:(?:(?:bottle|glass|pint)s?\s+of\s+)?{_ALCOHOL}\s+(?:and|&|\+"
    rf"|plus|with|n'?)\s+{_PILLS}|{_PILL}\s+(?:and|&|\+|plus|with|n'?|washed\s+down\s+with"
    rf"|chased\s+with)\s+{_DRINK}|mix(?:ed|ing)?\s+{_PILLS}\s+(?:with|into|in)\s+{_DRINK})\b"
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
# robber put a gun in my mouth", "my ex held a gun to my head"; not "someone" nor a wish or a
# request between them ("someone please put a bullet in my head", "he should put a gun to my
# head"); the writer's wish for it anywhere stays a cue (:data:`_WISHED`).
_ANOTHER_HOLDS = re.compile(
    r"\b(?:he|she|they|(?:a|an|the|some|this|that|two|three)\s+(?:[\w'-]+\s+)?(?:guys?|m[ae]n"
    r"|wom[ae]n|dudes?|robbers?|muggers?|attackers?|intruders?|burglars?|thie(?:f|ves)|cops?"
    r"|officers?|police\w*|strangers?|gunm[ae]n)|robbers?|muggers?|my\s+(?:[\w'-]+\s+)?(?:dad"
    r"|father|step-?dad|mom|mum|mother|brother|sister|uncle|ex|boyfriend|girlfriend|bf|gf"
    r"|husband|wife|partner|cousin|neighbou?r|roommate))\s+(?:(?!(?:would|could|should|will|can"
    r"|please|pls|just|to|might|must|needs?)\b)[\w'-]+\s+){0,2}?(?:held|holds|holding|put|puts"
    r"|pressed|pointed|shoved|stuck|jammed|placed|had)\s+(?:a|the|his|her|their|it)\b",
    _FLAGS,
)
_WISHED = re.compile(
    r"\b(?:i|i'd|id|part\s+of\s+me)\s+(?:[\w'-]+\s+){0,2}?(?:want\w*|wanna|wish\w*|hop\w*"
    r"|pray\w*)\b|\b(?:pull|pulled)\s+the\s+trigger\b|\b(?:didn'?t|did\s+not|wouldn'?t|would\s+not"
    r"|don'?t)\s+(?:have\s+|even\s+)?care(?:d)?\b",
    _FLAGS,
)
# Before it in its sentence, a hold supposed, not told: "if he held a gun to my head i'd ...".
_SUPPOSED = re.compile(r"\b(?:if|unless|imagine|whether)\b", _FLAGS)
# Words of a plan for now or of an ending near a mix: "tonight", "rn", "this is it", "then
# nothing", "goodbye", "for good".
_PLAN_OR_END = re.compile(
    r"\b(?:tonight|tonite|tn|right\s+now|rn|now|later|soon|this\s+(?:weekend|evening)|this\s+is"
    r"\s+it|that'?s\s+it|then\s+(?:nothing|sleep|goodbye|bye|done|over|lights\s+out)|the\s+end"
    r"|it'?s\s+time|one\s+last|finally|for\s+good|forever|goodbye|good\s*-?\s*bye|never\s+wake"
    r"|(?:don'?t|dont|do\s+not|won'?t|wont|will\s+not|not)\s+wake|(?:that|this|it)(?:'?ll|\s+will"
    r"|\s+should|\s+would|'?d)\s+do\s+(?:it|the\s+(?:trick|job))|should\s+do\s+(?:it|the\s+(?:trick"
    r"|job))|end\s+it|over\s+with|drank\s+it|took\s+them|and\s+drank|and\s+took)\b",
    _FLAGS,
)
# A whole supply of pills; not the bottle of a drink ("a bottle of wine").
_SUPPLY = re.compile(
    rf"\b(?:all|every|whole|bottle(?!s?\s+of\s+(?:\w+\s+)?{_ALCOHOL})|handful|bunch)\b", _FLAGS
)
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


# Near a ledge or an edge, an everyday doing, a view or a trip, a fear of heights, or an animal
# on it: "sat on the ledge eating my lunch", "looked over the edge of the grand canyon, amazing
# view", "the cat sat on the window ledge".
_EVERYDAY_EDGE = re.compile(
    r"\b(?:eat\w*|lunch|breakfast|dinner|snacks?|coffee|read\w*|books?|smok\w*|views?|sunsets?"
    r"|sunrise|stars|photo\w*|pics?|pictures?|selfies?|camera|paint\w*|clean\w*|fix\w*|repair\w*"
    r"|gutters?|shingles|pool|swim\w*|fish\w*|boats?|ducks?|fireworks|parade|tour\w*|holiday"
    r"|vacation|trip|hik\w*|beautiful|amazing|gorgeous|stunning|canyon|waterfall|scenery|dizzy"
    r"|vertigo|heights|bungee|skydiv\w*|parachut\w*|window\s+(?:ledge|sill)|plants?|flowers?"
    r"|cats?|dogs?|birds?|kittens?|pupp(?:y|ies)|pigeons?|squirrels?|concert|festival|party)\b",
    _FLAGS,
)


def at_the_edge(text: str, start: int, end: int) -> bool:
    """A ledge sat on or an edge looked over (:data:`AT_THE_EDGE`), an edge looked over with
    no height after it named in the 200 characters before it or the 120 after it (:data:`_HEIGHT`:
    "on the top level of the parking garage looking over the edge"), without an everyday
    doing, a view, a trip, a fear of heights or an animal in its sentence
    (:data:`_EVERYDAY_EDGE`), not in a story."""
    words = text[start:end].lower()
    if words.startswith(("look", "star", "peer", "gaz")) and " of " not in words:
        near = (text[max(0, start - 200) : start], text[end : end + 120])
        if not any(_HEIGHT.search(part) for part in near):
            return False
    sentence = sentence_before(text, start) + text[start:end] + sentence_after(text, end)
    return _EVERYDAY_EDGE.search(sentence) is None and not in_a_story(text, start, end)


def _held_by_another(text: str, start: int, end: int) -> bool:
    """Whether another person holds the gun put to the writer at ``text[start:end]`` in its
    clause (:data:`_ANOTHER_HOLDS`: "the robber put a gun in my mouth") and the writer wishes
    nothing of it anywhere in the message (:data:`_WISHED`: "i wanted him to pull the
    trigger")."""
    before = sentence_before(text, start, 80)
    clause = re.split(r"[,;]|\band\b", before)[-1]
    if _ANOTHER_HOLDS.search(clause + text[start:end]) is None:
        return False
    return _SUPPOSED.search(before) is None and _WISHED.search(text) is None


def real_gun(text: str, start: int, end: int) -> bool:
    """A gun put to the writer (:data:`GUN_TO_ME`) that is no toy or tool ("the water gun in
    my mouth"), nor held by another person (:func:`_held_by_another`: "got mugged, he held a
    gun to my temple", "he held a gun to my head and took my wallet"), not in a story but to
    the head (read so before the story reading came). A bullet is the writer's own wish ("put
    a bullet in my head")."""
    words = text[start:end].lower()
    if words.startswith("bullet"):
        return True
    if _TOY_BEFORE.search(text, max(0, start - 20), start) is not None:
        return False
    if _held_by_another(text, start, end):
        return False
    return words.endswith("head") or not in_a_story(text, start, end)


# Means a thing used on oneself may be: "i bought a gun and i'm going to use it on myself".
_MEANS_NAMED = re.compile(
    r"\b(?:guns?|pistols?|revolvers?|shotguns?|rifles?|glocks?|firearms?|ropes?|noose|pills"
    r"|knife|knives|blades?|razors?)\b",
    _FLAGS,
)
# In its sentence, a means used on oneself for grooming or a haircut: "a razor to use on myself
# for my legs", "the clippers".
_GROOMING = re.compile(
    r"\b(?:shav\w*|hair\w*|beard|legs|clippers|trim\w*|wax\w*|makeup|mask|cream|lotion|tattoo\w*"
    r"|pierc\w*|nails?|eyebrows?|brows)\b",
    _FLAGS,
)


def means_named(text: str, start: int, end: int) -> bool:
    """A thing to be used or turned on the writer (:data:`USE_ON_ME`) that is a means named
    in it or in the 150 characters before it (:data:`_MEANS_NAMED`: a gun, a rope, pills, a
    blade), not a toy gun nor one for grooming in its sentence (:data:`_GROOMING`: "a razor
    ... for my legs"), not in a story."""
    named = list(_MEANS_NAMED.finditer(text, max(0, start - 150), end))
    if not named or _TOY_BEFORE.search(text, max(0, named[-1].start() - 20), named[-1].start()):
        return False
    sentence = sentence_before(text, start) + " " + sentence_after(text, end)
    return _GROOMING.search(sentence) is None and not in_a_story(text, start, end)


# Before knowing where a gun is kept, the writer ("i know", "and i found"), or no one, as chat
# leaves the "I" out ("found the key to the gun safe").
_WRITER_KNOWS = re.compile(r"\b(?:i|i've|ive|i\s+already|i\s+finally)\s+(?:\w+\s+)?$", _FLAGS)


def gun_in_reach(text: str, start: int, end: int) -> bool:
    """The writer knowing the code, the key or the hiding place (:data:`GUN_IN_REACH`: "i know
    the code", "i know where my dad keeps his gun", "found the key to the gun safe"; not "my
    sister knows the code") with a gun, no toy, named in the 200
    characters before it or the rest of its sentence (:data:`_GUN`); not in a story."""
    said = sentence_before(text, start, 30)
    if said.strip() and _WRITER_KNOWS.search(said) is None:
        return False
    guns = [
        *_GUN.finditer(text, max(0, start - 200), start),
        *_GUN.finditer(text, end, end + len(sentence_after(text, end))),
    ]
    if not any(_TOY_BEFORE.search(text, max(0, g.start() - 20), g.start()) is None for g in guns):
        return False
    return not in_a_story(text, start, end)


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
SUICIDE_NEAR = (
    GUN_TO_ME,
    IT_TO_ME,
    USE_ON_ME,
    GUN_IN_REACH,
    JUMP_WISH,
    AT_THE_EDGE,
)
SELF_HARM_NEAR = (MIXED,)
NEAR_CHECKS: dict[str, Callable[[str, int, int], bool]] = {
    GUN_TO_ME: real_gun,
    IT_TO_ME: gun_before,
    USE_ON_ME: means_named,
    GUN_IN_REACH: gun_in_reach,
    JUMP_WISH: height_near,
    AT_THE_EDGE: at_the_edge,
    MIXED: meant_mix,
}
