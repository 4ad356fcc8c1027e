"""The carelens data model: conversation turns, exchanges and analysis results.

All types are frozen dataclasses with ``to_dict`` / ``from_dict`` for a JSON round-trip.
A :class:`Turn` is one message (ConvoKit's utterance); an :class:`Exchange` is a response
paired with the seeker message it answers; a :class:`ResponseAnalysis` is what an analyzer
returns for one exchange: a :class:`DimensionScore` per taxonomy dimension, each with its
level, calibrated per-level probabilities and rationale :class:`Span` s (character offsets
into the response text). Besides the dimensions, an analysis may carry the response flags
(probabilities), the codebook's style headline, :class:`SeekerSignals` (the seeker's distress
and crisis cues, offsets into the *seeker* text) and feedback sentences for the helper.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from carelens.text import join_surrogates

JsonDict = dict[str, Any]

#: EPITOME's CSV column prefixes (``<prefix>_level``, ``<prefix>_rationales``) and the
#: dimension each one is, in the core model's output order.
EPITOME_COLUMNS: Mapping[str, str] = {
    "emotional_reactions": "emotional_reaction",
    "interpretations": "interpretation",
    "explorations": "exploration",
}
#: The EPITOME mechanisms predicted by the core model, in output order.
EPITOME_DIMENSIONS: tuple[str, ...] = tuple(EPITOME_COLUMNS.values())
#: Number of levels per dimension: 0 none, 1 weak, 2 strong.
N_LEVELS = 3
#: ``meta`` keys that name the community a message belongs to, in order of preference.
COMMUNITY_KEYS: tuple[str, ...] = ("community", "subreddit")
#: The longest id or name (a message id, speaker, conversation, reply reference, community)
#: the readers accept and the store keeps. At 4 UTF-8 bytes a character, 512 characters stay
#: within PostgreSQL's B-tree limit of 2,704 bytes an index row.
MAX_ID_CHARS = 512


@dataclass(frozen=True, slots=True)
class Turn:
    """One message in a conversation."""

    id: str
    text: str
    speaker: str | None = None
    conversation_id: str | None = None
    reply_to: str | None = None
    timestamp: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> JsonDict:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "conversation_id": self.conversation_id,
            "reply_to": self.reply_to,
            "timestamp": self.timestamp,
            "text": self.text,
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Turn:
        """The turn of :meth:`to_dict`'s form. ``text`` must be a string and ``id`` a string
        or an integer (read as its digits, as the readers read ids; so may the
        ``conversation_id`` and ``reply_to`` be, or None); a text or id that is missing,
        None or of another type is a TypeError naming the field, as a text that is not a
        string is to the analyzer (not a turn whose text reads ``"None"``)."""
        return _turn_from(data, "Turn.from_dict")


def _found(data: Mapping[str, Any], key: str) -> str:
    """The end of a message on ``data[key]``: "; it is missing" or ", not <its type>"."""
    return "; it is missing" if key not in data else f", not {type(data[key]).__name__}"


def _turn_from(data: object, where: str) -> Turn:
    """:meth:`Turn.from_dict`, its TypeErrors starting with ``where``."""
    if not isinstance(data, Mapping):
        raise TypeError(f"{where}: a turn is a mapping, not {type(data).__name__}")
    text = data.get("text")
    if not isinstance(text, str):
        raise TypeError(f"{where}: 'text' must be a string{_found(data, 'text')}")
    fields: dict[str, str | None] = {}
    for key in ("id", "speaker", "conversation_id", "reply_to", "timestamp"):
        value = data.get(key)
        if key in _ID_KEYS and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # an integer id reads as its digits, as the readers read it
        if isinstance(value, str) or (value is None and key != "id"):
            fields[key] = value
            continue
        kind = (
            "a string or an integer"
            if key == "id"
            else "a string, an integer or None"
            if key in _ID_KEYS
            else "a string or None"
        )
        raise TypeError(f"{where}: {key!r} must be {kind}{_found(data, key)}")
    return Turn(
        id=str(fields["id"]),
        text=text,
        speaker=fields["speaker"],
        conversation_id=fields["conversation_id"],
        reply_to=fields["reply_to"],
        timestamp=fields["timestamp"],
        meta=dict(data.get("meta") or {}),
    )


#: The fields of a turn that are ids: an integer is read as its digits.
_ID_KEYS = frozenset({"id", "conversation_id", "reply_to"})


@dataclass(frozen=True, slots=True)
class Exchange:
    """A response turn paired with the seeker turn it answers (plus optional earlier turns)."""

    seeker: Turn
    response: Turn
    context: tuple[Turn, ...] = ()

    def to_dict(self) -> JsonDict:
        return {
            "seeker": self.seeker.to_dict(),
            "response": self.response.to_dict(),
            "context": [t.to_dict() for t in self.context],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Exchange:
        """The exchange of :meth:`to_dict`'s form; a turn that is missing or not a mapping,
        or whose text or id is not a string (:meth:`Turn.from_dict`), is a TypeError naming
        it (``Exchange.from_dict: seeker: 'text' must be a string, not NoneType``)."""
        if not isinstance(data, Mapping):
            raise TypeError(f"Exchange.from_dict takes a mapping, not {type(data).__name__}")
        for role in ("seeker", "response"):
            if role not in data:
                raise TypeError(f"Exchange.from_dict: the {role!r} turn is missing")
        return cls(
            seeker=_turn_from(data["seeker"], "Exchange.from_dict: seeker"),
            response=_turn_from(data["response"], "Exchange.from_dict: response"),
            context=tuple(
                _turn_from(t, f"Exchange.from_dict: context[{i}]")
                for i, t in enumerate(data.get("context") or ())
            ),
        )


@dataclass(frozen=True, slots=True)
class Span:
    """A rationale: characters ``[start, end)`` of the response text that show ``label``."""

    start: int
    end: int
    label: str
    score: float

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span offsets [{self.start}, {self.end})")

    def text_in(self, response: str) -> str:
        """The span's characters of ``response``, its surrogate pairs joined as the analysis
        joined them (:func:`~carelens.text.join_surrogates`)."""
        return join_surrogates(response)[self.start : self.end]

    def to_dict(self) -> JsonDict:
        return {"start": self.start, "end": self.end, "label": self.label, "score": self.score}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            label=str(data["label"]),
            score=float(data["score"]),
        )


@dataclass(frozen=True, slots=True)
class DimensionScore:
    """One dimension's result: level 0/1/2, a probability per level, rationale spans."""

    level: int
    probabilities: tuple[float, ...]
    spans: tuple[Span, ...] = ()

    def __post_init__(self) -> None:
        if self.level not in range(N_LEVELS):
            raise ValueError(f"level must be 0, 1 or 2, not {self.level}")
        if len(self.probabilities) != N_LEVELS:
            raise ValueError(f"expected {N_LEVELS} probabilities, got {len(self.probabilities)}")

    def to_dict(self) -> JsonDict:
        return {
            "level": self.level,
            "probabilities": list(self.probabilities),
            "spans": [s.to_dict() for s in self.spans],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DimensionScore:
        return cls(
            level=int(data["level"]),
            probabilities=tuple(float(p) for p in data["probabilities"]),
            spans=tuple(Span.from_dict(s) for s in data.get("spans") or ()),
        )


@dataclass(frozen=True, slots=True)
class SeekerSignals:
    """What the seeker message shows: distress level and crisis cues (seeker-text spans).

    ``resources`` lists crisis resources; it is filled whenever there is a crisis cue.
    """

    distress: DimensionScore | None = None
    crisis_cues: tuple[Span, ...] = ()
    resources: tuple[str, ...] = ()

    @property
    def needs_attention(self) -> bool:
        """True when the seeker message has crisis cues a person should read."""
        return bool(self.crisis_cues)

    def to_dict(self) -> JsonDict:
        return {
            "distress": self.distress.to_dict() if self.distress is not None else None,
            "crisis_cues": [s.to_dict() for s in self.crisis_cues],
            "needs_attention": self.needs_attention,
            "resources": list(self.resources),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SeekerSignals:
        distress = data.get("distress")
        return cls(
            distress=DimensionScore.from_dict(distress) if distress is not None else None,
            crisis_cues=tuple(Span.from_dict(s) for s in data.get("crisis_cues") or ()),
            resources=tuple(str(r) for r in data.get("resources") or ()),
        )


@dataclass(frozen=True, slots=True)
class HelperSignals:
    """What the response shows about its writer: their own distress or exhaustion.

    ``distress`` is the personal-distress model's score (1-7); ``distress_high`` is true when
    it passes the model's threshold or the response states exhaustion ("I'm burned out");
    ``spans`` (response offsets) show the words behind it. A signal to look at over many
    responses, never a judgement of the helper.
    """

    distress: float
    distress_high: bool = False
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> JsonDict:
        return {
            "distress": self.distress,
            "distress_high": self.distress_high,
            "spans": [s.to_dict() for s in self.spans],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> HelperSignals:
        return cls(
            distress=float(data["distress"]),
            distress_high=bool(data.get("distress_high")),
            spans=tuple(Span.from_dict(s) for s in data.get("spans") or ()),
        )


#: Keys of :meth:`ResponseAnalysis.to_dict` that are not dimensions.
ANALYSIS_FIELDS: tuple[str, ...] = (
    "flags",
    "style",
    "seeker",
    "helper",
    "unsafe",
    "feedback",
    "model",
)
#: Keys of a result record (``carelens analyze``'s JSON Lines output,
#: :func:`carelens.output.records.result_record`) around the analysis: the ids that locate
#: the pair (its ``ID_FIELDS``) and the two texts (its ``TEXT_FIELDS``).
#: :meth:`ResponseAnalysis.from_dict` reads such a record, leaving these out.
RECORD_FIELDS: tuple[str, ...] = (
    "seeker_id",
    "response_id",
    "conversation_id",
    "speaker",
    "timestamp",
    "seeker_speaker",
    "community",
    "seeker_text",
    "response_text",
)


@dataclass(frozen=True, slots=True)
class ResponseAnalysis:
    """Everything an analyzer says about one response, keyed by taxonomy dimension name.

    ``unsafe`` holds the response's words that urge the seeker to die or hurt themselves
    (label ``urging``) or tell them how (label ``method``), found by
    :mod:`carelens.analysis.unsafe`: a pointer for a person to read, like the seeker's
    crisis cues. ``()`` means the response was checked and nothing was found; ``None`` that
    it was not checked (an analysis built by hand, or a result written before the check).
    """

    dimensions: Mapping[str, DimensionScore]
    model_id: str
    flags: Mapping[str, float] = field(default_factory=dict)
    style: str | None = None
    seeker: SeekerSignals | None = None
    feedback: tuple[str, ...] = ()
    helper: HelperSignals | None = None
    unsafe: tuple[Span, ...] | None = None

    def __post_init__(self) -> None:
        clash = [name for name in self.dimensions if name in (*ANALYSIS_FIELDS, *RECORD_FIELDS)]
        if clash:
            raise ValueError(
                f"dimension name {clash[0]!r} is taken by another field of the analysis "
                "or of its result record"
            )

    def __getitem__(self, dimension: str) -> DimensionScore:
        return self.dimensions[dimension]

    @property
    def unsafe_reply(self) -> bool:
        """True when the response has unsafe wording a person should read."""
        return bool(self.unsafe)

    def to_dict(self) -> JsonDict:
        out: JsonDict = {name: score.to_dict() for name, score in self.dimensions.items()}
        if self.flags:
            out["flags"] = dict(self.flags)
        if self.style is not None:
            out["style"] = self.style
        if self.seeker is not None:
            out["seeker"] = self.seeker.to_dict()
        if self.helper is not None:
            out["helper"] = self.helper.to_dict()
        if self.unsafe is not None:
            out["unsafe"] = [s.to_dict() for s in self.unsafe]
        if self.feedback:
            out["feedback"] = list(self.feedback)
        out["model"] = self.model_id
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ResponseAnalysis:
        """The analysis of :meth:`to_dict`'s form, or of a result record (a line of ``carelens
        analyze``'s JSON Lines output), whose ids and texts (:data:`RECORD_FIELDS`) are left
        out. Any other key is a dimension: one whose value is not an object is a TypeError
        naming the key."""
        if not isinstance(data, Mapping):
            raise TypeError(
                f"ResponseAnalysis.from_dict takes a mapping, not {type(data).__name__}"
            )
        dims: dict[str, DimensionScore] = {}
        for key, value in data.items():
            if key in ANALYSIS_FIELDS or key in RECORD_FIELDS:
                continue
            if not isinstance(value, Mapping):
                raise TypeError(
                    f"ResponseAnalysis.from_dict: {key!r} is no field of an analysis or a "
                    "result record, so it is read as a dimension, but its value is "
                    f"{type(value).__name__}, not a dimension score (an object with level "
                    "and probabilities)"
                )
            dims[key] = DimensionScore.from_dict(value)
        seeker = data.get("seeker")
        helper = data.get("helper")
        unsafe = data.get("unsafe")
        return cls(
            dimensions=dims,
            model_id=str(data["model"]),
            flags={str(k): float(v) for k, v in (data.get("flags") or {}).items()},
            style=data.get("style"),
            seeker=SeekerSignals.from_dict(seeker) if seeker is not None else None,
            feedback=tuple(str(f) for f in data.get("feedback") or ()),
            helper=HelperSignals.from_dict(helper) if helper is not None else None,
            unsafe=tuple(Span.from_dict(s) for s in unsafe) if unsafe is not None else None,
        )
