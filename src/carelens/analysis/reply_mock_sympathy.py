"""Sympathy mocked: grief, alarm, condolence or charity overplayed for a small trouble, so
that the reply makes fun of it.

"Wow, poor you, having a job. My heart bleeds.", "Oh no, zero likes, such tragedy.",
"that's never happened to anyone before", "truly a dark day for the internet": the words of
sympathy are there, but blown up past anything the trouble could call for, which the codebook
counts as mockery (dismissal), not sympathy. :func:`mock_sympathy` finds such wording for
:func:`carelens.analysis.reply_sarcasm.sarcasm`. Some wording is mockery on its own
(:data:`_MOCK`); some may be meant ("should we start a fundraiser?", "I'll light a candle for
the shoes", a lone "Truly." after a remark) and counts only beside a second such overplay
(:data:`_OVERPLAY`): "Aww a cold, somebody call an ambulance. Should we start a fundraiser?",
"How will you ever survive. Someone start a GoFundMe.".
Given the seeker's message, three kinds count alone too:

- a mock alarm (:data:`_ALARM`: "someone call an ambulance", "quick, call the police",
  "alert the UN") where the message tells of no danger (:data:`_DANGER`: "my friend
  collapsed", "someone broke in") and the reply urges nothing, takes the joke back or means
  sorrow beside it (:data:`_SINCERE`);
- a mock condolence (:data:`_CONDOLENCE`: "So sorry for the loss of your night out", "my
  condolences to your social life") for no one and nothing of weight (:data:`_WEIGHTY`: not
  "sorry for the loss of your mum", "my condolences to your family"), to a message that
  tells no death (:data:`_DEATH`);
- feigned grief after an overblown question or a mock imagining (:data:`_SCORN` after
  :data:`_BLOWN_UP`: "A whole year and nobody mentioned it? Tragic.", "Two whole hours? The
  suffering.", "a month without ur phone?? how will u ever survive", "Imagine having a job and
  not getting a promotion. Tragic."), where the reply is sorry for nothing (:data:`_SINCERE`:
  not "... That's heartbreaking, I'm so sorry").

A mock honour ("a whole year and nobody threw him a memorial parade?") is mockery on its own.
Sincere wording is left alone: "my heart bleeds for you and your family", "what a tragedy, I'm
so sorry", "I'll light a candle for your mum", "please call an ambulance now", "call the
doctor if the pain gets worse", "I'm so sorry for your loss", "I'll start a fundraiser for
you".
"""

from __future__ import annotations

import re

#: Overplayed sympathy that mocks on its own: "my heart bleeds." (not "... for you"), "such
#: tragedy" (no article, as a clause of its own: not "spare them such tragedy"), "that's
#: never happened to anyone before", "poor you, having a job", "a dark day for the
#: internet", "alert the media", "stop the presses", and an honour nobody gave, asked ("a
#: whole year and nobody threw him a memorial parade?", "no one built you a statue?").
_MOCK = re.compile(
    r"\bmy\s+heart\s+(?:bleeds|is\s+bleeding)(?=\s*(?:[.!]|$))"
    r"|(?:^|(?<=[.!?,;:\n]))\s*(?:oh\s+)?such\s+tragedy(?=\s*(?:[.!,]|$))"
    r"|\b(?:that's|that\s+has|that\s+is|this\s+has)\s+never\s+happened\s+to\s+(?:anyone|anybody)"
    r"\s+(?:before|ever)\b"
    r"|\bpoor\s+(?:you|u|thing|baby),?\s+having\s+(?:a|an|to)\b[^.!?\n]*"
    r"|\b(?:truly\s+|what\s+)?a\s+(?:dark|sad|black)\s+day\s+for\s+(?:the\s+internet|humanity"
    r"|mankind|civili[sz]ation|the\s+world)\b"
    r"|\b(?:somebody|someone)\s+alert\s+the\s+(?:media|press)\b|\bstop\s+the\s+presses\b"
    r"|\b(?:nobody|no\s+one|noone|not\s+one\s+person)\s+(?:\w+\s+){0,3}?(?:threw|held|organi[sz]ed"
    r"|built|erected|declared|gave|put\s+on|planned|made|named)\s+[^.!?\n]{0,40}?\b(?:parade"
    r"|statue|monument|national\s+holiday|(?:national\s+)?day\s+of\s+mourning|ticker[\s-]?tape"
    r"|gun\s+salute|state\s+funeral)\b[^.!?\n]*\?",
    re.IGNORECASE,
)
#: Overplay that may be meant alone and mocks beside a second one: "somebody call an
#: ambulance" (alone, see :data:`_ALARM`), "should we start a fundraiser?", "I'll light a
#: candle for the shoes", a lone "Truly." or "Really." after a remark, "sorry for your loss,
#: truly", "let's declare a day of mourning".
_OVERPLAY = re.compile(
    r"\b(?:somebody|someone)\s+call\s+(?:an\s+ambulance|the\s+(?:police|fire\s+department))\b"
    r"|\b(?:should\s+we|let's|I'll|we\s+should)\s+(?:start|organi[sz]e|set\s+up)\s+(?:a\s+)?"
    r"(?:fundraiser|gofundme|go\s+fund\s+me|vigil|support\s+group|charity)\b"
    r"|\b(?:should\s+we|let's|I'll|we\s+should)\s+(?:declare|hold|observe)\s+(?:a\s+)?"
    r"(?:national\s+)?(?:day|week|minute)\s+of\s+(?:mourning|silence)\b"
    r"|\blight\s+a\s+candle\s+for\s+the\b"
    r"|\b(?:somebody|someone)\s+(?:start|organi[sz]e|set\s+up)\s+(?:a\s+)?(?:fundraiser|gofundme"
    r"|go\s+fund\s+me|vigil|support\s+group|charity)\b"
    r"|\bhow(?:ever)?\s+will\s+(?:you|u)\s+(?:ever\s+)?(?:survive|cope|go\s+on)\b"
    r"|(?<=[.!])\s*(?:truly|really)\s*[.!]"
    r"|\b(?:condolences|sorry\s+for\s+your\s+loss),\s*(?:truly|really)\b",
    re.IGNORECASE,
)
#: Words that make an alarm sincere: a call to act now ("please call an ambulance now").
_URGENT = re.compile(r"\b(?:please|now|right\s+away|immediately|911|999|112|urgent)\b", re.I)
#: A mock alarm over what they told: someone to call help ("someone call an ambulance",
#: "quick, call the police", "somebody ring the fire brigade"), or help no trouble of one
#: person calls ("alert the UN", "call the national guard", "notify the press"); not advice
#: to them ("call the doctor if the pain gets worse", "you could call the police").
_ALARM = re.compile(
    r"(?:^|(?<=[.!?,;:\n]))\s*(?:(?:oh|wow|omg|ok|okay)[\s,!]+)*(?:(?:somebody|someone|everybody"
    r"|everyone|quick(?:ly)?)[\s,!]+)+(?:call|ring|phone|dial|get|fetch|alert|notify|summon)\s+"
    r"(?:an?\s+ambulance"
    r"|the\s+(?:ambulance|paramedics|police|cops|fire\s+(?:department|brigade|service)"
    r"|coast\s*guard|authorities)|9-?1-?1|999|112)\b"
    r"|\b(?:call|ring|alert|notify|summon|call\s+in|send\s+in)\s+the\s+(?:national\s+guard|army"
    r"|marines|fbi|cia|un|united\s+nations|pope|president|prime\s+minister|media|press|news"
    r"|newspapers|bbc|cnn)\b"
    r"|\bsound\s+the\s+alarms?\b|\bthis\s+is\s+a\s+national\s+(?:emergency|crisis|tragedy)\b",
    re.IGNORECASE,
)
#: A joke taken back after it ("someone call an ambulance 😭 jk, that really stings").
_TAKEN_BACK = re.compile(
    r"\b(?:jk|j/k|just\s+kidding|kidding|joking\s+aside|jokes?\s+aside"
    r"|(?:but|ok|okay)\s+seriously|seriously\s+though|in\s+all\s+seriousness|for\s+real\s+though)\b",
    re.IGNORECASE,
)
#: Danger the seeker's message tells, to which an alarm may be meant ("my friend collapsed",
#: "someone broke in", "he hit me", "I took all my pills").
_DANGER = re.compile(
    r"\b(?:collaps\w*|passed\s+out|faint\w*|unconscious|not\s+breathing|can['\u2019]?t\s+breathe"
    r"|chest\s+pains?|heart\s+attack|stroke|seizure\w*|bleed\w*|blood|overdos\w*|od['\u2019]?d"
    r"|pills|poison\w*|fire|smoke|broke\s+in(?:to)?|break[\s-]?in|intruder|burglar\w*|robbed|mugged"
    r"|stolen|stole|nicked|attack\w*|assault\w*|stab\w*|gun|knife|weapon|threat\w*|stalk\w*"
    r"|follow(?:ing|ed|s)\s+me|hit(?:s|ting)?\s+me|beat\w*|abus\w*|rap(?:e|ed|ing)|kill\w*"
    r"|suicid\w*|die|dying|dead|death|hurt\w*|injur\w*|accident|crash\w*|emergency|ambulance"
    r"|hospital|police|cops|danger\w*|unsafe|scared|afraid|help\s+me|end\s+it|self[\s-]?harm"
    r"|cut(?:ting)?\s+myself)\b",
    re.IGNORECASE,
)
#: A condolence for something the seeker lost: "so sorry for the loss of your night out",
#: "my condolences to your social life", "condolences on the loss of your weekend".
_CONDOLENCE = re.compile(
    r"\bsorry\s+(?:for|about)\s+(?:the|your|ur)\s+loss\s+of\s+(?:your|ur|the)\s+"
    r"(?P<lost>[^.!?,;:\n]+)"
    r"|\bcondolences\s+(?:to|for|on|about)\s+(?:the\s+loss\s+of\s+)?(?:your|ur|the)\s+"
    r"(?P<mourned>[^.!?,;:\n]+)",
    re.IGNORECASE,
)
#: Someone, or something of weight, whose loss a condolence may mean: people and pets
#: ("your mum", "your family", "your goldfish"), and what a life leans on ("your job", "your
#: home", "your pregnancy", "your sight", "your independence").
_WEIGHTY = re.compile(
    r"\b(?:m[ou]m\w*|mother|mama|dad\w*|father|papa|parents?|grand\w*|nan\w*|gran\w*|brother"
    r"|sister|sibling|son|daughter|child\w*|kids?|bab(?:y|ies)|husband|wife|partner|spouse"
    r"|fianc\w*|boyfriend|girlfriend|bf|gf|friend\w*|mate|buddy|pal|bestie|bff|companion|uncle|aunt\w*|cousin|nephew|niece|famil\w*"
    r"|loved\s+ones?|relatives?|colleague|teacher|mentor|neighbou?r|pets?|dog\w*|cat|cats"
    r"|kitten|pupp\w*|horse|bird|rabbit|bunny|hamster|guinea\s+pig|fish|goldfish|pregnancy"
    r"|job|career|business|home|house|flat|apartment|health|sight|vision|hearing|mobility"
    r"|independence|legs?|arms?|hands?|feet|foot|limbs?|breasts?|hair|voice|memory|faith"
    r"|marriage|relationship|savings|livelihood|income|everything)\b"
    # a name ("your Bubbles"), not a day's or a month's ("your Saturday")
    r"|\b(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june"
    r"|july|august|september|october|november|december)(?-i:[A-Z])[a-z]+",
    re.IGNORECASE,
)
#: A death or bereavement the seeker tells, to which a condolence is meant.
_DEATH = re.compile(
    r"\b(?:died|dead|death|passed(?:\s+away|\s+on)?|funeral"
    r"|miscarr\w*|stillb\w*|killed|suicide|put\s+(?:down|to\s+sleep)|grief|grieving|mourn\w*"
    r"|memorial|anniversary|rip\b)",
    re.IGNORECASE,
)
#: A question that blows up the trouble: "a whole year and nobody ...?", "two whole hours?",
#: "an entire afternoon without wifi?", "a month without ur phone??"; or a sentence that bids
#: them imagine it ("Imagine having a job and not getting a promotion.").
_BLOWN_UP = re.compile(
    r"\b(?:(?:a|an|one|two|three|four|five|six|\d+)\s+(?:whole|entire|full)|(?:whole|entire)\s+"
    r"(?:\d+|one|two|three|four|five|six))\s+[^.!?\n]*\?"
    # "a month without ur phone??"
    r"|\b(?:a|an|one|two|three|\d+)\s+(?:day|days|week|weeks|month|months|hour|hours|night"
    r"|nights|weekend|evening)\s+without\s+(?:your|ur|the|a|any)\s+[^.!?\n]*\?+"
    # "Imagine having a job and not getting a promotion."
    r"|(?:^|(?<=[.!?,;:\n]))\s*(?:(?:just|like|i\s+mean)\s+)?imagine\s+(?:having|being|getting"
    r"|not|losing|needing|missing|owning|living|going)\b[^.!?\n]*[.!?]+",
    re.IGNORECASE,
)
#: Grief feigned in a few words after such a question: "Tragic.", "How tragic.", "The
#: horror.", "The suffering.", "Devastating.", "how will u ever survive".
_SCORN = re.compile(
    r"\s*(?:(?:oh|wow|gosh|gee)[\s,]+)?(?:(?:(?:how|so|truly|very|just)\s+)?(?:tragic|devastating"
    r"|heartbreaking|harrowing)|(?:the|what\s+a|such\s+a)\s+(?:horror|humanity|suffering|agony"
    r"|tragedy|injustice|travesty)(?:\s+of\s+it(?:\s+all)?)?"
    r"|how(?:ever)?\s+will\s+(?:you|u)\s+(?:ever\s+)?(?:survive|cope|go\s+on))(?:\s*(?:lol|smh|/s))?"
    r"(?=\s*(?:[.!,]|$))",
    re.IGNORECASE,
)
#: Sorrow meant in the reply, or their side taken, which makes a few words of grief or an
#: alarm no mockery ("That's tragic, I'm so sorry", "someone call the police, that's theft");
#: a condolence for nothing of weight is no such sorrow.
_SINCERE = re.compile(
    r"\b(?:sorry(?!\s+(?:for|about)\s+(?:the|your|ur)\s+loss\s+of)|condolences|hugs?"
    r"|thinking\s+of\s+(?:you|him|her)|here\s+for\s+you|must\s+(?:be|feel|hurt)|that\s+hurts"
    r"|hurtful|lonely|unfair|sending\s+(?:love|strength)"
    # their side taken in jest ("someone call the police, that's theft")
    r"|(?:that's|that\s+is|this\s+is)\s+(?:a\s+)?(?:crime|criminal|illegal|theft))\b",
    re.IGNORECASE,
)


def mock_sympathy(response: str, seeker: str = "") -> tuple[int, int] | None:
    """Start and end of the first overplayed sympathy in ``response`` that mocks: wording of
    :data:`_MOCK`, a mock alarm, mock condolence or feigned grief as :func:`_mock_alone`
    reads them given the ``seeker``'s message, or the first of two of :data:`_OVERPLAY` in a
    reply that urges nothing (:data:`_URGENT`); None without."""
    text = response.replace("\u2019", "'")
    found = _MOCK.search(text)
    if found is None:
        alone = _mock_alone(text, seeker)
        if alone is not None:
            return alone
        overplays = list(_OVERPLAY.finditer(text))
        if len(overplays) < 2 or _URGENT.search(text):
            return None
        found = overplays[0]
    words = found.group(0)
    start = found.start() + len(words) - len(words.lstrip())
    return start, start + len(words.strip())


def _mock_alone(text: str, seeker: str) -> tuple[int, int] | None:
    """Where ``text`` (a reply) holds a mock alarm (:data:`_ALARM`, to a ``seeker`` who tells
    no danger, in a reply that urges nothing, takes the joke back nor means sorrow or takes
    their side: "someone call the police, that's theft, I'm sorry"), a mock condolence
    (:data:`_CONDOLENCE`, for nothing of weight, to a message that tells no death) or
    feigned grief after an overblown question (:data:`_SCORN` after :data:`_BLOWN_UP`, in a
    reply sorry for nothing); None without."""
    alarm = _ALARM.search(text)
    if (
        alarm is not None
        and _DANGER.search(seeker) is None
        and _URGENT.search(text) is None
        and _TAKEN_BACK.search(text) is None
        and _SINCERE.search(text) is None
    ):
        words = alarm.group(0)
        return alarm.start() + len(words) - len(words.lstrip()), alarm.end()
    if _DEATH.search(seeker) is None:
        for condolence in _CONDOLENCE.finditer(text):
            lost = condolence.group("lost") or condolence.group("mourned")
            if _WEIGHTY.search(lost) is None:
                return condolence.start(), condolence.end()
    if _SINCERE.search(text) is None:
        for question in _BLOWN_UP.finditer(text):
            scorn = _SCORN.match(text, question.end())
            if scorn is not None:
                words = question.group(0)
                return question.start() + len(words) - len(words.lstrip()), scorn.end()
    return None
