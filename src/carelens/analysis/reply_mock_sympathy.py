"""Sympathy mocked: grief, alarm or charity overplayed for a small trouble, so that the
reply makes fun of it.

"Wow, poor you, having a job. My heart bleeds.", "Oh no, zero likes, such tragedy.",
"that's never happened to anyone before", "truly a dark day for the internet": the words of
sympathy are there, but blown up past anything the trouble could call for, which the codebook
counts as mockery (dismissal), not sympathy. :func:`mock_sympathy` finds such wording for
:func:`carelens.analysis.reply_sarcasm.sarcasm`. Some wording is mockery on its own
(:data:`_MOCK`); some may be meant ("somebody call an ambulance", "should we start a
fundraiser?", "I'll light a candle for the shoes", a lone "Truly." after a remark) and counts
only beside a second such overplay (:data:`_OVERPLAY`): "Aww a cold, somebody call an
ambulance. Should we start a fundraiser?". Sincere wording is left alone: "my heart bleeds for
you and your family", "what a tragedy, I'm so sorry", "I'll light a candle for your mum",
"please call an ambulance now", "I'll start a fundraiser for you".
"""

from __future__ import annotations

import re

#: Overplayed sympathy that mocks on its own: "my heart bleeds." (not "... for you"), "such
#: tragedy" (no article, as a clause of its own: not "spare them such tragedy"), "that's
#: never happened to anyone before", "poor you, having a job", "a dark day for the
#: internet", "alert the media", "stop the presses".
_MOCK = re.compile(
    r"\bmy\s+heart\s+(?:bleeds|is\s+bleeding)(?=\s*(?:[.!]|$))"
    r"|(?:^|(?<=[.!?,;:\n]))\s*(?:oh\s+)?such\s+tragedy(?=\s*(?:[.!,]|$))"
    r"|\b(?:that's|that\s+has|that\s+is|this\s+has)\s+never\s+happened\s+to\s+(?:anyone|anybody)"
    r"\s+(?:before|ever)\b"
    r"|\bpoor\s+(?:you|u|thing|baby),?\s+having\s+(?:a|an|to)\b[^.!?\n]*"
    r"|\b(?:truly\s+|what\s+)?a\s+(?:dark|sad|black)\s+day\s+for\s+(?:the\s+internet|humanity"
    r"|mankind|civili[sz]ation|the\s+world)\b"
    r"|\b(?:somebody|someone)\s+alert\s+the\s+(?:media|press)\b|\bstop\s+the\s+presses\b",
    re.IGNORECASE,
)
#: Overplay that may be meant alone and mocks beside a second one: "somebody call an
#: ambulance", "should we start a fundraiser?", "I'll light a candle for the shoes", a lone
#: "Truly." or "Really." after a remark, "sorry for your loss, truly".
_OVERPLAY = re.compile(
    r"\b(?:somebody|someone)\s+call\s+(?:an\s+ambulance|the\s+(?:police|fire\s+department))\b"
    r"|\b(?:should\s+we|let's|I'll|we\s+should)\s+(?:start|organi[sz]e|set\s+up)\s+(?:a\s+)?"
    r"(?:fundraiser|gofundme|go\s+fund\s+me|vigil|support\s+group|charity)\b"
    r"|\blight\s+a\s+candle\s+for\s+the\b"
    r"|(?<=[.!])\s*(?:truly|really)\s*[.!]"
    r"|\b(?:condolences|sorry\s+for\s+your\s+loss),\s*(?:truly|really)\b",
    re.IGNORECASE,
)
#: Words that make an alarm sincere: a call to act now ("please call an ambulance now").
_URGENT = re.compile(r"\b(?:please|now|right\s+away|immediately|911|999|112|urgent)\b", re.I)


def mock_sympathy(response: str) -> tuple[int, int] | None:
    """Start and end of the first overplayed sympathy in ``response`` that mocks: wording of
    :data:`_MOCK`, or the first of two of :data:`_OVERPLAY` in a reply that urges nothing
    (:data:`_URGENT`); None without."""
    text = response.replace("\u2019", "'")
    found = _MOCK.search(text)
    if found is None:
        overplays = list(_OVERPLAY.finditer(text))
        if len(overplays) < 2 or _URGENT.search(text):
            return None
        found = overplays[0]
    words = found.group(0)
    start = found.start() + len(words) - len(words.lstrip())
    return start, start + len(words.strip())
