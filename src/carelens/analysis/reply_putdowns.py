"""Put-downs in a helper's reply: blame, name-calling, scornful questions, brush-offs and
help with strings attached, in words the codebook's phrases and
:mod:`carelens.analysis.reply_contempt` do not hold.

The codebook counts as dismissal whatever judges, blames or mocks the seeker, as well as the
phrases that minimise what they told. Beside the phrases it names ("get over it", "what did
you expect"), helpers put people down in other recurring kinds of wording:

- blame and a verdict on them: "you're (kind of) doing this to yourself", "you did it to
  yourself", "if you can't hack it",
  "you deserve whatever he says", "if you can't control yourself", "if you were more
  organised you wouldn't feel like this", "that's so irresponsible", "honestly that's
  pathetic", "you just need more discipline", "you're old enough to pick a side";
- a judging order: "stop being lazy", "stop making excuses", "just stop dwelling on it",
  "quit the pity party", "get your temper under control", "grow up", "pull yourself
  together", "get on with life", "don't make it your whole identity";
- minimising: "it's not a big deal (these days).", "not worth making a big deal about", "not
  worth stressing over", "it's not complicated.", "welcome to adulthood", and a clause that is
  a brush-off alone ("Big deal.",
  "Cool story.", "So what?", "ok and?", "same lol. anyway", a closing sentence "anyway");
- a scornful or guilt-tripping question: "how many times is this now?", "what did you think
  it would be, a spa weekend?", "are you seriously asking for sympathy?", "how can you not be
  happy?", "do you know how many people would give anything for that?", "how did you even let
  it get to 12k?", "didn't you notice it climbing?"; mockery of their distress: "however
  will you survive", "how will u ever survive", "you really do collect these", "you're
  always attracting drama";
- help or an ear on condition of a change they did not ask for: "I can help you once you
  stop making everything about your anxiety", "I'll listen, as long as it's not the
  depression stuff again", "if you promise to finally listen to me".

Near misses are left alone by the patterns themselves: comfort about self-criticism ("stop
being so hard on yourself", "stop making excuses for him"), outrage at someone else
("that's pathetic of him"), encouragement about a step ("it's not a big deal to ask for
help"), a kind question ("how could you not be hurt?", "how many times has this happened?"),
"welcome to the club" and "who cares what they think". :mod:`carelens.analysis.rules` reads
:func:`putdown_spans` as it reads the codebook's phrases (raising ``dismissive`` to 1, and not
where a negation, someone else's demand or quotation marks come before them: "you didn't do
this to yourself", "'just stop dwelling on it' is the worst advice"). They are not read as
blaming questions for the ``exploration`` score, which stays EPITOME's. Brush-offs and blame
in more wordings are read beside them (:mod:`carelens.analysis.reply_brushoffs`,
:mod:`carelens.analysis.reply_blame`).
"""

from __future__ import annotations

import re

from carelens.analysis.reply_spans import gated_spans

#: Where a clause starts: the reply's start or after a mark that ends one.
_START = r"(?:^|(?<=[.!?,;:\n]))\s*"
#: Where a clause ends: a mark, the reply's end, or a casual tag before one.
_END = (
    r"(?=\s*(?:lol|lmao|tbh|though|tho|honestly|these\s+days|nowadays|anymore|at\s+all)?\s*"
    r"(?:[.!?,;:\n]|$))"
)
#: The rest of a clause, up to its mark ("once you stop making everything about your anxiety").
_REST = r"[^.!?\n,;]*"
#: Not a verdict on someone else ("that's really weak of your manager"; "of you" is one).
_NOT_OF_OTHERS = r"\b(?!\s+(?:of|for)\s+(?!(?:you|u|yourself)\b)\w)"
#: Where an order is said to the seeker: a clause's start, "just", or "you need to".
_TO_YOU = (
    r"(?:" + _START + r"|\b(?:just|you|u)\s+|\b(?:you|u)\s+(?:just\s+|really\s+)?(?:need\s+to"
    r"|have\s+to|gotta|should|must|better)\s+)(?:just\s+)?"
)
#: Adverbs that may come between a subject and a verdict ("that's honestly so pathetic").
_SO = r"(?:(?:so|kinda|kind\s+of|honestly|just|pretty|really|a\s+bit|frankly|totally|actually)\s+)*"
#: A verdict on the seeker or on what they did.
_VERDICT = r"(?:pathetic|irresponsible|childish|immature|lazy|selfish|spoiled|spoilt|entitled|weak)"
_PUTDOWNS = (
    # blame: "you're doing this to yourself", "you did it to yourself", "you're kind of doing
    # this to yourself"
    r"\b(?:you(?:'re|\s+are)\s+(?:(?:kind\s+of|kinda|sort\s+of|basically|honestly|really"
    r"|partly|just|a\s+bit|probably)\s+)*doing|you\s+did|you've\s+done|you\s+have\s+done)\s+"
    r"(?:this|it|that|all\s+(?:of\s+)?this)\s+to\s+yourself\b",
    # "you deserve whatever your partner says", "you get what you deserve"
    r"\byou\s+deserve\s+whatever\b|\byou\s+(?:get|got)\s+what\s+you\s+deserved?\b",
    # a verdict: "that's so irresponsible", "Honestly that's pathetic", "you're being lazy",
    # not at someone else ("that's pathetic of him")
    r"\b(?:that|it|this|you)(?:'s|'re|\s+is|\s+are|\s+was|\s+were)\s+(?:being\s+)?"
    + _SO
    + _VERDICT
    + _NOT_OF_OTHERS,
    r"\b(?:thats|its|ur)\s+" + _SO + _VERDICT + _NOT_OF_OTHERS,
    # "two weeks of staring at your phone is kinda pathetic": a verdict on what they do
    _START + r"[^.!?\n,;:]{0,40}?\b\w+ing\b[^.!?\n,;:]{0,40}?\b(?:is|are)\s+" + _SO + r"pathetic\b",
    # conditions that blame: "if you can't control yourself", "if you were more organised
    # you wouldn't feel like this"
    r"\bif\s+you\s+(?:can't|cannot|can\s+not)\s+(?:control|handle|manage)\s+yourself\b",
    r"\bif\s+you\s+(?:were|had\s+been|tried|worked|planned|just\s+\w+)\s+(?:a\s+(?:bit|little|lot)\s+)?"
    r"(?:more|less|harder|better)\b[^.!?\n]{0,40}?\byou\s+(?:wouldn't|would\s+not|wouldnt)\b",
    r"\byou\s+(?:just\s+|really\s+|simply\s+)?(?:need|lack|have\s+no)\s+(?:more\s+|some\s+|any\s+)?"
    r"(?:discipline|willpower|self[-\s]control)\b",
    r"\byou(?:'re|\s+are)\s+old\s+enough\s+to\s+(?:know\s+better|stop|pick|deal|handle|get\s+over)\b",
    # a judging order: "stop being lazy", "stop making excuses", "just stop dwelling on it"
    r"\b(?:just\s+)?(?:stop|quit)\s+(?:being\s+(?:so\s+)?(?:lazy|selfish|immature|childish|pathetic|weak)"
    r"|making\s+excuses(?!\s+for\s+(?:him|her|them|people|others))|dwelling\b(?!\s+on\s+(?:what\s+)?"
    r"(?:he|she|they|his|her|their))|moping|sulking|wallowing|feeling\s+so\s+sorry"
    r"|hiding\s+in\s+your\s+room)\b",
    r"\b(?:quit|stop|end|cut|enough\s+(?:with|of))\s+(?:the|your|this|that)\s+pity\s+party\b",
    r"\bget\s+your\s+(?:temper|emotions|act|shit|life)\s+(?:under\s+control|together)\b",
    r"\bpull\s+yourself\s+together\b",
    # said to them, not of the helper's own past ("I told myself to suck it up")
    _TO_YOU + r"(?:grow\s+up|suck\s+it\s+up|get\s+a\s+grip)\b(?!\s+(?:of|on)\b)",
    r"\bget\s+on\s+with\s+(?:your\s+)?life\b(?!\s+(?:at|when|in|once)\b)|\bmove\s+on\s+already\b",
    r"\bdon't\s+make\s+(?:it|this|that)\s+your\s+(?:whole|entire)\s+(?:identity|personality|life"
    r"|thing)\b",
    # minimising: "it's not a big deal.", "not worth making a big deal about"
    r"\b(?:it|that|this)(?:'s|\s+is)\s+(?:(?:really|honestly|just|seriously)\s+)?not\s+(?:a|such\s+a)"
    r"\s+big\s+deal" + _END,
    r"\bnot\s+worth\s+(?:making\s+a\s+(?:big\s+)?deal|getting\s+(?:upset|worked\s+up)|stressing"
    r"|crying|the\s+(?:stress|tears|drama))\b",
    r"\b(?:it|that|this)(?:'s|\s+is)\s+(?:(?:really|honestly|just|seriously)\s+)?not\s+"
    r"(?:complicated|hard|difficult)" + _END,
    r"\b(?:lol|lmao|haha|tbh)\s+(?:it|that)(?:'s|\s+is)\s+(?:really\s+)?not\s+(?:that|so)\s+"
    r"(?:hard|difficult|complicated)\b",
    r"\bwelcome\s+to\s+(?:adulthood|adult\s+life|the\s+real\s+world|real\s+life)\b",
    # a brush-off as a whole clause: "Big deal.", "Cool story.", "So what?", "ok and?"
    _START
    + r"(?:big\s+deal|cool\s+story(?:\s+(?:bro|dude))?|so\s+what|who\s+cares|and\s*\?)"
    + r"(?=\s*(?:[.!?,;:\n]|$))",
    _START + r"(?:ok(?:ay)?|k|cool|right)[,.]?\s+and\s*\?",
    r"\b(?:lol|lmao|haha)[.!,]*\s+anyways?\W*$",
    # "anyway" closing the reply as a clause of its own ("wow, how romantic. anyway")
    r"(?<=[.!?])\s*anyways?[.!\s]*$",
    # a scornful or guilt-tripping question
    r"\bhow\s+many\s+times\s+(?:is\s+(?:this|that)(?:\s+now)?|now|are\s+you\s+(?:going|gonna)"
    r"|do\s+(?:I|we)\s+have\s+to)\b" + _REST,
    r"\bwhat\s+did\s+you\s+think\s+(?:it|this|that|they|he|she)\s+(?:would|was\s+going\s+to|were"
    r"\s+going\s+to)\s+(?:be|happen|do)\b|\bwhat\s+did\s+you\s+think\s+was\s+going\s+to\s+happen\b",
    r"\bare\s+you\s+(?:seriously|really|honestly|actually)\s+(?:asking|complaining|whining|crying"
    r"|surprised|upset\s+about\s+this)\b" + _REST,
    r"\bhow\s+(?:can|could)\s+you\s+(?:possibly\s+)?not\s+be\s+(?:happy|grateful|thankful|excited"
    r"|glad|over\s+it)\b",
    r"\bdo\s+you\s+(?:even\s+)?(?:know|realize|realise)\s+how\s+(?:many\s+people\s+(?:would|could"
    r"|have\s+it|are\s+worse|wish)|lucky\s+you"
    r"|good\s+you\s+have\s+it)\b|\byou\s+should\s+(?:just\s+)?be\s+grateful\b",
    r"\bhow\s+(?:did|could)\s+you\s+(?:even\s+|ever\s+)?let\s+(?:it|this|that|things)\s+get\b"
    + _REST,
    r"\bdidn't\s+you\s+(?:even\s+)?(?:notice|see\s+(?:it|this|that)\s+coming|realize|realise)\b"
    + _REST,
    # mockery of their distress: "however will you survive", "you really do collect these"
    r"\bhowever\s+will\s+you\s+(?:survive|cope|go\s+on|manage)\b|\bhow\s+will\s+(?:you|u)\s+ever\s+"
    r"(?:survive|cope|go\s+on|manage)\b",
    # "if you can't hack it", "if you can't take the heat"
    r"\bif\s+(?:you|u)\s+can(?:'t|not|t)\s+(?:hack\s+it|take\s+the\s+heat|stand\s+the\s+heat)\b"
    + _REST,
    r"\byou(?:'re|\s+are)?\s+(?:really\s+|sure\s+|do\s+|always\s+)*(?:collect|attract)(?:s|ing)?"
    r"\s+(?:these|them|those"
    r"|drama|disasters|crises)\b",
    # strings attached: "once you stop making everything about", "as long as it's not the
    # depression stuff", "if you promise to finally listen to me"
    r"\bonce\s+you\s+stop\s+(?:making|being|whining|complaining|acting)\b(?!\s+(?:so\s+)?hard\s+on)"
    + _REST,
    r"\bas\s+long\s+as\s+(?:it's|its|it\s+is)\s+not\s+(?:the|about|more|another)\b" + _REST,
    r"\bif\s+you\s+(?:promise|agree)\s+to\s+(?:finally|actually)\b" + _REST,
)
_PATTERNS = [re.compile(p, re.IGNORECASE) for p in _PUTDOWNS]
#: Words one of the patterns needs: a reply with none is read no further (most replies).
_GATE = re.compile(
    r"yourself|deserve|pathetic|irresponsible|childish|immature|lazy|selfish|spoil|entitled"
    r"|weak|discipline|willpower|control|old enough|stop|quit|pity|get |grip|together|suck"
    r"|grow|move on|whole|entire|big deal|complicated|hard|difficult|rocket|welcome|cool"
    r"|so what|who cares|and\s*\?|anyway|how many|think|seriously|really|honestly|actually"
    r"|how can|how could|how did|know how|realize|realise|grateful|didn't you|will you|will u"
    r"|hack|heat"
    r"|collect|attract|once you|as long as|promise|agree|worth",
)


def putdown_spans(response: str) -> list[tuple[int, int]]:
    """Start and end of each put-down in ``response`` (:data:`_PUTDOWNS`), leading white
    space left out and trailing white space kept (a put-down ending in :data:`_REST` or
    "anyway" may end in some: "How many times is that now ?"), in order
    (:func:`carelens.analysis.reply_spans.gated_spans`); the caller reads negation and
    quotation before them."""
    return gated_spans(response, _GATE, _PATTERNS, keep_end_space=True)
