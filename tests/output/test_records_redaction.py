"""``result_record(..., redact=True)`` on the shipped model: the spans of a redacted record
cover the same words in the redacted text, with every placeholder whole.

Found by a privacy review: next to a handle or an e-mail address written with an accented
letter ("@renée_m", "ana@münchen.de", precomposed or as a letter and a combining mark), the
redacted response, its rationale spans and the feedback kept the rest of the value glued to
the placeholder ("[handle]ée_m", "ana@mü[url]").
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import pytest

import carelens
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.output import result_record
from carelens.types import Exchange, Turn

SEEKER = "My sister @renée_m stopped talking to me after the funeral. Mail me: jose@café.fr"
RESPONSES = [
    "I'm so sorry, @renée_m. That sounds so lonely. What was she like before the funeral?",
    "@renée_m must miss you too. Write to ana@münchen.de, what happened after the funeral?",
    "That sounds hard (@renée_m). I hear you, it hurts. Have you asked @renée_m why?",
]
#: Pieces of the personal data above, in either form; none may be left in a record.
PIECES = ("renée", "rene\u0301e", "ée_m", "e_m", "jose@", "café.fr", "ana@", "nchen")
PLACEHOLDER = re.compile(r"\[(?:email|phone|url|handle|address)\]")


@pytest.fixture(scope="module")
def analyzer() -> EmpathyAnalyzer:
    return carelens.load(threads=1)


def spans_of(record: dict[str, Any]) -> list[dict[str, Any]]:
    spans = [
        span
        for name, value in record.items()
        if isinstance(value, dict) and name not in ("seeker", "model")
        for span in value.get("spans", ())
    ]
    return spans + list(record.get("unsafe") or ())


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_redacted_spans_cover_whole_placeholders_and_nothing_is_left(
    analyzer: EmpathyAnalyzer, form: str
) -> None:
    seeker = unicodedata.normalize(form, SEEKER)
    exchanges = [
        Exchange(
            seeker=Turn(id="s", text=seeker),
            response=Turn(id=f"r{i}", text=unicodedata.normalize(form, reply), reply_to="s"),
        )
        for i, reply in enumerate(RESPONSES)
    ]
    analyses = analyzer.predict(exchanges)
    marked = 0
    for exchange, analysis in zip(exchanges, analyses, strict=True):
        plain = result_record(exchange, analysis)
        record = result_record(exchange, analysis, redact=True)
        dumped = json.dumps(record, ensure_ascii=False)
        assert not [p for p in PIECES if unicodedata.normalize(form, p) in dumped], dumped
        text = record["response_text"]
        assert "[handle]" in text and "[email]" in record["seeker_text"]
        edges = {edge for m in PLACEHOLDER.finditer(text) for edge in range(m.start() + 1, m.end())}
        redacted_words = text.split()
        for before, span in zip(spans_of(plain), spans_of(record), strict=True):
            assert span["text"] == text[span["start"] : span["end"]]
            assert span["start"] not in edges and span["end"] not in edges, span
            # the same words: the span's words are the original span's words, redacted
            words = span["text"].split()
            assert len(words) == len(before["text"].split()), (before["text"], span["text"])
            assert " ".join(words) in " ".join(redacted_words)
            marked += PLACEHOLDER.search(span["text"]) is not None
        for line in record.get("feedback") or ():
            assert not [p for p in PIECES if unicodedata.normalize(form, p) in line], line
    assert marked  # some span held a placeholder, so the check above saw one
