"""Crisis cues of preparations: the veiled acts of someone setting their death in order.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``) and
its check of the words around it joins :mod:`carelens.analysis.crisis_context`'s
(:data:`PREPARATION_CHECKS`, through :mod:`carelens.analysis.crisis_veiled`). None is a cue
told in a story (:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`LEFT_FOR_AFTER`: letters, notes or messages for after ("i wrote letters for after",
  "a letter for whoever finds me", "left notes for my family so they'll find them tomorrow",
  "a letter to my wife explaining why i did it", "a message scheduled to send when it won't
  matter"); not a note for after the meeting, lunchbox notes the kids will find, a letter to the
  landlord explaining why the rent is late, nor a post scheduled for a holiday
  (:func:`left_for_after`).
- :data:`NO_NEED`: things given away for good ("gave my guitar and my books to my cousin. i won't
  need them", "giving my stuff away, like tidying up before i leave", "... something to remember
  me by"); not clothes given away when moving house, outgrown, to charity, nor another's "we
  won't need them" (:func:`given_for_good`).
- :data:`STOCKPILE`: medication saved, hidden, stocked up or bought to be taken at once
  ("saving my pills instead of taking them", "saving up my seroquel", "stocking up my pills ...
  I finally have enough", "bought paracetamol at three different shops
  so nobody notices", "every night i count my pills and line them up"); not pills counted into
  the week's organiser, kept out of a toddler's reach nor bought around town when it was sold
  out (:func:`stockpiled`).
- :data:`LETTERS_LEFT`: letters written to everyone or a final one, or left where they will be
  found ("wrote everyone a letter", "just wrote my final letter to my mom", "i've written
  letters to my parents and my sister. i'm leaving them on my desk"); not valentines for the
  class nor revision notes left on the desk (:func:`left_for_after`, :func:`letters_before`).
- :data:`PILLS_BEFORE_ME`: "cant do this anymore. i have the pills in front of me"; not pills set
  out so the writer remembers their dose (:func:`pills_set_out`).

The when and the where of a plan (a height weighed, the tide's times, a date picked, a night
named) are :mod:`carelens.analysis.crisis_plans`'.
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_overdose_patterns import DRUGS
from carelens.analysis.crisis_stories import in_a_story
from carelens.analysis.words import sentence_after, sentence_before

_FLAGS = re.IGNORECASE

_WRITING = r"(?:letters?|notes?|messages?|videos?|recordings?|e-?mails?)"
_PEOPLE = r"(?:they|she|he|everyone|everybody|someone|somebody|people|my\s+[\w']+)"
#: Letters, notes or messages left for after: "letters for after", "... for when i'm gone", "...
#: for whoever finds me", "... to be read after", "... so they'll find them", "... so they know
#: why"; a cue without an everyday use or finder near it (:func:`left_for_after`).
LEFT_FOR_AFTER = (
    rf"\b{_WRITING}\s+(?:[\w']+\s+){{0,4}}?(?:for\s+(?:after(?:wards)?(?=\s*(?:[.,!?;:)]|$|\s+i"
    r"(?:'m|\s+am)?\s+(?:gone|go|die|leave)\b))|when\s+i'?m\s+(?:gone|not\s+here|dead)"
    r"|whoever\s+finds\s+(?:me|my\s+body)|the\s+(?:person|one|people)\s+who\s+finds?\s+me)"
    r"|to\s+(?:be\s+)?(?:read|opened|found)\s+(?:after\s+i|when\s+i'?m)"
    rf"|so\s+{_PEOPLE}(?:'ll|\s+will|\s+can|\s+would)\s+(?:find|see)\s+(?:them|it)"
    rf"|so\s+{_PEOPLE}\s+(?:(?:will|would|can)\s+)?(?:knows?|understands?)\s+(?:why|it\s+(?:wasn'?t"
    r"|isn'?t)\s+(?:their|your|his|her)\s+fault)"
    r"|explaining\s+(?:why|everything|what\s+i'?(?:ve|\s+have)?\s+done))\b",
    # a message set to go out when it won't matter: "scheduled an email to my sister for when
    # it won't matter anymore"
    r"\b(?:schedul\w*|timed|delayed|set\s+(?:up\s+)?(?:a|an|my|the)\s+(?:[\w']+\s+)?"
    r"(?:e-?mail|message|text|post|tweet)s?\s+to\s+(?:send|go\s+out|post))\s+(?:[\w']+\s+){0,8}?"
    r"(?:when\s+it\s+(?:won'?t|wont|doesn'?t|will\s+not|no\s+longer)\s+(?:\w+\s+)?matters?"
    r"|(?:after|when|once)\s+i'?m\s+(?:gone|dead|not\s+(?:here|around)))\b(?!\s+(?:for|on|to|from|away"
    r"|out|home|back|at|in|over|until|till)\b)",
)
# After "explaining why", the act explained: "i did it", "i had to", "i couldn't go on", or
# nothing more in its clause.
_WHY_THE_ACT = re.compile(
    r"\s*(?:[.,!;:\n]|$|i\s+(?:(?:did|do|had\s+to\s+do|'m\s+doing|am\s+doing|chose)\s+(?:it|this"
    r"|what\s+i\s+did)|had\s+to\b(?!\s+\w+\s+(?:my|the|a)\b)|couldn'?t\s+(?:go\s+on|stay|keep\s+going"
    r"|take\s+it|do\s+it\s+anymore|live)|can'?t\s+(?:go\s+on|stay|keep\s+going|do\s+this\s+anymore"
    r"|live)|'?m\s+gone|'?m\s+not\s+here|left\s+(?:you|them|this\s+world)|went|chose\s+this))",
    _FLAGS,
)
# Near letters or notes, an everyday use or finder: a lunchbox, a surprise, a game, a chore, a
# recipient at work or school ("notes for after the meeting", "so the kids will find them in
# their lunchboxes", "explaining why the rent is late").
_EVERYDAY_WRITING = re.compile(
    r"\b(?:lunch\w*|easter|treasure|scavenger|hunt|surprise|birthday|christmas|valentine"
    r"|anniversary|santa|tooth\s+fairy|clues?|puzzle|riddle|game|school|class|teacher|homework"
    r"|work|office|boss|meeting|shift|fridge|chores?|rent|landlord|grocer\w*|shopping|reminders?"
    r"|post-?its?|sticky|recipe|bank|council|insurance|court|judge|employer|company|manager"
    r"|university|college|admissions|professor|doctor|gp|late|absen\w*|missed|grades?|fees?"
    r"|payment|refund|complaint|resign\w*|application|holiday|vacation|trip|away|travel\w*"
    r"|camp\w*|meeting|lecture|exam|thesis|students?|patients?|clients?|customers?|followers"
    r"|subscribers|blog|newsletter|podcast|time\s+capsule|future\s+self|when\s+(?:s?he|they)'?re"
    r"\s+older|(?:18|eighteen|21|sixteen|16)(?:th)?\s+birthday|wedding|baby|pregnan\w*|mov(?:e|ed"
    r"|ing)|pen\s*pals?|thank[\s-]?you|revision|study|lecture|cards?)\b",
    _FLAGS,
)


def left_for_after(text: str, start: int, end: int) -> bool:
    """Letters, notes or messages for after (:data:`LEFT_FOR_AFTER`) with no everyday use or
    finder in their sentence (:data:`_EVERYDAY_WRITING`: "... so the kids find them in their
    lunchboxes", "a letter to my landlord explaining why the rent is late"); one "explaining why"
    explains the act (:data:`_WHY_THE_ACT`: "... explaining why i did it"); not in a story."""
    words = text[start:end].lower()
    if words.endswith("why") and _WHY_THE_ACT.match(text, end) is None:
        return False
    sentence = sentence_before(text, start) + " " + words + " " + sentence_after(text, end)
    if _EVERYDAY_WRITING.search(sentence) is not None:
        return False
    return not in_a_story(text, start, end)


#: Things given away for good: "i won't need them", "won't be needing it anymore", "like tidying
#: up before i leave", "something to remember me by", "tying up loose ends", "getting my affairs
#: in order"; a cue only after a giving near it (:func:`given_for_good`).
NO_NEED = (
    r"\bwon'?t\s+(?:be\s+)?need(?:ing)?\s+(?:them|it|these|those|this|that|any\s+of\s+(?:it|them"
    r"|this|that)|my\s+\w+)(?:\s+(?:anymore|any\s+more|much\s+longer|soon))?\b(?!\s+(?:for|until"
    r"|till|at|in|on|since|because|now|after|once|when|if|unless|while|during|this|next|back"
    r"|again|here|there|anyway|though|tho|yet)\b)",
    r"\b(?:like|as\s+if|as\s+though)\s+(?:i'?m\s+|i\s+am\s+|i\s+was\s+)?(?:[\w']+\s+){0,2}?"
    r"(?:tidying|tidy|tying|cleaning|clearing|wrapping|sorting|packing)\s+(?:up\s+)?(?:[\w']+\s+)"
    r"{0,2}?before\s+i\s+(?:leave|go)\b(?!\s+(?:for|to|on|in|at|home|out|back|work|school|away"
    r"|abroad)\b)",
    r"\bto\s+remember\s+me\s+by\b",
    r"\b(?:tying|tie|tied)\s+up\s+(?:all\s+)?(?:my\s+|the\s+)?loose\s+ends\b",
    r"\b(?:getting|got|put(?:ting)?|sort(?:ed|ing))\s+my\s+(?:affairs|things)\s+in\s+order\b",
)
# A giving: "gave my guitar", "giving my stuff away", "giving away my", "gave away everything".
_GIVING = re.compile(
    r"\b(?:giv(?:e|es|ing|en)|gave|hand(?:ed|ing)\s+(?:over|out))\s+(?:(?:away|out)\s+)?(?:(?:all"
    r"|most|some|a\s+lot|many|one|both|the\s+rest)\s+(?:of\s+)?)?(?:my|away|everything|stuff"
    r"|things)\b"
    # offered for free: "does anyone want a ps5 and like 40 games? free."
    r"|\b(?:(?:does\s+)?any(?:one|body)\s+want|who\s+wants|up\s+for\s+grabs|free\s+to\s+(?:a\s+good"
    r"\s+home|whoever)|free(?=\s*[.!]))",
    _FLAGS,
)
# Before "won't need", a subject other than the writer: "we won't need them", "the kids won't".
_OTHERS_NEED = re.compile(
    r"\b(?:we|you|u|he|she|they|it|kids|baby|dog|cat|[\w']+'s)\s+(?:[\w']+\s+)?$", _FLAGS
)
# Near a giving, an everyday reason: a move, a clear-out, things outgrown or replaced, a
# charity, a course or a habit ended.
_EVERYDAY_GIVING = re.compile(
    r"\b(?:mov(?:e|ed|ing)|new\s+(?:place|house|flat|apartment|home|one|ones|phone|laptop|bike)"
    r"|downsiz\w*|declutter\w*|minimalis\w*|kondo|clear(?:ing)?\s+out|outgr\w*|too\s+(?:small|big)"
    r"|baby|maternity|pregnan\w*|charity|charities|donat\w*|thrift|goodwill|garage\s+sale|yard"
    r"\s+sale|sold|sell\w*|old|spare|extra|upgrad\w*|replac\w*|bought\s+(?:a\s+)?new|lost\s+weight"
    r"|diet|quit|sober|vegan|graduat\w*|textbooks?|uni|college|course|class|grown|no\s+room|space"
    r"|storage|retir\w*|abroad|travel\w*|trip|holiday|vacation|deploy\w*|semester|season|winter"
    r"|summer|school|work|office|job|switch\w*)\b",
    _FLAGS,
)


def given_for_good(text: str, start: int, end: int) -> bool:
    """Things given away for good (:data:`NO_NEED`): a giving (:data:`_GIVING`) in the 200
    characters before, the writer's own need ended ("i won't need them", not "we won't need
    them": :data:`_OTHERS_NEED`), no everyday reason in those characters or the rest of the
    sentence (:data:`_EVERYDAY_GIVING`: a move, a clear-out, outgrown, to charity); not in a
    story."""
    low = max(0, start - 200)
    if _GIVING.search(text, low, start) is None:
        return False
    if text[start:end].lower().startswith("won") and _OTHERS_NEED.search(
        text, max(0, start - 20), start
    ):
        return False
    if _EVERYDAY_GIVING.search(text, low, end + len(sentence_after(text, end))) is not None:
        return False
    return not in_a_story(text, start, end)


_STORED = (
    r"(?:sav(?:e|es|ed|ing)|keep(?:s|ing)?|kept|hid(?:e|es|ing)?|stash(?:es|ed|ing)?|collect(?:s|ed"
    r"|ing)?|hoard\w*|stockpil\w*|stock(?:s|ed|ing)?\s+up(?:\s+on)?)"
)
_MY = (
    r"(?:up\s+)?(?:(?:all|some|most|half|a\s+few|a\s+lot|the\s+rest)\s+(?:of\s+)?)?(?:my|the|his|her)"
    r"\s+(?:[\w'-]+\s+)?"
)
#: Medication stored, bought around or set out: "saving my pills", "saving up my seroquel",
#: "hoarding my meds", "bought paracetamol at three different shops", "count my pills and line
#: them up"; a cue only with a sign that it is meant to be taken at once (:func:`stockpiled`).
STOCKPILE = (
    rf"\b(?:(?:i'?ve|ive|i\s+have)\s+been\s+|(?:i'?m|im|i\s+am)\s+)?{_STORED}\s+{_MY}{DRUGS}\b",
    rf"\b(?:bought|buy(?:s|ing)?|got|getting|picked\s+up|purchas\w*)\s+(?:(?:more|some|another"
    rf"|extra|a\s+few|\d+|two|three|four|five|six)\s+)?(?:(?:packs?|boxes|bottles|packets)\s+of\s+)?"
    rf"{DRUGS}\b",
    rf"\b(?:count(?:s|ed|ing)?|lin(?:e|es|ed|ing)\s+up|lay(?:s|ing)?\s+out|laid\s+out|spread(?:s"
    rf"|ing)?\s+out)\s+(?:out\s+|up\s+)?(?:all\s+)?(?:of\s+)?(?:my|the|them|those|these)\s+"
    rf"(?:[\w'-]+\s+)?{DRUGS}\b",
)
# Beside medication stored, the sign it is kept to be taken at once: "instead of taking them",
# "for when", "until i have enough", "got about 60 now", "so nobody notices", "my stash".
_KEPT_FOR_IT = re.compile(
    r"\b(?:instead\s+of\s+taking|rather\s+than\s+taking|not\s+taking\s+them|(?:haven'?t|havent"
    r"|stopped)\s+(?:been\s+)?taking|pretend\w*\s+to\s+take|for\s+(?:later|when|one\s+day"
    r"|someday|the\s+(?:right|day)|a\s+bad\s+(?:day|night))|until\s+(?:i\s+have|there'?s|it'?s)"
    r"\s+enough|enough\s+(?:now|to|for)|(?:finally|now)\s+(?:have|got)\s+enough(?!\s+(?:money|cash|time"
    r"|room|space|points|saved))"
    r"|(?:got|have|at)\s+(?:about\s+|almost\s+|like\s+|over\s+)?"
    r"\d+\s+(?:now|saved|so\s+far|of\s+them)|(?:a|my)\s+stash|hidden|secret\w*|so\s+(?:nobody"
    r"|no\s+one|they)\s+(?:\w+\s+)?(?:notices?|knows?|finds?\s+out))\b",
    _FLAGS,
)
# Beside medication bought, the sign it is bought around or in secret.
_BOUGHT_AROUND = re.compile(
    r"\b(?:(?:different|several|multiple|separate|other|various|\d+|two|three|four|five|a\s+few)"
    r"\s+(?:different\s+)?(?:shops|stores|pharmacies|chemists|places|supermarkets)|so\s+(?:nobody"
    r"|no\s+one|they|the\s+(?:pharmacist|cashier|chemist))\s+(?:\w+\s+)?(?:notices?|noticed|asks?"
    r"|gets?\s+suspicious|(?:won'?t|doesn'?t|don'?t|wouldn'?t)\s+(?:notice|ask|know|get))|without"
    r"\s+(?:anyone|anybody|them)\s+noticing)\b",
    _FLAGS,
)
# Beside medication counted or set out, the sign it is done again and again or for enough.
_COUNTED_FOR_IT = re.compile(
    r"\b(?:line\s+them\s+up|lined\s+them\s+up|lining\s+them\s+up|again|every\s+night|each\s+night"
    r"|nightly|over\s+and\s+over|for\s+hours|to\s+see\s+if|enough|how\s+many\s+i\s+(?:have|need"
    r"|would))\b",
    _FLAGS,
)
# Near medication, an everyday use: an organiser, a refill, a dose, a reach kept from a child,
# an exam, a shortage, a cold.
_EVERYDAY_PILLS = re.compile(
    r"\b(?:organi[sz]er|pill\s*box|dosette|blister|refills?|pharmac(?:y|ist)|prescri\w*|doctor|gp"
    r"|doses?|dosage|week(?:ly)?|schedule|forget|remember|insurance|nurse|care\s*home|patients?"
    r"|inventory|vet|dog|cat|kids?|child(?:ren)?|toddler|baby|reach|safe|locked|lock\s*box|fridge"
    r"|travel\w*|trip|holiday|vacation|finals|exams?|study\w*|sold\s+out|out\s+of\s+stock|shortage"
    r"|(?:was|were|ran)\s+out|had\s+none|didn'?t\s+have|only\s+(?:had|sell|sells|let)|limit\w*"
    r"|couldn'?t\s+find|none\s+left|cheaper|price|deal|sale|cold|flu|covid|fever|first\s+aid"
    r"|migraines?|headaches?|for\s+(?:the|my)\s+(?:family|mum|mom|dad|office))\b",
    _FLAGS,
)


# The writer before the storing, in its match: "i've been saving".
_WRITER = re.compile(r"^(?:(?:i'?ve|ive|i\s+have)\s+been|(?:i'?m|im|i\s+am))\s+")


def stockpiled(text: str, start: int, end: int) -> bool:
    """Medication stored, bought or set out (:data:`STOCKPILE`) with a sign, in its sentence or
    the next, that it is kept to be taken at once: saved up or hoarded, or beside
    :data:`_KEPT_FOR_IT` ("saving my pills instead of taking them"), :data:`_BOUGHT_AROUND`
    ("... at three different shops so nobody notices") or :data:`_COUNTED_FOR_IT` ("count my
    pills and line them up every night"); none beside an everyday use (:data:`_EVERYDAY_PILLS`:
    an organiser, a toddler's reach, a shortage); not in a story."""
    words = text[start:end].lower()
    after = sentence_after(text, end)
    near = sentence_before(text, start) + " " + words + " " + after
    near += " " + sentence_after(text, end + len(after) + 1)
    if _EVERYDAY_PILLS.search(near) is not None:
        return False
    verb = _WRITER.sub("", words)
    if verb.startswith(("count", "lin", "lay", "laid", "spread")):
        signed = _COUNTED_FOR_IT.search(near) is not None
    elif verb.startswith(("b", "got", "getting", "picked", "purchas")):
        signed = _BOUGHT_AROUND.search(near) is not None
    else:
        # Stocking up is everyday shopping unless a sign says what for ("... and I finally
        # have enough"); saving up or hoarding is a sign of its own.
        stocked = verb.startswith("stock") and not verb.startswith("stockpil")
        hoarded = not stocked and (
            verb.startswith(("hoard", "stockpil")) or re.match(r"\w+\s+up\b", verb)
        )
        signed = bool(hoarded) or _KEPT_FOR_IT.search(near) is not None
    return signed and not in_a_story(text, start, end)


_WROTE = r"(?:wr(?:ote|itten|iting|ite)|finished)"
#: Letters written to everyone or a final one, or left where they will be found: "wrote everyone
#: a letter", "wrote my final letter to my mom", "leaving them on my desk" after letters written
#: (:func:`left_for_after`; the last with :func:`letters_before`).
LETTERS_LEFT = (
    rf"\b{_WROTE}\s+(?:every(?:one|body)|all\s+(?:of\s+)?(?:my|the)\s+[\w']+|each\s+of\s+(?:them"
    r"|my\s+[\w']+))\s+(?:a\s+)?(?:letters?|notes?)\b",
    rf"\b{_WROTE}\s+(?:my|a|the)\s+(?:final|last)\s+letters?\b",
    r"\b(?:leaving|left|leave|put|putting|placed)\s+(?:them|it|the\s+(?:letters?|notes?))\s+(?:on|in"
    r"|under|by)\s+(?:my|the)\s+(?:desk|bed|pillow|nightstand|dresser|table|kitchen\s+table|door)\b",
)
_WRITTEN = re.compile(rf"\b{_WROTE}\s+(?:[\w']+\s+){{0,3}}?(?:letters?|notes?)\b", _FLAGS)


def letters_before(text: str, start: int, end: int) -> bool:
    """Letters or notes left where they will be found (the last of :data:`LETTERS_LEFT`) after
    letters written in the 150 characters before ("i've written letters to my parents and my
    sister. i'm leaving them on my desk"), read as other letters left for after
    (:func:`left_for_after`)."""
    if _WRITTEN.search(text, max(0, start - 150), start) is None:
        return False
    return left_for_after(text, start, end)


#: Pills set out before the writer: "i have the pills in front of me", "all my meds lined up next
#: to me" (:func:`pills_set_out`).
PILLS_BEFORE_ME = (
    r"\b(?:the|my|all\s+(?:the|my|of\s+my)|these)\s+(?:[\w'-]+\s+)?(?:pills|tablets|meds)\s+(?:(?:are"
    r"\s+)?(?:right|laid\s+out|lined\s+up|all|sitting)\s+)?(?:in\s+front\s+of|next\s+to|beside)"
    r"\s+me\b",
)
# In the message, despair or an end beside pills set out.
_DESPAIR = re.compile(
    r"\b(?:can'?t|cant|tonight|good\s*-?\s*bye|enough|ready|done|end|anymore|any\s+more|over|whole"
    r"|staring|all\s+of\s+them|no\s+point|give\s+up|gave\s+up|tired\s+of)\b",
    _FLAGS,
)


def pills_set_out(text: str, start: int, end: int) -> bool:
    """Pills set out before the writer (:data:`PILLS_BEFORE_ME`) beside despair or an end in
    the message (:data:`_DESPAIR`: "cant do this anymore"), not beside an everyday use
    (:data:`_EVERYDAY_PILLS`: a dose remembered, a refill); not in a story."""
    if _EVERYDAY_PILLS.search(text) is not None or _DESPAIR.search(text) is None:
        return False
    return not in_a_story(text, start, end)


#: The patterns of this module (label ``suicide``) and their checks.
PREPARATIONS = (*LEFT_FOR_AFTER, *LETTERS_LEFT, *NO_NEED, *STOCKPILE, *PILLS_BEFORE_ME)
PREPARATION_CHECKS: dict[str, Check] = {
    **dict.fromkeys((*LEFT_FOR_AFTER, *LETTERS_LEFT[:2]), left_for_after),
    LETTERS_LEFT[2]: letters_before,
    **dict.fromkeys(NO_NEED, given_for_good),
    **dict.fromkeys(STOCKPILE, stockpiled),
    **dict.fromkeys(PILLS_BEFORE_ME, pills_set_out),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
PREPARATION_WORDS: dict[str, str] = {
    **dict.fromkeys(LEFT_FOR_AFTER[:1], r"letter|note|message|video|recording|e-?mail"),
    LEFT_FOR_AFTER[1]: r"matter|i'?m\s+(?:gone|dead|not\s+(?:here|around))",
    **dict.fromkeys(LETTERS_LEFT, r"letter|note"),  # the last: letters written before it
    NO_NEED[0]: r"won'?t\s+(?:be\s+)?need",
    NO_NEED[1]: r"before\s+i\s+(?:leave|go)",
    NO_NEED[2]: r"remember\s+me\s+by",
    NO_NEED[3]: r"loose\s+ends",
    NO_NEED[4]: r"affairs\s+in\s+order|things\s+in\s+order",
    STOCKPILE[0]: (
        r"sav(?:e|es|ed|ing)\s|keep|kept|hid(?:e|es|ing)?\s|stash|collect|hoard|stockpil"
        r"|stock(?:s|ed|ing)?\s+up"
    ),
    # the check's: bought around or in secret
    STOCKPILE[1]: (
        r"shops|stores|pharmacies|chemists|places|supermarkets|so\s+(?:nobody|no\s+one|they|the)\s"
        r"|without\s"
    ),
    STOCKPILE[2]: (
        r"count|lin(?:e|es|ed|ing)\s+up|lay(?:s|ing)?\s+out|laid\s+out|spread(?:s|ing)?\s+out"
    ),
    PILLS_BEFORE_ME[0]: r"front\s+of\s+me|next\s+to\s+me|beside\s+me",
}
