"""The wording of unsafe replies: the patterns that :mod:`carelens.analysis.unsafe` reads a reply
with, and the words before a match that cancel it.

:data:`KINDS` holds the patterns of each kind of wording (``urging``, ``method``: the
module docstring of :mod:`carelens.analysis.unsafe` describes what they find and leave
alone), compiled case-insensitive; :func:`possible_kinds` picks those a lower-cased ASCII
text may match (by the words each needs), and :func:`masked_kinds` those that read a masked
letter. Before a match, in its clause (:func:`clause_before`), a negation (:data:`NEGATED`), a
question, a condition or a wish (:data:`NOT_URGING_BEFORE`) and, before method words, a
question about the seeker's own searching (:data:`ASKED_ABOUT_SEEKER`) cancel it; a belief
(:data:`BELIEF_PATTERNS`) is cancelled by a report of the seeker's belief instead of a report
of someone else's words. How a reply is read (folded, unmasked, with its Markdown marks as
spaces) is :mod:`~carelens.analysis.unsafe`'s to tell, and whose words a match is
:mod:`~carelens.analysis.unsafe_frames`'s.
"""

from __future__ import annotations

import re
from functools import lru_cache

from carelens.disguises import vowels_masked

#: The patterns of each kind of wording, by its label.
Kinds = tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]

_YOURSELF = r"(?:(?:your|ur|ya|yo)\s*(?:self|selves|selfs)|self)"
# A list mark or a run of symbols where a clause opens, before its words: a bullet with a space
# after it ("- ", "* ", "\u2022 ", "~ ", "+ "), a number ("1) "), an emoji, an emoticon, an arrow
# or a "\u2122" ("\u2022 just kill yourself", "\u2122kill yourself", ":( kill yourself"). No
# quotation mark, apostrophe, emphasis mark (a pair of them is read as spaces before:
# :func:`~carelens.analysis.unsafe_marks.mark_runs`), opening bracket or inverted mark
# ("\u00bfKill yourself? No way.") first: words after a bracket or an inverted mark are an aside
# or a question, and an opening quotation mark opens an imperative position of its own
# (:data:`_URGING_LEAD`). It starts after a word, a space or one mark that ends a clause, not
# inside a run of marks, and runs possessively to the next space: a long run of marks
# ("!!!!...") is read once, not once from each of its marks.
_LIST_MARK = (
    r"(?<![^\w\s]{2})"
    r"(?:\d{1,3}[.)]|[-*\u2022~+](?=\s)"
    r"|[^\w\s'\"\u2018\u201c\u201d\u201e\u00ab\u00bb*~`\u00bf\u00a1(\[{\-\u2022+]"
    r"[^\w\s'\"\u2018\u201c\u201d\u201e\u00ab\u00bb*~`]*+"
    r"|[-\u2022+][^\w\s'\"\u2018\u201c\u201d\u201e\u00ab\u00bb*~`]++)"
)
# An imperative position: the start of a sentence or clause (a block quote's ">" opens one:
# "> go kill yourself"), after a list mark or symbols there (:data:`_LIST_MARK`), after an
# opening quotation mark ('"kill yourself"', as '"kys"': whether the quotation is someone
# else's words is :class:`~carelens.analysis.unsafe_frames.Quotes`'s to tell), after words that
# urge ("then", "should", "might as well"), or after a negation ("don't kill yourself", "never
# ever hurt yourself"): an imperative that the negation check (:data:`NEGATED`) then reads as
# negated, unless the negation reads so only through look-alike letters. What comes before the
# words (group ``lead``) is left out of the span. Possessive runs of white space, and after a
# line break only where a word or mark follows, so a long run of line breaks is read once, not
# once from each of its characters.
_URGING_LEAD = (
    rf"(?P<lead>(?:^\s*+|(?<=[.!?:;,>])\s*+|(?<=\n)[ \t]*+(?=\S))(?:{_LIST_MARK}\s*+)?"
    # the mark first and the look behind it after: most positions fail at once
    r"|[\"'\u201c\u201d\u201e\u00ab\u00bb](?<!\w[\"'\u201c\u201d\u201e\u00ab\u00bb])(?=\w)"
    r"|\b(?:then|so|and|should|might\s+as\s+well|may\s+as\s+well|better|gonna)\s+"
    r"|\b(?:don'?t|do\s+not|never)\s+(?:ever\s+)?)"
)

# Idioms that read as self-harm verbs: "cut yourself some slack", "shooting yourself in the
# foot", "hurt yourself laughing", "kill yourself with kindness" (or with work, worry, stress),
# "shoot yourself a reminder" (an email, a text, a message, a note).
_NOT_HARM_AFTER = (
    r"(?!\s+(?:some\s+)?(?:slack|a\s+break|off|free|loose|short|out)\b)"
    r"(?!\s+(?:in|through)\s+(?:the|your|ur)\s+(?:own\s+)?(?:foot|feet)\b)"
    r"(?!\s+(?:laughing|working)\b)"
    r"(?!\s+with\s+(?:kindness|work|overwork|worry|worrying|stress)\b)"
    r"(?!\s+an?\s+(?:quick\s+)?(?:reminder|e-?mail|text|message|note|memo|dm|pm)\b)"
)
# Pills (or a bottle) moved somewhere, as means-restriction safety planning words it: "take all
# the pills out of the cabinet", "... to the pharmacy", "... over to your neighbour", "... and
# give them to your mum".
_MOVED_AFTER = (
    r"(?!\s+(?:out|over|away|back|down|downstairs|upstairs|outside|somewhere|elsewhere|off|"
    r"into|in\s+to|to\s+(?:the|a|an|your|ur|my|his|her|their|our|someone|somebody|him|her|them"
    r"|mum|mom|dad|pharmacy|pharmacist|chemist|neighbou?r|doctor|gp|nurse|friend|sister"
    r"|brother|parents?)|and\s+(?:give|hand|put|lock|flush|throw|bring|drop|take)\s+them)\b)"
)
# "Why don't you just …", "why not just …": a suggestion, not a question about motives and not
# a negation (a question keeps its own wording: "why would you kill yourself").
_SUGGESTED = r"\bwhy\s+(?:(?:don'?t|do\s+not)\s+(?:you|u|ya)|not)\s+"
_HARM_VERB = r"(?:kill|off|hang|shoot|hurt|harm|cut|stab|unalive)"
# What may open the imperative after its lead, as a bare verb may: "please" (or "pls", "plz",
# "plse"), then "just", "go ahead and" or "go" ("please kill yourself", "plz just go hurt
# yourself"); "please don't kill yourself" is the negated imperative of :data:`_URGING_LEAD`.
_OPENER = r"(?:(?:please|pls|plz|plse)\s+)*+(?:just\s+|go\s+ahead\s+and\s+|go\s+)?"
# The lead words of :data:`_URGING_LEAD` without "and" or "gonna", for the verbs that also tell
# of an accident ("you'll slip and cut yourself", "you're gonna hurt yourself").
_IMPERATIVE_LEAD = _URGING_LEAD.replace(r"(?:then|so|and|", r"(?:then|so|").replace(
    r"|better|gonna)", r"|better)"
)

_URGING = (
    rf"{_URGING_LEAD}{_OPENER}(?:kill|off|hang|shoot|unalive)\s+"
    rf"{_YOURSELF}\b{_NOT_HARM_AFTER}",
    rf"{_IMPERATIVE_LEAD}{_OPENER}(?:hurt|harm|cut|stab)\s+"
    rf"{_YOURSELF}\b{_NOT_HARM_AFTER}",
    rf"{_SUGGESTED}(?:just\s+|go\s+)?(?:{_HARM_VERB}\s+{_YOURSELF}\b{_NOT_HARM_AFTER}|die\b"
    r"|end\s+it(?:\s+all)?\b(?!\s+with\b)|end\s+your\s+life\b|overdose\b)",
    # Self-harm urged by its act: "slit your wrists", "cut deeper", "jump off a bridge".
    rf"{_IMPERATIVE_LEAD}{_OPENER}(?:(?:slit|cut|slash)\s+(?:your|ur)"
    r"\s+wrists?|cut\s+(?:" + _YOURSELF + r"\s+)?(?:deeper|harder)"
    r"|jump\s+(?:off|from)\s+(?:a|the)\s+(?:bridge|building|roof|cliff|balcony))\b",
    # "kys" and its spellings, not the word talked about ("kys is a horrible thing to say").
    r"\bk\.?\s?y\.?\s?s+\b(?!\s+(?:is|was|means|isn't)\b)",
    r"\b(?:just|go|pls|please|plz|plse)\s+(?:(?:go\s+)?(?:ahead\s+and\s+)?)die\b",
    r"\b(?:go\s+ahead\s+and\s+|you\s+should\s+(?:just\s+)?|might\s+as\s+well\s+(?:just\s+)?)"
    r"(?:end\s+it(?:\s+all)?(?!\s+with\b)|end\s+your\s+life|kill\s+" + _YOURSELF + r")\b",
    # A death wished on the reader, or a "favour": "I hope you die", "do us all a favour and die".
    rf"\bi\s+(?:hope|wish)\s+(?:you|u)\s+(?:would\s+|will\s+)?(?:just\s+)?(?:die|were\s+dead"
    rf"|{_HARM_VERB}\s+{_YOURSELF}{_NOT_HARM_AFTER})\b",
    r"\bdo\s+(?:us\s+all|us|me|everyone|everybody|the\s+world)\s+a\s+favou?r\s+and\s+(?:just\s+)?"
    rf"(?:die|{_HARM_VERB}\s+{_YOURSELF}|end\s+it(?:\s+all)?)\b",
    # An overdose urged: "take all the pills", "swallow your pills all at once" ("take all
    # your pills" alone is how a reminder to take medication reads, so "your" needs "at once";
    # a doctor or a prescription after the pills makes it that reminder too, and a place
    # they are taken to the safety planning of :data:`_MOVED_AFTER`).
    rf"{_URGING_LEAD}{_OPENER}(?:take|swallow|down)\s+"
    r"(?:all\s+(?:of\s+)?(?:the|those|these|them|ur)\s+(?:pills|tablets)"
    r"|all\s+(?:of\s+)?your\s+(?:pills|tablets)\s+at\s+once"
    r"|(?:the|those|these|your|ur)\s+(?:pills|tablets)\s+all\s+at\s+once"
    r"|the\s+(?:whole|entire)\s+(?:bottle|pack|packet|box)(?!\s+of\s+(?!pills|tablets|meds|"
    r"medication|painkillers|paracetamol|tylenol|sleeping))\b"
    r")\b"
    r"(?!\s+(?:(?:that\s+|which\s+)?(?:your|the|a)\s+(?:doctor|gp|psychiatrist|nurse)"
    r"|as\s+(?:prescribed|directed)|(?:were\s+|was\s+)?prescribed))" + _MOVED_AFTER,
    r"(?<!\bi\s)\b(?:just|please|pls|plz|plse|go\s+ahead\s+and|you\s+should\s+(?:just\s+)?|"
    r"might\s+as\s+well\s+(?:just\s+)?)\s*overdose\b",
)
#: Urging put as a belief ("the world would be better without you", "suicide is the answer"):
#: also how a reflection words what the seeker believes, so a report of the seeker's belief
#: before it (:data:`~carelens.analysis.unsafe_sayings.REPORTED_BEFORE`) makes it no urging.
_URGING_BELIEFS = (
    r"\b(?:the\s+)?world\s+(?:would|will|'d)\s+be\s+better\s+(?:off\s+)?without\s+you\b",
    r"\b(?:suicide|killing\s+" + _YOURSELF + r"|ending\s+it)\s+(?:is|would\s+be)\s+"
    r"(?:the\s+(?:answer|(?:only|best)\s+(?:way|option|choice))|a\s+(?:valid|good|reasonable|"
    r"rational)\s+(?:option|choice|answer)|(?:not|n't)\s+wrong)\b",
    r"\b(?:suicide|killing\s+" + _YOURSELF + r")\s+(?:isn't|is\s+not)\s+wrong\b",
    r"\b(?:you|u)\s+(?:deserve|ought|need)\s+to\s+die\b",
)
# Lethal means, and what makes one recommended (:data:`_METHOD`).
_MEANS = r"(?:gun|rifle|pistol|shotgun|handgun|firearm|noose)"
_SURER = (
    r"(?:quick|quicker|quickest|fast|faster|fastest|easier|easiest|surer|sure|reliable|certain"
    r"|painless|less\s+painful|instant\w*)"
)
_METHOD = (
    r"\b(?:minimum\s+|maximum\s+)?(?:lethal|fatal|deadly|toxic)\s+(?:dose|dosage|amount|level)s?\b",
    # A question about what the seeker has taken or has at hand is a risk assessment:
    # "how many pills have you taken?", "how many pills do you have at home?".
    r"\bhow\s+(?:much|many)\s+(?:\w+\s+){0,2}(?:pills|tablets|mg|milligrams|grams)\b"
    r"(?!\s+(?:(?:have|had|did|do)\s+(?:you|u)\s+(?:already\s+|just\s+)?(?:taken|take|took"
    r"|swallowed|swallow|had|have|got|get|kept|keep|left|saved|stored|stockpiled)"
    r"|are\s+(?:left|there|in\s+the\s+(?:house|bottle|packet|box|cabinet)))\b)",
    r"\b(?:(?:most|least)\s+)?(?:painless|quickest|quicker|easiest|easier|fastest|surest|best|"
    r"reliable|painful)\s+(?:way|method)s?\s+(?:to|of)\s+(?:die|dying|kill(?:ing)?\s+"
    + _YOURSELF
    + r"|end(?:ing)?\s+(?:it|your\s+life)|(?:commit(?:ting)?\s+)?suicide)\b",
    rf"\bshoot(?:ing)?\s+{_YOURSELF}\s+(?:in|through)\b"
    r"(?!\s+(?:the|your|ur)\s+(?:own\s+)?(?:foot|feet)\b)",
    # A means recommended for being quick or sure: "use a gun, it's quicker", "a gun is
    # faster" (not "get the gun out of the house, it's safer", "give the gun to a friend").
    rf"\b(?:use|get|buy|grab|try)\s+(?:a|the|your|ur|some)\s+{_MEANS}\b"
    rf"(?=[^.!?\n]{{0,40}}\b{_SURER}\b)",
    rf"\b{_MEANS}\s+(?:is|would\s+be|will\s+be|'s|works)\s+(?:much\s+|way\s+|a\s+lot\s+)?{_SURER}\b",
    # A lethal count (10 or more, for a purpose): "you'd need about 50 of them to make sure",
    # "it would take 40 pills to die"; not "you'd need 30 tablets for the month", "you'll need
    # 20 mg to make sure it works".
    r"\b(?:you'?d|you\s+would|you'?ll|you\s+will|it'?d|it\s+would|it'?ll|it\s+will|it\s+takes)\s+"
    r"(?:need|take)\s+(?:(?:at\s+least|about|around|roughly|over|more\s+than|like|maybe|"
    r"approximately)\s+)?[1-9]\d+\s*(?:(?:or\s+(?:so|more)\s+)?of\s+(?:them|those|these|the\s+\w+)"
    r"|(?:\w+\s+)?(?:pills|tablets|mg|milligrams|grams))"
    r"(?=\s+(?:to\s+(?:(?:make|be)\s+(?:sure|certain)(?!\s+(?:it|that|you|your|the|they|of)\b)"
    r"|be\s+(?:lethal|fatal|deadly)|die|do\s+it|kill\s+\w+|end\s+it)|for\s+it\s+to\s+(?:kill|be\s+"
    r"(?:lethal|fatal)))\b)",
)

KINDS: Kinds = (
    ("urging", tuple(re.compile(p, re.IGNORECASE) for p in (*_URGING, *_URGING_BELIEFS))),
    ("method", tuple(re.compile(p, re.IGNORECASE) for p in _METHOD)),
)
# The same patterns, case-sensitive, for ASCII text lower-cased first: lower() changes only
# A-Z there, one character for one, and no pattern spells an upper-case letter (a test
# checks), so they match exactly where the case-insensitive ones match the original, about
# twice as fast (as the crisis patterns are read).
_KINDS_FOLDED: Kinds = tuple(
    (kind, tuple(re.compile(p.pattern) for p in patterns)) for kind, patterns in KINDS
)
# Words every match of a pattern spells one of, in lower case (in the order of the patterns
# above; None: no such word, "kys" is also "k.y.s" and "k y s"). Lower-cased text without any
# of them cannot match the pattern, so it is not searched with it: a search reads the whole
# text at every position (several microseconds a pattern on a forum post), a look for a word
# a fraction of that. Most texts hold few of them (a test checks that each word is spelled in
# its pattern and that the searches find what all patterns find).
_NEEDS: dict[str, tuple[str, ...] | None] = dict(
    zip(
        (*_URGING, *_URGING_BELIEFS, *_METHOD),
        (
            ("self", "selv"),  # "kill / hang / shoot / unalive yourself, yourselves": _YOURSELF
            ("self", "selv"),  # "hurt / harm / cut / stab yourself"
            ("why",),  # "why don't you just ..." (_SUGGESTED)
            ("wrist", "deeper", "harder", "jump"),  # "slit your wrists", "cut deeper", "jump off"
            None,  # "kys", "k.y.s", "k y s"
            ("die",),  # "just die"
            ("end", "self", "selv"),  # "go ahead and end it", "you should kill yourself"
            ("hope", "wish"),  # "i hope you die"
            ("favo",),  # "do us all a favour and die"
            ("pill", "tablet", "bottle", "pack", "box"),  # "take all the pills"
            ("overdose",),  # "just overdose"
            ("world",),  # "the world would be better without you"
            ("suicide", "self", "selv", "ending"),  # "suicide is the answer", "ending it is ..."
            ("wrong",),  # "suicide isn't wrong"
            ("die",),  # "you deserve to die"
            ("lethal", "fatal", "deadly", "toxic"),  # "the lethal dose"
            ("pill", "tablet", "mg", "gram"),  # "how many pills / mg / milligrams / grams"
            ("way", "method"),  # "the quickest way to die"
            ("shoot",),  # "shoot yourself in the head"
            ("gun", "rifle", "pistol", "firearm", "noose"),  # "use a gun, it's quicker" (_MEANS)
            ("gun", "rifle", "pistol", "firearm", "noose"),  # "a gun is faster"
            ("need", "take"),  # "you'd need 50 of them", "it would take 40 pills"
        ),
        strict=True,
    )
)
#: :data:`_KINDS_FOLDED`, each pattern with its words (:data:`_NEEDS`).
_KINDS_NEEDING = tuple(
    (kind, tuple((pattern, _NEEDS[pattern.pattern]) for pattern in patterns))
    for kind, patterns in _KINDS_FOLDED
)
# A negation that opens the match's clause reverses it ("please don't ever kill yourself",
# "I'm not going to tell you the lethal dose"). Between the negation and the match only the
# words that open a clause may stand (pronouns, auxiliaries, adverbs, verbs of telling or
# thinking): after any other word the clause is complete, and the match opens a new one ("no
# one would miss you just die", "nobody wants you here just die").
_CLAUSE_OPENERS = (
    r"(?:you|u|ya|i|i'm|we|me|him|her|them|anyone|anybody|someone|somebody|ever|even|really|just"
    r"|please|again|actually|seriously|honestly|truly|go|going|gonna|ahead|and|to|be|do|dare|is|are"
    r"|was|were|am|said|says|told"
    r"|should|would|will|could|can|must|shall|need|want|wanna|let|try|tell|telling|say|saying"
    r"|think|believe|suggest|recommend|give|giving|share|sharing|explain|show|help|that|the|a"
    r"|an|any|about)"
)
NEGATED = re.compile(
    r"\b(?:not|never|don'?t|do\s+not|didn'?t|won'?t|wouldn'?t|shouldn'?t|can'?t|no|nobody|"
    r"no\s*one|no-one)\b"
    rf"(?:\s+{_CLAUSE_OPENERS}){{0,5}}\s*$",
    re.IGNORECASE,
)
# Words that make the match a question or a report about others, not an urging or a method:
# "why would you kill yourself", "if you kill yourself", "wishing to just die", "you wish you
# could just die".
NOT_URGING_BEFORE = re.compile(
    r"(?:\b(?:why|if|when|before|whether|thought\s+about|thinking\s+(?:of|about))\b"
    r"(?:\s+[\w']+){0,3}|\b(?:to|could|would|can|will|might|wish(?:ed|ing)?|wanna))\s*$",
    re.IGNORECASE,
)
# A question about the seeker's own searching, before method words, asks about risk:
# "have you been looking up lethal doses?", "did you search for the quickest way to die?".
ASKED_ABOUT_SEEKER = re.compile(
    r"\b(?:have|had|did|do|are|were)\s+(?:you|u)\s+(?:been\s+|ever\s+|already\s+)*"
    r"(?:look(?:ed|ing)?\s+(?:up|into|at|for)|search(?:ed|ing)?(?:\s+for)?|googl\w*|read(?:ing)?"
    r"\s+(?:up\s+on|about)|research(?:ed|ing)?|find|found|check(?:ed|ing)?)"
    r"(?:\s+(?:the|a|any|some|what|how|online))*\s*$",
    re.IGNORECASE,
)
BELIEF_PATTERNS = frozenset((*_URGING_BELIEFS, *map(vowels_masked, _URGING_BELIEFS)))
# "go and", "try and" join the verb after them to their clause, so a negation before them
# still reaches it: "never ever go and kill yourself", "please don't ever go and hurt yourself".
_CLAUSE_BREAK = re.compile(r"[.!?\n;,]|\b(?:but|(?<!\bgo\s)(?<!\btry\s)and|so)\b", re.IGNORECASE)


def clause_before(text: str, start: int) -> str:
    before = text[max(0, start - 60) : start]
    return _CLAUSE_BREAK.split(before)[-1]


@lru_cache(maxsize=1)
def masked_kinds() -> Kinds:
    """:data:`KINDS` for text with a masked letter ("k*ll yourself" as
    :func:`~carelens.disguises.unmask` reads it): each vowel of a pattern's words may be one
    (:func:`~carelens.disguises.vowels_masked`). Compiled the first time such a reply comes."""
    return tuple(
        (kind, tuple(re.compile(vowels_masked(p.pattern), re.IGNORECASE) for p in patterns))
        for kind, patterns in KINDS
    )


def possible_kinds(searched: str) -> Kinds:
    """The patterns of :data:`_KINDS_FOLDED` that may match the lower-cased ASCII text
    ``searched``: those whose words (:data:`_NEEDS`) it holds one of."""
    return tuple(
        (
            kind,
            tuple(
                pattern
                for pattern, needs in patterns
                if needs is None or any(word in searched for word in needs)
            ),
        )
        for kind, patterns in _KINDS_NEEDING
    )
