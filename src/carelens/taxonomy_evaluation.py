"""Score the taxonomy dimensions: against the project's annotations, and on the contrast set.

:func:`evaluate_annotations` joins annotations (``rp_id`` -> labels and offsets, see
:mod:`carelens.annotations`) with the EPITOME CSV that holds the texts (read as ``evaluate``
reads it, :func:`carelens.evaluation.labelled_pairs`: a row it rejects is not in the file, and
an annotation of it is an InputError that says rows were rejected), keeps one part of the
model's own split (the ids :func:`carelens.evaluation.model_split_ids` gives, as ``evaluate
--split`` scores; an annotation's stored ``part`` follows the core model's seed-13 split and
only draws a warning where it differs), and reports per dimension accuracy, 3-level macro-F1,
presence macro-F1 (level >= 1 vs 0), ECE and rationale token-F1 / IOU-F1 — for ``sympathy``,
``reflection``, ``compassion``, ``dismissive``, the derived ``empathy`` (gold: the strongest of
EPITOME's interpretation and exploration and the annotated reflection), the seeker's
distress, the two response flags and the crisis cues, and the style (its gold needs all three
EPITOME levels). The crisis row leaves out the responses to seeker posts the analyzer's
crisis-wording model learned from (the stored parts its manifest names, ``data.parts``): for
a model split with another seed, some of those fall in its test part.

Bad input is rejected, not fatal, as ``evaluate`` treats its rows: a bad annotation line (not
UTF-8 or JSON, a field :meth:`~carelens.annotations.Annotation.from_dict` refuses, a repeated
``rp_id``: the first is kept) and an annotation that does not fit its row (an ``sp_id`` not
the row's, an offset past the end of its text) are left out; an EPITOME level cell of an
annotated row that is not 0, 1 or 2 leaves the pair out of what needs that level only (the
empathy gold, the style). Each goes to the reject log (file, line, field) and is counted in
the report; a level cell :func:`~carelens.evaluation.evaluate` already put in the same log
(``listed``) is counted, not listed twice. Annotations of another file (an ``rp_id`` not
among its pairs), a UTF-16 file, or a part without a scorable annotation are InputErrors.

:func:`evaluate_contrast` reads the contrast set (one seeker message, four responses written
to be sympathetic, empathic, compassionate and dismissive) and counts, per kind, how often
the intended response scores strictly highest on its dimension (the expected level
``sum_k k * p_k``); a tie counts as a miss. The contrast set is evaluation data, so a
malformed item (bad JSON, nesting too deep to parse included, or bad UTF-8, a missing or
non-text ``id`` / ``seeker`` / response or one that shows nothing (empty, or only
invisible characters such as ``"\u200b"``), other than the four kinds, a repeated ``id``) stops
the run with an InputError naming the file, line and field, and a set without any item is
one too.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from carelens import metrics
from carelens.annotations import (
    ANNOTATED_DIMENSIONS,
    Annotation,
    AnnotationError,
    check_offsets,
    json_error,
    read_annotation_lines,
)
from carelens.errors import InputError, ModelError
from carelens.evaluation import (
    SPLIT_PARTS,
    MechanismScores,
    Tally,
    labelled_context,
    labelled_pairs,
    model_split_ids,
)
from carelens.output import Analyzer
from carelens.output.run import chunk_size_of
from carelens.readers import RejectLog
from carelens.readers.quoting import json_type
from carelens.readers.rejects import INVALID_VALUE
from carelens.taxonomy import RESPONSE_FLAGS
from carelens.text import is_blank
from carelens.types import (
    EPITOME_COLUMNS,
    DimensionScore,
    Exchange,
    JsonDict,
    ResponseAnalysis,
    Turn,
)

logger = logging.getLogger(__name__)

#: Contrast-set kinds and the dimension each must rank first on.
CONTRAST_KINDS: Mapping[str, str] = {
    "sympathy": "sympathy",
    "empathy": "empathy",
    "compassion": "compassion",
    "dismissive": "dismissive",
}


@dataclass(frozen=True, slots=True)
class BinaryScores:
    """A yes/no label: precision, recall and F1 of "yes", and macro-F1 over both classes."""

    name: str
    n: int
    positives: int
    precision: float
    recall: float
    f1: float
    macro_f1: float

    def to_dict(self) -> JsonDict:
        return {
            "name": self.name,
            "n": self.n,
            "positives": self.positives,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "macro_f1": self.macro_f1,
        }


def binary_scores(name: str, gold: Sequence[int], pred: Sequence[int]) -> BinaryScores:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BinaryScores(
        name=name,
        n=len(gold),
        positives=sum(1 for g in gold if g),
        precision=precision,
        recall=recall,
        f1=f1,
        macro_f1=metrics.macro_f1(list(gold), list(pred), labels=(0, 1)),
    )


@dataclass(frozen=True, slots=True)
class AnnotationReport:
    """Figures for the taxonomy dimensions on one part of the annotations.

    ``rejected`` counts the annotations not scored (bad or repeated lines, offsets past their
    text, an ``sp_id`` not the row's), ``rejected_levels`` the invalid EPITOME level cells of
    scored pairs, each leaving its pair out of what needs that level only (the empathy gold,
    the style).
    """

    part: str
    model_id: str
    n_pairs: int
    dimensions: tuple[MechanismScores, ...]
    presence_macro_f1: Mapping[str, float]
    binary: tuple[BinaryScores, ...]
    style_accuracy: float | None  # None when the analyzer gives no style
    style_macro_f1: float | None
    rejected: int = 0
    rejected_levels: int = 0

    def __getitem__(self, dimension: str) -> MechanismScores:
        for scores in self.dimensions:
            if scores.dimension == dimension:
                return scores
        raise KeyError(dimension)

    def to_dict(self) -> JsonDict:
        return {
            "part": self.part,
            "model": self.model_id,
            "n_pairs": self.n_pairs,
            "rejected": self.rejected,
            "rejected_levels": self.rejected_levels,
            "dimensions": {d.dimension: d.to_dict() for d in self.dimensions},
            "presence_macro_f1": dict(self.presence_macro_f1),
            "binary": {b.name: b.to_dict() for b in self.binary},
            "style": {"accuracy": self.style_accuracy, "macro_f1": self.style_macro_f1},
        }


#: What each EPITOME level of an annotated pair is needed for: the gold style uses all three,
#: the derived empathy's gold interpretation and exploration (with the annotated reflection).
_LEVEL_USES: Mapping[str, tuple[str, ...]] = {
    "emotional_reactions": ("style",),
    "interpretations": ("empathy", "style"),
    "explorations": ("empathy", "style"),
}
_LEVELS = {"0": 0, "1": 1, "2": 2}


@dataclass(frozen=True, slots=True)
class _Row:
    """One pair of the EPITOME file the annotations were made on, and where it starts."""

    line: int | None
    pair: Exchange

    def level(self, column: str) -> int | None:
        """The pair's EPITOME level in ``<column>_level``; None when the cell is not 0, 1
        or 2."""
        return _LEVELS.get(str(self.pair.response.meta.get(f"{column}_level") or "").strip())


def _epitome_rows(path: Path) -> tuple[dict[str, _Row], int]:
    """The pairs of the EPITOME file by response id (the first row of an id), read as
    ``evaluate`` reads it (:func:`~carelens.evaluation.labelled_pairs`), and the number of
    rows it rejected (``evaluate`` lists them)."""
    log = RejectLog()
    rows: dict[str, _Row] = {}
    for line, pair in labelled_pairs(labelled_context(path, log)):
        rows.setdefault(pair.response.id, _Row(line, pair))
    return rows, log.total


def _gold_style(levels: Mapping[str, int], advice: int) -> str:
    from carelens.taxonomy import headline_style

    dims = {
        name: DimensionScore(level=level, probabilities=(0.0, 0.0, 0.0))
        for name, level in levels.items()
    }
    return headline_style(dims, {"advice": float(advice)})


@dataclass(frozen=True, slots=True)
class _Pair:
    """An annotation to score, its row, and the row's EPITOME levels by model dimension
    (None: the cell is not 0, 1 or 2)."""

    annotation: Annotation
    row: _Row
    epitome: Mapping[str, int | None]


def evaluate_annotations(
    data_path: str | os.PathLike[str],
    annotations_path: str | os.PathLike[str],
    analyzer: Analyzer,
    *,
    part: str = "test",
    ids: Collection[str] | None = None,
    rejects: RejectLog | None = None,
    listed: Collection[tuple[int, str]] = (),
    chunk_size: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> AnnotationReport:
    """Score ``analyzer`` on the annotated pairs of ``part`` of its split (``all``: every
    annotated pair).

    The part is the model's: the annotations whose ``rp_id`` is in ``ids``, by default
    :func:`~carelens.evaluation.model_split_ids` of ``data_path`` with the analyzer's manifest
    (a ModelError when it has none). A warning says how many annotations have a stored
    ``part`` that differs. Bad annotation lines, annotations that do not fit their row and the
    invalid level cells of annotated rows go to ``rejects`` (see the module docstring), but
    for those ``listed`` names as (line, column) of ``data_path``: ``rejects`` has them
    already (:attr:`~carelens.evaluation.EvaluationReport.rejected_cells` of an
    :func:`~carelens.evaluation.evaluate` of the same file into the same log), so each bad
    cell is one line of a rejects file; they are still counted in ``rejected_levels``. An
    annotated ``rp_id`` of the part (or stored as of it) that is not among the file's pairs is
    an InputError: the annotations are of another file, or their rows were rejected.
    """
    if part != "all" and part not in SPLIT_PARTS:
        raise InputError(f"unknown split part {part!r}; choose all, {', '.join(SPLIT_PARTS)}")
    log = rejects if rejects is not None else RejectLog()
    before = log.total
    data = Path(data_path)
    where = os.fspath(annotations_path)
    rows, rejected_rows = _epitome_rows(data)
    read = list(read_annotation_lines(annotations_path, log))
    if part == "all":
        chosen, checked = read, read
    else:
        wanted = set(ids) if ids is not None else _model_part_ids(data, analyzer, part)
        chosen = [(n, a) for n, a in read if a.rp_id in wanted]
        checked = [(n, a) for n, a in read if a.rp_id in wanted or a.part == part]
        _warn_about_stored_parts(where, read, wanted, part)
    missing = [a.rp_id for _, a in checked if a.rp_id not in rows]
    if missing:
        also = (
            f" ({rejected_rows} of its rows were rejected: list them with evaluate --rejects)"
            if rejected_rows
            else ""
        )
        raise InputError(
            f"{len(missing)} annotated rp_id(s) are not in the data file{also} (first: "
            f"{missing[0]}); pass the EPITOME CSV the annotations were made on",
            path=os.fspath(data_path),
        )
    pairs: list[_Pair] = []
    rejected_levels = logged_levels = 0
    for number, a in chosen:
        row = rows[a.rp_id]
        if not _fits_its_row(a, row, where, number, log):
            continue
        epitome = {name: row.level(column) for column, name in EPITOME_COLUMNS.items()}
        for column, name in EPITOME_COLUMNS.items():
            if epitome[name] is not None:
                continue
            rejected_levels += 1
            if (row.line, f"{column}_level") in listed:
                continue  # one bad cell, one line: the log has this cell already
            logged_levels += 1
            log.add(
                data,
                row.line,
                f"{column}_level",
                INVALID_VALUE,
                detail="expected a level 0, 1 or 2; the annotated pair is left out of "
                f"the gold {' and '.join(_LEVEL_USES[column])}",
            )
        pairs.append(_Pair(a, row, epitome))
    rejected = log.total - before - logged_levels
    if not pairs:
        also = f" ({rejected} rejected: list them with --rejects)" if rejected else ""
        raise InputError(f"no annotations in part {part!r}{also}", path=where)
    names = [*ANNOTATED_DIMENSIONS, "empathy", "seeker_distress"]
    tallies = {name: Tally() for name in names}
    presence: dict[str, tuple[list[int], list[int]]] = {n: ([], []) for n in names[:-1]}
    flags: dict[str, tuple[list[int], list[int]]] = {
        n: ([], []) for n in (*RESPONSE_FLAGS, "crisis")
    }
    styles: tuple[list[str], list[str]] = ([], [])
    learned = _crisis_training_parts(analyzer)
    crisis_seen = sum(p.annotation.part in learned for p in pairs)
    if crisis_seen:
        logger.warning(
            "%s: %d annotated responses of the %s part answer seeker posts the crisis-wording "
            "model learned from (its stored parts %s); they are left out of the crisis row",
            where,
            crisis_seen,
            part,
            ", ".join(sorted(learned)),
        )
    size = chunk_size if chunk_size is not None else chunk_size_of(analyzer)  # as analyze
    for start in range(0, len(pairs), size):
        chunk = pairs[start : start + size]
        exchanges = [
            Exchange(
                seeker=Turn(id=p.annotation.sp_id, text=p.row.pair.seeker.text),
                response=Turn(id=p.annotation.rp_id, text=p.row.pair.response.text),
            )
            for p in chunk
        ]
        results = analyzer.predict(exchanges)
        for p, exchange, result in zip(chunk, exchanges, results, strict=True):
            _tally_one(
                p.annotation,
                p.epitome,
                exchange,
                result,
                tallies,
                presence,
                flags,
                styles,
                crisis=p.annotation.part not in learned,
            )
        if progress is not None:
            progress(len(chunk))
    dimension_scores = tuple(tallies[n].scores(n, n) for n in names if tallies[n].gold)
    return AnnotationReport(
        part=part,
        model_id=analyzer.model_id,
        n_pairs=len(pairs),
        dimensions=dimension_scores,
        presence_macro_f1={
            n: metrics.macro_f1(g, p, labels=(0, 1)) for n, (g, p) in presence.items() if g
        },
        binary=tuple(binary_scores(n, g, p) for n, (g, p) in flags.items() if g),
        style_accuracy=(
            sum(a == b for a, b in zip(*styles, strict=True)) / len(styles[0])
            if styles[0]
            else None
        ),
        style_macro_f1=_label_macro_f1(*styles) if styles[0] else None,
        rejected=rejected,
        rejected_levels=rejected_levels,
    )


def _model_part_ids(data: Path, analyzer: Analyzer, part: str) -> set[str]:
    """The response ids of ``part`` of the analyzer's own split (its manifest's)."""
    manifest = getattr(getattr(analyzer, "artifact", None), "manifest", None)
    if not isinstance(manifest, Mapping):
        raise ModelError(
            f"the {part} part of the model's split cannot be computed: the analyzer has no "
            "model manifest; pass the part's ids (model_split_ids) or score part 'all'"
        )
    return model_split_ids(data, manifest, part)


def _crisis_training_parts(analyzer: Analyzer) -> frozenset[str]:
    """The stored annotation parts whose seeker posts the analyzer's crisis-wording model
    learned from (its manifest's ``data.parts``; none without such a model)."""
    model = getattr(analyzer, "crisis_model", None)
    manifest = getattr(model, "manifest", None)
    data = manifest.get("data") if isinstance(manifest, Mapping) else None
    parts = data.get("parts") if isinstance(data, Mapping) else None
    return frozenset(str(p) for p in parts) if isinstance(parts, list) else frozenset()


def _warn_about_stored_parts(
    path: str, read: Sequence[tuple[int, Annotation]], wanted: Collection[str], part: str
) -> None:
    """Log how many annotations the model's split puts in ``part`` though their stored
    ``part`` (the core model's split, seed 13) differs, and the other way round."""
    joined = [a for _, a in read if a.rp_id in wanted and a.part != part]
    left = [a for _, a in read if a.rp_id not in wanted and a.part == part]
    if joined or left:
        logger.warning(
            "%s: the model's split differs from the annotations' stored parts (those of the "
            "core model's split): %d annotated responses in its %s part are stored as another "
            "part, %d stored as %s are in another part; the model's split decides",
            path,
            len(joined),
            part,
            len(left),
            part,
        )


def _fits_its_row(a: Annotation, row: _Row, path: str, line: int, log: RejectLog) -> bool:
    """Whether the annotation was made on this row (its ``sp_id``, offsets within the
    texts); a reject naming the field otherwise."""
    if a.sp_id != row.pair.seeker.id:
        log.add(
            path,
            line,
            "sp_id",
            INVALID_VALUE,
            detail="not the sp_id of the rp_id's row in the data file; the annotation is "
            "not scored",
        )
        return False
    try:
        check_offsets(a, row.pair.response.text, row.pair.seeker.text)
    except AnnotationError as exc:
        log.add(path, line, exc.field, INVALID_VALUE, detail=f"{exc.reason}; not scored")
        return False
    return True


def _label_macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    labels = sorted(set(gold) | set(pred))
    index = {label: i for i, label in enumerate(labels)}
    return metrics.macro_f1(
        [index[g] for g in gold], [index[p] for p in pred], labels=range(len(labels))
    )


def _tally_one(
    a: Annotation,
    epitome: Mapping[str, int | None],
    exchange: Exchange,
    result: ResponseAnalysis,
    tallies: Mapping[str, Tally],
    presence: Mapping[str, tuple[list[int], list[int]]],
    flags: Mapping[str, tuple[list[int], list[int]]],
    styles: tuple[list[str], list[str]],
    *,
    crisis: bool = True,
) -> None:
    text = exchange.response.text
    gold_levels = {name: a.labels[name] for name in ANNOTATED_DIMENSIONS}
    interpretation, exploration = epitome["interpretation"], epitome["exploration"]
    if interpretation is not None and exploration is not None:
        gold_levels["empathy"] = max(interpretation, exploration, a.labels["reflection"])
    for name, gold in gold_levels.items():
        if name not in result.dimensions:
            continue
        score = result[name]
        tally = tallies[name]
        tally.gold.append(gold)
        tally.pred.append(score.level)
        tally.probabilities.append(score.probabilities)
        presence[name][0].append(int(gold > 0))
        presence[name][1].append(int(score.level > 0))
        if a.rationales.get(name):
            gold_mask = metrics.spans_to_char_mask(len(text), a.rationales[name])
            pred_mask = metrics.spans_to_char_mask(
                len(text), [(s.start, s.end) for s in score.spans]
            )
            tally.gold_words.append(metrics.char_mask_to_word_labels(text, gold_mask))
            tally.pred_words.append(metrics.char_mask_to_word_labels(text, pred_mask))
    seeker = result.seeker
    if seeker is not None and seeker.distress is not None:
        tally = tallies["seeker_distress"]
        tally.gold.append(a.labels["seeker_distress"])
        tally.pred.append(seeker.distress.level)
        tally.probabilities.append(seeker.distress.probabilities)
    for name in RESPONSE_FLAGS:
        if name in result.flags:
            flags[name][0].append(a.labels[name])
            flags[name][1].append(int(result.flags[name] >= 0.5))
    if seeker is not None and crisis:
        flags["crisis"][0].append(a.labels["crisis"])
        flags["crisis"][1].append(int(seeker.needs_attention))
    known = {name: level for name, level in epitome.items() if level is not None}
    if result.style is not None and len(known) == len(epitome):
        styles[0].append(_gold_style({**known, **gold_levels}, a.labels["advice"]))
        styles[1].append(result.style)


@dataclass(frozen=True, slots=True)
class ContrastReport:
    """Per kind: items, and how many had the intended response ranked strictly first."""

    n_items: int
    ranked_first: Mapping[str, int]
    misses: Mapping[str, tuple[str, ...]]

    def share(self, kind: str) -> float:
        return self.ranked_first[kind] / self.n_items if self.n_items else 0.0

    def to_dict(self) -> JsonDict:
        return {
            "n_items": self.n_items,
            "ranked_first": dict(self.ranked_first),
            "share": {k: round(self.share(k), 4) for k in self.ranked_first},
            "misses": {k: list(v) for k, v in self.misses.items()},
        }


def expected_level(score: DimensionScore) -> float:
    return sum(k * p for k, p in enumerate(score.probabilities))


@dataclass(frozen=True, slots=True)
class ContrastItem:
    """One contrast item: a seeker message and one response per kind (:data:`CONTRAST_KINDS`
    order)."""

    id: str
    seeker: str
    responses: Mapping[str, str]


def read_contrast_set(path: str | os.PathLike[str]) -> list[ContrastItem]:
    """The items of the contrast set at ``path`` (JSON Lines, one item per line).

    InputError, naming the file, line and field, for the first malformed item, and for a set
    without any item: the set is evaluation data, so it is used whole or not at all.
    """
    where = os.fspath(path)
    items: list[ContrastItem] = []
    seen: dict[str, int] = {}
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise InputError(
                    "the line is not valid UTF-8; save the file as UTF-8", path=where, line=number
                ) from None
            if number == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except (ValueError, RecursionError) as exc:
                raise InputError(
                    f"bad contrast item: not valid JSON ({json_error(exc)})",
                    path=where,
                    line=number,
                ) from None
            item = _contrast_item(data, where, number)
            if item.id in seen:
                raise InputError(
                    f"bad contrast item: the id {item.id!r} is also on line {seen[item.id]}; "
                    "give every item its own id",
                    path=where,
                    line=number,
                    field="id",
                )
            seen[item.id] = number
            items.append(item)
    if not items:
        raise InputError(
            "the contrast set holds no items; expected one JSON object per line with id, "
            f"seeker and responses ({', '.join(CONTRAST_KINDS)})",
            path=where,
        )
    return items


def _contrast_item(data: object, path: str, line: int) -> ContrastItem:
    """Check one parsed line: an object with text ``id`` and ``seeker``, and ``responses``
    mapping exactly the contrast kinds to texts."""

    def bad(field: str | None, reason: str) -> InputError:
        return InputError(f"bad contrast item: {reason}", path=path, line=line, field=field)

    def text(within: Mapping[str, object], key: str, field: str) -> str:
        if key not in within:
            raise bad(field, "missing; it must be a non-empty string")
        value = within[key]
        if not isinstance(value, str):
            raise bad(field, f"must be a non-empty string, not {json_type(value)}")
        if is_blank(value):
            # Only invisible characters (white space, "\u200b") would be read as an empty text.
            raise bad(field, "shows no text (empty, or only invisible characters)")
        return value

    if not isinstance(data, dict):
        raise bad(None, f"expected a JSON object, not {json_type(data)}")
    item_id = text(data, "id", "id")
    seeker = text(data, "seeker", "seeker")
    kinds = ", ".join(CONTRAST_KINDS)
    if "responses" not in data:
        raise bad("responses", f"missing; it must be an object with the keys {kinds}")
    responses = data["responses"]
    if not isinstance(responses, dict):
        raise bad(
            "responses", f"must be an object with the keys {kinds}, not {json_type(responses)}"
        )
    missing = [k for k in CONTRAST_KINDS if k not in responses]
    extra = sorted(str(k) for k in responses if k not in CONTRAST_KINDS)
    if missing or extra:
        wrong = "; ".join(
            part
            for part in (
                f"missing {', '.join(missing)}" if missing else "",
                f"unexpected {', '.join(extra)}" if extra else "",
            )
            if part
        )
        raise bad("responses", f"must have exactly the keys {kinds} ({wrong})")
    texts = {k: text(responses, k, f"responses.{k}") for k in CONTRAST_KINDS}
    return ContrastItem(id=item_id, seeker=seeker, responses=texts)


def evaluate_contrast(path: str | os.PathLike[str], analyzer: Analyzer) -> ContrastReport:
    """How often each kind's response ranks strictly first on its dimension."""
    items = read_contrast_set(path)
    kinds = list(CONTRAST_KINDS)
    exchanges = [
        Exchange(
            seeker=Turn(id=item.id, text=item.seeker),
            response=Turn(id=f"{item.id}:{kind}", text=item.responses[kind]),
        )
        for item in items
        for kind in kinds
    ]
    results = analyzer.predict(exchanges)
    ranked_first = dict.fromkeys(kinds, 0)
    misses: dict[str, list[str]] = {k: [] for k in kinds}
    for i, item in enumerate(items):
        group = results[i * len(kinds) : (i + 1) * len(kinds)]
        for k, kind in enumerate(kinds):
            dimension = CONTRAST_KINDS[kind]
            if dimension not in group[k].dimensions:
                raise InputError(f"the model does not score {dimension!r}", path=os.fspath(path))
            scores = [expected_level(r[dimension]) for r in group]
            if all(scores[k] > s for j, s in enumerate(scores) if j != k):
                ranked_first[kind] += 1
            else:
                misses[kind].append(item.id)
    return ContrastReport(
        n_items=len(items),
        ranked_first=ranked_first,
        misses={k: tuple(v) for k, v in misses.items()},
    )
