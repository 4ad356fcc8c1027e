"""Helper and community names are grouped as they look (NFC, no surrounding spaces), and a
speaker really called ``(unknown)`` is not merged with the responses that name none."""

from __future__ import annotations

import unicodedata

import pytest
from insight_rows import record

from carelens.insights import UNKNOWN, Insights, row_from_record
from carelens.insights.rows import group_name, known_name


def test_names_that_look_the_same_are_one_helper() -> None:
    nfc, nfd = unicodedata.normalize("NFC", "Zoë"), unicodedata.normalize("NFD", "Zoë")
    assert nfc != nfd
    records = [
        record("a", speaker=nfc, community="r/grief"),
        record("b", speaker=nfd, community="r/grief "),
        record("c", speaker="vol-1"),
        record("d", speaker="vol-1 "),
        record("e", speaker=" vol-1"),
    ]
    insights = Insights.from_records(records)
    helpers = dict(zip(insights.helpers()["helper"], insights.helpers()["responses"], strict=True))
    assert helpers == {nfc: 2, "vol-1": 3}  # was four helpers, two of them shown alike
    assert list(insights.communities()["community"]) == ["grief", "r/grief"]


def test_a_speaker_called_unknown_is_kept_apart_from_no_speaker() -> None:
    records = [
        record("a", speaker=None),
        record("b", speaker="(unknown)"),
        record("c", speaker=' "(unknown)" '),
        record("d", speaker=""),
    ]
    helpers = Insights.from_records(records).helpers()
    got = dict(zip(helpers["helper"], helpers["responses"], strict=True))
    # Was one "(unknown)" helper of three responses.
    assert got == {UNKNOWN: 2, '"(unknown)"': 1, '""(unknown)""': 1}


def test_group_name() -> None:
    assert group_name(None) is None and group_name("  ") is None
    assert group_name(42) == "42"
    assert group_name("(unknown)") == '"(unknown)"'
    assert group_name('"(unknown)') == '"(unknown)'  # not quoted whole: cannot collide
    assert group_name("the (unknown) one") == "the (unknown) one"
    # Ids keep their spaces: only helper and community names are grouped so.
    assert row_from_record(record("a ", seeker_id=" s1")).seeker_id == " s1"


@pytest.mark.parametrize(
    ("wanted", "name"),
    [
        ("vol-1", "vol-1"),
        ("vol-1 ", "vol-1"),  # as grouped
        ("Zoe\u0308", "Zo\u00eb"),  # typed decomposed
        (UNKNOWN, UNKNOWN),  # "no name given" is a name of the rollup
        ("(unknown) ", '"(unknown)"'),  # a speaker who wrote that name, as stored
        ("nobody", "nobody"),  # not known: as typed, which the caller does not find
        ("  ", "  "),
    ],
)
def test_known_name_is_the_grouped_name_a_typed_name_stands_for(wanted: str, name: str) -> None:
    known = {"vol-1", "Zo\u00eb", UNKNOWN, '"(unknown)"'}
    assert known_name(wanted, known) == name


@pytest.mark.parametrize(
    ("default", "named", "grouped"),
    [
        ("anxiety ", "anxiety", "anxiety"),  # --community 'anxiety '
        ("Zoe\u0308", "Zo\u00eb", "Zo\u00eb"),  # a file name written decomposed (macOS)
        ("Zo\u00eb", "Zoe\u0308", "Zo\u00eb"),
        (" \u00a0", None, UNKNOWN),  # blank: no name
        (UNKNOWN, None, UNKNOWN),  # the default default: no name given
        (' "(unknown)" ', '"(unknown)"', '""(unknown)""'),  # a name really so, as a record's
    ],
)
def test_the_default_community_is_grouped_as_a_records_is(
    default: str, named: str | None, grouped: str
) -> None:
    """Was: ``--community 'anxiety '`` beside records of ``anxiety``, or a decomposed file
    name ``Zoë.jsonl`` beside records of a composed ``Zoë``, gave two rows that read alike."""
    row = row_from_record(record("a", community=None), default_community=default)
    assert row.community == grouped
    records = [record("a", community=None), record("b", community=named)]
    communities = Insights.from_records(records, default_community=default).communities()
    assert list(communities["community"]) == [grouped]
    assert list(communities["responses"]) == [2]
