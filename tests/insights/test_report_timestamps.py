"""Undated responses and time zones in the report: a response with no timestamp is told
apart from one whose timestamp could not be read (counted, one value quoted, the forms
carelens reads pointed to), whatever the months drawn, and the page says that months are
calendar months in UTC."""

from __future__ import annotations

from typing import Any

import pytest
from insight_rows import record as result_record
from test_report import parse

from carelens.insights import Insights
from carelens.insights.report import build_report
from carelens.insights.rows import MAX_UNREAD_CHARS, row_from_record

UNREAD = "12/06/2026 3:04 PM"


def _records(*timestamps: str | int | None) -> list[dict[str, Any]]:
    return [result_record(f"r{i}", timestamp=t) for i, t in enumerate(timestamps)]


def _page(*timestamps: str | int | None) -> Any:
    return parse(build_report(Insights.from_records(_records(*timestamps))))


# ---------------------------------------------------------------------------- rows


def test_a_row_keeps_a_timestamp_it_could_not_read() -> None:
    def unread(value: object) -> str | None:
        record = result_record("r") | {"timestamp": value}
        return row_from_record(record).unread_timestamp

    assert unread(UNREAD) == UNREAD
    assert unread(1781276645000000) == "1781276645000000"  # microseconds: no Unix time
    assert unread("0001-01-01") == "0001-01-01"  # read, but a placeholder
    # None: no timestamp at all, or one that was read.
    assert unread(None) is None and unread("  ") is None
    assert unread("2026-06-12T15:04:00Z") is None
    long = unread("x" * 500)
    assert long is not None and len(long) == MAX_UNREAD_CHARS and long.endswith("\u2026")
    # Quoted on the pages with --anonymize or without: personal data in it is redacted.
    assert unread("ask ana@example.org") == "ask [email]"


def test_a_number_longer_than_any_time_is_kept_as_its_start() -> None:
    """A number that cannot be a Unix time is unreadable, and is named by its start as the
    readers keep it (:func:`~carelens.timestamps.number_text`): a result file's 400-digit
    timestamp (written before readers kept only the start) was quoted 79 digits long, and
    an int too long for Python to write in decimal stopped the row with ValueError."""
    for value, start in (("1" * 400, "1" * 31), (10**5000, "1" + "0" * 30)):
        row = row_from_record(result_record("r") | {"timestamp": value})
        assert row.month is None and row.unread_timestamp == start + "\u2026"
    trends = _page("2026-05-12T15:04:00Z", "9" * 400).by_id("trends").text()
    assert "1 response has a timestamp that could not be read" in trends
    assert "9" * 31 + "\u2026" in trends and "9" * 32 not in trends


@pytest.mark.parametrize("missing", ["nan", "NaN", "NaT", "None", "null", "NULL", "NA", 1e400 * 0])
def test_what_an_export_writes_for_a_missing_value_is_no_timestamp(missing: object) -> None:
    """Was: ``NaN``, ``NaT``, ``None``, ``null``, ``NA`` were timestamps "that could not be
    read"; they are missing, as the readers take them for a parent id."""
    row = row_from_record(result_record("r") | {"timestamp": missing})
    assert row.month is None and row.unread_timestamp is None
    trends = _page("2026-05-12T15:04:00Z", "2026-06-20T09:00:00Z", "NaT").by_id("trends").text()
    assert "1 response has no timestamp" in trends and "could not be read" not in trends


def test_anonymize_hides_speaker_names_in_an_unread_timestamp() -> None:
    """Was: a timestamp column holding the author's name was quoted as it is with
    --anonymize (``person-ce2b6e -> vol-lee``): only personal data was redacted in it."""
    records = [
        result_record("r0", speaker="vol-lee", timestamp="vol-lee"),
        result_record("r1", speaker="hope", timestamp=" hope "),  # a plain word, whole
        result_record("r2", speaker="ana", timestamp="posted by quiet_fern"),
        result_record("r3", speaker="quiet_fern", timestamp="2026-06-12"),
    ]
    insights = Insights.from_records(records, anonymize=True, key="k")
    helpers = {r.response_id: r.helper for r in insights.rows}
    unread = [r.unread_timestamp for r in insights.rows]
    assert unread == [helpers["r0"], helpers["r1"], f"posted by {helpers['r3']}", None]
    page = build_report(insights)
    assert "vol-lee" not in page and "quiet_fern" not in page
    # Without --anonymize the value is quoted as it is.
    plain = Insights.from_records(records)
    assert [r.unread_timestamp for r in plain.rows][:2] == ["vol-lee", "hope"]


def test_anonymize_keeps_what_a_timestamp_was() -> None:
    records = _records(UNREAD, None)
    rows = Insights.from_records(records, anonymize=True, key="k").rows
    assert [r.unread_timestamp for r in rows] == [UNREAD, None]


# ---------------------------------------------------------------------------- the page


def test_one_month_still_says_how_many_are_undated() -> None:
    doc = _page("2026-06-12T15:04:00Z", "2026-06-20T09:00:00Z", None, UNREAD)
    trends = doc.by_id("trends").text()
    assert "Every dated response falls in 2026-06 (UTC)" in trends
    assert "1 response has no timestamp and 1 has a timestamp that could not be read" in trends
    assert UNREAD in trends and "docs/insights.md" in trends
    # The overview card counts them too.
    assert "2 responses undated" in doc.by_id("overview").text()


def test_several_months_say_how_many_are_undated() -> None:
    doc = _page("2026-05-12T15:04:00Z", "2026-06-20T09:00:00Z", None, None)
    trends = doc.by_id("trends").text()
    assert "2 responses have no timestamp and are left out of the trends" in trends
    assert "could not be read" not in trends and "docs/insights.md" not in trends


def test_unreadable_timestamps_are_not_called_missing() -> None:
    doc = _page(UNREAD, "Fri, 12 Jun 2026 15:04:05 +0000", None)
    trends = doc.by_id("trends").text()
    assert "carry no timestamps" not in trends
    assert "No response has a timestamp that carelens could read" in trends
    assert "1 response has no timestamp and 2 have a timestamp that could not be read" in trends
    assert f"for example {UNREAD}" in trends  # the first one, quoted
    assert "ISO 8601" in trends and "docs/insights.md" in trends
    overview = doc.by_id("overview").text()
    assert "no response has a timestamp" not in overview
    assert "2 responses have one that could not be read" in overview
    (section,) = doc.find_all("section", class_="helper")
    helper = section.text()
    assert "No timestamps" not in helper and "could not be read" in helper
    assert "3 responses have a timestamp" not in doc.by_id("methods").text()
    assert "2 have a timestamp that could not be read" in doc.by_id("methods").text()


def test_no_timestamp_at_all_still_asks_for_one() -> None:
    doc = _page(None, "", None)
    trends = doc.by_id("trends").text()
    assert "carry no timestamps" in trends and "could not be read" not in trends
    assert "no response has a timestamp" in doc.by_id("overview").text()


def test_an_unreadable_timestamp_is_quoted_as_data() -> None:
    page = build_report(Insights.from_records(_records("<script>alert(1)</script>", None)))
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<code><bdi>&lt;script&gt;" in page


def test_a_helper_with_some_undated_responses_says_so() -> None:
    doc = _page("2026-05-12T15:04:00Z", "2026-06-20T09:00:00Z", UNREAD)
    (section,) = doc.find_all("section", class_="helper")
    assert "Left out of the monthly trend: 1 response has a timestamp that could not be read" in (
        section.text()
    )


def test_the_page_says_months_are_utc() -> None:
    doc = _page("2026-05-12T15:04:00Z", "2026-06-20T09:00:00Z")
    assert "Months are calendar months in UTC" in doc.by_id("trends").text()
    assert "taken as UTC" in doc.by_id("trends").text()
    methods = doc.by_id("methods").text()
    assert "A calendar month in UTC" in methods and "taken as UTC" in methods
    assert "2026-05 to 2026-06months (UTC)" in doc.by_id("overview").text()
    one = _page("2026-06-12T15:04:00Z")
    assert "Months are calendar months in UTC" in one.by_id("trends").text()
    (section,) = one.find_all("section", class_="helper")
    assert "All in 2026-06 (UTC)" in section.text()
