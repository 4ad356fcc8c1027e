"""Words of a helper's reply that lay the fault for what happened on the seeker, often one
sentence inside warm words: what they brought about, missed or earned.

"you kind of earned the suspicion", "maybe you missed the signs", "I'm sure you've been too
soft on him", "some of this is just consequences", "you could have pushed harder for a second
opinion earlier", "you probably were a bit useless on the ward", "Be more careful next time.",
and a refusal to care at all ("Not my problem tbh.", "sounds like a you problem").
:func:`fault_spans` finds them for :mod:`carelens.analysis.rules`, which reads them as it reads
the codebook's minimising phrases (raising ``dismissive``, not where a negation or someone
else's words come before them: "you didn't deserve that", "nobody could say you missed the
signs"). Not fault: a success earned ("you earned that promotion", "you deserved the win"),
comfort about their own harshness ("you're too hard on yourself"), a consequence that is not
theirs ("that's the consequence of a broken system"), care for their safety ("please be more
careful with yourself, I worry"), a limit stated kindly ("it's not my problem to fix, but I
can listen").
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
    r"|have)\b|more\s+careful|problem|circus|monkeys|concern"
)


def fault_spans(response: str) -> list[tuple[int, int]]:
    """Start and end of each stretch of ``response`` that lays the fault on the seeker or
    refuses to care (:data:`_FAULT`), leading and trailing white space left out, in order;
    the caller reads negation and quotation before them."""
    return gated_spans(response, _GATE, _PATTERNS)
