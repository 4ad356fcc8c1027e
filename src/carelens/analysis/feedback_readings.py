"""What the feedback reads in an analysis and a reply beyond the sentence it chooses: the
levels of understanding (none for remarks of sympathy alone), the model's lean to dismissal,
the helper's own offer of help and whether kind words stand beside it
(:func:`kind_beside_help`), where the feelings and a reflection lie, whether a feeling
given the seeker is one the reply validates, and where the words to quote for understanding
start when the rationale opens on words the helper sets aside (:func:`past_the_frame`: "I'm
not going to say 'it could be worse'.", "It'd be easy for someone to say 'must be nice',
but ..."), and the words that acknowledge them before a dismissal
(:func:`acknowledged_before`: "That sounds really rough, but honestly it's just a job").

:mod:`carelens.analysis.feedback` builds its sentences on these readings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from carelens.analysis.feedback_acknowledged import acknowledgement
from carelens.analysis.feedback_offers import helper_offers
from carelens.analysis.feelings import Feeling
from carelens.analysis.quoted_speech import within
from carelens.analysis.quoting import quote
from carelens.analysis.reply_reflections import first_reflection
from carelens.analysis.reply_remarks import reactions
from carelens.analysis.reply_sarcasm import sarcasm
from carelens.analysis.reply_validation import validation, validations
from carelens.analysis.rules import minimising_spans, offer_spans
from carelens.analysis.rules_readings import advises_only, kind_clauses, on_remarks_only
from carelens.analysis.words import SENTENCE, WORD
from carelens.types import DimensionScore, ResponseAnalysis, Span


def level_of(analysis: ResponseAnalysis, name: str) -> int:
    """The level of dimension ``name`` in ``analysis`` (0 where it is missing)."""
    score = analysis.dimensions.get(name)
    return score.level if score is not None else 0


#: The dimensions of understanding (empathy is the strongest of them).
UNDERSTANDING = ("interpretation", "exploration", "reflection")


def understanding_levels(
    analysis: ResponseAnalysis,
    response: str,
    reacted: Sequence[tuple[int, int]],
    asides: Sequence[tuple[int, int]] | None = None,
) -> dict[str, int]:
    """The levels of :data:`UNDERSTANDING` in ``analysis``, each 0 where the reply has
    remarks of sympathy (``reacted``) and they are all the model marked for it
    (:func:`~carelens.analysis.rules_readings.on_remarks_only`: "How heartbreaking." is
    sympathy, not an interpretation), as the rules read them too; and ``exploration`` 0 where
    all it marked is questions that advise or offer
    (:func:`~carelens.analysis.rules_readings.advises_only`, over ``asides`` when the caller
    has them: "Have you tried melatonin?"), which the score keeps as EPITOME does."""
    levels = {name: level_of(analysis, name) for name in UNDERSTANDING}
    if reacted:
        for name, found in levels.items():
            if found and on_remarks_only(analysis.dimensions.get(name), response):
                levels[name] = 0
    exploration = analysis.dimensions.get("exploration")
    if levels["exploration"] and advises_only(exploration, response, asides):
        levels["exploration"] = 0
    return levels


def span_words(score: DimensionScore, response: str) -> str | None:
    """The words of the best rationale span of ``score`` in ``response``, whole (the span
    :func:`~carelens.analysis.feedback_sentences.span_text` quotes the start of); None
    without one."""
    if not score.spans:
        return None
    best = max(score.spans, key=lambda s: s.score)
    return response[best.start : best.end]


def own_offer(
    analysis: ResponseAnalysis, response: str, understood: bool, compassion: int
) -> Span | None:
    """The first sentence of ``response`` where the helper offers their own help, company or
    follow-up (:func:`carelens.analysis.feedback_offers.helper_offers`: "I'll feed her", "I
    can come Saturday with my car"), when the reply shows no understanding, whatever the
    model scored for help; else None."""
    if understood:
        return None
    found = helper_offers(response)
    return Span(found[0][0], found[0][1], "compassion", 1.0) if found else None


#: The model's probability that a reply is dismissive (level 1 or 2) at or above which a
#: feeling the reply gives the seeker is not praised, though the level it chose is 0.
DISMISSIVE_LEAN = 0.5


def given_at(*found: Feeling | tuple[int, int] | None) -> list[tuple[int, int]]:
    """Where the feelings and the reflection ``found`` lie in the reply (those not None)."""
    return [
        item.match.span() if isinstance(item, Feeling) else item
        for item in found
        if item is not None
    ]


def validates_feeling(response: str, feeling: Feeling) -> bool:
    """Whether ``feeling`` lies in words of ``response`` that validate it
    (:func:`~carelens.analysis.reply_validation.validations`, read in its sentence only)."""
    at = feeling.match.start()
    start = max(response.rfind(mark, 0, at) for mark in ".!?\n") + 1
    ends = [found for mark in ".!?\n" if (found := response.find(mark, at)) >= 0]
    sentence = response[start : min(ends) if ends else len(response)]
    return within(validations(sentence), at - start)


def leans_dismissive(analysis: ResponseAnalysis) -> bool:
    """Whether the model finds the reply more likely dismissive than not
    (:data:`DISMISSIVE_LEAN`), whatever level it chose."""
    score = analysis.dimensions.get("dismissive")
    return score is not None and sum(score.probabilities[1:]) >= DISMISSIVE_LEAN


#: The start of words the helper sets aside before saying what it is like for the seeker:
#: what they will not say ("I'm not going to say 'it could be worse'", "I won't tell you
#: everything happens for a reason"), or what others might ("It'd be easy for someone to say
#: 'must be nice'", "People will tell you ...").
_FRAME = re.compile(
    r"\s*(?:(?:and|so|look|honestly|okay|ok|well)\s*,?\s+)*"
    r"(?:i['\u2019]?m\s+not\s+(?:going\s+to|gonna|about\s+to)|i\s+am\s+not\s+(?:going\s+to|gonna)"
    r"|i\s+won['\u2019]?t|i\s+will\s+not|i\s+(?:don['\u2019]?t|do\s+not)\s+want\s+to)\s+"
    r"(?:just\s+)?(?:say|tell|pretend)\b"
    r"|\s*(?:it['\u2019]?d|it\s+would|it['\u2019]?s|it\s+is|it\s+might\s+be)\s+(?:be\s+)?"
    r"(?:so\s+|really\s+)?easy\s+(?:for\s+\w+\s+)?to\s+(?:say|tell|think)\b"
    r"|\s*(?:some\s+)?(?:people|someone|others|everyone|folks)\s+(?:might|may|will|would|could"
    r"|often|always|probably)\s+(?:say|tell)\b",
    re.IGNORECASE,
)
#: Where words set aside end: a sentence's end, or a "but", semicolon or colon after them.
_FRAME_END = re.compile(r"[.!?\n;:]|,?\s+but\b", re.IGNORECASE)


#: What ends a sentence.
_SENTENCE_END = re.compile(r"[.!?\n]")


def past_the_frame(response: str, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` of words of ``response`` to quote for understanding, moved past
    the words the helper sets aside at ``start`` (:data:`_FRAME`) to the words after them
    (their sentence, or after a "but", semicolon or colon: "I'm not going to say 'it could be
    worse'. Losing your work can knock who you feel you are" quotes "Losing your work…"),
    ``end`` moved to the end of that sentence where it came before it; as given where none is
    set aside, or nothing follows."""
    found = _FRAME_END.search(response, start) if _FRAME.match(response, start, end) else None
    if found is None:
        return start, end
    after = found.end()
    while after < len(response) and (response[after].isspace() or response[after] in ".!?"):
        after += 1
    if after >= len(response):
        return start, end
    stop = _SENTENCE_END.search(response, after)
    return after, max(end, stop.start() if stop is not None else len(response))


def understanding_quote(score: DimensionScore, response: str, words: int = 10) -> str | None:
    """The start of the best rationale span of ``score`` in ``response`` (``words`` words at
    most), past the words the helper sets aside at its start (:func:`past_the_frame`), as
    :func:`~carelens.analysis.feedback_sentences.span_text` quotes it otherwise; None where it
    is level 0 or has none."""
    if score.level == 0 or not score.spans:
        return None
    best = max(score.spans, key=lambda s: s.score)
    return quote(response, *past_the_frame(response, best.start, best.end), words)


#: Sympathy in the reply's own words: "sorry", "that's awful", "how hard".
_SORRY = re.compile(
    r"\bsorry\b|\b(?:that|this|it)(?:['\u2019]?s|\s+is)\s+(?:(?:so|really|such)\s+)?"
    r"(?:(?:a\s+)?(?:awful|hard|rough|tough|horrible|terrible|brutal|heartbreaking|scary|lonely"
    r"|lot))\b",
    re.IGNORECASE,
)


def kind_beside_help(response: str, reacted: Sequence[tuple[int, int]]) -> bool:
    """Whether ``response`` holds kind words beside its help: sympathy (:data:`_SORRY`,
    remarks ``reacted``), a reflection
    (:func:`~carelens.analysis.reply_reflections.first_reflection`) or words that validate
    them (:func:`~carelens.analysis.reply_validation.validation`,
    :func:`~carelens.analysis.feedback_acknowledged.acknowledgement`); the model's sympathy
    score alone is not enough ("Text me a list and I'll drop your shopping off")."""
    return (
        bool(reacted)
        or _SORRY.search(response) is not None
        or first_reflection(response) is not None
        or validation(response) is not None
        or acknowledgement(response) is not None
    )


#: Plain words that acknowledge what they told, as a reply may open before it dismisses it:
#: "I'm so sorry" (not the "Sorry, but" of a formula), "That sounds really rough", "Moving's
#: stressful", "that must be hard", "that sucks", "I can see that being tough", "Sad, I know."
#: (read beside the remarks, reassurance and validation of
#: :func:`~carelens.analysis.rules_readings.kind_clauses`).
_ACKNOWLEDGING = re.compile(
    r"(?:\b(?:i['\u2019]?m|i\s+am|im)\s+|(?:^|(?<=[.!?\n]))\s*(?:oh\s+|aw+\s+)?)"
    r"(?:so\s+|really\s+|very\s+|truly\s+|genuinely\s+)*sorry\b"
    r"(?!\s*,?\s*but\b|\s+(?:to\s+say|if|for\s+(?:being|saying)))"
    r"|(?:['\u2019]s|\b(?:is|are|was|were|sounds?|must\s+be|must\s+have\s+been|seems|looks))\s+"
    r"(?:(?:so|really|very|incredibly|super|pretty|genuinely|honestly|properly|absolutely|a\s+bit"
    r"|a\s+little|kind\s+of|kinda|bloody|such)\s+)*(?:a\s+)?(?:hard|rough|tough|awful|difficult"
    r"|horrible|painful|shit|crap|crappy|rubbish|frustrating|upsetting|stressful|scary"
    r"|heartbreaking|gutting|brutal|exhausting|a\s+lot(?!\s+of)|terrible|unfair|hurtful|miserable"
    r"|grim"
    r"|pain|nightmare|no\s+fun|not\s+(?:easy|fun)|never\s+easy|the\s+worst)\b"
    r"|\b(?:that|this|it)\s+(?:really\s+|totally\s+)?sucks\b"
    r"|\bi\s+(?:can\s+|totally\s+|really\s+)?(?:get|see|understand|imagine)\s+(?:that|how|why|it)\b"
    r"|\bi\s+(?:totally\s+|really\s+)?(?:get\s+it|hear\s+you|know|understand)(?=\s*(?:[.!,;]|$))",
    re.IGNORECASE,
)


#: Where acknowledging words end: a mark, a comma, or a "but" ("though", "still", "however").
_WARM_END = re.compile(r"[.!?;\n]|,?\s+(?:but|though|still|although|however)\b|,", re.IGNORECASE)


def _clause_start(response: str, at: int) -> int:
    """The start of the sentence going on at ``at`` in ``response`` ("Sad, I know"), or of
    its clause where more than a few words of the sentence come before ``at`` ("It might
    just be ..., trust me it sucks" -> "trust me it sucks"); past white space."""
    start = max(response.rfind(mark, 0, at) for mark in ".!?;\n") + 1
    if len(WORD.findall(response, start, at)) > 4:
        start = max(start, response.rfind(",", 0, at) + 1)
    return start + len(response[start:at]) - len(response[start:at].lstrip())


def _clause_end(response: str, at: int, limit: int) -> int | None:
    """The end of the clause going on at ``at`` in ``response``, before ``limit``; None where
    it runs on into the words at ``limit`` ("trust me it sucks as I am trying to get over it"
    is one clause, not an acknowledgement before them)."""
    found = _WARM_END.search(response, at, limit)
    return len(response[: found.start()].rstrip()) if found is not None else None


def acknowledged_before(
    response: str, seeker: str, quoted: tuple[int, int] | None
) -> tuple[int, int] | None:
    """Start and end of the first words of ``response`` that acknowledge what they told
    (:data:`_ACKNOWLEDGING`, or the remarks, reassurance and validation of
    :func:`~carelens.analysis.rules_readings.kind_clauses`) and end before the dismissive
    words ``quoted``, outside them; None where there are none, where no words are quoted, or
    where the reply mocks them (:func:`~carelens.analysis.reply_sarcasm.sarcasm`: its warm
    words may be mock)."""
    if quoted is None or sarcasm(response, seeker) is not None:
        return None
    at = quoted[0]
    warm = [
        (_clause_start(response, m.start()), end)
        for m in _ACKNOWLEDGING.finditer(response, 0, at)
        if (end := _clause_end(response, m.end(), at)) is not None
    ]
    warm += kind_clauses(response, reactions(response))
    for start, end in sorted(warm):
        if end <= at and start < end:
            return start, end
    return None


def dismissal_words(
    analysis: ResponseAnalysis, response: str, judging: tuple[int, int] | None
) -> tuple[int, int] | None:
    """Start and end of the words the feedback quotes as dismissive: the ``judging`` words,
    else the first the rules read as minimising
    (:func:`~carelens.analysis.rules.minimising_spans`: "it's just a job", "that's
    teenagers, she'll grow out of it"), which the model's sentence may miss (it may lie on
    the acknowledgement before them: "Ah man that's hard."), else the model's best
    dismissive span, or the sentence after it where that span only acknowledges them
    (:func:`_past_acknowledgement`); None without any."""
    if judging is not None:
        return judging
    found = minimising_spans(response)
    if found:
        return found[0].start, found[0].end
    score = analysis.dimensions.get("dismissive")
    if score is None or score.level == 0 or not score.spans:
        return None
    best = max(score.spans, key=lambda s: s.score)
    return _past_acknowledgement(response, best.start, best.end)


def _past_acknowledgement(response: str, start: int, end: int) -> tuple[int, int]:
    """The model's dismissive sentence ``response[start:end]``, or the sentence after it
    where it is only an acknowledgement ("Family fallouts are no fun. Give it a few weeks and
    it'll blow over"): the model read the turn after it. Not where the next sentence is kind
    too, offers help or asks (:func:`_kind_sentence`), nor where there is none."""
    sentence = response[start:end].strip().rstrip(".!")
    warm = _ACKNOWLEDGING.search(sentence)
    if warm is None or len(WORD.findall(sentence)) > len(WORD.findall(warm.group(0))) + 4:
        return start, end
    following = SENTENCE.search(response, end)
    if following is None or not WORD.search(following.group(0)):
        return start, end
    at, to = following.span()
    if _kind_sentence(following.group(0)):
        return start, end
    return at + len(following.group(0)) - len(following.group(0).lstrip()), to


def _kind_sentence(sentence: str) -> bool:
    """Whether ``sentence`` acknowledges, comforts, validates, offers help or asks."""
    return (
        "?" in sentence
        or _ACKNOWLEDGING.search(sentence) is not None
        or bool(kind_clauses(sentence, reactions(sentence)))
        or bool(offer_spans(sentence))
    )
