"""A turn in a helper's reply from what the seeker feels to why it matters less: "yes, but".

A reply often grants the feeling and then takes it back: "That's hard, no doubt. But that's
teenagers, she'll grow out of it", "Moving's stressful, fair enough. But it's a chance for a
fresh start", "Yeah I can see that being tough. Then again you don't have to commute, so it's
swings and roundabouts really", "Sad, I know. But there's FaceTime now, it's basically like
she's still here", "Three days sounds grim. But it's only a deadline, nobody's going to
remember it in a month". The words after the turn ("but", "then again", "mind you", "still",
"that said", "to be fair", "on the bright side") may be no minimising phrase on their own
("she'll grow out of it" is a hope; "it's a chance for a fresh start" may be encouragement),
but said right after the feeling is granted they shrink it: the codebook's minimising
("at least ...", "it could be worse").

:func:`turn_spans` finds a clause that opens with such a turn, after other words of the reply,
and holds in its sentence words that make what happened small, short-lived, common or even
lucky (:data:`_SMALLER`); the span runs from the words after the turn to the sentence's end
("that's teenagers, she'll grow out of it", quoted so by the feedback), which
:mod:`carelens.analysis.rules` reads as it reads the codebook's minimising phrases (raising
``dismissive``). Not a turn that shrinks it: hope or comfort after "but" ("But you'll get
through this", "Still, it doesn't make you a bad parent", "But it's only been two weeks, so of
course it still hurts"), thanks or praise for someone in their life ("but you're lucky to have
her"), the words negated ("But it's not just a job to you, I know"), or a reply that opens
with the turn (nothing granted before it).
"""

from __future__ import annotations

import re

from carelens.analysis.reply_spans import straight
from carelens.analysis.words import SENTENCE_MARK

_FLAGS = re.IGNORECASE
#: A turn opening a clause after other words: "But", "Then again", "Mind you", "Still,",
#: "That said", "To be fair (though)", "On the bright side", "Honestly though", "Though".
_TURN = re.compile(
    r"(?<=[.!?,;:\n\u2013\u2014-])\s*(?:(?:and|so|yeah|ok|okay|honestly|look|but)\s*,?\s+)*"
    r"(?:(?:but|then\s+again|mind\s+you|that\s+said|having\s+said\s+that|to\s+be\s+fair"
    r"|on\s+the\s+(?:bright|plus|other)\s+side|look\s+on\s+the\s+bright\s+side"
    r"|(?:honestly|realistically|in\s+fairness)\s*,?\s+though|at\s+the\s+end\s+of\s+the\s+day)\b"
    r"|(?:still|though)\s*,)",
    _FLAGS,
)
#: Words that make what happened small, short-lived, common or lucky.
_SMALLER = re.compile(
    # "it's only a deadline", "only a few more months", "it's just a job"
    r"\b(?:it['\u2019]?s|its|that['\u2019]?s|thats|it\s+is|that\s+is|they['\u2019]re|they\s+are)"
    r"\s+(?:only|just)\s+(?:a|an|one|some|the|\w+s)\b"
    r"|\bonly\s+(?:a\s+few|a\s+couple\s+of|\d+|one|two|three|four|five|six)\s+more\b"
    # "no big deal", "not the end of the world", "isn't all that", "could be worse"
    r"|\b(?:no|not\s+(?:a|such\s+a))\s+big\s+deal\b|\bnot\s+the\s+end\s+of\s+the\s+world\b"
    r"|\b(?:isn['\u2019]?t|is\s+not|aren['\u2019]?t|are\s+not|wasn['\u2019]?t)\s+(?:all\s+that"
    r"|that\s+(?:bad|serious|important|big))\b|\bcould(?:['\u2019]ve|\s+have|\s+be)\s+(?:been\s+)?"
    r"(?:a\s+lot\s+|much\s+|way\s+)?worse\b"
    # lucky, a blessing, a fresh start
    r"|\b(?:you['\u2019]?re|you\s+are|ur)\s+(?:(?:so|really|actually|kind\s+of)\s+)?lucky\b"
    r"(?!\s+to\s+have)|\blucky\s+(?:it|that|you)\b|\bblessing\b|\bfresh\s+start\b"
    r"|\bsilver\s+lining\b|\bbright\s+side\b|\bfor\s+the\s+best\b|\bhappens\s+for\s+a\s+reason\b"
    # short-lived: "she'll grow out of it", "it'll blow over", "nobody will remember it"
    r"|\bgrow\s+out\s+of\s+it\b|\bblow\s+over\b|\b(?:no\s*one|nobody)(?:['\u2019]s|\s+is|\s+will"
    r"|['\u2019]ll)?\s+(?:going\s+to\s+|gonna\s+)?remember\b|\bback\s+to\s+normal\b"
    r"|\b(?:get|be)\s+over\s+it\b|\bforget\s+all\s+about\s+it\b"
    # common lot: "that's teenagers", "swings and roundabouts", "part of life", "mine all did"
    r"|\bthat['\u2019]?s\s+(?:teenagers|teens|kids|toddlers|men|boys|dads|mums|moms|families"
    r"|life|uni|work|the\s+job|how\s+it\s+(?:is|goes))\b|\bswings\s+and\s+roundabouts\b"
    r"|\bpart\s+and\s+parcel\b|\bpart\s+of\s+(?:life|growing\s+up|the\s+job)\b"
    r"|\bcomes\s+with\s+the\s+territory\b|\b(?:dads|mums|moms|men|kids|teenagers|people)\s+are"
    r"\s+(?:just\s+)?like\s+that\b|\bmine\s+(?:all\s+)?did\b|\bwe\s+all\s+(?:went|go)\s+through"
    # as good as what was lost: "it's basically like she's still here"
    r"|\b(?:basically|practically|pretty\s+much)\s+(?:like|the\s+same)\b"
    # an order to get on with it
    r"|\bjust\s+get\s+on\s+with\b|\bsuck\s+it\s+up\b|\btoughen\s+up\b|\bman\s+up\b",
    _FLAGS,
)
#: What follows a turn before its clause's words: a comma, "though", "honestly".
_AFTER_TURN = re.compile(r"(?:[\s,]|\b(?:though|tho|honestly|really|like)\b)*", _FLAGS)
#: A negation right before the words ("But it's not just a job to you").
_NEGATED = re.compile(r"(?:\bnot|n't|\bnever|\bno)\s+(?:[\w']+\s+){0,2}$", _FLAGS)
#: Words the turns hold, searched in the lower-cased reply: a reply with none is read no
#: further (most replies).
_GATE = re.compile(
    r"\b(?:but|again|mind|still|said|fair|side|though|day)\b",
)


def turn_spans(response: str) -> list[tuple[int, int]]:
    """Start and end of each clause of ``response`` after a turn (:data:`_TURN`: "But",
    "Then again", "Mind you") that follows other words, to its sentence's end, where that sentence
    holds, after the turn, words that make what happened smaller (:data:`_SMALLER`), not
    negated right before them."""
    text = straight(response)
    if _GATE.search(text.lower()) is None:
        return []
    found: list[tuple[int, int]] = []
    for turn in _TURN.finditer(text):
        if not text[: turn.start()].strip(" \t,;:-\u2013\u2014"):
            continue  # nothing granted before the turn
        words = _AFTER_TURN.match(text, turn.end())
        start = words.end() if words is not None else turn.end()
        mark = SENTENCE_MARK.search(text, turn.end())
        end = mark.start() if mark is not None else len(text.rstrip())
        if found and start < found[-1][1]:
            continue
        for smaller in _SMALLER.finditer(text, turn.end(), end):
            if not _NEGATED.search(text, turn.end(), smaller.start()):
                found.append((start, end))
                break
    return found
