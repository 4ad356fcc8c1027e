"""Reading the contrast set: a malformed item is a clean InputError naming file, line, field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from carelens.errors import InputError
from carelens.taxonomy_evaluation import ContrastItem, read_contrast_set

RESPONSES = {
    "sympathy": "I'm so sorry the trip fell through.",
    "empathy": "You had pinned a lot on that week away. What were you most looking forward to?",
    "compassion": "Want me to help you look for a cheaper weekend nearer home?",
    "dismissive": "It's only a holiday, plenty of people never get one.",
}
GOOD: dict[str, Any] = {
    "id": "t1",
    "topic": "plans",
    "seeker": "Our holiday got cancelled and I needed that break.",
    "responses": RESPONSES,
}


def _write(tmp_path: Path, *lines: str | bytes) -> Path:
    path = tmp_path / "contrast.jsonl"
    path.write_bytes(
        b"".join((x if isinstance(x, bytes) else x.encode("utf-8")) + b"\n" for x in lines)
    )
    return path


def test_a_valid_set_is_read_in_order(tmp_path: Path) -> None:
    second = {**GOOD, "id": "t2"}
    path = _write(tmp_path, "\ufeff" + json.dumps(GOOD), "", "  ", json.dumps(second))
    items = read_contrast_set(path)
    assert [item.id for item in items] == ["t1", "t2"]
    assert items[0] == ContrastItem("t1", GOOD["seeker"], RESPONSES)
    assert list(items[0].responses) == ["sympathy", "empathy", "compassion", "dismissive"]


def _without(key: str) -> dict[str, Any]:
    return {k: v for k, v in GOOD.items() if k != key}


@pytest.mark.parametrize(
    ("item", "field", "reason"),
    [
        (_without("id"), "id", "missing"),
        ({**GOOD, "id": 7}, "id", "not a number"),
        ({**GOOD, "id": " "}, "id", "shows no text"),
        ({**GOOD, "seeker": None}, "seeker", "not null"),
        (_without("seeker"), "seeker", "missing"),
        (_without("responses"), "responses", "missing"),
        ({**GOOD, "responses": list(RESPONSES)}, "responses", "object .* not an array"),
        ({**GOOD, "responses": {}}, "responses", "missing sympathy, empathy"),
        (
            {**GOOD, "responses": {**RESPONSES, "advice": "Take a walk."}},
            "responses",
            "unexpected advice",
        ),
        ({**GOOD, "responses": {**RESPONSES, "empathy": None}}, "responses.empathy", "not null"),
        ({**GOOD, "responses": {**RESPONSES, "sympathy": 3}}, "responses.sympathy", "a number"),
        ({**GOOD, "responses": {**RESPONSES, "dismissive": ""}}, "responses.dismissive", "empty"),
        (["not", "an", "object"], None, "expected a JSON object, not an array"),
    ],
)
def test_a_malformed_item_names_file_line_and_field(
    tmp_path: Path, item: object, field: str | None, reason: str
) -> None:
    path = _write(tmp_path, json.dumps(GOOD), json.dumps(item))
    with pytest.raises(InputError, match=reason) as caught:
        read_contrast_set(path)
    error = caught.value
    assert (error.path, error.line, error.field) == (str(path), 2, field)
    assert str(error).startswith(f"{path}, line 2")


def test_bad_json_bad_bytes_and_repeated_ids_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not valid JSON") as caught:
        read_contrast_set(_write(tmp_path, json.dumps(GOOD), '{"id": "t2",'))
    assert caught.value.line == 2
    with pytest.raises(InputError, match="not valid UTF-8") as caught:
        read_contrast_set(_write(tmp_path, json.dumps(GOOD), b'{"id": "caf\xe9"}'))
    assert caught.value.line == 2
    with pytest.raises(InputError, match="'t1' is also on line 1") as caught:
        read_contrast_set(_write(tmp_path, json.dumps(GOOD), json.dumps(GOOD)))
    assert (caught.value.line, caught.value.field) == (2, "id")


def test_a_set_without_items_is_an_error(tmp_path: Path) -> None:
    for lines in ((), ("", "   ")):
        with pytest.raises(InputError, match="holds no items"):
            read_contrast_set(_write(tmp_path, *lines))
