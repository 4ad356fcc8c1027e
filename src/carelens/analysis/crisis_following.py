"""The seeker's own risk told as the same as someone else's: following the one they lost, or
doing what another did.

A message that tells a loss (a death by suicide or by overdose:
:mod:`carelens.analysis.crisis_loss`) or someone else's risk (a crisis cue of theirs: "my dad
attempted suicide", "she cuts herself") may go on to tell the seeker's own risk in words that
point back to it, and the crisis feedback reads those first
(:func:`carelens.analysis.crisis_feedback.crisis_sentence`). :func:`following` finds them:

- a wish to follow the one who died (:data:`_TO_THE_DEAD`: "I want to join her", "I just want
  to be with him again"), where a loss is told, anywhere in the message;
- the same act (:data:`_THE_SAME`: "sometimes I think about doing the same", "go the same
  way", "end up like him"), anywhere where a loss is told, else after another's risk;
- thoughts or an attempt "too" (:data:`_TOO`: "I've been thinking about it too", "I've
  thought about doing it too", "I've had those thoughts myself", "I attempted too", "I've
  also been thinking about it"), after the loss or the other's risk;
- a short answer that begins the next clause (:data:`_ME_TOO`: "... last year. me too
  honestly", "same here", "so have I", "I have too"), with at most a few words between and no
  one named there.

Each is read with the nearest person named before it in its clause: the seeker (or no one)
makes it the seeker's own risk, anyone else that person's ("my sister wants to join her", "my
mom has been thinking about it too"); a denial undoes it ("I would never do the same").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from carelens.analysis.crisis_context import writer_denies
from carelens.analysis.crisis_loss_persons import OWN_PERSON, Persons

#: A wish to follow the one lost: to join them, go after them, be with them again ("I want to
#: join her", "I just want to be with him again"); not joining someone for something ("join
#: him for dinner", "join them at the gym") nor what is hers ("join her book club": after
#: "her" only an end, or a word that leaves it no possessive).
_TO_THE_DEAD = re.compile(
    r"\b(?:join|follow)\s+(?:her\b(?=\s*(?:$|[^\w\s']|(?:soon|now|already|there|someday|too"
    r"|so|tonight|today|sometimes|and|but|because|when|again|forever|one|every|more|really"
    r"|just|i|in\s+(?:death|heaven|the\s+grave))\b))|(?:him|them|my\s+[\w']+)\b"
    r"(?!\s+(?:for(?!\s+(?:good|ever)\b)|at|on|to|and|or|with|as"
    r"|in(?!\s+(?:death|heaven|the\s+grave)))\b))"
    r"|\bbe\s+with\s+(?:him|her|them)\s+again\b",
    re.IGNORECASE,
)
#: The same act as another's: "doing the same", "do what he did", "go the same way", "end up
#: like her" (not the same done for someone: "do the same for him").
_THE_SAME = re.compile(
    r"\bdo(?:ing)?\s+(?:the\s+same(?:\s+thing)?|what\s+(?:he|she|they)\s+did)\b(?!\s+for\b)"
    r"|\bgo(?:ing)?\s+the\s+same\s+way\b"
    r"|\bend(?:ing)?\s+up\s+like\s+(?:him|her|them)\b",
    re.IGNORECASE,
)
#: Thoughts or an attempt of one's own after another's, "too": "thinking about it too",
#: "thought about doing it too", "had those thoughts myself", "attempted too", "also been
#: thinking about it" (not "tried too hard").
_TOO = re.compile(
    r"\b(?:(?:(?:thinking|thought|think|considering|considered|contemplating|contemplated)\s+"
    r"(?:about\s+|abt\s+|bout\s+|of\s+)?(?:it|that|doing\s+(?:it|that|so)|(?:doing\s+)?the\s+"
    r"same(?:\s+thing)?|suicide|killing\s+myself|ending\s+it)|(?:had|have|having|get|got"
    r"|getting)\s+(?:those|these|the\s+same|similar|such|suicidal)\s+(?:thoughts|urges|feelings)"
    r"|(?:tried|attempted)(?:\s+(?:it|suicide))?)\s+(?:too|as\s+well|also|myself)\b"
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
    r"(?=\s*(?:$|[.!?,;:\n\u2026)]|(?:honestly|tbh|ngl|lol|though|tho|if|but|and)\b))",
    re.IGNORECASE | re.MULTILINE,
)
#: How many words may stand between another's risk and a short answer to it.
_ANSWER_REACH = 4


def following(
    text: str,
    persons: Persons,
    after: Sequence[tuple[int, int]],
    *,
    loss: bool,
    own: bool = True,
) -> tuple[int, int] | None:
    """Where the seeker (``own``), or else someone else, first tells the same risk as the one
    told at ``after`` (spans of ``text``, in order: the losses and the cues of others' risk),
    from the person's word ("i want to join her", "my sister wants to do the same"), with
    ``loss`` whether ``text`` tells a loss (see the module); None where none does. ``text``
    is read by ``persons``."""
    if not after:
        return None
    first = after[0][0]
    found: list[tuple[int, int]] = []
    if loss:
        found += [wish.span() for wish in _TO_THE_DEAD.finditer(text)]
    found += [same.span() for same in _THE_SAME.finditer(text, 0 if loss else first)]
    found += [too.span() for too in _TOO.finditer(text, first)]
    for start, end in sorted(found):
        nearest = persons.nearest(persons.start(start), start)
        if (nearest is None or nearest[1] == OWN_PERSON) != own:
            continue
        if writer_denies(text, start, end):
            continue
        return (start if nearest is None else nearest[0]), end
    return _answer(text, persons, after) if own else None


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
