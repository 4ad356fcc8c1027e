"""One analysed reply, drawn in HTML: style badge, levels, probabilities, marked rationale.

The coach, the explorer's result list and the thread view all draw records (what
:func:`~carelens.output.result_record` builds) with these functions. The rationale spans are
marked by the report's :func:`~carelens.insights.report.format.highlight_spans` (which
escapes the text), picked per dimension by its
:func:`~carelens.insights.report.format.dimension_spans` (``empathy`` falls back to its
parts' spans). Records are read defensively: a missing or odd field is left out, never
guessed. Words quoted from a text inside a sentence (crisis cues, unsafe wording) are
isolated (:func:`~carelens.service.pages.layout.isolate`), so a right-to-left quote does not
reorder the sentence; a whole message or reply is shown in a block with ``dir="auto"``, so
a Hebrew or Arabic text is laid out right to left (its full stop at its left end).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from carelens.analysis.crisis import CRISIS_RESOURCES
from carelens.analysis.feedback import LEARNED_HINT
from carelens.insights.report.format import dimension_spans, esc, highlight_spans
from carelens.insights.report.sections import CHART_DIMENSIONS, learned_only
from carelens.insights.rows import ResponseRow, row_from_record
from carelens.service.pages.layout import isolate

#: Words for the levels of a dimension and of the seeker's distress.
LEVELS: tuple[str, ...] = ("none", "weak", "strong")
DISTRESS_LEVELS: tuple[str, ...] = ("low", "moderate", "high")
#: What each dimension means, in a few words (docs/taxonomy.md).
DIMENSION_NOTES: Mapping[str, str] = {
    "empathy": "the strongest of interpretation, exploration and reflection",
    "interpretation": "understanding of their feelings or experience",
    "exploration": "invites them to say more",
    "reflection": "gives back their words (1) or the meaning and feeling beneath them (2)",
    "sympathy": "condolence, sorrow or reassurance",
    "emotional_reaction": "warmth or concern toward them",
    "compassion": "understanding that moves to act: an offer or a step",
    "dismissive": "minimising, blaming, judging or invalidating",
}
#: What each style headline means for the person who wrote the reply.
STYLE_NOTES: Mapping[str, str] = {
    "dismissive": "Some of the wording minimises, blames or judges what they shared.",
    "compassion": "Understanding that moves to act: the reply offers a step tied to their need.",
    "empathy": "The reply shows understanding of what they feel or invites them to say more.",
    "sympathy": "The reply shares their sorrow or reassures, without naming what they feel.",
    "advice": "The reply suggests what to do before showing understanding.",
    "other": "None of the styles stands out in this reply.",
}
#: The dimensions whose rationale best explains each style, in order of preference.
STYLE_FOCUS: Mapping[str, tuple[str, ...]] = {
    "dismissive": ("dismissive",),
    "compassion": ("compassion", "empathy"),
    "empathy": ("empathy",),
    "sympathy": ("sympathy", "emotional_reaction"),
    "advice": ("compassion",),
}
_PROBABILITY_FILLS: tuple[str, ...] = ("#d9dce1", "#8f9aa6", "#2f3a45")


def score(record: Mapping[str, Any], dimension: str) -> Mapping[str, Any] | None:
    """The record's score of ``dimension`` (``{"level", "probabilities", "spans"}``)."""
    value = record.get(dimension)
    if isinstance(value, Mapping) and isinstance(value.get("level"), int):
        return value
    return None


def level(record: Mapping[str, Any], dimension: str) -> int | None:
    found = score(record, dimension)
    return None if found is None else int(found["level"])


def dimensions_of(record: Mapping[str, Any], known: Iterable[str] = ()) -> list[str]:
    """The dimensions the record scores: the report's order first, then any other known."""
    order = list(CHART_DIMENSIONS) + [d for d in known if d not in CHART_DIMENSIONS]
    return [d for d in order if score(record, d) is not None]


def style_of(record: Mapping[str, Any]) -> str:
    style = record.get("style")
    return style if isinstance(style, str) and style else "other"


def style_badge(style: str, *, big: bool = False) -> str:
    """The style headline as a coloured badge (the chart colours; unknown styles grey)."""
    known = style if style in STYLE_NOTES else "other"
    size = " big" if big else ""
    return f'<span class="badge style-{known}{size}">{esc(style)}</span>'


def level_chip(dimension: str, value: int) -> str:
    word = LEVELS[value] if 0 <= value < len(LEVELS) else str(value)
    return (
        f'<span class="chip dim-{esc(dimension)} lvl-{min(max(value, 0), 2)}" '
        f'title="{esc(dimension.replace("_", " "))}: {word}">'
        f"{esc(dimension.replace('_', ' '))} <b>{value}</b></span>"
    )


def level_chips(record: Mapping[str, Any], dimensions: Sequence[str], *, least: int = 1) -> str:
    """Chips for the dimensions at ``least`` or above (a muted note when there are none)."""
    chips = [
        level_chip(d, found)
        for d in dimensions
        if (found := level(record, d)) is not None and found >= least
    ]
    if not chips:
        return '<span class="muted small">no dimension shows</span>'
    return f'<span class="chips">{"".join(chips)}</span>'


def probability_bar(probabilities: object) -> str:
    """The level probabilities as a small stacked bar with its numbers in words."""
    if not isinstance(probabilities, Sequence) or isinstance(probabilities, str):
        return '<span class="muted">&ndash;</span>'
    values = [float(p) if isinstance(p, int | float) else 0.0 for p in probabilities][:3]
    total = sum(values) or 1.0
    words = ", ".join(
        f"{LEVELS[k] if k < len(LEVELS) else k} {v / total:.0%}" for k, v in enumerate(values)
    )
    x, parts = 0.0, []
    for k, v in enumerate(values):
        w = 120 * v / total
        parts.append(
            f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="10" '
            f'fill="{_PROBABILITY_FILLS[k % len(_PROBABILITY_FILLS)]}"/>'
        )
        x += w
    best = max(range(len(values)), key=lambda k: values[k]) if values else 0
    top = LEVELS[best] if best < len(LEVELS) else str(best)
    return (
        f'<span class="probs"><svg class="probs" width="120" height="10" viewBox="0 0 120 10" '
        f'role="img" aria-label="{words}"><title>{words}</title>{"".join(parts)}</svg>'
        f'<span class="small muted">{values[best] / total:.0%} {top}</span></span>'
        if values
        else '<span class="muted">&ndash;</span>'
    )


def focus_of(record: Mapping[str, Any], row: ResponseRow, wanted: str | None = None) -> str | None:
    """The dimension whose rationale a reply shows marked: ``wanted`` when it has spans
    there, else the first of its style's dimensions with spans (None: nothing to mark)."""
    candidates = ((wanted,) if wanted else ()) + STYLE_FOCUS.get(style_of(record), ())
    for dimension in candidates:
        if (level(record, dimension) or 0) >= 1 and dimension_spans(row, dimension):
            return dimension
    return None


def marked_text(text: str, row: ResponseRow, dimension: str | None) -> str:
    """``text`` escaped, with the rationale spans of ``dimension`` marked."""
    if dimension is None:
        return esc(text)
    return highlight_spans(text, dimension_spans(row, dimension), css_class=dimension)


def reply_block(
    record: Mapping[str, Any], dimensions: Sequence[str], *, wanted: str | None = None
) -> str:
    """A reply in place: style badge, level chips, then the text with one dimension's
    rationale marked (``wanted`` when it shows, else the one behind the style)."""
    row = row_from_record(record)
    text = record.get("response_text")
    focus = focus_of(record, row, wanted)
    head = (
        f'<div class="reply-head">{style_badge(style_of(record))}'
        f"{level_chips(record, dimensions)}</div>"
    )
    if not isinstance(text, str):
        return head + '<p class="muted">(this result carries no text)</p>'
    note = (
        f'<p class="small muted">Marked: the words behind <b>{esc(focus.replace("_", " "))}</b>.'
        "</p>"
        if focus
        else ""
    )
    return (
        head
        + f'<blockquote class="text reply" dir="auto">{marked_text(text, row, focus)}</blockquote>'
        + note
    )


def dimension_table(record: Mapping[str, Any], dimensions: Sequence[str]) -> str:
    """Every scored dimension: what it means, level, probabilities, and the reply with that
    dimension's rationale marked (when it shows)."""
    row = row_from_record(record)
    text = record.get("response_text")
    rows = []
    for d in dimensions:
        found = score(record, d)
        if found is None:
            continue
        value = int(found["level"])
        spans = dimension_spans(row, d)
        if value >= 1 and spans and isinstance(text, str):
            why = f'<div class="text rationale" dir="auto">{marked_text(text, row, d)}</div>'
        elif value >= 1:
            why = '<span class="muted">shows, with no words marked</span>'
        else:
            why = '<span class="muted">&ndash;</span>'
        note = DIMENSION_NOTES.get(d, "")
        rows.append(
            f'<tr class="dim-row lvl-{min(max(value, 0), 2)}" data-dimension="{esc(d)}">'
            f'<th scope="row">{esc(d.replace("_", " "))}'
            f'<span class="note-line">{esc(note)}</span></th>'
            f'<td><span class="chip dim-{esc(d)} lvl-{min(max(value, 0), 2)}">'
            f"<b>{value}</b> {LEVELS[value] if 0 <= value < len(LEVELS) else ''}</span></td>"
            f"<td>{probability_bar(found.get('probabilities'))}</td><td>{why}</td></tr>"
        )
    return (
        '<div class="table-wrap"><table class="dims"><thead><tr><th scope="col">dimension</th>'
        '<th scope="col">level</th><th scope="col">how sure</th>'
        '<th scope="col">where in the reply</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _seeker(record: Mapping[str, Any]) -> Mapping[str, Any]:
    seeker = record.get("seeker")
    return seeker if isinstance(seeker, Mapping) else {}


def needs_attention(record: Mapping[str, Any]) -> bool:
    return bool(_seeker(record).get("needs_attention"))


def crisis_cues(record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    cues = _seeker(record).get("crisis_cues")
    return [c for c in cues if isinstance(c, Mapping)] if isinstance(cues, list) else []


def attention_line(record: Mapping[str, Any]) -> str:
    """A short line over a message that needs attention, in the words of its crisis panel;
    "" when it needs none."""
    if not needs_attention(record):
        return ""
    what = "A possible crisis" if learned_only(crisis_cues(record)) else "Crisis cues"
    return f'<p class="attention small">{what}: read this message closely.</p>'


def seeker_text(record: Mapping[str, Any]) -> str:
    """The seeker message escaped, with its crisis cues marked."""
    text = record.get("seeker_text")
    if not isinstance(text, str):
        return '<span class="muted">(this result carries no text)</span>'
    return highlight_spans(text, crisis_cues(record), css_class="cue")


def distress_word(record: Mapping[str, Any]) -> str | None:
    distress = _seeker(record).get("distress")
    value = distress.get("level") if isinstance(distress, Mapping) else None
    if isinstance(value, int) and 0 <= value < len(DISTRESS_LEVELS):
        return DISTRESS_LEVELS[value]
    return None


def crisis_panel(record: Mapping[str, Any], *, level: int = 3) -> str:
    """Crisis cues and resources when the seeker message has cues; "" otherwise. Headed
    ``<h{level}>``: one below the heading of the part it is in."""
    if not needs_attention(record):
        return ""
    cues = crisis_cues(record)
    labels = sorted({str(c.get("label", "cue")).replace("_", " ") for c in cues})
    quoted = ", ".join(f"“{isolate(c['text'])}”" for c in cues if isinstance(c.get("text"), str))
    listed = _seeker(record).get("resources")
    resources = listed if isinstance(listed, list) and listed else list(CRISIS_RESOURCES)
    items = "".join(f"<li>{esc(line)}</li>" for line in resources)
    if learned_only(cues):  # a hint to read, as in feedback (the flag weighs words alone)
        heading = "A possible crisis in their message"
        said = (
            f"<p>Their message {esc(LEARNED_HINT)}"
            f"{': ' + quoted if quoted else ''}. This was marked by a small learned model "
            "from the words alone, and it also marks grief and other hard news: read it "
            "closely, and if anything in it worries you, ask them gently whether they are "
            "safe. If they are in crisis:</p>"
        )
    else:
        heading = "Crisis cues in their message"
        said = (
            f"<p>Wording about {esc(' and '.join(labels) or 'crisis')}"
            f"{': ' + quoted if quoted else ''}. Read their message closely, ask them "
            "directly, and share a crisis line:</p>"
        )
    return (
        f'<div class="crisis" role="note"><h{level}>{heading}</h{level}>{said}'
        f'<ul>{items}</ul><p class="small">carelens does not assess risk and gives no risk '
        "score; a message without cues is not “safe”.</p></div>"
    )


def unsafe_words(record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The reply's words that urge self-harm or give method information (``unsafe``)."""
    words = record.get("unsafe")
    return [w for w in words if isinstance(w, Mapping)] if isinstance(words, list) else []


def unsafe_panel(record: Mapping[str, Any], *, level: int = 3) -> str:
    """The reply's unsafe words and what to do about them; "" when it has none. Headed
    ``<h{level}>``, as :func:`crisis_panel`."""
    words = unsafe_words(record)
    if not words:
        return ""
    kinds = {str(w.get("label")) for w in words}
    what = " and ".join(
        text
        for kind, text in (
            ("urging", "urges them to harm themselves"),
            ("method", "gives information about a means"),
        )
        if kind in kinds
    )
    quoted = ", ".join(f"“{isolate(w['text'])}”" for w in words if isinstance(w.get("text"), str))
    return (
        f'<div class="crisis unsafe" role="note"><h{level}>Unsafe wording in this reply'
        f"</h{level}>"
        f"<p>The reply {esc(what or 'has unsafe wording')}{': ' + quoted if quoted else ''}. "
        "Take it out, ask them directly whether they are safe, and share a crisis line:</p>"
        f"<ul>{''.join(f'<li>{esc(line)}</li>' for line in CRISIS_RESOURCES)}</ul>"
        '<p class="small">Found by fixed wording patterns: a reply without a match is not '
        "“safe”.</p></div>"
    )


def feedback_list(record: Mapping[str, Any]) -> str:
    """The feedback sentences for the person who wrote the reply."""
    feedback = record.get("feedback")
    lines = [f for f in feedback if isinstance(f, str)] if isinstance(feedback, list) else []
    if not lines:
        return '<p class="muted">No feedback for this reply.</p>'
    return "<ul>" + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul>"


def signals_line(record: Mapping[str, Any]) -> str:
    """Flags and the seeker's and helper's distress, as one line of small facts."""
    facts = []
    flags = record.get("flags")
    if isinstance(flags, Mapping):
        for name, label in (("advice", "gives advice"), ("self_focus", "self-focus")):
            value = flags.get(name)
            if isinstance(value, int | float):
                facts.append(f"{label} {value:.0%}")
    word = distress_word(record)
    if word:
        facts.append(f"their distress: {word}")
    helper = record.get("helper")
    if isinstance(helper, Mapping) and isinstance(helper.get("distress"), int | float):
        high = " (high)" if helper.get("distress_high") else ""
        facts.append(f"the writer's own distress: {float(helper['distress']):.1f} of 7{high}")
    return f'<p class="facts small muted">{" · ".join(facts)}</p>' if facts else ""
