"""How a run writes its records, kept beside its output, and whether it may resume one.

:class:`RecordOptions` is what a record holds besides the analysis, as the run was asked to
write it: ``--no-text``, ``--redact``, the model (its id and fingerprint), ``--helper``,
``--batch-size``. A resumed run must add records made the same way, or one file would hold,
say, redacted and unredacted texts, the responses of other helpers, two builds of a model's
results, or results of pairs batched otherwise (an int8 model's results depend on the pairs
batched together). An options file from before the batch size was kept accepts any.
:class:`~carelens.output.writer.ResultWriter` keeps the options in a small JSON file beside
the output, ``OUT.options.json`` (:func:`write_options`: written before the first record,
kept after the run, as the output's own account of how it was made), and
:class:`ResumeCheck` refuses to resume an output written otherwise; a ``--redact`` run over
an output written without it is told to start over, never to resume without ``--redact``
(which would write the rest unredacted). Other ``--helper`` patterns are refused before any
record is read, since the records would not line up with the input.

An output whose options do not name the build of its model (no options file: an output
begun by an older carelens; or one written before the fingerprint was kept) is never
resumed by a run that knows its own build: its records cannot show which build made them,
and resuming would put two builds' results in one file. A resume leaves a kept options
file as it was (the options agree, or the resume is refused), so it never comes to
describe records it was not written with.

Where the run's model does not name its build (an analyzer without ``model_fingerprint``,
from Python), an output without options is judged by its records: texts are null exactly
with ``--no-text`` and each record names its model. Its redaction may have been made by
older, narrower rules than today's :func:`~carelens.privacy.redact`, so a redaction
placeholder its input lacks shows that it was redacted, while personal data left as read
shows only that it was not, or that the older rules missed it: enough to refuse
``--redact``, never to advise dropping it. Where a record cannot show it (no texts, or
texts that are neither the input's nor a redaction of it), resuming is refused; where no
resumed pair holds personal data, both ways give the same records, so the run resumes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from carelens._version import __version__
from carelens.privacy import KINDS
from carelens.privacy import redact as redact_text
from carelens.readers.helpers import as_options, same_patterns
from carelens.types import Exchange, JsonDict

#: Suffix of the file beside an output that says how its records were written.
OPTIONS_SUFFIX = ".options.json"


@dataclass(frozen=True, slots=True)
class RecordOptions:
    """How a run writes its records, besides the analysis; a resumed run must write its
    records the same way (:meth:`ResultWriter.open` checks it).

    ``no_text``: the seeker and response texts are left out (null); ``redact``: personal
    data in every text is replaced by placeholders; ``model``: the id of the model that
    scores them (None: not checked); ``helpers``: the ``--helper`` patterns whose responses
    alone are analysed (:mod:`carelens.readers.helpers`; empty: every response);
    ``model_fingerprint``: what tells that model from another with the same id
    (:attr:`~carelens.inference.artifact.ModelArtifact.fingerprint`; None: not checked);
    ``batch_size``: the pairs per model batch (``--batch-size``), on which the results of
    an int8 model depend beyond 1 (None: not checked).
    """

    no_text: bool = False
    redact: bool = False
    model: str | None = None
    helpers: tuple[str, ...] = ()
    model_fingerprint: str | None = None
    batch_size: int | None = None


def options_path(output: str | os.PathLike[str]) -> Path:
    """The file beside ``output`` that keeps the :class:`RecordOptions` it was written with."""
    p = Path(output)
    return p.with_name(p.name + OPTIONS_SUFFIX)


def read_options(path: Path) -> dict[str, Any] | None:
    """The options kept in ``path`` (an ``OUT.options.json``), or None when it is absent or
    unreadable (the output is then judged by its records, as one written before the file
    existed)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_options(path: Path, options: RecordOptions) -> None:
    """Keep ``options`` in ``path`` (atomically, so it is never seen half written)."""
    data = {"written_by": f"carelens {__version__}", **asdict(options)}
    data["helpers"] = list(options.helpers)  # as JSON reads it back, to compare
    if read_options(path) == data:
        return
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:  # a full disk: no empty temporary file left beside the output
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def _with(option: str, used: bool) -> str:
    return f"with {option}" if used else f"without {option}"


#: What :func:`carelens.privacy.redact` writes in place of personal data, one per kind.
_PLACEHOLDERS = tuple(f"[{kind}]" for kind in KINDS)


def _adds_placeholder(written: str | None, original: str) -> bool:
    """Whether ``written`` holds more of some redaction placeholder than ``original``: it
    was redacted (by this carelens's rules or an older one's)."""
    return bool(written) and any(
        str(written).count(mark) > original.count(mark) for mark in _PLACEHOLDERS
    )


def _shows(texts: tuple[object, object], candidate: tuple[str, str]) -> bool:
    """Whether a record's ``texts`` (seeker, response) are ``candidate``."""
    seeker_ok = texts[0] == candidate[0] or (texts[0] is None and not candidate[0])
    return seeker_ok and texts[1] == candidate[1]


class ResumeCheck:
    """What the records of an output being resumed show of the options they were written
    with, against the options of this run (:class:`RecordOptions`).

    ``kept`` are the options kept beside the output (None: an output from before they
    were kept, or whose ``options_file`` cannot be read). Where this run knows its model's
    build (``wanted.model_fingerprint``), ``kept`` must name the same one:
    :meth:`first_problem` refuses an output whose build is not known. Texts show
    ``--no-text`` exactly (null exactly then: a response is never empty) and each record
    names its model. ``--redact`` is taken from ``kept``. Without it (a run whose model
    does not name its build), the records are read knowing that the older carelens that
    wrote them may have redacted by other rules than this one's
    :func:`~carelens.privacy.redact` (each release finds more):

    - a redaction placeholder (``[email]``, ``[phone]`` …) in a record's texts that its
      input lacks shows the output was written with ``--redact``;
    - texts that are the input's, where the input holds personal data, show it was
      written without ``--redact``, or with a redaction that did not find it: enough to
      refuse a resume with ``--redact``, never to advise one without it;
    - texts that are neither (the input changed?), and a record whose input holds
      personal data but which has no texts (``--no-text``), cannot show it: the check
      refuses.

    Records without personal data are the same either way and show nothing.
    """

    def __init__(
        self,
        wanted: RecordOptions,
        kept: Mapping[str, Any] | None,
        *,
        options_file: Path | None = None,
    ) -> None:
        self.wanted = wanted
        #: Whether options were kept (a readable options file), and where (for messages).
        self.kept_options = kept is not None
        self.options_file = options_file
        redact = (kept or {}).get("redact")
        self.kept_redact = redact if isinstance(redact, bool) else None
        # An output begun before --helper existed, or without it, holds every response.
        helpers = (kept or {}).get("helpers") or []
        self.kept_helpers = (
            tuple(helpers)
            if isinstance(helpers, list) and all(isinstance(h, str) for h in helpers)
            else None
        )
        # Kept since the fingerprint was: an output without it cannot show its model's build
        # (refused by a run that knows its own, :meth:`first_problem`).
        fingerprint = (kept or {}).get("model_fingerprint")
        self.kept_fingerprint = fingerprint if isinstance(fingerprint, str) else None
        #: Whether the kept options name a fingerprint at all (null: a model without one).
        self.kept_names_fingerprint = "model_fingerprint" in (kept or {})
        # Kept since --batch-size was: an older output is resumed with any batch size.
        batch_size = (kept or {}).get("batch_size")
        self.kept_batch_size = (
            batch_size if isinstance(batch_size, int) and not isinstance(batch_size, bool) else None
        )
        self.with_texts: set[bool] = set()
        self.models: list[str] = []
        #: The first record whose texts hold a placeholder its input lacks.
        self.redacted: int | None = None
        #: The first record whose texts are its input's, which holds personal data.
        self.as_read: int | None = None
        #: The first record whose texts are neither its input's nor a redaction of it.
        self.unreadable: int | None = None
        #: The first record whose input holds personal data and which has no texts.
        self.textless: int | None = None
        #: Whether the texts a record holds are checked against its input even where the
        #: kept options say how they were written (set for an output begun before the
        #: digests of its texts were kept, :mod:`carelens.output.digests`).
        self.verify_texts = False

    def add(self, number: int, record: JsonDict, exchange: Exchange) -> None:
        texts = (record.get("seeker_text"), record.get("response_text"))
        self.with_texts.add(texts[1] is not None)
        model = record.get("model")
        if isinstance(model, str) and model not in self.models:
            self.models.append(model)
        plain = (exchange.seeker.text, exchange.response.text)
        if self.kept_redact is not None:
            if self._changed(texts, plain):
                self.unreadable = number
            return
        if not self._reading_redaction():
            return

        def personal() -> bool:
            return redact_text(plain[0]) != plain[0] or redact_text(plain[1]) != plain[1]

        if texts[1] is None:
            if self.textless is None and personal():
                self.textless = number
        elif _shows(texts, plain):
            if self.as_read is None and personal():
                self.as_read = number
        elif any(_adds_placeholder(t, p) for t, p in zip(texts, plain, strict=True)) or _shows(
            texts, (redact_text(plain[0]), redact_text(plain[1]))
        ):
            if self.redacted is None:
                self.redacted = number
        elif self.unreadable is None:
            self.unreadable = number

    def _changed(self, texts: tuple[Any, Any], plain: tuple[str, str]) -> bool:
        """Whether a record's ``texts`` are neither its input's nor (when the kept options
        say ``--redact``) their redaction, for :attr:`verify_texts`."""
        if not self.verify_texts or texts[1] is None or self.unreadable is not None:
            return False
        if _shows(texts, plain):
            return False
        return not (
            self.kept_redact and _shows(texts, (redact_text(plain[0]), redact_text(plain[1])))
        )

    def first_problem(self) -> str | None:
        """Why the output cannot be resumed, known from the kept options alone (before any
        record is matched with the input): kept options that name no model build, where
        this run knows its own (nothing then shows which build made the records); other
        ``--helper`` patterns, which hold other responses, so the records would not line up
        with this run's exchanges; another model build or another ``--batch-size``, which
        would score the rest otherwise."""
        again = "remove or rename the output (or pass --overwrite) to start over"
        wanted = self.wanted.model_fingerprint
        if wanted is not None and self.kept_fingerprint is None:
            return self._unknown_build()  # first: no other option could make it resumable
        if self.kept_helpers is None:
            return (
                "the options file beside the existing output names its --helper patterns in "
                f"a form this carelens cannot read, so it cannot be resumed; {again}"
            )
        if not same_patterns(self.kept_helpers, self.wanted.helpers):
            return (
                f"the existing output holds the responses of {as_options(self.kept_helpers)} "
                f"and this run asks for those of {as_options(self.wanted.helpers)}: run again "
                f"with the same --helper patterns to resume it, or {again}"
            )
        if None not in (self.kept_fingerprint, wanted) and self.kept_fingerprint != wanted:
            return (
                "the existing output was written by another build of the model "
                f"{self.wanted.model!r} (its weights or settings differ: fingerprint "
                f"{self.kept_fingerprint}, this run's {wanted}); one output must hold one "
                f"model's results: run again with that model (--model) to resume it, or "
                f"{again}"
            )
        wanted_batch = self.wanted.batch_size
        if (
            None not in (self.kept_batch_size, wanted_batch)
            and self.kept_batch_size != wanted_batch
        ):
            return (
                f"the existing output was written with --batch-size {self.kept_batch_size} and "
                f"this run's is {wanted_batch}; a pair's results depend on the batch it is "
                "analysed in, so one output must be written with one batch size: run again "
                f"with --batch-size {self.kept_batch_size} to resume it, or {again}"
            )
        return None

    def _unknown_build(self) -> str:
        """Why an output whose kept options name no model build cannot be resumed by this
        run, which knows its own: what the output is, and how to start over."""
        file = "options file" if self.options_file is None else self.options_file.name
        if not self.kept_options and self.options_file is not None and self.options_file.exists():
            what = (
                f"its {file} cannot be read, so nothing records the build of the model that "
                "made its results"
            )
        elif not self.kept_options or not self.kept_names_fingerprint:
            where = (
                f"no {file} beside it"
                if not self.kept_options
                else f"its {file} names the model, not its build"
            )
            what = (
                "it holds the results of an older carelens, which kept no record of the build "
                f"of the model that made them ({where})"
            )
        else:
            what = (
                f"it holds the results of a model that does not name its build (its {file} "
                "has no fingerprint)"
            )
        return (
            f"the existing output cannot be resumed: {what}; resuming with this run's model, "
            f"{self.wanted.model!r} (build {self.wanted.model_fingerprint}), could put two "
            "builds' results in one output: pass --overwrite to start over, or choose another "
            "output path"
        )

    def _reading_redaction(self) -> bool:
        """Whether redaction is still read from the records (not once they have shown it
        both ways, or one could not show it: the check refuses then anyway)."""
        both = self.redacted is not None and self.as_read is not None
        return not both and self.unreadable is None and self.textless is None

    def problem(self) -> str | None:
        """Why the output cannot be resumed with this run's options, or None."""
        again = "remove or rename the output (or pass --overwrite) to start over"
        if len(self.with_texts) == 2:
            return (
                "some records of the existing output carry their texts and others do not "
                f"(written with and without --no-text), so it cannot be resumed; {again}"
            )
        if self.with_texts and (True in self.with_texts) == self.wanted.no_text:
            had = not self.wanted.no_text
            return self._differs("--no-text", had, again)
        wanted_model = self.wanted.model
        if wanted_model is not None and any(m != wanted_model for m in self.models):
            other = next(m for m in self.models if m != wanted_model)
            return (
                f"the existing output was written by the model {other!r} and this run's model "
                f"is {wanted_model!r}; one output must hold one model's results: run again "
                f"with that model (--model) to resume it, or {again}"
            )
        if self.kept_redact is not None:
            if self.kept_redact != self.wanted.redact:
                return self._differs("--redact", self.kept_redact, again)
            if self.unreadable is not None:
                return (
                    f"the texts of record {self.unreadable} are neither the input's nor its "
                    f"redaction: was the input changed? It cannot be resumed; {again}"
                )
            return None
        return self._older_redaction(again)

    def _older_redaction(self, again: str) -> str | None:
        """Why an output begun by an older carelens (no options kept) cannot be resumed
        with or without ``--redact`` as this run asks, or None."""
        unknown = (
            "the existing output does not say whether it was written with --redact (it was "
            "begun by an older carelens), and its records cannot show it"
        )
        if self.textless is not None:
            return (
                f"{unknown} (record {self.textless} holds personal data and no texts), so it "
                f"cannot be resumed safely; {again}"
            )
        if self.unreadable is not None:
            return (
                f"{unknown} (the texts of record {self.unreadable} are neither the input's nor "
                f"its redaction: was the input changed?), so it cannot be resumed safely; {again}"
            )
        as_read = (
            f"record {self.as_read} holds personal data as read (the output was written "
            "without --redact, or with the redaction of an older carelens, which did not find it)"
        )
        if self.redacted is not None and self.as_read is not None:
            return (
                f"some records of the existing output are redacted (record {self.redacted} "
                f"holds a placeholder) and others are not: {as_read}, so it cannot be resumed "
                f"safely; {again}"
            )
        if self.redacted is not None and not self.wanted.redact:
            return self._differs("--redact", True, again)
        if self.as_read is not None and self.wanted.redact:
            return (
                f"this run is with --redact and the existing output was begun by an older "
                f"carelens: {as_read}; a resumed output must be written as it was begun, so "
                f"it cannot be resumed with --redact; {again}"
            )
        return None

    def _differs(self, option: str, had: bool, again: str) -> str:
        said = (
            f"the existing output was written {_with(option, had)} and this run is "
            f"{_with(option, not had)}; a resumed output must be written as it was begun "
            "(one file must not mix the two)"
        )
        if option == "--redact" and not had:
            # Resuming without --redact would write the rest unredacted: never advised.
            return f"{said}, so it cannot be resumed with --redact; {again}"
        return f"{said}: run again {_with(option, had)} to resume it, or {again}"
