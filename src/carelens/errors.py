"""The carelens exception hierarchy.

Every error the library raises on purpose derives from :class:`CarelensError`, so callers
(and the CLI) can catch one type and show one clear line::

    CarelensError
    ├── InputError            a file or record cannot be read (names file, line, field)
    │   └── FormatDetectionError   the input format could not be recognised
    ├── ModelError            a model artifact is missing, tampered with, or incompatible
    │   └── ChecksumError     a file's SHA-256 differs from the manifest
    ├── NotFittedError        a trainable object was used before ``fit``
    └── MissingExtraError     an optional dependency is not installed (names the extra)

    TypeError
    └── PairTypeError         a pair given to the analyzer is not two strings (names it)

Every class pickles (a worker process can send it back) with its message and attributes.
"""

from __future__ import annotations


class CarelensError(Exception):
    """Base class for every error carelens raises deliberately."""


class InputError(CarelensError):
    """A file or record could not be read.

    ``path``, ``line`` and ``field`` locate the problem when they are known; ``index`` is
    the 0-based place of a pair given to the analyzer (``analyze_many``, ``predict``) whose
    text is empty. The message says what to do next.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
        index: int | None = None,
    ) -> None:
        self.reason = message
        self.path = path
        self.line = line
        self.field = field
        self.index = index
        where = []
        if path is not None:
            where.append(str(path))
        if line is not None:
            where.append(f"line {line}")
        if field is not None:
            where.append(f"field {field!r}")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class FormatDetectionError(InputError):
    """The input format could not be detected; pass ``--format`` explicitly."""


class ConfigError(CarelensError):
    """A setting cannot work (a command-line option or configuration value); the message
    names it and the range it must be in."""


class ModelError(CarelensError):
    """A model artifact is missing, damaged or incompatible with this carelens."""


class ChecksumError(ModelError):
    """A model file's checksum does not match its manifest (the file was changed)."""


class NotFittedError(CarelensError):
    """A trainable object was used before it was fitted."""


class MissingExtraError(CarelensError):
    """An optional dependency is missing; the message names the extra to install.

    ``install`` replaces the suggested command when the extra alone does not bring the
    package (one installed with ``--no-deps``, say). The message also gives the form that
    works in a source checkout (``'.[extra]'``), where ``carelens[extra]`` names a package
    pip would look for on an index.
    """

    def __init__(self, package: str, extra: str, install: str | None = None) -> None:
        self.package = package
        self.extra = extra
        named = f"'carelens[{extra}]'"
        command = install or f"pip install {named}"
        if install is None:
            checkout = f" (from a carelens checkout: pip install '.[{extra}]')"
        elif named in install:
            checkout = f" (from a carelens checkout, '.[{extra}]' in place of {named})"
        else:
            checkout = ""
        self.install = install
        super().__init__(
            f"this feature needs the optional package {package!r}; install it with: "
            f"{command}{checkout}"
        )

    def __reduce__(self) -> tuple[type[MissingExtraError], tuple[str, str, str | None]]:
        # Pickled as its arguments: the default passes the message alone to __init__.
        return type(self), (self.package, self.extra, self.install)


class PairTypeError(TypeError):
    """A pair given to the analyzer is not an Exchange or a ``(seeker, response)`` tuple, or
    one of its texts is not a string. ``index`` is the pair's 0-based place in the input
    (``analyze_many``, ``predict``; 0 for ``analyze``)."""

    def __init__(self, message: str, *, index: int | None = None) -> None:
        self.index = index
        super().__init__(message)
