"""Helper and community insights: roll-ups, trends, strain signals, and the offline report.

Built on analysed responses (the records ``carelens analyze`` writes). The pure arithmetic
lives in :mod:`.tally` (mergeable counts and metrics), :mod:`.trends` (monthly series and
slopes) and :mod:`.strain` (strain signals); :mod:`.rows` reduces a record to what they
need, and :mod:`.messages` gives every reply to one seeker message the message's distress
level; :mod:`.frames` lays the results out as pandas DataFrames; :mod:`.source` reads
result files or analyses conversation files; :mod:`.anonymize` applies ``--anonymize``;
:mod:`.report` (a subpackage, charts included) writes the offline HTML report.
"""

from __future__ import annotations

from carelens.insights.frames import RESPONSE_COLUMNS, Insights
from carelens.insights.messages import per_message_distress
from carelens.insights.report import build_report, write_report
from carelens.insights.rows import ROW_DIMENSIONS, UNKNOWN, ResponseRow, row_from_record
from carelens.insights.source import is_result_file, records_from
from carelens.insights.strain import (
    STRAIN_SIGNALS,
    StrainSignal,
    StrainThresholds,
    strain_signals,
)
from carelens.insights.tally import Tally, merge_groups, tally_by, tally_by_pair
from carelens.insights.trends import monthly, slopes
from carelens.output.batch_parts import batch_parts

__all__ = [
    "RESPONSE_COLUMNS",
    "ROW_DIMENSIONS",
    "STRAIN_SIGNALS",
    "UNKNOWN",
    "Insights",
    "ResponseRow",
    "StrainSignal",
    "StrainThresholds",
    "Tally",
    "batch_parts",
    "build_report",
    "is_result_file",
    "merge_groups",
    "monthly",
    "per_message_distress",
    "records_from",
    "row_from_record",
    "slopes",
    "strain_signals",
    "tally_by",
    "tally_by_pair",
    "write_report",
]
