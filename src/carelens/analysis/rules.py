"""Rules that complement the model: unsafe wording is strongly dismissive, minimising, blaming
and mocking phrases at least weakly, remarks of sympathy not at all, and a plain offer of the
helper's own help or company at least weakly compassionate.

A reply that urges someone to die or tells them how (:mod:`carelens.analysis.unsafe`) is
``dismissive`` 2 under codebook v1.1: given those words (found once by the analyzer, which also
keeps them in the result's ``unsafe`` field), :func:`apply_rules` raises the dimension to 2
whatever the model said below that, adds the words as rationale spans (label ``dismissive``,
score 1.0) and mixes the probabilities half-and-half with certainty of level 2.

The codebook names phrases that minimise or blame whatever surrounds them — "at least you ...",
"it's not that bad", "others have it worse", "get over it", "what did you expect", "you're too
sensitive" — and so do blaming questions, condescension and a shrug
(:func:`carelens.analysis.reply_contempt.contempt_spans`: "Why would you put your savings into
crypto??", "Not that hard.", "Meh, happens to everyone"), and other put-downs
(:func:`carelens.analysis.reply_putdowns.putdown_spans`: "you're doing this to yourself",
"stop making excuses", "how many times is this now?", "once you stop making everything about
your anxiety"), brush-offs (:func:`carelens.analysis.reply_brushoffs.brushoff_spans`:
"everything happens for a reason", "stop stressing", "get another one", "you'll have to
deal", "so?", "You'll find another.", "busy rn, try the helpline"), blame, hostile
questions and demeaning help
(:func:`carelens.analysis.reply_blame.blame_spans`: "red flags you chose to ignore", "did you
even think about the people on the road?", "this is the last time I bail you out"), hindsight
blame, siding with whoever hurt them, minimising and shaming questions
(:func:`carelens.analysis.reply_reproach.reproach_spans`: "you really should have asked for a
deposit", "you can't really blame her", "being angry doesn't really help", "were you even
paying attention?") and contempt in advice or grudging help
(:func:`carelens.analysis.reply_grudging.grudging_spans`: "get some self-respect", "if you
ask nicely", "I have my own life too"), questions that blame
(:func:`carelens.analysis.reply_rhetorical.rhetorical_spans`: "Didn't you read the requirements
before you applied?", "And you're surprised?") and the fault laid on them
(:func:`carelens.analysis.reply_fault.fault_spans`: "maybe you missed the signs", "you kind of
earned the suspicion", "hopefully this is a wake-up call", "I'm not sure what you expected",
"Not my problem tbh.") and a turn after warm words that makes it smaller
(:func:`carelens.analysis.reply_turns.turn_spans`: "That's hard, no doubt. But that's
teenagers, she'll grow out of it"), wherever they stand, also after warm words. Rare in
the training data, they are easy for a small model to miss, so :func:`apply_rules` raises
``dismissive`` to level 1 when one is present and the model said 0, adds the phrase as a
rationale span (label ``dismissive``, score 1.0), and mixes the probabilities half-and-half
with certainty of level 1 (so level 1 is the most probable).

The phrases are written so that negation cannot flip them into their opposite: "it's not your
fault", "you're not too sensitive" or "not that you should just get over it" never match (each
pattern checks the words before it; a negation does not reach past a "but" — "not being
funny but you did bring this on yourself" — nor from inside a condition to a main clause with
its own subject — "if you're not speaking up in meetings that's kind of on you"), and "at
least" is only minimising when a person or
situation follows ("at least you have a job"), not a quantity ("at least twice a week"). The
"n't" of a rhetorical question that urges the phrase negates nothing: "why don't you just get
over it?", "why not just cheer up?" and "can't you just get over it?" match. Someone else's
demand reported right before a phrase is not the helper's ("Your mom telling you to stop being
dramatic was unfair"), nor are words in quotation marks ("There's no 'get over it' deadline on
grief"). Given the seeker's message, sarcasm (:func:`carelens.analysis.reply_sarcasm.sarcasm`:
"How typical.", "skill issue", "Great job. Really nailed it" to a mishap) raises ``dismissive``
in the same way, and so do the words the feedback quotes as judging them
(:func:`carelens.analysis.reply_judging.judging_words`: "you should've seen this coming",
"you were probably a bit too clingy") and the helper's own story set against theirs
(:func:`carelens.analysis.feedback_own_story.one_upping`: "Back pain is nothing, I've had three
spinal surgeries"), so the style says what the feedback says. None of
these rules changes a mechanism the model scored: a hostile question stays the model's
exploration, which is EPITOME's.

The other way, the model reads remarks of sympathy on what the seeker told ("How sad.", "How
dare he.", "How typical of them to leave you alone with this", "Oof.", "I'm furious for you")
and other kind words (reassurance, validation: "Don't let anyone say you're overreacting.") now
as dismissal: where a reply is such remarks alone, or each of its sentences is kind words or
gives the seeker a feeling or says their experience back, or asks a few words in disbelief
("oof. in public too?? that's awful"), with nothing that judges, mocks or minimises
(:func:`remarks_not_dismissive`: "How hurtful. You probably feel rejected."),
:func:`apply_rules` lowers a ``dismissive`` the model leans to (level 1 or more, or its levels 1
and 2 together at least half likely) to 0, its probabilities mixed half-and-half with certainty
of 0 and no spans, and raises ``sympathy`` from 0 to 1 with the remarks as its spans (label
``sympathy``, score 1.0): the style is then no longer ``dismissive``, as the feedback
(:mod:`carelens.analysis.feedback`) reads the same reply. A reply of remarks alone that the
model scored neither dismissive nor sympathy gets ``sympathy`` 1 in the same way ("That was so
cruel of him.": ``sympathy``, not ``other``). The feedback's other readings of a reply (a
reflection beside kind words, validation, questions that advise, offer or blame) are applied to
the scores as well (:func:`carelens.analysis.rules_readings.read_into`).

The codebook counts an offer of help, company or follow-up as compassion ("I can sit with you
while you call your sponsor", "feel free to PM me", "I'm here if you want to talk"). The model
misses some short ones, so :func:`apply_rules` raises ``compassion`` to level 1 when the reply
makes such an offer and the model said 0, with the offer's sentence as its rationale span (label
``compassion``, score 1.0; the annotators mark whole sentences there). So does a task done for
them ("I can take the kids on Sunday so you can rest", "I'll bring dinner over tonight"). The
offers are the helper's own ("I", "we", "me"), so advice to call someone else is left to the
model, and a wish, a condition or a negation before one ("I wish I could help you", "if I could
talk to you", "I can't talk to you now") is no offer. The patterns were written on the project's
training annotations alone: every reply they match there is compassion 1 or 2; "I'm here for
you" on its own was left out, as two of its five were 0.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from carelens.analysis.feedback_own_story import one_upping
from carelens.analysis.feeling_words import AFFECT_WORDS, FEELING_WORDS
from carelens.analysis.quoted_speech import quoted_speech, within
from carelens.analysis.reply_blame import blame_spans
from carelens.analysis.reply_brushoffs import brushoff_spans
from carelens.analysis.reply_contempt import contempt_spans
from carelens.analysis.reply_exclamations import disbelief
from carelens.analysis.reply_fault import fault_spans
from carelens.analysis.reply_feelings import reply_reading
from carelens.analysis.reply_grudging import grudging_spans
from carelens.analysis.reply_judging import judging_words, said_by_others
from carelens.analysis.reply_kind_blame import kind_no_right
from carelens.analysis.reply_putdowns import putdown_spans
from carelens.analysis.reply_reflections import first_reflection
from carelens.analysis.reply_remarks import CLAUSE_END, only_reactions, reactions, sympathy_only
from carelens.analysis.reply_reproach import reproach_spans
from carelens.analysis.reply_rhetorical import rhetorical_spans
from carelens.analysis.reply_sarcasm import sarcasm
from carelens.analysis.reply_turns import turn_spans
from carelens.analysis.rules_readings import UNDERSTANDING, kind_clauses, read_into, warm_reflection
from carelens.analysis.rules_readings import ruled as _ruled
from carelens.analysis.unsafe import unsafe_spans
from carelens.analysis.words import SENTENCE, WORD
from carelens.inference.spans import merge_overlapping, sentence_ranges
from carelens.text import straight_apostrophes
from carelens.types import DimensionScore, Span

#: The feelings "no right to be" denies the seeker: any feeling word of theirs, read in a
#: reply ("You have no right to be sad", "you've got no right to feel so angry").
_DENIED_FEELINGS = FEELING_WORDS | AFFECT_WORDS
_MINIMISING = (
    r"\bat\s+least\s+(?:you|your|you're|it|it's|he|she|they|there|this|that)\b[^.!?\n]*",
    r"\bit(?:'s|\s+is)\s+(?:not|n't)\s+(?:that|so|really\s+that)\s+(?:bad|big\s+of\s+a\s+deal|"
    r"deep|serious)\b",
    r"\b(?:it|things)\s+could\s+(?:be|have\s+been)\s+(?:so\s+much\s+|a\s+lot\s+|way\s+)?worse\b",
    r"\b(?:other|some)\s+people\s+have\s+it\s+(?:so\s+much\s+|a\s+lot\s+|way\s+)?worse\b",
    r"\bothers\s+have\s+it\s+(?:so\s+much\s+|a\s+lot\s+|way\s+)?worse\b",
    r"\b(?:just\s+)?get\s+over\s+it\b",
    r"\b(?:just\s+)?(?:cheer|toughen|man)\s+up\b",
    # not the seeker's self-criticism: "stop being so hard on yourself", "quit being so
    # critical of yourself" comfort
    r"\b(?:stop|quit)\s+(?:whining|complaining|being\s+so\s+\w+(?!\s+(?:on|of|to|with)\s+yourself)"
    r"|feeling\s+sorry\s+for\s+yourself)\b",
    # "stop being dramatic", "quit being such a baby", "stop overreacting", "stop crying
    # about it" (not "stop crying, I'm here", nor "stop being hard on yourself")
    r"\b(?:stop|quit)\s+(?:being\s+(?:(?:such\s+)?(?:a|an)\s+)?(?:dramatic|drama\s+queen|(?:big\s+)?baby"
    r"|crybaby|cry\s+baby|wimp|snowflake|extra|childish|whiny|sensitive|overdramatic)"
    r"|overreacting|crying\s+(?:about|over)\s+(?:it|this|that|nothing))\b",
    r"\bwhat\s+did\s+you\s+(?:expect|think\s+would\s+happen)\b"
    r"(?!\s+(?:to(?!\s+happen\s*(?:[?.!]|$))|from|when|at|of)\b)",
    r"\byou(?:'re|\s+are)\s+(?:just\s+)?(?:being\s+)?(?:too\s+sensitive|overreacting|dramatic|so\s+dramatic|"
    r"over\s*thinking\s+it|making\s+(?:a\s+)?(?:big\s+)?deal)\b",
    # "you brought this on yourself", "you did bring it on yourself" (not "did you ...?")
    r"(?<!\bdid\s)(?<!\bdo\s)\byou(?:'ve|\s+have|\s+(?:did|do)(?=\s+bring))?\s+(?:brought|bring)"
    r"\s+(?:this|it|that)\s+on\s+yourself\b",
    r"\b(?:that's|thats|that\s+is|it's|its|it\s+is)\s+(?:on\s+you|your\s+own\s+fault)\b",
    # "that's kind of on you" (not "it's really on you to decide")
    r"\b(?:that's|thats|that\s+is|it's|its|it\s+is)\s+(?:kind\s+of|kinda|sort\s+of|a\s+bit|partly"
    r"|partially|mostly|all|totally|really|honestly|squarely)\s+on\s+(?:you|u)\b(?!\s+to\b)",
    # "six months isn't really that long" (not a wait: "two weeks isn't that long to wait")
    r"\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|a\s+couple"
    r"(?:\s+of)?)\s+(?:days?|weeks?|months?|years?|dates?)\s+(?:isn't|is\s+not|aren't|are\s+not"
    r"|wasn't|weren't)\s+(?:really\s+|even\s+|exactly\s+)?that\s+long\b(?!\s+(?:ago|to\s+wait"
    r"|a\s+wait|of\s+a\s+wait|to\s+go|until|till|before))",
    # "you'll be over it in a couple of weeks"
    r"\byou(?:'ll|\s+will)\s+(?:be\s+)?(?:so\s+|totally\s+|completely\s+)?over\s+(?:it|him|her"
    r"|them|this|that)\s+(?:in\s+(?:a\s+(?:couple|few|week|day|month)|no\s+time|like\s+a|two"
    r"|three)|by\s+(?:next|the\s+weekend|monday|tomorrow|friday))",
    r"\bit(?:'s|\s+is|\s+was)\s+(?:just|only)\s+a\s+(?:dog|cat|pet|job|grade|test|breakup)\b",
)
_PATTERNS = [re.compile(p, re.IGNORECASE) for p in _MINIMISING]
#: "you have no right to be upset", "you've got no right to feel that way", "u have no right
#: to complain": a feeling denied them (not "he had no right to say that"); read as the
#: other phrases, and not where the reply reports it as someone else's
#: (:func:`carelens.analysis.reply_judging.said_by_others`: "Don't let anyone tell you that
#: you have no right to be mad").
_NO_RIGHT = re.compile(
    r"\b(?:you|u)(?:'ve|\s+have|\s+had)?\s+(?:got\s+)?no\s+right\s+to\s+(?:"
    r"(?:be|feel|get)\s+(?:(?:so|this|that|even|at\s+all|a\s+little)\s+)?(?:"
    + "|".join(sorted(_DENIED_FEELINGS, key=len, reverse=True))
    + r"|mad|offended|bothered|pissed)|feel\s+(?:that|this)\s+way|feel\s+like\s+(?:that|this)"
    r"|complain|whine|cry|grieve|be\s+hurt)\b",
    re.IGNORECASE,
)
#: A helper's modal of offering ("I'll", "I can", "I could", "I'd be happy to").
_MODAL = (
    r"(?:'ll|\s+will|\s+can|\s+could|'d\s+(?:be\s+)?(?:happy|glad|love)\s+to"
    r"|\s+would\s+(?:be\s+)?(?:happy|glad|love)\s+to)"
)
#: Words between the modal and a task offered ("I can totally come over and take...").
_KEEN = r"(?:also|totally|happily|gladly|definitely|always|even|come(?:\s+over)?(?:\s+and)?)"
#: What ties a task to the seeker: "so you can rest", "for you", "if you want", "if that
#: helps", "off your hands".
_TIED = (
    r"(?:\bso\s+(?:that\s+)?(?:you|u)\s+can\b|\bfor\s+(?:you|u)\b|\bif\s+(?:(?:you|u)\s+"
    r"(?:want|like|need)|(?:that|it)\s+(?:helps|would\s+help))\b|\boff\s+your\s+hands\b)"
)
#: What a helper offers to do with or for the seeker.
_OFFER_VERBS = (
    r"(?:sit|stay|talk|listen|chat|call|text|message|pm|dm|walk|drive|come|go|help|send"
    r"|check\s+(?:in|on)|be\s+there|meet|pray|hang\s+out)"
)
_OFFERS = (
    # "I can sit with you", "I'll drive you to the meeting", "we will be there for you"
    rf"\b(?:I|we)(?:'ll|\s+will|\s+can|'d\s+(?:be\s+)?(?:happy|glad|love)\s+to"
    rf"|\s+would\s+(?:be\s+)?(?:happy|glad|love)\s+to)\s+(?:\w+\s+)?{_OFFER_VERBS}\b"
    r"(?:\s+[\w']+){0,3}?\s+(?:with\s+|to\s+|for\s+)?you\b",
    # "I can take the kids on Sunday so you can rest", "I'll bring dinner over tonight", "I
    # could cover your shift": a task done for them, tied to them by what follows
    rf"\b(?:I|we){_MODAL}\s+(?:{_KEEN}\s+)*(?:(?:take|watch|mind|babysit|look\s+after|pick\s+up"
    r"|feed|walk|cover)\b[^.!?\n]{0,60}?\b(?:the|your)\s+(?:kids|children|baby|dogs?|cats?|shift"
    r"|son|daughter|boys|girls)\b|(?:bring|cook|make|drop\s+off|grab)\b[^.!?\n]{0,40}?"
    r"\b(?:dinner|food|lunch|breakfast|soup|groceries|meals?)\b|(?:take|watch|mind|babysit"
    r"|look\s+after|pick\s+up|drop\s+off|bring|cook|make|cover|lend|grab|run|handle|feed|walk"
    r"|do|clean)\b[^.!?\n]{0,60}?" + _TIED + ")",
    # "I'm happy to listen", "we are here to help"
    r"\b(?:I(?:'m|\s+am)|we(?:'re|\s+are))\s+(?:always\s+|more\s+than\s+)?"
    r"(?:happy|glad|willing|available|here)\s+to\s+(?:talk|listen|chat|help)\b",
    # "would you like me to come over?", "want me to call?", "would it help if I sat with you?"
    rf"\b(?:would|do)\s+you\s+(?:like|want)\s+me\s+to\b|\bwant\s+me\s+to\s+{_OFFER_VERBS}\b"
    r"|\bwould\s+it\s+help\s+if\s+(?:I|we)\b",
    # "feel free to PM me", "you can always message me", "please reach out to me"
    r"\b(?:feel\s+free\s+to|you\s+can|you\s+could|don't\s+hesitate\s+to|do\s+not\s+hesitate\s+to"
    r"|please)\s+(?:always\s+|also\s+|just\s+)?(?:pm|dm|message|msg|talk\s+to|text|reach\s+out\s+to"
    r"|inbox|contact|vent\s+to|send\s+me)\s+(?:to\s+)?me\b",
    # "PM me", "just message me" at the start of a sentence or clause (white space read
    # possessively, and after a line break only before a word: a run of line breaks once)
    r"(?:^\s*+|(?<=[.!?,;:])\s*+|(?<=\n)[ \t]*+(?=\S)|\band\s+)(?:just\s+)?"
    r"(?:pm|dm|message|msg|inbox|text)\s+me\b",
    # "my DMs are always open"
    r"\b(?:dms?|pms?|inbox|messages)(?:'s|\s+is|\s+are)?\s+(?:always\s+)?open\b",
    # "I'm here if you need anything", "here to listen"
    r"\bhere\s+(?:for\s+you\s+)?(?:if|whenever|when)\s+you\s+(?:ever\s+)?(?:need|want)\b"
    r"|\bhere\s+to\s+(?:talk|listen|chat)\b",
    # "if you ever want to talk", "if you need someone to vent to"
    r"\bif\s+you\s+(?:ever\s+)?(?:want|need|wanna)\s+(?:to\s+(?:talk|vent|chat)"
    r"|someone\s+to\s+(?:talk|vent|listen))\b",
    # "let me know if there's anything I can do"
    r"\blet\s+me\s+know\s+if\s+(?:there's|there\s+is|I\s+can|you\s+(?:need|want))\b",
)
_OFFER_PATTERNS = [re.compile(p, re.IGNORECASE) for p in _OFFERS]
# A wish, a condition or a negation right before an offer makes it none ("I wish I could
# help you", "not that I can talk to you").
_NO_OFFER_BEFORE = re.compile(
    r"(?:\bnot|n't|\bnever|\bwish|\bif)\s+(?:[\w']+\s+){0,3}$", re.IGNORECASE
)

# A negation or hedge right before the phrase reverses it ("not that you should get over it",
# "none of that's on you"); not past a "but" ("not being funny but you brought this on
# yourself", "no offence but ...").
_NEGATED_BEFORE = re.compile(
    r"(?:\bnot|n't|\bnever|\bno\s*one|\bnobody|\bnone\s+of)\s+(?:(?!but\b)[\w']+\s+){0,4}$",
    re.IGNORECASE,
)
# ... nor from inside a condition when the phrase opens the main clause with its own subject:
# "if you're not speaking up in meetings that's kind of on you" ("if you don't just get over
# it" is still negated: the phrase has no subject of its own).
_CONDITION_BEFORE = re.compile(
    r"\b(?:if|when|whenever|unless|because|since|as\s+long\s+as)\s+(?:[\w']+\s+){1,4}?"
    r"(?:not|never|\w+n't)\s+(?:[\w']+\s+){1,5}$",
    re.IGNORECASE,
)
_OWN_SUBJECT = re.compile(r"(?:that's|thats|that\s+is|it's|its|it\s+is|you|u)\b", re.IGNORECASE)


def _negated(text: str, at: int, head: str) -> bool:
    """Whether a negation in ``head`` (the words of ``at``'s clause before it) reverses the
    phrase at ``at`` (:data:`_NEGATED_BEFORE`, not from inside a condition the phrase
    follows with its own subject: :data:`_CONDITION_BEFORE`)."""
    if not _NEGATED_BEFORE.search(head):
        return False
    return not (_CONDITION_BEFORE.search(head) and _OWN_SUBJECT.match(text, at))


# ... but not the "n't" or "not" of a rhetorical question that urges the phrase: "why don't
# you just get over it?", "why not just cheer up?", "can't you just get over it?" (an
# auxiliary that opens the clause, "you" right after it; "don't you dare ..." opens a
# negative imperative and still negates, as does "you can't just get over it").
_RHETORICAL = re.compile(
    r"\bwhy\s+(?:[a-z]+n't\s+(?:you|u|ya)\b|not\b)"
    r"|^\s*(?:can|couldn|won|wouldn|shouldn)'t\s+(?:you|u|ya)\b",
    re.IGNORECASE,
)

# Someone else's demand, reported right before the phrase ("Your mom telling you to stop being
# dramatic was unfair", "people who tell you to just get over it").
_TOLD_TO = re.compile(
    r"\b(?:tell|tells|told|telling|say|says|said|saying|ask|asks|asked|asking|expect|expects"
    r"|expected|expecting)\s+(?:you|u|me|us)\s+to\s+$",
    re.IGNORECASE,
)


#: A quotation mark: where there is none, no words are quoted.
_QUOTE_MARK = re.compile("[\"'\u201c\u201d\u2018]")


def _clause_head(text: str, at: int) -> str:
    """The words of ``at``'s clause before it (at most 40 characters): what a negation, a
    wish or a condition must stand in to reverse a phrase."""
    return re.split(r"[.!?\n,;]", text[max(0, at - 40) : at])[-1]


def minimising_spans(response: str) -> tuple[Span, ...]:
    """Minimising or blaming phrases in ``response`` that are not negated, nor someone
    else's demand reported (:data:`_TOLD_TO`; for "no right to be upset", reported in more
    ways: :data:`_NO_RIGHT`)."""
    found: list[tuple[int, int]] = []
    text = straight_apostrophes(response)  # a curly apostrophe negates as a straight one
    for pattern in (*_PATTERNS, _NO_RIGHT):
        for match in pattern.finditer(text):
            head = _RHETORICAL.sub(" ", _clause_head(text, match.start()))
            if (
                _negated(text, match.start(), head)
                or _TOLD_TO.search(head)
                or (
                    pattern is _NO_RIGHT
                    and (said_by_others(text, match.start()) or kind_no_right(text, match.start()))
                )
            ):
                continue
            found.append(match.span())
    for start, end in contempt_spans(text):
        if not _negated(text, start, _RHETORICAL.sub(" ", _clause_head(text, start))):
            found.append((start, end))
    for start, end in (
        *putdown_spans(text),
        *brushoff_spans(text),
        *blame_spans(text),
        *reproach_spans(text),
        *grudging_spans(text),
        *rhetorical_spans(text),
        *fault_spans(text),
        *turn_spans(text),
    ):
        head = _RHETORICAL.sub(" ", _clause_head(text, start))
        if not (
            _negated(text, start, head) or _TOLD_TO.search(head) or said_by_others(text, start)
        ):
            found.append((start, end))
    # words in quotation marks are someone else's said back ("There's no 'get over it'
    # deadline on grief")
    quoted = quoted_speech(text)[0] if _QUOTE_MARK.search(text) else []
    spans: list[Span] = []
    for start, end in found:
        if quoted and within(quoted, start):
            continue
        while end > start and response[end - 1] in " ,;:":
            end -= 1
        spans.append(Span(start, end, "dismissive", 1.0))
    return merge_overlapping(spans)


def offer_spans(response: str) -> tuple[Span, ...]:
    """The sentences of ``response`` in which the helper offers their own help, company or
    follow-up (label ``compassion``, score 1.0); neighbouring ones make one span, as the
    model's sentence spans do."""
    starts: list[int] = []
    text = straight_apostrophes(response)  # a curly apostrophe negates as a straight one
    for pattern in _OFFER_PATTERNS:
        for match in pattern.finditer(text):
            if not _NO_OFFER_BEFORE.search(_clause_head(text, match.start())):
                words = match.group(0)
                starts.append(match.start() + len(words) - len(words.lstrip()))
                break
    spans: list[Span] = []
    joining = False
    for start, end in sentence_ranges(response) if starts else ():
        if not any(start <= at < end for at in starts):
            joining = False
        elif joining:
            spans[-1] = Span(spans[-1].start, end, "compassion", 1.0)
        else:
            spans.append(Span(start, end, "compassion", 1.0))
            joining = True
    return tuple(spans)


def apply_rules(
    dimensions: Mapping[str, DimensionScore],
    response: str,
    unsafe: Sequence[Span] | None = None,
    seeker: str | None = None,
) -> dict[str, DimensionScore]:
    """``dimensions`` with the rules applied (a new dict; the input is not changed).

    ``unsafe`` is what :func:`~carelens.analysis.unsafe.unsafe_spans` found in ``response``
    (looked for here when not given, with ``seeker``, the message it answers, for its block
    quotes). Without ``seeker`` no sarcasm is read (glad news makes a feigned surprise
    sincere), and the remarks of sympathy are read as if the message held no feeling word.
    """
    out = dict(dimensions)
    compassion = out.get("compassion")
    if compassion is not None and compassion.level == 0:
        offers = offer_spans(response)
        if offers:
            out["compassion"] = _ruled(compassion, 1, offers)
    score = out.get("dismissive")
    if score is None:
        return out
    if unsafe is None and score.level < 2:
        unsafe = unsafe_spans(response, seeker)
    if unsafe:
        if score.level < 2:
            words = [Span(s.start, s.end, "dismissive", s.score) for s in unsafe]
            out["dismissive"] = _ruled(score, 2, merge_overlapping([*score.spans, *words]))
        return out
    remarks = reactions(response)
    leaning = score.level > 0 or sum(score.probabilities[1:]) >= 0.5
    # remarks, reassurance, validation: read where they may change a score (most replies
    # need only the remarks)
    first = first_reflection(response)
    kind = (
        kind_clauses(response, remarks)
        if leaning
        or first is not None
        or _unscored(out, "sympathy", "emotional_reaction", *UNDERSTANDING)
        else remarks
    )
    reflection = warm_reflection(response, kind, out, first)
    if kind and leaning:
        given = _given(response, seeker, reflection)
        if remarks_not_dismissive(response, seeker or "", kind, given):
            # "How sad.", "How dare he.", "How hurtful. You probably feel rejected.", "Don't
            # let anyone say you're overreacting.": sympathy
            out["dismissive"] = _ruled(score, 0, ())
            _sympathy(out, remarks)
            read_into(out, response, seeker or "", remarks, kind, reflection)
            return out
    elif remarks and only_reactions(response):
        _sympathy(out, remarks)  # "That was so cruel of him.", scored nothing
    exploration = out.get("exploration")
    mocked = (
        sarcasm(response, seeker)
        if seeker is not None
        and (score.level == 0 or (exploration is not None and exploration.level > 0))
        else None
    )
    if score.level == 0:
        spans = minimising_spans(response)
        # words the feedback quotes as judging ("you should've seen this coming", "you were
        # probably a bit too clingy"), so the style says so too
        judged = judging_words(response, seeker) if seeker is not None else None
        # the helper's own story set against theirs ("Back pain is nothing, I've had three
        # spinal surgeries"), which the feedback quotes as minimising
        upped = one_upping(response)
        if mocked is not None or judged is not None or upped is not None:
            found = [
                Span(*at, "dismissive", 1.0) for at in (mocked, judged, upped) if at is not None
            ]
            spans = merge_overlapping([*spans, *found])
        if spans:
            out["dismissive"] = _ruled(score, 1, spans)
    read_into(out, response, seeker or "", remarks, kind, reflection, mocked)
    return out


def _unscored(out: Mapping[str, DimensionScore], *names: str) -> bool:
    """Whether each of the dimensions ``names`` in ``out`` is scored 0 (or missing)."""
    return all((score := out.get(name)) is None or score.level == 0 for name in names)


def _sympathy(out: dict[str, DimensionScore], remarks: Sequence[tuple[int, int]]) -> None:
    """``sympathy`` in ``out`` raised from 0 to 1 for the remarks of sympathy ``remarks``, its
    spans."""
    sympathy = out.get("sympathy")
    if sympathy is not None and sympathy.level == 0 and remarks:
        shown = tuple(Span(start, end, "sympathy", 1.0) for start, end in remarks)
        out["sympathy"] = _ruled(sympathy, 1, shown)


def _given(
    response: str, seeker: str | None, reflection: tuple[int, int] | None
) -> list[tuple[int, int]]:
    """Where ``response`` gives the seeker a feeling (named or said back:
    :func:`carelens.analysis.reply_feelings.reply_reading`) or reflects their experience
    beside its kind words (``reflection``, as
    :func:`carelens.analysis.reply_reflections.reflection_beside` found it)."""
    named, reflected, _ = reply_reading(response, seeker or "")
    found = [feeling.match.span() for feeling in (named, reflected) if feeling is not None]
    if reflection is not None:
        found.append(reflection)
    return found


def remarks_not_dismissive(
    response: str, seeker: str, remarks: Sequence[tuple[int, int]], given: Sequence[tuple[int, int]]
) -> bool:
    """Whether a dismissal the model reads in ``response`` is set aside for its kind words
    (``remarks``: remarks of sympathy, :func:`carelens.analysis.reply_remarks.reactions`,
    with reassurance and validation: :func:`carelens.analysis.rules_readings.kind_clauses`):
    the reply is remarks alone (:func:`~carelens.analysis.reply_remarks.only_reactions`:
    "How sad.", "How dare he."), or each of its sentences is remarks, interjections and
    plain sorrow (:func:`~carelens.analysis.reply_remarks.sympathy_only`), a few words asked
    in disbelief (:func:`_disbelief_asked`: "oof. in public too?? that's awful") or holds kind
    words, a feeling it gives the seeker or a reflection (``given``: "How hurtful. You
    probably feel rejected.", "Don't let anyone say you're overreacting.") and nothing in
    it judges, blames, mocks or minimises them
    (:func:`~carelens.analysis.reply_judging.judging_words`,
    :func:`~carelens.analysis.reply_sarcasm.sarcasm`, :func:`minimising_spans`)."""
    if not remarks:
        return False
    if only_reactions(response):
        return True
    for sentence in SENTENCE.finditer(response):
        start, end = sentence.span()
        if (
            WORD.search(sentence.group(0)) is None
            or sympathy_only(sentence.group(0))
            or _disbelief_asked(response, start, end)
        ):
            continue
        if not any(start <= at < end for at, _ in given) and not _covered(
            response, start, end, remarks
        ):
            return False
    return (
        judging_words(response, seeker) is None
        and sarcasm(response, seeker) is None
        and not minimising_spans(response)
    )


def _disbelief_asked(response: str, start: int, end: int) -> bool:
    """Whether the sentence ``response[start:end]`` is a few words asked in disbelief beside
    the remarks ("oof. in public too?? that's awful":
    :func:`~carelens.analysis.reply_exclamations.disbelief`)."""
    mark = response.find("?", start, end)
    return mark > start and disbelief(response, start, mark)


def _covered(response: str, start: int, end: int, kind: Sequence[tuple[int, int]]) -> bool:
    """Whether each clause with a word in ``response[start:end]`` (a sentence) lies in the
    kind words ``kind`` ("Don't let anyone say you're overreacting."; not "That sucks, but
    believe me, self medicating only makes things worse.")."""
    at = start
    for mark in (*CLAUSE_END.finditer(response, start, end), None):
        stop = mark.start() if mark is not None else end
        if WORD.search(response, at, stop) and not any(s < stop and at < e for s, e in kind):
            return False
        if mark is not None:
            at = mark.end()
    return True
