"""Remarks of sympathy without a reaction word: a sympathetic interjection ("Oof.", "Ouch.",
"Oh no.", "Ugh.", "Wow."), "that's a lot (to deal with)", "that stings" ("third time really
stings", "that must hurt"), the helper's anger on the seeker's
behalf ("I'm furious for you", "this makes my blood boil") and disbelief asked beside outrage
("Forty minutes??", "Seriously?!").

:mod:`carelens.analysis.reply_remarks` reads its remarks of sympathy with these:
:func:`short_remark` tells a clause that is "that's a lot", "that stings" or anger on their
behalf, :func:`echoed` an interjection with a detail they told echoed ("oof, 8 months."),
:func:`angry_for_them` the anger alone (beside which a remark on how wrong the deed was,
"That's ridiculous", is sympathy too), :func:`exclaimed` an interjection that is a sentence of
its own (a remark where the reply holds no other; not "lol oof", "oof lol" nor "big oof", which
make light of it), and :func:`disbelief` a clause asked in disbelief. Not anger on their
behalf: "I'm so angry at you", a bare "I'm furious".
"""

from __future__ import annotations

import re

from carelens.analysis.words import WORD

#: The helper's anger on the seeker's behalf: "I'm furious for you", "I'm so angry on your
#: behalf", "That makes me so angry for you", "this makes my blood boil" (not "I'm so angry
#: at you", nor a bare "I'm furious").
_ANGRY_FOR_THEM = re.compile(
    r"\s*(?:(?:oh|wow|man|gosh|god|omg|ugh|honestly|seriously|and|like|um|uh|well)\s+)*"
    r"(?:(?:i(?:['\u2019]m|\s+am|m|\s+feel|\s+get|\s+got)|(?:that|this|it)\s+(?:really\s+|just\s+)?"
    r"makes?\s+me)\s+(?:(?:so|really|very|truly|genuinely|absolutely|actually|literally|just"
    r"|honestly|seriously)\s+)*(?:angry|furious|mad|livid|pissed(?:\s+off)?|outraged|fuming"
    r"|seething|raging|enraged|heated|incensed)\s+(?:for\s+(?:you|u)|on\s+(?:your|ur)\s+behalf)"
    r"|(?:that|this|it)\s+(?:really\s+|just\s+)?makes?\s+(?:me\s+)?(?:so\s+)?(?:angry|mad|furious"
    r"|livid)|(?:that|this|it)\s+(?:really\s+|just\s+)?makes?\s+my\s+blood\s+boil"
    r"|my\s+blood\s+is\s+boiling(?:\s+(?:for\s+(?:you|u)|on\s+(?:your|ur)\s+behalf))?)\s*",
    re.IGNORECASE,
)
#: A short sympathetic interjection that is a remark alone: "Oof.", "Ouch.", "Oh no.", "Oh
#: man.", "Aww.", "Ugh.", "Wow.", "Oh wow.", "Yikes.", "Oh friend." (not "lol oof", "oof lol"
#: nor "big oof", which make light of it).
_INTERJECTION = re.compile(
    r"\s*(?:(?:oh|aw+|ah+)\s+)?(?:oo+f+|ouch|oh\s+no+|oh\s+man|oh\s+(?:my\s+)?god(?:ness)?"
    r"|oh\s+dear|oh\s+gosh|aw+(?:\s+(?:man|no+))?|damn|dang|my\s+god|u+g+h+|wow|yikes|geez|jeez"
    r"|(?:oh|aw+)\s+(?:friend|honey|hun|love|mate))"
    r"(?:\s+(?:man|dude|friend|hun|mate))?\s*",
    re.IGNORECASE,
)
#: The most characters a clause of :data:`_INTERJECTION` spans ("  oh my goodness friend").
_INTERJECTION_LENGTH = 32
#: A remark on how much they carry: "That's a lot", "that's so much to deal with", "That's
#: a lot on your plate", "it sounds like a lot for one person" (not "That's a lot of money").
_A_LOT = re.compile(
    r"\s*(?:(?:oh|aw+|wow|man|gosh|god|omg|ugh|oof|ouch|yeah|honestly|well|and|damn|geez|jeez)"
    r"\s+)*(?:that|this|it)(?:['\u2019]s|\s+is|\s+was|\s+sounds(?:\s+like)?|\s+seems(?:\s+like)?)"
    r"\s+(?:(?:so|really|just|truly|such|quite|definitely|a\s+whole|an\s+awful|way)\s+)*"
    r"(?:a\s+lot|so\s+much)(?:\s+(?:to\s+(?:carry|deal\s+with|handle|take\s+in|process|go\s+through"
    r"|juggle|hold|manage|face|bear|sit\s+with|take)|(?:all\s+)?at\s+once|on\s+your\s+plate"
    r"|for\s+(?:you|u|one\s+person|anyone|someone)|right\s+now|lately|man|dude|friend))*\s*",
    re.IGNORECASE,
)
#: A remark that what happened hurts: "that stings", "ouch. third time really stings", "that
#: must hurt", "being dumped in public really hurts" (a subject other than a person's:
#: not "you really hurt him", "I know it hurts").
_STINGS = re.compile(
    r"\s*(?:(?:oh|aw+|wow|man|gosh|god|omg|ugh|oof|ouch|yeah|honestly|damn|dang|and)\s+)*"
    r"(?:(?:that|this|it)\s+|(?:the\s+)?(?:(?!(?:you|u|i|i['\u2019]m|he|she|they|we|him|her|them"
    r"|me|it|that|this|who|what)\b)[a-z'\u2019]+\s+){1,4}?)"
    r"(?:(?:really|must|totally|so|just|definitely|truly|always|does|would|can)\s+)*"
    r"(?:stings?|hurts?|bites?)(?:\s+(?:so\s+much|a\s+lot|like\s+hell|man|honestly|too))?\s*",
    re.IGNORECASE,
)
#: Disbelief at what was done to them, read beside outrage: an interjection asked
#: ("Seriously?", "What?!", "Are you kidding me?") or a few words asked twice ("Forty
#: minutes??", "Again?!").
_DISBELIEF = re.compile(
    r"\s*(?:seriously|what|wtf|really|excuse\s+me|no\s+way|what\s+the\s+(?:hell|heck|fuck)"
    r"|are\s+(?:you|u)\s+(?:kidding|serious|joking)(?:\s+me)?|(?:you['\u2019]re|ur)\s+(?:kidding"
    r"|joking)(?:\s+me)?)\s*",
    re.IGNORECASE,
)
_ASKED_TWICE = ("??", "?!", "!?")


def exclaimed(text: str, start: int, end: int) -> bool:
    """Whether the clause ``text[start:end]`` is a sympathetic interjection that is a sentence
    of its own (:data:`_INTERJECTION`: "Oof.", "Oh no." but not the "Oh no" of "Oh no, that
    is so sad", which is filler before the remark)."""
    return (
        end - start <= _INTERJECTION_LENGTH
        and (end == len(text) or text[end] in ".!?\n")
        and _INTERJECTION.fullmatch(text, start, end) is not None
    )


#: Words that make a few words after an interjection more than an echo of what they told
#: ("ouch, you deserved it"): a person in it.
_PERSON = re.compile(r"\b(?:you|u|ur|your|yours|yourself|i|me|my|mine|myself)\b", re.IGNORECASE)


def echoed(text: str, start: int, end: int, next_start: int, next_end: int) -> bool:
    """Whether the clause ``text[start:end]``, an interjection that opens its sentence
    (:data:`_INTERJECTION`), and the next one, ``text[next_start:next_end]``, at most three
    words after a comma that end the sentence and name no person (:data:`_PERSON`), are one
    remark: the interjection and a detail of what they told echoed ("oof, 8 months.",
    "ouch, third time.", "oof, on valentine's day?"; not "ouch, you deserved it")."""
    before = text[:start].rstrip()
    return (
        text.startswith(",", end)
        and (not before or before[-1] in ".!?\n")
        and end - start <= _INTERJECTION_LENGTH
        and _INTERJECTION.fullmatch(text, start, end) is not None
        and (next_end == len(text) or text[next_end] in ".!?\n")
        and 0 < len(WORD.findall(text, next_start, next_end)) <= 3
        and _PERSON.search(text, next_start, next_end) is None
    )


def disbelief(text: str, start: int, end: int) -> bool:
    """Whether the clause ``text[start:end]`` asks in disbelief (:data:`_DISBELIEF` and a
    "?", or at most three words asked twice: "Forty minutes??")."""
    if text.startswith(_ASKED_TWICE, end):
        return len(WORD.findall(text, start, end)) <= 3
    return text.startswith("?", end) and _DISBELIEF.fullmatch(text, start, end) is not None


def angry_for_them(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether the clause ``text[start:end]`` is the helper's anger on the seeker's behalf
    (:data:`_ANGRY_FOR_THEM`: "I'm furious for you", "That makes me so angry for you")."""
    return _ANGRY_FOR_THEM.fullmatch(text, start, len(text) if end is None else end) is not None


def short_remark(clause: str) -> bool:
    """Whether ``clause`` (a whole clause) is anger on the seeker's behalf, a remark on how
    much they carry (:data:`_A_LOT`: "That's a lot to deal with") or one that it hurts
    (:data:`_STINGS`: "third time really stings"); the words each needs are looked for
    first."""
    low = clause.lower()
    return (
        (
            ("for" in low or "behalf" in low or "make" in low or "blood" in low)
            and angry_for_them(clause)
        )
        or (("lot" in low or "much" in low) and _A_LOT.fullmatch(clause) is not None)
        or (
            ("sting" in low or "hurt" in low or "bite" in low)
            and _STINGS.fullmatch(clause) is not None
        )
    )
