"""carelens errors met in a Ray worker, handed back to the driver as data and raised there.

An error raised in a Ray worker reaches the driver wrapped in Ray's own (an
``ActorDiedError`` for one raised while a worker loads its model, a
``RayTaskError(UserCodeException)`` for one raised while it scores), whose message is the
worker's whole traceback and which no longer holds the error itself: the user would see
Ray's traceback where ``carelens analyze`` prints one ``error:`` line. So a scoring worker
catches the :class:`~carelens.errors.CarelensError` it meets (the model cannot be loaded on
its device, a GPU runs out of memory at a fixed batch size), and the OSError of a part it
cannot write (a full disk: :func:`write_failure`), and returns it as the ``error`` of its
output row (:func:`error_payload`, JSON), and the driver raises it (:func:`worker_error`):
the same class where carelens has it, with the same message, and an
:class:`~carelens.errors.InputError` with its file, line and field. An OSError a Ray task
of the run meets reaches the driver wrapped in Ray's error, whose cause
:func:`write_failure` finds too. Any other error is Ray's to report, as a bug would be.
"""

from __future__ import annotations

import json
import os

from carelens import errors
from carelens.errors import CarelensError, InputError
from carelens.output.paths import failure_cause

#: The errors rebuilt as their own class from their message alone (others: CarelensError,
#: whose message is the same; an InputError keeps its place too).
_BY_MESSAGE: dict[str, type[CarelensError]] = {
    cls.__name__: cls
    for cls in (
        errors.ConfigError,
        errors.ModelError,
        errors.ChecksumError,
        errors.NotFittedError,
        CarelensError,
    )
}
_INPUT_ERRORS: dict[str, type[InputError]] = {
    cls.__name__: cls for cls in (InputError, errors.FormatDetectionError)
}


def os_error_of(exc: BaseException) -> OSError | None:
    """The OSError with an error number behind ``exc``: itself, or the cause Ray wrapped
    (``RayTaskError(OSError)``'s ``cause``, an exception's ``__cause__``); None when none."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno is not None:
            return current
        wrapped = getattr(current, "cause", None)
        current = wrapped if isinstance(wrapped, BaseException) else current.__cause__
    return None


def write_failure(exc: BaseException, file: str | os.PathLike[str]) -> InputError:
    """An OSError a batch run met writing ``file`` (a part, the staged pairs: its own file
    name when it has one), as the one ``error:`` line ``analyze`` gives: the file, the cause
    in words, and that the finished parts are kept for a re-run to resume."""
    found = os_error_of(exc) or (exc if isinstance(exc, OSError) else None)
    cause = failure_cause(found) if found is not None else str(exc)
    named = found.filename if found is not None and found.filename else file
    return InputError(
        f"cannot write it: {cause}; the parts finished so far are kept: run the same command "
        "again to resume",
        path=os.fspath(named),
    )


def error_payload(error: CarelensError) -> str:
    """``error`` as JSON text for a worker's output row: its class name and message, and an
    InputError's reason, path, line and field. ASCII: a file name that is not UTF-8
    (``caf\\udce9.csv``) is kept as ``\\u`` escapes, which Arrow can store and
    :func:`worker_error` reads back as the very same name."""
    data: dict[str, object] = {"type": type(error).__name__, "message": str(error)}
    if isinstance(error, InputError):
        data.update(reason=error.reason, path=error.path, line=error.line, field=error.field)
    return json.dumps(data)


def worker_error(payload: str) -> CarelensError:
    """The error a worker sent as ``payload`` (:func:`error_payload`), to raise."""
    data = json.loads(payload)
    name, message = str(data.get("type")), str(data.get("message"))
    if name in _INPUT_ERRORS and "reason" in data:
        return _INPUT_ERRORS[name](
            str(data["reason"]),
            path=data.get("path"),
            line=data.get("line"),
            field=data.get("field"),
        )
    return _BY_MESSAGE.get(name, CarelensError)(message)
