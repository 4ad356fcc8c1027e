"""The crisis-cue patterns of going on living given up: "I don't want to go on anymore".

They join :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``), beside "I
can't go on" and "what's the point of going on" there. Going on has everyday senses (going on
a trip, a date or a walk, going on about something, keeping going to the gym), so each pattern
is a cue only where nothing of them follows: the clause ends, or words of living or of time
given up do ("anymore", "living", "with life", "at this point").

- :data:`STOP_GOING_ON`: "maybe I should stop going on.", "I think I should stop going on",
  "ready to stop going on with life"; not "I should stop going on about it", "stop going on
  reddit", "I don't want to stop going on". A chatter's "I'll stop going on." after an apology
  for a long post or before thanks for reading is read by
  :func:`carelens.analysis.crisis_idioms.chatter_going_on`, which
  :mod:`carelens.analysis.crisis_context` maps to it.
- :data:`GO_ON_GIVEN_UP`: going on or keeping going not wanted, not thought possible or tired
  of: "I don't want to go on anymore", "I don't think I can keep going on", "I'm tired of going
  on", "maybe I shouldn't keep going on", "there's no reason for me to keep going"; "like this"
  only where the clause ends after it ("I can't keep going on like this.", not "... like this
  with my landlord", a matter named).
- :data:`GIVE_UP_ON_LIFE`: "I give up on life", "I've given up on living", "... on life at
  this point"; not a way of life given up ("gave up on life in the city", "on my life goals").
- :data:`DONE_WITH_LIFE`: "im done with life"; not "done with life admin".
- :data:`POINT_OF_GOING_ON`: "idk what the point of going on is anymore"; not of an outing.
- :data:`POINT_IN_LIVING`: "I don't really see a point in living", "living is so pointless";
  not "no point in living in london", "living is pointless without coffee".
- :data:`STILL_ALIVE`: "I wake up disappointed that I'm still alive"; not "still here at work".
- :data:`LIKE_THIS_MATTER`: what sets "I can't go on" (of
  :data:`~carelens.analysis.crisis_patterns.PATTERNS`) aside where "like this" names an everyday
  matter of the writer's outer life, a complaint ("I can't go on like this with my landlord",
  "... with this job", "... at work"); not their inner life nor the people closest to them
  ("... with the voices telling me to die", "... with my depression", "... with my husband").
  Despair elsewhere in the message keeps the matter a cue (:data:`DESPAIR_BESIDE`: "I can't go
  on like this at school ... and i dont see the point anymore"); the check that reads both
  is :mod:`carelens.analysis.crisis_context`'s, for :data:`CANT_GO_ON`.

This module only states the patterns.
"""

from __future__ import annotations

# Where the clause ends: sentence punctuation, a comma, a closing bracket, the text's end.
_END = r"\s*(?:[.,;!?\n)]|$)"
_CHAT_WORDS = r"lol|tbh|idk|honestly|ngl|tho|though|fr|rn"
#: Going on living given up: "maybe I should stop going on.", "I just want to stop going on",
#: "ready to stop going on with life", "(I think) I should stop going on", "... at this point";
#: not of going on about something or on a site, nor a chatter's "I'll stop going on now" ("I
#: should stop going on about it", "stop going on reddit", "I don't want to stop going on").
STOP_GOING_ON = (
    # the first letters of its words before the look-behinds: the one alternation stays quick
    r"\b(?=[gmnprstw])(?<!n't\s)(?<!nt\s)(?<!not\s)(?:maybe\s+i\s+(?:should|could|will|might)"
    r"|(?:want|wanted|need|ready|going|planning|tempted)\s+to|wanna|gonna|wish\s+i\s+could"
    r"|(?<=\bi\s)should|should\s+just)\s+(?:(?:just"
    rf"|really|finally|probably|honestly)\s+)?stop\s+going\s+on\b(?={_END}|\s+(?:anymore"
    r"|any\s+more|living|existing|with\s+(?:life|living|it\s+all|this\s+life|everything)|like\s+this"
    rf"|at\s+this\s+point|tonight|{_CHAT_WORDS})\b)"
)
# After going on given up: the clause's end, or words of living or of time given up, or "like
# this" where the clause ends after it; not an outing, a topic or a named matter ("the trip",
# "about it", "dates", "walks", "like this with my landlord", "to the gym").
_GIVEN_UP_AFTER = (
    rf"(?={_END}|\s+(?:(?:anymore|any\s*more|any\s+longer|(?:for\s+)?much\s+longer|living|existing"
    rf"|alive|with\s+(?:(?:my|this)\s+)?(?:life|living)|in\s+this\s+(?:life|world)|at\s+this\s+point"
    rf"|{_CHAT_WORDS})\b|with\s+(?:it\s+all|everything|this){_END}|like\s+this(?:{_END}|\s+(?:anymore"
    rf"|any\s*more|any\s+longer|{_CHAT_WORDS})\b)))"
)
#: Going on, or keeping going, not wanted, not thought possible, tired of or of no reason:
#: "I don't want to go on anymore", "I don't think I can keep going on", "I'm tired of going
#: on", "maybe I shouldn't keep going on", "I can't keep going on anymore", "there's no reason
#: for me to keep going", "how can I go on?", before :data:`_GIVEN_UP_AFTER`.
GO_ON_GIVEN_UP = (
    # the heads grouped by their first letters: the one alternation of all patterns stays quick
    r"\b(?:d(?:o(?:n'?t|nt|\s+not|esn'?t|esnt))\s+(?:(?:think|know\s+(?:if|how))\s+i\s+(?:can|could"
    r"|should|will|want\s+to)|(?:(?:really|even|just|fucking|honestly)\s+)?(?:want|wanna|wish)"
    r"(?:\s+to)?)|n(?:o\s+longer\s+(?:(?:really|even|just|fucking|honestly)\s+)?(?:want|wanna|wish)"
    r"(?:\s+to)?|ever\s+(?:(?:really|even|just|fucking|honestly)\s+)?(?:want|wanna|wish)(?:\s+to)?"
    r"|ot\s+(?:able\s+to|sure\s+(?:if\s+|that\s+)?i\s+(?:can|could|want\s+to))|o\s+(?:reason|point"
    r"|use)\s+(?:for\s+me\s+)?(?:to|in))|c(?:an'?t|ant|annot|an\s+not|ouldn'?t|ouldnt)"
    r"|should(?:n'?t|nt)|won'?t\s+be\s+able\s+to|unable\s+to|(?:tired|sick|exhausted)\s+of"
    r"|how\s+(?:can|do|am|could)\s+i(?:\s+supposed\s+to)?)\s+(?:(?:just|really|even|possibly)\s+)?"
    rf"(?:keep(?:ing)?\s+go(?:ing)?(?:\s+on)?|go(?:ing)?\s+on)\b{_GIVEN_UP_AFTER}"
)
#: Life given up on: "I give up on life", "I've given up on living", "gave up on myself and on
#: life"; not a way of life ("gave up on life in the city", "on life as a musician", "on my
#: life goals").
GIVE_UP_ON_LIFE = (
    r"\b(?:give|gives|gave|given|giving)\s+up\s+on\s+(?:(?:myself|everything|everyone)\s+(?:and"
    r"|&)\s+(?:on\s+)?)?(?:(?:my|this)\s+)?(?:life|living|being\s+alive|existing|staying\s+alive)\b"
    r"(?!\s+(?:as|in|at(?!\s+this\s+point\b)|of|on|savings?|insurance|goals?|plans?|coach\w*|lessons?|skills?|story"
    r"|stories|outside|here|there|abroad|back|style|choices)\b)"
)
#: Life done with: "im done with life", "I'm so done with living at this point"; not a matter of
#: life named after it ("done with life admin", "done with life insurance calls"), before
#: :data:`_GIVEN_UP_AFTER`.
DONE_WITH_LIFE = (
    r"\b(?:i'?m|im|i\s+am|am|so|just)\s+(?:(?:so|just|really|honestly|completely|totally|kinda"
    r"|pretty\s+much|officially)\s+){0,2}done\s+with\s+(?:(?:my|this)\s+)?(?:life|living"
    rf"|being\s+alive|existing)\b{_GIVEN_UP_AFTER}"
)
#: The point of going on asked without "'s", as chat writes it: "idk what the point of going on
#: is anymore", "not sure what the point of living is"; not of an outing ("what the point of
#: going on the trip is").
POINT_OF_GOING_ON = (
    r"\bwhat\s+the\s+point\s+(?:of|in)\s+(?:liv(?:e|ing)|being\s+alive|existing|going\s+on"
    rf"|carrying\s+on)\b(?:(?=\s+is\b)|{_GIVEN_UP_AFTER})"
)
#: The point of living not seen: "I don't really see a point in living if my life is like this",
#: "I can't see the point of carrying on", "is there any point in living"; "living is so
#: pointless", "my life feels meaningless"; not a way or a place of living ("no point in living
#: in london", "living healthy"), an outing ("the point of going on the trip") nor a life
#: without some treat ("living is pointless without coffee").
_LIVING_NOT_A_WAY = (
    r"(?!\s+(?:in|at|with|near|abroad|alone|together|here|there|on\s+(?:my|your|a|the|this)|off"
    r"|like\s+(?:a|an|that|royalty|kings?)|healthy|frugal\w*|sustainabl\w*|without|the|a|an|about"
    r"|holidays?|tours?|trips?|dates?|social|this\s+(?:course|trip|diet|job|project))\b)"
)
POINT_IN_LIVING = (
    r"\b(?:(?:don'?t|dont|do\s+not|can'?t|cant|cannot|fail\s+to|never)\s+(?:really\s+|even\s+"
    r"|honestly\s+)?see|is\s+there\s+(?:a|any|even\s+a))\s+(?:a\s+|any\s+|the\s+|much\s+)?point\s+(?:in|of|to)\s+(?:liv(?:e|ing)|being\s+alive"
    rf"|existing|going\s+on|carrying\s+on|staying\s+alive|life)\b{_LIVING_NOT_A_WAY}",
    r"\b(?:living|existing|being\s+alive|my\s+(?:life|existence))\s+(?:is|feels|seems)\s+(?:so\s+"
    r"|just\s+|completely\s+|utterly\s+|totally\s+|kind\s+of\s+|kinda\s+)?(?:pointless"
    r"|meaningless)\b(?!\s+without\b)",
)
#: Being alive regretted: "every morning I wake up disappointed that I'm still alive", "upset
#: I'm still here"; not "still here at work".
STILL_ALIVE = (
    r"\b(?:disappointed|disappointment|upset|sad|annoyed|angry|pissed|mad|hate|hating)\s+(?:that\s+"
    r")?(?:i'?m|im|i\s+am|i\s+was|i'?ve\s+survived)\s+(?:still\s+)?(?:alive|breathing|here"
    r"(?!\s+(?:at|in|on|with|for|after|until|till)\b))\b"
)
#: After "can't go on": "like this" and an everyday matter of the writer's outer life, a
#: complaint ("like this with my landlord", "like this with this stupid job", "like this at
#: work"); not their inner life, their health nor the people closest to them ("like this with
#: the voices telling me to die", "with my depression", "with my husband"), which stay a cue.
LIKE_THIS_MATTER = (
    r"\s+like\s+(?:this|that)\s+(?:with|at|in)\s+(?:(?:my|this|the|our|these|those|that|his|her"
    r"|their|a|an|all\s+(?:my|this|these|the))\s+)?(?:[\w'-]+\s+)?(?:landlords?|landlady|neighbou?rs?"
    r"|roommates?|flatmates?|housemates?|jobs?|work|boss|bosses|managers?|supervisors?|coworkers?"
    r"|co-workers?|colleagues?|company|team|clients?|customers?|school|college|uni|class|classes"
    r"|teachers?|professors?|homework|assignments?|exams?|studies|projects?|thesis|schedule"
    r"|hours|shifts?|commute|car|rent|bills|internet|wifi|phone|laptop|computer|house|apartment"
    r"|flat|noise|renovations?|contractors?|traffic|weather|diet|office|group\s+chat|hoa)\b"
)
#: "I can't go on" (of :data:`~carelens.analysis.crisis_patterns.PATTERNS`); not an outing
#: ("can't go on the trip", "... a date", "... social media"). Where :data:`LIKE_THIS_MATTER`
#: follows, a cue only with despair beside it (:data:`DESPAIR_BESIDE`, read by
#: :mod:`carelens.analysis.crisis_context`).
CANT_GO_ON = (
    r"\bcan'?t\s+go\s+on\b(?!\s+(?:the|a|an|my|our|his|her|their|stage|air|tour|holidays?|"
    r"vacations?|trips?|dates?|leave|break|camp|line|online|social\s+media)\b)"
)
#: Despair beside "can't go on like this with my job": "i dont see the point anymore", "i'd
#: rather not be here at all", "i just want to disappear", "i want everything to stop", "nobody
#: would miss me", words of dying, ending it or giving up; it keeps the everyday matter a cue.
DESPAIR_BESIDE = (
    r"\b(?:(?:see|no|what'?s|whats|the)\s+(?:[\w'-]+\s+)?point|rather\s+(?:not\s+be|be\s+dead"
    r"|die|not\s+exist|not\s+wake)|disappear\w*|vanish|(?:not|never)\s+(?:be\s+)?(?:here|around"
    r"|alive|wake)|(?:everything|it\s+all|it|the\s+pain|this)\s+to\s+(?:stop|end)|want\s+out"
    r"|die|dying|dead|death|kill\s+(?:myself|me)|suicid\w*|end\s+(?:it|my\s+life|everything"
    r"|things)|better\s+off|miss\s+me|(?:if|when)\s+i(?:'?m|\s+was|\s+were)\s+gone|nothing\s+left"
    r"|hopeless\w*|give\s+up|giving\s+up|gave\s+up|no\s+way\s+out|can'?t\s+(?:take|do\s+this"
    r"|handle|cope)|sleep\s+forever|worthless|burden|(?:tired|sick)\s+of\s+(?:living|life"
    r"|everything|being\s+alive|existing)|done\s+with\s+(?:life|everything|it\s+all)"
    r"|(?:don'?t|dont)\s+(?:want|wanna)\s+(?:to\s+)?(?:live|exist|be\s+here|wake))\b"
)
#: The patterns of this module, in the order they join the ``suicide`` ones.
GIVING_UP = (
    STOP_GOING_ON,
    GO_ON_GIVEN_UP,
    GIVE_UP_ON_LIFE,
    DONE_WITH_LIFE,
    POINT_OF_GOING_ON,
    *POINT_IN_LIVING,
    STILL_ALIVE,
)
