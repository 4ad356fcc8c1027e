"""Crisis cues of last words in everyday phrasing: the last time the writer will log on, a last
post with thanks for the good times, a decision made and a peace with it, a plea not to worry if
they are not online tomorrow, and another person saying goodbye or sorry for everything now.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``,
through :mod:`carelens.analysis.crisis_veiled_joins`; :data:`THEIR_FAREWELL` also joins
:data:`~carelens.analysis.crisis_patterns.THIRD_PARTY`) and its check of the words around it
joins :mod:`carelens.analysis.crisis_context`'s (:data:`LAST_WORDS_CHECKS`, through
:mod:`carelens.analysis.crisis_veiled`). None is a cue told in a story
(:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`LAST_TIME_ILL`: "this is the last time i'll log on here", "last time i'll ask anyone for
  anything"; a cue only with parting words in the message (:data:`_PARTING`: "thank you for
  putting up with me", "have a good life") and no everyday leaving (:func:`parting_not_leaving`),
  not "last time i'll post about my ex, promise".
- :data:`LAST_POST_PARTING`: "my last post. thanks for the good times on here", "this is my final
  message. don't make my mistakes"; the same check, and not a post pointed to ("see my last
  post, thank you for everything you said there").
- :data:`DECISION_AT_PEACE`: "i've made my decision now and i'm at peace with it", "my mind is made
  up and i feel calm"; a cue only with parting words and no everyday choice told (a job, a move,
  a breakup: :func:`parting_not_leaving`).
- :data:`NOT_ONLINE_TOMORROW`: "if i'm not online tomorrow don't worry about it", "just know i
  tried for a long time"; a cue only with parting words and no everyday absence (an exam, a trip,
  no signal: :func:`parting_not_leaving`).
- :data:`THEIR_FAREWELL`: "my dad is on the phone with me right now saying goodbye and that he's
  sorry for everything"; a cue only with an urgency (alone, drinking, right now, "what do i do")
  and no everyday leaving (a flight, a move, a party: :func:`their_farewell_now`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

#: The last time the writer will log on: "the last time i'll log on here"
#: (:func:`parting_not_leaving`).
LAST_TIME_ILL = (
    r"\blast\s+time\s+(?:i'?ll|i\s+will|ill|i'?m\s+going\s+to|i\s+am\s+going\s+to|i'?m\s+gonna"
    r"|anyone\s+will|you'?ll|you\s+will)\s+(?:ever\s+)?(?:log\s+(?:on|in)|post|be\s+(?:on|here"
    r"|online)|write|ask|talk|speak|bother|hear\s+from\s+me|see\s+me|message|text|come\s+on)\b",
)
#: The writer's last post or message: "my last post", "this is my final message"
#: (:func:`parting_not_leaving`).
LAST_POST_PARTING = (
    r"\b(?<=\bmy\s)(?:last|final)\s+(?:post|message|words|entry|update)\b(?!\s+(?:on|in|about"
    r"|before|until|till|for\s+(?:a|now|the)|of\s+the|was|got|had)\b)",
)
#: A decision made and a peace with it: "i've made my decision now and i'm at peace with it"
#: (:func:`parting_not_leaving`).
DECISION_AT_PEACE = (
    r"\b(?:i'?ve|i\s+have|i)\s+(?:finally\s+)?(?:made|reached|come\s+to)\s+(?:my|a|the)\s+(?:final"
    r"\s+)?(?:decision|choice)\b(?:\s+now)?[\s.,;]+(?:and\s+)?(?:i'?m|i\s+am|i\s+feel|i\s+feel"
    r"\s+so|i'?m\s+so)\s+(?:\w+\s+)?(?:at\s+peace|calm|ready|okay|ok|fine|relieved|peaceful)\b",
    r"\bmy\s+mind\s+is\s+made\s+up\b",
)
#: Not being online tomorrow, and trying told as over: "if i'm not online tomorrow don't
#: worry", "just know i tried" (:func:`parting_not_leaving`).
NOT_ONLINE_TOMORROW = (
    r"\bif\s+(?:i'?m|im|i\s+am)\s+not\s+(?:online|on(?:\s+here)?|here|around|back|answering"
    r"|replying)\s+(?:by\s+)?(?:tomorrow|tonight|in\s+the\s+morning|after\s+(?:tonight|today)"
    r"|any\s*more)\b",
    r"\b(?:just\s+)?know\s+(?:that\s+)?i\s+(?:really\s+|truly\s+)?tried\b(?!\s+(?:to\s+(?:call"
    r"|text|reach|fix|help|get|make)|my\s+best\s+(?:on|at|with)))",
)
# In the message, parting words.
_PARTING = re.compile(
    r"\b(?:(?:have|had)\s+a\s+(?:good|great|nice|happy)\s+life|good\s+life|thank(?:s|\s+you)\s+(?:\w+"
    r"\s+){0,3}?for\s+(?:putting\s+up\s+with\s+me|everything|the\s+good\s+times|all\s+the|the"
    r"\s+memories|being\s+there|listening|keeping\s+me)|kept\s+me\s+going|goodbye|good-?bye"
    r"|farewell|take\s+care\s+of\s+(?:yourselves|each\s+other|my)|love\s+you\s+all|forgive\s+me"
    r"|don'?t\s+(?:worry|make\s+my\s+mistakes|be\s+sad|miss\s+me|blame)|dont\s+worry|know\s+i"
    r"\s+tried|tried\s+for\s+a\s+long\s+time|delete\s+my\s+(?:messages|posts|account|history)"
    r"|anyone\s+for\s+anything|nice\s+knowing|remember\s+me|at\s+peace|for\s+a\s+long\s+time"
    r"|(?:nobody|no\s+one)(?:'s|\s+is)\s+around|last\s+time\s+i'?ll)\b",
    _FLAGS,
)
# In the message, an everyday leaving, absence or choice.
_EVERYDAY_PARTING = re.compile(
    r"\b(?:mov(?:e|ed|ing)|holiday|vacation|trip|travel\w*|flight|camp\w*|festival|new\s+(?:job"
    r"|account|city|school)|quit(?:ting)?\s+(?:reddit|the\s+(?:app|forum|sub|site)|social)"
    r"|deleting\s+(?:the\s+)?app|break\s+from|hiatus|for\s+(?:a\s+while|now|a\s+bit)|be\s+back"
    r"|see\s+(?:you|ya)|exams?|finals|revision|wifi|internet|signal|power\s+cut|grounded|shift"
    r"|surgery|hospital|job|offer|uni|college|course|degree|house|flat|breakup|break\s+up|divorce"
    r"|leav(?:e|ing)\s+(?:him|her|them|my\s+(?:job|husband|wife|partner|boyfriend|girlfriend))"
    r"|treatment|promise|lol|about\s+(?:my|this|him|her|the)|before\s+(?:my|the|i)|wedding"
    r"|recipe|cake|race|audition|match|game|advice|votes?)\b",
    _FLAGS,
)


# Just before a last post, a pointer to it: "see my last post", "in my last post".
_REFERRED = re.compile(
    r"\b(?:see|in|read|check|from|on|under|per|like|since|after|edit|as|to)\s+(?:\w+\s+)?my\s+$",
    _FLAGS,
)


def parting_not_leaving(text: str, start: int, end: int) -> bool:
    """Last words (:data:`LAST_TIME_ILL`, :data:`LAST_POST_PARTING`, :data:`DECISION_AT_PEACE`,
    :data:`NOT_ONLINE_TOMORROW`) with parting words in the message outside them
    (:data:`_PARTING`) and no everyday leaving, absence or choice (:data:`_EVERYDAY_PARTING`),
    a last post not pointed to (:data:`_REFERRED`: "see my last post"); not in a story."""
    if _EVERYDAY_PARTING.search(text) is not None:
        return False
    if _REFERRED.search(text, max(0, start - 30), start) is not None:
        return False
    outside = text[:start] + "\n" + text[end:]
    if _PARTING.search(outside) is None:
        return False
    return not in_a_story(text, start, end)


_THEY = (
    r"(?:he|she|they|he'?s|she'?s|they'?re|he\s+is|she\s+is|they\s+are|he\s+was|she\s+was"
    r"|(?:he|she|they)\s+(?:said|says|keeps\s+saying|kept\s+saying|texted|wrote|told\s+me))"
)
#: Another saying goodbye or sorry for everything now: "on the phone with me right now saying
#: goodbye", "he's sorry for everything" (:func:`their_farewell_now`).
THEIR_FAREWELL = (
    r"\b(?:is|are|was|keeps|kept|been|just|now|me|still)\s+(?:\w+\s+){0,5}?(?:saying|texting"
    r"|sending\s+(?:me\s+)?)\s+(?:me\s+|us\s+)?(?:goodbye|good-?bye|goodbyes|farewells?)\b",
    rf"\b{_THEY}\s+(?:that\s+)?(?:(?:he|she|they)(?:'?s|'?re|\s+is|\s+are|\s+was)?\s+)?(?:so\s+)?"
    r"sorry\s+for\s+everything\b(?!\s+(?:he|she|they)\s+(?:did|said|put|has\s+done))",
)
# In the message, an urgency now.
_URGENT_NOW = re.compile(
    r"\b(?:right\s+now|rn|tonight|alone|drinking|drunk|pills|won'?t\s+(?:answer|pick\s+up|tell"
    r"|listen|say)|not\s+answering|what\s+(?:do|should|can)\s+i\s+do|hours?\s+away|can'?t\s+(?:reach"
    r"|get\s+to)|please\s+help|help\s+me|scared)\b",
    _FLAGS,
)
# In the message, an everyday leaving or an apology for a quarrel.
_EVERYDAY_GOODBYE = re.compile(
    r"\b(?:airport|flight|boarding|board|moving|move|trip|holiday|vacation|leaving\s+for|deploy\w*"
    r"|party|hospital\s+visit|visiting|funeral|dying\s+(?:grand\w*|nan|relative)|hospice"
    r"|palliative|fight|argument|row|cheated|breakup|broke\s+up)\b",
    _FLAGS,
)
_THIRD_PERSON = re.compile(
    r"\b(?:he|she|they|him|her|them|my\s+(?:dad|mum|mom|father|mother|brother|sister|son"
    r"|daughter|friend|partner|husband|wife|boyfriend|girlfriend|bf|gf|cousin|uncle|aunt)|someone"
    r"|somebody|friend)\b",
    _FLAGS,
)


def their_farewell_now(text: str, start: int, end: int) -> bool:
    """Another saying goodbye or sorry for everything now (:data:`THEIR_FAREWELL`): another
    person named in the 100 characters before it (:data:`_THIRD_PERSON`), an urgency in the
    message (:data:`_URGENT_NOW`) and no everyday leaving nor a quarrel
    (:data:`_EVERYDAY_GOODBYE`); not in a story."""
    if _THIRD_PERSON.search(text, max(0, start - 100), end) is None:
        return False
    if _URGENT_NOW.search(text) is None or _EVERYDAY_GOODBYE.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: The patterns of this module (label ``suicide``) and their checks.
LAST_WORDS = (
    *LAST_TIME_ILL,
    *LAST_POST_PARTING,
    *DECISION_AT_PEACE,
    *NOT_ONLINE_TOMORROW,
    *THEIR_FAREWELL,
)
LAST_WORDS_CHECKS: dict[str, Check] = {
    **dict.fromkeys(
        (*LAST_TIME_ILL, *LAST_POST_PARTING, *DECISION_AT_PEACE, *NOT_ONLINE_TOMORROW),
        parting_not_leaving,
    ),
    **dict.fromkeys(THEIR_FAREWELL, their_farewell_now),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
LAST_WORDS_WORDS: dict[str, str] = {
    LAST_TIME_ILL[0]: r"last\s+time",
    LAST_POST_PARTING[0]: r"last|final",
    DECISION_AT_PEACE[0]: r"decision|choice",
    DECISION_AT_PEACE[1]: r"made\s+up",
    NOT_ONLINE_TOMORROW[0]: (
        r"tomorrow|tonight|in\s+the\s+morning|after\s+(?:tonight|today)|any\s*more"
    ),
    NOT_ONLINE_TOMORROW[1]: r"tried",
    THEIR_FAREWELL[0]: r"goodbye|good-?bye|farewell",
    THEIR_FAREWELL[1]: r"sorry",
}
