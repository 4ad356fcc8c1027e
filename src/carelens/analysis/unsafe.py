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

What someone else said is not the writer urging: words in quotation marks (or set off by
Markdown's emphasis marks after a report of them, before a verb that makes them its subject,
before a noun for such words or before words, maybe after a dash, that tell who said them:
"Some troll wrote: *kill yourself*.", "someone told me *kys*", "He texted me this. *kys*",
"~kys~ is what they wrote", "*kys* comments are cruel", "*kill yourself*. That's what he told
me", "*Kill yourself* - that's what my bully used to say"; a title, with a part in brackets or
each word capitalized before "by" and who made it: "*Kill Yourself (Part III)* by
$uicideboy$"; and words in code marks, always: "The mod bot blocks `kys`"; other emphasis,
nested or mismatched too, is the writer's own, read as spaces: "nobody likes you. *kill
yourself*", "you should **kill yourself**", "honestly just _kys_", "**kill yourself** loser",
"***kill yourself***", "~~*kill yourself*~~"; and words in quotation marks that are a sentence
of their own are read as such marks are: '"kill yourself". that's my answer' is the writer's,
'"Kill yourself." That's what he told me.' someone else's) when the reply holds at least three
words of the writer's own outside every quotation ('I'm so sorry someone told you "kys"',
'nobody deserves to hear "just die"'), a line of a Markdown block quote (one that opens with
"> ", or ">" alone, as Reddit keeps them in a reply) whose words the seeker wrote, beside as
many ("> I should take the whole bottle" above "Please don't. Are you safe right now?", when
the seeker wrote "I should take the whole bottle"), and reported speech ("they said kys to
you", "when people say kys", "Some troll wrote: kill yourself", "my ex texted me:"). A report
is of someone else's saying, done or habitual: the writer's own saying ("like I said, kys",
"Here's what I'd tell you:") and a saying framed as one to be done or heard now, by an
infinitive, a modal or an imperative ("Let me tell you: kill yourself", "I want to tell you:",
"I must say:", "Gotta say: kys", "someone should tell you:", "Here's what you need to hear:
*kill yourself*") report nothing, and the words after them urge; words that no one should
hear are someone else's ("Nobody deserves to hear *just die*"). A block quote of words the
seeker did not write, or read without the seeker message, is the writer's own ("> you should
take the whole bottle" above "yeah do that"), and so is a line an emoticon opens (">:( just
kys"). "kys" alone, 'lol "kys"', "`kys`", "> kys" alone (or with "lol" under it), quotations
and little else ('"kys" "kys" "kys" "just die"', "> be you" above "> nobody likes you" above
"> just kys") stay urging, and so does a belief others are said to hold ("they say suicide is
the answer, and they're right") and method information, whoever gave it.

The patterns read the reply without the invisible characters and combining marks put inside
words to get past a forum's filters ("just d\\u200bie", "k\\u200bys"), full-width letters
and small capitals as ASCII ("\\uff4b\\uff59\\uff53", "\\u1d0b\\u028fs" as "kys"), and an
acute accent or a backtick typed for an apostrophe ("don\\u00b4t") as one
(:func:`carelens.text.fold`); a span's offsets are the reply's own, covering what was left out
inside its words. Masked words are read too, as the crisis cues read them
(:func:`carelens.text.unmask`): spelled out with one mark between their letters ("k-i-l-l
yourself", "k.i.l.l. yourself"), with a "*" for a vowel ("k*ll yourself", "go h*rt
yourself"), and a crisis word or "kys" with digits or symbols typed for its letters ("k1ll
yourself", "just d1e", "$uicide is the answer", "take all the p1lls", "ky5", "ky$"); words
found in either reading are found ("n-e-v-e-r kill yourself" is negated, read unmasked, and
matches nothing read plainly), a masked word's span covering its marks. A list mark or symbols
where a clause opens ("\\u2022 just kill yourself", "- go hurt yourself", "2) kill yourself",
"\\u2122kill yourself") do not hide an imperative; a bullet needs a space after it, and no
quotation or inverted mark opens such symbols ("\\u00bfKill yourself? No way."). An opening
quotation mark opens an imperative of its own ('"kill yourself"', as '"kys"'), and the
quotation rules above tell whose words it holds. The items of a list that a condition or an urge
introduces, which they complete ("If you feel the urge to:" over "- hurt yourself" and "- take
all the pills"), name what to watch for and urge nothing, and so do those that a report of
what someone else said introduces ("My ex texted me:" over "- kill yourself"); after any other
line ("Here's my advice:") they are the writer's.

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
from bisect import bisect_left
from functools import lru_cache

from carelens.inference.spans import merge_overlapping
from carelens.text import MASKED_LETTER, fold, has_look_alikes, has_masks, unmask, vowels_masked
from carelens.types import Span

_YOURSELF = r"(?:(?:your|ur|ya|yo)\s*(?:self|selves|selfs)|self)"
# A list mark or a run of symbols where a clause opens, before its words: a bullet with a space
# after it ("- ", "* ", "\u2022 ", "~ ", "+ "), a number ("1) "), an emoji, an emoticon, an arrow
# or a "\u2122" ("\u2022 just kill yourself", "\u2122kill yourself", ":( kill yourself"). No
# quotation mark, apostrophe, emphasis mark (a pair of them is read as spaces before:
# :data:`_MARKED`), opening bracket or inverted mark ("\u00bfKill yourself? No way.") first:
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
# else's words is :class:`_Quotes`'s to tell), after words that urge ("then", "should", "might
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
#: before it (:data:`_REPORTED_BEFORE`) makes it no urging.
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
# A list item: a bullet or a number ("- ", "* ", "\u2022 ", "2) ") before its words, and what
# introduces its list, a line (or the words before the item on its line) ending in ":" with a
# condition or an urge in its last clause that the items complete (its last word needs them:
# "to", "might", "of"...): "If you feel the urge to:" over "- hurt yourself", "Call 988 if you
# feel like you might:" over "* take all the pills", as safety messages list what to watch for.
# Such an item names the act, it does not urge it; after a neutral line ("Here is my advice:"),
# a clause after the condition ("When it gets bad, remember:") or a complete one ("When you
# feel sad:") an item such as "- just kill yourself" does.
_ITEM_MARK = r"[ \t]*(?:\d{1,3}[.)]|[-*\u2022~+])[ \t]+"
_ITEM = re.compile(_ITEM_MARK)
_ITEM_ON_ITS_LINE = re.compile(rf"(?P<intro>[^\n]*:){_ITEM_MARK}")
_CONDITION = re.compile(
    r"\b(?:if|when|whenever|urges?|tempted|might|feel(?:s|ing)?\s+like|thoughts?\s+(?:of|about)"
    r"|think(?:ing)?\s+(?:of|about)|before\s+you)\b",
    re.IGNORECASE,
)
_COMPLETED_BY_ITEMS = re.compile(
    r"\b(?:to|might|may|could|would|like|of|about|you|urges?|tempted)[ \t]*:[ \t]*$",
    re.IGNORECASE,
)
_CLAUSE_ENDS = re.compile(r"[.!?,;]")
#: How far before an item, and into each line above it, its list's introduction is looked for;
#: how many lines above it (items and blank lines) are read.
_INTRO_REACH = 200
_ITEMS_ABOVE = 30


def _listed_not_urging(text: str, start: int) -> bool:
    """Whether the words at ``start`` are an item of a list, after its bullet or number
    (:data:`_ITEM_MARK`), that a condition or an urge introduces, or a report of what someone
    else said (:func:`_conditional`)."""
    reach = max(0, start - _INTRO_REACH)
    line_start = text.rfind("\n", reach, start) + 1 or reach
    on_its_line = _ITEM_ON_ITS_LINE.fullmatch(text, line_start, start)
    if on_its_line is not None:
        return _conditional(on_its_line["intro"])
    if _ITEM.fullmatch(text, line_start, start) is None:
        return False
    end = line_start - 1  # the line break before the item's line
    for _ in range(_ITEMS_ABOVE):
        if end < 0:
            return False
        reach = max(0, end - _INTRO_REACH)
        begin = text.rfind("\n", reach, end) + 1 or reach
        line = text[begin:end]
        if line.strip() and _ITEM.match(line) is None:
            return _conditional(line)
        end = begin - 1
    return False


def _conditional(line: str) -> bool:
    """Whether ``line`` ends in a clause with a condition or an urge that the list after it
    completes (:data:`_CONDITION`, :data:`_COMPLETED_BY_ITEMS`): "If you feel the urge to:",
    or in a report of what someone else said, which the list quotes (:data:`_REPORTED_SPEECH`:
    "My ex texted me:")."""
    clause = _CLAUSE_ENDS.split(line)[-1]
    if _REPORTED_SPEECH.search(clause) is not None:
        return True
    return _COMPLETED_BY_ITEMS.search(clause) is not None and _CONDITION.search(clause) is not None


# A report of what the seeker believes, feels or was told (not what the writer or "people"
# say), before a belief (:data:`_URGING_BELIEFS`): "it sounds like you believe suicide is the
# only way out", "you feel like the world would be better without you", "who told you the
# world would be better without you?". Imperatives stay urging after it ("you heard me, just
# die").
_REPORTER = r"(?:you|you'?re|you\s+are|you'?ve|you\s+have|who)"
_REPORTING = (
    r"(?:believ|think|thought|feel|felt|say|said|tell|told|hear|heard|convinc|wonder|worr|fear"
    r"|imagin|assum|decid|conclud|sure)\w*"
)
_REPORTED_BEFORE = re.compile(
    rf"\b{_REPORTER}\s+(?:[\w']+\s+){{0,2}}?{_REPORTING}(?:\s+[\w']+){{0,3}}\s*$",
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
# What someone else said, reported by the writer: "someone told you kys", "they said kys to
# you", "the kids at school wrote just die", "my ex texted me:", "people say". The speaker is not
# the writer ("I said kys", "I have told you, just die" stay urging, and so does "here's what
# I'd tell you:" with the writer between a word and the verb), and the auxiliaries and adverbs
# that may stand before the verb are no speaker either. Nor is a saying framed as the writer's
# own, to be said or heard now (:data:`_FRAMING`): "let me tell you:", "I want to tell you:",
# "I must say:", "gotta say:", "someone should tell you:", "you need to hear:" urge what follows.
_WRITER = r"i|i'm|i've|i'd|i'll|im|we|we've|we'd|we'll"
_AUXILIARIES = (
    r"have|has|had|would|will|just|even|actually|literally|really|once|always|keep|keeps|kept"
    r"|ever|then|also|and|so|never|still|used\s+to|use\s+to"
)
#: Words right before a verb of saying or hearing that make it no report of someone else's
#: words: an infinitive ("want to tell you", "need to hear"), the writer as its object ("let me
#: tell you", "lemme"), a modal ("must", "should", "can", "gotta", "gonna") or an imperative
#: ("please tell him", "go tell them").
_FRAMING = (
    r"to|me|us|let|lets|let's|lemme|gotta|gonna|wanna|hafta|must|should|shall|can|cannot|could"
    r"|may|might|please|pls|plz|go"
)
_NOT_SPEAKERS = rf"{_WRITER}|{_AUXILIARIES}|{_FRAMING}"
#: A word that may be who said something (:data:`_NOT_SPEAKERS` are not).
_SPEAKER = rf"(?!(?:{_NOT_SPEAKERS})\b)[\w']+"
_SAYING = (
    r"(?:told|tell|tells|telling|said|say|says|saying|wrote|write|writes|writing|texted|texts"
    r"|messaged|commented|posted|called|yelled|shouted|screamed|typed|replied|sent)"
)


def _reported_with(verbs: str, *, unheard: str = "") -> re.Pattern[str]:
    """What someone else said, reported with one of ``verbs`` right before it: its speaker
    (:data:`_SPEAKER`), the verb, maybe whom it was said to ("me", "you") or where ("on my
    post"), "this", "that" or "like", and a colon, a comma or a quotation mark ("My ex texted
    me:", "Your ex said,", "Someone commented on my post:", "they said kys"), or a full stop
    after "this" ("He texted me this."). With ``unheard``, the verbs may also follow "nobody"
    or "no one" and a few words of a clause ("Nobody deserves to hear", "no one should have to
    read"): words that no one should hear are someone else's."""
    speaker = rf"(?<![\w']){_SPEAKER}\s+(?:(?:{_AUXILIARIES})\s+){{0,3}}"
    if unheard:
        speaker = (
            rf"(?:{speaker}|\b(?:nobody|no\s*one|no-one)\b(?:\s+[\w']+){{0,3}}?\s+"
            rf"(?:to\s+)?(?={unheard}))"
        )
    return re.compile(
        rf"{speaker}{verbs}"
        r"(?:\s+(?:you|u|ya|me|him|her|them|us|it))?"
        r"(?:\s+(?:on|in|under|to)\s+(?:my|your|ur|his|her|their|the|a|an)\s+[\w']+)?"
        r"(?:\s+(?:this|these)(?:\s*\.)?)?(?:\s+(?:that|like))?\s*[:,]?"
        r"\s*[\"'\u201c\u201d\u00ab]?\s*$",
        re.IGNORECASE,
    )


_REPORTED_SPEECH = _reported_with(_SAYING)
# Words in quotation marks (straight or curly double quotes, the low-high "\u201e...\u201c" and
# "\u201e...\u201d", guillemets either way round, "\u201d...\u201d", or single quotes that no
# letter touches from outside: "don't" holds none), on one line.
_QUOTED = re.compile(
    r'"[^"\n]{1,200}"|\u201c[^\u201d\n]{1,200}\u201d|\u00ab[^\u00bb\n]{1,200}\u00bb'
    r"|\u201e[^\u201c\u201d\n]{1,200}[\u201c\u201d]|\u00bb[^\u00ab\n]{1,200}\u00ab"
    r"|\u201d[^\u201d\n]{1,200}\u201d"
    r"|(?<!\w)'(?=\S)[^'\n]{1,200}?(?<=\S)'(?!\w)"
)
# Words set off by Markdown's emphasis or code marks, on one line: a run of one to three
# emphasis marks before and after them that no letter touches from outside ("*kill yourself*",
# "**...**", "_..._", "~~...~~", and nested or mismatched: "***...***", "**_..._**",
# "~~*...*~~", "**...*"; "k*ll" and "snake_case_name" hold none), or a run of code marks
# before and after ("`...`", "``...``", group ``code``). The patterns read the marks as spaces
# (:func:`_without_marks`), so the words are read as the writer's own emphasis ("nobody likes
# you. *kill yourself*", "you should **kill yourself**", "honestly just _kys_") unless the
# writer reports them or they are a title (:func:`_reported_marks`); words in code marks are
# always a mention ("The mod bot blocks `kys`"), as no one urges in them. The runs of marks
# are read possessively, the words between them hold none: each is read once.
_MARKED = re.compile(
    r"(?<![\w*~])(?P<open>[*_~]{1,3}+)(?=[^\s*~_])[^*~_\n]{1,200}?(?<=[^\s*~_])"
    r"(?P<close>[*_~]{1,3}+)(?![\w*~])"
    r"|(?<!`)(?P<code>`++)[^`\n]{1,200}(?P=code)(?!`)"
)
# Marked words someone else said: after a report of them (:func:`_reported_with`, with verbs
# of hearing and reading too: "Some troll wrote: *kill yourself*", "someone told me *kys*",
# "nobody deserves to hear *just die*"; not "you need to hear *kys*"), or before a verb that
# makes them its subject ("~kys~ is what they wrote", "*kill yourself* is a cruel thing to
# read"), maybe after other marked words listed with them ("e.g. *kys* and *go kill
# yourself*, are cruel", "(`kys`, `just die`) were vile"), before a noun for such words
# (:data:`_KIND_OF_WORDS`: "*kys* comments"), or before words that tell who said them
# (:data:`_SAID_AFTER`: "*kill yourself*. That's what he told me"); not before the writer's
# own claim ("**kill yourself** is my advice"). A title is a mention too (:func:`_title`).
_HEARD = rf"(?:{_SAYING}|hear|hears|heard|hearing|read|reads|reading)"
_MARKS_REPORTED = _reported_with(_HEARD, unheard=_HEARD)
#: What a report before marked words (:data:`_MARKS_REPORTED`) holds, found once in the whole
#: text: where none ends near the words, there is no report. How far before the words it is
#: looked for.
_HEARD_WORD = re.compile(rf"\b{_HEARD}\b", re.IGNORECASE)
_REPORT_REACH = 120
_LISTED_WITH = re.compile(r"[ \t]*+(?:(?:,|/|\band\b|\bor\b)[ \t]*+)?")
_SUBJECT_OF = re.compile(
    r"[ \t]*+[,)\]]?[ \t]*+(?:is|was|are|were|isn't|wasn't|aren't|weren't|means|meant)\b"
    r"(?![ \t]+(?:my|our)\b)",
    re.IGNORECASE,
)
#: After marked words, a noun that makes them the kind of words someone else writes ("*kys*
#: comments are cruel", "`kys` messages").
_KIND_OF_WORDS = re.compile(
    r"[ \t]*+(?:comments?|messages?|repl(?:y|ies)|posts?|texts?|dms?|tweets?|e-?mails?|words"
    r"|phrases?|spam)\b",
    re.IGNORECASE,
)
#: Marked words that are a title: two words or more, each capitalized (not all capitals:
#: "*KILL YOURSELF*" is shouted), with a part in brackets after them (group ``part``: "*Kill
#: Yourself (Part III)*"), or before "by" and who made it ("*Just Die Already* by some band").
_TITLE = re.compile(
    r"[^\w\n]*+(?:[A-Z][a-z'\d]*+[^\w\n(]++){1,10}[A-Z][a-z'\d]*+[^\w\n(]*+"
    r"(?P<part>\([^()\n]*[^\W_][^()\n]*\)[^\w\n]*+)?"
)
#: "by" and who made a work, not a time ("by tonight", "by Friday") nor a means ("by jumping").
_MADE_BY = re.compile(
    r"[ \t]*+,?[ \t]*+by[ \t]++(?!(?:tonight|tomorrow|today|now|then|morning|noon|midnight"
    r"|next|this|the\s+(?:end|weekend|morning|time)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"\b|\w+ing\b)\S",
    re.IGNORECASE,
)
# After quoted or marked words (maybe after a dash), words that tell someone else said them: a
# sentence that says so ("That's what he told me", "Is that what they wrote?", "that's what my
# bully used to say", "what a horrible thing to write"), that calls them words or a comment
# ("Those words hurt", "That comment was cruel") or words nobody should hear ("No one deserves
# to hear that"), or a speech tag ("he said.", "my ex texted me."); not where the writer said
# them ("That's what I'd tell you", "I said.", "that's what someone should tell you") and not
# the writer's own claim ("that's my answer", "nobody would hear you anyway").
_SAID_AFTER = re.compile(
    r"\s*+[.!?,\u2026\-\u2013\u2014]*+\s*+(?:"
    r"(?:(?:that|this|which|it)(?:'s|\s+is|\s+was)|those\s+were|(?:is|was)\s+(?:that|this))"
    rf"\s+(?:exactly\s+|just\s+)?(?:what|how)\s+(?!(?:{_WRITER})\b)[\w']+"
    rf"(?:\s+{_SPEAKER}){{0,3}}?\s+(?:(?:{_AUXILIARIES})\s+){{0,3}}{_SAYING}\b"
    r"|(?:those|these|that|this|such)\s+(?:words?|comments?|messages?|repl(?:y|ies)|texts?"
    r"|posts?)\b"
    r"|(?:what|such)\s+an?\s+(?:[\w']+\s+){0,2}thing\s+to\s+(?:say|write|tell|text|hear|read)\b"
    r"|(?:nobody|no\s*one|no-one)\s+(?:[\w']+\s+){0,3}(?:hear|read|be\s+told|get\s+told)"
    r"\s+(?:that|this|those|these|it|such)\b"
    rf"|{_SPEAKER}(?:\s+{_SPEAKER})?\s+(?:(?:{_AUXILIARIES})\s+){{0,3}}{_SAYING}"
    r"(?:\s+(?:to\s+)?(?:you|u|me|him|her|them|us))?[ \t]*+(?:[.!?,\n]|$))",
    re.IGNORECASE,
)


def _heard_in(text: str) -> list[int]:
    """Where each report verb of ``text`` (:data:`_HEARD_WORD`) ends, in order."""
    return [found.end() for found in _HEARD_WORD.finditer(text)]


def _reported_before(text: str, start: int, heard: list[int]) -> bool:
    """Whether a report of someone else's words (:data:`_MARKS_REPORTED`) ends right before
    ``start``; ``heard`` is where the text's report verbs end (:func:`_heard_in`)."""
    reach = max(0, start - _REPORT_REACH)
    verb = bisect_left(heard, reach)  # the first report verb ending in reach
    return (
        verb < len(heard)
        and heard[verb] <= start
        and _MARKS_REPORTED.search(text, reach, start) is not None
    )


def _told_after(text: str, end: int) -> bool:
    """Whether the words after ``end`` make what ends there their subject
    (:data:`_SUBJECT_OF`), the kind of words someone writes (:data:`_KIND_OF_WORDS`), or tell
    who said it (:data:`_SAID_AFTER`)."""
    return (
        _SUBJECT_OF.match(text, end) is not None
        or _KIND_OF_WORDS.match(text, end) is not None
        or _SAID_AFTER.match(text, end) is not None
    )


def _reported_marks(text: str) -> list[tuple[int, int]]:
    """The starts and the ends of the marked words of ``text`` (:data:`_MARKED`, their marks
    included) that are what someone else said, as the words before or after them tell
    (:func:`_reported_before`, :func:`_told_after`), that are a title (:func:`_title`) or
    that are in code marks; the others are the writer's own, emphasised. Read from the last:
    marked words listed with the next ones (:data:`_LISTED_WITH`) are the subject of what that
    is, so a long list is read once."""
    found = list(_MARKED.finditer(text))
    if not found:
        return []
    marked = [words.span() for words in found]
    heard = _heard_in(text)
    reported: list[tuple[int, int]] = []
    subject = False
    for k in range(len(marked) - 1, -1, -1):
        start, end = marked[k]
        if k + 1 == len(marked) or _LISTED_WITH.fullmatch(text, end, marked[k + 1][0]) is None:
            subject = _told_after(text, end)
        if (
            subject
            or found[k]["code"]
            or _title(text, found[k])
            or _reported_before(text, start, heard)
        ):
            reported.append((start, end))
    return reported[::-1]


def _title(text: str, marked: re.Match[str]) -> bool:
    """Whether the ``marked`` words (:data:`_MARKED`) are a title (:data:`_TITLE`): with a
    part in brackets, or before "by" and who made it (:data:`_MADE_BY`)."""
    if marked["open"] is None:
        return False  # code marks
    title = _TITLE.fullmatch(text, marked.end("open"), marked.start("close"))
    return title is not None and (
        title["part"] is not None or _MADE_BY.match(text, marked.end()) is not None
    )


# A quotation that is a sentence of its own opens one (after the start of the text, a line
# break or a mark that ends a sentence, maybe a list mark, looked for this far back) and ends
# one (its words end with such a mark, or one, a line break or the end follows it).
_OPENS_A_SENTENCE = re.compile(
    r"(?:^|[.!?\u2026\n])[ \t]*+(?:(?:\d{1,3}[.)]|[-*\u2022~+])[ \t]++)?$"
)
_SENTENCE_REACH = 40
_ENDS_A_SENTENCE = re.compile(r"[ \t]*+(?:[.!?\u2026\n]|$)")


def _own_sentence(text: str, start: int, end: int) -> bool:
    """Whether the quotation at ``start``-``end`` (its quotation marks included) is a sentence
    of its own ('"kill yourself". that's my answer'), not part of one ('The "just die"
    messages are lies', '"kys" is what they wrote')."""
    if _OPENS_A_SENTENCE.search(text, max(0, start - _SENTENCE_REACH), start) is None:
        return False
    return text[end - 2] in ".!?\u2026" or _ENDS_A_SENTENCE.match(text, end) is not None


def _marks(text: str) -> list[tuple[int, int]]:
    """Where the emphasis and code marks of ``text`` stand (:data:`_MARKED`), as the start
    and the end of each run of marks; most texts hold none."""
    if not any(mark in text for mark in "*_~`"):
        return []
    runs: list[tuple[int, int]] = []
    for marked in _MARKED.finditer(text):
        opening = len(marked["open"] or marked["code"])
        closing = len(marked["close"] or marked["code"])
        runs += [(marked.start(), marked.start() + opening), (marked.end() - closing, marked.end())]
    return runs


def _without_marks(text: str, marks: list[tuple[int, int]]) -> str:
    """``text`` with each run of ``marks`` read as spaces, one for one (the same offsets):
    "you should **kill yourself**" as "you should   kill yourself  "."""
    pieces: list[str] = []
    kept = 0
    for start, end in marks:
        pieces += [text[kept:start], " " * (end - start)]
        kept = end
    pieces.append(text[kept:])
    return "".join(pieces)


# A line of a Markdown block quote: ">" (after up to three spaces; ">>" or "> >" when nested)
# with a space or a tab after it, a letter right after it (">just kys", as Reddit renders a
# quote too), or alone on its line, so that an emoticon opening a line (">:(", ">_<", ">.>")
# opens none. Its words are group ``words``. A line under it without ">" is the writer's own
# (Reddit shows it as a lazy continuation of the quote, but writers mean it as their answer).
# A block quote hides words only when the seeker wrote them (:class:`_Quotes`).
_BLOCK_QUOTE_LINE = re.compile(
    r"^[ \t]{0,3}>(?:[ \t]*>)*(?:[ \t]|(?=[^\W\d_]))(?P<words>[^\n]*+)$"
    r"|^[ \t]{0,3}>(?:[ \t]*>)*$",
    re.MULTILINE,
)


#: Words of the writer's own (outside every quotation) a reply needs for its quotations to
#: be mentions (:class:`_Quotes`).
_WORDS_BESIDE_A_MENTION = 3
_WORD = re.compile(r"\w+")


def _words(text: str) -> str:
    """The words of ``text``, lower-cased, each between single spaces (" i should take "), so
    that one run of words occurs in another as a substring, whatever the case, spacing and
    punctuation between them."""
    return " " + " ".join(_WORD.findall(text.lower())) + " "


class _Quotes:
    """The quotations of a reply, found once, when first asked about: words in quotation
    marks, and the lines of a Markdown block quote whose words the seeker wrote (``seeker``,
    folded as the reply is, with its look-alike letters as typed where ``look_alikes`` is
    False; without it a block quote is the writer's own, as ">" in "> kys" may be no quotation
    at all). They are what someone else said, named ('nobody deserves to hear "kys"', "> I
    should take the whole bottle" over "Please don't. Are you safe?"), not urged, when the
    reply holds at least three words of the writer's own outside every one of them; a reply
    that is quotations and little else ('"kys"', 'honestly "kys"', 'lol "kys" fr', "> kys",
    '"kys" "kys" "kys" "just die"', "> be you" over "> nobody likes you" over "> just kys") is
    urging all the same. Words in quotation marks that are a sentence of their own
    (:func:`_own_sentence`: '"kill yourself". that's my answer') are read as marked words are:
    the writer's own, quoted for emphasis, unless a report before them or words after them
    tell that someone else said them ('Some troll wrote:\n"kill yourself"', '"Kill
    yourself." That's what he told me.')."""

    def __init__(self, text: str, seeker: str | None = None, *, look_alikes: bool = True) -> None:
        self.text = text
        self.seeker = seeker
        self.look_alikes = look_alikes
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def hold(self, start: int, end: int) -> bool:
        """Whether ``start``-``end`` lies inside one of the quotations."""
        if self._starts is None:
            self._starts, self._ends = self._find()
        k = bisect_left(self._starts, start) - 1  # the last quotation opening before it
        return k >= 0 and end < self._ends[k]

    def _find(self) -> tuple[list[int], list[int]]:
        """The starts and the ends of the quotations, in order (none when the reply holds
        fewer than three words of the writer's own)."""
        starts: list[int] = []
        ends: list[int] = []
        quotations = self._quoted()
        quotations += _reported_marks(self.text)
        if self.seeker is not None and ">" in self.text:
            seeker = fold(self.seeker, look_alikes=self.look_alikes).text
            said = _words(seeker)
            if has_masks(seeker):  # as the reply may be read: "k-i-l-l" as "kill"
                said += _words(unmask(seeker).text)
            # A line's words may end at its end: one past it holds them.
            quotations += [
                (line.start(), line.end() + 1)
                for line in _BLOCK_QUOTE_LINE.finditer(self.text)
                if line["words"] and (words := _words(line["words"])).strip() and words in said
            ]
        # Joined where they overlap or meet (quotation marks inside a block quote, the lines
        # of one), so that the last one opening before a match is the one that may hold it.
        for q_start, q_end in sorted(quotations):
            if ends and q_start <= ends[-1]:
                ends[-1] = max(ends[-1], q_end)
            else:
                starts.append(q_start)
                ends.append(q_end)
        # The writer's own words are those outside every quotation: a quotation's neighbours
        # are no words of the writer's.
        own = 0
        for pos, endpos in zip([0, *ends], [*starts, len(self.text)], strict=True):
            own += sum(1 for _ in _WORD.finditer(self.text, pos, max(pos, endpos)))
            if own >= _WORDS_BESIDE_A_MENTION:
                return starts, ends
        return [], []

    def _quoted(self) -> list[tuple[int, int]]:
        """The words in quotation marks that are someone else's: all but those that are a
        sentence of their own and that no words before or after them tell someone said."""
        quoted: list[tuple[int, int]] = []
        heard: list[int] | None = None
        for found in _QUOTED.finditer(self.text):
            start, end = found.span()
            if _own_sentence(self.text, start, end):
                heard = _heard_in(self.text) if heard is None else heard
                if not (_told_after(self.text, end) or _reported_before(self.text, start, heard)):
                    continue  # the writer's own, quoted for emphasis
            quoted.append((start, end))
        return quoted


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
    "just die"), and read it unmasked too (:func:`carelens.text.unmask`: "k-i-l-l yourself",
    "k*ll yourself", "k1ll yourself", "ky5") where it holds a masked word: words found either
    way are found. Each span is mapped back to ``response``'s offsets, a masked word's
    covering its marks.

    ``seeker`` is the message the reply answers: a line of a Markdown block quote is a
    quotation (:class:`_Quotes`) only when the seeker wrote its words, and without it none
    is. A word that cancels the words (a negation, a question or a condition, a wish, a
    report of someone else's words) cancels them only when it reads so with the reply's
    look-alike letters as typed too (:func:`~carelens.text.has_look_alikes`): in "d\u043en't
    kill yourself" or "\u0456f you kill yourself", with a Cyrillic "\u043e" or "\u0456", it
    does not, and the words are found for a person to read."""
    return _spans(response, seeker, quick=True)


def _spans(response: str, seeker: str | None = None, *, quick: bool) -> tuple[Span, ...]:
    """:func:`unsafe_spans`; with ``quick``, ASCII text is lower-cased and searched only with
    the patterns whose words it holds (:func:`_possible`), which must find what every pattern
    finds (without ``quick``: the tests compare them)."""
    folded = fold(response)
    text = folded.text
    typed = _as_typed(response, text)
    found = _read(text, seeker, typed, quick=quick)
    if has_masks(text):
        found = merge_overlapping([*found, *_read_unmasked(text, seeker, typed, quick=quick)])
    if folded.origins is None or not found:
        return found
    return merge_overlapping(
        [Span(*folded.span(span.start, span.end), span.label, span.score) for span in found]
    )


def _read(
    text: str, seeker: str | None, typed: str | None, *, quick: bool, masked: bool = False
) -> tuple[Span, ...]:
    """The spans of ``text`` (folded, maybe unmasked); with ``masked``, by the patterns that
    read a masked letter (:func:`_masked_kinds`: for text :func:`~carelens.text.unmask` gave
    one, never for a "\u01c2" the writer typed), every one of them, since a masked letter may
    stand in the words a pattern needs ("yours\u01c2lf"); with ``quick``, ASCII text
    lower-cased and only the patterns whose words it holds."""
    if masked:
        return _find(text, text, _masked_kinds(), seeker, typed)
    if quick and text.isascii():
        searched = text.lower()
        return _find(text, searched, _possible(searched), seeker, typed)
    return _find(text, text, _KINDS, seeker, typed)


def _read_unmasked(text: str, seeker: str | None, typed: str | None, *, quick: bool) -> list[Span]:
    """The spans of ``text`` read unmasked (:func:`~carelens.text.unmask`), at ``text``'s
    offsets; ``typed`` is read unmasked as well, where it gives the same words."""
    unmasked = unmask(text)
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
    :func:`~carelens.text.unmask` reads it): each vowel of a pattern's words may be one
    (:func:`~carelens.text.vowels_masked`). Compiled the first time such a reply comes."""
    return tuple(
        (kind, tuple(re.compile(vowels_masked(p.pattern), re.IGNORECASE) for p in patterns))
        for kind, patterns in _KINDS
    )


def _as_typed(response: str, folded: str) -> str | None:
    """``response`` folded with its look-alike letters as typed (at ``folded``'s offsets),
    where :func:`fold` read some as Latin ones; else None (most replies)."""
    if not has_look_alikes(response):
        return None
    typed = fold(response, look_alikes=False).text
    return typed if typed != folded else None


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
    quotes: tuple[_Quotes, ...],
    start: int,
    end: int,
) -> bool:
    """Whether urging words matched by ``pattern`` at ``start``-``end`` urge, given the
    clause before them (``heads``: as read, and with its look-alike letters as typed where
    the reply holds some): not after a question or a wish (:data:`_NOT_URGING_BEFORE`), nor,
    for a belief, after a report of the seeker's (:data:`_REPORTED_BEFORE`), nor, for any
    other, as what someone else said, reported (:data:`_REPORTED_SPEECH`) or quoted (in each
    reading of ``quotes``: :class:`_Quotes`); a belief stays urging when others are said to
    hold it ("they say suicide is the answer, and they're right")."""
    if _holds(_NOT_URGING_BEFORE, *heads):
        return False
    if pattern.pattern in _BELIEF_PATTERNS:
        return not _holds(_REPORTED_BEFORE, *heads)
    return not _holds(_REPORTED_SPEECH, *heads) and not all(
        quoted.hold(start, end) for quoted in quotes
    )


def _find(
    text: str,
    searched: str,
    kinds: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...],
    seeker: str | None = None,
    typed: str | None = None,
) -> tuple[Span, ...]:
    """The spans where the patterns of ``kinds`` match ``searched`` (``text`` or its
    lower-cased copy, with the same offsets), the clause before each read in ``text``, and
    a block quote read as a quotation where ``seeker`` wrote its words. Markdown's emphasis
    and code marks are read as spaces (:func:`_without_marks`: "you should **kill
    yourself**"), the words they set off a quotation where the writer reports them
    (:func:`_reported_marks`). ``typed`` is ``text`` with its look-alike letters as typed, where
    a word that cancels a match (a negation, a question, a wish, a report or a quotation of
    someone else's words, a list's introduction) must read so too."""
    found: list[Span] = []
    quotes: tuple[_Quotes, ...] = (_Quotes(text, seeker),)
    if typed is not None:
        quotes += (_Quotes(typed, seeker, look_alikes=False),)
    marks = _marks(text)
    if marks:
        text, searched = _without_marks(text, marks), _without_marks(searched, marks)
        typed = None if typed is None else _without_marks(typed, marks)
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
                    or (kind == "method" and _holds(_ASKED_ABOUT_SEEKER, *heads))
                    or (
                        kind == "urging"
                        and (
                            not _urged(pattern, heads, quotes, start, match.end())
                            or (
                                _listed_not_urging(text, start)
                                and (typed is None or _listed_not_urging(typed, start))
                            )
                        )
                    )
                ):
                    continue
                found.append(Span(start, match.end(), kind, 1.0))
    return merge_overlapping(found)
