"""The public EPITOME Reddit file, read end to end (skipped when shared data is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from carelens.readers import RejectLog, read_exchanges

EPITOME = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "data"
    / "epitome-reddit"
    / "epitome_reddit_public.csv"
)


@pytest.mark.shared_data
def test_epitome_reddit_public_reads_cleanly() -> None:
    if not EPITOME.is_file():
        pytest.skip(f"shared data not found at {EPITOME} (needs ../shared/data beside the repo)")
    rejects = RejectLog()
    exchanges = list(read_exchanges(EPITOME, rejects=rejects))
    assert len(exchanges) == 2471
    assert rejects.total == 0
    assert rejects.counts == {}
    levels = {e.response.meta["emotional_reactions_level"] for e in exchanges}
    assert levels <= {"0", "1", "2"}
