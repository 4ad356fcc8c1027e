"""One seeker-distress level per message: every reply to one seeker message gets the level of
the mean of its replies' distress probabilities, whoever answered and how."""

from __future__ import annotations

import copy
import math
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from insight_rows import record

from carelens.insights import (
    Insights,
    ResponseRow,
    build_report,
    per_message_distress,
    row_from_record,
)
from carelens.insights.messages import mean_level, message_key
from carelens.insights.strain import StrainThresholds

#: One message's readings with three replies (examples/forum_thread.csv gives such spreads):
#: a compassionate reply reads it at high distress, a dismissive and an advice reply at
#: moderate.
COMPASSION = [0.02, 0.41, 0.57]
DISMISSIVE = [0.11, 0.66, 0.23]
ADVICE = [0.08, 0.49, 0.43]


def reply(
    rid: str,
    helper: str,
    probabilities: list[float] | None,
    *,
    seeker_id: str | None = "p1",
    **more: Any,
) -> dict[str, Any]:
    """A record of ``helper``'s reply to seeker message ``seeker_id``, read at the most
    probable level of ``probabilities`` (None: a level alone, ``more["distress"]``)."""
    level = more.pop("distress", None)
    if probabilities is not None:
        level = max(range(3), key=lambda k: probabilities[k])
    out = record(
        rid,
        speaker=helper,
        distress=level,
        distress_probabilities=probabilities,
        seeker_id=seeker_id,
        **more,
    )
    if probabilities is None:
        del out["seeker"]["distress"]["probabilities"]
    if seeker_id is None:
        out["seeker_id"] = None
    return out


def levels(insights: Insights) -> list[int | None]:
    return [r.seeker_distress for r in insights.rows]


def answered(insights: Insights) -> dict[str, int]:
    """High-distress messages answered, per helper."""
    helpers = insights.helpers()
    return dict(zip(helpers["helper"], helpers["high_distress_answered"], strict=True))


def test_helpers_answering_one_message_get_its_one_level() -> None:
    records = [
        reply("r1", "ana", COMPASSION),
        reply("r2", "ben", DISMISSIVE),
        reply("r3", "cleo", ADVICE),
    ]
    assert [r["seeker"]["distress"]["level"] for r in records] == [2, 1, 1]
    insights = Insights.from_records(records)
    # The mean is (0.07, 0.52, 0.41): moderate, for every reply.
    assert levels(insights) == [1, 1, 1]
    assert insights.responses()["seeker_distress"].tolist() == [1, 1, 1]
    assert answered(insights) == {"ana": 0, "ben": 0, "cleo": 0}
    # Without the dismissive reply the mean is (0.05, 0.45, 0.50): high, for both.
    insights = Insights.from_records([records[0], records[2]])
    assert levels(insights) == [2, 2]
    assert answered(insights) == {"ana": 1, "cleo": 1}
    assert insights.helpers()["high_distress_share"].tolist() == [1.0, 1.0]


def test_the_report_counts_the_message_alike_for_both_helpers() -> None:
    # ana's record reads the message at high distress, cleo's at moderate; the mean is high.
    insights = Insights.from_records([reply("r1", "ana", COMPASSION), reply("r2", "cleo", ADVICE)])
    html = build_report(insights)
    answered_cells = re.findall(r"<dt>high distress answered</dt><dd>([^<]*)</dd>", html)
    assert answered_cells == ["1 (100%)", "1 (100%)"]
    assert "each message gets one level, from the mean of its replies" in html


def test_high_distress_load_does_not_depend_on_how_a_helper_answered() -> None:
    records = []
    for i in range(6):
        # ana's replies read the message at high distress, ben's at moderate; the mean,
        # (0.05, 0.4, 0.55), is high.
        records.append(reply(f"a{i}", "ana", [0.0, 0.2, 0.8], seeker_id=f"m{i}"))
        records.append(reply(f"b{i}", "ben", [0.1, 0.6, 0.3], seeker_id=f"m{i}"))
    records += [reply(f"c{i}", "cleo", [0.8, 0.1, 0.1], seeker_id=f"q{i}") for i in range(30)]
    insights = Insights.from_records(records, thresholds=StrainThresholds(min_high_distress=5))
    load = {s.helper: s for s in insights.strain_signals() if s.signal == "high_distress_load"}
    assert sorted(load) == ["ana", "ben"]
    assert load["ana"].value == load["ben"].value == 1.0
    assert load["ana"].detail == load["ben"].detail
    assert answered(insights) == {"ana": 6, "ben": 6, "cleo": 0}


def test_the_message_level_holds_with_anonymized_names_and_texts() -> None:
    records = [
        reply("r1", "ana", COMPASSION, seeker="It's quiet_fern again: my cat died."),
        reply("r2", "ben", DISMISSIVE, seeker="It's quiet_fern again: my cat died."),
    ]
    for r in records:
        r["seeker_speaker"] = "quiet_fern"
    insights = Insights.from_records(records, anonymize=True, key="k")
    assert insights.rows[0].seeker_text == insights.rows[1].seeker_text
    assert "quiet_fern" not in (insights.rows[0].seeker_text or "")
    # The mean is (0.065, 0.535, 0.4).
    assert levels(insights) == [1, 1]


def test_messages_of_other_conversations_or_input_files_are_not_merged() -> None:
    records = [
        # The same seeker id in two conversations: two messages.
        reply("r1", "ana", COMPASSION, conversation_id="c1"),
        reply("r2", "ben", DISMISSIVE, conversation_id="c2"),
        # Two input files of a batch output that both number their messages s1 in a thread
        # t1: told apart by their texts...
        reply("r1", "ana", COMPASSION, seeker_id="s1", conversation_id="t1", seeker="One."),
        reply("r1", "ben", DISMISSIVE, seeker_id="s1", conversation_id="t1", seeker="Two."),
        # ... or, written without texts, by their writers.
        reply("r2", "ana", COMPASSION, seeker_id="s2", seeker=None, response=None),
        reply("r2", "ben", DISMISSIVE, seeker_id="s2", seeker=None, response=None),
        # Records without a seeker id stay as they are.
        reply("r3", "ana", COMPASSION, seeker_id=None),
        reply("r4", "ben", DISMISSIVE, seeker_id=None),
    ]
    records[-3]["seeker_speaker"] = "someone else"
    insights = Insights.from_records(records)
    assert levels(insights) == [2, 1] * 4
    assert [r.seeker_id for r in insights.rows[-2:]] == [None, None]
    assert answered(insights) == {"ana": 4, "ben": 0}


def test_records_without_probabilities_keep_their_level() -> None:
    records = [
        reply("r1", "ana", COMPASSION),
        reply("r2", "ben", None, distress=0),  # an older record: a level alone
        reply("r3", "cleo", ADVICE),
    ]
    insights = Insights.from_records(records)
    # ana and cleo: the mean of their two readings, (0.05, 0.45, 0.50); ben's stays 0.
    assert levels(insights) == [2, 0, 2]
    # A row made by hand, without probabilities, keeps its level too.
    rows = [
        ResponseRow("x1", "ana", "grief", "empathy", {}, seeker_id="s", seeker_distress=2),
        ResponseRow("x2", "ben", "grief", "empathy", {}, seeker_id="s", seeker_distress=0),
    ]
    assert levels(Insights(rows)) == [2, 0]


@pytest.mark.parametrize(
    "probabilities",
    [[0.1, 0.9], [0.1, 0.2, 0.3, 0.4], [0.1, "0.2", 0.7], [0.1, math.nan, 0.9], [0, 1, True]],
    ids=["too few", "too many", "text", "nan", "true"],
)
def test_unusable_probabilities_are_none(probabilities: list[Any]) -> None:
    r = reply("r1", "ana", COMPASSION)
    r["seeker"]["distress"]["probabilities"] = probabilities
    row = row_from_record(r)
    assert row.seeker_distress == 2 and row.seeker_distress_probabilities is None


def test_a_tie_goes_to_the_lower_level() -> None:
    records = [reply("r1", "ana", [0.2, 0.5, 0.3]), reply("r2", "ben", [0.2, 0.3, 0.5])]
    assert levels(Insights.from_records(records)) == [1, 1]  # mean (0.2, 0.4, 0.4)
    # Equal means in decimals that float sums tell apart (0.45 each) are a tie too.
    tied = [[0.1, 0.3, 0.6], [0.1, 0.36, 0.54], [0.1, 0.69, 0.21]]
    assert sum(p[1] for p in tied) != sum(p[2] for p in tied)
    assert mean_level(tied) == 1
    assert mean_level([[0.5, 0.5, 0.0]]) == 0
    assert mean_level([[0.45, 0.45, 0.1], [0.35, 0.35, 0.3]]) == 0  # (0.4, 0.4, 0.2)
    with pytest.raises(ValueError, match="no readings"):
        mean_level([])


def test_a_message_answered_once_keeps_its_records_level() -> None:
    # The model's level comes from unrounded probabilities: a rounded tie keeps it.
    r = reply("r1", "ana", [0.3, 0.35, 0.35])
    r["seeker"]["distress"]["level"] = 2
    assert levels(Insights.from_records([r])) == [2]


def test_the_records_are_left_as_they_are() -> None:
    records = [reply("r1", "ana", COMPASSION), reply("r2", "ben", DISMISSIVE)]
    before = copy.deepcopy(records)
    insights = Insights.from_records(records)
    assert levels(insights) == [1, 1]
    assert records == before
    assert [r.seeker_distress_probabilities for r in insights.rows] == [
        tuple(COMPASSION),
        tuple(DISMISSIVE),
    ]


_READINGS = st.lists(st.integers(0, 100), min_size=3, max_size=3).map(
    lambda w: tuple(x / max(sum(w), 1) for x in w)
)


@st.composite
def _rows(draw: st.DrawFn) -> list[ResponseRow]:
    rows = []
    for i in range(draw(st.integers(0, 12))):
        probabilities = draw(st.none() | _READINGS)
        level = draw(st.integers(0, 2))
        rows.append(
            ResponseRow(
                f"r{i}",
                draw(st.sampled_from(["ana", "ben"])),
                "grief",
                "empathy",
                {},
                seeker_id=draw(st.sampled_from([None, "s1", "s2"])),
                conversation_id=draw(st.sampled_from(["c1", "c2"])),
                seeker_distress=level,
                seeker_distress_probabilities=probabilities,
            )
        )
    return rows


@given(_rows())
def test_every_message_has_one_level_and_applying_it_again_changes_nothing(
    rows: list[ResponseRow],
) -> None:
    once = per_message_distress(rows)
    assert per_message_distress(once) == once
    seen: dict[object, set[int | None]] = {}
    for before, after in zip(rows, once, strict=True):
        if before.seeker_distress_probabilities is None or message_key(before) is None:
            assert after == before
        else:
            seen.setdefault(message_key(before), set()).add(after.seeker_distress)
    assert all(len(found) == 1 for found in seen.values())
