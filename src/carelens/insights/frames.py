"""The insights as tidy tables: :class:`Insights` over a set of analysed responses.

Every table is a pandas DataFrame with one row per unit and one column per variable:

- :meth:`Insights.responses` — one row per response, in input order (ids, helper, community,
  month, style, the level of every dimension, flags, seeker signals, lengths, questions, the
  helper's own distress signal, and its ``position`` in the input: response ids may repeat
  across conversations or files, positions never do);
- :meth:`Insights.helpers` / :meth:`Insights.communities` — one row per helper or community:
  the :class:`~carelens.insights.tally.Tally` metrics, the responses in the monthly trend
  (``trend_responses``) and the trend slopes;
- :meth:`Insights.monthly` — one row per (helper or community, month);
- :meth:`Insights.strain` — one row per raised strain signal; its ``evidence`` are response
  ids, and ``evidence_positions`` the same responses' ``position`` (which tell apart
  responses that share an id).

Every reply to one seeker message has one seeker-distress level, the message's (the mean of
its replies' distress probabilities, see :mod:`~carelens.insights.messages`): in the
``seeker_distress`` column and in every figure built on it (high-distress counts and
shares, the ``high_distress_load`` strain signal, monthly series, the report).

A date far from the rest of its helper's or community's (a mistyped year, most likely:
:func:`~carelens.insights.trends.mark_far_off`) is set aside from the monthly tables, the
slopes and the strain signals; such a response counts in every other figure, and
:meth:`Insights.responses` marks it (``far_off_date``).

Every table has the same columns whatever the rows (none, none dated, no texts), so that a
CSV file of it always has its header and reads back; ``questions`` is a nullable integer
(unknown without texts), and so are ``unsafe_replies`` (unknown where no response was
checked for unsafe wording) and, in :meth:`Insights.responses`, the levels (a dimension an
older carelens did not score is empty, not 0) and ``unsafe_reply``.
:meth:`Insights.unmeasured` counts the responses that lack a dimension or the check.

The tables are computed once and kept (an :class:`Insights` is not changed after it is
made): each call returns a copy, so a caller may change what it gets.

The numbers come from the pure functions in :mod:`~carelens.insights.tally`,
:mod:`~carelens.insights.trends` and :mod:`~carelens.insights.strain`; this module only
lays them out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, replace
from typing import Any

import pandas as pd

from carelens.insights.messages import per_message_distress
from carelens.insights.rows import (
    ROW_DIMENSIONS,
    UNKNOWN,
    DistressScorer,
    ResponseRow,
    row_from_record,
)
from carelens.insights.strain import (
    DEFAULT_THRESHOLDS,
    StrainSignal,
    StrainThresholds,
    strain_signals,
)
from carelens.insights.tally import Tally, tally_by
from carelens.insights.trends import mark_far_off, monthly, series_rows, slopes
from carelens.taxonomy import RESPONSE_DIMENSIONS

#: Columns of :meth:`Insights.responses`, in order.
RESPONSE_COLUMNS: tuple[str, ...] = (
    "response_id",
    "seeker_id",
    "conversation_id",
    "helper",
    "seeker_speaker",
    "community",
    "timestamp",
    "month",
    "far_off_date",
    "style",
    *ROW_DIMENSIONS,
    "advice",
    "self_focus",
    "seeker_distress",
    "needs_attention",
    "unsafe_reply",
    "response_words",
    "seeker_words",
    "questions",
    "helper_distress",
    "helper_distress_high",
    "position",
)
#: The metric columns of a group or month (:meth:`Tally.metrics`), in order.
METRIC_COLUMNS: tuple[str, ...] = tuple(Tally().metrics())
#: The trend-slope columns of a group (:func:`~carelens.insights.trends.slopes`), in order.
SLOPE_COLUMNS: tuple[str, ...] = tuple(slopes({}))
#: The columns of a helper or community after its metrics: the responses its monthly trend
#: is drawn from (dated, and not set aside as far off), then the slopes.
TREND_COLUMNS: tuple[str, ...] = ("trend_responses", *SLOPE_COLUMNS)
#: Columns of :meth:`Insights.strain`, in order.
STRAIN_COLUMNS: tuple[str, ...] = (
    "helper",
    "signal",
    "value",
    "threshold",
    "responses",
    "detail",
    "evidence",
    "evidence_positions",
)


class Insights:
    """Roll-ups, trends and strain signals over analysed responses (see the module docstring).

    Build it with :meth:`from_records` (result records, as ``carelens analyze`` writes them)
    or directly from :class:`~carelens.insights.rows.ResponseRow` s. The rows are numbered in
    order: ``rows[i].position == i`` (a row given with another position is copied with
    ``i``), so that from records, a position is the record's place in the input. Rows that
    answer the same seeker message get the message's distress level
    (:func:`~carelens.insights.messages.per_message_distress`; a row is copied with it), and
    a row whose date lies far from the rest of its helper's or community's is marked
    :attr:`~carelens.insights.rows.ResponseRow.far_off`
    (:func:`~carelens.insights.trends.mark_far_off`; copied so).
    """

    def __init__(
        self, rows: Sequence[ResponseRow], *, thresholds: StrainThresholds = DEFAULT_THRESHOLDS
    ) -> None:
        self.rows = tuple(
            r if r.position == i else replace(r, position=i)
            for i, r in enumerate(mark_far_off(per_message_distress(rows)))
        )
        self.thresholds = thresholds
        self._cache: dict[tuple[str, str], Any] = {}
        self._cached_for: tuple[object, object] = (self.rows, self.thresholds)

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        *,
        default_community: str = UNKNOWN,
        distress: DistressScorer | None = None,
        anonymize: bool = False,
        key: str | None = None,
        thresholds: StrainThresholds = DEFAULT_THRESHOLDS,
        more_names: Iterable[str] = (),
        checked: bool = False,
    ) -> Insights:
        """Insights over result records.

        ``default_community`` names the community of records that carry none (for example
        the input file's name, as the commands give it; by default :data:`UNKNOWN`), grouped
        as a record's community is (Unicode NFC, surrounding spaces dropped); ``distress``
        scores the helper's own distress from the response text; ``anonymize`` replaces
        speaker names with stable pseudonyms (in the texts too, where they can be told from
        words) and redacts personal data in the texts.
        Pseudonyms are made with ``key``, or without it with the key the CLI uses
        (``$CARELENS_ANONYMIZE_KEY``, else the secret key file in the carelens data folder),
        never a public one: a name cannot be guessed from them. ``more_names`` are more
        speaker names to hide in the texts when anonymizing: the speakers of records
        rejected as the results were read (a
        :class:`~carelens.insights.anonymize.RejectedNames` filled by
        :func:`~carelens.insights.records_from`). They are read once every record is read,
        so they may be collected while ``records`` are. With ``checked`` the records are
        taken as checked already (:func:`~carelens.insights.records_from` yields records that
        :func:`~carelens.output.read_results` checked, or that carelens analysed), and are not
        checked again (:func:`~carelens.insights.rows.row_from_record`).
        """
        rows = [
            row_from_record(
                r,
                default_community=default_community,
                distress=distress,
                position=i,
                checked=checked,
            )
            for i, r in enumerate(records)
        ]
        if anonymize:
            from carelens.insights.anonymize import anonymize_row, names_in_texts, pseudonym_key
            from carelens.privacy import Pseudonymizer

            if key is None:
                key = pseudonym_key()[0]
            names = Pseudonymizer(key, prefix="person")  # one name, one pseudonym, any role
            in_texts = names_in_texts(rows, names, more_names)
            rows = [anonymize_row(r, names, in_texts) for r in rows]
        return cls(rows, thresholds=thresholds)

    def __len__(self) -> int:
        return len(self.rows)

    def model_ids(self) -> Counter[str]:
        """How many responses each model (the records' ``model``) analysed; responses that
        do not say are not counted."""
        return Counter(r.model for r in self.rows if r.model is not None)

    def total(self) -> Tally:
        """The tally of every response."""
        tally: Tally = self._memo(("total", ""), lambda: Tally.over(self.rows))
        return tally

    def unmeasured(self) -> dict[str, int]:
        """How many responses lack each dimension of the model (results of an older
        carelens, with only the EPITOME three) and the unsafe-wording check (``unsafe``):
        those left out of that dimension's or the check's figures. Only what some response
        lacks is listed, dimensions in output order, then ``unsafe``."""
        total = self.total()
        out = {
            d: total.n - total.level_known.get(d, 0)
            for d in RESPONSE_DIMENSIONS
            if total.level_known.get(d, 0) < total.n
        }
        if total.unsafe_known < total.n:
            out["unsafe"] = total.n - total.unsafe_known
        return out

    def responses(self) -> pd.DataFrame:
        """One row per response (see the module docstring)."""
        data = []
        for r in self.rows:
            item: dict[str, Any] = {
                "response_id": r.response_id,
                "seeker_id": r.seeker_id,
                "conversation_id": r.conversation_id,
                "helper": r.helper,
                "seeker_speaker": r.seeker_speaker,
                "community": r.community,
                "timestamp": r.timestamp,
                "month": r.month,
                "far_off_date": r.far_off,
                "style": r.style,
            }
            item.update({d: r.levels.get(d) for d in ROW_DIMENSIONS})
            item.update(
                advice=r.advice,
                self_focus=r.self_focus,
                seeker_distress=r.seeker_distress,
                needs_attention=r.needs_attention,
                unsafe_reply=r.unsafe_reply,
                response_words=r.response_words,
                seeker_words=r.seeker_words,
                questions=r.questions,
                helper_distress=r.helper_distress,
                helper_distress_high=r.helper_distress_high,
                position=r.position,
            )
            data.append(item)
        frame = pd.DataFrame(data, columns=list(RESPONSE_COLUMNS))
        frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True)
        for name in (*ROW_DIMENSIONS, "seeker_distress", "response_words", "seeker_words"):
            frame[name] = frame[name].astype("Int64")
        frame["questions"] = frame["questions"].astype("Int64")
        # True/false, or empty for a response not checked for unsafe wording.
        if frame["unsafe_reply"].isna().any():
            frame["unsafe_reply"] = frame["unsafe_reply"].astype("boolean")
        return frame

    def helpers(self) -> pd.DataFrame:
        """One row per helper: metrics, then the responses in the monthly trend and the
        trend slopes; most responses first."""
        return self._frame(("helpers", ""), lambda: self._groups("helper"))

    def communities(self) -> pd.DataFrame:
        """One row per community: as :meth:`helpers`."""
        return self._frame(("communities", ""), lambda: self._groups("community"))

    def monthly(self, by: str = "community") -> pd.DataFrame:
        """One row per (``by`` group, month) with the month's metrics."""
        _check_by(by)

        def build() -> pd.DataFrame:
            rows = series_rows(self._series(by), by)
            return _typed(pd.DataFrame(rows, columns=[by, "month", *METRIC_COLUMNS]))

        return self._frame(("monthly", by), build)

    def strain_signals(self) -> list[StrainSignal]:
        """The raised strain signals, helpers in name order."""
        signals: list[StrainSignal] = self._memo(
            ("strain_signals", ""),
            lambda: strain_signals(self.rows, thresholds=self.thresholds),
        )
        return list(signals)

    def strain(self) -> pd.DataFrame:
        """One row per raised strain signal (empty when none is raised); ``evidence`` and
        ``evidence_positions`` are lists."""
        data = []
        for s in self.strain_signals():
            item = asdict(s)
            item["evidence"] = list(s.evidence)
            item["evidence_positions"] = list(item.pop("positions"))
            data.append(item)
        return pd.DataFrame(data, columns=list(STRAIN_COLUMNS))

    def _memo(self, key: tuple[str, str], compute: Callable[[], Any]) -> Any:
        """``compute()``, computed once for these rows and thresholds."""
        rows, thresholds = self._cached_for
        if rows is not self.rows or thresholds is not self.thresholds:  # changed: start over
            self._cache.clear()
            self._cached_for = (self.rows, self.thresholds)
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def _frame(self, key: tuple[str, str], build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """The table ``build()`` makes, built once; a copy, so that callers may change it."""
        frame: pd.DataFrame = self._memo(key, build)
        return frame.copy()

    def _series(self, by: str) -> dict[str, dict[str, Tally]]:
        """The monthly tallies of each ``by`` group (shared by its table and slopes)."""
        series: dict[str, dict[str, Tally]] = self._memo(
            ("series", by), lambda: monthly(self.rows, by)
        )
        return series

    def _groups(self, by: str) -> pd.DataFrame:
        series = self._series(by)
        data = []
        for group, t in tally_by(self.rows, by).items():
            months = series.get(group, {})
            data.append(
                {
                    by: group,
                    **t.metrics(),
                    "trend_responses": sum(m.n for m in months.values()),
                    **slopes(months),
                }
            )
        frame = _typed(pd.DataFrame(data, columns=[by, *METRIC_COLUMNS, *TREND_COLUMNS]))
        return frame.sort_values(["responses", by], ascending=[False, True], ignore_index=True)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with ``questions`` and ``unsafe_replies`` as nullable integers: unknown for
    a group without texts (or not checked for unsafe wording), and never written as ``3.0``
    beside one; and ``mean_helper_distress`` rounded to four decimals, as each response's
    score is (a sum of such scores carries float noise: ``3.2542999999999997``)."""
    for name in ("questions", "unsafe_replies"):
        frame[name] = frame[name].astype("Int64")
    if pd.api.types.is_float_dtype(frame["mean_helper_distress"]):  # else empty or all None
        frame["mean_helper_distress"] = frame["mean_helper_distress"].round(4)
    return frame


def _check_by(by: str) -> None:
    if by not in ("helper", "community"):
        raise ValueError(f"by must be 'helper' or 'community', not {by!r}")
