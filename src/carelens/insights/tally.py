"""Mergeable counts over analysed responses, and the metrics derived from them.

A :class:`Tally` holds only sums and counts, so tallies of any split of the responses add
up to the tally of the whole (``sum(tally(part) for part in parts) == tally(all)``, whatever
the order or sharding): community totals are the sum over helpers, a month's total the sum
over its days. :meth:`Tally.metrics` turns the sums into the rates a reader looks at, in
the spirit of counselling-quality measures:

- share of responses per style and mean level per dimension, over the responses that have
  the dimension (results of an older carelens lack some: they are unknown, not level 0; a
  group where none has it has no mean, None);
- the reflections-to-questions ratio (responses with a reflection per question asked;
  motivational-interviewing coding aims for more reflections than questions). Questions are
  counted in the response text, so both sides of the ratio count only the responses with
  one and with a reflection level (results written with ``--no-text``, or by an older
  carelens without ``reflection``, mixed with others must not move it), and without any
  text the questions are unknown (None), not 0;
- the share of complex reflections (reflection level 2, reflecting meaning or feeling)
  among all reflections;
- length matching: the share of responses whose length is between half and twice the
  seeker message's, and the mean words of each;
- load: the share of answered seeker messages at high distress (level 2; in
  :class:`~carelens.insights.Insights` a message's level over all its analysed replies,
  :mod:`~carelens.insights.messages`), and those with crisis cues;
- unsafe replies, counted over the responses checked for unsafe wording (None when none
  was: results of an older carelens);
- the helper's own side: self-focus, advice, and responses expressing the helper's own
  distress.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from carelens.insights.rows import ROW_DIMENSIONS, ResponseRow
from carelens.taxonomy import STYLES

#: Length matching: a response between these multiples of the seeker message's words.
LENGTH_MATCH_RANGE = (0.5, 2.0)

Metric = float | int | None

#: The integer sums of a tally (its other fields are per-key counters and a float sum).
_SCALARS: tuple[str, ...] = (
    "n",
    "with_text",
    "questions",
    "questions_known",
    "reflections",
    "reflections_questions_known",
    "questions_reflection_known",
    "complex_reflections",
    "response_words",
    "seeker_words",
    "length_matched",
    "distress_known",
    "high_distress",
    "needs_attention",
    "unsafe_replies",
    "unsafe_known",
    "advice",
    "self_focus",
    "helper_distress_known",
    "helper_distress_high",
)


def _counter() -> Counter[str]:
    return Counter()


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts and sums over a set of responses (see the module docstring)."""

    n: int = 0
    styles: Counter[str] = field(default_factory=_counter)
    level_sums: Counter[str] = field(default_factory=_counter)
    #: Responses with a level of each dimension (the denominators of its mean and share).
    level_known: Counter[str] = field(default_factory=_counter)
    present: Counter[str] = field(default_factory=_counter)
    strong: Counter[str] = field(default_factory=_counter)
    with_text: int = 0
    questions: int = 0
    #: Responses whose questions are counted (those with a response text).
    questions_known: int = 0
    reflections: int = 0
    #: Responses with a reflection among :attr:`questions_known`: the ratio's numerator.
    reflections_questions_known: int = 0
    #: Questions asked in the responses with a text and a reflection level: the ratio's
    #: denominator.
    questions_reflection_known: int = 0
    complex_reflections: int = 0
    response_words: int = 0
    seeker_words: int = 0
    length_matched: int = 0
    distress_known: int = 0
    high_distress: int = 0
    needs_attention: int = 0
    unsafe_replies: int = 0
    #: Responses checked for unsafe wording.
    unsafe_known: int = 0
    advice: int = 0
    self_focus: int = 0
    helper_distress_known: int = 0
    helper_distress_high: int = 0
    helper_distress_sum: float = 0.0

    @classmethod
    def of(cls, row: ResponseRow) -> Tally:
        """The tally of one response."""
        return cls.over((row,))

    @classmethod
    def over(cls, rows: Iterable[ResponseRow]) -> Tally:
        """The tally of many responses (one pass, no intermediate tallies)."""
        sums = dict.fromkeys(_SCALARS, 0)
        helper_distress_sum = 0.0
        styles: Counter[str] = Counter()
        level_sums: Counter[str] = Counter(dict.fromkeys(ROW_DIMENSIONS, 0))
        level_known: Counter[str] = Counter(dict.fromkeys(ROW_DIMENSIONS, 0))
        present: Counter[str] = Counter(dict.fromkeys(ROW_DIMENSIONS, 0))
        strong: Counter[str] = Counter(dict.fromkeys(ROW_DIMENSIONS, 0))
        low, high = LENGTH_MATCH_RANGE
        for row in rows:
            sums["n"] += 1
            styles[row.style] += 1
            for d in ROW_DIMENSIONS:
                level = row.levels.get(d)
                if level is None:  # unknown (an older carelens), not level 0
                    continue
                level_known[d] += 1
                level_sums[d] += level
                present[d] += level >= 1
                strong[d] += level == 2
            if row.response_words is not None and row.seeker_words is not None:
                sums["with_text"] += 1
                sums["response_words"] += row.response_words
                sums["seeker_words"] += row.seeker_words
                ratio = row.response_words / max(row.seeker_words, 1)
                sums["length_matched"] += low <= ratio <= high
            reflection = row.levels.get("reflection")
            if row.questions is not None:
                sums["questions"] += row.questions
                sums["questions_known"] += 1
            if reflection is not None:
                sums["reflections"] += reflection >= 1
                sums["complex_reflections"] += reflection == 2
                if row.questions is not None:
                    sums["reflections_questions_known"] += reflection >= 1
                    sums["questions_reflection_known"] += row.questions
            if row.seeker_distress is not None:
                sums["distress_known"] += 1
                sums["high_distress"] += row.seeker_distress == 2
            sums["needs_attention"] += row.needs_attention
            if row.unsafe_reply is not None:
                sums["unsafe_known"] += 1
                sums["unsafe_replies"] += row.unsafe_reply
            sums["advice"] += row.advice
            sums["self_focus"] += row.self_focus
            if row.helper_distress is not None:
                sums["helper_distress_known"] += 1
                helper_distress_sum += row.helper_distress
                sums["helper_distress_high"] += row.helper_distress_high
        return cls(
            styles=styles,
            level_sums=level_sums,
            level_known=level_known,
            present=present,
            strong=strong,
            helper_distress_sum=helper_distress_sum,
            **{k: int(v) for k, v in sums.items()},
        )

    def __add__(self, other: Tally) -> Tally:
        if not isinstance(other, Tally):
            return NotImplemented
        values: dict[str, Any] = {}
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            # Counter + Counter drops zero counts; update() keeps them, as over() does.
            if isinstance(a, Counter):
                merged: Counter[str] = Counter(a)
                merged.update(b)
                values[f.name] = merged
            else:
                values[f.name] = a + b
        return Tally(**values)

    def __radd__(self, other: object) -> Tally:
        if other == 0:  # so that sum(tallies) works
            return self
        if isinstance(other, Tally):
            return other + self
        return NotImplemented

    def metrics(self) -> dict[str, Metric]:
        """The rates and means of these responses (None where a rate has no denominator, and
        ``questions`` None when no response has a text to count them in, ``unsafe_replies``
        None when none was checked for unsafe wording).

        ``style_<style>``: share of responses with that headline; ``mean_<dimension>``: mean
        level and ``present_<dimension>``: share at level 1 or 2, both over the responses
        with that dimension; then the rates of the module docstring.
        """
        out: dict[str, Metric] = {"responses": self.n}
        for style in STYLES:
            out[f"style_{style}"] = _ratio(self.styles.get(style, 0), self.n)
        for d in ROW_DIMENSIONS:
            out[f"mean_{d}"] = _ratio(self.level_sums.get(d, 0), self.level_known.get(d, 0))
        for d in ROW_DIMENSIONS:
            out[f"present_{d}"] = _ratio(self.present.get(d, 0), self.level_known.get(d, 0))
        # Counts over the responses that have what they count: None (unknown) when some
        # responses have none of it, 0 when there are no responses.
        reflection_known = self.level_known.get("reflection", 0)
        out["reflections"] = self.reflections if reflection_known or not self.n else None
        out["questions"] = self.questions if self.questions_known else None
        out["reflections_per_question"] = _ratio(
            self.reflections_questions_known, self.questions_reflection_known
        )
        out["complex_reflection_share"] = _ratio(self.complex_reflections, self.reflections)
        out["mean_response_words"] = _ratio(self.response_words, self.with_text)
        out["mean_seeker_words"] = _ratio(self.seeker_words, self.with_text)
        out["length_matched_share"] = _ratio(self.length_matched, self.with_text)
        out["high_distress_answered"] = self.high_distress
        out["high_distress_share"] = _ratio(self.high_distress, self.distress_known)
        out["needs_attention"] = self.needs_attention
        out["unsafe_replies"] = self.unsafe_replies if self.unsafe_known or not self.n else None
        out["advice_share"] = _ratio(self.advice, self.n)
        out["self_focus_share"] = _ratio(self.self_focus, self.n)
        out["helper_distress_responses"] = self.helper_distress_high
        out["helper_distress_share"] = _ratio(self.helper_distress_high, self.helper_distress_known)
        out["mean_helper_distress"] = _ratio(self.helper_distress_sum, self.helper_distress_known)
        return out


def _ratio(numerator: float, denominator: float) -> float | None:
    return None if denominator == 0 else numerator / denominator


def tally_by(rows: Iterable[ResponseRow], key: str) -> dict[str, Tally]:
    """Tallies per value of ``key`` (``"helper"``, ``"community"`` or ``"month"``).

    Rows whose key is None (a month without a timestamp) are left out.
    """
    groups: dict[str, list[ResponseRow]] = {}
    for row in rows:
        value = getattr(row, key)
        if value is not None:
            groups.setdefault(value, []).append(row)
    return {value: Tally.over(members) for value, members in groups.items()}


def tally_by_pair(
    rows: Iterable[ResponseRow], key: str, second: str
) -> dict[tuple[str, str], Tally]:
    """Tallies per (``key``, ``second``) value pair, e.g. per helper and month."""
    groups: dict[tuple[str, str], list[ResponseRow]] = {}
    for row in rows:
        a, b = getattr(row, key), getattr(row, second)
        if a is not None and b is not None:
            groups.setdefault((a, b), []).append(row)
    return {pair: Tally.over(members) for pair, members in groups.items()}


def merge_groups(parts: Iterable[Mapping[str, Tally]]) -> dict[str, Tally]:
    """Group tallies of several shards merged into the tallies of the whole."""
    merged: dict[str, Tally] = {}
    for part in parts:
        for key, value in part.items():
            merged[key] = merged.get(key, Tally()) + value
    return merged
