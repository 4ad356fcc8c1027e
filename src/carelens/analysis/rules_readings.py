"""The feedback's readings of a reply applied to its scores, so that the style headline
(:func:`carelens.taxonomy.headline_style`) says what the feedback says.

:mod:`carelens.analysis.feedback` reads a reply beyond the model's levels, and without these
readings in the scores the style would contradict it ("How awful. It sounds like you're
caught in the middle of their fights." credited as a reflection but headed ``other``).
:func:`read_into`, which :func:`carelens.analysis.rules.apply_rules` runs, applies them:

- a part of empathy the model scored only on remarks of sympathy (:func:`on_remarks_only`:
  "How heartbreaking." as an interpretation) is lowered to 0: such a remark is sympathy;
- ``exploration`` is lowered to 0 where all the model marked for it is questions that
  blame or mock (:func:`~carelens.analysis.reply_contempt.contempt_spans`: "Why would you
  put your savings into crypto??"): the codebook's exploration counts no rhetorical or
  hostile question. A question that advises or offers
  (:func:`~carelens.analysis.reply_questions.aside_questions`: "Have you tried melatonin?",
  "Want me to sit with you on the phone while you call them?") keeps the model's
  exploration, which is EPITOME's: its annotators scored such questions as explorations, and
  lowering them cost the exploration rationale token-F1 on the test split 0.739 -> 0.711.
  The feedback reads them apart (:func:`advises_only`); a question that advises or offers is
  also compassion (weak: "a generic suggestion"), raised from 0 to 1 with its sentence;
- a reflection beside kind words (:func:`kind_clauses`: remarks of sympathy, reassurance,
  validation) that the model did not score is understanding:
  :func:`~carelens.analysis.reply_reflections.reflection_beside` finds it (:func:`warm_reflection`:
  also in a reply the model scored as sympathy), and ``reflection``
  is raised from 0 to 1 with it as its span ("How awful. It sounds like you're caught in the
  middle of their fights." is headed ``empathy``);
- validation and reassurance are the codebook's sympathy ("You have every right to be
  angry", "It's not your fault"): where the model scored no sympathy, emotional reaction nor
  understanding (beside which the style is not ``sympathy`` anyway), ``sympathy`` is raised
  from 0 to 1 with them as spans.

A score a rule sets (:func:`ruled`) mixes the model's probabilities half-and-half with
certainty of the level, so the level is the most probable one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from carelens.analysis.reply_contempt import contempt_spans
from carelens.analysis.reply_feelings import reply_reading
from carelens.analysis.reply_questions import aside_questions, asks
from carelens.analysis.reply_reassurance import reassurances
from carelens.analysis.reply_reflections import GENERAL, reflection_beside
from carelens.analysis.reply_remarks import only_reactions
from carelens.analysis.reply_validation import validations
from carelens.types import DimensionScore, Span

#: The parts of empathy (understanding), which remarks alone do not show.
UNDERSTANDING = ("interpretation", "exploration", "reflection")


def ruled(score: DimensionScore, level: int, spans: tuple[Span, ...]) -> DimensionScore:
    """``score`` set to ``level`` by a rule: its probabilities mixed half-and-half with
    certainty of that level (so the level is the most probable), the rule's spans shown."""
    probabilities = tuple(
        round(p / 2 + (0.5 if k == level else 0.0), 4) for k, p in enumerate(score.probabilities)
    )
    return DimensionScore(level=level, probabilities=probabilities, spans=spans)


def kind_clauses(response: str, remarks: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The kind words of ``response``, in order: its remarks of sympathy (``remarks``, as
    :func:`carelens.analysis.reply_remarks.reactions` found them), reassurance
    (:func:`~carelens.analysis.reply_reassurance.reassurances`: "Stop blaming yourself") and
    validation (:func:`~carelens.analysis.reply_validation.validations`: "You have every
    right to be angry")."""
    return tuple(sorted({*remarks, *reassurances(response), *validations(response)}))


def warm_reflection(
    response: str,
    kind: Sequence[tuple[int, int]],
    dimensions: Mapping[str, DimensionScore],
    first: tuple[int, int] | None,
) -> tuple[int, int] | None:
    """The reflection beside the kind words ``kind`` of ``response``
    (:func:`~carelens.analysis.reply_reflections.reflection_beside`), or, without one, its
    first reflection (``first``, as
    :func:`~carelens.analysis.reply_reflections.first_reflection` found it) where the model
    scored ``sympathy`` or ``emotional_reaction`` in ``dimensions`` ("I'm so glad for you
    both. You've been carrying so much fear while you waited.": warmth the remarks do not
    read, beside which the reflection is understanding too), unless it lies in the kind
    words (validation: "No wonder you feel invisible") or its sentence is general or
    hypothetical (:data:`~carelens.analysis.reply_reflections.GENERAL`)."""
    found = reflection_beside(response, kind)
    if found is not None or first is None or any(s < first[1] and first[0] < e for s, e in kind):
        return found  # a reflection inside kind words is theirs ("No wonder you feel invisible")
    if not any(
        (score := dimensions.get(name)) is not None and score.level
        for name in ("sympathy", "emotional_reaction")
    ):
        return None
    sentence = max(response.rfind(mark, 0, first[0]) for mark in ".!?\n") + 1
    if GENERAL.match(response, sentence, first[0]):
        return None  # "In order to find light, you must be surrounded by darkness"
    return first


def on_remarks_only(score: DimensionScore | None, response: str) -> bool:
    """Whether all the words the model marked for ``score`` (the whole reply where it marked
    none) are remarks of sympathy and nothing more
    (:func:`~carelens.analysis.reply_remarks.only_reactions`: "How heartbreaking.")."""
    if score is None or not score.spans:
        return only_reactions(response)
    return all(only_reactions(response[s.start : s.end]) for s in score.spans)


def explores_nothing(
    score: DimensionScore, response: str, questions: Sequence[tuple[int, int]]
) -> bool:
    """Whether the ``exploration`` the model scored lies only in ``questions`` (those that
    advise, offer or blame): each of its spans within one, or, where it marked none, the
    reply asking nothing else (:func:`~carelens.analysis.reply_questions.asks`)."""
    if not questions:
        return False
    if not score.spans:
        return not asks(response, questions)
    return all(any(s <= span.start and span.end <= e for s, e in questions) for span in score.spans)


def advises_only(
    score: DimensionScore | None,
    response: str,
    asides: Sequence[tuple[int, int]] | None = None,
) -> bool:
    """Whether the ``exploration`` the model scored lies only in questions that advise or
    offer (``asides``, :func:`~carelens.analysis.reply_questions.aside_questions` of
    ``response`` when not given: "Have you tried melatonin?"), which the feedback does not
    credit as exploring (the score keeps them: see the module docstring)."""
    if score is None or not score.level or "?" not in response:
        return False
    if asides is None:
        asides = aside_questions(response)
    return explores_nothing(score, response, _within(asides, response))


def _within(spans: Sequence[tuple[int, int]], response: str) -> list[tuple[int, int]]:
    """``spans`` widened over the marks after them (a question's "?") and the spaces before
    them, so that the model's sentence spans fit in them (:func:`explores_nothing`)."""
    widened = []
    for start, end in spans:
        while end < len(response) and response[end] in "?!. ":
            end += 1
        while start > 0 and response[start - 1] == " ":
            start -= 1
        widened.append((start, end))
    return widened


def read_into(
    out: dict[str, DimensionScore],
    response: str,
    seeker: str,
    remarks: Sequence[tuple[int, int]],
    kind: Sequence[tuple[int, int]],
    reflection: tuple[int, int] | None,
    mocked: tuple[int, int] | None = None,
) -> None:
    """The readings of the module docstring applied to the scores ``out`` (changed in place)
    of ``response`` to ``seeker``, given its remarks of sympathy (``remarks``), its kind words
    (``kind``, :func:`kind_clauses`), the reflection beside them (``reflection``) and its
    sarcasm (``mocked``: "Do you want a cookie?" explores nothing either)."""
    if remarks:
        for name in UNDERSTANDING:
            score = out.get(name)
            if score is not None and score.level and on_remarks_only(score, response):
                out[name] = ruled(score, 0, ())
    asides = aside_questions(response)
    exploration = out.get("exploration")
    if exploration is not None and exploration.level:
        blaming = [
            (s, e)
            for s, e in (*contempt_spans(response), *([mocked] if mocked else []))
            if "?" in response[s : e + 2]
        ]
        if explores_nothing(exploration, response, _within(blaming, response)):
            out["exploration"] = ruled(exploration, 0, ())
            _felt(out, response, seeker)
    compassion = out.get("compassion")
    if asides and compassion is not None and compassion.level == 0:
        out["compassion"] = ruled(
            compassion,
            1,
            tuple(Span(s, e, "compassion", 1.0) for s, e in _trimmed(asides, response)),
        )
    if reflection is not None and not any(
        (score := out.get(name)) is not None and score.level
        for name in ("interpretation", "reflection")
    ):
        score = out.get("reflection")
        if score is not None:
            out["reflection"] = ruled(score, 1, (Span(*reflection, "reflection", 1.0),))
    sympathy = out.get("sympathy")
    reaction = out.get("emotional_reaction")
    if (
        sympathy is not None
        and sympathy.level == 0
        and (reaction is None or reaction.level == 0)
        and not any((score := out.get(name)) is not None and score.level for name in UNDERSTANDING)
    ):
        comfort = [span for span in kind if span not in remarks]
        if comfort:
            out["sympathy"] = ruled(
                sympathy, 1, tuple(Span(s, e, "sympathy", 1.0) for s, e in comfort)
            )


def _felt(out: dict[str, DimensionScore], response: str, seeker: str) -> None:
    """``interpretation`` in ``out`` raised from 0 to 1 where ``response`` names or says back
    a feeling of the seeker's (:func:`carelens.analysis.reply_feelings.reply_reading`: "That
    sounds really isolating. Have you tried joining a club?"): the model's understanding,
    which it marked on a question that explores nothing, is that feeling's, as the feedback
    says."""
    score = out.get("interpretation")
    if (
        score is None
        or score.level
        or any((other := out.get(name)) is not None and other.level for name in UNDERSTANDING)
    ):
        return
    named, reflected, _ = reply_reading(response, seeker)
    felt = named if named is not None else reflected
    if felt is not None:
        out["interpretation"] = ruled(
            score, 1, (Span(*_clause_of(response, felt.match.start()), "interpretation", 1.0),)
        )


def _clause_of(response: str, at: int) -> tuple[int, int]:
    """The sentence of ``response`` around ``at``, without white space at its ends."""
    start = max(response.rfind(mark, 0, at) for mark in ".!?\n") + 1
    ends = [found for mark in ".!?\n" if (found := response.find(mark, at)) >= 0]
    end = min(ends) + 1 if ends else len(response)
    return _trimmed([(start, end)], response)[0]


def _trimmed(spans: Sequence[tuple[int, int]], response: str) -> list[tuple[int, int]]:
    """``spans`` of ``response`` without the white space at their ends."""
    trimmed = []
    for start, end in spans:
        text = response[start:end]
        trimmed.append((start + len(text) - len(text.lstrip()), start + len(text.rstrip())))
    return trimmed
