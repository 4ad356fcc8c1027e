"""Words of a helper's reply that lay the fault for what happened on the seeker, often one
sentence inside warm words: what they brought about, missed or earned.

"you kind of earned the suspicion", "maybe you missed the signs", "I'm sure you've been too
soft on him", "some of this is just consequences", "you could have pushed harder for a second
opinion earlier", "you probably were a bit useless on the ward", "Be more careful next time.",
hindsight with a date or a counterfactual on it ("you probably should have been applying
elsewhere months ago", "this is exactly why you take photos on move-in day, you'd be fine now
if you had", "hopefully this is a wake-up call", "lesson learned i guess", "you do know you're
meant to keep windows shut with cats, right?"), their choices or habits held against them ("down
to the choices you made", "you can't keep blaming the knee", "you have always been a bit of a
worrier", "you knew the rules and did it anyway", "you cant really act shocked", "says a lot
more about your priorities than about her", "you're the adult here", "'again' is doing a lot
of work in that sentence"), an I-told-you-so ("I did say last time he'd do it again", "I'm not
sure what you expected", "I told you so") and a refusal to care at all ("Not my problem tbh.",
"sounds like a you problem").
:func:`fault_spans` finds them for :mod:`carelens.analysis.rules`, which reads them as it reads
the codebook's minimising phrases (raising ``dismissive``, not where a negation or someone
else's words come before them: "you didn't deserve that", "nobody could say you missed the
signs"). Not fault: a success earned ("you earned that promotion", "you deserved the win"),
comfort about their own harshness ("you're too hard on yourself"), a consequence that is not
theirs ("that's the consequence of a broken system"), care for their safety ("please be more
careful with yourself, I worry"), a limit stated kindly ("it's not my problem to fix, but I
can listen"), others' duty or the helper's own hurt ("you should have been told months ago",
"you should have told me months ago"), a feeling explained ("that's exactly why you feel so
drained"), comfort ("you can't keep blaming yourself", "it says a lot about your strength",
"what he did says more about him than you").
"""

from __future__ import annotations

import re

from carelens.analysis.reply_spans import gated_spans

_FLAGS = re.IGNORECASE
#: A hedge that makes a fault sound fair ("kind of", "probably").
_HEDGE = (
    r"(?:kind\s+of|kinda|sort\s+of|sorta|pretty\s+much|basically|probably|prob|honestly|totally"
    r"|definitely|clearly|maybe|partly|a\s+bit|a\s+little|just)"
)
#: What a person may be said to have earned that is no reward.
_BAD_DUES = (
    r"(?:suspicion|criticism|blame|backlash|reaction|treatment|telling[\s-]off|punishment"
    r"|consequences|lecture|distrust|mistrust|warning|ban|fine|silent\s+treatment|write[\s-]up"
    r"|grounding|detention|dumping|breakup|break[\s-]up)"
)
#: A trait held against the seeker, hedged ("you probably were a bit useless").
_TRAITS = (
    r"(?:useless|lazy|clingy|naive|careless|needy|annoying|rude|sloppy|slack|selfish|immature"
    r"|dramatic|difficult|pushy|bossy|demanding|unprofessional|irresponsible|entitled|arrogant"
    r"|controlling|jealous|possessive|flaky|unreliable|disorganised|disorganized|stubborn)"
)
_FAULT = (
    # "you kind of earned the suspicion", "you asked for it", "you probably deserved that"
    rf"\b(?:you|u)\s+{_HEDGE}\s+(?:earned|deserved|asked\s+for)\s+(?:it|this|that|some\s+of\s+"
    r"(?:it|this|that))\b(?!\s+(?:promotion|raise|win|break|rest|holiday))",
    rf"\b(?:you|u)\s+(?:{_HEDGE}\s+)?(?:earned|deserved|asked\s+for)\s+(?:the|that|this|a\s+bit"
    rf"\s+of\s+(?:the|that))\s+(?:\w+\s+)?{_BAD_DUES}\b",
    r"\b(?:you|u)\s+(?:kind\s+of\s+|kinda\s+|sort\s+of\s+|totally\s+|really\s+)?asked\s+for\s+it"
    r"(?=\s*(?:[.!,;:\n]|$|tbh|honestly|though|lol|really))",
    # "maybe you missed the signs", "you must have ignored the red flags"
    r"\b(?:you|u)\s+(?:(?:probably|maybe|must\s+have|might\s+have|clearly|just|obviously)\s+)?"
    r"(?:missed|ignored|overlooked)\s+(?:(?:the|all\s+the|some\s+of\s+the|some|a\s+few|a\s+lot\s+of"
    r"|so\s+many|plenty\s+of|loads\s+of)\s+)?(?:signs|red\s+flags|warning\s+signs|signals|warnings)"
    r"\b",
    # "you've been too soft on him", "you were way too lenient with her" (not "too hard on
    # yourself": comfort)
    r"\b(?:you|u)(?:'ve|\s+have|'re|\s+are|\s+were|\s+was)?\s+(?:been\s+)?(?:(?:probably|maybe"
    r"|always|just|obviously|clearly)\s+)?(?:way\s+|far\s+|much\s+|a\s+bit\s+|a\s+little\s+)?too"
    r"\s+(?:soft|lenient|easy|permissive|trusting|naive|gullible|lax)\s+(?:on|with)\s+"
    r"(?!yourself\b|urself\b)[\w']+",
    # "some of this is just consequences", "actions have consequences"
    r"\bactions\s+have\s+consequences\b",
    r"\b(?:(?:some|a\s+lot|most|part)\s+of\s+)?(?:this|that|it)\s*(?:'s|\s+is|\s+was|\s+are)\s+"
    r"(?:just\s+|simply\s+|only\s+|really\s+|honestly\s+)?(?:the\s+)?(?:natural\s+)?"
    r"consequences?\b(?!\s+of\b)(?!\s+for\s+(?:them|him|her|the))",
    # "you could have pushed harder for a second opinion earlier" (hindsight blame; not "you
    # could have told me sooner": a friend's hurt, left to the model)
    r"\b(?:you|u)\s+(?:really\s+|easily\s+|always\s+)?could(?:'ve|\s+have|\s+of)\s+"
    r"(?!told|said|called|asked|reached|texted|messaged|come|talked|let\s+(?:me|us))"
    r"(?:[\w']+\s+){1,5}?(?:sooner|earlier|first|beforehand|harder|before\s+(?:you|it|this|that"
    r"|things))\b",
    # "you probably were a bit useless on the ward"
    r"\b(?:you|u)\s+(?:probably|maybe|prob|honestly|kind\s+of|kinda|clearly|obviously)\s+"
    r"(?:were|are|was|have\s+been)\s+(?:being\s+)?(?:(?:a\s+bit|a\s+little|kind\s+of|kinda|pretty"
    rf"|quite|too|really|way\s+too|super|so)\s+)+{_TRAITS}\b",
    # "Be more careful next time." as a sentence of its own
    r"(?:^|(?<=[.!?\n]))\s*(?:(?:maybe|just|try\s+to|you\s+should|you\s+need\s+to|you\s+have\s+to"
    r"|learn\s+to)\s+)?be\s+more\s+careful(?:\s+next\s+time|\s+in\s+future|\s+from\s+now\s+on)?"
    r"(?=\s*(?:[.!\n]|$|lol|tbh|then))",
    # hindsight with a date on it: "you probably should have been applying elsewhere months
    # ago" (not "you should have been told months ago", nor "you should have told me")
    r"\b(?:you|u)\s+(?:(?:probably|really|honestly|maybe|kind\s+of|kinda|just)\s+)*should"
    r"(?:'ve|\s+have|a|\s+of)\s+(?!been\s+(?!\w+ing\b))(?!told|said|called|asked|reached|texted"
    r"|messaged|come|talked|rung)[\w']+\b[^.!?\n]{0,60}?\b(?:(?:months|weeks|years|ages|days)\s+"
    r"ago|long\s+ago|a\s+long\s+time\s+ago)\b",
    # "you'd be fine now if you had", "you wouldn't be in this mess if you'd listened"
    r"\b(?:you|u)(?:'d|\s+would)\s+(?:(?:probably|honestly|totally)\s+)?(?:be\s+(?:fine|okay|ok"
    r"|alright|sorted)|have\s+been\s+(?:fine|okay|ok|alright))\b(?:\s+now)?\s+if\s+(?:you|u)"
    r"(?:'d\s+\w+|\s+had(?=\s*(?:[.!?,;\n]|$))|\s+had\s+\w+ed\b)[^.!?\n]*",
    r"\b(?:you|u)\s+wouldn't\s+be\s+in\s+(?:this|that|such\s+a)\s+(?:mess|situation|position"
    r"|state)\s+(?:now\s+)?if\s+(?:you|u)\b[^.!?\n]*",
    # "this is exactly why you take photos on move-in day": a precaution everyone knows
    r"\b(?:this|that)(?:'s|\s+is)\s+(?:exactly|precisely|literally)\s+why\s+(?:you|u|people"
    r"|everyone|we)\s+(?:always\s+)?(?:check|read|keep|save|back\s+up|lock|shut|close|insure"
    r"|take\s+(?:photos|pictures|a\s+photo|receipts|notes|screenshots)|get\s+(?:it|things|stuff"
    r"|everything)\s+in\s+writing)\b[^.!?\n]*",
    # "a lot of that weight is down to the choices you made", "because of your own choices"
    r"\b(?:down\s+to|because\s+of|(?:the\s+)?results?\s+of|due\s+to|comes\s+down\s+to)\s+(?:the"
    r"\s+|some\s+)?(?:(?:bad|poor)\s+)?(?:choices|decisions)\s+(?:you|u)(?:'ve)?\s+(?:made|make)"
    r"\b|\b(?:down\s+to|because\s+of|(?:the\s+)?results?\s+of|due\s+to)\s+your\s+(?:own\s+)?"
    r"(?:(?:bad|poor)\s+)?(?:choices|decisions|lifestyle)\b",
    # "you can't keep blaming the knee" (not "... yourself": comfort)
    r"\b(?:you|u)\s+can(?:'t|not|t)\s+(?:(?:really|just)\s+)?(?:keep|always)\s+(?:on\s+)?"
    r"blam(?:e|ing)\s+(?!yourself|urself|your\s*self)(?:the\s+|your\s+)?[\w']+",
    # "hopefully this is a wake-up call", "let this be a wake-up call" (not "for him")
    r"\b(?:hopefully|let|consider|maybe|treat)\s+(?:this|that|it)\s+(?:is|was|be|as|will\s+be"
    r"|can\s+be|should\s+be)\s+(?:a|your)\s+(?:bit\s+of\s+a\s+|real\s+|big\s+)?wake[\s-]?up\s+"
    r"call\b(?!\s+for\s+(?!you\b))[^.!?\n]*",
    r"\b(?:this|that)\s+(?:should|needs\s+to|has\s+to)\s+be\s+(?:a|your)\s+wake[\s-]?up\s+call"
    r"\b(?!\s+for\s+(?!you\b))[^.!?\n]*",
    # "lesson learned i guess" as a clause of its own
    r"(?:^|(?<=[.!?,;:\n]))\s*(?:(?:well|so|oh\s+well|welp|i\s+mean)[,\s]+)?lesson\s+learn(?:ed|t)"
    r"(?=\s*(?:[.!?,;:\n]|$|i\s+guess|then|lol|haha|eh|huh|right|though|tho))"
    r"(?:\s+(?:i\s+guess|then|lol|haha))?",
    # "you do know you're meant to keep windows shut with cats, right?"
    r"\b(?:you|u)\s+(?:do\s+)?know\s+(?:you're|youre|you\s+are|ur|u\s+r)\s+(?:meant|supposed)\s+"
    r"to\s+(?:keep|shut|close|lock|check|read|put|turn|switch|wear|back\s+up|register|label"
    r"|store|clean|wash)\b[^.!?\n]*",
    # "says a lot more about your priorities", "says more about you than about her"
    r"\bsays\s+(?:(?:a\s+lot|a\s+great\s+deal|plenty|so\s+much|something)\s+)?(?:more\s+)?about"
    r"\s+(?:you|u|your)\b(?:\s+(?:priorities|parenting|judg(?:e)?ment|temper|attitude|maturity"
    r"|values)\b|(?!\s+(?:strength|kindness|heart|love|courage|character))[^.!?\n]{0,30}?\bthan"
    r"\s+(?:about\s+)?(?:her|him|them|it|the|anyone)\b)[^.!?\n]*",
    # their own word weighed against them: "'again' is doing a lot of work in that sentence"
    r"\b(?:is|'s)\s+doing\s+(?:a\s+lot\s+of|some|most\s+of\s+the)\s+(?:heavy\s+)?(?:work|lifting)"
    r"\s+(?:in\s+(?:that|this|your)\s+(?:sentence|post|message)|there)\b",
    # "you're the adult here"
    r"\b(?:you're|youre|you\s+are|ur)\s+the\s+(?:adult|grown[\s-]?up|parent)\s+here\b",
    # "you have always been a bit of a worrier"
    r"\b(?:you|u)(?:'ve|\s+have)\s+always\s+been\s+(?:(?:a\s+bit|a\s+little|kind|sort)\s+(?:of\s+)?"
    r"|quite\s+|pretty\s+|so\s+|too\s+|such\s+)?(?:(?:a\s+|an\s+)?(?:worrier|drama\s+queen"
    rf"|over-?thinker|hypochondriac|pushover|doormat)|{_TRAITS})\b",
    # "you knew the rules and did it anyway"
    r"\b(?:you|u)\s+knew\s+[^.!?\n]{1,40}?\s+(?:and|but)\s+(?:(?:you|u)\s+)?(?:still\s+)?(?:did"
    r"|went|took|chose|stayed|kept)\b[^.!?\n]*?\b(?:anyway|anyways|regardless)\b",
    # "you can't really act shocked"
    r"\b(?:you|u)\s+can(?:'t|not|t)\s+(?:(?:really|exactly|honestly)\s+)?(?:act|pretend\s+to\s+be"
    r"|play|(?<=really\s)be|(?<=exactly\s)be|(?<=honestly\s)be)\s+(?:all\s+|that\s+|so\s+)?"
    r"(?:shocked|surprised)\b",
    # "I'm not sure what you expected", "I did say last time he'd do it again", "told you so"
    r"\b(?:I'm|im|I\s+am)\s+not\s+(?:really\s+|quite\s+)?sure\s+what\s+(?:else\s+)?(?:you|u)\s+"
    r"(?:expected|were\s+expecting)\b|\bI\s+(?:don't|dont|do\s+not)\s+know\s+what\s+(?:else\s+)?"
    r"(?:you|u)\s+(?:expected|were\s+expecting)\b",
    r"\bI\s+(?:did\s+say|did\s+tell\s+you|told\s+you|said|warned\s+you)\b[^.!?\n]{0,30}?\b(?:(?:he"
    r"|she|they|it|this|that)(?:'d|\s+would|\s+will)|(?:he|she|they)'ll)\s+(?:\w+\s+){0,4}?"
    r"(?:again|happen)\b[^.!?\n]*",
    r"\bI\s+told\s+(?:you|u|ya)\s+so\b",
    # "Not my problem tbh.", "sounds like a you problem", "that's your problem"
    r"\bnot\s+my\s+(?:problem|circus|monkeys|concern)\b(?!\s+to\b)",
    r"\ba\s+(?:you|u)\s+problem\b",
    r"\b(?:that's|thats|that\s+is|sounds\s+like)\s+your\s+problem\b(?!\s+to\b)",
)
_PATTERNS = tuple(re.compile(p, _FLAGS) for p in _FAULT)
#: Words one of the patterns holds: a reply with none is read no further (most replies).
_GATE = re.compile(
    r"earned|deserved|asked\s+for|missed|ignored|overlooked|\btoo\s|consequence|could(?:'ve|\s)"
    r"|\b(?:probably|maybe|prob|honestly|kind\s+of|kinda|clearly|obviously)\s+(?:were|are|was"
    r"|have)\b|more\s+careful|problem|circus|monkeys|concern|should|would|you'd|u'd|exactly"
    r"|precisely|literally|choices|decisions|lifestyle|blam|wake|lesson|meant|supposed|says"
    r"|here\b|doing|always\s+been|knew|shocked|surprised|expect|told|said|say|warned"
)


def fault_spans(response: str) -> list[tuple[int, int]]:
    """Start and end of each stretch of ``response`` that lays the fault on the seeker or
    refuses to care (:data:`_FAULT`), leading and trailing white space left out, in order;
    the caller reads negation and quotation before them."""
    return gated_spans(response, _GATE, _PATTERNS)
