"""The tables ``carelens summarize`` prints and saves.

It prints the community and helper roll-ups (:func:`rollup_table`, at any width: their
short headers explained in a legend), the strain signals (:func:`strain_table`), and lines
that say which responses a person should read (:func:`to_read_line`) and which have no
month (:func:`undated_line`), every name and text from the data printed exactly as text
(:func:`shown`). ``--tables DIR`` saves every tidy table as CSV (:func:`save_tables`); a
text cell a spreadsheet would run as a formula gets an apostrophe before it (see
:mod:`carelens.output.spreadsheet`).
"""

from __future__ import annotations

import json
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text

from carelens.analysis.crisis_counts import crisis_count
from carelens.cli._tables import FitTable, fmt_score, plain
from carelens.errors import InputError

# pandas and the insights are imported where a run needs them, so that this module,
# imported for every command's --help, stays quick to import.
if TYPE_CHECKING:
    import pandas as pd

    from carelens.insights import Insights

#: The tables ``summarize --tables`` writes, by file name stem (see :func:`save_tables`).
TABLES: tuple[str, ...] = (
    "responses",
    "helpers",
    "communities",
    "monthly_helpers",
    "monthly_communities",
    "strain",
)


def table_paths(folder: Path) -> list[Path]:
    """Every file :func:`save_tables` writes in ``folder`` (the tables and their temporary
    ``.csv.partial`` files)."""
    return [folder / f"{name}{suffix}" for name in TABLES for suffix in (".csv", ".csv.partial")]


def save_tables(insights: Insights, folder: Path) -> list[Path]:
    """Write every tidy table of ``insights`` to ``folder`` as CSV; the paths written."""
    from carelens.output.paths import failure_cause

    folder.mkdir(parents=True, exist_ok=True)
    frames = {
        "responses": insights.responses(),
        "helpers": insights.helpers(),
        "communities": insights.communities(),
        "monthly_helpers": insights.monthly("helper"),
        "monthly_communities": insights.monthly("community"),
        "strain": insights.strain(),
    }
    assert tuple(frames) == TABLES
    # Lists as JSON, as in the other CSV files carelens writes.
    for column in ("evidence", "evidence_positions"):
        frames["strain"][column] = [
            json.dumps(list(e), ensure_ascii=False) for e in frames["strain"][column]
        ]
    written: list[Path] = []
    for name, frame in frames.items():
        path = folder / f"{name}.csv"
        tmp = path.with_suffix(".csv.partial")
        try:
            _spreadsheet_safe(frame).to_csv(tmp, index=False)
            tmp.replace(path)
        except BaseException as exc:  # a full disk, Ctrl-C: no half-written table left
            with suppress(OSError):
                tmp.unlink(missing_ok=True)
            if not isinstance(exc, OSError):
                raise
            raise InputError(
                f"cannot write it: {failure_cause(exc)}; {tables_kept(folder, written)}",
                path=str(path),
            ) from exc
        written.append(path)
    return written


def tables_kept(folder: Path, written: list[Path]) -> str:
    """What ``summarize --tables`` leaves in ``folder`` when it stops after the tables
    ``written``: those are this run's, the others as they were."""
    if not written:
        return f"the tables in {folder} are left as they were"
    names = ", ".join(path.name for path in written)
    return f"{names} are this run's, the other tables in {folder} are left as they were"


def _spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell made :func:`~carelens.output.spreadsheet_safe`: helper
    names, communities and ids come from forum and chat users, and the tables are opened in
    spreadsheets. Number, boolean and date columns are left as they are (``-0.5`` stays a
    number); a text column may still hold numbers or nulls, which :func:`safe_cell` keeps."""
    from pandas.api.types import is_datetime64_any_dtype, is_numeric_dtype

    from carelens.output import safe_cell

    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if not (is_numeric_dtype(values) or is_datetime64_any_dtype(values)):
            safe[column] = values.map(safe_cell)
    return safe


#: The roll-up columns shown, with short headers (explained by :data:`_LEGEND`), so that
#: every figure fits at 80 columns.
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("responses", "n"),
    ("style_dismissive", "dis"),
    ("style_sympathy", "sym"),
    ("style_empathy", "emp"),
    ("style_compassion", "com"),
    ("mean_empathy", "mean emp"),
    ("reflections_per_question", "refl/q"),
    ("high_distress_share", "distress"),
    ("mean_empathy_slope", "trend"),
    ("unsafe_replies", "unsafe"),
)
_LEGEND = (
    "n: responses; dis, sym, emp, com: share of responses in each style (dismissive, "
    "sympathy, empathy, compassion); mean emp: mean empathy level (0-2); refl/q: reflections "
    "per question; distress: share of seeker messages answered at high distress; trend: "
    "empathy trend (level per month; * from fewer than {few} dated responses: too few to "
    "read); unsafe: unsafe replies"
)
_TREND = [name for name, _ in _COLUMNS].index("mean_empathy_slope")
_SHARES = {"style_dismissive", "style_sympathy", "style_empathy", "style_compassion"}


def _cell(name: str, value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):  # NaN
        return "-"
    if name in ("responses", "unsafe_replies"):
        return str(int(value))
    if name in _SHARES or name == "high_distress_share":
        return f"{100 * float(value):.0f}%"
    if name.endswith("_slope"):
        from carelens.insights.report.format import slope_text

        return slope_text(float(value))  # as the report shows it
    return fmt_score(float(value))


def shown(value: object) -> Text:
    """A name or text from the data, printed exactly as text (:func:`~._tables.plain`): no
    markup or emoji codes read in it, control, bidi and invisible format characters as
    ``\\xNN`` / ``\\uNNNN``."""
    return plain(value)


def rollup_table(title: str, key: str, frame: Any, limit: int, *, legend: bool = False) -> FitTable:
    """The roll-up of each ``key`` (helper or community): its name wraps, the figures are
    shown whole at any width (:class:`FitTable`); with ``legend``, the headers explained."""
    from carelens.insights.report.sections import few_responses
    from carelens.insights.strain import DEFAULT_THRESHOLDS

    few = DEFAULT_THRESHOLDS.min_trend_responses
    table = FitTable(title, caption=_LEGEND.format(few=few) if legend else None)
    table.add_column(key, wrap=True)
    for _, label in _COLUMNS:
        table.add_column(label, justify="right")
    for record in frame.head(limit).to_dict("records"):
        cells = [_cell(name, record.get(name)) for name, _ in _COLUMNS]
        if cells[_TREND] != "-" and few_responses(record, few) is not None:
            cells[_TREND] += "*"
        table.add_row(shown(record[key]), *cells)
    return table


def to_read_line(insights: Insights) -> str:
    """The responses a person should read: crisis cues answered, unsafe replies."""
    from carelens.insights.report.format import plural
    from carelens.insights.report.sections import MAX_TO_READ, learned_only, responses_to_read

    total = insights.total()
    needs, unsafe = total.needs_attention, total.unsafe_replies
    # A cue of the learned flag alone is a hint (a possible crisis), not crisis wording: said
    # as analyze and the report say it.
    hints = sum(1 for r in insights.rows if r.needs_attention and learned_only(r.crisis_cues))
    if total.n and not total.unsafe_known:  # results of an older carelens: not checked
        unsafe_said = (
            "unsafe wording (urging self-harm or giving method information) was not checked"
        )
    else:
        unsafe_said = (
            f"{plural(unsafe, 'has', 'have')} unsafe wording (urging self-harm or giving "
            "method information)"
        )
        if total.unsafe_known < total.n:
            unsafe_said += f" of the {total.unsafe_known:,} checked for it"
    line = f"To read: {crisis_count(needs, hints).plain()}, {unsafe_said}"
    listed = len(responses_to_read(insights.rows))
    if listed > MAX_TO_READ:
        line += (
            f"; the report (carelens report) lists the first {MAX_TO_READ} of these {listed} "
            "responses, unsafe replies first, and responses.csv (--tables) marks every one"
        )
    elif listed:
        line += (
            "; the report (carelens report) lists them with the words that raised each flag, "
            "and responses.csv (--tables) marks them"
        )
    return line + "."


def quoted(value: str) -> str:
    """A value from the data in double quotes, as :func:`shown` prints it."""
    return f'"{shown(value).plain}"'


def undated_line(insights: Insights) -> Text | None:
    """The responses without a month, as the report says it: how many have no timestamp, how
    many one that could not be read (one quoted as the row keeps it, printed as :func:`shown`
    prints a value), and where the forms carelens reads are; None when every response is dated."""
    from carelens.insights.report.sections import Undated

    undated = Undated.of(insights.rows)
    if not undated.n:
        return None
    line = f"Undated: {undated.left_out(quoted, 'the monthly figures and trends')}."
    if undated.unread:
        line += (
            " carelens reads ISO 8601 dates and times (2026-06-12T15:04:00Z, 2026-06-12 15:04) "
            "and Unix times in seconds or milliseconds, from 1980 up to the end of 2099 (see "
            "Timestamps in docs/insights.md)."
        )
    # A Text, not markup: the quoted value is data.
    return Text(line)


def strain_table(insights: Insights) -> FitTable:
    table = FitTable("Strain signals (to look at, never a diagnosis)")
    table.add_column("helper", wrap=True)
    table.add_column("signal")
    table.add_column("detail", wrap=True)
    signals = insights.strain_signals()
    for signal in signals:
        table.add_row(shown(signal.helper), signal.signal, shown(signal.detail))
    if not signals:
        table.add_row("-", "none raised", "")
    return table
