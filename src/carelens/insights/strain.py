"""Strain signals per helper: things a supervisor may want to look at, never a diagnosis.

Helping people in distress takes a toll, and too much empathy without boundaries leads to
exhaustion and compassion fatigue (see the codebook). carelens looks for four signals in a
helper's responses; each is a pointer to responses a person should read, with the counts
behind it, and none says anything about the helper's health:

- ``high_distress_load``: many answered seeker messages at high distress — at least
  ``min_high_distress`` of them, and a share at least ``load_ratio`` times the community's.
  The community is the helper's own: the one they answered in, or, for a helper who answered
  in several, those communities' shares weighted by the helper's answered messages in each
  (the share they would have if every message they answered were at its community's rate),
  so that a helper is never compared with communities they do not answer in. A message's
  distress is one level for all its replies (in :class:`~carelens.insights.Insights`, see
  :mod:`~carelens.insights.messages`): helpers who answer the same message count it alike,
  however they answered;
- ``personal_distress``: the helper writes about their own distress or exhaustion
  ("I'm exhausted", "I can't keep doing this") in at least ``min_personal_distress``
  responses;
- ``heavy_self_focus``: self-disclosure that turns the conversation to the helper in at
  least ``self_focus_share`` of at least ``min_responses`` responses;
- ``falling_empathy``: the monthly mean empathy level falls by at least ``empathy_slope``
  per month (the trend slope, :mod:`~carelens.insights.trends`), over at least
  ``min_months`` months with responses and at least ``min_trend_responses`` dated responses
  (a trend of three responses is noise), and the latest month's mean is below the mean of
  the helper's responses in the months before it (a helper whose latest month is back at
  the top is not falling, whatever the slope). The responses to read are those of the
  latest month whose empathy level is below that earlier mean, lowest first.

A response whose date was set aside as far off from the rest
(:attr:`~carelens.insights.rows.ResponseRow.far_off`, see
:func:`~carelens.insights.trends.mark_far_off`) counts in no signal: not in its helper's
counts, shares or evidence, nor in the community shares the load is compared with (it counts
in every other figure). Months are a row's
:attr:`~carelens.insights.rows.ResponseRow.trend_month`, so such a date counts in no month
either. A signal is raised only with at least one response to point to.

The thresholds are defaults in :class:`StrainThresholds`; change them to suit a community.
A signal names the responses to read by their ids (``evidence``) and by their places in the
rows it was computed from (``positions``: for :class:`~carelens.insights.Insights`, each
row's ``position`` in the input), since a response id may be shared by several responses of
an input (two conversations whose message numbers restart, two files).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from carelens.insights.rows import ResponseRow
from carelens.insights.tally import Tally, tally_by
from carelens.insights.trends import MIN_MONTHS, month_index, slopes

#: The strain signals, in the order they are reported.
STRAIN_SIGNALS: tuple[str, ...] = (
    "high_distress_load",
    "personal_distress",
    "heavy_self_focus",
    "falling_empathy",
)


@dataclass(frozen=True, slots=True)
class StrainThresholds:
    """When a strain signal is raised (see the module docstring)."""

    min_high_distress: int = 5
    load_ratio: float = 1.5
    min_personal_distress: int = 2
    self_focus_share: float = 0.25
    min_responses: int = 5
    empathy_slope: float = -0.1
    min_months: int = MIN_MONTHS
    #: Fewest dated responses (in the monthly trend) for a trend-based signal; the pages
    #: mark a trend drawn from fewer as "few responses".
    min_trend_responses: int = 10


#: The default thresholds.
DEFAULT_THRESHOLDS = StrainThresholds()


@dataclass(frozen=True, slots=True)
class StrainSignal:
    """One raised signal for one helper, with the figures behind it and responses to read."""

    helper: str
    signal: str
    value: float
    threshold: float
    responses: int
    detail: str
    #: Ids of responses to read first (at most ten).
    evidence: tuple[str, ...] = ()
    #: The same responses' places in the rows the signals were computed from (0-based, one
    #: per id): unlike ids, they never repeat.
    positions: tuple[int, ...] = ()


def strain_signals(
    rows: Iterable[ResponseRow],
    *,
    communities: Mapping[str, Tally] | None = None,
    thresholds: StrainThresholds = DEFAULT_THRESHOLDS,
) -> list[StrainSignal]:
    """The strain signals raised for each helper in ``rows``, helpers in name order.

    Rows whose date is set aside as far off (:attr:`ResponseRow.far_off`) are left out of
    every signal (see the module docstring); ``positions`` are places in ``rows`` as given.
    ``communities`` are the tallies per community that the load signal compares with, over
    the rows that are not far off (default: tallied from those rows; a community missing
    from it is tallied from them).
    """
    t = thresholds
    rows = list(rows)
    kept = [r for r in rows if not r.far_off]
    by_helper: dict[str, list[int]] = {}  # helper -> the places of their rows (not far off)
    for i, row in enumerate(rows):
        if not row.far_off:
            by_helper.setdefault(row.helper, []).append(i)
    community_tallies = dict(communities or {})
    missing = {r.community for r in kept} - community_tallies.keys()
    if missing:
        community_tallies.update(tally_by([r for r in kept if r.community in missing], "community"))
    signals: list[StrainSignal] = []
    for helper in sorted(by_helper):
        indexed = [(i, rows[i]) for i in by_helper[helper]]
        members = [r for _, r in indexed]
        tally = Tally.over(members)
        m = tally.metrics()
        share = m["high_distress_share"]
        expected, where = _community_share(members, community_tallies)
        if (
            isinstance(share, float)
            and expected is not None
            and tally.high_distress >= t.min_high_distress
            and share >= t.load_ratio * expected
        ):
            signals.append(
                StrainSignal(
                    helper,
                    "high_distress_load",
                    share,
                    t.load_ratio * expected,
                    tally.n,
                    f"{tally.high_distress} of {tally.distress_known} answered messages were "
                    f"at high distress ({share:.0%}; {where} {expected:.0%})",
                    *_evidence(indexed, lambda r: r.seeker_distress == 2),
                )
            )
        if tally.helper_distress_high >= t.min_personal_distress:
            signals.append(
                StrainSignal(
                    helper,
                    "personal_distress",
                    float(tally.helper_distress_high),
                    float(t.min_personal_distress),
                    tally.n,
                    f"{tally.helper_distress_high} responses express the helper's own distress "
                    "or exhaustion",
                    *_evidence(indexed, lambda r: r.helper_distress_high),
                )
            )
        focus = m["self_focus_share"]
        if isinstance(focus, float) and tally.n >= t.min_responses and focus >= t.self_focus_share:
            signals.append(
                StrainSignal(
                    helper,
                    "heavy_self_focus",
                    focus,
                    t.self_focus_share,
                    tally.n,
                    f"{tally.self_focus} of {tally.n} responses turn to the helper's own story "
                    f"({focus:.0%})",
                    *_evidence(indexed, lambda r: r.self_focus),
                )
            )
        falling = _falling_empathy(helper, indexed, tally.n, t)
        if falling is not None:
            signals.append(falling)
    # Every signal points to responses to read (thresholds of 0 could raise one without).
    return [s for s in signals if s.positions]


def _falling_empathy(
    helper: str, indexed: list[tuple[int, ResponseRow]], n: int, t: StrainThresholds
) -> StrainSignal | None:
    """The ``falling_empathy`` signal of one helper's rows (with their places), or None."""
    months = _months(r for _, r in indexed)
    dated = sum(m.n for m in months.values())
    if dated < t.min_trend_responses:
        return None
    slope = slopes(months, ("mean_empathy",), min_months=t.min_months)["mean_empathy_slope"]
    if slope is None or slope > t.empathy_slope:
        return None
    first, last = min(months), max(months)
    latest = months[last].metrics()["mean_empathy"]
    earlier = sum((m for k, m in months.items() if k != last), Tally()).metrics()["mean_empathy"]
    if not isinstance(latest, float) or not isinstance(earlier, float) or latest >= earlier:
        return None
    span = month_index(last) - month_index(first) + 1
    over = f"{span} months" + (f" ({len(months)} with responses)" if span > len(months) else "")
    below = sorted(
        (
            (level, i, r)
            for i, r in indexed
            if r.trend_month == last
            and (level := r.levels.get("empathy")) is not None
            and level < earlier
        ),
        key=lambda found: (found[0], found[1]),
    )
    evidence, positions = _evidence([(i, r) for _, i, r in below], lambda r: True)
    return StrainSignal(
        helper,
        "falling_empathy",
        slope,
        t.empathy_slope,
        n,
        f"mean empathy level falls by {-slope:.2f} a month over {over}, from {dated} dated "
        f"responses (to {latest:.2f} in {last}, from {earlier:.2f} before)",
        evidence,
        positions,
    )


def _community_share(
    members: Iterable[ResponseRow], communities: Mapping[str, Tally]
) -> tuple[float | None, str]:
    """The high-distress share a helper is compared with, and what it is called.

    The share of each community the helper answered in (messages of known distress),
    weighted by the helper's such messages there; None when the helper answered none.
    """
    known: dict[str, int] = {}
    for row in members:
        if row.seeker_distress is not None:
            known[row.community] = known.get(row.community, 0) + 1
    weighted = weights = 0.0
    for name, k in known.items():
        community = communities[name]
        if community.distress_known:
            weighted += k * community.high_distress / community.distress_known
            weights += k
    if not weights:
        return None, "community"
    where = "community" if len(known) == 1 else f"their {len(known)} communities"
    return weighted / weights, where


def _months(members: Iterable[ResponseRow]) -> dict[str, Tally]:
    """The tally of each month of ``members`` (their trend months: far-off dates left out)."""
    grouped: dict[str, list[ResponseRow]] = {}
    for row in members:
        if row.trend_month is not None:
            grouped.setdefault(row.trend_month, []).append(row)
    return {m: Tally.over(rs) for m, rs in sorted(grouped.items())}


def _evidence(
    indexed: Iterable[tuple[int, ResponseRow]],
    keep: Callable[[ResponseRow], bool],
    limit: int = 10,
) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The ids and places of the first ``limit`` responses that ``keep`` keeps."""
    kept = [(i, r) for i, r in indexed if keep(r)][:limit]
    return tuple(r.response_id for _, r in kept), tuple(i for i, _ in kept)


def signal_counts(signals: Iterable[StrainSignal]) -> Mapping[str, int]:
    """How many helpers raised each signal."""
    counts = dict.fromkeys(STRAIN_SIGNALS, 0)
    for s in signals:
        counts[s.signal] += 1
    return counts
