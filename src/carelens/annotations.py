"""The project's taxonomy annotations: reading, writing and checking them.

Annotations label EPITOME responses with the taxonomy dimensions EPITOME lacks. They are
stored keyed by ``rp_id`` with character offsets, never with message text; the texts are
joined back from ``../shared/data`` when needed. One JSON object per line::

    {"rp_id": "...", "sp_id": "...", "part": "train|dev|test", "annotator": "A",
     "codebook": "taxonomy-v1",
     "labels": {"sympathy": 0-2, "reflection": 0-2, "compassion": 0-2, "dismissive": 0-2,
                "advice": 0-1, "self_focus": 0-1, "seeker_distress": 0-2, "crisis": 0-1},
     "rationales": {"sympathy": [[start, end], ...], ...},   # offsets into the response
     "crisis_evidence": [[start, end], ...]}                  # offsets into the seeker post

:func:`from_raw` turns an annotator's raw line (rationales as quoted words) into that form;
:func:`locate` finds quoted words in a text, tolerating case and whitespace differences.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from carelens.errors import InputError
from carelens.taxonomy import TAXONOMY_VERSION

#: Response dimensions annotated with levels 0-2 and rationales.
ANNOTATED_DIMENSIONS: tuple[str, ...] = ("sympathy", "reflection", "compassion", "dismissive")
#: Every label and its highest value.
LABEL_RANGES: Mapping[str, int] = {
    **{name: 2 for name in ANNOTATED_DIMENSIONS},
    "advice": 1,
    "self_focus": 1,
    "seeker_distress": 2,
    "crisis": 1,
}
CODEBOOK = f"taxonomy-{TAXONOMY_VERSION}"

Offsets = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Annotation:
    """One annotator's labels for one response."""

    rp_id: str
    sp_id: str
    part: str
    annotator: str
    labels: Mapping[str, int]
    rationales: Mapping[str, Offsets] = field(default_factory=dict)
    crisis_evidence: Offsets = ()
    codebook: str = CODEBOOK

    def to_dict(self) -> dict[str, Any]:
        return {
            "rp_id": self.rp_id,
            "sp_id": self.sp_id,
            "part": self.part,
            "annotator": self.annotator,
            "codebook": self.codebook,
            "labels": {name: self.labels[name] for name in LABEL_RANGES},
            "rationales": {
                name: [list(o) for o in self.rationales.get(name, ())]
                for name in ANNOTATED_DIMENSIONS
            },
            "crisis_evidence": [list(o) for o in self.crisis_evidence],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Annotation:
        labels = {name: int(data["labels"][name]) for name in LABEL_RANGES}
        for name, value in labels.items():
            if not 0 <= value <= LABEL_RANGES[name]:
                raise ValueError(f"{name} must be 0..{LABEL_RANGES[name]}, not {value}")
        return cls(
            rp_id=str(data["rp_id"]),
            sp_id=str(data["sp_id"]),
            part=str(data["part"]),
            annotator=str(data["annotator"]),
            codebook=str(data.get("codebook", CODEBOOK)),
            labels=labels,
            rationales={
                name: tuple((int(s), int(e)) for s, e in spans)
                for name, spans in (data.get("rationales") or {}).items()
            },
            crisis_evidence=tuple((int(s), int(e)) for s, e in data.get("crisis_evidence") or ()),
        )


def read_annotations(path: str | Path) -> Iterator[Annotation]:
    """Annotations from a JSON Lines file; a bad line is an InputError naming it."""
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield Annotation.from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"bad annotation ({exc})", path=str(path), line=number) from exc


def write_annotations(path: str | Path, annotations: Sequence[Annotation]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for a in sorted(annotations, key=lambda a: a.rp_id):
            fh.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")


def locate(text: str, quote: str, after: int = 0) -> tuple[int, int] | None:
    """Character offsets of ``quote`` in ``text`` (exact, then case/whitespace-insensitive)."""
    quote = quote.strip()
    if not quote:
        return None
    start = text.find(quote, after)
    if start < 0:
        start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    pattern = re.compile(r"\s+".join(re.escape(w) for w in quote.split()), re.IGNORECASE)
    match = pattern.search(text, after) or pattern.search(text)
    return (match.start(), match.end()) if match else None


def from_raw(
    raw: Mapping[str, Any],
    *,
    sp_id: str,
    part: str,
    annotator: str,
    response: str,
    seeker: str,
) -> tuple[Annotation, list[str]]:
    """An :class:`Annotation` from an annotator's raw line, and the problems found in it.

    Problems (a quote not found, a level without a rationale) are reported, not fatal: the
    labels stand, and the missing offsets are left out.
    """
    problems: list[str] = []
    labels = {name: int(raw[name]) for name in LABEL_RANGES}
    rationales: dict[str, Offsets] = {}
    for name in ANNOTATED_DIMENSIONS:
        found: list[tuple[int, int]] = []
        for quote in (raw.get("rationales") or {}).get(name) or ():
            where = locate(response, str(quote))
            if where is None:
                problems.append(f"{name}: a quoted rationale is not in the response")
            elif where not in found:
                found.append(where)
        if labels[name] > 0 and not found:
            problems.append(f"{name}: level {labels[name]} without a located rationale")
        rationales[name] = tuple(sorted(found)) if labels[name] > 0 else ()
    evidence: list[tuple[int, int]] = []
    for quote in raw.get("crisis_evidence") or ():
        where = locate(seeker, str(quote))
        if where is None:
            problems.append("crisis_evidence: a quote is not in the seeker post")
        else:
            evidence.append(where)
    annotation = Annotation(
        rp_id=str(raw["rp_id"]),
        sp_id=sp_id,
        part=part,
        annotator=annotator,
        labels=labels,
        rationales=rationales,
        crisis_evidence=tuple(sorted(set(evidence))),
    )
    return annotation, problems
