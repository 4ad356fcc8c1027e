"""The examples section: the strongest empathic and compassionate responses, marked.

:func:`pick_examples` chooses the responses (strongest level first, one per helper first,
dismissive ones left out); :func:`examples_section` shows them with their rationale spans,
each with the anchor the page gave its position in the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from carelens.insights.report.format import dimension_spans, plural, response_card
from carelens.insights.report.names import position_of
from carelens.insights.report.page import Page
from carelens.insights.rows import ResponseRow

_ADJECTIVES: Mapping[str, str] = {"empathy": "empathic", "compassion": "compassionate"}


def _best_score(row: ResponseRow, dimension: str) -> float:
    scores = []
    for span in dimension_spans(row, dimension):
        try:
            scores.append(float(span.get("score") or 0.0))
        except (TypeError, ValueError):
            continue
    return max(scores, default=0.0)


def _order(row: ResponseRow, dimension: str) -> tuple[float, str, int]:
    position = -1 if row.position is None else row.position
    return (-_best_score(row, dimension), row.response_id, position)


def pick_examples(
    rows: Iterable[ResponseRow], dimension: str, k: int, *, exclude: Iterable[int] = ()
) -> list[ResponseRow]:
    """The ``k`` strongest responses on ``dimension`` that carry a text and are not dismissive,
    leaving out those at the positions ``exclude`` (a response id may be shared, so examples
    already shown are told by their ``position``).

    Ordered by level, then the best rationale-span score, then response id, then position;
    the first pass takes one response per helper so that a few prolific helpers do not fill
    the list, the second fills up from the rest in the same order.
    """
    skip = set(exclude)
    buckets: dict[int, list[ResponseRow]] = {}
    for r in rows:
        # A response without the dimension (results of an older carelens) is not picked for
        # it; one without a dismissive level was not screened for dismissive wording, and is
        # picked (the section says so).
        level = r.levels.get(dimension, 0)
        if (
            level >= 1
            and r.response_text
            and not r.levels.get("dismissive", 0)
            and r.position not in skip
        ):
            buckets.setdefault(level, []).append(r)
    ordered: list[ResponseRow] = []
    chosen: list[int] = []
    helpers: set[str] = set()
    # Levels strongest first, each sorted only when the one above left room.
    for level in sorted(buckets, reverse=True):
        for r in sorted(buckets[level], key=lambda r: _order(r, dimension)):
            if len(chosen) >= k:
                break
            if r.helper not in helpers:
                chosen.append(len(ordered))
                helpers.add(r.helper)
            ordered.append(r)
        if len(chosen) >= k:
            break
    if len(chosen) < k:  # every candidate was seen: fill up in order
        taken = set(chosen)
        chosen += [i for i in range(len(ordered)) if i not in taken][: k - len(chosen)]
    return [ordered[i] for i in sorted(chosen)]


def examples_section(
    page: Page, picks: Sequence[tuple[str, Sequence[ResponseRow]]], any_text: bool
) -> str:
    head = (
        '<section id="examples"><h2>Examples</h2><p class="muted">The strongest responses on '
        "each dimension (highest level, then the model's confidence in its rationale, one per "
        "helper first; responses with any dismissive wording are left out). Marked text is the "
        "rationale the model found for that dimension.</p>"
    )
    if not any_text:
        return (
            head + '<p class="note">The results carry no texts (they were written with '
            "<code>--no-text</code> or come from a file without them), so there are no "
            "examples.</p></section>"
        )
    parts = [head]
    unscreened = sum(1 for _, rows in picks for r in rows if "dismissive" not in r.levels)
    if unscreened:
        comes = plural(unscreened, "example comes", "examples come")
        parts.append(
            f'<p class="note" id="examples-unscreened">{comes} from an older carelens, which '
            "did not score dismissive wording, so "
            f"{'it was' if unscreened == 1 else 'they were'} not screened for it.</p>"
        )
    for dimension, rows in picks:
        parts.append(f"<h3>Strongest {_ADJECTIVES.get(dimension, dimension)} responses</h3>")
        if not rows:
            parts.append(f"<p>No response with text shows {dimension}.</p>")
            continue
        for row in rows:
            parts.append(
                response_card(
                    row,
                    page.examples[position_of(row)],
                    name=page.names.label(row),
                    dimension=dimension,
                    css_class=dimension,
                )
            )
    parts.append("</section>")
    return "".join(parts)
