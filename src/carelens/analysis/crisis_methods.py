"""Crisis cues told by their means: hanging, shooting, a jump from a height, "od'd", cutting.

These patterns join :data:`carelens.analysis.crisis_patterns.PATTERNS`, and each is read with
a check of the words around it (:mod:`carelens.analysis.crisis_context` maps them), which this
module holds too, as the means have everyday senses and idioms of their own. The writer's own
act is a cue ("I hung myself but the rope snapped", "I threw myself off the balcony", "I jumped
off a bridge last year", "I tried to poison myself", "I've been cutting", "I od'd last week"),
not an idiom ("hung myself a hammock", "gas myself up before the interview", "drowning myself
in work", "I've been cutting for a month and lost 8 pounds", "we jumped off the cliff into
the lake"). Another person's is a cue when it tells of their risk: an attempt, an intent, a
threat or a near miss ("he tried to hang himself", "my sister is threatening to jump off the
overpass", "my brother shot himself last night and he's in the icu", "she's been cutting"),
not a death told of, which the writer grieves, as "he killed himself last year" (codebook
v1.1: "my dad hung himself when I was 12", "my uncle shot himself last spring", "my best
friend jumped off the parking garage"), nor an idiom ("he shot himself in the foot", "she
shot herself a reminder", "give him enough rope and he'll hang himself"), an accident or a
pet's leap. No means is a cue told in a story or a game
(:func:`carelens.analysis.crisis_stories.in_a_story`: "that book where the main character hangs
himself", "in the movie he jumps off a bridge at the end"). And after someone's suicide,
attempt or self-harm is told, in life or in a story, the thought, plan or wish of the same
("since my dad's suicide attempt I've been thinking about it too", "I want to do the same",
"I want to join her", "i'll end up like him and honestly i'm ok with that", "i feel like i'll end
up the same way") is a cue: the writer's, or a third party's told so; so is the act turned to the
writer ("... that'll be me by friday": :mod:`carelens.analysis.crisis_turned_to_me`). A jump from
a high floor or a window is read as one from a bridge ("want to jump from the 10th floor").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from carelens.analysis.crisis_stories import in_a_story
from carelens.analysis.crisis_turned_to_me import TURNED_TO_ME, turned_to_me
from carelens.analysis.words import sentence_after, sentence_before
from carelens.disguises import MASKED_LETTER, unmask

# Also split as chat types it ("hang him self"), not before a hyphen ("him self-portraits").
_THEMSELVES = r"(?:him|her|them)\s?sel(?:f|ves)(?![\w-])"
# The verbs of a means taken against oneself, their past forms apart: a past act of another
# person is their death told of, unless an attempt or a survival is told with it.
_PAST_MEANS = r"hung|hanged|shot|poisoned|gassed|electrocuted|suffocated|strangled|drowned|stabbed"
_MEANS = (
    rf"(?:{_PAST_MEANS}|hang(?:s|ing)?|shoot(?:s|ing)?|poison(?:s|ing)?|gas(?:ses|sing)?"
    r"|electrocut(?:e|es|ing)|suffocat(?:e|es|ing)|strangl(?:e|es|ing)|drown(?:s|ing)?"
    r"|stab(?:s|bing)?)"
)
#: Another person's means against themselves: "he tried to hang himself", "she's going to shoot
#: herself", "my brother shot himself last night and he's in the icu" (:func:`their_means`).
THEY_MEANS = rf"\b{_MEANS}\s+{_THEMSELVES}\b"
#: The writer's own, beside the hanging and shooting of
#: :data:`~carelens.analysis.crisis_patterns.PATTERNS`: "I hung myself but the rope snapped",
#: "I tried to poison myself", "I want to drown myself" (:func:`own_means`). Of the past forms
#: only "hung" is read: the others are most often an accident ("I electrocuted myself changing
#: a bulb").
OWN_MEANS = (
    r"\b(?:hung|poison(?:ing)?|gas(?:sing)?|electrocut(?:e|ing)|suffocat(?:e|ing)|strangl(?:e|ing)"
    r"|drown(?:ing)?|stab(?:bing)?)\s+my\s*self\b"
)
# A height one jumps from: a bridge, a building, a roof, a cliff, a parking garage, an
# overpass, a balcony, a tower, a ledge, a window, a high floor ("the 10th floor", "the top
# floor"); maybe "the top of", maybe two words before it ("the golden gate bridge", "a 10 story
# building", "my 8th floor window"). Not the couch, the bus, the floor or the diving board.
_HEIGHT = (
    r"(?:of\s+)?(?:the\s+top\s+(?:floor\s+)?of\s+)?(?:a|an|the|his|her|their|my|our|that|this"
    r"|some)\s+(?:[\w'-]+\s+){0,2}?(?:bridge|building|roof|rooftop|cliff|(?:parking\s+)?garage"
    r"|parking\s+(?:structure|deck|ramp)|car\s*park|overpass|balcony|tower|skyscraper|ledge"
    r"|high[\s-]?rise|window|(?:\d+\s*(?:st|nd|rd|th)|top|highest|upper)\s+(?:floor"
    r"|stor(?:e?y)))s?\b"
)
#: A jump from a height, or oneself thrown from one: "I jumped off a bridge last year", "she
#: wants to jump off the overpass", "he threw himself off the balcony" (:func:`jump_reading`).
JUMP_OFF = (
    r"\b(?:jump(?:ed|ing)?|leap(?:ed|t|ing)?|thr(?:ew|own|ow|owing))\s+(?:(?:my|him|her|them)"
    rf"sel(?:f|ves)\s+)?(?:off|from)\s+{_HEIGHT}"
)
#: "od'd", "ODed", "od'ing": the overdose of chat, read as "overdosed" is
#: (:func:`carelens.analysis.crisis_context` checks it as it checks an overdose).
OD_PAST = r"\bod(?:'d|'ed|-ed|ed|'ing|ing)\b"
#: "cutting" with no object after it ("I've been cutting", "she's been cutting again", "my
#: cutting.", typed "cuttin" or "cuting" too: "started cuttin again"), not "cutting back",
#: "cutting carbs", "cutting class" (:func:`cutting_alone`).
CUTTING = (
    r"\bcut(?:ting|tin|ing)\b(?=\s*(?:[.!?,;:)\n]|$)|\s+(?:again|still|lately|recently|since|for|when|whenever"
    r"|every|at\s+night|in\s+secret|secretly|deeper|badly|a\s+lot|to\s+cope|and|but|so|because"
    r"|cause|cuz|bc|or|too|as\s+well|lol|tbh|idk|ngl|rn|anymore|any\s+more|on\s+my|after|before"
    r"|until|till|til|while|if|daily|sometimes|often|the\s+other\s+day|last\s+(?:night|week"
    r"|month|year)|this\s+(?:week|month|year))\b)"
)
#: The thought, plan or wish of the same act after someone's suicide, attempt or self-harm is
#: told: "I've been thinking about it too", "sometimes I think about doing the same", "i've been
#: planning the same thing", "i want to do it too", "I want to join her", "i'll end up like him
#: and honestly i'm ok with that", "i feel like i'll end up the same way" (:func:`same_act`).
SAME_ACT = (
    r"\b(?:think|thinking|thought|considered|considering|contemplat(?:e|ed|ing)|plan(?:s|ned|ning)?"
    r"(?:\s+on)?)\s+(?:about\s+|of\s+|abt\s+)?(?:(?:it|that|doing\s+(?:it|that))\s+(?:too|as\s+well"
    r"|also|myself)\b|(?:doing\s+)?the\s+same(?:\s+thing)?\b)"
    r"|\b(?:do(?:ing)?\s+(?:the\s+same(?:\s+thing)?\b(?!\s+for\b)|(?:it|that)\s+(?:too|as\s+well"
    r"|myself)\b)|try(?:ing)?\s+(?:it|that)\s+(?:too|as\s+well|myself)\b)"
    r"|\b(?:join|follow)(?:ing)?\s+(?:him|them|her(?=\s*(?:$|[^\w\s']|(?:soon|now|there|someday"
    r"|too|so|tonight|sometimes|and|but|because|again|forever|in\s+(?:death|heaven|the\s+grave))"
    r"\b)))\b(?!\s+(?:for|at|on|to|and|or|with|as|in(?!\s+(?:death|heaven|the\s+grave)))\b)"
    r"|\bend(?:ing)?\s+up\s+(?:just\s+)?(?:(?:like|the\s+same\s+as)\s+(?:him|her|them|my\s+"
    r"(?:[\w'-]+\s+)?[\w'-]+)|the\s+same\s+way)\b"
)

_FLAGS = re.IGNORECASE


# An accident: "accidentally", "by mistake", "while cleaning his gun", "the gun went off".
_ACCIDENT = re.compile(
    r"\b(?:accident\w*|by\s+mistake|(?:while|when)\s+(?:cleaning|hunting|loading|unloading"
    r"|handling|changing|fixing|repairing)|misfire\w*|gun\s+went\s+off)\b",
    _FLAGS,
)
# After a means: its idioms and everyday objects ("shot himself in the foot", "shot herself a
# text", "hung himself a hammock", "gas myself up", "stabbed me in the back", "drowning
# myself in work", "poisoned myself with bad sushi").
_IDIOM_AFTER = re.compile(
    r"\s+(?:in\s+the\s+(?:foot|feet|back)\b|up\b|out\s+to\s+dry\b|upside\s+down\b"
    r"|(?:a|an|some|another|one)\s+(?:\w+\s+)?(?:e-?mails?|texts?|messages?|notes?|reminders?|dms?"
    r"|pms?|lines?|looks?|glances?|smiles?|grins?|drinks?|beers?|coffees?|snacks?|sandwich\w*"
    r"|meals?|plates?|bowls?|slices?|hammocks?|pictures?|photos?|posters?|seats?|chairs?|spots?"
    r"|jobs?|deals?|gifts?|presents?|treats?|prizes?|goals?|chances?|breaks?|hoops?|shots?)\b"
    r"|with\s+(?:(?:so\s+much|too\s+much|all\s+(?:this|that|the)|junk|fast|bad|old|expired|raw"
    r"|undercooked|my|the|this|that|some)\s+)*(?:work|food|junk|sugar|coffee|caffeine|music|tv"
    r"|netflix|games|fork|pencil|pen|needle|pin|compass|toothpick|chicken|sushi|fish|seafood"
    r"|oysters|takeout|snacks|mushrooms|leftovers|milk|meat|eggs)\b)",
    _FLAGS,
)
# After "drown": a place of water; anything else it is drowned "in" is an idiom ("in work", "in
# video games", "in alcohol").
_NOT_WATER = re.compile(
    r"\s+in\s+(?!(?:the|a|an|his|her|their|my)\s+(?:bath\w*|tub|river|lake|sea|ocean|pool|pond"
    r"|canal|quarry|water|creek|bay|harbou?r)\b)",
    _FLAGS,
)
# Before a means: the idiom "give him enough rope (and he'll hang himself)".
_ROPE = re.compile(r"\benough\s+rope\b", _FLAGS)
# A means told in the past or in a story's present ("Juliet stabs herself"), not meant.
_TOLD = re.compile(
    rf"(?:{_PAST_MEANS}|hangs|shoots|poisons|gasses|electrocutes|suffocates|strangles|drowns|stabs"
    r"|jumped|leapt|leaped|threw|thrown)\b",
    _FLAGS,
)
# Before a past act: an attempt or a near miss ("almost jumped", "nearly hanged herself").
_ATTEMPT_BEFORE = re.compile(
    r"\b(?:almost|nearly|barely|tried|attempted|attempting)\b[^,;]{0,30}$", _FLAGS
)
# After a past act, the one who did it alive: "and survived", "he's still alive", "the rope
# snapped", "he lived", "the bullet missed", "she broke both her legs", "his attempt", "she's
# recovering" (not the writer's own: "I'm still recovering from it", "I missed the signs").
_HE = r"(?:he|she|they)(?:'s|'re|\s+is|\s+are|\s+was|\s+were)?\s+(?:\w+\s+)?"
_SURVIVED = re.compile(
    r"\b(?:(?:he|she|they|and|but|somehow|miraculously|barely)\s+(?:\w+\s+)?surviv(?:ed|es|ing)"
    rf"|{_HE}(?:alive|recovering|paraly[sz]ed|in\s+(?:a\s+)?wheelchair|in\s+(?:a|the)\s+psych"
    r"\s+ward|inpatient)|(?:he|she|they)\s+(?:\w+\s+)?(?:lived|made\s+it|pulled\s+through)\b"
    r"(?!\s+(?:in|with|at|alone|there|here|on|near|by|for|through|to)\b)|(?:rope|branch|belt|cord)"
    r"\s+(?:broke|snapped)|jammed|(?:bullet|shot|it)\s+missed|didn'?t\s+(?:die|work|succeed|kill)"
    r"|(?:failed|botched|unsuccessful|(?:his|her|their|suicide))\s+attempts?|brain\s+damage"
    r"|(?:saved|resuscitated|revived)\s+(?:him|her|them)|(?:found|got\s+to)\s+(?:him|her|them)"
    r"\s+in\s+time|(?:broke|shattered)\s+(?:both\s+)?(?:his|her|their)\s+(?:legs?|back|spine"
    r"|pelvis|arms?|hips?|ankles?))\b",
    _FLAGS,
)
# After a past act, a care that a death may follow too: a hospital, the icu, a coma.
_CARED_FOR = re.compile(
    r"\b(?:hospital\w*|icu|(?:the|an)\s+er|ambulance|paramedics|surgery|stitches|stomach\s+pumped"
    r"|coma|life\s+support)\b",
    _FLAGS,
)
_DEATH = re.compile(
    r"\b(?:died|dies|dead|death|deceased|funeral|passed(?:\s+away)?|buried|burial|grave|rip"
    r"|killed|memorial|obituary|autopsy|coroner|lost\s+(?:him|her|them)|miss\s+(?:him|her|them)"
    r"|(?:his|her|their)\s+body)\b",
    _FLAGS,
)
# A pet's leap, not a person's: "my cat jumped off the balcony" (a story's is read by
# :func:`~carelens.analysis.crisis_stories.in_a_story`).
_ANIMAL_BEFORE = re.compile(
    r"\b(?:cats?|kittens?|kitty|dogs?|pupp(?:y|ies)|birds?|squirrels?|hamsters?|rabbits?|bunn(?:y"
    r"|ies)|goats?|horses?|frogs?|monkeys?|pets?)\b",
    _FLAGS,
)
# A jump for sport or fun, or into water: "into the lake", "bungee", "parkour", "for fun",
# "as kids" (one in a film or a game is a story's: :func:`in_a_story`).
_EVERYDAY_JUMP = re.compile(
    r"\b(?:for\s+fun|(?:on|for)\s+a\s+dare|bungee|parachut\w*|skydiv\w*|base[\s-]?jump\w*"
    r"|parkour|stunts?|cliff[\s-]?(?:jump|div)\w*|swim\w*|pool|trampoline|mattress|snow\w*|foam"
    r"|diving|zip[\s-]?line|into\s+(?:the|a)\s+(?:water|lake|river|sea|ocean|quarry|pond|creek"
    r"|bay)|all\s+summer|as\s+(?:a\s+)?kids?|when\s+(?:i|we)\s+(?:was|were)\s+(?:a\s+)?(?:kids?"
    r"|little|child|children))\b",
    _FLAGS,
)
# Words of risk beside an everyday jump that leave it a cue: "... into the river, I wanted to
# die".
_RISK_NEAR = re.compile(
    r"\b(?:die|died|dying|dead|death|kill\w*|suicid\w*|attempt\w*|surviv\w*|hospital\w*|icu"
    r"|end\s+it|on\s+purpose|(?:didn'?t|don'?t)\s+want\s+to\s+(?:live|be\s+here|exist))\b",
    _FLAGS,
)
# The writer as the one who jumped: the last "I" before it in its sentence with no one else
# named after it ("I got drunk and jumped", not "I think my brother jumped"), or nobody named
# before it ("Jumped off a bridge last year, survived.").
_WRITER = re.compile(r"\b(?:i|i'\w+|ive|im|id)\b", _FLAGS)
_SOMEONE_ELSE = re.compile(
    r"\b(?:he|she|they|we|you|someone|somebody|(?:my|his|her|their|our|a|an|the)\s+(?:(?:best|older"
    r"|younger|little|big|old|twin|step|ex)[\s-]+)?(?:friends?|brother|sister|mom|mum|mother|dad"
    r"|father|son|daughter|cousin|uncle|aunt\w*|grand\w+|boyfriend|girlfriend|bf|gf|ex|wife"
    r"|husband|partner|roommate|classmate|coworker|neighbou?r|kid|child|teacher|buddy|mate|guy"
    r"|girl|boy|man|woman|student|patient))\b",
    _FLAGS,
)


def _writers_jump(before: str) -> bool:
    """Whether the writer is the one who jumped, by the words of its sentence ``before`` it."""
    writers = list(_WRITER.finditer(before))
    if not writers:
        return not before.strip()
    return _SOMEONE_ELSE.search(before, writers[-1].end()) is None


def _idiom(text: str, start: int, end: int) -> bool:
    """A means that is an idiom, an accident or a story: "in the foot", "a text", "with bad
    sushi", "drowning myself in work", "enough rope", "while cleaning his gun", "sh*t" read as
    "shot", or an act told in a story (:func:`~carelens.analysis.crisis_stories.in_a_story`:
    "in the movie the character hangs himself"; not "after the game he tried to hang
    himself")."""
    verb = text[start:end].split()[0].lower()
    if verb == f"sh{MASKED_LETTER}t" or _IDIOM_AFTER.match(text, end) is not None:
        return True
    if verb.startswith("drown") and _NOT_WATER.match(text, end) is not None:
        return True
    before, after = sentence_before(text, start), sentence_after(text, end)
    if _ROPE.search(before) is not None or in_a_story(text, start, end):
        return True
    return _ACCIDENT.search(before) is not None or _ACCIDENT.search(after) is not None


def _alive_after(text: str, start: int, end: int) -> bool:
    """Whether a past act at ``text[start:end]`` is told as an attempt: a near miss before it
    in its sentence, or the one who did it alive in its sentence or the 200 characters after
    it ("she's paralyzed since she jumped", "... and survived", "... He survived."), or cared
    for there with no death told."""
    before = sentence_before(text, start)
    if _ATTEMPT_BEFORE.search(before) is not None:
        return True
    told = text[start - len(before) : end + 200]
    if _SURVIVED.search(told) is not None:
        return True
    return _CARED_FOR.search(told) is not None and _DEATH.search(told) is None


def their_means(text: str, start: int, end: int) -> bool:
    """Another person's means against themselves (:data:`THEY_MEANS`) that tells of their risk:
    an intent, a threat, a plan (the verb not in the past nor a story's present: "tried to hang
    himself", "is going to shoot herself"), or an act told (:data:`_TOLD`) as an attempt
    (:func:`_alive_after`: "shot himself last night and he's in the icu"); not a death told of
    ("my uncle shot himself last spring", "Juliet stabs herself"), an idiom, an accident or a
    story (:func:`_idiom`)."""
    if _idiom(text, start, end):
        return False
    if _TOLD.match(text, start) is None:
        return True
    return _alive_after(text, start, end)


def own_means(text: str, start: int, end: int) -> bool:
    """The writer's own means against themselves (:data:`OWN_MEANS`), not an idiom, an accident
    or a thing (:func:`_idiom`: "gas myself up", "hung myself a hammock", "drowning myself in
    work")."""
    return not _idiom(text, start, end)


def jump_reading(text: str, start: int, end: int) -> bool:
    """A jump from a height (:data:`JUMP_OFF`) that tells of a risk: the writer's own, wished,
    meant or done ("I jumped off a bridge last year"), or another person's meant or tried ("she
    wants to jump off the overpass", "he almost jumped off the roof", "jumped off the garage
    and survived"); not another's told in the past alone, a death told of ("my best friend
    jumped off the parking garage last year"), a pet's ("my cat jumped off the balcony"), one in
    a story or a game (:func:`~carelens.analysis.crisis_stories.in_a_story`: "in the movie he
    jumps off a bridge at the end"), nor a jump for sport or fun ("we jumped off the cliff into
    the lake", "bungee jumped off a bridge") without words of a risk in its sentence."""
    if in_a_story(text, start, end):
        return False
    before, after = sentence_before(text, start), sentence_after(text, end)
    sentence = before + text[start:end] + after
    if _EVERYDAY_JUMP.search(sentence) is not None and _RISK_NEAR.search(sentence) is None:
        return False
    clause = re.split(r"[,;]|\b(?:and|but|so|because)\b", before, flags=_FLAGS)[-1]
    if _ANIMAL_BEFORE.search(clause) is not None:
        return False
    words = text[start:end].lower().split()
    if _TOLD.match(words[0]) is None or words[1].startswith("my"):
        return True
    if words[1].endswith(("self", "selves")) or not _writers_jump(before):
        return _alive_after(text, start, end)
    return True


# Before "cutting": a form of "be", a habit or a start ("I've been", "she's", "I keep", "I
# started", "back to"), or whose it is ("my cutting").
_CUTTING_BEFORE = re.compile(
    r"\b(?:been|was|were|is|are|am|i'?m|im|he'?s|hes|she'?s|shes|they'?re|theyre|keeps?|kept|still"
    r"|started|starting|stopped|stop|quit|quitting|resumed|continued?|continuing|back\s+to|about"
    r"|(?:my|his|her|their)|admitted\s+to|caught\s+(?:me|him|her|them))\s+(?:(?:secretly|still"
    r"|been|always|just|really|kinda|also|even|literally|constantly|actually|again|started)\s+)"
    r"{0,2}$",
    _FLAGS,
)
# In the sentence of "cutting": an everyday cut (a diet, a trim, a budget, a class), unless
# words of self-harm stand there too.
_EVERYDAY_CUT = re.compile(
    r"\b(?:weight|lbs?|pounds|kgs?|kilos?|calories|cals|macros|bulk\w*|diet\w*|gym|lifting|protein"
    r"|carbs|body\s*fat|shred\w*|lean|abs|muscle|cardio|deficit|maintenance|bodybuild\w*|hair"
    r"|barber|salon|stylist|clients?|customers?|grass|lawn|wood|film|footage|video|edit\w*|fabric"
    r"|coupons?|teeth|onions?|vegetables|costs?|budget|spending|expenses|summer|beach|competition"
    r"|weigh[\s-]?ins?|caffeine|sugar|meat|dairy|gluten|alcohol|drinking|smoking|staff|layoffs?"
    r"|corners?|ties|bangs|fringe|nails|cake|bread|paper|coupon|board|knife\s+skills)\b",
    _FLAGS,
)
_SELF_HARM_NEAR = re.compile(
    r"\b(?:blood|bleed\w*|bled|scars?|blades?|razors?|arms?|wrists?|thighs?|legs?|skin"
    r"|self[\s-]*harm\w*|relaps\w*|clean\s+for|urges?|hurt\w*|pain|sh)\b",
    _FLAGS,
)


def cutting_alone(text: str, start: int, end: int) -> bool:
    """ "cutting" with no object (:data:`CUTTING`) after a form of "be", a habit or whose it is
    ("I've been cutting", "my mom would kill me if she found out I've been cutting", "she keeps
    cutting"), not in a sentence of an everyday cut ("I've been cutting for a month and lost 8
    pounds", "been cutting since 2010, my clients love it") without words of self-harm, nor in
    a story (:func:`~carelens.analysis.crisis_stories.in_a_story`)."""
    before = sentence_before(text, start, 80)
    if _CUTTING_BEFORE.search(before) is None or in_a_story(text, start, end):
        return False
    sentence = before + sentence_after(text, end)
    return _EVERYDAY_CUT.search(sentence) is None or _SELF_HARM_NEAR.search(sentence) is not None


# Someone's suicide, attempt or self-harm told before the thought of the same, or (for joining
# or following) a death: "my dad's suicide attempt", "she killed herself", "he hung himself".
_CRISIS_BEFORE = re.compile(
    rf"\b(?:s[u*]i?cid\w*|kill(?:ed|ing|s)?\s+{_THEMSELVES}|{_MEANS}\s+{_THEMSELVES}|took\s+(?:his"
    r"|her|their)\s+(?:own\s+)?li(?:fe|ves)|end(?:ed)?\s+(?:his|her|their)\s+(?:own\s+)?li(?:fe"
    r"|ves)|overdos\w*|od'?d|jump(?:ed|s)\s+(?:off|from)|slit\s+(?:his|her|their)|(?:cut|cutting|cuts"
    rf"|hurt|hurting|harm|harming)\s+{_THEMSELVES}|self[\s-]*harm\w*)",
    _FLAGS,
)
_DEATH_BEFORE = re.compile(
    r"\b(?:died|dead|death|passed\s+away|funeral|grave|heaven|killed|lost\s+(?:him|her|them|my))\b",
    _FLAGS,
)
# Before ending up like someone: an intent not to ("i don't want to end up like him", "i'll
# never end up like her"), a resolve, not a wish.
_NOT_BEFORE = re.compile(
    r"\b(?:don'?t|dont|do\s+not|never|won'?t|wont|will\s+not|not)\s+(?:(?:ever|want|wanna|going"
    r"|gonna|let\s+myself)\s+){0,2}(?:to\s+)?$",
    _FLAGS,
)
# Before doing the same or joining: a wish, an intent, a thought or a fear of it.
_WISH_BEFORE = re.compile(
    r"\b(?:want\w*|wanna|wish\w*|tempted|going|gonna|plan\w*|think\w*|thought|consider\w*"
    r"|ready|need|should|might|could|i'?ll|will|urges?|afraid|scared|worried|terrified|fear"
    r"|dream\w*|fantasi[sz]\w*)\b[^.!?\n,;]{0,25}$",
    _FLAGS,
)


# The word "suicide" (as typed, or spelled with marks or symbols: "s.u.i.c.i.d.e", "$uicide")
# not told as an attempt, a thought or a plan: where it stands, a death by suicide may be told
# that :mod:`carelens.analysis.crisis_loss` reads, with the wish to follow the one lost.
_SUICIDE_WORD = re.compile(
    rf"\bs[u*{MASKED_LETTER}][i1*{MASKED_LETTER}]?c[i1{MASKED_LETTER}]d(?:e|ed)\b(?![\s-]*(?:attempt"
    r"|threat|thought|ideation|idea|plan|note|letter|risk|watch|hot\s*line|help\s*line|line"
    r"|prevention|pact|urge|crisis|awareness)\w*)",
    _FLAGS,
)


def same_act(text: str, start: int, end: int) -> bool:
    """The thought or wish of the same act (:data:`SAME_ACT`) after someone's suicide, attempt
    or self-harm is told in the 300 characters before it ("since my dad's suicide attempt I've
    been thinking about it too", "she cut herself and I want to do the same"), or of joining
    or following someone after their death ("my mom passed away and I want to join her"); not
    doing the same in everyday life ("my sister quit smoking and I want to do the same"), nor
    joining someone for something ("join him for dinner"). The wish to follow ("do the same",
    "join her", "follow him") in a message that holds the word "suicide" told of no attempt is
    left to the loss it may tell (:data:`_SUICIDE_WORD`): that word is a cue already, and the
    crisis feedback quotes the wish with whose it is
    (:meth:`carelens.analysis.crisis_loss.Losses.following`). Ending up like them is a wish,
    an intent or a fear ("sometimes i think i'll end up like him"), not a resolve against it
    ("i don't want to end up like him")."""
    low = max(0, start - 300)
    told = _CRISIS_BEFORE.search(text, low, start) is not None
    words = text[start:end].lower()
    thought = words.startswith(("think", "thought", "consider", "contemplat", "plan"))
    if thought and not words.endswith("same") and not words.endswith("same thing"):
        return told
    if _SUICIDE_WORD.search(unmask(text).text) is not None:
        return False
    before = sentence_before(text, start, 60)
    if not thought and _WISH_BEFORE.search(before) is None:
        return False
    if words.startswith("end") and _NOT_BEFORE.search(before) is not None:
        return False
    if words.startswith(("join", "follow")):
        return told or _DEATH_BEFORE.search(text, low, start) is not None
    return told


def _turned_to_me(text: str, start: int, end: int) -> bool:
    """A told act turned to the writer
    (:func:`~carelens.analysis.crisis_turned_to_me.turned_to_me`) in a message without the word
    "suicide" told of no attempt (:data:`_SUICIDE_WORD`): beside that word, a cue already, the
    crisis feedback quotes the writer's own words after a loss ("my sister died by suicide and i
    keep thinking i'll be next"), as for the wish to follow (:func:`same_act`)."""
    return turned_to_me(text, start, end) and _SUICIDE_WORD.search(unmask(text).text) is None


#: The patterns of this module by the label of their cues, and their checks, with a told act
#: turned to the writer ("... that'll be me": :mod:`carelens.analysis.crisis_turned_to_me`);
#: "od'd" is read as an overdose is (:mod:`carelens.analysis.crisis_context`).
SUICIDE_MEANS = (OWN_MEANS, THEY_MEANS, JUMP_OFF, SAME_ACT, TURNED_TO_ME)
SELF_HARM_MEANS = (OD_PAST, CUTTING)
METHOD_CHECKS: dict[str, Callable[[str, int, int], bool]] = {
    OWN_MEANS: own_means,
    THEY_MEANS: their_means,
    JUMP_OFF: jump_reading,
    SAME_ACT: same_act,
    TURNED_TO_ME: _turned_to_me,
    CUTTING: cutting_alone,
}
