"""The methods section: the model, its recorded evaluation, what the figures mean, limits.

The model manifest is read defensively: any field may be missing or of an odd shape, and
the evaluation figures are shown for whatever shape they have. Results of an older carelens
(only the EPITOME three dimensions, no unsafe-wording check) are counted here: how many lack
which dimension or the check (:meth:`Insights.unmeasured`), left out of those figures rather
than counted as 0. Months are said to be calendar months in UTC, with how many responses
have none (no timestamp, or one that could not be read).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from carelens.insights.frames import Insights
from carelens.insights.report.format import DASH, bdi, esc, plural
from carelens.insights.report.helper_sections import NOT_A_DIAGNOSIS
from carelens.insights.report.sections import FAR_OFF_RULE, FarOff, Undated, quoted
from carelens.insights.rows import ROW_DIMENSIONS
from carelens.taxonomy import TAXONOMY_VERSION


def model_id_of(model: Mapping[str, Any] | None) -> str | None:
    if not isinstance(model, Mapping):
        return None
    for key in ("model_id", "name", "id"):
        if isinstance(model.get(key), str | int) and str(model[key]):
            return str(model[key])
    return None


_EVAL_COLUMNS: tuple[str, ...] = (
    "n",
    "accuracy",
    "macro_f1",
    "ece",
    "token_f1",
    "iou_f1",
    "precision",
    "recall",
    "f1",
    "pearson_r",
    "mae",
)


def _is_scalar(v: object) -> bool:
    return isinstance(v, str | int | float) and not (isinstance(v, float) and math.isnan(v))


def _scalar(v: object) -> str:
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, float):
        return f"{v:.3f}"
    if isinstance(v, int):
        return f"{v:,}"
    text = str(v)
    return esc(text if len(text) <= 120 else text[:119] + "\u2026")


def _evaluation(evaluation: object) -> str:
    """The manifest's evaluation figures, shown for whatever shape they have."""
    if not isinstance(evaluation, Mapping) or not evaluation:
        return (
            "<p>The model's manifest records no evaluation figures; see "
            "<code>docs/model-card.md</code> for how well it works.</p>"
        )
    parts = []
    for key, figures in list(evaluation.items())[:10]:
        if _is_scalar(figures):
            parts.append(f"<p>{esc(key)}: {_scalar(figures)}</p>")
            continue
        if not isinstance(figures, Mapping):
            continue
        facts: list[str] = []
        tables: list[str] = []
        for name, value in figures.items():
            if name in ("command", "path"):
                continue
            if _is_scalar(value):
                facts.append(f"{esc(name)} {_scalar(value)}")
            elif isinstance(value, Mapping) and value:
                inner = list(value.items())
                if all(isinstance(x, Mapping) for _, x in inner):
                    cols = [c for c in _EVAL_COLUMNS if any(_is_scalar(x.get(c)) for _, x in inner)]
                    if not cols:
                        continue
                    head = "".join(f'<th scope="col" class="num">{c}</th>' for c in cols)
                    body = "".join(
                        f'<tr><th scope="row">{esc(row)}</th>'
                        + "".join(
                            f'<td class="num">{_scalar(x[c]) if _is_scalar(x.get(c)) else DASH}'
                            "</td>"
                            for c in cols
                        )
                        + "</tr>"
                        for row, x in inner[:20]
                    )
                    tables.append(
                        f'<div class="table-wrap"><table><caption class="muted">{esc(name)}'
                        f'</caption><thead><tr><th scope="col"></th>{head}</tr></thead>'
                        f"<tbody>{body}</tbody></table></div>"
                    )
                else:
                    pairs = [f"{esc(a)} {_scalar(b)}" for a, b in inner if _is_scalar(b)][:8]
                    if pairs:
                        facts.append(f"{esc(name)}: {', '.join(pairs)}")
        parts.append(
            f"<h4>{esc(key)}</h4>"
            + (f"<p>{'; '.join(facts[:12])}</p>" if facts else "")
            + "".join(tables)
        )
    return "".join(parts)


def _and(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def older_results(insights: Insights) -> str:
    """A note on the responses that lack a dimension or the unsafe-wording check (results of
    an older carelens): how many lack what, and that they are left out of those figures, not
    counted as 0; "" when every response has everything."""
    unmeasured = insights.unmeasured()
    if not unmeasured:
        return ""
    unsafe = unmeasured.pop("unsafe", 0)
    by_count: dict[int, list[str]] = {}
    for dimension, n in unmeasured.items():
        by_count.setdefault(n, []).append(dimension.replace("_", " "))
    lacks = [
        f"{plural(n, 'response has', 'responses have')} no {_and(names)} level"
        for n, names in sorted(by_count.items(), reverse=True)
    ]
    if unsafe:
        lacks.append(
            f"{plural(unsafe, 'response was', 'responses were')} not checked for unsafe wording"
        )
    return (
        f'<p class="note" id="older-results">Some results come from an older carelens: '
        f"{'; '.join(lacks)}. What a response lacks is unknown, not 0: it is left out of that "
        "dimension's mean level and shares (and of the reflections per question), or of the "
        "unsafe replies counted, which are figures over the responses that have it; a dash "
        "marks a figure with no response to compute it from. Analyse the conversations again "
        "to score every dimension.</p>"
    )


def _undated(insights: Insights) -> str:
    """How many responses have no month (" Here 3 responses have no timestamp…"), or ""."""
    said = Undated.of(insights.rows).said(quoted)
    return f" Here {said}." if said else ""


def _far_off(insights: Insights) -> str:
    """How dates far from the rest are set aside, and how many were here."""
    far_off = FarOff.of(insights.rows)
    here = (
        f" Here {far_off.said(bdi)}: check for a mistyped year." if far_off.n else " Here none was."
    )
    return (
        f" A date far from the rest (a mistyped year, most likely) would stretch the months "
        f"over decades and flatten every trend, so {FAR_OFF_RULE}: it is left out of the "
        f"monthly figures, trends and strain signals, and counts in every other figure.{here}"
    )


def methods(insights: Insights, model: Mapping[str, Any] | None) -> str:
    facts = []
    model_id = model_id_of(model)
    made_by = insights.model_ids()
    if made_by:
        listed = ", ".join(
            f"{bdi(name)} ({plural(n, 'response')})" for name, n in made_by.most_common()
        )
        facts.append(f"<li>Analysed by: {listed}</li>")
    facts.append(f"<li>Model described below: {bdi(model_id) if model_id else 'not given'}</li>")
    other = sorted(set(made_by) - {model_id}) if model_id is not None else []
    mismatch = ""
    if other:
        n = sum(made_by[m] for m in other)
        mismatch = (
            f'<p class="note">{plural(n, "response was", "responses were")} analysed by '
            f"{', '.join(bdi(m) for m in other)}, not by the model described here (the one "
            "this carelens loads), so its dimensions and evaluation figures may not describe "
            f"{'it' if n == 1 else 'them'}. Run the report with that model's folder "
            "(<code>--model</code>) to describe it.</p>"
        )
    taxonomy = model.get("taxonomy") if isinstance(model, Mapping) else None
    facts.append(
        f"<li>Taxonomy (codebook): {esc(taxonomy) if _is_scalar(taxonomy) else DASH} "
        f"(this carelens implements {TAXONOMY_VERSION})</li>"
    )
    if isinstance(model, Mapping):
        for key, label in (
            ("carelens_version", "Trained with carelens"),
            ("base_encoder", "Base encoder"),
        ):
            if _is_scalar(model.get(key)):
                facts.append(f"<li>{label}: {_scalar(model[key])}</li>")
        scored = model.get("dimensions")
        if isinstance(scored, Sequence) and not isinstance(scored, str):
            names = [str(d) for d in scored]
            missing = [d for d in ROW_DIMENSIONS if d != "empathy" and d not in names]
            facts.append(f"<li>Dimensions scored: {esc(', '.join(names)) or DASH}</li>")
            if missing:
                facts.append(
                    "<li>Not scored by this model, so unknown (left out of the figures, not "
                    f"level 0): {esc(', '.join(missing))}</li>"
                )
    evaluation = _evaluation(model.get("evaluation") if isinstance(model, Mapping) else None)
    t = insights.thresholds
    return (
        '<section id="methods"><h2>Methods and limits</h2>'
        f"<ul>{''.join(facts)}</ul>{mismatch}{older_results(insights)}"
        f"<h3>Evaluation recorded with the model</h3>{evaluation}"
        "<h3>What the figures mean</h3><dl>"
        "<dt>Level</dt><dd>Each response is scored per dimension: 0 none, 1 weak, 2 strong. A "
        "mean level is the average over the responses scored on that dimension (0 to 2). "
        "Empathy is the strongest of interpretation, exploration and reflection.</dd>"
        "<dt>Style</dt><dd>One headline per response: dismissive, else compassion (help offered "
        "with understanding), else empathy, else sympathy, else advice, else other.</dd>"
        "<dt>Reflections per question</dt><dd>Responses with a reflection per question asked, "
        "both counted over the responses with a text (questions are counted in it); "
        "motivational-interviewing coding aims for more reflections than questions. Complex "
        "reflections (level 2) reflect meaning or feeling.</dd>"
        "<dt>Length matched</dt><dd>Responses between half and twice the seeker message's "
        "length.</dd>"
        "<dt>High distress</dt><dd>The share of answered seeker messages whose distress is "
        "high (level 2). The model reads a message's distress together with the reply, so "
        "each message gets one level, from the mean of its replies' readings: helpers who "
        "answer the same message count it alike.</dd>"
        "<dt>Month</dt><dd>A calendar month in UTC: a response's time with an offset is moved "
        "to UTC first (23:30 on 31 July at UTC-2 is 01:30 on 1 August, so in August), and a "
        "time without an offset is taken as UTC. A response without a timestamp, or with one "
        "carelens could not read, counts in every figure but the monthly ones."
        f"{_undated(insights)}{_far_off(insights)}</dd>"
        "<dt>Trend</dt><dd>The weighted least-squares slope of a monthly mean, per month, "
        "over three months or more, shown to three decimals cut toward zero (-0.0996 reads "
        "-0.099: never as reaching a threshold it does not reach); one drawn from fewer than "
        f"{t.min_trend_responses:,} dated responses is marked “few responses (n=…)”.</dd></dl>"
        "<h3>Strain signals</h3>"
        f"<p>{NOT_A_DIAGNOSIS} Thresholds used: high-distress load at {t.min_high_distress}+ "
        f"such messages and {t.load_ratio:g} times the share in the helper's own community "
        "(for a helper who answers in several, those communities' shares weighted by the "
        "helper's answered messages in each); own distress in "
        f"{t.min_personal_distress}+ responses; self-focus in {t.self_focus_share:.0%}+ of "
        f"{t.min_responses}+ responses; empathy falling by {-t.empathy_slope:g}+ a month over "
        f"{t.min_months}+ months with responses and {t.min_trend_responses}+ dated responses, "
        "the latest month's mean below the mean of the months before it. Every signal points "
        "to at least one response to read.</p>"
        "<h3>Limits</h3><ul>"
        "<li>These are a model's figures. It was trained and evaluated on Reddit "
        "mental-health posts; on other communities, languages or kinds of help the figures "
        "may be less accurate. Read the responses before acting on a number.</li>"
        "<li>Strain signals are signals to look at, never a diagnosis of anyone.</li>"
        "<li>carelens never gives a risk score; crisis cues mark text for a person to read.</li>"
        "<li>Small groups (few responses, few months) give unstable shares and trends.</li>"
        "</ul></section>"
    )
