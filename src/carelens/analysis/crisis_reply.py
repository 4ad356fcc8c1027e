"""What a reply did about a crisis the seeker told: asked directly about safety or intent,
shared a crisis line, acknowledged a loss, asked how they are coping.

The crisis feedback (:func:`carelens.analysis.crisis_feedback.crisis_sentence`) says what the
reply already did and asks only for the rest. What counts is what the reply did, not a word it
holds: a direct question about safety or intent ("Are you safe right now?", "Do you have a
plan?"; not "Why would you want to die?" or "Do you feel safe posting this here?"; for a loss,
one to the seeker about their own: not "Did you know he was suicidal?": :func:`asks_directly`),
words that acknowledge a loss (:data:`ACKNOWLEDGES_LOSS`: "I'm so sorry for your loss"), a
question of how they cope (:data:`ASKS_HOW_THEY_COPE`), and a line offered or named to contact
("call or text 988", "Call a suicide hotline"; not "Reddit isn't a helpline" or "My sister
worked at a hotline": :func:`shares_a_line`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_whose_words import nearest_told
from carelens.analysis.words import SENTENCE, WORD, plain

#: Who a direct question asks about: the seeker ("you", texted "u") or the person at risk
#: ("he", "your son", "Sarah").
_ASKED = r"(?:(?i:you|u|he|she|they)|(?i:your|his|her|their)\s+[\w'\u2019]+|[A-Z][a-z]+)"
#: What a direct question asks about: safety ("safe", not "safe posting this here") or intent
#: ("killing yourself", "suicidal", "a plan", "want to die", "ending it", "cutting").
_HARM_OR_SAFETY = (
    r"(?:safe(?!\s+(?:post|posting|share|sharing|say|saying|talk|talking|tell|telling|write"
    r"|writing|ask|asking|speak|speaking|here|to\s+(?:post|share|say|talk|tell|write|ask|speak)"
    r")\b)|suicid\w*|kill(?:ing)?\s+(?:your|him|her|them)sel(?:f|ves)|(?:end|take)(?:ing)?\s+"
    r"(?:your|his|her|their)\s+(?:own\s+)?life|end(?:ing)?\s+it(?:\s+all)?|(?:hurt|harm)(?:ing)?"
    r"\s+(?:your|him|her|them)sel(?:f|ves)|self[\s-]*harm\w*|cutting|overdos\w*|a\s+plan"
    r"|(?:want|wanting|wanted|wish|wishing)\s+(?:to\s+)?(?:die|be\s+dead)|(?:think\w*|thought)"
    r"\s+(?:of|about)\s+dying|thoughts?\s+of\s+(?:dying|death))\b"
)
#: A direct question of the reply about harm or safety, within one clause of a sentence that
#: asks ("Are you thinking of killing yourself right now?", "Is he safe tonight?", "Do you
#: have a plan?", "You're not thinking of hurting yourself, are you?"): an auxiliary and whom
#: it asks about, or whom it asks about first in the clause, then the harm or safety words.
_ASKS_ABOUT_HARM = re.compile(
    rf"(?:\b(?i:are|is|am|r|do|does|did|have|has|had|will|would|were|was|could|can)\s+{_ASKED}"
    rf"|^\s*(?i:you|u|you're|youre|you\s+are|he's|she's|they're))\s+(?:[\w'\u2019]+\s+){{0,6}}?"
    rf"(?i:{_HARM_OR_SAFETY})"
)
#: A direct question to the seeker about their own harm or safety ("Are you safe?", "Are you
#: having thoughts of suicide yourself?"), as :data:`_ASKS_ABOUT_HARM` but of "you" alone, with
#: no one else named between ("Did you know he was suicidal?" asks about the one who died).
_ASKS_THEM_ABOUT_HARM = re.compile(
    r"(?:\b(?i:are|am|r|do|did|have|had|will|would|were|could|can)\s+(?i:you|u)"
    r"|^\s*(?i:you|u|you're|youre|you\s+are))\s+(?P<between>(?:[\w'\u2019]+\s+){0,6}?)"
    rf"(?i:{_HARM_OR_SAFETY})"
)
#: The reply acknowledges a loss ("I'm so sorry for your loss", "My condolences", "my heart
#: goes out to you"; not "sorry, but it's been a year" or "it's your loss").
ACKNOWLEDGES_LOSS = re.compile(
    r"(?:\bsorry\s+(?:for|about|to\s+hear|that)|\b(?:i['\u2019]?m|i\s+am|so|very|truly|deeply"
    r"|really|terribly)\s+sorry)\b(?!,?\s+but\b)|\b(?:condolences|sympathies)\b|\bheart\s+(?:goes"
    r"\s+out|breaks|aches|is\s+(?:with|breaking|broken))\b|(?<!\bit's\s)(?<!\bits\s)\b(?:your|this"
    r"|such\s+a|a\s+(?:terrible|huge|devastating|painful|heavy|tragic))\s+loss\b|\brest\s+in\s+peace\b",
    re.IGNORECASE,
)
#: Words that make a question about harm no direct one ("Why would you want to die?", "What
#: about suicide do you find difficult?").
_NOT_DIRECT = re.compile(r"\b(?:why|what|how|when|where|who|whom|which)\b", re.IGNORECASE)
#: What splits a question into clauses: a direct question may follow a lead-in ("Can I ask,
#: are you safe?").
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
#: A line the reply names, which shares it where it is not denied ("not the Samaritans") or a
#: story ("volunteered at the Samaritans"): a number (988, 741741, the old 1-800-273-8255,
#: Samaritans' 116 123, an emergency number to call), findahelpline, or a line by its name.
_NAMED_LINE = re.compile(
    r"\b(?:988|741741|1?-?800-?273-?(?:8255|talk)|116\s?123)\b|findahelpline|\b(?:call|dial|ring"
    r"|text)\s+(?:911|999|112|000)\b|\b(?:samaritans|crisis\s+text\s+line|(?:national\s+)?suicide"
    r"\s+prevention\s+(?:hot|help|life)\s*line|trevor\s+(?:project|lifeline)|befrienders)\b",
    re.IGNORECASE,
)
#: A line or emergency service the reply offers to contact: a verb to reach it (not one of a
#: story: "worked at a hotline") and then, a few words on, the service ("Please call a
#: suicide hotline", "reach out to the crisis line", "there are helplines you can call", "go
#: to the emergency room").
_OFFERED_LINE = re.compile(
    r"\b(?:call|calling|text|texting|dial|dialing|dialling|ring|ringing|phone|phoning|contact"
    r"|contacting|reach(?:ing)?\s+out\s+to|talk(?:ing)?\s+(?:to|with)|speak(?:ing)?\s+(?:to|with)"
    r"|chat(?:ting)?\s+with|get\s+in\s+touch\s+with|try|trying|use|using|look\s+up|google"
    r"|check\s+out|go(?:ing)?\s+to|head\s+to|walk(?:ing)?\s+into|here's|here\s+(?:is|are)"
    r"|there's|there\s+(?:is|are))\s+(?P<between>(?:[\w'\u2019]+\s+){0,4}?)(?:(?:hot|help|life)"
    r"\s*lines?|(?:crisis|suicide)\s+(?:text\s+)?lines?|crisis\s+(?:cent(?:er|re)|team|service)s?"
    r"|emergency\s+(?:services|room|department|number))\b",
    re.IGNORECASE,
)
#: Right before a line or its offer, words that deny it ("Reddit isn't a helpline", "don't call
#: the hotline"; "why not call a hotline?" still offers one) or make it a story ("my sister
#: worked at a suicide hotline", "I volunteer for the Samaritans").
_NO_OFFER_BEFORE = re.compile(
    r"(?:(?<!\bwhy\s)\b(?:not|no|never|isn't|isnt|aren't|arent|wasn't|wasnt|ain't|aint|don't"
    r"|dont|doesn't|doesnt|shouldn't|shouldnt|won't|wont)|\b(?:work(?:s|ed|ing)?|volunteer(?:s|ed"
    r"|ing)?|job|shift|train(?:s|ed|ing)?)\s+(?:at|for|with|on|in))\s+(?:(?:a|an|the|some|any)"
    r"\s+)?\Z",
    re.IGNORECASE,
)
#: Words between an offer's verb and the line that deny it ("there is no hotline").
_NEGATING = frozenset(["no", "not", "never", "isn't", "isnt", "aren't", "arent"])
#: The reply asks how the seeker is coping ("How are you holding up?").
ASKS_HOW_THEY_COPE = re.compile(
    r"\bhow\s+are\s+you\s+(?:\w+\s+)?(?:coping|holding\s+up|doing|managing|feeling)\b"
    r"|\bhow\s+about\s+you\b|\bare\s+you\s+(?:ok|okay|alright|all\s+right)\b",
    re.IGNORECASE,
)


def asks_directly(response: str, *, seeker_alone: bool = False) -> bool:
    """Whether ``response`` asks directly about harm or safety: a clause of a sentence that
    asks (a question mark) holds :data:`_ASKS_ABOUT_HARM`, with no question word before the
    harm or safety words ("Why would you want to die?" asks why, not whether). With
    ``seeker_alone``, only a question to the seeker about their own counts
    (:data:`_ASKS_THEM_ABOUT_HARM`: "Are you safe?", not "Did you know he was suicidal?")."""
    asking = _ASKS_THEM_ABOUT_HARM if seeker_alone else _ASKS_ABOUT_HARM
    for found in SENTENCE.finditer(response):
        sentence = found.group(0)
        if "?" not in sentence:
            continue
        for clause in _CLAUSE_BREAK.split(sentence):
            asks = asking.search(clause)
            if asks is None or _NOT_DIRECT.search(clause, 0, asks.end()) is not None:
                continue
            if seeker_alone and nearest_told(WORD.findall(asks.group("between"))):
                continue  # someone else named between: "Did you know he was suicidal?"
            return True
    return False


def shares_a_line(response: str) -> bool:
    """Whether ``response`` shares a crisis line: names one (:data:`_NAMED_LINE`) or offers one
    to contact (:data:`_OFFERED_LINE`, nothing between the verb and the line that denies it),
    where the words right before are no denial or story (:data:`_NO_OFFER_BEFORE`: "Reddit
    isn't a helpline", "my sister worked at a suicide hotline")."""

    def told(at: int) -> bool:
        return _NO_OFFER_BEFORE.search(response, max(0, at - 40), at) is None

    if any(told(named.start()) for named in _NAMED_LINE.finditer(response)):
        return True
    return any(
        told(offer.start())
        and not _NEGATING.intersection(plain(word) for word in offer.group("between").split())
        for offer in _OFFERED_LINE.finditer(response)
    )
