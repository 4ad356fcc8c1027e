"""The report on results of an older carelens (only the EPITOME three dimensions, no
unsafe-wording check): what they lack is shown as unknown ("not checked", a dash), never as a
measured 0, and the methods say how many responses lack what."""

from __future__ import annotations

from typing import Any

from insight_rows import record
from test_older_results import new_record, old_record
from test_report import Node, parse, table_rows

from carelens.insights import Insights
from carelens.insights.report import build_report
from carelens.insights.report.format import DASH


def _report(records: list[dict[str, Any]]) -> Node:
    return parse(build_report(Insights.from_records(records)))


def _olds(n: int, **kwargs: Any) -> list[dict[str, Any]]:
    return [old_record(f"o{i}", **kwargs) for i in range(n)]


def test_unsafe_wording_never_checked_is_not_zero() -> None:
    # Two communities of older results only: no response was checked for unsafe wording.
    doc = _report(_olds(2, community="grief") + _olds(1, community="loss"))
    card = doc.by_id("overview").find_all("div", class_="card")[-1].text()
    # Was "0 unsafe replies to read".
    assert card.startswith(DASH) and "not checked" in card, card
    assert doc.by_id("unsafe-count").text() == "Not checked"  # was "0 responses have ..."
    crisis = doc.by_id("crisis").text()
    assert "did not look for unsafe wording" in crisis and "0 responses have" not in crisis
    none = doc.by_id("to-read-none").text()
    assert none.startswith("Unsafe wording was not checked"), none  # was "No response has"
    for community, cells in table_rows(doc, "community-table").items():
        assert cells[-1].attrs["data-value"] == "" and cells[-1].text() == DASH, community
    figures = {
        div.find("dt").text(): div.find("dd").text()
        for div in doc.find("dl", class_="metrics").find_all("div")
    }
    assert figures["unsafe replies"] == DASH and figures["mean sympathy"] == DASH
    assert figures["mean empathy"] == "1.00"  # from interpretation, which they have


def test_unsafe_counts_are_of_the_responses_checked() -> None:
    doc = _report([*_olds(3), new_record("n0"), new_record("n1")])
    card = doc.by_id("overview").find_all("div", class_="card")[-1].text()
    assert card == "0unsafe replies to read, of the 2 responses checked", card
    assert doc.by_id("unsafe-count").text() == "0"
    crisis = doc.by_id("crisis").text()
    assert "of the 2 responses checked for it (3 from an older carelens were not checked)" in (
        crisis
    )
    none = doc.by_id("to-read-none").text()
    assert none.startswith("None of the 2 responses checked for unsafe wording has it"), none
    (cells,) = table_rows(doc, "community-table").values()
    assert cells[-1].attrs["data-value"] == "0"


def test_example_cards_show_unknown_levels_as_a_dash() -> None:
    doc = _report(_olds(2))
    cards = doc.by_id("examples").find_all("article", class_="response")
    assert cards
    for card in cards:
        meta = card.find("div", class_="meta").text()
        # Was "levels: empathy 1, sympathy 0, compassion 0, dismissive 0".
        assert f"levels: empathy 1, sympathy {DASH}, compassion {DASH}, dismissive {DASH}" in (
            meta
        ), meta
    note = doc.by_id("examples-unscreened").text()
    assert "2 examples come from an older carelens" in note and "not screened" in note


def test_current_examples_have_their_levels_and_no_note() -> None:
    doc = _report([record("n0", levels={"interpretation": 1, "sympathy": 2}, unsafe=[])])
    meta = doc.by_id("examples").find("div", class_="meta").text()
    assert "levels: empathy 1, sympathy 2, compassion 0, dismissive 0" in meta, meta
    assert not [n for n in doc.iter() if n.attrs.get("id") == "examples-unscreened"]


def test_methods_count_the_responses_of_an_older_carelens() -> None:
    doc = _report([*_olds(3), new_record("n0")])
    note = doc.by_id("older-results").text()
    assert (
        "3 responses have no sympathy, reflection, compassion and dismissive level; "
        "3 responses were not checked for unsafe wording."
    ) in note, note
    assert "unknown, not 0" in note and "left out" in note
    one = _report([old_record("o")]).by_id("older-results").text()
    assert "1 response has no sympathy" in one and "1 response was not checked" in one
    current = _report([new_record("n0"), new_record("n1")])
    assert not [n for n in current.iter() if n.attrs.get("id") == "older-results"]


def test_methods_count_dimensions_lacked_by_different_responses() -> None:
    # One response lacks only the check; three lack the newer dimensions too.
    checked_only = new_record("n0")
    checked_only.pop("unsafe")
    note = _report([*_olds(3), checked_only]).by_id("older-results").text()
    assert "3 responses have no sympathy, reflection, compassion and dismissive level" in note
    assert "4 responses were not checked for unsafe wording" in note
