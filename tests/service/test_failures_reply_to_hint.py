"""An upload that pairs nothing because a field such as ``inReplyTo`` may name the message
each answers is told to rename it ``reply_to``, in its own terms (service.failures).

Its failure gave the command line's advice, "read it as reply_to with a column map
(reply_to=inReplyTo)": an upload takes no column map, neither as an option nor as a form
field. The command line keeps that advice (:func:`~carelens.readers.why_no_pairs`).
"""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from service_helpers import upload, wait_for

from carelens.readers import REPLIES_NEEDED, why_no_pairs
from carelens.service import failures


def _turns(path: Path, reference: str) -> Path:
    lines = [
        {"id": "a", "speaker": "ann", "text": "I feel low."},
        {"id": "b", "speaker": "bo", reference: "a", "text": "I'm here for you."},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def test_an_upload_that_pairs_nothing_is_told_to_rename_the_field(
    client: TestClient, tmp_path: Path
) -> None:
    path = _turns(tmp_path / "turns.jsonl", "inReplyTo")
    response = upload(client, path)
    assert response.status_code == 202, response.text
    corpus = wait_for(client, response.json()["id"])
    assert (corpus["status"], corpus["rejected"]) == ("failed", 0), corpus
    assert corpus["error"] == (
        "nothing could be analysed: no message in the file answers another (its 2 messages "
        "each open a conversation), so there is nothing to analyse; its field 'inReplyTo' may "
        "name the message each answers: name it reply_to (an upload takes no column map) and "
        f"upload it again; {REPLIES_NEEDED}"
    )
    # The command line's reason, which the upload's replaced, still names its column map.
    assert "read it as reply_to with a column map (reply_to=inReplyTo)" in why_no_pairs(path)


def test_the_field_is_named_as_the_file_spells_it(tmp_path: Path) -> None:
    path = _turns(tmp_path / "turns.jsonl", "In Reply-To")
    message = failures.nothing_to_pair(path, None, {})
    assert (
        "so there is nothing to analyse; its field 'In Reply-To' may name the message each "
        "answers: name it reply_to (an upload takes no column map) and upload it again; "
    ) in message, message
    assert "column map (" not in message


def test_without_such_a_field_the_message_is_as_before(tmp_path: Path) -> None:
    path = tmp_path / "openers.jsonl"
    path.write_text(json.dumps({"id": "a", "speaker": "ann", "text": "hi"}) + "\n", "utf-8")
    assert failures.nothing_to_pair(path, None, {}) == (
        "nothing could be analysed: no message in the file answers another (its one message "
        f"opens a conversation), so there is nothing to analyse; {REPLIES_NEEDED}"
    )
