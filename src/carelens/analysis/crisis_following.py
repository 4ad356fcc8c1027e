"""The seeker's own risk told as the same as someone else's: following the one they lost, or
doing what another did.

A message that tells a loss (a death by suicide or by overdose:
:mod:`carelens.analysis.crisis_loss`) or someone else's risk (a crisis cue of theirs: "my dad
attempted suicide", "she cuts herself") may go on to tell the seeker's own risk in words that
point back to it, and the crisis feedback reads those first
(:func:`carelens.analysis.crisis_feedback.crisis_sentence`). :func:`following` finds them:

- a wish to follow the one who died (:data:`_TO_THE_DEAD`: "I want to join her", "I just want
  to be with him again", "I want to be with her", "I want to go where he went", "part of me
  wants to go too", "I wish I had gone with him", "i wish i had died with him"), where a loss
  is told, anywhere in the message, and where the pronoun may name one who died ("my mom died
  by suicide and my dad is alone, I want to be with him" is none);
- the same act or thoughts (:data:`_THE_SAME`: "sometimes I think about doing the same", "go
  the same way", "end up like him", "I have the same thoughts she had"), anywhere where a loss
  is told, else after another's risk;
- thoughts or an attempt "too" (:data:`_TOO`: "I've been thinking about it too", "I've
  thought about doing it too", "I've had the urges too", "I attempted too", "I've tried
  before too", "I've also been thinking about it", "i keep thinkin about doin it 2"), after
  the loss or the other's risk;
- a short answer that begins the next clause (:data:`_ME_TOO`: "... last year. me too
  honestly", "same here", "so have I", "I did too last year"), with at most a few words
  between and no one named there.

Each is read with the nearest person named before it in its clause: the seeker (or no one)
makes it the seeker's own risk, anyone else that person's ("my sister wants to join her", "my
mom has been thinking about it too"); a denial undoes it (:func:`denied`: "I would never do
the same", "I don't think about doing the same", "not that I'd ever do the same", "people
worry I'll do the same, but I won't"). Where "the same" may be another act told between ("my
sister moved out after, and I think about doing the same"), it is read as the risk: the
seeker is asked, safety first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence

from carelens.analysis.crisis_denials import writer_denies
from carelens.analysis.crisis_loss_persons import OWN_PERSON, Identity, Persons, may_name

#: "her" as the one lost, not what is hers: after it only an end or a word that leaves it no
#: possessive ("join her soon", not "join her book club").
_HER = (
    r"her\b(?=\s*(?:$|[^\w\s']|(?:soon|now|already|there|someday|too|so|tonight|today"
    r"|sometimes|and|but|because|when|again|forever|one|every|more|really|just|i|in\s+(?:death"
    r"|heaven|the\s+grave))\b))"
)
#: A wish to follow the one lost: to join them, go after them, be with them again ("I want to
#: join her", "I just want to be with him again"); not joining someone for something ("join
#: him for dinner", "join them at the gym") nor what is hers ("join her book club": after
#: "her" only an end, or a word that leaves it no possessive). Also a wish to be with them or
#: where they are ("I want to be with her", "he wants to be with mommy", "i want to go be with
#: him", "I want to be where she is", "I want to go where he went", "see her again soon",
#: "part of me wants to go too"), and one to have gone or died with them ("I wish I had gone
#: with him", "i wish i had died with him"; not "wish I had gone with him to the doctor").
_TO_THE_DEAD = re.compile(
    rf"\b(?:join|follow)(?:ing)?\s+(?:{_HER}|(?:him|them|my\s+[\w']+)\b"
    r"(?!\s+(?:for(?!\s+(?:good|ever)\b)|at|on|to|and|or|with|as"
    r"|in(?!\s+(?:death|heaven|the\s+grave)))\b))"
    r"|\bbe\s+with\s+(?:him|her|them)\s+again\b"
    r"|\b(?:to|wanna|gonna)\s+(?:(?:just|go|finally|really|only)\s+){0,2}be\s+(?:with\s+"
    rf"(?:him|{_HER}|them|(?:my\s+)?(?:mommy|daddy|mama|papa|mom|mum|dad))|where\s+(?:he|she|they)"
    r"\s+(?:is|are))(?:\s+again)?"
    r"\b(?!\s+(?:when|while|during|for|at\s+the\s+(?:end|hospital)|in\s+the\s+hospital)\b)"
    r"|\bgo\s+where\s+(?:he|she|they)\s+(?:went|is|are|has\s+gone|have\s+gone)\b"
    r"|\bsee\s+(?:him|her|them)\s+again\s+soon\b"
    r"|\b(?:want|wants|wanted|wanna|ready)\s+(?:to\s+)?go\s+too\b"
    r"|\b(?:wish|wished|wishing|want|wanted|wants|wanna)\b(?:\s+[\w']+){0,3}?\s+(?:gone|go|going"
    rf"|died|die|dying)\s+with\s+(?:him|{_HER}|them)\b(?!\s+(?:to|for|at|on|into|when|while|there"
    r"|out|home|back|places|everywhere|so\s+many|more)\b)",
    re.IGNORECASE,
)
#: The same act as another's: "doing the same", "do what he did", "go the same way", "end up
#: like her" (not the same done for someone: "do the same for him"), or the same thoughts as
#: theirs ("I have the same thoughts she had").
_THE_SAME = re.compile(
    r"\bdo(?:ing)?\s+(?:the\s+same(?:\s+thing)?|what\s+(?:he|she|they)\s+did)\b(?!\s+for\b)"
    r"|\bgo(?:ing)?\s+the\s+same\s+way\b"
    r"|\bend(?:ing)?\s+up\s+like\s+(?:him|her|them)\b"
    r"|\b(?:have|had|having|get|got|getting)\s+the\s+same\s+(?:thoughts|urges|feelings)\s+(?:as"
    r"\s+(?:him|her|them)|(?:he|she|they)\s+(?:had|did|has|have))\b",
    re.IGNORECASE,
)
#: Thoughts or an attempt of one's own after another's, "too": "thinking about it too",
#: "thought about doing it too", "had those thoughts myself", "attempted too", "tried before
#: too", "also been thinking about it", texted too ("thinkin about doin it 2"; not "tried too
#: hard").
_TOO = re.compile(
    r"\b(?:(?:(?:thinking|thinkin|thought|think|considering|considered|contemplating"
    r"|contemplated)\s+(?:about\s+|abt\s+|bout\s+|of\s+)?(?:it|that|doin[g']?\s+(?:it|that|so)"
    r"|(?:doin[g']?\s+)?the\s+same(?:\s+thing)?|suicide|killing\s+myself|ending\s+it)|(?:had|have"
    r"|having|get|got|getting)\s+(?:those|these|the\s+same|the|similar|such|suicidal)\s+(?:thoughts"
    r"|urges|feelings)|(?:tried|attempted)(?:\s+(?:it|suicide))?(?:\s+(?:before|once|twice))?)\s+"
    r"(?:too|as\s+well|also|myself|(?:2|to)(?=\s*(?:$|[.!?,;:\n]|honestly|tbh|ngl|lol)))\b"
    r"(?!\s+(?:hard|much|many|long|late|soon|often|far|bad|young))"
    r"|also\s+(?:been\s+)?(?:thinking|thought|considered|considering)\s+(?:about\s+|of\s+)?"
    r"(?:it|that|doing\s+(?:it|that))\b)",
    re.IGNORECASE,
)
#: A short answer of the seeker that begins a clause: "me too", "same here", "so have I", "I
#: have too", "I did as well", up to the end of its clause or a word that closes it ("me too
#: honestly").
_ME_TOO = re.compile(
    r"(?:^|(?<=[.!?,;:\n\u2026(\u2013\u2014-])|(?<=\band\s)|(?<=\bbut\s)|(?<=\bhonestly\s)"
    r"|(?<=\btbh\s)|(?<=\bngl\s)|(?<=\blowkey\s))\s*"
    r"(?:me\s+(?:too|2|as\s+well|also)|same\s+(?:here|for\s+me|with\s+me)"
    r"|so\s+(?:have|did|do|am|was)\s+i|i(?:\s+(?:have|did|do|am|was|had)|'ve|ve)\s+(?:too"
    r"|as\s+well|also))\b"
    r"(?=\s*(?:$|[.!?,;:\n\u2026)]|(?:honestly|tbh|ngl|lol|though|tho|if|but|and|almost|once"
    r"|before|last\s+(?:year|month|week|night|time|summer|spring|winter|fall)|in\s+\d{4}"
    r"|(?:a\s+few|a\s+couple|\d+|two|three|some)\s+(?:years?|months?|weeks?)\s+ago)\b))",
    re.IGNORECASE | re.MULTILINE,
)
#: The pronoun that ends a wish to follow someone.
_LAST_PRONOUN = re.compile(r"\b(?:him|her|them)\Z", re.IGNORECASE)
#: How many words may stand between another's risk and a short answer to it.
_ANSWER_REACH = 4
#: Before the same risk in its clause, the seeker's denial that :func:`writer_denies` leaves
#: standing: "I don't think about doing the same", "not that I'd ever do the same", "I didn't
#: relapse" (a negation and the words that let it reach the risk).
_NOT_BEFORE = re.compile(
    r"\b(?:not|never|don'?t|dont|do\s+not|didn'?t|didnt|won'?t|wont|wouldn'?t|wouldnt|haven'?t"
    r"|havent|no\s+way)(?:\s+(?:that|i|i'?d|id|i'?ll|would|will|ever|even|really|actually|want"
    r"|wanna|plan|planning|intend|think|thinking|thought|going|gonna|to|be|been|about|of|like"
    r"|feel|feeling|have|had))*\s*\Z",
    re.IGNORECASE,
)
#: How far back from a risk its denial is read (a clause with no mark may be long).
_DENIAL_REACH = 120
#: After it in its sentence, the seeker's denial: "people worry I'll do the same, but I won't".
_NOT_AFTER = re.compile(
    r"[^.!?\n]{0,80}?\bbut\s+i\s*(?:won'?t|wont|will\s+not|wouldn'?t|wouldnt|would\s+(?:not|never)"
    r"|'?d\s+never|never\s+(?:would|will)|(?:'?m|am)\s+not\s+(?:going|gonna))\b",
    re.IGNORECASE,
)
#: After a denial, words that undo it: "I never thought about doing the same until now", "I'd
#: never do the same, but I think about it every day".
_UNDONE = re.compile(
    r"[\s,]*(?:\w+\s+){0,2}?(?:until|till|before\s+(?:now|today|this))\b"
    r"|[^.!?\n]{0,40}?\bbut\s+(?:i\s+)?(?:\w+\s+){0,2}?(?:think|thinking|thought)\s+(?:about|of)\s+"
    r"(?:it|that|doing\s+it)\b",
    re.IGNORECASE,
)


def denied(text: str, persons: Persons, start: int, end: int) -> bool:
    """Whether the writer denies the risk told at ``start``-``end`` of ``text`` (read by
    ``persons``): as :func:`~carelens.analysis.crisis_denials.writer_denies` reads a cue, or
    with a denial before it in its clause or after it in its sentence (:data:`_NOT_BEFORE`,
    :data:`_NOT_AFTER`), unless words after it undo that (:data:`_UNDONE`)."""
    if writer_denies(text, start, end):
        return True
    if _UNDONE.match(text, end) is not None:
        return False
    return (
        _NOT_BEFORE.search(text, max(persons.start(start), start - _DENIAL_REACH), start)
        is not None
        or _NOT_AFTER.match(text, end) is not None
    )


def following(
    text: str,
    persons: Persons,
    after: Sequence[tuple[int, int]],
    *,
    loss: bool,
    own: bool = True,
    dead: Collection[Identity] = (),
) -> tuple[int, int] | None:
    """Where the seeker (``own``), or else someone else, first tells the same risk as the one
    told at ``after`` (spans of ``text``, in order: the losses and the cues of others' risk),
    from the person's word ("i want to join her", "my sister wants to do the same"), with
    ``loss`` whether ``text`` tells a loss (see the module); None where none does. ``text``
    is read by ``persons``; ``dead`` are the persons whose deaths it tells, and a wish to be
    with someone a pronoun names is one to follow them only where it may name one of them
    ("my mom died by suicide and my dad is alone, I want to be with him" is none)."""
    if not after:
        return None
    first = after[0][0]
    found: list[tuple[int, int]] = []
    if loss:
        found += [
            wish.span() for wish in _TO_THE_DEAD.finditer(text) if _names_the_dead(wish, dead)
        ]
    found += [same.span() for same in _THE_SAME.finditer(text, 0 if loss else first)]
    found += [too.span() for too in _TOO.finditer(text, first)]
    for start, end in sorted(found):
        nearest = persons.nearest(persons.start(start), start)
        if (nearest is None or nearest[1] == OWN_PERSON) != own:
            continue
        if denied(text, persons, start, end):
            continue
        return (start if nearest is None else nearest[0]), end
    return _answer(text, persons, after) if own else None


def _names_the_dead(wish: re.Match[str], dead: Collection[Identity]) -> bool:
    """Whether the pronoun that ends ``wish`` ("be with him"), if one does, may name one of the
    ``dead`` (see :func:`following`)."""
    pronoun = _LAST_PRONOUN.search(wish.group(0))
    return pronoun is None or not dead or any(may_name(pronoun.group(0), who) for who in dead)


def _answer(
    text: str, persons: Persons, after: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """Where the seeker's short answer (:data:`_ME_TOO`) to one of the risks told at ``after``
    is: within :data:`_ANSWER_REACH` words after it, no one named between; None where none."""
    ends = sorted(end for _, end in after)
    for answer in _ME_TOO.finditer(text, ends[0]):
        start = answer.start() + len(answer[0]) - len(answer[0].lstrip())
        # the nearest risk before it: no other is nearer, with fewer words and persons between
        k = bisect_right(ends, start) - 1
        if k < 0:
            continue
        end = ends[k]
        if len(persons.words(end, start)) <= _ANSWER_REACH and (
            persons.nearest(end, start, own=False) is None
        ):
            return start, answer.end()
    return None
