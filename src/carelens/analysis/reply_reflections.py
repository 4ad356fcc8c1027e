"""A reflection beside a helper's remarks of sympathy: the part of the reply that says the
seeker's experience back to them.

The model, trained on EPITOME, reads a remark on what the seeker told ("That's awful.", "How
heartbreaking.", "What a nightmare.") as an emotional reaction, and beside one it often scores
no understanding for the words after it, or marks its rationale on the remark alone: "How awful.
It sounds like you're caught in the middle of their fights." was given only the sympathy
sentence, though the same reflection alone was praised as one; so it is beside reassurance
("Stop blaming yourself. It sounds like you're carrying all of it.") and validation.
:func:`reflection_beside` finds such a reflection in a reply that has remarks or other kind
words (:mod:`carelens.analysis.reply_remarks`,
:func:`carelens.analysis.rules_readings.kind_clauses`): a clause outside them that opens with
words that say back what it is like for the seeker (:data:`_REFLECTIVE`: "It sounds like you…",
"Sounds like this keeps happening", "You must be grieving so much", "You're probably scared", "I
can only imagine how…", "So you're…", "It does sound like…", "It's like losing her twice", "it's
not only him you're losing", "I wonder if for you…", "That's such a hard bind", "Weekends sound
like the danger zone for you"), and not advice ("It sounds like you should talk to her":
:data:`_ADVICE`), the helper's own story ("It sounds like me when I…") nor a put-down ("It
sounds like you're overreacting"). A reply without kind words is left to the model for the
scores; the feedback reads one more: :func:`plain_reflection` finds a reflection that stands
alone ("You must feel so let down.": not general, hypothetical, a question nor a stub), also
outside the helper's own story. Whether the reflection judges them otherwise is read by
:mod:`carelens.analysis.reply_judging` and the rules, as for any reply.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from carelens.analysis.reply_remarks import CLAUSE_END
from carelens.analysis.words import WORD

#: The start of a clause that says back what it is like for the seeker: "It sounds like",
#: "That must be", "You must feel", "You're probably", "I can only imagine how", "So
#: you're" (interjections before them too: "Oh, it sounds like").
_REFLECTIVE = re.compile(
    r"\s*(?:(?:and|so|oh|honestly|man|god|wow|yeah|i\s+mean|it\s+seems)\s+)*"
    r"(?:(?:it|that|this)\s+(?:(?:really|just|definitely|truly|almost|certainly)\s+)?"
    r"(?:sounds|seems|feels|looks|does\s+sound|does\s+seem|does\s+feel)\s+"
    r"(?:like|as\s+if|as\s+though)\b"
    r"|(?:it\s+)?(?:sounds|seems)\s+like\b"
    r"|(?:you|u)\s+(?:must|probably)\s+(?:(?:really|still|also|so|just)\s+)*"
    r"(?:feel|be|have|miss|love|wish|want|hate|worry|wonder|think|care)\b"
    r"|(?:you['\u2019]re|youre|you\s+are)\s+(?:probably|clearly|obviously|still)\b"
    # "You're carrying all of this by yourself", "You've been holding everything together"
    r"|(?:you['\u2019]re|youre|you\s+are|you['\u2019]ve\s+been|you\s+have\s+been)\s+"
    r"(?:(?:really|still|all|so)\s+)?(?:carrying|holding|dealing|going\s+through|juggling"
    r"|handling|doing\s+(?:everything|it\s+all|so\s+much)|trying\s+(?:so\s+hard|your\s+best)"
    r"|struggling|hurting|grieving|missing|feeling|fighting|coping|facing|caught|stuck|left)\b"
    # "You feel like you don't matter to him" (what they feel about it: :data:`_FELT_AS`)
    r"|(?:you|u)\s+(?:(?:probably|must|really|just)\s+)?(?:feel|felt)\s+(?:like|as\s+if|that)\b"
    r"|(?:that|it|this)\s+must\s+(?:be|feel|have)\b"
    r"|i\s+can\s+(?:only\s+)?(?:imagine|see|tell)\s+(?:how|why|what|that)\b"
    # "You're handing someone you love over to people you barely know"
    r"|(?:you['\u2019]re|youre|you\s+are)\s+(?:handing|giving\s+up|losing|watching|waiting"
    r"|navigating|balancing|raising|caring\s+for|looking\s+after|living\s+with|putting\s+up)\b"
    # "no wonder you don't know what to feel", "that's the last thing you need when ...",
    # "it's one thing to know it and another to hold it", "that kind of loneliness can ...",
    # "hearing that from your own kid must sting", "like everything took more than you had"
    r"|no\s+wonder\s+(?:you|u)(?:['\u2019]re|\s+are|\s+feel|\s+felt|\s+don['\u2019]?t|\s+can['\u2019]?t"
    r"|['\u2019]ve|\s+have|\s+keep|\s+dread|\s+hate|\s+miss|\s+worry|\s+struggle|\s+want"
    r"|\s+need)\b(?!\s+(?:single|failing|broke|fat|fired|dumped|late|behind|in\s+debt)\b)"
    r"|(?:that['\u2019]s|that\s+is|it['\u2019]s|it\s+is)\s+the\s+last\s+thing\s+(?:you|u)\s+need"
    r"|it['\u2019]s\s+one\s+thing\s+to\b"
    r"|(?:that|this)\s+kind\s+of\s+(?:loneliness|grief|pain|stress|exhaustion|fear|hurt|betrayal"
    r"|isolation|worry|rejection|pressure|loss|shame|guilt)\b"
    # (not a "you" or an "and" between: "Networking is key and you must be savvy")
    r"|[a-z]+ing\s+(?:(?!(?:and|you)\b)[\w']+\s+){0,8}?must\s+(?:sting|hurt|be|feel|have\s+been)\b"
    r"|like\s+(?:everything|nothing|every\s+\w+|you['\u2019]re|you\s+are|you['\u2019]ve|you\s+have)\b"
    # "so even when you do well, ...", "so every conversation with her ...", "so home has
    # stopped feeling like a safe place"
    r"|so\s+(?:even\s+(?:when|if|after|though)\s+(?:you|u)|every\s+(?:\w+\s+){0,2}?(?:with|you)\b"
    r"|home\s+(?:has|is|feels)|now\s+(?:you|u|home))\b"
    r"|so\s+(?:you['\u2019]re|youre|you\s+are|you\s+feel|you\s+have|your)\b"
    # "It's like losing her twice", "it's almost like you're living two lives" (not "it's
    # like saying ..."), "it's not only him you're losing", "it isn't just the job you lost"
    r"|(?:it['\u2019]s|it\s+is)\s+(?:almost\s+|kind\s+of\s+|sort\s+of\s+|a\s+bit\s+)?like\s+"
    r"(?:(?!saying|asking|comparing|talking)[a-z]+ing|(?:you['\u2019]re|you\s+are)\s+[a-z]+ing"
    r"|(?:you['\u2019]ve|you\s+have)\s+(?:been|lost))\b"
    r"|(?:it['\u2019]s\s+not|it\s+is\s+not|it\s+isn['\u2019]t|it['\u2019]s\s+never)\s+(?:just|only|simply)\s+"
    r"(?:[\w'\u2019]+\s+){1,5}?(?:you['\u2019]re|you\s+are|you['\u2019]ve|you\s+have|you)\s+"
    r"(?:(?:really|also|still|been)\s+)?(?:[a-z]+ing|lost|miss|feel|felt|grieve|mourn)\b"
    # "I wonder if for you it's ...", "I wonder whether part of you ..." (not "I wonder if
    # you should ...", "I wonder if you've tried ...")
    r"|i\s+wonder\s+(?:if|whether)\s+(?:for\s+you|part\s+of\s+you|some\s+of\s+(?:this|that|it)"
    r"|you['\u2019]re|youre|you\s+are|you['\u2019]ve\s+been|you\s+have\s+been|you\s+feel"
    r"|you\s+might\s+(?:be|feel)|you\s+miss|what\s+you|how\s+much\s+you)\b"
    # "That's such a hard bind", "That's a lonely place to be": where they stand, said
    r"|(?:that['\u2019]s|that\s+is|it['\u2019]s|it\s+is)\s+(?:such\s+)?an?\s+"
    r"(?:(?:really|very|so|incredibly|truly)\s+)?(?:hard|tough|difficult|painful|lonely|awful"
    r"|horrible|impossible|cruel|brutal|confusing|scary|frightening|heavy|rough|unfair|isolating"
    r"|exhausting|strange|vulnerable|helpless)\s+(?:bind|spot|position|place|corner|dilemma"
    r"|limbo|double\s+bind)\b)",
    re.IGNORECASE,
)
#: "Weekends sound like the danger zone for you right now": a subject of theirs that sounds
#: like something, read as a reflection where "you" or "your" follows in its clause
#: (:data:`_YOU_AFTER`; not "He sounds like a jerk").
_SOUNDS_LIKE = re.compile(
    r"\s*(?:(?:and|so|oh|honestly|yeah)\s+)*(?!(?:he|she|they|i|we|it|that|this|you)\b)"
    r"(?:[a-z][\w'\u2019]*\s+){1,3}?(?:sound|sounds|seem|seems)\s+like\b",
    re.IGNORECASE,
)
#: "you" or "your" after the opener of :data:`_SOUNDS_LIKE`.
_YOU_AFTER = re.compile(r"\b(?:you|your|u|ur)\b", re.IGNORECASE)
#: Words that make such a clause advice, the helper's own or a put-down ("It sounds like you
#: should talk to her", "sounds like you need to leave", "It sounds like me when I…", "It
#: sounds like you're overreacting", "Having a whole week off to cry must be nice", "you
#: must be able to explain it").
_ADVICE = re.compile(
    r"\b(?:should|shouldn['\u2019]?t|need\s+to|needs\s+to|have\s+to|has\s+to|ought\s+to"
    r"|could\s+try|might\s+want|try\s+to|like\s+(?:me|my|i)\b|overreact\w*|dramatic"
    r"|too\s+sensitive|over\s*thinking|big\s+deal|(?:of|over)\s+nothing|must\s+be\s+nice"
    r"|must\s+be\s+able)",
    re.IGNORECASE,
)


def reflection_beside(response: str, remarks: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """Start and end of the first reflection in ``response`` beside its remarks of sympathy
    or other kind words (``remarks``: :func:`carelens.analysis.reply_remarks.reactions`,
    :func:`carelens.analysis.rules_readings.kind_clauses`): a clause outside them that opens
    with :data:`_REFLECTIVE` words and holds no :data:`_ADVICE`, from its first word to its
    end; None without remarks or without such a clause."""
    return _first_reflection(response, remarks) if remarks else None


def first_reflection(response: str) -> tuple[int, int] | None:
    """Start and end of the first clause of ``response`` that is a reflection as
    :func:`reflection_beside` reads one, kind words beside it or not; None without one."""
    return _first_reflection(response, ())


def reflects(response: str) -> bool:
    """Whether any clause of ``response`` is a reflection as :func:`reflection_beside` reads
    one, kind words beside it or not (a cheap test before finding the kind words)."""
    return _first_reflection(response, ()) is not None


#: The start of a sentence that makes a reflection in it general or hypothetical ("In order
#: to find light, you must be surrounded by darkness", "If it sounds like too much, ...",
#: "Whatever you're going through, ...", "Before you wish for others to understand, you must
#: be able to ..."): no reflection standing alone (:func:`plain_reflection`) nor beside
#: warmth the model scored (:func:`carelens.analysis.rules_readings.warm_reflection`).
GENERAL = re.compile(
    r"\s*(?:in\s+order\s+to|to|if|when|whenever|whatever|once|until|till|unless)\b"
    # "before" and "after" with anyone's "can", "must": "Before you can heal, ..." (not
    # "After everything you've been through, you must be exhausted.")
    r"|\s*(?:before|after)\s+(?:you|one|we|people|anyone|anybody|someone)\s+(?:can|could|must"
    r"|should|have\s+to|need\s+to|try|wish|learn|ask|expect|are\s+able|is\s+able)\b",
    re.IGNORECASE,
)
#: The helper's own words, which make a clause no reflection of the seeker's standing alone.
_HELPERS = re.compile(
    r"\b(?:i|i['\u2019]m|i['\u2019]ve|i['\u2019]d|me|my|myself|mine)\b", re.IGNORECASE
)
#: The fewest words a reflection standing alone says ("It feels like" says nothing yet).
_PLAIN_WORDS = 4


def plain_reflection(
    response: str, outside: Sequence[tuple[int, int]] = (), addressed: bool = False
) -> tuple[int, int] | None:
    """Start and end of the first reflection of ``response`` (as :func:`first_reflection`
    reads one, in a clause outside the spans ``outside``: the helper's own story, say) that
    stands as one with no kind words beside it: at least :data:`_PLAIN_WORDS` words, in a
    sentence that is no question and not general or hypothetical (:data:`GENERAL`: "If it
    feels like too much, ..."), with no word of the helper's own after its opening words
    (:data:`_HELPERS`: "It feels like as my friends get better I ..."), and with "you" or
    "your" in it where ``addressed`` (beside the helper's story, "it feels like forever" may
    be theirs): "You must feel so let down.", "That sounds like a lot to be carrying."; None
    without one."""
    found = _first_reflection(response, outside)
    while found is not None:
        sentence = max(response.rfind(mark, 0, found[0]) for mark in ".!?\n") + 1
        ends = [at for mark in ".!?\n" if (at := response.find(mark, found[1])) >= 0]
        question = bool(ends) and response[min(ends)] == "?"
        opening = _REFLECTIVE.match(response, found[0], found[1])
        after = opening.end() if opening is not None else found[0]
        if (
            not question
            and len(WORD.findall(response, found[0], found[1])) >= _PLAIN_WORDS
            and GENERAL.match(response, sentence, found[0]) is None
            and _HELPERS.search(response, after, found[1]) is None
            and (not addressed or _YOU_AFTER.search(response, found[0], found[1]) is not None)
        ):
            return found
        found = _first_reflection(response, (*outside, (0, found[1])))
    return None


def _first_reflection(response: str, remarks: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The first clause of ``response`` outside ``remarks`` that is a reflection."""
    start = 0
    for mark in (*CLAUSE_END.finditer(response), None):
        stop = mark.start() if mark is not None else len(response)
        if not any(s < stop and start < e for s, e in remarks) and _reflects(response, start, stop):
            first = WORD.search(response, start, stop)
            assert first is not None  # a reflective clause has words
            return first.start(), len(response[:stop].rstrip())
        if mark is not None:
            start = mark.end()
    return None


#: "You feel like ...": what follows is how it is for them, so "have to" and "need to" in
#: it tell what they feel bound to do ("You feel like you have to take sides"), no advice.
_FELT_AS = re.compile(
    r"\s*(?:(?:and|so|oh|honestly)\s+)*(?:you|u)\s+(?:(?:probably|must|really|just)\s+)?"
    r"(?:feel|felt)\s+(?:like|as\s+if|that)\b",
    re.IGNORECASE,
)
#: Advice in a clause of :data:`_FELT_AS` (not "have to", "need to").
_ADVICE_FELT = re.compile(
    r"\b(?:should|shouldn['\u2019]?t|ought\s+to|could\s+try|might\s+want|try\s+to"
    r"|overreact\w*|dramatic|too\s+sensitive|big\s+deal|(?:of|over)\s+nothing)",
    re.IGNORECASE,
)


def _reflects(response: str, start: int, stop: int) -> bool:
    """Whether ``response[start:stop]`` (a clause) opens with words that say back what it is
    like for the seeker and is no advice."""
    if _REFLECTIVE.match(response, start, stop) is None:
        sounds = _SOUNDS_LIKE.match(response, start, stop)
        if sounds is None or _YOU_AFTER.search(response, sounds.end(), stop) is None:
            return False
    advice = _ADVICE_FELT if _FELT_AS.match(response, start, stop) else _ADVICE
    return advice.search(response, start, stop) is None
