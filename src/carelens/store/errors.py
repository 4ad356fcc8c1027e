"""Errors of the storage layer, all under :class:`carelens.errors.CarelensError`.

::

    CarelensError
    └── StoreError                 the database cannot be opened, read or written
        ├── StoreUnavailableError  ...for now: unreachable, lost, busy or out of resources
        ├── StoreFaultError        ...until fixed: read-only, corrupt, no permission
        ├── ModelMismatchError     results of another model or redaction than the corpus'
        ├── SchemaVersionError     the database was written by a newer carelens
        ├── CorpusNotFoundError    no corpus has that id (also a LookupError)
        └── InvalidQueryError      a bad status, filter, page or id argument (a ValueError)

Records that cannot be stored (no ``seq``, not JSON) raise :class:`carelens.errors.InputError`
naming the field. These classes live here rather than in ``carelens.errors`` only because the
storage layer was written alongside the rest; they may move there without changing callers
that import them from :mod:`carelens.store`.
"""

from __future__ import annotations

from carelens.errors import CarelensError


class StoreError(CarelensError):
    """The result store could not be opened, read or written."""


class StoreUnavailableError(StoreError):
    """The database cannot be used right now, so trying again later may succeed: it cannot
    be reached or the connection was lost, it is shutting down or out of resources, or a
    lock was held too long. Any other :class:`StoreError` (a record the database refuses,
    a closed store) will fail the same way again."""


class StoreFaultError(StoreError):
    """The database refuses the work for a reason its operator must fix: it is read-only,
    corrupt or not a database at all, or the account lacks a permission. Its message is the
    database's own (``attempt to write a readonly database``, ``database disk image is
    malformed``), which names the fault and quotes no stored data, so a server logs it."""


class ModelMismatchError(StoreError):
    """Results given to :meth:`~carelens.store.Store.add_results` come from another model
    build or redaction setting than the corpus records (another server took the corpus up
    and started it over): one corpus never holds two models' results, nor redacted and
    unredacted texts side by side."""

    def __init__(self, corpus_id: str, what: str) -> None:
        self.corpus_id = corpus_id
        self.what = what
        super().__init__(
            f"corpus {corpus_id!r} now records {what}; these results were not stored "
            "(another process took the corpus up with other settings)"
        )


class SchemaVersionError(StoreError):
    """The database's schema is newer than this carelens understands; upgrade carelens."""

    def __init__(self, where: str, found: int, supported: int) -> None:
        self.where = where
        self.found = found
        self.supported = supported
        super().__init__(
            f"{where}: the database has schema version {found}, but this carelens supports "
            f"up to version {supported}; upgrade carelens (pip install -U carelens) or point "
            "it at another database"
        )


class CorpusNotFoundError(StoreError, LookupError):
    """No corpus has the given id."""

    def __init__(self, corpus_id: str) -> None:
        self.corpus_id = corpus_id
        super().__init__(f"no corpus with id {corpus_id!r}; list them with list_corpora()")


class InvalidQueryError(StoreError, ValueError):
    """A status, filter, page or id argument is not valid (message says which and why)."""
