"""Unsafe replies: wording that urges someone to die or hurt themselves, or tells them how.

Codebook v1.1 scores such a reply ``dismissive`` 2 (annotations/README.md). The model rarely
sees one (a few dozen among the training replies) and misses most, so these transparent
patterns complement it: :func:`unsafe_spans` returns the words (each labelled with its kind,
below), the analyzer keeps them in the result's ``unsafe`` field, and
:func:`carelens.analysis.rules.apply_rules` raises ``dismissive`` to 2 with them as its
rationale. Like the crisis cues, a match is a pointer for a person to read, and the absence
of one says nothing about a reply's safety.

Two kinds of wording are looked for (the span labels):

- **urging**: "just die", "kys" (and "k y s"), an imperative "kill yourself" (maybe after
  "please", "pls", "plz": "please kill yourself"), "unalive yourself", "go hurt / cut
  yourself", "slit your wrists", "cut deeper", "jump off a bridge" or "go ahead and end it", a
  suggestion put as a question ("why don't you just die", "why not just kill yourself": no
  question about motives, and no negation), a death wished on the reader ("I hope you die",
  "you deserve to die", "do us all a favour and die"), an urged overdose ("take all the pills",
  "take the whole bottle", "just overdose"), "the world would be better without you", "suicide
  is the answer" (a bare "do it" is left out: in the training replies it urged something else
  as often as the act);
- **method information**: lethal or fatal doses, "how many pills / milligrams", "the
  quickest / most painless way to die", "shoot yourself", a means recommended for being quick
  or sure ("use a gun, it's quicker", "a gun is faster"), a lethal count ("you'd need about 50
  of them to make sure", "it would take 40 pills to die"; 10 or more, for that purpose).

Negation never flips a pattern into its opposite: "don't kill yourself", "please never do
it", "you should not end it", "I'm not going to tell you the lethal dose" and "suicide is not
the answer" do not match, because each pattern is skipped when a negation opens its clause
(its apostrophe straight or curly, U+2019, as phones type it); "go and" does not end that
clause ("never ever go and kill yourself", "please don't ever go and hurt yourself"). Only
words that open a clause (pronouns, auxiliaries, adverbs, verbs of telling or thinking) may
stand between the negation and the words: in "no one would miss you just die" the clause "no
one would miss you" is complete, and "just die" is a new one, so it matches. A negation
that reads so only through Cyrillic or Greek look-alike letters ("d\\u043en't kill
yourself", "n\\u0435ver hurt yourself") negates nothing, as for the crisis cues: the words
are found, for a person to read. So it is for the other words that cancel a match (a
question or a condition: "\\u0456f you just die", "wh\\u0443 would you just die"; a wish, a
report of the seeker's belief or of someone else's words, a quotation a report frames, the
introduction of a list of what to watch for): each must read so with the look-alike letters
as typed too.

Whose words they are is told by :mod:`carelens.analysis.unsafe_frames`: what someone else
said (reported, quoted, set off by marks after a report, a title, words in code marks, a block
quote of the seeker's words, the items of a list that a report or a condition introduces) is
not the writer urging; the writer's own emphasis, their own saying and quotations with little
else stay urging, and so does method information, whoever gave it.

The patterns read the reply without the invisible characters and combining marks put inside
words to get past a forum's filters ("just d\\u200bie", "k\\u200bys"), full-width letters
and small capitals as ASCII ("\\uff4b\\uff59\\uff53", "\\u1d0b\\u028fs" as "kys"), and an
acute accent or a backtick typed for an apostrophe ("don\\u00b4t") as one
(:func:`carelens.text.fold`); a span's offsets are the reply's own, covering what was left out
inside its words. Masked words are read too, as the crisis cues read them
(:func:`carelens.disguises.unmask`): spelled out with one mark between their letters ("k-i-l-l
yourself", "k.i.l.l. yourself"), with a "*" for a vowel ("k*ll yourself", "go h*rt
yourself"), and a crisis word or "kys" with digits or symbols typed for its letters ("k1ll
yourself", "just d1e", "$uicide is the answer", "take all the p1lls", "ky5", "ky$"); words
found in either reading are found ("n-e-v-e-r kill yourself" is negated, read unmasked, and
matches nothing read plainly), a masked word's span covering its marks. A negation spelled out
with marks holds for the plain reading too ("n.e.v.e.r. kill yourself", whose full stops end a
clause read plainly: :func:`_spelled_negation`) where its letters and marks are typed in ASCII;
with a look-alike letter ("n.\\u0435.v.\\u0435.r.") the words are found. A list mark or symbols
where a clause opens ("\\u2022 just kill yourself", "- go hurt yourself", "2) kill yourself",
"\\u2122kill yourself") do not hide an imperative; a bullet needs a space after it, and no
quotation or inverted mark opens such symbols ("\\u00bfKill yourself? No way."). An opening
quotation mark opens an imperative of its own ('"kill yourself"', as '"kys"'), and
:mod:`~carelens.analysis.unsafe_frames` tells whose words it holds.

What helpers are taught to say is left alone: moving the means away ("take all the pills to
the pharmacy", "... out of the cabinet and give them to your mum"), asking about the seeker's
act or means ("how many pills have you taken?", "how many pills do you have at home?", "have
you been looking up lethal doses?", "do you have access to a gun?"; "how many pills would it
take to die" stays method information), "get the gun out of the house, it's safer", a
prescription ("you'd need 30 tablets for the month"), and idioms ("cut yourself some slack",
"shooting yourself in the foot", "kill yourself laughing", "kill yourself with kindness",
"shoot yourself a reminder", "end it with him"). Like the crisis cues, the patterns are
English only: a reply in another language gets no unsafe words, whatever it says.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from carelens.analysis.unsafe_frames import (
    REPORTED_BEFORE,
    REPORTED_SPEECH,
    Quotes,
    listed_not_urging,
)
from carelens.analysis.unsafe_marks import mark_runs, without_marks
from carelens.disguises import (
    MASKED_LETTER,
    Folded,
    has_masks,
    unmask,
    vowels_masked,
)
from carelens.inference.spans import merge_overlapping
from carelens.text import fold, folded_as_typed
from carelens.types import Span

_YOURSELF = r"(?:(?:your|ur|ya|yo)\s*(?:self|selves|selfs)|self)"
# A list mark or a run of symbols where a clause opens, before its words: a bullet with a space
# after it ("- ", "* ", "\u2022 ", "~ ", "+ "), a number ("1) "), an emoji, an emoticon, an arrow
# or a "\u2122" ("\u2022 just kill yourself", "\u2122kill yourself", ":( kill yourself"). No
# quotation mark, apostrophe, emphasis mark (a pair of them is read as spaces before:
# :func:`mark_runs`), opening bracket or inverted mark ("\u00bfKill yourself? No way.") first:
# words after a bracket or an inverted mark are an aside or a question, and an opening
# quotation mark opens an imperative position of its own (:data:`_URGING_LEAD`). It starts
# after a word, a space or one mark that ends a clause, not inside a run of marks, and runs
# possessively to the next space: a long run of marks ("!!!!...") is read once, not once from
# each of its marks.
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
# else's words is :class:`Quotes`'s to tell), after words that urge ("then", "should", "might
# as well"), or after a negation ("don't kill yourself", "never ever hurt yourself"): an
# imperative that the negation check (:data:`_NEGATED`) then reads as negated, unless the
# negation reads so only through look-alike letters. What comes before the words (group
# ``lead``) is left out of the span. Possessive runs of white space, and after a line break
# only where a word or mark follows, so a long run of line breaks is read once, not once from
# each of its characters.
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
#: before it (:data:`REPORTED_BEFORE`) makes it no urging.
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

_KINDS: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = (
    ("urging", tuple(re.compile(p, re.IGNORECASE) for p in (*_URGING, *_URGING_BELIEFS))),
    ("method", tuple(re.compile(p, re.IGNORECASE) for p in _METHOD)),
)
# The same patterns, case-sensitive, for ASCII text lower-cased first: lower() changes only
# A-Z there, one character for one, and no pattern spells an upper-case letter (a test
# checks), so they match exactly where the case-insensitive ones match the original, about
# twice as fast (as the crisis patterns are read).
_KINDS_FOLDED: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = tuple(
    (kind, tuple(re.compile(p.pattern) for p in patterns)) for kind, patterns in _KINDS
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
_NEGATED = re.compile(
    r"\b(?:not|never|don'?t|do\s+not|didn'?t|won'?t|wouldn'?t|shouldn'?t|can'?t|no|nobody|"
    r"no\s*one|no-one)\b"
    rf"(?:\s+{_CLAUSE_OPENERS}){{0,5}}\s*$",
    re.IGNORECASE,
)
# Words that make the match a question or a report about others, not an urging or a method:
# "why would you kill yourself", "if you kill yourself", "wishing to just die", "you wish you
# could just die".
_NOT_URGING_BEFORE = re.compile(
    r"(?:\b(?:why|if|when|before|whether|thought\s+about|thinking\s+(?:of|about))\b"
    r"(?:\s+[\w']+){0,3}|\b(?:to|could|would|can|will|might|wish(?:ed|ing)?|wanna))\s*$",
    re.IGNORECASE,
)
# A question about the seeker's own searching, before method words, asks about risk:
# "have you been looking up lethal doses?", "did you search for the quickest way to die?".
_ASKED_ABOUT_SEEKER = re.compile(
    r"\b(?:have|had|did|do|are|were)\s+(?:you|u)\s+(?:been\s+|ever\s+|already\s+)*"
    r"(?:look(?:ed|ing)?\s+(?:up|into|at|for)|search(?:ed|ing)?(?:\s+for)?|googl\w*|read(?:ing)?"
    r"\s+(?:up\s+on|about)|research(?:ed|ing)?|find|found|check(?:ed|ing)?)"
    r"(?:\s+(?:the|a|any|some|what|how|online))*\s*$",
    re.IGNORECASE,
)
_BELIEF_PATTERNS = frozenset((*_URGING_BELIEFS, *map(vowels_masked, _URGING_BELIEFS)))
# "go and", "try and" join the verb after them to their clause, so a negation before them
# still reaches it: "never ever go and kill yourself", "please don't ever go and hurt yourself".
_CLAUSE_BREAK = re.compile(r"[.!?\n;,]|\b(?:but|(?<!\bgo\s)(?<!\btry\s)and|so)\b", re.IGNORECASE)


def _clause_before(text: str, start: int) -> str:
    before = text[max(0, start - 60) : start]
    return _CLAUSE_BREAK.split(before)[-1]


#: The labels of unsafe spans, one per kind of wording.
UNSAFE_KINDS: tuple[str, ...] = tuple(kind for kind, _ in _KINDS)


def unsafe_spans(response: str, seeker: str | None = None) -> tuple[Span, ...]:
    """Urging or method wording in ``response``, in order, overlapping matches merged (a
    merged span keeps the label of the one that starts first: ``urging`` or ``method``).
    The patterns read the folded reply (:func:`carelens.text.fold`: "just d\\u200bie" as
    "just die"), and read it unmasked too (:func:`carelens.disguises.unmask`: "k-i-l-l yourself",
    "k*ll yourself", "k1ll yourself", "ky5") where it holds a masked word: words found either
    way are found. Each span is mapped back to ``response``'s offsets, a masked word's
    covering its marks.

    ``seeker`` is the message the reply answers: a line of a Markdown block quote is a
    quotation (:class:`Quotes`) only when the seeker wrote its words, and without it none
    is. A word that cancels the words (a negation, a question or a condition, a wish, a
    report of someone else's words) cancels them only when it reads so with the reply's
    look-alike letters as typed too (:func:`~carelens.disguises.has_look_alikes`): in "d\u043en't
    kill yourself" or "\u0456f you kill yourself", with a Cyrillic "\u043e" or "\u0456", it
    does not, and the words are found for a person to read."""
    return _spans(response, seeker, quick=True)


def _spans(response: str, seeker: str | None = None, *, quick: bool) -> tuple[Span, ...]:
    """:func:`unsafe_spans`; with ``quick``, ASCII text is lower-cased and searched only with
    the patterns whose words it holds (:func:`_possible`), which must find what every pattern
    finds (without ``quick``: the tests compare them)."""
    folded = fold(response)
    text = folded.text
    typed = folded_as_typed(response, text)
    unmasked = unmask(text) if has_masks(text) else None
    spelled = None if unmasked is None else _spelled_negation(response, folded, unmasked)
    found = _read(text, seeker, typed, quick=quick, negated=spelled)
    if unmasked is not None:
        found = merge_overlapping([*found, *_read_unmasked(unmasked, seeker, typed, quick=quick)])
    if folded.origins is None or not found:
        return found
    return merge_overlapping(
        [Span(*folded.span(span.start, span.end), span.label, span.score) for span in found]
    )


def _read(
    text: str,
    seeker: str | None,
    typed: str | None,
    *,
    quick: bool,
    masked: bool = False,
    negated: Callable[[int], bool] | None = None,
) -> tuple[Span, ...]:
    """The spans of ``text`` (folded, maybe unmasked); with ``masked``, by the patterns that
    read a masked letter (:func:`_masked_kinds`: for text :func:`~carelens.disguises.unmask` gave
    one, never for a "\u01c2" the writer typed), every one of them, since a masked letter may
    stand in the words a pattern needs ("yours\u01c2lf"); with ``quick``, ASCII text
    lower-cased and only the patterns whose words it holds. ``negated`` tells of a negation
    that ``text`` shows only unmasked (:func:`_spelled_negation`)."""
    if masked:
        return _find(text, text, _masked_kinds(), seeker, typed, negated=negated)
    if quick and text.isascii():
        searched = text.lower()
        return _find(text, searched, _possible(searched), seeker, typed, negated=negated)
    return _find(text, text, _KINDS, seeker, typed, negated=negated)


def _spelled_negation(
    response: str, folded: Folded, unmasked: Folded
) -> Callable[[int], bool] | None:
    """Whether a negation opens the clause of the words at a position of ``folded.text`` (the
    folded ``response``) read unmasked (``unmasked``), with a word spelled out with marks
    between them ("n.e.v.e.r. kill yourself": its full stops end the clause read plainly, and
    "never kill yourself" is read unmasked), its letters and marks ASCII as ``response`` types
    them (:func:`_typed_in_ascii`): a negation the plain reading lacks only because it is
    spelled out holds, as it holds read unmasked. Not where a look-alike letter or another
    character outside ASCII stands between ("n.\u0435.v.\u0435.r." with a Cyrillic "\u0435",
    "n\uff0ee\uff0ev\uff0ee\uff0er\uff0e" with full-width full stops): the words are found,
    for a person to read. None where ``unmasked`` holds no word spelled out (most texts)."""
    if unmasked.origins is None:
        return None
    reading = unmasked.text
    marks = mark_runs(reading)
    if marks:
        reading = without_marks(reading, marks)

    def negated(start: int) -> bool:
        at = unmasked.folded_span(start, start)[0]
        head = _clause_before(reading, at)
        negation = _NEGATED.search(head)
        if negation is None:
            return False
        begin = at - len(head) + negation.start()
        plain_start, plain_end = unmasked.span(begin, at)
        if plain_end - plain_start == at - begin:
            return False  # nothing spelled out between: the plain reading saw it as it is
        first, last = folded.span(plain_start, plain_end)
        return _typed_in_ascii(response[first:last])

    return negated


def _typed_in_ascii(text: str) -> bool:
    """Whether ``text`` is typed in ASCII but for the characters :func:`fold` leaves out (a
    zero-width space, a combining mark): "n.e.v\u200b.e.r." is, "n.\u0435.v.\u0435.r." is not."""
    return text.isascii() or all(
        c.isascii() or unicodedata.category(c) == "Cf" or unicodedata.category(c)[0] == "M"
        for c in text
    )


def _read_unmasked(
    unmasked: Folded, seeker: str | None, typed: str | None, *, quick: bool
) -> list[Span]:
    """The spans of the folded reply read unmasked (``unmasked``, from
    :func:`~carelens.disguises.unmask`), at the folded reply's offsets; ``typed`` (the folded
    reply with its look-alike letters as typed) is read unmasked as well, where it gives the
    same words."""
    typed_unmasked = None if typed is None else unmask(typed).text
    if typed_unmasked is not None and len(typed_unmasked) != len(unmasked.text):
        typed_unmasked = None  # not the same words: read as the patterns read them
    found = _read(
        unmasked.text,
        seeker,
        typed_unmasked,
        quick=quick,
        masked=MASKED_LETTER in unmasked.text,
    )
    return [Span(*unmasked.span(span.start, span.end), span.label, span.score) for span in found]


@lru_cache(maxsize=1)
def _masked_kinds() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    """:data:`_KINDS` for text with a masked letter ("k*ll yourself" as
    :func:`~carelens.disguises.unmask` reads it): each vowel of a pattern's words may be one
    (:func:`~carelens.disguises.vowels_masked`). Compiled the first time such a reply comes."""
    return tuple(
        (kind, tuple(re.compile(vowels_masked(p.pattern), re.IGNORECASE) for p in patterns))
        for kind, patterns in _KINDS
    )


def _possible(searched: str) -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
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


def _holds(pattern: re.Pattern[str], head: str, typed_head: str | None) -> bool:
    """Whether ``pattern`` finds its words in ``head``, the clause before a match, and in
    ``typed_head``, the same clause with its look-alike letters as typed, where given: words
    that read so only through look-alike letters ("d\u043en't", "\u0456f") cancel nothing."""
    return pattern.search(head) is not None and (
        typed_head is None or pattern.search(typed_head) is not None
    )


def _urged(
    pattern: re.Pattern[str],
    heads: tuple[str, str | None],
    quotes: tuple[Quotes, ...],
    start: int,
    end: int,
) -> bool:
    """Whether urging words matched by ``pattern`` at ``start``-``end`` urge, given the
    clause before them (``heads``: as read, and with its look-alike letters as typed where
    the reply holds some): not after a question or a wish (:data:`_NOT_URGING_BEFORE`), nor,
    for a belief, after a report of the seeker's (:data:`REPORTED_BEFORE`), nor, for any
    other, as what someone else said, reported (:data:`REPORTED_SPEECH`) or quoted (in each
    reading of ``quotes``: :class:`Quotes`); a belief stays urging when others are said to
    hold it ("they say suicide is the answer, and they're right")."""
    if _holds(_NOT_URGING_BEFORE, *heads):
        return False
    if pattern.pattern in _BELIEF_PATTERNS:
        return not _holds(REPORTED_BEFORE, *heads)
    return not _holds(REPORTED_SPEECH, *heads) and not all(
        quoted.hold(start, end) for quoted in quotes
    )


def _find(
    text: str,
    searched: str,
    kinds: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...],
    seeker: str | None = None,
    typed: str | None = None,
    *,
    negated: Callable[[int], bool] | None = None,
) -> tuple[Span, ...]:
    """The spans where the patterns of ``kinds`` match ``searched`` (``text`` or its
    lower-cased copy, with the same offsets), the clause before each read in ``text``, and
    a block quote read as a quotation where ``seeker`` wrote its words. Markdown's emphasis
    and code marks are read as spaces (:func:`without_marks`: "you should **kill
    yourself**"), the words they set off a quotation where the writer reports them
    (:class:`Quotes`). ``typed`` is ``text`` with its look-alike letters as typed, where
    a word that cancels a match (a negation, a question, a wish, a report or a quotation of
    someone else's words, a list's introduction) must read so too. ``negated`` tells whether
    a negation spelled out with marks opens the clause of the words at a position
    (:func:`_spelled_negation`)."""
    found: list[Span] = []
    quotes: tuple[Quotes, ...] = (Quotes(text, seeker),)
    if typed is not None:
        quotes += (Quotes(typed, seeker, look_alikes=False),)
    marks = mark_runs(text)
    if marks:
        text, searched = without_marks(text, marks), without_marks(searched, marks)
        typed = None if typed is None else without_marks(typed, marks)
    for kind, patterns in kinds:
        for pattern in patterns:
            for match in pattern.finditer(searched):
                start = match.end("lead") if match.groupdict().get("lead") else match.start()
                while start < match.end() and text[start].isspace():
                    start += 1
                # The clause before the words decides: a negation, a question or a wish.
                heads = (
                    _clause_before(text, start),
                    None if typed is None else _clause_before(typed, start),
                )
                if (
                    _holds(_NEGATED, *heads)
                    or (negated is not None and negated(start))
                    or (kind == "method" and _holds(_ASKED_ABOUT_SEEKER, *heads))
                    or (
                        kind == "urging"
                        and (
                            not _urged(pattern, heads, quotes, start, match.end())
                            or (
                                listed_not_urging(text, start)
                                and (typed is None or listed_not_urging(typed, start))
                            )
                        )
                    )
                ):
                    continue
                found.append(Span(start, match.end(), kind, 1.0))
    return merge_overlapping(found)
